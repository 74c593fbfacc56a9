/* percent.c - a share written in the prose ("予以公开42件，占51.85%")
 * recomputed from the counts of its sentence (W0671). The base is not
 * named, so it is any earlier count of the sentence not smaller than the
 * part ("收到申请81件，……42件，占51.85%"): the warning comes only when
 * no such base gives the percentage as written, rounded or truncated to
 * the decimals written. Linear in the prose: only the sentences with 占
 * are read character by character. */
#include <stdio.h>
#include <string.h>
#include "internal.h"
#include "base/cnnum.h"
#include "base/utf8.h"

enum { MAX_COUNTS = 64, MAX_DECIMALS = 4, MAX_GAP = 12, WALK_CACHE = 1024 };

typedef struct count { long long v; const unsigned char *b, *e; } count;

static int digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* What the walk over one prose text keeps: the count unit, and for the
 * last characters seen whether a Chinese numeral can start with them
 * (cnnum_parse of the character alone finds one: 百千万亿 and the
 * characters that are no numerals never start one). */
typedef struct walk {
    const char *unit;
    size_t un;
    uint32_t cp[WALK_CACHE];
    signed char starts[WALK_CACHE];
} walk;

static int numeral_start(walk *w, const unsigned char *p, int k, uint32_t cp)
{
    size_t h = cp % WALK_CACHE;
    if (w->cp[h] != cp) {
        long long v;
        w->cp[h] = cp;
        w->starts[h] = cnnum_parse(p, p + k, &v) > 0;
    }
    return w->starts[h];
}

/* "N件" at p (N in digits or Chinese numerals; p's character is k bytes,
 * code point cp): 1, the count and its end (after 件) in *x; else 0 and
 * *skip the bytes to move on by. */
static int count_at(walk *w, const unsigned char *p, const unsigned char *e, int k, uint32_t cp, count *x,
                    size_t *skip)
{
    size_t n = 0;
    long long v = 0;
    if (digit(*p)) {
        for (; p + n < e && digit(p[n]); n++)
            if (v < 1000000000000LL) v = v * 10 + (p[n] - '0');
        *skip = n;
        if (p + n < e && p[n] == '.') {   /* 12.5: a decimal is not a count */
            for (n++; p + n < e && digit(p[n]); n++) continue;
            *skip = n;
            return 0;
        }
        if (v >= 1000000000000LL) return 0;
    } else {
        *skip = k > 0 ? (size_t)k : 1;
        if (k < 2 || !numeral_start(w, p, k, cp)) return 0;
        n = cnnum_parse(p, e, &v);
        if (!n) return 0;
        *skip = n;
    }
    if ((size_t)(e - p - n) < w->un || memcmp(p + n, w->unit, w->un)) return 0;
    *x = (count){v, p, p + n + w->un};
    return 1;
}

/* After a count ending at p: "，占" then at most MAX_GAP characters that
 * are no digits and no punctuation (申请总数的), then the percentage.
 * Its digits scaled to an integer in *w, its decimals in *d, its span. */
static int share_after(const unsigned char *p, const unsigned char *e, long long *w, int *d,
                       const unsigned char **pb, const unsigned char **pe)
{
    static const char *const commas[] = {"，", ",", NULL};
    int ok = 0;
    for (int i = 0; commas[i] && !ok; i++)
        if ((size_t)(e - p) >= strlen(commas[i]) && !memcmp(p, commas[i], strlen(commas[i]))) p += strlen(commas[i]), ok = 1;
    if (!ok || (size_t)(e - p) < 3 || memcmp(p, "占", 3)) return 0;
    p += 3;
    const unsigned char *gap = p;
    for (int n = 0; p < e && !digit(*p); n++) {
        uint32_t cp;
        int k = utf8_decode(p, e, &cp);
        if (k <= 0 || n >= MAX_GAP || cp < 0x4E00 || cp > 0x9FFF) return 0;
        p += k;
    }
    for (const unsigned char *q = gap; q < p; q++)
        if (prose_last_year_word(q, p)) return 0;   /* 占上年的60%: last year's base */
    *pb = p;
    long long v = 0;
    int dec = -1;
    for (; p < e && (digit(*p) || (*p == '.' && dec < 0)); p++) {
        if (*p == '.') {
            dec = 0;
            continue;
        }
        if (v > 1000000) return 0;
        v = v * 10 + (*p - '0');
        if (dec >= 0 && ++dec > MAX_DECIMALS) return 0;
    }
    if (dec == 0) return 0;   /* "40.%" */
    size_t pct = (size_t)(e - p) >= 1 && *p == '%' ? 1 : (size_t)(e - p) >= 3 && !memcmp(p, "％", 3) ? 3 : 0;
    if (!pct) return 0;
    *pe = p + pct;
    *w = v;
    *d = dec < 0 ? 0 : dec;
    return 1;
}

static long long pow10i(int d)
{
    long long x = 1;
    while (d-- > 0) x *= 10;
    return x;
}

/* w (with d decimals) is part/base × 100, rounded or truncated. */
static int share_ok(long long part, long long base, long long w, int d)
{
    long long num = part * 100 * pow10i(d);
    long long lo = num / base, hi = lo + (num % base != 0);
    return w == lo || w == hi;
}

/* A share that no base of its sentence gives: the part, the first base
 * it was tried against, the share as written (w with d decimals) and the
 * places of the share and of the base, offsets from the prose text's
 * start. It depends on the text alone: the memo keeps it (MEMO_SHARES). */
typedef struct finding {
    long long part, base, w;
    int d;
    uint32_t pb, pe, bb, be;
} finding;

/* The findings of one prose text [b, e). */
typedef struct findings {
    ck *c;
    const unsigned char *b;
    finding *v; size_t n;
} findings;

static void report(ck *c, const unsigned char *b, const finding *f)
{
    long long num = f->part * 100 * pow10i(f->d), r = (2 * num + f->base) / (2 * f->base), s = pow10i(f->d);
    int d = f->d;
    char want[48], said[48], ps[24], bs[24];
    if (d) snprintf(want, sizeof want, "%lld.%0*lld", r / s, d, r % s);
    else snprintf(want, sizeof want, "%lld", r);
    if (d) snprintf(said, sizeof said, "%lld.%0*lld", f->w / s, d, f->w % s);
    else snprintf(said, sizeof said, "%lld", f->w);
    snprintf(ps, sizeof ps, "%lld", f->part);
    snprintf(bs, sizeof bs, "%lld", f->base);
    uint32_t o = (uint32_t)(b - (const unsigned char *)c->src->text);
    gir_span sp = {o + f->pb, o + f->pe};
    gir_diag *g = diag_add(c->dg, GIR_SEV_WARNING, C_PQ_PERCENT, c->src, sp, said, ps, bs, want);
    diag_related(c->dg, g, c->src, (gir_span){o + f->bb, o + f->be}, C_PQ_PERCENT_BASE, bs);
}

/* The share after counts[n-1], against the earlier counts of its
 * sentence: 1 if it is a finding (added to fs). */
static int check_share(findings *fs, const count *counts, size_t n, const unsigned char *e)
{
    const count *part = &counts[n - 1];
    long long w;
    int d;
    const unsigned char *pb, *pe;
    if (!share_after(part->e, e, &w, &d, &pb, &pe)) return 0;
    const count *first = NULL;
    for (size_t i = 0; i + 1 < n; i++) {
        if (counts[i].v < part->v || counts[i].v <= 0 || part->v > 10000000000LL) continue;
        if (share_ok(part->v, counts[i].v, w, d)) return 0;
        if (!first) first = &counts[i];
    }
    if (!first) return 0;
    const unsigned char *b = fs->b;
    finding f = {part->v, first->v, w, d, (uint32_t)(pb - b), (uint32_t)(pe - b), (uint32_t)(first->b - b),
                 (uint32_t)(first->e - b)};
    ARRAY_PUSH(fs->c->a, fs->v, fs->n, f);
    return 1;
}

static int sentence_mark(uint32_t cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == '\n' || cp == '!' || cp == '?';
}

/* The sentence_mark at q, ending at most at z: its length, else 0. Found
 * byte by byte: no mark starts with a continuation byte. */
static int mark_at(const unsigned char *q, const unsigned char *z)
{
    if (*q == '\n' || *q == '!' || *q == '?') return 1;
    if (z - q < 3) return 0;
    if (q[0] == 0xE3 && q[1] == 0x80 && q[2] == 0x82) return 3;
    return q[0] == 0xEF && q[1] == 0xBC && (q[2] == 0x81 || q[2] == 0x9F) ? 3 : 0;
}

/* The start of the sentence holding z: just after the last mark in
 * [b, z), else b. */
static const unsigned char *sentence_start(const unsigned char *b, const unsigned char *z)
{
    for (const unsigned char *q = z; q > b;) {
        q--;
        int k = mark_at(q, z);
        if (k) return q + k;
    }
    return b;
}

/* The counts and shares of the sentence starting at b (up to its mark);
 * where the next one starts. */
static const unsigned char *check_sentence(findings *fs, walk *w, const unsigned char *b, const unsigned char *e)
{
    count counts[MAX_COUNTS];
    size_t n = 0;
    int reported = 0;   /* once a sentence: its other shares share the base */
    for (const unsigned char *p = b; p < e;) {
        uint32_t cp = 0;
        int k = utf8_decode(p, e, &cp);
        if (k > 0 && sentence_mark(cp)) return p + k;
        count x;
        size_t skip = 1;
        if (count_at(w, p, e, k, cp, &x, &skip)) {
            if (n == MAX_COUNTS) n = 0;   /* a sentence of 64 counts: start again */
            counts[n++] = x;
            if (!reported) reported = check_share(fs, counts, n, e);
            p = x.e;
            continue;
        }
        p += skip ? skip : 1;
    }
    return e;
}

/* Only a sentence with 占 can hold a share (share_after): the others are
 * not read. */
static void find_shares(findings *fs, const unsigned char *b, const unsigned char *e)
{
    walk w;
    memset(&w, 0, sizeof w);   /* cp 0: no character of two bytes or more */
    w.unit = lang_unit_base(GIR_UNIT_COUNT);
    w.un = strlen(w.unit);
    static const char zhan[] = "占";
    for (const unsigned char *p = b; p < e;) {
        const unsigned char *z = ev_find(p, e, zhan, sizeof zhan - 1);
        if (!z) return;
        p = check_sentence(fs, &w, sentence_start(p, z), e);
    }
}

/* The findings of the text: kept from an earlier compile, else found. */
void check_percents(ck *c, const unsigned char *b, const unsigned char *e)
{
    size_t n = 0;
    const finding *v = memo_get(c, b, e, MEMO_SHARES, 0, &n);
    if (!v) {
        findings fs = {c, b, NULL, 0};
        find_shares(&fs, b, e);
        memo_put(c, b, e, MEMO_SHARES, 0, fs.v, fs.n, sizeof *fs.v);
        v = fs.v;
        n = fs.n;
    }
    for (size_t i = 0; i < n; i++) report(c, b, &v[i]);
}

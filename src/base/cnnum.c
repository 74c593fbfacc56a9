/* cnnum.c - Chinese numerals (cnnum.h). The run of numeral characters is
 * cut into tokens (digit, unit 十百千, big unit 万亿, 廿, ASCII digits),
 * then read by a strict grammar: every unit smaller than the one before,
 * a final bare digit only after 十 or 零, 两 never before 十 or last. */
#include <stdint.h>
#include "cnnum.h"
#include "utf8.h"

enum { T_DIGIT, T_ASCII, T_UNIT, T_BIG, T_NIAN, MAX_TOKENS = 40 };

typedef struct tok {
    int kind;
    long long v;
    int liang;                 /* 两 (a digit that is never a units digit) */
} tok;

/* The token of code point cp: 1 and *t filled, else 0. */
static int classify(uint32_t cp, tok *t)
{
    static const uint32_t digits[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};
    t->liang = 0;
    for (int d = 0; d < 10; d++) {
        if (cp != digits[d]) continue;
        *t = (tok){T_DIGIT, d, 0};
        return 1;
    }
    switch (cp) {
    case 0x96F6: *t = (tok){T_DIGIT, 0, 0}; return 1;        /* 零 */
    case 0x4E24: *t = (tok){T_DIGIT, 2, 1}; return 1;        /* 两 */
    case 0x5341: *t = (tok){T_UNIT, 10, 0}; return 1;        /* 十 */
    case 0x767E: *t = (tok){T_UNIT, 100, 0}; return 1;       /* 百 */
    case 0x5343: *t = (tok){T_UNIT, 1000, 0}; return 1;      /* 千 */
    case 0x4E07: *t = (tok){T_BIG, 10000, 0}; return 1;      /* 万 */
    case 0x4EBF: *t = (tok){T_BIG, 100000000, 0}; return 1;  /* 亿 */
    case 0x5EFF: *t = (tok){T_NIAN, 20, 0}; return 1;        /* 廿 */
    default: return 0;
    }
}

/* Cuts [p, e) into at most MAX_TOKENS tokens; their count (-1: too many),
 * the bytes taken in *len, and whether a Chinese character was among them. */
static int tokenize(const unsigned char *p, const unsigned char *e, tok *t, size_t *len, int *chinese)
{
    const unsigned char *b = p;
    int n = 0;
    *chinese = 0;
    while (p < e) {
        if (n == MAX_TOKENS) return -1;
        if (*p >= '0' && *p <= '9') {
            long long v = 0;
            while (p < e && *p >= '0' && *p <= '9' && v < 100000) v = v * 10 + (*p++ - '0');
            if (p < e && *p >= '0' && *p <= '9') return -1;
            t[n++] = (tok){T_ASCII, v, 0};
            continue;
        }
        uint32_t cp;
        int k = utf8_decode(p, e, &cp);
        if (k <= 0 || !classify(cp, &t[n])) break;
        *chinese = 1;
        n++;
        p += k;
    }
    *len = (size_t)(p - b);
    return n;
}

typedef struct reader {
    const tok *t;
    int n, i;
} reader;

/* A digit (or a one-digit ASCII coefficient) at r->i: its value, else -1. */
static long long coefficient(const reader *r)
{
    if (r->i >= r->n) return -1;
    const tok *t = &r->t[r->i];
    if (t->kind == T_DIGIT) return t->v;
    if (t->kind == T_ASCII && t->v >= 1 && t->v <= 9) return t->v;
    return -1;
}

/* One section below 10000 (between big units). first: the start of the
 * whole number (a bare 十 or 廿 may open it); gap: a 零 stood before it
 * (after a big unit, its first unit need not be 千). -1 if malformed. */
static long long section(reader *r, int first, int gap)
{
    long long val = 0, last = 10000;
    int started = 0, zero = gap, trailing = 0;
    if (r->i < r->n && r->t[r->i].kind == T_ASCII && r->i + 1 < r->n && r->t[r->i + 1].kind == T_BIG)
        return r->t[r->i++].v;   /* 12万: a coefficient in digits */
    while (r->i < r->n && r->t[r->i].kind != T_BIG) {
        const tok *t = &r->t[r->i];
        if (t->kind == T_DIGIT && t->v == 0 && !t->liang) {
            if (!started || zero) return -1;
            zero = 1;
            trailing = 1;
            r->i++;
            continue;
        }
        if ((t->kind == T_UNIT && t->v == 10) || t->kind == T_NIAN) {
            if (!first || started) return -1;   /* 十五, 廿三: only at the start */
            val = t->v;
            last = 10;
            started = 1;
            trailing = 0;
            r->i++;
            continue;
        }
        long long d = coefficient(r);
        if (d < 1) return -1;
        const tok *u = r->i + 1 < r->n ? &r->t[r->i + 1] : NULL;
        if (u && u->kind == T_UNIT) {
            if (u->v >= last || (zero && u->v * 10 >= last) || (t->liang && u->v == 10)) return -1;
            if (!started && !first && !zero && u->v != 1000) return -1;   /* 一万二百: 零 missing */
            val += d * u->v;
            last = u->v;
            started = 1;
            zero = 0;
            trailing = 0;
            r->i += 2;
            continue;
        }
        /* a bare final digit: alone, after 十, or after 零 */
        if (t->kind != T_DIGIT) return -1;      /* 1万2: a bare ASCII digit */
        if (t->liang && started) return -1;     /* 二十两 */
        if (started && last != 10 && !zero) return -1;
        if (!started && !first && !zero) return -1;
        val += d;
        started = 1;
        trailing = 0;
        r->i++;
        break;
    }
    if (trailing) return -1;   /* 二〇, 一百零: a trailing 零 */
    return started ? val : -1;
}

size_t cnnum_parse(const unsigned char *p, const unsigned char *e, long long *v)
{
    tok t[MAX_TOKENS];
    size_t len;
    int chinese;
    int n = tokenize(p, e, t, &len, &chinese);
    if (n <= 0 || !chinese) return 0;
    if (n == 1 && t[0].kind == T_DIGIT && t[0].v == 0) {   /* 零, 〇 */
        *v = 0;
        return len;
    }
    reader r = {t, n, 0};
    long long total = 0, lastbig = 1000000000000LL;
    int gap = 0;
    for (int first = 1; r.i < r.n; first = 0) {
        long long s = section(&r, first, gap);
        if (s < 0) return 0;
        if (r.i >= r.n) {
            total += s;
            break;
        }
        if (r.t[r.i].kind != T_BIG) return 0;   /* 二三: digits side by side */
        long long big = r.t[r.i].v;
        if (big >= lastbig) return 0;
        total += s * big;
        lastbig = big;
        r.i++;
        gap = 0;
        if (r.i < r.n && r.t[r.i].kind == T_DIGIT && r.t[r.i].v == 0 && !r.t[r.i].liang) {
            gap = 1;
            r.i++;
            if (r.i >= r.n) return 0;
        }
    }
    *v = total;
    return len;
}

size_t cnnum_digits(const unsigned char *p, const unsigned char *e, long long *v)
{
    const unsigned char *b = p;
    long long val = 0;
    int n = 0;
    while (p < e && n < 8) {
        uint32_t cp;
        tok t;
        int k = utf8_decode(p, e, &cp);
        if (k <= 0 || !classify(cp, &t) || t.kind != T_DIGIT || t.liang) break;
        val = val * 10 + t.v;
        n++;
        p += k;
    }
    if (n < 2) return 0;
    *v = val;
    return (size_t)(p - b);
}

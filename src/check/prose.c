/* prose.c - numbers stated in the prose must agree with the tables
 * (FORMATS.md R3.9). A template's `mention` lists phrases such as
 * "新收政府信息公开申请"; a phrase followed (after at most a few filler
 * characters like 申请/共/为) by a number and 件 is compared with the
 * mention's cells. A disagreement is a warning pointing at both places.
 * The phrases of all mentions are found in one pass (base/acmatch.h),
 * whose findings the memo keeps by text (memo.c). */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "base/acmatch.h"
#include "base/array.h"
#include "base/cnnum.h"
#include "base/utf8.h"

/* Characters that may stand between a phrase and its number. */
static int filler(uint32_t cp)
{
    static const char set[] = "申请共计为了有总数量案的达：:";
    const unsigned char *p = (const unsigned char *)set, *e = p + sizeof set - 1;
    while (p < e) {
        uint32_t x;
        int k = utf8_decode(p, e, &x);
        if (k < 0) break;
        if (x == cp) return 1;
        p += k;
    }
    return cp == ' ' || cp == 0x3000;
}

/* After a phrase ending at p: the number and its span, if "N件" follows
 * (件: the count unit messages name, syntax/numbers.def). The number is
 * written in digits or in Chinese numerals (二十三, base/cnnum.h). */
int prose_number_after(const unsigned char *p, const unsigned char *e, const unsigned char **nb,
                       const unsigned char **ne, gir_dec *v)
{
    long long cn = 0;
    size_t cl = 0;
    for (int skipped = 0; p < e && skipped <= 4; skipped++) {
        if (*p >= '0' && *p <= '9') break;
        if ((cl = cnnum_parse(p, e, &cn)) > 0) break;
        uint32_t cp;
        int k = utf8_decode(p, e, &cp);
        if (k < 0 || !filler(cp)) return 0;
        p += k;
    }
    if (p >= e) return 0;
    *nb = p;
    const char *unit = lang_unit_base(GIR_UNIT_COUNT);
    size_t un = strlen(unit);
    if (cl) {
        *ne = p + cl;
        *v = (gir_dec){cn, 0};
        return (size_t)(e - *ne) >= un && memcmp(*ne, unit, un) == 0;
    }
    if (*p < '0' || *p > '9') return 0;
    char digits[24];
    size_t n = 0;
    while (p < e && *p >= '0' && *p <= '9') {
        if (n < sizeof digits - 1) digits[n++] = (char)*p;
        p++;
    }
    digits[n] = 0;
    *ne = p;
    if ((size_t)(e - p) < un || memcmp(p, unit, un) != 0) return 0;
    return dec_parse(digits, "", 0, v) == DEC_OK;
}

/* One phrase found where a number follows: the candidate of a mention. */
typedef struct hit {
    size_t pat, start;         /* the phrase (gir_schema.ment) and where it starts */
    const unsigned char *nb, *ne;
    gir_dec said;
} hit;

/* What the scan of a text finds before the report's tables are asked:
 * a phrase followed by "N件" outside a clause about last year, offsets
 * from the text's start. It depends on the text and the phrases alone,
 * so it is what the memo keeps (MEMO_MENTIONS). */
typedef struct raw_hit {
    size_t pat;
    uint32_t start, nb, ne;
    gir_dec said;
} raw_hit;

/* The scan of one prose text: phrases of every mention at once. */
typedef struct scan {
    ck *c;
    const unsigned char *b, *e;
    size_t *next;              /* per phrase: where a next occurrence may start */
    raw_hit *v; size_t n;
} scan;

/* 1 if the rule of phrase m is checked: its table is in the report and
 * its cells have a value (asked once per report). */
static int rule_on(ck *c, const gir_mention *m, gir_dec *want, gir_span *at)
{
    gir_rtable *rt = &c->r->tables[m->table];
    if (!rt->node) return 0;
    return check_expr_value(c, rt, rt->t->rules[m->rule], want, at);
}

static void on_hit(void *ud, size_t pat, size_t start)
{
    scan *sc = ud;
    if (start < sc->next[pat]) return;   /* inside the previous occurrence of the same phrase */
    ck *c = sc->c;
    const gir_mention *m = &c->s->ment[pat];
    const gir_rule *ru = c->s->tables[m->table]->rules[m->rule];
    size_t pl = strlen(ru->phrases[m->phrase]);
    sc->next[pat] = start + pl;
    if (prose_last_year_clause(sc->b, sc->e, start, start + pl)) return;   /* 上年新收…30件: last year's */
    const unsigned char *nb, *ne;
    gir_dec said;
    if (!prose_number_after(sc->b + start + pl, sc->e, &nb, &ne, &said)) return;
    raw_hit h = {pat, (uint32_t)start, (uint32_t)(nb - sc->b), (uint32_t)(ne - sc->b), said};
    ARRAY_PUSH(c->a, sc->v, sc->n, h);
}

/* The raw hits of [b, e): kept from an earlier compile, else scanned. */
static const raw_hit *raw_hits(ck *c, const unsigned char *b, const unsigned char *e, size_t *n)
{
    const raw_hit *kept = memo_get(c, b, e, MEMO_MENTIONS, 0, n);
    if (kept) return kept;
    scan sc = {c, b, e, NULL, NULL, 0};
    sc.next = arena_alloc(c->a, c->s->nment * sizeof *sc.next);   /* zeroed */
    acm_scan(c->s->mentions, sc.b, (size_t)(sc.e - sc.b), on_hit, &sc);
    memo_put(c, b, e, MEMO_MENTIONS, 0, sc.v, sc.n, sizeof *sc.v);
    *n = sc.n;
    return sc.v;
}

/* The raw hits whose rule is checked (state: per phrase, 0 not asked, 1
 * its rule has a value, -1 not), and whose table's rows were all placed:
 * a row that could not be placed (a syntax error, an unknown label) has
 * been reported, its values are not known, so the prose is not compared
 * with them (one mistake, one message). */
static hit *taken_hits(ck *c, const unsigned char *b, const raw_hit *raw, size_t nraw, signed char *state, size_t *n)
{
    hit *v = NULL;
    *n = 0;
    for (size_t i = 0; i < nraw; i++) {
        size_t pat = raw[i].pat;
        const gir_mention *m = &c->s->ment[pat];
        if (!state[pat]) {
            gir_dec w;
            gir_span at;
            state[pat] = rule_on(c, m, &w, &at) ? 1 : -1;
        }
        if (state[pat] < 0) continue;
        const gir_rtable *rt = &c->r->tables[m->table];
        if (!rt->node || rt->unresolved) continue;
        hit h = {pat, raw[i].start, b + raw[i].nb, b + raw[i].ne, raw[i].said};
        ARRAY_PUSH(c->a, v, *n, h);
    }
    return v;
}

/* The order of the searches one phrase at a time: table, rule, phrase
 * (the phrase's index), then position. */
static int cmp_hit(const void *x, const void *y)
{
    const hit *a = x, *b = y;
    if (a->pat != b->pat) return a->pat < b->pat ? -1 : 1;
    return (a->start > b->start) - (a->start < b->start);
}

static void report_hit(ck *c, const hit *h, const gir_node *prose)
{
    const gir_mention *m = &c->s->ment[h->pat];
    gir_rtable *rt = &c->r->tables[m->table];
    const gir_rule *ru = rt->t->rules[m->rule];
    gir_dec want;
    gir_span cell_at;
    if (!check_expr_value(c, rt, ru, &want, &cell_at)) return;
    int ok;
    if (dec_cmp(h->said, want, &ok) == 0 || !ok) return;
    (void)prose;
    const unsigned char *base = (const unsigned char *)c->src->text;
    char ws[48], ss[48];
    dec_format_buf(want, ws);
    dec_format_buf(h->said, ss);
    gir_span sp = {(uint32_t)(h->nb - base), (uint32_t)(h->ne - base)};
    int err = ru->severity == GIR_SEV_ERROR;
    gir_diag *g = diag_add(c->dg, err ? GIR_SEV_ERROR : GIR_SEV_WARNING, err ? C_MENTION_ERROR : C_MENTION,
                           c->src, sp, ru->phrases[m->phrase], ss, ws, ru->id);
    diag_related(c->dg, g, c->src, cell_at, C_MENTION_TABLE, ws);
    check_tag_rule(c, g, rt, ru, -1, -1, -1);
    if (*h->nb >= '0' && *h->nb <= '9') diag_fix(c->dg, g, sp, ws);   /* digits replace digits */
}

/* A hit's number and the hit's place in the order of the searches. */
typedef struct taken { size_t off, i; } taken;

static int cmp_taken(const void *x, const void *y)
{
    const taken *a = x, *b = y;
    if (a->off != b->off) return a->off < b->off ? -1 : 1;
    return (a->i > b->i) - (a->i < b->i);
}

/* first[i]: hit i is the first (in the searches' order) to take its
 * number. Memory in proportion to the hits, not to the text. */
static unsigned char *first_takers(ck *c, const unsigned char *b, const hit *v, size_t n)
{
    taken *t = arena_alloc_raw(c->a, n * sizeof *t);
    for (size_t i = 0; i < n; i++) t[i] = (taken){(size_t)(v[i].nb - b), i};
    qsort(t, n, sizeof *t, cmp_taken);
    unsigned char *first = arena_alloc(c->a, n);   /* zeroed */
    for (size_t j = 0; j < n; j++)
        if (!j || t[j].off != t[j - 1].off) first[t[j].i] = 1;
    return first;
}

/* One prose text: every phrase found in one pass, then each number taken
 * by the first phrase (in the order above) that finds it. */
static void check_prose(ck *c, const gir_node *prose, signed char *state)
{
    const unsigned char *base = (const unsigned char *)c->src->text;
    const unsigned char *b = base + prose->span.start, *e = base + prose->span.end;
    size_t nraw = 0, n = 0;
    const raw_hit *raw = raw_hits(c, b, e, &nraw);
    hit *v = taken_hits(c, b, raw, nraw, state, &n);
    if (!n) return;
    qsort(v, n, sizeof *v, cmp_hit);
    const unsigned char *first = first_takers(c, b, v, n);
    for (size_t i = 0; i < n; i++)
        if (first[i]) report_hit(c, &v[i], prose);   /* else a phrase before it took this number */
}

void check_mentions(ck *c)
{
    if (!c->s->nment || !c->s->mentions) {
        check_quoted(c);
        return;
    }
    signed char *state = arena_alloc(c->a, c->s->nment);   /* zeroed */
    for (size_t s = 0; s < c->s->nsections; s++) {
        const gir_node *sec = c->r->sections[s].node;
        const gir_node *prose = sec ? ast_child(sec, 1) : NULL;
        if (!prose || prose->span.end <= prose->span.start) continue;
        check_prose(c, prose, state);
    }
    check_quoted(c);
}

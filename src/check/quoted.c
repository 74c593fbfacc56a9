/* quoted.c - cells quoted in the prose, beyond the totals a template's
 * `mention` names (W0670), and percentages recomputed from the counts of
 * their sentence (W0671). The words come from the template: a mention's
 * phrase ("收到政府信息公开申请", "行政复议") opens a context in its
 * sentence, and a row or column of the same table named after it, by its
 * short name, official label or alias ("自然人", "结果维持"), followed by
 * N件, is that row or column in the context's cell: "收到政府信息公开申请
 * 70件，其中自然人申请64件" compares 64 with 新收.自然人. Linear: the
 * phrases are found in one pass (base/acmatch.h). */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "base/acmatch.h"
#include "base/cnnum.h"
#include "base/utf8.h"

/* A phrase: a mention rule's (a context) or a row's or column's. */
typedef struct qent {
    const char *text;
    int table, block, is_col;
    const gir_rule *rule;      /* a context: the mention rule */
    const gir_hnode *node;     /* a quote: the row or column */
} qent;

typedef struct qset {
    qent *e; size_t n;
    const char **pats; size_t npat;
    size_t *first, *count;     /* per distinct text: its entries */
    gir_acm *acm;
} qset;

typedef struct qhit { size_t pat, start, end; } qhit;

enum { MAX_CLAUSE = 240 };

/* ---- the phrases, from the template ---- */

static size_t cjk_chars(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) n += (*p & 0xC0) == 0xC0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x80) return 0;   /* ASCII names (t3, natural) are never prose */
    return n;
}

/* A label without its numbering: "（一）予以公开" -> "予以公开", "1.属于国家秘密"
 * -> "属于国家秘密". */
static const char *unnumbered(const char *s)
{
    const unsigned char *p = (const unsigned char *)s, *e = p + strlen(s);
    int paren = 0;
    if (!strncmp(s, "（", 3)) p += 3, paren = 1;
    else if (*p == '(') p++, paren = 1;
    const unsigned char *d = p;
    long long v;
    size_t k = cnnum_parse(p, e, &v);
    p += k;
    while (!k && p < e && *p >= '0' && *p <= '9') p++;
    if (p == d) return s;
    static const char *const closing[] = {"）", ")", NULL}, *const marks[] = {"、", ".", "．", NULL};
    const char *const *ends = paren ? closing : marks;
    for (int i = 0; ends[i]; i++)
        if (!strncmp((const char *)p, ends[i], strlen(ends[i]))) return (const char *)p + strlen(ends[i]);
    return s;
}

static void add(ck *c, qset *q, qent x)
{
    if (cjk_chars(x.text) < 3) return;   /* 公开, 企业: too common a word to be a quote */
    ARRAY_PUSH(c->a, q->e, q->n, x);
}

static void add_node(ck *c, qset *q, int t, int b, int is_col, const gir_hnode *h)
{
    if (h->nsum || !h->name) return;   /* totals: their words (总计) are no one cell's */
    qent x = {h->name, t, b, is_col, NULL, h};
    add(c, q, x);
    if (h->label && *h->label && strcmp(unnumbered(h->label), h->name)) {
        x.text = unnumbered(h->label);
        add(c, q, x);
    }
    for (size_t i = 0; i < h->naliases; i++) {
        x.text = h->aliases[i];
        if (strcmp(x.text, h->name)) add(c, q, x);
    }
}

static void add_table(ck *c, qset *q, size_t ti)
{
    const gir_ttable *t = c->s->tables[ti];
    int mentions = 0;
    for (size_t r = 0; r < t->nrules; r++) {
        const gir_rule *ru = t->rules[r];
        if (ru->pattern != 2 || !ru->lhs.nterms) continue;
        mentions = 1;
        for (size_t p = 0; p < ru->nphrases; p++) {
            qent x = {ru->phrases[p], (int)ti, ru->lhs.terms[0].block, 0, ru, NULL};
            ARRAY_PUSH(c->a, q->e, q->n, x);
        }
    }
    if (!mentions) return;   /* a table the prose is not said to quote */
    for (size_t b = 0; b < t->nblocks; b++) {
        const gir_block *bl = t->blocks[b];
        for (size_t i = 0; i < bl->colroot->nall; i++) add_node(c, q, (int)ti, (int)b, 1, bl->colroot->all[i]);
        for (size_t i = 0; bl->rowroot && i < bl->rowroot->nall; i++) add_node(c, q, (int)ti, (int)b, 0, bl->rowroot->all[i]);
    }
}

/* Contexts first among entries of one text (a mention's phrase that is
 * also a column's label, 行政复议, opens a context). */
static int cmp_ent(const void *x, const void *y)
{
    const qent *a = x, *b = y;
    int d = strcmp(a->text, b->text);
    if (d) return d;
    if ((a->rule != NULL) != (b->rule != NULL)) return a->rule ? -1 : 1;
    return (a < b) ? -1 : (a > b);
}

static int build(ck *c, qset *q)
{
    memset(q, 0, sizeof *q);
    for (size_t t = 0; t < c->s->ntables; t++) add_table(c, q, t);
    if (!q->n) return 0;
    qsort(q->e, q->n, sizeof *q->e, cmp_ent);
    q->pats = arena_alloc(c->a, q->n * sizeof *q->pats);
    q->first = arena_alloc(c->a, q->n * sizeof *q->first);
    q->count = arena_alloc(c->a, q->n * sizeof *q->count);
    for (size_t i = 0; i < q->n; i++) {
        if (q->npat && !strcmp(q->pats[q->npat - 1], q->e[i].text)) {
            q->count[q->npat - 1]++;
            continue;
        }
        q->pats[q->npat] = q->e[i].text;
        q->first[q->npat] = i;
        q->count[q->npat++] = 1;
    }
    q->acm = acm_build(c->a, q->pats, q->npat);
    return q->acm != NULL;
}

/* ---- the scan ---- */

typedef struct qscan {
    ck *c;
    const qset *q;
    qhit *v; size_t n;
} qscan;

static void on_hit(void *ud, size_t pat, size_t start)
{
    qscan *sc = ud;
    qhit h = {pat, start, start + strlen(sc->q->pats[pat])};
    ARRAY_PUSH(sc->c->a, sc->v, sc->n, h);
}

/* By start, the longest first (a phrase inside a longer one is dropped). */
static int cmp_qhit(const void *x, const void *y)
{
    const qhit *a = x, *b = y;
    if (a->start != b->start) return a->start < b->start ? -1 : 1;
    return (b->end > a->end) - (b->end < a->end);
}

static int ends_sentence(uint32_t cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == '\n' || cp == '!' || cp == '?';
}

static int ends_clause(uint32_t cp)
{
    return ends_sentence(cp) || cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';' || cp == 0xFF1A || cp == ':' ||
           cp == 0x3001;
}

/* The end of the sentence holding offset at of [b, e). */
static size_t sentence_end(const unsigned char *b, const unsigned char *e, size_t at)
{
    const unsigned char *p = b + at;
    while (p < e) {
        uint32_t cp = 0;
        int k = utf8_decode(p, e, &cp);
        if (k <= 0) k = 1;
        p += k;
        if (ends_sentence(cp)) break;
    }
    return (size_t)(p - b);
}

/* The code point ending just before p (0 at b). */
static uint32_t cp_before(const unsigned char *b, const unsigned char *p)
{
    const unsigned char *q = p;
    while (q > b && (q[-1] & 0xC0) == 0x80) q--;
    if (q > b) q--;
    uint32_t cp = 0;
    if (q < p && utf8_decode(q, p, &cp) <= 0) cp = 0;
    return cp;
}

/* The words that make a clause last year's or a comparison (上年…, 同比, 较…). */
static const char *const last_year_words[] = {"上年", "去年", "上一年", "同比", "较", "比", NULL};

int prose_last_year_word(const unsigned char *p, const unsigned char *e)
{
    if (p >= e || *p < 0xE0) return 0;   /* the words are 3-byte characters */
    for (int w = 0; last_year_words[w]; w++) {
        size_t n = strlen(last_year_words[w]);
        if (*p == (unsigned char)last_year_words[w][0] && (size_t)(e - p) >= n && !memcmp(p, last_year_words[w], n))
            return 1;
    }
    return 0;
}

/* The clause around [s, t) speaks of last year or compares with it: its
 * numbers are not this year's cells. At most MAX_CLAUSE bytes are read
 * on each side (a clause of a whole page would make every phrase in it
 * read the page). */
int prose_last_year_clause(const unsigned char *b, const unsigned char *e, size_t s, size_t t)
{
    const unsigned char *cb = b + s, *ce = b + t;
    const unsigned char *lo = b + s > b + MAX_CLAUSE ? b + s - MAX_CLAUSE : b;
    const unsigned char *hi = (size_t)(e - (b + t)) > MAX_CLAUSE ? b + t + MAX_CLAUSE : e;
    while (cb > lo) {
        uint32_t cp = cp_before(b, cb);
        if (ends_clause(cp)) break;
        while (cb > b && (cb[-1] & 0xC0) == 0x80) cb--;
        cb--;
    }
    while (ce < hi) {
        uint32_t cp = 0;
        int k = utf8_decode(ce, e, &cp);
        if (k <= 0) k = 1;
        if (ends_clause(cp)) break;
        ce += k;
    }
    for (const unsigned char *p = cb; p < b + s; p++)
        if (prose_last_year_word(p, b + s)) return 1;
    for (const unsigned char *p = b + t; p < ce; p++)
        if (prose_last_year_word(p, ce)) return 1;
    return 0;
}

/* ---- the value of a quote in a context ---- */

static int under(const gir_hnode *h, const gir_hnode *group)
{
    for (; h; h = h->parent)
        if (h == group) return 1;
    return 0;
}

/* Adds the cells of node h (its leaves, without totals) crossed with the
 * fixed index other; 0 if a cell has no number. */
static int add_leaves(ck *c, const qent *x, int other, gir_dec *sum)
{
    const gir_hnode *h = x->node;
    const gir_hnode *const *all = h->is_group ? (const gir_hnode *const *)h->all : &h;
    size_t n = h->is_group ? h->nall : 1;
    for (size_t i = 0; i < n; i++) {
        if (all[i]->is_group || all[i]->nsum) continue;
        int row = x->is_col ? other : all[i]->index, col = x->is_col ? all[i]->index : other;
        const gir_cell *v = report_cell(c->r, x->table, x->block, row, col);
        if (v->bad || (v->state != CELL_WRITTEN && v->state != CELL_COMPUTED && v->state != CELL_ZERO)) return 0;
        if (dec_add(*sum, v->v, sum) != DEC_OK) return 0;
    }
    return 1;
}

/* The value of quote x in context rule ru: for each of the rule's cells,
 * x's row or column in its place, where x lies in the same group as the
 * cell it replaces. *name gets what was summed ("新收.自然人"). */
static int quote_value(ck *c, const qent *x, const gir_rule *ru, const gir_hnode *group, gir_dec *sum,
                       const char **name, int *found)
{
    if (group && !under(x->node, group)) return 1;
    const gir_block *bl = c->s->tables[x->table]->blocks[x->block];
    for (size_t i = 0; i < ru->lhs.nterms; i++) {
        const gir_term *t = &ru->lhs.terms[i];
        if (t->block != x->block || t->row < 0 || t->col < 0 || t->prev || t->is_const || t->sign < 0) return 0;
        const gir_hnode *mine = x->is_col ? bl->cols[t->col] : bl->rows[t->row];
        const gir_hnode *root = x->is_col ? bl->colroot : bl->rowroot;
        if (mine->parent && mine->parent != root && !under(x->node, mine->parent)) continue;
        if (!add_leaves(c, x, x->is_col ? t->row : t->col, sum)) return 0;
        const gir_hnode *fixed = x->is_col ? bl->rows[t->row] : bl->cols[t->col];
        const char *rn = x->is_col ? hnode_display(fixed) : hnode_display(x->node);
        const char *cn = x->is_col ? hnode_display(x->node) : hnode_display(fixed);
        size_t len = (*name ? strlen(*name) + 3 : 0) + strlen(rn) + strlen(cn) + 2;
        char *s = arena_alloc(c->a, len);
        strcpy(s, *name ? *name : "");
        if (*name) strcat(s, " + ");
        strcat(s, rn);
        strcat(s, ".");
        strcat(s, cn);
        *name = s;
        *found = 1;
    }
    return 1;
}

/* ---- the checks ---- */

typedef struct qctx {
    const qent *ctx;           /* the context: a mention's phrase, or NULL */
    size_t until;              /* where its sentence ends */
    const gir_hnode *group;    /* a group named since ("未经复议直接起诉2件（结果维持1件）"), or NULL */
    int past;                  /* the context is last year's (上年新收…): its quotes are too */
} qctx;

static int report_quote(ck *c, const qent *x, size_t nx, const qctx *cx, const unsigned char *nb,
                        const unsigned char *ne, gir_dec said, const char *phrase)
{
    const qent *ctx = cx->ctx;
    gir_dec want = {0, 0};
    const char *name = NULL;
    int found = 0;
    for (size_t i = 0; i < nx; i++) {
        if (x[i].rule || x[i].table != ctx->table) continue;
        if (!quote_value(c, &x[i], ctx->rule, cx->group, &want, &name, &found)) return 0;
    }
    int ok;
    if (!found || dec_cmp(said, want, &ok) == 0 || !ok) return 0;
    const unsigned char *base = (const unsigned char *)c->src->text;
    char ws[48], ss[48];
    dec_format_buf(want, ws);
    dec_format_buf(said, ss);
    gir_span sp = {(uint32_t)(nb - base), (uint32_t)(ne - base)};
    gir_diag *g = diag_add(c->dg, GIR_SEV_WARNING, C_PQ_CELL, c->src, sp, phrase, ss, name, ws);
    diag_help(c->dg, g, C_PQ_CELL_HELP, ctx->text);
    if (*nb >= '0' && *nb <= '9') diag_fix(c->dg, g, sp, ws);
    return 1;
}

/* The phrase at p is joined to the one before ("予以公开及部分公开42件",
 * "予以公开、部分公开共42件"): the number is the pair's. A 、 after a
 * count ("自然人17件、商业企业3件") is a list, not a pair. */
static int joined(const unsigned char *b, const unsigned char *p)
{
    uint32_t before = cp_before(b, p);
    if (before == 0x53CA || before == 0x548C || before == 0x4E0E || before == 0x6216) return 1;   /* 及和与或 */
    if (before != 0x3001) return 0;
    const char *unit = lang_unit_base(GIR_UNIT_COUNT);
    size_t un = strlen(unit);
    p -= 3;
    return (size_t)(p - b) < un || memcmp(p - un, unit, un) != 0;
}

/* After quote entries x, the group the sentence narrows to: a group
 * among them (one under the group before first), else the group before. */
static void narrow(qctx *cx, const qent *x, size_t nx)
{
    const gir_hnode *group = NULL;
    for (size_t i = 0; i < nx; i++) {
        if (x[i].rule || x[i].table != cx->ctx->table || !x[i].node->is_group) continue;
        if (!group || (cx->group && under(x[i].node, cx->group))) group = x[i].node;
    }
    if (group) cx->group = group;
}

/* seen: per phrase, the sentence (its end) it was last reported in: a
 * phrase repeated in one sentence is reported once. */
static void on_quote(ck *c, const qset *q, const qhit *h, qctx *cx, size_t *seen, const unsigned char *b,
                     const unsigned char *e)
{
    const qent *ctx = cx->ctx;
    const qent *x = &q->e[q->first[h->pat]];
    size_t nx = q->count[h->pat];
    const gir_hnode *before_group = cx->group;
    int inside = 0;
    for (size_t i = 0; i < nx && before_group; i++) inside |= !x[i].rule && under(x[i].node, before_group);
    if (!inside) cx->group = NULL;   /* a row or column outside the group named before */
    qctx now = *cx;
    narrow(cx, x, nx);
    if (joined(b, b + h->start)) return;
    const unsigned char *nb, *ne;
    gir_dec said;
    if (!prose_number_after(b + h->end, e, &nb, &ne, &said)) return;
    if (prose_last_year_clause(b, e, h->start, h->end)) return;
    const gir_rtable *rt = &c->r->tables[ctx->table];
    if (!rt->node || rt->unresolved || seen[h->pat] == cx->until) return;
    if (report_quote(c, x, nx, &now, nb, ne, said, q->pats[h->pat])) seen[h->pat] = cx->until;
}

static void check_text(ck *c, const qset *q, const unsigned char *b, const unsigned char *e)
{
    qscan sc = {c, q, NULL, 0};
    acm_scan(q->acm, b, (size_t)(e - b), on_hit, &sc);
    if (!sc.n) return;
    qsort(sc.v, sc.n, sizeof *sc.v, cmp_qhit);
    qctx cx = {NULL, 0, NULL, 0};
    size_t *seen = arena_alloc(c->a, q->npat * sizeof *seen);
    memset(seen, 0, q->npat * sizeof *seen);   /* 0: no sentence ends at 0 */
    size_t covered = 0;   /* the end of the last phrase taken */
    for (size_t i = 0; i < sc.n; i++) {
        const qhit *h = &sc.v[i];
        if (h->end <= covered) continue;   /* inside a longer phrase */
        covered = h->end;
        if (cx.ctx && h->start >= cx.until) cx.ctx = NULL, cx.group = NULL;
        const qent *first = &q->e[q->first[h->pat]];
        if (first->rule) {
            cx.ctx = first;
            cx.group = NULL;
            cx.past = prose_last_year_clause(b, e, h->start, h->end);
            if (h->start >= cx.until) cx.until = sentence_end(b, e, h->start);   /* once a sentence */
            continue;
        }
        if (cx.ctx && !cx.past) on_quote(c, q, h, &cx, seen, b, e);
    }
}

void check_quoted(ck *c)
{
    qset q;
    int quotes = build(c, &q);
    const unsigned char *base = (const unsigned char *)c->src->text;
    for (size_t s = 0; s < c->s->nsections; s++) {
        const gir_node *sec = c->r->sections[s].node;
        const gir_node *prose = sec ? ast_child(sec, 1) : NULL;
        if (!prose || prose->span.end <= prose->span.start) continue;
        if (quotes) check_text(c, &q, base + prose->span.start, base + prose->span.end);
        check_percents(c, base + prose->span.start, base + prose->span.end);
    }
}

/* waive.c - the reviewer's waivers kept in the report (`waive TARGET
 * [WHERE] "reason"`, gir(5)): run at the end of checking, they turn the
 * findings they name into notes that carry the reason (gir_diag.waived)
 * and no longer count as errors or warnings. A waiver names a diagnostic
 * code or a rule id of the template, and may narrow it to a row, a column
 * or a cell (in a table) or to a table (in the header or at top level).
 * Each waiver becomes one or more keys (target, table, row, column);
 * each finding looks up the keys it could match, most specific first, in
 * the sorted key array: linear in the findings and waivers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "base/label.h"

/* What a finding is about, recorded where it is reported (check_tag_rule). */
struct ck_tag {
    const gir_diag *g;
    const char *rule;          /* rule id, or NULL */
    int table, blk, row, col;  /* -1: the finding spans them */
};

typedef struct wv {            /* one waiver */
    const gir_node *n;
    const char *target;
    const char *reason;        /* NULL until validated */
    const gir_node *where;     /* N_NAME / N_PATH, or NULL */
    int table;                 /* the table it is written in, or -1 */
    int used;
} wv;

typedef struct wkey {
    const char *target;
    int table;                 /* -1: anywhere in the file */
    const gir_hnode *row, *col;/* NULL: any */
    size_t w;                  /* index of its waiver */
} wkey;

typedef struct wcell {         /* a written cell or a row label, by span start */
    uint32_t start;
    int table, blk, row, col;  /* col -1 for a row label */
} wcell;

/* What the findings of a report are about, kept with the report for
 * check_waiver_edit. */
struct gir_waive_index {
    struct ck_tag *tags; size_t ntags;     /* by diagnostic */
    wcell *cells; size_t ncells;           /* by span start */
};

typedef struct wctx {
    ck *c;
    wv *w; size_t nw;
    wkey *k; size_t nk;
    struct gir_waive_index *ix;
} wctx;

static int code_known(const char *s)
{
    for (int id = 0; id < MSG__COUNT; id++)
        if (*msg_code((gir_msg)id) && strcmp(msg_code((gir_msg)id), s) == 0) return 1;
    return 0;
}

static int rule_known(const ck *c, const char *id)
{
    for (size_t t = 0; t < c->s->ntables; t++)
        for (size_t i = 0; i < c->s->tables[t]->nrules; i++)
            if (strcmp(c->s->tables[t]->rules[i]->id, id) == 0) return 1;
    return 0;
}

/* ---- tags ---- */

void check_tag_rule(ck *c, const gir_diag *g, const gir_rtable *rt, const gir_rule *ru, int blk, int row, int col)
{
    if (!g) return;
    const gir_term *t0 = ru->lhs.nterms ? &ru->lhs.terms[0] : NULL;
    if (blk < 0) blk = t0 && t0->block >= 0 ? t0->block : 0;
    if (ru->scope == SCOPE_CELLS && row == -1 && col == -1 && t0 && !t0->is_const) {
        row = t0->row;
        col = t0->col;
    }
    struct ck_tag tg = {g, ru->id, rt->t->index, blk, row, col};
    ARRAY_PUSH(c->a, c->tags, c->ntags, tg);
}

static int cmp_tag_diag(const void *x, const void *y)
{
    uintptr_t a = (uintptr_t)((const struct ck_tag *)x)->g, b = (uintptr_t)((const struct ck_tag *)y)->g;
    return (a > b) - (a < b);
}

static int cmp_cell(const void *x, const void *y)
{
    uint32_t a = ((const wcell *)x)->start, b = ((const wcell *)y)->start;
    return (a > b) - (a < b);
}

/* The written cells and row labels of every table, by span start. */
static void index_cells(ck *c, struct gir_waive_index *x)
{
    for (size_t t = 0; t < c->s->ntables; t++) {
        const gir_rtable *rt = &c->r->tables[t];
        if (!rt->node) continue;
        for (size_t b = 0; b < rt->t->nblocks; b++) {
            const gir_block *bl = rt->t->blocks[b];
            for (size_t r = 0; r < bl->nrows; r++) {
                const gir_node *rn = rt->blocks[b].row_nodes[r];
                if (rn && rn->first) {
                    wcell e = {rn->first->span.start, (int)t, (int)b, (int)r, -1};
                    ARRAY_PUSH(c->a, x->cells, x->ncells, e);
                }
                for (size_t col = 0; col < bl->ncols; col++) {
                    const gir_cell *cell = &rt->blocks[b].cells[r * bl->ncols + col];
                    if (!cell->node) continue;
                    wcell e = {cell->span.start, (int)t, (int)b, (int)r, (int)col};
                    ARRAY_PUSH(c->a, x->cells, x->ncells, e);
                }
            }
        }
    }
    if (x->ncells) qsort(x->cells, x->ncells, sizeof *x->cells, cmp_cell);
}

/* What finding g is about: its tag, else the cell at its span, else the
 * table holding it, else the file (table -1). */
static struct ck_tag subject_of(const gir_report *r, const struct gir_waive_index *x, const gir_diag *g)
{
    struct ck_tag key = {g, NULL, -1, -1, -1, -1};
    struct ck_tag *hit = x->ntags ? bsearch(&key, x->tags, x->ntags, sizeof *x->tags, cmp_tag_diag) : NULL;
    if (hit) return *hit;
    wcell at = {g->span.start, -1, -1, -1, -1};
    wcell *cell = x->ncells ? bsearch(&at, x->cells, x->ncells, sizeof *x->cells, cmp_cell) : NULL;
    if (cell) {
        struct ck_tag s = {g, NULL, cell->table, cell->blk, cell->row, cell->col};
        return s;
    }
    for (size_t t = 0; t < r->schema->ntables; t++) {
        const gir_node *tn = r->tables[t].node;
        if (tn && g->span.start >= tn->span.start && g->span.start < tn->span.end) key.table = (int)t;
    }
    return key;
}

/* ---- keys ---- */

static int cmp_key(const void *x, const void *y)
{
    const wkey *a = x, *b = y;
    int s = strcmp(a->target, b->target);
    if (s) return s;
    if (a->table != b->table) return a->table < b->table ? -1 : 1;
    if (a->row != b->row) return (uintptr_t)a->row < (uintptr_t)b->row ? -1 : 1;
    if (a->col != b->col) return (uintptr_t)a->col < (uintptr_t)b->col ? -1 : 1;
    return (a->w > b->w) - (a->w < b->w);
}

/* Adds a key of waiver w; returns 1. */
static int add_key(wctx *x, size_t w, int table, const gir_hnode *row, const gir_hnode *col)
{
    wkey k = {x->w[w].target, table, row, col, w};
    ARRAY_PUSH(x->c->a, x->k, x->nk, k);
    return 1;
}

/* The first waiver (in file order) with exactly this key, or NULL. */
static wv *find_key(wctx *x, const char *target, int table, const gir_hnode *row, const gir_hnode *col)
{
    wkey q = {target, table, row, col, 0};
    size_t lo = 0, hi = x->nk;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_key(&x->k[mid], &q) < 0) lo = mid + 1;
        else hi = mid;
    }
    if (lo == x->nk) return NULL;
    const wkey *k = &x->k[lo];
    if (strcmp(k->target, target) || k->table != table || k->row != row || k->col != col) return NULL;
    return &x->w[k->w];
}

/* ---- resolving what a waiver names ---- */

/* "a.b.c" of parts [from, to) of a path (or the one name). */
static const char *join(ck *c, const char *const *parts, size_t from, size_t to)
{
    gir_buf b;
    buf_init(&b, c->a);
    for (size_t i = from; i < to; i++) {
        if (i > from) buf_putc(&b, '.');
        buf_puts(&b, parts[i]);
    }
    return buf_cstr(&b);
}

/* Keys for a row, a column (in any block) or ROW.COLUMN of table t;
 * 0 when the name is none of them. */
static int resolve_in_table(wctx *x, size_t w, int t, const char *const *parts, size_t n)
{
    ck *c = x->c;
    const gir_ttable *tt = c->s->tables[t];
    const char *whole = join(c, parts, 0, n);
    int found = 0, blk = 0;
    gir_hnode *rh = schema_find_row(tt, c->a, whole, &blk);
    if (rh) found = add_key(x, w, t, rh, NULL);
    for (size_t b = 0; b < tt->nblocks; b++) {
        gir_hnode *ch = schema_find_col(tt->blocks[b], c->a, whole);
        if (ch) found = add_key(x, w, t, NULL, ch);
    }
    for (size_t k = 1; k < n && !found; k++) {
        rh = schema_find_row(tt, c->a, join(c, parts, 0, k), &blk);
        gir_hnode *ch = rh ? schema_find_col(tt->blocks[blk], c->a, join(c, parts, k, n)) : NULL;
        if (ch) found = add_key(x, w, t, rh, ch);
    }
    return found;
}

/* Every row and column of t, for "did you mean". */
static void suggest_where(wctx *x, gir_diag *g, int t, const char *name)
{
    ck *c = x->c;
    const gir_ttable *tt = c->s->tables[t];
    gir_hnode **all = NULL;
    size_t n = 0;
    for (size_t b = 0; b < tt->nblocks; b++) {
        for (size_t i = 0; i < tt->blocks[b]->rowroot->nall; i++) ARRAY_PUSH(c->a, all, n, tt->blocks[b]->rowroot->all[i]);
        for (size_t i = 0; i < tt->blocks[b]->colroot->nall; i++) ARRAY_PUSH(c->a, all, n, tt->blocks[b]->colroot->all[i]);
    }
    const char *cand[1];
    if (n && schema_suggest(c->a, all, n, name, cand, 1)) diag_help(c->dg, g, K_DID_YOU_MEAN, cand[0]);
}

/* The table whose name is nearest to name (at most 2 edits), as help. */
static void suggest_table(ck *c, gir_diag *g, const char *name)
{
    const char *best = NULL;
    size_t bd = 3;
    for (size_t t = 0; t < c->s->ntables; t++) {
        size_t d = label_distance(name, c->s->tables[t]->name, 2);
        if (d < bd) {
            bd = d;
            best = c->s->tables[t]->name;
        }
    }
    if (best) diag_help(c->dg, g, K_DID_YOU_MEAN, best);
}

static int table_index(const ck *c, const char *name)
{
    gir_ttable *t = schema_find_table(c->s, c->a, name);
    return t ? t->index : -1;
}

/* The keys of waiver w; 0 after reporting what it names as unknown. */
static int waiver_keys(wctx *x, size_t w)
{
    ck *c = x->c;
    wv *v = &x->w[w];
    if (!v->where) return add_key(x, w, v->table, NULL, NULL);
    const char **parts = NULL;
    size_t n = 0;
    if (v->where->kind == N_PATH)
        for (const gir_node *p = v->where->first; p; p = p->next) ARRAY_PUSH(c->a, parts, n, p->str);
    else
        ARRAY_PUSH(c->a, parts, n, v->where->str);
    int t = v->table;
    size_t from = 0;
    if (t < 0) {
        t = table_index(c, parts[0]);
        if (t < 0) {
            gir_span at = v->where->first ? v->where->first->span : v->where->span;
            gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, W_UNKNOWN_SCOPE, c->src, at, parts[0]);
            suggest_table(c, g, parts[0]);
            return 0;
        }
        from = 1;
        if (n == 1) return add_key(x, w, t, NULL, NULL);
    }
    if (resolve_in_table(x, w, t, parts + from, n - from)) return 1;
    const char *name = join(c, parts, from, n);
    gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, W_UNKNOWN_WHERE, c->src, v->where->span, name, c->s->tables[t]->name);
    suggest_where(x, g, t, name);
    return 0;
}

/* "did you mean" among the rule ids and the waivable codes. */
static void suggest_target(ck *c, gir_diag *g, const char *s)
{
    const char *best = NULL;
    size_t bd = 3;
    for (size_t t = 0; t < c->s->ntables; t++)
        for (size_t i = 0; i < c->s->tables[t]->nrules; i++) {
            const char *id = c->s->tables[t]->rules[i]->id;
            size_t d = label_distance(s, id, 2);
            if (d >= bd) continue;
            bd = d;
            best = id;
        }
    for (int id = 0; id < MSG__COUNT; id++) {
        const char *code = msg_code((gir_msg)id);
        if (!*code || !msg_code_waivable(code)) continue;
        size_t d = label_distance(s, code, 2);
        if (d >= bd) continue;
        bd = d;
        best = code;
    }
    if (best) diag_help(c->dg, g, K_DID_YOU_MEAN, best);
    else diag_help(c->dg, g, W_HELP_WAIVABLE);
}

/* Only spaces, tabs and ideographic spaces (U+3000). */
static int is_blank(const char *s)
{
    while (*s) {
        if (*s == ' ' || *s == '\t') {
            s++;
            continue;
        }
        if (strncmp(s, "\xe3\x80\x80", 3) != 0) return 0;
        s += 3;
    }
    return 1;
}

/* Checks the reason and the target of w; 1 when it may waive. */
static int waiver_valid(wctx *x, wv *v)
{
    ck *c = x->c;
    const gir_node *tn = v->n->first;
    const gir_node *last = v->n->last;
    const char *reason = last && last->kind == N_LIT && last->lit.kind == LIT_STRING ? last->str : NULL;
    int ok = 1;
    if (!code_known(v->target) && !rule_known(c, v->target)) {
        gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, W_UNKNOWN_TARGET, c->src, tn->span, v->target);
        suggest_target(c, g, v->target);
        ok = 0;
    } else if (code_known(v->target) && !msg_code_waivable(v->target)) {
        gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, W_NOT_WAIVABLE, c->src, tn->span, v->target);
        diag_help(c->dg, g, W_HELP_WAIVABLE);
        ok = 0;
    }
    if (!reason || is_blank(reason)) {
        gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, W_NO_REASON, c->src, v->n->span);
        diag_help(c->dg, g, W_HELP_REASON, v->target);
        return 0;
    }
    if (strcmp(reason, msg_fmt(GIR_LANG_ZH, W_PLACEHOLDER_TEXT)) == 0 || strcmp(reason, msg_fmt(GIR_LANG_EN, W_PLACEHOLDER_TEXT)) == 0) {
        diag_add(c->dg, GIR_SEV_ERROR, W_PLACEHOLDER, c->src, last->span);
        return 0;
    }
    v->reason = reason;
    return ok;
}

static void add_waiver(wctx *x, const gir_node *n, int table)
{
    const gir_node *where = n->first->next;
    if (where && where->kind != N_NAME && where->kind != N_PATH) where = NULL;
    wv v = {n, n->first->str, NULL, where, table, 0};
    ARRAY_PUSH(x->c->a, x->w, x->nw, v);
}

/* Every waiver of the file: top level, header, tables (in file order). */
static void collect(wctx *x)
{
    ck *c = x->c;
    for (const gir_node *it = c->ast->first; it; it = it->next) {
        if (it->kind == N_WAIVER) add_waiver(x, it, -1);
        if (it->kind != N_REPORT && it->kind != N_TABLE) continue;
        int t = -1;
        if (it->kind == N_TABLE) {
            for (size_t i = 0; i < c->s->ntables; i++)
                if (c->r->tables[i].node == it) t = (int)i;
            if (t < 0) continue;   /* an unknown or duplicate table: already an error */
        }
        for (const gir_node *k = it->first; k; k = k->next)
            if (k->kind == N_WAIVER) add_waiver(x, k, t);
    }
}

/* ---- applying ---- */

/* The ancestors of h, nearest first, then NULL (any). */
static size_t chain(const gir_hnode *h, const gir_hnode **out, size_t max)
{
    size_t n = 0;
    for (; h && h->parent && n + 1 < max; h = h->parent) out[n++] = h;
    out[n++] = NULL;
    return n;
}

static wv *match_target(wctx *x, const char *target, const struct ck_tag *s)
{
    enum { MAXCHAIN = 12 };
    const gir_hnode *rows[MAXCHAIN], *cols[MAXCHAIN];
    size_t nr = 1, nc = 1;
    rows[0] = cols[0] = NULL;
    if (s->table >= 0) {
        const gir_block *bl = x->c->s->tables[s->table]->blocks[s->blk >= 0 ? s->blk : 0];
        if (s->row >= 0 && s->blk >= 0) nr = chain(bl->rows[s->row], rows, MAXCHAIN);
        if (s->col >= 0 && s->blk >= 0) nc = chain(bl->cols[s->col], cols, MAXCHAIN);
        for (size_t i = 0; i < nr; i++)
            for (size_t k = 0; k < nc; k++) {
                wv *v = find_key(x, target, s->table, rows[i], cols[k]);
                if (v) return v;
            }
    }
    return find_key(x, target, -1, NULL, NULL);
}

static void waive(wctx *x, gir_diag *g, wv *v)
{
    ck *c = x->c;
    if (g->sev == GIR_SEV_ERROR && c->dg->nerrors) c->dg->nerrors--;
    if (g->sev == GIR_SEV_WARNING && c->dg->nwarnings) c->dg->nwarnings--;
    g->sev = GIR_SEV_NOTE;
    g->waived = v->reason;
    g->waived_at = v->n->span;
    diag_note(c->dg, g, W_NOTE_WAIVED, v->reason);
    diag_related(c->dg, g, c->src, v->n->span, W_WAIVED_HERE);
    v->used = 1;
}

static void apply(wctx *x, size_t upto)
{
    ck *c = x->c;
    for (size_t i = 0; i < upto; i++) {
        gir_diag *g = c->dg->v[i];
        if (g->src != c->src || g->sev == GIR_SEV_NOTE || !g->code || !msg_code_waivable(g->code)) continue;
        struct ck_tag s = subject_of(c->r, x->ix, g);
        wv *v = s.rule ? match_target(x, s.rule, &s) : NULL;
        if (!v) v = match_target(x, g->code, &s);
        if (v) waive(x, g, v);
    }
}

void check_waivers(ck *c)
{
    struct gir_waive_index *ix = arena_alloc(c->a, sizeof *ix);
    ix->tags = c->tags;
    ix->ntags = c->ntags;
    if (ix->ntags) qsort(ix->tags, ix->ntags, sizeof *ix->tags, cmp_tag_diag);
    index_cells(c, ix);
    c->r->waive_index = ix;
    wctx x = {c, NULL, 0, NULL, 0, ix};
    collect(&x);
    if (!x.nw) return;
    size_t upto = c->dg->n;
    int *ok = arena_alloc(c->a, x.nw * sizeof *ok);
    for (size_t i = 0; i < x.nw; i++) ok[i] = waiver_valid(&x, &x.w[i]) && waiver_keys(&x, i);
    if (x.nk) qsort(x.k, x.nk, sizeof *x.k, cmp_key);
    apply(&x, upto);
    /* an incomplete check (syntax errors, dropped findings) proves nothing unused */
    if (c->nsyntax || c->dg->dropped) return;
    for (size_t i = 0; i < x.nw; i++) {
        if (!ok[i] || x.w[i].used) continue;
        gir_diag *g = diag_add(c->dg, GIR_SEV_WARNING, W_UNUSED, c->src, x.w[i].n->span, x.w[i].target);
        diag_help(c->dg, g, W_HELP_UNUSED);
    }
}

/* ---- the waiver a finding would need (check_waiver_edit) ---- */

/* Offset just after the line holding off (after its newline). */
static uint32_t after_line(const gir_source *src, uint32_t off)
{
    uint32_t i = off;
    while (i < src->len && src->text[i] != '\n') i++;
    return i < src->len ? i + 1 : src->len;
}

static int line_of(const gir_source *src, uint32_t off) { return (int)source_line_of(src, off); }

/* Strictly inside node n: on a line after its first and before its last. */
static int inside(const gir_source *src, const gir_node *n, uint32_t off)
{
    if (!n || off < n->span.start || off >= n->span.end) return 0;
    int l = line_of(src, off);
    return l > line_of(src, n->span.start) && l < line_of(src, n->span.end ? n->span.end - 1 : 0);
}

/* The rule id or code as the grammar reads it: R3.1 bare, else quoted. */
static const char *target_text(gir_arena *a, const char *t)
{
    const char *p = t;
    int ok = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p == '_';
    while (ok && *++p && *p != '.') ok = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p == '_' || (*p >= '0' && *p <= '9');
    if (ok && *p == '.') {
        ok = p[1] != 0;
        while (ok && *++p) ok = *p >= '0' && *p <= '9';
    }
    return ok ? t : arena_printf(a, "\"%s\"", t);
}

/* WHERE for a subject: ROW.COLUMN, ROW or COLUMN (short names), or "". */
static const char *where_text(const gir_report *r, gir_arena *a, const struct ck_tag *s)
{
    if (s->table < 0 || s->blk < 0) return "";
    const gir_block *bl = r->schema->tables[s->table]->blocks[s->blk];
    if (s->row >= 0 && s->col >= 0) return arena_printf(a, "%s.%s", bl->rows[s->row]->name, bl->cols[s->col]->name);
    if (s->row >= 0) return bl->rows[s->row]->name;
    if (s->col >= 0) return bl->cols[s->col]->name;
    return "";
}

/* The top-level item holding off, or NULL. */
static const gir_node *top_item(const gir_report *r, uint32_t off)
{
    const gir_node *root = r->header ? r->header->parent : NULL;
    for (const gir_node *it = root ? root->first : NULL; it; it = it->next)
        if (off >= it->span.start && off < it->span.end) return it;
    return NULL;
}

int check_waiver_edit(const gir_report *r, gir_arena *a, const gir_diag *g, const char *reason,
                      const char **text, uint32_t *at)
{
    if (!r || !r->waive_index || g->src != r->src || g->waived || g->sev == GIR_SEV_NOTE) return 0;
    if (!g->code || !msg_code_waivable(g->code)) return 0;
    struct ck_tag s = subject_of(r, r->waive_index, g);
    const char *target = target_text(a, s.rule ? s.rule : g->code);
    const char *where = where_text(r, a, &s);
    const gir_node *tn = s.table >= 0 ? r->tables[s.table].node : NULL;
    const char *indent = "  ";
    if (tn && inside(r->src, tn, g->span.start)) {
        *at = after_line(r->src, g->span.start);
    } else if (!tn && inside(r->src, r->header, g->span.start)) {
        *at = after_line(r->src, g->span.start);
    } else {
        const gir_node *it = top_item(r, g->span.start);
        *at = it ? after_line(r->src, it->span.end ? it->span.end - 1 : 0) : r->src->len;
        indent = "";
        if (tn) where = *where ? arena_printf(a, "%s.%s", r->tables[s.table].t->name, where) : r->tables[s.table].t->name;
    }
    const char *lead = *at == r->src->len && r->src->len && r->src->text[r->src->len - 1] != '\n' ? "\n" : "";
    *text = arena_printf(a, "%s%swaive %s%s%s \"%s\"\n", lead, indent, target, *where ? " " : "", where, reason);
    return 1;
}

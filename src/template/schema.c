/* schema.c - compile an N_TEMPLATE node into a gir_schema: header trees,
 * leaf indices, types, derived sums and rules, all resolved by name. */
#include <stdlib.h>
#include <string.h>
#include "base/array.h"
#include "base/label.h"
#include "base/acmatch.h"
#include "base/strmap.h"
#include "syntax/lang.h"
#include "parser.h"
#include "schema.h"
#include "wording.h"

#define MAX_GROUP_DEPTH 16

typedef struct sb {                /* builder state */
    gir_arena *a;
    gir_diags *d;
    const gir_source *src;
    gir_schema *s;
} sb;

/* ---- small helpers ---- */


static const char *lit_str(const gir_node *n) { return n && n->str ? n->str : ""; }

static void read_aliases(sb *b, const gir_node *n, const char ***out, size_t *nout)
{
    for (const gir_node *c = n->first; c; c = c->next)
        if (c->kind == N_ALIAS)
            for (const gir_node *x = c->first; x; x = x->next) ARRAY_PUSH(b->a, *out, *nout, x->str);
}

static const gir_node *first_lit(const gir_node *n)
{
    for (const gir_node *c = n->first; c; c = c->next)
        if (c->kind == N_LIT) return c;
    return NULL;
}

const char *cell_type_name(gir_cell_type t)
{
    static const char *const names[CT__COUNT] = {"count", "money", "change", "text"};
    return names[t];
}

/* ---- header trees ---- */

static gir_hnode *new_hnode(sb *b, const gir_node *decl, int group, gir_hnode *parent)
{
    gir_hnode *h = arena_alloc(b->a, sizeof *h);
    h->is_group = group;
    h->parent = parent;
    h->index = -1;
    h->decl = decl;
    h->depth = parent ? parent->depth + 1 : -1;
    const gir_node *nm = ast_find(decl, N_NAME);
    h->name = nm ? nm->str : "";
    const gir_node *lab = first_lit(decl);
    h->label = lab ? lit_str(lab) : "";
    read_aliases(b, decl, &h->aliases, &h->naliases);
    h->fname = label_fold(b->a, h->name);
    h->flabel = label_fold(b->a, h->label);
    h->faliases = arena_alloc(b->a, (h->naliases + 1) * sizeof *h->faliases);
    for (size_t i = 0; i < h->naliases; i++) h->faliases[i] = label_fold(b->a, h->aliases[i]);
    if (parent) ARRAY_PUSH(b->a, parent->kids, parent->nkids, h);
    return h;
}

/* A money unit of syntax/numbers.def. */
static int is_money_unit(const char *w)
{
    const gir_unit *u = lang_unit(w);
    return u && u->quantity == GIR_UNIT_MONEY;
}

static void read_type(sb *b, gir_hnode *h, const gir_node *t)
{
    h->has_type = 1;
    for (int i = 0; i < CT__COUNT; i++)
        if (strcmp(t->str, cell_type_name((gir_cell_type)i)) == 0) h->type = (gir_cell_type)i;
    if (strcmp(t->str, cell_type_name(h->type)) != 0) {
        gir_diag *g = diag_add(b->d, GIR_SEV_ERROR, K_UNKNOWN_TYPE, b->src, t->span, t->str);
        diag_help(b->d, g, K_HELP_TYPES);
        return;
    }
    for (const gir_node *u = t->first; u; u = u->next) {
        if (h->nunits < 4) h->units[h->nunits++] = u->str;
        if (!is_money_unit(u->str)) diag_add(b->d, GIR_SEV_ERROR, K_UNKNOWN_UNIT, b->src, u->span, u->str);
    }
    if (h->type == CT_MONEY && h->nunits == 0) h->units[h->nunits++] = lang_unit_base(GIR_UNIT_MONEY);
}

/* Walks a N_COLUMNS/N_ROWS tree, appending leaves to *leaves. Iterative
 * over siblings, recursive over groups (bounded by MAX_GROUP_DEPTH). */
static void build_tree(sb *b, const gir_node *list, gir_hnode *parent, gir_hnode ***leaves, size_t *nleaves)
{
    for (const gir_node *c = list->first; c; c = c->next) {
        if (c->kind == N_GROUP) {
            gir_hnode *g = new_hnode(b, c, 1, parent);
            if (g->depth >= MAX_GROUP_DEPTH) {
                diag_add(b->d, GIR_SEV_ERROR, K_TOO_DEEP, b->src, c->span, MAX_GROUP_DEPTH);
                continue;
            }
            build_tree(b, c, g, leaves, nleaves);
        } else if (c->kind == N_LEAF) {
            gir_hnode *h = new_hnode(b, c, 0, parent);
            h->index = (int)*nleaves;
            ARRAY_PUSH(b->a, *leaves, *nleaves, h);
            const gir_node *t = ast_find(c, N_TYPE);
            if (t) read_type(b, h, t);
        }
    }
}

static int matches_exact(const gir_hnode *h, const char *name)
{
    if (strcmp(h->name, name) == 0) return 1;
    for (size_t i = 0; i < h->naliases; i++)
        if (strcmp(h->aliases[i], name) == 0) return 1;
    return 0;
}

/* f: label_fold of the name looked up. Only a node with a label matches
 * by folded text. */
static int matches_folded(const gir_hnode *h, gir_arena *a, const char *f)
{
    if (!h->label || !*h->label) return 0;
    if (strcmp(h->flabel ? h->flabel : label_fold(a, h->label), f) == 0) return 1;
    for (size_t i = 0; i < h->naliases; i++)
        if (strcmp(h->faliases ? h->faliases[i] : label_fold(a, h->aliases[i]), f) == 0) return 1;
    return 0;
}

int hnode_matches(const gir_hnode *h, gir_arena *a, const char *name)
{
    if (matches_exact(h, name)) return 1;
    return h->label && *h->label && matches_folded(h, a, label_fold(a, name));
}

/* All nodes (leaves and groups) of a tree, pre-order, iteratively. */
static void collect(gir_arena *a, gir_hnode *root, gir_hnode ***out, size_t *n)
{
    gir_hnode **stack = NULL;
    size_t ns = 0;
    ARRAY_PUSH(a, stack, ns, root);
    while (ns) {
        gir_hnode *h = stack[--ns];
        if (h != root) ARRAY_PUSH(a, *out, *n, h);
        for (size_t i = h->nkids; i-- > 0;) ARRAY_PUSH(a, stack, ns, h->kids[i]);
    }
}

/* Indexes the nodes under root (root->all, pre-order) by name and alias,
 * and by folded label and alias: the first node of each key, as the
 * linear search found it. */
static void index_tree(gir_arena *a, gir_hnode *root)
{
    if (!root->all) collect(a, root, &root->all, &root->nall);
    root->by_name = arena_alloc(a, sizeof *root->by_name);
    root->by_fold = arena_alloc(a, sizeof *root->by_fold);
    strmap_init(root->by_name, a);
    strmap_init(root->by_fold, a);
    for (size_t i = 0; i < root->nall; i++) {
        const gir_hnode *h = root->all[i];
        strmap_add(root->by_name, h->name, i);
        for (size_t k = 0; k < h->naliases; k++) strmap_add(root->by_name, h->aliases[k], i);
        if (!h->label || !*h->label) continue;
        strmap_add(root->by_fold, h->flabel, i);
        for (size_t k = 0; k < h->naliases; k++) strmap_add(root->by_fold, h->faliases[k], i);
    }
}

/* The first node under root matching name exactly or by folded label. */
static gir_hnode *find_here(gir_arena *a, gir_hnode *root, const char *name)
{
    gir_hnode **all = root->all;
    size_t n = root->nall;
    if (root->by_name) {
        size_t ie = (size_t)-1, ifo = (size_t)-1;
        strmap_get(root->by_name, name, &ie);
        if (root->by_fold->n) strmap_get(root->by_fold, label_fold(a, name), &ifo);
        size_t i = ie < ifo ? ie : ifo;
        return i < n ? all[i] : NULL;
    }
    if (!all) collect(a, root, &all, &n);   /* not indexed yet: while building */
    const char *f = NULL;   /* the name folded, once, when first needed */
    for (size_t i = 0; i < n; i++) {
        if (matches_exact(all[i], name)) return all[i];
        if (!all[i]->label || !*all[i]->label) continue;
        if (!f) f = label_fold(a, name);
        if (matches_folded(all[i], a, f)) return all[i];
    }
    return NULL;
}

/* Finds a node by name or dotted path ("group.leaf") in a tree. */
static gir_hnode *find_in_tree(gir_arena *a, gir_hnode *root, const char *name)
{
    gir_hnode *h = find_here(a, root, name);
    if (h) return h;
    const char *dot = strchr(name, '.');
    if (dot && dot > name) {
        char *head = arena_strndup(a, name, (size_t)(dot - name));
        gir_hnode *g = find_in_tree(a, root, head);
        if (g && g->is_group) return find_in_tree(a, g, dot + 1);
    }
    return NULL;
}

gir_hnode *schema_find_col(const gir_block *b, gir_arena *a, const char *name)
{
    return find_in_tree(a, b->colroot, name);
}

gir_hnode *schema_find_row(const gir_ttable *t, gir_arena *a, const char *name, int *block)
{
    for (size_t i = 0; i < t->nblocks; i++) {
        gir_hnode *h = find_in_tree(a, t->blocks[i]->rowroot, name);
        if (h) { if (block) *block = (int)i; return h; }
    }
    return NULL;
}

static const char *ref_name(sb *b, const gir_node *ref)
{
    gir_buf buf;
    buf_init(&buf, b->a);
    for (const gir_node *c = ref->first; c; c = c->next) {
        if (c != ref->first) buf_putc(&buf, '.');
        buf_puts(&buf, c->str);
    }
    return buf_cstr(&buf);
}

static void leaves_of(sb *b, gir_hnode *h, int **out, size_t *n)
{
    if (!h->is_group) { ARRAY_PUSH(b->a, *out, *n, h->index); return; }
    for (size_t i = 0; i < h->nkids; i++) leaves_of(b, h->kids[i], out, n);
}

static void unknown_ref(sb *b, const gir_node *ref, gir_hnode *root)
{
    gir_hnode **all = root ? root->all : NULL;
    size_t n = root ? root->nall : 0;
    if (root && !all) collect(b->a, root, &all, &n);
    const char *cand[3];
    const char *name = ref_name(b, ref);
    size_t k = schema_suggest(b->a, all, n, name, cand, 3);
    gir_diag *g = diag_add(b->d, GIR_SEV_ERROR, K_UNKNOWN_REF, b->src, ref->span, name);
    if (k) diag_help(b->d, g, K_DID_YOU_MEAN, cand[0]);
}

/* Resolves "= sum(...)" of every leaf in a tree. */
static void resolve_sums(sb *b, gir_hnode **leaves, size_t n, gir_hnode *root)
{
    for (size_t i = 0; i < n; i++) {
        gir_hnode *h = leaves[i];
        const gir_node *sum = ast_find(h->decl, N_SUM);
        if (!sum) continue;
        h->sum_span = sum->span;
        for (const gir_node *it = sum->first; it; it = it->next) {
            if (it->kind == N_RANGE) {
                gir_hnode *x = find_in_tree(b->a, root, ref_name(b, it->first));
                gir_hnode *y = find_in_tree(b->a, root, ref_name(b, it->last));
                if (!x) { unknown_ref(b, it->first, root); continue; }
                if (!y) { unknown_ref(b, it->last, root); continue; }
                int lo = x->is_group ? x->kids[0]->index : x->index;
                int hi = y->index;
                if (y->is_group) { int *l = NULL; size_t nl = 0; leaves_of(b, y, &l, &nl); hi = nl ? l[nl - 1] : -1; }
                if (x->is_group) { int *l = NULL; size_t nl = 0; leaves_of(b, x, &l, &nl); lo = nl ? l[0] : -1; }
                if (lo < 0 || hi < lo) { diag_add(b->d, GIR_SEV_ERROR, K_BAD_RANGE, b->src, it->span); continue; }
                for (int k = lo; k <= hi; k++) ARRAY_PUSH(b->a, h->sum, h->nsum, k);
            } else {
                gir_hnode *x = find_in_tree(b->a, root, ref_name(b, it));
                if (!x) { unknown_ref(b, it, root); continue; }
                leaves_of(b, x, &h->sum, &h->nsum);
            }
        }
        for (size_t k = 0; k < h->nsum; k++)
            if (h->sum[k] == h->index) {
                diag_add(b->d, GIR_SEV_ERROR, K_SUM_SELF, b->src, sum->span, h->name);
                h->nsum = 0;
                break;
            }
    }
}

/* ---- blocks ---- */

static gir_block *new_block(sb *b, gir_ttable *t, const gir_node *decl)
{
    gir_block *bl = arena_alloc(b->a, sizeof *bl);
    bl->index = (int)t->nblocks;
    bl->rowlabels = 1;
    bl->decl = decl;
    bl->colroot = arena_alloc(b->a, sizeof *bl->colroot);
    bl->rowroot = arena_alloc(b->a, sizeof *bl->rowroot);
    bl->colroot->is_group = bl->rowroot->is_group = 1;
    bl->colroot->depth = bl->rowroot->depth = -1;
    bl->colroot->name = bl->rowroot->name = "";
    bl->colroot->label = bl->rowroot->label = "";
    bl->colroot->index = bl->rowroot->index = -1;
    ARRAY_PUSH(b->a, t->blocks, t->nblocks, bl);
    return bl;
}

static void block_item(sb *b, gir_ttable *t, gir_block *bl, const gir_node *c)
{
    switch (c->kind) {
    case N_COLUMNS:
        if (bl->ncols) diag_add(b->d, GIR_SEV_ERROR, K_DUPLICATE_DECL, b->src, c->span, lang_keyword_word(KW_COLUMNS));
        else build_tree(b, c, bl->colroot, &bl->cols, &bl->ncols);
        break;
    case N_ROWS:
        if (bl->nrows) diag_add(b->d, GIR_SEV_ERROR, K_DUPLICATE_DECL, b->src, c->span, lang_keyword_word(KW_ROWS));
        else build_tree(b, c, bl->rowroot, &bl->rows, &bl->nrows);
        break;
    case N_ROWLABELS:
        if (strcmp(c->str, GIR_WORD_NONE) == 0) bl->rowlabels = 0;
        else diag_add(b->d, GIR_SEV_ERROR, K_BAD_ROWLABELS, b->src, c->span, c->str);
        break;
    case N_NOTE:
        if (c->op == 'h') bl->rowheader = lit_str(c->first);
        else t->note = lit_str(c->first);
        break;
    default:
        break;
    }
}

/* A total that (through other totals) sums itself is a template error;
 * found here, iteratively, so `girc check template.gir` reports it too. */
static void check_cycles(sb *b, gir_hnode **leaves, size_t n)
{
    unsigned char *color = arena_alloc(b->a, n + 1);   /* 0 new, 1 on the path, 2 done */
    size_t *stack = arena_alloc(b->a, (n + 1) * sizeof *stack), *next = arena_alloc(b->a, (n + 1) * sizeof *next);
    for (size_t start = 0; start < n; start++) {
        if (color[start]) continue;
        size_t top = 0;
        stack[top] = start; next[top] = 0; top++;
        color[start] = 1;
        while (top) {
            gir_hnode *h = leaves[stack[top - 1]];
            if (next[top - 1] < h->nsum) {
                size_t k = (size_t)h->sum[next[top - 1]++];
                if (k >= n) continue;
                if (color[k] == 1) {
                    const gir_node *nm = ast_find(leaves[k]->decl, N_NAME);
                    diag_add(b->d, GIR_SEV_ERROR, K_DERIVED_CYCLE, b->src, nm ? nm->span : leaves[k]->decl->span, leaves[k]->name);
                    leaves[k]->nsum = 0;   /* break the cycle: it is reported */
                } else if (!color[k]) {
                    color[k] = 1;
                    stack[top] = k; next[top] = 0; top++;
                }
            } else {
                color[stack[--top]] = 2;
            }
        }
    }
}

/* Indexes a block's tree and every group in it (find_in_tree). */
static void index_trees(sb *b, gir_hnode *root)
{
    index_tree(b->a, root);
    for (size_t i = 0; i < root->nall; i++)
        if (root->all[i]->is_group) index_tree(b->a, root->all[i]);
}

static void finish_block(sb *b, gir_block *bl)
{
    index_trees(b, bl->colroot);   /* for lookups */
    index_trees(b, bl->rowroot);
    if (!bl->ncols) diag_add(b->d, GIR_SEV_ERROR, K_NO_COLUMNS, b->src, bl->decl->span);
    if (!bl->nrows) diag_add(b->d, GIR_SEV_ERROR, K_NO_ROWS, b->src, bl->decl->span);
    if (!bl->rowlabels && bl->nrows != 1)
        diag_add(b->d, GIR_SEV_ERROR, K_ROWLABELS_ONE, b->src, bl->decl->span);
    resolve_sums(b, bl->cols, bl->ncols, bl->colroot);
    check_cycles(b, bl->cols, bl->ncols);
    resolve_sums(b, bl->rows, bl->nrows, bl->rowroot);
    check_cycles(b, bl->rows, bl->nrows);
    /* short names must be unique per axis within a block (a map: linear) */
    for (int axis = 0; axis < 2; axis++) {
        gir_hnode **all = axis ? bl->rowroot->all : bl->colroot->all;
        size_t n = axis ? bl->rowroot->nall : bl->colroot->nall;
        gir_strmap seen;
        strmap_init(&seen, b->a);
        for (size_t i = 0; i < n; i++) {
            if (strmap_add(&seen, all[i]->name, i)) continue;
            const gir_node *nm = ast_find(all[i]->decl, N_NAME);
            diag_add(b->d, GIR_SEV_ERROR, K_DUPLICATE_NAME, b->src, nm ? nm->span : all[i]->decl->span, all[i]->name);
        }
    }
}

#include "schema_rules.inc"

static gir_ttable *build_table(sb *b, const gir_node *n)
{
    gir_ttable *t = arena_alloc(b->a, sizeof *t);
    t->decl = n;
    t->name = ast_find(n, N_NAME)->str;
    const gir_node *lab = first_lit(n);
    t->label = lab ? lit_str(lab) : t->name;
    read_aliases(b, n, &t->aliases, &t->naliases);
    gir_block *implicit = NULL;
    for (const gir_node *c = n->first; c; c = c->next) {
        if (c->kind == N_BLOCK) {
            gir_block *bl = new_block(b, t, c);
            const gir_node *cap = first_lit(c);
            if (cap) bl->caption = lit_str(cap);
            for (const gir_node *x = c->first; x; x = x->next) block_item(b, t, bl, x);
        } else if (c->kind == N_COLUMNS || c->kind == N_ROWS || c->kind == N_ROWLABELS ||
                   (c->kind == N_NOTE && c->op == 'h')) {
            if (!implicit) implicit = new_block(b, t, n);
            block_item(b, t, implicit, c);
        } else if (c->kind == N_NOTE) {
            t->note = lit_str(c->first);
        }
    }
    if (!t->nblocks) diag_add(b->d, GIR_SEV_ERROR, K_NO_COLUMNS, b->src, n->span);
    for (size_t i = 0; i < t->nblocks; i++) finish_block(b, t->blocks[i]);
    /* rules: in the table or in any block */
    for (const gir_node *c = ast_next(n, n); c; c = ast_next(n, c))
        if (c->kind == N_RULE || c->kind == N_PATTERN || c->kind == N_MENTION || c->kind == N_JUMP) build_rule(b, t, c);
    return t;
}

static int year_of(const gir_node *lit)
{
    long v = 0;
    for (const char *p = lit->lit.int_digits; p && *p && v < 100000; p++) v = v * 10 + (*p - '0');
    return (int)v;
}

void schema_years(const gir_node *tmpl, int *from, int *to)
{
    *from = 0;
    *to = 9999;
    for (const gir_node *c = tmpl->first; c; c = c->next)
        if (c->kind == N_YEARS) {
            *from = year_of(c->first);
            *to = year_of(c->last);
        }
}

/* The phrases of the mention rules and their automaton (gir_schema). */
static void index_mentions(gir_arena *a, gir_schema *s)
{
    const char **pats = NULL;
    size_t np = 0;
    for (size_t t = 0; t < s->ntables; t++)
        for (size_t i = 0; i < s->tables[t]->nrules; i++) {
            const gir_rule *ru = s->tables[t]->rules[i];
            if (ru->pattern != 2) continue;
            for (size_t k = 0; k < ru->nphrases; k++) {
                gir_mention m = {t, i, k};
                ARRAY_PUSH(a, s->ment, s->nment, m);
                ARRAY_PUSH(a, pats, np, ru->phrases[k]);
            }
        }
    s->mentions = acm_build(a, pats, np);
}

/* Table name -> index of the last table with it (a section's table). */
static gir_strmap *by_last_name(gir_arena *a, const gir_schema *s)
{
    gir_strmap *m = arena_alloc(a, sizeof *m);
    strmap_init(m, a);
    for (size_t i = s->ntables; i-- > 0;) strmap_add(m, s->tables[i]->name, i);
    return m;
}

/* Adds one named thing (index i) to the name and folded-label maps. */
static void index_one(gir_arena *a, gir_strmap *nm, gir_strmap *fo, size_t i, const char *name, const char *label,
                      const char *const *al, size_t nal)
{
    strmap_add(nm, name, i);
    for (size_t k = 0; k < nal; k++) strmap_add(nm, al[k], i);
    if (label) strmap_add(fo, label_fold(a, label), i);
    for (size_t k = 0; k < nal; k++) strmap_add(fo, label_fold(a, al[k]), i);
}

static gir_strmap *new_map(gir_arena *a)
{
    gir_strmap *m = arena_alloc(a, sizeof *m);
    strmap_init(m, a);
    return m;
}

/* The lookup maps of sections and tables (gir_schema). */
static void index_names(gir_arena *a, gir_schema *s)
{
    gir_strmap *sn = new_map(a), *sf = new_map(a), *tn = new_map(a), *tf = new_map(a);
    for (size_t i = 0; i < s->nsections; i++) {
        const gir_tsection *x = s->sections[i];
        index_one(a, sn, sf, i, x->name, x->label, x->aliases, x->naliases);
    }
    for (size_t i = 0; i < s->ntables; i++) {
        const gir_ttable *x = s->tables[i];
        index_one(a, tn, tf, i, x->name, x->label, x->aliases, x->naliases);
    }
    s->sec_name = sn;
    s->sec_fold = sf;
    s->tab_name = tn;
    s->tab_fold = tf;
}

gir_schema *schema_build(gir_arena *a, gir_diags *d, const gir_source *src, const gir_node *tmpl)
{
    sb b = {a, d, src, arena_alloc(a, sizeof(gir_schema))};
    gir_schema *s = b.s;
    s->src = src;
    s->decl = tmpl;
    s->name = ast_find(tmpl, N_NAME)->str;
    const gir_node *title = first_lit(tmpl);
    s->title = title ? lit_str(title) : s->name;
    schema_years(tmpl, &s->year_from, &s->year_to);
    for (const gir_node *c = tmpl->first; c; c = c->next) {
        if (c->kind == N_SOURCE) s->source_doc = lit_str(c->first);
        else if (c->kind == N_TTABLE) {
            gir_ttable *t = build_table(&b, c);
            t->index = (int)s->ntables;
            ARRAY_PUSH(a, s->tables, s->ntables, t);
        }
    }
    gir_strmap *last = by_last_name(a, s);
    for (const gir_node *c = tmpl->first; c; c = c->next) {
        if (c->kind != N_TSECTION) continue;
        gir_tsection *sec = arena_alloc(a, sizeof *sec);
        sec->decl = c;
        sec->index = (int)s->nsections;
        sec->name = ast_find(c, N_NAME)->str;
        sec->label = lit_str(first_lit(c));
        read_aliases(&b, c, &sec->aliases, &sec->naliases);
        const gir_node *tr = ast_find(c, N_TABLEREF);
        if (tr) {
            size_t ti = 0;
            if (strmap_get(last, tr->first->str, &ti)) sec->table = s->tables[ti];
            if (!sec->table) diag_add(d, GIR_SEV_ERROR, K_UNKNOWN_TABLE_DECL, src, tr->span, tr->first->str);
        }
        ARRAY_PUSH(a, s->sections, s->nsections, sec);
    }
    if (!s->nsections) diag_add(d, GIR_SEV_ERROR, K_NO_SECTIONS, src, tmpl->span);
    index_names(a, s);
    index_mentions(a, s);
    wording_build(a, d, src, s, tmpl);
    return s;
}

/* ---- lookup by name ---- */

static int named_matches(gir_arena *a, const char *nm, const char *label, const char **al, size_t nal, const char *q)
{
    if (strcmp(nm, q) == 0) return 1;
    for (size_t i = 0; i < nal; i++) if (strcmp(al[i], q) == 0) return 1;
    const char *f = label_fold(a, q);
    if (label && strcmp(label_fold(a, label), f) == 0) return 1;
    for (size_t i = 0; i < nal; i++) if (strcmp(label_fold(a, al[i]), f) == 0) return 1;
    return 0;
}

/* The first index in name or folded-label map for q; 0 if none. */
static int indexed_find(const gir_strmap *nm, const gir_strmap *fo, gir_arena *a, const char *q, size_t *at)
{
    size_t i = (size_t)-1, j = (size_t)-1;
    strmap_get(nm, q, &i);
    if (fo->n) strmap_get(fo, label_fold(a, q), &j);
    *at = i < j ? i : j;
    return *at != (size_t)-1;
}

gir_tsection *schema_find_section(const gir_schema *s, gir_arena *a, const char *name)
{
    size_t at = 0;
    if (s->sec_name) return indexed_find(s->sec_name, s->sec_fold, a, name, &at) ? s->sections[at] : NULL;
    for (size_t i = 0; i < s->nsections; i++) {
        gir_tsection *x = s->sections[i];
        if (named_matches(a, x->name, x->label, x->aliases, x->naliases, name)) return x;
    }
    return NULL;
}

gir_ttable *schema_find_table(const gir_schema *s, gir_arena *a, const char *name)
{
    size_t at = 0;
    if (s->tab_name && indexed_find(s->tab_name, s->tab_fold, a, name, &at)) return s->tables[at];
    if (s->tab_name) {
        gir_tsection *sec = schema_find_section(s, a, name);
        return sec ? sec->table : NULL;
    }
    for (size_t i = 0; i < s->ntables; i++) {
        gir_ttable *t = s->tables[i];
        if (named_matches(a, t->name, t->label, t->aliases, t->naliases, name)) return t;
    }
    gir_tsection *sec = schema_find_section(s, a, name);
    return sec ? sec->table : NULL;
}

size_t schema_suggest(gir_arena *a, gir_hnode *const *nodes, size_t n, const char *name,
                      const char **out, size_t max)
{
    const char *q = label_fold(a, name);
    size_t qlen = label_length(q);
    size_t limit = qlen <= 1 ? 0 : qlen < 3 ? 1 : qlen / 3 + 1;   /* one character: no guessing */
    size_t best[8] = {0}, k = 0;
    if (max > 8) max = 8;
    for (size_t i = 0; i < n; i++) {
        const gir_hnode *h = nodes[i];
        if (h->is_group) continue;   /* a group heading is never what to write */
        const char *cands[34];   /* folded (computed at build when possible) */
        size_t nc = 0;
        cands[nc++] = h->fname ? h->fname : label_fold(a, h->name);
        if (h->label && *h->label) cands[nc++] = h->flabel ? h->flabel : label_fold(a, h->label);
        for (size_t j = 0; j < h->naliases && nc < 34; j++)
            cands[nc++] = h->faliases ? h->faliases[j] : label_fold(a, h->aliases[j]);
        size_t dmin = (size_t)-1;
        for (size_t j = 0; j < nc; j++) {
            const char *f = cands[j];
            size_t dd = label_distance(q, f, limit);
            if (dd > limit && qlen >= 2 && strstr(f, q)) dd = limit; /* contained: weak match */
            if (dd < dmin) dmin = dd;
        }
        if (dmin > limit) continue;
        const char *show = h->name;   /* what to write: the short name */
        /* insert sorted by distance */
        size_t pos = k;
        while (pos > 0 && best[pos - 1] > dmin) pos--;
        if (pos >= max) continue;
        size_t end = k < max ? k : max - 1;
        for (size_t j = end; j > pos; j--) { out[j] = out[j - 1]; best[j] = best[j - 1]; }
        out[pos] = show;
        best[pos] = dmin;
        if (k < max) k++;
    }
    return k;
}

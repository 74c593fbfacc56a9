/* carry.c - the cells of this year's draft that start from last year's
 * report (internal.h). The template says which: a rule `X == previous.Y`
 * or `X == previous.Y + ...` (one plain term on the left, one term of
 * last year added on the right) means X starts as last year's Y, in each
 * column or row the rule covers. Last year's cell is found by table, row
 * and column names, as the checker does, so last year may use the other
 * template. */
#include <string.h>
#include "internal.h"

/* The term of last year added on the rhs, when the rule carries. */
static const gir_term *carried_from(const gir_rule *ru)
{
    if (ru->cmp != CMP_EQ || ru->lhs.nterms != 1) return NULL;
    const gir_term *l = &ru->lhs.terms[0];
    if (l->prev || l->is_const || l->sign < 0) return NULL;
    const gir_term *found = NULL;
    for (size_t i = 0; i < ru->rhs.nterms; i++) {
        const gir_term *t = &ru->rhs.terms[i];
        if (!t->prev) continue;
        if (found || t->sign < 0 || t->is_const) return NULL;
        found = t;
    }
    return found;
}

/* Last year's cell of this table's row (by name) and column col of block blk. */
static const gir_cell *last_cell(gir_arena *a, const gir_report *p, const gir_ttable *t, const char *row, int blk, int col)
{
    if (!row || col < 0 || (size_t)col >= t->blocks[blk]->ncols) return NULL;
    const gir_ttable *pt = schema_find_table(p->schema, a, t->name);
    if (!pt || !p->tables[pt->index].node) return NULL;
    int pb = 0;
    const gir_hnode *ph = schema_find_row(pt, a, row, &pb);
    if (!ph || ph->is_group) return NULL;
    const gir_hnode *pc = schema_find_col(pt->blocks[pb], a, t->blocks[blk]->cols[col]->name);
    if (!pc || pc->is_group) return NULL;
    return report_cell(p, pt->index, pb, ph->index, pc->index);
}

/* The row name of a term resolved to row `row` of block blk. */
static const char *row_name(const gir_ttable *t, int blk, int row)
{
    return t->blocks[blk]->rows[row]->name;
}

/* Where a carried value comes from: a row (by name) and a column of the block. */
typedef struct source {
    const char *row;
    int col;
} source;

static void carry_one(gir_arena *a, const gir_new_opts *o, const gir_ttable *t, scaf_cell **g, int blk, int row,
                      int col, source from)
{
    const gir_block *bl = t->blocks[blk];
    if (row < 0 || col < 0 || (size_t)row >= bl->nrows || (size_t)col >= bl->ncols) return;
    const gir_cell *c = last_cell(a, o->last, t, from.row, blk, from.col);
    if (!c || c->bad || c->state == CELL_TEXT) return;
    scaf_cell *x = &g[blk][(size_t)row * bl->ncols + (size_t)col];
    if (c->state == CELL_BLANK) {
        x->blank = 1;
        return;
    }
    x->v = c->state == CELL_ZERO ? (gir_dec){0, 0} : c->v;
    x->set = 1;
}

/* One rule over its instances: each column, each row, or the cells named. */
static void carry_rule(gir_arena *a, const gir_new_opts *o, const gir_ttable *t, scaf_cell **g, const gir_rule *ru,
                       const gir_term *p)
{
    const gir_term *l = &ru->lhs.terms[0];
    if (ru->scope == SCOPE_EACH_COLUMN && l->block >= 0) {
        const gir_block *bl = t->blocks[l->block];
        if (p->row < 0 || p->block != l->block) return;
        for (size_t j = 0; j < bl->ncols; j++) {
            source from = {row_name(t, p->block, p->row), (int)j};
            carry_one(a, o, t, g, l->block, l->row, (int)j, from);
        }
        return;
    }
    if (ru->scope == SCOPE_EACH_ROW && l->block >= 0) {
        const gir_block *bl = t->blocks[l->block];
        if (p->col < 0) return;
        for (size_t i = 0; i < bl->nrows; i++) {
            source from = {row_name(t, l->block, (int)i), p->col};
            carry_one(a, o, t, g, l->block, (int)i, l->col, from);
        }
        return;
    }
    if (ru->scope == SCOPE_CELLS && l->block >= 0 && p->block == l->block && p->row >= 0) {
        source from = {row_name(t, p->block, p->row), p->col};
        carry_one(a, o, t, g, l->block, l->row, l->col, from);
    }
}

scaf_cell **scaf_carry(gir_arena *a, const gir_new_opts *o, const gir_ttable *t)
{
    if (!o->last) return NULL;
    scaf_cell **g = arena_alloc(a, (t->nblocks + 1) * sizeof *g);
    for (size_t k = 0; k < t->nblocks; k++) {
        size_t n = t->blocks[k]->nrows * t->blocks[k]->ncols;
        g[k] = arena_alloc(a, (n + 1) * sizeof **g);
        memset(g[k], 0, (n + 1) * sizeof **g);
    }
    for (size_t i = 0; i < t->nrules; i++) {
        const gir_term *p = carried_from(t->rules[i]);
        if (p) carry_rule(a, o, t, g, t->rules[i], p);
    }
    return g;
}

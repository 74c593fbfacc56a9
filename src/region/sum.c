/* sum.c - adding the units' tables cell by cell (region.h). The first
 * unit's checked report gives the shape (its schema names every table,
 * block, row and column); each later unit must have the same template,
 * year and layout. A blank cell (_) is counted, not added: the sum of the
 * others is then only a lower bound. A written total that differs from
 * its parts (E0501 in its unit) is added as the sum of its parts, so one
 * unit's wrong total does not spoil the region's. Text cells are not
 * summed. */
#include <string.h>
#include "internal.h"
#include "base/array.h"

const gir_report *region_acc_report(const region_acc *acc) { return acc && acc->base ? acc->base->report : NULL; }

void region_acc_free(region_acc *acc)
{
    if (acc && acc->base) gir_doc_free(acc->base);
    if (acc) acc->base = NULL;
}

size_t region_sum_count(const region_set *s) { return s->acc ? s->acc->nadded : 0; }

const gir_doc *region_sum_base(const region_set *s) { return s->acc ? s->acc->base : NULL; }

const region_cell *region_sum_cell(const region_set *s, int table, int block, int row, int col)
{
    const gir_report *r = s->acc ? region_acc_report(s->acc) : NULL;
    if (!r || table < 0 || (size_t)table >= r->schema->ntables) return NULL;
    const gir_ttable *t = r->schema->tables[table];
    if (block < 0 || (size_t)block >= t->nblocks) return NULL;
    const gir_block *b = t->blocks[block];
    if (row < 0 || col < 0 || (size_t)row >= b->nrows || (size_t)col >= b->ncols) return NULL;
    return &s->acc->cells[table][block][(size_t)row * b->ncols + (size_t)col];
}

static void make_cells(region_set *s, const gir_schema *sc)
{
    region_acc *acc = s->acc;
    acc->cells = arena_alloc(s->arena, sc->ntables * sizeof *acc->cells);
    for (size_t t = 0; t < sc->ntables; t++) {
        const gir_ttable *tt = sc->tables[t];
        acc->cells[t] = arena_alloc(s->arena, (tt->nblocks ? tt->nblocks : 1) * sizeof **acc->cells);
        for (size_t b = 0; b < tt->nblocks; b++) {
            size_t n = tt->blocks[b]->nrows * tt->blocks[b]->ncols;
            acc->cells[t][b] = arena_alloc(s->arena, (n ? n : 1) * sizeof ***acc->cells);
        }
    }
}

/* Same tables, blocks, rows and columns, by name and in order. */
static int same_nodes(gir_hnode *const *a, gir_hnode *const *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(a[i]->name, b[i]->name) != 0) return 0;
    return 1;
}

int region_same_shape(const gir_schema *a, const gir_schema *b)
{
    if (a == b) return 1;
    if (a->ntables != b->ntables) return 0;
    for (size_t t = 0; t < a->ntables; t++) {
        const gir_ttable *x = a->tables[t], *y = b->tables[t];
        if (x->nblocks != y->nblocks || strcmp(x->name, y->name) != 0) return 0;
        for (size_t k = 0; k < x->nblocks; k++) {
            const gir_block *p = x->blocks[k], *q = y->blocks[k];
            if (p->nrows != q->nrows || p->ncols != q->ncols) return 0;
            if (!same_nodes(p->rows, q->rows, p->nrows) || !same_nodes(p->cols, q->cols, p->ncols)) return 0;
        }
    }
    return 1;
}

static void add_cell(region_cell *x, const gir_cell *c, size_t unit)
{
    if (c->state == CELL_TEXT) return;
    if (c->state == CELL_BLANK) {
        if (x->nblank < 3) x->first[x->nblank] = unit;
        x->nblank++;
        return;
    }
    gir_dec r;
    /* a written total that differs from its parts counts as its parts */
    if (dec_add(x->sum, c->mismatch ? c->expected : c->v, &r) != DEC_OK)
        x->overflow = 1;
    else
        x->sum = r;
}

static void add_report(region_set *s, const gir_report *r, size_t unit)
{
    const gir_schema *sc = region_acc_report(s->acc)->schema;
    for (size_t t = 0; t < sc->ntables; t++)
        for (size_t b = 0; b < sc->tables[t]->nblocks; b++) {
            const gir_block *bl = sc->tables[t]->blocks[b];
            for (size_t i = 0; i < bl->nrows; i++)
                for (size_t j = 0; j < bl->ncols; j++)
                    add_cell(&s->acc->cells[t][b][i * bl->ncols + j], report_cell(r, (int)t, (int)b, (int)i, (int)j),
                             unit);
        }
    ARRAY_PUSH(s->arena, s->acc->added, s->acc->nadded, unit);
}

static void diag_unit(region_set *s, gir_diags *dg, size_t i, gir_diag *g) { diag_file(dg, g, s->units[i].path); }

/* Is r's template, year and layout those of the sum? Diagnoses why not. */
static int fits(region_set *s, gir_diags *dg, size_t i, const gir_report *r)
{
    const gir_report *b = region_acc_report(s->acc);
    const char *first = s->units[s->acc->added[0]].path;
    if (strcmp(r->template_name, b->template_name) != 0) {
        diag_unit(s, dg, i,
                  diag_add(dg, GIR_SEV_ERROR, R_MIXED_TEMPLATE, NULL, (gir_span){0, 0}, r->template_name,
                           b->template_name, first));
        return 0;
    }
    if (r->year != b->year) {
        diag_unit(s, dg, i, diag_add(dg, GIR_SEV_ERROR, R_MIXED_YEAR, NULL, (gir_span){0, 0}, r->year, b->year, first));
        return 0;
    }
    if (!region_same_shape(r->schema, b->schema)) {
        diag_unit(s, dg, i, diag_add(dg, GIR_SEV_ERROR, R_SHAPE, NULL, (gir_span){0, 0}, r->template_name, first));
        return 0;
    }
    return 1;
}

int region_sum_add(region_set *s, gir_diags *dg, size_t i, gir_doc *d)
{
    if (!d || d->oom || !d->report || !d->report->schema) {
        diag_unit(s, dg, i, diag_add(dg, GIR_SEV_ERROR, R_NOT_A_REPORT, NULL, (gir_span){0, 0}));
        gir_doc_free(d);
        return 0;
    }
    if (!s->acc) s->acc = arena_alloc(s->arena, sizeof *s->acc);
    if (!s->acc->base) {
        s->acc->base = d;
        make_cells(s, d->report->schema);
    } else if (!fits(s, dg, i, d->report)) {
        gir_doc_free(d);
        return 0;
    }
    if (d->diags.nerrors)
        diag_unit(s, dg, i, diag_add(dg, GIR_SEV_WARNING, R_UNIT_ERRORS, NULL, (gir_span){0, 0}, d->diags.nerrors));
    add_report(s, d->report, i);
    if (d != s->acc->base) gir_doc_free(d);
    return 1;
}

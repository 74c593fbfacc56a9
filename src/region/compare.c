/* compare.c - the region's own report against the sum of its units
 * (region.h): every cell of the region that differs from the units'
 * sum is a warning at the region's cell, with both values; where some
 * unit left the cell blank, only a region figure below the known sum is. */
#include <string.h>
#include "internal.h"

/* Where a cell of the region is: written, else its row, table or header. */
static gir_span where(const gir_report *r, int t, const gir_cell *c)
{
    if (c->span.end > c->span.start) return c->span;
    const gir_node *n = r->tables[t].node ? r->tables[t].node : r->header;
    return n ? n->span : (gir_span){0, 0};
}

static const char *cell_name(gir_arena *a, const gir_ttable *t, const gir_block *b, size_t i, size_t j)
{
    return arena_printf(a, "“%s.%s.%s”", t->name, b->rows[i]->name, b->cols[j]->name);
}

static size_t compare_cell(region_set *s, gir_doc *d, int t, int k, size_t i, size_t j)
{
    const gir_report *r = d->report;
    const gir_ttable *tt = r->schema->tables[t];
    const gir_block *bl = tt->blocks[k];
    const gir_cell *c = report_cell(r, t, k, (int)i, (int)j);
    const region_cell *x = region_sum_cell(s, t, k, (int)i, (int)j);
    if (!x || x->overflow || c->state == CELL_BLANK || c->state == CELL_TEXT) return 0;
    int ok = 1;
    int cmp = dec_cmp(c->v, x->sum, &ok);
    if (!ok || cmp == 0 || (x->nblank && cmp > 0)) return 0;
    char rv[48], sv[48];
    dec_format_buf(c->v, rv);
    dec_format_buf(x->sum, sv);
    const char *name = cell_name(d->arena, tt, bl, i, j);
    gir_diag *g;
    if (x->nblank)
        g = diag_add(&d->diags, GIR_SEV_WARNING, R_DIFF_LOWER, r->src, where(r, t, c), name, rv, sv, x->nblank);
    else
        g = diag_add(&d->diags, GIR_SEV_WARNING, R_DIFF, r->src, where(r, t, c), name, rv, sv, region_sum_count(s));
    diag_help(&d->diags, g, R_DIFF_HELP);
    return 1;
}

static int fits(region_set *s, gir_doc *d)
{
    const gir_report *b = region_acc_report(s->acc), *r = d->report;
    const char *first = s->units[s->acc->added[0]].path;
    gir_diag *g = NULL;
    if (strcmp(r->template_name, b->template_name) != 0)
        g = diag_add(&d->diags, GIR_SEV_ERROR, R_MIXED_TEMPLATE, NULL, (gir_span){0, 0}, r->template_name,
                     b->template_name, first);
    else if (r->year != b->year)
        g = diag_add(&d->diags, GIR_SEV_ERROR, R_MIXED_YEAR, NULL, (gir_span){0, 0}, r->year, b->year, first);
    else if (!region_same_shape(r->schema, b->schema))
        g = diag_add(&d->diags, GIR_SEV_ERROR, R_SHAPE, NULL, (gir_span){0, 0}, r->template_name, first);
    if (g) diag_file(&d->diags, g, r->src->name);
    return g == NULL;
}

size_t region_compare(region_set *s, gir_doc *d)
{
    if (!d || !d->report || !d->report->schema || !region_acc_report(s->acc) || !fits(s, d)) return 0;
    size_t n = 0;
    const gir_schema *sc = d->report->schema;
    for (size_t t = 0; t < sc->ntables; t++)
        for (size_t k = 0; k < sc->tables[t]->nblocks; k++) {
            const gir_block *bl = sc->tables[t]->blocks[k];
            for (size_t i = 0; i < bl->nrows; i++)
                for (size_t j = 0; j < bl->ncols; j++)
                    n += compare_cell(s, d, (int)t, (int)k, i, j);
        }
    return n;
}

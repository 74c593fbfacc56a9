/* locate.c - what the cursor is on in a checked report: a cell, a
 * row label, the column name of a COLUMN=VALUE cell, a table or section
 * name, a header field or the template name. Shared by hover and
 * definition. A cursor just after a token counts as on it. */
#include <string.h>
#include "locate.h"
#include "syntax/lang.h"

static int in(gir_span sp, uint32_t off) { return sp.start <= off && off < sp.end; }

const char *lsp_hnode_label(const gir_hnode *h)
{
    return h->label && *h->label ? h->label : h->name;
}

const char *lsp_hnode_path(gir_arena *a, const gir_hnode *h)
{
    const gir_hnode *chain[16];
    size_t n = 0;
    for (const gir_hnode *x = h; x && x->depth >= 0 && n < 16; x = x->parent) chain[n++] = x;
    gir_buf b;
    buf_init(&b, a);
    while (n--) {
        buf_puts(&b, lsp_hnode_label(chain[n]));
        if (n) buf_puts(&b, " › ");
    }
    return buf_cstr(&b);
}

static int is_label(const gir_node *n)
{
    return n && (n->kind == N_NAME || n->kind == N_PATH || (n->kind == N_LIT && n->lit.kind == LIT_STRING));
}

static int in_header(const gir_report *r, uint32_t off, lsp_target *t)
{
    if (!r->header || !in(r->header->span, off)) return 0;
    for (const gir_node *f = r->header->first; f; f = f->next) {
        if (f->kind != N_FIELD) continue;
        const gir_node *k = ast_child(f, 0), *v = ast_child(f, 1);
        if (k && in(k->span, off)) { t->kind = LOC_FIELD; t->field = f; t->span = k->span; return 1; }
        if (v && in(v->span, off)) {
            t->kind = k && strcmp(k->str, gir_fields[FIELD_TEMPLATE].name) == 0 ? LOC_TEMPLATE : LOC_FIELD;
            t->field = f;
            t->span = v->span;
            return 1;
        }
    }
    return 0;
}

static int in_table(const gir_report *r, int ti, uint32_t off, lsp_target *t)
{
    const gir_rtable *rt = &r->tables[ti];
    t->table = ti;
    const gir_node *nm = ast_child(rt->node, 0);
    if (nm && in(nm->span, off)) {
        t->kind = LOC_TABLE;
        t->span = nm->span;
        return 1;
    }
    for (size_t b = 0; b < rt->t->nblocks; b++) {
        const gir_block *bl = rt->t->blocks[b];
        for (size_t row = 0; row < bl->nrows; row++) {
            const gir_node *rn = rt->blocks[b].row_nodes[row];
            if (!rn || !in(rn->span, off)) continue;
            t->block = (int)b;
            t->row = (int)row;
            for (size_t col = 0; col < bl->ncols; col++) {
                const gir_cell *cell = report_cell(r, ti, (int)b, (int)row, (int)col);
                if (!cell->node) continue;
                t->col = (int)col;
                if (in(cell->node->span, off)) { t->kind = LOC_CELL; t->span = cell->node->span; return 1; }
                const gir_node *p = cell->node->parent;
                if (p && p->kind == N_NAMED && p->first && in(p->first->span, off)) {
                    t->kind = LOC_COL;
                    t->h = bl->cols[col];
                    t->span = p->first->span;
                    return 1;
                }
            }
            if (is_label(rn->first) && in(rn->first->span, off)) {
                int is_cell = 0;
                for (size_t col = 0; col < bl->ncols; col++)
                    is_cell |= report_cell(r, ti, (int)b, (int)row, (int)col)->node == rn->first;
                if (!is_cell) {
                    t->kind = LOC_ROW;
                    t->h = bl->rows[row];
                    t->span = rn->first->span;
                    return 1;
                }
            }
        }
    }
    return 0;
}

static int locate_at(const gir_doc *d, uint32_t off, lsp_target *t)
{
    const gir_report *r = d->report;
    memset(t, 0, sizeof *t);
    t->r = r;
    if (!r) return 0;
    if (in_header(r, off, t)) return 1;
    if (!r->schema) return 0;
    for (size_t i = 0; i < r->schema->nsections; i++) {
        const gir_node *n = r->sections[i].node;
        if (!n || !in(n->span, off)) continue;
        const gir_node *nm = ast_child(n, 0);
        if (nm && in(nm->span, off)) {
            t->kind = LOC_SECTION;
            t->sec = r->schema->sections[i];
            t->span = nm->span;
            return 1;
        }
    }
    for (size_t i = 0; i < r->schema->ntables; i++)
        if (r->tables[i].node && in(r->tables[i].node->span, off) && in_table(r, (int)i, off, t)) return 1;
    memset(t, 0, sizeof *t);
    t->r = r;
    return 0;
}

int lsp_locate(const gir_doc *d, uint32_t off, lsp_target *t)
{
    if (locate_at(d, off, t)) return 1;
    return off > 0 && locate_at(d, off - 1, t);
}

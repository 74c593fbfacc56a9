/* symbols.c - textDocument/documentSymbol: the outline as
 * DocumentSymbol[]: the report header (with its fields), sections and
 * tables (with their rows) in file order, each with the official label
 * as detail when the report was checked; in a template file, the
 * template with its sections and tables. Built in one protected call
 * (lsp_build): every symbol is attached to its parent as soon as it is
 * made, so that running out of memory frees them all. */
#include <string.h>
#include "internal.h"

enum { SK_NAMESPACE = 3, SK_MODULE = 2, SK_PROPERTY = 7, SK_FIELD = 8, SK_STRUCT = 23 };

typedef struct sctx { lsp_server *s; const gir_doc *d; gir_arena *a; } sctx;

static const char *text_of(sctx *c, const gir_node *n)
{
    if (!n) return NULL;
    if (n->kind == N_NAME || (n->kind == N_LIT && n->lit.kind == LIT_STRING)) return n->str;
    if (n->kind == N_PATH) {
        gir_buf b;
        buf_init(&b, c->a);
        for (const gir_node *x = n->first; x; x = x->next) {
            if (x != n->first) buf_putc(&b, '.');
            buf_puts(&b, x->str ? x->str : "");
        }
        return buf_cstr(&b);
    }
    if (n->kind == N_LIT) return arena_strndup(c->a, c->d->src.text + n->span.start, n->span.end - n->span.start);
    return NULL;
}

/* A symbol, attached to parent. */
static cJSON *sym(sctx *c, cJSON *parent, const char *name, const char *detail, int kind, gir_span range, gir_span sel)
{
    cJSON *o = cJSON_CreateObject();
    if (!cJSON_AddItemToArray(parent, o)) {
        cJSON_Delete(o);
        return NULL;
    }
    lsp_add_str(o, "name", name && *name ? name : "?");
    if (detail && *detail) lsp_add_str(o, "detail", detail);
    cJSON_AddNumberToObject(o, "kind", kind);
    if (sel.start < range.start || sel.end > range.end) sel = range;
    cJSON_AddItemToObject(o, "range", lsp_range_json(c->s, &c->d->src, range));
    cJSON_AddItemToObject(o, "selectionRange", lsp_range_json(c->s, &c->d->src, sel));
    return o;
}

static const char *row_label(sctx *c, const gir_node *row)
{
    const gir_report *r = c->d->report;
    if (!r || !r->schema) return NULL;
    for (size_t t = 0; t < r->schema->ntables; t++) {
        if (r->tables[t].node != row->parent) continue;
        const gir_ttable *tt = r->tables[t].t;
        for (size_t b = 0; b < tt->nblocks; b++)
            for (size_t i = 0; i < tt->blocks[b]->nrows; i++)
                if (r->tables[t].blocks[b].row_nodes[i] == row) return lsp_hnode_label(tt->blocks[b]->rows[i]);
    }
    return NULL;
}

static const char *item_label(sctx *c, const gir_node *it)
{
    const gir_report *r = c->d->report;
    if (!r || !r->schema) return NULL;
    for (size_t i = 0; i < r->schema->nsections; i++)
        if (r->sections[i].node == it) return r->schema->sections[i]->label;
    for (size_t i = 0; i < r->schema->ntables; i++)
        if (r->tables[i].node == it) return r->schema->tables[i]->label;
    return NULL;
}

static gir_span name_span(const gir_node *n)
{
    const gir_node *nm = n->first;
    return nm ? nm->span : n->span;
}

static void table_sym(sctx *c, cJSON *parent, const gir_node *it)
{
    cJSON *o = sym(c, parent, text_of(c, it->first), item_label(c, it), SK_STRUCT, it->span, name_span(it));
    cJSON *kids = cJSON_AddArrayToObject(o, "children");
    for (const gir_node *row = it->first ? it->first->next : NULL; row; row = row->next) {
        if (row->kind != N_ROW)
            continue;
        const char *nm = text_of(c, row->first);
        sym(c, kids, nm, row_label(c, row), SK_FIELD, row->span, row->first ? row->first->span : row->span);
    }
}

static void template_sym(sctx *c, cJSON *parent, const gir_node *it)
{
    const gir_node *title = ast_child(it, 1);
    cJSON *o = sym(c, parent, text_of(c, it->first), title && title->kind == N_LIT ? title->str : NULL, SK_NAMESPACE,
                   it->span, name_span(it));
    cJSON *kids = cJSON_AddArrayToObject(o, "children");
    for (const gir_node *x = it->first; x; x = x->next) {
        if (x->kind != N_TSECTION && x->kind != N_TTABLE)
            continue;
        const gir_node *lab = ast_child(x, 1);
        sym(c, kids, text_of(c, x->first), lab && lab->kind == N_LIT ? lab->str : NULL,
            x->kind == N_TSECTION ? SK_MODULE : SK_STRUCT, x->span, name_span(x));
    }
}

static void report_sym(sctx *c, cJSON *parent, const gir_node *it)
{
    cJSON *o = sym(c, parent, it->str && *it->str ? it->str : "report", NULL, SK_NAMESPACE, it->span,
                   (gir_span){it->span.start, it->span.start + 6});
    cJSON *kids = cJSON_AddArrayToObject(o, "children");
    for (const gir_node *f = it->first; f; f = f->next)
        if (f->kind == N_FIELD)
            sym(c, kids, text_of(c, f->first), text_of(c, ast_child(f, 1)), SK_PROPERTY, f->span, name_span(f));
}

typedef struct sym_job {
    lsp_server *s;
    const gir_doc *d;
} sym_job;

static int fill_symbols(void *ud, gir_arena *a, cJSON *out)
{
    const sym_job *j = ud;
    sctx c = {j->s, j->d, a};
    for (const gir_node *it = j->d->ast ? j->d->ast->first : NULL; it; it = it->next) {
        switch (it->kind) {
        case N_REPORT:
            report_sym(&c, out, it);
            break;
        case N_SECTION:
            sym(&c, out, text_of(&c, it->first), item_label(&c, it), SK_MODULE, it->span, name_span(it));
            break;
        case N_TABLE:
            table_sym(&c, out, it);
            break;
        case N_TEMPLATE:
            template_sym(&c, out, it);
            break;
        default:
            break;
        }
    }
    return 1;
}

cJSON *lsp_document_symbol(lsp_server *s, const cJSON *params, lsp_err *err)
{
    lsp_doc *d = lsp_doc_of(s, params, err);
    if (!d)
        return NULL;
    sym_job j = {s, d->doc};
    return lsp_build(cJSON_CreateArray(), fill_symbols, &j);
}

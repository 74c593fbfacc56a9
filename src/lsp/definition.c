/* definition.c - textDocument/definition: a row or column label, a
 * cell, a table or section name or the template name -> its declaration
 * in the template, at the template's file URI (the store's: a template
 * file is its own path, an embedded stdlib template an on-disk copy). */
#include <stdlib.h>
#include "internal.h"

/* The declaration of what t is on, or NULL. */
static const gir_node *declaration(const lsp_target *t, const gir_schema *sc)
{
    switch (t->kind) {
    case LOC_CELL:
        return sc->tables[t->table]->blocks[t->block]->cols[t->col]->decl;
    case LOC_ROW:
    case LOC_COL:
        return t->h->decl;
    case LOC_TABLE:
        return sc->tables[t->table]->decl;
    case LOC_SECTION:
        return t->sec->decl;
    case LOC_TEMPLATE:
        return sc->decl;
    default:
        return NULL;
    }
}

cJSON *lsp_definition(lsp_server *s, const cJSON *params, lsp_err *err)
{
    uint32_t off = 0;
    lsp_doc *d = lsp_doc_at(s, params, &off, err);
    if (!d)
        return NULL;
    lsp_target t;
    if (!lsp_locate(d->doc, off, &t) || !t.r || !t.r->schema)
        return NULL;
    const gir_schema *sc = t.r->schema;
    const gir_node *decl = declaration(&t, sc);
    if (!decl || !sc->src)
        return NULL;
    char *uri = lsp_store_source_uri(&s->store, d, sc->src);
    if (!uri)
        return NULL;
    gir_span sp = decl->first && decl->first->kind == N_NAME ? decl->first->span : decl->span;
    cJSON *loc = cJSON_CreateObject();
    lsp_add_str(loc, "uri", uri);
    cJSON_AddItemToObject(loc, "range", lsp_range_json(s, sc->src, sp));
    free(uri);
    return loc;
}

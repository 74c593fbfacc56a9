/* session.c - what the features get from the server's state
 * (session.h): compile options, the document a request names (from the
 * store), and LSP positions <-> byte offsets in the negotiated encoding
 * (utf-8 bytes or utf-16 units). */
#include <string.h>
#include "session.h"
#include "util.h"

gir_options lsp_options(const lsp_server *s)
{
    gir_options o;
    memset(&o, 0, sizeof o);
    o.lang = s->lang;
    o.includes = s->cfg.includes;
    o.ninclude = s->cfg.ninclude;
    o.mem = s->cfg.mem;
    return o;
}

lsp_doc *lsp_find_doc(lsp_server *s, const char *uri)
{
    return lsp_store_find(&s->store, uri);
}

lsp_doc *lsp_doc_of(lsp_server *s, const cJSON *params, lsp_err *err)
{
    const cJSON *uri = lsp_get(lsp_get(params, "textDocument"), "uri");
    if (!cJSON_IsString(uri)) {
        err->code = RPC_INVALID_PARAMS;
        err->msg = "textDocument.uri is missing";
        return NULL;
    }
    lsp_doc *d = lsp_find_doc(s, uri->valuestring);
    return d && d->doc ? d : NULL;
}

lsp_doc *lsp_doc_at(lsp_server *s, const cJSON *params, uint32_t *off, lsp_err *err)
{
    lsp_doc *d = lsp_doc_of(s, params, err);
    if (err->code)
        return NULL;
    uint32_t line, ch;
    if (!lsp_read_pos(lsp_get(params, "position"), &line, &ch)) {
        err->code = RPC_INVALID_PARAMS;
        err->msg = "position is missing or malformed";
        return NULL;
    }
    if (d)
        *off = lsp_offset(s, &d->doc->src, line, ch);
    return d;
}

uint32_t lsp_offset(const lsp_server *s, const gir_source *src, uint32_t line, uint32_t ch)
{
    return source_offset_at(src, line, ch, !s->utf8);
}

cJSON *lsp_pos_json(const lsp_server *s, const gir_source *src, uint32_t off)
{
    gir_pos p;
    source_pos(src, off, &p);
    cJSON *j = cJSON_CreateObject();
    cJSON_AddNumberToObject(j, "line", p.line - 1);
    cJSON_AddNumberToObject(j, "character", s->utf8 ? p.byte_col : p.utf16_col);
    return j;
}

cJSON *lsp_range_json(const lsp_server *s, const gir_source *src, gir_span sp)
{
    cJSON *r = cJSON_CreateObject();
    if (sp.end < sp.start)
        sp.end = sp.start;
    cJSON_AddItemToObject(r, "start", lsp_pos_json(s, src, sp.start));
    cJSON_AddItemToObject(r, "end", lsp_pos_json(s, src, sp.end));
    return r;
}

const gir_schema *lsp_template_schema(lsp_server *s, const char *name)
{
    gir_options o = lsp_options(s);
    return lsp_store_template(&s->store, name, &o);
}

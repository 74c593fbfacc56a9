/* lsp_diag.c - the compiler's diagnostics as LSP Diagnostic objects:
 * range in the negotiated encoding, severity, stable code, source
 * "girc", message with notes and the help line appended, and the related
 * spans (e.g. the addends of a wrong total) as relatedInformation. A
 * diagnostic located in another file (a template, last year's report) is
 * shown at the top of the document with that file's place in the text
 * and in relatedInformation. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"

static cJSON *location(lsp_server *s, const lsp_doc *d, const gir_source *src, gir_span sp)
{
    cJSON *loc = cJSON_CreateObject();
    char *uri = lsp_source_uri(s, d, src);
    lsp_add_str(loc, "uri", uri ? uri : d->uri);
    free(uri);
    cJSON_AddItemToObject(loc, "range", lsp_range_json(s, src, sp));
    return loc;
}

cJSON *lsp_diag_json(lsp_server *s, const lsp_doc *d, const gir_diag *g)
{
    const gir_source *own = &d->doc->src;
    gir_arena *a = arena_new(NULL);             /* scratch: the version's arena never grows */
    if (!a) return cJSON_CreateObject();
    cJSON *j = cJSON_CreateObject();
    int here = g->src == own || g->src == NULL;
    cJSON_AddItemToObject(j, "range", lsp_range_json(s, own, here && g->src ? g->span : (gir_span){0, 0}));
    cJSON_AddNumberToObject(j, "severity", g->sev == GIR_SEV_ERROR ? 1 : g->sev == GIR_SEV_WARNING ? 2 : 3);
    if (g->code && *g->code) cJSON_AddStringToObject(j, "code", g->code);
    cJSON_AddStringToObject(j, "source", "girc");
    gir_buf b;
    buf_init(&b, a);
    if (here) {
        buf_puts(&b, g->msg ? g->msg : "");
    } else {
        gir_pos p;
        source_pos(g->src, g->span.start, &p);
        buf_printf(&b, msg_fmt(s->lang, L_ELSEWHERE), source_name(g->src), p.line, p.char_col, g->msg ? g->msg : "");
    }
    for (size_t i = 0; i < g->nnotes; i++) {
        buf_putc(&b, '\n');
        buf_printf(&b, msg_fmt(s->lang, L_NOTE), g->notes[i]);
    }
    if (g->help) {
        buf_putc(&b, '\n');
        buf_printf(&b, msg_fmt(s->lang, L_HELP), g->help);
    }
    lsp_add_str(j, "message", buf_cstr(&b));
    if (g->nrelated || !here) {
        cJSON *rel = cJSON_AddArrayToObject(j, "relatedInformation");
        if (!here) {
            cJSON *r = cJSON_CreateObject();
            cJSON_AddItemToObject(r, "location", location(s, d, g->src, g->span));
            lsp_add_str(r, "message", g->msg);
            cJSON_AddItemToArray(rel, r);
        }
        for (size_t i = 0; i < g->nrelated; i++) {
            const gir_related *x = &g->related[i];
            const gir_source *src = x->src ? x->src : g->src ? g->src : own;
            cJSON *r = cJSON_CreateObject();
            cJSON_AddItemToObject(r, "location", location(s, d, src, x->span));
            lsp_add_str(r, "message", x->msg ? x->msg : "");
            cJSON_AddItemToArray(rel, r);
        }
    }
    arena_free(a);
    return j;
}

void lsp_publish(lsp_server *s, const lsp_doc *d)
{
    cJSON *p = cJSON_CreateObject();
    lsp_add_str(p, "uri", d->uri);
    cJSON_AddNumberToObject(p, "version", d->version);
    cJSON *arr = cJSON_AddArrayToObject(p, "diagnostics");
    for (size_t i = 0; i < d->doc->diags.n; i++)
        cJSON_AddItemToArray(arr, lsp_diag_json(s, d, d->doc->diags.v[i]));
    lsp_notify(s, "textDocument/publishDiagnostics", p);
}

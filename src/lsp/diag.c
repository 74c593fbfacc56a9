/* diag.c - diagnostics publication: the compiler's diagnostics as LSP
 * Diagnostic objects (range in the negotiated encoding, severity,
 * stable code, source "girc", message with notes and the help line
 * appended, and the related spans, e.g. the addends of a wrong total, as
 * relatedInformation) and textDocument/publishDiagnostics. A diagnostic
 * located in another file (a template, last year's report) is shown at
 * the top of the document with that file's place in the text and in
 * relatedInformation. */
#include <stdlib.h>
#include "internal.h"

static cJSON *location(lsp_server *s, const lsp_doc *d, const gir_source *src, gir_span sp)
{
    cJSON *loc = cJSON_CreateObject();
    char *uri = lsp_store_source_uri(&s->store, d, src);
    lsp_add_str(loc, "uri", uri ? uri : d->uri);
    free(uri);
    cJSON_AddItemToObject(loc, "range", lsp_range_json(s, src, sp));
    return loc;
}

/* One relatedInformation entry, attached to rel. */
static void add_related(lsp_server *s, cJSON *rel, const lsp_doc *d, const gir_source *src, gir_span sp, const char *msg)
{
    cJSON *r = cJSON_CreateObject();
    cJSON_AddItemToArray(rel, r);
    cJSON_AddItemToObject(r, "location", location(s, d, src, sp));
    lsp_add_str(r, "message", msg);
}

/* The message with its place (when elsewhere), notes and help line. */
static const char *message(lsp_server *s, gir_arena *a, const gir_diag *g, int here)
{
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
    return buf_cstr(&b);
}

/* Fills j with diagnostic g of d's current version (scratch memory from a). */
static void diag_into(lsp_server *s, gir_arena *a, cJSON *j, const lsp_doc *d, const gir_diag *g)
{
    const gir_source *own = &d->doc->src;
    int here = g->src == own || g->src == NULL;
    cJSON_AddItemToObject(j, "range", lsp_range_json(s, own, here && g->src ? g->span : (gir_span){0, 0}));
    cJSON_AddNumberToObject(j, "severity", g->sev == GIR_SEV_ERROR ? 1 : g->sev == GIR_SEV_WARNING ? 2 : 3);
    if (g->code && *g->code)
        cJSON_AddStringToObject(j, "code", g->code);
    cJSON_AddStringToObject(j, "source", "girc");
    lsp_add_str(j, "message", message(s, a, g, here));
    if (!g->nrelated && here)
        return;
    cJSON *rel = cJSON_AddArrayToObject(j, "relatedInformation");
    if (!here)
        add_related(s, rel, d, g->src, g->span, g->msg);
    for (size_t i = 0; i < g->nrelated; i++) {
        const gir_related *x = &g->related[i];
        const gir_source *src = x->src ? x->src : g->src ? g->src : own;
        add_related(s, rel, d, src, x->span, x->msg ? x->msg : "");
    }
}

typedef struct diag_job {
    lsp_server *s;
    const lsp_doc *d;
    const gir_diag *g;             /* NULL: all of d's diagnostics */
} diag_job;

static int fill_one(void *ud, gir_arena *a, cJSON *j)
{
    const diag_job *jb = ud;
    diag_into(jb->s, a, j, jb->d, jb->g);
    return 1;
}

/* The params of publishDiagnostics: one scratch arena for all of them
 * (the version's own arena never grows). */
static int fill_all(void *ud, gir_arena *a, cJSON *p)
{
    const diag_job *jb = ud;
    const lsp_doc *d = jb->d;
    lsp_add_str(p, "uri", d->uri);
    cJSON_AddNumberToObject(p, "version", d->version);
    cJSON *arr = cJSON_AddArrayToObject(p, "diagnostics");
    for (size_t i = 0; i < d->doc->diags.n; i++) {
        cJSON *j = cJSON_CreateObject();
        if (!cJSON_AddItemToArray(arr, j)) {
            cJSON_Delete(j);
            return 0;
        }
        diag_into(jb->s, a, j, d, d->doc->diags.v[i]);
    }
    return 1;
}

cJSON *lsp_diag_json(lsp_server *s, const lsp_doc *d, const gir_diag *g)
{
    diag_job jb = {s, d, g};
    return lsp_build(cJSON_CreateObject(), fill_one, &jb);
}

void lsp_publish(lsp_server *s, const lsp_doc *d)
{
    diag_job jb = {s, d, NULL};
    cJSON *p = lsp_build(cJSON_CreateObject(), fill_all, &jb);
    if (!p) {
        lsp_log(&s->out, 1, msg_fmt(s->lang, L_OOM_CHECK));
        return;
    }
    lsp_notify(&s->out, "textDocument/publishDiagnostics", p);
}

void lsp_unpublish(lsp_server *s, const char *uri)
{
    cJSON *p = cJSON_CreateObject();
    lsp_add_str(p, "uri", uri);
    cJSON_AddArrayToObject(p, "diagnostics");
    lsp_notify(&s->out, "textDocument/publishDiagnostics", p);
}

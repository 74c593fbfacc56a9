/* sync.c - document synchronisation: didOpen, didChange (full and
 * incremental edits, applied in order, positions clamped to the text),
 * didClose and didSave, read from the params and applied to the store
 * (store.h). Every new version is compiled at once (lex, parse, check)
 * and its diagnostics published (diag.c); the store frees the previous
 * version's gir_doc. A text above GIR_MAX_FILE_SIZE is dropped and
 * reported instead of compiled; the document waits for a full-text
 * change. Past LSP_MAX_DOCS open documents, opening one closes the
 * oldest unmodified one (store.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

/* Compiles the current text as a new version and publishes its diagnostics. */
static void refresh(lsp_server *s, lsp_doc *d)
{
    gir_options o = lsp_options(s);
    if (!lsp_store_compile(d, &o)) {
        lsp_log(&s->out, 1, msg_fmt(s->lang, L_OOM_CHECK));
        return;
    }
    lsp_publish(s, d);
}

static int read_version(const cJSON *td, int *v)
{
    const cJSON *ver = lsp_get(td, "version");
    if (!cJSON_IsNumber(ver))
        return 0;
    if (ver->valuedouble > 2147483647.0)
        *v = 2147483647;
    else if (ver->valuedouble < -2147483647.0)
        *v = -2147483647;
    else
        *v = ver->valueint;
    return 1;
}

cJSON *lsp_did_open(lsp_server *s, const cJSON *params, lsp_err *err)
{
    const cJSON *td = lsp_get(params, "textDocument");
    const cJSON *uri = lsp_get(td, "uri");
    const cJSON *text = lsp_get(td, "text");
    if (!cJSON_IsString(uri) || !cJSON_IsString(text)) {
        err->code = RPC_INVALID_PARAMS;
        return NULL;
    }
    lsp_doc *d = lsp_store_open(&s->store, uri->valuestring);
    if (!d)
        return NULL;
    read_version(td, &d->version);
    lsp_store_set_text(d, text->valuestring, strlen(text->valuestring));
    refresh(s, d);
    char *gone = lsp_store_evict(&s->store, d);   /* past LSP_MAX_DOCS */
    if (gone) {
        lsp_unpublish(s, gone);
        char line[256];
        snprintf(line, sizeof line, msg_fmt(s->lang, L_DOC_EVICTED), LSP_MAX_DOCS);
        lsp_log(&s->out, 3, line);
        free(gone);
    }
    return NULL;
}

/* Applies one content change; returns 0 if it was ignored. */
static int apply_change(lsp_server *s, lsp_doc *d, const cJSON *ch)
{
    const cJSON *text = lsp_get(ch, "text");
    const cJSON *range = lsp_get(ch, "range");
    if (!cJSON_IsString(text))
        return 0;
    size_t n = strlen(text->valuestring);
    if (!range) {
        lsp_store_set_text(d, text->valuestring, n);
        return 1;
    }
    if (d->too_large)
        return 0;                                  /* the text is unknown until a full change */
    lsp_range r;
    if (!lsp_read_pos(lsp_get(range, "start"), &r.line0, &r.ch0) || !lsp_read_pos(lsp_get(range, "end"), &r.line1, &r.ch1))
        return 0;
    return lsp_store_edit(d, &r, !s->utf8, text->valuestring, n);
}

cJSON *lsp_did_change(lsp_server *s, const cJSON *params, lsp_err *err)
{
    const cJSON *td = lsp_get(params, "textDocument");
    const cJSON *changes = lsp_get(params, "contentChanges");
    const cJSON *uri = lsp_get(td, "uri");
    if (!cJSON_IsString(uri) || !cJSON_IsArray(changes)) {
        err->code = RPC_INVALID_PARAMS;
        return NULL;
    }
    lsp_doc *d = lsp_store_find(&s->store, uri->valuestring);
    if (!d)
        return NULL;
    const cJSON *ch;
    cJSON_ArrayForEach(ch, changes) apply_change(s, d, ch);
    d->modified = 1;
    read_version(td, &d->version);
    refresh(s, d);
    return NULL;
}

cJSON *lsp_did_close(lsp_server *s, const cJSON *params, lsp_err *err)
{
    const cJSON *uri = lsp_get(lsp_get(params, "textDocument"), "uri");
    if (!cJSON_IsString(uri)) {
        err->code = RPC_INVALID_PARAMS;
        return NULL;
    }
    if (lsp_store_close(&s->store, uri->valuestring))
        lsp_unpublish(s, uri->valuestring);
    return NULL;
}

/* Templates and last year's report are read from disk: a save may be the
 * moment they changed, so the document is checked again. */
cJSON *lsp_did_save(lsp_server *s, const cJSON *params, lsp_err *err)
{
    const cJSON *uri = lsp_get(lsp_get(params, "textDocument"), "uri");
    if (!cJSON_IsString(uri)) {
        err->code = RPC_INVALID_PARAMS;
        return NULL;
    }
    lsp_doc *d = lsp_store_find(&s->store, uri->valuestring);
    if (d)
        d->modified = 0;
    if (d)
        refresh(s, d);
    return NULL;
}

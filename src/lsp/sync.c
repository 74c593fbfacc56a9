/* lsp_sync.c - open documents: didOpen, didChange (full and incremental
 * edits, applied in order, positions clamped to the text), didClose and
 * didSave. Every new version is compiled at once (lex, parse, check) and
 * its diagnostics published; the previous version's gir_doc is freed.
 * A text above GIR_MAX_FILE_SIZE is dropped and reported instead of
 * compiled; the document waits for a full-text change. */
#include <stdlib.h>
#include <string.h>
#include "base/io.h"
#include "internal.h"

lsp_doc *lsp_find_doc(lsp_server *s, const char *uri)
{
    for (lsp_doc *d = s->docs; d; d = d->next)
        if (strcmp(d->uri, uri) == 0) return d;
    return NULL;
}

static void free_doc(lsp_doc *d)
{
    gir_doc_free(d->doc);
    free(d->uri);
    free(d->name);
    free(d->text);
    free(d);
}

void lsp_free_docs(lsp_server *s)
{
    while (s->docs) {
        lsp_doc *n = s->docs->next;
        free_doc(s->docs);
        s->docs = n;
    }
}

static int set_text(lsp_doc *d, const char *t, size_t n)
{
    if (n + 1 > d->cap) {
        size_t cap = n + 1 + n / 4 + 64;
        char *p = realloc(d->text, cap);
        if (!p) return 0;
        d->text = p;
        d->cap = cap;
    }
    memcpy(d->text, t, n);
    d->text[n] = 0;
    d->len = n;
    return 1;
}

/* Replaces bytes [a, b) of the text with t. */
static int splice(lsp_doc *d, size_t a, size_t b, const char *t, size_t n)
{
    size_t len = d->len - (b - a) + n;
    if (len + 1 > d->cap) {
        size_t cap = len + 1 + len / 4 + 64;
        char *p = realloc(d->text, cap);
        if (!p) return 0;
        d->text = p;
        d->cap = cap;
    }
    memmove(d->text + a + n, d->text + b, d->len - b + 1);
    memcpy(d->text + a, t, n);
    d->len = len;
    return 1;
}

static void drop_text(lsp_doc *d)
{
    free(d->text);
    d->text = NULL;
    d->len = d->cap = 0;
    d->too_large = 1;
}

/* Compiles the current text and publishes its diagnostics. */
static void refresh(lsp_server *s, lsp_doc *d)
{
    gir_doc_free(d->doc);
    d->doc = NULL;
    gir_options o = lsp_options(s);
    if (d->too_large) {
        d->doc = gir_doc_parse(d->name, "", 0, &o);
        if (d->doc) {
            char a[32], b[32];
            snprintf(a, sizeof a, "%u+", (unsigned)GIR_MAX_FILE_SIZE);
            snprintf(b, sizeof b, "%u", (unsigned)GIR_MAX_FILE_SIZE);
            diag_add(&d->doc->diags, GIR_SEV_ERROR, M_FILE_TOO_LARGE, NULL, (gir_span){0, 0}, a, b);
        }
    } else {
        d->doc = gir_doc_compile(d->name, d->text ? d->text : "", d->len, &o);
    }
    if (!d->doc || d->doc->oom) {
        gir_doc_free(d->doc);
        d->doc = NULL;
        lsp_log(s, 1, "girc: out of memory while compiling the document");
        return;
    }
    diags_sort(&d->doc->diags);
    lsp_publish(s, d);
}

static int read_version(const cJSON *td, int *v)
{
    const cJSON *ver = lsp_get(td, "version");
    if (!cJSON_IsNumber(ver)) return 0;
    *v = ver->valuedouble > 2147483647.0 ? 2147483647 : ver->valuedouble < -2147483647.0 ? -2147483647 : ver->valueint;
    return 1;
}

cJSON *lsp_did_open(lsp_server *s, const cJSON *params, lsp_err *err)
{
    const cJSON *td = lsp_get(params, "textDocument");
    const cJSON *uri = lsp_get(td, "uri"), *text = lsp_get(td, "text");
    if (!cJSON_IsString(uri) || !cJSON_IsString(text)) { err->code = RPC_INVALID_PARAMS; return NULL; }
    lsp_doc *d = lsp_find_doc(s, uri->valuestring);
    if (!d) {
        d = calloc(1, sizeof *d);
        if (!d) return NULL;
        d->uri = strdup(uri->valuestring);
        d->name = lsp_uri_to_path(uri->valuestring);
        if (!d->name) d->name = strdup(uri->valuestring);
        if (!d->uri || !d->name) { free_doc(d); return NULL; }
        d->next = s->docs;
        s->docs = d;
    }
    read_version(td, &d->version);
    size_t n = strlen(text->valuestring);
    d->too_large = 0;
    if (n > GIR_MAX_FILE_SIZE || !set_text(d, text->valuestring, n)) drop_text(d);
    refresh(s, d);
    return NULL;
}

/* Applies one content change; returns 0 if it was ignored. */
static int apply_change(lsp_server *s, lsp_doc *d, const cJSON *ch)
{
    const cJSON *text = lsp_get(ch, "text"), *range = lsp_get(ch, "range");
    if (!cJSON_IsString(text)) return 0;
    size_t n = strlen(text->valuestring);
    if (!range) {
        d->too_large = 0;
        if (n > GIR_MAX_FILE_SIZE || !set_text(d, text->valuestring, n)) drop_text(d);
        return 1;
    }
    if (d->too_large) return 0;               /* the text is unknown until a full change */
    uint32_t l0, c0, l1, c1;
    if (!lsp_read_pos(lsp_get(range, "start"), &l0, &c0) || !lsp_read_pos(lsp_get(range, "end"), &l1, &c1)) return 0;
    gir_arena *a = arena_new(NULL);
    if (!a) return 0;
    gir_source src;
    if (!d->text && !set_text(d, "", 0)) { arena_free(a); return 0; }
    source_init(&src, a, d->name, d->text, (uint32_t)d->len);
    uint32_t x = lsp_offset(s, &src, l0, c0), y = lsp_offset(s, &src, l1, c1);
    arena_free(a);
    if (x > y) { uint32_t t = x; x = y; y = t; }
    if (d->len - (y - x) + n > GIR_MAX_FILE_SIZE) { drop_text(d); return 1; }
    if (!splice(d, x, y, text->valuestring, n)) drop_text(d);
    return 1;
}

cJSON *lsp_did_change(lsp_server *s, const cJSON *params, lsp_err *err)
{
    const cJSON *td = lsp_get(params, "textDocument"), *changes = lsp_get(params, "contentChanges");
    const cJSON *uri = lsp_get(td, "uri");
    if (!cJSON_IsString(uri) || !cJSON_IsArray(changes)) { err->code = RPC_INVALID_PARAMS; return NULL; }
    lsp_doc *d = lsp_find_doc(s, uri->valuestring);
    if (!d) return NULL;
    const cJSON *ch;
    cJSON_ArrayForEach(ch, changes) apply_change(s, d, ch);
    read_version(td, &d->version);
    refresh(s, d);
    return NULL;
}

cJSON *lsp_did_close(lsp_server *s, const cJSON *params, lsp_err *err)
{
    const cJSON *uri = lsp_get(lsp_get(params, "textDocument"), "uri");
    if (!cJSON_IsString(uri)) { err->code = RPC_INVALID_PARAMS; return NULL; }
    for (lsp_doc **p = &s->docs; *p; p = &(*p)->next)
        if (strcmp((*p)->uri, uri->valuestring) == 0) {
            lsp_doc *d = *p;
            *p = d->next;
            free_doc(d);
            cJSON *pp = cJSON_CreateObject();
            lsp_add_str(pp, "uri", uri->valuestring);
            cJSON_AddArrayToObject(pp, "diagnostics");
            lsp_notify(s, "textDocument/publishDiagnostics", pp);
            break;
        }
    return NULL;
}

/* Templates and last year's report are read from disk: a save may be the
 * moment they changed, so the document is checked again. */
cJSON *lsp_did_save(lsp_server *s, const cJSON *params, lsp_err *err)
{
    const cJSON *uri = lsp_get(lsp_get(params, "textDocument"), "uri");
    if (!cJSON_IsString(uri)) { err->code = RPC_INVALID_PARAMS; return NULL; }
    lsp_doc *d = lsp_find_doc(s, uri->valuestring);
    if (d) refresh(s, d);
    return NULL;
}

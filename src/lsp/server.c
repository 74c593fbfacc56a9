/* server.c - the language server's dispatch table and lifecycle (the
 * top layer of lsp/, see internal.h): initialize (capabilities,
 * positionEncoding negotiation), initialized, shutdown, exit; JSON-RPC
 * validation and error replies. Requests before initialize get -32002,
 * requests after shutdown -32600, unknown requests -32601, malformed
 * JSON -32700; unknown notifications are ignored. The server owns the
 * document store: shutdown closes every document, lsp_server_free frees
 * the store. */
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>
#include "internal.h"

#ifndef GIRC_VERSION
#define GIRC_VERSION "0.1.0"
#endif

/* ---- lifecycle handlers ---- */

static int offers_utf8(const cJSON *params)
{
    const cJSON *enc = lsp_get(lsp_get(lsp_get(params, "capabilities"), "general"), "positionEncodings");
    const cJSON *e;
    cJSON_ArrayForEach(e, enc)
        if (cJSON_IsString(e) && strcmp(e->valuestring, "utf-8") == 0) return 1;
    return 0;
}

/* 1 when the client's first supported markup kind in the array at
 * capabilities.textDocument.WHAT.KEY is plaintext (absent: markdown). */
static int wants_plain(const cJSON *params, const char *what, const char *key)
{
    const cJSON *td = lsp_get(lsp_get(params, "capabilities"), "textDocument");
    const cJSON *v = lsp_get(lsp_get(td, what), key);
    if (!v && strcmp(what, "completion") == 0) v = lsp_get(lsp_get(lsp_get(td, what), "completionItem"), key);
    const cJSON *e;
    cJSON_ArrayForEach(e, v) {
        if (!cJSON_IsString(e)) continue;
        if (strcmp(e->valuestring, "markdown") == 0) return 0;
        if (strcmp(e->valuestring, "plaintext") == 0) return 1;
    }
    return 0;
}

/* The advertised capabilities. Every key here must have a handler in the
 * table below and every handler's capability must be here: the unit test
 * test_lsp_caps.c checks both directions. */
static cJSON *capabilities(const lsp_server *s)
{
    cJSON *c = cJSON_CreateObject();
    cJSON_AddStringToObject(c, "positionEncoding", s->utf8 ? "utf-8" : "utf-16");
    cJSON *sync = cJSON_AddObjectToObject(c, "textDocumentSync");
    cJSON_AddBoolToObject(sync, "openClose", 1);
    cJSON_AddNumberToObject(sync, "change", 2);          /* incremental */
    cJSON_AddBoolToObject(cJSON_AddObjectToObject(sync, "save"), "includeText", 0);
    cJSON_AddBoolToObject(c, "hoverProvider", 1);
    cJSON *comp = cJSON_AddObjectToObject(c, "completionProvider");
    cJSON *trig = cJSON_AddArrayToObject(comp, "triggerCharacters");
    cJSON_AddItemToArray(trig, cJSON_CreateString("."));
    cJSON_AddBoolToObject(comp, "resolveProvider", 0);
    cJSON_AddBoolToObject(c, "documentFormattingProvider", 1);
    cJSON_AddBoolToObject(c, "documentSymbolProvider", 1);
    cJSON_AddBoolToObject(c, "definitionProvider", 1);
    cJSON *ca = cJSON_AddObjectToObject(c, "codeActionProvider");
    cJSON_AddItemToArray(cJSON_AddArrayToObject(ca, "codeActionKinds"), cJSON_CreateString("quickfix"));
    return c;
}

static cJSON *initialize(lsp_server *s, const cJSON *params, lsp_err *err)
{
    if (s->state != LSP_UNINIT) {
        err->code = RPC_INVALID_REQUEST;
        err->msg = "initialize may only be sent once";
        return NULL;
    }
    if (params && !cJSON_IsObject(params)) {
        err->code = RPC_INVALID_PARAMS;
        err->msg = "initialize params must be an object";
        return NULL;
    }
    s->utf8 = offers_utf8(params);
    s->hover_plain = wants_plain(params, "hover", "contentFormat");
    s->complete_plain = wants_plain(params, "completion", "documentationFormat");
    const cJSON *loc = lsp_get(params, "locale");
    if (!s->cfg.lang_set && cJSON_IsString(loc) && msg_lang_parse(loc->valuestring) >= 0)
        s->lang = (gir_lang)msg_lang_parse(loc->valuestring);
    s->state = LSP_RUNNING;
    cJSON *r = cJSON_CreateObject();
    cJSON_AddItemToObject(r, "capabilities", capabilities(s));
    cJSON *info = cJSON_AddObjectToObject(r, "serverInfo");
    cJSON_AddStringToObject(info, "name", "girc");
    cJSON_AddStringToObject(info, "version", GIRC_VERSION);
    return r;
}

static cJSON *initialized(lsp_server *s, const cJSON *params, lsp_err *err)
{
    (void)s; (void)params; (void)err;
    return NULL;
}

static cJSON *shutdown_req(lsp_server *s, const cJSON *params, lsp_err *err)
{
    (void)params; (void)err;
    s->state = LSP_SHUTDOWN;
    lsp_store_close_all(&s->store);
    return cJSON_CreateNull();
}

/* ---- the table ---- */

typedef struct method { lsp_method_info info; lsp_handler fn; } method;

static const method methods[] = {
    {{"initialize", 0, NULL}, initialize},
    {{"initialized", 1, NULL}, initialized},
    {{"shutdown", 0, NULL}, shutdown_req},
    {{"textDocument/didOpen", 1, "textDocumentSync.openClose"}, lsp_did_open},
    {{"textDocument/didChange", 1, "textDocumentSync.change"}, lsp_did_change},
    {{"textDocument/didClose", 1, "textDocumentSync.openClose"}, lsp_did_close},
    {{"textDocument/didSave", 1, "textDocumentSync.save"}, lsp_did_save},
    {{"textDocument/hover", 0, "hoverProvider"}, lsp_hover},
    {{"textDocument/completion", 0, "completionProvider"}, lsp_completion},
    {{"textDocument/formatting", 0, "documentFormattingProvider"}, lsp_formatting},
    {{"textDocument/documentSymbol", 0, "documentSymbolProvider"}, lsp_document_symbol},
    {{"textDocument/definition", 0, "definitionProvider"}, lsp_definition},
    {{"textDocument/codeAction", 0, "codeActionProvider"}, lsp_code_action},
};
enum { NMETHODS = sizeof methods / sizeof methods[0] };

size_t lsp_method_count(void) { return NMETHODS; }
const lsp_method_info *lsp_method_at(size_t i) { return i < NMETHODS ? &methods[i].info : NULL; }

/* ---- public ---- */

/* A server compiles a document at every keystroke, in memory freed just
 * before: glibc would give the heap's top back to the system after each
 * version and fault the same pages in again for the next (most of the
 * system time of an edit of a 1 MB document). Heap memory is kept up to
 * 64 MB instead, and blocks of up to 32 MB come from the heap. */
static void keep_heap(void)
{
#if defined(__GLIBC__) && defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD)
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

lsp_server *lsp_server_new(const lsp_config *cfg, lsp_send_fn send, void *ud)
{
    keep_heap();
    lsp_server *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    if (cfg)
        s->cfg = *cfg;
    s->out.send = send;
    s->out.ud = ud;
    s->lang = s->cfg.lang;
    s->exit_code = 1;
    lsp_store_init(&s->store, s->cfg.cache_dir, s->cfg.stdlib_dir);
    return s;
}

void lsp_server_free(lsp_server *s)
{
    if (!s) return;
    lsp_store_free(&s->store);
    free(s);
}

int lsp_server_exited(const lsp_server *s) { return s->exited; }
int lsp_server_exit_code(const lsp_server *s) { return s->exited ? s->exit_code : s->state == LSP_SHUTDOWN ? 0 : 1; }

void lsp_server_frame_error(lsp_server *s, int too_large)
{
    lsp_reply_error(&s->out, NULL, RPC_PARSE_ERROR,
                too_large ? "Content-Length is above the limit of 67108864 bytes; message skipped"
                          : "malformed message header; skipped to the next Content-Length");
}

static const method *find_method(const char *name)
{
    for (size_t i = 0; i < NMETHODS; i++)
        if (strcmp(methods[i].info.name, name) == 0) return &methods[i];
    return NULL;
}

static void dispatch(lsp_server *s, const cJSON *msg)
{
    const cJSON *id = lsp_get(msg, "id"), *meth = lsp_get(msg, "method"), *ver = lsp_get(msg, "jsonrpc");
    int has_id = id != NULL;
    if (has_id && !cJSON_IsNumber(id) && !cJSON_IsString(id)) {
        lsp_reply_error(&s->out, NULL, RPC_INVALID_REQUEST, "id must be a number or a string");
        return;
    }
    if (!meth) {
        if (has_id && (lsp_get(msg, "result") || lsp_get(msg, "error"))) return;   /* a response */
        lsp_reply_error(&s->out, id, RPC_INVALID_REQUEST, "no method");
        return;
    }
    if (!cJSON_IsString(meth) || !cJSON_IsString(ver) || strcmp(ver->valuestring, "2.0") != 0) {
        if (has_id || !cJSON_IsString(meth)) lsp_reply_error(&s->out, id, RPC_INVALID_REQUEST, "not a JSON-RPC 2.0 message");
        return;
    }
    const char *name = meth->valuestring;
    if (strcmp(name, "exit") == 0) {
        s->exited = 1;
        s->exit_code = s->state == LSP_SHUTDOWN ? 0 : 1;
        return;
    }
    if (s->state == LSP_UNINIT && strcmp(name, "initialize") != 0) {
        if (has_id) lsp_reply_error(&s->out, id, LSP_SERVER_NOT_INITIALIZED, "the server is not initialized");
        return;
    }
    if (s->state == LSP_SHUTDOWN) {
        if (has_id) lsp_reply_error(&s->out, id, RPC_INVALID_REQUEST, "the server is shutting down");
        return;
    }
    const method *m = find_method(name);
    if (!m || m->info.notification == has_id) {
        if (has_id) lsp_reply_error(&s->out, id, RPC_METHOD_NOT_FOUND, "method not found");
        return;
    }
    const cJSON *params = lsp_get(msg, "params");
    lsp_err err = {0, NULL};
    cJSON *res = m->fn(s, params, &err);
    if (!has_id) { cJSON_Delete(res); return; }
    if (err.code) {
        cJSON_Delete(res);
        lsp_reply_error(&s->out, id, err.code, err.msg ? err.msg : "error");
        return;
    }
    lsp_reply(&s->out, id, res);
}

/* cJSON strings end at NUL, so "\u0000" in a document's text would cut
 * it short and the server would lose sync with the client. It is read as
 * U+2400 (␀), one UTF-16 unit like NUL, which girc then reports. Returns
 * a malloc'd copy when something was replaced, else NULL. */
static int nul_escape_at(const char *p, size_t i, size_t len)
{
    if (i + 6 > len || p[i] != '\\' || memcmp(p + i + 1, "u0000", 5) != 0) return 0;
    size_t k = 0;                                       /* backslashes before this one */
    while (k < i && p[i - 1 - k] == '\\') k++;
    return k % 2 == 0;                                  /* else "\\u0000": an escaped backslash */
}

static char *replace_nul_escapes(const char *body, size_t len)
{
    size_t i = 0;
    while (i < len && !nul_escape_at(body, i, len)) i++;
    if (i == len) return NULL;
    char *copy = malloc(len + 1);
    if (!copy) return NULL;
    memcpy(copy, body, len);
    copy[len] = 0;
    for (; i < len; i++)
        if (nul_escape_at(copy, i, len)) memcpy(copy + i + 1, "u2400", 5);
    return copy;
}

void lsp_server_handle(lsp_server *s, const char *body, size_t len)
{
    char *fixed = replace_nul_escapes(body, len);
    if (fixed) body = fixed;
    const char *end = NULL;
    cJSON *msg = cJSON_ParseWithLengthOpts(body, len, &end, 0);
    /* only white space may follow the value ("[1]x" is not JSON) */
    for (const char *p = end; msg && p && p < body + len; p++)
        if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n') { cJSON_Delete(msg); msg = NULL; }
    if (!msg) lsp_reply_error(&s->out, NULL, RPC_PARSE_ERROR, "invalid JSON");
    else if (!cJSON_IsObject(msg)) lsp_reply_error(&s->out, NULL, RPC_INVALID_REQUEST, "a message must be a JSON object");
    else dispatch(s, msg);
    cJSON_Delete(msg);
    free(fixed);
}

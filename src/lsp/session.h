/* session.h - the language server's state (struct lsp_server) and what
 * the features get from it: the settings negotiated by initialize (the
 * message language, the position encoding), the session's compile
 * options, and the document and position a request's params name,
 * looked up in the store (store.h). Above the store and send.h, below
 * the features. */
#ifndef GIR_LSP_SESSION_H
#define GIR_LSP_SESSION_H
#include <stdint.h>
#include <cjson/cJSON.h>
#include "base/msgs.h"
#include "driver/compile.h"
#include "send.h"
#include "server.h"
#include "store.h"

enum { LSP_UNINIT = 0, LSP_RUNNING, LSP_SHUTDOWN };

struct lsp_server {
    lsp_config cfg;
    lsp_out out;               /* where messages go */
    int state, exited, exit_code;   /* lifecycle: server.c only */
    int utf8;                  /* negotiated position encoding: utf-8 (else utf-16) */
    gir_lang lang;             /* the session's language (--lang, else initialize's locale) */
    int hover_plain;           /* the client asked for plaintext hover (contentFormat) */
    int complete_plain;        /* ... and plaintext completion documentation (documentationFormat) */
    lsp_store store;           /* documents, versions and caches */
};

/* The session's compile options: its language and -I directories. */
gir_options lsp_options(const lsp_server *s);
/* The open document of uri (the store's), or NULL. */
lsp_doc *lsp_find_doc(lsp_server *s, const char *uri);
/* textDocument.uri of params -> open, compiled document (NULL if not
 * open; err set when params are malformed). */
lsp_doc *lsp_doc_of(lsp_server *s, const cJSON *params, lsp_err *err);
/* Document and byte offset of params.position (NULL: see lsp_doc_of). */
lsp_doc *lsp_doc_at(lsp_server *s, const cJSON *params, uint32_t *off, lsp_err *err);
/* Positions in the negotiated encoding <-> byte offsets of src. */
uint32_t lsp_offset(const lsp_server *s, const gir_source *src, uint32_t line, uint32_t ch);
cJSON *lsp_pos_json(const lsp_server *s, const gir_source *src, uint32_t off);
cJSON *lsp_range_json(const lsp_server *s, const gir_source *src, gir_span sp);
/* A built-in template compiled with the session's options, from the
 * store's cache (a report header without a usable schema). */
const gir_schema *lsp_template_schema(lsp_server *s, const char *name);
#endif

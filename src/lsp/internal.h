/* internal.h - what the language server's features share: the request
 * handlers of the dispatch table and the helpers one feature offers
 * another. The files of lsp/ form layers, each calling only the layers
 * below it (the file-level call graph is a DAG):
 *
 *   server.c        dispatch table, lifecycle                (server.h)
 *   features        sync.c (documents), diag.c (diagnostics
 *                   publication), hover.c, complete.c, format.c,
 *                   symbols.c, definition.c, codeaction.c    (this file)
 *   session.c       struct lsp_server: the document and position a
 *                   request names, encodings, options      (session.h)
 *   locate.c        what is under the cursor                 (locate.h)
 *   store.c         documents, versions, caches              (store.h)
 *   send.c, rpc.c   messages out; framing      (send.h, rpc.h)
 *   util.c          JSON, UTF-8 strings, URIs                 (util.h)
 *
 * Features call helpers, never the other way round; among the features,
 * sync.c and codeaction.c use diag.c, and complete.c uses hover.c's
 * lsp_hnode_doc. */
#ifndef GIR_LSP_INT_H
#define GIR_LSP_INT_H
#include <cjson/cJSON.h>
#include "check/check.h"
#include "driver/compile.h"
#include "locate.h"
#include "send.h"
#include "session.h"
#include "store.h"
#include "util.h"

typedef cJSON *(*lsp_handler)(lsp_server *s, const cJSON *params, lsp_err *err);

/* ---- sync.c: document synchronisation ---- */
cJSON *lsp_did_open(lsp_server *s, const cJSON *params, lsp_err *err);
cJSON *lsp_did_change(lsp_server *s, const cJSON *params, lsp_err *err);
cJSON *lsp_did_close(lsp_server *s, const cJSON *params, lsp_err *err);
cJSON *lsp_did_save(lsp_server *s, const cJSON *params, lsp_err *err);

/* ---- diag.c: diagnostics publication ---- */
/* One diagnostic of d's current version as an LSP Diagnostic (NULL on
 * out of memory). */
cJSON *lsp_diag_json(lsp_server *s, const lsp_doc *d, const gir_diag *g);
/* textDocument/publishDiagnostics for d's current version. */
void lsp_publish(lsp_server *s, const lsp_doc *d);
/* An empty publishDiagnostics for a closed document. */
void lsp_unpublish(lsp_server *s, const char *uri);

/* ---- features ---- */
cJSON *lsp_hover(lsp_server *s, const cJSON *params, lsp_err *err);
/* A MarkupContent of md: as is, or plain text (no ** emphasis) when
 * plain (the client's contentFormat / documentationFormat). */
cJSON *lsp_markup(gir_arena *a, const char *md, int plain);
/* Markdown for a row/column (shared with completion documentation). */
const char *lsp_hnode_doc(lsp_server *s, gir_arena *a, const gir_ttable *t, const gir_hnode *h, int is_col);
cJSON *lsp_completion(lsp_server *s, const cJSON *params, lsp_err *err);
cJSON *lsp_formatting(lsp_server *s, const cJSON *params, lsp_err *err);
cJSON *lsp_document_symbol(lsp_server *s, const cJSON *params, lsp_err *err);
cJSON *lsp_definition(lsp_server *s, const cJSON *params, lsp_err *err);
cJSON *lsp_code_action(lsp_server *s, const cJSON *params, lsp_err *err);
#endif

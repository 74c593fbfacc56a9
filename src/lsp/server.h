/* server.h - the `girc lsp` language server core, independent of
 * stdio: feed it message bodies (lsp_server_handle), it answers through
 * a send callback. Framing is rpc.h; cli/lsp.c wires both to stdio.
 * LSP 3.17: lifecycle with the spec's semantics, full and incremental
 * document sync, diagnostics, hover, completion, formatting, document
 * symbols, definition and quick-fix code actions. One compiled gir_doc
 * per open document version, freed when the version is replaced (the
 * document store, store.h). */
#ifndef GIR_LSP_SERVER_H
#define GIR_LSP_SERVER_H
#include <stddef.h>
#include "base/msgs.h"

/* Receives one complete JSON message (not framed, not NUL-terminated). */
typedef void (*lsp_send_fn)(void *ud, const char *json, size_t len);

typedef struct lsp_config {
    gir_lang lang;
    int lang_set;                   /* --lang given: ignore initialize's locale */
    const char *const *includes;    /* the -I dirs, in order. A template is searched
                                       in the report's own file; when named by a path,
                                       from the report's folder, then as given; then
                                       NAME.gir in these dirs, then in the GIRPATH dirs
                                       (read by template/template.c, not listed here);
                                       then the embedded stdlib */
    size_t ninclude;
    const char *cache_dir;          /* NULL: $XDG_CACHE_HOME/girc, else ~/.cache/girc */
    const char *stdlib_dir;         /* NULL: <exe dir>/../share/girc/stdlib when it
                                       holds the same text as the embedded copy */
    const struct gir_mem *mem;      /* the allocator of every compilation (NULL:
                                       malloc); tests/unit/test_oom.c fails it */
} lsp_config;

typedef struct lsp_server lsp_server;

/* NULL on out of memory. cfg is copied (its strings must outlive the server). */
lsp_server *lsp_server_new(const lsp_config *cfg, lsp_send_fn send, void *ud);
void lsp_server_free(lsp_server *s);
/* Handles one message body. */
void lsp_server_handle(lsp_server *s, const char *body, size_t len);
/* Reports a framing error (malformed header block, or a body over the
 * size limit) as a JSON-RPC error with a null id. */
void lsp_server_frame_error(lsp_server *s, int too_large);
/* The client sent `exit`. */
int lsp_server_exited(const lsp_server *s);
/* 0 if `shutdown` came before `exit` (or before the end of input), else 1. */
int lsp_server_exit_code(const lsp_server *s);

/* The dispatch table, for tests: method name, whether it is a
 * notification, and the server capability that advertises it (a dotted
 * path into InitializeResult.capabilities, NULL for lifecycle methods). */
typedef struct lsp_method_info {
    const char *name;
    int notification;
    const char *capability;
} lsp_method_info;
size_t lsp_method_count(void);
const lsp_method_info *lsp_method_at(size_t i);
#endif

/* lsp_int.h - internal interface between the language server's files:
 * lsp_server.c (dispatch, lifecycle), lsp_util.c (JSON, positions, URIs),
 * lsp_sync.c (documents), lsp_diag.c, lsp_locate.c, lsp_hover.c,
 * lsp_complete.c, lsp_format.c, lsp_symbols.c, lsp_definition.c,
 * lsp_codeaction.c. */
#ifndef GIR_LSP_INT_H
#define GIR_LSP_INT_H
#include <stdint.h>
#include <cjson/cJSON.h>
#include "check/check.h"
#include "driver/compile.h"
#include "server.h"

/* JSON-RPC and LSP error codes */
enum {
    RPC_PARSE_ERROR = -32700, RPC_INVALID_REQUEST = -32600, RPC_METHOD_NOT_FOUND = -32601,
    RPC_INVALID_PARAMS = -32602, RPC_INTERNAL_ERROR = -32603,
    LSP_SERVER_NOT_INITIALIZED = -32002, LSP_REQUEST_FAILED = -32803
};

typedef struct lsp_err { int code; const char *msg; } lsp_err;

typedef struct lsp_doc {
    struct lsp_doc *next;
    char *uri;                 /* as the client sent it */
    char *name;                /* file path decoded from a file: URI, else the URI */
    int version;
    char *text;                /* current text (malloc), NUL-terminated */
    size_t len, cap;
    int too_large;             /* text dropped: over GIR_MAX_FILE_SIZE */
    gir_doc *doc;              /* compiled current version (NULL if too large) */
} lsp_doc;

typedef struct lsp_builtin { struct lsp_builtin *next; char *path, *uri; } lsp_builtin;
typedef struct lsp_tcache { struct lsp_tcache *next; char *name; gir_doc *doc; const gir_schema *schema; } lsp_tcache;

enum { LSP_UNINIT = 0, LSP_RUNNING, LSP_SHUTDOWN };

struct lsp_server {
    lsp_config cfg;
    lsp_send_fn send;
    void *ud;
    int state, exited, exit_code;
    int utf8;                  /* negotiated position encoding: utf-8 (else utf-16) */
    gir_lang lang;
    lsp_doc *docs;
    lsp_builtin *builtins;     /* URIs of stdlib files written or found */
    lsp_tcache *templates;     /* templates compiled for completion */
};

typedef cJSON *(*lsp_handler)(lsp_server *s, const cJSON *params, lsp_err *err);

/* ---- lsp_server.c ---- */
void lsp_send(lsp_server *s, cJSON *msg);                  /* frees msg */
void lsp_notify(lsp_server *s, const char *method, cJSON *params);
void lsp_log(lsp_server *s, int type, const char *text);   /* window/logMessage */

/* ---- lsp_util.c ---- */
const cJSON *lsp_get(const cJSON *o, const char *key);
/* Adds a string, replacing invalid UTF-8 with U+FFFD. */
void lsp_add_str(cJSON *o, const char *key, const char *v);
cJSON *lsp_str(const char *v);
char *lsp_uri_to_path(const char *uri);                    /* malloc; NULL if not file: */
char *lsp_path_to_uri(const char *path);                   /* malloc; absolute or made so */
/* Reads {line, character}; negative numbers clamp to 0. 0 if malformed. */
int lsp_read_pos(const cJSON *pos, uint32_t *line, uint32_t *ch);
uint32_t lsp_offset(const lsp_server *s, const gir_source *src, uint32_t line, uint32_t ch);
cJSON *lsp_pos_json(const lsp_server *s, const gir_source *src, uint32_t off);
cJSON *lsp_range_json(const lsp_server *s, const gir_source *src, gir_span sp);
/* textDocument.uri of params -> open document (NULL if not open; err set
 * when params are malformed). */
lsp_doc *lsp_doc_of(lsp_server *s, const cJSON *params, lsp_err *err);
/* Document and byte offset of params.position (NULL: see lsp_doc_of). */
lsp_doc *lsp_doc_at(lsp_server *s, const cJSON *params, uint32_t *off, lsp_err *err);
gir_options lsp_options(const lsp_server *s);

/* ---- lsp_sync.c ---- */
lsp_doc *lsp_find_doc(lsp_server *s, const char *uri);
void lsp_free_docs(lsp_server *s);
cJSON *lsp_did_open(lsp_server *s, const cJSON *params, lsp_err *err);
cJSON *lsp_did_change(lsp_server *s, const cJSON *params, lsp_err *err);
cJSON *lsp_did_close(lsp_server *s, const cJSON *params, lsp_err *err);
cJSON *lsp_did_save(lsp_server *s, const cJSON *params, lsp_err *err);

/* ---- lsp_diag.c ---- */
cJSON *lsp_diag_json(lsp_server *s, const lsp_doc *d, const gir_diag *g);
void lsp_publish(lsp_server *s, const lsp_doc *d);

/* ---- lsp_locate.c: what is under the cursor ---- */
typedef enum { LOC_NONE = 0, LOC_CELL, LOC_ROW, LOC_COL, LOC_TABLE, LOC_SECTION, LOC_FIELD, LOC_TEMPLATE } lsp_loc_kind;
typedef struct lsp_target {
    lsp_loc_kind kind;
    gir_span span;                 /* the token under the cursor */
    const gir_report *r;
    int table, block, row, col;    /* LOC_CELL/ROW/COL/TABLE */
    const gir_hnode *h;            /* LOC_ROW, LOC_COL: the row or column */
    const gir_tsection *sec;       /* LOC_SECTION */
    const gir_node *field;         /* LOC_FIELD: N_FIELD */
} lsp_target;
int lsp_locate(const gir_doc *d, uint32_t off, lsp_target *t);
/* "三、本年度办理结果 › （七）总计": labels from the top group down. */
const char *lsp_hnode_path(gir_arena *a, const gir_hnode *h);
const char *lsp_hnode_label(const gir_hnode *h);

/* ---- features ---- */
cJSON *lsp_hover(lsp_server *s, const cJSON *params, lsp_err *err);
/* Markdown for a row/column (shared with completion documentation). */
const char *lsp_hnode_doc(lsp_server *s, gir_arena *a, const gir_ttable *t, const gir_hnode *h, int is_col);
cJSON *lsp_completion(lsp_server *s, const cJSON *params, lsp_err *err);
cJSON *lsp_formatting(lsp_server *s, const cJSON *params, lsp_err *err);
cJSON *lsp_document_symbol(lsp_server *s, const cJSON *params, lsp_err *err);
cJSON *lsp_definition(lsp_server *s, const cJSON *params, lsp_err *err);
/* URI of a source (the document's own, a template file, or the cached
 * copy of an embedded stdlib file); malloc. */
char *lsp_source_uri(lsp_server *s, const lsp_doc *d, const gir_source *src);
/* A compiled template by name (report header without a usable schema). */
const gir_schema *lsp_template_schema(lsp_server *s, const char *name);
void lsp_free_caches(lsp_server *s);
cJSON *lsp_code_action(lsp_server *s, const cJSON *params, lsp_err *err);
#endif

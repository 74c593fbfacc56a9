/* send.h - messages from the language server to the client (JSON-RPC
 * 2.0): replies, error replies, notifications and window/logMessage,
 * through the send callback of server.h; the JSON-RPC and LSP error
 * codes. The lowest layer of lsp/ with util.h and rpc.h: it knows
 * nothing of documents or features. */
#ifndef GIR_LSP_SEND_H
#define GIR_LSP_SEND_H
#include <cjson/cJSON.h>
#include "server.h"

/* JSON-RPC and LSP error codes */
enum {
    RPC_PARSE_ERROR = -32700, RPC_INVALID_REQUEST = -32600, RPC_METHOD_NOT_FOUND = -32601,
    RPC_INVALID_PARAMS = -32602, RPC_INTERNAL_ERROR = -32603,
    LSP_SERVER_NOT_INITIALIZED = -32002, LSP_REQUEST_FAILED = -32803
};

/* A handler's failure: code 0 means none; msg NULL means "error". */
typedef struct lsp_err { int code; const char *msg; } lsp_err;

/* Where messages go. */
typedef struct lsp_out {
    lsp_send_fn send;
    void *ud;
} lsp_out;

/* Sends msg and frees it (NULL is fine). */
void lsp_send(const lsp_out *o, cJSON *msg);
/* The reply to request id (result NULL: null); result is taken. */
void lsp_reply(const lsp_out *o, const cJSON *id, cJSON *result);
/* An error reply (id NULL: null). */
void lsp_reply_error(const lsp_out *o, const cJSON *id, int code, const char *msg);
/* A notification (params NULL: null); params is taken. */
void lsp_notify(const lsp_out *o, const char *method, cJSON *params);
/* window/logMessage of the given type (1 error, 2 warning, 3 info, 4 log). */
void lsp_log(const lsp_out *o, int type, const char *text);
#endif

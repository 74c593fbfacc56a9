/* send.c - messages from the language server to the client (send.h):
 * the JSON-RPC envelope, replies, error replies, notifications and log
 * messages, printed unformatted and handed to the send callback. */
#include <string.h>
#include "send.h"
#include "util.h"

void lsp_send(const lsp_out *o, cJSON *msg)
{
    if (!msg)
        return;
    char *txt = cJSON_PrintUnformatted(msg);
    if (txt) {
        o->send(o->ud, txt, strlen(txt));
        cJSON_free(txt);
    }
    cJSON_Delete(msg);
}

static cJSON *envelope(void)
{
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "jsonrpc", "2.0");
    return m;
}

void lsp_reply(const lsp_out *o, const cJSON *id, cJSON *result)
{
    cJSON *m = envelope();
    cJSON_AddItemToObject(m, "id", cJSON_Duplicate(id, 1));
    cJSON_AddItemToObject(m, "result", result ? result : cJSON_CreateNull());
    lsp_send(o, m);
}

void lsp_reply_error(const lsp_out *o, const cJSON *id, int code, const char *msg)
{
    cJSON *m = envelope();
    cJSON_AddItemToObject(m, "id", id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
    cJSON *e = cJSON_AddObjectToObject(m, "error");
    cJSON_AddNumberToObject(e, "code", code);
    lsp_add_str(e, "message", msg);
    lsp_send(o, m);
}

void lsp_notify(const lsp_out *o, const char *method, cJSON *params)
{
    cJSON *m = envelope();
    cJSON_AddStringToObject(m, "method", method);
    cJSON_AddItemToObject(m, "params", params ? params : cJSON_CreateNull());
    lsp_send(o, m);
}

void lsp_log(const lsp_out *o, int type, const char *text)
{
    cJSON *p = cJSON_CreateObject();
    cJSON_AddNumberToObject(p, "type", type);
    lsp_add_str(p, "message", text);
    lsp_notify(o, "window/logMessage", p);
}

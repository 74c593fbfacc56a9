/* test_lsp_caps.c - the language server advertises exactly what it
 * implements (beancount-language-server #741): the capabilities in the
 * initialize result equal the capabilities declared by the registered
 * handlers, in both directions; every registered method is dispatched
 * (never -32601); unregistered methods are not. Also the
 * positionEncoding negotiation. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "lsp/server.h"

typedef struct sink { char *msgs[64]; int n; } sink;

static void capture(void *ud, const char *json, size_t len)
{
    sink *s = ud;
    if (s->n < 64) s->msgs[s->n++] = strndup(json, len);
}

static void clear(sink *s)
{
    for (int i = 0; i < s->n; i++) free(s->msgs[i]);
    s->n = 0;
}

static void handle(lsp_server *srv, const char *json) { lsp_server_handle(srv, json, strlen(json)); }

/* The initialize result's capabilities for the given client params. */
static cJSON *init_caps(const char *params)
{
    sink s = {{0}, 0};
    lsp_config cfg;
    memset(&cfg, 0, sizeof cfg);
    lsp_server *srv = lsp_server_new(&cfg, capture, &s);
    char msg[512];
    snprintf(msg, sizeof msg, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":%s}", params);
    handle(srv, msg);
    assert_int_equal(s.n, 1);
    cJSON *r = cJSON_Parse(s.msgs[0]);
    cJSON *caps = cJSON_DetachItemFromObject(cJSON_GetObjectItem(r, "result"), "capabilities");
    cJSON_Delete(r);
    clear(&s);
    lsp_server_free(srv);
    assert_non_null(caps);
    return caps;
}

static int truthy(const cJSON *v)
{
    return v && !cJSON_IsFalse(v) && !cJSON_IsNull(v) && !(cJSON_IsNumber(v) && v->valuedouble == 0);
}

static int declared(const char *path)
{
    for (size_t i = 0; i < lsp_method_count(); i++) {
        const lsp_method_info *m = lsp_method_at(i);
        if (m->capability && strcmp(m->capability, path) == 0) return 1;
    }
    return 0;
}

static void test_caps_equal_handlers(void **state)
{
    (void)state;
    cJSON *caps = init_caps("{\"capabilities\":{}}");
    /* advertised -> implemented */
    size_t advertised = 0;
    const cJSON *c;
    cJSON_ArrayForEach(c, caps) {
        if (strcmp(c->string, "positionEncoding") == 0) continue;
        if (strcmp(c->string, "textDocumentSync") == 0) {
            const cJSON *k;
            cJSON_ArrayForEach(k, c) {
                if (!truthy(k)) continue;
                char path[128];
                snprintf(path, sizeof path, "textDocumentSync.%s", k->string);
                if (!declared(path)) fail_msg("advertised without a handler: %s", path);
                advertised++;
            }
            continue;
        }
        if (truthy(c) && !declared(c->string)) fail_msg("advertised without a handler: %s", c->string);
        advertised++;
    }
    /* implemented -> advertised */
    for (size_t i = 0; i < lsp_method_count(); i++) {
        const lsp_method_info *m = lsp_method_at(i);
        if (!m->capability) continue;
        const cJSON *v = caps;
        char buf[128];
        snprintf(buf, sizeof buf, "%s", m->capability);
        for (char *part = strtok(buf, "."); part; part = strtok(NULL, "."))
            v = cJSON_GetObjectItemCaseSensitive(v, part);
        if (!truthy(v)) fail_msg("handler %s is not advertised (%s)", m->name, m->capability);
    }
    assert_true(advertised >= 7);
    cJSON_Delete(caps);
}

static void test_every_method_dispatches(void **state)
{
    (void)state;
    sink s = {{0}, 0};
    lsp_server *srv = lsp_server_new(NULL, capture, &s);
    handle(srv, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
    clear(&s);
    for (size_t i = 0; i < lsp_method_count(); i++) {
        const lsp_method_info *m = lsp_method_at(i);
        if (strcmp(m->name, "initialize") == 0 || strcmp(m->name, "shutdown") == 0) continue;
        char msg[512];
        if (m->notification)
            snprintf(msg, sizeof msg, "{\"jsonrpc\":\"2.0\",\"method\":\"%s\",\"params\":{\"textDocument\":{\"uri\":\"file:///x.gir\",\"text\":\"\",\"version\":1},\"contentChanges\":[]}}", m->name);
        else
            snprintf(msg, sizeof msg, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"%s\",\"params\":{\"textDocument\":{\"uri\":\"file:///x.gir\"},\"position\":{\"line\":0,\"character\":0},\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":0}}}}", m->name);
        handle(srv, msg);
        for (int k = 0; k < s.n; k++)
            if (strstr(s.msgs[k], "-32601")) fail_msg("%s answered method not found: %s", m->name, s.msgs[k]);
        if (!m->notification) {
            int answered = 0;
            for (int k = 0; k < s.n; k++) answered |= strstr(s.msgs[k], "\"id\":7") != NULL;
            if (!answered) fail_msg("%s got no answer", m->name);
        }
        clear(&s);
    }
    /* not implemented, so not found */
    handle(srv, "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"textDocument/rename\",\"params\":{}}");
    assert_int_equal(s.n, 1);
    assert_non_null(strstr(s.msgs[0], "-32601"));
    clear(&s);
    lsp_server_free(srv);
}

static void test_position_encoding(void **state)
{
    (void)state;
    struct { const char *params, *want; } cases[] = {
        {"{\"capabilities\":{\"general\":{\"positionEncodings\":[\"utf-16\",\"utf-8\"]}}}", "utf-8"},
        {"{\"capabilities\":{\"general\":{\"positionEncodings\":[\"utf-8\"]}}}", "utf-8"},
        {"{\"capabilities\":{\"general\":{\"positionEncodings\":[\"utf-32\"]}}}", "utf-16"},
        {"{\"capabilities\":{\"general\":{\"positionEncodings\":\"utf-8\"}}}", "utf-16"},
        {"{\"capabilities\":{}}", "utf-16"},
        {"{}", "utf-16"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cJSON *caps = init_caps(cases[i].params);
        const cJSON *e = cJSON_GetObjectItem(caps, "positionEncoding");
        assert_true(cJSON_IsString(e));
        assert_string_equal(e->valuestring, cases[i].want);
        cJSON_Delete(caps);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_caps_equal_handlers),
        cmocka_unit_test(test_every_method_dispatches),
        cmocka_unit_test(test_position_encoding),
    };
    return cmocka_run_group_tests_name("lsp_caps", tests, NULL, NULL);
}

/* test_lsp_server.c - unit tests for the language server's helpers and
 * document handling: file URIs <-> paths, positions in utf-8 and utf-16
 * on CJK and astral lines, incremental edits (clamped, reversed,
 * multi-line), invalid UTF-8 typed into a document (diagnostics, and
 * every message sent is valid UTF-8 JSON), one compiled document per
 * version, definitions into the cached copy of an embedded template. */
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
#include <unistd.h>
#include "base/io.h"
#include "lsp/internal.h"
#include "template/template.h"
#include "base/utf8.h"

typedef struct sink { char *msgs[256]; int n; } sink;

static void capture(void *ud, const char *json, size_t len)
{
    sink *s = ud;
    if (s->n < 256) s->msgs[s->n++] = strndup(json, len);
}

static void clear(sink *s)
{
    for (int i = 0; i < s->n; i++) free(s->msgs[i]);
    s->n = 0;
}

static void handle(lsp_server *srv, const char *json) { lsp_server_handle(srv, json, strlen(json)); }

static lsp_server *start(sink *s, const lsp_config *cfg, int utf8)
{
    lsp_server *srv = lsp_server_new(cfg, capture, s);
    handle(srv, utf8 ? "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{\"general\":{\"positionEncodings\":[\"utf-8\"]}}}}"
                     : "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
    clear(s);
    return srv;
}

static void open_text(lsp_server *srv, const char *uri, const char *text)
{
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "jsonrpc", "2.0");
    cJSON_AddStringToObject(m, "method", "textDocument/didOpen");
    cJSON *td = cJSON_AddObjectToObject(cJSON_AddObjectToObject(m, "params"), "textDocument");
    cJSON_AddStringToObject(td, "uri", uri);
    cJSON_AddNumberToObject(td, "version", 1);
    cJSON_AddStringToObject(td, "text", text);
    char *j = cJSON_PrintUnformatted(m);
    handle(srv, j);
    free(j);
    cJSON_Delete(m);
}

static void change(lsp_server *srv, int ver, int l0, int c0, int l1, int c1, const char *text)
{
    char msg[1024];
    snprintf(msg, sizeof msg,
             "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"file:///t.gir\",\"version\":%d},"
             "\"contentChanges\":[{\"range\":{\"start\":{\"line\":%d,\"character\":%d},\"end\":{\"line\":%d,\"character\":%d}},\"text\":\"%s\"}]}}",
             ver, l0, c0, l1, c1, text);
    handle(srv, msg);
}

static void test_uris(void **state)
{
    (void)state;
    char *p = lsp_uri_to_path("file:///tmp/a%20b/%E6%96%B0%e6%94%b6.gir");
    assert_string_equal(p, "/tmp/a b/新收.gir");
    free(p);
    p = lsp_uri_to_path("file://localhost/x/y.gir");
    assert_string_equal(p, "/x/y.gir");
    free(p);
    assert_null(lsp_uri_to_path("untitled:Untitled-1"));
    assert_null(lsp_uri_to_path("file://server/share/x.gir"));
    assert_null(lsp_uri_to_path("file:///a%00b"));
    p = lsp_path_to_uri("/tmp/a b/新收.gir");
    assert_string_equal(p, "file:///tmp/a%20b/%E6%96%B0%E6%94%B6.gir");
    char *back = lsp_uri_to_path(p);
    assert_string_equal(back, "/tmp/a b/新收.gir");
    free(back);
    free(p);
    p = lsp_path_to_uri("rel/x.gir");
    assert_true(strncmp(p, "file:///", 8) == 0);
    assert_non_null(strstr(p, "/rel/x.gir"));
    free(p);
}

static void test_positions(void **state)
{
    (void)state;
    gir_arena *a = arena_new(NULL);
    const char *text = "a\xF0\xA0\x80\x80" "b\n新收 17\n";   /* a U+20000 b */
    gir_source src;
    source_init(&src, a, "t", text, (uint32_t)strlen(text));
    lsp_server s;
    memset(&s, 0, sizeof s);
    /* utf-16: the astral character is two units */
    assert_int_equal(lsp_offset(&s, &src, 0, 1), 1);
    assert_int_equal(lsp_offset(&s, &src, 0, 2), 1);      /* inside the pair: rounds down */
    assert_int_equal(lsp_offset(&s, &src, 0, 3), 5);
    assert_int_equal(lsp_offset(&s, &src, 1, 3), 14);     /* after "新收 " */
    assert_int_equal(lsp_offset(&s, &src, 1, 999), 16);   /* clamped to the line end */
    assert_int_equal(lsp_offset(&s, &src, 99, 0), (uint32_t)strlen(text));
    cJSON *p = lsp_pos_json(&s, &src, 5);
    assert_int_equal(cJSON_GetObjectItem(p, "character")->valueint, 3);
    cJSON_Delete(p);
    /* utf-8: bytes */
    s.utf8 = 1;
    assert_int_equal(lsp_offset(&s, &src, 0, 5), 5);
    assert_int_equal(lsp_offset(&s, &src, 1, 4), 7 + 3);  /* inside 收: rounds down to its start */
    p = lsp_pos_json(&s, &src, 10);
    assert_int_equal(cJSON_GetObjectItem(p, "line")->valueint, 1);
    assert_int_equal(cJSON_GetObjectItem(p, "character")->valueint, 3);
    cJSON_Delete(p);
    /* malformed and negative positions */
    uint32_t l, c;
    cJSON *j = cJSON_Parse("{\"line\":-3,\"character\":1e30}");
    assert_true(lsp_read_pos(j, &l, &c));
    assert_int_equal(l, 0);
    assert_int_equal(c, UINT32_MAX);
    cJSON_Delete(j);
    j = cJSON_Parse("{\"line\":\"1\",\"character\":0}");
    assert_false(lsp_read_pos(j, &l, &c));
    cJSON_Delete(j);
    arena_free(a);
}

static void test_incremental(void **state)
{
    (void)state;
    sink s = {{0}, 0};
    lsp_server *srv = start(&s, NULL, 0);
    open_text(srv, "file:///t.gir", "a\xF0\xA0\x80\x80" "b\nline2\nline3\n");
    lsp_doc *d = lsp_find_doc(srv, "file:///t.gir");
    assert_non_null(d);
    change(srv, 2, 0, 3, 0, 3, "新");                    /* after the pair (utf-16 col 3) */
    assert_string_equal(d->text, "a\xF0\xA0\x80\x80新b\nline2\nline3\n");
    assert_int_equal(d->version, 2);
    change(srv, 3, 1, 4, 2, 1, "");                      /* across lines */
    assert_string_equal(d->text, "a\xF0\xA0\x80\x80新b\nlineine3\n");
    change(srv, 4, 2, 0, 0, 0, "X");                     /* reversed range: swapped */
    assert_string_equal(d->text, "X");
    change(srv, 5, 99, 99, 120, 0, "\\nend");            /* past the end: appended */
    assert_string_equal(d->text, "X\nend");
    assert_int_equal(d->version, 5);
    assert_string_equal(d->doc->src.text, d->text);     /* the compiled doc is this version's */
    /* every change published diagnostics with its version */
    int published = 0;
    for (int i = 0; i < s.n; i++) published += strstr(s.msgs[i], "publishDiagnostics") != NULL;
    assert_int_equal(published, 5);
    assert_non_null(strstr(s.msgs[s.n - 1], "\"version\":5"));
    clear(&s);
    lsp_server_free(srv);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    sink s = {{0}, 0};
    lsp_server *srv = start(&s, NULL, 0);
    open_text(srv, "file:///t.gir", "report \"x\" {\n  template gov2021\n}\ntable 申请处理 {\n  新收 1\n}\n");
    clear(&s);
    change(srv, 2, 4, 2, 4, 2, "\xff\xfe\\\"\xe6\x96");      /* raw invalid bytes in the JSON string */
    assert_true(s.n >= 1);
    int saw = 0;
    for (int i = 0; i < s.n; i++) {
        assert_true(utf8_find_invalid(s.msgs[i], strlen(s.msgs[i])) < 0);
        cJSON *j = cJSON_Parse(s.msgs[i]);
        assert_non_null(j);
        cJSON_Delete(j);
        saw |= strstr(s.msgs[i], "E0101") != NULL;
    }
    assert_true(saw);
    clear(&s);
    /* hover and completion on the broken line still answer */
    handle(srv, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"file:///t.gir\"},\"position\":{\"line\":4,\"character\":3}}}");
    handle(srv, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"textDocument/completion\",\"params\":{\"textDocument\":{\"uri\":\"file:///t.gir\"},\"position\":{\"line\":4,\"character\":4}}}");
    assert_int_equal(s.n, 2);
    for (int i = 0; i < s.n; i++) assert_true(utf8_find_invalid(s.msgs[i], strlen(s.msgs[i])) < 0);
    clear(&s);
    lsp_server_free(srv);
}

/* "\u0000" in a text becomes U+2400 (cJSON strings end at NUL): the
 * document keeps its length in UTF-16 units and stays in sync. */
static void test_nul_escape(void **state)
{
    (void)state;
    sink s = {{0}, 0};
    lsp_server *srv = start(&s, NULL, 0);
    handle(srv, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
                "{\"uri\":\"file:///n.gir\",\"version\":1,\"text\":\"ab\\u0000cd \\\\u0000\"}}}");
    lsp_doc *d = lsp_find_doc(srv, "file:///n.gir");
    assert_non_null(d);
    assert_string_equal(d->text, "ab\xE2\x90\x80" "cd \\u0000");
    clear(&s);
    lsp_server_free(srv);
}

static void test_definition_cache(void **state)
{
    (void)state;
    char dir[] = "/tmp/girc-lsp-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    lsp_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.cache_dir = dir;
    cfg.stdlib_dir = "/nonexistent";
    sink s = {{0}, 0};
    lsp_server *srv = start(&s, &cfg, 1);
    open_text(srv, "file:///t.gir", "report \"x\" {\n  template gov2021\n  agency \"a\"\n  year 2021\n}\ntable 申请处理 {\n  新收 1\n}\n");
    clear(&s);
    handle(srv, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/definition\",\"params\":{\"textDocument\":{\"uri\":\"file:///t.gir\"},\"position\":{\"line\":6,\"character\":2}}}");
    assert_int_equal(s.n, 1);
    cJSON *whole = cJSON_Parse(s.msgs[0]);
    cJSON *r = cJSON_GetObjectItem(whole, "result");
    assert_non_null(r);
    const char *uri = cJSON_GetObjectItem(r, "uri")->valuestring;
    char *path = lsp_uri_to_path(uri);
    assert_non_null(path);
    assert_true(strncmp(path, dir, strlen(dir)) == 0);
    size_t elen = 0;
    const char *etext = template_builtin("gov2021", &elen, NULL);
    gir_arena *a = arena_new(NULL);
    char *t = NULL;
    size_t n = 0;
    int e = 0;
    assert_int_equal(io_read_file(a, path, &t, &n, &e), IO_OK);
    assert_int_equal(n, elen);
    assert_memory_equal(t, etext, n);
    /* the range is the declaration of 新收 in that file (utf-8 columns) */
    cJSON *start = cJSON_GetObjectItem(cJSON_GetObjectItem(r, "range"), "start");
    gir_source src;
    source_init(&src, a, path, t, (uint32_t)n);
    uint32_t off = source_offset_at(&src, (uint32_t)cJSON_GetObjectItem(start, "line")->valueint,
                                    (uint32_t)cJSON_GetObjectItem(start, "character")->valueint, 0);
    assert_memory_equal(t + off, "新收 \"一、", strlen("新收 \"一、"));
    cJSON_Delete(whole);
    clear(&s);
    lsp_server_free(srv);
    unlink(path);
    char *slash = strrchr(path, '/');
    *slash = 0;
    rmdir(path);
    rmdir(dir);
    free(path);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_uris),
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_incremental),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_nul_escape),
        cmocka_unit_test(test_definition_cache),
    };
    return cmocka_run_group_tests_name("lsp_server", tests, NULL, NULL);
}

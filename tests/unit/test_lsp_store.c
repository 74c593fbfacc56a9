/* test_lsp_store.c - unit tests for the language server's document
 * store (src/lsp/store.h), without JSON-RPC: open (URI -> file name, a
 * second open is the same document), full and ranged changes in utf-16
 * and utf-8 positions (the compiled version's line table read for the
 * first edit after a compile, not for the next), a dropped (too large) text, close; a second
 * version replaces and frees the first, close and lsp_store_free give
 * every block back, out of memory while compiling leaves no document
 * and no leak (a counting gir_mem, as in test_oom.c); the template cache
 * is built once and shared by every document, also through completion
 * in two documents of one server; source URIs. */
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
#include "base/io.h"
#include "lsp/internal.h"
#include "template/cache.h"

typedef struct counting {
    long calls;     /* malloc_fn calls so far */
    long fail_at;   /* fail this call (1-based); 0 = never */
    long live;      /* blocks handed out and not yet freed */
} counting;

static void *count_malloc(size_t n, void *ud)
{
    counting *c = ud;
    if (++c->calls == c->fail_at)
        return NULL;
    void *p = malloc(n);
    if (p)
        c->live++;
    return p;
}

static void count_free(void *p, void *ud)
{
    counting *c = ud;
    if (p)
        c->live--;
    free(p);
}

/* Compile options whose arenas come from c. */
static gir_options counted(counting *c, gir_mem *m)
{
    m->malloc_fn = count_malloc;
    m->free_fn = count_free;
    m->ud = c;
    gir_options o;
    memset(&o, 0, sizeof o);
    o.mem = m;
    return o;
}

static const char report[] =
    "report \"x\" {\n  template gov2021\n  agency \"a\"\n  year 2021\n}\ntable 申请处理 {\n  新收 1\n}\n";

static lsp_doc *open_doc(lsp_store *st, const char *uri, const char *text, const gir_options *o)
{
    lsp_doc *d = lsp_store_open(st, uri);
    assert_non_null(d);
    lsp_store_set_text(d, text, strlen(text));
    assert_true(lsp_store_compile(d, o));
    return d;
}

static int has_code(const gir_doc *doc, const char *code)
{
    for (size_t i = 0; i < doc->diags.n; i++)
        if (doc->diags.v[i]->code && strcmp(doc->diags.v[i]->code, code) == 0)
            return 1;
    return 0;
}

static void test_open_change_close(void **state)
{
    (void)state;
    lsp_store st;
    lsp_store_init(&st, NULL, NULL);
    gir_options o;
    memset(&o, 0, sizeof o);
    lsp_doc *d = open_doc(&st, "file:///tmp/a%20b.gir", report, &o);
    assert_string_equal(d->name, "/tmp/a b.gir");
    assert_string_equal(d->doc->src.text, report);
    assert_non_null(d->doc->report);
    assert_ptr_equal(lsp_store_open(&st, "file:///tmp/a%20b.gir"), d);   /* open again: the same document */
    assert_int_equal(st.ndocs, 1);
    lsp_doc *u = open_doc(&st, "untitled:Untitled-1", "", &o);
    assert_string_equal(u->name, "untitled:Untitled-1");
    assert_ptr_equal(lsp_store_find(&st, "untitled:Untitled-1"), u);
    /* a full change, then ranged ones (line 6 is "  新收 1") */
    static const char astral[] = "a\xF0\xA0\x80\x80" "b\n";   /* a U+20000 b */
    lsp_store_set_text(d, astral, strlen(astral));
    lsp_range r = {0, 3, 0, 3};                           /* after the pair in utf-16 */
    assert_true(lsp_store_edit(d, &r, 1, "新", strlen("新")));
    assert_string_equal(d->text, "a\xF0\xA0\x80\x80新b\n");
    r = (lsp_range){0, 5, 0, 8};                          /* 新 in utf-8 bytes */
    assert_true(lsp_store_edit(d, &r, 0, "", 0));
    assert_string_equal(d->text, "a\xF0\xA0\x80\x80" "b\n");
    r = (lsp_range){9, 9, 0, 0};                          /* reversed and past the end: all */
    assert_true(lsp_store_edit(d, &r, 1, "X", 1));
    assert_string_equal(d->text, "X");
    assert_int_equal(d->len, 1);
    assert_string_equal(d->doc->src.text, report);       /* not compiled yet */
    assert_true(lsp_store_compile(d, &o));
    assert_string_equal(d->doc->src.text, "X");
    /* after a compile, the first edit reads the compiled line table; the
     * next one (same didChange) must see the line it added */
    lsp_store_set_text(d, "a\nbb\nccc\n", 9);
    assert_true(lsp_store_compile(d, &o));
    r = (lsp_range){1, 1, 1, 1};
    assert_true(lsp_store_edit(d, &r, 1, "\n", 1));    /* "b\nb" */
    assert_string_equal(d->text, "a\nb\nb\nccc\n");
    r = (lsp_range){3, 0, 3, 1};
    assert_true(lsp_store_edit(d, &r, 1, "C", 1));
    assert_string_equal(d->text, "a\nb\nb\nCcc\n");
    /* close */
    assert_true(lsp_store_close(&st, "file:///tmp/a%20b.gir"));
    assert_null(lsp_store_find(&st, "file:///tmp/a%20b.gir"));
    assert_false(lsp_store_close(&st, "file:///tmp/a%20b.gir"));
    assert_int_equal(st.ndocs, 1);
    assert_ptr_equal(lsp_store_find(&st, "untitled:Untitled-1"), u);
    lsp_store_free(&st);
    assert_int_equal(st.ndocs, 0);
    assert_null(st.docs);
}

static void test_dropped_text(void **state)
{
    (void)state;
    lsp_store st;
    lsp_store_init(&st, NULL, NULL);
    gir_options o;
    memset(&o, 0, sizeof o);
    lsp_doc *d = open_doc(&st, "file:///big.gir", report, &o);
    char *big = malloc((size_t)GIR_MAX_FILE_SIZE + 1);   /* never read: too large */
    assert_non_null(big);
    lsp_store_set_text(d, big, (size_t)GIR_MAX_FILE_SIZE + 1);
    free(big);
    assert_true(d->too_large);
    assert_null(d->text);
    lsp_range r = {0, 0, 0, 0};
    assert_false(lsp_store_edit(d, &r, 1, "x", 1));      /* unknown text: ignored */
    assert_true(lsp_store_compile(d, &o));
    assert_true(has_code(d->doc, "E0001"));
    assert_int_equal(d->doc->src.len, 0);
    lsp_store_set_text(d, report, strlen(report));        /* a full change brings it back */
    assert_false(d->too_large);
    assert_true(lsp_store_compile(d, &o));
    assert_false(has_code(d->doc, "E0001"));
    lsp_store_free(&st);
}

/* Compiling a new version frees the previous one: the counter of live
 * blocks stays where one version puts it, and close gives it all back. */
static void test_versions_replace(void **state)
{
    (void)state;
    counting c = {0, 0, 0};
    gir_mem m;
    gir_options o = counted(&c, &m);
    lsp_store st;
    lsp_store_init(&st, NULL, NULL);
    lsp_doc *d = open_doc(&st, "file:///v.gir", report, &o);
    long one = c.live;
    assert_true(one > 0);
    assert_true(lsp_store_compile(d, &o));                /* version 2, the same text */
    assert_int_equal(c.live, one);
    assert_string_equal(d->doc->src.text, report);
    lsp_range r = {6, 5, 6, 6};                           /* 新收 1 -> 新收 2 */
    assert_true(lsp_store_edit(d, &r, 1, "2", 1));
    assert_true(lsp_store_compile(d, &o));                /* version 3 */
    assert_int_equal(c.live, one);
    assert_non_null(strstr(d->doc->src.text, "新收 2"));
    lsp_doc *e = open_doc(&st, "file:///w.gir", report, &o);   /* a second document: twice as much */
    assert_non_null(e->doc);
    assert_int_equal(c.live, 2 * one);
    assert_true(lsp_store_close(&st, "file:///v.gir"));   /* close frees */
    assert_int_equal(c.live, one);
    lsp_store_close_all(&st);
    assert_int_equal(c.live, 0);
    assert_null(st.docs);
    lsp_store_free(&st);
}

/* Out of memory at every allocation of a compile: no document, no leak,
 * and the next compile works. */
static void test_compile_oom(void **state)
{
    (void)state;
    lsp_store st;
    lsp_store_init(&st, NULL, NULL);
    counting c = {0, 0, 0};
    gir_mem m;
    gir_options o = counted(&c, &m);
    lsp_doc *d = lsp_store_open(&st, "file:///oom.gir");
    lsp_store_set_text(d, report, strlen(report));
    int failures = 0;
    for (long n = 1; n < 1000; n++) {
        c.calls = 0;
        c.fail_at = n;
        int ok = lsp_store_compile(d, &o);
        if (c.calls < n)                                   /* nothing left to fail */
            break;
        if (!ok) {
            assert_null(d->doc);
            assert_int_equal(c.live, 0);
            failures++;
        }
    }
    assert_true(failures > 0);
    c.fail_at = 0;
    assert_true(lsp_store_compile(d, &o));
    assert_non_null(d->doc->report);
    lsp_store_free(&st);
    assert_int_equal(c.live, 0);
}

/* The template cache: the process's one compiled copy of each built-in
 * template (template/cache.h), the same schema for every caller; the
 * store keeps no copy of its own. */
static void test_template_cache(void **state)
{
    (void)state;
    lsp_store st;
    lsp_store_init(&st, NULL, NULL);
    counting c = {0, 0, 0};
    gir_mem m;
    gir_options o = counted(&c, &m);
    const gir_schema *a = lsp_store_template(&st, "gov2021", &o);
    assert_non_null(a);
    assert_string_equal(a->name, "gov2021");
    assert_ptr_equal(a, tcache_builtin("gov2021"));         /* the driver's copy */
    long calls = c.calls;
    assert_ptr_equal(lsp_store_template(&st, "gov2021", &o), a);   /* built once */
    assert_int_equal(c.calls, calls);
    assert_null(lsp_store_template(&st, "no-such-template", &o));
    const gir_schema *b = lsp_store_template(&st, "gov2019", &o);
    assert_non_null(b);
    assert_true(a != b);
    assert_int_equal(st.ntemplates, 0);                   /* no copy in the store */
    lsp_store_close_all(&st);                             /* documents only: the cache stays */
    assert_ptr_equal(lsp_store_template(&st, "gov2021", &o), a);
    lsp_store_free(&st);
    assert_int_equal(c.live, 0);
    assert_ptr_equal(tcache_builtin("gov2021"), a);       /* the process's cache outlives the store */
}

/* ---- through a server: completion in two documents shares the cache ---- */

typedef struct sink { char *msgs[64]; int n; } sink;

static void capture(void *ud, const char *json, size_t len)
{
    sink *s = ud;
    if (s->n < 64)
        s->msgs[s->n++] = strndup(json, len);
}

static void clear(sink *s)
{
    for (int i = 0; i < s->n; i++)
        free(s->msgs[i]);
    s->n = 0;
}

static void handle(lsp_server *srv, const char *json)
{
    lsp_server_handle(srv, json, strlen(json));
}

static void open_json(lsp_server *srv, const char *uri, const char *text)
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

static void complete_at(lsp_server *srv, const char *uri, int line, int ch)
{
    char msg[512];
    snprintf(msg, sizeof msg,
             "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"textDocument/completion\",\"params\":"
             "{\"textDocument\":{\"uri\":\"%s\"},\"position\":{\"line\":%d,\"character\":%d}}}",
             uri, line, ch);
    handle(srv, msg);
}

static void test_cache_shared_by_documents(void **state)
{
    (void)state;
    sink s = {{0}, 0};
    lsp_server *srv = lsp_server_new(NULL, capture, &s);
    handle(srv, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
    /* headers that name gov2021 but do not parse: completion falls back on the cache */
    static const char broken[] = "report \"x\" {\n  template gov2021\n}\ntable 申请处理 {\n  \n";
    open_json(srv, "file:///one.gir", broken);
    open_json(srv, "file:///two.gir", broken);
    clear(&s);
    complete_at(srv, "file:///one.gir", 4, 2);
    assert_int_equal(s.n, 1);
    assert_non_null(strstr(s.msgs[0], "新收"));
    const gir_schema *sc = tcache_builtin("gov2021");
    assert_non_null(sc);
    complete_at(srv, "file:///two.gir", 4, 2);
    assert_int_equal(s.n, 2);
    assert_string_equal(s.msgs[0], s.msgs[1]);
    assert_int_equal(srv->store.ntemplates, 0);          /* the process's copy, not one of the store's */
    assert_ptr_equal(tcache_builtin("gov2021"), sc);     /* shared, not built again */
    clear(&s);
    lsp_server_free(srv);
}

static void test_source_uri(void **state)
{
    (void)state;
    lsp_store st;
    lsp_store_init(&st, NULL, NULL);
    gir_options o;
    memset(&o, 0, sizeof o);
    lsp_doc *d = open_doc(&st, "file:///x/this.gir", report, &o);
    char *u = lsp_store_source_uri(&st, d, &d->doc->src);
    assert_string_equal(u, "file:///x/this.gir");
    free(u);
    u = lsp_store_source_uri(&st, d, NULL);
    assert_string_equal(u, "file:///x/this.gir");
    free(u);
    gir_arena *a = arena_new(NULL);
    gir_source src;
    source_init(&src, a, "/x/prev.gir", "", 0);
    u = lsp_store_source_uri(&st, d, &src);               /* not open: its path */
    assert_string_equal(u, "file:///x/prev.gir");
    free(u);
    open_doc(&st, "file:///x/prev%2Egir", "", &o);        /* open under another spelling */
    u = lsp_store_source_uri(&st, d, &src);
    assert_string_equal(u, "file:///x/prev%2Egir");
    free(u);
    open_doc(&st, "file://localhost/x/prev.gir", "", &o); /* the most recently opened wins */
    u = lsp_store_source_uri(&st, d, &src);
    assert_string_equal(u, "file://localhost/x/prev.gir");
    free(u);
    arena_free(a);
    lsp_store_free(&st);
}

/* Past LSP_MAX_DOCS open documents the oldest unmodified one is closed;
 * a modified one is never dropped, nor the one just opened. */
static void test_document_limit(void **state)
{
    (void)state;
    lsp_store st;
    lsp_store_init(&st, NULL, NULL);
    char uri[64];
    for (int i = 0; i < LSP_MAX_DOCS; i++) {
        snprintf(uri, sizeof uri, "untitled:%d", i);
        lsp_doc *d = lsp_store_open(&st, uri);
        assert_non_null(d);
        lsp_store_set_text(d, "x", 1);
        assert_null(lsp_store_evict(&st, d));
    }
    assert_int_equal(st.ndocs, LSP_MAX_DOCS);
    lsp_store_find(&st, "untitled:0")->modified = 1;     /* unsaved edits: kept */
    lsp_doc *d = lsp_store_open(&st, "untitled:new");
    char *gone = lsp_store_evict(&st, d);
    assert_non_null(gone);
    assert_string_equal(gone, "untitled:1");
    free(gone);
    assert_int_equal(st.ndocs, LSP_MAX_DOCS);
    assert_non_null(lsp_store_find(&st, "untitled:0"));
    assert_null(lsp_store_find(&st, "untitled:1"));
    assert_ptr_equal(lsp_store_find(&st, "untitled:new"), d);
    /* all modified: nothing is dropped, the store grows */
    for (size_t i = 0; i < st.ndocs; i++) st.docs[i]->modified = 1;
    d = lsp_store_open(&st, "untitled:more");
    assert_null(lsp_store_evict(&st, d));
    assert_int_equal(st.ndocs, LSP_MAX_DOCS + 1);
    lsp_store_free(&st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_open_change_close),
        cmocka_unit_test(test_dropped_text),
        cmocka_unit_test(test_versions_replace),
        cmocka_unit_test(test_compile_oom),
        cmocka_unit_test(test_template_cache),
        cmocka_unit_test(test_cache_shared_by_documents),
        cmocka_unit_test(test_source_uri),
        cmocka_unit_test(test_document_limit),
    };
    return cmocka_run_group_tests_name("lsp_store", tests, NULL, NULL);
}

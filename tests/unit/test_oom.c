/* test_oom.c - the allocation-failure sweep (issue 7). A counting
 * gir_mem fails its N-th allocation; for every N from 1 until a compile
 * succeeds, compiling the example must not crash, must end with either
 * doc->oom set (or no document at all when the arena or its first
 * block could not be allocated) or a result identical to the normal one,
 * and must give every block back: the counter checks gir_mem's own balance, and the ASan
 * build (build/asan-tests/test_oom, LeakSanitizer) checks memory taken
 * outside gir_mem (utf8proc, cJSON, io) on the failure paths. Also
 * swept: a report with a `previous` report, whose nested compilation
 * shares the allocator; and every back end of the table (with and
 * without --fragment) rendering the checked examples, where the same
 * allocator serves the arena and libcmark (gir_build_opts.mem): each
 * failure must end in GIR_RENDER_NOMEM with every block given back
 * (libcmark's included), or in the normal output byte for byte.
 *
 * The importer is swept the same way (gir_import_run with the counting
 * allocator): every failure point must end with im->oom set (or no
 * import at all when the arena or its first block failed), or with the
 * .gir and diagnostics of the normal run, and give every block back;
 * under ASan, libxml2's documents, iconv descriptors and the parse of
 * the output (released through arena_defer) must not leak either.
 * Swept: a text copy, an HTML page, the same page in GB18030 (iconv) and
 * as UTF-16 with a byte-order mark, and a copy with bad bytes.
 *
 * The language server is swept through its in-process entry
 * (lsp_server_handle) with a scripted session (open, incremental
 * change, hover, completion, formatting, symbols, code actions, save,
 * close, shutdown) whose compilations all use the counting allocator
 * (lsp_config.mem): every failure point must leave the server answering
 * (the shutdown reply comes), and give every block back once the server
 * is freed.
 *
 * The sweep is only as fine as the arena's blocks: with the usual 64 KiB
 * blocks a compile of the example makes about ten allocations. This test
 * carries its own copy of the arena with 512-byte blocks (the linker then
 * leaves libgirc's arena.o out), so that failures land in every phase:
 * lexing, parsing, template loading, checking, diagnostics. (Included
 * before cmocka.h, whose fail() macro would clash.) */
#define BLOCK_MIN 512u
#include "base/arena.c"
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <iconv.h>
#include "driver/compile.h"
#include "check/check.h"
#include "render/render.h"
#include "import/import.h"
#include "lsp/server.h"

typedef struct counting {
    long calls;     /* malloc_fn calls so far */
    long fail_at;   /* fail this call (1-based); 0 = never */
    long live;      /* blocks handed out and not yet freed */
    long failed;    /* failures injected */
} counting;

static void *count_malloc(size_t n, void *ud)
{
    counting *c = ud;
    if (++c->calls == c->fail_at) { c->failed++; return NULL; }
    void *p = malloc(n);
    if (p) c->live++;
    return p;
}

static void count_free(void *p, void *ud)
{
    counting *c = ud;
    if (p) c->live--;
    free(p);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (!s || fread(s, 1, (size_t)n, f) != (size_t)n) n = 0;
    if (s) s[n] = 0;
    fclose(f);
    *len = (size_t)n;
    return s;
}

/* Every diagnostic as "sev code msg\n", sorted (to compare results). */
static char *report_text(gir_doc *d)
{
    diags_sort(&d->diags);
    size_t cap = 1, n = 0;
    for (size_t i = 0; i < d->diags.n; i++) cap += strlen(d->diags.v[i]->msg) + 32;
    char *s = malloc(cap);
    assert_non_null(s);
    s[0] = 0;
    for (size_t i = 0; i < d->diags.n; i++)
        n += (size_t)snprintf(s + n, cap - n, "%d %s %s\n", (int)d->diags.v[i]->sev, d->diags.v[i]->code,
                              d->diags.v[i]->msg);
    return s;
}

/* Sweeps text (malloc'd, freed here) compiled under the name path;
 * returns the number of failure points tried. */
static long sweep_text(const char *path, char *text, size_t len)
{

    /* the reference: the normal allocator, counted but never failing */
    counting ref = {0, 0, 0, 0};
    gir_mem mem = {count_malloc, count_free, &ref};
    gir_options o = {0};
    o.mem = &mem;
    gir_doc *d = gir_doc_compile(path, text, len, &o);
    assert_non_null(d);
    assert_false(d->oom);
    long total = ref.calls;              /* before report_text, which sorts in the arena */
    char *want = report_text(d);
    gir_doc_free(d);
    assert_int_equal(ref.live, 0);
    assert_true(total > 0);

    long n;
    for (n = 1;; n++) {
        counting c = {0, n, 0, 0};
        mem.ud = &c;
        d = gir_doc_compile(path, text, len, &o);
        if (c.failed == 0) {             /* every allocation succeeded: done */
            assert_non_null(d);
            assert_false(d->oom);
            c.fail_at = 0;               /* report_text's sort allocates too */
            char *got = report_text(d);
            assert_string_equal(got, want);
            free(got);
            gir_doc_free(d);
            assert_int_equal(c.live, 0);
            break;
        }
        if (!d) {
            /* no document: only when the arena or its first block failed */
            if (n > 2) fail_msg("%s: allocation %ld failed and no document came back", path, n);
        } else {
            if (!d->oom) fail_msg("%s: allocation %ld of %ld failed but doc->oom is not set", path, n, total);
        }
        gir_doc_free(d);
        if (c.live != 0) fail_msg("%s: allocation %ld failed: %ld block(s) not freed", path, n, c.live);
        assert_true(n <= total);
    }
    assert_int_equal(n, total + 1);
    free(want);
    free(text);
    return n;
}

static long sweep(const char *path)
{
    size_t len = 0;
    char *text = slurp(path, &len);
    assert_non_null(text);
    return sweep_text(path, text, len);
}

static void test_sweep_example(void **state)
{
    (void)state;
    long n = sweep("examples/xinhua-gongan-2021.gir");
    print_message("examples/xinhua-gongan-2021.gir: %ld allocation failure points\n", n - 1);
}

static void test_sweep_with_previous(void **state)
{
    (void)state;
    long n = sweep("tests/golden/023-previous-carry-over.gir");
    print_message("tests/golden/023-previous-carry-over.gir: %ld allocation failure points\n", n - 1);
}

/* One report's result in the batch's arena (gir_options.arena), which
 * gir_doc_free empties; "" when it ran out of memory. */
static char *batch_one(gir_arena *keep, counting *c, const char *path, const char *text, size_t len)
{
    gir_options o = {0};
    o.arena = keep;
    gir_doc *d = gir_doc_compile(path, text, len, &o);
    long fail_at = c->fail_at;
    c->fail_at = 0;   /* report_text's sort allocates too */
    char *got = d && !d->oom ? report_text(d) : strdup("");
    c->fail_at = fail_at;
    gir_doc_free(d);
    assert_non_null(got);
    return got;
}

/* girc check DIR compiles every report in one arena, reset in between
 * (arena_reset): for every failure point of the first report, that one
 * ends in doc->oom (or no document) or its normal result, and the next
 * report in the same arena gives its normal result; between reports the
 * arena holds at most its kept blocks, and when freed it gives every
 * block back. */
static void test_sweep_batch_arena(void **state)
{
    (void)state;
    const char *p1 = "examples/xinhua-gongan-2021.gir", *p2 = "tests/golden/023-previous-carry-over.gir";
    size_t l1 = 0, l2 = 0;
    char *t1 = slurp(p1, &l1), *t2 = slurp(p2, &l2);
    assert_non_null(t1);
    assert_non_null(t2);
    counting c = {0, 0, 0, 0};
    gir_mem mem = {count_malloc, count_free, &c};
    gir_arena *keep = arena_new(&mem);
    char *w1 = batch_one(keep, &c, p1, t1, l1), *w2 = batch_one(keep, &c, p2, t2, l2);
    arena_free(keep);
    assert_int_equal(c.live, 0);
    long n;
    for (n = 2;; n++) {   /* 1 is the arena itself */
        counting k = {0, 0, 0, 0};
        mem.ud = &k;
        keep = arena_new(&mem);
        assert_non_null(keep);
        k.fail_at = k.calls + n - 1;
        char *g1 = batch_one(keep, &k, p1, t1, l1);
        int failed = k.failed != 0;
        k.fail_at = 0;
        if (!failed) assert_string_equal(g1, w1);
        else if (*g1) assert_string_equal(g1, w1);   /* a failure it got over (the previous report's text) */
        char *g2 = batch_one(keep, &k, p2, t2, l2);
        assert_string_equal(g2, w2);
        if (k.live > 1 + (long)KEEP_BLOCKS) fail_msg("allocation %ld: %ld blocks kept between reports", n, k.live - 1);
        arena_free(keep);
        if (k.live != 0) fail_msg("allocation %ld failed: %ld block(s) not freed", n, k.live);
        free(g1);
        free(g2);
        if (!failed) break;
    }
    print_message("batch arena: %ld allocation failure points\n", n - 2);
    free(w1);
    free(w2);
    free(t1);
    free(t2);
}

/* Waivers (check/waive.c): their keys, the findings' index, the notes. */
static void test_sweep_waivers(void **state)
{
    (void)state;
    long n = sweep("tests/golden/750-waiver-waives.gir");
    print_message("tests/golden/750-waiver-waives.gir: %ld allocation failure points\n", n - 1);
}

/* Deeper than bison's initial stack (200): the parser's stacks grow
 * while the arena may run out. */
static void test_sweep_deep_nesting(void **state)
{
    (void)state;
    const int depth = 300;
    size_t cap = 200 + (size_t)depth * 32, n = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    n += (size_t)snprintf(text + n, cap - n, "template deep \"d\" {\n table t \"t\" {\n  columns { c \"c\" }\n  rows { ");
    for (int i = 0; i < depth; i++) n += (size_t)snprintf(text + n, cap - n, "group g%d \"g\" { ", i);
    n += (size_t)snprintf(text + n, cap - n, "x \"x\"");
    for (int i = 0; i < depth; i++) n += (size_t)snprintf(text + n, cap - n, " }");
    n += (size_t)snprintf(text + n, cap - n, " }\n }\n}\n");
    long k = sweep_text("deep.gir", text, n);
    print_message("deep.gir (%d nested groups): %ld allocation failure points\n", depth, k - 1);
}

/* ---- the renderers ---- */

/* Renders r with back end b into a new arena on mem; the output (malloc'd)
 * in *out when it is complete. Returns the status, or -1 when the arena
 * itself could not be made. */
static int render_on(const gir_report *r, const gir_backend *b, int fragment, gir_mem *mem, char **out)
{
    *out = NULL;
    gir_arena *a = arena_new(mem);
    if (!a) return -1;
    gir_build_opts o = {b, fragment, mem, NULL, NULL, 0, NULL, NULL};
    gir_buf buf;
    buf_init(&buf, a);
    gir_render_status st = gir_render(r, &o, a, &buf);
    if (st == GIR_RENDER_OK) {
        *out = strdup(buf_cstr(&buf));
        assert_non_null(*out);
    }
    arena_free(a);
    return (int)st;
}

/* Sweeps one back end over r; returns the number of failure points. */
static long sweep_render(const char *path, const gir_report *r, const gir_backend *b, int fragment)
{
    counting ref = {0, 0, 0, 0};
    gir_mem mem = {count_malloc, count_free, &ref};
    char *want = NULL;
    assert_int_equal(render_on(r, b, fragment, &mem, &want), GIR_RENDER_OK);
    assert_int_equal(ref.live, 0);
    long total = ref.calls;
    long n;
    for (n = 1;; n++) {
        counting c = {0, n, 0, 0};
        mem.ud = &c;
        char *got = NULL;
        int st = render_on(r, b, fragment, &mem, &got);
        if (c.failed == 0) {
            assert_int_equal(st, GIR_RENDER_OK);
            assert_string_equal(got, want);
            free(got);
            break;
        }
        if (st != GIR_RENDER_NOMEM && !(st == -1 && n == 1))
            fail_msg("%s as %s: allocation %ld of %ld failed: status %d", path, b->name, n, total, st);
        if (c.live != 0) fail_msg("%s as %s: allocation %ld failed: %ld block(s) not freed", path, b->name, n, c.live);
        free(got);
        assert_true(n <= total);
    }
    assert_int_equal(n, total + 1);
    free(want);
    return n - 1;
}

static void sweep_renders(const char *path)
{
    size_t len = 0;
    char *text = slurp(path, &len);
    assert_non_null(text);
    gir_options o = {0};
    gir_doc *d = gir_doc_compile(path, text, len, &o);
    assert_non_null(d);
    assert_non_null(d->report);
    assert_int_equal(d->diags.nerrors, 0);
    for (const gir_backend *const *b = gir_backends; *b; b++)
        for (int fragment = 0; fragment <= (*b)->fragment; fragment++) {
            long k = sweep_render(path, d->report, *b, fragment);
            print_message("%s as %s%s: %ld allocation failure points\n", path, (*b)->name, fragment ? " --fragment" : "", k);
        }
    gir_doc_free(d);
    free(text);
}

static void test_sweep_render_example(void **state)
{
    (void)state;
    sweep_renders("examples/xinhua-gongan-2021.gir");
}

/* Raw HTML, code blocks, images and links: every rewrite of prose.c. */
static void test_sweep_render_hostile(void **state)
{
    (void)state;
    sweep_renders("tests/data/evil.gir");
}

/* ---- the importer ---- */

/* The .gir and every diagnostic of an import (malloc'd), to compare. */
static char *import_text(gir_import *im)
{
    diags_sort(&im->diags);
    size_t cap = im->gir_len + 64, n = 0;
    for (size_t i = 0; i < im->diags.n; i++) cap += strlen(im->diags.v[i]->msg) + 64;
    char *s = malloc(cap);
    assert_non_null(s);
    n += (size_t)snprintf(s + n, cap - n, "%s\n%s\n", im->template_name ? im->template_name : "-", im->gir ? im->gir : "");
    for (size_t i = 0; i < im->diags.n; i++)
        n += (size_t)snprintf(s + n, cap - n, "%d %s %u %s\n", (int)im->diags.v[i]->sev, im->diags.v[i]->code,
                              im->diags.v[i]->span.start, im->diags.v[i]->msg);
    return s;
}

/* Sweeps the import of text (len bytes, not freed) named path, which
 * reads as encoding; returns the number of failure points tried. */
static long sweep_import(const char *path, const char *text, size_t len, const char *encoding)
{
    counting ref = {0, 0, 0, 0};
    gir_mem mem = {count_malloc, count_free, &ref};
    gir_import_opts o = {GIR_LANG_ZH, "import.gir", &mem};
    gir_import *im = gir_import_run(path, text, len, &o);
    assert_non_null(im);
    assert_false(im->oom);
    assert_string_equal(im->encoding, encoding);
    long total = ref.calls;
    char *want = import_text(im);
    gir_import_free(im);
    assert_int_equal(ref.live, 0);
    long n;
    for (n = 1;; n++) {
        counting c = {0, n, 0, 0};
        mem.ud = &c;
        im = gir_import_run(path, text, len, &o);
        if (c.failed == 0) {
            assert_non_null(im);
            assert_false(im->oom);
            c.fail_at = 0;
            char *got = import_text(im);
            assert_string_equal(got, want);
            free(got);
            gir_import_free(im);
            assert_int_equal(c.live, 0);
            break;
        }
        if (!im) {
            if (n > 2) fail_msg("%s: allocation %ld failed and no import came back", path, n);
        } else if (!im->oom) {
            fail_msg("%s: allocation %ld of %ld failed but im->oom is not set", path, n, total);
        }
        gir_import_free(im);
        if (c.live != 0) fail_msg("%s: allocation %ld failed: %ld block(s) not freed", path, n, c.live);
        assert_true(n <= total);
    }
    assert_int_equal(n, total + 1);
    free(want);
    return n;
}

static void sweep_import_file(const char *path, const char *encoding)
{
    size_t len = 0;
    char *text = slurp(path, &len);
    assert_non_null(text);
    long n = sweep_import(path, text, len, encoding);
    print_message("import %s: %ld allocation failure points\n", path, n - 1);
    free(text);
}

/* text converted from UTF-8 to encoding `to` with iconv (malloc'd). */
static char *recode(const char *to, const char *text, size_t len, size_t *out_len)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t cap = len * 4 + 16, ol = cap;
    char *out = malloc(cap), *op = out, *ip = (char *)text;
    assert_non_null(out);
    size_t il = len;
    assert_true(iconv(cd, &ip, &il, &op, &ol) != (size_t)-1);
    iconv_close(cd);
    *out_len = cap - ol;
    return out;
}

static void test_import_text(void **state)
{
    (void)state;
    sweep_import_file("tests/import/corpus/seed-mahekou-2020.txt", "UTF-8");
}

static void test_import_html(void **state)
{
    (void)state;
    sweep_import_file("tests/import/damaged/synthetic-2021.html", "UTF-8");
}

static void test_import_bad_bytes(void **state)
{
    (void)state;
    sweep_import_file("tests/import/damaged/bad-bytes.txt", "UTF-8");
}

/* Web pages as they are: HTML in a script string (unescaped, the page's
 * head parsed too), Markdown and footers cut from the working text, a
 * control character reference, digits the prose settles. */
static void test_import_web(void **state)
{
    (void)state;
    sweep_import_file("tests/import/web/script-2023.html", "UTF-8");
    sweep_import_file("tests/import/web/markdown-2023.txt", "UTF-8");
    sweep_import_file("tests/import/web/nulref-2023.html", "UTF-8");
    sweep_import_file("tests/import/web/prose-split-2023.txt", "UTF-8");
}

/* Word documents (tests/import/docx/make.py): the zip, the reader and
 * every part are deferred releases, so each failure point frees them
 * (ASan's leak check, in the sanitized build, sees libzip and libxml2). */
static void test_import_docx(void **state)
{
    (void)state;
    sweep_import_file("tests/import/docx/tiny.docx", "UTF-8");
}

/* A .docx refused half way (not well-formed XML): the error path too. */
static void test_import_docx_error(void **state)
{
    (void)state;
    sweep_import_file("tests/import/docx/bad-xml.docx", "UTF-8");
}

/* A PDF: poppler's objects are deferred releases of the arena, so an
 * out-of-memory unwind anywhere after them leaks nothing. */
static void test_import_pdf(void **state)
{
    (void)state;
    sweep_import_file("tests/import/pdf/hongze-gov-2024.pdf", "PDF");
}

/* The page in GB18030 declaring gbk: read through iconv (strict). */
static void test_import_gb18030(void **state)
{
    (void)state;
    size_t len = 0, n = 0;
    char *page = slurp("tests/import/damaged/synthetic-2021.html", &len);
    assert_non_null(page);
    char *at = strstr(page, "charset=\"utf-8\"");
    assert_non_null(at);
    memcpy(at, "charset=\"gbk\"  ", 15);
    char *gb = recode("GB18030", page, len, &n);
    long k = sweep_import("synthetic-gb18030.html", gb, n, "GB18030");
    print_message("import synthetic-2021.html in GB18030: %ld allocation failure points\n", k - 1);
    free(gb);
    free(page);
}

/* The text copy in UTF-16 with a byte-order mark: iconv, not strict. */
static void test_import_utf16(void **state)
{
    (void)state;
    size_t len = 0, n = 0;
    char *text = slurp("tests/import/corpus/excerpt-009.txt", &len);
    assert_non_null(text);
    char *u16 = recode("UTF-16LE", text, len, &n);
    char *bom = malloc(n + 2);
    assert_non_null(bom);
    bom[0] = (char)0xFF;
    bom[1] = (char)0xFE;
    memcpy(bom + 2, u16, n);
    long k = sweep_import("excerpt-009-utf16.txt", bom, n + 2, "UTF-16LE");
    print_message("import excerpt-009.txt in UTF-16: %ld allocation failure points\n", k - 1);
    free(bom);
    free(u16);
    free(text);
}

/* ---- the language server ---- */

typedef struct replies {
    long n;
    int shutdown_ok;   /* the reply to id 99 came */
} replies;

static void lsp_send(void *ud, const char *json, size_t len)
{
    replies *r = ud;
    r->n++;
    if (len >= 20 && strstr(json, "\"id\":99") && strstr(json, "\"result\":null")) r->shutdown_ok = 1;
}

static const char *const lsp_script[] = {
    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}",
    "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}",
    "@open",
    "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"file:///m.gir\",\"version\":2},"
    "\"contentChanges\":[{\"range\":{\"start\":{\"line\":1,\"character\":0},\"end\":{\"line\":1,\"character\":0}},\"text\":\"  \"}]}}",
    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"file:///m.gir\"},\"position\":{\"line\":1,\"character\":4}}}",
    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/completion\",\"params\":{\"textDocument\":{\"uri\":\"file:///m.gir\"},\"position\":{\"line\":8,\"character\":2}}}",
    "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"textDocument/formatting\",\"params\":{\"textDocument\":{\"uri\":\"file:///m.gir\"},\"options\":{\"tabSize\":2,\"insertSpaces\":true}}}",
    "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"textDocument/documentSymbol\",\"params\":{\"textDocument\":{\"uri\":\"file:///m.gir\"}}}",
    "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"textDocument/codeAction\",\"params\":{\"textDocument\":{\"uri\":\"file:///m.gir\"},"
    "\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":20,\"character\":0}},\"context\":{\"diagnostics\":[]}}}",
    "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didSave\",\"params\":{\"textDocument\":{\"uri\":\"file:///m.gir\"}}}",
    "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didClose\",\"params\":{\"textDocument\":{\"uri\":\"file:///m.gir\"}}}",
    "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"shutdown\"}",
    "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}",
    NULL,
};

/* Runs the scripted session with mem; the replies seen. */
static replies lsp_session(const gir_mem *mem, const char *open_msg)
{
    lsp_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.lang = GIR_LANG_EN;
    cfg.lang_set = 1;
    cfg.cache_dir = "build/lsp-cache";
    cfg.mem = mem;
    replies r = {0, 0};
    lsp_server *s = lsp_server_new(&cfg, lsp_send, &r);
    assert_non_null(s);
    for (size_t i = 0; lsp_script[i]; i++) {
        const char *m = strcmp(lsp_script[i], "@open") == 0 ? open_msg : lsp_script[i];
        lsp_server_handle(s, m, strlen(m));
    }
    lsp_server_free(s);
    return r;
}

static void test_sweep_lsp(void **state)
{
    (void)state;
    size_t len = 0;
    char *text = slurp("tests/lsp/mini-report.gir", &len);
    assert_non_null(text);
    /* the didOpen message with the text as a JSON string */
    size_t cap = len * 6 + 256, k = 0;
    char *open_msg = malloc(cap);
    assert_non_null(open_msg);
    k += (size_t)snprintf(open_msg, cap, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
                                         "{\"uri\":\"file:///m.gir\",\"languageId\":\"gir\",\"version\":1,\"text\":\"");
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ch == '"' || ch == '\\') { open_msg[k++] = '\\'; open_msg[k++] = (char)ch; }
        else if (ch == '\n') { open_msg[k++] = '\\'; open_msg[k++] = 'n'; }
        else if (ch < 0x20) k += (size_t)snprintf(open_msg + k, cap - k, "\\u%04x", ch);
        else open_msg[k++] = (char)ch;
    }
    snprintf(open_msg + k, cap - k, "\"}}}");
    free(text);

    counting ref = {0, 0, 0, 0};
    gir_mem mem = {count_malloc, count_free, &ref};
    replies r = lsp_session(&mem, open_msg);
    assert_true(r.shutdown_ok);
    assert_int_equal(ref.live, 0);
    long total = ref.calls;
    assert_true(total > 0);
    long n;
    for (n = 1;; n++) {
        counting c = {0, n, 0, 0};
        mem.ud = &c;
        r = lsp_session(&mem, open_msg);
        if (!r.shutdown_ok) fail_msg("lsp: allocation %ld of %ld failed and the server stopped answering", n, total);
        if (c.live != 0) fail_msg("lsp: allocation %ld failed: %ld block(s) not freed", n, c.live);
        if (c.failed == 0) break;
        assert_true(n <= total);
    }
    assert_int_equal(n, total + 1);
    free(open_msg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sweep_example),
        cmocka_unit_test(test_sweep_with_previous),
        cmocka_unit_test(test_sweep_batch_arena),
        cmocka_unit_test(test_sweep_waivers),
        cmocka_unit_test(test_sweep_deep_nesting),
        cmocka_unit_test(test_sweep_render_example),
        cmocka_unit_test(test_sweep_render_hostile),
        cmocka_unit_test(test_import_text),
        cmocka_unit_test(test_import_html),
        cmocka_unit_test(test_import_pdf),
        cmocka_unit_test(test_import_bad_bytes),
        cmocka_unit_test(test_import_web),
        cmocka_unit_test(test_import_gb18030),
        cmocka_unit_test(test_import_utf16),
        cmocka_unit_test(test_sweep_lsp),
        cmocka_unit_test(test_import_docx),
        cmocka_unit_test(test_import_docx_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

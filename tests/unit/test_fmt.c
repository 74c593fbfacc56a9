/* test_fmt.c - unit tests for the formatter (fmt.c, layout.c,
 * diff.c). On every .gir file in examples/, tests/golden/ (and prev/),
 * tests/lsp/ and stdlib/: idempotence, losslessness (every
 * token, comment and prose block byte for byte, in order) and an
 * identical checked report (same diagnostics, same cells). Files with
 * syntax errors must be refused. Plus layout cases: CJK alignment, blank
 * lines, trailing comments, CRLF, BOM, templates, the diff, and every
 * allocation failure. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "driver/compile.h"
#include "check/check.h"
#include "fmt/fmt.h"
#include "base/io.h"
#include "syntax/lexer.h"
#include "parser.h"

static const char *fmt_ok(gir_arena *a, const char *in)
{
    const char *out = NULL;
    size_t n = 0;
    gir_fmt_status st = gir_fmt_source("t.gir", in, strlen(in), NULL, a, &out, &n, NULL);
    if (st != GIR_FMT_OK) fail_msg("status %d for:\n%s", st, in);
    return out;
}

/* Tokens of a text (kind + bytes), NEWLINE dropped, comments kept. */
static char *token_dump(gir_arena *a, const char *text, size_t len)
{
    gir_source src;
    char *copy = arena_strndup(a, text, len);
    source_init(&src, a, "t", copy, (uint32_t)len);
    gir_diags dg;
    diags_init(&dg, a, GIR_LANG_EN);
    gir_lexer lx;
    lexer_init(&lx, a, &dg, &src);
    lx.emit_comments = 1;
    gir_buf b;
    buf_init(&b, a);
    for (;;) {
        gir_node *v;
        gir_span sp;
        int k = lexer_next(&lx, &v, &sp);
        if (k == YYEOF) break;
        if (k == NEWLINE) continue;
        buf_printf(&b, "%d:", k);
        buf_put(&b, copy + sp.start, sp.end - sp.start);
        buf_putc(&b, '\x1f');
    }
    return (char *)buf_cstr(&b);
}

static void same_report(const gir_doc *x, const gir_doc *y, const char *path)
{
    if (x->diags.n != y->diags.n) fail_msg("%s: %zu vs %zu diagnostics", path, x->diags.n, y->diags.n);
    for (size_t i = 0; i < x->diags.n; i++) {
        const gir_diag *a = x->diags.v[i], *b = y->diags.v[i];
        if (a->sev != b->sev || strcmp(a->code, b->code) || strcmp(a->msg, b->msg))
            fail_msg("%s: diagnostic %zu differs: %s / %s", path, i, a->msg, b->msg);
    }
    const gir_report *r = x->report, *s = y->report;
    if (!r || !s) { if (r != s) fail_msg("%s: one report missing", path); return; }
    if (!r->schema || !s->schema) return;
    for (size_t i = 0; i < r->schema->nsections; i++) {
        const char *p = r->sections[i].prose, *q = s->sections[i].prose;
        if ((p == NULL) != (q == NULL) || (p && strcmp(p, q))) fail_msg("%s: section %zu prose differs", path, i);
    }
    for (size_t t = 0; t < r->schema->ntables; t++)
        for (size_t bl = 0; bl < r->schema->tables[t]->nblocks; bl++) {
            const gir_block *b = r->schema->tables[t]->blocks[bl];
            for (size_t k = 0; k < b->nrows * b->ncols; k++) {
                const gir_cell *c = &r->tables[t].blocks[bl].cells[k], *d = &s->tables[t].blocks[bl].cells[k];
                if (c->state != d->state || c->v.m != d->v.m || c->v.scale != d->v.scale || c->derived != d->derived ||
                    c->mismatch != d->mismatch || c->expected.m != d->expected.m ||
                    ((c->text == NULL) != (d->text == NULL)) || (c->text && strcmp(c->text, d->text)))
                    fail_msg("%s: table %zu block %zu cell %zu differs", path, t, bl, k);
            }
        }
}

static void check_file(const char *path)
{
    gir_arena *a = arena_new(NULL);
    char *text = NULL;
    size_t len = 0;
    int e = 0;
    assert_int_equal(io_read_file(a, path, &text, &len, &e), IO_OK);
    const char *out = NULL, *out2 = NULL;
    size_t n = 0, n2 = 0;
    gir_doc *parsed = NULL;
    gir_fmt_status st = gir_fmt_source(path, text, len, NULL, a, &out, &n, &parsed);
    if (st == GIR_FMT_SYNTAX) {
        assert_true(parsed->diags.nerrors > 0);
        gir_doc_free(parsed);
        arena_free(a);
        return;
    }
    gir_doc_free(parsed);
    if (st != GIR_FMT_OK) fail_msg("%s: status %d", path, st);
    /* idempotent */
    assert_int_equal(gir_fmt_source(path, out, n, NULL, a, &out2, &n2, NULL), GIR_FMT_OK);
    if (n != n2 || memcmp(out, out2, n)) fail_msg("%s: not idempotent", path);
    /* lossless: tokens, comments and prose byte for byte */
    if (strcmp(token_dump(a, text, len), token_dump(a, out, n)) != 0) fail_msg("%s: tokens differ", path);
    /* the same checked report */
    gir_doc *x = gir_doc_compile(path, text, len, NULL), *y = gir_doc_compile(path, out, n, NULL);
    diags_sort(&x->diags);
    diags_sort(&y->diags);
    same_report(x, y, path);
    gir_doc_free(x);
    gir_doc_free(y);
    arena_free(a);
}

static void test_all_files(void **state)
{
    (void)state;
    static const char *const pats[] = {"examples/*.gir", "examples/errors/*.gir", "tests/golden/*.gir",
                                       "tests/golden/prev/*.gir", "tests/lsp/*.gir", "stdlib/*.gir"};
    size_t total = 0;
    for (size_t i = 0; i < sizeof pats / sizeof pats[0]; i++) {
        glob_t g;
        if (glob(pats[i], 0, NULL, &g) != 0) continue;
        for (size_t k = 0; k < g.gl_pathc; k++, total++) check_file(g.gl_pathv[k]);
        globfree(&g);
    }
    assert_true(total >= 4);
}

static void test_alignment(void **state)
{
    (void)state;
    gir_arena *a = arena_new(NULL);
    const char *in =
        "report \"r\" {\n template gov2021   # t\n agency \"甲\"\n    year 2021 # y\n}\n"
        "table 申请处理 {\n新收 17 3 0 0 2 1 23\n  结转   2 0 0 0 0 0 2\n逾期不补正 1 x=1   # c\n}\n"
        "table 复议诉讼 {\n  2 1 0 1 4  1 0 0 1 2\n}\n";
    const char *want =
        "report \"r\" {\n  template gov2021  # t\n  agency   \"甲\"\n  year     2021  # y\n}\n\n"
        "table 申请处理 {\n  新收        17 3 0 0 2 1 23\n  结转         2 0 0 0 0 0  2\n  逾期不补正  1 x=1  # c\n}\n\n"
        "table 复议诉讼 {\n  2 1 0 1 4 1 0 0 1 2\n}\n";
    assert_string_equal(fmt_ok(a, in), want);
    assert_string_equal(fmt_ok(a, want), want);
    arena_free(a);
}

static void test_blank_lines_comments(void **state)
{
    (void)state;
    gir_arena *a = arena_new(NULL);
    const char *in = "\n\n# head\n\n\n# about a\nsection a \"x\"   \nsection b \"\"\"\n  keep   this  \n\n\n\"\"\"\n"
                     "table t {\n\n  # first\n\n\n  r 1\n\n}\n# tail";
    const char *want = "# head\n\n# about a\nsection a \"x\"\n\nsection b \"\"\"\n  keep   this  \n\n\n\"\"\"\n\n"
                       "table t {\n  # first\n\n  r  1\n}\n\n# tail\n";
    assert_string_equal(fmt_ok(a, in), want);
    arena_free(a);
}

/* Comments keep their bytes, trailing spaces included (fuzz_fmt found
 * that stripping them made the formatter refuse its own output). */
static void test_comment_bytes(void **state)
{
    (void)state;
    gir_arena *a = arena_new(NULL);
    assert_string_equal(fmt_ok(a, "# a  \n  # b \t\nsection a \"x\"  # c  "),
                        "# a  \n# b \t\nsection a \"x\"  # c  \n");
    assert_string_equal(fmt_ok(a, "## xinhua-go "), "## xinhua-go \n");
    arena_free(a);
}

static void test_crlf_bom(void **state)
{
    (void)state;
    gir_arena *a = arena_new(NULL);
    assert_string_equal(fmt_ok(a, "\xEF\xBB\xBFsection a \"x\"\r\n# c\r\n"), "\xEF\xBB\xBFsection a \"x\"\n\n# c\n");
    assert_string_equal(fmt_ok(a, ""), "");
    assert_string_equal(fmt_ok(a, "\n\n"), "");
    arena_free(a);
}

static void test_template(void **state)
{
    (void)state;
    gir_arena *a = arena_new(NULL);
    const char *in = "template t \"T\" { source \"s\"\n years 2021..9999\n"
                     "table x \"X\" { columns { a \"A\" : money(万元,元)  b \"B\" total \"T\"=sum(a..b) }\n"
                     " rows { r \"R\" }\n rule \"R1\" error over each column: r + 1 == r \"msg\" } }\n";
    const char *want = "template t \"T\" {\n  source \"s\"\n  years 2021 .. 9999\n  table x \"X\" {\n    columns {\n"
                       "      a \"A\" : money(万元, 元)\n      b \"B\"\n      total \"T\" = sum(a .. b)\n    }\n"
                       "    rows {\n      r \"R\"\n    }\n    rule \"R1\" error over each column: r + 1 == r\n      \"msg\"\n  }\n}\n";
    assert_string_equal(fmt_ok(a, in), want);
    assert_string_equal(fmt_ok(a, want), want);
    arena_free(a);
}

static void test_refuses_syntax_errors(void **state)
{
    (void)state;
    gir_arena *a = arena_new(NULL);
    const char *out = NULL;
    size_t n = 0;
    gir_doc *d = NULL;
    const char *bad = "table t {\n  新收 1 @ 2\n}\n";
    assert_int_equal(gir_fmt_source("t.gir", bad, strlen(bad), NULL, a, &out, &n, &d), GIR_FMT_SYNTAX);
    assert_null(out);
    assert_true(d->diags.nerrors > 0);
    gir_doc_free(d);
    const char *xml = "<?xml version=\"1.0\"?>\n<repository version=\"1.2\"/>\n";   /* GObject Introspection */
    assert_int_equal(gir_fmt_source("x.gir", xml, strlen(xml), NULL, a, &out, &n, NULL), GIR_FMT_SYNTAX);
    arena_free(a);
}

static void test_diff(void **state)
{
    (void)state;
    gir_arena *a = arena_new(NULL);
    gir_buf b;
    buf_init(&b, a);
    const char *x = "1\n2\n3\n4\n5\n6\n7\n8\n9\n", *y = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
    fmt_diff(&b, "a", x, strlen(x), "b", y, strlen(y));
    assert_string_equal(buf_cstr(&b), "--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
    gir_buf c;
    buf_init(&c, a);
    fmt_diff(&c, "a", x, strlen(x), "b", x, strlen(x));
    assert_int_equal(c.n, 0);
    gir_buf d;
    buf_init(&d, a);
    fmt_diff(&d, "a", "x", 1, "b", "x\ny\n", 4);
    assert_string_equal(buf_cstr(&d), "--- a\n+++ b\n@@ -1,1 +1,2 @@\n-x\n+x\n+y\n");
    arena_free(a);
}

/* ---- out of memory ---- */

typedef struct counting {
    long calls, fail_at, live;
} counting;

static void *count_malloc(size_t n, void *ud)
{
    counting *c = ud;
    if (++c->calls == c->fail_at) return NULL;
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

/* Failing each allocation in turn: the formatter answers GIR_FMT_NOMEM
 * or the normal result, and gives every block back (its scratch memory
 * is one protected call, arena_protect). */
static void test_out_of_memory(void **state)
{
    (void)state;
    glob_t g;
    assert_int_equal(glob("stdlib/*.gir", 0, NULL, &g), 0);
    gir_arena *a = arena_new(NULL);
    char *text = NULL;
    size_t len = 0;
    int e = 0;
    assert_int_equal(io_read_file(a, g.gl_pathv[0], &text, &len, &e), IO_OK);
    const char *want = NULL;
    size_t want_n = 0;
    assert_int_equal(gir_fmt_source("t.gir", text, len, NULL, a, &want, &want_n, NULL), GIR_FMT_OK);
    int ok = 0;
    long points = 0;
    for (long n = 1; !ok && n < 10000; n++) {
        counting c = {0, n, 0};
        gir_mem mem = {count_malloc, count_free, &c};
        gir_options o = {0};
        o.mem = &mem;
        gir_arena *out = arena_new(NULL);
        const char *r = NULL;
        size_t rn = 0;
        gir_fmt_status st = gir_fmt_source("t.gir", text, len, &o, out, &r, &rn, NULL);
        assert_true(st == GIR_FMT_OK || st == GIR_FMT_NOMEM);
        if (st == GIR_FMT_OK) {
            assert_int_equal(rn, want_n);
            assert_memory_equal(r, want, rn);
            ok = 1;
        }
        assert_int_equal(c.live, 0);
        arena_free(out);
        points = n;
    }
    assert_true(ok);
    print_message("%s: %ld allocation failure points\n", g.gl_pathv[0], points - 1);
    globfree(&g);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_files),
        cmocka_unit_test(test_alignment),
        cmocka_unit_test(test_blank_lines_comments),
        cmocka_unit_test(test_comment_bytes),
        cmocka_unit_test(test_crlf_bom),
        cmocka_unit_test(test_template),
        cmocka_unit_test(test_refuses_syntax_errors),
        cmocka_unit_test(test_diff),
        cmocka_unit_test(test_out_of_memory),
    };
    return cmocka_run_group_tests_name("fmt", tests, NULL, NULL);
}

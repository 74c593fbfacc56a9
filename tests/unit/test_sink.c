/* test_sink.c - the streaming writer (base/sink.c) and the prose written
 * one block at a time (render/prose.c render_prose_write). The sink: the
 * pieces handed to the write function are at most SINK_PIECE bytes
 * except a put longer than that, which goes through whole; their
 * concatenation is exactly what was put (puts, putc, printf across a
 * piece's end, printf longer than a piece); a failed write is remembered
 * and every later byte dropped. The prose: for Markdown of every block
 * kind (headings, lists, quotes, code, raw HTML, rules, links, images,
 * empty blocks, an empty document), the bytes written block by block are
 * the bytes of cmark rendering the whole made-safe tree at once, in HTML
 * and in LaTeX; and the same for long prose parsed in pieces
 * (render_prose_each), where it may be cut and where it may not; and the
 * walk of the pieces' trees (render_prose_pieces, the DOCX back end's) is
 * the walk of the whole tree. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/sink.h"
#include "render/render.h"

/* A write function that records the pieces' sizes into a gir_buf. */
typedef struct rec {
    gir_buf all;
    size_t npieces, largest;
    size_t fail_after;   /* fail the write after this many pieces (0: never) */
} rec;

static int rec_write(void *ud, const char *p, size_t n)
{
    rec *r = ud;
    if (r->fail_after && r->npieces >= r->fail_after) {
        errno = ENOSPC;
        return -1;
    }
    r->npieces++;
    if (n > r->largest) r->largest = n;
    buf_put(&r->all, p, n);
    return 0;
}

static void test_pieces(void **st)
{
    (void)st;
    gir_arena *a = arena_new(NULL);
    rec r = {0};
    buf_init(&r.all, a);
    gir_sink s;
    sink_init(&s, a, rec_write, &r);
    gir_buf want;
    buf_init(&want, a);
    for (int i = 0; i < 50000; i++) {
        sink_printf(&s, "%d,", i);
        buf_printf(&want, "%d,", i);
        sink_putc(&s, 'x');
        buf_putc(&want, 'x');
        sink_puts(&s, "中文");
        buf_puts(&want, "中文");
    }
    assert_true(r.largest <= SINK_PIECE);
    char *big = malloc(3 * SINK_PIECE);
    assert_non_null(big);
    memset(big, 'b', 3 * SINK_PIECE);
    sink_put(&s, big, 3 * SINK_PIECE);   /* longer than a piece: through whole */
    buf_put(&want, big, 3 * SINK_PIECE);
    sink_printf(&s, "%.*s", (int)(2 * SINK_PIECE), big);   /* printf longer than a piece */
    buf_put(&want, big, 2 * SINK_PIECE);
    free(big);
    assert_int_equal(sink_flush(&s), 0);
    assert_int_equal(s.total, want.n);
    assert_int_equal(r.all.n, want.n);
    assert_memory_equal(r.all.p, want.p, want.n);
    assert_true(r.npieces > 10);
    arena_free(a);
}

static void test_failure_sticks(void **st)
{
    (void)st;
    gir_arena *a = arena_new(NULL);
    rec r = {0};
    buf_init(&r.all, a);
    r.fail_after = 2;
    gir_sink s;
    sink_init(&s, a, rec_write, &r);
    for (int i = 0; i < 100000; i++) sink_puts(&s, "0123456789");
    assert_int_equal(sink_flush(&s), -1);
    assert_true(s.failed);
    assert_int_equal(s.err, ENOSPC);
    assert_int_equal(r.npieces, 2);   /* nothing after the failure */
    assert_true(r.all.n > SINK_PIECE && r.all.n <= 2 * SINK_PIECE);
    arena_free(a);
}

/* The bytes of md's made-safe tree rendered whole by cmark, and block by
 * block by render_prose_write. */
static void put_plain(gir_sink *out, const char *s)
{
    sink_puts(out, s);
}

static void same_both_ways(const char *md, int latex, int pieces)
{
    gir_arena *a = arena_new(NULL);
    gir_renderer rr;
    memset(&rr, 0, sizeof rr);
    rr.a = a;
    rr.cmark = render_cmark_open(a, NULL);
    gir_buf got;
    buf_init(&got, a);
    gir_sink s;
    sink_init(&s, a, sink_buf_write, &got);
    rr.out = &s;
    int flags = latex ? PROSE_LATEX : 0;
    cmark_node *whole = render_prose_tree(&rr, md, 1, flags);
    char *w = latex ? cmark_render_latex(whole, CMARK_OPT_DEFAULT, 0) : cmark_render_html(whole, CMARK_OPT_DEFAULT);
    cmark_node_free(whole);
    if (pieces) {
        render_prose_each(&rr, md, 1, flags, latex, put_plain);
    } else {
        cmark_node *doc = render_prose_tree(&rr, md, 1, flags);
        render_prose_write(&rr, doc, latex, put_plain);
    }
    sink_flush(&s);
    if (strcmp(buf_cstr(&got), w) != 0) fail_msg("%s of %s:\nwhole:\n%s\nby block:\n%s", latex ? "latex" : "html", md, w, buf_cstr(&got));
    render_cmark_free(&rr, w);
    render_cmark_close(rr.cmark);
    arena_free(a);
}

static void test_prose_by_block(void **st)
{
    (void)st;
    static const char *const mds[] = {
        "",
        "   \n\n",
        "一段。\n",
        "一段。\n\n第二段，**强调**和*斜体*。\n",
        "# 标题\n\n段落\n\n## 二级\n\n---\n\n末段\n",
        "* 一\n* 二\n\n  续\n\n1. 甲\n2. 乙\n\n> 引用\n> 两行\n\n> - 引用中的列表\n",
        "```\ncode \\end{verbatim}\n```\n\n    indented\n\n段落\n",
        "<div>\nraw\n</div>\n\n<!-- a\n\nb -->\n\n段 <b>x</b>\n",
        "[链接](https://example.org) ![图](a.png) <https://x.y> [危险](javascript:alert(1))\n",
        "[ref]\n\n[ref]: /url \"t\"\n",
        "```\n\n\n```\n\n段落\n",
        "<p>\n\n</p>\n",
        "a  \nb\\\nc\n\n\n\n***\n",
        "“引号” ‘单’ `code` 'x' \"y\"\n",
    };
    for (size_t i = 0; i < sizeof mds / sizeof *mds; i++) {
        for (int pieces = 0; pieces < 2; pieces++) {
            same_both_ways(mds[i], 0, pieces);
            same_both_ways(mds[i], 1, pieces);
        }
    }
}

/* Long prose (over a piece) of every block kind that may be cut, each
 * unit repeated; and long prose that must not be cut (a link reference
 * definition used at the end, a fence, raw HTML spanning blank lines). */
static void test_prose_in_pieces(void **st)
{
    (void)st;
    static const char *const units[] = {
        "2021年，本机关主动公开信息**1234**条。\n\n"
        "* 一\n* 二\n\n  续\n\n1. 甲\n\n2. 乙\n2021年不是列表。\n\n"
        "> 引用\n> 两行\n\n> 又一引用\n\n"
        "# 标题\n\n    indented\n\n      more\n\n---\n\n- - -\n\n"
        "[链接](https://example.org/a) ![图](a.png)\n\n"
        "段落  \n硬换行\\\n再一行\n\n\n\n“引号” 'x' `c`\n\n",
        "[ref]\n\n段落。\n\n",
        "```\ncode\n\ncode\n```\n\n段落。\n\n",
        "<div>\n\nraw\n\n</div>\n\n段落。\n\n",
        "-\n\nfoo\n\n1)\n\nbar\n\n",
        "1. 甲\n\n2. 乙\n\n- 丙\n\n+ 丁\n\n* 戊\n\n",   /* loose lists: no place to cut */
        "    code\n\n    more\n\n",                       /* one indented code block */
    };
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        size_t k = strlen(units[u]);
        size_t times = 3 * 64 * 1024 / k + 2;
        char *md = malloc(k * times + 64);
        assert_non_null(md);
        for (size_t i = 0; i < times; i++) memcpy(md + i * k, units[u], k);
        strcpy(md + k * times, u == 1 ? "[ref]: /url\n" : "末段。\n");
        for (int latex = 0; latex < 2; latex++) same_both_ways(md, latex, 1);
        free(md);
    }
}

/* A walk of a tree as docx.c walks it (render_prose_pieces gives it the
 * trees): each event with the node's type, literal, list start and
 * place among its siblings, the document node left out. */
typedef struct walk_log {
    gir_buf b;
    int pieces;
} walk_log;

static void log_walk(gir_renderer *rr, cmark_node *doc, void *ud)
{
    (void)rr;
    walk_log *w = ud;
    w->pieces++;
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (n == doc) continue;
        /* the place among siblings inside a block (an item's number; a
         * first paragraph); a top-level block's restarts in each piece,
         * and nothing reads it */
        int place = 0;
        if (cmark_node_parent(n) != doc)
            for (cmark_node *q = cmark_node_previous(n); q; q = cmark_node_previous(q)) place++;
        const char *lit = cmark_node_get_literal(n);
        buf_printf(&w->b, "%d %d %d %d %s\n", ev, (int)cmark_node_get_type(n), cmark_node_get_list_start(n), place, lit ? lit : "");
    }
    cmark_iter_free(it);
}

static void walk_both_ways(const char *md, int want_pieces)
{
    gir_arena *a = arena_new(NULL);
    gir_renderer rr;
    memset(&rr, 0, sizeof rr);
    rr.a = a;
    rr.cmark = render_cmark_open(a, NULL);
    walk_log whole, each;
    buf_init(&whole.b, a);
    buf_init(&each.b, a);
    whole.pieces = each.pieces = 0;
    cmark_node *doc = render_prose_tree(&rr, md, 2, 0);
    log_walk(&rr, doc, &whole);
    cmark_node_free(doc);
    render_prose_pieces(&rr, md, 2, 0, log_walk, &each);
    assert_string_equal(buf_cstr(&each.b), buf_cstr(&whole.b));
    if (want_pieces) assert_true(each.pieces > 1);
    else assert_int_equal(each.pieces, 1);
    render_cmark_close(rr.cmark);
    arena_free(a);
}

/* The DOCX back end walks the pieces' trees one after another: the walk
 * meets the nodes the whole tree has, in order, with the same siblings
 * (ordered items keep their numbers); long prose comes in pieces, short
 * prose and prose that cannot be cut in one. */
static void test_walk_in_pieces(void **st)
{
    (void)st;
    static const char *const units[] = {
        "2021年，本机关主动公开信息**1234**条。\n\n1. 甲\n\n2. 乙\n\n3. 丙\n2021年不是列表。\n\n"
        "* 一\n* 二\n\n  续\n\n> 引用\n\n# 标题\n\n段落  \n硬换行\n\n",
        "```\ncode\n\ncode\n```\n\n段落。\n\n",
        "1. 甲\n\n2. 乙\n\n- 丙\n\n+ 丁\n\n* 戊\n\n",   /* loose lists: no place to cut */
    };
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        size_t k = strlen(units[u]);
        size_t times = 3 * 64 * 1024 / k + 2;
        char *md = malloc(k * times + 1);
        assert_non_null(md);
        for (size_t i = 0; i < times; i++) memcpy(md + i * k, units[u], k);
        md[k * times] = 0;
        walk_both_ways(md, u == 0);
        md[k] = 0;
        walk_both_ways(md, 0);
        free(md);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pieces),
        cmocka_unit_test(test_failure_sticks),
        cmocka_unit_test(test_prose_by_block),
        cmocka_unit_test(test_prose_in_pieces),
        cmocka_unit_test(test_walk_in_pieces),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_pdfgrid.c - unit tests for the ruled cell grid of a PDF page
 * (import/pdfgrid.c, pdf_grid_lines in pdfline.h), on pages built here
 * from characters and rules (points, y down; characters 10 points high):
 * a justified line in a narrow ruled cell (its characters spread over the
 * cell) is one cell; a row band taller than six lines is still a row when
 * no other band lies inside it, and a band that holds others is a merged
 * cell set on its first row (made a line of the grid for it when it
 * holds a value and its cells do not wrap); a row cut by a page break, with no rule
 * across the cut, ends where its side borders end. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "base/arena.h"
#include "base/utf8.h"
#include "import/pdflayout.h"
#include "import/pdfline.h"

#define MAXCH 64

typedef struct page { pdf_ch ch[MAXCH]; size_t n; pdf_rule vr[8], hr[8]; size_t nvr, nhr; } page;

/* Sets the UTF-8 text s from x at height y (top), each character w wide
 * and advancing by step. */
static void put(page *p, const char *s, float x, float y, float w, float step)
{
    const unsigned char *u = (const unsigned char *)s, *end = u + strlen(s);
    while (u < end) {
        uint32_t cp = 0;
        int k = utf8_decode(u, end, &cp);
        assert_true(k > 0 && p->n < MAXCH);
        pdf_ch c = {cp, x, y, x + w, y + 10};
        p->ch[p->n++] = c;
        x += step;
        u += k;
    }
}

static void vrule(page *p, float x, float y0, float y1) { pdf_rule r = {x, y0, y1}; p->vr[p->nvr++] = r; }
static void hrule(page *p, float y, float x0, float x1) { pdf_rule r = {y, x0, x1}; p->hr[p->nhr++] = r; }

/* A table of cols columns 40 wide from x = 0, between heights top and
 * bot: its column borders, and the rules above and below it. */
static void ruled(page *p, int cols, float top, float bot)
{
    for (int i = 0; i <= cols; i++) vrule(p, 40 * (float)i, top, bot);
    hrule(p, top, 0, 40 * (float)cols);
    hrule(p, bot, 0, 40 * (float)cols);
}

static int by_rule(const void *a, const void *b)
{
    const pdf_rule *p = a, *q = b;
    return p->x < q->x ? -1 : p->x > q->x;
}

/* The grid lines of p, in y->l; returns how many characters are left to the sweep. */
static size_t grid(gir_arena *a, page *p, lay *y, imp_ctx *c)
{
    memset(c, 0, sizeof *c);
    c->a = a;
    memset(y, 0, sizeof *y);
    y->c = c;
    qsort(p->vr, p->nvr, sizeof *p->vr, by_rule);
    qsort(p->hr, p->nhr, sizeof *p->hr, by_rule);
    qsort(p->ch, p->n, sizeof *p->ch, pdf_ch_by_middle);
    pdf_page pg = {p->ch, p->n, 300, 400, p->vr, p->nvr, p->hr, p->nhr};
    return pdf_grid_lines(y, &pg, p->ch, p->n, 0);
}

/* p is one row of the grid, of the cells left and right; frees a. */
static void one_row(gir_arena *a, page *p, const char *left, const char *right)
{
    lay y;
    imp_ctx c;
    assert_int_equal(grid(a, p, &y, &c), 0);
    assert_int_equal(y.nl, 1);
    assert_int_equal(y.l[0].ns, 2);
    assert_string_equal(y.l[0].s[0].t, left);
    assert_string_equal(y.l[0].s[1].t, right);
    arena_free(a);
}

static void test_justified(void **st)
{
    (void)st;
    gir_arena *a = arena_new(NULL);
    page p = {0};
    /* a cell 40 wide: two characters a line, spread to its edges; the last line not */
    put(&p, "一二", 5, 5, 10, 20);
    put(&p, "三四", 5, 20, 10, 20);
    put(&p, "五", 5, 35, 10, 20);
    put(&p, "7", 50, 20, 6, 6);
    ruled(&p, 2, 0, 55);
    one_row(a, &p, "一二三四五", "7");
}

static void test_gap_not_justified(void **st)
{
    (void)st;
    gir_arena *a = arena_new(NULL);
    page p = {0};
    /* the wide gap is on the cell's last line: two cells, a rule not found */
    put(&p, "一二三", 5, 5, 10, 10);
    put(&p, "四", 5, 20, 10, 10);
    put(&p, "8", 30, 20, 6, 6);
    put(&p, "7", 50, 20, 6, 6);
    vrule(&p, 0, 0, 40);
    vrule(&p, 42, 0, 40);
    vrule(&p, 80, 0, 40);
    hrule(&p, 0, 0, 80);
    hrule(&p, 40, 0, 80);
    lay y;
    imp_ctx c;
    assert_int_equal(grid(a, &p, &y, &c), p.n);
    assert_int_equal(y.nl, 0);
    arena_free(a);
}

static void test_tall_row(void **st)
{
    (void)st;
    gir_arena *a = arena_new(NULL);
    page p = {0};
    /* a label wrapped over 8 lines in a band 12 lines high, alone in its row */
    const char *w[] = {"一二", "三四", "五六", "七八", "九十", "甲乙", "丙丁", "戊"};
    for (int i = 0; i < 8; i++) put(&p, w[i], 5, 5 + 15 * (float)i, 10, 10);
    put(&p, "7", 50, 60, 6, 6);
    ruled(&p, 2, 0, 125);
    one_row(a, &p, "一二三四五六七八九十甲乙丙丁戊", "7");
}

static void test_merged(void **st)
{
    (void)st;
    gir_arena *a = arena_new(NULL);
    page p = {0};
    /* a group cell (x 0-40) over two rows (y 0-50, 50-100) */
    put(&p, "甲乙", 5, 45, 10, 10);
    put(&p, "一二", 45, 5, 10, 10);
    put(&p, "三", 45, 20, 10, 10);
    put(&p, "1", 90, 15, 6, 6);
    put(&p, "四五", 45, 55, 10, 10);
    put(&p, "六", 45, 70, 10, 10);
    put(&p, "2", 90, 65, 6, 6);
    ruled(&p, 3, 0, 100);
    hrule(&p, 50, 40, 120);
    lay y;
    imp_ctx c;
    assert_int_equal(grid(a, &p, &y, &c), 0);
    assert_int_equal(y.nl, 2);
    const line *r1 = y.l[0].ym < y.l[1].ym ? &y.l[0] : &y.l[1];
    const line *r2 = r1 == &y.l[0] ? &y.l[1] : &y.l[0];
    assert_int_equal(r1->ns, 3);
    assert_string_equal(r1->s[0].t, "甲乙");
    assert_string_equal(r1->s[1].t, "一二三");
    assert_string_equal(r1->s[2].t, "1");
    assert_int_equal(r2->ns, 2);
    assert_string_equal(r2->s[0].t, "四五六");
    arena_free(a);
}

/* A group cell (x 0-40) over two rows of one line a cell; with a value
 * in them (value) or a header's names only. Another table on the page
 * has a wrapped row, so the page has a grid. */
static size_t merged_flat(gir_arena *a, lay *y, imp_ctx *c, const char *v1)
{
    page p = {0};
    put(&p, "甲乙", 5, 45, 10, 10);
    put(&p, "一二", 45, 20, 10, 10);
    put(&p, v1, 90, 20, 6, 6);
    put(&p, "四五", 45, 70, 10, 10);
    put(&p, "2", 90, 70, 6, 6);
    ruled(&p, 3, 0, 100);
    hrule(&p, 50, 40, 120);
    /* the other table: one row, its label wrapped */
    put(&p, "七八", 5, 205, 10, 10);
    put(&p, "九", 5, 220, 10, 10);
    put(&p, "5", 50, 210, 6, 6);
    ruled(&p, 2, 200, 235);
    return grid(a, &p, y, c);
}

static void test_merged_first_row(void **st)
{
    (void)st;
    gir_arena *a = arena_new(NULL);
    lay y;
    imp_ctx c;
    /* the second row ("四五 2") is left to the sweep */
    assert_int_equal(merged_flat(a, &y, &c, "1"), 3);
    assert_int_equal(y.nl, 2);
    const line *r = y.l[0].ym < y.l[1].ym ? &y.l[0] : &y.l[1];
    assert_int_equal(r->ns, 3);
    assert_string_equal(r->s[0].t, "甲乙");
    assert_string_equal(r->s[1].t, "一二");
    assert_string_equal(r->s[2].t, "1");
    arena_free(a);
}

static void test_merged_header(void **st)
{
    (void)st;
    gir_arena *a = arena_new(NULL);
    lay y;
    imp_ctx c;
    /* a header's first row holds no value: the group is left to the sweep */
    assert_int_equal(merged_flat(a, &y, &c, "名"), 8);
    assert_int_equal(y.nl, 1);
    assert_string_equal(y.l[0].s[0].t, "七八九");
    arena_free(a);
}

static void test_cut_by_page(void **st)
{
    (void)st;
    gir_arena *a = arena_new(NULL);
    page p = {0};
    /* a row at the top of a page: no rule above it, its borders start a pixel apart */
    put(&p, "一二", 5, 25, 10, 10);
    put(&p, "三", 5, 40, 10, 10);
    put(&p, "7", 50, 30, 6, 6);
    vrule(&p, 0, 20, 70);
    vrule(&p, 40, 21, 70);
    vrule(&p, 80, 20, 70);
    hrule(&p, 70, 0, 80);
    one_row(a, &p, "一二三", "7");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_justified),
        cmocka_unit_test(test_gap_not_justified),
        cmocka_unit_test(test_tall_row),
        cmocka_unit_test(test_merged),
        cmocka_unit_test(test_merged_first_row),
        cmocka_unit_test(test_merged_header),
        cmocka_unit_test(test_cut_by_page),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

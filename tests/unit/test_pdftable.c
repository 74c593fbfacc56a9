/* test_pdftable.c - unit tests for the rows pdf_layout (import/pdflayout.c,
 * pdftable.c) reads from tables with no rules, on pages built here from
 * characters (points, y down; characters 10 points high, CJK 10 wide,
 * digits 5): a value set in the middle of its label's cell, the label
 * wrapped around it ("行政事业" / "678" / "收费"), is one row; a number
 * cut at the foot of a narrow cell ("2" over "2") is joined when the
 * line below holds no other value and the upper digits fill their
 * column, and left alone otherwise; cells with no padding: a label
 * glued to its value ("丙类7") and values glued with a space ("5 6")
 * are cut at the columns of the other rows; a label justified in a cell
 * two characters wide ("1.  属" / "于  国" / "家  秘" / "密") reads line by
 * line. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "base/arena.h"
#include "base/utf8.h"
#include "import/pdflayout.h"
#include "import/pdfline.h"

#define MAXCH 128

typedef struct page { pdf_ch ch[MAXCH]; size_t n; } page;

/* Sets the UTF-8 text s from x with its top at y (digits 5 wide, other
 * characters 10). */
static void put(page *p, const char *s, float x, float y)
{
    const unsigned char *u = (const unsigned char *)s, *end = u + strlen(s);
    while (u < end) {
        uint32_t cp = 0;
        int k = utf8_decode(u, end, &cp);
        assert_true(k > 0 && p->n < MAXCH);
        float w = cp < 0x80 ? 5 : 10;
        pdf_ch c = {cp, x, y, x + w, y + 10};
        p->ch[p->n++] = c;
        x += w;
        u += k;
    }
}

/* A row: its label at x 0 and its values at x 100, 140, 180… (NULL ends). */
static void row(page *p, float y, const char *label, const char *v0, const char *v1, const char *v2)
{
    put(p, label, 0, y);
    const char *v[] = {v0, v1, v2};
    for (int i = 0; i < 3 && v[i]; i++) put(p, v[i], 100 + 40 * (float)i, y);
}

/* The working text pdf_layout makes of p (in a's memory). */
static const char *layout(gir_arena *a, page *p)
{
    imp_ctx *c = arena_alloc(a, sizeof *c);
    memset(c, 0, sizeof *c);
    c->a = a;
    pdf_page pg = {p->ch, p->n, 300, 400, NULL, 0, NULL, 0};
    pdf_layout(c, &pg, 1);
    assert_non_null(c->w.s);
    if (getenv("TEST_PDF_DEBUG")) fprintf(stderr, "%s----\n", c->w.s);
    return c->w.s;
}

static void test_stacked_value(void **st)
{
    (void)st;
    gir_arena *a = arena_new(NULL);
    page p = {0};
    row(&p, 100, "甲类", "12", "3", NULL);
    row(&p, 120, "乙类", "4", "5", NULL);
    /* the label's two lines overlap the number's in y, 20 points below the table */
    put(&p, "行政事业", 0, 150);
    put(&p, "678", 100, 156);
    put(&p, "收费", 0, 162);
    const char *w = layout(a, &p);
    assert_non_null(strstr(w, "行政事业收费 | 678 |"));
    arena_free(a);
}

static void test_stacked_needs_overlap(void **st)
{
    (void)st;
    gir_arena *a = arena_new(NULL);
    page p = {0};
    row(&p, 100, "甲类", "12", "3", NULL);
    row(&p, 120, "乙类", "4", "5", NULL);
    /* three lines apart: a label, a number, a label, none overlapping */
    put(&p, "行政事业", 0, 150);
    put(&p, "678", 100, 165);
    put(&p, "收费", 0, 180);
    const char *w = layout(a, &p);
    assert_null(strstr(w, "行政事业收费"));
    arena_free(a);
}

static void test_cut_number(void **st)
{
    (void)st;
    gir_arena *a = arena_new(NULL);
    page p = {0};
    row(&p, 100, "一行", "1", "2", "3");
    row(&p, 120, "二行", "2", "0", "7");
    put(&p, "续", 0, 131);
    put(&p, "2", 100, 131);
    row(&p, 150, "三行", "4", "5", "6");
    const char *w = layout(a, &p);
    assert_non_null(strstr(w, "| 22 | 0 | 7 |"));
    assert_non_null(strstr(w, "| 4 | 5 | 6 |"));
    arena_free(a);
}

static void test_cut_number_room_left(void **st)
{
    (void)st;
    gir_arena *a = arena_new(NULL);
    page p = {0};
    /* the column holds "10": a "2" had room for one more digit, so the "2"
     * below is not a part of it */
    row(&p, 100, "一行", "10", "2", "3");
    row(&p, 120, "二行", "2", "0", "7");
    put(&p, "续", 0, 131);
    put(&p, "2", 100, 131);
    const char *w = layout(a, &p);
    assert_null(strstr(w, "22"));
    arena_free(a);
}

static void test_cut_number_not_a_row(void **st)
{
    (void)st;
    gir_arena *a = arena_new(NULL);
    page p = {0};
    /* the line below holds two values: a row of its own */
    row(&p, 100, "一行", "1", "2", "3");
    row(&p, 120, "二行", "2", "0", "7");
    row(&p, 131, "续", "2", "8", NULL);
    const char *w = layout(a, &p);
    assert_null(strstr(w, "22"));
    arena_free(a);
}

static void test_glued_label(void **st)
{
    (void)st;
    gir_arena *a = arena_new(NULL);
    page p = {0};
    row(&p, 100, "甲类", "1", "2", "3");
    row(&p, 120, "乙类", "4", "5", "6");
    /* ten characters (x 0-100) and the value right after, in column 100 */
    put(&p, "丙类丙类丙类丙类丙类7", 0, 140);
    put(&p, "8", 140, 140);
    put(&p, "9", 180, 140);
    const char *w = layout(a, &p);
    assert_non_null(strstr(w, "丙类丙类丙类丙类丙类 | 7 | 8 | 9 |"));
    arena_free(a);
}

static void test_glued_values(void **st)
{
    (void)st;
    gir_arena *a = arena_new(NULL);
    page p = {0};
    row(&p, 100, "甲类", "1", "2", "3");
    row(&p, 120, "乙类", "4", "5", "6");
    /* "7" in column 100, then "8" and "9" 3 points apart (a space, not a cut) */
    put(&p, "丙类", 0, 140);
    put(&p, "7", 100, 140);
    put(&p, "8", 140, 140);
    put(&p, "9", 148, 140);
    const char *w = layout(a, &p);
    assert_non_null(strstr(w, "丙类 | 7 | 8 | 9 |"));
    arena_free(a);
}

static void test_spread_label(void **st)
{
    (void)st;
    gir_arena *a = arena_new(NULL);
    page p = {0};
    row(&p, 80, "甲类", "1", "2", "3");
    /* a cell two characters wide (x 0-30), its characters spread 10 apart */
    put(&p, "1.", 0, 100);
    put(&p, "属", 20, 100);
    put(&p, "于", 0, 115);
    put(&p, "国", 20, 115);
    row(&p, 122, "", "5", "6", "7");
    put(&p, "家", 0, 130);
    put(&p, "秘", 20, 130);
    put(&p, "密", 0, 145);
    const char *w = layout(a, &p);
    assert_non_null(strstr(w, "1.属于国家秘密 | 5 | 6 | 7 |"));
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stacked_value),
        cmocka_unit_test(test_stacked_needs_overlap),
        cmocka_unit_test(test_cut_number),
        cmocka_unit_test(test_cut_number_room_left),
        cmocka_unit_test(test_cut_number_not_a_row),
        cmocka_unit_test(test_glued_label),
        cmocka_unit_test(test_glued_values),
        cmocka_unit_test(test_spread_label),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

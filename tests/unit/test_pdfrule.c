/* test_pdfrule.c - unit tests for the ruling lines of a rendered PDF page
 * (import/pdfrule.h): a drawn table's column and row borders are found at
 * their places, a glyph-sized stroke and a filled box are not rules, and
 * pdf_rule_between answers for the x range, the height and the length. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "base/arena.h"
#include "import/pdfrule.h"

#define W 200
#define H 100

typedef struct img { unsigned char px[W * H * 4]; } img;

static void fill(img *m, int x0, int y0, int x1, int y1)
{
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++) memset(m->px + ((size_t)y * W + (size_t)x) * 4, 0, 4);
}

static img *white(void)
{
    img *m = malloc(sizeof *m);
    assert_non_null(m);
    memset(m->px, 0xFF, sizeof m->px);
    return m;
}

static void test_table_borders(void **st)
{
    (void)st;
    gir_arena *a = arena_new(NULL);
    img *m = white();
    fill(m, 20, 10, 21, 90);      /* a column border, 80 px */
    fill(m, 120, 10, 122, 90);    /* another, two pixels wide */
    fill(m, 20, 50, 180, 51);     /* a row border */
    fill(m, 60, 20, 61, 30);      /* a glyph's stroke: 10 px */
    fill(m, 150, 60, 170, 90);    /* a filled box */
    size_t nv = 0, nh = 0;
    pdf_rule *v = pdf_vertical_rules(a, m->px, W, H, W * 4, 1.0, &nv);
    pdf_rule *h = pdf_horizontal_rules(a, m->px, W, H, W * 4, 1.0, &nh);
    assert_int_equal(nv, 2);
    assert_true(v[0].x > 20 && v[0].x < 21.5f);
    assert_true(v[1].x > 120 && v[1].x < 122.5f);
    assert_true(v[0].y0 <= 10.5f && v[0].y1 >= 89.5f);
    assert_int_equal(nh, 1);
    assert_true(h[0].x > 50 && h[0].x < 51.5f);
    /* between two characters of a line at height 40 */
    assert_true(pdf_rule_between(v, nv, 15, 25, 40, 12));
    assert_false(pdf_rule_between(v, nv, 22, 110, 40, 12));
    assert_false(pdf_rule_between(v, nv, 15, 25, 95, 12));     /* below the rule */
    assert_false(pdf_rule_between(v, nv, 15, 25, 40, 100));    /* shorter than asked */
    assert_true(pdf_rule_between(h, nh, 45, 55, 100, 12));     /* over x = 100 */
    free(m);
    arena_free(a);
}

static void test_scale(void **st)
{
    (void)st;
    gir_arena *a = arena_new(NULL);
    img *m = white();
    fill(m, 40, 0, 41, 60);       /* 60 px at 2 px a point: 30 points */
    size_t nv = 0;
    pdf_rule *v = pdf_vertical_rules(a, m->px, W, H, W * 4, 2.0, &nv);
    assert_int_equal(nv, 1);
    assert_true(v[0].x > 20 && v[0].x < 21);
    assert_true(v[0].y1 - v[0].y0 > 29 && v[0].y1 - v[0].y0 < 31);
    free(m);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_borders),
        cmocka_unit_test(test_scale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test_import.c - unit tests for the importer's interface (import.h):
 * the template it chooses is one the stdlib declares, its comments
 * follow the language of the options and nothing else does, and the
 * memory an import takes grows linearly with a long table row or a big
 * table (arena_used: bytes handed out, exact and machine-independent). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "import/import.h"
#include "template/stdlib_data.h"

static const char head_2021[] =
    "某县人民政府2021年政府信息公开工作年度报告\n"
    "一、总体情况\n"
    "2021年，某县政务公开工作运行良好。\n"
    "二、主动公开政府信息情况\n"
    "第二十条第（一）项\n"
    "信息内容 本年制发件数 本年废止件数 现行有效件数\n";

/* A text page whose one table row (规章) holds numbers up to size bytes. */
static char *long_row(size_t size, size_t *len)
{
    size_t cap = sizeof head_2021 + size + 64;
    char *s = malloc(cap);
    assert_non_null(s);
    size_t n = (size_t)snprintf(s, cap, "%s规章", head_2021);
    for (unsigned k = 1; n < sizeof head_2021 + size; k++)
        n += (size_t)snprintf(s + n, cap - n, " %u", k % 1000);
    n += (size_t)snprintf(s + n, cap - n, "\n");
    *len = n;
    return s;
}

/* An HTML page whose table has rows rows of 50 cells. */
static char *big_table(size_t rows, size_t *len)
{
    size_t cap = 512 + rows * 700;
    char *s = malloc(cap);
    assert_non_null(s);
    size_t n = (size_t)snprintf(s, cap, "<html><head><meta charset=\"utf-8\"></head><body>"
                                         "<p>三、收到和处理政府信息公开申请情况</p><table>");
    for (size_t r = 0; r < rows; r++) {
        n += (size_t)snprintf(s + n, cap - n, "<tr><td>%s</td>", r % 2 ? "（一）予以公开" : "（三）不予公开");
        for (size_t k = 1; k < 50; k++)
            n += (size_t)snprintf(s + n, cap - n, "<td>%zu</td>", (r * k) % 997);
        n += (size_t)snprintf(s + n, cap - n, "</tr>");
    }
    n += (size_t)snprintf(s + n, cap - n, "</table></body></html>");
    *len = n;
    return s;
}

static gir_import *run(const char *text, size_t len, gir_lang lang)
{
    gir_import_opts o = {lang, "t.gir", NULL};
    gir_import *im = gir_import_run("t.txt", text, len, &o);
    assert_non_null(im);
    assert_false(im->oom);
    assert_non_null(im->gir);
    return im;
}

static void test_template_from_stdlib(void **state)
{
    (void)state;
    gir_import *im = run(head_2021, sizeof head_2021 - 1, GIR_LANG_ZH);
    assert_non_null(im->template_name);
    int declared = 0;
    for (const gir_embedded *e = gir_stdlib; e->name; e++)
        declared |= strcmp(e->name, im->template_name) == 0;
    assert_true(declared);
    gir_import_free(im);
}

/* The .gir without its comments (from '#' to the end of each line). */
static char *uncommented(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    assert_non_null(out);
    int in_comment = 0;
    for (; *s; s++) {
        if (*s == '\n')
            in_comment = 0;
        else if (*s == '#')
            in_comment = 1;
        if (!in_comment)
            *o++ = *s;
    }
    *o = 0;
    return out;
}

static void test_comments_follow_lang(void **state)
{
    (void)state;
    size_t len;
    char *text = long_row(2000, &len);
    gir_import *zh = run(text, len, GIR_LANG_ZH);
    gir_import *en = run(text, len, GIR_LANG_EN);
    assert_non_null(strstr(zh->gir, "# 格式 "));
    assert_non_null(strstr(en->gir, "# Format "));
    assert_null(strstr(zh->gir, "# Format "));
    char *a = uncommented(zh->gir), *b = uncommented(en->gir);
    /* header fields are padded before their comments: compare trimmed */
    for (char *p = a, *q = b; *p || *q;) {
        char *pe = strchr(p, '\n'), *qe = strchr(q, '\n');
        assert_non_null(pe);
        assert_non_null(qe);
        char *pt = pe, *qt = qe;
        while (pt > p && pt[-1] == ' ')
            pt--;
        while (qt > q && qt[-1] == ' ')
            qt--;
        assert_int_equal(pt - p, qt - q);
        assert_memory_equal(p, q, (size_t)(pt - p));
        p = pe + 1;
        q = qe + 1;
    }
    free(a);
    free(b);
    gir_import_free(zh);
    gir_import_free(en);
    free(text);
}

/* Bytes the import of make(size) hands out. */
static size_t used(char *(*make)(size_t, size_t *), size_t size)
{
    size_t len;
    char *text = make(size, &len);
    gir_import *im = run(text, len, GIR_LANG_ZH);
    size_t n = arena_used(im->arena);
    gir_import_free(im);
    free(text);
    return n;
}

static void test_long_row_is_linear(void **state)
{
    (void)state;
    size_t small = used(long_row, 8000), large = used(long_row, 80000);
    print_message("long row: %zu bytes at 8 KB, %zu at 80 KB\n", small, large);
    assert_true(large < 15 * small);
}

static void test_big_table_is_linear(void **state)
{
    (void)state;
    size_t small = used(big_table, 100), large = used(big_table, 1000);
    print_message("table of 50 cells a row: %zu bytes at 100 rows, %zu at 1,000\n", small, large);
    assert_true(large < 15 * small);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_template_from_stdlib),
        cmocka_unit_test(test_comments_follow_lang),
        cmocka_unit_test(test_long_row_is_linear),
        cmocka_unit_test(test_big_table_is_linear),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

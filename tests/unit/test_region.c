/* test_region.c - the region stage (src/region/) without the command
 * line: roster CSV reading (BOM, quotes, CRLF, spaces, column names in
 * both languages, the errors with their positions), dates and deadlines,
 * the reporting rate's rounding, matching by folded agency and file name,
 * and the cell-by-cell sum with blanks and a wrong total. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "region/region.h"

static gir_doc *compile(const char *name, const char *agency, const char *t3)
{
    char buf[2048];
    snprintf(
        buf, sizeof buf,
        "report \"x\" {\n  template gov2021\n  agency \"%s\"\n  kind department\n  year 2021\n  date 2022-01-20\n}\n"
        "section 总体情况 \"无。\"\nsection 问题改进 \"无。\"\nsection 其他事项 \"无。\"\n"
        "table 主动公开 {}\ntable 申请处理 {\n%s\n}\ntable 复议诉讼 {}\n",
        agency, t3);
    gir_options o;
    memset(&o, 0, sizeof o);
    return gir_doc_compile(name, buf, strlen(buf), &o);
}

static void test_roster_csv(void **state)
{
    (void)state;
    region_set *s = region_set_new(GIR_LANG_EN);
    gir_diags dg;
    diags_init(&dg, s->arena, GIR_LANG_EN);
    const char *csv = "\xEF\xBB\xBF"
                      "Unit , 匹配,KIND,截止日期\r\n\r\n"
                      "\"甲局, \"\"一\"\"\",,department,2022年1月5日\r\n"
                      " 乙局 ,b,,2022/1/31\r\n,,,\r\n";
    assert_int_equal(region_roster_read(s, &dg, "r.csv", csv, strlen(csv)), 0);
    assert_int_equal(dg.n, 0);
    assert_int_equal(s->nroster, 2);
    assert_string_equal(s->roster[0].unit, "甲局, \"一\"");
    assert_int_equal(s->roster[0].dl_d, 5);
    assert_int_equal(s->roster[0].line, 3);
    assert_string_equal(s->roster[1].unit, "乙局");
    assert_string_equal(s->roster[1].match, "b");
    assert_int_equal(s->roster[1].kind, 0);
    region_set_free(s);
}

static void test_roster_errors(void **state)
{
    (void)state;
    region_set *s = region_set_new(GIR_LANG_EN);
    gir_diags dg;
    diags_init(&dg, s->arena, GIR_LANG_EN);
    const char *csv = "单位,电话,类型,截止日期\n甲,1,city,2022-02-30\n\"乙\n";
    assert_int_equal(region_roster_read(s, &dg, "r.csv", csv, strlen(csv)), 1);
    const char *want[] = {"E1111", "E1115", "E1114", "E1116"};
    assert_int_equal(dg.n, 4);
    for (size_t i = 0; i < 4; i++)
        assert_string_equal(dg.v[i]->code, want[i]);
    assert_int_equal(dg.v[0]->span.start, strlen("单位,"));
    region_set_free(s);
}

static void test_percent(void **state)
{
    (void)state;
    gir_arena *a = arena_new(NULL);
    assert_string_equal(region_percent(a, 2, 3), "66.7%");
    assert_string_equal(region_percent(a, 1, 3), "33.3%");
    assert_string_equal(region_percent(a, 999, 1000), "99.9%");
    assert_string_equal(region_percent(a, 1999, 2000), "100.0%"); /* rounded, as printed */
    assert_string_equal(region_percent(a, 0, 0), "-");
    arena_free(a);
}

static void test_match_and_sum(void **state)
{
    (void)state;
    region_set *s = region_set_new(GIR_LANG_ZH);
    gir_diags dg;
    diags_init(&dg, s->arena, GIR_LANG_ZH);
    const char *csv = "单位,匹配\n甲,示例县公安局\n乙,b\n丙,\n";
    assert_int_equal(region_roster_read(s, &dg, "r.csv", csv, strlen(csv)), 0);
    gir_doc *a = compile("u/a.gir", "示例县公安局", "  新收 3 1\n  予以公开 3 1");
    gir_doc *b = compile("u/b.gir", "别的名字", "  新收 2 _\n  予以公开 2 _");
    gir_doc *c = compile("u/c.gir", "示例县交通局", "  新收 1 0 0 0 0 0 5\n  予以公开 1");
    region_sum_add(s, &dg, region_add_unit(s, "u/a.gir", a), a);
    region_sum_add(s, &dg, region_add_unit(s, "u/b.gir", b), b);
    region_sum_add(s, &dg, region_add_unit(s, "u/c.gir", c), c);
    assert_int_equal(region_sum_count(s), 3);
    assert_int_equal(region_roster_match(s, &dg), 0);
    region_rate r;
    region_roster_rate(s, &r);
    assert_int_equal(r.units, 3);
    assert_int_equal(r.reported, 2);
    assert_int_equal(r.missing, 1);
    assert_int_equal(r.unlisted, 1);
    /* 申请处理 新收: 自然人 3+2+1, 商业企业 1+_+0 (blank), 总计 = parts (c's 5 is wrong: counts as 1) */
    const region_cell *x = region_sum_cell(s, 1, 0, 0, 0);
    char v[48];
    dec_format_buf(x->sum, v);
    assert_string_equal(v, "6");
    assert_int_equal(x->nblank, 0);
    x = region_sum_cell(s, 1, 0, 0, 1);
    assert_int_equal(x->nblank, 1);
    dec_format_buf(x->sum, v);
    assert_string_equal(v, "1");
    size_t len = 0;
    const char *text = region_emit(s, "县", &len);
    assert_non_null(strstr(text, "  新收 6 _ 0 0 0 0 _  # 3 个单位；商业企业 空白 1 个（别的名字），其余之和 ≥1；"));
    gir_options o;
    memset(&o, 0, sizeof o);
    gir_doc *sum = gir_doc_compile("sum.gir", text, len, &o);
    assert_int_equal(sum->diags.nerrors, 0);
    gir_doc_free(sum);
    region_set_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roster_csv),
        cmocka_unit_test(test_roster_errors),
        cmocka_unit_test(test_percent),
        cmocka_unit_test(test_match_and_sum),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

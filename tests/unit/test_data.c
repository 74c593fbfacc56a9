/* test_data.c - the cell states of the data back ends (render/data.c)
 * read from what the checker recorded on tests/data/errors.gir: a wrong
 * total with its expected value and the total's name, the cells of a
 * failed rule with its id and its diagnostic, blank, unknown, missing,
 * a warning rule; and a waived finding (gir_diag.waived, set here as
 * check/waive.c does) turns its cells "waived". Also render_data_clean:
 * invalid UTF-8 and controls become U+FFFD, a fit string is returned
 * as it is. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "driver/compile.h"
#include "render/render.h"

static gir_doc *compile_errors(void)
{
    FILE *f = fopen("tests/data/errors.gir", "rb");
    assert_non_null(f);
    static char text[65536];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    gir_options o = {0};
    gir_doc *d = gir_doc_compile("errors.gir", text, n, &o);
    assert_non_null(d);
    assert_non_null(d->report);
    assert_true(d->diags.nerrors > 0);
    return d;
}

/* The cell (table, row, column) by short names. */
static const gir_cell *cell(const gir_report *r, const char *table, const char *row, const char *col, const gir_rtable **rt)
{
    for (size_t t = 0; t < r->schema->ntables; t++) {
        *rt = &r->tables[t];
        const gir_ttable *tt = (*rt)->t;
        if (strcmp(tt->name, table) != 0) continue;
        for (size_t b = 0; b < tt->nblocks; b++)
            for (size_t i = 0; i < tt->blocks[b]->nrows; i++)
                for (size_t j = 0; j < tt->blocks[b]->ncols; j++)
                    if (strcmp(tt->blocks[b]->rows[i]->name, row) == 0 && strcmp(tt->blocks[b]->cols[j]->name, col) == 0)
                        return report_cell(r, (int)t, (int)b, (int)i, (int)j);
    }
    fail_msg("no cell %s.%s.%s", table, row, col);
    return NULL;
}

static const char *state(const gir_report *r, const char *table, const char *row, const char *col)
{
    const gir_rtable *rt;
    const gir_cell *v = cell(r, table, row, col, &rt);
    return render_data_state(rt, v);
}

static void test_states(void **st)
{
    (void)st;
    gir_doc *d = compile_errors();
    const gir_report *r = d->report;
    const gir_rtable *rt;
    const gir_cell *t = cell(r, "申请处理", "新收", "总计", &rt);
    char buf[64];
    assert_string_equal(render_data_state(rt, t), "wrong");
    assert_string_equal(render_data_expected(t, buf), "23");
    assert_string_equal(render_data_value(rt, t, buf), "24");
    assert_string_equal(t->rule, "总计");
    assert_non_null(t->finding);
    assert_string_equal(t->finding->code, "E0501");
    const gir_cell *k = cell(r, "申请处理", "结转下年", "法律服务机构", &rt);
    assert_string_equal(render_data_state(rt, k), "wrong");
    assert_string_equal(k->rule, "R3.1");
    assert_string_equal(k->finding->code, "E0502");
    assert_string_equal(render_data_expected(k, buf), "");
    assert_string_equal(state(r, "申请处理", "部分公开", "商业企业"), "blank");
    assert_string_equal(state(r, "申请处理", "办结总计", "商业企业"), "unknown");
    assert_string_equal(state(r, "申请处理", "办结总计", "自然人"), "computed");
    assert_string_equal(state(r, "申请处理", "新收", "自然人"), "written");
    assert_string_equal(state(r, "申请处理", "国家秘密", "自然人"), "zero");
    assert_string_equal(state(r, "复议诉讼", "案件数", "复议维持"), "missing");
    assert_string_equal(state(r, "主动公开", "行政事业性收费", "收费金额"), "warning");
    const gir_cell *u = cell(r, "申请处理", "办结总计", "商业企业", &rt);
    assert_false(render_data_has_value(rt, u));
    gir_doc_free(d);
}

/* A waiver (check/waive.c) sets the finding's reason: its cells are waived. */
static void test_waived(void **st)
{
    (void)st;
    gir_doc *d = compile_errors();
    const gir_report *r = d->report;
    const gir_rtable *rt;
    const gir_cell *k = cell(r, "申请处理", "结转下年", "法律服务机构", &rt);
    for (size_t i = 0; i < d->diags.n; i++)
        if (d->diags.v[i] == k->finding) d->diags.v[i]->waived = "已核实";
    assert_string_equal(render_data_state(rt, k), "waived");
    assert_string_equal(state(r, "申请处理", "新收", "法律服务机构"), "waived");
    assert_string_equal(state(r, "申请处理", "新收", "总计"), "wrong");   /* another finding */
    gir_doc_free(d);
}

static void test_clean(void **st)
{
    (void)st;
    gir_arena *a = arena_new(NULL);
    assert_non_null(a);
    const char *fit = "新华县 \"x\",\ty\r\n";
    assert_ptr_equal(render_data_clean(a, fit), fit);
    assert_string_equal(render_data_clean(a, "a\xff" "b\x01" "c\xe6\x96"), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD");
    assert_null(render_data_clean(a, NULL));
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_states),
        cmocka_unit_test(test_waived),
        cmocka_unit_test(test_clean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

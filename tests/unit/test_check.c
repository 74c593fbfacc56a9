/* test_check.c - the checker and the stdlib templates: every table-3/4
 * label of both templates equals FORMATS.md §5 character for character,
 * table-2 labels appear verbatim in FORMATS.md §3-§4, omitted totals are
 * computed to hand-computed values, money in 元 converts exactly to 万元,
 * and a variant template (a province adding a row) needs no C change;
 * header fields, agency kinds and deadlines, units and the template-year
 * hint are those syntax/lang.h and the stdlib declare; the wording and
 * thresholds of the evaluators' checks are the stdlib's, and --threshold
 * overrides them without writing the shared schema. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "driver/compile.h"
#include "check/check.h"
#include "template/template.h"
#include "template/stdlib_data.h"
#include "template/cache.h"
#include "template/wording.h"

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (fread(s, 1, (size_t)n, f) != (size_t)n) n = 0;
    s[n] = 0;
    fclose(f);
    return s;
}

static gir_doc *compile(const char *text)
{
    gir_options o = {0};
    o.lang = GIR_LANG_EN;
    return gir_doc_compile("t.gir", text, strlen(text), &o);
}

/* A report with all sections and the given bodies of tables 2, 3, 4. */
static char *report(const char *tmpl, int year, const char *t2, const char *t3, const char *t4)
{
    static char buf[8192];
    snprintf(buf, sizeof buf,
             "report \"t\" {\n template %s\n agency \"a\"\n year %d\n}\n"
             "section 总体情况 \"x\"\nsection 问题改进 \"x\"\nsection 其他事项 \"x\"\n"
             "table 主动公开 {%s}\ntable 申请处理 {%s}\ntable 复议诉讼 {%s}\n", tmpl, year, t2, t3, t4);
    return buf;
}

/* The labels listed as "N. label" lines (not [bracketed]) in a section
 * of FORMATS.md between two headings. */
static size_t formats_list(const char *md, const char *from, const char *to, char out[][256], size_t max)
{
    const char *b = strstr(md, from), *e = b ? strstr(b, to) : NULL;
    size_t n = 0;
    for (const char *p = b; p && p < e && n < max; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
        const char *q = p;
        while (*q >= '0' && *q <= '9') q++;
        if (q == p || q[0] != '.' || q[1] != ' ') continue;
        q += 2;
        size_t len = strcspn(q, "\n");
        const char *mark = strstr(q, "   [");
        if (mark && mark < q + len) len = (size_t)(mark - q);
        while (len && q[len - 1] == ' ') len--;
        snprintf(out[n++], 256, "%.*s", (int)len, q);
    }
    return n;
}

static const gir_schema *stdlib_schema(gir_doc **keep, const char *name)
{
    gir_doc *d = compile(report(name, strcmp(name, "gov2019") == 0 ? 2020 : 2021, "", "", ""));
    *keep = d;
    assert_non_null(d->report);
    return d->report->schema;
}

static void check_table3_rows(const char *tmpl, const char *from, const char *to, size_t want)
{
    char *md = slurp("tests/data/FORMATS.md");
    assert_non_null(md);
    static char labels[64][256];
    size_t n = formats_list(md, from, to, labels, 64);
    assert_int_equal(n, want);
    gir_doc *d;
    const gir_schema *s = stdlib_schema(&d, tmpl);
    const gir_ttable *t = s->tables[1];
    assert_string_equal(t->name, "申请处理");
    assert_int_equal(t->blocks[0]->nrows, want);
    for (size_t i = 0; i < n; i++) assert_string_equal(t->blocks[0]->rows[i]->label, labels[i]);
    /* the seven data columns, §5 */
    static const char *cols[] = {"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};
    assert_int_equal(t->blocks[0]->ncols, 7);
    for (size_t i = 0; i < 7; i++) assert_string_equal(t->blocks[0]->cols[i]->label, cols[i]);
    /* the note cell, verbatim from the official header */
    assert_string_equal(t->note, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    /* table 4: the 15 columns of §5 */
    const gir_ttable *t4 = s->tables[2];
    static const char *c4[] = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
    assert_int_equal(t4->blocks[0]->ncols, 15);
    for (size_t i = 0; i < 15; i++) assert_string_equal(t4->blocks[0]->cols[i]->label, c4[i % 5]);
    assert_string_equal(t4->blocks[0]->cols[5]->parent->label, "未经复议直接起诉");
    assert_string_equal(t4->blocks[0]->cols[10]->parent->label, "复议后起诉");
    assert_string_equal(t4->blocks[0]->cols[10]->parent->parent->label, "行政诉讼");
    /* every table-2 label (rows, columns, captions) appears verbatim in §3/§4 */
    const gir_ttable *t2 = s->tables[0];
    for (size_t b = 0; b < t2->nblocks; b++) {
        const gir_block *bl = t2->blocks[b];
        assert_non_null(strstr(md, bl->caption));
        for (size_t i = 0; i < bl->nrows; i++) assert_non_null(strstr(md, bl->rows[i]->label));
        for (size_t i = 0; i < bl->ncols; i++) assert_non_null(strstr(md, bl->cols[i]->label));
    }
    /* the six section headings */
    for (size_t i = 0; i < s->nsections; i++) assert_non_null(strstr(md, s->sections[i]->label));
    gir_doc_free(d);
    free(md);
}

static void test_labels_2021(void **st)
{
    (void)st;
    check_table3_rows("gov2021", "### 5.1", "### 5.2", 25);
}

static void test_labels_2019(void **st)
{
    (void)st;
    check_table3_rows("gov2019", "### 5.2", "Table 4 columns", 23);
}

static long long cell(const gir_report *r, int t, int b, int row, int col)
{
    gir_cell *c = report_cell(r, t, b, row, col);
    assert_true(dec_is_integer(c->v));
    return c->v.m;
}

static void test_omitted_totals_are_computed(void **st)
{
    (void)st;
    gir_doc *d = compile(report("gov2021", 2021, "",
        "\n 新收 3 2 0 0 0 1\n 结转 1\n 予以公开 2 1\n 国家秘密 1\n 重复申请 0 1 0 0 0 1\n 结转下年 1\n",
        "\n 1 2 0 3\n"));
    assert_int_equal(d->diags.nerrors, 0);
    /* table 4: 复议总计 computed = 1 + 2 + 0 + 3 */
    assert_int_equal(cell(d->report, 2, 0, 0, 4), 6);
    const gir_report *r = d->report;
    /* 总计 column = sum of the six: 新收 3+2+0+0+0+1 = 6 */
    assert_int_equal(cell(r, 1, 0, 0, 6), 6);
    assert_int_equal(report_cell(r, 1, 0, 0, 6)->state, CELL_COMPUTED);
    /* （七）总计 (row 23 in 2021) = 予以公开 + 国家秘密 + 重复申请, per column */
    const gir_block *b = r->tables[1].t->blocks[0];
    int qi = -1;
    for (size_t i = 0; i < b->nrows; i++) if (strcmp(b->rows[i]->name, "办结总计") == 0) qi = (int)i;
    assert_int_equal(qi, 23);
    assert_int_equal(cell(r, 1, 0, qi, 0), 3);   /* 2 + 1 + 0 */
    assert_int_equal(cell(r, 1, 0, qi, 1), 2);   /* 1 + 0 + 1 */
    assert_int_equal(cell(r, 1, 0, qi, 5), 1);   /* 0 + 0 + 1 */
    assert_int_equal(cell(r, 1, 0, qi, 6), 6);   /* the corner */
    gir_doc_free(d);
}

static void test_money_in_yuan_converts_exactly(void **st)
{
    (void)st;
    gir_doc *d = compile(report("gov2021", 2021, "\n 行政事业性收费 1263500元\n", "", ""));
    assert_int_equal(d->diags.nerrors, 0);
    gir_cell *c = report_cell(d->report, 0, 3, 0, 0);
    char buf[48];
    dec_format_buf(c->v, buf);
    assert_string_equal(buf, "126.35");
    assert_string_equal(c->unit, "万元");
    gir_doc_free(d);
}

static void test_variant_template_needs_no_c_change(void **st)
{
    (void)st;
    /* A province adds a row to table 2 of its own variant: a .gir file. */
    const char *text =
        "template 某省2021 \"某省格式\" {\n years 2021 .. 9999\n"
        " section 总体情况 \"一、总体情况\"\n"
        " section 主动公开 \"二、主动公开政府信息情况\" table 主动公开\n"
        " table 主动公开 \"主动公开\" {\n"
        "  columns { 件数 \"本年制发件数\" 总数 \"合计\" = sum(件数) }\n"
        "  rows { 规章 \"规章\" 地方标准 \"地方标准（本省增加）\" }\n"
        "  rule \"P1\" error over each column: 地方标准 <= 10 \"地方标准不超过10件\"\n"
        " }\n}\n"
        "report \"t\" {\n template 某省2021\n agency \"a\"\n year 2021\n}\n"
        "section 总体情况 \"x\"\n"
        "table 主动公开 {\n \"地方标准（本省增加）\" 12\n}\n";
    gir_doc *d = compile(text);
    assert_non_null(d->report);
    /* the rule fails in both columns: 件数 and the derived 合计 */
    assert_int_equal(d->diags.nerrors, 2);
    assert_string_equal(d->diags.v[0]->code, "E0502");
    assert_string_equal(d->diags.v[1]->code, "E0502");
    assert_int_equal(cell(d->report, 0, 0, 1, 1), 12);  /* the derived 合计 */
    gir_doc_free(d);
}

static void test_two_documents_side_by_side(void **st)
{
    (void)st;
    char *a = strdup(report("gov2021", 2021, "", "\n 新收 1\n", ""));
    gir_doc *d1 = compile(a);
    gir_doc *d2 = compile("report {\n year\n}\n");
    assert_int_equal(d1->diags.nerrors, 2);  /* R3.1 in 自然人 and 总计 */
    assert_true(d2->diags.nerrors >= 1);
    gir_doc_free(d2);
    assert_non_null(d1->report->schema);
    gir_doc_free(d1);
    free(a);
}

/* ---- the tables of syntax/lang.h, as the checker reads them ---- */

/* A template of its own (no stdlib name) and a report on it: one table
 * with a count column, a money column shown in 元 and one in 万元 (both
 * take either unit). */
static const char *own(const char *header, const char *row)
{
    static char buf[4096];
    snprintf(buf, sizeof buf,
             "template t \"T\" {\n years 2021 .. 2021\n section s \"S\"\n"
             " table m \"M\" {\n  columns { n \"N\"  y \"Y\" : money(元, 万元)  w \"W\" : money(万元, 元) }\n"
             "  rows { r \"R\" }\n }\n}\n"
             "report \"t\" {\n%s}\nsection s \"x\"\ntable m {\n r %s\n}\n", header, row);
    return buf;
}

static gir_doc *compile_own(const char *header, const char *row)
{
    gir_options o = {0};
    o.lang = GIR_LANG_EN;
    o.no_previous = 1;
    const char *text = own(header, row);
    return gir_doc_compile("t.gir", text, strlen(text), &o);
}

static size_t count_code(const gir_doc *d, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < d->diags.n; i++) n += strcmp(d->diags.v[i]->code, code) == 0;
    return n;
}

static const gir_diag *find_code(const gir_doc *d, const char *code)
{
    for (size_t i = 0; i < d->diags.n; i++)
        if (strcmp(d->diags.v[i]->code, code) == 0) return d->diags.v[i];
    return NULL;
}

/* A header with no field lacks exactly the required fields of
 * fields.def, in its order; an unknown field's help lists them all. */
static void test_header_fields_from_table(void **st)
{
    (void)st;
    gir_doc *d = compile("report \"t\" {\n}\n");
    size_t k = 0;
    for (int i = 0; i < FIELD__COUNT; i++) {
        if (!gir_fields[i].required) continue;
        char want[64];
        snprintf(want, sizeof want, "the report header lacks '%s'", gir_fields[i].name);
        while (k < d->diags.n && strcmp(d->diags.v[k]->code, "E0608") != 0) k++;
        assert_true(k < d->diags.n);
        assert_string_equal(d->diags.v[k]->msg, want);
        k++;
    }
    while (k < d->diags.n && strcmp(d->diags.v[k]->code, "E0608") != 0) k++;
    assert_int_equal(k, d->diags.n);
    char list[256] = "fields: ";
    for (int i = 0; i < FIELD__COUNT; i++) {
        if (i) strcat(list, ", ");
        strcat(list, gir_fields[i].name);
    }
    gir_doc_free(d);
    d = compile("report \"t\" {\n zzzzzzzz 1\n}\n");
    const gir_diag *g = find_code(d, "E0603");
    assert_non_null(g);
    assert_string_equal(g->help, list);
    gir_doc_free(d);
}

/* Each field takes exactly the kinds of value fields.def gives it. */
static void test_header_values_from_table(void **st)
{
    (void)st;
    static const struct { int kind; const char *text; } values[] = {
        {GIR_VAL_STRING, "\"s\""}, {GIR_VAL_NUMBER, "2021"}, {GIR_VAL_DATE, "2022-01-10"}, {GIR_VAL_NAME, "x"},
    };
    for (int i = 0; i < FIELD__COUNT; i++)
        for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
            char text[128];
            snprintf(text, sizeof text, "report \"t\" {\n %s %s\n}\n", gir_fields[i].name, values[v].text);
            gir_doc *d = compile(text);
            assert_int_equal(count_code(d, "E0605"), (gir_fields[i].values & values[v].kind) ? 0 : 1);
            gir_doc_free(d);
        }
}

/* Every word of kinds.def names its kind; the art. 49 deadline of each
 * kind is the one kinds.def gives (the day after it is late). */
static void test_kinds_from_table(void **st)
{
    (void)st;
    for (int k = KIND_UNKNOWN + 1; k < KIND__COUNT; k++) {
        char h[256];
        snprintf(h, sizeof h, " template t\n agency \"a\"\n year 2021\n kind %s\n", gir_kind_names[k]);
        gir_doc *d = compile_own(h, "1");
        assert_int_equal(d->diags.nerrors, 0);
        assert_int_equal(d->report->kind, k);
        gir_doc_free(d);
        const gir_deadline *dl = lang_deadline((gir_agency_kind)k);
        for (int late = 0; late < 2; late++) {
            int m = dl ? dl->month : 12;
            int day = dl ? dl->day : 31;
            if (late && day < 28) day++;
            else if (late) {
                m++;
                day = 1;
            }
            snprintf(h, sizeof h, " template t\n agency \"a\"\n year 2021\n kind %s\n date 2022-%02d-%02d\n",
                     gir_kind_names[k], m, day);
            d = compile_own(h, "1");
            const gir_diag *g = find_code(d, "W0603");
            assert_int_equal(g != NULL, late && dl);
            if (g) {
                assert_int_equal(g->nnotes, 1);
                assert_string_equal(g->notes[0], msg_fmt(GIR_LANG_EN, dl->note));
            }
            gir_doc_free(d);
        }
    }
    for (const gir_kind_word *w = gir_kind_words; w->word; w++) {
        char h[256];
        snprintf(h, sizeof h, " template t\n agency \"a\"\n year 2021\n kind %s\n", w->word);
        gir_doc *d = compile_own(h, "1");
        assert_int_equal(d->report->kind, w->kind);
        gir_doc_free(d);
    }
    gir_doc *d = compile_own(" template t\n agency \"a\"\n year 2021\n kind nobody\n", "1");
    assert_int_equal(count_code(d, "E0607"), 1);
    gir_doc_free(d);
}

/* Money in every money unit of numbers.def converts by its scale; every
 * count unit fits a count column, a money unit does not. */
static void test_units_from_table(void **st)
{
    (void)st;
    const char *h = " template t\n agency \"a\"\n year 2021\n";
    for (const gir_unit *u = gir_units; u->word; u++) {
        char row[128];
        snprintf(row, sizeof row, "1%s y=1%s w=1%s", u->quantity == GIR_UNIT_COUNT ? u->word : "",
                 u->quantity == GIR_UNIT_MONEY ? u->word : lang_unit_base(GIR_UNIT_MONEY),
                 u->quantity == GIR_UNIT_MONEY ? u->word : lang_unit_base(GIR_UNIT_MONEY));
        gir_doc *d = compile_own(h, row);
        assert_int_equal(d->diags.nerrors, 0);
        if (u->quantity == GIR_UNIT_MONEY) {
            const gir_cell *y = report_cell(d->report, 0, 0, 0, 1);
            const gir_cell *w = report_cell(d->report, 0, 0, 0, 2);
            gir_dec one = {1, 0};
            gir_dec want_y, want_w;
            assert_int_equal(dec_shift(one, u->scale, &want_y), DEC_OK);
            assert_int_equal(dec_shift(one, u->scale - lang_unit(w->unit)->scale, &want_w), DEC_OK);
            int ok;
            assert_int_equal(dec_cmp(y->v, want_y, &ok), 0);
            assert_true(ok);
            assert_int_equal(dec_cmp(w->v, want_w, &ok), 0);
            assert_true(ok);
            assert_string_equal(y->unit, lang_unit_base(GIR_UNIT_MONEY));
        }
        gir_doc_free(d);
        if (u->quantity != GIR_UNIT_MONEY) continue;
        snprintf(row, sizeof row, "1%s", u->word);
        d = compile_own(h, row);
        const gir_diag *g = find_code(d, "E0405");
        assert_non_null(g);
        char want[128];
        snprintf(want, sizeof want, "(use: %s)", lang_unit_base(GIR_UNIT_COUNT));
        assert_non_null(strstr(g->msg, want));
        gir_doc_free(d);
    }
}

/* The template-year hint names the embedded template whose declared
 * years cover the report's year. */
static void test_template_hint_from_declared_years(void **st)
{
    (void)st;
    for (const gir_embedded *e = gir_stdlib; e->name; e++) {
        gir_doc *keep;
        const gir_schema *s = stdlib_schema(&keep, e->name);
        gir_arena *a = arena_new(NULL);
        assert_string_equal(template_builtin_for_year(a, s->year_from), e->name);
        assert_string_equal(template_builtin_for_year(a, s->year_to), e->name);
        arena_free(a);
        int year = s->year_from != 2021 ? s->year_from : s->year_from + 1;   /* not the own template's */
        char h[256];
        snprintf(h, sizeof h, " template t\n agency \"a\"\n year %d\n", year);
        gir_doc *d = compile_own(h, "1");
        const gir_diag *g = find_code(d, "W0601");
        char want[64];
        snprintf(want, sizeof want, "use template %s", e->name);
        assert_non_null(g);
        assert_string_equal(g->help, want);
        gir_doc_free(d);
        gir_doc_free(keep);
    }
}

/* A total whose parts overflow a 64-bit decimal is an error (E0622), never
 * a wrapped or zero value, whether it is omitted or written; a rule whose
 * sum overflows is an error (E0623), never silently unchecked. */
static void test_total_overflow_is_an_error(void **state)
{
    (void)state;
    /* omitted 复议总计: would be INT64_MAX + INT64_MAX */
    gir_doc *d = compile(report("gov2021", 2021, "", "", "9223372036854775807 9223372036854775807"));
    assert_int_equal(count_code(d, "E0622"), 1);
    const gir_cell *c = report_cell(d->report, 2, 0, 0, 4);
    assert_true(c->bad);
    assert_int_not_equal(c->state, CELL_COMPUTED);
    gir_doc_free(d);
    /* written total of 5: checked, and the check is an error */
    d = compile(report("gov2021", 2021, "", "", "9223372036854775807 9223372036854775807 0 0 5"));
    assert_int_equal(count_code(d, "E0622"), 1);
    assert_true(d->diags.nerrors >= 1);
    gir_doc_free(d);
    /* a sum that overflows by one: INT64_MAX + 1 */
    d = compile(report("gov2021", 2021, "", "", "9223372036854775807 1"));
    assert_int_equal(count_code(d, "E0622"), 1);
    gir_doc_free(d);
    /* R3.1 (新收 + 结转 == 办结总计 + 结转下年) over the 自然人 and 总计
     * columns: INT64_MAX + 1 */
    d = compile(report("gov2021", 2021, "", "新收 9223372036854775807 0 0 0 0 0 9223372036854775807\n结转 1 0 0 0 0 0 1\n"
                       "办结总计 0 0 0 0 0 0 0\n结转下年 0 0 0 0 0 0 0\n", ""));
    assert_int_equal(count_code(d, "E0623"), 2);
    gir_doc_free(d);
    /* in range: no overflow diagnostic */
    d = compile(report("gov2021", 2021, "", "", "4611686018427387903 4611686018427387904"));
    assert_int_equal(count_code(d, "E0622"), 0);
    assert_int_equal(report_cell(d->report, 2, 0, 0, 4)->v.m, INT64_MAX);
    gir_doc_free(d);
}

/* The wording of the evaluators' checks is the stdlib's (issue 13): the
 * sections, words and thresholds gov2019 and gov2021 declare, and their
 * jump cells. */
static void test_stdlib_wording(void **st)
{
    (void)st;
    const gir_schema *s21 = tcache_builtin("gov2021"), *s19 = tcache_builtin("gov2019");
    assert_non_null(s21);
    assert_non_null(s19);
    const gir_words *p = schema_words(s21, WD_PROBLEMS);
    assert_non_null(p);
    assert_string_equal(p->section->name, "问题改进");
    assert_non_null(schema_words(s21, WD_FEE));
    assert_null(schema_words(s19, WD_FEE));   /* the fee is a 2021-format item */
    const gir_words *d = schema_words(s19, WD_DUTIES);
    assert_int_equal(d->n, 3);
    assert_true(words_in(d, (const unsigned char *)"开展社会评议", (const unsigned char *)"开展社会评议" + strlen("开展社会评议")));
    double v = 0;
    assert_true(schema_threshold(s21, TH_COPIED, &v));
    assert_true(v == 50);
    assert_true(schema_threshold(s19, TH_JUMP, &v));
    assert_true(v == 5);
    const gir_ttable *t3 = NULL, *t4 = NULL;
    for (size_t i = 0; i < s21->ntables; i++) {
        if (!strcmp(s21->tables[i]->name, "申请处理")) t3 = s21->tables[i];
        if (!strcmp(s21->tables[i]->name, "复议诉讼")) t4 = s21->tables[i];
    }
    assert_non_null(t3);
    assert_non_null(t4);
    assert_int_equal(t3->njumps, 1);
    assert_int_equal(t4->njumps, 3);
    assert_int_equal(t4->jumps[2]->lhs.nterms, 3);
}

/* --threshold: the override wins over every template and leaves the
 * shared schema as it was built; a wrong one is refused. */
static void test_threshold_override(void **st)
{
    (void)st;
    const gir_schema *s = tcache_builtin("gov2021");
    double v = 0;
    assert_int_equal(threshold_option("copied=60"), 0);
    assert_true(schema_threshold(s, TH_COPIED, &v));
    assert_true(v == 60);
    assert_true(s->wordbook->th[TH_COPIED] == 50);
    assert_int_equal(threshold_option("nope=1"), -1);
    assert_int_equal(threshold_option("copied=0"), -2);
    assert_int_equal(threshold_option("jump_ratio=1"), -2);
    assert_int_equal(threshold_option("copied"), -3);
    assert_int_equal(threshold_option("copied=6x"), -3);
    threshold_overrides_clear();
    assert_true(schema_threshold(s, TH_COPIED, &v));
    assert_true(v == 50);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_labels_2021),
        cmocka_unit_test(test_stdlib_wording),
        cmocka_unit_test(test_threshold_override),
        cmocka_unit_test(test_labels_2019),
        cmocka_unit_test(test_omitted_totals_are_computed),
        cmocka_unit_test(test_money_in_yuan_converts_exactly),
        cmocka_unit_test(test_variant_template_needs_no_c_change),
        cmocka_unit_test(test_two_documents_side_by_side),
        cmocka_unit_test(test_header_fields_from_table),
        cmocka_unit_test(test_header_values_from_table),
        cmocka_unit_test(test_kinds_from_table),
        cmocka_unit_test(test_units_from_table),
        cmocka_unit_test(test_template_hint_from_declared_years),
        cmocka_unit_test(test_total_overflow_is_an_error),
    };
    return cmocka_run_group_tests_name("check", tests, NULL, NULL);
}

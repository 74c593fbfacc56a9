/* test_lsp_memo.c - the memo of the prose checks (check.h) that the
 * language server's store keeps per document: after each edit, the
 * diagnostics of the document compiled with its memo are the same, field
 * by field, as those of the same text compiled afresh without one. The
 * report (tests/golden/650-all-handled.gir with a first section of more
 * than 4 KB, so that the memo keeps it) has a finding of every kind the
 * memo keeps: W0604 (mention), W0671 (share), W0642, W0643, W0650
 * (sentences). The edits move the section (a comment line above it),
 * change what the findings depend on besides the text (the carried-over
 * cell that W0650 needs, the year), and change the section itself. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lsp/internal.h"

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    return strdup(buf);
}

/* s with the first occurrence of from replaced by to (malloc). */
static char *replace(const char *s, const char *from, const char *to)
{
    const char *p = strstr(s, from);
    assert_non_null(p);
    size_t a = (size_t)(p - s), fl = strlen(from), tl = strlen(to), n = strlen(s);
    char *r = malloc(n - fl + tl + 1);
    memcpy(r, s, a);
    memcpy(r + a, to, tl);
    memcpy(r + a + tl, p + fl, n - a - fl + 1);
    return r;
}

/* The report with the findings in a long first section. */
static char *report(void)
{
    char *g = slurp("tests/golden/650-all-handled.gir");
    char pad[4608] = "";
    while (strlen(pad) + 200 < sizeof pad) strcat(pad, "持续深化政务公开工作，切实保障人民群众的知情权。");
    char add[12288];
    snprintf(add, sizeof add,
             "section 总体情况 \"\"\"\n%s\n\n所列数据的统计期限为2020年1月1日至2020年12月31日。\n\n"
             "2020年，本局继续推进政务公开。\n\n全年新收政府信息公开申请99件。\n\n收到申请81件，予以公开42件，占99.85%%。\n\n"
             "本年度受理的政府信息公开申请均已办结。\n\n%s\n",
             pad, pad);
    char *r = replace(g, "section 总体情况 \"\"\"\n", add);
    free(g);
    return r;
}

static int count_code(const gir_diags *dg, const char *code)
{
    int n = 0;
    for (size_t i = 0; i < dg->n; i++) n += dg->v[i]->code && strcmp(dg->v[i]->code, code) == 0;
    return n;
}

static void same_str(const char *a, const char *b)
{
    if (!a || !b) {
        assert_true(a == b);
        return;
    }
    assert_string_equal(a, b);
}

static void same_diag(const gir_diag *a, const gir_diag *b)
{
    same_str(a->code, b->code);
    assert_int_equal(a->sev, b->sev);
    assert_int_equal(a->span.start, b->span.start);
    assert_int_equal(a->span.end, b->span.end);
    same_str(a->msg, b->msg);
    same_str(a->help, b->help);
    assert_int_equal(a->nrelated, b->nrelated);
    for (size_t i = 0; i < a->nrelated; i++) {
        assert_int_equal(a->related[i].span.start, b->related[i].span.start);
        assert_int_equal(a->related[i].span.end, b->related[i].span.end);
        same_str(a->related[i].msg, b->related[i].msg);
    }
    assert_int_equal(a->nnotes, b->nnotes);
    for (size_t i = 0; i < a->nnotes; i++) same_str(a->notes[i], b->notes[i]);
    assert_int_equal(a->nfixes, b->nfixes);
    for (size_t i = 0; i < a->nfixes; i++) {
        assert_int_equal(a->fixes[i].span.start, b->fixes[i].span.start);
        same_str(a->fixes[i].text, b->fixes[i].text);
    }
}

/* Sets the document's text, compiles it with its memo, and compares
 * with a compile of the same text without one; returns the count of
 * code in the fresh compile. */
static int check_text(lsp_doc *d, const char *text, const char *code)
{
    gir_options o;
    memset(&o, 0, sizeof o);
    lsp_store_set_text(d, text, strlen(text));
    assert_int_equal(lsp_store_compile(d, &o), 1);
    assert_non_null(d->memo);
    gir_doc *fresh = gir_doc_compile(d->name, text, strlen(text), &o);
    assert_non_null(fresh);
    diags_sort(&fresh->diags);
    assert_int_equal(d->doc->diags.n, fresh->diags.n);
    for (size_t i = 0; i < fresh->diags.n; i++) same_diag(d->doc->diags.v[i], fresh->diags.v[i]);
    int n = count_code(&fresh->diags, code);
    gir_doc_free(fresh);
    return n;
}

static void test_memo_same_findings(void **state)
{
    (void)state;
    lsp_store st;
    lsp_store_init(&st, NULL, NULL);
    lsp_doc *d = lsp_store_open(&st, "file:///tmp/memo-report.gir");
    assert_non_null(d);
    char *r0 = report();
    static const char *const codes[] = {"W0604", "W0671", "W0642", "W0643", "W0650"};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) assert_true(check_text(d, r0, codes[i]) >= 1);
    /* the same text again, then moved down by a line: read from the memo */
    assert_true(check_text(d, r0, "W0671") >= 1);
    char *r1 = malloc(strlen(r0) + 32);
    strcpy(r1, "# 移动一行\n");
    strcat(r1, r0);
    assert_true(check_text(d, r1, "W0604") >= 1);
    /* nothing carried into next year: no W0650, then back */
    char *r2 = replace(r1, "结转下年       3 0 0 0 1 0  4", "结转下年       0 0 0 0 0 0  0");
    assert_int_equal(check_text(d, r2, "W0650"), 0);
    assert_true(check_text(d, r1, "W0650") >= 1);
    /* another year: 2020年 at the head of a sentence is this year now */
    char *r3 = replace(r1, "year     2021", "year     2020");
    assert_int_equal(check_text(d, r3, "W0643"), 0);
    /* the section itself changed: the share as it should be, then back */
    char *r4 = replace(r1, "占99.85%", "占51.85%");
    assert_int_equal(check_text(d, r4, "W0671"), 0);
    assert_true(check_text(d, r1, "W0671") >= 1);
    free(r0);
    free(r1);
    free(r2);
    free(r3);
    free(r4);
    lsp_store_free(&st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_memo_same_findings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

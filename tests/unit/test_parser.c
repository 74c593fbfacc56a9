/* test_parser.c - the bison grammar: AST shape with byte spans for
 * reports and templates, and error recovery (every bad line reported,
 * the rest of the file still parsed); keywords named in messages by the
 * words of syntax/keywords.def. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "syntax/lang.h"
#include "syntax/parse.h"

typedef struct { gir_arena *a; gir_diags d; gir_source s; gir_node *root; } parsed;

static void parse(parsed *p, const char *text)
{
    p->a = arena_new(NULL);
    diags_init(&p->d, p->a, GIR_LANG_EN);
    source_init(&p->s, p->a, "t.gir", text, (uint32_t)strlen(text));
    p->root = gir_parse(p->a, &p->d, &p->s);
}

static const char *dump(parsed *p)
{
    gir_buf b;
    buf_init(&b, p->a);
    ast_dump(p->root, &b);
    return buf_cstr(&b);
}

static void test_report_and_table(void **st)
{
    (void)st;
    parsed p;
    parse(&p, "report \"T\" {\n year 2021\n}\ntable 申请处理 {\n 新收 3 自然人=2 _\n}\n");
    assert_int_equal(p.d.n, 0);
    assert_string_equal(dump(&p),
        "file 0-72\n"
        "  report 0-25 \"T\"\n"
        "    field 14-23\n"
        "      name 14-18 \"year\"\n"
        "      lit 19-23 number sign=0 int=2021 frac= unit=\n"
        "  table 26-72\n"
        "    name 32-44 \"申请处理\"\n"
        "    row 48-70\n"
        "      name 48-54 \"新收\"\n"
        "      lit 55-56 number sign=0 int=3 frac= unit=\n"
        "      named 57-68\n"
        "        name 57-66 \"自然人\"\n"
        "        lit 67-68 number sign=0 int=2 frac= unit=\n"
        "      lit 69-70 blank\n");
    arena_free(p.a);
}

/* Waivers in the three places: a rule id read back from IDENT '.' NUMBER,
 * a WHERE name or path, the reason last; a missing reason is no syntax
 * error (the checker reports it). */
static void test_waivers(void **st)
{
    (void)st;
    parsed p;
    parse(&p, "report {\n waive W0603 \"r\"\n}\ntable t {\n waive R3.1 a.b \"x\"\n waive E0501\n}\nwaive \"H2\" \"q\" \"y\"\n");
    assert_int_equal(p.d.n, 0);
    assert_string_equal(dump(&p),
        "file 0-91\n"
        "  report 0-27\n"
        "    waiver 10-25\n"
        "      name 16-21 \"W0603\"\n"
        "      lit 22-25 string \"r\"\n"
        "  table 28-72\n"
        "    name 34-35 \"t\"\n"
        "    waiver 39-57\n"
        "      name 45-49 \"R3.1\"\n"
        "      path 50-53\n"
        "        name 50-51 \"a\"\n"
        "        name 52-53 \"b\"\n"
        "      lit 54-57 string \"x\"\n"
        "    waiver 59-70\n"
        "      name 65-70 \"E0501\"\n"
        "  waiver 73-91\n"
        "    name 79-83 \"H2\"\n"
        "    name 84-87 \"q\"\n"
        "    lit 88-91 string \"y\"\n");
    arena_free(p.a);
}

static void test_template_pieces(void **st)
{
    (void)st;
    parsed p;
    parse(&p, "template x \"X\" {\n years 2021 .. 9999\n section a \"一\" alias b table t\n"
              " table t \"T\" {\n  columns { c \"C\" : money(元, 万元) s \"S\" = sum(c) }\n"
              "  rows { group g \"G\" { r \"R\" alias rr } }\n"
              "  rule \"R1\" error over each column: r == 0\n   \"msg\"\n }\n}\n");
    assert_int_equal(p.d.n, 0);
    const gir_node *t = p.root->first;
    assert_int_equal(t->kind, N_TEMPLATE);
    assert_non_null(ast_find(t, N_YEARS));
    assert_non_null(ast_find(t, N_TSECTION));
    const gir_node *tt = ast_find(t, N_TTABLE);
    assert_non_null(tt);
    const gir_node *rule = ast_find(tt, N_RULE);
    assert_non_null(rule);
    assert_string_equal(rule->str, "R1");
    assert_int_equal(rule->cmp, CMP_EQ);
    assert_int_equal(ast_child(rule, 0)->op, SCOPE_EACH_COLUMN);
    const gir_node *cols = ast_find(tt, N_COLUMNS);
    const gir_node *leaf = cols->first;
    assert_string_equal(ast_find(leaf, N_TYPE)->str, "money");
    assert_non_null(ast_find(leaf->next, N_SUM));
    arena_free(p.a);
}

static void test_recovery_reports_every_line(void **st)
{
    (void)st;
    parsed p;
    parse(&p, "table t {\n a 1\n ) 2\n b 3\n = 4\n c 5\n}\nsection s \"x\"\n");
    /* line 3 and line 5 are bad; rows a, b, c and the section survive */
    assert_int_equal(p.d.nerrors, 2);
    assert_string_equal(p.d.v[0]->code, "E0201");
    assert_int_equal(p.d.v[0]->span.start, 16);
    assert_int_equal(p.root->first->kind, N_TABLE);
    int rows = 0;
    for (const gir_node *r = p.root->first->first; r; r = r->next) rows += r->kind == N_ROW;
    assert_int_equal(rows, 3);
    const gir_node *sec = p.root->last;
    assert_int_equal(sec->kind, N_SECTION);
    arena_free(p.a);
}

static void test_messages_use_human_names(void **st)
{
    (void)st;
    parsed p;
    parse(&p, "report {\n year\n}\n");
    assert_int_equal(p.d.nerrors, 1);
    assert_string_equal(p.d.v[0]->msg, "syntax error: unexpected end of line, expected name, string, number or date");
    arena_free(p.a);
}

static void test_deep_nesting_is_an_error_not_a_crash(void **st)
{
    (void)st;
    enum { N = 30000 };
    static char text[N * 12 + 200];
    char *q = text;
    q += sprintf(q, "template x {\n table t {\n  rows { ");
    for (int i = 0; i < N; i++) q += sprintf(q, "group g {");
    for (int i = 0; i < N; i++) *q++ = '}';
    strcpy(q, " }\n }\n}\n");
    parsed p;
    parse(&p, text);
    assert_true(p.d.nerrors >= 1);
    arena_free(p.a);
}

/* The parser names keywords by the words of syntax/keywords.def: an
 * unexpected one, and the top-level ones it expects. */
static void test_keyword_names_from_table(void **st)
{
    (void)st;
    for (const gir_keyword *k = gir_keywords; k->word; k++) {
        if (k->where & GIR_KW_TOP) continue;
        char text[64], want[96];
        snprintf(text, sizeof text, "%s\n", k->word);
        snprintf(want, sizeof want, "syntax error: unexpected keyword '%s', expected ", k->word);
        parsed p;
        parse(&p, text);
        assert_int_equal(p.d.nerrors, 1);
        assert_true(strncmp(p.d.v[0]->msg, want, strlen(want)) == 0);
        arena_free(p.a);
    }
    parsed p;
    parse(&p, "x\n");
    assert_int_equal(p.d.nerrors, 1);
    for (const gir_keyword *k = gir_keywords; k->word; k++) {
        char want[64];
        snprintf(want, sizeof want, "keyword '%s'", k->word);
        assert_true((strstr(p.d.v[0]->msg, want) != NULL) == ((k->where & GIR_KW_TOP) != 0));
    }
    arena_free(p.a);
}

/* grammar/parser.y declares as many KW_ tokens as keywords.def has words
 * (each word has its own token: test_lexer.c), so no keyword lacks a word. */
static void test_every_keyword_token_has_a_word(void **st)
{
    (void)st;
    FILE *f = fopen("grammar/parser.y", "rb");
    assert_non_null(f);
    static char text[1 << 17];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = 0;
    size_t tokens = 0;
    for (const char *line = text; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
        if (strncmp(line, "%token", 6) != 0) continue;
        const char *end = strchr(line, '\n');
        for (const char *p = line; (p = strstr(p, "KW_")) != NULL && p < end; p += 3) tokens++;
    }
    size_t words = 0;
    for (const gir_keyword *k = gir_keywords; k->word; k++) words++;
    assert_int_equal(tokens, words);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report_and_table),
        cmocka_unit_test(test_waivers),
        cmocka_unit_test(test_template_pieces),
        cmocka_unit_test(test_recovery_reports_every_line),
        cmocka_unit_test(test_messages_use_human_names),
        cmocka_unit_test(test_deep_nesting_is_an_error_not_a_crash),
        cmocka_unit_test(test_keyword_names_from_table),
        cmocka_unit_test(test_every_keyword_token_has_a_word),
    };
    return cmocka_run_group_tests_name("parser", tests, NULL, NULL);
}

/* test_lexer.c - the re2c scanner as token streams: identifiers in CJK,
 * numbers with signs and units, dates, strings, prose, comments, the
 * full-width policy, BOM/CRLF, and bad bytes with exact positions; the
 * keyword, sign and unit tables of syntax/lang.h are what the lexer
 * reads, and the `sign` and `unit` regexes hold exactly their words. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "syntax/lang.h"
#include "syntax/lexer.h"
#include "parser.h"

static const char *kind(int k)
{
    switch (k) {
    case IDENT: return "ID"; case STRING: return "STR"; case PROSE: return "PROSE";
    case NUMBER: return "NUM"; case DATE: return "DATE"; case BLANK: return "BLANK";
    case NEWLINE: return "NL"; case COMMENT: return "COMMENT"; case YYEOF: return "EOF";
    case YYerror: return "ERR"; case DOTDOT: return ".."; case EQEQ: return "==";
    case KW_REPORT: return "report"; case KW_TABLE: return "table"; case KW_SECTION: return "section";
    default: break;
    }
    static char buf[8];
    if (k < 128) { buf[0] = (char)k; buf[1] = 0; return buf; }
    return "KW";
}

/* "KIND(text)@start-end ..." for every token, and the diagnostics codes. */
static char *lex(const char *text, int comments, char *diags_out)
{
    gir_arena *a = arena_new(NULL);
    gir_diags d;
    diags_init(&d, a, GIR_LANG_EN);
    gir_source src;
    source_init(&src, a, "t.gir", text, (uint32_t)strlen(text));
    gir_lexer lx;
    lexer_init(&lx, a, &d, &src);
    lx.emit_comments = comments;
    static char out[4096];
    out[0] = 0;
    for (int i = 0; i < 200; i++) {
        gir_node *v;
        gir_span sp;
        int k = lexer_next(&lx, &v, &sp);
        char item[256];
        const char *txt = "";
        char num[128];
        if (v && v->kind == N_LIT && v->lit.kind == LIT_NUMBER) {
            snprintf(num, sizeof num, "%d|%s|%s|%s", v->lit.sign, v->lit.int_digits, v->lit.frac_digits, v->lit.unit);
            txt = num;
        } else if (v && v->kind == N_LIT && v->lit.kind == LIT_DATE) {
            snprintf(num, sizeof num, "%04d-%02d-%02d", v->lit.year, v->lit.month, v->lit.day);
            txt = num;
        } else if (v && v->str) txt = v->str;
        snprintf(item, sizeof item, "%s%s%s%s@%u-%u", *out ? " " : "", kind(k), *txt ? ":" : "", txt, sp.start, sp.end);
        strncat(out, item, sizeof out - strlen(out) - 1);
        if (k == YYEOF) break;
    }
    if (diags_out) {
        diags_out[0] = 0;
        for (size_t i = 0; i < d.n; i++) {
            char item[64];
            snprintf(item, sizeof item, "%s%s@%u", i ? " " : "", d.v[i]->code, d.v[i]->span.start);
            strcat(diags_out, item);
        }
    }
    arena_free(a);
    return out;
}

static void test_cjk_row(void **st)
{
    (void)st;
    char dg[256];
    assert_string_equal(lex("行政许可 3 +111 114\n", 0, dg),
        "ID:行政许可@0-12 NUM:0|3||@13-14 NUM:1|111||@15-19 NUM:0|114||@20-23 NL@23-24 EOF@24-24");
    assert_string_equal(dg, "");
}

static void test_signs_and_units(void **st)
{
    (void)st;
    assert_string_equal(lex("增111 减8 -8 397265元 39.7万元", 0, NULL),
        "NUM:1|111||@0-6 NUM:-1|8||@7-11 NUM:-1|8||@12-14 NUM:0|397265||元@15-24 NUM:0|39|7|万元@25-35 NL@35-35 EOF@35-35");
}

static void test_dates(void **st)
{
    (void)st;
    char dg[256];
    assert_string_equal(lex("2021-01-25 2021年1月25日 2021-02-30", 0, dg),
        "DATE:2021-01-25@0-10 DATE:2021-01-25@11-27 DATE:2021-02-30@28-38 NL@38-38 EOF@38-38");
    assert_string_equal(dg, "E0108@28");
}

/* The one-pass fast path of prose and strings (spans copied, CR and
 * CRLF made LF) and the slow path it falls back to when a text has a bad
 * byte or a control character (diagnostics in the same order). */
static void test_prose_spans(void **st)
{
    (void)st;
    char dg[256];
    assert_string_equal(lex("\"\"\"\r\na\"\"b\r\nc\rd\r\n\"\"\"", 0, dg), "PROSE:a\"\"b\nc\nd@0-19 NL@19-19 EOF@19-19");
    assert_string_equal(dg, "");
    assert_string_equal(lex("\"\"\"\na\x01\xff\xc2\x85z\n\"\"\"", 0, dg), "PROSE:a\xffz@0-14 NL@14-14 EOF@14-14");
    assert_string_equal(dg, "E0101@6 W0110@5 W0110@7");
    assert_string_equal(lex("\"a\x01\\tb\"", 0, dg), "STR:a\tb@0-7 NL@7-7 EOF@7-7");
    assert_string_equal(dg, "W0110@2");
    assert_string_equal(lex("\"ab\\", 0, dg), "STR:ab\\@0-4 NL@4-4 EOF@4-4");
    assert_string_equal(dg, "E0105@0");
}

static void test_strings_and_prose(void **st)
{
    (void)st;
    char dg[256];
    assert_string_equal(lex("\"a\\\"b\\u{4e2d}\" \"\"\"\nx\n\"\"\"", 0, dg),
        "STR:a\"b中@0-14 PROSE:x@15-24 NL@24-24 EOF@24-24");
    assert_string_equal(dg, "");
    lex("\"open\nx", 0, dg);
    assert_string_equal(dg, "E0105@0");
    lex("\"\"\"\nnever closed", 0, dg);
    assert_string_equal(dg, "E0106@0");
    lex("\"bad \\q\"", 0, dg);
    assert_string_equal(dg, "E0107@5");
}

static void test_comments_and_blank_lines(void **st)
{
    (void)st;
    assert_string_equal(lex("a # c\n\n\nb", 0, NULL), "ID:a@0-1 NL@5-6 ID:b@8-9 NL@9-9 EOF@9-9");
    assert_string_equal(lex("a # c\nb", 1, NULL), "ID:a@0-1 COMMENT@2-5 NL@5-6 ID:b@6-7 NL@7-7 EOF@7-7");
}

static void test_fullwidth(void **st)
{
    (void)st;
    char dg[256];
    /* full-width digits: accepted, read as ASCII, warned */
    assert_string_equal(lex("０１２", 0, dg), "NUM:0|012||@0-9 NL@9-9 EOF@9-9");
    assert_string_equal(dg, "W0101@0");
    /* full-width digits in a date: the same policy */
    assert_string_equal(lex("２０２１-０１-２５", 0, dg), "DATE:2021-01-25@0-26 NL@26-26 EOF@26-26");
    assert_string_equal(dg, "W0101@0");
    /* full-width syntax punctuation: an error naming the ASCII one */
    lex("a ｛", 0, dg);
    assert_string_equal(dg, "E0104@2");
    /* U+3000 ideographic space is whitespace */
    assert_string_equal(lex("a\xe3\x80\x80" "b", 0, dg), "ID:a@0-1 ID:b@4-5 NL@5-5 EOF@5-5");
}

static void test_bom_crlf(void **st)
{
    (void)st;
    assert_string_equal(lex("\xEF\xBB\xBF" "a\r\nb\rc", 0, NULL),
        "ID:a@3-4 NL@4-6 ID:b@6-7 NL@7-8 ID:c@8-9 NL@9-9 EOF@9-9");
}

static void test_bad_bytes(void **st)
{
    (void)st;
    char dg[256];
    static const char nul[] = "a \0 b";
    gir_arena *a = arena_new(NULL);
    gir_diags d;
    diags_init(&d, a, GIR_LANG_EN);
    gir_source src;
    source_init(&src, a, "t", nul, 5);
    gir_lexer lx;
    lexer_init(&lx, a, &d, &src);
    gir_node *v;
    gir_span sp;
    assert_int_equal(lexer_next(&lx, &v, &sp), IDENT);
    assert_int_equal(lexer_next(&lx, &v, &sp), YYerror);
    assert_int_equal(sp.start, 2);
    assert_string_equal(d.v[0]->code, "E0102");
    assert_int_equal(lexer_next(&lx, &v, &sp), IDENT);
    arena_free(a);
    lex("a \xff b", 0, dg);
    assert_string_equal(dg, "E0101@2");
    lex("x @ y", 0, dg);
    assert_string_equal(dg, "E0103@2");
    lex("\"\xc3(\"", 0, dg);
    assert_string_equal(dg, "E0101@1");
}

static void test_keywords_and_ops(void **st)
{
    (void)st;
    assert_string_equal(lex("report table section 2019 .. 2020 a == b", 0, NULL),
        "report@0-6 table@7-12 section@13-20 NUM:0|2019||@21-25 ..@26-28 NUM:0|2020||@29-33 ID:a@34-35 ==@36-38 ID:b@39-40 NL@40-40 EOF@40-40");
}

static void test_huge_number_is_one_token(void **st)
{
    (void)st;
    static char big[10010];
    memset(big, '9', 10000);
    big[10000] = 0;
    char *out = lex(big, 0, NULL);
    assert_true(strncmp(out, "NUM:0|999", 9) == 0);
    assert_non_null(strstr(out, "@0-10000 NL"));
}

/* ---- the tables of syntax/lang.h, as the lexer reads them ---- */

typedef struct first_tok {
    int kind;
    uint32_t end;
    int sign;
    char unit[16], written[8], digits[16];
} first_tok;

/* The first token of text. */
static first_tok lex_first(const char *text)
{
    gir_arena *a = arena_new(NULL);
    gir_diags d;
    diags_init(&d, a, GIR_LANG_EN);
    gir_source src;
    source_init(&src, a, "t.gir", text, (uint32_t)strlen(text));
    gir_lexer lx;
    lexer_init(&lx, a, &d, &src);
    gir_node *v = NULL;
    gir_span sp;
    first_tok t;
    memset(&t, 0, sizeof t);
    t.kind = lexer_next(&lx, &v, &sp);
    t.end = sp.end;
    if (v && v->kind == N_LIT && v->lit.kind == LIT_NUMBER) {
        t.sign = v->lit.sign;
        snprintf(t.unit, sizeof t.unit, "%s", v->lit.unit);
        snprintf(t.written, sizeof t.written, "%s", v->lit.written_sign);
        snprintf(t.digits, sizeof t.digits, "%s", v->lit.int_digits);
    }
    arena_free(a);
    return t;
}

/* The words of a re2c definition `name = ...;` in grammar/lexer.re:
 * "literals" and the characters of [classes], NUL-separated in out. */
static size_t regex_words(const char *name, char out[][16], size_t max)
{
    FILE *f = fopen("grammar/lexer.re", "rb");
    assert_non_null(f);
    static char text[1 << 16];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = 0;
    const char *def = NULL;
    for (const char *p = text; (p = strstr(p, name)) != NULL; p++) {
        const char *q = p + strlen(name);
        while (*q == ' ') q++;
        if (p > text && p[-1] == ' ' && *q == '=' && q[1] == ' ') { def = q + 1; break; }
    }
    assert_non_null(def);
    size_t k = 0;
    for (const char *p = def; *p && *p != ';' && k < max; p++) {
        if (*p == '"') {
            const char *e = strchr(p + 1, '"');
            snprintf(out[k++], 16, "%.*s", (int)(e - p - 1), p + 1);
            p = e;
        } else if (*p == '[') {
            for (p++; *p != ']' && k < max; p++) {
                if (*p == '\\') p++;
                snprintf(out[k++], 16, "%c", *p);
            }
        }
    }
    return k;
}

static int in_list(char list[][16], size_t n, const char *w)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], w) == 0) return 1;
    return 0;
}

/* Every keyword of keywords.def lexes as its token, a longer word as an
 * identifier; the tokens are distinct. */
static void test_keywords_from_table(void **st)
{
    (void)st;
    size_t n = 0;
    for (const gir_keyword *k = gir_keywords; k->word; k++, n++) {
        char text[64];
        assert_int_equal(lex_first(k->word).kind, k->token);
        assert_int_equal(lang_keyword(k->word, strlen(k->word)), k->token);
        assert_string_equal(lang_keyword_word(k->token), k->word);
        snprintf(text, sizeof text, "%sx", k->word);
        assert_int_equal(lex_first(text).kind, IDENT);
        for (const gir_keyword *o = gir_keywords; o != k; o++) assert_int_not_equal(o->token, k->token);
    }
    assert_true(n > 0);
    assert_int_equal(lex_first("previous").kind, IDENT);
    assert_int_equal(lex_first("none").kind, IDENT);
}

/* The `unit` regex of grammar/lexer.re holds exactly the units of
 * numbers.def, and each of them lexes as the unit of a number. */
static void test_units_from_table(void **st)
{
    (void)st;
    char words[32][16];
    size_t nw = regex_words("unit", words, 32);
    size_t n = 0;
    for (const gir_unit *u = gir_units; u->word; u++, n++) {
        assert_true(in_list(words, nw, u->word));
        char text[32];
        snprintf(text, sizeof text, "12%s", u->word);
        first_tok t = lex_first(text);
        assert_int_equal(t.kind, NUMBER);
        assert_int_equal(t.end, strlen(text));
        assert_string_equal(t.unit, u->word);
        assert_ptr_equal(lang_unit(u->word), u);
    }
    assert_int_equal(nw, n);
    assert_null(lang_unit(""));
    /* anything else after the digits is not part of the number */
    first_tok t = lex_first("12斤");
    assert_int_equal(t.kind, NUMBER);
    assert_int_equal(t.end, 2);
    assert_string_equal(t.unit, "");
}

/* The `sign` regex holds exactly the signs of numbers.def, and each of
 * them lexes as the sign of a number. */
static void test_signs_from_table(void **st)
{
    (void)st;
    char words[32][16];
    size_t nw = regex_words("sign", words, 32);
    size_t n = 0;
    for (const gir_sign *s = gir_signs; s->word; s++, n++) {
        assert_true(in_list(words, nw, s->word));
        char text[32];
        snprintf(text, sizeof text, "%s7", s->word);
        first_tok t = lex_first(text);
        assert_int_equal(t.kind, NUMBER);
        assert_int_equal(t.end, strlen(text));
        assert_int_equal(t.sign, s->sign);
        assert_string_equal(t.written, s->written);
        assert_string_equal(t.digits, "7");
    }
    assert_int_equal(nw, n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cjk_row),
        cmocka_unit_test(test_signs_and_units),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_strings_and_prose),
        cmocka_unit_test(test_prose_spans),
        cmocka_unit_test(test_comments_and_blank_lines),
        cmocka_unit_test(test_fullwidth),
        cmocka_unit_test(test_bom_crlf),
        cmocka_unit_test(test_bad_bytes),
        cmocka_unit_test(test_keywords_and_ops),
        cmocka_unit_test(test_huge_number_is_one_token),
        cmocka_unit_test(test_keywords_from_table),
        cmocka_unit_test(test_units_from_table),
        cmocka_unit_test(test_signs_from_table),
    };
    return cmocka_run_group_tests_name("lexer", tests, NULL, NULL);
}

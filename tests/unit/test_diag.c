/* test_diag.c - unit tests for diag.c: recording (formatting, limit),
 * stable sorting, and the human, JSON and summary renderers, compared
 * byte for byte. */
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
#include "diag/diag.h"

typedef struct fixture {
    gir_arena *a;
    gir_diags d;
    gir_source s;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f) return -1;
    f->a = arena_new(NULL);
    *state = f;
    return f->a ? 0 : -1;
}

static int teardown(void **state)
{
    fixture *f = *state;
    arena_free(f->a);
    free(f);
    return 0;
}

/* A fixture with diagnostics in lang over text. */
static fixture *with(void **state, gir_lang lang, const char *text)
{
    fixture *f = *state;
    diags_init(&f->d, f->a, lang);
    source_init(&f->s, f->a, "t.gir", text, (uint32_t)strlen(text));
    return f;
}

static gir_span sp(uint32_t a, uint32_t b)
{
    gir_span s = {a, b};
    return s;
}

/* Byte offset of the first occurrence of needle. */
static uint32_t at(const fixture *f, const char *needle)
{
    const char *p = strstr(f->s.text, needle);
    assert_non_null(p);
    return (uint32_t)(p - f->s.text);
}

typedef enum { HUMAN, HUMAN_COLOR, JSON } form;

/* Renders g to a string (free it). */
static char *render(const gir_diag *g, form how)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&buf, &n);
    assert_non_null(out);
    gir_render_opts o = {how == HUMAN_COLOR, GIR_LANG_ZH, GIR_COL_CHAR};   /* the tests below count characters */
    if (how == JSON) diag_render_json(out, g, &o);
    else diag_render_human(out, g, &o);
    fclose(out);
    return buf;
}

static void expect_render(const gir_diag *g, form how, const char *want)
{
    assert_non_null(g);
    char *got = render(g, how);
    if (strcmp(got, want) != 0) print_error("got:\n%s\nwant:\n%s\n", got, want);
    assert_string_equal(got, want);
    free(got);
}

/* ---- human ---- */

#define ELEVEN_LINES "x\nx\nx\nx\nx\nx\nx\nx\nx\nx\nx\n"

static gir_diag *bad_char_on_line_12(fixture *f)
{
    uint32_t o = at(f, "@");
    gir_diag *g = diag_add(&f->d, GIR_SEV_ERROR, M_BAD_CHAR, &f->s, sp(o, o + 1), "@", 0x40u);
    diag_note(&f->d, g, M_HELP_UNKNOWN_LINE);
    diag_help(&f->d, g, M_HELP_USE_ASCII, "#");
    return g;
}

static void test_human_cjk_zh(void **state)
{
    fixture *f = with(state, GIR_LANG_ZH, ELEVEN_LINES "规章  0 @# 0\n");
    expect_render(bad_char_on_line_12(f), HUMAN,
                  "t.gir:12:7: error[E0103]: 无法识别的字符“@”(U+0040)\n"
                  "   12 | 规章  0 @# 0\n"
                  "      |         ^\n"
                  "   = note: 每一行应为一行表格数据：行名后接各列数值\n"
                  "   = help: 请改用半角的“#”\n");
}

static void test_human_cjk_en(void **state)
{
    fixture *f = with(state, GIR_LANG_EN, ELEVEN_LINES "规章  0 @# 0\n");
    expect_render(bad_char_on_line_12(f), HUMAN,
                  "t.gir:12:7: error[E0103]: unexpected character '@' (U+0040)\n"
                  "   12 | 规章  0 @# 0\n"
                  "      |         ^\n"
                  "   = note: each line is one table row: a row name, then its values\n"
                  "   = help: use the ASCII '#' instead\n");
}

/* A tab before the span and one inside it; CJK under the span is "~~". */
static void test_human_tab_warning(void **state)
{
    fixture *f = with(state, GIR_LANG_EN, "a\t总计\t12\n");
    uint32_t o = at(f, "总");
    gir_diag *g = diag_add(&f->d, GIR_SEV_WARNING, M_FULLWIDTH_DIGITS, &f->s, sp(o, o + 8), "12");
    expect_render(g, HUMAN,
                  "t.gir:1:3: warning[W0101]: full-width characters in a number, read as 12\n"
                  "    1 | a       总计    12\n"
                  "      |         ^~~~~~~~~\n");
}

/* A span that starts on a wide character gets "^~". */
static void test_human_wide_start(void **state)
{
    fixture *f = with(state, GIR_LANG_ZH, "行 １\n");
    uint32_t o = at(f, "１");
    gir_diag *g = diag_add(&f->d, GIR_SEV_WARNING, M_FULLWIDTH_DIGITS, &f->s, sp(o, o + 3), "1");
    diag_help(&f->d, g, M_HELP_WRITE, "1");
    expect_render(g, HUMAN,
                  "t.gir:1:3: warning[W0101]: 数字中含有全角字符，已按半角读取为 1\n"
                  "    1 | 行 １\n"
                  "      |    ^~\n"
                  "   = help: 改为 1\n");
}

/* A span over two lines is underlined to the end of its first line; an
 * empty span at the end of a line gets one caret after the last column. */
static void test_human_multiline(void **state)
{
    fixture *f = with(state, GIR_LANG_ZH, "总计 = (1 +\n  2)\n");
    uint32_t o = at(f, "("), e = at(f, ")") + 1;
    gir_diag *g = diag_add(&f->d, GIR_SEV_ERROR, M_SYNTAX, &f->s, sp(o, e), "文件结尾");
    expect_render(g, HUMAN,
                  "t.gir:1:6: error[E0201]: 语法错误：意外的文件结尾\n"
                  "    1 | 总计 = (1 +\n"
                  "      |        ^~~~\n");
    uint32_t nl = at(f, "\n");
    g = diag_add(&f->d, GIR_SEV_ERROR, M_SYNTAX_EXPECTED, &f->s, sp(nl, nl), "行尾", "数字");
    expect_render(g, HUMAN,
                  "t.gir:1:10: error[E0201]: 语法错误：意外的行尾，应为数字\n"
                  "    1 | 总计 = (1 +\n"
                  "      |            ^\n");
}

static gir_diag *total_with_related(fixture *f)
{
    uint32_t t = at(f, "18"), a = at(f, "3"), b = at(f, "14");
    gir_diag *g = diag_add(&f->d, GIR_SEV_ERROR, M_SYNTAX_EXPECTED, &f->s, sp(t, t + 2),
                           f->d.lang == GIR_LANG_EN ? "number" : "数字", "17");
    diag_related(&f->d, g, &f->s, sp(a, a + 1), T_PUNCT, "3");
    diag_related(&f->d, g, NULL, sp(b, b + 2), T_PUNCT, "14"); /* NULL: g's source */
    diag_help(&f->d, g, M_HELP_WRITE, "17");
    return g;
}

#define TOTALS "自然人 3\n商业企业 14\n总计 18\n"

static void test_human_related_zh(void **state)
{
    fixture *f = with(state, GIR_LANG_ZH, TOTALS);
    expect_render(total_with_related(f), HUMAN,
                  "t.gir:3:4: error[E0201]: 语法错误：意外的数字，应为17\n"
                  "    3 | 总计 18\n"
                  "      |      ^~\n"
                  "   = help: 改为 17\n"
                  "t.gir:1:5: note: “3”\n"
                  "    1 | 自然人 3\n"
                  "      |        ^\n"
                  "t.gir:2:6: note: “14”\n"
                  "    2 | 商业企业 14\n"
                  "      |          ^~\n");
}

static void test_human_related_en(void **state)
{
    fixture *f = with(state, GIR_LANG_EN, TOTALS);
    expect_render(total_with_related(f), HUMAN,
                  "t.gir:3:4: error[E0201]: syntax error: unexpected number, expected 17\n"
                  "    3 | 总计 18\n"
                  "      |      ^~\n"
                  "   = help: write 17\n"
                  "t.gir:1:5: note: '3'\n"
                  "    1 | 自然人 3\n"
                  "      |        ^\n"
                  "t.gir:2:6: note: '14'\n"
                  "    2 | 商业企业 14\n"
                  "      |          ^~\n");
}

/* The gutter grows with the largest line number shown (6 digits + 1). */
static void test_human_wide_gutter(void **state)
{
    size_t nl = 123455;
    char *text = malloc(nl + 16);
    assert_non_null(text);
    memset(text, '\n', nl);
    strcpy(text + nl, "9 @\n");
    fixture *f = with(state, GIR_LANG_EN, text);
    uint32_t o = at(f, "@");
    gir_diag *g = diag_add(&f->d, GIR_SEV_ERROR, M_BAD_CHAR, &f->s, sp(o, o + 1), "@", 0x40u);
    diag_related(&f->d, g, &f->s, sp(0, 0), M_HELP_UNKNOWN_LINE);
    diag_note(&f->d, g, M_HELP_WRITE, "9");
    expect_render(g, HUMAN,
                  "t.gir:123456:3: error[E0103]: unexpected character '@' (U+0040)\n"
                  " 123456 | 9 @\n"
                  "        |   ^\n"
                  "     = note: write 9\n"
                  "t.gir:1:1: note: each line is one table row: a row name, then its values\n"
                  "      1 |\n"
                  "        | ^\n");
    free(text);
}

/* Control characters and invalid bytes never reach the terminal, in the
 * source line or in the message. */
static void test_human_hidden_bytes(void **state)
{
    fixture *f = with(state, GIR_LANG_EN, "a\x01" "b\xFF" "c\x1b[31m @\n");
    uint32_t o = at(f, "@");
    gir_diag *g = diag_add(&f->d, GIR_SEV_ERROR, M_BAD_ESCAPE, &f->s, sp(o, o + 1), "\x1b\xFE");
    expect_render(g, HUMAN,
                  "t.gir:1:12: error[E0107]: invalid escape sequence '\xEF\xBF\xBD\xEF\xBF\xBD'\n"
                  "    1 | a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD[31m @\n"
                  "      |            ^\n");
}

/* CRLF: the "\r" is not printed; a span on it points at the line end. */
static void test_human_crlf(void **state)
{
    fixture *f = with(state, GIR_LANG_EN, "ab\r\ncd\r\n");
    uint32_t o = at(f, "\r");
    gir_diag *g = diag_add(&f->d, GIR_SEV_ERROR, M_UNTERMINATED_STRING, &f->s, sp(o, o + 2));
    expect_render(g, HUMAN,
                  "t.gir:1:3: error[E0105]: unterminated string\n"
                  "    1 | ab\n"
                  "      |   ^\n");
}

static void test_human_empty_file(void **state)
{
    fixture *f = with(state, GIR_LANG_EN, "");
    gir_diag *g = diag_add(&f->d, GIR_SEV_ERROR, M_SYNTAX, &f->s, sp(0, 5), "end of file");
    expect_render(g, HUMAN,
                  "t.gir:1:1: error[E0201]: syntax error: unexpected end of file\n"
                  "    1 |\n"
                  "      | ^\n");
}

static void test_human_no_source(void **state)
{
    fixture *f = with(state, GIR_LANG_ZH, "");
    gir_diag *g = diag_add(&f->d, GIR_SEV_ERROR, M_FILE_TOO_LARGE, NULL, sp(0, 0), "20000000", "16777216");
    diag_note(&f->d, g, M_HELP_WRITE, "x");
    expect_render(g, HUMAN,
                  "girc: error[E0001]: 文件过大(20000000 字节)，上限为 16777216 字节\n"
                  "   = note: 改为 x\n");
}

/* A line over 4096 bytes is cut to a window around the span. */
static void test_human_long_line(void **state)
{
    char *text = malloc(5002);
    assert_non_null(text);
    memset(text, 'a', 5000);
    text[3000] = '@';
    strcpy(text + 5000, "\n");
    fixture *f = with(state, GIR_LANG_EN, text);
    gir_diag *g = diag_add(&f->d, GIR_SEV_ERROR, M_BAD_CHAR, &f->s, sp(3000, 3001), "@", 0x40u);
    char want[1024];
    char as[128];
    memset(as, 'a', sizeof as);
    snprintf(want, sizeof want,
             "t.gir:1:3001: error[E0103]: unexpected character '@' (U+0040)\n"
             "    1 | ...%.40s@%.79s...\n"
             "      | %43s^\n", as, as, "");
    expect_render(g, HUMAN, want);
    free(text);
}

static void test_human_color(void **state)
{
    fixture *f = with(state, GIR_LANG_EN, "x @\n");
    gir_diag *g = diag_add(&f->d, GIR_SEV_ERROR, M_BAD_CHAR, &f->s, sp(2, 3), "@", 0x40u);
    diag_help(&f->d, g, M_HELP_USE_ASCII, "#");
    diag_related(&f->d, g, &f->s, sp(0, 1), T_PUNCT, "x");
    expect_render(g, HUMAN_COLOR,
                  "\033[1mt.gir:1:3:\033[0m \033[1;31merror[E0103]\033[0m: unexpected character '@' (U+0040)\n"
                  "\033[1;34m    1 |\033[0m x @\n"
                  "\033[1;34m      |\033[0m   \033[1;31m^\033[0m\n"
                  "   \033[1;34m=\033[0m \033[1;36mhelp\033[0m: use the ASCII '#' instead\n"
                  "\033[1mt.gir:1:1:\033[0m \033[1;36mnote\033[0m: 'x'\n"
                  "\033[1;34m    1 |\033[0m x @\n"
                  "\033[1;34m      |\033[0m \033[1;36m^\033[0m\n");
    g = diag_add(&f->d, GIR_SEV_WARNING, M_FULLWIDTH_DIGITS, &f->s, sp(0, 1), "1");
    expect_render(g, HUMAN_COLOR,
                  "\033[1mt.gir:1:1:\033[0m \033[1;33mwarning[W0101]\033[0m: full-width characters in a number, read as 1\n"
                  "\033[1;34m    1 |\033[0m x @\n"
                  "\033[1;34m      |\033[0m \033[1;33m^\033[0m\n");
    /* and none at all without colour */
    char *plain = render(g, HUMAN);
    assert_null(strchr(plain, '\033'));
    free(plain);
}

/* ---- JSON ---- */

static void test_json(void **state)
{
    fixture *f = with(state, GIR_LANG_EN, TOTALS);
    gir_diag *g = total_with_related(f);
    diag_note(&f->d, g, M_HELP_UNKNOWN_LINE);
    diag_fix(&f->d, g, g->span, "17");
    expect_render(g, JSON,
                  "{\"schema\":1,\"file\":\"t.gir\",\"severity\":\"error\",\"code\":\"E0201\","
                  "\"message\":\"syntax error: unexpected number, expected 17\","
                  "\"line\":3,\"column\":4,\"end_line\":3,\"end_column\":6,\"byte_start\":35,\"byte_end\":37,"
                  "\"related\":[{\"file\":\"t.gir\",\"line\":1,\"column\":5,\"end_line\":1,\"end_column\":6,\"message\":\"'3'\"},"
                  "{\"file\":\"t.gir\",\"line\":2,\"column\":6,\"end_line\":2,\"end_column\":8,\"message\":\"'14'\"}],"
                  "\"notes\":[\"each line is one table row: a row name, then its values\"],"
                  "\"help\":\"write 17\","
                  "\"fixes\":[{\"line\":3,\"column\":4,\"end_line\":3,\"end_column\":6,\"byte_start\":35,\"byte_end\":37,\"text\":\"17\"}],\"waived\":null}\n");
}

static void test_json_no_source_invalid_utf8(void **state)
{
    fixture *f = with(state, GIR_LANG_ZH, "");
    gir_diag *g = diag_add(&f->d, GIR_SEV_WARNING, M_BAD_ESCAPE, NULL, sp(0, 0), "\xFF\x1b\"");
    diag_fix(&f->d, g, sp(0, 0), "\xC3");
    expect_render(g, JSON,
                  "{\"schema\":1,\"file\":null,\"severity\":\"warning\",\"code\":\"E0107\","
                  "\"message\":\"无效的转义序列“\xEF\xBF\xBD\\u001b\\\"”\","
                  "\"line\":null,\"column\":null,\"end_line\":null,\"end_column\":null,"
                  "\"byte_start\":null,\"byte_end\":null,\"related\":[],\"notes\":[],\"help\":null,"
                  "\"fixes\":[{\"line\":null,\"column\":null,\"end_line\":null,\"end_column\":null,"
                  "\"byte_start\":null,\"byte_end\":null,\"text\":\"\xEF\xBF\xBD\"}],\"waived\":null}\n");
}

/* Multi-line spans, CJK columns and stdin in JSON. */
static void test_json_multiline(void **state)
{
    fixture *f = *state;
    diags_init(&f->d, f->a, GIR_LANG_EN);
    const char *text = "总计 = (1 +\n  2)\n";
    source_init(&f->s, f->a, "-", text, (uint32_t)strlen(text));
    gir_diag *g = diag_add(&f->d, GIR_SEV_NOTE, M_HELP_WRITE, &f->s, sp(9, 18), "x");
    expect_render(g, JSON,
                  "{\"schema\":1,\"file\":\"<stdin>\",\"severity\":\"note\",\"code\":null,\"message\":\"write x\","
                  "\"line\":1,\"column\":6,\"end_line\":2,\"end_column\":5,\"byte_start\":9,\"byte_end\":18,"
                  "\"related\":[],\"notes\":[],\"help\":null,\"fixes\":[],\"waived\":null}\n");
}

/* ---- recording ---- */

static void test_positional_and_counts(void **state)
{
    fixture *f = with(state, GIR_LANG_ZH, "abc");
    gir_diag *g = diag_add(&f->d, GIR_SEV_ERROR, M_SYNTAX_EXPECTED, &f->s, sp(2, 1), "名称", "数字");
    assert_string_equal(g->msg, "语法错误：意外的名称，应为数字");
    assert_string_equal(g->code, "E0201");
    assert_int_equal(g->span.start, 2);
    assert_int_equal(g->span.end, 2); /* an inverted span is made empty */
    diag_add(&f->d, GIR_SEV_WARNING, M_FULLWIDTH_DIGITS, &f->s, sp(0, 1), "1");
    diag_add(&f->d, GIR_SEV_NOTE, M_HELP_WRITE, &f->s, sp(0, 1), "1");
    assert_int_equal(f->d.n, 3);
    assert_int_equal(f->d.nerrors, 1);
    assert_int_equal(f->d.nwarnings, 1);
    /* the fix text is copied */
    char tmp[8] = "42";
    diag_fix(&f->d, g, sp(0, 1), tmp);
    tmp[0] = 'x';
    assert_string_equal(g->fixes[0].text, "42");
    /* many related spans, notes and fixes */
    for (int i = 0; i < 100; i++) {
        diag_related(&f->d, g, &f->s, sp(0, 1), M_HELP_WRITE, "r");
        diag_note(&f->d, g, M_INVALID_UTF8, (unsigned)i);
        diag_fix(&f->d, g, sp(0, 0), "f");
    }
    assert_int_equal(g->nrelated, 100);
    assert_int_equal(g->nnotes, 100);
    assert_int_equal(g->nfixes, 101);
    assert_string_equal(g->notes[99], "无效的 UTF-8 字节 0x63");
    assert_string_equal(g->related[99].msg, "改为 r");
}

static void test_limit(void **state)
{
    fixture *f = with(state, GIR_LANG_EN, "abc");
    f->d.limit = 3;
    for (int i = 0; i < 5; i++) {
        gir_diag *g = diag_add(&f->d, GIR_SEV_ERROR, M_TOO_DEEP, &f->s, sp(0, 1));
        diag_note(&f->d, g, M_TOO_DEEP);      /* NULL is fine */
        diag_help(&f->d, g, M_TOO_DEEP);
        diag_related(&f->d, g, &f->s, sp(0, 1), M_TOO_DEEP);
        diag_fix(&f->d, g, sp(0, 1), "x");
        if (i < 3) assert_non_null(g);
        else assert_null(g);
    }
    assert_null(diag_add(&f->d, GIR_SEV_WARNING, M_FULLWIDTH_DIGITS, &f->s, sp(0, 1), "1"));
    assert_int_equal(f->d.n, 3);
    assert_int_equal(f->d.dropped, 3);
    assert_int_equal(f->d.nerrors, 5);
    assert_int_equal(f->d.nwarnings, 1);
}

static void test_default_limit(void **state)
{
    fixture *f = with(state, GIR_LANG_EN, "abc");
    assert_int_equal(f->d.limit, 10000);
    for (int i = 0; i < 10005; i++) diag_add(&f->d, GIR_SEV_ERROR, M_TOO_DEEP, &f->s, sp(0, 1));
    assert_int_equal(f->d.n, 10000);
    assert_int_equal(f->d.dropped, 5);
    f->d.limit = 0; /* 0 means the default */
    assert_null(diag_add(&f->d, GIR_SEV_ERROR, M_TOO_DEEP, &f->s, sp(0, 1)));
    assert_int_equal(f->d.dropped, 6);
}

/* Sources in order of first appearance, then span start; equal keys keep
 * their order. */
static void test_sort(void **state)
{
    fixture *f = with(state, GIR_LANG_EN, "0123456789");
    gir_source other;
    source_init(&other, f->a, "b.gir", "0123456789", 10);
    struct { const gir_source *src; uint32_t start; const char *tag; } in[] = {
        {&other, 5, "b5"}, {&f->s, 3, "a3-1"}, {NULL, 0, "n0"}, {&other, 1, "b1"},
        {&f->s, 3, "a3-2"}, {&f->s, 0, "a0"}, {&other, 5, "b5-2"}, {&f->s, 3, "a3-3"},
        {NULL, 0, "n0-2"}, {&other, 0, "b0"},
    };
    const char *want[] = {"b0", "b1", "b5", "b5-2", "a0", "a3-1", "a3-2", "a3-3", "n0", "n0-2"};
    size_t n = sizeof in / sizeof in[0];
    for (size_t i = 0; i < n; i++)
        diag_add(&f->d, GIR_SEV_ERROR, M_HELP_WRITE, in[i].src, sp(in[i].start, in[i].start + 1), in[i].tag);
    diags_sort(&f->d);
    assert_int_equal(f->d.n, n);
    for (size_t i = 0; i < n; i++) {
        char w[32];
        snprintf(w, sizeof w, "write %s", want[i]);
        assert_string_equal(f->d.v[i]->msg, w);
    }
}

/* A large sort is stable: items with equal starts keep insertion order. */
static void test_sort_large(void **state)
{
    fixture *f = with(state, GIR_LANG_EN, "0123456789");
    for (int i = 0; i < 5000; i++)
        diag_add(&f->d, GIR_SEV_ERROR, M_INVALID_UTF8, &f->s, sp((uint32_t)(i * 7919 % 10), 10), (unsigned)i);
    diags_sort(&f->d);
    for (size_t i = 1; i < f->d.n; i++) {
        const gir_diag *a = f->d.v[i - 1], *b = f->d.v[i];
        assert_true(a->span.start <= b->span.start);
        if (a->span.start == b->span.start)
            assert_true(strtol(a->msg + strlen("invalid UTF-8 byte 0x"), NULL, 16) <
                        strtol(b->msg + strlen("invalid UTF-8 byte 0x"), NULL, 16));
    }
}

/* ---- summary ---- */

static void expect_summary(gir_lang lang, size_t e, size_t w, const char *want)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&buf, &n);
    assert_non_null(out);
    gir_render_opts o = {0, lang, GIR_COL_DISPLAY};
    diag_render_summary(out, e, w, &o);
    fclose(out);
    assert_string_equal(buf, want);
    free(buf);
}

static void test_summary(void **state)
{
    (void)state;
    expect_summary(GIR_LANG_EN, 2, 1, "2 errors, 1 warning\n");
    expect_summary(GIR_LANG_EN, 1, 0, "1 error\n");
    expect_summary(GIR_LANG_EN, 0, 3, "3 warnings\n");
    expect_summary(GIR_LANG_EN, 0, 0, "");
    expect_summary(GIR_LANG_ZH, 2, 1, "2 个错误，1 个警告\n");
    expect_summary(GIR_LANG_ZH, 1, 0, "1 个错误\n");
    expect_summary(GIR_LANG_ZH, 0, 2, "2 个警告\n");
    expect_summary(GIR_LANG_ZH, 0, 0, "");
}

/* ---- --column-unit ---- */

/* The first line of g's human form and its JSON line, in unit u. */
static void expect_unit(const gir_diag *g, gir_column_unit u, const char *head, const char *json)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&buf, &n);
    assert_non_null(out);
    gir_render_opts o = {0, GIR_LANG_ZH, u};
    diag_render_human(out, g, &o);
    diag_render_json(out, g, &o);
    diag_render_github(out, g, &o);
    fclose(out);
    if (!strstr(buf, head) || !strstr(buf, json)) print_error("got:\n%s\nwant %s and %s\n", buf, head, json);
    assert_non_null(strstr(buf, head));
    assert_non_null(strstr(buf, json));
    free(buf);
}

/* Two spaces, two CJK characters and a tab, then the span "17": display
 * column 9 (2 + 2 + 2, the tab to 8), byte 10 (2 + 3 + 3 + 1), character 6. */
static void test_column_units(void **state)
{
    fixture *f = with(state, GIR_LANG_ZH, "x\n  新收\t17 0\n");
    uint32_t o = at(f, "17");
    gir_diag *g = diag_add(&f->d, GIR_SEV_ERROR, M_BAD_CHAR, &f->s, sp(o, o + 2), "1", 0x31u);
    expect_unit(g, GIR_COL_DISPLAY, "t.gir:2:9: error", "\"column\":9,\"end_line\":2,\"end_column\":11,");
    expect_unit(g, GIR_COL_BYTE, "t.gir:2:10: error", "\"column\":10,\"end_line\":2,\"end_column\":12,");
    expect_unit(g, GIR_COL_CHAR, "t.gir:2:6: error", "\"column\":6,\"end_line\":2,\"end_column\":8,");
    expect_unit(g, GIR_COL_BYTE, "line=2,col=10,endLine=2,endColumn=12,", "\"byte_start\":11,");
    assert_int_equal(diag_column_unit("display"), GIR_COL_DISPLAY);
    assert_int_equal(diag_column_unit("byte"), GIR_COL_BYTE);
    assert_int_equal(diag_column_unit("char"), GIR_COL_CHAR);
    assert_int_equal(diag_column_unit("bytes"), -1);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_human_cjk_zh),
        T(test_human_cjk_en),
        T(test_human_tab_warning),
        T(test_human_wide_start),
        T(test_human_multiline),
        T(test_human_related_zh),
        T(test_human_related_en),
        T(test_human_wide_gutter),
        T(test_human_hidden_bytes),
        T(test_human_crlf),
        T(test_human_empty_file),
        T(test_human_no_source),
        T(test_human_long_line),
        T(test_human_color),
        T(test_json),
        T(test_json_no_source_invalid_utf8),
        T(test_json_multiline),
        T(test_positional_and_counts),
        T(test_limit),
        T(test_default_limit),
        T(test_sort),
        T(test_sort_large),
        T(test_summary),
        T(test_column_units),
    };
#undef T
    return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}

/* test_source.c - unit tests for source.c: the line table and offset <->
 * line/column conversions (bytes, characters, UTF-16, display). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "diag/source.h"

static int setup(void **state)
{
    *state = arena_new(NULL);
    return *state ? 0 : -1;
}

static int teardown(void **state)
{
    arena_free(*state);
    return 0;
}

static gir_source mk(void **state, const char *text, uint32_t len)
{
    gir_source s;
    source_init(&s, *state, "t.gir", text, len);
    return s;
}
#define MK(lit) mk(state, lit, (uint32_t)(sizeof lit - 1))

static void expect_pos(const gir_source *s, uint32_t off, uint32_t line, uint32_t byte_col,
                       uint32_t char_col, uint32_t utf16_col, uint32_t disp_col)
{
    gir_pos p;
    source_pos(s, off, &p);
    assert_int_equal(p.line, line);
    assert_int_equal(p.byte_col, byte_col);
    assert_int_equal(p.char_col, char_col);
    assert_int_equal(p.utf16_col, utf16_col);
    assert_int_equal(p.disp_col, disp_col);
}

static void expect_line(const gir_source *s, uint32_t line0, const char *want)
{
    uint32_t n;
    const char *t = source_line_text(s, line0, &n);
    assert_int_equal(n, strlen(want));
    assert_memory_equal(t, want, n);
}

/* ANCHORS.md practice 12: "总计 = 1 + ;" -> the ';' is byte 14, code
 * point 10, UTF-16 10, display 12 counting from 1; our API counts bytes,
 * UTF-16 units and display columns from 0 and characters from 1. */
static void test_anchor_example(void **state)
{
    gir_source s = MK("总计 = 1 + ;");
    const char *semi = strchr(s.text, ';');
    uint32_t off = (uint32_t)(semi - s.text);
    assert_int_equal(off, 13);
    /* 总(2) 计(2) + " = 1 + " (7) = 11 display columns before ';' */
    expect_pos(&s, off, 1, 13, 10, 9, 11);
    assert_int_equal(source_offset_at(&s, 0, 9, 1), 13);
    assert_int_equal(source_offset_at(&s, 0, 13, 0), 13);
    /* utf16 col 1 is after 总; byte col 1 is inside 总 and rounds down */
    assert_int_equal(source_offset_at(&s, 0, 1, 1), 3);
    assert_int_equal(source_offset_at(&s, 0, 1, 0), 0);
    assert_int_equal(source_offset_at(&s, 0, 2, 0), 0);
    assert_int_equal(source_offset_at(&s, 0, 4, 0), 3);
}

static void test_lf_lines(void **state)
{
    gir_source s = MK("ab\ncd\n\nef");
    assert_int_equal(s.nlines, 4);
    assert_int_equal(s.line_start[0], 0);
    assert_int_equal(s.line_start[1], 3);
    assert_int_equal(s.line_start[2], 6);
    assert_int_equal(s.line_start[3], 7);
    expect_line(&s, 0, "ab");
    expect_line(&s, 1, "cd");
    expect_line(&s, 2, "");
    expect_line(&s, 3, "ef");
    expect_line(&s, 99, "ef"); /* clamped to the last line */
    for (uint32_t off = 0; off <= 9; off++) {
        static const uint32_t want[] = {0, 0, 0, 1, 1, 1, 2, 3, 3, 3};
        assert_int_equal(source_line_of(&s, off), want[off]);
    }
    assert_int_equal(source_line_of(&s, 1000), 3);
    expect_pos(&s, 2, 1, 2, 3, 2, 2);  /* the "\n" is the end of line 1 */
    expect_pos(&s, 4, 2, 1, 2, 1, 1);
    expect_pos(&s, 9, 4, 2, 3, 2, 2);  /* end of text, no trailing newline */
    expect_pos(&s, 500, 4, 2, 3, 2, 2); /* clamped */
}

static void test_trailing_newline(void **state)
{
    gir_source s = MK("ab\n");
    assert_int_equal(s.nlines, 2);
    expect_line(&s, 1, "");
    expect_pos(&s, 3, 2, 0, 1, 0, 0);
    assert_int_equal(source_offset_at(&s, 1, 0, 1), 3);
    assert_int_equal(source_offset_at(&s, 1, 7, 1), 3);
    assert_int_equal(source_offset_at(&s, 0, 7, 1), 2);
}

static void test_crlf(void **state)
{
    gir_source s = MK("a\r\nbc\r\n");
    assert_int_equal(s.nlines, 3);
    assert_int_equal(s.line_start[1], 3);
    assert_int_equal(s.line_start[2], 7);
    expect_line(&s, 0, "a");
    expect_line(&s, 1, "bc");
    expect_line(&s, 2, "");
    assert_int_equal(source_line_of(&s, 1), 0); /* "\r" */
    assert_int_equal(source_line_of(&s, 2), 0); /* "\n" of "\r\n" */
    assert_int_equal(source_line_of(&s, 3), 1);
    /* offsets inside the terminator are the end of the line */
    expect_pos(&s, 1, 1, 1, 2, 1, 1);
    expect_pos(&s, 2, 1, 1, 2, 1, 1);
    expect_pos(&s, 4, 2, 1, 2, 1, 1);
    /* a column past the end clamps before the "\r" */
    assert_int_equal(source_offset_at(&s, 1, 10, 1), 5);
    assert_int_equal(source_offset_at(&s, 1, 10, 0), 5);
    assert_int_equal(source_offset_at(&s, 0, 1, 0), 1);
}

static void test_lone_cr(void **state)
{
    gir_source s = MK("a\rb\r\nc\n\rd");
    assert_int_equal(s.nlines, 5);
    expect_line(&s, 0, "a");
    expect_line(&s, 1, "b");
    expect_line(&s, 2, "c");
    expect_line(&s, 3, "");
    expect_line(&s, 4, "d");
    expect_pos(&s, 2, 2, 0, 1, 0, 0);
    expect_pos(&s, 8, 5, 0, 1, 0, 0);
    expect_pos(&s, 9, 5, 1, 2, 1, 1);
    assert_int_equal(source_offset_at(&s, 3, 0, 1), 7);
    assert_int_equal(source_offset_at(&s, 3, 5, 1), 7);
    assert_int_equal(source_offset_at(&s, 4, 1, 1), 9);
    /* a lone "\r" at the very end ends the last line too */
    gir_source t = MK("x\r");
    assert_int_equal(t.nlines, 2);
    expect_line(&t, 0, "x");
    expect_line(&t, 1, "");
}

static void test_empty(void **state)
{
    gir_source s = mk(state, "", 0);
    assert_int_equal(s.nlines, 1);
    assert_int_equal(s.line_start[0], 0);
    expect_line(&s, 0, "");
    assert_int_equal(source_line_of(&s, 0), 0);
    assert_int_equal(source_line_of(&s, 5), 0);
    expect_pos(&s, 0, 1, 0, 1, 0, 0);
    expect_pos(&s, 3, 1, 0, 1, 0, 0);
    assert_int_equal(source_offset_at(&s, 0, 4, 1), 0);
    assert_int_equal(source_offset_at(&s, 7, 0, 0), 0);
}

static void test_astral(void **state)
{
    /* U+20000 is F0 A0 80 80, East Asian Wide, two UTF-16 units */
    gir_source s = MK("a\xF0\xA0\x80\x80" "b");
    expect_pos(&s, 1, 1, 1, 2, 1, 1);
    expect_pos(&s, 5, 1, 5, 3, 3, 3);
    expect_pos(&s, 6, 1, 6, 4, 4, 4);
    expect_pos(&s, 3, 1, 1, 2, 1, 1); /* inside the character: its start */
    assert_int_equal(source_offset_at(&s, 0, 1, 1), 1);
    assert_int_equal(source_offset_at(&s, 0, 2, 1), 1); /* between surrogates */
    assert_int_equal(source_offset_at(&s, 0, 3, 1), 5);
    assert_int_equal(source_offset_at(&s, 0, 4, 1), 6);
    assert_int_equal(source_offset_at(&s, 0, 99, 1), 6);
    assert_int_equal(source_offset_at(&s, 0, 2, 0), 1);
    assert_int_equal(source_offset_at(&s, 0, 4, 0), 1);
    assert_int_equal(source_offset_at(&s, 0, 5, 0), 5);
    assert_int_equal(source_offset_at(&s, 0, 99, 0), 6);
}

static void test_invalid_bytes(void **state)
{
    /* 0xFF is never valid; 0xC3 needs a continuation byte; E6 80 is truncated */
    gir_source s = MK("a\xFF\xC3" "b\xE6\x80");
    expect_pos(&s, 1, 1, 1, 2, 1, 1);
    expect_pos(&s, 2, 1, 2, 3, 2, 2);
    expect_pos(&s, 3, 1, 3, 4, 3, 3);
    expect_pos(&s, 4, 1, 4, 5, 4, 4);
    expect_pos(&s, 5, 1, 5, 6, 5, 5);
    expect_pos(&s, 6, 1, 6, 7, 6, 6);
    assert_int_equal(source_offset_at(&s, 0, 2, 1), 2);
    assert_int_equal(source_offset_at(&s, 0, 5, 1), 5);
    assert_int_equal(source_offset_at(&s, 0, 5, 0), 5);
    /* a NUL byte inside the text is an ordinary (hidden) character */
    gir_source z = mk(state, "a\0b", 3);
    expect_pos(&z, 2, 1, 2, 3, 2, 2);
}

static void test_tabs(void **state)
{
    gir_source s = MK("\tx\nab\tc\n总\tx\n12345678\ty\n1234567\t\tz");
    expect_pos(&s, 1, 1, 1, 2, 1, 8);
    uint32_t b = s.line_start[1];
    expect_pos(&s, b + 3, 2, 3, 4, 3, 8);
    b = s.line_start[2];
    expect_pos(&s, b + 3, 3, 3, 2, 1, 2);
    expect_pos(&s, b + 4, 3, 4, 3, 2, 8);
    b = s.line_start[3];
    expect_pos(&s, b + 9, 4, 9, 10, 9, 16);
    b = s.line_start[4];
    expect_pos(&s, b + 8, 5, 8, 9, 8, 8);
    expect_pos(&s, b + 9, 5, 9, 10, 9, 16);
}

static void test_widths(void **state)
{
    /* combining acute: a character and a UTF-16 unit, no display width;
     * a control character is shown as U+FFFD, one column; full-width
     * digits are two columns */
    gir_source s = MK("e\xCC\x81x\x01y\xEF\xBC\x91z");
    expect_pos(&s, 3, 1, 3, 3, 2, 1);
    expect_pos(&s, 5, 1, 5, 5, 4, 3);
    expect_pos(&s, 9, 1, 9, 7, 6, 6);
    assert_int_equal(source_disp_advance('\t', 7), 8);
    assert_int_equal(source_disp_advance('\t', 8), 16);
    assert_int_equal(source_disp_advance(SOURCE_BAD_CP, 3), 4);
    assert_int_equal(source_disp_advance(0x4E00, 3), 5);
    assert_true(source_cp_hidden(0x1B));
    assert_true(source_cp_hidden(0x9B));
    assert_true(source_cp_hidden(0x202E));
    assert_false(source_cp_hidden('\t'));
    assert_false(source_cp_hidden(0x4E00));
}

static void test_name(void **state)
{
    gir_source s;
    source_init(&s, *state, "-", "", 0);
    assert_string_equal(source_name(&s), "<stdin>");
    source_init(&s, *state, "a/b.gir", "", 0);
    assert_string_equal(source_name(&s), "a/b.gir");
}

/* 1M lines: the table is exact and lookups are right at every 1000th. */
static void test_million_lines(void **state)
{
    uint32_t n = 1000000;
    char *t = malloc(2 * (size_t)n + 1);
    assert_non_null(t);
    for (uint32_t i = 0; i < n; i++) { t[2 * i] = 'x'; t[2 * i + 1] = '\n'; }
    t[2 * n] = 0;
    gir_source s = mk(state, t, 2 * n);
    assert_int_equal(s.nlines, n + 1);
    for (uint32_t i = 0; i < n; i += 997) {
        assert_int_equal(source_line_of(&s, 2 * i), i);
        assert_int_equal(source_line_of(&s, 2 * i + 1), i);
        gir_pos p;
        source_pos(&s, 2 * i + 1, &p);
        assert_int_equal(p.line, i + 1);
        assert_int_equal(p.char_col, 2);
        assert_int_equal(source_offset_at(&s, i, 5, 1), 2 * i + 1);
    }
    assert_int_equal(source_line_of(&s, 2 * n), n);
    free(t);
}

/* 10 MB of CJK text with a blank-line run every 3000 bytes, and one
 * 10 MB line. */
static void test_ten_megabytes(void **state)
{
    size_t len = 3u * 3500u * 1000u;
    char *t = malloc(len + 1);
    assert_non_null(t);
    for (size_t i = 0; i < len; i += 3) memcpy(t + i, (i + 3) % 1000 == 0 ? "\n\n\n" : "总", 3);
    t[len - 1] = 'x';
    t[len] = 0;
    gir_source s = mk(state, t, (uint32_t)len);
    assert_true(s.nlines > 9000);
    gir_pos p;
    source_pos(&s, (uint32_t)len, &p);
    assert_int_equal(p.line, s.nlines);

    memset(t, 'a', len);
    gir_source one = mk(state, t, (uint32_t)len);
    assert_int_equal(one.nlines, 1);
    source_pos(&one, (uint32_t)len - 1, &p);
    assert_int_equal(p.char_col, len);
    assert_int_equal(p.disp_col, len - 1);
    free(t);
}

/* The marks (positions already computed on a line) change no answer: a
 * long line of CJK, tabs, astral and invalid bytes, every offset asked
 * in order, backwards and in a scrambled order, against a source with no
 * marks; and the display-column lookup against a walk from the start. */
static void test_marks(void **state)
{
    static const char *piece[] = {"\xe5\x92\x8c", "a", "\t", "\xf0\x9f\x98\x80", "\xff", " "};
    char text[6000];
    uint32_t n = 0;
    for (unsigned i = 0; n + 4 < sizeof text - 3; i++) {
        const char *p = piece[(i * 7 + i / 3) % 6];
        memcpy(text + n, p, strlen(p));
        n += (uint32_t)strlen(p);
    }
    memcpy(text + n, "\nx", 3);
    n += 3;
    text[n] = 0;
    gir_source s = mk(state, text, n);
    gir_source bare = s;
    bare.mark = NULL;
    assert_non_null(s.mark);
    for (int pass = 0; pass < 3; pass++)
        for (uint32_t i = 0; i <= n; i++) {
            uint32_t off = pass == 0 ? i : pass == 1 ? n - i : (i * 2654435761u) % (n + 1);
            gir_pos a, b;
            source_pos(&s, off, &a);
            source_pos(&bare, off, &b);
            assert_int_equal(a.line, b.line);
            assert_int_equal(a.byte_col, b.byte_col);
            assert_int_equal(a.char_col, b.char_col);
            assert_int_equal(a.utf16_col, b.utf16_col);
            assert_int_equal(a.disp_col, b.disp_col);
        }
    for (int pass = 0; pass < 2; pass++)
        for (uint32_t t = 0; t < 9000; t += 7) {
            uint32_t target = pass == 0 ? t : 9000 - t;
            uint32_t da, db;
            uint32_t ba = source_byte_at_disp(&s, 0, target, &da);
            uint32_t bb = source_byte_at_disp(&bare, 0, target, &db);
            assert_int_equal(ba, bb);
            assert_int_equal(da, db);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_anchor_example, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lf_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_trailing_newline, setup, teardown),
        cmocka_unit_test_setup_teardown(test_crlf, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lone_cr, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty, setup, teardown),
        cmocka_unit_test_setup_teardown(test_astral, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tabs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_widths, setup, teardown),
        cmocka_unit_test_setup_teardown(test_name, setup, teardown),
        cmocka_unit_test_setup_teardown(test_million_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ten_megabytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_marks, setup, teardown),
    };
    return cmocka_run_group_tests_name("source", tests, NULL, NULL);
}

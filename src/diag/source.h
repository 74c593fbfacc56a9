/* source.h - a source text and its line table: byte offset <-> line and
 * column in bytes, characters (code points), UTF-16 units and display
 * columns (East Asian Wide/Fullwidth = 2, tab to the next multiple of 8).
 * Line lookup is a binary search over line starts. */
#ifndef GIR_SOURCE_H
#define GIR_SOURCE_H
#include <stddef.h>
#include <stdint.h>
#include "base/arena.h"

typedef struct gir_span { uint32_t start, end; } gir_span; /* byte offsets, end exclusive */

typedef struct gir_source {
    const char *name;      /* file name as given ("-" shows as "<stdin>") */
    const char *text;      /* NUL-terminated copy; len excludes the NUL */
    uint32_t len;
    uint32_t *line_start;  /* byte offset of each line's first byte */
    uint32_t nlines;
    struct gir_source_mark *mark;  /* two marks: the last position computed (source_pos) and
                                    * the last display column looked up (source_byte_at_disp), or NULL */
} gir_source;

typedef struct gir_pos {
    uint32_t line;      /* 1-based */
    uint32_t byte_col;  /* 0-based byte offset within the line */
    uint32_t char_col;  /* 1-based, counting code points (what messages show) */
    uint32_t utf16_col; /* 0-based, UTF-16 code units (LSP default) */
    uint32_t disp_col;  /* 0-based display column (CJK = 2) */
} gir_pos;

/* Builds the line table. text must stay alive; it must be NUL-terminated
 * at text[len]. Lines end at "\n", "\r\n" or a lone "\r"; a line starts
 * after every terminator, so "a\n" has two lines (the second empty) and
 * an empty text has one. Linear time, one arena array of nlines entries. */
void source_init(gir_source *s, gir_arena *a, const char *name, const char *text, uint32_t len);
/* 0-based line index of a byte offset (clamped to the text). */
uint32_t source_line_of(const gir_source *s, uint32_t off);
/* A position already computed on a line: the walk to a later offset of
 * the same line starts there, so diagnostics in order along one long
 * line cost linear time, not line length times their number. */
typedef struct gir_source_mark {
    uint32_t line0, byte;           /* line index and absolute byte offset */
    uint32_t chars, utf16, disp;    /* columns at byte (0-based counts) */
} gir_source_mark;

/* Line and columns of a byte offset. The offset is clamped to the text;
 * an offset inside a line terminator counts as the end of its line, and
 * one inside a multi-byte character as that character's start. Columns
 * count characters as source_char steps over them (an invalid byte is
 * one character, one UTF-16 unit and one display column). */
void source_pos(const gir_source *s, uint32_t off, gir_pos *out);
/* The line's bytes without its terminator (line0 is clamped to the last
 * line). */
const char *source_line_text(const gir_source *s, uint32_t line0, uint32_t *len);
/* LSP: a 0-based line and a column in UTF-16 units (utf16 != 0) or bytes
 * to a byte offset; columns past the line end clamp to the line end,
 * lines past the last clamp to the text end. A column inside a
 * character (a surrogate pair, a multi-byte sequence) rounds down to the
 * character's first byte. */
uint32_t source_offset_at(const gir_source *s, uint32_t line0, uint32_t col, int utf16);

/* Added for the renderers (diag.c), so that they and source_pos agree on
 * what a character is and how wide it is shown. */

/* The name to show: "<stdin>" for "-" or a NULL name. */
const char *source_name(const gir_source *s);
/* Code point that source_char reports for an invalid byte. */
#define SOURCE_BAD_CP 0xFFFFFFFFu
/* Steps over one character at p (p < end): returns its length in bytes
 * and stores its code point in *cp; an invalid or truncated sequence is
 * one byte long with *cp = SOURCE_BAD_CP. */
int source_char(const char *p, const char *end, uint32_t *cp);
/* Whether the human renderer must print cp as U+FFFD (width 1) instead of
 * sending it to a terminal: SOURCE_BAD_CP, C0 controls other than tab,
 * DEL, C1 controls, U+2028/U+2029 and the bidirectional formatting
 * characters (U+200E, U+200F, U+202A..U+202E, U+2066..U+2069). */
int source_cp_hidden(uint32_t cp);
/* The display column of byte offset off (clamped to its line), by the
 * same walk as source_pos, from the mark when it is on the same line and
 * not after off. */
uint32_t source_disp_col(const gir_source *s, uint32_t off);
/* The first character boundary of line line0 at display column >= target
 * (or the line's end), as an absolute byte offset; its display column in
 * *disp. Starts from the second mark when it is on this line and not
 * past target. */
uint32_t source_byte_at_disp(const gir_source *s, uint32_t line0, uint32_t target, uint32_t *disp);

/* Display column after a character that starts at display column col:
 * tab -> the next multiple of 8; hidden characters -> col + 1; otherwise
 * col + utf8_cp_width(cp) (East Asian Wide/Fullwidth = 2, combining = 0). */
uint32_t source_disp_advance(uint32_t cp, uint32_t col);
#endif

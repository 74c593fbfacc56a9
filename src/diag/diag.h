/* diag.h - diagnostics as data. One sink per compilation; three
 * renderers: human (gcc style, caret in display columns), JSON lines, and
 * the language server (which reads the records directly). */
#ifndef GIR_DIAG_H
#define GIR_DIAG_H
#include <stdio.h>
#include "base/arena.h"
#include "source.h"
#include "base/msgs.h"

typedef enum { GIR_SEV_ERROR = 1, GIR_SEV_WARNING = 2, GIR_SEV_NOTE = 3 } gir_severity;

typedef struct gir_related {      /* a secondary place, e.g. an addend of a total */
    const gir_source *src;
    gir_span span;
    const char *msg;
} gir_related;

typedef struct gir_fix {          /* replace span with text */
    gir_span span;
    const char *text;
} gir_fix;

typedef struct gir_diag {
    gir_severity sev;
    const char *code;             /* stable code, e.g. "E0201" */
    const gir_source *src;        /* may be NULL for position-less diagnostics */
    const char *file;             /* src NULL: the file it is about (diag_file), or NULL */
    gir_span span;
    const char *msg;
    gir_related *related; size_t nrelated;
    const char **notes; size_t nnotes;
    const char *help;             /* one hint line, may be NULL */
    gir_fix *fixes; size_t nfixes;
    const char *waived;           /* the reason of the waiver that made this finding a note, or NULL */
    gir_span waived_at;           /* where that waiver is written (in src) */
} gir_diag;

typedef struct gir_diags {
    gir_arena *arena;
    gir_lang lang;
    gir_diag **v; size_t n;          /* an array of base/array.h */
    size_t nerrors, nwarnings;
    size_t limit;                 /* stop recording after this many (0 = 10000) */
    size_t dropped;
} gir_diags;

void diags_init(gir_diags *d, gir_arena *a, gir_lang lang);
/* Adds a diagnostic whose message is catalogue entry id (in d->lang)
 * formatted with the following arguments; the code comes from the
 * catalogue. nerrors/nwarnings count every call, recorded or not. Once
 * limit diagnostics are recorded, nothing more is recorded: dropped is
 * incremented and NULL is returned. diag_related, diag_note, diag_help
 * and diag_fix accept g == NULL and then do nothing. */
gir_diag *diag_add(gir_diags *d, gir_severity sev, gir_msg id,
                   const gir_source *src, gir_span span, ...);
void diag_related(gir_diags *d, gir_diag *g, const gir_source *src, gir_span span, gir_msg id, ...);
void diag_note(gir_diags *d, gir_diag *g, gir_msg id, ...);
/* Sets the help line (a later call replaces an earlier one). */
/* Names the file a position-less diagnostic (src NULL) is about: the
 * renderers show "file: error[...]" and "file" in JSON and GitHub lines,
 * with no position. */
void diag_file(gir_diags *d, gir_diag *g, const char *file);
void diag_help(gir_diags *d, gir_diag *g, gir_msg id, ...);
/* text is copied into the arena. */
void diag_fix(gir_diags *d, gir_diag *g, gir_span span, const char *text);
/* Sort by source (in order of first appearance) then span start; stable
 * (a merge sort), for deterministic output. */
void diags_sort(gir_diags *d);

/* What a column in a message counts (--column-unit, girc(1)), as gcc's
 * -fdiagnostics-column-unit=: display columns (gcc's default: East Asian
 * Wide/Fullwidth = 2, a tab to the next multiple of 8), bytes (Vim's
 * quickfix) or characters (code points). Every unit is 1-based. */
typedef enum gir_column_unit { GIR_COL_DISPLAY = 0, GIR_COL_BYTE, GIR_COL_CHAR } gir_column_unit;
/* The units' names, indexed by gir_column_unit, NULL-terminated. */
extern const char *const diag_column_unit_names[];
/* The unit called name ("display", "byte", "char"); -1 when none is. */
int diag_column_unit(const char *name);
/* The 1-based column of p in unit u. */
uint32_t diag_column(const gir_pos *p, gir_column_unit u);

typedef struct gir_render_opts {
    int color;                    /* ANSI colour */
    gir_lang lang;
    gir_column_unit unit;         /* of LINE:COL, "column", col= */
} gir_render_opts;
/* Human form of one diagnostic (trailing newline included), e.g.
 *
 * examples/x.gir:12:7: error[E0103]: 无法识别的字符“@”(U+0040)
 *    12 | 规章  0 @# 0
 *       |         ^
 *    = note: <each note>
 *    = help: <the help line>
 * examples/x.gir:3:5: note: <related message>     (one block per related span)
 *     3 | 自然人 3
 *       |        ^
 *
 * LINE:COL is 1-based, COL in o->unit. The caret line is in display
 * columns: '^' under the span start, '~' under the rest of the span on
 * that line (a wide character takes two), a single '^' for an empty span.
 * The source line is printed with tabs expanded (stops of 8) and invalid
 * bytes/control characters as U+FFFD. The line-number field is
 * max(5, digits of the largest line number shown + 1) wide; "=" lines
 * are indented by that width - 2. A related span without a source uses
 * g's. Without a source the first line is "girc: error[E0103]: message".
 * Lines longer than 4096 bytes are shown as a window of 120 display
 * columns around the span, with "..." at cut ends. Colour (o->color):
 * bold location, red error, yellow warning, cyan note/help, blue gutter. */
void diag_render_human(FILE *out, const gir_diag *g, const gir_render_opts *o);
/* One JSON object on one line (schema at the top of diag.c and in girc(1));
 * columns in o->unit (o NULL: display). */
void diag_render_json(FILE *out, const gir_diag *g, const gir_render_opts *o);
/* One GitHub Actions workflow command (::error file=…,line=…,col=…::msg),
 * which GitHub and GitLab-style CI viewers show as annotations. */
void diag_render_github(FILE *out, const gir_diag *g, const gir_render_opts *o);
/* "2 个错误，1 个警告" / "2 errors, 1 warning"; nothing if both are 0. */
void diag_render_summary(FILE *out, size_t nerr, size_t nwarn, const gir_render_opts *o);
/* Prints s for a terminal: invalid UTF-8 and hidden characters (C0 but
 * tab, DEL, C1, bidi controls) as U+FFFD, so that a file name or text
 * cannot send escape sequences. Every name girc prints goes through it. */
void diag_put_clean(FILE *out, const char *s);
/* The same as a malloc'd string (NULL when out of memory). */
char *diag_clean_dup(const char *s);
/* A cJSON string of s with invalid UTF-8 replaced by U+FFFD (a JSON null
 * for NULL), for the renderers that write JSON (JSON lines, SARIF). */
struct cJSON;
struct cJSON *diag_json_string(const char *s);
#endif

/* import_int.h - internal interface between the importer's files:
 *   import_decode.c  bytes -> UTF-8 (BOM, meta charset, GB18030 via iconv)
 *   import_html.c    HTML (libxml2) -> working text: paragraphs as lines,
 *                    table rows as "cell | cell |" lines, with a byte map
 *   import_text.c    the folded unit stream, tokens of a data region,
 *                    value normalisation
 *   import_match.c   label patterns from the schema, heading search,
 *                    format detection, anchoring the rows of a table
 *   import_fill.c    distributing a region's values to cells (by label,
 *                    by position, short rows)
 *   import_split.c   splitting run-together digits; column totals
 *   import_meta.c    title, agency, year, date, kind; section prose
 *   import_emit.c    writing the .gir
 *   import.c         the driver (import.h)
 * Everything lives in the import's arena. */
#ifndef GIR_IMPORT_INT_H
#define GIR_IMPORT_INT_H
#include <stdint.h>
#include "base/dec.h"
#include "import.h"
#include "template/schema.h"

#define IMP_PUSH(a, arr, n, x) do { (arr) = arena_grow((a), (arr), (n) * sizeof *(arr), ((n) + 1) * sizeof *(arr)); (arr)[(n)++] = (x); } while (0)

/* ---- the working text ---- */

typedef struct imp_range { uint32_t b, e; } imp_range;

typedef struct imp_work {
    char *s; uint32_t n;          /* UTF-8, NUL-terminated */
    uint32_t *map;                /* working byte -> input byte (n + 1 entries); NULL = identity */
    int html;                     /* rendered from HTML: a table row is one line */
    imp_range *tables; size_t ntables;   /* rendered tables (working bytes) */
    const char *title, *date, *author;   /* from the HTML head, or NULL */
    size_t chrome;                /* bytes of page text left out (HTML) */
} imp_work;

/* ---- the folded stream: one unit per folded code point ---- */

enum { U_SP = ' ', U_NL = '\n', U_PIPE = '|' };

typedef struct imp_unit {
    uint32_t cp;                  /* folded code point, or U_SP / U_NL / U_PIPE */
    uint32_t b, e;                /* working-text bytes it came from */
} imp_unit;

/* ---- tokens of a data region ---- */

typedef enum { TK_NUM, TK_NA, TK_EMPTY, TK_TEXT, TK_BREAK } imp_tkind;

typedef struct imp_tok {
    imp_tkind k;
    size_t ub, ue;                /* units */
    const char *text;             /* folded text (no separators) */
    /* TK_NUM: the value split into parts */
    int sign;                     /* +1, -1, 0 none */
    const char *ip, *fp, *unit;   /* integer digits, fraction digits ("" none), unit ("" none) */
    const char *note;             /* normalisation note ("增111 → +111"), or NULL */
} imp_tok;

/* ---- label patterns and anchors ---- */

typedef struct imp_pat { const uint32_t *cp; size_t n; int core; } imp_pat;

typedef enum { A_CAPTION, A_ROWHEAD, A_COLHEAD, A_NOTE, A_GROUP, A_LEAF } imp_akind;

typedef struct imp_occ { size_t ub, ue; int pat; } imp_occ;

typedef struct imp_anchor {
    imp_akind kind;
    int block;
    const gir_hnode *h;           /* row (GROUP/LEAF) or column (COLHEAD) */
    const char *label;            /* official text */
    imp_pat *pats; size_t npats;
    imp_occ *occ; size_t nocc;
    int chosen;                   /* index into occ, or -1 */
    size_t annot_e;               /* end of a skipped "(…)" annotation (units), or 0 */
} imp_anchor;

/* ---- reconstructed cells ---- */

typedef enum { IC_MISSING = 0, IC_VALUE, IC_BLANK, IC_UNSURE } imp_cstate;

typedef enum {
    HOW_LABEL = 0,    /* after its row label, in column order */
    HOW_POSITION,     /* row label lost: by position in the run of rows */
    HOW_SPLIT,        /* run-together digits, the only possible split */
    HOW_SPLIT_SUM,    /* run-together digits, the only split where the totals add up */
    HOW_SPLIT_COL,    /* run-together digits, decided by a column total */
    HOW_SHORT,        /* short row: a trailing total moved to the total column */
} imp_how;

typedef struct imp_cell {
    imp_cstate st;
    const char *val;              /* .gir literal for IC_VALUE */
    const char *raw;              /* as published (folded), or NULL */
    size_t ub, ue;                /* units (0, 0 when none) */
    imp_how how;
} imp_cell;

typedef struct imp_row {
    const gir_hnode *h;
    int block;
    int found;                    /* its label was found */
    int anchor;                   /* index of its anchor */
    imp_cell *cells; size_t ncols;
    const char **notes; size_t nnotes;    /* comment lines before the row */
    char ***cand; size_t ncand;   /* candidate value vectors (IC_UNSURE cells) */
} imp_row;

typedef struct imp_table {
    const gir_ttable *t;
    int found;
    imp_anchor *an; size_t nan;
    imp_row *rows; size_t nrows;  /* every leaf row, template order */
    const char **notes; size_t nnotes;    /* comment lines at the top of the table */
    size_t ub, ue;                /* units the table occupies (0, 0 if not found) */
} imp_table;

typedef struct imp_heading { int found; size_t ub, ue; const char *text; int variant; } imp_heading;

typedef struct imp_ctx {
    gir_arena *a;
    gir_diags *dg;
    const gir_source *src;        /* the input, as UTF-8 */
    gir_import *im;
    const char *out_name;         /* the .gir's name, for its first comment */
    imp_work w;
    imp_unit *u; size_t nu;
    int pipes;                    /* cells are separated by '|' */
    int dblspace;                 /* text cells are separated by blank lines */
    const gir_schema *s;
    const char *tmpl;             /* chosen template name */
    const char *evidence;         /* labels that decided the format */
    imp_heading *head;            /* one per schema section */
    imp_table *tab;               /* one per schema table */
    const char **leftover; size_t nleftover;  /* comment lines for text not understood */
} imp_ctx;

/* import_decode.c: bytes -> valid UTF-8 without NULs */
typedef struct imp_decoded {
    char *text; size_t len;
    const char *encoding;         /* what it was read as */
    const char *declared;         /* what the page declares, or NULL */
    int mismatch;                 /* the declaration was wrong */
    size_t nbad, nnul;            /* bytes replaced by U+FFFD */
    uint32_t decl_off;            /* where the declaration is (decoded text) */
    long first_bad;               /* first replacement (decoded text), or -1 */
} imp_decoded;
void imp_decode(gir_arena *a, const char *bytes, size_t len, int html, imp_decoded *d);

/* import_html.c */
int imp_looks_html(const char *s, size_t n);
/* Renders the HTML in c->src into c->w; returns 0 if libxml2 failed. */
int imp_html_render(imp_ctx *c);

/* import_text.c */
void imp_fold(imp_ctx *c);
size_t imp_fold_str(gir_arena *a, const char *s, uint32_t **out);
int imp_cp_eq(uint32_t a, uint32_t b);
int imp_is_sep(uint32_t cp);
gir_span imp_span(const imp_ctx *c, size_t ub, size_t ue);
uint32_t imp_line(const imp_ctx *c, size_t ub);
const char *imp_units_text(const imp_ctx *c, size_t ub, size_t ue);
const char *imp_raw_text(const imp_ctx *c, size_t ub, size_t ue);
size_t imp_tokens(imp_ctx *c, size_t ub, size_t ue, imp_tok **out);
int imp_classify(imp_ctx *c, imp_tok *t);
const char *imp_literal(imp_ctx *c, const imp_tok *t, gir_cell_type type, const char **note);

/* import_match.c */
size_t imp_find(const imp_ctx *c, size_t from, size_t to, const uint32_t *p, size_t np, size_t *me);
void imp_headings(imp_ctx *c);
const char *imp_detect(imp_ctx *c, const gir_schema **schemas, const char **names, size_t n, int year);
/* Builds a table's anchors (once), then finds them in [ub, ue). */
void imp_table_anchors(imp_ctx *c, imp_table *t);
void imp_anchor_table(imp_ctx *c, imp_table *t, size_t ub, size_t ue);

/* import_fill.c */
void imp_fill_table(imp_ctx *c, imp_table *t, size_t ub, size_t ue);
const char *imp_rname(const imp_row *r);
int imp_lit_dec(const char *lit, gir_dec *v);
imp_row *imp_row_of(imp_table *t, const gir_hnode *h);

/* import_split.c */
int imp_split_row(imp_ctx *c, imp_table *t, imp_row *r, const imp_tok **tok, size_t ntok);
void imp_resolve_columns(imp_ctx *c, imp_table *t);
void imp_row_note(imp_ctx *c, imp_row *r, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void imp_table_note(imp_ctx *c, imp_table *t, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* import_meta.c */
typedef struct imp_meta {
    const char *title, *agency, *kind, *date;
    const char *title_from, *agency_from, *kind_from, *date_from;
    int year;
    const char *year_from;
} imp_meta;
int imp_guess_year(imp_ctx *c);
void imp_meta_find(imp_ctx *c, imp_meta *m);
/* Paragraphs of units [ub, ue) outside tables: NUL-separated list. */
size_t imp_paragraphs(imp_ctx *c, size_t ub, size_t ue, const char ***out);

/* import_emit.c */
const char *imp_emit(imp_ctx *c, const imp_meta *m, size_t *len);
#endif

/* internal.h - the data every stage of the importer reads and fills: the
 * working text, the folded unit stream, the anchors of the template's
 * labels and the reconstructed tables, held by one context. The stages,
 * in order (each header declares what its module offers):
 *   decode.h   bytes -> UTF-8 (BOM, meta charset, GB18030 via iconv)
 *   html.h     HTML (libxml2) -> working text, with a byte map
 *   text.h     working text -> folded units; tokens of a data region
 *   match.h    label patterns, format, headings, anchors of the tables
 *   fill.h     a region's values to cells (split.h: run-together digits)
 *   meta.h     title, agency, year, date, kind; the prose paragraphs
 *   emit.h     writing the .gir
 * and the helpers they share: units.h (folding, matching, positions) and
 * cells.h (rows, cell values, comments). import.c drives them
 * (import.h). Everything lives in the import's arena. */
#ifndef GIR_IMPORT_INTERNAL_H
#define GIR_IMPORT_INTERNAL_H
#include <stdint.h>
#include "import.h"
#include "template/schema.h"

/* ---- the working text ---- */

typedef struct imp_range { uint32_t b, e; } imp_range;

typedef struct imp_work {
    char *s; uint32_t n;          /* UTF-8, NUL-terminated */
    uint32_t *map;                /* working byte -> input byte (n + 1 entries); NULL = identity */
    int html;                     /* rendered from HTML: a table row is one line */
    imp_range *tables; size_t ntables;   /* rendered tables (working bytes) */
    const char *title, *date, *author;   /* from the HTML head, or NULL */
    size_t chrome;                /* bytes of page text left out (HTML) */
    size_t footers;               /* page footers left out (clean.h) */
    size_t nctl; uint32_t first_ctl;     /* control character references (HTML), the first (input byte) */
} imp_work;

/* ---- the folded stream: one unit per folded code point ---- */

enum { U_SP = ' ', U_NL = '\n', U_PIPE = '|' };

typedef struct imp_unit {
    uint32_t cp;                  /* folded code point, or U_SP / U_NL / U_PIPE */
    uint32_t b, e;                /* working-text bytes it came from */
} imp_unit;

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

/* ---- the context ---- */

typedef struct imp_ctx {
    gir_arena *a;
    gir_diags *dg;                /* diagnostics; dg->lang is the language of comments too */
    const gir_source *src;        /* the input, as UTF-8 */
    gir_import *im;
    const char *out_name;         /* the .gir's name, for its first comment */
    imp_work w;
    const char *html_in; size_t html_n;  /* HTML from a script string to render instead of the input (jsstr.h), or NULL */
    const uint32_t *html_map;     /* its byte -> input byte */
    imp_unit *u; size_t nu;
    uint64_t *ix; size_t nix;     /* (class of cp << 32 | unit) of every non-separator unit, sorted (units.h) */
    int pipes;                    /* cells are separated by '|' */
    int dblspace;                 /* text cells are separated by blank lines */
    const gir_schema *s;          /* the chosen template */
    const char *tmpl;             /* its name */
    const char *evidence;         /* labels that decided the format */
    imp_heading *head;            /* one per schema section */
    imp_table *tab;               /* one per schema table */
    const char **leftover; size_t nleftover;  /* comment lines for text not understood */
} imp_ctx;
#endif

/* internal.h - internal interface between the formatter's files:
 * fmt.c (driver: tokens, line breaking, verification) and layout.c
 * (spacing, alignment and output of the lines). */
#ifndef GIR_FMT_INT_H
#define GIR_FMT_INT_H
#include <stddef.h>
#include "syntax/ast.h"
#include "diag/source.h"

typedef struct ftok {
    int kind;                  /* bison token kind (COMMENT included, NEWLINE dropped) */
    gir_span sp;
    int nl;                    /* line breaks in the gap before the token */
    int brk;                   /* 0, FBRK_ITEM (starts a line), FBRK_CONT (continuation line) */
    const gir_node *item;      /* the line item starting here (FBRK_ITEM), or NULL */
    const gir_node *row;       /* the report row (N_ROW) the token belongs to */
    int cell;                  /* index of the row item it belongs to */
} ftok;

enum { FBRK_ITEM = 1, FBRK_CONT = 2 };

typedef struct fline {
    int depth, cont;           /* brace depth; continuation of the previous line */
    int blank;                 /* a blank line goes before it */
    size_t t0, nt;             /* its tokens (without the trailing comment) */
    long comment;              /* token index of a trailing comment, or -1 */
    int own_comment;           /* the line is one comment */
    const gir_node *item;      /* the item that starts the line, or NULL */
    const gir_node *row;       /* N_ROW of a report table row */
    int multiline;             /* holds a multi-line token (prose) */
    const char *text;          /* rendered content, without the trailing comment */
    size_t len, width;         /* bytes; display width of the last physical line */
} fline;

typedef struct fctx {
    gir_arena *a;
    const gir_source *src;
    ftok *t; size_t nt;
    fline *l; size_t nl;
} fctx;

/* Renders every line into out (layout.c). */
void fmt_render(fctx *c, gir_buf *out);
#endif

/* internal.h - what the files of scaffold/ share: writing names, strings
 * and comments of a .gir (new.c), and a table's rows (table.c). */
#ifndef GIR_SCAFFOLD_INTERNAL_H
#define GIR_SCAFFOLD_INTERNAL_H
#include "scaffold.h"

void scaf_string(gir_buf *b, const char *s);
/* A name as an identifier when it is one, else as a string. */
void scaf_name(gir_buf *b, const char *s);
/* "INDENT# TEXT\n", the text on one line. */
void scaf_comment(gir_buf *b, const char *indent, const char *s);
/* A cell of the draft that starts from last year's report. */
typedef struct scaf_cell {
    gir_dec v;
    int set;      /* v is last year's value */
    int blank;    /* last year's cell was blank (_) */
} scaf_cell;
/* Per block of t, nrows * ncols cells carried from o->last (carry.c);
 * NULL without --from. */
scaf_cell **scaf_carry(gir_arena *a, const gir_new_opts *o, const gir_ttable *t);
/* `table NAME { ... }`: every row, values 0 or carried from o->last. */
void scaf_table(gir_arena *a, gir_buf *b, const gir_new_opts *o, const gir_ttable *t);
#endif

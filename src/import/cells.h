/* cells.h - helpers on reconstructed rows and cells that the fill and
 * split stages share: a row's name, a row by its template node, the
 * decimal value of a cell literal, and the comment lines of a row or a
 * table. */
#ifndef GIR_IMPORT_CELLS_H
#define GIR_IMPORT_CELLS_H
#include "base/dec.h"
#include "internal.h"

/* The row's official label, else its name. */
const char *imp_rname(const imp_row *r);
/* The row of t for template row h, or NULL. */
imp_row *imp_row_of(imp_table *t, const gir_hnode *h);
/* The value of a .gir number literal ("+12", "1.5万元"); 0 if it is none. */
int imp_lit_dec(const char *lit, gir_dec *v);
/* Adds a comment line above row r / at the top of table t. */
void imp_row_note(imp_ctx *c, imp_row *r, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void imp_table_note(imp_ctx *c, imp_table *t, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
#endif

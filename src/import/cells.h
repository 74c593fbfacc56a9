/* cells.h - helpers on reconstructed rows and cells that the fill and
 * split stages share: a row's name, a row by its template node and the
 * decimal value of a cell literal. */
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
#endif

/* split.h - run-together digits ("640020470"): every split into a row's
 * cells, the one that is possible or whose totals add up, and column
 * totals that decide what rows alone could not. */
#ifndef GIR_IMPORT_SPLIT_H
#define GIR_IMPORT_SPLIT_H
#include <stddef.h>
#include "internal.h"
#include "text.h"

/* Splits the digits of ntok value tokens into r's cells; 0 when no split
 * fits (the row is then filled otherwise). */
int imp_split_row(imp_ctx *c, imp_table *t, imp_row *r, const imp_tok **tok, size_t ntok);
/* Keeps the readings of undecided rows that make t's column totals add
 * up; reports the rows still undecided. */
void imp_resolve_columns(imp_ctx *c, imp_table *t);
#endif

/* fill.h - the fill stage: a table's cells from the regions between its
 * anchors (by label, by position, short rows; run-together digits go to
 * split.h). */
#ifndef GIR_IMPORT_FILL_H
#define GIR_IMPORT_FILL_H
#include <stddef.h>
#include "internal.h"

/* Makes t's rows and fills them from units [ub, ue). */
void imp_fill_table(imp_ctx *c, imp_table *t, size_t ub, size_t ue);
#endif

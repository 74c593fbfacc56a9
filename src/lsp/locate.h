/* locate.h - what the cursor is on in a checked report (a cell, a row
 * label, a column name, a table or section name, a header field or the
 * template name), and the labels of rows and columns. A helper of hover,
 * definition, completion and symbols: it reads a gir_doc and nothing of
 * the server. */
#ifndef GIR_LSP_LOCATE_H
#define GIR_LSP_LOCATE_H
#include <stdint.h>
#include "check/check.h"
#include "driver/compile.h"

typedef enum { LOC_NONE = 0, LOC_CELL, LOC_ROW, LOC_COL, LOC_TABLE, LOC_SECTION, LOC_FIELD, LOC_TEMPLATE } lsp_loc_kind;
typedef struct lsp_target {
    lsp_loc_kind kind;
    gir_span span;                 /* the token under the cursor */
    const gir_report *r;
    int table, block, row, col;    /* LOC_CELL/ROW/COL/TABLE */
    const gir_hnode *h;            /* LOC_ROW, LOC_COL: the row or column */
    const gir_tsection *sec;       /* LOC_SECTION */
    const gir_node *field;         /* LOC_FIELD: N_FIELD */
} lsp_target;
/* What is at byte off (or just before it); 0 if nothing. */
int lsp_locate(const gir_doc *d, uint32_t off, lsp_target *t);
/* "三、本年度办理结果 › （七）总计": labels from the top group down. */
const char *lsp_hnode_path(gir_arena *a, const gir_hnode *h);
const char *lsp_hnode_label(const gir_hnode *h);
#endif

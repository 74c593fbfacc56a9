/* internal.h - internal interface between the checker's files:
 * check.c (driver, header, sections, report level), table.c (rows,
 * cells, types), sums.c (totals and rules), prose.c (numbers in the
 * prose). */
#ifndef GIR_CHECK_INT_H
#define GIR_CHECK_INT_H
#include "check.h"
#include "base/array.h"

typedef struct ck {
    gir_arena *a;
    gir_diags *dg;
    const gir_source *src;
    const gir_node *ast;
    gir_report *r;
    const gir_schema *s;
    uint32_t *syntax_at; size_t nsyntax;   /* sorted offsets of the parse errors */
} ck;


void check_table(ck *c, gir_rtable *rt);
/* True if a lexer or parser error starts inside span (binary search). */
int check_syntax_error_in(const ck *c, gir_span span);
void check_totals(ck *c, gir_rtable *rt);
void check_rules(ck *c, gir_rtable *rt);
/* The value of a mention's cell expression; 0 if not computable. */
int check_expr_value(ck *c, gir_rtable *rt, const gir_rule *ru, gir_dec *out, gir_span *at);
/* R3.9: numbers stated in the prose against the tables (prose.c). */
void check_mentions(ck *c);
/* The displayed name of a row or column: its short name. */
const char *hnode_display(const gir_hnode *h);
/* A span that points at a cell: where written, else its row's label. */
gir_span cell_span(ck *c, gir_rtable *rt, int blk, int row, int col);
#endif

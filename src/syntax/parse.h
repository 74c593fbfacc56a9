/* parse.h - the front end: source text -> AST, with every syntax error
 * reported (the parser recovers at row, field and section boundaries). */
#ifndef GIR_PARSE_H
#define GIR_PARSE_H
#include "ast.h"
#include "diag/diag.h"
#include "lexer.h"

typedef struct gir_parser {
    gir_lexer lx;
    gir_arena *arena;
    gir_diags *diags;
    const gir_source *src;
    gir_node *root;
} gir_parser;

/* Parses a whole file. Always returns an N_FILE node (possibly partial);
 * syntax errors go to d. */
gir_node *gir_parse(gir_arena *a, gir_diags *d, const gir_source *src);
#endif

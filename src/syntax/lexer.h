/* lexer.h - the re2c scanner (grammar/lexer.re). Token kinds are the
 * bison token numbers of build/gen/parser.h. The scanner reports its own
 * errors (bad bytes, unterminated strings) into the diagnostics sink and
 * then returns the YYerror token so the parser recovers. */
#ifndef GIR_LEXER_H
#define GIR_LEXER_H
#include "base/arena.h"
#include "ast.h"
#include "diag/diag.h"
#include "diag/source.h"

typedef struct gir_lexer {
    gir_arena *arena;
    gir_diags *diags;
    const gir_source *src;
    const unsigned char *base, *cur, *mar, *tok, *lim;
    int emit_comments;   /* return COMMENT tokens (formatter); the parser never sees them */
    int last_newline;    /* last token returned was NEWLINE (blank lines collapse) */
    int paren_depth;     /* inside ( ): newlines are not significant */
    size_t ntokens;      /* tokens returned so far */
    int truncated;       /* GIR_MAX_TOKENS reached: the rest was skipped */
} gir_lexer;

/* Tokens per document (names, numbers, strings, symbols, line ends):
 * bounds the AST's memory (about 170 MB). Documented in docs/limits.md. */
#define GIR_MAX_TOKENS 1000000u

void lexer_init(gir_lexer *lx, gir_arena *a, gir_diags *d, const gir_source *src);
/* Next token kind; *val gets a node for IDENT/STRING/PROSE/NUMBER/DATE/BLANK. */
int lexer_next(gir_lexer *lx, gir_node **val, gir_span *loc);
/* True if an error is already reported on the line holding byte off
 * (later errors on that line are suppressed). */
int lexer_line_has_error(const gir_lexer *lx, uint32_t off);
/* Human name of a token kind in the given language (never a raw token name). */
const char *lexer_token_name(int kind, gir_lang lang);
#endif

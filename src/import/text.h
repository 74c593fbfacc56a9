/* text.h - the text stage: the working text folded into the unit stream,
 * and the tokens a data region between two anchors is made of. */
#ifndef GIR_IMPORT_TEXT_H
#define GIR_IMPORT_TEXT_H
#include <stddef.h>
#include "internal.h"

typedef enum { TK_NUM, TK_NA, TK_EMPTY, TK_TEXT, TK_BREAK } imp_tkind;

typedef struct imp_tok {
    imp_tkind k;
    size_t ub, ue;                /* units */
    const char *text;             /* folded text (no separators) */
    /* TK_NUM: the value split into parts */
    int sign;                     /* +1, -1, 0 none */
    const char *ip, *fp, *unit;   /* integer digits, fraction digits ("" none), unit ("" none) */
    const char *note;             /* how the sign or digits were written ("增", ","), or NULL */
} imp_tok;

/* Folds c->w into c->u / c->nu (one unit per folded code point) and
 * indexes it. */
void imp_fold(imp_ctx *c);
/* The tokens of units [ub, ue) (an arena array); returns how many. */
size_t imp_tokens(imp_ctx *c, size_t ub, size_t ue, imp_tok **out);
/* The .gir literal of number token t in a cell of the given type; *note
 * says how it was rewritten ("“2笔” → 2"), or is NULL. */
const char *imp_literal(imp_ctx *c, const imp_tok *t, gir_cell_type type, const char **note);
#endif

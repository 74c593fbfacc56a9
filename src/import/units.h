/* units.h - helpers on the folded unit stream that every stage after
 * folding shares: what a code point folds to, separators and equal
 * punctuation, folded labels, finding a label in the stream, and the
 * input position and text of a run of units. */
#ifndef GIR_IMPORT_UNITS_H
#define GIR_IMPORT_UNITS_H
#include <stddef.h>
#include <stdint.h>
#include "internal.h"

/* White space other than line breaks (NBSP, U+3000, U+2000..U+200A, …). */
int imp_is_space_cp(uint32_t cp);
/* Folds one code point into out (up to 8 code points); returns how many. */
int imp_fold_cp(uint32_t cp, uint32_t *out);
/* A separator unit: U_SP, U_NL or U_PIPE. */
int imp_is_sep(uint32_t cp);
/* Equal code points, with 、 . , ; : and their full-width forms alike. */
int imp_cp_eq(uint32_t a, uint32_t b);
/* The folded code points of a label, separators left out; returns how many. */
size_t imp_fold_str(gir_arena *a, const char *s, uint32_t **out);
/* Indexes the unit stream for imp_find (once c->u is complete). */
void imp_index(imp_ctx *c);
/* First match of folded pattern p in units [from, to), across spaces and
 * line breaks: its first unit (*me = one past its last), or (size_t)-1. */
size_t imp_find(const imp_ctx *c, size_t from, size_t to, const uint32_t *p, size_t np, size_t *me);
/* The input bytes of units [ub, ue). */
gir_span imp_span(const imp_ctx *c, size_t ub, size_t ue);
/* The input line (1-based) of unit ub. */
uint32_t imp_line(const imp_ctx *c, size_t ub);
/* Units [ub, ue) as folded text, runs of separators as one space. */
const char *imp_units_text(const imp_ctx *c, size_t ub, size_t ue);
/* The working text of units [ub, ue), white space collapsed. */
const char *imp_raw_text(const imp_ctx *c, size_t ub, size_t ue);
/* The rendered HTML table holding unit u, or NULL. */
const imp_range *imp_html_table(const imp_ctx *c, size_t u);
#endif

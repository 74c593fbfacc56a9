/* label.h - matching labels the way people write them: full-width and
 * half-width punctuation are the same (NFKC), whitespace and line breaks
 * inside labels are ignored, and "did you mean" uses edit distance. */
#ifndef GIR_LABEL_H
#define GIR_LABEL_H
#include <stddef.h>
#include "arena.h"

/* The folded form of s: NFKC (full-width ASCII to ASCII), whitespace
 * (including U+3000) removed, "、" kept, curly quotes mapped to '"'. */
char *label_fold(gir_arena *a, const char *s);
/* Same as label_fold and also drops trailing parenthetical annotations
 * like "（设区的市…）" when the rest is non-empty (importer use). */
char *label_fold_loose(gir_arena *a, const char *s);
/* Levenshtein distance in code points, giving up (returning max+1) once
 * it exceeds max. */
size_t label_distance(const char *a, const char *b, size_t max);
/* Number of code points. */
size_t label_length(const char *s);
#endif

/* acmatch.h - Aho-Corasick: every occurrence of many byte patterns in
 * one pass over a text (the numbers-in-prose check looks for all the
 * phrases of a template at once, not one search per phrase). The
 * automaton is built once (in an arena) and only read by scans. */
#ifndef GIR_ACMATCH_H
#define GIR_ACMATCH_H
#include <stddef.h>
#include "arena.h"

typedef struct gir_acm gir_acm;

/* The automaton of n NUL-terminated patterns (an empty one never
 * matches); pattern i is reported as i. */
gir_acm *acm_build(gir_arena *a, const char *const *pats, size_t n);
/* Calls fn(ud, i, start) for every occurrence of pattern i starting at
 * byte start of text, in order of the occurrences' ends. */
typedef void (*acm_hit)(void *ud, size_t pat, size_t start);
void acm_scan(const gir_acm *m, const unsigned char *text, size_t len, acm_hit fn, void *ud);
#endif

/* array.h - the one growable array of girc. An array is a pointer and a
 * count (T *v; size_t n) and nothing else: its capacity is implicit, the
 * next power of two >= n, and it doubles when n reaches a power of two,
 * so n appends cost O(n) time and memory in all. Only arrays grown by
 * these functions alone may be grown by them (an array allocated some
 * other way has no such room).
 *   arena arrays (a != NULL): memory from the arena, never freed alone;
 *     inside arena_protect, running out of memory unwinds;
 *   heap arrays (a == NULL): realloc'd, freed by the owner with free(). */
#ifndef GIR_ARRAY_H
#define GIR_ARRAY_H
#include <stddef.h>
#include "arena.h"

/* Makes room for element n of array *v (elements of elem bytes).
 * Returns 0, or -1 when memory ran out (then *v is unchanged and still
 * valid; an arena inside a protected call unwinds instead). */
int array_reserve(gir_arena *a, void **v, size_t n, size_t elem);

/* Appends x to arena array arr of n elements, inside a protected call. */
#define ARRAY_PUSH(a, arr, n, x) do {                                     \
        void *array_p_ = (arr);                                           \
        if (array_reserve((a), &array_p_, (n), sizeof *(arr)) == 0) {     \
            (arr) = array_p_;                                             \
            (arr)[(n)] = (x);                                             \
            (n)++;                                                        \
        }                                                                 \
    } while (0)
#endif

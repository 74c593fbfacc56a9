/* array.c - growth of the one growable array (array.h): doubling, in an
 * arena or on the heap. */
#include <stdint.h>
#include <stdlib.h>
#include "array.h"

int array_reserve(gir_arena *a, void **v, size_t n, size_t elem)
{
    if (n && (n & (n - 1)))
        return 0;   /* below the implicit capacity: room already */
    size_t cap = n ? 2 * n : 1;
    if (elem && cap > SIZE_MAX / elem)
        return -1;
    void *p = a ? arena_grow(a, *v, n * elem, cap * elem) : realloc(*v, cap * elem);
    if (!p)
        return -1;
    *v = p;
    return 0;
}

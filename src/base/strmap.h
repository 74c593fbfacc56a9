/* strmap.h - a string -> index map in an arena (open addressing, FNV-1a,
 * doubling): constant-time lookups where a linear search over n names
 * would make n lookups quadratic (template rows, duplicate names). Keys
 * are not copied: they must live as long as the map. */
#ifndef GIR_STRMAP_H
#define GIR_STRMAP_H
#include <stddef.h>
#include "arena.h"

typedef struct gir_strmap {
    gir_arena *arena;
    const char **keys;
    size_t *vals;
    size_t cap, n;       /* cap: a power of two, or 0 */
} gir_strmap;

void strmap_init(gir_strmap *m, gir_arena *a);
/* Adds key -> val unless key is there already; returns 1 if added, 0 if
 * the key was there (its value is kept). */
int strmap_add(gir_strmap *m, const char *key, size_t val);
/* 1 and *val if key is in the map, else 0. */
int strmap_get(const gir_strmap *m, const char *key, size_t *val);
#endif

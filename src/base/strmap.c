/* strmap.c - the string -> index map of strmap.h. */
#include <string.h>
#include "strmap.h"

void strmap_init(gir_strmap *m, gir_arena *a)
{
    memset(m, 0, sizeof *m);
    m->arena = a;
}

static size_t hash(const char *s)
{
    size_t h = (size_t)1469598103934665603ull;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * (size_t)1099511628211ull;
    return h;
}

/* The slot of key, or the empty slot where it would go. */
static size_t slot(const gir_strmap *m, const char *key)
{
    size_t i = hash(key) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], key) != 0) i = (i + 1) & (m->cap - 1);
    return i;
}

/* 0 when memory ran out outside a protected call (the map is unchanged). */
static int grow(gir_strmap *m)
{
    gir_strmap old = *m;
    m->cap = old.cap ? old.cap * 2 : 16;
    m->keys = arena_alloc(m->arena, m->cap * sizeof *m->keys);   /* zeroed */
    m->vals = arena_alloc(m->arena, m->cap * sizeof *m->vals);
    if (!m->keys || !m->vals) {
        *m = old;
        return 0;
    }
    for (size_t i = 0; i < old.cap; i++) {
        if (!old.keys[i]) continue;
        size_t j = slot(m, old.keys[i]);
        m->keys[j] = old.keys[i];
        m->vals[j] = old.vals[i];
    }
    return 1;
}

int strmap_add(gir_strmap *m, const char *key, size_t val)
{
    if ((m->n + 1) * 2 > m->cap && !grow(m) && m->n + 1 >= m->cap) return 0;   /* keep an empty slot */
    size_t i = slot(m, key);
    if (m->keys[i]) return 0;
    m->keys[i] = key;
    m->vals[i] = val;
    m->n++;
    return 1;
}

int strmap_get(const gir_strmap *m, const char *key, size_t *val)
{
    if (!m->cap) return 0;
    size_t i = slot(m, key);
    if (!m->keys[i]) return 0;
    *val = m->vals[i];
    return 1;
}

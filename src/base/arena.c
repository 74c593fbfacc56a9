/* arena.c - region allocator: a singly linked list of blocks, bump
 * allocation inside a block, everything freed at once. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arena.h"

#define ALIGN 16u
#ifndef BLOCK_MIN
#define BLOCK_MIN (64u * 1024u)   /* tests/unit/test_oom.c builds with a small one */
#endif

typedef struct block {
    struct block *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
} block;

struct gir_defer {
    struct gir_defer *next;
    void (*fn)(void *p);
    void *p;
};

struct gir_arena {
    gir_mem mem;
    block *head;
    block *spare;   /* blocks kept by arena_reset, empty, for the next allocations */
    jmp_buf *oom;
    size_t total;
    gir_defer *defers;
};

/* What arena_reset keeps: at most this many standard blocks (4 MB). */
#define KEEP_BLOCKS 64u

static void *def_malloc(size_t n, void *ud) { (void)ud; return malloc(n); }
static void def_free(void *p, void *ud) { (void)ud; free(p); }
static const gir_mem default_mem = {def_malloc, def_free, NULL};

const gir_mem *gir_mem_default(void) { return &default_mem; }

gir_arena *arena_new(const gir_mem *mem)
{
    if (!mem) mem = &default_mem;
    gir_arena *a = mem->malloc_fn(sizeof *a, mem->ud);
    if (!a) return NULL;
    memset(a, 0, sizeof *a);
    a->mem = *mem;
    return a;
}

static void free_blocks(gir_arena *a, block *b)
{
    while (b) {
        block *next = b->next;
        a->mem.free_fn(b, a->mem.ud);
        b = next;
    }
}

static void run_defers(gir_arena *a)
{
    for (gir_defer *d = a->defers; d; d = d->next)
        arena_release(d);
    a->defers = NULL;
}

void arena_free(gir_arena *a)
{
    if (!a) return;
    run_defers(a);
    free_blocks(a, a->head);
    free_blocks(a, a->spare);
    gir_mem mem = a->mem;
    mem.free_fn(a, mem.ud);
}

void arena_reset(gir_arena *a)
{
    if (!a) return;
    run_defers(a);
    size_t kept = 0;
    for (block *b = a->spare; b; b = b->next) kept++;
    block *b = a->head;
    while (b) {
        block *next = b->next;
        if (b->cap == BLOCK_MIN && kept < KEEP_BLOCKS) {   /* a private (large) block is not kept */
            b->used = 0;
            b->next = a->spare;
            a->spare = b;
            kept++;
        } else {
            a->mem.free_fn(b, a->mem.ud);
        }
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}

jmp_buf *arena_set_oom(gir_arena *a, jmp_buf *jb)
{
    jmp_buf *old = a->oom;
    a->oom = jb;
    return old;
}

int arena_protect(gir_arena *a, void (*fn)(void *ud), void *ud)
{
    jmp_buf here;
    jmp_buf *volatile outer = a->oom;
    if (setjmp(here)) {
        a->oom = outer;
        return 1;
    }
    a->oom = &here;
    fn(ud);
    a->oom = outer;
    return 0;
}

int arena_protected(const gir_arena *a) { return a->oom != NULL; }

gir_defer *arena_defer(gir_arena *a, void (*fn)(void *p), void *p)
{
    gir_defer *d = arena_alloc(a, sizeof *d);
    if (!d) {
        if (p) fn(p);
        return NULL;
    }
    d->fn = fn;
    d->p = p;
    d->next = a->defers;
    a->defers = d;
    return d;
}

void arena_release(gir_defer *d)
{
    if (!d || !d->fn) return;
    void (*fn)(void *p) = d->fn;
    d->fn = NULL;
    if (d->p) fn(d->p);
}

void arena_defer_set(gir_defer *d, void *p)
{
    if (d) d->p = p;
}

static void *fail(gir_arena *a)
{
    if (a->oom) longjmp(*a->oom, 1);
    return NULL;
}

/* Max-aligned memory, not zeroed (for what its caller fills at once). */
static void *alloc_raw(gir_arena *a, size_t n)
{
    if (n == 0) n = 1;
    if (n > SIZE_MAX / 2) return fail(a);
    n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    block *b = a->head;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > BLOCK_MIN ? n : BLOCK_MIN;
        block *nb = n <= BLOCK_MIN ? a->spare : NULL;
        if (nb) a->spare = nb->next;   /* one kept by arena_reset */
        else nb = a->mem.malloc_fn(sizeof *nb + cap, a->mem.ud);
        if (!nb) return fail(a);
        nb->used = 0;
        nb->cap = cap;
        /* A large private block goes behind the head so the head's free
         * space is not wasted. */
        if (b && n > BLOCK_MIN) {
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += n;
    a->total += n;
    return p;
}

void *arena_alloc_raw(gir_arena *a, size_t n) { return alloc_raw(a, n); }

void *arena_alloc(gir_arena *a, size_t n)
{
    void *p = alloc_raw(a, n);
    if (p) memset(p, 0, n ? n : 1);
    return p;
}

void *arena_grow(gir_arena *a, void *old, size_t old_n, size_t new_n)
{
    char *p = alloc_raw(a, new_n);
    if (!p) return NULL;
    size_t keep = old && old_n ? (old_n < new_n ? old_n : new_n) : 0;
    if (keep) memcpy(p, old, keep);
    memset(p + keep, 0, (new_n ? new_n : 1) - keep);   /* the new part is zeroed, as arena_alloc's */
    return p;
}

char *arena_strndup(gir_arena *a, const char *s, size_t n)
{
    char *p = alloc_raw(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *arena_strdup(gir_arena *a, const char *s) { return arena_strndup(a, s, strlen(s)); }

char *arena_vprintf(gir_arena *a, const char *fmt, va_list ap)
{
    va_list aq;
    va_copy(aq, ap);
    int n = vsnprintf(NULL, 0, fmt, aq);
    va_end(aq);
    if (n < 0) n = 0;
    char *p = alloc_raw(a, (size_t)n + 1);
    if (p) vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *arena_printf(gir_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = arena_vprintf(a, fmt, ap);
    va_end(ap);
    return p;
}

size_t arena_used(const gir_arena *a) { return a->total; }

void buf_init(gir_buf *b, gir_arena *a)
{
    b->arena = a;
    b->p = NULL;
    b->n = b->cap = 0;
}

static void reserve(gir_buf *b, size_t extra)
{
    if (b->n + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->n + extra + 1) cap *= 2;
    char *p = alloc_raw(b->arena, cap);   /* past n nothing is read: not zeroed */
    if (p && b->p && b->n) memcpy(p, b->p, b->n);
    b->p = p;
    b->cap = p ? cap : 0;
}

void buf_put(gir_buf *b, const char *s, size_t n)
{
    reserve(b, n);
    if (!b->p) return;
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

void buf_puts(gir_buf *b, const char *s) { buf_put(b, s, strlen(s)); }

/* vsnprintf once into the free space; a second time only when the text
 * did not fit. */
void buf_printf(gir_buf *b, const char *fmt, ...)
{
    va_list ap, aq;
    va_start(ap, fmt);
    va_copy(aq, ap);
    size_t room = b->p ? b->cap - b->n : 0;
    int n = vsnprintf(room ? b->p + b->n : NULL, room, fmt, ap);
    va_end(ap);
    if (n > 0 && (size_t)n >= room) {
        reserve(b, (size_t)n);
        if (b->p) vsnprintf(b->p + b->n, (size_t)n + 1, fmt, aq);
    }
    if (n > 0 && b->p) b->n += (size_t)n;
    else if (b->p && room) b->p[b->n] = 0;   /* nothing written: the terminator stays */
    va_end(aq);
}

const char *buf_cstr(gir_buf *b)
{
    if (!b->p) buf_put(b, "", 0);
    return b->p ? b->p : "";
}

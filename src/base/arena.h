/* arena.h - region allocator owned by one compilation (or one LSP document
 * version). Everything a compilation allocates lives here and is freed at
 * once by arena_free(). Out-of-memory is reported through an optional
 * jump target (arena_set_oom) so callers never test every allocation. */
#ifndef GIR_ARENA_H
#define GIR_ARENA_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

/* Swappable allocator (tests inject failures through it). */
typedef struct gir_mem {
    void *(*malloc_fn)(size_t n, void *ud);
    void (*free_fn)(void *p, void *ud);
    void *ud;
} gir_mem;

/* The process default: plain malloc/free. */
const gir_mem *gir_mem_default(void);

typedef struct gir_arena gir_arena;

/* New arena; NULL on out of memory. mem may be NULL for the default. */
gir_arena *arena_new(const gir_mem *mem);
/* Frees every block: O(number of blocks), iterative. NULL is fine. */
void arena_free(gir_arena *a);
/* Empties the arena for the next document of a batch: runs the deferred
 * releases and forgets every allocation, as arena_free, but keeps up to
 * 64 of its standard blocks (4 MB) for the allocations to come, so that
 * the next report reuses warm memory instead of faulting in fresh pages
 * (larger private blocks are freed). Never allocates. NULL is fine. */
void arena_reset(gir_arena *a);
/* Suspends the out-of-memory target (allocations return NULL) and
 * returns it, for code that holds malloc'd memory across arena calls;
 * arena_set_oom(a, saved) restores it. Only arena_protect sets one. */
jmp_buf *arena_set_oom(gir_arena *a, jmp_buf *jb);
/* The one protected call (as Lua's luaD_rawrunprotected): runs fn(ud)
 * with a's out-of-memory target set, so that an allocation failure
 * anywhere inside unwinds to here. Returns 0 when fn returned, 1 when
 * memory ran out. Nests: the caller's target is restored either way.
 * Every setjmp of girc is this one. */
int arena_protect(gir_arena *a, void (*fn)(void *ud), void *ud);
/* True while a protected call is running on a (an allocation then never
 * returns NULL). */
int arena_protected(const gir_arena *a);
/* Memory from outside the arena (cmark, cJSON, libxml2, iconv): fn(p)
 * runs when the arena is freed, unless arena_release ran it first; a
 * NULL p is skipped. Register first with p = NULL, then allocate and
 * arena_defer_set, so that no unwind can lose the object. When the
 * handle itself cannot be had (no protected call), fn(p) runs at once
 * and NULL is returned. */
typedef struct gir_defer gir_defer;
gir_defer *arena_defer(gir_arena *a, void (*fn)(void *p), void *p);
/* Runs a deferred release now (once); NULL is fine. */
void arena_release(gir_defer *d);
/* Changes what a deferred release frees (e.g. after realloc). */
void arena_defer_set(gir_defer *d, void *p);
/* Zeroed, max-aligned memory. Returns NULL on failure only when no jump
 * target is set. */
void *arena_alloc(gir_arena *a, size_t n);
/* Max-aligned memory that is not zeroed, for what the caller fills at
 * once (copies, decoded text, arrays written in full). Same failure
 * rules as arena_alloc. */
void *arena_alloc_raw(gir_arena *a, size_t n);
/* Grow an arena array: copies old contents (old memory is not reused). */
void *arena_grow(gir_arena *a, void *old, size_t old_n, size_t new_n);
char *arena_strndup(gir_arena *a, const char *s, size_t n);
char *arena_strdup(gir_arena *a, const char *s);
/* printf into the arena (no length limit); NULL only on out of memory
 * outside a protected call. */
char *arena_vprintf(gir_arena *a, const char *fmt, va_list ap);
char *arena_printf(gir_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Total bytes handed out (for limits and statistics). */
size_t arena_used(const gir_arena *a);

/* A growable byte buffer allocated with the arena's allocator
 * (for output text). */
typedef struct gir_buf {
    gir_arena *arena;
    char *p;
    size_t n, cap;
} gir_buf;
void buf_init(gir_buf *b, gir_arena *a);
void buf_put(gir_buf *b, const char *s, size_t n);
void buf_puts(gir_buf *b, const char *s);
/* inline: prose is copied a character at a time */
static inline void buf_putc(gir_buf *b, char c)
{
    if (b->p && b->n + 2 <= b->cap) {   /* room for it and the terminator */
        b->p[b->n++] = c;
        b->p[b->n] = 0;
        return;
    }
    buf_put(b, &c, 1);
}
void buf_printf(gir_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* NUL-terminated contents (the terminator is not counted in n). */
const char *buf_cstr(gir_buf *b);
#endif

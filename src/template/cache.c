/* cache.c - the process's compiled templates (see cache.h): a short list
 * keyed by path and text, in one arena that lives until exit. */
#include <stdlib.h>
#include <string.h>
#include "base/array.h"
#include "cache.h"
#include "stdlib_data.h"
#include "syntax/parse.h"
#include "template.h"

typedef struct tc_entry {
    const char *path;          /* key: the name shown for the text */
    const char *text;          /* key: the text (a copy) */
    size_t len;
    const gir_schema *s;       /* NULL: not usable as shared (see cache.h) */
} tc_entry;

typedef struct tc_years {
    int done, ok, from, to;
} tc_years;

static gir_arena *tc_arena;
static tc_entry *tc_v;
static size_t tc_n;
static tc_years *tc_yv;        /* one per gir_stdlib entry, heap */
static size_t tc_ny;

typedef struct tc_job {
    const char *path, *text;
    size_t len;
    tc_entry e;
} tc_job;

/* Builds the entry in tc_arena; e.s stays NULL on any diagnostic. */
static void tc_build(void *ud)
{
    tc_job *j = ud;
    gir_diags dg;
    diags_init(&dg, tc_arena, GIR_LANG_EN);
    gir_source *src = arena_alloc(tc_arena, sizeof *src);
    char *copy = arena_strndup(tc_arena, j->text, j->len);
    source_init(src, tc_arena, arena_strdup(tc_arena, j->path), copy, (uint32_t)j->len);
    j->e.path = src->name;
    j->e.text = copy;
    j->e.len = j->len;
    const gir_node *t = template_find(gir_parse(tc_arena, &dg, src), NULL);
    if (!t || dg.n || dg.dropped) return;
    gir_schema *s = schema_build(tc_arena, &dg, src, t);
    if (!s || dg.n || dg.dropped) return;
    s->path = src->name;
    j->e.s = s;
}

static int tc_same(const tc_entry *e, const char *path, const char *text, size_t len)
{
    return e->len == len && strcmp(e->path, path) == 0 && memcmp(e->text, text, len) == 0;
}

const gir_schema *tcache_get(const char *path, const char *text, size_t len)
{
    for (size_t i = 0; i < tc_n; i++)
        if (tc_same(&tc_v[i], path, text, len)) return tc_v[i].s;
    if (!tc_arena) tc_arena = arena_new(NULL);
    if (!tc_arena) return NULL;
    tc_job j = {path, text, len, {0}};
    if (arena_protect(tc_arena, tc_build, &j)) return NULL;   /* out of memory: the caller builds it */
    void *v = tc_v;
    if (array_reserve(NULL, &v, tc_n, sizeof *tc_v) != 0) return j.e.s;
    tc_v = v;
    tc_v[tc_n++] = j.e;
    return j.e.s;
}

const gir_schema *tcache_builtin(const char *name)
{
    size_t len = 0;
    const char *path = NULL;
    const char *text = template_builtin(name, &len, &path);
    return text ? tcache_get(path ? path : name, text, len) : NULL;
}

typedef struct ty_job {
    const gir_embedded *e;
    tc_years *y;
} ty_job;

static void ty_parse(void *ud)
{
    ty_job *j = ud;
    gir_arena *a = tc_arena;
    gir_diags dg;
    diags_init(&dg, a, GIR_LANG_EN);
    gir_source *src = arena_alloc(a, sizeof *src);
    source_init(src, a, j->e->path, j->e->text, (uint32_t)j->e->len);
    const gir_node *t = template_find(gir_parse(a, &dg, src), NULL);
    if (!t) return;
    schema_years(t, &j->y->from, &j->y->to);
    j->y->ok = 1;
}

int tcache_builtin_years(size_t i, int *from, int *to)
{
    if (!tc_yv) {
        size_t n = 0;
        while (gir_stdlib[n].name) n++;
        tc_yv = calloc(n ? n : 1, sizeof *tc_yv);
        tc_ny = n;
    }
    if (!tc_arena) tc_arena = arena_new(NULL);
    if (!tc_yv || !tc_arena || i >= tc_ny) return 0;
    tc_years *y = &tc_yv[i];
    if (!y->done) {
        ty_job j = {&gir_stdlib[i], y};
        if (arena_protect(tc_arena, ty_parse, &j)) return 0;   /* out of memory: asked again next time */
        y->done = 1;
    }
    *from = y->from;
    *to = y->to;
    return y->ok;
}

void tcache_free(void)
{
    arena_free(tc_arena);
    tc_arena = NULL;
    free(tc_v);
    tc_v = NULL;
    tc_n = 0;
    free(tc_yv);
    tc_yv = NULL;
    tc_ny = 0;
}

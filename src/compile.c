/* compile.c - the pipeline driver: source -> lex/parse -> check. */
#include <string.h>
#include "compile.h"
#include "parse.h"
#include "check.h"
#include "io.h"
#include <stdio.h>

static gir_doc *doc_new(const char *name, const char *text, size_t len, const gir_options *o)
{
    gir_arena *a = arena_new(o ? o->mem : NULL);
    if (!a) return NULL;
    gir_doc *d = arena_alloc(a, sizeof *d);
    if (!d) { arena_free(a); return NULL; }
    d->arena = a;
    diags_init(&d->diags, a, o ? o->lang : GIR_LANG_ZH);
    return d;
    (void)name; (void)text; (void)len;
}

static gir_doc *run(const char *name, const char *text, size_t len, const gir_options *o, int check)
{
    gir_doc *volatile d = doc_new(name, text, len, o);
    if (!d) return NULL;
    jmp_buf jb;
    if (setjmp(jb)) {
        /* out of memory: keep what was done, report it */
        arena_set_oom(d->arena, NULL);
        d->oom = 1;
        return d;
    }
    arena_set_oom(d->arena, &jb);
    if (len > GIR_MAX_FILE_SIZE) {
        char a[32], b[32];
        snprintf(a, sizeof a, "%zu", len);
        snprintf(b, sizeof b, "%u", (unsigned)GIR_MAX_FILE_SIZE);
        source_init(&d->src, d->arena, arena_strdup(d->arena, name), "", 0);
        diag_add(&d->diags, GIR_SEV_ERROR, M_FILE_TOO_LARGE, NULL, (gir_span){0, 0}, a, b);
        d->ast = ast_new(d->arena, N_FILE, (gir_span){0, 0});
        arena_set_oom(d->arena, NULL);
        return d;
    }
    char *copy = arena_strndup(d->arena, text, len);
    source_init(&d->src, d->arena, arena_strdup(d->arena, name), copy, (uint32_t)len);
    d->ast = gir_parse(d->arena, &d->diags, &d->src);
    if (check) d->report = gir_check(d, o);
    arena_set_oom(d->arena, NULL);
    return d;
}

gir_doc *gir_doc_compile(const char *name, const char *text, size_t len, const gir_options *o)
{
    return run(name, text, len, o, 1);
}

gir_doc *gir_doc_parse(const char *name, const char *text, size_t len, const gir_options *o)
{
    return run(name, text, len, o, 0);
}

void gir_doc_free(gir_doc *d)
{
    while (d) {
        gir_doc *p = d->previous;
        arena_free(d->arena);
        d = p;
    }
}

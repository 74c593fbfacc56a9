/* compile.c - the pipeline driver: source -> lex/parse -> header ->
 * template and last year's report (loaded here, the one place that
 * reads the files a report names) -> check. One protected call covers
 * the whole compilation. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "compile.h"
#include "base/array.h"
#include "base/io.h"
#include "check/check.h"
#include "syntax/parse.h"
#include "template/template.h"

/* The caller's arena (gir_options.arena) emptied, or a new one. */
static void arena_done(gir_arena *a, int kept)
{
    if (kept) arena_reset(a);
    else arena_free(a);
}

static gir_doc *doc_new(const gir_options *o)
{
    int kept = o && o->arena;
    gir_arena *a = kept ? o->arena : arena_new(o ? o->mem : NULL);
    if (!a) return NULL;
    gir_doc *d = arena_alloc(a, sizeof *d);
    if (!d) {
        arena_done(a, kept);
        return NULL;
    }
    d->arena = a;
    d->arena_kept = kept;
    diags_init(&d->diags, a, o ? o->lang : GIR_LANG_ZH);
    return d;
}

/* Appends the previous report's diagnostics to d's. */
static void take_diags(gir_doc *d, const gir_doc *pd)
{
    gir_diags *dg = &d->diags;
    for (size_t i = 0; i < pd->diags.n; i++)
        ARRAY_PUSH(d->arena, dg->v, dg->n, pd->diags.v[i]);
    dg->nerrors += pd->diags.nerrors;
    dg->nwarnings += pd->diags.nwarnings;
}

/* 1 if the file's tree has a report header. */
static int is_report(const gir_node *file)
{
    for (const gir_node *c = file ? file->first : NULL; c; c = c->next)
        if (c->kind == N_REPORT) return 1;
    return 0;
}

/* Compiles last year's report (one level only); NULL if it could not be read. */
static const gir_report *load_previous(gir_doc *d, const gir_options *o, const char *p, gir_span at)
{
    if (o && (o->depth > 0 || o->no_previous)) return NULL;
    const char *name = d->src.name;
    const char *slash = strrchr(name, '/');
    const char *path = p[0] == '/' || !slash ? p : arena_printf(d->arena, "%.*s/%s", (int)(slash - name), name, p);
    char *text = NULL;
    size_t len = 0;
    int e = 0;
    if (io_same_file(path, name)) {
        diag_add(&d->diags, GIR_SEV_ERROR, C_PREVIOUS_SELF, &d->src, at, path);
        return NULL;
    }
    gir_io_status st = io_read_named(d->arena, path, &text, &len, &e);
    if (st != IO_OK) {
        const char *why = st == IO_ERR_NOT_REGULAR ? msg_fmt(d->diags.lang, M_NOT_REGULAR) : strerror(e ? e : EIO);
        diag_add(&d->diags, GIR_SEV_ERROR, C_PREVIOUS_READ, &d->src, at, path, why);
        return NULL;
    }
    gir_options o2 = {0};
    if (o) o2 = *o;
    o2.depth = 1;
    o2.text_arena = NULL;   /* its text is in d's arena */
    o2.arena = NULL;        /* and it has its own */
    o2.memo = NULL;         /* the memo holds the texts of one document */
    o2.lang = d->diags.lang;
    gir_doc *pd = gir_doc_compile(path, text, len, &o2);
    if (!pd || pd->oom) {   /* out of memory there is out of memory here */
        gir_doc_free(pd);
        d->oom = 1;
        return NULL;
    }
    d->previous = pd;
    if (!is_report(pd->ast)) {   /* /etc/passwd: one error, never its lines one syntax error at a time */
        diag_add(&d->diags, GIR_SEV_ERROR, C_PREVIOUS_NOT_REPORT, &d->src, at, path);
        return NULL;
    }
    take_diags(d, pd);
    return pd->report;
}

static void check_doc(gir_doc *d, const gir_options *o)
{
    gir_checker *k = check_begin(d->arena, &d->diags, &d->src, d->ast);
    gir_span at;
    const char *name = check_wants_template(k, &at);
    if (!name) return;
    gir_tload tl = {d->arena, &d->diags, &d->src, d->ast, o ? o->includes : NULL, o ? o->ninclude : 0};
    const gir_schema *s = template_load(&tl, name, at);
    if (!s) return;
    const gir_report *prev = NULL;
    const char *ppath = check_wants_previous(k, &at);
    if (ppath) prev = load_previous(d, o, ppath, at);
    if (d->oom) return;
    check_use_memo(k, o ? o->memo : NULL);
    d->report = check_finish(k, s, prev);
}

typedef struct job {
    gir_doc *d;
    const char *name, *text;
    size_t len;
    const gir_options *o;
    int check;
} job;

static void too_large(gir_doc *d, const char *name, size_t len)
{
    char a[32], b[32];
    snprintf(a, sizeof a, "%zu", len);
    snprintf(b, sizeof b, "%u", (unsigned)GIR_MAX_FILE_SIZE);
    source_init(&d->src, d->arena, arena_strdup(d->arena, name), "", 0);
    diag_add(&d->diags, GIR_SEV_ERROR, M_FILE_TOO_LARGE, NULL, (gir_span){0, 0}, a, b);
    d->ast = ast_new(d->arena, N_FILE, (gir_span){0, 0});
}

static void run_job(void *ud)
{
    job *j = ud;
    gir_doc *d = j->d;
    if (j->len > GIR_MAX_FILE_SIZE) {
        too_large(d, j->name, j->len);
        return;
    }
    const char *copy = d->text_in_place ? j->text : arena_strndup(d->arena, j->text, j->len);
    source_init(&d->src, d->arena, arena_strdup(d->arena, j->name), copy, (uint32_t)j->len);
    d->ast = gir_parse(d->arena, &d->diags, &d->src);
    if (j->check) check_doc(d, j->o);
}

static gir_doc *run(const char *name, const char *text, size_t len, const gir_options *o, int check)
{
    gir_doc *d = doc_new(o);
    if (!d) {
        if (o && o->text_arena != o->arena) arena_free(o->text_arena);
        return NULL;
    }
    d->text_in_place = o && o->text_arena;
    d->text_arena = d->text_in_place && o->text_arena != o->arena ? o->text_arena : NULL;
    job j = {d, name, text, len, o, check};
    if (arena_protect(d->arena, run_job, &j)) d->oom = 1;   /* keep what was done, report it */
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
        gir_arena *t = d->text_arena;
        arena_done(d->arena, d->arena_kept);
        arena_free(t);
        d = p;
    }
}

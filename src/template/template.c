/* template.c - template search: own file, path, -I/GIRPATH, stdlib; and
 * which stdlib template suits a year (by the years each one declares). */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "base/array.h"
#include "base/io.h"
#include "syntax/parse.h"
#include "cache.h"
#include "stdlib_data.h"
#include "template.h"

const char *template_builtin(const char *name, size_t *len, const char **path)
{
    for (const gir_embedded *e = gir_stdlib; e->name; e++)
        if (strcmp(e->name, name) == 0) {
            if (len) *len = e->len;
            if (path) *path = e->path;
            return e->text;
        }
    return NULL;
}

const gir_node *template_find(const gir_node *file, const char *name)
{
    const gir_node *any = NULL;
    for (const gir_node *c = file ? file->first : NULL; c; c = c->next)
        if (c->kind == N_TEMPLATE) {
            const gir_node *nm = ast_find(c, N_NAME);
            if (!name || (nm && strcmp(nm->str, name) == 0)) return c;
            if (!any) any = c;
        }
    return name ? NULL : any;
}

/* The years an embedded template declares (parsed once per process). */
static int builtin_years(gir_arena *a, const gir_embedded *e, int *from, int *to)
{
    (void)a;
    return tcache_builtin_years((size_t)(e - gir_stdlib), from, to);
}

/* One embedded template with its years, in the words of lang. */
static const char *builtin_entry(gir_arena *a, gir_lang lang, const gir_embedded *e)
{
    int from = 0;
    int to = 0;
    if (!builtin_years(a, e, &from, &to)) return e->name;
    if (to >= 9999) return arena_printf(a, msg_fmt(lang, R_BUILTIN_ON), e->name, from);
    if (to == from) return arena_printf(a, msg_fmt(lang, R_BUILTIN_ONE), e->name, from);
    if (to == from + 1) return arena_printf(a, msg_fmt(lang, R_BUILTIN_TWO), e->name, from, to);
    return arena_printf(a, msg_fmt(lang, R_BUILTIN_RANGE), e->name, from, to);
}

const char *template_builtin_list(gir_arena *a, gir_lang lang)
{
    gir_buf b;
    buf_init(&b, a);
    for (const gir_embedded *e = gir_stdlib; e->name; e++) {
        if (e != gir_stdlib) buf_puts(&b, msg_fmt(lang, CLI_LIST_SEP));
        buf_puts(&b, builtin_entry(a, lang, e));
    }
    return buf_cstr(&b);
}

const char *template_builtin_newest(gir_arena *a, int *from)
{
    const char *best = NULL;
    *from = 0;
    for (const gir_embedded *e = gir_stdlib; e->name; e++) {
        int f = 0;
        int to = 0;
        if (!builtin_years(a, e, &f, &to) || (best && f <= *from)) continue;
        best = e->name;
        *from = f;
    }
    return best;
}

const char *template_builtin_for_year(gir_arena *a, int year)
{
    const char *best = NULL;
    int best_gap = INT_MAX;
    for (const gir_embedded *e = gir_stdlib; e->name; e++) {
        int from = 0;
        int to = 0;
        if (!builtin_years(a, e, &from, &to)) continue;
        int gap = year < from ? from - year : year > to ? year - to : 0;
        if (gap >= best_gap) continue;
        best_gap = gap;
        best = e->name;
    }
    return best;
}

/* Moves the diagnostics of scratch into d (the limit of d applies). */
static void take_diags(gir_diags *d, const gir_diags *scratch)
{
    for (size_t i = 0; i < scratch->n; i++) {
        if (d->n >= (d->limit ? d->limit : 10000)) {
            d->dropped += scratch->n - i;
            break;
        }
        ARRAY_PUSH(d->arena, d->v, d->n, scratch->v[i]);
    }
    d->nerrors += scratch->nerrors;
    d->nwarnings += scratch->nwarnings;
    d->dropped += scratch->dropped;
}

/* Parses text as a template source and builds its schema. The file is
 * parsed with diagnostics of its own first: a file that declares no
 * template (/etc/passwd, a report) is one E0610, never its lines echoed
 * one syntax error at a time. */
static const gir_schema *build_from(const gir_tload *d, const char *path, const char *text, size_t len,
                                    const char *name, gir_span at)
{
    const gir_schema *shared = tcache_get(path, text, len);
    if (shared) return shared;   /* built once, with no diagnostic: the same for every document */
    gir_source *src = arena_alloc(d->arena, sizeof *src);
    char *copy = arena_strndup(d->arena, text, len);
    source_init(src, d->arena, arena_strdup(d->arena, path), copy, (uint32_t)len);
    size_t before = d->diags->nerrors;
    gir_diags scratch;
    diags_init(&scratch, d->arena, d->diags->lang);
    gir_node *ast = gir_parse(d->arena, &scratch, src);
    const gir_node *t = template_find(ast, NULL);
    if (!t) {
        diag_add(d->diags, GIR_SEV_ERROR, R_NOT_A_TEMPLATE, d->src, at, path);
        return NULL;
    }
    take_diags(d->diags, &scratch);
    (void)name;
    gir_schema *s = schema_build(d->arena, d->diags, src, t);
    s->path = src->name;
    return d->diags->nerrors > before ? NULL : s;
}

/* 0: no such file, go on searching; 1: found (*out NULL if it is not a
 * usable template, or not a regular file: then a diagnostic says why). */
static int try_file(const gir_tload *d, const char *path, const gir_schema **out, const char *name, gir_span at)
{
    char *text = NULL;
    size_t len = 0;
    int e = 0;
    gir_io_status st = io_read_named(d->arena, path, &text, &len, &e);
    if (st == IO_OK) {
        *out = build_from(d, path, text, len, name, at);
        return 1;
    }
    if (st == IO_ERR_OPEN && (e == ENOENT || e == ENOTDIR)) return 0;
    if (st == IO_ERR_IS_DIR) return 0;
    const char *why = st == IO_ERR_NOT_REGULAR ? msg_fmt(d->diags->lang, M_NOT_REGULAR)
                    : strerror(st == IO_ERR_TOO_LARGE ? EFBIG : e ? e : EIO);
    diag_add(d->diags, GIR_SEV_ERROR, R_TEMPLATE_READ, d->src, at, path, why);
    *out = NULL;
    return 1;
}

static const char *dir_of(gir_arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? arena_strndup(a, path, (size_t)(slash - path)) : ".";
}

const gir_schema *template_load(const gir_tload *d, const char *name, gir_span at)
{
    /* 1. declared in the report's own file */
    const gir_node *own = template_find(d->ast, name);
    if (own) {
        size_t before = d->diags->nerrors;
        gir_schema *s = schema_build(d->arena, d->diags, d->src, own);
        s->path = d->src->name;
        return d->diags->nerrors > before ? NULL : s;   /* never check against a broken template */
    }
    const gir_schema *s = NULL;
    int is_path = strchr(name, '/') || (strlen(name) > 4 && strcmp(name + strlen(name) - 4, ".gir") == 0);
    const char *file = is_path ? name : arena_printf(d->arena, "%s.gir", name);
    /* 2. a path: relative to the report, then as given */
    if (is_path) {
        if (name[0] != '/' && try_file(d, arena_printf(d->arena, "%s/%s", dir_of(d->arena, d->src->name), name), &s, name, at)) return s;
        if (try_file(d, name, &s, name, at)) return s;
    }
    /* 3. -I directories, then GIRPATH */
    for (size_t i = 0; i < d->ninclude; i++)
        if (try_file(d, arena_printf(d->arena, "%s/%s", d->includes[i], file), &s, name, at)) return s;
    const char *gp = getenv("GIRPATH");
    if (gp && *gp && name[0] != '/') {
        char *copy = arena_strdup(d->arena, gp), *save = NULL;
        for (char *dir = strtok_r(copy, ":", &save); dir; dir = strtok_r(NULL, ":", &save))
            if (*dir && try_file(d, arena_printf(d->arena, "%s/%s", dir, file), &s, name, at)) return s;
    }
    /* 4. the stdlib inside the binary */
    if (!is_path) {
        size_t len = 0;
        const char *path = NULL;
        const char *text = template_builtin(name, &len, &path);
        if (text) return build_from(d, path, text, len, name, at);
    }
    gir_diag *g = diag_add(d->diags, GIR_SEV_ERROR, R_UNKNOWN_TEMPLATE, d->src, at, name);
    diag_help(d->diags, g, R_HELP_TEMPLATES, template_builtin_list(d->arena, d->diags->lang));
    return NULL;
}

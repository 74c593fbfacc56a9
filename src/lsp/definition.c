/* lsp_definition.c - textDocument/definition (a row or column label, a
 * cell, a table or section name or the template name -> its declaration
 * in the template), and real file URIs for template sources: a template
 * file is its own path; an embedded stdlib template is the installed
 * copy (<exe dir>/../share/girc/stdlib/NAME.gir) when its text is the
 * same, else a copy written once to $XDG_CACHE_HOME/girc/stdlib-HASH/
 * (~/.cache/girc/... without XDG_CACHE_HOME). Also the cache of built-in
 * templates compiled for completion. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "base/io.h"
#include "internal.h"
#include "template/stdlib_data.h"
#include "template/template.h"

static int same_file(const char *path, const char *text, size_t len)
{
    gir_arena *a = arena_new(NULL);
    if (!a) return 0;
    char *t = NULL;
    size_t n = 0;
    int e = 0, same = io_read_file(a, path, &t, &n, &e) == IO_OK && n == len && memcmp(t, text, len) == 0;
    arena_free(a);
    return same;
}

static int mkdirs(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/') continue;
        *p = 0;
        int r = mkdir(path, 0755);
        *p = '/';
        if (r != 0 && errno != EEXIST) return 0;
    }
    return mkdir(path, 0755) == 0 || errno == EEXIST;
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* Path of an on-disk copy of an embedded template (malloc), or NULL. */
static char *builtin_file(const lsp_server *s, const gir_embedded *e)
{
    char buf[PATH_MAX + 64];
    if (s->cfg.stdlib_dir) {
        snprintf(buf, sizeof buf, "%s/%s", s->cfg.stdlib_dir, base_name(e->path));
        if (same_file(buf, e->text, e->len)) return strdup(buf);
    } else {
        char exe[PATH_MAX];
        ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
        if (n > 0) {
            exe[n] = 0;
            char *slash = strrchr(exe, '/');
            if (slash) *slash = 0;
            snprintf(buf, sizeof buf, "%s/../share/girc/stdlib/%s", exe, base_name(e->path));
            if (same_file(buf, e->text, e->len)) {
                char real[PATH_MAX];
                return strdup(realpath(buf, real) ? real : buf);
            }
        }
    }
    uint64_t h = 1469598103934665603ull;                   /* FNV-1a of the text */
    for (size_t i = 0; i < e->len; i++) h = (h ^ (unsigned char)e->text[i]) * 1099511628211ull;
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    char dir[PATH_MAX];
    if (s->cfg.cache_dir) snprintf(dir, sizeof dir, "%s/stdlib-%08x", s->cfg.cache_dir, (unsigned)(h >> 32));
    else if (xdg && *xdg == '/') snprintf(dir, sizeof dir, "%s/girc/stdlib-%08x", xdg, (unsigned)(h >> 32));
    else if (home && *home) snprintf(dir, sizeof dir, "%s/.cache/girc/stdlib-%08x", home, (unsigned)(h >> 32));
    else return NULL;
    snprintf(buf, sizeof buf, "%s/%s", dir, base_name(e->path));
    if (same_file(buf, e->text, e->len)) return strdup(buf);
    int we = 0;
    if (!mkdirs(dir) || io_write_atomic(buf, e->text, e->len, &we) != IO_OK) return NULL;
    return strdup(buf);
}

static char *builtin_uri(lsp_server *s, const gir_embedded *e)
{
    for (lsp_builtin *b = s->builtins; b; b = b->next)
        if (strcmp(b->path, e->path) == 0) return b->uri ? strdup(b->uri) : NULL;
    lsp_builtin *b = calloc(1, sizeof *b);
    if (!b) return NULL;
    b->path = strdup(e->path);
    char *file = builtin_file(s, e);
    b->uri = file ? lsp_path_to_uri(file) : NULL;
    free(file);
    b->next = s->builtins;
    s->builtins = b;
    return b->uri ? strdup(b->uri) : NULL;
}

char *lsp_source_uri(lsp_server *s, const lsp_doc *d, const gir_source *src)
{
    if (!src || (d && d->doc && src == &d->doc->src)) return d ? strdup(d->uri) : NULL;
    for (const gir_embedded *e = gir_stdlib; e->name; e++)
        if (src->name && strcmp(src->name, e->path) == 0 && src->len == e->len && memcmp(src->text, e->text, e->len) == 0)
            return builtin_uri(s, e);
    if (!src->name) return NULL;
    for (lsp_doc *o = s->docs; o; o = o->next)           /* another open document */
        if (strcmp(o->name, src->name) == 0) return strdup(o->uri);
    return lsp_path_to_uri(src->name);
}

const gir_schema *lsp_template_schema(lsp_server *s, const char *name)
{
    for (lsp_tcache *t = s->templates; t; t = t->next)
        if (strcmp(t->name, name) == 0) return t->schema;
    size_t len = 0;
    const char *path = NULL, *text = template_builtin(name, &len, &path);
    if (!text) return NULL;
    lsp_tcache *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    gir_options o = lsp_options(s);
    t->name = strdup(name);
    t->doc = gir_doc_parse(path, text, len, &o);
    if (t->doc && !t->doc->oom) t->schema = check_template_file(t->doc->arena, &t->doc->diags, &t->doc->src, t->doc->ast);
    t->next = s->templates;
    s->templates = t;
    return t->schema;
}

void lsp_free_caches(lsp_server *s)
{
    while (s->builtins) {
        lsp_builtin *n = s->builtins->next;
        free(s->builtins->path);
        free(s->builtins->uri);
        free(s->builtins);
        s->builtins = n;
    }
    while (s->templates) {
        lsp_tcache *n = s->templates->next;
        gir_doc_free(s->templates->doc);
        free(s->templates->name);
        free(s->templates);
        s->templates = n;
    }
}

cJSON *lsp_definition(lsp_server *s, const cJSON *params, lsp_err *err)
{
    uint32_t off = 0;
    lsp_doc *d = lsp_doc_at(s, params, &off, err);
    if (!d) return NULL;
    lsp_target t;
    if (!lsp_locate(d->doc, off, &t) || !t.r || !t.r->schema) return NULL;
    const gir_schema *sc = t.r->schema;
    const gir_node *decl = NULL;
    switch (t.kind) {
    case LOC_CELL: decl = sc->tables[t.table]->blocks[t.block]->cols[t.col]->decl; break;
    case LOC_ROW: case LOC_COL: decl = t.h->decl; break;
    case LOC_TABLE: decl = sc->tables[t.table]->decl; break;
    case LOC_SECTION: decl = t.sec->decl; break;
    case LOC_TEMPLATE: decl = sc->decl; break;
    default: break;
    }
    if (!decl || !sc->src) return NULL;
    char *uri = lsp_source_uri(s, d, sc->src);
    if (!uri) return NULL;
    gir_span sp = decl->first && decl->first->kind == N_NAME ? decl->first->span : decl->span;
    cJSON *loc = cJSON_CreateObject();
    lsp_add_str(loc, "uri", uri);
    cJSON_AddItemToObject(loc, "range", lsp_range_json(s, sc->src, sp));
    free(uri);
    return loc;
}

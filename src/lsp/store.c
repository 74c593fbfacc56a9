/* store.c - the language server's document store (store.h): open
 * documents and their texts, one compiled gir_doc per current version,
 * the cache of built-in templates compiled for completion, and the
 * file URIs of embedded stdlib templates. An embedded template's URI is
 * the installed copy (<exe dir>/../share/girc/stdlib/NAME.gir, or
 * stdlib_dir) when its text is the same, else a copy written once to
 * $XDG_CACHE_HOME/girc/stdlib-HASH/ (~/.cache/girc/... without
 * XDG_CACHE_HOME, or cache_dir). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "base/array.h"
#include "base/io.h"
#include "check/check.h"
#include "scaffold/scaffold.h"
#include "template/stdlib_data.h"
#include "template/cache.h"
#include "template/template.h"
#include "store.h"
#include "util.h"

void lsp_store_init(lsp_store *st, const char *cache_dir, const char *stdlib_dir)
{
    memset(st, 0, sizeof *st);
    st->cache_dir = cache_dir;
    st->stdlib_dir = stdlib_dir;
}

/* ---- documents ---- */

lsp_doc *lsp_store_find(const lsp_store *st, const char *uri)
{
    for (size_t i = 0; i < st->ndocs; i++)
        if (strcmp(st->docs[i]->uri, uri) == 0)
            return st->docs[i];
    return NULL;
}

lsp_doc *lsp_store_find_name(const lsp_store *st, const char *name)
{
    for (size_t i = st->ndocs; i-- > 0;)
        if (strcmp(st->docs[i]->name, name) == 0)
            return st->docs[i];
    return NULL;
}

static void free_doc(lsp_doc *d)
{
    gir_doc_free(d->doc);
    arena_free(d->arena);
    check_memo_free(d->memo);
    free(d->uri);
    free(d->name);
    free(d->text);
    free(d);
}

static lsp_doc *new_doc(const char *uri)
{
    lsp_doc *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->uri = strdup(uri);
    d->name = lsp_uri_to_path(uri);
    if (!d->name)
        d->name = strdup(uri);
    if (!d->uri || !d->name) {
        free_doc(d);
        return NULL;
    }
    return d;
}

lsp_doc *lsp_store_open(lsp_store *st, const char *uri)
{
    lsp_doc *d = lsp_store_find(st, uri);
    if (d)
        return d;
    void *v = st->docs;
    if (array_reserve(NULL, &v, st->ndocs, sizeof *st->docs) != 0)
        return NULL;
    st->docs = v;
    d = new_doc(uri);
    if (!d)
        return NULL;
    st->docs[st->ndocs++] = d;
    return d;
}

int lsp_store_close(lsp_store *st, const char *uri)
{
    for (size_t i = 0; i < st->ndocs; i++) {
        if (strcmp(st->docs[i]->uri, uri) != 0)
            continue;
        free_doc(st->docs[i]);
        memmove(&st->docs[i], &st->docs[i + 1], (st->ndocs - i - 1) * sizeof *st->docs);
        st->ndocs--;   /* a shorter array.h array still has its room */
        return 1;
    }
    return 0;
}

char *lsp_store_evict(lsp_store *st, const lsp_doc *keep)
{
    if (st->ndocs <= LSP_MAX_DOCS)
        return NULL;
    for (size_t i = 0; i < st->ndocs; i++) {
        lsp_doc *d = st->docs[i];
        if (d == keep || d->modified)
            continue;
        char *uri = strdup(d->uri);
        if (!uri)
            return NULL;
        lsp_store_close(st, uri);
        return uri;
    }
    return NULL;
}

void lsp_store_close_all(lsp_store *st)
{
    for (size_t i = 0; i < st->ndocs; i++)
        free_doc(st->docs[i]);
    free(st->docs);
    st->docs = NULL;
    st->ndocs = 0;
}

/* ---- texts ---- */

/* The text is a byte buffer with an explicit capacity, not an array.h
 * array: its length jumps by whole edits (set to any n by a full change,
 * shrunk or grown by a splice), while array.h's implicit capacity holds
 * only for an array grown one element at a time. It grows by a quarter
 * plus 64 bytes, so that typing does not reallocate at every key. */
static int reserve_text(lsp_doc *d, size_t len)
{
    if (len + 1 <= d->cap)
        return 1;
    size_t cap = len + 1 + len / 4 + 64;
    char *p = realloc(d->text, cap);
    if (!p)
        return 0;
    d->text = p;
    d->cap = cap;
    return 1;
}

static void drop_text(lsp_doc *d)
{
    d->doc_is_text = 0;
    free(d->text);
    d->text = NULL;
    d->len = 0;
    d->cap = 0;
    d->too_large = 1;
}

void lsp_store_set_text(lsp_doc *d, const char *text, size_t n)
{
    d->too_large = 0;
    d->doc_is_text = 0;
    if (n > GIR_MAX_FILE_SIZE || !reserve_text(d, n)) {
        drop_text(d);
        return;
    }
    memcpy(d->text, text, n);
    d->text[n] = 0;
    d->len = n;
}

/* Replaces bytes [a, b) of the text with t. */
static int splice(lsp_doc *d, size_t a, size_t b, const char *t, size_t n)
{
    size_t len = d->len - (b - a) + n;
    d->doc_is_text = 0;
    if (!reserve_text(d, len))
        return 0;
    memmove(d->text + a + n, d->text + b, d->len - b + 1);
    memcpy(d->text + a, t, n);
    d->len = len;
    return 1;
}

/* The byte offsets of r in the current text (x <= y); 0 on out of memory.
 * The compiled version's line table serves when the text has not changed
 * since (the first change after a compile: a keystroke); else a table is
 * made for the text as it is. */
static int edit_offsets(const lsp_doc *d, const lsp_range *r, int utf16, uint32_t *x, uint32_t *y)
{
    if (d->doc_is_text) {
        *x = source_offset_at(&d->doc->src, r->line0, r->ch0, utf16);
        *y = source_offset_at(&d->doc->src, r->line1, r->ch1, utf16);
    } else {
        gir_arena *a = arena_new(NULL);
        if (!a)
            return 0;
        gir_source src;
        source_init(&src, a, d->name, d->text, (uint32_t)d->len);
        int ok = src.nlines > 0;                  /* no line table: out of memory */
        *x = source_offset_at(&src, r->line0, r->ch0, utf16);
        *y = source_offset_at(&src, r->line1, r->ch1, utf16);
        arena_free(a);
        if (!ok)
            return 0;
    }
    if (*x > *y) {
        uint32_t t = *x;
        *x = *y;
        *y = t;
    }
    return 1;
}

int lsp_store_edit(lsp_doc *d, const lsp_range *r, int utf16, const char *text, size_t n)
{
    if (d->too_large)
        return 0;                                 /* the text is unknown until a full change */
    if (!d->text)
        lsp_store_set_text(d, "", 0);
    if (d->too_large)
        return 1;                                 /* out of memory: dropped */
    uint32_t x = 0, y = 0;
    if (!edit_offsets(d, r, utf16, &x, &y) || d->len - (y - x) + n > GIR_MAX_FILE_SIZE || !splice(d, x, y, text, n))
        drop_text(d);
    return 1;
}

/* ---- versions ---- */

/* The version of a dropped text: empty, reporting the size limit. */
static gir_doc *compile_dropped(const lsp_doc *d, const gir_options *o)
{
    gir_doc *doc = gir_doc_parse(d->name, "", 0, o);
    if (!doc)
        return NULL;
    char a[32], b[32];
    snprintf(a, sizeof a, "%u+", (unsigned)GIR_MAX_FILE_SIZE);
    snprintf(b, sizeof b, "%u", (unsigned)GIR_MAX_FILE_SIZE);
    diag_add(&doc->diags, GIR_SEV_ERROR, M_FILE_TOO_LARGE, NULL, (gir_span){0, 0}, a, b);
    return doc;
}

int lsp_store_compile(lsp_doc *d, const gir_options *o)
{
    gir_doc_free(d->doc);
    d->doc = NULL;
    d->doc_is_text = 0;
    if (!d->memo)
        d->memo = check_memo_new();               /* NULL: compiled without one */
    if (!d->arena)
        d->arena = arena_new(o->mem);             /* NULL: a new arena for each version */
    gir_options om = *o;
    om.memo = d->memo;
    om.arena = d->arena;
    if (d->too_large)
        d->doc = compile_dropped(d, &om);
    else
        d->doc = gir_doc_compile(d->name, d->text ? d->text : "", d->len, &om);
    if (d->doc && !d->doc->oom)
        scaffold_draft_check(d->doc);   /* W0070, W0690: what girc new left to rewrite */
    if (!d->doc || d->doc->oom) {
        gir_doc_free(d->doc);
        d->doc = NULL;
        arena_free(d->arena);                     /* out of memory: give it all back */
        d->arena = NULL;
        return 0;
    }
    diags_sort(&d->doc->diags);
    /* the same bytes, with a line table (not the empty text of a dropped one) */
    d->doc_is_text = !d->too_large && d->doc->src.nlines > 0 && d->doc->src.len == d->len;
    return 1;
}

/* ---- the template cache ---- */

typedef struct tcache_job {
    lsp_tcache *t;
} tcache_job;

static void build_schema(void *ud)
{
    lsp_tcache *t = ((tcache_job *)ud)->t;
    t->schema = check_template_file(t->doc->arena, &t->doc->diags, &t->doc->src, t->doc->ast);
}

/* Compiles a built-in template; t->schema stays NULL if it does not build. */
static void build_template(lsp_tcache *t, const char *path, const char *text, size_t len, const gir_options *o)
{
    t->doc = gir_doc_parse(path, text, len, o);
    if (!t->doc || t->doc->oom)
        return;
    tcache_job j = {t};
    if (arena_protect(t->doc->arena, build_schema, &j))
        t->schema = NULL;                         /* out of memory: no schema */
}

const gir_schema *lsp_store_template(lsp_store *st, const char *name, const gir_options *o)
{
    const gir_schema *shared = tcache_builtin(name);   /* the process's one copy, as the driver's */
    if (shared)
        return shared;
    for (size_t i = 0; i < st->ntemplates; i++)
        if (strcmp(st->templates[i].name, name) == 0)
            return st->templates[i].schema;
    size_t len = 0;
    const char *path = NULL;
    const char *text = template_builtin(name, &len, &path);
    if (!text)
        return NULL;
    void *v = st->templates;
    if (array_reserve(NULL, &v, st->ntemplates, sizeof *st->templates) != 0)
        return NULL;
    st->templates = v;
    lsp_tcache t = {strdup(name), NULL, NULL};
    if (!t.name)
        return NULL;
    build_template(&t, path, text, len, o);
    st->templates[st->ntemplates++] = t;
    return t.schema;
}

/* ---- URIs of embedded stdlib files ---- */

static int same_file(const char *path, const char *text, size_t len)
{
    gir_arena *a = arena_new(NULL);
    if (!a)
        return 0;
    char *t = NULL;
    size_t n = 0;
    int e = 0;
    int same = io_read_named(a, path, &t, &n, &e) == IO_OK && n == len && memcmp(t, text, len) == 0;
    arena_free(a);
    return same;
}

static int mkdirs(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = 0;
        int r = mkdir(path, 0755);
        *p = '/';
        if (r != 0 && errno != EEXIST)
            return 0;
    }
    return mkdir(path, 0755) == 0 || errno == EEXIST;
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* The installed copy of e next to the binary or in stdlib_dir (malloc),
 * or NULL when there is none with the same text. */
static char *installed_file(const lsp_store *st, const gir_embedded *e)
{
    char buf[PATH_MAX + 64];
    if (st->stdlib_dir) {
        snprintf(buf, sizeof buf, "%s/%s", st->stdlib_dir, base_name(e->path));
        return same_file(buf, e->text, e->len) ? strdup(buf) : NULL;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = 0;
    snprintf(buf, sizeof buf, "%s/../share/girc/stdlib/%s", exe, base_name(e->path));
    if (!same_file(buf, e->text, e->len))
        return NULL;
    char real[PATH_MAX];
    return strdup(realpath(buf, real) ? real : buf);
}

/* A copy of e in the cache folder, written once (malloc), or NULL. */
static char *cached_file(const lsp_store *st, const gir_embedded *e)
{
    uint64_t h = 1469598103934665603ull;                   /* FNV-1a of the text */
    for (size_t i = 0; i < e->len; i++)
        h = (h ^ (unsigned char)e->text[i]) * 1099511628211ull;
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    char dir[PATH_MAX];
    if (st->cache_dir)
        snprintf(dir, sizeof dir, "%s/stdlib-%08x", st->cache_dir, (unsigned)(h >> 32));
    else if (xdg && *xdg == '/')
        snprintf(dir, sizeof dir, "%s/girc/stdlib-%08x", xdg, (unsigned)(h >> 32));
    else if (home && *home)
        snprintf(dir, sizeof dir, "%s/.cache/girc/stdlib-%08x", home, (unsigned)(h >> 32));
    else
        return NULL;
    char buf[PATH_MAX + 64];
    snprintf(buf, sizeof buf, "%s/%s", dir, base_name(e->path));
    if (same_file(buf, e->text, e->len))
        return strdup(buf);
    int we = 0;
    if (!mkdirs(dir) || io_write_atomic(buf, e->text, e->len, &we) != IO_OK)
        return NULL;
    return strdup(buf);
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static char *builtin_uri(lsp_store *st, const gir_embedded *e)
{
    for (size_t i = 0; i < st->nbuiltins; i++)
        if (strcmp(st->builtins[i].path, e->path) == 0)
            return dup_or_null(st->builtins[i].uri);
    void *v = st->builtins;
    if (array_reserve(NULL, &v, st->nbuiltins, sizeof *st->builtins) != 0)
        return NULL;
    st->builtins = v;
    lsp_builtin b = {strdup(e->path), NULL};
    if (!b.path)
        return NULL;
    char *file = installed_file(st, e);
    if (!file)
        file = cached_file(st, e);
    b.uri = file ? lsp_path_to_uri(file) : NULL;
    free(file);
    st->builtins[st->nbuiltins++] = b;
    return dup_or_null(b.uri);
}

static const gir_embedded *embedded_of(const gir_source *src)
{
    for (const gir_embedded *e = gir_stdlib; e->name; e++)
        if (src->name && strcmp(src->name, e->path) == 0 && src->len == e->len && memcmp(src->text, e->text, e->len) == 0)
            return e;
    return NULL;
}

char *lsp_store_source_uri(lsp_store *st, const lsp_doc *d, const gir_source *src)
{
    if (!src || (d && d->doc && src == &d->doc->src))
        return d ? strdup(d->uri) : NULL;
    const gir_embedded *e = embedded_of(src);
    if (e)
        return builtin_uri(st, e);
    if (!src->name)
        return NULL;
    const lsp_doc *other = lsp_store_find_name(st, src->name);
    if (other)
        return strdup(other->uri);
    return lsp_path_to_uri(src->name);
}

/* ---- the whole store ---- */

void lsp_store_free(lsp_store *st)
{
    lsp_store_close_all(st);
    for (size_t i = 0; i < st->ntemplates; i++) {
        gir_doc_free(st->templates[i].doc);
        free(st->templates[i].name);
    }
    for (size_t i = 0; i < st->nbuiltins; i++) {
        free(st->builtins[i].path);
        free(st->builtins[i].uri);
    }
    free(st->templates);
    free(st->builtins);
    lsp_store_init(st, st->cache_dir, st->stdlib_dir);
}

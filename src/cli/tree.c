/* tree.c - the inputs of a bulk import (bulk.h, bulk_add_tree): every
 * file under a directory is considered by its content, not its name
 * (import/sniff.h); symbolic links are followed, a link back into a
 * directory already walked (a loop) is listed as skipped; each file
 * skipped (binary data, an image, empty, unreadable, a .gir, a loop, a
 * broken link, a device, a hidden file or directory such as .git, not
 * walked) is kept in the list with its reason, so the
 * summaries and the tally show it. Also bulk_mkdirs, mkdir -p. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "bulk.h"
#include "base/array.h"
#include "import/sniff.h"

enum { MAX_DEPTH = 64, SNIFF_BYTES = 4096 };

/* The directories walked, by (device, inode): an open-addressing set. */
typedef struct dirset {
    uint64_t *k;
    size_t cap, n;
} dirset;

static uint64_t dir_key(const struct stat *st) { return ((uint64_t)st->st_dev << 40) ^ (uint64_t)st->st_ino; }

/* Adds key; 1 if it was new, 0 if already there, -1 out of memory. */
static int dirset_add(dirset *s, uint64_t key)
{
    key = key ? key : 1;
    if ((s->n + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        uint64_t *k = calloc(cap, sizeof *k);
        if (!k) return -1;
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->k[i]) continue;
            size_t j = (size_t)(s->k[i] * 0x9E3779B97F4A7C15u) & (cap - 1);
            while (k[j])
                j = (j + 1) & (cap - 1);
            k[j] = s->k[i];
        }
        free(s->k);
        s->k = k;
        s->cap = cap;
    }
    size_t j = (size_t)(key * 0x9E3779B97F4A7C15u) & (s->cap - 1);
    while (s->k[j]) {
        if (s->k[j] == key) return 0;
        j = (j + 1) & (s->cap - 1);
    }
    s->k[j] = key;
    s->n++;
    return 1;
}

typedef struct walker {
    gir_cli *c;
    bulk_files *f;
    dirset seen;
    const char *root; /* the argument */
} walker;

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

/* Appends path with its path below the argument and a skip reason. */
static int push_item(bulk_files *f, const char *path, const char *rel, int skip, const char *detail)
{
    void *v = f->v;
    void *it = f->it;
    if (array_reserve(NULL, &v, f->n, sizeof *f->v) != 0) return -1;
    f->v = v;
    if (array_reserve(NULL, &it, f->n, sizeof *f->it) != 0) return -1;
    f->it = it;
    bulk_item *x = &f->it[f->n];
    memset(x, 0, sizeof *x);
    f->v[f->n] = strdup(path);
    x->rel = strdup(rel);
    x->skip = skip;
    x->detail = dup_or_null(detail);
    if (!f->v[f->n] || !x->rel || (detail && !x->detail)) {
        free(f->v[f->n]);
        free(x->rel);
        free(x->detail);
        return -1;
    }
    f->n++;
    return 0;
}

static int has_gir_ext(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcasecmp(name + n - 4, ".gir") == 0;
}

static int is_image(const unsigned char *b, size_t n)
{
    static const struct {
        const char *sig;
        size_t k;
    } v[] = {
        {"\x89PNG", 4}, {"\xFF\xD8\xFF", 3}, {"GIF8", 4}, {"BM", 2}, {"II*", 4}, {"MM\0*", 4},
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (n >= v[i].k && memcmp(b, v[i].sig, v[i].k) == 0) return 1;
    return n >= 12 && memcmp(b, "RIFF", 4) == 0 && memcmp(b + 8, "WEBP", 4) == 0;
}

/* Why a file found by the walk is not imported (0: it is), from its first
 * bytes; *err is errno when it cannot be read. */
static int judge_file(const char *path, const char *name, int *err)
{
    if (has_gir_ext(name)) return BULK_SKIP_GIR;
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    if (fd < 0) {
        *err = errno;
        return BULK_SKIP_UNREADABLE;
    }
    unsigned char b[SNIFF_BYTES];
    ssize_t n = read(fd, b, sizeof b);
    int e = errno;
    close(fd);
    if (n < 0) {
        *err = e;
        return BULK_SKIP_UNREADABLE;
    }
    if (n == 0) return BULK_SKIP_EMPTY;
    if (is_image(b, (size_t)n)) return BULK_SKIP_IMAGE;
    if (imp_sniff((const char *)b, (size_t)n) == IMP_FORM_BINARY) return BULK_SKIP_BINARY;
    return BULK_RUN;
}

static char *join(const char *dir, const char *name)
{
    size_t len = strlen(dir) + strlen(name) + 2;
    char *p = malloc(len);
    if (p) snprintf(p, len, "%s%s%s", dir, *dir && dir[strlen(dir) - 1] == '/' ? "" : "/", name);
    return p;
}

static int walk_dir(walker *w, const char *dir, const char *rel, int depth);

/* One entry of a directory: a file, a directory, a link, or other. */
static int walk_entry(walker *w, const char *p, const char *rel, const char *name, int depth)
{
    struct stat lst, st;
    if (name[0] == '.') return push_item(w->f, p, rel, BULK_SKIP_HIDDEN, NULL);   /* .git, .DS_Store: listed, not walked */
    if (lstat(p, &lst) != 0) return push_item(w->f, p, rel, BULK_SKIP_UNREADABLE, strerror(errno));
    if (stat(p, &st) != 0) {
        int broken = S_ISLNK(lst.st_mode) && (errno == ENOENT || errno == ENOTDIR);
        int loop = S_ISLNK(lst.st_mode) && errno == ELOOP;
        int why = broken ? BULK_SKIP_BROKEN : BULK_SKIP_UNREADABLE;
        if (loop) why = BULK_SKIP_LOOP;
        return push_item(w->f, p, rel, why, broken || loop ? NULL : strerror(errno));
    }
    if (S_ISDIR(st.st_mode)) {
        if (depth + 1 > MAX_DEPTH) return push_item(w->f, p, rel, BULK_SKIP_DEEP, NULL);
        int fresh = dirset_add(&w->seen, dir_key(&st));
        if (fresh < 0) return -1;
        if (!fresh) return push_item(w->f, p, rel, BULK_SKIP_LOOP, NULL);
        return walk_dir(w, p, rel, depth + 1);
    }
    if (!S_ISREG(st.st_mode)) return push_item(w->f, p, rel, BULK_SKIP_SPECIAL, NULL);
    int err = 0;
    int why = judge_file(p, name, &err);
    return push_item(w->f, p, rel, why, why == BULK_SKIP_UNREADABLE ? strerror(err) : NULL);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int walk_dir(walker *w, const char *dir, const char *rel, int depth)
{
    DIR *d = opendir(dir);
    if (!d) return push_item(w->f, dir, *rel ? rel : ".", BULK_SKIP_UNREADABLE, strerror(errno));
    char **names = NULL;
    size_t nn = 0;
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        void *v = names;
        char *s = strdup(e->d_name);
        if (!s || array_reserve(NULL, &v, nn, sizeof *names) != 0) {
            free(s);
            rc = -1;
            break;
        }
        names = v;
        names[nn++] = s;
    }
    closedir(d);
    if (nn) qsort(names, nn, sizeof *names, cmp_str);
    for (size_t i = 0; i < nn && rc == 0; i++) {
        char *p = join(dir, names[i]);
        char *r = *rel ? join(rel, names[i]) : strdup(names[i]);
        rc = p && r ? walk_entry(w, p, r, names[i], depth) : -1;
        free(p);
        free(r);
    }
    for (size_t i = 0; i < nn; i++)
        free(names[i]);
    free(names);
    return rc;
}

int bulk_add_tree(gir_cli *c, bulk_files *f, const char *path)
{
    int rc = 0;
    if (!bulk_is_dir(path)) {
        const char *base = strrchr(path, '/');
        base = base && base[1] ? base + 1 : path;
        rc = push_item(f, path, strcmp(path, "-") == 0 ? "stdin" : base, BULK_RUN, NULL);
    } else {
        walker w = {c, f, {0}, path};
        struct stat st;
        if (stat(path, &st) == 0 && dirset_add(&w.seen, dir_key(&st)) < 0) rc = -1;
        size_t before = f->n;
        if (rc == 0) rc = walk_dir(&w, path, "", 0);
        free(w.seen.k);
        if (rc == 0 && f->n == before) {
            cli_usage_error(c, BULK_NO_INPUTS, path, "");
            return 2;
        }
    }
    return rc < 0 ? cli_io_error(c, CLI_OUT_OF_MEMORY, path, 0) : 0;
}

int bulk_mkdirs(const char *path)
{
    if (!*path) return ENOENT;
    char *p = strdup(path);
    if (!p) return ENOMEM;
    int rc = 0;
    for (char *s = p + 1; rc == 0; s++) {
        int end = *s == 0;
        if (*s != '/' && !end) continue;
        *s = 0;
        struct stat st;
        if (mkdir(p, 0777) != 0 && errno != EEXIST)
            rc = errno;
        else if (stat(p, &st) != 0)
            rc = errno;
        else if (!S_ISDIR(st.st_mode))
            rc = ENOTDIR;
        if (end) break;
        *s = '/';
    }
    free(p);
    return rc;
}

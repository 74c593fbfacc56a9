/* util.c - helpers of the language server that know nothing of its
 * state (util.h): JSON access and strings that are always valid UTF-8,
 * file URIs <-> paths (percent-encoding), reading LSP positions, and
 * JSON built in a protected call. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "base/utf8.h"
#include "util.h"

const cJSON *lsp_get(const cJSON *o, const char *key)
{
    return cJSON_IsObject(o) ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
}

/* A malloc'd copy of v with every invalid UTF-8 sequence as U+FFFD. */
static char *sanitize(const char *v)
{
    size_t n = strlen(v);
    if (utf8_find_invalid(v, n) < 0) return NULL;     /* already valid */
    char *out = malloc(n * 3 + 1), *o = out;
    if (!out) return NULL;
    const unsigned char *p = (const unsigned char *)v, *e = p + n;
    while (p < e) {
        uint32_t cp;
        int k = utf8_decode(p, e, &cp);
        if (k < 0) { memcpy(o, "\xEF\xBF\xBD", 3); o += 3; p++; continue; }
        memcpy(o, p, (size_t)k);
        o += k;
        p += k;
    }
    *o = 0;
    return out;
}

cJSON *lsp_str(const char *v)
{
    if (!v) v = "";
    char *fixed = sanitize(v);
    cJSON *j = cJSON_CreateString(fixed ? fixed : v);
    free(fixed);
    return j;
}

void lsp_add_str(cJSON *o, const char *key, const char *v)
{
    cJSON_AddItemToObject(o, key, lsp_str(v));
}

/* ---- URIs ---- */

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

char *lsp_uri_to_path(const char *uri)
{
    if (strncmp(uri, "file://", 7) != 0) return NULL;
    const char *p = uri + 7;
    if (strncmp(p, "localhost/", 10) == 0) p += 9;
    if (*p != '/') return NULL;                          /* another host */
    size_t n = strlen(p);
    char *out = malloc(n + 1), *o = out;
    if (!out) return NULL;
    for (; *p; p++) {
        if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
            int c = hexval(p[1]) * 16 + hexval(p[2]);
            if (c == 0) { free(out); return NULL; }
            *o++ = (char)c;
            p += 2;
        } else if (*p == '?' || *p == '#') {
            break;
        } else {
            *o++ = *p;
        }
    }
    *o = 0;
    return out;
}

char *lsp_path_to_uri(const char *path)
{
    char cwd[4096] = "";
    if (path[0] != '/' && !getcwd(cwd, sizeof cwd)) cwd[0] = 0;
    size_t n = strlen(cwd) + 1 + strlen(path);
    char *out = malloc(7 + n * 3 + 1), *o = out;
    if (!out) return NULL;
    memcpy(o, "file://", 7);
    o += 7;
    static const char hex[] = "0123456789ABCDEF";
    for (int part = 0; part < 2; part++) {
        const char *s = part == 0 ? cwd : path;
        if (part == 1 && cwd[0] && (o == out + 7 || o[-1] != '/')) *o++ = '/';
        for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
            int keep = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                       strchr("-._~/", *p);
            if (keep) *o++ = (char)*p;
            else { *o++ = '%'; *o++ = hex[*p >> 4]; *o++ = hex[*p & 15]; }
        }
    }
    *o = 0;
    return out;
}

/* ---- positions ---- */

static uint32_t clamp_num(const cJSON *v)
{
    double d = v->valuedouble;
    if (!(d > 0)) return 0;
    if (d >= 4294967295.0) return UINT32_MAX;
    return (uint32_t)d;
}

int lsp_read_pos(const cJSON *pos, uint32_t *line, uint32_t *ch)
{
    const cJSON *l = lsp_get(pos, "line"), *c = lsp_get(pos, "character");
    if (!cJSON_IsNumber(l) || !cJSON_IsNumber(c)) return 0;
    *line = clamp_num(l);
    *ch = clamp_num(c);
    return 1;
}

/* ---- JSON built in a protected call ---- */

typedef struct build_job {
    lsp_fill_fn fill;
    void *ud;
    gir_arena *a;
    cJSON *root;
    int keep;
} build_job;

static void delete_json(void *p)
{
    cJSON_Delete(p);
}

static void run_fill(void *ud)
{
    build_job *j = ud;
    j->keep = j->fill(j->ud, j->a, j->root);
}

cJSON *lsp_build(cJSON *root, lsp_fill_fn fill, void *ud)
{
    if (!root)
        return NULL;
    gir_arena *a = arena_new(NULL);
    if (!a) {
        cJSON_Delete(root);
        return NULL;
    }
    gir_defer *own = arena_defer(a, delete_json, root);    /* on failure root is deleted at once */
    if (!own) {
        arena_free(a);
        return NULL;
    }
    build_job j = {fill, ud, a, root, 0};
    int ok = arena_protect(a, run_fill, &j) == 0 && j.keep;
    if (ok)
        arena_defer_set(own, NULL);                          /* handed out: not freed with a */
    arena_free(a);
    return ok ? root : NULL;
}

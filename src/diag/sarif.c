/* sarif.c - the SARIF 2.1.0 writer (sarif.h): result lines as
 * diagnostics are printed, then the one document of the run, built with
 * cJSON. Every string is valid UTF-8 (invalid bytes become U+FFFD);
 * artifact URIs are the file names percent-encoded (RFC 3986: every byte
 * but the unreserved ones and '/'). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>
#include "sarif.h"
#include "base/utf8.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

/* ---- strings ---- */

/* A string (U+FFFD for invalid UTF-8); "" for NULL. */
static cJSON *str(const char *s)
{
    return diag_json_string(s ? s : "");
}

static cJSON *text_obj(const char *s)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "text", str(s));
    return o;
}

/* The file name as a URI reference; malloc'd. */
static char *uri_of(const char *name)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(name);
    char *u = malloc(3 * n + 1);
    if (!u) return NULL;
    size_t m = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        int keep = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
                   *p == '-' || *p == '.' || *p == '_' || *p == '~' || *p == '/';
        if (keep) {
            u[m++] = (char)*p;
            continue;
        }
        u[m++] = '%';
        u[m++] = hex[*p >> 4];
        u[m++] = hex[*p & 15];
    }
    u[m] = 0;
    return u;
}

/* ---- locations ---- */

static cJSON *region(const gir_source *src, gir_span sp)
{
    gir_pos a, b;
    source_pos(src, sp.start, &a);
    source_pos(src, sp.end, &b);
    cJSON *r = cJSON_CreateObject();
    cJSON_AddNumberToObject(r, "startLine", a.line);
    cJSON_AddNumberToObject(r, "startColumn", a.char_col);
    cJSON_AddNumberToObject(r, "endLine", b.line);
    cJSON_AddNumberToObject(r, "endColumn", b.char_col);
    cJSON_AddNumberToObject(r, "byteOffset", sp.start);
    cJSON_AddNumberToObject(r, "byteLength", sp.end - sp.start);
    return r;
}

static cJSON *artifact(const char *file)
{
    cJSON *a = cJSON_CreateObject();
    char *u = uri_of(file);
    cJSON_AddItemToObject(a, "uri", str(u ? u : ""));
    free(u);
    return a;
}

/* A physicalLocation of src (NULL: the whole of file, no region). */
static cJSON *physical(const gir_source *src, const char *file, gir_span sp)
{
    cJSON *p = cJSON_CreateObject();
    cJSON_AddItemToObject(p, "artifactLocation", artifact(src ? source_name(src) : file));
    if (src) cJSON_AddItemToObject(p, "region", region(src, sp));
    return p;
}

static cJSON *location(const gir_source *src, const char *file, gir_span sp)
{
    cJSON *l = cJSON_CreateObject();
    cJSON_AddItemToObject(l, "physicalLocation", physical(src, file, sp));
    return l;
}

static cJSON *related(const gir_diag *g)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < g->nrelated; i++) {
        const gir_related *r = &g->related[i];
        const gir_source *src = r->src ? r->src : g->src;
        if (!src) continue;
        cJSON *l = location(src, NULL, r->span);
        cJSON_AddNumberToObject(l, "id", (double)i);
        cJSON_AddItemToObject(l, "message", text_obj(r->msg));
        cJSON_AddItemToArray(arr, l);
    }
    return arr;
}

static cJSON *fixes(const gir_diag *g)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; g->src && i < g->nfixes; i++) {
        cJSON *rep = cJSON_CreateObject();
        cJSON_AddItemToObject(rep, "deletedRegion", region(g->src, g->fixes[i].span));
        cJSON_AddItemToObject(rep, "insertedContent", text_obj(g->fixes[i].text));
        cJSON *reps = cJSON_CreateArray();
        cJSON_AddItemToArray(reps, rep);
        cJSON *change = cJSON_CreateObject();
        cJSON_AddItemToObject(change, "artifactLocation", artifact(source_name(g->src)));
        cJSON_AddItemToObject(change, "replacements", reps);
        cJSON *changes = cJSON_CreateArray();
        cJSON_AddItemToArray(changes, change);
        cJSON *fix = cJSON_CreateObject();
        cJSON_AddItemToObject(fix, "description", text_obj(g->help ? g->help : g->fixes[i].text));
        cJSON_AddItemToObject(fix, "artifactChanges", changes);
        cJSON_AddItemToArray(arr, fix);
    }
    return arr;
}

/* ---- results ---- */

static const char *level_word(gir_severity s)
{
    return s == GIR_SEV_ERROR ? "error" : s == GIR_SEV_WARNING ? "warning" : "note";
}

/* The level a code has by its letter (E, W, N), else the severity's. */
static const char *code_level(const char *code, gir_severity sev)
{
    if (code && code[0] == 'E') return "error";
    if (code && code[0] == 'W') return "warning";
    if (code && code[0] == 'N') return "note";
    return level_word(sev);
}

static cJSON *suppressions(const gir_diag *g)
{
    cJSON *s = cJSON_CreateObject();
    cJSON_AddStringToObject(s, "kind", "inSource");
    cJSON_AddStringToObject(s, "status", "accepted");
    cJSON_AddItemToObject(s, "justification", str(g->waived));
    if (g->src) cJSON_AddItemToObject(s, "location", location(g->src, NULL, g->waived_at));
    cJSON *arr = cJSON_CreateArray();
    cJSON_AddItemToArray(arr, s);
    return arr;
}

static cJSON *properties(const gir_diag *g)
{
    cJSON *p = cJSON_CreateObject();
    cJSON *notes = cJSON_CreateArray();
    for (size_t i = 0; i < g->nnotes; i++) cJSON_AddItemToArray(notes, str(g->notes[i]));
    cJSON_AddItemToObject(p, "notes", notes);
    if (g->help) cJSON_AddItemToObject(p, "help", str(g->help));
    return p;
}

static cJSON *result(const gir_diag *g)
{
    cJSON *r = cJSON_CreateObject();
    int coded = g->code && *g->code;
    if (coded) cJSON_AddStringToObject(r, "ruleId", g->code);
    cJSON_AddStringToObject(r, "level", g->waived ? code_level(g->code, g->sev) : level_word(g->sev));
    cJSON_AddItemToObject(r, "message", text_obj(g->msg));
    cJSON *locs = cJSON_CreateArray();
    if (g->src || g->file) cJSON_AddItemToArray(locs, location(g->src, g->file, g->span));
    cJSON_AddItemToObject(r, "locations", locs);
    cJSON_AddItemToObject(r, "relatedLocations", related(g));
    cJSON_AddItemToObject(r, "fixes", fixes(g));
    if (g->waived) cJSON_AddItemToObject(r, "suppressions", suppressions(g));
    cJSON_AddItemToObject(r, "properties", properties(g));
    return r;
}

char *sarif_result_line(const gir_diag *g)
{
    cJSON *r = result(g);
    const char *file = g->src ? source_name(g->src) : g->file;
    char *u = file ? uri_of(file) : NULL;
    cJSON *key = str(u ? u : "");
    free(u);
    char *body = r ? cJSON_PrintUnformatted(r) : NULL;
    char *k = key ? cJSON_PrintUnformatted(key) : NULL;
    cJSON_Delete(r);
    cJSON_Delete(key);
    char *line = body && k ? malloc(strlen(k) + strlen(body) + 3) : NULL;
    if (line) {
        strcpy(line, k);
        strcat(line, "\t");
        strcat(line, body);
        strcat(line, "\n");
    }
    cJSON_free(body);
    cJSON_free(k);
    return line;
}

/* ---- rules ---- */

/* A catalogue format as prose: each conversion (%s, %1$s, %zu, %04X ...)
 * becomes "…", "%%" becomes "%". malloc'd. */
static char *wording(const char *fmt)
{
    char *w = malloc(strlen(fmt) * 3 + 1);
    if (!w) return NULL;
    size_t m = 0;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            w[m++] = *p;
            continue;
        }
        if (p[1] == '%') {
            w[m++] = '%';
            p++;
            continue;
        }
        p++;
        while (*p && strchr("0123456789$.-+ #'hlzjt", *p)) p++;
        if (!*p) break;
        memcpy(w + m, "\xE2\x80\xA6", 3);
        m += 3;
    }
    w[m] = 0;
    return w;
}

typedef struct code_ix { const char *code; int index; } code_ix;

static int cmp_code(const void *a, const void *b)
{
    return strcmp(((const code_ix *)a)->code, ((const code_ix *)b)->code);
}

static cJSON *rule(gir_lang lang, gir_msg id)
{
    const char *code = msg_code(id);
    cJSON *r = cJSON_CreateObject();
    cJSON_AddStringToObject(r, "id", code);
    char *w = wording(msg_fmt(lang, id));
    cJSON_AddItemToObject(r, "shortDescription", text_obj(w ? w : ""));
    free(w);
    int waivable = msg_code_waivable(code);
    char help[512];
    snprintf(help, sizeof help, msg_fmt(lang, waivable ? SARIF_HELP_WAIVABLE : SARIF_HELP_FIX), code);
    cJSON_AddItemToObject(r, "help", text_obj(help));
    cJSON *conf = cJSON_CreateObject();
    cJSON_AddStringToObject(conf, "level", code_level(code, GIR_SEV_ERROR));
    cJSON_AddItemToObject(r, "defaultConfiguration", conf);
    cJSON *props = cJSON_CreateObject();
    cJSON_AddBoolToObject(props, "waivable", waivable);
    cJSON_AddItemToObject(r, "properties", props);
    return r;
}

/* Every code of the catalogue once (its first entry's wording), in
 * catalogue order; *ix gets them sorted by code, for ruleIndex. */
static cJSON *rules(gir_lang lang, code_ix **ix, size_t *nix)
{
    cJSON *arr = cJSON_CreateArray();
    code_ix *v = malloc(sizeof *v * (MSG__COUNT + 1));
    size_t n = 0;
    for (int id = 0; v && id < MSG__COUNT; id++) {
        const char *code = msg_code((gir_msg)id);
        if (!*code) continue;
        int seen = 0;
        for (size_t k = 0; k < n && !seen; k++) seen = strcmp(v[k].code, code) == 0;
        if (seen) continue;
        v[n].code = code;
        v[n].index = (int)n;
        n++;
        cJSON_AddItemToArray(arr, rule(lang, (gir_msg)id));
    }
    if (v && n) qsort(v, n, sizeof *v, cmp_code);
    *ix = v;
    *nix = v ? n : 0;
    return arr;
}

/* ---- the document ---- */

typedef struct line { const char *key, *json; size_t klen, jlen, seq; } line;

static int cmp_line(const void *a, const void *b)
{
    const line *x = a, *y = b;
    size_t n = x->klen < y->klen ? x->klen : y->klen;
    int c = memcmp(x->key, y->key, n);
    if (c) return c;
    if (x->klen != y->klen) return x->klen < y->klen ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Splits the result lines (key TAB json NL); malloc'd array. */
static line *split(const char *text, size_t n, size_t *count)
{
    size_t cap = 1;
    for (size_t i = 0; i < n; i++) cap += text[i] == '\n';
    line *v = malloc(sizeof *v * cap);
    size_t k = 0;
    for (const char *p = text, *e = text + n; v && p < e;) {
        const char *nl = memchr(p, '\n', (size_t)(e - p));
        if (!nl) nl = e;
        const char *tab = memchr(p, '\t', (size_t)(nl - p));
        if (tab) {
            v[k] = (line){p, tab + 1, (size_t)(tab - p), (size_t)(nl - tab - 1), k};   /* k: its place, for a stable sort */
            k++;
        }
        p = nl + 1;
    }
    *count = k;
    return v;
}

static void add_results(cJSON *results, line *v, size_t n, const code_ix *ix, size_t nix)
{
    if (n) qsort(v, n, sizeof *v, cmp_line);
    for (size_t i = 0; i < n; i++) {
        cJSON *r = cJSON_ParseWithLength(v[i].json, v[i].jlen);
        if (!r) continue;
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(r, "ruleId");
        code_ix q = {cJSON_IsString(id) ? id->valuestring : "", 0};
        const code_ix *hit = nix ? bsearch(&q, ix, nix, sizeof *ix, cmp_code) : NULL;
        if (hit) cJSON_AddNumberToObject(r, "ruleIndex", hit->index);
        cJSON_AddItemToArray(results, r);
    }
}

int sarif_write(FILE *out, gir_lang lang, const char *version, const char *lines, size_t n, int exit_status)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddStringToObject(doc, "$schema", SARIF_SCHEMA);
    cJSON_AddStringToObject(doc, "version", "2.1.0");
    cJSON *driver = cJSON_CreateObject();
    cJSON_AddStringToObject(driver, "name", "girc");
    cJSON_AddStringToObject(driver, "version", version);
    cJSON_AddStringToObject(driver, "language", lang == GIR_LANG_EN ? "en" : "zh-CN");
    code_ix *ix = NULL;
    size_t nix = 0;
    cJSON_AddItemToObject(driver, "rules", rules(lang, &ix, &nix));
    cJSON *tool = cJSON_CreateObject();
    cJSON_AddItemToObject(tool, "driver", driver);
    cJSON *inv = cJSON_CreateObject();
    cJSON_AddBoolToObject(inv, "executionSuccessful", exit_status != 2);
    cJSON_AddNumberToObject(inv, "exitCode", exit_status);
    cJSON *invs = cJSON_CreateArray();
    cJSON_AddItemToArray(invs, inv);
    size_t nl = 0;
    line *v = split(lines ? lines : "", lines ? n : 0, &nl);
    cJSON *results = cJSON_CreateArray();
    add_results(results, v, nl, ix, nix);
    free(v);
    free(ix);
    cJSON *run = cJSON_CreateObject();
    cJSON_AddItemToObject(run, "tool", tool);
    cJSON_AddItemToObject(run, "invocations", invs);
    cJSON_AddStringToObject(run, "columnKind", "unicodeCodePoints");
    cJSON_AddItemToObject(run, "results", results);
    cJSON *runs = cJSON_CreateArray();
    cJSON_AddItemToArray(runs, run);
    cJSON_AddItemToObject(doc, "runs", runs);
    char *s = cJSON_Print(doc);
    cJSON_Delete(doc);
    if (!s) return -1;
    int rc = fputs(s, out) < 0 || fputc('\n', out) == EOF ? -1 : 0;
    cJSON_free(s);
    return rc;
}

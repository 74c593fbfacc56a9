/* wording.c - a template's `wording KEY word...` and `threshold KEY N`
 * lines (keys in wording.def) compiled into its schema's wordbook, and
 * the thresholds given with `girc check --threshold KEY=N`, which take
 * the place of the template's for the rest of the process. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/acmatch.h"
#include "base/array.h"
#include "syntax/lang.h"
#include "parser.h"
#include "wording.h"

typedef struct wkey { const char *key; int kind; } wkey;
typedef struct tkey { const char *key; double lo, hi; } tkey;

static const wkey wkeys[WD__COUNT] = {
#define GIR_WORDING(id, key, kind) {key, kind},
#define GIR_THRESHOLD(id, key, lo, hi)
#include "wording.def"
#undef GIR_WORDING
#undef GIR_THRESHOLD
};

static const tkey tkeys[TH__COUNT] = {
#define GIR_WORDING(id, key, kind)
#define GIR_THRESHOLD(id, key, lo, hi) {key, lo, hi},
#include "wording.def"
#undef GIR_WORDING
#undef GIR_THRESHOLD
};

/* The command line's thresholds: set before any document is compiled,
 * read only afterwards. */
static double over[TH__COUNT];
static int has_over[TH__COUNT];

static int wording_id(const char *key)
{
    for (int i = 0; i < WD__COUNT; i++)
        if (!strcmp(wkeys[i].key, key)) return i;
    return -1;
}

static int threshold_id(const char *key)
{
    for (int i = 0; i < TH__COUNT; i++)
        if (!strcmp(tkeys[i].key, key)) return i;
    return -1;
}

/* "a, b, c": the keys, for the hint of an unknown one. */
static const char *key_list(gir_arena *a, int thresholds)
{
    gir_buf b;
    buf_init(&b, a);
    int n = thresholds ? TH__COUNT : WD__COUNT;
    for (int i = 0; i < n; i++) {
        if (i) buf_puts(&b, ", ");
        buf_puts(&b, thresholds ? tkeys[i].key : wkeys[i].key);
    }
    return buf_cstr(&b);
}

static double lit_number(const gir_node *n)
{
    char tmp[80];
    const char *ip = n->lit.int_digits ? n->lit.int_digits : "0";
    const char *fp = n->lit.frac_digits ? n->lit.frac_digits : "";
    snprintf(tmp, sizeof tmp, "%.30s.%.30s", ip, *fp ? fp : "0");
    double v = strtod(tmp, NULL);
    return n->lit.sign < 0 ? -v : v;
}

static const char *number_text(gir_arena *a, double v)
{
    char tmp[40];
    snprintf(tmp, sizeof tmp, "%g", v);
    return arena_strndup(a, tmp, strlen(tmp));
}

/* "wording KEY", "threshold KEY": what a duplicate declares. */
static const char *decl_name(gir_arena *a, int kw, const char *key)
{
    gir_buf b;
    buf_init(&b, a);
    buf_puts(&b, lang_keyword_word(kw));
    buf_putc(&b, ' ');
    buf_puts(&b, key);
    return buf_cstr(&b);
}

static void read_threshold(gir_arena *a, gir_diags *d, const gir_source *src, gir_wordbook *wb, const gir_node *n)
{
    const gir_node *key = n->first, *num = n->last;
    int id = threshold_id(key->str);
    if (id < 0) {
        gir_diag *g = diag_add(d, GIR_SEV_ERROR, K_THRESHOLD_UNKNOWN, src, key->span, key->str);
        diag_help(d, g, K_THRESHOLD_KEYS, key_list(a, 1));
        return;
    }
    if (wb->th_decl[id]) {
        diag_add(d, GIR_SEV_ERROR, K_DUPLICATE_DECL, src, n->span, decl_name(a, KW_THRESHOLD, key->str));
        return;
    }
    double v = lit_number(num);
    if (v < tkeys[id].lo || v > tkeys[id].hi || (num->lit.unit && *num->lit.unit)) {
        diag_add(d, GIR_SEV_ERROR, K_THRESHOLD_RANGE, src, num->span, key->str, number_text(a, tkeys[id].lo),
                 number_text(a, tkeys[id].hi), num->str ? num->str : number_text(a, v));
        return;
    }
    wb->th[id] = v;
    wb->th_decl[id] = n;
}

/* A section or table-row-column wording names what the template has. */
static int resolves(gir_arena *a, gir_diags *d, const gir_source *src, const gir_schema *s, gir_words *w,
                    const gir_node *n, int kind)
{
    const char *key = n->first->str;
    if (kind == GIR_WK_SECTION) {
        if (w->n != 1) return diag_add(d, GIR_SEV_ERROR, K_WORDING_ONE, src, n->span, key), 0;
        w->section = schema_find_section(s, a, w->w[0]);
        if (!w->section) diag_add(d, GIR_SEV_ERROR, K_WORDING_SECTION, src, n->last->span, key, w->w[0]);
        return w->section != NULL;
    }
    const gir_ttable *t = w->n == 3 ? schema_find_table(s, a, w->w[0]) : NULL;
    int blk = 0;
    const gir_hnode *row = t ? schema_find_row(t, a, w->w[1], &blk) : NULL;
    const gir_hnode *col = row ? schema_find_col(t->blocks[blk], a, w->w[2]) : NULL;
    if (!col) diag_add(d, GIR_SEV_ERROR, K_WORDING_CELL, src, n->last->span, key);
    return col != NULL;
}

static void read_wording(gir_arena *a, gir_diags *d, const gir_source *src, gir_schema *s, const gir_node *n)
{
    const gir_node *key = n->first;
    int id = wording_id(key->str);
    if (id < 0) {
        gir_diag *g = diag_add(d, GIR_SEV_ERROR, K_WORDING_UNKNOWN, src, key->span, key->str);
        diag_help(d, g, K_WORDING_KEYS, key_list(a, 0));
        return;
    }
    gir_words *w = &s->wordbook->words[id];
    if (w->decl) {
        diag_add(d, GIR_SEV_ERROR, K_DUPLICATE_DECL, src, n->span, decl_name(a, KW_WORDING, key->str));
        return;
    }
    gir_words nw = {NULL, 0, NULL, n, NULL};
    for (const gir_node *x = n->last->first; x; x = x->next)
        if (x->str && *x->str) ARRAY_PUSH(a, nw.w, nw.n, x->str);
    if (wkeys[id].kind != GIR_WK_WORDS && !resolves(a, d, src, s, &nw, n, wkeys[id].kind)) return;
    nw.acm = acm_build(a, nw.w, nw.n);
    *w = nw;
}

void wording_build(gir_arena *a, gir_diags *d, const gir_source *src, gir_schema *s, const gir_node *tmpl)
{
    s->wordbook = arena_alloc(a, sizeof *s->wordbook);
    memset(s->wordbook, 0, sizeof *s->wordbook);
    for (const gir_node *c = tmpl->first; c; c = c->next) {
        if (c->kind == N_WORDING) read_wording(a, d, src, s, c);
        if (c->kind == N_THRESHOLD) read_threshold(a, d, src, s->wordbook, c);
    }
    for (size_t t = 0; t < s->ntables; t++)
        for (size_t j = 0; j < s->tables[t]->njumps; j++) {
            gir_rule *r = s->tables[t]->jumps[j];
            r->phrase_acm = acm_build(a, r->phrases, r->nphrases);
        }
}

const gir_words *schema_words(const gir_schema *s, gir_wording_id id)
{
    if (!s || !s->wordbook || id < 0 || id >= WD__COUNT) return NULL;
    const gir_words *w = &s->wordbook->words[id];
    return w->decl && w->n ? w : NULL;
}

static void hit(void *ud, size_t pat, size_t start)
{
    (void)pat;
    (void)start;
    *(int *)ud = 1;
}

int words_in(const gir_words *w, const unsigned char *b, const unsigned char *e)
{
    if (w && w->acm) {
        int found = 0;
        acm_scan(w->acm, b, (size_t)(e - b), hit, &found);
        return found;
    }
    for (size_t i = 0; w && i < w->n; i++) {
        size_t n = strlen(w->w[i]);
        for (const unsigned char *p = b; n && p + n <= e; p++)
            if (*p == (unsigned char)w->w[i][0] && !memcmp(p, w->w[i], n)) return 1;
    }
    return 0;
}

int schema_threshold(const gir_schema *s, gir_threshold_id id, double *out)
{
    if (id < 0 || id >= TH__COUNT) return 0;
    if (has_over[id]) {
        *out = over[id];
        return 1;
    }
    if (!s || !s->wordbook || !s->wordbook->th_decl[id]) return 0;
    *out = s->wordbook->th[id];
    return 1;
}

int threshold_override(const char *key, double v)
{
    int id = threshold_id(key);
    if (id < 0) return -1;
    if (!(v >= tkeys[id].lo && v <= tkeys[id].hi)) return -2;
    over[id] = v;
    has_over[id] = 1;
    return 0;
}

int threshold_option(const char *arg)
{
    const char *eq = strchr(arg, '=');
    if (!eq || eq == arg || eq - arg >= 40 || !eq[1]) return -3;
    char key[40];
    memcpy(key, arg, (size_t)(eq - arg));
    key[eq - arg] = 0;
    char *end;
    double v = strtod(eq + 1, &end);
    if (*end) return -3;
    return threshold_override(key, v);
}

size_t threshold_hint(const char *arg, char *out, size_t size, int *range)
{
    size_t len = strcspn(arg, "=");
    int id = -1;
    for (int i = 0; i < TH__COUNT && id < 0; i++)
        if (strlen(tkeys[i].key) == len && !strncmp(tkeys[i].key, arg, len)) id = i;
    *range = id >= 0;
    if (id >= 0)
        return (size_t)snprintf(out, size, "%s: %.10g..%.10g", tkeys[id].key, tkeys[id].lo, tkeys[id].hi);
    size_t n = 0;
    out[0] = 0;
    for (int i = 0; i < TH__COUNT && n < size; i++)
        n += (size_t)snprintf(out + n, size - n, "%s%s", i ? ", " : "", tkeys[i].key);
    return n;
}

void threshold_overrides_clear(void)
{
    memset(has_over, 0, sizeof has_over);
}

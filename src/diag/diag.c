/* diag.c - diagnostics as data: recording (diag_add and friends, with a
 * limit), a stable sort, and three renderers: human (gcc/rustc style,
 * caret in display columns), JSON lines, and the closing summary line.
 *
 * JSON lines schema, version 1 (one object per diagnostic, one per line,
 * no whitespace, keys always present and in this order):
 *
 *   "schema"      1
 *   "file"        string, or null for a diagnostic without a file
 *                 ("<stdin>" for standard input)
 *   "severity"    "error" | "warning" | "note"
 *   "code"        stable code such as "E0201", or null if it has none
 *   "message"     string, in the language chosen with --lang
 *   "line"        1-based line of the start of the span
 *   "column"      1-based column of the start, in the --column-unit
 *                 (display columns by default, bytes or characters)
 *   "end_line"    line of the end of the span
 *   "end_column"  1-based column of the end, in that unit, exclusive
 *   "byte_start"  0-based byte offset of the start
 *   "byte_end"    0-based byte offset of the end, exclusive
 *   "related"     array of {"file", "line", "column", "end_line",
 *                 "end_column", "message"}: other places involved (for a
 *                 sum, each addend)
 *   "notes"       array of strings
 *   "help"        string or null: one hint
 *   "fixes"       array of {"line", "column", "end_line", "end_column",
 *                 "byte_start", "byte_end", "text"}: replace that span of
 *                 "file" with "text"
 *   "waived"      string or null: the reason of the report's waiver that
 *                 made this finding a note (gir(5), `waive`)
 *
 * Positions are null when "file" is null, and for a diagnostic about a
 * whole file (diag_file: too large, not formatted). An invalid byte counts as one
 * character, one byte and one display column. Every string is valid UTF-8: invalid bytes are replaced by
 * U+FFFD. Example:
 *
 *   {"schema":1,"file":"a.gir","severity":"error","code":"E0301",
 *    "message":"...","line":3,"column":4,"end_line":3,"end_column":6,
 *    "byte_start":20,"byte_end":22,"related":[{"file":"a.gir","line":1,
 *    "column":4,"end_line":1,"end_column":5,"message":"..."}],"notes":[],
 *    "help":null,"fixes":[{"line":3,"column":4,"end_line":3,
 *    "end_column":6,"byte_start":20,"byte_end":22,"text":"17"}],
 *    "waived":null}
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>
#include "diag.h"
#include "base/array.h"
#include "base/utf8.h"

#define DEFAULT_LIMIT 10000u

/* ======================= recording ======================= */

void diags_init(gir_diags *d, gir_arena *a, gir_lang lang)
{
    memset(d, 0, sizeof *d);
    d->arena = a;
    d->lang = lang;
    d->limit = DEFAULT_LIMIT;
}

/* vsnprintf into the arena; "" if formatting fails. */
static const char *vformat(gir_arena *a, const char *fmt, va_list ap)
{
    const char *p = arena_vprintf(a, fmt, ap);
    return p ? p : "";
}

static int push_diag(gir_diags *d, gir_diag *g)
{
    void *v = d->v;
    if (array_reserve(d->arena, &v, d->n, sizeof *d->v) != 0) return 0;
    d->v = v;
    d->v[d->n++] = g;
    return 1;
}

gir_diag *diag_add(gir_diags *d, gir_severity sev, gir_msg id,
                   const gir_source *src, gir_span span, ...)
{
    if (sev == GIR_SEV_ERROR) d->nerrors++;
    else if (sev == GIR_SEV_WARNING) d->nwarnings++;
    size_t limit = d->limit ? d->limit : DEFAULT_LIMIT;
    if (d->n >= limit) {
        d->dropped++;
        return NULL;
    }
    gir_diag *g = arena_alloc(d->arena, sizeof *g);
    if (!g) return NULL;
    g->sev = sev;
    g->code = msg_code(id);
    g->src = src;
    g->span = span;
    if (g->span.end < g->span.start) g->span.end = g->span.start;
    va_list ap;
    va_start(ap, span);
    g->msg = vformat(d->arena, msg_fmt(d->lang, id), ap);
    va_end(ap);
    return push_diag(d, g) ? g : NULL;
}

void diag_related(gir_diags *d, gir_diag *g, const gir_source *src, gir_span span, gir_msg id, ...)
{
    if (!g) return;
    void *room = g->related;
    if (array_reserve(d->arena, &room, g->nrelated, sizeof *g->related) != 0) return;
    gir_related *v = room;
    g->related = v;
    gir_related *r = &v[g->nrelated++];
    r->src = src;
    r->span = span;
    if (r->span.end < r->span.start) r->span.end = r->span.start;
    va_list ap;
    va_start(ap, id);
    r->msg = vformat(d->arena, msg_fmt(d->lang, id), ap);
    va_end(ap);
}

void diag_note(gir_diags *d, gir_diag *g, gir_msg id, ...)
{
    if (!g) return;
    void *room = (void *)g->notes;
    if (array_reserve(d->arena, &room, g->nnotes, sizeof *g->notes) != 0) return;
    const char **v = room;
    g->notes = v;
    va_list ap;
    va_start(ap, id);
    v[g->nnotes++] = vformat(d->arena, msg_fmt(d->lang, id), ap);
    va_end(ap);
}

void diag_file(gir_diags *d, gir_diag *g, const char *file)
{
    if (!g || g->src || !file) return;
    g->file = arena_strdup(d->arena, file);
}

void diag_help(gir_diags *d, gir_diag *g, gir_msg id, ...)
{
    if (!g) return;
    va_list ap;
    va_start(ap, id);
    g->help = vformat(d->arena, msg_fmt(d->lang, id), ap);
    va_end(ap);
}

void diag_fix(gir_diags *d, gir_diag *g, gir_span span, const char *text)
{
    if (!g) return;
    void *room = g->fixes;
    if (array_reserve(d->arena, &room, g->nfixes, sizeof *g->fixes) != 0) return;
    gir_fix *v = room;
    g->fixes = v;
    const char *t = arena_strdup(d->arena, text ? text : "");
    gir_fix *f = &v[g->nfixes++];
    f->span = span;
    if (f->span.end < f->span.start) f->span.end = f->span.start;
    f->text = t ? t : "";
}

/* ======================= sorting ======================= */

typedef struct sort_item {
    gir_diag *g;
    uintptr_t key;  /* first pass: the source pointer; second: its rank */
    size_t idx;     /* position before sorting */
} sort_item;

typedef int (*item_less)(const sort_item *a, const sort_item *b);

static int by_key(const sort_item *a, const sort_item *b) { return a->key < b->key; }

static int by_key_start(const sort_item *a, const sort_item *b)
{
    if (a->key != b->key) return a->key < b->key;
    return a->g->span.start < b->g->span.start;
}

/* Merges v[lo,mid) and v[mid,hi) into out[lo,hi); ties take the left. */
static void merge(const sort_item *v, sort_item *out, size_t lo, size_t mid, size_t hi, item_less less)
{
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi) out[k++] = less(&v[j], &v[i]) ? v[j++] : v[i++];
    while (i < mid) out[k++] = v[i++];
    while (j < hi) out[k++] = v[j++];
}

/* Bottom-up stable merge sort of v[0,n) using tmp (n items). */
static void merge_sort(sort_item *v, sort_item *tmp, size_t n, item_less less)
{
    sort_item *from = v, *to = tmp;
    for (size_t w = 1; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n;
            size_t hi = lo + 2 * w < n ? lo + 2 * w : n;
            merge(from, to, lo, mid, hi, less);
        }
        sort_item *t = from; from = to; to = t;
    }
    if (from != v) memcpy(v, from, n * sizeof *v);
}

/* Replaces each item's key (a source pointer) by the index of the first
 * diagnostic from that source, using the by-pointer order in byptr. */
static void rank_sources(sort_item *v, sort_item *byptr, sort_item *tmp, size_t n)
{
    memcpy(byptr, v, n * sizeof *v);
    merge_sort(byptr, tmp, n, by_key);
    size_t first = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || byptr[i].key != byptr[i - 1].key) first = byptr[i].idx;
        v[byptr[i].idx].key = first;
    }
}

void diags_sort(gir_diags *d)
{
    size_t n = d->n;
    if (n < 2) return;
    sort_item *v = arena_alloc(d->arena, 3 * n * sizeof *v);
    if (!v) return;
    for (size_t i = 0; i < n; i++) {
        v[i].g = d->v[i];
        v[i].key = (uintptr_t)d->v[i]->src;
        v[i].idx = i;
    }
    rank_sources(v, v + n, v + 2 * n, n);
    merge_sort(v, v + n, n, by_key_start);
    for (size_t i = 0; i < n; i++) d->v[i] = v[i].g;
}

/* ======================= human renderer ======================= */

#define COLOR_RESET "\033[0m"
#define COLOR_BOLD "\033[1m"
#define COLOR_RED "\033[1;31m"
#define COLOR_YELLOW "\033[1;33m"
#define COLOR_CYAN "\033[1;36m"
#define COLOR_BLUE "\033[1;34m"
#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

/* Lines longer than this are shown as a window around the span. */
#define LONG_LINE 4096u
#define WIN_BEFORE 40u  /* display columns shown before the span start */
#define WIN_COLS 120u   /* display columns in the window */

typedef struct pen {
    FILE *out;
    int color;
    int width;          /* width of the line-number field */
    gir_column_unit unit;   /* of LINE:COL */
} pen;

static void color_on(const pen *p, const char *c) { if (p->color) fputs(c, p->out); }
static void color_off(const pen *p) { if (p->color) fputs(COLOR_RESET, p->out); }

static const char *sev_word(gir_severity s)
{
    return s == GIR_SEV_ERROR ? "error" : s == GIR_SEV_WARNING ? "warning" : "note";
}

static const char *sev_color(gir_severity s)
{
    return s == GIR_SEV_ERROR ? COLOR_RED : s == GIR_SEV_WARNING ? COLOR_YELLOW : COLOR_CYAN;
}

/* Prints s with invalid bytes and hidden characters as U+FFFD. */
static void put_clean(FILE *out, const char *s)
{
    diag_put_clean(out, s);
}

char *diag_clean_dup(const char *s)
{
    char *p = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&p, &n);
    if (!m) return NULL;
    diag_put_clean(m, s ? s : "");
    if (fclose(m) != 0) {
        free(p);
        return NULL;
    }
    return p;
}

void diag_put_clean(FILE *out, const char *s)
{
    const char *e = s + strlen(s);
    while (s < e) {
        uint32_t cp;
        int k = source_char(s, e, &cp);
        if (source_cp_hidden(cp)) fputs(REPLACEMENT, out);
        else fwrite(s, 1, (size_t)k, out);
        s += k;
    }
}

const char *const diag_column_unit_names[] = {"display", "byte", "char", NULL};

int diag_column_unit(const char *name)
{
    for (int i = 0; diag_column_unit_names[i]; i++)
        if (strcmp(name, diag_column_unit_names[i]) == 0) return i;
    return -1;
}

uint32_t diag_column(const gir_pos *p, gir_column_unit u)
{
    if (u == GIR_COL_BYTE) return p->byte_col + 1;
    if (u == GIR_COL_CHAR) return p->char_col;
    return p->disp_col + 1;
}

static gir_span clamp_span(const gir_source *src, gir_span sp)
{
    if (sp.start > src->len) sp.start = src->len;
    if (sp.end > src->len) sp.end = src->len;
    if (sp.end < sp.start) sp.end = sp.start;
    return sp;
}

/* "file:LINE:COL: " (or "file: " / "girc: " without a source), bold. */
static void put_loc(const pen *p, const gir_source *src, const char *file, uint32_t off)
{
    color_on(p, COLOR_BOLD);
    if (!src && file) {
        put_clean(p->out, file);
        fputc(':', p->out);
    } else if (!src) {
        fputs("girc:", p->out);
    } else {
        gir_pos ps;
        source_pos(src, off, &ps);
        put_clean(p->out, source_name(src));
        fprintf(p->out, ":%u:%u:", (unsigned)ps.line, (unsigned)diag_column(&ps, p->unit));
    }
    color_off(p);
    fputc(' ', p->out);
}

/* "error[E0103]: message\n" */
static void put_head(const pen *p, gir_severity sev, const char *code, const char *msg)
{
    color_on(p, sev_color(sev));
    fputs(sev_word(sev), p->out);
    if (code && *code) fprintf(p->out, "[%s]", code);
    color_off(p);
    fputs(": ", p->out);
    put_clean(p->out, msg ? msg : "");
    fputc('\n', p->out);
}

/* "   12 |" or "      |" */
static void put_gutter(const pen *p, uint32_t lineno)
{
    color_on(p, COLOR_BLUE);
    if (lineno) fprintf(p->out, "%*u |", p->width, (unsigned)lineno);
    else fprintf(p->out, "%*s |", p->width, "");
    color_off(p);
}

/* "   = note: text\n" */
static void put_sub(const pen *p, const char *word, const char *text)
{
    fprintf(p->out, "%*s", p->width - 2, "");
    color_on(p, COLOR_BLUE);
    fputc('=', p->out);
    color_off(p);
    fputc(' ', p->out);
    color_on(p, COLOR_CYAN);
    fputs(word, p->out);
    color_off(p);
    fputs(": ", p->out);
    put_clean(p->out, text);
    fputc('\n', p->out);
}

/* One source line as shown under a location. */
typedef struct shown {
    const char *t;
    uint32_t len;           /* the line without its terminator */
    uint32_t s, e;          /* the span on this line: s <= e <= len */
    uint32_t wb, we, wdisp; /* bytes [wb,we) are shown; wdisp = display column at wb */
} shown;

/* Walks from byte q at display column d up to byte `to` (not into a
 * character that contains it); returns the byte and sets *disp. */
static uint32_t walk_to_byte(const shown *L, uint32_t q, uint32_t d, uint32_t to, uint32_t *disp)
{
    while (q < to) {
        uint32_t cp;
        int k = source_char(L->t + q, L->t + L->len, &cp);
        if (q + (uint32_t)k > to) break;
        d = source_disp_advance(cp, d);
        q += (uint32_t)k;
    }
    *disp = d;
    return q;
}

/* Walks from byte q at display column d to the first character boundary
 * at display column >= target (or the line end). */
static uint32_t walk_to_disp(const shown *L, uint32_t q, uint32_t d, uint32_t target, uint32_t *disp)
{
    while (q < L->len && d < target) {
        uint32_t cp;
        q += (uint32_t)source_char(L->t + q, L->t + L->len, &cp);
        d = source_disp_advance(cp, d);
    }
    *disp = d;
    return q;
}

/* The window of a long line (line0 of src, starting at byte lb): the
 * display columns are found from the source's marks, so that many
 * diagnostics along one long line cost linear time. */
static void choose_window(shown *L, const gir_source *src, uint32_t line0, uint32_t lb)
{
    L->wb = 0;
    L->wdisp = 0;
    L->we = L->len;
    if (L->len <= LONG_LINE) return;
    uint32_t ed;
    uint32_t sd = source_disp_col(src, lb + L->s);
    if (sd > WIN_BEFORE) L->wb = source_byte_at_disp(src, line0, sd - WIN_BEFORE, &L->wdisp) - lb;
    L->we = walk_to_disp(L, L->wb, L->wdisp, L->wdisp + WIN_COLS, &ed);
}

static void put_spaces(FILE *out, uint32_t n)
{
    while (n--) fputc(' ', out);
}

/* "   12 | text" with tabs expanded and hidden characters replaced. */
static void put_source_line(const pen *p, uint32_t lineno, const shown *L)
{
    put_gutter(p, lineno);
    if (L->len == 0) {
        fputc('\n', p->out);
        return;
    }
    fputs(L->wb > 0 ? " ..." : " ", p->out);
    uint32_t q = L->wb, d = L->wdisp;
    while (q < L->we) {
        uint32_t cp;
        int k = source_char(L->t + q, L->t + L->len, &cp);
        uint32_t nd = source_disp_advance(cp, d);
        if (cp == '\t') put_spaces(p->out, nd - d);
        else if (source_cp_hidden(cp)) fputs(REPLACEMENT, p->out);
        else fwrite(L->t + q, 1, (size_t)k, p->out);
        d = nd;
        q += (uint32_t)k;
    }
    if (L->we < L->len) fputs("...", p->out);
    fputc('\n', p->out);
}

/* State of the caret line being printed. */
typedef struct caret {
    const pen *p;
    const char *color;
    uint32_t col;           /* columns printed after "| " */
    uint32_t marks;
} caret;

/* Prints n marks starting at column at: the first mark overall is '^'. */
static void put_marks(caret *c, uint32_t at, uint32_t n)
{
    if (n == 0) return;
    if (c->marks == 0) {
        put_spaces(c->p->out, at - c->col);
        c->col = at;
        color_on(c->p, c->color);
    }
    for (uint32_t i = 0; i < n; i++) fputc(c->marks++ == 0 ? '^' : '~', c->p->out);
    c->col += n;
}

/* "      | ^~~" under the span (display columns). */
static void put_caret_line(const pen *p, const shown *L, const char *color)
{
    put_gutter(p, 0);
    fputc(' ', p->out);
    caret c = {p, color, 0, 0};
    uint32_t shift = L->wb > 0 ? 3 : 0; /* the "..." */
    uint32_t q = L->wb, d = L->wdisp;
    while (q < L->we) {
        uint32_t cp;
        int k = source_char(L->t + q, L->t + L->len, &cp);
        uint32_t nd = source_disp_advance(cp, d);
        if (q < L->e && q + (uint32_t)k > L->s) put_marks(&c, d - L->wdisp + shift, nd - d);
        d = nd;
        q += (uint32_t)k;
    }
    if (c.marks == 0) { /* empty span, or only zero-width characters */
        uint32_t sd;
        walk_to_byte(L, L->wb, L->wdisp, L->s, &sd);
        put_marks(&c, sd - L->wdisp + shift, 1);
    }
    color_off(p);
    fputc('\n', p->out);
}

/* The source line of span.start and the caret line under it. */
static void put_snippet(const pen *p, const gir_source *src, gir_span span, const char *color)
{
    gir_span sp = clamp_span(src, span);
    uint32_t line0 = source_line_of(src, sp.start);
    shown L;
    L.t = source_line_text(src, line0, &L.len);
    uint32_t lb = (uint32_t)(L.t - src->text);
    L.s = sp.start - lb < L.len ? sp.start - lb : L.len;
    L.e = sp.end - lb < L.len ? sp.end - lb : L.len;
    if (L.e < L.s) L.e = L.s;
    choose_window(&L, src, line0, lb);
    put_source_line(p, line0 + 1, &L);
    put_caret_line(p, &L, color);
}

static uint32_t line_no(const gir_source *src, uint32_t off)
{
    return src ? source_line_of(src, off) + 1 : 0;
}

/* max(5, digits of the largest line number shown + 1) */
static int gutter_width(const gir_diag *g)
{
    uint32_t m = line_no(g->src, g->span.start);
    for (size_t i = 0; i < g->nrelated; i++) {
        const gir_source *s = g->related[i].src ? g->related[i].src : g->src;
        uint32_t l = line_no(s, g->related[i].span.start);
        if (l > m) m = l;
    }
    int digits = 1;
    while (m >= 10) { m /= 10; digits++; }
    return digits + 1 > 5 ? digits + 1 : 5;
}

/* Related places: with their source line when there are one or two,
 * as bare location lines when there are more (a total's many addends). */
static void put_related(const pen *p, const gir_diag *g, const gir_related *r)
{
    const gir_source *src = r->src ? r->src : g->src;
    put_loc(p, src, NULL, r->span.start);
    put_head(p, GIR_SEV_NOTE, NULL, r->msg);
    if (src && g->nrelated <= 2) put_snippet(p, src, r->span, COLOR_CYAN);
}

void diag_render_human(FILE *out, const gir_diag *g, const gir_render_opts *o)
{
    pen p = {out, o && o->color, gutter_width(g), o ? o->unit : GIR_COL_DISPLAY};
    put_loc(&p, g->src, g->file, g->span.start);
    put_head(&p, g->sev, g->code, g->msg);
    if (g->src) put_snippet(&p, g->src, g->span, sev_color(g->sev));
    for (size_t i = 0; i < g->nnotes; i++) put_sub(&p, "note", g->notes[i]);
    if (g->help) put_sub(&p, "help", g->help);
    for (size_t i = 0; i < g->nrelated; i++) put_related(&p, g, &g->related[i]);
}

/* ======================= JSON renderer ======================= */

cJSON *diag_json_string(const char *s)
{
    if (!s) return cJSON_CreateNull();
    size_t n = strlen(s);
    if (utf8_find_invalid(s, n) < 0) return cJSON_CreateString(s);
    char *b = malloc(3 * n + 1);
    if (!b) return cJSON_CreateString("");
    const char *e = s + n;
    size_t m = 0;
    while (s < e) {
        uint32_t cp;
        int k = source_char(s, e, &cp);
        if (cp == SOURCE_BAD_CP) { memcpy(b + m, REPLACEMENT, 3); m += 3; }
        else { memcpy(b + m, s, (size_t)k); m += (size_t)k; }
        s += k;
    }
    b[m] = 0;
    cJSON *j = cJSON_CreateString(b);
    free(b);
    return j;
}

static void add_num(cJSON *o, const char *key, int have, uint32_t v)
{
    cJSON_AddItemToObject(o, key, have ? cJSON_CreateNumber((double)v) : cJSON_CreateNull());
}

/* line, column, end_line, end_column and, if bytes, byte_start, byte_end. */
static void add_pos(cJSON *o, const gir_source *src, gir_span span, int bytes, gir_column_unit u)
{
    gir_pos a = {0}, b = {0};
    gir_span sp = {0, 0};
    if (src) {
        sp = clamp_span(src, span);
        source_pos(src, sp.start, &a);
        source_pos(src, sp.end, &b);
    }
    int have = src != NULL;
    add_num(o, "line", have, a.line);
    add_num(o, "column", have, diag_column(&a, u));
    add_num(o, "end_line", have, b.line);
    add_num(o, "end_column", have, diag_column(&b, u));
    if (!bytes) return;
    add_num(o, "byte_start", have, sp.start);
    add_num(o, "byte_end", have, sp.end);
}

static cJSON *json_related(const gir_diag *g, gir_column_unit u)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; arr && i < g->nrelated; i++) {
        const gir_related *r = &g->related[i];
        const gir_source *src = r->src ? r->src : g->src;
        cJSON *o = cJSON_CreateObject();
        if (!o) break;
        cJSON_AddItemToObject(o, "file", src ? diag_json_string(source_name(src)) : cJSON_CreateNull());
        add_pos(o, src, r->span, 0, u);
        cJSON_AddItemToObject(o, "message", diag_json_string(r->msg ? r->msg : ""));
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static cJSON *json_notes(const gir_diag *g)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; arr && i < g->nnotes; i++)
        cJSON_AddItemToArray(arr, diag_json_string(g->notes[i] ? g->notes[i] : ""));
    return arr;
}

static cJSON *json_fixes(const gir_diag *g, gir_column_unit u)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; arr && i < g->nfixes; i++) {
        cJSON *o = cJSON_CreateObject();
        if (!o) break;
        add_pos(o, g->src, g->fixes[i].span, 1, u);
        cJSON_AddItemToObject(o, "text", diag_json_string(g->fixes[i].text ? g->fixes[i].text : ""));
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

void diag_render_json(FILE *out, const gir_diag *g, const gir_render_opts *ro)
{
    gir_column_unit u = ro ? ro->unit : GIR_COL_DISPLAY;
    cJSON *o = cJSON_CreateObject();
    if (!o) return;
    cJSON_AddItemToObject(o, "schema", cJSON_CreateNumber(1));
    const char *file = g->src ? source_name(g->src) : g->file;
    cJSON_AddItemToObject(o, "file", file ? diag_json_string(file) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "severity", cJSON_CreateString(sev_word(g->sev)));
    cJSON_AddItemToObject(o, "code", g->code && *g->code ? diag_json_string(g->code) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "message", diag_json_string(g->msg ? g->msg : ""));
    add_pos(o, g->src, g->span, 1, u);
    cJSON_AddItemToObject(o, "related", json_related(g, u));
    cJSON_AddItemToObject(o, "notes", json_notes(g));
    cJSON_AddItemToObject(o, "help", diag_json_string(g->help));
    cJSON_AddItemToObject(o, "fixes", json_fixes(g, u));
    cJSON_AddItemToObject(o, "waived", diag_json_string(g->waived));
    char *s = cJSON_PrintUnformatted(o);
    if (s) {
        fputs(s, out);
        fputc('\n', out);
        cJSON_free(s);
    }
    cJSON_Delete(o);
}

/* ======================= summary ======================= */

void diag_render_summary(FILE *out, size_t nerr, size_t nwarn, const gir_render_opts *o)
{
    if (!nerr && !nwarn) return;
    gir_lang lang = o ? o->lang : GIR_LANG_ZH;
    /* The English formats take a plural suffix; the Chinese ones ignore it. */
    if (nerr) fprintf(out, msg_fmt(lang, M_SUMMARY_ERRORS), nerr, nerr == 1 ? "" : "s");
    if (nerr && nwarn) fputs(msg_fmt(lang, M_SUMMARY_SEP), out);
    if (nwarn) fprintf(out, msg_fmt(lang, M_SUMMARY_WARNINGS), nwarn, nwarn == 1 ? "" : "s");
    fputc('\n', out);
}

/* ======================= GitHub annotation renderer ======================= */

/* Workflow-command escaping: data escapes % CR LF; properties also : ,
 * Invalid bytes and hidden characters (ESC, BEL, bidi controls) are
 * U+FFFD, as under the caret: the lines reach a terminal or a CI log. */
static void gh_escape(FILE *out, const char *s, int property)
{
    const char *e = s ? s + strlen(s) : s;
    while (s && s < e) {
        uint32_t cp;
        int k = source_char(s, e, &cp);
        if (*s == '%') fputs("%25", out);
        else if (*s == '\r') fputs("%0D", out);
        else if (*s == '\n') fputs("%0A", out);
        else if (property && *s == ':') fputs("%3A", out);
        else if (property && *s == ',') fputs("%2C", out);
        else if (source_cp_hidden(cp)) fputs(REPLACEMENT, out);
        else fwrite(s, 1, (size_t)k, out);
        s += k;
    }
}

void diag_render_github(FILE *out, const gir_diag *g, const gir_render_opts *o)
{
    gir_column_unit u = o ? o->unit : GIR_COL_DISPLAY;
    static const char *const kind[] = {"", "error", "warning", "notice"};
    fprintf(out, "::%s ", kind[g->sev >= GIR_SEV_ERROR && g->sev <= GIR_SEV_NOTE ? g->sev : 1]);
    if (g->src) {
        gir_pos a, b;
        source_pos(g->src, g->span.start, &a);
        source_pos(g->src, g->span.end, &b);
        fputs("file=", out);
        gh_escape(out, source_name(g->src), 1);
        fprintf(out, ",line=%u,col=%u,endLine=%u,endColumn=%u,", a.line, diag_column(&a, u), b.line, diag_column(&b, u));
    } else if (g->file) {
        fputs("file=", out);
        gh_escape(out, g->file, 1);
        fputc(',', out);
    }
    fputs("title=", out);
    gh_escape(out, g->code && *g->code ? g->code : "girc", 1);
    fputs("::", out);
    gh_escape(out, g->msg, 0);
    if (g->help) {
        fputs("%0A", out);
        gh_escape(out, g->help, 0);
    }
    fputc('\n', out);
}

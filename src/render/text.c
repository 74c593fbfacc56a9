/* text.c - the plain-text back end of `girc build` (-f text, .txt): the
 * report's sections with their prose as written (CommonMark source is
 * readable text), and each table drawn as a fixed-width grid of
 * box-drawing characters with the official merged cells from render.c.
 * Cells are padded by display width (East Asian Width, utf8proc), so the
 * grid lines up in a terminal with CJK fonts; long labels wrap inside
 * their cell, and a table wider than TEXT_TARGET_WIDTH wraps its headers
 * further, then drops the spaces beside the borders. --style=ascii draws
 * with + - | = (box-drawing characters are ambiguous width, two columns
 * in many Chinese terminals). Meant for terminals, e-mail and diffs
 * between years. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "render.h"
#include "base/array.h"
#include "base/utf8.h"

#define TEXT_TARGET_WIDTH 100   /* a table wider than this wraps its headers more */

/* The lines of the drawing: box-drawing characters, or ASCII. */
typedef struct glyphs { uint32_t h, v, title, rule; int ascii; } glyphs;

static glyphs glyphs_of(const gir_renderer *rr)
{
    glyphs box = {0x2500, 0x2502, 0x2550, 0x2500, 0};
    glyphs ascii = {'-', '|', '=', '-', 1};
    return render_style_has(rr->o, "ascii") ? ascii : box;
}

static void put_rule(gir_sink *b, uint32_t cp, int width)
{
    char u[4];
    int n = utf8_encode(cp, u);
    for (int i = 0; i < width || i < 1; i++) sink_put(b, u, (size_t)n);
    sink_putc(b, '\n');
}

static int text_width(const char *s)
{
    return (int)utf8_width(s, strlen(s));
}

/* Appends s without C0 controls (tabs become a space). */
static void put_clean(gir_sink *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t k = i;
        while (k < n && ((unsigned char)s[k] >= 0x20 || s[k] == '\n') && s[k] != 0x7f) k++;
        sink_put(b, s + i, k - i);   /* the run that needs nothing */
        if (k < n && s[k] == '\t') sink_putc(b, ' ');
        i = k + 1;                   /* another control character is dropped */
    }
}

/* Appends s centred in width cols (no trailing spaces). */
static void put_centred(gir_sink *b, const char *s, int width)
{
    int w = text_width(s);
    for (int i = 0; i < (width - w) / 2; i++) sink_putc(b, ' ');
    put_clean(b, s, strlen(s));
    sink_putc(b, '\n');
}

static void t_begin(gir_renderer *rr)
{
    gir_sink *b = rr->out;
    const gir_report *r = rr->r;
    const char *title = r->title ? r->title : "";
    put_clean(b, title, strlen(title));
    sink_putc(b, '\n');
    put_rule(b, glyphs_of(rr).title, text_width(title));
    char d[32];
    if ((r->agency && *r->agency) || r->has_date) {
        if (r->agency) put_clean(b, r->agency, strlen(r->agency));
        if (r->agency && *r->agency && r->has_date) sink_puts(b, "　");
        sink_puts(b, render_date_zh(r, d));
        sink_putc(b, '\n');
    }
}

static void t_section(gir_renderer *rr, const gir_rsection *s, int index)
{
    (void)index;
    const char *h = s->s->label && *s->s->label ? s->s->label : s->s->name;
    sink_putc(rr->out, '\n');
    put_clean(rr->out, h, strlen(h));
    sink_putc(rr->out, '\n');
    put_rule(rr->out, glyphs_of(rr).rule, text_width(h));
}

static void t_prose(gir_renderer *rr, const gir_rsection *s)
{
    const char *p = s->prose;
    size_t n = strlen(p);
    while (n && (p[n - 1] == '\n' || p[n - 1] == ' ' || p[n - 1] == '\r')) n--;
    sink_putc(rr->out, '\n');
    /* drop carriage returns and trailing spaces of each line */
    size_t i = 0;
    while (i < n) {
        size_t e = i;
        while (e < n && p[e] != '\n') e++;
        size_t k = e;
        while (k > i && (p[k - 1] == ' ' || p[k - 1] == '\r' || p[k - 1] == '\t')) k--;
        put_clean(rr->out, p + i, k - i);
        sink_putc(rr->out, '\n');
        i = e + 1;
    }
}

/* ---- the grid ---- */

typedef struct wrapped { const char **line; int *len; int n; } wrapped;

/* Punctuation that must not begin a line (Chinese line-breaking rules). */
static int no_line_start(uint32_t cp)
{
    static const uint32_t set[] = {0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09, 0x300B,
                                   0x300D, 0x300F, 0x201D, 0x2019, 0x3015, 0x3011, 0x2026, 0x00B7,
                                   ',', '.', ';', ':', '!', '?', ')', ']', '}', '%'};
    for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
        if (set[i] == cp) return 1;
    return 0;
}

/* Greedy wrap by display width (a code point is never split); a line
 * never starts with closing punctuation: the character before it moves
 * down with it. */
static wrapped wrap_text(gir_arena *a, const char *s, int width)
{
    wrapped w = {NULL, NULL, 0};
    size_t n = strlen(s);
    if (width < 1) width = 1;
    size_t i = 0;
    while (i < n) {
        size_t start = i;
        int cw = 0;
        while (i < n) {
            uint32_t cp;
            int k = utf8_decode((const unsigned char *)s + i, (const unsigned char *)s + n, &cp);
            if (k < 1) { k = 1; cp = '?'; }
            int cwid = utf8_cp_width(cp);
            if (cw + cwid > width && i > start) {
                if (no_line_start(cp)) {
                    size_t j = i;   /* back up one code point */
                    do j--; while (j > start && ((unsigned char)s[j] & 0xC0) == 0x80);
                    if (j > start) i = j;
                }
                break;
            }
            cw += cwid;
            i += (size_t)k;
        }
        size_t at = (size_t)w.n;
        ARRAY_PUSH(a, w.line, at, s + start);
        at = (size_t)w.n;
        ARRAY_PUSH(a, w.len, at, (int)(i - start));
        w.n++;
    }
    return w;
}

static const char *cell_str(const gir_lcell *c, char *vb)
{
    return c->kind == LAYOUT_VALUE ? render_value_text(c, vb) : c->text;
}

/* Widest a single cell may make its column before it wraps. */
static int cell_cap(const gir_lcell *c, int head_cap, int label_cap)
{
    switch (c->kind) {
    case LAYOUT_VALUE: return c->cell && c->cell->type == CT_TEXT ? label_cap : 1 << 20;
    case LAYOUT_COLHEAD: return head_cap;
    case LAYOUT_ROWHEAD: return c->is_group ? 8 : label_cap;
    default: return label_cap;
    }
}

/* The width of n columns from col, with the borders between them
 * (a border and pad spaces on either side). */
static int span_width(const int *w, int col, int n, int pad)
{
    int s = (1 + 2 * pad) * (n - 1);
    for (int x = col; x < col + n; x++) s += w[x];
    return s;
}

static void col_widths(const gir_layout *L, int *w, int head_cap, int label_cap, int pad)
{
    char vb[64];
    for (int x = 0; x < L->ncols; x++) w[x] = 2;
    for (int pass = 1; pass <= L->ncols; pass++)   /* narrow spans first */
        for (int y = 0; y < L->nrows; y++)
            for (size_t i = 0; i < L->rows[y].ncells; i++) {
                const gir_lcell *c = L->rows[y].cells[i];
                if (c->colspan != pass) continue;
                int need = text_width(cell_str(c, vb));
                int cap = cell_cap(c, head_cap, label_cap);
                if (c->kind == LAYOUT_CAPTION || c->kind == LAYOUT_NOTE || (c->kind == LAYOUT_CORNER && c->is_note)) cap = 0;
                if (need > cap) need = cap;
                int have = span_width(w, c->col, c->colspan, pad);
                if (need > have) w[c->col + c->colspan - 1] += need - have;
            }
}

typedef struct canvas { uint32_t *c; int w, h; } canvas;

static void put_cp(canvas *cv, int line, int col, uint32_t cp)
{
    if (line < 0 || line >= cv->h || col < 0 || col >= cv->w) return;
    cv->c[(size_t)line * (size_t)cv->w + (size_t)col] = cp;
}

/* Writes len bytes of s at (line, col); wide characters take two slots
 * (the second holds 0). */
static void put_text(canvas *cv, int line, int col, const char *s, int len)
{
    const unsigned char *p = (const unsigned char *)s, *e = p + len;
    while (p < e) {
        uint32_t cp;
        int k = utf8_decode(p, e, &cp);
        if (k < 1) { k = 1; cp = '?'; }
        p += k;
        int wd = utf8_cp_width(cp);
        if (wd == 0 || cp < 0x20) continue;
        put_cp(cv, line, col, cp);
        if (wd == 2) put_cp(cv, line, col + 1, 0);
        col += wd;
    }
}

static int vseg(const gir_layout *L, int x, int y)
{
    return x == 0 || x == L->ncols || layout_at(L, y, x - 1) != layout_at(L, y, x);
}

static int hseg(const gir_layout *L, int y, int x)
{
    return y == 0 || y == L->nrows || layout_at(L, y - 1, x) != layout_at(L, y, x);
}

static uint32_t junction(int up, int down, int left, int right, int ascii)
{
    if (ascii && (up | down) && (left | right)) return '+';
    if (ascii) return up | down ? '|' : left | right ? '-' : 0;
    static const uint32_t box[16] = {
        0,      0x2502, 0x2502, 0x2502,   /* -, U, D, UD */
        0x2500, 0x2518, 0x2510, 0x2524,   /* L, UL, DL, UDL */
        0x2500, 0x2514, 0x250C, 0x251C,   /* R, UR, DR, UDR */
        0x2500, 0x2534, 0x252C, 0x253C,   /* LR, ULR, DLR, UDLR */
    };
    return box[up | down << 1 | left << 2 | right << 3];
}

static void t_table(gir_renderer *rr, const gir_layout *L)
{
    gir_sink *b = rr->out;
    gir_arena *a = rr->a;
    int W = L->ncols, R = L->nrows;
    char vb[64];
    int *w = arena_alloc(a, ((size_t)W + 1) * sizeof *w);
    glyphs gl = glyphs_of(rr);
    /* header and label caps, then the spaces beside the borders: the
     * first that fits the target width (the last one else) */
    static const int caps[][3] = {{8, 30, 1}, {6, 24, 1}, {4, 20, 1}, {4, 20, 0}};
    int pad = 1;
    for (size_t k = 0; k < sizeof caps / sizeof caps[0]; k++) {
        pad = caps[k][2];
        col_widths(L, w, caps[k][0], caps[k][1], pad);
        if (span_width(w, 0, W, pad) + 2 + 2 * pad <= TEXT_TARGET_WIDTH) break;
    }
    /* wrap every cell, then the row heights: single rows first, then
     * spans widen their last row */
    wrapped *wr = arena_alloc(a, (L->ncells + 1) * sizeof *wr);
    const gir_lcell **cells = arena_alloc(a, (L->ncells + 1) * sizeof *cells);
    size_t nc = 0;
    for (int y = 0; y < R; y++)
        for (size_t i = 0; i < L->rows[y].ncells; i++) {
            const gir_lcell *c = L->rows[y].cells[i];
            cells[nc] = c;
            wr[nc] = wrap_text(a, arena_strdup(a, cell_str(c, vb)), span_width(w, c->col, c->colspan, pad));
            nc++;
        }
    int *h = arena_alloc(a, ((size_t)R + 1) * sizeof *h);
    for (int y = 0; y < R; y++) h[y] = 1;
    for (int pass = 1; pass <= R; pass++)
        for (size_t i = 0; i < nc; i++) {
            const gir_lcell *c = cells[i];
            if (c->rowspan != pass) continue;
            int have = pass - 1;
            for (int y = c->row; y < c->row + pass; y++) have += h[y];
            if (wr[i].n > have) h[c->row + pass - 1] += wr[i].n - have;
        }
    int *X = arena_alloc(a, ((size_t)W + 2) * sizeof *X);
    int *Y = arena_alloc(a, ((size_t)R + 2) * sizeof *Y);
    for (int x = 0; x < W; x++) X[x + 1] = X[x] + w[x] + 1 + 2 * pad;
    for (int y = 0; y < R; y++) Y[y + 1] = Y[y] + h[y] + 1;
    canvas cv = {NULL, X[W] + 1, Y[R] + 1};
    cv.c = arena_alloc(a, (size_t)cv.w * (size_t)cv.h * sizeof *cv.c + 1);
    for (size_t i = 0; i < (size_t)cv.w * (size_t)cv.h; i++) cv.c[i] = ' ';
    /* cell texts: labels and text cells left, headers centred, numbers right */
    for (size_t i = 0; i < nc; i++) {
        const gir_lcell *c = cells[i];
        int x0 = X[c->col] + 1 + pad, width = X[c->col + c->colspan] - X[c->col] - 1 - 2 * pad;
        for (int l = 0; l < wr[i].n; l++) {
            int tw = (int)utf8_width(wr[i].line[l], (size_t)wr[i].len[l]);
            int off = 0;
            if (c->kind == LAYOUT_VALUE && !(c->cell && c->cell->type == CT_TEXT)) off = width - tw;
            else if (c->kind == LAYOUT_COLHEAD || c->kind == LAYOUT_CAPTION || (c->kind == LAYOUT_CORNER && !c->is_note))
                off = (width - tw) / 2;
            if (off < 0) off = 0;
            put_text(&cv, Y[c->row] + 1 + l, x0 + off, wr[i].line[l], wr[i].len[l]);
        }
    }
    /* borders */
    for (int y = 0; y <= R; y++)
        for (int x = 0; x < W; x++)
            if (hseg(L, y, x))
                for (int k = X[x] + 1; k < X[x + 1]; k++) put_cp(&cv, Y[y], k, gl.h);
    for (int x = 0; x <= W; x++)
        for (int y = 0; y < R; y++)
            if (vseg(L, x, y))
                for (int k = Y[y] + 1; k < Y[y + 1]; k++) put_cp(&cv, k, X[x], gl.v);
    for (int y = 0; y <= R; y++)
        for (int x = 0; x <= W; x++) {
            int up = y > 0 && vseg(L, x, y - 1), down = y < R && vseg(L, x, y);
            int left = x > 0 && hseg(L, y, x - 1), right = x < W && hseg(L, y, x);
            uint32_t j = junction(up, down, left, right, gl.ascii);
            if (j) put_cp(&cv, Y[y], X[x], j);
        }
    /* the table's label, then the canvas */
    const gir_ttable *t = L->rt->t;
    sink_putc(b, '\n');
    put_centred(b, t->label && *t->label ? t->label : t->name, cv.w);
    for (int l = 0; l < cv.h; l++) {
        int end = cv.w;
        while (end > 0 && cv.c[(size_t)l * (size_t)cv.w + (size_t)end - 1] == ' ') end--;
        for (int k = 0; k < end; k++) {
            uint32_t cp = cv.c[(size_t)l * (size_t)cv.w + (size_t)k];
            if (!cp) continue;
            char u[4];
            sink_put(b, u, (size_t)utf8_encode(cp, u));
        }
        sink_putc(b, '\n');
    }
}

static void t_section_end(gir_renderer *rr, const gir_rsection *s, int index)
{
    (void)rr;
    (void)s;
    (void)index;
}

static void t_end(gir_renderer *rr)
{
    gir_sink *b = rr->out;
    const gir_report *r = rr->r;
    char d[32];
    if ((r->agency && *r->agency) || r->has_date) {
        sink_putc(b, '\n');
        if (r->agency && *r->agency) {
            put_clean(b, r->agency, strlen(r->agency));
            sink_putc(b, '\n');
        }
        if (r->has_date) {
            sink_puts(b, render_date_zh(r, d));
            sink_putc(b, '\n');
        }
    }
}

static const char *const exts[] = {"txt", NULL};

const gir_backend gir_backend_text = {
    .name = "text",
    .exts = exts,
    .fragment = 0,
    .begin = t_begin,
    .section = t_section,
    .prose = t_prose,
    .table = t_table,
    .section_end = t_section_end,
    .end = t_end,
};

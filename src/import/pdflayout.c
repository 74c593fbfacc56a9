/* pdflayout.c - positioned characters to the working text (pdflayout.h).
 * Per page: characters are sorted by the middle of their box and swept
 * into lines (a character joins the line whose middle is within half its
 * height); a line is cut into segments where the gap between two
 * characters is wider than SEG_GAP heights. Running headers and footers
 * (the same text, digits aside, at the same height on most pages) and
 * page numbers ("— 5 —", "第 3 页", "3/12") are dropped. A table is a
 * run of lines with two segments or more, with the short lines between
 * them (a prose line, as wide as the text, ends it). In a table, the
 * value columns are the x ranges of the numbers of the rows that hold
 * numbers (overlapping ranges merged): what lies left of them is the
 * label area. Every line with numbers is a row; a line of labels only
 * belongs to the nearer row above or below it on its page (a label that
 * wraps inside its cell), and its text goes before or after the row's
 * own label in reading order; a line with words in the value columns is
 * a header row. Rows are written "cell | cell | … |", one per line, a
 * value column without a number as an empty cell, so values keep their
 * columns; a table that goes on over a page break stays one table.
 * Prose lines are joined into paragraphs (a line that reaches the right
 * margin goes on with the next one unless that one is indented). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "base/array.h"
#include "base/utf8.h"
#include "pdflayout.h"

#define SEG_GAP 0.45f        /* a gap this many heights wide cuts a line */
#define SPACE_GAP 0.2f      /* between Latin letters: a space */
#define PROSE_WIDTH 0.6f    /* a one-segment line this wide (of the text width) is prose */
#define EDGE_LINES 2        /* lines at the top and bottom of a page tested as running text */

typedef struct seg { float x0, x1; char *t; int num; } seg;

typedef struct line {
    float x0, x1, y0, y1, ym, h;
    seg *s; size_t ns;
    int page;
    int drop;                 /* running header, footer or page number */
    int table;                /* index of its table + 1, or 0 */
} line;

typedef struct lay {
    imp_ctx *c;
    line *l; size_t nl;
    gir_buf out;
    int text;                 /* read as a text copy: keep its empty lines */
} lay;

static const pdf_ch *sort_base;

static int by_middle(const void *a, const void *b)
{
    const pdf_ch *p = &sort_base[*(const size_t *)a], *q = &sort_base[*(const size_t *)b];
    float ya = p->y0 + p->y1, yb = q->y0 + q->y1;
    if (ya != yb) return ya < yb ? -1 : 1;
    return p->x0 < q->x0 ? -1 : p->x0 > q->x0;
}

static int by_x(const void *a, const void *b)
{
    const pdf_ch *p = &sort_base[*(const size_t *)a], *q = &sort_base[*(const size_t *)b];
    if (p->x0 != q->x0) return p->x0 < q->x0 ? -1 : 1;
    return 0;
}

static int latin(uint32_t cp) { return cp < 0x80 && ((cp | 0x20) - 'a' < 26 || cp - '0' < 10); }

/* A value: digits with , . % - + and spaces, optionally after 增 or 减
 * and before a unit (元 万元 件 个 条 笔 次 项). */
static int numeric_text(const char *t)
{
    static const char *const pre[] = {"\xE5\xA2\x9E", "\xE5\x87\x8F", NULL};   /* 增 减 */
    static const char *const unit[] = {"\xE4\xB8\x87\xE5\x85\x83", "\xE5\x85\x83", "\xE4\xBB\xB6", "\xE4\xB8\xAA",
                                       "\xE6\x9D\xA1", "\xE7\xAC\x94", "\xE6\xAC\xA1", "\xE9\xA1\xB9", NULL};
    for (size_t i = 0; pre[i]; i++) if (strncmp(t, pre[i], 3) == 0) { t += 3; break; }
    int digits = 0;
    const char *p = t;
    for (; *p; p++) {
        if (*p >= '0' && *p <= '9') { digits++; continue; }
        if (!strchr(",.%-+ ", *p)) break;
    }
    if (*p) {
        size_t k = 0;
        while (unit[k] && strcmp(p, unit[k]) != 0) k++;
        if (!unit[k]) return 0;
    }
    return digits > 0 && strlen(t) <= 24;
}

static void put_cp(gir_buf *b, uint32_t cp)
{
    char u[4];
    int k = utf8_encode(cp, u);
    buf_put(b, u, (size_t)k);
}

/* Cuts the characters idx[0..n) of one line (sorted by x) into segments. */
static void segments(lay *y, line *ln, const pdf_ch *ch, const size_t *idx, size_t n)
{
    gir_buf b;
    buf_init(&b, y->c->a);
    seg cur = {0};
    for (size_t i = 0; i < n; i++) {
        const pdf_ch *p = &ch[idx[i]];
        float gap = i ? p->x0 - ch[idx[i - 1]].x1 : 0;
        if (i && gap > SEG_GAP * ln->h) {
            cur.t = arena_strndup(y->c->a, b.p, b.n);
            cur.num = numeric_text(cur.t);
            ARRAY_PUSH(y->c->a, ln->s, ln->ns, cur);
            b.n = 0;
        }
        if (b.n == 0) cur.x0 = p->x0;
        else if (gap > SPACE_GAP * ln->h && latin(p->cp) && latin(ch[idx[i - 1]].cp)) buf_putc(&b, ' ');
        put_cp(&b, p->cp);
        cur.x1 = p->x1;
    }
    cur.t = arena_strndup(y->c->a, b.p ? b.p : "", b.n);
    cur.num = numeric_text(cur.t);
    ARRAY_PUSH(y->c->a, ln->s, ln->ns, cur);
}

static void close_line(lay *y, const pdf_ch *ch, size_t *idx, size_t n, int page)
{
    line ln = {0};
    ln.page = page;
    ln.x0 = 1e30f;
    ln.y0 = 1e30f;
    for (size_t i = 0; i < n; i++) {
        const pdf_ch *p = &ch[idx[i]];
        ln.x0 = fminf(ln.x0, p->x0);
        ln.x1 = fmaxf(ln.x1, p->x1);
        ln.y0 = fminf(ln.y0, p->y0);
        ln.y1 = fmaxf(ln.y1, p->y1);
        ln.h = fmaxf(ln.h, p->y1 - p->y0);
    }
    if (ln.h <= 0) ln.h = 1;
    ln.ym = (ln.y0 + ln.y1) / 2;
    sort_base = ch;
    qsort(idx, n, sizeof *idx, by_x);
    segments(y, &ln, ch, idx, n);
    ARRAY_PUSH(y->c->a, y->l, y->nl, ln);
}

static void page_lines(lay *y, const pdf_page *pg, int page)
{
    if (!pg->n) return;
    size_t *idx = arena_alloc(y->c->a, pg->n * sizeof *idx);
    for (size_t i = 0; i < pg->n; i++) idx[i] = i;
    sort_base = pg->ch;
    qsort(idx, pg->n, sizeof *idx, by_middle);
    size_t start = 0;
    float ref = 0, h = 0;
    for (size_t i = 0; i < pg->n; i++) {
        const pdf_ch *p = &pg->ch[idx[i]];
        float ym = (p->y0 + p->y1) / 2, ph = p->y1 - p->y0;
        if (i > start && fabsf(ym - ref) > 0.45f * fmaxf(h, ph)) {
            close_line(y, pg->ch, idx + start, i - start, page);
            start = i;
        }
        if (i == start) { ref = ym; h = ph; }
    }
    close_line(y, pg->ch, idx + start, pg->n - start, page);
}

/* ---- running headers, footers, page numbers ---- */

static char *line_text(lay *y, const line *ln)
{
    gir_buf b;
    buf_init(&b, y->c->a);
    for (size_t i = 0; i < ln->ns; i++) buf_puts(&b, ln->s[i].t);
    return (char *)buf_cstr(&b);
}

/* 2: a decorated page number ("— 5 —", "第 3 页", "3/12"); 1: digits
 * alone; 0: not a page number. */
static int page_number(const char *t)
{
    const unsigned char *p = (const unsigned char *)t, *e = p + strlen(t);
    int digits = 0, other = 0, deco = 0;
    while (p < e) {
        uint32_t cp;
        int k = utf8_decode(p, e, &cp);
        if (k <= 0) return 0;
        p += k;
        if (cp - '0' < 10 || cp - 0xFF10 < 10) digits++;
        else if (strchr("-/ ~.", (int)(cp < 0x80 ? cp : 1)) && cp < 0x80) deco += cp != ' ';
        else if (cp == 0x2014 || cp == 0x2013 || cp == 0x2015 || cp == 0xFF0D || cp == 0x2212 || cp == 0x7B2C || cp == 0x9875 ||
                 cp == 0x5171 || cp == 0xFF0F || cp == 0x00B7) deco++;   /* — – ― － − 第 页 共 ／ · */
        else other++;
    }
    if (!digits || digits > 8 || other) return 0;
    return deco ? 2 : 1;
}

typedef struct edge { uint64_t key; int page; size_t line; } edge;

static int by_key(const void *a, const void *b)
{
    const edge *p = a, *q = b;
    if (p->key != q->key) return p->key < q->key ? -1 : 1;
    return p->page - q->page;
}

static uint64_t edge_key(const char *t, float ym)
{
    uint64_t h = 1469598103934665603u;
    for (const char *p = t; *p; p++) {
        if (*p >= '0' && *p <= '9') continue;
        h = (h ^ (unsigned char)*p) * 1099511628211u;
    }
    return h ^ ((uint64_t)(uint32_t)lroundf(ym / 4) << 48);
}

/* Line i at the top or bottom of its page (whose text starts at left):
 * a page number is dropped (digits alone only away from the left margin,
 * where a table's last value would be); its key is kept for the count of
 * running headers and footers. */
static void add_edge(lay *y, edge **v, size_t *n, size_t i, float left)
{
    char *t = line_text(y, &y->l[i]);
    int pn = page_number(t);
    if (pn == 2 || (pn == 1 && y->l[i].x0 > left + 2 * y->l[i].h)) y->l[i].drop = 1;
    edge e = {edge_key(t, y->l[i].ym), y->l[i].page, i};
    ARRAY_PUSH(y->c->a, *v, *n, e);
}

static void drop_running(lay *y, size_t npg)
{
    edge *v = NULL;
    size_t n = 0;
    for (size_t b = 0; b < y->nl;) {
        size_t e = b;
        while (e < y->nl && y->l[e].page == y->l[b].page) e++;
        float left = 1e30f;
        for (size_t i = b; i < e; i++) left = fminf(left, y->l[i].x0);
        for (size_t i = b; i < e; i++)
            if (i < b + EDGE_LINES || i + EDGE_LINES >= e) add_edge(y, &v, &n, i, left);
        b = e;
    }
    if (n) qsort(v, n, sizeof *v, by_key);
    size_t need = npg / 2 > 3 ? npg / 2 : 3;
    for (size_t b = 0; b < n;) {
        size_t e = b, pages = 0;
        while (e < n && v[e].key == v[b].key) { pages += e == b || v[e].page != v[e - 1].page; e++; }
        for (size_t i = b; i < e && pages >= need; i++) y->l[v[i].line].drop = 1;
        b = e;
    }
}

/* ---- tables ---- */

static void page_width(const lay *y, size_t b, size_t e, float *l, float *r)
{
    *l = 1e30f;
    *r = 0;
    for (size_t i = b; i < e; i++) {
        if (y->l[i].drop) continue;
        *l = fminf(*l, y->l[i].x0);
        *r = fmaxf(*r, y->l[i].x1);
    }
}

/* Prose: a one-segment line as wide as the text, or at the margin
 * beside an indented table (a heading). */
static int prose_line(const line *ln, float left, float right, float tleft)
{
    if (ln->ns != 1) return 0;
    return ln->x1 - ln->x0 > PROSE_WIDTH * (right - left) || (ln->x0 < left + ln->h && tleft > left + 3 * ln->h);
}

/* Line k (one segment, not prose) sits right above or below line j of a
 * table, closer than a line break of a paragraph: a label or a value of a
 * cell that wraps, above or below the table's first or last row. */
static int wraps_into(const lay *y, size_t j, size_t k, float left, float right, float tleft)
{
    const line *a = &y->l[j], *b = &y->l[k];
    if (b->drop || b->table || b->ns != 1 || prose_line(b, left, right, tleft)) return 0;
    float gap = k > j ? b->y0 - a->y1 : a->y0 - b->y1;
    return gap < 0.6f * fminf(a->h, b->h);
}

static void mark_table(lay *y, size_t b, size_t e, size_t first, size_t last, float left, float right, float tleft, int *ntab)
{
    ++*ntab;
    while (last + 1 < e && wraps_into(y, last, last + 1, left, right, tleft)) last++;
    while (first > b && wraps_into(y, first, first - 1, left, right, tleft)) first--;
    for (size_t k = first; k <= last; k++) y->l[k].table = *ntab;
}

/* The segments of ln as one, with a space between them. */
static void join_segments(lay *y, line *ln)
{
    gir_buf b;
    buf_init(&b, y->c->a);
    for (size_t k = 0; k < ln->ns; k++) {
        if (k) buf_putc(&b, ' ');
        buf_puts(&b, ln->s[k].t);
    }
    ln->s[0].t = (char *)buf_cstr(&b);
    ln->s[0].x1 = ln->s[ln->ns - 1].x1;
    ln->s[0].num = 0;
    ln->ns = 1;
}

/* A justified line of prose cut at its stretched spaces: it runs from
 * margin to margin and its gaps are all about as wide. */
static int justified(const line *ln, float left, float right)
{
    if (ln->ns < 2 || ln->x0 > left + ln->h || ln->x1 < right - ln->h) return 0;
    float lo = 1e30f, hi = 0;
    for (size_t k = 1; k < ln->ns; k++) {
        float g = ln->s[k].x0 - ln->s[k - 1].x1;
        lo = fminf(lo, g);
        hi = fmaxf(hi, g);
    }
    return hi < 1.25f * lo + 0.1f * ln->h;
}

/* Is line i (of [b, e)) prose from margin to margin in one segment? */
static int full_prose(const lay *y, size_t b, size_t e, size_t i, float left, float right)
{
    if (i < b || i >= e) return 0;
    const line *ln = &y->l[i];
    return ln->ns == 1 && ln->x0 <= left + ln->h && ln->x1 >= right - ln->h;
}

/* Marks the tables of the lines [b, e) of one page. */
static void page_tables(lay *y, size_t b, size_t e, int *ntab)
{
    float left, right;
    page_width(y, b, e, &left, &right);
    /* justified lines next to prose are prose (both ways, so that a run of them is) */
    for (size_t i = b; i < e; i++)
        if (justified(&y->l[i], left, right) && full_prose(y, b, e, i - 1, left, right)) join_segments(y, &y->l[i]);
    for (size_t i = e; i-- > b;)
        if (justified(&y->l[i], left, right) && full_prose(y, b, e, i + 1, left, right)) join_segments(y, &y->l[i]);
    size_t first = e, last = e;
    float tleft = -1;             /* left edge of the table's labelled rows so far, -1: none yet */
    for (size_t i = b; i <= e; i++) {
        const line *ln = i < e ? &y->l[i] : NULL;
        if (ln && ln->drop) continue;
        if (ln && ln->ns >= 2) {
            if (first == e) first = i;
            last = i;
            if (!ln->s[0].num) tleft = tleft < 0 ? ln->x0 : fminf(tleft, ln->x0);
        } else if ((!ln || prose_line(ln, left, right, tleft)) && first < e) {
            mark_table(y, b, e, first, last, left, right, tleft, ntab);
            tleft = -1;
            first = e;
        }
    }
}

typedef struct span { float x0, x1; } span;

static int by_x0(const void *a, const void *b)
{
    const span *p = a, *q = b;
    return p->x0 < q->x0 ? -1 : p->x0 > q->x0;
}

/* Merges overlapping ranges (sorted in place); returns how many are left. */
static size_t merge_spans(span *v, size_t n)
{
    if (!n) return 0;
    qsort(v, n, sizeof *v, by_x0);
    size_t k = 0;
    for (size_t i = 1; i < n; i++) {
        if (v[i].x0 <= v[k].x1) v[k].x1 = fmaxf(v[k].x1, v[i].x1);
        else v[++k] = v[i];
    }
    return k + 1;
}

/* Has line ln a segment that is not a number? */
static int has_words(const line *ln)
{
    for (size_t i = 0; i < ln->ns; i++) if (!ln->s[i].num) return 1;
    return 0;
}

static int has_number(const line *ln)
{
    for (size_t i = 0; i < ln->ns; i++) if (ln->s[i].num) return 1;
    return 0;
}

typedef struct tab {
    span *col; size_t ncol;   /* value columns */
    float label_r;            /* the label area ends here */
    span *lab; size_t nlab;   /* label sub-columns (left edges) */
} tab;

static void value_columns(lay *y, size_t b, size_t e, tab *t)
{
    span *v = NULL;
    size_t n = 0;
    for (size_t i = b; i < e; i++)
        for (size_t k = 0; k < y->l[i].ns && !y->l[i].drop; k++)
            if (y->l[i].s[k].num && (k > 0 || y->l[i].ns == 1)) {
                span s = {y->l[i].s[k].x0, y->l[i].s[k].x1};
                ARRAY_PUSH(y->c->a, v, n, s);
            }
    t->ncol = merge_spans(v, n);
    t->col = v;
    t->label_r = t->ncol ? t->col[0].x0 : 1e30f;
}

static int column_of(const tab *t, const seg *s)
{
    float mid = (s->x0 + s->x1) / 2;
    int best = -1;
    float bd = 1e30f;
    for (size_t k = 0; k < t->ncol; k++) {
        float d = mid < t->col[k].x0 ? t->col[k].x0 - mid : mid > t->col[k].x1 ? mid - t->col[k].x1 : 0;
        if (d < bd) { bd = d; best = (int)k; }
    }
    return best;
}

static int label_only(const tab *t, const line *ln)
{
    for (size_t k = 0; k < ln->ns; k++) if (ln->s[k].x1 > t->label_r) return 0;
    return 1;
}

static int row_line(const tab *t, const line *ln)
{
    if (!t->ncol || !has_number(ln)) return 0;
    for (size_t k = 0; k < ln->ns; k++) if (ln->s[k].x0 >= t->label_r && !ln->s[k].num) return 0;
    return 1;
}

/* The row a label line i belongs to: the nearer row line on its page
 * (no header line between), or SIZE_MAX. */
static size_t owner(const lay *y, const tab *t, size_t b, size_t e, size_t i)
{
    size_t up = SIZE_MAX, dn = SIZE_MAX;
    for (size_t k = i; k-- > b && y->l[k].page == y->l[i].page;) {
        if (y->l[k].drop) continue;
        if (row_line(t, &y->l[k])) { up = k; break; }
        if (!label_only(t, &y->l[k])) break;
    }
    for (size_t k = i + 1; k < e && y->l[k].page == y->l[i].page; k++) {
        if (y->l[k].drop) continue;
        if (row_line(t, &y->l[k])) { dn = k; break; }
        if (!label_only(t, &y->l[k])) break;
    }
    if (up == SIZE_MAX) return dn;
    if (dn == SIZE_MAX) return up;
    return y->l[i].ym - y->l[up].ym < y->l[dn].ym - y->l[i].ym ? up : dn;
}

static void put_cell(lay *y, const char *t)
{
    for (const char *p = t; *p; p++) {
        if (*p == '|') buf_puts(&y->out, "\xEF\xBD\x9C");   /* ｜: a bar in a cell is not a border */
        else buf_putc(&y->out, *p);
    }
    buf_puts(&y->out, " | ");
}

static void end_row(lay *y)
{
    if (y->out.n >= 1 && y->out.p[y->out.n - 1] == ' ') y->out.n--;
    buf_putc(&y->out, '\n');
}

static void write_plain_row(lay *y, const line *ln)
{
    for (size_t k = 0; k < ln->ns; k++) put_cell(y, ln->s[k].t);
    end_row(y);
}

/* The label sub-columns: left edges of the label segments, clustered. */
static void label_columns(lay *y, size_t b, size_t e, tab *t)
{
    span *v = NULL;
    size_t n = 0;
    for (size_t i = b; i < e; i++)
        for (size_t k = 0; k < y->l[i].ns && !y->l[i].drop; k++)
            if (y->l[i].s[k].x0 < t->label_r) {
                span s = {y->l[i].s[k].x0, y->l[i].s[k].x0 + y->l[i].h};
                ARRAY_PUSH(y->c->a, v, n, s);
            }
    t->nlab = merge_spans(v, n);
    t->lab = v;
}

static size_t label_col(const tab *t, float x0)
{
    size_t k = 0;
    while (k + 1 < t->nlab && t->lab[k + 1].x0 <= x0 + 0.01f) k++;
    return k;
}

static void append(gir_arena *a, const char **cell, const char *t)
{
    if (!*cell) { *cell = t; return; }
    size_t n = strlen(*cell);
    int sp = n && latin((unsigned char)(*cell)[n - 1]) && latin((unsigned char)t[0]);
    *cell = arena_printf(a, "%s%s%s", *cell, sp ? " " : "", t);
}

/* The label cells of the row whose lines are grp[0..n) (in y order). */
static const char **row_labels(lay *y, const tab *t, const size_t *grp, size_t n, size_t row)
{
    const char **lab = arena_alloc(y->c->a, (t->nlab + 1) * sizeof *lab);
    float deep = -1;               /* left edge of the row line's last label */
    for (size_t k = 0; k < y->l[row].ns; k++)
        if (y->l[row].s[k].x0 < t->label_r) deep = y->l[row].s[k].x0;
    for (size_t i = 0; i < n; i++) {
        const line *ln = &y->l[grp[i]];
        for (size_t k = 0; k < ln->ns; k++) {
            float x0 = ln->s[k].x0;
            if (x0 >= t->label_r) continue;
            /* a wrapped line of the row's own label, however it is aligned */
            if (grp[i] != row && deep >= 0 && x0 >= deep) x0 = deep;
            append(y->c->a, &lab[label_col(t, x0)], ln->s[k].t);
        }
    }
    return lab;
}

static const char **row_values(lay *y, const tab *t, const line *ln)
{
    const char **cells = arena_alloc(y->c->a, (t->ncol + 1) * sizeof *cells);
    for (size_t k = 0; k < ln->ns; k++)
        if (ln->s[k].x0 >= t->label_r) {
            int col = column_of(t, &ln->s[k]);
            if (col >= 0) append(y->c->a, &cells[col], ln->s[k].t);
        }
    return cells;
}

/* A label of one or two characters per row in one sub-column (text set
 * vertically, down a merged cell): joined, and given to the first row. */
static void vertical_labels(const tab *t, const char ***lab, size_t nrow, gir_arena *a)
{
    for (size_t col = 0; col + 1 < t->nlab; col++)
        for (size_t r = 0; r < nrow;) {
            size_t e = r;
            while (e < nrow && lab[e][col] && strlen(lab[e][col]) <= 6) e++;
            if (e - r >= 2) {
                for (size_t k = r + 1; k < e; k++) {
                    append(a, &lab[r][col], lab[k][col]);
                    lab[k][col] = NULL;
                }
            }
            r = e > r ? e : r + 1;
        }
}

/* The rows[0..nrow) of lines [b, e); own[k - b] is the row of line k. */
static void write_rows(lay *y, const tab *t, const size_t *rows, size_t nrow, const size_t *own, size_t b, size_t e)
{
    const char ***lab = arena_alloc(y->c->a, (nrow + 1) * sizeof *lab);
    size_t *grp = arena_alloc(y->c->a, (e - b + 1) * sizeof *grp);
    for (size_t r = 0; r < nrow; r++) {
        size_t n = 0;
        for (size_t k = b; k < e; k++) if (own[k - b] == rows[r]) grp[n++] = k;
        lab[r] = row_labels(y, t, grp, n, rows[r]);
    }
    vertical_labels(t, lab, nrow, y->c->a);
    for (size_t r = 0; r < nrow; r++) {
        for (size_t k = 0; k < t->nlab; k++) if (lab[r][k]) put_cell(y, lab[r][k]);
        const char **v = row_values(y, t, &y->l[rows[r]]);
        for (size_t k = 0; k < t->ncol; k++) put_cell(y, v[k] ? v[k] : "");
        end_row(y);
    }
}

/* A header block (lines [b, e) with words in the value columns): the
 * words over one column are joined down the column; the words over
 * several (a merged header cell) make a row of their own, above. */
static void write_header(lay *y, const tab *t, size_t b, size_t e)
{
    const char **col = arena_alloc(y->c->a, (t->ncol + 1) * sizeof *col);
    const char *left = NULL;
    int spans = 0;
    for (size_t i = b; i < e; i++) {
        const line *ln = &y->l[i];
        for (size_t k = 0; k < ln->ns && !ln->drop; k++) {
            const seg *s = &ln->s[k];
            if (s->x1 <= t->label_r) { append(y->c->a, &left, s->t); continue; }
            size_t over = 0;
            for (size_t c = 0; c < t->ncol; c++) over += s->x0 < t->col[c].x1 && s->x1 > t->col[c].x0;
            if (over <= 1) { int c = column_of(t, s); if (c >= 0) append(y->c->a, &col[c], s->t); continue; }
            put_cell(y, s->t);
            spans = 1;
        }
    }
    if (spans) end_row(y);
    if (left) put_cell(y, left);
    for (size_t c = 0; c < t->ncol; c++) if (col[c]) put_cell(y, col[c]);
    end_row(y);
}

/* A caption inside a table: one segment, centred on the table. */
static int caption(const lay *y, size_t b, size_t e, const line *ln)
{
    if (ln->ns != 1) return 0;
    float l, r;
    page_width(y, b, e, &l, &r);
    float mid = (ln->x0 + ln->x1) / 2;
    return ln->x0 > l + 2 * ln->h && fabsf(mid - (l + r) / 2) < 2 * ln->h;
}

static void write_block(lay *y, size_t b, size_t e)
{
    tab t = {0};
    value_columns(y, b, e, &t);
    if (!t.ncol) {
        for (size_t i = b; i < e; i++) if (!y->l[i].drop) write_plain_row(y, &y->l[i]);
        return;
    }
    label_columns(y, b, e, &t);
    size_t *own = arena_alloc(y->c->a, (e - b + 1) * sizeof *own);
    for (size_t i = b; i < e; i++) {
        const line *ln = &y->l[i];
        own[i - b] = SIZE_MAX;
        if (ln->drop) continue;
        if (row_line(&t, ln)) own[i - b] = i;
        else if (label_only(&t, ln)) own[i - b] = owner(y, &t, b, e, i);
    }
    size_t *rows = arena_alloc(y->c->a, (e - b + 1) * sizeof *rows);
    for (size_t i = b; i < e;) {
        if (y->l[i].drop || (own[i - b] != SIZE_MAX && own[i - b] != i)) { i++; continue; }
        size_t j = i, nrow = 0;
        if (own[i - b] == SIZE_MAX) {
            while (j < e && (y->l[j].drop || own[j - b] == SIZE_MAX)) j++;
            write_header(y, &t, i, j);
            i = j;
            continue;
        }
        for (; j < e && !(own[j - b] == SIZE_MAX && !y->l[j].drop); j++) if (own[j - b] == j) rows[nrow++] = j;
        write_rows(y, &t, rows, nrow, own + (i - b), i, j);
        i = j;
    }
}

/* How many values a line of numbers holds (0: not such a line). */
static size_t nvalues(const line *ln)
{
    size_t n = 0;
    for (size_t k = 0; k < ln->ns; k++) n += ln->s[k].num && (k > 0 || !has_words(ln));
    return n;
}

/* Writes [b, e) as blocks of one shape: a line of numbers holding another
 * count of values than the one before starts a new block (two tables
 * run together), from the first line after the earlier row that is not
 * close below it (a wrapped label stays with its row). */
static void write_shapes(lay *y, size_t b, size_t e)
{
    size_t s = b, prev = SIZE_MAX;
    for (size_t i = b; i < e; i++) {
        size_t n = y->l[i].drop ? 0 : nvalues(&y->l[i]);
        if (!n) continue;
        if (prev != SIZE_MAX && n != nvalues(&y->l[prev])) {
            size_t cut = prev + 1;
            while (cut < i && (y->l[cut].drop || y->l[cut].y0 - y->l[cut - 1].y1 < 0.6f * y->l[cut].h)) cut++;
            if (cut > s) write_block(y, s, cut);
            s = cut;
        }
        prev = i;
    }
    if (e > s) write_block(y, s, e);
}

static void write_table(lay *y, size_t b, size_t e)
{
    size_t pb = b;
    while (pb > 0 && y->l[pb - 1].page == y->l[b].page) pb--;
    size_t pe = e;
    while (pe < y->nl && y->l[pe].page == y->l[b].page) pe++;
    size_t s = b;
    for (size_t i = b; i < e; i++) {
        if (y->l[i].drop || !caption(y, pb, pe, &y->l[i])) continue;
        if (i > s) write_shapes(y, s, i);
        write_plain_row(y, &y->l[i]);
        s = i + 1;
    }
    if (e > s) write_shapes(y, s, e);
}

/* ---- prose ---- */

static void write_prose(lay *y, size_t i, float left, float right, int *open)
{
    const line *ln = &y->l[i];
    float em = ln->h;
    int indented = ln->x0 > left + 0.8f * em;
    if (*open && indented) { buf_putc(&y->out, '\n'); *open = 0; }
    if (*open && y->out.n && latin((unsigned char)y->out.p[y->out.n - 1]) && latin((unsigned char)ln->s[0].t[0])) buf_putc(&y->out, ' ');
    for (size_t k = 0; k < ln->ns; k++) {
        if (k) buf_putc(&y->out, ' ');
        buf_puts(&y->out, ln->s[k].t);
    }
    *open = ln->x1 >= right - 1.5f * em;
    if (!*open) buf_putc(&y->out, '\n');
}

static void write_all(lay *y)
{
    int open = 0;
    for (size_t i = 0; i < y->nl;) {
        size_t pe = i;
        while (pe < y->nl && y->l[pe].page == y->l[i].page) pe++;
        float left, right;
        page_width(y, i, pe, &left, &right);
        size_t prev = SIZE_MAX;       /* the line above on this page */
        for (; i < pe; i++) {
            if (y->l[i].drop) continue;
            if (y->text && prev != SIZE_MAX && y->l[i].y0 - y->l[prev].y1 > 0.8f * y->l[i].h) {
                /* an empty line of the copy (a text copy can mean an empty cell by one) */
                if (open) { buf_putc(&y->out, '\n'); open = 0; }
                buf_putc(&y->out, '\n');
            }
            prev = i;
            if (!y->l[i].table) { write_prose(y, i, left, right, &open); continue; }
            if (open) { buf_putc(&y->out, '\n'); open = 0; }
            size_t e = i;
            while (e < pe && (y->l[e].table == y->l[i].table || y->l[e].drop)) e++;
            imp_range rg = {(uint32_t)y->out.n, 0};
            write_table(y, i, e);
            rg.e = (uint32_t)y->out.n;
            imp_work *w = &y->c->w;
            if (w->ntables && w->tables[w->ntables - 1].e == rg.b) w->tables[w->ntables - 1].e = rg.e;
            else ARRAY_PUSH(y->c->a, w->tables, w->ntables, rg);
            i = e - 1;
        }
    }
    if (open) buf_putc(&y->out, '\n');
}

/* A PDF printed from a text copy whose cells are separated by "|": its
 * lines are the copy's lines, read as text (no table geometry). */
static int text_copy(const lay *y)
{
    size_t n = 0;
    for (size_t i = 0; i < y->nl; i++) {
        int bars = 0;
        for (size_t k = 0; k < y->l[i].ns; k++) bars += strchr(y->l[i].s[k].t, '|') != NULL;
        n += bars > 0;
    }
    return n >= 8;
}

void pdf_layout(imp_ctx *c, const pdf_page *pg, size_t npg)
{
    lay y = {0};
    y.c = c;
    buf_init(&y.out, c->a);
    for (size_t p = 0; p < npg; p++) page_lines(&y, &pg[p], (int)p);
    drop_running(&y, npg);
    int ntab = 0;
    for (size_t b = text_copy(&y) ? y.nl : 0; b < y.nl;) {
        size_t e = b;
        while (e < y.nl && y.l[e].page == y.l[b].page) e++;
        page_tables(&y, b, e, &ntab);
        b = e;
    }
    y.text = text_copy(&y) || !ntab;
    write_all(&y);
    c->w.s = (char *)buf_cstr(&y.out);
    c->w.n = (uint32_t)y.out.n;
    c->w.html = !y.text;
}

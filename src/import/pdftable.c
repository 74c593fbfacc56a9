/* pdftable.c - one table of a PDF page to rows of the working text
 * (pdfline.h). The value columns are the x ranges of the numbers of the
 * rows that hold numbers (overlapping ranges merged, and neighbours no
 * line has numbers in both of joined): what lies left of them is the
 * label area, whose sub-columns are the left edges of the labels (a list
 * number "1." with words after it is a label; a centred label's next
 * line keeps the column of the line it is centred under). A number
 * wrapped onto the lines around its row's line is joined into that row.
 * Every line with numbers is a row (values a little above or below a
 * row whose other values are in other columns join it); a line
 * of labels only belongs to the nearer row above or below it on its page
 * (to the row below when that row has no label on its line and the row
 * above's label is complete around its own line),
 * reached through lines that follow each other closely (a label that
 * wraps inside its cell), a wrapped line of a row's own label joins that
 * label however it is aligned, and text set vertically down a merged cell
 * (a character or two a row) is joined and given to the first row. A
 * block of lines with words in the value columns is a header: words over
 * one column are joined down it, a header over several columns is a row
 * of its own. A caption (one segment centred on the table) is a row of
 * its own; a line of numbers holding another count of values than the
 * row before starts a new block with its own columns. Rows are written
 * "cell | cell | … |", a value column without a number as an empty cell,
 * so values keep their columns. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "base/array.h"
#include "pdfline.h"

#define CUT_VALUES 3        /* a row of this many values may have a number cut at its cell's foot */
#define CUT_TOL 0.1f        /* a number this many heights narrower than its column fills it */
#define GLUED_DIGIT 0.6f    /* a digit is at most this many heights wide */
#define SPREAD_CHARS 2      /* a justified line of a label cell this many characters wide */
#define SPREAD_GAP 1.2f     /* spreads them at most this many heights apart */
#define SPREAD_SKIP 2       /* lines looked past for the next line of such a cell */
#define SPREAD_TOL 0.3f     /* edges this many heights apart are one */
#define CELL_GAP 0.8f       /* lines further apart than this many heights are not one cell */

void pdf_page_width(const lay *y, size_t b, size_t e, float *l, float *r)
{
    *l = 1e30f;
    *r = 0;
    for (size_t i = b; i < e; i++) {
        if (y->l[i].drop) continue;
        *l = fminf(*l, y->l[i].x0);
        *r = fmaxf(*r, y->l[i].x1);
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

/* Is segment k of ln a value (a number, not the first segment of a line
 * with words)? */
static int value_seg(const line *ln, size_t k)
{
    return ln->s[k].num && (k > 0 || ln->ns == 1);
}

/* The span of v[0..n) (sorted, disjoint) holding x, or n. */
static size_t span_at(const span *v, size_t n, float x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if (v[m].x0 <= x) lo = m + 1;
        else hi = m;
    }
    return lo && x <= v[lo - 1].x1 ? lo - 1 : n;
}

/* Joins neighbouring value columns that no line has numbers in both of,
 * less than a line height apart: one column whose numbers are set a
 * little otherwise in some rows (a narrow cell, a number wider than the
 * others). A table with a row of every column keeps its columns apart
 * however close they are. Returns the count of columns left. */
static size_t join_columns(lay *y, size_t b, size_t e, span *v, size_t n)
{
    if (n < 2) return n;
    /* before[c]: the highest column left of c in a line holding a value in c */
    long *before = arena_alloc(y->c->a, n * sizeof *before);
    for (size_t c = 0; c < n; c++) before[c] = -1;
    float h = 0;
    for (size_t i = b; i < e; i++) {
        const line *ln = &y->l[i];
        long prev = -1;
        for (size_t k = 0; k < ln->ns && !ln->drop; k++) {
            if (!ln->s[k].num) continue;
            size_t c = span_at(v, n, ln->s[k].x0);
            if (c == n) continue;
            if (prev >= 0 && prev < (long)c && prev > before[c]) before[c] = prev;
            if (prev < (long)c) prev = (long)c;
            h = fmaxf(h, ln->h);
        }
    }
    size_t k = 0;
    long group = 0;               /* the first old column of v[k] */
    for (size_t c = 1; c < n; c++) {
        if (before[c] < group && v[c].x0 - v[k].x1 < h) { v[k].x1 = fmaxf(v[k].x1, v[c].x1); continue; }
        v[++k] = v[c];
        group = (long)c;
    }
    return k + 1;
}

static void value_columns(lay *y, size_t b, size_t e, tab *t)
{
    span *v = NULL;
    size_t n = 0;
    for (size_t i = b; i < e; i++)
        for (size_t k = 0; k < y->l[i].ns && !y->l[i].drop; k++)
            if (value_seg(&y->l[i], k)) {
                span s = {y->l[i].s[k].x0, y->l[i].s[k].x1};
                ARRAY_PUSH(y->c->a, v, n, s);
            }
    t->ncol = join_columns(y, b, e, v, merge_spans(v, n));
    t->col = v;
    t->label_r = t->ncol ? t->col[0].x0 : 1e30f;
}

/* The value column nearest the middle of s (columns are sorted and
 * apart: a binary search), or -1. */
static int column_of(const tab *t, const seg *s)
{
    float mid = (s->x0 + s->x1) / 2;
    size_t lo = 0, hi = t->ncol;          /* lo: how many columns start at or left of mid */
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if (t->col[m].x0 <= mid) lo = m + 1;
        else hi = m;
    }
    if (lo == 0) return t->ncol ? 0 : -1;
    float left = mid > t->col[lo - 1].x1 ? mid - t->col[lo - 1].x1 : 0;
    return lo < t->ncol && t->col[lo].x0 - mid < left ? (int)lo : (int)lo - 1;
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

/* A line "四、…" of one segment: below a table's last row, the next
 * part's heading rather than a wrapped label. */
static int numbered_heading(const line *ln)
{
    static const char *const nums[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL};
    if (ln->ns != 1) return 0;
    const char *t = ln->s[0].t;
    size_t k = 0;
    while (nums[k] && strncmp(t, nums[k], 3) != 0) k++;
    return nums[k] && strncmp(t + 3, "、", 3) == 0;
}

/* A ruling line between lines a and b over the label of line i: they
 * are not one cell. */
static int ruled(const lay *y, size_t a, size_t b, size_t i)
{
    const seg *s = &y->l[i].s[0];
    return pdf_ruled_apart(y, &y->l[a], &y->l[b], (s->x0 + s->x1) / 2);
}

/* The label sub-column holding left edge x0 (the last one starting at
 * or left of it: a binary search). */
static size_t label_col(const tab *t, float x0)
{
    size_t lo = 1, hi = t->nlab;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if (t->lab[m].x0 <= x0 + 0.01f) lo = m + 1;
        else hi = m;
    }
    return lo - 1;
}

/* Has row line r a label segment in a label column where line ln has
 * one? (The columns of a line's segments go left to right: one pass.) */
static int labelled_like(const tab *t, const line *r, const line *ln)
{
    size_t k = 0, j = 0;
    while (k < r->ns && j < ln->ns && r->s[k].x0 < t->label_r && ln->s[j].x0 < t->label_r) {
        size_t a = label_col(t, r->s[k].x0), c = label_col(t, ln->s[j].x0);
        if (a == c) return 1;
        if (a < c) k++;
        else j++;
    }
    return 0;
}

#define CELL_LINES 64          /* the most lines of one cell counted around its row */

/* How many lines next to row line r (d = -1: above it, +1: below it,
 * down to line i), given to r in own[k - b], have a label in a label
 * column of line i. */
static size_t label_lines(const lay *y, const tab *t, const size_t *own, size_t b, size_t r, size_t i, int d)
{
    size_t n = 0;
    for (size_t k = r, m = 0; m < CELL_LINES && (d > 0 ? k + 1 < i : k > b); m++) {
        k = d > 0 ? k + 1 : k - 1;
        if (y->l[k].drop) continue;
        if (own[k - b] != r) break;
        n += labelled_like(t, &y->l[k], &y->l[i]);
    }
    return n;
}

/* The row a label line i belongs to: the nearer row line on its page
 * (no header line between), or SIZE_MAX; own[k - b] is the row of
 * each line k < i. */
static size_t owner(const lay *y, const tab *t, size_t b, size_t e, size_t i, const size_t *own)
{
    size_t up = SIZE_MAX, dn = SIZE_MAX, last = i;
    /* lines of one cell follow each other closely: a wider gap is another row, or a heading */
    for (size_t k = i; k-- > b && y->l[k].page == y->l[i].page;) {
        if (y->l[k].drop) continue;
        if (y->l[last].y0 - y->l[k].y1 > CELL_GAP * y->l[i].h || ruled(y, k, last, i)) break;
        last = k;
        if (row_line(t, &y->l[k])) { up = k; break; }
        if (!label_only(t, &y->l[k])) break;
    }
    last = i;
    for (size_t k = i + 1; k < e && y->l[k].page == y->l[i].page; k++) {
        if (y->l[k].drop) continue;
        if (y->l[k].y0 - y->l[last].y1 > CELL_GAP * y->l[i].h || ruled(y, last, k, i)) break;
        last = k;
        if (row_line(t, &y->l[k])) { dn = k; break; }
        if (!label_only(t, &y->l[k])) break;
    }
    if (up == SIZE_MAX) return dn;
    if (dn == SIZE_MAX) return numbered_heading(&y->l[i]) ? SIZE_MAX : up;
    /* the row below has no label on its line, the row above has one
     * where this line has, with as many lines of it below its line as
     * above (a label centred on its row's line, complete): the row
     * below's label is set around its line, and this line is its first */
    if (labelled_like(t, &y->l[up], &y->l[i]) && y->l[dn].s[0].x0 >= t->label_r
        && label_lines(y, t, own, b, up, i, 1) >= label_lines(y, t, own, b, up, i, -1)) return dn;
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

static void append(gir_arena *a, const char **cell, const char *t)
{
    if (!*cell) { *cell = t; return; }
    size_t n = strlen(*cell);
    int sp = n && pdf_latin((unsigned char)(*cell)[n - 1]) && pdf_latin((unsigned char)t[0]);
    *cell = arena_printf(a, "%s%s%s", *cell, sp ? " " : "", t);
}

/* Is s set centred under p (inside it, their middles less than half a
 * height apart): the next line of a centred label that wraps, whatever
 * its left edge? */
static int centred_under(const seg *s, const seg *p, float h)
{
    return s->x0 >= p->x0 - 0.01f && s->x1 <= p->x1 + 0.01f && fabsf((s->x0 + s->x1) - (p->x0 + p->x1)) < h;
}

/* The label cells of the row whose lines are grp[0..n) (in y order). */
static const char **row_labels(lay *y, const tab *t, const size_t *grp, size_t n, size_t row)
{
    const char **lab = arena_alloc(y->c->a, (t->nlab + 1) * sizeof *lab);
    float deep = -1;               /* left edge of the row line's last label */
    for (size_t k = 0; k < y->l[row].ns; k++)
        if (y->l[row].s[k].x0 < t->label_r) deep = y->l[row].s[k].x0;
    const line *pl = NULL;         /* the last line above with labels, and the label column of each of its segments */
    const size_t *pc = NULL;
    for (size_t i = 0; i < n; i++) {
        const line *ln = &y->l[grp[i]];
        size_t *cc = arena_alloc(y->c->a, (ln->ns + 1) * sizeof *cc);
        for (size_t k = 0; k < ln->ns; k++) {
            float x0 = ln->s[k].x0;
            if (x0 >= t->label_r) continue;
            /* a wrapped line of the row's own label, however it is aligned */
            if (grp[i] != row && deep >= 0 && x0 >= deep) x0 = deep;
            cc[k] = label_col(t, x0);
            for (size_t j = 0; pl && j < pl->ns; j++)
                if (pl->s[j].x0 < t->label_r && centred_under(&ln->s[k], &pl->s[j], ln->h)) cc[k] = pc[j];
            append(y->c->a, &lab[cc[k]], ln->s[k].t);
        }
        if (ln->ns && ln->s[0].x0 < t->label_r) { pl = ln; pc = cc; }
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
    pdf_page_width(y, b, e, &l, &r);
    float mid = (ln->x0 + ln->x1) / 2;
    return ln->x0 > l + 2 * ln->h && fabsf(mid - (l + r) / 2) < 2 * ln->h;
}

/* Are the values of lines a and b in different columns? (The columns
 * of a line's segments go left to right: one pass over both.) */
static int disjoint_values(const tab *t, const line *a, const line *b)
{
    size_t i = 0, k = 0;
    while (i < a->ns && k < b->ns) {
        if (a->s[i].x0 < t->label_r) { i++; continue; }
        if (b->s[k].x0 < t->label_r) { k++; continue; }
        int ca = column_of(t, &a->s[i]), cb = column_of(t, &b->s[k]);
        if (ca == cb) return 0;
        if (ca < cb) i++;
        else k++;
    }
    return 1;
}

/* A line of values only, a little above or below a row whose other
 * values are in other columns (a cell aligned otherwise): its values go
 * into that row, and the line is left out. */
static void merge_offset_values(lay *y, const tab *t, size_t b, size_t e)
{
    for (size_t i = b; i < e; i++) {
        line *ln = &y->l[i];
        if (ln->drop || !row_line(t, ln) || ln->s[0].x0 < t->label_r) continue;
        for (size_t d = 0; d < 2; d++) {
            size_t k = d ? i + 1 : i - 1;
            if ((d == 0 && i == b) || k >= e) continue;
            line *to = &y->l[k];
            if (to->drop || to->page != ln->page || !row_line(t, to) || fabsf(to->ym - ln->ym) > to->h) continue;
            if (!disjoint_values(t, ln, to)) continue;
            seg *v = NULL;
            size_t n = 0;
            size_t p = 0, q = 0;
            while (p < to->ns || q < ln->ns) {
                int take_to = q >= ln->ns || (p < to->ns && to->s[p].x0 <= ln->s[q].x0);
                ARRAY_PUSH(y->c->a, v, n, take_to ? to->s[p++] : ln->s[q++]);
            }
            to->s = v;
            to->ns = n;
            ln->drop = 1;
            break;
        }
    }
}

/* Digits only (with "." or ","): a piece of a number cut by its cell's wrap. */
static int digit_run(const char *t)
{
    if (!*t) return 0;
    for (; *t; t++) if (!((*t >= '0' && *t <= '9') || *t == '.' || *t == ',')) return 0;
    return 1;
}

/* The next line of [b, e) from i on the same page (d = +1 down, -1 up),
 * not dropped, or SIZE_MAX. */
static size_t next_line(const lay *y, size_t b, size_t e, size_t i, int d)
{
    for (size_t k = i; d > 0 ? k + 1 < e : k > b;) {
        k = d > 0 ? k + 1 : k - 1;
        if (y->l[k].page != y->l[i].page) return SIZE_MAX;
        if (!y->l[k].drop) return k;
    }
    return SIZE_MAX;
}

/* Are lines a (above) and b one cell's lines apart at most? */
static int close_below(const line *a, const line *b)
{
    return b->y0 - a->y1 < CELL_GAP * fminf(a->h, b->h);
}

/* Leaves out the segments of ln whose text is NULL (a line left empty
 * is dropped). */
static void compact(line *ln)
{
    size_t n = 0;
    for (size_t k = 0; k < ln->ns; k++) if (ln->s[k].t) ln->s[n++] = ln->s[k];
    ln->ns = n;
    if (!n) ln->drop = 1;
}

/* Merges the segments v[0..n) (sorted by x) into ln's, in x order. */
static void merge_segs(lay *y, line *ln, const seg *v, size_t n)
{
    seg *s = NULL;
    size_t ns = 0, p = 0, q = 0;
    while (p < ln->ns || q < n) {
        int mine = q >= n || (p < ln->ns && ln->s[p].x0 <= v[q].x0);
        ARRAY_PUSH(y->c->a, s, ns, mine ? ln->s[p++] : v[q++]);
    }
    ln->s = s;
    ln->ns = ns;
}

static int is_value(const tab *t, const seg *s)
{
    return s->num && s->x0 >= t->label_r;
}

/* Joins the digits of up and dn that are in one column (up's first) into
 * the row line m; both lines' columns go left to right, so one pass. */
static void join_wrapped(lay *y, const tab *t, line *up, line *m, line *dn)
{
    seg *v = NULL;
    size_t n = 0, j = 0;
    for (size_t k = 0; k < up->ns; k++) {
        seg *a = &up->s[k];
        if (!is_value(t, a) || !digit_run(a->t)) continue;
        int c = column_of(t, a);
        while (j < dn->ns && (!is_value(t, &dn->s[j]) || column_of(t, &dn->s[j]) < c)) j++;
        if (j == dn->ns) break;
        seg *d = &dn->s[j];
        if (column_of(t, d) != c || !digit_run(d->t)) continue;
        seg w = {fminf(a->x0, d->x0), fmaxf(a->x1, d->x1), arena_printf(y->c->a, "%s%s", a->t, d->t), 1};
        ARRAY_PUSH(y->c->a, v, n, w);
        a->t = NULL;
        d->t = NULL;
        j++;
    }
    if (!n) return;
    compact(up);
    compact(dn);
    merge_segs(y, m, v, n);
}

/* A number wrapped over two lines in a narrow cell, the row's other
 * cells set in the middle of the row: the row line m has no value in a
 * column where the lines right above and right below it (close, their
 * values all in columns m lacks) each hold digits. Those digits, the
 * upper ones first, are m's value there ("6" over "4" is 64). */
static void wrapped_numbers(lay *y, const tab *t, size_t b, size_t e)
{
    for (size_t i = b; i < e; i++) {
        line *m = &y->l[i];
        if (m->drop || !row_line(t, m)) continue;
        size_t u = next_line(y, b, e, i, -1), d = next_line(y, b, e, i, 1);
        if (u == SIZE_MAX || d == SIZE_MAX) continue;
        line *up = &y->l[u], *dn = &y->l[d];
        if (!has_number(up) || !has_number(dn) || !close_below(up, m) || !close_below(m, dn)) continue;
        if (!disjoint_values(t, up, m) || !disjoint_values(t, dn, m)) continue;
        join_wrapped(y, t, up, m, dn);
    }
}

/* The one value of ln (index of its segment), or SIZE_MAX when it has
 * none or more; *n counts them. */
static size_t sole_value(const tab *t, const line *ln, size_t *n)
{
    size_t v = SIZE_MAX;
    *n = 0;
    for (size_t k = 0; k < ln->ns; k++)
        if (is_value(t, &ln->s[k])) { v = k; ++*n; }
    return *n == 1 ? v : SIZE_MAX;
}

/* A number cut at the foot of its narrow cell: the row line m holds
 * values in CUT_VALUES columns or more, and the line close below it
 * holds one value only, digits, in a column where m holds digits as wide
 * as that column (its cell had no room for one more). The lower digits
 * go on m's ("2" over "2" is 22), and the lower line keeps its labels. */
static void cut_numbers(lay *y, const tab *t, size_t b, size_t e)
{
    for (size_t i = b; i < e; i++) {
        line *m = &y->l[i];
        if (m->drop || !row_line(t, m)) continue;
        size_t d = next_line(y, b, e, i, 1), nm, nd;
        if (d == SIZE_MAX || !close_below(m, &y->l[d]) || !row_line(t, &y->l[d])) continue;
        line *dn = &y->l[d];
        size_t k = sole_value(t, dn, &nd);
        sole_value(t, m, &nm);
        if (k == SIZE_MAX || nm < CUT_VALUES || !digit_run(dn->s[k].t)) continue;
        int c = column_of(t, &dn->s[k]);
        const span *col = &t->col[c];
        for (size_t j = 0; j < m->ns; j++) {
            seg *a = &m->s[j];
            if (!is_value(t, a) || column_of(t, a) != c || !digit_run(a->t)) continue;
            if (a->x1 - a->x0 < col->x1 - col->x0 - CUT_TOL * m->h) break;
            a->t = arena_printf(y->c->a, "%s%s", a->t, dn->s[k].t);
            a->x0 = fminf(a->x0, dn->s[k].x0);
            a->x1 = fmaxf(a->x1, dn->s[k].x1);
            dn->s[k].t = NULL;
            compact(dn);
            break;
        }
    }
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
        else if (label_only(&t, ln)) own[i - b] = owner(y, &t, b, e, i, own);
    }
    size_t *rows = arena_alloc(y->c->a, (e - b + 1) * sizeof *rows);
    for (size_t i = b; i < e;) {
        /* a line owned by an earlier row went with it; one owned by a later
         * row (the first line of a label above its values) starts its group */
        if (y->l[i].drop || (own[i - b] != SIZE_MAX && own[i - b] < i)) { i++; continue; }
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

/* A number ending in "." with words right after it on its line ("1." |
 * "属于…": a label wrapped in a narrow cell, its words set apart) is the
 * label's list number, not a value. */
static void list_numbers(lay *y, size_t b, size_t e)
{
    for (size_t i = b; i < e; i++) {
        line *ln = &y->l[i];
        for (size_t k = 0; k + 1 < ln->ns; k++) {
            size_t n = strlen(ln->s[k].t);
            if (ln->s[k].num && !ln->s[k + 1].num && n && ln->s[k].t[n - 1] == '.') ln->s[k].num = 0;
        }
    }
}

/* ---- cells set with no padding: a segment over two columns ---- */

/* A number with no space (a value no neighbour was glued to), not the
 * first segment of a line with words. */
static int clean_value(const line *ln, size_t k)
{
    return ln->s[k].num && !strchr(ln->s[k].t, ' ') && (k > 0 || !has_words(ln));
}

/* The columns of the clean values of [b, e), in *n. */
static span *clean_columns(lay *y, size_t b, size_t e, size_t *n)
{
    span *v = NULL;
    *n = 0;
    for (size_t i = b; i < e; i++)
        for (size_t k = 0; k < y->l[i].ns && !y->l[i].drop; k++)
            if (clean_value(&y->l[i], k)) {
                span s = {y->l[i].s[k].x0, y->l[i].s[k].x1};
                ARRAY_PUSH(y->c->a, v, *n, s);
            }
    *n = merge_spans(v, *n);
    return v;
}

/* The first of the spans v[0..n) (sorted, disjoint: their ends rise
 * too) that overlaps [x0, x1], or n (a binary search). */
static size_t first_over(const span *v, size_t n, float x0, float x1)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if (v[m].x1 <= x0) lo = m + 1;
        else hi = m;
    }
    return lo < n && v[lo].x0 < x1 ? lo : n;
}

/* The start of the digits (ASCII, with "." and ",") ending t after a
 * character that is not ASCII (a CJK label glued to its value), or NULL. */
static const char *glued_digits(const char *t)
{
    size_t n = strlen(t), k = n;
    while (k && ((t[k - 1] >= '0' && t[k - 1] <= '9') || t[k - 1] == '.' || t[k - 1] == ','))
        k--;
    if (k == n || k == 0 || (unsigned char)t[k - 1] < 0x80 || t[k] < '0' || t[k] > '9') return NULL;
    return t + k;
}

/* Segment s of ln cut into pieces: the new segments v[0..n) in its place. */
static void replace_seg(lay *y, line *ln, size_t k, const seg *v, size_t n)
{
    seg *s = NULL;
    size_t ns = 0;
    for (size_t j = 0; j < ln->ns; j++) {
        if (j != k) { ARRAY_PUSH(y->c->a, s, ns, ln->s[j]); continue; }
        for (size_t q = 0; q < n; q++) ARRAY_PUSH(y->c->a, s, ns, v[q]);
    }
    ln->s = s;
    ln->ns = ns;
}

/* Is t digits in groups of one space ("0 0", "27 0 0"), no other sign? */
static int spaced_digits(const char *t)
{
    for (const char *p = t; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p == ' ' && p > t && p[1] >= '0' && p[1] <= '9' && p[-1] != ' '))) return 0;
    return 1;
}

/* Numbers cut only by spaces ("0 0"): one value per column, from the
 * column the segment starts in, or (when it starts in no column: its
 * first value set off to the right) back from the one it ends in. */
static size_t split_values(lay *y, line *ln, size_t k, const span *col, size_t ncol)
{
    seg *s = &ln->s[k];
    size_t parts = 1;
    for (const char *p = s->t; *p; p++) parts += *p == ' ';
    if (parts < 2 || !spaced_digits(s->t)) return 1;
    size_t cl = span_at(col, ncol, s->x0), cr = span_at(col, ncol, s->x1), first;
    if (cl < ncol && cl + parts - 1 < ncol && (cr == ncol || cr == cl + parts - 1)) first = cl;
    else if (cl == ncol && cr < ncol && cr + 1 >= parts) first = cr + 1 - parts;
    else return 1;
    seg *v = arena_alloc(y->c->a, parts * sizeof *v);
    const char *p = s->t;
    for (size_t q = 0; q < parts; q++) {
        const char *sp = strchr(p, ' ');
        size_t len = sp ? (size_t)(sp - p) : strlen(p);
        v[q] = (seg){col[first + q].x0, col[first + q].x1, arena_strndup(y->c->a, p, len), 0};
        v[q].num = pdf_numeric(v[q].t);
        p += len + (sp != NULL);
    }
    replace_seg(y, ln, k, v, parts);
    return parts;
}

/* A label glued to its value ("行政法规禁0"): a segment of words that
 * starts left of the value columns, ends over one, and ends in digits
 * after a CJK character: the digits are the value, set at the segment's
 * right end (GLUED_DIGIT heights a digit). */
static size_t split_label(lay *y, line *ln, size_t k, const span *col, size_t ncol)
{
    seg *s = &ln->s[k];
    const char *d = glued_digits(s->t);
    if (!d || s->num || s->x0 >= col[0].x0) return 1;
    float dx = s->x1 - GLUED_DIGIT * ln->h * (float)strlen(d);
    size_t first = first_over(col, ncol, dx, s->x1);
    if (first == ncol) return 1;
    float x = fmaxf(col[first].x0, dx);
    seg v[2] = {{s->x0, x, arena_strndup(y->c->a, s->t, (size_t)(d - s->t)), 0}, {x, s->x1, arena_strndup(y->c->a, d, strlen(d)), 0}};
    v[1].num = pdf_numeric(v[1].t);
    replace_seg(y, ln, k, v, 2);
    return 2;
}

/* Cells set with no padding: a segment that the gaps did not cut runs
 * over two cells. Numbers cut by spaces are one value each (a table's
 * values have no spaces); a label that ends in digits over a column of
 * the values set apart in other rows gives them to that column. */
static void split_glued(lay *y, size_t b, size_t e)
{
    size_t ncol;
    span *col = clean_columns(y, b, e, &ncol);
    if (!ncol) return;
    for (size_t i = b; i < e; i++) {
        line *ln = &y->l[i];
        for (size_t k = 0; k < ln->ns && !ln->drop;) {
            if (ln->s[k].num && strchr(ln->s[k].t, ' ')) k += split_values(y, ln, k, col, ncol);
            else if (!ln->s[k].num) k += split_label(y, ln, k, col, ncol);
            else k++;
        }
    }
}

/* ---- labels justified in a narrow cell: characters spread ---- */

/* How many characters t has. */
static size_t chars(const char *t)
{
    size_t n = 0;
    for (; *t; t++) n += ((unsigned char)*t & 0xC0) != 0x80;
    return n;
}

/* The first segment of o (sorted, apart: their ends rise too) whose
 * start (end: 1) is after x, or o->ns (a binary search). */
static size_t seg_after(const line *o, float x, int end)
{
    size_t lo = 0, hi = o->ns;
    while (lo < hi) {
        size_t m = lo + (hi - lo) / 2;
        if ((end ? o->s[m].x1 : o->s[m].x0) <= x) lo = m + 1;
        else hi = m;
    }
    return lo;
}

/* Has o a segment starting at x0 and one ending at x1 (within tol)? */
static int same_edges(const line *o, float x0, float x1, float tol)
{
    size_t l = seg_after(o, x0 - tol, 0), r = seg_after(o, x1 - tol, 1);
    return l < o->ns && o->s[l].x0 < x0 + tol && r < o->ns && o->s[r].x1 < x1 + tol;
}

/* Has o a segment over [x0, x1]? */
static int holds_over(const line *o, float x0, float x1)
{
    size_t k = seg_after(o, x0, 1);
    return k < o->ns && o->s[k].x0 < x1;
}

/* Is the next line of the cell [x0, x1] from line i of [b, e) in
 * direction d (past at most SPREAD_SKIP lines with nothing in it: a row's
 * values, another column's label) close and justified like i? */
static int justified_near(const lay *y, size_t b, size_t e, size_t i, int d, float x0, float x1)
{
    const line *ln = &y->l[i];
    size_t j = i;
    for (int skip = 0; skip <= SPREAD_SKIP; skip++) {
        size_t prev = j;
        j = next_line(y, b, e, j, d);
        if (j == SIZE_MAX) return 0;
        const line *o = &y->l[j];
        if (!close_below(d > 0 ? &y->l[prev] : o, d > 0 ? o : &y->l[prev]) && !(o->y0 < y->l[prev].y1 && y->l[prev].y0 < o->y1))
            return 0;
        if (holds_over(o, x0, x1)) return same_edges(o, x0, x1, SPREAD_TOL * ln->h);
    }
    return 0;
}

/* A label justified in a cell two characters wide: Chromium spreads the
 * characters over the cell ("1.  属" / "于  国" / "家  秘" / "密"), so
 * each line is cut in two. Two label segments of SPREAD_CHARS characters
 * at most, less than SPREAD_GAP heights apart, on a line next to
 * another with the same left and right edges (the cell's other lines),
 * are one segment: the label reads line by line. */
static void spread_labels(lay *y, const tab *t, size_t b, size_t e)
{
    for (size_t i = b; i < e; i++) {
        line *ln = &y->l[i];
        for (size_t k = 0; k + 1 < ln->ns && !ln->drop; k++) {
            seg *a = &ln->s[k], *z = &ln->s[k + 1];
            if (a->num || z->num || z->x1 > t->label_r || chars(a->t) > SPREAD_CHARS || chars(z->t) > SPREAD_CHARS) continue;
            if (z->x0 - a->x1 > SPREAD_GAP * ln->h) continue;
            if (!justified_near(y, b, e, i, -1, a->x0, z->x1) && !justified_near(y, b, e, i, 1, a->x0, z->x1)) continue;
            a->t = arena_printf(y->c->a, "%s%s", a->t, z->t);
            a->x1 = z->x1;
            z->t = NULL;
            compact(ln);
        }
    }
}

void pdf_write_table(lay *y, size_t b, size_t e)
{
    list_numbers(y, b, e);
    split_glued(y, b, e);
    tab all = {0};
    value_columns(y, b, e, &all);
    spread_labels(y, &all, b, e);
    wrapped_numbers(y, &all, b, e);
    cut_numbers(y, &all, b, e);
    merge_offset_values(y, &all, b, e);
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


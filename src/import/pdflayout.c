/* pdflayout.c - positioned characters to the working text (pdflayout.h).
 * Per page: on a ruled page the characters of a row band with a wrapped
 * cell are first made one line of its cells (pdfgrid.c); the others are
 * sorted by the middle of their box and swept
 * into lines (a character joins the line whose first character's middle
 * is within 0.45 of the larger height); a line is cut into segments where
 * the gap between two characters is wider than SEG_GAP heights, but a
 * justified prose line next to prose is not cut at its stretched spaces.
 * Running headers and footers (the same text, digits aside, at the same
 * height on most pages) and page numbers ("— 5 —", "-3-", "第 3 页",
 * "3/12"; digits alone only away from the left margin) are dropped. A
 * table is a run of lines with two segments or more, with the lines
 * between them; a prose line (as wide as the text) or a heading at the
 * margin beside an indented table ends it, and a wrapped label or value
 * right above or below its rows belongs to it. pdftable.c writes each
 * table's rows; a table that goes on over a page break stays one table.
 * Prose lines are joined into paragraphs (a line that reaches the right
 * margin goes on with the next one unless that one is indented). A PDF
 * printed from a text copy with "|" between cells, or one with no table
 * holding values, is read as text: its lines as they are, its empty lines
 * kept. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "base/array.h"
#include "base/utf8.h"
#include "pdflayout.h"

#define SEG_GAP PDF_SEG_GAP
#define RULE_LEN 1.2f        /* a ruling line cuts a line when longer than this many heights */
#define LINE_TOL 0.25f       /* middles further apart than this many heights are two lines */
#define SPACE_GAP PDF_SPACE_GAP
#define PROSE_WIDTH 0.6f    /* a one-segment line this wide (of the text width) is prose */
#define FLOW_GAP 0.8f       /* a gap no wider than this many heights is one space of flowed text */
#define WANT_VALUED 2       /* a page with this many lines of cells holding a number is rendered for its rules */
#define WANT_WIDE 3         /* and so is one with this many lines of three cells or more, or one line of
                               this many cells of which WANT_VALUED hold a number */
#define STACK_SCAN 4        /* lines looked at either way for the labels wrapped around a value */
#define EDGE_LINES 2        /* lines at the top and bottom of a page tested as running text */

#include "pdfline.h"

int pdf_ch_by_middle(const void *a, const void *b)
{
    const pdf_ch *p = a, *q = b;
    float ya = p->y0 + p->y1, yb = q->y0 + q->y1;
    if (ya != yb) return ya < yb ? -1 : 1;
    return p->x0 < q->x0 ? -1 : p->x0 > q->x0;
}

int pdf_ch_by_x(const void *a, const void *b)
{
    const pdf_ch *p = a, *q = b;
    return p->x0 < q->x0 ? -1 : p->x0 > q->x0;
}

/* A value: digits with , . % - + and spaces, optionally after 增 or 减
 * and before a unit (元 万元 件 个 条 笔 次 项). */
int pdf_numeric(const char *t)
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

void pdf_put_cp(gir_buf *b, uint32_t cp)
{
    char u[4];
    int k = utf8_encode(cp, u);
    buf_put(b, u, (size_t)k);
}

/* Cuts the characters ch[0..n) of one line (sorted by x) into segments. */
static void segments(lay *y, line *ln, const pdf_ch *ch, size_t n)
{
    gir_buf b;
    buf_init(&b, y->c->a);
    seg cur = {0};
    for (size_t i = 0; i < n; i++) {
        const pdf_ch *p = &ch[i];
        float gap = i ? p->x0 - ch[i - 1].x1 : 0;
        /* a ruling line between two characters: two cells, however close */
        int ruled = i && y->pg && pdf_rule_between(y->pg->vr, y->pg->nvr, (ch[i - 1].x0 + ch[i - 1].x1) / 2, (p->x0 + p->x1) / 2, ln->ym, RULE_LEN * ln->h);
        if (i && (gap > SEG_GAP * ln->h || ruled)) {
            cur.t = arena_strndup(y->c->a, b.p, b.n);
            cur.num = pdf_numeric(cur.t);
            ARRAY_PUSH(y->c->a, ln->s, ln->ns, cur);
            b.n = 0;
        }
        if (b.n == 0) cur.x0 = p->x0;
        else if (gap > SPACE_GAP * ln->h && pdf_latin(p->cp) && pdf_latin(ch[i - 1].cp)) buf_putc(&b, ' ');
        pdf_put_cp(&b, p->cp);
        cur.x1 = p->x1;
    }
    cur.t = arena_strndup(y->c->a, b.p ? b.p : "", b.n);
    cur.num = pdf_numeric(cur.t);
    ARRAY_PUSH(y->c->a, ln->s, ln->ns, cur);
}

/* The line of the characters ch[0..n) (sorted here by x). */
static void close_line(lay *y, pdf_ch *ch, size_t n, int page)
{
    line ln = {0};
    ln.page = page;
    ln.x0 = 1e30f;
    ln.y0 = 1e30f;
    for (size_t i = 0; i < n; i++) {
        ln.x0 = fminf(ln.x0, ch[i].x0);
        ln.x1 = fmaxf(ln.x1, ch[i].x1);
        ln.y0 = fminf(ln.y0, ch[i].y0);
        ln.y1 = fmaxf(ln.y1, ch[i].y1);
        ln.h = fmaxf(ln.h, ch[i].y1 - ch[i].y0);
    }
    if (ln.h <= 0) ln.h = 1;
    ln.ym = (ln.y0 + ln.y1) / 2;
    qsort(ch, n, sizeof *ch, pdf_ch_by_x);
    segments(y, &ln, ch, n);
    ARRAY_PUSH(y->c->a, y->l, y->nl, ln);
}

static int by_line_y(const void *a, const void *b)
{
    const line *p = a, *q = b;
    if (p->ym != q->ym) return p->ym < q->ym ? -1 : 1;
    return p->x0 < q->x0 ? -1 : p->x0 > q->x0;
}

/* The lines of a page: its characters (a copy) sorted by their middles
 * and swept, a character joining the line whose first character's middle
 * is within 0.45 of the larger height. */
static void page_lines(lay *y, const pdf_page *pg, int page)
{
    if (!pg->n) return;
    pdf_ch *ch = arena_alloc(y->c->a, pg->n * sizeof *ch);
    memcpy(ch, pg->ch, pg->n * sizeof *ch);
    qsort(ch, pg->n, sizeof *ch, pdf_ch_by_middle);
    size_t first = y->nl;
    /* a ruled page: the characters of each ruled row band are its line first */
    size_t n = pdf_grid_lines(y, pg, ch, pg->n, page);
    size_t start = 0;
    float ref = 0, h = 0;
    for (size_t i = 0; i < n; i++) {
        float ym = (ch[i].y0 + ch[i].y1) / 2, ph = ch[i].y1 - ch[i].y0;
        if (i > start && fabsf(ym - ref) > LINE_TOL * fmaxf(h, ph)) {
            close_line(y, ch + start, i - start, page);
            start = i;
        }
        if (i == start) { ref = ym; h = ph; }
    }
    if (n) close_line(y, ch + start, n - start, page);
    if (y->nl - first > 1) qsort(y->l + first, y->nl - first, sizeof *y->l, by_line_y);
}

int pdf_ruled_apart(const lay *y, const line *a, const line *b, float x)
{
    if (!y->pgs || a->page != b->page) return 0;
    const pdf_page *p = &y->pgs[a->page];
    float lo = fminf(a->ym, b->ym), hi = fmaxf(a->ym, b->ym);
    return pdf_rule_between(p->hr, p->nhr, lo, hi, x, RULE_LEN * fminf(a->h, b->h));
}

/* ---- running headers, footers, page numbers ---- */

static char *line_text(lay *y, const line *ln)
{
    gir_buf b;
    buf_init(&b, y->c->a);
    for (size_t i = 0; i < ln->ns; i++) {
        if (i) buf_putc(&b, ' ');
        buf_puts(&b, ln->s[i].t);
    }
    return (char *)buf_cstr(&b);
}

/* 2: a decorated page number ("— 5 —", "第 3 页", "3/12"); 1: digits
 * alone; 0: not a page number. */
static int page_number(const char *t)
{
    const unsigned char *p = (const unsigned char *)t, *e = p + strlen(t);
    int digits = 0, other = 0, deco = 0, runs = 0, in_run = 0;
    while (p < e) {
        uint32_t cp;
        int k = utf8_decode(p, e, &cp);
        if (k <= 0) return 0;
        p += k;
        int digit = cp - '0' < 10 || cp - 0xFF10 < 10;
        runs += digit && !in_run;
        in_run = digit;
        if (digit) digits++;
        else if (strchr("-/ ~.", (int)(cp < 0x80 ? cp : 1)) && cp < 0x80) deco += cp != ' ';
        else if (cp == 0x2014 || cp == 0x2013 || cp == 0x2015 || cp == 0xFF0D || cp == 0x2212 || cp == 0x7B2C || cp == 0x9875 ||
                 cp == 0x5171 || cp == 0xFF0F || cp == 0x00B7) deco++;   /* — – ― － − 第 页 共 ／ · */
        else other++;
    }
    /* one number ("5"), or two ("3/12", "第 3 页 共 12 页"); not a row of values */
    if (!digits || digits > 8 || other || runs > 2 || (runs == 2 && !deco)) return 0;
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

/* Has t a letter (ASCII or any other script)? */
static int has_letters(const char *t)
{
    for (const unsigned char *p = (const unsigned char *)t; *p; p++)
        if (*p >= 0x80 || (unsigned)((*p | 0x20) - 'a') < 26) return 1;
    return 0;
}

/* Do lines i and j (of [b, e), j maybe out of it) overlap in y? */
static int overlap_y(const lay *y, size_t b, size_t e, size_t i, size_t j)
{
    return j >= b && j < e && y->l[j].y0 < y->l[i].y1 && y->l[i].y0 < y->l[j].y1;
}

/* Line i of the page [b, e) at its top or bottom (the page's text starts
 * at left): a page number is dropped (digits alone only away from the
 * left margin, where a table's last value would be, and not beside a
 * line it overlaps: a value set between its label's lines); its key is
 * kept for the count of running headers and footers. */
static void add_edge(lay *y, edge **v, size_t *n, size_t b, size_t e, size_t i, float left)
{
    char *t = line_text(y, &y->l[i]);
    int pn = page_number(t);
    int alone = !overlap_y(y, b, e, i, i - 1) && !overlap_y(y, b, e, i, i + 1);
    if (pn == 2 || (pn == 1 && alone && y->l[i].x0 > left + 2 * y->l[i].h)) y->l[i].drop = 1;
    if (!has_letters(t))
        return;                   /* no words: numbers are not a running header */
    edge ed = {edge_key(t, y->l[i].ym), y->l[i].page, i};
    ARRAY_PUSH(y->c->a, *v, *n, ed);
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
            if (i < b + EDGE_LINES || i + EDGE_LINES >= e) add_edge(y, &v, &n, b, e, i, left);
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

/* Are all the gaps of ln narrow (one space, no column between)? */
static int narrow_gaps(const line *ln)
{
    for (size_t k = 1; k < ln->ns; k++)
        if (ln->s[k].x0 - ln->s[k - 1].x1 > FLOW_GAP * ln->h) return 0;
    return 1;
}

/* Does ln fill the measure (from the left margin to the right one, less
 * a word: a ragged right edge of wrapped CJK text)? */
static int fills_measure(const line *ln, float left, float right)
{
    return ln->x0 <= left + ln->h && ln->x1 >= right - 2 * ln->h;
}

/* Flowed text cut at its spaces: a paragraph whose words are separated
 * by single spaces (a text copy of one long line, wrapped by the word
 * processor) is not a table, however many spaces it has. Its lines fill
 * the measure, the next one going on from the margin; its last line may
 * be short. A table's cells are further apart than one space. */
static void flowed_lines(lay *y, size_t b, size_t e, float left, float right)
{
    int prev = 0;                 /* the line above was flowed text filling the measure */
    for (size_t i = b; i < e; i++) {
        line *ln = &y->l[i];
        if (ln->drop) continue;
        int full = fills_measure(ln, left, right) && narrow_gaps(ln);
        size_t k = i + 1;
        while (k < e && y->l[k].drop) k++;
        int next = k < e && y->l[k].x0 <= left + y->l[k].h && narrow_gaps(&y->l[k]) && y->l[k].y0 - ln->y1 < 0.6f * ln->h;
        int flowed = (full && (next || prev)) || (prev && narrow_gaps(ln) && ln->x0 <= left + ln->h);
        if (flowed && ln->ns >= 2) join_segments(y, ln);
        prev = flowed && fills_measure(ln, left, right);
    }
}

/* Is line i (of [b, e)) prose from margin to margin in one segment? */
static int full_prose(const lay *y, size_t b, size_t e, size_t i, float left, float right)
{
    if (i < b || i >= e) return 0;
    const line *ln = &y->l[i];
    return ln->ns == 1 && ln->x0 <= left + ln->h && ln->x1 >= right - ln->h;
}

/* Is a a label line (one segment of words) left of the value line v,
 * overlapping it in y? */
static int beside_value(const line *a, const line *v)
{
    return !a->drop && a->ns == 1 && !a->s[0].num && a->x1 <= v->x0 && a->y1 > v->y0 && a->y0 < v->y1;
}

/* The nearest line of [b, e), at most STACK_SCAN lines from i in
 * direction d, that is a label beside the value line i, or SIZE_MAX. */
static size_t label_beside(const lay *y, size_t b, size_t e, size_t i, int d)
{
    const line *v = &y->l[i];
    for (size_t k = 1; k <= STACK_SCAN; k++) {
        if (d < 0 ? i < b + k : i + k >= e) break;
        size_t j = d < 0 ? i - k : i + k;
        if (beside_value(&y->l[j], v) && (d < 0 ? y->l[j].ym < v->ym : y->l[j].ym > v->ym)) return j;
    }
    return SIZE_MAX;
}

/* A value set in the middle of its label's cell, the label wrapped
 * around it with no rule to join them: lines "行政事业性" / "24252.3" /
 * "收费", one segment each, the two labels left of the number and
 * overlapping it in y. Line i (the number) becomes one line "label |
 * number" (the labels joined in reading order); the labels' lines are
 * dropped. */
static void stacked_values(lay *y, size_t b, size_t e)
{
    for (size_t i = b; i < e; i++) {
        line *v = &y->l[i];
        if (v->drop || v->ns != 1 || !v->s[0].num) continue;
        size_t up = label_beside(y, b, e, i, -1), dn = label_beside(y, b, e, i, 1);
        if (up == SIZE_MAX || dn == SIZE_MAX) continue;
        line *a = &y->l[up], *z = &y->l[dn];
        if (a->x1 <= z->x0 || z->x1 <= a->x0) continue;   /* not one cell's lines */
        gir_buf t;
        buf_init(&t, y->c->a);
        buf_puts(&t, a->s[0].t);
        if (t.n && pdf_latin((unsigned char)t.p[t.n - 1]) && pdf_latin((unsigned char)z->s[0].t[0])) buf_putc(&t, ' ');
        buf_puts(&t, z->s[0].t);
        seg *s = arena_alloc(y->c->a, 2 * sizeof *s);
        s[0] = (seg){fminf(a->x0, z->x0), fmaxf(a->x1, z->x1), (char *)buf_cstr(&t), 0};
        s[1] = v->s[0];
        v->s = s;
        v->ns = 2;
        v->x0 = s[0].x0;
        v->y0 = fminf(v->y0, a->y0);
        v->y1 = fmaxf(v->y1, z->y1);
        a->drop = 1;
        z->drop = 1;
    }
}

/* Is line j (of [b, e)) a cell's line beside line i, overlapping it in y:
 * cells, or one segment narrower than prose? */
static int cell_beside(const lay *y, size_t b, size_t e, size_t i, size_t j, float left, float right)
{
    if (!overlap_y(y, b, e, i, j)) return 0;
    const line *o = &y->l[j];
    return o->ns >= 2 || o->x1 - o->x0 <= PROSE_WIDTH * (right - left);
}

/* Is line i (of [b, e)) set beside a table's lines, overlapping in y a
 * cell's line right above or below it (a group label at the margin,
 * centred on rows whose lines wrap), rather than a heading with space
 * around it (or beside prose)? Asked once the table has a row of values
 * (a header's first cell, beside the header's lines, stays apart). */
static int between_rows(const lay *y, size_t b, size_t e, size_t i, float left, float right)
{
    return cell_beside(y, b, e, i, i - 1, left, right) || cell_beside(y, b, e, i, i + 1, left, right);
}

/* Marks the tables of the lines [b, e) of one page. */
static void page_tables(lay *y, size_t b, size_t e, int *ntab)
{
    float left, right;
    pdf_page_width(y, b, e, &left, &right);
    pdf_ruled_rows(y, b, e);
    stacked_values(y, b, e);
    flowed_lines(y, b, e, left, right);
    /* justified lines next to prose are prose (both ways, so that a run of them is) */
    for (size_t i = b; i < e; i++)
        if (justified(&y->l[i], left, right) && full_prose(y, b, e, i - 1, left, right)) join_segments(y, &y->l[i]);
    for (size_t i = e; i-- > b;)
        if (justified(&y->l[i], left, right) && full_prose(y, b, e, i + 1, left, right)) join_segments(y, &y->l[i]);
    size_t first = e, last = e;
    float tleft = -1;             /* left edge of the table's labelled rows so far, -1: none yet */
    int valued = 0;               /* the table has a line of cells with a number so far */
    for (size_t i = b; i <= e; i++) {
        const line *ln = i < e ? &y->l[i] : NULL;
        if (ln && ln->drop) continue;
        if (ln && ln->ns >= 2) {
            if (first == e) first = i;
            last = i;
            if (!ln->s[0].num) tleft = tleft < 0 ? ln->x0 : fminf(tleft, ln->x0);
            for (size_t k = 0; k < ln->ns && !valued; k++) valued = ln->s[k].num;
        } else if ((!ln || (prose_line(ln, left, right, tleft) && !(valued && between_rows(y, b, e, i, left, right)))) && first < e) {
            mark_table(y, b, e, first, last, left, right, tleft, ntab);
            tleft = -1;
            valued = 0;
            first = e;
        }
    }
}

/* ---- prose ---- */

static void write_prose(lay *y, size_t i, float left, float right, int *open)
{
    const line *ln = &y->l[i];
    float em = ln->h;
    int indented = ln->x0 > left + 0.8f * em;
    if (*open && indented) { buf_putc(&y->out, '\n'); *open = 0; }
    if (*open && y->out.n && pdf_latin((unsigned char)y->out.p[y->out.n - 1]) && pdf_latin((unsigned char)ln->s[0].t[0])) buf_putc(&y->out, ' ');
    for (size_t k = 0; k < ln->ns; k++) {
        if (k) buf_putc(&y->out, ' ');
        buf_puts(&y->out, ln->s[k].t);
    }
    *open = ln->x1 >= right - 1.5f * em;
    if (!*open) buf_putc(&y->out, '\n');
}

/* How many empty lines of a text copy lie between lines a and b (one
 * at least; at most 64): the gap between their middles less b's height,
 * over the height of an empty line (LibreOffice sets one at 0.9 of a
 * line of text). */
static long empty_lines(const lay *y, size_t a, size_t b)
{
    float h = y->l[b].h;
    long n = lroundf((y->l[b].ym - y->l[a].ym - h) / (0.9f * h));
    return n < 1 ? 1 : n > 64 ? 64 : n;
}

static void write_all(lay *y)
{
    int open = 0;
    for (size_t i = 0; i < y->nl;) {
        size_t pe = i;
        while (pe < y->nl && y->l[pe].page == y->l[i].page) pe++;
        float left, right;
        pdf_page_width(y, i, pe, &left, &right);
        size_t prev = SIZE_MAX;       /* the line above on this page */
        for (; i < pe; i++) {
            if (y->l[i].drop) continue;
            if (y->text && prev != SIZE_MAX && y->l[i].y0 - y->l[prev].y1 > 0.8f * y->l[i].h) {
                /* the empty lines of the copy, as many as the gap holds (a text copy
                 * means an empty cell by one) */
                if (open) { buf_putc(&y->out, '\n'); open = 0; }
                for (long k = empty_lines(y, prev, i); k > 0; k--) buf_putc(&y->out, '\n');
            }
            prev = i;
            if (!y->l[i].table) { write_prose(y, i, left, right, &open); continue; }
            if (open) { buf_putc(&y->out, '\n'); open = 0; }
            size_t e = i;
            while (e < pe && (y->l[e].table == y->l[i].table || y->l[e].drop)) e++;
            imp_range rg = {(uint32_t)y->out.n, 0};
            pdf_write_table(y, i, e);
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

/* Do the tables hold values (two lines of cells with a number, at
 * least)? If not, what looked like tables (a line "date  views") is
 * text, and the lines are unmarked. */
static int valued_tables(lay *y)
{
    size_t n = 0;
    for (size_t i = 0; i < y->nl; i++) {
        const line *ln = &y->l[i];
        if (!ln->table || ln->ns < 2) continue;
        for (size_t k = 1; k < ln->ns; k++) if (ln->s[k].num) { n++; break; }
    }
    if (n >= 2) return 1;
    for (size_t i = 0; i < y->nl; i++) y->l[i].table = 0;
    return 0;
}

int pdf_page_wants_rules(imp_ctx *c, const pdf_page *pg)
{
    lay y = {0};
    y.c = c;
    page_lines(&y, pg, 0);
    size_t valued = 0, wide = 0, row = 0;
    for (size_t i = 0; i < y.nl; i++) {
        const line *ln = &y.l[i];
        if (ln->ns < 2) continue;
        wide += ln->ns >= WANT_WIDE;
        size_t nums = 0;
        for (size_t k = 0; k < ln->ns; k++) nums += ln->s[k].num != 0;
        valued += nums > 0;
        /* a row of values (a table cut by page breaks may leave one row alone on a page) */
        row += ln->ns >= WANT_WIDE && nums >= WANT_VALUED;
    }
    return valued >= WANT_VALUED || wide >= WANT_WIDE || row > 0;
}

void pdf_layout(imp_ctx *c, const pdf_page *pg, size_t npg)
{
    lay y = {0};
    y.c = c;
    buf_init(&y.out, c->a);
    for (size_t p = 0; p < npg; p++) {
        y.pg = &pg[p];
        page_lines(&y, &pg[p], (int)p);
    }
    y.pg = NULL;
    y.pgs = pg;
    drop_running(&y, npg);
    int ntab = 0;
    for (size_t b = text_copy(&y) ? y.nl : 0; b < y.nl;) {
        size_t e = b;
        while (e < y.nl && y.l[e].page == y.l[b].page) e++;
        page_tables(&y, b, e, &ntab);
        b = e;
    }
    y.text = text_copy(&y) || !ntab || !valued_tables(&y);
    write_all(&y);
    c->w.s = (char *)buf_cstr(&y.out);
    c->w.n = (uint32_t)y.out.n;
    c->w.html = !y.text;
}

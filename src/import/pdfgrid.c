/* pdfgrid.c - the ruled rows of a PDF table (pdfline.h): where a page's
 * ruling lines enclose a row (a horizontal rule above and below, spanning
 * the text, and vertical rules between its cells), the lines set inside
 * that row band are one row, each cell's lines joined in reading order.
 * This is how a row whose label wraps with its value alone between the
 * label's lines (行政事业性收 / 5949.088667 / 费), where no line has two
 * cells, is still a table row: the ruled grid says so, not the gaps.
 * Only bands whose lines are all of one segment are joined here (a band
 * that already has a line of cells is left to pdftable.c); a band must be
 * at most BAND_LINES lines high and hold two ruled cells at least.
 * The cell grid (pdf_grid_lines, before the line sweep of pdflayout.c):
 * each character of a ruled page gets its row band (the rules above and
 * below it, or where its side borders end when a page break cuts the
 * table) and its cell (between two vertical rules); a band that holds
 * another band is a merged cell of several rows, any other a row band. A
 * row band where a cell wraps is one line of those cells, each cell's
 * lines in reading order, and a merged cell is the first cell of its
 * first row. A band that does not fit (a wide gap inside a cell, unless
 * the line is justified across a ruled cell; a line beside a cell's other
 * lines) is left to the sweep. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "base/array.h"
#include "pdflayout.h"
#include "pdfline.h"

#define BAND_SLACK 1.0f       /* points a rule may fall short of the text it spans */
#define BAND_LINES 6.0f       /* a row band at most this many line heights high */
#define RULE_LEN 1.2f         /* a vertical rule parts two cells when longer than this many heights */

typedef struct band { float top, bot; } band;

/* The ruled band of ln: the nearest horizontal rules above and below its
 * middle that span its text. 0 if it has none (or too high a one). */
static int band_of(const pdf_page *p, const line *ln, band *bd)
{
    bd->top = -1;
    bd->bot = -1;
    for (size_t i = 0; i < p->nhr; i++) {
        const pdf_rule *r = &p->hr[i];
        if (r->y0 > ln->x0 + BAND_SLACK || r->y1 < ln->x1 - BAND_SLACK) continue;
        if (r->x <= ln->ym) {
            bd->top = r->x;
            continue;
        }
        bd->bot = r->x;
        break;
    }
    if (bd->top < 0 || bd->bot < 0) return 0;
    return ln->y0 >= bd->top - BAND_SLACK && ln->y1 <= bd->bot + BAND_SLACK && bd->bot - bd->top < BAND_LINES * ln->h;
}

static int same_band(const band *a, const band *b)
{
    return fabsf(a->top - b->top) < BAND_SLACK && fabsf(a->bot - b->bot) < BAND_SLACK;
}

typedef struct cell { float x0, x1; gir_buf b; } cell;

/* Adds ln's text to its cell of v (the one its x range overlaps), or
 * starts a cell; *ruled is set when a vertical rule parts two cells. */
static void place(const lay *y, const pdf_page *p, const band *bd, cell **v, size_t *n, const line *ln, int *ruled)
{
    for (size_t k = 0; k < *n; k++) {
        cell *c = &(*v)[k];
        if (ln->x0 >= c->x1 || ln->x1 <= c->x0) continue;
        size_t at = c->b.n;
        if (at && pdf_latin((unsigned char)c->b.p[at - 1]) && pdf_latin((unsigned char)ln->s[0].t[0])) buf_putc(&c->b, ' ');
        buf_puts(&c->b, ln->s[0].t);
        c->x0 = fminf(c->x0, ln->x0);
        c->x1 = fmaxf(c->x1, ln->x1);
        return;
    }
    float mid = (bd->top + bd->bot) / 2;
    for (size_t k = 0; k < *n && !*ruled; k++) {
        const cell *c = &(*v)[k];
        float a = (c->x0 + c->x1) / 2, b = (ln->x0 + ln->x1) / 2;
        *ruled = pdf_rule_between(p->vr, p->nvr, fminf(a, b), fmaxf(a, b), mid, RULE_LEN * ln->h);
    }
    cell c = {ln->x0, ln->x1, {0}};
    buf_init(&c.b, y->c->a);
    buf_puts(&c.b, ln->s[0].t);
    ARRAY_PUSH(y->c->a, *v, *n, c);
}

static int by_cell_x(const void *a, const void *b)
{
    const cell *p = a, *q = b;
    return p->x0 < q->x0 ? -1 : p->x0 > q->x0;
}

/* Joins the lines [i, j) of one band (not dropped ones) into line i. */
static void join_band(lay *y, const pdf_page *p, const band *bd, size_t i, size_t j)
{
    cell *v = NULL;
    size_t n = 0;
    int ruled = 0;
    for (size_t k = i; k < j; k++)
        if (!y->l[k].drop) place(y, p, bd, &v, &n, &y->l[k], &ruled);
    if (n < 2 || !ruled) return;
    qsort(v, n, sizeof *v, by_cell_x);
    line *ln = &y->l[i];
    ln->s = arena_alloc(y->c->a, n * sizeof *ln->s);
    ln->ns = n;
    for (size_t k = 0; k < n; k++) {
        seg s = {v[k].x0, v[k].x1, (char *)buf_cstr(&v[k].b), 0};
        s.num = pdf_numeric(s.t);
        ln->s[k] = s;
    }
    for (size_t k = i + 1; k < j; k++) {
        line *o = &y->l[k];
        if (o->drop) continue;
        ln->x0 = fminf(ln->x0, o->x0);
        ln->x1 = fmaxf(ln->x1, o->x1);
        ln->y0 = fminf(ln->y0, o->y0);
        ln->y1 = fmaxf(ln->y1, o->y1);
        ln->h = fmaxf(ln->h, o->h);
        o->drop = 1;
    }
    ln->ym = (ln->y0 + ln->y1) / 2;
}

/* The end of the run of one-segment lines from i that share i's band. */
static size_t band_end(const lay *y, const pdf_page *p, const band *bd, size_t i, size_t e)
{
    size_t j = i + 1;
    for (; j < e; j++) {
        const line *o = &y->l[j];
        if (o->drop) continue;
        band ob;
        if (o->ns != 1 || !band_of(p, o, &ob) || !same_band(bd, &ob)) break;
    }
    return j;
}

/* Is line k (of those before e) in band bd? */
static int in_band(const lay *y, const pdf_page *p, const band *bd, size_t k, size_t e)
{
    if (k >= e || y->l[k].drop) return 0;
    band ob;
    return band_of(p, &y->l[k], &ob) && same_band(bd, &ob);
}

void pdf_ruled_rows(lay *y, size_t b, size_t e)
{
    if (!y->pgs || b >= e) return;
    const pdf_page *p = &y->pgs[y->l[b].page];
    if (!p->nhr || !p->nvr) return;
    for (size_t i = b; i < e; i++) {
        const line *ln = &y->l[i];
        band bd;
        if (ln->drop || ln->ns != 1 || !band_of(p, ln, &bd)) continue;
        size_t j = band_end(y, p, &bd, i, e);
        if (j - i >= 2 && !in_band(y, p, &bd, j, e) && !(i > b && in_band(y, p, &bd, i - 1, e))) join_band(y, p, &bd, i, j);
        i = j - 1;
    }
}

/* ---- the cell grid: characters assigned to their ruled cells ---- */

#define GLYPH_IN 0.25f        /* a rule this many heights inside a glyph's box is its strokes */
#define CELL_PAD 3.0f         /* a merged cell's side rule at most this many heights from its text */
#define CUT_SLACK 2.0f        /* points two borders' ends may differ by (a rule's ends are found to a pixel) */
#define GRID_ROW 0.25f        /* middles further apart than this many heights: two lines of one cell */

typedef struct gch { pdf_ch c; band bd; size_t i; } gch;

/* Does the horizontal rule r bound the character c (middle cx): it
 * passes over cx and is not a dark run inside the glyph's box (strokes
 * of the text)? */
static int bounds(const pdf_rule *r, const pdf_ch *c, float cx, float h)
{
    return r->y0 <= cx && r->y1 >= cx && !(r->x > c->y0 + GLYPH_IN * h && r->x < c->y1 - GLYPH_IN * h);
}

/* The nearest vertical rules of p left (*l) and right (*r) of x that
 * pass through height y (p->vr is in order of x); 0 if one is missing. */
static int side_rules(const pdf_page *p, float x, float y, const pdf_rule **l, const pdf_rule **r)
{
    size_t lo = 0, hi = p->nvr;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->vr[mid].x <= x) lo = mid + 1;
        else hi = mid;
    }
    *l = *r = NULL;
    for (size_t i = lo; i-- > 0 && !*l;)
        if (p->vr[i].y0 <= y && p->vr[i].y1 >= y) *l = &p->vr[i];
    for (size_t i = lo; i < p->nvr && !*r; i++)
        if (p->vr[i].y0 <= y && p->vr[i].y1 >= y) *r = &p->vr[i];
    return *l && *r;
}

/* A band of c's with no rule above it (or below it): a table cut by a
 * page break, where the page has no rule across the cut. The borders on
 * both sides of c then end together there, and that is the band's edge. */
static void cut_edges(const pdf_page *p, float cx, float cy, band *bd)
{
    const pdf_rule *l, *r;
    if (!side_rules(p, cx, cy, &l, &r)) return;
    if (bd->top < 0 && fabsf(l->y0 - r->y0) <= CUT_SLACK) bd->top = fmaxf(l->y0, r->y0);
    if (bd->bot < 0 && fabsf(l->y1 - r->y1) <= CUT_SLACK) bd->bot = fminf(l->y1, r->y1);
}

/* The ruled band of the character c: the nearest horizontal rules above
 * and below its middle that pass over its middle (p->hr is in order of
 * height: a binary search for the middle, then outwards to the first
 * rule over it), or where the table is cut (cut_edges). 0 if it has
 * none or one lower than the character (no cell: strokes of the lines
 * above and below). */
static int char_band(const pdf_page *p, const pdf_ch *c, band *bd)
{
    float cx = (c->x0 + c->x1) / 2, cy = (c->y0 + c->y1) / 2, h = c->y1 - c->y0;
    bd->top = -1;
    bd->bot = -1;
    if (h <= 0) return 0;
    size_t lo = 0, hi = p->nhr;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->hr[mid].x <= cy) lo = mid + 1;
        else hi = mid;
    }
    for (size_t i = lo; i-- > 0;)
        if (bounds(&p->hr[i], c, cx, h)) { bd->top = p->hr[i].x; break; }
    for (size_t i = lo; i < p->nhr; i++)
        if (bounds(&p->hr[i], c, cx, h)) { bd->bot = p->hr[i].x; break; }
    if (bd->top < 0 || bd->bot < 0) cut_edges(p, cx, cy, bd);
    return bd->top >= 0 && bd->bot >= 0 && bd->bot - bd->top >= h;
}

static int by_band_x(const void *a, const void *b)
{
    const gch *p = a, *q = b;
    if (p->bd.top != q->bd.top) return p->bd.top < q->bd.top ? -1 : 1;
    if (p->bd.bot != q->bd.bot) return p->bd.bot < q->bd.bot ? -1 : 1;
    return p->c.x0 < q->c.x0 ? -1 : p->c.x0 > q->c.x0;
}

#define JUSTIFY_TOL 0.25f     /* a justified line's ends within this many heights of its cell's text */

typedef struct cline { size_t s, e; float x0, x1, gap; } cline;

/* The lines of one cell, ch[0..n) (reordered here: by middle, each line
 * by x), with their extents and widest gap; returns how many. */
static size_t cell_lines(gir_arena *a, pdf_ch *ch, size_t n, float h, cline **out)
{
    cline *v = arena_alloc(a, n * sizeof *v);
    size_t nl = 0;
    qsort(ch, n, sizeof *ch, pdf_ch_by_middle);
    for (size_t s = 0; s < n;) {
        float ref = (ch[s].y0 + ch[s].y1) / 2;
        size_t e = s + 1;
        while (e < n && fabsf((ch[e].y0 + ch[e].y1) / 2 - ref) <= GRID_ROW * h) e++;
        qsort(ch + s, e - s, sizeof *ch, pdf_ch_by_x);
        cline l = {s, e, ch[s].x0, ch[s].x1, 0};
        for (size_t i = s + 1; i < e; i++) {
            l.gap = fmaxf(l.gap, ch[i].x0 - ch[i - 1].x1);
            l.x1 = fmaxf(l.x1, ch[i].x1);
        }
        v[nl++] = l;
        s = e;
    }
    *out = v;
    return nl;
}

/* Is line k of v[0..nl) justified: not the cell's last line, and set from
 * the left edge of the cell's text to its right one (lo, hi)? Its wide
 * gaps are then the spacing of a justified line, not two cells. */
static int justified(const cline *v, size_t nl, size_t k, float lo, float hi, float h)
{
    return k + 1 < nl && v[k].x0 <= lo + JUSTIFY_TOL * h && v[k].x1 >= hi - JUSTIFY_TOL * h;
}

/* The text of one cell, ch[0..n) (reordered here): its lines in reading
 * order; returns how many lines. 0 when a line of it has a gap wide
 * enough to part two cells (the rules do not tell the whole grid there),
 * unless the cell is ruled on both sides (ruled) and the line is
 * justified (narrow cells: the characters spread over the cell's width). */
static int cell_text(gir_arena *a, pdf_ch *ch, size_t n, float h, int ruled, gir_buf *b)
{
    cline *v;
    size_t nl = cell_lines(a, ch, n, h, &v);
    float lo = 1e30f, hi = -1e30f;
    for (size_t k = 0; k < nl; k++) {
        /* a line beside the cell's other lines, not under them: another cell */
        if (k && (v[k].x0 > hi + PDF_SEG_GAP * h || v[k].x1 < lo - PDF_SEG_GAP * h)) return 0;
        lo = fminf(lo, v[k].x0);
        hi = fmaxf(hi, v[k].x1);
    }
    for (size_t k = 0; k < nl; k++) {
        if (v[k].gap > PDF_SEG_GAP * h && !(ruled && justified(v, nl, k, lo, hi, h))) return 0;
        for (size_t i = v[k].s; i < v[k].e; i++) {
            float gap = i > v[k].s ? ch[i].x0 - ch[i - 1].x1 : 0;
            unsigned char last = b->n ? (unsigned char)b->p[b->n - 1] : 0;
            int latin = last && pdf_latin(last) && pdf_latin(ch[i].cp);
            /* words wrapped over two lines are spaced, a number's digits are not */
            int digits = (unsigned)(last - '0') < 10u && ch[i].cp - '0' < 10u;
            if (latin && ((i == v[k].s && !digits) || gap > PDF_SPACE_GAP * h)) buf_putc(b, ' ');
            pdf_put_cp(b, ch[i].cp);
        }
    }
    return (int)nl;
}

/* The line of one ruled band, g[0..n) (sorted by x): one segment a cell,
 * the cells parted by the vertical rules. 0 (nothing added) when fewer
 * than two cells are ruled or a cell is not one cell, or (unless force)
 * when no cell wraps. */
static int band_line(lay *y, const pdf_page *p, gch *g, size_t n, int page, int force)
{
    line ln = {0};
    ln.page = page;
    ln.x0 = ln.y0 = 1e30f;
    for (size_t i = 0; i < n; i++) {
        ln.x0 = fminf(ln.x0, g[i].c.x0);
        ln.x1 = fmaxf(ln.x1, g[i].c.x1);
        ln.y0 = fminf(ln.y0, g[i].c.y0);
        ln.y1 = fmaxf(ln.y1, g[i].c.y1);
        ln.h = fmaxf(ln.h, g[i].c.y1 - g[i].c.y0);
    }
    float mid = (g[0].bd.top + g[0].bd.bot) / 2;
    /* a cell's border runs from the band's top rule to its bottom one (a
     * glyph's stroke does not) */
    float len = fmaxf(g[0].bd.bot - g[0].bd.top - 2 * BAND_SLACK, RULE_LEN * ln.h);
    pdf_ch *ch = arena_alloc(y->c->a, n * sizeof *ch);
    for (size_t i = 0; i < n; i++) ch[i] = g[i].c;
    seg *v = NULL;
    size_t nv = 0;
    int wrapped = 0;
    for (size_t s = 0; s < n;) {
        size_t e = s + 1;
        while (e < n && !pdf_rule_between(p->vr, p->nvr, (ch[e - 1].x0 + ch[e - 1].x1) / 2, (ch[e].x0 + ch[e].x1) / 2, mid, len)) e++;
        seg sg = {ch[s].x0, ch[e - 1].x1, NULL, 0};
        for (size_t i = s; i < e; i++) sg.x1 = fmaxf(sg.x1, ch[i].x1);
        /* ruled on both sides: between two cells, or by the band's outer borders */
        int ruled = (s > 0 || pdf_rule_between(p->vr, p->nvr, ch[s].x0 - CELL_PAD * ln.h, (ch[s].x0 + ch[s].x1) / 2, mid, len)) &&
                    (e < n || pdf_rule_between(p->vr, p->nvr, (ch[e - 1].x0 + ch[e - 1].x1) / 2, sg.x1 + CELL_PAD * ln.h, mid, len));
        gir_buf b;
        buf_init(&b, y->c->a);
        int lines = cell_text(y->c->a, ch + s, e - s, ln.h, ruled, &b);
            if (!lines) return 0;
        wrapped |= lines > 1;
        sg.t = (char *)buf_cstr(&b);
        sg.num = pdf_numeric(sg.t);
        ARRAY_PUSH(y->c->a, v, nv, sg);
        s = e;
    }
    /* a row of one line each: the sweep builds it as well, unless it is
     * the first row of values of a merged cell (force), which is set on it */
    int valued = 0;
    for (size_t k = 0; k < nv; k++) valued |= v[k].num;
    if (nv < 2 || (!wrapped && (!force || !valued))) return 0;
    ln.s = v;
    ln.ns = nv;
    ln.ym = (ln.y0 + ln.y1) / 2;
    ARRAY_PUSH(y->c->a, y->l, y->nl, ln);
    return 1;
}

/* Inserts sg into ln's segments, in order of x. */
static void insert_seg(lay *y, line *ln, seg sg)
{
    seg *v = arena_alloc(y->c->a, (ln->ns + 1) * sizeof *v);
    size_t k = 0, o = 0;
    while (k < ln->ns && ln->s[k].x0 < sg.x0) v[o++] = ln->s[k++];
    v[o++] = sg;
    while (k < ln->ns) v[o++] = ln->s[k++];
    ln->s = v;
    ln->ns++;
    ln->x0 = fminf(ln->x0, sg.x0);
}

typedef struct grid { gch *g; size_t ng; band *lb; size_t nlb; size_t first; unsigned char *used; int page; } grid;

/* Makes the row band of gr that starts at top (one line a cell, not
 * joined by the first pass) a line of the grid: the first row of a merged
 * cell, which is set on it. 0 if there is none. */
static int force_row(lay *y, const pdf_page *p, grid *gr, float top)
{
    size_t lo = 0, hi = gr->ng;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (gr->g[mid].bd.top < top - BAND_SLACK) lo = mid + 1;
        else hi = mid;
    }
    if (lo >= gr->ng || fabsf(gr->g[lo].bd.top - top) > BAND_SLACK || gr->used[gr->g[lo].i]) return 0;
    size_t e = lo + 1;
    while (e < gr->ng && same_band(&gr->g[lo].bd, &gr->g[e].bd)) e++;
    if (!band_line(y, p, gr->g + lo, e - lo, gr->page, 1)) return 0;
    ARRAY_PUSH(y->c->a, gr->lb, gr->nlb, gr->g[lo].bd);
    for (size_t k = lo; k < e; k++) gr->used[gr->g[k].i] = 1;
    return 1;
}

/* The first row line of the grid set inside the merged cell bd and to the
 * right of x (a line of its first row band), or NULL. */
static line *first_row(lay *y, const grid *gr, const band *bd, float x)
{
    line *row = NULL;
    float top = -1;
    for (size_t k = gr->first; k < y->nl; k++) {
        line *ln = &y->l[k];
        if (ln->ym < bd->top || ln->ym > bd->bot || ln->x1 <= x) continue;
        if (!row || ln->ym < row->ym) { row = ln; top = gr->lb[k - gr->first].top; }
    }
    return row && fabsf(top - bd->top) <= BAND_SLACK ? row : NULL;
}

/* A merged cell of several ruled rows, g[0..n) (sorted by x): each of its
 * ruled cells becomes the first cell of the first row line of the grid
 * set inside it and to its right (a group label on its first row, as a
 * table's markup has it; a first row of one line a cell is made a line of
 * the grid for it). 0 when its first row is no such line. */
static int group_cells(lay *y, const pdf_page *p, gch *g, size_t n, grid *gr)
{
    float mid = (g[0].bd.top + g[0].bd.bot) / 2, h = g[0].c.y1 - g[0].c.y0;
    float len = g[0].bd.bot - g[0].bd.top - 2 * BAND_SLACK;
    pdf_ch *ch = arena_alloc(y->c->a, n * sizeof *ch);
    for (size_t i = 0; i < n; i++) ch[i] = g[i].c;
    for (size_t s = 0; s < n;) {
        size_t e = s + 1;
        while (e < n && !pdf_rule_between(p->vr, p->nvr, (ch[e - 1].x0 + ch[e - 1].x1) / 2, (ch[e].x0 + ch[e].x1) / 2, mid, RULE_LEN * h)) e++;
        seg sg = {ch[s].x0, ch[s].x1, NULL, 0};
        for (size_t i = s; i < e; i++) sg.x1 = fmaxf(sg.x1, ch[i].x1);
        /* a merged cell: ruled on both sides from its top rule to its bottom one */
        if (!pdf_rule_between(p->vr, p->nvr, sg.x0 - CELL_PAD * h, (ch[s].x0 + ch[s].x1) / 2, mid, len) ||
            !pdf_rule_between(p->vr, p->nvr, (ch[e - 1].x0 + ch[e - 1].x1) / 2, sg.x1 + CELL_PAD * h, mid, len)) return 0;
        line *row = first_row(y, gr, &g[0].bd, sg.x1);
        if (!row && force_row(y, p, gr, g[0].bd.top)) row = first_row(y, gr, &g[0].bd, sg.x1);
        gir_buf b;
        buf_init(&b, y->c->a);
        if (!row) return 0;
        if (!cell_text(y->c->a, ch + s, e - s, h, 1, &b)) return 0;
        sg.t = (char *)buf_cstr(&b);
        insert_seg(y, row, sg);
        s = e;
    }
    return 1;
}

/* Joins the groups of one band of g[0..n) (sorted by band): row bands
 * (tall 0) into lines, their bands added to gr->lb, or merged cells
 * (tall 1) onto those lines; their characters are marked in gr->used.
 * Returns how many were joined. */
static size_t grid_pass(lay *y, const pdf_page *p, gch *g, size_t n, int tall, grid *gr)
{
    size_t joined = 0;
    for (size_t s = 0; s < n;) {
        size_t e = s + 1;
        while (e < n && same_band(&g[s].bd, &g[e].bd)) e++;
        int ok = tall ? group_cells(y, p, g + s, e - s, gr) : band_line(y, p, g + s, e - s, gr->page, 0);
        if (ok && !tall) ARRAY_PUSH(y->c->a, gr->lb, gr->nlb, g[s].bd);
        for (size_t k = s; k < e && ok; k++) gr->used[g[k].i] = 1;
        joined += ok != 0;
        s = e;
    }
    return joined;
}

typedef struct bext { band bd; float x0, x1; } bext;

/* The row bands of g[0..n) (sorted by band) with the x extent of their text. */
static bext *band_extents(gir_arena *a, const gch *g, size_t n, size_t *nb)
{
    bext *v = NULL;
    *nb = 0;
    for (size_t i = 0; i < n; i++) {
        if (*nb && same_band(&v[*nb - 1].bd, &g[i].bd)) {
            v[*nb - 1].x0 = fminf(v[*nb - 1].x0, g[i].c.x0);
            v[*nb - 1].x1 = fmaxf(v[*nb - 1].x1, g[i].c.x1);
            continue;
        }
        bext b = {g[i].bd, g[i].c.x0, g[i].c.x1};
        ARRAY_PUSH(a, v, *nb, b);
    }
    return v;
}

/* A character whose own band is broken (a rule not found over it) but
 * that is set inside a row band of v[0..nb), among its text: that band's
 * (the first of them). v holds no band inside another (part_tall), so in
 * order of top their bottoms rise too: a binary search for the last band
 * that starts above c, then back over those that end below it. */
static int adopt(const bext *v, size_t nb, const pdf_ch *c, band *bd)
{
    float cx = (c->x0 + c->x1) / 2, cy = (c->y0 + c->y1) / 2;
    size_t lo = 0, hi = nb;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].bd.top < cy) lo = mid + 1;
        else hi = mid;
    }
    int found = 0;
    for (size_t k = lo; k-- > 0 && v[k].bd.bot > cy;) {
        if (cx < v[k].x0 || cx > v[k].x1) continue;
        *bd = v[k].bd;
        found = 1;
    }
    return found;
}

/* Marks tall[k] for each band of v[0..nb) (sorted by top, then bottom)
 * that holds another band (one more row of the rules inside it): a merged
 * cell of several rows, not a row band. A band holding another starts
 * with it (the one before it, of the same top) or ends below one after
 * it (the lowest bottom of those after it, by a suffix minimum). */
static void mark_tall(const bext *v, size_t nb, unsigned char *tall)
{
    float low = 1e30f;
    for (size_t k = nb; k-- > 0;) {
        int starts = k > 0 && fabsf(v[k - 1].bd.top - v[k].bd.top) < BAND_SLACK;
        tall[k] = starts || low <= v[k].bd.bot + BAND_SLACK;
        low = fminf(low, v[k].bd.bot);
    }
}

/* Parts g[0..*ng) (sorted by band) into its row bands, kept in g in
 * their order, and the characters of merged cells, added to o (with
 * *no) and marked in tl by their index. */
static void part_tall(gir_arena *a, gch *g, size_t *ng, gch *o, size_t *no, unsigned char *tl)
{
    size_t nb;
    bext *v = band_extents(a, g, *ng, &nb);
    unsigned char *tall = arena_alloc(a, nb + 1);
    mark_tall(v, nb, tall);
    size_t k = 0, b = 0;
    for (size_t i = 0; i < *ng; i++) {
        if (i && !same_band(&g[i - 1].bd, &g[i].bd)) b++;
        if (!tall[b]) { g[k++] = g[i]; continue; }
        tl[g[i].i] = 1;
        o[(*no)++] = g[i];
    }
    *ng = k;
}

size_t pdf_grid_lines(lay *y, const pdf_page *p, pdf_ch *ch, size_t n, int page)
{
    if (!p->nhr || !p->nvr || !n) return n;
    gch *g = arena_alloc(y->c->a, n * sizeof *g);
    gch *t = arena_alloc(y->c->a, n * sizeof *t);
    gch *o = arena_alloc(y->c->a, n * sizeof *o);
    unsigned char *used = arena_alloc(y->c->a, n);
    memset(used, 0, n);
    size_t ng = 0, nt = 0, no = 0;
    for (size_t i = 0; i < n; i++) {
        gch x = {ch[i], {0, 0}, i};
        if (char_band(p, &ch[i], &x.bd)) g[ng++] = x;
        else o[no++] = x;
    }
    if (!ng) return n;
    qsort(g, ng, sizeof *g, by_band_x);
    unsigned char *tl = arena_alloc(y->c->a, n);
    memset(tl, 0, n);
    part_tall(y->c->a, g, &ng, o, &no, tl);
    if (!ng) return n;
    size_t nb;
    bext *ext = band_extents(y->c->a, g, ng, &nb);
    size_t before = ng;
    for (size_t i = 0; i < no; i++) {
        if (adopt(ext, nb, &o[i].c, &o[i].bd)) g[ng++] = o[i];
        else if (tl[o[i].i]) t[nt++] = o[i];
    }
    if (ng > before) qsort(g, ng, sizeof *g, by_band_x);
    grid gr = {g, ng, NULL, 0, y->nl, used, page};
    if (!grid_pass(y, p, g, ng, 0, &gr)) return n;
    if (nt) qsort(t, nt, sizeof *t, by_band_x);
    grid_pass(y, p, t, nt, 1, &gr);
    /* the characters of no joined band go on to the sweep, in their order */
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!used[i]) ch[k++] = ch[i];
    return k;
}

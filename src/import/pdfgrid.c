/* pdfgrid.c - the ruled rows of a PDF table (pdfline.h): where a page's
 * ruling lines enclose a row (a horizontal rule above and below, spanning
 * the text, and vertical rules between its cells), the lines set inside
 * that row band are one row, each cell's lines joined in reading order.
 * This is how a row whose label wraps with its value alone between the
 * label's lines (行政事业性收 / 5949.088667 / 费), where no line has two
 * cells, is still a table row: the ruled grid says so, not the gaps.
 * Only bands whose lines are all of one segment are joined here (a band
 * that already has a line of cells is left to pdftable.c); a band must be
 * at most BAND_LINES lines high and hold two ruled cells at least. */
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

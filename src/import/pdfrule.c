/* pdfrule.c - vertical ruling lines of a rendered PDF page (pdfrule.h).
 * A pixel is dark when its luminance is under DARK; a column of pixels
 * holds a rule where DARK pixels run at least PDF_RULE_MIN points down
 * it. Runs of neighbouring columns that overlap (a rule two or three
 * pixels wide) are one rule, at their middle. */
#include <stdlib.h>
#include "base/array.h"
#include "pdfrule.h"

/* luminance (0..255) under which a pixel is ink: a 0.75 pt border rendered
 * at 1 pixel a point across two pixel columns is grey (found at 180, not 160) */
#define DARK 200
#define PDF_RULE_MIN 14.0         /* points: longer than a glyph's stroke */
#define RULE_JOIN 2               /* pixel columns this close are one rule */
#define RULE_WIDE 3.0             /* points: a dark run wider than this is a box, not a rule */

static int dark(const unsigned char *p)
{
    /* cairo RGB24: native-endian 0x00RRGGBB in 32 bits */
    uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    unsigned r = (v >> 16) & 0xFF, g = (v >> 8) & 0xFF, b = v & 0xFF;
    return (r * 30 + g * 59 + b * 11) / 100 < DARK;
}

typedef struct run { int x0, x, y0, y1; } run;

static int by_x(const void *a, const void *b)
{
    const pdf_rule *p = a, *q = b;
    return p->x < q->x ? -1 : p->x > q->x;
}

/* The runs of column x, each merged into the last rule when they overlap
 * one found in the columns just before. */
static void column_runs(gir_arena *a, const unsigned char *px, int x, int h, const size_t st[2], int min, run **v, size_t *n, size_t from)
{
    int y = 0;
    while (y < h) {
        if (!dark(px + (size_t)y * st[1] + (size_t)x * st[0])) { y++; continue; }
        int s = y;
        while (y < h && dark(px + (size_t)y * st[1] + (size_t)x * st[0])) y++;
        if (y - s < min) continue;
        size_t k = from;
        while (k < *n && !((*v)[k].x >= x - RULE_JOIN && (*v)[k].y0 < y && (*v)[k].y1 > s)) k++;
        if (k < *n) {
            (*v)[k].x = x;
            if (s < (*v)[k].y0) (*v)[k].y0 = s;
            if (y > (*v)[k].y1) (*v)[k].y1 = y;
            continue;
        }
        run r = {x, x, s, y};
        ARRAY_PUSH(a, *v, *n, r);
    }
}

/* The rules along the inner axis (h pixels, stride st[1]) of each of the
 * w lines of pixels of the outer axis (stride st[0]). */
static pdf_rule *rules(gir_arena *a, const unsigned char *px, int w, int h, const size_t st[2], double scale, size_t *n)
{
    run *v = NULL;
    size_t nv = 0, from = 0;
    int min = (int)(PDF_RULE_MIN * scale);
    for (int x = 0; x < w; x++) {
        /* runs of columns more than RULE_JOIN to the left are finished */
        while (from < nv && v[from].x < x - RULE_JOIN) from++;
        column_runs(a, px, x, h, st, min, &v, &nv, from);
    }
    pdf_rule *out = arena_alloc(a, (nv + 1) * sizeof *out);
    size_t k = 0;
    for (size_t i = 0; i < nv; i++) {
        if (v[i].x - v[i].x0 > RULE_WIDE * scale) continue;     /* a filled box, not a rule */
        out[k].x = (float)((v[i].x0 + v[i].x + 1) / 2.0 / scale);
        out[k].y0 = (float)(v[i].y0 / scale);
        out[k].y1 = (float)(v[i].y1 / scale);
        k++;
    }
    qsort(out, k, sizeof *out, by_x);
    *n = k;
    return out;
}

pdf_rule *pdf_vertical_rules(gir_arena *a, const unsigned char *px, int w, int h, int stride, double scale, size_t *n)
{
    size_t st[2] = {4, (size_t)stride};
    return rules(a, px, w, h, st, scale, n);
}

pdf_rule *pdf_horizontal_rules(gir_arena *a, const unsigned char *px, int w, int h, int stride, double scale, size_t *n)
{
    size_t st[2] = {(size_t)stride, 4};
    return rules(a, px, h, w, st, scale, n);
}

int pdf_rule_between(const pdf_rule *v, size_t n, float x0, float x1, float y, float len)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].x <= x0) lo = mid + 1;
        else hi = mid;
    }
    for (size_t i = lo; i < n && v[i].x < x1; i++)
        if (v[i].y0 <= y && v[i].y1 >= y && v[i].y1 - v[i].y0 > len) return 1;
    return 0;
}

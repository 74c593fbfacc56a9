/* suspect.c - the likely wrong cell (N0660, N0661). When a rule or a
 * written total of a block fails, looks for the fewest written cells (one, else two) whose
 * change makes every relation of the block hold: the template's rules
 * (given by sums.c) and the block's written totals; omitted totals follow
 * their parts. A single change is tried for each cell that a failing
 * relation involves; pairs only among those cells when no single change
 * works, and only when there are few. The answer is a suggestion, a note
 * at the cell: one fix is named; two or three are listed when more than
 * one relation fails and some cell they reach is ruled out (one failing
 * relation can be mended by any of its cells: listing them says nothing);
 * more, or none, say nothing. Whole numbers only; a block with a blank, text
 * or otherwise bad cell is left alone. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

/* bounds: cells tried alone, cells paired, answers listed, cells in a
 * block, and the candidates-by-relations table (8 bytes each) */
enum { SUS_SINGLES = 256, SUS_PAIRS = 48, SUS_SHOWN = 3, SUS_CELLS = 20000, SUS_SLOPES = 1 << 18 };
#define SUS_LIMIT ((int64_t)1 << 40)

typedef struct sus {
    ck *c;
    gir_rtable *rt;
    int blk;
    const gir_block *bl;
    size_t ncells;
    sus_rel *rel; size_t nrel;
    int64_t *val;          /* the values in use: written, overridden or computed */
    unsigned *stamp;       /* computed cell: the epoch its value is from */
    unsigned epoch;
    int *cand; size_t ncand;
    int64_t *base;         /* each relation's residual as written */
    int64_t **slope;       /* per candidate: each relation's residual change for +1 */
} sus;

typedef struct fix { int cell[2]; int64_t v[2]; int n; } fix;

static gir_cell *cell_at(sus *s, int i)
{
    return &s->rt->blocks[s->blk].cells[i];
}

static int changeable(sus *s, int i)
{
    gir_cell_state st = cell_at(s, i)->state;
    return st == CELL_WRITTEN || st == CELL_ZERO;
}

static int64_t value(sus *s, int i);

/* An omitted total: the sum of its parts, once per epoch. */
static int64_t computed(sus *s, int i)
{
    if (s->stamp[i] == s->epoch) return s->val[i];
    int ncols = (int)s->bl->ncols, r = i / ncols, col = i % ncols;
    const gir_hnode *h = s->bl->rows[r]->nsum ? s->bl->rows[r] : s->bl->cols[col];
    int axis = s->bl->rows[r]->nsum ? 0 : 1;
    int64_t acc = 0;
    for (size_t k = 0; k < h->nsum; k++)
        acc += value(s, axis == 0 ? h->sum[k] * ncols + col : r * ncols + h->sum[k]);
    s->stamp[i] = s->epoch;
    s->val[i] = acc;
    return acc;
}

static int64_t value(sus *s, int i)
{
    return cell_at(s, i)->state == CELL_COMPUTED ? computed(s, i) : s->val[i];
}

static int64_t residual(sus *s, const sus_rel *r)
{
    int64_t acc = r->konst;
    for (size_t k = 0; k < r->n; k++)
        acc += r->coef[k] * value(s, r->cell[k]);
    return acc;
}

/* A written total, as a relation: total - sum(parts) == 0. */
static void add_total(sus *s, int i, const gir_hnode *h, int axis)
{
    int ncols = (int)s->bl->ncols, r = i / ncols, col = i % ncols;
    const gir_cell *cell = cell_at(s, i);
    sus_rel rel = {NULL, NULL, 0, 0, CMP_EQ, cell->mismatch ? cell->finding : NULL};
    size_t k0 = 0;
    ARRAY_PUSH(s->c->a, rel.cell, k0, i);
    ARRAY_PUSH(s->c->a, rel.coef, rel.n, 1);
    for (size_t k = 0; k < h->nsum; k++) {
        size_t kn = rel.n;
        ARRAY_PUSH(s->c->a, rel.cell, kn, axis == 0 ? h->sum[k] * ncols + col : r * ncols + h->sum[k]);
        ARRAY_PUSH(s->c->a, rel.coef, rel.n, -1);
    }
    ARRAY_PUSH(s->c->a, s->rel, s->nrel, rel);
}

/* The block's values, 0 when it cannot be judged (a blank, text, bad or
 * fractional cell, or a number too large to add safely). */
static int load(sus *s, const sus_rel *rels, size_t nrels)
{
    for (size_t i = 0; i < s->ncells; i++) {
        gir_cell *cell = cell_at(s, (int)i);
        if (cell->state == CELL_BLANK || cell->state == CELL_TEXT) return 0;
        if (cell->bad && !cell->mismatch) return 0;
        if (cell->state != CELL_WRITTEN) continue;
        if (cell->v.scale != 0 || cell->v.m <= -SUS_LIMIT || cell->v.m >= SUS_LIMIT) return 0;
        s->val[i] = cell->v.m;
    }
    for (size_t k = 0; k < nrels; k++)
        ARRAY_PUSH(s->c->a, s->rel, s->nrel, rels[k]);
    int ncols = (int)s->bl->ncols;
    for (size_t i = 0; i < s->ncells; i++) {
        gir_cell *cell = cell_at(s, (int)i);
        if (!cell->derived || cell->state != CELL_WRITTEN) continue;
        const gir_hnode *rh = s->bl->rows[i / (size_t)ncols], *ch = s->bl->cols[i % (size_t)ncols];
        if (rh->nsum) add_total(s, (int)i, rh, 0);
        if (ch->nsum) add_total(s, (int)i, ch, 1);
    }
    return 1;
}

/* Marks the changeable cells a relation reaches, through omitted totals. */
static void reach(sus *s, int i, unsigned char *seen)
{
    if (seen[i]) return;
    seen[i] = 1;
    if (changeable(s, i)) {
        ARRAY_PUSH(s->c->a, s->cand, s->ncand, i);
        return;
    }
    if (cell_at(s, i)->state != CELL_COMPUTED) return;
    int ncols = (int)s->bl->ncols, r = i / ncols, col = i % ncols;
    const gir_hnode *h = s->bl->rows[r]->nsum ? s->bl->rows[r] : s->bl->cols[col];
    int axis = s->bl->rows[r]->nsum ? 0 : 1;
    for (size_t k = 0; k < h->nsum; k++)
        reach(s, axis == 0 ? h->sum[k] * ncols + col : r * ncols + h->sum[k], seen);
}

/* Evaluates every relation with the overrides of f; 1 if all hold and no
 * value is negative. */
static int all_hold(sus *s, const fix *f)
{
    int64_t old[2];
    for (int k = 0; k < f->n; k++) {
        old[k] = s->val[f->cell[k]];
        s->val[f->cell[k]] = f->v[k];
    }
    s->epoch++;
    int ok = 1;
    for (size_t k = 0; k < s->nrel && ok; k++)
        ok = check_cmp_holds(s->rel[k].cmp, residual(s, &s->rel[k]));
    for (size_t i = 0; i < s->ncells && ok; i++)
        if (cell_at(s, (int)i)->state == CELL_COMPUTED) ok = value(s, (int)i) >= 0;
    for (int k = f->n - 1; k >= 0; k--)
        s->val[f->cell[k]] = old[k];
    s->epoch++;
    return ok;
}

/* Residuals as written, then each candidate's effect on them. */
static void slopes(sus *s)
{
    s->base = arena_alloc(s->c->a, (s->nrel + 1) * sizeof *s->base);
    s->slope = arena_alloc(s->c->a, (s->ncand + 1) * sizeof *s->slope);
    s->epoch++;
    for (size_t k = 0; k < s->nrel; k++)
        s->base[k] = residual(s, &s->rel[k]);
    for (size_t j = 0; j < s->ncand; j++) {
        int i = s->cand[j];
        s->slope[j] = arena_alloc(s->c->a, (s->nrel + 1) * sizeof **s->slope);
        s->val[i]++;
        s->epoch++;
        for (size_t k = 0; k < s->nrel; k++)
            s->slope[j][k] = residual(s, &s->rel[k]) - s->base[k];
        s->val[i]--;
    }
    s->epoch++;
}

static int is_eq(sus *s, size_t k)
{
    return s->rel[k].cmp == CMP_EQ;
}

/* The first failing equation, or nrel when none fails. */
static size_t first_failing_eq(sus *s)
{
    for (size_t k = 0; k < s->nrel; k++)
        if (is_eq(s, k) && s->base[k] != 0) return k;
    return s->nrel;
}

/* Products in the solves stay far inside int64: residuals under 2^44,
 * slopes under 2^10 (a cell counted that many times in one relation). */
static int small(int64_t v, int64_t bound)
{
    return v > -bound && v < bound;
}

static int solvable(sus *s, size_t j)
{
    for (size_t k = 0; k < s->nrel; k++)
        if (!small(s->base[k], (int64_t)1 << 44) || !small(s->slope[j][k], 1 << 10)) return 0;
    return 1;
}

static int try_single(sus *s, size_t j, size_t f0, fix *out)
{
    int64_t a = s->slope[j][f0];
    if (a == 0 || s->base[f0] % a != 0) return 0;
    int64_t d = -s->base[f0] / a;
    for (size_t k = 0; k < s->nrel; k++)
        if (is_eq(s, k) && s->base[k] + d * s->slope[j][k] != 0) return 0;
    int i = s->cand[j];
    *out = (fix){{i, -1}, {s->val[i] + d, 0}, 1};
    return out->v[0] >= 0 && all_hold(s, out);
}

static int try_pair(sus *s, size_t j1, size_t j2, size_t f0, fix *out)
{
    const int64_t *x = s->slope[j1], *y = s->slope[j2];
    for (size_t g = 0; g < s->nrel; g++) {
        if (!is_eq(s, g) || g == f0) continue;
        int64_t det = x[f0] * y[g] - x[g] * y[f0];
        if (det == 0) continue;
        int64_t na = -s->base[f0] * y[g] + s->base[g] * y[f0];
        int64_t nb = -s->base[g] * x[f0] + s->base[f0] * x[g];
        if (na % det != 0 || nb % det != 0) return 0;
        int64_t a = na / det, b = nb / det;
        if (a == 0 || b == 0 || !small(a, (int64_t)1 << 44) || !small(b, (int64_t)1 << 44)) return 0;
        for (size_t k = 0; k < s->nrel; k++)
            if (is_eq(s, k) && s->base[k] + a * x[k] + b * y[k] != 0) return 0;
        int c1 = s->cand[j1], c2 = s->cand[j2];
        *out = (fix){{c1, c2}, {s->val[c1] + a, s->val[c2] + b}, 2};
        return out->v[0] >= 0 && out->v[1] >= 0 && all_hold(s, out);
    }
    return 0;
}

/* Up to SUS_SHOWN + 1 fixes of the fewest cells; returns how many. */
static size_t search(sus *s, fix *found)
{
    size_t f0 = first_failing_eq(s), n = 0;
    if (f0 == s->nrel) return 0;
    for (size_t j = 0; j < s->ncand; j++)
        if (!solvable(s, j)) return 0;
    for (size_t j = 0; j < s->ncand && n <= SUS_SHOWN; j++)
        if (try_single(s, j, f0, &found[n])) n++;
    if (n || s->ncand > SUS_PAIRS) return n;
    for (size_t j1 = 0; j1 < s->ncand && n <= SUS_SHOWN; j1++)
        for (size_t j2 = j1 + 1; j2 < s->ncand && n <= SUS_SHOWN; j2++)
            if (try_pair(s, j1, j2, f0, &found[n])) n++;
    return n;
}

/* "“新收.自然人”为 18、“新收.其他”为 2" (en: "新收.自然人 = 18 and 新收.其他 = 2"). */
static const char *fix_text(sus *s, const fix *f)
{
    gir_buf b;
    buf_init(&b, s->c->a);
    int zh = s->c->dg->lang == GIR_LANG_ZH;
    int ncols = (int)s->bl->ncols;
    for (int k = 0; k < f->n; k++) {
        int i = f->cell[k];
        if (k) buf_puts(&b, zh ? "、" : " and ");
        const char *rn = s->bl->rows[i / ncols]->name, *cn = s->bl->cols[i % ncols]->name;
        if (zh) buf_printf(&b, "“%s.%s”为 %lld", rn, cn, (long long)f->v[k]);
        else buf_printf(&b, "%s.%s = %lld", rn, cn, (long long)f->v[k]);
    }
    return buf_cstr(&b);
}

/* Relations that fail as written. One failing relation alone can be
 * mended by any of its cells, so a list of those would say nothing. */
static size_t failing(sus *s)
{
    size_t n = 0;
    for (size_t k = 0; k < s->nrel; k++)
        n += !check_cmp_holds(s->rel[k].cmp, s->base[k]);
    return n;
}

static const gir_diag *first_failure(sus *s)
{
    for (size_t k = 0; k < s->nrel; k++)
        if (s->rel[k].g) return s->rel[k].g;
    return NULL;
}

/* A note and the findings it explains: dropped after the waivers when
 * every one of them was waived (check_suspect_waived). */
struct ck_sus {
    gir_diag *note;
    const gir_diag **why;
    size_t nwhy;
};

static void remember(sus *s, gir_diag *note)
{
    if (!note) return;
    struct ck_sus e = {note, NULL, 0};
    for (size_t k = 0; k < s->nrel; k++)
        if (s->rel[k].g) ARRAY_PUSH(s->c->a, e.why, e.nwhy, s->rel[k].g);
    ARRAY_PUSH(s->c->a, s->c->sus, s->c->nsus, e);
}

static int all_waived(const struct ck_sus *e)
{
    for (size_t k = 0; k < e->nwhy; k++)
        if (!e->why[k]->waived) return 0;
    return e->nwhy > 0;
}

static int cmp_ptr(const void *x, const void *y)
{
    uintptr_t a = (uintptr_t)*(const void *const *)x;
    uintptr_t b = (uintptr_t)*(const void *const *)y;
    return a < b ? -1 : a > b;
}

void check_suspect_waived(ck *c)
{
    gir_diag **gone = NULL;
    size_t ngone = 0;
    for (size_t i = 0; i < c->nsus; i++)
        if (all_waived(&c->sus[i])) ARRAY_PUSH(c->a, gone, ngone, c->sus[i].note);
    if (!ngone) return;
    qsort(gone, ngone, sizeof *gone, cmp_ptr);   /* n log k, however many blocks failed */
    gir_diags *d = c->dg;
    size_t w = 0;
    for (size_t i = 0; i < d->n; i++) {
        gir_diag *g = d->v[i];
        if (!bsearch(&g, gone, ngone, sizeof *gone, cmp_ptr)) d->v[w++] = g;
    }
    d->n = w;
}

/* A note of its own at the (first) suggested cell, with the other cells
 * and the first failing rule as related places. */
static void say(sus *s, const fix *found, size_t n)
{
    ck *c = s->c;
    int ncols = (int)s->bl->ncols;
    const gir_diag *first = first_failure(s);
    gir_span at = cell_span(c, s->rt, s->blk, found[0].cell[0] / ncols, found[0].cell[0] % ncols);
    gir_diag *g;
    if (n == 1) {
        g = diag_add(c->dg, GIR_SEV_NOTE, C_SUSPECT_ONE, c->src, at, fix_text(s, &found[0]));
    } else {
        gir_buf b;
        buf_init(&b, c->a);
        int zh = c->dg->lang == GIR_LANG_ZH;
        for (size_t k = 0; k < n; k++) {
            if (k) buf_puts(&b, zh ? "；或" : "; or ");
            buf_puts(&b, fix_text(s, &found[k]));
        }
        g = diag_add(c->dg, GIR_SEV_NOTE, C_SUSPECT_SOME, c->src, at, n, buf_cstr(&b));
    }
    for (size_t k = 0; k < n; k++)
        for (int j = 0; j < found[k].n; j++) {
            int i = found[k].cell[j];
            if (k == 0 && j == 0) continue;
            const char *name = arena_printf(c->a, "%s.%s", s->bl->rows[i / ncols]->name, s->bl->cols[i % ncols]->name);
            diag_related(c->dg, g, c->src, cell_span(c, s->rt, s->blk, i / ncols, i % ncols), C_SUSPECT_CELL, name, (long long)found[k].v[j]);
        }
    if (first && first->src == c->src && (first->span.start != at.start || first->span.end != at.end)) diag_related(c->dg, g, c->src, first->span, C_SUSPECT_RULE);
    diag_help(c->dg, g, C_SUSPECT_HELP);
    remember(s, g);
}

/* The one fix is a written total set to the sum of its parts, which its
 * own error (E0501) already says. */
static int already_said(sus *s, const fix *f)
{
    const gir_cell *cell = cell_at(s, f->cell[0]);
    return f->n == 1 && cell->mismatch && cell->expected.scale == 0 && cell->expected.m == f->v[0];
}

/* A rule of the block failed, or a written total of it. */
static int something_failed(gir_rtable *rt, int blk, size_t ncells, const sus_rel *rels, size_t nrels)
{
    for (size_t k = 0; k < nrels; k++)
        if (rels[k].g) return 1;
    for (size_t i = 0; i < ncells; i++)
        if (rt->blocks[blk].cells[i].mismatch) return 1;
    return 0;
}

void check_suspect(ck *c, gir_rtable *rt, int blk, const sus_rel *rels, size_t nrels)
{
    const gir_block *bl = rt->t->blocks[blk];
    size_t ncells = bl->nrows * bl->ncols;
    if (ncells == 0 || ncells > SUS_CELLS || rt->unresolved || !something_failed(rt, blk, ncells, rels, nrels)) return;
    sus s = {c, rt, blk, bl, ncells, NULL, 0, arena_alloc(c->a, ncells * sizeof(int64_t)),
             arena_alloc(c->a, ncells * sizeof(unsigned)), 1, NULL, 0, NULL, NULL};
    if (!load(&s, rels, nrels)) return;
    unsigned char *seen = arena_alloc(c->a, ncells);
    s.epoch++;
    for (size_t k = 0; k < s.nrel; k++) {
        if (check_cmp_holds(s.rel[k].cmp, residual(&s, &s.rel[k]))) continue;
        for (size_t t = 0; t < s.rel[k].n; t++)
            reach(&s, s.rel[k].cell[t], seen);
    }
    if (s.ncand == 0 || s.ncand > SUS_SINGLES || s.ncand * s.nrel > SUS_SLOPES) return;
    slopes(&s);
    fix found[SUS_SHOWN + 1];
    size_t n = search(&s, found);
    if (n == 1 && already_said(&s, &found[0])) return;
    if (n == 1 || (n >= 2 && n <= SUS_SHOWN && failing(&s) >= 2 && n < s.ncand)) say(&s, found, n);
}

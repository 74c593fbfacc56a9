/* split.c - digits that ran together in a copied table
 * ("640020470" for 64 0 0 2 0 4 70). Every way of cutting the digits into
 * the row's cells is enumerated (no piece with a leading zero, a fraction
 * and unit stay with the last piece of their number); the one possible
 * split is taken, else the one where the row's derived columns (总计 =
 * the sum of the others) add up. When several remain, the cells on which
 * they all agree are set and the others wait: imp_resolve_columns keeps
 * the readings that make a column total (（七）总计 = its rows) add up.
 * Then the text outside the tables may decide a row: a mention of its
 * label followed by numbers ("现行有效行政规范性文件698件") that leaves
 * exactly one reading. Cells still undecided are written _ and every
 * reading is listed. */
#include <stdio.h>
#include <string.h>
#include "base/array.h"
#include "base/dec.h"
#include "cells.h"
#include "notes.h"
#include "split.h"
#include "units.h"

#define MAX_CAND 4000


typedef struct splitter {
    imp_ctx *c;
    const imp_tok **tok; size_t ntok;
    size_t cells;
    char **cur; size_t ncur;
    char ***out; size_t nout;
    size_t *suffix;               /* cells' worth of digits in tokens i.. */
    size_t steps;
    int overflow;
} splitter;

static void enumerate(splitter *s, size_t ti, size_t pos)
{
    if (s->overflow || ++s->steps > 400000) { s->overflow = 1; return; }
    if (ti < s->ntok) {
        size_t rem = s->suffix[ti] - pos, need = s->cells - s->ncur;
        if (need > rem || rem > need * 15) return;
    }
    if (ti == s->ntok) {
        if (s->ncur != s->cells) return;
        if (s->nout >= MAX_CAND) { s->overflow = 1; return; }
        char **v = arena_alloc(s->c->a, s->cells * sizeof *v);
        memcpy(v, s->cur, s->cells * sizeof *v);
        ARRAY_PUSH(s->c->a, s->out, s->nout, v);
        return;
    }
    const imp_tok *k = s->tok[ti];
    if (k->k != TK_NUM) {                       /* a "/" is one cell */
        s->cur[s->ncur++] = "_";
        enumerate(s, ti + 1, 0);
        s->ncur--;
        return;
    }
    size_t len = strlen(k->ip);
    size_t left = s->ntok - ti - 1;            /* later tokens need a cell each */
    if (s->ncur + 1 + left > s->cells) return;
    for (size_t e = pos + 1; e <= len; e++) {
        if (e - pos > 15) break;
        if (k->ip[pos] == '0' && e - pos > 1) break;     /* no leading zeros */
        int last = e == len;
        const char *sign = pos == 0 && k->sign < 0 ? "-" : pos == 0 && k->sign > 0 ? "+" : "";
        const char *piece = arena_printf(s->c->a, "%s%.*s%s%s%s", sign, (int)(e - pos), k->ip + pos,
                                         last && *k->fp ? "." : "", last ? k->fp : "", last ? k->unit : "");
        if (s->ncur >= s->cells) return;
        s->cur[s->ncur++] = (char *)piece;
        if (last) enumerate(s, ti + 1, 0);
        else enumerate(s, ti, e);
        s->ncur--;
    }
}

/* Do the block's derived columns add up in this candidate? */
static int sums_hold(const imp_table *t, const imp_row *r, char **v)
{
    const gir_block *bl = t->t->blocks[r->block];
    for (size_t col = 0; col < bl->ncols; col++) {
        const gir_hnode *h = bl->cols[col];
        if (!h->nsum) continue;
        gir_dec tot, acc = {0, 0}, x;
        if (!imp_lit_dec(v[col], &tot)) continue;
        int ok = 1;
        for (size_t k = 0; k < h->nsum && ok; k++) {
            if (!imp_lit_dec(v[h->sum[k]], &x) || dec_add(acc, x, &acc) != DEC_OK) ok = 0;
        }
        int cmp_ok;
        if (ok && dec_cmp(acc, tot, &cmp_ok) != 0) return 0;
    }
    return 1;
}

static const char *joined(imp_ctx *c, char **v, size_t n)
{
    gir_buf b;
    buf_init(&b, c->a);
    for (size_t i = 0; i < n; i++) { if (i) buf_putc(&b, ' '); buf_puts(&b, v[i]); }
    return buf_cstr(&b);
}

/* Sets each cell on which every candidate agrees; the others IC_UNSURE. */
static void apply_candidates(imp_ctx *c, imp_table *t, imp_row *r, imp_how how)
{
    for (size_t col = 0; col < r->ncols; col++) {
        const char *v0 = r->cand[0][col];
        int same = 1;
        for (size_t k = 1; k < r->ncand && same; k++) if (strcmp(r->cand[k][col], v0) != 0) same = 0;
        imp_cell *cell = &r->cells[col];
        if (cell->st == IC_VALUE || cell->st == IC_BLANK) { if (cell->how >= HOW_SPLIT) cell->how = how; continue; }
        if (same) {
            cell->st = strcmp(v0, "_") == 0 ? IC_BLANK : IC_VALUE;
            cell->val = v0;
            cell->how = how;
        } else {
            cell->st = IC_UNSURE;
        }
    }
    (void)t;
    (void)c;
}

int imp_split_row(imp_ctx *c, imp_table *t, imp_row *r, const imp_tok **tok, size_t ntok)
{
    splitter s = {c, tok, ntok, r->ncols, arena_alloc(c->a, (r->ncols + 1) * sizeof(char *)), 0, NULL, 0,
                  arena_alloc(c->a, (ntok + 1) * sizeof(size_t)), 0, 0};
    for (size_t i = ntok; i-- > 0;) s.suffix[i] = s.suffix[i + 1] + (tok[i]->k == TK_NUM ? strlen(tok[i]->ip) : 1);
    enumerate(&s, 0, 0);
    if (!s.nout) return 0;
    gir_buf raw;
    buf_init(&raw, c->a);
    for (size_t i = 0; i < ntok; i++) { if (i) buf_putc(&raw, ' '); buf_puts(&raw, tok[i]->text); }
    const char *digits = buf_cstr(&raw);
    gir_span sp = imp_span(c, tok[0]->ub, tok[ntok - 1]->ue);
    for (size_t col = 0; col < r->ncols; col++) { r->cells[col].ub = tok[0]->ub; r->cells[col].ue = tok[ntok - 1]->ue; r->cells[col].raw = digits; }
    if (s.nout == 1 && !s.overflow) {
        r->cand = s.out;
        r->ncand = 1;
        apply_candidates(c, t, r, HOW_SPLIT);
        imp_row_note(c, r, I_G_SPLIT, digits, joined(c, s.out[0], r->ncols));
        diag_add(c->dg, GIR_SEV_NOTE, I_SPLIT, c->src, sp, imp_rname(r), digits, joined(c, s.out[0], r->ncols));
        return 1;
    }
    char ***ok = NULL;
    size_t nok = 0;
    for (size_t i = 0; i < s.nout; i++) if (sums_hold(t, r, s.out[i])) ARRAY_PUSH(c->a, ok, nok, s.out[i]);
    if (nok == 1 && !s.overflow) {
        r->cand = ok;
        r->ncand = 1;
        apply_candidates(c, t, r, HOW_SPLIT_SUM);
        imp_row_note(c, r, I_G_SPLIT_SUM, digits, joined(c, ok[0], r->ncols));
        diag_add(c->dg, GIR_SEV_NOTE, I_SPLIT_SUM, c->src, sp, imp_rname(r), digits, joined(c, ok[0], r->ncols));
        return 1;
    }
    int sums = 0;
    for (size_t col = 0; col < r->ncols; col++) sums |= t->t->blocks[r->block]->cols[col]->nsum > 0;
    if (!sums) nok = 0;
    r->cand = nok ? ok : s.out;
    r->ncand = nok ? nok : s.nout;
    apply_candidates(c, t, r, nok ? HOW_SPLIT_SUM : HOW_SPLIT);
    gir_msg ways = nok ? (s.overflow ? I_G_WAYS_SUM_MORE : I_G_WAYS_SUM) : (s.overflow ? I_G_WAYS_MORE : I_G_WAYS);
    imp_row_note(c, r, ways, digits, r->ncand);
    return 1;
}

/* Reports a row that is still ambiguous once column totals were tried. */
static void report_unsure(imp_ctx *c, imp_row *r)
{
    size_t unsure = 0;
    for (size_t col = 0; col < r->ncols; col++) unsure += r->cells[col].st == IC_UNSURE;
    if (!unsure) return;
    const imp_cell *k = &r->cells[0];
    char n[32];
    snprintf(n, sizeof n, "%zu", r->ncand);
    diag_add(c->dg, GIR_SEV_WARNING, I_AMBIGUOUS, c->src, imp_span(c, k->ub, k->ue), imp_rname(r), k->raw ? k->raw : "", n);
    for (size_t i = 0; i < r->ncand && i < 6; i++) imp_row_note(c, r, I_G_READING, i + 1, joined(c, r->cand[i], r->ncols));
    if (r->ncand > 6) imp_row_note(c, r, I_G_MORE_READINGS, r->ncand - 6);
}

/* ---- the prose decides split digits ---- */

enum { PROSE_WINDOW = 30, PROSE_HITS = 16, PROSE_NUMS = 8 };

static int is_digit_cp(uint32_t cp) { return cp >= '0' && cp <= '9'; }

/* The numbers of the clause after a mention of the row's label at unit
 * e ("现行有效行政规范性文件698件": 698), not years, into v; the clause's
 * end in *end. */
static size_t clause_numbers(imp_ctx *c, size_t e, const char **v, size_t max, size_t *end)
{
    size_t n = 0;
    size_t lim = e + PROSE_WINDOW < c->nu ? e + PROSE_WINDOW : c->nu;
    size_t i = e;
    for (; i < lim && n < max; i++) {
        uint32_t cp = c->u[i].cp;
        if (cp == U_NL || cp == U_PIPE || cp == 0x3002 /* 。 */ || cp == ';') break;
        if (!is_digit_cp(cp) || (i > 0 && is_digit_cp(c->u[i - 1].cp))) continue;
        size_t j = i;
        while (j < c->nu && is_digit_cp(c->u[j].cp)) j++;
        if (j < c->nu && (c->u[j].cp == 0x5E74 /* 年 */ || c->u[j].cp == '.' || c->u[j].cp == '%')) { i = j; continue; }
        v[n++] = imp_units_text(c, i, j);
        i = j - 1;
    }
    *end = i;
    return n;
}

/* Does candidate q hold every number of v (each in a cell of its own)? */
static int holds_all(const imp_row *r, char **q, const char **v, size_t nv)
{
    int used[64] = {0};
    for (size_t k = 0; k < nv; k++) {
        size_t col = 0;
        while (col < r->ncols && (col >= 64 || used[col] || strcmp(q[col], v[k]) != 0)) col++;
        if (col >= r->ncols) return 0;
        used[col] = 1;
    }
    return 1;
}

/* A row still ambiguous: the text outside the tables may name its numbers
 * ("现行有效行政规范性文件698件"); a mention that leaves exactly one
 * reading decides it, and a comment says so. */
static void prose_decides(imp_ctx *c, imp_table *t, imp_row *r)
{
    int unsure = 0;
    for (size_t col = 0; col < r->ncols; col++) unsure |= r->cells[col].st == IC_UNSURE;
    if (!unsure || r->anchor < 0 || r->ncand < 2) return;
    const imp_anchor *an = &t->an[r->anchor];
    size_t hits = 0;
    for (size_t p = 0; p < an->npats && hits < PROSE_HITS; p++) {
        size_t from = 0, me, at;
        while (hits < PROSE_HITS && (at = imp_find(c, from, c->nu, an->pats[p].cp, an->pats[p].n, &me)) != (size_t)-1) {
            from = me;
            if (t->found && at >= t->ub && at < t->ue) continue;          /* the row's own label */
            if (imp_html_table(c, at)) continue;
            hits++;
            const char *v[PROSE_NUMS];
            size_t end;
            size_t nv = clause_numbers(c, me, v, PROSE_NUMS, &end);
            if (!nv) continue;
            char ***keep = NULL;
            size_t nk = 0;
            for (size_t q = 0; q < r->ncand; q++) if (holds_all(r, r->cand[q], v, nv)) ARRAY_PUSH(c->a, keep, nk, r->cand[q]);
            if (nk != 1) continue;
            r->cand = keep;
            r->ncand = 1;
            apply_candidates(c, t, r, HOW_SPLIT_COL);
            for (size_t col = 0; col < r->ncols; col++) if (r->cells[col].st == IC_UNSURE) r->cells[col].st = IC_VALUE;
            const char *said = imp_raw_text(c, at, end);
            const imp_cell *k0 = &r->cells[0];
            imp_row_note(c, r, I_G_SPLIT_PROSE, said, joined(c, keep[0], r->ncols));
            diag_add(c->dg, GIR_SEV_NOTE, I_SPLIT_PROSE, c->src, imp_span(c, at, end), imp_rname(r), k0->raw ? k0->raw : "",
                     said, joined(c, keep[0], r->ncols));
            return;
        }
    }
}

/* ---- column totals decide split digits ---- */

static int cell_dec(const imp_row *r, size_t col, gir_dec *v)
{
    const imp_cell *k = &r->cells[col];
    return k->st == IC_VALUE && k->val && imp_lit_dec(k->val, v);
}

void imp_resolve_columns(imp_ctx *c, imp_table *t)
{
    for (int pass = 0, changed = 1; changed && pass < 8; pass++) {
        changed = 0;
        for (size_t i = 0; i < t->nrows; i++) {
            imp_row *d = &t->rows[i];
            if (!d->h->nsum) continue;
            const gir_block *bl = t->t->blocks[d->block];
            for (size_t col = 0; col < d->ncols; col++) {
                imp_row *rows[64];
                size_t nr = 0;
                rows[nr++] = d;
                for (size_t k = 0; k < d->h->nsum && nr < 64; k++) rows[nr++] = imp_row_of(t, bl->rows[d->h->sum[k]]);
                imp_row *open = NULL;
                gir_dec known = {0, 0}, v;
                int ok = 1;
                for (size_t k = 0; k < nr && ok; k++) {
                    if (!rows[k]) { ok = 0; break; }
                    if (rows[k]->cells[col].st == IC_UNSURE) { if (open) ok = 0; open = rows[k]; continue; }
                    if (!cell_dec(rows[k], col, &v)) { ok = 0; break; }
                    if (k == 0) { v.m = -v.m; }
                    if (dec_add(known, v, &known) != DEC_OK) ok = 0;
                }
                if (!ok || !open) continue;
                /* parts - total = 0: the open cell is -known (a part) or known (the total) */
                gir_dec need = known;
                if (open != d) need.m = -need.m;
                char ***keep = NULL;
                size_t nk = 0;
                for (size_t q = 0; q < open->ncand; q++) {
                    gir_dec x;
                    int cok;
                    if (imp_lit_dec(open->cand[q][col], &x) && dec_cmp(x, need, &cok) == 0) ARRAY_PUSH(c->a, keep, nk, open->cand[q]);
                }
                if (!nk || nk == open->ncand) continue;
                open->cand = keep;
                open->ncand = nk;
                apply_candidates(c, t, open, HOW_SPLIT_COL);
                changed = 1;
                if (nk == 1) {
                    const imp_cell *k0 = &open->cells[0];
                    imp_row_note(c, open, I_G_SPLIT_COL, imp_rname(d), joined(c, keep[0], open->ncols));
                    diag_add(c->dg, GIR_SEV_NOTE, I_SPLIT_COL, c->src, imp_span(c, k0->ub, k0->ue), imp_rname(open),
                             k0->raw ? k0->raw : "", joined(c, keep[0], open->ncols), imp_rname(d));
                }
            }
        }
    }
    for (size_t i = 0; i < t->nrows; i++) prose_decides(c, t, &t->rows[i]);
    for (size_t i = 0; i < t->nrows; i++) report_unsure(c, &t->rows[i]);
}

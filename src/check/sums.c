/* sums.c - derived cells (totals: computed when omitted, checked
 * when written) and the template's rules and patterns (勾稽关系). A rule
 * touching a cell that already has an error is skipped, so one mistake
 * gives one diagnostic; one touching a blank cell is "not checkable". */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "internal.h"

#define CELL(rt, blk, r, col) (&(rt)->blocks[blk].cells[(size_t)(r) * (rt)->t->blocks[blk]->ncols + (size_t)(col)])

enum { V_OK, V_BLANK, V_BAD, V_OVERFLOW };

typedef struct sumctx {
    ck *c;
    gir_rtable *rt;
    int blk;
    unsigned char *mark;   /* 0 new, 1 in progress, 2 done */
} sumctx;

static int value_of(sumctx *s, int r, int col, gir_dec *out);

/* Sums the addends of a derived cell, along rows (axis 0) or columns;
 * V_OVERFLOW (*blank_at the addend) when the sum leaves the range of a
 * decimal (dec.h): the total is then neither computed nor checked. */
static int sum_addends(sumctx *s, const gir_hnode *h, int axis, int r, int col, gir_dec *out, int *blank_at)
{
    gir_dec acc = {0, 0};
    int status = V_OK;
    for (size_t k = 0; k < h->nsum; k++) {
        gir_dec v;
        int rr = axis == 0 ? h->sum[k] : r, cc = axis == 0 ? col : h->sum[k];
        int st = value_of(s, rr, cc, &v);
        if (st == V_BLANK) { if (status == V_OK) { status = V_BLANK; *blank_at = (int)k; } continue; }
        if (st == V_BAD) return V_BAD;
        if (dec_add(acc, v, &acc) != DEC_OK) { *blank_at = (int)k; return V_OVERFLOW; }
    }
    *out = acc;
    return status;
}

/* "自然人 3 + 商业企业 14" listing the non-zero addends. */
static const char *addend_text(sumctx *s, const gir_hnode *h, int axis, int r, int col)
{
    gir_buf b;
    buf_init(&b, s->c->a);
    const gir_block *bl = s->rt->t->blocks[s->blk];
    size_t shown = 0;
    for (size_t k = 0; k < h->nsum; k++) {
        int rr = axis == 0 ? h->sum[k] : r, cc = axis == 0 ? col : h->sum[k];
        gir_cell *cell = CELL(s->rt, s->blk, rr, cc);
        if (dec_is_zero(cell->v)) continue;
        if (shown++) buf_puts(&b, " + ");
        char num[48];
        dec_format_buf(cell->v, num);
        buf_printf(&b, "%s %s", axis == 0 ? bl->rows[rr]->name : bl->cols[cc]->name, num);
    }
    if (!shown) buf_puts(&b, "0");
    return buf_cstr(&b);
}

static void report_mismatch(sumctx *s, const gir_hnode *h, int axis, int r, int col, gir_cell *cell, gir_dec expect)
{
    ck *c = s->c;
    const gir_block *bl = s->rt->t->blocks[s->blk];
    char e[48], w[48], dd[48];
    dec_format_buf(expect, e);
    dec_format_buf(cell->v, w);
    gir_dec diff = {0, 0};
    int ok;
    int more = dec_cmp(cell->v, expect, &ok) > 0;
    dec_status ds = more ? dec_sub(cell->v, expect, &diff) : dec_sub(expect, cell->v, &diff);
    if (ds == DEC_OK) dec_format_buf(diff, dd);
    else snprintf(dd, sizeof dd, "%s+", "9223372036854775807");   /* the difference itself is out of range */
    const char *where = axis == 0 ? bl->cols[col]->name : bl->rows[r]->name;
    gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, more ? C_TOTAL_TOO_BIG : C_TOTAL_TOO_SMALL, c->src, cell->span,
                           h->name, where, e, addend_text(s, h, axis, r, col), w, dd);
    for (size_t k = 0; k < h->nsum; k++) {
        int rr = axis == 0 ? h->sum[k] : r, cc = axis == 0 ? col : h->sum[k];
        gir_cell *a = CELL(s->rt, s->blk, rr, cc);
        if (!a->node || dec_is_zero(a->v)) continue;
        char num[48];
        dec_format_buf(a->v, num);
        diag_related(c->dg, g, c->src, a->span, C_ADDEND, axis == 0 ? bl->rows[rr]->name : bl->cols[cc]->name, num);
    }
    diag_help(c->dg, g, M_HELP_WRITE, e);
    diag_fix(c->dg, g, cell->span, e);
    cell->bad = 1;
    cell->mismatch = 1;
    cell->rule = h->name;
    cell->rule_warning = 0;
    cell->finding = g;
}

/* A total whose sum is out of range: one error, at the written total or
 * else at the addend where the sum overflowed; the cell is bad, so that
 * nothing depending on it is checked or shown as a number. */
static void report_overflow(sumctx *s, const gir_hnode *h, int axis, int r, int col, gir_cell *cell, int at)
{
    const gir_block *bl = s->rt->t->blocks[s->blk];
    int rr = axis == 0 ? h->sum[at] : r, cc = axis == 0 ? col : h->sum[at];
    gir_span sp = cell->state == CELL_WRITTEN ? cell->span : CELL(s->rt, s->blk, rr, cc)->span;
    const char *name = arena_printf(s->c->a, "%s.%s", bl->rows[r]->name, bl->cols[col]->name);
    diag_add(s->c->dg, GIR_SEV_ERROR, C_TOTAL_OVERFLOW, s->c->src, sp, name, "9223372036854775807");
    cell->bad = 1;
    if (cell->state != CELL_WRITTEN) cell->state = CELL_BLANK;
}

static int check_derived(sumctx *s, const gir_hnode *h, int axis, int r, int col, gir_cell *cell)
{
    gir_dec expect;
    int blank_at = -1;
    int st = sum_addends(s, h, axis, r, col, &expect, &blank_at);
    cell->derived = 1;
    if (st == V_OVERFLOW) {
        if (!cell->bad) report_overflow(s, h, axis, r, col, cell, blank_at);
        return V_BAD;
    }
    if (st == V_BAD) { if (cell->state != CELL_WRITTEN) cell->bad = 1; return cell->state == CELL_WRITTEN && !cell->bad ? V_OK : V_BAD; }
    if (st == V_BLANK) {
        if (cell->state == CELL_WRITTEN) {
            const gir_block *bl = s->rt->t->blocks[s->blk];
            int rr = axis == 0 ? h->sum[blank_at] : r, cc = axis == 0 ? col : h->sum[blank_at];
            gir_diag *g = diag_add(s->c->dg, GIR_SEV_NOTE, C_NOT_CHECKABLE_TOTAL, s->c->src, cell->span,
                                   h->name, bl->rows[rr]->name, bl->cols[cc]->name);
            (void)g;
            s->c->r->not_checkable++;
            return V_OK;
        }
        if (cell->state != CELL_BLANK) cell->state = CELL_BLANK;
        return V_BLANK;
    }
    cell->expected = expect;
    if (axis == 0 && s->rt->unresolved) {
        cell->bad = 1;   /* a row of this table was not understood: do not guess */
        return V_BAD;
    }
    if (cell->state == CELL_WRITTEN) {
        int ok;
        if (dec_cmp(cell->v, expect, &ok) != 0 && !cell->bad) report_mismatch(s, h, axis, r, col, cell, expect);
        return cell->bad ? V_BAD : V_OK;
    }
    if (cell->state == CELL_BLANK) return V_BLANK;
    cell->state = CELL_COMPUTED;
    cell->v = expect;
    return V_OK;
}

static int value_of(sumctx *s, int r, int col, gir_dec *out)
{
    const gir_block *bl = s->rt->t->blocks[s->blk];
    gir_cell *cell = CELL(s->rt, s->blk, r, col);
    unsigned char *m = &s->mark[(size_t)r * bl->ncols + (size_t)col];
    if (*m == 1) {
        diag_add(s->c->dg, GIR_SEV_ERROR, K_DERIVED_CYCLE, s->c->s->src, bl->rows[r]->decl->span, bl->rows[r]->name);
        cell->bad = 1;
        return V_BAD;
    }
    if (*m == 0) {
        *m = 1;
        const gir_hnode *rh = bl->rows[r], *ch = bl->cols[col];
        if (rh->nsum) {
            check_derived(s, rh, 0, r, col, cell);
            /* the corner of two totals: also check it along the row */
            if (ch->nsum && cell->state == CELL_WRITTEN && !cell->bad) check_derived(s, ch, 1, r, col, cell);
        } else if (ch->nsum) {
            check_derived(s, ch, 1, r, col, cell);
        }
        *m = 2;
    }
    if (cell->bad || cell->state == CELL_TEXT) return V_BAD;
    if (cell->state == CELL_BLANK) return V_BLANK;
    *out = cell->state == CELL_ZERO ? (gir_dec){0, 0} : cell->v;
    return V_OK;
}

void check_totals(ck *c, gir_rtable *rt)
{
    for (size_t b = 0; b < rt->t->nblocks; b++) {
        const gir_block *bl = rt->t->blocks[b];
        sumctx s = {c, rt, (int)b, arena_alloc(c->a, bl->nrows * bl->ncols + 1)};
        for (size_t r = 0; r < bl->nrows; r++)
            for (size_t col = 0; col < bl->ncols; col++) {
                gir_dec v;
                value_of(&s, (int)r, (int)col, &v);
            }
    }
}

/* ---- rules ---- */

typedef struct inst {          /* one instance of a rule */
    int blk;
    int fixed_row, fixed_col;  /* -1 when the term gives it */
    const char *where;         /* "自然人" for per-column, row name for per-row */
} inst;

/* Resolves a term's cell in an instance. */
static int term_cell(ck *c, gir_rtable *rt, const gir_rule *ru, const gir_term *t, const inst *in, int *r, int *col)
{
    const gir_block *bl = rt->t->blocks[in->blk];
    switch (ru->scope) {
    case SCOPE_EACH_COLUMN: case SCOPE_COLUMNS: *r = t->row; *col = in->fixed_col; return t->block == in->blk;
    case SCOPE_EACH_ROW: *r = in->fixed_row; *col = t->col; return t->block == in->blk;
    case SCOPE_ROWS: {
        gir_hnode *h = schema_find_col(bl, c->a, t->name);
        if (!h || h->is_group) return 0;
        *r = in->fixed_row; *col = h->index;
        return 1;
    }
    default: *r = t->row; *col = t->col; return t->block == in->blk;
    }
}

enum { E_OK, E_BLANK, E_SKIP, E_OVERFLOW };

/* The same cell in last year's report (matched by table, row and column
 * names, since last year may use the other template; the row and the
 * column are this year's, whether the term names the row or the column),
 * or NULL. */
static gir_cell *previous_cell(ck *c, gir_rtable *rt, int blk, int row, int col)
{
    const gir_report *p = c->r->previous;
    if (!p || row < 0 || col < 0) return NULL;
    const gir_ttable *pt = schema_find_table(p->schema, c->a, rt->t->name);
    if (!pt || !p->tables[pt->index].node) return NULL;
    int pb = 0;
    const gir_hnode *ph = schema_find_row(pt, c->a, rt->t->blocks[blk]->rows[row]->name, &pb);
    if (!ph || ph->is_group) return NULL;
    const gir_hnode *pc = schema_find_col(pt->blocks[pb], c->a, rt->t->blocks[blk]->cols[col]->name);
    if (!pc || pc->is_group) return NULL;
    return report_cell(p, pt->index, pb, ph->index, pc->index);
}

static int eval_side(ck *c, gir_rtable *rt, const gir_rule *ru, const gir_expr *e, const inst *in,
                     gir_dec *out, gir_buf *txt, int *blank_cell, gir_diag *rel, int *any_nonzero)
{
    gir_dec acc = {0, 0};
    for (size_t i = 0; i < e->nterms; i++) {
        const gir_term *t = &e->terms[i];
        gir_dec v;
        const char *nm;
        if (t->is_const) {
            v.m = t->constant;
            v.scale = 0;
            nm = NULL;
        } else {
            int r, col;
            if (!term_cell(c, rt, ru, t, in, &r, &col)) return E_SKIP;
            gir_cell *cell = t->prev ? previous_cell(c, rt, in->blk, r, col) : CELL(rt, in->blk, r, col);
            if (!cell) return E_SKIP;
            if (cell->bad || cell->state == CELL_TEXT) return E_SKIP;
            if (cell->state == CELL_BLANK) { blank_cell[0] = r; blank_cell[1] = col; return E_BLANK; }
            v = cell->state == CELL_ZERO ? (gir_dec){0, 0} : cell->v;
            if (!dec_is_zero(v)) *any_nonzero = 1;
            nm = t->name;
            if (rel && cell->node) {
                char num[48];
                dec_format_buf(v, num);
                const gir_source *where = t->prev ? c->r->previous->src : c->src;
                diag_related(c->dg, rel, where, cell->span, t->prev ? C_ADDEND_PREVIOUS : C_ADDEND, t->name, num);
            }
        }
        if (t->sign < 0 && v.m == INT64_MIN) return E_OVERFLOW;
        if (t->sign < 0) v.m = -v.m;
        if (dec_add(acc, v, &acc) != DEC_OK) return E_OVERFLOW;
        if (txt) {
            char num[48];
            dec_format_buf(t->sign < 0 ? (gir_dec){-v.m, v.scale} : v, num);
            if (i) buf_puts(txt, t->sign < 0 ? " - " : " + ");
            else if (t->sign < 0) buf_puts(txt, "-");
            if (nm) buf_printf(txt, "%s %s", nm, num); else buf_puts(txt, num);
        }
    }
    *out = acc;
    return E_OK;
}

/* Whether r (a comparison's sign, or a difference) satisfies the rule's
 * comparison cmp against 0 (internal.h). */
int check_cmp_holds(int cmp, int64_t r)
{
    switch (cmp) {
    case CMP_EQ: return r == 0;
    case CMP_NE: return r != 0;
    case CMP_LE: return r <= 0;
    case CMP_GE: return r >= 0;
    case CMP_LT: return r < 0;
    case CMP_GT: return r > 0;
    }
    return 1;
}

/* Primary span of an instance: its first written cell, else a row label. */
static gir_span inst_span(ck *c, gir_rtable *rt, const gir_rule *ru, const inst *in)
{
    const gir_expr *es[2] = {&ru->lhs, &ru->rhs};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < es[k]->nterms; i++) {
            int r, col;
            if (es[k]->terms[i].is_const || !term_cell(c, rt, ru, &es[k]->terms[i], in, &r, &col)) continue;
            gir_cell *cell = CELL(rt, in->blk, r, col);
            if (cell->node) return cell->span;
        }
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < es[k]->nterms; i++) {
            int r, col;
            if (es[k]->terms[i].is_const || !term_cell(c, rt, ru, &es[k]->terms[i], in, &r, &col)) continue;
            return cell_span(c, rt, in->blk, r, col);
        }
    return ast_child(rt->node, 0)->span;
}

static size_t instances(ck *c, gir_rtable *rt, const gir_rule *ru, inst **out)
{
    size_t n = 0;
    *out = NULL;
    if (ru->scope == SCOPE_EACH_COLUMN) {
        const gir_block *bl = rt->t->blocks[ru->block];
        for (size_t i = 0; i < bl->ncols; i++) {
            inst in = {ru->block, -1, (int)i, bl->cols[i]->name};
            ARRAY_PUSH(c->a, *out, n, in);
        }
    } else if (ru->scope == SCOPE_EACH_ROW) {
        const gir_block *bl = rt->t->blocks[ru->block];
        for (size_t i = 0; i < bl->nrows; i++) {
            inst in = {ru->block, (int)i, -1, bl->rows[i]->name};
            ARRAY_PUSH(c->a, *out, n, in);
        }
    } else if (ru->scope == SCOPE_ROWS || ru->scope == SCOPE_COLUMNS) {
        for (size_t i = 0; i < ru->ninst; i++) {
            const gir_block *bl = rt->t->blocks[ru->inst_block[i]];
            inst in = {ru->inst_block[i], ru->scope == SCOPE_ROWS ? ru->inst[i] : -1,
                       ru->scope == SCOPE_COLUMNS ? ru->inst[i] : -1,
                       ru->scope == SCOPE_ROWS ? bl->rows[ru->inst[i]]->name : bl->cols[ru->inst[i]]->name};
            ARRAY_PUSH(c->a, *out, n, in);
        }
    } else {
        int blk = ru->lhs.nterms ? ru->lhs.terms[0].block : 0;
        if (blk < 0) blk = ru->rhs.nterms ? ru->rhs.terms[0].block : 0;
        if (blk < 0) blk = 0;
        const char *where = ru->lhs.nterms ? ru->lhs.terms[0].name : "";
        inst in = {blk, -1, -1, where ? where : ""};
        ARRAY_PUSH(c->a, *out, n, in);
    }
    return n;
}

/* A rule that compares with last year's report says nothing without one. */
static int needs_previous(const gir_rule *ru)
{
    const gir_expr *es[2] = {&ru->lhs, &ru->rhs};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < es[k]->nterms; i++)
            if (es[k]->terms[i].prev) return 1;
    return 0;
}

/* Names the failed rule on each cell of this report that an instance
 * involves (last year's cells are left alone), unless a rule already
 * failed there; an error takes the place of a warning. */
static void mark_rule_cells(ck *c, gir_rtable *rt, const gir_rule *ru, const inst *in, const gir_diag *g)
{
    const gir_expr *es[2] = {&ru->lhs, &ru->rhs};
    int warning = ru->severity == 2;
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < es[k]->nterms; i++) {
            const gir_term *t = &es[k]->terms[i];
            int r, col;
            if (t->is_const || t->prev || !term_cell(c, rt, ru, t, in, &r, &col)) continue;
            gir_cell *cell = CELL(rt, in->blk, r, col);
            if (cell->rule && (warning || !cell->rule_warning)) continue;
            cell->rule = ru->id;
            cell->rule_warning = warning;
            cell->finding = g;
        }
}

typedef struct relset {       /* the relations of a table, per block, for suspect.c */
    sus_rel **rel;
    size_t *n;
    int *failed;
} relset;

/* Adds one term (sign +1 or -1) of an instance to its relation; 0 when
 * the term cannot take part (another block, last year's cell missing or
 * not a whole number). */
static int rel_term(ck *c, gir_rtable *rt, const gir_rule *ru, const gir_term *t, const inst *in, int sign, sus_rel *out)
{
    int s = sign * (t->sign < 0 ? -1 : 1);
    if (t->is_const) { out->konst += s * t->constant; return t->constant > -(1LL << 40) && t->constant < (1LL << 40); }
    int r, col;
    if (!term_cell(c, rt, ru, t, in, &r, &col)) return 0;
    if (t->prev) {
        gir_cell *pc = previous_cell(c, rt, in->blk, r, col);
        if (!pc || pc->bad || pc->state == CELL_TEXT || pc->state == CELL_BLANK) return 0;
        gir_dec v = pc->state == CELL_ZERO ? (gir_dec){0, 0} : pc->v;
        if (v.scale != 0 || v.m <= -(1LL << 40) || v.m >= (1LL << 40)) return 0;
        out->konst += s * v.m;
        return 1;
    }
    size_t k = out->n;
    ARRAY_PUSH(c->a, out->cell, k, r * (int)rt->t->blocks[in->blk]->ncols + col);
    ARRAY_PUSH(c->a, out->coef, out->n, s);
    return 1;
}

/* Records an instance of a rule as a relation of its block (g: its
 * finding if it failed); an instance that cannot be written as one is
 * left out. */
static void add_rel(ck *c, gir_rtable *rt, const gir_rule *ru, const inst *in, gir_diag *g, relset *rs)
{
    if (!rs || ru->pattern) return;
    sus_rel rel = {NULL, NULL, 0, 0, ru->cmp, g};
    const gir_expr *es[2] = {&ru->lhs, &ru->rhs};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < es[k]->nterms; i++)
            if (!rel_term(c, rt, ru, &es[k]->terms[i], in, k ? -1 : 1, &rel)) return;
    ARRAY_PUSH(c->a, rs->rel[in->blk], rs->n[in->blk], rel);
    if (g) rs->failed[in->blk] = 1;
}

static void check_rule(ck *c, gir_rtable *rt, const gir_rule *ru, relset *set)
{
    if (!c->r->previous && needs_previous(ru)) return;
    inst *ins;
    size_t n = instances(c, rt, ru, &ins);
    size_t held = 0, counted = 0;
    int any_nonzero = 0;
    for (size_t i = 0; i < n; i++) {
        gir_dec l, r;
        int bcell[2] = {-1, -1}, nz = 0;
        int sl = eval_side(c, rt, ru, &ru->lhs, &ins[i], &l, NULL, bcell, NULL, &nz);
        int sr = sl == E_OK ? eval_side(c, rt, ru, &ru->rhs, &ins[i], &r, NULL, bcell, NULL, &nz) : sl;
        if (sl == E_SKIP || sr == E_SKIP) { add_rel(c, rt, ru, &ins[i], NULL, set); continue; }
        if (sl == E_OVERFLOW || sr == E_OVERFLOW) {   /* never silently unchecked */
            diag_add(c->dg, GIR_SEV_ERROR, C_RULE_OVERFLOW, c->src, inst_span(c, rt, ru, &ins[i]), ru->id, ins[i].where, "9223372036854775807");
            continue;
        }
        if (sl == E_BLANK || sr == E_BLANK) {
            if (!ru->pattern) {
                const gir_block *bl = rt->t->blocks[ins[i].blk];
                gir_span sp = bcell[0] >= 0 ? cell_span(c, rt, ins[i].blk, bcell[0], bcell[1]) : inst_span(c, rt, ru, &ins[i]);
                diag_add(c->dg, GIR_SEV_NOTE, C_NOT_CHECKABLE_RULE, c->src, sp, ru->id, ins[i].where,
                         bcell[0] >= 0 ? arena_printf(c->a, "%s.%s", bl->rows[bcell[0]]->name, bl->cols[bcell[1]]->name) : "");
                c->r->not_checkable++;
            }
            continue;
        }
        int ok;
        int cmpv = dec_cmp(l, r, &ok);
        if (!ok) continue;
        int holds = check_cmp_holds(ru->cmp, cmpv);
        counted++;
        if (ru->pattern) { held += holds; any_nonzero |= nz; continue; }
        if (holds) { add_rel(c, rt, ru, &ins[i], NULL, set); continue; }
        gir_diag *g = diag_add(c->dg, ru->severity == 2 ? GIR_SEV_WARNING : GIR_SEV_ERROR,
                               ru->severity == 2 ? C_RULE_WARNING : C_RULE_ERROR, c->src,
                               inst_span(c, rt, ru, &ins[i]), ru->id, ins[i].where, ru->message);
        check_tag_rule(c, g, rt, ru, ins[i].blk, ins[i].fixed_row, ins[i].fixed_col);
        gir_buf lt, rtx;
        buf_init(&lt, c->a);
        buf_init(&rtx, c->a);
        gir_dec l2, r2;
        eval_side(c, rt, ru, &ru->lhs, &ins[i], &l2, &lt, bcell, g, &nz);
        eval_side(c, rt, ru, &ru->rhs, &ins[i], &r2, &rtx, bcell, g, &nz);
        char ls[48], rs[48];
        dec_format_buf(l, ls);
        dec_format_buf(r, rs);
        static const char *ops[] = {"", "==", "!=", "<=", ">=", "<", ">"};
        diag_note(c->dg, g, C_RULE_VALUES, buf_cstr(&lt), ls, buf_cstr(&rtx), rs, ops[ru->cmp]);
        mark_rule_cells(c, rt, ru, &ins[i], g);
        add_rel(c, rt, ru, &ins[i], g, set);
    }
    if (ru->pattern && counted && held == counted && any_nonzero) {
        gir_diag *g = diag_add(c->dg, ru->severity == 2 ? GIR_SEV_WARNING : GIR_SEV_ERROR, ru->severity == 2 ? C_PATTERN : C_PATTERN_ERROR, c->src,
                               inst_span(c, rt, ru, &ins[0]), ru->id, ru->message);
        check_tag_rule(c, g, rt, ru, ins[0].blk, -2, -2);
    }
}

void check_rules(ck *c, gir_rtable *rt)
{
    size_t nb = rt->t->nblocks;
    relset rs = {arena_alloc(c->a, (nb + 1) * sizeof *rs.rel), arena_alloc(c->a, (nb + 1) * sizeof *rs.n),
                 arena_alloc(c->a, (nb + 1) * sizeof *rs.failed)};
    for (size_t i = 0; i < rt->t->nrules; i++)
        if (rt->t->rules[i]->pattern != 2) check_rule(c, rt, rt->t->rules[i], &rs);
    for (size_t b = 0; b < nb; b++)
        check_suspect(c, rt, (int)b, rs.rel[b], rs.n[b]);
}

int check_expr_value(ck *c, gir_rtable *rt, const gir_rule *ru, gir_dec *out, gir_span *at)
{
    inst in = {ru->lhs.nterms ? ru->lhs.terms[0].block : 0, -1, -1, ""};
    if (in.blk < 0) in.blk = 0;
    int bcell[2] = {-1, -1}, nz = 0;
    if (eval_side(c, rt, ru, &ru->lhs, &in, out, NULL, bcell, NULL, &nz) != E_OK) return 0;
    *at = inst_span(c, rt, ru, &in);
    return 1;
}

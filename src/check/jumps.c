/* jumps.c - year-over-year jumps (W0680, issue 13 §4, EVALUATION.md C30):
 * with `previous`, a cell named by a `jump` line of its table whose value
 * grew or shrank by more than the template's `threshold jump` (a ratio)
 * since last year, the larger of the two values being at least
 * `threshold jump_base`, is a warning, unless a sentence of the report
 * names the cell (one of the jump's phrases) and explains the change (one
 * of the words of `wording explain`). A waiver silences it too. */
#include <stdio.h>
#include <string.h>
#include "internal.h"
#include "base/utf8.h"
#include "template/wording.h"

typedef struct jval {
    gir_dec v;
    const gir_cell *cell;          /* the first cell of the expression */
} jval;

/* The cell of term t in table rt of this year's report, or, when prev, the
 * cell of the same row and column names in last year's; NULL if none. */
static const gir_cell *term_cell(ck *c, const gir_ttable *t, const gir_term *term, int prev)
{
    if (term->block < 0 || term->row < 0 || term->col < 0) return NULL;
    if (!prev) return c->r->tables[t->index].node ? report_cell(c->r, t->index, term->block, term->row, term->col) : NULL;
    const gir_report *p = c->r->previous;
    const gir_ttable *pt = schema_find_table(p->schema, c->a, t->name);
    if (!pt || !p->tables[pt->index].node) return NULL;
    int pb = 0;
    const gir_hnode *ph = schema_find_row(pt, c->a, t->blocks[term->block]->rows[term->row]->name, &pb);
    if (!ph || ph->is_group) return NULL;
    const gir_hnode *pc = schema_find_col(pt->blocks[pb], c->a, t->blocks[term->block]->cols[term->col]->name);
    if (!pc || pc->is_group) return NULL;
    return report_cell(p, pt->index, pb, ph->index, pc->index);
}

/* The value of the jump's expression this year or last; 0 if some cell
 * is missing, blank, text or already diagnosed. */
static int value_of(ck *c, const gir_ttable *t, const gir_rule *ru, int prev, jval *out)
{
    gir_dec acc = {0, 0};
    out->cell = NULL;
    for (size_t i = 0; i < ru->lhs.nterms; i++) {
        const gir_term *term = &ru->lhs.terms[i];
        gir_dec v = {term->constant, 0};
        if (!term->is_const) {
            const gir_cell *cell = term_cell(c, t, term, prev);
            if (!cell || cell->bad || cell->state == CELL_BLANK || cell->state == CELL_TEXT) return 0;
            v = cell->state == CELL_ZERO ? (gir_dec){0, 0} : cell->v;
            if (!out->cell) out->cell = cell;
        }
        if (term->sign < 0) v.m = -v.m;
        if (dec_add(acc, v, &acc) != DEC_OK) return 0;
    }
    out->v = acc;
    return out->cell != NULL;
}

static double to_double(gir_dec d)
{
    double v = (double)d.m;
    for (int i = 0; i < d.scale; i++) v /= 10;
    return v;
}

/* True when a sentence of the report names the cell and explains it. */
static int explained(ck *c, const gir_rule *ru, const gir_words *explain)
{
    gir_words names = {ru->phrases, ru->nphrases, NULL, NULL, ru->phrase_acm};
    const unsigned char *base = (const unsigned char *)c->src->text;
    for (size_t s = 0; s < c->s->nsections; s++) {
        const gir_node *sec = c->r->sections[s].node, *p = sec ? ast_child(sec, 1) : NULL;
        if (!p || p->span.end <= p->span.start) continue;
        const unsigned char *q = base + p->span.start, *e = base + p->span.end;
        while (q < e) {
            const unsigned char *b = q;
            uint32_t cp = 0;
            do {
                int k = utf8_decode(q, e, &cp);
                q += k > 0 ? k : 1;
            } while (q < e && !ev_sentence_end(cp));
            if (words_in(&names, b, q) && words_in(explain, b, q)) return 1;
        }
    }
    return 0;
}

/* Where this year's first cell of the jump is written, else its row's
 * label or the table's name. */
static gir_span this_span(ck *c, const gir_ttable *t, const gir_rule *ru)
{
    for (size_t i = 0; i < ru->lhs.nterms; i++) {
        const gir_term *term = &ru->lhs.terms[i];
        if (!term->is_const) return cell_span(c, &c->r->tables[t->index], term->block, term->row, term->col);
    }
    return (gir_span){0, 0};
}

/* "×4.2", "÷3.0", "×∞": how many times last year's value it became. */
static void ratio_text(double prev, double cur, char *out, size_t n)
{
    double lo = prev < cur ? prev : cur, hi = prev < cur ? cur : prev;
    const char *sign = cur >= prev ? "×" : "÷";
    if (lo <= 0) snprintf(out, n, "%s∞", sign);
    else snprintf(out, n, "%s%.1f", sign, hi / lo);
}

static void check_jump(ck *c, const gir_ttable *t, const gir_rule *ru, double ratio, double base,
                       const gir_words *explain)
{
    jval now, last;
    if (!value_of(c, t, ru, 0, &now) || !value_of(c, t, ru, 1, &last)) return;
    double x = to_double(last.v), y = to_double(now.v);
    double hi = x > y ? x : y, lo = x > y ? y : x;
    if (lo < 0 || hi < base || hi <= lo * ratio) return;
    if (explained(c, ru, explain)) return;
    char pv[48], cv[48], rt[32], th[32];
    dec_format_buf(last.v, pv);
    dec_format_buf(now.v, cv);
    ratio_text(x, y, rt, sizeof rt);
    snprintf(th, sizeof th, "%g", ratio);
    const char *name = ru->nphrases ? ru->phrases[0] : ru->lhs.terms[0].name;
    gir_diag *g = diag_add(c->dg, GIR_SEV_WARNING, C_EV_JUMP, c->src, this_span(c, t, ru), name, pv, cv, rt, th);
    if (last.cell->node) diag_related(c->dg, g, c->r->previous->src, last.cell->span, C_EV_JUMP_PREV, pv);
    diag_help(c->dg, g, C_EV_JUMP_HELP, name);
}

void check_jumps(ck *c)
{
    const gir_report *prev = c->r->previous;
    double ratio, base;
    const gir_words *explain = schema_words(c->s, WD_EXPLAIN);
    if (!prev || !prev->schema || !prev->tables || !explain) return;
    if (!schema_threshold(c->s, TH_JUMP, &ratio) || !schema_threshold(c->s, TH_JUMP_BASE, &base)) return;
    for (size_t t = 0; t < c->s->ntables; t++)
        for (size_t j = 0; j < c->s->tables[t]->njumps; j++) check_jump(c, c->s->tables[t], c->s->tables[t]->jumps[j], ratio, base, explain);
}

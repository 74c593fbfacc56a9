/* table.c - the rows of a report table: row labels resolved
 * against the template, cells placed by position or by column name, and
 * every value typed (count, money with unit, signed change, text). */
#include <string.h>
#include "internal.h"
#include "base/label.h"

const char *hnode_display(const gir_hnode *h) { return h->name; }

gir_span cell_span(ck *c, gir_rtable *rt, int blk, int row, int col)
{
    const gir_block *b = rt->t->blocks[blk];
    gir_cell *cell = &rt->blocks[blk].cells[(size_t)row * b->ncols + (size_t)col];
    if (cell->node) return cell->span;
    const gir_node *rn = rt->blocks[blk].row_nodes[row];
    if (rn) return rn->first ? rn->first->span : rn->span;
    (void)c;
    return rt->node ? ast_child(rt->node, 0)->span : (gir_span){0, 0};
}

static const char *item_text(ck *c, const gir_node *n)
{
    if (n->kind == N_NAME) return n->str;
    if (n->kind == N_LIT && n->lit.kind == LIT_STRING) return n->str;
    if (n->kind == N_PATH) {
        gir_buf b;
        buf_init(&b, c->a);
        for (const gir_node *x = n->first; x; x = x->next) {
            if (x != n->first) buf_putc(&b, '.');
            buf_puts(&b, x->str);
        }
        return buf_cstr(&b);
    }
    return NULL;
}

/* Every row node of every block, pre-order: the blocks' lists, computed
 * once by the schema (one per unknown label made this quadratic). */
static void all_rows(ck *c, const gir_ttable *t, gir_hnode ***out, size_t *n)
{
    if (t->nblocks == 1) { *out = t->blocks[0]->rowroot->all; *n = t->blocks[0]->rowroot->nall; return; }
    size_t total = 0;
    for (size_t i = 0; i < t->nblocks; i++) total += t->blocks[i]->rowroot->nall;
    *out = arena_alloc(c->a, (total + 1) * sizeof **out);
    *n = 0;
    for (size_t i = 0; i < t->nblocks; i++)
        for (size_t k = 0; k < t->blocks[i]->rowroot->nall; k++) (*out)[(*n)++] = t->blocks[i]->rowroot->all[k];
}

static void unknown_label(ck *c, const gir_ttable *t, const gir_node *item, const char *name, int is_col, const gir_block *b)
{
    gir_hnode **nodes = NULL;
    size_t n = 0;
    if (is_col) {
        nodes = b->cols;
        n = b->ncols;
    } else {
        all_rows(c, t, &nodes, &n);
    }
    const char *cand[3];
    size_t k = schema_suggest(c->a, nodes, n, name, cand, 3);
    gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, is_col ? C_UNKNOWN_COLUMN : C_UNKNOWN_ROW, c->src,
                           item->span, name, t->name);
    if (k == 1) diag_help(c->dg, g, K_DID_YOU_MEAN, cand[0]);
    else if (k > 1) {
        gir_buf b2;
        buf_init(&b2, c->a);
        for (size_t i = 0; i < k; i++) {
            if (i) buf_puts(&b2, msg_fmt(c->dg->lang, M_LIST_SEP));
            buf_printf(&b2, "“%s”", cand[i]);
        }
        diag_help(c->dg, g, C_DID_YOU_MEAN_ANY, buf_cstr(&b2));
    }
}

/* No unit, or a count unit of syntax/numbers.def. */
static int unit_is_count(const char *u)
{
    const gir_unit *x = lang_unit(u);
    return !*u || (x && x->quantity == GIR_UNIT_COUNT);
}

/* The power of ten that turns a value in unit `from` into one in `to`
 * (both money units of syntax/numbers.def). */
static int money_shift(const char *from, const char *to)
{
    const gir_unit *f = lang_unit(from);
    const gir_unit *t = lang_unit(to);
    return f && t ? f->scale - t->scale : 0;
}

/* Types one literal into a cell. */
static void type_value(ck *c, gir_cell *cell, const gir_hnode *row, const gir_hnode *col, const gir_node *v)
{
    gir_cell_type ty = row->has_type ? row->type : col->type;
    const gir_hnode *th = row->has_type ? row : col;
    cell->type = ty;
    cell->node = v;
    cell->span = v->span;
    cell->unit = ty == CT_MONEY ? th->units[0] : "";
    if (v->kind == N_LIT && v->lit.kind == LIT_BLANK) {
        cell->state = CELL_BLANK;
        return;
    }
    if (ty == CT_TEXT) {
        if (v->kind == N_LIT && v->lit.kind == LIT_STRING) {
            cell->state = CELL_TEXT;
            cell->text = v->str;
            return;
        }
        diag_add(c->dg, GIR_SEV_ERROR, C_EXPECTED_TEXT, c->src, v->span, col->name);
        cell->bad = 1;
        return;
    }
    if (v->kind != N_LIT || v->lit.kind != LIT_NUMBER) {
        gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, C_EXPECTED_NUMBER, c->src, v->span, row->name, col->name);
        if (v->kind == N_LIT && v->lit.kind == LIT_STRING) diag_help(c->dg, g, C_HELP_NO_QUOTES);
        cell->bad = 1;
        return;
    }
    const gir_lit *l = &v->lit;
    gir_dec val;
    dec_status st = dec_parse(l->int_digits, l->frac_digits, l->sign < 0, &val);
    if (st == DEC_OVERFLOW) {
        diag_add(c->dg, GIR_SEV_ERROR, C_TOO_LARGE, c->src, v->span);
        cell->bad = 1;
        return;
    }
    if (st == DEC_TOO_PRECISE) {
        diag_add(c->dg, GIR_SEV_ERROR, C_TOO_PRECISE, c->src, v->span, DEC_MAX_SCALE);
        cell->bad = 1;
        return;
    }
    cell->state = CELL_WRITTEN;
    cell->v = val;
    if (ty == CT_MONEY) {
        const char *u = *l->unit ? l->unit : th->units[0];
        int allowed = 0;
        for (size_t i = 0; i < th->nunits; i++) allowed |= strcmp(th->units[i], u) == 0;
        if (!allowed) {
            gir_buf b;
            buf_init(&b, c->a);
            for (size_t i = 0; i < th->nunits; i++) {
                if (i) buf_puts(&b, msg_fmt(c->dg->lang, M_LIST_SEP));
                buf_puts(&b, th->units[i]);
            }
            diag_add(c->dg, GIR_SEV_ERROR, C_BAD_UNIT, c->src, v->span, u, col->name, buf_cstr(&b));
            cell->bad = 1;
            return;
        }
        int shift = money_shift(u, th->units[0]);
        if (shift && dec_shift(val, shift, &cell->v) != DEC_OK) {
            diag_add(c->dg, GIR_SEV_ERROR, C_TOO_LARGE, c->src, v->span);
            cell->bad = 1;
        }
        if (val.m < 0) {
            diag_add(c->dg, GIR_SEV_ERROR, C_NEGATIVE_MONEY, c->src, v->span, row->name, col->name);
            cell->bad = 1;
        }
        return;
    }
    if (!unit_is_count(l->unit)) {
        diag_add(c->dg, GIR_SEV_ERROR, C_BAD_UNIT, c->src, v->span, l->unit, col->name, lang_unit_base(GIR_UNIT_COUNT));
        cell->bad = 1;
        return;
    }
    if (!dec_is_integer(val)) {
        diag_add(c->dg, GIR_SEV_ERROR, ty == CT_CHANGE ? C_FRACTION_CHANGE : C_FRACTION, c->src, v->span, row->name, col->name);
        cell->bad = 1;
        return;
    }
    if (ty == CT_COUNT && val.m < 0) {
        gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, C_NEGATIVE, c->src, v->span, row->name, col->name);
        diag_help(c->dg, g, C_HELP_NEGATIVE);
        cell->bad = 1;
        return;
    }
    /* "+3" in a count column is harmless: kept as written */
}

/* "1 234": a value of three digits one space after a number, in a row
 * with too many values, was probably one number with a space as the
 * thousands separator (pasted from a document): say how to write it. */
static void spaced_number_help(ck *c, gir_diag *g, const gir_node *prev, const gir_node *it)
{
    if (!prev || prev->kind == N_NAMED || it->kind == N_NAMED) return;
    const char *t = c->src->text;
    uint32_t a = prev->span.start, m = prev->span.end, z = it->span.end;
    if (it->span.start != m + 1 || t[m] != ' ' || z - it->span.start != 3 || m - a > 3) return;
    for (uint32_t i = a; i < z; i++)
        if (i != m && (t[i] < '0' || t[i] > '9')) return;
    const char *x = arena_strndup(c->a, t + a, m - a), *y = arena_strndup(c->a, t + it->span.start, 3);
    diag_help(c->dg, g, C_HELP_SPACED_NUMBER, x, y);
}

/* Places the cells of one N_ROW. */
static void place_row(ck *c, gir_rtable *rt, const gir_node *row, const gir_node *first_cell, int blk, gir_hnode *rh)
{
    const gir_block *b = rt->t->blocks[blk];
    gir_rblock *rb = &rt->blocks[blk];
    if (rb->row_nodes[rh->index]) {
        gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, C_DUPLICATE_ROW, c->src,
                               row->first ? row->first->span : row->span, rh->name);
        const gir_node *prev = rb->row_nodes[rh->index];
        diag_related(c->dg, g, c->src, prev->first ? prev->first->span : prev->span, C_FIRST_HERE);
        return;
    }
    rb->row_nodes[rh->index] = row;
    size_t pos = 0;
    const gir_node *prev = NULL;
    for (const gir_node *it = first_cell; it; prev = it, it = it->next) {
        const gir_node *val = it;
        if (it->kind == N_NAMED) {
            const char *cn = item_text(c, it->first);
            gir_hnode *ch = schema_find_col(b, c->a, cn);
            if (!ch) { unknown_label(c, rt->t, it->first, cn, 1, b); continue; }
            if (ch->is_group) {
                diag_add(c->dg, GIR_SEV_ERROR, C_GROUP_CELL, c->src, it->first->span, cn);
                continue;
            }
            pos = (size_t)ch->index;
            val = it->last;
        }
        if (pos >= b->ncols) {
            int one = b->ncols == 1;   /* English: "1 column", "2 columns" */
            gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, one ? C_TOO_MANY_CELLS1 : C_TOO_MANY_CELLS, c->src, it->span,
                                   rh->name, b->ncols);
            diag_help(c->dg, g, one ? C_HELP_COLUMNS1 : C_HELP_COLUMNS, b->ncols);
            spaced_number_help(c, g, prev, it);
            break;
        }
        gir_cell *cell = &rb->cells[pos * 1 + (size_t)rh->index * b->ncols];
        if (cell->node) {
            gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, C_DUPLICATE_CELL, c->src, it->span, rh->name, b->cols[pos]->name);
            diag_related(c->dg, g, c->src, cell->span, C_FIRST_HERE);
            pos++;
            continue;
        }
        type_value(c, cell, rh, b->cols[pos], val);
        pos++;
    }
}

void check_table(ck *c, gir_rtable *rt)
{
    const gir_ttable *t = rt->t;
    int labelled = 0;
    for (size_t i = 0; i < t->nblocks; i++) labelled |= t->blocks[i]->rowlabels;
    for (const gir_node *row = ast_child(rt->node, 1); row; row = row->next) {
        if (row->kind != N_ROW) continue;
        if (check_syntax_error_in(c, row->span)) { rt->unresolved = 1; continue; }  /* already diagnosed */
        const gir_node *first = row->first;
        const char *label = item_text(c, first);
        int blk = 0;
        gir_hnode *rh = NULL;
        if (!labelled) {
            rh = t->blocks[0]->rows[0];
            if (label && first->kind != N_LIT) {
                if (!hnode_matches(rh, c->a, label)) { unknown_label(c, t, first, label, 0, NULL); rt->unresolved = 1; continue; }
                first = first->next;
            }
        } else {
            if (!label || (first->kind == N_LIT && first->lit.kind != LIT_STRING)) {
                gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, C_ROW_NEEDS_LABEL, c->src, first->span, t->name);
                diag_help(c->dg, g, C_HELP_ROW_LABEL);
                rt->unresolved = 1;
                continue;
            }
            rh = schema_find_row(t, c->a, label, &blk);
            if (!rh) { unknown_label(c, t, first, label, 0, NULL); rt->unresolved = 1; continue; }
            if (first->kind == N_LIT && first->lit.pasted && !rh->is_group) {   /* E0130: name the short name */
                diag_help(c->dg, first->lit.pasted, M_HELP_SHORT_NAME, label, rh->name);
                diag_fix(c->dg, first->lit.pasted, first->span, rh->name);
            }
            if (rh->is_group) {
                gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, C_GROUP_ROW, c->src, first->span, rh->label && *rh->label ? rh->label : rh->name);
                diag_help(c->dg, g, C_HELP_GROUP_ROW, rh->kids[0]->name);
                rt->unresolved = 1;
                continue;
            }
            first = first->next;
        }
        place_row(c, rt, row, first, blk, rh);
    }
}

/* fill.c - a table's cells from the regions between its anchors.
 * The values after a row label belong to that row, in column order, and
 * also to the rows right after it whose labels were lost (a flattened
 * copy keeps the numbers of "1.属于国家秘密" … but not the labels): such
 * rows are filled by position, one run of values per row. Blank cells
 * ("|  |", "/", "—") are written _ (missing, never 0). A row with fewer
 * values than columns whose last value is the sum of the others is read
 * as those columns plus the total. Digits that ran together ("640020470")
 * are split by split.c. */
#include <string.h>
#include "base/array.h"
#include "base/dec.h"
#include "base/label.h"
#include "cells.h"
#include "fill.h"
#include "notes.h"
#include "split.h"
#include "text.h"
#include "units.h"




static gir_cell_type col_type(const imp_table *t, const imp_row *r, size_t col)
{
    const gir_hnode *ch = t->t->blocks[r->block]->cols[col];
    return r->h->has_type ? r->h->type : ch->type;
}

/* ---- setting cells ---- */

static void set_tok(imp_ctx *c, imp_table *t, imp_row *r, size_t col, const imp_tok *k, imp_how how)
{
    imp_cell *cell = &r->cells[col];
    cell->ub = k->ub;
    cell->ue = k->ue;
    cell->how = how;
    if (k->k == TK_NUM) {
        const char *note;
        cell->st = IC_VALUE;
        cell->val = imp_literal(c, k, col_type(t, r, col), &note);
        cell->raw = k->text;
        if (note) {
            imp_row_note(c, r, I_G_NORMALISED, t->t->blocks[r->block]->cols[col]->label, note);
            diag_add(c->dg, GIR_SEV_NOTE, I_NORMALISED, c->src, imp_span(c, k->ub, k->ue), imp_rname(r), note);
        }
    } else {
        cell->st = IC_BLANK;
        cell->raw = k->k == TK_NA ? k->text : "";
        if (k->k == TK_NA) {
            imp_row_note(c, r, I_G_NA, t->t->blocks[r->block]->cols[col]->label, k->text);
            diag_add(c->dg, GIR_SEV_NOTE, I_NA, c->src, imp_span(c, k->ub, k->ue), imp_rname(r), k->text);
        }
    }
}



/* ---- one region ---- */

static int is_value(const imp_tok *k) { return k->k == TK_NUM || k->k == TK_NA; }

static void short_row(imp_ctx *c, imp_table *t, imp_row *r, size_t nvals)
{
    for (size_t i = nvals; i < r->ncols; i++) if (r->cells[i].st != IC_BLANK) return;   /* only published blanks */
    /* values in the first k cells only, the last of them the sum of the others */
    const gir_block *bl = t->t->blocks[r->block];
    size_t last = r->ncols - 1;
    const gir_hnode *tot = bl->cols[last];
    if (nvals < 2 || nvals >= r->ncols || tot->nsum != r->ncols - 1) return;
    for (size_t i = 0; i < r->ncols; i++) {
        int filled = r->cells[i].st == IC_VALUE;
        if ((i < nvals) != filled) return;
    }
    gir_dec acc = {0, 0}, x, v;
    for (size_t i = 0; i + 1 < nvals; i++) { if (!imp_lit_dec(r->cells[i].val, &x) || dec_add(acc, x, &acc) != DEC_OK) return; }
    int ok;
    if (!imp_lit_dec(r->cells[nvals - 1].val, &v) || dec_cmp(acc, v, &ok) != 0) return;
    r->cells[last] = r->cells[nvals - 1];
    r->cells[last].how = HOW_SHORT;
    r->cells[nvals - 1].st = IC_BLANK;
    r->cells[nvals - 1].val = NULL;
    imp_row_note(c, r, I_G_SHORT_ROW, nvals, tot->label);
    diag_add(c->dg, GIR_SEV_NOTE, I_SHORT_ROW, c->src, imp_span(c, r->cells[last].ub, r->cells[last].ue), imp_rname(r), (int)nvals, tot->label);
}

static void one_row(imp_ctx *c, imp_table *t, imp_row *r, imp_tok *tk, size_t n, int at_end, imp_how how)
{
    size_t nv = 0, nnum = 0, longest = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_value(&tk[i])) nv++;
        if (tk[i].k == TK_NUM) { nnum++; if (strlen(tk[i].ip) > longest) longest = strlen(tk[i].ip); }
    }
    if (nv == r->ncols) {
        size_t col = 0;
        for (size_t i = 0; i < n; i++) if (is_value(&tk[i])) set_tok(c, t, r, col++, &tk[i], how);
        return;
    }
    if (nv < r->ncols && longest > 1) {
        size_t digits = 0;
        for (size_t i = 0; i < n; i++) digits += tk[i].k == TK_NUM ? strlen(tk[i].ip) : tk[i].k == TK_NA;
        int has_empty = 0, seen = 0;    /* an empty cell among the values (not before them: the label's column) */
        for (size_t i = 0; i < n; i++) {
            has_empty |= seen && tk[i].k == TK_EMPTY;
            seen |= is_value(&tk[i]);
        }
        if (digits >= r->ncols && !has_empty) {
            const imp_tok **v = NULL;
            size_t nvv = 0;
            for (size_t i = 0; i < n; i++) if (is_value(&tk[i])) ARRAY_PUSH(c->a, v, nvv, &tk[i]);
            if (imp_split_row(c, t, r, v, nvv)) return;
        }
    }
    if (nv == r->ncols + 1) {
        size_t first = 0;
        while (!is_value(&tk[first])) first++;
        imp_row_note(c, r, I_G_DROPPED_FIRST, tk[first].text);
        diag_add(c->dg, GIR_SEV_WARNING, I_DROPPED_FIRST, c->src, imp_span(c, tk[first].ub, tk[first].ue), imp_rname(r), tk[first].text);
        size_t col = 0;
        for (size_t i = first + 1; i < n; i++) if (is_value(&tk[i])) set_tok(c, t, r, col++, &tk[i], how);
        return;
    }
    /* by slots: values and empty cells in order */
    size_t col = 0, nblank = 0, nvals = 0;
    for (size_t i = 0; i < n && col < r->ncols; i++) {
        if (tk[i].k == TK_BREAK || tk[i].k == TK_TEXT) continue;
        set_tok(c, t, r, col, &tk[i], how);
        if (tk[i].k == TK_EMPTY) nblank++;
        else nvals++;
        col++;
    }
    if (nv > r->ncols) {
        diag_add(c->dg, GIR_SEV_WARNING, I_COUNT, c->src, imp_span(c, tk[0].ub, tk[n - 1].ue), imp_rname(r), (int)r->ncols, (int)nv);
        gir_buf rest;
        buf_init(&rest, c->a);
        size_t seen = 0;
        for (size_t i = 0; i < n; i++) {
            if (!is_value(&tk[i]) || ++seen <= r->ncols)
                continue;
            if (rest.n)
                buf_putc(&rest, ' ');
            buf_puts(&rest, tk[i].text);
        }
        imp_row_note(c, r, I_G_TOO_MANY, nv, r->ncols, buf_cstr(&rest));
        return;
    }
    if (col < r->ncols && !at_end) {
        if (n) diag_add(c->dg, GIR_SEV_WARNING, I_COUNT, c->src, imp_span(c, tk[0].ub, tk[n - 1].ue), imp_rname(r), (int)r->ncols, (int)nv);
        imp_row_note(c, r, I_G_FEWER_CELLS, col, r->ncols);
        for (; col < r->ncols; col++) { r->cells[col].st = IC_BLANK; r->cells[col].how = how; }
    }
    if (nblank && nvals < r->ncols) {
        diag_add(c->dg, GIR_SEV_NOTE, I_BLANK_CELLS, c->src, imp_span(c, tk[0].ub, tk[n - 1].ue), imp_rname(r), (int)nblank);
        imp_row_note(c, r, nblank == 1 ? I_G_BLANK_CELL : I_G_BLANK_CELLS, nblank);
    }
    short_row(c, t, r, nvals);
}

/* Rows whose labels were lost, after a found label: one run per row. */
static void many_rows(imp_ctx *c, imp_table *t, imp_row **rows, size_t nr, imp_tok *tk, size_t n, int at_end)
{
    size_t ncols = rows[0]->ncols;
    size_t nv = 0;
    for (size_t i = 0; i < n; i++) nv += is_value(&tk[i]);
    if (rows[0]->found && (nv <= ncols + 1 || (at_end && nv < 2 * ncols))) {
        /* one row's worth: the rows whose labels are not there are missing
         * (a row left out, or the input ends here) */
        one_row(c, t, rows[0], tk, n, at_end, HOW_LABEL);
        return;
    }
    /* runs of values separated by empty cells or row breaks */
    size_t *gb = NULL, *ge = NULL, ng = 0, ng2 = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && !is_value(&tk[i])) i++;
        if (i >= n) break;
        size_t j = i;
        while (j < n && is_value(&tk[j])) j++;
        ARRAY_PUSH(c->a, gb, ng, i);
        ARRAY_PUSH(c->a, ge, ng2, j);
        i = j;
    }
    int per_group = ng == nr;
    size_t drop = 0;
    for (size_t g = 0; g < ng && per_group; g++) {
        size_t len = ge[g] - gb[g];
        if (len == ncols + 1) drop = 1;
        else if (len != ncols) per_group = 0;
    }
    for (size_t g = 0; g < ng && per_group && drop; g++) if (ge[g] - gb[g] != ncols + 1) per_group = 0;
    if (per_group && nv != nr * ncols) {
        if (drop)
            diag_add(c->dg, GIR_SEV_WARNING, I_DROPPED_FIRST, c->src, imp_span(c, tk[gb[0]].ub, tk[gb[0]].ue),
                     imp_rname(rows[0]), tk[gb[0]].text);
        for (size_t g = 0; g < nr; g++) {
            if (drop) imp_row_note(c, rows[g], I_G_DROPPED_LABEL, tk[gb[g]].text);
            one_row(c, t, rows[g], tk + gb[g] + drop, ge[g] - gb[g] - drop, at_end, rows[g]->found ? HOW_LABEL : HOW_POSITION);
        }
        return;
    }
    /* plain order */
    size_t k = 0;
    for (size_t rr = 0; rr < nr; rr++) {
        imp_row *r = rows[rr];
        size_t col = 0;
        while (col < r->ncols && k < n) {
            if (is_value(&tk[k])) set_tok(c, t, r, col++, &tk[k], r->found ? HOW_LABEL : HOW_POSITION);
            k++;
        }
        if (col < r->ncols && col > 0) imp_row_note(c, r, I_G_FEWER_VALUES, col, r->ncols);
    }
    if (nv != nr * ncols && n && !(at_end && nv < nr * ncols))
        diag_add(c->dg, GIR_SEV_WARNING, I_COUNT, c->src, imp_span(c, tk[0].ub, tk[n - 1].ue), imp_rname(rows[0]),
                 (int)(nr * ncols), (int)nv);
}

/* ---- the table ---- */

/* 1: a label of the table repeated; 2: the start of a label ("本年新"
 * for "本年新制作数量": a header cut short, or the last words of a
 * truncated copy); 0: neither. */
static int known_label(imp_ctx *c, imp_table *t, const imp_tok *k)
{
    for (size_t i = 0; i < t->nan; i++)
        for (size_t p = 0; p < t->an[i].npats; p++) {
            size_t me;
            if (imp_find(c, k->ub, k->ue, t->an[i].pats[p].cp, t->an[i].pats[p].n, &me) == k->ub && me == k->ue) return 1;
        }
    size_t len = 0;
    for (size_t u = k->ub; u < k->ue; u++) len += !imp_is_sep(c->u[u].cp);
    for (size_t i = 0; i < t->nan && len >= 2; i++) {
        if (!t->an[i].npats || t->an[i].pats[0].n <= len) continue;
        size_t me;
        if (imp_find(c, k->ub, k->ue, t->an[i].pats[0].cp, len, &me) == k->ub && me == k->ue) return 2;
    }
    return 0;
}

/* The end of the rendered HTML table holding unit i (or lim). */
static size_t html_table_end(imp_ctx *c, size_t i, size_t lim)
{
    const imp_range *tb = imp_html_table(c, i);
    if (!tb)
        return lim;
    size_t j = i;
    while (j < lim && c->u[j].b < tb->e)
        j++;
    return j;
}

void imp_fill_table(imp_ctx *c, imp_table *t, size_t ub, size_t ue)
{
    const gir_ttable *tt = t->t;
    (void)ub;
    for (size_t b = 0; b < tt->nblocks; b++)
        for (size_t i = 0; i < tt->blocks[b]->nrows; i++) {
            imp_row r = {0};
            r.h = tt->blocks[b]->rows[i];
            r.block = (int)b;
            r.anchor = -1;
            r.ncols = tt->blocks[b]->ncols;
            r.cells = arena_alloc(c->a, (r.ncols + 1) * sizeof *r.cells);
            ARRAY_PUSH(c->a, t->rows, t->nrows, r);
        }
    for (size_t i = 0; i < t->nan; i++) {
        imp_row *r = t->an[i].kind == A_LEAF ? imp_row_of(t, t->an[i].h) : NULL;
        if (r) { r->anchor = (int)i; r->found = t->an[i].chosen >= 0; }
    }
    size_t last_end = 0;
    for (size_t i = 0; i < t->nan; i++) {
        imp_anchor *an = &t->an[i];
        if (an->chosen < 0) continue;
        if (!t->found) { t->found = 1; t->ub = an->occ[an->chosen].ub; }
        size_t db = an->annot_e ? an->annot_e : an->occ[an->chosen].ue;
        size_t de = ue, j;
        for (j = i + 1; j < t->nan; j++) if (t->an[j].chosen >= 0) { de = t->an[j].occ[t->an[j].chosen].ub; break; }
        int last_anchor = j >= t->nan;
        de = html_table_end(c, an->occ[an->chosen].ub, de);
        /* the rows this region feeds: its own, then those whose labels were lost */
        imp_row **rows = NULL;
        size_t nr = 0;
        if (an->kind == A_LEAF) ARRAY_PUSH(c->a, rows, nr, imp_row_of(t, an->h));
        for (size_t k = i + 1; k < t->nan && t->an[k].chosen < 0; k++)
            if (t->an[k].kind == A_LEAF) ARRAY_PUSH(c->a, rows, nr, imp_row_of(t, t->an[k].h));
        imp_tok *tk = NULL;
        size_t n = imp_tokens(c, db, de, &tk);
        /* repeated labels are skipped; text nobody expects is reported */
        size_t m = 0;
        size_t cut = n;
        for (size_t k = 0; k < n; k++) {
            int kl = tk[k].k == TK_TEXT ? known_label(c, t, &tk[k]) : 0;
            if (kl == 2) imp_table_note(c, t, I_G_LABEL_CUT, imp_line(c, tk[k].ub), tk[k].text);
            if (kl) continue;
            if (tk[k].k == TK_TEXT && last_anchor && !c->w.html && label_length(tk[k].text) >= 10) { cut = k; break; }
            if (tk[k].k == TK_TEXT) {
                ARRAY_PUSH(c->a, c->leftover, c->nleftover, imp_say(c, I_G_LINE, imp_line(c, tk[k].ub), tk[k].text));
                imp_table_note(c, t, I_G_NOT_UNDERSTOOD, imp_line(c, tk[k].ub), tk[k].text);
                diag_add(c->dg, GIR_SEV_WARNING, I_EXTRA, c->src, imp_span(c, tk[k].ub, tk[k].ue), tk[k].text);
                continue;
            }
            tk[m++] = tk[k];
        }
        if (cut < n) {
            /* text after the table: it goes back to the section's prose */
            size_t keep = 0;
            for (size_t k = 0; k < m; k++) if (tk[k].ub < tk[cut].ub) keep = k + 1;
            m = keep;
            de = tk[cut].ub;
        }
        size_t end_used = m ? tk[m - 1].ue : db;
        int at_end = 1;
        for (size_t k = de; k < c->nu; k++) if (!imp_is_sep(c->u[k].cp)) { at_end = 0; break; }
        if (at_end || !last_anchor) end_used = de;      /* a cut-off label at the end is the table's too */
        if (end_used > last_end) last_end = end_used;
        if (!nr) {
            int nums = 0;
            for (size_t k = 0; k < m; k++) nums |= tk[k].k == TK_NUM;
            if (nums) {
                const char *txt = imp_raw_text(c, tk[0].ub, tk[m - 1].ue);
                imp_table_note(c, t, I_G_NO_ROW, imp_line(c, tk[0].ub), txt);
                diag_add(c->dg, GIR_SEV_WARNING, I_EXTRA, c->src, imp_span(c, tk[0].ub, tk[m - 1].ue), txt);
            }
            continue;
        }
        if (nr == 1) one_row(c, t, rows[0], tk, m, at_end, rows[0]->found ? HOW_LABEL : HOW_POSITION);
        else many_rows(c, t, rows, nr, tk, m, at_end);
        for (size_t k = 0; k < nr; k++) {
            imp_row *r = rows[k];
            if (r->found || !r->h->label || !*r->h->label) continue;
            int any = 0;
            for (size_t col = 0; col < r->ncols; col++) any |= r->cells[col].st != IC_MISSING;
            if (!any) continue;
            const char *after = an->label ? an->label : "";
            imp_row_note(c, r, I_G_BY_POSITION, k + (an->kind != A_LEAF), after);
            diag_add(c->dg, GIR_SEV_NOTE, I_ROW_POSITION, c->src, imp_span(c, db, db + 1), r->h->label, after,
                     (int)(k + (an->kind != A_LEAF)));
        }
    }
    t->ue = last_end;
}


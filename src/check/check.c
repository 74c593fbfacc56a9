/* check.c - the checker's driver: the report header, the template, the
 * sections and tables, then the report-level checks (template year,
 * deadline of 条例 art. 49, required sections). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "base/label.h"
#include "template/template.h"

gir_cell *report_cell(const gir_report *r, int table, int block, int row, int col)
{
    const gir_block *b = r->tables[table].t->blocks[block];
    return &r->tables[table].blocks[block].cells[(size_t)row * b->ncols + (size_t)col];
}

/* ---- header ---- */

/* The fields are those of syntax/fields.def, the kinds those of kinds.def. */

static const gir_node *field_value(const gir_node *f) { return ast_child(f, 1); }

/* The GIR_VAL_* kind of a header value. */
static int value_kind(const gir_node *v)
{
    if (v->kind == N_NAME) return GIR_VAL_NAME;
    if (v->kind != N_LIT) return 0;
    if (v->lit.kind == LIT_STRING) return GIR_VAL_STRING;
    if (v->lit.kind == LIT_NUMBER) return GIR_VAL_NUMBER;
    if (v->lit.kind == LIT_DATE) return GIR_VAL_DATE;
    return 0;
}

/* True when field k takes a value of v's kind; else error E0605. */
static int expect_kind(ck *c, const gir_node *v, int k)
{
    int ok = (value_kind(v) & gir_fields[k].values) != 0;
    if (!ok) diag_add(c->dg, GIR_SEV_ERROR, C_FIELD_TYPE, c->src, v->span, gir_fields[k].name);
    return ok;
}

/* "template、agency、…": every field, for the help of E0603. */
static const char *field_list(ck *c)
{
    gir_buf b;
    buf_init(&b, c->a);
    for (int i = 0; i < FIELD__COUNT; i++) {
        if (i) buf_puts(&b, msg_fmt(c->dg->lang, M_LIST_SEP));
        buf_puts(&b, gir_fields[i].name);
    }
    return buf_cstr(&b);
}

static void unknown_field(ck *c, const gir_node *key)
{
    gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, C_UNKNOWN_FIELD, c->src, key->span, key->str);
    const char *best = NULL;
    size_t bd = 3;
    for (int i = 0; i < FIELD__COUNT; i++) {
        size_t d = label_distance(key->str, gir_fields[i].name, 2);
        if (d >= bd) continue;
        bd = d;
        best = gir_fields[i].name;
    }
    if (best) diag_help(c->dg, g, K_DID_YOU_MEAN, best);
    else diag_help(c->dg, g, C_HELP_FIELDS, field_list(c));
}

static void read_year(ck *c, const gir_node *v)
{
    gir_dec y;
    if (dec_parse(v->lit.int_digits, v->lit.frac_digits, v->lit.sign < 0, &y) != DEC_OK || !dec_is_integer(y) ||
        y.m < GIR_YEAR_MIN || y.m > GIR_YEAR_MAX || *v->lit.unit)
        diag_add(c->dg, GIR_SEV_ERROR, C_BAD_YEAR, c->src, v->span, GIR_YEAR_MIN, GIR_YEAR_MAX);
    else
        c->r->year = (int)y.m;
}

static void read_kind(ck *c, const gir_node *v)
{
    c->r->kind = lang_kind(v->str);
    if (c->r->kind) return;
    gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, C_BAD_KIND, c->src, v->span, v->str);
    diag_help(c->dg, g, C_HELP_KINDS);
}

/* Stores the value v of field k (its kind already checked). */
static void read_field(ck *c, int k, const gir_node *v)
{
    gir_report *r = c->r;
    switch (k) {
    case FIELD_TEMPLATE:
        r->template_name = v->str;
        break;
    case FIELD_AGENCY:
        r->agency = v->str;
        break;
    case FIELD_TITLE:
        r->title = v->str;
        break;
    case FIELD_PREVIOUS:
        r->previous_path = v->str;
        break;
    case FIELD_YEAR:
        read_year(c, v);
        break;
    case FIELD_DATE:
        r->has_date = 1;
        r->date_y = v->lit.year;
        r->date_m = v->lit.month;
        r->date_d = v->lit.day;
        break;
    case FIELD_KIND:
        read_kind(c, v);
        break;
    }
}

/* True when a syntax error inside the header already explains a missing field. */
static int header_has_error(ck *c, const gir_node *h)
{
    for (size_t i = 0; i < c->dg->n; i++) {
        const gir_diag *g = c->dg->v[i];
        if (g->sev == GIR_SEV_ERROR && g->src == c->src && g->span.start >= h->span.start && g->span.start < h->span.end)
            return 1;
    }
    return 0;
}

static void read_header(ck *c, const gir_node *h, const gir_node **fields)
{
    c->r->title = h->str;
    for (const gir_node *f = h->first; f; f = f->next) {
        if (f->kind != N_FIELD) continue;
        const gir_node *key = ast_child(f, 0);
        int k = lang_field(key->str);
        if (k < 0) {
            unknown_field(c, key);
            continue;
        }
        if (fields[k]) {
            gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, C_DUPLICATE_FIELD, c->src, key->span, key->str);
            diag_related(c->dg, g, c->src, ast_child(fields[k], 0)->span, C_FIRST_HERE);
            continue;
        }
        fields[k] = f;
        if (expect_kind(c, field_value(f), k)) read_field(c, k, field_value(f));
    }
    if (header_has_error(c, h)) return;
    for (int i = 0; i < FIELD__COUNT; i++) {
        if (!gir_fields[i].required || fields[i]) continue;
        gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, C_MISSING_FIELD, c->src, (gir_span){h->span.start, h->span.start + 6},
                               gir_fields[i].name);
        diag_help(c->dg, g, C_HELP_FIELD_EXAMPLE, gir_fields[i].name);
    }
}

/* ---- sections and tables ---- */

static void suggest_named(ck *c, gir_diag *g, const char *name, int tables)
{
    const char *best = NULL;
    size_t bd = (size_t)-1;
    const char *q = label_fold(c->a, name);
    size_t qlen = label_length(q), limit = qlen <= 1 ? 0 : qlen < 3 ? 1 : qlen / 3 + 1;
    size_t n = tables ? c->s->ntables : c->s->nsections;
    for (size_t i = 0; i < n; i++) {
        const char *cands[3] = {tables ? c->s->tables[i]->name : c->s->sections[i]->name,
                                tables ? c->s->tables[i]->label : c->s->sections[i]->label, NULL};
        for (int k = 0; k < 2; k++) {
            if (!cands[k]) continue;
            size_t d = label_distance(q, label_fold(c->a, cands[k]), limit);
            if (d < bd) { bd = d; best = cands[0]; }
        }
    }
    if (best && bd <= limit) diag_help(c->dg, g, K_DID_YOU_MEAN, best);
}

static void place_items(ck *c)
{
    gir_report *r = c->r;
    for (const gir_node *it = c->ast->first; it; it = it->next) {
        if (it->kind == N_SECTION) {
            const gir_node *nm = ast_child(it, 0);
            gir_tsection *s = schema_find_section(c->s, c->a, nm->str);
            if (!s) {
                gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, C_UNKNOWN_SECTION, c->src, nm->span, nm->str);
                suggest_named(c, g, nm->str, 0);
                continue;
            }
            gir_rsection *rs = &r->sections[s->index];
            if (rs->node) {
                gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, C_DUPLICATE_SECTION, c->src, nm->span, s->name);
                diag_related(c->dg, g, c->src, ast_child(rs->node, 0)->span, C_FIRST_HERE);
                continue;
            }
            rs->node = it;
            rs->prose = ast_child(it, 1) ? ast_child(it, 1)->str : "";
        } else if (it->kind == N_TABLE) {
            const gir_node *nm = ast_child(it, 0);
            gir_ttable *t = schema_find_table(c->s, c->a, nm->str);
            if (!t) {
                gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, C_UNKNOWN_TABLE, c->src, nm->span, nm->str);
                suggest_named(c, g, nm->str, 1);
                continue;
            }
            gir_rtable *rt = &r->tables[t->index];
            if (rt->node) {
                gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, C_DUPLICATE_TABLE, c->src, nm->span, t->name);
                diag_related(c->dg, g, c->src, ast_child(rt->node, 0)->span, C_FIRST_HERE);
                continue;
            }
            rt->node = it;
            /* rows lost to a syntax error make the table's totals unknowable */
            if (check_syntax_error_in(c, it->span)) rt->unresolved = 1;
            check_table(c, rt);
        }
    }
}

static void alloc_report(ck *c)
{
    gir_report *r = c->r;
    r->schema = c->s;
    r->sections = arena_alloc(c->a, (c->s->nsections + 1) * sizeof *r->sections);
    for (size_t i = 0; i < c->s->nsections; i++) r->sections[i].s = c->s->sections[i];
    r->tables = arena_alloc(c->a, (c->s->ntables + 1) * sizeof *r->tables);
    for (size_t i = 0; i < c->s->ntables; i++) {
        gir_rtable *rt = &r->tables[i];
        rt->t = c->s->tables[i];
        rt->blocks = arena_alloc(c->a, (rt->t->nblocks + 1) * sizeof *rt->blocks);
        for (size_t b = 0; b < rt->t->nblocks; b++) {
            const gir_block *bl = rt->t->blocks[b];
            rt->blocks[b].cells = arena_alloc(c->a, (bl->nrows * bl->ncols + 1) * sizeof(gir_cell));
            rt->blocks[b].row_nodes = arena_alloc(c->a, (bl->nrows + 1) * sizeof(gir_node *));
            for (size_t k = 0; k < bl->nrows * bl->ncols; k++) {
                gir_cell *cell = &rt->blocks[b].cells[k];
                const gir_hnode *rh = bl->rows[k / bl->ncols], *ch = bl->cols[k % bl->ncols];
                cell->type = rh->has_type ? rh->type : ch->type;
                const gir_hnode *th = rh->has_type ? rh : ch;
                cell->unit = cell->type == CT_MONEY ? th->units[0] : "";
            }
        }
    }
}

/* ---- report level ---- */

static gir_span end_span(ck *c) { return (gir_span){c->src->len, c->src->len}; }

static void check_missing(ck *c)
{
    for (size_t i = 0; i < c->s->nsections; i++) {
        const gir_tsection *s = c->s->sections[i];
        int present = s->table ? c->r->tables[s->table->index].node != NULL || c->r->sections[i].node != NULL
                               : c->r->sections[i].node != NULL;
        if (s->table && !c->r->tables[s->table->index].node && c->r->sections[i].node) present = 0;
        if (present) continue;
        gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, s->table ? C_MISSING_TABLE : C_MISSING_SECTION, c->src,
                               end_span(c), s->label, s->table ? s->table->name : s->name);
        if (s->table) diag_help(c->dg, g, C_HELP_ADD_TABLE, s->table->name);
        else diag_help(c->dg, g, C_HELP_ADD_SECTION, s->name);
    }
}

static int date_before(int y, int m, int d, int y2, int m2, int d2)
{
    return y != y2 ? y < y2 : m != m2 ? m < m2 : d < d2;
}

/* A date the lexer accepted: year 1 or later, a real month and day (an
 * invalid one is already E0110 or E0108, and gets no warning after it). */
static int date_valid(int y, int m, int d)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1) return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap);
}

static void check_dates(ck *c, const gir_node **fields)
{
    gir_report *r = c->r;
    if (r->year && c->s && (r->year < c->s->year_from || r->year > c->s->year_to)) {
        gir_diag *g = diag_add(c->dg, GIR_SEV_WARNING, C_TEMPLATE_YEAR, c->src, field_value(fields[FIELD_TEMPLATE])->span,
                               c->s->name, c->s->year_from, c->s->year_to, r->year);
        /* the stdlib template whose declared years suit the report */
        const char *better = template_builtin_for_year(c->a, r->year);
        if (better) diag_help(c->dg, g, C_HELP_TEMPLATE, better);
    }
    if (!r->has_date || !r->year || !date_valid(r->date_y, r->date_m, r->date_d)) return;
    gir_span ds = field_value(fields[FIELD_DATE])->span;
    if (date_before(r->date_y, r->date_m, r->date_d, r->year + 1, 1, 1)) {
        diag_add(c->dg, GIR_SEV_WARNING, C_DATE_EARLY, c->src, ds, r->year);
        return;
    }
    const gir_deadline *dl = lang_deadline(r->kind);
    if (dl && date_before(r->year + 1, dl->month, dl->day, r->date_y, r->date_m, r->date_d)) {
        gir_diag *g = diag_add(c->dg, GIR_SEV_WARNING, C_DATE_LATE, c->src, ds, r->year + 1, dl->month, dl->day);
        diag_note(c->dg, g, dl->note);
    }
}

/* Last year's report, loaded by the driver: its year must be the one before. */
static void set_previous(ck *c, const gir_report *prev, gir_span at)
{
    c->r->previous = prev;
    if (prev && prev->year && c->r->year && prev->year != c->r->year - 1)
        diag_add(c->dg, GIR_SEV_WARNING, C_PREVIOUS_YEAR, c->src, at, prev->year, c->r->year - 1);
}

const gir_schema *check_template_file(gir_arena *a, gir_diags *dg, const gir_source *src, const gir_node *ast)
{
    const gir_schema *s = NULL;
    for (const gir_node *it = ast->first; it; it = it->next)
        if (it->kind == N_TEMPLATE) {
            gir_schema *x = schema_build(a, dg, src, it);
            x->path = src->name;
            if (!s) s = x;
        }
    return s;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Remembers where the parse errors are, for check_syntax_error_in. */
static void index_syntax_errors(ck *c)
{
    const char *pasted = msg_code(M_UNQUOTED_LABEL);   /* read as the quoted label: checked on */
    for (size_t i = 0; i < c->dg->n; i++) {
        const gir_diag *g = c->dg->v[i];
        if (g->sev == GIR_SEV_ERROR && g->src == c->src && !(g->code && strcmp(g->code, pasted) == 0))
            ARRAY_PUSH(c->a, c->syntax_at, c->nsyntax, g->span.start);
    }
    if (c->nsyntax) qsort(c->syntax_at, c->nsyntax, sizeof *c->syntax_at, cmp_u32);
}

int check_syntax_error_in(const ck *c, gir_span span)
{
    size_t lo = 0, hi = c->nsyntax;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->syntax_at[mid] < span.start) lo = mid + 1;
        else hi = mid;
    }
    return lo < c->nsyntax && c->syntax_at[lo] < span.end;
}

struct gir_checker {
    ck c;
    const gir_node *fields[FIELD__COUNT];
    size_t syntax_errors;
    gir_check_memo *memo;
};

gir_checker *check_begin(gir_arena *a, gir_diags *dg, const gir_source *src, const gir_node *ast)
{
    gir_checker *k = arena_alloc(a, sizeof *k);
    k->c = (ck){a, dg, src, ast, NULL, NULL, NULL, 0, NULL, 0, NULL, 0, NULL};
    k->memo = NULL;
    ck *c = &k->c;
    k->syntax_errors = dg->nerrors;
    index_syntax_errors(c);
    const gir_node *header = NULL;
    int has_template = 0;
    for (const gir_node *it = ast->first; it; it = it->next) {
        if (it->kind == N_TEMPLATE) has_template = 1;
        if (it->kind != N_REPORT) continue;
        if (header) {
            gir_diag *g = diag_add(dg, GIR_SEV_ERROR, C_DUPLICATE_REPORT, src, (gir_span){it->span.start, it->span.start + 6});
            diag_related(dg, g, src, (gir_span){header->span.start, header->span.start + 6}, C_FIRST_HERE);
            continue;
        }
        header = it;
    }
    if (!header) {
        if (has_template) {
            check_template_file(a, dg, src, ast);
            return NULL;
        }
        if (dg->nerrors == 0) {
            gir_diag *g = diag_add(dg, GIR_SEV_ERROR, C_NO_REPORT, src, (gir_span){0, 0});
            int from = 0;
            const char *newest = template_builtin_newest(a, &from);
            diag_help(dg, g, C_HELP_REPORT, newest ? newest : "…", from);
        }
        return NULL;
    }
    c->r = arena_alloc(a, sizeof *c->r);
    c->r->header = header;
    c->r->src = src;
    read_header(c, header, k->fields);
    return k;
}

const char *check_wants_template(const gir_checker *k, gir_span *at)
{
    if (!k || !k->c.r->template_name) return NULL;
    *at = field_value(k->fields[FIELD_TEMPLATE])->span;
    return k->c.r->template_name;
}

const char *check_wants_previous(const gir_checker *k, gir_span *at)
{
    if (!k || !k->c.r->previous_path) return NULL;
    *at = field_value(k->fields[FIELD_PREVIOUS])->span;
    return k->c.r->previous_path;
}

void check_use_memo(gir_checker *k, gir_check_memo *m)
{
    if (k) k->memo = m;
}

gir_report *check_finish(gir_checker *k, const gir_schema *s, const gir_report *previous)
{
    if (!k || !s) return NULL;
    ck *c = &k->c;
    c->s = s;
    memo_begin(c, k->memo);
    alloc_report(c);
    if (k->fields[FIELD_PREVIOUS] && previous) set_previous(c, previous, field_value(k->fields[FIELD_PREVIOUS])->span);
    place_items(c);
    for (size_t i = 0; i < s->ntables; i++)
        if (c->r->tables[i].node) check_totals(c, &c->r->tables[i]);
    for (size_t i = 0; i < s->ntables; i++)
        if (c->r->tables[i].node) check_rules(c, &c->r->tables[i]);
    if (!k->syntax_errors) check_missing(c);   /* a syntax error may have eaten it */
    check_dates(c, k->fields);
    check_mentions(c);
    if (!k->syntax_errors) check_evaluate(c);   /* judged on a report that parses */
    check_waivers(c);
    check_suspect_waived(c);
    return c->r;
}

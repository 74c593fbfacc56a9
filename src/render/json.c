/* json.c - the JSON back end of `girc build` (-f json, .json): the checked
 * report as data for aggregation. Schema version 2, documented in
 * girc-build(1): the report's metadata, the template, and per section
 * its heading, prose and table; per table cell its block, row and column
 * names and official label paths, exact value (a JSON number written
 * from the decimal, never through a float), unit, display text and state
 * (zero = omitted, written, computed, blank, text; in a report with
 * errors also missing, wrong, invalid, unknown, warning: data.c) with
 * the expected value and the failed rule, last year's value when the
 * report names a previous report, and the report's diagnostics.
 * Keys always come in the same order; one cell per line. */
#include <string.h>
#include "render.h"
#include "syntax/lang.h"
#include "diag/source.h"

static int json_plain(unsigned char ch)
{
    return ch >= 0x20 && ch != '"' && ch != '\\' && ch != 0x7f;
}

static void jstr(gir_sink *b, const char *s)
{
    if (!s) { sink_puts(b, "null"); return; }
    s = render_data_clean(b->arena, s);
    sink_putc(b, '"');
    for (const char *p = s;; p++) {
        p = render_put_run(b, p, json_plain);
        unsigned char ch = (unsigned char)*p;
        if (!ch) break;
        switch (ch) {
        case '"': sink_puts(b, "\\\""); break;
        case '\\': sink_puts(b, "\\\\"); break;
        case '\n': sink_puts(b, "\\n"); break;
        case '\t': sink_puts(b, "\\t"); break;
        case '\r': sink_puts(b, "\\r"); break;
        default: sink_printf(b, "\\u%04x", ch);
        }
    }
    sink_putc(b, '"');
}

/* A string, or null when empty. */
static void jstr_opt(gir_sink *b, const char *s)
{
    jstr(b, s && *s ? s : NULL);
}

static void j_begin(gir_renderer *rr)
{
    gir_sink *b = rr->out;
    const gir_report *r = rr->r;
    const gir_schema *s = r->schema;
    char d[16];
    sink_puts(b, "{\n  \"schema\": 2,\n  \"generator\": \"girc\",\n  \"report\": {\n    \"title\": ");
    jstr(b, r->title ? r->title : "");
    sink_puts(b, ",\n    \"agency\": ");
    jstr_opt(b, r->agency);
    sink_puts(b, ",\n    \"kind\": ");
    jstr(b, gir_kind_names[r->kind]);   /* the canonical name (syntax/kinds.def), null if unknown */
    sink_puts(b, ",\n    \"year\": ");
    if (r->year) sink_printf(b, "%d", r->year);
    else sink_puts(b, "null");
    sink_puts(b, ",\n    \"date\": ");
    jstr_opt(b, render_date_iso(r, d));
    sink_puts(b, "\n  },\n  \"template\": {\n    \"name\": ");
    jstr(b, s->name ? s->name : "");
    sink_puts(b, ",\n    \"title\": ");
    jstr_opt(b, s->title);
    sink_puts(b, ",\n    \"source\": ");
    jstr_opt(b, s->source_doc);
    sink_puts(b, "\n  },\n  \"sections\": [");
    rr->count = 0;
}

static void j_section(gir_renderer *rr, const gir_rsection *s, int index)
{
    gir_sink *b = rr->out;
    sink_puts(b, rr->count++ ? ",\n    {\n" : "\n    {\n");
    sink_printf(b, "      \"index\": %d,\n      \"name\": ", index + 1);
    jstr(b, s->s->name);
    sink_puts(b, ",\n      \"heading\": ");
    jstr(b, s->s->label && *s->s->label ? s->s->label : s->s->name);
    sink_puts(b, ",\n      \"prose\": ");
    jstr_opt(b, s->prose);
}

static void j_prose(gir_renderer *rr, const gir_rsection *s)
{
    (void)rr;   /* written with the section, so that every section has the key */
    (void)s;
}

/* Official labels from the outermost group down to h ("" labels skipped). */
static void label_path(gir_sink *b, const gir_hnode *h)
{
    const gir_hnode *p[16];
    int n = 0;
    for (; h && h->depth >= 0 && n < 16; h = h->parent) p[n++] = h;
    sink_putc(b, '[');
    int first = 1;
    for (int i = n - 1; i >= 0; i--) {
        if (!p[i]->label || !*p[i]->label) continue;
        if (!first) sink_puts(b, ", ");
        first = 0;
        jstr(b, p[i]->label);
    }
    sink_putc(b, ']');
}

/* The line a cell was written on, or null. */
static void j_line(gir_sink *b, const gir_report *r, const gir_cell *v)
{
    if (!v->node || !r->src) { sink_puts(b, "null"); return; }
    sink_printf(b, "%u", (unsigned)source_line_of(r->src, v->span.start) + 1);
}

/* Last year's value of the same cell (matched by table, row and column
 * names, as rule R3.8 matches them), as ", \"previous\": V" (null when last
 * year's report has no such cell or left it blank); nothing at all when
 * the report names no previous report. */
static void j_previous(gir_renderer *rr, const gir_rtable *rt, const gir_hnode *row, const gir_hnode *col)
{
    const gir_report *p = rr->r->previous;
    if (!p || !p->schema || !p->tables) return;
    gir_sink *b = rr->out;
    sink_puts(b, ", \"previous\": ");
    const gir_ttable *pt = schema_find_table(p->schema, rr->a, rt->t->name);
    int pb = 0;
    const gir_hnode *ph = pt && p->tables[pt->index].node ? schema_find_row(pt, rr->a, row->name, &pb) : NULL;
    const gir_hnode *pc = ph && !ph->is_group ? schema_find_col(pt->blocks[pb], rr->a, col->name) : NULL;
    if (!pc || pc->is_group) {
        sink_puts(b, "null");
        return;
    }
    const gir_cell *v = report_cell(p, pt->index, pb, ph->index, pc->index);
    char num[48];
    if (v->state == CELL_ZERO && v->type != CT_TEXT) sink_puts(b, "0");
    else if (v->state == CELL_WRITTEN || v->state == CELL_COMPUTED) {
        dec_format_buf(v->v, num);
        sink_puts(b, num);
    } else if (v->state == CELL_TEXT) jstr(b, v->text ? v->text : "");
    else sink_puts(b, "null");
}

static void j_cell(gir_renderer *rr, const gir_lcell *c, const gir_rtable *rt, const gir_block *bl)
{
    gir_sink *b = rr->out;
    const gir_cell *v = c->cell;
    const gir_hnode *row = bl->rows[c->r], *col = bl->cols[c->c];
    char vb[64], num[48];
    sink_printf(b, "{\"block\": %d, \"row\": ", c->block);
    jstr(b, row->name);
    sink_puts(b, ", \"column\": ");
    jstr(b, col->name);
    sink_puts(b, ", \"row_path\": ");
    label_path(b, row);
    sink_puts(b, ", \"column_path\": ");
    label_path(b, col);
    sink_puts(b, ", \"value\": ");
    if (!render_data_has_value(rt, v)) sink_puts(b, "null");
    else switch (v->state) {
    case CELL_ZERO:
        sink_puts(b, v->type == CT_TEXT ? "null" : "0");
        break;
    case CELL_WRITTEN:
    case CELL_COMPUTED:
        dec_format_buf(v->v, num);
        sink_puts(b, num);
        break;
    case CELL_BLANK: sink_puts(b, "null"); break;
    case CELL_TEXT: jstr(b, v->text ? v->text : ""); break;
    }
    sink_puts(b, ", \"unit\": ");
    jstr_opt(b, v->type == CT_MONEY ? v->unit : NULL);
    sink_puts(b, ", \"type\": ");
    jstr(b, cell_type_name(v->type));
    sink_puts(b, ", \"state\": ");
    jstr(b, render_data_state(rt, v));
    sink_printf(b, ", \"derived\": %s, \"text\": ", v->derived || col->nsum || row->nsum ? "true" : "false");
    jstr(b, render_data_has_value(rt, v) ? render_value_text(c, vb) : "");
    sink_puts(b, ", \"expected\": ");
    sink_puts(b, v->mismatch ? render_data_expected(v, num) : "null");
    sink_puts(b, ", \"rule\": ");
    jstr(b, v->rule);
    sink_puts(b, ", \"line\": ");
    j_line(b, rr->r, v);
    j_previous(rr, rt, row, col);
    sink_putc(b, '}');
}

static void j_table(gir_renderer *rr, const gir_layout *L)
{
    gir_sink *b = rr->out;
    const gir_ttable *t = L->rt->t;
    sink_puts(b, ",\n      \"table\": {\n        \"name\": ");
    jstr(b, t->name);
    sink_puts(b, ",\n        \"label\": ");
    jstr_opt(b, t->label);
    sink_puts(b, ",\n        \"note\": ");
    jstr_opt(b, t->note);
    sink_puts(b, ",\n        \"blocks\": [");
    for (size_t i = 0; i < t->nblocks; i++) {
        const gir_block *bl = t->blocks[i];
        sink_printf(b, "%s\n          {\"index\": %zu, \"caption\": ", i ? "," : "", i);
        jstr_opt(b, bl->caption);
        sink_puts(b, ", \"rowheader\": ");
        jstr_opt(b, bl->rowheader);
        sink_printf(b, ", \"rows\": %zu, \"columns\": %zu}", bl->nrows, bl->ncols);
    }
    sink_puts(b, "\n        ],\n        \"cells\": [");
    /* cells in block, row, column order (the layout's order) */
    int n = 0;
    for (size_t bi = 0; bi < t->nblocks; bi++)
        for (int y = 0; y < L->nrows; y++)
            for (size_t i = 0; i < L->rows[y].ncells; i++) {
                const gir_lcell *c = L->rows[y].cells[i];
                if (c->kind != LAYOUT_VALUE || c->block != (int)bi) continue;
                sink_puts(b, n++ ? ",\n          " : "\n          ");
                j_cell(rr, c, L->rt, t->blocks[bi]);
            }
    sink_puts(b, "\n        ]\n      }");
}

static void j_section_end(gir_renderer *rr, const gir_rsection *s, int index)
{
    (void)index;
    if (!s->s->table) sink_puts(rr->out, ",\n      \"table\": null");
    sink_puts(rr->out, "\n    }");
}

static const char *sev_name(gir_severity s)
{
    return s == GIR_SEV_ERROR ? "error" : s == GIR_SEV_WARNING ? "warning" : "note";
}

/* One diagnostic: code, severity, message, file and position (1-based
 * line and column in characters, null without a source), waiver reason. */
static void j_diag(gir_sink *b, const gir_diag *g)
{
    sink_puts(b, "{\"code\": ");
    jstr(b, g->code);
    sink_puts(b, ", \"severity\": ");
    jstr(b, sev_name(g->sev));
    sink_puts(b, ", \"message\": ");
    jstr(b, g->msg ? g->msg : "");
    sink_puts(b, ", \"file\": ");
    jstr(b, g->src ? source_name(g->src) : g->file);   /* the report, its template, or last year's */
    if (g->src) {
        gir_pos p;
        source_pos(g->src, g->span.start, &p);
        sink_printf(b, ", \"line\": %u, \"column\": %u", (unsigned)p.line, (unsigned)p.char_col);
    } else {
        sink_puts(b, ", \"line\": null, \"column\": null");
    }
    sink_puts(b, ", \"waived\": ");
    jstr(b, g->waived);
    sink_putc(b, '}');
}

static void j_end(gir_renderer *rr)
{
    gir_sink *b = rr->out;
    const gir_diags *dg = rr->o->diags;
    sink_puts(b, "\n  ],\n  \"errors\": ");
    sink_printf(b, "%zu,\n  \"warnings\": %zu,\n  \"diagnostics\": [", dg ? dg->nerrors : 0, dg ? dg->nwarnings : 0);
    for (size_t i = 0; dg && i < dg->n; i++) {
        sink_puts(b, i ? ",\n    " : "\n    ");
        j_diag(b, dg->v[i]);
    }
    sink_puts(b, dg && dg->n ? "\n  ]\n}\n" : "]\n}\n");
}

static const char *const exts[] = {"json", NULL};

const gir_backend gir_backend_json = {
    .name = "json",
    .exts = exts,
    .fragment = 0,
    .with_errors = 1,
    .begin = j_begin,
    .section = j_section,
    .prose = j_prose,
    .table = j_table,
    .section_end = j_section_end,
    .end = j_end,
};

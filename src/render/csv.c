/* csv.c - the CSV back end of `girc build` (-f csv, .csv): the report's
 * table cells in the long form that spreadsheets pivot well, one line per
 * cell (file, agency, year, template, table, block, row, column,
 * row_label, column_label, value, unit, state, expected, rule; columns
 * and states in girc-build(1)). RFC 4180: fields holding , " CR or LF
 * are quoted with their quotes doubled, lines end in CRLF (the RFC's line
 * end, which Excel and WPS read on every system). The first report of a
 * batch (gir_build_opts.index 0) starts with a UTF-8 BOM, without which
 * Excel reads UTF-8 as the local code page, and the header line; the
 * others add their lines only, so a batch is one table. A text field
 * that starts with = + - @ is written after a ' so that a spreadsheet
 * shows it rather than evaluating it as a formula. Writes reports that
 * have checking errors: their cells carry the state (data.c). */
#include <string.h>
#include "render.h"

static void field(gir_sink *b, const char *s, int text)
{
    s = s ? render_data_clean(b->arena, s) : "";
    int formula = text && (*s == '=' || *s == '+' || *s == '-' || *s == '@');
    if (strpbrk(s, ",\"\r\n") == NULL) {
        if (formula) sink_putc(b, '\'');
        sink_puts(b, s);
        return;
    }
    sink_putc(b, '"');
    if (formula) sink_putc(b, '\'');
    for (const char *p = s; *p; p++) {
        if (*p == '"') sink_putc(b, '"');
        sink_putc(b, *p);
    }
    sink_putc(b, '"');
}

static void sep(gir_sink *b)
{
    sink_putc(b, ',');
}

static const char *const header[] = {
    "file", "agency", "year", "template", "table", "block", "row", "column",
    "row_label", "column_label", "value", "unit", "state", "expected", "rule", NULL,
};

static void c_begin(gir_renderer *rr)
{
    if (rr->o->index) return;
    sink_puts(rr->out, "\xEF\xBB\xBF");
    for (const char *const *h = header; *h; h++) {
        if (h != header) sep(rr->out);
        sink_puts(rr->out, *h);
    }
    sink_puts(rr->out, "\r\n");
}

static void c_section(gir_renderer *rr, const gir_rsection *s, int index)
{
    (void)rr;
    (void)s;
    (void)index;
}

/* The columns every line of the report starts with. */
static void report_fields(gir_renderer *rr)
{
    gir_sink *b = rr->out;
    const gir_report *r = rr->r;
    field(b, rr->o->file, 1);
    sep(b);
    field(b, r->agency, 1);
    sep(b);
    if (r->year) sink_printf(b, "%d", r->year);
    sep(b);
    field(b, r->schema->name, 1);
    sep(b);
}

static void c_cell(gir_renderer *rr, const gir_rtable *rt, const gir_block *bl, int row, int col)
{
    gir_sink *b = rr->out;
    const gir_cell *v = &rt->blocks[bl->index].cells[(size_t)row * bl->ncols + (size_t)col];
    const gir_ttable *t = rt->t;
    char val[64], exp[48];
    report_fields(rr);
    field(b, t->label && *t->label ? t->label : t->name, 1);
    sep(b);
    field(b, bl->caption, 1);
    sep(b);
    field(b, bl->rows[row]->name, 1);
    sep(b);
    field(b, bl->cols[col]->name, 1);
    sep(b);
    field(b, render_label_path(rr->a, bl->rows[row], " / "), 1);
    sep(b);
    field(b, render_label_path(rr->a, bl->cols[col], " / "), 1);
    sep(b);
    field(b, render_data_value(rt, v, val), v->state == CELL_TEXT);
    sep(b);
    field(b, v->type == CT_MONEY ? v->unit : "", 1);
    sep(b);
    sink_puts(b, render_data_state(rt, v));
    sep(b);
    sink_puts(b, render_data_expected(v, exp));
    sep(b);
    field(b, v->rule, 1);
    sink_puts(b, "\r\n");
}

static void c_table(gir_renderer *rr, const gir_layout *L)
{
    const gir_ttable *t = L->rt->t;
    for (size_t bi = 0; bi < t->nblocks; bi++) {
        const gir_block *bl = t->blocks[bi];
        for (size_t r = 0; r < bl->nrows; r++)
            for (size_t c = 0; c < bl->ncols; c++) c_cell(rr, L->rt, bl, (int)r, (int)c);
    }
}

static void c_prose(gir_renderer *rr, const gir_rsection *s)
{
    (void)rr;
    (void)s;
}

static void c_section_end(gir_renderer *rr, const gir_rsection *s, int index)
{
    (void)rr;
    (void)s;
    (void)index;
}

static void c_end(gir_renderer *rr)
{
    (void)rr;
}

static const char *const exts[] = {"csv", NULL};

const gir_backend gir_backend_csv = {
    .name = "csv",
    .exts = exts,
    .fragment = 0,
    .with_errors = 1,
    .batch = 1,
    .begin = c_begin,
    .section = c_section,
    .prose = c_prose,
    .table = c_table,
    .section_end = c_section_end,
    .end = c_end,
};

/* html.c - the HTML back end of `girc build` (-f html, .html/.htm): a standalone HTML5
 * page (inline CSS in the style of a government publication, A4 print
 * stylesheet, tables in a wrapper that scrolls sideways on a phone) or, with --fragment, the <article> alone for a portal's CMS.
 * Prose goes through libcmark (raw HTML never passed through); tables
 * use the official merged layout from render.c with <caption>,
 * <th scope> and headers/id; when the report names last year's report,
 * each value cell shows last year's value of the same cell on a small
 * second line ("上年 9"), with a legend in the caption. Every report
 * string is escaped here. */
#include <stdlib.h>
#include <string.h>
#include "render.h"

static const char css[] =
    "body{margin:0;background:#eeece7;color:#1b1b1b;"
    "font-family:\"FangSong\",\"STFangsong\",\"仿宋\",\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"SimSun\",serif;"
    "font-size:16px;line-height:1.9}\n"
    ".gir-report{box-sizing:border-box;max-width:210mm;margin:24px auto;padding:20mm 16mm 24mm;background:#fff;"
    "box-shadow:0 1px 6px rgba(0,0,0,.18)}\n"
    ".gir-head{text-align:center;border-bottom:2px solid #c00;padding-bottom:12px;margin-bottom:20px}\n"
    ".gir-head h1{margin:0;font-size:26px;line-height:1.5;font-weight:700;letter-spacing:.04em;"
    "font-family:\"FZXiaoBiaoSong-B05S\",\"方正小标宋简体\",\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"SimSun\",serif}\n"
    ".gir-head p{margin:.3em 0 0;font-size:15px;color:#444}\n"
    ".gir-section h2{margin:1.4em 0 .5em;font-size:18px;line-height:1.6;font-weight:700;"
    "font-family:\"SimHei\",\"黑体\",\"Noto Sans CJK SC\",\"Source Han Sans SC\",sans-serif}\n"
    ".gir-section h3,.gir-section h4,.gir-section h5,.gir-section h6{margin:1em 0 .3em;font-size:16px;"
    "font-family:\"KaiTi\",\"楷体\",\"Noto Serif CJK SC\",serif}\n"
    ".gir-prose p{margin:.3em 0;text-indent:2em;text-align:justify}\n"
    ".gir-prose li p{text-indent:0}\n"
    ".gir-prose blockquote{margin:.5em 2em;color:#333}\n"
    ".gir-prose code{font-family:\"Noto Sans Mono CJK SC\",monospace;font-size:.9em}\n"
    "table.gir-table{width:100%;border-collapse:collapse;margin:.8em 0 1.2em;font-size:14px;line-height:1.5;"
    "font-family:\"SimSun\",\"宋体\",\"Noto Serif CJK SC\",serif}\n"
    ".gir-table caption{caption-side:top;padding:0 0 .4em;font-weight:700;font-size:15px}\n"
    ".gir-table th,.gir-table td{border:1px solid #222;padding:4px 5px;text-align:center;vertical-align:middle}\n"
    ".gir-table th{font-weight:400}\n"
    ".gir-table thead th,.gir-table th.gir-col,.gir-table th.gir-corner{background:#f4f4f2;font-weight:700}\n"
    ".gir-table th.gir-cap{background:#e9e9e6;font-weight:700}\n"
    ".gir-table th.gir-row{text-align:left}\n"
    ".gir-table td{font-variant-numeric:tabular-nums}\n"
    ".gir-table col.gir-cg{width:4.4em}\n"
    ".gir-table col.gir-cv{width:3.6em}\n"
    ".gir-table td.gir-note{font-size:13px;text-align:left;background:#f4f4f2}\n"
    ".gir-sign{margin-top:3em;text-align:right;line-height:2}\n"
    ".gir-sign p{margin:0}\n"
    /* a phone: the tables scroll sideways in their wrapper, at a width
     * where a header such as 自然人 keeps to one line */
    ".gir-scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.8em 0 1.2em}\n"
    ".gir-scroll>table.gir-table{margin:0}\n"
    "@media screen and (max-width:600px){\n"
    "body{font-size:15px}\n"
    ".gir-report{margin:0;padding:16px 12px 24px;box-shadow:none}\n"
    "table.gir-table{min-width:22em;font-size:13px}\n"
    "table.gir-wide{min-width:50em}\n"
    ".gir-table col.gir-cg{width:3.2em}\n"
    ".gir-table col.gir-cv{width:4em}\n"
    ".gir-table th,.gir-table td{padding:3px 4px}\n"
    "}\n"
    /* A4: smaller table type and tighter cells, so that table 3 fits on
     * one page; a table and its caption stay together */
    "@media print{\n"
    "@page{size:A4;margin:18mm 16mm 16mm}\n"
    "body{background:#fff;font-size:12pt;line-height:1.6}\n"
    ".gir-report{max-width:none;margin:0;padding:0;box-shadow:none}\n"
    ".gir-head h1{font-size:20pt}\n"
    ".gir-scroll{overflow:visible;margin:.5em 0 .8em}\n"
    "table.gir-table{font-size:9pt;line-height:1.3;break-inside:avoid;page-break-inside:avoid}\n"
    ".gir-table caption{font-size:10.5pt;padding-bottom:.2em}\n"
    ".gir-table th,.gir-table td{padding:1px 3px}\n"
    ".gir-table col.gir-cg{width:2.6em}\n"
    ".gir-table col.gir-cv{width:3.4em}\n"
    ".gir-table td.gir-note{font-size:8.5pt}\n"
    ".gir-table thead{display:table-header-group}\n"
    ".gir-table tr{break-inside:avoid;page-break-inside:avoid}\n"
    ".gir-section h2{break-after:avoid;page-break-after:avoid}\n"
    ".gir-prose p{orphans:2;widows:2}\n"
    "}\n";

/* Only when the report names last year's report: the small second line
 * of each value cell and the legend in the caption. */
static const char css_previous[] =
    ".gir-prev{display:block;font-size:11px;line-height:1.2;color:#555}\n"
    ".gir-prev-key{display:block;font-weight:400;font-size:12px;color:#555}\n"
    "@media print{.gir-prev{font-size:7pt;color:#333}.gir-prev-key{font-size:8.5pt;color:#333}}\n";

/* Escapes text for HTML element content and attribute values. C0
 * controls (other than tab and newline) and DEL are dropped. */
static int html_plain(unsigned char ch)
{
    if (ch < 0x20) return ch == '\t' || ch == '\n';
    return ch != '&' && ch != '<' && ch != '>' && ch != '"' && ch != '\'' && ch != 0x7f;
}

static void esc(gir_sink *b, const char *s)
{
    for (const char *p = s;; p++) {
        p = render_put_run(b, p, html_plain);
        switch (*p) {
        case 0: return;
        case '&': sink_puts(b, "&amp;"); break;
        case '<': sink_puts(b, "&lt;"); break;
        case '>': sink_puts(b, "&gt;"); break;
        case '"': sink_puts(b, "&quot;"); break;
        case '\'': sink_puts(b, "&#39;"); break;
        default: break;   /* a control character: dropped */
        }
    }
}

/* Whether the tables show last year's values: a legend in each caption
 * and "上年 9" under each value, words rather than colour. */
static int shows_previous(const gir_renderer *rr)
{
    return rr->r->previous && rr->r->previous->schema && rr->r->previous->tables;
}

static void h_begin(gir_renderer *rr)
{
    gir_sink *b = rr->out;
    const gir_report *r = rr->r;
    if (!rr->o->fragment) {
        sink_puts(b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta name=\"generator\" content=\"girc\">\n<title>");
        esc(b, r->title ? r->title : "");
        sink_puts(b, "</title>\n<style>\n");
        sink_puts(b, css);
        if (shows_previous(rr)) sink_puts(b, css_previous);
        sink_puts(b, "</style>\n</head>\n<body>\n");
    }
    sink_puts(b, "<article class=\"gir-report\">\n<header class=\"gir-head\">\n<h1>");
    esc(b, r->title ? r->title : "");
    sink_puts(b, "</h1>\n");
    char d[32];
    if ((r->agency && *r->agency) || r->has_date) {
        sink_puts(b, "<p>");
        esc(b, r->agency ? r->agency : "");
        if (r->agency && *r->agency && r->has_date) sink_puts(b, "　");
        esc(b, render_date_zh(r, d));
        sink_puts(b, "</p>\n");
    }
    sink_puts(b, "</header>\n");
}

static void h_section(gir_renderer *rr, const gir_rsection *s, int index)
{
    sink_printf(rr->out, "<section class=\"gir-section\" id=\"s%d\">\n<h2>", index + 1);
    esc(rr->out, s->s->label && *s->s->label ? s->s->label : s->s->name);
    sink_puts(rr->out, "</h2>\n");
}

static void h_prose(gir_renderer *rr, const gir_rsection *s)
{
    sink_puts(rr->out, "<div class=\"gir-prose\">\n");
    render_prose_each(rr, s->prose, 2, 0, 0, sink_puts);
    sink_puts(rr->out, "</div>\n");
}

static void cell_id(gir_renderer *rr, const gir_lcell *c)
{
    sink_printf(rr->out, "t%d-%d", rr->section + 1, c->id);
}

static void spans(gir_sink *b, const gir_lcell *c)
{
    if (c->colspan > 1) sink_printf(b, " colspan=\"%d\"", c->colspan);
    if (c->rowspan > 1) sink_printf(b, " rowspan=\"%d\"", c->rowspan);
}

/* A header cell: <th class scope id spans>text</th>. */
static void th_cell(gir_renderer *rr, const gir_lcell *c, const char *cls, const char *scope)
{
    gir_sink *b = rr->out;
    sink_printf(b, "<th class=\"%s\" scope=\"%s\" id=\"", cls, scope);
    cell_id(rr, c);
    sink_puts(b, "\"");
    spans(b, c);
    sink_puts(b, ">");
    esc(b, c->text);
    sink_puts(b, "</th>");
}

static const char *head_scope(const gir_lcell *c)
{
    if (c->kind == LAYOUT_COLHEAD) return c->is_group ? "colgroup" : "col";
    return c->is_group ? "rowgroup" : "row";
}

/* Last year's value of a value cell (matched by table, row and column
 * names, as the JSON back end and rule R3.8 match them), or NULL: no
 * previous report, no such cell, or a blank or text cell. */
static const char *previous_text(gir_renderer *rr, const gir_layout *L, const gir_lcell *c, char *num)
{
    const gir_report *p = rr->r->previous;
    if (!p || !p->schema || !p->tables || !c->cell || c->cell->state == CELL_TEXT) return NULL;
    const gir_block *bl = L->rt->t->blocks[c->block];
    const gir_ttable *pt = schema_find_table(p->schema, rr->a, L->rt->t->name);
    int pb = 0;
    const gir_hnode *ph = pt && p->tables[pt->index].node ? schema_find_row(pt, rr->a, bl->rows[c->r]->name, &pb) : NULL;
    const gir_hnode *pc = ph && !ph->is_group ? schema_find_col(pt->blocks[pb], rr->a, bl->cols[c->c]->name) : NULL;
    if (!pc || pc->is_group) return NULL;
    const gir_cell *v = report_cell(p, pt->index, pb, ph->index, pc->index);
    if (v->state == CELL_ZERO && v->type != CT_TEXT) return "0";
    if (v->state != CELL_WRITTEN && v->state != CELL_COMPUTED) return NULL;
    dec_format_buf(v->v, num);
    return num;
}

static void h_cell(gir_renderer *rr, const gir_layout *L, const gir_lcell *c)
{
    gir_sink *b = rr->out;
    char vb[64];
    switch (c->kind) {
    case LAYOUT_CAPTION:
        th_cell(rr, c, "gir-cap", "rowgroup");
        break;
    case LAYOUT_CORNER:
        if (c->is_note || !*c->text) {
            sink_puts(b, c->is_note ? "<td class=\"gir-note\"" : "<td");
            spans(b, c);
            sink_puts(b, ">");
            esc(b, c->text);
            sink_puts(b, "</td>");
        } else {
            th_cell(rr, c, "gir-corner", "col");
        }
        break;
    case LAYOUT_COLHEAD:
    case LAYOUT_ROWHEAD:
        if (!*c->text) {
            sink_puts(b, "<td");
            spans(b, c);
            sink_puts(b, "></td>");
            break;
        }
        th_cell(rr, c, c->kind == LAYOUT_COLHEAD ? "gir-col" : "gir-row", head_scope(c));
        break;
    case LAYOUT_VALUE:
        sink_puts(b, "<td");
        if (c->nhdr) {
            sink_puts(b, " headers=\"");
            for (size_t i = 0; i < c->nhdr; i++) {
                if (i) sink_putc(b, ' ');
                cell_id(rr, c->hdr[i]);
            }
            sink_puts(b, "\"");
        }
        spans(b, c);
        sink_puts(b, ">");
        esc(b, render_value_text(c, vb));
        {
            char num[48];
            const char *pv = previous_text(rr, L, c, num);
            if (pv) {
                sink_puts(b, "<span class=\"gir-prev\">上年 ");
                esc(b, pv);
                sink_puts(b, "</span>");
            }
        }
        sink_puts(b, "</td>");
        break;
    case LAYOUT_NOTE:
        sink_puts(b, "<td class=\"gir-note\"");
        spans(b, c);
        sink_puts(b, ">");
        esc(b, c->text);
        sink_puts(b, "</td>");
        break;
    case LAYOUT_EMPTY:
        sink_puts(b, "<td></td>");
        break;
    }
}

static void h_row(gir_renderer *rr, const gir_layout *L, const gir_lrow *row)
{
    sink_puts(rr->out, "<tr>");
    for (size_t i = 0; i < row->ncells; i++) h_cell(rr, L, row->cells[i]);
    sink_puts(rr->out, "</tr>\n");
}

static void h_table(gir_renderer *rr, const gir_layout *L)
{
    gir_sink *b = rr->out;
    const gir_ttable *t = L->rt->t;
    sink_puts(b, "<div class=\"gir-scroll\">\n");
    /* wide: nested row labels (table 3) or many columns (table 4) */
    int wide = L->nlabel > 1 || L->ncols > 8;
    sink_printf(b, "<table class=\"gir-table%s\" id=\"tbl-%d\" data-table=\"", wide ? " gir-wide" : "", rr->section + 1);
    esc(b, t->name);
    sink_puts(b, "\">\n<caption>");
    esc(b, t->label && *t->label ? t->label : t->name);
    if (shows_previous(rr)) sink_puts(b, "<span class=\"gir-prev-key\">（各格下方的“上年”为上年报告中同一格的数值）</span>");
    sink_puts(b, "</caption>\n");
    /* tables with nested row labels (table 3): narrow group-label columns
     * and even value columns, so the leaf labels get the room */
    if (L->nlabel > 1) {
        sink_puts(b, "<colgroup>");
        for (int x = 0; x < L->ncols; x++)
            sink_puts(b, x < L->nlabel - 1 ? "<col class=\"gir-cg\">" : x == L->nlabel - 1 ? "<col>" : "<col class=\"gir-cv\">");
        sink_puts(b, "</colgroup>\n");
    }
    int y = 0;
    if (L->nhead > 0) {
        sink_puts(b, "<thead>\n");
        for (; y < L->nhead; y++) h_row(rr, L, &L->rows[y]);
        sink_puts(b, "</thead>\n");
    }
    int open = 0, blk = -2;
    for (; y < L->nrows; y++) {
        const gir_lrow *row = &L->rows[y];
        int nb = L->nhead > 0 ? -1 : row->block;
        if (!open || nb != blk) {
            if (open) sink_puts(b, "</tbody>\n");
            sink_puts(b, "<tbody>\n");
            open = 1;
            blk = nb;
        }
        h_row(rr, L, row);
    }
    if (open) sink_puts(b, "</tbody>\n");
    sink_puts(b, "</table>\n</div>\n");
}

static void h_section_end(gir_renderer *rr, const gir_rsection *s, int index)
{
    (void)s;
    (void)index;
    sink_puts(rr->out, "</section>\n");
}

static void h_end(gir_renderer *rr)
{
    gir_sink *b = rr->out;
    const gir_report *r = rr->r;
    char d[32];
    if ((r->agency && *r->agency) || r->has_date) {
        sink_puts(b, "<footer class=\"gir-sign\">\n");
        if (r->agency && *r->agency) {
            sink_puts(b, "<p>");
            esc(b, r->agency);
            sink_puts(b, "</p>\n");
        }
        if (r->has_date) {
            sink_puts(b, "<p>");
            esc(b, render_date_zh(r, d));
            sink_puts(b, "</p>\n");
        }
        sink_puts(b, "</footer>\n");
    }
    sink_puts(b, "</article>\n");
    if (!rr->o->fragment) sink_puts(b, "</body>\n</html>\n");
}

static const char *const exts[] = {"html", "htm", NULL};

const gir_backend gir_backend_html = {
    .name = "html",
    .exts = exts,
    .fragment = 1,
    .begin = h_begin,
    .section = h_section,
    .prose = h_prose,
    .table = h_table,
    .section_end = h_section_end,
    .end = h_end,
};

/* latex.c - the LaTeX back end of `girc build` (-f latex, .tex): a ctexart
 * document for xelatex (Noto CJK fonts, or ctex's fontset named by
 * --style=fontset=; --style=gongwen: the 公文 body), or with --fragment the body
 * alone. Tables are longtables (they break across pages, the header rows
 * repeat) drawing the official merged layout from render.c with
 * \multicolumn and \multirow. Every report string is escaped here so that
 * report text can never run TeX; prose goes through libcmark's LaTeX
 * writer after render_prose_tree has removed the constructs that writer
 * does not escape (verbatim code blocks, \includegraphics, \href). */
#include <stdlib.h>
#include <string.h>
#include "render.h"
#include "base/utf8.h"

/* Escapes report text for LaTeX body text and table cells. */
static int tex_plain(unsigned char ch)
{
    return ch >= 0x20 && ch != 0x7f && !strchr("\\{}#$%&_~^<>|\"'`[]-", ch);
}

static void esc(gir_sink *b, const char *s)
{
    for (const char *p = s;; p++) {
        p = render_put_run(b, p, tex_plain);
        unsigned char ch = (unsigned char)*p;
        if (!ch) return;
        switch (ch) {
        case '\\': sink_puts(b, "\\textbackslash{}"); break;
        case '{': sink_puts(b, "\\{"); break;
        case '}': sink_puts(b, "\\}"); break;
        case '#': sink_puts(b, "\\#"); break;
        case '$': sink_puts(b, "\\$"); break;
        case '%': sink_puts(b, "\\%"); break;
        case '&': sink_puts(b, "\\&"); break;
        case '_': sink_puts(b, "\\_"); break;
        case '~': sink_puts(b, "\\textasciitilde{}"); break;
        case '^': sink_puts(b, "\\textasciicircum{}"); break;
        case '<': sink_puts(b, "\\textless{}"); break;
        case '>': sink_puts(b, "\\textgreater{}"); break;
        case '|': sink_puts(b, "\\textbar{}"); break;
        case '"': sink_puts(b, "\\textquotedbl{}"); break;
        case '\'': sink_puts(b, "\\textquotesingle{}"); break;
        case '`': sink_puts(b, "\\textasciigrave{}"); break;
        case '[': sink_puts(b, "{[}"); break;
        case ']': sink_puts(b, "{]}"); break;
        case '-': sink_puts(b, "-{}"); break;
        case '\n': case '\t': case '\r': sink_putc(b, ' '); break;
        default: break;   /* a control character: dropped */
        }
    }
}

/* A table's geometry (see table_geom) and the page-break guard. */
typedef struct tgeom { int *w, *lines; int glue_all, first_unit; } tgeom;
static tgeom table_geom(gir_arena *a, const gir_layout *L);
static void need_space(gir_sink *b, int height);

/* The document class and fonts for each --style=fontset= (ctex's
 * fontset option; noto, the default, names the Noto CJK fonts itself);
 * gongwen changes nothing here. */
static void put_class(gir_sink *b, const char *fontset, int gongwen)
{
    (void)gongwen;   /* ctexart takes zihao=5 or -4 only: 三号 is set in page_gongwen */
    if (strcmp(fontset, "noto") != 0) {
        sink_printf(b, "\\documentclass[UTF8,a4paper,zihao=-4,fontset=%s]{ctexart}\n", fontset);
        return;
    }
    sink_puts(b, "\\documentclass[UTF8,a4paper,zihao=-4,fontset=none]{ctexart}\n");
    sink_puts(b, "\\setCJKmainfont{Noto Serif CJK SC}[BoldFont={Noto Serif CJK SC Bold}]\n"
                "\\setCJKsansfont{Noto Sans CJK SC}[BoldFont={Noto Sans CJK SC Bold}]\n"
                "\\setCJKmonofont{Noto Sans Mono CJK SC}\n");
}

/* No space between Chinese and digits or Latin (2023年, not 2023 年):
 * xeCJK's glue between them is zero, stretchable, a place to break. */
static const char preamble[] =
    "\\xeCJKsetup{CJKecglue={\\hskip 0pt plus .08\\baselineskip}}\n"
    "\\xeCJKDeclareCharClass{FullLeft}{\"2018,\"201C}\n"
    "\\xeCJKDeclareCharClass{FullRight}{\"2019,\"201D}\n"
    "\\usepackage{array,longtable,multirow,booktabs}\n"
    "\\setcounter{secnumdepth}{0}\n"
    "\\setlength{\\aboverulesep}{0pt}\n"
    "\\setlength{\\belowrulesep}{0pt}\n"
    "\\setlength{\\LTpre}{.6em}\n"
    "\\setlength{\\LTpost}{.8em}\n"
    "\\pagestyle{plain}\n";

static const char page_plain[] =
    "\\usepackage[a4paper,top=25mm,bottom=22mm,left=25mm,right=25mm]{geometry}\n"
    "\\ctexset{section={format=\\sffamily\\bfseries\\zihao{-3}\\raggedright,beforeskip=1.2em,afterskip=.6em},\n"
    "  subsection={format=\\sffamily\\zihao{-4}\\raggedright,beforeskip=.8em,afterskip=.4em}}\n"
    "\\linespread{1.3}\n";

/* GB/T 9704: A4, text block 156 x 225 mm (top 37, left 28), 仿宋 三号,
 * 22 lines of 28 characters; headings 黑体 三号; tables keep 五号. */
static const char page_gongwen[] =
    "\\usepackage[a4paper,top=37mm,left=28mm,textwidth=156mm,textheight=225mm]{geometry}\n"
    "\\providecommand{\\fangsong}{}\n"
    "\\providecommand{\\heiti}{\\sffamily}\n"
    "\\ctexset{section={format=\\heiti\\zihao{3}\\raggedright,beforeskip=0pt,afterskip=0pt},\n"
    "  subsection={format=\\kaishu\\zihao{3}\\raggedright,beforeskip=0pt,afterskip=0pt}}\n"
    "\\providecommand{\\kaishu}{}\n"
    "\\renewcommand{\\normalsize}{\\fontsize{16bp}{28.95bp}\\selectfont}\n"
    "\\AtBeginDocument{\\normalsize\\fangsong}\n";

/* The --style=fontset= value when it is one ctex knows, else noto. */
static const char *fontset_of(const gir_renderer *rr, char *buf)
{
    const char *v = render_style_value(rr->o, "fontset", buf);
    for (size_t i = 0; v && render_fontsets[i]; i++)
        if (strcmp(v, render_fontsets[i]) == 0) return v;
    return "noto";
}

static void l_begin(gir_renderer *rr)
{
    gir_sink *b = rr->out;
    const gir_report *r = rr->r;
    sink_puts(b, "% Generated by girc from a checked .gir report. Compile with xelatex.\n");
    if (!rr->o->fragment) {
        char fb[32];
        int gongwen = render_style_has(rr->o, "gongwen");
        put_class(b, fontset_of(rr, fb), gongwen);
        sink_puts(b, preamble);
        sink_puts(b, gongwen ? page_gongwen : page_plain);
        sink_puts(b, "\\begin{document}\n");
    }
    /* the 公文 title is 二号 */
    int gw = render_style_has(rr->o, "gongwen");
    sink_puts(b, gw ? "\\begin{center}\n{\\zihao{2}\\bfseries " : "\\begin{center}\n{\\zihao{-2}\\bfseries ");
    esc(b, r->title ? r->title : "");
    sink_puts(b, "\\par}\n");
    char d[32];
    if ((r->agency && *r->agency) || r->has_date) {
        sink_puts(b, gw ? "\\vspace{.6em}{\\zihao{3}" : "\\vspace{.6em}{\\zihao{-4}");
        esc(b, r->agency ? r->agency : "");
        if (r->agency && *r->agency && r->has_date) sink_puts(b, "\\quad ");
        esc(b, render_date_zh(r, d));
        sink_puts(b, "\\par}\n");
    }
    sink_puts(b, "\\end{center}\n\\vspace{.5em}\n");
}

static void l_section(gir_renderer *rr, const gir_rsection *s, int index)
{
    (void)index;
    sink_putc(rr->out, '\n');
    /* a heading directly over a table moves to the next page with it */
    if (s->s->table && !(s->prose && *s->prose))
        need_space(rr->out, table_geom(rr->a, rr->layouts[s->s->table->index]).first_unit + 400);
    sink_puts(rr->out, "\\section*{");
    esc(rr->out, s->s->label && *s->s->label ? s->s->label : s->s->name);
    sink_puts(rr->out, "}\n");
}

/* cmark writes the curly quotes “ ” ‘ ’ as the TeX ligatures `` '' ` '
 * (Latin glyphs in a CJK text); put the characters back so that xeCJK
 * sets them as full-width punctuation. cmark writes an ASCII ' as
 * \textquotesingle{}, so every ' and ` left in its output is one of these. */
static void put_quotes(gir_sink *b, const char *s)
{
    const char *p = s;
    for (;;) {
        size_t n = strcspn(p, "`'");
        sink_put(b, p, n);
        p += n;
        if (!*p) return;
        if (p[0] == '`' && p[1] == '`') { sink_puts(b, "“"); p++; }
        else if (p[0] == '\'' && p[1] == '\'') { sink_puts(b, "”"); p++; }
        else if (p[0] == '`') sink_puts(b, "‘");
        else sink_puts(b, "’");
        p++;
    }
}

static void l_prose(gir_renderer *rr, const gir_rsection *s)
{
    render_prose_each(rr, s->prose, 1, PROSE_LATEX, 1, put_quotes);
}

/* ---- tables ---- */

/* Column widths as per-mille of \linewidth, 999 in all (the leading
 * rule of the first column needs the last one). Nested row labels (table 3):
 * narrow group-label columns and even value columns, the leaf-label
 * column takes the rest; one label column (table 2): 30%; no label column
 * (table 4): even. */
static void col_widths(const gir_layout *L, int *w)
{
    int W = L->ncols, nl = L->nlabel, nv = W - nl;
    if (nl == 0) {
        for (int x = 0; x < W; x++) w[x] = 999 / W;
        w[W - 1] += 999 - (999 / W) * W;
        return;
    }
    int grp = 110, val;
    if (nl > 1) {
        val = 65;
        if (1000 - grp * (nl - 1) - val * nv < 220 && nv > 0) val = (1000 - grp * (nl - 1) - 220) / nv;
        if (val < 20) { val = 20; grp = 60; }
    } else {
        val = nv > 0 ? 700 / nv : 0;
    }
    int used = 0;
    for (int x = 0; x < W; x++) {
        w[x] = x < nl - 1 ? grp : x >= nl ? val : 0;
        used += w[x];
    }
    w[nl - 1] = 999 - used;
}

static void width_spec(gir_sink *b, int permille)
{
    sink_printf(b, "m{\\dimexpr0.%03d\\linewidth-2\\tabcolsep-\\arrayrulewidth\\relax}", permille);
}

static int is_left(const gir_lcell *c)
{
    return c->kind == LAYOUT_ROWHEAD || c->is_note;
}

/* Estimated lines a cell needs: display width over its column width
 * (1000 per-mille of \\linewidth holds about 86 half-width characters at
 * the table's \\zihao{5}). Only used to centre \\multirow labels. */
static int est_lines(const gir_lcell *c, const int *w, const char *text)
{
    int pm = 0;
    for (int x = c->col; x < c->col + c->colspan; x++) pm += w[x];
    int cap = pm * 86 / 1000 - 1;
    if (cap < 2) cap = 2;
    int n = (int)utf8_width(text, strlen(text));
    return n <= cap ? 1 : (n + cap - 1) / cap;
}

static void cell_text(gir_sink *b, const gir_lcell *c)
{
    char vb[64];
    switch (c->kind) {
    case LAYOUT_VALUE: esc(b, render_value_text(c, vb)); break;
    case LAYOUT_CAPTION:
    case LAYOUT_COLHEAD:
        sink_puts(b, "\\textbf{");
        esc(b, c->text);
        sink_puts(b, "}");
        break;
    case LAYOUT_CORNER:
        if (c->is_note) {
            sink_puts(b, "{\\zihao{-5}");
            esc(b, c->text);
            sink_puts(b, "}");
        } else {
            sink_puts(b, "\\textbf{");
            esc(b, c->text);
            sink_puts(b, "}");
        }
        break;
    case LAYOUT_NOTE:
        sink_puts(b, "{\\zihao{-5}");
        esc(b, c->text);
        sink_puts(b, "}");
        break;
    default:
        esc(b, c->text);
        break;
    }
}

/* Whether a page may not break after row y: inside a merged cell, right
 * after a caption or header row, inside a block of a table with several
 * blocks, or anywhere in a table short enough to fit on one page. */
static int keep_with_next(const gir_layout *L, int y, int glue_all)
{
    if (y + 1 >= L->nrows) return 0;
    if (glue_all || L->rows[y].kind != LR_BODY) return 1;
    if (L->rt->t->nblocks > 1 && L->rows[y + 1].block == L->rows[y].block) return 1;
    for (int x = 0; x < L->ncols; x++)
        if (layout_at(L, y, x) == layout_at(L, y + 1, x)) return 1;
    return 0;
}

static void l_row(gir_sink *b, const gir_layout *L, int y, const int *w, const int *lines, int keep)
{
    int first = 1;
    for (int x = 0; x < L->ncols;) {
        const gir_lcell *c = layout_at(L, y, x);
        if (!first) sink_puts(b, " & ");
        first = 0;
        int starts = c->row == y;
        int multi = c->colspan > 1 || (starts && is_left(c) != (x < L->nlabel));
        if (multi) {
            int pm = 0;
            for (int k = x; k < x + c->colspan; k++) pm += w[k];
            sink_printf(b, "\\multicolumn{%d}{%s>{%s\\arraybackslash}", c->colspan, x == 0 ? "|" : "",
                       is_left(c) ? "\\raggedright" : "\\centering");
            width_spec(b, pm);
            sink_puts(b, "|}{");
        }
        if (starts) {
            if (c->rowspan > 1) {
                /* \\multirow counts in array struts (\\arraystretch 1.35
                 * baselines); each extra line of a row adds one baseline */
                int n = 0;
                for (int k = y; k < y + c->rowspan; k++) n += 100 + (lines[k] - 1) * 74;
                sink_printf(b, "\\multirow{%d.%02d}{=}{%s", n / 100, n % 100, is_left(c) ? "\\raggedright " : "\\centering ");
                cell_text(b, c);
                sink_puts(b, "}");
            } else {
                cell_text(b, c);
            }
        }
        if (multi) sink_puts(b, "}");
        x += c->colspan;
    }
    sink_puts(b, keep ? " \\\\*\n" : " \\\\\n");   /* longtable's \\* : no break here */
}

/* The rules between grid rows y and y+1: \hline, or \cline segments
 * over the columns where a cell ends. */
static void l_rules(gir_sink *b, const gir_layout *L, int y)
{
    int all = 1;
    for (int x = 0; x < L->ncols; x++)
        if (layout_at(L, y, x) == layout_at(L, y + 1, x)) all = 0;
    if (all) { sink_puts(b, "\\hline\n"); return; }
    for (int x = 0; x < L->ncols;) {
        if (layout_at(L, y, x) == layout_at(L, y + 1, x)) { x++; continue; }
        int s = x;
        while (x < L->ncols && layout_at(L, y, x) != layout_at(L, y + 1, x)) x++;
        sink_printf(b, "\\cline{%d-%d}", s + 1, x);
    }
    sink_putc(b, '\n');
}

/* Column widths, estimated lines per row, and the estimated height (in
 * hundredths of the table font's \\baselineskip: a row is one array strut,
 * 1.35, plus a baseline per extra line) of the part that cannot be split. */
static tgeom table_geom(gir_arena *a, const gir_layout *L)
{
    tgeom g;
    g.w = arena_alloc(a, ((size_t)L->ncols + 1) * sizeof *g.w);
    g.lines = arena_alloc(a, ((size_t)L->nrows + 1) * sizeof *g.lines);
    col_widths(L, g.w);
    for (int y = 0; y < L->nrows; y++) {
        g.lines[y] = 1;
        for (size_t i = 0; i < L->rows[y].ncells; i++) {
            const gir_lcell *c = L->rows[y].cells[i];
            char vb[64];
            const char *tx = c->kind == LAYOUT_VALUE ? render_value_text(c, vb) : c->text;
            int n = c->rowspan == 1 ? est_lines(c, g.w, tx) : 1;
            if (n > g.lines[y]) g.lines[y] = n;
        }
    }
    int total = 150;
    for (int y = 0; y < L->nrows; y++) total += 135 + (g.lines[y] - 1) * 100;
    g.glue_all = total <= 4800;   /* about 0.9 \\textheight on A4 */
    g.first_unit = 150;
    for (int y = 0; y < L->nrows; y++) {
        g.first_unit += 135 + (g.lines[y] - 1) * 100;
        if (!keep_with_next(L, y, g.glue_all)) break;
    }
    return g;
}

/* Starts a new page unless `height` (hundredths of the table font's
 * \\baselineskip) fits in what is left of this one. */
static void need_space(gir_sink *b, int height)
{
    sink_printf(b, "{\\linespread{1}\\zihao{5}\\par\\penalty-100"
                  "\\ifdim\\dimexpr\\pagegoal-\\pagetotal\\relax<%d.%02d\\baselineskip\\newpage\\fi}\n",
               height / 100, height % 100);
}

static void l_table(gir_renderer *rr, const gir_layout *L)
{
    gir_sink *b = rr->out;
    const gir_ttable *t = L->rt->t;
    int W = L->ncols;
    tgeom g = table_geom(rr->a, L);
    int *w = g.w, *lines = g.lines, glue_all = g.glue_all;
    need_space(b, g.first_unit);
    sink_puts(b, "{\\linespread{1}\\zihao{5}\\setlength{\\tabcolsep}{3pt}\\renewcommand{\\arraystretch}{1.35}\n");
    sink_puts(b, "\\begin{longtable}{|");
    for (int x = 0; x < W; x++) {
        sink_puts(b, x < L->nlabel ? ">{\\raggedright\\arraybackslash}" : ">{\\centering\\arraybackslash}");
        width_spec(b, w[x]);
        sink_putc(b, '|');
    }
    /* a measuring row (longtable's \kill) of single cells, so that even
     * the first xelatex pass gets the spanned label columns right */
    sink_puts(b, "}\n");
    for (int x = 1; x < W; x++) sink_puts(b, "&");
    sink_puts(b, "\\kill\n\\multicolumn{");
    sink_printf(b, "%d}{c}{\\textbf{", W);
    esc(b, t->label && *t->label ? t->label : t->name);
    sink_puts(b, "}} \\\\[.3em]\n\\toprule\n");
    int y = 0;
    for (; y < L->nhead; y++) {
        l_row(b, L, y, w, lines, keep_with_next(L, y, glue_all));
        if (y + 1 < L->nhead) l_rules(b, L, y);
    }
    if (L->nhead) {
        sink_puts(b, "\\hline\n\\endfirsthead\n\\toprule\n");
        for (int k = 0; k < L->nhead; k++) {
            l_row(b, L, k, w, lines, keep_with_next(L, k, glue_all));
            if (k + 1 < L->nhead) l_rules(b, L, k);
        }
        sink_puts(b, "\\hline\n\\endhead\n");
    } else {
        sink_puts(b, "\\endfirsthead\n\\toprule\n\\endhead\n");
    }
    sink_puts(b, "\\bottomrule\n\\endfoot\n");
    for (; y < L->nrows; y++) {
        l_row(b, L, y, w, lines, keep_with_next(L, y, glue_all));
        if (y + 1 < L->nrows) l_rules(b, L, y);
    }
    sink_puts(b, "\\end{longtable}}\n");
}

static void l_section_end(gir_renderer *rr, const gir_rsection *s, int index)
{
    (void)rr;
    (void)s;
    (void)index;
}

static void l_end(gir_renderer *rr)
{
    gir_sink *b = rr->out;
    const gir_report *r = rr->r;
    char d[32];
    if ((r->agency && *r->agency) || r->has_date) {
        sink_puts(b, "\n\\vspace{2em}\n\\begin{flushright}\n");
        if (r->agency && *r->agency) {
            esc(b, r->agency);
            sink_puts(b, r->has_date ? "\\\\\n" : "\n");
        }
        if (r->has_date) {
            esc(b, render_date_zh(r, d));
            sink_putc(b, '\n');
        }
        sink_puts(b, "\\end{flushright}\n");
    }
    if (!rr->o->fragment) sink_puts(b, "\\end{document}\n");
}

static const char *const exts[] = {"tex", NULL};

const gir_backend gir_backend_latex = {
    .name = "latex",
    .exts = exts,
    .fragment = 1,
    .begin = l_begin,
    .section = l_section,
    .prose = l_prose,
    .table = l_table,
    .section_end = l_section_end,
    .end = l_end,
};

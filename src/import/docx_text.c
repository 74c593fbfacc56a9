/* docx_text.c - a WordprocessingML body (word/document.xml) to the
 * working text (docx.h), as html.c renders a page: each w:p is a line;
 * the text is that of w:t (w:tab a space, w:br a line break), white space
 * collapsed. Tracked changes are taken as accepted: w:ins and w:moveTo
 * are kept, w:del, w:moveFrom and deleted rows and cells dropped. Content
 * controls (w:sdt) give their content; of an mc:AlternateContent only the
 * first mc:Choice is read. Field codes, footnote and comment marks are
 * not text (a footnote mark would read as a value). Each table row is one
 * line "cell | cell |" built as html.c builds it from rowspan/colspan:
 * w:gridBefore columns are free, a cell spans w:gridSpan columns (and
 * w:hMerge continues the cell on its left), a w:vMerge that continues the
 * cell above is a covered position, written as an empty cell once a cell
 * of the row was written; an empty cell spanning k columns is k empty
 * cells. A table that holds tables is read as paragraphs, its inner
 * tables as tables. A document without any table (a copied text saved
 * as .docx) is read as text: every paragraph one line, empty ones too,
 * its spaces and tabs as they are, so the text stage sees the layout the
 * copy had. Entity references (a DTD's) are never text. A paragraph
 * Word numbers (w:numPr) starts with its number (docx_num.c). */
#include <string.h>
#include "base/array.h"
#include "base/label.h"
#include "base/strmap.h"
#include "template/cache.h"
#include "template/stdlib_data.h"
#include "docx.h"

#define MAX_DEPTH 256
#define MAX_COLS 256

static const char W_NS[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
static const char W_NS_STRICT[] = "http://purl.oclc.org/ooxml/wordprocessingml/main";
static const char MC_NS[] = "http://schemas.openxmlformats.org/markup-compatibility/2006";

typedef struct dx {
    imp_ctx *c;
    imp_docx_stats *st;
    gir_buf out;
    int bol;                       /* at the beginning of a line */
    int space;                     /* a space is pending */
    int lead;                      /* at the start of a cell: no space */
    int in_cell;                   /* line breaks are spaces, '|' is '/' */
    int raw;                       /* no table at all: text as it is, every paragraph a line */
    struct rowgrid *g;             /* the grid of the table being written */
    int prev_p;                    /* the last block of the body was a w:p */
    int prev_caption;              /* … in a Caption style */
    int prev_bol;                  /* bol before it */
    size_t prev_at;                /* where its text starts in out */
    imp_docx_num *num;             /* the document's numbering, or NULL */
} dx;

int imp_docx_is(const xmlNode *n, const char *local)
{
    if (!n || n->type != XML_ELEMENT_NODE || !n->ns || !n->ns->href)
        return 0;
    const char *h = (const char *)n->ns->href;
    if (strcmp(h, W_NS) != 0 && strcmp(h, W_NS_STRICT) != 0)
        return 0;
    return strcmp((const char *)n->name, local) == 0;
}

static int is_mc(const xmlNode *n, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href && strcmp((const char *)n->ns->href, MC_NS) == 0 &&
           strcmp((const char *)n->name, local) == 0;
}

const char *imp_docx_attr(const xmlNode *n, const char *local)
{
    for (const xmlAttr *a = n ? n->properties : NULL; a; a = a->next)
        if (strcmp((const char *)a->name, local) == 0 && a->children && a->children->type == XML_TEXT_NODE)
            return (const char *)a->children->content;
    return NULL;
}

/* The first child element of n named local (w: namespace), or NULL. */
static const xmlNode *child(const xmlNode *n, const char *local)
{
    for (const xmlNode *k = n ? n->children : NULL; k; k = k->next)
        if (imp_docx_is(k, local))
            return k;
    return NULL;
}

/* w:val of the property local of props (a w:tcPr, w:trPr), or NULL;
 * *present says whether the property is there at all. */
static const char *prop(const xmlNode *props, const char *local, int *present)
{
    const xmlNode *p = child(props, local);
    if (present)
        *present = p != NULL;
    return p ? imp_docx_attr(p, "val") : NULL;
}

static int prop_int(const xmlNode *props, const char *local, int max)
{
    const char *v = prop(props, local, NULL);
    if (!v)
        return 0;
    long x = strtol(v, NULL, 10);
    return x < 0 ? 0 : x > max ? max : (int)x;
}

/* ---- output ---- */

static void put(dx *d, const char *s, size_t n)
{
    buf_put(&d->out, s, n);
}

static void newline(dx *d)
{
    if (!d->bol || d->raw)
        put(d, "\n", 1);
    d->bol = 1;
    d->space = 0;
}

static void brk(dx *d)
{
    if (d->in_cell)
        d->space = 1;
    else
        newline(d);
}

static int is_space_at(const char *p)
{
    unsigned char ch = (unsigned char)*p;
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f')
        return 1;
    return ch == 0xC2 && (unsigned char)p[1] == 0xA0 ? 2 : 0;
}

/* Appends text, collapsing white space (NBSP counts as space). */
static void text(dx *d, const char *s)
{
    if (d->raw && s) {
        put(d, s, strlen(s));
        d->bol = 0;
        return;
    }
    const char *p = s;
    while (p && *p) {
        int w = is_space_at(p);
        if (w) {
            d->space = 1;
            p += w;
            continue;
        }
        const char *q = p;
        while (*q && !is_space_at(q))
            q++;
        if (d->space && !d->bol && !d->lead)
            put(d, " ", 1);
        d->space = 0;
        d->bol = 0;
        d->lead = 0;
        size_t at = d->out.n;
        put(d, p, (size_t)(q - p));
        for (size_t i = at; d->in_cell && i < d->out.n; i++)
            if (d->out.p[i] == '|')
                d->out.p[i] = '/';
        p = q;
    }
}

/* A tab: itself in a text read as it is, else white space. */
static void tab(dx *d)
{
    if (d->raw)
        text(d, "\t");
    else
        d->space = 1;
}

/* The text of a w:t (its text nodes; an entity reference is not text). */
static void w_t(dx *d, const xmlNode *t)
{
    for (const xmlNode *k = t->children; k; k = k->next)
        if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE)
            text(d, (const char *)k->content);
}

/* ---- the walk ---- */

static void walk(dx *d, const xmlNode *first, int depth);
static void table(dx *d, const xmlNode *tbl, int depth);

/* Elements whose content is never text of the report. */
static int dropped(const xmlNode *k)
{
    static const char *names[] = {"pPr", "rPr", "tblPr", "trPr", "tcPr", "tblGrid", "tblPrEx", "sectPr",
                                  "sdtPr", "sdtEndPr", "instrText", "delInstrText", "delText", "fldData",
                                  "footnoteReference", "endnoteReference", "commentReference",
                                  "annotationRef", "footnoteRef", "endnoteRef", "separator",
                                  "continuationSeparator", "rt", "bookmarkStart", "bookmarkEnd"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (imp_docx_is(k, names[i]))
            return 1;
    return 0;
}

/* Does a w:object embed a document (an o:OLEObject: a worksheet, …)?
 * A form control (w:control) does not. */
static int embeds(const xmlNode *obj)
{
    for (const xmlNode *k = obj->children; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE && strcmp((const char *)k->name, "OLEObject") == 0)
            return 1;
    return 0;
}

/* The one branch of an mc:AlternateContent that is read. */
static const xmlNode *alternate(const xmlNode *ac)
{
    for (const xmlNode *k = ac->children; k; k = k->next)
        if (is_mc(k, "Choice"))
            return k;
    for (const xmlNode *k = ac->children; k; k = k->next)
        if (is_mc(k, "Fallback"))
            return k;
    return NULL;
}

static void element(dx *d, const xmlNode *k, int depth)
{
    if (imp_docx_is(k, "t")) { w_t(d, k); return; }
    if (imp_docx_is(k, "tab") || imp_docx_is(k, "ptab")) { tab(d); return; }
    if (imp_docx_is(k, "br") || imp_docx_is(k, "cr")) { brk(d); return; }
    if (imp_docx_is(k, "noBreakHyphen")) { text(d, "-"); return; }
    if (imp_docx_is(k, "del") || imp_docx_is(k, "moveFrom")) { d->st->del++; return; }
    if (dropped(k)) return;
    if (imp_docx_is(k, "object") && embeds(k)) d->st->objects++;
    if (imp_docx_is(k, "ins") || imp_docx_is(k, "moveTo")) d->st->ins++;
    if (imp_docx_is(k, "tbl")) { table(d, k, depth); return; }
    if (is_mc(k, "AlternateContent")) {
        const xmlNode *b = alternate(k);
        if (b) walk(d, b->children, depth + 1);
        return;
    }
    int para = imp_docx_is(k, "p");
    if (para && !d->raw) brk(d);
    const char *num = para && d->num ? imp_docx_num_text(d->num, k) : NULL;
    if (num) text(d, num);
    walk(d, k->children, depth + 1);
    if (para) brk(d);
}

/* A node list: elements only (text outside w:t is markup's white space). */
static void walk(dx *d, const xmlNode *first, int depth)
{
    if (depth > MAX_DEPTH)
        return;
    for (const xmlNode *k = first; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE)
            element(d, k, depth);
}

/* ---- tables ---- */

static int has_table_inside(const xmlNode *n, int depth)
{
    if (depth > MAX_DEPTH)
        return 0;
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (imp_docx_is(k, "tbl"))
            return 1;
        if (k->type == XML_ELEMENT_NODE && has_table_inside(k, depth + 1))
            return 1;
    }
    return 0;
}

enum { P_FREE = 0, P_COVERED, P_START, P_INSIDE };
typedef struct rowgrid rowgrid;

struct rowgrid {
    unsigned char st[MAX_COLS];    /* P_* of each grid column of this row */
    unsigned char above[MAX_COLS]; /* the row above had a cell there */
    const xmlNode *tc[MAX_COLS];   /* at P_START: the cell */
    int cs[MAX_COLS];              /* at P_START: its span */
    int col;                       /* the next free grid column */
    int last;                      /* the last P_START, or -1 */
};                                 /* one per walk: tables in a grid never nest */

/* Places one w:tc at g->col. */
static void place(dx *d, rowgrid *g, const xmlNode *tc)
{
    const xmlNode *pr = child(tc, "tcPr");
    if (child(pr, "cellDel")) { d->st->del++; return; }
    if (g->col >= MAX_COLS) return;
    int cs = prop_int(pr, "gridSpan", MAX_COLS);
    if (cs < 1) cs = 1;
    if (cs > MAX_COLS - g->col) cs = MAX_COLS - g->col;
    int vm = 0;
    const char *v = prop(pr, "vMerge", &vm);
    int cont = vm && (!v || strcmp(v, "restart") != 0);
    const char *h = prop(pr, "hMerge", &vm);
    int hcont = vm && (!h || strcmp(h, "restart") != 0) && g->last >= 0;
    for (int x = 0; x < cs; x++) {
        int col = g->col + x;
        if (hcont) g->st[col] = P_INSIDE;
        else if (cont && g->above[g->col]) g->st[col] = P_COVERED;
        else g->st[col] = x ? P_INSIDE : P_START;
    }
    if (hcont) g->cs[g->last] += cs;
    else if (g->st[g->col] == P_START) { g->tc[g->col] = tc; g->cs[g->col] = cs; g->last = g->col; }
    g->col += cs;
}

/* The cells of a row, through content controls and custom XML. */
static void cells(dx *d, rowgrid *g, const xmlNode *first, int depth)
{
    if (depth > MAX_DEPTH) return;
    for (const xmlNode *k = first; k; k = k->next) {
        if (imp_docx_is(k, "tc")) place(d, g, k);
        else if (imp_docx_is(k, "sdt")) cells(d, g, child(k, "sdtContent") ? child(k, "sdtContent")->children : NULL, depth + 1);
        else if (imp_docx_is(k, "customXml") || imp_docx_is(k, "ins")) cells(d, g, k->children, depth + 1);
    }
}

/* The text of one cell on the current line. */
static void cell_text(dx *d, const xmlNode *tc, int depth)
{
    d->in_cell = 1;
    d->lead = 1;
    d->space = 0;
    d->bol = 0;
    walk(d, tc->children, depth + 1);
    d->in_cell = 0;
    d->lead = 0;
}

/* Writes one row as html.c writes a row of its grid. */
static void emit_row(dx *d, const rowgrid *g, int depth)
{
    int emitted = 0;
    for (int col = 0; col < g->col; col++) {
        if (g->st[col] == P_COVERED) {
            if (emitted) { put(d, " |", 2); d->bol = 0; }
            continue;
        }
        if (g->st[col] != P_START) continue;
        if (emitted) put(d, " ", 1);
        size_t tb = d->out.n;
        cell_text(d, g->tc[col], depth);
        int empty = d->out.n == tb;
        put(d, " |", 2);
        for (int x = 1; empty && x < g->cs[col]; x++) put(d, " |", 2);
        d->bol = 0;
        emitted = 1;
    }
    newline(d);
}

static void row(dx *d, rowgrid *g, const xmlNode *tr, int depth)
{
    const xmlNode *pr = child(tr, "trPr");
    if (child(pr, "del")) { d->st->del++; return; }
    if (child(pr, "ins")) d->st->ins++;
    memset(g->above, 0, sizeof g->above);
    for (int col = 0; col < g->col; col++) g->above[col] = g->st[col] != P_FREE;
    memset(g->st, 0, (size_t)g->col);
    g->col = prop_int(pr, "gridBefore", MAX_COLS);
    g->last = -1;
    cells(d, g, tr->children, depth + 1);
    emit_row(d, g, depth);
}

/* The rows of a table, through content controls and custom XML. */
static void rows(dx *d, rowgrid *g, const xmlNode *first, int depth)
{
    if (depth > MAX_DEPTH) return;
    for (const xmlNode *k = first; k; k = k->next) {
        if (imp_docx_is(k, "tr")) row(d, g, k, depth);
        else if (imp_docx_is(k, "sdt")) rows(d, g, child(k, "sdtContent") ? child(k, "sdtContent")->children : NULL, depth + 1);
        else if (imp_docx_is(k, "customXml")) rows(d, g, k->children, depth + 1);
    }
}

static void table(dx *d, const xmlNode *tbl, int depth)
{
    if (d->in_cell || has_table_inside(tbl, 0)) {
        /* a layout table: its cells are paragraphs (inner tables are tables) */
        int in = d->in_cell;
        if (!in) d->st->nested++;
        d->in_cell = 0;
        newline(d);
        walk(d, tbl->children, depth + 1);
        newline(d);
        d->in_cell = in;
        return;
    }
    if (!d->g) d->g = arena_alloc(d->c->a, sizeof *d->g);
    rowgrid *g = d->g;
    memset(g, 0, sizeof *g);
    newline(d);
    imp_range rg = {(uint32_t)d->out.n, 0};
    rows(d, g, tbl->children, depth + 1);
    rg.e = (uint32_t)d->out.n;
    ARRAY_PUSH(d->c->a, d->c->w.tables, d->c->w.ntables, rg);
}

struct imp_docx_walk { dx d; };

imp_docx_walk *imp_docx_start(imp_ctx *c, int raw, imp_docx_stats *st)
{
    imp_docx_walk *w = arena_alloc(c->a, sizeof *w);
    w->d.c = c;
    w->d.st = st;
    w->d.bol = 1;
    w->d.raw = raw;
    buf_init(&w->d.out, c->a);
    return w;
}

/* ---- a table's title paragraph ---- */

/* Is the paragraph p in Word's caption style (题注)? */
static int caption_style(const dx *d, const xmlNode *p)
{
    return imp_docx_caption(d->num, prop(child(p, "pPr"), "pStyle", NULL));
}

/* Is s (folded) the title of a table of some template the stdlib
 * declares (its label or an alias)? */
static int table_title(imp_ctx *c, const char *s)
{
    const char *f = label_fold(c->a, s);
    if (!*f) return 0;
    for (const gir_embedded *e = gir_stdlib; e->name; e++) {
        const gir_schema *sch = tcache_builtin(e->name);
        size_t at = 0;
        if (sch && sch->tab_fold && strmap_get(sch->tab_fold, f, &at)) return 1;
    }
    return 0;
}

/* The paragraph just written before a table is the table's title (a
 * Caption style, or a table's title the text already had as a heading:
 * "二、主动公开政府信息情况" … "主动公开政府信息情况"), not prose:
 * take it out of the text. A title that is the only heading stays. */
static void drop_title(dx *d)
{
    if (!d->prev_p) return;
    size_t at = d->prev_at;
    while (at < d->out.n && d->out.p[at] == '\n') at++;
    size_t n = d->out.n;
    while (n > at && d->out.p[n - 1] == '\n') n--;
    if (n == at) return;
    char *t = arena_strndup(d->c->a, d->out.p + at, n - at);
    int title = d->prev_caption;
    if (!title && table_title(d->c, t)) {
        d->out.p[at] = '\0';
        title = strstr(d->out.p, t) != NULL;
        d->out.p[at] = t[0];
    }
    if (!title) return;
    d->out.n = d->prev_at;
    d->bol = d->prev_bol;
    d->space = 0;
    d->st->titles++;
}

void imp_docx_block(imp_docx_walk *w, const xmlNode *n)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return;
    dx *d = &w->d;
    if (!d->raw && imp_docx_is(n, "tbl") && !has_table_inside(n, 0))
        drop_title(d);
    d->prev_at = d->out.n;
    d->prev_bol = d->bol;
    element(d, n, 0);
    d->prev_p = imp_docx_is(n, "p");
    d->prev_caption = d->prev_p && caption_style(d, n);
}

void imp_docx_set_numbering(imp_docx_walk *w, imp_docx_num *n)
{
    w->d.num = n;
}

void imp_docx_finish(imp_docx_walk *w)
{
    dx *d = &w->d;
    if (!d->raw)
        newline(d);
    d->c->w.s = (char *)buf_cstr(&d->out);
    d->c->w.n = (uint32_t)d->out.n;
    d->c->w.map = NULL;
    d->c->w.html = !d->raw;
}

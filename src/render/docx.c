/* docx.c - the Word back end of `girc build` (-f docx, .docx): an Office
 * Open XML document an office would file. A4 with the 公文 margins, the
 * title in 宋体 bold, section headings in 黑体, prose (CommonMark through
 * libcmark: paragraphs, lists, emphasis, hard line breaks) in 仿宋, and each
 * table in its official merged layout (w:gridSpan across, w:vMerge
 * down) in 宋体. Fonts are named as office machines have them, with the
 * w:eastAsia names and a font table giving each its English alternative
 * (SimSun, FangSong, SimHei). The XML is written with libxml2's
 * xmlTextWriter into a temporary file (beside the output, as the
 * output's own), the package with libzip into another through a source of girc's own (neither is held in memory: a long report costs no more than
 * a short one here): fixed entry order, fixed timestamps, no random ids,
 * so a rebuild is byte-identical. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <libxml/xmlwriter.h>
#include <zip.h>
#include "base/io.h"
#include "render.h"
#include "xmllib.h"
#include "ziplib.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define FONT_BODY "仿宋"
#define FONT_TABLE "宋体"
#define FONT_HEAD "黑体"

typedef struct docx_state {
    char *tmp;              /* the temporary file of word/document.xml */
    FILE *f;                /* open on it while the XML is written, and
                               while libzip reads it back */
    zip_uint64_t size;      /* its length once written */
    xmlTextWriterPtr w;     /* writing into f */
    gir_buf text;           /* text(): a run's text as XML can carry it */
    gir_defer *d;           /* state_free's */
} docx_state;

static void state_free(void *p)
{
    docx_state *s = p;
    if (s->w) xmlFreeTextWriter(s->w);
    if (s->f) fclose(s->f);
    if (s->tmp) io_discard_temp(s->tmp);
    s->w = NULL;
    s->f = NULL;
    s->tmp = NULL;
}

static xmlTextWriterPtr W(gir_renderer *rr)
{
    return ((docx_state *)rr->state)->w;
}

static void el(xmlTextWriterPtr w, const char *name)
{
    xmlTextWriterStartElement(w, BAD_CAST name);
}

static void end(xmlTextWriterPtr w)
{
    xmlTextWriterEndElement(w);
}

static void attr(xmlTextWriterPtr w, const char *name, const char *v)
{
    xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST v);
}

/* <name w:val="v"/> */
static void val(xmlTextWriterPtr w, const char *name, const char *v)
{
    el(w, name);
    attr(w, "w:val", v);
    end(w);
}

static void ival(xmlTextWriterPtr w, const char *name, int v)
{
    char b[24];
    snprintf(b, sizeof b, "%d", v);
    val(w, name, b);
}

/* Text as XML can carry it: control characters (libxml2 would write
 * them as character references XML 1.0 forbids) are dropped. */
static int xml_char(unsigned char ch)
{
    return ch >= 0x20 || ch == '\t';
}

static void text(gir_renderer *rr, const char *s)
{
    /* one buffer for every run (each run's own would grow the arena by
     * the whole prose) */
    const char *q = s;
    while (*q && xml_char((unsigned char)*q)) q++;
    if (*q) {
        gir_buf *b = &((docx_state *)rr->state)->text;
        b->n = 0;
        buf_put(b, s, (size_t)(q - s));
        for (const char *p = q; *p;) {
            q = p;
            while (*q && xml_char((unsigned char)*q)) q++;
            buf_put(b, p, (size_t)(q - p));
            p = *q ? q + 1 : q;
        }
        s = buf_cstr(b);
    }
    const char *clean = render_data_clean(rr->a, s);
    xmlTextWriterStartElement(W(rr), BAD_CAST "w:t");
    attr(W(rr), "xml:space", "preserve");
    xmlTextWriterWriteString(W(rr), BAD_CAST clean);
    end(W(rr));
}

enum { R_BOLD = 1, R_ITALIC = 2 };

/* A run: its properties (font, size in half points, bold, italic), text. */
static void run(gir_renderer *rr, const char *font, int size, int flags, const char *s)
{
    xmlTextWriterPtr w = W(rr);
    el(w, "w:r");
    el(w, "w:rPr");
    if (font) {
        el(w, "w:rFonts");
        attr(w, "w:eastAsia", font);
        attr(w, "w:hint", "eastAsia");
        end(w);
    }
    if (flags & R_BOLD) el(w, "w:b"), end(w);
    if (flags & R_ITALIC) el(w, "w:i"), end(w);
    if (size) ival(w, "w:sz", size), ival(w, "w:szCs", size);
    end(w);
    text(rr, s);
    end(w);
}

static void iattr(xmlTextWriterPtr w, const char *name, int v)
{
    char b[24];
    snprintf(b, sizeof b, "%d", v);
    attr(w, name, b);
}

/* Opens <w:p> with its alignment, spacing before/after (twentieths of
 * a point) and a first-line indent of two characters when indent. */
static void para_line(gir_renderer *rr, const char *jc, int before, int after, int indent, int line)
{
    xmlTextWriterPtr w = W(rr);
    el(w, "w:p");
    el(w, "w:pPr");
    if (rr->count) {
        el(w, "w:keepNext");
        end(w);
    }
    if (before || after || line) {
        el(w, "w:spacing");
        iattr(w, "w:before", before);
        iattr(w, "w:after", after);
        if (line) {
            iattr(w, "w:line", line);
            attr(w, "w:lineRule", "auto");
        }
        end(w);
    }
    if (indent) {
        el(w, "w:ind");
        attr(w, "w:firstLineChars", "200");
        attr(w, "w:firstLine", "640");
        end(w);
    }
    if (jc) val(w, "w:jc", jc);
    end(w);
}

static void para(gir_renderer *rr, const char *jc, int before, int after, int indent)
{
    para_line(rr, jc, before, after, indent, 0);
}

/* Where the temporary files go (io_temp_beside): beside the output, or
 * in $TMPDIR. */
static const char *temp_place(const gir_renderer *rr)
{
    return rr->o->temp_beside ? rr->o->temp_beside : "-";
}

/* The writer of word/document.xml into a new temporary file; 0 if it
 * cannot be had. */
static int xml_open(gir_renderer *rr, docx_state *s)
{
    int e = 0;
    if (io_temp_beside(temp_place(rr), &s->tmp, &e) != IO_OK) return 0;
    s->f = fopen(s->tmp, "wb");
    if (!s->f) return 0;
    xmlOutputBufferPtr out = xmlOutputBufferCreateFile(s->f, NULL);
    if (!out) return 0;
    s->w = xmlNewTextWriter(out);
    if (!s->w) xmlOutputBufferClose(out);
    return s->w != NULL;
}

/* Ends the document and closes its file; 0 if a write failed. */
static int xml_close(docx_state *s)
{
    int bad = xmlTextWriterEndDocument(s->w) < 0;
    xmlFreeTextWriter(s->w);   /* flushes into f */
    s->w = NULL;
    bad |= fflush(s->f) != 0 || ferror(s->f) != 0;
    off_t n = ftello(s->f);
    s->size = n > 0 ? (zip_uint64_t)n : 0;
    bad |= n < 0;
    bad |= fclose(s->f) != 0;
    s->f = NULL;
    return !bad;
}

static void d_begin(gir_renderer *rr)
{
    docx_state *s = arena_alloc(rr->a, sizeof *s);
    rr->state = s;
    buf_init(&s->text, rr->a);
    s->d = arena_defer(rr->a, state_free, NULL);
    arena_defer_set(s->d, s);
    if (!xml_open(rr, s)) {
        rr->failed = 1;
        return;
    }
    xmlTextWriterPtr w = s->w;
    /* one element a line: the golden reads as a diff (text runs carry
     * their own xml:space, indentation never enters a w:t) */
    xmlTextWriterSetIndent(w, 1);
    xmlTextWriterSetIndentString(w, BAD_CAST " ");
    xmlTextWriterStartDocument(w, "1.0", "UTF-8", "yes");
    el(w, "w:document");
    attr(w, "xmlns:w", W_NS);
    el(w, "w:body");
    const gir_report *r = rr->r;
    para(rr, "center", 0, 240, 0);
    run(rr, FONT_TABLE, 44, R_BOLD, r->title ? r->title : "");
    end(w);
    char dbuf[32];
    if ((r->agency && *r->agency) || r->has_date) {
        para(rr, "center", 0, 240, 0);
        run(rr, FONT_BODY, 32, 0, r->agency ? r->agency : "");
        if (r->agency && *r->agency && r->has_date) run(rr, FONT_BODY, 32, 0, "　");
        run(rr, FONT_BODY, 32, 0, render_date_zh(r, dbuf));
        end(w);
    }
}

static void d_section(gir_renderer *rr, const gir_rsection *s, int index)
{
    (void)index;
    if (rr->failed) return;
    rr->count = 1;
    para(rr, NULL, 240, 120, 1);
    rr->count = 0;
    run(rr, FONT_HEAD, 32, 0, s->s->label && *s->s->label ? s->s->label : s->s->name);
    end(W(rr));
}

/* ---- prose: a walk of the cmark tree ---- */

typedef struct prose_ctx {
    gir_renderer *rr;
    int flags;          /* R_BOLD / R_ITALIC in force */
    int open;           /* a paragraph is open */
    int depth;          /* list depth */
    int item;           /* number of the current item, 0 for bullets */
} prose_ctx;

static void prose_open(prose_ctx *p, int indent)
{
    if (p->open) return;
    para(p->rr, "both", 0, 0, indent && !p->depth);
    p->open = 1;
}

static void prose_close(prose_ctx *p)
{
    if (!p->open) return;
    end(W(p->rr));
    p->open = 0;
}

/* The mark of a list item ("1. ", "• ") indented by its depth. */
static void item_mark(prose_ctx *p, cmark_node *item)
{
    cmark_node *list = cmark_node_parent(item);
    char b[48];
    int pad = p->depth > 0 ? p->depth - 1 : 0;
    if (cmark_node_get_list_type(list) == CMARK_ORDERED_LIST) {
        int n = cmark_node_get_list_start(list);
        for (cmark_node *q = cmark_node_previous(item); q; q = cmark_node_previous(q)) n++;
        snprintf(b, sizeof b, "%*s%d. ", pad * 2, "", n);
    } else {
        snprintf(b, sizeof b, "%*s• ", pad * 2, "");
    }
    run(p->rr, FONT_BODY, 32, 0, b);
}

static void prose_enter(prose_ctx *p, cmark_node *n)
{
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_LIST: p->depth++; break;
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
        prose_open(p, 1);
        if (cmark_node_get_type(n) == CMARK_NODE_HEADING) p->flags |= R_BOLD;
        if (cmark_node_get_type(cmark_node_parent(n)) == CMARK_NODE_ITEM && !cmark_node_previous(n))
            item_mark(p, cmark_node_parent(n));
        break;
    case CMARK_NODE_STRONG: p->flags |= R_BOLD; break;
    case CMARK_NODE_EMPH: p->flags |= R_ITALIC; break;
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
        prose_open(p, 1);
        run(p->rr, FONT_BODY, 32, p->flags, cmark_node_get_literal(n));
        break;
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_BLOCK:
        prose_open(p, 0);
        run(p->rr, FONT_BODY, 32, 0, cmark_node_get_literal(n));
        prose_close(p);
        break;
    case CMARK_NODE_LINEBREAK:
        /* a new paragraph, not w:br: a justified line before a break
         * would be stretched across the page */
        prose_close(p);
        para(p->rr, "both", 0, 0, 0);
        p->open = 1;
        break;
    default: break;
    }
}

static void prose_exit(prose_ctx *p, cmark_node *n)
{
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_LIST: p->depth--; break;
    case CMARK_NODE_PARAGRAPH: prose_close(p); break;
    case CMARK_NODE_HEADING: p->flags &= ~R_BOLD; prose_close(p); break;
    case CMARK_NODE_STRONG: p->flags &= ~R_BOLD; break;
    case CMARK_NODE_EMPH: p->flags &= ~R_ITALIC; break;
    default: break;
    }
}

/* One piece of the prose (render_prose_pieces): no block is open
 * between pieces, so p carries nothing from one to the next. */
static void prose_piece(gir_renderer *rr, cmark_node *doc, void *ud)
{
    prose_ctx *p = ud;
    (void)rr;
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER) prose_enter(p, n);
        else prose_exit(p, n);
    }
    cmark_iter_free(it);
}

static void d_prose(gir_renderer *rr, const gir_rsection *s)
{
    if (rr->failed) return;
    prose_ctx p = {rr, 0, 0, 0, 0};
    render_prose_pieces(rr, s->prose, 2, 0, prose_piece, &p);
    prose_close(&p);
}

/* ---- tables ---- */

static void borders(xmlTextWriterPtr w)
{
    static const char *const sides[] = {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"};
    el(w, "w:tblBorders");
    for (size_t i = 0; i < sizeof sides / sizeof *sides; i++) {
        el(w, sides[i]);
        attr(w, "w:val", "single");
        attr(w, "w:sz", "4");
        attr(w, "w:space", "0");
        attr(w, "w:color", "000000");
        end(w);
    }
    end(w);
}

/* The width of column x in twips: label columns wider than values. The
 * text area of A4 with the 公文 margins is 8844 twips. */
static int col_width(const gir_layout *L, int x)
{
    int total = 8844;
    int nv = L->ncols - L->nlabel;
    if (L->nlabel == 0) return total / (L->ncols ? L->ncols : 1);
    int lab = nv <= 4 ? total / 2 : L->nlabel > 1 ? total * 2 / 5 : total * 2 / 7;
    if (x < L->nlabel) {
        if (L->nlabel == 1) return lab;
        return x == L->nlabel - 1 ? lab * 3 / 4 : lab / 4 / (L->nlabel - 1);
    }
    return (total - lab) / (nv ? nv : 1);
}

static void tbl_head(gir_renderer *rr, const gir_layout *L)
{
    xmlTextWriterPtr w = W(rr);
    const gir_ttable *t = L->rt->t;
    rr->count = 1;
    para(rr, "center", 240, 120, 0);
    run(rr, FONT_HEAD, 28, 0, t->label && *t->label ? t->label : t->name);
    end(w);
    el(w, "w:tbl");
    el(w, "w:tblPr");
    el(w, "w:tblW");
    attr(w, "w:w", "5000");
    attr(w, "w:type", "pct");
    end(w);
    val(w, "w:jc", "center");
    borders(w);
    el(w, "w:tblLayout");
    attr(w, "w:type", "fixed");
    end(w);
    end(w);
    el(w, "w:tblGrid");
    for (int x = 0; x < L->ncols; x++) {
        el(w, "w:gridCol");
        char b[24];
        snprintf(b, sizeof b, "%d", col_width(L, x));
        attr(w, "w:w", b);
        end(w);
    }
    end(w);
}

/* One grid cell: c starts here (first) or continues a vertical merge;
 * size: the table's font size in half points. */
static void tbl_cell(gir_renderer *rr, const gir_lcell *c, int first, int size)
{
    xmlTextWriterPtr w = W(rr);
    el(w, "w:tc");
    el(w, "w:tcPr");
    if (c->colspan > 1) ival(w, "w:gridSpan", c->colspan);
    if (c->rowspan > 1) {
        el(w, "w:vMerge");
        if (first) attr(w, "w:val", "restart");
        end(w);
    }
    val(w, "w:vAlign", "center");
    end(w);
    int left = c->kind == LAYOUT_ROWHEAD || c->kind == LAYOUT_NOTE || c->is_note;
    para_line(rr, left ? "left" : "center", 0, 0, 0, 240);
    if (first) {
        char vb[64];
        int bold = c->kind == LAYOUT_CAPTION || c->kind == LAYOUT_CORNER || c->kind == LAYOUT_COLHEAD;
        const char *s = c->kind == LAYOUT_VALUE ? render_value_text(c, vb) : c->text ? c->text : "";
        if (*s) run(rr, FONT_TABLE, size, bold && !c->is_note ? R_BOLD : 0, s);
    }
    end(w);
    end(w);
}

static void d_table(gir_renderer *rr, const gir_layout *L)
{
    if (rr->failed) return;
    xmlTextWriterPtr w = W(rr);
    tbl_head(rr, L);
    /* 五号; 小五 for a table of more than 20 rows (table 3), to keep it on
     * as few pages as it can, and of more than 10 columns (table 4's 15
     * values), so that its heads wrap less */
    int size = L->nrows > 20 || L->ncols > 10 ? 18 : 21;
    rr->count = 0;
    for (int y = 0; y < L->nrows; y++) {
        /* every row but the last keeps with the next: the table stays on
         * one page where it fits (Word's and LibreOffice's way) */
        rr->count = y + 1 < L->nrows;
        el(w, "w:tr");
        el(w, "w:trPr");
        el(w, "w:cantSplit");
        end(w);
        if (y < L->nhead) el(w, "w:tblHeader"), end(w);
        end(w);
        for (int x = 0; x < L->ncols;) {
            const gir_lcell *c = layout_at(L, y, x);
            tbl_cell(rr, c, c->row == y, size);
            x += c->colspan > 0 ? c->colspan : 1;
        }
        end(w);
    }
    end(w);
}

static void d_section_end(gir_renderer *rr, const gir_rsection *s, int index)
{
    (void)rr;
    (void)s;
    (void)index;
}

/* ---- the package ---- */

static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
    "</Types>\n";

static const char rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
    "</Relationships>\n";

static const char doc_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" Target=\"fontTable.xml\"/>"
    "</Relationships>\n";

/* Defaults: Times New Roman for Latin and digits, 仿宋 三号 for Chinese,
 * no automatic space between Chinese and digits or Latin (2023年). */
static const char styles[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:styles xmlns:w=\"" W_NS "\">"
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"" FONT_BODY "\" w:cs=\"Times New Roman\"/>"
    "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"
    "</w:rPr></w:rPrDefault>"
    "<w:pPrDefault><w:pPr><w:autoSpaceDE w:val=\"0\"/><w:autoSpaceDN w:val=\"0\"/>"
    "<w:spacing w:line=\"560\" w:lineRule=\"exact\"/></w:pPr></w:pPrDefault>"
    "</w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
    "<w:pPr><w:spacing w:line=\"300\" w:lineRule=\"auto\"/></w:pPr>"
    "<w:tblPr><w:tblCellMar><w:left w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
    "</w:style>"
    "</w:styles>\n";

/* Each Chinese font with its English name (what Word and LibreOffice
 * fall back to when the Chinese one is not installed). */
static const char fonts[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:fonts xmlns:w=\"" W_NS "\">"
    "<w:font w:name=\"宋体\"><w:altName w:val=\"SimSun\"/><w:charset w:val=\"86\"/><w:family w:val=\"roman\"/></w:font>"
    "<w:font w:name=\"仿宋\"><w:altName w:val=\"FangSong\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/></w:font>"
    "<w:font w:name=\"黑体\"><w:altName w:val=\"SimHei\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/></w:font>"
    "<w:font w:name=\"Times New Roman\"><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/></w:font>"
    "</w:fonts>\n";

/* A4, margins of GB/T 9704 (top 37 mm, bottom 35, left 28, right 26). */
static void sect_pr(xmlTextWriterPtr w)
{
    el(w, "w:sectPr");
    el(w, "w:pgSz");
    attr(w, "w:w", "11906");
    attr(w, "w:h", "16838");
    end(w);
    el(w, "w:pgMar");
    attr(w, "w:top", "2098");
    attr(w, "w:right", "1474");
    attr(w, "w:bottom", "1984");
    attr(w, "w:left", "1588");
    attr(w, "w:header", "851");
    attr(w, "w:footer", "992");
    attr(w, "w:gutter", "0");
    end(w);
    end(w);
}

/* Adds one entry from source s (freed here if it cannot be added), at
 * a fixed time. */
static int zip_put_source(zip_t *z, const char *name, zip_source_t *s)
{
    if (!s) return -1;
    zip_int64_t i = zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8);
    if (i < 0) {
        zip_source_free(s);
        return -1;
    }
    /* 2020-01-01 12:00 local time: libzip writes the DOS time of
     * localtime(), so the entry reads 2020-01-01 12:00 in every zone */
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = 120;
    tm.tm_mday = 1;
    tm.tm_hour = 12;
    tm.tm_isdst = -1;
    if (zip_file_set_mtime(z, (zip_uint64_t)i, mktime(&tm), 0) < 0) return -1;
    return zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_DEFLATE, 9);
}

/* Adds one entry of static text. */
static int zip_put(zip_t *z, const char *name, const char *text)
{
    return zip_put_source(z, name, zip_source_buffer(z, text, strlen(text), 0));
}

/* libzip's source of word/document.xml: the temporary file, read back
 * (zip_source_file would also give libzip the file's mode, which would
 * end up in the entry; this one, like a buffer's, gives only what is
 * read). */
static zip_int64_t doc_source(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
    docx_state *s = ud;
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        s->f = fopen(s->tmp, "rb");
        return s->f ? 0 : -1;
    case ZIP_SOURCE_READ: {
        size_t got = fread(data, 1, (size_t)len, s->f);
        return ferror(s->f) ? -1 : (zip_int64_t)got;
    }
    case ZIP_SOURCE_CLOSE:
        fclose(s->f);
        s->f = NULL;
        return 0;
    case ZIP_SOURCE_STAT: {
        zip_stat_t *st = data;
        memset(st, 0, sizeof *st);
        st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD;
        st->size = s->size;
        st->comp_size = s->size;
        st->comp_method = ZIP_CM_STORE;
        st->encryption_method = ZIP_EM_NONE;
        return (zip_int64_t)sizeof *st;
    }
    case ZIP_SOURCE_ERROR: {
        int *e = data;
        e[0] = ZIP_ER_READ;
        e[1] = 0;
        return (zip_int64_t)(2 * sizeof *e);
    }
    case ZIP_SOURCE_FREE:
        return 0;
    case ZIP_SOURCE_SUPPORTS:
        return ZIP_SOURCE_SUPPORTS_READABLE;
    default:
        return -1;
    }
}

static void zip_discard_p(void *p)
{
    zip_discard(p);
}

static void file_close(void *p)
{
    fclose(p);
}

static void temp_discard(void *p)
{
    io_discard_temp(p);
}

/* libzip's archive: the temporary file f, written in place (a file
 * libzip opened by name would be written to a temporary file of its own,
 * named with random bytes from libcrypto, whose start costs 2 MB). */
static zip_int64_t pkg_source(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
    FILE *f = ud;
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
    case ZIP_SOURCE_CLOSE:
    case ZIP_SOURCE_FREE:
    case ZIP_SOURCE_REMOVE:
    case ZIP_SOURCE_ROLLBACK_WRITE:
        return 0;
    case ZIP_SOURCE_BEGIN_WRITE:
        return fseeko(f, 0, SEEK_SET) == 0 ? 0 : -1;
    case ZIP_SOURCE_COMMIT_WRITE:
        return fflush(f) == 0 ? 0 : -1;
    case ZIP_SOURCE_READ: {
        size_t got = fread(data, 1, (size_t)len, f);
        return ferror(f) ? -1 : (zip_int64_t)got;
    }
    case ZIP_SOURCE_WRITE:
        return fwrite(data, 1, (size_t)len, f) == (size_t)len ? (zip_int64_t)len : -1;
    case ZIP_SOURCE_SEEK:
    case ZIP_SOURCE_SEEK_WRITE: {
        const zip_source_args_seek_t *a = data;
        return fseeko(f, (off_t)a->offset, a->whence) == 0 ? 0 : -1;
    }
    case ZIP_SOURCE_TELL:
    case ZIP_SOURCE_TELL_WRITE:
        return (zip_int64_t)ftello(f);
    case ZIP_SOURCE_STAT: {
        zip_stat_t *st = data;
        memset(st, 0, sizeof *st);
        st->valid = ZIP_STAT_SIZE;   /* empty until written */
        return (zip_int64_t)sizeof *st;
    }
    case ZIP_SOURCE_ERROR: {
        int *e = data;
        e[0] = ZIP_ER_WRITE;
        e[1] = 0;
        return (zip_int64_t)(2 * sizeof *e);
    }
    case ZIP_SOURCE_SUPPORTS:
        return ZIP_SOURCE_SUPPORTS_WRITABLE;
    default:
        return -1;
    }
}

/* Writes the package into f, with document.xml read from s's file; 0
 * if it was written. */
static int zip_write(gir_renderer *rr, FILE *f, docx_state *s)
{
    gir_defer *d = arena_defer(rr->a, zip_discard_p, NULL);
    zip_source_t *src = zip_source_function_create(pkg_source, f, NULL);
    if (!src) return -1;
    zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, NULL);
    if (!z) {
        zip_source_free(src);
        return -1;
    }
    arena_defer_set(d, z);
    int bad = zip_put(z, "[Content_Types].xml", content_types);
    bad |= zip_put(z, "_rels/.rels", rels);
    bad |= zip_put_source(z, "word/document.xml", zip_source_function(z, doc_source, s));
    bad |= zip_put(z, "word/_rels/document.xml.rels", doc_rels);
    bad |= zip_put(z, "word/styles.xml", styles);
    bad |= zip_put(z, "word/fontTable.xml", fonts);
    if (bad) return -1;
    if (zip_close(z) < 0) return -1;
    arena_defer_set(d, NULL);
    return 0;
}

/* The package of the document in s's file into out: written into a
 * temporary file, then copied in pieces. */
static int package(gir_renderer *rr, docx_state *s)
{
    char *zpath = NULL;
    int e = 0;
    gir_defer *d = arena_defer(rr->a, temp_discard, NULL);
    if (io_temp_beside(temp_place(rr), &zpath, &e) != IO_OK) return -1;
    arena_defer_set(d, zpath);
    gir_defer *df = arena_defer(rr->a, file_close, NULL);
    FILE *f = fopen(zpath, "w+b");
    arena_defer_set(df, f);
    int bad = !f || zip_write(rr, f, s) != 0 || fseeko(f, 0, SEEK_SET) != 0;
    char chunk[8192];
    size_t got;
    while (!bad && (got = fread(chunk, 1, sizeof chunk, f)) > 0) sink_put(rr->out, chunk, got);
    if (!bad && ferror(f)) bad = 1;
    arena_release(df);
    arena_release(d);
    return bad ? -1 : 0;
}

static void d_end(gir_renderer *rr)
{
    if (rr->failed) return;
    docx_state *s = rr->state;
    xmlTextWriterPtr w = s->w;
    const gir_report *r = rr->r;
    char dbuf[32];
    if (r->agency && *r->agency) {
        para(rr, "right", 480, 0, 0);
        run(rr, FONT_BODY, 32, 0, r->agency);
        end(w);
    }
    if (r->has_date) {
        para(rr, "right", 0, 0, 0);
        run(rr, FONT_BODY, 32, 0, render_date_zh(r, dbuf));
        end(w);
    }
    sect_pr(w);
    if (!xml_close(s) || package(rr, s) != 0) rr->failed = 1;
    arena_release(s->d);
}

static const char *const exts[] = {"docx", NULL};
static gir_dynlib *const libs[] = {&gir_libxml2, &gir_libzip, NULL};

const gir_backend gir_backend_docx = {
    .name = "docx",
    .exts = exts,
    .libs = libs,
    .begin = d_begin,
    .section = d_section,
    .prose = d_prose,
    .table = d_table,
    .section_end = d_section_end,
    .end = d_end,
};

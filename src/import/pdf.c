/* pdf.c - the PDF stage (pdf.h): poppler's GLib API opens the document
 * from the input's bytes and gives every page's characters with their
 * boxes; pdflayout.c rebuilds the working text from those positions.
 * Refused, each with one error and no .gir: a PDF over the limits
 * (PDF_MAX_BYTES, PDF_MAX_PAGES), one poppler cannot open (damaged,
 * truncated), one with a password, one with no text (a scan), one whose
 * fonts have no usable Unicode mapping (most characters outside CJK,
 * ASCII and common punctuation: Latin-1, private use, U+FFFD, controls).
 * The text taken is capped (PDF_MAX_CHARS, a warning), and reading stops
 * at a page of more than PDF_MAX_PAGE_CHARS characters (a warning: poppler
 * lays a page out at a cost that grows with the square of its words). A
 * page that might hold a table is rendered to find its ruling lines. Every GObject and
 * GLib allocation is released through the arena's deferred releases. */
#include <math.h>
#include <string.h>
#include <cairo.h>
#include <poppler.h>
#include "base/array.h"
#include "base/utf8.h"
#include "pdf.h"
#include "pdflib.h"
#include "pdflayout.h"

#define PDF_MAX_BYTES (64u * 1024u * 1024u)   /* documented in girc-import(1) */
#define PDF_MAX_PAGES 1000
#define PDF_MAX_CHARS 4000000u
#define PDF_MAX_PAGE_CHARS 12000u                /* documented in girc-import(1) */
#define BAD_SHARE 25                           /* percent of unreadable characters that make E1033 */
#define MIN_TEXT 10                            /* fewer characters than this: no text layer */
#define RULE_SCALE 1.0                         /* pixels a point, to find the ruling lines */
#define RULE_PIXELS 4000000.0                  /* at most this many pixels a page */

static void unref(void *p) { g_object_unref(p); }
static void bytes_unref(void *p) { g_bytes_unref(p); }
static void error_free(void *p) { g_error_free(p); }
static void surface_free(void *p) { cairo_surface_destroy(p); }
static void cairo_free(void *p) { cairo_destroy(p); }

/* The ruling lines of a page: rendered on white (RGB24, at most
 * RULE_PIXELS pixels), then scanned (pdfrule.c). */
static void read_rules(gir_arena *a, PopplerPage *page, pdf_page *out)
{
    if (!(out->w > 1 && out->h > 1)) return;
    double scale = RULE_SCALE;
    if (out->w * out->h * scale * scale > RULE_PIXELS) scale = sqrt(RULE_PIXELS / (out->w * out->h));
    int w = (int)(out->w * scale), h = (int)(out->h * scale);
    if (w < 8 || h < 8 || w > 30000 || h > 30000) return;
    gir_defer *ds = arena_defer(a, surface_free, NULL);
    cairo_surface_t *sf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    arena_defer_set(ds, sf);
    gir_defer *dc = arena_defer(a, cairo_free, NULL);
    cairo_t *cr = cairo_create(sf);
    arena_defer_set(dc, cr);
    if (cairo_surface_status(sf) == CAIRO_STATUS_SUCCESS && cairo_status(cr) == CAIRO_STATUS_SUCCESS) {
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        cairo_scale(cr, scale, scale);
        poppler_page_render(page, cr);
        cairo_surface_flush(sf);
        const unsigned char *px = cairo_image_surface_get_data(sf);
        if (px) {
            out->vr = pdf_vertical_rules(a, px, w, h, cairo_image_surface_get_stride(sf), scale, &out->nvr);
            out->hr = pdf_horizontal_rules(a, px, w, h, cairo_image_surface_get_stride(sf), scale, &out->nhr);
        }
    }
    arena_release(dc);
    arena_release(ds);
}

static int readable_cp(uint32_t cp)
{
    if (cp >= 0x21 && cp < 0x7F) return 1;
    if (cp >= 0x4E00 && cp <= 0x9FFF) return 1;       /* CJK unified ideographs */
    if (cp >= 0x3400 && cp <= 0x4DBF) return 1;
    if (cp >= 0x3000 && cp <= 0x303F) return 1;       /* CJK punctuation */
    if (cp >= 0xFF01 && cp <= 0xFF65) return 1;       /* full-width forms */
    if (cp >= 0x2010 && cp <= 0x203B) return 1;       /* dashes, quotes, … */
    if (cp >= 0x2160 && cp <= 0x216F) return 1;       /* Roman numerals */
    if (cp >= 0x2460 && cp <= 0x24FF) return 1;       /* circled numbers */
    if (cp >= 0x3200 && cp <= 0x32FF) return 1;       /* enclosed CJK */
    if (cp >= 0xF900 && cp <= 0xFAFF) return 1;       /* CJK compatibility */
    if (cp >= 0x20000 && cp <= 0x2FFFF) return 1;
    return cp == 0x00B7 || cp == 0x00D7 || cp == 0x2212 || cp == 0x25CF || cp == 0x25A0 || cp == 0x2022 || cp == 0x00A9;
}

typedef struct pdf_read {
    imp_ctx *c;
    pdf_page *pg; size_t npg;
    size_t nch, nbad;
    char bad[32]; size_t nbadshown;
    int capped;
    int dense; guint dense_n;     /* the page (from 1) over PDF_MAX_PAGE_CHARS, and its characters */
} pdf_read;

static void note_bad(pdf_read *r, uint32_t cp)
{
    r->nbad++;
    if (r->nbadshown >= 6) return;
    char u[4];
    int k = utf8_encode(cp >= 0x20 ? cp : 0xFFFD, u);
    size_t at = strlen(r->bad);
    memcpy(r->bad + at, u, (size_t)k);
    r->bad[at + (size_t)k] = 0;
    r->nbadshown++;
}

static int blank_cp(uint32_t cp) { return cp == ' ' || cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x3000 || cp == 0xA0; }

/* The characters of one page, with their boxes. */
static void read_page(pdf_read *r, PopplerPage *page, pdf_page *out)
{
    gir_arena *a = r->c->a;
    poppler_page_get_size(page, &out->w, &out->h);
    gir_defer *dt = arena_defer(a, g_free, NULL);
    gir_defer *dr = arena_defer(a, g_free, NULL);
    char *text = poppler_page_get_text(page);
    arena_defer_set(dt, text);
    PopplerRectangle *rect = NULL;
    guint nrect = 0;
    if (!poppler_page_get_text_layout(page, &rect, &nrect)) nrect = 0;
    arena_defer_set(dr, rect);
    if (nrect > PDF_MAX_PAGE_CHARS) {
        /* no report page is this dense; poppler's layout of a page costs more
         * than its words (about their square), so reading stops here */
        r->dense = (int)(out - r->pg) + 1;
        r->dense_n = nrect;
        nrect = 0;
    }
    const unsigned char *p = (const unsigned char *)(text ? text : ""), *e = p + strlen((const char *)p);
    for (guint i = 0; p < e && i < nrect && !r->capped; i++) {
        uint32_t cp;
        int k = utf8_decode(p, e, &cp);
        if (k <= 0) { k = 1; cp = 0xFFFD; }
        p += k;
        if (blank_cp(cp)) continue;
        if (r->nch >= PDF_MAX_CHARS) { r->capped = 1; break; }
        r->nch++;
        if (!readable_cp(cp)) note_bad(r, cp);
        pdf_ch ch = {cp, (float)rect[i].x1, (float)rect[i].y1, (float)rect[i].x2, (float)rect[i].y2};
        ARRAY_PUSH(a, out->ch, out->n, ch);
    }
    arena_release(dr);
    arena_release(dt);
}

static int open_error(imp_ctx *c, GError *err)
{
    gir_diag *g;
    if (err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED) {
        g = diag_add(c->dg, GIR_SEV_ERROR, I_PDF_ENCRYPTED, NULL, (gir_span){0, 0});
        diag_file(c->dg, g, c->src->name);
        diag_help(c->dg, g, I_HELP_PDF_ENCRYPTED);
        return 0;
    }
    g = diag_add(c->dg, GIR_SEV_ERROR, I_PDF_DAMAGED, NULL, (gir_span){0, 0}, err && err->message ? err->message : "?");
    diag_file(c->dg, g, c->src->name);
    diag_help(c->dg, g, I_HELP_PDF_DAMAGED);
    return 0;
}

static int too_big(imp_ctx *c, gir_diag *g)
{
    diag_file(c->dg, g, c->src->name);
    diag_help(c->dg, g, I_HELP_PDF_TOO_BIG);
    return 0;
}

static int check_text(pdf_read *r)
{
    imp_ctx *c = r->c;
    gir_diag *g = NULL;
    if (r->nch < MIN_TEXT && !r->dense) {
        g = diag_add(c->dg, GIR_SEV_ERROR, I_PDF_NO_TEXT, NULL, (gir_span){0, 0}, (int)r->npg);
        diag_file(c->dg, g, c->src->name);
        diag_help(c->dg, g, I_HELP_PDF_NO_TEXT);
        return 0;
    }
    if (r->nbad * 100 > r->nch * BAD_SHARE) {
        g = diag_add(c->dg, GIR_SEV_ERROR, I_PDF_NO_UNICODE, NULL, (gir_span){0, 0}, (int)r->nch, (int)r->nbad, r->bad);
        diag_file(c->dg, g, c->src->name);
        diag_help(c->dg, g, I_HELP_PDF_NO_UNICODE);
        return 0;
    }
    return 1;
}

static void read_meta(imp_ctx *c, PopplerDocument *doc)
{
    gir_defer *d = arena_defer(c->a, g_free, NULL);
    char *t = poppler_document_get_title(doc);
    arena_defer_set(d, t);
    if (t && *t && utf8_find_invalid(t, strlen(t)) < 0) c->w.title = arena_strdup(c->a, t);
    arena_release(d);
}

static int read_pages(pdf_read *r, PopplerDocument *doc)
{
    imp_ctx *c = r->c;
    int n = poppler_document_get_n_pages(doc);
    if (n > PDF_MAX_PAGES)
        return too_big(c, diag_add(c->dg, GIR_SEV_ERROR, I_PDF_TOO_MANY_PAGES, NULL, (gir_span){0, 0}, n, PDF_MAX_PAGES));
    r->npg = n > 0 ? (size_t)n : 0;
    r->pg = arena_alloc(c->a, (r->npg + 1) * sizeof *r->pg);
    for (int i = 0; i < n && !r->capped && !r->dense; i++) {
        gir_defer *d = arena_defer(c->a, unref, NULL);
        PopplerPage *page = poppler_document_get_page(doc, i);
        arena_defer_set(d, page);
        if (page) read_page(r, page, &r->pg[i]);
        /* the ruling lines of a page that might hold a table (not of a page
         * of prose), rendered from the same PopplerPage: poppler then keeps
         * the text it has laid out instead of laying it out again for
         * selection (TextPage::coalesce, whose cost grows faster than the
         * page's words: twice the time of a dense page) */
        if (page && r->pg[i].n && pdf_page_wants_rules(c, &r->pg[i])) read_rules(c->a, page, &r->pg[i]);
        arena_release(d);
    }
    return 1;
}

int imp_pdf_render(imp_ctx *c, const char *bytes, size_t len, imp_pdf_info *info)
{
    const char *why = NULL;
    if (!imp_pdflib_load(&why)) {
        gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, I_PDF_NO_LIB, NULL, (gir_span){0, 0}, why);
        diag_file(c->dg, g, c->src->name);
        diag_help(c->dg, g, I_HELP_PDF_NO_LIB);
        return 0;
    }
    if (len > PDF_MAX_BYTES)
        return too_big(c, diag_add(c->dg, GIR_SEV_ERROR, I_PDF_TOO_BIG, NULL, (gir_span){0, 0}, len, (size_t)PDF_MAX_BYTES));
    gir_defer *db = arena_defer(c->a, bytes_unref, NULL);
    GBytes *gb = g_bytes_new_static(bytes, len);
    arena_defer_set(db, gb);
    gir_defer *de = arena_defer(c->a, error_free, NULL);
    gir_defer *dd = arena_defer(c->a, unref, NULL);
    GError *err = NULL;
    PopplerDocument *doc = poppler_document_new_from_bytes(gb, NULL, &err);
    arena_defer_set(de, err);
    arena_defer_set(dd, doc);
    pdf_read r = {0};
    r.c = c;
    int ok = doc ? read_pages(&r, doc) : open_error(c, err);
    if (ok) read_meta(c, doc);
    if (ok && r.dense) {
        gir_diag *g = diag_add(c->dg, GIR_SEV_WARNING, I_PDF_PAGE_DENSE, NULL, (gir_span){0, 0}, r.dense, (int)r.dense_n,
                               (int)PDF_MAX_PAGE_CHARS);
        diag_file(c->dg, g, c->src->name);
    }
    ok = ok && check_text(&r);
    arena_release(dd);
    arena_release(de);
    arena_release(db);
    if (!ok) return 0;
    pdf_layout(c, r.pg, r.npg);
    info->pages = (int)r.npg;
    info->capped = r.capped ? PDF_MAX_CHARS : 0;
    return 1;
}

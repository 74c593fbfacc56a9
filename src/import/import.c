/* import.c - the importer's driver (import.h): decode the input, render
 * HTML to the working text (or read a .docx into it: docx.h), fold it,
 * build the schemas of the templates the stdlib declares (the labels come
 * from the templates, never from C), detect the format, find the section
 * headings, anchor and fill every table, find the header fields, write
 * the .gir, and parse that .gir again: an output that does not parse is
 * an internal error, reported as such. It all runs inside the one
 * protected call (arena_protect): when memory runs out, the import stops
 * with im->oom set, and every foreign object (libxml2 document, iconv
 * descriptor, the parsed output) is released through the arena's
 * deferred releases. */
#include <string.h>
#include "base/array.h"
#include "clean.h"
#include "decode.h"
#include "docx.h"
#include "driver/compile.h"
#include "emit.h"
#include "fill.h"
#include "html.h"
#include "jsstr.h"
#include "match.h"
#include "meta.h"
#include "needlib.h"
#include "pdf.h"
#include "render/xmllib.h"
#include "sniff.h"
#include "split.h"
#include "syntax/parse.h"
#include "template/cache.h"
#include "template/stdlib_data.h"
#include "template/template.h"
#include "text.h"
#include "units.h"

/* The schema of an embedded template, or NULL. */
static const gir_schema *builtin_schema(gir_arena *a, gir_diags *tdg, const char *name)
{
    const gir_schema *shared = tcache_builtin(name);   /* compiled once per process */
    if (shared)
        return shared;
    size_t len = 0;
    const char *path = NULL;
    const char *text = template_builtin(name, &len, &path);
    if (!text)
        return NULL;
    gir_source *src = arena_alloc(a, sizeof *src);
    char *copy = arena_strndup(a, text, len);
    source_init(src, a, path ? path : name, copy, (uint32_t)len);
    gir_node *ast = gir_parse(a, tdg, src);
    for (const gir_node *n = ast ? ast->first : NULL; n; n = n->next)
        if (n->kind == N_TEMPLATE)
            return schema_build(a, tdg, src, n);
    return NULL;
}

/* The schemas of every template the stdlib declares (an arena array). */
static size_t stdlib_schemas(gir_arena *a, gir_lang lang, const gir_schema ***out)
{
    gir_diags tdg;
    diags_init(&tdg, a, lang);
    const gir_schema **v = NULL;
    size_t n = 0;
    for (const gir_embedded *e = gir_stdlib; e->name; e++) {
        const gir_schema *s = builtin_schema(a, &tdg, e->name);
        if (s)
            ARRAY_PUSH(a, v, n, s);
    }
    *out = v;
    return n;
}

static void decode_diags(imp_ctx *c, const imp_decoded *d)
{
    char n[32];
    if (d->mismatch) diag_add(c->dg, GIR_SEV_WARNING, I_ENCODING_MISMATCH, c->src, (gir_span){d->decl_off, d->decl_off + 7},
                              d->declared, d->encoding);
    if (d->nbad) {
        snprintf(n, sizeof n, "%zu", d->nbad);
        uint32_t at = d->first_bad >= 0 ? (uint32_t)d->first_bad : 0;
        diag_add(c->dg, GIR_SEV_WARNING, I_BAD_BYTES, c->src, (gir_span){at, at + 3}, n, d->encoding);
    }
    if (d->nnul) {
        snprintf(n, sizeof n, "%zu", d->nnul);
        diag_add(c->dg, GIR_SEV_WARNING, I_NUL_BYTES, c->src, (gir_span){0, 0}, n);
    }
}

static void layout(imp_ctx *c)
{
    size_t pipes = 0, one = 0, two = 0;
    for (size_t i = 0; i < c->nu; i++) {
        if (c->u[i].cp == U_PIPE) pipes++;
        if (c->u[i].cp != U_NL) continue;
        size_t m = 0;
        while (i < c->nu && imp_is_sep(c->u[i].cp)) { if (c->u[i].cp == U_NL) m++; i++; }
        if (m == 1) one++; else if (m == 2) two++;
    }
    c->pipes = c->w.html || pipes >= 8;
    c->dblspace = !c->pipes && two > one;
}

/* A report shipped as HTML inside a script or JSON string is read as
 * that HTML (jsstr.h); control character references are reported after
 * the render (html.c makes them separators). */
static void script_html(imp_ctx *c, const imp_decoded *d)
{
    imp_js js;
    if (!imp_js_html(c->a, d->text, d->len, c->im->html, &js))
        return;
    c->html_in = js.s;
    c->html_n = js.n;
    c->html_map = js.map;
    c->im->html = 1;
    diag_add(c->dg, GIR_SEV_NOTE, I_SCRIPT_HTML, c->src, (gir_span){(uint32_t)js.at, (uint32_t)js.at + 1});
}

static void control_diag(imp_ctx *c)
{
    char n[32];
    if (!c->w.nctl)
        return;
    snprintf(n, sizeof n, "%zu", c->w.nctl);
    diag_add(c->dg, GIR_SEV_WARNING, I_CONTROL_REF, c->src, (gir_span){c->w.first_ctl, c->w.first_ctl + 1}, n);
}

/* Anchors every table within its part of the text, then fills them. */
static void tables(imp_ctx *c)
{
    const gir_schema *s = c->s;
    size_t *tub = arena_alloc(c->a, (s->ntables + 1) * sizeof *tub), *tue = arena_alloc(c->a, (s->ntables + 1) * sizeof *tue);
    size_t prev = 0;
    for (size_t k = 0; k < s->nsections; k++) {
        if (c->head[k].found) prev = c->head[k].ue;
        if (!s->sections[k]->table) continue;
        size_t end = c->nu;
        for (size_t j = k + 1; j < s->nsections; j++) if (c->head[j].found) { end = c->head[j].ub; break; }
        size_t ti = (size_t)s->sections[k]->table->index;
        tub[ti] = prev;
        tue[ti] = end;
        imp_anchor_table(c, &c->tab[ti], prev, end);
        /* the next table starts after this one's last label */
        for (size_t i = c->tab[ti].nan; i-- > 0;)
            if (c->tab[ti].an[i].chosen >= 0) { size_t e = c->tab[ti].an[i].occ[c->tab[ti].an[i].chosen].ue; if (e > prev) prev = e; break; }
    }
    for (size_t k = 0; k < s->nsections; k++) {
        if (!s->sections[k]->table) continue;
        size_t ti = (size_t)s->sections[k]->table->index;
        size_t end = tue[ti];
        for (size_t j = k + 1; j < s->nsections; j++) {
            if (!s->sections[j]->table) continue;
            imp_table *nt = &c->tab[s->sections[j]->table->index];
            for (size_t i = 0; i < nt->nan; i++)
                if (nt->an[i].chosen >= 0) { if (nt->an[i].occ[nt->an[i].chosen].ub < end) end = nt->an[i].occ[nt->an[i].chosen].ub; break; }
            break;
        }
        imp_fill_table(c, &c->tab[ti], tub[ti], end);
        imp_resolve_columns(c, &c->tab[ti]);
        imp_note_outside(c, &c->tab[ti], tub[ti], end);
    }
}

static size_t last_content(const imp_ctx *c)
{
    for (size_t i = c->nu; i-- > 0;) if (!imp_is_sep(c->u[i].cp)) return i;
    return 0;
}

/* Whether any cell of t holds a value read from the input (cells blank
 * or missing everywhere: the table's numbers are lost). */
static int any_cell(const imp_table *t)
{
    for (size_t i = 0; i < t->nrows; i++)
        for (size_t col = 0; col < t->rows[i].ncols; col++)
            if (t->rows[i].cells[col].st == IC_VALUE || t->rows[i].cells[col].st == IC_UNSURE) return 1;
    return 0;
}

/* The tables of the parts after part k that the input does not have,
 * each quoted, in the language of the diagnostics ("" when none). */
static const char *tables_lost_after(imp_ctx *c, size_t k)
{
    const gir_schema *s = c->s;
    int en = c->dg->lang == GIR_LANG_EN;
    gir_buf b;
    buf_init(&b, c->a);
    for (size_t j = k + 1; j < s->nsections; j++) {
        if (!s->sections[j]->table || c->tab[s->sections[j]->table->index].found) continue;
        if (b.n) buf_puts(&b, en ? ", " : "、");
        buf_printf(&b, en ? "'%s'" : "“%s”", s->sections[j]->label);
    }
    return buf_cstr(&b);
}

/* An input cut off inside the table of part k: an error (E1064), since
 * cells are lost, naming the tables lost after it; at the input's last
 * character. */
static void truncated_diag(imp_ctx *c, size_t k, size_t last)
{
    const char *lost = tables_lost_after(c, k);
    gir_span at = imp_span(c, last, last + 1);
    if (*lost)
        diag_add(c->dg, GIR_SEV_ERROR, I_TRUNCATED, c->src, at, c->s->sections[k]->label, lost);
    else
        diag_add(c->dg, GIR_SEV_ERROR, I_TRUNCATED_LAST, c->src, at, c->s->sections[k]->label);
}

/* What is missing from the input: truncation (an error: cells lost,
 * E1064), parts, tables (an error: a table lost, E1062), rows. */
static void missing_diags(imp_ctx *c, const imp_meta *m)
{
    const gir_schema *s = c->s;
    size_t last = last_content(c);
    int truncated_in = -1;
    for (size_t k = 0; k < s->nsections; k++) {
        if (!s->sections[k]->table) continue;
        imp_table *t = &c->tab[s->sections[k]->table->index];
        int later = 0;
        for (size_t j = k + 1; j < s->nsections; j++) later |= c->head[j].found;
        if (t->found && !later && t->ue + 8 >= last) {
            int miss = 0;
            for (size_t i = 0; i < t->nrows; i++) miss |= t->rows[i].cells[t->rows[i].ncols - 1].st == IC_MISSING;
            if (miss) truncated_in = (int)k;
        }
    }
    gir_span end = imp_span(c, c->nu, c->nu);
    if (truncated_in >= 0) truncated_diag(c, (size_t)truncated_in, last);
    for (size_t k = 0; k < s->nsections; k++) {
        const gir_tsection *sec = s->sections[k];
        if (truncated_in >= 0 && (int)k > truncated_in) continue;
        imp_table *t = sec->table ? &c->tab[sec->table->index] : NULL;
        /* a part whose table is gone is reported at its heading when that is there */
        if (t && !t->found)
            diag_add(c->dg, GIR_SEV_ERROR, I_TABLE_MISSING, c->src,
                     c->head[k].found ? imp_span(c, c->head[k].ub, c->head[k].ue) : end, sec->label);
        else if (!t && !c->head[k].found)
            diag_add(c->dg, GIR_SEV_WARNING, I_SECTION_MISSING, c->src, end, sec->label);
        if (c->head[k].found && c->head[k].variant) {
            gir_diag *g = diag_add(c->dg, GIR_SEV_NOTE, I_HEADING_VARIANT, c->src, imp_span(c, c->head[k].ub, c->head[k].ue),
                                   c->head[k].text, sec->label);
            (void)g;
        }
        if (!t || !t->found) continue;
        if (!any_cell(t)) {                     /* found, but not one cell read: lost as well */
            diag_add(c->dg, GIR_SEV_ERROR, I_TABLE_UNREAD, c->src, t->ub < c->nu ? imp_span(c, t->ub, t->ub + 1) : end, sec->label);
            continue;
        }
        int after_last = 0;
        for (size_t i = t->nrows; i-- > 0;) {
            imp_row *r = &t->rows[i];
            int any = 0;
            for (size_t col = 0; col < r->ncols; col++) any |= r->cells[col].st != IC_MISSING;
            if (any) break;
            after_last = (int)i;
        }
        for (size_t i = 0; i < t->nrows; i++) {
            imp_row *r = &t->rows[i];
            int any = 0;
            for (size_t col = 0; col < r->ncols; col++) any |= r->cells[col].st != IC_MISSING;
            if (any || ((int)k == truncated_in && (int)i >= after_last)) continue;
            gir_span at = t->ub < c->nu ? imp_span(c, t->ub, t->ub + 1) : end;
            diag_add(c->dg, GIR_SEV_WARNING, I_ROW_MISSING, c->src, at, t->t->label, r->h->label && *r->h->label ? r->h->label : r->h->name);
        }
    }
    if (!m->agency) diag_add(c->dg, GIR_SEV_WARNING, I_NO_FIELD, c->src, (gir_span){0, 0}, msg_fmt(c->dg->lang, I_FIELD_AGENCY));
    if (!m->year) diag_add(c->dg, GIR_SEV_WARNING, I_NO_FIELD, c->src, (gir_span){0, 0}, msg_fmt(c->dg->lang, I_FIELD_YEAR));
}

/* Chooses the template and says why. */
static int choose_template(imp_ctx *c, const gir_import_opts *o)
{
    const gir_schema **sch;
    size_t ns = stdlib_schemas(c->a, o ? o->lang : GIR_LANG_ZH, &sch);
    if (!ns) {
        diag_add(c->dg, GIR_SEV_ERROR, I_INTERNAL, c->src, (gir_span){0, 0}, "no template");
        return 0;
    }
    int year = imp_guess_year(c);
    int best = imp_detect(c, sch, ns, year);
    c->s = sch[best];
    c->tmpl = c->s->name;
    c->im->template_name = c->tmpl;
    gir_span none = {0, 0};
    if (c->evidence)
        diag_add(c->dg, GIR_SEV_NOTE, I_FORMAT, c->src, none, c->tmpl, c->evidence);
    else if (year)
        diag_add(c->dg, GIR_SEV_NOTE, I_FORMAT_YEAR, c->src, none, c->tmpl, year);
    else
        diag_add(c->dg, GIR_SEV_NOTE, I_FORMAT_DEFAULT, c->src, none, c->tmpl);
    return 1;
}

static void free_doc(void *p) { gir_doc_free(p); }

/* The output must parse: an error there is an internal error. */
static void parse_back(imp_ctx *c, const gir_import_opts *o)
{
    gir_import *im = c->im;
    gir_options po = {0};
    po.lang = o ? o->lang : GIR_LANG_ZH;
    po.mem = o ? o->mem : NULL;
    gir_defer *d = arena_defer(c->a, free_doc, NULL);
    gir_doc *pd = gir_doc_parse(c->out_name, im->gir, im->gir_len, &po);
    arena_defer_set(d, pd);
    if (!pd || pd->oom) {
        im->oom = 1;              /* the parse ran out of memory */
    } else if (pd->diags.nerrors) {
        const char *msg = "?";
        for (size_t i = 0; i < pd->diags.n; i++)
            if (pd->diags.v[i]->sev == GIR_SEV_ERROR) {
                msg = arena_strdup(c->a, pd->diags.v[i]->msg);
                break;
            }
        diag_add(c->dg, GIR_SEV_ERROR, I_INTERNAL, c->src, (gir_span){0, 0}, msg);
    }
    arena_release(d);
}

/* Forms no reader takes yet: one error, and no .gir. */
static int readable_form(gir_import *im)
{
    if (im->form == IMP_FORM_TEXT || im->form == IMP_FORM_HTML || im->form == IMP_FORM_ZIP || im->form == IMP_FORM_PDF)
        return 1;
    gir_diag *g = diag_add(&im->diags, GIR_SEV_ERROR, I_FORM_UNREAD, NULL, (gir_span){0, 0}, imp_form_name(im->form));
    diag_file(&im->diags, g, im->src.name);
    diag_help(&im->diags, g, I_HELP_FORM_UNREAD);
    return 0;
}

/* A PDF: its rebuilt text layer is the source of the diagnostics. */
static int read_pdf(imp_ctx *c, const char *bytes, size_t len)
{
    imp_pdf_info pi = {0};
    if (!imp_pdf_render(c, bytes, len, &pi))
        return 0;
    gir_import *im = c->im;
    source_init(&im->src, c->a, im->src.name, c->w.s, c->w.n);
    im->encoding = "PDF";
    if (pi.capped)
        diag_add(c->dg, GIR_SEV_WARNING, I_PDF_TEXT_CAPPED, c->src, (gir_span){c->w.n, c->w.n}, arena_printf(c->a, "%u", pi.capped));
    diag_add(c->dg, GIR_SEV_NOTE, I_PDF_PAGES, c->src, (gir_span){0, 0}, pi.pages, (int)c->w.ntables);
    return 1;
}

/* HTML or text: decoded to UTF-8, HTML rendered to the working text.
 * 0 (after E0806) when the HTML cannot be read: libxml2 is missing. */
static int read_text(imp_ctx *c, const char *bytes, size_t len)
{
    gir_import *im = c->im;
    im->html = imp_looks_html(bytes, len);
    imp_decoded d;
    imp_decode(c->a, bytes, len, im->html, &d);
    source_init(&im->src, c->a, im->src.name, d.text, (uint32_t)d.len);
    im->encoding = d.encoding;
    decode_diags(c, &d);
    script_html(c, &d);
    if (im->html && !imp_need_lib(c, &gir_libxml2))
        return 0;
    if (im->html && !imp_html_render(c)) {
        diag_add(c->dg, GIR_SEV_ERROR, I_HTML_FAILED, c->src, (gir_span){0, 0});
        im->html = 0;
    }
    if (!im->html) {
        c->w.s = d.text;
        c->w.n = (uint32_t)d.len;
    }
    return 1;
}

typedef struct run_args {
    gir_import *im;
    const char *name;
    const char *bytes;
    size_t len;
    const gir_import_opts *o;
} run_args;

static void run(void *ud)
{
    run_args *ra = ud;
    gir_import *im = ra->im;
    const gir_import_opts *o = ra->o;
    gir_arena *a = im->arena;
    const char *name = arena_strdup(a, ra->name);
    source_init(&im->src, a, name, "", 0);
    im->form = imp_sniff(ra->bytes, ra->len);
    if (im->form == IMP_FORM_OLE) {
        imp_docx_legacy(im, ra->bytes, ra->len);   /* .doc, .wps, an encrypted .docx: one error */
        return;
    }
    if (!readable_form(im))
        return;
    imp_ctx c = {0};
    c.a = a;
    c.dg = &im->diags;
    c.src = &im->src;
    c.im = im;
    c.out_name = o && o->out_name ? o->out_name : "report.gir";
    if (im->form == IMP_FORM_ZIP) {
        /* a .docx: its rebuilt text is the source diagnostics point into */
        im->encoding = "UTF-8";     /* XML, as libxml2 gives it */
        if (!imp_docx_read(&c, ra->bytes, ra->len))
            return;
        source_init(&im->src, a, name, c.w.s, c.w.n);
    } else if (im->form == IMP_FORM_PDF) {
        if (!read_pdf(&c, ra->bytes, ra->len))
            return;
    } else if (!read_text(&c, ra->bytes, ra->len)) {
        return;
    }
    control_diag(&c);
    imp_clean(&c);
    imp_fold(&c);
    layout(&c);
    if (!choose_template(&c, o))
        return;
    c.head = arena_alloc(a, (c.s->nsections + 1) * sizeof *c.head);
    c.tab = arena_alloc(a, (c.s->ntables + 1) * sizeof *c.tab);
    for (size_t i = 0; i < c.s->ntables; i++) {
        c.tab[i].t = c.s->tables[i];
        imp_table_anchors(&c, &c.tab[i]);
    }
    imp_headings(&c);
    tables(&c);
    imp_meta m;
    imp_meta_find(&c, &m);
    if (m.year && c.evidence && (m.year < c.s->year_from || m.year > c.s->year_to))
        diag_add(c.dg, GIR_SEV_NOTE, I_YEAR_FORMAT, c.src, (gir_span){0, 0}, m.year, c.tmpl);
    int anything = 0;
    for (size_t k = 0; k < c.s->nsections; k++)
        anything |= c.head[k].found;
    for (size_t i = 0; i < c.s->ntables; i++)
        anything |= c.tab[i].found;
    if (!anything)
        diag_add(c.dg, GIR_SEV_ERROR, I_NO_REPORT, c.src, (gir_span){0, 0});
    else
        missing_diags(&c, &m);
    im->gir = imp_emit(&c, &m, &im->gir_len);
    parse_back(&c, o);
}

gir_import *gir_import_run(const char *name, const char *bytes, size_t len, const gir_import_opts *o)
{
    gir_arena *a = arena_new(o ? o->mem : NULL);
    if (!a)
        return NULL;
    gir_import *im = arena_alloc(a, sizeof *im);
    if (!im) {
        arena_free(a);
        return NULL;
    }
    im->arena = a;
    diags_init(&im->diags, a, o ? o->lang : GIR_LANG_ZH);
    im->src.name = "";                       /* until run reads the input */
    im->src.text = "";
    run_args ra = {im, name ? name : "<stdin>", bytes, len, o};
    if (arena_protect(a, run, &ra))
        im->oom = 1;
    return im;
}

void gir_import_free(gir_import *im)
{
    if (im)
        arena_free(im->arena);
}

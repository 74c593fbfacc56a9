/* docx.c - the package of a Word document (docx.h): the zip opened from
 * memory with libzip; the main document found through _rels/.rels (the
 * officeDocument relationship) and [Content_Types].xml, else
 * word/document.xml; every part read in chunks with a hard limit
 * (DOCX_PART_MAX uncompressed, whatever the zip's directory says, so a
 * zip bomb is an error, not memory exhausted); the main document
 * streamed with libxml2's reader, one child of w:body at a time, the
 * small parts parsed whole, both without network, DTD loading or entity
 * expansion (XXE is impossible: an entity reference stays a reference,
 * which the walk never reads).
 * A zip that is not a Word document is told apart (a workbook, a
 * presentation, an OpenDocument or OFD file, a plain archive) in one
 * error. The zip, its open entries, the reader and every document are
 * deferred releases of the import's arena. */
#include <string.h>
#include <strings.h>
#include <zip.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include "base/io.h"
#include "render/xmllib.h"
#include "render/ziplib.h"
#include "docx.h"
#include "needlib.h"

#define DOCX_PART_MAX GIR_MAX_FILE_SIZE     /* bytes of one part, uncompressed */
#define SMALL_MAX (1u << 20)                 /* bytes of a relationships or properties part */
#define CHUNK 65536
#define PLURAL(n) ((n) == 1 ? "" : "s")   /* English only: Chinese leaves the argument out */

typedef struct pkg {
    imp_ctx *c;
    zip_t *z;
} pkg;

/* ---- diagnostics: about the whole file ---- */

/* g, now about the whole input file. */
static gir_diag *on_file(imp_ctx *c, gir_diag *g)
{
    diag_file(c->dg, g, c->im->src.name);
    return g;
}

#define NOWHERE NULL, (gir_span){0, 0}

/* ---- libzip ---- */

static void free_source(void *p) { zip_source_free(p); }
static void discard(void *p) { zip_discard(p); }
static void fclose_entry(void *p) { zip_fclose(p); }

/* libzip's words for error code ze, into buf. */
static const char *zip_words(int ze, char *buf, size_t n)
{
    zip_error_t e;
    zip_error_init_with_code(&e, ze);
    snprintf(buf, n, "%s", zip_error_strerror(&e));
    zip_error_fini(&e);
    return buf;
}

static int open_zip(pkg *p, const char *bytes, size_t len)
{
    gir_arena *a = p->c->a;
    gir_defer *ds = arena_defer(a, free_source, NULL);
    gir_defer *dz = arena_defer(a, discard, NULL);
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(bytes, len, 0, &err);
    arena_defer_set(ds, src);
    zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &err) : NULL;
    char why[160];
    snprintf(why, sizeof why, "%s", zip_error_strerror(&err));
    zip_error_fini(&err);
    if (!z) {
        gir_diag *g = on_file(p->c, diag_add(p->c->dg, GIR_SEV_ERROR, I_DOCX_BAD_ZIP, NOWHERE, why));
        diag_help(p->c->dg, g, I_HELP_DOCX_BAD_ZIP);
        return 0;
    }
    arena_defer_set(ds, NULL);      /* the archive owns its source now */
    arena_defer_set(dz, z);
    p->z = z;
    return 1;
}

typedef enum { PART_OK = 0, PART_ABSENT, PART_TOO_BIG, PART_BAD } part_st;

/* Reads entry name (at most max bytes, NUL-terminated, into the arena).
 * On PART_BAD, why says what libzip said. */
static part_st read_part(pkg *p, const char *name, size_t max, char **out, size_t *len, char *why, size_t nwhy)
{
    gir_arena *a = p->c->a;
    zip_int64_t ix = zip_name_locate(p->z, name, 0);
    if (ix < 0) return PART_ABSENT;
    zip_stat_t sb;
    size_t cap = CHUNK, said = max;   /* the size the zip's directory gives */
    if (zip_stat_index(p->z, (zip_uint64_t)ix, 0, &sb) == 0 && (sb.valid & ZIP_STAT_SIZE)) {
        if (sb.size > max) return PART_TOO_BIG;
        said = (size_t)sb.size;
        if (said + 1 > cap) cap = said + 1;
    }
    gir_defer *df = arena_defer(a, fclose_entry, NULL);
    zip_file_t *f = zip_fopen_index(p->z, (zip_uint64_t)ix, 0);
    if (!f) {
        zip_words(zip_error_code_zip(zip_get_error(p->z)), why, nwhy);
        return PART_BAD;
    }
    arena_defer_set(df, f);
    char *buf = arena_alloc(a, cap + 1);
    size_t n = 0;
    part_st st = PART_OK;
    for (;;) {
        if (n == cap) {
            buf = arena_grow(a, buf, cap + 1, cap * 2 + 1);
            cap *= 2;
        }
        zip_int64_t r = zip_fread(f, buf + n, cap - n < CHUNK ? cap - n : CHUNK);
        if (r < 0) {
            zip_words(zip_error_code_zip(zip_file_get_error(f)), why, nwhy);
            st = PART_BAD;
            break;
        }
        if (r == 0) break;
        n += (size_t)r;
        if (n > max) { st = PART_TOO_BIG; break; }
        if (n > said) {           /* more than the directory says: a lie */
            snprintf(why, nwhy, "%s", msg_fmt(p->c->dg->lang, I_DOCX_LIES));
            st = PART_BAD;
            break;
        }
    }
    arena_release(df);
    buf[n] = 0;
    *out = buf;
    *len = n;
    return st;
}

/* ---- XML ---- */

static void free_doc(void *p) { xmlFreeDoc(p); }
/* A small part (at most SMALL_MAX bytes: relationships, content types,
 * properties) as a tree, or NULL when it is absent, too large or not
 * well-formed (these parts only help: the main document decides). No
 * network, no DTD, entities left as references. */
static xmlDoc *small_part(pkg *p, const char *name)
{
    char *s = NULL, why[200];
    size_t n = 0;
    if (read_part(p, name, SMALL_MAX, &s, &n, why, sizeof why) != PART_OK)
        return NULL;
    gir_defer *dd = arena_defer(p->c->a, free_doc, NULL);
    int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
    xmlDoc *doc = xmlReadMemory(s, (int)n, name, NULL, opts);
    arena_defer_set(dd, doc);
    return doc;
}

static int local_is(const xmlNode *n, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0;
}

static int ends_with(const char *s, const char *tail)
{
    size_t a = strlen(s), b = strlen(tail);
    return a >= b && strcmp(s + a - b, tail) == 0;
}

/* The target of the package relationship whose type ends in type, as a
 * zip entry name (arena), or NULL. */
static const char *rel_target(pkg *p, xmlDoc *rels, const char *type)
{
    const xmlNode *root = rels ? xmlDocGetRootElement(rels) : NULL;
    for (const xmlNode *k = root ? root->children : NULL; k; k = k->next) {
        const char *t = local_is(k, "Relationship") ? imp_docx_attr(k, "Type") : NULL;
        const char *to = t && ends_with(t, type) ? imp_docx_attr(k, "Target") : NULL;
        if (to && *to)
            return arena_strdup(p->c->a, to[0] == '/' ? to + 1 : to);
    }
    return NULL;
}

/* The content type [Content_Types].xml gives part name, or "". */
static const char *content_type(xmlDoc *types, const char *name)
{
    const xmlNode *root = types ? xmlDocGetRootElement(types) : NULL;
    for (const xmlNode *k = root ? root->children : NULL; k; k = k->next) {
        const char *pn = local_is(k, "Override") ? imp_docx_attr(k, "PartName") : NULL;
        const char *ct = pn ? imp_docx_attr(k, "ContentType") : NULL;
        if (ct && strcmp(pn[0] == '/' ? pn + 1 : pn, name) == 0)
            return ct;
    }
    return "";
}

/* ---- what a zip that is not a .docx is ---- */

static const char *odf_kind(pkg *p)
{
    char *s = NULL, why[200];
    size_t n = 0;
    if (read_part(p, "mimetype", 256, &s, &n, why, sizeof why) != PART_OK) return NULL;
    const char *pre = "application/vnd.oasis.opendocument.";
    if (strncmp(s, pre, strlen(pre)) != 0) return NULL;
    const char *k = s + strlen(pre);
    if (!strncmp(k, "text", 4)) return ".odt";
    if (!strncmp(k, "spreadsheet", 11)) return ".ods";
    if (!strncmp(k, "presentation", 12)) return ".odp";
    return arena_strdup(p->c->a, s);
}

static void not_docx(pkg *p, const char *ct)
{
    imp_ctx *c = p->c;
    const char *what;
    const char *odf = odf_kind(p);
    size_t files = (size_t)zip_get_num_entries(p->z, 0);
    if (strstr(ct, "spreadsheetml") || strstr(ct, "ms-excel")) what = msg_fmt(c->dg->lang, I_DOCX_XLSX);
    else if (strstr(ct, "presentationml") || strstr(ct, "ms-powerpoint")) what = msg_fmt(c->dg->lang, I_DOCX_PPTX);
    else if (odf) what = arena_printf(c->a, msg_fmt(c->dg->lang, I_DOCX_ODF), odf);
    else if (zip_name_locate(p->z, "OFD.xml", ZIP_FL_NOCASE) >= 0) what = msg_fmt(c->dg->lang, I_DOCX_OFD);
    else what = arena_printf(c->a, msg_fmt(c->dg->lang, I_DOCX_ZIP), files, PLURAL(files));
    gir_diag *g = on_file(c, diag_add(c->dg, GIR_SEV_ERROR, I_DOCX_NOT_DOCX, NOWHERE, what));
    diag_help(c->dg, g, I_HELP_DOCX_NOT_DOCX);
}

/* The main document's entry name, or NULL (reported). */
static const char *main_part(pkg *p, xmlDoc **rels_out)
{
    xmlDoc *rels = small_part(p, "_rels/.rels");
    xmlDoc *types = small_part(p, "[Content_Types].xml");
    *rels_out = rels;
    const char *main = rel_target(p, rels, "/officeDocument");
    const char *ct = main ? content_type(types, main) : "";
    int word = strstr(ct, "wordprocessingml") || strstr(ct, "ms-word");
    if (main && !*ct && !strncmp(main, "word/", 5)) word = 1;
    if (!word && !*ct && zip_name_locate(p->z, "word/document.xml", 0) >= 0) {
        main = "word/document.xml";
        word = 1;
    }
    if (!word || zip_name_locate(p->z, main, 0) < 0) {
        not_docx(p, ct);
        return NULL;
    }
    return main;
}

/* ---- docProps/core.xml ---- */

static const char *text_of(imp_ctx *c, const xmlNode *n)
{
    gir_buf b;
    buf_init(&b, c->a);
    for (const xmlNode *k = n->children; k; k = k->next)
        if (k->type == XML_TEXT_NODE && k->content) buf_puts(&b, (const char *)k->content);
    size_t i = 0;
    const char *s = buf_cstr(&b);
    while (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') i++;
    return s[i] ? s + i : NULL;
}

static void core_props(pkg *p, xmlDoc *rels)
{
    const char *name = rel_target(p, rels, "/core-properties");
    xmlDoc *core = small_part(p, name ? name : "docProps/core.xml");
    const xmlNode *root = core ? xmlDocGetRootElement(core) : NULL;
    for (const xmlNode *k = root ? root->children : NULL; k; k = k->next) {
        if (local_is(k, "title") && !p->c->w.title) p->c->w.title = text_of(p->c, k);
        if (local_is(k, "creator") && !p->c->w.author) p->c->w.author = text_of(p->c, k);
    }
}

/* ---- the main document, streamed ---- */

static void free_reader(void *q) { xmlFreeTextReader(q); }

typedef struct xerr { int set, line; char why[200]; } xerr;

/* libxml2's first error, kept (nothing is printed). */
static void on_error(void *arg, xmlErrorPtr e)
{
    xerr *x = arg;
    if (x->set || !e || e->level < XML_ERR_ERROR)
        return;
    x->set = 1;
    x->line = e->line;
    snprintf(x->why, sizeof x->why, "%s", e->message ? e->message : "?");
    size_t k = strlen(x->why);
    while (k && (x->why[k - 1] == '\n' || x->why[k - 1] == ' '))
        x->why[--k] = 0;
}

/* A reader over the part (released through *dr): no network, no DTD,
 * entities left as references. */
static xmlTextReader *reader(pkg *p, const char *name, const char *s, size_t n, xerr *x, gir_defer **dr)
{
    *dr = arena_defer(p->c->a, free_reader, NULL);
    int opts = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
    xmlTextReader *r = n <= (size_t)0x7fffffff ? xmlReaderForMemory(s, (int)n, name, NULL, opts) : NULL;
    arena_defer_set(*dr, r);
    if (r)
        xmlTextReaderSetStructuredErrorHandler(r, on_error, x);
    else if (!x->set)
        x->set = 1;
    return r;
}

static int is_w_elem(xmlTextReader *r, const char *local)
{
    const xmlChar *ns = xmlTextReaderConstNamespaceUri(r);
    const xmlChar *ln = xmlTextReaderConstLocalName(r);
    if (!ns || !ln || strcmp((const char *)ln, local) != 0)
        return 0;
    return !strcmp((const char *)ns, "http://schemas.openxmlformats.org/wordprocessingml/2006/main") ||
           !strcmp((const char *)ns, "http://purl.oclc.org/ooxml/wordprocessingml/main");
}

/* Does the XML hold an element named tbl (any prefix)? Read from the
 * bytes: in XML a '<' is always markup, so "<w:tbl>" or "<tbl " is an
 * element; one of another namespace named tbl only makes the document
 * read with its layout (as one with tables), never loses text. */
static int has_tables(const char *s, size_t n)
{
    for (const char *q = s; (q = memchr(q, '<', (size_t)(s + n - q))) != NULL; q++) {
        const char *e = q + 1;
        while (e < s + n && e - q < 64 && *e != ':' && *e != '>' && *e != ' ' && *e != '/') e++;
        const char *ln = e < s + n && *e == ':' ? e + 1 : q + 1;
        if (s + n - ln > 3 && memcmp(ln, "tbl", 3) == 0 && strchr("> /\t\r\n", ln[3]))
            return 1;
    }
    return 0;
}

/* The part file beside the main document (word/numbering.xml,
 * word/styles.xml: where Word and LibreOffice put them). */
static const char *beside(imp_ctx *c, const char *main, const char *file)
{
    const char *slash = strrchr(main, '/');
    size_t dir = slash ? (size_t)(slash - main + 1) : 0;
    return arena_printf(c->a, "%.*s%s", (int)dir, main, file);
}

/* Each child of w:body expanded, walked, let go. Returns 0 with *x set
 * when the XML is not well-formed, -1 when it has no body, else 1. */
static int render(pkg *p, const char *name, const char *s, size_t n, xerr *x, imp_docx_stats *st, int *dtd)
{
    gir_defer *dr;
    xmlTextReader *r = reader(p, name, s, n, x, &dr);
    imp_docx_walk *w = imp_docx_start(p->c, !has_tables(s, n), st);
    imp_docx_set_numbering(w, imp_docx_num_read(p->c->a, small_part(p, beside(p->c, name, "numbering.xml")),
                                                small_part(p, beside(p->c, name, "styles.xml"))));
    int body = 0;
    int rc = r ? xmlTextReaderRead(r) : -1;
    while (rc == 1) {
        int t = xmlTextReaderNodeType(r);
        int depth = xmlTextReaderDepth(r);
        if (t == XML_READER_TYPE_DOCUMENT_TYPE)
            *dtd = 1;
        if (t == XML_READER_TYPE_ELEMENT && depth == 1 && is_w_elem(r, "body"))
            body = 1;
        if (t == XML_READER_TYPE_ELEMENT && depth == 2 && body) {
            imp_docx_block(w, xmlTextReaderExpand(r));
            rc = xmlTextReaderNext(r);
            continue;
        }
        rc = xmlTextReaderRead(r);
    }
    arena_release(dr);
    if (rc != 0 || x->set) {
        x->set = 1;
        return 0;
    }
    imp_docx_finish(w);
    return body ? 1 : -1;
}

static int main_document(pkg *p, const char *main, imp_docx_stats *st, int *dtd)
{
    imp_ctx *c = p->c;
    char *s = NULL;
    xerr x = {0};
    size_t n = 0;
    part_st ps = read_part(p, main, DOCX_PART_MAX, &s, &n, x.why, sizeof x.why);
    if (ps == PART_TOO_BIG)
        on_file(c, diag_add(c->dg, GIR_SEV_ERROR, I_DOCX_TOO_BIG, NOWHERE, main, (unsigned)(DOCX_PART_MAX >> 20)));
    else if (ps != PART_OK)
        on_file(c, diag_add(c->dg, GIR_SEV_ERROR, I_DOCX_BAD_PART, NOWHERE, main, x.why));
    if (ps != PART_OK)
        return 0;
    int rc = render(p, main, s, n, &x, st, dtd);
    if (rc == 0)
        on_file(c, diag_add(c->dg, GIR_SEV_ERROR, I_DOCX_BAD_XML, NOWHERE, main, x.line, x.why));
    else if (rc < 0)
        on_file(c, diag_add(c->dg, GIR_SEV_ERROR, I_DOCX_BAD_PART, NOWHERE, main, msg_fmt(c->dg->lang, I_DOCX_NO_BODY)));
    return rc > 0;
}

/* ---- the entry ---- */

static void notes(pkg *p, const char *main, int dtd, const imp_docx_stats *st)
{
    if (dtd) on_file(p->c, diag_add(p->c->dg, GIR_SEV_WARNING, I_DOCX_DTD, NOWHERE, main));
    if (st->nested) on_file(p->c, diag_add(p->c->dg, GIR_SEV_NOTE, I_DOCX_NESTED, NOWHERE, st->nested, PLURAL(st->nested)));
    if (st->objects) on_file(p->c, diag_add(p->c->dg, GIR_SEV_NOTE, I_DOCX_OBJECTS, NOWHERE, st->objects, PLURAL(st->objects)));
    if (st->titles) on_file(p->c, diag_add(p->c->dg, GIR_SEV_NOTE, I_DOCX_TITLES, NOWHERE, st->titles, PLURAL(st->titles), st->titles == 1 ? "is" : "are"));
    if (st->ins || st->del) on_file(p->c, diag_add(p->c->dg, GIR_SEV_NOTE, I_DOCX_REVISIONS, NOWHERE, st->ins, st->del, PLURAL(st->ins), PLURAL(st->del)));
}

int imp_docx_read(imp_ctx *c, const char *bytes, size_t len)
{
    pkg p = {c, NULL};
    if (!imp_need_lib(c, &gir_libzip) || !imp_need_lib(c, &gir_libxml2)) return 0;
    if (!open_zip(&p, bytes, len)) return 0;
    xmlDoc *rels = NULL;
    const char *main = main_part(&p, &rels);
    if (!main) return 0;
    imp_docx_stats st = {0};
    int dtd = 0;
    if (!main_document(&p, main, &st, &dtd)) return 0;
    core_props(&p, rels);
    notes(&p, main, dtd, &st);
    return 1;
}

/* ---- OLE files ---- */

/* Does s hold the k bytes at w? (k is small: linear in n) */
static int holds(const char *s, size_t n, const char *w, size_t k)
{
    for (const char *q = s; n >= k && (q = memchr(q, w[0], (size_t)(s + n - k + 1 - q))) != NULL; q++)
        if (memcmp(q, w, k) == 0)
            return 1;
    return 0;
}

void imp_docx_legacy(gir_import *im, const char *bytes, size_t len)
{
    /* an encrypted OOXML file is an OLE file with this stream (UTF-16LE) */
    static const char enc[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
    int encrypted = holds(bytes, len, enc, sizeof enc - 1);
    gir_diag *g = diag_add(&im->diags, GIR_SEV_ERROR, encrypted ? I_DOCX_ENCRYPTED : I_LEGACY_BINARY, NULL, (gir_span){0, 0});
    diag_file(&im->diags, g, im->src.name);
}

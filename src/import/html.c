/* html.c - an HTML page (already UTF-8) to the working text, with
 * libxml2's HTML parser. The report is taken from the smallest element
 * that holds every data table and some prose (200 bytes, or 40% of the
 * page's text outside tables); the page's navigation and footer are left
 * out and counted. Paragraphs become lines; each table
 * row becomes one line "cell | cell | … |", built from a grid that
 * honours rowspan and colspan: a position covered by a cell from an
 * earlier row, inside the row, is written as an empty cell so later
 * cells keep their columns; an empty cell spanning k columns is k empty
 * cells. Every working byte maps back to an input byte (the text node's
 * place in the source, found from its element's line). */
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include "base/array.h"
#include "html.h"

#define MAX_DEPTH 256
#define MAX_ROWS 4000
#define MAX_COLS 256

typedef struct rend {
    imp_ctx *c;
    gir_buf out;
    uint32_t *map; size_t nmap;    /* input offset of each byte of out (ARRAY_PUSH) */
    uint32_t last;                 /* input offset of the last byte written */
    uint32_t cursor;               /* where the last text node was found */
    int bol;                       /* at the beginning of a line */
    int space;                     /* a space is pending */
    const char *in; uint32_t inlen;   /* the HTML parsed (the input, or HTML from a script string) */
    const uint32_t *inmap;         /* its byte -> input byte, or NULL (it is the input) */
} rend;

int imp_looks_html(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB) i = 3;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) i++;
    if (i >= n || s[i] != '<') return 0;
    static const char *tags[] = {"<html", "<!doctype", "<body", "<table", "<head", "<meta", "<div", "<p>", "<p ", "<!--"};
    size_t lim = n < 4096 ? n : 4096;
    for (size_t k = i; k + 5 < lim; k++)
        for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++)
            if (k + strlen(tags[t]) <= lim && strncasecmp(s + k, tags[t], strlen(tags[t])) == 0) return 1;
    return 0;
}

static int is_name(const xmlNode *n, const char *nm)
{
    return n && n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, nm) == 0;
}

static int skipped(const xmlNode *n)
{
    static const char *names[] = {"script", "style", "noscript", "iframe", "select", "textarea", "button",
                                  "head", "title", "svg", "object", "template", "option"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) if (is_name(n, names[i])) return 1;
    return 0;
}

static int is_block(const xmlNode *n)
{
    static const char *names[] = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
                                  "dd", "section", "article", "center", "blockquote", "pre", "form", "header",
                                  "footer", "nav", "hr", "table", "tr", "caption", "address", "main", "aside"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) if (is_name(n, names[i])) return 1;
    return 0;
}

/* ---- output with the byte map ---- */

static void put(rend *r, const char *s, size_t n, uint32_t src, int advance)
{
    uint32_t o = src;
    for (size_t i = 0; i < n; i++) {
        o = advance ? src + (uint32_t)i : src;
        if (o > r->inlen)
            o = r->inlen;
        ARRAY_PUSH(r->c->a, r->map, r->nmap, r->inmap ? r->inmap[o] : o);
    }
    buf_put(&r->out, s, n);
    if (n)
        r->last = o;
}

static void newline(rend *r)
{
    if (!r->bol) put(r, "\n", 1, r->last, 0);
    r->bol = 1;
    r->space = 0;
}

static const char *find_bytes(const char *h, size_t hn, const char *nd, size_t k)
{
    for (size_t i = 0; i + k <= hn; i++)
        if (h[i] == nd[0] && memcmp(h + i, nd, k) == 0) return h + i;
    return NULL;
}

/* Where a text node's content starts in the input (best effort). */
static uint32_t locate(rend *r, const xmlNode *t)
{
    const gir_source *src = r->c->src;
    long line = t->parent ? xmlGetLineNo(t->parent) : xmlGetLineNo(t);
    uint32_t from = r->cursor;
    if (!r->inmap && line > 0 && (uint32_t)line <= src->nlines && src->line_start[line - 1] > from) from = src->line_start[line - 1];
    const char *s = (const char *)t->content;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    size_t k = 0;
    while (s[k] && k < 24 && s[k] != '&' && s[k] != '<' && s[k] != '>' && s[k] != '"' && s[k] != '\'' &&
           !((unsigned char)s[k] == 0xC2 && (unsigned char)s[k + 1] == 0xA0)) k++;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;   /* whole characters */
    if (k >= 3) {
        size_t lim = r->inlen - from < 65536 ? r->inlen - from : 65536;
        const char *hit = find_bytes(r->in + from, lim, s, k);
        if (hit) {
            r->cursor = (uint32_t)(hit - r->in);
            return r->cursor;
        }
    }
    return from;
}

/* Appends text, collapsing white space (NBSP counts as space). */
static void text(rend *r, const xmlNode *t)
{
    const char *s = (const char *)t->content;
    if (!s || !*s) return;
    uint32_t base = locate(r, t);
    const char *start = s;
    const char *p = s;
    while (*p) {
        unsigned char ch = (unsigned char)*p;
        int ws = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f';
        int nb = ch == 0xC2 && (unsigned char)p[1] == 0xA0;
        if (ws || nb) { r->space = 1; p += nb ? 2 : 1; continue; }
        const char *q = p;
        while (*q) {
            unsigned char c2 = (unsigned char)*q;
            if (c2 == ' ' || c2 == '\t' || c2 == '\n' || c2 == '\r' || c2 == '\f' ||
                (c2 == 0xC2 && (unsigned char)q[1] == 0xA0)) break;
            q++;
        }
        if (r->space && !r->bol) put(r, " ", 1, base + (uint32_t)(p - start), 0);
        r->space = 0;
        r->bol = 0;
        put(r, p, (size_t)(q - p), base + (uint32_t)(p - start), 1);
        p = q;
    }
}

/* ---- tables ---- */

static int has_table_inside(const xmlNode *n, int depth)
{
    if (depth > MAX_DEPTH) return 0;
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (is_name(k, "table")) return 1;
        if (k->type == XML_ELEMENT_NODE && has_table_inside(k, depth + 1)) return 1;
    }
    return 0;
}

/* The text of a cell, on one line ('|' would split it: written '/'). */
static void cell_text(rend *r, const xmlNode *n, int depth)
{
    if (depth > MAX_DEPTH) return;
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
            size_t at = r->out.n;
            text(r, k);
            for (size_t i = at; i < r->out.n; i++) if (r->out.p[i] == '|') r->out.p[i] = '/';
        } else if (k->type == XML_ELEMENT_NODE && !skipped(k)) {
            if (is_name(k, "br") || is_block(k)) r->space = 1;
            cell_text(r, k, depth + 1);
            if (is_block(k)) r->space = 1;
        }
    }
}

typedef struct gcell { const xmlNode *n; int row, col, rs, cs; } gcell;

static int span_attr(const xmlNode *n, const char *a, int max)
{
    xmlChar *v = xmlGetProp((xmlNodePtr)n, (const xmlChar *)a);
    if (!v) return 1;
    long x = strtol((const char *)v, NULL, 10);
    xmlFree(v);
    return x < 1 ? 1 : x > max ? max : (int)x;
}

static void collect_rows(const xmlNode *n, const xmlNode ***rows, size_t *nr, gir_arena *a, int depth)
{
    if (depth > 4) return;
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (is_name(k, "tr")) { if (*nr < MAX_ROWS) ARRAY_PUSH(a, *rows, *nr, k); }
        else if (is_name(k, "thead") || is_name(k, "tbody") || is_name(k, "tfoot")) collect_rows(k, rows, nr, a, depth + 1);
    }
}

static void render_table(rend *r, const xmlNode *tbl)
{
    gir_arena *a = r->c->a;
    const xmlNode **rows = NULL;
    size_t nr = 0;
    collect_rows(tbl, &rows, &nr, a, 0);
    if (!nr) return;
    gcell *cells = NULL;
    size_t nc = 0;
    int ncols = 0;
    int *grid = arena_alloc(a, nr * MAX_COLS * sizeof *grid);   /* cell index + 1, 0 = free */
    for (size_t i = 0; i < nr; i++) {
        int col = 0;
        for (const xmlNode *k = rows[i]->children; k; k = k->next) {
            if (!is_name(k, "td") && !is_name(k, "th")) continue;
            while (col < MAX_COLS && grid[i * MAX_COLS + (size_t)col]) col++;
            if (col >= MAX_COLS) break;
            gcell g = {k, (int)i, col, span_attr(k, "rowspan", MAX_ROWS), span_attr(k, "colspan", MAX_COLS)};
            if (g.rs > (int)(nr - i)) g.rs = (int)(nr - i);
            if (g.cs > MAX_COLS - col) g.cs = MAX_COLS - col;
            ARRAY_PUSH(a, cells, nc, g);
            for (int y = 0; y < g.rs; y++)
                for (int x = 0; x < g.cs; x++) grid[(i + (size_t)y) * MAX_COLS + (size_t)(col + x)] = (int)nc;
            col += g.cs;
            if (col > ncols) ncols = col;
        }
    }
    newline(r);
    imp_range rg = {(uint32_t)r->out.n, 0};
    for (size_t i = 0; i < nr; i++) {
        int emitted = 0;
        for (int col = 0; col < ncols; col++) {
            int k = grid[i * MAX_COLS + (size_t)col];
            if (!k) continue;
            const gcell *g = &cells[k - 1];
            if (g->row != (int)i) {        /* covered from an earlier row */
                if (emitted) { put(r, " |", 2, r->last, 0); r->bol = 0; }
                continue;
            }
            if (g->col != col) continue;   /* covered by a colspan in this row */
            if (emitted) put(r, " ", 1, r->last, 0);
            r->bol = 0;
            r->space = 0;
            size_t tb = r->out.n;
            cell_text(r, g->n, 0);
            int empty = r->out.n == tb;
            put(r, " |", 2, r->last, 0);
            if (empty) for (int x = 1; x < g->cs; x++) put(r, " |", 2, r->last, 0);
            r->bol = 0;
            emitted = 1;
        }
        newline(r);
    }
    rg.e = (uint32_t)r->out.n;
    ARRAY_PUSH(a, r->c->w.tables, r->c->w.ntables, rg);
}

static void render(rend *r, const xmlNode *first, int depth);

/* One node and what it holds. */
static void render_node(rend *r, const xmlNode *k, int depth)
{
    if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) { text(r, k); return; }
    if (k->type != XML_ELEMENT_NODE || skipped(k)) return;
    if (is_name(k, "br")) { newline(r); return; }
    if (is_name(k, "table") && !has_table_inside(k, 0)) { render_table(r, k); return; }
    int blk = is_block(k);
    if (blk) newline(r);
    render(r, k->children, depth + 1);
    if (blk) newline(r);
}

/* A node and its following siblings. */
static void render(rend *r, const xmlNode *first, int depth)
{
    if (depth > MAX_DEPTH) return;
    for (const xmlNode *k = first; k; k = k->next) render_node(r, k, depth);
}

/* ---- the report's container ---- */

static size_t text_len(const xmlNode *n, int depth, int skip_tables)
{
    if (depth > MAX_DEPTH) return 0;
    size_t t = 0;
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (k->type == XML_TEXT_NODE) t += k->content ? strlen((const char *)k->content) : 0;
        else if (k->type == XML_ELEMENT_NODE && !skipped(k) && !(skip_tables && is_name(k, "table")))
            t += text_len(k, depth + 1, skip_tables);
    }
    return t;
}

static void data_tables(const xmlNode *n, const xmlNode ***out, size_t *no, gir_arena *a, int depth)
{
    if (depth > MAX_DEPTH) return;
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE || skipped(k)) continue;
        if (is_name(k, "table") && !has_table_inside(k, 0)) { ARRAY_PUSH(a, *out, *no, k); continue; }
        data_tables(k, out, no, a, depth + 1);
    }
}

static int is_ancestor(const xmlNode *a, const xmlNode *n)
{
    for (; n; n = n->parent) if (n == a) return 1;
    return 0;
}

static const xmlNode *container(imp_ctx *c, const xmlNode *body)
{
    const xmlNode **t = NULL;
    size_t nt = 0;
    data_tables(body, &t, &nt, c->a, 0);
    const xmlNode *lca = NULL;
    for (size_t i = 0; i < nt; i++) {
        if (text_len(t[i], 0, 0) < 20) continue;
        if (!lca) { lca = t[i]; continue; }
        while (lca && !is_ancestor(lca, t[i])) lca = lca->parent;
    }
    if (!lca) return body;
    /* up from the tables until the element holds prose too */
    size_t all = text_len(body, 0, 1);
    while (lca->parent && lca != body) {
        size_t mine = text_len(lca, 0, 1);
        if (mine >= 200 || (mine >= 20 && mine * 5 >= all * 2)) break;
        lca = lca->parent;
    }
    return lca;
}

/* ---- the head ---- */

static void free_xml(void *p) { xmlFree(p); }

/* A copy in the arena of what libxml2 returned (freed here, or with the
 * arena when the copy runs out of memory); NULL for NULL. */
static const char *xml_copy(imp_ctx *c, gir_defer *d, xmlChar *v)
{
    arena_defer_set(d, v);
    const char *s = v ? arena_strdup(c->a, (const char *)v) : NULL;
    arena_release(d);
    return s;
}

/* An attribute of k, copied into the arena, or NULL. */
static const char *attr(imp_ctx *c, const xmlNode *k, const char *name)
{
    gir_defer *d = arena_defer(c->a, free_xml, NULL);
    if (!d)
        return NULL;
    return xml_copy(c, d, xmlGetProp((xmlNodePtr)k, (const xmlChar *)name));
}

/* The text of k, copied into the arena, or NULL. */
static const char *content(imp_ctx *c, const xmlNode *k)
{
    gir_defer *d = arena_defer(c->a, free_xml, NULL);
    if (!d)
        return NULL;
    return xml_copy(c, d, xmlNodeGetContent((xmlNodePtr)k));
}

/* One <meta name=… content=…> of the head. */
static void head_meta(imp_ctx *c, const xmlNode *k)
{
    const char *n = attr(c, k, "name");
    const char *v = attr(c, k, "content");
    if (!n || !v || !*v)
        return;
    if (!strcasecmp(n, "ArticleTitle"))
        c->w.title = v;
    else if (!strcasecmp(n, "PubDate") || !strcasecmp(n, "publishdate") || !strcasecmp(n, "firstpublishedtime"))
        c->w.date = v;
    else if ((!strcasecmp(n, "Author") || !strcasecmp(n, "ContentSource")) && !c->w.author)
        c->w.author = v;
}

static void head_info(imp_ctx *c, const xmlNode *html)
{
    const xmlNode *head = NULL;
    for (const xmlNode *k = html ? html->children : NULL; k; k = k->next)
        if (is_name(k, "head"))
            head = k;
    if (!head)
        return;
    for (const xmlNode *k = head->children; k; k = k->next) {
        if (is_name(k, "title") && !c->w.title)
            c->w.title = content(c, k);
        if (is_name(k, "meta"))
            head_meta(c, k);
    }
}

static void free_doc(void *p) { xmlFreeDoc(p); }

/* A numeric character reference at s[i] ("&#0;", "&#x1F"): its length,
 * and *cp its value; 0 when there is none. */
static size_t char_ref(const char *s, size_t i, size_t n, unsigned long *cp)
{
    if (i + 2 >= n || s[i] != '&' || s[i + 1] != '#') return 0;
    size_t j = i + 2;
    int hex = j < n && (s[j] == 'x' || s[j] == 'X');
    j += (size_t)hex;
    size_t d = j;
    *cp = 0;
    while (j < n && (hex ? strchr("0123456789abcdefABCDEF", s[j]) != NULL : (s[j] >= '0' && s[j] <= '9')) && s[j]) {
        unsigned v = (unsigned)(s[j] <= '9' ? s[j] - '0' : (s[j] | 0x20) - 'a' + 10);
        if (*cp < 0x110000) *cp = *cp * (hex ? 16 : 10) + v;
        j++;
    }
    if (j == d) return 0;
    if (j < n && s[j] == ';') j++;
    return j - i;
}

/* The HTML to parse: a copy in which every reference to NUL or another
 * control character (C0 but tab, LF, CR; DEL; C1) is spaces of its
 * length, so that it separates what is around it ("1&#0;2" is 1 and 2,
 * never 12). Counts them in c->w.nctl, the first at c->w.first_ctl
 * (input bytes). */
static char *control_refs(imp_ctx *c, const char *in, uint32_t n, const uint32_t *map)
{
    char *p = NULL;
    for (uint32_t i = 0; i < n; i++) {
        unsigned long cp = 0;
        size_t k = in[i] == '&' ? char_ref(in, i, n, &cp) : 0;
        if (!k) continue;
        int ctl = (cp < 0x20 && cp != 9 && cp != 10 && cp != 13) || (cp >= 0x7F && cp <= 0x9F);
        if (!ctl) { i += (uint32_t)k - 1; continue; }
        if (!p) { p = arena_alloc(c->a, (size_t)n + 1); memcpy(p, in, n); p[n] = 0; }
        if (!c->w.nctl++) c->w.first_ctl = map ? map[i] : i;
        memset(p + i, ' ', k);
        i += (uint32_t)k - 1;
    }
    return p ? p : (char *)in;
}


/* Parses n bytes of HTML; the document is released with the arena if an
 * allocation fails, else through *d. NULL when libxml2 fails. */
static htmlDocPtr parse_html(imp_ctx *c, const char *s, uint32_t n, gir_defer **d)
{
    *d = arena_defer(c->a, free_doc, NULL);
    if (!*d)
        return NULL;
    htmlDocPtr doc = htmlReadMemory(s, (int)n, NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    arena_defer_set(*d, doc);
    return doc;
}

/* The page's head (title, meta) when the report is HTML from a script. */
static void outer_head(imp_ctx *c)
{
    gir_defer *d = NULL;
    htmlDocPtr doc = parse_html(c, c->src->text, c->src->len, &d);
    if (doc)
        head_info(c, xmlDocGetRootElement(doc));
    if (d)
        arena_release(d);
}

int imp_html_render(imp_ctx *c)
{
    const gir_source *src = c->src;
    const char *in = c->html_in ? c->html_in : src->text;
    uint32_t inlen = c->html_in ? (uint32_t)c->html_n : src->len;
    if (c->html_in && imp_looks_html(src->text, src->len))
        outer_head(c);
    in = control_refs(c, in, inlen, c->html_map);
    gir_defer *d = NULL;
    htmlDocPtr doc = parse_html(c, in, inlen, &d);
    if (!doc)
        return 0;
    const xmlNode *html = xmlDocGetRootElement(doc);
    const xmlNode *body = NULL;
    for (const xmlNode *k = html ? html->children : NULL; k; k = k->next)
        if (is_name(k, "body"))
            body = k;
    if (!body)
        body = html;
    head_info(c, html);
    rend r = {0};
    r.c = c;
    r.bol = 1;
    r.in = in;
    r.inlen = inlen;
    r.inmap = c->html_map;
    buf_init(&r.out, c->a);
    if (body) {
        const xmlNode *root = container(c, body);
        c->w.chrome = text_len(body, 0, 0) - text_len(root, 0, 0);
        render_node(&r, root, 0);
    }
    newline(&r);
    uint32_t end = src->len;          /* the entry for the end of the text */
    ARRAY_PUSH(c->a, r.map, r.nmap, end);
    c->w.s = (char *)buf_cstr(&r.out);
    c->w.n = (uint32_t)r.out.n;
    c->w.map = r.map;
    c->w.html = 1;
    arena_release(d);
    return 1;
}

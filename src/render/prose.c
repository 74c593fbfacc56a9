/* prose.c - a section's CommonMark prose for the back ends: parsed by
 * libcmark and made safe to render (render_prose_tree), in memory that
 * libcmark takes through its allocator hooks (cmark_mem) from the
 * render's gir_mem. libcmark's own allocator aborts the process when
 * memory runs out; these hooks instead take the arena's out-of-memory
 * path, which unwinds to gir_render's protected call. Every block
 * libcmark holds is on a list, so the unwind (or the end of the render)
 * gives back all of them: the list is an arena_defer release. */
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include "render.h"
#include "base/array.h"

/* One block handed to libcmark, behind its header. */
typedef struct cm_chunk cm_chunk;
struct cm_chunk {
    cm_chunk *prev, *next;
    render_cmark *owner;
    size_t size;
};
#define CM_HDR ((sizeof(cm_chunk) + 15u) & ~(size_t)15u)   /* keeps the block 16-aligned */

struct render_cmark {
    cmark_mem mem;             /* the hooks libcmark calls */
    gir_mem gm;                /* where blocks come from */
    gir_arena *a;              /* whose protected call unwinds */
    cm_chunk live;             /* sentinel of the blocks libcmark holds */
    gir_defer *release;
    render_cmark *outer;       /* the render in progress before this one */
};

/* libcmark's hooks take no context: calloc and realloc(NULL) serve the
 * render in progress (one at a time; a nested one restores the outer). */
static render_cmark *current;

static void *chunk_data(cm_chunk *c)
{
    return (unsigned char *)c + CM_HDR;
}

static cm_chunk *chunk_of(void *p)
{
    return (cm_chunk *)(void *)((unsigned char *)p - CM_HDR);
}

static void chunk_link(render_cmark *cm, cm_chunk *c)
{
    c->owner = cm;
    c->prev = &cm->live;
    c->next = cm->live.next;
    cm->live.next->prev = c;
    cm->live.next = c;
}

static void chunk_unlink(cm_chunk *c)
{
    c->prev->next = c->next;
    c->next->prev = c->prev;
}

/* Out of memory inside libcmark: an arena request that cannot be met
 * takes the arena's failure path, which inside the protected call
 * unwinds (arena.h) and never returns. */
static void *cm_out_of_memory(render_cmark *cm)
{
    return arena_alloc(cm->a, SIZE_MAX);
}

static cm_chunk *chunk_new(render_cmark *cm, size_t n)
{
    if (n > SIZE_MAX - CM_HDR) return cm_out_of_memory(cm);
    cm_chunk *c = cm->gm.malloc_fn(CM_HDR + n, cm->gm.ud);
    if (!c) return cm_out_of_memory(cm);
    c->size = n;
    chunk_link(cm, c);
    return c;
}

static void *cm_calloc(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) return cm_out_of_memory(current);
    size_t n = count * size;
    cm_chunk *c = chunk_new(current, n);
    if (!c) return NULL;
    memset(chunk_data(c), 0, n);
    return chunk_data(c);
}

static void cm_free(void *p)
{
    if (!p) return;
    cm_chunk *c = chunk_of(p);
    render_cmark *cm = c->owner;
    chunk_unlink(c);
    cm->gm.free_fn(c, cm->gm.ud);
}

static void *cm_realloc(void *p, size_t n)
{
    render_cmark *cm = p ? chunk_of(p)->owner : current;
    cm_chunk *c = chunk_new(cm, n);
    if (!c) return NULL;
    if (p) {
        size_t old = chunk_of(p)->size;
        memcpy(chunk_data(c), p, old < n ? old : n);
        cm_free(p);
    }
    return chunk_data(c);
}

/* The arena_defer release: every block still held, then the render. */
static void cm_release(void *p)
{
    render_cmark *cm = p;
    while (cm->live.next != &cm->live) cm_free(chunk_data(cm->live.next));
    if (current == cm) current = cm->outer;
}

render_cmark *render_cmark_open(gir_arena *a, const gir_mem *mem)
{
    gir_defer *d = arena_defer(a, cm_release, NULL);
    render_cmark *cm = arena_alloc(a, sizeof *cm);
    cm->mem.calloc = cm_calloc;
    cm->mem.realloc = cm_realloc;
    cm->mem.free = cm_free;
    cm->gm = mem ? *mem : *gir_mem_default();
    cm->a = a;
    cm->live.next = &cm->live;
    cm->live.prev = &cm->live;
    cm->release = d;
    cm->outer = current;
    current = cm;
    arena_defer_set(d, cm);
    return cm;
}

void render_cmark_close(render_cmark *cm)
{
    if (cm) arena_release(cm->release);
}

void render_cmark_free(gir_renderer *rr, void *p)
{
    (void)rr;
    cm_free(p);
}

/* ---- making the tree safe ---- */

static cmark_node *text_node(gir_renderer *rr, cmark_node_type type, const char *s, size_t n)
{
    cmark_node *t = cmark_node_new_with_mem(type, &rr->cmark->mem);
    cmark_node_set_literal(t, arena_strndup(rr->a, s, n));
    return t;
}

/* A paragraph holding literal's lines as inline nodes of `type` (TEXT or
 * CODE), separated by hard line breaks; inserted before `at`. */
static void lines_paragraph(gir_renderer *rr, cmark_node *at, const char *lit, cmark_node_type type)
{
    cmark_node *p = cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH, &rr->cmark->mem);
    size_t n = lit ? strlen(lit) : 0;
    while (n && (lit[n - 1] == '\n' || lit[n - 1] == '\r')) n--;
    size_t s = 0;
    int first = 1;
    while (s <= n) {
        size_t e = s;
        while (e < n && lit[e] != '\n') e++;
        size_t len = e - s;
        if (len && lit[s + len - 1] == '\r') len--;
        if (!first) cmark_node_append_child(p, cmark_node_new_with_mem(CMARK_NODE_LINEBREAK, &rr->cmark->mem));
        if (len) cmark_node_append_child(p, text_node(rr, type, lit + s, len));
        first = 0;
        s = e + 1;
    }
    cmark_node_insert_before(at, p);
}

/* Moves every child of n before n. */
static void hoist_children(cmark_node *n)
{
    cmark_node *k;
    while ((k = cmark_node_first_child(n)) != NULL) cmark_node_insert_before(n, k);
}

/* The plain text of an inline subtree (for comparing link text with its URL). */
static int is_plain_text(cmark_node *n, const char *url)
{
    cmark_node *k = cmark_node_first_child(n);
    if (!k || cmark_node_next(k) || cmark_node_get_type(k) != CMARK_NODE_TEXT) return 0;
    const char *lit = cmark_node_get_literal(k);
    if (!lit) return 0;
    if (strcmp(lit, url) == 0) return 1;
    return strncmp(url, "mailto:", 7) == 0 && strcmp(lit, url + 7) == 0;
}

/* The URL schemes cmark's HTML writer blanks (its _scan_dangerous_url):
 * javascript:, vbscript:, file:, and data: except raster images. */
static int dangerous_url(const char *u)
{
    static const char *const bad[] = {"javascript:", "vbscript:", "file:", "data:"};
    static const char *const ok_data[] = {"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"};
    for (size_t i = 0; i < 4; i++)
        if (strncasecmp(u, bad[i], strlen(bad[i])) == 0) {
            if (i < 3) return 1;
            for (size_t k = 0; k < 4; k++)
                if (strncasecmp(u, ok_data[k], strlen(ok_data[k])) == 0) return 0;
            return 1;
        }
    return 0;
}

/* Raw HTML is never passed through: it becomes its own text. */
static void html_block_to_text(gir_renderer *rr, cmark_node *n)
{
    lines_paragraph(rr, n, cmark_node_get_literal(n), CMARK_NODE_TEXT);
    cmark_node_free(n);
}

static void html_inline_to_text(gir_renderer *rr, cmark_node *n)
{
    const char *lit = cmark_node_get_literal(n);
    cmark_node_insert_before(n, text_node(rr, CMARK_NODE_TEXT, lit ? lit : "", lit ? strlen(lit) : 0));
    cmark_node_free(n);
}

/* LaTeX: \href/\url arguments are not fully escaped by cmark; print the
 * text and the address as ordinary (escaped) text. */
static void link_to_latex_text(gir_renderer *rr, cmark_node *n)
{
    const char *url = cmark_node_get_url(n);
    int same = url && is_plain_text(n, url);
    hoist_children(n);
    if (url && *url && !same) {
        const char *s = arena_printf(rr->a, "（%s）", url);
        cmark_node_insert_before(n, text_node(rr, CMARK_NODE_TEXT, s, strlen(s)));
    }
    cmark_node_free(n);
}

static void make_safe(gir_renderer *rr, cmark_node *n, int heading_shift, int flags)
{
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_HEADING: {
        int lv = cmark_node_get_heading_level(n) + heading_shift;
        cmark_node_set_heading_level(n, lv > 6 ? 6 : lv);
        break;
    }
    case CMARK_NODE_HTML_BLOCK:
        html_block_to_text(rr, n);
        break;
    case CMARK_NODE_HTML_INLINE:
        html_inline_to_text(rr, n);
        break;
    case CMARK_NODE_CODE_BLOCK:
        /* cmark's LaTeX writer puts code blocks in verbatim unescaped,
         * so "\end{verbatim}" inside one would run TeX: make it code
         * spans (escaped) on separate lines instead. */
        if (flags & PROSE_LATEX) {
            lines_paragraph(rr, n, cmark_node_get_literal(n), CMARK_NODE_CODE);
            cmark_node_free(n);
        }
        break;
    case CMARK_NODE_IMAGE:
        /* LaTeX: \includegraphics would read the named file; keep the
         * alt text only */
        if (flags & PROSE_LATEX) {
            hoist_children(n);
            cmark_node_free(n);
        }
        break;
    case CMARK_NODE_LINK:
        if (flags & PROSE_LATEX) {
            link_to_latex_text(rr, n);
        } else if (dangerous_url(cmark_node_get_url(n) ? cmark_node_get_url(n) : "")) {
            /* a link cmark would blank (href="") becomes its text */
            hoist_children(n);
            cmark_node_free(n);
        }
        break;
    default:
        break;
    }
}

/* Does make_safe change nodes of this type? */
static int needs_care(cmark_node_type t)
{
    return t == CMARK_NODE_HEADING || t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE ||
           t == CMARK_NODE_CODE_BLOCK || t == CMARK_NODE_IMAGE || t == CMARK_NODE_LINK;
}

static cmark_node *prose_tree(gir_renderer *rr, const char *md, size_t len, int heading_shift, int flags)
{
    cmark_parser *p = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, &rr->cmark->mem);
    cmark_parser_feed(p, md, len);
    cmark_node *doc = cmark_parser_finish(p);
    cmark_parser_free(p);
    /* only the nodes make_safe changes: text, paragraphs and emphasis,
     * nearly all of a report, are not kept */
    cmark_node **v = NULL;
    size_t n = 0;
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *k = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER && needs_care(cmark_node_get_type(k))) ARRAY_PUSH(rr->a, v, n, k);
    }
    cmark_iter_free(it);
    /* reverse pre-order: a node's descendants are handled before it */
    for (size_t i = n; i-- > 0;) make_safe(rr, v[i], heading_shift, flags);
    return doc;
}

cmark_node *render_prose_tree(gir_renderer *rr, const char *md, int heading_shift, int flags)
{
    return prose_tree(rr, md, strlen(md), heading_shift, flags);
}

/* One top-level block in cmark's HTML or LaTeX; NULL after an unknown kind. */
static char *render_block(cmark_node *k, int latex)
{
    return latex ? cmark_render_latex(k, CMARK_OPT_DEFAULT, 0) : cmark_render_html(k, CMARK_OPT_DEFAULT);
}

/* HTML: a top-level paragraph an inline at a time, each freed once
 * written, as cmark's writer gives it ("<p>", its inlines, "</p>\n"; a
 * paragraph outside a list is never tight), so that one long paragraph
 * is never held rendered whole. */
static void write_paragraph(gir_renderer *rr, cmark_node *k, void (*put)(gir_sink *out, const char *s))
{
    put(rr->out, "<p>");
    cmark_node *c;
    while ((c = cmark_node_first_child(k)) != NULL) {
        char *s = cmark_render_html(c, CMARK_OPT_DEFAULT);
        put(rr->out, s);
        render_cmark_free(rr, s);
        cmark_node_free(c);
    }
    put(rr->out, "</p>\n");
}

/* Writes doc's blocks, freeing each once written; *first: nothing written yet. */
static void write_blocks(gir_renderer *rr, cmark_node *doc, int latex, void (*put)(gir_sink *out, const char *s), int *first)
{
    cmark_node *k;
    while ((k = cmark_node_first_child(doc)) != NULL) {
        if (!latex && cmark_node_get_type(k) == CMARK_NODE_PARAGRAPH) {
            write_paragraph(rr, k, put);
            cmark_node_free(k);
            continue;
        }
        char *s = render_block(k, latex);
        /* LaTeX: the writer ends a lone block with one line end where
         * the document has a blank line between blocks, and an empty
         * block adds nothing */
        int empty = latex && strcmp(s, "\n") == 0;
        if (!empty && latex && !*first) put(rr->out, "\n");
        if (!empty) put(rr->out, s);
        *first = *first && empty;
        render_cmark_free(rr, s);
        cmark_node_free(k);
    }
}

void render_prose_write(gir_renderer *rr, cmark_node *doc, int latex, void (*put)(gir_sink *out, const char *s))
{
    int first = 1;
    write_blocks(rr, doc, latex, put, &first);
    cmark_node_free(doc);
    if (latex && first) put(rr->out, "\n");   /* the writer's line end of an empty document */
}

/* ---- long prose in pieces ----
 *
 * A piece ends where no block of the document is open: after a blank
 * line, before a line that starts at its first column with neither a
 * space nor a list marker (a blank line ends a paragraph, a block quote
 * and an indented code block; a line at the first column that is not an
 * item ends a list). Only prose that has no link reference definition
 * ("]:"), which a later piece could use, no raw HTML or autolink ("<"),
 * whose blocks may span blank lines, and no fence ("```", "~~~") is cut. */

#define PROSE_PIECE (64u * 1024u)   /* prose shorter than this is one piece */

/* Does md (n bytes) hold the k bytes of w? */
static int holds(const char *md, size_t n, const char *w, size_t k)
{
    for (const char *p = md, *e = md + n; (p = memchr(p, w[0], (size_t)(e - p))) != NULL; p++)
        if ((size_t)(e - p) >= k && memcmp(p, w, k) == 0) return 1;
    return 0;
}

static int cuttable(const char *md, size_t n)
{
    return !memchr(md, '<', n) && !holds(md, n, "]:", 2) && !holds(md, n, "```", 3) && !holds(md, n, "~~~", 3);
}

/* Does the line at p (before e) start with a list item's marker? */
static int list_marker(const char *p, const char *e)
{
    const char *q = p;
    if (*q == '-' || *q == '+' || *q == '*') q++;
    else {
        while (q < e && q - p < 10 && *q >= '0' && *q <= '9') q++;
        if (q == p || q >= e || (*q != '.' && *q != ')')) return 0;
        q++;
    }
    return q >= e || *q == ' ' || *q == '\t' || *q == '\n' || *q == '\r';
}

static int blank_line(const char *p, const char *e)
{
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\r')) p++;
    return p >= e || *p == '\n';
}

/* The first place at or after from (a line start) where a piece may
 * end, or n. */
static size_t next_cut(const char *md, size_t from, size_t n)
{
    const char *e = md + n;
    int prev_blank = 0;
    for (size_t i = from; i < n;) {
        const char *l = md + i;
        const char *nl = memchr(l, '\n', n - i);
        size_t next = nl ? (size_t)(nl - md) + 1 : n;
        if (prev_blank && *l != ' ' && *l != '\t' && *l != '\n' && *l != '\r' && !list_marker(l, e)) return i;
        prev_blank = blank_line(l, e);
        i = next;
    }
    return n;
}

void render_prose_pieces(gir_renderer *rr, const char *md, int heading_shift, int flags,
                         void (*each)(gir_renderer *rr, cmark_node *doc, void *ud), void *ud)
{
    size_t n = strlen(md);
    int cut = n > PROSE_PIECE && cuttable(md, n);
    size_t at = 0;
    do {
        size_t end = n;
        if (cut && n - at > PROSE_PIECE) {
            const char *nl = memchr(md + at + PROSE_PIECE, '\n', n - at - PROSE_PIECE);
            end = nl ? next_cut(md, (size_t)(nl - md) + 1, n) : n;
        }
        cmark_node *doc = prose_tree(rr, md + at, end - at, heading_shift, flags);
        each(rr, doc, ud);
        cmark_node_free(doc);
        at = end;
    } while (at < n);
}

/* render_prose_each's state between pieces. */
typedef struct each_write {
    int latex;
    void (*put)(gir_sink *out, const char *s);
    int first;
} each_write;

static void write_piece(gir_renderer *rr, cmark_node *doc, void *ud)
{
    each_write *w = ud;
    write_blocks(rr, doc, w->latex, w->put, &w->first);
}

void render_prose_each(gir_renderer *rr, const char *md, int heading_shift, int flags, int latex,
                       void (*put)(gir_sink *out, const char *s))
{
    each_write w = {latex, put, 1};
    render_prose_pieces(rr, md, heading_shift, flags, write_piece, &w);
    if (latex && w.first) put(rr->out, "\n");
}

/* complete.c - textDocument/completion. The context comes from the
 * token stream up to the cursor (so it works while the text does not
 * parse): the brace depth, the top-level item (report header, report
 * table, template) and the tokens already on the cursor's line. Offers
 * row labels and aliases at the start of a table row, COLUMN= names after
 * a row label (for the row's block), section and table names after
 * `section` / `table`, header fields, template names after `template`,
 * agency kinds after `kind`, and keywords. Keywords, fields and kinds are
 * those syntax/lang.h declares; template names those of the embedded
 * stdlib. Every item replaces the identifier being typed (textEdit); row
 * and column labels carry the same documentation as hover (markdown or
 * plain text, as the client's documentationFormat asks). A row or column
 * is found by its short name, aliases, official label (with or without
 * its numbering) and the names and labels of its groups: filterText is
 * the first of those that starts with (else contains, from the match on)
 * what is typed, since clients match filterText by prefix. A row whose
 * official label is being typed from its numbering (`1.` at the start of
 * a row) is offered with the numbering replaced. */
#include <string.h>
#include "syntax/lang.h"
#include "syntax/lexer.h"
#include "internal.h"
#include "parser.h"
#include "template/stdlib_data.h"
#include "base/utf8.h"

enum { CIK_FIELD = 5, CIK_CLASS = 7, CIK_MODULE = 9, CIK_PROPERTY = 10, CIK_VALUE = 12, CIK_KEYWORD = 14, CIK_ENUMMEMBER = 20, CIK_STRUCT = 22 };

typedef struct ltok { int kind; gir_span sp; const char *str; } ltok;
typedef struct ltok_view { int kind; uint32_t start; } ltok_view;

typedef struct cctx {
    lsp_server *s;
    gir_arena *a;
    const gir_source *src;
    cJSON *items;
    uint32_t from, to;            /* the identifier being replaced */
    int n;
    const char *typed;            /* src[from, to) */
    const char *filter;           /* the next item's filterText, or NULL */
} cctx;

static int ident_cp(uint32_t c, int first)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') return 1;
    if (!first && c >= '0' && c <= '9') return 1;
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x3134F);
}

static int is_ident(const char *s)
{
    const unsigned char *p = (const unsigned char *)s, *e = p + strlen(s);
    if (p == e) return 0;
    for (int first = 1; p < e; first = 0) {
        uint32_t c;
        int k = utf8_decode(p, e, &c);
        if (k < 0 || !ident_cp(c, first)) return 0;
        p += k;
    }
    return 1;
}

/* Start of the identifier that ends at off. */
static uint32_t word_start(const gir_source *src, uint32_t off)
{
    uint32_t p = off;
    while (p > 0) {
        uint32_t q = p - 1;
        while (q > 0 && ((unsigned char)src->text[q] & 0xC0) == 0x80 && p - q < 4) q--;
        uint32_t c;
        int k = utf8_decode((const unsigned char *)src->text + q, (const unsigned char *)src->text + p, &c);
        if (k < 0 || (uint32_t)k != p - q || !ident_cp(c, 0)) break;
        p = q;
    }
    return p;
}

static void add(cctx *c, const char *label, int kind, const char *detail, const char *doc, const char *insert)
{
    cJSON *it = cJSON_CreateObject();
    lsp_add_str(it, "label", label);
    cJSON_AddNumberToObject(it, "kind", kind);
    if (detail && *detail) lsp_add_str(it, "detail", detail);
    if (doc && *doc) cJSON_AddItemToObject(it, "documentation", lsp_markup(c->a, doc, c->s->complete_plain));
    if (c->filter) lsp_add_str(it, "filterText", c->filter);
    cJSON_AddItemToObject(it, "sortText", cJSON_CreateString(arena_printf(c->a, "%05d", c->n++)));
    cJSON *te = cJSON_AddObjectToObject(it, "textEdit");
    cJSON_AddItemToObject(te, "range", lsp_range_json(c->s, c->src, (gir_span){c->from, c->to}));
    lsp_add_str(te, "newText", insert ? insert : label);
    cJSON_AddItemToArray(c->items, it);
}

/* A name as it must be written: identifiers bare, anything else quoted. */
static const char *written(cctx *c, const char *name)
{
    return is_ident(name) ? name : arena_printf(c->a, "\"%s\"", name);
}

static void add_named(cctx *c, const char *name, const char *label, const char *const *aliases, size_t nal,
                      int kind, const char *doc, const char *suffix)
{
    add(c, name, kind, label, doc, arena_printf(c->a, "%s%s", written(c, name), suffix));
    for (size_t i = 0; i < nal; i++)
        add(c, aliases[i], kind, arena_printf(c->a, "→ %s  %s", name, label ? label : ""), doc,
            arena_printf(c->a, "%s%s", written(c, aliases[i]), suffix));
}

/* An official label without its numbering: "（三）不予公开" -> "不予公开",
 * "1.属于国家秘密" -> "属于国家秘密", "一、本年新收" -> "本年新收". */
static const char *unnumbered(const char *l)
{
    const char *p = l;
    if (strncmp(p, "（", 3) == 0) {
        const char *q = strstr(p, "）");
        return q && q - p <= 12 ? q + 3 : l;
    }
    while (*p >= '0' && *p <= '9') p++;
    if (p > l && (*p == '.' || strncmp(p, "．", 3) == 0)) return p + (*p == '.' ? 1 : 3);
    const char *q = strstr(l, "、");
    return q && q - l <= 9 ? q + 3 : l;
}

/* Sets c->filter for h: the first of its names, labels and its groups'
 * that starts with what is typed, else the first that contains it (from
 * the match on); NULL (the label) when nothing is typed or nothing fits. */
static void pick_filter(cctx *c, const gir_hnode *h)
{
    c->filter = NULL;
    if (!c->typed || !*c->typed) return;
    const char *cand[40];
    size_t n = 0;
    for (const gir_hnode *x = h; x && x->depth >= 0 && n + 4 + x->naliases <= 40; x = x->parent) {
        cand[n++] = x->name;
        for (size_t i = 0; i < x->naliases; i++) cand[n++] = x->aliases[i];
        if (x->label && *x->label) cand[n++] = x->label;
        if (x->label && *x->label) cand[n++] = unnumbered(x->label);
    }
    size_t len = strlen(c->typed);
    for (size_t i = 0; i < n; i++)
        if (strncmp(cand[i], c->typed, len) == 0) { c->filter = cand[i]; return; }
    for (size_t i = 0; i < n; i++) {
        const char *m = strstr(cand[i], c->typed);
        if (m) { c->filter = m; return; }
    }
}

static void add_hnodes(cctx *c, const gir_ttable *t, gir_hnode *const *v, size_t n, int is_col)
{
    for (size_t i = 0; i < n; i++) {
        const gir_hnode *h = v[i];
        pick_filter(c, h);
        add_named(c, h->name, lsp_hnode_path(c->a, h), h->aliases, h->naliases, is_col ? CIK_PROPERTY : CIK_FIELD,
                  lsp_hnode_doc(c->s, c->a, t, h, is_col), is_col ? "=" : "");
        c->filter = NULL;
    }
}

/* The rows of a numbered start of a row ("1." typed): rows whose official
 * label starts with the text from the line's first token to the cursor,
 * replacing it, with that text as filterText. 0 if the line is not one. */
static int numbered_rows(cctx *c, const gir_ttable *t, const ltok_view *line, int nline)
{
    for (int i = 0; i < nline; i++)
        if (line[i].kind != NUMBER && line[i].kind != '.' && line[i].kind != YYerror && line[i].kind != YYUNDEF) return 0;
    if (nline == 0) return 0;
    uint32_t from = line[0].start;
    const char *typed = arena_strndup(c->a, c->src->text + from, c->to - from);
    uint32_t save = c->from;
    c->from = from;
    int any = 0;
    for (size_t b = 0; b < t->nblocks; b++)
        for (size_t i = 0; i < t->blocks[b]->nrows; i++) {
            const gir_hnode *h = t->blocks[b]->rows[i];
            if (!h->label || strncmp(h->label, typed, strlen(typed)) != 0) continue;
            c->filter = h->label;
            add(c, h->name, CIK_FIELD, lsp_hnode_path(c->a, h), lsp_hnode_doc(c->s, c->a, t, h, 0), written(c, h->name));
            any = 1;
        }
    c->filter = NULL;
    c->from = save;
    return any;
}

/* The keywords written where (GIR_KW_*), from syntax/keywords.def. */
static void keywords(cctx *c, int where)
{
    for (const gir_keyword *k = gir_keywords; k->word; k++)
        if (k->where & where) add(c, k->word, CIK_KEYWORD, NULL, NULL, NULL);
}

/* The header fields of syntax/fields.def, each followed by a space. */
static void fields(cctx *c)
{
    for (int i = 0; i < FIELD__COUNT; i++)
        add(c, gir_fields[i].name, CIK_PROPERTY, NULL, NULL, arena_printf(c->a, "%s ", gir_fields[i].name));
}

/* The canonical names of the agency kinds (syntax/kinds.def). */
static void kinds(cctx *c)
{
    for (int k = KIND_UNKNOWN + 1; k < KIND__COUNT; k++) add(c, gir_kind_names[k], CIK_ENUMMEMBER, NULL, NULL, NULL);
}

/* The templates embedded in the binary (the stdlib). */
static void templates(cctx *c)
{
    for (const gir_embedded *e = gir_stdlib; e->name; e++) add(c, e->name, CIK_VALUE, e->path, NULL, NULL);
}


cJSON *lsp_completion(lsp_server *s, const cJSON *params, lsp_err *err)
{
    uint32_t off = 0;
    lsp_doc *d = lsp_doc_at(s, params, &off, err);
    if (!d) return NULL;
    gir_arena *a = arena_new(NULL);
    if (!a) return NULL;
    const gir_source *src = &d->doc->src;
    cctx c = {s, a, src, cJSON_CreateArray(), word_start(src, off), off, 0, NULL, NULL};
    c.typed = arena_strndup(a, src->text + c.from, c.to - c.from);
    /* scan the tokens before the word */
    gir_diags dg;
    diags_init(&dg, a, s->lang);
    gir_lexer lx;
    lexer_init(&lx, a, &dg, src);
    lx.emit_comments = 1;
    uint32_t line0 = source_line_of(src, off), lstart = src->line_start[line0];
    int depth = 0;
    int top = 0;
    int inside = 0;
    const char *top_name = NULL, *tmpl = NULL;
    ltok line[4];
    int nline = 0;
    int prev = 0;
    for (;;) {
        gir_node *v = NULL;
        gir_span sp;
        int k = lexer_next(&lx, &v, &sp);
        if (k == YYEOF || sp.start >= c.from) break;
        if (k == STRING || k == PROSE || k == COMMENT) {
            uint32_t n = sp.end - sp.start;
            const char *e = src->text + sp.end;
            int closed = k == STRING ? n >= 2 && e[-1] == '"' : k == PROSE ? n >= 6 && memcmp(e - 3, "\"\"\"", 3) == 0 : 0;
            if (off > sp.start && (off < sp.end || (off == sp.end && !closed))) { inside = 1; break; }
        }
        if (k == NEWLINE || k == COMMENT) continue;
        if (k == '{') depth++;
        if (k == '}' && depth > 0) depth--;
        if (depth == 0 && (k == KW_REPORT || k == KW_TABLE || k == KW_SECTION || k == KW_TEMPLATE)) {
            top = k;
            top_name = NULL;
        }
        if (depth == 0 && top == KW_TABLE && prev == KW_TABLE && v && (k == IDENT || k == STRING)) top_name = v->str;
        if (depth == 1 && top == KW_REPORT && prev == KW_TEMPLATE && v && (k == IDENT || k == STRING)) tmpl = v->str;
        if (sp.start >= lstart) {
            if (nline < 4) line[nline++] = (ltok){k, sp, v ? v->str : NULL};
        }
        prev = k;
    }
    const gir_schema *sc = d->doc->report ? d->doc->report->schema : NULL;
    if (!sc && tmpl) sc = lsp_template_schema(s, tmpl);
    if (inside) {
        /* in a comment, string or prose block: nothing */
    } else if (depth == 0) {
        if (nline == 0) keywords(&c, GIR_KW_TOP);
        else if (nline == 1 && line[0].kind == KW_SECTION && sc)
            for (size_t i = 0; i < sc->nsections; i++) {
                const gir_tsection *x = sc->sections[i];
                add_named(&c, x->name, x->label, x->aliases, x->naliases, CIK_MODULE, NULL, "");
            }
        else if (nline == 1 && line[0].kind == KW_TABLE && sc)
            for (size_t i = 0; i < sc->ntables; i++) {
                const gir_ttable *x = sc->tables[i];
                add_named(&c, x->name, x->label, x->aliases, x->naliases, CIK_STRUCT, NULL, "");
            }
    } else if (top == KW_REPORT && depth == 1) {
        if (nline == 0) {
            fields(&c);
        } else if (nline == 1 && line[0].kind == KW_TEMPLATE) {
            templates(&c);
        } else if (nline == 1 && line[0].kind == IDENT && line[0].str && lang_field(line[0].str) == FIELD_KIND) {
            kinds(&c);
        }
    } else if (top == KW_TABLE && depth == 1 && sc && top_name) {
        const gir_ttable *t = schema_find_table(sc, a, top_name);
        int labelled = 0;
        for (size_t i = 0; t && i < t->nblocks; i++) labelled |= t->blocks[i]->rowlabels;
        ltok_view lv[4];
        for (int i = 0; i < nline; i++) lv[i] = (ltok_view){line[i].kind, line[i].sp.start};
        if (t && labelled && nline > 0 && numbered_rows(&c, t, lv, nline)) {
            /* the official label's numbering typed */
        } else if (t && labelled && nline == 0) {
            for (size_t i = 0; i < t->nblocks; i++) add_hnodes(&c, t, t->blocks[i]->rows, t->blocks[i]->nrows, 0);
        } else if (t) {
            int blk = 0;
            if (labelled && line[0].str) schema_find_row(t, a, line[0].str, &blk);
            if (blk < 0 || (size_t)blk >= t->nblocks) blk = 0;
            add_hnodes(&c, t, t->blocks[blk]->cols, t->blocks[blk]->ncols, 1);
        }
    } else if (top == KW_TEMPLATE) {
        if (nline == 0) keywords(&c, GIR_KW_TEMPLATE);
    }
    arena_free(a);
    return c.items;
}

/* ast.c - node construction, iteration and the S-expression dump. */
#include <string.h>
#include "ast.h"

static const char *const kind_names[N_KIND__COUNT] = {
    "file", "report", "field", "section", "table", "row", "named", "name",
    "path", "lit", "template", "source", "years", "tsection", "tableref",
    "ttable", "note", "block", "columns", "rows", "rowlabels", "group",
    "leaf", "alias", "type", "sum", "range", "ref", "rule", "pattern",
    "scope", "binop", "const", "mention", "wording", "threshold", "jump",
    "waiver",
};

const char *ast_kind_name(gir_node_kind k)
{
    return (unsigned)k < N_KIND__COUNT ? kind_names[k] : "?";
}

gir_node *ast_new(gir_arena *a, gir_node_kind k, gir_span sp)
{
    gir_node *n = arena_alloc(a, sizeof *n);
    if (!n) return NULL;
    n->kind = k;
    n->span = sp;
    return n;
}

gir_node *ast_append(gir_node *parent, gir_node *child)
{
    if (!parent || !child) return parent;
    child->parent = parent;
    child->next = NULL;
    if (parent->last) parent->last->next = child;
    else parent->first = child;
    parent->last = child;
    if (child->span.end > child->span.start || child->span.start) {
        if (parent->span.end == 0 && parent->span.start == 0) parent->span = child->span;
        if (child->span.start < parent->span.start) parent->span.start = child->span.start;
        if (child->span.end > parent->span.end) parent->span.end = child->span.end;
    }
    return parent;
}

gir_node *ast_child(const gir_node *n, unsigned i)
{
    gir_node *c = n ? n->first : NULL;
    while (c && i--) c = c->next;
    return c;
}

gir_node *ast_find(const gir_node *n, gir_node_kind k)
{
    for (gir_node *c = n ? n->first : NULL; c; c = c->next)
        if (c->kind == k) return c;
    return NULL;
}

gir_node *ast_next(const gir_node *root, const gir_node *n)
{
    if (n->first) return n->first;
    while (n && n != root) {
        if (n->next) return n->next;
        n = n->parent;
    }
    return NULL;
}

static int depth_of(const gir_node *root, const gir_node *n)
{
    int d = 0;
    while (n && n != root) { d++; n = n->parent; }
    return d;
}

static void put_quoted(gir_buf *out, const char *s)
{
    buf_putc(out, '"');
    for (; s && *s; s++) {
        if (*s == '"' || *s == '\\') { buf_putc(out, '\\'); buf_putc(out, *s); }
        else if (*s == '\n') buf_puts(out, "\\n");
        else buf_putc(out, *s);
    }
    buf_putc(out, '"');
}

void ast_dump(const gir_node *root, gir_buf *out)
{
    for (const gir_node *n = root; n; n = ast_next(root, n)) {
        int d = depth_of(root, n);
        for (int i = 0; i < d; i++) buf_puts(out, "  ");
        buf_printf(out, "%s %u-%u", ast_kind_name(n->kind), n->span.start, n->span.end);
        if (n->kind == N_LIT) {
            static const char *lk[] = {"number", "string", "prose", "date", "blank"};
            buf_printf(out, " %s", lk[n->lit.kind]);
            if (n->lit.kind == LIT_NUMBER)
                buf_printf(out, " sign=%d int=%s frac=%s unit=%s%s", n->lit.sign,
                           n->lit.int_digits, n->lit.frac_digits, n->lit.unit,
                           n->lit.fullwidth ? " fullwidth" : "");
            else if (n->lit.kind == LIT_DATE)
                buf_printf(out, " %04d-%02d-%02d", n->lit.year, n->lit.month, n->lit.day);
        }
        if (n->str) { buf_putc(out, ' '); put_quoted(out, n->str); }
        if (n->op) buf_printf(out, " op=%d", n->op);
        if (n->cmp) buf_printf(out, " cmp=%d", n->cmp);
        buf_putc(out, '\n');
    }
}

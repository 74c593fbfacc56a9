/* hover.c - textDocument/hover: for a cell, the official labels of
 * its row and column, its value, and for a total how it is computed from
 * its parts and whether the written value matches, plus the diagnostics
 * on it (the rule that failed); for a row or column label, a table or a
 * section, its declaration in the template; for the template's name, the
 * template's title, source and years; for a header field, its help text
 * (syntax/fields.def); for a waiver, its reason and the findings it
 * waives. Markdown, or plain text when the client's contentFormat asks
 * for it (lsp_markup), in the session's language. */
#include <string.h>
#include "syntax/lang.h"
#include "internal.h"

#define ITEM(b, ...) do { buf_puts((b), "- "); buf_printf((b), __VA_ARGS__); buf_putc((b), '\n'); } while (0)

static const char *titled(lsp_server *s, gir_arena *a, const char *label, const char *name)
{
    if (!name || !*name || strcmp(label, name) == 0) return arena_printf(a, "**%s**", label);
    return arena_printf(a, msg_fmt(s->lang, L_H_SHORT), arena_printf(a, "**%s**", label), name);
}

static const char *join(gir_arena *a, const char *const *v, size_t n)
{
    gir_buf b;
    buf_init(&b, a);
    for (size_t i = 0; i < n; i++) {
        if (i) buf_puts(&b, ", ");
        buf_puts(&b, v[i]);
    }
    return buf_cstr(&b);
}

static const char *type_text(gir_arena *a, const gir_hnode *h)
{
    if (h->type != CT_MONEY || !h->nunits) return cell_type_name(h->type);
    return arena_printf(a, "%s(%s)", cell_type_name(h->type), join(a, h->units, h->nunits));
}

static const gir_block *block_of(const gir_ttable *t, const gir_hnode *h)
{
    const gir_hnode *root = h;
    while (root->parent) root = root->parent;
    for (size_t i = 0; i < t->nblocks; i++)
        if (t->blocks[i]->rowroot == root || t->blocks[i]->colroot == root) return t->blocks[i];
    return NULL;
}

const char *lsp_hnode_doc(lsp_server *s, gir_arena *a, const gir_ttable *t, const gir_hnode *h, int is_col)
{
    gir_buf b;
    buf_init(&b, a);
    buf_printf(&b, "%s\n\n", titled(s, a, lsp_hnode_path(a, h), h->name));
    ITEM(&b, msg_fmt(s->lang, L_H_TABLE), t->label && *t->label ? t->label : t->name);
    if (h->naliases) ITEM(&b, msg_fmt(s->lang, L_H_ALIASES), join(a, h->aliases, h->naliases));
    if (h->has_type || h->type != CT_COUNT) ITEM(&b, msg_fmt(s->lang, L_H_TYPE), type_text(a, h));
    const gir_block *bl = block_of(t, h);
    if (h->nsum && bl) {
        gir_buf f;
        buf_init(&f, a);
        for (size_t k = 0; k < h->nsum; k++) {
            if (k) buf_puts(&f, " + ");
            buf_puts(&f, is_col ? bl->cols[h->sum[k]]->name : bl->rows[h->sum[k]]->name);
        }
        ITEM(&b, msg_fmt(s->lang, L_H_SUMDEF), h->name, buf_cstr(&f));
    }
    return buf_cstr(&b);
}

static const char *value_text(lsp_server *s, gir_arena *a, const gir_cell *c)
{
    char num[48];
    dec_format_buf(c->v, num);
    const char *v = arena_printf(a, "%s%s", num, c->unit ? c->unit : "");
    switch (c->state) {
    case CELL_WRITTEN: return v;
    case CELL_COMPUTED: return arena_printf(a, msg_fmt(s->lang, L_H_V_COMPUTED), v);
    case CELL_ZERO: return msg_fmt(s->lang, L_H_V_ZERO);
    case CELL_BLANK: return msg_fmt(s->lang, L_H_V_BLANK);
    case CELL_TEXT: return arena_printf(a, msg_fmt(s->lang, L_H_V_TEXT), c->text ? c->text : "");
    }
    return "";
}

/* "计算：总计 = 自然人 17 + 商业企业 3 = 20" and whether the cell matches. */
static void sum_lines(lsp_server *s, gir_arena *a, gir_buf *b, const lsp_target *t, const gir_hnode *h, int is_col)
{
    const gir_block *bl = t->r->tables[t->table].t->blocks[t->block];
    const gir_cell *cell = report_cell(t->r, t->table, t->block, t->row, t->col);
    gir_dec acc = {0, 0};
    int blank = 0, overflow = 0;
    gir_buf parts;
    buf_init(&parts, a);
    for (size_t k = 0; k < h->nsum; k++) {
        int rr = is_col ? t->row : h->sum[k], cc = is_col ? h->sum[k] : t->col;
        const gir_cell *x = report_cell(t->r, t->table, t->block, rr, cc);
        if (x->state == CELL_BLANK) { blank = 1; continue; }
        if (x->state == CELL_TEXT || x->state == CELL_ZERO || dec_is_zero(x->v)) continue;
        if (dec_add(acc, x->v, &acc) != DEC_OK) overflow = 1;
        char num[48];
        dec_format_buf(x->v, num);
        if (parts.n) buf_puts(&parts, " + ");
        buf_printf(&parts, "%s %s", is_col ? bl->cols[cc]->name : bl->rows[rr]->name, num);
    }
    if (!parts.n) buf_puts(&parts, "0");
    char sum[48], have[48];
    dec_format_buf(acc, sum);
    dec_format_buf(cell->v, have);
    ITEM(b, msg_fmt(s->lang, L_H_SUM), h->name, buf_cstr(&parts), sum);
    if (cell->state != CELL_WRITTEN || overflow) return;
    int ok = 1;
    if (blank) ITEM(b, "%s", msg_fmt(s->lang, L_H_UNCHECKABLE));
    else if (dec_cmp(acc, cell->v, &ok) == 0 && ok) ITEM(b, "%s", msg_fmt(s->lang, L_H_MATCH));
    else ITEM(b, msg_fmt(s->lang, L_H_MISMATCH), sum, have);
}

static void row_values(lsp_server *s, gir_arena *a, gir_buf *b, const lsp_target *t)
{
    const gir_block *bl = t->r->tables[t->table].t->blocks[t->block];
    gir_buf v;
    buf_init(&v, a);
    for (size_t col = 0; col < bl->ncols; col++) {
        const gir_cell *c = report_cell(t->r, t->table, t->block, t->row, (int)col);
        if (c->state == CELL_ZERO || (c->state != CELL_TEXT && c->state != CELL_BLANK && dec_is_zero(c->v))) continue;
        if (v.n) buf_puts(&v, " · ");
        if (c->state == CELL_BLANK) { buf_printf(&v, "%s _", bl->cols[col]->name); continue; }
        if (c->state == CELL_TEXT) { buf_printf(&v, "%s “%s”", bl->cols[col]->name, c->text ? c->text : ""); continue; }
        char num[48];
        dec_format_buf(c->v, num);
        buf_printf(&v, "%s %s%s", bl->cols[col]->name, num, c->unit ? c->unit : "");
    }
    if (v.n) ITEM(b, msg_fmt(s->lang, L_H_ROWVALUES), buf_cstr(&v));
}

static void diags_at(lsp_server *s, gir_buf *b, const lsp_doc *d, gir_span sp)
{
    for (size_t i = 0; i < d->doc->diags.n; i++) {
        const gir_diag *g = d->doc->diags.v[i];
        if (g->src != &d->doc->src || g->span.start >= sp.end || g->span.end <= sp.start) continue;
        ITEM(b, msg_fmt(s->lang, L_H_DIAG), g->code ? g->code : "", g->msg ? g->msg : "");
    }
}

static void cell_hover(lsp_server *s, gir_arena *a, gir_buf *b, const lsp_doc *d, const lsp_target *t)
{
    const gir_ttable *tt = t->r->tables[t->table].t;
    const gir_block *bl = tt->blocks[t->block];
    const gir_hnode *rh = bl->rows[t->row], *ch = bl->cols[t->col];
    const gir_cell *cell = report_cell(t->r, t->table, t->block, t->row, t->col);
    buf_printf(b, "**%s**\n\n", tt->label && *tt->label ? tt->label : tt->name);
    const char *rl = lsp_hnode_path(a, rh), *cl = lsp_hnode_path(a, ch);
    ITEM(b, msg_fmt(s->lang, L_H_ROW), strcmp(rl, rh->name) ? arena_printf(a, msg_fmt(s->lang, L_H_SHORT), rl, rh->name) : rl);
    ITEM(b, msg_fmt(s->lang, L_H_COL), strcmp(cl, ch->name) ? arena_printf(a, msg_fmt(s->lang, L_H_SHORT), cl, ch->name) : cl);
    ITEM(b, msg_fmt(s->lang, L_H_VALUE), value_text(s, a, cell));
    if (ch->nsum) sum_lines(s, a, b, t, ch, 1);
    if (rh->nsum) sum_lines(s, a, b, t, rh, 0);
    diags_at(s, b, d, t->span);
}

/* The help text of a header field (syntax/fields.def), NULL if unknown. */
static const char *field_doc(lsp_server *s, const char *key)
{
    int k = lang_field(key);
    return k < 0 ? NULL : msg_fmt(s->lang, gir_fields[k].help);
}

static void template_doc(lsp_server *s, gir_arena *a, gir_buf *b, const gir_schema *sc)
{
    buf_printf(b, "%s\n\n", titled(s, a, sc->title && *sc->title ? sc->title : sc->name, sc->name));
    if (sc->source_doc) ITEM(b, msg_fmt(s->lang, L_H_SOURCE), sc->source_doc);
    if (sc->year_to >= 9999) ITEM(b, msg_fmt(s->lang, L_H_YEARS_FROM), sc->year_from);
    else if (sc->year_from) ITEM(b, msg_fmt(s->lang, L_H_YEARS), sc->year_from, sc->year_to);
}

/* The waiver (top level, header or table) under off, or NULL. */
static const gir_node *waiver_at(const gir_node *root, uint32_t off)
{
    for (const gir_node *it = root ? root->first : NULL; it; it = it->next) {
        if (off < it->span.start || off >= it->span.end) continue;
        if (it->kind == N_WAIVER) return it;
        if (it->kind != N_REPORT && it->kind != N_TABLE) return NULL;
        for (const gir_node *k = it->first; k; k = k->next)
            if (k->kind == N_WAIVER && off >= k->span.start && off < k->span.end) return k;
    }
    return NULL;
}

/* A waiver: what it names, its reason, the findings it waived. */
static void waiver_hover(lsp_server *s, gir_buf *b, const lsp_doc *d, const gir_node *w)
{
    const gir_node *last = w->last;
    uint32_t end = last != w->first && last->kind == N_LIT ? last->span.start : w->span.end;
    const char *text = d->doc->src.text + w->first->span.start;
    int n = (int)(end - w->first->span.start);
    while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t')) n--;
    buf_printf(b, msg_fmt(s->lang, L_H_WAIVER), n, text);
    buf_puts(b, "\n\n");
    size_t waived = 0;
    for (size_t i = 0; i < d->doc->diags.n; i++) {
        const gir_diag *g = d->doc->diags.v[i];
        if (!g->waived || g->src != &d->doc->src || g->waived_at.start != w->span.start) continue;
        if (!waived++) ITEM(b, msg_fmt(s->lang, L_H_REASON), g->waived);
        ITEM(b, msg_fmt(s->lang, L_H_WAIVES), g->code ? g->code : "", g->msg ? g->msg : "");
    }
    if (!waived) ITEM(b, "%s", msg_fmt(s->lang, L_H_WAIVES_NONE));
    diags_at(s, b, d, w->span);
}

cJSON *lsp_markup(gir_arena *a, const char *md, int plain)
{
    cJSON *c = cJSON_CreateObject();
    cJSON_AddStringToObject(c, "kind", plain ? "plaintext" : "markdown");
    if (!plain) {
        lsp_add_str(c, "value", md);
        return c;
    }
    gir_buf b;
    buf_init(&b, a);
    for (const char *p = md; *p; p++) {
        if (p[0] == '*' && p[1] == '*') {
            p++;
            continue;
        }
        buf_putc(&b, *p);
    }
    lsp_add_str(c, "value", buf_cstr(&b));
    return c;
}

cJSON *lsp_hover(lsp_server *s, const cJSON *params, lsp_err *err)
{
    uint32_t off = 0;
    lsp_doc *d = lsp_doc_at(s, params, &off, err);
    if (!d) return NULL;
    lsp_target t;
    const gir_node *w = waiver_at(d->doc->ast, off);
    if (w) {
        memset(&t, 0, sizeof t);
        t.kind = LOC_NONE;
        t.span = w->span;
    } else if (!lsp_locate(d->doc, off, &t)) {
        return cJSON_CreateNull();
    }
    gir_arena *a = arena_new(NULL);
    if (!a) return cJSON_CreateNull();
    gir_buf b;
    buf_init(&b, a);
    if (w) waiver_hover(s, &b, d, w);
    const gir_schema *sc = t.r ? t.r->schema : NULL;
    switch (t.kind) {
    case LOC_CELL:
        cell_hover(s, a, &b, d, &t);
        break;
    case LOC_ROW: case LOC_COL: {
        const gir_ttable *tt = t.r->tables[t.table].t;
        buf_puts(&b, lsp_hnode_doc(s, a, tt, t.h, t.kind == LOC_COL));
        if (t.kind == LOC_ROW) row_values(s, a, &b, &t);
        diags_at(s, &b, d, t.span);
        break;
    }
    case LOC_TABLE: {
        const gir_ttable *tt = t.r->tables[t.table].t;
        buf_printf(&b, "%s\n\n", titled(s, a, tt->label && *tt->label ? tt->label : tt->name, tt->name));
        for (size_t i = 0; i < sc->nsections; i++)
            if (sc->sections[i]->table == tt) ITEM(&b, msg_fmt(s->lang, L_H_SECTION), sc->sections[i]->label);
        if (tt->naliases) ITEM(&b, msg_fmt(s->lang, L_H_ALIASES), join(a, tt->aliases, tt->naliases));
        if (tt->note) ITEM(&b, msg_fmt(s->lang, L_H_NOTE), tt->note);
        break;
    }
    case LOC_SECTION:
        buf_printf(&b, "%s\n\n", titled(s, a, t.sec->label && *t.sec->label ? t.sec->label : t.sec->name, t.sec->name));
        if (t.sec->naliases) ITEM(&b, msg_fmt(s->lang, L_H_ALIASES), join(a, t.sec->aliases, t.sec->naliases));
        if (t.sec->table) ITEM(&b, msg_fmt(s->lang, L_H_TABLE), t.sec->table->label);
        break;
    case LOC_TEMPLATE:
        if (sc) { template_doc(s, a, &b, sc); break; }
        /* fall through */
    case LOC_FIELD: {
        const char *doc = field_doc(s, ast_child(t.field, 0)->str);
        if (doc) buf_printf(&b, "%s\n", doc);
        diags_at(s, &b, d, t.span);
        break;
    }
    case LOC_NONE:
        break;
    }
    cJSON *r;
    if (!b.n) {
        r = cJSON_CreateNull();
    } else {
        while (b.n && b.p[b.n - 1] == '\n') b.p[--b.n] = 0;
        r = cJSON_CreateObject();
        cJSON_AddItemToObject(r, "contents", lsp_markup(a, buf_cstr(&b), s->hover_plain));
        cJSON_AddItemToObject(r, "range", lsp_range_json(s, &d->doc->src, t.span));
    }
    arena_free(a);
    return r;
}

/* format.c - textDocument/formatting: exactly `girc fmt` (fmt.h) on
 * the document's current text. The reply is one TextEdit covering the
 * changed lines only (common leading and trailing lines are kept, so the
 * editor's cursor and marks stay put), [] when already formatted, and
 * null when the text has syntax errors, with the reason (the first
 * syntax error, its line and column) shown to the user
 * (window/showMessage) and logged; null when memory runs out (never a
 * wrong edit).
 *
 * The scratch arena is not protected: gir_fmt_source allocates its
 * result in it while it holds memory of its own, so it must see a
 * failed allocation as NULL (GIR_FMT_NOMEM), not as an unwind. */
#include <string.h>
#include "fmt/fmt.h"
#include "internal.h"

/* The changed lines: old[p, olen - j) becomes out[p, n - j). */
static void changed_lines(const char *old, size_t olen, const char *out, size_t n, size_t *pp, size_t *jp)
{
    size_t p = 0;
    while (p < olen && p < n && old[p] == out[p])
        p++;
    while (p > 0 && old[p - 1] != '\n')
        p--;                                                 /* back to a line start */
    size_t j = 0;
    while (j < olen - p && j < n - p && old[olen - 1 - j] == out[n - 1 - j])
        j++;
    while (j > 0 && olen - j > 0 && old[olen - j - 1] != '\n')
        j--;                                                 /* suffix starts a line */
    *pp = p;
    *jp = j;
}

/* The edits that turn d's text into out[0, n); NULL on out of memory. */
static cJSON *edits_to(lsp_server *s, gir_arena *a, const lsp_doc *d, const char *out, size_t n)
{
    cJSON *edits = cJSON_CreateArray();
    if (!edits || (n == d->len && memcmp(out, d->text, n) == 0))
        return edits;
    size_t p = 0, j = 0;
    changed_lines(d->text, d->len, out, n, &p, &j);
    const char *txt = arena_strndup(a, out + p, n - j - p);
    cJSON *e = cJSON_CreateObject();
    if (!txt || !e || !cJSON_AddItemToArray(edits, e)) {
        cJSON_Delete(e);
        cJSON_Delete(edits);
        return NULL;
    }
    cJSON_AddItemToObject(e, "range", lsp_range_json(s, &d->doc->src, (gir_span){(uint32_t)p, (uint32_t)(d->len - j)}));
    lsp_add_str(e, "newText", txt);
    return edits;
}

/* Why formatting was refused: the first error of d, else the generic text. */
static const char *refusal(lsp_server *s, gir_arena *a, const lsp_doc *d, gir_fmt_status st)
{
    if (st != GIR_FMT_SYNTAX) return msg_fmt(s->lang, L_FMT_UNSAFE);
    for (size_t i = 0; i < d->doc->diags.n; i++) {
        const gir_diag *g = d->doc->diags.v[i];
        if (g->sev != GIR_SEV_ERROR || g->src != &d->doc->src || !g->msg) continue;
        gir_pos pos;
        source_pos(g->src, g->span.start, &pos);
        return arena_printf(a, msg_fmt(s->lang, L_FMT_SYNTAX_AT), pos.line, pos.char_col, g->msg);
    }
    return msg_fmt(s->lang, L_FMT_SYNTAX);
}

cJSON *lsp_formatting(lsp_server *s, const cJSON *params, lsp_err *err)
{
    lsp_doc *d = lsp_doc_of(s, params, err);
    if (!d || d->too_large || !d->text)
        return NULL;
    gir_arena *a = arena_new(NULL);
    if (!a)
        return NULL;
    gir_options o = lsp_options(s);
    const char *out = NULL;
    size_t n = 0;
    gir_fmt_status st = gir_fmt_source(d->name, d->text, d->len, &o, a, &out, &n, NULL);
    cJSON *edits = NULL;
    if (st == GIR_FMT_OK)
        edits = edits_to(s, a, d, out, n);
    else {
        const char *why = refusal(s, a, d, st);
        cJSON *p = cJSON_CreateObject();
        cJSON_AddNumberToObject(p, "type", 2);
        lsp_add_str(p, "message", why);
        lsp_notify(&s->out, "window/showMessage", p);
        lsp_log(&s->out, 2, why);
    }
    arena_free(a);
    return edits;
}

/* lsp_format.c - textDocument/formatting: exactly `girc fmt` (fmt.h) on
 * the document's current text. The reply is one TextEdit covering the
 * changed lines only (common leading and trailing lines are kept, so the
 * editor's cursor and marks stay put), [] when already formatted, and
 * null (with a log message) when the text has syntax errors. */
#include <string.h>
#include "fmt/fmt.h"
#include "internal.h"

cJSON *lsp_formatting(lsp_server *s, const cJSON *params, lsp_err *err)
{
    lsp_doc *d = lsp_doc_of(s, params, err);
    if (!d || d->too_large || !d->text) return NULL;
    gir_arena *a = arena_new(NULL);
    if (!a) return NULL;
    gir_options o = lsp_options(s);
    const char *out = NULL;
    size_t n = 0;
    gir_fmt_status st = gir_fmt_source(d->name, d->text, d->len, &o, a, &out, &n, NULL);
    if (st != GIR_FMT_OK) {
        lsp_log(s, 2, msg_fmt(s->lang, st == GIR_FMT_SYNTAX ? L_FMT_SYNTAX : L_FMT_UNSAFE));
        arena_free(a);
        return NULL;
    }
    cJSON *edits = cJSON_CreateArray();
    const char *old = d->text;
    size_t olen = d->len;
    if (n != olen || memcmp(out, old, n) != 0) {
        size_t p = 0;
        while (p < olen && p < n && old[p] == out[p]) p++;
        while (p > 0 && old[p - 1] != '\n') p--;                 /* back to a line start */
        size_t j = 0;
        while (j < olen - p && j < n - p && old[olen - 1 - j] == out[n - 1 - j]) j++;
        while (j > 0 && olen - j > 0 && old[olen - j - 1] != '\n') j--;          /* suffix starts a line */
        cJSON *e = cJSON_CreateObject();
        cJSON_AddItemToObject(e, "range", lsp_range_json(s, &d->doc->src, (gir_span){(uint32_t)p, (uint32_t)(olen - j)}));
        char *txt = arena_strndup(a, out + p, n - j - p);
        lsp_add_str(e, "newText", txt);
        cJSON_AddItemToArray(edits, e);
    }
    arena_free(a);
    return edits;
}

/* codeaction.c - textDocument/codeAction: every diagnostic of the
 * current version that touches the requested range and carries fixes
 * (e.g. a wrong total -> the computed value, a full-width digit -> ASCII)
 * becomes one "quickfix" action with a WorkspaceEdit, titled with the
 * diagnostic's help line. Fixes located in other files are skipped.
 * Every finding a reviewer may waive (gir(5)) also gets "Waive … with
 * reason…": it inserts the waiver next to it (check_waiver_edit) with a
 * placeholder reason, which the checker flags (E0756) until it is
 * filled in. */
#include <string.h>
#include "check/check.h"
#include "internal.h"

static int wants_quickfix(const cJSON *only)
{
    if (!cJSON_IsArray(only)) return 1;
    const cJSON *k;
    cJSON_ArrayForEach(k, only)
        if (cJSON_IsString(k) && (strcmp(k->valuestring, "quickfix") == 0 || strcmp(k->valuestring, "") == 0)) return 1;
    return 0;
}

static const char *action_title(lsp_server *s, const gir_diag *g, char *title, size_t size)
{
    const char *t0 = g->fixes[0].text ? g->fixes[0].text : "";
    if (g->help)
        snprintf(title, size, "%s", g->help);
    else if (*t0)
        snprintf(title, size, msg_fmt(s->lang, L_FIX_TITLE), t0);
    else
        snprintf(title, size, "%s", msg_fmt(s->lang, L_FIX_DELETE));
    return title;
}

/* The edits of g's fixes, keyed by the document's URI. */
static void add_changes(lsp_server *s, cJSON *changes, const lsp_doc *d, const gir_diag *g)
{
    cJSON *key = lsp_str(d->uri);                       /* valid UTF-8 as a key too */
    if (!key)
        return;
    cJSON *edits = cJSON_AddArrayToObject(changes, key->valuestring);
    cJSON_Delete(key);
    for (size_t k = 0; k < g->nfixes; k++) {
        cJSON *e = cJSON_CreateObject();
        if (!cJSON_AddItemToArray(edits, e)) {
            cJSON_Delete(e);
            return;
        }
        cJSON_AddItemToObject(e, "range", lsp_range_json(s, &d->doc->src, g->fixes[k].span));
        lsp_add_str(e, "newText", g->fixes[k].text);
    }
}

/* One quickfix action for g, attached to out. */
static void add_action(lsp_server *s, cJSON *out, const lsp_doc *d, const gir_diag *g)
{
    cJSON *act = cJSON_CreateObject();
    if (!cJSON_AddItemToArray(out, act)) {
        cJSON_Delete(act);
        return;
    }
    char title[512];
    lsp_add_str(act, "title", action_title(s, g, title, sizeof title));
    cJSON_AddStringToObject(act, "kind", "quickfix");
    cJSON_AddItemToArray(cJSON_AddArrayToObject(act, "diagnostics"), lsp_diag_json(s, d, g));
    cJSON_AddBoolToObject(act, "isPreferred", g->nfixes == 1);
    add_changes(s, cJSON_AddObjectToObject(cJSON_AddObjectToObject(act, "edit"), "changes"), d, g);
}

/* The "waive with reason…" action for g, when g may be waived. */
static void add_waive_action(lsp_server *s, cJSON *out, const lsp_doc *d, const gir_diag *g)
{
    gir_arena *a = arena_new(NULL);
    const char *text = NULL;
    uint32_t at = 0;
    if (!a || !check_waiver_edit(d->doc->report, a, g, msg_fmt(s->lang, W_PLACEHOLDER_TEXT), &text, &at)) {
        arena_free(a);
        return;
    }
    cJSON *act = cJSON_CreateObject();
    if (!cJSON_AddItemToArray(out, act)) {
        cJSON_Delete(act);
        arena_free(a);
        return;
    }
    char title[512];
    snprintf(title, sizeof title, msg_fmt(s->lang, L_WAIVE_TITLE), g->code);
    lsp_add_str(act, "title", title);
    cJSON_AddStringToObject(act, "kind", "quickfix");
    cJSON_AddItemToArray(cJSON_AddArrayToObject(act, "diagnostics"), lsp_diag_json(s, d, g));
    cJSON *changes = cJSON_AddObjectToObject(cJSON_AddObjectToObject(act, "edit"), "changes");
    cJSON *key = lsp_str(d->uri);
    if (key) {
        cJSON *e = cJSON_CreateObject();
        cJSON_AddItemToObject(e, "range", lsp_range_json(s, &d->doc->src, (gir_span){at, at}));
        lsp_add_str(e, "newText", text);
        cJSON_AddItemToArray(cJSON_AddArrayToObject(changes, key->valuestring), e);
        cJSON_Delete(key);
    }
    arena_free(a);
}

cJSON *lsp_code_action(lsp_server *s, const cJSON *params, lsp_err *err)
{
    lsp_doc *d = lsp_doc_of(s, params, err);
    if (!d) return NULL;
    const cJSON *range = lsp_get(params, "range");
    uint32_t l0, c0, l1, c1;
    if (!lsp_read_pos(lsp_get(range, "start"), &l0, &c0) || !lsp_read_pos(lsp_get(range, "end"), &l1, &c1)) {
        err->code = RPC_INVALID_PARAMS;
        err->msg = "range is missing or malformed";
        return NULL;
    }
    const gir_source *src = &d->doc->src;
    uint32_t a = lsp_offset(s, src, l0, c0), b = lsp_offset(s, src, l1, c1);
    if (a > b) { uint32_t t = a; a = b; b = t; }
    cJSON *out = cJSON_CreateArray();
    if (!wants_quickfix(lsp_get(lsp_get(params, "context"), "only"))) return out;
    for (size_t i = 0; i < d->doc->diags.n; i++) {
        const gir_diag *g = d->doc->diags.v[i];
        if (g->src != src || g->span.start > b || g->span.end < a) continue;
        if (g->nfixes) add_action(s, out, d, g);
        add_waive_action(s, out, d, g);
    }
    return out;
}

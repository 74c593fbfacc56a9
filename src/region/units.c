/* units.c - the set of unit reports (region.h): one record per report
 * with what the summaries show, copied out of its compiled document so
 * the document can be freed; sorting for stable summaries. */
#include <stdlib.h>
#include <string.h>
#include "region.h"
#include "internal.h"
#include "base/array.h"
#include "check/check.h"
#include "syntax/lang.h"

region_set *region_set_new(gir_lang lang)
{
    gir_arena *a = arena_new(NULL);
    if (!a) return NULL;
    region_set *s = arena_alloc(a, sizeof *s);
    if (!s) {
        arena_free(a);
        return NULL;
    }
    s->arena = a;
    s->lang = lang;
    return s;
}

void region_set_free(region_set *s)
{
    if (!s) return;
    region_acc_free(s->acc);
    arena_free(s->arena);
}

static const char *str_or_empty(gir_arena *a, const char *s) { return s ? arena_strdup(a, s) : ""; }

static void copy_diags(region_set *s, region_unit *u, const gir_diags *dg)
{
    for (size_t i = 0; i < dg->n; i++) {
        const gir_diag *g = dg->v[i];
        region_diag x = {g->sev,           str_or_empty(s->arena, g->code), str_or_empty(s->arena, g->msg), 0, 0,
                         g->waived != NULL};
        if (g->src) {
            gir_pos p;
            source_pos(g->src, g->span.start, &p);
            x.line = p.line;
            x.col = p.char_col;
        }
        if (g->waived) u->waived++;
        if (g->code && strcmp(g->code, "W0603") == 0) u->late = 1;
        if (g->code && (strcmp(g->code, "N0501") == 0 || strcmp(g->code, "N0502") == 0)) u->not_checkable++;
        if (g->sev == GIR_SEV_NOTE) u->nnote++;
        ARRAY_PUSH(s->arena, u->diags, u->ndiags, x);
    }
}

static void copy_report(region_set *s, region_unit *u, const gir_report *r)
{
    u->agency = str_or_empty(s->arena, r->agency);
    u->template_name = str_or_empty(s->arena, r->template_name);
    const char *k = (int)r->kind > 0 && (int)r->kind < (int)KIND__COUNT ? gir_kind_names[r->kind] : NULL;
    u->kind = k ? k : "";
    u->year = r->year;
    if (r->has_date && region_date_valid(r->date_y, r->date_m, r->date_d)) { /* else E0108/E0110, no date */
        u->date_y = r->date_y;
        u->date_m = r->date_m;
        u->date_d = r->date_d;
    }
}

size_t region_add_unit(region_set *s, const char *path, const gir_doc *d)
{
    region_unit u;
    memset(&u, 0, sizeof u);
    u.path = arena_strdup(s->arena, path);
    u.agency = u.kind = u.template_name = "";
    u.entry = -1;
    if (!d || d->oom) u.unreadable = 1;
    if (d) {
        u.nerr = d->diags.nerrors;
        u.nwarn = d->diags.nwarnings;
        copy_diags(s, &u, &d->diags);
        if (d->report) copy_report(s, &u, d->report);
    }
    ARRAY_PUSH(s->arena, s->units, s->nunits, u);
    region_similar_collect(s, s->nunits - 1, d);
    return s->nunits - 1;
}

const char *region_unit_name(const region_unit *u)
{
    if (u->agency && *u->agency) return u->agency;
    const char *b = strrchr(u->path, '/');
    return b ? b + 1 : u->path;
}

/* Missing roster units last, in roster order; the rest by path. */
static int unit_cmp(const region_unit *a, const region_unit *b)
{
    int ma = a->roster == ROSTER_MISSING, mb = b->roster == ROSTER_MISSING;
    if (ma != mb) return ma - mb;
    if (ma) return (a->entry > b->entry) - (a->entry < b->entry);
    return strcmp(a->path, b->path);
}

/* A merge sort (stable, n log n). */
static void merge_sort(region_unit *v, region_unit *tmp, size_t n)
{
    if (n < 2) return;
    size_t h = n / 2;
    merge_sort(v, tmp, h);
    merge_sort(v + h, tmp, n - h);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = unit_cmp(&v[j], &v[i]) < 0 ? v[j++] : v[i++];
    while (i < h)
        tmp[k++] = v[i++];
    while (j < n)
        tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

void region_sort(region_set *s)
{
    if (s->nunits < 2) return;
    region_unit *tmp = arena_alloc(s->arena, s->nunits * sizeof *tmp);
    if (!tmp) return;
    merge_sort(s->units, tmp, s->nunits);
    for (size_t i = 0; i < s->nroster; i++)
        s->roster[i].unit_index = -1;
    for (size_t i = 0; i < s->nunits; i++)
        if (s->units[i].entry >= 0) s->roster[s->units[i].entry].unit_index = (int)i;
}

/* draft.c - prose still carried from last year (scaffold.h): every
 * section of a report whose text holds the marker `girc new --from`
 * writes gets warning W0070 at the marker, until the author rewrites the
 * section and deletes the marker line. */
#include <string.h>
#include "scaffold.h"

/* The first marker in bytes [from, to) of src, or NULL. */
static const char *find_marker(const gir_source *src, uint32_t from, uint32_t to)
{
    size_t m = strlen(scaffold_marker);
    if (to > src->len) to = src->len;
    for (uint32_t i = from; i + m <= to; i++) {
        const char *p = memchr(src->text + i, scaffold_marker[0], to - i);
        if (!p || (size_t)(p - src->text) + m > to) return NULL;
        if (memcmp(p, scaffold_marker, m) == 0) return p;
        i = (uint32_t)(p - src->text);
    }
    return NULL;
}

size_t scaffold_draft_check(gir_doc *d)
{
    const gir_report *r = d ? d->report : NULL;
    if (!r) return 0;
    size_t n = 0;
    for (size_t i = 0; i < r->schema->nsections; i++) {
        const gir_rsection *s = &r->sections[i];
        if (!s->node || !s->prose || !strstr(s->prose, scaffold_marker)) continue;
        const char *p = find_marker(&d->src, s->node->span.start, s->node->span.end);
        if (!p) continue;
        uint32_t at = (uint32_t)(p - d->src.text);
        gir_span sp = {at, at + (uint32_t)strlen(scaffold_marker)};
        const char *label = s->s->label && *s->s->label ? s->s->label : s->s->name;
        gir_diag *g = diag_add(&d->diags, GIR_SEV_WARNING, NEW_DRAFT, &d->src, sp, label);
        diag_help(&d->diags, g, NEW_DRAFT_HELP);
        n++;
    }
    return n;
}

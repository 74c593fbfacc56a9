/* draft.c - prose girc new wrote that the author has not rewritten yet
 * (scaffold.h): every section of a report whose text holds the marker
 * `girc new --from` writes gets warning W0070 at the marker, until the
 * author rewrites the section and deletes the marker line; and every
 * placeholder `girc new` writes for a section's text, "（请在此填写“…”。）"
 * (NEW_PROSE, msgs_cli.def: the one place it is declared), gets W0690. */
#include <string.h>
#include "scaffold.h"

/* The first occurrence of needle (m bytes) in bytes [from, to) of src, or NULL. */
static const char *find_in(const gir_source *src, uint32_t from, uint32_t to, const char *needle, size_t m)
{
    if (to > src->len) to = src->len;
    for (uint32_t i = from; m && i + m <= to; i++) {
        const char *p = memchr(src->text + i, needle[0], to - i);
        if (!p || (size_t)(p - src->text) + m > to) return NULL;
        if (memcmp(p, needle, m) == 0) return p;
        i = (uint32_t)(p - src->text);
    }
    return NULL;
}

/* The first marker in bytes [from, to) of src, or NULL. */
static const char *find_marker(const gir_source *src, uint32_t from, uint32_t to)
{
    return find_in(src, from, to, scaffold_marker, strlen(scaffold_marker));
}

#define PLACEHOLDER_MAX 400u   /* bytes between the placeholder's two halves, at most */

/* The placeholder's two halves around its %s ("（请在此填写“", "”。）"). */
static void placeholder_parts(const char **pre, size_t *npre, const char **post)
{
    const char *f = msg_fmt(GIR_LANG_ZH, NEW_PROSE);   /* girc new writes it in Chinese */
    const char *s = strstr(f, "%s");
    *pre = f;
    *npre = s ? (size_t)(s - f) : strlen(f);
    *post = s ? s + 2 : "";
}

/* W0690 at each placeholder in bytes [from, to) of d's source: the first
 * half, then the second on the same line; returns how many. */
static size_t placeholders(gir_doc *d, uint32_t from, uint32_t to, const char *label)
{
    const char *pre, *post;
    size_t npre, n = 0;
    placeholder_parts(&pre, &npre, &post);
    size_t npost = strlen(post);
    const char *p;
    while ((p = find_in(&d->src, from, to, pre, npre)) != NULL) {
        uint32_t at = (uint32_t)(p - d->src.text);
        uint32_t body = at + (uint32_t)npre;
        uint32_t lim = body + PLACEHOLDER_MAX + (uint32_t)npost;   /* bounded: linear on any line */
        if (lim > to) lim = to;
        const char *nl = memchr(d->src.text + body, '\n', lim - body);
        if (nl) lim = (uint32_t)(nl - d->src.text);
        const char *q = find_in(&d->src, body, lim, post, npost);
        from = body;
        if (!q) continue;
        gir_span sp = {at, (uint32_t)(q - d->src.text) + (uint32_t)npost};
        gir_diag *g = diag_add(&d->diags, GIR_SEV_WARNING, NEW_PLACEHOLDER, &d->src, sp, label);
        diag_help(&d->diags, g, NEW_PLACEHOLDER_HELP);
        from = sp.end;
        n++;
    }
    return n;
}

size_t scaffold_draft_check(gir_doc *d)
{
    const gir_report *r = d ? d->report : NULL;
    if (!r) return 0;
    size_t n = 0;
    for (size_t i = 0; i < r->schema->nsections; i++) {
        const gir_rsection *s = &r->sections[i];
        if (!s->node || !s->prose) continue;
        const char *label = s->s->label && *s->s->label ? s->s->label : s->s->name;
        if (!strstr(s->prose, scaffold_marker)) {   /* under the marker: W0070 says it */
            n += placeholders(d, s->node->span.start, s->node->span.end, label);
            continue;
        }
        const char *p = find_marker(&d->src, s->node->span.start, s->node->span.end);
        if (!p) continue;
        uint32_t at = (uint32_t)(p - d->src.text);
        gir_span sp = {at, at + (uint32_t)strlen(scaffold_marker)};
        gir_diag *g = diag_add(&d->diags, GIR_SEV_WARNING, NEW_DRAFT, &d->src, sp, label);
        diag_help(&d->diags, g, NEW_DRAFT_HELP);
        n++;
    }
    return n;
}

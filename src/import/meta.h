/* meta.h - the meta stage: the report's header fields (title, agency,
 * kind, year, date) from the text around the tables, each with where it
 * came from, and the prose paragraphs of a part. */
#ifndef GIR_IMPORT_META_H
#define GIR_IMPORT_META_H
#include <stddef.h>
#include "internal.h"

typedef struct imp_meta {
    const char *title, *agency, *kind, *date;
    /* where each came from: a comment for the .gir, in the options' language */
    const char *title_from, *agency_from, *kind_from, *date_from;
    int year;
    const char *year_from;
} imp_meta;

/* The report's year as far as it can be told before the format is known. */
int imp_guess_year(imp_ctx *c);
/* Every header field (c->head may be NULL: no headings yet). */
void imp_meta_find(imp_ctx *c, imp_meta *m);
/* The kind of agency a name ends like ("township", "department",
 * "government"), or NULL when it is no agency's name. */
const char *imp_agency_kind(const char *name);
/* The paragraphs of units [ub, ue) outside tables (an arena array of
 * trimmed lines); returns how many. */
size_t imp_paragraphs(imp_ctx *c, size_t ub, size_t ue, const char ***out);
#endif

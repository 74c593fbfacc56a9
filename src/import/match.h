/* match.h - the match stage: label patterns from the schema, the format
 * (which template's own labels the input has), the part headings, and
 * the anchors of every table (the longest chain of label matches). */
#ifndef GIR_IMPORT_MATCH_H
#define GIR_IMPORT_MATCH_H
#include <stddef.h>
#include "internal.h"

/* The index (into schemas) of the template the input follows; sets
 * c->evidence to the labels that decided it (NULL: none did, so the
 * year, else the newest template, decided). -1 when n is 0. */
int imp_detect(imp_ctx *c, const gir_schema *const *schemas, size_t n, int year);
/* Builds a table's anchors (once). */
void imp_table_anchors(imp_ctx *c, imp_table *t);
/* Finds the part headings in order (c->head). */
void imp_headings(imp_ctx *c);
/* Builds a table's anchors (once), then finds them in [ub, ue). */
void imp_anchor_table(imp_ctx *c, imp_table *t, size_t ub, size_t ue);
/* A note of table t (本列数据的勾稽关系为…) that no cell held but that
 * stands on the line right before or after it within [ub, ue) ("注：…",
 * with or without its parentheses): the table's span takes it in, so it
 * is not the part's prose, and a note (N1063) says so. */
void imp_note_outside(imp_ctx *c, imp_table *t, size_t ub, size_t ue);
#endif

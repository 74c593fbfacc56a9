/* internal.h - what the files of region/ share and nobody else sees: the
 * accumulator's layout (sum.c) and small text helpers (text.c). */
#ifndef GIR_REGION_INTERNAL_H
#define GIR_REGION_INTERNAL_H
#include "region.h"
#include "check/check.h"

struct region_acc {
    gir_doc *base;        /* the first unit's document: the shape */
    region_cell ***cells; /* [table][block][row * ncols + col] */
    size_t *added;
    size_t nadded; /* the units added (indices into units) */
};

void region_acc_free(region_acc *acc);
/* The report the sum has the shape of (NULL before the first unit). */
const gir_report *region_acc_report(const region_acc *acc);

/* The same tables, blocks, rows and columns (names, in order). */
int region_same_shape(const gir_schema *a, const gir_schema *b);
/* Appends names of up to 3 units (first[0..k)) and "and N more" to b,
 * separated as the language separates lists. */
void region_names(const region_set *s, gir_buf *b, const size_t *first, size_t k, size_t total);
/* "2021-01-31" in arena a. */
const char *region_date(gir_arena *a, int y, int m, int d);
/* Today's date (local time). */
void region_today(int *y, int *m, int *d);
/* Compares two dates: <0, 0, >0. */
int region_date_cmp(int y1, int m1, int d1, int y2, int m2, int d2);
/* The deadline of roster entry e for a report of year (its own, else the
 * art. 49 deadline of its kind, else of the unit's kind k); 0 if none. */
int region_deadline(const roster_entry *e, int year, int k, int *y, int *m, int *d);
/* Is y-m-d a real day (year 1 or later)? A report's invalid date (E0108,
 * E0110) is not recorded, so it is never compared with a deadline. */
int region_date_valid(int y, int m, int d);
/* Parses "2022-01-31", "2022/1/31" or "2022年1月31日" (the whole of s). */
int region_parse_date(const char *s, int *y, int *m, int *d);
#endif

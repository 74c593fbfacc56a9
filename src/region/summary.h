/* summary.h - what the summary writers share (summary.c for CSV and
 * JSON, summary_html.c for the page): the words of a row and the totals. */
#ifndef GIR_REGION_SUMMARY_H
#define GIR_REGION_SUMMARY_H
#include "region.h"

typedef struct summary_tally {
    size_t reports, ok, bad, unreadable, nerr, nwarn, nnc, waived, late;
} summary_tally;

/* "ok", "errors", "unreadable" or "missing". */
const char *summary_status(const region_unit *u);
/* "", "listed", "unlisted" or "missing". */
const char *summary_roster(const region_unit *u);
/* The unit's deadline from the roster (or its kind's), "" if none. */
const char *summary_deadline(const region_set *s, const region_unit *u);
/* The report's date, "" if none. */
const char *summary_date(const region_set *s, const region_unit *u);
void summary_totals(const region_set *s, summary_tally *t);
void summary_json_str(gir_buf *b, const char *s);
const char *summary_html(region_set *s, size_t *len);
#endif

/* region.h - the reviewer's region: the reports of the units on a roster,
 * taken together. A region_set holds one record per unit report (what the
 * summaries show: agency, kind, year, template, counts, diagnostics), the
 * roster and its matches (roster.c), and the accumulator that adds the
 * units' tables cell by cell (sum.c), which writes the region's .gir
 * (emit.c) and compares a published region report with it (compare.c).
 * summary.c writes the batch summary as CSV, JSON or HTML. Everything
 * lives in the set's arena; compiled documents are freed as soon as their
 * figures are added, except the first (whose schema names the cells). */
#ifndef GIR_REGION_H
#define GIR_REGION_H
#include <stddef.h>
#include "base/arena.h"
#include "base/dec.h"
#include "diag/diag.h"
#include "driver/compile.h"

typedef struct region_diag { /* one diagnostic of a unit, as shown */
    gir_severity sev;
    const char *code, *msg;
    unsigned line, col; /* 0 when position-less */
    int waived;
} region_diag;

enum { ROSTER_NONE = 0, ROSTER_LISTED, ROSTER_UNLISTED, ROSTER_MISSING };

typedef struct region_unit {
    const char *path;                          /* as given ("" for a missing roster unit) */
    const char *agency, *kind, *template_name; /* "" when unknown */
    int year;                                  /* 0 when unknown */
    int date_y, date_m, date_d;                /* date_y 0: no date */
    size_t nerr, nwarn, nnote, not_checkable, waived;
    int late;       /* W0603, or after the roster's deadline */
    int unreadable; /* not read or not compiled */
    region_diag *diags;
    size_t ndiags;
    int roster; /* ROSTER_* */
    int entry;  /* the roster entry matched, -1 */
} region_unit;

typedef struct roster_entry {
    const char *unit, *match; /* match: the folded key */
    int kind;                 /* gir_agency_kind, 0 unknown */
    int dl_y, dl_m, dl_d;     /* dl_y 0: none written */
    unsigned line;            /* 1-based line of the roster */
    gir_span span;            /* the row */
    int unit_index;           /* the unit it matched, -1 */
} roster_entry;

typedef struct region_cell { /* one cell summed over the units */
    gir_dec sum;             /* of the units that gave a value */
    size_t nblank;           /* units that left it blank */
    size_t first[3];         /* the first units that left it blank */
    int overflow;
} region_cell;

typedef struct region_acc region_acc;

typedef struct region_set {
    gir_arena *arena;
    gir_lang lang;
    region_unit *units;
    size_t nunits; /* an arena array */
    roster_entry *roster;
    size_t nroster; /* an arena array */
    int has_roster;
    gir_source roster_src;
    region_acc *acc; /* NULL until region_sum_begin */
    struct region_sim *sim; /* NULL unless region_similar_enable (similar.c) */
} region_set;

/* ---- units (units.c) ---- */

/* A new set in a new arena; NULL without memory. */
region_set *region_set_new(gir_lang lang);
void region_set_free(region_set *s);
/* Records the unit of path from its compiled document d (NULL: it could
 * not be read; unreadable). Returns the unit's index. */
size_t region_add_unit(region_set *s, const char *path, const gir_doc *d);
/* Sorts the units by path (strcmp; stable), missing roster units last
 * in roster order. Call before summaries, after roster matching. */
void region_sort(region_set *s);
/* The name a unit goes by in messages and comments: its agency, else
 * its file name. */
const char *region_unit_name(const region_unit *u);

/* ---- roster (roster.c) ---- */

/* Reads a roster CSV (UTF-8, optional BOM, RFC 4180 quoting, CRLF or LF)
 * named name. Problems are diagnosed into dg at their line and column.
 * Returns 0, or 1 after an error. */
int region_roster_read(region_set *s, gir_diags *dg, const char *name, const char *text, size_t len);
/* Matches the roster entries with the units (folded agency name or file
 * name, without .gir), marks units late after their deadline, adds the
 * missing units, and diagnoses ambiguous matches (errors), missing, late
 * and unlisted units (warnings) into dg. Linear (a hash of keys).
 * Returns the number of errors. */
size_t region_roster_match(region_set *s, gir_diags *dg);
typedef struct region_rate {
    size_t units, reported, on_time, late, missing, overdue, unlisted;
} region_rate; /* overdue: missing, and past the deadline */
void region_roster_rate(const region_set *s, region_rate *r);
/* The rate as one line of text (R_RATE), in the set's arena. */
const char *region_rate_text(region_set *s);
/* "90.0%" from n of d ("-" when d is 0), in arena a. */
const char *region_percent(gir_arena *a, size_t n, size_t d);

/* ---- the sum (sum.c) ---- */

/* Adds the tables of unit i (compiled as d) to the sum. Takes d: the
 * set frees it, or keeps the first as the sum's shape. A report of
 * another template, year or layout is diagnosed into dg (E1101, E1102,
 * E1105) and left out; so is a document without a report (E1103).
 * Returns 1 when d was added. */
int region_sum_add(region_set *s, gir_diags *dg, size_t i, gir_doc *d);
/* The number of units added so far. */
size_t region_sum_count(const region_set *s);
/* The cell of the sum (NULL before the first unit, or out of range). */
const region_cell *region_sum_cell(const region_set *s, int table, int block, int row, int col);
/* The first unit's document: the shape of the sum (NULL if none). */
const gir_doc *region_sum_base(const region_set *s);

/* ---- the region's .gir (emit.c) ---- */

/* The sum as a .gir text, in the set's arena: a header (template, year,
 * agency), a comment listing the units, every prose section with a
 * placeholder, every table with every row, each with a comment. NULL
 * when nothing was summed. */
const char *region_emit(region_set *s, const char *agency, size_t *len);

/* ---- the region against its units (compare.c) ---- */

/* Compares the checked report of region (its own diagnostics sink gets
 * them) with the sum: a warning at each region cell that differs (W1130)
 * or is below the known sum of units with blanks (W1131). Returns the
 * number of differences. */
size_t region_compare(region_set *s, gir_doc *region);

/* ---- reports nearly the same (similar.c, girc check --similar) ---- */

/* From now on region_add_unit keeps each unit's sentences (hashes); a
 * pair is similar from threshold percent of the shorter prose. */
void region_similar_enable(region_set *s, int threshold);
/* Keeps the sentences of unit's document d (called by region_add_unit). */
void region_similar_collect(region_set *s, size_t unit, const gir_doc *d);
/* Groups the similar units: a warning W0649 about each pair into dg (the
 * first unit's file, the other's path, the ratio, the sections).
 * Returns the number of pairs. */
size_t region_similar(region_set *s, gir_diags *dg);

/* ---- summaries (summary.c) ---- */

typedef enum { SUMMARY_CSV, SUMMARY_JSON, SUMMARY_HTML } region_summary_format;
/* The format called name, or -1. */
int region_summary_format_of(const char *name);
/* The batch summary in the set's arena (sorted rows; region_sort first). */
const char *region_summary(region_set *s, region_summary_format f, size_t *len);
#endif

/* check.h - the checker and the checked report. The checker resolves a
 * report against its template, types every cell, computes omitted totals,
 * checks written ones and every rule (勾稽关系), and runs the report-level
 * checks. Back ends read only the gir_report it produces. */
#ifndef GIR_CHECK_H
#define GIR_CHECK_H
#include <stdint.h>
#include "diag/diag.h"
#include "syntax/ast.h"
#include "syntax/lang.h"
#include "base/dec.h"
#include "template/schema.h"

typedef enum {
    CELL_ZERO = 0,   /* omitted: counts as 0 */
    CELL_WRITTEN,    /* written in the report */
    CELL_COMPUTED,   /* an omitted total, computed */
    CELL_BLANK,      /* written as _ (published empty): missing, not 0 */
    CELL_TEXT        /* a text cell */
} gir_cell_state;

typedef struct gir_cell {
    gir_cell_state state;
    gir_dec v;                 /* the value (in the column's unit for money) */
    const char *text;          /* CELL_TEXT */
    const char *unit;          /* money: the unit v is in; "" otherwise */
    gir_cell_type type;
    const gir_node *node;      /* the literal written, or NULL */
    gir_span span;             /* where it was written (or the row label) */
    int derived;               /* a total (computed or checked) */
    int bad;                   /* a diagnostic was reported on it */
    int mismatch;              /* written total differs from its parts */
    gir_dec expected;          /* derived: the value computed from its parts */
    const char *rule;          /* the first check that failed on this cell: a
                                  total's name (mismatch) or a rule's id ("R3.1"),
                                  for the data back ends; NULL if none */
    int rule_warning;          /* that rule is a warning, not an error */
    const gir_diag *finding;   /* the diagnostic of that check (its waived reason
                                  says whether the report waives it), or NULL */
} gir_cell;

typedef struct gir_rblock {
    gir_cell *cells;           /* nrows * ncols, row-major */
    const gir_node **row_nodes;/* the N_ROW that filled each row, or NULL */
} gir_rblock;

typedef struct gir_rtable {
    const gir_ttable *t;
    const gir_node *node;      /* the report's N_TABLE, NULL if absent */
    gir_rblock *blocks;
    int unresolved;            /* some row could not be placed: row totals are not checked */
} gir_rtable;

typedef struct gir_rsection {
    const gir_tsection *s;
    const gir_node *node;      /* the report's N_SECTION, NULL if absent */
    const char *prose;         /* CommonMark text, or NULL */
} gir_rsection;

typedef struct gir_report {
    const gir_schema *schema;
    const gir_node *header;
    const gir_source *src;     /* the source it was checked from */
    const char *title, *agency, *template_name, *previous_path;
    gir_agency_kind kind;      /* syntax/kinds.def */
    int year;
    int has_date, date_y, date_m, date_d;
    gir_rsection *sections;    /* schema->nsections, template order */
    gir_rtable *tables;        /* schema->ntables, template order */
    const struct gir_report *previous;
    size_t not_checkable;      /* rule instances skipped for blank cells */
    struct gir_waive_index *waive_index;   /* what each finding is about (waive.c) */
} gir_report;

/* Checking runs in two phases around the driver, which loads what the
 * header names (the template, last year's report): the checker never
 * reads a file itself.
 *   k = check_begin(...)            reads the report header; NULL when the
 *                                   file has no report (a template file is
 *                                   then checked as one)
 *   check_wants_template(k, &at)    the template it names, and where
 *   check_wants_previous(k, &at)    the `previous` path it names, and where
 *   check_finish(k, schema, prev)   everything else; prev may be NULL */
typedef struct gir_checker gir_checker;
gir_checker *check_begin(gir_arena *a, gir_diags *dg, const gir_source *src, const gir_node *ast);
const char *check_wants_template(const gir_checker *k, gir_span *at);
const char *check_wants_previous(const gir_checker *k, gir_span *at);
gir_report *check_finish(gir_checker *k, const gir_schema *s, const gir_report *previous);
/* What the prose checks found in each prose text, kept from one compile
 * of a document to the next (the language server keeps one per open
 * document): a text that did not change is not scanned again. The
 * findings are the same with or without it. Heap memory, about the size
 * of the prose; the texts one compile did not read are dropped at the
 * next. */
typedef struct gir_check_memo gir_check_memo;
gir_check_memo *check_memo_new(void);   /* NULL: out of memory */
void check_memo_free(gir_check_memo *m);
/* Before check_finish: k uses memo m (NULL: none). */
void check_use_memo(gir_checker *k, gir_check_memo *m);
gir_cell *report_cell(const gir_report *r, int table, int block, int row, int col);
/* The waiver that would waive finding g of r (the language server's
 * "waive" code action): *text gets a line `waive TARGET [WHERE] "reason"`
 * (with its indentation and newline) and *at the offset to insert it at:
 * after g's line inside its table or the header, else after the
 * top-level item holding g (WHERE then starts with the table's name).
 * TARGET is the rule id for a rule's finding, else the code. 0 when g
 * cannot be waived (another file, a code gir(5) does not let waive,
 * already waived). */
int check_waiver_edit(const gir_report *r, gir_arena *a, const gir_diag *g, const char *reason,
                      const char **text, uint32_t *at);
/* The sentences of a section's prose (sec an N_SECTION, or NULL: none),
 * as compared with last year's (W0645) and across a batch (--similar):
 * cut at 。！？；, ! ? ; and line breaks; key is the sentence without
 * spaces, quotes and Markdown marks, every run of digits written '#';
 * chars the characters counted; start, end its bytes in src. Sentences
 * of fewer than GIR_MIN_SENTENCE characters are left out. Linear. */
enum { GIR_MIN_SENTENCE = 8 };
typedef struct gir_sentence {
    const char *key;
    size_t chars;
    uint32_t start, end;
} gir_sentence;
gir_sentence *check_sentences(gir_arena *a, const gir_source *src, const gir_node *sec, size_t *n);
/* The schema a template file declares (for `girc check stdlib/x.gir`). */
const gir_schema *check_template_file(gir_arena *a, gir_diags *dg, const gir_source *src, const gir_node *ast);
#endif

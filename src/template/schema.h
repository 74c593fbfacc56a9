/* schema.h - a template (one of the stdlib, or a user file) compiled
 * into tables, blocks, header trees, cell types, derived cells and rules.
 * The schema is data: a variant template needs no C change. */
#ifndef GIR_SCHEMA_H
#define GIR_SCHEMA_H
#include <stddef.h>
#include "syntax/ast.h"
#include "diag/diag.h"

typedef enum { CT_COUNT = 0, CT_MONEY, CT_CHANGE, CT_TEXT } gir_cell_type;
enum { CT__COUNT = CT_TEXT + 1 };

typedef struct gir_hnode gir_hnode;
struct gir_hnode {                 /* a row or a column: a leaf or a group */
    const char *name;              /* short name */
    const char *label;             /* official label ("" when none) */
    const char **aliases; size_t naliases;
    int is_group;
    gir_hnode *parent;
    gir_hnode **kids; size_t nkids;
    int index;                     /* leaf position in its block (-1 for groups) */
    int depth;                     /* 0 for top level */
    int has_type;
    gir_cell_type type;
    const char *units[4]; size_t nunits;  /* money: units[0] is the unit shown */
    int *sum; size_t nsum;         /* derived: leaf indices summed (same axis) */
    const gir_node *decl;          /* declaration in the template source */
    gir_span sum_span;
    /* computed once at build, for lookups (label_fold each time made every
     * lookup allocate: a report of 100,000 misspelt rows took 1.6 GB) */
    const char *fname, *flabel;    /* label_fold of name and label */
    const char **faliases;         /* label_fold of each alias */
    gir_hnode **all; size_t nall;  /* a block's root or a group: every node below it, pre-order */
    /* a block's root or a group, from schema_build on: the position in all
     * of the first node with each name or alias, and of the first node
     * with a label with each folded label or alias (lookups in constant
     * time: a template of 100,000 rows was quadratic) */
    struct gir_strmap *by_name, *by_fold;
};

typedef struct gir_block {
    int index;
    const char *caption;           /* e.g. "第二十条第（一）项", or NULL */
    const char *rowheader;         /* e.g. "信息内容", or NULL */
    int rowlabels;                 /* 0: the one row has no label (table 4) */
    gir_hnode *colroot, *rowroot;  /* synthetic groups holding the trees */
    gir_hnode **cols; size_t ncols;  /* leaves in order */
    gir_hnode **rows; size_t nrows;
    const gir_node *decl;
} gir_block;

typedef struct gir_term {          /* one signed term of a rule side */
    int sign;
    const gir_node *ref;           /* N_REF or N_CONST in the template */
    const char *name;              /* the reference as written ("a.b") */
    long long constant; int is_const;
    int block, row, col;           /* resolved; -1 where it varies by instance */
    int prev;                      /* previous.ROW: last year's report */
} gir_term;

typedef struct gir_expr {          /* sum of signed terms */
    gir_term *terms;
    size_t nterms;
} gir_expr;

typedef struct gir_rule {
    const char *id;
    int severity;                  /* GIR_SEV_ERROR or GIR_SEV_WARNING */
    int pattern;                   /* 1: reported when it holds everywhere;
                                      2: a mention (prose numbers vs lhs) */
    const char **phrases; size_t nphrases;
    int scope;                     /* SCOPE_* */
    int cmp;                       /* CMP_* */
    gir_expr lhs, rhs;
    int *inst; size_t ninst;       /* SCOPE_ROWS/COLUMNS: row or column per instance */
    int *inst_block;               /* block of each instance */
    int block;                     /* block of each-column/each-row rules */
    const char *message;
    const gir_node *decl;
    struct gir_acm *phrase_acm;    /* a `jump`: its phrases' automaton (wording.c) */
} gir_rule;

typedef struct gir_ttable {
    int index;
    const char *name, *label;
    const char **aliases; size_t naliases;
    const char *note;              /* the 勾稽 note cell */
    gir_block **blocks; size_t nblocks;
    gir_rule **rules; size_t nrules;
    const gir_node *decl;
    /* `jump` lines: the cells compared with last year's (pattern 2, like
     * a mention: lhs and phrases; check/jumps.c) */
    gir_rule **jumps; size_t njumps;
} gir_ttable;

typedef struct gir_tsection {
    int index;
    const char *name, *label;
    const char **aliases; size_t naliases;
    gir_ttable *table;             /* table sections; NULL for prose sections */
    const gir_node *decl;
} gir_tsection;

/* One phrase of a `mention` rule: table, rule of that table, phrase. */
typedef struct gir_mention {
    size_t table, rule, phrase;
} gir_mention;

typedef struct gir_schema {
    const char *name, *title, *source_doc;
    int year_from, year_to;
    gir_tsection **sections; size_t nsections;
    gir_ttable **tables; size_t ntables;
    const gir_source *src;         /* the template's source text */
    const char *path;              /* file it came from (stdlib/… for built-ins) */
    const gir_node *decl;
    /* from schema_build on: the index of the first section (table) with
     * each name or alias, and with each folded label or alias (lookups
     * in constant time: a template of 100,000 sections was quadratic) */
    struct gir_strmap *sec_name, *sec_fold, *tab_name, *tab_fold;
    /* every phrase of every mention rule, in the order of tables, rules
     * and phrases, and their automaton (prose is scanned once) */
    gir_mention *ment; size_t nment;
    struct gir_acm *mentions;
    /* the `wording` and `threshold` lines (wording.h) */
    struct gir_wordbook *wordbook;
} gir_schema;

/* Builds a schema from an N_TEMPLATE node; problems are diagnosed
 * against the template source. Returns NULL if unusable. */
gir_schema *schema_build(gir_arena *a, gir_diags *d, const gir_source *src, const gir_node *tmpl);

/* The years a template declares (`years FROM..TO`): 0..9999 when it
 * declares none. */
void schema_years(const gir_node *tmpl, int *from, int *to);

/* Lookup by short name, alias, or official label (folded). */
gir_tsection *schema_find_section(const gir_schema *s, gir_arena *a, const char *name);
gir_ttable *schema_find_table(const gir_schema *s, gir_arena *a, const char *name);
/* Row or column leaf/group of a table by name; *block gets its block. */
gir_hnode *schema_find_row(const gir_ttable *t, gir_arena *a, const char *name, int *block);
gir_hnode *schema_find_col(const gir_block *b, gir_arena *a, const char *name);
/* Names matching a path "a.b" (group-qualified). */
int hnode_matches(const gir_hnode *h, gir_arena *a, const char *name);
/* Up to max "did you mean" candidates for a misspelt name among the
 * given nodes, best first: the short names of leaves (a name matches by
 * its short name, official label or aliases; group headings, which are
 * never written, are not suggested). */
size_t schema_suggest(gir_arena *a, gir_hnode *const *nodes, size_t n, const char *name,
                      const char **out, size_t max);
const char *cell_type_name(gir_cell_type t);
#endif

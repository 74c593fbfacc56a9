/* ast.h - the syntax tree shared by reports and templates. Nodes live in
 * the compilation's arena; every node, down to one table cell, carries
 * its byte span. Children form a singly linked list with a tail pointer,
 * so appending is O(1) and traversal (ast_next) is iterative. */
#ifndef GIR_AST_H
#define GIR_AST_H
#include <stdint.h>
#include "base/arena.h"
#include "diag/source.h"

typedef enum {
    N_FILE,      /* children: top-level items */
    N_REPORT,    /* str: title (may be NULL); children: N_FIELD */
    N_FIELD,     /* children: N_NAME key, value (N_LIT or N_NAME) */
    N_SECTION,   /* children: N_NAME, N_LIT (prose or string) */
    N_TABLE,     /* children: N_NAME, N_ROW... */
    N_ROW,       /* children: N_LIT / N_NAME / N_PATH items, N_NAMED cells */
    N_NAMED,     /* COLUMN=VALUE cell; children: N_NAME or N_PATH, N_LIT */
    N_NAME,      /* str: identifier or decoded string; quoted = from a string */
    N_PATH,      /* a.b.c; children: N_NAME... */
    N_LIT,       /* a literal value; see lit */
    /* templates */
    N_TEMPLATE,  /* children: N_NAME, [N_LIT title], items */
    N_SOURCE,    /* children: N_LIT */
    N_YEARS,     /* children: N_LIT from, N_LIT to */
    N_TSECTION,  /* children: N_NAME, N_LIT label, N_ALIAS..., [N_TABLEREF] */
    N_TABLEREF,  /* children: N_NAME */
    N_TTABLE,    /* children: N_NAME, [N_LIT label], N_ALIAS..., items */
    N_NOTE,      /* children: N_LIT; op 'h': a rowheader */
    N_BLOCK,     /* children: [N_LIT caption], items (N_COLUMNS, N_ROWS, N_ROWLABELS, notes, rules) */
    N_COLUMNS,   /* children: N_GROUP / N_LEAF */
    N_ROWS,      /* children: N_GROUP / N_LEAF */
    N_ROWLABELS, /* str: the word after rowlabels (only none is valid) */
    N_GROUP,     /* children: N_NAME, [N_LIT label], N_ALIAS..., N_GROUP/N_LEAF */
    N_LEAF,      /* children: N_NAME, [N_LIT label], N_ALIAS..., [N_TYPE], [N_SUM] */
    N_ALIAS,     /* children: N_NAME... */
    N_TYPE,      /* str: type name; children: N_NAME units */
    N_SUM,       /* children: N_REF or N_RANGE */
    N_RANGE,     /* children: N_REF from, N_REF to */
    N_REF,       /* children: N_NAME... (a path) */
    N_RULE,      /* str: id; op: severity; children: N_SCOPE, lhs, rhs, N_LIT message */
    N_PATTERN,   /* same shape as N_RULE */
    N_SCOPE,     /* op: scope kind; children: N_REF... (for rows()/columns()) */
    N_BINOP,     /* op: '+' or '-'; children: lhs, rhs */
    N_CONST,     /* children: N_LIT (a number in an expression) */
    N_MENTION,   /* str: id; op: severity; children: expr, N_ALIAS of phrases */
    N_WORDING,   /* template: children: N_NAME key, N_ALIAS of words (wording KEY w...) */
    N_THRESHOLD, /* template: children: N_NAME key, N_LIT number (threshold KEY N) */
    N_JUMP,      /* table of a template: children: expr, N_ALIAS of phrases */
    N_WAIVER,    /* children: N_NAME target (code or rule id), [N_NAME / N_PATH
                    what it names], [N_LIT reason]; in a table, a header or at top level */
    N_KIND__COUNT
} gir_node_kind;

/* Literal kinds. */
typedef enum {
    LIT_NUMBER, LIT_STRING, LIT_PROSE, LIT_DATE, LIT_BLANK
} gir_lit_kind;

typedef struct gir_lit {
    gir_lit_kind kind;
    /* LIT_NUMBER: sign (+1, -1, or 0 when none written), ASCII digits of
     * the integer and fraction parts (full-width already folded), unit
     * ("" when none); written_sign: the sign as kept ("" when none, else
     * the `written` form of syntax/numbers.def: "+", "-", "增", "减").
     * fullwidth: some character was full-width. */
    int sign;
    const char *int_digits, *frac_digits, *unit, *written_sign;
    int fullwidth;
    /* LIT_DATE */
    int year, month, day;
    /* LIT_STRING read from an official label written without quotes: its
     * E0130 diagnostic (a gir_diag *), to which the checker adds the
     * short name of the row it names; else NULL */
    void *pasted;
} gir_lit;

/* Scope kinds for rules (N_SCOPE.op). */
enum { SCOPE_CELLS = 0, SCOPE_EACH_COLUMN, SCOPE_EACH_ROW, SCOPE_ROWS, SCOPE_COLUMNS };
/* Comparison operators (N_RULE.cmp). */
enum { CMP_EQ = 1, CMP_NE, CMP_LE, CMP_GE, CMP_LT, CMP_GT };

typedef struct gir_node gir_node;
struct gir_node {
    gir_node_kind kind;
    gir_span span;
    gir_node *parent, *first, *last, *next;
    const char *str;   /* decoded text (name, string contents, prose) */
    uint32_t len;      /* bytes in str (strings may hold no NUL, so strlen works too) */
    int op;            /* operator / severity / scope kind, by node kind */
    int cmp;           /* comparison of rules */
    int quoted;        /* N_NAME came from a string literal */
    gir_lit lit;       /* N_LIT */
};

gir_node *ast_new(gir_arena *a, gir_node_kind k, gir_span sp);
/* Appends child (NULL is ignored) and widens the parent's span. Returns parent. */
gir_node *ast_append(gir_node *parent, gir_node *child);
/* The i-th child (0-based) or NULL. */
gir_node *ast_child(const gir_node *n, unsigned i);
/* First child of kind k, or NULL. */
gir_node *ast_find(const gir_node *n, gir_node_kind k);
/* Pre-order iteration without recursion: next node after n within root. */
gir_node *ast_next(const gir_node *root, const gir_node *n);
const char *ast_kind_name(gir_node_kind k);
/* S-expression dump with byte spans, for tests (test_parser.c); no
 * command prints it. */
void ast_dump(const gir_node *root, gir_buf *out);
#endif

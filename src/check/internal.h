/* internal.h - internal interface between the checker's files:
 * check.c (driver, header, sections, report level), table.c (rows,
 * cells, types), sums.c (totals and rules), prose.c (numbers in the
 * prose), waive.c (the report's waivers). */
#ifndef GIR_CHECK_INT_H
#define GIR_CHECK_INT_H
#include "check.h"
#include "base/array.h"

typedef struct ck {
    gir_arena *a;
    gir_diags *dg;
    const gir_source *src;
    const gir_node *ast;
    gir_report *r;
    const gir_schema *s;
    uint32_t *syntax_at; size_t nsyntax;   /* sorted offsets of the parse errors */
    struct ck_tag *tags; size_t ntags;     /* what rule findings are about (waive.c) */
    struct ck_sus *sus; size_t nsus;       /* the likely-wrong-cell notes and their findings (suspect.c) */
    gir_check_memo *memo;                  /* what earlier compiles found in the prose (memo.c), or NULL */
} ck;

/* ---- the memo (memo.c) ---- */
/* The scans whose records are kept by prose text. */
typedef enum { MEMO_MENTIONS, MEMO_SHARES, MEMO_SENTENCES, MEMO__PARTS } memo_part_id;
/* Starts a compile with memo m (NULL: none) once c->s is set: drops the
 * texts the last compile did not read, and everything when the template
 * differs in what the parts read of it. */
void memo_begin(ck *c, gir_check_memo *m);
/* The n records kept for part of text [b, e) when the text is known and
 * was scanned with the same key; else NULL. */
const void *memo_get(ck *c, const unsigned char *b, const unsigned char *e, memo_part_id part, long long key, size_t *n);
/* Keeps the n records of elem bytes v of part for text [b, e) (a copy;
 * nothing kept without a memo, for a short text, or out of memory). */
void memo_put(ck *c, const unsigned char *b, const unsigned char *e, memo_part_id part, long long key, const void *v, size_t n,
              size_t elem);


void check_table(ck *c, gir_rtable *rt);
/* True if a lexer or parser error starts inside span (binary search). */
int check_syntax_error_in(const ck *c, gir_span span);
void check_totals(ck *c, gir_rtable *rt);
void check_rules(ck *c, gir_rtable *rt);
/* The value of a mention's cell expression; 0 if not computable. */
int check_expr_value(ck *c, gir_rtable *rt, const gir_rule *ru, gir_dec *out, gir_span *at);
/* R3.9: numbers stated in the prose against the tables (prose.c), then
 * every row or column quoted after a mention's phrase (check_quoted,
 * quoted.c: W0670) and shares recomputed (check_percents, percent.c:
 * W0671, on the prose [b, e) of one section). */
void check_mentions(ck *c);
void check_quoted(ck *c);
void check_percents(ck *c, const unsigned char *b, const unsigned char *e);
/* After a phrase ending at p: "N件" (digits or Chinese numerals), after
 * at most a few filler characters (申请, 共, 为): 1, the number's span
 * and its value (prose.c). */
int prose_number_after(const unsigned char *p, const unsigned char *e, const unsigned char **nb,
                       const unsigned char **ne, gir_dec *v);
/* The clause around bytes [s, t) of [b, e) (cut at ，；：、。) speaks of
 * last year or compares with it (上年, 去年, 同比, 较, 比 outside [s, t)):
 * its numbers are not this year's cells (quoted.c). */
int prose_last_year_clause(const unsigned char *b, const unsigned char *e, size_t s, size_t t);
/* 1 if one of those words starts at p (and ends before e). */
int prose_last_year_word(const unsigned char *p, const unsigned char *e);
/* The 落款 (signature block) at the end of the report: its agency and
 * date against the header's (signoff.c: W0672, W0673). */
void check_signoff(ck *c);
/* The displayed name of a row or column: its short name. */
const char *hnode_display(const gir_hnode *h);
/* A span that points at a cell: where written, else its row's label. */
gir_span cell_span(ck *c, gir_rtable *rt, int blk, int row, int col);
/* Records that finding g (may be NULL) comes from rule ru in block blk
 * (-1: its first term's), about row and col (-1 where the instance spans
 * them, -2 for a finding about the whole rule; a rule on fixed cells is
 * about its first term's cell), so that a waiver can name the rule and
 * the instance (waive.c). */
void check_tag_rule(ck *c, const gir_diag *g, const gir_rtable *rt, const gir_rule *ru, int blk, int row, int col);
/* Applies the report's waivers to the findings so far, then reports the
 * waivers that are wrong or waive nothing (waive.c); runs last. */
void check_waivers(ck *c);
/* What evaluators penalise, on the report alone (evaluate.c, W0640-W0648),
 * then against last year's report (check_copied, copied.c: W0645, W0646). */
void check_evaluate(ck *c);
void check_copied(ck *c);
/* W0680: the template's `jump` cells against last year's (jumps.c). */
void check_jumps(ck *c);
/* One relation of a block for suspect.c: sum(coef[k] * cell[k]) + konst
 * cmp 0, cells by index row * ncols + col in the block; g is the rule's
 * finding when the relation failed, else NULL. */
typedef struct sus_rel {
    int *cell; int *coef; size_t n;
    int64_t konst;
    int cmp;
    const gir_diag *g;
} sus_rel;
/* The likely wrong cell (N0660, N0661): after the rules of a table, for a
 * block where a rule or a written total failed, the fewest cells (one, else two) whose change
 * makes every relation of the block hold, as a note on the first failure
 * (suspect.c). sums.c gives the rule relations; written totals are added. */
/* Whether r satisfies comparison cmp (CMP_EQ, …) against 0 (sums.c). */
int check_cmp_holds(int cmp, int64_t r);
void check_suspect(ck *c, gir_rtable *rt, int blk, const sus_rel *rels, size_t nrels);
/* After the waivers: drops each N0660/N0661 note whose failing findings
 * were all waived (the reviewer accepted them; a suggestion is noise). */
void check_suspect_waived(ck *c);
/* True for the code points that end a sentence (。！？；, ! ? ; and a line break). */
static inline int ev_sentence_end(uint32_t cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B || cp == '\n' || cp == '!' || cp == '?' ||
           cp == ';';
}
/* The end of the sentence starting at p in [p, e): just after its end
 * mark (ev_sentence_end), else e. The same as decoding each character
 * from p, found without decoding (evaluate.c). */
const unsigned char *ev_sentence_after(const unsigned char *p, const unsigned char *e);
/* The first place of the n bytes w in [p, e), or NULL: memmem, found with
 * memchr for w's last byte (in Chinese text a continuation byte, about
 * one byte in a hundred) and a compare, for a word of at most
 * EV_FIND_SHORT bytes (so that the compares stay linear in the text);
 * a longer word is memmem's (evaluate.c). */
enum { EV_FIND_SHORT = 32 };
const unsigned char *ev_find(const unsigned char *p, const unsigned char *e, const char *w, size_t n);
#endif

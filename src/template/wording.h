/* wording.h - the words and figures of a template's `wording` and
 * `threshold` lines (keys in wording.def), compiled into its schema, and
 * the thresholds given on the command line, which override them. */
#ifndef GIR_TEMPLATE_WORDING_H
#define GIR_TEMPLATE_WORDING_H
#include "schema.h"

enum { GIR_WK_WORDS = 1, GIR_WK_SECTION, GIR_WK_CELL };

typedef enum {
#define GIR_WORDING(id, key, kind) id,
#define GIR_THRESHOLD(id, key, lo, hi)
#include "wording.def"
#undef GIR_WORDING
#undef GIR_THRESHOLD
    WD__COUNT
} gir_wording_id;

typedef enum {
#define GIR_WORDING(id, key, kind)
#define GIR_THRESHOLD(id, key, lo, hi) id,
#include "wording.def"
#undef GIR_WORDING
#undef GIR_THRESHOLD
    TH__COUNT
} gir_threshold_id;

typedef struct gir_words {
    const char **w; size_t n;      /* the words, in the template's order */
    const gir_tsection *section;   /* GIR_WK_SECTION: the section named */
    const gir_node *decl;          /* the `wording` line, NULL if none */
    struct gir_acm *acm;           /* the words' automaton (words_in), or NULL */
} gir_words;

typedef struct gir_wordbook {
    gir_words words[WD__COUNT];
    double th[TH__COUNT];
    const gir_node *th_decl[TH__COUNT];   /* the `threshold` line, NULL if none */
} gir_wordbook;

/* Reads the `wording` and `threshold` lines of tmpl into s->wordbook
 * (after its sections and tables are built); problems are diagnosed. */
void wording_build(gir_arena *a, gir_diags *d, const gir_source *src, gir_schema *s, const gir_node *tmpl);
/* The words of key id, or NULL when the template declares none. */
const gir_words *schema_words(const gir_schema *s, gir_wording_id id);
/* True when word list w holds a word found in [b, e): one pass over the
 * text with w's automaton when it has one (every list of a built schema
 * has), else one search per word. */
int words_in(const gir_words *w, const unsigned char *b, const unsigned char *e);
/* Threshold id: the command line's value, else the template's; 0 when
 * neither gives one (the check that needs it does not run). */
int schema_threshold(const gir_schema *s, gir_threshold_id id, double *out);
/* `--threshold key=VALUE`: kept for every template compiled afterwards in
 * this process. 0, -1 for an unknown key, -2 for a value out of range. */
int threshold_override(const char *key, double v);
/* Parses "key=VALUE" and calls threshold_override; -3 if not of that form. */
int threshold_option(const char *arg);
/* The hint of a refused "key=VALUE" in out (size bytes): the key's range
 * ("copied: 1..100", *range 1) when the key is known, else the list of
 * keys (*range 0). */
size_t threshold_hint(const char *arg, char *out, size_t size, int *range);
/* Forgets every override (the templates' thresholds hold again). */
void threshold_overrides_clear(void);
#endif

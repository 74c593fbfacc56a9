/* lang.h - the facts of the .gir language, each declared once, in a .def
 * file of this folder, and read from here by the lexer, the parser's
 * messages, the template compiler, the checker, completion and hover:
 *   keywords.def  reserved words and their tokens
 *   fields.def    the fields of a report header
 *   kinds.def     agency kinds, the words for them, art. 49 deadlines
 *   numbers.def   sign words and units of numbers
 * The lists keep their .def order; every list ends with a NULL word. */
#ifndef GIR_LANG_H
#define GIR_LANG_H
#include <stddef.h>
#include "base/msgs.h"

/* ---- keywords ---- */

enum { GIR_KW_TOP = 1, GIR_KW_TEMPLATE = 2 };   /* where a keyword is written */

typedef struct gir_keyword {
    const char *word;
    int token;                     /* bison token kind (parser.h) */
    int where;                     /* GIR_KW_* */
} gir_keyword;

extern const gir_keyword gir_keywords[];
/* The token of the keyword spelt by the n bytes at s, 0 if none. */
int lang_keyword(const char *s, size_t n);
/* The word of a keyword token, NULL if the token is no keyword. */
const char *lang_keyword_word(int token);

/* Words that mean something in one place only and are not reserved:
 * `previous.ROW` in a rule (last year's report), `rowlabels none`. */
#define GIR_WORD_PREVIOUS "previous"
#define GIR_WORD_NONE "none"
/* The reference after "previous." in a rule term, or NULL. */
const char *lang_after_previous(const char *ref);

/* ---- report header ---- */

enum { GIR_VAL_STRING = 1, GIR_VAL_NUMBER = 2, GIR_VAL_DATE = 4, GIR_VAL_NAME = 8 };

typedef enum {
#define GIR_FIELD(id, name, values, required, help) id,
#include "fields.def"
#undef GIR_FIELD
    FIELD__COUNT
} gir_field_id;

typedef struct gir_field {
    const char *name;
    int values;                    /* GIR_VAL_* it accepts */
    int required;
    gir_msg help;                  /* hover and completion text */
} gir_field;

extern const gir_field gir_fields[FIELD__COUNT + 1];
/* The field called name, or -1. */
int lang_field(const char *name);

/* The years a report may be for (error E0606). */
enum { GIR_YEAR_MIN = 1990, GIR_YEAR_MAX = 2200 };

/* ---- agency kinds ---- */

typedef enum {
    KIND_UNKNOWN = 0,
#define GIR_KIND(id, name) id,
#define GIR_KIND_WORD(word, id)
#define GIR_DEADLINE(id, month, day, note)
#include "kinds.def"
#undef GIR_KIND
} gir_agency_kind;

/* KIND_UNKNOWN and the kinds (not a gir_agency_kind: a switch over the
 * kinds need not name it). */
enum {
    KIND__COUNT = 1
#define GIR_KIND(id, name) +1
#include "kinds.def"
#undef GIR_KIND
#undef GIR_KIND_WORD
#undef GIR_DEADLINE
};

/* Canonical names by kind; [KIND_UNKNOWN] is NULL. */
extern const char *const gir_kind_names[KIND__COUNT];

typedef struct gir_kind_word {
    const char *word;
    gir_agency_kind kind;
} gir_kind_word;

/* The other words accepted for a kind. */
extern const gir_kind_word gir_kind_words[];
/* The kind a word names (canonical name or other word), KIND_UNKNOWN if none. */
gir_agency_kind lang_kind(const char *word);

typedef struct gir_deadline {
    int month, day;                /* of the year after the one reported on */
    gir_msg note;                  /* the article, quoted */
} gir_deadline;

/* The art. 49 deadline of a kind, NULL when it has none. */
const gir_deadline *lang_deadline(gir_agency_kind k);

/* ---- numbers ---- */

typedef struct gir_sign {
    const char *word;
    int sign;                      /* +1 or -1 */
    const char *written;           /* gir_lit.written_sign */
    int fullwidth;
} gir_sign;

extern const gir_sign gir_signs[];
/* The sign word the bytes [p, e) start with, or NULL. */
const gir_sign *lang_sign_at(const char *p, const char *e);

typedef enum { GIR_UNIT_COUNT, GIR_UNIT_MONEY } gir_quantity;

typedef struct gir_unit {
    const char *word;
    gir_quantity quantity;
    int scale;                     /* money: one unit is 10^scale 元 */
} gir_unit;

extern const gir_unit gir_units[];
/* The unit spelt word, NULL if none (and for ""). */
const gir_unit *lang_unit(const char *word);
/* Money: the unit of scale 0 (元); count: the first count unit (件). */
const char *lang_unit_base(gir_quantity q);
#endif

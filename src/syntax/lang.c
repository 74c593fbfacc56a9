/* lang.c - the tables of syntax/lang.h, built from the .def files of this
 * folder, and the lookups in them. */
#include <string.h>
#include "lang.h"
#include "parser.h"

const gir_keyword gir_keywords[] = {
#define GIR_KEYWORD(token, word, where) {word, token, where},
#include "keywords.def"
#undef GIR_KEYWORD
    {NULL, 0, 0},
};

int lang_keyword(const char *s, size_t n)
{
    for (const gir_keyword *k = gir_keywords; k->word; k++)
        if (strlen(k->word) == n && memcmp(k->word, s, n) == 0) return k->token;
    return 0;
}

const char *lang_keyword_word(int token)
{
    for (const gir_keyword *k = gir_keywords; k->word; k++)
        if (k->token == token) return k->word;
    return NULL;
}

const char *lang_after_previous(const char *ref)
{
    size_t n = strlen(GIR_WORD_PREVIOUS);
    if (strncmp(ref, GIR_WORD_PREVIOUS, n) != 0 || ref[n] != '.') return NULL;
    return ref + n + 1;
}

const gir_field gir_fields[FIELD__COUNT + 1] = {
#define GIR_FIELD(id, name, values, required, help) [id] = {name, values, required, help},
#include "fields.def"
#undef GIR_FIELD
    [FIELD__COUNT] = {NULL, 0, 0, 0},
};

int lang_field(const char *name)
{
    for (int i = 0; i < FIELD__COUNT; i++)
        if (strcmp(gir_fields[i].name, name) == 0) return i;
    return -1;
}

const char *const gir_kind_names[KIND__COUNT] = {
    [KIND_UNKNOWN] = NULL,
#define GIR_KIND(id, name) [id] = name,
#define GIR_KIND_WORD(word, id)
#define GIR_DEADLINE(id, month, day, note)
#include "kinds.def"
#undef GIR_KIND
#undef GIR_KIND_WORD
#undef GIR_DEADLINE
};

const gir_kind_word gir_kind_words[] = {
#define GIR_KIND(id, name)
#define GIR_KIND_WORD(word, id) {word, id},
#define GIR_DEADLINE(id, month, day, note)
#include "kinds.def"
#undef GIR_KIND
#undef GIR_KIND_WORD
#undef GIR_DEADLINE
    {NULL, KIND_UNKNOWN},
};

static const gir_deadline deadlines[KIND__COUNT] = {
#define GIR_KIND(id, name)
#define GIR_KIND_WORD(word, id)
#define GIR_DEADLINE(id, month, day, note) [id] = {month, day, note},
#include "kinds.def"
#undef GIR_KIND
#undef GIR_KIND_WORD
#undef GIR_DEADLINE
};

gir_agency_kind lang_kind(const char *word)
{
    for (int k = 1; k < KIND__COUNT; k++)
        if (strcmp(gir_kind_names[k], word) == 0) return (gir_agency_kind)k;
    for (const gir_kind_word *w = gir_kind_words; w->word; w++)
        if (strcmp(w->word, word) == 0) return w->kind;
    return KIND_UNKNOWN;
}

const gir_deadline *lang_deadline(gir_agency_kind k)
{
    int i = (int)k;
    if (i <= KIND_UNKNOWN || i >= KIND__COUNT || !deadlines[i].month) return NULL;
    return &deadlines[i];
}

const gir_sign gir_signs[] = {
#define GIR_SIGN(word, sign, written, fullwidth) {word, sign, written, fullwidth},
#define GIR_UNIT(word, quantity, scale)
#include "numbers.def"
#undef GIR_SIGN
#undef GIR_UNIT
    {NULL, 0, NULL, 0},
};

const gir_sign *lang_sign_at(const char *p, const char *e)
{
    for (const gir_sign *s = gir_signs; s->word; s++) {
        size_t n = strlen(s->word);
        if ((size_t)(e - p) >= n && memcmp(p, s->word, n) == 0) return s;
    }
    return NULL;
}

const gir_unit gir_units[] = {
#define GIR_SIGN(word, sign, written, fullwidth)
#define GIR_UNIT(word, quantity, scale) {word, quantity, scale},
#include "numbers.def"
#undef GIR_SIGN
#undef GIR_UNIT
    {NULL, GIR_UNIT_COUNT, 0},
};

const gir_unit *lang_unit(const char *word)
{
    for (const gir_unit *u = gir_units; u->word; u++)
        if (strcmp(u->word, word) == 0) return u;
    return NULL;
}

const char *lang_unit_base(gir_quantity q)
{
    for (const gir_unit *u = gir_units; u->word; u++)
        if (u->quantity == q && u->scale == 0) return u->word;
    return NULL;
}

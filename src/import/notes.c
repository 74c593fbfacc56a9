/* notes.c - the .gir's comments from the message catalogue (notes.h). */
#include <stdarg.h>
#include <stdio.h>
#include "base/array.h"
#include "notes.h"

const char *imp_say(imp_ctx *c, gir_msg id, ...)
{
    const char *fmt = msg_fmt(c->dg->lang, id);
    va_list ap, aq;
    va_start(ap, id);
    va_copy(aq, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    char *p = arena_alloc(c->a, (size_t)n + 1);
    if (p)
        vsnprintf(p, (size_t)n + 1, fmt, aq);
    va_end(aq);
    return p ? p : "";
}

/* Entry id with the arguments, cut to 1023 bytes, in the arena. */
static const char *note_text(imp_ctx *c, gir_msg id, va_list ap)
{
    char tmp[1024];
    vsnprintf(tmp, sizeof tmp, msg_fmt(c->dg->lang, id), ap);
    return arena_strdup(c->a, tmp);
}

void imp_row_note(imp_ctx *c, imp_row *r, gir_msg id, ...)
{
    va_list ap;
    va_start(ap, id);
    const char *s = note_text(c, id, ap);
    va_end(ap);
    ARRAY_PUSH(c->a, r->notes, r->nnotes, s);
}

void imp_table_note(imp_ctx *c, imp_table *t, gir_msg id, ...)
{
    va_list ap;
    va_start(ap, id);
    const char *s = note_text(c, id, ap);
    va_end(ap);
    ARRAY_PUSH(c->a, t->notes, t->nnotes, s);
}

/* notes.c - the .gir's comments from the message catalogue (notes.h). */
#include <stdarg.h>
#include <stdio.h>
#include "base/array.h"
#include "notes.h"

const char *imp_say(imp_ctx *c, gir_msg id, ...)
{
    va_list ap;
    va_start(ap, id);
    const char *p = arena_vprintf(c->a, msg_fmt(c->dg->lang, id), ap);
    va_end(ap);
    return p ? p : "";
}

/* Entry id with the arguments, in the arena (never cut). */
static const char *note_text(imp_ctx *c, gir_msg id, va_list ap)
{
    const char *p = arena_vprintf(c->a, msg_fmt(c->dg->lang, id), ap);
    return p ? p : "";
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

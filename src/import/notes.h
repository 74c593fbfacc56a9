/* notes.h - the comments the importer writes into the .gir: catalogue
 * entries (msgs_import.def, I_G_*) in the language of the diagnostics
 * (c->dg->lang: --lang, Chinese by default), as text, or as comment lines
 * above a row or at the top of a table. */
#ifndef GIR_IMPORT_NOTES_H
#define GIR_IMPORT_NOTES_H
#include "base/msgs.h"
#include "internal.h"

/* Catalogue entry id formatted with the arguments (in the arena). */
const char *imp_say(imp_ctx *c, gir_msg id, ...);
/* Adds entry id as a comment line above row r / at the top of table t
 * (at most 1023 bytes; a character cut there is dropped when written). */
void imp_row_note(imp_ctx *c, imp_row *r, gir_msg id, ...);
void imp_table_note(imp_ctx *c, imp_table *t, gir_msg id, ...);
#endif

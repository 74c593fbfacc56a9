/* msgs.h - the one message catalogue. Every user-visible sentence
 * (diagnostics, summaries, --help) is an entry in one of the msgs_*.def
 * files: MSG(ID, "CODE", "中文 printf format", "English printf format").
 * CODE is the stable diagnostic code ("" for non-diagnostic text). Both
 * formats take the same arguments; use %1$s-style positions when the
 * order differs. */
#ifndef GIR_MSGS_H
#define GIR_MSGS_H

typedef enum { GIR_LANG_ZH = 0, GIR_LANG_EN = 1 } gir_lang;

typedef enum {
#define MSG(id, code, zh, en) id,
#include "msgs_core.def"
#include "msgs_check.def"
#include "msgs_import.def"
#include "msgs_lsp.def"
#include "msgs_cli.def"
#include "msgs_render.def"
#include "msgs_region.def"
#undef MSG
    MSG__COUNT
} gir_msg;

const char *msg_fmt(gir_lang lang, gir_msg id);
const char *msg_code(gir_msg id);
/* Can a finding with this code be waived in a report (`waive`, gir(5))?
 * The checks of figures (totals, rules, patterns, prose mentions:
 * E0501-E0504) and every warning of the tables and of the report
 * (W05xx, W06xx); never a syntax, template, header or cell error. */
int msg_code_waivable(const char *code);
/* Language from --lang, else LC_ALL / LC_MESSAGES / LANG: English when
 * the value starts with "en", Chinese otherwise (and when unset). */
gir_lang msg_lang_from_env(void);
/* Parses "zh", "zh_CN...", "en", "en_US..."; returns -1 if unknown. */
int msg_lang_parse(const char *s);
#endif

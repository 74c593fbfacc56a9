/* msgs.c - lookup in the message catalogue (msgs_*.def). */
#include <stdlib.h>
#include <string.h>
#include "msgs.h"

static const struct { const char *code, *zh, *en; } catalogue[] = {
#define MSG(id, code, zh, en) {code, zh, en},
#include "msgs_core.def"
#include "msgs_check.def"
#include "msgs_import.def"
#include "msgs_lsp.def"
#include "msgs_cli.def"
#include "msgs_render.def"
#include "msgs_region.def"
#undef MSG
};

const char *msg_fmt(gir_lang lang, gir_msg id)
{
    if ((unsigned)id >= MSG__COUNT) return "?";
    return lang == GIR_LANG_EN ? catalogue[id].en : catalogue[id].zh;
}

const char *msg_code(gir_msg id)
{
    if ((unsigned)id >= MSG__COUNT) return "";
    return catalogue[id].code;
}

int msg_code_waivable(const char *code)
{
    static const char *const prefixes[] = {"E0501", "E0502", "E0503", "E0504", "W05", "W06"};
    for (size_t i = 0; code && i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (strncmp(code, prefixes[i], strlen(prefixes[i])) == 0) return 1;
    return 0;
}

int msg_lang_parse(const char *s)
{
    if (!s || !*s) return -1;
    if (strncmp(s, "en", 2) == 0) return GIR_LANG_EN;
    if (strncmp(s, "zh", 2) == 0) return GIR_LANG_ZH;
    if (strcmp(s, "C") == 0 || strcmp(s, "POSIX") == 0) return GIR_LANG_ZH;
    return -1;
}

gir_lang msg_lang_from_env(void)
{
    static const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v) {
            int l = msg_lang_parse(v);
            return l < 0 ? GIR_LANG_ZH : (gir_lang)l;
        }
    }
    return GIR_LANG_ZH;
}

/* test_lang.c - the facts of syntax/lang.h reach every reader: completion
 * offers exactly the keywords, header fields and agency kinds the tables
 * declare and exactly the embedded templates, hover explains every field
 * with the text its table entry names, the catalogue's sentences that
 * list facts in prose name exactly the tables' words, and gir(5) and
 * docs/language.md list exactly the keywords and header fields. (The
 * lexer's, parser's and checker's readings are in test_lexer.c,
 * test_parser.c and test_check.c.) */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "base/msgs.h"
#include "lsp/server.h"
#include "syntax/lang.h"
#include "template/schema.h"
#include "template/stdlib_data.h"
#include "template/template.h"

/* ---- a language server session ---- */

typedef struct sink {
    char *last;                    /* the last message sent */
} sink;

static void capture(void *ud, const char *json, size_t len)
{
    sink *s = ud;
    free(s->last);
    s->last = strndup(json, len);
}

static void handle(lsp_server *srv, const char *json)
{
    lsp_server_handle(srv, json, strlen(json));
}

static lsp_server *start(sink *s)
{
    static const lsp_config cfg = {GIR_LANG_EN, 1, NULL, 0, NULL, NULL, NULL};
    lsp_server *srv = lsp_server_new(&cfg, capture, s);
    handle(srv, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
    return srv;
}

static void open_text(lsp_server *srv, const char *text)
{
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "jsonrpc", "2.0");
    cJSON_AddStringToObject(m, "method", "textDocument/didOpen");
    cJSON *td = cJSON_AddObjectToObject(cJSON_AddObjectToObject(m, "params"), "textDocument");
    cJSON_AddStringToObject(td, "uri", "file:///t.gir");
    cJSON_AddNumberToObject(td, "version", 1);
    cJSON_AddStringToObject(td, "text", text);
    char *j = cJSON_PrintUnformatted(m);
    handle(srv, j);
    free(j);
    cJSON_Delete(m);
}

/* The result of METHOD at line:col of text (the caller deletes it). */
static cJSON *ask(const char *method, const char *text, int line, int col)
{
    sink s = {NULL};
    lsp_server *srv = start(&s);
    open_text(srv, text);
    char req[512];
    snprintf(req, sizeof req,
             "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"%s\",\"params\":{\"textDocument\":{\"uri\":\"file:///t.gir\"},"
             "\"position\":{\"line\":%d,\"character\":%d}}}",
             method, line, col);
    handle(srv, req);
    cJSON *msg = cJSON_Parse(s.last);
    assert_non_null(msg);
    cJSON *result = cJSON_DetachItemFromObject(msg, "result");
    cJSON_Delete(msg);
    free(s.last);
    lsp_server_free(srv);
    return result;
}

/* The labels completion offers, joined by spaces. */
static char *completion(const char *text, int line, int col)
{
    cJSON *items = ask("textDocument/completion", text, line, col);
    assert_true(cJSON_IsArray(items));
    static char out[4096];
    out[0] = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, items) {
        if (*out) strcat(out, " ");
        strcat(out, cJSON_GetObjectItem(it, "label")->valuestring);
    }
    cJSON_Delete(items);
    return out;
}

static void append(char *out, const char *w)
{
    if (*out) strcat(out, " ");
    strcat(out, w);
}

/* ---- completion ---- */

static void test_completion_keywords(void **st)
{
    (void)st;
    char top[1024] = "", in_template[1024] = "";
    for (const gir_keyword *k = gir_keywords; k->word; k++) {
        if (k->where & GIR_KW_TOP) append(top, k->word);
        if (k->where & GIR_KW_TEMPLATE) append(in_template, k->word);
    }
    assert_string_equal(completion("\n", 0, 0), top);
    assert_string_equal(completion("template t {\n  \n}\n", 1, 2), in_template);
}

static void test_completion_fields(void **st)
{
    (void)st;
    char want[1024] = "";
    for (int i = 0; i < FIELD__COUNT; i++) append(want, gir_fields[i].name);
    assert_string_equal(completion("report \"x\" {\n  \n}\n", 1, 2), want);
}

static void test_completion_kinds(void **st)
{
    (void)st;
    char want[1024] = "";
    for (int k = KIND_UNKNOWN + 1; k < KIND__COUNT; k++) append(want, gir_kind_names[k]);
    char text[128];
    snprintf(text, sizeof text, "report \"x\" {\n  %s \n}\n", gir_fields[FIELD_KIND].name);
    assert_string_equal(completion(text, 1, 3 + (int)strlen(gir_fields[FIELD_KIND].name)), want);
}

static void test_completion_templates(void **st)
{
    (void)st;
    char want[1024] = "";
    for (const gir_embedded *e = gir_stdlib; e->name; e++) append(want, e->name);
    assert_string_equal(completion("report \"x\" {\n  template \n}\n", 1, 11), want);
}

/* ---- hover ---- */

/* A value field i takes: a report on a template of its own. */
static const char *value_for(int i)
{
    if (i == FIELD_TEMPLATE) return "t";
    if (i == FIELD_YEAR) return "2021";
    if (i == FIELD_KIND) return gir_kind_names[KIND_UNKNOWN + 1];
    if (gir_fields[i].values & GIR_VAL_STRING) return "\"s\"";
    if (gir_fields[i].values & GIR_VAL_NAME) return "zz";
    if (gir_fields[i].values & GIR_VAL_NUMBER) return "2021";
    return "2022-01-10";
}

/* Hover on each field of a header that gives them all: its help text. */
static void test_hover_fields(void **st)
{
    (void)st;
    char text[2048] = "template t \"T\" {\n years 2021 .. 2021\n section s \"S\"\n}\nreport \"x\" {\n";
    int line0 = 5;
    for (int i = 0; i < FIELD__COUNT; i++) {
        char line[128];
        snprintf(line, sizeof line, "  %s %s\n", gir_fields[i].name, value_for(i));
        strcat(text, line);
    }
    strcat(text, "}\nsection s \"x\"\n");
    for (int i = 0; i < FIELD__COUNT; i++) {
        cJSON *r = ask("textDocument/hover", text, line0 + i, 3);
        const cJSON *c = cJSON_GetObjectItem(r, "contents");
        assert_non_null(c);
        const char *v = cJSON_GetObjectItem(c, "value")->valuestring;
        const char *help = msg_fmt(GIR_LANG_EN, gir_fields[i].help);
        assert_true(strncmp(v, help, strlen(help)) == 0);
        cJSON_Delete(r);
    }
}

/* ---- the catalogue's sentences ---- */

/* The n words joined: sep between them, last before the last one. */
static const char *join(const char *const *w, size_t n, const char *sep, const char *last)
{
    static char out[1024];
    out[0] = 0;
    for (size_t i = 0; i < n; i++) {
        if (i) strcat(out, i + 1 == n ? last : sep);
        strcat(out, w[i]);
    }
    return out;
}

static char *cat(const char *a, const char *b, const char *c)
{
    static char out[1024];
    snprintf(out, sizeof out, "%s%s%s", a, b, c);
    return out;
}

/* Each kind's name, and in Chinese its other words: department（部门）. */
static size_t kind_items(const char *items[], char buf[][128], int with_words)
{
    size_t n = 0;
    for (int k = KIND_UNKNOWN + 1; k < KIND__COUNT; k++) {
        const char *words[8];
        size_t nw = 0;
        for (const gir_kind_word *w = gir_kind_words; w->word; w++)
            if ((int)w->kind == k && nw < 8) words[nw++] = w->word;
        if (with_words) snprintf(buf[n], 128, "%s（%s）", gir_kind_names[k], join(words, nw, "、", "、"));
        else snprintf(buf[n], 128, "%s", gir_kind_names[k]);
        items[n] = buf[n];
        n++;
    }
    return n;
}

/* The sentences that list the kinds name exactly those of kinds.def. */
static void test_messages_list_the_kinds(void **st)
{
    (void)st;
    const char *zh[8], *en[8];
    char zb[8][128], eb[8][128];
    size_t n = kind_items(zh, zb, 1);
    kind_items(en, eb, 0);
    assert_string_equal(msg_fmt(GIR_LANG_ZH, C_HELP_KINDS), cat("可用：", join(zh, n, "、", "、"), ""));
    assert_string_equal(msg_fmt(GIR_LANG_EN, C_HELP_KINDS), cat("use ", join(en, n, ", ", " or "), ""));
    char head[64];
    snprintf(head, sizeof head, "**%s**：机关类别：", gir_fields[FIELD_KIND].name);
    assert_string_equal(msg_fmt(GIR_LANG_ZH, L_F_KIND), cat(head, join(zh, n, "、", "或 "), ""));
    snprintf(head, sizeof head, "**%s**: ", gir_fields[FIELD_KIND].name);
    assert_string_equal(msg_fmt(GIR_LANG_EN, L_F_KIND), cat(head, join(en, n, ", ", " or "), ""));
}

/* The sentences that list the money units and the cell types name
 * exactly those of numbers.def and the template compiler. */
static void test_messages_list_the_units(void **st)
{
    (void)st;
    const char *money[8];
    size_t n = 0;
    for (const gir_unit *u = gir_units; u->word; u++)
        if (u->quantity == GIR_UNIT_MONEY) money[n++] = u->word;
    assert_string_equal(msg_fmt(GIR_LANG_ZH, K_UNKNOWN_UNIT), cat("未知的金额单位“%s”（可用：", join(money, n, "、", "、"), "）"));
    assert_string_equal(msg_fmt(GIR_LANG_EN, K_UNKNOWN_UNIT), cat("unknown money unit '%s' (use ", join(money, n, ", ", " or "), ")"));
    char types[CT__COUNT][64];
    const char *tv[CT__COUNT];
    for (int t = 0; t < CT__COUNT; t++) {
        const char *name = cell_type_name((gir_cell_type)t);
        if (t == CT_MONEY) snprintf(types[t], sizeof types[t], "%s(%s)", name, join(money, n, ", ", ", "));
        else snprintf(types[t], sizeof types[t], "%s", name);
        tv[t] = types[t];
    }
    assert_string_equal(msg_fmt(GIR_LANG_ZH, K_HELP_TYPES), cat("可用类型：", join(tv, CT__COUNT, "、", "、"), ""));
    assert_string_equal(msg_fmt(GIR_LANG_EN, K_HELP_TYPES), cat("types: ", join(tv, CT__COUNT, ", ", ", "), ""));
}

/* The sentences about templates name every embedded one: hover's by
 * its text, the unknown-template hint through the list the stdlib's own
 * declarations make (template_builtin_list), with the years each declares. */
static void test_messages_name_the_stdlib(void **st)
{
    (void)st;
    gir_arena *a = arena_new(NULL);
    assert_non_null(a);
    const char *zh = template_builtin_list(a, GIR_LANG_ZH);
    const char *en = template_builtin_list(a, GIR_LANG_EN);
    for (const gir_embedded *e = gir_stdlib; e->name; e++) {
        assert_non_null(strstr(msg_fmt(GIR_LANG_ZH, L_F_TEMPLATE), e->name));
        assert_non_null(strstr(msg_fmt(GIR_LANG_EN, L_F_TEMPLATE), e->name));
        assert_non_null(strstr(zh, e->name));
        assert_non_null(strstr(en, e->name));
    }
    assert_non_null(strstr(msg_fmt(GIR_LANG_ZH, R_HELP_TEMPLATES), "%s"));
    int from = 0;
    const char *newest = template_builtin_newest(a, &from);
    assert_non_null(newest);
    assert_true(from >= 1990);
    arena_free(a);
}

/* ---- the documentation ---- */

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char text[1 << 18];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = 0;
    return text;
}

/* Whether the space-separated words of list are exactly the table's. */
static int same_words(const char *list, const char *const *words, size_t n)
{
    size_t seen = 0;
    char copy[2048];
    snprintf(copy, sizeof copy, "%s", list);
    char *save = NULL;
    for (char *w = strtok_r(copy, " \n`", &save); w; w = strtok_r(NULL, " \n`", &save)) {
        int found = 0;
        for (size_t i = 0; i < n; i++) found |= strcmp(words[i], w) == 0;
        if (!found) return 0;
        seen++;
    }
    return seen == n;
}

static void test_docs_list_the_keywords(void **st)
{
    (void)st;
    const char *words[64];
    size_t n = 0;
    for (const gir_keyword *k = gir_keywords; k->word; k++) words[n++] = k->word;
    char list[2048];
    /* gir(5): the .nf block of "Keywords" */
    const char *man = slurp("man/gir.5");
    const char *b = strstr(strstr(man, ".SS Keywords"), ".in +4n\n") + strlen(".in +4n\n");
    const char *e = strstr(b, "\n.in");
    snprintf(list, sizeof list, "%.*s", (int)(e - b), b);
    assert_true(same_words(list, words, n));
    /* docs/language.md: "Keywords (ASCII, reserved): `...`" */
    const char *md = slurp("docs/language.md");
    b = strchr(strstr(md, "Keywords (ASCII, reserved): "), '`') + 1;
    e = strchr(b, '`');
    snprintf(list, sizeof list, "%.*s", (int)(e - b), b);
    assert_true(same_words(list, words, n));
}

/* gir(5) explains exactly the header fields of fields.def. */
static void test_man_lists_the_fields(void **st)
{
    (void)st;
    const char *words[FIELD__COUNT];
    for (int i = 0; i < FIELD__COUNT; i++) words[i] = gir_fields[i].name;
    const char *man = slurp("man/gir.5");
    const char *b = strstr(man, ".SS The header");
    const char *e = strstr(b + 1, "\n.SS ");
    char list[1024] = "";
    for (const char *p = strstr(b, ".TP\n.B "); p && p < e; p = strstr(p + 1, ".TP\n.B ")) {
        const char *w = p + strlen(".TP\n.B ");
        strncat(list, w, strcspn(w, "\n"));
        strcat(list, " ");
    }
    assert_true(same_words(list, words, FIELD__COUNT));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_completion_keywords),
        cmocka_unit_test(test_completion_fields),
        cmocka_unit_test(test_completion_kinds),
        cmocka_unit_test(test_completion_templates),
        cmocka_unit_test(test_hover_fields),
        cmocka_unit_test(test_messages_list_the_kinds),
        cmocka_unit_test(test_messages_list_the_units),
        cmocka_unit_test(test_messages_name_the_stdlib),
        cmocka_unit_test(test_docs_list_the_keywords),
        cmocka_unit_test(test_man_lists_the_fields),
    };
    return cmocka_run_group_tests_name("lang", tests, NULL, NULL);
}

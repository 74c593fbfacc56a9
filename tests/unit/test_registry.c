/* test_registry.c - the two tables that drive girc: every back end of
 * render/backends.c and every command of cli/commands.c is registered
 * once and used. Back ends: unique names and extensions (no name is
 * another's extension, so -f is never ambiguous), every hook present,
 * -f NAME, -f EXT and the extension of -o all find the same back end,
 * each renders a checked report (and its --fragment form exactly when it
 * says it has one), and the messages and help of `girc build` list every
 * name and extension. Commands: unique names, an ASCII synopsis starting
 * with the name, a summary and a help text in both languages, a run
 * function; each one is found by name and by a one-letter typo, listed
 * by girc --help, and dispatches: `girc help NAME` and `girc NAME --help`
 * print the same help and exit 0. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "render/render.h"

/* ---- helpers ---- */

static char *slurp_file(FILE *f)
{
    fflush(f);
    long n = ftell(f);
    assert_true(n >= 0);
    char *s = malloc((size_t)n + 1);
    assert_non_null(s);
    rewind(f);
    size_t got = fread(s, 1, (size_t)n, f);
    s[got] = 0;
    return s;
}

/* Runs cli_main on the NULL-ended arguments after "girc"; stdout and
 * stderr are returned (malloc'd) and the exit status. */
static int run(char **out, char **err, ...)
{
    char *argv[16];
    int argc = 0;
    argv[argc++] = "girc";
    va_list ap;
    va_start(ap, err);
    for (char *a; (a = va_arg(ap, char *)) != NULL && argc < 15;) argv[argc++] = a;
    va_end(ap);
    argv[argc] = NULL;
    FILE *o = tmpfile();
    FILE *e = tmpfile();
    assert_non_null(o);
    assert_non_null(e);
    fflush(stdout);
    fflush(stderr);
    int so = dup(STDOUT_FILENO);
    int se = dup(STDERR_FILENO);
    dup2(fileno(o), STDOUT_FILENO);
    dup2(fileno(e), STDERR_FILENO);
    int st = cli_main(argc, argv);
    fflush(stdout);
    fflush(stderr);
    dup2(so, STDOUT_FILENO);
    dup2(se, STDERR_FILENO);
    close(so);
    close(se);
    fseek(o, 0, SEEK_END);
    fseek(e, 0, SEEK_END);
    *out = slurp_file(o);
    *err = slurp_file(e);
    fclose(o);
    fclose(e);
    return st;
}

static size_t count_backends(void)
{
    size_t n = 0;
    while (gir_backends[n]) n++;
    return n;
}

static gir_doc *compile_example(void)
{
    FILE *f = fopen("examples/mahekou-2020.gir", "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    char *text = slurp_file(f);
    fclose(f);
    gir_options o = {0};
    gir_doc *d = gir_doc_compile("mahekou-2020.gir", text, strlen(text), &o);
    free(text);
    assert_non_null(d);
    assert_non_null(d->report);
    assert_int_equal(d->diags.nerrors, 0);
    return d;
}

/* ---- back ends ---- */

static void test_backends_unique(void **state)
{
    (void)state;
    size_t n = count_backends();
    assert_true(n >= 1);
    for (size_t i = 0; i < n; i++) {
        const gir_backend *b = gir_backends[i];
        assert_non_null(b->name);
        assert_true(*b->name);
        assert_non_null(b->exts);
        assert_non_null(b->exts[0]);
        for (size_t j = 0; j < n; j++) {
            const gir_backend *o = gir_backends[j];
            if (j != i) {
                assert_ptr_not_equal(b, o);
                assert_string_not_equal(b->name, o->name);
            }
            for (const char *const *e = o->exts; *e; e++) {
                if (j != i) assert_string_not_equal(b->name, *e);
                for (const char *const *x = b->exts; *x; x++)
                    if (x != e) assert_string_not_equal(*x, *e);
            }
        }
    }
}

static void test_backends_have_hooks(void **state)
{
    (void)state;
    for (const gir_backend *const *b = gir_backends; *b; b++) {
        if ((*b)->book) {   /* writes its file itself (xlsx): no walk */
            assert_non_null((*b)->book->open);
            assert_non_null((*b)->book->add);
            assert_non_null((*b)->book->close);
            continue;
        }
        assert_non_null((*b)->begin);
        assert_non_null((*b)->section);
        assert_non_null((*b)->prose);
        assert_non_null((*b)->table);
        assert_non_null((*b)->section_end);
        assert_non_null((*b)->end);
    }
}

/* -f NAME, -f EXT and -o FILE.EXT find the same back end. */
static void test_backends_round_trip(void **state)
{
    (void)state;
    for (const gir_backend *const *b = gir_backends; *b; b++) {
        assert_ptr_equal(gir_backend_find((*b)->name), *b);
        for (const char *const *e = (*b)->exts; *e; e++) {
            char path[256];
            snprintf(path, sizeof path, "out.d/report.%s", *e);
            assert_ptr_equal(gir_backend_find(*e), *b);
            assert_ptr_equal(gir_backend_for_path(path), *b);
        }
    }
    assert_null(gir_backend_find("odt"));
    assert_null(gir_backend_find(""));
    assert_null(gir_backend_for_path("report"));
    assert_null(gir_backend_for_path("out.html/report"));
    assert_null(gir_backend_for_path("report.pdf"));
}

/* Each back end renders; --fragment exactly when it says so. */
static void test_backends_render(void **state)
{
    (void)state;
    gir_doc *d = compile_example();
    for (const gir_backend *const *b = gir_backends; *b; b++) {
        for (int fragment = 0; fragment <= 1; fragment++) {
            gir_arena *a = arena_new(NULL);
            assert_non_null(a);
            gir_buf out;
            buf_init(&out, a);
            gir_build_opts o = {*b, fragment, NULL, NULL, NULL, 0, NULL, NULL};
            gir_render_status st = gir_render(d->report, &o, a, &out);
            if (fragment && !(*b)->fragment) {
                assert_int_equal(st, GIR_RENDER_NO_FRAGMENT);
            } else {
                assert_int_equal(st, GIR_RENDER_OK);
                assert_true(out.n > 100);
            }
            arena_free(a);
        }
    }
    gir_doc_free(d);
}

/* The lists in build's messages and help come from the table. */
static void test_backends_in_messages(void **state)
{
    (void)state;
    char *out, *err;
    int st = run(&out, &err, "--lang=en", "build", "-f", "odt", "x.gir", NULL);
    assert_int_equal(st, 2);
    char *help_out, *help_err;
    assert_int_equal(run(&help_out, &help_err, "--lang=en", "help", "build", NULL), 0);
    char *ext_out, *ext_err;
    assert_int_equal(run(&ext_out, &ext_err, "--lang=en", "build", "-o", "x.odt", "x.gir", NULL), 2);
    for (const gir_backend *const *b = gir_backends; *b; b++) {
        if (!strstr(err, (*b)->name)) fail_msg("B_BAD_FORMAT does not list %s: %s", (*b)->name, err);
        if (!strstr(help_out, (*b)->name)) fail_msg("girc help build does not list %s", (*b)->name);
        for (const char *const *e = (*b)->exts; *e; e++) {
            char dotted[64];
            snprintf(dotted, sizeof dotted, ".%s", *e);
            if (!strstr(ext_err, dotted)) fail_msg("B_UNKNOWN_EXT does not list %s: %s", dotted, ext_err);
            if (!strstr(help_out, dotted)) fail_msg("girc help build does not list %s", dotted);
        }
    }
    free(out);
    free(err);
    free(help_out);
    free(help_err);
    free(ext_out);
    free(ext_err);
}

/* ---- commands ---- */

static int is_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80 || (unsigned char)*s < 0x20) return 0;
    return 1;
}

static void assert_text(gir_msg id)
{
    assert_true(id < MSG__COUNT);
    assert_string_equal(msg_code(id), "");
    assert_true(*msg_fmt(GIR_LANG_ZH, id));
    assert_true(*msg_fmt(GIR_LANG_EN, id));
}

static void test_commands_unique(void **state)
{
    (void)state;
    size_t n = 0;
    for (const gir_command *k = gir_commands; k->name; k++, n++) {
        size_t len = strlen(k->name);
        assert_true(len > 0);
        assert_non_null(k->run);
        assert_non_null(k->synopsis);
        assert_true(is_ascii(k->synopsis));
        assert_memory_equal(k->synopsis, k->name, len);
        assert_true(k->synopsis[len] == ' ' || k->synopsis[len] == 0);
        assert_text(k->summary);
        assert_text(k->help);
        for (const gir_command *o = gir_commands; o->name; o++)
            if (o != k) {
                assert_string_not_equal(o->name, k->name);
                assert_ptr_not_equal(o->run, k->run);
                assert_int_not_equal(o->summary, k->summary);
                assert_int_not_equal(o->help, k->help);
            }
    }
    assert_true(n >= 2);
}

static void test_commands_found(void **state)
{
    (void)state;
    for (const gir_command *k = gir_commands; k->name; k++) {
        char typo[64];
        snprintf(typo, sizeof typo, "%s%c", k->name, k->name[strlen(k->name) - 1]);
        assert_ptr_equal(cli_find_command(k->name), k);
        assert_ptr_equal(cli_nearest_command(k->name), k);
        assert_ptr_equal(cli_nearest_command(typo), k);
        assert_null(cli_find_command(typo));
    }
    assert_null(cli_find_command("frobnicate"));
    assert_null(cli_nearest_command("frobnicate"));
}

/* girc --help lists every command with its synopsis, in both languages. */
static void test_commands_listed(void **state)
{
    (void)state;
    static char *const langs[] = {"--lang=zh", "--lang=en"};
    for (int l = 0; l < 2; l++) {
        char *out, *err;
        assert_int_equal(run(&out, &err, langs[l], "--help", NULL), 0);
        assert_string_equal(err, "");
        for (const gir_command *k = gir_commands; k->name; k++) {
            char line[256];
            snprintf(line, sizeof line, "\n  %s", k->synopsis);
            if (!strstr(out, line)) fail_msg("girc --help does not list %s", k->synopsis);
        }
        free(out);
        free(err);
    }
}

/* girc help NAME and girc NAME --help: the same text, exit 0, starting
 * with the usage line from the table. */
static void test_commands_dispatch_help(void **state)
{
    (void)state;
    for (const gir_command *k = gir_commands; k->name; k++) {
        char *out1, *err1, *out2, *err2;
        assert_int_equal(run(&out1, &err1, "--lang=en", "help", k->name, NULL), 0);
        assert_int_equal(run(&out2, &err2, "--lang=en", k->name, "--help", NULL), 0);
        char want[256];
        snprintf(want, sizeof want, "usage: girc %s\n", k->synopsis);
        if (strncmp(out1, want, strlen(want)) != 0) fail_msg("girc help %s starts: %.80s", k->name, out1);
        assert_string_equal(out1, out2);
        assert_string_equal(err1, "");
        assert_string_equal(err2, "");
        /* the help text follows the summary (its first line, up to any argument) */
        const char *h = msg_fmt(GIR_LANG_EN, k->help);
        char first[128];
        size_t m = strcspn(h, "\n%");
        snprintf(first, sizeof first, "\n\n%.*s", (int)(m < 100 ? m : 100), h);
        if (!strstr(out1, first)) fail_msg("girc help %s lacks its help text '%s'", k->name, first + 2);
        free(out1);
        free(err1);
        free(out2);
        free(err2);
    }
}

/* A mistyped command: E0004 with the nearest name as help, exit 2. */
static void test_commands_did_you_mean(void **state)
{
    (void)state;
    char *out, *err;
    assert_int_equal(run(&out, &err, "--lang=en", "--color=never", "chek", "x.gir", NULL), 2);
    assert_string_equal(out, "");
    assert_string_equal(err, "girc: error[E0004]: unknown command 'chek' (see girc --help)\n"
                             "   = help: did you mean 'check'?\n");
    free(out);
    free(err);
    assert_int_equal(run(&out, &err, "--lang=en", "--diagnostics=json", "chek", NULL), 2);
    assert_string_equal(err, "");
    assert_non_null(strstr(out, "\"file\":null,\"severity\":\"error\",\"code\":\"E0004\""));
    assert_non_null(strstr(out, "\"help\":\"did you mean 'check'?\""));
    free(out);
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_backends_unique),
        cmocka_unit_test(test_backends_have_hooks),
        cmocka_unit_test(test_backends_round_trip),
        cmocka_unit_test(test_backends_render),
        cmocka_unit_test(test_backends_in_messages),
        cmocka_unit_test(test_commands_unique),
        cmocka_unit_test(test_commands_found),
        cmocka_unit_test(test_commands_listed),
        cmocka_unit_test(test_commands_dispatch_help),
        cmocka_unit_test(test_commands_did_you_mean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

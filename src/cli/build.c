/* cmd_build.c - `girc build [-f html|latex|text|json] [-o OUT]
 * [--fragment] FILE`: compile and check one report, then render it with
 * one of the back ends (render.h). A report with checking errors is not
 * built (its diagnostics are printed, exit 1); warnings are printed and
 * do not stop the build. Output goes to OUT through a temporary file and
 * a rename (io_write_atomic), or to standard output. */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "base/io.h"
#include "render/render.h"

static const char *const format_names[] = {"html", "latex", "text", "json"};

typedef struct build_args {
    const char *file, *out, *format;
    int fragment;
} build_args;

/* Returns 0, or 2 after a usage error. */
static int parse_args(gir_cli *c, int argc, char **argv, build_args *ba)
{
    memset(ba, 0, sizeof *ba);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        int g = cli_global_option(c, &i, argc, argv);
        if (g < 0) return 2;
        if (g > 0) continue;
        const char **dst = NULL;
        const char *val = NULL;
        if (strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0) dst = &ba->format;
        else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) dst = &ba->out;
        else if (strncmp(a, "--format=", 9) == 0) { dst = &ba->format; val = a + 9; }
        else if (strncmp(a, "--output=", 9) == 0) { dst = &ba->out; val = a + 9; }
        else if (strncmp(a, "-f", 2) == 0) { dst = &ba->format; val = a + 2; }
        else if (strncmp(a, "-o", 2) == 0) { dst = &ba->out; val = a + 2; }
        if (dst) {
            if (!val) {
                if (i + 1 >= argc) { cli_usage_error(c, CLI_MISSING_ARG, a, ""); return 2; }
                val = argv[++i];
            }
            *dst = val;
            continue;
        }
        if (strcmp(a, "--fragment") == 0) { ba->fragment = 1; continue; }
        if (a[0] == '-' && a[1]) { cli_usage_error(c, CLI_UNKNOWN_OPTION, a, ""); return 2; }
        if (ba->file) { cli_usage_error(c, B_ONE_FILE, a, ""); return 2; }
        ba->file = a;
    }
    if (!ba->file) { cli_usage_error(c, CLI_NO_FILES, "", ""); return 2; }
    return 0;
}

/* Prints a file-level error "girc: error[CODE]: message". */
static void file_error(gir_cli *c, gir_msg id, const char *a1, const char *a2)
{
    fprintf(stderr, "girc: error[%s]: ", msg_code(id));
    fprintf(stderr, msg_fmt(c->lang, id), a1, a2);
    fputc('\n', stderr);
}

/* Diagnostics as `girc check` prints them, except that JSON diagnostics
 * go to standard error when the document itself goes to standard output. */
static void print_diags(gir_cli *c, gir_diags *d, int doc_on_stdout)
{
    if (!(c->json && doc_on_stdout)) {
        cli_print_diags(c, d);
        return;
    }
    diags_sort(d);
    for (size_t i = 0; i < d->n; i++) cli_render_machine(c, stderr, d->v[i]);
}

/* gir_render with the arena's out-of-memory jump set: an allocation
 * failure sets *oom instead of leaving a truncated document (memory that
 * libcmark holds at that moment is not freed; the process is ending). */
static int render_guarded(const gir_report *r, const gir_build_opts *bo, gir_arena *a, gir_buf *out, int *oom)
{
    jmp_buf jb;
    jmp_buf *prev = arena_set_oom(a, &jb);
    if (setjmp(jb)) {
        arena_set_oom(a, prev);
        *oom = 1;
        return -1;
    }
    int rc = gir_render(r, bo, a, out);
    arena_set_oom(a, prev);
    return rc;
}

int cmd_build(gir_cli *c, int argc, char **argv)
{
    build_args ba;
    if (parse_args(c, argc, argv, &ba)) return 2;
    int fmt = GIR_FMT_HTML;
    if (ba.format) {
        fmt = gir_format_parse(ba.format);
        if (fmt < 0) { cli_usage_error(c, B_BAD_FORMAT, ba.format, ""); return 2; }
    } else if (ba.out && strcmp(ba.out, "-") != 0) {
        fmt = gir_format_from_path(ba.out);
        if (fmt < 0) { cli_usage_error(c, B_UNKNOWN_EXT, ba.out, ""); return 2; }
    }
    if (ba.fragment && fmt != GIR_FMT_HTML && fmt != GIR_FMT_LATEX) {
        cli_usage_error(c, B_FRAGMENT_FORMAT, format_names[fmt], "");
        return 2;
    }

    gir_arena *tmp = arena_new(NULL);
    if (!tmp) return cli_io_error(c, CLI_OUT_OF_MEMORY, ba.file, 0);
    char *text = NULL;
    size_t len = 0;
    int st = cli_read_input(c, tmp, ba.file, &text, &len);
    if (st) { arena_free(tmp); return st; }
    gir_options o;
    cli_compile_options(c, &o);
    const char *name = strcmp(ba.file, "-") == 0 ? "<stdin>" : ba.file;
    gir_doc *d = gir_doc_compile(name, text, len, &o);
    arena_free(tmp);
    if (!d || d->oom) {
        gir_doc_free(d);
        return cli_io_error(c, CLI_OUT_OF_MEMORY, ba.file, 0);
    }
    const char *dest = ba.out ? ba.out : "-";
    print_diags(c, &d->diags, strcmp(dest, "-") == 0);
    cli_print_summary(c, d->diags.nerrors, d->diags.nwarnings);
    if (d->diags.nerrors) {
        file_error(c, B_NOT_BUILT, name, "");
        gir_doc_free(d);
        return 1;
    }
    if (!d->report) {
        file_error(c, B_NOT_A_REPORT, name, "");
        gir_doc_free(d);
        return 1;
    }

    gir_build_opts bo = {(gir_format)fmt, ba.fragment};
    gir_buf out;
    buf_init(&out, d->arena);
    int oom = 0;
    if (render_guarded(d->report, &bo, d->arena, &out, &oom) != 0) {
        if (oom) fprintf(stderr, "girc: error[%s]: %s\n", msg_code(CLI_OUT_OF_MEMORY), msg_fmt(c->lang, CLI_OUT_OF_MEMORY));
        else file_error(c, B_RENDER_FAILED, format_names[fmt], name);
        gir_doc_free(d);
        return 2;
    }
    if (strcmp(dest, "-") == 0) fflush(stdout);
    int e = 0;
    gir_io_status ws = io_write_atomic(dest, out.p ? out.p : "", out.n, &e);
    int rc = 0;
    if (ws != IO_OK) rc = cli_io_error(c, CLI_CANNOT_WRITE, strcmp(dest, "-") == 0 ? "<stdout>" : dest, e);
    gir_doc_free(d);
    return rc;
}

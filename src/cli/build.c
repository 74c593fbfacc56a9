/* build.c - `girc build [-f FMT] [-o OUT] [--fragment] FILE`: compile
 * and check one report, then render it with one of the back ends of the
 * back-end table (render.h): named by -f, or found from OUT's extension.
 * A report with checking errors is not built (its diagnostics are
 * printed, exit 1); warnings are printed and do not stop the build.
 * Output goes to OUT through a temporary file and a rename
 * (io_write_atomic), or to standard output. The lists of formats in its
 * messages and help come from the table. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "base/array.h"
#include "base/io.h"
#include "render/render.h"

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

/* ---- the formats, from the back-end table ---- */

typedef enum { LIST_NAMES, LIST_EXTS, LIST_FRAGMENT } list_kind;

/* The back ends' names, their extensions (".html") or the names of
 * those with a --fragment form, as one list. */
static const char *format_list(gir_cli *c, gir_arena *a, list_kind kind, gir_msg last)
{
    const char **v = NULL;
    size_t n = 0;
    for (const gir_backend *const *b = gir_backends; *b; b++) {
        if (kind == LIST_NAMES || (kind == LIST_FRAGMENT && (*b)->fragment)) ARRAY_PUSH(a, v, n, (*b)->name);
        for (const char *const *e = (*b)->exts; kind == LIST_EXTS && *e; e++) ARRAY_PUSH(a, v, n, arena_printf(a, ".%s", *e));
    }
    return cli_list(c, a, v, n, last);
}

/* One line per back end: its name, its extensions, --fragment. */
static const char *format_table(gir_arena *a)
{
    gir_buf b;
    buf_init(&b, a);
    for (const gir_backend *const *k = gir_backends; *k; k++) {
        gir_buf e;
        buf_init(&e, a);
        for (const char *const *x = (*k)->exts; *x; x++) buf_printf(&e, "%s.%s", x == (*k)->exts ? "" : " ", *x);
        if ((*k)->fragment) buf_printf(&b, "  %-8s %-14s --fragment\n", (*k)->name, buf_cstr(&e));
        else buf_printf(&b, "  %-8s %s\n", (*k)->name, buf_cstr(&e));
    }
    return buf_cstr(&b);
}

const char *cmd_build_help_arg(gir_cli *c, gir_arena *a, int n)
{
    if (n == 1) return format_list(c, a, LIST_NAMES, CLI_LIST_OR);
    if (n == 2) return format_table(a);
    return NULL;
}

/* The back end asked for: -f, else OUT's extension, else the first one
 * (html). NULL after a usage error. */
static const gir_backend *choose_backend(gir_cli *c, gir_arena *a, const build_args *ba)
{
    const gir_backend *be = gir_backends[0];
    if (ba->format) {
        be = gir_backend_find(ba->format);
        if (!be) cli_usage_error(c, B_BAD_FORMAT, ba->format, format_list(c, a, LIST_NAMES, CLI_LIST_CHOICE));
    } else if (ba->out && strcmp(ba->out, "-") != 0) {
        be = gir_backend_for_path(ba->out);
        if (!be) cli_usage_error(c, B_UNKNOWN_EXT, ba->out, format_list(c, a, LIST_EXTS, CLI_LIST_CHOICE));
    }
    if (be && ba->fragment && !be->fragment) {
        cli_usage_error(c, B_FRAGMENT_FORMAT, format_list(c, a, LIST_FRAGMENT, CLI_LIST_AND), be->name);
        return NULL;
    }
    return be;
}

/* Compiles FILE; NULL after reporting why not (*rc is then the status). */
static gir_doc *compile(gir_cli *c, const build_args *ba, int *rc)
{
    gir_arena *tmp = arena_new(NULL);
    if (!tmp) {
        *rc = cli_io_error(c, CLI_OUT_OF_MEMORY, ba->file, 0);
        return NULL;
    }
    char *text = NULL;
    size_t len = 0;
    *rc = cli_read_input(c, tmp, ba->file, &text, &len);
    if (*rc) {
        arena_free(tmp);
        return NULL;
    }
    gir_options o;
    cli_compile_options(c, &o);
    gir_doc *d = gir_doc_compile(cli_input_name(ba->file), text, len, &o);
    arena_free(tmp);
    if (!d || d->oom) {
        gir_doc_free(d);
        *rc = cli_io_error(c, CLI_OUT_OF_MEMORY, ba->file, 0);
        return NULL;
    }
    return d;
}

/* Renders the checked report and writes it to dest. */
static int render_and_write(gir_cli *c, gir_doc *d, const gir_backend *be, const build_args *ba, const char *dest)
{
    gir_build_opts bo = {be, ba->fragment, NULL};
    gir_buf out;
    buf_init(&out, d->arena);
    gir_render_status rs = gir_render(d->report, &bo, d->arena, &out);
    if (rs == GIR_RENDER_NOMEM) return cli_io_error(c, CLI_OUT_OF_MEMORY, ba->file, 0);
    if (rs != GIR_RENDER_OK) {
        cli_file_error(c, B_RENDER_FAILED, be->name, cli_input_name(ba->file));
        return 2;
    }
    if (strcmp(dest, "-") == 0) fflush(stdout);
    const gir_report *r = d->report;
    const char *inputs[] = {ba->file, r->schema ? r->schema->path : NULL, d->previous ? d->previous->src.name : NULL};
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++)
        if (inputs[i] && cli_refuse_same(c, dest, inputs[i])) return 2;
    int e = 0;
    if (io_write_atomic(dest, out.p ? out.p : "", out.n, &e) != IO_OK)
        return cli_io_error(c, CLI_CANNOT_WRITE, strcmp(dest, "-") == 0 ? "<stdout>" : dest, e);
    return 0;
}

int cmd_build(gir_cli *c, int argc, char **argv)
{
    build_args ba;
    if (parse_args(c, argc, argv, &ba)) return 2;
    gir_arena *a = arena_new(NULL);
    if (!a) return cli_io_error(c, CLI_OUT_OF_MEMORY, ba.file, 0);
    const gir_backend *be = choose_backend(c, a, &ba);
    arena_free(a);
    if (!be) return 2;
    const char *dest = ba.out ? ba.out : "-";
    /* JSON diagnostics go to standard error when the document goes to standard output */
    c->doc_on_stdout = strcmp(dest, "-") == 0;
    if (cli_refuse_same(c, dest, ba.file)) return 2;   /* before anything is read */
    int rc = 0;
    gir_doc *d = compile(c, &ba, &rc);
    if (!d) return rc;
    cli_print_diags(c, &d->diags);
    cli_print_summary(c, d->diags.nerrors, d->diags.nwarnings);
    if (d->diags.nerrors) rc = cli_file_error(c, B_NOT_BUILT, cli_input_name(ba.file), "");
    else if (!d->report) rc = cli_file_error(c, B_NOT_A_REPORT, cli_input_name(ba.file), "");
    else rc = render_and_write(c, d, be, &ba, dest);
    gir_doc_free(d);
    return rc;
}

/* new.c - `girc new [--template T] [--kind K] [--year Y] [--agency NAME]
 * [--from LAST.gir] [-o OUT]`: a new report written out from its template
 * (scaffold.h), laid out as girc fmt would and checked before it is
 * written (atomically; standard output by default). The template comes
 * from the year as `girc check` would choose it; the year is last year
 * unless given (or the year after LAST's with --from). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli.h"
#include "base/io.h"
#include "check/check.h"
#include "fmt/fmt.h"
#include "scaffold/scaffold.h"
#include "template/stdlib_data.h"
#include "template/template.h"

typedef struct new_args {
    const char *template_name, *kind, *year, *agency, *from, *out;
    int list;   /* --list: the roff fragment of gir(5) instead */
} new_args;

static const struct option new_longs[] = {
    {"template", required_argument, NULL, 't'},
    {"kind", required_argument, NULL, 'k'},
    {"year", required_argument, NULL, 'y'},
    {"agency", required_argument, NULL, 'a'},
    {"from", required_argument, NULL, 'F'},
    {"output", required_argument, NULL, 'o'},
    {"list", no_argument, NULL, 'L'},
    {NULL, 0, NULL, 0},
};

/* 0, or 2 after a usage error. */
static int parse(gir_cli *c, int argc, char **argv, new_args *n)
{
    cli_opts o = {argc + 1, argv - 1, "o:", new_longs, 0, NULL, "", 0};
    const char *arg = NULL;
    int k;
    while ((k = cli_getopt(c, &o, &arg)) >= 0) {
        if (k == 't') n->template_name = arg;
        else if (k == 'k') n->kind = arg;
        else if (k == 'y') n->year = arg;
        else if (k == 'a') n->agency = arg;
        else if (k == 'F') n->from = arg;
        else if (k == 'o') n->out = arg;
        else if (k == 'L') n->list = 1;
    }
    int first = o.first;
    cli_opts_done(&o);
    if (k == CLI_OPT_ERROR) return 2;
    if (first < argc + 1) {
        cli_usage_error(c, NEW_OPERAND, argv[first - 1], "");
        return 2;
    }
    return 0;
}

static int last_year(void)
{
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm)) return 2024;
    return tm.tm_year + 1900 - 1;
}

/* The options as values; 2 after a usage error. */
static int resolve(gir_cli *c, const new_args *n, gir_new_opts *no, const gir_report *last)
{
    no->lang = c->lang;
    no->kind = last ? last->kind : KIND_DEPARTMENT;
    no->year = last ? last->year + 1 : last_year();
    no->agency = n->agency ? n->agency : last && last->agency && *last->agency ? last->agency : NULL;
    if (n->kind) {
        no->kind = lang_kind(n->kind);
        if (no->kind == KIND_UNKNOWN) return cli_usage_error(c, CLI_BAD_VALUE, "--kind", n->kind) ? 2 : 2;
    }
    if (n->year) {
        char *end = NULL;
        long y = strtol(n->year, &end, 10);
        if (!*n->year || *end || y < 1900 || y > 9998) return cli_usage_error(c, CLI_BAD_VALUE, "--year", n->year) ? 2 : 2;
        no->year = (int)y;
    }
    return 0;
}

/* The schema of template name, through a compiled stub report (so that
 * it is found as girc check finds it); NULL after printing why. */
static const gir_schema *load_schema(gir_cli *c, gir_arena *a, const char *name, int year, gir_doc **stub)
{
    gir_buf b;
    buf_init(&b, a);
    buf_puts(&b, "report \"-\" {\n  template \"");
    for (const char *p = name; *p; p++) {
        if (*p == '"' || *p == '\\') buf_putc(&b, '\\');
        buf_putc(&b, *p == '\n' ? ' ' : *p);
    }
    buf_printf(&b, "\"\n  agency \"-\"\n  year %d\n}\n", year);
    gir_options o;
    cli_compile_options(c, &o);
    *stub = gir_doc_compile("girc-new.gir", b.p, b.n, &o);
    if (*stub && (*stub)->report && (*stub)->report->schema) return (*stub)->report->schema;
    if (*stub) cli_print_diags(c, &(*stub)->diags);
    return NULL;
}

/* Last year's report, compiled; NULL after printing why (*st set). */
static gir_doc *load_last(gir_cli *c, gir_arena *a, const char *path, int *st)
{
    char *text = NULL;
    size_t len = 0;
    *st = cli_read_input(c, a, path, &text, &len);
    if (*st) return NULL;
    gir_options o;
    cli_compile_options(c, &o);
    gir_doc *d = gir_doc_compile(cli_input_name(path), text, len, &o);
    if (d && !d->oom && d->report && !d->diags.nerrors) return d;
    if (d) cli_print_diags(c, &d->diags);
    cli_file_error(c, NEW_FROM_ERRORS, path, "");
    gir_doc_free(d);
    *st = 1;
    return NULL;
}

/* Canonical file p as a path relative to canonical directory d (both
 * absolute, as realpath gives them), in arena a. */
static const char *relative(gir_arena *a, const char *p, const char *d)
{
    size_t i = 0, k = 0;
    while (p[i] && p[i] == d[i])
        if (p[i++] == '/') k = i;
    int under = d[i] == 0 && p[i] == '/';   /* p is inside d */
    const char *dk = under ? "" : d + k;
    const char *rest = under ? p + i + 1 : p + k;
    size_t up = *dk ? 1 : 0;
    for (const char *q = dk; *q; q++) up += *q == '/';
    gir_buf b;
    buf_init(&b, a);
    for (size_t n = 0; n < up; n++) buf_puts(&b, "../");
    buf_puts(&b, rest);
    return buf_cstr(&b);
}

/* A file the new report names (`template`, `previous`), as given on the
 * command line, written as the report will look it up: relative to the
 * folder of out. As given when out is standard output or in the working
 * directory, when path is absolute, or when either cannot be resolved. */
static const char *rel_to_out(gir_arena *a, const char *path, const char *out)
{
    if (!out || strcmp(out, "-") == 0 || path[0] == '/' || !strchr(out, '/')) return path;
    const char *slash = strrchr(out, '/');
    const char *dir = slash == out ? "/" : arena_strndup(a, out, (size_t)(slash - out));
    char *p = realpath(path, NULL);
    char *d = realpath(dir, NULL);
    const char *r = p && d ? relative(a, p, d) : path;
    free(p);
    free(d);
    return r;
}

/* Whether a --template name is a path (as template.c tells them apart). */
static int is_path(const char *name)
{
    size_t n = strlen(name);
    return strchr(name, '/') || (n > 4 && strcmp(name + n - 4, ".gir") == 0);
}

/* Lays out text, checks it, writes it. */
static int finish(gir_cli *c, gir_arena *a, const char *text, size_t len, const new_args *n, const gir_schema *s)
{
    gir_options o;
    cli_compile_options(c, &o);
    const char *name = n->out && strcmp(n->out, "-") != 0 ? n->out : "<stdout>";
    const char *out = text;
    size_t outlen = len;
    gir_doc *parsed = NULL;
    if (gir_fmt_source(name, text, len, &o, a, &out, &outlen, &parsed) != GIR_FMT_OK) {
        out = text;
        outlen = len;
    }
    gir_doc_free(parsed);
    gir_doc *d = gir_doc_compile(name, out, outlen, &o);
    int bad = !d || d->oom || (!n->from && d->diags.nerrors);
    if (bad && d) cli_print_diags(c, &d->diags);
    gir_doc_free(d);
    if (bad) return cli_file_error(c, NEW_NOT_CHECKED, s->name, "");
    int e = 0;
    const char *dest = n->out ? n->out : "-";
    if (io_write_atomic(dest, out, outlen, &e) != IO_OK) return cli_io_error(c, CLI_CANNOT_WRITE, dest, e);
    return 0;
}

/* --list: the tables of each built-in template (or of --template) for gir(5). */
static int list(gir_cli *c, gir_arena *a, const new_args *n)
{
    gir_buf b;
    buf_init(&b, a);
    int st = 0;
    for (const gir_embedded *e = gir_stdlib; e->name && !st; e++) {
        const char *name = n->template_name ? n->template_name : e->name;
        gir_doc *stub = NULL;
        const gir_schema *s = load_schema(c, a, name, last_year(), &stub);
        if (s) scaffold_roff(&b, s);
        else st = 1;
        gir_doc_free(stub);
        if (n->template_name) break;
    }
    fwrite(b.p ? b.p : "", 1, b.n, stdout);
    return st;
}

static int run(gir_cli *c, gir_arena *a, const new_args *n)
{
    if (n->list) return list(c, a, n);
    int st = 0;
    gir_doc *last = n->from ? load_last(c, a, n->from, &st) : NULL;
    if (st) return st;
    gir_new_opts no;
    memset(&no, 0, sizeof no);
    st = resolve(c, n, &no, last ? last->report : NULL);
    if (!st) {
        const char *tn = n->template_name ? n->template_name : template_builtin_for_year(a, no.year);
        gir_doc *stub = NULL;
        const gir_schema *s = tn ? load_schema(c, a, tn, no.year, &stub) : NULL;
        if (!s) st = 1;
        else {
            no.template_name = is_path(tn) ? rel_to_out(a, tn, n->out) : tn;
            no.last = last ? last->report : NULL;
            no.last_path = n->from ? rel_to_out(a, n->from, n->out) : NULL;
            size_t len = 0;
            const char *text = scaffold_new(a, s, &no, &len);
            st = finish(c, a, text, len, n, s);
        }
        gir_doc_free(stub);
    }
    gir_doc_free(last);
    return st;
}

int cmd_new(gir_cli *c, int argc, char **argv)
{
    new_args n;
    memset(&n, 0, sizeof n);
    int st = parse(c, argc, argv, &n);
    if (st) return st;
    if (n.out && n.from && cli_refuse_same(c, n.out, n.from)) return 2;
    gir_arena *a = arena_new(NULL);
    if (!a) return cli_io_error(c, CLI_OUT_OF_MEMORY, "", 0);
    st = run(c, a, &n);
    arena_free(a);
    return st;
}

const char *cmd_new_help_arg(gir_cli *c, gir_arena *a, int n)
{
    return n == 1 ? template_builtin_list(a, c->lang) : NULL;
}

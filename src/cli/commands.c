/* commands.c - the command table of girc, the one place that names the
 * commands, and what reads it: dispatch (cli_main), `girc --help`,
 * `girc help NAME` and `girc NAME --help`. A mistyped command gets the
 * nearest name as its help line. */
#include <string.h>
#include "cli.h"
#include "base/label.h"

#ifndef GIRC_VERSION
#define GIRC_VERSION "0.1.0"
#endif
const char *const cli_version = GIRC_VERSION;

/* In the order girc --help lists them. Synopses are ASCII: they are the
 * same in every language. */
const gir_command gir_commands[] = {
    {"new", "new [--template T] [--kind K] [--year Y] [--agency NAME] [--from LAST.gir] [-o OUT]", CLI_SUM_NEW, CLI_HELP_NEW, cmd_new, cmd_new_help_arg},
    {"check", "check [-j N] [--summary=FMT [-o OUT]] [--roster FILE] [--units DIR] FILE|DIR...", CLI_SUM_CHECK, CLI_HELP_CHECK, cmd_check, NULL},
    {"sum", "sum [--roster FILE] [--agency NAME] [-o OUT] FILE|DIR...", CLI_SUM_SUM, CLI_HELP_SUM, cmd_sum, NULL},
    {"build", "build [-f FMT] [-o OUT] [--fragment] [--style WORDS] FILE|DIR...", CLI_SUM_BUILD, CLI_HELP_BUILD, cmd_build, cmd_build_help_arg},
    {"fmt", "fmt [--check] [-w] FILE|DIR...", CLI_SUM_FMT, CLI_HELP_FMT, cmd_fmt, NULL},
    {"import", "import [-o OUT] [--check] [--text-layer] [-j N] FILE|DIR...", CLI_SUM_IMPORT, CLI_HELP_IMPORT, cmd_import, NULL},
    {"lsp", "lsp [--stdio]", CLI_SUM_LSP, CLI_HELP_LSP, cmd_lsp, NULL},
    {"help", "help [COMMAND]", CLI_SUM_HELP, CLI_HELP_HELP, cmd_help, NULL},
    {NULL, NULL, MSG__COUNT, MSG__COUNT, NULL, NULL},
};

#define HELP_COLUMN 23   /* where summaries start in girc --help */
#define NEAR_EDITS 2     /* a mistyped command at most this many edits away */

const gir_command *cli_find_command(const char *name)
{
    for (const gir_command *k = gir_commands; k->name; k++)
        if (strcmp(k->name, name) == 0) return k;
    return NULL;
}

const gir_command *cli_nearest_command(const char *name)
{
    const gir_command *best = NULL;
    size_t bd = NEAR_EDITS + 1;
    for (const gir_command *k = gir_commands; k->name; k++) {
        size_t d = label_distance(name, k->name, NEAR_EDITS);
        if (d < bd && d < strlen(k->name)) {
            best = k;
            bd = d;
        }
    }
    return best;
}

/* ---- help ---- */

/* The string arguments of k's summary and help ("" when none). */
static void help_args(gir_cli *c, gir_arena *a, const gir_command *k, const char **a1, const char **a2)
{
    *a1 = "";
    *a2 = "";
    if (!k->help_arg || !a) return;
    const char *x = k->help_arg(c, a, 1);
    const char *y = k->help_arg(c, a, 2);
    if (x) *a1 = x;
    if (y) *a2 = y;
}

/* "  SYNOPSIS   summary", the summary at HELP_COLUMN (on the next line
 * when the synopsis is too long). */
static void usage_line(gir_cli *c, gir_arena *a, const gir_command *k, FILE *out)
{
    const char *a1, *a2;
    help_args(c, a, k, &a1, &a2);
    int w = fprintf(out, "  %s", k->synopsis);
    if (w + 1 > HELP_COLUMN) {
        fputc('\n', out);
        w = 0;
    }
    fprintf(out, "%*s", HELP_COLUMN - w, "");
    fprintf(out, msg_fmt(c->lang, k->summary), a1, a2);
    fputc('\n', out);
}

void cli_print_usage(gir_cli *c, FILE *out)
{
    gir_arena *a = arena_new(NULL);
    fputs(msg_fmt(c->lang, CLI_USAGE_HEAD), out);
    for (const gir_command *k = gir_commands; k->name; k++) usage_line(c, a, k, out);
    fputs(msg_fmt(c->lang, CLI_USAGE_OPTIONS), out);
    arena_free(a);
}

void cli_print_command_help(gir_cli *c, const gir_command *k, FILE *out)
{
    gir_arena *a = arena_new(NULL);
    const char *a1, *a2;
    help_args(c, a, k, &a1, &a2);
    fprintf(out, msg_fmt(c->lang, CLI_USAGE_COMMAND), k->synopsis);
    fprintf(out, msg_fmt(c->lang, k->summary), a1, a2);
    fputs("\n\n", out);
    fprintf(out, msg_fmt(c->lang, k->help), a1, a2);
    arena_free(a);
}

/* ---- dispatch ---- */

static int is_help(const char *a)
{
    return strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0;
}

static int unknown_command(gir_cli *c, const char *name)
{
    const gir_command *near = cli_nearest_command(name);
    if (near) cli_usage_error_help(c, CLI_UNKNOWN_COMMAND, name, K_DID_YOU_MEAN, near->name);
    else cli_usage_error(c, CLI_UNKNOWN_COMMAND, name, "");
    return 2;
}

int cmd_help(gir_cli *c, int argc, char **argv)
{
    static const struct option none[] = {{NULL, 0, NULL, 0}};
    cli_opts o = {argc + 1, argv - 1, "", none, 0, NULL, "", 0};
    const char *arg = NULL;
    int r;
    while ((r = cli_getopt(c, &o, &arg)) >= 0) {}
    int first = o.first;
    cli_opts_done(&o);
    if (r == CLI_OPT_ERROR) return 2;
    if (o.argc - first > 1) {
        cli_usage_error(c, CLI_HELP_ONE, o.argv[first + 1], "");
        return 2;
    }
    const char *name = first < o.argc ? o.argv[first] : NULL;
    if (!name) {
        cli_print_usage(c, stdout);
        return 0;
    }
    const gir_command *k = cli_find_command(name);
    if (!k) return unknown_command(c, name);
    cli_print_command_help(c, k, stdout);
    return 0;
}

/* The options before the command (getopt_long, stopping at the command).
 * Returns -1 with *cmd and *rest set when a command follows, else the
 * exit status (--help, --version, an error, no command). */
static int global_part(gir_cli *c, int argc, char **argv, const char **cmd, int *rest)
{
    static const struct option longs[] = {
        {"help", no_argument, NULL, CLI_OPT_HELP},
        {"version", no_argument, NULL, CLI_OPT_VERSION},
        {NULL, 0, NULL, 0},
    };
    cli_opts o = {argc, argv, "h", longs, 1, NULL, "", 0};
    const char *arg = NULL;
    int k;
    while ((k = cli_getopt(c, &o, &arg)) >= 0)
        if (k == 'h' || k == CLI_OPT_HELP || k == CLI_OPT_VERSION) break;
    int first = o.first;
    cli_opts_done(&o);
    if (k == CLI_OPT_ERROR) return 2;
    if (k == 'h' || k == CLI_OPT_HELP) {
        cli_print_usage(c, stdout);
        return 0;
    }
    if (k == CLI_OPT_VERSION) {
        printf("girc %s\n", GIRC_VERSION);
        return 0;
    }
    if (first < argc) {
        *cmd = argv[first];
        *rest = first + 1;
        return -1;
    }
    cli_print_usage(c, stderr);
    return 2;
}

/* Runs the command (or shows its help when -h or --help is among its
 * arguments). */
static int dispatch(gir_cli *c, const char *name, int argc, char **argv)
{
    const gir_command *k = cli_find_command(name);
    if (!k) return unknown_command(c, name);
    for (int i = 0; i < argc; i++)
        if (is_help(argv[i])) {
            cli_print_command_help(c, k, stdout);
            return 0;
        }
    return k->run(c, argc, argv);
}

int cli_main(int argc, char **argv)
{
    gir_cli c;
    cli_init(&c);
    cli_prescan(&c, argc, argv);
    const char *cmd = NULL;
    int rest = argc;
    int st = global_part(&c, argc, argv, &cmd, &rest);
    if (st < 0) st = dispatch(&c, cmd, argc - rest, argv + rest);
    return cli_finish(&c, st);
}

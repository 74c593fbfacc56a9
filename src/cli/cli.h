/* cli.h - shared command-line state and helpers for the commands (check.c,
 * build.c, fmt.c, import.c, lsp.c): global options, the command line's
 * own diagnostics, diagnostic printing, lists for messages, and the
 * command table (commands.c), which drives dispatch and every help text. */
#ifndef GIR_CLI_H
#define GIR_CLI_H
#include <getopt.h>
#include <stdio.h>
#include "driver/compile.h"
#include "diag/diag.h"
#include "base/msgs.h"

typedef struct gir_cli {
    gir_lang lang;
    int json;          /* --diagnostics=json (1), github (2) or sarif (CLI_DIAG_SARIF): machine-readable */
    int color;         /* ANSI colour on stderr */
    gir_column_unit column_unit;   /* --column-unit (diag.h): display, byte or char */
    /* -I DIR, in command-line order (a heap array of base/array.h). The
     * template search (template/template.c) takes a template the report
     * declares itself; else a name that is a path, relative to the
     * report, then as given; then NAME.gir in these directories, then in
     * those of GIRPATH (read there, not here; not for an absolute path),
     * then, for a plain name, the stdlib built into girc. */
    const char **includes;
    size_t ninclude;
    int doc_on_stdout; /* the command writes its document on standard output:
                          machine-readable diagnostics go to standard error */
    int deny_warnings; /* --deny-warnings (alias -Werror): warnings are errors */
    size_t denied;     /* warnings made errors so far (for the summary) */
    size_t waived;     /* findings waived in the reports so far (for the summary) */
    int has_sarif;     /* --diagnostics=sarif: the run's result lines are in sarif_fd */
    int sarif_fd;      /* an unlinked temporary file, opened before any worker forks */
    gir_arena *arena;  /* the command line's own diagnostics (made on first use) */
    gir_diags diags;
} gir_cli;

enum { CLI_DIAG_SARIF = 3 };        /* gir_cli.json for --diagnostics=sarif */
extern const char *const cli_version;   /* girc --version (commands.c) */

/* One command: the one table (commands.c) gives dispatch, `girc --help`,
 * `girc help NAME` and `girc NAME --help`. */
typedef struct gir_command {
    const char *name;
    const char *synopsis;   /* what follows "girc ": options and operands */
    gir_msg summary;        /* one line in girc --help */
    gir_msg help;           /* the rest of girc help NAME: options, notes */
    int (*run)(gir_cli *c, int argc, char **argv);  /* returns the exit status */
    /* The string arguments 1 and 2 of summary and help (e.g. build's
     * formats, from the back-end table), in arena a; NULL when none. */
    const char *(*help_arg)(gir_cli *c, gir_arena *a, int n);
} gir_command;
extern const gir_command gir_commands[];            /* terminated by name == NULL */

/* The whole command line: global options, then one command (main.c). */
int cli_main(int argc, char **argv);
/* The command called name, or NULL. */
const gir_command *cli_find_command(const char *name);
/* The command nearest to a mistyped name (a few edits away), or NULL. */
const gir_command *cli_nearest_command(const char *name);
/* `girc --help`: the commands and the global options. */
void cli_print_usage(gir_cli *c, FILE *out);
/* `girc help NAME`: the usage line, the summary and the help. */
void cli_print_command_help(gir_cli *c, const gir_command *k, FILE *out);

void cli_init(gir_cli *c);
/* With --diagnostics=sarif, first writes the run's SARIF document (on
 * stdout, or stderr when the command's document went to stdout). Flushes
 * stdout (a closed or full stdout is an I/O error: status 2),
 * frees what cli_init allocated, returns the final status. */
int cli_finish(gir_cli *c, int status);
/* Adds a -I directory; -1 when memory ran out (the caller reports it). */
int cli_add_include(gir_cli *c, const char *dir);
/* Applies --lang=, --diagnostics= and --color= from anywhere on the
 * command line, quietly, so that messages printed before the options
 * are parsed in order already use them; bad values are reported by
 * cli_global_option later. */
void cli_prescan(gir_cli *c, int argc, char **argv);
/* Sets the global option called option ("--lang") to val (opts.c).
 * Returns 0, or -1 after a usage error (a bad value). */
int cli_global_value(gir_cli *c, const char *option, const char *val);

/* A command's options, parsed with getopt_long (opts.c). The command
 * gives its arguments as getopt sees them (argv[0] its own name: argc + 1,
 * argv - 1 of what it was called with), its short options ("o:") and its
 * table of long options ({"output", required_argument, NULL, 'o'}: one
 * line per option, codes below 0x7f00); the global options (--lang,
 * --diagnostics, --color, --deny-warnings/-Werror, -I) are added and
 * applied here. `--opt value`, `--opt=value`, `--` and unique
 * abbreviations work in every command alike. */
typedef struct cli_opts {
    int argc;
    char **argv;
    const char *shorts;
    const struct option *longs;
    int in_order;             /* stop at the first operand (the global options before a command) */
    struct option *all;       /* internal: longs and the global options */
    char shorts_all[64];      /* internal */
    int first;                /* after the last option: the first operand (argv[first..argc)) */
} cli_opts;
enum { CLI_OPT_ERROR = -2 };
/* The options before the command (commands.c): global ones, --help, --version. */
enum { CLI_OPT_HELP = 0x7e00, CLI_OPT_VERSION };
/* The next option of the command, with its argument in *arg; -1 when the
 * options end (operands from o->first); CLI_OPT_ERROR after a usage error
 * (an unknown option gets the nearest one as its help line). */
int cli_getopt(gir_cli *c, cli_opts *o, const char **arg);
void cli_opts_done(cli_opts *o);
/* -j N / --jobs N: 0, or -1 after the error (1 to 256, bulk.h). */
int cli_jobs_arg(gir_cli *c, const char *arg, int *jobs);

/* The command line's own errors are diagnostics without a position
 * (gir_diag with src NULL) in the message catalogue: printed at once by
 * the same renderers as every other diagnostic ("girc: error[CODE]:
 * message" in the human form; a JSON object with "file": null; a
 * GitHub annotation). Catalogue entry id takes the strings a1 and a2. */
/* A usage problem; returns -1. */
int cli_usage_error(gir_cli *c, gir_msg id, const char *a1, const char *a2);
/* A usage problem with a help line (catalogue entry help, with harg). */
int cli_usage_error_help(gir_cli *c, gir_msg id, const char *a1, gir_msg help, const char *harg);
/* A usage problem with both strings and a help line; returns -1. */
int cli_usage_error_help2(gir_cli *c, gir_msg id, const char *a1, const char *a2, gir_msg help, const char *harg);
/* An I/O error for path (errno value err_no); returns 2. */
int cli_io_error(gir_cli *c, gir_msg id, const char *path, int err_no);
/* 1 (after E0050) if output out is the same file as input in (io_same_file):
 * the caller writes nothing. */
int cli_refuse_same(gir_cli *c, const char *out, const char *in);
/* A file that could not be processed (e.g. not built); returns 1. */
int cli_file_error(gir_cli *c, gir_msg id, const char *a1, const char *a2);
/* An error about the whole of input path (too large, not formatted):
 * "path: error[CODE]: ..." and "file" in the machine forms; returns 1. */
int cli_whole_file_error(gir_cli *c, const char *path, gir_msg id, const char *a1, const char *a2);

/* Reads an input file ("-" = standard input) into arena a. Returns 0 on
 * success; 1 after reporting a file over the size limit (an input error,
 * E0001); 2 after reporting an I/O error. */
int cli_read_input(gir_cli *c, gir_arena *a, const char *path, char **text, size_t *len);
/* The name diagnostics show for path ("<stdin>" for "-"). */
const char *cli_input_name(const char *path);
/* Compile options from the CLI state. */
void cli_compile_options(const gir_cli *c, gir_options *o);
/* Prints one diagnostic in the machine form chosen (JSON or GitHub), or
 * keeps it for the SARIF document (diag/sarif.h). */
void cli_render_machine(const gir_cli *c, FILE *out, const gir_diag *g);
/* Prints every diagnostic of a document (human on stderr; JSON or GitHub
 * on stdout, or stderr when the document is on stdout; sorted). With
 * --deny-warnings its warnings first become errors (with a note saying
 * so; d's counts follow), so every command's exit status follows. */
void cli_print_diags(gir_cli *c, gir_diags *d);
/* Prints the "N errors, M warnings" line (human mode only), and after it
 * how many of the errors are warnings made errors by --deny-warnings and
 * how many findings the reports waived. */
void cli_print_summary(gir_cli *c, size_t nerr, size_t nwarn);
/* items[0..n) as one list in c->lang: "a、b 或 c" / "a, b or c", where
 * last is the separator before the last item (CLI_LIST_OR, CLI_LIST_AND,
 * CLI_LIST_CHOICE); in arena a. */
const char *cli_list(const gir_cli *c, gir_arena *a, const char *const *items, size_t n, gir_msg last);

int cmd_check(gir_cli *c, int argc, char **argv);
int cmd_build(gir_cli *c, int argc, char **argv);
int cmd_fmt(gir_cli *c, int argc, char **argv);
int cmd_import(gir_cli *c, int argc, char **argv);
int cmd_lsp(gir_cli *c, int argc, char **argv);
int cmd_help(gir_cli *c, int argc, char **argv);
int cmd_sum(gir_cli *c, int argc, char **argv);   /* sum.c */
int cmd_new(gir_cli *c, int argc, char **argv);   /* new.c */
const char *cmd_new_help_arg(gir_cli *c, gir_arena *a, int n);
/* build's help arguments: 1 = the formats, 2 = a table of them. */
const char *cmd_build_help_arg(gir_cli *c, gir_arena *a, int n);
#endif

/* cli.h - shared command-line state and helpers for the subcommands
 * (cmd_*.c): global options, diagnostic printing, the command table. */
#ifndef GIR_CLI_H
#define GIR_CLI_H
#include <stdio.h>
#include "driver/compile.h"
#include "diag/diag.h"
#include "base/msgs.h"

typedef struct gir_cli {
    gir_lang lang;
    int json;          /* --diagnostics=json (1) or github (2): machine-readable */
    int color;         /* ANSI colour on stderr */
    const char **includes; size_t ninclude;   /* -I DIR (a heap array of base/array.h) */
    int stdout_failed;
} gir_cli;

typedef struct gir_command {
    const char *name;
    int (*run)(gir_cli *c, int argc, char **argv);  /* returns the exit status */
} gir_command;
extern const gir_command gir_commands[];            /* terminated by name == NULL */

void cli_init(gir_cli *c);
/* Flushes stdout (a closed or full stdout is an I/O error: status 2),
 * frees what cli_init allocated, returns the final status. */
int cli_finish(gir_cli *c, int status);
/* Adds a -I directory; -1 when memory ran out (the caller reports it). */
int cli_add_include(gir_cli *c, const char *dir);
/* Handles a global option at argv[*i] (may consume the next argument).
 * Returns 1 if consumed, 0 if not a global option, -1 after a usage error. */
int cli_global_option(gir_cli *c, int *i, int argc, char **argv);
/* Prints "girc: error[CODE]: ..." for a usage problem; returns -1. */
int cli_usage_error(gir_cli *c, gir_msg id, const char *a1, const char *a2);
/* Prints an I/O error for path (errno value err_no); returns 2. */
int cli_io_error(gir_cli *c, gir_msg id, const char *path, int err_no);
/* Reads an input file ("-" = standard input) into arena a. Returns 0 on
 * success; 1 after reporting a file over the size limit (an input error,
 * E0001); 2 after reporting an I/O error. */
int cli_read_input(gir_cli *c, gir_arena *a, const char *path, char **text, size_t *len);
/* The name diagnostics show for path ("<stdin>" for "-"). */
const char *cli_input_name(const char *path);
/* Compile options from the CLI state. */
void cli_compile_options(const gir_cli *c, gir_options *o);
/* Prints one diagnostic in the machine form chosen (JSON or GitHub). */
void cli_render_machine(const gir_cli *c, FILE *out, const gir_diag *g);
/* Prints every diagnostic of a document (human or JSON, sorted). */
void cli_print_diags(gir_cli *c, gir_diags *d);
/* Prints the "N errors, M warnings" line (human mode only). */
void cli_print_summary(gir_cli *c, size_t nerr, size_t nwarn);

int cmd_check(gir_cli *c, int argc, char **argv);
int cmd_import(gir_cli *c, int argc, char **argv);
int cmd_fmt(gir_cli *c, int argc, char **argv);
int cmd_lsp(gir_cli *c, int argc, char **argv);
int cmd_build(gir_cli *c, int argc, char **argv);
#endif

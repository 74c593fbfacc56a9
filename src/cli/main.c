/* main.c - the girc command line: global options, then one subcommand.
 * Exit status: 0 success, 1 errors in the input, 2 usage or I/O error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

#ifndef GIRC_VERSION
#define GIRC_VERSION "0.1.0"
#endif

int main(int argc, char **argv)
{
    gir_cli c;
    cli_init(&c);
    /* first pass: --lang may come anywhere; messages need it early */
    for (int i = 1; i < argc; i++)
        if (strncmp(argv[i], "--lang=", 7) == 0 && msg_lang_parse(argv[i] + 7) >= 0)
            c.lang = (gir_lang)msg_lang_parse(argv[i] + 7);
    const char *cmd = NULL;
    int rest = argc;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(msg_fmt(c.lang, CLI_USAGE), stdout);
            return cli_finish(&c, 0);
        }
        if (strcmp(a, "--version") == 0) {
            printf("girc %s\n", GIRC_VERSION);
            return cli_finish(&c, 0);
        }
        int g = cli_global_option(&c, &i, argc, argv);
        if (g < 0) return cli_finish(&c, 2);
        if (g > 0) continue;
        if (a[0] == '-' && a[1]) { cli_usage_error(&c, CLI_UNKNOWN_OPTION, a, ""); return cli_finish(&c, 2); }
        cmd = a;
        rest = i + 1;
        break;
    }
    if (!cmd) {
        fputs(msg_fmt(c.lang, CLI_USAGE), stderr);
        return cli_finish(&c, 2);
    }
    for (const gir_command *k = gir_commands; k->name; k++)
        if (strcmp(k->name, cmd) == 0)
            return cli_finish(&c, k->run(&c, argc - rest, argv + rest));
    cli_usage_error(&c, CLI_UNKNOWN_COMMAND, cmd, "");
    return cli_finish(&c, 2);
}

/* main.c - the girc program: the command line is cli_main (commands.c).
 * Standard error is buffered when it is not a terminal (one write per
 * file of a batch instead of one per piece of a diagnostic; the runner
 * and cli_finish flush it before standard output, so the order of the
 * two streams stays as it was), except for the language server, whose
 * log lines go out as they are written. The compiled templates are
 * freed at exit. Exit status: 0 success, 1 errors in the input, 2 usage
 * or I/O error. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "template/cache.h"

static void buffer_stderr(int argc, char **argv)
{
    if (isatty(STDERR_FILENO)) return;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "lsp") == 0) return;
    setvbuf(stderr, NULL, _IOFBF, 1 << 16);
}

int main(int argc, char **argv)
{
    buffer_stderr(argc, argv);
    int rc = cli_main(argc, argv);
    tcache_free();
    return rc;
}

/* main.c - the girc program: the command line is cli_main (commands.c).
 * Exit status: 0 success, 1 errors in the input, 2 usage or I/O error. */
#include "cli.h"

int main(int argc, char **argv)
{
    return cli_main(argc, argv);
}

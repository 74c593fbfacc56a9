/* cli.c - global options, diagnostic printing and the command table. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "base/array.h"
#include "base/io.h"

const gir_command gir_commands[] = {
    {"check", cmd_check},
    {"import", cmd_import},
    {"fmt", cmd_fmt},
    {"lsp", cmd_lsp},
    {"build", cmd_build},
    {NULL, NULL},
};

void cli_init(gir_cli *c)
{
    memset(c, 0, sizeof *c);
    c->lang = msg_lang_from_env();
    const char *nc = getenv("NO_COLOR");
    c->color = isatty(STDERR_FILENO) && !(nc && *nc);
    const char *gp = getenv("GIRPATH");
    (void)gp; /* GIRPATH is read after -I options, in cli_compile_options */
}

int cli_finish(gir_cli *c, int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        int e = errno;
        fprintf(stderr, "girc: error[E0005]: ");
        fprintf(stderr, msg_fmt(c->lang, CLI_CANNOT_WRITE), "<stdout>", strerror(e ? e : EIO));
        fputc('\n', stderr);
        status = 2;   /* even after input errors: their diagnostics were lost */
    }
    free(c->includes);
    c->includes = NULL;
    return status;
}

int cli_add_include(gir_cli *c, const char *dir)
{
    void *v = c->includes;
    if (array_reserve(NULL, &v, c->ninclude, sizeof *c->includes) != 0) return -1;
    c->includes = v;
    c->includes[c->ninclude++] = dir;
    return 0;
}

int cli_global_option(gir_cli *c, int *i, int argc, char **argv)
{
    const char *a = argv[*i];
    if (strncmp(a, "--lang=", 7) == 0) {
        int l = msg_lang_parse(a + 7);
        if (l < 0) return cli_usage_error(c, CLI_BAD_VALUE, "--lang", a + 7);
        c->lang = (gir_lang)l;
        return 1;
    }
    if (strncmp(a, "--diagnostics=", 14) == 0) {
        if (strcmp(a + 14, "json") == 0) c->json = 1;
        else if (strcmp(a + 14, "github") == 0) c->json = 2;
        else if (strcmp(a + 14, "human") == 0) c->json = 0;
        else return cli_usage_error(c, CLI_BAD_VALUE, "--diagnostics", a + 14);
        return 1;
    }
    if (strncmp(a, "--color=", 8) == 0) {
        if (strcmp(a + 8, "always") == 0) c->color = 1;
        else if (strcmp(a + 8, "never") == 0) c->color = 0;
        else if (strcmp(a + 8, "auto") == 0) {
            const char *nc = getenv("NO_COLOR");
            c->color = isatty(STDERR_FILENO) && !(nc && *nc);
        }
        else return cli_usage_error(c, CLI_BAD_VALUE, "--color", a + 8);
        return 1;
    }
    if (strncmp(a, "-I", 2) == 0) {
        const char *dir = a[2] ? a + 2 : (*i + 1 < argc ? argv[++*i] : NULL);
        if (!dir) return cli_usage_error(c, CLI_MISSING_ARG, "-I", "");
        if (cli_add_include(c, dir) != 0) {   /* never dropped silently */
            cli_io_error(c, CLI_CANNOT_READ, dir, ENOMEM);
            return -1;
        }
        return 1;
    }
    return 0;
}

int cli_usage_error(gir_cli *c, gir_msg id, const char *a1, const char *a2)
{
    fprintf(stderr, "girc: error[%s]: ", msg_code(id));
    fprintf(stderr, msg_fmt(c->lang, id), a1, a2);
    fputc('\n', stderr);
    return -1;
}

int cli_io_error(gir_cli *c, gir_msg id, const char *path, int err_no)
{
    fprintf(stderr, "girc: error[%s]: ", msg_code(id));
    fprintf(stderr, msg_fmt(c->lang, id), path, strerror(err_no ? err_no : EIO));
    fputc('\n', stderr);
    return 2;
}

const char *cli_input_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

int cli_read_input(gir_cli *c, gir_arena *a, const char *path, char **text, size_t *len)
{
    int e = 0;
    gir_io_status st = io_read_file(a, path, text, len, &e);
    if (st == IO_OK) return 0;
    if (st != IO_ERR_TOO_LARGE) return cli_io_error(c, CLI_CANNOT_READ, path, e);
    char n1[32], n2[32];
    snprintf(n1, sizeof n1, "%zu+", *len);
    snprintf(n2, sizeof n2, "%u", (unsigned)GIR_MAX_FILE_SIZE);
    fprintf(stderr, "%s: error[%s]: ", cli_input_name(path), msg_code(M_FILE_TOO_LARGE));
    fprintf(stderr, msg_fmt(c->lang, M_FILE_TOO_LARGE), n1, n2);
    fputc('\n', stderr);
    return 1;
}

void cli_compile_options(const gir_cli *c, gir_options *o)
{
    memset(o, 0, sizeof *o);
    o->lang = c->lang;
    o->includes = c->includes;
    o->ninclude = c->ninclude;
}

void cli_render_machine(const gir_cli *c, FILE *out, const gir_diag *g)
{
    if (c->json == 2) diag_render_github(out, g);
    else diag_render_json(out, g);
}

void cli_print_diags(gir_cli *c, gir_diags *d)
{
    diags_sort(d);
    gir_render_opts ro = {c->color, c->lang};
    for (size_t i = 0; i < d->n; i++) {
        if (c->json) cli_render_machine(c, stdout, d->v[i]);
        else diag_render_human(stderr, d->v[i], &ro);
    }
    if (d->dropped) {
        fprintf(stderr, "girc: warning[%s]: ", msg_code(M_DIAGS_DROPPED));
        fprintf(stderr, msg_fmt(c->lang, M_DIAGS_DROPPED), d->dropped);
        fputc('\n', stderr);
    }
}

void cli_print_summary(gir_cli *c, size_t nerr, size_t nwarn)
{
    if (c->json) return;
    gir_render_opts ro = {c->color, c->lang};
    diag_render_summary(stderr, nerr, nwarn, &ro);
}

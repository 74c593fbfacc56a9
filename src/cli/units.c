/* units.c - reading a region's unit reports and its roster for girc
 * check --summary/--roster/--units and girc sum (units.h). The files are
 * compiled one at a time and each document is freed once its figures are
 * recorded, so memory stays that of the records, not of the documents. */
#include <string.h>
#include "units.h"
#include "base/io.h"

int units_load(gir_cli *c, region_set *s, gir_diags *dg, const bulk_files *f, int sum, int show)
{
    gir_options o;
    cli_compile_options(c, &o);
    for (size_t i = 0; i < f->n; i++) {
        gir_arena *tmp = arena_new(NULL);
        if (!tmp) return cli_io_error(c, CLI_OUT_OF_MEMORY, f->v[i], 0);
        char *text = NULL;
        size_t len = 0;
        gir_doc *d = NULL;
        if (cli_read_input(c, tmp, f->v[i], &text, &len) == 0)
            d = gir_doc_compile(cli_input_name(f->v[i]), text, len, &o);
        arena_free(tmp);
        if (show && d) cli_print_diags(c, &d->diags);
        size_t k = region_add_unit(s, cli_input_name(f->v[i]), d);
        if (sum)
            region_sum_add(s, dg, k, d);
        else
            gir_doc_free(d);
    }
    return 0;
}

int units_roster(gir_cli *c, region_set *s, gir_diags *dg, const char *path)
{
    gir_arena *tmp = arena_new(NULL);
    if (!tmp) return cli_io_error(c, CLI_OUT_OF_MEMORY, path, 0);
    char *text = NULL;
    size_t len = 0;
    int st = cli_read_input(c, tmp, path, &text, &len);
    if (st == 0) st = region_roster_read(s, dg, path, text, len);
    arena_free(tmp);
    return st;
}

int units_option(gir_cli *c, int *i, int argc, char **argv, const char *name, const char *short_name, const char **v)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) == 0 && a[n] == '=') {
        *v = a + n + 1;
        return 1;
    }
    if (strcmp(a, name) != 0 && !(short_name && strcmp(a, short_name) == 0)) return 0;
    if (*i + 1 >= argc) {
        cli_usage_error(c, CLI_MISSING_ARG, a, "");
        return -1;
    }
    *v = argv[++*i];
    return 1;
}

int units_write(gir_cli *c, const char *path, const char *text, size_t len)
{
    if (!path) path = "-";
    int err = 0;
    if (strcmp(path, "-") == 0) {
        fflush(stdout);
        if (fwrite(text, 1, len, stdout) != len) return cli_io_error(c, CLI_CANNOT_WRITE, "<stdout>", 0);
        return 0;
    }
    if (io_write_atomic(path, text, len, &err) != IO_OK) return cli_io_error(c, CLI_CANNOT_WRITE, path, err);
    return 0;
}

typedef struct protected_call {
    int (*fn)(void *);
    void *ud;
    int rc;
} protected_call;

static void call(void *ud)
{
    protected_call *p = ud;
    p->rc = p->fn(p->ud);
}

int units_protect(gir_cli *c, region_set *s, int (*fn)(void *ud), void *ud)
{
    protected_call p = {fn, ud, 0};
    if (arena_protect(s->arena, call, &p)) return cli_io_error(c, CLI_OUT_OF_MEMORY, "region", 0);
    return p.rc;
}

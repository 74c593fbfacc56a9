/* units.h - what girc check (--summary, --roster, --units) and girc sum
 * share: reading the units' reports into a region set (region/region.h),
 * one after the other in this process, and reading a roster. */
#ifndef GIR_CLI_UNITS_H
#define GIR_CLI_UNITS_H
#include "bulk.h"
#include "cli.h"
#include "region/region.h"

/* Compiles every file of f into s (a unit each); with sum, also adds its
 * tables to the sum (problems into dg); with show, prints each file's
 * diagnostics as girc check does. Returns 0, or 2 after an I/O error
 * that stops the run (out of memory). */
int units_load(gir_cli *c, region_set *s, gir_diags *dg, const bulk_files *f, int sum, int show);
/* Reads the roster at path into s. Returns 0, 1 (errors in it, in dg)
 * or 2 (could not be read; reported). */
int units_roster(gir_cli *c, region_set *s, gir_diags *dg, const char *path);
/* An option with a value: "--name=V", "--name V" (and "-x V" when short
 * is given). 1 and *v set if argv[*i] is it, 0 if not, -1 after a usage
 * error (no value). */
int units_option(gir_cli *c, int *i, int argc, char **argv, const char *name, const char *short_name, const char **v);
/* Writes text to path ("-" or NULL: standard output) atomically;
 * returns 0 or 2 after reporting the error. */
int units_write(gir_cli *c, const char *path, const char *text, size_t len);
/* Runs fn(ud) inside the set's protected call (arena.h): running out of
 * memory anywhere in the region's work unwinds to here and is reported
 * (exit 2). Returns fn's status. */
int units_protect(gir_cli *c, region_set *s, int (*fn)(void *ud), void *ud);
#endif

/* bulk.h - running one job per file over many files (girc check and girc
 * import --check): arguments that are directories are walked (sorted, so
 * the order is stable) for files with the wanted extensions; with -j N
 * the jobs run in N forked workers whose output is collected and printed
 * in input order. Each file ends with one summary line (or one JSON
 * object), and the run with a final tally. */
#ifndef GIR_BULK_H
#define GIR_BULK_H
#include <stddef.h>
#include "cli.h"

typedef struct bulk_result {
    size_t nerr, nwarn, nnote;
    size_t not_checkable;      /* N0501/N0502: rules and totals with a blank cell */
    int unreadable;            /* the file could not be read at all */
} bulk_result;

/* One job: processes path, prints its diagnostics (stderr, or stdout as
 * JSON), fills r; returns an exit status (0, 1, 2). */
typedef int (*bulk_job)(gir_cli *c, const char *path, void *ud, bulk_result *r);

typedef struct bulk_files { char **v; size_t n; } bulk_files;   /* a heap array of base/array.h */

/* Adds path, or the matching files under a directory (exts: NULL-ended
 * list such as {".gir", NULL}). Returns 0, or 2 after an error message. */
int bulk_add(gir_cli *c, bulk_files *f, const char *path, const char *const *exts);
void bulk_files_free(bulk_files *f);
/* Is path a directory? */
int bulk_is_dir(const char *path);
/* Runs job over the files with jobs workers (1 = in this process),
 * printing one summary line per file and the tally. Returns the worst
 * exit status. */
int bulk_run(gir_cli *c, const bulk_files *f, int jobs, bulk_job job, void *ud);
/* Parses "-j N" / "-jN" / "--jobs=N" at argv[*i]: 1 if consumed, 0 if not
 * this option, -1 after a usage error. */
int bulk_jobs_option(gir_cli *c, int *i, int argc, char **argv, int *jobs);
/* Counts the N0501/N0502 ("not checkable") diagnostics of a sink. */
size_t bulk_not_checkable(const gir_diags *d);
#endif

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
    /* imports (bulk_files.it set): */
    size_t index;              /* the file's index in the list, set by bulk_run */
    int written;               /* its output was written */
    int failed;                /* no output could be made (refused, unreadable) */
} bulk_result;

/* One job: processes path, prints its diagnostics (stderr, or stdout as
 * JSON), fills r; returns an exit status (0, 1, 2). */
typedef int (*bulk_job)(gir_cli *c, const char *path, void *ud, bulk_result *r);

/* Why an input of an import is not run (bulk_item.skip). */
enum {
    BULK_RUN = 0,
    BULK_SKIP_BINARY, BULK_SKIP_IMAGE, BULK_SKIP_EMPTY, BULK_SKIP_UNREADABLE, BULK_SKIP_GIR,
    BULK_SKIP_LOOP, BULK_SKIP_BROKEN, BULK_SKIP_SPECIAL, BULK_SKIP_DEEP, BULK_SKIP_HIDDEN,
    BULK_REFUSED,              /* an error was reported before anything ran: it failed */
};

/* An input of an import, beside its path (bulk_add_tree). */
typedef struct bulk_item {
    char *rel;                 /* its path below the directory argument (a file argument: its base name) */
    char *out;                 /* the .gir it is to write (set by the command), or NULL */
    int skip;                  /* BULK_RUN, a BULK_SKIP_* reason, or BULK_REFUSED */
    char *detail;              /* the reason's detail (an errno text), or NULL */
} bulk_item;

typedef struct bulk_files {
    char **v; size_t n;        /* a heap array of base/array.h */
    bulk_item *it;             /* NULL, or n items (imports: the summaries and the tally say what was written) */
} bulk_files;

/* Adds path, or the matching files under a directory (exts: NULL-ended
 * list such as {".gir", NULL}). Returns 0, or 2 after an error message. */
int bulk_add(gir_cli *c, bulk_files *f, const char *path, const char *const *exts);
void bulk_files_free(bulk_files *f);
/* Adds path, or every file under a directory (tree.c): each considered by
 * its content, links followed, the ones skipped kept with their reason.
 * Returns 0, or 2 after an error message. */
int bulk_add_tree(gir_cli *c, bulk_files *f, const char *path);
/* mkdir -p: 0, or an errno value. */
int bulk_mkdirs(const char *path);
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

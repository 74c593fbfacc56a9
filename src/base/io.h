/* io.h - reading inputs and writing outputs safely: size limits, stdin,
 * and atomic replacement (temporary file + rename) so a failed run never
 * leaves a half-written file or touches an existing one. */
#ifndef GIR_IO_H
#define GIR_IO_H
#include <stddef.h>
#include "arena.h"

#define GIR_MAX_FILE_SIZE (64u * 1024u * 1024u) /* bytes; documented in girc(1) */

typedef enum { IO_OK = 0, IO_ERR_OPEN, IO_ERR_READ, IO_ERR_TOO_LARGE, IO_ERR_IS_DIR, IO_ERR_WRITE } gir_io_status;

/* Reads a whole file ("-" = standard input) into the arena, NUL-terminated.
 * On failure returns the status and sets *err_no to errno. */
gir_io_status io_read_file(gir_arena *a, const char *path, char **text, size_t *len, int *err_no);
/* Writes data to path atomically: path.tmp.XXXXXX in the same directory,
 * flushed, then renamed over path. "-" writes to standard output; an
 * existing device, FIFO or socket (/dev/stdout, /dev/full) is written
 * directly, never replaced. */
gir_io_status io_write_atomic(const char *path, const char *data, size_t len, int *err_no);
/* For an output written by a path or piece by piece (an XLSX workbook, a
 * batch's CSV): makes an empty temporary file, path.tmp.XXXXXX beside
 * path (in $TMPDIR or /tmp when path is "-" or a device), its name in
 * *tmp (malloc'd). Then io_commit_temp puts it in place as
 * io_write_atomic would (a rename over path keeping an existing file's
 * mode; copied to standard output or the device, then removed) and
 * frees the name; on failure the temporary file is removed and path is
 * untouched. io_discard_temp removes it and frees the name. */
gir_io_status io_temp_beside(const char *path, char **tmp, int *err_no);
gir_io_status io_commit_temp(char *tmp, const char *path, int *err_no);
void io_discard_temp(char *tmp);
#endif

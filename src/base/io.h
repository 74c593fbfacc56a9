/* io.h - reading inputs and writing outputs safely: size limits, stdin,
 * regular files only (a FIFO, device or socket named as an input is an
 * error, never a read that blocks), and atomic replacement (a temporary
 * file + rename) so a failed or interrupted run never leaves a
 * half-written file or touches an existing one. */
#ifndef GIR_IO_H
#define GIR_IO_H
#include <stddef.h>
#include "arena.h"

#define GIR_MAX_FILE_SIZE (64u * 1024u * 1024u) /* bytes; documented in girc(1) */

typedef enum {
    IO_OK = 0, IO_ERR_OPEN, IO_ERR_READ, IO_ERR_TOO_LARGE, IO_ERR_IS_DIR, IO_ERR_WRITE,
    IO_ERR_NOT_REGULAR,   /* an input that is a FIFO, device or socket */
    IO_ERR_READ_ONLY,     /* io_write_through: the file has no write permission */
} gir_io_status;

/* Opens path for reading as a regular file only: O_NONBLOCK, so that a
 * FIFO or a terminal cannot block the open, then fstat. Returns the
 * descriptor, or -1 with *st set (IO_ERR_OPEN with *err_no, IO_ERR_IS_DIR,
 * IO_ERR_NOT_REGULAR). The one way girc opens a file it reads. */
int io_open_regular(const char *path, gir_io_status *st, int *err_no);
/* Reads a whole file ("-" = standard input, which may be a pipe) into the
 * arena, NUL-terminated; any other path must be a regular file
 * (io_open_regular). On failure returns the status and sets *err_no. */
gir_io_status io_read_file(gir_arena *a, const char *path, char **text, size_t *len, int *err_no);
/* The same for a file a report names (template, previous report): "-" is
 * a file named "-", never standard input. */
gir_io_status io_read_named(gir_arena *a, const char *path, char **text, size_t *len, int *err_no);
/* Writes data to path atomically: a temporary .girc-XXXXXXXX in the same
 * directory (a fixed-length name, so any valid path can be written),
 * created as open(2) would create path (0666 less the umask; an existing
 * file's mode is kept), flushed, then renamed over path. While it
 * exists its name is registered, and SIGINT, SIGTERM and SIGHUP remove
 * it before the default action (SIGQUIT and SIGXFSZ too; a signal the
 * caller ignores or handles is left alone). "-" writes to standard output; an
 * existing device, FIFO or socket (/dev/stdout, /dev/full) is written
 * directly, never replaced. */
gir_io_status io_write_atomic(const char *path, const char *data, size_t len, int *err_no);
/* For an output written by a path or piece by piece (an XLSX workbook, a
 * batch's CSV): makes an empty temporary file, .girc-XXXXXXXX beside
 * path (in $TMPDIR or /tmp when path is "-" or a device; removed on a
 * signal as io_write_atomic's are), its name in
 * *tmp (malloc'd). Then io_commit_temp puts it in place as
 * io_write_atomic would (a rename over path keeping an existing file's
 * mode; copied to standard output or the device, then removed) and
 * frees the name; on failure the temporary file is removed and path is
 * untouched. io_discard_temp removes it and frees the name. */
gir_io_status io_temp_beside(const char *path, char **tmp, int *err_no);
gir_io_status io_commit_temp(char *tmp, const char *path, int *err_no);
void io_discard_temp(char *tmp);
/* Rewrites an existing file in place of its source (girc fmt -w): a
 * symbolic link is followed and the file it names is replaced (the link
 * stays); a file with more than one hard link is rewritten in place
 * (space reserved first, the old text restored if a write fails), so
 * every link sees the new text; a file without write permission is
 * IO_ERR_READ_ONLY and is not touched. */
gir_io_status io_write_through(const char *path, const char *data, size_t len, int *err_no);
/* 1 if output path out names the same file (device and inode) as in:
 * a hard link, a symbolic link or another spelling of it; in "-" is the
 * file standard input reads (girc build -o x.txt - < x.txt). 0 if out
 * is "-" or either does not exist. */
int io_same_file(const char *out, const char *in);
/* Writes all of n bytes at p to fd, again after EINTR; 0, or -1 with
 * errno set (a write of 0 bytes counts as an error). */
int io_write_all(int fd, const char *p, size_t n);
#endif

/* io.c - file input with limits, and atomic output. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "io.h"

gir_io_status io_read_file(gir_arena *a, const char *path, char **text, size_t *len, int *err_no)
{
    *err_no = 0;
    int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
    if (fd < 0) { *err_no = errno; return IO_ERR_OPEN; }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (fd != STDIN_FILENO) close(fd);
        *err_no = EISDIR;
        return IO_ERR_IS_DIR;
    }
    size_t cap = (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
                     ? (size_t)st.st_size + 1 : 65536;
    if (cap > (size_t)GIR_MAX_FILE_SIZE + 1) cap = (size_t)GIR_MAX_FILE_SIZE + 1;
    char *buf = malloc(cap + 1);
    if (!buf) { if (fd != STDIN_FILENO) close(fd); *err_no = ENOMEM; return IO_ERR_READ; }
    size_t n = 0;
    gir_io_status st_out = IO_OK;
    for (;;) {
        if (n == cap) {
            if (cap > GIR_MAX_FILE_SIZE) { st_out = IO_ERR_TOO_LARGE; break; }
            size_t ncap = cap * 2;
            if (ncap > (size_t)GIR_MAX_FILE_SIZE + 1) ncap = (size_t)GIR_MAX_FILE_SIZE + 1;
            char *nb = realloc(buf, ncap + 1);
            if (!nb) { *err_no = ENOMEM; st_out = IO_ERR_READ; break; }
            buf = nb;
            cap = ncap;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0) {
            if (errno == EINTR) continue;
            *err_no = errno;
            st_out = IO_ERR_READ;
            break;
        }
        if (r == 0) break;
        n += (size_t)r;
        if (n > GIR_MAX_FILE_SIZE) { st_out = IO_ERR_TOO_LARGE; break; }
    }
    if (fd != STDIN_FILENO) close(fd);
    /* buf is malloc'd: the arena must not longjmp (out of memory) over it */
    jmp_buf *oom = arena_set_oom(a, NULL);
    if (st_out == IO_OK) {
        *text = arena_alloc(a, n + 1);
        if (*text) {
            memcpy(*text, buf, n);
            (*text)[n] = 0;
            *len = n;
        } else {
            *err_no = ENOMEM;
            st_out = IO_ERR_READ;
        }
    } else if (st_out == IO_ERR_TOO_LARGE) {
        *len = n;
    }
    free(buf);
    arena_set_oom(a, oom);
    if (oom && st_out == IO_ERR_READ && *err_no == ENOMEM) longjmp(*oom, 1);
    return st_out;
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

gir_io_status io_write_atomic(const char *path, const char *data, size_t len, int *err_no)
{
    *err_no = 0;
    if (strcmp(path, "-") == 0) {
        if (write_all(STDOUT_FILENO, data, len) < 0) { *err_no = errno; return IO_ERR_WRITE; }
        return IO_OK;
    }
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) { *err_no = EISDIR; return IO_ERR_IS_DIR; }
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* a device, FIFO or socket (/dev/stdout, /dev/full): write to it;
         * a rename would replace the device node with a regular file */
        int fd = open(path, O_WRONLY);
        if (fd < 0) { *err_no = errno; return IO_ERR_OPEN; }
        if (write_all(fd, data, len) < 0) { *err_no = errno; close(fd); return IO_ERR_WRITE; }
        if (close(fd) < 0) { *err_no = errno; return IO_ERR_WRITE; }
        return IO_OK;
    }
    size_t pl = strlen(path);
    char *tmp = malloc(pl + 16);
    if (!tmp) { *err_no = ENOMEM; return IO_ERR_WRITE; }
    memcpy(tmp, path, pl);
    memcpy(tmp + pl, ".tmp.XXXXXX", 12);
    int fd = mkstemp(tmp);
    if (fd < 0) { *err_no = errno; free(tmp); return IO_ERR_OPEN; }
    int keep_mode = stat(path, &st) == 0;
    if (write_all(fd, data, len) < 0 || fsync(fd) < 0) {
        *err_no = errno;
        close(fd);
        unlink(tmp);
        free(tmp);
        return IO_ERR_WRITE;
    }
    fchmod(fd, keep_mode ? (st.st_mode & 07777) : 0644);
    if (close(fd) < 0) { *err_no = errno; unlink(tmp); free(tmp); return IO_ERR_WRITE; }
    if (rename(tmp, path) < 0) { *err_no = errno; unlink(tmp); free(tmp); return IO_ERR_WRITE; }
    free(tmp);
    return IO_OK;
}

/* ---- outputs written by a path (libxlsxwriter) or piece by piece ---- */

/* Writes to path directly rather than replacing it: standard output, or
 * an existing device, FIFO or socket. */
static int is_stream(const char *path)
{
    struct stat st;
    return strcmp(path, "-") == 0 || (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode));
}

gir_io_status io_temp_beside(const char *path, char **tmp, int *err_no)
{
    *err_no = 0;
    *tmp = NULL;
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) { *err_no = EISDIR; return IO_ERR_IS_DIR; }
    const char *dir = getenv("TMPDIR");
    const char *base = is_stream(path) ? (dir && *dir ? dir : "/tmp") : path;
    const char *suffix = is_stream(path) ? "/girc.tmp.XXXXXX" : ".tmp.XXXXXX";
    size_t bl = strlen(base), sl = strlen(suffix);
    char *t = malloc(bl + sl + 1);
    if (!t) { *err_no = ENOMEM; return IO_ERR_WRITE; }
    memcpy(t, base, bl);
    memcpy(t + bl, suffix, sl + 1);
    int fd = mkstemp(t);
    if (fd < 0) { *err_no = errno; free(t); return IO_ERR_OPEN; }
    close(fd);
    *tmp = t;
    return IO_OK;
}

void io_discard_temp(char *tmp)
{
    if (!tmp) return;
    unlink(tmp);
    free(tmp);
}

/* Copies the temporary file to a stream (standard output, a device). */
static gir_io_status copy_out(const char *tmp, const char *path, int *err_no)
{
    int in = open(tmp, O_RDONLY);
    if (in < 0) { *err_no = errno; return IO_ERR_READ; }
    int out = strcmp(path, "-") == 0 ? STDOUT_FILENO : open(path, O_WRONLY);
    if (out < 0) { *err_no = errno; close(in); return IO_ERR_OPEN; }
    char buf[65536];
    gir_io_status st = IO_OK;
    for (;;) {
        ssize_t r = read(in, buf, sizeof buf);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) { *err_no = errno; st = IO_ERR_READ; break; }
        if (r == 0) break;
        if (write_all(out, buf, (size_t)r) < 0) { *err_no = errno; st = IO_ERR_WRITE; break; }
    }
    close(in);
    if (out != STDOUT_FILENO && close(out) < 0 && st == IO_OK) { *err_no = errno; st = IO_ERR_WRITE; }
    return st;
}

gir_io_status io_commit_temp(char *tmp, const char *path, int *err_no)
{
    *err_no = 0;
    gir_io_status st = IO_OK;
    if (is_stream(path)) {
        st = copy_out(tmp, path, err_no);
        io_discard_temp(tmp);
        return st;
    }
    struct stat ps;
    int keep_mode = stat(path, &ps) == 0;
    int fd = open(tmp, O_RDWR);
    if (fd < 0 || fsync(fd) < 0) st = IO_ERR_WRITE;
    if (st == IO_OK) fchmod(fd, keep_mode ? (ps.st_mode & 07777) : 0644);
    if (st != IO_OK) *err_no = errno;
    if (fd >= 0 && close(fd) < 0 && st == IO_OK) { *err_no = errno; st = IO_ERR_WRITE; }
    if (st == IO_OK && rename(tmp, path) < 0) { *err_no = errno; st = IO_ERR_WRITE; }
    if (st != IO_OK) unlink(tmp);
    free(tmp);
    return st;
}

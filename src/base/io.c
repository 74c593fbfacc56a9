/* io.c - file input with limits (regular files only), and atomic output
 * with a temporary file that a signal never leaves behind. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "io.h"

/* ---- reading ---- */

/* io_open_regular, and *size: the file's size when it was opened. */
static int open_regular(const char *path, gir_io_status *st, int *err_no, off_t *size)
{
    *err_no = 0;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        *err_no = errno;
        *st = IO_ERR_OPEN;
        return -1;
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0) {
        *err_no = errno;
        *st = IO_ERR_OPEN;
    } else if (S_ISDIR(sb.st_mode)) {
        *err_no = EISDIR;
        *st = IO_ERR_IS_DIR;
    } else if (!S_ISREG(sb.st_mode)) {
        *st = IO_ERR_NOT_REGULAR;
    } else {
        *st = IO_OK;
        *size = sb.st_size;
        return fd;
    }
    close(fd);
    return -1;
}

int io_open_regular(const char *path, gir_io_status *st, int *err_no)
{
    off_t size;
    return open_regular(path, st, err_no, &size);
}

/* The size of fd when it is a regular file, else -1 (a pipe). */
static off_t size_of(int fd)
{
    struct stat sb;
    return fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) ? sb.st_size : -1;
}

/* Reads fd to its end into buf (malloc); *len the bytes read. size: what
 * fstat said (the buffer is one byte larger, so that the end is seen in
 * the next read; a file that grew meanwhile is still read whole), or -1. */
static gir_io_status read_all(int fd, off_t size, char **out, size_t *len, int *err_no)
{
    size_t cap = size > 0 ? (size_t)size + 1 : 65536;
    if (cap > (size_t)GIR_MAX_FILE_SIZE + 1) cap = (size_t)GIR_MAX_FILE_SIZE + 1;
    char *buf = malloc(cap + 1);
    if (!buf) { *err_no = ENOMEM; return IO_ERR_READ; }
    size_t n = 0;
    gir_io_status st = IO_OK;
    for (;;) {
        if (n == cap) {
            if (cap > GIR_MAX_FILE_SIZE) { st = IO_ERR_TOO_LARGE; break; }
            size_t ncap = cap * 2;
            if (ncap > (size_t)GIR_MAX_FILE_SIZE + 1) ncap = (size_t)GIR_MAX_FILE_SIZE + 1;
            char *nb = realloc(buf, ncap + 1);
            if (!nb) { *err_no = ENOMEM; st = IO_ERR_READ; break; }
            buf = nb;
            cap = ncap;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0) {
            if (errno == EINTR) continue;
            *err_no = errno;
            st = IO_ERR_READ;
            break;
        }
        if (r == 0) break;
        n += (size_t)r;
        if (n > GIR_MAX_FILE_SIZE) { st = IO_ERR_TOO_LARGE; break; }
    }
    *out = buf;
    *len = n;
    return st;
}

static void free_buf(void *p) { free(p); }

/* Hands the malloc'd buffer to the arena (freed with it: the text is
 * read once and never copied); the arena must not longjmp (out of
 * memory) over it. */
static gir_io_status to_arena(gir_arena *a, char *buf, size_t n, gir_io_status st, char **text, size_t *len, int *err_no)
{
    jmp_buf *oom = arena_set_oom(a, NULL);
    if (st == IO_OK) {
        buf[n] = 0;   /* read_all leaves room for it */
        if (arena_defer(a, free_buf, buf)) {
            *text = buf;
            *len = n;
            buf = NULL;
        } else {   /* arena_defer has freed buf */
            buf = NULL;
            *err_no = ENOMEM;
            st = IO_ERR_READ;
        }
    } else if (st == IO_ERR_TOO_LARGE) {
        *len = n;
    }
    free(buf);
    arena_set_oom(a, oom);
    if (oom && st == IO_ERR_READ && *err_no == ENOMEM) longjmp(*oom, 1);
    return st;
}

static gir_io_status read_fd(gir_arena *a, int fd, off_t size, char **text, size_t *len, int *err_no)
{
    char *buf = NULL;
    size_t n = 0;
    gir_io_status st = read_all(fd, size, &buf, &n, err_no);
    if (!buf) return st;
    return to_arena(a, buf, n, st, text, len, err_no);
}

gir_io_status io_read_named(gir_arena *a, const char *path, char **text, size_t *len, int *err_no)
{
    gir_io_status st = IO_OK;
    off_t size = -1;
    int fd = open_regular(path, &st, err_no, &size);
    if (fd < 0) return st;
    st = read_fd(a, fd, size, text, len, err_no);   /* no second fstat */
    close(fd);
    return st;
}

gir_io_status io_read_file(gir_arena *a, const char *path, char **text, size_t *len, int *err_no)
{
    *err_no = 0;
    if (strcmp(path, "-") != 0) return io_read_named(a, path, text, len, err_no);
    struct stat sb;
    if (fstat(STDIN_FILENO, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        *err_no = EISDIR;
        return IO_ERR_IS_DIR;
    }
    return read_fd(a, STDIN_FILENO, size_of(STDIN_FILENO), text, len, err_no);
}

int io_same_file(const char *out, const char *in)
{
    struct stat a, b;
    if (strcmp(out, "-") == 0 || stat(out, &a) != 0) return 0;
    int got = strcmp(in, "-") == 0 ? fstat(STDIN_FILENO, &b) : stat(in, &b);   /* "-": what stdin is */
    if (got != 0) return 0;
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* ---- the registry of temporary files, for signals ----
 * A fixed table (one slot per concurrent writer: bulk -j runs at most
 * 256): a slot is claimed with an atomic exchange, its path written,
 * then marked ready; the handler unlinks every ready path (unlink is
 * async-signal-safe), restores the default action and re-raises. */

#define TMP_SLOTS 16
#define TMP_PATH 4096
enum { SLOT_FREE, SLOT_BUSY, SLOT_READY };
static struct {
    atomic_int state;
    char path[TMP_PATH];
} tmp_slots[TMP_SLOTS];
static const int tmp_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGXFSZ};

static void on_signal(int sig)
{
    int saved = errno;
    for (int i = 0; i < TMP_SLOTS; i++)
        if (atomic_load(&tmp_slots[i].state) == SLOT_READY) unlink(tmp_slots[i].path);
    signal(sig, SIG_DFL);
    errno = saved;
    raise(sig);
}

static void install_handlers(void)
{
    for (size_t i = 0; i < sizeof tmp_signals / sizeof *tmp_signals; i++) {
        struct sigaction old, sa;
        if (sigaction(tmp_signals[i], NULL, &old) != 0 || old.sa_handler != SIG_DFL) continue;   /* ignored (nohup) or the caller's own */
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(tmp_signals[i], &sa, NULL);
    }
}

/* Registers path; the slot, or -1 when every slot is taken or the path is
 * too long (then a signal may leave that file behind). */
static int tmp_register(const char *path)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, install_handlers);
    size_t n = strlen(path);
    if (n >= TMP_PATH) return -1;
    for (int i = 0; i < TMP_SLOTS; i++) {
        int want = SLOT_FREE;
        if (!atomic_compare_exchange_strong(&tmp_slots[i].state, &want, SLOT_BUSY)) continue;
        memcpy(tmp_slots[i].path, path, n + 1);
        atomic_store(&tmp_slots[i].state, SLOT_READY);
        return i;
    }
    return -1;
}

static void tmp_unregister(int slot)
{
    if (slot >= 0) atomic_store(&tmp_slots[slot].state, SLOT_FREE);
}

/* ---- writing ---- */

int io_write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* A device, FIFO or socket (/dev/stdout, /dev/full): written to, since a
 * rename would replace the device node with a regular file. */
static gir_io_status write_device(const char *path, const char *data, size_t len, int *err_no)
{
    int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) { *err_no = errno; return IO_ERR_OPEN; }
    if (io_write_all(fd, data, len) < 0) { *err_no = errno; close(fd); return IO_ERR_WRITE; }
    if (close(fd) < 0) { *err_no = errno; return IO_ERR_WRITE; }
    return IO_OK;
}

/* tmp = the folder of path + "/.girc-" + 8 random letters. */
static void tmp_name(char *tmp, const char *path, unsigned long long seed)
{
    static const char abc[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    const char *slash = strrchr(path, '/');
    size_t dl = slash ? (size_t)(slash - path) + 1 : 0;
    memcpy(tmp, path, dl);
    memcpy(tmp + dl, ".girc-", 6);
    for (int i = 0; i < 8; i++) {
        tmp[dl + 6 + i] = abc[seed % 36];
        seed /= 36;
    }
    tmp[dl + 14] = 0;
}

/* Creates a new temporary file beside path, with mode 0666 (the umask
 * applies, as for any new file); its name in tmp, registered in *slot. */
static int tmp_create(char *tmp, const char *path, int *slot, int *err_no)
{
    static atomic_ullong counter;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    for (int tries = 0; tries < 100; tries++) {
        unsigned long long seed = ((unsigned long long)ts.tv_nsec * 2654435761ull) ^ ((unsigned long long)getpid() << 32) ^
                                  (atomic_fetch_add(&counter, 1) * 0x9E3779B97F4A7C15ull);
        tmp_name(tmp, path, seed);
        *slot = tmp_register(tmp);
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOCTTY | O_CLOEXEC, 0666);
        if (fd >= 0) return fd;
        *err_no = errno;
        tmp_unregister(*slot);
        if (errno != EEXIST) return -1;
    }
    return -1;
}

/* Writes data into a new temporary file beside target and renames it
 * over target (the mode of an existing target is kept). */
static gir_io_status replace(const char *target, const char *data, size_t len, int *err_no)
{
    size_t pl = strlen(target);
    char *tmp = malloc(pl + 16);
    if (!tmp) { *err_no = ENOMEM; return IO_ERR_WRITE; }
    int slot = -1;
    int fd = tmp_create(tmp, target, &slot, err_no);
    if (fd < 0) { free(tmp); return IO_ERR_OPEN; }
    struct stat st;
    int keep_mode = stat(target, &st) == 0;
    gir_io_status rc = IO_OK;
    if (io_write_all(fd, data, len) < 0 || fsync(fd) < 0 || (keep_mode && fchmod(fd, st.st_mode & 07777) < 0)) {
        *err_no = errno;
        rc = IO_ERR_WRITE;
    }
    if (close(fd) < 0 && rc == IO_OK) { *err_no = errno; rc = IO_ERR_WRITE; }
    if (rc == IO_OK && rename(tmp, target) < 0) { *err_no = errno; rc = IO_ERR_WRITE; }
    if (rc != IO_OK) unlink(tmp);
    tmp_unregister(slot);
    free(tmp);
    return rc;
}

gir_io_status io_write_atomic(const char *path, const char *data, size_t len, int *err_no)
{
    *err_no = 0;
    if (strcmp(path, "-") == 0) {
        if (io_write_all(STDOUT_FILENO, data, len) < 0) { *err_no = errno; return IO_ERR_WRITE; }
        return IO_OK;
    }
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) { *err_no = EISDIR; return IO_ERR_IS_DIR; }
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) return write_device(path, data, len, err_no);
    return replace(path, data, len, err_no);
}

/* Rewrites fd's file in place: room reserved first, so that a full disk
 * fails before the first byte changes; old (its text, olen bytes) is
 * written back if a write fails after that. */
static gir_io_status rewrite_in_place(int fd, const char *data, size_t len, const char *old, size_t olen, int *err_no)
{
    int e = len > 0 ? posix_fallocate(fd, 0, (off_t)len) : 0;
    if (e != 0 && e != EOPNOTSUPP && e != EINVAL) { *err_no = e; return IO_ERR_WRITE; }
    if (lseek(fd, 0, SEEK_SET) == 0 && io_write_all(fd, data, len) == 0 && ftruncate(fd, (off_t)len) == 0 && fsync(fd) == 0)
        return IO_OK;
    *err_no = errno;
    if (lseek(fd, 0, SEEK_SET) == 0 && io_write_all(fd, old, olen) == 0) {
        if (ftruncate(fd, (off_t)olen) != 0) { /* the old text is back; a longer tail may stay */ }
    }
    return IO_ERR_WRITE;
}

static gir_io_status write_links(const char *real, const char *data, size_t len, int *err_no)
{
    int fd = open(real, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) { *err_no = errno; return IO_ERR_OPEN; }
    char *old = NULL;
    size_t olen = 0;
    gir_io_status st = read_all(fd, size_of(fd), &old, &olen, err_no);
    if (st == IO_OK) st = rewrite_in_place(fd, data, len, old, olen, err_no);
    free(old);
    if (close(fd) < 0 && st == IO_OK) { *err_no = errno; st = IO_ERR_WRITE; }
    return st;
}

gir_io_status io_write_through(const char *path, const char *data, size_t len, int *err_no)
{
    *err_no = 0;
    char *real = realpath(path, NULL);
    if (!real) { *err_no = errno; return IO_ERR_OPEN; }
    struct stat st;
    gir_io_status rc;
    if (stat(real, &st) != 0) { *err_no = errno; rc = IO_ERR_OPEN; }
    else if (!S_ISREG(st.st_mode)) rc = IO_ERR_NOT_REGULAR;
    else if (!(st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) || access(real, W_OK) != 0) { *err_no = EACCES; rc = IO_ERR_READ_ONLY; }
    else if (st.st_nlink > 1) rc = write_links(real, data, len, err_no);
    else rc = replace(real, data, len, err_no);
    free(real);
    return rc;
}

/* ---- outputs written by a path (libxlsxwriter) or piece by piece ---- */

/* Writes to path directly rather than replacing it: standard output, or
 * an existing device, FIFO or socket. */
static int is_stream(const char *path)
{
    struct stat st;
    return strcmp(path, "-") == 0 || (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode));
}

/* Frees the signal slot that holds tmp's name (tmp_register). */
static void tmp_unregister_path(const char *tmp)
{
    for (int i = 0; i < TMP_SLOTS; i++)
        if (atomic_load(&tmp_slots[i].state) == SLOT_READY && strcmp(tmp_slots[i].path, tmp) == 0) {
            tmp_unregister(i);
            return;
        }
}

gir_io_status io_temp_beside(const char *path, char **tmp, int *err_no)
{
    *err_no = 0;
    *tmp = NULL;
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) { *err_no = EISDIR; return IO_ERR_IS_DIR; }
    const char *dir = getenv("TMPDIR");
    const char *base = is_stream(path) ? (dir && *dir ? dir : "/tmp") : path;
    size_t bl = strlen(base);
    char *where = malloc(bl + 3);           /* a stream: a name inside the temporary folder */
    char *t = malloc(bl + 20);
    if (!where || !t) {
        free(where);
        free(t);
        *err_no = ENOMEM;
        return IO_ERR_WRITE;
    }
    memcpy(where, base, bl + 1);
    if (is_stream(path))
        memcpy(where + bl, "/x", 3);
    int slot = -1;
    int fd = tmp_create(t, where, &slot, err_no);
    free(where);
    if (fd < 0) {
        free(t);
        return IO_ERR_OPEN;
    }
    close(fd);
    *tmp = t;
    return IO_OK;
}

void io_discard_temp(char *tmp)
{
    if (!tmp) return;
    unlink(tmp);
    tmp_unregister_path(tmp);
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
        if (io_write_all(out, buf, (size_t)r) < 0) { *err_no = errno; st = IO_ERR_WRITE; break; }
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
    if (st == IO_OK && keep_mode) fchmod(fd, ps.st_mode & 07777);   /* a new file has 0666 less the umask */
    if (st != IO_OK) *err_no = errno;
    if (fd >= 0 && close(fd) < 0 && st == IO_OK) { *err_no = errno; st = IO_ERR_WRITE; }
    if (st == IO_OK && rename(tmp, path) < 0) { *err_no = errno; st = IO_ERR_WRITE; }
    if (st != IO_OK) unlink(tmp);
    tmp_unregister_path(tmp);
    free(tmp);
    return st;
}

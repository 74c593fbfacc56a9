/* bulk.c - many files, one job each, optionally in parallel (bulk.h).
 * Parallel runs fork one worker per chunk of consecutive files, at most N
 * at a time; a worker writes its stdout and stderr into two unlinked
 * temporary files and, after each file, its counts and output offsets
 * into a third, and the parent copies each file's output out strictly in
 * input order, so the output is the same for any N. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "bulk.h"
#include "base/array.h"

int bulk_is_dir(const char *path)
{
    struct stat st;
    return strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int push(bulk_files *f, const char *p)
{
    void *v = f->v;
    if (array_reserve(NULL, &v, f->n, sizeof *f->v) != 0) return -1;
    f->v = v;
    f->v[f->n] = strdup(p);
    if (!f->v[f->n]) return -1;
    f->n++;
    return 0;
}

static int wanted(const char *name, const char *const *exts)
{
    size_t n = strlen(name);
    for (size_t i = 0; exts[i]; i++) {
        size_t m = strlen(exts[i]);
        if (n > m && strcasecmp(name + n - m, exts[i]) == 0) return 1;
    }
    return 0;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int walk(gir_cli *c, bulk_files *f, const char *dir, const char *const *exts, int depth)
{
    if (depth > 64) return 0;
    DIR *d = opendir(dir);
    if (!d) return cli_io_error(c, CLI_CANNOT_READ, dir, errno);
    bulk_files names = {0};
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue; /* ., .. and hidden files */
        if (push(&names, e->d_name) < 0) {
            closedir(d);
            bulk_files_free(&names);
            return cli_io_error(c, CLI_OUT_OF_MEMORY, dir, 0);
        }
    }
    closedir(d);
    if (names.n) qsort(names.v, names.n, sizeof *names.v, cmp_str);
    int rc = 0;
    for (size_t i = 0; i < names.n && rc == 0; i++) {
        size_t len = strlen(dir) + strlen(names.v[i]) + 2;
        char *p = malloc(len);
        if (!p) {
            rc = 2;
            break;
        }
        snprintf(p, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names.v[i]);
        struct stat st;
        if (lstat(p, &st) == 0) {
            if (S_ISDIR(st.st_mode))
                rc = walk(c, f, p, exts, depth + 1);
            else if (S_ISREG(st.st_mode) && wanted(names.v[i], exts) && push(f, p) < 0)
                rc = 2;
        }
        free(p);
    }
    bulk_files_free(&names);
    return rc;
}

int bulk_add(gir_cli *c, bulk_files *f, const char *path, const char *const *exts)
{
    if (!bulk_is_dir(path)) return push(f, path) < 0 ? cli_io_error(c, CLI_OUT_OF_MEMORY, path, 0) : 0;
    size_t before = f->n;
    int rc = walk(c, f, path, exts, 0);
    if (rc == 0 && f->n == before) {
        cli_usage_error(c, BULK_NO_INPUTS, path, "");
        return 2;
    }
    return rc;
}

void bulk_files_free(bulk_files *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->v[i]);
    for (size_t i = 0; f->it && i < f->n; i++) {
        free(f->it[i].rel);
        free(f->it[i].out);
        free(f->it[i].detail);
    }
    free(f->it);
    free(f->v);
    memset(f, 0, sizeof *f);
}

int bulk_jobs_option(gir_cli *c, int *i, int argc, char **argv, int *jobs)
{
    const char *a = argv[*i], *v = NULL;
    if (strcmp(a, "-j") == 0) {
        if (*i + 1 >= argc) {
            cli_usage_error(c, CLI_MISSING_ARG, "-j", "");
            return -1;
        }
        v = argv[++*i];
    } else if (strncmp(a, "-j", 2) == 0) {
        v = a + 2;
    } else if (strncmp(a, "--jobs=", 7) == 0) {
        v = a + 7;
    } else {
        return 0;
    }
    char *end = NULL;
    long n = strtol(v, &end, 10);
    if (!*v || *end || n < 1 || n > 256) {
        cli_usage_error(c, I_BAD_JOBS, v, "");
        return -1;
    }
    *jobs = (int)n;
    return 1;
}

size_t bulk_not_checkable(const gir_diags *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i]->code && (strcmp(d->v[i]->code, "N0501") == 0 || strcmp(d->v[i]->code, "N0502") == 0)) n++;
    return n;
}

/* ---- summaries ---- */

static void json_str(FILE *o, const char *s)
{
    fputc('"', o);
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\') {
            fputc('\\', o);
            fputc(ch, o);
        } else if (ch < 0x20) {
            fprintf(o, "\\u%04x", ch);
        } else {
            fputc(ch, o);
        }
    }
    fputc('"', o);
}

static const char *skip_name(int why)
{
    static const char *const v[] = {"",     "binary",      "image",   "empty",    "unreadable", "gir",
                                    "loop", "broken-link", "special", "too-deep", "hidden", "refused"};
    return why >= 0 && why <= BULK_REFUSED ? v[why] : "";
}

static const char *import_status(const bulk_item *x, const bulk_result *r)
{
    if (x->skip && x->skip != BULK_REFUSED) return "skipped";
    if (x->skip == BULK_REFUSED || r->failed || r->unreadable) return "failed";
    return r->nerr ? "errors" : "ok";
}

static void import_json(const bulk_item *x, const bulk_result *r)
{
    printf(",\"status\":\"%s\",\"written\":%s,\"output\":", import_status(x, r), r->written ? "true" : "false");
    if (r->written && x->out)
        json_str(stdout, x->out);
    else
        fputs("null", stdout);
    if (x->skip) {
        fputs(",\"reason\":", stdout);
        json_str(stdout, skip_name(x->skip));
    }
}

/* The reason a file was skipped, in c->lang. */
static const char *skip_text(gir_cli *c, const bulk_item *x, char *buf, size_t n)
{
    static const gir_msg v[] = {BULK_OK,      BULK_WHY_BINARY, BULK_WHY_IMAGE,  BULK_WHY_EMPTY,   BULK_WHY_UNREADABLE,
                                BULK_WHY_GIR, BULK_WHY_LOOP,   BULK_WHY_BROKEN, BULK_WHY_SPECIAL, BULK_WHY_DEEP,
                                BULK_WHY_HIDDEN};
    if (x->skip <= 0 || x->skip >= BULK_REFUSED) return "";
    snprintf(buf, n, msg_fmt(c->lang, v[x->skip]), x->detail ? x->detail : "");
    return buf;
}

/* "2 errors, 1 warning, 3 not checkable", or "" */
static void counts_text(gir_cli *c, const bulk_result *r, char *line, size_t n)
{
    size_t k = 0;
    line[0] = 0;
#define ADD(...)                                                        \
    do {                                                                \
        if (k < n) k += (size_t)snprintf(line + k, n - k, __VA_ARGS__); \
    } while (0)
    if (r->nerr) ADD(msg_fmt(c->lang, BULK_ERRORS), r->nerr, r->nerr == 1 ? "" : "s");
    if (r->nwarn) {
        if (k) ADD("%s", msg_fmt(c->lang, BULK_SEP));
        ADD(msg_fmt(c->lang, BULK_WARNINGS), r->nwarn, r->nwarn == 1 ? "" : "s");
    }
    if (r->not_checkable) {
        if (k) ADD("%s", msg_fmt(c->lang, BULK_SEP));
        ADD(msg_fmt(c->lang, BULK_NOT_CHECKABLE), r->not_checkable);
    }
#undef ADD
}

/* The status of a checked file in the JSON lines. */
static const char *check_status(const bulk_result *r)
{
    if (r->unreadable) return "unreadable";
    return r->nerr ? "errors" : "ok";
}

static void summary_line(gir_cli *c, const char *path, const bulk_result *r, const bulk_item *x)
{
    if (c->json == CLI_DIAG_SARIF) return; /* the one SARIF document is the output */
    if (strcmp(path, "-") == 0) path = "<stdin>";
    if (c->json && x) {
        fputs("{\"schema\":1,\"kind\":\"file\",\"file\":", stdout);
        json_str(stdout, path);
        import_json(x, r);
        printf(",\"errors\":%zu,\"warnings\":%zu,\"notes\":%zu,\"not_checkable\":%zu}\n", r->nerr, r->nwarn, r->nnote,
               r->not_checkable);
        fflush(stdout);
        return;
    }
    if (c->json) {
        fputs("{\"schema\":1,\"kind\":\"file\",\"file\":", stdout);
        json_str(stdout, path);
        printf(",\"status\":\"%s\",\"errors\":%zu,\"warnings\":%zu,\"notes\":%zu,\"not_checkable\":%zu}\n",
               check_status(r), r->nerr, r->nwarn, r->nnote, r->not_checkable);
        fflush(stdout);
        return;
    }
    char counts[256], line[1024], why[512];
    counts_text(c, r, counts, sizeof counts);
    if (x && x->skip && x->skip != BULK_REFUSED)
        snprintf(line, sizeof line, msg_fmt(c->lang, BULK_SKIPPED), skip_text(c, x, why, sizeof why));
    else if (x && (x->skip == BULK_REFUSED || r->failed || r->unreadable))
        snprintf(line, sizeof line, msg_fmt(c->lang, BULK_NOT_IMPORTED), counts);
    else if (x && r->written && r->nerr)       /* written whole, but something was lost or is wrong */
        snprintf(line, sizeof line, msg_fmt(c->lang, BULK_WROTE_ERRORS), x->out ? x->out : "", counts);
    else if (x && r->written && *counts)
        snprintf(line, sizeof line, msg_fmt(c->lang, BULK_WROTE_COUNTS), x->out ? x->out : "", counts);
    else if (x && r->written)
        snprintf(line, sizeof line, msg_fmt(c->lang, BULK_WROTE), x->out ? x->out : "");
    else if (r->unreadable)
        snprintf(line, sizeof line, "%s", msg_fmt(c->lang, BULK_UNREADABLE));
    else
        snprintf(line, sizeof line, "%s", *counts ? counts : msg_fmt(c->lang, BULK_OK));
    char *shown = diag_clean_dup(path); /* no escape sequence reaches the terminal */
    char *said = diag_clean_dup(line);
    printf(msg_fmt(c->lang, BULK_FILE_LINE), shown ? shown : "?", said ? said : "?");
    free(shown);
    free(said);
    putchar('\n');
    fflush(stdout);
}

typedef struct tally {
    size_t files, ok, bad, unreadable, nerr, nwarn, nnc, skipped, failed, written;
    int imports;
} tally;

static void count(tally *t, const bulk_result *r, const bulk_item *x)
{
    t->files++;
    t->written += r->written != 0;
    if (x) {
        t->imports = 1;
        if (x->skip && x->skip != BULK_REFUSED)
            t->skipped++;
        else if (x->skip == BULK_REFUSED || r->failed || r->unreadable)
            t->failed++;
        else if (r->nerr)
            t->bad++;
        else
            t->ok++;
        t->nerr += r->nerr;
        t->nwarn += r->nwarn;
        t->nnc += r->not_checkable;
        return;
    }
    if (r->unreadable)
        t->unreadable++;
    else if (r->nerr)
        t->bad++;
    else
        t->ok++;
    t->nerr += r->nerr;
    t->nwarn += r->nwarn;
    t->nnc += r->not_checkable;
}

static void print_import_tally(gir_cli *c, const tally *t)
{
    size_t imported = t->ok + t->bad;
    if (c->json) {
        printf("{\"schema\":1,\"kind\":\"tally\",\"files\":%zu,\"imported\":%zu,"
               "\"ok\":%zu,\"with_errors\":%zu,\"failed\":%zu,\"skipped\":%zu,"
               "\"written\":%zu,\"errors\":%zu,\"warnings\":%zu,\"not_checkable\":%zu}\n",
               t->files, imported, t->ok, t->bad, t->failed, t->skipped, t->written, t->nerr, t->nwarn, t->nnc);
        return;
    }
    printf(msg_fmt(c->lang, BULK_IMPORT_TALLY), t->files, imported, t->bad, t->failed, t->skipped, t->written, t->nerr,
           t->nwarn, t->nnc);
}

static void print_tally(gir_cli *c, const tally *t)
{
    if (c->json == CLI_DIAG_SARIF) return;
    if (t->imports) {
        print_import_tally(c, t);
        return;
    }
    if (c->json) {
        printf("{\"schema\":1,\"kind\":\"tally\",\"files\":%zu,\"ok\":%zu,\"with_errors\":%zu,\"unreadable\":%zu,"
               "\"errors\":%zu,\"warnings\":%zu,\"not_checkable\":%zu}\n",
               t->files, t->ok, t->bad, t->unreadable, t->nerr, t->nwarn, t->nnc);
        return;
    }
    printf(msg_fmt(c->lang, BULK_TALLY), t->files, t->ok, t->bad, t->unreadable, t->nerr, t->nwarn, t->nnc);
}

/* ---- running ---- */

/* A worker runs a chunk of consecutive files: its stdout and stderr go
 * to two unlinked temporary files, and after each file it writes one
 * result line to a third (its counts and where its output ends in the
 * other two), so that the parent can copy each file's output out in
 * input order. */
typedef struct slot {
    pid_t pid;
    FILE *out, *err, *res;
    size_t first, n;
    int done, status;
} slot;

/* Copies n bytes of from, starting at off, to to. */
static void copy_range(FILE *from, long off, long n, FILE *to)
{
    char buf[8192];
    if (n <= 0 || fseek(from, off, SEEK_SET) != 0) return;
    while (n > 0) {
        size_t k = fread(buf, 1, n < (long)sizeof buf ? (size_t)n : sizeof buf, from);
        if (k == 0) break;
        fwrite(buf, 1, k, to);
        n -= (long)k;
    }
}

static void run_chunk(gir_cli *c, const slot *s, const bulk_files *f, bulk_job job, void *ud)
{
    for (size_t i = s->first; i < s->first + s->n; i++) {
        bulk_result r = {0};
        r.index = i;
        int st = f->it && f->it[i].skip ? 0 : job(c, f->v[i], ud, &r);
        fflush(stdout);
        fflush(stderr);
        long eo = (long)lseek(STDOUT_FILENO, 0, SEEK_CUR);
        long ee = (long)lseek(STDERR_FILENO, 0, SEEK_CUR);
        fprintf(s->res, "%d %zu %zu %zu %zu %d %d %d %ld %ld\n", st, r.nerr, r.nwarn, r.nnote, r.not_checkable,
                r.unreadable, r.written, r.failed, eo, ee);
        fflush(s->res);
    }
}

static int start(gir_cli *c, slot *s, const bulk_files *f, bulk_job job, void *ud)
{
    s->out = tmpfile();
    s->err = tmpfile();
    s->res = tmpfile();
    if (!s->out || !s->err || !s->res) return -1;
    fflush(stdout);
    fflush(stderr);
    s->pid = fork();
    if (s->pid < 0) return -1;
    if (s->pid == 0) {
        if (dup2(fileno(s->out), STDOUT_FILENO) < 0 || dup2(fileno(s->err), STDERR_FILENO) < 0) _exit(2);
        run_chunk(c, s, f, job, ud);
        _exit(0);
    }
    return 0;
}

/* Lists one file of a finished chunk; *oo and *oe: where its output starts. */
static int finish_one(gir_cli *c, slot *s, const char *path, const bulk_item *x, tally *t, long *oo, long *oe)
{
    bulk_result r = {0};
    if (x && x->skip) { /* never run: listed with its reason */
        if (s->res && s->pid > 0 && fscanf(s->res, "%*d %*u %*u %*u %*u %*d %*d %*d %ld %ld", oo, oe) != 2)
            *oo = *oe = 0;
        r.nerr = x->skip == BULK_REFUSED;
        summary_line(c, path, &r, x);
        count(t, &r, x);
        return x->skip == BULK_REFUSED;
    }
    int st = 2, unread = 1;
    long eo = 0, ee = 0;
    if (s->pid <= 0 || !s->res || !s->done || WIFEXITED(s->status) == 0 ||
        fscanf(s->res, "%d %zu %zu %zu %zu %d %d %d %ld %ld", &st, &r.nerr, &r.nwarn, &r.nnote, &r.not_checkable,
               &unread, &r.written, &r.failed, &eo, &ee) != 10) {
        st = 2;
        r.unreadable = 1;
        summary_line(c, path, &r, x);
        count(t, &r, x);
        return 2;
    }
    r.unreadable = unread;
    fflush(stdout);
    copy_range(s->err, *oe, ee - *oe, stderr);
    fflush(stderr);
    copy_range(s->out, *oo, eo - *oo, stdout);
    *oo = eo;
    *oe = ee;
    summary_line(c, path, &r, x);
    count(t, &r, x);
    return st;
}

static int finish(gir_cli *c, slot *s, const bulk_files *f, tally *t)
{
    int rc = 0;
    long oo = 0, oe = 0;
    if (s->res) rewind(s->res);
    for (size_t i = s->first; i < s->first + s->n; i++) {
        int st = finish_one(c, s, f->v[i], f->it ? &f->it[i] : NULL, t, &oo, &oe);
        if (st > rc) rc = st;
    }
    if (s->out) fclose(s->out);
    if (s->err) fclose(s->err);
    if (s->res) fclose(s->res);
    return rc;
}

static int run_serial(gir_cli *c, const bulk_files *f, bulk_job job, void *ud)
{
    tally t = {0};
    int rc = 0;
    for (size_t i = 0; i < f->n; i++) {
        bulk_result r = {0};
        const bulk_item *x = f->it ? &f->it[i] : NULL;
        r.index = i;
        fflush(stdout);
        int st = x && x->skip ? x->skip == BULK_REFUSED : job(c, f->v[i], ud, &r);
        if (x && x->skip == BULK_REFUSED) r.nerr = 1;
        fflush(stdout);
        fflush(stderr);
        summary_line(c, f->v[i], &r, x);
        count(&t, &r, x);
        if (st > rc) rc = st;
    }
    print_tally(c, &t);
    return rc;
}

/* Files per worker: about four chunks per worker (so that the workers
 * stay busy to the end), at most 512 files (so that output keeps
 * coming: a chunk of small reports takes well under a second). Each
 * chunk is a fork that loads its templates afresh (a few milliseconds),
 * so a chunk must hold many files for that to be paid back. */
static size_t chunk_size(size_t n, int jobs)
{
    size_t k = n / ((size_t)jobs * 4);
    return k < 1 ? 1 : k > 512 ? 512 : k;
}

int bulk_run(gir_cli *c, const bulk_files *f, int jobs, bulk_job job, void *ud)
{
    if (jobs <= 1 || f->n <= 1) return run_serial(c, f, job, ud);
    tally t = {0};
    int rc = 0;
    size_t k = chunk_size(f->n, jobs), nchunks = (f->n + k - 1) / k;
    slot *s = calloc(nchunks, sizeof *s);
    if (!s) return cli_io_error(c, CLI_OUT_OF_MEMORY, "-j", 0);
    for (size_t i = 0; i < nchunks; i++) {
        s[i].first = i * k;
        s[i].n = i * k + k <= f->n ? k : f->n - i * k;
    }
    size_t next = 0, shown = 0, running = 0;
    while (shown < nchunks) {
        while (running < (size_t)jobs && next < nchunks) {
            if (start(c, &s[next], f, job, ud) < 0) {
                s[next].done = 1;
                s[next].status = -1;
            } else {
                running++;
            }
            next++;
        }
        while (shown < next && s[shown].done) {
            int st = finish(c, &s[shown], f, &t);
            if (st > rc) rc = st;
            shown++;
        }
        if (shown >= nchunks) break;
        int status;
        pid_t p = waitpid(-1, &status, 0);
        if (p < 0) {
            if (errno == EINTR) continue;
            for (size_t i = shown; i < next; i++) {
                if (!s[i].done) {
                    s[i].done = 1;
                    s[i].status = -1;
                    running--;
                }
            }
            continue;
        }
        for (size_t i = 0; i < next; i++) {
            if (s[i].pid == p && !s[i].done) {
                s[i].done = 1;
                s[i].status = status;
                running--;
            }
        }
    }
    free(s);
    print_tally(c, &t);
    return rc;
}

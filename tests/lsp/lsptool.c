/* lsptool.c - test driver for `girc lsp` (built by tests/suites/lsp.sh
 * into build/lsptool; plain C, no dependencies).
 *
 *   lsptool frame ROOT < script        script -> framed JSON-RPC on stdout
 *   lsptool unframe ROOT < output      framed output -> one JSON body a line
 *   lsptool gen SEED COUNT ROOT FILE...  a seeded random session (framed)
 *   lsptool bigdoc FILE BYTES          FILE with its first prose block
 *                                      repeated until about BYTES long
 *   lsptool latency N FILE -- CMD...   median/p99 time from didChange to
 *                                      its publishDiagnostics (full text;
 *                                      LSPTOOL_INCREMENTAL=1: a one-digit
 *                                      range edit, as when typing)
 *
 * Script lines: "# ..." and blank lines are ignored; a line starting with
 * "{" is one JSON message ("@body TEXT": any body, framed as is);
 * "@open URI FILE [VERSION]" sends didOpen with
 * FILE's text; "@raw TEXT" writes TEXT unframed with \r \n \\ \xHH
 * escapes; "@frame N TEXT" writes "Content-Length: N" and TEXT (escapes
 * as @raw). "$ROOT" is replaced by ROOT everywhere (and back by unframe,
 * also in its file:// form). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct sbuf { char *p; size_t n, cap; } sbuf;

static void put(sbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->n + n + 1) cap *= 2;
        b->p = realloc(b->p, cap);
        if (!b->p) { perror("lsptool"); exit(2); }
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}
static void puts_(sbuf *b, const char *s) { put(b, s, strlen(s)); }
static void putc_(sbuf *b, char c) { put(b, &c, 1); }

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) { fprintf(stderr, "lsptool: cannot read %s\n", path); exit(2); }
    sbuf b = {0};
    char tmp[65536];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0) put(&b, tmp, k);
    fclose(f);
    if (!b.p) put(&b, "", 0);
    *len = b.n;
    return b.p;
}

static void json_str(sbuf *b, const char *s, size_t n)
{
    putc_(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') { putc_(b, '\\'); putc_(b, (char)c); }
        else if (c == '\n') puts_(b, "\\n");
        else if (c == '\r') puts_(b, "\\r");
        else if (c == '\t') puts_(b, "\\t");
        else if (c < 0x20) { char e[8]; snprintf(e, sizeof e, "\\u%04x", c); puts_(b, e); }
        else putc_(b, (char)c);
    }
    putc_(b, '"');
}

static void frame(sbuf *out, const char *body, size_t n)
{
    char h[64];
    snprintf(h, sizeof h, "Content-Length: %zu\r\n\r\n", n);
    puts_(out, h);
    put(out, body, n);
}

/* $ROOT -> root */
static void subst(sbuf *b, const char *s, const char *root)
{
    for (const char *p = s; *p;) {
        if (strncmp(p, "$ROOT", 5) == 0) { puts_(b, root); p += 5; }
        else putc_(b, *p++);
    }
}

static void unescape(sbuf *b, const char *s)
{
    for (const char *p = s; *p; p++) {
        if (*p != '\\' || !p[1]) { putc_(b, *p); continue; }
        p++;
        if (*p == 'r') putc_(b, '\r');
        else if (*p == 'n') putc_(b, '\n');
        else if (*p == 'x' && p[1] && p[2]) {
            char h[3] = {p[1], p[2], 0};
            putc_(b, (char)strtol(h, NULL, 16));
            p += 2;
        } else putc_(b, *p);
    }
}

static void did_open(sbuf *out, const char *uri, const char *text, size_t n, int version)
{
    sbuf m = {0};
    puts_(&m, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":");
    json_str(&m, uri, strlen(uri));
    char v[64];
    snprintf(v, sizeof v, ",\"languageId\":\"gir\",\"version\":%d,\"text\":", version);
    puts_(&m, v);
    json_str(&m, text, n);
    puts_(&m, "}}}");
    frame(out, m.p, m.n);
    free(m.p);
}

static int cmd_frame(const char *root)
{
    sbuf out = {0};
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) > 0) {
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
        sbuf l = {0};
        subst(&l, line, root);
        if (!l.p || !l.n || l.p[0] == '#') { free(l.p); continue; }
        if (l.p[0] == '{') frame(&out, l.p, l.n);
        else if (strncmp(l.p, "@body ", 6) == 0) frame(&out, l.p + 6, l.n - 6);
        else if (strncmp(l.p, "@open ", 6) == 0) {
            char uri[4096], file[4096];
            int ver = 1;
            if (sscanf(l.p + 6, "%4095s %4095s %d", uri, file, &ver) < 2) { fprintf(stderr, "bad @open\n"); return 2; }
            size_t len;
            char *text = read_file(file, &len);
            did_open(&out, uri, text, len, ver);
            free(text);
        } else if (strncmp(l.p, "@raw ", 5) == 0) unescape(&out, l.p + 5);
        else if (strncmp(l.p, "@frame ", 7) == 0) {
            char *rest = NULL;
            long k = strtol(l.p + 7, &rest, 10);
            char h[64];
            snprintf(h, sizeof h, "Content-Length: %ld\r\n\r\n", k);
            puts_(&out, h);
            unescape(&out, rest && *rest == ' ' ? rest + 1 : "");
        } else { fprintf(stderr, "lsptool: bad script line: %s\n", l.p); return 2; }
        free(l.p);
    }
    free(line);
    if (out.n) fwrite(out.p, 1, out.n, stdout);
    free(out.p);
    return 0;
}

/* Replaces every occurrence of a by b in s (malloc). */
static char *replace(const char *s, const char *a, const char *b)
{
    sbuf o = {0};
    size_t na = strlen(a);
    for (const char *p = s; *p;) {
        if (na && strncmp(p, a, na) == 0) { puts_(&o, b); p += na; }
        else putc_(&o, *p++);
    }
    if (!o.p) put(&o, "", 0);
    return o.p;
}

static int cmd_unframe(const char *root)
{
    size_t len;
    char *in = read_file("/dev/stdin", &len);
    char *uri_root = malloc(strlen(root) + 8);
    sprintf(uri_root, "file://%s", root);
    size_t p = 0;
    int rc = 0;
    while (p < len) {
        size_t n = 0;
        if (sscanf(in + p, "Content-Length: %zu\r\n\r\n", &n) != 1) { printf("BAD FRAME at byte %zu\n", p); rc = 1; break; }
        char *body = strstr(in + p, "\r\n\r\n");
        if (!body) { printf("BAD FRAME at byte %zu\n", p); rc = 1; break; }
        body += 4;
        if ((size_t)(body - in) + n > len) { printf("SHORT FRAME at byte %zu\n", p); rc = 1; break; }
        char *msg = strndup(body, n);
        if (strlen(msg) != n || memchr(msg, '\n', n)) { printf("BAD BODY at byte %zu\n", p); rc = 1; }
        char *x = replace(msg, uri_root, "file://$ROOT"), *y = replace(x, root, "$ROOT");
        printf("%s\n", y);
        free(msg); free(x); free(y);
        p = (size_t)(body - in) + n;
    }
    free(uri_root);
    free(in);
    return rc;
}

/* ---- random session ---- */

static uint64_t rng;
static uint64_t rnd(void)
{
    rng ^= rng >> 12; rng ^= rng << 25; rng ^= rng >> 27;
    return rng * 2685821657736338717ull;
}
static int pick(int n) { return (int)(rnd() % (uint64_t)n); }

static const char *const words[] = {
    "新收", "结转", "予以公开", "办结总计", "结转下年", "总计", "自然人", "商业企业", "table", "section",
    "report", "{", "}", "=", "\"", "\"\"\"", "#", "_", "0", "17", "+3", "增5", "１２", "（", "）", " ", "  ",
    "\n", "\r\n", "\t", "　", "规章", "行政许可", "126.35万元", "2021-01-20", "\xff", "\xc3", "\xe6\x96", "a.b",
};

static void rand_text(sbuf *b, int maxw)
{
    int n = pick(maxw + 1);
    for (int i = 0; i < n; i++) puts_(b, words[pick((int)(sizeof words / sizeof words[0]))]);
}

static void rand_pos(sbuf *m)
{
    char t[96];
    int r = pick(20);
    if (r == 0) snprintf(t, sizeof t, "{\"line\":-%d,\"character\":%d}", pick(5), pick(5));
    else if (r == 1) snprintf(t, sizeof t, "{\"line\":%d,\"character\":1e12}", pick(3000));
    else if (r == 2) snprintf(t, sizeof t, "{\"line\":\"%d\",\"character\":0}", pick(9));
    else snprintf(t, sizeof t, "{\"line\":%d,\"character\":%d}", pick(110), pick(60));
    puts_(m, t);
}

static void gen_one(sbuf *out, int id, int ndocs)
{
    sbuf m = {0};
    char t[256];
    int d = pick(ndocs);
    static const char *const reqs[] = {"hover", "completion", "definition", "documentSymbol", "formatting", "codeAction"};
    int r = pick(100);
    if (r < 25) {                                   /* incremental change */
        snprintf(t, sizeof t, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":"
                 "{\"uri\":\"file:///rand/%d.gir\",\"version\":%d},\"contentChanges\":[{\"range\":{\"start\":", d, id);
        puts_(&m, t);
        rand_pos(&m);
        puts_(&m, ",\"end\":");
        rand_pos(&m);
        puts_(&m, "},\"text\":");
        sbuf x = {0};
        rand_text(&x, 6);
        json_str(&m, x.p ? x.p : "", x.n);
        free(x.p);
        puts_(&m, "}]}}");
    } else if (r < 28) {                            /* full change: garbage */
        snprintf(t, sizeof t, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":"
                 "{\"uri\":\"file:///rand/%d.gir\",\"version\":%d},\"contentChanges\":[{\"text\":", d, id);
        puts_(&m, t);
        sbuf x = {0};
        rand_text(&x, 40);
        json_str(&m, x.p ? x.p : "", x.n);
        free(x.p);
        puts_(&m, "}]}}");
    } else if (r < 60) {                            /* a request at a position */
        const char *q = reqs[pick(6)];
        snprintf(t, sizeof t, "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"textDocument/%s\",\"params\":{\"textDocument\":"
                 "{\"uri\":\"file:///rand/%d.gir\"},\"position\":", id, q, pick(5) ? d : 99);
        puts_(&m, t);
        rand_pos(&m);
        if (strcmp(q, "codeAction") == 0) {
            puts_(&m, ",\"range\":{\"start\":");
            rand_pos(&m);
            puts_(&m, ",\"end\":");
            rand_pos(&m);
            puts_(&m, "},\"context\":{\"diagnostics\":[]}");
        }
        if (strcmp(q, "formatting") == 0) puts_(&m, ",\"options\":{\"tabSize\":2,\"insertSpaces\":true}");
        puts_(&m, "}}");
    } else if (r < 65) {                            /* unknown methods */
        snprintf(t, sizeof t, pick(2) ? "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"x/unknown%d\"}"
                                      : "{\"jsonrpc\":\"2.0\",\"method\":\"$/unknown%d\",\"params\":{\"n\":%d}}", id, id);
        puts_(&m, t);
    } else if (r < 70) {                            /* invalid JSON */
        snprintf(t, sizeof t, "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"textDocument/hover\",\"params\":{", id);
        puts_(&m, t);
        m.n -= (size_t)pick(20);
        m.p[m.n] = 0;
    } else if (r < 73) {                            /* malformed headers */
        static const char *const bad[] = {
            "Content-Length: -5\r\n\r\n{}", "Content-Lenght: 10\r\n\r\n", "garbage\r\n\r\n",
            "Content-Length: 99999999999\r\n\r\n", "Content-Length: 12abc\r\n\r\n{}",
            "Content-Length: 5\r\n\r\n{\"jsonrpc\":\"2.0\"}", "\r\n\r\n\r\n", "Content-Type: x\r\n\r\n",
        };
        puts_(out, bad[pick((int)(sizeof bad / sizeof bad[0]))]);
        free(m.p);
        return;
    } else if (r < 77) {                            /* wrong parameter types */
        static const char *const wrong[] = {
            "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"textDocument/hover\",\"params\":5}",
            "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":\"x\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"textDocument/completion\",\"params\":{\"textDocument\":{\"uri\":7},\"position\":{}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"textDocument/codeAction\",\"params\":{\"textDocument\":{\"uri\":\"file:///rand/0.gir\"},\"range\":[]}}",
            "{\"jsonrpc\":\"2.0\",\"id\":{\"x\":%d},\"method\":\"textDocument/hover\"}",
            "{\"jsonrpc\":\"1.0\",\"id\":%d,\"method\":\"textDocument/hover\"}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"file:///rand/0.gir\"},\"contentChanges\":%d}}",
        };
        snprintf(t, sizeof t, wrong[pick((int)(sizeof wrong / sizeof wrong[0]))], id);
        puts_(&m, t);
    } else if (r < 80) {                            /* not objects */
        static const char *const no[] = {"[]", "[1,2]", "42", "\"s\"", "null", "true", "{}", "[{\"jsonrpc\":\"2.0\"}]"};
        puts_(&m, no[pick((int)(sizeof no / sizeof no[0]))]);
    } else if (r < 83) {                            /* close and reopen */
        snprintf(t, sizeof t, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didClose\",\"params\":{\"textDocument\":"
                 "{\"uri\":\"file:///rand/%d.gir\"}}}", d);
        frame(out, t, strlen(t));
        snprintf(t, sizeof t, "file:///rand/%d.gir", d);
        sbuf x = {0};
        puts_(&x, "report \"r\" {\n  template gov2021\n  agency \"a\"\n  year 2021\n}\ntable 申请处理 {\n  新收 1 2 0 0 0 0 4\n}\n");
        rand_text(&x, 10);
        did_open(out, t, x.p, x.n, id);
        free(x.p);
        free(m.p);
        return;
    } else if (r < 88) {                            /* client responses, cancels, initialize again, didSave */
        static const char *const misc[] = {
            "{\"jsonrpc\":\"2.0\",\"id\":%d,\"result\":null}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":%d}}",
            "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"initialize\",\"params\":{}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didSave\",\"params\":{\"textDocument\":{\"uri\":\"file:///rand/%d.gir\"}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"initialized\",\"params\":{}}",
        };
        snprintf(t, sizeof t, misc[pick((int)(sizeof misc / sizeof misc[0]))], id);
        puts_(&m, t);
    } else {                                        /* plain hover on a real position */
        snprintf(t, sizeof t, "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":"
                 "{\"uri\":\"file:///rand/%d.gir\"},\"position\":{\"line\":%d,\"character\":%d}}}", id, d, pick(100), pick(30));
        puts_(&m, t);
    }
    frame(out, m.p ? m.p : "", m.n);
    free(m.p);
}

static int cmd_gen(int argc, char **argv)
{
    if (argc < 5) return 2;
    rng = strtoull(argv[0], NULL, 10) * 0x9E3779B97F4A7C15ull + 1;
    int count = atoi(argv[1]);
    const char *root = argv[2];
    (void)root;
    sbuf out = {0};
    const char *init = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}";
    frame(&out, init, strlen(init));
    const char *inited = "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}";
    frame(&out, inited, strlen(inited));
    int ndocs = argc - 3;
    size_t len;
    char *fixed = read_file(argv[3], &len);
    did_open(&out, "file:///fixed.gir", fixed, len, 1);
    free(fixed);
    for (int i = 0; i < ndocs; i++) {
        char *t = read_file(argv[3 + i], &len);
        char uri[64];
        snprintf(uri, sizeof uri, "file:///rand/%d.gir", i);
        did_open(&out, uri, t, len, 1);
        free(t);
    }
    for (int i = 0; i < count; i++) gen_one(&out, 1000 + i, ndocs);
    fwrite(out.p, 1, out.n, stdout);
    free(out.p);
    return 0;
}

/* ---- big documents and latency ---- */

static int cmd_bigdoc(const char *file, long size)
{
    size_t len;
    char *t = read_file(file, &len);
    char *open = strstr(t, "\"\"\"\n");
    char *close = open ? strstr(open + 4, "\n\"\"\"") : NULL;
    if (!close) { fprintf(stderr, "lsptool: no prose block in %s\n", file); return 2; }
    fwrite(t, 1, (size_t)(close - t), stdout);
    size_t para = (size_t)(close - (open + 4)), total = len;
    while ((long)total < size) {
        fputs("\n\n", stdout);
        fwrite(open + 4, 1, para, stdout);
        total += para + 2;
    }
    fputs(close, stdout);
    free(t);
    return 0;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

typedef struct conn { int in, out; sbuf buf; } conn;

/* Reads messages until one contains both needles; returns 0 at EOF. */
static int wait_for(conn *c, const char *a, const char *b)
{
    for (;;) {
        char *hdr = c->buf.p ? strstr(c->buf.p, "\r\n\r\n") : NULL;
        size_t n = 0;
        if (hdr && sscanf(c->buf.p, "Content-Length: %zu", &n) == 1 && (size_t)(hdr + 4 - c->buf.p) + n <= c->buf.n) {
            size_t used = (size_t)(hdr + 4 - c->buf.p) + n;
            char *body = strndup(hdr + 4, n);
            int hit = strstr(body, a) && (!b || strstr(body, b));
            free(body);
            memmove(c->buf.p, c->buf.p + used, c->buf.n - used + 1);
            c->buf.n -= used;
            if (hit) return 1;
            continue;
        }
        char tmp[65536];
        ssize_t k = read(c->in, tmp, sizeof tmp);
        if (k <= 0) return 0;
        put(&c->buf, tmp, (size_t)k);
    }
}

static void send_msg(conn *c, sbuf *m)
{
    sbuf f = {0};
    frame(&f, m->p, m->n);
    size_t off = 0;
    while (off < f.n) {
        ssize_t k = write(c->out, f.p + off, f.n - off);
        if (k <= 0) { perror("write"); exit(2); }
        off += (size_t)k;
    }
    free(f.p);
}

static int cmp_d(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

static int cmd_latency(int n, const char *file, char **cmd)
{
    int to[2], from[2];
    if (pipe(to) || pipe(from)) return 2;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(to[0], 0); dup2(from[1], 1);
        close(to[1]); close(from[0]);
        execvp(cmd[0], cmd);
        _exit(127);
    }
    close(to[0]); close(from[1]);
    signal(SIGPIPE, SIG_IGN);
    conn c = {from[0], to[1], {0}};
    size_t len;
    char *text = read_file(file, &len);
    sbuf m = {0};
    puts_(&m, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
    send_msg(&c, &m);
    if (!wait_for(&c, "\"id\":1", NULL)) return 2;
    m.n = 0; puts_(&m, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}"); send_msg(&c, &m);
    m.n = 0; did_open(&m, "file:///latency.gir", text, len, 1);
    /* did_open framed it already: send raw */
    if (write(c.out, m.p, m.n) != (ssize_t)m.n) return 2;
    if (!wait_for(&c, "publishDiagnostics", "\"version\":1,")) return 2;
    /* alternate between the text and the text with its last digit changed */
    char *alt = strdup(text);
    size_t at = len;
    for (size_t i = len; i-- > 0;)
        if (alt[i] >= '0' && alt[i] <= '9') { alt[i] = alt[i] == '9' ? '8' : (char)(alt[i] + 1); at = i; break; }
    int incremental = getenv("LSPTOOL_INCREMENTAL") != NULL && at < len;
    int line = 0, col = 0;                         /* of the digit (ASCII line assumed for col) */
    for (size_t i = 0; i < at; i++) { if (text[i] == '\n') { line++; col = 0; } else if ((text[i] & 0xC0) != 0x80) col++; }
    double *t = calloc((size_t)n, sizeof *t);
    for (int i = 0; i < n; i++) {
        int ver = i + 2;
        m.n = 0;
        char h[160];
        snprintf(h, sizeof h, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":"
                 "{\"uri\":\"file:///latency.gir\",\"version\":%d},\"contentChanges\":[{", ver);
        puts_(&m, h);
        if (incremental) {
            char r[160];
            snprintf(r, sizeof r, "\"range\":{\"start\":{\"line\":%d,\"character\":%d},\"end\":{\"line\":%d,\"character\":%d}},"
                     "\"text\":\"%c\"}]}}", line, col, line, col + 1, i % 2 ? text[at] : alt[at]);
            puts_(&m, r);
        } else {
            puts_(&m, "\"text\":");
            json_str(&m, i % 2 ? text : alt, len);
            puts_(&m, "}]}}");
        }
        char want[48];
        snprintf(want, sizeof want, "\"version\":%d,", ver);
        double t0 = now_ms();
        send_msg(&c, &m);
        if (!wait_for(&c, "publishDiagnostics", want)) return 2;
        t[i] = now_ms() - t0;
    }
    m.n = 0; puts_(&m, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}"); send_msg(&c, &m);
    wait_for(&c, "\"id\":2", NULL);
    m.n = 0; puts_(&m, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}"); send_msg(&c, &m);
    close(c.out);
    int st = 0;
    waitpid(pid, &st, 0);
    qsort(t, (size_t)n, sizeof *t, cmp_d);
    size_t p99 = (size_t)((n - 1) * 0.99 + 0.5);
    printf("%s: %zu bytes, %d changes: median %.2f ms, p99 %.2f ms, max %.2f ms (server exit %d)\n", file, len, n,
           t[n / 2], t[p99], t[n - 1], WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    free(t); free(alt); free(text); free(m.p); free(c.buf.p);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "frame") == 0) return cmd_frame(argv[2]);
    if (argc >= 3 && strcmp(argv[1], "unframe") == 0) return cmd_unframe(argv[2]);
    if (argc >= 6 && strcmp(argv[1], "gen") == 0) return cmd_gen(argc - 2, argv + 2);
    if (argc >= 4 && strcmp(argv[1], "bigdoc") == 0) return cmd_bigdoc(argv[2], atol(argv[3]));
    if (argc >= 6 && strcmp(argv[1], "latency") == 0 && strcmp(argv[4], "--") == 0)
        return cmd_latency(atoi(argv[2]), argv[3], argv + 5);
    fprintf(stderr, "usage: lsptool frame|unframe ROOT, gen SEED COUNT ROOT FILE..., bigdoc FILE BYTES, "
                    "latency N FILE -- CMD...\n");
    return 2;
}

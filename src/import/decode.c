/* decode.c - the input's bytes to UTF-8. A byte-order mark wins;
 * then bytes that are valid UTF-8 are read as UTF-8 (whatever a page
 * declares: valid multi-byte UTF-8 is almost never GBK by accident);
 * otherwise the encoding the page declares (<meta charset>, http-equiv),
 * GBK and GB2312 read as their superset GB18030, with glibc iconv; else
 * GB18030. A byte no encoding explains becomes U+FFFD, and so does a NUL.
 * Every such decision is a diagnostic, reported once the input's source
 * exists (positions are in the UTF-8 text; lines are unchanged). */
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>
#include "base/utf8.h"
#include "decode.h"

/* The charset a page declares in its first 8 KiB, lower-cased, or NULL. */
static const char *sniff_charset(gir_arena *a, const char *s, size_t n)
{
    if (n > 8192) n = 8192;
    for (size_t i = 0; i + 8 < n; i++) {
        if (strncasecmp(s + i, "charset", 7) != 0) continue;
        size_t j = i + 7;
        while (j < n && (s[j] == ' ' || s[j] == '\t')) j++;
        if (j >= n || s[j] != '=') continue;
        j++;
        while (j < n && (s[j] == ' ' || s[j] == '"' || s[j] == '\'')) j++;
        size_t k = j;
        while (k < n && k - j < 40 && (s[k] == '-' || s[k] == '_' || (s[k] >= '0' && s[k] <= '9') ||
                                        ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z'))) k++;
        if (k == j) continue;
        char *cs = arena_strndup(a, s + j, k - j);
        for (char *p = cs; *p; p++) if (*p >= 'A' && *p <= 'Z') *p = (char)(*p + 32);
        return cs;
    }
    return NULL;
}

static int is_gb(const char *cs)
{
    return strcmp(cs, "gbk") == 0 || strcmp(cs, "gb2312") == 0 || strcmp(cs, "gb18030") == 0 ||
           strcmp(cs, "x-gbk") == 0 || strcmp(cs, "cp936") == 0 || strcmp(cs, "gb_2312-80") == 0 ||
           strcmp(cs, "euc-cn") == 0 || strcmp(cs, "x-euc-cn") == 0 || strcmp(cs, "chinese") == 0;
}

static int is_utf8_name(const char *cs) { return strcmp(cs, "utf-8") == 0 || strcmp(cs, "utf8") == 0; }

/* The conversion loop (see convert): iconv writes into a small chunk
 * that is appended to out; a bad byte becomes U+FFFD. */
static int convert_body(iconv_t cd, const char *in, size_t n, int strict, gir_buf *out, size_t *nbad)
{
    char chunk[4096];
    char *ip = (char *)in;
    size_t il = n;
    *nbad = 0;
    for (;;) {
        char *op = chunk;
        size_t ol = sizeof chunk;
        size_t r = iconv(cd, il ? &ip : NULL, il ? &il : NULL, &op, &ol);
        int err = errno;
        buf_put(out, chunk, (size_t)(op - chunk));
        if (r != (size_t)-1) {
            if (il == 0)
                return 0;
            continue;
        }
        if (err == E2BIG)
            continue;
        if (strict)
            return -1;
        /* EILSEQ or EINVAL (cut short at the end): one byte becomes U+FFFD */
        buf_put(out, "\xEF\xBF\xBD", 3);
        ip++;
        il--;
        (*nbad)++;
        if (il == 0)
            return 0;
    }
}

static void close_iconv(void *p) { iconv_close((iconv_t)p); }

/* Converts with iconv. strict: fail on the first bad sequence; otherwise
 * each bad byte becomes U+FFFD (counted in *nbad). Returns NULL on failure.
 * The descriptor is a deferred release of the arena, so running out of
 * memory in the middle closes it too. */
static char *convert(gir_arena *a, const char *from, const char *in, size_t n, int strict, size_t *out_n, size_t *nbad)
{
    gir_defer *d = arena_defer(a, close_iconv, NULL);
    if (!d)
        return NULL;
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return NULL;
    arena_defer_set(d, cd);
    gir_buf out;
    buf_init(&out, a);
    int st = convert_body(cd, in, n, strict, &out, nbad);
    arena_release(d);
    if (st)
        return NULL;
    *out_n = out.n;
    return (char *)buf_cstr(&out);
}

/* Valid UTF-8 copy: invalid bytes and NULs become U+FFFD. */
static char *sanitize(gir_arena *a, const char *s, size_t n, size_t *out_n, size_t *nbad, size_t *nnul)
{
    gir_buf b;
    buf_init(&b, a);
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    while (p < e) {
        uint32_t cp;
        int k = utf8_decode(p, e, &cp);
        if (k < 0) { buf_put(&b, "\xEF\xBF\xBD", 3); (*nbad)++; p++; continue; }
        if (cp == 0) { buf_put(&b, "\xEF\xBF\xBD", 3); (*nnul)++; p++; continue; }
        buf_put(&b, (const char *)p, (size_t)k);
        p += k;
    }
    *out_n = b.n;
    return (char *)buf_cstr(&b);
}

static int has_non_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) if ((unsigned char)s[i] >= 0x80) return 1;
    return 0;
}

/* Offset of "charset" in the decoded text, for the diagnostic's position. */
static uint32_t decl_offset(const char *s, size_t n)
{
    if (n > 8192 + 4096) n = 8192 + 4096;
    for (size_t i = 0; i + 7 < n; i++)
        if (strncasecmp(s + i, "charset", 7) == 0) return (uint32_t)i;
    return 0;
}

void imp_decode(gir_arena *a, const char *bytes, size_t len, int html, imp_decoded *d)
{
    memset(d, 0, sizeof *d);
    d->declared = html ? sniff_charset(a, bytes, len) : NULL;
    const char *enc = NULL, *from = NULL, *declared = d->declared;
    size_t skip = 0;
    const unsigned char *ub = (const unsigned char *)bytes;
    if (len >= 3 && ub[0] == 0xEF && ub[1] == 0xBB && ub[2] == 0xBF) { enc = "UTF-8"; skip = 3; }
    else if (len >= 2 && ub[0] == 0xFF && ub[1] == 0xFE) { enc = "UTF-16LE"; from = "UTF-16LE"; skip = 2; }
    else if (len >= 2 && ub[0] == 0xFE && ub[1] == 0xFF) { enc = "UTF-16BE"; from = "UTF-16BE"; skip = 2; }
    const char *in = bytes + skip;
    size_t n = len - skip, nbad = 0, on = 0;
    char *out = NULL;
    if (from) {
        out = convert(a, from, in, n, 0, &on, &nbad);
        if (!out) enc = "UTF-8";
    } else if (enc || utf8_find_invalid(in, n) < 0) {
        if (!enc) enc = "UTF-8";
        if (declared && !is_utf8_name(declared) && has_non_ascii(in, n)) d->mismatch = 1;
    } else {
        const char *try1 = declared && !is_utf8_name(declared) ? (is_gb(declared) ? "GB18030" : declared) : NULL;
        if (try1 && (out = convert(a, try1, in, n, 1, &on, &nbad)) != NULL) {
            enc = try1;
        } else if ((out = convert(a, "GB18030", in, n, 1, &on, &nbad)) != NULL) {
            enc = "GB18030";
            d->mismatch = declared != NULL && (!try1 || strcmp(try1, "GB18030") != 0);
        } else {
            /* nothing reads it cleanly: UTF-8 if most multi-byte sequences are
             * UTF-8, else the declared encoding (or GB18030), with U+FFFD */
            size_t nvalid = 0, ninv = 0;
            const unsigned char *p = (const unsigned char *)in, *e = p + n;
            while (p < e) {
                uint32_t cp;
                int k = utf8_decode(p, e, &cp);
                if (k < 0) { ninv++; p++; } else { if (k > 1) nvalid++; p += k; }
            }
            if (nvalid > ninv * 4) {
                enc = "UTF-8";
                d->mismatch = declared && !is_utf8_name(declared);
            } else {
                enc = try1 ? try1 : "GB18030";
                out = convert(a, enc, in, n, 0, &on, &nbad);
                if (!out) enc = "UTF-8";
                d->mismatch = declared && (!try1 || strcmp(enc, try1) != 0);
            }
        }
    }
    size_t nbad2 = 0;
    d->text = sanitize(a, out ? out : in, out ? on : n, &d->len, &nbad2, &d->nnul);
    d->nbad = nbad + nbad2;
    d->encoding = enc;
    d->decl_off = declared ? decl_offset(d->text, d->len) : 0;
    d->first_bad = -1;
    if (d->nbad || d->nnul) {
        const char *f = strstr(d->text, "\xEF\xBF\xBD");
        if (f) d->first_bad = f - d->text;
    }
}

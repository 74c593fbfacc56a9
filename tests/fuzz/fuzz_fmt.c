/* fuzz_fmt.c - libFuzzer property check of the formatter (src/fmt/fmt.h):
 * for any input the formatter accepts,
 *   1. the formatted text compiles to the same report: the same
 *      diagnostics (severity, code and message, in source order);
 *   2. formatting it again changes nothing (idempotence).
 * GIR_FMT_UNSAFE (the formatter's own re-parse check refused its output)
 * is a formatter bug and is reported as a crash too. A property failure
 * prints both texts and aborts, so libFuzzer saves the input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#include "driver/compile.h"
#include "fmt/fmt.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) { (void)argc; (void)argv; return 0; }

static void fail(const char *what, const char *a, size_t an, const char *b, size_t bn)
{
    fprintf(stderr, "fuzz_fmt: %s\n--- input (%zu bytes)\n%.*s\n--- formatted (%zu bytes)\n%.*s\n---\n",
            what, an, (int)an, a, bn, (int)bn, b);
    abort();
}

static int same_diag(const gir_diag *x, const gir_diag *y)
{
    return x->sev == y->sev && strcmp(x->code, y->code) == 0 &&
           strcmp(x->msg ? x->msg : "", y->msg ? y->msg : "") == 0;
}

/* The two documents report the same diagnostics; on a difference,
 * prints the first one and returns 0. */
static int same_report(gir_doc *a, gir_doc *b)
{
    diags_sort(&a->diags);
    diags_sort(&b->diags);
    if (a->diags.nerrors != b->diags.nerrors || a->diags.nwarnings != b->diags.nwarnings) {
        fprintf(stderr, "fuzz_fmt: %zu errors %zu warnings before, %zu %zu after\n", a->diags.nerrors,
                a->diags.nwarnings, b->diags.nerrors, b->diags.nwarnings);
        return 0;
    }
    size_t n = a->diags.n < b->diags.n ? a->diags.n : b->diags.n;
    for (size_t i = 0; i < n; i++)
        if (!same_diag(a->diags.v[i], b->diags.v[i])) {
            fprintf(stderr, "fuzz_fmt: diagnostic %zu: [%s] %s before, [%s] %s after\n", i, a->diags.v[i]->code,
                    a->diags.v[i]->msg, b->diags.v[i]->code, b->diags.v[i]->msg);
            return 0;
        }
    return a->diags.n == b->diags.n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    gir_options o = {0};
    o.no_previous = 1;
    gir_arena *a = arena_new(NULL);
    if (!a) return 0;
    const char *out = NULL, *out2 = NULL;
    size_t n = 0, n2 = 0;
    gir_doc *parsed = NULL;
    gir_fmt_status st = gir_fmt_source("fuzz.gir", in, size, &o, a, &out, &n, &parsed);
    gir_doc_free(parsed);
    if (st == GIR_FMT_UNSAFE) fail("GIR_FMT_UNSAFE (the formatter refused its own output)", in, size, "", 0);
    if (st != GIR_FMT_OK) { arena_free(a); return 0; }
    /* 1. the same report */
    gir_doc *d1 = gir_doc_compile("fuzz.gir", in, size, &o);
    gir_doc *d2 = gir_doc_compile("fuzz.gir", out, n, &o);
    if (d1 && d2 && !d1->oom && !d2->oom && !same_report(d1, d2))
        fail("the formatted text does not check to the same report", in, size, out, n);
    gir_doc_free(d1);
    gir_doc_free(d2);
    /* 2. idempotent */
    parsed = NULL;
    st = gir_fmt_source("fuzz.gir", out, n, &o, a, &out2, &n2, &parsed);
    gir_doc_free(parsed);
    if (st != GIR_FMT_OK) fail("formatting the formatted text failed", in, size, out, n);
    if (n2 != n || memcmp(out, out2, n) != 0) fail("formatting is not idempotent", out, n, out2, n2);
    arena_free(a);
    return 0;
}


/* fuzz_compile.c - libFuzzer harness: arbitrary bytes through lex, parse
 * and check (gir_doc_compile), its diagnostics through the human and
 * JSON renderers (into /dev/null), then, when the back ends are built in
 * (src/render/render.h) and the input checks without errors, through every back
 * end of the table (render.h; those with a --fragment form also as fragments).
 * After cmark's fuzz/cmark-fuzz.c. `previous` reports are not loaded
 * (no_previous), so an input cannot make the harness read arbitrary
 * files through it; templates named by path still are (that is the
 * compiler's real behaviour). Build and run: `make fuzz`. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "driver/compile.h"
#include "check/check.h"
#include "render/render.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every back end of the table, and its --fragment form when it has one. */
static void render_all(const gir_report *r)
{
    for (const gir_backend *const *b = gir_backends; *b; b++)
        for (int fragment = 0; fragment <= (*b)->fragment; fragment++) {
            gir_build_opts opts = {*b, fragment, NULL, NULL, NULL, 0, NULL, NULL};
            gir_arena *a = arena_new(NULL);
            if (!a) return;
            gir_buf out;
            buf_init(&out, a);
            gir_render_status st = gir_render(r, &opts, a, &out);
            if (st != GIR_RENDER_OK && st != GIR_RENDER_NOMEM) abort(); /* every format renders a clean report */
            arena_free(a);
        }
}

static void print_diags(gir_diags *dg, int lang)
{
    static FILE *null;
    if (!null) null = fopen("/dev/null", "w");
    if (!null) abort();
    diags_sort(dg);
    gir_render_opts ro = {lang, lang ? GIR_LANG_EN : GIR_LANG_ZH, lang ? GIR_COL_BYTE : GIR_COL_DISPLAY};  /* colour on the English pass */
    for (size_t i = 0; i < dg->n; i++) {
        diag_render_human(null, dg->v[i], &ro);
        diag_render_json(null, dg->v[i], &ro);
    }
    diag_render_summary(null, dg->nerrors, dg->nwarnings, &ro);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gir_options o = {0};
    o.no_previous = 1;
    for (int lang = 0; lang < 2; lang++) {
        o.lang = lang ? GIR_LANG_EN : GIR_LANG_ZH;
        gir_doc *d = gir_doc_compile("fuzz.gir", (const char *)data, size, &o);
        if (!d) return 0;
        print_diags(&d->diags, lang);
        if (lang == 0 && !d->oom && d->report && d->diags.nerrors == 0) render_all(d->report);
        gir_doc_free(d);
        if (size > 1024) break;  /* the English pass only on small inputs */
    }
    return 0;
}

/* fuzz_sarif.c - libFuzzer harness for the SARIF writer
 * (src/diag/sarif.c, `--diagnostics=sarif`). The one parser there reads
 * the result lines the renderer (and the forked workers of check -j)
 * wrote, "uri TAB json NL", back into the document; two modes, by the
 * input's first byte:
 *   even: the rest is those lines as they come (a worker's file cut or
 *         garbled) -> sarif_write;
 *   odd:  the rest is a .gir: compiled (gir_doc_compile), each of its
 *         diagnostics -> sarif_result_line, the lines -> sarif_write.
 * Properties: the document is valid JSON with one run; in the second
 * mode it has exactly one result per diagnostic (every line the renderer
 * makes parses back). Seeds: tests/fuzz/corpus/sarif/ (lines from
 * `girc --diagnostics=sarif` runs, and goldens with a mode byte). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cJSON.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "diag/sarif.h"
#include "driver/compile.h"

/* The results of the document in text (its one run), or -1 if it is not
 * a SARIF document. */
static int count_results(const char *text, size_t n)
{
    cJSON *doc = cJSON_ParseWithLength(text, n);
    if (!doc) return -1;
    const cJSON *runs = cJSON_GetObjectItemCaseSensitive(doc, "runs");
    const cJSON *run = cJSON_GetArrayItem(runs, 0);
    const cJSON *results = cJSON_GetObjectItemCaseSensitive(run, "results");
    int k = cJSON_IsArray(results) && cJSON_GetArraySize(runs) == 1 ? cJSON_GetArraySize(results) : -1;
    cJSON_Delete(doc);
    return k;
}

/* The document of lines; its result count (-1: not a document), or -2
 * without memory. */
static int write_doc(const char *lines, size_t n, int lang)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    if (!f) return -2;
    int rc = sarif_write(f, lang ? GIR_LANG_EN : GIR_LANG_ZH, "fuzz", lines, n, 1);
    fclose(f);
    int k = rc == 0 ? count_results(out, len) : -2;
    free(out);
    return k;
}

/* The lines of every diagnostic of the compiled text; their number. */
static size_t result_lines(const char *text, size_t n, char **lines, size_t *len)
{
    gir_options o = {0};
    o.no_previous = 1;
    gir_doc *d = gir_doc_compile("fuzz.gir", text, n, &o);
    *lines = NULL;
    *len = 0;
    if (!d || d->oom) {
        gir_doc_free(d);
        return 0;
    }
    FILE *f = open_memstream(lines, len);
    size_t k = 0;
    for (size_t i = 0; f && i < d->diags.n; i++) {
        char *l = sarif_result_line(d->diags.v[i]);
        if (!l) abort(); /* no allocation limit here */
        fputs(l, f);
        free(l);
        k++;
    }
    if (f) fclose(f);
    gir_doc_free(d);
    return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size) return 0;
    const char *text = (const char *)data + 1;
    size_t n = size - 1;
    int lang = (data[0] >> 1) & 1;
    if (!(data[0] & 1)) {
        if (write_doc(text, n, lang) == -1) abort(); /* not a SARIF document */
        return 0;
    }
    char *lines = NULL;
    size_t len = 0;
    size_t k = result_lines(text, n, &lines, &len);
    int got = lines ? write_doc(lines, len, lang) : 0;
    if (got != -2 && got != (int)k) {
        fprintf(stderr, "fuzz_sarif: %zu diagnostics, %d results\n--- lines\n%.*s---\n", k, got, (int)len,
                lines ? lines : "");
        abort();
    }
    free(lines);
    return 0;
}

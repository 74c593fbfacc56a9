/* fuzz_import.c - libFuzzer harness: arbitrary HTML, text and .docx
 * (zip) into the importer (gir_import_run, src/import/import.h), which
 * tells the forms apart itself. The .docx seeds are
 * tests/fuzz/corpus/import/docx-*.docx (under run.sh's 128 KB cap); most
 * mutations of a zip fail its CRC, so they mostly drive the zip's error
 * paths.
 * Property (import.h): the .gir it writes always parses, so when the
 * import produced text, gir_doc_parse of it must report no error (else
 * abort, printing both). The text is then compiled (checker coverage on
 * realistic tables); that may report errors, the published numbers are
 * what they are. Seeds: tests/import/corpus, tests/import/damaged and tests/fuzz/corpus/import/
 * (with small PDFs, pdf-*.pdf: the PDF stage runs poppler on them).
 * Inputs over MAX_INPUT are skipped, whatever -max_len says: a PDF makes
 * poppler do work girc cannot bound inside one page. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#include "driver/compile.h"
#include "import/import.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) { (void)argc; (void)argv; return 0; }

#define MAX_INPUT (256u * 1024u)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > MAX_INPUT) return 0;
    gir_import_opts io = {GIR_LANG_ZH, "fuzz.gir", NULL};
    gir_import *im = gir_import_run("fuzz.html", (const char *)data, size, &io);
    if (!im) return 0;
    if (!im->oom && im->gir) {
        gir_options o = {0};
        o.no_previous = 1;
        gir_doc *d = gir_doc_parse("fuzz.gir", im->gir, im->gir_len, &o);
        if (d && !d->oom && d->diags.nerrors) {
            diags_sort(&d->diags);
            fprintf(stderr, "fuzz_import: the imported .gir does not parse: [%s] %s\n--- .gir\n%.*s\n---\n",
                    d->diags.n ? d->diags.v[0]->code : "?", d->diags.n ? d->diags.v[0]->msg : "",
                    (int)im->gir_len, im->gir);
            abort();
        }
        gir_doc_free(d);
        d = gir_doc_compile("fuzz.gir", im->gir, im->gir_len, &o);
        gir_doc_free(d);
    }
    gir_import_free(im);
    return 0;
}


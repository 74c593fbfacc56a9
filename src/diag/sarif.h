/* sarif.h - diagnostics as SARIF 2.1.0 (the format of the code-scanning
 * views of CI systems), for `--diagnostics=sarif`. A run is one document:
 * the renderer turns each diagnostic into one result line as it is
 * printed (forked workers of `girc check -j N` print theirs too), and the
 * document is written once at the end from those lines, with the rule
 * metadata of every code of the catalogue. */
#ifndef GIR_SARIF_H
#define GIR_SARIF_H
#include <stddef.h>
#include <stdio.h>
#include "diag.h"

/* One result as one line: the artifact URI (a JSON string, "" for a
 * diagnostic without a file), a tab, the result object (compact JSON), a
 * newline. Returns a malloc'd string (free()), or NULL without memory.
 * Columns are Unicode code points (run.columnKind "unicodeCodePoints"),
 * 1-based, end exclusive; a waived finding (gir_diag.waived) keeps the
 * level of its code and carries an accepted in-source suppression with
 * the reason as justification and the waiver's place as location. */
char *sarif_result_line(const gir_diag *g);

/* Writes the document: the tool (girc, version), its rules (every code
 * of the catalogue, wording and help in lang), the results of the lines
 * (each as sarif_result_line made it, in n bytes of text; results of the
 * same artifact keep their order, artifacts sorted by URI, diagnostics
 * without a file first) and one invocation with exit_status. Returns 0,
 * or -1 when out of memory or the write failed. */
int sarif_write(FILE *out, gir_lang lang, const char *version, const char *lines, size_t n, int exit_status);
#endif

/* backends.c - the table of the back ends of `girc build`, the one file
 * that names them. Each back end is one file defining one descriptor
 * (render.h: its name, extensions, --fragment, hooks); to add one, write
 * that file and add one line here (then its goldens in
 * tests/golden/build and its section under FORMATS in girc-build(1)).
 * The order is the order `girc help build` lists them in. */
#include "render.h"

#define GIR_BACKENDS(X) \
    X(html)             \
    X(latex)            \
    X(text)             \
    X(json)             \
    X(csv)              \
    X(xlsx)             \
    X(docx)

#define DECLARE(name) extern const gir_backend gir_backend_##name;
GIR_BACKENDS(DECLARE)
#undef DECLARE

#define ENTRY(name) &gir_backend_##name,
const gir_backend *const gir_backends[] = {GIR_BACKENDS(ENTRY) NULL};
#undef ENTRY

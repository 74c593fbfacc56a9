/* needlib.h - a library an importer calls (libxml2, libzip: render/xmllib.h,
 * render/ziplib.h), loaded when the first input needs it (base/dynlib.h). */
#ifndef GIR_IMPORT_NEEDLIB_H
#define GIR_IMPORT_NEEDLIB_H
#include "base/dynlib.h"
#include "internal.h"

/* Loads l; 1, or 0 after one error E0806 about the whole input. */
int imp_need_lib(imp_ctx *c, gir_dynlib *l);
#endif

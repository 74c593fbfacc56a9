/* xmllib.h - libxml2, loaded when a command first needs it (dynlib.h):
 * the DOCX writer (render/docx.c), the HTML and DOCX importers
 * (import/html.c, import/docx.c). Linked, libxml2 brought ICU, liblzma
 * and libstdc++ into every command's start. Call
 * dynlib_load(&gir_libxml2) first (for E0806); a call before loads it. */
#ifndef GIR_RENDER_XMLLIB_H
#define GIR_RENDER_XMLLIB_H
#include "base/dynlib.h"

extern gir_dynlib gir_libxml2;
#endif

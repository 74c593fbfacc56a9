/* ziplib.h - libzip, loaded when a command first needs it (dynlib.h): the
 * DOCX writer (render/docx.c) and the DOCX importer (import/docx.c).
 * Linked, libzip brought libcrypto, libbz2 and liblzma into every
 * command's start. Commands call dynlib_load(&gir_libzip) first (for
 * E0806); a call before loads it. */
#ifndef GIR_RENDER_ZIPLIB_H
#define GIR_RENDER_ZIPLIB_H
#include "base/dynlib.h"

extern gir_dynlib gir_libzip;
#endif

/* xlsxlib.h - libxlsxwriter, loaded when a command first writes a
 * workbook (dynlib.h; render/xlsx.c). Linked, it brought minizip into
 * every command's start. Commands call dynlib_load(&gir_libxlsxwriter)
 * first (for E0806); a call before loads it. */
#ifndef GIR_RENDER_XLSXLIB_H
#define GIR_RENDER_XLSXLIB_H
#include "base/dynlib.h"

extern gir_dynlib gir_libxlsxwriter;
#endif

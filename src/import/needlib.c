/* needlib.c - a library an importer calls, loaded on first need (needlib.h). */
#include "needlib.h"

int imp_need_lib(imp_ctx *c, gir_dynlib *l)
{
    if (dynlib_load(l))
        return 1;
    gir_diag *g = diag_add(c->dg, GIR_SEV_ERROR, B_LIB_MISSING, NULL, (gir_span){0, 0}, l->name, l->error);
    diag_file(c->dg, g, c->im->src.name);
    diag_help(c->dg, g, B_HELP_LIB_MISSING, l->soname);
    return 0;
}

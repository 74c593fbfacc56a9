/* dynlib.c - libraries loaded with dlopen on first need (dynlib.h). */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include "dynlib.h"

int dynlib_load(gir_dynlib *l)
{
    if (l->handle || l->error)
        return l->handle != NULL;
    const char *other = l->env ? getenv(l->env) : NULL;
    const char *file = other && *other ? other : l->soname;
    l->handle = dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (!l->handle) {
        const char *e = dlerror();
        snprintf(l->why, sizeof l->why, "%s", e ? e : file);
        l->error = l->why;
        return 0;
    }
    if (l->loaded)
        l->loaded(l->handle);
    return 1;
}

void *dynlib_sym(gir_dynlib *l, const char *name)
{
    return dynlib_load(l) ? dlsym(l->handle, name) : NULL;
}

/* stdlib_data.h - the stdlib templates compiled into the binary
 * (generated table, see tools/embed.c). */
#ifndef GIR_STDLIB_DATA_H
#define GIR_STDLIB_DATA_H
#include <stddef.h>
typedef struct gir_embedded {
    const char *name;   /* template name, e.g. "gov2021" */
    const char *path;   /* source path in the tree, e.g. "stdlib/gov2021.gir" */
    const char *text;
    size_t len;
} gir_embedded;
extern const gir_embedded gir_stdlib[];  /* terminated by name == NULL */
#endif

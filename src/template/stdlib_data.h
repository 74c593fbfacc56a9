/* stdlib_data.h - the stdlib templates compiled into the binary
 * (generated table, see tools/embed.c). */
#ifndef GIR_STDLIB_DATA_H
#define GIR_STDLIB_DATA_H
#include <stddef.h>
typedef struct gir_embedded {
    const char *name;   /* template name: the file's base name */
    const char *path;   /* source path in the tree, stdlib/NAME.gir */
    const char *text;
    size_t len;
} gir_embedded;
extern const gir_embedded gir_stdlib[];  /* terminated by name == NULL */
#endif

/* cells.c - helpers on reconstructed rows and cells (cells.h). */
#include <string.h>
#include "cells.h"

const char *imp_rname(const imp_row *r) { return r->h->label && *r->h->label ? r->h->label : r->h->name; }

int imp_lit_dec(const char *s, gir_dec *v)
{
    int neg = 0;
    if (*s == '+' || *s == '-')
        neg = *s++ == '-';
    char ip[24], fp[16];
    size_t n = 0, m = 0;
    while (*s >= '0' && *s <= '9') {
        if (n >= sizeof ip - 1)
            return 0;
        ip[n++] = *s++;
    }
    ip[n] = 0;
    if (*s == '.') {
        s++;
        while (*s >= '0' && *s <= '9') {
            if (m >= sizeof fp - 1)
                return 0;
            fp[m++] = *s++;
        }
    }
    fp[m] = 0;
    if (!n)
        return 0;
    return dec_parse(ip, fp, neg, v) == DEC_OK;
}

imp_row *imp_row_of(imp_table *t, const gir_hnode *h)
{
    for (size_t i = 0; i < t->nrows; i++)
        if (t->rows[i].h == h)
            return &t->rows[i];
    return NULL;
}

/* text.c - small helpers the files of region/ share (internal.h): lists
 * of unit names, dates and deadlines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "internal.h"
#include "syntax/lang.h"

void region_names(const region_set *s, gir_buf *b, const size_t *first, size_t k, size_t total)
{
    for (size_t i = 0; i < k; i++) {
        if (i) buf_puts(b, msg_fmt(s->lang, R_LIST_SEP));
        buf_puts(b, region_unit_name(&s->units[first[i]]));
    }
    if (total > k) {
        buf_puts(b, msg_fmt(s->lang, R_LIST_SEP));
        buf_printf(b, msg_fmt(s->lang, R_SUM_MORE), total - k);
    }
}

const char *region_date(gir_arena *a, int y, int m, int d) { return arena_printf(a, "%04d-%02d-%02d", y, m, d); }

void region_today(int *y, int *m, int *d)
{
    time_t now = time(NULL);
    struct tm t;
    memset(&t, 0, sizeof t);
    localtime_r(&now, &t);
    *y = t.tm_year + 1900;
    *m = t.tm_mon + 1;
    *d = t.tm_mday;
}

int region_date_cmp(int y1, int m1, int d1, int y2, int m2, int d2)
{
    long a = (long)y1 * 10000 + m1 * 100 + d1;
    long b = (long)y2 * 10000 + m2 * 100 + d2;
    return (a > b) - (a < b);
}

int region_deadline(const roster_entry *e, int year, int k, int *y, int *m, int *d)
{
    if (e && e->dl_y) {
        *y = e->dl_y;
        *m = e->dl_m;
        *d = e->dl_d;
        return 1;
    }
    const gir_deadline *dl = lang_deadline((gir_agency_kind)(e && e->kind ? e->kind : k));
    if (!dl || !year) return 0;
    *y = year + 1;
    *m = dl->month;
    *d = dl->day;
    return 1;
}

static int days_in(int y, int m)
{
    static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : n[m - 1];
}

/* Digits at *p (at most max), into *v; 0 when none. */
static int digits(const char **p, int max, int *v)
{
    int n = 0;
    *v = 0;
    while (n < max && **p >= '0' && **p <= '9') {
        *v = *v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    return n;
}

static int sep(const char **p, const char *const *words)
{
    for (size_t i = 0; words[i]; i++) {
        size_t n = strlen(words[i]);
        if (strncmp(*p, words[i], n) == 0) {
            *p += n;
            return 1;
        }
    }
    return 0;
}

int region_date_valid(int y, int m, int d) { return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= days_in(y, m); }

int region_parse_date(const char *s, int *y, int *m, int *d)
{
    static const char *const ysep[] = {"-", "/", ".", "年", NULL};
    static const char *const msep[] = {"-", "/", ".", "月", NULL};
    static const char *const dend[] = {"日", "", NULL};
    const char *p = s;
    if (digits(&p, 4, y) != 4 || !sep(&p, ysep)) return 0;
    if (!digits(&p, 2, m) || !sep(&p, msep)) return 0;
    if (!digits(&p, 2, d)) return 0;
    sep(&p, dend);
    if (*p) return 0;
    return *y >= 1990 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= days_in(*y, *m);
}

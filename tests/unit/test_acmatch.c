/* test_acmatch.c - unit tests for base/acmatch.c: every occurrence of
 * every pattern is reported, once, in order of the occurrences' ends,
 * the same as a search for each pattern at each position (pattern sets
 * sorted and not, nested and overlapping patterns, UTF-8 labels). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "base/acmatch.h"

#define MAXHITS 20000

typedef struct hit { size_t pat, start; } hit;
typedef struct hits { hit v[MAXHITS]; size_t n; const char *const *pats; int ordered; } hits;

static void on_hit(void *ud, size_t pat, size_t start)
{
    hits *h = ud;
    assert_true(h->n < MAXHITS);
    if (h->n) {   /* ends never go back */
        const hit *l = &h->v[h->n - 1];
        if (start + strlen(h->pats[pat]) < l->start + strlen(h->pats[l->pat])) h->ordered = 0;
    }
    h->v[h->n].pat = pat;
    h->v[h->n++].start = start;
}

static int cmp_hit(const void *x, const void *y)
{
    const hit *a = x, *b = y;
    if (a->start != b->start) return a->start < b->start ? -1 : 1;
    return (a->pat > b->pat) - (a->pat < b->pat);
}

/* Every pattern at every position, by start then pattern. */
static void naive(const char *const *pats, size_t n, const char *text, hits *h)
{
    h->n = 0;
    size_t len = strlen(text);
    for (size_t s = 0; s < len; s++)
        for (size_t p = 0; p < n; p++) {
            size_t m = strlen(pats[p]);
            if (m && s + m <= len && memcmp(text + s, pats[p], m) == 0) {
                assert_true(h->n < MAXHITS);
                h->v[h->n].pat = p;
                h->v[h->n++].start = s;
            }
        }
}

static void same_as_naive(const char *const *pats, size_t n, const char *text)
{
    static hits got, want;
    gir_arena *a = arena_new(NULL);
    gir_acm *m = acm_build(a, pats, n);
    got.n = 0;
    got.pats = pats;
    got.ordered = 1;
    acm_scan(m, (const unsigned char *)text, strlen(text), on_hit, &got);
    assert_true(got.ordered);
    qsort(got.v, got.n, sizeof *got.v, cmp_hit);
    naive(pats, n, text, &want);
    assert_int_equal(got.n, want.n);
    for (size_t i = 0; i < got.n; i++) {
        assert_int_equal(got.v[i].pat, want.v[i].pat);
        assert_int_equal(got.v[i].start, want.v[i].start);
    }
    arena_free(a);
}

static void test_nested(void **state)
{
    (void)state;
    static const char *const pats[] = {"he", "she", "his", "hers", "", "s", "e"};
    same_as_naive(pats, 7, "ushers and his sheep; she said hers, hehe");
}

static void test_labels(void **state)
{
    (void)state;
    static const char *const pats[] = {"行政复议", "行政许可", "行政处罚", "行政", "复议", "诉讼", "行政诉讼",
                                       "不予公开", "予以公开", "公开"};
    same_as_naive(pats, 10, "本年行政复议3件，行政诉讼2件；予以公开15件，不予公开1件，行政许可、行政处罚公开。");
    same_as_naive(pats, 0, "行政复议");
}

static int cmp_str(const void *x, const void *y) { return strcmp(*(const char *const *)x, *(const char *const *)y); }

/* Random patterns over three bytes (many shared prefixes and suffixes),
 * in the order made and sorted. */
static void test_random(void **state)
{
    (void)state;
    unsigned seed = 12345;
    char store[40][8];
    const char *pats[40];
    char text[600];
    for (int round = 0; round < 50; round++) {
        size_t n = 1 + (size_t)(round % 40);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            size_t len = 1 + (seed >> 16) % 6;
            for (size_t k = 0; k < len; k++) {
                seed = seed * 1103515245u + 12345u;
                store[i][k] = "ab\xe4"[(seed >> 16) % 3];
            }
            store[i][len] = 0;
            pats[i] = store[i];
        }
        for (size_t k = 0; k + 1 < sizeof text; k++) {
            seed = seed * 1103515245u + 12345u;
            text[k] = "abc\xe4"[(seed >> 16) % 4];
        }
        text[sizeof text - 1] = 0;
        same_as_naive(pats, n, text);
        qsort(pats, n, sizeof *pats, cmp_str);
        same_as_naive(pats, n, text);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nested),
        cmocka_unit_test(test_labels),
        cmocka_unit_test(test_random),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

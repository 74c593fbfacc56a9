/* test_acmatch.c - unit tests for base/acmatch.c: every occurrence of
 * every pattern is reported once, with its start, in order of the ends,
 * as a search for each pattern at each place finds them (patterns inside
 * others, repeated, overlapping, multi-byte, an empty one, bytes no
 * pattern has); and the prefix property of base/cnnum.c that the
 * percentage walk of check/percent.c relies on. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "base/acmatch.h"
#include "base/arena.h"
#include "base/cnnum.h"
#include "base/utf8.h"

typedef struct found { size_t pat, start; } found;
typedef struct found_list { found v[4096]; size_t n; } found_list;

static void on_hit(void *ud, size_t pat, size_t start)
{
    found_list *l = ud;
    assert_true(l->n < sizeof l->v / sizeof l->v[0]);
    l->v[l->n++] = (found){pat, start};
}

/* By end, then pattern: acm_scan reports in order of the ends. */
static const char *const *cmp_pats;
static int cmp_found(const void *x, const void *y)
{
    const found *a = x, *b = y;
    size_t ea = a->start + strlen(cmp_pats[a->pat]), eb = b->start + strlen(cmp_pats[b->pat]);
    if (ea != eb) return ea < eb ? -1 : 1;
    return (a->pat > b->pat) - (a->pat < b->pat);
}

/* The occurrences found by trying each pattern at each place. */
static void brute(const char *const *pats, size_t n, const char *text, found_list *l)
{
    size_t len = strlen(text);
    l->n = 0;
    for (size_t i = 0; i < len; i++)
        for (size_t p = 0; p < n; p++) {
            size_t k = strlen(pats[p]);
            if (k && i + k <= len && !memcmp(text + i, pats[p], k)) l->v[l->n++] = (found){p, i};
        }
}

/* acm_scan's occurrences equal brute()'s, and come in order of the ends. */
static void same(const char *const *pats, size_t n, const char *text)
{
    gir_arena *a = arena_new(NULL);
    gir_acm *m = acm_build(a, pats, n);
    static found_list got, want;
    got.n = 0;
    acm_scan(m, (const unsigned char *)text, strlen(text), on_hit, &got);
    for (size_t i = 1; i < got.n; i++)
        assert_true(got.v[i - 1].start + strlen(pats[got.v[i - 1].pat]) <= got.v[i].start + strlen(pats[got.v[i].pat]));
    brute(pats, n, text, &want);
    cmp_pats = pats;
    qsort(got.v, got.n, sizeof got.v[0], cmp_found);
    qsort(want.v, want.n, sizeof want.v[0], cmp_found);
    assert_int_equal(got.n, want.n);
    for (size_t i = 0; i < got.n; i++) {
        assert_int_equal(got.v[i].pat, want.v[i].pat);
        assert_int_equal(got.v[i].start, want.v[i].start);
    }
    arena_free(a);
}

static void test_fixed(void **state)
{
    (void)state;
    static const char *const pats[] = {"申请", "收到申请", "政府信息公开申请", "he", "she", "his", "hers", "", "aa", "a"};
    same(pats, 10, "收到政府信息公开申请81件，收到申请申请；ushers aaa ahishers");
    same(pats, 10, "");
    same(pats, 10, "no pattern byte here: xyz 123");
    same(pats, 1, "申请申请申请");
}

/* Random patterns and texts over a few bytes, one of them the lead of a
 * three-byte character. */
static void test_random(void **state)
{
    (void)state;
    static const char alpha[] = {'a', 'b', 'c', (char)0xE7, (char)0x94, (char)0xB3};
    srand(16);
    for (int round = 0; round < 300; round++) {
        char buf[12][8], text[400];
        const char *pats[12];
        size_t n = 1 + (size_t)(rand() % 12);
        for (size_t p = 0; p < n; p++) {
            size_t k = (size_t)(rand() % 6);
            for (size_t i = 0; i < k; i++) buf[p][i] = alpha[rand() % 6];
            buf[p][k] = 0;
            pats[p] = buf[p];
        }
        size_t len = (size_t)(rand() % 399);
        for (size_t i = 0; i < len; i++) text[i] = alpha[rand() % 6];
        text[len] = 0;
        same(pats, n, text);
    }
}

/* A Chinese numeral can start with a character only if that character
 * alone is one (100, 1000, 万 and 亿 alone are not, and never start one):
 * check/percent.c asks cnnum_parse at a character only when that holds. */
static void test_numeral_prefix(void **state)
{
    (void)state;
    static const char *const tails[] = {"", "一", "二", "十", "百", "千", "万", "亿", "零", "〇", "两", "廿", "3", "12", "件"};
    for (uint32_t cp = 0x80; cp < 0x10000; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        char s[16];
        int k = utf8_encode(cp, s);
        long long v;
        if (cnnum_parse((const unsigned char *)s, (const unsigned char *)s + k, &v) > 0) continue;
        for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++) {
            size_t n = strlen(tails[t]);
            memcpy(s + k, tails[t], n);
            assert_int_equal(cnnum_parse((const unsigned char *)s, (const unsigned char *)s + k + n, &v), 0);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixed),
        cmocka_unit_test(test_random),
        cmocka_unit_test(test_numeral_prefix),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

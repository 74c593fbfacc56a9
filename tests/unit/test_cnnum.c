/* test_cnnum.c - unit tests for base/cnnum.c: Chinese numerals as the
 * prose of a report writes counts (〇/零, 十/百/千/万, 两, 廿, 1万2千),
 * digit strings for years, and the ambiguous forms that are refused. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "base/cnnum.h"

/* The value of the whole of s, or -1 when it is not one numeral. */
static long long whole(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    long long v = -2;
    size_t n = cnnum_parse(p, p + strlen(s), &v);
    return n == strlen(s) ? v : -1;
}

static void test_simple(void **state)
{
    (void)state;
    assert_int_equal(whole("一"), 1);
    assert_int_equal(whole("九"), 9);
    assert_int_equal(whole("两"), 2);
    assert_int_equal(whole("零"), 0);
    assert_int_equal(whole("〇"), 0);
    assert_int_equal(whole("十"), 10);
    assert_int_equal(whole("十五"), 15);
    assert_int_equal(whole("二十"), 20);
    assert_int_equal(whole("二十三"), 23);
    assert_int_equal(whole("廿"), 20);
    assert_int_equal(whole("廿三"), 23);
}

static void test_units(void **state)
{
    (void)state;
    assert_int_equal(whole("一百"), 100);
    assert_int_equal(whole("一百零五"), 105);
    assert_int_equal(whole("一百一十"), 110);
    assert_int_equal(whole("一百一十五"), 115);
    assert_int_equal(whole("两百"), 200);
    assert_int_equal(whole("两千"), 2000);
    assert_int_equal(whole("一千零二十"), 1020);
    assert_int_equal(whole("三千四百五十六"), 3456);
    assert_int_equal(whole("一万"), 10000);
    assert_int_equal(whole("十万"), 100000);
    assert_int_equal(whole("一万二千"), 12000);
    assert_int_equal(whole("一万零五"), 10005);
    assert_int_equal(whole("一万零五百"), 10500);
    assert_int_equal(whole("两万三千"), 23000);
    assert_int_equal(whole("一亿二千万"), 120000000);
}

static void test_mixed(void **state)
{
    (void)state;
    assert_int_equal(whole("1万2千"), 12000);
    assert_int_equal(whole("3千"), 3000);
    assert_int_equal(whole("12万"), 120000);
    assert_int_equal(whole("1万零5"), -1);
}

static void test_ambiguous(void **state)
{
    (void)state;
    assert_int_equal(whole("二三"), -1);      /* two or three */
    assert_int_equal(whole("一百五"), -1);    /* 150, colloquial */
    assert_int_equal(whole("一万二"), -1);    /* 12000, colloquial */
    assert_int_equal(whole("两十"), -1);
    assert_int_equal(whole("二十两"), -1);
    assert_int_equal(whole("二〇"), -1);
    assert_int_equal(whole("一百零"), -1);
    assert_int_equal(whole("百"), -1);
    assert_int_equal(whole("十十"), -1);
    assert_int_equal(whole("一十百"), -1);
    assert_int_equal(whole("一万十"), -1);
    assert_int_equal(whole("一万五千万"), -1);
    assert_int_equal(whole("1万2"), -1);
    assert_int_equal(whole("一万零五千"), -1);
    assert_int_equal(whole("万"), -1);
}

static void test_prefix(void **state)
{
    (void)state;
    const char *s = "二十三件申请";
    const unsigned char *p = (const unsigned char *)s;
    long long v = 0;
    assert_int_equal(cnnum_parse(p, p + strlen(s), &v), strlen("二十三"));
    assert_int_equal(v, 23);
    s = "123件";   /* plain digits are the caller's */
    p = (const unsigned char *)s;
    assert_int_equal(cnnum_parse(p, p + strlen(s), &v), 0);
    s = "件";
    p = (const unsigned char *)s;
    assert_int_equal(cnnum_parse(p, p + strlen(s), &v), 0);
}

static void test_digits(void **state)
{
    (void)state;
    const char *s = "二〇二四年";
    const unsigned char *p = (const unsigned char *)s;
    long long v = 0;
    assert_int_equal(cnnum_digits(p, p + strlen(s), &v), strlen("二〇二四"));
    assert_int_equal(v, 2024);
    s = "二零二三年";
    p = (const unsigned char *)s;
    assert_int_equal(cnnum_digits(p, p + strlen(s), &v), strlen("二零二三"));
    assert_int_equal(v, 2023);
    s = "一月";
    p = (const unsigned char *)s;
    assert_int_equal(cnnum_digits(p, p + strlen(s), &v), 0);
    s = "两〇";
    p = (const unsigned char *)s;
    assert_int_equal(cnnum_digits(p, p + strlen(s), &v), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simple),    cmocka_unit_test(test_units),  cmocka_unit_test(test_mixed),
        cmocka_unit_test(test_ambiguous), cmocka_unit_test(test_prefix), cmocka_unit_test(test_digits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

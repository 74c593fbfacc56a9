/* test_lsp_util.c - lsp_build (src/lsp/util.h), the language server's
 * JSON built in the one protected call: a fill that returns 1 hands out
 * its root; a fill that returns 0, and one that runs out of memory
 * halfway (an impossible arena request unwinds, as a failed allocation
 * does), free everything built so far on the way out. cJSON's hooks
 * count live allocations to show it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "lsp/util.h"

static long live;

static void *count_malloc(size_t n)
{
    void *p = malloc(n);
    if (p)
        live++;
    return p;
}

static void count_free(void *p)
{
    if (p)
        live--;
    free(p);
}

static int setup(void **state)
{
    (void)state;
    cJSON_Hooks h = {count_malloc, count_free};
    cJSON_InitHooks(&h);
    live = 0;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    cJSON_InitHooks(NULL);
    return 0;
}

typedef struct how { int keep, unwind, reached; } how;

/* Children attached to root, scratch strings, then (maybe) out of memory. */
static int fill(void *ud, gir_arena *a, cJSON *root)
{
    how *h = ud;
    for (int i = 0; i < 10; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToArray(root, o);
        lsp_add_str(o, "name", arena_printf(a, "item %d", i));
    }
    if (h->unwind)
        arena_alloc(a, SIZE_MAX);                 /* never returns inside a protected call */
    h->reached = 1;
    return h->keep;
}

static void test_kept(void **state)
{
    (void)state;
    how h = {1, 0, 0};
    cJSON *r = lsp_build(cJSON_CreateArray(), fill, &h);
    assert_non_null(r);
    assert_true(h.reached);
    assert_int_equal(cJSON_GetArraySize(r), 10);
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(r, 9), "name")->valuestring, "item 9");
    cJSON_Delete(r);
    assert_int_equal(live, 0);
}

static void test_discarded(void **state)
{
    (void)state;
    how h = {0, 0, 0};
    assert_null(lsp_build(cJSON_CreateArray(), fill, &h));
    assert_true(h.reached);
    assert_int_equal(live, 0);
}

static void test_out_of_memory(void **state)
{
    (void)state;
    how h = {1, 1, 0};
    assert_null(lsp_build(cJSON_CreateArray(), fill, &h));
    assert_false(h.reached);                      /* it unwound */
    assert_int_equal(live, 0);                    /* and the ten objects went with it */
    assert_null(lsp_build(NULL, fill, &h));       /* no root: nothing runs */
    assert_int_equal(live, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_discarded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_out_of_memory, setup, teardown),
    };
    return cmocka_run_group_tests_name("lsp_util", tests, NULL, NULL);
}

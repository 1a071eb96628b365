/*
 * test_map.c - the hash maps of map.h: pointer and string keys, growth,
 * and room made at once (kh_map_reserve) without losing what is in it.
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "alloc.h"
#include "map.h"

enum { N = 5000 };

/* Every key finds its own value after growing from nothing; others none. */
static void test_pointer_keys_grow(void **state)
{
	(void)state;
	static int keys[N];
	kh_map m = { 0 };
	for (int i = 0; i < N; i++)
		*kh_map_slot(&m, &keys[i], true) = &keys[(i + 1) % N];
	assert_int_equal(m.n, N);
	assert_true(2 * m.n <= m.cap);
	for (int i = 0; i < N; i++)
		assert_ptr_equal(kh_map_get(&m, &keys[i]), &keys[(i + 1) % N]);
	int other;
	assert_null(kh_map_get(&m, &other));
	assert_null(kh_map_slot(&m, &other, false));
}

static void test_string_keys(void **state)
{
	(void)state;
	kh_map m = { .strings = true };
	*kh_map_slot(&m, "cấp xã", true) = (void *)"a";
	*kh_map_slot(&m, kh_printf("cấp %s", "xã"), true) = (void *)"b"; /* the same text: the same slot */
	assert_int_equal(m.n, 1);
	assert_string_equal(kh_map_get(&m, "cấp xã"), "b");
	assert_null(kh_map_get(&m, "cấp huyện"));
}

/* Room for N at once: filling it makes no new table; room asked for a
 * map that has entries keeps them; less room than it has changes nothing. */
static void test_reserve(void **state)
{
	(void)state;
	static int keys[N];
	kh_map m = { 0 };
	kh_map_reserve(&m, N);
	size_t cap = m.cap;
	const void **table = m.keys;
	assert_true(cap >= 2 * N);
	for (int i = 0; i < N; i++)
		*kh_map_slot(&m, &keys[i], true) = &keys[i];
	assert_int_equal(m.cap, cap);
	assert_ptr_equal(m.keys, table);

	kh_map g = { 0 };
	for (int i = 0; i < 100; i++)
		*kh_map_slot(&g, &keys[i], true) = &keys[N - 1 - i];
	kh_map_reserve(&g, N);
	assert_true(g.cap >= 2 * N);
	assert_int_equal(g.n, 100);
	for (int i = 0; i < 100; i++)
		assert_ptr_equal(kh_map_get(&g, &keys[i]), &keys[N - 1 - i]);
	size_t before = g.cap;
	kh_map_reserve(&g, 10);
	assert_int_equal(g.cap, before);
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pointer_keys_grow),
		cmocka_unit_test(test_string_keys),
		cmocka_unit_test(test_reserve),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

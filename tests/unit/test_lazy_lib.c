/*
 * test_lazy_lib.c - a library opened when first needed (lazy_lib.c): its
 * functions found and usable; a library that is not there, or lacks a
 * function, refused with the reason, every time after too.
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "lazy_lib.h"

static void opens_and_fills(void **state)
{
	(void)state;
	size_t (*my_strlen)(const char *) = NULL;
	const kh_lazy_fn fns[] = { { "strlen", (void **)&my_strlen } };
	kh_lazy_lib lib = { .soname = "libc.so.6", .purpose = "tests", .fns = fns, .n = 1 };
	const char *why = NULL;
	assert_true(kh_lazy_load(&lib, &why));
	assert_non_null(my_strlen);
	assert_int_equal(my_strlen("kế hoạch"), strlen("kế hoạch"));
	assert_true(kh_lazy_load(&lib, &why)); /* once: the second call keeps it */
}

static void missing_library(void **state)
{
	(void)state;
	void *slot = NULL;
	const kh_lazy_fn fns[] = { { "f", &slot } };
	kh_lazy_lib lib = { .soname = "libkehoach-none.so.0", .purpose = "writes Word files", .fns = fns, .n = 1 };
	const char *why = NULL;
	assert_false(kh_lazy_load(&lib, &why));
	assert_non_null(strstr(why, "cannot load libkehoach-none.so.0, which writes Word files"));
	why = NULL;
	assert_false(kh_lazy_load(&lib, &why)); /* and every time after, with the reason */
	assert_non_null(strstr(why, "libkehoach-none.so.0"));
}

static void missing_function(void **state)
{
	(void)state;
	void *a = NULL, *b = NULL;
	const kh_lazy_fn fns[] = { { "strlen", &a }, { "kh_no_such_function", &b } };
	kh_lazy_lib lib = { .soname = "libc.so.6", .purpose = "tests", .fns = fns, .n = 2 };
	const char *why = NULL;
	assert_false(kh_lazy_load(&lib, &why));
	assert_string_equal(why, "libc.so.6 has no function kh_no_such_function");
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(opens_and_fills),
		cmocka_unit_test(missing_library),
		cmocka_unit_test(missing_function),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

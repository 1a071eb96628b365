/*
 * test_format.c - the simple formats (format.c) against the C library's
 * printf: random formats of text, %s, %d, %u, %zu and %%, with random
 * arguments (NULL strings, the ints at the ends of their range), through
 * kh_printf and kh_buf_printf; and the formats that must take vfprintf.
 * Part of kehoach; see README.md for the licence.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "format.h"

/* The formats are made at run time, on purpose: both printfs get each. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

static uint32_t seed = 2026;
static uint32_t next(void)
{
	seed = seed * 1103515245u + 12345u;
	return seed >> 8;
}

static void test_simple_or_not(void **state)
{
	(void)state;
	static const char *const simple[] = { "", "text", "%s", "a %s b", "%d/%d/%d", "%u%%",
					      "%zu items", "%%s", "Thời gian: %s" };
	static const char *const other[] = { "%5d", "%-s", "%x", "%1$s", "%.3s", "%ld", "%c",
					     "%02d", "%lu", "%" };
	for (size_t i = 0; i < sizeof simple / sizeof *simple; i++)
		assert_true(kh_format_is_simple(simple[i]));
	for (size_t i = 0; i < sizeof other / sizeof *other; i++)
		assert_false(kh_format_is_simple(other[i]));
}

static void test_against_printf(void **state)
{
	(void)state;
	static const char *const words[] = { "", "a", "Hạn", " — ", "ngày 5/5", "%", "100%" };
	static const int ints[] = { 0, 1, -1, 42, 2019, INT_MAX, INT_MIN, -2147483647 };
	for (int round = 0; round < 5000; round++) {
		char fmt[256];
		size_t len = 0;
		/* a format of up to three conversions of one kind, and literal text */
		char conv = "sduz%"[next() % 5];
		int nconv = (int)(next() % 4);
		for (int k = 0; k <= nconv; k++) {
			const char *w = words[next() % 5]; /* no lone '%' in the text */
			memcpy(fmt + len, w, strlen(w));
			len += strlen(w);
			if (k == nconv)
				break;
			const char *c = conv == 's' ? "%s" : conv == 'd' ? "%d" : conv == 'u' ? "%u"
					: conv == 'z' ? "%zu" : "%%";
			memcpy(fmt + len, c, strlen(c));
			len += strlen(c);
		}
		fmt[len] = '\0';
		assert_true(kh_format_is_simple(fmt));
		int used = conv == '%' ? 0 : nconv;
		const char *s[3];
		int d[3];
		unsigned u[3];
		size_t z[3];
		for (int k = 0; k < 3; k++) {
			s[k] = next() % 7 == 0 ? NULL : words[next() % 7];
			d[k] = ints[next() % 8];
			u[k] = next() % 3 == 0 ? UINT_MAX : (unsigned)next();
			z[k] = next() % 3 == 0 ? SIZE_MAX : (size_t)next() * 977u;
		}
		char want[512];
		char *got;
		kh_buf b = { 0 };
		kh_buf_puts(&b, "<");
#define BOTH(...)                                                   \
	do {                                                        \
		snprintf(want, sizeof want, fmt, __VA_ARGS__);      \
		got = kh_printf(fmt, __VA_ARGS__);                  \
		kh_buf_printf(&b, fmt, __VA_ARGS__);                \
	} while (0)
		if (used == 0 || conv == '%')
			BOTH(0);
		else if (conv == 's')
			BOTH(s[0], s[1], s[2]);
		else if (conv == 'd')
			BOTH(d[0], d[1], d[2]);
		else if (conv == 'u')
			BOTH(u[0], u[1], u[2]);
		else
			BOTH(z[0], z[1], z[2]);
#undef BOTH
		assert_string_equal(got, want);
		assert_string_equal(kh_buf_cstr(&b) + 1, want);
	}
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simple_or_not),
		cmocka_unit_test(test_against_printf),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

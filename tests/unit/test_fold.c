/*
 * test_fold.c - kh_text_fold's quick path (names.c: the code points of
 * Vietnamese text folded without utf8proc) gives what utf8proc's case
 * folding with NFC gives, for every code point of the Basic Multilingual
 * Plane and some beyond, alone and between letters, and for words whose
 * tone placement the key moves.
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
#include <utf8proc.h>

#include "alloc.h"
#include "names.h"
#include "resolve.h"

/* The slow path, written out: what kh_text_fold promised before. */
static const char *reference(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
					  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
						  UTF8PROC_CASEFOLD);
	if (n < 0)
		return kh_name_key(s);
	char *copy = kh_strndup((const char *)out, (size_t)n);
	free(out);
	return kh_name_key(copy);
}

static void same(const char *s)
{
	const char *a = kh_text_fold(s), *b = reference(s);
	if (strcmp(a, b))
		print_message("'%s': quick '%s', utf8proc '%s'\n", s, a, b);
	assert_string_equal(a, b);
}

static void test_every_code_point(void **state)
{
	(void)state;
	for (int32_t c = 1; c < 0x30000; c++) {
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		utf8proc_uint8_t enc[8];
		utf8proc_ssize_t k = utf8proc_encode_char(c, enc);
		enc[k] = 0;
		char buf[32];
		snprintf(buf, sizeof buf, "%s", (const char *)enc);
		same(buf);
		snprintf(buf, sizeof buf, "Ab%sZq", (const char *)enc);
		same(buf);
	}
}

static void test_vietnamese_words(void **state)
{
	(void)state;
	static const char *const words[] = {
		"ỦY BAN NHÂN DÂN TỈNH", "Ủy ban", "UỶ BAN", "Hoà Bình", "HÒA BÌNH", "Khoẻ",
		"thuỷ lợi", "Đảng ủy xã", "ĐẢNG ỦY XÃ", "Quyết định số 98/2023/NĐ-CP",
		"“Gia đình văn hoá”", "Ơ Ư ơ ư Ă ă Đ đ Ĩ ĩ Ũ ũ", "Straße", "İstanbul",
		"Nguye\xCC\x82\xCC\x83n", "a\xC2\xA0" "b", "x–y—z…",
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		same(words[i]);
	assert_string_equal(kh_text_fold("HOÀ"), kh_text_fold("hòa"));
	assert_string_equal(kh_text_fold("UỶ"), kh_text_fold("ủy"));
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_code_point),
		cmocka_unit_test(test_vietnamese_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

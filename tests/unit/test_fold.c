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

/* kh_name_key as it was (code points through utf8proc): the reference for
 * the byte-level one. */
static int is_tone(utf8proc_int32_t c)
{
	return c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323;
}

static utf8proc_int32_t lower_ascii(utf8proc_int32_t c)
{
	return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static const char *name_key_reference(const char *name)
{
	size_t len = strlen(name);
	utf8proc_int32_t *cps = kh_alloc_atomic((len + 1) * sizeof *cps);
	size_t n = 0;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)name;
	utf8proc_ssize_t left = (utf8proc_ssize_t)len;
	while (left > 0) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = utf8proc_iterate(p, left, &c);
		if (k <= 0)
			return name;
		cps[n++] = c;
		p += k;
		left -= k;
	}
	int changed = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		utf8proc_int32_t first = lower_ascii(cps[i]);
		if (first != 'o' && first != 'u')
			continue;
		utf8proc_int32_t parts[4];
		int last = 0;
		utf8proc_ssize_t np = utf8proc_decompose_char(cps[i + 1], parts, 4, UTF8PROC_DECOMPOSE, &last);
		if (np != 2 || !is_tone(parts[1]))
			continue;
		utf8proc_int32_t base = lower_ascii(parts[0]);
		if (!((first == 'o' && (base == 'a' || base == 'e')) || (first == 'u' && base == 'y')))
			continue;
		utf8proc_int32_t composed[2] = { cps[i], parts[1] };
		if (utf8proc_normalize_utf32(composed, 2, UTF8PROC_COMPOSE) != 1)
			continue;
		cps[i] = composed[0];
		cps[i + 1] = parts[0];
		changed = 1;
	}
	if (!changed)
		return name;
	kh_buf out = { 0 };
	for (size_t i = 0; i < n; i++) {
		utf8proc_uint8_t enc[4];
		utf8proc_ssize_t k = utf8proc_encode_char(cps[i], enc);
		kh_buf_put(&out, (const char *)enc, (size_t)k);
	}
	return kh_buf_cstr(&out);
}

static void same_key(const char *s)
{
	const char *a = kh_name_key(s), *b = name_key_reference(s);
	if (strcmp(a, b))
		print_message("'%s': key '%s', reference '%s'\n", s, a, b);
	assert_string_equal(a, b);
}

/* Every code point after o, O, u and U, and random strings of the letters
 * that matter. */
static void test_name_key(void **state)
{
	(void)state;
	static const char *const firsts[] = { "o", "O", "u", "U", "a", "ô", "ư", "" };
	for (int32_t c = 1; c < 0x20000; c++) {
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		utf8proc_uint8_t enc[8];
		utf8proc_ssize_t k = utf8proc_encode_char(c, enc);
		enc[k] = 0;
		for (size_t f = 0; f < sizeof firsts / sizeof firsts[0]; f++) {
			char buf[32];
			snprintf(buf, sizeof buf, "h%s%sn", firsts[f], (const char *)enc);
			same_key(buf);
		}
	}
	static const char *const bits[] = { "o", "O", "u", "U", "a", "y", "à", "ạ", "ẽ", "Ẽ", "ỷ",
					    "Ý", "ỵ", "ê", "ế", "ư", "ờ", "\xCC\x80", " ", "h", "ẠÀ" };
	srand(11);
	for (int it = 0; it < 200000; it++) {
		char buf[128] = "";
		int n = rand() % 8;
		for (int k = 0; k < n; k++)
			strcat(buf, bits[rand() % (sizeof bits / sizeof bits[0])]);
		same_key(buf);
	}
}

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
		cmocka_unit_test(test_name_key),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

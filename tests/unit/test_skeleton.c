/*
 * test_skeleton.c - skeleton.c's tables give what ICU's spoof checker
 * gives: every ASCII character and every code point of skeleton_table.h
 * alone and between letters, 100,000 random ASCII ids and 100,000 of
 * Vietnamese letters; other ids go to ICU; scripts are mixed only when a
 * non-Latin letter is there, as ICU says.
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
#include "skeleton.h"

static void expect_as_icu(const char *id)
{
	const char *mine = kh_skeleton(id), *icu = kh_skeleton_icu(id);
	assert_non_null(icu);
	assert_non_null(mine);
	if (strcmp(mine, icu))
		fail_msg("skeleton of \"%s\": table \"%s\", ICU \"%s\"", id, mine, icu);
}

static void every_ascii_character(void **state)
{
	(void)state;
	for (int c = 1; c < 128; c++) {
		char one[2] = { (char)c, 0 }, between[4] = { 'a', (char)c, 'b', 0 };
		expect_as_icu(one);
		expect_as_icu(between);
	}
}

/* UTF-8 of C into OUT (4 bytes and a NUL); the bytes written. */
static size_t utf8(int32_t c, char *out)
{
	size_t n;
	if (c < 0x80)
		out[0] = (char)c, n = 1;
	else if (c < 0x800)
		out[0] = (char)(0xC0 | (c >> 6)), out[1] = (char)(0x80 | (c & 0x3F)), n = 2;
	else
		out[0] = (char)(0xE0 | (c >> 12)), out[1] = (char)(0x80 | ((c >> 6) & 0x3F)),
		out[2] = (char)(0x80 | (c & 0x3F)), n = 3;
	out[n] = '\0';
	return n;
}

/* Every code point of skeleton_table.h's ranges, alone, between letters
 * and after a combining mark's neighbour: the same skeleton as ICU's, and
 * the same answer on mixed scripts. */
static void every_table_character(void **state)
{
	(void)state;
	static const int32_t ranges[][2] = { { 0x01, 0x24F }, { 0x1E00, 0x1EFF } };
	for (size_t r = 0; r < 2; r++)
		for (int32_t c = ranges[r][0]; c <= ranges[r][1]; c++) {
			char ch[8], id[16];
			utf8(c, ch);
			snprintf(id, sizeof id, "a%sb", ch);
			expect_as_icu(ch);
			expect_as_icu(id);
			if (kh_mixes_scripts(id) != kh_mixes_scripts_icu(id))
				fail_msg("mixed scripts of U+%04X: table %d, ICU %d", (unsigned)c,
					 kh_mixes_scripts(id), kh_mixes_scripts_icu(id));
		}
}

/* 100,000 ids of Vietnamese letters, ASCII and the look-alikes. */
static void random_vietnamese_ids(void **state)
{
	(void)state;
	static const char *const pieces[] = { "ư", "ơ", "đ", "Đ", "ệ", "ộ", "ủ", "ỹ", "à", "á", "ả", "ã", "ạ",
					      "ă", "â", "ê", "ô", "ì", "í", "ò", "ó", "ù", "ú", "ý", "ỳ", "ỵ",
					      "a", "m", "rn", "1", "l", "I", "0", "O", "_", "x", "ß", "ø", "ħ" };
	unsigned seed = 777;
	for (int k = 0; k < 100000; k++) {
		char id[128] = "";
		size_t n = 1 + (seed = seed * 1103515245u + 12345u) % 12;
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			strcat(id, pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)]);
		}
		expect_as_icu(id);
	}
}

static void random_ascii_ids(void **state)
{
	(void)state;
	static const char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.`|\"m1I0";
	unsigned seed = 12345;
	for (int k = 0; k < 100000; k++) {
		char id[24];
		size_t n = 1 + (seed = seed * 1103515245u + 12345u) % 20;
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			id[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
		}
		id[n] = '\0';
		expect_as_icu(id);
	}
}

static void other_ids_go_to_icu(void **state)
{
	(void)state;
	static const char *const ids[] = { "ủy_ban_xã", "tinh_u\xD1\x83", "\xCE\xB1\xCE\xB2", "a%b", "Đảng_ủy" };
	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++)
		expect_as_icu(ids[i]);
	/* long ids, past the stack buffer the table's skeleton starts in */
	for (int n = 60; n <= 300; n += 40) {
		kh_buf b = { 0 };
		for (int i = 0; i < n; i++)
			kh_buf_puts(&b, i % 3 ? "ệ" : "m");
		expect_as_icu(kh_buf_cstr(&b));
	}
	/* "rn" and "m" look alike: one skeleton */
	assert_string_equal(kh_skeleton("rn_x"), kh_skeleton("m_x"));
	assert_string_not_equal(kh_skeleton("ban"), kh_skeleton("bam"));
}

static void mixed_scripts(void **state)
{
	(void)state;
	assert_false(kh_mixes_scripts("tinh_uy"));
	assert_false(kh_mixes_scripts("ủy_ban_xã"));
	assert_true(kh_mixes_scripts("tinh_u\xD1\x83")); /* Cyrillic у */
	assert_true(kh_mixes_scripts("\xCE\xB1lpha"));    /* Greek α */
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_ascii_character),
		cmocka_unit_test(random_ascii_ids),
		cmocka_unit_test(every_table_character),
		cmocka_unit_test(random_vietnamese_ids),
		cmocka_unit_test(other_ids_go_to_icu),
		cmocka_unit_test(mixed_scripts),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	kh_skeleton_close();
	return failed;
}

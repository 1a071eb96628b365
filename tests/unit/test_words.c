/*
 * test_words.c - the words of prose (prose_words.c): the split, read
 * eight bytes at a time, gives the words a byte-by-byte reading gives,
 * wherever the spaces fall against those eight bytes; the folded word's
 * hash reads every byte of the word; the fold cache tells apart words
 * that differ in one byte, at every length, and words of one hash.
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
#include "names.h"
#include "prose_words.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* The runs of non-space bytes of T, byte by byte: [s, e) pairs in OUT. */
static size_t runs_reference(const char *t, size_t len, size_t (*out)[2])
{
	size_t n = 0, i = 0;
	while (i < len) {
		while (i < len && is_space(t[i]))
			i++;
		if (i >= len)
			break;
		out[n][0] = i;
		while (i < len && !is_space(t[i]))
			i++;
		out[n++][1] = i;
	}
	return n;
}

/* Words of letters only (no marks to strip), spaces of every kind at every
 * offset from the start of the text, and bytes below '!' that are no
 * space inside words: each split as the reference splits it, both with a
 * fresh room and a reused one. */
static void test_split_matches_bytewise(void **state)
{
	(void)state;
	static const char fill[] = "abcdefghijklmnopqrstuvwxyzĐđươ";
	const char spaces[] = { ' ', '\t', '\n', '\r', '\v', '\f' };
	kh_words_buf room = { 0 };
	char t[96];
	size_t want[96][2];
	unsigned seed = 7;
	for (int round = 0; round < 4000; round++) {
		size_t len = (size_t)(round % 90) + 1;
		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = (seed >> 16) % 16;
			t[i] = r < 3 ? spaces[(seed >> 8) % 6] : r == 3 ? '\x01' : fill[(seed >> 4) % 26];
		}
		size_t n = runs_reference(t, len, want);
		kh_vec fresh = kh_words_split(t, len), reused = kh_words_split_reusing(t, len, &room);
		assert_int_equal(fresh.n, n);
		assert_int_equal(reused.n, n);
		for (size_t k = 0; k < n; k++) {
			assert_int_equal(KH_WORD(fresh, k)->s, want[k][0]);
			assert_int_equal(KH_WORD(fresh, k)->e, want[k][1]);
			assert_int_equal(KH_WORD(reused, k)->s, want[k][0]);
			assert_int_equal(KH_WORD(reused, k)->e, want[k][1]);
		}
	}
}

/* Marks still come off both ends when the word is read in eights. */
static void test_split_strips_marks(void **state)
{
	(void)state;
	const char *t = "(Ủy ban nhân dân tỉnh), “Sở Nội vụ” và «Ban» ... ./";
	kh_vec ws = kh_words_split(t, strlen(t));
	const char *want[] = { "Ủy", "ban", "nhân", "dân", "tỉnh", "Sở", "Nội", "vụ", "và", "Ban" };
	assert_int_equal(ws.n, sizeof want / sizeof *want);
	for (size_t k = 0; k < ws.n; k++) {
		const kh_word *w = KH_WORD(ws, k);
		assert_int_equal(w->e - w->s, strlen(want[k]));
		assert_memory_equal(t + w->s, want[k], w->e - w->s);
	}
	assert_true(KH_WORD(ws, 0)->lead);
	assert_true(KH_WORD(ws, 4)->trail);
	assert_true(KH_WORD(ws, 5)->lead);
	assert_true(KH_WORD(ws, 7)->trail);
}

/* Changing any one byte of a word, at any length, changes its hash: no
 * byte goes unread by the overlapping loads. */
static void test_hash_reads_every_byte(void **state)
{
	(void)state;
	char a[48], b[48];
	for (size_t n = 1; n <= 40; n++) {
		for (size_t i = 0; i < n; i++)
			a[i] = (char)('a' + (i * 7) % 26);
		uint32_t h = kh_fold_hash(a, n);
		for (size_t i = 0; i < n; i++) {
			for (int d = 1; d <= 3; d++) {
				memcpy(b, a, n);
				b[i] = (char)(b[i] + d);
				assert_int_not_equal(kh_fold_hash(b, n), h);
			}
		}
		/* one byte longer, the same bytes first: another hash */
		a[n] = a[0];
		assert_int_not_equal(kh_fold_hash(a, n + 1), h);
	}
}

/* Words one byte apart, at every length, are folded each to its own
 * form (the cache compares their bytes in loads of four and eight), and a
 * word's hash is its fold's. */
static void test_fold_cache_tells_words_apart(void **state)
{
	(void)state;
	char text[64 * 48];
	size_t at = 0;
	for (size_t n = 1; n <= 40; n++)
		for (int v = 0; v < 2; v++) {
			for (size_t i = 0; i < n; i++)
				text[at + i] = (char)('A' + (i % 26));
			if (v)
				text[at + n / 2] = 'z';
			text[at + n] = ' ';
			at += n + 1;
		}
	kh_vec ws = kh_words_split(text, at);
	assert_int_equal(ws.n, 80);
	for (size_t k = 0; k < ws.n; k++) {
		kh_word *w = KH_WORD(ws, k);
		const char *f = kh_word_fold(text, w);
		const char *want = kh_text_fold(kh_strndup(text + w->s, w->e - w->s));
		assert_string_equal(f, want);
		assert_int_equal(kh_word_fold_hash(text, w), kh_fold_hash(f, strlen(f)));
	}
}

/* Two words of LEN lowercase letters whose hashes are the same, alike
 * but in their first VARY letters, found by trying words until two meet
 * (about 2^16 tries for 32 bits). */
static void colliding_words(size_t len, size_t vary, char *a, char *b)
{
	enum { SLOTS = 1 << 21 };
	uint32_t *hashes = kh_alloc_atomic(SLOTS * sizeof *hashes);
	uint32_t *seeds = kh_alloc_atomic(SLOTS * sizeof *seeds);
	memset(hashes, 0, SLOTS * sizeof *hashes);
	for (uint32_t seed = 1; seed < SLOTS; seed++) {
		uint32_t x = seed;
		for (size_t i = 0; i < len; i++, x = x * 1664525u + 1013904223u)
			a[i] = i < vary ? (char)('a' + (x >> 24) % 26) : 'q';
		uint32_t h = kh_fold_hash(a, len) | 1;
		size_t j = h & (SLOTS - 1);
		for (; hashes[j]; j = (j + 1) & (SLOTS - 1)) {
			if (hashes[j] != h)
				continue;
			x = seeds[j];
			for (size_t i = 0; i < len; i++, x = x * 1664525u + 1013904223u)
				b[i] = i < vary ? (char)('a' + (x >> 24) % 26) : 'q';
			if (kh_fold_hash(b, len) == kh_fold_hash(a, len) && memcmp(a, b, len))
				return;
		}
		hashes[j] = h;
		seeds[j] = seed;
	}
	fail_msg("no two words of %zu letters with one hash", len);
}

/* Two words of one hash and one length are still two words to the fold
 * cache: it compares their bytes (by loads of four, of eight, or memcmp),
 * the first ones too (the words of 16 and 20 letters differ only there). */
static void test_fold_cache_colliding_hashes(void **state)
{
	(void)state;
	const size_t lens[] = { 5, 16, 20 }, vary[] = { 5, 5, 5 };
	for (size_t k = 0; k < sizeof lens / sizeof *lens; k++) {
		char a[32] = { 0 }, b[32] = { 0 }, text[80];
		colliding_words(lens[k], vary[k], a, b);
		int n = snprintf(text, sizeof text, "%s %s", a, b);
		kh_vec ws = kh_words_split(text, (size_t)n);
		assert_int_equal(ws.n, 2);
		assert_string_equal(kh_word_fold(text, KH_WORD(ws, 0)), a);
		assert_string_equal(kh_word_fold(text, KH_WORD(ws, 1)), b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_matches_bytewise),
		cmocka_unit_test(test_split_strips_marks),
		cmocka_unit_test(test_hash_reads_every_byte),
		cmocka_unit_test(test_fold_cache_tells_words_apart),
		cmocka_unit_test(test_fold_cache_colliding_hashes),
	};
	kh_alloc_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}

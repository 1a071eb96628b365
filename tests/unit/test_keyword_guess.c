/*
 * test_keyword_guess.c - which keyword a mistyped word was meant to be:
 * folding (capitals and diacritics set aside), the edit distance allowed
 * by length, the spelling shown, two meanings that fit as well, the
 * tokens a place allows; and the alternative spellings keywords.def
 * accepts as keywords ('kí' = 'ký').
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "parse.h"
#include "parser.h"

static kh_kw_guess guess(const char *word)
{
	return kh_keyword_guess(word, strlen(word), NULL, 0);
}

static void expect_guess(const char *word, int token, const char *spelling, int case_only)
{
	kh_kw_guess g = guess(word);
	if (g.n != 1 || g.token != token || strcmp(g.spelling[0], spelling))
		print_message("'%s': %d guesses, first '%s'\n", word, g.n,
			      g.n ? g.spelling[0] : "");
	assert_int_equal(g.n, 1);
	assert_int_equal(g.token, token);
	assert_string_equal(g.spelling[0], spelling);
	assert_int_equal(g.case_only, case_only);
}

static void test_fold(void **state)
{
	(void)state;
	assert_string_equal(kh_keyword_fold("Nhiệm_vụ", strlen("Nhiệm_vụ")), "nhiem_vu");
	assert_string_equal(kh_keyword_fold("ĐỀ  CƯƠNG", strlen("ĐỀ  CƯƠNG")), "de_cuong");
	assert_string_equal(kh_keyword_fold("thừa_ủy_quyền", strlen("thừa_ủy_quyền")),
			    "thua_uy_quyen");
	assert_string_equal(kh_keyword_fold("kí", 3), "ki");
}

/* One mark missing or wrong, a capital, English in capitals: the keyword,
 * spelt as closest to what was typed. */
static void test_marks_and_capitals(void **state)
{
	(void)state;
	expect_guess("nhiệm_vu", T_TASK, "nhiệm_vụ", 0);
	expect_guess("nhiem_vụ", T_TASK, "nhiệm_vụ", 0);
	expect_guess("Nhiệm_vụ", T_TASK, "nhiệm_vụ", 1);
	expect_guess("NHIỆM_VỤ", T_TASK, "nhiệm_vụ", 1);
	expect_guess("Nhiem_vu", T_TASK, "nhiem_vu", 1);
	expect_guess("Task", T_TASK, "task", 1);
	expect_guess("Nơi nhận", T_RECIPIENTS, "nơi_nhận", 1);
	expect_guess("mục_dích", T_PURPOSE, "mục_đích", 0);
	expect_guess("trươc", T_BEFORE, "trước", 0);
	expect_guess("Kế_hoạch", T_KIND, "kế_hoạch", 1);
	/* Marks typed, some wrong: the spelling with marks, though the plain
	 * one is as near ('kê_hoach' is one slip from 'ke_hoach', two from
	 * 'kế_hoạch'); no marks typed: the plain one. */
	expect_guess("kê_hoach", T_KIND, "kế_hoạch", 0);
	expect_guess("nhiêm_vu", T_TASK, "nhiệm_vụ", 0);
	expect_guess("ke_hoachh", T_KIND, "ke_hoach", 0);
}

/* Past the marks, one slip is allowed from five letters, two from nine;
 * shorter words must fold to the keyword exactly. */
static void test_distance_by_length(void **state)
{
	(void)state;
	expect_guess("nhiem_vuu", T_TASK, "nhiem_vu", 0);   /* 9 letters: 1 slip */
	expect_guess("phôi_hơp", T_COOPERATE, "phối_hợp", 0);
	expect_guess("thanh_phn", T_ATTENDEES, "thanh_phan", 0);
	expect_guess("khen_thuongg", T_AWARDS, "khen_thuong", 0);
	assert_int_equal(guess("ga").n, 0);               /* not 'la', 'du' … */
	assert_int_equal(guess("han_x").n, 0);            /* 5 letters, 2 slips */
	assert_int_equal(guess("ubnd_tinh").n, 0);
	assert_int_equal(guess("bc").n, 0);
}

/* Two meanings that fit as well: both are named, neither chosen. */
static void test_two_meanings(void **state)
{
	(void)state;
	kh_kw_guess g = guess("mòi");
	assert_int_equal(g.n, 2);
	const char *a = g.spelling[0], *b = g.spelling[1];
	assert_true((!strcmp(a, "mời") && !strcmp(b, "mỗi")) ||
		    (!strcmp(a, "mỗi") && !strcmp(b, "mời")));
}

/* Only the keywords that fit where the word stands are guessed. */
static void test_tokens_allowed(void **state)
{
	(void)state;
	const int before[] = { T_BEFORE }, within[] = { T_WITHIN, T_ON };
	kh_kw_guess g = kh_keyword_guess("trươc", strlen("trươc"), before, 1);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.spelling[0], "trước");
	assert_int_equal(kh_keyword_guess("trươc", strlen("trươc"), within, 2).n, 0);
	const int *stmt;
	size_t n = kh_statement_tokens(&stmt);
	g = kh_keyword_guess("Giao", 4, stmt, n);
	assert_int_equal(g.token, T_ASSIGN);
	assert_int_equal(kh_keyword_guess("trươc", strlen("trươc"), stmt, n).n, 0);
	int has_task = 0, has_before = 0;
	for (size_t i = 0; i < n; i++) {
		has_task |= stmt[i] == T_TASK;
		has_before |= stmt[i] == T_BEFORE;
	}
	assert_true(has_task && !has_before);
}

/* Spellings Vietnamese allows are keywords of their own, not guesses. */
static void test_alternative_spellings(void **state)
{
	(void)state;
	const struct { const char *a, *b; } same[] = {
		{ "kí", "ký" }, { "ki", "ky" }, { "đã_kí", "đã_ký" }, { "da_ki", "da_ky" },
		{ "kí_thay", "ký_thay" }, { "ki_thay", "ky_thay" }, { "định_kì", "định_kỳ" },
		{ "dinh_ki", "dinh_ky" }, { "theo_định_kì", "theo_định_kỳ" },
		{ "thừa_uỷ_quyền", "thừa_ủy_quyền" },
	};
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		int va = -1, vb = -2;
		int ta = kh_keyword(same[i].a, strlen(same[i].a), &va);
		int tb = kh_keyword(same[i].b, strlen(same[i].b), &vb);
		if (!ta || ta != tb || va != vb)
			print_message("'%s' is not '%s'\n", same[i].a, same[i].b);
		assert_true(ta && ta == tb && va == vb);
	}
	/* Messages still name the usual spelling. */
	assert_string_equal(kh_token_english(T_SIGN), "'ký' (sign)");
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_marks_and_capitals),
		cmocka_unit_test(test_distance_by_length),
		cmocka_unit_test(test_two_meanings),
		cmocka_unit_test(test_tokens_allowed),
		cmocka_unit_test(test_alternative_spellings),
	};
	return cmocka_run_group_tests_name("keyword_guess", tests, NULL, NULL);
}

/*
 * test_criteria_imply.c - whether one award criterion implies another
 * (criteria_imply.c): counts by year over windows of different lengths
 * and value sets, bounds on numbers and dates, chưa_khen of a class and
 * of a narrower one, and/or taken apart; and the UNKNOWN answers that keep
 * criteria-looser-than-law quiet where it cannot tell.
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "criteria_imply.h"
#include "resolve.h"

/* The two rules' expressions of a plan whose only form has 'điều "p" P'
 * and 'điều "q" Q', over attributes of every type. */
static void two_rules(const char *p, const char *q, const kh_cexpr **pe, const kh_cexpr **qe)
{
	const char *text = kh_printf(
		"cơ_quan ubnd \"Ủy ban nhân dân tỉnh\"\n"
		"kế_hoạch \"1/KH-UBND\" {\n"
		"  ban_hành ubnd\n"
		"  ngày 1/6/2025\n"
		"  khen_thưởng {\n"
		"    thuộc_tính { a \"A\" số; b \"B\" số; x \"X\" có_không; y \"Y\" có_không\n"
		"      d \"D\" ngày; r \"R\" theo_năm; k \"K\" khen }\n"
		"    hình_thức f \"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh\" {\n"
		"      loại \"Bằng khen\"\n"
		"      tiêu_chuẩn {\n"
		"        điều \"p\" %s\n"
		"        điều \"q\" %s\n"
		"      }\n"
		"    }\n"
		"  }\n"
		"}\n", p, q);
	kh_diags d = { 0 };
	kh_resolve_opts opts = { .no_prelude = true };
	kh_program *prog = kh_resolve_bytes("t.kh", text, strlen(text), &opts, &d);
	assert_non_null(prog);
	assert_int_equal(d.errors, 0);
	const kh_award_form *f = prog->plan->award_forms.items[0];
	assert_int_equal(f->rules.n, 2);
	*pe = ((const kh_crit_rule *)f->rules.items[0])->expr;
	*qe = ((const kh_crit_rule *)f->rules.items[1])->expr;
}

static kh_implied implies(const char *p, const char *q)
{
	const kh_cexpr *pe, *qe;
	two_rules(p, q, &pe, &qe);
	return kh_criteria_implies(pe, qe, "Bằng khen", NULL);
}

static void test_counts(void **state)
{
	(void)state;
	assert_int_equal(implies("liên_tục 3 năm r = \"HTXSNV\"", "liên_tục 2 năm r = \"HTXSNV\""),
			 KH_IMPLIED_YES);
	assert_int_equal(implies("liên_tục 2 năm r = \"HTXSNV\"", "liên_tục 3 năm r = \"HTXSNV\""),
			 KH_IMPLIED_NO);
	/* 3 in 5 years may leave 1 in the last 3; 4 in 5 leaves 2 */
	assert_int_equal(implies("ít_nhất 3 trong 5 năm r = \"A\"", "ít_nhất 2 trong 3 năm r = \"A\""),
			 KH_IMPLIED_NO);
	assert_int_equal(implies("ít_nhất 4 trong 5 năm r = \"A\"", "ít_nhất 2 trong 3 năm r = \"A\""),
			 KH_IMPLIED_YES);
	/* a shorter window holds its matches inside the longer one */
	assert_int_equal(implies("ít_nhất 2 trong 2 năm r = \"A\"", "ít_nhất 2 trong 5 năm r = \"A\""),
			 KH_IMPLIED_YES);
	assert_int_equal(implies("liên_tục 2 năm r = \"A\"", "ít_nhất 1 trong 1 năm r trong [\"A\", \"B\"]"),
			 KH_IMPLIED_YES);
	assert_int_equal(implies("ít_nhất 1 trong 1 năm r trong [\"A\", \"B\", \"C\"]",
				 "ít_nhất 1 trong 1 năm r trong [\"A\", \"B\"]"), KH_IMPLIED_NO);
	/* other years, or NE, are not compared */
	assert_int_equal(implies("liên_tục 2 năm r = \"A\" đến 2022", "liên_tục 1 năm r = \"A\""),
			 KH_IMPLIED_UNKNOWN);
	assert_int_equal(implies("liên_tục 2 năm r != \"A\"", "liên_tục 2 năm r != \"A\""),
			 KH_IMPLIED_YES); /* the same expression, written the same way */
	assert_int_equal(implies("liên_tục 3 năm r != \"A\"", "liên_tục 1 năm r != \"A\""),
			 KH_IMPLIED_UNKNOWN);
}

static void test_bounds(void **state)
{
	(void)state;
	assert_int_equal(implies("a >= 5", "a >= 3"), KH_IMPLIED_YES);
	assert_int_equal(implies("a >= 3", "a >= 5"), KH_IMPLIED_NO);
	assert_int_equal(implies("a > 1", "a >= 2"), KH_IMPLIED_UNKNOWN); /* whole numbers: it does */
	assert_int_equal(implies("a > 1", "a >= 3"), KH_IMPLIED_NO);
	assert_int_equal(implies("a = 70", "a >= 70"), KH_IMPLIED_YES);
	assert_int_equal(implies("5 <= a", "a >= 5"), KH_IMPLIED_YES);
	assert_int_equal(implies("a <= 30", "a <= 40"), KH_IMPLIED_YES);
	assert_int_equal(implies("a <= 50", "a < 40"), KH_IMPLIED_NO);
	assert_int_equal(implies("a <= 50", "a >= 40"), KH_IMPLIED_UNKNOWN);
	assert_int_equal(implies("d <= 1/1/2019", "d <= 1/1/2020"), KH_IMPLIED_YES);
	assert_int_equal(implies("d <= 1/1/2021", "d <= 1/1/2020"), KH_IMPLIED_NO);
	assert_int_equal(implies("b >= 9", "a >= 1"), KH_IMPLIED_UNKNOWN);
}

static void test_not_awarded(void **state)
{
	(void)state;
	/* no Bằng khen at all: no Bằng khen of the chairman either */
	assert_int_equal(implies("chưa_khen 3 năm", "chưa_khen \"Bằng khen của Chủ tịch\" 2 năm"),
			 KH_IMPLIED_YES);
	assert_int_equal(implies("chưa_khen \"Bằng khen của Chủ tịch\" 3 năm", "chưa_khen \"Bằng khen\" 2 năm"),
			 KH_IMPLIED_UNKNOWN);
	assert_int_equal(implies("chưa_khen \"Giấy khen\" 1 năm", "chưa_khen \"Giấy khen\" 2 năm"),
			 KH_IMPLIED_NO);
}

static void test_and_or(void **state)
{
	(void)state;
	assert_int_equal(implies("x và a >= 2", "a >= 2"), KH_IMPLIED_YES);
	assert_int_equal(implies("a >= 2", "x hoặc a >= 1"), KH_IMPLIED_YES);
	assert_int_equal(implies("a >= 1 và x", "a >= 2"), KH_IMPLIED_NO);
	assert_int_equal(implies("a >= 1 và a <= 5", "a >= 2"), KH_IMPLIED_UNKNOWN);
	assert_int_equal(implies("a >= 3 hoặc b >= 1", "a >= 2"), KH_IMPLIED_UNKNOWN);
	assert_int_equal(implies("a >= 1 hoặc x", "a >= 2"), KH_IMPLIED_NO);
	assert_int_equal(implies("a >= 5", "a >= 3 và b >= 1"), KH_IMPLIED_UNKNOWN);
	assert_int_equal(implies("a >= 1", "a >= 3 và b >= 1"), KH_IMPLIED_NO);
	/* an or of the law is not taken apart for NO */
	assert_int_equal(implies("a >= 1", "a >= 2 hoặc b >= 2"), KH_IMPLIED_UNKNOWN);
	assert_int_equal(implies("không x", "không x"), KH_IMPLIED_YES);
}

static void test_why_and_checkable(void **state)
{
	(void)state;
	const kh_cexpr *p, *q;
	const char *why = "unset";
	two_rules("liên_tục 2 năm r = \"A\"", "liên_tục 3 năm r = \"A\" và a >= 2", &p, &q);
	assert_int_equal(kh_criteria_implies(p, q, NULL, &why), KH_IMPLIED_NO);
	assert_non_null(why);
	assert_non_null(strstr(why, "liên_tục 2 năm r"));
	assert_true(kh_cexpr_checkable(q));
	assert_true(kh_cexpr_share_attr(p, q));
	two_rules("x hoặc a >= 2", "chưa_khen 2 năm", &p, &q);
	assert_false(kh_cexpr_checkable(p));
	assert_true(kh_cexpr_checkable(q));
	assert_false(kh_cexpr_share_attr(p, q));
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_not_awarded),
		cmocka_unit_test(test_and_or),
		cmocka_unit_test(test_why_and_checkable),
	};
	return cmocka_run_group_tests_name("criteria_imply", tests, NULL, NULL);
}

/*
 * test_awards.c - the screening of nominees (awards_screen.c,
 * awards_eval.c, awards_rank.c): every operator true and false, with the
 * reason it gives; exceptions and exclusions; blank cells read and not
 * read; ranking with ties; quotas total, per kind and per value; the
 * form's đối_tượng; columns and years the file lacks.
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "awards_screen.h"
#include "resolve.h"
#include "source.h"

static kh_diags d;

/* A plan of one form whose rules are RULES (lines of tiêu_chuẩn), with
 * QUOTA and RANK lines (may be ""), over attributes of every type. */
static const kh_plan *plan(const char *rules, const char *more)
{
	const char *text = kh_printf(
		"kế_hoạch \"1/KH-X\" {\n"
		"  ngày 10/5/2025\n"
		"  khen_thưởng {\n"
		"    thuộc_tính {\n"
		"      mã \"Mã\" chữ khóa\n"
		"      tên \"Tên\" chữ\n"
		"      kiểu \"Đối tượng\" chữ\n"
		"      đơn_vị \"Đơn vị\" chữ\n"
		"      số_năm \"Số năm\" số\n"
		"      ngày_vào \"Ngày vào\" ngày\n"
		"      đv \"Đảng viên\" có_không\n"
		"      xl \"Xếp loại\" theo_năm\n"
		"      khen \"Đã khen\" khen\n"
		"    }\n"
		"    hình_thức f \"Giấy khen\" {\n"
		"      loại \"Giấy khen\"\n"
		"      tiêu_chuẩn {\n%s\n      }\n"
		"%s\n"
		"    }\n"
		"  }\n"
		"}\n",
		rules, more);
	memset(&d, 0, sizeof d);
	kh_resolve_opts opts = { 0 };
	kh_program *p = kh_resolve_bytes("t.kh", text, strlen(text), &opts, &d);
	if (d.errors) {
		kh_buf out = { 0 };
		kh_diags_print_text(&d, &out, 0);
		print_message("%s", kh_buf_cstr(&out));
	}
	assert_int_equal(d.errors, 0);
	return p->plan;
}

static const char *HEADER = "Mã,Tên,Đối tượng,Đơn vị,Số năm,Ngày vào,Đảng viên,Xếp loại 2022,"
			    "Xếp loại 2023,Xếp loại 2024,Đã khen\n";

static const kh_form_screening *screen(const kh_plan *p, const char *rows)
{
	const char *csv = kh_printf("%s%s", HEADER, rows);
	memset(&d, 0, sizeof d);
	kh_nominees *t = kh_nominees_read("n.csv", csv, strlen(csv), &d);
	assert_non_null(t);
	kh_screening *s = kh_awards_screen(p, t, NULL, &d);
	assert_int_equal(s->forms.n, 1);
	return s->forms.items[0];
}

/* The verdict of the one nominee, and its reason. */
static const char *why_rejected(const kh_form_screening *fs)
{
	assert_int_equal(fs->rejected.n, 1);
	return ((const kh_nominee_result *)fs->rejected.items[0])->why;
}

static void expect_eligible(const char *rules, const char *row)
{
	const kh_form_screening *fs = screen(plan(rules, ""), row);
	if (fs->ranked.n != 1 && fs->rejected.n)
		print_message("rejected: %s\n",
			      ((const kh_nominee_result *)fs->rejected.items[0])->why);
	assert_int_equal(fs->ranked.n, 1);
}

static void expect_rejected(const char *rules, const char *row, const char *why)
{
	const kh_form_screening *fs = screen(plan(rules, ""), row);
	assert_int_equal(fs->ranked.n, 0);
	const char *got = why_rejected(fs);
	if (strcmp(got, why))
		print_message("got:  %s\nwant: %s\n", got, why);
	assert_string_equal(got, why);
}

static const char *ROW = "A1,Lan,cá nhân,Sở Nội vụ,12,01/09/2010,có,HTTNV,HTXSNV,HTXSNV,"
			 "Giấy khen 2021\n";

static void test_comparisons(void **state)
{
	(void)state;
	expect_eligible("điều \"a\" số_năm >= 12", ROW);
	expect_rejected("điều \"a\" số_năm > 12", ROW, "số_năm is 12, needs > 12");
	expect_eligible("điều \"a\" số_năm < 13 và số_năm <= 12 và số_năm != 11", ROW);
	/* Decimals: "62.5" in a rule, as in a cell. */
	expect_eligible("điều \"a\" số_năm > 11.75 và số_năm < 12.001", ROW);
	expect_rejected("điều \"a\" số_năm >= 12.5", ROW, "số_năm is 12, needs >= 12.5");
	expect_rejected("điều \"a\" số_năm = 11", ROW, "số_năm is 12, needs 11");
	expect_eligible("điều \"a\" ngày_vào < 1/1/2011", ROW);
	expect_rejected("điều \"a\" ngày_vào >= 2/9/2010", ROW, "ngày_vào is 1/9/2010, needs >= 2/9/2010");
	/* Texts compare after case folding. */
	expect_eligible("điều \"a\" kiểu = \"CÁ NHÂN\"", ROW);
	expect_rejected("điều \"a\" kiểu = \"tập thể\"", ROW,
			"kiểu is \"cá nhân\", needs \"tập thể\"");
	expect_rejected("điều \"a\" kiểu != \"cá nhân\"", ROW,
			"kiểu is \"cá nhân\", needs != \"cá nhân\"");
}

static void test_membership_and_ranges(void **state)
{
	(void)state;
	expect_eligible("điều \"a\" đơn_vị trong [\"Sở Tài chính\", \"sở nội vụ\"]", ROW);
	expect_rejected("điều \"a\" đơn_vị trong [\"Sở Tài chính\", \"Sở Y tế\"]", ROW,
			"đơn_vị is \"Sở Nội vụ\", needs one of \"Sở Tài chính\", \"Sở Y tế\"");
	expect_eligible("điều \"a\" số_năm từ 10 đến 12", ROW);
	expect_rejected("điều \"a\" số_năm từ 13 đến 20", ROW, "số_năm is 12, needs 13 to 20");
	expect_eligible("điều \"a\" ngày_vào từ 1/9/2010 đến 31/12/2010", ROW);
}

static void test_logic(void **state)
{
	(void)state;
	expect_eligible("điều \"a\" số_năm > 20 hoặc đv", ROW);
	expect_rejected("điều \"a\" số_năm > 20 hoặc không đv", ROW, "số_năm is 12, needs > 20; đv is có");
	expect_rejected("điều \"a\" đv và số_năm > 20", ROW, "số_năm is 12, needs > 20");
	expect_eligible("điều \"a\" không (số_năm > 20 và đv)", ROW);
	expect_rejected("điều \"a\" không (số_năm > 1 và đv)", ROW,
			"the condition after 'không' holds");
	/* và binds tighter than hoặc. */
	expect_eligible("điều \"a\" số_năm > 20 và đv hoặc số_năm = 12", ROW);
	expect_rejected("điều \"a\" đv và không đv", ROW, "đv is có");
	/* 'có' and 'không_có' as values. */
	expect_eligible("điều \"a\" đv = có", ROW);
	expect_rejected("điều \"a\" đv = không_có", ROW, "đv is có, needs không");
}

static void test_counts_by_year(void **state)
{
	(void)state;
	expect_eligible("điều \"a\" liên_tục 2 năm xl = \"HTXSNV\" đến 2024", ROW);
	expect_rejected("điều \"a\" liên_tục 3 năm xl = \"HTXSNV\" đến 2024", ROW,
			"xl 2022 is \"HTTNV\", needs 3 consecutive years HTXSNV up to 2024");
	expect_eligible("điều \"a\" ít_nhất 3 trong 3 năm xl trong [\"HTXSNV\", \"HTTNV\"] đến 2024",
			ROW);
	expect_rejected("điều \"a\" ít_nhất 3 trong 3 năm xl = \"HTXSNV\" đến 2024", ROW,
			"xl: 2 of 3 years HTXSNV up to 2024, needs 3");
	expect_rejected("điều \"a\" ít_nhất 1 trong 1 năm xl = \"HTTNV\" đến 2024", ROW,
			"xl 2024 is \"HTXSNV\", needs HTTNV");
	/* Without 'đến': the year before the plan's (10/5/2025). */
	expect_eligible("điều \"a\" liên_tục 2 năm xl = \"HTXSNV\"", ROW);
	/* A blank year is no rating: it matches nothing, and is no error. */
	const kh_form_screening *fs =
		screen(plan("điều \"a\" liên_tục 2 năm xl != \"KHTNV\" đến 2024", ""),
		       "A1,Lan,cá nhân,X,1,1/1/2020,,HTTNV,,HTXSNV,\n");
	assert_int_equal(fs->rejected.n, 1);
	assert_int_equal(d.errors, 0);
}

static void test_not_awarded(void **state)
{
	(void)state;
	expect_eligible("điều \"a\" chưa_khen 3 năm đến 2024", "A1,L,cá nhân,X,1,1/1/2020,,,,,Giấy khen 2021\n");
	expect_rejected("điều \"a\" chưa_khen 4 năm đến 2024",
			"A1,L,cá nhân,X,1,1/1/2020,,,,,Bằng khen 2023; giấy KHEN của Sở 2021\n",
			"awarded \"giấy KHEN của Sở\" in 2021, within 4 years up to 2024");
	expect_eligible("điều \"a\" chưa_khen \"Bằng khen\" 1 năm đến 2024",
			"A1,L,cá nhân,X,1,1/1/2020,,,,,Bằng khen 2023\n");
}

static void test_exceptions_and_exclusions(void **state)
{
	(void)state;
	expect_eligible("điều \"a\" số_năm > 20 trừ_khi \"đảng viên\" đv", ROW);
	expect_rejected("điều \"a\" số_năm > 20 trừ_khi \"b\" không đv", ROW, "số_năm is 12, needs > 20");
	expect_rejected("loại_trừ \"Đảng viên\" đv", ROW, "excluded: Đảng viên");
	expect_eligible("loại_trừ \"Không là đảng viên\" không đv", ROW);
	/* The first failing rule is the one reported. */
	const kh_form_screening *fs =
		screen(plan("điều \"a\" số_năm > 1\n điều \"b\" số_năm > 20\n điều \"c\" số_năm > 30", ""), ROW);
	assert_int_equal(((const kh_nominee_result *)fs->rejected.items[0])->rule, 2);
}

static void test_blank_cells(void **state)
{
	(void)state;
	const char *blank = "A1,L,cá nhân,X,,1/1/2020,,,,,\n";
	/* Read: the nominee is neither eligible nor rejected, and it is an error. */
	const kh_form_screening *fs = screen(plan("điều \"a\" số_năm >= 5", ""), blank);
	assert_int_equal(fs->unscreened.n, 1);
	assert_int_equal(fs->ranked.n + fs->rejected.n, 0);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.first->rule, "bad-cell");
	assert_non_null(strstr(d.first->message, "blank where a number is needed (số_năm)"));
	assert_non_null(strstr(d.first->message, "(column E)"));
	/* Not read ('hoặc' stops at a true left side): no error. */
	fs = screen(plan("điều \"a\" kiểu = \"cá nhân\" hoặc số_năm >= 5", ""), blank);
	assert_int_equal(fs->ranked.n, 1);
	assert_int_equal(d.errors, 0);
	/* A bad number takes the nominee out whether or not a rule reads it. */
	fs = screen(plan("điều \"a\" kiểu = \"cá nhân\"", ""), "A1,L,cá nhân,X,\"2,5\",1/1/2020,,,,,\n");
	assert_int_equal(fs->ranked.n + fs->rejected.n + fs->unscreened.n, 0);
	assert_int_equal(d.errors, 1);
}

static const char *MANY =
	"A1,An,cá nhân,U1,10,1/1/2010,,,,,\n"
	"A2,Bình,cá nhân,U1,12,1/1/2010,,,,,\n"
	"A3,Chi,tập thể,U2,12,1/1/2011,,,,,\n"
	"A4,Dũng,cá nhân,U2,12,1/1/2009,,,,,\n"
	"A5,Em,cá nhân,U3,8,1/1/2010,,,,,\n";

static unsigned line_at(const kh_form_screening *fs, size_t i)
{
	return (unsigned)((const kh_nominee_result *)fs->ranked.items[i])->row + 2;
}

static void test_ranking_and_ties(void **state)
{
	(void)state;
	const kh_form_screening *fs =
		screen(plan("điều \"a\" số_năm > 0", "xếp_hạng số_năm giảm, ngày_vào tăng\nsố_lượng 2"), MANY);
	assert_int_equal(fs->ranked.n, 5);
	assert_int_equal(fs->within, 2);
	/* 12 (2009), 12 (2010), 12 (2011), 10, 8. */
	unsigned want[] = { 5, 3, 4, 2, 6 };
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(line_at(fs, i), want[i]);
	assert_int_equal(fs->ties.n, 0);
	/* By năm alone: A2, A3, A4 tie and keep the file's order; the
	 * quota of 2 falls inside the tie. */
	fs = screen(plan("điều \"a\" số_năm > 0", "xếp_hạng số_năm giảm\nsố_lượng 2"), MANY);
	assert_int_equal(fs->ties.n, 1);
	const kh_tie *t = fs->ties.items[0];
	assert_int_equal(t->count, 3);
	assert_true(t->straddles);
	assert_int_equal(line_at(fs, 0), 3);
	assert_int_equal(line_at(fs, 1), 4);
}

static void test_quotas(void **state)
{
	(void)state;
	/* Per kind: 1 tập thể, 2 cá nhân. The kind is the attribute a rule
	 * compares with "cá nhân". */
	const kh_form_screening *fs =
		screen(plan("điều \"a\" kiểu = \"cá nhân\" hoặc kiểu = \"tập thể\"",
			    "số_lượng 01 tập_thể, 02 cá_nhân\nxếp_hạng số_năm giảm"),
		       MANY);
	assert_int_equal(fs->within, 3);
	assert_int_equal(line_at(fs, 0), 3); /* A2, cá nhân */
	assert_int_equal(line_at(fs, 1), 4); /* A3, tập thể */
	assert_int_equal(line_at(fs, 2), 5); /* A4, cá nhân */
	/* Per value, with an exception. */
	fs = screen(plan("điều \"a\" số_năm > 0", "số_lượng mỗi đơn_vị 1 { \"u1\" 2 }\nxếp_hạng số_năm tăng"),
		    MANY);
	assert_int_equal(fs->within, 4); /* U3's A5, U1's A1 and A2, U2's A3 */
	assert_int_equal(line_at(fs, 4), 5);
	assert_int_equal(((const kh_nominee_result *)fs->ranked.items[4])->verdict, KH_PAST_QUOTA);
}

static void test_who(void **state)
{
	(void)state;
	const kh_form_screening *fs =
		screen(plan("điều \"a\" kiểu != \"x\"", "đối_tượng cá_nhân"), MANY);
	assert_int_equal(fs->ranked.n, 4);
	assert_int_equal(fs->rejected.n, 1);
	const kh_nominee_result *r = fs->rejected.items[0];
	assert_int_equal(r->rule, 0);
	assert_string_equal(r->why, "the form is for cá nhân; this nominee is tập thể");
}

static void test_what_the_file_lacks(void **state)
{
	(void)state;
	const kh_plan *p = plan("điều \"a\" liên_tục 4 năm xl = \"HTXSNV\" đến 2024", "");
	const kh_form_screening *fs = screen(p, ROW);
	assert_int_equal(fs->status, KH_FORM_BROKEN);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.first->message, "'Xếp loại 2021'"));
	const char *csv = "Mã,Tên\nA1,Lan\n";
	memset(&d, 0, sizeof d);
	kh_nominees *t = kh_nominees_read("n.csv", csv, strlen(csv), &d);
	kh_screening *s = kh_awards_screen(plan("điều \"a\" số_năm > 1", ""), t, NULL, &d);
	assert_int_equal(((const kh_form_screening *)s->forms.items[0])->status, KH_FORM_BROKEN);
	assert_non_null(strstr(d.first->message, "no column 'Số năm'"));
}

static void test_duplicate_keys(void **state)
{
	(void)state;
	const kh_form_screening *fs = screen(plan("điều \"a\" số_năm > 0", ""),
					     "A1,An,cá nhân,U1,10,1/1/2010,,,,,\n"
					     "a1,Ba,cá nhân,U1,10,1/1/2010,,,,,\n");
	assert_int_equal(fs->ranked.n, 1);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.first->rule, "duplicate-key");
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comparisons),
		cmocka_unit_test(test_membership_and_ranges),
		cmocka_unit_test(test_logic),
		cmocka_unit_test(test_counts_by_year),
		cmocka_unit_test(test_not_awarded),
		cmocka_unit_test(test_exceptions_and_exclusions),
		cmocka_unit_test(test_blank_cells),
		cmocka_unit_test(test_ranking_and_ties),
		cmocka_unit_test(test_quotas),
		cmocka_unit_test(test_who),
		cmocka_unit_test(test_what_the_file_lacks),
		cmocka_unit_test(test_duplicate_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

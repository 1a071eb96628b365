/*
 * test_outline.c - Vietnamese numbering (Roman numerals, number words,
 * the letters of điểm with đ after d and no f/j/w/z, the scheme by depth)
 * and the attached outline of examples/250-KH-TU-2019.kh as Markdown and
 * HTML; a plan without an outline returns 1.
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <cmocka.h>

#include "alloc.h"
#include "emit.h"
#include "resolve.h"
#include "vn_numbering.h"

#define EXAMPLES KH_STDLIB_DIR "/../examples/"

static kh_program *load_example(const char *name)
{
	kh_diags d;
	memset(&d, 0, sizeof d);
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = KH_STDLIB_DIR;
	int io = 0;
	kh_program *p = kh_resolve_file(kh_printf("%s%s", EXAMPLES, name), &opts, &d, &io);
	assert_int_equal(io, 0);
	assert_non_null(p);
	assert_non_null(p->plan);
	return p;
}

/* Fails with the text around when NEEDLE is not in HAY. */
static void assert_contains(const char *hay, const char *needle)
{
	if (!strstr(hay, needle)) {
		print_error("expected to find \"%s\" in:\n%.2000s\n", needle, hay);
		fail();
	}
}

/* NEEDLE A comes before NEEDLE B in HAY. */
static void assert_before(const char *hay, const char *a, const char *b)
{
	const char *pa = strstr(hay, a), *pb = strstr(hay, b);
	assert_non_null(pa);
	assert_non_null(pb);
	assert_true(pa < pb);
}

static void test_roman(void **state)
{
	(void)state;
	assert_string_equal(kh_vn_roman(1), "I");
	assert_string_equal(kh_vn_roman(4), "IV");
	assert_string_equal(kh_vn_roman(9), "IX");
	assert_string_equal(kh_vn_roman(14), "XIV");
	assert_string_equal(kh_vn_roman(40), "XL");
	assert_string_equal(kh_vn_roman(90), "XC");
	assert_string_equal(kh_vn_roman(400), "CD");
	assert_string_equal(kh_vn_roman(2019), "MMXIX");
	assert_string_equal(kh_vn_roman(3999), "MMMCMXCIX");
	/* No standard Roman form: digits. */
	assert_string_equal(kh_vn_roman(4000), "4000");
	assert_string_equal(kh_vn_roman(0), "0");
	assert_string_equal(kh_vn_roman(-3), "-3");
}

static void test_letters(void **state)
{
	(void)state;
	static const char *const expected[] = {
		"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
		"n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
	};
	for (int i = 0; i < 23; i++)
		assert_string_equal(kh_vn_letter(i + 1), expected[i]);
	/* đ comes right after d; f, j, w and z never appear. */
	assert_string_equal(kh_vn_letter(4), "d");
	assert_string_equal(kh_vn_letter(5), "đ");
	for (long n = 1; n <= 23 * 24; n++) {
		const char *s = kh_vn_letter(n);
		assert_null(strpbrk(s, "fjwz"));
		assert_true(*s != '\0');
	}
	/* After y: doubled, like spreadsheet columns. */
	assert_string_equal(kh_vn_letter(24), "aa");
	assert_string_equal(kh_vn_letter(25), "ab");
	assert_string_equal(kh_vn_letter(28), "ađ");
	assert_string_equal(kh_vn_letter(46), "ay");
	assert_string_equal(kh_vn_letter(47), "ba");
	assert_string_equal(kh_vn_letter(23 + 23 * 23), "yy");
	assert_string_equal(kh_vn_letter(23 + 23 * 23 + 1), "aaa");
	assert_string_equal(kh_vn_letter(0), "");
	assert_string_equal(kh_vn_letter(-1), "");
}

static void test_number_words(void **state)
{
	(void)state;
	assert_string_equal(kh_vn_cardinal(0), "không");
	assert_string_equal(kh_vn_cardinal(5), "năm");
	assert_string_equal(kh_vn_cardinal(10), "mười");
	assert_string_equal(kh_vn_cardinal(11), "mười một");
	assert_string_equal(kh_vn_cardinal(14), "mười bốn");
	assert_string_equal(kh_vn_cardinal(15), "mười lăm");
	assert_string_equal(kh_vn_cardinal(20), "hai mươi");
	assert_string_equal(kh_vn_cardinal(21), "hai mươi mốt");
	assert_string_equal(kh_vn_cardinal(24), "hai mươi tư");
	assert_string_equal(kh_vn_cardinal(25), "hai mươi lăm");
	assert_string_equal(kh_vn_cardinal(100), "một trăm");
	assert_string_equal(kh_vn_cardinal(105), "một trăm linh năm");
	assert_string_equal(kh_vn_cardinal(110), "một trăm mười");
	assert_string_equal(kh_vn_cardinal(999), "chín trăm chín mươi chín");
	assert_string_equal(kh_vn_cardinal(1001), "một nghìn không trăm linh một");
	assert_string_equal(kh_vn_cardinal(1010), "một nghìn không trăm mười");
	assert_string_equal(kh_vn_cardinal(2019), "hai nghìn không trăm mười chín");
	assert_string_equal(kh_vn_cardinal(2000000), "hai triệu");
	assert_string_equal(kh_vn_cardinal(1000000000L), "một tỷ");
	assert_string_equal(kh_vn_cardinal(1000000000000L), "một nghìn tỷ");
	assert_string_equal(kh_vn_cardinal(-3), "âm ba");

	assert_string_equal(kh_vn_ordinal(1), "nhất");
	assert_string_equal(kh_vn_ordinal(2), "hai");
	assert_string_equal(kh_vn_ordinal(4), "tư");
	assert_string_equal(kh_vn_ordinal(5), "năm");
	assert_string_equal(kh_vn_ordinal(21), "hai mươi mốt");
	assert_string_equal(kh_vn_part_label(1, true), "Phần thứ nhất");
	assert_string_equal(kh_vn_part_label(2, true), "Phần thứ hai");
	assert_string_equal(kh_vn_part_label(3, true), "Phần thứ ba");
	assert_string_equal(kh_vn_part_label(4, true), "Phần thứ tư");
	assert_string_equal(kh_vn_part_label(5, true), "Phần thứ năm");
	assert_string_equal(kh_vn_part_label(2, false), "Phần II");
}

static void test_scheme(void **state)
{
	(void)state;
	assert_int_equal(kh_vn_style(1), KH_MARK_ROMAN);
	assert_int_equal(kh_vn_style(2), KH_MARK_ARABIC);
	assert_int_equal(kh_vn_style(3), KH_MARK_LETTER);
	assert_int_equal(kh_vn_style(4), KH_MARK_DASH);
	assert_int_equal(kh_vn_style(5), KH_MARK_PLUS);
	assert_int_equal(kh_vn_style(9), KH_MARK_PLUS);
	assert_string_equal(kh_vn_marker(1, 4), "IV.");
	assert_string_equal(kh_vn_marker(2, 12), "12.");
	assert_string_equal(kh_vn_marker(3, 5), "đ)");
	assert_string_equal(kh_vn_marker(3, 6), "e)");
	assert_string_equal(kh_vn_marker(4, 3), "-");
	assert_string_equal(kh_vn_marker(6, 1), "+");
}

static void test_upper(void **state)
{
	(void)state;
	assert_string_equal(kh_vn_upper("Ban Thường vụ Tỉnh ủy"), "BAN THƯỜNG VỤ TỈNH ỦY");
	assert_string_equal(kh_vn_upper("đảng ủy"), "ĐẢNG ỦY");
	assert_string_equal(kh_vn_upper(""), "");
}

/* The outline of 250-KH/TU: its name, title and the source's own "kèm
 * theo" line, then Phần thứ nhất/hai with I., 1., a) restarting per part. */
static void test_outline_md_250(void **state)
{
	(void)state;
	kh_program *p = load_example("250-KH-TU-2019.kh");
	kh_buf b = { 0 };
	assert_int_equal(kh_emit_outline_md(p, &b), 0);
	const char *md = kh_buf_cstr(&b);
	assert_contains(md, "# ĐỀ CƯƠNG\n");
	assert_contains(md, "**tổng kết 10 năm thực hiện Hướng dẫn 35-HD/BTCTW**");
	assert_contains(md, "*(kèm theo Kế hoạch số 250-KH/TU, ngày 16 tháng 8 năm 2019 của "
			    "Ban Thường vụ Tỉnh ủy)*");
	assert_contains(md, "## Phần thứ nhất\n");
	assert_contains(md, "## Phần thứ hai\n");
	assert_contains(md, "### I. CÔNG TÁC QUẢN TRIỆT, TRIỂN KHAI THỰC HIỆN\n");
	assert_contains(md, "### II. KẾT QUẢ THỰC HIỆN\n");
	assert_contains(md, "#### 1. Về việc thành lập");
	assert_contains(md, "##### a) Kết quả lãnh đạo Ban chỉ huy quân sự xã");
	assert_contains(md, "##### b) Xây dựng chi bộ");
	assert_contains(md, "##### c) Đánh giá việc thực hiện các mối quan hệ");
	assert_contains(md, "### III. ĐÁNH GIÁ CHUNG\n");
	assert_contains(md, "#### 4. Bài học kinh nghiệm.\n");
	/* Numbering restarts in Phần thứ hai. */
	assert_before(md, "## Phần thứ hai", "### I. Dự báo tình hình");
	assert_contains(md, "### IV. ĐỀ XUẤT, KIẾN NGHỊ\n");
	assert_contains(md, "- Công tác tổ chức quán triệt, triển khai thực hiện "
			    "Hướng dẫn 35-HD/BTCTW.\n");
	/* The order of the source. */
	assert_before(md, "Khái quát tình hình", "## Phần thứ nhất");
	assert_before(md, "### III. ĐÁNH GIÁ CHUNG", "## Phần thứ hai");
}

static void test_outline_html_250(void **state)
{
	(void)state;
	kh_program *p = load_example("250-KH-TU-2019.kh");
	kh_buf b = { 0 };
	assert_int_equal(kh_emit_outline_html(p, &b), 0);
	const char *h = kh_buf_cstr(&b);
	assert_true(!strncmp(h, "<!DOCTYPE html>\n<html lang=\"vi\">", 32));
	assert_contains(h, "<meta charset=\"utf-8\">");
	assert_contains(h, "<p class=\"att-name\">ĐỀ CƯƠNG</p>");
	assert_contains(h, "<p class=\"part\">Phần thứ nhất</p>");
	assert_contains(h, "<h2>I. CÔNG TÁC QUẢN TRIỆT, TRIỂN KHAI THỰC HIỆN</h2>");
	assert_contains(h, "<h4>a) Kết quả lãnh đạo");
	assert_contains(h, "<p>- Công tác tổ chức quán triệt");
	assert_contains(h, "</html>\n");
}

/* 297/HD-UBND's template: a state document, so "Phần I"; no "kèm theo"
 * line in the source, so one is built from the guidance. */
static void test_outline_built_line(void **state)
{
	(void)state;
	kh_program *p = load_example("297-HD-UBND-2019.kh");
	kh_buf b = { 0 };
	assert_int_equal(kh_emit_outline_md(p, &b), 0);
	const char *md = kh_buf_cstr(&b);
	assert_contains(md, "(Kèm theo Hướng dẫn số 297/HD-UBND ngày 27 tháng 5 năm 2019 của "
			    "Ủy ban nhân dân tỉnh)");
	assert_contains(md, "## Phần I\n");
	assert_contains(md, "## Phần II\n");
	/* A paragraph "* Đánh giá chung" must not become a list item. */
	assert_contains(md, "\\* Đánh giá chung");
	/* The template's header lines, as written. */
	assert_contains(md, "CƠ QUAN, ĐƠN VỊ, ĐỊA PHƯƠNG\\\n");

	/* An undated, unnumbered plan: blanks, never invented facts. */
	kh_program *q = load_example("KH-tinh-uy-CT10-2017.kh");
	kh_buf c = { 0 };
	assert_int_equal(kh_emit_outline_md(q, &c), 0);
	assert_contains(kh_buf_cstr(&c), "(Kèm theo Kế hoạch số \u00a0\u00a0\u00a0\u00a0-KH/TU "
					 "ngày … tháng … năm … của Ban Thường vụ Tỉnh uỷ)");
}

/* A plan without an outline: 1 and nothing written (the one-line message
 * goes to stderr, silenced here so the test log stays readable). */
static void test_no_outline(void **state)
{
	(void)state;
	kh_program *p = load_example("KH-dang-uy-xa-2023.kh");
	kh_buf b = { 0 };
	fflush(stderr);
	int saved = dup(2), null = open("/dev/null", O_WRONLY);
	assert_true(saved >= 0 && null >= 0);
	dup2(null, 2);
	int md = kh_emit_outline_md(p, &b);
	size_t md_len = b.len;
	int html = kh_emit_outline_html(p, &b);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	close(null);
	assert_int_equal(md, 1);
	assert_int_equal(md_len, 0);
	assert_int_equal(html, 1);
	assert_int_equal(b.len, 0);
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roman),
		cmocka_unit_test(test_letters),
		cmocka_unit_test(test_number_words),
		cmocka_unit_test(test_scheme),
		cmocka_unit_test(test_upper),
		cmocka_unit_test(test_outline_md_250),
		cmocka_unit_test(test_outline_html_250),
		cmocka_unit_test(test_outline_built_line),
		cmocka_unit_test(test_no_outline),
	};
	return cmocka_run_group_tests_name("outline", tests, NULL, NULL);
}

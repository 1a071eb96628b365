/*
 * test_nominees.c - the nominee CSV reader: BOM, both separators, quoted
 * fields with "" and line breaks (the rows after them), NFD names, the
 * header's checks, quoting errors, every typed reader good and bad with
 * the exact line:col, duplicate keys, and each limit at and just past it.
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
#include "diag.h"
#include "nominees.h"
#include "source.h"

static kh_diags d;

static kh_nominees *rd(const char *text)
{
	memset(&d, 0, sizeof d);
	return kh_nominees_read("t.csv", text, strlen(text), &d);
}

/* The findings as the user sees them. */
static const char *printed(void)
{
	kh_buf out = { 0 };
	kh_diags_sort(&d);
	kh_diags_print_text(&d, &out, 0);
	return kh_buf_cstr(&out);
}

/* The first finding starts "t.csv:WHERE: error: MSG". */
static void expect_error(const char *where, const char *msg)
{
	const char *p = printed();
	char *want = kh_printf("t.csv:%s: error: %s", where, msg);
	if (strncmp(p, want, strlen(want)))
		print_message("got:\n%s\nwant: %s\n", p, want);
	assert_true(!strncmp(p, want, strlen(want)));
}

static void expect_ok(const kh_nominees *n)
{
	if (!n || d.errors)
		print_message("%s", printed());
	assert_non_null(n);
	assert_int_equal(d.errors, 0);
}

static void test_comma_lf_and_bom_semicolon_crlf(void **state)
{
	(void)state;
	kh_nominees *n = rd("Mã,Họ và tên\n1,An\n2,Bình\n");
	expect_ok(n);
	assert_int_equal(n->sep, ',');
	assert_int_equal(n->ncols, 2);
	assert_int_equal(n->nrows, 2);
	assert_string_equal(n->rows[1][1].text, "Bình");
	assert_int_equal(n->rows[1][1].row, 3);
	assert_int_equal(n->rows[1][1].col, 2);

	n = rd("\xEF\xBB\xBFMã;Họ và tên;Đơn vị\r\n1;An;Sở Nội vụ, tỉnh\r\n\r\n\r\n");
	expect_ok(n);
	assert_int_equal(n->sep, ';');
	assert_int_equal(n->nrows, 1);
	assert_string_equal(n->header[0].text, "Mã"); /* the BOM is not part of it */
	assert_string_equal(n->rows[0][2].text, "Sở Nội vụ, tỉnh");
	assert_int_equal(kh_nominees_column(n, "  mà"), -1);
	assert_int_equal(kh_nominees_column(n, "  MÃ "), 0);
	assert_int_equal(kh_nominees_column(n, "họ VÀ tên"), 1);
}

/* A tie of separators, none included, is ','. */
static void test_separator_tie(void **state)
{
	(void)state;
	kh_nominees *n = rd("a;b,c\n1;2,3\n");
	expect_ok(n);
	assert_int_equal(n->sep, ',');
	assert_int_equal(n->ncols, 2);
	n = rd("\"a;b;c\",d\n1,2\n"); /* quoted separators do not count */
	expect_ok(n);
	assert_int_equal(n->sep, ',');
	n = rd("Mã\n1\n");
	expect_ok(n);
	assert_int_equal(n->ncols, 1);
}

static void test_quotes_and_embedded_line_breaks(void **state)
{
	(void)state;
	kh_nominees *n = rd("Mã,Ghi chú,Năm\r\n"
			    "1,\"nói \"\"tốt\"\"\r\ndòng hai\",2020\r\n"
			    "2,  \"  có khoảng  \"  ,x\r\n"
			    "3,b,2,5\r\n");
	/* The long record is reported and kept, marked bad; the others read. */
	assert_non_null(n);
	expect_error("5:7", "this record has 4 fields but the header has 3");
	assert_int_equal(n->nrows, 3);
	assert_false(n->bad[0]);
	assert_true(n->bad[2]);
	memset(&d, 0, sizeof d);
	n = rd("Mã,Ghi chú,Năm\r\n"
	       "0,  \"  có khoảng  \"  ,x\r\n"
	       "1,\"nói \"\"tốt\"\"\r\ndòng hai\",2020\r\n"
	       "2,\"a\nb\nc\",2021\n"
	       "3,b,1.5\n");
	expect_ok(n);
	assert_int_equal(n->nrows, 4);
	assert_string_equal(n->rows[0][1].text, "có khoảng");
	assert_string_equal(n->rows[1][1].text, "nói \"tốt\"\r\ndòng hai");
	assert_int_equal(n->rows[0][0].row, 2);
	assert_int_equal(n->rows[1][0].row, 3);
	assert_int_equal(n->rows[2][0].row, 5);
	assert_int_equal(n->rows[3][0].row, 8);
	assert_int_equal(n->rows[3][2].col, 3);
	/* An error in a cell after a line break points at its own line. */
	bool yes;
	assert_false(kh_cell_yesno(&n->rows[1][2], &yes, &d));
	expect_error("4:11", "'2020' is not yes or no");
	memset(&d, 0, sizeof d);
	double v;
	assert_false(kh_cell_number(&n->rows[2][1], &v, &d));
	expect_error("5:3", "'a\nb\nc' is not a number");
	memset(&d, 0, sizeof d);
	assert_false(kh_cell_yesno(&n->rows[3][2], &yes, &d));
	expect_error("8:5", "'1.5' is not yes or no");
}

/* "Nguyễn" in NFD (macOS) is the NFC name: same cell, same key. */
static void test_nfd_equals_nfc(void **state)
{
	(void)state;
	kh_nominees *n = rd("Mã,Tên\nNguye\xCC\x82\xCC\x83n,1\nNguy\xE1\xBB\x85n,2\n");
	expect_ok(n);
	assert_string_equal(n->rows[0][0].text, "Nguy\xE1\xBB\x85n");
	assert_false(kh_nominees_check_unique(n, 0, NULL, &d));
	expect_error("3:1", "'Nguyễn' is the key of the record on line 2 too");
	assert_non_null(strstr(printed(), "t.csv:2:1: note: first used here"));
	n = rd("H\xC6\xA1\xCC\x80 T\xC3\xAAn,x\n1,2\n"); /* "Hờ Tên", NFD header */
	expect_ok(n);
	assert_int_equal(kh_nominees_column(n, "hờ tên"), 0);
}

static void test_header_checks(void **state)
{
	(void)state;
	assert_null(rd("Mã,Tên, MÃ \n1,2,3\n"));
	expect_error("1:9", "the column 'MÃ' is named twice");
	assert_non_null(strstr(printed(), "t.csv:1:1: note: first named here"));
	assert_null(rd(""));
	assert_non_null(strstr(printed(), "holds no record"));
	assert_null(rd("\n\n,,\n"));
	/* Fewer fields: reported where the record ends (a line break outside
	 * quotes splits a record), kept with the rest blank, marked bad. */
	kh_nominees *n = rd("a,b,c\n1\n");
	assert_non_null(n);
	expect_error("2:1", "this record has 1 fields but the header has 3: it ends here");
	assert_true(n->bad[0]);
	memset(&d, 0, sizeof d);
	assert_string_equal(n->rows[0][2].text, "");
	assert_int_equal(n->rows[0][2].row, 2);
	assert_int_equal(n->rows[0][2].col, 3);
	double v;
	assert_false(kh_cell_number(&n->rows[0][2], &v, &d));
	expect_error("2:2", "blank where a number is needed");
	/* Too many: at the first extra field. */
	n = rd("a,b\n1,2\n1,2,  3,4\n");
	assert_true(n && !n->bad[0] && n->bad[1]);
	expect_error("3:7", "this record has 4 fields but the header has 2: this is the first "
		     "one too many");
	/* Blank records (",,") are skipped wherever they are. */
	n = rd("a,b\n,\n1,2\n,,,,\n");
	expect_ok(n);
	assert_int_equal(n->nrows, 1);
	assert_int_equal(n->rows[0][0].row, 3);
}

static void test_quoting_errors(void **state)
{
	(void)state;
	assert_null(rd("a,b\n1,\"open\n2,3\n"));
	expect_error("2:3", "the quote that opens this field is never closed");
	assert_null(rd("a,b\n1,ab\"c\n"));
	expect_error("2:5", "a quote inside a field that does not start with one");
	assert_null(rd("a,b\n1,\"ab\"c\n"));
	expect_error("2:7", "text after the closing quote of a field");
}

static void test_encoding_errors(void **state)
{
	(void)state;
	assert_null(rd("a,b\n1,\xFF\n"));
	expect_error("2:3", "invalid UTF-8 byte 0xFF");
	assert_null(rd("a,b\n1,x\x01y\n"));
	assert_int_equal(d.errors, 1);
}

static kh_nominees *one(const char *cell)
{
	kh_nominees *n = rd(kh_printf("Mã,Giá trị\n1,\"%s\"\n", cell));
	expect_ok(n);
	return n;
}

static void test_numbers(void **state)
{
	(void)state;
	double v;
	assert_true(kh_cell_number(&one("12")->rows[0][1], &v, &d));
	assert_true(v == 12.0);
	assert_true(kh_cell_number(&one(" 12.5 ")->rows[0][1], &v, &d));
	assert_true(v == 12.5);
	assert_false(kh_cell_number(&one("2,5")->rows[0][1], &v, &d));
	expect_error("2:3", "'2,5' is not a number: write 2.5, with a dot");
	const char *bad[] = { "12.", ".5", "1.2.3", "-3", "năm", "1e5", "1 000" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_false(kh_cell_number(&one(bad[i])->rows[0][1], &v, &d));
		expect_error("2:3", kh_printf("'%s' is not a number: write digits, with a dot before "
					      "any decimals (12.5)", bad[i]));
	}
	assert_true(kh_cell_number(&one("123456789012345")->rows[0][1], &v, &d));
	assert_false(kh_cell_number(&one("1234567890123456")->rows[0][1], &v, &d));
	expect_error("2:3", "'1234567890123456' has more than 15 digits");
	assert_false(kh_cell_number(&one("")->rows[0][1], &v, &d));
	expect_error("2:3", "blank where a number is needed");
}

static void test_dates(void **state)
{
	(void)state;
	kh_day v;
	const char *good[] = { "15/3/2010", "15/03/2010", "2010-03-15", "15-3-2010" };
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		assert_true(kh_cell_date(&one(good[i])->rows[0][1], &v, &d));
		assert_int_equal(v, kh_date_make(2010, 3, 15));
	}
	assert_false(kh_cell_date(&one("31/02/2020")->rows[0][1], &v, &d));
	expect_error("2:3", "'31/02/2020' is not a date: February 2020 has 29 days");
	assert_false(kh_cell_date(&one("1/13/2020")->rows[0][1], &v, &d));
	expect_error("2:3", "'1/13/2020' is not a date: month 13 does not exist");
	assert_false(kh_cell_date(&one("15/3/10")->rows[0][1], &v, &d));
	expect_error("2:3", "'15/3/10' is not a date: write D/M/YYYY (15/3/2010) or YYYY-MM-DD");
	assert_false(kh_cell_date(&one("")->rows[0][1], &v, &d));
	expect_error("2:3", "blank where a date is needed");
}

static void test_yesno(void **state)
{
	(void)state;
	const char *yes[] = { "có", "CÓ", "x", "X", "yes", "Yes", "1" };
	const char *no[] = { "không", "Không", "no", "NO", "0", "", "  " };
	bool v;
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
		assert_true(kh_cell_yesno(&one(yes[i])->rows[0][1], &v, &d));
		assert_true(v);
	}
	for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
		assert_true(kh_cell_yesno(&one(no[i])->rows[0][1], &v, &d));
		assert_false(v);
	}
	assert_false(kh_cell_yesno(&one("  đúng")->rows[0][1], &v, &d));
	expect_error("2:3", "'đúng' is not yes or no: write có, không, x, yes, no, 1 or 0 "
		     "(blank is không)");
}

static void test_lists_and_awards(void **state)
{
	(void)state;
	const char **it;
	kh_nominees *n = rd("Mã,Khen\n1,\"a ; b;;  c ;\"\n2,\n");
	expect_ok(n);
	assert_int_equal(kh_cell_list(&n->rows[0][1], &it), 3);
	assert_string_equal(it[0], "a");
	assert_string_equal(it[2], "c");
	assert_int_equal(kh_cell_list(&n->rows[1][1], &it), 0);

	kh_award_item *aw;
	size_t k;
	n = one("Bằng khen UBND tỉnh 2021; Giấy khen năm 2019");
	assert_true(kh_cell_awards(&n->rows[0][1], &aw, &k, &d));
	assert_int_equal(k, 2);
	assert_string_equal(aw[0].text, "Bằng khen UBND tỉnh 2021");
	assert_int_equal(aw[0].year, 2021);
	assert_int_equal(aw[1].year, 2019);
	n = one("Bằng khen số 1234/QĐ ngày 5/6/2018");
	assert_true(kh_cell_awards(&n->rows[0][1], &aw, &k, &d));
	assert_int_equal(aw[0].year, 2018);
	/* An item without a year: the error is at the item. */
	n = one("Bằng khen 2021; Giấy khen");
	assert_false(kh_cell_awards(&n->rows[0][1], &aw, &k, &d));
	expect_error("2:20", "'Giấy khen' has no year: write the year it was given");
	n = one("Giấy khen 2019 QĐ 1234");
	assert_false(kh_cell_awards(&n->rows[0][1], &aw, &k, &d));
	expect_error("2:4", "the year of 'Giấy khen 2019 QĐ 1234' would be 1234");
	n = one("");
	assert_true(kh_cell_awards(&n->rows[0][1], &aw, &k, &d));
	assert_int_equal(k, 0);
}

static void test_yearly_columns(void **state)
{
	(void)state;
	kh_nominees *n = rd("Mã,Xếp loại 2021,XẾP LOẠI 2019,Xếp loại,Xếp loại 20201,Xếp loạiX 2020,"
			    "Xếp loại  2020\n1,a,b,c,d,e,f\n");
	expect_ok(n);
	kh_year_col *y;
	assert_int_equal(kh_nominees_yearly(n, "Xếp loại", &y), 3);
	assert_int_equal(y[0].year, 2019);
	assert_int_equal(y[0].col, 2);
	assert_int_equal(y[1].year, 2020);
	assert_int_equal(y[1].col, 6);
	assert_int_equal(y[2].year, 2021);
	assert_int_equal(y[2].col, 1);
	assert_int_equal(kh_nominees_yearly(n, "Khen", &y), 0);
}

static void test_unique_keys(void **state)
{
	(void)state;
	kh_nominees *n = rd("Mã,Tên\nA1,x\nb2,y\na1,z\n,w\nB2,v\n");
	expect_ok(n);
	assert_false(kh_nominees_check_unique(n, 0, NULL, &d));
	assert_int_equal(d.errors, 3);
	expect_error("4:1", "'a1' is the key of the record on line 2 too");
	assert_non_null(strstr(printed(), "t.csv:5:1: error: blank where a key is needed"));
	assert_non_null(strstr(printed(), "t.csv:6:1: error: 'B2' is the key of the record on line 3"));
	n = rd("Mã\n1\n2\n");
	memset(&d, 0, sizeof d);
	assert_true(kh_nominees_check_unique(n, 0, NULL, &d));
}

/* LEN copies of CH then TAIL. */
static char *repeat(char ch, size_t len, const char *tail)
{
	size_t t = strlen(tail);
	char *s = kh_alloc_atomic(len + t + 1);
	memset(s, ch, len);
	memcpy(s + len, tail, t);
	return s;
}

static void test_limits(void **state)
{
	(void)state;
	/* A field of 64 KiB, quoted or not. */
	char *f = repeat('a', KH_NOMINEES_MAX_FIELD, "\n");
	kh_nominees *n = rd(kh_printf("a,b\n1,%s", f));
	expect_ok(n);
	assert_int_equal(strlen(n->rows[0][1].text), KH_NOMINEES_MAX_FIELD);
	assert_null(rd(kh_printf("a,b\n1,a%s", f)));
	expect_error("2:3", "this field is longer than 65536 bytes, the limit");
	assert_null(rd(kh_printf("a,b\n1,\"a%.*s\"\n", (int)KH_NOMINEES_MAX_FIELD, f)));
	expect_error("2:3", "this field is longer than 65536 bytes, the limit");

	/* 256 columns, then 257. */
	kh_buf h = { 0 };
	for (unsigned i = 0; i < KH_NOMINEES_MAX_COLS; i++)
		kh_buf_printf(&h, "%sc%u", i ? "," : "", i);
	n = rd(kh_printf("%s\n", kh_buf_cstr(&h)));
	expect_ok(n);
	assert_int_equal(n->ncols, KH_NOMINEES_MAX_COLS);
	assert_null(rd(kh_printf("%s,x\n", kh_buf_cstr(&h))));
	expect_error("1:1171", "this record has more than 256 fields; the limit is 256");

	/* 100,000 rows, then 100,001. */
	kh_buf r = { 0 };
	kh_buf_puts(&r, "Mã\n");
	for (unsigned i = 0; i < KH_NOMINEES_MAX_ROWS; i++)
		kh_buf_puts(&r, "1\n");
	n = rd(kh_buf_cstr(&r));
	expect_ok(n);
	assert_int_equal(n->nrows, KH_NOMINEES_MAX_ROWS);
	kh_buf_puts(&r, "x\n");
	assert_null(rd(kh_buf_cstr(&r)));
	expect_error("100002:1", "more than 100000 records after the header; the limit is 100000");
}

/* Twenty format errors, then the reading stops with a note. */
static void test_error_cap(void **state)
{
	(void)state;
	kh_buf b = { 0 };
	kh_buf_puts(&b, "a\n");
	for (int i = 0; i < 30; i++)
		kh_buf_puts(&b, "1,2\n");
	assert_null(rd(kh_buf_cstr(&b)));
	assert_int_equal(d.errors, 20);
	assert_non_null(strstr(printed(), "stopped after 20 errors"));
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comma_lf_and_bom_semicolon_crlf),
		cmocka_unit_test(test_separator_tie),
		cmocka_unit_test(test_quotes_and_embedded_line_breaks),
		cmocka_unit_test(test_nfd_equals_nfc),
		cmocka_unit_test(test_header_checks),
		cmocka_unit_test(test_quoting_errors),
		cmocka_unit_test(test_encoding_errors),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_yesno),
		cmocka_unit_test(test_lists_and_awards),
		cmocka_unit_test(test_yearly_columns),
		cmocka_unit_test(test_unique_keys),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_error_cap),
	};
	return cmocka_run_group_tests_name("nominees", tests, NULL, NULL);
}

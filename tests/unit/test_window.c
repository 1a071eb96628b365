/*
 * test_window.c - from-to windows ("từ 01/10 đến 17/11/2025") are one
 * dated window, made once by the resolver: the first day of the first
 * date to the last day of the second, the second's precision kept; a
 * first date without a year takes the second's (or the year before, when
 * that would put it after the end); a bare day takes the month too; an
 * end before the start, an impossible date and a last date without a year
 * are located invalid-date errors that leave the window undated.
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "resolve.h"
#include "source.h"
#include "timeline.h"

typedef struct resolved {
	kh_program *prog;
	kh_diags diags;
} resolved;

/* A plan of 1/9/2025 with one task per line of DUES ("hạn …" each). */
static resolved resolve_dues(const char *const *dues, size_t n)
{
	resolved r = { 0 };
	kh_buf b = { 0 };
	kh_buf_puts(&b, "cơ_quan btv \"Ban Thường vụ\"\n"
			"kế_hoạch \"1-KH/TU\" {\n  ban_hành btv\n  ngày 1/9/2025\n");
	for (size_t i = 0; i < n; i++)
		kh_buf_printf(&b, "  nhiệm_vụ t%zu \"T\" {\n    giao btv\n    hạn %s\n  }\n", i,
			      dues[i]);
	kh_buf_puts(&b, "}\n");
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = KH_STDLIB_DIR;
	r.prog = kh_resolve_bytes("plan.kh", kh_buf_cstr(&b), b.len, &opts, &r.diags);
	assert_non_null(r.prog);
	assert_non_null(r.prog->plan);
	return r;
}

static const kh_when *due(const resolved *r, size_t task)
{
	const kh_task *t = KH_VEC_AT(r->prog->plan->tasks, kh_task, task);
	assert_int_equal(t->due.n, 1);
	return KH_VEC_AT(t->due, kh_when, 0);
}

static void assert_window(const kh_when *w, kh_day start, kh_day end, kh_precision p)
{
	assert_int_equal(w->type, KH_WHEN_SPAN);
	assert_true(w->dated);
	assert_int_equal(w->start, start);
	assert_int_equal(w->end, end);
	assert_int_equal(w->precision, p);
}

#define DAY(y, m, d) kh_date_make(y, m, d)

static void test_full_dates_in_every_spelling(void **state)
{
	(void)state;
	static const char *const dues[] = {
		"từ ngày 01/10/2025 đến ngày 17/11/2025",
		"from 1/10/2025 until 17/11/2025",
		"tu 2025-10-01 den ngay 17 thang 11 nam 2025",
		"dự_kiến từ 01/10/2025 đến 17/11/2025",
	};
	resolved r = resolve_dues(dues, 4);
	assert_int_equal(r.diags.errors, 0);
	for (size_t i = 0; i < 4; i++)
		assert_window(due(&r, i), DAY(2025, 10, 1), DAY(2025, 11, 17), KH_PREC_DAY);
	assert_false(due(&r, 0)->planned);
	assert_true(due(&r, 3)->planned);
	assert_string_equal(due(&r, 1)->text, "from 1/10/2025 until 17/11/2025");
}

static void test_first_date_takes_the_year_of_the_second(void **state)
{
	(void)state;
	static const char *const dues[] = {
		"từ 01/10 đến 17/11/2025",
		"từ 15/9 đến 30/9/2019",
		"từ 1/12 đến 15/1/2026",            /* after 15/1: the year before */
		"từ ngày 15 tháng 9 đến ngày 30 tháng 9 năm 2019",
		"từ 20 đến 10/10/2025",              /* a bare day: the month before */
		"từ ngày 5 đến ngày 20/10/2025",
		"từ 17/11 đến 17/11/2025",           /* one day */
	};
	resolved r = resolve_dues(dues, 7);
	assert_int_equal(r.diags.errors, 0);
	assert_window(due(&r, 0), DAY(2025, 10, 1), DAY(2025, 11, 17), KH_PREC_DAY);
	assert_window(due(&r, 1), DAY(2019, 9, 15), DAY(2019, 9, 30), KH_PREC_DAY);
	assert_window(due(&r, 2), DAY(2025, 12, 1), DAY(2026, 1, 15), KH_PREC_DAY);
	assert_window(due(&r, 3), DAY(2019, 9, 15), DAY(2019, 9, 30), KH_PREC_DAY);
	assert_window(due(&r, 4), DAY(2025, 9, 20), DAY(2025, 10, 10), KH_PREC_DAY);
	assert_window(due(&r, 5), DAY(2025, 10, 5), DAY(2025, 10, 20), KH_PREC_DAY);
	assert_window(due(&r, 6), DAY(2025, 11, 17), DAY(2025, 11, 17), KH_PREC_DAY);
}

static void test_windows_of_months_and_periods(void **state)
{
	(void)state;
	static const char *const dues[] = {
		"từ tháng 10 đến hết tháng 11/2025",
		"from month 10 through month 11/2025",
		"tu thang 12 den het thang 2/2026",  /* December of the year before */
		"từ thượng tuần tháng 10 đến hạ tuần tháng 11/2025",
		"từ 15/9/2025 đến quý IV/2025",
		"từ tháng 11/2025 đến 10/11/2025",    /* a month cut short: 1/11-10/11 */
	};
	resolved r = resolve_dues(dues, 6);
	assert_int_equal(r.diags.errors, 0);
	assert_window(due(&r, 0), DAY(2025, 10, 1), DAY(2025, 11, 30), KH_PREC_MONTH);
	assert_window(due(&r, 1), DAY(2025, 10, 1), DAY(2025, 11, 30), KH_PREC_MONTH);
	assert_window(due(&r, 2), DAY(2025, 12, 1), DAY(2026, 2, 28), KH_PREC_MONTH);
	assert_window(due(&r, 3), DAY(2025, 10, 1), DAY(2025, 11, 30), KH_PREC_DECADE);
	assert_window(due(&r, 4), DAY(2025, 9, 15), DAY(2025, 12, 31), KH_PREC_QUARTER);
	assert_window(due(&r, 5), DAY(2025, 11, 1), DAY(2025, 11, 10), KH_PREC_DAY);
}

/* Each error is located on what is wrong, and leaves the window undated. */
static void expect_error(const char *when, const char *needle, unsigned col)
{
	const char *dues[] = { when };
	resolved r = resolve_dues(dues, 1);
	assert_int_equal(r.diags.errors, 1);
	const kh_diag *d = r.diags.first;
	while (d && strcmp(d->rule, "invalid-date"))
		d = d->next;
	assert_non_null(d);
	if (!strstr(d->message, needle))
		print_message("message: %s\n", d->message);
	assert_non_null(strstr(d->message, needle));
	unsigned line, c;
	kh_source_locate(r.prog->main, d->span.start, &line, &c);
	assert_int_equal(line, 7);
	assert_int_equal(c, col);
	assert_false(due(&r, 0)->dated);
}

static void test_errors_are_located(void **state)
{
	(void)state;
	expect_error("từ 20/11/2025 đến 15/11/2025",
		     "ends before it starts: 15/11/2025 is before 20/11/2025", 9);
	expect_error("từ 29/2 đến 17/11/2025", "February 2025 has 28 days", 12);
	expect_error("từ 01/10/2025 đến 31/11/2025", "31/11/2025 is not a date", 27);
	expect_error("từ 01/10 đến 17/11", "needs its year (17/11/2025)", 22);
	expect_error("từ tháng 13 đến tháng 11/2025", "month 13 does not exist", 12);
}

/* Every command reads the same window: the label says both days in full,
 * and a deadline relative to a window task shifts the whole window. */
static void test_label_and_anchor(void **state)
{
	(void)state;
	static const char *const dues[] = {
		"từ 01/10 đến 17/11/2025",
		"dự_kiến từ tháng 10 đến hết tháng 11/2025",
		"3 ngày sau t0",
	};
	resolved r = resolve_dues(dues, 3);
	assert_int_equal(r.diags.errors, 0);
	assert_string_equal(kh_when_label(due(&r, 0)), "từ 1/10/2025 đến 17/11/2025");
	assert_string_equal(kh_when_label(due(&r, 1)), "dự kiến từ 1/10/2025 đến 30/11/2025");
	const kh_when *rel = due(&r, 2);
	assert_true(rel->dated);
	assert_int_equal(rel->start, DAY(2025, 10, 4));
	assert_int_equal(rel->end, DAY(2025, 11, 20));
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_dates_in_every_spelling),
		cmocka_unit_test(test_first_date_takes_the_year_of_the_second),
		cmocka_unit_test(test_windows_of_months_and_periods),
		cmocka_unit_test(test_errors_are_located),
		cmocka_unit_test(test_label_and_anchor),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

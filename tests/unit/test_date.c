/*
 * test_date.c - calendar arithmetic: parsing every numeric form, invalid
 * dates and leap years, day numbers both ways, weekdays, windows, the
 * month-end rule, and working days.
 * Part of kehoach; see README.md for the licence.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "date.h"

static kh_day D(int y, int m, int d)
{
	return kh_date_make(y, m, d);
}

static void test_parse_forms(void **state)
{
	(void)state;
	int y, m, d;
	assert_true(kh_parse_dmy("30/8/2019", 9, &y, &m, &d));
	assert_int_equal(y, 2019); assert_int_equal(m, 8); assert_int_equal(d, 30);
	assert_true(kh_parse_dmy("05/01/2020", 10, &y, &m, &d));
	assert_int_equal(y, 2020); assert_int_equal(m, 1); assert_int_equal(d, 5);
	assert_true(kh_parse_dmy("30-3-2007", 9, &y, &m, &d));
	assert_int_equal(y, 2007); assert_int_equal(m, 3); assert_int_equal(d, 30);
	assert_true(kh_parse_dmy("2019-08-30", 10, &y, &m, &d));
	assert_int_equal(y, 2019); assert_int_equal(m, 8); assert_int_equal(d, 30);
	/* out of range values parse; validity is a separate question */
	assert_true(kh_parse_dmy("31/2/2019", 9, &y, &m, &d));
	assert_false(kh_date_valid(y, m, d));
	assert_true(kh_parse_my("11/2023", 7, &y, &m));
	assert_int_equal(y, 2023); assert_int_equal(m, 11);
	assert_true(kh_parse_my("5/2017", 6, &y, &m));
	assert_int_equal(m, 5);
}

static void test_parse_rejects(void **state)
{
	(void)state;
	int y, m, d;
	const char *bad[] = { "30/8-2019", "30/8/19", "30/8/20190", "/8/2019", "30//2019",
			      "300/8/2019", " 30/8/2019", "30/8/2019 ", "2019-8-30", "a/8/2019",
			      "" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (kh_parse_dmy(bad[i], (unsigned)strlen(bad[i]), &y, &m, &d))
			fail_msg("accepted '%s'", bad[i]);
	}
	assert_false(kh_parse_my("11/23", 5, &y, &m));
	assert_false(kh_parse_my("111/2023", 8, &y, &m));
	assert_false(kh_parse_my("11-2023", 7, &y, &m));
}

static void test_validity_and_leap_years(void **state)
{
	(void)state;
	assert_true(kh_is_leap(2000));
	assert_false(kh_is_leap(1900));
	assert_true(kh_is_leap(2020));
	assert_false(kh_is_leap(2019));
	assert_false(kh_date_valid(2019, 2, 29));
	assert_true(kh_date_valid(2020, 2, 29));
	assert_false(kh_date_valid(1900, 2, 29));
	assert_true(kh_date_valid(2000, 2, 29));
	assert_false(kh_date_valid(2019, 4, 31));
	assert_false(kh_date_valid(2019, 0, 1));
	assert_false(kh_date_valid(2019, 13, 1));
	assert_false(kh_date_valid(2019, 1, 0));
	assert_false(kh_date_valid(0, 1, 1));
	assert_false(kh_date_valid(10000, 1, 1));
	assert_true(kh_date_valid(1, 1, 1));
	assert_true(kh_date_valid(9999, 12, 31));
	assert_string_equal(kh_date_problem(2019, 2, 31), "February 2019 has 28 days");
	assert_string_equal(kh_date_problem(2020, 2, 30), "February 2020 has 29 days");
	assert_string_equal(kh_date_problem(2019, 4, 31), "April has 30 days");
	assert_string_equal(kh_date_problem(2019, 13, 1), "month 13 does not exist");
	assert_string_equal(kh_date_problem(2019, 1, 0), "day 0 does not exist");
	assert_string_equal(kh_date_problem(0, 1, 1), "year 0 is out of range (1-9999)");
	assert_null(kh_date_problem(2019, 8, 30));
}

static void test_day_numbers_round_trip(void **state)
{
	(void)state;
	assert_int_equal(D(1970, 1, 1), 0);
	assert_int_equal(D(1969, 12, 31), -1);
	kh_day prev = D(1998, 12, 31);
	for (int y = 1999; y <= 2001; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= kh_month_days(y, m); d++) {
				kh_day x = D(y, m, d);
				assert_int_equal(x, prev + 1);
				prev = x;
				int yy, mm, dd;
				kh_date_split(x, &yy, &mm, &dd);
				assert_int_equal(yy, y); assert_int_equal(mm, m); assert_int_equal(dd, d);
			}
	int y, m, d;
	kh_date_split(D(1, 1, 1), &y, &m, &d);
	assert_int_equal(y, 1); assert_int_equal(m, 1); assert_int_equal(d, 1);
	kh_date_split(D(9999, 12, 31), &y, &m, &d);
	assert_int_equal(y, 9999); assert_int_equal(m, 12); assert_int_equal(d, 31);
	char iso[16];
	kh_date_iso(D(2019, 8, 5), iso);
	assert_string_equal(iso, "2019-08-05");
	kh_date_iso(D(1, 1, 1), iso);
	assert_string_equal(iso, "0001-01-01");
}

static void test_weekdays(void **state)
{
	(void)state;
	assert_int_equal(kh_weekday(D(1970, 1, 1)), 3);  /* Thursday */
	assert_int_equal(kh_weekday(D(2019, 8, 30)), 4); /* Friday */
	assert_int_equal(kh_weekday(D(2017, 1, 28)), 5); /* Saturday */
	/* Extremes do not overflow (UBSan): same answer as seven days earlier. */
	assert_int_equal(kh_weekday(LONG_MAX), kh_weekday(LONG_MAX - 7));
	assert_int_equal(kh_weekday(LONG_MIN), kh_weekday(LONG_MIN + 7));
	assert_int_equal(kh_weekday(D(2030, 2, 2)), 5);  /* Saturday */
	assert_int_equal(kh_weekday(D(2019, 9, 16)), 0); /* Monday */
	assert_int_equal(kh_weekday(D(1900, 1, 1)), 0);  /* Monday, before 1970 */
}

/* 31/1 + 1 month is the last day of February: the one rule for month ends. */
static void test_month_end_rule(void **state)
{
	(void)state;
	assert_int_equal(kh_add_months(D(2019, 1, 31), 1), D(2019, 2, 28));
	assert_int_equal(kh_add_months(D(2020, 1, 31), 1), D(2020, 2, 29));
	assert_int_equal(kh_add_months(D(2019, 3, 31), -1), D(2019, 2, 28));
	assert_int_equal(kh_add_months(D(2019, 11, 15), 3), D(2020, 2, 15));
	assert_int_equal(kh_add_months(D(2020, 1, 15), -2), D(2019, 11, 15));
	assert_int_equal(kh_add_months(D(2019, 5, 31), 12), D(2020, 5, 31));
	assert_int_equal(kh_add_months(D(9999, 12, 1), 1), D(9999, 12, 31));
	assert_int_equal(kh_add_months(D(1, 1, 15), -1), D(1, 1, 1));
}

static void test_windows(void **state)
{
	(void)state;
	kh_day s, e;
	assert_true(kh_window_decade(2017, 5, 2, &s, &e)); /* trung tuần tháng 5/2017 */
	assert_int_equal(s, D(2017, 5, 11)); assert_int_equal(e, D(2017, 5, 20));
	assert_true(kh_window_decade(2017, 5, 1, &s, &e));
	assert_int_equal(s, D(2017, 5, 1)); assert_int_equal(e, D(2017, 5, 10));
	assert_true(kh_window_decade(2019, 2, 3, &s, &e)); /* hạ tuần, short February */
	assert_int_equal(s, D(2019, 2, 21)); assert_int_equal(e, D(2019, 2, 28));
	assert_true(kh_window_decade(2020, 2, 3, &s, &e));
	assert_int_equal(e, D(2020, 2, 29));
	assert_true(kh_window_month(2023, 11, &s, &e));
	assert_int_equal(s, D(2023, 11, 1)); assert_int_equal(e, D(2023, 11, 30));
	assert_true(kh_window_quarter(2019, 4, &s, &e));
	assert_int_equal(s, D(2019, 10, 1)); assert_int_equal(e, D(2019, 12, 31));
	assert_true(kh_window_quarter(2024, 1, &s, &e));
	assert_int_equal(e, D(2024, 3, 31));
	assert_true(kh_window_year(2023, &s, &e));
	assert_int_equal(s, D(2023, 1, 1)); assert_int_equal(e, D(2023, 12, 31));
	assert_false(kh_window_month(2019, 13, &s, &e));
	assert_false(kh_window_decade(2019, 5, 4, &s, &e));
	assert_false(kh_window_quarter(2019, 5, &s, &e));
	assert_false(kh_window_year(0, &s, &e));
}

static bool two_holidays(kh_day d, void *ctx)
{
	(void)ctx;
	return d == D(2019, 9, 2) || d == D(2019, 9, 3); /* Quốc khánh 2019 */
}

static bool every_day_off(kh_day d, void *ctx)
{
	(void)d;
	(void)ctx;
	return true;
}

static void test_working_days(void **state)
{
	(void)state;
	assert_int_equal(kh_add_working_days(D(2019, 9, 16), -5, NULL, NULL), D(2019, 9, 9));
	assert_int_equal(kh_add_working_days(D(2019, 8, 30), 3, NULL, NULL), D(2019, 9, 4));
	assert_int_equal(kh_add_working_days(D(2019, 8, 30), 3, two_holidays, NULL), D(2019, 9, 6));
	assert_int_equal(kh_add_working_days(D(2019, 8, 30), 0, NULL, NULL), D(2019, 8, 30));
	assert_false(kh_is_working_day(D(2019, 9, 2), two_holidays, NULL));
	assert_false(kh_is_working_day(D(2019, 9, 7), NULL, NULL)); /* Saturday */
	assert_true(kh_is_working_day(D(2019, 9, 4), two_holidays, NULL));
	assert_int_equal(kh_working_days_between(D(2019, 9, 9), D(2019, 9, 16), NULL, NULL), 5);
	assert_int_equal(kh_working_days_between(D(2019, 9, 16), D(2019, 9, 9), NULL, NULL), -5);
	assert_int_equal(kh_working_days_between(D(2019, 8, 30), D(2019, 9, 6), two_holidays, NULL), 3);
	/* A calendar with no working day at all must not hang. */
	kh_day x = kh_add_working_days(D(2019, 1, 1), 1, every_day_off, NULL);
	assert_true(x > D(2019, 1, 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_forms),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_validity_and_leap_years),
		cmocka_unit_test(test_day_numbers_round_trip),
		cmocka_unit_test(test_weekdays),
		cmocka_unit_test(test_month_end_rule),
		cmocka_unit_test(test_windows),
		cmocka_unit_test(test_working_days),
	};
	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}

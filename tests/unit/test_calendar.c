/*
 * test_calendar.c - working days with the Bộ luật Lao động 2019 holidays:
 * weekends, solar and lunar holidays, Tết's five days, compensatory days
 * for holidays on a weekend, one-off days off and make-up working days,
 * counting and stepping over them, and years far outside the lunar range.
 * Part of kehoach; see README.md for the licence.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "alloc.h"
#include "calendar.h"

static kh_day D(int y, int m, int d)
{
	return kh_date_make(y, m, d);
}

static kh_holiday *add(kh_program *p, const char *name, kh_holiday_kind kind, int month, int day,
		       int days, int start_before)
{
	kh_holiday *h = KH_NEW(kh_holiday);
	h->id = name;
	h->name = name;
	h->kind = kind;
	h->month = month;
	h->day = day;
	h->days = days;
	h->start_before = start_before;
	kh_vec_push(&p->holidays, h);
	return h;
}

static kh_holiday *add_day(kh_program *p, const char *name, kh_holiday_kind kind, kh_day d)
{
	kh_holiday *h = add(p, name, kind, 0, 0, 1, 0);
	h->date = d;
	return h;
}

static struct {
	kh_program prog;
	kh_holiday *new_year, *tet, *victory, *labour, *national, *national_2021, *gio_to;
	kh_holiday *off_2018, *work_2019;
	kh_calendar *cal;
} F;

/* The holidays of art. 112, as stdlib would declare them. */
static int setup(void **state)
{
	(void)state;
	F.new_year = add(&F.prog, "Tết Dương lịch", KH_HOLIDAY_SOLAR, 1, 1, 1, 0);
	F.tet = add(&F.prog, "Tết Nguyên đán", KH_HOLIDAY_LUNAR, 1, 1, 5, 1);
	F.victory = add(&F.prog, "Ngày Chiến thắng", KH_HOLIDAY_SOLAR, 4, 30, 1, 0);
	F.labour = add(&F.prog, "Quốc tế lao động", KH_HOLIDAY_SOLAR, 5, 1, 1, 0);
	F.national = add(&F.prog, "Quốc khánh", KH_HOLIDAY_SOLAR, 9, 2, 1, 0);
	F.national_2021 = add_day(&F.prog, "Quốc khánh (ngày thứ hai)", KH_HOLIDAY_DAY_OFF,
				  D(2021, 9, 1));
	F.gio_to = add(&F.prog, "Giỗ Tổ Hùng Vương", KH_HOLIDAY_LUNAR, 3, 10, 1, 0);
	F.gio_to->has_from = true; /* a paid holiday since 2007 */
	F.gio_to->from = D(2007, 1, 1);
	/* New Year 2019: Monday 31/12/2018 off, worked back on Saturday 5/1/2019 */
	F.off_2018 = add_day(&F.prog, "Nghỉ bù Tết Dương lịch", KH_HOLIDAY_DAY_OFF, D(2018, 12, 31));
	F.work_2019 = add_day(&F.prog, "Làm bù", KH_HOLIDAY_WORKDAY, D(2019, 1, 5));
	F.cal = kh_calendar_build(&F.prog);
	return 0;
}

static bool working(kh_day d)
{
	return kh_calendar_is_working_day(F.cal, d);
}

static const kh_holiday *holiday(kh_day d)
{
	return kh_calendar_holiday(F.cal, d);
}

static void test_weekends_and_solar(void **state)
{
	(void)state;
	assert_int_equal(kh_weekday(D(2019, 9, 15)), 6);
	assert_false(working(D(2019, 9, 15)));     /* Sunday */
	assert_null(holiday(D(2019, 9, 15)));
	assert_false(working(D(2019, 9, 14)));     /* Saturday */
	assert_true(working(D(2019, 9, 16)));
	assert_false(working(D(2019, 9, 2)));      /* Quốc khánh, a Monday */
	assert_ptr_equal(holiday(D(2019, 9, 2)), F.national);
	assert_true(working(D(2019, 9, 3)));
	assert_null(holiday(D(2019, 9, 3)));
	assert_ptr_equal(holiday(D(2019, 1, 1)), F.new_year);
	assert_ptr_equal(holiday(D(2019, 4, 30)), F.victory);
	assert_ptr_equal(holiday(D(2019, 5, 1)), F.labour);
	/* the second Quốc khánh day of 2021, declared on its own */
	assert_false(working(D(2021, 9, 1)));
	assert_ptr_equal(holiday(D(2021, 9, 1)), F.national_2021);
	assert_ptr_equal(holiday(D(2021, 9, 2)), F.national);
	assert_true(working(D(2022, 9, 1)));       /* only in 2021 */
}

static void test_gio_to_compensatory(void **state)
{
	(void)state;
	assert_int_equal(kh_weekday(D(2019, 4, 14)), 6);
	assert_ptr_equal(holiday(D(2019, 4, 14)), F.gio_to);
	assert_false(working(D(2019, 4, 15)));     /* nghỉ bù, Monday */
	assert_ptr_equal(holiday(D(2019, 4, 15)), F.gio_to);
	assert_true(working(D(2019, 4, 16)));
	assert_null(holiday(D(2019, 4, 16)));
	/* in force from 2007 only: Friday 7/4/2006 (10/3 Bính Tuất) was worked */
	assert_true(working(D(2006, 4, 7)));
	assert_null(holiday(D(2006, 4, 7)));
	assert_false(working(D(2007, 4, 26)));
	assert_ptr_equal(holiday(D(2007, 4, 26)), F.gio_to);
}

static void test_tet(void **state)
{
	(void)state;
	/* 2019: 1/1 Kỷ Hợi = Tuesday 5/2, so Monday 4/2 to Friday 8/2 */
	assert_true(working(D(2019, 2, 1)));
	for (int d = 4; d <= 8; d++) {
		assert_false(working(D(2019, 2, d)));
		assert_ptr_equal(holiday(D(2019, 2, d)), F.tet);
	}
	assert_true(working(D(2019, 2, 11)));
	assert_null(holiday(D(2019, 2, 9)));       /* a plain Saturday */
	/* 2020: 1/1 = Saturday 25/1; Fri 24 - Tue 28, and the Saturday and
	 * Sunday give Wednesday 29 and Thursday 30 */
	for (int d = 24; d <= 30; d++) {
		assert_false(working(D(2020, 1, d)));
		assert_ptr_equal(holiday(D(2020, 1, d)), F.tet);
	}
	assert_true(working(D(2020, 1, 23)));
	assert_true(working(D(2020, 1, 31)));
	/* 2022: 30/4 Saturday and 1/5 Sunday give Monday 2/5 and Tuesday 3/5 */
	assert_ptr_equal(holiday(D(2022, 5, 2)), F.victory);
	assert_ptr_equal(holiday(D(2022, 5, 3)), F.labour);
	assert_true(working(D(2022, 5, 4)));
	/* 2030: Tết on 2/2 in Vietnam (3/2 in China): Fri 1/2 to Tue 5/2, the
	 * weekend giving Wed 6/2 and Thu 7/2 */
	assert_false(working(D(2030, 2, 1)));
	assert_false(working(D(2030, 2, 7)));
	assert_true(working(D(2030, 2, 8)));
	assert_true(working(D(2030, 1, 31)));
}

static void test_one_off_days(void **state)
{
	(void)state;
	assert_int_equal(kh_weekday(D(2019, 1, 5)), 5);
	assert_true(working(D(2019, 1, 5)));       /* Saturday made a working day */
	assert_null(holiday(D(2019, 1, 5)));
	assert_false(working(D(2019, 1, 12)));     /* the next Saturday is not */
	assert_false(working(D(2018, 12, 31)));
	assert_ptr_equal(holiday(D(2018, 12, 31)), F.off_2018);
	assert_true(working(D(2017, 12, 29)));
}

/* A notice's break (a day off of several days) holds its own days in
 * lieu: Tết 2024 computed as Fri 9/2 - Tue 13/2 would put those of the
 * weekend 10-11/2 on 14 and 15/2; the break 8/2-14/2 works on the 15th. */
static void test_notice_break(void **state)
{
	(void)state;
	kh_program p = { 0 };
	add(&p, "Tết Nguyên đán", KH_HOLIDAY_LUNAR, 1, 1, 5, 1);
	add(&p, "Quốc khánh", KH_HOLIDAY_SOLAR, 9, 2, 1, 0);
	kh_holiday *brk = add_day(&p, "Nghỉ Tết Giáp Thìn", KH_HOLIDAY_DAY_OFF, D(2024, 2, 8));
	brk->days = 7;
	kh_calendar *c = kh_calendar_build(&p);
	assert_true(kh_calendar_is_working_day(c, D(2024, 2, 7)));
	for (int d = 8; d <= 14; d++)
		assert_false(kh_calendar_is_working_day(c, D(2024, 2, d)));
	assert_ptr_equal(kh_calendar_holiday(c, D(2024, 2, 8)), brk);
	assert_true(kh_calendar_is_working_day(c, D(2024, 2, 15)));
	assert_int_equal(kh_calendar_prev_working_day(c, D(2024, 2, 10)), D(2024, 2, 7));
	/* outside the break the rule of art. 111(3) still holds: Quốc khánh
	 * on Sunday 2/9/2018 gives Monday 3/9, and without the break Tết 2024
	 * would give 14 and 15/2 */
	assert_false(kh_calendar_is_working_day(c, D(2018, 9, 3)));
	brk->days = 1;
	brk->date = D(2024, 2, 7);
	c = kh_calendar_build(&p);
	assert_false(kh_calendar_is_working_day(c, D(2024, 2, 15)));
	assert_true(kh_calendar_is_working_day(c, D(2024, 2, 16)));
}

static void test_prev_working_day(void **state)
{
	(void)state;
	assert_int_equal(kh_calendar_prev_working_day(F.cal, D(2019, 9, 16)), D(2019, 9, 16));
	assert_int_equal(kh_calendar_prev_working_day(F.cal, D(2019, 9, 15)), D(2019, 9, 13));
	/* over Tết 2019 and the weekend before it */
	assert_int_equal(kh_calendar_prev_working_day(F.cal, D(2019, 2, 8)), D(2019, 2, 1));
	assert_int_equal(kh_calendar_prev_working_day(F.cal, D(2019, 2, 10)), D(2019, 2, 1));
	/* over Giỗ Tổ and its nghỉ bù */
	assert_int_equal(kh_calendar_prev_working_day(F.cal, D(2019, 4, 15)), D(2019, 4, 12));
	/* over New Year: 1/1/2019, the day off 31/12, the weekend */
	assert_int_equal(kh_calendar_prev_working_day(F.cal, D(2019, 1, 1)), D(2018, 12, 28));
}

static long brute_count(kh_day a, kh_day b)
{
	long n = 0;
	for (kh_day d = a + 1; d <= b; d++)
		n += working(d);
	return n;
}

static void test_working_days_between(void **state)
{
	(void)state;
	kh_calendar *c = F.cal;
	/* Fri 30/8 -> Fri 6/9/2019: the weekend and 2/9 are skipped */
	assert_int_equal(kh_calendar_working_days_between(c, D(2019, 8, 30), D(2019, 9, 6)), 4);
	assert_int_equal(kh_calendar_working_days_between(c, D(2019, 9, 6), D(2019, 8, 30)), -4);
	assert_int_equal(kh_calendar_working_days_between(c, D(2019, 9, 6), D(2019, 9, 6)), 0);
	/* over Tết 2019 */
	assert_int_equal(kh_calendar_working_days_between(c, D(2019, 2, 1), D(2019, 2, 15)), 5);
	/* over New Year 2020 (a Wednesday) */
	assert_int_equal(kh_calendar_working_days_between(c, D(2019, 12, 27), D(2020, 1, 3)), 4);
	/* all of 2019: 261 weekdays, minus 1/1, Tết (5), the Giỗ Tổ nghỉ bù,
	 * 30/4, 1/5 and 2/9, plus Saturday 5/1 */
	assert_int_equal(kh_calendar_working_days_between(c, D(2018, 12, 31), D(2019, 12, 31)), 252);
	/* the year-at-a-time counts agree with day by day */
	assert_int_equal(kh_calendar_working_days_between(c, D(2005, 3, 17), D(2031, 8, 2)),
			 brute_count(D(2005, 3, 17), D(2031, 8, 2)));
	assert_int_equal(kh_calendar_working_days_between(c, D(2024, 6, 1), D(2024, 6, 30)),
			 brute_count(D(2024, 6, 1), D(2024, 6, 30)));
}

static void test_out_of_range(void **state)
{
	(void)state;
	kh_calendar *c = F.cal;
	/* solar holidays still hold outside the lunar range; lunar ones do not */
	assert_ptr_equal(holiday(D(1500, 1, 1)), F.new_year);
	assert_ptr_equal(holiday(D(2500, 9, 2)), F.national);
	for (kh_day d = D(2500, 1, 1); d < D(2500, 3, 31); d++)
		assert_ptr_not_equal(holiday(d), F.tet);
	assert_ptr_equal(holiday(D(1, 1, 1)), F.new_year);
	assert_ptr_equal(holiday(D(9999, 9, 2)), F.national);
	(void)working(D(9999, 12, 31));
	/* beyond civil dates: weekends only, and no overflow */
	assert_null(holiday(LONG_MIN));
	assert_null(holiday(LONG_MAX));
	assert_int_equal(working(D(1, 1, 1) - 1), kh_weekday(D(1, 1, 1) - 1) < 5);
	(void)working(LONG_MIN);
	(void)working(LONG_MAX);
	kh_day p = kh_calendar_prev_working_day(c, LONG_MIN);
	assert_true(p <= 0);
	p = kh_calendar_prev_working_day(c, LONG_MAX);
	assert_true(p > 0);
	assert_true(kh_calendar_working_days_between(c, LONG_MIN, LONG_MAX) > 0);
	assert_true(kh_calendar_working_days_between(c, LONG_MAX, LONG_MIN) < 0);
	long n = kh_calendar_working_days_between(c, D(1, 1, 1) - 30, D(1, 1, 1) + 30);
	assert_true(n > 30 && n < 45);
}

static void test_empty_program(void **state)
{
	(void)state;
	kh_program empty = { 0 };
	kh_calendar *c = kh_calendar_build(&empty);
	assert_true(kh_calendar_is_working_day(c, D(2019, 9, 2)));
	assert_false(kh_calendar_is_working_day(c, D(2019, 9, 1)));
	assert_null(kh_calendar_holiday(c, D(2019, 1, 1)));
	assert_int_equal(kh_calendar_working_days_between(c, D(2019, 9, 9), D(2019, 9, 16)), 5);
	c = kh_calendar_build(NULL);
	assert_true(kh_calendar_is_working_day(c, D(2019, 9, 2)));
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weekends_and_solar),
		cmocka_unit_test(test_gio_to_compensatory),
		cmocka_unit_test(test_tet),
		cmocka_unit_test(test_one_off_days),
		cmocka_unit_test(test_notice_break),
		cmocka_unit_test(test_prev_working_day),
		cmocka_unit_test(test_working_days_between),
		cmocka_unit_test(test_out_of_range),
		cmocka_unit_test(test_empty_program),
	};
	return cmocka_run_group_tests_name("calendar", tests, setup, NULL);
}

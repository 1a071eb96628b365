/*
 * test_lunar.c - the Vietnamese lunar calendar: Tết and Giỗ Tổ for every
 * year 2000-2040 against a published table, the DOMAIN.md vectors (leap
 * months, the UTC+7 traps), round trips for every day 1990-2060, month
 * structure, and lunar dates that do not exist.
 * Part of kehoach; see README.md for the licence.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "lunar.h"

static kh_day D(int y, int m, int d)
{
	return kh_date_make(y, m, d);
}

static void assert_lunar(kh_day d, int year, int month, int day, bool leap)
{
	kh_lunar l = kh_lunar_from_solar(d);
	char iso[11];
	kh_date_iso(d, iso);
	if (l.year != year || l.month != month || l.day != day || l.leap != leap)
		fail_msg("%s: got %d/%d%s/%d, want %d/%d%s/%d", iso, l.day, l.month,
			 l.leap ? "L" : "", l.year, day, month, leap ? "L" : "", year);
}

static void assert_solar(int year, int month, int day, bool leap, kh_day want)
{
	kh_day got = 0;
	if (!kh_solar_from_lunar(year, month, day, leap, &got))
		fail_msg("%d/%d%s/%d: rejected", day, month, leap ? "L" : "", year);
	if (got != want) {
		char g[11], w[11];
		kh_date_iso(got, g);
		kh_date_iso(want, w);
		fail_msg("%d/%d%s/%d: got %s, want %s", day, month, leap ? "L" : "", year, g, w);
	}
}

/*
 * Tết (1/1) and Giỗ Tổ (10/3) for 2000-2040, (month, day), copied by hand
 * from vacanza/holidays, holidays/calendars/chinese.py (commit 0d3079bd,
 * MIT): LUNAR_NEW_YEAR_DATES and HUNG_KINGS_DATES, with the overrides of
 * VIETNAMESE_CALENDAR_LUNAR_NEW_YEAR_DATES (2007-02-17, 2030-02-02) and
 * VIETNAMESE_CALENDAR_HUNG_KINGS_DATES (2009-04-04, 2037-04-24, 2038-04-13).
 * The 2007 and 2030 differences from China are also stated on Hồ Ngọc Đức's
 * amlich pages ("2007: 17/02 in Vietnam, 18/02 in China; 2030: 02/02 and
 * 03/02").
 */
static const unsigned char tet_md[41][2] = {
	{ 2, 5 }, { 1, 24 }, { 2, 12 }, { 2, 1 }, { 1, 22 },   /* 2000 */
	{ 2, 9 }, { 1, 29 }, { 2, 17 }, { 2, 7 }, { 1, 26 },   /* 2005 */
	{ 2, 14 }, { 2, 3 }, { 1, 23 }, { 2, 10 }, { 1, 31 },  /* 2010 */
	{ 2, 19 }, { 2, 8 }, { 1, 28 }, { 2, 16 }, { 2, 5 },   /* 2015 */
	{ 1, 25 }, { 2, 12 }, { 2, 1 }, { 1, 22 }, { 2, 10 },  /* 2020 */
	{ 1, 29 }, { 2, 17 }, { 2, 6 }, { 1, 26 }, { 2, 13 },  /* 2025 */
	{ 2, 2 }, { 1, 23 }, { 2, 11 }, { 1, 31 }, { 2, 19 },  /* 2030 */
	{ 2, 8 }, { 1, 28 }, { 2, 15 }, { 2, 4 }, { 1, 24 },   /* 2035 */
	{ 2, 12 },                                             /* 2040 */
};

static const unsigned char gio_to_md[41][2] = {
	{ 4, 14 }, { 4, 3 }, { 4, 22 }, { 4, 11 }, { 4, 28 },  /* 2000 */
	{ 4, 18 }, { 4, 7 }, { 4, 26 }, { 4, 15 }, { 4, 4 },   /* 2005 */
	{ 4, 23 }, { 4, 12 }, { 3, 31 }, { 4, 19 }, { 4, 9 },  /* 2010 */
	{ 4, 28 }, { 4, 16 }, { 4, 6 }, { 4, 25 }, { 4, 14 },  /* 2015 */
	{ 4, 2 }, { 4, 21 }, { 4, 10 }, { 4, 29 }, { 4, 18 },  /* 2020 */
	{ 4, 7 }, { 4, 26 }, { 4, 16 }, { 4, 4 }, { 4, 23 },   /* 2025 */
	{ 4, 12 }, { 4, 1 }, { 4, 19 }, { 4, 9 }, { 4, 28 },   /* 2030 */
	{ 4, 17 }, { 4, 6 }, { 4, 24 }, { 4, 13 }, { 4, 3 },   /* 2035 */
	{ 4, 20 },                                             /* 2040 */
};

static void test_tet_2000_2040(void **state)
{
	(void)state;
	for (int i = 0; i <= 40; i++) {
		int y = 2000 + i;
		kh_day tet = D(y, tet_md[i][0], tet_md[i][1]);
		assert_solar(y, 1, 1, false, tet);
		assert_lunar(tet, y, 1, 1, false);
		/* the day before is the last day of month 12 of the old year */
		kh_lunar eve = kh_lunar_from_solar(tet - 1);
		assert_int_equal(eve.year, y - 1);
		assert_int_equal(eve.month, 12);
		assert_true(eve.day == 29 || eve.day == 30);
	}
}

static void test_gio_to_2000_2040(void **state)
{
	(void)state;
	for (int i = 0; i <= 40; i++) {
		int y = 2000 + i;
		kh_day d = D(y, gio_to_md[i][0], gio_to_md[i][1]);
		assert_solar(y, 3, 10, false, d);
		assert_lunar(d, y, 3, 10, false);
	}
}

/* DOMAIN.md §4.2 table: Tết, its weekday, Giỗ Tổ, and the leap months. */
static void test_domain_vectors(void **state)
{
	(void)state;
	static const struct {
		int year, tm, td, weekday, gm, gd, leap, lm, ld;
	} v[] = {
		{ 2017, 1, 28, 5, 4, 6, 6, 7, 23 },
		{ 2018, 2, 16, 4, 4, 25, 0, 0, 0 },
		{ 2019, 2, 5, 1, 4, 14, 0, 0, 0 },
		{ 2020, 1, 25, 5, 4, 2, 4, 5, 23 },
		{ 2021, 2, 12, 4, 4, 21, 0, 0, 0 },
		{ 2022, 2, 1, 1, 4, 10, 0, 0, 0 },
		{ 2023, 1, 22, 6, 4, 29, 2, 3, 22 },
		{ 2024, 2, 10, 5, 4, 18, 0, 0, 0 },
		{ 2025, 1, 29, 2, 4, 7, 6, 7, 25 },
		{ 2026, 2, 17, 1, 4, 26, 0, 0, 0 },
		{ 2027, 2, 6, 5, 4, 16, 0, 0, 0 },
		{ 2028, 1, 26, 2, 4, 4, 5, 6, 23 },
		{ 2029, 2, 13, 1, 4, 23, 0, 0, 0 },
		{ 2030, 2, 2, 5, 4, 12, 0, 0, 0 },
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		kh_day tet = D(v[i].year, v[i].tm, v[i].td);
		assert_solar(v[i].year, 1, 1, false, tet);
		assert_int_equal(kh_weekday(tet), v[i].weekday);
		assert_solar(v[i].year, 3, 10, false, D(v[i].year, v[i].gm, v[i].gd));
		assert_int_equal(kh_lunar_leap_month(v[i].year), v[i].leap);
		if (v[i].leap) {
			kh_day start = D(v[i].year, v[i].lm, v[i].ld);
			assert_solar(v[i].year, v[i].leap, 1, true, start);
			assert_lunar(start, v[i].year, v[i].leap, 1, true);
			/* the ordinary month of that number comes first */
			kh_lunar before = kh_lunar_from_solar(start - 1);
			assert_int_equal(before.month, v[i].leap);
			assert_false(before.leap);
			assert_true(before.day >= 29);
		} else {
			kh_day any;
			for (int m = 1; m <= 12; m++)
				assert_false(kh_solar_from_lunar(v[i].year, m, 1, true, &any));
		}
	}
}

/* Vietnam (UTC+7) against China (UTC+8), and the other DOMAIN.md checks. */
static void test_time_zone_traps(void **state)
{
	(void)state;
	assert_lunar(D(1985, 1, 21), 1985, 1, 1, false);   /* China: 20/02/1985 */
	assert_false(kh_lunar_from_solar(D(1985, 2, 20)).month == 1);
	assert_lunar(D(2007, 2, 17), 2007, 1, 1, false);   /* China: 18/02 */
	assert_lunar(D(2007, 2, 18), 2007, 1, 2, false);
	assert_lunar(D(2030, 2, 2), 2030, 1, 1, false);    /* China: 03/02 */
	assert_lunar(D(2030, 2, 3), 2030, 1, 2, false);
	assert_lunar(D(2025, 8, 19), 2025, 6, 26, true);   /* 26/6 nhuận Ất Tỵ */
	assert_lunar(D(2019, 12, 22), 2019, 11, 27, false); /* 27/11 Kỷ Hợi */
	assert_solar(2024, 1, 15, false, D(2024, 2, 24));  /* Rằm tháng Giêng */
	assert_solar(2023, 8, 15, false, D(2023, 9, 29));  /* Trung thu */
	assert_lunar(D(2023, 9, 29), 2023, 8, 15, false);
}

/* Every day 1990-2060: solar -> lunar -> solar is the identity, and the
 * lunar dates run day by day through months of 29 or 30 days. */
static void test_round_trip_1990_2060(void **state)
{
	(void)state;
	kh_lunar prev = kh_lunar_from_solar(D(1989, 12, 31));
	long months = 0;
	for (kh_day d = D(1990, 1, 1); d <= D(2060, 12, 31); d++) {
		kh_lunar l = kh_lunar_from_solar(d);
		kh_day back = -1;
		if (!kh_solar_from_lunar(l.year, l.month, l.day, l.leap, &back) || back != d) {
			char iso[11];
			kh_date_iso(d, iso);
			fail_msg("%s -> %d/%d%s/%d does not come back", iso, l.day, l.month,
				 l.leap ? "L" : "", l.year);
		}
		if (l.day == 1) {
			assert_true(prev.day == 29 || prev.day == 30);
			/* 29 is the last day only when there is no day 30 */
			kh_day x;
			assert_int_equal(kh_solar_from_lunar(prev.year, prev.month, 30, prev.leap, &x),
					 prev.day == 30);
			months++;
		} else {
			assert_int_equal(l.day, prev.day + 1);
			assert_int_equal(l.month, prev.month);
			assert_int_equal(l.leap, prev.leap);
			assert_int_equal(l.year, prev.year);
		}
		prev = l;
	}
	/* 71 years of about 12.37 lunations */
	assert_true(months > 875 && months < 880);
}

/* Over the whole supported range: every lunar year has a Tết in late
 * January or February and at most one leap month. */
static void test_whole_range(void **state)
{
	(void)state;
	for (int y = KH_LUNAR_SOLAR_MIN_YEAR; y <= KH_LUNAR_SOLAR_MAX_YEAR; y++) {
		kh_day tet;
		assert_true(kh_solar_from_lunar(y, 1, 1, false, &tet));
		int ty, tm, td;
		kh_date_split(tet, &ty, &tm, &td);
		assert_int_equal(ty, y);
		assert_true((tm == 1 && td >= 20) || (tm == 2 && td <= 20));
		assert_lunar(tet, y, 1, 1, false);
		int leap = kh_lunar_leap_month(y);
		assert_true(leap >= 0 && leap <= 12);
	}
	assert_lunar(D(1900, 1, 1), 1899, 12, 1, false);
	assert_lunar(D(1900, 1, 31), 1900, 1, 1, false);
	assert_int_equal(kh_lunar_from_solar(D(2199, 12, 31)).year, 2199);
}

static void test_invalid_inputs(void **state)
{
	(void)state;
	kh_day d = 12345;
	assert_false(kh_solar_from_lunar(2024, 0, 1, false, &d));
	assert_false(kh_solar_from_lunar(2024, 13, 1, false, &d));
	assert_false(kh_solar_from_lunar(2024, 1, 0, false, &d));
	assert_false(kh_solar_from_lunar(2024, 1, 31, false, &d));
	assert_false(kh_solar_from_lunar(2024, 1, -5, false, &d));
	/* leap months a year lacks */
	assert_false(kh_solar_from_lunar(2024, 6, 1, true, &d));
	assert_false(kh_solar_from_lunar(2025, 5, 1, true, &d));
	assert_false(kh_solar_from_lunar(2025, 7, 1, true, &d));
	assert_true(kh_solar_from_lunar(2025, 6, 1, true, &d));
	/* day 30 of a 29-day month: exactly the months whose next month starts
	 * 29 days after them */
	for (int m = 1; m <= 12; m++) {
		kh_day first, next;
		assert_true(kh_solar_from_lunar(2024, m, 1, false, &first));
		if (m < 12)
			assert_true(kh_solar_from_lunar(2024, m + 1, 1, false, &next));
		else
			assert_true(kh_solar_from_lunar(2025, 1, 1, false, &next));
		kh_day x;
		assert_int_equal(kh_solar_from_lunar(2024, m, 30, false, &x), next - first == 30);
		assert_true(next - first == 29 || next - first == 30);
	}
	/* outside the supported range: false or a zero year, never UB */
	assert_int_equal(d, D(2025, 7, 25)); /* untouched by the failures above */
	assert_false(kh_solar_from_lunar(1800, 1, 1, false, &d));
	assert_false(kh_solar_from_lunar(2300, 1, 1, false, &d));
	assert_false(kh_solar_from_lunar(2199, 12, 1, false, &d)); /* lands in 2200 */
	assert_false(kh_solar_from_lunar(INT_MIN, 1, 1, false, &d));
	assert_false(kh_solar_from_lunar(INT_MAX, INT_MAX, INT_MAX, true, &d));
	assert_int_equal(d, D(2025, 7, 25));
	assert_int_equal(kh_lunar_from_solar(D(1899, 12, 31)).year, 0);
	assert_int_equal(kh_lunar_from_solar(D(2200, 1, 1)).year, 0);
	assert_int_equal(kh_lunar_from_solar(LONG_MIN).year, 0);
	assert_int_equal(kh_lunar_from_solar(LONG_MAX).year, 0);
	assert_int_equal(kh_lunar_leap_month(1899), -1);
	assert_int_equal(kh_lunar_leap_month(2200), -1);
	assert_int_equal(kh_lunar_leap_month(INT_MIN), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tet_2000_2040),
		cmocka_unit_test(test_gio_to_2000_2040),
		cmocka_unit_test(test_domain_vectors),
		cmocka_unit_test(test_time_zone_traps),
		cmocka_unit_test(test_round_trip_1990_2060),
		cmocka_unit_test(test_whole_range),
		cmocka_unit_test(test_invalid_inputs),
	};
	return cmocka_run_group_tests_name("lunar", tests, NULL, NULL);
}

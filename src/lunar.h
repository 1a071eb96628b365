/*
 * lunar.h - the Vietnamese lunar calendar (âm lịch), computed for UTC+7
 * with Hồ Ngọc Đức's rules: a month starts on the local day of a new moon,
 * month 11 holds the winter solstice, and in a 13-month year the first
 * month with no major solar term is the leap month. New moons and the sun's
 * longitude come from Meeus, "Astronomical Algorithms". No tables, no
 * global state: every call computes what it needs (reentrant).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_LUNAR_H
#define KH_LUNAR_H

#include <stdbool.h>

#include "date.h"

/* Solar dates the conversion answers for: 1900-01-01 .. 2199-12-31. */
#define KH_LUNAR_SOLAR_MIN_YEAR 1900
#define KH_LUNAR_SOLAR_MAX_YEAR 2199

typedef struct kh_lunar {
	int year, month, day;     /* year 0 = outside the supported range */
	bool leap;                /* tháng nhuận: a repeat of MONTH */
} kh_lunar;

/* The lunar date of D; { 0, 0, 0, false } outside the supported range. */
kh_lunar kh_lunar_from_solar(kh_day d);

/* The solar day of a lunar date. False if that lunar day does not exist
 * (day 30 of a 29-day month, a leap month the year lacks, month 13) or
 * falls outside the supported range. */
bool kh_solar_from_lunar(int year, int month, int day, bool leap, kh_day *out);

/* The leap month of lunar YEAR (2017 -> 6), 0 when it has none, -1 when
 * YEAR is outside 1900..2199. */
int kh_lunar_leap_month(int year);

#endif

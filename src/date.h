/*
 * date.h - civil (proleptic Gregorian) dates as day numbers, and the
 * date arithmetic plans need: validity, month lengths, weekdays, windows
 * (ten-day periods, months, quarters, years), adding months with one
 * written rule for month ends, and working-day offsets.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_DATE_H
#define KH_DATE_H

#include <stdbool.h>
#include <stddef.h>

/* Days since 1970-01-01 (negative before). Valid for years 1..9999. */
typedef long kh_day;

#define KH_YEAR_MIN 1
#define KH_YEAR_MAX 9999
/* The years a plan's dates may name: those the calendar (holidays, lunar
 * dates) answers for. Derived dates (offsets, meeting lengths) stay near. */
#define KH_PLAN_YEAR_MIN 1900
#define KH_PLAN_YEAR_MAX 2199

bool kh_is_leap(int year);
int kh_month_days(int year, int month);           /* 0 if month out of 1..12 */
bool kh_date_valid(int year, int month, int day);
kh_day kh_date_make(int year, int month, int day); /* caller checks validity first */
void kh_date_split(kh_day d, int *year, int *month, int *day);
int kh_weekday(kh_day d);                          /* 0 = Monday .. 6 = Sunday (ISO) */
/* "YYYY-MM-DD" into BUF (at least 11 bytes). */
void kh_date_iso(kh_day d, char *buf);
/* SOURCE_DATE_EPOCH (reproducible builds) as a day and the seconds into
 * it (UTC); false when it is unset or not a time before year 10000. */
bool kh_source_date_epoch(kh_day *day, long *seconds);

/*
 * Adding months: the day of month is kept, and when the target month is
 * shorter it is clamped to that month's last day (31/1 + 1 month = 28/2 or
 * 29/2; 31/3 - 1 month = 28/2 or 29/2). This is the one rule for month ends.
 */
kh_day kh_add_months(kh_day d, int months);

/* Windows: [*start, *end] inclusive. Return false on invalid input. */
bool kh_window_month(int year, int month, kh_day *start, kh_day *end);
/* part 1 = thượng tuần (1-10), 2 = trung tuần (11-20), 3 = hạ tuần (21-end). */
bool kh_window_decade(int year, int month, int part, kh_day *start, kh_day *end);
bool kh_window_quarter(int year, int quarter, kh_day *start, kh_day *end);
bool kh_window_year(int year, kh_day *start, kh_day *end);

/*
 * Working days: Monday to Friday, minus the days for which IS_HOLIDAY
 * (may be NULL) returns true. kh_add_working_days(d, -5, ...) is the fifth
 * working day before d (d itself not counted).
 */
typedef bool (*kh_holiday_fn)(kh_day d, void *ctx);
bool kh_is_working_day(kh_day d, kh_holiday_fn is_holiday, void *ctx);
kh_day kh_add_working_days(kh_day d, int n, kh_holiday_fn is_holiday, void *ctx);
/* Working days strictly after A up to and including B (negative if B < A). */
long kh_working_days_between(kh_day a, kh_day b, kh_holiday_fn is_holiday, void *ctx);

/*
 * Parsing the numeric date forms the lexer recognises. Each returns true
 * and fills the fields when the text has the form, whatever the values;
 * validity is checked separately so the caller can report "31/2/2019 is
 * not a date: February 2019 has 28 days".
 *   "30/8/2019", "30-3-2007", "2019-08-30"  -> day, month, year
 *   "11/2023", "5/2017"                       -> month, year
 * Numbers that overflow are rejected (return false), never UB.
 */
bool kh_parse_dmy(const char *s, unsigned len, int *year, int *month, int *day);
bool kh_parse_my(const char *s, unsigned len, int *year, int *month);

/* Why Y-M-D is invalid, as a short English phrase, or NULL if it is valid:
 * "month 13 does not exist", "February 2019 has 28 days", "year 0 is out of range". */
const char *kh_date_problem(int year, int month, int day);
/* The same into BUF (reentrant); NULL when the date is valid. */
const char *kh_date_problem_buf(int year, int month, int day, char *buf, size_t n);

#endif

/*
 * date.c - proleptic Gregorian day numbers and the window arithmetic plans
 * need; no time zones, no libc time functions.
 * Part of kehoach; see README.md for the licence.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "date.h"
#include "i18n.h"

bool kh_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int kh_month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && kh_is_leap(y) ? 29 : days[m - 1];
}

bool kh_date_valid(int y, int m, int d)
{
	return y >= KH_YEAR_MIN && y <= KH_YEAR_MAX && m >= 1 && m <= 12 && d >= 1 &&
	       d <= kh_month_days(y, m);
}

/* Days from civil, after Howard Hinnant's algorithm (eras of 400 years). */
kh_day kh_date_make(int y, int m, int d)
{
	long yy = (long)y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void kh_date_split(kh_day z, int *year, int *month, int *day)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;
	*year = (int)(y + (m <= 2));
	*month = (int)m;
	*day = (int)d;
}

int kh_weekday(kh_day d)
{
	/* 1970-01-01 was a Thursday (3); d % 7 first so no value overflows. */
	long w = (d % 7 + 3) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

void kh_date_iso(kh_day d, char *buf)
{
	int y, m, day;
	kh_date_split(d, &y, &m, &day);
	snprintf(buf, 11, "%04d-%02d-%02d", y, m, day);
}

kh_day kh_add_months(kh_day d, int months)
{
	int y, m, day;
	kh_date_split(d, &y, &m, &day);
	long total = (long)y * 12 + (m - 1) + months;
	long ny = total / 12, nm = total % 12 + 1;
	if (ny < KH_YEAR_MIN)
		return kh_date_make(KH_YEAR_MIN, 1, 1);
	if (ny > KH_YEAR_MAX)
		return kh_date_make(KH_YEAR_MAX, 12, 31);
	int last = kh_month_days((int)ny, (int)nm);
	return kh_date_make((int)ny, (int)nm, day > last ? last : day);
}

bool kh_window_month(int y, int m, kh_day *start, kh_day *end)
{
	if (y < KH_YEAR_MIN || y > KH_YEAR_MAX || m < 1 || m > 12)
		return false;
	*start = kh_date_make(y, m, 1);
	*end = kh_date_make(y, m, kh_month_days(y, m));
	return true;
}

bool kh_window_decade(int y, int m, int part, kh_day *start, kh_day *end)
{
	if (part < 1 || part > 3 || !kh_window_month(y, m, start, end))
		return false;
	*start = kh_date_make(y, m, 1 + (part - 1) * 10);
	if (part < 3)
		*end = kh_date_make(y, m, part * 10);
	return true;
}

bool kh_window_quarter(int y, int q, kh_day *start, kh_day *end)
{
	kh_day s, e;
	if (q < 1 || q > 4 || !kh_window_month(y, q * 3 - 2, start, &e) ||
	    !kh_window_month(y, q * 3, &s, end))
		return false;
	return true;
}

bool kh_window_year(int y, kh_day *start, kh_day *end)
{
	if (y < KH_YEAR_MIN || y > KH_YEAR_MAX)
		return false;
	*start = kh_date_make(y, 1, 1);
	*end = kh_date_make(y, 12, 31);
	return true;
}

bool kh_is_working_day(kh_day d, kh_holiday_fn is_holiday, void *ctx)
{
	return kh_weekday(d) < 5 && !(is_holiday && is_holiday(d, ctx));
}

kh_day kh_add_working_days(kh_day d, int n, kh_holiday_fn is_holiday, void *ctx)
{
	int step = n < 0 ? -1 : 1;
	long left = n < 0 ? -(long)n : n;
	long scanned = 0;
	while (left > 0) {
		d += step;
		if (kh_is_working_day(d, is_holiday, ctx)) {
			left--;
			scanned = 0;
		} else if (++scanned > 3660) {
			break; /* no working day in ten years: give up rather than loop */
		}
	}
	return d;
}

long kh_working_days_between(kh_day a, kh_day b, kh_holiday_fn is_holiday, void *ctx)
{
	long n = 0;
	kh_day lo = a < b ? a : b, hi = a < b ? b : a;
	for (kh_day d = lo + 1; d <= hi; d++)
		if (kh_is_working_day(d, is_holiday, ctx))
			n++;
	return a <= b ? n : -n;
}

static bool digits(const char *s, unsigned from, unsigned to, int *out)
{
	int v = 0;
	if (from >= to)
		return false;
	for (unsigned i = from; i < to; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

bool kh_parse_dmy(const char *s, unsigned len, int *year, int *month, int *day)
{
	if (len == 10 && s[4] == '-' && s[7] == '-')
		return digits(s, 0, 4, year) && digits(s, 5, 7, month) && digits(s, 8, 10, day);
	unsigned i = 0, a, b;
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i < 1 || i > 2 || i >= len || (s[i] != '/' && s[i] != '-'))
		return false;
	char sep = s[i];
	a = i++;
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i - a - 1 < 1 || i - a - 1 > 2 || i >= len || s[i] != sep)
		return false;
	b = i++;
	if (len - i != 4)
		return false;
	return digits(s, 0, a, day) && digits(s, a + 1, b, month) && digits(s, i, len, year);
}

bool kh_parse_my(const char *s, unsigned len, int *year, int *month)
{
	unsigned i = 0;
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i < 1 || i > 2 || i >= len || s[i] != '/' || len - i - 1 != 4)
		return false;
	return digits(s, 0, i, month) && digits(s, i + 1, len, year);
}

/* TRANSLATORS: the months fill "%s has %d days". */
static const char *const month_names[] = {
	N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
	N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

const char *kh_date_problem_buf(int y, int m, int d, char *buf, size_t n)
{
	if (y < KH_YEAR_MIN || y > KH_YEAR_MAX)
		snprintf(buf, n, _("year %d is out of range (%d-%d)"), y, KH_YEAR_MIN, KH_YEAR_MAX);
	else if (m < 1 || m > 12)
		snprintf(buf, n, _("month %d does not exist"), m);
	else if (d < 1)
		snprintf(buf, n, _("day %d does not exist"), d);
	else if (d > kh_month_days(y, m) && m == 2)
		snprintf(buf, n, _("February %d has %d days"), y, kh_month_days(y, m));
	else if (d > kh_month_days(y, m))
		/* TRANSLATORS: a month's name (September) and its number of days. */
		snprintf(buf, n, _("%s has %d days"), _(month_names[m - 1]), kh_month_days(y, m));
	else
		return NULL;
	return buf;
}

const char *kh_date_problem(int y, int m, int d)
{
	static char buf[80];
	return kh_date_problem_buf(y, m, d, buf, sizeof buf);
}

bool kh_source_date_epoch(kh_day *day, long *seconds)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	if (!env || !*env)
		return false;
	char *end;
	long long v = strtoll(env, &end, 10);
	if (*end || v < 0 || v >= 253402300800LL)
		return false;
	*day = (kh_day)(v / 86400);
	*seconds = (long)(v % 86400);
	return true;
}

/*
 * lunar.c - solar <-> Vietnamese lunar dates for UTC+7, after the rules
 * Hồ Ngọc Đức describes (informatik.uni-leipzig.de/~duc/amlich/calrules.html)
 * with the new-moon and sun-longitude series from Meeus.
 *
 * Months are named by their lunation index k: new moon number k after the
 * one of 1900-01-01. A "period" P(Y) is the run of months from month 11 of
 * lunar year Y-1 (the one holding the winter solstice of solar year Y-1) up
 * to, not including, month 11 of lunar year Y: 12 months, or 13 when one of
 * them is a leap month. Months 11 and 12 of P(Y) belong to lunar year Y-1,
 * the rest to Y.
 *
 * libm is not linked by the Makefile, so floor and sine are done here.
 * Part of kehoach; see README.md for the licence.
 */
#include "lunar.h"


#define TZ_HOURS 7.0              /* Vietnam: UTC+7 since 1967/1975 */
#define JDN_1970 2440588L         /* Julian Day Number of 1970-01-01 */
#define SYNODIC 29.530588853      /* mean lunation, days */
#define NEW_MOON_0 2415021.076998695 /* JD of lunation 0 (1900-01-01) */
#define PI 3.14159265358979323846

/* floor for the small magnitudes used here (|x| < 1e9). */
static long ifloor(double x)
{
	long i = (long)x;
	return (double)i > x ? i - 1 : i;
}

/* sin of an angle in degrees: reduce to [-90, 90] first, so a short
 * Taylor series is exact to double precision. */
static double sin_deg(double deg)
{
	double r = deg - 360.0 * (double)ifloor(deg / 360.0);
	if (r > 180.0)
		r -= 360.0;
	if (r > 90.0)
		r = 180.0 - r;
	else if (r < -90.0)
		r = -180.0 - r;
	double x = r * (PI / 180.0), x2 = x * x, term = x, sum = x;
	for (int n = 1; n <= 12; n++) {
		term *= -x2 / (double)((2 * n) * (2 * n + 1));
		sum += term;
	}
	return sum;
}

/* Julian day (UT) of new moon K: mean phase plus the main periodic terms
 * (Meeus ch. 49, truncated as in the reference implementation), minus ΔT. */
static double new_moon_jd(long k)
{
	double kk = (double)k, t = kk / 1236.85, t2 = t * t, t3 = t2 * t;
	double jd = 2415020.75933 + 29.53058868 * kk + 0.0001178 * t2 - 0.000000155 * t3 +
		    0.00033 * sin_deg(166.56 + 132.87 * t - 0.009173 * t2);
	double m = 359.2242 + 29.10535608 * kk - 0.0000333 * t2 - 0.00000347 * t3;  /* sun */
	double mp = 306.0253 + 385.81691806 * kk + 0.0107306 * t2 + 0.00001236 * t3; /* moon */
	double f = 21.2964 + 390.67050646 * kk - 0.0016528 * t2 - 0.00000239 * t3;  /* latitude */
	double c = (0.1734 - 0.000393 * t) * sin_deg(m) + 0.0021 * sin_deg(2 * m) -
		   0.4068 * sin_deg(mp) + 0.0161 * sin_deg(2 * mp) - 0.0004 * sin_deg(3 * mp) +
		   0.0104 * sin_deg(2 * f) - 0.0051 * sin_deg(m + mp) - 0.0074 * sin_deg(m - mp) +
		   0.0004 * sin_deg(2 * f + m) - 0.0004 * sin_deg(2 * f - m) -
		   0.0006 * sin_deg(2 * f + mp) + 0.0010 * sin_deg(2 * f - mp) +
		   0.0005 * sin_deg(2 * mp + m);
	double dt;
	if (t < -11)
		dt = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
	else
		dt = -0.000278 + 0.000265 * t + 0.000262 * t2;
	return jd + c - dt;
}

/* JDN of the local (UTC+7) day holding new moon K: day 1 of that month. */
static long new_moon_day(long k)
{
	return ifloor(new_moon_jd(k) + 0.5 + TZ_HOURS / 24.0);
}

/* The sun's longitude at local midnight starting day JDN, as a 30° sector
 * 0..11 (sector 9 begins at the winter solstice, 270°). */
static int sun_sector(long jdn)
{
	double t = ((double)jdn - 0.5 - TZ_HOURS / 24.0 - 2451545.0) / 36525.0;
	double t2 = t * t, t3 = t2 * t;
	double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t3;
	double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
	double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin_deg(m) +
		    (0.019993 - 0.000101 * t) * sin_deg(2 * m) + 0.000290 * sin_deg(3 * m);
	double l = l0 + dl;
	l -= 360.0 * (double)ifloor(l / 360.0);
	return (int)ifloor(l / 30.0);
}

/* Lunation index of month 11 of solar year Y: the last new moon on or
 * before 31/12, or the one before it if that moon already follows the
 * solstice (so that month 11 holds the solstice). */
static long month11(int y)
{
	long off = kh_date_make(y, 12, 31) + JDN_1970 - 2415021L;
	long k = ifloor((double)off / SYNODIC);
	if (sun_sector(new_moon_day(k)) >= 9)
		k--;
	return k;
}

typedef struct period {
	long a;        /* lunation of its month 11 */
	int len;       /* 12 or 13 months */
	int leap_off;  /* offset of the leap month from A, 0 if none */
} period;

/* P(Y): from month 11 of solar year Y-1 to month 11 of Y. In a 13-month
 * period the leap month is the first after month 11 with no major solar
 * term, i.e. the sun is in the same sector when it starts and when the
 * next month starts. */
static period compute_period(int y)
{
	period p = { month11(y - 1), 0, 0 };
	p.len = (int)(month11(y) - p.a);
	if (p.len < 13)
		return p;
	int prev = sun_sector(new_moon_day(p.a + 1));
	for (int i = 1; i <= 12; i++) {
		int next = sun_sector(new_moon_day(p.a + i + 1));
		if (next == prev) {
			p.leap_off = i;
			return p;
		}
		prev = next;
	}
	p.leap_off = 12; /* not reached in 1900..2199; keeps the numbering total */
	return p;
}

/* Periods are fixed by astronomy, and a plan with many lunar holidays
 * over many years asks for the same ones again and again (one per
 * holiday per year): each is worked out once per run. Plain static
 * memory, not the collector's: the values hold no pointers. */
enum { PERIOD_FIRST = KH_LUNAR_SOLAR_MIN_YEAR - 1, PERIOD_LAST = KH_LUNAR_SOLAR_MAX_YEAR + 1 };
static period periods[PERIOD_LAST - PERIOD_FIRST + 1];
static bool period_known[PERIOD_LAST - PERIOD_FIRST + 1];

static period period_of(int y)
{
	if (y < PERIOD_FIRST || y > PERIOD_LAST)
		return compute_period(y);
	int i = y - PERIOD_FIRST;
	if (!period_known[i]) {
		periods[i] = compute_period(y);
		period_known[i] = true;
	}
	return periods[i];
}

/* Month number of offset OFF in P: months run 11, 12, 1, ...; the leap
 * month repeats the number of the month before it. */
static int month_number(const period *p, int off, bool *leap)
{
	*leap = p->leap_off && off == p->leap_off;
	int m = (p->leap_off && off >= p->leap_off) ? 10 + off : 11 + off;
	return m > 12 ? m - 12 : m;
}

static bool solar_in_range(kh_day d)
{
	return d >= kh_date_make(KH_LUNAR_SOLAR_MIN_YEAR, 1, 1) &&
	       d <= kh_date_make(KH_LUNAR_SOLAR_MAX_YEAR, 12, 31);
}

kh_lunar kh_lunar_from_solar(kh_day d)
{
	kh_lunar r = { 0, 0, 0, false };
	if (!solar_in_range(d))
		return r;
	long jd = d + JDN_1970;
	long k = ifloor(((double)jd - NEW_MOON_0) / SYNODIC);
	/* the estimate is within one lunation; settle on the month holding jd */
	while (new_moon_day(k + 1) <= jd)
		k++;
	while (new_moon_day(k) > jd)
		k--;
	int y, m, dd;
	kh_date_split(d, &y, &m, &dd);
	/* jd is either before month 11 of this solar year (period y) or in it
	 * or after (period y+1). */
	int py = k >= month11(y) ? y + 1 : y;
	period p = period_of(py);
	int off = (int)(k - p.a);
	r.month = month_number(&p, off, &r.leap);
	r.year = r.month >= 11 ? py - 1 : py;
	r.day = (int)(jd - new_moon_day(k)) + 1;
	return r;
}

bool kh_solar_from_lunar(int year, int month, int day, bool leap, kh_day *out)
{
	/* 1899: its month 12 starts in January 1900 */
	if (year < KH_LUNAR_SOLAR_MIN_YEAR - 1 || year > KH_LUNAR_SOLAR_MAX_YEAR ||
	    month < 1 || month > 12 || day < 1 || day > 30)
		return false;
	int py = month >= 11 ? year + 1 : year;
	period p = period_of(py);
	int off = month >= 11 ? month - 11 : month + 1;
	if (p.leap_off) {
		bool is_leap;
		int leap_month = month_number(&p, p.leap_off, &is_leap);
		if (leap) {
			if (month != leap_month)
				return false;
			off = p.leap_off;
		} else if (off >= p.leap_off) {
			off++;
		}
	} else if (leap) {
		return false;
	}
	long start = new_moon_day(p.a + off);
	if (day > new_moon_day(p.a + off + 1) - start)
		return false;
	kh_day d = start + day - 1 - JDN_1970;
	if (!solar_in_range(d))
		return false;
	*out = d;
	return true;
}

int kh_lunar_leap_month(int year)
{
	if (year < KH_LUNAR_SOLAR_MIN_YEAR || year > KH_LUNAR_SOLAR_MAX_YEAR)
		return -1;
	bool leap;
	/* a leap 1..10 sits in P(year); a leap 11 or 12 in P(year+1) */
	period p = period_of(year);
	if (p.leap_off >= 3)
		return month_number(&p, p.leap_off, &leap);
	p = period_of(year + 1);
	if (p.leap_off >= 1 && p.leap_off <= 2)
		return month_number(&p, p.leap_off, &leap);
	return 0;
}

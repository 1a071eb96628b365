/*
 * calendar.c - working days from the program's holiday declarations.
 *
 * A year's days are worked out on first use and kept: for each day whether
 * it is worked and which holiday it belongs to, plus running counts so a
 * span of working days is a subtraction. Each year is computed over a
 * window reaching PAD days into its neighbours, so Tết spans and
 * compensatory days that cross New Year come out the same from both sides.
 *
 * Compensatory days (Bộ luật Lao động 2019, art. 111(3)): each day of a
 * SOLAR or LUNAR holiday that falls on a Saturday or Sunday gives one day
 * off on the next Monday-Friday that is not itself such a holiday day, in
 * date order. One-off DAY_OFF entries do not push it further, so a declared
 * nghỉ bù on that same day is not counted twice.
 *
 * A DAY_OFF may span days (số_ngày): a year's notice gives a whole break
 * ("from Thursday 8/2 to Wednesday 14/2/2024"), which already holds the
 * compensatory days it grants. A holiday day on a weekend inside such a
 * break therefore gives none of its own: Tết 2024 computed as 9-13/2 would
 * put its days in lieu on 14 and 15/2, where the notice worked on the 15th.
 * Part of kehoach; see README.md for the licence.
 */
#include "calendar.h"

#include <limits.h>

#include "alloc.h"
#include "lunar.h"

#define SPAN_MAX 31           /* longest span (days, start_before) honoured */
#define PAD 100               /* window days either side of a computed year */
#define WIN_MAX (366 + 2 * PAD)
#define BUCKETS 64            /* year cache: a plan touches few years */
#define SCAN_MAX 3660         /* give up looking for a working day after ten years */
/* Day numbers are clamped to this before arithmetic, so no sum overflows. */
#define DAY_CLAMP (LONG_MAX / 4)

enum {
	F_HOLIDAY = 1,        /* a day of a SOLAR or LUNAR holiday */
	F_COMP = 2,           /* compensatory day off */
	F_OFF = 4,            /* DAY_OFF */
	F_WORK = 8            /* WORKDAY: worked although a weekend */
};

typedef struct cal_year {
	struct cal_year *next;
	int year, ndays;
	kh_day start;                   /* 1 January */
	unsigned char work[366];        /* 1 = working day */
	const kh_holiday *hol[366];
	int cum[367];                   /* working days among the first i days */
} cal_year;

typedef struct cal_cache {
	cal_year *bucket[BUCKETS];
} cal_cache;

struct kh_calendar {
	const kh_holiday **hol;
	size_t n;
	kh_day lo, hi;                  /* days with a civil date: years 1..9999 */
	cal_cache *cache;               /* filled on use; the calendar itself stays const */
};

kh_calendar *kh_calendar_build(const kh_program *prog)
{
	kh_calendar *c = KH_NEW(kh_calendar);
	c->cache = KH_NEW(cal_cache);
	c->lo = kh_date_make(KH_YEAR_MIN, 1, 1);
	c->hi = kh_date_make(KH_YEAR_MAX, 12, 31);
	if (!prog || !prog->holidays.n)
		return c;
	c->hol = KH_NEW_N(const kh_holiday *, prog->holidays.n);
	for (size_t i = 0; i < prog->holidays.n; i++) {
		const kh_holiday *h = KH_VEC_AT(prog->holidays, const kh_holiday, i);
		if (h)
			c->hol[c->n++] = h;
	}
	return c;
}

/* Saturday or Sunday. Not kh_weekday: its d + 3 overflows at LONG_MAX. */
static bool is_weekend(kh_day d)
{
	long w = (d % 7 + 10) % 7; /* 0 = Monday; 1970-01-01 was a Thursday */
	return w >= 5;
}

static bool in_force(const kh_holiday *h, kh_day d)
{
	return (!h->has_from || d >= h->from) && (!h->has_until || d <= h->until);
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The window a year is computed over, and what is marked in it. */
typedef struct window {
	kh_day w0;
	long n;
	unsigned char flag[WIN_MAX];
	const kh_holiday *who[WIN_MAX];
} window;

/* Mark the days of holiday H whose date is ANCHOR this year. */
static void mark_span(window *w, const kh_holiday *h, kh_day anchor)
{
	if (!in_force(h, anchor))
		return;
	int days = clamp(h->days, 1, SPAN_MAX);
	kh_day first = anchor - clamp(h->start_before, -SPAN_MAX, SPAN_MAX);
	for (int i = 0; i < days; i++) {
		long j = first + i - w->w0;
		if (j < 0 || j >= w->n)
			continue;
		w->flag[j] |= F_HOLIDAY;
		if (!w->who[j])
			w->who[j] = h;
	}
}

static void mark_recurring(window *w, const kh_holiday *h, int year)
{
	/* the window spans parts of year-1 and year+1; a lunar year's dates
	 * run from late January to the next February, so the same three
	 * lunar years cover it */
	for (int y = year - 1; y <= year + 1; y++) {
		kh_day anchor;
		if (h->kind == KH_HOLIDAY_SOLAR) {
			if (!kh_date_valid(y, h->month, h->day))
				continue; /* 29/2 in a common year, or a year out of range */
			anchor = kh_date_make(y, h->month, h->day);
		} else if (!kh_solar_from_lunar(y, h->month, h->day, false, &anchor)) {
			/* day 30 of a 29-day month (30 Tết): its last day is meant */
			if (h->day != 30 || !kh_solar_from_lunar(y, h->month, 29, false, &anchor))
				continue;
		}
		mark_span(w, h, anchor);
	}
}

/* Holiday days on a weekend give, in date order, the next weekday that is
 * not a holiday day; none for those inside a declared break (F_OFF). */
static void mark_compensatory(window *w)
{
	const kh_holiday *queue[WIN_MAX];
	long head = 0, tail = 0;
	for (long j = 0; j < w->n; j++) {
		bool weekend = is_weekend(w->w0 + j);
		if (w->flag[j] & F_HOLIDAY) {
			if (weekend && !(w->flag[j] & F_OFF))
				queue[tail++] = w->who[j];
		} else if (!weekend && head < tail) {
			w->flag[j] |= F_COMP;
			w->who[j] = queue[head++];
		}
	}
}

/* A declared day off (each day of its span) or make-up working day, over
 * the whole window: a break near New Year bounds the days in lieu of both
 * years alike. */
static void mark_one_off(window *w, const kh_holiday *h)
{
	if (!in_force(h, h->date) || h->date < w->w0 - SPAN_MAX || h->date >= w->w0 + w->n)
		return;
	int days = clamp(h->days, 1, SPAN_MAX);
	for (int i = 0; i < days; i++) {
		long j = h->date + i - w->w0;
		if (j < 0 || j >= w->n)
			continue;
		if (h->kind == KH_HOLIDAY_WORKDAY) {
			w->flag[j] |= F_WORK;
			continue;
		}
		w->flag[j] |= F_OFF;
		if (!w->who[j])
			w->who[j] = h;
	}
}

static cal_year *compute_year(const kh_calendar *c, int year)
{
	cal_year *cy = KH_NEW(cal_year);
	cy->year = year;
	cy->start = kh_date_make(year, 1, 1);
	cy->ndays = kh_is_leap(year) ? 366 : 365;

	window win = { .w0 = cy->start - PAD, .n = cy->ndays + 2 * PAD }, *w = &win;
	for (size_t i = 0; i < c->n; i++)
		if (c->hol[i]->kind == KH_HOLIDAY_SOLAR || c->hol[i]->kind == KH_HOLIDAY_LUNAR)
			mark_recurring(w, c->hol[i], year);
	/* one-off days before the days in lieu, whose breaks they bound; they
	 * are the government's word for that year, so nothing overrides them */
	for (size_t i = 0; i < c->n; i++)
		if (c->hol[i]->kind == KH_HOLIDAY_DAY_OFF || c->hol[i]->kind == KH_HOLIDAY_WORKDAY)
			mark_one_off(w, c->hol[i]);
	mark_compensatory(w);
	for (int i = 0; i < cy->ndays; i++) {
		long j = PAD + i;
		bool off = (w->flag[j] & (F_HOLIDAY | F_COMP | F_OFF)) || is_weekend(cy->start + i);
		bool work = (w->flag[j] & F_WORK) || !off;
		cy->work[i] = work;
		cy->hol[i] = work ? NULL : w->who[j];
		cy->cum[i + 1] = cy->cum[i] + work;
	}
	return cy;
}

/* The cached year holding D, or NULL when D has no civil date. */
static const cal_year *year_of(const kh_calendar *c, kh_day d)
{
	if (d < c->lo || d > c->hi)
		return NULL;
	int y, m, day;
	kh_date_split(d, &y, &m, &day);
	cal_year **slot = &c->cache->bucket[(unsigned)y % BUCKETS];
	for (cal_year *cy = *slot; cy; cy = cy->next)
		if (cy->year == y)
			return cy;
	cal_year *cy = compute_year(c, y);
	cy->next = *slot;
	*slot = cy;
	return cy;
}

const kh_holiday *kh_calendar_holiday(const kh_calendar *c, kh_day d)
{
	const cal_year *cy = year_of(c, d);
	return cy ? cy->hol[d - cy->start] : NULL;
}

bool kh_calendar_is_working_day(const kh_calendar *c, kh_day d)
{
	const cal_year *cy = year_of(c, d);
	return cy ? cy->work[d - cy->start] : !is_weekend(d);
}

kh_day kh_calendar_prev_working_day(const kh_calendar *c, kh_day d)
{
	if (d < -DAY_CLAMP)
		d = -DAY_CLAMP;
	for (int i = 0; i < SCAN_MAX && !kh_calendar_is_working_day(c, d); i++)
		d--;
	return d;
}

/* Mondays to Fridays in (a, b], a <= b: for days without a civil date. */
static long weekdays_between(kh_day a, kh_day b)
{
	long n = b - a, count = n / 7 * 5;
	for (kh_day d = a + n / 7 * 7 + 1; d <= b; d++)
		count += !is_weekend(d);
	return count;
}

long kh_calendar_working_days_between(const kh_calendar *c, kh_day a, kh_day b)
{
	a = a < -DAY_CLAMP ? -DAY_CLAMP : a > DAY_CLAMP ? DAY_CLAMP : a;
	b = b < -DAY_CLAMP ? -DAY_CLAMP : b > DAY_CLAMP ? DAY_CLAMP : b;
	kh_day lo = a < b ? a : b, hi = a < b ? b : a;
	long n = 0;
	/* the parts before year 1 and after 9999: weekends only */
	if (lo < c->lo - 1) {
		kh_day e = hi < c->lo - 1 ? hi : c->lo - 1;
		n += weekdays_between(lo, e);
		lo = e;
	}
	if (hi > c->hi) {
		kh_day s = lo > c->hi ? lo : c->hi;
		n += weekdays_between(s, hi);
		hi = s;
	}
	/* the rest a year at a time from the running counts */
	while (lo < hi) {
		const cal_year *cy = year_of(c, lo + 1);
		kh_day last = cy->start + cy->ndays - 1;
		if (last > hi)
			last = hi;
		n += cy->cum[last - cy->start + 1] - cy->cum[lo + 1 - cy->start];
		lo = last;
	}
	return a <= b ? n : -n;
}

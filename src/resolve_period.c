/*
 * resolve_period.c - how long a plan runs, read once when the plan is
 * resolved so that every output ends its recurring duties on the same
 * day (timeline.c chooses, per duty, which of these applies):
 *
 * - the period its title names: "giai đoạn 2021 - 2025", "nhiệm kỳ
 *   2020–2025", "thời kỳ …", "năm 2021 - 2025" (two years joined by a
 *   dash), else "đến năm 2025"; it ends on 31/12 of the last year. A
 *   range wins over "đến năm" ("giai đoạn 2021 - 2025, định hướng đến năm
 *   2030" runs to 2025), and the first range written wins;
 * - its latest dated deadline, window or meeting (a "từ" window counts
 *   by its start, the day it is listed under). A task or meeting level
 *   that recurs does not count: its dates only anchor the series.
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>

#include "resolve_int.h"

/* Reads 4 digits at *P, not followed by another digit. */
static bool year_at(const char **p, int *year)
{
	const char *s = *p;
	int y = 0;
	for (int i = 0; i < 4; i++, s++) {
		if (*s < '0' || *s > '9')
			return false;
		y = y * 10 + (*s - '0');
	}
	if (*s >= '0' && *s <= '9')
		return false;
	*p = s;
	*year = y;
	return y >= KH_YEAR_MIN;
}

static const char *skip_spaces(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

/* A hyphen, an en dash or an em dash, with spaces around it or not. */
static bool dash_at(const char **p)
{
	const char *s = skip_spaces(*p);
	if (*s == '-')
		s++;
	else if (!strncmp(s, "\xe2\x80\x93", 3) || !strncmp(s, "\xe2\x80\x94", 3))
		s += 3;
	else
		return false;
	*p = skip_spaces(s);
	return true;
}

/* Is position AT of S the start of a word? */
static bool word_start(const char *s, const char *at)
{
	return at == s || at[-1] == ' ' || at[-1] == '(' || at[-1] == ',' || at[-1] == '"';
}

/* In the folded title F, the first "WORD YYYY - YYYY" (WORD one of the
 * period words) or, without one, the first "đến năm YYYY". The words are
 * folded as F is (the fold moves "oạ" to "ọa", as names are keyed). */
static bool title_period(const char *f, int *from, int *to)
{
	static const char *const words[] = { "giai đoạn", "nhiệm kỳ", "thời kỳ", "năm" };
	const char *best = NULL;
	for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
		const char *w = kh_text_fold(words[k]);
		size_t n = strlen(w);
		for (const char *at = strstr(f, w); at && (!best || at < best); at = strstr(at + 1, w)) {
			const char *p = skip_spaces(at + n);
			int y1, y2;
			if (p == at + n || !word_start(f, at) || !year_at(&p, &y1) || !dash_at(&p) ||
			    !year_at(&p, &y2) || y2 < y1)
				continue;
			best = at;
			*from = y1;
			*to = y2;
			break;
		}
	}
	if (best)
		return true;
	const char *until = kh_text_fold("đến năm");
	for (const char *at = strstr(f, until); at; at = strstr(at + 1, until)) {
		const char *p = skip_spaces(at + strlen(until));
		if (word_start(f, at) && year_at(&p, to)) {
			*from = 0;
			return true;
		}
	}
	return false;
}

static void read_title(kh_plan *p)
{
	int from, to;
	if (!p->title || !title_period(kh_text_fold(p->title), &from, &to))
		return;
	p->period.has_title = true;
	p->period.title_end = kh_date_make(to, 12, 31);
	p->period.title_text = from ? kh_printf("giai đoạn %d–%d", from, to)
				    : kh_printf("đến năm %d", to);
}

/* The latest listed day of WHENS into P, unless one of them recurs. */
static void latest_of(kh_plan_period *p, const kh_vec *whens)
{
	for (size_t i = 0; i < whens->n; i++)
		if (KH_VEC_AT(*whens, kh_when, i)->type == KH_WHEN_RECURRENCE)
			return;
	for (size_t i = 0; i < whens->n; i++) {
		const kh_when *w = KH_VEC_AT(*whens, kh_when, i);
		if (!w->dated || w->type == KH_WHEN_TBA)
			continue;
		kh_day d = w->type == KH_WHEN_FROM ? w->start : w->end;
		if (!p->has_last || d > p->last)
			p->last = d;
		p->has_last = true;
	}
}

void rs_plan_period(resolver *r)
{
	kh_plan *p = r->plan;
	if (!p)
		return;
	read_title(p);
	for (size_t i = 0; i < p->tasks.n; i++)
		latest_of(&p->period, &KH_VEC_AT(p->tasks, kh_task, i)->due);
	for (size_t i = 0; i < p->meetings.n; i++) {
		const kh_meeting *m = KH_VEC_AT(p->meetings, kh_meeting, i);
		for (size_t j = 0; j < m->when.n; j++)
			latest_of(&p->period, &KH_VEC_AT(m->when, kh_leveled_when, j)->when);
	}
}

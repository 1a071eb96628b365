/*
 * resolve_relative.c - relative deadlines dated once, for every command.
 *
 * "5 ngày_làm_việc trước hn_tinh" takes its days from its anchor: the
 * union of the anchor's own dated windows (a task's deadlines, a meeting's
 * dates at every level, an event's date), shifted by the offset in days or
 * in working days (the plan's calendar: weekends, public holidays, make-up
 * days). The window is stored on the "when" (dated, derived), so check,
 * schedule, checklist, render and json all read the same days and none
 * computes them again. A plain "sau X" / "trước X" without an offset has
 * no day and stays undated; so does an anchor that has none, and a chain
 * of anchors that goes round in a circle. Open-ended "từ …" windows do not
 * date an anchor (they have no end).
 * Part of kehoach; see README.md for the licence.
 */
#include <stdlib.h>

#include "calendar.h"
#include "resolve_int.h"

/* Offsets beyond ten years are not plans: left undated, never looped on. */
#define MAX_OFFSET 3660
/* Anchors of anchors: this deep at most (each link is one C frame pair). */
#define MAX_DEPTH 200

static void derive(const kh_calendar *cal, kh_when *w, int depth);

static bool in_range(kh_day d)
{
	int y, m, dd;
	kh_date_split(d, &y, &m, &dd);
	return y >= KH_PLAN_YEAR_MIN && y <= KH_PLAN_YEAR_MAX;
}

static void widen(const kh_calendar *cal, const kh_vec *whens, bool *any, kh_day *s, kh_day *e,
		  int depth)
{
	for (size_t i = 0; i < whens->n; i++) {
		kh_when *w = KH_VEC_AT(*whens, kh_when, i);
		derive(cal, w, depth);
		if (!w->dated || w->type == KH_WHEN_FROM || w->type == KH_WHEN_RECURRENCE)
			continue;
		if (!*any || w->start < *s)
			*s = w->start;
		if (!*any || w->end > *e)
			*e = w->end;
		*any = true;
	}
}

/* The days the anchor of W covers; false when it has none. */
static bool anchor_span(const kh_calendar *cal, const kh_when *w, kh_day *s, kh_day *e, int depth)
{
	bool any = false;
	switch (w->anchor_kind) {
	case KH_ANCHOR_TASK:
		widen(cal, &((const kh_task *)w->anchor_decl)->due, &any, s, e, depth);
		break;
	case KH_ANCHOR_MEETING: {
		const kh_meeting *m = w->anchor_decl;
		for (size_t j = 0; j < m->when.n; j++)
			widen(cal, &KH_VEC_AT(m->when, kh_leveled_when, j)->when, &any, s, e, depth);
		break;
	}
	case KH_ANCHOR_EVENT:
		widen(cal, &((const kh_event *)w->anchor_decl)->when, &any, s, e, depth);
		break;
	default:
		break;
	}
	return any;
}

/* D moved by N days, or N working days; false when it leaves the calendar. */
static bool shift(const kh_calendar *cal, kh_day d, long n, bool working, kh_day *out)
{
	if (!working) {
		*out = d + n;
		return in_range(*out);
	}
	long step = n < 0 ? -1 : 1, left = labs(n);
	long budget = 10 * left + 400; /* a calendar with no working day must not hang */
	while (left > 0) {
		d += step;
		if (--budget < 0 || !in_range(d))
			return false;
		if (kh_calendar_is_working_day(cal, d))
			left--;
	}
	*out = d;
	return true;
}

static void derive(const kh_calendar *cal, kh_when *w, int depth)
{
	if (w->type != KH_WHEN_RELATIVE || w->derive_state)
		return;
	w->derive_state = 1;
	kh_day s, e;
	long n = w->anchor_before ? -w->offset : w->offset;
	if (w->anchor_decl && w->offset > 0 && w->offset <= MAX_OFFSET && depth < MAX_DEPTH &&
	    anchor_span(cal, w, &s, &e, depth + 1) && shift(cal, s, n, w->working_days, &s) &&
	    shift(cal, e, n, w->working_days, &e)) {
		w->start = s;
		w->end = e;
		w->dated = w->derived = true;
		w->precision = KH_PREC_DAY;
	}
	w->derive_state = 2;
}

/* How the anchor reads in a label: the meeting's name, the event's words,
 * or "nhiệm vụ <id>" (a task's text is a sentence, not a name). */
static const char *anchor_label(const kh_when *w)
{
	switch (w->anchor_kind) {
	case KH_ANCHOR_MEETING: {
		const kh_meeting *m = w->anchor_decl;
		return m->name && *m->name ? m->name : w->anchor;
	}
	case KH_ANCHOR_EVENT: {
		const kh_event *ev = w->anchor_decl;
		return ev->text && *ev->text ? ev->text : w->anchor;
	}
	case KH_ANCHOR_TASK:
		return kh_printf("nhiệm vụ %s", w->anchor);
	default:
		return w->anchor;
	}
}

static void date_all(const kh_calendar *cal, const kh_vec *whens)
{
	for (size_t i = 0; i < whens->n; i++) {
		kh_when *w = KH_VEC_AT(*whens, kh_when, i);
		if (w->type != KH_WHEN_RELATIVE)
			continue;
		derive(cal, w, 0);
		if (w->anchor_decl)
			w->anchor_label = anchor_label(w);
	}
}

void rs_date_relative(resolver *r)
{
	kh_program *prog = r->prog;
	prog->calendar = kh_calendar_build(prog);
	for (size_t i = 0; i < prog->events.n; i++)
		date_all(prog->calendar, &KH_VEC_AT(prog->events, kh_event, i)->when);
	if (!r->plan)
		return;
	for (size_t i = 0; i < r->plan->tasks.n; i++)
		date_all(prog->calendar, &KH_VEC_AT(r->plan->tasks, kh_task, i)->due);
	for (size_t i = 0; i < r->plan->meetings.n; i++) {
		const kh_meeting *m = KH_VEC_AT(r->plan->meetings, kh_meeting, i);
		for (size_t j = 0; j < m->when.n; j++)
			date_all(prog->calendar, &KH_VEC_AT(m->when, kh_leveled_when, j)->when);
	}
}

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

/* A chain of anchors is dated with a stack of its own (a frame per
 * relative "when" under way): no C recursion, so any depth and any order
 * of declaration give the same days. */
typedef struct frame {
	kh_when *w;
	size_t list, item; /* the next of its anchor's whens to date first */
} frame;

typedef struct walk {
	const kh_calendar *cal;
	frame *stack;
	size_t top, cap;
} walk;

static bool in_range(kh_day d)
{
	int y, m, dd;
	kh_date_split(d, &y, &m, &dd);
	return y >= KH_PLAN_YEAR_MIN && y <= KH_PLAN_YEAR_MAX;
}

/* The I-th list of whens W's anchor has (a task's deadlines, a meeting's
 * dates at each level, an event's date), or NULL past the last. */
static const kh_vec *anchor_list(const kh_when *w, size_t i)
{
	switch (w->anchor_kind) {
	case KH_ANCHOR_TASK:
		return i ? NULL : &((const kh_task *)w->anchor_decl)->due;
	case KH_ANCHOR_MEETING: {
		const kh_meeting *m = w->anchor_decl;
		return i < m->when.n ? &KH_VEC_AT(m->when, kh_leveled_when, i)->when : NULL;
	}
	case KH_ANCHOR_EVENT:
		return i ? NULL : &((const kh_event *)w->anchor_decl)->when;
	default:
		return NULL;
	}
}

/* The union of the dated windows of W's anchor; false when it has none. */
static bool anchor_span(const kh_when *w, kh_day *s, kh_day *e)
{
	bool any = false;
	const kh_vec *v;
	for (size_t i = 0; (v = anchor_list(w, i)); i++) {
		for (size_t j = 0; j < v->n; j++) {
			const kh_when *a = KH_VEC_AT(*v, kh_when, j);
			if (!a->dated || a->type == KH_WHEN_FROM || a->type == KH_WHEN_RECURRENCE)
				continue;
			if (!any || a->start < *s)
				*s = a->start;
			if (!any || a->end > *e)
				*e = a->end;
			any = true;
		}
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

/* Can W take days from its anchor? (Longer offsets are refused by the
 * resolver, so they are never looped on.) */
static bool derivable(const kh_when *w)
{
	return w->anchor_decl && w->offset > 0 && w->offset <= KH_MAX_OFFSET_DAYS;
}

/* W's days, once its anchor's relative whens are dated (or under way:
 * a circle, which leaves them undated). */
static void date_one(const kh_calendar *cal, kh_when *w)
{
	kh_day s, e;
	long n = w->anchor_before ? -w->offset : w->offset;
	if (derivable(w) && anchor_span(w, &s, &e) && shift(cal, s, n, w->working_days, &s) &&
	    shift(cal, e, n, w->working_days, &e)) {
		w->start = s;
		w->end = e;
		w->dated = w->derived = true;
		w->precision = KH_PREC_DAY;
	}
	w->derive_state = 2;
}

static void push(walk *k, kh_when *w)
{
	if (k->top == k->cap) {
		k->cap = k->cap ? 2 * k->cap : 64;
		k->stack = KH_GROW_N(k->stack, frame, k->cap);
	}
	w->derive_state = 1;
	k->stack[k->top++] = (frame){ w, 0, 0 };
}

/* Dates W, after the relative whens of its anchor, theirs first. */
static void derive(walk *k, kh_when *w)
{
	if (w->type != KH_WHEN_RELATIVE || w->derive_state)
		return;
	push(k, w);
	while (k->top) {
		frame *f = &k->stack[k->top - 1];
		const kh_vec *v = derivable(f->w) ? anchor_list(f->w, f->list) : NULL;
		if (!v) {
			date_one(k->cal, f->w);
			k->top--;
		} else if (f->item == v->n) {
			f->list++;
			f->item = 0;
		} else {
			kh_when *a = KH_VEC_AT(*v, kh_when, f->item++);
			if (a->type == KH_WHEN_RELATIVE && !a->derive_state)
				push(k, a);
		}
	}
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

static void date_all(walk *k, const kh_vec *whens)
{
	for (size_t i = 0; i < whens->n; i++) {
		kh_when *w = KH_VEC_AT(*whens, kh_when, i);
		if (w->type != KH_WHEN_RELATIVE)
			continue;
		derive(k, w);
		if (w->anchor_decl)
			w->anchor_label = anchor_label(w);
	}
}

void rs_date_relative(resolver *r)
{
	kh_program *prog = r->prog;
	prog->calendar = kh_calendar_build(prog);
	walk k = { prog->calendar, NULL, 0, 0 };
	for (size_t i = 0; i < prog->events.n; i++)
		date_all(&k, &KH_VEC_AT(prog->events, kh_event, i)->when);
	if (!r->plan)
		return;
	for (size_t i = 0; i < r->plan->tasks.n; i++)
		date_all(&k, &KH_VEC_AT(r->plan->tasks, kh_task, i)->due);
	for (size_t i = 0; i < r->plan->meetings.n; i++) {
		const kh_meeting *m = KH_VEC_AT(r->plan->meetings, kh_meeting, i);
		for (size_t j = 0; j < m->when.n; j++)
			date_all(&k, &KH_VEC_AT(m->when, kh_leveled_when, j)->when);
	}
}

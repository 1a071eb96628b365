/*
 * check_time.c - the time rules: deadlines before the document's own date,
 * reports that reach the level above too late, dependencies ('sau')
 * violated, deadlines on days offices are closed, and too little time
 * between linked deadlines.
 *
 * What counts as a deadline's day:
 *   - dated windows (a day, a ten-day period, a month, a quarter, a year,
 *     the year end, "từ 01/10 đến 17/11/2025") as the resolver built them;
 *   - relative deadlines with an offset ("5 ngày_làm_việc trước hn_tinh")
 *     as the resolver dated them from their anchor (resolve_relative.c:
 *     every command reads the same days);
 *   - nothing else: undated, to-be-announced (thông_báo_sau), recurring
 *     and open-ended ("từ tháng 11/2023") deadlines are skipped, never
 *     guessed. A plain "sau X" / "trước X" has no day either.
 * Planned dates (dự_kiến) are the plan's own intention and are used.
 *
 * Two days are taken from a task's deadlines: its latest day (the end of
 * its latest window: by when its result exists) and its earliest sensible
 * day (when the task may already need what it builds on: the start of a
 * window the task happens "in" - "vào trung tuần tháng 5/2017" may be the
 * 11th, "từ 01/10 đến 17/11/2025" starts on 1/10 -, the end of a
 * completion window - "trong tháng 11/2023", "trước 15/9/2019" run to
 * their last day).
 *
 * Reporting links (deadline-order, too-few-working-days): task L, owned by
 * a body or a level, sends its result ('gửi', 'qua' intermediaries
 * included; 'cấp_trên' is the level directly above the owner's) to a
 * receiver. The receiver's tasks - owned by the body itself, by a body
 * that 'là' it or by the receiver's whole level - may build on it when
 * their level lies strictly above L's; both levels must be known, so a
 * body without a level ("the ubnd of each level") and a lateral send
 * (Ban Tổ chức to Thường trực of one committee) make no upward report.
 * Among those tasks, the ones that pass a report further up compile L's:
 * they are its consumers. When there are none, only the receiver's last
 * dated task is taken, since its earlier ones (preparing the conference)
 * need not wait for L. A task that sends its own result down to L's level
 * hands out guidance and is never a consumer. A false alarm costs more
 * than a missed finding here.
 *
 * A pair linked both ways ('sau' and a report) is checked once, as 'sau'
 * (dependency-order); too-few-working-days counts both kinds of link.
 *
 * Everything is indexed (owners by body and level, candidate consumers
 * per receiver, shared between the tasks that send to it), so a plan of
 * 100,000 tasks is checked in linear time, not by comparing every pair.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "check.h"
#include "resolve.h"

/* is_a chains longer than this are cut (a cycle would otherwise loop). */
#define MAX_ISA 64

/* ------------------------------------------------------------------ */
/* Small hash maps (GC memory): pointer keys and string keys          */

typedef struct map {
	const void **keys;        /* pointer, or const char* for string maps */
	void **vals;
	size_t cap, n;
	bool strings;
} map;

static size_t hash_ptr(const void *p)
{
	uint64_t x = (uint64_t)(uintptr_t)p;
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (size_t)x;
}

static size_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (size_t)h;
}

static bool key_eq(const map *m, const void *a, const void *b)
{
	return m->strings ? !strcmp(a, b) : a == b;
}

static void **map_slot(map *m, const void *key, bool insert)
{
	if (insert && 2 * (m->n + 1) > m->cap) {
		map old = *m;
		m->cap = old.cap ? old.cap * 2 : 16;
		m->keys = KH_NEW_N(const void *, m->cap);
		m->vals = KH_NEW_N(void *, m->cap);
		m->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.keys[i])
				*map_slot(m, old.keys[i], true) = old.vals[i];
	}
	if (!m->cap)
		return NULL;
	size_t i = (m->strings ? hash_str(key) : hash_ptr(key)) & (m->cap - 1);
	while (m->keys[i]) {
		if (key_eq(m, m->keys[i], key))
			return &m->vals[i];
		i = (i + 1) & (m->cap - 1);
	}
	if (!insert)
		return NULL;
	m->keys[i] = key;
	m->n++;
	return &m->vals[i];
}

static void *map_get(const map *m, const void *key)
{
	void **v = map_slot((map *)m, key, false);
	return v ? *v : NULL;
}

/* The vector stored under KEY, created on first use. */
static kh_vec *map_vec(map *m, const void *key)
{
	void **v = map_slot(m, key, true);
	if (!*v)
		*v = KH_NEW(kh_vec);
	return *v;
}

/* ------------------------------------------------------------------ */
/* State of one run                                                   */

/* A deadline resolved to days. */
typedef struct win {
	const kh_when *w;
	kh_day start, end;
	bool exact;               /* one day (precision DAY) */
} win;

typedef struct tinfo {
	const kh_task *t;
	size_t index;             /* in plan->tasks: ties are broken by it */
	int state;                /* windows: 0 not yet, 1 being computed, 2 done */
	bool has_span, has_late, has_early;
	kh_day span_start, span_end; /* union of its windows (as an anchor) */
	win late, early;
	kh_day late_day, early_day;
	/* too-few-working-days: the tightest deadline this task builds on */
	const struct tinfo *best_from;
	kh_day best_day;
	unsigned stamp;
} tinfo;

/* A task owning something, through one of its owner references. */
typedef struct owned {
	tinfo *task;
	const kh_ref *owner;
} owned;

/* A possible consumer in a candidate list. */
typedef struct cand {
	tinfo *c;
	const kh_level *lc;       /* the consumer's level (of the matching owner) */
	bool strong;              /* passes a report further up */
} cand;

/* The candidate consumers of whatever level LO sends to one receiver,
 * shared by every task of that level that sends there. */
typedef struct sublist {
	const kh_level *lo;
	kh_vec strong;            /* cand*, by (earliest day, index) */
	cand *weak1, *weak2;      /* the two latest weak ones */
	kh_vec lowers;            /* tinfo*: senders in "strong" mode */
	unsigned stamp;
} sublist;

typedef struct per_level {
	const kh_level *lo;
	map isa, lvl_any, lvl_owner; /* receiver -> sublist* */
} per_level;

typedef struct tctx {
	const kh_check_ctx *cx;
	map tasks;                /* kh_task* -> tinfo* */
	map by_isa;               /* kh_body* -> owned*: owners that are (là) it */
	map by_exact;             /* kh_body* -> owned*: owners that are exactly it */
	map by_lvl_owner;         /* kh_level* -> owned*: "giao cấp X" owners */
	map by_lvl_any;           /* kh_level* -> owned*: owners at that level */
	kh_vec levels;            /* per_level* */
	unsigned stamp;
} tctx;


/* ------------------------------------------------------------------ */
/* Days, names and words                                              */

static const char *const weekday_vi[7] = {
	"Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"
};

static bool day_in_range(kh_day d)
{
	int y, m, dd;
	kh_date_split(d, &y, &m, &dd);
	return y >= KH_YEAR_MIN && y <= KH_YEAR_MAX;
}

/* "Chủ nhật 15/9/2019" */
static const char *day_named(kh_day d)
{
	char buf[16];
	return kh_printf("%s %s", weekday_vi[kh_weekday(d)], kh_date_vn(d, buf));
}

static const char *day_vn(kh_day d)
{
	char buf[16];
	return kh_strdup(kh_date_vn(d, buf));
}

/* A day of a deadline as a reader finds it: "15/9/2019", or for a window
 * "11/5/2017 ('dự kiến vào trung tuần tháng 5/2017')". */
static const char *day_of(const win *x, kh_day d)
{
	if (x->exact || !x->w->text || !*x->w->text)
		return day_vn(d);
	return kh_printf("%s ('%s')", day_vn(d), x->w->text);
}

static const char *level_text(const kh_level *l)
{
	return kh_printf("cấp %s", l->id);
}

/* ------------------------------------------------------------------ */
/* Deadlines into windows                                             */


static tinfo *info(const tctx *x, const kh_task *t)
{
	return map_get(&x->tasks, t);
}

static void widen(bool *any, kh_day *s, kh_day *e, const win *w)
{
	if (!*any || w->start < *s)
		*s = w->start;
	if (!*any || w->end > *e)
		*e = w->end;
	*any = true;
}

/* W as a window of days; false when it has none (see the top comment). */
static bool when_window(const kh_when *w, win *out)
{
	out->w = w;
	switch (w->type) {
	case KH_WHEN_DEADLINE:
	case KH_WHEN_WITHIN:
	case KH_WHEN_ON:
	case KH_WHEN_FROM:
	case KH_WHEN_SPAN:
		if (!w->dated)
			return false;
		out->start = w->start;
		out->end = w->end;
		out->exact = w->precision == KH_PREC_DAY && w->start == w->end;
		return true;
	case KH_WHEN_RELATIVE:
		/* dated by the resolver from its anchor (resolve_relative.c) */
		if (!w->dated)
			return false;
		out->start = w->start;
		out->end = w->end;
		out->exact = out->start == out->end;
		return true;
	default:
		return false;
	}
}

/* The first day the task may need what it builds on. */
static kh_day sensible_day(const win *w)
{
	kh_when_type t = w->w->type;
	return t == KH_WHEN_ON || t == KH_WHEN_RELATIVE || t == KH_WHEN_SPAN ? w->start : w->end;
}

/* Fills TI's windows once: its span, its latest day (the end of its latest
 * window) and its earliest sensible day. */
static void task_windows(tinfo *ti)
{
	if (ti->state)
		return;
	ti->state = 1;
	const kh_task *t = ti->t;
	for (size_t i = 0; i < t->due.n; i++) {
		const kh_when *w = KH_VEC_AT(t->due, kh_when, i);
		win y;
		if (w->type == KH_WHEN_FROM || !when_window(w, &y))
			continue;
		widen(&ti->has_span, &ti->span_start, &ti->span_end, &y);
		if (!ti->has_late || y.end > ti->late_day) {
			ti->late = y;
			ti->late_day = y.end;
			ti->has_late = true;
		}
		kh_day d = sensible_day(&y);
		if (!ti->has_early || d < ti->early_day) {
			ti->early = y;
			ti->early_day = d;
			ti->has_early = true;
		}
	}
	ti->state = 2;
}

/* ------------------------------------------------------------------ */
/* deadline-before-issue                                              */

static void before_issue(tctx *x, const kh_when *w, const char *what)
{
	const kh_check_ctx *cx = x->cx;
	const kh_plan *p = cx->plan;
	win y;
	/* "từ …" starts an open-ended duty: starting before the issue date is
	 * no deadline missed. */
	if (w->type == KH_WHEN_FROM || !when_window(w, &y) || y.end >= p->date)
		return;
	if (y.exact && w->type == KH_WHEN_RELATIVE)
		kh_report(cx, R_DEADLINE_BEFORE_ISSUE, w->span,
			  "%s '%s' is %s, before the document's own date %s: it cannot be met", what,
			  w->text ? w->text : "", day_vn(y.end), day_vn(p->date));
	else if (y.exact)
		kh_report(cx, R_DEADLINE_BEFORE_ISSUE, w->span,
			  "%s %s is before the document's own date %s: it cannot be met", what,
			  day_vn(y.end), day_vn(p->date));
	else
		kh_report(cx, R_DEADLINE_BEFORE_ISSUE, w->span,
			  "%s '%s' ends on %s, before the document's own date %s: it cannot be met", what,
			  w->text ? w->text : "", day_vn(y.end), day_vn(p->date));
}

static void check_before_issue(tctx *x)
{
	const kh_plan *p = x->cx->plan;
	if (!p->has_date)
		return;
	for (size_t i = 0; i < p->tasks.n; i++) {
		const kh_task *t = KH_VEC_AT(p->tasks, kh_task, i);
		for (size_t j = 0; j < t->due.n; j++)
			before_issue(x, KH_VEC_AT(t->due, kh_when, j), "deadline");
	}
	for (size_t i = 0; i < p->meetings.n; i++) {
		const kh_meeting *m = KH_VEC_AT(p->meetings, kh_meeting, i);
		for (size_t j = 0; j < m->when.n; j++) {
			const kh_leveled_when *lw = KH_VEC_AT(m->when, kh_leveled_when, j);
			for (size_t k = 0; k < lw->when.n; k++)
				before_issue(x, KH_VEC_AT(lw->when, kh_when, k), "meeting date");
		}
	}
}

/* ------------------------------------------------------------------ */
/* non-working-day                                                    */

static void non_working(tctx *x, const kh_when *w, const char *what)
{
	const kh_check_ctx *cx = x->cx;
	win y;
	/* "từ … đến 17/11/2025" is handed in on its last day. */
	bool span_end = w->type == KH_WHEN_SPAN && w->precision == KH_PREC_DAY;
	if (!when_window(w, &y) || !(y.exact || span_end))
		return;
	kh_day d = span_end ? y.end : y.start;
	if (kh_calendar_is_working_day(cx->calendar, d))
		return;
	const char *sug = "";
	if (day_in_range(d - 7)) {
		kh_day prev = kh_calendar_prev_working_day(cx->calendar, d - 1);
		if (day_in_range(prev) && prev < d)
			sug = kh_printf("; the nearest earlier working day is %s", day_named(prev));
	}
	const kh_holiday *h = kh_calendar_holiday(cx->calendar, d);
	if (w->planned)
		what = "planned date";
	if (w->type == KH_WHEN_RELATIVE && w->text)
		what = kh_printf("%s '%s'", what, w->text);
	/* The calendar gives the holiday for its own days, for the days off
	 * in lieu when it falls on a weekend, and for declared days off. */
	if (h && h->kind == KH_HOLIDAY_DAY_OFF)
		kh_report(cx, R_NON_WORKING_DAY, w->span, "%s falls on %s, a day off (%s)%s", what,
			  day_named(d), h->name && *h->name ? h->name : h->id, sug);
	else if (h)
		kh_report(cx, R_NON_WORKING_DAY, w->span, "%s falls on %s, a day off for %s%s", what,
			  day_named(d), h->name && *h->name ? h->name : h->id, sug);
	else
		kh_report(cx, R_NON_WORKING_DAY, w->span, "%s falls on %s, when offices are closed%s",
			  what, day_named(d), sug);
}

static void check_non_working(tctx *x)
{
	const kh_plan *p = x->cx->plan;
	for (size_t i = 0; i < p->tasks.n; i++) {
		const kh_task *t = KH_VEC_AT(p->tasks, kh_task, i);
		for (size_t j = 0; j < t->due.n; j++) {
			const kh_when *w = KH_VEC_AT(t->due, kh_when, j);
			/* "từ 15/9/2019" starts a duty; nothing is handed in that day. */
			if (w->type != KH_WHEN_FROM)
				non_working(x, w, "deadline");
		}
	}
	/* A meeting is held on its day; "thời_gian trước 15/9/2019" only
	 * bounds it, and nobody comes to the office on that day for it. */
	for (size_t i = 0; i < p->meetings.n; i++) {
		const kh_meeting *m = KH_VEC_AT(p->meetings, kh_meeting, i);
		for (size_t j = 0; j < m->when.n; j++) {
			const kh_leveled_when *lw = KH_VEC_AT(m->when, kh_leveled_when, j);
			for (size_t k = 0; k < lw->when.n; k++) {
				const kh_when *w = KH_VEC_AT(lw->when, kh_when, k);
				if (w->type == KH_WHEN_ON || w->type == KH_WHEN_WITHIN ||
				    w->type == KH_WHEN_RELATIVE)
					non_working(x, w, "meeting date");
			}
		}
	}
}

/* ------------------------------------------------------------------ */
/* Indexes                                                            */

static const kh_level *owner_level(const kh_ref *r)
{
	if (r->kind == KH_REF_LEVEL)
		return r->level;
	if (r->kind == KH_REF_BODY && r->body)
		return r->body->level;
	return NULL;
}

static void index_plan(tctx *x)
{
	const kh_plan *p = x->cx->plan;
	for (size_t i = 0; i < p->tasks.n; i++) {
		const kh_task *t = KH_VEC_AT(p->tasks, kh_task, i);
		tinfo *ti = KH_NEW(tinfo);
		ti->t = t;
		ti->index = i;
		*map_slot(&x->tasks, t, true) = ti;
	}
	/* Owners, by body (and what it is) and by level. */
	for (size_t i = 0; i < p->tasks.n; i++) {
		const kh_task *t = KH_VEC_AT(p->tasks, kh_task, i);
		tinfo *ti = info(x, t);
		for (size_t j = 0; j < t->owners.n; j++) {
			const kh_ref *r = KH_VEC_AT(t->owners, kh_ref, j);
			owned *o = KH_NEW(owned);
			*o = (owned){ ti, r };
			if (r->kind == KH_REF_BODY && r->body) {
				kh_vec_push(map_vec(&x->by_exact, r->body), o);
				const kh_body *b = r->body;
				for (int n = 0; b && n < MAX_ISA; b = b->is_a, n++)
					kh_vec_push(map_vec(&x->by_isa, b), o);
			} else if (r->kind == KH_REF_LEVEL && r->level) {
				kh_vec_push(map_vec(&x->by_lvl_owner, r->level), o);
			}
			const kh_level *l = owner_level(r);
			if (l)
				kh_vec_push(map_vec(&x->by_lvl_any, l), o);
		}
	}
}

/* ------------------------------------------------------------------ */
/* Candidate consumers                                                */

/* A task that sends its own result down to level L or below hands out
 * guidance to L: it does not build on L's reports. */
static bool sends_down_to(const kh_task *c, const kh_level *l)
{
	for (size_t i = 0; i < c->send_to.n; i++) {
		const kh_level *y = owner_level(KH_VEC_AT(c->send_to, kh_ref, i));
		if (y && y->depth >= l->depth)
			return true;
	}
	return false;
}

/* Does C pass its own result further up: a report it compiles from what
 * it receives? */
static bool sends_up(const kh_task *c, const kh_level *lc)
{
	for (size_t i = 0; i < c->send_to.n + c->via.n; i++) {
		const kh_ref *r = i < c->send_to.n ? KH_VEC_AT(c->send_to, kh_ref, i)
						    : KH_VEC_AT(c->via, kh_ref, i - c->send_to.n);
		const kh_level *y = owner_level(r);
		if (r->kind == KH_REF_SUPERIOR || (y && y->depth < lc->depth))
			return true;
	}
	return false;
}

static int cmp_cand(const void *a, const void *b)
{
	const cand *x = *(const cand *const *)a, *y = *(const cand *const *)b;
	if (x->c->early_day != y->c->early_day)
		return x->c->early_day < y->c->early_day ? -1 : 1;
	return x->c->index < y->c->index ? -1 : x->c->index > y->c->index;
}

/* Is A a later weak candidate than B (ties: the first in the plan)? */
static bool later(const cand *a, const cand *b)
{
	return !b || a->c->early_day > b->c->early_day ||
	       (a->c->early_day == b->c->early_day && a->c->index < b->c->index);
}

static void sublist_add(sublist *s, const kh_vec *from)
{
	if (!from)
		return;
	for (size_t i = 0; i < from->n; i++) {
		const owned *o = KH_VEC_AT(*from, owned, i);
		tinfo *c = o->task;
		const kh_level *lc = owner_level(o->owner);
		if (c->stamp == s->stamp || !lc || lc->depth >= s->lo->depth)
			continue;
		task_windows(c);
		if (!c->has_early || sends_down_to(c->t, s->lo))
			continue;
		c->stamp = s->stamp;
		cand *k = KH_NEW(cand);
		*k = (cand){ c, lc, sends_up(c->t, lc) };
		if (k->strong) {
			kh_vec_push(&s->strong, k);
		} else if (later(k, s->weak1)) {
			s->weak2 = s->weak1;
			s->weak1 = k;
		} else if (later(k, s->weak2)) {
			s->weak2 = k;
		}
	}
}

enum { SUB_ISA, SUB_LVL_ANY, SUB_LVL_OWNER };

/* The candidate list for what level LO sends to TARGET (a body for
 * SUB_ISA and SUB_LVL_OWNER - the latter for the bodies' level -, a
 * level for SUB_LVL_ANY), built once. */
static sublist *get_sublist(tctx *x, const kh_level *lo, int kind, const void *target)
{
	per_level *pl = NULL;
	for (size_t i = 0; i < x->levels.n && !pl; i++)
		if (KH_VEC_AT(x->levels, per_level, i)->lo == lo)
			pl = KH_VEC_AT(x->levels, per_level, i);
	if (!pl) {
		pl = KH_NEW(per_level);
		pl->lo = lo;
		kh_vec_push(&x->levels, pl);
	}
	map *m = kind == SUB_ISA ? &pl->isa : kind == SUB_LVL_ANY ? &pl->lvl_any : &pl->lvl_owner;
	void **slot = map_slot(m, target, true);
	if (*slot)
		return *slot;
	sublist *s = KH_NEW(sublist);
	s->lo = lo;
	s->stamp = ++x->stamp;
	if (kind == SUB_ISA) {
		/* Owners that are the receiver (or 'là' it), and owners the
		 * receiver is ('là') itself. */
		const kh_body *b = target;
		sublist_add(s, map_get(&x->by_isa, b));
		b = b->is_a;
		for (int n = 0; b && n < MAX_ISA; b = b->is_a, n++)
			sublist_add(s, map_get(&x->by_exact, b));
	} else if (kind == SUB_LVL_ANY) {
		sublist_add(s, map_get(&x->by_lvl_any, target));
	} else {
		sublist_add(s, map_get(&x->by_lvl_owner, target));
	}
	if (s->strong.n > 1)
		qsort(s->strong.items, s->strong.n, sizeof(void *), cmp_cand);
	*slot = s;
	return s;
}

/* The candidate lists of everything L sends, each once. */
static void sublists_of(tctx *x, tinfo *l, kh_vec *out)
{
	const kh_task *t = l->t;
	unsigned stamp = ++x->stamp;
	for (size_t i = 0; i < t->owners.n; i++) {
		const kh_level *lo = owner_level(KH_VEC_AT(t->owners, kh_ref, i));
		if (!lo)
			continue;
		for (size_t k = 0; k < t->send_to.n + t->via.n; k++) {
			const kh_ref *r = k < t->send_to.n ? KH_VEC_AT(t->send_to, kh_ref, k)
							   : KH_VEC_AT(t->via, kh_ref, k - t->send_to.n);
			sublist *got[2] = { NULL, NULL };
			if (r->kind == KH_REF_BODY && r->body) {
				got[0] = get_sublist(x, lo, SUB_ISA, r->body);
				if (r->body->level)
					got[1] = get_sublist(x, lo, SUB_LVL_OWNER, r->body->level);
			} else if (r->kind == KH_REF_LEVEL && r->level) {
				got[0] = get_sublist(x, lo, SUB_LVL_ANY, r->level);
			} else if (r->kind == KH_REF_SUPERIOR && lo->below) {
				got[0] = get_sublist(x, lo, SUB_LVL_ANY, lo->below);
			}
			for (int g = 0; g < 2; g++)
				if (got[g] && got[g]->stamp != stamp) {
					/* reuse the stamp field: sublists are marked per
					 * sender here, and their build stamp is no
					 * longer needed once built */
					got[g]->stamp = stamp;
					kh_vec_push(out, got[g]);
				}
		}
	}
}

/* ------------------------------------------------------------------ */
/* dependency-order                                                   */

static void check_dependency_order(tctx *x)
{
	const kh_plan *p = x->cx->plan;
	for (size_t i = 0; i < p->tasks.n; i++) {
		tinfo *a = info(x, KH_VEC_AT(p->tasks, kh_task, i));
		task_windows(a);
		if (!a->has_early)
			continue;
		for (size_t j = 0; j < a->t->after.n; j++) {
			tinfo *b = info(x, KH_VEC_AT(a->t->after, kh_task, j));
			if (!b || b == a)
				continue;
			task_windows(b);
			kh_day ad = a->early_day, bd = b->late_day;
			if (!b->has_late || ad > bd)
				continue;
			kh_diag *d;
			if (ad == bd)
				d = kh_report(x->cx, R_DEPENDENCY_ORDER, a->early.w->span,
					      "'%s' comes after '%s' but is due %s, the same day as '%s'",
					      a->t->id, b->t->id, day_of(&a->early, ad), b->t->id);
			else
				d = kh_report(x->cx, R_DEPENDENCY_ORDER, a->early.w->span,
					      "'%s' comes after '%s' but is due %s, before it; '%s' is due %s",
					      a->t->id, b->t->id, day_of(&a->early, ad), b->t->id,
					      day_of(&b->late, bd));
			if (d)
				kh_diag_note(d, b->late.w->span, "'%s' is due here", b->t->id);
		}
	}
}

/* ------------------------------------------------------------------ */
/* deadline-order, and the reporting links of too-few-working-days    */

static bool depends_on(const kh_task *a, const kh_task *b)
{
	for (size_t i = 0; i < a->after.n; i++)
		if (KH_VEC_AT(a->after, kh_task, i) == b)
			return true;
	return false;
}

/* By (latest day, index descending): the last sender before a day is the
 * latest, and the first in the plan among equals. */
static int cmp_lower(const void *a, const void *b)
{
	const tinfo *x = *(const tinfo *const *)a, *y = *(const tinfo *const *)b;
	if (x->late_day != y->late_day)
		return x->late_day < y->late_day ? -1 : 1;
	return x->index > y->index ? -1 : x->index < y->index;
}

/* C builds on a deadline of FROM on day D: keep the tightest (the latest
 * day before C's; ties: the first task in the plan). */
static void offer(tinfo *c, const tinfo *from, kh_day d)
{
	if (from == c || !c->has_early || d >= c->early_day)
		return;
	if (!c->best_from || d > c->best_day ||
	    (d == c->best_day && from->index < c->best_from->index)) {
		c->best_from = from;
		c->best_day = d;
	}
}

static void report_order(tctx *x, const tinfo *l, const cand *k, const kh_level *lo)
{
	kh_diag *d = kh_report(x->cx, R_DEADLINE_ORDER, l->late.w->span,
			       "'%s' (%s) is due %s, not before '%s' (%s), which receives its report "
			       "and is due %s",
			       l->t->id, level_text(lo), day_of(&l->late, l->late_day), k->c->t->id,
			       level_text(k->lc), day_of(&k->c->early, k->c->early_day));
	if (d)
		kh_diag_note(d, k->c->early.w->span, "'%s' is due here", k->c->t->id);
}

/* The weak candidate of S taken for L: its last, unless that is L. */
static const cand *weak_for(const sublist *s, const tinfo *l)
{
	return s->weak1 && s->weak1->c != l ? s->weak1 : s->weak2;
}

static void check_reports(tctx *x)
{
	const kh_plan *p = x->cx->plan;
	kh_vec used = { 0 };
	for (size_t i = 0; i < p->tasks.n; i++) {
		tinfo *l = info(x, KH_VEC_AT(p->tasks, kh_task, i));
		if (!l->t->send_to.n && !l->t->via.n)
			continue;
		task_windows(l);
		if (!l->has_late)
			continue;
		kh_vec subs = { 0 };
		sublists_of(x, l, &subs);
		bool strong = false;
		for (size_t j = 0; j < subs.n && !strong; j++) {
			const sublist *s = KH_VEC_AT(subs, sublist, j);
			strong = s->strong.n > 1 ||
				 (s->strong.n == 1 && KH_VEC_AT(s->strong, cand, 0)->c != l);
		}
		if (strong) {
			/* Every upward report of the receivers builds on L: the
			 * earliest one decides (those declared 'sau L' are
			 * dependency-order's). */
			const cand *first = NULL;
			const sublist *first_s = NULL;
			for (size_t j = 0; j < subs.n; j++) {
				sublist *s = KH_VEC_AT(subs, sublist, j);
				if (!s->lowers.n)
					kh_vec_push(&used, s);
				kh_vec_push(&s->lowers, l);
				for (size_t k = 0; k < s->strong.n; k++) {
					const cand *c = KH_VEC_AT(s->strong, cand, k);
					if (c->c->early_day > l->late_day)
						break;
					if (c->c == l || depends_on(c->c->t, l->t))
						continue;
					if (!first || cmp_cand(&c, &first) < 0) {
						first = c;
						first_s = s;
					}
					break;
				}
			}
			if (first)
				report_order(x, l, first, first_s->lo);
		} else {
			const cand *last = NULL;
			const sublist *last_s = NULL;
			for (size_t j = 0; j < subs.n; j++) {
				const sublist *s = KH_VEC_AT(subs, sublist, j);
				const cand *c = weak_for(s, l);
				if (c && later(c, last)) {
					last = c;
					last_s = s;
				}
			}
			if (!last)
				continue;
			offer(last->c, l, l->late_day);
			if (last->c->early_day <= l->late_day && !depends_on(last->c->t, l->t))
				report_order(x, l, last, last_s->lo);
		}
	}
	/* too-few-working-days: each upward report against the senders that
	 * share its candidate list, by binary search on their days. */
	for (size_t i = 0; i < used.n; i++) {
		sublist *s = KH_VEC_AT(used, sublist, i);
		kh_vec *ls = &s->lowers;
		qsort(ls->items, ls->n, sizeof(void *), cmp_lower);
		for (size_t k = 0; k < s->strong.n; k++) {
			tinfo *c = KH_VEC_AT(s->strong, cand, k)->c;
			size_t lo = 0, hi = ls->n; /* first with late_day >= c's day */
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (KH_VEC_AT(*ls, tinfo, mid)->late_day < c->early_day)
					lo = mid + 1;
				else
					hi = mid;
			}
			while (lo > 0 && KH_VEC_AT(*ls, tinfo, lo - 1) == c)
				lo--;
			if (lo > 0)
				offer(c, KH_VEC_AT(*ls, tinfo, lo - 1), KH_VEC_AT(*ls, tinfo, lo - 1)->late_day);
		}
	}
}

/* ------------------------------------------------------------------ */
/* too-few-working-days                                               */

static void check_working_days(tctx *x)
{
	const kh_check_ctx *cx = x->cx;
	const kh_plan *p = cx->plan;
	long min = cx->config && cx->config->min_working_days > 0 ? cx->config->min_working_days : 3;
	/* 'sau' links. */
	for (size_t i = 0; i < p->tasks.n; i++) {
		tinfo *a = info(x, KH_VEC_AT(p->tasks, kh_task, i));
		task_windows(a);
		for (size_t j = 0; j < a->t->after.n; j++) {
			tinfo *b = info(x, KH_VEC_AT(a->t->after, kh_task, j));
			if (!b)
				continue;
			task_windows(b);
			if (b->has_late)
				offer(a, b, b->late_day);
		}
	}
	for (size_t i = 0; i < p->tasks.n; i++) {
		const tinfo *c = info(x, KH_VEC_AT(p->tasks, kh_task, i));
		if (!c->best_from)
			continue;
		long n = kh_calendar_working_days_between(cx->calendar, c->best_day, c->early_day);
		if (n >= min)
			continue;
		const tinfo *b = c->best_from;
		const char *count = n <= 0   ? "no working day"
				    : n == 1 ? "only 1 working day"
					     : kh_printf("only %ld working days", n);
		kh_diag *d = kh_report(cx, R_TOO_FEW_WORKING_DAYS, c->early.w->span,
				       "%s between '%s', due %s, and '%s', due %s, which builds on it; "
				       "at least %ld are needed",
				       count, b->t->id, day_of(&b->late, b->late_day), c->t->id,
				       day_of(&c->early, c->early_day), min);
		if (d)
			kh_diag_note(d, b->late.w->span, "'%s' is due here", b->t->id);
	}
}

void kh_check_time(const kh_check_ctx *cx)
{
	if (!cx->plan)
		return;
	tctx x = { 0 };
	x.cx = cx;
	index_plan(&x);
	check_before_issue(&x);
	check_non_working(&x);
	check_dependency_order(&x);
	check_reports(&x);
	check_working_days(&x);
}

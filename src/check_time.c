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
 * receiver. Its consumers (check_flow.c) are found from what the plan
 * says: at a level strictly above L's, the tasks of the receiver and of
 * the intermediaries that pass a report further up or whose text says
 * they compile or draft from it, and the meetings of that level the
 * receiver or an intermediary organises, chairs or attends. When there
 * are none, only the receiver's last dated task is taken. A task that
 * sends its own result down to L's level hands out guidance and is never
 * a consumer; 'không_cần L' in a consumer silences the inference.
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

#include "check_time_int.h"
#include "i18n.h"



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
const char *ct_day_of(const win *x, kh_day d)
{
	if (x->exact || !x->w->text || !*x->w->text)
		return day_vn(d);
	return kh_printf("%s ('%s')", day_vn(d), x->w->text);
}

const char *ct_level_text(const kh_level *l)
{
	return kh_printf("cấp %s", l->id);
}

/* ------------------------------------------------------------------ */
/* Deadlines into windows                                             */


tinfo *ct_info(const tctx *x, const kh_task *t)
{
	long i = kh_plan_task_place(x->cx->plan, t); /* a task of no plan, or of another, has none */
	return i < 0 ? NULL : x->tasks[i];
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

/* Widens TI's windows by the dated items of WHENS: its span, its latest
 * day (the end of its latest window) and its earliest sensible day. */
void ct_add_windows(tinfo *ti, const kh_vec *whens)
{
	for (size_t i = 0; i < whens->n; i++) {
		const kh_when *w = KH_VEC_AT(*whens, kh_when, i);
		win y;
		if (w->type == KH_WHEN_FROM || !when_window(w, &y))
			continue;
		widen(&ti->has_span, &ti->span_start, &ti->span_end, &y);
		if (!ti->has_late || y.end > ti->late.end) {
			ti->late = y;
			ti->has_late = true;
		}
		kh_day d = ct_sensible_day(&y);
		if (!ti->has_early || d < ct_early_day(ti)) {
			ti->early = y;
			ti->has_early = true;
		}
	}
}

/* A task's windows, filled once (a meeting's are filled when indexed). */
void ct_task_windows(tinfo *ti)
{
	if (ti->state)
		return;
	ti->state = 1;
	ct_add_windows(ti, &ti->t->due);
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
			  _("%s '%s' is %s, before the document's own date %s: it cannot be met"), what,
			  w->text ? w->text : "", day_vn(y.end), day_vn(p->date));
	else if (y.exact)
		kh_report(cx, R_DEADLINE_BEFORE_ISSUE, w->span,
			  _("%s %s is before the document's own date %s: it cannot be met"), what,
			  day_vn(y.end), day_vn(p->date));
	else
		kh_report(cx, R_DEADLINE_BEFORE_ISSUE, w->span,
			  _("%s '%s' ends on %s, before the document's own date %s: it cannot be met"), what,
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
			before_issue(x, KH_VEC_AT(t->due, kh_when, j), _("deadline"));
	}
	for (size_t i = 0; i < p->meetings.n; i++) {
		const kh_meeting *m = KH_VEC_AT(p->meetings, kh_meeting, i);
		for (size_t j = 0; j < m->when.n; j++) {
			const kh_leveled_when *lw = KH_VEC_AT(m->when, kh_leveled_when, j);
			for (size_t k = 0; k < lw->when.n; k++)
				before_issue(x, KH_VEC_AT(lw->when, kh_when, k), _("meeting date"));
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
	const char *prev = NULL; /* the working day to suggest */
	if (day_in_range(d - 7)) {
		kh_day p = kh_calendar_prev_working_day(cx->calendar, d - 1);
		if (day_in_range(p) && p < d)
			prev = day_named(p);
	}
	if (w->planned)
		what = _("planned date");
	if (w->type == KH_WHEN_RELATIVE && w->text)
		/* TRANSLATORS: "deadline" and the date as written, "'sau 10 ngày'". */
		what = kh_printf(_("%s '%s'"), what, w->text);
	const kh_holiday *h = kh_calendar_holiday(cx->calendar, d);
	const char *hn = h ? (h->name && *h->name ? h->name : h->id) : NULL;
	/* The calendar gives the holiday for its own days, for the days off
	 * in lieu when it falls on a weekend, and for declared days off. */
	if (h && h->kind == KH_HOLIDAY_DAY_OFF)
		kh_report(cx, R_NON_WORKING_DAY, w->span,
			  prev ? _("%s falls on %s, a day off (%s); the nearest earlier working day is %s")
			       : _("%s falls on %s, a day off (%s)"),
			  what, day_named(d), hn, prev);
	else if (h)
		kh_report(cx, R_NON_WORKING_DAY, w->span,
			  prev ? _("%s falls on %s, a day off for %s; the nearest earlier working day is %s")
			       : _("%s falls on %s, a day off for %s"),
			  what, day_named(d), hn, prev);
	else
		kh_report(cx, R_NON_WORKING_DAY, w->span,
			  prev ? _("%s falls on %s, when offices are closed; the nearest earlier working day is %s")
			       : _("%s falls on %s, when offices are closed"),
			  what, day_named(d), prev);
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
				non_working(x, w, _("deadline"));
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
					non_working(x, w, _("meeting date"));
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
		tinfo *a = ct_info(x, KH_VEC_AT(p->tasks, kh_task, i));
		ct_task_windows(a);
		if (!a->has_early)
			continue;
		for (size_t j = 0; j < a->t->after.n; j++) {
			tinfo *b = ct_info(x, KH_VEC_AT(a->t->after, kh_task, j));
			if (!b || b == a)
				continue;
			ct_task_windows(b);
			kh_day ad = ct_early_day(a), bd = b->late.end;
			if (!b->has_late || ad > bd)
				continue;
			kh_diag *d;
			if (ad == bd)
				d = kh_report(x->cx, R_DEPENDENCY_ORDER, a->early.w->span,
					      _("'%s' comes after '%s' but is due %s, the same day as '%s'"),
					      a->t->id, b->t->id, ct_day_of(&a->early, ad), b->t->id);
			else
				d = kh_report(x->cx, R_DEPENDENCY_ORDER, a->early.w->span,
					      _("'%s' comes after '%s' but is due %s, before it; '%s' is due %s"),
					      a->t->id, b->t->id, ct_day_of(&a->early, ad), b->t->id,
					      ct_day_of(&b->late, bd));
			if (d)
				kh_diag_note(d, b->late.w->span, _("'%s' is due here"), b->t->id);
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
		tinfo *a = ct_info(x, KH_VEC_AT(p->tasks, kh_task, i));
		ct_task_windows(a);
		for (size_t j = 0; j < a->t->after.n; j++) {
			tinfo *b = ct_info(x, KH_VEC_AT(a->t->after, kh_task, j));
			if (!b)
				continue;
			ct_task_windows(b);
			if (b->has_late)
				ct_offer(a, b, b->late.end);
		}
	}
	for (size_t i = 0; i < p->tasks.n; i++) {
		const tinfo *c = ct_info(x, KH_VEC_AT(p->tasks, kh_task, i));
		if (!c->best_from)
			continue;
		long n = kh_calendar_working_days_between(cx->calendar, c->best_day, ct_early_day(c));
		if (n >= min)
			continue;
		const tinfo *b = c->best_from;
		const char *bday = ct_day_of(&b->late, b->late.end), *cday = ct_day_of(&c->early, ct_early_day(c));
		kh_diag *d = n <= 0
			? kh_report(cx, R_TOO_FEW_WORKING_DAYS, c->early.w->span,
				    kh_ngettext("no working day between '%s', due %s, and '%s', due %s, which "
						"builds on it; at least %ld is needed",
						"no working day between '%s', due %s, and '%s', due %s, which "
						"builds on it; at least %ld are needed", (unsigned long)min),
				    b->t->id, bday, c->t->id, cday, min)
			: kh_report(cx, R_TOO_FEW_WORKING_DAYS, c->early.w->span,
				    kh_ngettext("only %ld working day between '%s', due %s, and '%s', due %s, "
						"which builds on it; at least %ld are needed",
						"only %ld working days between '%s', due %s, and '%s', due %s, "
						"which builds on it; at least %ld are needed", (unsigned long)n),
				    n, b->t->id, bday, c->t->id, cday, min);
		if (d)
			kh_diag_note(d, b->late.w->span, _("'%s' is due here"), b->t->id);
	}
}

void kh_check_time(const kh_check_ctx *cx)
{
	if (!cx->plan)
		return;
	tctx x = { 0 };
	x.cx = cx;
	ct_index_plan(&x);
	check_before_issue(&x);
	check_non_working(&x);
	check_dependency_order(&x);
	ct_check_reports(&x);
	ct_check_reported_work(&x);
	check_working_days(&x);
}


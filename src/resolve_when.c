/*
 * resolve_when.c - dates and "when": days, windows, periods of the time
 * vocabulary (stdlib vn/time), relative and recurring deadlines.
 * Part of kehoach; see README.md for the licence.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "resolve_int.h"

/* ------------------------------------------------------------------ */
/* Dates and "when"                                                   */

/* Plans are dated within the years the calendar knows (public holidays,
 * the lunar ones included): every date computed from them stays there. */
static int check_year(resolver *r, kh_node *d, long year)
{
	if (year < KH_PLAN_YEAR_MIN || year > KH_PLAN_YEAR_MAX) {
		kh_diag_add(r->diags, KH_ERROR, d->span, "invalid-date",
			    _("year %ld is out of range (%d-%d, the years the calendar knows)"), year,
			    KH_PLAN_YEAR_MIN, KH_PLAN_YEAR_MAX);
		return 0;
	}
	return 1;
}

/* Turns a date node into a window [start, end] and its precision.
 * Returns 0 (after reporting) for an impossible date, -1 when the date is
 * fine but has no known year ("cuối năm" in a plan without a date). */
int rs_resolve_date(resolver *r, kh_node *d, kh_day *start, kh_day *end, kh_precision *prec)
{
	long y = d->n[0], m = d->n[1], x = d->n[2];
	switch (d->kind) {
	case KH_N_D_DMY:
		*prec = KH_PREC_DAY;
		if (d->flag == -1)
			return 0; /* the scanner already said why */
		if (!check_year(r, d, y))
			return 0;
		if (!kh_date_valid((int)y, (int)m, (int)x)) {
			kh_diag_add(r->diags, KH_ERROR, d->span, "invalid-date",
				    _("%s is not a date: %s"), rs_span_text(d->span),
				    kh_date_problem((int)y, (int)m, (int)x));
			return 0;
		}
		*start = *end = kh_date_make((int)y, (int)m, (int)x);
		return 1;
	case KH_N_D_MONTH:
		*prec = KH_PREC_MONTH;
		if (!check_year(r, d, y))
			return 0;
		if (!kh_window_month((int)y, (int)m, start, end)) {
			kh_diag_add(r->diags, KH_ERROR, d->span, "invalid-date",
				    _("%s is not a month: month %ld does not exist"), rs_span_text(d->span), m);
			return 0;
		}
		return 1;
	case KH_N_D_DECADE: {
		*prec = KH_PREC_DECADE;
		if (!check_year(r, d, y))
			return 0;
		if (m < 1 || m > 12 || x < 1 || x > 3) {
			kh_diag_add(r->diags, KH_ERROR, d->span, "invalid-date",
				    _("%s is not a month: month %ld does not exist"), rs_span_text(d->span), m);
			return 0;
		}
		int last = kh_month_days((int)y, (int)m);
		int from = r->decade_from[x - 1], to = r->decade_to[x - 1];
		*start = kh_date_make((int)y, (int)m, from < last ? from : last);
		*end = kh_date_make((int)y, (int)m, to < last ? to : last);
		return 1;
	}
	case KH_N_D_QUARTER:
		*prec = KH_PREC_QUARTER;
		if (!check_year(r, d, y))
			return 0;
		if (!kh_window_quarter((int)y, (int)m, start, end)) {
			kh_diag_add(r->diags, KH_ERROR, d->span, "invalid-date",
				    _("%s: a year has quarters I to IV"), rs_span_text(d->span));
			return 0;
		}
		return 1;
	case KH_N_D_YEAR:
		*prec = KH_PREC_YEAR;
		if (!check_year(r, d, y))
			return 0;
		kh_window_year((int)y, start, end);
		return 1;
	case KH_N_D_YEAR_END:
		*prec = KH_PREC_YEAR_END;
		if (y == 0 && !d->flag)   /* "cuối năm" alone: the plan's year */
			y = r->plan_year;
		else if (!check_year(r, d, y))
			return 0;
		if (y == 0)
			return -1;
		if (!check_year(r, d, y))
			return 0;
		/* "Cuối năm": the window vn/time declares (the last quarter). */
		*start = kh_date_make((int)y, r->year_end_from[0],
				      r->year_end_from[1] < kh_month_days((int)y, r->year_end_from[0])
					      ? r->year_end_from[1] : kh_month_days((int)y, r->year_end_from[0]));
		*end = kh_date_make((int)y, r->year_end_to[0],
				    r->year_end_to[1] < kh_month_days((int)y, r->year_end_to[0])
					    ? r->year_end_to[1] : kh_month_days((int)y, r->year_end_to[0]));
		return 1;
	default:
		return 0;
	}
}

/* ------------------------------------------------------------------ */
/* From-to windows                                                    */

static const char *day_text(kh_day d)
{
	int y, m, dd;
	kh_date_split(d, &y, &m, &dd);
	return kh_printf("%d/%d/%d", dd, m, y);
}

/* A copy of the first date A of a window with the parts it left out
 * taken from END, the second date's last day: END's year (and, for a bare
 * day, its month), or one year (month) earlier when that would put A
 * after END - "từ 01/12 đến 15/1/2026" starts on 1/12/2025. */
static kh_node *complete_start(const resolver *r, const kh_node *a, kh_day end)
{
	kh_node *c = KH_NEW(kh_node);
	*c = *a;
	int y, m, d;
	kh_date_split(end, &y, &m, &d);
	if (a->key == KH_DATE_NO_MONTH) {
		c->n[1] = m;
		if (a->n[2] > d && --c->n[1] == 0) {
			c->n[1] = 12;
			y--;
		}
	} else {
		/* the first day A stands for, within its month */
		long first = a->kind == KH_N_D_DMY ? a->n[2] : 1;
		if (a->kind == KH_N_D_DECADE && a->n[2] >= 1 && a->n[2] <= 3)
			first = r->decade_from[a->n[2] - 1];
		if (a->n[1] > m || (a->n[1] == m && first > d))
			y--;
	}
	c->n[0] = y;
	return c;
}

/* "từ 01/10 đến 17/11/2025": one window from the first date's first day
 * to the second's last, with the second's precision. Undated when either
 * date is wrong (already reported) or has no year; an end before the
 * start is reported here. */
static void resolve_span(resolver *r, kh_node *w, kh_when *wh)
{
	kh_node *a = w->kids, *b = a ? a->next : NULL;
	kh_day as, ae, bs, be;
	kh_precision ap;
	if (b && b->kind == KH_N_D_DAYMONTH) {
		const char *eg = r->plan_year ? kh_printf("%d/%d/%d", b->n[1], b->n[0], r->plan_year)
					      : _("day/month/year");
		kh_diag_add(r->diags, KH_ERROR, b->span, "invalid-date",
			    _("the last date of '%s' needs its year (%s): the first date takes its "
			    "year from it"), wh->text, eg);
		return;
	}
	if (!b || rs_resolve_date(r, b, &bs, &be, &wh->precision) != 1)
		return;
	if (a->key != KH_DATE_FULL)
		a = complete_start(r, a, be);
	if (rs_resolve_date(r, a, &as, &ae, &ap) != 1)
		return;
	if (as > be) {
		kh_diag_add(r->diags, KH_ERROR, w->span, "invalid-date",
			    _("'%s' ends before it starts: %s is before %s"), wh->text, day_text(be),
			    day_text(as));
		return;
	}
	wh->start = as;
	wh->end = be;
	wh->dated = true;
}

static kh_when *resolve_when(resolver *r, kh_node *w)
{
	kh_when *wh = KH_NEW_KEPT(kh_when);
	wh->span = w->span;
	wh->text = rs_span_text(w->span);
	wh->planned = w->flag == 1;
	kh_node *arg = w->kids;
	switch (w->kind) {
	case KH_N_W_BEFORE: wh->type = KH_WHEN_DEADLINE; break;
	case KH_N_W_WITHIN: wh->type = KH_WHEN_WITHIN; break;
	case KH_N_W_ON: wh->type = KH_WHEN_ON; break;
	case KH_N_W_FROM: wh->type = KH_WHEN_FROM; break;
	case KH_N_W_TBA: wh->type = KH_WHEN_TBA; return wh;
	case KH_N_W_SPAN:
		wh->type = KH_WHEN_SPAN;
		resolve_span(r, w, wh);
		return wh;
	case KH_N_W_RECUR:
		wh->type = KH_WHEN_RECURRENCE;
		wh->recurrence = (kh_recurrence)w->key;
		return wh;
	case KH_N_W_BEFORE_REF:
	case KH_N_W_AFTER_REF:
	case KH_N_W_OFFSET: {
		wh->type = KH_WHEN_RELATIVE;
		wh->anchor_before = w->kind == KH_N_W_BEFORE_REF || (w->kind == KH_N_W_OFFSET && w->n[0] < 0);
		long offset = w->n[0] < 0 ? -w->n[0] : w->n[0];
		wh->offset = offset > INT32_MAX ? INT32_MAX : (int32_t)offset;
		wh->working_days = w->n[1] == 1;
		if (offset > KH_MAX_OFFSET_DAYS)
			kh_diag_add(r->diags, KH_ERROR, w->span, "number-too-large",
				    _("an offset is at most %d days (ten years), not %ld"),
				    KH_MAX_OFFSET_DAYS, offset);
		kh_symbol *sym = arg ? rs_lookup(r, arg->span, arg->id,
						  KH_SYM_TASK | KH_SYM_EVENT | KH_SYM_MEETING,
						  _("a task, meeting or event")) : NULL;
		if (sym) {
			wh->anchor = arg->id;
			wh->anchor_decl = sym->decl;
			wh->anchor_kind = sym->kind == KH_SYM_TASK      ? KH_ANCHOR_TASK
					  : sym->kind == KH_SYM_MEETING ? KH_ANCHOR_MEETING
									: KH_ANCHOR_EVENT;
		}
		return wh;
	}
	default:
		return wh;
	}
	if (arg) {
		int ok = rs_resolve_date(r, arg, &wh->start, &wh->end, &wh->precision);
		wh->dated = ok == 1;
	}
	return wh;
}

void rs_resolve_when_list(resolver *r, kh_node *first, kh_vec *out)
{
	kh_vec_reserve_kept(out, rs_count(first));
	for (kh_node *w = first; w; w = w->next)
		kh_vec_push(out, resolve_when(r, w));
}

/* "khoảng hạ_tuần 21 31", "khoảng cuối_năm 1/10 31/12": the time
 * vocabulary as data. Read before any date is resolved; a later
 * declaration (the plan's own) refines an earlier one (stdlib's). */
void rs_resolve_period(resolver *r, kh_node *n)
{
	if (n->flag == 0) {
		long part = n->n[0], from = n->n[1], to = n->n[2];
		if (part < 1 || part > 3 || from < 1 || to > 31 || from > to) {
			kh_diag_add(r->diags, KH_ERROR, n->span, "invalid-date",
				    _("a ten-day period runs between days 1 and 31 of a month, first day first "
				    "(khoảng hạ_tuần 21 31; 31 means the month's end)"));
			return;
		}
		r->decade_from[part - 1] = (int)from;
		r->decade_to[part - 1] = (int)to;
		return;
	}
	kh_node *a = n->kids, *b = a ? a->next : NULL;
	int fm = a ? (int)a->n[0] : 0, fd = a ? (int)a->n[1] : 0;
	int tm = b ? (int)b->n[0] : 0, td = b ? (int)b->n[1] : 0;
	if (!b || !kh_date_valid(2000, fm, fd) || !kh_date_valid(2000, tm, td) || fm > tm ||
	    (fm == tm && fd > td)) {
		kh_diag_add(r->diags, KH_ERROR, n->span, "invalid-date",
			    _("'cuối năm' is a window of days of the year, first day first (khoảng cuối_năm 1/10 31/12)"));
		return;
	}
	r->year_end_from[0] = fm;
	r->year_end_from[1] = fd;
	r->year_end_to[0] = tm;
	r->year_end_to[1] = td;
}

void rs_default_periods(resolver *r)
{
	static const int from[3] = { 1, 11, 21 }, to[3] = { 10, 20, 31 };
	for (int i = 0; i < 3; i++) {
		r->decade_from[i] = from[i];
		r->decade_to[i] = to[i];
	}
	r->year_end_from[0] = 10;
	r->year_end_from[1] = 1;
	r->year_end_to[0] = 12;
	r->year_end_to[1] = 31;
}

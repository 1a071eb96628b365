/*
 * check_flow.c - the flow of reports (deadline-order): who consumes what a
 * task sends, found from what the plan says. See check_time.c's top
 * comment for the days a deadline stands for.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_time_int.h"

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

void ct_index_plan(tctx *x)
{
	const kh_plan *p = x->cx->plan;
	for (size_t i = 0; i < p->tasks.n; i++) {
		const kh_task *t = KH_VEC_AT(p->tasks, kh_task, i);
		tinfo *ti = KH_NEW(tinfo);
		ti->t = t;
		ti->index = i;
		*ct_map_slot(&x->tasks, t, true) = ti;
	}
	/* Owners, by body (and what it is) and by level. */
	for (size_t i = 0; i < p->tasks.n; i++) {
		const kh_task *t = KH_VEC_AT(p->tasks, kh_task, i);
		tinfo *ti = ct_info(x, t);
		for (size_t j = 0; j < t->owners.n; j++) {
			const kh_ref *r = KH_VEC_AT(t->owners, kh_ref, j);
			owned *o = KH_NEW(owned);
			*o = (owned){ ti, r };
			if (r->kind == KH_REF_BODY && r->body) {
				kh_vec_push(ct_map_vec(&x->by_exact, r->body), o);
				const kh_body *b = r->body;
				for (int n = 0; b && n < MAX_ISA; b = b->is_a, n++)
					kh_vec_push(ct_map_vec(&x->by_isa, b), o);
			} else if (r->kind == KH_REF_LEVEL && r->level) {
				kh_vec_push(ct_map_vec(&x->by_lvl_owner, r->level), o);
			}
			const kh_level *l = owner_level(r);
			if (l)
				kh_vec_push(ct_map_vec(&x->by_lvl_any, l), o);
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
		ct_task_windows(c);
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
	void **slot = ct_map_slot(m, target, true);
	if (*slot)
		return *slot;
	sublist *s = KH_NEW(sublist);
	s->lo = lo;
	s->stamp = ++x->stamp;
	if (kind == SUB_ISA) {
		/* Owners that are the receiver (or 'là' it), and owners the
		 * receiver is ('là') itself. */
		const kh_body *b = target;
		sublist_add(s, ct_map_get(&x->by_isa, b));
		b = b->is_a;
		for (int n = 0; b && n < MAX_ISA; b = b->is_a, n++)
			sublist_add(s, ct_map_get(&x->by_exact, b));
	} else if (kind == SUB_LVL_ANY) {
		sublist_add(s, ct_map_get(&x->by_lvl_any, target));
	} else {
		sublist_add(s, ct_map_get(&x->by_lvl_owner, target));
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
void ct_offer(tinfo *c, const tinfo *from, kh_day d)
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
			       l->t->id, ct_level_text(lo), ct_day_of(&l->late, l->late_day), k->c->t->id,
			       ct_level_text(k->lc), ct_day_of(&k->c->early, k->c->early_day));
	if (d)
		kh_diag_note(d, k->c->early.w->span, "'%s' is due here", k->c->t->id);
}

/* The weak candidate of S taken for L: its last, unless that is L. */
static const cand *weak_for(const sublist *s, const tinfo *l)
{
	return s->weak1 && s->weak1->c != l ? s->weak1 : s->weak2;
}

void ct_check_reports(tctx *x)
{
	const kh_plan *p = x->cx->plan;
	kh_vec used = { 0 };
	for (size_t i = 0; i < p->tasks.n; i++) {
		tinfo *l = ct_info(x, KH_VEC_AT(p->tasks, kh_task, i));
		if (!l->t->send_to.n && !l->t->via.n)
			continue;
		ct_task_windows(l);
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
			ct_offer(last->c, l, l->late_day);
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
				ct_offer(c, KH_VEC_AT(*ls, tinfo, lo - 1), KH_VEC_AT(*ls, tinfo, lo - 1)->late_day);
		}
	}
}


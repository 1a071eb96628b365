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
#include "i18n.h"
#include "names.h"

/* ------------------------------------------------------------------ */
/* Indexes                                                            */

/* The level a reference acts at: a level, or a body's (its own, else that
 * of the body it belongs to: a Văn phòng of the Huyện ủy is at the
 * district). NULL for a body of no level ("the UBND of each level"). */
static const kh_level *owner_level(const kh_ref *r)
{
	if (r->kind == KH_REF_LEVEL)
		return r->level;
	if (r->kind == KH_REF_BODY && r->body)
		return kh_body_level(r->body);
	return NULL;
}

/* Records that TI acts through reference R at level L. */
static void index_owner(tctx *x, tinfo *ti, const kh_ref *r, const kh_level *l, bool as_task)
{
	owned *o = KH_NEW(owned);
	*o = (owned){ ti, r, l };
	if (r->kind == KH_REF_BODY && r->body) {
		kh_vec_push(kh_map_vec(&x->by_exact, r->body), o);
		const kh_body *b = r->body;
		for (int n = 0; b && n < MAX_ISA; b = b->is_a, n++)
			kh_vec_push(kh_map_vec(&x->by_isa, b), o);
	} else if (as_task && r->kind == KH_REF_LEVEL && r->level) {
		kh_vec_push(kh_map_vec(&x->by_lvl_owner, r->level), o);
	}
	if (l)
		kh_vec_push(kh_map_vec(&x->by_lvl_any, l), o);
}

/* The bodies who attend (dự) in GROUPS, at level L or at every level. */
static void index_attendees(tctx *x, tinfo *ti, const kh_vec *groups, const kh_level *l)
{
	for (size_t i = 0; i < groups->n; i++) {
		const kh_group *g = KH_VEC_AT(*groups, kh_group, i);
		if (g->at_level && g->at_level != l)
			continue;
		if (g->kind == KH_GROUP_ATTEND)
			for (size_t j = 0; j < g->refs.n; j++) {
				const kh_ref *r = KH_VEC_AT(g->refs, kh_ref, j);
				if (r->kind == KH_REF_BODY && r->body)
					index_owner(x, ti, r, l, false);
			}
		if (g->kind == KH_GROUP_GROUP)
			index_attendees(x, ti, &g->groups, l);
	}
}

/* A meeting that launches or trains ("hội nghị quán triệt, triển khai",
 * "tập huấn", "phát động") opens the work: it uses no report of it. */
static bool launches(const kh_meeting *m)
{
	static const char *const words[] = { "triển khai", "quán triệt", "tập huấn", "phát động" };
	const char *t = m->name ? kh_text_fold(m->name) : "";
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strstr(t, words[i]))
			return true;
	return false;
}

/* A meeting held at level L consumes the reports of those below that
 * its organiser, chairs and attendees receive: one entry per level. A
 * meeting that launches the work is none. */
static void index_meeting_level(tctx *x, const kh_meeting *m, const kh_level *l, size_t order)
{
	if (launches(m))
		return;
	tinfo *ti = KH_NEW(tinfo);
	ti->m = m;
	ti->id = m->id;
	ti->index = order;
	for (size_t j = 0; j < m->when.n; j++) {
		const kh_leveled_when *lw = KH_VEC_AT(m->when, kh_leveled_when, j);
		if (!lw->level || lw->level == l)
			ct_add_windows(ti, &lw->when);
	}
	ti->state = 2;
	if (!ti->has_early)
		return;
	kh_vec_push(&x->meetings, ti);
	if (m->organiser)
		index_owner(x, ti, m->organiser, l, false);
	for (size_t j = 0; j < m->chairs.n; j++) {
		const kh_leveled_ref *c = KH_VEC_AT(m->chairs, kh_leveled_ref, j);
		if ((!c->level || c->level == l) && c->ref)
			index_owner(x, ti, c->ref, l, false);
	}
	index_attendees(x, ti, &m->attendees, l);
}

static void index_meetings(tctx *x)
{
	const kh_plan *p = x->cx->plan;
	size_t order = p->tasks.n;
	for (size_t i = 0; i < p->meetings.n; i++) {
		const kh_meeting *m = KH_VEC_AT(p->meetings, kh_meeting, i);
		for (size_t k = 0; k < m->levels.n; k++)
			index_meeting_level(x, m, KH_VEC_AT(m->levels, kh_level, k), order++);
		/* A meeting of no stated level is held at its organiser's. */
		if (!m->levels.n && m->organiser && owner_level(m->organiser))
			index_meeting_level(x, m, owner_level(m->organiser), order++);
	}
}

void ct_index_plan(tctx *x)
{
	const kh_plan *p = x->cx->plan;
	x->tasks = KH_NEW_N(tinfo *, p->tasks.n + 1);
	for (size_t i = 0; i < p->tasks.n; i++) {
		const kh_task *t = KH_VEC_AT(p->tasks, kh_task, i);
		/* one each: small blocks reuse what the tree left, one block of
		 * 100,000 needs fresh pages (check 100k: 361 to 345 MB) */
		tinfo *ti = KH_NEW(tinfo);
		ti->t = t;
		ti->id = t->id;
		ti->index = i;
		x->tasks[i] = ti;
	}
	/* Owners, by body (and what it is) and by level. */
	for (size_t i = 0; i < p->tasks.n; i++) {
		const kh_task *t = KH_VEC_AT(p->tasks, kh_task, i);
		tinfo *ti = ct_info(x, t);
		for (size_t j = 0; j < t->owners.n; j++) {
			const kh_ref *r = KH_VEC_AT(t->owners, kh_ref, j);
			index_owner(x, ti, r, owner_level(r), true);
		}
	}
	index_meetings(x);
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

/* Does the task's own text say it compiles or drafts from what it
 * receives ("tổng hợp, xây dựng báo cáo", "tham mưu dự thảo …")? */
static bool compiles(const kh_task *c)
{
	static const char *const words[] = { "tổng hợp", "tham mưu", "dự thảo", "xây dựng báo cáo" };
	if (!c->text)
		return false;
	const char *t = kh_text_fold(c->text);
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strstr(t, words[i]))
			return true;
	return false;
}

/* Is C a consumer of what it receives (see the file's top comment)? */
static bool consumes(tinfo *c, const kh_level *lc)
{
	if (c->m || sends_up(c->t, lc))
		return true;
	if (!c->compiles_known) {     /* the text is read once, not per receiver */
		c->compiles = compiles(c->t);
		c->compiles_known = true;
	}
	return c->compiles;
}

static int cmp_cand(const void *a, const void *b)
{
	const cand *x = *(const cand *const *)a, *y = *(const cand *const *)b;
	if (ct_early_day(x->c) != ct_early_day(y->c))
		return ct_early_day(x->c) < ct_early_day(y->c) ? -1 : 1;
	return x->c->index < y->c->index ? -1 : x->c->index > y->c->index;
}

/* Is A a later weak candidate than B (ties: the first in the plan)? */
static bool later(const cand *a, const cand *b)
{
	return !b || ct_early_day(a->c) > ct_early_day(b->c) ||
	       (ct_early_day(a->c) == ct_early_day(b->c) && a->c->index < b->c->index);
}

static void sublist_add(sublist *s, const kh_vec *from)
{
	if (!from)
		return;
	for (size_t i = 0; i < from->n; i++) {
		const owned *o = KH_VEC_AT(*from, owned, i);
		tinfo *c = o->task;
		const kh_level *lc = o->level;
		if (c->stamp == s->stamp || !lc || lc->depth >= s->lo->depth)
			continue;
		if (c->t)
			ct_task_windows(c);
		if (!c->has_early || (c->t && sends_down_to(c->t, s->lo)))
			continue;
		c->stamp = s->stamp;
		cand *k = KH_NEW(cand);
		*k = (cand){ c, lc, consumes(c, lc) };
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
	void **slot = kh_map_slot(m, target, true);
	if (*slot)
		return *slot;
	sublist *s = KH_NEW(sublist);
	s->lo = lo;
	s->stamp = ++x->stamp;
	if (kind == SUB_ISA) {
		/* Owners that are the receiver (or 'là' it), and owners the
		 * receiver is ('là') itself. */
		const kh_body *b = target;
		sublist_add(s, kh_map_get(&x->by_isa, b));
		b = b->is_a;
		for (int n = 0; b && n < MAX_ISA; b = b->is_a, n++)
			sublist_add(s, kh_map_get(&x->by_exact, b));
	} else if (kind == SUB_LVL_ANY) {
		sublist_add(s, kh_map_get(&x->by_lvl_any, target));
	} else {
		sublist_add(s, kh_map_get(&x->by_lvl_owner, target));
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
	if (x->late.end != y->late.end)
		return x->late.end < y->late.end ? -1 : 1;
	return x->index > y->index ? -1 : x->index < y->index;
}

/* C builds on a deadline of FROM on day D: keep the tightest (the latest
 * day before C's; ties: the first task in the plan). */
void ct_offer(tinfo *c, const tinfo *from, kh_day d)
{
	if (from == c || !c->has_early || d >= ct_early_day(c))
		return;
	if (!c->best_from || d > c->best_day ||
	    (d == c->best_day && from->index < c->best_from->index)) {
		c->best_from = from;
		c->best_day = d;
	}
}

/* An explicit link decides: 'C sau L' is dependency-order's to check, and
 * 'L sau C' says C comes first. Meetings have no links. */
static bool linked(const tinfo *c, const tinfo *l)
{
	return c->t && (depends_on(c->t, l->t) || depends_on(l->t, c->t));
}

/* C says it does not use L's report ('không_cần L "why"'). */
static bool independent(const tinfo *c, const tinfo *l)
{
	const kh_independence *ind = c->t ? c->t->independent : c->m->independent;
	for (size_t i = 0; ind && i < ind->tasks.n; i++)
		if (ind->tasks.items[i] == l->t)
			return true;
	return false;
}


/* One finding per late report: at L's deadline, naming the first consumer
 * (K[0]), with a note at every consumer found (at most MAX_SEEN). */
enum { MAX_SEEN = 4 };

static void report_order(tctx *x, const tinfo *l, const cand *const *k, size_t n,
			 const kh_level *lo)
{
	const tinfo *c = k[0]->c;
	/* A meeting that needs the report, or a task that receives it. */
	kh_diag *d = kh_report(x->cx, R_DEADLINE_ORDER, l->late.w->span,
			       c->m ? _("'%s' (%s) is due %s, not before '%s' (%s), which needs its report "
					"and is held %s")
				    : _("'%s' (%s) is due %s, not before '%s' (%s), which receives its report "
					"and is due %s"),
			       l->id, ct_level_text(lo), ct_day_of(&l->late, l->late.end), c->id,
			       ct_level_text(k[0]->lc), ct_day_of(&c->early, ct_early_day(c)));
	if (!d)
		return;
	kh_diag_note(d, c->early.w->span, c->m ? _("'%s' is held here") : _("'%s' is due here"), c->id);
	for (size_t i = 1; i < n; i++)
		kh_diag_note(d, k[i]->c->early.w->span,
			     k[i]->c->m ? _("'%s' (%s), held %s, also needs it") : _("'%s' (%s), due %s, also needs it"),
			     k[i]->c->id, ct_level_text(k[i]->lc),
			     ct_day_of(&k[i]->c->early, ct_early_day(k[i]->c)));
}

/* Adds consumer C to SEEN (kept in consumer order, each once, at most
 * MAX_SEEN). */
static void seen_add(const cand **seen, size_t *n, const cand *c)
{
	for (size_t i = 0; i < *n; i++)
		if (seen[i]->c == c->c)
			return;
	size_t at = *n;
	while (at > 0 && cmp_cand(&c, &seen[at - 1]) < 0)
		at--;
	if (at >= MAX_SEEN)
		return;
	if (*n == MAX_SEEN)
		(*n)--;
	memmove(seen + at + 1, seen + at, (*n - at) * sizeof *seen);
	seen[at] = c;
	(*n)++;
}

/* The weak candidate of S taken for L: its last, unless that is L. */
static const cand *weak_for(const sublist *s, const tinfo *l)
{
	return s->weak1 && s->weak1->c != l ? s->weak1 : s->weak2;
}

/* L's receivers pass reports up or compile them: every such consumer
 * builds on L, and the earliest one due by L's day decides (those declared
 * 'sau L' are dependency-order's). Registers L with each list in USED. */
static void check_strong(tctx *x, tinfo *l, const kh_vec *subs, kh_vec *used)
{
	const cand *seen[MAX_SEEN];
	size_t nseen = 0;
	const sublist *first_s = NULL;
	for (size_t j = 0; j < subs->n; j++) {
		sublist *s = KH_VEC_AT(*subs, sublist, j);
		if (!s->lowers.n)
			kh_vec_push(used, s);
		kh_vec_push(&s->lowers, l);
		size_t taken = 0;
		for (size_t k = 0; k < s->strong.n && taken < MAX_SEEN; k++) {
			const cand *c = KH_VEC_AT(s->strong, cand, k);
			if (ct_early_day(c->c) > l->late.end)
				break;
			if (c->c == l || linked(c->c, l) || independent(c->c, l))
				continue;
			if (!nseen || cmp_cand(&c, &seen[0]) < 0)
				first_s = s;
			seen_add(seen, &nseen, c);
			taken++;
		}
	}
	if (nseen)
		report_order(x, l, seen, nseen, first_s->lo);
}

/* No consumer among L's receivers: only their last dated task is taken,
 * since their earlier ones (preparing a conference) need not wait. */
static void check_weak(tctx *x, tinfo *l, const kh_vec *subs)
{
	const cand *last = NULL;
	const sublist *last_s = NULL;
	for (size_t j = 0; j < subs->n; j++) {
		const sublist *s = KH_VEC_AT(*subs, sublist, j);
		const cand *c = weak_for(s, l);
		if (c && later(c, last)) {
			last = c;
			last_s = s;
		}
	}
	if (!last)
		return;
	ct_offer(last->c, l, l->late.end);
	if (ct_early_day(last->c) <= l->late.end && !linked(last->c, l) && !independent(last->c, l))
		report_order(x, l, &last, 1, last_s->lo);
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
		if (strong)
			check_strong(x, l, &subs, &used);
		else
			check_weak(x, l, &subs);
	}
	/* too-few-working-days: each upward report against the senders that
	 * share its candidate list, by binary search on their days. */
	for (size_t i = 0; i < used.n; i++) {
		sublist *s = KH_VEC_AT(used, sublist, i);
		kh_vec *ls = &s->lowers;
		qsort(ls->items, ls->n, sizeof(void *), cmp_lower);
		for (size_t k = 0; k < s->strong.n; k++) {
			tinfo *c = KH_VEC_AT(s->strong, cand, k)->c;
			size_t lo = 0, hi = ls->n; /* first whose late end >= c's day */
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (KH_VEC_AT(*ls, tinfo, mid)->late.end < ct_early_day(c))
					lo = mid + 1;
				else
					hi = mid;
			}
			while (lo > 0 && KH_VEC_AT(*ls, tinfo, lo - 1) == c)
				lo--;
			if (lo > 0)
				ct_offer(c, KH_VEC_AT(*ls, tinfo, lo - 1), KH_VEC_AT(*ls, tinfo, lo - 1)->late.end);
		}
	}
}


/* ------------------------------------------------------------------ */
/* A report due before the work it reports on is over                 */

/* Work done over a period: a meeting or an event whose dated windows run
 * over more than one day ("từ 01/6 đến 30/7", "trong tháng 7"), known by
 * its name, which a report names in its text ("báo cáo kết quả Tháng hành
 * động …"). Names of fewer than three words are too generic to match. */
typedef struct work {
	const char *id, *folded;
	bool plan_period;         /* the period of the plan's own activities */
	tinfo span;               /* its windows */
} work;

static const char *first_words(const char *s, int n)
{
	const char *p = s;
	for (int k = 0; k < n; k++) {
		p = strchr(p, ' ');
		if (!p)
			return k == n - 1 ? kh_strdup(s) : NULL;
		if (k < n - 1)
			p++;
	}
	return kh_strndup(s, (size_t)(p - s));
}

static void add_work(map *by_key, const char *id, const char *name, const kh_vec *const *whens,
		     size_t n)
{
	if (!id || !name)
		return;
	work *w = KH_NEW(work);
	w->id = id;
	w->folded = kh_text_fold(name);
	for (size_t i = 0; i < n; i++)
		ct_add_windows(&w->span, whens[i]);
	const char *key = first_words(w->folded, 3);
	if (!key || !w->span.has_span || w->span.span_end <= w->span.span_start)
		return;
	kh_vec_push(kh_map_vec(by_key, key), w);
}

static void index_work(tctx *x, map *by_key)
{
	by_key->strings = true;
	const kh_plan *p = x->cx->plan;
	for (size_t i = 0; i < p->meetings.n; i++) {
		const kh_meeting *m = KH_VEC_AT(p->meetings, kh_meeting, i);
		const kh_vec **whens = KH_NEW_N(const kh_vec *, m->when.n + 1);
		for (size_t j = 0; j < m->when.n; j++)
			whens[j] = &KH_VEC_AT(m->when, kh_leveled_when, j)->when;
		add_work(by_key, m->id, m->name, whens, m->when.n);
	}
	for (size_t i = 0; i < x->cx->prog->events.n; i++) {
		const kh_event *ev = KH_VEC_AT(x->cx->prog->events, kh_event, i);
		const kh_vec *whens[1] = { &ev->when };
		add_work(by_key, ev->id, ev->text, whens, 1);
	}
}

/* The period of the plan's own activities: a task that names no owner
 * and runs over several days ("Thời gian: từ ngày 01/6 đến ngày 30/7"),
 * from the first start (a "từ" included) to the last end. */
static work *plan_period(const kh_plan *p)
{
	work *best = NULL;
	for (size_t i = 0; i < p->tasks.n; i++) {
		const kh_task *t = KH_VEC_AT(p->tasks, kh_task, i);
		if (t->owners.n || !t->id)
			continue;
		bool any = false;
		kh_day s = 0, e = 0;
		const kh_when *last = NULL;
		for (size_t j = 0; j < t->due.n; j++) {
			const kh_when *w = KH_VEC_AT(t->due, kh_when, j);
			if (!w->dated || w->type == KH_WHEN_RECURRENCE)
				continue;
			if (!any || w->start < s)
				s = w->start;
			if (!any || w->end > e) {
				e = w->end;
				last = w;
			}
			any = true;
		}
		if (!any || e <= s || (best && e <= best->span.span_end))
			continue;
		best = KH_NEW(work);
		best->id = t->id;
		best->plan_period = true;
		best->span.has_span = true;
		best->span.span_start = s;
		best->span.span_end = e;
		best->span.late = (win){ last, last->start, last->end, last->start == last->end };
	}
	return best;
}

/* A report of the results ("báo cáo kết quả"), not an interim one. */
static bool reports_results(const char *folded)
{
	return strstr(folded, "kết quả") && !strstr(folded, "sơ kết") &&
	       !strstr(folded, "định kỳ") && !strstr(folded, "hằng");
}

static void report_early(tctx *x, const tinfo *r, const work *w)
{
	const tinfo *s = &w->span;
	kh_diag *d;
	win end = s->late;
	end.exact = true;          /* the day alone: the window is named */
	if (w->plan_period)
		d = kh_report(x->cx, R_DEPENDENCY_ORDER, r->late.w->span,
			      _("'%s' reports the results of the plan's activities ('%s', until %s), "
			      "but is due %s, before they are over"),
			      r->id, w->id, ct_day_of(&end, s->span_end),
			      ct_day_of(&r->late, r->late.end));
	else
		d = kh_report(x->cx, R_DEPENDENCY_ORDER, r->late.w->span,
			      _("'%s' reports on '%s', which runs until %s, but is due %s, before "
			      "it is over"),
			      r->id, w->id, ct_day_of(&s->late, s->span_end),
			      ct_day_of(&r->late, r->late.end));
	if (d)
		kh_diag_note(d, s->late.w->span, _("'%s' runs until here"), w->id);
}

/* Each report (a task that sends its result) against the work its text
 * names (one finding per report, for the work that ends last), else a
 * report of results against the period of the plan's own activities. */
void ct_check_reported_work(tctx *x)
{
	map by_key = { 0 };
	index_work(x, &by_key);
	const kh_plan *p = x->cx->plan;
	work *period = plan_period(p);
	if (!by_key.n && !period)
		return;            /* no work over a period: nothing to compare */
	for (size_t i = 0; i < p->tasks.n; i++) {
		tinfo *r = ct_info(x, KH_VEC_AT(p->tasks, kh_task, i));
		if (!r->t->send_to.n || !r->t->text)
			continue;
		ct_task_windows(r);
		if (!r->has_late)
			continue;
		const char *text = kh_text_fold(r->t->text);
		const work *worst = NULL;
		for (const char *at = text; at; at = strchr(at, ' ') ? strchr(at, ' ') + 1 : NULL) {
			const char *key = first_words(at, 3);
			const kh_vec *ws = key ? kh_map_get(&by_key, key) : NULL;
			for (size_t k = 0; ws && k < ws->n; k++) {
				const work *w = KH_VEC_AT(*ws, work, k);
				if (strncmp(at, w->folded, strlen(w->folded)) || r->late.end >= w->span.span_end)
					continue;
				if (!worst || w->span.span_end > worst->span.span_end)
					worst = w;
			}
		}
		/* Else the results of the plan's own activities, over its period. */
		if (!worst && period && r->late.end < period->span.span_end && reports_results(text))
			worst = period;
		if (worst)
			report_early(x, r, worst);
	}
}

/*
 * criteria_imply.c - whether one award criterion implies another (see
 * criteria_imply.h). Atoms are compared when they read the same attribute
 * the same way: counts by year over one window, bounds on a number or a
 * date, chưa_khen of one class; and/or are taken apart. Anything else is
 * UNKNOWN, so that a NO is only said when a nominee can be shown who meets
 * P and not Q.
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>

#include "alloc.h"
#include "ast.h"
#include "criteria_imply.h"
#include "i18n.h"
#include "names.h"

static const kh_cexpr *kid(const kh_cexpr *e, size_t i)
{
	return i < e->kids.n ? e->kids.items[i] : NULL;
}

static bool same_text(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(kh_text_fold(a), kh_text_fold(b)));
}

static bool same_attr(const kh_award_attr *a, const kh_award_attr *b)
{
	return a == b || (a && b && !strcmp(a->id, b->id));
}

/* The same expression, written the same way (attributes by id). */
static bool same_expr(const kh_cexpr *a, const kh_cexpr *b)
{
	if (a->kind != b->kind || a->op != b->op || !same_attr(a->attr, b->attr) ||
	    a->number != b->number || a->years != b->years || a->until != b->until ||
	    a->date != b->date || !same_text(a->text, b->text) || a->kids.n != b->kids.n)
		return false;
	for (size_t i = 0; i < a->kids.n; i++)
		if (!same_expr(kid(a, i), kid(b, i)))
			return false;
	return true;
}

static bool reads(const kh_cexpr *e, const char *id)
{
	if (e->attr && !strcmp(e->attr->id, id))
		return true;
	for (size_t i = 0; i < e->kids.n; i++)
		if (reads(kid(e, i), id))
			return true;
	return false;
}

bool kh_cexpr_share_attr(const kh_cexpr *e, const kh_cexpr *f)
{
	if (e->attr && reads(f, e->attr->id))
		return true;
	for (size_t i = 0; i < e->kids.n; i++)
		if (kh_cexpr_share_attr(kid(e, i), f))
			return true;
	return false;
}

/* ---- bounds: ATTR op VALUE on numbers and dates ---- */

typedef struct bound {
	const kh_award_attr *attr;
	bool has_lo, lo_strict, has_hi, hi_strict;
	double lo, hi;
} bound;

static bool is_value(const kh_cexpr *e)
{
	return e && (e->kind == KH_CE_NUMBER || e->kind == KH_CE_DATE);
}

static double value_of(const kh_cexpr *e)
{
	return e->kind == KH_CE_DATE ? (double)e->date : e->number;
}

/* The operator seen from the attribute's side: 5 < x is x > 5. */
static int mirrored(int op)
{
	switch (op) {
	case KH_CMP_LT: return KH_CMP_GT;
	case KH_CMP_LE: return KH_CMP_GE;
	case KH_CMP_GT: return KH_CMP_LT;
	case KH_CMP_GE: return KH_CMP_LE;
	default: return op;
	}
}

static bool as_bound(const kh_cexpr *e, bound *b)
{
	if (e->kind != KH_CE_CMP || e->kids.n != 2 || e->op == KH_CMP_NE)
		return false;
	const kh_cexpr *l = kid(e, 0), *r = kid(e, 1);
	int op = e->op;
	if (is_value(l) && r->kind == KH_CE_ATTR) {
		const kh_cexpr *t = l;
		l = r;
		r = t;
		op = mirrored(op);
	}
	if (l->kind != KH_CE_ATTR || !is_value(r) || !l->attr)
		return false;
	*b = (bound){ .attr = l->attr };
	double k = value_of(r);
	b->has_lo = op == KH_CMP_GE || op == KH_CMP_GT || op == KH_CMP_EQ;
	b->has_hi = op == KH_CMP_LE || op == KH_CMP_LT || op == KH_CMP_EQ;
	b->lo_strict = op == KH_CMP_GT;
	b->hi_strict = op == KH_CMP_LT;
	b->lo = b->hi = k;
	return true;
}

/* One side (SIGN 1: a lower bound, -1: an upper one; values are
 * negated for the upper side so that one comparison serves both). The
 * counterexample is the value P admits nearest Q's bound, one unit inside
 * when P's is strict: numbers of the nominee file are counts and days. */
static kh_implied side_implies(bool p_has, double p, bool p_strict, bool q_has, double q,
			       bool q_strict)
{
	if (!q_has)
		return KH_IMPLIED_YES;
	if (!p_has)
		return KH_IMPLIED_UNKNOWN;
	if (p > q || (p == q && (p_strict || !q_strict)))
		return KH_IMPLIED_YES;
	double v = p + (p_strict ? 1 : 0);
	return v < q || (v == q && q_strict) ? KH_IMPLIED_NO : KH_IMPLIED_UNKNOWN;
}

static const char *bound_text(const kh_cexpr *e)
{
	const kh_cexpr *v = is_value(kid(e, 1)) ? kid(e, 1) : kid(e, 0);
	static const char *const ops[] = { "", "=", "!=", "<", "<=", ">", ">=" };
	int op = is_value(kid(e, 1)) ? e->op : mirrored(e->op);
	if (v->kind == KH_CE_DATE) {
		int y, m, d;
		kh_date_split(v->date, &y, &m, &d);
		return kh_printf("%s %d/%d/%d", ops[op], d, m, y);
	}
	return kh_printf("%s %g", ops[op], v->number);
}

static kh_implied bound_implies(const kh_cexpr *pe, const bound *p, const kh_cexpr *qe,
				const bound *q, const char **why)
{
	kh_implied lo = side_implies(p->has_lo, p->lo, p->lo_strict, q->has_lo, q->lo, q->lo_strict);
	kh_implied hi = side_implies(p->has_hi, -p->hi, p->hi_strict, q->has_hi, -q->hi, q->hi_strict);
	if (lo == KH_IMPLIED_YES && hi == KH_IMPLIED_YES)
		return KH_IMPLIED_YES;
	if (lo != KH_IMPLIED_NO && hi != KH_IMPLIED_NO)
		return KH_IMPLIED_UNKNOWN;
	if (why)
		*why = kh_printf(_("%s here, where the law asks %s"),
				 kh_printf("%s %s", p->attr->id, bound_text(pe)),
				 kh_printf("%s %s", q->attr->id, bound_text(qe)));
	return KH_IMPLIED_NO;
}

/* ---- counts by year: liên_tục N năm, ít_nhất N trong M năm ---- */

/* The values a count's test accepts (= "A" or trong [...]), or false. */
static bool count_values(const kh_cexpr *e, const kh_vec **list, const kh_cexpr **one)
{
	const kh_cexpr *t = kid(e, 0);
	*list = NULL;
	*one = NULL;
	if (!t)
		return false;
	if (e->op == KH_CMP_EQ && t->kind == KH_CE_TEXT) {
		*one = t;
		return true;
	}
	if (e->op == 0 && t->kind == KH_CE_IN && kid(t, 0) && kid(t, 0)->kind == KH_CE_LIST) {
		*list = &kid(t, 0)->kids;
		return true;
	}
	return false;
}

static bool accepts(const kh_cexpr *e, const char *value)
{
	const kh_vec *list;
	const kh_cexpr *one;
	count_values(e, &list, &one);
	if (one)
		return same_text(one->text, value);
	for (size_t i = 0; list && i < list->n; i++)
		if (same_text(((const kh_cexpr *)list->items[i])->text, value))
			return true;
	return false;
}

/* A value P counts that Q does not, or NULL. */
static const char *counted_beyond(const kh_cexpr *p, const kh_cexpr *q)
{
	const kh_vec *list;
	const kh_cexpr *one;
	count_values(p, &list, &one);
	if (one)
		return accepts(q, one->text) ? NULL : one->text;
	for (size_t i = 0; list && i < list->n; i++) {
		const char *v = ((const kh_cexpr *)list->items[i])->text;
		if (!accepts(q, v))
			return v;
	}
	return NULL;
}

static bool is_count(const kh_cexpr *e)
{
	return e->kind == KH_CE_CONSEC || e->kind == KH_CE_ATLEAST;
}

/* As the plan writes it: "liên_tục 2 năm xếp_loại", "ít_nhất 3 trong 5 năm xếp_loại". */
static const char *count_text(const kh_cexpr *e)
{
	return e->kind == KH_CE_CONSEC ? kh_printf("liên_tục %g năm %s", e->number, e->attr->id)
				       : kh_printf("ít_nhất %g trong %ld năm %s", e->number, e->years,
						   e->attr->id);
}

/*
 * Both windows end in the same year. 'liên_tục N năm' is N in the last N
 * years. P's N matches in its last Mp years leave at least N - (Mp - Mq)
 * in Q's last Mq years when Mp > Mq, and all N otherwise; when that is
 * below Q's count, a nominee with P's matches in its earliest years meets
 * P and not Q.
 */
static kh_implied count_implies(const kh_cexpr *p, const kh_cexpr *q, const char **why)
{
	const kh_vec *l;
	const kh_cexpr *o;
	if (p->until != q->until || !count_values(p, &l, &o) || !count_values(q, &l, &o))
		return KH_IMPLIED_UNKNOWN;
	const char *beyond = counted_beyond(p, q);
	if (beyond) {
		if (why)
			*why = kh_printf(_("%s counts \"%s\" here, which the law does not count"),
					 p->attr->id, beyond);
		return KH_IMPLIED_NO;
	}
	double kept = p->number - (p->years > q->years ? (double)(p->years - q->years) : 0);
	if (kept >= q->number)
		return KH_IMPLIED_YES;
	if (why)
		*why = kh_printf(_("%s here, where the law asks %s"), count_text(p), count_text(q));
	return KH_IMPLIED_NO;
}

/* ---- chưa_khen ---- */

/* An award of Q's class is one of P's when Q's class contains P's ("Bằng
 * khen của Chủ tịch…" is a "Bằng khen"): then P's years only matter. */
static kh_implied not_awarded_implies(const kh_cexpr *p, const kh_cexpr *q, const char *cls,
				      const char **why)
{
	const char *pc = p->text ? p->text : cls, *qc = q->text ? q->text : cls;
	if (!pc || !qc || p->until != q->until || !strstr(kh_text_fold(qc), kh_text_fold(pc)))
		return KH_IMPLIED_UNKNOWN;
	if (p->years >= q->years)
		return KH_IMPLIED_YES;
	if (why)
		*why = kh_printf(_("%s here, where the law asks %s"),
				 kh_printf("chưa_khen \"%s\" %ld năm", pc, p->years),
				 kh_printf("chưa_khen \"%s\" %ld năm", qc, q->years));
	return KH_IMPLIED_NO;
}

static kh_implied atom_implies(const kh_cexpr *p, const kh_cexpr *q, const char *cls,
			       const char **why)
{
	bound pb, qb;
	if (as_bound(p, &pb) && as_bound(q, &qb) && same_attr(pb.attr, qb.attr))
		return bound_implies(p, &pb, q, &qb, why);
	if (is_count(p) && is_count(q) && same_attr(p->attr, q->attr))
		return count_implies(p, q, why);
	if (p->kind == KH_CE_NOT_AWARDED && q->kind == KH_CE_NOT_AWARDED)
		return not_awarded_implies(p, q, cls, why);
	return KH_IMPLIED_UNKNOWN;
}

/* P is an and: one part is enough for YES. For NO, the one part that
 * reads Q's attributes must fail it while the others read none of them
 * (so they can hold whatever Q's attributes are). */
static kh_implied and_implies(const kh_cexpr *p, const kh_cexpr *q, const char *cls,
			      const char **why)
{
	const kh_cexpr *relevant = NULL;
	size_t n_relevant = 0;
	for (size_t i = 0; i < p->kids.n; i++) {
		if (kh_criteria_implies(kid(p, i), q, cls, NULL) == KH_IMPLIED_YES)
			return KH_IMPLIED_YES;
		if (kh_cexpr_share_attr(kid(p, i), q)) {
			relevant = kid(p, i);
			n_relevant++;
		}
	}
	if (n_relevant != 1)
		return KH_IMPLIED_UNKNOWN;
	for (size_t i = 0; i < p->kids.n; i++)
		if (kid(p, i) != relevant && kh_cexpr_share_attr(kid(p, i), relevant))
			return KH_IMPLIED_UNKNOWN;
	return kh_criteria_implies(relevant, q, cls, why);
}

kh_implied kh_criteria_implies(const kh_cexpr *p, const kh_cexpr *q, const char *form_class,
			       const char **why)
{
	if (why)
		*why = NULL;
	if (same_expr(p, q))
		return KH_IMPLIED_YES;
	bool all = true;
	if (q->kind == KH_CE_AND || p->kind == KH_CE_OR) {
		/* every part of Q must follow, or P's every branch must give Q */
		const kh_cexpr *parts = q->kind == KH_CE_AND ? q : p;
		for (size_t i = 0; i < parts->kids.n; i++) {
			kh_implied r = q->kind == KH_CE_AND
				? kh_criteria_implies(p, kid(q, i), form_class, why)
				: kh_criteria_implies(kid(p, i), q, form_class, why);
			if (r == KH_IMPLIED_NO)
				return r;
			all &= r == KH_IMPLIED_YES;
		}
		return all ? KH_IMPLIED_YES : KH_IMPLIED_UNKNOWN;
	}
	if (q->kind == KH_CE_OR) {
		for (size_t i = 0; i < q->kids.n; i++)
			if (kh_criteria_implies(p, kid(q, i), form_class, NULL) == KH_IMPLIED_YES)
				return KH_IMPLIED_YES;
		return KH_IMPLIED_UNKNOWN; /* a nominee failing every branch at once: not shown */
	}
	if (p->kind == KH_CE_AND)
		return and_implies(p, q, form_class, why);
	return atom_implies(p, q, form_class, why);
}

bool kh_cexpr_checkable(const kh_cexpr *e)
{
	bound b;
	if (e->kind == KH_CE_AND) {
		for (size_t i = 0; i < e->kids.n; i++)
			if (!kh_cexpr_checkable(kid(e, i)))
				return false;
		return e->kids.n > 0;
	}
	return is_count(e) || e->kind == KH_CE_NOT_AWARDED || as_bound(e, &b);
}

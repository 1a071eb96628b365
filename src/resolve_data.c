/*
 * resolve_data.c - the standard library's data declarations: document kinds
 * and their parts, award rights, holidays.
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
/* Data declarations of the standard library                          */

/* The part names folded, once a process: every kind rule of the stdlib
 * names parts, and each plan reads them again. Static storage, not the
 * collector's, so nothing here outlives a fuzz target's freeing. */
static const char *folded_part_name(size_t i, size_t j)
{
	static char folded[KH_PART__COUNT][3][48];
	if (!folded[i][j][0]) {
		const char *f = kh_text_fold(kh_part_written((kh_part)i, (int)j));
		if (strlen(f) >= sizeof folded[i][j])
			return f; /* not kept: never so for these names */
		strcpy(folded[i][j], f);
	}
	return folded[i][j];
}

static unsigned resolve_parts(resolver *r, kh_node *first)
{
	unsigned bits = 0;
	for (kh_node *n = first; n; n = n->next) {
		const char *k = kh_text_fold(n->text);
		int found = -1;
		for (size_t i = 0; i < KH_PART__COUNT && found < 0; i++)
			for (size_t j = 0; j < 3; j++)
				if (!strcmp(k, folded_part_name(i, j)))
					found = (int)i;
		if (found < 0) {
			kh_buf list = { 0 };
			for (size_t i = 0; i < KH_PART__COUNT; i++)
				kh_buf_printf(&list, "%s%s", i ? ", " : "", kh_part_name_vi((kh_part)i));
			kh_diag_add(r->diags, KH_ERROR, n->span, "undeclared-id",
				    _("'%s' is not a part of a document; parts are: %s"), n->text, list.data);
			continue;
		}
		bits |= 1u << found;
	}
	return bits;
}

void rs_resolve_kind_rule(resolver *r, kh_node *n)
{
	kh_kind_rule *k = KH_NEW(kh_kind_rule);
	k->kind = (kh_doc_kind)n->key;
	k->span = n->span;
	static const int single[] = { T_ABBR, 0 };
	rs_once once = { .single = single };
	for (kh_node *a = n->kids; a; a = a->next) {
		if (rs_repeated(r, &once, a->key, a, _("in this document kind")))
			continue;
		switch (a->key) {
		case T_ABBR: k->code = a->kids->text; break;
		case T_REQUIRES: k->required |= resolve_parts(r, a->kids); break;
		case T_CUSTOMARY: k->customary |= resolve_parts(r, a->kids); break;
		default: rs_misplaced(r, a, _("in a document kind (use viết_tắt, bắt_buộc, thường_có)"));
		}
	}
	kh_vec_push(&r->prog->kind_rules, k);
}

/* Entries of one class add up, wherever they stand: vn/awards says who
 * grants a form, vn/award_criteria what the law asks of its nominees. */
static kh_award_right *right_of_class(resolver *r, kh_node *n)
{
	const char *k = kh_text_fold(n->text);
	for (size_t i = 0; i < r->prog->award_rights.n; i++) {
		kh_award_right *w = r->prog->award_rights.items[i];
		if (!strcmp(w->class_key, k))
			return w;
	}
	kh_award_right *w = KH_NEW(kh_award_right);
	w->class_name = n->text;
	w->class_key = k;
	w->span = n->span;
	kh_vec_push(&r->prog->award_rights, w);
	return w;
}

/* A second tiêu_chuẩn or căn_cứ of a class, in any of its entries. */
static bool given_twice(resolver *r, kh_node *a, bool given, kh_span first)
{
	if (!given)
		return false;
	kh_diag *d = kh_diag_add(r->diags, KH_ERROR, a->span, "repeated-field",
				 _("the statutory criteria of this class are given twice"));
	kh_diag_note(d, first, _("they are given here"));
	return true;
}

void rs_resolve_award_right(resolver *r, kh_node *n)
{
	kh_award_right *w = right_of_class(r, n);
	bool had_grants = w->grants.n > 0;
	for (kh_node *a = n->kids; a; a = a->next) {
		if (a->kind == KH_N_CRITERIA) {
			if (!given_twice(r, a, w->has_criteria, w->criteria_span)) {
				w->has_criteria = true;
				w->criteria_span = a->span;
				rs_resolve_law_criteria(r, a, &w->rules);
			}
			continue;
		}
		if (a->key == T_BASIS && a->kind == KH_N_ATTR) {
			if (!given_twice(r, a, w->citation != NULL, w->span))
				w->citation = a->kids->text;
			continue;
		}
		if (a->key != T_GRANTOR) {
			rs_misplaced(r, a, _("in an award right (use trao_bởi AUTHORITY [cấp LEVEL], "
					     "tiêu_chuẩn { … }, căn_cứ \"…\")"));
			continue;
		}
		kh_award_grant *g = KH_NEW(kh_award_grant);
		g->span = a->span;
		g->authority = rs_lookup_body(r, a->kids->span, a->kids->id);
		if (a->flag)
			g->level = rs_lookup_level(r, a->span, a->id);
		if (g->authority)
			kh_vec_push(&w->grants, g);
	}
	if (!had_grants && w->grants.n)
		w->span = n->span; /* award-authority's note: where who grants it is */
}

/* A holiday's ngày or âm_lịch: a day of the year (2/9), or the first date
 * of a day off or make-up day (số_ngày makes it a break of several days).
 * True when it gave the holiday its day. */
static bool holiday_day(resolver *r, kh_holiday *h, kh_node *a)
{
	kh_precision p;
	kh_day s, e;
	if (a->kids->kind == KH_N_D_DAYMONTH) {
		int m = (int)a->kids->n[0], d = (int)a->kids->n[1];
		int maxd = a->key == T_LUNAR ? 30 : kh_month_days(2000, m);
		if (h->kind != KH_HOLIDAY_SOLAR || m < 1 || m > 12 || d < 1 || d > maxd) {
			kh_diag_add(r->diags, KH_ERROR, a->kids->span, "invalid-date",
				    h->kind != KH_HOLIDAY_SOLAR
					    ? _("a day off or make-up day is one date: write day/month/year")
					    : _("%s is not a day of the year"), rs_span_text(a->kids->span));
			return false;
		}
		h->month = m;
		h->day = d;
		h->kind = a->key == T_LUNAR ? KH_HOLIDAY_LUNAR : KH_HOLIDAY_SOLAR;
		return true;
	}
	if (a->key == T_DAY && h->kind != KH_HOLIDAY_SOLAR) {
		if (rs_resolve_date(r, a->kids, &s, &e, &p) != 1)
			return false;
		if (p != KH_PREC_DAY)
			kh_diag_add(r->diags, KH_ERROR, a->span, "invalid-date",
				    _("a day off or make-up day starts on one date (3/9/2021); "
				      "số_ngày gives a break of several days"));
		h->date = s;
		return true;
	}
	kh_diag_add(r->diags, KH_ERROR, a->kids->span, "invalid-date",
		    _("a holiday recurs every year: write day/month without a year (2/9), "
		    "or declare a one-off 'ngày_nghỉ'"));
	return false;
}

void rs_resolve_holiday(resolver *r, kh_node *n)
{
	kh_holiday *h = KH_NEW(kh_holiday);
	h->id = n->id;
	h->name = n->text;
	h->span = n->span;
	h->days = 1;
	h->kind = n->flag == 1 ? KH_HOLIDAY_DAY_OFF : n->flag == 2 ? KH_HOLIDAY_WORKDAY : KH_HOLIDAY_SOLAR;
	bool dated = false;
	static const int single[] = { T_DAY, T_LENGTH, T_BEFORE, T_FROM, T_UNTIL, 0 };
	rs_once once = { .single = single };
	for (kh_node *a = n->kids; a; a = a->next) {
		/* ngày and âm_lịch both give the day */
		if (rs_repeated(r, &once, a->key == T_LUNAR ? T_DAY : a->key, a, _("in this holiday")))
			continue;
		kh_precision p;
		kh_day s, e;
		switch (a->key) {
		case T_DAY:
		case T_LUNAR:
			dated |= holiday_day(r, h, a);
			break;
		case T_LENGTH:
			if (a->kids->n[0] < 1 || a->kids->n[0] > 31)
				kh_diag_add(r->diags, KH_ERROR, a->kids->span, "number-too-large",
					    _("a holiday lasts 1 to 31 days"));
			else
				h->days = (int)a->kids->n[0];
			break;
		case T_BEFORE:
			if (a->kids->n[0] > 31)
				kh_diag_add(r->diags, KH_ERROR, a->kids->span, "number-too-large",
					    _("a holiday starts at most 31 days before its day"));
			else
				h->start_before = (int)a->kids->n[0];
			break;
		case T_FROM:
			if (rs_resolve_date(r, a->kids, &s, &e, &p) == 1) {
				h->has_from = true;
				h->from = s;
			}
			break;
		case T_UNTIL:
			if (rs_resolve_date(r, a->kids, &s, &e, &p) == 1) {
				h->has_until = true;
				h->until = e;
			}
			break;
		default:
			rs_misplaced(r, a, _("in a holiday (use ngày, âm_lịch, số_ngày, trước, từ, đến)"));
		}
	}
	if (!dated)
		kh_diag_add(r->diags, KH_ERROR, n->span, "invalid-date", _("'%s' needs its day (ngày 2/9, âm_lịch 10/3)"),
			    h->name);
	else
		kh_vec_push(&r->prog->holidays, h);
}

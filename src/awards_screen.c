/*
 * awards_screen.c - the screening of a nominee table by the plan's award
 * forms: the columns bound to the attributes by their headers, every
 * typed cell checked once (a bad one takes its nominee out of every
 * form), the keys, then per form the rules, the ranking and the quotas.
 * The evaluation of one criterion is awards_eval.c.
 * Part of kehoach; see README.md for the licence.
 */
#include "awards_screen.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "names.h"
#include "strmap.h"

#define RULE_CELL "bad-cell"
#define RULE_COLUMN "missing-column"

const kh_award_form *kh_awards_find_form(const kh_plan *p, const char *id)
{
	const char *key = kh_name_key(id);
	for (size_t i = 0; i < p->award_forms.n; i++) {
		const kh_award_form *f = p->award_forms.items[i];
		if (f && f->id && !strcmp(kh_name_key(f->id), key))
			return f;
	}
	return NULL;
}

size_t kh_screen_attr_index(const kh_screening *s, const kh_award_attr *a)
{
	for (size_t i = 0; i < s->plan->award_attrs.n; i++)
		if (s->plan->award_attrs.items[i] == a)
			return i;
	return 0;
}

static const kh_cell blank_cell = { "", 0, 0, { -1, 0, 0 }, "" }; /* folded: never written */

int kh_screen_year_column(const kh_screening *s, const kh_award_attr *a, long year)
{
	size_t i = kh_screen_attr_index(s, a);
	for (size_t k = 0; k < s->nyears[i]; k++)
		if (s->years[i][k].year == year)
			return (int)s->years[i][k].col;
	return -1;
}

const kh_cell *kh_screen_cell(const kh_screening *s, size_t row, const kh_award_attr *a)
{
	int col = a ? s->col[kh_screen_attr_index(s, a)] : -1;
	return col < 0 ? &blank_cell : &s->table->rows[row][col];
}

/* A typed cell that does not read takes its nominee out of every form. */
static bool cell_reads(const kh_cell *c, kh_attr_type type, kh_diags *d)
{
	double num;
	kh_day day;
	bool yes;
	kh_award_item *items;
	size_t n;
	if (!c->text[0])
		return true; /* blank: an error only where a rule needs it */
	switch (type) {
	case KH_ATTR_NUMBER: return kh_cell_number(c, &num, d);
	case KH_ATTR_DATE: return kh_cell_date(c, &day, d);
	case KH_ATTR_YESNO: return kh_cell_yesno(c, &yes, d);
	case KH_ATTR_AWARDS: return kh_cell_awards(c, &items, &n, d);
	default: return true;
	}
}

/* The kind a folded text says: KH_TARGET_COLLECTIVE, _INDIVIDUAL or 0. */
static int kind_word(const char *folded)
{
	return !strcmp(folded, "tập thể") ? KH_TARGET_COLLECTIVE
	     : !strcmp(folded, "cá nhân") ? KH_TARGET_INDIVIDUAL : 0;
}

int kh_screen_kind(const kh_screening *s, size_t row)
{
	return s->kind ? kind_word(kh_cell_fold(kh_screen_cell(s, row, s->kind))) : 0;
}

/* When no criterion names it, the kind of nominee is the text column
 * whose every cell says "tập thể" or "cá nhân". */
static const kh_award_attr *kind_from_cells(const kh_screening *s)
{
	const kh_vec *attrs = &s->plan->award_attrs;
	for (size_t i = 0; i < attrs->n; i++) {
		const kh_award_attr *a = attrs->items[i];
		if (a->type != KH_ATTR_TEXT || s->col[i] < 0)
			continue;
		size_t said = 0, other = 0;
		for (size_t r = 0; r < s->table->nrows; r++) {
			const kh_cell *c = &s->table->rows[r][s->col[i]];
			if (c->text[0])
				kind_word(kh_cell_fold(c)) ? said++ : other++;
		}
		if (said && !other)
			return a;
	}
	return NULL;
}

/* Columns by header; the yearly ones ("Xếp loại 2024") give the latest year. */
static void bind_columns(kh_screening *s)
{
	const kh_vec *attrs = &s->plan->award_attrs;
	s->col = KH_NEW_N(int, attrs->n ? attrs->n : 1);
	s->years = KH_NEW_N(kh_year_col *, attrs->n ? attrs->n : 1);
	s->nyears = KH_NEW_N(size_t, attrs->n ? attrs->n : 1);
	for (size_t i = 0; i < attrs->n; i++) {
		const kh_award_attr *a = attrs->items[i];
		s->col[i] = -1;
		if (a->type != KH_ATTR_YEARLY) {
			s->col[i] = kh_nominees_column(s->table, a->header);
			continue;
		}
		size_t n = s->nyears[i] = kh_nominees_yearly(s->table, a->header, &s->years[i]);
		if (n && s->years[i][n - 1].year > s->latest_year)
			s->latest_year = s->years[i][n - 1].year;
	}
}

/* Every typed cell read once; a bad one, a bad record or a repeated key
 * leaves the nominee out. */
static void check_cells(kh_screening *s, kh_diags *d)
{
	const kh_nominees *t = s->table;
	const kh_vec *attrs = &s->plan->award_attrs;
	s->bad = KH_NEW_N(bool, t->nrows ? t->nrows : 1);
	for (size_t r = 0; r < t->nrows; r++) {
		s->bad[r] = t->bad && t->bad[r];
		for (size_t i = 0; i < attrs->n && !s->bad[r]; i++) {
			const kh_award_attr *a = attrs->items[i];
			if (s->col[i] >= 0 && !cell_reads(&t->rows[r][s->col[i]], a->type, d))
				s->bad[r] = true;
		}
	}
	for (size_t i = 0; i < attrs->n; i++) {
		const kh_award_attr *a = attrs->items[i];
		if (a->key && !s->key)
			s->key = a;
		else if (!s->name && a->type == KH_ATTR_TEXT && !a->key && a != s->kind)
			s->name = a;
	}
	if (s->key && s->col[kh_screen_attr_index(s, s->key)] >= 0)
		kh_nominees_check_unique(t, (size_t)s->col[kh_screen_attr_index(s, s->key)], s->bad, d);
	for (size_t r = 0; r < t->nrows; r++)
		s->screened += !s->bad[r];
}

/* ------------------------------------------------------------------ */
/* What a form needs of the file                                      */

typedef struct needs {
	kh_screening *s;
	const kh_award_form *f;
	kh_diags *d;
	bool ok;
} needs;

static void column_missing(needs *n, const kh_award_attr *a, const char *header, kh_span used)
{
	const kh_nominees *t = n->s->table;
	kh_diag *x = kh_diag_add(n->d, KH_ERROR, t->header[0].span, RULE_COLUMN,
				 _("the file has no column '%s', which the form '%s' needs (%s)"), header,
				 n->f->id, a->id);
	kh_diag_note(x, used.file >= 0 ? used : a->span, _("needed here"));
	n->ok = false;
}

static void need_attr(needs *n, const kh_award_attr *a, kh_span used)
{
	if (a && a->type != KH_ATTR_YEARLY && n->s->col[kh_screen_attr_index(n->s, a)] < 0)
		column_missing(n, a, a->header, used);
}

/* A count without 'đến' in a plan without a date, over a file without
 * yearly columns: it has no last year. */
static bool has_last_year(needs *n, const kh_cexpr *e)
{
	kh_eval ev = { .s = n->s };
	if (kh_eval_until(&ev, e))
		return true;
	kh_diag_add(n->d, KH_ERROR, e->span, RULE_COLUMN, "%s",
		    _("this count has no last year: the plan has no date and the file no yearly "
		      "column; write 'đến YEAR'"));
	n->ok = false;
	return false;
}

/* A count's years, each a column "HEADER YYYY". */
static void need_years(needs *n, const kh_cexpr *e)
{
	kh_eval ev = { .s = n->s };
	long until = kh_eval_until(&ev, e);
	for (long y = until - e->years + 1; y <= until && n->ok; y++)
		if (kh_screen_year_column(n->s, e->attr, y) < 0)
			column_missing(n, e->attr, kh_printf("%s %ld", e->attr->header, y), e->span);
}

static void need_expr(needs *n, const kh_cexpr *e)
{
	if (!e)
		return;
	bool count = e->kind == KH_CE_CONSEC || e->kind == KH_CE_ATLEAST;
	if ((count || e->kind == KH_CE_NOT_AWARDED) && !has_last_year(n, e))
		return;
	if (count)
		need_years(n, e);
	else if (e->attr)
		need_attr(n, e->attr, e->span);
	for (size_t i = 0; i < e->kids.n; i++)
		need_expr(n, e->kids.items[i]);
}

static bool form_has_what_it_needs(kh_screening *s, const kh_award_form *f, kh_diags *d)
{
	needs n = { s, f, d, true };
	for (size_t i = 0; i < f->rules.n; i++) {
		const kh_crit_rule *r = f->rules.items[i];
		need_expr(&n, r->expr);
		need_expr(&n, r->unless);
	}
	for (size_t i = 0; i < f->rank.n; i++) {
		const kh_rank_key *k = f->rank.items[i];
		need_attr(&n, k->attr, k->span);
	}
	need_attr(&n, f->quota_each, f->span);
	if ((f->quota_collective >= 0 || f->quota_individual >= 0) && !s->kind && n.ok) {
		kh_diag_add(d, KH_ERROR, f->span, RULE_COLUMN,
			    _("the quota of '%s' is per tập thể and cá nhân, and no attribute says which "
			      "a nominee is: compare one with \"tập thể\" or \"cá nhân\" in a criterion"),
			    f->id);
		n.ok = false;
	}
	return n.ok;
}

/* ------------------------------------------------------------------ */
/* One form                                                           */

static kh_form_status status_of(const kh_award_form *f)
{
	if (f->rules.n)
		return KH_FORM_SCREENED;
	if (f->criteria_tba)
		return KH_FORM_DEFERRED;
	if (f->criteria_by_law)
		return KH_FORM_BY_LAW;
	return f->criteria ? KH_FORM_PROSE : KH_FORM_NO_CRITERIA;
}

static kh_nominee_result *result(kh_vec *into, size_t row, kh_verdict v)
{
	kh_nominee_result *r = KH_NEW(kh_nominee_result);
	r->row = row;
	r->verdict = v;
	kh_vec_push(into, r);
	return r;
}

/* A blank cell a rule needs: reported once per cell, whatever the form. */
static void unscreened(kh_form_screening *fs, size_t row, const kh_eval *ev, kh_strmap *said,
		       kh_diags *d)
{
	kh_nominee_result *r = result(&fs->unscreened, row, KH_UNSCREENED);
	r->why = ev->missing_why;
	const char *at = kh_printf("%u", ev->missing_cell->span.start);
	if (kh_strmap_get(said, at) >= 0)
		return;
	kh_strmap_put(said, at, 1);
	kh_diag_add(d, KH_ERROR, ev->missing_cell->span, RULE_CELL, "%s",
		    kh_cell_message(ev->missing_cell,
				    kh_printf(_("%s: the form '%s' cannot screen this nominee without it"),
					      ev->missing_why, fs->form->id)));
}

static bool rejected(kh_form_screening *fs, size_t row, int rule, const kh_crit_rule *failed,
		     const char *why)
{
	kh_nominee_result *r = result(&fs->rejected, row, KH_REJECTED);
	r->rule = rule;
	r->failed = failed;
	r->why = why ? why : "";
	return false;
}

/* The rules in order, stopping at the first that fails; then the form's
 * đối_tượng. False when the nominee is rejected or cannot be screened. */
static bool passes(const kh_screening *s, kh_form_screening *fs, size_t row, kh_strmap *said,
		   kh_diags *d)
{
	const kh_award_form *f = fs->form;
	for (size_t i = 0; i < f->rules.n; i++) {
		const kh_crit_rule *rule = f->rules.items[i];
		kh_eval ev = { s, row, false, NULL, NULL };
		const char *why = NULL;
		bool h = kh_eval_holds(&ev, rule->expr, &why);
		if (!ev.missing && rule->exclude && h)
			return rejected(fs, row, (int)i + 1, rule,
					kh_printf(_("excluded: %s"), rule->text));
		if (!ev.missing && !rule->exclude && !h && rule->unless)
			h = kh_eval_holds(&ev, rule->unless, NULL);
		if (ev.missing) {
			unscreened(fs, row, &ev, said, d);
			return false;
		}
		if (!rule->exclude && !h)
			return rejected(fs, row, (int)i + 1, rule, why);
	}
	if (f->who) {
		int who = kh_screen_kind(s, row);
		if (who && !(f->who & who))
			return rejected(fs, row, 0, NULL,
					kh_printf(_("the form is for %s; this nominee is %s"),
						  f->who & KH_TARGET_COLLECTIVE ? _("tập thể") : _("cá nhân"),
						  kh_screen_cell(s, row, s->kind)->text));
	}
	return true;
}

/* Every ranking key of ROW has a value (a blank one cannot be placed). */
static bool rank_values_present(const kh_screening *s, kh_form_screening *fs, size_t row,
				kh_strmap *said, kh_diags *d)
{
	for (size_t i = 0; i < fs->form->rank.n; i++) {
		const kh_rank_key *k = fs->form->rank.items[i];
		const kh_cell *c = kh_screen_cell(s, row, k->attr);
		if (c->text[0] || k->attr->type == KH_ATTR_TEXT)
			continue;
		kh_eval ev = { s, row, true, c,
			       kh_printf(_("blank where a value is needed to rank by (%s)"),
					 k->attr->id) };
		unscreened(fs, row, &ev, said, d);
		return false;
	}
	return true;
}

static kh_form_screening *screen_form(kh_screening *s, const kh_award_form *f, kh_strmap *said,
				      kh_diags *d)
{
	kh_form_screening *fs = KH_NEW(kh_form_screening);
	fs->form = f;
	fs->status = status_of(f);
	if (fs->status == KH_FORM_SCREENED && !form_has_what_it_needs(s, f, d))
		fs->status = KH_FORM_BROKEN;
	if (fs->status != KH_FORM_SCREENED)
		return fs;
	for (size_t r = 0; r < s->table->nrows; r++)
		if (!s->bad[r] && passes(s, fs, r, said, d) && rank_values_present(s, fs, r, said, d))
			result(&fs->ranked, r, KH_ELIGIBLE);
	kh_awards_rank(s, fs);
	return fs;
}

kh_screening *kh_awards_screen(const kh_plan *p, const kh_nominees *table, const char *form_id,
			       kh_diags *d)
{
	kh_screening *s = KH_NEW(kh_screening);
	s->plan = p;
	s->table = table;
	bind_columns(s);
	s->kind = p->award_kind_attr ? p->award_kind_attr : kind_from_cells(s);
	check_cells(s, d);
	kh_strmap said = { 0 };
	for (size_t i = 0; i < p->award_forms.n; i++) {
		const kh_award_form *f = p->award_forms.items[i];
		if (f && (!form_id || f == kh_awards_find_form(p, form_id)))
			kh_vec_push(&s->forms, screen_form(s, f, &said, d));
	}
	return s;
}

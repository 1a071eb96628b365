/*
 * awards_eval.c - a criterion's expression evaluated for one nominee,
 * and, when it is false, why in words that quote the nominee's own cells
 * ("năm_công_tác is 3, needs >= 5"). The types were checked by the
 * resolver (resolve_criteria.c), so a number is compared with a number.
 * 'hoặc' and 'và' stop as soon as the answer is known, left to right: a
 * blank cell after that point is never read, so it is no error.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "ast.h"
#include "awards_screen.h"
#include "i18n.h"
#include "names.h"

typedef struct value {
	kh_val_type type;
	double num;
	kh_day date;
	const char *text;
	const char *folded;       /* text folded, when known (a cell's, a literal's) */
	bool yes;
} value;

static const char *folded(const value *v)
{
	return v->folded ? v->folded : kh_text_fold(v->text ? v->text : "");
}

static const char *op_text(int op)
{
	static const char *const ops[] = { "?", "=", "!=", "<", "<=", ">", ">=" };
	return op >= KH_CMP_EQ && op <= KH_CMP_GE ? ops[op] : "?";
}

static const char *number_text(double v)
{
	return kh_printf("%.10g", v);
}

static const char *date_text(kh_day d)
{
	int y, m, dd;
	kh_date_split(d, &y, &m, &dd);
	return kh_printf("%d/%d/%04d", dd, m, y); /* as plans write them: 1/9/2010 */
}

static const char *value_text(const value *v)
{
	switch (v->type) {
	case KH_VAL_NUMBER: return number_text(v->num);
	case KH_VAL_DATE: return date_text(v->date);
	case KH_VAL_BOOL: return v->yes ? _("có") : _("không");
	default: return kh_printf("\"%s\"", v->text ? v->text : "");
	}
}

/* A needed cell is blank: remembered, the evaluation's answer void. */
static bool missing(kh_eval *ev, const kh_cell *c, const kh_award_attr *a, const char *what)
{
	if (!ev->missing) {
		ev->missing = true;
		ev->missing_cell = c;
		ev->missing_why = kh_printf(_("blank where %s is needed (%s)"), what, a->id);
	}
	return false;
}

/* The value of an attribute's cell; false when it is blank but needed. */
static bool attr_value(kh_eval *ev, const kh_award_attr *a, value *v)
{
	const kh_cell *c = kh_screen_cell(ev->s, ev->row, a);
	kh_diags scratch = { 0 }; /* the cells were checked before the screening */
	switch (a->type) {
	case KH_ATTR_NUMBER:
		v->type = KH_VAL_NUMBER;
		if (!c->text[0])
			return missing(ev, c, a, _("a number"));
		return kh_cell_number(c, &v->num, &scratch);
	case KH_ATTR_DATE:
		v->type = KH_VAL_DATE;
		if (!c->text[0])
			return missing(ev, c, a, _("a date"));
		return kh_cell_date(c, &v->date, &scratch);
	case KH_ATTR_YESNO:
		v->type = KH_VAL_BOOL;
		return kh_cell_yesno(c, &v->yes, &scratch);
	default:
		v->type = KH_VAL_TEXT;
		v->text = c->text;
		v->folded = kh_cell_fold(c);
		return true;
	}
}

static bool eval_value(kh_eval *ev, const kh_cexpr *e, value *v)
{
	memset(v, 0, sizeof *v);
	switch (e->kind) {
	case KH_CE_NUMBER: v->type = KH_VAL_NUMBER; v->num = e->number; return true;
	case KH_CE_DATE: v->type = KH_VAL_DATE; v->date = e->date; return true;
	case KH_CE_TEXT:
		v->type = KH_VAL_TEXT;
		v->text = e->text;
		v->folded = e->folded;
		return true;
	case KH_CE_YESNO: v->type = KH_VAL_BOOL; v->yes = e->number != 0; return true;
	case KH_CE_ATTR: return attr_value(ev, e->attr, v);
	default:
		v->type = KH_VAL_BOOL;
		v->yes = kh_eval_holds(ev, e, NULL);
		return !ev->missing;
	}
}

/* -1, 0, 1; texts compare after NFC and case folding. */
static int compare(const value *a, const value *b)
{
	switch (a->type) {
	case KH_VAL_NUMBER: return (a->num > b->num) - (a->num < b->num);
	case KH_VAL_DATE: return (a->date > b->date) - (a->date < b->date);
	case KH_VAL_BOOL: return a->yes != b->yes;
	default: return strcmp(folded(a), folded(b)) != 0;
	}
}

static bool op_holds(int op, int c)
{
	switch (op) {
	case KH_CMP_EQ: return c == 0;
	case KH_CMP_NE: return c != 0;
	case KH_CMP_LT: return c < 0;
	case KH_CMP_LE: return c <= 0;
	case KH_CMP_GT: return c > 0;
	default: return c >= 0;
	}
}

/* The name a reason gives a side: the attribute's id, or the value. */
static const char *side_name(const kh_cexpr *e, const value *v)
{
	return e->kind == KH_CE_ATTR ? e->attr->id : value_text(v);
}

static bool holds_cmp(kh_eval *ev, const kh_cexpr *e, const char **why)
{
	const kh_cexpr *l = e->kids.items[0], *r = e->kids.items[1];
	value a, b;
	if (!eval_value(ev, l, &a) || !eval_value(ev, r, &b))
		return false;
	if (op_holds(e->op, compare(&a, &b)))
		return true;
	if (why && e->op == KH_CMP_EQ)
		*why = kh_printf(_("%s is %s, needs %s"), side_name(l, &a), value_text(&a), value_text(&b));
	else if (why)
		*why = kh_printf(_("%s is %s, needs %s %s"), side_name(l, &a), value_text(&a),
				 op_text(e->op), value_text(&b));
	return false;
}

/* The items of a list literal, as printed: "\"a\", \"b\"". */
static const char *list_text(kh_eval *ev, const kh_cexpr *list, const char *sep)
{
	kh_buf b = { 0 };
	for (size_t i = 0; i < list->kids.n; i++) {
		value v;
		eval_value(ev, list->kids.items[i], &v);
		kh_buf_printf(&b, "%s%s", i ? sep : "", value_text(&v));
	}
	return kh_buf_cstr(&b);
}

static bool in_list(kh_eval *ev, const value *v, const kh_cexpr *list)
{
	for (size_t i = 0; i < list->kids.n; i++) {
		value item;
		if (eval_value(ev, list->kids.items[i], &item) && compare(v, &item) == 0)
			return true;
	}
	return false;
}

static bool holds_in(kh_eval *ev, const kh_cexpr *e, const char **why)
{
	const kh_cexpr *l = e->kids.items[0], *list = e->kids.items[1];
	value v;
	if (!eval_value(ev, l, &v))
		return false;
	if (in_list(ev, &v, list))
		return true;
	if (why)
		*why = kh_printf(_("%s is %s, needs one of %s"), side_name(l, &v), value_text(&v),
				 list_text(ev, list, ", "));
	return false;
}

static bool holds_range(kh_eval *ev, const kh_cexpr *e, const char **why)
{
	const kh_cexpr *l = e->kids.items[0];
	value v, lo, hi;
	if (!eval_value(ev, l, &v) || !eval_value(ev, e->kids.items[1], &lo) ||
	    !eval_value(ev, e->kids.items[2], &hi))
		return false;
	if (compare(&v, &lo) >= 0 && compare(&v, &hi) <= 0)
		return true;
	if (why)
		*why = kh_printf(_("%s is %s, needs %s to %s"), side_name(l, &v), value_text(&v),
				 value_text(&lo), value_text(&hi));
	return false;
}

/* The cell of a yearly attribute for YEAR, or NULL when the file has no
 * such column (the screening refused the form before: not reached). */
static const kh_cell *yearly_cell(kh_eval *ev, const kh_award_attr *a, long year)
{
	int col = kh_screen_year_column(ev->s, a, year);
	return col < 0 ? NULL : &ev->s->table->rows[ev->row][col];
}

static const char *yearly_text(kh_eval *ev, const kh_award_attr *a, long year)
{
	const kh_cell *c = yearly_cell(ev, a, year);
	return c ? c->text : "";
}

/* Does one year's rating pass a count's test ('= "HTXSNV"', 'trong […]')? */
static bool year_passes(kh_eval *ev, const kh_cexpr *count, long year)
{
	const kh_cexpr *test = count->kids.items[0];
	const kh_cell *c = yearly_cell(ev, count->attr, year);
	if (!c || !c->text[0])
		return false; /* no rating that year matches nothing, not even '!=' */
	value v = { .type = KH_VAL_TEXT, .text = c->text, .folded = kh_cell_fold(c) };
	if (count->op == 0)
		return in_list(ev, &v, test->kids.items[test->kids.n - 1]);
	value w;
	eval_value(ev, test, &w);
	return op_holds(count->op, compare(&v, &w));
}

/* What a year must be, for reasons: "HTXSNV", "HTXSNV/HTTNV", "not X". */
static const char *count_wants(const kh_cexpr *count, const char *sep)
{
	const kh_cexpr *test = count->kids.items[0];
	if (count->op == 0) {
		const kh_cexpr *list = test->kids.items[test->kids.n - 1];
		kh_buf b = { 0 };
		for (size_t i = 0; i < list->kids.n; i++)
			kh_buf_printf(&b, "%s%s", i ? sep : "",
				      ((const kh_cexpr *)list->kids.items[i])->text);
		return kh_buf_cstr(&b);
	}
	return count->op == KH_CMP_NE ? kh_printf(_("other than %s"), test->text) : test->text;
}

long kh_eval_until(const kh_eval *ev, const kh_cexpr *e)
{
	return e->until ? e->until : ev->s->latest_year;
}

static bool holds_consecutive(kh_eval *ev, const kh_cexpr *e, const char **why)
{
	long until = kh_eval_until(ev, e), n = (long)e->number;
	for (long y = until - n + 1; y <= until; y++) {
		if (year_passes(ev, e, y))
			continue;
		if (why)
			*why = kh_printf(_("%s %ld is \"%s\", needs %ld consecutive years %s up to %ld"),
					 e->attr->id, y, yearly_text(ev, e->attr, y), n,
					 count_wants(e, "/"), until);
		return false;
	}
	return true;
}

static bool holds_at_least(kh_eval *ev, const kh_cexpr *e, const char **why)
{
	long until = kh_eval_until(ev, e), good = 0;
	for (long y = until - e->years + 1; y <= until; y++)
		good += year_passes(ev, e, y);
	if (good >= (long)e->number)
		return true;
	if (why && e->years == 1)
		*why = kh_printf(_("%s %ld is \"%s\", needs %s"), e->attr->id, until,
				 yearly_text(ev, e->attr, until), count_wants(e, _(" or ")));
	else if (why)
		*why = kh_printf(_("%s: %ld of %ld years %s up to %ld, needs %s"), e->attr->id, good,
				 e->years, count_wants(e, "/"), until, number_text(e->number));
	return false;
}

/* "Bằng khen 2023" without its year, which the reason gives apart. */
static const char *without_year(const char *text, int year)
{
	const char *y = kh_printf("%d", year);
	size_t n = strlen(text), k = strlen(y);
	if (n > k && !strcmp(text + n - k, y)) {
		n -= k;
		while (n && (text[n - 1] == ' ' || text[n - 1] == ',' || text[n - 1] == '-' ||
			     text[n - 1] == '('))
			n--;
		return kh_strndup(text, n);
	}
	return text;
}

static bool holds_not_awarded(kh_eval *ev, const kh_cexpr *e, const char **why)
{
	const kh_cell *c = kh_screen_cell(ev->s, ev->row, e->attr);
	kh_award_item *items;
	size_t n;
	kh_diags scratch = { 0 };
	long until = kh_eval_until(ev, e);
	if (!kh_cell_awards(c, &items, &n, &scratch))
		return true; /* checked before the screening: not reached */
	const char *want = e->folded ? e->folded : kh_text_fold(e->text);
	for (size_t i = 0; i < n; i++) {
		if (items[i].year <= until - e->years || items[i].year > until ||
		    !strstr(kh_text_fold(items[i].text), want))
			continue;
		if (why)
			*why = kh_printf(_("awarded \"%s\" in %d, within %ld years up to %ld"),
					 without_year(items[i].text, items[i].year), items[i].year,
					 e->years, until);
		return false;
	}
	return true;
}

/* 'không X': false when X holds; the reason names what holds. */
static bool holds_not(kh_eval *ev, const kh_cexpr *e, const char **why)
{
	const kh_cexpr *x = e->kids.items[0];
	if (!kh_eval_holds(ev, x, NULL))
		return !ev->missing;
	if (why && x->kind == KH_CE_ATTR)
		*why = kh_printf(_("%s is %s"), x->attr->id, _("có"));
	else if (why)
		*why = _("the condition after 'không' holds");
	return false;
}

static bool holds_logic(kh_eval *ev, const kh_cexpr *e, const char **why)
{
	bool any = e->kind == KH_CE_OR;
	kh_buf whys = { 0 };
	for (size_t i = 0; i < e->kids.n; i++) {
		const char *w = NULL;
		bool h = kh_eval_holds(ev, e->kids.items[i], why ? &w : NULL);
		if (ev->missing)
			return false;
		if (any && h)
			return true;
		if (!any && !h) {
			if (why)
				*why = w;
			return false;
		}
		if (any && w)
			kh_buf_printf(&whys, "%s%s", whys.len ? "; " : "", w);
	}
	if (any && why)
		*why = kh_buf_cstr(&whys);
	return !any;
}

bool kh_eval_holds(kh_eval *ev, const kh_cexpr *e, const char **why)
{
	value v;
	switch (e->kind) {
	case KH_CE_OR:
	case KH_CE_AND: return holds_logic(ev, e, why);
	case KH_CE_NOT: return holds_not(ev, e, why);
	case KH_CE_CMP: return holds_cmp(ev, e, why);
	case KH_CE_IN: return holds_in(ev, e, why);
	case KH_CE_RANGE: return holds_range(ev, e, why);
	case KH_CE_CONSEC: return holds_consecutive(ev, e, why);
	case KH_CE_ATLEAST: return holds_at_least(ev, e, why);
	case KH_CE_NOT_AWARDED: return holds_not_awarded(ev, e, why);
	case KH_CE_YESNO:
		if (!e->number && why)
			*why = _("'không_có' is never true");
		return e->number != 0;
	case KH_CE_ATTR:
		if (!attr_value(ev, e->attr, &v))
			return false;
		if (!v.yes && why)
			*why = kh_printf(_("%s is %s"), e->attr->id, _("không"));
		return v.yes;
	default:
		return false; /* a value where a condition stands: refused by the resolver */
	}
}

/*
 * emit_json_awards.c - the award criteria of `kehoach json`: the nominee
 * attributes, and each form's rules as expression trees (the resolver's
 * kh_cexpr, typed), its ranking and its quota per value. A tree, not
 * words, so that another tool can compute what `awards --candidates`
 * computes; each node names its operator ("op") and its type.
 * Part of kehoach; see README.md for the licence.
 */
#include "ast.h"
#include "emit_json_int.h"

static const char *attr_type_name(kh_attr_type t)
{
	static const char *const names[] = { "text", "number", "date", "yes_no", "list", "yearly",
					     "awards" };
	return t <= KH_ATTR_AWARDS ? names[t] : NULL;
}

static const char *val_type_name(kh_val_type t)
{
	static const char *const names[] = { "bool", "number", "date", "text", "list", "yearly",
					     "awards", "bad" };
	return t >= KH_VAL_BOOL && t <= KH_VAL_BAD ? names[t - KH_VAL_BOOL] : NULL;
}

static const char *op_name(kh_cexpr_kind k)
{
	static const char *const names[] = { "or", "and", "not", "cmp", "in", "range", "consecutive",
					     "at_least", "not_awarded", "attr", "number", "date", "text",
					     "list", "yes_no" };
	_Static_assert(sizeof names / sizeof names[0] == KH_CE_YESNO + 1, "a name for every kind");
	return names[k];
}

static const char *cmp_name(int op)
{
	static const char *const names[] = { NULL, "=", "!=", "<", "<=", ">", ">=" };
	return op >= KH_CMP_EQ && op <= KH_CMP_GE ? names[op] : NULL;
}

static void expr(kh_json *j, const kh_cexpr *e);

static const kh_cexpr *kid(const kh_cexpr *e, size_t i)
{
	return i < e->kids.n ? e->kids.items[i] : NULL;
}

static void kexpr(kh_json *j, const char *key, const kh_cexpr *e)
{
	kh_json_key(j, key);
	expr(j, e);
}

static void kids(kh_json *j, const char *key, const kh_cexpr *e, size_t from)
{
	kh_json_key(j, key);
	kh_json_begin_array(j);
	for (size_t i = from; i < e->kids.n; i++)
		expr(j, e->kids.items[i]);
	kh_json_end_array(j);
}

static void year_or_null(kh_json *j, const char *key, long year)
{
	kh_json_key(j, key);
	if (year)
		kh_json_int(j, year);
	else
		kh_json_null(j);
}

/* A count's test of each year: "=" or "!=" a text, or "in" a list. */
static void count_fields(kh_json *j, const kh_cexpr *e)
{
	kh_json_kstr(j, "attr", e->attr ? e->attr->id : NULL);
	kh_json_key(j, "count");
	kh_json_number(j, e->number);
	kh_json_kint(j, "years", e->years);
	year_or_null(j, "until", e->until);
	const kh_cexpr *t = kid(e, 0);
	bool in = t && t->kind == KH_CE_IN;
	kh_json_kstr(j, "cmp", in ? "in" : cmp_name(e->op));
	kexpr(j, "value", in ? kid(t, t->kids.n - 1) : t);
}

static void value_fields(kh_json *j, const kh_cexpr *e)
{
	char iso[16];
	switch (e->kind) {
	case KH_CE_ATTR:
		kh_json_kstr(j, "attr", e->attr ? e->attr->id : NULL);
		break;
	case KH_CE_NUMBER:
		kh_json_key(j, "value");
		kh_json_number(j, e->number);
		break;
	case KH_CE_DATE:
		kh_date_iso(e->date, iso);
		kh_json_kstr(j, "value", iso);
		break;
	case KH_CE_TEXT:
		kh_json_kstr(j, "value", e->text);
		break;
	case KH_CE_YESNO:
		kh_json_kbool(j, "value", e->number != 0);
		break;
	default:
		kids(j, "items", e, 0);
		break;
	}
}

static void expr(kh_json *j, const kh_cexpr *e)
{
	if (!e) {
		kh_json_null(j);
		return;
	}
	kh_json_begin_object(j);
	kh_json_kstr(j, "op", op_name(e->kind));
	kh_json_kstr(j, "type", val_type_name(e->type));
	switch (e->kind) {
	case KH_CE_OR:
	case KH_CE_AND:
		kids(j, "args", e, 0);
		break;
	case KH_CE_NOT:
		kexpr(j, "arg", kid(e, 0));
		break;
	case KH_CE_CMP:
		kh_json_kstr(j, "cmp", cmp_name(e->op));
		kexpr(j, "left", kid(e, 0));
		kexpr(j, "right", kid(e, 1));
		break;
	case KH_CE_IN:
		kexpr(j, "value", e->kids.n >= 2 ? kid(e, 0) : NULL);
		kexpr(j, "list", kid(e, e->kids.n ? e->kids.n - 1 : 0));
		break;
	case KH_CE_RANGE:
		kexpr(j, "value", kid(e, 0));
		kexpr(j, "from", kid(e, 1));
		kexpr(j, "to", kid(e, 2));
		break;
	case KH_CE_CONSEC:
	case KH_CE_ATLEAST:
		count_fields(j, e);
		break;
	case KH_CE_NOT_AWARDED:
		kh_json_kstr(j, "attr", e->attr ? e->attr->id : NULL);
		kh_json_kstr(j, "class", e->text);
		kh_json_kint(j, "years", e->years);
		year_or_null(j, "until", e->until);
		break;
	default:
		value_fields(j, e);
		break;
	}
	kh_json_end_object(j);
}

static void rule(kh_json *j, const kh_crit_rule *r)
{
	kh_json_begin_object(j);
	kh_json_kstr(j, "text", r->text);
	kexpr(j, "expr", r->expr);
	kh_json_key(j, "unless");
	if (r->unless) {
		kh_json_begin_object(j);
		kh_json_kstr(j, "text", r->unless_text);
		kexpr(j, "expr", r->unless);
		kh_json_end_object(j);
	} else {
		kh_json_null(j);
	}
	kh_json_kbool(j, "exclude", r->exclude);
	kh_json_end_object(j);
}

static void quota_each(kh_json *j, const kh_award_form *f)
{
	kh_json_key(j, "quota_each");
	if (!f->quota_each) {
		kh_json_null(j);
		return;
	}
	kh_json_begin_object(j);
	kh_json_kstr(j, "attr", f->quota_each->id);
	kh_json_kint(j, "n", f->quota_each_n);
	kh_json_key(j, "except");
	kh_json_begin_array(j);
	for (size_t i = 0; i < f->quota_each_except.n; i++) {
		const kh_quota_except *q = f->quota_each_except.items[i];
		kh_json_begin_object(j);
		kh_json_kstr(j, "value", q->value);
		kh_json_kint(j, "n", q->quota);
		kh_json_end_object(j);
	}
	kh_json_end_array(j);
	kh_json_end_object(j);
}

void kh_json_award_criteria(kh_json *j, const kh_award_form *f)
{
	kh_json_key(j, "rules");
	kh_json_begin_array(j);
	for (size_t i = 0; i < f->rules.n; i++)
		rule(j, f->rules.items[i]);
	kh_json_end_array(j);
	kh_json_kbool(j, "criteria_by_law", f->criteria_by_law);
	kh_json_key(j, "rank");
	kh_json_begin_array(j);
	for (size_t i = 0; i < f->rank.n; i++) {
		const kh_rank_key *k = f->rank.items[i];
		kh_json_begin_object(j);
		kh_json_kstr(j, "attr", k->attr ? k->attr->id : NULL);
		kh_json_kstr(j, "order", k->descending ? "desc" : "asc");
		kh_json_end_object(j);
	}
	kh_json_end_array(j);
	quota_each(j, f);
}

void kh_json_award_attrs(kh_json *j, const kh_plan *p)
{
	kh_json_key(j, "attributes");
	kh_json_begin_array(j);
	for (size_t i = 0; i < p->award_attrs.n; i++) {
		const kh_award_attr *a = p->award_attrs.items[i];
		kh_json_begin_object(j);
		kh_json_kstr(j, "id", a->id);
		kh_json_kstr(j, "header", a->header);
		kh_json_kstr(j, "type", attr_type_name(a->type));
		kh_json_kbool(j, "key", a->key);
		kh_json_end_object(j);
	}
	kh_json_end_array(j);
}

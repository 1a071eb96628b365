/*
 * resolve_criteria.c - award criteria as typed expressions: the nominee
 * attributes a plan declares (thuộc_tính), each form's rules (điều, with
 * trừ_khi exceptions, and loại_trừ exclusions), its ranking (xếp_hạng)
 * and its quota per unit (số_lượng mỗi ATTR N). Type errors are found
 * here, once, with the place they are at (criteria-type), so that
 * screening a nominee file never meets an expression it cannot compute.
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>

#include "ast.h"
#include "i18n.h"
#include "names.h"
#include "resolve_int.h"

static const struct {
	const char *word;
	kh_attr_type type;
} type_words[] = {
	{ "text", KH_ATTR_TEXT }, { "chữ", KH_ATTR_TEXT }, { "chu", KH_ATTR_TEXT },
	{ "number", KH_ATTR_NUMBER }, { "số", KH_ATTR_NUMBER }, { "so", KH_ATTR_NUMBER },
	{ "date", KH_ATTR_DATE }, { "ngày", KH_ATTR_DATE }, { "ngay", KH_ATTR_DATE },
	{ "yes_no", KH_ATTR_YESNO }, { "có_không", KH_ATTR_YESNO }, { "co_khong", KH_ATTR_YESNO },
	{ "list", KH_ATTR_LIST }, { "danh_sách", KH_ATTR_LIST }, { "danh_sach", KH_ATTR_LIST },
	{ "yearly", KH_ATTR_YEARLY }, { "theo_năm", KH_ATTR_YEARLY }, { "theo_nam", KH_ATTR_YEARLY },
	{ "awards", KH_ATTR_AWARDS }, { "khen", KH_ATTR_AWARDS },
};

static bool is_key_word(const char *w)
{
	return !strcmp(w, "key") || !strcmp(w, "khóa") || !strcmp(w, "khoá") || !strcmp(w, "khoa");
}

static kh_award_attr *find_attr(const kh_vec *attrs, const char *id)
{
	for (size_t i = 0; i < attrs->n; i++) {
		kh_award_attr *a = attrs->items[i];
		if (!strcmp(a->id, id))
			return a;
	}
	return NULL;
}

/* One thuộc_tính, into INTO: the plan's, or the shared ones of a file's
 * top level. */
void rs_resolve_attribute(resolver *r, kh_node *n, kh_vec *into)
{
	if (find_attr(into, n->id)) {
		kh_diag_add(r->diags, KH_ERROR, n->span, "duplicate-id",
			    _("the attribute '%s' is declared twice"), n->id);
		return;
	}
	kh_award_attr *a = KH_NEW(kh_award_attr);
	a->id = n->id;
	a->header = n->text;
	a->span = n->span;
	bool typed = false;
	for (kh_node *w = n->kids; w; w = w->next) {
		const char *word = kh_text_fold(w->id);
		if (is_key_word(word)) {
			a->key = true;
			continue;
		}
		size_t i = 0;
		while (i < sizeof type_words / sizeof *type_words && strcmp(kh_text_fold(type_words[i].word), word))
			i++;
		if (i == sizeof type_words / sizeof *type_words || typed) {
			kh_diag_add(r->diags, KH_ERROR, w->span, "criteria-type",
				    typed ? _("an attribute has one type; '%s' is a second")
					  : _("'%s' is not a type of attribute (chữ, số, ngày, có_không, "
					      "danh_sách, theo_năm, khen)"), w->id);
			continue;
		}
		a->type = type_words[i].type;
		typed = true;
	}
	kh_vec_push(into, a);
}

static kh_val_type val_of(kh_attr_type t)
{
	switch (t) {
	case KH_ATTR_NUMBER: return KH_VAL_NUMBER;
	case KH_ATTR_DATE: return KH_VAL_DATE;
	case KH_ATTR_YESNO: return KH_VAL_BOOL;
	case KH_ATTR_LIST: return KH_VAL_LIST;
	case KH_ATTR_YEARLY: return KH_VAL_YEARLY;
	case KH_ATTR_AWARDS: return KH_VAL_AWARDS;
	default: return KH_VAL_TEXT;
	}
}

static const char *type_name(kh_val_type t)
{
	switch (t) {
	case KH_VAL_BOOL: return _("a yes/no condition");
	case KH_VAL_NUMBER: return _("a number");
	case KH_VAL_DATE: return _("a date");
	case KH_VAL_TEXT: return _("a text");
	case KH_VAL_LIST: return _("a list");
	case KH_VAL_YEARLY: return _("yearly values (theo_năm)");
	case KH_VAL_AWARDS: return _("prior awards (khen)");
	default: return _("a value");
	}
}

const char *rs_attr_type_name(kh_attr_type t)
{
	return type_name(val_of(t));
}

/* Where a criterion's attribute ids are looked up: OWN (the plan's, or
 * the shared ones for statutory criteria), then SHARED. A shared attribute
 * a plan's criteria name joins the plan's, so that its list names every
 * column its criteria read. */
typedef struct crit_ctx {
	resolver *r;
	kh_vec *own;
	const kh_vec *shared;
} crit_ctx;

static crit_ctx plan_ctx(resolver *r)
{
	return (crit_ctx){ r, &r->plan->award_attrs, &r->prog->award_attrs };
}

static const kh_award_attr *lookup_attr(crit_ctx *c, const char *id)
{
	const kh_award_attr *a = find_attr(c->own, id);
	if (!a && c->shared && (a = find_attr(c->shared, id)))
		kh_vec_push(c->own, (void *)a);
	return a;
}

static kh_cexpr *build(crit_ctx *c, kh_node *n);

static kh_cexpr *new_expr(kh_cexpr_kind kind, kh_val_type type, kh_node *n)
{
	kh_cexpr *e = KH_NEW(kh_cexpr);
	e->kind = kind;
	e->type = type;
	e->span = n->span;
	return e;
}

static kh_cexpr *bad(crit_ctx *c, kh_node *n, const char *msg)
{
	kh_diag_add(c->r->diags, KH_ERROR, n->span, "criteria-type", "%s", msg);
	return new_expr(KH_CE_TEXT, KH_VAL_BAD, n);
}

/* A value that must be of type WANT (a condition, a number …). */
static kh_cexpr *expect(crit_ctx *c, kh_node *n, kh_val_type want)
{
	kh_cexpr *e = build(c, n);
	if (e->type != want && e->type != KH_VAL_BAD)
		return bad(c, n, kh_printf(_("this is %s, where %s is needed"), type_name(e->type),
					   type_name(want)));
	return e;
}

/* 'có' (yes) and 'không_có' (no) as values: 1 or 0, -1 for another word. */
static int yes_no_word(const char *id)
{
	static const char *const yes[] = { "có", "co", "yes" }, *const no[] = { "không_có",
										 "khong_co", "no" };
	for (size_t i = 0; i < 3; i++)
		if (!strcmp(id, yes[i]) || !strcmp(id, no[i]))
			return !strcmp(id, yes[i]);
	return -1;
}

static kh_cexpr *attr_ref(crit_ctx *c, kh_node *n, const char *id)
{
	const kh_award_attr *a = lookup_attr(c, id);
	if (!a && yes_no_word(id) >= 0) {
		kh_cexpr *e = new_expr(KH_CE_YESNO, KH_VAL_BOOL, n);
		e->number = yes_no_word(id);
		return e;
	}
	if (!a) {
		kh_diag_add(c->r->diags, KH_ERROR, n->span, "undeclared-id",
			    _("'%s' is not a declared attribute (thuộc_tính)"), id);
		return new_expr(KH_CE_ATTR, KH_VAL_BAD, n);
	}
	kh_cexpr *e = new_expr(KH_CE_ATTR, val_of(a->type), n);
	e->attr = a;
	return e;
}

/* '=' and '!=' take any two values of one type; '<' and the rest numbers or dates. */
static kh_cexpr *compare(crit_ctx *c, kh_node *n, kh_cexpr *l, kh_cexpr *rv, int op)
{
	kh_cexpr *e = new_expr(KH_CE_CMP, KH_VAL_BOOL, n);
	e->op = op;
	kh_vec_push(&e->kids, l);
	kh_vec_push(&e->kids, rv);
	if (l->type == KH_VAL_BAD || rv->type == KH_VAL_BAD)
		return e;
	if (l->type != rv->type)
		return bad(c, n, kh_printf(_("%s is compared with %s"), type_name(l->type),
					   type_name(rv->type)));
	bool ordered = l->type == KH_VAL_NUMBER || l->type == KH_VAL_DATE;
	bool scalar = ordered || l->type == KH_VAL_TEXT || l->type == KH_VAL_BOOL;
	if (!scalar || (op != KH_CMP_EQ && op != KH_CMP_NE && !ordered))
		return bad(c, n, kh_printf(_("%s cannot be compared so (only numbers and dates are "
					     "ordered)"), type_name(l->type)));
	return e;
}

/* 'x trong [a, b]': every item of the list of X's type. */
static kh_cexpr *membership(crit_ctx *c, kh_node *n, kh_cexpr *l, kh_node *list, kh_val_type item)
{
	kh_cexpr *e = new_expr(KH_CE_IN, KH_VAL_BOOL, n);
	if (l)
		kh_vec_push(&e->kids, l);
	if (list->kind != KH_N_E_LIST)
		return bad(c, list, _("'trong' takes a list: [\"a\", \"b\"]"));
	kh_cexpr *lv = new_expr(KH_CE_LIST, KH_VAL_LIST, list);
	for (kh_node *k = list->kids; k; k = k->next)
		kh_vec_push(&lv->kids, item == KH_VAL_BAD ? build(c, k) : expect(c, k, item));
	kh_vec_push(&e->kids, lv);
	return e;
}

/* The test inside a count ("= \"HTXSNV\"", "trong [...]"): of text values. */
static void count_test(crit_ctx *c, kh_cexpr *e, kh_node *t)
{
	if (t->kind == KH_N_E_IN) {
		e->op = 0;
		kh_vec_push(&e->kids, membership(c, t, NULL, t->kids, KH_VAL_TEXT));
		return;
	}
	e->op = t->key;
	if (t->key != KH_CMP_EQ && t->key != KH_CMP_NE)
		bad(c, t, _("a yearly value is a text: compare it with = or !="));
	kh_vec_push(&e->kids, expect(c, t->kids, KH_VAL_TEXT));
}

static kh_cexpr *count(crit_ctx *c, kh_node *n)
{
	kh_cexpr *e = new_expr(n->kind == KH_N_E_CONSEC ? KH_CE_CONSEC : KH_CE_ATLEAST, KH_VAL_BOOL, n);
	kh_cexpr *a = attr_ref(c, n, n->id);
	e->attr = a->attr;
	kh_node *k = n->kids;
	e->number = k->n[0];
	if (n->kind == KH_N_E_ATLEAST)
		k = k->next;
	e->years = k->n[0];
	count_test(c, e, k->next);
	if (k->next->next)
		e->until = k->next->next->n[0];
	if (a->type != KH_VAL_YEARLY && a->type != KH_VAL_BAD)
		bad(c, n, kh_printf(_("'%s' is not yearly (theo_năm): it cannot be counted by year"), n->id));
	else if (e->number < 1 || e->number > e->years || e->years > 50)
		bad(c, n, kh_printf(_("counting %g in %ld years: the count is 1 to the number of years, "
				      "which is at most 50"), e->number, e->years));
	return e;
}

static kh_cexpr *not_awarded(crit_ctx *c, kh_node *n)
{
	kh_cexpr *e = new_expr(KH_CE_NOT_AWARDED, KH_VAL_BOOL, n);
	e->text = n->text;
	e->years = n->kids->n[0];
	if (n->kids->next)
		e->until = n->kids->next->n[0];
	for (int pass = 0; pass < 2 && !e->attr; pass++) {
		const kh_vec *attrs = pass ? c->shared : c->own;
		for (size_t i = 0; attrs && i < attrs->n && !e->attr; i++) {
			const kh_award_attr *a = attrs->items[i];
			if (a->type == KH_ATTR_AWARDS)
				e->attr = lookup_attr(c, a->id);
		}
	}
	if (!e->attr)
		return bad(c, n, _("'chưa_khen' needs an attribute of prior awards (thuộc_tính … khen)"));
	if (e->years < 1 || e->years > 50)
		return bad(c, n, _("'chưa_khen' counts 1 to 50 years"));
	return e;
}

static kh_cexpr *logic(crit_ctx *c, kh_node *n, kh_cexpr_kind kind)
{
	kh_cexpr *e = new_expr(kind, KH_VAL_BOOL, n);
	for (kh_node *k = n->kids; k; k = k->next)
		kh_vec_push(&e->kids, expect(c, k, KH_VAL_BOOL));
	return e;
}

static kh_cexpr *build(crit_ctx *c, kh_node *n)
{
	kh_cexpr *e;
	switch (n->kind) {
	case KH_N_E_OR: return logic(c, n, KH_CE_OR);
	case KH_N_E_AND: return logic(c, n, KH_CE_AND);
	case KH_N_E_NOT: return logic(c, n, KH_CE_NOT);
	case KH_N_E_CMP: return compare(c, n, build(c, n->kids), build(c, n->kids->next), n->key);
	case KH_N_E_IN: {
		kh_cexpr *l = build(c, n->kids);
		return membership(c, n, l, n->kids->next, l->type == KH_VAL_BAD ? KH_VAL_BAD : l->type);
	}
	case KH_N_E_RANGE: {
		kh_cexpr *v = build(c, n->kids);
		e = new_expr(KH_CE_RANGE, KH_VAL_BOOL, n);
		kh_vec_push(&e->kids, v);
		for (kh_node *k = n->kids->next; k; k = k->next)
			kh_vec_push(&e->kids, v->type == KH_VAL_BAD ? build(c, k) : expect(c, k, v->type));
		if (v->type != KH_VAL_NUMBER && v->type != KH_VAL_DATE && v->type != KH_VAL_BAD)
			return bad(c, n, kh_printf(_("a range 'từ … đến …' is of numbers or dates, not of %s"),
						   type_name(v->type)));
		return e;
	}
	case KH_N_E_CONSEC:
	case KH_N_E_ATLEAST: return count(c, n);
	case KH_N_E_NOTAWARDED: return not_awarded(c, n);
	case KH_N_E_REF: return attr_ref(c, n, n->id);
	case KH_N_NUMBER:
		e = new_expr(KH_CE_NUMBER, KH_VAL_NUMBER, n);
		e->number = n->n[0];
		if (n->flag == 1) { /* a decimal, "62.5": 62 + 5/10 */
			double scale = 1;
			for (int i = 0; i < n->n[2]; i++)
				scale *= 10;
			e->number += n->n[1] / scale;
		}
		return e;
	case KH_N_STRING:
		e = new_expr(KH_CE_TEXT, KH_VAL_TEXT, n);
		e->text = n->text;
		e->folded = kh_text_fold(n->text);
		return e;
	case KH_N_D_DMY: {
		kh_day s, end;
		kh_precision prec;
		e = new_expr(KH_CE_DATE, KH_VAL_DATE, n);
		if (!rs_resolve_date(c->r, n, &s, &end, &prec))
			e->type = KH_VAL_BAD;
		e->date = s;
		return e;
	}
	case KH_N_E_LIST: return bad(c, n, _("a list stands only after 'trong'"));
	default: return bad(c, n, _("this date form cannot be compared; write day/month/year"));
	}
}

static kh_crit_rule *crit_rule(crit_ctx *c, kh_node *n)
{
	kh_crit_rule *rule = KH_NEW(kh_crit_rule);
	rule->text = n->text;
	rule->span = n->span;
	rule->exclude = n->kind == KH_N_CRIT_EXCLUDE;
	rule->expr = expect(c, n->kids, KH_VAL_BOOL);
	kh_node *u = n->kids->next;
	if (u) {
		rule->unless_text = u->text;
		rule->unless = expect(c, u->kids, KH_VAL_BOOL);
	}
	return rule;
}

static void read_rules(crit_ctx *c, kh_node *n, kh_vec *out)
{
	for (kh_node *k = n->kids; k; k = k->next) {
		if (k->kind == KH_N_CRIT_RULE || k->kind == KH_N_CRIT_EXCLUDE)
			kh_vec_push(out, crit_rule(c, k));
		else if (k->kind != KH_N_PARA)
			rs_misplaced(c->r, k, _("in tiêu_chuẩn (use điều \"…\" EXPR, loại_trừ \"…\" EXPR)"));
	}
}

void rs_resolve_criteria(resolver *r, kh_node *n, kh_award_form *f)
{
	crit_ctx c = plan_ctx(r);
	read_rules(&c, n, &f->rules);
}

void rs_resolve_law_criteria(resolver *r, kh_node *n, kh_vec *rules)
{
	crit_ctx c = { r, &r->prog->award_attrs, NULL };
	read_rules(&c, n, rules);
}

void rs_resolve_rank(resolver *r, kh_node *n, kh_award_form *f)
{
	crit_ctx c = plan_ctx(r);
	for (kh_node *k = n->kids; k; k = k->next) {
		kh_cexpr *a = attr_ref(&c, k, k->id);
		if (!a->attr)
			continue;
		if (a->type != KH_VAL_NUMBER && a->type != KH_VAL_DATE && a->type != KH_VAL_TEXT) {
			bad(&c, k, kh_printf(_("nominees are ranked by a number, a date or a text, not by %s"),
					     type_name(a->type)));
			continue;
		}
		kh_rank_key *key = KH_NEW(kh_rank_key);
		key->attr = a->attr;
		key->descending = k->key == 1;
		key->span = k->span;
		kh_vec_push(&f->rank, key);
	}
}

void rs_resolve_quota_each(resolver *r, kh_node *n, kh_award_form *f)
{
	crit_ctx c = plan_ctx(r);
	kh_cexpr *a = attr_ref(&c, n, n->id);
	if (!a->attr)
		return;
	if (a->type != KH_VAL_TEXT) {
		bad(&c, n, kh_printf(_("a quota per unit counts by a text attribute, not by %s"),
				     type_name(a->type)));
		return;
	}
	f->quota_each = a->attr;
	f->quota_each_n = n->kids->n[0];
	for (kh_node *x = n->kids->next; x; x = x->next) {
		kh_quota_except *q = KH_NEW(kh_quota_except);
		q->value = x->text;
		q->quota = x->kids->n[0];
		q->span = x->span;
		kh_vec_push(&f->quota_each_except, q);
	}
}

static void default_until(kh_cexpr *e, long year)
{
	if ((e->kind == KH_CE_CONSEC || e->kind == KH_CE_ATLEAST || e->kind == KH_CE_NOT_AWARDED) &&
	    !e->until)
		e->until = year;
	for (size_t i = 0; i < e->kids.n; i++)
		default_until(e->kids.items[i], year);
}

/* 'chưa_khen 3 năm' without a class: the form's own (its loại, else its name). */
static void default_class(kh_cexpr *e, const kh_award_form *f)
{
	if (e->kind == KH_CE_NOT_AWARDED && !e->text)
		e->text = f->class_name ? f->class_name : f->name;
	if (e->kind == KH_CE_NOT_AWARDED && e->text)
		e->folded = kh_text_fold(e->text);
	for (size_t i = 0; i < e->kids.n; i++)
		default_class(e->kids.items[i], f);
}

static bool says_kind(const char *text)
{
	const char *k = kh_text_fold(text);
	return !strcmp(k, "tập thể") || !strcmp(k, "cá nhân") || !strcmp(k, "tap the") ||
	       !strcmp(k, "ca nhan");
}

/* The text attribute a criterion compares with "tập thể" or "cá nhân". */
static const kh_award_attr *kind_attr(const kh_cexpr *e)
{
	if ((e->kind == KH_CE_CMP || e->kind == KH_CE_IN) && e->kids.n == 2) {
		const kh_cexpr *l = e->kids.items[0], *v = e->kids.items[1];
		bool word = v->kind == KH_CE_TEXT && says_kind(v->text);
		for (size_t i = 0; v->kind == KH_CE_LIST && i < v->kids.n; i++) {
			const kh_cexpr *item = v->kids.items[i];
			word |= item->kind == KH_CE_TEXT && says_kind(item->text);
		}
		if (l->kind == KH_CE_ATTR && l->attr && l->attr->type == KH_ATTR_TEXT && word)
			return l->attr;
	}
	for (size_t i = 0; i < e->kids.n; i++) {
		const kh_award_attr *a = kind_attr(e->kids.items[i]);
		if (a)
			return a;
	}
	return NULL;
}

static void settle_rule(kh_plan *p, const kh_award_form *f, kh_crit_rule *rule, int year)
{
	kh_cexpr *es[2] = { rule->expr, rule->unless };
	for (int k = 0; k < 2; k++) {
		if (!es[k])
			continue;
		if (year)
			default_until(es[k], year - 1);
		default_class(es[k], f);
		if (!p->award_kind_attr)
			p->award_kind_attr = kind_attr(es[k]);
	}
}

/* What the screening needs settled once: the last year of each count (the
 * year before the plan's, when it does not say), the class 'chưa_khen'
 * looks for, and which attribute tells a tập thể from a cá nhân. */
void rs_criteria_years(resolver *r)
{
	kh_plan *p = r->plan;
	if (!p)
		return;
	int y = 0, m, d;
	if (p->has_date) /* no date: the screening takes the file's latest year */
		kh_date_split(p->date, &y, &m, &d);
	for (size_t i = 0; i < p->award_forms.n; i++) {
		kh_award_form *f = p->award_forms.items[i];
		for (int law = 0; f && law < 2; law++) {
			const kh_vec *rules = law ? &f->law_rules : &f->rules;
			for (size_t j = 0; j < rules->n; j++)
				settle_rule(p, f, rules->items[j], y);
		}
	}
}

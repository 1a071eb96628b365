/*
 * resolve_law.c - the statutory criteria of each award form: the entry of
 * its class in the award catalogue that gives criteria (stdlib
 * vn/award_criteria, matched as award-authority matches: the longest name
 * the form's starts with, else its loại), those rules as they apply to the
 * plan, and the rules of a form that says 'tiêu_chuẩn theo_luật'.
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>

#include "i18n.h"
#include "resolve_int.h"

/* The plan's attribute of the law's id (a plan gives a column its own
 * header), else the law's own; ADOPT makes the law's join the plan's
 * list, for a form whose nominees are screened by it. */
static const kh_award_attr *plan_attr(kh_plan *p, const kh_award_attr *law, bool adopt)
{
	if (!law)
		return NULL;
	for (size_t i = 0; i < p->award_attrs.n; i++) {
		const kh_award_attr *a = p->award_attrs.items[i];
		if (!strcmp(a->id, law->id))
			return a;
	}
	if (adopt)
		kh_vec_push(&p->award_attrs, (void *)law);
	return law;
}

static kh_cexpr *rebind(kh_plan *p, const kh_cexpr *e, bool adopt)
{
	if (!e)
		return NULL;
	kh_cexpr *c = KH_NEW(kh_cexpr);
	*c = *e;
	c->attr = plan_attr(p, e->attr, adopt);
	c->kids = (kh_vec){ 0 };
	for (size_t i = 0; i < e->kids.n; i++)
		kh_vec_push(&c->kids, rebind(p, e->kids.items[i], adopt));
	return c;
}

static kh_crit_rule *law_rule(kh_plan *p, const kh_award_right *w, const kh_crit_rule *src,
			      bool adopt)
{
	kh_crit_rule *rule = KH_NEW(kh_crit_rule);
	*rule = *src;
	rule->expr = rebind(p, src->expr, adopt);
	rule->unless = rebind(p, src->unless, adopt);
	rule->citation = w->citation;
	return rule;
}

static void form_by_law(resolver *r, kh_award_form *f)
{
	const kh_award_right *w = kh_award_right_for(&r->prog->award_rights, f->name, f->class_name);
	f->law = w && w->has_criteria ? w : NULL;
	if (!f->law) {
		if (f->criteria_by_law)
			kh_diag_add(r->diags, KH_WARNING, f->by_law_span, "no-statutory-criteria",
				    _("'%s' takes its criteria from the law, but the award catalogue "
				      "gives no statutory criteria for %s: write the form's own "
				      "tiêu_chuẩn { … }"), f->name, w ? w->class_name
					    : f->class_name ? f->class_name : _("this form"));
		return;
	}
	for (size_t i = 0; i < f->law->rules.n; i++)
		kh_vec_push(&f->law_rules, law_rule(r->plan, f->law, f->law->rules.items[i],
						    f->criteria_by_law));
	if (!f->criteria_by_law)
		return;
	kh_vec own = f->rules;
	f->rules = (kh_vec){ 0 };
	for (size_t i = 0; i < f->law_rules.n; i++)
		kh_vec_push(&f->rules, f->law_rules.items[i]);
	for (size_t i = 0; i < own.n; i++)
		kh_vec_push(&f->rules, own.items[i]);
}

void rs_criteria_by_law(resolver *r)
{
	for (size_t i = 0; i < r->plan->award_forms.n; i++) {
		kh_award_form *f = r->plan->award_forms.items[i];
		if (f)
			form_by_law(r, f);
	}
}

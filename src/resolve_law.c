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

/* A form's statutory rules rebound to the plan: ADOPT (theo_luật) when
 * they screen its nominees. */
typedef struct law_binding {
	resolver *r;
	const kh_award_form *form;
	bool adopt;
	kh_vec reported;          /* const char*: ids whose type was reported */
} law_binding;

/* The plan's attribute of the law's id, as the plan names its column,
 * else the law's own, which then joins the plan's list when ADOPT. A plan
 * attribute of that id and another type is the plan's own: the law's
 * rules cannot screen by it. */
static const kh_award_attr *plan_attr(law_binding *b, const kh_award_attr *law)
{
	kh_plan *p = b->r->plan;
	if (!law)
		return NULL;
	for (size_t i = 0; i < p->award_attrs.n; i++) {
		const kh_award_attr *a = p->award_attrs.items[i];
		if (strcmp(a->id, law->id))
			continue;
		if (a->type == law->type || !b->adopt)
			return a->type == law->type ? a : law;
		for (size_t j = 0; j < b->reported.n; j++)
			if (!strcmp(b->reported.items[j], a->id))
				return a;
		kh_vec_push(&b->reported, (void *)a->id);
		kh_diag *d = kh_diag_add(b->r->diags, KH_ERROR, b->form->by_law_span, "criteria-type",
					 _("the law's criteria read '%s' as %s, but this plan declares it "
					   "as %s: give it that type (its header may differ) or another id"),
					 a->id, rs_attr_type_name(law->type), rs_attr_type_name(a->type));
		kh_diag_note(d, a->span, _("'%s' is declared here"), a->id);
		return a;
	}
	if (b->adopt)
		kh_vec_push(&p->award_attrs, (void *)law);
	return law;
}

static kh_cexpr *rebind(law_binding *b, const kh_cexpr *e)
{
	if (!e)
		return NULL;
	kh_cexpr *c = KH_NEW(kh_cexpr);
	*c = *e;
	c->attr = plan_attr(b, e->attr);
	c->kids = (kh_vec){ 0 };
	for (size_t i = 0; i < e->kids.n; i++)
		kh_vec_push(&c->kids, rebind(b, e->kids.items[i]));
	return c;
}

static kh_crit_rule *law_rule(law_binding *b, const kh_crit_rule *src)
{
	kh_crit_rule *rule = KH_NEW(kh_crit_rule);
	*rule = *src;
	rule->expr = rebind(b, src->expr);
	rule->unless = rebind(b, src->unless);
	rule->citation = b->form->law->citation;
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
	law_binding b = { r, f, f->criteria_by_law, { 0 } };
	for (size_t i = 0; i < f->law->rules.n; i++)
		kh_vec_push(&f->law_rules, law_rule(&b, f->law->rules.items[i]));
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

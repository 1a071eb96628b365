/*
 * check_criteria_law.c - a plan's own criteria for a form may be stricter
 * than the law's, never looser (rule criteria-looser-than-law). The law's
 * criteria of the form's class are the resolver's (kh_award_form.law_rules,
 * from stdlib vn/award_criteria); each requirement in them must follow from
 * the plan's rules (criteria_imply.c). Only what can be told is reported:
 * when the comparison does not know (other attributes, an or, words the
 * council certifies), nothing is said.
 * Part of kehoach; see README.md for the licence.
 */
#include "alloc.h"
#include "check.h"
#include "criteria_imply.h"
#include "i18n.h"

typedef struct law_check {
	const kh_check_ctx *cx;
	const kh_award_form *form;
	const kh_crit_rule *law;  /* the statutory rule being checked */
	kh_cexpr plan;            /* the and of the plan's rules (not exclusions) */
} law_check;

static void note_law(const law_check *lc, kh_diag *d)
{
	if (d)
		kh_diag_note(d, lc->law->span, _("the law's criterion (%s): %s"),
			     lc->law->citation ? lc->law->citation : lc->form->law->class_name,
			     lc->law->text);
}

/* The and of the plan's rules, leaving out SKIP (NULL: none). */
static kh_cexpr plan_and(const kh_award_form *f, const kh_crit_rule *skip)
{
	kh_cexpr all = { .kind = KH_CE_AND, .type = KH_VAL_BOOL };
	for (size_t i = 0; i < f->rules.n; i++) {
		const kh_crit_rule *rule = f->rules.items[i];
		if (!rule->exclude && rule != skip && rule->expr->type != KH_VAL_BAD)
			kh_vec_push(&all.kids, rule->expr);
	}
	return all;
}

static bool plan_reads(const kh_award_form *f, const kh_cexpr *e)
{
	for (size_t i = 0; i < f->rules.n; i++) {
		const kh_crit_rule *rule = f->rules.items[i];
		if (kh_cexpr_share_attr(rule->expr, e) ||
		    (rule->unless && kh_cexpr_share_attr(rule->unless, e)))
			return true;
	}
	return false;
}

/* The requirement holds only through a plan rule's trừ_khi, which the
 * law's rule does not have: the exception waives what the law asks. */
static void check_exceptions(const law_check *lc, const kh_cexpr *req)
{
	const kh_award_form *f = lc->form;
	if (lc->law->unless)
		return; /* the law has its own exception: the plan's may be it */
	for (size_t i = 0; i < f->rules.n; i++) {
		const kh_crit_rule *rule = f->rules.items[i];
		if (rule->exclude || !rule->unless)
			continue;
		kh_cexpr without = plan_and(f, rule);
		if (kh_criteria_implies(&without, req, f->class_name, NULL) == KH_IMPLIED_YES)
			continue;
		note_law(lc, kh_report(lc->cx, R_CRITERIA_LOOSER_THAN_LAW, rule->unless->span,
				       _("the exception '%s' waives '%s', which the law asks of every "
					 "nominee for %s"), rule->unless_text, rule->text, f->name));
		return;
	}
}

static const kh_crit_rule *rule_reading(const kh_award_form *f, const kh_cexpr *e)
{
	for (size_t i = 0; i < f->rules.n; i++) {
		const kh_crit_rule *rule = f->rules.items[i];
		if (!rule->exclude && kh_cexpr_share_attr(rule->expr, e))
			return rule;
	}
	return NULL;
}

static void check_requirement(law_check *lc, const kh_cexpr *req)
{
	const kh_award_form *f = lc->form;
	const char *why;
	kh_implied r = kh_criteria_implies(&lc->plan, req, f->class_name, &why);
	if (r == KH_IMPLIED_YES) {
		check_exceptions(lc, req);
		return;
	}
	const kh_crit_rule *at = rule_reading(f, req);
	if (r == KH_IMPLIED_NO && at)
		note_law(lc, kh_report(lc->cx, R_CRITERIA_LOOSER_THAN_LAW, at->span,
				       _("'%s' is looser than the law for %s: %s"), at->text, f->name,
				       why ? why : _("it admits nominees the law's criterion rejects")));
	else if (kh_cexpr_checkable(req) && !plan_reads(f, req))
		note_law(lc, kh_report(lc->cx, R_CRITERIA_LOOSER_THAN_LAW, f->span,
				       _("%s has no criterion for what the law asks: '%s'"), f->name,
				       lc->law->text));
}

/* A statutory exclusion is kept by a plan's exclusion that covers it, or
 * by a plan rule that asks its opposite (không …). */
static void check_exclusion(law_check *lc)
{
	const kh_award_form *f = lc->form;
	const kh_cexpr *ex = lc->law->expr;
	kh_cexpr opposite = { .kind = KH_CE_NOT, .type = KH_VAL_BOOL };
	kh_vec_push(&opposite.kids, (void *)ex);
	if (kh_criteria_implies(&lc->plan, &opposite, f->class_name, NULL) == KH_IMPLIED_YES)
		return;
	const kh_crit_rule *narrower = NULL;
	for (size_t i = 0; i < f->rules.n; i++) {
		const kh_crit_rule *rule = f->rules.items[i];
		if (!rule->exclude)
			continue;
		kh_implied r = kh_criteria_implies(ex, rule->expr, f->class_name, NULL);
		if (r == KH_IMPLIED_YES)
			return;
		if (r == KH_IMPLIED_NO && !narrower)
			narrower = rule;
	}
	if (narrower)
		note_law(lc, kh_report(lc->cx, R_CRITERIA_LOOSER_THAN_LAW, narrower->span,
				       _("the exclusion '%s' of %s leaves out nominees the law "
					 "excludes"), narrower->text, f->name));
	else if (!plan_reads(f, ex))
		note_law(lc, kh_report(lc->cx, R_CRITERIA_LOOSER_THAN_LAW, f->span,
				       _("%s does not exclude what the law excludes: '%s'"), f->name,
				       lc->law->text));
}

static void check_form(const kh_check_ctx *cx, const kh_award_form *f)
{
	/* theo_luật: the law's rules are the form's, and the plan's only add */
	if (!f->law || f->criteria_by_law || !f->rules.n)
		return;
	law_check lc = { cx, f, NULL, plan_and(f, NULL) };
	for (size_t i = 0; i < f->law_rules.n; i++) {
		lc.law = f->law_rules.items[i];
		if (lc.law->expr->type == KH_VAL_BAD)
			continue;
		if (lc.law->exclude) {
			check_exclusion(&lc);
			continue;
		}
		/* each part of an and is a requirement of its own */
		const kh_cexpr *e = lc.law->expr;
		if (e->kind != KH_CE_AND) {
			check_requirement(&lc, e);
			continue;
		}
		for (size_t j = 0; j < e->kids.n; j++)
			check_requirement(&lc, e->kids.items[j]);
	}
}

void kh_check_criteria_law(const kh_check_ctx *cx)
{
	for (size_t i = 0; i < cx->plan->award_forms.n; i++) {
		const kh_award_form *f = cx->plan->award_forms.items[i];
		if (f)
			check_form(cx, f);
	}
}

/*
 * rules.c - the rule table built from rules.def, lookup and configuration.
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>

#include "i18n.h"
#include "names.h"
#include "rules.h"

const kh_rule kh_rules[KH_RULE__COUNT] = {
#define RULE(e, id_, sev, fam, sum, expl) [e] = { e, id_, fam, sum, expl, sev },
#include "rules.def"
#undef RULE
};

const kh_rule *kh_rule_find(const char *id)
{
	for (size_t i = 0; i < KH_RULE__COUNT; i++)
		if (!strcmp(kh_rules[i].id, id))
			return &kh_rules[i];
	return NULL;
}

const char *kh_rule_suggest(const char *id)
{
	const char *best = NULL;
	size_t best_d = 4;
	for (size_t i = 0; i < KH_RULE__COUNT; i++) {
		size_t d = kh_edit_distance(id, kh_rules[i].id, best_d, false);
		if (d < best_d) {
			best_d = d;
			best = kh_rules[i].id;
		}
	}
	return best;
}

bool kh_rule_is_core(const kh_rule *r)
{
	return !strcmp(r->family, "input") || !strcmp(r->family, "syntax") ||
	       !strcmp(r->family, "names");
}

void kh_rule_config_init(kh_rule_config *c)
{
	memset(c, 0, sizeof *c);
	c->fail_on = KH_ERROR;
	c->min_working_days = 3;
}

bool kh_rule_config_set(kh_rule_config *c, const char *id, bool enable, kh_diags *d)
{
	const kh_rule *r = kh_rule_find(id);
	if (!r) {
		const char *s = kh_rule_suggest(id);
		const char *opt = enable ? "--enable" : "--disable";
		if (s)
			kh_diag_add_path(d, KH_WARNING, NULL, "unknown-rule",
					 _("%s %s: no rule has this id, so it has no effect; did you mean '%s'?"),
					 opt, id, s);
		else
			kh_diag_add_path(d, KH_WARNING, NULL, "unknown-rule",
					 _("%s %s: no rule has this id, so it has no effect (kehoach help rules "
					   "lists them)"),
					 opt, id);
		return false;
	}
	if (!enable && kh_rule_is_core(r)) {
		kh_diag_add_path(d, KH_WARNING, NULL, "unknown-rule",
				 _("--disable %s has no effect: %s errors stop the checker and cannot be disabled"),
				 id, r->family);
		return false;
	}
	c->disabled[r->rule] = !enable;
	return true;
}

bool kh_rule_enabled(const kh_rule_config *c, kh_rule_id r)
{
	return !c->disabled[r];
}

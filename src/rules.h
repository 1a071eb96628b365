/*
 * rules.h - the registry of rules (rules.def): lookup by id, metadata for
 * help, docs and SARIF, and the run's configuration (which rules are on,
 * at which severity the run fails).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_RULES_H
#define KH_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "i18n.h" /* N_ in rules.def */

typedef enum kh_rule_id {
#define RULE(e, id, sev, fam, sum, expl) e,
#include "rules.def"
#undef RULE
	KH_RULE__COUNT
} kh_rule_id;

typedef struct kh_rule {
	kh_rule_id rule;
	const char *id, *family, *summary, *explanation;
	kh_severity severity;     /* default */
} kh_rule;

extern const kh_rule kh_rules[KH_RULE__COUNT];

/* The rule with this id, or NULL. */
const kh_rule *kh_rule_find(const char *id);
/* The nearest existing id (for did-you-mean), or NULL when nothing is close. */
const char *kh_rule_suggest(const char *id);
/* Rules of the families input, syntax and names cannot be disabled. */
bool kh_rule_is_core(const kh_rule *r);

/* What the user configured for a run. */
typedef struct kh_rule_config {
	bool disabled[KH_RULE__COUNT];
	kh_severity fail_on;      /* KH_ERROR (default) or KH_WARNING */
	int min_working_days;     /* too-few-working-days threshold, default 3 */
	bool explain;             /* --explain: notes on what the rules inferred */
} kh_rule_config;

void kh_rule_config_init(kh_rule_config *c);
/* Applies "--disable ID" / "--enable ID"; unknown ids become unknown-rule
 * findings in D (with a suggestion) and return false. */
bool kh_rule_config_set(kh_rule_config *c, const char *id, bool enable, kh_diags *d);
bool kh_rule_enabled(const kh_rule_config *c, kh_rule_id r);

#endif

/*
 * emit_json_int.h - what the parts of `kehoach json` share: the award
 * criteria (emit_json_awards.c) inside emit_json.c's award forms.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_EMIT_JSON_INT_H
#define KH_EMIT_JSON_INT_H

#include "json.h"
#include "plan.h"

/* A form's "rules", "criteria_by_law", "rank" and "quota_each". */
void kh_json_award_criteria(kh_json *j, const kh_award_form *f);
/* The plan's nominee attributes: "attributes". */
void kh_json_award_attrs(kh_json *j, const kh_plan *p);

#endif

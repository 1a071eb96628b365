/*
 * criteria_imply.h - whether one award criterion implies another: does
 * every nominee who meets P meet Q? Used to tell a plan's criteria that
 * are looser than the law's (rule criteria-looser-than-law).
 *
 * The answer is sure when it is YES or NO; UNKNOWN whenever the
 * expressions cannot be compared (other attributes, other years, forms the
 * comparison does not know), so that a caller can say nothing rather than
 * report a loosening that is not one.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_CRITERIA_IMPLY_H
#define KH_CRITERIA_IMPLY_H

#include <stdbool.h>

#include "plan.h"

typedef enum kh_implied { KH_IMPLIED_UNKNOWN, KH_IMPLIED_YES, KH_IMPLIED_NO } kh_implied;

/*
 * Does P imply Q? FORM_CLASS is the class a 'chưa_khen' without its own
 * stands for (the form's loại). On NO, *WHY (when WHY is not NULL) says in
 * a translated phrase what P admits that Q does not ("liên_tục 2 năm here,
 * where the law asks 3"), or is NULL when no one comparison says it.
 */
kh_implied kh_criteria_implies(const kh_cexpr *p, const kh_cexpr *q, const char *form_class,
			       const char **why);

/* True when E and F read an attribute of the same id. */
bool kh_cexpr_share_attr(const kh_cexpr *e, const kh_cexpr *f);

/* A requirement whose absence from a plan can be told: a count by year,
 * a bound on a number or a date, a chưa_khen, or an AND of them. */
bool kh_cexpr_checkable(const kh_cexpr *e);

#endif

/*
 * awards_screen.h - `kehoach awards --candidates`: the plan's award
 * criteria run over a nominee table. Each form's rules are tried on each
 * nominee in declaration order; those who pass are ranked (xếp_hạng) and
 * the quotas filled in that order; those who fail get the first rule
 * that failed and why; a blank cell a rule needs is a located error, and
 * that nominee is neither eligible nor rejected for that form.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_AWARDS_SCREEN_H
#define KH_AWARDS_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "nominees.h"
#include "plan.h"

typedef enum kh_verdict {
	KH_ELIGIBLE,      /* passes every rule, within the quota */
	KH_PAST_QUOTA,    /* passes every rule, ranked past the quota */
	KH_REJECTED,      /* a rule failed */
	KH_UNSCREENED     /* a cell the rules need is blank: reported */
} kh_verdict;

typedef struct kh_nominee_result {
	size_t row;                 /* index into the table's records */
	kh_verdict verdict;
	int rule;                   /* REJECTED: the rule, 1-based; 0: the form's đối_tượng */
	const kh_crit_rule *failed; /* REJECTED by a rule (NULL for đối_tượng) */
	const char *why;            /* REJECTED, UNSCREENED: in words */
	int position;               /* ELIGIBLE, PAST_QUOTA: 1-based rank */
} kh_nominee_result;

/* Nominees equal on every ranking key, next to each other in the ranking. */
typedef struct kh_tie {
	kh_nominee_result **members; /* in ranking order */
	size_t count;
	bool straddles;             /* the quota line falls inside it */
} kh_tie;

typedef enum kh_form_status {
	KH_FORM_SCREENED,
	KH_FORM_DEFERRED,           /* tiêu_chuẩn thông_báo_sau: nobody screened */
	KH_FORM_PROSE,              /* criteria in words only: screened by hand */
	KH_FORM_BY_LAW,             /* theo_luật, and the law's rules are not known */
	KH_FORM_NO_CRITERIA,        /* the plan gives none */
	KH_FORM_BROKEN              /* a column or year the rules need is missing: reported */
} kh_form_status;

typedef struct kh_form_screening {
	const kh_award_form *form;
	kh_form_status status;
	kh_vec ranked;              /* kh_nominee_result*: eligible, in ranking order */
	size_t within;              /* how many of ranked are within the quota */
	kh_vec rejected;            /* kh_nominee_result*, in file order */
	kh_vec unscreened;          /* kh_nominee_result*, in file order */
	kh_vec ties;                /* kh_tie* */
} kh_form_screening;

typedef struct kh_screening {
	const kh_plan *plan;
	const kh_nominees *table;
	const kh_award_attr *key, *name, *kind; /* NULL when the plan has none */
	int *col;                   /* per plan attribute: its column, -1 when none */
	kh_year_col **years;        /* per plan attribute: a yearly one's columns, by year */
	size_t *nyears;
	bool *bad;                  /* per record: screened by no form (reported) */
	size_t screened;            /* records not bad */
	int latest_year;            /* of the yearly columns; 0 when none */
	kh_vec forms;               /* kh_form_screening* */
} kh_screening;

/* Screens TABLE by the forms of P (only FORM_ID's when not NULL; the
 * caller has checked it exists). Errors and warnings go to D. */
kh_screening *kh_awards_screen(const kh_plan *p, const kh_nominees *table, const char *form_id,
			       kh_diags *d);

/* The award form of P with id ID (NFC, tone placement folded), or NULL. */
const kh_award_form *kh_awards_find_form(const kh_plan *p, const char *id);

/* The cell of ROW for attribute A ("" when it has no column). */
const kh_cell *kh_screen_cell(const kh_screening *s, size_t row, const kh_award_attr *a);

/* What ROW's kind cell says: KH_TARGET_COLLECTIVE, _INDIVIDUAL, or 0
 * (no kind attribute, or another word). */
int kh_screen_kind(const kh_screening *s, size_t row);

/* The column of yearly attribute A for YEAR, or -1. */
int kh_screen_year_column(const kh_screening *s, const kh_award_attr *a, long year);

/* A ranking key's value of ROW, as printed ("98.5", "01/09/1998"). */
const char *kh_screen_rank_value(const kh_screening *s, size_t row, const kh_rank_key *k);

/* Ranks FS's eligible nominees and fills its quotas (awards_rank.c). */
void kh_awards_rank(const kh_screening *s, kh_form_screening *fs);

/* --- the evaluator (awards_eval.c), for awards_screen.c --- */

typedef struct kh_eval {
	const kh_screening *s;
	size_t row;
	bool missing;               /* a blank cell was needed: */
	const kh_cell *missing_cell;
	const char *missing_why;
} kh_eval;

/* Is E true of the nominee? When false, *WHY says why (may be NULL). A
 * blank cell E needs sets ev->missing, and the answer means nothing. */
bool kh_eval_holds(kh_eval *ev, const kh_cexpr *e, const char **why);

/* The index of A in the plan's attributes. */
size_t kh_screen_attr_index(const kh_screening *s, const kh_award_attr *a);

/* The year a count without 'đến' ends at: the latest yearly column. */
long kh_eval_until(const kh_eval *ev, const kh_cexpr *e);

#endif

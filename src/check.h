/*
 * check.h - the checker: rule families run over a resolved program and
 * report findings through one function that applies the configuration.
 * Each family lives in its own file (check_structure.c, check_refs.c,
 * check_citations.c, check_time.c, check_people.c, check_signature.c,
 * check_awards.c, check_criteria_law.c, check_prose.c).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_CHECK_H
#define KH_CHECK_H

#include "calendar.h"
#include "diag.h"
#include "plan.h"
#include "rules.h"

typedef struct kh_check_ctx {
	const kh_program *prog;
	const kh_plan *plan;          /* never NULL inside a family */
	const kh_rule_config *config;
	kh_diags *diags;
	const kh_calendar *calendar;  /* public holidays and make-up days */
	const kh_vec *prose;          /* kh_prose*: the main file's strings
	                                 (citations.h), collected once for the
	                                 citation and reference rules */
	struct kh_check_shared *shared; /* what several families read, made on
	                                   first use (NULL: made for each asking) */
} kh_check_ctx;

/* Each made by the first family that asks, through its function. */
typedef struct kh_check_shared {
	const struct kh_bindex *bodies;         /* kh_check_bodies */
	const struct bindex *body_words;        /* ct_check_bindex (citations_int.h) */
	struct ct_body_names *body_names;       /* ct_check_body_names (the same) */
} kh_check_shared;

struct kh_bindex;
/* The bodies' names and the short forms prose uses (kh_bindex_build with
 * short forms): the prose and citation rules' one index of them. */
const struct kh_bindex *kh_check_bodies(const kh_check_ctx *cx);

/*
 * Reports rule R at SPAN with its default severity, unless the rule is
 * disabled. Returns the finding (to attach notes) or NULL when disabled.
 */
kh_diag *kh_report(const kh_check_ctx *cx, kh_rule_id r, kh_span span, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * With --explain, a note (never counted, never silenced) on what rule R
 * inferred at SPAN ("taken as reached: …"); NULL otherwise.
 */
kh_diag *kh_explain(const kh_check_ctx *cx, kh_rule_id r, kh_span span, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Runs every family over PROG (which must have resolved without errors),
 * then applies the silencing comments of the program's files. */
void kh_check_program(const kh_program *prog, const kh_rule_config *config, kh_diags *diags);

/* The families. */
void kh_check_structure(const kh_check_ctx *cx);
void kh_check_refs(const kh_check_ctx *cx);
void kh_check_confusables(const kh_check_ctx *cx);  /* check_confusables.c */
void kh_check_citations(const kh_check_ctx *cx);
void kh_check_time(const kh_check_ctx *cx);
void kh_check_people(const kh_check_ctx *cx);
void kh_check_signature(const kh_check_ctx *cx);
void kh_check_awards(const kh_check_ctx *cx);
void kh_check_criteria_text(const kh_check_ctx *cx);  /* check_criteria_text.c */
void kh_check_criteria_law(const kh_check_ctx *cx); /* check_criteria_law.c */
void kh_check_prose(const kh_check_ctx *cx);

/* Helpers shared by the families. */
/* True when SPAN lies in the program's main file (not stdlib or an import). */
bool kh_in_main_file(const kh_check_ctx *cx, kh_span span);
/* The best single day of a deadline (a window's end), false if undated. */
bool kh_when_day(const kh_when *w, kh_day *day);
/* "30/8/2019" (the way plans write dates) into BUF of at least 16 bytes. */
const char *kh_date_vn(kh_day d, char *buf);

#endif

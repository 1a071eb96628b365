/*
 * criteria_text.h - award criteria in words: the one renderer of a typed
 * criterion (kh_cexpr, resolve_criteria.c) for every output. A clerk
 * reads the attribute's column header, not its id, comparisons and
 * counts as words ("Xếp loại “HTXSNV” 2 năm liên tục, đến năm 2024"),
 * dates as dd/mm/yyyy, parentheses only where precedence needs them.
 *
 * Two languages: the UI's (gettext: English, or Vietnamese with --lang
 * vi), for messages such as `awards --candidates`; and Vietnamese
 * whatever the UI's language, for the documents (checklist, render),
 * which are Vietnamese documents and must not depend on the catalogue.
 * Both come from the same phrases (each written once in English for the
 * catalogue and once in the document's Vietnamese), so they read alike.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_CRITERIA_TEXT_H
#define KH_CRITERIA_TEXT_H

#include "alloc.h"
#include "plan.h"

typedef enum kh_words_lang {
	KH_WORDS_UI,              /* the messages' language (_()) */
	KH_WORDS_VI               /* the documents' Vietnamese */
} kh_words_lang;

/* E in words, in the UI's language. */
void kh_cexpr_words(kh_buf *out, const kh_cexpr *e);
/* A rule in words, in the UI's language: its printed text, its exception
 * ("unless: …") and, for loại_trừ, that it excludes. */
void kh_crit_rule_words(kh_buf *out, const kh_crit_rule *r);

/* The same in LANG. */
void kh_cexpr_words_in(kh_buf *out, const kh_cexpr *e, kh_words_lang lang);
void kh_crit_rule_words_in(kh_buf *out, const kh_crit_rule *r, kh_words_lang lang);
/* What a rule computes, in words: its expression, and its exception's.
 * False (and nothing written) when that only repeats the rule's text. */
bool kh_crit_rule_condition_in(kh_buf *out, const kh_crit_rule *r, kh_words_lang lang);

/* The lines a form's criteria print as, in order: "by the law" first,
 * the rules (a document letters them), the exclusions, the quota per
 * value of an attribute, the ranking. */
typedef enum kh_crit_line_kind {
	KH_CL_BY_LAW, KH_CL_RULE, KH_CL_EXCLUDE, KH_CL_QUOTA_EACH, KH_CL_RANK
} kh_crit_line_kind;

typedef struct kh_crit_line {
	kh_crit_line_kind kind;
	const char *text;         /* the line, without a final stop */
	const char *condition;    /* RULE, EXCLUDE: the computed condition in
	                             words; NULL when the text says it all */
	const kh_crit_rule *rule; /* RULE, EXCLUDE */
} kh_crit_line;

/* F's criteria as lines (kh_crit_line*); none when F has no rules, no
 * theo_luật, no quota per value and no ranking. */
kh_vec kh_award_criteria_lines(const kh_award_form *f, kh_words_lang lang);

#endif

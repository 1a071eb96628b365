/*
 * awards_report.h - the outputs of `kehoach awards --candidates`: text,
 * JSON and CSV of a screening (awards_screen.h).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_AWARDS_REPORT_H
#define KH_AWARDS_REPORT_H

#include "alloc.h"
#include "awards_screen.h"
#include "diag.h"

void kh_awards_text(const kh_screening *s, kh_buf *out);
void kh_awards_json(const kh_screening *s, const kh_diags *d, kh_buf *out);
void kh_awards_csv(const kh_screening *s, kh_buf *out);

/* A form's quota and ranking in words ("5 tập thể, 10 cá nhân"). */
const char *kh_awards_quota_text(const kh_award_form *f);
const char *kh_awards_rank_text(const kh_award_form *f);

#endif

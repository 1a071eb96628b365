/*
 * prose_facts.h - what an item's own text states: the dates it gives and
 * what each one is (a deadline, a window, a cited document's date, a
 * period), and the bodies it names and in which role (who does it, with
 * whom, to whom, through whom). compose.c leaves out what a text states;
 * check_prose.c compares it with the item's data.
 *
 * Conservative by design: a date is a deadline only when a word of time
 * stands right before it ("trước ngày 15/9/2019", "trong tháng 11/2023",
 * "từ … đến …", "dự kiến vào …"); the date after a document number is
 * that document's; a body is the owner only at the head of the text or
 * of a sentence, after "Giao", "Đề nghị", "Đối với", or before "chủ trì".
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_PROSE_FACTS_H
#define KH_PROSE_FACTS_H

#include <stdbool.h>
#include <stddef.h>

#include "plan.h"
#include "prose_words.h"

typedef enum kh_date_role {
	KH_DATE_DEADLINE,         /* "trước ngày 15/9/2019", "chậm nhất ngày …", "đến ngày …" */
	KH_DATE_WITHIN,           /* "trong tháng 11/2023", "trong năm 2023" */
	KH_DATE_ON,               /* "vào trung tuần tháng 5/2017", "dự kiến …", "cuối năm 2023" */
	KH_DATE_FROM,             /* "từ tháng 11 năm 2023" */
	KH_DATE_SPAN,             /* "từ ngày 01/6/2025 đến ngày 30/7/2025" */
	KH_DATE_DOCUMENT,         /* "Kế hoạch số 236-KH/TU, ngày 15/01/2024" */
	KH_DATE_PERIOD,           /* "(22/12/1989 - 22/12/2019)", "giai đoạn …" */
	KH_DATE_OTHER             /* no word of time before it: "Ngày Quốc tế Thiếu nhi 01/6" */
} kh_date_role;

typedef struct kh_text_date {
	kh_written_date d;        /* the date (a SPAN's last one) */
	kh_written_date from;     /* SPAN: its first date, year and month filled from D */
	size_t lead, end;         /* the phrase in the text: "trước ngày 15/9/2019" */
	kh_date_role role;
	bool planned;             /* "dự kiến" before it */
} kh_text_date;

/* The dates of TEXT[0, LEN) (kh_text_date*), in order. Years alone
 * ("năm 2008") count only after a word of time. */
kh_vec kh_text_dates(const char *text, size_t len);
/* A deadline, window, day or from–to window of the item itself. */
bool kh_date_role_is_time(kh_date_role r);
/* Does the text date D say the same as W (its last day, or its first for
 * a from date or window; without a year, the same day and month)? */
bool kh_text_date_agrees(const kh_text_date *d, const kh_when *w);
/* kh_text_fold of TEXT, remembered with the last text asked about (render
 * asks about one section's text task after task). */
const char *kh_text_folded(const char *text);
/* Does TEXT state W: its date in any common form (not a cited document's
 * date or a period), or its words (thông báo sau, thường xuyên, hằng
 * năm, cuối năm, the anchor's label of a relative one)? */
bool kh_text_states_when(const char *text, const kh_when *w);

typedef enum kh_mention_role {
	KH_MENTION_OWNER,         /* who does it: the head of the text or of a sentence,
	                             after "Giao", "Đề nghị", "Yêu cầu", "Đối với"; or "X chủ trì" */
	KH_MENTION_COOPERATE,     /* after "phối hợp (với)", "cùng với" */
	KH_MENTION_RECIPIENT,     /* after "gửi", "trình", "báo cáo", or "về" after those;
	                             weakly after "tham mưu (cho)", "giúp" */
	KH_MENTION_VIA,           /* after "qua" */
	KH_MENTION_OTHER
} kh_mention_role;

typedef struct kh_mention {
	size_t start, end;        /* bytes in the text */
	kh_mention_role role;
	bool chairs;              /* "X chủ trì" */
	bool weak;                /* a recipient only by "tham mưu (cho) X", "giúp X" */
	kh_vec bodies;            /* const kh_body*: the bodies of that name (ties); read
	                             only: a short form many bodies share gives its list */
	const kh_level *level;    /* "cấp huyện"; or the level after a generic
	                             body's name ("Ủy ban nhân dân tỉnh") */
} kh_mention;

/* The bodies (NAMES, kh_bindex_build with short forms) and levels
 * (LEVELS, kh_level*: "cấp huyện") TEXT names (kh_mention*), in order. */
kh_vec kh_text_mentions(const char *text, size_t len, const kh_bindex *names, const kh_vec *levels);
/* Can M name what R refers to (the same body, one it belongs to or is,
 * a body at R's level)? True for references it cannot judge (cấp_trên,
 * cấp_tổ_chức, text). */
bool kh_mention_agrees(const kh_mention *m, const kh_ref *r);
/* The same for any of REFS (kh_ref*). */
bool kh_mention_agrees_any(const kh_mention *m, const kh_vec *refs);
/* Does TEXT name what R refers to: anywhere, or (AS_OWNER) as the owner
 * or without a word that gives it another role (a recipient, …)? */
bool kh_text_names_ref(const char *text, const kh_ref *r, bool as_owner);

/* TEXT, LEN bytes long, is the one asked about next, and it does not
 * change while it is: its length is not counted again for every
 * question (a page's text, asked about for each of its tasks). */
void kh_text_steady(const char *text, size_t len);
/* Forgets the text kh_text_names_ref and kh_text_states_when remember
 * (the fuzz targets, before freeing everything). */
void kh_text_memo_forget(void);

#endif

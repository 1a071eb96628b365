/*
 * timeline.h - the dated duties of a plan as one chronological list: what
 * every schedule, calendar and checklist is made from. One entry per task
 * deadline (per owner level when a task has several), per meeting date
 * (per level), per recurring duty; undated duties ("thường xuyên", TBA,
 * relative to an event) come last, never given a guessed date.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_TIMELINE_H
#define KH_TIMELINE_H

#include <stdbool.h>

#include "alloc.h"
#include "plan.h"

typedef enum kh_tl_kind {
	KH_TL_DEADLINE,           /* a task due by a day or window */
	KH_TL_MEETING,            /* a meeting on a day or in a window */
	KH_TL_RECURRING,          /* hằng tháng, hằng năm, định kỳ, thường xuyên */
	KH_TL_UNDATED             /* TBA, relative to an event, no date given */
} kh_tl_kind;

/* Where a recurring duty's series ends (see kh_timeline_build). */
typedef enum kh_tl_until {
	KH_UNTIL_NONE,            /* no end known: the first occurrence only */
	KH_UNTIL_OWN,             /* the duty's own window: "trong năm 2024, hằng tháng" */
	KH_UNTIL_TITLE,           /* the period in the plan's title: "giai đoạn 2021 - 2025" */
	KH_UNTIL_LAST             /* the plan's latest dated deadline, window or meeting */
} kh_tl_until;

typedef struct kh_tl_entry {
	kh_tl_kind kind;
	const char *uid;          /* stable across runs and unrelated edits:
	                             "<number>/<year>/<issuer tag>/<item id>[/<level id>]" */
	const char *item_id;      /* the task's or meeting's id */
	const char *what;         /* the task's text or the meeting's name */
	const kh_when *when;      /* NULL for a task without any deadline */
	const kh_level *level;    /* the level this entry is for, or NULL */
	kh_vec owners;            /* kh_ref*: who does it (meetings: organiser, chairs) */
	kh_vec to;                /* kh_ref*: where the result goes (gửi), then via (qua) */
	const kh_task *task;      /* exactly one of task, meeting is set */
	const kh_meeting *meeting;
	long duration;            /* meetings: half-days, -1 unknown */
	kh_span span;
	/* A dated monthly or yearly duty (a series; `series` true): each
	 * occurrence falls on the last day of its month or year window, the
	 * first in the anchor's first one, clipped to the anchor's end; the
	 * series runs to `until`, from `until_from`. */
	bool series;
	kh_day first;
	kh_tl_until until_from;
	kh_day until;
	const char *until_text;   /* TITLE: "giai đoạn 2021–2025" */
} kh_tl_entry;

/* Every entry of PROG's plan (empty without a plan), sorted by date (a
 * window sorts by its end), then source order; undated entries last.
 * A series ends, first that applies and is not before its first
 * occurrence: its own window when that is longer than one repetition
 * (not a start "từ …"); the period the plan's title names; the plan's
 * latest dated deadline, window or meeting; else KH_UNTIL_NONE. */
kh_vec kh_timeline_build(const kh_program *prog);   /* kh_tl_entry* */

/* What an entry asks of a body: bits, several may hold at once. */
typedef enum kh_tl_role {
	KH_ROLE_OWNER = 1u << 0,      /* giao: carries the task out ("chủ trì") */
	KH_ROLE_ORGANISER = 1u << 1,  /* tổ_chức: organises the meeting */
	KH_ROLE_CHAIR = 1u << 2,      /* chủ_trì: chairs it */
	KH_ROLE_COOPERATE = 1u << 3,  /* phối_hợp */
	KH_ROLE_RECEIVE = 1u << 4,    /* gửi B: receives the result */
	KH_ROLE_VIA = 1u << 5,        /* qua B: receives, compiles, passes it on */
	KH_ROLE_ATTEND = 1u << 6,     /* dự: a member who attends */
	KH_ROLE_GUEST = 1u << 7       /* mời: an invited guest */
} kh_tl_role;
#define KH_ROLES_LEAD (KH_ROLE_OWNER | KH_ROLE_ORGANISER | KH_ROLE_CHAIR)

/* Calls FN on every reference of E with the role it names: a task's
 * owners (of this entry), cooperating bodies, receivers ("gửi cấp_trên"
 * as the level above each owner's) and via bodies; a meeting's organiser,
 * chairs and attendees (dự) and guests (mời), those of E's level. */
typedef void kh_tl_ref_fn(const kh_tl_entry *e, const kh_ref *r, kh_tl_role role, void *ctx);
void kh_tl_each_ref(const kh_tl_entry *e, kh_tl_ref_fn *fn, void *ctx);

/* Does reference R, in role ROLE of E, name body B? A level names every
 * body of it ("cấp huyện" names each huyện body, organs included); a
 * generic body in an entry for one level names that level's (attendees
 * excepted: they come from other levels). A body named in a lead role
 * (owner, organiser, chair) reaches its organs (thuộc: a task of the Tỉnh
 * ủy is its Ban Tổ chức's too) and kinds (là); in the other roles it
 * reaches its kinds only, so an organ of a body that attends, receives,
 * cooperates or forwards is not itself an attendee, receiver … */
bool kh_tl_ref_names(const kh_tl_entry *e, const kh_ref *r, kh_tl_role role, const kh_body *b);

/* The roles B holds in E (0: none). Linear in E's references. */
unsigned kh_tl_roles(const kh_tl_entry *e, const kh_body *b);
/* Does entry E concern body B: does B hold any role in it? */
bool kh_tl_concerns(const kh_tl_entry *e, const kh_body *b);
/* "chủ trì", "phối hợp", "nhận báo cáo", "tiếp nhận, tổng hợp (qua)",
 * "dự họp", "tổ chức", "dự họp (khách mời)", joined with "; ". */
const char *kh_tl_roles_label(unsigned roles);
/* "owner;cooperate;…" for tools (CSV). */
const char *kh_tl_roles_names(unsigned roles);
/* "31/12/2025 (giai đoạn 2021–2025, theo trích yếu)": where a series
 * ends and why; NULL when it has no end (KH_UNTIL_NONE) or is no series. */
const char *kh_tl_until_label(const kh_tl_entry *e);

/* How a reference reads to a person: the body's name, "cấp huyện" (the
 * level's name), "cấp trên trực tiếp", "cấp tổ chức", or the text. */
const char *kh_ref_label(const kh_ref *r);
/* The labels of V joined with ", ". */
const char *kh_refs_label(const kh_vec *v);

/* "30/8/2019", "trung tuần tháng 5/2017 (11/5–20/5/2017)", "tháng 11/2023",
 * "trước 30/9/2019 (thời gian cụ thể có thông báo sau)", "hằng tháng":
 * how the plan wrote the date, plus the window when it is one. */
const char *kh_when_label(const kh_when *w);
/* A "when" as written in the source (kh_when.text: "tu thang 11 nam
 * 2023", "dự_kiến vào trung_tuần tháng 5/2017") in Vietnamese words:
 * "từ tháng 11 năm 2023", "dự kiến vào trung tuần tháng 5/2017". */
const char *kh_when_words(const char *text);

#endif

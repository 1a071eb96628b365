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

typedef struct kh_tl_entry {
	kh_tl_kind kind;
	const char *uid;          /* stable across runs and unrelated edits:
	                             "<plan number or file stem>/<item id>[/<level id>]" */
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
} kh_tl_entry;

/* Every entry of PROG's plan (empty without a plan), sorted by date (a
 * window sorts by its end), then source order; undated entries last. */
kh_vec kh_timeline_build(const kh_program *prog);   /* kh_tl_entry* */

/* Does entry E concern body B: B owns it, or B belongs to (thuộc, là) an
 * owner, or B is at an owner level ("cấp huyện" concerns each huyện body),
 * or B chairs or organises the meeting. */
bool kh_tl_concerns(const kh_tl_entry *e, const kh_body *b);

/* How a reference reads to a person: the body's name, "cấp huyện" (the
 * level's name), "cấp trên trực tiếp", "cấp tổ chức", or the text. */
const char *kh_ref_label(const kh_ref *r);
/* The labels of V joined with ", ". */
const char *kh_refs_label(const kh_vec *v);

/* "30/8/2019", "trung tuần tháng 5/2017 (11/5–20/5/2017)", "tháng 11/2023",
 * "trước 30/9/2019 (thời gian cụ thể có thông báo sau)", "hằng tháng":
 * how the plan wrote the date, plus the window when it is one. */
const char *kh_when_label(const kh_when *w);

#endif

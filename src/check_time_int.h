/*
 * check_time_int.h - the state the time rules share: check_time.c (windows,
 * deadline-before-issue, non-working-day, dependency-order,
 * too-few-working-days) and check_flow.c (who consumes a report:
 * deadline-order, and reports due before the work they report on).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_CHECK_TIME_INT_H
#define KH_CHECK_TIME_INT_H

#include "alloc.h"
#include "check.h"
#include "map.h"
#include "resolve.h"

/* is_a chains longer than this are cut (a cycle would otherwise loop). */
#define MAX_ISA 64

/* The checkers' small hash maps (map.h). */
typedef kh_map map;

/* ------------------------------------------------------------------ */
/* State of one run                                                   */

/* A deadline resolved to days. */
typedef struct win {
	const kh_when *w;
	kh_day start, end;
	bool exact;               /* one day (precision DAY) */
} win;

/* A task, or a meeting at one of its levels (then t is NULL): what may
 * produce or consume a report. */
/* 136 bytes (the collector's 144; 168 took 176): one a task. */
typedef struct tinfo {
	const kh_task *t;
	const kh_meeting *m;
	const char *id;           /* the task's or meeting's id, for messages */
	/* too-few-working-days: the tightest deadline this task builds on */
	const struct tinfo *best_from;
	win late, early;          /* its latest window (by its end), its earliest
	                             (by ct_early_day) */
	kh_day span_start, span_end; /* union of its windows (as an anchor) */
	kh_day best_day;
	uint32_t index;           /* in plan->tasks: ties are broken by it */
	unsigned stamp;
	unsigned char state;      /* windows: 0 not yet, 1 being computed, 2 done */
	bool compiles, compiles_known; /* its text says it compiles a report */
	bool has_span, has_late, has_early;
} tinfo;
_Static_assert(sizeof(tinfo) == 136, "tinfo: 136 bytes, 144 in the collector");

/* The first day W's task may need what it builds on: the start of a day,
 * a span or a relative date, else the end of its window. */
static inline kh_day ct_sensible_day(const win *w)
{
	if (!w->w)
		return 0;
	kh_when_type t = w->w->type;
	return t == KH_WHEN_ON || t == KH_WHEN_RELATIVE || t == KH_WHEN_SPAN ? w->start : w->end;
}

/* TI's earliest sensible day (0 when it has none). */
static inline kh_day ct_early_day(const tinfo *ti)
{
	return ct_sensible_day(&ti->early);
}

/* A task owning something, through one of its owner references. */
typedef struct owned {
	tinfo *task;
	const kh_ref *owner;
	const kh_level *level;    /* the level it does this at (a meeting's own) */
} owned;

/* A possible consumer in a candidate list. */
typedef struct cand {
	tinfo *c;
	const kh_level *lc;       /* the consumer's level (of the matching owner) */
	bool strong;              /* a consumer: passes a report further up,
	                             compiles or drafts from it, or a meeting */
} cand;

/* The candidate consumers of whatever level LO sends to one receiver,
 * shared by every task of that level that sends there. */
typedef struct sublist {
	const kh_level *lo;
	kh_vec strong;            /* cand*, by (earliest day, index) */
	cand *weak1, *weak2;      /* the two latest weak ones */
	kh_vec lowers;            /* tinfo*: senders in "strong" mode */
	unsigned stamp;
} sublist;

typedef struct per_level {
	const kh_level *lo;
	map isa, lvl_any, lvl_owner; /* receiver -> sublist* */
} per_level;

typedef struct tctx {
	const kh_check_ctx *cx;
	tinfo **tasks;            /* the plan's tasks', by kh_plan_task_place */
	map by_isa;               /* kh_body* -> owned*: owners that are (là) it */
	map by_exact;             /* kh_body* -> owned*: owners that are exactly it */
	map by_lvl_owner;         /* kh_level* -> owned*: "giao cấp X" owners */
	map by_lvl_any;           /* kh_level* -> owned*: owners at that level */
	kh_vec levels;            /* per_level* */
	kh_vec meetings;          /* tinfo*: every meeting at each of its levels */
	unsigned stamp;
} tctx;


const char *ct_day_of(const win *x, kh_day d);
const char *ct_level_text(const kh_level *l);
tinfo *ct_info(const tctx *x, const kh_task *t);
void ct_task_windows(tinfo *ti);
void ct_add_windows(tinfo *ti, const kh_vec *whens);
void ct_index_plan(tctx *x);
void ct_offer(tinfo *c, const tinfo *from, kh_day d);
void ct_check_reports(tctx *x);
void ct_check_reported_work(tctx *x);

#endif

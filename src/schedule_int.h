/*
 * schedule_int.h - what the schedule's writers share: the text and CSV
 * schedules (emit_schedule.c) and the calendar (emit_ics.c) label dates,
 * bodies and meetings the same way.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_SCHEDULE_INT_H
#define KH_SCHEDULE_INT_H

#include "alloc.h"
#include "emit.h"
#include "timeline.h"

const char *sch_day_vi(kh_day d);
const char *sch_plan_label(const kh_plan *p);
const char *sch_body_name(const kh_body *b);
kh_vec sch_entries_for(const kh_program *prog, const kh_body *for_body);
const char *sch_level_name(const kh_level *l);
const char *sch_entry_title(const kh_tl_entry *e);
const char *sch_refs_joined(const kh_vec *v, const char *sep);
const char *sch_meeting_details(const kh_tl_entry *e, const char *sep);

#endif

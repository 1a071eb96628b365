/*
 * calendar.h - which days offices work: Monday to Friday, minus the public
 * holidays declared in stdlib (vn/holidays: solar ones on a fixed day,
 * lunar ones converted with lunar.h for UTC+7, one-off days off), plus the
 * make-up working days (làm bù) the government sets each year.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_CALENDAR_H
#define KH_CALENDAR_H

#include <stdbool.h>

#include "date.h"
#include "plan.h"

typedef struct kh_calendar kh_calendar;

/* Built from the holiday declarations of PROG (prog->holidays, stdlib
 * and the plan's own). Never NULL; an empty program gives weekends only. */
kh_calendar *kh_calendar_build(const kh_program *prog);

/* The public holiday on D, or NULL (its name: "Tết Nguyên đán"). */
const kh_holiday *kh_calendar_holiday(const kh_calendar *c, kh_day d);
/* Not a weekend (unless a make-up working day) and not a holiday. */
bool kh_calendar_is_working_day(const kh_calendar *c, kh_day d);
/* The nearest working day on or before D. */
kh_day kh_calendar_prev_working_day(const kh_calendar *c, kh_day d);
/* Working days strictly after A up to and including B (negative if B < A). */
long kh_calendar_working_days_between(const kh_calendar *c, kh_day a, kh_day b);

#endif

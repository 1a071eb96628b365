/*
 * init.h - `kehoach init`: a clean, commented starting plan (Kế hoạch,
 * Hướng dẫn or Công văn) of a State or Party body at the province,
 * district or commune level, using the bodies of stdlib vn/bodies and
 * dated with working days from the stdlib's calendar.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_INIT_H
#define KH_INIT_H

#include "alloc.h"
#include "calendar.h"
#include "date.h"

typedef enum kh_init_kind { KH_INIT_PLAN, KH_INIT_GUIDANCE, KH_INIT_LETTER } kh_init_kind;
typedef enum kh_init_family { KH_INIT_STATE, KH_INIT_PARTY } kh_init_family;
typedef enum kh_init_level { KH_INIT_PROVINCE, KH_INIT_DISTRICT, KH_INIT_COMMUNE } kh_init_level;

typedef struct kh_init_opts {
	kh_init_kind kind;
	kh_init_family family;
	kh_init_level level;
	kh_day date;              /* the plan's date of issue */
	bool district_ended;      /* the district level no longer exists on DATE */
} kh_init_opts;

/* Appends the starting plan for O to OUT; its deadlines are working days
 * of CAL, counted from O->date. */
void kh_init_write(const kh_init_opts *o, const kh_calendar *cal, kh_buf *out);

/* The command: parses ARGV (the words after "init"), writes the plan to
 * standard output or -o FILE, and returns the exit status. STDLIB is the
 * default stdlib folder. */
int kh_init_main(int argc, char **argv, const char *stdlib);

#endif

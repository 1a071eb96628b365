/*
 * awards_cmd.h - the `awards` command's work, after main.c has read the
 * plan: read the nominee file, screen it, write the report.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_AWARDS_CMD_H
#define KH_AWARDS_CMD_H

#include "alloc.h"
#include "diag.h"
#include "plan.h"

typedef struct kh_awards_opts {
	const char *plan_path;
	const char *candidates;   /* the nominee CSV */
	const char *form;         /* --form ID, or NULL for every form */
	const char *format;       /* text | json | csv */
} kh_awards_opts;

/* 0 with the report in OUT; 1 when the nominee file cannot be read
 * (*IO_ERROR: not at all). Findings go to D. */
int kh_awards_run(const kh_plan *p, const kh_awards_opts *o, kh_buf *out, kh_diags *d,
		  int *io_error);

#endif

/*
 * awards_cmd.c - `kehoach awards FILE --candidates CSV`: the nominee file
 * read, screened by the plan's forms, and written in the format asked.
 * main.c loads the plan and prints the findings.
 * Part of kehoach; see README.md for the licence.
 */
#include "awards_cmd.h"

#include <string.h>

#include "awards_report.h"
#include "awards_screen.h"
#include "i18n.h"
#include "nominees.h"

int kh_awards_run(const kh_plan *p, const kh_awards_opts *o, kh_buf *out, kh_diags *d,
		  int *io_error)
{
	*io_error = 0;
	if (!p->award_forms.n) {
		kh_diag_add_path(d, KH_ERROR, o->plan_path, "missing-column",
				 _("'%s' has no award form (hình_thức in khen_thưởng) to screen by"),
				 o->plan_path);
		return 1;
	}
	kh_nominees *t = kh_nominees_load(o->candidates, d, io_error);
	if (!t)
		return 1;
	kh_screening *s = kh_awards_screen(p, t, o->form, d);
	if (!strcmp(o->format, "json"))
		kh_awards_json(s, d, out);
	else if (!strcmp(o->format, "csv"))
		kh_awards_csv(s, out);
	else
		kh_awards_text(s, out);
	return 0;
}

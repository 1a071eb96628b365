/*
 * emit.h - the outputs made from a resolved plan. Each writes into OUT and
 * returns 0, or reports to stderr and returns non-zero on a problem the
 * command must exit 2 for. FOR_BODY (may be NULL) keeps only what asks
 * something of that body (kh_tl_roles: owns, also through its level or
 * parent; cooperates, receives, forwards; organises, chairs, attends, is
 * invited), each line saying its role.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_EMIT_H
#define KH_EMIT_H

#include <stdbool.h>

#include "alloc.h"
#include "plan.h"

typedef struct kh_ics_opts {
	bool mirror_events;       /* also each deadline as an all-day VEVENT
	                             (Google and iOS calendars ignore VTODO) */
	const char *dtstamp;      /* "20260101T000000Z"; from SOURCE_DATE_EPOCH
	                             or the plan's date, so output is reproducible */
	struct kh_diags *notes;   /* may be NULL: gets a note per recurring duty
	                             left out of the calendar (it has no date) */
	/* May be NULL: called when NOTES holds every note and before the
	 * calendar's first line, so that notes printed there come before a
	 * calendar streamed to the same terminal. Not called when nothing
	 * is written. */
	void (*notes_done)(void *ctx);
	void *notes_ctx;
} kh_ics_opts;

/* kehoach schedule: timeline as text, CSV, iCalendar (RFC 5545), SVG. */
int kh_emit_schedule_text(const kh_program *prog, const kh_body *for_body, kh_buf *out);
int kh_emit_schedule_csv(const kh_program *prog, const kh_body *for_body, kh_buf *out);
int kh_emit_schedule_ics(const kh_program *prog, const kh_body *for_body,
			 const kh_ics_opts *opts, kh_buf *out);
int kh_emit_schedule_svg(const kh_program *prog, const kh_body *for_body, kh_buf *out);

/* kehoach checklist: per-body duties as Markdown task lists, CSV (UTF-8
 * with BOM, for spreadsheets), HTML. */
int kh_emit_checklist_md(const kh_program *prog, const kh_body *for_body, kh_buf *out);
int kh_emit_checklist_csv(const kh_program *prog, const kh_body *for_body, kh_buf *out);
int kh_emit_checklist_html(const kh_program *prog, const kh_body *for_body, kh_buf *out);

/* Word files carry a date (the zip entries' times, the file's creation
 * date): SOURCE_DATE_EPOCH or the plan's date, so the same plan always
 * gives the same bytes. */
typedef struct kh_docx_opts {
	bool dated;               /* false: neither is known (no dates in the file) */
	kh_day day;               /* days since 1970-01-01 */
	long seconds;             /* into that day, UTC */
} kh_docx_opts;

/* kehoach outline: the attached report outline(s), Markdown, HTML, or a
 * fill-in Word report (blank number, date and signature). */
int kh_emit_outline_md(const kh_program *prog, kh_buf *out);
int kh_emit_outline_html(const kh_program *prog, kh_buf *out);
int kh_emit_outline_docx(const kh_program *prog, const kh_docx_opts *opts, kh_buf *out);

/* kehoach render: the whole plan in the official layout, as HTML for A4
 * or as a Word file (Office Open XML). */
int kh_emit_render_html(const kh_program *prog, kh_buf *out);
int kh_emit_render_docx(const kh_program *prog, const kh_docx_opts *opts, kh_buf *out);

/* What render and outline say, on stderr, returning 1, when the file has
 * no plan, or the plan no outline. */
int kh_emit_no_plan(const kh_program *prog);
int kh_emit_no_outline(const kh_program *prog);

/* ---- HTML pieces shared by every HTML output (emit_html.c) ------------- */

/* S as HTML text or attribute value, into OUT: & < > " ' as entities, CR
 * dropped, other control characters (not allowed in HTML) as spaces. */
void kh_html_escape(kh_buf *out, const char *s);
/* A printed document (document.h) as a whole HTML page; as a Word file
 * (0, or 2 with a message on stderr when the zip cannot be written). */
struct kh_pdoc;
void kh_html_document(kh_buf *out, const struct kh_pdoc *doc);
int kh_docx_document(kh_buf *out, const struct kh_pdoc *doc, const kh_docx_opts *opts);

#endif

/*
 * emit_schedule.c - kehoach schedule: the timeline as text, CSV and
 * iCalendar (RFC 5545). The SVG chart lives in emit_svg.c.
 *
 * iCalendar choices (shared/FORMATS.md §2):
 * - every date is an all-day DATE value (never DATE-TIME: no time-zone
 *   drift); CRLF line ends; lines folded at 75 octets on UTF-8 boundaries;
 *   TEXT escaped (backslash first, then ; , and newlines as \n).
 * - a task deadline is a VTODO with DUE;VALUE=DATE. A window ("trong
 *   tháng 11/2023", "trung tuần tháng 5/2017") is due on its last day,
 *   the window itself in DESCRIPTION; a task "vào" a window also gets the
 *   window's first day as DTSTART. "từ tháng 11/2023" (a start, open
 *   ended) is a VTODO with DTSTART and no DUE; "từ 01/10 đến 17/11/2025"
 *   is one VTODO with DTSTART 1/10 and DUE 17/11.
 * - a meeting is an all-day VEVENT, DTSTART plus exclusive DTEND: on a
 *   given day it starts that day and lasts its length in whole days (a
 *   half-day meeting is still one all-day event; its length is in
 *   DESCRIPTION); in a window or before a deadline it is placed on the
 *   last days of the window and marked TENTATIVE, the window in
 *   DESCRIPTION. A from-to window is the event's whole span.
 * - "dự kiến": VEVENT STATUS:TENTATIVE. RFC 5545 allows TENTATIVE on
 *   VEVENT only, so a planned VTODO stays NEEDS-ACTION, with "dự kiến" in
 *   its DESCRIPTION (its mirror event, if any, is TENTATIVE).
 * - hằng tháng / hằng năm: RRULE FREQ=MONTHLY / FREQ=YEARLY from the
 *   series' first occurrence (timeline.h: "từ năm 2023, hằng năm" is due
 *   31/12/2023 and yearly after); a last day of a month repeats as
 *   BYMONTHDAY=-1. Never an endless series: UNTIL (a DATE, like DTSTART)
 *   is the end the timeline chose (the duty's own window, the period in
 *   the plan's title, the plan's latest date), else COUNT=1; DESCRIPTION
 *   says which.
 * - thường xuyên / định kỳ have no frequency: no RRULE. With a date
 *   ("từ tháng 11/2023, thường xuyên") they appear once, at that date,
 *   DESCRIPTION saying they do not repeat in the calendar.
 * - a recurring duty without a date is not in the calendar (no day would
 *   be a guess): opts->notes gets one note per duty saying so.
 * - TBA, relative to an event, no deadline: left out (a calendar item needs
 *   a date); the text and CSV schedules list them. A deadline whose exact
 *   day is to be announced ("trước 30/9/2019, thông_báo_sau") is in, on
 *   the deadline.
 * - with --for, DESCRIPTION says what the item asks of that body
 *   ("Vai trò của …: phối hợp"), as the text (" (vai trò: …)") and CSV
 *   (`role`) schedules do: one answer, kh_tl_roles.
 * - UID: the timeline uid + "@kehoach"; the mirror events of deadlines
 *   (opts->mirror_events) use uid + "-event@kehoach" ("-" never occurs in
 *   an id, so they cannot collide with another item).
 * Part of kehoach; see README.md for the licence.
 */
#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "diag.h"
#include "emit.h"
#include "schedule_int.h"
#include "timeline.h"

/* ------------------------------------------------------------------ */
/* Shared                                                             */

const char *sch_day_vi(kh_day d)
{
	int y, m, dd;
	kh_date_split(d, &y, &m, &dd);
	return kh_printf("%d/%d/%d", dd, m, y);
}

static const char *weekday_vi(kh_day d)
{
	static const char *const names[] = { "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm",
					     "Thứ Sáu", "Thứ Bảy", "Chủ nhật" };
	int w = kh_weekday(d);
	return names[w >= 0 && w < 7 ? w : 0];
}

static const char *iso(kh_day d)
{
	char buf[16];
	kh_date_iso(d, buf);
	return kh_strdup(buf);
}

/* "Kế hoạch số 250-KH/TU, ngày 16/8/2019, Ban Thường vụ Tỉnh ủy" */
const char *sch_plan_label(const kh_plan *p)
{
	kh_buf b = { 0 };
	const char *kind = kh_doc_kind_vi(p->kind);
	kh_buf_puts(&b, *kind ? kind : "Văn bản");
	if (p->number && *p->number)
		kh_buf_printf(&b, " số %s", p->number);
	if (p->has_date)
		kh_buf_printf(&b, ", ngày %s", sch_day_vi(p->date));
	if (p->issuer)
		kh_buf_printf(&b, ", %s", p->issuer->name ? p->issuer->name : p->issuer->id);
	return kh_buf_cstr(&b);
}

const char *sch_body_name(const kh_body *b)
{
	return b->name ? b->name : b->id;
}

/* The entries FOR_BODY sees (all of them without a body). */
kh_vec sch_entries_for(const kh_program *prog, const kh_body *for_body)
{
	kh_vec all = kh_timeline_build(prog);
	if (!for_body)
		return all;
	kh_vec v = { 0 };
	for (size_t i = 0; i < all.n; i++)
		if (kh_tl_concerns(KH_VEC_AT(all, kh_tl_entry, i), for_body))
			kh_vec_push(&v, all.items[i]);
	return v;
}

/* The day an entry is listed under: a start for "từ …", else the end. */
static kh_day entry_day(const kh_tl_entry *e)
{
	return e->when->type == KH_WHEN_FROM ? e->when->start : e->when->end;
}

static bool in_chronology(const kh_tl_entry *e)
{
	return (e->kind == KH_TL_DEADLINE || e->kind == KH_TL_MEETING) && e->when && e->when->dated;
}

/* "1 buổi (½ ngày)", "2 ngày", "3 buổi (1½ ngày)". */
static const char *duration_vi(long half_days)
{
	if (half_days <= 0)
		return NULL;
	if (half_days == 1)
		return "1 buổi (½ ngày)";
	if (half_days % 2 == 0)
		return kh_printf("%ld ngày", half_days / 2);
	return kh_printf("%ld buổi (%ld½ ngày)", half_days, half_days / 2);
}

/* The meeting's chairs for the entry's level. */
static kh_vec meeting_chairs(const kh_tl_entry *e)
{
	kh_vec v = { 0 };
	const kh_meeting *m = e->meeting;
	for (size_t i = 0; i < m->chairs.n; i++) {
		const kh_leveled_ref *c = KH_VEC_AT(m->chairs, kh_leveled_ref, i);
		if (e->level && c->level && c->level != e->level)
			continue;
		if (c->ref)
			kh_vec_push(&v, c->ref);
	}
	return v;
}

/* Is the entry one of several made from a meeting or task for each level? */
static bool per_level(const kh_tl_entry *e)
{
	if (!e->level)
		return false;
	if (e->meeting)
		return e->meeting->levels.n >= 2;
	size_t n = 0;
	for (size_t i = 0; i < e->task->owners.n; i++) {
		const kh_ref *r = KH_VEC_AT(e->task->owners, kh_ref, i);
		n += r->kind == KH_REF_LEVEL && r->level;
	}
	return n >= 2;
}

const char *sch_level_name(const kh_level *l)
{
	return l->name ? l->name : l->id;
}

/* What the entry is called: the task's text or the meeting's name, with
 * the level when the item was split per level. */
const char *sch_entry_title(const kh_tl_entry *e)
{
	const char *what = e->what ? e->what : "";
	if (per_level(e))
		return kh_printf("%s (%s)", what, sch_level_name(e->level));
	return what;
}

const char *sch_refs_joined(const kh_vec *v, const char *sep)
{
	kh_buf b = { 0 };
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			kh_buf_puts(&b, sep);
		kh_buf_puts(&b, kh_ref_label(KH_VEC_AT(*v, kh_ref, i)));
	}
	return kh_buf_cstr(&b);
}

/* Who the meeting is organised and chaired by, and how long it is:
 * "tổ chức: …; chủ trì: …; thời lượng: 1 buổi (½ ngày); trực tuyến". */
const char *sch_meeting_details(const kh_tl_entry *e, const char *sep)
{
	const kh_meeting *m = e->meeting;
	kh_buf b = { 0 };
	if (m->organiser)
		kh_buf_printf(&b, "tổ chức: %s", kh_ref_label(m->organiser));
	kh_vec chairs = meeting_chairs(e);
	if (chairs.n)
		kh_buf_printf(&b, "%schủ trì: %s", b.len ? sep : "", sch_refs_joined(&chairs, ", "));
	const char *d = duration_vi(m->duration);
	if (d)
		kh_buf_printf(&b, "%sthời lượng: %s", b.len ? sep : "", d);
	if (m->online)
		kh_buf_printf(&b, "%strực tuyến", b.len ? sep : "");
	return kh_buf_cstr(&b);
}

/* "→ gửi A, B (qua C)", or "" when the task sends nothing. */
static const char *send_text(const kh_tl_entry *e)
{
	if (!e->task || !e->task->send_to.n)
		return "";
	const char *to = sch_refs_joined(&e->task->send_to, ", ");
	if (e->task->via.n)
		return kh_printf(" → gửi %s (qua %s)", to, sch_refs_joined(&e->task->via, ", "));
	return kh_printf(" → gửi %s", to);
}

/* The entry's date as written, and where a series ends: "từ năm 2023,
 * hằng năm (lặp lại đến 31/1/2024)". */
static const char *when_text(const kh_tl_entry *e)
{
	if (!e->when)
		return "không ghi thời hạn";
	const char *w = kh_when_label(e->when);
	if (e->series && e->until_from != KH_UNTIL_NONE)
		return kh_printf("%s (lặp lại đến %s)", w, sch_day_vi(e->until));
	return w;
}

/* With --for: " (vai trò: phối hợp)", what the entry asks of the body. */
static const char *role_text(const kh_tl_entry *e, const kh_body *for_body)
{
	if (!for_body)
		return "";
	return kh_printf(" (vai trò: %s)", kh_tl_roles_label(kh_tl_roles(e, for_body)));
}

/* ------------------------------------------------------------------ */
/* Text                                                               */

static void text_line(kh_buf *out, const kh_tl_entry *e, const kh_body *for_body)
{
	const char *when = when_text(e);
	const char *role = role_text(e, for_body);
	if (e->meeting) {
		const char *d = sch_meeting_details(e, "; ");
		kh_buf_printf(out, "  - %s — %s%s%s%s\n", when, sch_entry_title(e), *d ? " — " : "", d, role);
		return;
	}
	const char *who = sch_refs_joined(&e->owners, ", ");
	kh_buf_printf(out, "  - %s — %s%s%s%s%s\n", when, who, *who ? ": " : "", sch_entry_title(e),
		      send_text(e), role);
}

int kh_emit_schedule_text(const kh_program *prog, const kh_body *for_body, kh_buf *out)
{
	if (!prog->plan) {
		kh_buf_puts(out, "Tệp không có kế hoạch: không có lịch thực hiện.\n");
		return 0;
	}
	const kh_plan *p = prog->plan;
	kh_vec v = sch_entries_for(prog, for_body);
	kh_buf_printf(out, "Lịch thực hiện: %s\n", sch_plan_label(p));
	if (p->title)
		kh_buf_printf(out, "Trích yếu: %s\n", p->title);
	if (for_body)
		kh_buf_printf(out, "Của: %s\n", sch_body_name(for_body));
	if (!v.n) {
		kh_buf_puts(out, "\nKhông có việc nào.\n");
		return 0;
	}
	bool have_day = false;
	kh_day last = 0;
	for (size_t i = 0; i < v.n; i++) {
		const kh_tl_entry *e = KH_VEC_AT(v, kh_tl_entry, i);
		if (!in_chronology(e))
			continue;
		kh_day d = entry_day(e);
		if (!have_day || d != last)
			kh_buf_printf(out, "\n%s, %s\n", weekday_vi(d), sch_day_vi(d));
		have_day = true;
		last = d;
		text_line(out, e, for_body);
	}
	static const struct {
		kh_tl_kind kind;
		const char *heading;
	} rest[] = {
		{ KH_TL_RECURRING, "Định kỳ, thường xuyên" },
		{ KH_TL_UNDATED, "Chưa có ngày" },
	};
	for (size_t k = 0; k < sizeof rest / sizeof rest[0]; k++) {
		bool any = false;
		for (size_t i = 0; i < v.n; i++) {
			const kh_tl_entry *e = KH_VEC_AT(v, kh_tl_entry, i);
			if (in_chronology(e) || (e->kind == KH_TL_RECURRING) != (rest[k].kind == KH_TL_RECURRING))
				continue;
			if (!any)
				kh_buf_printf(out, "\n%s\n", rest[k].heading);
			any = true;
			text_line(out, e, for_body);
		}
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* CSV: opened in spreadsheets too, so formulas are guarded.          */

static void csv_field(kh_buf *out, const char *s, bool last)
{
	kh_csv_field(out, s, last, true);
}

static const char *kind_name(const kh_tl_entry *e)
{
	switch (e->kind) {
	case KH_TL_DEADLINE: return "deadline";
	case KH_TL_MEETING: return "meeting";
	case KH_TL_RECURRING: return "recurring";
	default: return "undated";
	}
}

static const char *recurrence_name(const kh_when *w)
{
	static const char *const names[] = { "", "continuous", "monthly", "yearly", "periodic" };
	if (!w || w->type != KH_WHEN_RECURRENCE || w->recurrence > KH_RECUR_PERIODIC)
		return "";
	return names[w->recurrence];
}

int kh_emit_schedule_csv(const kh_program *prog, const kh_body *for_body, kh_buf *out)
{
	static const char *const header[] = { "start", "end", "kind", "recurrence", "planned",
					      "level", "who", "what", "to", "via", "uid",
					      "as_written", "role" };
	const size_t ncols = sizeof header / sizeof header[0];
	for (size_t i = 0; i < ncols; i++)
		csv_field(out, header[i], i + 1 == ncols);
	if (!prog->plan)
		return 0;
	kh_vec v = sch_entries_for(prog, for_body);
	for (size_t i = 0; i < v.n; i++) {
		const kh_tl_entry *e = KH_VEC_AT(v, kh_tl_entry, i);
		const kh_when *w = e->when;
		const char *start = "", *end = "";
		if (w && w->dated) {
			start = iso(w->start);
			end = w->type == KH_WHEN_FROM ? "" : iso(w->end);
		}
		kh_vec none = { 0 };
		const kh_vec *send = e->task ? &e->task->send_to : &none;
		const kh_vec *via = e->task ? &e->task->via : &none;
		csv_field(out, start, false);
		csv_field(out, end, false);
		csv_field(out, kind_name(e), false);
		csv_field(out, recurrence_name(w), false);
		csv_field(out, w && w->planned ? "true" : "false", false);
		csv_field(out, e->level ? sch_level_name(e->level) : "", false);
		csv_field(out, sch_refs_joined(&e->owners, "; "), false);
		csv_field(out, e->what, false);
		csv_field(out, sch_refs_joined(send, "; "), false);
		csv_field(out, sch_refs_joined(via, "; "), false);
		csv_field(out, e->uid, false);
		csv_field(out, w ? kh_when_label(w) : "", false);
		/* With --for: what the entry asks of that body. */
		csv_field(out, for_body ? kh_tl_roles_names(kh_tl_roles(e, for_body)) : "", true);
	}
	return 0;
}


/*
 * emit_ics.c - `kehoach schedule --ics`: the timeline as an iCalendar file
 * (RFC 5545). See emit_schedule.c's top comment for how each entry sits in
 * the calendar; the labels shared with the text and CSV schedules are in
 * emit_schedule.c (schedule_int.h).
 * Part of kehoach; see README.md for the licence.
 */
#include <stdio.h>
#include <string.h>
#include "csv.h"
#include "diag.h"
#include "emit.h"
#include "i18n.h"
#include "timeline.h"
#include "schedule_int.h"

/* ------------------------------------------------------------------ */
/* iCalendar                                                          */

/* TEXT (RFC 5545 §3.3.11): backslash first, then ; , and newlines.
 * Other control characters are not allowed in TEXT: CR is dropped (CRLF
 * is one newline), the rest become spaces. */
static void ics_escape(kh_buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		/* the run that needs nothing, at once: most of a text */
		const unsigned char *q = p;
		while (*q >= 0x20 && *q != 0x7f && *q != '\\' && *q != ';' && *q != ',')
			q++;
		if (q > p) {
			kh_buf_put(b, (const char *)p, (size_t)(q - p));
			p = q - 1;
			continue;
		}
		switch (*p) {
		case '\\': kh_buf_puts(b, "\\\\"); break;
		case ';': kh_buf_puts(b, "\\;"); break;
		case ',': kh_buf_puts(b, "\\,"); break;
		case '\n': kh_buf_puts(b, "\\n"); break;
		case '\r':
			if (p[1] != '\n')
				kh_buf_puts(b, "\\n");
			break;
		case '\t': kh_buf_putc(b, '\t'); break;
		default:
			kh_buf_putc(b, *p < 0x20 || *p == 0x7f ? ' ' : (char)*p);
			break;
		}
	}
}

/* One content line, folded: at most 75 octets per physical line (the
 * leading space of a continuation counts), cut only where a UTF-8
 * sequence starts, each line ended by CRLF. */
static void ics_line(kh_buf *out, const char *line)
{
	size_t len = strlen(line), pos = 0, limit = 75;
	while (len - pos > limit) {
		size_t cut = pos + limit;
		while (cut > pos && ((unsigned char)line[cut] & 0xC0) == 0x80)
			cut--;
		if (cut == pos)
			cut = pos + limit; /* not UTF-8: cannot happen (input is validated) */
		kh_buf_put(out, line + pos, cut - pos);
		kh_buf_puts(out, "\r\n ");
		pos = cut;
		limit = 74;
	}
	kh_buf_put(out, line + pos, len - pos);
	kh_buf_puts(out, "\r\n");
}

/* Where a line is escaped before it is folded: one buffer for the whole
 * calendar, not one (grown several times) per line. Emptied when a
 * calendar starts and ends, so that it never outlives one. */
static kh_buf escaped;

/* NAME:VALUE with VALUE TEXT-escaped. */
static void ics_text(kh_buf *out, const char *name, const char *value)
{
	escaped.len = 0;
	kh_buf_puts(&escaped, name);
	kh_buf_putc(&escaped, ':');
	ics_escape(&escaped, value);
	ics_line(out, kh_buf_cstr(&escaped));
}

static void ics_raw(kh_buf *out, const char *name, const char *value)
{
	ics_line(out, kh_printf("%s:%s", name, value));
}

static const char *ics_date(kh_day d)
{
	int y, m, dd;
	kh_date_split(d, &y, &m, &dd);
	return kh_printf("%04d%02d%02d", y, m, dd);
}

static void ics_date_prop(kh_buf *out, const char *name, kh_day d)
{
	ics_line(out, kh_printf("%s;VALUE=DATE:%s", name, ics_date(d)));
}

/* "20260101T000000Z": a real UTC date and time (RFC 5545 §3.8.7.2). */
static bool dtstamp_ok(const char *s)
{
	if (!s || strlen(s) != 16 || s[8] != 'T' || s[15] != 'Z')
		return false;
	int v[7] = { 0 };
	static const int width[7] = { 4, 2, 2, 0, 2, 2, 2 };
	const char *p = s;
	for (int k = 0; k < 7; k++) {
		if (!width[k]) {
			p++;    /* the T */
			continue;
		}
		for (int i = 0; i < width[k]; i++, p++) {
			if (*p < '0' || *p > '9')
				return false;
			v[k] = v[k] * 10 + (*p - '0');
		}
	}
	return kh_date_valid(v[0], v[1], v[2]) && v[4] < 24 && v[5] < 60 && v[6] < 61;
}

/* Is the entry's date a window (not one day)? */
static bool is_window(const kh_when *w)
{
	return w->precision != KH_PREC_DAY;
}

/* RRULE for a series (timeline.h), else NULL: no frequency or no date. A
 * last day of a month repeats on every last day (BYMONTHDAY=-1): day 31
 * (or 30) monthly would skip the shorter months (§3.3.10). It ends on
 * UNTIL, a DATE as DTSTART is (§3.3.10), or after its first time
 * (COUNT=1) when the plan gives no end: never an endless series. */
static const char *rrule(const kh_tl_entry *e)
{
	const kh_when *w = e->when;
	if (!e->series)
		return NULL;
	int y, m, d;
	kh_date_split(e->first, &y, &m, &d);
	bool last = d == kh_month_days(y, m);
	const char *freq;
	if (w->recurrence == KH_RECUR_MONTHLY)
		freq = last && (is_window(w) || d > 28) ? "FREQ=MONTHLY;BYMONTHDAY=-1" : "FREQ=MONTHLY";
	else
		freq = m == 2 && d == 29 ? "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" : "FREQ=YEARLY";
	if (e->until_from == KH_UNTIL_NONE)
		return kh_printf("%s;COUNT=1", freq);
	return kh_printf("%s;UNTIL=%s", freq, ics_date(e->until));
}

/* The "when" items the entry was made from: the task's, or the meeting's
 * for the entry's level. */
static kh_vec source_whens(const kh_tl_entry *e)
{
	kh_vec v = { 0 };
	if (e->task)
		return e->task->due;
	for (size_t i = 0; i < e->meeting->when.n; i++) {
		const kh_leveled_when *lw = KH_VEC_AT(e->meeting->when, kh_leveled_when, i);
		if (e->level && lw->level && lw->level != e->level)
			continue;
		for (size_t j = 0; j < lw->when.n; j++)
			kh_vec_push(&v, lw->when.items[j]);
	}
	return v;
}

/* Where a recurring entry says it recurs ("hằng_năm"), for a note. */
static kh_span recurrence_span(const kh_tl_entry *e)
{
	kh_vec v = source_whens(e);
	for (size_t i = 0; i < v.n; i++)
		if (KH_VEC_AT(v, kh_when, i)->type == KH_WHEN_RECURRENCE)
			return KH_VEC_AT(v, kh_when, i)->span;
	return e->span;
}

/* The source item that dates a recurring entry ("từ năm 2023" in "từ năm
 * 2023, hằng năm"): the first dated one of the task or meeting level. */
static const kh_when *anchor_of(const kh_tl_entry *e)
{
	kh_vec v = source_whens(e);
	for (size_t i = 0; i < v.n; i++) {
		const kh_when *w = KH_VEC_AT(v, kh_when, i);
		if (w->dated && w->type != KH_WHEN_RECURRENCE && w->type != KH_WHEN_TBA &&
		    w->type != KH_WHEN_RELATIVE)
			return w;
	}
	return e->when;
}

/* The type of the entry's date: for a recurring entry, its anchor's. */
static kh_when_type date_type(const kh_tl_entry *e)
{
	if (e->kind == KH_TL_RECURRING)
		return anchor_of(e)->type;
	return e->when->type;
}

/* "11/5–20/5/2017", "1/10/2023–31/1/2024" (as timeline labels write windows). */
static const char *window_vi(kh_day s, kh_day e)
{
	int ys, ms, ds, ye, me, de;
	kh_date_split(s, &ys, &ms, &ds);
	kh_date_split(e, &ye, &me, &de);
	if (s == e)
		return sch_day_vi(s);
	if (ys == ye)
		return kh_printf("%d/%d–%d/%d/%d", ds, ms, de, me, ye);
	return kh_printf("%s–%s", sch_day_vi(s), sch_day_vi(e));
}

typedef enum placed { PLACED_EVENT, PLACED_DUE } placed;

/* How a date that is not one fixed day sits in the calendar, or NULL. */
static const char *placement_note(const kh_when *w, kh_when_type type, placed how)
{
	if (type == KH_WHEN_SPAN)
		return NULL; /* "từ … đến …" sits in the calendar as written */
	if (type == KH_WHEN_FROM)
		return kh_printf("Trong lịch: ngày bắt đầu%s; văn bản không ghi hạn kết thúc.",
				 is_window(w) ? kh_printf(" (đầu khoảng %s)", window_vi(w->start, w->end)) : "");
	if (is_window(w))
		return kh_printf("Trong lịch: %s ngày cuối của khoảng %s.",
				 how == PLACED_DUE ? "hạn là" : "đặt vào", window_vi(w->start, w->end));
	if (type == KH_WHEN_DEADLINE && how == PLACED_EVENT)
		return kh_printf("Trong lịch: đặt vào hạn cuối %s; ngày cụ thể chưa xác định.",
				 sch_day_vi(w->end));
	return NULL;
}

/* What every calendar item of one run needs. */
typedef struct ics_ctx {
	const kh_program *prog;
	const kh_body *for_body;  /* --for, or NULL */
	const kh_ics_opts *opts;  /* may be NULL */
	const char *dtstamp;
	const char *plan_label;   /* said in every item's description: made once */
} ics_ctx;

/* How a series sits in the calendar: where each time falls when that is
 * not the anchor's last day, and where it ends (or that it has no end). */
static const char *series_note(const kh_tl_entry *e)
{
	const kh_when *w = e->when;
	kh_buf b = { 0 };
	if (e->first != w->end)
		kh_buf_printf(&b, "Trong lịch: mỗi lần có hạn vào ngày cuối %s (lần đầu: %s).\n",
			      w->recurrence == KH_RECUR_MONTHLY ? "tháng" : "năm", sch_day_vi(e->first));
	else if (is_window(w))
		kh_buf_printf(&b, "Trong lịch: mỗi lần lặp có hạn vào ngày cuối của khoảng (lần đầu: %s).\n",
			      window_vi(w->start, w->end));
	const char *until = kh_tl_until_label(e);
	if (until)
		kh_buf_printf(&b, "Lặp lại đến %s.", until);
	else
		kh_buf_puts(&b, "Văn bản không ghi thời gian kết thúc: trong lịch chỉ có lần đầu.");
	return kh_buf_cstr(&b);
}

/* DESCRIPTION: when, who, to whom, what it asks of the --for body, how it
 * sits in the calendar, the plan. NOTE (may be NULL) says where an
 * undecided date was placed. */
static const char *ics_description(const ics_ctx *c, const kh_tl_entry *e, const char *rule,
				   const char *note)
{
	const kh_when *w = e->when;
	kh_buf b = { 0 };
	kh_buf_printf(&b, "Thời gian: %s", kh_when_label(w));
	if (w->planned && !strstr(kh_when_label(w), "dự kiến"))
		kh_buf_puts(&b, " (dự kiến)");
	if (e->level)
		kh_buf_printf(&b, "\nCấp: %s", sch_level_name(e->level));
	if (e->meeting) {
		const char *d = sch_meeting_details(e, "\n");
		if (*d) {
			/* "tổ chức: X" -> "Tổ chức: X" on its own line. */
			char *t = kh_strdup(d);
			for (char *p = t; *p; p++)
				if ((p == t || p[-1] == '\n') && *p >= 'a' && *p <= 'z')
					*p = (char)(*p - 'a' + 'A');
			kh_buf_printf(&b, "\n%s", t);
		}
	} else {
		if (e->owners.n)
			kh_buf_printf(&b, "\nThực hiện: %s", sch_refs_joined(&e->owners, ", "));
		if (e->task->cooperate.n)
			kh_buf_printf(&b, "\nPhối hợp: %s", sch_refs_joined(&e->task->cooperate, ", "));
		if (e->task->send_to.n) {
			kh_buf_printf(&b, "\nGửi: %s", sch_refs_joined(&e->task->send_to, ", "));
			if (e->task->via.n)
				kh_buf_printf(&b, " (qua %s)", sch_refs_joined(&e->task->via, ", "));
		}
	}
	if (c->for_body)
		kh_buf_printf(&b, "\nVai trò của %s: %s", sch_body_name(c->for_body),
			      kh_tl_roles_label(kh_tl_roles(e, c->for_body)));
	if (e->kind == KH_TL_RECURRING && !rule)
		kh_buf_puts(&b, "\nKhông có chu kỳ xác định: không lặp lại trong lịch.");
	if (note)
		kh_buf_printf(&b, "\n%s", note);
	kh_buf_printf(&b, "\nVăn bản: %s", c->plan_label);
	return kh_buf_cstr(&b);
}

/* Meetings last whole days: 1 or 2 half-days are one day. */
static long meeting_days(const kh_tl_entry *e)
{
	return e->duration > 0 ? (e->duration + 1) / 2 : 1;
}

static void ics_event(kh_buf *out, const ics_ctx *c, const kh_tl_entry *e)
{
	const kh_when *w = e->when;
	kh_when_type type = date_type(e);
	long days = meeting_days(e);
	const char *rule = rrule(e);
	bool exact = !is_window(w) && (type == KH_WHEN_ON || type == KH_WHEN_FROM);
	kh_day start;
	if (rule) {
		start = e->first;            /* each time on the last day of its window */
	} else if (type == KH_WHEN_SPAN) {
		start = w->start;            /* the whole window, as the plan fixes it */
		days = w->end - w->start + 1;
		exact = true;
	} else if (exact || type == KH_WHEN_FROM) {
		start = w->start;
	} else {
		start = w->end - days + 1;   /* the last days it can be held on */
	}
	const char *note = rule ? series_note(e) : placement_note(w, type, PLACED_EVENT);
	ics_line(out, "BEGIN:VEVENT");
	ics_text(out, "UID", kh_printf("%s@kehoach", e->uid));
	ics_raw(out, "DTSTAMP", c->dtstamp);
	ics_date_prop(out, "DTSTART", start);
	ics_date_prop(out, "DTEND", start + days);
	if (rule)
		ics_raw(out, "RRULE", rule);
	ics_text(out, "SUMMARY", sch_entry_title(e));
	ics_text(out, "DESCRIPTION", ics_description(c, e, rule, note));
	ics_raw(out, "STATUS", w->planned || !exact ? "TENTATIVE" : "CONFIRMED");
	ics_line(out, "END:VEVENT");
}

/* The same deadline as an all-day event, for calendars that ignore VTODO
 * (Google, iOS). */
static void ics_mirror(kh_buf *out, const ics_ctx *c, const kh_tl_entry *e, kh_day day,
		       bool is_due, const char *rule, const char *desc)
{
	ics_line(out, "BEGIN:VEVENT");
	ics_text(out, "UID", kh_printf("%s-event@kehoach", e->uid));
	ics_raw(out, "DTSTAMP", c->dtstamp);
	ics_date_prop(out, "DTSTART", day);
	ics_date_prop(out, "DTEND", day + 1);
	if (rule)
		ics_raw(out, "RRULE", rule);
	ics_text(out, "SUMMARY", kh_printf("%s: %s", is_due ? "Hạn" : "Bắt đầu", sch_entry_title(e)));
	ics_text(out, "DESCRIPTION", desc);
	ics_raw(out, "STATUS", e->when->planned ? "TENTATIVE" : "CONFIRMED");
	ics_raw(out, "TRANSP", "TRANSPARENT");
	ics_line(out, "END:VEVENT");
}

static void ics_todo(kh_buf *out, const ics_ctx *c, const kh_tl_entry *e)
{
	const kh_when *w = e->when;
	kh_when_type type = date_type(e);
	const char *rule = rrule(e);
	bool has_due, has_start;
	kh_day due = w->end, start = w->start;
	if (rule) {
		/* Every time due on the last day of its window, and repeating. */
		has_due = has_start = true;
		start = due = e->first;
	} else if (type == KH_WHEN_FROM) {
		has_due = false;             /* a start, open-ended */
		has_start = true;
	} else {
		has_due = true;
		has_start = type == KH_WHEN_SPAN || (type == KH_WHEN_ON && is_window(w));
	}
	const char *note = rule ? series_note(e) : placement_note(w, type, PLACED_DUE);
	const char *desc = ics_description(c, e, rule, note);
	ics_line(out, "BEGIN:VTODO");
	ics_text(out, "UID", kh_printf("%s@kehoach", e->uid));
	ics_raw(out, "DTSTAMP", c->dtstamp);
	if (has_start)
		ics_date_prop(out, "DTSTART", start);
	if (has_due)
		ics_date_prop(out, "DUE", due);
	if (rule)
		ics_raw(out, "RRULE", rule);
	ics_text(out, "SUMMARY", sch_entry_title(e));
	ics_text(out, "DESCRIPTION", desc);
	ics_raw(out, "STATUS", "NEEDS-ACTION");
	ics_line(out, "END:VTODO");
	if (c->opts && c->opts->mirror_events)
		ics_mirror(out, c, e, has_due ? due : start, has_due, rule, desc);
}

/* In the calendar: every entry with a date. */
static bool in_calendar(const kh_tl_entry *e)
{
	return e->when && e->when->dated &&
	       (e->kind == KH_TL_DEADLINE || e->kind == KH_TL_MEETING || e->kind == KH_TL_RECURRING);
}

/* A recurring duty without a date is left out, never silently. */
static void note_left_out(const ics_ctx *c, const kh_tl_entry *e)
{
	if (e->kind != KH_TL_RECURRING || in_calendar(e) || !c->opts || !c->opts->notes)
		return;
	kh_diag_add(c->opts->notes, KH_NOTE, recurrence_span(e), NULL,
		    _("'%s' recurs (%s) but has no start date: not in the calendar"), e->item_id,
		    kh_when_label(e->when));
}

int kh_emit_schedule_ics(const kh_program *prog, const kh_body *for_body,
			 const kh_ics_opts *opts, kh_buf *out)
{
	ics_ctx c = { prog, for_body, opts, opts ? opts->dtstamp : NULL,
		      prog->plan ? sch_plan_label(prog->plan) : NULL };
	escaped = (kh_buf){ 0 };
	if (c.dtstamp && !dtstamp_ok(c.dtstamp)) {
		fprintf(stderr, _("kehoach: error: invalid DTSTAMP '%s': expected a UTC time "
				"such as 20260101T000000Z\n"), c.dtstamp);
		return 2;
	}
	if (!c.dtstamp) {
		/* Reproducible without a clock: the plan's date, else the epoch. */
		c.dtstamp = prog->plan && prog->plan->has_date
				    ? kh_printf("%sT000000Z", ics_date(prog->plan->date))
				    : "19700101T000000Z";
	}
	kh_vec v = prog->plan ? sch_entries_for(prog, for_body) : (kh_vec){ 0 };
	/* What is left out is said before anything is written (a streamed
	 * calendar follows its notes). */
	size_t n_placed = 0;
	for (size_t i = 0; i < v.n; i++) {
		n_placed += in_calendar(KH_VEC_AT(v, kh_tl_entry, i));
		note_left_out(&c, KH_VEC_AT(v, kh_tl_entry, i));
	}
	/* RFC 5545 3.6: a calendar holds at least one component. */
	if (!n_placed) {
		const char *path = prog->path ? prog->path : "-";
		if (for_body)
			fprintf(stderr, _("kehoach: %s (for %s) has no dated duty or meeting to put in a "
					  "calendar (an empty iCalendar file is not valid): nothing written\n"),
				path, sch_body_name(for_body));
		else
			fprintf(stderr, _("kehoach: %s has no dated duty or meeting to put in a calendar "
					  "(an empty iCalendar file is not valid): nothing written\n"),
				path);
		return 1;
	}
	if (opts && opts->notes_done)
		opts->notes_done(opts->notes_ctx);
	ics_line(out, "BEGIN:VCALENDAR");
	ics_raw(out, "VERSION", "2.0");
	ics_raw(out, "PRODID", "-//kehoach//kehoach schedule//VI");
	ics_raw(out, "CALSCALE", "GREGORIAN");
	const char *name = c.plan_label;
	if (for_body)
		name = kh_printf("%s — %s", name, sch_body_name(for_body));
	ics_text(out, "X-WR-CALNAME", name);
	for (size_t i = 0; i < v.n; i++) {
		const kh_tl_entry *e = KH_VEC_AT(v, kh_tl_entry, i);
		if (!in_calendar(e))
			continue; /* said above */
		if (e->meeting)
			ics_event(out, &c, e);
		else
			ics_todo(out, &c, e);
	}
	ics_line(out, "END:VCALENDAR");
	escaped = (kh_buf){ 0 };
	return 0;
}


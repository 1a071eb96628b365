/*
 * test_views.c - what each body's views hold and how recurring duties
 * end: the plan's period (resolve_period.c), the end of every series and
 * which rule gave it (timeline.c), RRULE UNTIL/COUNT and the note for a
 * recurring duty left out of the calendar (emit_schedule.c), and the
 * roles an entry gives each body (timeline_roles.c) as --for and the
 * checklist's sections show them.
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "alloc.h"
#include "diag.h"
#include "emit.h"
#include "resolve.h"
#include "timeline.h"

#define CHECK_ICS KH_STDLIB_DIR "/../tests/ics/check_ics.py"

static const char *HEAD =
	"cấp tỉnh \"Cấp tỉnh\"\n"
	"cấp huyện \"Cấp huyện\" dưới tỉnh\n"
	"cấp xã \"Cấp xã\" dưới huyện\n"
	"cơ_quan tinh_uy \"Tỉnh ủy\" cấp tỉnh\n"
	"cơ_quan btv \"Ban Thường vụ Tỉnh ủy\" cấp tỉnh thuộc tinh_uy\n"
	"cơ_quan btc \"Ban Tổ chức Tỉnh ủy\" cấp tỉnh thuộc tinh_uy\n"
	"cơ_quan vp \"Văn phòng Tỉnh ủy\" cấp tỉnh thuộc tinh_uy\n"
	"cơ_quan qs \"Đảng ủy Quân sự tỉnh\" cấp tỉnh\n"
	"cơ_quan hu \"Huyện ủy\" cấp huyện\n"
	"cơ_quan dang_uy_xa \"Đảng ủy xã\" cấp xã\n"
	"cơ_quan qk \"Quân khu 5\"\n";

/* HEAD, then a plan with TITLE (NULL: none) and BODY. */
static kh_program *plan(const char *title, const char *body)
{
	const char *text = kh_printf("%s"
				     "kế_hoạch \"9-KH/TU\" {\n"
				     "  ban_hành btv\n"
				     "  ngày 16/8/2019\n"
				     "%s"
				     "%s"
				     "}\n",
				     HEAD, title ? kh_printf("  trích_yếu \"%s\"\n", title) : "", body);
	kh_resolve_opts opts = { 0 };
	kh_diags d;
	memset(&d, 0, sizeof d);
	kh_program *p = kh_resolve_bytes("views.kh", text, strlen(text), &opts, &d);
	assert_non_null(p);
	if (d.errors) {
		kh_buf b = { 0 };
		kh_diags_print_text(&d, &b, 0);
		fprintf(stderr, "%s", kh_buf_cstr(&b));
	}
	assert_int_equal(d.errors, 0);
	return p;
}

static const kh_tl_entry *entry(const kh_program *p, const char *id)
{
	kh_vec v = kh_timeline_build(p);
	for (size_t i = 0; i < v.n; i++) {
		const kh_tl_entry *e = KH_VEC_AT(v, kh_tl_entry, i);
		if (!strcmp(e->item_id, id))
			return e;
	}
	fail_msg("no entry %s", id);
	return NULL;
}

static const kh_body *body(const kh_program *p, const char *id)
{
	for (size_t i = 0; i < p->bodies.n; i++) {
		const kh_body *b = KH_VEC_AT(p->bodies, kh_body, i);
		if (!strcmp(b->id, id))
			return b;
	}
	fail_msg("no body %s", id);
	return NULL;
}

static kh_day ymd(int y, int m, int d)
{
	return kh_date_make(y, m, d);
}

/* The calendar, unfolded, CRLF as LF; NOTES (may be NULL) gets its notes. */
static const char *ics(const kh_program *p, const kh_body *for_body, kh_diags *notes)
{
	kh_ics_opts o = { .dtstamp = "20260101T000000Z", .notes = notes };
	kh_buf out = { 0 };
	assert_int_equal(kh_emit_schedule_ics(p, for_body, &o, &out), 0);
	kh_buf b = { 0 };
	for (const char *s = kh_buf_cstr(&out); *s; s++) {
		if (s[0] == '\r' && s[1] == '\n') {
			s++;
			if (s[1] == ' ')
				s++;
			else
				kh_buf_putc(&b, '\n');
			continue;
		}
		kh_buf_putc(&b, *s);
	}
	return kh_buf_cstr(&b);
}

/* The lines of the item with UID "9-KH/TU/2019/252c29b6/<id>@kehoach". */
static const char *item(const char *cal, const char *id)
{
	const char *u = strstr(cal, kh_printf("\nUID:9-KH/TU/2019/252c29b6/%s@kehoach\n", id));
	if (!u)
		fail_msg("no calendar item %s", id);
	const char *end = strstr(u, "\nEND:");
	return kh_strndup(u, (size_t)(end - u));
}

/* ------------------------------------------------------------------ */
/* The plan's period                                                  */

static void test_title_period(void **state)
{
	(void)state;
	static const struct {
		const char *title;
		bool found;
		int year;
		const char *text;
	} cases[] = {
		{ "Thực hiện Nghị quyết giai đoạn 2021 - 2025", true, 2025, "giai đoạn 2021–2025" },
		{ "THỰC HIỆN NGHỊ QUYẾT GIAI ĐOẠN 2021–2025", true, 2025, "giai đoạn 2021–2025" },
		{ "nhiệm kỳ 2020-2025", true, 2025, "giai đoạn 2020–2025" },
		{ "Kế hoạch 5 năm 2021 — 2025", true, 2025, "giai đoạn 2021–2025" },
		{ "giai đoạn 2021 - 2025, định hướng đến năm 2030", true, 2025, "giai đoạn 2021–2025" },
		{ "Phát triển đến năm 2030", true, 2030, "đến năm 2030" },
		{ "Sinh hoạt chi bộ trong giai đoạn mới", false, 0, NULL },
		/* dates are not a period; neither is a range in the wrong order */
		{ "Kỷ niệm (22/12/1989 - 22/12/2019)", false, 0, NULL },
		{ "giai đoạn 2025 - 2021", false, 0, NULL },
		{ "giai đoạn 20211 - 2025", false, 0, NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		kh_program *p = plan(cases[i].title, "");
		const kh_plan_period *pp = &p->plan->period;
		if (pp->has_title != cases[i].found)
			fail_msg("'%s': period %s", cases[i].title, pp->has_title ? "found" : "not found");
		if (!cases[i].found)
			continue;
		assert_int_equal(pp->title_end, ymd(cases[i].year, 12, 31));
		assert_string_equal(pp->title_text, cases[i].text);
	}
}

static void test_last_dated(void **state)
{
	(void)state;
	/* a meeting counts; a "từ" window by its start; a recurring duty's
	 * own date does not; TBA and undated items do not */
	kh_program *p = plan(NULL,
		"  nhiệm_vụ a \"A\" { giao btc; hạn trước 30/8/2019 }\n"
		"  nhiệm_vụ b \"B\" { giao btc; hạn từ tháng 12/2019 }\n"
		"  nhiệm_vụ c \"C\" { giao btc; hạn từ năm 2025, hằng_năm }\n"
		"  nhiệm_vụ d \"D\" { giao btc; hạn thông_báo_sau }\n"
		"  hội_nghị h \"H\" { cấp tỉnh; tổ_chức btv; thời_gian trong tháng 10/2019 }\n");
	assert_true(p->plan->period.has_last);
	assert_int_equal(p->plan->period.last, ymd(2019, 12, 1));
	assert_false(p->plan->period.has_title);
	kh_program *q = plan(NULL, "  nhiệm_vụ c \"C\" { giao btc; hạn từ năm 2025, hằng_năm }\n");
	assert_false(q->plan->period.has_last);
}

/* ------------------------------------------------------------------ */
/* Where each series ends                                             */

static void test_until_rules(void **state)
{
	(void)state;
	kh_program *p = plan("Thực hiện Nghị quyết giai đoạn 2021 - 2025",
		"  nhiệm_vụ own \"Trong năm\" { giao btc; hạn trong năm 2024, hằng_tháng }\n"
		"  nhiệm_vụ tieu_de \"Từ năm\" { giao btc; hạn từ năm 2021, hằng_năm }\n"
		"  nhiệm_vụ muon \"Sau giai đoạn\" { giao btc; hạn từ năm 2026, hằng_năm }\n"
		"  nhiệm_vụ muon_nhat \"Muộn nhất\" { giao btc; hạn trước 30/6/2027 }\n"
		"  nhiệm_vụ sau_ca \"Sau cả\" { giao btc; hạn từ năm 2028, hằng_năm }\n");
	/* the duty's own window, longer than one month: inside it */
	const kh_tl_entry *e = entry(p, "own");
	assert_true(e->series);
	assert_int_equal(e->first, ymd(2024, 1, 31));
	assert_int_equal(e->until_from, KH_UNTIL_OWN);
	assert_int_equal(e->until, ymd(2024, 12, 31));
	/* a start: the title's period, though a later deadline exists
	 * (explicit wins over inferred) */
	e = entry(p, "tieu_de");
	assert_int_equal(e->first, ymd(2021, 12, 31));
	assert_int_equal(e->until_from, KH_UNTIL_TITLE);
	assert_int_equal(e->until, ymd(2025, 12, 31));
	assert_string_equal(kh_tl_until_label(e), "31/12/2025 (giai đoạn 2021–2025, theo trích yếu)");
	/* the title's period is over before it starts: the plan's last date */
	e = entry(p, "muon");
	assert_int_equal(e->until_from, KH_UNTIL_LAST);
	assert_int_equal(e->until, ymd(2027, 6, 30));
	assert_string_equal(kh_tl_until_label(e), "30/6/2027 (mốc thời gian cuối cùng của kế hoạch)");
	/* nothing ends after its first time: no end */
	e = entry(p, "sau_ca");
	assert_true(e->series);
	assert_int_equal(e->until_from, KH_UNTIL_NONE);
	assert_null(kh_tl_until_label(e));
	assert_false(entry(p, "muon_nhat")->series);
}

static void test_series_first(void **state)
{
	(void)state;
	kh_program *p = plan(NULL,
		"  nhiệm_vụ q \"Quý\" { giao btc; hạn từ quý I/2024, hằng_tháng }\n"
		"  nhiệm_vụ d \"Ngày\" { giao btc; hạn từ 15/11/2023, hằng_tháng }\n"
		"  nhiệm_vụ y \"Tháng\" { giao btc; hạn trong tháng 11/2023, hằng_năm }\n"
		"  nhiệm_vụ c \"Thường xuyên\" { giao btc; hạn từ tháng 11/2023, thường_xuyên }\n"
		"  nhiệm_vụ t \"Hạn\" { giao btc; hạn trước 31/12/2030 }\n");
	/* each time on the last day of its window, the first in the anchor's */
	assert_int_equal(entry(p, "q")->first, ymd(2024, 1, 31));
	assert_int_equal(entry(p, "q")->until_from, KH_UNTIL_LAST);   /* a start bounds nothing */
	assert_int_equal(entry(p, "d")->first, ymd(2023, 11, 15));
	assert_int_equal(entry(p, "y")->first, ymd(2023, 11, 30));
	assert_int_equal(entry(p, "y")->until_from, KH_UNTIL_LAST);   /* one year: not its own end */
	/* no frequency: no series */
	assert_false(entry(p, "c")->series);
}

/* ------------------------------------------------------------------ */
/* iCalendar                                                          */

static void test_rrule_until(void **state)
{
	(void)state;
	kh_program *p = plan("giai đoạn 2021 - 2025",
		"  nhiệm_vụ own \"Trong năm\" { giao btc; hạn trong năm 2024, hằng_tháng }\n"
		"  nhiệm_vụ tieu_de \"Từ năm\" { giao btc; hạn từ năm 2021, hằng_năm }\n"
		"  nhiệm_vụ none \"Không hết\" { giao btc; hạn từ năm 2030, hằng_năm }\n"
		"  hội_nghị h \"Giao ban\" { cấp tỉnh; tổ_chức btv; thời_gian từ 5/1/2021, hằng_tháng }\n");
	const char *cal = ics(p, NULL, NULL);
	const char *own = item(cal, "own");
	assert_non_null(strstr(own, "\nDTSTART;VALUE=DATE:20240131\nDUE;VALUE=DATE:20240131\n"
				    "RRULE:FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20241231\n"));
	assert_non_null(strstr(own, "mỗi lần có hạn vào ngày cuối tháng (lần đầu: 31/1/2024)"));
	assert_non_null(strstr(own, "Lặp lại đến 31/12/2024 (hết khoảng thời gian đã ghi)."));
	const char *title = item(cal, "tieu_de");
	assert_non_null(strstr(title, "\nRRULE:FREQ=YEARLY;UNTIL=20251231\n"));
	assert_non_null(strstr(title, "Lặp lại đến 31/12/2025 (giai đoạn 2021–2025\\, theo trích yếu)."));
	/* never endless: the first time only, and it says so */
	const char *none = item(cal, "none");
	assert_non_null(strstr(none, "\nRRULE:FREQ=YEARLY;COUNT=1\n"));
	assert_non_null(strstr(none, "không ghi thời gian kết thúc: trong lịch chỉ có lần đầu"));
	assert_non_null(strstr(item(cal, "h"), "\nDTSTART;VALUE=DATE:20210105\nDTEND;VALUE=DATE:20210106\n"
					       "RRULE:FREQ=MONTHLY;UNTIL=20251231\n"));
	/* no RRULE without an end */
	for (const char *r = strstr(cal, "RRULE:"); r; r = strstr(r + 1, "RRULE:")) {
		const char *eol = strchr(r, '\n');
		const char *line = kh_strndup(r, (size_t)(eol - r));
		assert_true(strstr(line, ";UNTIL=") || strstr(line, ";COUNT=1"));
	}
}

/* The calendar through check_ics.py, which checks UNTIL >= DTSTART. */
static void test_until_checked(void **state)
{
	(void)state;
	if (system("/usr/bin/python3 -c 'import icalendar' 2>/dev/null") != 0) {
		fprintf(stderr, "note: python3-icalendar missing; check_ics.py not run\n");
		return;
	}
	kh_program *p = plan("giai đoạn 2021 - 2025",
		"  nhiệm_vụ own \"Trong năm\" { giao btc; hạn trong năm 2024, hằng_tháng }\n"
		"  nhiệm_vụ tieu_de \"Từ năm\" { giao btc; hạn từ tháng 2/2024, hằng_tháng }\n"
		"  nhiệm_vụ none \"Không hết\" { giao btc; hạn từ năm 2030, hằng_năm }\n");
	kh_ics_opts o = { .mirror_events = true, .dtstamp = "20260101T000000Z" };
	kh_buf out = { 0 };
	assert_int_equal(kh_emit_schedule_ics(p, NULL, &o, &out), 0);
	char path[] = "/tmp/kh-views-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, out.data, out.len), (ssize_t)out.len);
	close(fd);
	int rc = system(kh_printf("/usr/bin/python3 %s %s >/dev/null", CHECK_ICS, path));
	unlink(path);
	assert_int_equal(rc, 0);
}

static void test_undated_recurring_note(void **state)
{
	(void)state;
	kh_program *p = plan(NULL,
		"  nhiệm_vụ a \"Có ngày\" { giao btc; hạn trước 30/8/2019 }\n"
		"  nhiệm_vụ m \"Hằng tháng\" { giao btc; hạn hằng_tháng }\n"
		"  nhiệm_vụ c \"Thường xuyên\" { giao qs; hạn thường_xuyên }\n");
	kh_diags notes;
	memset(&notes, 0, sizeof notes);
	const char *cal = ics(p, NULL, &notes);
	assert_null(strstr(cal, "9-KH/TU/2019/252c29b6/m@"));
	assert_int_equal(notes.count, 2);
	assert_int_equal(notes.errors + notes.warnings, 0);
	kh_buf b = { 0 };
	kh_diags_print_text(&notes, &b, 0);
	const char *t = kh_buf_cstr(&b);
	assert_non_null(strstr(t, "views.kh:16:43: note: 'm' recurs (hằng tháng) but has no start "
				  "date: not in the calendar\n"));
	assert_non_null(strstr(t, "note: 'c' recurs (thường xuyên) but has no start date"));
	/* --for: only the body's; a body with nothing dated gets no calendar
	 * (an empty VCALENDAR is invalid), but still the note. */
	kh_diags mine;
	memset(&mine, 0, sizeof mine);
	kh_ics_opts o = { .dtstamp = "20260101T000000Z", .notes = &mine };
	kh_buf none = { 0 };
	assert_int_equal(kh_emit_schedule_ics(p, body(p, "qs"), &o, &none), 1);
	assert_int_equal(none.len, 0);
	assert_int_equal(mine.count, 1);
	/* the text and CSV schedules still list it */
	kh_buf txt = { 0 }, csv = { 0 };
	assert_int_equal(kh_emit_schedule_text(p, NULL, &txt), 0);
	assert_non_null(strstr(kh_buf_cstr(&txt), "  - hằng tháng — Ban Tổ chức Tỉnh ủy: Hằng tháng\n"));
	assert_int_equal(kh_emit_schedule_csv(p, NULL, &csv), 0);
	assert_non_null(strstr(kh_buf_cstr(&csv), ",,recurring,monthly,false,,Ban Tổ chức Tỉnh ủy,"
						  "Hằng tháng,,,9-KH/TU/2019/252c29b6/m,hằng tháng,\r\n"));
}

/* ------------------------------------------------------------------ */
/* Roles                                                              */

static const char *ROLES_PLAN =
	"  nhiệm_vụ bc \"Báo cáo\" { giao cấp huyện; phối_hợp qs; gửi btv qua btc; hạn trước 30/8/2019 }\n"
	"  nhiệm_vụ xa \"Báo cáo xã\" { giao cấp xã; gửi cấp_trên; hạn trước 20/8/2019 }\n"
	"  nhiệm_vụ cua_tu \"Của Tỉnh ủy\" { giao tinh_uy; gửi qs; hạn trước 10/9/2019 }\n"
	"  hội_nghị hn \"Hội nghị\" {\n"
	"    cấp tỉnh\n"
	"    tổ_chức vp\n"
	"    chủ_trì btv\n"
	"    thời_gian trước 30/9/2019\n"
	"    thành_phần { dự tinh_uy \"Tỉnh ủy\"; nhóm \"Khách\" { mời qk, qs } }\n"
	"  }\n";

static void test_roles(void **state)
{
	(void)state;
	kh_program *p = plan(NULL, ROLES_PLAN);
	const kh_tl_entry *bc = entry(p, "bc"), *xa = entry(p, "xa"), *tu = entry(p, "cua_tu");
	const kh_tl_entry *hn = entry(p, "hn");
	assert_int_equal(kh_tl_roles(bc, body(p, "hu")), KH_ROLE_OWNER);
	assert_int_equal(kh_tl_roles(bc, body(p, "qs")), KH_ROLE_COOPERATE);
	assert_int_equal(kh_tl_roles(bc, body(p, "btv")), KH_ROLE_RECEIVE);
	assert_int_equal(kh_tl_roles(bc, body(p, "btc")), KH_ROLE_VIA);
	assert_int_equal(kh_tl_roles(bc, body(p, "vp")), 0);
	/* "gửi cấp_trên": the level above the owners' */
	assert_int_equal(kh_tl_roles(xa, body(p, "hu")), KH_ROLE_RECEIVE);
	assert_int_equal(kh_tl_roles(xa, body(p, "btv")), 0);
	/* a task of the Tỉnh ủy is its organs' too; what it receives is not */
	assert_int_equal(kh_tl_roles(tu, body(p, "btc")), KH_ROLE_OWNER);
	assert_int_equal(kh_tl_roles(tu, body(p, "qs")), KH_ROLE_RECEIVE);
	/* organiser, chair, attendees, guests; an organ of an attending body
	 * does not attend (btc thuộc tu, tu attends) */
	assert_int_equal(kh_tl_roles(hn, body(p, "vp")), KH_ROLE_ORGANISER);
	assert_int_equal(kh_tl_roles(hn, body(p, "btv")), KH_ROLE_CHAIR);
	assert_int_equal(kh_tl_roles(hn, body(p, "tinh_uy")), KH_ROLE_ATTEND);
	assert_int_equal(kh_tl_roles(hn, body(p, "btc")), 0);
	assert_int_equal(kh_tl_roles(hn, body(p, "qk")), KH_ROLE_GUEST);
	assert_int_equal(kh_tl_roles(hn, body(p, "qs")), KH_ROLE_GUEST);
	assert_true(kh_tl_concerns(hn, body(p, "qk")));
	assert_false(kh_tl_concerns(hn, body(p, "hu")));
	assert_false(kh_tl_concerns(NULL, body(p, "hu")));
}

static void test_role_labels(void **state)
{
	(void)state;
	assert_string_equal(kh_tl_roles_label(KH_ROLE_OWNER), "chủ trì");
	assert_string_equal(kh_tl_roles_label(KH_ROLE_COOPERATE), "phối hợp");
	assert_string_equal(kh_tl_roles_label(KH_ROLE_RECEIVE), "nhận báo cáo");
	assert_string_equal(kh_tl_roles_label(KH_ROLE_VIA), "tiếp nhận, tổng hợp (qua)");
	assert_string_equal(kh_tl_roles_label(KH_ROLE_ATTEND | KH_ROLE_GUEST), "dự họp");
	assert_string_equal(kh_tl_roles_label(KH_ROLE_GUEST), "dự họp (khách mời)");
	assert_string_equal(kh_tl_roles_label(KH_ROLE_ORGANISER | KH_ROLE_CHAIR), "tổ chức; chủ trì");
	assert_string_equal(kh_tl_roles_label(KH_ROLE_OWNER | KH_ROLE_RECEIVE), "chủ trì; nhận báo cáo");
	assert_string_equal(kh_tl_roles_label(0), "");
	assert_string_equal(kh_tl_roles_names(KH_ROLE_COOPERATE | KH_ROLE_VIA), "cooperate;via");
}

static void test_for_views(void **state)
{
	(void)state;
	kh_program *p = plan(NULL, ROLES_PLAN);
	const kh_body *qs = body(p, "qs"), *btc = body(p, "btc");
	kh_buf md = { 0 };
	assert_int_equal(kh_emit_checklist_md(p, qs, &md), 0);
	const char *m = kh_buf_cstr(&md);
	assert_non_null(strstr(m, "- [ ] Báo cáo — hạn 30/8/2019 → gửi Ban Thường vụ Tỉnh ủy "
				  "(qua Ban Tổ chức Tỉnh ủy) (phối hợp)\n"));
	assert_non_null(strstr(m, "- [ ] Của Tỉnh ủy — hạn 10/9/2019 → gửi Đảng ủy Quân sự tỉnh "
				  "(nhận báo cáo)\n"));
	assert_non_null(strstr(m, "(dự họp (khách mời))\n"));
	kh_buf b2 = { 0 };
	assert_int_equal(kh_emit_checklist_md(p, btc, &b2), 0);
	const char *c = kh_buf_cstr(&b2);
	assert_non_null(strstr(c, "(qua Ban Tổ chức Tỉnh ủy) (tiếp nhận, tổng hợp (qua))\n"));
	assert_non_null(strstr(c, "- [ ] Của Tỉnh ủy — hạn 10/9/2019 → gửi Đảng ủy Quân sự tỉnh "
				  "(chủ trì; giao: Tỉnh ủy)\n"));
	assert_null(strstr(c, "Hội nghị"));
	/* schedule: text, CSV, iCalendar say the same role */
	kh_buf t = { 0 }, v = { 0 };
	assert_int_equal(kh_emit_schedule_text(p, qs, &t), 0);
	assert_non_null(strstr(kh_buf_cstr(&t), "(qua Ban Tổ chức Tỉnh ủy) (vai trò: phối hợp)\n"));
	assert_int_equal(kh_emit_schedule_csv(p, btc, &v), 0);
	assert_non_null(strstr(kh_buf_cstr(&v), ",9-KH/TU/2019/252c29b6/bc,trước 30/8/2019,via\r\n"));
	assert_non_null(strstr(kh_buf_cstr(&v), ",9-KH/TU/2019/252c29b6/cua_tu,trước 10/9/2019,owner\r\n"));
	const char *cal = ics(p, qs, NULL);
	assert_non_null(strstr(item(cal, "bc"), "\\nVai trò của Đảng ủy Quân sự tỉnh: phối hợp\\n"));
}

static void test_checklist_sections(void **state)
{
	(void)state;
	kh_program *p = plan(NULL, ROLES_PLAN);
	kh_buf out = { 0 };
	assert_int_equal(kh_emit_checklist_md(p, NULL, &out), 0);
	const char *m = kh_buf_cstr(&out);
	/* a cooperating body and a via body have sections of their own */
	const char *qs = strstr(m, "\n## Đảng ủy Quân sự tỉnh\n");
	const char *btc = strstr(m, "\n## Ban Tổ chức Tỉnh ủy\n");
	assert_non_null(qs);
	assert_non_null(btc);
	assert_non_null(strstr(qs, "(qua Ban Tổ chức Tỉnh ủy) (phối hợp)\n"));
	assert_non_null(strstr(btc, "(qua Ban Tổ chức Tỉnh ủy) (tiếp nhận, tổng hợp (qua))\n"));
	/* the level above receives the communes' reports */
	const char *huyen = strstr(m, "\n## Cấp huyện\n");
	assert_non_null(huyen);
	assert_non_null(strstr(huyen, "- [ ] Báo cáo xã — hạn 20/8/2019 → gửi cấp trên trực tiếp "
				      "(nhận báo cáo)\n"));
	/* the organ of the attending Tỉnh ủy is no attendee in its section */
	const char *end = strstr(btc + 1, "\n## ");
	const char *meeting = strstr(btc, "Hội nghị");
	assert_true(!meeting || (end && meeting > end));
	kh_buf csv = { 0 };
	assert_int_equal(kh_emit_checklist_csv(p, NULL, &csv), 0);
	assert_non_null(strstr(kh_buf_cstr(&csv), ",\"tiếp nhận, tổng hợp (qua)\",,nhiệm vụ,9-KH/TU/2019/252c29b6/bc,"));
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_title_period),
		cmocka_unit_test(test_last_dated),
		cmocka_unit_test(test_until_rules),
		cmocka_unit_test(test_series_first),
		cmocka_unit_test(test_rrule_until),
		cmocka_unit_test(test_until_checked),
		cmocka_unit_test(test_undated_recurring_note),
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_role_labels),
		cmocka_unit_test(test_for_views),
		cmocka_unit_test(test_checklist_sections),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

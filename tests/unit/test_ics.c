/*
 * test_ics.c - kehoach schedule --ics (RFC 5545) and the text and CSV
 * schedules: folding at exactly 75 octets without splitting a UTF-8
 * sequence, TEXT escaping, CRLF only, all-day DATE values, VTODO/VEVENT
 * shapes, TENTATIVE, RRULE, what is left out, mirror events, --for, and
 * UIDs kept across an unrelated edit. The four examples also go through
 * tests/ics/check_ics.py (python3-icalendar) when it is installed.
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
#include "emit.h"
#include "resolve.h"
#include "timeline.h"

#define EXAMPLES KH_STDLIB_DIR "/../examples/"
#define CHECK_ICS KH_STDLIB_DIR "/../tests/ics/check_ics.py"
#define CHECK_CSV KH_STDLIB_DIR "/../tests/csv/check_csv.py"

static const char *HEAD =
	"cấp tỉnh \"Cấp tỉnh\"\n"
	"cấp huyện \"Cấp huyện\" dưới tỉnh\n"
	"cấp xã \"Cấp xã\" dưới huyện\n"
	"cơ_quan btv \"Ban Thường vụ Tỉnh ủy\" cấp tỉnh\n"
	"cơ_quan btc \"Ban Tổ chức Tỉnh ủy\" cấp tỉnh thuộc btv\n"
	"cơ_quan vp \"Văn phòng Tỉnh ủy\" cấp tỉnh\n"
	"cơ_quan tt \"Thường trực Tỉnh ủy\" cấp tỉnh\n";

static kh_program *plan_text(const char *body)
{
	const char *text = kh_printf("%s"
				     "kế_hoạch \"5-KH/TU\" {\n"
				     "  ban_hành btv\n"
				     "  ngày 16/8/2019\n"
				     "%s"
				     "}\n",
				     HEAD, body);
	kh_resolve_opts opts = { 0 };
	kh_diags d;
	memset(&d, 0, sizeof d);
	kh_program *p = kh_resolve_bytes("plan.kh", text, strlen(text), &opts, &d);
	assert_non_null(p);
	if (d.errors) {
		kh_buf b = { 0 };
		kh_diags_print_text(&d, &b, 0);
		fprintf(stderr, "%s", kh_buf_cstr(&b));
	}
	assert_int_equal(d.errors, 0);
	return p;
}

static kh_program *load_example(const char *name)
{
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = KH_STDLIB_DIR;
	kh_diags d;
	memset(&d, 0, sizeof d);
	int io = 0;
	kh_program *p = kh_resolve_file(kh_printf("%s%s", EXAMPLES, name), &opts, &d, &io);
	assert_int_equal(io, 0);
	assert_non_null(p);
	return p;
}

static const char *ics(const kh_program *p, const kh_body *for_body, bool mirror)
{
	kh_ics_opts o = { .mirror_events = mirror, .dtstamp = "20260101T000000Z" };
	kh_buf out = { 0 };
	assert_int_equal(kh_emit_schedule_ics(p, for_body, &o, &out), 0);
	return kh_buf_cstr(&out);
}

/* Is S[0..n) valid UTF-8 (RFC 3629: no overlong, surrogate or > U+10FFFF)? */
static bool utf8_ok(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		size_t k;
		unsigned min;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			k = 1, min = 0x80, c &= 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			k = 2, min = 0x800, c &= 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			k = 3, min = 0x10000, c &= 0x07;
		} else {
			return false;
		}
		if (i + k >= n)
			return false;
		for (size_t j = 1; j <= k; j++) {
			if ((s[i + j] & 0xC0) != 0x80)
				return false;
			c = (c << 6) | (s[i + j] & 0x3F);
		}
		if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			return false;
		i += k + 1;
	}
	return true;
}

/* The raw-byte rules: CRLF only, physical lines of at most 75 octets, each
 * valid UTF-8 on its own. Returns the number of physical lines. */
static size_t check_physical(const char *s)
{
	size_t lines = 0;
	const char *p = s;
	assert_true(strlen(s) > 0);
	while (*p) {
		const char *eol = strstr(p, "\r\n");
		if (!eol)
			fail_msg("text after the last CRLF: %.40s", p);
		for (const char *q = p; q < eol; q++)
			if (*q == '\r' || *q == '\n')
				fail_msg("bare CR or LF in line %zu", lines + 1);
		size_t n = (size_t)(eol - p);
		if (n > 75)
			fail_msg("line %zu has %zu octets: %.*s", lines + 1, n, (int)n, p);
		if (!utf8_ok((const unsigned char *)p, n))
			fail_msg("line %zu is not valid UTF-8 on its own", lines + 1);
		lines++;
		p = eol + 2;
	}
	return lines;
}

/* Unfolds (RFC 5545 §3.1: remove CRLF + one space) into logical lines
 * separated by "\n". */
static const char *unfold(const char *s)
{
	kh_buf b = { 0 };
	for (const char *p = s; *p; p++) {
		if (p[0] == '\r' && p[1] == '\n') {
			if (p[2] == ' ' || p[2] == '\t') {
				p += 2;
				continue;
			}
			kh_buf_putc(&b, '\n');
			p++;
			continue;
		}
		kh_buf_putc(&b, *p);
	}
	return kh_buf_cstr(&b);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* The logical lines of the component whose UID line is "UID:<uid>". */
static const char *component(const char *unfolded, const char *uid)
{
	const char *u = strstr(unfolded, kh_printf("\nUID:%s\n", uid));
	if (!u)
		fail_msg("no component with UID %s", uid);
	const char *begin = u;
	while (begin > unfolded && strncmp(begin, "\nBEGIN:", 7))
		begin--;
	const char *end = strstr(u, "\nEND:");
	const char *eol = strchr(end + 1, '\n');
	return kh_strndup(begin + 1, (size_t)(eol - begin));
}

/* ------------------------------------------------------------------ */

static void test_fold_exactly_75(void **state)
{
	(void)state;
	/* "SUMMARY:" is 8 octets: 67 more make a line of exactly 75 (not
	 * folded); 68 make 76 (folded once, after 75). */
	char t67[68], t68[69];
	memset(t67, 'a', 67);
	t67[67] = 0;
	memset(t68, 'b', 68);
	t68[68] = 0;
	kh_program *p = plan_text(kh_printf(
		"  nhiệm_vụ a \"%s\" { giao btc; hạn trước 30/8/2019 }\n"
		"  nhiệm_vụ b \"%s\" { giao btc; hạn trước 30/8/2019 }\n", t67, t68));
	const char *s = ics(p, NULL, false);
	check_physical(s);
	assert_non_null(strstr(s, kh_printf("\r\nSUMMARY:%s\r\nDESCRIPTION:", t67)));
	assert_non_null(strstr(s, kh_printf("\r\nSUMMARY:%.67s\r\n b\r\nDESCRIPTION:", t68)));
}

static void test_fold_never_splits_utf8(void **state)
{
	(void)state;
	/* 8 + 66 = 74 octets, then "ế" (3 octets) would end at 77: the
	 * line is cut before it, at 74, and the next line starts with it. */
	char pad[67];
	memset(pad, 'x', 66);
	pad[66] = 0;
	kh_program *p = plan_text(kh_printf(
		"  nhiệm_vụ a \"%sếch\" { giao btc; hạn trước 30/8/2019 }\n", pad));
	const char *s = ics(p, NULL, false);
	check_physical(s);
	assert_non_null(strstr(s, kh_printf("\r\nSUMMARY:%s\r\n ếch\r\n", pad)));
	/* at every offset: a long Vietnamese text, shifted one octet at a time */
	const char *viet = "Tổng kết 10 năm thực hiện Hướng dẫn số 35-HD/BTCTW về tổ chức và "
			   "hoạt động của chi bộ quân sự xã, phường, thị trấn; Nguyễn Thị Ánh "
			   "Tuyết — Đảng ủy Quân sự tỉnh ở Ủy ban nhân dân ỷ ễ ữ ặ ậ ẫ ỗ ộ ợ ự";
	for (int shift = 0; shift < 8; shift++) {
		char lead[9];
		memset(lead, 'z', (size_t)shift);
		lead[shift] = 0;
		const char *text = kh_printf("%s%s", lead, viet);
		kh_program *q = plan_text(kh_printf(
			"  nhiệm_vụ v \"%s\" { giao btc; hạn trước 30/8/2019 }\n", text));
		const char *out = ics(q, NULL, false);
		size_t lines = check_physical(out);
		assert_true(lines > 10);
		/* unfolding gives the escaped text back exactly */
		const char *u = unfold(out);
		const char *want = kh_printf("\nSUMMARY:%s%s\n", lead,
			"Tổng kết 10 năm thực hiện Hướng dẫn số 35-HD/BTCTW về tổ chức và "
			"hoạt động của chi bộ quân sự xã\\, phường\\, thị trấn\\; Nguyễn Thị Ánh "
			"Tuyết — Đảng ủy Quân sự tỉnh ở Ủy ban nhân dân ỷ ễ ữ ặ ậ ẫ ỗ ộ ợ ự");
		if (!strstr(u, want))
			fail_msg("shift %d: SUMMARY does not unfold to the text", shift);
	}
}

static void test_text_escaping(void **state)
{
	(void)state;
	/* In the plan source: a backslash, ; , a newline (\n) and a colon. */
	kh_program *p = plan_text(
		"  nhiệm_vụ a \"Báo cáo a\\\\b; c, d\\nhai: ba\" { giao btc; hạn trước 30/8/2019 }\n");
	const char *u = unfold(ics(p, NULL, false));
	assert_non_null(strstr(u, "\nSUMMARY:Báo cáo a\\\\b\\; c\\, d\\nhai: ba\n"));
	assert_null(strstr(u, "\\:"));
	/* the calendar name, in TEXT too */
	assert_non_null(strstr(u, "\nX-WR-CALNAME:Kế hoạch số 5-KH/TU\\, ngày 16/8/2019\\, "
				  "Ban Thường vụ Tỉnh ủy\n"));
}

static void test_crlf_and_calendar(void **state)
{
	(void)state;
	kh_program *p = load_example("250-KH-TU-2019.kh");
	const char *s = ics(p, NULL, true);
	check_physical(s);
	const char *u = unfold(s);
	assert_memory_equal(u, "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:", 35);
	assert_int_equal(count(u, "\nVERSION:2.0\n"), 1);
	assert_int_equal(count(u, "\nPRODID:"), 1);
	assert_int_equal(count(u, "\nCALSCALE:GREGORIAN\n"), 1);
	assert_null(strstr(u, "METHOD:"));
	assert_non_null(strstr(u, "\nEND:VCALENDAR\n"));
	assert_int_equal(strlen(strstr(u, "\nEND:VCALENDAR\n")), strlen("\nEND:VCALENDAR\n"));
	/* five deadlines (the conference has no date: left out) */
	size_t todos = count(u, "BEGIN:VTODO"), events = count(u, "BEGIN:VEVENT");
	assert_int_equal(todos, 5);
	assert_int_equal(events, 5); /* the mirrors */
	assert_int_equal(count(u, "\nUID:"), todos + events);
	assert_int_equal(count(u, "\nDTSTAMP:20260101T000000Z\n"), todos + events);
	/* all-day DATE values only: no DATE-TIME except DTSTAMP */
	assert_int_equal(count(u, "T000000Z"), todos + events);
	assert_null(strstr(u, "\nDTSTART:"));
	assert_null(strstr(u, "\nDUE:"));
	assert_null(strstr(u, "\nDTEND:"));
	const char *t = component(u, "250-KH/TU/2019/252c29b6/bc_huyen@kehoach");
	assert_memory_equal(t, "BEGIN:VTODO\n", 12);
	assert_non_null(strstr(t, "\nDUE;VALUE=DATE:20190915\n"));
	assert_null(strstr(t, "DTEND"));
	assert_null(strstr(t, "DURATION"));
	assert_non_null(strstr(t, "\nSTATUS:NEEDS-ACTION\n"));
	assert_non_null(strstr(t, "\\nGửi: Ban Thường vụ Tỉnh ủy (qua Ban Tổ chức Tỉnh ủy)\\n"));
	/* its mirror: an all-day event, DTEND exclusive */
	const char *m = component(u, "250-KH/TU/2019/252c29b6/bc_huyen-event@kehoach");
	assert_memory_equal(m, "BEGIN:VEVENT\n", 13);
	assert_non_null(strstr(m, "\nDTSTART;VALUE=DATE:20190915\nDTEND;VALUE=DATE:20190916\n"));
	assert_non_null(strstr(m, "\nTRANSP:TRANSPARENT\n"));
	/* without --mirror-events there are none */
	assert_int_equal(count(unfold(ics(p, NULL, false)), "BEGIN:VEVENT"), 0);
}

static void test_meetings(void **state)
{
	(void)state;
	kh_program *p = plan_text(
		"  hội_nghị a \"Nửa ngày\" { cấp tỉnh; tổ_chức btv; chủ_trì tt; thời_lượng 01 buổi; "
		"thời_gian vào 16/9/2019 }\n"
		"  hội_nghị b \"Hai ngày\" { cấp tỉnh; tổ_chức btv; thời_lượng 2 ngày; "
		"thời_gian vào 16/9/2019 }\n"
		"  hội_nghị c \"Trong khoảng\" { cấp tỉnh; tổ_chức btv; thời_lượng 2 ngày; "
		"thời_gian dự_kiến vào trung_tuần tháng 5/2017 }\n"
		"  hội_nghị d \"Trước hạn\" { cấp tỉnh; tổ_chức btv; thời_gian trước 30/9/2019, thông_báo_sau }\n"
		"  hội_nghị e \"Chưa có ngày\" { cấp tỉnh; tổ_chức btv; thời_gian thông_báo_sau }\n");
	const char *u = unfold(ics(p, NULL, false));
	/* a half-day meeting on a day: one all-day event, its length described */
	const char *a = component(u, "5-KH/TU/2019/252c29b6/a@kehoach");
	assert_non_null(strstr(a, "\nDTSTART;VALUE=DATE:20190916\nDTEND;VALUE=DATE:20190917\n"));
	assert_non_null(strstr(a, "\\nThời lượng: 1 buổi (½ ngày)"));
	assert_non_null(strstr(a, "\\nChủ trì: Thường trực Tỉnh ủy"));
	assert_non_null(strstr(a, "\nSTATUS:CONFIRMED\n"));
	const char *b = component(u, "5-KH/TU/2019/252c29b6/b@kehoach");
	assert_non_null(strstr(b, "\nDTSTART;VALUE=DATE:20190916\nDTEND;VALUE=DATE:20190918\n"));
	/* in a window: its last days, TENTATIVE, the window described */
	const char *c = component(u, "5-KH/TU/2019/252c29b6/c@kehoach");
	assert_non_null(strstr(c, "\nDTSTART;VALUE=DATE:20170519\nDTEND;VALUE=DATE:20170521\n"));
	assert_non_null(strstr(c, "\nSTATUS:TENTATIVE\n"));
	assert_non_null(strstr(c, "DESCRIPTION:Thời gian: dự kiến vào trung tuần tháng 5/2017 "
				  "(11/5–20/5/2017)\\n"));
	/* before a deadline whose day is to be announced: on the deadline, TENTATIVE */
	const char *d = component(u, "5-KH/TU/2019/252c29b6/d@kehoach");
	assert_non_null(strstr(d, "\nDTSTART;VALUE=DATE:20190930\nDTEND;VALUE=DATE:20191001\n"));
	assert_non_null(strstr(d, "\nSTATUS:TENTATIVE\n"));
	assert_non_null(strstr(d, "(thời gian cụ thể có thông báo sau)"));
	/* no date: not in the calendar */
	assert_null(strstr(u, "5-KH/TU/2019/252c29b6/e@"));
	assert_int_equal(count(u, "BEGIN:VEVENT"), 4);
	assert_int_equal(count(u, "BEGIN:VTODO"), 0);
}

static void test_tasks_windows_planned_left_out(void **state)
{
	(void)state;
	kh_program *p = plan_text(
		"  nhiệm_vụ a \"Trong tháng\" { giao btc; hạn trong tháng 11/2023 }\n"
		"  nhiệm_vụ b \"Dự kiến\" { giao btc; hạn dự_kiến vào trung_tuần tháng 5/2017 }\n"
		"  nhiệm_vụ c \"Từ tháng\" { giao btc; hạn từ tháng 11/2023 }\n"
		"  nhiệm_vụ d \"Thông báo sau\" { giao btc; hạn thông_báo_sau }\n"
		"  nhiệm_vụ e \"Không hạn\" { giao btc }\n"
		"  nhiệm_vụ f \"Thường xuyên\" { giao btc; hạn thường_xuyên }\n"
		"  nhiệm_vụ g \"Định kỳ\" { giao btc; hạn định_kỳ }\n");
	const char *u = unfold(ics(p, NULL, true));
	/* a window: due on its last day, the window in DESCRIPTION */
	const char *a = component(u, "5-KH/TU/2019/252c29b6/a@kehoach");
	assert_non_null(strstr(a, "\nDUE;VALUE=DATE:20231130\n"));
	assert_null(strstr(a, "DTSTART"));
	assert_non_null(strstr(a, "Thời gian: trong tháng 11/2023\\n"));
	assert_non_null(strstr(a, "hạn là ngày cuối của khoảng 1/11–30/11/2023"));
	/* planned: a VTODO cannot be TENTATIVE (RFC 5545 §3.8.1.11), its mirror is */
	const char *b = component(u, "5-KH/TU/2019/252c29b6/b@kehoach");
	assert_non_null(strstr(b, "\nDTSTART;VALUE=DATE:20170511\nDUE;VALUE=DATE:20170520\n"));
	assert_non_null(strstr(b, "\nSTATUS:NEEDS-ACTION\n"));
	assert_non_null(strstr(component(u, "5-KH/TU/2019/252c29b6/b-event@kehoach"), "\nSTATUS:TENTATIVE\n"));
	/* a start: DTSTART, no DUE */
	const char *c = component(u, "5-KH/TU/2019/252c29b6/c@kehoach");
	assert_non_null(strstr(c, "\nDTSTART;VALUE=DATE:20231101\n"));
	assert_null(strstr(c, "DUE"));
	assert_non_null(strstr(component(u, "5-KH/TU/2019/252c29b6/c-event@kehoach"), "\nSUMMARY:Bắt đầu: Từ tháng\n"));
	/* no date, no frequency: left out */
	for (const char *x = "defg"; *x; x++)
		assert_null(strstr(u, kh_printf("5-KH/TU/2019/252c29b6/%c@", *x)));
	assert_int_equal(count(u, "BEGIN:VTODO"), 3);
}

static void test_recurrence(void **state)
{
	(void)state;
	kh_program *p = plan_text(
		"  nhiệm_vụ a \"Hằng tháng\" { giao btc; hạn từ tháng 11/2023, hằng_tháng }\n"
		"  nhiệm_vụ b \"Hằng năm\" { giao btc; hạn từ năm 2023, hằng_năm }\n"
		"  nhiệm_vụ c \"Ngày 15\" { giao btc; hạn trước 15/1/2024, hằng_tháng }\n"
		"  nhiệm_vụ d \"Thường xuyên từ\" { giao btc; hạn từ tháng 11/2023, thường_xuyên }\n"
		"  nhiệm_vụ e \"Hằng năm không ngày\" { giao btc; hạn hằng_năm }\n"
		"  nhiệm_vụ f \"Ngày nhuận\" { giao btc; hạn trước 29/2/2024, hằng_năm }\n"
		"  nhiệm_vụ g \"Tháng hai\" { giao btc; hạn trong tháng 2/2023, hằng_tháng }\n"
		"  nhiệm_vụ k \"Ngày 28\" { giao btc; hạn trước 28/2/2023, hằng_tháng }\n"
		"  hội_nghị h \"Họp hằng tháng\" { cấp tỉnh; tổ_chức btv; thời_gian từ 5/9/2019, hằng_tháng }\n");
	const char *u = unfold(ics(p, NULL, false));
	/* a month end repeats on every month end; nothing in this plan says
	 * when it ends, so each series is its first time only (COUNT=1) */
	const char *a = component(u, "5-KH/TU/2019/252c29b6/a@kehoach");
	assert_non_null(strstr(a, "\nDTSTART;VALUE=DATE:20231130\nDUE;VALUE=DATE:20231130\n"
				  "RRULE:FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=1\n"));
	const char *b = component(u, "5-KH/TU/2019/252c29b6/b@kehoach");
	assert_non_null(strstr(b, "\nDUE;VALUE=DATE:20231231\nRRULE:FREQ=YEARLY;COUNT=1\n"));
	const char *c = component(u, "5-KH/TU/2019/252c29b6/c@kehoach");
	assert_non_null(strstr(c, "\nDUE;VALUE=DATE:20240115\nRRULE:FREQ=MONTHLY;COUNT=1\n"));
	const char *f = component(u, "5-KH/TU/2019/252c29b6/f@kehoach");
	assert_non_null(strstr(f, "\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1;COUNT=1\n"));
	/* February's end from a month window is every month's end; a day is that day */
	assert_non_null(strstr(component(u, "5-KH/TU/2019/252c29b6/g@kehoach"),
			       "\nDUE;VALUE=DATE:20230228\nRRULE:FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=1\n"));
	assert_non_null(strstr(component(u, "5-KH/TU/2019/252c29b6/k@kehoach"),
			       "\nDUE;VALUE=DATE:20230228\nRRULE:FREQ=MONTHLY;COUNT=1\n"));
	/* no frequency: once, at its date, no RRULE, and it says so */
	const char *d = component(u, "5-KH/TU/2019/252c29b6/d@kehoach");
	assert_null(strstr(d, "RRULE"));
	assert_non_null(strstr(d, "\nDTSTART;VALUE=DATE:20231101\n"));
	assert_non_null(strstr(d, "không lặp lại trong lịch"));
	/* a frequency but no date: left out, never guessed */
	assert_null(strstr(u, "5-KH/TU/2019/252c29b6/e@"));
	/* a recurring meeting */
	const char *h = component(u, "5-KH/TU/2019/252c29b6/h@kehoach");
	assert_non_null(strstr(h, "\nDTSTART;VALUE=DATE:20190905\nDTEND;VALUE=DATE:20190906\n"
				  "RRULE:FREQ=MONTHLY;COUNT=1\n"));
	assert_int_equal(count(u, "RRULE:"), 7);
}

static void test_dtstamp(void **state)
{
	(void)state;
	kh_program *p = plan_text("  nhiệm_vụ a \"A\" { giao btc; hạn trước 30/8/2019 }\n");
	kh_buf out = { 0 };
	kh_ics_opts bad = { .dtstamp = "2026-01-01" };
	assert_int_not_equal(kh_emit_schedule_ics(p, NULL, &bad, &out), 0);
	kh_ics_opts local = { .dtstamp = "20260101T000000" };
	assert_int_not_equal(kh_emit_schedule_ics(p, NULL, &local, &out), 0);
	kh_ics_opts month13 = { .dtstamp = "20261301T000000Z" };
	assert_int_not_equal(kh_emit_schedule_ics(p, NULL, &month13, &out), 0);
	assert_int_equal(out.len, 0);
	/* without one: the plan's date, so output is reproducible */
	kh_buf o2 = { 0 };
	assert_int_equal(kh_emit_schedule_ics(p, NULL, NULL, &o2), 0);
	assert_non_null(strstr(kh_buf_cstr(&o2), "\r\nDTSTAMP:20190816T000000Z\r\n"));
}

/* The notes are all in before the first line is written (so a streamed
 * calendar follows them), once; not at all when nothing is written. */
typedef struct notes_seen {
	kh_buf *out;
	kh_diags *notes;
	int calls;
	size_t len_then, notes_then;
} notes_seen;

static void seen(void *ctx)
{
	notes_seen *n = ctx;
	n->calls++;
	n->len_then = n->out->len;
	n->notes_then = n->notes->count;
}

/* P's calendar into N's buffer, its notes into N's list, N watching. */
static int emit_watched(const kh_program *p, notes_seen *n)
{
	kh_ics_opts o = { .dtstamp = "20260101T000000Z", .notes = n->notes, .notes_done = seen, .notes_ctx = n };
	return kh_emit_schedule_ics(p, NULL, &o, n->out);
}

static void test_notes_before_the_calendar(void **state)
{
	(void)state;
	kh_program *p = plan_text("  nhiệm_vụ a \"A\" { giao btc; hạn trước 30/8/2019 }\n"
				  "  nhiệm_vụ f \"Thường xuyên\" { giao btc; hạn thường_xuyên }\n"
				  "  nhiệm_vụ g \"Cũng thế\" { giao vp; hạn thường_xuyên }\n");
	kh_diags notes = { 0 }, notes2 = { 0 };
	kh_buf out = { 0 }, out2 = { 0 };
	notes_seen n = { &out, &notes, 0, 0, 0 }, n2 = { &out2, &notes2, 0, 0, 0 };
	assert_int_equal(emit_watched(p, &n), 0);
	assert_int_equal(n.calls, 1);
	assert_int_equal(n.len_then, 0);
	assert_int_equal(n.notes_then, 2);
	assert_int_equal(notes.count, 2);
	assert_true(out.len > 0);
	/* nothing to put in a calendar: no call, nothing written */
	kh_program *none = plan_text("  nhiệm_vụ f \"Thường xuyên\" { giao btc; hạn thường_xuyên }\n");
	assert_int_not_equal(emit_watched(none, &n2), 0);
	assert_int_equal(n2.calls, 0);
	assert_int_equal(out2.len, 0);
	assert_int_equal(notes2.count, 1);
}

static void test_for_body(void **state)
{
	(void)state;
	kh_program *p = load_example("250-KH-TU-2019.kh");
	const kh_body *btc = NULL;
	for (size_t i = 0; i < p->bodies.n; i++)
		if (!strcmp(KH_VEC_AT(p->bodies, kh_body, i)->id, "btc_tinh_uy"))
			btc = KH_VEC_AT(p->bodies, kh_body, i);
	assert_non_null(btc);
	const char *u = unfold(ics(p, btc, false));
	/* its own task, the provincial report of its level, and the two
	 * district reports that go through it (qua) */
	assert_int_equal(count(u, "BEGIN:VTODO"), 4);
	assert_non_null(strstr(u, "\nUID:250-KH/TU/2019/252c29b6/tm_btc@kehoach\n"));
	assert_non_null(strstr(u, "\nUID:250-KH/TU/2019/252c29b6/bc_tinh@kehoach\n"));
	assert_non_null(strstr(u, "\nUID:250-KH/TU/2019/252c29b6/bc_huyen@kehoach\n"));
	assert_non_null(strstr(u, "\nUID:250-KH/TU/2019/252c29b6/th_huyen@kehoach\n"));
	assert_non_null(strstr(u, "\nX-WR-CALNAME:Kế hoạch số 250-KH/TU\\, ngày 16/8/2019\\, "
				  "Ban Thường vụ Tỉnh ủy — Ban Tổ chức Tỉnh ủy\n"));
}

/* UID lines of an ICS text, as one string per line. */
static kh_vec uid_lines(const char *unfolded)
{
	kh_vec v = { 0 };
	for (const char *p = unfolded; (p = strstr(p, "\nUID:")); p++) {
		const char *e = strchr(p + 1, '\n');
		kh_vec_push(&v, kh_strndup(p + 1, (size_t)(e - p - 1)));
	}
	return v;
}

static void test_uid_stable_ics(void **state)
{
	(void)state;
	const char *body =
		"  nhiệm_vụ a \"A\" { giao cấp xã, cấp huyện; hạn trước 30/8/2019 }\n"
		"  hội_nghị h \"H\" { cấp xã, huyện; tổ_chức btv; thời_gian 5/9/2019 }\n"
		"  nhiệm_vụ b \"B\" { giao btc; hạn từ năm 2023, hằng_năm }\n";
	kh_program *p1 = plan_text(body);
	/* an unrelated edit: a comment and a new task above, a new section */
	kh_program *p2 = plan_text(kh_printf(
		"  # chú thích mới\n"
		"  nhiệm_vụ viec_moi \"Mới\" { giao vp; hạn trước 1/8/2019 }\n"
		"  mục \"Phần mới\" { \"Đoạn văn.\" }\n%s", body));
	const char *u1 = unfold(ics(p1, NULL, true)), *u2 = unfold(ics(p2, NULL, true));
	kh_vec a = uid_lines(u1), b = uid_lines(u2);
	assert_int_equal(a.n, 8); /* a at 2 levels + mirrors, h at 2 levels, b + mirror */
	assert_int_equal(b.n, a.n + 2);
	for (size_t i = 0; i < a.n; i++) {
		const char *uid = a.items[i];
		assert_non_null(strstr(u2, kh_printf("\n%s\n", uid)));
		/* same item: the same component, apart from nothing */
		assert_string_equal(component(u1, uid + 4), component(u2, uid + 4));
	}
	assert_non_null(strstr(u1, "\nUID:5-KH/TU/2019/252c29b6/a/xã@kehoach\n"));
	assert_non_null(strstr(u1, "\nUID:5-KH/TU/2019/252c29b6/h/huyện@kehoach\n"));
	assert_non_null(strstr(u1, "\nUID:5-KH/TU/2019/252c29b6/a/huyện-event@kehoach\n"));
	/* emitting twice gives the same bytes */
	assert_string_equal(ics(p1, NULL, true), ics(p1, NULL, true));
}

/* ------------------------------------------------------------------ */
/* Text and CSV schedules                                             */

static void test_schedule_text(void **state)
{
	(void)state;
	kh_program *p = load_example("297-HD-UBND-2019.kh");
	kh_buf out = { 0 };
	assert_int_equal(kh_emit_schedule_text(p, NULL, &out), 0);
	const char *t = kh_buf_cstr(&out);
	assert_memory_equal(t, "Lịch thực hiện: Hướng dẫn số 297/HD-UBND, ngày 27/5/2019, "
			       "Ủy ban nhân dân tỉnh\n", 82);
	const char *d1 = strstr(t, "\nThứ Sáu, 30/8/2019\n");
	const char *d2 = strstr(t, "\nChủ nhật, 15/9/2019\n");
	const char *d3 = strstr(t, "\nThứ Hai, 30/9/2019\n");
	const char *rest = strstr(t, "\nChưa có ngày\n");
	assert_true(d1 && d2 && d3 && rest);
	assert_true(d1 < d2 && d2 < d3 && d3 < rest);
	assert_non_null(strstr(d1, "  - trước 30/8/2019 — Cấp xã: Cấp xã xây dựng kế hoạch, xác định "
				   "thời gian sơ kết xong trước 30/8/2019.\n"));
	assert_non_null(strstr(d2, "(qua Bộ CHQS tỉnh) trước ngày 15/9/2019; báo cáo của các ngành, "));
	assert_non_null(strstr(d2, " → gửi Ủy ban nhân dân tỉnh (qua Bộ Chỉ huy Quân sự tỉnh)\n"));
	assert_non_null(strstr(rest, "  - không ghi thời hạn — Bộ Chỉ huy Quân sự tỉnh: Tham mưu"));

	kh_program *q = load_example("KH-dang-uy-xa-2023.kh");
	kh_buf o2 = { 0 };
	assert_int_equal(kh_emit_schedule_text(q, NULL, &o2), 0);
	const char *t2 = kh_buf_cstr(&o2);
	const char *rec = strstr(t2, "\nĐịnh kỳ, thường xuyên\n");
	const char *und = strstr(t2, "\nChưa có ngày\n");
	assert_true(rec && und && rec < und);
	assert_non_null(strstr(rec, "  - từ năm 2023, hằng năm (lặp lại đến 31/1/2024) — Đảng ủy: "
				    "Chỉ đạo kiện toàn"));
	assert_non_null(strstr(und, "  - sau khi có hướng dẫn của Trung ương, của tỉnh, huyện — "
				    "Cán bộ làm công tác tổ chức Đảng: "));
}

static void test_schedule_csv(void **state)
{
	(void)state;
	kh_program *p = plan_text(
		"  nhiệm_vụ a \"Báo cáo \\\"A\\\", B\\nC\" { giao btc; gửi btv qua vp; hạn dự_kiến trong tháng 11/2023 }\n"
		"  nhiệm_vụ b \"Từ\" { giao btc, vp; hạn từ năm 2023, hằng_năm }\n");
	kh_buf out = { 0 };
	assert_int_equal(kh_emit_schedule_csv(p, NULL, &out), 0);
	const char *c = kh_buf_cstr(&out);
	assert_memory_equal(c, "start,end,kind,recurrence,planned,level,who,what,to,via,uid,as_written,"
			    "role\r\n", 77);
	assert_non_null(strstr(c, "\r\n2023-11-01,2023-11-30,deadline,,true,,Ban Tổ chức Tỉnh ủy,"
				  "\"Báo cáo \"\"A\"\", B\nC\",Ban Thường vụ Tỉnh ủy,Văn phòng Tỉnh ủy,"
				  "5-KH/TU/2019/252c29b6/a,dự kiến trong tháng 11/2023,\r\n"));
	assert_non_null(strstr(c, "\r\n2023-01-01,2023-12-31,recurring,yearly,false,,"
				  "Ban Tổ chức Tỉnh ủy; Văn phòng Tỉnh ủy,Từ,,,5-KH/TU/2019/252c29b6/b,"
				  "\"từ năm 2023, hằng năm\",\r\n"));
	assert_int_equal(count(c, "\r\n"), 3);
}

/* ------------------------------------------------------------------ */
/* The examples through the independent checkers                      */

static bool have_python_module(const char *module)
{
	if (access("/usr/bin/python3", X_OK) != 0)
		return false;
	char cmd[200];
	snprintf(cmd, sizeof cmd, "/usr/bin/python3 -c 'import %s' >/dev/null 2>&1", module);
	return system(cmd) == 0;
}

static void write_file(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static void test_examples_independent_checkers(void **state)
{
	(void)state;
	static const char *const names[] = { "250-KH-TU-2019", "297-HD-UBND-2019",
					     "KH-dang-uy-xa-2023", "KH-tinh-uy-CT10-2017" };
	char dir[] = "/tmp/kh_ics_XXXXXX";
	assert_non_null(mkdtemp(dir));
	kh_buf ics_files = { 0 }, csv_files = { 0 };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		kh_program *p = load_example(kh_printf("%s.kh", names[i]));
		for (int mirror = 0; mirror < 2; mirror++) {
			const char *s = ics(p, NULL, mirror);
			check_physical(s);
			const char *path = kh_printf("%s/%s%s.ics", dir, names[i], mirror ? "-mirror" : "");
			write_file(path, s, strlen(s));
			kh_buf_printf(&ics_files, " %s", path);
		}
		kh_buf c = { 0 };
		assert_int_equal(kh_emit_schedule_csv(p, NULL, &c), 0);
		const char *path = kh_printf("%s/%s-schedule.csv", dir, names[i]);
		write_file(path, c.data, c.len);
		kh_buf_printf(&csv_files, " %s", path);
		kh_buf k = { 0 };
		assert_int_equal(kh_emit_checklist_csv(p, NULL, &k), 0);
		path = kh_printf("%s/%s-checklist.csv", dir, names[i]);
		write_file(path, k.data, k.len);
		kh_buf_printf(&csv_files, " %s", path);
	}
	int rc_ics = -1, rc_csv = -1;
	if (have_python_module("icalendar"))
		rc_ics = system(kh_printf("/usr/bin/python3 %s%s >/dev/null", CHECK_ICS,
					  kh_buf_cstr(&ics_files)));
	else
		fprintf(stderr, "note: python3-icalendar missing; check_ics.py not run\n");
	if (have_python_module("csv"))
		rc_csv = system(kh_printf("/usr/bin/python3 %s%s >/dev/null", CHECK_CSV,
					  kh_buf_cstr(&csv_files)));
	assert_int_equal(system(kh_printf("rm -rf '%s'", dir)), 0);
	if (rc_ics != -1)
		assert_int_equal(rc_ics, 0);
	if (rc_csv != -1)
		assert_int_equal(rc_csv, 0);
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_exactly_75),
		cmocka_unit_test(test_fold_never_splits_utf8),
		cmocka_unit_test(test_text_escaping),
		cmocka_unit_test(test_crlf_and_calendar),
		cmocka_unit_test(test_meetings),
		cmocka_unit_test(test_tasks_windows_planned_left_out),
		cmocka_unit_test(test_recurrence),
		cmocka_unit_test(test_dtstamp),
		cmocka_unit_test(test_notes_before_the_calendar),
		cmocka_unit_test(test_for_body),
		cmocka_unit_test(test_uid_stable_ics),
		cmocka_unit_test(test_schedule_text),
		cmocka_unit_test(test_schedule_csv),
		cmocka_unit_test(test_examples_independent_checkers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_fuzz_props.c - the output validators of the fuzz target
 * (tests/fuzz/props.h): each accepts what kehoach really writes (every
 * output of every example and window plan, made here by the emitters)
 * and hand-written valid corners, and each rejects one broken input per
 * property, for the reason it names, so every validator is shown able
 * to fail. Built with tests/fuzz/props*.c (Makefile).
 * Part of kehoach; see README.md for the licence.
 */
#include <glob.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "check.h"
#include "diag.h"
#include "emit.h"
#include "emit_json.h"
#include "resolve.h"
#include "sarif.h"
#include "../fuzz/props.h"

#define ROOT KH_STDLIB_DIR "/../"

typedef bool (*prop_fn)(const char *data, size_t len, char *why, size_t whylen);

static void accept_n(const char *name, prop_fn f, const char *s, size_t n)
{
	char why[256] = "";
	if (!f(s, n, why, sizeof why))
		fail_msg("%s rejected a valid input: %s\n---\n%.*s", name, why, (int)(n > 400 ? 400 : n), s);
}

/* F must reject S, saying something that contains REASON. */
static void reject_n(const char *name, prop_fn f, const char *s, size_t n, const char *reason)
{
	char why[256] = "";
	if (f(s, n, why, sizeof why))
		fail_msg("%s accepted an invalid input (%s):\n%.*s", name, reason, (int)(n > 400 ? 400 : n), s);
	if (!strstr(why, reason))
		fail_msg("%s rejected, but for '%s', not '%s'", name, why, reason);
}

#define ACCEPT(f, s) accept_n(#f, f, (s), strlen(s))
#define REJECT(f, s, reason) reject_n(#f, f, (s), strlen(s), (reason))
#define ACCEPT_BUF(f, b) accept_n(#f, f, (b)->data ? (b)->data : "", (b)->len)

/* An input and why the validator refuses it (NULL: it accepts it). */
typedef struct verdict {
	const char *input, *reason;
} verdict;

/* REASON NULL: F must accept S; else reject it for REASON. */
static void judge_one(const char *name, prop_fn f, const char *s, const char *reason)
{
	if (reason)
		reject_n(name, f, s, strlen(s), reason);
	else
		accept_n(name, f, s, strlen(s));
}

static void judge(const char *name, prop_fn f, const verdict *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		judge_one(name, f, v[i].input, v[i].reason);
}

/* S with the first FROM replaced by TO. */
static const char *swap(const char *s, const char *from, const char *to)
{
	const char *p = strstr(s, from);
	assert_non_null(p);
	return kh_printf("%.*s%s%s", (int)(p - s), s, to, p + strlen(from));
}

/* One change to a valid input, and why the validator now refuses it
 * (NULL: it still accepts it). */
typedef struct mutation {
	const char *from, *to, *reason;
} mutation;

static void mutate(const char *name, prop_fn f, const char *base, const mutation *m, size_t n)
{
	for (size_t i = 0; i < n; i++)
		judge_one(name, f, swap(base, m[i].from, m[i].to), m[i].reason);
}

/* ------------------------------------------------------------------ */
/* Real outputs                                                       */

typedef void (*plan_fn)(const kh_program *p, const kh_diags *d);

/* F on every example and window plan, resolved and checked. */
static void each_plan(plan_fn f)
{
	static const char *const globs[] = { ROOT "examples/*.kh", ROOT "tests/window/*.kh" };
	size_t n = 0;
	for (size_t g = 0; g < 2; g++) {
		glob_t gl;
		assert_int_equal(glob(globs[g], 0, NULL, &gl), 0);
		for (size_t i = 0; i < gl.gl_pathc; i++, n++) {
			kh_resolve_opts opts = { 0 };
			opts.stdlib_dir = KH_STDLIB_DIR;
			kh_diags d = { 0 };
			int io = 0;
			kh_program *p = kh_resolve_file(gl.gl_pathv[i], &opts, &d, &io);
			assert_non_null(p);
			kh_rule_config config;
			kh_rule_config_init(&config);
			if (!d.errors)
				kh_check_program(p, &config, &d);
			kh_diags_sort(&d);
			f(p, &d);
		}
		globfree(&gl);
	}
	assert_true(n >= 8);
}

static void diags_valid(const kh_program *p, const kh_diags *d)
{
	(void)p;
	kh_buf text = { 0 }, json = { 0 }, sarif = { 0 };
	kh_diags_print_text(d, &text, 0);
	ACCEPT_BUF(kh_prop_text, &text);
	kh_diags_print_json(d, &json);
	ACCEPT_BUF(kh_prop_json, &json);
	kh_diags_print_sarif(d, &sarif, "test");
	ACCEPT_BUF(kh_prop_sarif, &sarif);
}

static void views_valid(const kh_program *p, const kh_body *b, bool mirror)
{
	kh_ics_opts io = { .mirror_events = mirror, .dtstamp = "20260101T000000Z" };
	kh_buf st = { 0 }, sc = { 0 }, si = { 0 }, ss = { 0 }, cm = { 0 }, cc = { 0 }, ch = { 0 };
	assert_int_equal(kh_emit_schedule_text(p, b, &st), 0);
	ACCEPT_BUF(kh_prop_text, &st);
	assert_int_equal(kh_emit_schedule_csv(p, b, &sc), 0);
	ACCEPT_BUF(kh_prop_csv, &sc);
	if (kh_emit_schedule_ics(p, b, &io, &si) == 0)
		ACCEPT_BUF(kh_prop_ics, &si);
	assert_int_equal(kh_emit_schedule_svg(p, b, &ss), 0);
	ACCEPT_BUF(kh_prop_svg, &ss);
	assert_int_equal(kh_emit_checklist_md(p, b, &cm), 0);
	ACCEPT_BUF(kh_prop_text, &cm);
	assert_int_equal(kh_emit_checklist_csv(p, b, &cc), 0);
	ACCEPT_BUF(kh_prop_csv, &cc);
	assert_int_equal(kh_emit_checklist_html(p, b, &ch), 0);
	ACCEPT_BUF(kh_prop_html, &ch);
}

static void outputs_valid(const kh_program *p, const kh_diags *d)
{
	if (d->errors)
		return;
	kh_buf json = { 0 }, om = { 0 }, oh = { 0 }, rh = { 0 }, rd = { 0 }, od = { 0 };
	kh_emit_json(p, &json);
	ACCEPT_BUF(kh_prop_json, &json);
	for (size_t i = 0; i < p->bodies.n; i += p->bodies.n / 3 + 1)
		views_valid(p, KH_VEC_AT(p->bodies, kh_body, i), false);
	views_valid(p, NULL, true);
	views_valid(p, NULL, false);
	kh_docx_opts when = { true, 18000, 3600 };
	if (kh_emit_outline_md(p, &om) == 0)
		ACCEPT_BUF(kh_prop_text, &om);
	if (kh_emit_outline_html(p, &oh) == 0)
		ACCEPT_BUF(kh_prop_html, &oh);
	if (kh_emit_outline_docx(p, &when, &od) == 0)
		ACCEPT_BUF(kh_prop_docx, &od);
	assert_int_equal(kh_emit_render_html(p, &rh), 0);
	ACCEPT_BUF(kh_prop_html, &rh);
	assert_int_equal(kh_emit_render_docx(p, &when, &rd), 0);
	ACCEPT_BUF(kh_prop_docx, &rd);
}

static void test_real_outputs(void **state)
{
	(void)state;
	each_plan(diags_valid);
	each_plan(outputs_valid);
}

/* ------------------------------------------------------------------ */
/* JSON and SARIF                                                     */

static void test_json(void **state)
{
	(void)state;
	static const verdict cases[] = {
		{ "0", NULL },
		{ " {\"a\": [1, -2.5e+3, 0.0, 1E9, true, false, null, {}, []]}\n", NULL },
		{ "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00 Nộp\"", NULL },
		{ "", "expected a value" },
		{ "[1, 2,]", "trailing comma" },
		{ "{\"a\": 1,}", "expected a key" },
		{ "{\"a\" 1}", "expected ':'" },
		{ "{1: 2}", "expected a key" },
		{ "[1 2]", "expected ','" },
		{ "\"\\x\"", "bad escape" },
		{ "\"\\'\"", "bad escape" },
		{ "\"\\u12g4\"", "four hex digits" },
		{ "\"\\ud800\"", "unpaired" },
		{ "\"\\udc00\"", "lone low surrogate" },
		{ "\"a\tb\"", "raw control" },
		{ "\"a\nb\"", "raw control" },
		{ "\"\xc3\x28\"", "invalid UTF-8" },
		{ "\"\xc0\xaf\"", "invalid UTF-8" },        /* overlong */
		{ "\"\xed\xa0\x80\"", "invalid UTF-8" },    /* a surrogate */
		{ "\"abc", "unterminated" },
		{ "01", "leading zero" },
		{ "1.", "after '.'" },
		{ "1e+", "exponent" },
		{ "-", "not a value" },
		{ "NaN", "not a value" },
		{ "tru", "not a value" },
		{ "{} {}", "text after" },
		{ "\xEF\xBB\xBF{}", "not a value" },
		{ "[[[", "expected a value" },
	};
	judge("kh_prop_json", kh_prop_json, cases, sizeof cases / sizeof cases[0]);
}

/* N levels, arrays and objects in turn, around a 1. */
static const char *deep(size_t n)
{
	kh_buf b = { 0 };
	for (size_t i = 0; i < n; i++)
		kh_buf_puts(&b, i % 2 ? "{\"a\": " : "[");
	kh_buf_puts(&b, "1");
	for (size_t i = n; i-- > 0;)
		kh_buf_puts(&b, i % 2 ? "}" : "]");
	return kh_buf_cstr(&b);
}

/* Deep nesting needs no fixed stack: 300 and 100,000 levels. */
static void test_json_deep(void **state)
{
	(void)state;
	ACCEPT(kh_prop_json, deep(300));
	ACCEPT(kh_prop_json, deep(100000));
	const char *d = deep(300);
	reject_n("kh_prop_json", kh_prop_json, d, strlen(d) - 1, "expected ','");
	REJECT(kh_prop_json, swap(deep(301), "1", "1,"), "where a value belongs"); /* in [ ] */
	REJECT(kh_prop_json, swap(deep(300), "1", "1,"), "expected a key");         /* in { } */
}

static void test_sarif(void **state)
{
	(void)state;
	ACCEPT(kh_prop_sarif, "{\"$schema\": \"x\", \"version\": \"2.1.0\", \"runs\": []}");
	REJECT(kh_prop_sarif, "{\"version\": \"2.1.0\", \"runs\": [],}", "expected a key");
	REJECT(kh_prop_sarif, "{\"version\": \"2.0.0\", \"runs\": []}", "version");
	REJECT(kh_prop_sarif, "{\"version\": \"2.1.0\"}", "runs");
	REJECT(kh_prop_sarif, "{\"version\": \"2.1.0\", \"runs\": {}}", "runs");
	REJECT(kh_prop_sarif, "{\"x\": {\"version\": \"2.1.0\"}, \"runs\": []}", "version");
	REJECT(kh_prop_sarif, "[]", "not an object");
}

/* ------------------------------------------------------------------ */
/* iCalendar                                                          */

static const char *const CAL =
	"BEGIN:VCALENDAR\r\n"
	"VERSION:2.0\r\n"
	"PRODID:-//kehoach//test//VI\r\n"
	"X-WR-CALNAME:Kế hoạch 5-KH/TU\\, ngày 16/8/2019\r\n"
	"BEGIN:VTODO\r\n"
	"UID:a@kehoach\r\n"
	"DTSTAMP:20190101T000000Z\r\n"
	"DTSTART;VALUE=DATE:20190801\r\n"
	"DUE;VALUE=DATE:20190830\r\n"
	"RRULE:FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20191231\r\n"
	"SUMMARY:Gửi báo cáo\\; tổng kết\\, đánh giá \\\\ \\n xong\r\n"
	"CATEGORIES:a,b\\,c\r\n"
	"STATUS:NEEDS-ACTION\r\n"
	"END:VTODO\r\n"
	"BEGIN:VEVENT\r\n"
	"UID:b@kehoach\r\n"
	"DTSTAMP:20190101T000000Z\r\n"
	"DTSTART;VALUE=DATE:20190830\r\n"
	"DTEND;VALUE=DATE:20190831\r\n"
	"SUMMARY:Hội nghị\r\n"
	"STATUS:TENTATIVE\r\n"
	"TRANSP:TRANSPARENT\r\n"
	"X-KEHOACH-ANY;X-P=\"a:b\":whatever, goes; here\r\n"
	"END:VEVENT\r\n"
	"END:VCALENDAR\r\n";

#define RULE "RRULE:FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20191231"

static void test_ics_lines(void **state)
{
	(void)state;
	static const mutation cases[] = {
		{ "SUMMARY:Hội nghị", "SUMMARY:Hộ\r\n i nghị", NULL },
		{ "SUMMARY:Hội nghị", "SUMMARY:H\xe1\xbb\r\n \x99i nghị", "fold splitting" },
		{ "VERSION:2.0\r\n", "VERSION:2.0\n", "bare LF" },
		{ "VERSION:2.0\r\n", "VERSION:2.0\r", "bare CR" },
		{ "SUMMARY:Hội nghị", "SUMMARY:Hội\r\n\tnghị", "starts with TAB" },
		{ "SUMMARY:Hội nghị", "SUMMARY:Hội\x01nghị", "control character" },
		{ "SUMMARY:Hội nghị", "SUMMARY:Hội\x7fnghị", "control character" },
		{ "SUMMARY:Hội nghị\r\n", "SUMMARY:Hội nghị\r\n\r\n", "must start with a property name" },
		{ "STATUS:TENTATIVE", "STATUS", "no ':'" },
		{ "DUE;VALUE=DATE", "DUE;VALUE", "bad parameter" },
		{ "X-P=\"a:b\"", "X-P=\"a:b", "unclosed quoted" },
	};
	mutate("kh_prop_ics", kh_prop_ics, CAL, cases, sizeof cases / sizeof cases[0]);
	ACCEPT(kh_prop_ics, CAL);
	/* 75 octets: the limit; folded at a code point boundary. */
	const char *s75 = kh_printf("SUMMARY:%067d\r\n", 0), *s76 = kh_printf("SUMMARY:%068d\r\n", 0);
	ACCEPT(kh_prop_ics, swap(CAL, "SUMMARY:Hội nghị\r\n", s75));
	REJECT(kh_prop_ics, swap(CAL, "SUMMARY:Hội nghị\r\n", s76), "line of 76 octets");
	reject_n("kh_prop_ics", kh_prop_ics, CAL, strlen(CAL) - 2, "does not end with CRLF");
	REJECT(kh_prop_ics, kh_printf(" %s", CAL), "continuation line opens");
	REJECT(kh_prop_ics, "", "empty file");
}

static void test_ics_components(void **state)
{
	(void)state;
	static const mutation cases[] = {
		{ "END:VTODO", "END:VEVENT", "does not close" },
		{ "END:VCALENDAR\r\n", "", "not closed at the end" },
		{ "VERSION:2.0\r\n", "", "needs VERSION" },
		{ "VERSION:2.0", "VERSION:3.0", "not 2.0" },
		{ "UID:a@kehoach\r\n", "", "UID and DTSTAMP" },
		{ "UID:b@kehoach", "UID:a@kehoach", "UID used twice" },
		{ "SUMMARY:Hội nghị\r\n", "SUMMARY:Hội nghị\r\nSUMMARY:x\r\n", "twice in one component" },
		{ "END:VCALENDAR\r\n", "END:VCALENDAR\r\nSUMMARY:x\r\n", "after END:VCALENDAR" },
		{ "END:VCALENDAR", "BEGIN:VALARM\r\nEND:VALARM\r\nEND:VCALENDAR", "cannot be" },
		{ "END:VEVENT", "BEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VEVENT", "cannot be" },
		{ "STATUS:NEEDS-ACTION", "STATUS:TENTATIVE", "does not take" },
		{ "TRANSP:TRANSPARENT", "TRANSP:CLEAR", "does not take" },
		{ "STATUS:NEEDS-ACTION", "FOO:bar", "unknown property" },
		{ "STATUS:NEEDS-ACTION", "VERSION:2.0", "wrong component" },
		{ "DTSTART;VALUE=DATE:20190830\r\n", "", "VEVENT without DTSTART" },
		{ "DUE;VALUE=DATE:20190830", "DTEND;VALUE=DATE:20190830", "VTODO with DTEND" },
	};
	mutate("kh_prop_ics", kh_prop_ics, CAL, cases, sizeof cases / sizeof cases[0]);
	REJECT(kh_prop_ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n",
	       "without a component");
	REJECT(kh_prop_ics, kh_printf("%s%s", CAL, CAL), "a second VCALENDAR");
}

static void test_ics_values(void **state)
{
	(void)state;
	static const mutation cases[] = {
		{ "DTSTAMP:20190101T000000Z", "DTSTAMP:20190101T000000", "not a UTC" },
		{ "DTSTAMP:20190101T000000Z", "DTSTAMP:20190101T240000Z", "not a UTC" },
		{ "DUE;VALUE=DATE:20190830", "DUE;VALUE=DATE:20190230", "not a DATE" },
		{ "DUE;VALUE=DATE:20190830", "DUE;VALUE=DATE:20190229", "not a DATE" },
		{ "DUE;VALUE=DATE:20190830", "DUE;VALUE=DATE:20200229", NULL },
		/* The plan years, and a year either side for what is derived from them. */
		{ "DUE;VALUE=DATE:20190830", "DUE;VALUE=DATE:22011231", NULL },
		{ "DUE;VALUE=DATE:20190830", "DUE;VALUE=DATE:22020101", "not a DATE" },
		{ "DTSTART;VALUE=DATE:20190801", "DTSTART;VALUE=DATE:18981231", "not a DATE" },
		{ "DUE;VALUE=DATE:20190830", "DUE;VALUE=DATE:99991231", "not a DATE" },
		{ "DUE;VALUE=DATE:20190830", "DUE;VALUE=DATE:00000101", "not a DATE" },
		{ "DUE;VALUE=DATE:20190830", "DUE;VALUE=DATE:20191301", "not a DATE" },
		{ "DUE;VALUE=DATE:20190830", "DUE;VALUE=DATE:20191100", "not a DATE" },
		{ "DUE;VALUE=DATE:20190830", "DUE;VALUE=DATE:2019-08-30", "not a DATE" },
		{ "DUE;VALUE=DATE:20190830", "DUE:20190830", "without VALUE=DATE" },
		{ "DUE;VALUE=DATE:20190830", "DUE;VALUE=DATE:20190830T000000", "with a DATE-TIME" },
		{ "DUE;VALUE=DATE:20190830", "DUE;VALUE=PERIOD:20190830", "neither DATE" },
		{ "DTSTART;VALUE=DATE:20190801", "DTSTART;VALUE=DATE:20190901", "DUE before DTSTART" },
		{ "DTEND;VALUE=DATE:20190831", "DTEND;VALUE=DATE:20190830", "DTEND not after" },
		{ "DTEND;VALUE=DATE:20190831", "DTEND:20190831T000000", "different types" },
		{ "SUMMARY:Hội nghị", "SUMMARY:Hội, nghị", "unescaped ','" },
		{ "SUMMARY:Hội nghị", "SUMMARY:Hội; nghị", "unescaped ';'" },
		{ "CATEGORIES:a,b", "CATEGORIES:a;b", "unescaped ';'" },
		{ "SUMMARY:Hội nghị", "SUMMARY:Hội\\: nghị", "bad TEXT escape" },
		{ "SUMMARY:Hội nghị", "SUMMARY:Hội nghị\\", "bad TEXT escape" },
		{ "X-WR-CALNAME:Kế hoạch 5-KH/TU\\,", "X-WR-CALNAME:Kế hoạch 5-KH/TU,", "unescaped ','" },
	};
	mutate("kh_prop_ics", kh_prop_ics, CAL, cases, sizeof cases / sizeof cases[0]);
}

static void test_ics_rrule(void **state)
{
	(void)state;
	static const mutation cases[] = {
		{ RULE, "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1;COUNT=1", NULL },
		{ RULE, "RRULE:FREQ=WEEKLY;BYDAY=MO,-1FR;WKST=SU;INTERVAL=2", NULL },
		{ RULE, "RRULE:BYMONTHDAY=-1;UNTIL=20191231", "without FREQ" },
		{ RULE, "RRULE:FREQ=MONTHLY;COUNT=2;UNTIL=20191231", "both COUNT and UNTIL" },
		{ RULE, "RRULE:FREQ=MONTHLY;UNTIL=20191231T000000Z", "UNTIL not of DTSTART" },
		{ RULE, "RRULE:FREQ=MONTHLY;BYMONTHDAY=32", "bad value of BYMONTHDAY" },
		{ RULE, "RRULE:FREQ=MONTHLY;BYMONTHDAY=0", "bad value of BYMONTHDAY" },
		{ RULE, "RRULE:FREQ=MONTHLY;BYMONTH=13", "bad value of BYMONTH" },
		{ RULE, "RRULE:FREQ=MONTHLY;COUNT=0", "bad value of COUNT" },
		{ RULE, "RRULE:FREQ=FORTNIGHTLY", "bad value of FREQ" },
		{ RULE, "RRULE:FREQ=MONTHLY;BYDAY=XX", "bad value of BYDAY" },
		{ RULE, "RRULE:FREQ=MONTHLY;FOO=1", "unknown part" },
		{ RULE, "RRULE:FREQ=MONTHLY;FREQ=YEARLY", "twice: FREQ" },
		{ RULE, "RRULE:FREQ=MONTHLY;", "unknown part" },
		{ "DTSTART;VALUE=DATE:20190801\r\n", "", "RRULE without DTSTART" },
	};
	mutate("kh_prop_ics", kh_prop_ics, CAL, cases, sizeof cases / sizeof cases[0]);
}

/* ------------------------------------------------------------------ */
/* HTML and SVG                                                       */

static const char *const PAGE =
	"<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
	"<title>Kế hoạch &amp; lịch</title>\n<style>\np > a { content: '<b>'; }\n</style>\n"
	"</head>\n<body>\n<!-- a comment -->\n"
	"<p class=\"x\" title='it&#39;s'>Nộp<br>báo cáo &#x1EA1; &#233; &nbsp;&gt;</p>\n"
	"<ul><li><input type=\"checkbox\" disabled> <label>Việc</label></li></ul>\n"
	"</body>\n</html>\n";


static void test_html(void **state)
{
	(void)state;
	ACCEPT(kh_prop_html, PAGE);
	static const mutation cases[] = {
		{ "<!DOCTYPE html>\n", "", "starts with <!DOCTYPE html>" },
		{ "</label>", "", "does not match" },
		{ "</p>", "</b></p>", "does not match" },
		{ "</body>\n</html>\n", "</body>\n", "not closed" },
		{ "</html>\n", "</html>\n</div>\n", "no element open" },
		{ "Nộp", "a < b", "raw '<' in text" },
		{ "Nộp", "a <3 b", "raw '<' in text" },
		{ "&nbsp;", "&foo;", "unknown entity" },
		{ "&nbsp;", "&amp", "does not start a reference" },
		{ "&nbsp;", "Tom & Jerry", "does not start a reference" },
		{ "&#233;", "&#0;", "not allowed" },
		{ "&#233;", "&#x85;", "not allowed" },
		{ "&#233;", "&#xD800;", "not allowed" },
		{ "&#233;", "&#x110000;", "not allowed" },
		{ "&#233;", "&#23a;", "malformed character reference" },
		{ "class=\"x\"", "class=x", "not quoted" },
		{ "class=\"x\"", "class=\"a<b\"", "raw '<' in an attribute" },
		{ "class=\"x\"", "class=\"a&b\"", "does not start a reference" },
		{ "class=\"x\"", "class=\"x\" class=\"y\"", "given twice" },
		{ "class=\"x\" title", "class=\"x\"title", "no space before" },
		{ "<br>", "<br></br>", "void element" },
		{ "<label>Việc</label>", "<label/>", "not void" },
		{ "<br>", "<br/>", NULL },
		{ "Nộp", "N\x01p", "control character" },
		{ "Nộp", "N\xc2\x85p", "control character U+0085" },
		{ "Nộp", "N\xef\xbf\xbe", "noncharacter U+FFFE" },
		{ "Nộp", "N\xef\xb7\x90", "noncharacter U+FDD0" },
		{ "Nộp", "N\xe1\xbb", "invalid UTF-8" },
		{ "</style>", "", "raw text element not closed" },
		{ "<!-- a comment -->", "<!-- a -- b -->", "inside a comment" },
		{ "<!-- a comment -->", "<!-- a", "comment not closed" },
		{ "</html>\n", "</html>\ntext\n", "outside the root" },
		{ "</html>\n", "</html>\n<html></html>\n", "not one <html>" },
	};
	mutate("kh_prop_html", kh_prop_html, PAGE, cases, sizeof cases / sizeof cases[0]);
}

static const char *const SVG =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">\n"
	"<title>Lịch &amp; &apos;x&apos;</title>\n<g class=\"lanes\"><rect x=\"0\" y=\"0\"/>"
	"<text x=\"1\">a &lt; b &#8230;</text></g>\n</svg>\n";


static void test_svg(void **state)
{
	(void)state;
	ACCEPT(kh_prop_svg, SVG);
	static const mutation cases[] = {
		{ "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "", NULL },
		{ "<rect x=\"0\" y=\"0\"/>", "<rect x=\"0\" y=\"0\">", "does not match" },
		{ "</g>", "", "does not match" },
		{ "<rect x=\"0\" y=\"0\"/>", "<br>", "does not match" },
		{ "&amp;", "&nbsp;", "unknown entity" },
		{ "&#8230;", "&#X2026;", "malformed character reference" },
		{ "a &lt; b", "a < b", "raw '<' in text" },
		{ "x=\"1\"", "x", "without a value" },
		{ "x=\"1\"", "x='1' x='2'", "given twice" },
		{ "</svg>\n", "</svg>\nx\n", "outside the root" },
		{ "</svg>\n", "</svg>\n<svg/>\n", "not one <svg>" },
		{ "<svg xmlns", "<SVG xmlns", "does not match" },
		{ "a &lt; b", "a ]]> b", "\"]]>\" in text" },
		{ "a &lt; b", "a \x0b b", "control character" },
		{ "width=\"10\"", "width=\"-1\"", "negative SVG size" },
		{ "width=\"10\"", "width=\"nan\"", "not a number" },
		{ "x=\"1\"", "x=\"inf\"", "not a number" },
		{ "x=\"1\"", "x=\"1 2\"", "not a number" },
		{ "x=\"1\"", "x=\"\"", "not a number" },
		{ "x=\"1\"", "x=\"-1.5e2\" viewBox=\"0 0 10.5 .5\"", NULL },
	};
	mutate("kh_prop_svg", kh_prop_svg, SVG, cases, sizeof cases / sizeof cases[0]);
	REJECT(kh_prop_svg, "<html></html>", "not one <svg>");
	REJECT(kh_prop_svg, "", "not one <svg>");
}

/* ------------------------------------------------------------------ */
/* CSV, text, Word                                                    */

static const char *const SHEET =
	"\xEF\xBB\xBF" "start,what,who\r\n"
	"2019-08-30,\"Gửi, \"\"báo cáo\"\"\",'=SUM(A1)\r\n"
	",\"hai\r\ndòng\",'-1\r\n";


static void test_csv(void **state)
{
	(void)state;
	ACCEPT(kh_prop_csv, SHEET);
	ACCEPT(kh_prop_csv, SHEET + 3);     /* no BOM: the schedule's CSV */
	static const mutation cases[] = {
		{ ",'-1\r\n", "\r\n", "has 2 fields, the header 3" },
		{ ",'-1\r\n", ",'-1,x\r\n", "has 4 fields" },
		{ "'=SUM(A1)", "=SUM(A1)", "formula" },
		{ "'-1", "-1", "formula" },
		{ "'-1", "+1", "formula" },
		{ "'-1", "@x", "formula" },
		{ "'-1", "\"\tx\"", "formula" },
		{ "'-1", "\"\rx\"", "formula" },
		{ "'-1", "\"=1\"", "formula" },
		{ "'-1\r\n", "\"abc\r\n", "not closed" },
		{ "'-1", "a\"b", "quote inside an unquoted" },
		{ "'-1", "\"a\"b", "expected ',' or CRLF" },
		{ "'=SUM(A1)\r\n", "'=SUM(A1)\n", "expected ',' or CRLF" },
		{ "'-1", "x\x01", "control character" },
		{ "'-1", "\xff", "invalid UTF-8" },
	};
	mutate("kh_prop_csv", kh_prop_csv, SHEET, cases, sizeof cases / sizeof cases[0]);
	reject_n("kh_prop_csv", kh_prop_csv, SHEET, strlen(SHEET) - 2, "no CRLF");
	REJECT(kh_prop_csv, "", "no header row");
	REJECT(kh_prop_csv, "\xEF\xBB\xBF", "no header row");
}

static void test_text(void **state)
{
	(void)state;
	static const verdict cases[] = {
		{ "", NULL },
		{ "# Kế hoạch\n\n- [ ] Nộp báo cáo\ttrước 30/8/2019 — xong\n", NULL },
		{ "a\x1b[31mred", "ESC" },
		{ "a\r\n", "control character U+000D" },
		{ "a\x01", "control character U+0001" },
		{ "a\x7f", "control character U+007F" },
		{ "a\xc2\x9b", "control character U+009B" },
		{ "a\xe2\x80\xae" "b", "bidirectional control U+202E" },
		{ "a\xe2\x81\xa6" "b", "bidirectional control U+2066" },
		{ "a\xc3", "invalid UTF-8" },
		{ "a\xe0\x80\xaf", "invalid UTF-8" },
		{ "a\xf4\x90\x80\x80", "invalid UTF-8" },
	};
	judge("kh_prop_text", kh_prop_text, cases, sizeof cases / sizeof cases[0]);
}

/* A real Word file, for the broken ones. */
static kh_buf example_docx(void)
{
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = KH_STDLIB_DIR;
	kh_diags d = { 0 };
	int io = 0;
	kh_program *p = kh_resolve_file(ROOT "examples/297-HD-UBND-2019.kh", &opts, &d, &io);
	assert_non_null(p);
	kh_docx_opts when = { true, 18000, 3600 };
	kh_buf b = { 0 };
	assert_int_equal(kh_emit_render_docx(p, &when, &b), 0);
	return b;
}

/* The docx with every N-byte occurrence of FROM (or the first only) as TO. */
static char *docx_swap(const kh_buf *b, const char *from, const char *to, bool all)
{
	char *s = kh_alloc_atomic(b->len);
	memcpy(s, b->data, b->len);
	size_t n = strlen(from);
	assert_int_equal(strlen(to), n);
	for (size_t i = 0; i + n <= b->len; i++)
		if (!memcmp(s + i, from, n)) {
			memcpy(s + i, to, n);
			if (!all)
				break;
		}
	return s;
}

static void test_docx(void **state)
{
	(void)state;
	kh_buf b = example_docx();
	accept_n("kh_prop_docx", kh_prop_docx, b.data, b.len);
	reject_n("kh_prop_docx", kh_prop_docx, "", 0, "does not start with PK");
	reject_n("kh_prop_docx", kh_prop_docx, "PK\3\4", 4, "no end of central directory");
	reject_n("kh_prop_docx", kh_prop_docx, b.data, b.len - 1, "no end of central directory");
	reject_n("kh_prop_docx", kh_prop_docx, b.data + 1, b.len - 1, "does not start with PK");
	char *s = docx_swap(&b, "word/document.xml", "word/documenX.xml", true);
	reject_n("kh_prop_docx", kh_prop_docx, s, b.len, "no part word/document.xml");
	s = docx_swap(&b, "word/document.xml", "word/documenX.xml", false);
	reject_n("kh_prop_docx", kh_prop_docx, s, b.len, "local header does not match");
	s = docx_swap(&b, "word/document.xml", "word/../ument.xml", true);
	reject_n("kh_prop_docx", kh_prop_docx, s, b.len, "bad entry name");
	s = docx_swap(&b, "PK\1\2", "PK\1\3", false);
	reject_n("kh_prop_docx", kh_prop_docx, s, b.len, "bad central directory entry");
	s = docx_swap(&b, "PK\5\6", "PK\5\7", false);
	reject_n("kh_prop_docx", kh_prop_docx, s, b.len, "no end of central directory");
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_outputs),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_json_deep),
		cmocka_unit_test(test_sarif),
		cmocka_unit_test(test_ics_lines),
		cmocka_unit_test(test_ics_components),
		cmocka_unit_test(test_ics_values),
		cmocka_unit_test(test_ics_rrule),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_svg),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_docx),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

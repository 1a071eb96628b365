/*
 * test_diag.c - findings: counting, sorting, GCC-style text with the
 * caret and its underline on Vietnamese, tabbed, long and broken lines,
 * notes, findings without a location, colour, and JSON with its escaping.
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "diag.h"
#include "source.h"

/* A source that passed its checks. */
static kh_source *src(const char *path, const char *text)
{
	kh_diags d = { 0 };
	kh_source *s = kh_source_from_bytes(path, text, strlen(text), &d);
	assert_non_null(s);
	return s;
}

/* The span of the first NEEDLE in S, LEN bytes long. */
static kh_span at(const kh_source *s, const char *needle, size_t len)
{
	const char *p = strstr(s->text, needle);
	assert_non_null(p);
	kh_span sp = { s->id, (unsigned)(p - s->text), (unsigned)(p - s->text + len) };
	return sp;
}

static const char *render(kh_diags *d, int color)
{
	kh_buf out = { 0 };
	kh_diags_sort(d);
	kh_diags_print_text(d, &out, color);
	return kh_buf_cstr(&out);
}

/* assert_string_equal, printing both texts whole when they differ. */
static void same_text(const char *got, const char *want)
{
	if (strcmp(got, want))
		print_message("--- got:\n%s--- want:\n%s---\n", got, want);
	assert_string_equal(got, want);
}

static void test_add_counts_and_formats(void **state)
{
	(void)state;
	kh_diags d = { 0 };
	kh_diag *a = kh_diag_add(&d, KH_ERROR, (kh_span){ -1, 0, 0 }, "r1", "%d + %s", 2, "hai");
	kh_diag *b = kh_diag_add(&d, KH_WARNING, (kh_span){ -1, 0, 0 }, "r2", "w");
	kh_diag *c = kh_diag_add(&d, KH_NOTE, (kh_span){ -1, 0, 0 }, "r3", "n");
	kh_buf big = { 0 };
	for (int i = 0; i < 5000; i++)
		kh_buf_putc(&big, 'y');
	kh_diag *e = kh_diag_add(&d, KH_ERROR, (kh_span){ -1, 0, 0 }, NULL, "%s!", big.data);
	assert_string_equal(a->message, "2 + hai");
	assert_int_equal(strlen(e->message), 5001); /* no fixed-size buffer */
	assert_null(e->rule);
	assert_int_equal(d.count, 4);
	assert_int_equal(d.errors, 2);
	assert_int_equal(d.warnings, 1);
	assert_ptr_equal(d.first, a);
	assert_ptr_equal(a->next, b);
	assert_ptr_equal(b->next, c);
	assert_ptr_equal(d.last, e);
	assert_true(a->seq < b->seq && b->seq < c->seq && c->seq < e->seq);
	kh_diag_note(a, (kh_span){ -1, 0, 0 }, "first %s", "note");
	kh_diag_note(a, (kh_span){ -1, 0, 0 }, "second");
	assert_string_equal(a->notes->message, "first note");
	assert_string_equal(a->notes->next->message, "second");
	assert_int_equal(a->notes->severity, KH_NOTE);
	assert_int_equal(d.count, 4); /* notes are not findings */
}

static void test_gcc_style_with_caret(void **state)
{
	(void)state;
	kh_source *s = src("plan.kh", "kế_hoạch {\n  gửi btv_tinh_u qua btc\n}\n");
	kh_diags d = { 0 };
	kh_diag_add(&d, KH_ERROR, at(s, "btv_tinh_u", 10), "undeclared-id",
		    "'%s' is not declared", "btv_tinh_u");
	same_text(render(&d, 0),
		  "plan.kh:2:7: error: 'btv_tinh_u' is not declared [undeclared-id]\n"
		  "    2 |   gửi btv_tinh_u qua btc\n"
		  "      |       ^~~~~~~~~~\n");
}

/* A four-character span after Vietnamese letters: columns are characters. */
static void test_vietnamese_columns(void **state)
{
	(void)state;
	kh_source *s = src("v.kh", "hạn trước ngày 31/2/2019\n");
	kh_diags d = { 0 };
	kh_diag_add(&d, KH_WARNING, at(s, "ngày", strlen("ngày")), "x", "look");
	same_text(render(&d, 0),
		  "v.kh:1:11: warning: look [x]\n"
		  "    1 | hạn trước ngày 31/2/2019\n"
		  "      |           ^~~~\n");
}

/* Tabs are kept, and copied into the caret line so both expand alike. */
static void test_tabs_keep_alignment(void **state)
{
	(void)state;
	kh_source *s = src("t.kh", "\tgiao\t@ x\n");
	kh_diags d = { 0 };
	kh_diag_add(&d, KH_ERROR, at(s, "@", 1), "unexpected-character", "unexpected '@'");
	same_text(render(&d, 0),
		  "t.kh:1:7: error: unexpected '@' [unexpected-character]\n"
		  "    1 | \tgiao\t@ x\n"
		  "      | \t    \t^\n");
	/* a tab inside the span stays a tab */
	d = (kh_diags){ 0 };
	kh_diag_add(&d, KH_ERROR, at(s, "o\t@", 3), "r", "m");
	same_text(render(&d, 0),
		  "t.kh:1:5: error: m [r]\n"
		  "    1 | \tgiao\t@ x\n"
		  "      | \t   ^\t~\n");
}

/* Zero-width spans, spans at the line end and spans over several lines. */
static void test_span_edges(void **state)
{
	(void)state;
	kh_source *s = src("e.kh", "abc\ndef\n");
	kh_diags d = { 0 };
	kh_diag_add(&d, KH_ERROR, (kh_span){ s->id, 1, 1 }, "a", "empty");
	kh_diag_add(&d, KH_ERROR, (kh_span){ s->id, 3, 4 }, "b", "at the line end");
	kh_diag_add(&d, KH_ERROR, (kh_span){ s->id, 5, 7 }, "c", "two lines");
	kh_diag_add(&d, KH_ERROR, (kh_span){ s->id, 8, 8 }, "d", "end of file");
	kh_diag_add(&d, KH_ERROR, (kh_span){ s->id, 6, 99 }, "e", "past the end");
	kh_diag_add(&d, KH_ERROR, (kh_span){ s->id, 2, 1 }, "f", "backwards");
	same_text(render(&d, 0),
		  "e.kh:1:2: error: empty [a]\n"
		  "    1 | abc\n"
		  "      |  ^\n"
		  "e.kh:1:3: error: backwards [f]\n"
		  "    1 | abc\n"
		  "      |   ^\n"
		  "e.kh:1:4: error: at the line end [b]\n"
		  "    1 | abc\n"
		  "      |    ^\n"
		  "e.kh:2:2: error: two lines [c]\n"
		  "    2 | def\n"
		  "      |  ^~\n"
		  "e.kh:2:3: error: past the end [e]\n"
		  "    2 | def\n"
		  "      |   ^\n"
		  "e.kh:3:1: error: end of file [d]\n"
		  "    3 | \n"
		  "      | ^\n");
	/* a span from the end of line 1 into line 2 */
	d = (kh_diags){ 0 };
	kh_diag_add(&d, KH_ERROR, (kh_span){ s->id, 1, 6 }, "g", "across");
	same_text(render(&d, 0),
		  "e.kh:1:2: error: across [g]\n"
		  "    1 | abc\n"
		  "      |  ^~\n");
}

static void test_notes_and_no_location(void **state)
{
	(void)state;
	kh_source *s = src("n.kh", "cơ_quan a \"A\"\ncơ_quan a \"B\"\n");
	kh_diags d = { 0 };
	kh_span second = at(s, "a \"B", 1);
	kh_span first = at(s, "a \"A", 1);
	kh_diag *x = kh_diag_add(&d, KH_ERROR, second, "duplicate-id", "'a' is declared twice");
	kh_diag_note(x, first, "'a' was first declared here");
	kh_diag_note(x, (kh_span){ -1, 0, 0 }, "names are compared after NFC");
	kh_diag_add_path(&d, KH_ERROR, "missing.kh", "io-error", "cannot open '%s'", "missing.kh");
	kh_diag_add_path(&d, KH_WARNING, NULL, "usage", "no files");
	/* findings without a location sort first; notes follow their finding */
	same_text(render(&d, 0),
		  "missing.kh: error: cannot open 'missing.kh' [io-error]\n"
		  "kehoach: warning: no files [usage]\n"
		  "n.kh:2:9: error: 'a' is declared twice [duplicate-id]\n"
		  "    2 | cơ_quan a \"B\"\n"
		  "      |         ^\n"
		  "n.kh:1:9: note: 'a' was first declared here\n"
		  "    1 | cơ_quan a \"A\"\n"
		  "      |         ^\n"
		  "n.kh: note: names are compared after NFC\n");
}

static void test_sorted_by_file_offset_then_order(void **state)
{
	(void)state;
	kh_source *s0 = src("s0.kh", "a b c\n");
	kh_source *s1 = src("s1.kh", "z\n");
	kh_diags d = { 0 };
	kh_diag_add(&d, KH_ERROR, at(s1, "z", 1), "r", "sixth");
	kh_diag_add(&d, KH_ERROR, at(s0, "c", 1), "r", "fourth");
	kh_diag_add(&d, KH_ERROR, at(s0, "a", 1), "r", "second");
	kh_diag_add_path(&d, KH_ERROR, "p", "r", "first");
	kh_diag_add(&d, KH_ERROR, at(s0, "c", 1), "r", "fifth");
	kh_diag_add(&d, KH_ERROR, at(s0, "b", 1), "r", "third");
	kh_diags_sort(&d);
	const char *want[] = { "first", "second", "third", "fourth", "fifth", "sixth" };
	int i = 0;
	for (kh_diag *x = d.first; x; x = x->next)
		assert_string_equal(x->message, want[i++]);
	assert_int_equal(i, 6);
	assert_string_equal(d.last->message, "sixth");
	/* the list still appends after sorting, and sorting again is stable */
	kh_diag_add(&d, KH_ERROR, at(s0, "a", 1), "r", "second too");
	assert_string_equal(d.last->message, "second too");
	kh_diags_sort(&d);
	assert_string_equal(d.first->next->message, "second");
	assert_string_equal(d.first->next->next->message, "second too");
	/* empty and single-element lists */
	kh_diags e = { 0 };
	kh_diags_sort(&e);
	assert_null(e.first);
	assert_null(e.last);
	kh_diag_add(&e, KH_ERROR, at(s0, "a", 1), "r", "only");
	kh_diags_sort(&e);
	assert_ptr_equal(e.first, e.last);

	/* many findings in reverse order come out sorted and stable */
	kh_diags m = { 0 };
	for (int k = 0; k < 1000; k++)
		kh_diag_add(&m, KH_ERROR, (kh_span){ s0->id, (unsigned)(999 - k) / 2, 0 }, "r", "%d", k);
	kh_diags_sort(&m);
	unsigned n = 0;
	for (kh_diag *x = m.first; x && x->next; x = x->next, n++) {
		assert_true(x->span.start <= x->next->span.start);
		if (x->span.start == x->next->span.start)
			assert_true(x->seq < x->next->seq);
	}
	assert_int_equal(n, 999);
}

/* Long lines are cut to a window around the caret, marked with "…". */
static void test_long_line_is_cut_around_the_column(void **state)
{
	(void)state;
	kh_buf b = { 0 };
	for (int i = 0; i < 5000; i++)
		kh_buf_putc(&b, i == 10 ? '#' : 'x');
	kh_buf_puts(&b, "@");
	kh_source *s = src("l.kh", kh_buf_cstr(&b));

	kh_diags d = { 0 };
	kh_diag_add(&d, KH_ERROR, at(s, "@", 1), "r", "here");
	kh_buf want = { 0 };
	kh_buf_puts(&want, "l.kh:1:5001: error: here [r]\n    1 | …");
	for (int i = 0; i < 80; i++)
		kh_buf_putc(&want, 'x');
	kh_buf_puts(&want, "@\n      |  ");
	for (int i = 0; i < 80; i++)
		kh_buf_putc(&want, ' ');
	kh_buf_puts(&want, "^\n");
	same_text(render(&d, 0), kh_buf_cstr(&want));

	d = (kh_diags){ 0 };
	kh_diag_add(&d, KH_ERROR, at(s, "#", 1), "r", "near the start");
	const char *out = render(&d, 0);
	assert_true(strlen(out) < 1000);
	assert_non_null(strstr(out, "    1 | xxxxxxxxxx#xxx"));
	assert_non_null(strstr(out, "x…\n      |           ^\n"));
}

/* Bytes of a refused file are shown safely, one column each. */
static void test_bad_bytes_are_shown_safely(void **state)
{
	(void)state;
	kh_diags d = { 0 };
	assert_null(kh_source_from_bytes("b.kh", "ab\0c\x1b[31m\n\xC3z\x7f\n", 14, &d));
	same_text(render(&d, 0),
		  "b.kh:1:3: error: NUL byte in the file; plan files are text [nul-byte]\n"
		  "    1 | ab\xE2\x90\x80" "c\xE2\x90\x9B[31m\n"
		  "      |   ^\n"
		  "b.kh:1:5: error: control character U+001B: it can drive a terminal or break a "
		  "page; remove it [control-character]\n"
		  "    1 | ab\xE2\x90\x80" "c\xE2\x90\x9B[31m\n"
		  "      |     ^\n"
		  "b.kh:2:1: error: invalid UTF-8 byte 0xC3 (a sequence cut short) [invalid-utf8]\n"
		  "    2 | \xEF\xBF\xBDz\xE2\x90\xA1\n"
		  "      | ^\n"
		  "b.kh: note: plan files must be saved as UTF-8; legacy Vietnamese encodings "
		  "(TCVN3, VNI, Windows-1258) are not supported\n"
		  "b.kh:2:3: error: control character U+007F: it can drive a terminal or break a "
		  "page; remove it [control-character]\n"
		  "    2 | \xEF\xBF\xBDz\xE2\x90\xA1\n"
		  "      |   ^\n");
}

/* The gutter widens past line 9999, as GCC's does. */
static void test_wide_line_numbers(void **state)
{
	(void)state;
	kh_buf b = { 0 };
	for (int i = 0; i < 10000; i++)
		kh_buf_putc(&b, '\n');
	kh_buf_puts(&b, "xy");
	kh_source *s = src("w.kh", kh_buf_cstr(&b));
	kh_diags d = { 0 };
	kh_diag_add(&d, KH_ERROR, at(s, "y", 1), "r", "m");
	same_text(render(&d, 0),
		  "w.kh:10001:2: error: m [r]\n"
		  " 10001 | xy\n"
		  "       |  ^\n");
}

static void test_severity_words_and_colour(void **state)
{
	(void)state;
	kh_source *s = src("c.kh", "abcd\n");
	kh_diags d = { 0 };
	kh_diag_add(&d, KH_NOTE, at(s, "a", 1), "r", "just so");
	assert_non_null(strstr(render(&d, 0), "c.kh:1:1: note: just so [r]\n"));

	d = (kh_diags){ 0 };
	kh_diag_add(&d, KH_ERROR, at(s, "bc", 2), "r", "bad");
	kh_diag_add(&d, KH_WARNING, at(s, "d", 1), "w", "odd");
	same_text(render(&d, 1),
		  "\033[01m\033[Kc.kh:1:2:\033[m\033[K \033[01;31m\033[Kerror:\033[m\033[K bad "
		  "[\033[01;31m\033[Kr\033[m\033[K]\n"
		  "    1 | abcd\n"
		  "      |  \033[01;32m\033[K^~\033[m\033[K\n"
		  "\033[01m\033[Kc.kh:1:4:\033[m\033[K \033[01;35m\033[Kwarning:\033[m\033[K odd "
		  "[\033[01;35m\033[Kw\033[m\033[K]\n"
		  "    1 | abcd\n"
		  "      |    \033[01;32m\033[K^\033[m\033[K\n");
}

static void test_json_string_escaping(void **state)
{
	(void)state;
	kh_buf out = { 0 };
	kh_json_string(&out, "a\"b\\c/\nd\te\r\b\f\x01\x1f\x7f \xE2\x80\xA8\xE2\x80\xA9 ế\xF0\x9F\x98\x80");
	same_text(kh_buf_cstr(&out), "\"a\\\"b\\\\c/\\nd\\te\\r\\b\\f\\u0001\\u001f\x7f "
				     "\\u2028\\u2029 ế\xF0\x9F\x98\x80\"");
	out = (kh_buf){ 0 };
	kh_json_string(&out, "");
	assert_string_equal(kh_buf_cstr(&out), "\"\"");
	out = (kh_buf){ 0 };
	kh_json_string(&out, NULL);
	assert_string_equal(kh_buf_cstr(&out), "null");
	/* not UTF-8 (a file name, say): replaced, so the JSON stays valid */
	out = (kh_buf){ 0 };
	kh_json_string(&out, "x\xFFy\xC3");
	assert_string_equal(kh_buf_cstr(&out), "\"x\xEF\xBF\xBDy\xEF\xBF\xBD\"");
}

static void test_json_findings(void **state)
{
	(void)state;
	kh_source *s = src("j.kh", "giao x\ngiao xyzw\n");
	kh_diags d = { 0 };
	kh_diag *x = kh_diag_add(&d, KH_ERROR, at(s, "xyzw", 4), "duplicate-id",
				 "'%s' is \"declared\"\ttwice", "x");
	kh_diag_note(x, at(s, "x\n", 1), "first here");
	kh_diag_note(x, (kh_span){ -1, 0, 0 }, "no place");
	kh_diag_add_path(&d, KH_WARNING, NULL, "usage", "no files");
	kh_diag_add_path(&d, KH_ERROR, "a\"b.kh", "io-error", "gone");
	kh_diags_sort(&d);
	kh_buf j = { 0 };
	kh_diags_print_json(&d, &j);
	same_text(kh_buf_cstr(&j),
		  "{\n"
		  "  \"findings\": [\n"
		  "    {\"file\": null, \"line\": 0, \"column\": 0, \"end_line\": 0, \"end_column\": 0, "
		  "\"severity\": \"warning\", \"rule\": \"usage\", \"message\": \"no files\", "
		  "\"notes\": []},\n"
		  "    {\"file\": \"a\\\"b.kh\", \"line\": 0, \"column\": 0, \"end_line\": 0, "
		  "\"end_column\": 0, \"severity\": \"error\", \"rule\": \"io-error\", "
		  "\"message\": \"gone\", \"notes\": []},\n"
		  "    {\"file\": \"j.kh\", \"line\": 2, \"column\": 6, \"end_line\": 2, "
		  "\"end_column\": 10, \"severity\": \"error\", \"rule\": \"duplicate-id\", "
		  "\"message\": \"'x' is \\\"declared\\\"\\ttwice\", \"notes\": ["
		  "{\"file\": \"j.kh\", \"line\": 1, \"column\": 6, \"message\": \"first here\"}, "
		  "{\"file\": \"j.kh\", \"line\": 0, \"column\": 0, \"message\": \"no place\"}]}\n"
		  "  ],\n"
		  "  \"errors\": 2,\n"
		  "  \"warnings\": 1\n"
		  "}\n");

	kh_diags empty = { 0 };
	kh_buf e = { 0 };
	kh_diags_print_json(&empty, &e);
	same_text(kh_buf_cstr(&e), "{\n  \"findings\": [],\n  \"errors\": 0,\n  \"warnings\": 0\n}\n");
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_counts_and_formats),
		cmocka_unit_test(test_gcc_style_with_caret),
		cmocka_unit_test(test_vietnamese_columns),
		cmocka_unit_test(test_tabs_keep_alignment),
		cmocka_unit_test(test_span_edges),
		cmocka_unit_test(test_notes_and_no_location),
		cmocka_unit_test(test_sorted_by_file_offset_then_order),
		cmocka_unit_test(test_long_line_is_cut_around_the_column),
		cmocka_unit_test(test_bad_bytes_are_shown_safely),
		cmocka_unit_test(test_wide_line_numbers),
		cmocka_unit_test(test_severity_words_and_colour),
		cmocka_unit_test(test_json_string_escaping),
		cmocka_unit_test(test_json_findings),
	};
	return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}

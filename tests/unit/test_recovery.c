/*
 * test_recovery.c - one mistake, one error, and the rest of the file read
 * as meant: a mistyped keyword read as that keyword; a '{' on the next
 * line accepted; missing and extra braces located by the indentation and
 * mended; a bad line that opens a block skipped whole; one error a line;
 * at most KH_MAX_BLOCK_ERRORS a block, the rest counted in a note; curly
 * quotes and odd spaces named.
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "parse.h"
#include "parser.h"

static kh_node *parse(const char *text, kh_diags *d)
{
	memset(d, 0, sizeof *d);
	kh_source *src = kh_source_from_bytes("t.kh", text, strlen(text), d);
	assert_non_null(src);
	return kh_parse(src, d);
}

/* Exactly one error, of RULE, at LINE:COL, its message containing MSG. */
static void one_error(const kh_diags *d, const char *rule, unsigned line, unsigned col,
		      const char *msg)
{
	for (const kh_diag *x = d->first; d->count != 1 && x; x = x->next)
		print_message("%s [%s]\n", x->message, x->rule);
	assert_int_equal(d->count, 1);
	assert_string_equal(d->first->rule, rule);
	unsigned l, c;
	kh_source_locate(kh_source_get(d->first->span.file), d->first->span.start, &l, &c);
	assert_int_equal(l, line);
	assert_int_equal(c, col);
	if (!strstr(d->first->message, msg))
		print_message("message: %s\n", d->first->message);
	assert_non_null(strstr(d->first->message, msg));
}

/* The children of the plan, by kind. */
static int count_kind(const kh_node *plan, kh_node_kind kind)
{
	int n = 0;
	for (const kh_node *k = plan->kids; k; k = k->next)
		n += k->kind == kind;
	return n;
}

static void test_mistyped_keyword_is_read_as_it(void **state)
{
	(void)state;
	kh_diags d;
	kh_node *f = parse("kế_hoạch {\n  nhiệm_vu bc \"x\" {\n    giao a\n  }\n"
			   "  nhiệm_vụ t \"y\" { sau bc }\n}\n", &d);
	one_error(&d, "misspelt-keyword", 2, 3, "'nhiệm_vu' is not a keyword; did you mean 'nhiệm_vụ'?");
	assert_int_equal(d.first->span.end - d.first->span.start, strlen("nhiệm_vu"));
	kh_node *task = f->kids->kids;
	assert_int_equal(task->kind, KH_N_TASK);
	assert_string_equal(task->id, "bc");
	assert_int_equal(count_kind(f->kids, KH_N_TASK), 2);
	/* a capital, and a keyword of two words written with a space */
	f = parse("Kế_hoạch {\n  Nơi nhận { a }\n}\n", &d);
	assert_int_equal(d.errors, 2);
	assert_non_null(strstr(d.first->message, "Keywords are written in lower case"));
	assert_int_equal(count_kind(f->kids, KH_N_RECIPIENTS), 1);
	/* where only keywords fit */
	parse("kế_hoạch { nhiệm_vụ t \"y\" {\n    hạn trươc 30/8/2019\n  }\n}\n", &d);
	one_error(&d, "misspelt-keyword", 2, 9, "did you mean 'trước'?");
	/* a body starting a line of nơi_nhận is no mistake */
	parse("kế_hoạch {\n  nơi_nhận {\n    Giao \"để biết\"\n    ubnd, Giao\n  }\n}\n", &d);
	assert_int_equal(d.count, 0);
}

static void test_brace_on_the_next_line(void **state)
{
	(void)state;
	kh_diags d;
	kh_node *f = parse("kế_hoạch \"1\"\n{\n  nhiệm_vụ a \"x\"\n  {\n    giao b\n  }\n"
			   "  mục \"M\"\n\n  {\n    \"p\"\n  }\n}\n", &d);
	assert_int_equal(d.count, 0);
	kh_node *task = f->kids->kids;
	assert_int_equal(task->kind, KH_N_TASK);
	assert_non_null(task->kids);
	assert_int_equal(task->next->kind, KH_N_SECTION);
	assert_non_null(task->next->kids);
}

static void test_missing_brace(void **state)
{
	(void)state;
	kh_diags d;
	kh_node *f = parse("kế_hoạch {\n  nhiệm_vụ a \"x\" {\n    giao b\n"
			   "  nhiệm_vụ c \"y\" {\n    giao b\n  }\n}\n", &d);
	one_error(&d, "unbalanced-brace", 2, 18,
		  "the block of 'nhiệm_vụ a \"x\"' opened here is not closed; '}' is probably "
		  "missing before line 4");
	assert_int_equal(count_kind(f->kids, KH_N_TASK), 2);
	/* the '}' of an outer block where the inner one's belongs */
	f = parse("kế_hoạch {\n  nhiệm_vụ a \"x\" {\n    giao b\n}\n", &d);
	one_error(&d, "unbalanced-brace", 2, 18, "missing before line 4");
	/* at the end of the file */
	f = parse("kế_hoạch {\n  nhiệm_vụ a \"x\" {\n    giao b\n  }\n", &d);
	one_error(&d, "unbalanced-brace", 1, 10, "'kế_hoạch' opened here is not closed; '}' is "
		  "probably missing at the end of the file");
	assert_int_equal(f->kids->kind, KH_N_PLAN);
	/* no indentation to read: the brace left open is named */
	parse("kế_hoạch {\nnhiệm_vụ a \"x\" {\ngiao b\n}\n", &d);
	one_error(&d, "unbalanced-brace", 1, 10, "the block of 'kế_hoạch' opened here is not closed");
}

static void test_extra_brace(void **state)
{
	(void)state;
	kh_diags d;
	kh_node *f = parse("kế_hoạch {\n  nhiệm_vụ a \"x\" {\n    giao b\n  }\n  }\n"
			   "  nhiệm_vụ c \"y\" {\n    giao b\n  }\n}\n", &d);
	one_error(&d, "unbalanced-brace", 5, 3, "extra '}': judging by the indentation, it closes "
		  "the block of 'kế_hoạch' (line 1) too early; remove it");
	assert_int_equal(count_kind(f->kids, KH_N_TASK), 2);
	parse("kế_hoạch {\n}\n}\n", &d);
	one_error(&d, "unbalanced-brace", 3, 1, "extra '}': no block is open here; remove it");
}

/* A bad line that opens a block: the block goes with it, so its lines
 * are not read as the outer block's, and the outer block still closes. */
static void test_bad_line_with_a_block(void **state)
{
	(void)state;
	kh_diags d;
	kh_node *f = parse("kế_hoạch {\n  nhiệm_vụ \"x\" {\n    giao b\n    hạn trước 1/1/2020\n  }\n"
			   "  nhiệm_vụ c \"y\" { giao b }\n}\n", &d);
	one_error(&d, "syntax-error", 2, 12, "expected an identifier");
	assert_int_equal(count_kind(f->kids, KH_N_TASK), 1);
	assert_int_equal(count_kind(f->kids, KH_N_ATTR), 0);
}

static void test_one_error_a_line_and_a_cap_a_block(void **state)
{
	(void)state;
	kh_diags d;
	parse("kế_hoạch {\n  trích_yếu “Tổng kết\n}\n", &d);
	one_error(&d, "unexpected-character", 2, 13, "U+201C LEFT DOUBLE QUOTATION MARK");
	kh_node *f = parse("kế_hoạch {\n  giao\n  gửi\n  hạn\n  sau\n  giao\n  gửi\n  hạn\n"
			   "  mục_đích \"ok\"\n}\n", &d);
	assert_int_equal(d.errors, KH_MAX_BLOCK_ERRORS);
	const kh_diag *last = d.first;
	while (last->next)
		last = last->next;
	assert_non_null(last->notes);
	assert_string_equal(last->notes->message, "2 more errors in this block are not shown");
	assert_int_equal(count_kind(f->kids, KH_N_PURPOSE), 1);
	/* a string's own errors are all told */
	parse("kế_hoạch { trích_yếu \"\\q \\u{D800}\" }\n", &d);
	assert_int_equal(d.errors, 2);
}

static void test_curly_quotes_and_odd_spaces(void **state)
{
	(void)state;
	kh_diags d;
	kh_node *f = parse("kế_hoạch {\n  trích_yếu “Tổng kết”\n  mục_đích ‘a’\n}\n", &d);
	assert_int_equal(d.errors, 2);
	assert_non_null(strstr(d.first->message, "curly quotes around a string"));
	assert_string_equal(f->kids->kids->kids->text, "Tổng kết");
	parse("kế_hoạch {\n  trích_yếu\xC2\xA0\"a\"\n}\n", &d);
	one_error(&d, "unexpected-character", 2, 12, "U+00A0 NO-BREAK SPACE (often pasted from Word)");
	parse("kế_hoạch {\n  trích_yếu\xE3\x80\x80\"a\"\n}\n", &d);
	one_error(&d, "unexpected-character", 2, 12, "U+3000 IDEOGRAPHIC SPACE");
	/* a line separator ends its line */
	f = parse("kế_hoạch {\n  trích_yếu \"a\"\xE2\x80\xA8  mục_đích \"b\"\n}\n", &d);
	one_error(&d, "unexpected-character", 2, 16, "U+2028 LINE SEPARATOR");
	assert_int_equal(count_kind(f->kids, KH_N_PURPOSE), 1);
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mistyped_keyword_is_read_as_it),
		cmocka_unit_test(test_brace_on_the_next_line),
		cmocka_unit_test(test_missing_brace),
		cmocka_unit_test(test_extra_brace),
		cmocka_unit_test(test_bad_line_with_a_block),
		cmocka_unit_test(test_one_error_a_line_and_a_cap_a_block),
		cmocka_unit_test(test_curly_quotes_and_odd_spaces),
	};
	return cmocka_run_group_tests_name("recovery", tests, NULL, NULL);
}

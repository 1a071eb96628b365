/*
 * test_fmt.c - the canonical layout: indentation by braces (not those in
 * strings or comments), blank lines, line ends, byte-order mark, block
 * comments kept as written, a '{' moved up to its statement, a word
 * processor's quotes and spaces repaired, and idempotence on every example.
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "diag.h"
#include "fmt.h"
#include "source.h"

/* IN laid out as fmt lays out a file: loaded, then scanned for its layout. */
static void format_bytes(const char *in, size_t len, kh_buf *out)
{
	kh_diags d = { 0 };
	kh_source *src = kh_source_from_bytes("t.kh", in, len, &d);
	assert_non_null(src);
	kh_format_source(src, out);
}

static const char *fmt(const char *in)
{
	kh_buf out = { 0 };
	format_bytes(in, strlen(in), &out);
	return kh_buf_cstr(&out);
}

static void test_indentation_follows_braces(void **state)
{
	(void)state;
	assert_string_equal(fmt("a {\nb {\nc\n}\n}\n"), "a {\n  b {\n    c\n  }\n}\n");
	assert_string_equal(fmt("a {\n\t\t  b\n        }\n"), "a {\n  b\n}\n");
	/* a closing brace first on a line goes out one level */
	assert_string_equal(fmt("a { b {\nc\n} }\n"), "a { b {\n    c\n  } }\n");
}

static void test_braces_in_strings_and_comments_do_not_count(void **state)
{
	(void)state;
	assert_string_equal(fmt("a \"{ {\" # {\nb\n"), "a \"{ {\" # {\nb\n");
	assert_string_equal(fmt("a \"x\\\"{\" // {\nb\n"), "a \"x\\\"{\" // {\nb\n");
	assert_string_equal(fmt("a {\n\"} }\"\n}\n"), "a {\n  \"} }\"\n}\n");
}

static void test_block_comments_keep_their_layout(void **state)
{
	(void)state;
	assert_string_equal(fmt("a {\n/* one {\n      two   \n\n*/\nb\n}\n"),
			    "a {\n  /* one {\n      two\n\n*/\n  b\n}\n");
}

static void test_blank_lines_and_line_ends(void **state)
{
	(void)state;
	assert_string_equal(fmt("\n\na\n\n\n\nb\n\n\n"), "a\n\nb\n");
	assert_string_equal(fmt("a {\r\nb   \r\n}\r\n"), "a {\n  b\n}\n");
	assert_string_equal(fmt("a {\rb\r}"), "a {\n  b\n}\n");
	assert_string_equal(fmt("\xEF\xBB\xBF" "a\n"), "a\n");
	assert_string_equal(fmt(""), "");
	assert_string_equal(fmt("   \n\t\n"), "");
}

static void test_unbalanced_input_does_not_go_negative(void **state)
{
	(void)state;
	assert_string_equal(fmt("}\n}\na\n"), "}\n}\na\n");
}

/* A '{' alone on its line goes up to its statement's line, across blank
 * lines; not after a comment (it would be commented out), nor in one. */
static void test_brace_moves_up(void **state)
{
	(void)state;
	assert_string_equal(fmt("a \"x\"\n{\n  b\n}\n"), "a \"x\" {\n  b\n}\n");
	assert_string_equal(fmt("a {\n  m \"x\"\n\n  {\n  }\n}\n"), "a {\n  m \"x\" {\n  }\n}\n");
	assert_string_equal(fmt("a # c\n{\n}\n"), "a # c\n{\n}\n");
	assert_string_equal(fmt("/* a\n{\n*/\n"), "/* a\n{\n*/\n");
	assert_string_equal(fmt("{\n}\n"), "{\n}\n");
	assert_string_equal(fmt("a\n{ b }\n"), "a\n{ b }\n");
}

static const char *repair(const char *in, size_t *changed)
{
	kh_buf out = { 0 };
	*changed = kh_format_repair(in, strlen(in), &out);
	return kh_buf_cstr(&out);
}

/* Curly-quoted strings and odd spaces outside strings and comments are
 * written as the language has them; inside, they are text. */
static void test_repair(void **state)
{
	(void)state;
	size_t n;
	assert_string_equal(repair("a “x y” ‘z’\n", &n), "a \"x y\" \"z\"\n");
	assert_int_equal(n, 4);
	assert_string_equal(repair("a\xC2\xA0" "b\xE3\x80\x80\"c\xC2\xA0" "d\"\xE2\x80\xA8", &n),
			    "a b \"c\xC2\xA0" "d\"\n");
	assert_int_equal(n, 3);
	/* nothing to repair: nothing written */
	assert_string_equal(repair("\"“a”\" # “b”\xC2\xA0\n", &n), "");
	assert_int_equal(n, 0);
	assert_string_equal(repair("a “b\n", &n), ""); /* not closed on its line */
	assert_int_equal(n, 0);
	/* the text after the last change, and before the first, as it is */
	assert_string_equal(repair("# “x”\nab\xC2\xA0" "cd “e” fg\n", &n), "# “x”\nab cd \"e\" fg\n");
	assert_int_equal(n, 3);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = kh_alloc_atomic((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	buf[n] = '\0';
	*len = (size_t)n;
	return buf;
}

/* The examples are laid out canonically already; a messy file becomes
 * canonical in one pass. */
static void test_examples_and_idempotence(void **state)
{
	(void)state;
	static const char *const files[] = {
		"examples/250-KH-TU-2019.kh", "examples/297-HD-UBND-2019.kh",
		"examples/KH-dang-uy-xa-2023.kh", "examples/KH-tinh-uy-CT10-2017.kh",
		"tests/fmt/messy.kh",
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		size_t len;
		const char *in = slurp(files[i], &len);
		kh_buf once = { 0 }, twice = { 0 };
		format_bytes(in, len, &once);
		format_bytes(once.data, once.len, &twice);
		assert_int_equal(once.len, twice.len);
		assert_memory_equal(once.data, twice.data, once.len);
		if (i < 4) {
			assert_int_equal(once.len, len);
			assert_memory_equal(once.data, in, len);
		}
	}
}

/* The read-back check's first question (fmt_tokens.c): layout and
 * comments do not change the tokens; an id, a string, a number, a date,
 * a keyword or a brace does. */
static bool same(const char *a, const char *b)
{
	kh_diags d = { 0 };
	kh_source *src = kh_source_from_bytes("t.kh", a, strlen(a), &d);
	assert_non_null(src);
	bool copied = kh_same_tokens(src, b, strlen(b));
	/* read in place: the same answer, and the buffer's bytes unchanged */
	kh_buf in = { 0 };
	kh_buf_puts(&in, b);
	assert_int_equal(kh_same_tokens_in(src, &in), copied);
	assert_int_equal(in.len, strlen(b));
	assert_memory_equal(in.data, b, in.len + 1);
	return copied;
}

static void test_same_tokens(void **state)
{
	(void)state;
	const char *plan = "kế_hoạch \"Kế hoạch\" {\n  nhiệm_vụ a \"Làm\" {\n    hạn 15/9/2025\n  }\n}\n";
	static const struct {
		const char *text;
		bool same;
	} cases[] = {
		{ "kế_hoạch   \"Kế hoạch\" {\n# a note\nnhiệm_vụ a \"Làm\" {\n        hạn 15/9/2025 // due\n}\n\n}\n", true },
		{ "kế_hoạch \"Kế hoạch\" {\n  nhiệm_vụ b \"Làm\" {\n    hạn 15/9/2025\n  }\n}\n", false },   /* id */
		{ "kế_hoạch \"Kế hoạch\" {\n  nhiệm_vụ a \"Làm.\" {\n    hạn 15/9/2025\n  }\n}\n", false },  /* string */
		{ "kế_hoạch \"Kế hoạch\" {\n  nhiệm_vụ a \"Làm\" {\n    hạn 16/9/2025\n  }\n}\n", false },   /* date */
		{ "kế_hoạch \"Kế hoạch\" {\n  nhiệm_vụ a \"Làm\" {\n    hạn 15/9/2025\n  }\n", false },      /* brace */
		{ "kế_hoạch \"Kế hoạch\" {\n  nhiệm_vụ a \"Làm\" {\n    sau 15/9/2025\n  }\n}\n", false },   /* keyword */
		/* a text the scanner reports on is never "the same" */
		{ "kế_hoạch \"Kế hoạch\" {\n  nhiệm_vu a \"Làm\" {\n    hạn 15/9/2025\n  }\n}\n", false },
	};
	assert_true(same(plan, plan));
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		if (same(plan, cases[i].text) != cases[i].same)
			fail_msg("case %zu: expected %s", i, cases[i].same ? "the same tokens" : "others");
}

/* The read-back check's second question, asked when the tokens differ
 * (kh_format_checked keeps only the source: both texts are resolved
 * again): the same plan whatever the layout and the tokens that say
 * nothing new, another plan when a fact changes, and no answer of "the
 * same" for a text that reads with an error. */
static void test_same_plan(void **state)
{
	(void)state;
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = KH_STDLIB_DIR;
	const char *plan = "cơ_quan x \"Phòng X\"\nkế_hoạch \"Kế hoạch\" {\n  nhiệm_vụ a \"Làm\" {\n"
			   "    giao x\n    hạn 15/9/2025\n  }\n}\n";
	kh_diags d = { 0 };
	kh_source *src = kh_source_from_bytes("t.kh", plan, strlen(plan), &d);
	assert_non_null(src);
	static const struct {
		const char *text;
		bool same;
	} cases[] = {
		{ "cơ_quan x \"Phòng X\"\nkế_hoạch \"Kế hoạch\" { nhiệm_vụ a \"Làm\" { giao x; hạn 15/9/2025 } }\n", true },
		{ "cơ_quan x \"Phòng X\"\nkế_hoạch \"Kế hoạch\" {\n  nhiệm_vụ a \"Làm\" {\n    giao x\n    hạn 16/9/2025\n  }\n}\n", false },
		{ "cơ_quan x \"Phòng Y\"\nkế_hoạch \"Kế hoạch\" {\n  nhiệm_vụ a \"Làm\" {\n    giao x\n    hạn 15/9/2025\n  }\n}\n", false },
		{ "cơ_quan x \"Phòng X\"\nkế_hoạch \"Kế hoạch\" {\n  nhiệm_vụ a \"Làm\" {\n    giao y\n    hạn 15/9/2025\n  }\n}\n", false },
	};
	assert_true(kh_format_same_plan(src, plan, strlen(plan), &opts));
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		if (kh_format_same_plan(src, cases[i].text, strlen(cases[i].text), &opts) != cases[i].same)
			fail_msg("case %zu: expected %s", i, cases[i].same ? "the same plan" : "another");
	/* the source itself must read without error to be the same as anything */
	const char *bad = "kế_hoạch \"Kế hoạch\" {\n  nhiệm_vụ a \"Làm\" {\n    giao z\n  }\n}\n";
	kh_source *wrong = kh_source_from_bytes("t.kh", bad, strlen(bad), &d);
	assert_non_null(wrong);
	assert_false(kh_format_same_plan(wrong, bad, strlen(bad), &opts));
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_indentation_follows_braces),
		cmocka_unit_test(test_braces_in_strings_and_comments_do_not_count),
		cmocka_unit_test(test_block_comments_keep_their_layout),
		cmocka_unit_test(test_blank_lines_and_line_ends),
		cmocka_unit_test(test_unbalanced_input_does_not_go_negative),
		cmocka_unit_test(test_brace_moves_up),
		cmocka_unit_test(test_repair),
		cmocka_unit_test(test_examples_and_idempotence),
		cmocka_unit_test(test_same_tokens),
		cmocka_unit_test(test_same_plan),
	};
	return cmocka_run_group_tests_name("fmt", tests, NULL, NULL);
}

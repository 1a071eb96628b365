/*
 * test_literal.c - where each string was written (literal.c), noted by the
 * scanner and found again from the resolved plan's text: the prose rules
 * point into the source through it, without reading the file again.
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "citations.h"
#include "literal.h"
#include "map.h"
#include "resolve.h"
#include "source.h"

static const char *TEXT =
	"import \"vn/hierarchy\"\n"
	"cơ_quan ubnd_h \"Ủy ban nhân dân huyện Thăng Bình\" cấp huyện là ubnd\n"
	"kế_hoạch \"Tổng kết\" {\n"
	"  ban_hành ubnd_h\n"
	"  ngày 02/01/2024\n"
	"  nhiệm_vụ a \"Báo cáo kết quả.\" { giao ubnd_h }\n"
	"  nhiệm_vụ b \"Báo cáo kết quả.\" { giao ubnd_h }\n"
	"  nhiệm_vụ c \"Gửi \\\"Sổ tay\\\" về huyện.\" { giao ubnd_h }\n"
	"  nhiệm_vụ d \"Tuyên truyền \" \"sâu rộng.\" { giao ubnd_h }\n"
	"  nhiệm_vụ e \"Sổ tay\" \"\\\" in lại.\" { giao ubnd_h }\n"
	"}\n";

static kh_program *program_read(bool no_literals, bool in_place)
{
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = KH_STDLIB_DIR;
	opts.no_literals = no_literals;
	opts.strings_in_place = in_place;
	kh_diags d;
	memset(&d, 0, sizeof d);
	kh_program *p = kh_resolve_bytes("literal.kh", TEXT, strlen(TEXT), &opts, &d);
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	return p;
}

static kh_program *program_with(bool no_literals)
{
	return program_read(no_literals, false);
}

static kh_program *program(void)
{
	return program_with(false);
}

static const kh_task *task(const kh_program *p, const char *id)
{
	for (size_t i = 0; i < p->plan->tasks.n; i++) {
		const kh_task *t = KH_VEC_AT(p->plan->tasks, kh_task, i);
		if (!strcmp(t->id, id))
			return t;
	}
	fail_msg("no task %s", id);
	return NULL;
}

/* The source bytes a literal covers. */
static const char *bytes(const kh_program *p, const kh_literal *l)
{
	return kh_strndup(p->main->text + l->start, l->end - l->start);
}

/* Where TEXT was written in P, or NULL. */
static const kh_literal *literal_of(const kh_program *p, const char *text)
{
	kh_literal *l = kh_alloc_atomic(sizeof *l);
	return kh_literal_find(p->main, p->literals, text, l) ? l : NULL;
}

static void test_each_string_where_written(void **state)
{
	(void)state;
	kh_program *p = program();
	const kh_literal *a = literal_of(p, task(p, "a")->text);
	const kh_literal *b = literal_of(p, task(p, "b")->text);
	assert_non_null(a);
	assert_non_null(b);
	/* the same words twice: each string its own place */
	assert_true(a->start < b->start);
	assert_string_equal(bytes(p, a), "\"Báo cáo kết quả.\"");
	assert_string_equal(bytes(p, b), "\"Báo cáo kết quả.\"");
	assert_true(a->raw);
	/* escapes: the literal, not verbatim */
	const kh_literal *c = literal_of(p, task(p, "c")->text);
	assert_non_null(c);
	assert_false(c->raw);
	assert_string_equal(bytes(p, c), "\"Gửi \\\"Sổ tay\\\" về huyện.\"");
	/* a run of literals: the run, joined */
	const kh_literal *d = literal_of(p, task(p, "d")->text);
	assert_non_null(d);
	assert_false(d->raw);
	assert_string_equal(bytes(p, d), "\"Tuyên truyền \" \"sâu rộng.\"");
	/* the same words, but not a string of the file's */
	assert_null(literal_of(p, kh_strdup(task(p, "a")->text)));
	assert_null(literal_of(p, NULL));
}

/* The prose rules' strings point at the bytes they were read from. */
static void test_prose_spans_from_the_scanner(void **state)
{
	(void)state;
	kh_program *p = program();
	kh_vec v = { 0 };
	kh_prose_collect(p, &v);
	int seen = 0;
	for (size_t i = 0; i < v.n; i++) {
		const kh_prose *x = v.items[i];
		const char *w = strstr(x->text, "huyện.");
		if (!w && !(w = strstr(x->text, "rộng.")))
			continue;
		size_t at = (size_t)(w - x->text), n = strlen(w);
		kh_span s = kh_prose_span(x, at, at + n);
		assert_int_equal(s.end - s.start, n);
		assert_memory_equal(p->main->text + s.start, w, n);
		seen++;
	}
	assert_int_equal(seen, 2);
}

/* A command that does not check the plan (json, render …) does not
 * note where its strings stand; the plan is the same. */
static void test_not_noted_unless_checked(void **state)
{
	(void)state;
	kh_program *noted = program(), *plain = program_with(true);
	assert_non_null(noted->literals);
	assert_non_null(literal_of(noted, task(noted, "a")->text));
	assert_null(plain->literals);
	assert_null(literal_of(plain, task(plain, "a")->text));
	assert_string_equal(task(plain, "d")->text, task(noted, "d")->text);
	assert_int_equal(plain->plan->tasks.n, noted->plan->tasks.n);
}

/* Read once (check, the emitters), a string without escapes is its own
 * bytes in the source, its closing quote made its NUL; what reads the
 * source as written gets the quotes back. */
static void test_strings_in_place(void **state)
{
	(void)state;
	kh_program *p = program_read(false, true), *copied = program();
	const kh_source *src = p->main;
	assert_true(src->strings_in_place);
	assert_false(copied->main->strings_in_place);
	const char *a = task(p, "a")->text;
	assert_string_equal(a, "Báo cáo kết quả.");
	assert_true(a > src->text && a < src->text + src->len); /* not a copy */
	const kh_literal *la = literal_of(p, a);
	assert_non_null(la);
	assert_true(la->raw);
	assert_ptr_equal(a, src->text + la->start + 1);
	assert_int_equal(la->end, la->start + strlen(a) + 2);
	/* found from its address: the map holds only the copies' places */
	assert_true(!p->literals || !kh_map_get(p->literals, a));
	assert_non_null(literal_of(p, task(p, "c")->text));
	assert_null(literal_of(p, a + 1));          /* inside it: no string's start */
	assert_null(literal_of(p, kh_strdup(a)));   /* the same words elsewhere */
	assert_int_equal(literal_of(p, task(p, "b")->text)->start,
			 literal_of(copied, task(copied, "b")->text)->start);
	/* escapes and joined runs are copies, as before */
	const char *c = task(p, "c")->text, *d = task(p, "d")->text;
	assert_string_equal(c, "Gửi \"Sổ tay\" về huyện.");
	assert_string_equal(d, "Tuyên truyền sâu rộng.");
	assert_true(c < src->text || c > src->text + src->len);
	assert_string_equal(task(p, "e")->text, "Sổ tay\" in lại.");
	/* the source as written: whole, and line by line */
	assert_string_equal(kh_source_copy(src, 0, src->len), TEXT);
	size_t len;
	const char *line = kh_source_line(src, 6, &len);
	const char *want = "  nhiệm_vụ a \"Báo cáo kết quả.\" { giao ubnd_h }";
	assert_int_equal(len, strlen(want));
	assert_memory_equal(line, want, len);
	/* a line without strings is the text itself, not a copy */
	assert_ptr_equal(kh_source_line(src, 4, &len), src->text + src->line_starts[3]);
	/* a place found by its bytes, a quote among them: the one a NUL took */
	kh_vec v = { 0 };
	kh_prose_collect(p, &v);
	int seen = 0;
	for (size_t i = 0; i < v.n; i++) {
		const kh_prose *x = v.items[i];
		const char *w = strstr(x->text, "tay\" in");
		if (!w)
			continue;
		size_t at = (size_t)(w - x->text);
		kh_span sp = kh_prose_span(x, at, at + 4);
		assert_memory_equal(kh_source_copy(src, sp.start, sp.end), "tay\"", 4);
		assert_int_equal(sp.start, (size_t)(strstr(TEXT, "tay\" \"") - TEXT));
		seen++;
	}
	assert_int_equal(seen, 1);
	assert_int_equal(p->plan->tasks.n, copied->plan->tasks.n);
	/* fmt's way: the quotes back in the text itself, to be laid out */
	kh_source_put_quotes_back(p->main);
	assert_false(p->main->strings_in_place);
	assert_int_equal(p->main->len, strlen(TEXT));
	assert_string_equal(p->main->text, TEXT);
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_string_where_written),
		cmocka_unit_test(test_prose_spans_from_the_scanner),
		cmocka_unit_test(test_not_noted_unless_checked),
		cmocka_unit_test(test_strings_in_place),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

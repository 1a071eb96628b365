/*
 * test_relative.c - relative deadlines are dated once, by the resolver:
 * working days skip weekends and the stdlib's public holidays, calendar
 * days do not; an anchor's window shifts as a whole; a chain of anchors is
 * followed; a circle of anchors, a plain "sau X" and an undated anchor
 * stay undated; the anchor reads as the meeting's name or the event's
 * words, never as its id.
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
#include "resolve.h"

static const char *const PLAN_HEAD =
	"cơ_quan btv \"Ban Thường vụ\"\n"
	"sự_kiện hd \"Sau khi có hướng dẫn của tỉnh\"\n"
	"kế_hoạch \"1-KH/TU\" {\n"
	"  ban_hành btv\n"
	"  ngày 1/8/2019\n"
	"  hội_nghị hn \"Hội nghị tổng kết cấp tỉnh\" {\n"
	"    tổ_chức btv\n"
	"    thời_gian 4/9/2019\n"
	"  }\n"
	"  hội_nghị hn_tuan \"Hội nghị trong tuần\" {\n"
	"    tổ_chức btv\n"
	"    thời_gian vào trung_tuần tháng 9/2019\n"
	"  }\n";

static kh_program *resolve_plan(const char *tasks)
{
	kh_diags d = { 0 };
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = KH_STDLIB_DIR;
	const char *text = kh_printf("%s%s}\n", PLAN_HEAD, tasks);
	kh_program *p = kh_resolve_bytes("plan.kh", text, strlen(text), &opts, &d);
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	return p;
}

static const kh_when *due(const kh_program *p, size_t task, size_t k)
{
	const kh_task *t = KH_VEC_AT(p->plan->tasks, kh_task, task);
	return KH_VEC_AT(t->due, kh_when, k);
}

static void assert_day(const kh_when *w, int y, int m, int d)
{
	assert_true(w->dated);
	assert_true(w->derived);
	assert_int_equal(w->start, kh_date_make(y, m, d));
}

static void test_working_days_skip_holidays(void **state)
{
	(void)state;
	/* 4/9/2019 is a Wednesday; 2/9 (Quốc khánh) is a Monday off. */
	kh_program *p = resolve_plan("  nhiệm_vụ a \"A\" { giao btv; hạn 5 ngày_làm_việc trước hn }\n"
				     "  nhiệm_vụ b \"B\" { giao btv; hạn 5 ngày trước hn }\n"
				     "  nhiệm_vụ c \"C\" { giao btv; hạn 2 ngày_làm_việc sau hn }\n");
	assert_day(due(p, 0, 0), 2019, 8, 27);
	assert_day(due(p, 1, 0), 2019, 8, 30);
	assert_day(due(p, 2, 0), 2019, 9, 6);
	assert_string_equal(due(p, 0, 0)->anchor_label, "Hội nghị tổng kết cấp tỉnh");
	assert_int_equal(due(p, 0, 0)->anchor_kind, KH_ANCHOR_MEETING);
}

static void test_window_and_chain(void **state)
{
	(void)state;
	kh_program *p = resolve_plan("  nhiệm_vụ a \"A\" { giao btv; hạn 3 ngày trước hn_tuan }\n"
				     "  nhiệm_vụ b \"B\" { giao btv; hạn 1 ngày trước a }\n");
	const kh_when *a = due(p, 0, 0), *b = due(p, 1, 0);
	/* trung tuần 9/2019 is 11–20/9: the whole window moves back 3 days */
	assert_day(a, 2019, 9, 8);
	assert_int_equal(a->end, kh_date_make(2019, 9, 17));
	assert_day(b, 2019, 9, 7);
	assert_int_equal(b->end, kh_date_make(2019, 9, 16));
	assert_string_equal(b->anchor_label, "nhiệm vụ a");
}

static void test_undated_stays_undated(void **state)
{
	(void)state;
	kh_program *p = resolve_plan("  nhiệm_vụ a \"A\" { giao btv; hạn 2 ngày trước b }\n"
				     "  nhiệm_vụ b \"B\" { giao btv; hạn 2 ngày trước a }\n"
				     "  nhiệm_vụ c \"C\" { giao btv; hạn sau hn }\n"
				     "  nhiệm_vụ e \"E\" { giao btv; hạn 3 ngày sau hd }\n"
				     "  nhiệm_vụ f \"F\" { giao btv; hạn sau hd }\n");
	for (size_t i = 0; i < 4; i++)
		assert_false(due(p, i, 0)->dated);
	assert_string_equal(due(p, 3, 0)->anchor_label, "Sau khi có hướng dẫn của tỉnh");
	assert_int_equal(due(p, 4, 0)->anchor_kind, KH_ANCHOR_EVENT);
	assert_non_null(p->calendar);
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_working_days_skip_holidays),
		cmocka_unit_test(test_window_and_chain),
		cmocka_unit_test(test_undated_stays_undated),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

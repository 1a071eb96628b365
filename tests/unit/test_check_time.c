/*
 * test_check_time.c - the time rules on small plans: which task builds on
 * which report (cấp_trên, 'qua', levels, guidance sent down, lateral sends,
 * the receiver's last task), the default working-day minimum, relative
 * deadlines computed from their anchors, holidays named in messages, and
 * undated deadlines never guessed.
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
#include "check.h"
#include "resolve.h"

static const char *HEAD =
	"cấp trung_ương \"Trung ương\"\n"
	"cấp tỉnh \"Cấp tỉnh\" dưới trung_ương\n"
	"cấp huyện \"Cấp huyện\" dưới tỉnh\n"
	"cấp xã \"Cấp xã\" dưới huyện\n"
	"cấp cơ_sở \"Tổ chức cơ sở đảng\" dưới huyện\n"
	"cấp chi_bộ \"Chi bộ trực thuộc\" dưới cơ_sở\n"
	"cơ_quan btv \"Ban Thường vụ Tỉnh ủy\" cấp tỉnh\n"
	"cơ_quan btc \"Ban Tổ chức Tỉnh ủy\" cấp tỉnh\n"
	"cơ_quan tt \"Thường trực Tỉnh ủy\" cấp tỉnh\n"
	"cơ_quan db \"Đảng bộ cơ sở\" cấp cơ_sở\n"
	"cơ_quan btc_tw \"Ban Tổ chức Trung ương\" cấp trung_ương\n"
	"cơ_quan chung \"Các cơ quan, đơn vị\"\n";

typedef struct run {
	kh_program *prog;
	kh_diags d;
} run;

/* Resolves HEAD + a plan with BODY, then runs the time family only. */
static void check(run *r, const char *decls, const char *body, int min_days)
{
	memset(r, 0, sizeof *r);
	const char *text = kh_printf("%s%s"
				     "kế_hoạch \"1-KH/TU\" {\n"
				     "  ban_hành btv\n"
				     "  ngày 16/8/2019\n"
				     "%s"
				     "}\n",
				     HEAD, decls, body);
	kh_resolve_opts opts = { 0 };
	r->prog = kh_resolve_bytes("plan.kh", text, strlen(text), &opts, &r->d);
	assert_non_null(r->prog);
	if (r->d.errors) {
		kh_buf b = { 0 };
		kh_diags_print_text(&r->d, &b, 0);
		fprintf(stderr, "%s", kh_buf_cstr(&b));
	}
	assert_int_equal(r->d.errors, 0);
	assert_non_null(r->prog->plan);
	kh_rule_config config;
	kh_rule_config_init(&config);
	if (min_days)
		config.min_working_days = min_days;
	kh_check_ctx cx = { r->prog, r->prog->plan, &config, &r->d, kh_calendar_build(r->prog), NULL, NULL };
	kh_check_time(&cx);
}

static const char *text_at(kh_span sp)
{
	kh_source *src = kh_source_get(sp.file);
	assert_non_null(src);
	return kh_strndup(src->text + sp.start, sp.end - sp.start);
}

static unsigned count_rule(const run *r, const char *rule)
{
	unsigned n = 0;
	for (const kh_diag *x = r->d.first; x; x = x->next)
		if (x->rule && !strcmp(x->rule, rule))
			n++;
	return n;
}

/* The finding of RULE whose message holds NEEDLE (NULL: any). */
static const kh_diag *find(const run *r, const char *rule, const char *needle)
{
	for (const kh_diag *x = r->d.first; x; x = x->next)
		if (x->rule && !strcmp(x->rule, rule) && (!needle || strstr(x->message, needle)))
			return x;
	return NULL;
}

static unsigned count_time(const run *r)
{
	return count_rule(r, "deadline-before-issue") + count_rule(r, "deadline-order") +
	       count_rule(r, "dependency-order") + count_rule(r, "non-working-day") +
	       count_rule(r, "too-few-working-days");
}

/* cấp_trên is the level directly above each owner's: a chi bộ reports to
 * the cơ sở, the cơ sở to the huyện. */
static void test_superior_chain(void **state)
{
	(void)state;
	run r;
	check(&r, "",
	      "  nhiệm_vụ chi_bo \"Chi bộ\" { giao cấp chi_bộ; gửi cấp_trên; hạn trước 20/9/2019 }\n"
	      "  nhiệm_vụ co_so \"Cơ sở\" { giao db; gửi cấp_trên; hạn trước 18/9/2019 }\n"
	      "  nhiệm_vụ huyen \"Huyện\" { giao cấp huyện; gửi cấp tỉnh; hạn trước 30/9/2019 }\n",
	      0);
	assert_int_equal(count_rule(&r, "deadline-order"), 1);
	const kh_diag *x = find(&r, "deadline-order", NULL);
	assert_string_equal(text_at(x->span), "trước 20/9/2019");
	assert_non_null(strstr(x->message, "'chi_bo' (cấp chi_bộ) is due 20/9/2019"));
	assert_non_null(strstr(x->message, "'co_so' (cấp cơ_sở)"));
	assert_non_null(x->notes);
	assert_string_equal(text_at(x->notes->span), "trước 18/9/2019");
	/* The cơ sở reports to the huyện in time: nothing there. */
	assert_null(find(&r, "deadline-order", "'co_so' (cấp cơ_sở) is due"));
}

/* The receiver's tasks that pass a report up are its consumers; guidance
 * sent down and lateral sends are not; without an upward one, only the
 * receiver's last dated task is taken. */
static void test_consumer_selection(void **state)
{
	(void)state;
	static const char *base =
		"  nhiệm_vụ bc \"Huyện\" { giao cấp huyện; gửi btv qua btc; hạn trước 13/9/2019 }\n"
		"  nhiệm_vụ hd \"Hướng dẫn\" { giao btc; gửi cấp huyện; hạn trước 6/9/2019 }\n"
		"  nhiệm_vụ tm \"Chuẩn bị hội trường\" { giao btc; gửi tt; hạn trước 10/9/2019 }\n";
	run r;
	check(&r, "", kh_printf("%s  nhiệm_vụ bt \"Tổng kết\" { giao btv; hạn trong tháng 10/2019 }\n",
				base), 0);
	assert_int_equal(count_time(&r), 0);

	/* The intermediary's task that says it compiles ("tổng hợp, tham mưu")
	 * consumes the report, whatever the receiver does later. */
	check(&r, "",
	      kh_printf("%s  nhiệm_vụ th \"Tổng hợp, tham mưu báo cáo\" { giao btc; hạn trước 11/9/2019 }\n"
			"  nhiệm_vụ bt \"Tổng kết\" { giao btv; hạn trong tháng 10/2019 }\n", base),
	      0);
	assert_int_equal(count_rule(&r, "deadline-order"), 1);
	assert_non_null(find(&r, "deadline-order", "'th' (cấp tỉnh)"));

	/* Without the later task, the lateral one is the receiver's last. */
	check(&r, "", base, 0);
	assert_int_equal(count_rule(&r, "deadline-order"), 1);
	const kh_diag *x = find(&r, "deadline-order", "'tm' (cấp tỉnh)");
	assert_non_null(x);
	assert_string_equal(text_at(x->notes->span), "trước 10/9/2019");

	/* An upward report of the receiver takes precedence over its last task. */
	check(&r, "",
	      kh_printf("%s  nhiệm_vụ bt \"Tổng kết\" { giao btv; hạn trong tháng 10/2019 }\n"
			"  nhiệm_vụ bc_tw \"Báo cáo Trung ương\" { giao cấp tỉnh; gửi btc_tw; hạn trước 12/9/2019 }\n",
			base),
	      0);
	assert_int_equal(count_rule(&r, "deadline-order"), 1);
	assert_non_null(find(&r, "deadline-order", "'bc_tw' (cấp tỉnh)"));
}

/* Bodies without a level are no level to be lower than another. */
static void test_unknown_level_skipped(void **state)
{
	(void)state;
	run r;
	check(&r, "",
	      "  nhiệm_vụ bc \"Chung\" { giao chung; gửi btv; hạn trước 30/9/2019 }\n"
	      "  nhiệm_vụ bt \"Tỉnh\" { giao cấp tỉnh; gửi btc_tw; hạn trước 20/9/2019 }\n",
	      0);
	assert_int_equal(count_rule(&r, "deadline-order"), 0);
}

static const char *LADDER =
	"  nhiệm_vụ a \"A\" { giao cấp xã; hạn trước 13/9/2019 }\n"          /* Friday */
	"  nhiệm_vụ b \"B\" { giao cấp huyện; hạn trước 17/9/2019; sau a }\n" /* Tuesday: 2 */
	"  nhiệm_vụ c \"C\" { giao cấp huyện; hạn trước 18/9/2019; sau a }\n";/* Wednesday: 3 */

static void test_working_days_default(void **state)
{
	(void)state;
	run r;
	check(&r, "", LADDER, 0);
	assert_int_equal(count_rule(&r, "too-few-working-days"), 1);
	const kh_diag *x = find(&r, "too-few-working-days", NULL);
	assert_string_equal(text_at(x->span), "trước 17/9/2019");
	assert_non_null(strstr(x->message, "only 2 working days between 'a', due 13/9/2019, and 'b'"));
	assert_non_null(strstr(x->message, "at least 3"));
	assert_string_equal(text_at(x->notes->span), "trước 13/9/2019");

	check(&r, "", LADDER, 2);
	assert_int_equal(count_rule(&r, "too-few-working-days"), 0);
	check(&r, "", LADDER, 4);
	assert_int_equal(count_rule(&r, "too-few-working-days"), 2);
}

/* Offsets from a dated anchor are computed; plain "sau X" and cycles of
 * relative deadlines give no day. */
static void test_relative_deadlines(void **state)
{
	(void)state;
	run r;
	check(&r, "sự_kiện ev \"Sau khi có hướng dẫn\"\n",
	      "  nhiệm_vụ hn \"Hội nghị\" { giao btv; hạn 27/9/2019 }\n"                 /* Friday */
	      "  nhiệm_vụ t1 \"T1\" { giao btc; hạn 5 ngày_làm_việc trước hn }\n"        /* 20/9 */
	      "  nhiệm_vụ t2 \"T2\" { giao btc; hạn 2 ngày sau hn }\n"                   /* Sunday */
	      "  nhiệm_vụ t3 \"T3\" { giao btc; hạn 40 ngày_làm_việc trước hn }\n"
	      "  nhiệm_vụ t4 \"T4\" { giao btc; hạn 1 ngày sau t5 }\n"
	      "  nhiệm_vụ t5 \"T5\" { giao btc; hạn 1 ngày sau t4 }\n"
	      "  nhiệm_vụ t6 \"T6\" { giao btc; hạn sau ev, trước hn }\n",
	      0);
	const kh_diag *x = find(&r, "non-working-day", NULL);
	assert_non_null(x);
	assert_string_equal(text_at(x->span), "2 ngày sau hn");
	assert_non_null(strstr(x->message, "Chủ nhật 29/9/2019"));
	assert_non_null(strstr(x->message, "nearest earlier working day is Thứ sáu 27/9/2019"));
	assert_int_equal(count_rule(&r, "non-working-day"), 1);
	/* 40 working days before 27/9/2019 is 2/8/2019 (no holiday declared
	 * here), before the issue date. */
	x = find(&r, "deadline-before-issue", NULL);
	assert_non_null(x);
	assert_string_equal(text_at(x->span), "40 ngày_làm_việc trước hn");
	assert_non_null(strstr(x->message, "2/8/2019"));
	assert_int_equal(count_rule(&r, "deadline-before-issue"), 1);
}

/* Undated, announced-later, recurring and open-ended deadlines are never
 * guessed, and a window is no exact day. */
static void test_undated_never_guessed(void **state)
{
	(void)state;
	run r;
	check(&r, "",
	      "  nhiệm_vụ a \"A\" { giao cấp xã; gửi cấp_trên; hạn thông_báo_sau }\n"
	      "  nhiệm_vụ b \"B\" { giao cấp huyện; hạn thường_xuyên, hằng_năm; sau a }\n"
	      "  nhiệm_vụ c \"C\" { giao cấp huyện; hạn từ 1/1/2019; sau b }\n"
	      "  nhiệm_vụ d \"D\" { giao cấp huyện; hạn trong tháng 9/2019; sau c }\n"
	      "  nhiệm_vụ e \"E\" { giao cấp xã; hạn từ 15/9/2019 }\n",
	      0);
	assert_int_equal(count_time(&r), 0);
}

/* A holiday is named; the suggestion skips the weekend before it. */
static void test_holiday_named(void **state)
{
	(void)state;
	run r;
	check(&r, "ngày_lễ qk \"Quốc khánh\" ngày 2/9\n",
	      "  nhiệm_vụ a \"A\" { giao btc; hạn trước 2/9/2019 }\n", 0);
	const kh_diag *x = find(&r, "non-working-day", NULL);
	assert_non_null(x);
	assert_non_null(strstr(x->message, "falls on Thứ hai 2/9/2019, a day off for Quốc khánh"));
	assert_non_null(strstr(x->message, "Thứ sáu 30/8/2019"));
}

/* A disabled rule reports nothing. */
static void test_disabled(void **state)
{
	(void)state;
	run r;
	memset(&r, 0, sizeof r);
	const char *text = kh_printf("%skế_hoạch \"1-KH/TU\" { ban_hành btv; ngày 16/8/2019\n"
				     "  nhiệm_vụ a \"A\" { giao btc; hạn trước 15/9/2019 }\n}\n", HEAD);
	kh_resolve_opts opts = { 0 };
	r.prog = kh_resolve_bytes("plan.kh", text, strlen(text), &opts, &r.d);
	assert_int_equal(r.d.errors, 0);
	kh_rule_config config;
	kh_rule_config_init(&config);
	assert_true(kh_rule_config_set(&config, "non-working-day", false, &r.d));
	kh_check_ctx cx = { r.prog, r.prog->plan, &config, &r.d, kh_calendar_build(r.prog), NULL, NULL };
	kh_check_time(&cx);
	assert_int_equal(count_time(&r), 0);
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_superior_chain),
		cmocka_unit_test(test_consumer_selection),
		cmocka_unit_test(test_unknown_level_skipped),
		cmocka_unit_test(test_working_days_default),
		cmocka_unit_test(test_relative_deadlines),
		cmocka_unit_test(test_undated_never_guessed),
		cmocka_unit_test(test_holiday_named),
		cmocka_unit_test(test_disabled),
	};
	return cmocka_run_group_tests_name("check_time", tests, NULL, NULL);
}

/*
 * test_compose.c - the plan's data as Vietnamese sentences (compose.c):
 * dates as the plan writes them, the task sentence of the seeds ("… chủ
 * trì, phối hợp với …; gửi báo cáo về … (qua …) trước ngày …"), only the
 * facts the item's own text does not state (the sentences are the seeds'
 * and the examples'), a meeting's facts, an award form's.
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
#include "compose.h"
#include "diag.h"
#include "resolve.h"

static const char *HEAD =
	"import \"vn/hierarchy\"\n"
	"cơ_quan ubnd_tinh \"Ủy ban nhân dân tỉnh\" cấp tỉnh là ubnd viết_tắt \"UBND\"\n"
	"cơ_quan so_noi_vu \"Sở Nội vụ\" cấp tỉnh thuộc ubnd_tinh\n"
	"cơ_quan so_tc \"Sở Tài chính\" cấp tỉnh thuộc ubnd_tinh\n"
	"cơ_quan bchqs_tinh \"Bộ Chỉ huy Quân sự tỉnh\" cấp tỉnh viết_tắt \"Bộ CHQS\"\n"
	"cơ_quan ubnd_huyen \"Ủy ban nhân dân cấp huyện\" cấp huyện là ubnd viết_tắt \"UBND\"\n"
	"cơ_quan ubnd_h \"Ủy ban nhân dân huyện Thăng Bình\" cấp huyện là ubnd viết_tắt \"UBND\"\n"
	"cơ_quan phong_nv \"Phòng Nội vụ huyện\" cấp huyện thuộc ubnd_h\n"
	"cơ_quan tinh_uy \"Tỉnh ủy\" cấp tỉnh là cap_uy\n"
	"cơ_quan btv_tu \"Ban Thường vụ Tỉnh ủy\" cấp tỉnh thuộc tinh_uy\n"
	"cơ_quan btc_tu \"Ban Tổ chức Tỉnh ủy\" cấp tỉnh thuộc tinh_uy\n"
	"cơ_quan vp \"Văn phòng Tỉnh ủy\" cấp tỉnh thuộc tinh_uy\n"
	"cơ_quan tt \"Thường trực Tỉnh ủy\" cấp tỉnh thuộc tinh_uy\n"
	"cơ_quan qs \"Đảng ủy Quân sự tỉnh\" cấp tỉnh\n"
	"cơ_quan cq \"Các cơ quan có liên quan\"\n"
	"cơ_quan tp_pleiku \"Thành phố Pleiku\" cấp huyện\n"
	"cơ_quan ct_tinh \"Chủ tịch Ủy ban nhân dân tỉnh\" cấp tỉnh thuộc ubnd_tinh\n"
	"sự_kiện hd_tren \"Sau khi có hướng dẫn của Trung ương, của tỉnh\"\n";

/* HEAD, then a plan of 1/8/2019 with BODY. */
static kh_program *plan(const char *body)
{
	const char *text = kh_printf("%skế_hoạch \"9-KH/TU\" {\n  ban_hành btv_tu\n  ngày 1/8/2019\n%s}\n", HEAD, body);
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = KH_STDLIB_DIR;
	kh_diags d;
	memset(&d, 0, sizeof d);
	kh_program *p = kh_resolve_bytes("compose.kh", text, strlen(text), &opts, &d);
	assert_non_null(p);
	if (d.errors) {
		kh_buf b = { 0 };
		kh_diags_print_text(&d, &b, 0);
		fprintf(stderr, "%s", kh_buf_cstr(&b));
	}
	assert_int_equal(d.errors, 0);
	return p;
}

static const kh_task *task(const kh_program *p, size_t i)
{
	assert_true(i < p->plan->tasks.n);
	return p->plan->tasks.items[i];
}

/* The sentence of a task whose data is DATA, for its own text (or none). */
static const char *sentence(const char *text, const char *data, bool with_text)
{
	kh_program *p = plan(kh_printf("  nhiệm_vụ t \"%s\" {\n%s\n  }\n", text, data));
	const kh_task *t = task(p, 0);
	return kh_compose_task(t, with_text ? t->text : NULL);
}

/* ---- dates as written ---- */

static const char *when_of(const char *due)
{
	kh_program *p = plan(kh_printf("  nhiệm_vụ t \"T\" {\n    giao btc_tu\n    hạn %s\n  }\n", due));
	return kh_compose_whens(&task(p, 0)->due);
}

static void test_dates_keep_their_form(void **state)
{
	(void)state;
	assert_string_equal(when_of("trước ngày 30 tháng 8 năm 2019"), "trước ngày 30 tháng 8 năm 2019");
	assert_string_equal(when_of("trước 30/8/2019"), "trước ngày 30/8/2019");
	assert_string_equal(when_of("trước ngày 30/8/2019"), "trước ngày 30/8/2019");
	/* "ngày" before a day the text opens with, and before each of two */
	assert_string_equal(when_of("30/8/2019"), "ngày 30/8/2019");
	assert_string_equal(when_of("từ 30/9/2019 đến 30/10/2019"), "từ ngày 30/9/2019 đến ngày 30/10/2019");
	assert_string_equal(when_of("trong tháng 11/2023"), "trong tháng 11/2023");
	assert_string_equal(when_of("tu thang 11 nam 2023"), "từ tháng 11 năm 2023");
	assert_string_equal(when_of("trong thang 01/2024"), "trong tháng 01/2024");
	assert_string_equal(when_of("dự_kiến vào trung_tuần tháng 5/2017"), "dự kiến vào trung tuần tháng 5/2017");
	assert_string_equal(when_of("dự kiến vào trung tuần tháng 5/2017"), "dự kiến vào trung tuần tháng 5/2017");
	assert_string_equal(when_of("thông_báo_sau"), "thời gian cụ thể có thông báo sau");
	assert_string_equal(when_of("trước 30/9/2019, thông_báo_sau"),
			    "trước ngày 30/9/2019, thời gian cụ thể có thông báo sau");
	assert_string_equal(when_of("thuong_xuyen, dinh_ky"), "thường xuyên, định kỳ");
	assert_string_equal(when_of("tu nam 2023, hang_nam"), "từ năm 2023, hằng năm");
}

static void test_windows_and_relative_dates(void **state)
{
	(void)state;
	assert_string_equal(when_of("từ 01/10 đến 17/11/2025"), "từ ngày 01/10 đến ngày 17/11/2025");
	assert_string_equal(when_of("từ ngày 01/6/2025 đến ngày 30/7/2025"), "từ ngày 01/6/2025 đến ngày 30/7/2025");
	assert_string_equal(when_of("từ tháng 10 đến hết tháng 11/2025"), "từ tháng 10 đến hết tháng 11/2025");
	/* an event's words say "sau" themselves; a meeting by its name, with its day */
	assert_string_equal(when_of("sau hd_tren"), "sau khi có hướng dẫn của Trung ương, của tỉnh");
	kh_program *p = plan("  hội_nghị hn \"Hội nghị tổng kết\" {\n    cấp tỉnh\n    thời_gian 30/8/2019\n  }\n"
			     "  nhiệm_vụ t \"T\" {\n    giao btc_tu\n    hạn 3 ngày_làm_việc trước hn\n  }\n");
	assert_string_equal(kh_compose_whens(&task(p, 0)->due), "3 ngày làm việc trước Hội nghị tổng kết (27/8/2019)");
}

/* ---- the task sentence ---- */

static void test_task_sentence_as_the_seeds_write_it(void **state)
{
	(void)state;
	static const char *data = "    giao ubnd_huyen\n    phối_hợp so_tc\n"
				  "    gửi ubnd_tinh qua so_noi_vu\n    hạn trước ngày 30/8/2019";
	assert_string_equal(sentence("Tổng kết", data, false),
			    "Ủy ban nhân dân cấp huyện chủ trì, phối hợp với Sở Tài chính; gửi báo cáo về Ủy ban "
			    "nhân dân tỉnh (qua Sở Nội vụ) trước ngày 30/8/2019.");
	/* seed 000, V.2: every fact is in the text */
	assert_string_equal(sentence("Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Đảng ủy Quân sự tỉnh và các cơ quan có "
				     "liên quan tham mưu Ban Thường vụ Tỉnh ủy các nội dung để tổ chức Hội nghị tổng kết "
				     "ở cấp tỉnh và gửi về Thường trực Tỉnh ủy (qua Văn phòng Tỉnh ủy) trước ngày 25 "
				     "tháng 9 năm 2019.",
				     "    giao btc_tu\n    phối_hợp qs, cq\n    gửi tt qua vp\n    hạn trước 25/9/2019",
				     true),
			    "");
	assert_string_equal(sentence("T", "    giao btc_tu\n    phối_hợp qs, cq\n    gửi tt qua vp\n    hạn trước 25/9/2019",
				     false),
			    "Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Đảng ủy Quân sự tỉnh và các cơ quan có liên "
			    "quan; gửi báo cáo về Thường trực Tỉnh ủy (qua Văn phòng Tỉnh ủy) trước ngày 25/9/2019.");
}

static void test_only_what_the_text_does_not_state(void **state)
{
	(void)state;
	static const char *data = "    giao so_noi_vu\n    gửi ubnd_tinh\n    hạn trước 30/8/2019";
	/* the owner named, the rest not */
	assert_string_equal(sentence("Sở Nội vụ tổng hợp kết quả.", data, true),
			    "Gửi báo cáo về Ủy ban nhân dân tỉnh trước ngày 30/8/2019.");
	/* the date in another form counts as stated; the recipient by its abbreviation */
	assert_string_equal(sentence("Sở Nội vụ gửi báo cáo về UBND tỉnh trước ngày 30 tháng 8 năm 2019.", data, true), "");
	/* a cited document's date is not the deadline */
	assert_string_equal(sentence("Sở Nội vụ thực hiện theo Kế hoạch số 12-KH/TU, ngày 30/8/2019, gửi báo cáo về UBND tỉnh.",
				     data, true),
			    "Hoàn thành trước ngày 30/8/2019.");
	/* seed 003: "(qua Bộ CHQS tỉnh)" states the intermediary */
	assert_string_equal(sentence("Thời gian các cơ quan, đơn vị, địa phương gửi báo cáo về UBND tỉnh (qua Bộ CHQS tỉnh) "
				     "trước ngày 15/9/2019.",
				     "    giao ubnd_huyen\n    gửi ubnd_tinh qua bchqs_tinh\n    hạn trước ngày 15/9/2019", true),
			    "Ủy ban nhân dân cấp huyện thực hiện.");
	/* the names without their locality, the level as owner */
	assert_string_equal(sentence("Đối với cấp xã: gửi về Ủy ban nhân dân huyện (qua Phòng Nội vụ) trước ngày 08/5/2024.",
				     "    giao cấp xã\n    gửi ubnd_h qua phong_nv\n    hạn trước ngày 08/5/2024", true),
			    "");
	/* time notes in words: "(thường xuyên)", the event's words */
	assert_string_equal(sentence("Tăng cường kiểm tra, giám sát (thường xuyên).", "    giao btc_tu\n    hạn thuong_xuyen", true),
			    "Ban Tổ chức Tỉnh ủy thực hiện.");
	assert_string_equal(sentence("Tham mưu ban hành hướng dẫn (Sau khi có hướng dẫn của Trung ương, của tỉnh).",
				     "    giao btc_tu\n    hạn sau hd_tren", true),
			    "Ban Tổ chức Tỉnh ủy thực hiện.");
	/* a time note alone */
	assert_string_equal(sentence("Ban Tổ chức Tỉnh ủy tổng hợp.", "    giao btc_tu\n    hạn trong tháng 11/2023", true),
			    "Hoàn thành trong tháng 11/2023.");
	assert_string_equal(sentence("Ban Tổ chức Tỉnh ủy tổng hợp.", "    giao btc_tu\n    hạn tu thang 11 nam 2023", true),
			    "Thực hiện từ tháng 11 năm 2023.");
}

/* ---- meetings ---- */

static void test_meeting_facts(void **state)
{
	(void)state;
	kh_program *p = plan("  hội_nghị hn \"Hội nghị sơ kết\" {\n"
			     "    cấp xã, cấp huyện, cấp tỉnh\n    tổ_chức ubnd\n    chủ_trì ct_tinh\n    thời_lượng ½ ngày\n"
			     "    thời_gian cấp xã trước 30/8/2019\n    thời_gian cấp tỉnh trước 30/9/2019, thông_báo_sau\n"
			     "    thành_phần {\n"
			     "      mời \"Đại biểu cấp trên (nếu có).\"\n"
			     "      mỗi huyện 01 \"đồng chí bí thư chi bộ quân sự\" trừ tp_pleiku 02\n"
			     "      nhóm \"Đại biểu Quân khu 5\" { mời btv_tu, btc_tu }\n"
			     "    }\n  }\n"
			     "  hội_nghị hn2 \"Hội nghị tổng kết cấp huyện\" {\n    cấp huyện\n    thời_lượng 01 buổi\n"
			     "    thời_gian dự kiến vào trung tuần tháng 5/2017\n    trực_tuyến\n  }\n");
	const kh_meeting *m = p->plan->meetings.items[0];
	kh_vec l = kh_compose_meeting(m, m->name);
	assert_int_equal(l.n, 5);
	assert_string_equal(l.items[0], "Cấp tổ chức: cấp xã, cấp huyện và cấp tỉnh");
	assert_string_equal(l.items[1], "Cơ quan tổ chức: Ủy ban nhân dân");
	assert_string_equal(l.items[2], "Chủ trì: Chủ tịch Ủy ban nhân dân tỉnh");
	assert_string_equal(l.items[3], "Thời gian: ½ ngày; cấp xã trước ngày 30/8/2019; cấp tỉnh trước ngày 30/9/2019, "
					"thời gian cụ thể có thông báo sau");
	assert_string_equal(l.items[4], "Thành phần: mời Đại biểu cấp trên (nếu có); mỗi huyện 01 đồng chí bí thư chi bộ "
					"quân sự (riêng Thành phố Pleiku 02); Đại biểu Quân khu 5: Ban Thường vụ Tỉnh "
					"ủy và Ban Tổ chức Tỉnh ủy");
	/* the name says the level; the text of the plan says the time */
	const kh_meeting *m2 = p->plan->meetings.items[1];
	l = kh_compose_meeting(m2, m2->name);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0], "Thời gian: 01 buổi, dự kiến vào trung tuần tháng 5/2017");
	assert_string_equal(l.items[1], "Hình thức: trực tuyến");
	l = kh_compose_meeting(m2, "Hội nghị tổng kết cấp huyện, 01 buổi, trực tuyến, dự kiến vào trung tuần tháng 5/2017.");
	assert_int_equal(l.n, 0);
	assert_string_equal(kh_compose_duration(m2), "01 buổi");
}

/* ---- awards ---- */

static void test_award_forms(void **state)
{
	(void)state;
	kh_program *p = plan("  khen_thưởng {\n"
			     "    hình_thức bk_ttg \"Bằng khen của Thủ tướng Chính phủ\" { loại \"Bằng khen\"; trao_bởi thủ_tướng }\n"
			     "    hình_thức bk \"Bằng khen\" {\n      loại \"Bằng khen\"\n      trao_bởi ct_tinh\n"
			     "      đối_tượng tập_thể\n      số_lượng 5\n    }\n"
			     "    hình_thức hc \"Huân chương Bảo vệ Tổ quốc hạng Ba\" {\n      loại \"Huân chương\"\n"
			     "      đối_tượng tập_thể, cá_nhân\n      số_lượng 10\n      tiêu_chuẩn thông_báo_sau\n    }\n"
			     "  }\n");
	const kh_award_form *ttg = p->plan->award_forms.items[0], *bk = p->plan->award_forms.items[1],
			    *hc = p->plan->award_forms.items[2];
	/* seed 003: "Bằng khen của Thủ tướng Chính phủ" says form and grantor */
	assert_string_equal(kh_compose_award(ttg, ttg->name), "");
	assert_string_equal(kh_compose_award(ttg, NULL), "Bằng khen của Thủ tướng Chính phủ.");
	assert_string_equal(kh_compose_award(bk, NULL), "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh tặng 05 tập thể.");
	assert_string_equal(kh_compose_award(bk, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"), "Tặng 05 tập thể.");
	assert_string_equal(kh_compose_award(bk, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 05 tập thể"), "");
	assert_string_equal(kh_compose_award(hc, hc->name),
			    "Tặng tập thể, cá nhân; số lượng: 10; tiêu chuẩn: thông báo sau.");
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates_keep_their_form),
		cmocka_unit_test(test_windows_and_relative_dates),
		cmocka_unit_test(test_task_sentence_as_the_seeds_write_it),
		cmocka_unit_test(test_only_what_the_text_does_not_state),
		cmocka_unit_test(test_meeting_facts),
		cmocka_unit_test(test_award_forms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

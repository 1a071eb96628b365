/*
 * test_svg.c - the schedule as SVG: an empty plan still gives a valid
 * document with a message; text is escaped for XML; a window is a bar;
 * lanes follow the hierarchy top-down with the lane without a level last;
 * items on the same day stack; every coordinate stays on the canvas; --for
 * keeps what concerns the body; two runs (and another locale) give the
 * same bytes. Entries are built by hand where the test is about drawing,
 * through the timeline where it is about the command.
 * Part of kehoach; see README.md for the licence.
 */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "emit.h"
#include "resolve.h"
#include "timeline.h"

/* In emit_svg.c: renders entries already chosen. */
int kh_svg_render(const kh_program *prog, const kh_body *for_body, const kh_vec *entries,
		  kh_buf *out);

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
	"cơ_quan qk \"Quân khu 5\"\n";

/* HEAD + a plan with BODY (NULL: no plan at all). */
static kh_program *load(const char *body)
{
	const char *text = body ? kh_printf("%s"
					    "kế_hoạch \"1-KH/TU\" {\n"
					    "  ban_hành btv\n"
					    "  ngày 16/8/2019\n"
					    "  trích_yếu \"Tổng kết & rút kinh nghiệm\"\n"
					    "%s"
					    "}\n",
					    HEAD, body)
				: HEAD;
	kh_resolve_opts opts = { 0 };
	kh_diags d = { 0 };
	kh_program *prog = kh_resolve_bytes("plan.kh", text, strlen(text), &opts, &d);
	assert_non_null(prog);
	if (d.errors) {
		kh_buf b = { 0 };
		kh_diags_print_text(&d, &b, 0);
		fprintf(stderr, "%s", kh_buf_cstr(&b));
	}
	assert_int_equal(d.errors, 0);
	return prog;
}

static const kh_level *level(const kh_program *prog, const char *id)
{
	if (!id)
		return NULL;
	for (size_t i = 0; i < prog->levels.n; i++) {
		const kh_level *l = KH_VEC_AT(prog->levels, kh_level, i);
		if (!strcmp(l->id, id))
			return l;
	}
	fail_msg("no level %s", id);
	return NULL;
}

static const kh_body *body(const kh_program *prog, const char *id)
{
	for (size_t i = 0; i < prog->bodies.n; i++) {
		const kh_body *b = KH_VEC_AT(prog->bodies, kh_body, i);
		if (!strcmp(b->id, id))
			return b;
	}
	fail_msg("no body %s", id);
	return NULL;
}

/* A dated entry: a day (d1 == 0) or the window d0..d1 of 2019's days
 * given as month*100 + day. */
static kh_tl_entry *entry(const kh_program *prog, kh_tl_kind kind, const char *id,
			  const char *what, const char *level_id, int d0, int d1)
{
	kh_tl_entry *e = KH_NEW(kh_tl_entry);
	kh_when *w = KH_NEW(kh_when);
	w->type = d1 ? KH_WHEN_WITHIN : KH_WHEN_DEADLINE;
	w->precision = KH_PREC_DAY;
	w->dated = kind == KH_TL_DEADLINE || kind == KH_TL_MEETING;
	w->start = kh_date_make(2019, d0 / 100, d0 % 100);
	w->end = d1 ? kh_date_make(2019, d1 / 100, d1 % 100) : w->start;
	w->span.file = -1;
	w->text = kind == KH_TL_RECURRING ? "thường xuyên" : "trước 30/8/2019";
	if (kind == KH_TL_RECURRING) {
		w->type = KH_WHEN_RECURRENCE;
		w->recurrence = KH_RECUR_CONTINUOUS;
	}
	e->kind = kind;
	e->uid = kh_printf("1-KH/TU/2019/252c29b6/%s", id);
	e->item_id = id;
	e->what = what;
	e->when = w;
	e->level = level(prog, level_id);
	e->duration = -1;
	return e;
}

static const char *render(const kh_program *prog, const kh_vec *v)
{
	kh_buf out = { 0 };
	assert_int_equal(kh_svg_render(prog, NULL, v, &out), 0);
	return kh_buf_cstr(&out);
}

static unsigned count(const char *s, const char *needle)
{
	unsigned n = 0;
	for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* The viewBox's width and height. */
static void view_box(const char *svg, double *w, double *h)
{
	const char *v = strstr(svg, "viewBox=\"");
	assert_non_null(v);
	double x0, y0;
	assert_int_equal(sscanf(v + 9, "%lf %lf %lf %lf", &x0, &y0, w, h), 4);
	assert_true(x0 == 0 && y0 == 0 && *w > 0 && *h > 0);
}

/* The document's frame, and every coordinate attribute on the canvas. */
static void assert_valid(const char *svg)
{
	assert_true(!strncmp(svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 44));
	assert_non_null(strstr(svg, "xmlns=\"http://www.w3.org/2000/svg\""));
	assert_non_null(strstr(svg, "<title>"));
	size_t n = strlen(svg);
	assert_true(n > 7 && !strcmp(svg + n - 7, "</svg>\n"));
	assert_null(strstr(svg, "nan"));
	assert_null(strstr(svg, "inf\""));
	assert_null(strstr(svg, "></text>"));
	double w, h;
	view_box(svg, &w, &h);
	static const char *const xs[] = { " x=\"", " x1=\"", " x2=\"", " cx=\"" };
	static const char *const ys[] = { " y=\"", " y1=\"", " y2=\"", " cy=\"" };
	for (int axis = 0; axis < 2; axis++) {
		for (int k = 0; k < 4; k++) {
			const char *a = axis ? ys[k] : xs[k];
			for (const char *p = svg; (p = strstr(p, a)); p++) {
				char *end;
				double v = strtod(p + strlen(a), &end);
				assert_true(*end == '"');
				assert_true(v >= 0 && v <= (axis ? h : w));
			}
		}
	}
}

/* The y of the <text> element whose content starts with LABEL. */
static double text_y(const char *svg, const char *label)
{
	const char *t = strstr(svg, label);
	assert_non_null(t);
	const char *p = t;
	while (p > svg && strncmp(p, "<text ", 6))
		p--;
	const char *y = strstr(p, " y=\"");
	assert_true(y && y < t);
	return strtod(y + 4, NULL);
}

static void test_empty_plan(void **state)
{
	(void)state;
	kh_program *prog = load("");
	kh_buf out = { 0 };
	assert_int_equal(kh_emit_schedule_svg(prog, NULL, &out), 0);
	const char *svg = kh_buf_cstr(&out);
	assert_valid(svg);
	assert_non_null(strstr(svg, "Kế hoạch không có mốc thời gian nào."));
	assert_non_null(strstr(svg, "<title>Lịch thực hiện \xe2\x80\x93 Kế hoạch số 1-KH/TU</title>"));
	assert_non_null(strstr(svg, "Tổng kết &amp; rút kinh nghiệm"));
	assert_int_equal(count(svg, "class=\"lane\""), 0);

	/* No plan at all: still a document, and it says why it is empty. */
	kh_program *none = load(NULL);
	kh_buf out2 = { 0 };
	assert_int_equal(kh_emit_schedule_svg(none, NULL, &out2), 0);
	assert_valid(kh_buf_cstr(&out2));
	assert_non_null(strstr(kh_buf_cstr(&out2), "Tệp không có kế hoạch nào"));

	/* Only undated duties: no axis, the list below the message. */
	kh_vec v = { 0 };
	kh_vec_push(&v, entry(prog, KH_TL_RECURRING, "tx", "Kiểm tra thường xuyên", NULL, 801, 0));
	svg = render(prog, &v);
	assert_valid(svg);
	assert_non_null(strstr(svg, "Không có mốc nào có ngày cụ thể"));
	assert_non_null(strstr(svg, "thường xuyên</tspan>"));
	assert_non_null(strstr(svg, "Kiểm tra thường xuyên</text>"));
	assert_int_equal(count(svg, "class=\"axis\""), 0);
}

static void test_escaping(void **state)
{
	(void)state;
	kh_program *prog = load("");
	kh_vec v = { 0 };
	kh_vec_push(&v, entry(prog, KH_TL_DEADLINE, "a&b", "Họp \"A\" & <B> 'c'\x01", "tỉnh", 830, 0));
	const char *svg = render(prog, &v);
	assert_valid(svg);
	assert_non_null(strstr(svg, ">30/8 Họp &quot;A&quot; &amp; &lt;B&gt; &apos;c&apos;</text>"));
	/* In the tooltip too, and the control character never reaches XML. */
	assert_non_null(strstr(svg, "[a&amp;b]</title>"));
	assert_null(strstr(svg, "<B>"));
	assert_null(strstr(svg, "\x01"));
	assert_null(strstr(svg, "& "));
}

static void test_window_bar(void **state)
{
	(void)state;
	kh_program *prog = load("");
	kh_vec v = { 0 };
	kh_vec_push(&v, entry(prog, KH_TL_DEADLINE, "day", "Một ngày", "tỉnh", 830, 0));
	const char *svg = render(prog, &v);
	assert_int_equal(count(svg, "<rect class=\"bar\""), 0);
	assert_int_equal(count(svg, "<g class=\"deadline\">"), 1);
	/* The legend explains only the markers drawn: no bar there either. */
	assert_int_equal(count(svg, "class=\"legend-bar\""), 0);

	kh_vec_push(&v, entry(prog, KH_TL_DEADLINE, "win", "Trong tháng", "tỉnh", 901, 930));
	svg = render(prog, &v);
	assert_valid(svg);
	assert_int_equal(count(svg, "<rect class=\"bar\""), 1);
	assert_int_equal(count(svg, "class=\"legend-bar\""), 1);
	/* The bar runs from 1/9 to 30/9: the marker and label at its end. */
	const char *bar = strstr(svg, "<rect class=\"bar\"");
	double x, w;
	assert_int_equal(sscanf(bar, "<rect class=\"bar\" x=\"%lf\" y=\"%*f\" width=\"%lf\"", &x, &w), 2);
	assert_true(w > 100);
	assert_non_null(strstr(svg, "30/9 Trong tháng</text>"));
	/* A planned window is hollow and dashed. */
	kh_tl_entry *p = entry(prog, KH_TL_MEETING, "hn", "Hội nghị", "tỉnh", 911, 920);
	((kh_when *)p->when)->planned = true;
	kh_vec v2 = { 0 };
	kh_vec_push(&v2, p);
	svg = render(prog, &v2);
	assert_non_null(strstr(svg, "<g class=\"meeting tentative\">"));
	assert_non_null(strstr(svg, "fill-opacity=\"0.08\" stroke=\"#1f63b5\" stroke-width=\"1\" "
				    "stroke-dasharray=\"3,2\""));
}

static void test_lanes_in_level_order(void **state)
{
	(void)state;
	kh_program *prog = load("");
	kh_vec v = { 0 };
	static const char *const ids[] = { "xã", NULL, "chi_bộ", "tỉnh", "cơ_sở", "trung_ương",
					   "huyện" };
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
		kh_vec_push(&v, entry(prog, KH_TL_DEADLINE, kh_printf("t%zu", i),
				      kh_printf("Việc %zu", i), ids[i], 820 + (int)i, 0));
	/* A body's entry goes to its body's level. */
	kh_tl_entry *e = entry(prog, KH_TL_DEADLINE, "btc", "Của Ban Tổ chức", NULL, 905, 0);
	kh_ref *r = KH_NEW(kh_ref);
	r->kind = KH_REF_BODY;
	r->body = (kh_body *)body(prog, "btc");
	kh_vec_push(&e->owners, r);
	kh_vec_push(&v, e);
	const char *svg = render(prog, &v);
	assert_valid(svg);
	assert_int_equal(count(svg, "class=\"lane\""), 7);
	static const char *const order[] = { ">Trung ương<", ">Cấp tỉnh<", ">Cấp huyện<", ">Cấp xã<",
					     ">Tổ chức cơ sở đảng<", ">Chi bộ trực thuộc<",
					     ">Không theo cấp<" };
	const char *prev = svg;
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		const char *p = strstr(svg, order[i]);
		assert_non_null(p);
		assert_true(p > prev);
		prev = p;
	}
	/* Lanes are drawn top-down: the tỉnh lane above the xã lane, and
	 * the Ban Tổ chức's task in the tỉnh lane with the tỉnh task. */
	assert_true(text_y(svg, ">Cấp tỉnh<") < text_y(svg, ">Cấp xã<"));
	double yt = text_y(svg, ">23/8 Việc 3<"), yb = text_y(svg, ">5/9 Của Ban Tổ chức<");
	double yh = text_y(svg, ">26/8 Việc 6<");
	assert_true(yt < yh && yb < yh);
}

static void test_same_day_stacks(void **state)
{
	(void)state;
	kh_program *prog = load("");
	kh_vec v = { 0 };
	kh_vec_push(&v, entry(prog, KH_TL_DEADLINE, "a", "Việc thứ nhất", "huyện", 915, 0));
	kh_vec_push(&v, entry(prog, KH_TL_MEETING, "b", "Hội nghị thứ hai", "huyện", 915, 0));
	kh_vec_push(&v, entry(prog, KH_TL_DEADLINE, "c", "Việc thứ ba", "huyện", 915, 0));
	const char *svg = render(prog, &v);
	assert_valid(svg);
	double a = text_y(svg, ">15/9 Việc thứ nhất<"), b = text_y(svg, ">15/9 Hội nghị thứ hai<"),
	       c = text_y(svg, ">15/9 Việc thứ ba<");
	assert_true(a < b && b < c);
	assert_int_equal(count(svg, "<circle "), 2);  /* the meeting and the legend's */
}

static void test_labels_stay_on_canvas(void **state)
{
	(void)state;
	kh_program *prog = load("");
	kh_vec v = { 0 };
	const char *longtext = "Đối với cấp tỉnh: Tiến hành tổng kết và gửi báo cáo về Ban Tổ "
			       "chức Trung ương và Đảng ủy Quân khu 5 trước ngày 30 tháng 9 năm 2019.";
	/* Far before the issue date, on it, in between and at the very end. */
	kh_vec_push(&v, entry(prog, KH_TL_DEADLINE, "early", longtext, "tỉnh", 102, 0));
	kh_vec_push(&v, entry(prog, KH_TL_DEADLINE, "issue", longtext, "tỉnh", 816, 0));
	kh_vec_push(&v, entry(prog, KH_TL_DEADLINE, "mid", longtext, NULL, 601, 0));
	kh_vec_push(&v, entry(prog, KH_TL_DEADLINE, "end", longtext, "xã", 1231, 0));
	kh_vec_push(&v, entry(prog, KH_TL_RECURRING, "rec", longtext, NULL, 101, 0));
	const char *svg = render(prog, &v);
	assert_valid(svg);
	/* Shortened, not dropped; the last one to the left of its marker. */
	assert_true(count(svg, "\xe2\x80\xa6</text>") >= 4);
	assert_non_null(strstr(svg, "text-anchor=\"end\">31/12 Đối với"));
	assert_non_null(strstr(svg, ">ban hành 16/8/2019<"));
	assert_non_null(strstr(svg, ">1/2019<"));
	assert_non_null(strstr(svg, ">12/2019<"));
}

static void test_for_body(void **state)
{
	(void)state;
	kh_program *prog = load("  nhiệm_vụ bc_btc \"Báo cáo của Ban Tổ chức\" { giao btc; hạn trước 20/9/2019 }\n"
				"  nhiệm_vụ bc_huyen \"Báo cáo cấp huyện\" { giao cấp huyện; hạn trước 15/9/2019 }\n"
				"  nhiệm_vụ tx \"Theo dõi\" { giao btc; hạn thường_xuyên }\n");
	kh_buf all = { 0 }, only = { 0 };
	assert_int_equal(kh_emit_schedule_svg(prog, NULL, &all), 0);
	assert_int_equal(kh_emit_schedule_svg(prog, body(prog, "btc"), &only), 0);
	const char *a = kh_buf_cstr(&all), *o = kh_buf_cstr(&only);
	assert_valid(a);
	assert_valid(o);
	assert_non_null(strstr(a, ">15/9 Báo cáo cấp huyện<"));
	assert_non_null(strstr(a, ">20/9 Báo cáo của Ban Tổ chức<"));
	assert_null(strstr(o, "Báo cáo cấp huyện"));
	assert_non_null(strstr(o, ">20/9 Báo cáo của Ban Tổ chức<"));
	assert_non_null(strstr(o, "Theo dõi</text>"));
	assert_non_null(strstr(o, "Chỉ những việc liên quan đến: Ban Tổ chức Tỉnh ủy"));
	assert_non_null(strstr(o, " \xe2\x80\x93 Ban Tổ chức Tỉnh ủy</title>"));

	/* A body with nothing to do gets the message, not an empty chart. */
	kh_buf none = { 0 };
	assert_int_equal(kh_emit_schedule_svg(prog, body(prog, "qk"), &none), 0);
	assert_valid(kh_buf_cstr(&none));
	assert_non_null(strstr(kh_buf_cstr(&none), "Không có mốc thời gian nào liên quan đến Quân khu 5."));
}

static void test_deterministic(void **state)
{
	(void)state;
	kh_program *prog = load(
		"  nhiệm_vụ a \"Cấp xã báo cáo\" { giao cấp xã; hạn trước 30/8/2019 }\n"
		"  nhiệm_vụ b \"Cấp huyện báo cáo\" { giao cấp huyện; hạn trong tháng 9/2019 }\n"
		"  nhiệm_vụ c \"Dự kiến\" { giao btc; hạn dự_kiến trung tuần tháng 10/2019 }\n"
		"  nhiệm_vụ d \"Từ tháng 9\" { giao btv; hạn từ tháng 9/2019 }\n"
		"  nhiệm_vụ e \"Hằng tháng\" { giao btv; hạn hằng_tháng }\n");
	kh_buf one = { 0 }, two = { 0 };
	assert_int_equal(kh_emit_schedule_svg(prog, NULL, &one), 0);
	assert_int_equal(kh_emit_schedule_svg(prog, NULL, &two), 0);
	assert_valid(kh_buf_cstr(&one));
	assert_int_equal(one.len, two.len);
	assert_memory_equal(one.data, two.data, one.len);
	assert_non_null(strstr(kh_buf_cstr(&one), "<g class=\"deadline tentative\">"));
	assert_int_equal(count(kh_buf_cstr(&one), "<rect class=\"bar\""), 2);
	/* A locale with a decimal comma changes nothing. */
	if (setlocale(LC_ALL, "de_DE.UTF-8") || setlocale(LC_ALL, "fr_FR.UTF-8") ||
	    setlocale(LC_ALL, "vi_VN.UTF-8")) {
		kh_buf three = { 0 };
		assert_int_equal(kh_emit_schedule_svg(prog, NULL, &three), 0);
		setlocale(LC_ALL, "C");
		assert_int_equal(one.len, three.len);
		assert_memory_equal(one.data, three.data, one.len);
	}
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_plan),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_window_bar),
		cmocka_unit_test(test_lanes_in_level_order),
		cmocka_unit_test(test_same_day_stacks),
		cmocka_unit_test(test_labels_stay_on_canvas),
		cmocka_unit_test(test_for_body),
		cmocka_unit_test(test_deterministic),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

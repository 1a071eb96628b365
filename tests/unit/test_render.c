/*
 * test_render.c - the rendered document: the place-date line and its
 * padding, HTML escaping of plan text, the header block of each family
 * (Party heading and '*', state motto and rule), the number and archive
 * forms, blanks for missing facts, the numbering of the examples' body,
 * and the document streamed as it is made (the same bytes as built whole).
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
#include <glob.h>

#include "alloc.h"
#include "document.h"
#include "emit.h"
#include "resolve.h"
#include "vn_numbering.h"

#define EXAMPLES KH_STDLIB_DIR "/../examples/"

static void assert_contains(const char *hay, const char *needle)
{
	if (!strstr(hay, needle)) {
		print_error("expected to find \"%s\" in:\n%.3000s\n", needle, hay);
		fail();
	}
}

static void assert_lacks(const char *hay, const char *needle)
{
	if (strstr(hay, needle)) {
		print_error("did not expect \"%s\"\n", needle);
		fail();
	}
}

static void assert_before(const char *hay, const char *a, const char *b)
{
	const char *pa = strstr(hay, a), *pb = strstr(hay, b);
	assert_non_null(pa);
	assert_non_null(pb);
	assert_true(pa < pb);
}

/* Renders TEXT (a whole .kh file); the diagnostics must hold no error. */
static const char *render_text(const char *text)
{
	kh_diags d;
	memset(&d, 0, sizeof d);
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = KH_STDLIB_DIR;
	kh_program *p = kh_resolve_bytes("test.kh", text, strlen(text), &opts, &d);
	assert_non_null(p);
	assert_non_null(p->plan);
	for (const kh_diag *x = d.first; x; x = x->next)
		if (x->severity == KH_ERROR) {
			print_error("%s [%s]\n", x->message, x->rule);
			fail();
		}
	kh_buf b = { 0 };
	assert_int_equal(kh_emit_render_html(p, &b), 0);
	return kh_buf_cstr(&b);
}

static const char *render_example(const char *name)
{
	kh_diags d;
	memset(&d, 0, sizeof d);
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = KH_STDLIB_DIR;
	int io = 0;
	kh_program *p = kh_resolve_file(kh_printf("%s%s", EXAMPLES, name), &opts, &d, &io);
	assert_non_null(p);
	kh_buf b = { 0 };
	assert_int_equal(kh_emit_render_html(p, &b), 0);
	return kh_buf_cstr(&b);
}

static void test_place_date(void **state)
{
	(void)state;
	assert_string_equal(kh_vn_place_date("Bắc Kạn", true, kh_date_make(2019, 5, 27)),
			    "Bắc Kạn, ngày 27 tháng 5 năm 2019");
	/* Day below 10 and months 1 and 2 take a leading zero. */
	assert_string_equal(kh_vn_place_date("Hà Nội", true, kh_date_make(2020, 1, 5)),
			    "Hà Nội, ngày 05 tháng 01 năm 2020");
	assert_string_equal(kh_vn_place_date("Hà Nội", true, kh_date_make(2019, 2, 9)),
			    "Hà Nội, ngày 09 tháng 02 năm 2019");
	assert_string_equal(kh_vn_place_date("Pleiku", true, kh_date_make(2019, 3, 1)),
			    "Pleiku, ngày 01 tháng 3 năm 2019");
	assert_string_equal(kh_vn_place_date("Pleiku", true, kh_date_make(2019, 12, 10)),
			    "Pleiku, ngày 10 tháng 12 năm 2019");
	assert_string_equal(kh_vn_place_date("Pleiku", true, kh_date_make(2019, 10, 31)),
			    "Pleiku, ngày 31 tháng 10 năm 2019");
	/* Missing facts stay blank. */
	assert_string_equal(kh_vn_place_date("Bắc Kạn", false, 0), "Bắc Kạn, ngày … tháng … năm …");
	assert_string_equal(kh_vn_place_date(NULL, true, kh_date_make(2019, 8, 16)),
			    "…, ngày 16 tháng 8 năm 2019");
	assert_string_equal(kh_vn_place_date(NULL, false, 0), "…, ngày … tháng … năm …");
	assert_string_equal(kh_vn_date_words(kh_date_make(2009, 10, 15)), "ngày 15 tháng 10 năm 2009");
}

static const char party_plan[] =
	"cơ_quan tinh_uy \"Tỉnh ủy\" hệ đảng viết_tắt \"TU\"\n"
	"cơ_quan btv \"Ban Thường vụ Tỉnh ủy\" thuộc tinh_uy tập_thể\n"
	"kế_hoạch \"12-KH/TU\" {\n"
	"  ban_hành btv\n"
	"  ngày 5/1/2020\n"
	"  địa_danh \"Pleiku\"\n"
	"  trích_yếu \"về <b>bold</b> & \\\"x\\\"\"\n"
	"  mở_đầu \"Thực hiện A & B:\"\n"
	"  mục \"MỤC ĐÍCH, YÊU CẦU\" {\n"
	"    mục_đích \"a < b\"\n"
	"    yêu_cầu \"c & d\"\n"
	"  }\n"
	"  nơi_nhận {\n"
	"    tinh_uy \"để báo cáo\"\n"
	"    \"Các huyện ủy\"\n"
	"    lưu \"VPTU\"\n"
	"  }\n"
	"  ký {\n"
	"    thay_mặt \"T/M\" btv\n"
	"    chức_vụ \"Phó Bí thư\"\n"
	"    họ_tên \"Nguyễn Văn A\"\n"
	"  }\n"
	"}\n";

static void test_escaping(void **state)
{
	(void)state;
	const char *h = render_text(party_plan);
	assert_contains(h, "về &lt;b&gt;bold&lt;/b&gt; &amp; &quot;x&quot;");
	assert_lacks(h, "<b>bold</b>");
	assert_contains(h, "Thực hiện A &amp; B:");
	assert_contains(h, "<p>1. a &lt; b</p>");
	assert_contains(h, "<p>2. c &amp; d</p>");
	/* The page title is escaped too. */
	assert_contains(h, "<title>Kế hoạch 12-KH/TU</title>");
	/* The one escaper (shared with the checklist): apostrophes, and
	 * control characters HTML does not allow. */
	kh_buf b = { 0 };
	kh_html_escape(&b, "it's\x01" "a\r\nb\tc");
	assert_string_equal(kh_buf_cstr(&b), "it&#39;s a\nb\tc");
}

static void test_party_header(void **state)
{
	(void)state;
	const char *h = render_text(party_plan);
	assert_true(!strncmp(h, "<!DOCTYPE html>\n<html lang=\"vi\">", 32));
	assert_contains(h, "<meta charset=\"utf-8\">");
	assert_contains(h, "ĐẢNG CỘNG SẢN VIỆT NAM");
	assert_lacks(h, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
	assert_lacks(h, "Độc lập - Tự do - Hạnh phúc");
	/* Superior on line 1, the issuer in bold, '*' under it. */
	assert_contains(h, "<div class=\"superior\">TỈNH ỦY</div>"
			   "<div class=\"issuer-name\">BAN THƯỜNG VỤ</div><div class=\"star\">*</div>");
	assert_lacks(h, "<div class=\"rule\">");
	assert_contains(h, ">Số 12-KH/TU<");
	assert_contains(h, "Pleiku, ngày 05 tháng 01 năm 2020");
	assert_contains(h, "<p class=\"kind\">KẾ HOẠCH</p>");
	assert_contains(h, "<p class=\"label\">Nơi nhận:</p>");
	assert_contains(h, "<p>- Tỉnh ủy (<i>để báo cáo</i>);</p>");
	assert_contains(h, "<p>- Các huyện ủy;</p>");
	assert_contains(h, "<p>- Lưu VPTU.</p>");
	assert_contains(h, "<p>T/M BAN THƯỜNG VỤ</p>\n<p>PHÓ BÍ THƯ</p>");
	assert_contains(h, "<p>Nguyễn Văn A</p>");
	assert_before(h, "Nơi nhận:", "T/M BAN THƯỜNG VỤ");
}

static void test_state_header(void **state)
{
	(void)state;
	const char *h = render_text(
		"cơ_quan ubnd_chung \"Ủy ban nhân dân\" hệ nhà_nước tập_thể\n"
		"cơ_quan ubnd \"Ủy ban nhân dân tỉnh\" là ubnd_chung viết_tắt \"UBND\"\n"
		"hướng_dẫn \"297/HD-UBND\" {\n"
		"  ban_hành ubnd\n"
		"  ngày 27/5/2019\n"
		"  địa_danh \"Bắc Kạn\"\n"
		"  trích_yếu \"Tổ chức sơ kết\"\n"
		"  nơi_nhận {\n"
		"    \"Các sở, ban, ngành\"\n"
		"    lưu \"VT, Hoàng\"\n"
		"  }\n"
		"  ký {\n"
		"    thay_mặt \"TM.\" ubnd\n"
		"    chức_vụ \"Chủ tịch\"\n"
		"    họ_tên \"Lý Thái Hải\"\n"
		"  }\n"
		"}\n");
	assert_contains(h, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
	assert_contains(h, "Độc lập - Tự do - Hạnh phúc");
	assert_lacks(h, "ĐẢNG CỘNG SẢN VIỆT NAM");
	assert_contains(h, "<div class=\"issuer-name\">ỦY BAN NHÂN DÂN TỈNH</div><div class=\"rule\"></div>");
	assert_lacks(h, "class=\"star\"");
	assert_contains(h, ">Số: 297/HD-UBND<");
	assert_contains(h, "Bắc Kạn, ngày 27 tháng 5 năm 2019");
	assert_contains(h, "<p class=\"kind\">HƯỚNG DẪN</p>");
	assert_contains(h, "<p>- Lưu: VT, Hoàng.</p>");
	/* The collective signs with its generic name. */
	assert_contains(h, "<p>TM. ỦY BAN NHÂN DÂN</p>\n<p>CHỦ TỊCH</p>");
}

/* No number and no date in the source: blanks, never invented. A body of
 * unknown family follows its number's form. */
static void test_missing_facts(void **state)
{
	(void)state;
	const char *h = render_text("cơ_quan x \"Ủy ban nhân dân xã\" viết_tắt \"UBND\"\n"
				    "kế_hoạch {\n  ban_hành x\n  trích_yếu \"t\"\n}\n");
	assert_contains(h, ">Số: \u00a0\u00a0\u00a0\u00a0/KH-UBND<");
	assert_contains(h, "…, ngày … tháng … năm …");
	assert_contains(h, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");

	const char *q = render_text("cơ_quan dang_uy \"Đảng ủy xã\" viết_tắt \"ĐU\"\n"
				    "kế_hoạch \"5-KH/ĐU\" {\n  ban_hành dang_uy\n}\n");
	assert_contains(q, "ĐẢNG CỘNG SẢN VIỆT NAM");
	assert_contains(q, ">Số 5-KH/ĐU<");
}

/* 297/HD-UBND: award forms number with the headings beside them, the
 * criteria sit under their heading, tasks share the count of section V. */
static void test_body_numbering_297(void **state)
{
	(void)state;
	const char *h = render_example("297-HD-UBND-2019.kh");
	assert_contains(h, "<h2>I. MỤC ĐÍCH, YÊU CẦU</h2>\n<p>1. Đánh giá kết quả");
	assert_contains(h, "<h3>1. Nội dung sơ kết</h3>\n<p>- Đánh giá kết quả xây dựng");
	assert_contains(h, "<h2>III. KHEN THƯỞNG");
	assert_contains(h, "<h3>1. ĐỐI TƯỢNG KHEN THƯỞNG</h3>\n<h4>a) Tập thể.</h4>");
	assert_contains(h, "<p>a) Huân chương Bảo vệ Tổ quốc hạng Ba</p>\n<h4>b) Bằng khen:</h4>");
	assert_contains(h, "<p>d) Kỷ niệm chương");
	assert_contains(h, "<h3>3. TIÊU CHUẨN, QUY TRÌNH, HỒ SƠ, SỐ LƯỢNG KHEN THƯỞNG</h3>\n"
			   "<p>(Ủy ban nhân dân tỉnh sẽ có văn bản riêng)</p>");
	assert_contains(h, "<h2>IV. KINH PHÍ BẢO ĐẢM</h2>\n<p>- Cấp nào tổ chức");
	assert_contains(h, "<p>1. Các sở, ban, ngành, đoàn thể, Ủy ban nhân dân cấp huyện");
	assert_contains(h, "<h3>2. Giao Bộ CHQS tỉnh:</h3>\n<p>- Tham mưu cho");
	assert_contains(h, "<p>3. Các địa phương tiến hành");
	/* The meeting's attendees follow the line that announces them. */
	assert_contains(h, "bao gồm:</p>\n<p>+ Đại biểu cấp trên");
	/* The attached template on a page of its own, after the signature. */
	assert_before(h, "Lý Thái Hải", "<section class=\"attachment page\">");
	assert_contains(h, "<p class=\"part\">Phần I</p>");
}

static void test_body_250_and_meetings(void **state)
{
	(void)state;
	const char *h = render_example("250-KH-TU-2019.kh");
	/* A single content item under "II." is a paragraph, not "1.". */
	assert_contains(h, "<h2>II. NỘI DUNG</h2>\n<p>Tập trung đánh giá");
	assert_contains(h, "<p>- Đối với cấp xã</p>\n<p>+ Các đồng chí trong đảng ủy xã");
	assert_contains(h, "<p>+ Mỗi đơn vị cấp huyện 01 (riêng Thành phố Pleiku 02) đồng chí");
	assert_contains(h, "<p>+ Mời đại diện lãnh đạo Vụ Địa phương II");
	assert_contains(h, "<p>- Lưu Văn phòng Tỉnh ủy.</p>");
	assert_contains(h, "<p class=\"signed\">Đã ký</p>");
	assert_contains(h, "…, ngày 16 tháng 8 năm 2019");

	/* Meetings that restate the task before them print nothing. */
	const char *k = render_example("KH-tinh-uy-CT10-2017.kh");
	assert_lacks(k, "<p>+ ");
	assert_contains(k, "<h4>a) Cấp uỷ cơ sở và trong cơ sở</h4>");
	/* A single task under its heading is a paragraph, not a list of one. */
	assert_contains(k, "<h4>c) Cấp tỉnh</h4>\n<p>Ban Thường vụ Tỉnh uỷ tổ chức hội nghị");
}

/* A sink that counts what it is handed, in order. */
typedef struct counted {
	size_t sections, blocks;
	const kh_pdoc_section *last;
	bool block_before_section;
} counted;

static void count_section(void *ctx, const kh_pdoc *doc, const kh_pdoc_section *s)
{
	(void)doc;
	counted *c = ctx;
	c->sections++;
	c->last = s;
}

static void count_block(void *ctx, const kh_pdoc *doc, const kh_pdoc_block *b)
{
	(void)doc;
	counted *c = ctx;
	assert_non_null(b);
	c->block_before_section |= !c->last;
	c->blocks++;
}

static size_t blocks_of(const kh_pdoc *doc)
{
	size_t n = 0;
	for (size_t i = 0; i < doc->sections.n; i++)
		n += KH_VEC_AT(doc->sections, kh_pdoc_section, i)->blocks.n;
	return n;
}

/*
 * render --html writes the document as it is made (kh_pdoc_plan_to): on
 * every example the bytes are those of the document built whole, every
 * block is handed over once, each section before its blocks, and the
 * builder keeps none of them (a long plan's document never exists whole).
 */
static void test_streamed_equals_whole(void **state)
{
	(void)state;
	glob_t gl;
	assert_int_equal(glob(EXAMPLES "*.kh", 0, NULL, &gl), 0);
	assert_true(gl.gl_pathc >= 7);
	size_t attachments = 0;
	for (size_t i = 0; i < gl.gl_pathc; i++) {
		kh_diags d;
		memset(&d, 0, sizeof d);
		kh_resolve_opts opts = { 0 };
		opts.stdlib_dir = KH_STDLIB_DIR;
		int io = 0;
		kh_program *p = kh_resolve_file(gl.gl_pathv[i], &opts, &d, &io);
		assert_non_null(p);
		kh_pdoc *whole = kh_pdoc_plan(p, kh_pdoc_compose_hooks());
		assert_non_null(whole);
		kh_buf a = { 0 }, b = { 0 };
		kh_html_document(&a, whole);
		assert_int_equal(kh_emit_render_html(p, &b), 0);
		assert_string_equal(kh_buf_cstr(&a), kh_buf_cstr(&b));

		counted c = { 0 };
		kh_pdoc_sink sink = { .ctx = &c, .section = count_section, .block = count_block };
		kh_pdoc *streamed = kh_pdoc_plan_to(p, kh_pdoc_compose_hooks(), &sink);
		assert_non_null(streamed);
		assert_false(c.block_before_section);
		assert_int_equal(c.sections, whole->sections.n);
		assert_int_equal(streamed->sections.n, whole->sections.n);
		assert_int_equal(c.blocks, blocks_of(whole));
		assert_int_equal(blocks_of(streamed), 0);
		assert_ptr_equal(c.last, KH_VEC_AT(streamed->sections, kh_pdoc_section, streamed->sections.n - 1));
		attachments += whole->sections.n - 1;
	}
	assert_true(attachments > 0); /* the attached outlines are streamed too */
	globfree(&gl);
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_place_date),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_party_header),
		cmocka_unit_test(test_state_header),
		cmocka_unit_test(test_missing_facts),
		cmocka_unit_test(test_body_numbering_297),
		cmocka_unit_test(test_body_250_and_meetings),
		cmocka_unit_test(test_streamed_equals_whole),
	};
	return cmocka_run_group_tests_name("render", tests, NULL, NULL);
}

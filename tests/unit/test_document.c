/*
 * test_document.c - the printed document's model (document.h): the header
 * block of each family, the numbered body, the foot with its italic
 * purposes and archive forms, the hooks that add composed sentences, the
 * fill-in outline, the style table, and the writers (HTML, Word) reading
 * a model built by hand, styles no builder uses yet included.
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
#include "document.h"
#include "emit.h"
#include "resolve.h"

static kh_program *resolve_text(const char *text)
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
	return p;
}

static const kh_pdoc_block *block(const kh_pdoc_section *s, size_t i)
{
	assert_true(i < s->blocks.n);
	return KH_VEC_AT(s->blocks, kh_pdoc_block, i);
}

static const kh_pdoc_para *cell_para(const kh_pdoc_cell *c, size_t i)
{
	assert_true(i < c->paras.n);
	return KH_VEC_AT(c->paras, kh_pdoc_para, i);
}

/* The first paragraph block of S whose text is TEXT, or NULL. */
static const kh_pdoc_para *find_para(const kh_pdoc_section *s, const char *text)
{
	for (size_t i = 0; i < s->blocks.n; i++) {
		const kh_pdoc_block *b = KH_VEC_AT(s->blocks, kh_pdoc_block, i);
		if (b->kind == KH_BLOCK_PARA && !strcmp(kh_pdoc_para_text(b->para), text))
			return b->para;
	}
	return NULL;
}

static const char party_plan[] =
	"cơ_quan tinh_uy \"Tỉnh ủy\" hệ đảng viết_tắt \"TU\"\n"
	"cơ_quan btv \"Ban Thường vụ Tỉnh ủy\" thuộc tinh_uy tập_thể\n"
	"kế_hoạch \"12-KH/TU\" {\n"
	"  ban_hành btv\n"
	"  ngày 5/1/2020\n"
	"  địa_danh \"Pleiku\"\n"
	"  trích_yếu \"Tổng kết\"\n"
	"  mở_đầu \"Thực hiện A.\"\n"
	"  mục \"MỤC ĐÍCH, YÊU CẦU\" {\n"
	"    mục_đích \"Đánh giá.\"\n"
	"    yêu_cầu \"Nghiêm túc.\"\n"
	"  }\n"
	"  nhiệm_vụ bc \"Gửi báo cáo\" {\n"
	"    giao tinh_uy\n"
	"    hạn trước 30/1/2020\n"
	"  }\n"
	"  nơi_nhận {\n"
	"    tinh_uy \"để báo cáo\"\n"
	"    lưu \"VPTU\"\n"
	"  }\n"
	"  ký {\n"
	"    thay_mặt \"T/M\" btv\n"
	"    chức_vụ \"Phó Bí thư\"\n"
	"    họ_tên \"Nguyễn Văn A\"\n"
	"  }\n"
	"}\n";

/* Party: superior over the issuer in bold, '*', the Party's heading, "Số"
 * without a colon, the kind in the Party's size, "-----" under the title. */
static void test_party_header(void **state)
{
	(void)state;
	kh_pdoc *doc = kh_pdoc_plan(resolve_text(party_plan), NULL);
	assert_non_null(doc);
	assert_true(doc->party);
	assert_string_equal(doc->title, "Kế hoạch 12-KH/TU");
	assert_int_equal(doc->sections.n, 1);
	const kh_pdoc_section *s = KH_VEC_AT(doc->sections, kh_pdoc_section, 0);
	assert_int_equal(s->kind, KH_SECTION_MAIN);
	const kh_pdoc_block *h = block(s, 0);
	assert_int_equal(h->kind, KH_BLOCK_GRID);
	assert_int_equal(h->grid->kind, KH_GRID_HEAD);
	assert_int_equal(h->grid->rows.n, 2);
	const kh_pdoc_row *top = KH_VEC_AT(h->grid->rows, kh_pdoc_row, 0);
	const kh_pdoc_row *second = KH_VEC_AT(h->grid->rows, kh_pdoc_row, 1);
	assert_int_equal(top->cell[0].kind, KH_CELL_ISSUER);
	assert_int_equal(cell_para(&top->cell[0], 0)->style, KH_PS_SUPERIOR);
	assert_string_equal(kh_pdoc_para_text(cell_para(&top->cell[0], 0)), "TỈNH ỦY");
	assert_int_equal(cell_para(&top->cell[0], 1)->style, KH_PS_ISSUER);
	assert_string_equal(kh_pdoc_para_text(cell_para(&top->cell[0], 1)), "BAN THƯỜNG VỤ");
	assert_int_equal(cell_para(&top->cell[0], 2)->style, KH_PS_STAR);
	assert_int_equal(cell_para(&top->cell[1], 0)->style, KH_PS_PARTY);
	assert_string_equal(kh_pdoc_para_text(cell_para(&second->cell[0], 0)), "Số 12-KH/TU");
	assert_string_equal(kh_pdoc_para_text(cell_para(&second->cell[1], 0)),
			    "Pleiku, ngày 05 tháng 01 năm 2020");
	assert_int_equal(block(s, 1)->para->style, KH_PS_KIND_PARTY);
	assert_string_equal(kh_pdoc_para_text(block(s, 1)->para), "KẾ HOẠCH");
	assert_int_equal(block(s, 2)->para->style, KH_PS_TITLE);
	assert_int_equal(block(s, 3)->para->style, KH_PS_TITLE_DASH);
}

/* The body: the preamble, a heading "I." at level 1, its two points
 * numbered, a task at the top as a plain paragraph; then the foot. */
static void test_body_and_foot(void **state)
{
	(void)state;
	kh_pdoc *doc = kh_pdoc_plan(resolve_text(party_plan), NULL);
	const kh_pdoc_section *s = KH_VEC_AT(doc->sections, kh_pdoc_section, 0);
	assert_non_null(find_para(s, "Thực hiện A."));
	const kh_pdoc_para *h = find_para(s, "MỤC ĐÍCH, YÊU CẦU");
	assert_non_null(h);
	assert_int_equal(h->style, KH_PS_HEADING_1);
	assert_int_equal(h->level, 1);
	assert_string_equal(h->mark, "I.");
	assert_string_equal(find_para(s, "Đánh giá.")->mark, "1.");
	assert_string_equal(find_para(s, "Nghiêm túc.")->mark, "2.");
	const kh_pdoc_para *t = find_para(s, "Gửi báo cáo");
	assert_non_null(t);
	assert_null(t->mark);
	assert_int_equal(t->style, KH_PS_BODY);

	const kh_pdoc_block *f = block(s, s->blocks.n - 1);
	assert_int_equal(f->kind, KH_BLOCK_GRID);
	assert_int_equal(f->grid->kind, KH_GRID_FOOT);
	const kh_pdoc_row *row = KH_VEC_AT(f->grid->rows, kh_pdoc_row, 0);
	const kh_pdoc_cell *rc = &row->cell[0], *sign = &row->cell[1];
	assert_int_equal(cell_para(rc, 0)->style, KH_PS_RECIPIENTS_LABEL);
	/* "- Tỉnh ủy (để báo cáo);" with the purpose in italics. */
	const kh_pdoc_para *r1 = cell_para(rc, 1);
	assert_string_equal(r1->mark, "-");
	assert_string_equal(kh_pdoc_para_text(r1), "Tỉnh ủy (để báo cáo);");
	assert_int_equal(r1->runs.n, 5);
	assert_int_equal(KH_VEC_AT(r1->runs, kh_pdoc_run, 2)->flags, KH_RUN_ITALIC);
	assert_string_equal(KH_VEC_AT(r1->runs, kh_pdoc_run, 2)->text, "để báo cáo");
	/* The Party's archive line has no colon. */
	assert_string_equal(kh_pdoc_para_text(cell_para(rc, 2)), "Lưu VPTU.");
	assert_string_equal(kh_pdoc_para_text(cell_para(sign, 0)), "T/M BAN THƯỜNG VỤ");
	assert_int_equal(cell_para(sign, 0)->style, KH_PS_SIGN_AUTHORITY);
	assert_string_equal(kh_pdoc_para_text(cell_para(sign, 1)), "PHÓ BÍ THƯ");
	assert_int_equal(cell_para(sign, 2)->style, KH_PS_SIGN_SPACE);
	assert_int_equal(cell_para(sign, 3)->style, KH_PS_SIGN_NAME);
}

/* State: the issuer over a rule, the motto and the slogan, "Số:", the
 * archive line with a colon, no Party pieces. */
static void test_state_header(void **state)
{
	(void)state;
	kh_pdoc *doc = kh_pdoc_plan(resolve_text(
		"cơ_quan ubnd \"Ủy ban nhân dân tỉnh\" hệ nhà_nước viết_tắt \"UBND\"\n"
		"hướng_dẫn \"297/HD-UBND\" {\n  ban_hành ubnd\n  trích_yếu \"t\"\n"
		"  nơi_nhận {\n    lưu \"VT\"\n  }\n}\n"), NULL);
	assert_false(doc->party);
	const kh_pdoc_section *s = KH_VEC_AT(doc->sections, kh_pdoc_section, 0);
	const kh_pdoc_row *top = KH_VEC_AT(block(s, 0)->grid->rows, kh_pdoc_row, 0);
	const kh_pdoc_row *second = KH_VEC_AT(block(s, 0)->grid->rows, kh_pdoc_row, 1);
	assert_int_equal(cell_para(&top->cell[0], 0)->style, KH_PS_ISSUER);
	assert_int_equal(cell_para(&top->cell[0], 1)->style, KH_PS_ISSUER_RULE);
	assert_int_equal(cell_para(&top->cell[0], 1)->runs.n, 0);
	assert_int_equal(cell_para(&top->cell[1], 0)->style, KH_PS_MOTTO);
	assert_int_equal(cell_para(&top->cell[1], 1)->style, KH_PS_SLOGAN);
	assert_string_equal(kh_pdoc_para_text(cell_para(&second->cell[0], 0)), "Số: 297/HD-UBND");
	assert_string_equal(kh_pdoc_para_text(cell_para(&second->cell[1], 0)), "…, ngày … tháng … năm …");
	assert_int_equal(block(s, 1)->para->style, KH_PS_KIND);
	assert_int_equal(block(s, 3)->para->style, KH_PS_TITLE_RULE);
	const kh_pdoc_row *foot = KH_VEC_AT(block(s, s->blocks.n - 1)->grid->rows, kh_pdoc_row, 0);
	assert_string_equal(kh_pdoc_para_text(cell_para(&foot->cell[0], 1)), "Lưu: VT.");
}

/* ---- Hooks ----------------------------------------------------------------- */

static const kh_vec *one_line(const char *s)
{
	kh_vec *v = KH_NEW(kh_vec);
	kh_vec_push(v, (void *)s);
	return v;
}

static const kh_vec *task_hook(void *ctx, const kh_program *prog, const kh_task *t, const char *said)
{
	(void)prog, (void)said;
	++*(int *)ctx;
	return one_line(kh_printf("Nhiệm vụ %s: câu soạn sẵn.", t->id));
}

static const kh_vec *meeting_hook(void *ctx, const kh_program *prog, const kh_meeting *m,
				   const char *said)
{
	(void)prog, (void)said;
	++*(int *)ctx;
	return one_line(kh_printf("Hội nghị %s: câu soạn sẵn.", m->id));
}

static const kh_vec *award_hook(void *ctx, const kh_program *prog, const kh_award_form *f,
				 const char *said)
{
	(void)ctx, (void)prog, (void)said;
	return f->granted_by ? one_line("Do người có thẩm quyền trao.") : NULL;
}

/* Each hook's sentences follow its item; items without a hook (or a hook
 * that returns NULL) print as written. */
static void test_hooks(void **state)
{
	(void)state;
	kh_program *prog = resolve_text(
		"import \"vn/hierarchy\"\n"
		"cơ_quan ub \"Ủy ban nhân dân tỉnh\" hệ nhà_nước cấp tỉnh viết_tắt \"UBND\"\n"
		"cơ_quan ct_ub \"Chủ tịch Ủy ban nhân dân tỉnh\"\n"
		"kế_hoạch \"1/KH-UBND\" {\n  ban_hành ub\n"
		"  nhiệm_vụ bc \"Gửi báo cáo\" {\n    giao ub\n  }\n"
		"  mục \"Hội nghị:\" {\n"
		"    hội_nghị hn \"Hội nghị tổng kết\" {\n      cấp tỉnh\n"
		"      thành_phần {\n        dự ub\n      }\n    }\n  }\n"
		"  khen_thưởng {\n"
		"    hình_thức bk \"Bằng khen\" {\n      trao_bởi ct_ub\n    }\n"
		"    hình_thức gk \"Giấy khen\"\n"
		"  }\n}\n");
	int calls = 0;
	kh_pdoc_hooks hooks = { &calls, task_hook, meeting_hook, award_hook };
	kh_pdoc *doc = kh_pdoc_plan(prog, &hooks);
	assert_int_equal(calls, 2);
	const kh_pdoc_section *s = KH_VEC_AT(doc->sections, kh_pdoc_section, 0);
	size_t at = 0;
	for (size_t i = 0; i < s->blocks.n; i++) {
		const kh_pdoc_block *b = KH_VEC_AT(s->blocks, kh_pdoc_block, i);
		if (b->kind == KH_BLOCK_PARA && !strcmp(kh_pdoc_para_text(b->para), "Gửi báo cáo"))
			at = i;
	}
	assert_string_equal(kh_pdoc_para_text(block(s, at + 1)->para), "Nhiệm vụ bc: câu soạn sẵn.");
	/* The meeting's attendees (under a heading), then its sentence. */
	const kh_pdoc_para *m = find_para(s, "Hội nghị hn: câu soạn sẵn.");
	assert_non_null(m);
	assert_non_null(find_para(s, "Ủy ban nhân dân tỉnh."));
	const kh_pdoc_para *bk = find_para(s, "Bằng khen");
	assert_non_null(bk);
	assert_non_null(find_para(s, "Do người có thẩm quyền trao."));
	/* Without hooks, nothing is added. */
	kh_pdoc *plain = kh_pdoc_plan(prog, NULL);
	const kh_pdoc_section *p = KH_VEC_AT(plain->sections, kh_pdoc_section, 0);
	assert_int_equal(p->blocks.n + 3, s->blocks.n);
}

/* ---- Outlines ----------------------------------------------------------------- */

static const char outline_plan[] =
	"cơ_quan ubnd \"Ủy ban nhân dân tỉnh\" hệ nhà_nước viết_tắt \"UBND\"\n"
	"kế_hoạch \"5/KH-UBND\" {\n  ban_hành ubnd\n  ngày 3/3/2020\n"
	"  đề_cương dc \"Đề cương\" {\n    trích_yếu \"báo cáo\"\n"
	"    mục \"Kết quả\" {\n      - \"Số liệu\"\n    }\n  }\n"
	"  đề_cương bm \"Biểu mẫu\" {\n    dòng \"ĐƠN VỊ\"\n    dòng \"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\"\n"
	"    dòng \"Độc lập - Tự do - Hạnh phúc\"\n    dòng \"Số:    /BC\"\n    dòng \"…, ngày … tháng … năm …\"\n  }\n"
	"}\n";

/* In the plan, each outline is an attachment on a new page; alone, the
 * first is on page 1; as a fill-in report, a blank header and foot. */
static void test_outlines(void **state)
{
	(void)state;
	kh_program *prog = resolve_text(outline_plan);
	kh_pdoc *doc = kh_pdoc_plan(prog, NULL);
	assert_int_equal(doc->sections.n, 3);
	const kh_pdoc_section *a = KH_VEC_AT(doc->sections, kh_pdoc_section, 1);
	assert_int_equal(a->kind, KH_SECTION_ATTACHMENT);
	assert_true(a->new_page);
	assert_int_equal(block(a, 0)->para->style, KH_PS_ATT_NAME);
	assert_string_equal(kh_pdoc_para_text(block(a, 0)->para), "ĐỀ CƯƠNG");
	const kh_pdoc_para *h = find_para(a, "Kết quả");
	assert_string_equal(h->mark, "I.");
	assert_string_equal(find_para(a, "Số liệu")->mark, "-");
	/* The template's lines with a motto make a header grid. */
	const kh_pdoc_section *b = KH_VEC_AT(doc->sections, kh_pdoc_section, 2);
	assert_int_equal(block(b, 0)->kind, KH_BLOCK_GRID);
	const kh_pdoc_row *second = KH_VEC_AT(block(b, 0)->grid->rows, kh_pdoc_row, 1);
	assert_string_equal(kh_pdoc_para_text(cell_para(&second->cell[0], 0)), "Số:    /BC");

	kh_pdoc *alone = kh_pdoc_outlines(prog, false);
	assert_int_equal(alone->sections.n, 2);
	assert_false(KH_VEC_AT(alone->sections, kh_pdoc_section, 0)->new_page);
	assert_string_equal(alone->title, "Đề cương báo cáo");

	kh_pdoc *fill = kh_pdoc_outlines(prog, true);
	const kh_pdoc_section *f = KH_VEC_AT(fill->sections, kh_pdoc_section, 0);
	const kh_pdoc_grid *g = block(f, 0)->grid;
	assert_non_null(g);
	const kh_pdoc_row *num = KH_VEC_AT(g->rows, kh_pdoc_row, 1);
	assert_string_equal(kh_pdoc_para_text(cell_para(&num->cell[0], 0)), "Số: \u00a0\u00a0\u00a0\u00a0/BC-…");
	assert_string_equal(kh_pdoc_para_text(cell_para(&num->cell[1], 0)), "…, ngày … tháng … năm …");
	assert_int_equal(block(f, f->blocks.n - 1)->grid->kind, KH_GRID_FOOT);
	/* The template's own header is kept in the fill-in too. */
	const kh_pdoc_section *f2 = KH_VEC_AT(fill->sections, kh_pdoc_section, 1);
	assert_string_equal(kh_pdoc_para_text(cell_para(&KH_VEC_AT(block(f2, 0)->grid->rows, kh_pdoc_row, 0)->cell[0], 0)),
			    "ĐƠN VỊ");
	/* No outline: NULL. */
	assert_null(kh_pdoc_outlines(resolve_text(party_plan), false));
}

/* ---- Styles and writers ---------------------------------------------------------- */

static void test_style_table(void **state)
{
	(void)state;
	for (int i = 0; i < KH_PS__COUNT; i++) {
		const kh_pdoc_style_info *a = kh_pdoc_style_of((kh_pdoc_style)i);
		assert_non_null(a->id);
		if (a->shape == KH_SHAPE_TEXT)
			assert_true(a->half_points >= 22 && a->half_points <= 30);
		for (int j = 0; j < i; j++)
			assert_string_not_equal(a->id, kh_pdoc_style_of((kh_pdoc_style)j)->id);
	}
	assert_int_equal(kh_pdoc_style_of(KH_PS_HEADING_3)->outline, 3);
	assert_true(kh_pdoc_style_of(KH_PS_HEADING_3)->italic);
	assert_int_equal(kh_pdoc_style_of(KH_PS_SIGN_SPACE)->shape, KH_SHAPE_SPACE);
}

/* A model built by hand, with the forms later work adds (a "V/v" line
 * under the number, "Kính gửi:"), goes through both writers unchanged. */
static void test_writers_read_the_model(void **state)
{
	(void)state;
	kh_pdoc doc = { 0 };
	doc.title = "Công văn 1/UBND-VP";
	doc.page = (kh_pdoc_page){ 210, 297, 20, 20, 30, 15, 10, 26, 28, 130, 6, "Times New Roman" };
	kh_pdoc_section s = { .kind = KH_SECTION_MAIN };
	kh_vec_push(&doc.sections, &s);
	kh_pdoc_block gb = { .kind = KH_BLOCK_GRID };
	kh_pdoc_grid g = { .kind = KH_GRID_HEAD, .width_pct = { 40, 60 } };
	kh_pdoc_row r = { .cell = { { .kind = KH_CELL_NUMBER }, { .kind = KH_CELL_PLACE_DATE } } };
	kh_vec_push(&r.cell[0].paras, kh_pdoc_para_new(KH_PS_NUMBER, NULL, "Số: 1/UBND-VP"));
	kh_vec_push(&r.cell[0].paras, kh_pdoc_para_new(KH_PS_SUBJECT, NULL, "V/v <tổng kết>"));
	kh_vec_push(&r.cell[1].paras, kh_pdoc_para_new(KH_PS_PLACE_DATE, NULL, "Hà Nội"));
	kh_vec_push(&g.rows, &r);
	gb.grid = &g;
	kh_vec_push(&s.blocks, &gb);
	kh_pdoc_para *k = kh_pdoc_add(&s.blocks, KH_PS_ADDRESSEE, NULL, "Kính gửi: ");
	kh_pdoc_run_add(k, "Sở Nội vụ", KH_RUN_ITALIC);

	kh_buf html = { 0 };
	kh_html_document(&html, &doc);
	const char *h = kh_buf_cstr(&html);
	assert_non_null(strstr(h, "<title>Công văn 1/UBND-VP</title>"));
	assert_non_null(strstr(h, "<td class=\"number\">Số: 1/UBND-VP<div class=\"subject\">V/v &lt;tổng kết&gt;</div></td>"));
	assert_non_null(strstr(h, "<p class=\"addressee\">Kính gửi: <i>Sở Nội vụ</i></p>"));
	kh_buf word = { 0 };
	kh_docx_opts t = { false, 0, 0 };
	assert_int_equal(kh_docx_document(&word, &doc, &t), 0);
	assert_memory_equal(word.data, "PK\x03\x04", 4);
}

/* The Word file: a zip ("PK"), the same bytes twice, its entries dated. */
static void test_docx_bytes(void **state)
{
	(void)state;
	kh_program *prog = resolve_text(party_plan);
	kh_docx_opts t = { true, 18266, 0 }; /* 2020-01-05 */
	kh_buf a = { 0 }, b = { 0 };
	assert_int_equal(kh_emit_render_docx(prog, &t, &a), 0);
	assert_int_equal(kh_emit_render_docx(prog, &t, &b), 0);
	assert_true(a.len > 1000);
	assert_memory_equal(a.data, "PK\x03\x04", 4);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);
	/* The local header's DOS date (offset 12): 2020-01-05. */
	unsigned date = (unsigned char)a.data[12] | (unsigned)(unsigned char)a.data[13] << 8;
	assert_int_equal(date, ((2020 - 1980) << 9) | (1 << 5) | 5);
	kh_buf none = { 0 };
	assert_int_equal(kh_emit_outline_docx(prog, &t, &none), 1);
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_party_header),
		cmocka_unit_test(test_body_and_foot),
		cmocka_unit_test(test_state_header),
		cmocka_unit_test(test_hooks),
		cmocka_unit_test(test_outlines),
		cmocka_unit_test(test_style_table),
		cmocka_unit_test(test_writers_read_the_model),
		cmocka_unit_test(test_docx_bytes),
	};
	return cmocka_run_group_tests_name("document", tests, NULL, NULL);
}

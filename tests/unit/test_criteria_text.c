/*
 * test_criteria_text.c - award criteria in words (criteria_text.c): every
 * kind of expression, brackets only where precedence needs them, rules
 * with their exceptions and exclusions, a form's lines; in English, in
 * the documents' Vietnamese, and in the UI's Vietnamese, which must read
 * the same as the documents' (the catalogue and the source agree).
 * Expressions are written in the plan language and resolved, so the
 * trees are the resolver's own.
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
#include "criteria_text.h"
#include "diag.h"
#include "i18n.h"
#include "resolve.h"

static const char *ATTRS =
	"      thuộc_tính {\n"
	"        mã \"Mã\" chữ khóa\n"
	"        đơn_vị \"Đơn vị\" chữ\n"
	"        loai_dt \"Đối tượng\" chữ\n"
	"        sonam \"Số năm công tác\" số\n"
	"        vaonganh \"Ngày vào ngành\" ngày\n"
	"        đv \"Đảng viên\" có_không\n"
	"        kl \"Kỷ luật\" có_không\n"
	"        xl \"Xếp loại\" theo_năm\n"
	"        khen \"Khen thưởng đã nhận\" khen\n"
	"      }\n";

/* A plan of DATE (may be empty) with one form whose criteria are FORM. */
static const kh_award_form *form_of(const char *date, const char *form)
{
	const char *text = kh_printf(
		"cơ_quan so \"Sở Nội vụ\"\n"
		"kế_hoạch \"1/KH-SNV\" {\n  ban_hành so\n%s"
		"  khen_thưởng {\n%s"
		"    hình_thức gk \"Giấy khen\" {\n      loại \"Giấy khen\"\n%s    }\n  }\n}\n",
		*date ? kh_printf("  ngày %s\n", date) : "", ATTRS, form);
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = KH_STDLIB_DIR;
	kh_diags d;
	memset(&d, 0, sizeof d);
	kh_program *p = kh_resolve_bytes("criteria.kh", text, strlen(text), &opts, &d);
	assert_non_null(p);
	if (d.errors) {
		kh_buf b = { 0 };
		kh_diags_print_text(&d, &b, 0);
		fprintf(stderr, "%s%s", text, kh_buf_cstr(&b));
	}
	assert_int_equal(d.errors, 0);
	assert_int_equal(p->plan->award_forms.n, 1);
	return p->plan->award_forms.items[0];
}

static const kh_crit_rule *rule_of(const char *date, const char *expr)
{
	const kh_award_form *f = form_of(date, kh_printf("      tiêu_chuẩn {\n        điều \"R\" %s\n      }\n", expr));
	assert_int_equal(f->rules.n, 1);
	return f->rules.items[0];
}

static const char *words(const char *date, const char *expr, kh_words_lang lang)
{
	kh_buf b = { 0 };
	kh_cexpr_words_in(&b, rule_of(date, expr)->expr, lang);
	return kh_buf_cstr(&b);
}

/* EXPR in a plan of 2025 reads EN in English and VI in Vietnamese, and the
 * UI's Vietnamese (the catalogue) reads as the documents'. */
static void reads(const char *expr, const char *en, const char *vi)
{
	kh_i18n_init("en");
	assert_string_equal(words("15/5/2025", expr, KH_WORDS_UI), en);
	assert_string_equal(words("15/5/2025", expr, KH_WORDS_VI), vi);
	kh_i18n_init("vi");
	assert_string_equal(words("15/5/2025", expr, KH_WORDS_UI), vi);
	kh_i18n_init("en");
}

static void test_comparisons(void **state)
{
	(void)state;
	reads("sonam >= 5", "Số năm công tác at least 5", "Số năm công tác từ 5 trở lên");
	reads("sonam > 5", "Số năm công tác more than 5", "Số năm công tác trên 5");
	reads("sonam <= 5", "Số năm công tác at most 5", "Số năm công tác từ 5 trở xuống");
	reads("sonam < 3", "Số năm công tác less than 3", "Số năm công tác dưới 3");
	reads("loai_dt = \"cá nhân\"", "Đối tượng is “cá nhân”", "Đối tượng là “cá nhân”");
	reads("loai_dt != \"tập thể\"", "Đối tượng is not “tập thể”", "Đối tượng khác “tập thể”");
	reads("vaonganh < 1/1/2019", "Ngày vào ngành before 01/01/2019", "Ngày vào ngành trước ngày 01/01/2019");
	reads("vaonganh <= 1/1/2019", "Ngày vào ngành on or before 01/01/2019",
	      "Ngày vào ngành từ ngày 01/01/2019 trở về trước");
	reads("vaonganh > 1/1/2019", "Ngày vào ngành after 01/01/2019", "Ngày vào ngành sau ngày 01/01/2019");
	reads("vaonganh >= 1/1/2019", "Ngày vào ngành on or after 01/01/2019",
	      "Ngày vào ngành từ ngày 01/01/2019 trở về sau");
}

/* The language has no decimals yet (2.5 reads as a date), the tree can:
 * the decimal mark is the language's. */
static void test_decimal_mark(void **state)
{
	(void)state;
	kh_cexpr n = { .kind = KH_CE_NUMBER, .type = KH_VAL_NUMBER, .number = 12.5 };
	kh_buf b = { 0 };
	kh_i18n_init("en");
	kh_cexpr_words_in(&b, &n, KH_WORDS_VI);
	kh_buf_puts(&b, " ");
	kh_cexpr_words(&b, &n);
	kh_i18n_init("vi");
	kh_buf_puts(&b, " ");
	kh_cexpr_words(&b, &n);
	kh_i18n_init("en");
	assert_string_equal(kh_buf_cstr(&b), "12,5 12.5 12,5");
}

static void test_lists_and_ranges(void **state)
{
	(void)state;
	reads("đơn_vị trong [\"A\", \"B\"]", "Đơn vị is “A” or “B”", "Đơn vị là “A” hoặc “B”");
	reads("đơn_vị trong [\"A\", \"B\", \"C\"]", "Đơn vị is “A”, “B” or “C”",
	      "Đơn vị là “A”, “B” hoặc “C”");
	reads("đơn_vị trong [\"A\"]", "Đơn vị is “A”", "Đơn vị là “A”");
	reads("vaonganh từ 1/1/2019 đến 31/12/2020", "Ngày vào ngành from 01/01/2019 to 31/12/2020",
	      "Ngày vào ngành từ 01/01/2019 đến 31/12/2020");
	reads("sonam từ 5 đến 10", "Số năm công tác from 5 to 10", "Số năm công tác từ 5 đến 10");
}

static void test_counts(void **state)
{
	(void)state;
	reads("liên_tục 2 năm xl = \"HTXSNV\" đến 2024", "Xếp loại “HTXSNV” for 2 consecutive years up to 2024",
	      "Xếp loại “HTXSNV” 2 năm liên tục, đến năm 2024");
	reads("liên_tục 3 năm xl != \"KHTNV\"", "Xếp loại not “KHTNV” for 3 consecutive years up to 2024",
	      "Xếp loại khác “KHTNV” 3 năm liên tục, đến năm 2024");
	reads("ít_nhất 3 trong 5 năm xl trong [\"HTXSNV\", \"HTTNV\"] đến 2024",
	      "Xếp loại “HTXSNV” or “HTTNV” in at least 3 of 5 years up to 2024",
	      "Xếp loại “HTXSNV” hoặc “HTTNV” ít nhất 3 trong 5 năm, đến năm 2024");
	reads("ít_nhất 1 trong 1 năm xl = \"HTXSNV\" đến 2024", "Xếp loại “HTXSNV” in 2024",
	      "Xếp loại “HTXSNV” năm 2024");
	reads("chưa_khen \"Bằng khen\" 2 năm đến 2024", "not awarded “Bằng khen” in 2 years up to 2024",
	      "chưa được khen “Bằng khen” trong 2 năm, đến năm 2024");
	/* No class written: the form's loại, which the resolver puts in. */
	reads("chưa_khen 3 năm", "not awarded “Giấy khen” in 3 years up to 2024",
	      "chưa được khen “Giấy khen” trong 3 năm, đến năm 2024");
}

/* Without the plan's date a count ends in the file's latest year. */
static void test_counts_without_a_year(void **state)
{
	(void)state;
	kh_i18n_init("en");
	assert_string_equal(words("", "liên_tục 2 năm xl = \"A\"", KH_WORDS_VI),
			    "Xếp loại “A” 2 năm liên tục gần nhất");
	assert_string_equal(words("", "liên_tục 2 năm xl = \"A\"", KH_WORDS_UI),
			    "Xếp loại “A” for the last 2 consecutive years");
	assert_string_equal(words("", "ít_nhất 2 trong 4 năm xl = \"A\"", KH_WORDS_VI),
			    "Xếp loại “A” ít nhất 2 trong 4 năm gần nhất");
	assert_string_equal(words("", "ít_nhất 1 trong 1 năm xl = \"A\"", KH_WORDS_UI),
			    "Xếp loại “A” in the latest year");
	assert_string_equal(words("", "chưa_khen \"Bằng khen\" 1 năm", KH_WORDS_UI),
			    "not awarded “Bằng khen” in the last 1 year");
	/* Without a class: the resolver gives the form's own (loại). */
	assert_string_equal(words("", "chưa_khen 2 năm", KH_WORDS_VI),
			    "chưa được khen “Giấy khen” trong 2 năm gần nhất");
}

static void test_logic_and_brackets(void **state)
{
	(void)state;
	reads("đv", "Đảng viên", "Đảng viên");
	reads("không đv", "Đảng viên: no", "Đảng viên: không");
	reads("đv và sonam >= 5 hoặc kl", "Đảng viên and Số năm công tác at least 5 or Kỷ luật",
	      "Đảng viên và Số năm công tác từ 5 trở lên hoặc Kỷ luật");
	reads("(đv hoặc kl) và sonam >= 5", "(Đảng viên or Kỷ luật) and Số năm công tác at least 5",
	      "(Đảng viên hoặc Kỷ luật) và Số năm công tác từ 5 trở lên");
	reads("đv hoặc kl hoặc sonam > 1", "Đảng viên or Kỷ luật or Số năm công tác more than 1",
	      "Đảng viên hoặc Kỷ luật hoặc Số năm công tác trên 1");
	reads("không (đv và kl)", "not: (Đảng viên and Kỷ luật)", "không: (Đảng viên và Kỷ luật)");
	reads("không sonam >= 5", "not: Số năm công tác at least 5", "không: Số năm công tác từ 5 trở lên");
	/* a list reads as a hoặc: bracketed under a và */
	reads("đv và đơn_vị trong [\"A\", \"B\"]", "Đảng viên and (Đơn vị is “A” or “B”)",
	      "Đảng viên và (Đơn vị là “A” hoặc “B”)");
	reads("kl và ít_nhất 1 trong 1 năm xl trong [\"A\", \"B\"] đến 2024",
	      "Kỷ luật and (Xếp loại “A” or “B” in 2024)", "Kỷ luật và (Xếp loại “A” hoặc “B” năm 2024)");
	reads("đv hoặc đơn_vị trong [\"A\", \"B\"]", "Đảng viên or Đơn vị is “A” or “B”",
	      "Đảng viên hoặc Đơn vị là “A” hoặc “B”");
}

static const char *rule_words(const kh_crit_rule *r, kh_words_lang lang)
{
	kh_buf b = { 0 };
	kh_crit_rule_words_in(&b, r, lang);
	return kh_buf_cstr(&b);
}

static void test_rules(void **state)
{
	(void)state;
	kh_i18n_init("en");
	const kh_award_form *f = form_of("15/5/2025",
		"      tiêu_chuẩn {\n"
		"        điều \"Công tác từ 5 năm\" sonam >= 5\n"
		"          trừ_khi \"là đảng viên\" đv\n"
		"        điều \"Đảng viên\" đv\n"
		"        loại_trừ \"Đang bị kỷ luật\" kl\n"
		"      }\n");
	const kh_crit_rule *r0 = f->rules.items[0], *r1 = f->rules.items[1], *r2 = f->rules.items[2];
	assert_string_equal(rule_words(r0, KH_WORDS_UI), "Công tác từ 5 năm, unless: là đảng viên");
	assert_string_equal(rule_words(r0, KH_WORDS_VI), "Công tác từ 5 năm; trừ trường hợp: là đảng viên");
	assert_string_equal(rule_words(r2, KH_WORDS_UI), "Excluded: Đang bị kỷ luật");
	assert_string_equal(rule_words(r2, KH_WORDS_VI), "Không xét đối với trường hợp: Đang bị kỷ luật");
	kh_buf b = { 0 };
	kh_crit_rule_words(&b, r1);
	assert_string_equal(kh_buf_cstr(&b), "Đảng viên");
	b = (kh_buf){ 0 };
	assert_true(kh_crit_rule_condition_in(&b, r0, KH_WORDS_VI));
	assert_string_equal(kh_buf_cstr(&b), "Số năm công tác từ 5 trở lên; trừ khi: Đảng viên");
	b = (kh_buf){ 0 };
	assert_false(kh_crit_rule_condition_in(&b, r1, KH_WORDS_VI)); /* "Đảng viên" says it */
	assert_int_equal(b.len, 0);
	b = (kh_buf){ 0 };
	kh_cexpr_words(&b, r2->expr);
	assert_string_equal(kh_buf_cstr(&b), "Kỷ luật");
}

static const char *line_text(const kh_vec *v, size_t i, kh_crit_line_kind kind)
{
	assert_true(i < v->n);
	const kh_crit_line *l = v->items[i];
	assert_int_equal(l->kind, kind);
	return l->text;
}

static void test_form_lines(void **state)
{
	(void)state;
	kh_i18n_init("en");
	kh_vec law = kh_award_criteria_lines(form_of("", "      tiêu_chuẩn theo_luật\n"), KH_WORDS_VI);
	assert_int_equal(law.n, 1);
	assert_string_equal(line_text(&law, 0, KH_CL_BY_LAW), "Theo tiêu chuẩn của Luật Thi đua, khen thưởng");
	assert_null(((const kh_crit_line *)law.items[0])->condition);
	const kh_award_form *f = form_of("15/5/2025",
		"      tiêu_chuẩn {\n"
		"        loại_trừ \"Đang bị kỷ luật\" kl\n"
		"        điều \"Công tác từ 5 năm\" sonam >= 5\n"
		"      }\n"
		"      số_lượng mỗi đơn_vị 1 { \"Sở Nội vụ\" 2 }\n"
		"      xếp_hạng sonam giảm, vaonganh tăng\n");
	/* the rules first, then the exclusions, whatever their order */
	kh_vec vi = kh_award_criteria_lines(f, KH_WORDS_VI);
	assert_int_equal(vi.n, 4);
	assert_string_equal(line_text(&vi, 0, KH_CL_RULE), "Công tác từ 5 năm");
	assert_string_equal(((const kh_crit_line *)vi.items[0])->condition, "Số năm công tác từ 5 trở lên");
	assert_string_equal(line_text(&vi, 1, KH_CL_EXCLUDE), "Không xét đối với trường hợp: Đang bị kỷ luật");
	assert_string_equal(line_text(&vi, 2, KH_CL_QUOTA_EACH), "Số lượng: mỗi đơn vị 01; riêng Sở Nội vụ 02");
	assert_string_equal(line_text(&vi, 3, KH_CL_RANK),
			    "Xếp thứ tự theo Số năm công tác, giảm dần; sau đó theo Ngày vào ngành, tăng dần");
	kh_vec en = kh_award_criteria_lines(f, KH_WORDS_UI);
	assert_string_equal(line_text(&en, 2, KH_CL_QUOTA_EACH), "Quota per Đơn vị: 01; except Sở Nội vụ 02");
	assert_string_equal(line_text(&en, 3, KH_CL_RANK),
			    "Ranked by Số năm công tác, descending, then by Ngày vào ngành, ascending");
	assert_int_equal(kh_award_criteria_lines(form_of("", "      tiêu_chuẩn thông_báo_sau\n"), KH_WORDS_VI).n, 0);
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comparisons),
		cmocka_unit_test(test_decimal_mark),
		cmocka_unit_test(test_lists_and_ranges),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_counts_without_a_year),
		cmocka_unit_test(test_logic_and_brackets),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_form_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_forms.c - the official forms as the resolver makes them, once, for
 * every writer: signing blocks as chains of lines (TM. / KT. / position),
 * their forms read and spelt by family; the two lines of the issuer block
 * (Party: the organisation above the committee, inferred or written;
 * state: the body above); a letter's "V/v" line and its kính_gửi; the
 * closing mark "./."; the blank number of an unnumbered letter.
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
#include "source.h"
#include "vn_numbering.h"

static kh_diags diags;

static const kh_plan *resolve_text(const char *text)
{
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = KH_STDLIB_DIR;
	memset(&diags, 0, sizeof diags);
	kh_program *prog = kh_resolve_bytes("plan.kh", text, strlen(text), &opts, &diags);
	assert_non_null(prog);
	assert_non_null(prog->plan);
	return prog->plan;
}

static const kh_sign_line *line(const kh_plan *p, size_t i)
{
	assert_non_null(p->signature);
	assert_true(i < p->signature->lines.n);
	return KH_VEC_AT(p->signature->lines, kh_sign_line, i);
}

static bool has_error(const char *rule)
{
	for (const kh_diag *d = diags.first; d; d = d->next)
		if (d->severity == KH_ERROR && d->rule && !strcmp(d->rule, rule))
			return true;
	return false;
}

#define STATE_BODIES \
	"import \"vn/hierarchy\"\n" \
	"cơ_quan ubnd_tinh \"Ủy ban nhân dân tỉnh Thái Bình\" cấp tỉnh là ubnd viết_tắt \"UBND\"\n" \
	"cơ_quan ct_tinh \"Chủ tịch Ủy ban nhân dân tỉnh\" cấp tỉnh thuộc ubnd_tinh\n" \
	"cơ_quan so \"Sở Văn hóa, Thể thao và Du lịch\" cấp tỉnh thuộc ubnd_tinh\n"

/* TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH, from bodies alone:
 * the forms in the state's spelling, the collective by its generic name,
 * the head the deputy signs for from the position. */
static void test_state_chain(void **state)
{
	(void)state;
	const kh_plan *p = resolve_text(STATE_BODIES
		"hướng_dẫn \"5/HD-UBND\" {\n  ban_hành ubnd_tinh\n"
		"  ký {\n    thay_mặt ubnd_tinh\n    ký_thay ct_tinh\n"
		"    chức_vụ \"Phó Chủ tịch\"\n    họ_tên \"A\"\n  }\n}\n");
	assert_int_equal(diags.errors, 0);
	assert_int_equal(p->signature->lines.n, 2);
	assert_int_equal(line(p, 0)->kind, KH_SIGN_ON_BEHALF);
	assert_string_equal(line(p, 0)->form, "TM.");
	assert_false(line(p, 0)->form_written);
	assert_string_equal(line(p, 0)->text, "ỦY BAN NHÂN DÂN");
	assert_int_equal(line(p, 1)->kind, KH_SIGN_IN_PLACE);
	assert_string_equal(line(p, 1)->form, "KT.");
	assert_string_equal(line(p, 1)->text, "CHỦ TỊCH");
	assert_string_equal(p->signature->position, "Phó Chủ tịch");
	/* One-line readers see the first line. */
	assert_string_equal(p->signature->form, "TM.");
	assert_ptr_equal(p->signature->on_behalf, line(p, 0)->body);
}

/* Lines as written: the form split from its words; a thay_mặt line takes
 * its kind from its form, as plans wrote KT. before ký_thay existed. */
static void test_lines_as_written(void **state)
{
	(void)state;
	const kh_plan *p = resolve_text(STATE_BODIES
		"hướng_dẫn \"5/HD-SVHTTDL\" {\n  ban_hành so\n"
		"  ký {\n    thay_mặt \"KT.\" so\n    thừa_lệnh \"TL. Giám đốc\"\n"
		"    thừa_ủy_quyền \"TUQ. GIÁM ĐỐC\"\n    quyền \"Q. GIÁM ĐỐC\"\n  }\n}\n");
	assert_int_equal(diags.errors, 0);
	assert_int_equal(line(p, 0)->kind, KH_SIGN_IN_PLACE);
	assert_string_equal(line(p, 0)->form, "KT.");
	assert_true(line(p, 0)->form_written);
	assert_int_equal(line(p, 1)->kind, KH_SIGN_BY_ORDER);
	assert_string_equal(line(p, 1)->text, "GIÁM ĐỐC"); /* printed in capitals */
	assert_int_equal(line(p, 2)->kind, KH_SIGN_BY_AUTHORITY);
	assert_string_equal(line(p, 2)->form, "TUQ.");
	assert_int_equal(line(p, 3)->kind, KH_SIGN_ACTING);
	assert_string_equal(line(p, 3)->form, "Q.");
	assert_string_equal(line(p, 3)->text, "GIÁM ĐỐC");
}

/* Every spelling: English, and Vietnamese without diacritics. */
static void test_spellings(void **state)
{
	(void)state;
	const kh_plan *p = resolve_text(STATE_BODIES
		"letter \"7/UBND-VX\" {\n  issuer ubnd_tinh\n  title \"about x\"\n"
		"  to { so }\n  superior_line \"CHÍNH PHỦ\"\n"
		"  sign { on_behalf_of ubnd_tinh; in_place_of \"CHỦ TỊCH\"; position \"PHÓ CHỦ TỊCH\" }\n}\n");
	assert_int_equal(diags.errors, 0);
	assert_int_equal(p->addressees.n, 1);
	assert_string_equal(p->header.superior, "CHÍNH PHỦ");
	assert_int_equal(line(p, 1)->kind, KH_SIGN_IN_PLACE);
	p = resolve_text(STATE_BODIES
		"cong_van \"7/UBND-VX\" {\n  ban_hanh ubnd_tinh\n  kinh_gui { so }\n"
		"  co_quan_chu_quan \"\"\n  ky { thua_uy_quyen \"TUQ. CHỦ TỊCH\"; quyen ct_tinh }\n}\n");
	assert_int_equal(diags.errors, 0);
	assert_int_equal(p->addressees.n, 1);
	assert_true(p->header.superior_written);
	assert_null(p->header.superior); /* an empty line removes it */
	assert_int_equal(line(p, 0)->kind, KH_SIGN_BY_AUTHORITY);
	assert_int_equal(line(p, 1)->kind, KH_SIGN_ACTING);
	/* A keyword of four words written with spaces. */
	p = resolve_text(STATE_BODIES "kế_hoạch {\n  ban_hành so\n  cơ quan chủ quản \"BỘ X\"\n}\n");
	assert_int_equal(diags.errors, 0);
	assert_string_equal(p->header.superior, "BỘ X");
}

/* The first word of a line as a form, and the family its punctuation
 * says; words of text are not forms. */
static void test_form_read(void **state)
{
	(void)state;
	size_t len;
	kh_system fam;
	assert_int_equal(kh_sign_form_read("T/M BAN THƯỜNG VỤ", &len, &fam), KH_SIGN_ON_BEHALF);
	assert_int_equal(len, 3);
	assert_int_equal(fam, KH_SYSTEM_PARTY);
	assert_int_equal(kh_sign_form_read("tuq.", &len, &fam), KH_SIGN_BY_AUTHORITY);
	assert_int_equal(fam, KH_SYSTEM_STATE);
	assert_int_equal(kh_sign_form_read("T/UQ GIÁM ĐỐC", &len, &fam), KH_SIGN_BY_AUTHORITY);
	assert_int_equal(kh_sign_form_read("K/T", &len, &fam), KH_SIGN_IN_PLACE);
	assert_int_equal(kh_sign_form_read("Q. GIÁM ĐỐC", &len, &fam), KH_SIGN_ACTING);
	assert_int_equal(kh_sign_form_read("TM ỦY BAN", &len, &fam), KH_SIGN_ON_BEHALF);
	assert_int_equal(fam, KH_SYSTEM_NONE);
	assert_int_equal(kh_sign_form_read("Tm ủy ban", &len, &fam), -1);
	assert_int_equal(kh_sign_form_read("TRƯỞNG BAN", &len, &fam), -1);
	assert_int_equal(kh_sign_form_read("CHỦ TỊCH", &len, &fam), -1);
	assert_int_equal(kh_sign_form_read("", &len, &fam), -1);
	assert_string_equal(kh_sign_form_spelling(KH_SIGN_IN_PLACE, KH_SYSTEM_PARTY), "K/T");
	assert_string_equal(kh_sign_form_spelling(KH_SIGN_BY_AUTHORITY, KH_SYSTEM_PARTY), "T/UQ");
	assert_string_equal(kh_sign_form_spelling(KH_SIGN_BY_ORDER, KH_SYSTEM_STATE), "TL.");
	assert_string_equal(kh_position_head("Phó Giám đốc"), "GIÁM ĐỐC");
	assert_string_equal(kh_position_head("PHÓ CHỦ TỊCH"), "CHỦ TỊCH");
	assert_null(kh_position_head("Chủ tịch"));
	assert_null(kh_position_head("Phóng viên"));
}

#define PARTY_BODIES \
	"import \"vn/hierarchy\"\n" \
	"cơ_quan tinh_uy \"Tỉnh ủy Hà Tĩnh\" cấp tỉnh là cap_uy viết_tắt \"TU\"\n" \
	"cơ_quan huyen_uy \"Huyện ủy Hương Khê\" cấp huyện là cap_uy viết_tắt \"HU\"\n" \
	"cơ_quan btv_hu \"Ban Thường vụ Huyện ủy\" cấp huyện thuộc huyen_uy\n" \
	"cơ_quan btg_hu \"Ban Tuyên giáo Huyện ủy\" cấp huyện thuộc huyen_uy\n"

/* HD 36: the Ban Thường vụ issues in its committee's name, under the
 * organisation above it, which the plan's own declarations give. */
static void test_party_header_inferred(void **state)
{
	(void)state;
	const kh_plan *p = resolve_text(PARTY_BODIES
		"kế_hoạch \"152-KH/HU\" {\n  ban_hành btv_hu\n"
		"  ký { thay_mặt btv_hu; chức_vụ \"PHÓ BÍ THƯ\" }\n}\n");
	assert_int_equal(diags.errors, 0);
	assert_int_equal(p->header.system, KH_SYSTEM_PARTY);
	assert_string_equal(p->header.superior, "ĐẢNG BỘ TỈNH HÀ TĨNH");
	assert_false(p->header.superior_written);
	assert_string_equal(p->header.issuer, "HUYỆN ỦY HƯƠNG KHÊ");
	assert_string_equal(p->header.kind_heading, "KẾ HOẠCH");
	assert_null(p->header.summary);
	/* The form in the Party's spelling, the body by its short name. */
	assert_string_equal(line(p, 0)->form, "T/M");
	assert_string_equal(line(p, 0)->text, "BAN THƯỜNG VỤ");
}

/* An advisory organ under its committee; a written line overrides. */
static void test_party_header_organ_and_override(void **state)
{
	(void)state;
	const kh_plan *p = resolve_text(PARTY_BODIES
		"hướng_dẫn \"3-HD/BTGHU\" {\n  ban_hành btg_hu\n  ký { chức_vụ \"TRƯỞNG BAN\" }\n}\n");
	assert_string_equal(p->header.superior, "HUYỆN ỦY HƯƠNG KHÊ");
	assert_string_equal(p->header.issuer, "BAN TUYÊN GIÁO");
	p = resolve_text(PARTY_BODIES
		"kế_hoạch \"152-KH/HU\" {\n  ban_hành huyen_uy\n  cơ_quan_chủ_quản \"Đảng bộ tỉnh Hà Tĩnh\"\n}\n");
	assert_string_equal(p->header.superior, "ĐẢNG BỘ TỈNH HÀ TĨNH");
	assert_true(p->header.superior_written);
	assert_string_equal(p->header.issuer, "HUYỆN ỦY HƯƠNG KHÊ");
	/* A superior declared without its province cannot be named. */
	p = resolve_text("import \"vn/hierarchy\"\n"
			 "cơ_quan tinh_uy \"Tỉnh ủy\" cấp tỉnh là cap_uy\n"
			 "cơ_quan huyen_uy \"Huyện ủy Hương Khê\" cấp huyện là cap_uy\n"
			 "kế_hoạch \"1-KH/HU\" {\n  ban_hành huyen_uy\n}\n");
	assert_null(p->header.superior);
	assert_string_equal(p->header.issuer, "HUYỆN ỦY HƯƠNG KHÊ");
}

/* NĐ 30: the body directly above, then the issuer by its short name. */
static void test_state_header(void **state)
{
	(void)state;
	const kh_plan *p = resolve_text(STATE_BODIES "hướng_dẫn \"12/HD-SVHTTDL\" {\n  ban_hành so\n}\n");
	assert_int_equal(p->header.system, KH_SYSTEM_STATE);
	assert_string_equal(p->header.superior, "ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH");
	assert_string_equal(p->header.issuer, "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH");
	p = resolve_text(STATE_BODIES "hướng_dẫn \"12/HD-UBND\" {\n  ban_hành ubnd_tinh\n}\n");
	assert_null(p->header.superior);
	assert_string_equal(p->header.issuer, "ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH");
}

/* A letter: no kind heading, its trích yếu is its "V/v" line; kính_gửi
 * holds its addressees; the content ends with "./.". */
static void test_letter(void **state)
{
	(void)state;
	const kh_plan *p = resolve_text(STATE_BODIES
		"công_văn \"9/UBND-VX\" {\n  ban_hành ubnd_tinh\n  trích_yếu \"tổ chức hoạt động hè\"\n"
		"  kính_gửi {\n    so\n    \"Các huyện, thành phố\"\n  }\n"
		"  \"Đề nghị các đơn vị thực hiện./.\"\n}\n");
	assert_int_equal(diags.errors, 0);
	assert_null(p->header.kind_heading);
	assert_string_equal(p->header.summary, "V/v tổ chức hoạt động hè");
	assert_true(p->has_addressees);
	assert_int_equal(p->addressees.n, 2);
	const kh_recipient *a = KH_VEC_AT(p->addressees, kh_recipient, 0);
	assert_int_equal(KH_VEC_AT(a->refs, kh_ref, 0)->kind, KH_REF_BODY);
	a = KH_VEC_AT(p->addressees, kh_recipient, 1);
	assert_string_equal(KH_VEC_AT(a->refs, kh_ref, 0)->text, "Các huyện, thành phố");
	assert_true(p->closing_mark);
	assert_false(p->has_recipients);
	/* "V/v" written is kept; the archive line belongs in nơi_nhận. */
	p = resolve_text(STATE_BODIES
		"công_văn {\n  ban_hành ubnd_tinh\n  trích_yếu \"V/v x\"\n  kính_gửi { lưu \"VT\" }\n"
		"  kết_thúc \"Trân trọng.\"\n}\n");
	assert_string_equal(p->header.summary, "V/v x");
	assert_true(has_error("misplaced-statement"));
	assert_false(p->closing_mark);
}

/* The blank number of an unnumbered letter names no kind code: the
 * issuer, then the drafting unit of its archive line. */
static void test_letter_placeholder(void **state)
{
	(void)state;
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = KH_STDLIB_DIR;
	static const char state_letter[] = STATE_BODIES
		"công_văn {\n  ban_hành ubnd_tinh\n  nơi_nhận { so; lưu \"VT, NC\" }\n}\n";
	kh_program *prog = kh_resolve_bytes("a.kh", state_letter, strlen(state_letter), &opts, &diags);
	assert_string_equal(kh_vn_number(prog), "\u00a0\u00a0\u00a0\u00a0/UBND-NC");
	static const char no_unit[] = STATE_BODIES "công_văn {\n  ban_hành ubnd_tinh\n}\n";
	prog = kh_resolve_bytes("a.kh", no_unit, strlen(no_unit), &opts, &diags);
	assert_string_equal(kh_vn_number(prog), "\u00a0\u00a0\u00a0\u00a0/UBND-…");
	static const char party[] = PARTY_BODIES "công_văn {\n  ban_hành btv_hu\n}\n";
	prog = kh_resolve_bytes("a.kh", party, strlen(party), &opts, &diags);
	assert_string_equal(kh_vn_number(prog), "\u00a0\u00a0\u00a0\u00a0-CV/HU"); /* the Party's code */
}

/* A signing line names a body, not a level. */
static void test_line_names_a_body(void **state)
{
	(void)state;
	resolve_text(STATE_BODIES "kế_hoạch {\n  ban_hành so\n  ký { thay_mặt cấp tỉnh }\n}\n");
	assert_true(has_error("misplaced-statement"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_state_chain),
		cmocka_unit_test(test_lines_as_written),
		cmocka_unit_test(test_spellings),
		cmocka_unit_test(test_form_read),
		cmocka_unit_test(test_party_header_inferred),
		cmocka_unit_test(test_party_header_organ_and_override),
		cmocka_unit_test(test_state_header),
		cmocka_unit_test(test_letter),
		cmocka_unit_test(test_letter_placeholder),
		cmocka_unit_test(test_line_names_a_body),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

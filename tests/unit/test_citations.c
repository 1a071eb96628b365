/*
 * test_citations.c - the recogniser of document numbers in prose (state,
 * law and Party forms, Đ, punctuation around them, numbers inside longer
 * words and dates that are not numbers), the near-miss matcher, and the
 * exact location of a citation finding in the source.
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
#include "citations.h"
#include "names.h"
#include "prose_words.h"
#include "resolve.h"

/* All numbers of TEXT, as "raw|key;" items. */
static const char *numbers(const char *text)
{
	kh_buf b = { 0 };
	size_t pos = 0, len = strlen(text);
	kh_docnum n;
	while (kh_docnum_next(text, len, &pos, &n))
		kh_buf_printf(&b, "%.*s|%s;", (int)(n.end - n.start), text + n.start, n.key);
	return kh_buf_cstr(&b);
}

static void test_state_numbers(void **state)
{
	(void)state;
	kh_docnum n;
	assert_true(kh_docnum_parse("297/HD-UBND", &n));
	assert_int_equal(n.form, KH_NUM_STATE);
	assert_int_equal(n.number, 297);
	assert_int_equal(n.year, 0);
	assert_string_equal(n.kind, "HD");
	assert_string_equal(n.issuer, "UBND");
	assert_string_equal(n.key, "297/HD-UBND");
	/* a công văn: issuer and drafting unit, no kind code */
	assert_true(kh_docnum_parse("05/BNV-VP", &n));
	assert_string_equal(n.kind, "BNV");
	assert_string_equal(n.issuer, "VP");
	/* several groups after the kind */
	assert_true(kh_docnum_parse("  123/QĐ-UBND-VX ", &n));
	assert_string_equal(n.issuer, "UBND-VX");
}

static void test_law_numbers(void **state)
{
	(void)state;
	kh_docnum n;
	assert_true(kh_docnum_parse("02/2019/NĐ-CP", &n));
	assert_int_equal(n.form, KH_NUM_LAW);
	assert_int_equal(n.number, 2);
	assert_int_equal(n.year, 2019);
	assert_string_equal(n.kind, "NĐ");
	assert_string_equal(n.issuer, "CP");
	assert_string_equal(n.key, "2/2019/NĐ-CP");
	assert_true(kh_docnum_parse("06/2022/QH15", &n));
	assert_string_equal(n.kind, "QH15");
	assert_string_equal(n.issuer, "");
	assert_string_equal(numbers("Luật Phòng thủ dân sự số 18/2023/QH15."), "18/2023/QH15|18/2023/QH15;");
	/* a two-digit year is a date, not a law number */
	assert_false(kh_docnum_parse("02/19/NĐ-CP", &n));
}

static void test_party_numbers(void **state)
{
	(void)state;
	kh_docnum n;
	assert_true(kh_docnum_parse("35-HD/BTCTW", &n));
	assert_int_equal(n.form, KH_NUM_PARTY);
	assert_int_equal(n.number, 35);
	assert_string_equal(n.kind, "HD");
	assert_string_equal(n.issuer, "BTCTW");
	assert_true(kh_docnum_parse("10-CT/TW", &n));
	assert_string_equal(n.key, "10-CT/TW");
	/* Vietnamese capitals in codes: Đ, and mixed case (QĐi, ThU) */
	assert_true(kh_docnum_parse("340-CV/ĐU", &n));
	assert_string_equal(n.issuer, "ĐU");
	assert_true(kh_docnum_parse("17-QĐi/TW", &n));
	assert_string_equal(n.kind, "QĐI");
	assert_true(kh_docnum_parse("95-KH/ThU", &n));
	assert_string_equal(n.key, "95-KH/THU");
	/* a leading zero is dropped from the key */
	assert_true(kh_docnum_parse("05-CT/TW", &n));
	assert_int_equal(n.number, 5);
	assert_string_equal(n.key, "5-CT/TW");
	/* not whole numbers */
	assert_false(kh_docnum_parse("35-HD/BTCTW x", &n));
	assert_false(kh_docnum_parse("35-HD", &n));
	assert_false(kh_docnum_parse("HD-35/TW", &n));
	assert_false(kh_docnum_parse("", &n));
	assert_false(kh_docnum_parse(NULL, &n));
}

static void test_in_prose(void **state)
{
	(void)state;
	/* trailing and surrounding punctuation is not part of the number */
	assert_string_equal(numbers("Hướng dẫn số 35-HD/BTCTW."), "35-HD/BTCTW|35-HD/BTCTW;");
	assert_string_equal(numbers("(35-HD/BTCTW), «10-CT/TW»; 340-CV/ĐU…"),
			    "35-HD/BTCTW|35-HD/BTCTW;10-CT/TW|10-CT/TW;340-CV/ĐU|340-CV/ĐU;");
	assert_string_equal(numbers("Số: 297/HD-UBND"), "297/HD-UBND|297/HD-UBND;");
	assert_string_equal(numbers("số 35-HD/BTCTW - Ban"), "35-HD/BTCTW|35-HD/BTCTW;");
	assert_string_equal(numbers("297/HD-UBND/"), "297/HD-UBND|297/HD-UBND;");
	/* both families in one sentence */
	assert_string_equal(numbers("Căn cứ Kế hoạch số 288/KH-UBND và Nghị quyết số 28-NQ/TW ngày 22/9/2008"),
			    "288/KH-UBND|288/KH-UBND;28-NQ/TW|28-NQ/TW;");
	/* exact offsets */
	const char *t = "Chỉ thị số 35-CT/ĐU)";
	size_t pos = 0;
	kh_docnum n;
	assert_true(kh_docnum_next(t, strlen(t), &pos, &n));
	assert_int_equal(n.start, strlen("Chỉ thị số "));
	assert_int_equal(n.end, strlen(t) - 1);
	assert_int_equal(pos, n.end);
	assert_false(kh_docnum_next(t, strlen(t), &pos, &n));
	/* the text is read eight bytes at a time up to a digit: a number at
	 * every offset, after ASCII or after Vietnamese letters, the text
	 * going on for up to eight bytes after it */
	for (int pad = 0; pad < 24; pad++) {
		for (int viet = 0; viet < 2; viet++) {
			kh_buf b = { 0 };
			for (int i = 0; i < pad; i++)
				kh_buf_puts(&b, viet ? "ệ" : "a");
			kh_buf_puts(&b, " 5-CT/TW");
			size_t at = b.len - strlen("5-CT/TW");
			for (int tail = 0; tail < 9; tail++) {
				size_t len = b.len;
				for (int k = 0; k < tail; k++)
					kh_buf_putc(&b, k % 2 ? 'x' : ' ');
				pos = 0;
				assert_true(kh_docnum_next(b.data, b.len, &pos, &n));
				assert_int_equal(n.start, at);
				assert_int_equal(n.end, len);
				assert_false(kh_docnum_next(b.data, b.len, &pos, &n));
				b.len = len;
				b.data[len] = '\0';
			}
		}
	}
}

static void test_not_numbers(void **state)
{
	(void)state;
	/* dates, months, ranges and counts have no symbol */
	assert_string_equal(numbers("trước 30/8/2019, ngày 15-10-2009, tháng 11/2023"), "");
	assert_string_equal(numbers("(22/12/1989 - 22/12/2019), giai đoạn 2009-2019, 3-4 bài"), "");
	assert_string_equal(numbers("năm 2019/2020, tỷ lệ 1/3"), "");
	/* inside longer words */
	assert_string_equal(numbers("ABC35-HD/BTCTW"), "");
	assert_string_equal(numbers("x/12-HD/TW và y-12/QĐ-UBND"), "");
	assert_string_equal(numbers("COVID-19/QĐ"), "");
	assert_string_equal(numbers("35-HD/BTCTWà"), "");
	assert_string_equal(numbers("Đảng35-HD/BTCTW"), "");
	/* a code must start with a capital; a blank template number */
	assert_string_equal(numbers("35-hd/btctw, 2/Điều 3, Số:/BC-....."), "");
	/* truncated */
	assert_string_equal(numbers("HƯỚNG DẪN 35-"), "");
	assert_string_equal(numbers("35-HD/"), "");
}

static kh_docnum num(const char *s)
{
	kh_docnum n;
	assert_true(kh_docnum_parse(s, &n));
	return n;
}

static void test_near_miss(void **state)
{
	(void)state;
	kh_docnum a, b;
	a = num("5-CT/TW"), b = num("05-CT/TW");
	assert_int_equal(kh_docnum_near(&a, &b), KH_NEAR_SAME);
	a = num("35-Hd/BTCTW"), b = num("35-HD/BTCTW"); /* only the first letter must be a capital */
	assert_int_equal(kh_docnum_near(&a, &b), KH_NEAR_SAME);
	/* the other family's form */
	a = num("297-HD/UBND"), b = num("297/HD-UBND");
	assert_int_equal(kh_docnum_near(&a, &b), KH_NEAR_FORM);
	/* another issuer's suffix */
	a = num("35-CT/ĐU"), b = num("35-CT/HU");
	assert_int_equal(kh_docnum_near(&a, &b), KH_NEAR_ISSUER);
	a = num("288/KH-UBNN"), b = num("288/KH-UBND");
	assert_int_equal(kh_docnum_near(&a, &b), KH_NEAR_ISSUER);
	/* one character off, a neighbouring swap, D for Đ */
	a = num("53-HD/BTCTW"), b = num("35-HD/BTCTW");
	assert_int_equal(kh_docnum_near(&a, &b), KH_NEAR_TYPO);
	a = num("205-KH/TU"), b = num("250-KH/TU");
	assert_int_equal(kh_docnum_near(&a, &b), KH_NEAR_TYPO);
	a = num("02/2019/ND-CP"), b = num("02/2019/NĐ-CP");
	assert_int_equal(kh_docnum_near(&a, &b), KH_NEAR_TYPO);
	a = num("36-HD/BTCTW"), b = num("35-HD/BTCTW");
	assert_int_equal(kh_docnum_near(&a, &b), KH_NEAR_TYPO);
	/* not near: another document */
	a = num("12-HD/BTCTW"), b = num("35-HD/BTCTW");
	assert_int_equal(kh_docnum_near(&a, &b), KH_NEAR_NONE);
	a = num("17-KL/TW"), b = num("10-CT/TW");
	assert_int_equal(kh_docnum_near(&a, &b), KH_NEAR_NONE);
	/* the same number and issuer with another kind is another document */
	a = num("35-KH/HU"), b = num("35-CT/HU");
	assert_int_equal(kh_docnum_near(&a, &b), KH_NEAR_NONE);
}

static void test_distance(void **state)
{
	(void)state;
	assert_int_equal(kh_edit_distance("abc", "abc", 2, true), 0);
	assert_int_equal(kh_edit_distance("abc", "acb", 2, true), 1);
	assert_int_equal(kh_edit_distance("ĐU", "HU", 2, true), 1);
	assert_int_equal(kh_edit_distance("abc", "", 1, true), 2);
	assert_int_equal(kh_edit_distance("kitten", "sitting", 5, true), 3);
	/* without swaps a swap is two edits */
	assert_int_equal(kh_edit_distance("abc", "acb", 2, false), 2);
	assert_int_equal(kh_edit_distance("UĐ", "ĐU", 3, true), 1);
	assert_int_equal(kh_edit_distance("UĐ", "ĐU", 3, false), 2);
}

/* The full table, as the textbook writes it (no early stop), over short
 * strings of three letters: the early stop of kh_edit_distance and its
 * three rows give the same answer, capped, with and without swaps. */
static size_t reference_distance(const char *a, const char *b, size_t limit, bool swaps)
{
	size_t n = strlen(a), m = strlen(b), d[16][16];
	for (size_t i = 0; i <= n; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= n; i++)
		for (size_t j = 1; j <= m; j++) {
			size_t v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (swaps && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[n][m] > limit ? limit + 1 : d[n][m];
}

static void test_distance_against_the_table(void **state)
{
	(void)state;
	unsigned seed = 12345;
	for (int k = 0; k < 20000; k++) {
		char a[9], b[9];
		size_t n = (seed = seed * 1103515245u + 12345u) >> 16 & 7, m = (seed = seed * 1103515245u + 12345u) >> 16 & 7;
		for (size_t i = 0; i < n; i++)
			a[i] = (char)('a' + ((seed = seed * 1103515245u + 12345u) >> 16) % 3);
		for (size_t i = 0; i < m; i++)
			b[i] = (char)('a' + ((seed = seed * 1103515245u + 12345u) >> 16) % 3);
		a[n] = b[m] = '\0';
		size_t limit = k % 5;
		bool swaps = k & 1;
		assert_int_equal(kh_edit_distance(a, b, limit, swaps), reference_distance(a, b, limit, swaps));
	}
}

/* The finding of RULE whose message contains NEEDLE: the source text it
 * points at, or NULL. */
static const char *finding_text(kh_diags *d, const char *rule, const char *needle)
{
	for (kh_diag *x = d->first; x; x = x->next) {
		if (!x->rule || strcmp(x->rule, rule) || !strstr(x->message, needle))
			continue;
		const kh_source *src = kh_source_get(x->span.file);
		return kh_strndup(src->text + x->span.start, x->span.end - x->span.start);
	}
	return NULL;
}

static kh_diags check_text(const char *text)
{
	kh_diags d = { 0 };
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = KH_STDLIB_DIR;
	kh_program *p = kh_resolve_bytes("/tmp/kh_citations_test.kh", text, strlen(text), &opts, &d);
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	kh_rule_config c;
	kh_rule_config_init(&c);
	kh_check_program(p, &c, &d);
	return d;
}

static void test_located_at_the_number(void **state)
{
	(void)state;
	kh_diags d = check_text("import \"vn/hierarchy\"\n"
				"cơ_quan btv_tu \"Ban Thường vụ Tỉnh ủy\" cấp tỉnh\n"
				"cơ_quan bch \"Ban chấp hành Đảng bộ huyện\" cấp huyện\n"
				"văn_bản hd35 \"35-HD/BTCTW\" ngày 15/10/2009 của btc_tw\n"
				"văn_bản ct35 \"35-CT/HU\" ngày 19/10/2023 của bch\n"
				"kế_hoạch \"250-KH/TU\" {\n"
				"  ban_hành btv_tu\n"
				"  ngày 16/8/2019\n"
				"  thực_hiện hd35, ct35\n"
				"  mở_đầu \"Theo Hướng dẫn số 35-HD/BTCTW (gọi tắt là Hướng dẫn 35-HD/BTCTW) và \"\n"
				"         \"Chỉ thị số 35-CT/ĐU.\"\n"
				"  \"Thực hiện Hướng dẫn số 35-HD/BTCW; \\\"Hướng dẫn số 35-HD/BTCTW\\\".\"\n"
				"  \"Chỉ thị số 35-CT/HU ngày 19/10/2023 của Ban Thường vụ Tỉnh ủy.\"\n"
				"}\n");
	/* in a plain literal, in an escaped one, in joined literals */
	assert_string_equal(finding_text(&d, "unknown-citation", "'35-HD/BTCW'"), "35-HD/BTCW");
	assert_string_equal(finding_text(&d, "unknown-citation", "'35-CT/ĐU'"), "35-CT/ĐU");
	assert_string_equal(finding_text(&d, "short-name-mismatch", "a word added"), "Hướng dẫn số 35-HD/BTCTW");
	assert_string_equal(finding_text(&d, "citation-conflict", "attributed"), "Ban Thường vụ Tỉnh ủy");
	/* hd35 and ct35 are used; the body bch is the issuer of a used document */
	assert_null(finding_text(&d, "unused-declaration", ""));
}

/* A body's short name: introduced after its full name or declared, used,
 * and a variant located; the body then counts as mentioned. */
static void test_body_short_names(void **state)
{
	(void)state;
	const char *text = "import \"vn/hierarchy\"\n"
			   "cơ_quan btv_tu \"Ban Thường vụ Tỉnh ủy\" cấp tỉnh\n"
			   "cơ_quan bcd \"Ban Chỉ đạo tổng kết\" cấp tỉnh\n"
			   "cơ_quan bcd_tn \"Ban Chỉ đạo Tây Nguyên\" cấp trung_ương\n"
			   "cơ_quan tgv \"Tổ giúp việc\" cấp tỉnh gọi_tắt \"Tổ Giúp việc\"\n"
			   "kế_hoạch \"250-KH/TU\" {\n"
			   "  ban_hành btv_tu\n"
			   "  ngày 16/8/2019\n"
			   "  mở_đầu \"Thành lập Ban Chỉ đạo tổng kết (sau đây gọi tắt là Ban Chỉ đạo).\"\n"
			   "  \"Ban Chỉ đạo và Ban Chỉ đạo Tây Nguyên; Tổ Giúp việc; Ban chỉ Đạo họp.\"\n"
			   "}\n";
	kh_diags d = check_text(text);
	assert_string_equal(finding_text(&d, "short-name-mismatch", "a different case"), "Ban chỉ Đạo");
	/* bcd and tgv are named by their short names; bcd_tn by nothing */
	assert_null(finding_text(&d, "unused-declaration", "'bcd'"));
	assert_null(finding_text(&d, "unused-declaration", "'tgv'"));
	assert_non_null(finding_text(&d, "unused-declaration", "'bcd_tn'"));
}

/* The bodies' names are indexed once a check, for the prose, citation and
 * reference rules alike: the same index each asking, with each named
 * body's own name once, as its folded words; without a shared place each
 * asking makes its own. */
static void test_one_index_of_bodies(void **state)
{
	(void)state;
	const char *text = "cơ_quan ubnd \"Ủy ban nhân dân tỉnh Quảng Nam\" viết_tắt \"UBND\"\n"
			   "cơ_quan snv \"Sở Nội vụ tỉnh Quảng Nam\"\n"
			   "cơ_quan vp \"Văn phòng\"\n"
			   "kế_hoạch \"12/KH-UBND\" {\n  ban_hành ubnd\n  ngày 16/8/2019\n}\n";
	kh_diags d = { 0 };
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = KH_STDLIB_DIR;
	kh_program *p = kh_resolve_bytes("/tmp/kh_citations_test.kh", text, strlen(text), &opts, &d);
	assert_non_null(p);
	kh_rule_config c;
	kh_rule_config_init(&c);
	kh_vec prose = { 0 };
	kh_check_shared shared = { 0 };
	kh_check_ctx cx = { p, p->plan, &c, &d, kh_calendar_build(p), &prose, &shared };
	const kh_bindex *x = kh_check_bodies(&cx);
	assert_ptr_equal(kh_check_bodies(&cx), x);
	size_t own = 0;
	for (size_t i = 0; i < x->n; i++) {
		if (!x->v[i].full)
			continue;
		own++;
		const char *name = x->v[i].b->name;
		kh_vec ws = kh_words_split(name, strlen(name));
		assert_int_equal(x->v[i].n, ws.n);
		for (size_t k = 0; k < ws.n; k++)
			assert_string_equal(x->v[i].w[k], kh_word_fold(name, KH_WORD(ws, k)));
	}
	assert_int_equal(own, p->bodies.n);
	assert_true(x->n > own); /* and the short forms: "Sở Nội vụ", "UBND tỉnh Quảng Nam"... */
	cx.shared = NULL;
	const kh_bindex *y = kh_check_bodies(&cx);
	assert_ptr_not_equal(y, x);
	assert_int_equal(y->n, x->n);
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_state_numbers),
		cmocka_unit_test(test_law_numbers),
		cmocka_unit_test(test_party_numbers),
		cmocka_unit_test(test_in_prose),
		cmocka_unit_test(test_not_numbers),
		cmocka_unit_test(test_near_miss),
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_distance_against_the_table),
		cmocka_unit_test(test_located_at_the_number),
		cmocka_unit_test(test_body_short_names),
		cmocka_unit_test(test_one_index_of_bodies),
	};
	return cmocka_run_group_tests_name("citations", tests, NULL, NULL);
}

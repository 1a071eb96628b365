/*
 * test_lexer.c - the scanner: every token kind, keywords in English,
 * Vietnamese and Vietnamese without diacritics, multi-word keywords,
 * statement ends at line ends, NFC vs NFD input, and bad input.
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "parse.h"
#include "parser.h"
#include "lexer.h"

typedef struct scanned {
	int tok[64];
	KH_YYSTYPE val[64];
	kh_loc loc[64];
	int n;
	kh_diags diags;
} scanned;

/* Scans TEXT (after the loader's checks and NFC) into S. */
static void scan(const char *text, scanned *s)
{
	memset(s, 0, sizeof *s);
	kh_source *src = kh_source_from_bytes("t.kh", text, strlen(text), &s->diags);
	assert_non_null(src);
	kh_parse_ctx ctx = { 0 };
	ctx.src = src;
	ctx.diags = &s->diags;
	yyscan_t scanner;
	assert_int_equal(kh_yylex_init_extra(&ctx, &scanner), 0);
	ctx.scanner = scanner;
	YY_BUFFER_STATE b = kh_yy_scan_bytes(src->text, (int)src->len, scanner);
	int t;
	while (s->n < 64 && (t = kh_scan(&s->val[s->n], &s->loc[s->n], scanner)) != 0)
		s->tok[s->n++] = t;
	kh_yy_delete_buffer(b, scanner);
	kh_yylex_destroy(scanner);
}

static void expect_tokens(const char *text, const int *want, int n)
{
	scanned s;
	scan(text, &s);
	if (s.n != n) {
		for (int i = 0; i < s.n; i++)
			print_message("token %d: %s\n", i, kh_token_name(s.tok[i]));
	}
	assert_int_equal(s.n, n);
	for (int i = 0; i < n; i++) {
		if (s.tok[i] != want[i])
			print_message("token %d: got %s, want %s\n", i, kh_token_name(s.tok[i]),
				      kh_token_name(want[i]));
		assert_int_equal(s.tok[i], want[i]);
	}
	assert_int_equal(s.diags.errors, 0);
}

/* The same meaning in the three spellings gives the same token. */
static void test_keywords_three_spellings(void **state)
{
	(void)state;
	const char *spellings[][3] = {
		{ "task", "nhiệm_vụ", "nhiem_vu" }, { "due", "hạn", "han" },
		{ "before", "trước", "truoc" }, { "recipients", "nơi_nhận", "noi_nhan" },
		{ "sign", "ký", "ky" }, { "chair", "chủ_trì", "chu_tri" },
		{ "each", "mỗi", "moi" }, { "guest", "mời", "khach_moi" },
		{ "archive", "lưu", "luu" }, { "meeting", "hội_nghị", "hoi_nghi" },
	};
	for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++) {
		int v0, v1, v2;
		int t0 = kh_keyword(spellings[i][0], strlen(spellings[i][0]), &v0);
		int t1 = kh_keyword(spellings[i][1], strlen(spellings[i][1]), &v1);
		int t2 = kh_keyword(spellings[i][2], strlen(spellings[i][2]), &v2);
		assert_true(t0 != 0);
		assert_int_equal(t0, t1);
		assert_int_equal(t1, t2);
	}
	int v;
	assert_int_equal(kh_keyword("btv_tinh_uy", 11, &v), 0);
	/* "moi" is "each"; "invite" without diacritics is khach_moi. */
	assert_int_equal(kh_keyword("moi", 3, &v), T_EACH);
	assert_int_equal(kh_keyword("mời", strlen("mời"), &v), T_GUEST);
}

static void test_every_token_kind(void **state)
{
	(void)state;
	const int want[] = { T_TASK, T_ID, T_STRING, '{', T_DUE, T_BEFORE, T_DATE, ',',
			     T_WITHIN, T_MONTH, T_MONTHYEAR, ',', T_QUARTER, ';', T_DURATION,
			     T_HALF, T_DAY, ';', T_DURATION, T_NUMBER, T_SESSION, ';', '-',
			     T_STRING, ';', '+', T_STRING, ';', '}', ';' };
	expect_tokens("nhiệm_vụ bc_xã \"Gửi báo cáo\" {\n"
		      "  hạn trước 30/8/2019, trong tháng 11/2023, quý IV/2019\n"
		      "  thời_lượng ½ ngày\n"
		      "  thời_lượng 01 buổi\n"
		      "  - \"gạch đầu dòng\"\n"
		      "  + \"ý phụ\" # comment\n"
		      "}\n",
		      want, (int)(sizeof want / sizeof want[0]));
}

static void test_date_forms(void **state)
{
	(void)state;
	scanned s;
	scan("30/8/2019 2019-08-30 30-3-2007 11/2023 quý I/2024", &s);
	assert_int_equal(s.n, 6); /* five + the ';' at end of file */
	assert_int_equal(s.tok[0], T_DATE);
	assert_int_equal(s.val[0].node->n[0], 2019);
	assert_int_equal(s.val[0].node->n[1], 8);
	assert_int_equal(s.val[0].node->n[2], 30);
	assert_int_equal(s.val[1].node->n[0], 2019);
	assert_int_equal(s.val[1].node->n[2], 30);
	assert_int_equal(s.val[2].node->n[0], 2007);
	assert_int_equal(s.val[2].node->n[1], 3);
	assert_int_equal(s.tok[3], T_MONTHYEAR);
	assert_int_equal(s.val[3].node->n[0], 2023);
	assert_int_equal(s.val[3].node->n[1], 11);
	assert_int_equal(s.tok[4], T_QUARTER);
	assert_int_equal(s.val[4].node->n[0], 2024);
	assert_int_equal(s.val[4].node->n[1], 1);
}

static void test_multiword_keywords(void **state)
{
	(void)state;
	const int want[] = { T_DECADE, T_MONTH, T_MONTHYEAR, T_RECUR, T_TBA, T_PLANNED,
			     T_LEVEL, T_ID, ';' };
	expect_tokens("trung tuần tháng 5/2017 thường xuyên thông báo sau dự kiến cấp huyện", want,
		      (int)(sizeof want / sizeof want[0]));
	scanned s;
	scan("hạ_tuần thuong tuan", &s);
	assert_int_equal(s.tok[0], T_DECADE);
	assert_int_equal(s.val[0].ival, 3);
	assert_int_equal(s.tok[1], T_DECADE);
	assert_int_equal(s.val[1].ival, 1);
	/* A word that only looks like the start of one stays an identifier. */
	scan("trung bc_xa", &s);
	assert_int_equal(s.tok[0], T_ID);
	assert_string_equal(s.val[0].node->id, "trung");
	assert_int_equal(s.tok[1], T_ID);
	/* mid-statement, after a word that starts none ("giao"), and with
	 * the first word written with '_' ("cơ_quan chủ quản") */
	const int mid[] = { T_ASSIGN, T_ID, T_ID, T_DUE, T_DECADE, T_MONTHYEAR, ';' };
	expect_tokens("giao ubnd bc_xa hạn thượng tuần 5/2017", mid, (int)(sizeof mid / sizeof mid[0]));
	scan("giao x cơ_quan chủ quản y", &s);
	assert_int_equal(s.tok[1], T_ID);
	assert_int_equal(s.tok[2], T_SUPERIORLINE);
	assert_int_equal(s.tok[3], T_ID);
	assert_string_equal(s.val[3].node->id, "y");
}

/* Which words a keyword of several words starts with: the scanner reads
 * the words after only those (and a statement's first word that is no
 * keyword, for a guess) together. */
static void test_phrase_starts(void **state)
{
	(void)state;
	assert_true(kh_keyword_starts_phrase("trung", 5));
	assert_true(kh_keyword_starts_phrase("cơ_quan", strlen("cơ_quan")));
	assert_true(kh_keyword_starts_phrase("co", 2));
	assert_false(kh_keyword_starts_phrase("giao", 4));
	assert_false(kh_keyword_starts_phrase("trung_tuần", strlen("trung_tuần")));
	assert_false(kh_keyword_starts_phrase("bc_xa", 5));
	assert_false(kh_keyword_starts_phrase("", 0));
}

/* The token of the first line of keywords.def spelt S[0, LEN); 0 if none. */
static int token_the_long_way(const char *s, size_t len)
{
	for (size_t k = 0; k < kh_keyword_count(); k++) {
		int tok, value;
		const char *o = kh_keyword_at(k, &tok, &value);
		if (strlen(o) == len && !memcmp(o, s, len))
			return tok;
	}
	return 0;
}

/* The one table the scanner asks of each word, against keywords.def read
 * the long way: every spelling is its first line's token and value; every
 * part of a spelling before a '_' starts a phrase, and is a keyword only
 * when some line spells it; a spelling one byte longer or shorter, or
 * with its last byte changed, is what the long way says it is. */
static void test_keyword_table(void **state)
{
	(void)state;
	size_t n = kh_keyword_count();
	assert_true(n > 100);
	for (size_t i = 0; i < n; i++) {
		int tok, value, got_value = -1;
		const char *sp = kh_keyword_at(i, &tok, &value);
		size_t len = strlen(sp);
		size_t first = i;
		for (size_t k = 0; k < i; k++) { /* the first line of this spelling wins */
			int t2, v2;
			if (!strcmp(kh_keyword_at(k, &t2, &v2), sp)) {
				first = k;
				break;
			}
		}
		kh_keyword_at(first, &tok, &value);
		bool phrase;
		assert_int_equal(kh_keyword_word(sp, len, &got_value, &phrase), tok);
		assert_int_equal(got_value, value);
		assert_int_equal(kh_keyword(sp, len, &got_value), tok);
		/* does a longer spelling start with SP and a '_'? */
		bool longer = false;
		for (size_t k = 0; k < n; k++) {
			int t2, v2;
			const char *o = kh_keyword_at(k, &t2, &v2);
			longer |= !strncmp(o, sp, len) && o[len] == '_';
		}
		assert_int_equal(phrase, longer);
		assert_int_equal(kh_keyword_starts_phrase(sp, len), longer);
		for (size_t cut = 1; cut < len; cut++) {
			if (sp[cut] != '_')
				continue;
			assert_true(kh_keyword_starts_phrase(sp, cut));
			assert_int_equal(kh_keyword_word(sp, cut, &got_value, &phrase), token_the_long_way(sp, cut));
			assert_true(phrase);
		}
		char odd[300];
		memcpy(odd, sp, len);
		odd[len - 1] ^= 0x01; /* most often no keyword */
		assert_int_equal(kh_keyword_word(odd, len, &got_value, &phrase), token_the_long_way(odd, len));
		odd[len - 1] = sp[len - 1];
		odd[len] = 'x';
		assert_int_equal(kh_keyword_word(odd, len + 1, &got_value, &phrase) != 0,
				 kh_keyword(odd, len + 1, &got_value) != 0);
	}
	int v;
	bool phrase = true;
	assert_int_equal(kh_keyword_word("", 0, &v, &phrase), 0);
	assert_false(phrase);
	assert_int_equal(kh_keyword_word("tinh_uy", 7, &v, &phrase), 0);
	assert_false(phrase);
}

/* A from-to window: "đến hết" is one keyword (until, through the end of),
 * in its three spellings, and a day/month without a year is its own token. */
static void test_from_to_window(void **state)
{
	(void)state;
	const int want[] = { T_FROM, T_DAYMONTH, T_UNTIL, T_DATE, ',', T_FROM, T_MONTH, T_NUMBER,
			     T_UNTIL, T_MONTH, T_MONTHYEAR, ';' };
	expect_tokens("từ 01/10 đến 17/11/2025, từ tháng 10 đến hết tháng 11/2025", want,
		      (int)(sizeof want / sizeof want[0]));
	scanned s;
	scan("từ 01/10", &s);
	assert_int_equal(s.val[1].node->n[0], 10); /* month */
	assert_int_equal(s.val[1].node->n[1], 1);  /* day */
	const char *through[] = { "đến hết", "đến_hết", "den het", "through" };
	for (size_t i = 0; i < sizeof through / sizeof through[0]; i++) {
		scan(through[i], &s);
		assert_int_equal(s.tok[0], T_UNTIL);
		assert_int_equal(s.val[0].ival, 1);
		assert_int_equal(s.n, 2);
	}
	scan("until den", &s);
	assert_int_equal(s.tok[0], T_UNTIL);
	assert_int_equal(s.val[0].ival, 0);
	assert_int_equal(s.tok[1], T_UNTIL);
}

/* A line end ends a statement, but not after '{', ',' or '+'. */
/* The other spellings of a quarter; a '{' on the next line does not end
 * the statement above it. */
static void test_spellings_and_next_line_brace(void **state)
{
	(void)state;
	scanned s;
	scan("quí II/2024 qui 3/2025", &s);
	assert_int_equal(s.tok[0], T_QUARTER);
	assert_int_equal(s.val[0].node->n[1], 2);
	assert_int_equal(s.tok[1], T_QUARTER);
	assert_int_equal(s.val[1].node->n[0], 2025);
	const int want[] = { T_SECTION, T_STRING, '{', T_STRING, ';', '}', ';', T_SIGN, '{', '}', ';' };
	expect_tokens("mục \"a\"\n\n  {\n  \"p\"\n}\nkí\n{ }", want, (int)(sizeof want / sizeof want[0]));
}

/* What a word processor leaves: a curly-quoted string is a string (with
 * one error), a no-break space an error and no token. */
static void test_word_processor_text(void **state)
{
	(void)state;
	scanned s;
	scan("trích_yếu “Tổng kết”\xC2\xA0", &s);
	assert_int_equal(s.n, 3);
	assert_int_equal(s.tok[1], T_STRING);
	assert_string_equal(s.val[1].node->text, "Tổng kết");
	assert_int_equal(s.diags.errors, 1); /* the quotes; the space is on their line */
	scan("a\xC2\xA0" "b", &s);
	assert_int_equal(s.n, 3);
	assert_int_equal(s.diags.errors, 1);
	assert_non_null(strstr(s.diags.first->message, "U+00A0 NO-BREAK SPACE"));
}

static void test_line_ends(void **state)
{
	(void)state;
	const int want[] = { T_RECIPIENTS, '{', T_ID, ',', T_ID, ';', T_ID, '+', T_ID,
			     T_STRING, ';', '}', ';' };
	expect_tokens("nơi_nhận {\n  a,\n  b\n  c +\n  d \"để báo cáo\"\n}", want,
		      (int)(sizeof want / sizeof want[0]));
}

static void test_nfc_and_nfd_are_the_same(void **state)
{
	(void)state;
	scanned a, b;
	scan("kế_hoạch mục_đích", &a);
	/* e + U+0302 + U+0301, o + U+0323, u + U+0323 spelt decomposed */
	scan("k\x65\xCC\x82\xCC\x81_hoa\xCC\xA3\x63h mu\xCC\xA3\x63_\xC4\x91i\xCC\x81\x63h", &b);
	assert_int_equal(a.n, b.n);
	for (int i = 0; i < a.n; i++)
		assert_int_equal(a.tok[i], b.tok[i]);
	assert_int_equal(b.tok[0], T_KIND);
	assert_int_equal(b.tok[1], T_PURPOSE);
}

static void test_string_escapes(void **state)
{
	(void)state;
	scanned s;
	scan("\"a\\\"b\\\\c\\nd\\u{1EA1}\" \"x\"", &s);
	assert_int_equal(s.tok[0], T_STRING);
	assert_string_equal(s.val[0].node->text, "a\"b\\c\nd\xE1\xBA\xA1");
	assert_int_equal(s.diags.errors, 0);
	scan("\"bad \\q\"", &s);
	assert_int_equal(s.diags.errors, 1);
	assert_string_equal(s.diags.first->rule, "bad-escape");
	scan("\"\\u{D800}\"", &s);
	assert_int_equal(s.diags.errors, 1);
	/* A letter of several bytes after the backslash is quoted whole (the
	 * fuzz target found its first byte alone: invalid UTF-8). */
	scan("\"huy\\\xe1\xbb\x87n\"", &s);
	assert_int_equal(s.diags.errors, 1);
	assert_non_null(strstr(s.diags.first->message, "'\\\xe1\xbb\x87'"));
	assert_string_equal(s.val[0].node->text, "huy\xe1\xbb\x87n");
}

/* A string ends at its closing quote, or unterminated where its line ends
 * (a backslash before the line end or the end of the text is the
 * string's); the tokens after it keep their byte offsets. */
static void test_strings_end_where_they_should(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		unsigned end;     /* of the string token */
		int unterminated; /* an unterminated-string finding */
		int next;         /* the token after it */
		unsigned next_at;
	} cases[] = {
		{ "\"ab\" x", 4, 0, T_ID, 5 },
		{ "\"a\\\"b\" x", 6, 0, T_ID, 7 },
		{ "\"a\\\\\" x", 5, 0, T_ID, 6 },
		{ "\"\" \"x\"", 2, 0, T_STRING, 3 },
		{ "\"huyện ủy\" x", 14, 0, T_ID, 15 },
		{ "\"open\nx", 5, 1, ';', 5 },
		{ "\"open\r\nx", 5, 1, ';', 5 },
		{ "\"a\\\nb", 3, 1, ';', 3 },
		{ "\"to the end\\", 12, 1, ';', 12 },
		{ "\"to the end", 11, 1, ';', 11 },
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		scanned s;
		scan(cases[k].text, &s);
		assert_true(s.n >= 1);
		assert_int_equal(s.tok[0], T_STRING);
		assert_int_equal(s.loc[0].start, 0);
		assert_int_equal(s.loc[0].end, cases[k].end);
		assert_int_equal(s.diags.errors, cases[k].unterminated);
		if (cases[k].unterminated)
			assert_string_equal(s.diags.first->rule, "unterminated-string");
		assert_true(s.n >= 2);
		assert_int_equal(s.tok[1], cases[k].next);
		assert_int_equal(s.loc[1].start, cases[k].next_at);
	}
	scanned s;
	scan("\"a\\\"b\\\\c\" \"đ\"", &s);
	assert_string_equal(s.val[0].node->text, "a\"b\\c");
	assert_string_equal(s.val[1].node->text, "đ");
}

static void test_bad_input_is_reported_not_fatal(void **state)
{
	(void)state;
	scanned s;
	scan("giao @ btv", &s);
	assert_int_equal(s.diags.errors, 1);
	assert_string_equal(s.diags.first->rule, "unexpected-character");
	assert_int_equal(s.tok[0], T_ASSIGN);
	assert_int_equal(s.tok[1], T_ID); /* scanning goes on */
	scan("\"never closed\ngiao", &s);
	assert_string_equal(s.diags.first->rule, "unterminated-string");
	scan("/* never closed", &s);
	assert_string_equal(s.diags.first->rule, "unterminated-comment");
	scan("30/8/19", &s);
	assert_string_equal(s.diags.first->rule, "invalid-date");
	scan("12345678901234567890", &s);
	assert_string_equal(s.diags.first->rule, "number-too-large");
}

static void test_spans_are_byte_offsets(void **state)
{
	(void)state;
	scanned s;
	scan("giao  btv_tỉnh", &s);
	assert_int_equal(s.loc[0].start, 0);
	assert_int_equal(s.loc[0].end, 4);
	assert_int_equal(s.loc[1].start, 6);
	assert_int_equal(s.loc[1].end, 6 + strlen("btv_tỉnh"));
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keywords_three_spellings),
		cmocka_unit_test(test_every_token_kind),
		cmocka_unit_test(test_date_forms),
		cmocka_unit_test(test_multiword_keywords),
		cmocka_unit_test(test_phrase_starts),
		cmocka_unit_test(test_keyword_table),
		cmocka_unit_test(test_from_to_window),
		cmocka_unit_test(test_spellings_and_next_line_brace),
		cmocka_unit_test(test_word_processor_text),
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_strings_end_where_they_should),
		cmocka_unit_test(test_nfc_and_nfd_are_the_same),
		cmocka_unit_test(test_string_escapes),
		cmocka_unit_test(test_bad_input_is_reported_not_fatal),
		cmocka_unit_test(test_spans_are_byte_offsets),
	};
	return cmocka_run_group_tests_name("lexer", tests, NULL, NULL);
}

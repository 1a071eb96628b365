/*
 * test_parse.c - the parser on ids that are words: every keyword spelling
 * of keywords.def as a declared id, as a reference, as a body's id; the
 * ones that cannot be ids refused with one error and no cascade; the
 * messages that name the keyword and suggest another id.
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

static const char *const spellings[] = {
#define KW(s, tok, val) s,
#include "keywords.def"
#undef KW
};
enum { NSPELLINGS = sizeof spellings / sizeof spellings[0] };

/* Parses TEXT into D; returns the FILE node. */
static kh_node *parse(const char *text, kh_diags *d)
{
	memset(d, 0, sizeof *d);
	kh_source *src = kh_source_from_bytes("t.kh", text, strlen(text), d);
	assert_non_null(src);
	return kh_parse(src, d);
}

static int count_rule(const kh_diags *d, const char *rule)
{
	int n = 0;
	for (const kh_diag *x = d->first; x; x = x->next)
		n += !strcmp(x->rule, rule);
	return n;
}

static int token_of(const char *spelling)
{
	int v;
	return kh_keyword(spelling, strlen(spelling), &v);
}

/* The keywords that keep a meaning where an id may stand: never ids. */
static int never_id(int t)
{
	return t == T_LEVEL || t == T_SUPERIOR || t == T_ORGLEVEL || t == T_DAY || t == T_MONTH ||
	       t == T_YEAR || t == T_DECADE || t == T_YEAR_END;
}

/* The keywords that start a statement: not a body's id. */
static int starts_statement(int t)
{
	static const int stmt[] = {
		T_BODY, T_DOCUMENT, T_EVENT, T_HOLIDAY, T_DAYOFF, T_MAKEUPDAY, T_KINDRULE,
		T_AWARDRIGHT, T_PERIOD, T_ISSUER, T_PLACE, T_TITLE, T_IMPLEMENTS, T_BASIS,
		T_PREAMBLE, T_CLOSING, T_PURPOSE, T_REQUIREMENT, T_CONTENT, T_SECTION, T_PART,
		T_LINE, T_TASK, T_MEETING, T_AWARDS, T_BUDGET, T_RECIPIENTS, T_SIGN, T_OUTLINE,
		T_ATTACHED, T_NOTE, T_ASSIGN, T_COOPERATE, T_SEND, T_DUE, T_AFTER, T_CHAIR,
		T_ORGANISER, T_DURATION, T_WHEN, T_ONLINE, T_ATTENDEES, T_ATTEND, T_GUEST,
		T_EACH, T_GROUP, T_TARGET, T_FORM, T_TYPE, T_GRANTOR, T_CRITERIA, T_QUOTA,
		T_ITEM, T_ARCHIVE, T_ONBEHALF, T_POSITION, T_SIGNER, T_SIGNED, T_INDEPENDENT,
		T_SIGNFORM, T_ADDRESSEES, T_SUPERIORLINE, T_ATTRIBUTE, T_CRITRULE, T_EXCLUDE,
		T_RANKBY,
	};
	for (size_t i = 0; i < sizeof stmt / sizeof stmt[0]; i++)
		if (stmt[i] == t)
			return 1;
	return 0;
}

/* The keywords the scanner guesses at the start of a statement
 * (kh_statement_tokens) are those above and what starts a top-level line. */
static void test_statement_tokens(void **state)
{
	(void)state;
	const int *tokens;
	size_t n = kh_statement_tokens(&tokens);
	for (size_t i = 0; i < n; i++)
		assert_true(starts_statement(tokens[i]) || tokens[i] == T_KIND ||
			    tokens[i] == T_LEVEL || tokens[i] == T_IMPORT);
	for (int t = 258; t < 258 + 200; t++) {
		int found = 0;
		for (size_t i = 0; i < n; i++)
			found |= tokens[i] == t;
		assert_true(!starts_statement(t) || found);
	}
}

/* The issue's case: "nhiệm_vụ bao_cao" and "sau noi_dung" parse as ids. */
static void test_keyword_ids_parse(void **state)
{
	(void)state;
	kh_diags d;
	kh_node *f = parse("kế_hoạch {\n"
			   "  nhiệm_vụ bao_cao \"Gửi báo cáo\" {\n"
			   "    giao ke_hoach\n"
			   "    sau noi_dung, han\n"
			   "    hạn trước giao, 5 ngày_làm_việc sau nhiem_vu\n"
			   "  }\n"
			   "}\n", &d);
	assert_int_equal(d.count, 0);
	kh_node *task = f->kids->kids;
	assert_int_equal(task->kind, KH_N_TASK);
	assert_string_equal(task->id, "bao_cao");
	kh_node *owner = task->kids->kids;
	assert_int_equal(owner->kind, KH_N_REF_ID);
	assert_string_equal(owner->id, "ke_hoach");
	kh_node *after = task->kids->next;
	assert_int_equal(after->key, T_AFTER);
	assert_string_equal(after->kids->id, "noi_dung");
	assert_string_equal(after->kids->next->id, "han");
	kh_node *due = after->next->kids;
	assert_int_equal(due->kind, KH_N_W_BEFORE_REF);
	assert_string_equal(due->kids->id, "giao");
	assert_string_equal(due->next->kids->id, "nhiem_vu");
}

/* A keyword of several words written with spaces is the id with '_'. */
static void test_multiword_keyword_id(void **state)
{
	(void)state;
	kh_diags d;
	kh_node *f = parse("kế_hoạch { nhiệm_vụ t \"x\" { sau thông báo } }\n", &d);
	assert_int_equal(d.count, 0);
	assert_string_equal(f->kids->kids->kids->kids->id, "thông_báo");
}

/* Every spelling of every keyword as a task's id: accepted, or refused
 * with exactly one error while the task (and the next one) still parse. */
static void test_every_keyword_as_task_id(void **state)
{
	(void)state;
	for (int i = 0; i < NSPELLINGS; i++) {
		kh_diags d;
		kh_node *f = parse(kh_printf("kế_hoạch {\n  nhiệm_vụ %s \"x\" {\n    giao a\n  }\n"
					     "  nhiệm_vụ t2 \"y\" { sau %s }\n}\n",
					     spellings[i], spellings[i]), &d);
		int never = never_id(token_of(spellings[i]));
		if ((int)d.errors != 2 * never)
			print_message("'%s': %u errors, first: %s\n", spellings[i], d.errors,
				      d.first ? d.first->message : "");
		assert_int_equal(d.errors, 2 * never);
		assert_int_equal(count_rule(&d, "keyword-as-id"), 2 * never);
		kh_node *task = f->kids->kids;
		assert_int_equal(task->kind, KH_N_TASK);
		assert_non_null(task->kids);
		assert_int_equal(task->next->kind, KH_N_TASK);
	}
}

/* A body's id must also be able to start a line of nơi_nhận. */
static void test_every_keyword_as_body_id(void **state)
{
	(void)state;
	for (int i = 0; i < NSPELLINGS; i++) {
		kh_diags d;
		kh_node *f = parse(kh_printf("cơ_quan %s \"x\" viết_tắt \"X\"\n"
					     "kế_hoạch { nơi_nhận { %s \"để biết\" } }\n",
					     spellings[i], spellings[i]), &d);
		int t = token_of(spellings[i]);
		int refused = never_id(t) || starts_statement(t);
		if (!refused && d.errors)
			print_message("'%s': %s\n", spellings[i], d.first->message);
		if (!refused) {
			assert_int_equal(d.errors, 0);
			kh_node *recipient = f->kids->next->kids->kids;
			assert_string_equal(recipient->kids->id, spellings[i]);
		} else {
			assert_int_equal(count_rule(&d, "keyword-as-id"), 1);
			assert_int_equal(f->kids->kind, KH_N_BODY_DECL);
			assert_non_null(f->kids->kids); /* viết_tắt still read */
		}
	}
}

/* In a reference, 'cấp' and 'cấp_trên' keep their meaning; other keywords
 * are ids, and 'giao cap' says what 'cap' is. */
static void test_keyword_references(void **state)
{
	(void)state;
	kh_diags d;
	kh_node *f = parse("kế_hoạch { nhiệm_vụ t \"x\" { giao cap_tren, luu; gửi giao qua qua } }\n",
			   &d);
	assert_int_equal(d.count, 0);
	kh_node *assign = f->kids->kids->kids;
	assert_int_equal(assign->kids->kind, KH_N_REF_SUPERIOR);
	assert_string_equal(assign->kids->next->id, "luu");
	kh_node *send = assign->next;
	assert_string_equal(send->kids->id, "giao");
	assert_string_equal(send->kids->next->id, "qua");
	assert_int_equal(send->kids->next->flag, 2); /* the via */
	parse("kế_hoạch { nhiệm_vụ t \"x\" { giao cap } }\n", &d);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.first->message, "expected an identifier ('cap' is the keyword 'cấp' "
					  "written without diacritics; if it is meant as an id, rename it"));
}

static void test_messages(void **state)
{
	(void)state;
	assert_string_equal(kh_keyword_describe("bao_cao"),
			    "'bao_cao' is the keyword 'báo_cáo' written without diacritics");
	assert_string_equal(kh_keyword_describe("báo_cáo"), "'báo_cáo' is a keyword (report)");
	assert_string_equal(kh_keyword_describe("report"), "'report' is the keyword 'báo_cáo' in English");
	assert_string_equal(kh_keyword_describe("day"), "'day' is the keyword 'ngày' in English");
	assert_string_equal(kh_keyword_describe("giao"), "'giao' is a keyword (assign)");
	assert_string_equal(kh_keyword_describe("khach_moi"),
			    "'khach_moi' is the keyword 'mời' written without diacritics");
	assert_string_equal(kh_keyword_rename("bao_cao"), "bc_…");
	assert_string_equal(kh_keyword_rename("đề_cương"), "đc_…");
	assert_string_equal(kh_keyword_rename("han"), "han_…");
	kh_diags d;
	parse("cơ_quan han \"x\"\n", &d);
	assert_int_equal(d.count, 1);
	assert_string_equal(d.first->rule, "keyword-as-id");
	assert_string_equal(d.first->message,
			    "'han' is the keyword 'hạn' written without diacritics; it cannot be a "
			    "body's id, since a line of nơi_nhận that starts with it reads as the "
			    "keyword: rename it, e.g. 'han_…'");
}

/* A statement that starts with a word close to a keyword is that keyword
 * mistyped; a line of a block of attributes starts with an attribute's
 * id, which is never taken for one (the stdlib's "xếp_loại", a plan's
 * "nhiệm_vu" column). */
static void test_no_guess_in_attributes(void **state)
{
	(void)state;
	kh_diags d;
	parse("kế_hoạch \"x\" {\n  nhiệm_vu a \"b\"\n}\n", &d);
	assert_int_equal(count_rule(&d, "misspelt-keyword"), 1);
	parse("thuộc_tính {\n  nhiệm_vu \"Nhiệm vụ\" chữ\n  xếp_loại \"Xếp loại\" theo_năm\n}\n", &d);
	assert_int_equal(count_rule(&d, "misspelt-keyword"), 0);
	assert_int_equal(d.errors, 0);
}

/* Expected tokens are listed without the keywords that would only be ids. */
static void test_expected_lists(void **state)
{
	(void)state;
	kh_diags d;
	parse("kế_hoạch { nhiệm_vụ \"x\" }\n", &d);
	assert_string_equal(d.first->message, "unexpected string; expected an identifier");
	parse("kế_hoạch { nhiệm_vụ t \"x\" { phối_hợp } }\n", &d);
	assert_string_equal(d.first->message,
			    "unexpected '}'; expected an identifier, 'cấp' (level), 'cấp_trên' "
			    "(superior) or 'cấp_tổ_chức' (organising_level)");
	parse("kế_hoạch { nhiệm_vụ ½ \"x\" }\n", &d);
	assert_string_equal(d.first->message, "unexpected '½'; expected an identifier");
}

/* Every node of the tree under N once: a node the parser took again while
 * still in the tree would be reached twice (or loop). */
static void walk_once(const kh_node *n, const kh_node **seen, size_t *nseen, size_t cap)
{
	for (; n; n = n->next) {
		for (size_t i = 0; i < *nseen; i++)
			assert_ptr_not_equal(seen[i], n);
		assert_true(*nseen < cap);
		seen[(*nseen)++] = n;
		walk_once(n->kids, seen, nseen, cap);
	}
}

/* The nodes the parser knows dead (lists' wrappers, a task's id and
 * string) are cut again: the tree stays a tree, every task keeps its id
 * and text, and outside a parse a node given up is left as it is. */
static void test_dead_nodes_are_reused_safely(void **state)
{
	(void)state;
	const char *text =
		"cơ_quan a \"Cơ quan A\"\n"
		"cơ_quan b \"Cơ quan B\"\n"
		"kế_hoạch \"1-KH/A\" {\n"
		"  ban_hành a\n"
		"  mục_đích \"Một\" \"và hai\"\n"
		"  phần \"I. Nội dung\" {\n"
		"    - \"gạch đầu dòng\"\n"
		"    nhiệm_vụ t1 \"Việc thứ nhất \" \"nối tiếp\" {\n"
		"      giao a, b\n"
		"      gửi b qua a\n"
		"      hạn trước 10/6/2020, thường_xuyên\n"
		"    }\n"
		"    nhiệm_vụ t2 \"Việc thứ hai\" {\n"
		"      giao b\n"
		"      sau t1\n"
		"    }\n"
		"    hội_nghị h1 \"Hội nghị\" {\n"
		"      chủ_trì a\n"
		"    }\n"
		"  }\n"
		"}\n";
	for (int round = 0; round < 2; round++) {
		kh_diags d;
		kh_node *root = parse(text, &d);
		assert_int_equal(d.errors, 0);
		static const kh_node *seen[512];
		size_t nseen = 0;
		walk_once(root, seen, &nseen, 512);
		int tasks = 0;
		for (size_t i = 0; i < nseen; i++) {
			assert_int_not_equal(seen[i]->kind, KH_N__COUNT);
			if (seen[i]->kind != KH_N_TASK)
				continue;
			tasks++;
			const char *want = !strcmp(seen[i]->id, "t1") ? "Việc thứ nhất nối tiếp" : "Việc thứ hai";
			assert_string_equal(seen[i]->text, want);
			for (const kh_node *k = seen[i]->kids; k; k = k->next)
				assert_int_not_equal(k->kind, KH_N_BLOCK);
		}
		assert_int_equal(tasks, 2);
	}
	kh_node *n = kh_node_new(KH_N_STRING, (kh_span){ 0, 1, 2 });
	n->text = "x";
	kh_node_spare(n);
	assert_string_equal(n->text, "x");
	assert_int_equal(n->kind, KH_N_STRING);
}

/* What the scanner notes of the layout: every comment and brace; without
 * the braces when nothing will lay the text out (KH_PARSE_NO_BRACES). */
static void test_layout_noted(void **state)
{
	(void)state;
	static const char text[] =
		"# đầu tệp\nkế_hoạch \"1/KH\" { # mở\n  nhiệm_vụ a \"x\" { hạn trước 1/2/2020 }\n}\n";
	for (int no_braces = 0; no_braces < 2; no_braces++) {
		kh_diags d = { 0 };
		kh_source *src = kh_source_from_bytes("t.kh", text, sizeof text - 1, &d);
		assert_non_null(src);
		kh_parse_with(src, &d, KH_PARSE_LITERALS | (no_braces ? KH_PARSE_NO_BRACES : 0));
		assert_int_equal(d.errors, 0);
		assert_int_equal(src->layout.ncomments, 2);
		assert_memory_equal(src->text + src->layout.comments[1].start, "# mở", strlen("# mở"));
		assert_int_equal(src->layout.nbraces, no_braces ? 0 : 4);
		if (!no_braces)
			assert_int_equal(src->text[src->layout.braces[3]], '}');
	}
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_statement_tokens),
		cmocka_unit_test(test_keyword_ids_parse),
		cmocka_unit_test(test_multiword_keyword_id),
		cmocka_unit_test(test_every_keyword_as_task_id),
		cmocka_unit_test(test_every_keyword_as_body_id),
		cmocka_unit_test(test_keyword_references),
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_no_guess_in_attributes),
		cmocka_unit_test(test_expected_lists),
		cmocka_unit_test(test_dead_nodes_are_reused_safely),
		cmocka_unit_test(test_layout_noted),
	};
	return cmocka_run_group_tests_name("parse", tests, NULL, NULL);
}

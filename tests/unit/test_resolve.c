/*
 * test_resolve.c - name resolution and the resolved plan: references bound
 * to declarations, did-you-mean, duplicates, dates into windows, durations
 * into half-days, names across tone placement, imports and their errors.
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "alloc.h"
#include "names.h"
#include "resolve.h"

static char dir[256];

static int make_dir(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/kh_resolve_XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
	(void)state;
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static const char *write_file(const char *name, const char *text)
{
	char *path = kh_printf("%s/%s", dir, name);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	char cmd[400];
	snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
	assert_int_equal(system(cmd), 0);
	*slash = '/';
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static kh_program *resolve_text(const char *text, kh_diags *d)
{
	memset(d, 0, sizeof *d);
	const char *path = write_file("plan.kh", text);
	kh_resolve_opts opts = { 0 };
	int io = 0;
	kh_program *p = kh_resolve_file(path, &opts, d, &io);
	assert_int_equal(io, 0);
	assert_non_null(p);
	return p;
}

static int has_rule(const kh_diags *d, const char *rule, const char *needle)
{
	for (const kh_diag *x = d->first; x; x = x->next)
		if (!strcmp(x->rule, rule) && (!needle || strstr(x->message, needle)))
			return 1;
	return 0;
}

static const char *LEVELS =
	"cấp tỉnh \"Cấp tỉnh\"\n"
	"cấp huyện \"Cấp huyện\" dưới tỉnh đến 30/6/2025\n"
	"cấp xã \"Cấp xã\" dưới huyện\n"
	"cơ_quan btv_tỉnh_ủy \"Ban Thường vụ Tỉnh ủy\" cấp tỉnh viết_tắt \"BTV\"\n"
	"cơ_quan btc_tỉnh_ủy \"Ban Tổ chức Tỉnh ủy\" cấp tỉnh thuộc btv_tỉnh_ủy\n";

static void test_references_bind(void **state)
{
	(void)state;
	kh_diags d;
	kh_program *p = resolve_text(kh_printf("%s%s", LEVELS,
		"kế_hoạch \"250-KH/TU\" {\n"
		"  ban_hành btv_tỉnh_ủy\n"
		"  ngày 16/8/2019\n"
		"  nhiệm_vụ bc_xa \"Gửi báo cáo\" {\n"
		"    giao cấp xã; gửi cấp_trên; hạn trước 30/8/2019\n"
		"  }\n"
		"  nhiệm_vụ bc_huyen \"Gửi báo cáo\" {\n"
		"    giao cấp huyện; gửi btv_tỉnh_ủy qua btc_tỉnh_ủy\n"
		"    hạn trước 15/9/2019; sau bc_xa\n"
		"  }\n"
		"}\n"), &d);
	assert_int_equal(d.errors, 0);
	kh_plan *plan = p->plan;
	assert_non_null(plan);
	assert_int_equal(plan->kind, KH_KIND_PLAN);
	assert_string_equal(plan->number, "250-KH/TU");
	assert_string_equal(plan->issuer->id, "btv_tỉnh_ủy");
	assert_true(plan->has_date);
	assert_int_equal(plan->date, kh_date_make(2019, 8, 16));
	assert_int_equal(plan->tasks.n, 2);
	kh_task *t = KH_VEC_AT(plan->tasks, kh_task, 1);
	assert_int_equal(t->owners.n, 1);
	assert_int_equal(KH_VEC_AT(t->owners, kh_ref, 0)->kind, KH_REF_LEVEL);
	assert_string_equal(KH_VEC_AT(t->owners, kh_ref, 0)->level->id, "huyện");
	assert_string_equal(KH_VEC_AT(t->send_to, kh_ref, 0)->body->id, "btv_tỉnh_ủy");
	assert_string_equal(KH_VEC_AT(t->via, kh_ref, 0)->body->id, "btc_tỉnh_ủy");
	assert_int_equal(t->after.n, 1);
	assert_ptr_equal(KH_VEC_AT(t->after, kh_task, 0), KH_VEC_AT(plan->tasks, kh_task, 0));
	kh_when *w = KH_VEC_AT(t->due, kh_when, 0);
	assert_int_equal(w->type, KH_WHEN_DEADLINE);
	assert_true(w->dated);
	assert_int_equal(w->end, kh_date_make(2019, 9, 15));
	/* the hierarchy */
	kh_level *xa = KH_VEC_AT(p->levels, kh_level, 2);
	assert_int_equal(xa->depth, 2);
	assert_true(KH_VEC_AT(p->levels, kh_level, 1)->has_until);
	kh_body *btc = KH_VEC_AT(p->bodies, kh_body, 1);
	assert_string_equal(btc->parent->id, "btv_tỉnh_ủy");
}

static void test_undeclared_with_suggestion(void **state)
{
	(void)state;
	kh_diags d;
	resolve_text(kh_printf("%s%s", LEVELS,
		"kế_hoạch { ban_hành btv_tinh_uy; nhiệm_vụ t \"x\" { giao btc_tỉnh_ủ; sau t2 } }\n"),
		&d);
	assert_true(has_rule(&d, "undeclared-id", "did you mean 'btc_tỉnh_ủy'"));
	assert_true(has_rule(&d, "undeclared-id", "'t2' is not declared"));
}

static void test_duplicates(void **state)
{
	(void)state;
	kh_diags d;
	resolve_text(kh_printf("%s%s", LEVELS, "cơ_quan btc_tỉnh_ủy \"again\"\nkế_hoạch {}\n"), &d);
	assert_true(has_rule(&d, "duplicate-id", "declared twice"));
	assert_non_null(d.first->notes);
}

/* "uỷ" (old tone placement) and "ủy" (new) name the same body. */
static void test_tone_placement(void **state)
{
	(void)state;
	kh_diags d;
	kh_program *p = resolve_text(kh_printf("%s%s", LEVELS,
		"kế_hoạch { ban_hành btv_tỉnh_uỷ }\n"), &d);
	assert_int_equal(d.errors, 0);
	assert_string_equal(p->plan->issuer->id, "btv_tỉnh_ủy");
	assert_string_equal(kh_name_key("hoà"), kh_name_key("hòa"));
	assert_string_equal(kh_name_key("khoẻ"), kh_name_key("khỏe"));
	assert_string_equal(kh_name_key("ascii"), "ascii");
	assert_true(strcmp(kh_name_key("hoa"), kh_name_key("hòa")) != 0);
}

static void test_dates_and_windows(void **state)
{
	(void)state;
	kh_diags d;
	kh_program *p = resolve_text(kh_printf("%s%s", LEVELS,
		"kế_hoạch {\n ngày 16/8/2019\n"
		" nhiệm_vụ a \"x\" { hạn dự_kiến vào trung tuần tháng 5/2017 }\n"
		" nhiệm_vụ b \"x\" { hạn trong tháng 11/2023, thường_xuyên }\n"
		" nhiệm_vụ c \"x\" { hạn cuối_năm }\n"
		" nhiệm_vụ e \"x\" { hạn từ năm 2023, hằng_năm }\n"
		" nhiệm_vụ f \"x\" { hạn 5 ngày_làm_việc trước a; hạn quý I/2024 }\n"
		" nhiệm_vụ g \"x\" { hạn trước ngày 15 tháng 10 năm 2009 }\n"
		" hội_nghị h \"x\" { thời_lượng 01 buổi }\n"
		" hội_nghị i \"x\" { thời_lượng ½ ngày }\n"
		" hội_nghị j \"x\" { thời_lượng 2 ngày }\n"
		"}\n"), &d);
	assert_int_equal(d.errors, 0);
	kh_vec *tasks = &p->plan->tasks;
	kh_when *w = KH_VEC_AT(KH_VEC_AT(*tasks, kh_task, 0)->due, kh_when, 0);
	assert_true(w->planned);
	assert_int_equal(w->precision, KH_PREC_DECADE);
	assert_int_equal(w->start, kh_date_make(2017, 5, 11));
	assert_int_equal(w->end, kh_date_make(2017, 5, 20));
	w = KH_VEC_AT(KH_VEC_AT(*tasks, kh_task, 1)->due, kh_when, 0);
	assert_int_equal(w->type, KH_WHEN_WITHIN);
	assert_int_equal(w->end, kh_date_make(2023, 11, 30));
	w = KH_VEC_AT(KH_VEC_AT(*tasks, kh_task, 1)->due, kh_when, 1);
	assert_int_equal(w->recurrence, KH_RECUR_CONTINUOUS);
	w = KH_VEC_AT(KH_VEC_AT(*tasks, kh_task, 2)->due, kh_when, 0);
	assert_true(w->dated); /* the plan's year */
	assert_int_equal(w->end, kh_date_make(2019, 12, 31));
	w = KH_VEC_AT(KH_VEC_AT(*tasks, kh_task, 3)->due, kh_when, 0);
	assert_int_equal(w->type, KH_WHEN_FROM);
	assert_int_equal(w->start, kh_date_make(2023, 1, 1));
	w = KH_VEC_AT(KH_VEC_AT(*tasks, kh_task, 4)->due, kh_when, 0);
	assert_int_equal(w->type, KH_WHEN_RELATIVE);
	assert_true(w->anchor_before);
	assert_true(w->working_days);
	assert_int_equal(w->offset, 5);
	w = KH_VEC_AT(KH_VEC_AT(*tasks, kh_task, 4)->due, kh_when, 1);
	assert_int_equal(w->end, kh_date_make(2024, 3, 31));
	w = KH_VEC_AT(KH_VEC_AT(*tasks, kh_task, 5)->due, kh_when, 0);
	assert_int_equal(w->end, kh_date_make(2009, 10, 15));
	assert_int_equal(KH_VEC_AT(p->plan->meetings, kh_meeting, 0)->duration, 1);
	assert_int_equal(KH_VEC_AT(p->plan->meetings, kh_meeting, 1)->duration, 1);
	assert_int_equal(KH_VEC_AT(p->plan->meetings, kh_meeting, 2)->duration, 4);
}

static void test_invalid_dates(void **state)
{
	(void)state;
	kh_diags d;
	resolve_text("kế_hoạch { ngày 31/2/2019; nhiệm_vụ a \"x\" { hạn trong tháng 13/2019 } }\n", &d);
	assert_true(has_rule(&d, "invalid-date", "31/2/2019 is not a date: February 2019 has 28 days"));
	assert_true(has_rule(&d, "invalid-date", "month 13"));
	resolve_text("kế_hoạch { ngày 29/2/2020 }\n", &d);
	assert_int_equal(d.errors, 0);
}

static void test_imports(void **state)
{
	(void)state;
	kh_diags d;
	write_file("lib/levels.kh", "cấp tỉnh \"Cấp tỉnh\"\n");
	kh_program *p = resolve_text("import \"./lib/levels.kh\"\n"
				     "cơ_quan b \"B\" cấp tỉnh\nkế_hoạch { ban_hành b }\n", &d);
	assert_int_equal(d.errors, 0);
	assert_int_equal(p->imports.n, 1);
	write_file("lib/a.kh", "import \"./b.kh\"\n");
	write_file("lib/b.kh", "import \"./a.kh\"\n");
	resolve_text("import \"./lib/a.kh\"\nkế_hoạch {}\n", &d);
	assert_true(has_rule(&d, "import-cycle", "a.kh"));
	resolve_text("import \"../../etc/passwd\"\nkế_hoạch {}\n", &d);
	assert_true(has_rule(&d, "import-outside-root", NULL) || has_rule(&d, "import-not-found", NULL));
	resolve_text("import \"./nothing.kh\"\nkế_hoạch {}\n", &d);
	assert_true(has_rule(&d, "import-not-found", NULL));
	resolve_text("import \"vn/x\"\nkế_hoạch {}\n", &d);
	assert_true(has_rule(&d, "import-not-found", "stdlib"));
}

/* The stdlib folder's paths are found once a process (folder lint): a
 * module missing at first and added later is found, and a module whose
 * text changes is read again, its new names declared. */
static void test_stdlib_paths_kept(void **state)
{
	(void)state;
	kh_diags d;
	write_file("std/vn/prelude.kh", "");
	write_file("std/x/levels.kh", "cấp tỉnh \"Cấp tỉnh\"\n");
	const char *std = kh_printf("%s/std", dir);
	kh_resolve_opts opts = { .stdlib_dir = std };
	const char *plan = "import \"x/levels\"\nimport \"x/more\"\ncơ_quan b \"B\" cấp tỉnh\n"
			   "cơ_quan c \"C\" cấp huyện\nkế_hoạch { ban_hành b }\n";
	const char *path = write_file("plan.kh", plan);
	int io = 0;
	for (int round = 0; round < 3; round++) {
		memset(&d, 0, sizeof d);
		assert_non_null(kh_resolve_file(path, &opts, &d, &io));
		assert_int_equal(io, 0);
		/* round 0: no x/more; 1: x/more without huyện; 2: with it */
		assert_int_equal(has_rule(&d, "import-not-found", "x/more"), round == 0);
		assert_int_equal(has_rule(&d, "undeclared-id", "huyện") > 0, round < 2);
		if (round == 0)
			write_file("std/x/more.kh", "cấp xã \"Cấp xã\"\n");
		if (round == 1)
			write_file("std/x/more.kh", "cấp huyện \"Cấp huyện\"\n");
	}
	kh_resolve_forget_paths();
}

static void test_misplaced_and_wrong_kind(void **state)
{
	(void)state;
	kh_diags d;
	resolve_text(kh_printf("%s%s", LEVELS,
		"kế_hoạch { hội_nghị h \"x\" { giao btc_tỉnh_ủy }\n"
		" nhiệm_vụ t \"x\" { giao huyện } }\n"), &d);
	assert_true(has_rule(&d, "misplaced-statement", "'giao' cannot stand in a meeting"));
	assert_true(has_rule(&d, "wrong-kind", "write 'cấp huyện'"));
}

static int count_rule(const kh_diags *d, const char *rule)
{
	int n = 0;
	for (const kh_diag *x = d->first; x; x = x->next)
		n += !strcmp(x->rule, rule);
	return n;
}

/* A field that holds one value, given twice: an error at the second with
 * a note at the first, and the first value kept. Lists may repeat. */
static void test_repeated_fields(void **state)
{
	(void)state;
	kh_diags d;
	kh_program *p = resolve_text(kh_printf("%s%s", LEVELS,
		"văn_bản vb \"1-HD/TU\" ngày 1/1/2019 { gọi_tắt \"A\"; gọi_tắt \"B\" }\n"
		"kế_hoạch \"1-KH/TU\" {\n"
		"  ngày 16/8/2019\n"
		"  thực_hiện vb\n"
		"  thực_hiện vb\n"
		"  ngày 17/8/2019\n"
		"  nhiệm_vụ t \"x\" {\n"
		"    giao cấp xã; giao cấp huyện; hạn trước 1/9/2019; hạn trước 2/9/2019\n"
		"    ghi_chú \"a\"; ghi_chú \"b\"\n"
		"  }\n"
		"  hội_nghị h \"H\" {\n"
		"    thời_lượng 01 buổi; thời_lượng 2 ngày; chủ_trì btv_tỉnh_ủy; chủ_trì btc_tỉnh_ủy\n"
		"  }\n"
		"  ký { chức_vụ \"Bí thư\"; chức_vụ \"Phó Bí thư\" }\n"
		"}\n"), &d);
	assert_int_equal(count_rule(&d, "repeated-field"), 5);
	assert_int_equal(d.errors, 5);
	for (const kh_diag *x = d.first; x; x = x->next) {
		assert_non_null(x->notes);
		assert_string_equal(x->notes->message, "first given here");
		assert_true(x->notes->span.start < x->span.start);
	}
	assert_true(has_rule(&d, "repeated-field", "'ngày' is given twice in the plan; it holds one value"));
	assert_true(has_rule(&d, "repeated-field", "'chức_vụ' is given twice in the signature"));
	kh_plan *plan = p->plan;
	assert_int_equal(plan->date, kh_date_make(2019, 8, 16));
	assert_int_equal(plan->implements.n, 2);
	assert_string_equal(KH_VEC_AT(p->documents, kh_document, 0)->short_name, "A");
	kh_task *t = KH_VEC_AT(plan->tasks, kh_task, 0);
	assert_string_equal(t->note, "a");
	assert_int_equal(t->owners.n, 2);
	assert_int_equal(t->due.n, 2);
	kh_meeting *m = KH_VEC_AT(plan->meetings, kh_meeting, 0);
	assert_int_equal(m->duration, 1);
	assert_int_equal(m->chairs.n, 2);
	assert_string_equal(plan->signature->position, "Bí thư");
	/* ngày and âm_lịch give a holiday's one day */
	resolve_text("ngày_lễ x \"X\" ngày 2/9 âm_lịch 1/1\n", &d);
	assert_true(has_rule(&d, "repeated-field", "'âm_lịch' repeats 'ngày' in this holiday"));
}

static void test_edit_distance(void **state)
{
	(void)state;
	assert_int_equal(kh_edit_distance("btv", "btv", 3, false), 0);
	assert_int_equal(kh_edit_distance("btv", "btc", 3, false), 1);
	assert_int_equal(kh_edit_distance("tỉnh", "tinh", 3, false), 1);
	assert_int_equal(kh_edit_distance("abc", "xyzxyz", 2, false), 3);
}


/* The stdlib's data declarations: document kinds, award rights, holidays. */
/* The nearest name as every name's distance says, the first of the
 * nearest in declaration order: what kh_scope_suggest gives, its letters'
 * bound skipping names only when they are too far. */
static const char *nearest_by_distance(const kh_scope *s, const char *id)
{
	size_t len = strlen(id), limit = len <= 3 ? 1 : len <= 8 ? 2 : 3, best_d = limit + 1;
	const char *best = NULL;
	for (size_t i = 0; i < s->nall; i++) {
		size_t d = kh_edit_distance(id, s->all[i]->id, limit, false);
		if (d < best_d) {
			best_d = d;
			best = s->all[i]->id;
		}
	}
	return best;
}

static void test_suggestions_match_distance(void **state)
{
	(void)state;
	static const char *const parts[] = { "so", "ubnd", "_", "1", "2", "3", "x", "tỉnh", "ủy", "đ", "ban", "a" };
	enum { NPARTS = sizeof parts / sizeof *parts };
	kh_scope scope = { 0 };
	unsigned seed = 11;
	char buf[96];
	for (int round = 0; round < 3000; round++) {
		size_t o = 0, n = 1 + (seed >> 3) % 5;
		for (size_t k = 0; k < n; k++) {
			seed = seed * 1103515245u + 12345u;
			o += (size_t)snprintf(buf + o, sizeof buf - o, "%s", parts[(seed >> 16) % NPARTS]);
		}
		const char *id = kh_strdup(buf);
		if (round % 3) { /* two names in three are declared, the rest asked for */
			kh_scope_add(&scope, id, KH_SYM_BODY, NULL, (kh_span){ 0 });
			continue;
		}
		const char *want = nearest_by_distance(&scope, id), *got = kh_scope_suggest(&scope, id, KH_SYM_BODY);
		if (want)
			assert_string_equal(got, want);
		else
			assert_null(got);
	}
}

/* Room made once for the names to come: no table grows while they are
 * added, each is found, a repeated one is refused, and more than were
 * reserved still go in. */
static void test_scope_reserved(void **state)
{
	(void)state;
	kh_scope scope = { 0 };
	kh_scope_reserve(&scope, 5000);
	size_t cap = scope.cap;
	kh_symbol **all = scope.all;
	assert_true(cap >= 10000);
	char buf[32];
	for (int i = 0; i < 5000; i++) {
		snprintf(buf, sizeof buf, "t%d", i);
		assert_null(kh_scope_add(&scope, kh_strdup(buf), KH_SYM_TASK, NULL, (kh_span){ 0 }));
	}
	assert_int_equal(scope.cap, cap);
	assert_ptr_equal(scope.all, all);
	assert_non_null(kh_scope_add(&scope, "t42", KH_SYM_TASK, NULL, (kh_span){ 0 }));
	for (int i = 0; i < 5000; i += 97) {
		snprintf(buf, sizeof buf, "t%d", i);
		kh_symbol *sym = kh_scope_find(&scope, buf);
		assert_non_null(sym);
		assert_string_equal(sym->id, buf);
	}
	for (int i = 5000; i < 6000; i++) {
		snprintf(buf, sizeof buf, "t%d", i);
		assert_null(kh_scope_add(&scope, kh_strdup(buf), KH_SYM_TASK, NULL, (kh_span){ 0 }));
	}
	assert_int_equal(scope.nall, 6000);
	assert_non_null(kh_scope_find(&scope, "t5999"));
	assert_non_null(kh_scope_find(&scope, "t0"));
}

static void test_data_declarations(void **state)
{
	(void)state;
	kh_diags d;
	kh_program *p = resolve_text(
		"cấp tỉnh \"Cấp tỉnh\"\n"
		"cơ_quan ubnd \"Ủy ban nhân dân\" hệ nhà_nước tập_thể\n"
		"cơ_quan ct \"Chủ tịch UBND\" thuộc ubnd\n"
		"cơ_quan ct_tinh \"Chủ tịch UBND tỉnh\" cấp tỉnh là ct\n"
		"loại_văn_bản kế_hoạch viết_tắt \"KH\" {\n"
		"  bắt_buộc \"số\", \"mục đích\", \"Nội dung\", \"noi nhan\"\n"
		"  thường_có \"requirements\"\n"
		"}\n"
		"quyền_khen \"Bằng khen\" { trao_bởi ct cấp tỉnh; trao_bởi ct_tinh }\n"
		"ngày_lễ tet \"Tết Nguyên đán\" âm_lịch 1/1 số_ngày 5 trước 1\n"
		"ngày_lễ qk \"Quốc khánh\" ngày 2/9 từ 1/1/2021\n"
		"ngày_nghỉ nb \"Nghỉ bù\" ngày 3/9/2021\n"
		"ngày_làm_bù lb \"Làm bù\" ngày 11/9/2021\n", &d);
	assert_int_equal(d.errors, 0);
	assert_int_equal(p->kind_rules.n, 1);
	kh_kind_rule *k = KH_VEC_AT(p->kind_rules, kh_kind_rule, 0);
	assert_string_equal(k->code, "KH");
	assert_int_equal(k->required, 1u << KH_PART_NUMBER | 1u << KH_PART_PURPOSES |
					       1u << KH_PART_CONTENTS | 1u << KH_PART_RECIPIENTS);
	assert_int_equal(k->customary, 1u << KH_PART_REQUIREMENTS);

	assert_int_equal(p->award_rights.n, 1);
	kh_award_right *w = KH_VEC_AT(p->award_rights, kh_award_right, 0);
	assert_int_equal(w->grants.n, 2);
	assert_non_null(KH_VEC_AT(w->grants, kh_award_grant, 0)->level);
	assert_null(KH_VEC_AT(w->grants, kh_award_grant, 1)->level);

	assert_int_equal(p->holidays.n, 4);
	kh_holiday *tet = KH_VEC_AT(p->holidays, kh_holiday, 0);
	assert_int_equal(tet->kind, KH_HOLIDAY_LUNAR);
	assert_int_equal(tet->month, 1);
	assert_int_equal(tet->days, 5);
	assert_int_equal(tet->start_before, 1);
	kh_holiday *qk = KH_VEC_AT(p->holidays, kh_holiday, 1);
	assert_int_equal(qk->kind, KH_HOLIDAY_SOLAR);
	assert_true(qk->has_from);
	assert_int_equal(KH_VEC_AT(p->holidays, kh_holiday, 2)->kind, KH_HOLIDAY_DAY_OFF);
	assert_int_equal(KH_VEC_AT(p->holidays, kh_holiday, 3)->kind, KH_HOLIDAY_WORKDAY);

	/* The system is inherited through thuộc and là. */
	kh_body *ct_tinh = NULL, *ubnd = NULL;
	for (size_t i = 0; i < p->bodies.n; i++) {
		kh_body *b = KH_VEC_AT(p->bodies, kh_body, i);
		if (!strcmp(b->id, "ct_tinh"))
			ct_tinh = b;
		if (!strcmp(b->id, "ubnd"))
			ubnd = b;
	}
	assert_non_null(ct_tinh);
	assert_true(ubnd->collective);
	assert_int_equal(kh_body_system(ct_tinh), KH_SYSTEM_STATE);
	assert_true(kh_body_is(ct_tinh, ubnd));
	assert_false(kh_body_is(ubnd, ct_tinh));
}

static void test_data_declaration_errors(void **state)
{
	(void)state;
	kh_diags d;
	resolve_text("loại_văn_bản kế_hoạch { bắt_buộc \"mục dich\", \"phụ lục\" }\n"
		     "ngày_lễ a \"A\" ngày 31/2\n"
		     "ngày_lễ b \"B\" ngày 2/9/2021\n"
		     "ngày_nghỉ c \"C\" ngày 2/9\n"
		     "ngày_lễ e \"E\" số_ngày 40 ngày 1/1\n"
		     "ngày_lễ f \"F\"\n"
		     "cơ_quan x \"X\" hệ vua\n", &d);
	/* "mục dich" is a spelling of mục đích without one diacritic: accepted
	 * only in the fully plain form, so it is reported with the list. */
	assert_true(has_rule(&d, "undeclared-id", "'phụ lục' is not a part"));
	assert_true(has_rule(&d, "invalid-date", "31/2 is not a day of the year"));
	assert_true(has_rule(&d, "invalid-date", "recurs every year"));
	assert_true(has_rule(&d, "invalid-date", "one date"));
	assert_true(has_rule(&d, "number-too-large", "1 to 31 days"));
	assert_true(has_rule(&d, "invalid-date", "'F' needs its day"));
	assert_true(has_rule(&d, "undeclared-id", "'vua' is not a system"));
}

/* The time vocabulary is data: defaults, then stdlib or plan declarations
 * refine it (the last one wins); bad periods are errors. */
static void test_time_vocabulary(void **state)
{
	(void)state;
	kh_diags d;
	const char *plan =
		"kế_hoạch {\n ngày 16/8/2019\n"
		" nhiệm_vụ a \"x\" { hạn hạ tuần tháng 2/2024 }\n"
		" nhiệm_vụ b \"x\" { hạn cuối_năm }\n"
		"}\n";
	kh_program *p = resolve_text(plan, &d);
	assert_int_equal(d.errors, 0);
	kh_when *w = KH_VEC_AT(KH_VEC_AT(p->plan->tasks, kh_task, 0)->due, kh_when, 0);
	assert_int_equal(w->start, kh_date_make(2024, 2, 21));
	assert_int_equal(w->end, kh_date_make(2024, 2, 29)); /* 31 = the month's end */
	w = KH_VEC_AT(KH_VEC_AT(p->plan->tasks, kh_task, 1)->due, kh_when, 0);
	assert_int_equal(w->start, kh_date_make(2019, 10, 1));

	p = resolve_text(kh_printf("khoảng hạ_tuần 20 31\nkhoảng cuối_năm 1/11 31/12\n%s", plan), &d);
	assert_int_equal(d.errors, 0);
	w = KH_VEC_AT(KH_VEC_AT(p->plan->tasks, kh_task, 0)->due, kh_when, 0);
	assert_int_equal(w->start, kh_date_make(2024, 2, 20));
	w = KH_VEC_AT(KH_VEC_AT(p->plan->tasks, kh_task, 1)->due, kh_when, 0);
	assert_int_equal(w->start, kh_date_make(2019, 11, 1));
	assert_int_equal(w->end, kh_date_make(2019, 12, 31));

	resolve_text("khoảng trung_tuần 20 11\nkhoảng thượng_tuần 0 10\n"
		     "khoảng cuối_năm 31/12 1/10\nkhoảng cuối_năm 1/13 31/12\n", &d);
	assert_int_equal(d.errors, 4);
	assert_true(has_rule(&d, "invalid-date", "ten-day period"));
	assert_true(has_rule(&d, "invalid-date", "'cuối năm' is a window"));
}

/* What each body is to its parent: as declared, else inferred from its
 * kind, its level, what it is, its name; plain thuộc a part of it. */
/* A line of nơi_nhận that starts with an undeclared name close to a
 * keyword: the keyword is named, once; a declared body is no mistake. */
static void test_recipient_line_mistyped_keyword(void **state)
{
	(void)state;
	kh_diags d;
	resolve_text("cơ_quan ubt \"UB\"\ncơ_quan Giao \"Ban Giao\"\n"
		     "kế_hoạch { nơi_nhận { ubt \"để biết\"; Lưu \"VT\"; Giao } }\n", &d);
	assert_int_equal(d.errors, 1);
	assert_true(has_rule(&d, "misspelt-keyword",
			     "'Lưu' is not declared; did you mean the keyword 'lưu'?"));
}

static void test_standing(void **state)
{
	(void)state;
	kh_diags d;
	kh_program *p = resolve_text(
		"cấp tỉnh \"Cấp tỉnh\"\n"
		"cấp huyện \"Cấp huyện\" dưới tỉnh\n"
		"cơ_quan cap_uy \"Cấp ủy\"\n"
		"cơ_quan btc \"Ban Tổ chức\" thuộc cap_uy tham_mưu\n"
		"cơ_quan ubkt \"Ủy ban Kiểm tra\" trực_thuộc cap_uy\n"
		"cơ_quan tinh_uy \"Tỉnh ủy\" cấp tỉnh là cap_uy\n"
		"cơ_quan tt \"Thường trực Tỉnh ủy\" thuộc tinh_uy\n"
		"cơ_quan btc_tu \"Ban Tổ chức Tỉnh ủy\" thuộc tinh_uy\n"
		"cơ_quan ubkt_tu \"Ủy ban Kiểm tra Tỉnh ủy\" thuộc tinh_uy\n"
		"cơ_quan ubkt_tu2 \"Ủy ban Kiểm tra Tỉnh ủy\" thuộc tinh_uy tham_mưu\n"
		"cơ_quan x_ubkt \"X\" là ubkt thuộc tinh_uy\n"
		"cơ_quan hu \"Huyện ủy\" cấp huyện thuộc tinh_uy\n"
		"cơ_quan du_qs \"Đảng ủy Quân sự\" là cap_uy thuộc tinh_uy\n"
		"cơ_quan dv \"Các đơn vị trực thuộc Tỉnh ủy\" thuộc tinh_uy\n"
		"cơ_quan ban_tc \"Ban Tổ chức Hội\" thuộc tt\n"
		"cơ_quan db \"Đảng bộ Khối\" trực_thuộc tinh_uy gọi_tắt \"Đảng bộ\"\n", &d);
	assert_int_equal(d.errors, 0);
	struct { const char *id; kh_standing s; kh_standing_why why; } want[] = {
		{ "cap_uy", KH_STANDING_NONE, KH_WHY_DEFAULT },
		{ "btc", KH_STANDING_STAFF, KH_WHY_DECLARED },
		{ "ubkt", KH_STANDING_UNIT, KH_WHY_DECLARED },
		{ "tt", KH_STANDING_ORGAN, KH_WHY_DEFAULT },
		{ "btc_tu", KH_STANDING_STAFF, KH_WHY_NAME_KIND },
		{ "ubkt_tu", KH_STANDING_UNIT, KH_WHY_NAME_KIND },
		{ "ubkt_tu2", KH_STANDING_STAFF, KH_WHY_DECLARED },  /* the declaration wins */
		{ "x_ubkt", KH_STANDING_UNIT, KH_WHY_KIND },
		{ "hu", KH_STANDING_UNIT, KH_WHY_LEVEL },
		{ "du_qs", KH_STANDING_UNIT, KH_WHY_ORGANISATION },
		{ "dv", KH_STANDING_UNIT, KH_WHY_NAME_WORDS },
		{ "ban_tc", KH_STANDING_ORGAN, KH_WHY_DEFAULT },    /* not under a cấp ủy */
		{ "db", KH_STANDING_UNIT, KH_WHY_DECLARED },
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		kh_body *b = NULL;
		for (size_t k = 0; k < p->bodies.n && !b; k++)
			if (!strcmp(KH_VEC_AT(p->bodies, kh_body, k)->id, want[i].id))
				b = KH_VEC_AT(p->bodies, kh_body, k);
		assert_non_null(b);
		assert_int_equal(b->standing, want[i].s);
		assert_int_equal(b->standing_why, want[i].why);
		if (!strcmp(b->id, "db")) {
			assert_string_equal(b->parent->id, "tinh_uy");
			assert_string_equal(b->short_name, "Đảng bộ");
		}
		if (!strcmp(b->id, "btc_tu"))
			assert_string_equal(b->standing_from->id, "btc");
	}
	/* one parent; a staff organ is not a unit of its own */
	resolve_text("cơ_quan a \"A\"\ncơ_quan b \"B\" thuộc a trực_thuộc a\n"
		     "cơ_quan c \"C\" trực_thuộc a tham_mưu\n", &d);
	assert_true(has_rule(&d, "misplaced-statement", "another thuộc"));
	assert_true(has_rule(&d, "misplaced-statement", "trực_thuộc"));
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_references_bind),
		cmocka_unit_test(test_undeclared_with_suggestion),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_tone_placement),
		cmocka_unit_test(test_dates_and_windows),
		cmocka_unit_test(test_invalid_dates),
		cmocka_unit_test(test_imports),
		cmocka_unit_test(test_stdlib_paths_kept),
		cmocka_unit_test(test_misplaced_and_wrong_kind),
		cmocka_unit_test(test_repeated_fields),
		cmocka_unit_test(test_edit_distance),
		cmocka_unit_test(test_suggestions_match_distance),
		cmocka_unit_test(test_scope_reserved),
		cmocka_unit_test(test_data_declarations),
		cmocka_unit_test(test_data_declaration_errors),
		cmocka_unit_test(test_time_vocabulary),
		cmocka_unit_test(test_standing),
		cmocka_unit_test(test_recipient_line_mistyped_keyword),
	};
	return cmocka_run_group_tests_name("resolve", tests, make_dir, remove_dir);
}

/*
 * test_ast_pack.c - a task's statements packed at the parse and unpacked
 * by the resolver (ast_pack.h) come back as they were parsed: every
 * example, and texts with syntax errors, unusual spans and long tasks,
 * parsed with and without packing and compared node for node (tasks,
 * meetings and bodies are packed); the
 * nodes the resolver spares reused from one task to the next.
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glob.h>
#include <cmocka.h>

#include "alloc.h"
#include "ast_pack.h"
#include "parse.h"

#define EXAMPLES KH_STDLIB_DIR "/../examples/"

static kh_node *parse(const char *text, size_t len, unsigned flags)
{
	kh_diags d = { 0 };
	kh_source *src = kh_source_from_bytes("t.kh", text, len, &d);
	assert_non_null(src);
	return kh_parse_with(src, &d, flags);
}

static void same_string(const char *a, const char *b)
{
	if (!a || !b)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

static unsigned tasks_seen, meetings_seen, bodies_seen, nodes_unpacked;
static int file_a, file_b; /* the two parses' sources (each has its own id) */
static kh_node *pool;

static void same_list(const kh_node *a, const kh_node *b, bool unpacked);

/* A (as parsed) and B (parsed with packing, or unpacked): the same node. */
static void same_node(const kh_node *a, const kh_node *b, bool unpacked)
{
	assert_int_equal(a->kind, b->kind);
	assert_int_equal(a->flag, b->flag);
	assert_int_equal(a->span.file - file_a, b->span.file - file_b);
	assert_int_equal(a->span.start, b->span.start);
	assert_int_equal(a->span.end, b->span.end);
	same_string(a->id, b->id);
	same_string(a->text, b->text);
	nodes_unpacked += unpacked;
	if (kh_node_is_list(a->kind)) {
		const kh_node *last = NULL;
		for (const kh_node *k = b->kids; k; k = k->next)
			last = k;
		assert_ptr_equal(b->last, last);
	} else if (!kh_node_is_packed(b)) {
		assert_int_equal(a->key, b->key);
		for (int i = 0; i < 3; i++)
			assert_int_equal(a->n[i], b->n[i]);
	}
	if (kh_node_is_packed(b)) {
		assert_true(a->kind == KH_N_TASK || a->kind == KH_N_MEETING || a->kind == KH_N_BODY_DECL);
		assert_null(b->kids);
		tasks_seen += a->kind == KH_N_TASK;
		meetings_seen += a->kind == KH_N_MEETING;
		bodies_seen += a->kind == KH_N_BODY_DECL;
		/* as the resolver does: unpacked into the nodes the task
		 * before gave back, then spared for the next */
		kh_node_spares_begin(&pool);
		kh_node *kids = kh_node_unpack_kids((kh_node *)b);
		same_list(a->kids, kids, true);
		kh_node_spare_trees(kids);
		assert_true(!kids || pool);
		/* read once: its bytes may have gone to the model since */
		assert_false(kh_node_is_packed(b));
		assert_null(kh_node_unpack_kids((kh_node *)b));
		kh_node_spares_end();
		return;
	}
	same_list(a->kids, b->kids, unpacked);
}

static void same_list(const kh_node *a, const kh_node *b, bool unpacked)
{
	for (; a && b; a = a->next, b = b->next)
		same_node(a, b, unpacked);
	assert_ptr_equal(a, NULL);
	assert_ptr_equal(b, NULL);
}

static void round_trip(const char *text, size_t len)
{
	kh_node *plain = parse(text, len, KH_PARSE_LITERALS);
	kh_node *packed = parse(text, len, KH_PARSE_LITERALS | KH_PARSE_PACK_TASKS);
	file_a = plain->span.file;
	file_b = packed->span.file;
	same_node(plain, packed, false);
}

static void test_examples(void **state)
{
	(void)state;
	glob_t gl;
	assert_int_equal(glob(EXAMPLES "*.kh", 0, NULL, &gl), 0);
	assert_true(gl.gl_pathc >= 4);
	tasks_seen = meetings_seen = bodies_seen = nodes_unpacked = 0;
	for (size_t i = 0; i < gl.gl_pathc; i++) {
		kh_diags d = { 0 };
		int io_error = 0;
		kh_source *src = kh_source_load(gl.gl_pathv[i], &d, &io_error);
		assert_non_null(src);
		round_trip(src->text, src->len);
	}
	globfree(&gl);
	/* the examples have tasks with statements: the test compared some */
	assert_true(tasks_seen > 50);
	assert_true(meetings_seen > 3); /* meetings and bodies are packed too */
	assert_true(bodies_seen > 20);
	assert_true(nodes_unpacked > 4 * tasks_seen);
}

static void test_odd_tasks(void **state)
{
	(void)state;
	static const char *const texts[] = {
		/* dates of every shape, negative offsets, a planned one */
		"cơ_quan a \"A\"\nkế_hoạch \"1/KH\" {\n nhiệm_vụ t1 \"x\" {\n  giao a\n"
		"  hạn dự_kiến trung tuần tháng 10/2019\n  hạn 3 ngày trước t2\n }\n"
		" nhiệm_vụ t2 \"y\" { giao a; hạn từ 1/2/2020 đến 3/4/2020; sau t1; ghi_chú \"n\" }\n}\n",
		/* syntax errors inside a task: recovery nodes are packed too */
		"kế_hoạch \"1/KH\" {\n nhiệm_vụ t1 \"x\" {\n  giao\n  hạn trước 40/13/2020\n"
		"  gửi a qua\n  ??? \n }\n nhiệm_vụ t2 \"y\" { }\n nhiệm_vụ t3 \"z\"\n}\n",
		NULL,
	};
	for (size_t i = 0; texts[i]; i++)
		round_trip(texts[i], strlen(texts[i]));
	/* spans past 2^21 (varints of four bytes) and a task of many refs */
	size_t cap = 3u << 20;
	char *big = malloc(cap);
	assert_non_null(big);
	size_t n = (size_t)snprintf(big, cap, "cơ_quan a \"A\"\nkế_hoạch \"1/KH\" {\n");
	while (n < (5u << 19))
		n += (size_t)snprintf(big + n, cap - n, "  # %s\n",
				      "chú thích dài để đẩy vị trí đi xa trong tệp…………………………");
	n += (size_t)snprintf(big + n, cap - n, " nhiệm_vụ t1 \"x\" {\n  giao");
	for (int k = 0; k < 2000; k++)
		n += (size_t)snprintf(big + n, cap - n, " a,");
	n += (size_t)snprintf(big + n, cap - n, " a\n  hạn trước 1/2/2020\n }\n}\n");
	round_trip(big, n);
	free(big);
}

static void test_off_without_flag(void **state)
{
	(void)state;
	const char *t = "kế_hoạch \"1/KH\" { nhiệm_vụ t1 \"x\" { hạn trước 1/2/2020 } }\n";
	kh_node *root = parse(t, strlen(t), KH_PARSE_LITERALS);
	kh_node *task = root->kids->kids;
	assert_int_equal(task->kind, KH_N_TASK);
	assert_false(kh_node_is_packed(task));
	assert_non_null(task->kids);
	/* unpacking a task that was not packed gives its own children */
	assert_ptr_equal(kh_node_unpack_kids(task), task->kids);
	root = parse(t, strlen(t), KH_PARSE_PACK_TASKS);
	task = root->kids->kids;
	assert_true(kh_node_is_packed(task));
}

/* Once every task cut from a chunk is unpacked, the chunk is the model's
 * next: kh_alloc_kept cuts from it, cleared. */
static void test_chunks_go_to_the_model(void **state)
{
	(void)state;
	size_t cap;
	if (!kh_alloc_kept_chunk(&cap))
		skip(); /* the sanitizer builds: a block each, nothing to hand on */
	size_t len = 0, room = 1u << 20;
	char *t = malloc(room);
	assert_non_null(t);
	len += (size_t)snprintf(t, room, "cơ_quan a \"A\"\nkế_hoạch \"1/KH\" {\n");
	for (int i = 0; i < 400; i++)
		len += (size_t)snprintf(t + len, room - len,
					" nhiệm_vụ t%d \"x\" { giao a; hạn trước 1/2/2020; sau t%d }\n", i,
					i ? i - 1 : 1);
	len += (size_t)snprintf(t + len, room - len, "}\n");
	kh_alloc_kept_begin();
	kh_node *root = parse(t, len, KH_PARSE_PACK_TASKS);
	free(t);
	kh_node *plan = root->kids;
	while (plan && plan->kind != KH_N_PLAN)
		plan = plan->next;
	assert_non_null(plan);
	const unsigned char *blob[400];
	size_t n = 0;
	for (kh_node *k = plan->kids; k; k = k->next)
		if (kh_node_is_packed(k))
			blob[n++] = (const unsigned char *)(const void *)k->last;
	assert_int_equal(n, 400);
	for (kh_node *k = plan->kids; k; k = k->next)
		kh_node_spare_trees(kh_node_unpack_kids(k));
	const unsigned char *m = kh_alloc_kept(64);
	bool in_a_chunk = false;
	for (size_t i = 0; i < n; i++)
		in_a_chunk |= blob[i] > m - 64 && blob[i] < m + cap;
	assert_true(in_a_chunk);
	static const unsigned char zero[64];
	assert_memory_equal(m, zero, sizeof zero);
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_examples),
		cmocka_unit_test(test_odd_tasks),
		cmocka_unit_test(test_off_without_flag),
		cmocka_unit_test(test_chunks_go_to_the_model),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * test_alloc.c - the allocator (alloc.c): blocks come zeroed; a block
 * grown keeps its bytes (what it grows by is not promised: realloc in the
 * sanitizer build leaves it as it finds it); neighbours do not overlap; a
 * string buffer grows; what a collected block points to survives
 * collections (small blocks come from free lists of alloc.c's own, which
 * a collection must not reclaim twice); a parse's chunks are let go.
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#ifndef KH_NO_GC
#include <gc/gc.h>
#endif

#include "alloc.h"
#include "diag.h"
#include "parse.h"
#include "source.h"

static void assert_zero(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		assert_int_equal(p[i], 0);
}

static void test_zeroed_and_grown(void **state)
{
	(void)state;
	static const size_t sizes[] = { 1, 7, 8, 24, 80, 503, 504, 505, 4000, 70000 };
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		for (int atomic = 0; atomic < 2; atomic++) {
			size_t n = sizes[i];
			unsigned char *p = atomic ? kh_alloc_atomic(n) : kh_alloc(n);
			assert_zero(p, n);
			memset(p, 0xA5, n);
			for (size_t grow = 1; grow <= 3; grow++) {
				size_t m = n * 2 + grow * 100;
				p = atomic ? kh_realloc_atomic(p, m) : kh_realloc(p, m);
				for (size_t k = 0; k < n; k++)
					assert_int_equal(p[k], 0xA5);
				memset(p + n, 0xA5, m - n);
				n = m;
			}
			/* shrinking keeps the first bytes */
			p = atomic ? kh_realloc_atomic(p, 5) : kh_realloc(p, 5);
			for (size_t k = 0; k < 5; k++)
				assert_int_equal(p[k], 0xA5);
		}
	}
}

/* Neighbours cut from one chunk do not overlap. */
static void test_blocks_apart(void **state)
{
	(void)state;
	enum { N = 2000 };
	unsigned char *p[N];
	size_t n[N];
	for (size_t i = 0; i < N; i++) {
		n[i] = 1 + (i * 37) % 300;
		p[i] = i % 3 ? kh_alloc(n[i]) : kh_alloc_atomic(n[i]);
		memset(p[i], (int)(i & 0xff), n[i]);
	}
	for (size_t i = 0; i < N; i++)
		for (size_t k = 0; k < n[i]; k++)
			assert_int_equal(p[i][k], i & 0xff);
}

typedef struct link {
	struct link *next;
	char *text;
	uintptr_t n;
} link;

/* A list of small blocks, reachable only from its head, comes through
 * collections intact, its strings too. */
static void test_kept_through_collections(void **state)
{
	(void)state;
	link *head = NULL;
	for (uintptr_t i = 0; i < 20000; i++) {
		link *l = KH_NEW(link);
		l->next = head;
		l->n = i;
		l->text = kh_printf("item %lu", (unsigned long)i);
		head = l;
		if (i % 5000 == 0) {
			for (int g = 0; g < 50; g++)
				(void)kh_alloc(64 + (size_t)g); /* garbage between */
#ifndef KH_NO_GC
			GC_gcollect();
#endif
		}
	}
#ifndef KH_NO_GC
	GC_gcollect();
#endif
	uintptr_t want = 20000;
	for (link *l = head; l; l = l->next) {
		want--;
		assert_int_equal(l->n, want);
		char expect[32];
		snprintf(expect, sizeof expect, "item %lu", (unsigned long)want);
		assert_string_equal(l->text, expect);
	}
	assert_int_equal(want, 0);
}

#ifndef KH_NO_GC
static bool in_chunk_of(const kh_node *n, const void *chunk)
{
	for (; n; n = n->next)
		if (GC_base((void *)n) == chunk || (n->kids && in_chunk_of(n->kids, chunk)))
			return true;
	return false;
}
#endif

/* A parse's nodes are cut from chunks; the one being cut from when the
 * parse ends must not be cut from again, or the allocator's pointer to it
 * keeps the whole tree alive after the tree is dropped (at 100k tasks,
 * 110 MB more for fmt and render). */
static void test_tree_chunks_let_go(void **state)
{
	(void)state;
#ifndef KH_NO_GC
	kh_buf text = { 0 };
	for (int i = 0; i < 300; i++)
		kh_buf_printf(&text, "cơ_quan b%d \"Ban số %d\"\n", i, i);
	kh_diags d = { 0 };
	kh_source *src = kh_source_from_bytes("chunks.kh", text.data, text.len, &d);
	assert_non_null(src);
	kh_node *root = kh_parse(src, &d);
	assert_int_equal(d.errors, 0);
	void *after = kh_alloc_bump(16);
	assert_false(in_chunk_of(root, GC_base(after)));
#endif
}

static void test_buffer(void **state)
{
	(void)state;
	kh_buf b = { 0 };
	for (int i = 0; i < 5000; i++)
		kh_buf_printf(&b, "%d,", i);
	const char *s = kh_buf_cstr(&b);
	assert_int_equal(strncmp(s, "0,1,2,3,", 8), 0);
	assert_non_null(strstr(s, ",4999,"));
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zeroed_and_grown),
		cmocka_unit_test(test_blocks_apart),
		cmocka_unit_test(test_kept_through_collections),
		cmocka_unit_test(test_tree_chunks_let_go),
		cmocka_unit_test(test_buffer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

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
#include <stdbool.h>
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
#include "resolve.h"
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

#ifndef KH_NO_GC
/* The tree of a file declaring N bodies. */
static kh_node *parse_bodies(int n)
{
	kh_buf text = { 0 };
	for (int i = 0; i < n; i++)
		kh_buf_printf(&text, "cơ_quan b%d \"Ban số %d\"\n", i, i);
	kh_diags d = { 0 };
	kh_source *src = kh_source_from_bytes("bodies.kh", text.data, text.len, &d);
	assert_non_null(src);
	kh_node *root = kh_parse(src, &d);
	assert_int_equal(d.errors, 0);
	return root;
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
	kh_node *root = parse_bodies(300);
	void *after = kh_alloc_bump(16);
	assert_false(in_chunk_of(root, GC_base(after)));
#endif
}

/* Blocks cut after a mark are cut again, cleared, once it is released,
 * while the chunk is the same; past a chunk's end, nothing is given back. */
static void test_bump_mark_release(void **state)
{
	(void)state;
#ifndef KH_NO_GC
	kh_alloc_bump_done();
	(void)kh_alloc_bump(8);
	(void)kh_alloc_bump_atomic(8);
	kh_bump_mark m = kh_alloc_bump_mark();
	unsigned char *a = kh_alloc_bump(40), *s = kh_alloc_bump_atomic(24);
	memset(a, 0xAB, 40);
	memset(s, 0xCD, 24);
	kh_alloc_bump_release(m);
	unsigned char *b = kh_alloc_bump(40), *t = kh_alloc_bump_atomic(24);
	assert_ptr_equal(a, b);
	assert_ptr_equal(s, t);
	assert_zero(b, 40);
	assert_zero(t, 24);
	/* a new chunk since the mark: the blocks stay */
	m = kh_alloc_bump_mark();
	unsigned char *first = kh_alloc_bump(512);
	memset(first, 0xEE, 512);
	for (int i = 0; i < 20; i++)
		(void)kh_alloc_bump(512);
	kh_alloc_bump_release(m);
	assert_int_equal(first[0], 0xEE);
	assert_int_equal(first[511], 0xEE);
	assert_ptr_not_equal(kh_alloc_bump(512), first);
#endif
}

#ifndef KH_NO_GC
/* *WATCH is cleared by the collector when the block OBJ goes. */
static void watch_block(void **watch, void *obj)
{
	*watch = (void *)GC_HIDE_POINTER(obj); /* hidden: not a root itself */
	GC_general_register_disappearing_link(watch, obj);
}

/* A tree parsed in a frame that is gone, with only a disappearing link
 * to its root: kh_alloc_phase_done must find nothing holding it. */
static __attribute__((noinline)) void parse_and_drop(void **watch)
{
	watch_block(watch, parse_bodies(2000)->kids);
}
#endif

/* After a large plan is resolved its tree is collected at once, so the
 * commands' own blocks reuse its memory (at 100k tasks, check's peak
 * 441 to 349 MB): nothing the allocator keeps may hold it. (The stack
 * words the resolver's frames leave are cleared first; whether one would
 * have held the tree depends on the frames, so the bench's RSS shows it.) */
static void test_dropped_tree_collected(void **state)
{
	(void)state;
#ifndef KH_NO_GC
	static void *watch; /* cleared by the collector when the tree goes */
	parse_and_drop(&watch);
	assert_non_null(watch);
	kh_alloc_phase_done(64u << 20);
	assert_null(watch);
#endif
}

#ifndef KH_NO_GC
/* A plan of N tasks, resolved. */
static kh_program *resolve_tasks(int n)
{
	kh_buf text = { 0 };
	kh_buf_puts(&text, "cấp tỉnh \"Cấp tỉnh\"\ncơ_quan a \"Sở A\" cấp tỉnh\nkế_hoạch \"K\" {\n");
	for (int i = 0; i < n; i++)
		kh_buf_printf(&text, "  nhiệm_vụ t%d \"Việc %d\" {\n    giao a\n    hạn trước 30/8/2019\n  }\n", i, i);
	kh_buf_puts(&text, "}\n");
	kh_resolve_opts opts = { 0 };
	kh_diags d = { 0 };
	kh_program *p = kh_resolve_bytes("tasks.kh", text.data, text.len, &opts, &d);
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	assert_int_equal(p->plan->tasks.n, n);
	return p;
}

/* A model resolved in a frame that is gone; *WATCH goes when the chunk
 * its last blocks were cut from is collected. */
static __attribute__((noinline)) void resolve_and_drop(void **watch)
{
	(void)resolve_tasks(50);
	watch_block(watch, GC_base(kh_alloc_kept(8))); /* where the model was being cut */
}
#endif

/* Each model's blocks come from chunks of its own: a chunk is scanned
 * whole, so a second model cut from the first one's last chunk would keep
 * the first alive as long as itself (and the language server's analyses,
 * one after another, would each keep the one before). */
static void test_models_apart(void **state)
{
	(void)state;
#ifndef KH_NO_GC
	static void *watch; /* cleared by the collector when the chunk goes */
	resolve_and_drop(&watch);
	kh_program *second = resolve_tasks(50);
	assert_non_null(watch);
	kh_alloc_phase_done(64u << 20);
	assert_null(watch);
	assert_int_equal(second->plan->tasks.n, 50);
#endif
}

/* A vector whose room was cut with the model's blocks grows like any
 * other: copied, never handed to the collector's realloc (which would
 * move the whole chunk). */
static void test_kept_vector_grows(void **state)
{
	(void)state;
	kh_vec v = { 0 };
	kh_vec_reserve_kept(&v, 1);
	kh_vec w = { 0 };
	kh_vec_reserve_kept(&w, 2);
	kh_vec_push(&w, (void *)"w0");
	kh_vec_push(&v, (void *)"v0");
	for (int i = 1; i < 100; i++)
		kh_vec_push(&v, kh_printf("v%d", i));
	kh_vec_push(&w, (void *)"w1");
	assert_int_equal(v.n, 100);
	for (int i = 0; i < 100; i++)
		assert_string_equal(v.items[i], kh_printf("v%d", i));
	assert_int_equal(w.n, 2);
	assert_string_equal(w.items[0], "w0");
	assert_string_equal(w.items[1], "w1");
#ifndef KH_NO_GC
	assert_ptr_equal(GC_base(v.items), v.items); /* the collector's own block now */
#endif
}

#ifndef KH_NO_GC
/* THPeligible of the mapping holding AT (/proc/self/smaps), or -1. */
static int huge_eligible(uintptr_t at)
{
	FILE *smaps = fopen("/proc/self/smaps", "r");
	assert_non_null(smaps);
	char line[512];
	bool inside = false;
	int eligible = -1;
	while (fgets(line, sizeof line, smaps)) {
		unsigned long lo, hi;
		if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2 && strchr(line, '-') < strchr(line, ' '))
			inside = lo <= at && at < hi;
		else if (inside && sscanf(line, "THPeligible: %d", &eligible) == 1)
			break;
	}
	fclose(smaps);
	return eligible;
}
#endif

/* The heap grown for a plan of some megabytes is asked for huge pages:
 * the mapping that holds it is eligible for them; a heap past
 * KH_HUGE_HEAP_MAX (64 MB) is not asked (where the kernel gives huge pages
 * only when asked; skipped where it has them off). */
static void test_large_heap_huge_pages(void **state)
{
	(void)state;
#ifndef KH_NO_GC
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
	char mode[128] = "";
	if (f) {
		if (!fgets(mode, sizeof mode, f))
			mode[0] = '\0';
		fclose(f);
	}
	if (!strstr(mode, "[madvise]") && !strstr(mode, "[always]"))
		skip();
	kh_alloc_expect(4u << 20); /* 48 MB of heap */
	assert_int_equal(huge_eligible((uintptr_t)kh_alloc_atomic(4u << 20)), 1);
	if (!strstr(mode, "[madvise]"))
		return;
	kh_alloc_expect(16u << 20); /* 192 MB: a block larger than all before is in the new section */
	assert_int_equal(huge_eligible((uintptr_t)kh_alloc_atomic(64u << 20)), 0);
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
		cmocka_unit_test(test_bump_mark_release),
		cmocka_unit_test(test_dropped_tree_collected),
		cmocka_unit_test(test_models_apart),
		cmocka_unit_test(test_kept_vector_grows),
		cmocka_unit_test(test_large_heap_huge_pages),
		cmocka_unit_test(test_buffer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

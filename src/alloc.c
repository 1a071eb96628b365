/*
 * alloc.c - allocation through libgc, or calloc in the sanitizer build.
 * Part of kehoach; see README.md for the licence.
 */
#include "alloc.h"
#include "format.h"
#include "i18n.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#ifndef KH_NO_GC
#include <gc/gc.h>
#define GC_ASSERT(e) ((void)0) /* gc_inline.h's checks, which call the collector */
#include <gc/gc_inline.h>
#include <gc/gc_mark.h>
#endif

#ifdef KH_FAULT_INJECT
/* The fault-injection build (make fault): KH_FAIL_ALLOC_AT=N makes the Nth
 * allocation fail as if the allocator had returned NULL, so a sweep over N
 * reaches every kh_oom exit in turn; KH_ALLOC_COUNT=1 prints how many
 * allocations the run made (the range the sweep must cover) at exit. */
static unsigned long long fault_calls, fault_at;

static void fault_report(void)
{
	/* Not translated: a developer's counter, read by tests/fault/run.py. */
	fprintf(stderr, "kehoach: fault-inject: %llu allocations\n", fault_calls);
}

static bool fault_hit(void)
{
	if (fault_calls++ == 0) {
		const char *at = getenv("KH_FAIL_ALLOC_AT");
		const char *count = getenv("KH_ALLOC_COUNT");
		fault_at = at ? strtoull(at, NULL, 10) : 0;
		if (count && !strcmp(count, "1"))
			atexit(fault_report);
	}
	return fault_calls == fault_at;
}
#else
/* Normal builds: the test folds away. */
static inline bool fault_hit(void)
{
	return false;
}
#endif

void kh_oom(size_t size)
{
	/* Nothing to allocate here: English is the message itself, and the
	 * Vietnamese catalogue was loaded by kh_i18n_init. */
	fprintf(stderr, _("kehoach: fatal error: out of memory (asked for %zu bytes)\n"), size);
	exit(2);
}

#ifndef KH_NO_GC
static void *oom_fn(size_t size)
{
	kh_oom(size);
	return NULL;
}

/* The collector warns "Out of Memory!" just before it calls oom_fn, whose
 * one line says the same; its other warnings still go through. */
static GC_warn_proc gc_warn_next;

static void GC_CALLBACK gc_warn(char *msg, GC_word arg)
{
	if (!strstr(msg, "Out of Memory"))
		gc_warn_next(msg, arg);
}
#endif

#ifndef KH_NO_GC
/*
 * Small blocks come from free lists of our own, refilled a page at a time
 * by the collector (its inline allocation, gc_inline.h): its GC_malloc
 * took 150 instructions a block in locking and calls. The lists are
 * dropped when a collection starts, so what is on them is collected like
 * any garbage: the collector does not trace the links of pointer-free
 * blocks, and would hand them out again.
 */
static void *free_normal[GC_TINY_FREELISTS], *free_atomic[GC_TINY_FREELISTS];

static void GC_CALLBACK drop_free_lists(void)
{
	memset(free_normal, 0, sizeof free_normal);
	memset(free_atomic, 0, sizeof free_atomic);
}

/* Words for SIZE bytes and the byte past the end the collector counts
 * (interior pointers are recognised). */
static size_t words_for(size_t size)
{
	return (size + 1 + sizeof(void *) - 1) / sizeof(void *);
}

/* glibc's: the stack pointer at the program's entry, above every frame. */
extern void *__libc_stack_end;
#endif

void kh_alloc_init(void)
{
#ifndef KH_NO_GC
	/* The main stack's cold end, given: the collector would otherwise find
	 * it by reading /proc/self/maps (pthread_getattr_np), a tenth of a
	 * short plan's run. */
	if (__libc_stack_end)
		GC_set_stackbottom(NULL, &(struct GC_stack_base){ .mem_base = __libc_stack_end });
	/* No collection at start-up: it only notes which words of the data
	 * and stack look like heap addresses before there is a heap (the first
	 * real collection notes them too), and it was a twelfth of checking a
	 * short plan. Such a word may keep a block alive; nothing is freed early. */
	GC_set_dont_precollect(1);
	GC_INIT();
	GC_set_start_callback(drop_free_lists);
	GC_set_oom_fn(oom_fn);
	gc_warn_next = GC_get_warn_proc();
	GC_set_warn_proc(gc_warn);
#endif
}

#ifdef KH_ALLOC_TRACK
/*
 * The ASan fuzz build runs millions of inputs in one process and nothing
 * is collected: every block carries a link in one list, and
 * kh_alloc_release_all() frees them between inputs, so ASan also sees a
 * pointer kept from one input to the next as a use after free.
 */
typedef union block {
	struct {
		union block *prev, *next;
	} link;
	max_align_t align;
} block;
static block *blocks;

static void block_link(block *b)
{
	b->link.prev = NULL;
	b->link.next = blocks;
	if (blocks)
		blocks->link.prev = b;
	blocks = b;
}

static void block_unlink(block *b)
{
	if (b->link.prev)
		b->link.prev->link.next = b->link.next;
	else
		blocks = b->link.next;
	if (b->link.next)
		b->link.next->link.prev = b->link.prev;
}

static void *tracked_calloc(size_t n, size_t size)
{
	if (n && size > (SIZE_MAX - sizeof(block)) / n)
		return NULL;
	size *= n;
	block *b = calloc(1, sizeof(block) + size);
	if (!b)
		return NULL;
	block_link(b);
	return b + 1;
}

static void *tracked_realloc(void *old, size_t size)
{
	if (!old)
		return tracked_calloc(1, size);
	if (size > SIZE_MAX - sizeof(block))
		return NULL;
	block *b = (block *)old - 1;
	block_unlink(b);
	block *nb = realloc(b, sizeof(block) + size);
	if (!nb) {
		block_link(b);
		return NULL;
	}
	block_link(nb);
	return nb + 1;
}

void kh_alloc_release_all(void)
{
	while (blocks) {
		block *next = blocks->link.next;
		free(blocks);
		blocks = next;
	}
}
#define calloc(n, size) tracked_calloc(n, size)
#define realloc(p, size) tracked_realloc(p, size)
#endif

void *kh_alloc(size_t size)
{
	if (fault_hit())
		kh_oom(size);
#ifdef KH_NO_GC
	void *p = calloc(1, size ? size : 1);
#else
	void *p;
	if (size > SIZE_MAX / 2)
		p = NULL;
	else
		GC_MALLOC_WORDS(p, words_for(size), free_normal);
#endif
	if (!p)
		kh_oom(size);
	return p;
}

#define BUMP_CHUNK 4064u

/* The chunks' three lifetimes: a parse's tree (and a format's tokens), its
 * texts, and the model. */
enum { BUMP_TREE, BUMP_TEXT, BUMP_KEPT, BUMPS };

/* A chunk in use; the collector keeps a chunk while anything cut from it
 * is reachable (interior pointers count), the current one through these. */
static char *bump_at[BUMPS];
static size_t bump_left[BUMPS];

/* A kept chunk's first bytes are cut for no one: no kept block then
 * starts where the collector's does, which is how kh_realloc_sized tells
 * them apart. */
#define KEPT_SKIP 8u

/* The model's chunks given back whole by their first users (ast_pack.c's
 * packed tasks, once unpacked), cleared, for its next chunks. */
static char *recycled[16];
static size_t nrecycled;

/* The slot is cleared: a stale pointer there would keep the chunk, and
 * through it the whole model, alive. */
static char *take_recycled(void)
{
	char *chunk = recycled[--nrecycled];
	recycled[nrecycled] = NULL;
	return chunk;
}

static void *bump(size_t size, int k)
{
#ifdef KH_NO_GC
	(void)k;
	return kh_alloc(size); /* one block each: ASan's bounds, and freed per input */
#else
	/* Text is written whole, its NUL too, by its two users (kh_strndup_bump,
	 * the scanner's strings): its chunks are not cleared first. */
	bool atomic = k == BUMP_TEXT;
	size = (size + 7) & ~(size_t)7;
	if (size > BUMP_CHUNK / 4)
		return atomic ? kh_alloc_atomic_unzeroed(size) : kh_alloc(size);
	if (bump_left[k] < size) {
		size_t skip = k == BUMP_KEPT ? KEPT_SKIP : 0;
		char *chunk = k == BUMP_KEPT && nrecycled ? take_recycled()
			    : atomic ? kh_alloc_atomic_unzeroed(BUMP_CHUNK) : kh_alloc(BUMP_CHUNK);
		bump_at[k] = chunk + skip;
		bump_left[k] = BUMP_CHUNK - skip;
	}
	void *p = bump_at[k];
	bump_at[k] += size;
	bump_left[k] -= size;
	return p;
#endif
}

#define KH_HEAP_FLOOR (16u << 20)
/* A heap this large (a plan of about 3 MB) is worth huge pages, up to
 * KH_HUGE_HEAP_MAX (a plan of about 5 MB). Past it a 2 MiB page cost more
 * than the 4 KiB ones it replaced, on the shared virtual machines measured
 * (check, paired runs, pages by /sys/kernel/mm/transparent_hugepage: 10k
 * tasks 67.1 ms with huge pages against 71.6 ms without; 30k 217 against
 * 225 ms, 50k 398 against 390, 100k 1.12 s against 0.88, the huge pages'
 * runs twice as spread): their zeroing, a fifth of the run at 10k, was
 * two fifths at 100k, where the small pages' whole faulting was a tenth. */
#define KH_HUGE_HEAP (32u << 20)
#define KH_HUGE_HEAP_MAX (64u << 20)

#ifndef KH_NO_GC
/* Asks for huge pages under the heap section holding INSIDE (the
 * mapping /proc/self/maps lists it in). Touching a large plan's heap the
 * first time, 4 KiB at a time, was a fifth of checking it; in 2 MiB pages
 * the kernel and a virtual machine's host fault eight hundred times less
 * (100k tasks: 1.37 to 1.22 s). Only a hint: without transparent huge
 * pages, or if anything here fails, the pages stay as they were. */
static void advise_huge_pages(const void *inside)
{
	FILE *maps = fopen("/proc/self/maps", "r");
	if (!maps)
		return;
	char line[512];
	uintptr_t at = (uintptr_t)inside;
	while (fgets(line, sizeof line, maps)) {
		unsigned long lo, hi;
		if (sscanf(line, "%lx-%lx", &lo, &hi) == 2 && lo <= at && at < hi) {
			(void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
			break;
		}
	}
	fclose(maps);
}
#endif

void kh_alloc_expect(size_t size)
{
#ifndef KH_NO_GC
	/* A plan's tree, model and outputs take about ten times its text; the
	 * stdlib's and the rules' own take some megabytes whatever the plan,
	 * and a collection inside them was a tenth of checking a real plan.
	 * Growing the heap maps it; its pages cost only when used. */
	size_t want = size > SIZE_MAX / 12 ? SIZE_MAX : size * 12, have = GC_get_heap_size();
	if (want < KH_HEAP_FLOOR)
		want = KH_HEAP_FLOOR;
	/* may fail: then the collector runs as before */
	if (want > have && GC_expand_hp(want - have) && want >= KH_HUGE_HEAP && want <= KH_HUGE_HEAP_MAX &&
	    want - have > have) {
		/* a block larger than all the heap held before, and smaller than
		 * what was added: it is cut from the new section */
		void *probe = GC_MALLOC_ATOMIC(have + 1);
		if (probe) {
			advise_huge_pages(probe);
			GC_FREE(probe);
		}
	}
#else
	(void)size;
#endif
}

/* Below this much source a collection costs more than the pages it saves. */
#define KH_DROP_COLLECT (1u << 20)
/* Below this much (a peak under 100 MB), an output's collections as it is
 * written cost more time than their memory is worth (kh_alloc_step_done). */
#define KH_STEP_COLLECT (8u << 20)

#ifndef KH_NO_GC
/* The stack below the caller, where the resolver's frames were: the
 * collector's own frames reuse it, and a stale pointer left there to the
 * tree's root would keep the whole tree. */
static __attribute__((noinline)) void wipe_stack_below(void)
{
	char area[64 << 10];
	explicit_bzero(area, sizeof area); /* a store the compiler may not drop */
}
#endif

void kh_alloc_phase_done(size_t size)
{
#ifndef KH_NO_GC
	if (size >= KH_DROP_COLLECT) {
		wipe_stack_below();
		GC_gcollect();
	}
#else
	(void)size;
#endif
}

void kh_alloc_step_done(size_t size)
{
#ifndef KH_NO_GC
	/* Each collection marks the whole model (at 100k tasks, 55 ms for
	 * 128 MB); one per three quarters of the source's length of garbage
	 * keeps the garbage inside the pages resolving touched (the tree's,
	 * freed): render's peak is then the resolver's (100k tasks: 180.4
	 * -> 174.2 MB with one per source's length, for 8 collections -> 10).
	 * That is a tenth to a quarter more time whatever the size (render,
	 * 10k tasks: 1,051M -> 1,321M instructions), for 25 MB at 3.4 MB of
	 * source but 250 MB at 35: only from KH_STEP_COLLECT. */
	if (size >= KH_STEP_COLLECT && GC_get_bytes_since_gc() >= size / 4 * 3)
		GC_gcollect();
#else
	(void)size;
#endif
}

void *kh_alloc_bump(size_t size)
{
	return bump(size, BUMP_TREE);
}

void *kh_alloc_bump_atomic(size_t size)
{
	return bump(size, BUMP_TEXT);
}

void *kh_alloc_kept(size_t size)
{
	return bump(size, BUMP_KEPT);
}

void *kh_realloc_sized(void *p, size_t old_size, size_t size)
{
#ifndef KH_NO_GC
	/* a block larger than a chunk's quarter is the collector's own */
	if (p && old_size <= BUMP_CHUNK / 4 && GC_base(p) != p) {
		void *q = kh_alloc(size);
		memcpy(q, p, old_size < size ? old_size : size);
		return q;
	}
#else
	(void)old_size;
#endif
	return kh_realloc(p, size);
}

kh_bump_mark kh_alloc_bump_mark(void)
{
	return (kh_bump_mark){ { bump_at[BUMP_TREE], bump_at[BUMP_TEXT] },
			       { bump_left[BUMP_TREE], bump_left[BUMP_TEXT] } };
}

void kh_alloc_bump_release(kh_bump_mark m)
{
#ifndef KH_NO_GC
	/* The same chunk still (what was cut since is after the mark in it):
	 * cut again from the mark, cleared as a new chunk is. */
	for (int k = 0; k < 2; k++)
		if (m.at[k] && bump_at[k] + bump_left[k] == m.at[k] + m.left[k] && bump_at[k] >= m.at[k]) {
			memset(m.at[k], 0, (size_t)(bump_at[k] - m.at[k]));
			bump_at[k] = m.at[k];
			bump_left[k] = m.left[k];
		}
#else
	(void)m;
#endif
}

void kh_alloc_bump_done(void)
{
	/* the model's chunks go on: they hold what outlives the parse */
	bump_at[BUMP_TREE] = bump_at[BUMP_TEXT] = NULL;
	bump_left[BUMP_TREE] = bump_left[BUMP_TEXT] = 0;
}

void kh_alloc_kept_begin(void)
{
	bump_at[BUMP_KEPT] = NULL;
	bump_left[BUMP_KEPT] = 0;
	memset(recycled, 0, sizeof recycled);
	nrecycled = 0;
}

void *kh_alloc_kept_chunk(size_t *size)
{
#ifdef KH_NO_GC
	*size = 0;
	return NULL; /* a block each, as bump's */
#else
	*size = BUMP_CHUNK;
	return kh_alloc(BUMP_CHUNK);
#endif
}

void kh_alloc_kept_recycle(void *chunk)
{
#ifndef KH_NO_GC
	if (nrecycled == sizeof recycled / sizeof recycled[0])
		return; /* the collector's, when nothing points into it */
	memset(chunk, 0, BUMP_CHUNK);
	recycled[nrecycled++] = chunk;
#else
	(void)chunk;
#endif
}

char *kh_strndup_bump(const char *s, size_t n)
{
	char *d = bump(n + 1, BUMP_TEXT);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

void *kh_alloc_atomic_unzeroed(size_t size)
{
	if (fault_hit())
		kh_oom(size);
#ifdef KH_NO_GC
	void *p = calloc(1, size ? size : 1); /* the sanitizer builds: cleared all the same */
#else
	void *p = NULL;
	if (size <= SIZE_MAX / 2)
		GC_MALLOC_ATOMIC_WORDS(p, words_for(size), free_atomic);
#endif
	if (!p)
		kh_oom(size);
	return p;
}

void *kh_alloc_atomic(size_t size)
{
	void *p = kh_alloc_atomic_unzeroed(size);
#ifndef KH_NO_GC
	memset(p, 0, size ? size : 1);
#endif
	return p;
}

void *kh_alloc_uncollectable(size_t size)
{
	if (fault_hit())
		kh_oom(size);
#ifdef KH_NO_GC
	void *p = (calloc)(1, size ? size : 1); /* freed by its owner, never listed */
#else
	void *p = GC_MALLOC_UNCOLLECTABLE(size ? size : 1);
#endif
	if (!p)
		kh_oom(size);
	return p;
}

void kh_free_uncollectable(void *p)
{
#ifdef KH_NO_GC
	free(p);
#else
	GC_FREE(p);
#endif
}

void *kh_realloc(void *old, size_t size)
{
#ifdef KH_NO_GC
	if (fault_hit())
		kh_oom(size);
	void *p = realloc(old, size ? size : 1);
#else
	/* A vector's first block, the most common call by far, from the free
	 * lists: GC_REALLOC takes the collector's lock and its slow path. */
	if (!old)
		return kh_alloc(size);
	if (fault_hit())
		kh_oom(size);
	void *p = GC_REALLOC(old, size ? size : 1);
#endif
	if (!p)
		kh_oom(size);
	return p;
}

void *kh_realloc_atomic(void *old, size_t size)
{
	if (!old)
		return kh_alloc_atomic(size);
	return kh_realloc(old, size);
}

char *kh_strndup(const char *s, size_t n)
{
	char *p = kh_alloc_atomic_unzeroed(n + 1); /* every byte written below */
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *kh_strdup(const char *s)
{
	return kh_strndup(s, strlen(s));
}

/* Formats once into a buffer on the stack, which holds most strings;
 * only a longer one is formatted again, into its own block. */
char *kh_vprintf(const char *fmt, va_list ap)
{
	if (kh_format_is_simple(fmt)) { /* measured, then written, without vfprintf */
		va_list ap2;
		va_copy(ap2, ap);
		size_t n = kh_format_simple(NULL, fmt, ap2);
		va_end(ap2);
		char *p = kh_alloc_atomic(n + 1);
		kh_format_simple(p, fmt, ap);
		return p;
	}
	char small[256];
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(small, sizeof small, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return kh_strdup("");
	char *p = kh_alloc_atomic((size_t)n + 1);
	if ((size_t)n < sizeof small)
		memcpy(p, small, (size_t)n + 1);
	else
		vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *kh_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = kh_vprintf(fmt, ap);
	va_end(ap);
	return p;
}

static void buf_reserve(kh_buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	if (b->drain && b->cap >= KH_BUF_DRAIN_AT && b->len) {
		b->drain(b->sink, b->data, b->len);
		b->len = 0;
		b->data[0] = '\0';
		if (extra + 1 <= b->cap)
			return;
	}
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1) {
		if (cap > SIZE_MAX / 2)
			kh_oom(SIZE_MAX);
		cap *= 2;
	}
	b->data = kh_realloc_atomic(b->data, cap);
	b->cap = cap;
}

void kh_buf_reserve(kh_buf *b, size_t extra)
{
	buf_reserve(b, extra);
}

void kh_buf_reserve_exact(kh_buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	if (extra > SIZE_MAX - b->len - 1)
		kh_oom(SIZE_MAX);
	b->cap = b->len + extra + 1;
	b->data = kh_realloc_atomic(b->data, b->cap);
}

void kh_buf_put(kh_buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void kh_buf_puts(kh_buf *b, const char *s)
{
	kh_buf_put(b, s, strlen(s));
}

void kh_buf_putc(kh_buf *b, char c)
{
	if (b->len + 2 > b->cap)
		buf_reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

/* Formats into the room the buffer has; only when it is too small is the
 * string formatted again, after the buffer grows. */
void kh_buf_printf(kh_buf *b, const char *fmt, ...)
{
	va_list ap;
	if (kh_format_is_simple(fmt)) {
		va_start(ap, fmt);
		size_t n = kh_format_simple(NULL, fmt, ap);
		va_end(ap);
		buf_reserve(b, n);
		va_start(ap, fmt);
		b->len += kh_format_simple(b->data + b->len, fmt, ap);
		va_end(ap);
		return;
	}
	buf_reserve(b, 63);
	va_start(ap, fmt);
	int n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->data[b->len] = '\0';
		return;
	}
	if ((size_t)n >= b->cap - b->len) {
		buf_reserve(b, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

const char *kh_buf_cstr(kh_buf *b)
{
	if (!b->data)
		return "";
	return b->data;
}

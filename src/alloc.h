/*
 * alloc.h - the one place memory comes from.
 * Normal builds use the Boehm collector; the sanitizer build (-DKH_NO_GC)
 * maps everything to plain calloc so ASan can see every allocation.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_ALLOC_H
#define KH_ALLOC_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

void kh_alloc_init(void);                 /* first call in main(); sets the OOM handler */
void *kh_alloc(size_t size);              /* zeroed memory that may hold pointers */
void *kh_alloc_atomic(size_t size);       /* zeroed memory that holds no pointers (text) */
/* The same, not cleared: for a block written whole before it is read (a
 * file read into it, a copied string, the scanner's text chunks; clearing
 * them was 2% of checking a folder of plans). */
void *kh_alloc_atomic_unzeroed(size_t size);
void *kh_realloc(void *p, size_t size);   /* grow a block from kh_alloc */
void *kh_realloc_atomic(void *p, size_t size);
char *kh_strndup(const char *s, size_t n);/* atomic copy, NUL-terminated */
char *kh_strdup(const char *s);
char *kh_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *kh_vprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
void kh_oom(size_t size);                 /* prints one line and exits 2 */
/* Small blocks of one lifetime cut from large ones (the tree's nodes and
 * token texts: one per token): no collector header or size class each,
 * and one allocation per 4 KiB chunk. 8-byte aligned. The sanitizer
 * build allocates each block on its own, so ASan still sees every one. */
void *kh_alloc_bump(size_t size);          /* may hold pointers; zeroed */
void *kh_alloc_bump_atomic(size_t size);   /* never holds pointers; not cleared:
                                              the caller writes it whole */
char *kh_strndup_bump(const char *s, size_t n);
/* A block of the plan's model, which lives as long as the model (a task,
 * its references, dates, items; a vector of known length): cut from
 * chunks of its own, without the collector's rounding and extra byte (a
 * 40-byte reference takes 40, not 48). Never given to kh_realloc: grow it
 * with kh_realloc_sized. Zeroed; 8-byte aligned. */
void *kh_alloc_kept(size_t size);
/* A new model is begun: its blocks come from new chunks. A chunk is
 * scanned whole, so one that held blocks of the model before would keep
 * that whole model alive as long as this one (the language server's
 * analyses, one after another). */
void kh_alloc_kept_begin(void);
/* A chunk the size of the model's, zeroed, for blocks that die while the
 * model is made (ast_pack.c's packed tasks), *SIZE its bytes; NULL in the
 * sanitizer builds (then allocate each block). Once nothing in it is of
 * use, kh_alloc_kept_recycle makes it one of the model's next chunks: the
 * bytes are used twice before any collection. */
void *kh_alloc_kept_chunk(size_t *size);
void kh_alloc_kept_recycle(void *chunk);
/* Grows P, of OLD_SIZE bytes, from kh_alloc or kh_alloc_kept (a kept
 * block is copied: it is not the collector's to move). */
void *kh_realloc_sized(void *p, size_t old_size, size_t size);
/* Where the chunks are being cut: blocks cut after a mark that nothing
 * kept are given back by releasing it (fmt reads a file's tokens one by
 * one and drops each), while the chunks are still the same. */
typedef struct kh_bump_mark {
	char *at[2];
	size_t left[2];
} kh_bump_mark;
kh_bump_mark kh_alloc_bump_mark(void);
void kh_alloc_bump_release(kh_bump_mark m);
/* The blocks cut so far are done with (a parse is over): later ones come
 * from new chunks. The chunk being cut from is reachable from the
 * allocator, and through the nodes cut from it the whole tree would be,
 * long after the tree is dropped. */
void kh_alloc_bump_done(void);
/* A file of SIZE bytes is about to be read into a tree: the heap grows
 * for it at once, instead of the collector running again and again on
 * the way (a short run's collections are mostly wasted). */
void kh_alloc_expect(size_t size);
/* A phase's working memory for SIZE bytes of source is garbage (the tree
 * once resolved, a checker's indexes once it is done): when the source is
 * a large one, collect now, so what comes next reuses that memory instead
 * of touching new pages (the heap is grown at once, kh_alloc_expect, and
 * would not be collected otherwise). */
void kh_alloc_phase_done(size_t size);
/* A step of a long output phase (an item of a streamed document) is
 * written and its memory garbage: for a source of 8 MB or more, collect once
 * three quarters of the source's length has been allocated since the last
 * collection, so the output's garbage reuses pages instead of touching new
 * ones (an output command's peak stays its resolution's). */
void kh_alloc_step_done(size_t size);
/* Memory the collector scans but never frees (bison's stack: YYMALLOC). */
void *kh_alloc_uncollectable(size_t size);
void kh_free_uncollectable(void *p);
#ifdef KH_ALLOC_TRACK
/* The ASan fuzz build: frees every block (between two inputs). */
void kh_alloc_release_all(void);
#endif

/* Overflow-checked array allocation: KH_NEW_N(T, n). */
static inline size_t kh_mul_size(size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		kh_oom(SIZE_MAX);
	return n * size;
}
#define KH_NEW(T) ((T *)kh_alloc(sizeof(T)))
#define KH_NEW_KEPT(T) ((T *)kh_alloc_kept(sizeof(T)))
#define KH_NEW_N(T, n) ((T *)kh_alloc(kh_mul_size((n), sizeof(T))))
#define KH_GROW_N(p, T, n) ((T *)kh_realloc((p), kh_mul_size((n), sizeof(T))))

/* A growable GC string for emitters (w3m's Str). With a DRAIN, a
 * result streamed: once the buffer has grown to KH_BUF_DRAIN_AT bytes,
 * what it holds is handed to DRAIN(SINK, ...) each time it fills, and
 * only the rest is left in it at the end (an emitter that only appends
 * can write a result of any size through 256 KiB). */
#define KH_BUF_DRAIN_AT (256u << 10)
typedef struct kh_buf {
	char *data;
	size_t len, cap;
	void (*drain)(void *sink, const char *data, size_t len);
	void *sink;
} kh_buf;

void kh_buf_put(kh_buf *b, const char *s, size_t n);
/* Room for EXTRA more bytes at once: a buffer that will hold about as
 * much as a whole file grows by doubling otherwise, every copy left
 * behind until a collection (twice the output in pages first touched). */
void kh_buf_reserve(kh_buf *b, size_t extra);
/* The same, and no more: the room rounded up to a power of two, as
 * kh_buf_reserve does, can be a large block for nothing (fmt's layout of
 * a 35 MB plan: 64 MB in one piece), or, made for each section's page,
 * a fifth of what rendering drops. For a buffer whose length is known. */
void kh_buf_reserve_exact(kh_buf *b, size_t extra);
void kh_buf_puts(kh_buf *b, const char *s);
void kh_buf_putc(kh_buf *b, char c);
void kh_buf_printf(kh_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *kh_buf_cstr(kh_buf *b);       /* always NUL-terminated, never NULL */

#endif

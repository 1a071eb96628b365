/*
 * ast_pack.c - a task's statements kept as bytes between the parse and
 * the resolution (ast_pack.h).
 *
 * A block: two 32-bit counts (pointers, bytes), the nodes' id and text
 * pointers in preorder (aligned, so the collector sees them), then each
 * node in preorder as bytes: its kind, a byte saying which fields follow,
 * then those fields as variable-length integers (zigzag for the signed:
 * a start is written as the distance from the previous node's start).
 * A list node's last child is not written: it is found again.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "ast_pack.h"

enum {
	HAS_ID = 1, HAS_TEXT = 2, HAS_KIDS = 4, HAS_NEXT = 8,
	HAS_NUMBERS = 16, HAS_FLAG = 32, HAS_FILE = 64
};

_Static_assert(KH_N__COUNT <= 256, "a node's kind is one byte in a packed task");

/* The packed tasks are cut from chunks of their own, each counting its
 * tasks not yet unpacked: once all are, and no more will be cut from it,
 * the chunk becomes one of the model's (kh_alloc_kept_recycle), so that
 * the model of a task reuses the bytes packed tasks took before it
 * (10 MB at 100k tasks, until now alive to the end of the resolution). */
typedef struct blob_chunk {
	uint32_t waiting;         /* its tasks not yet unpacked */
	bool sealed;              /* no more are cut from it */
} blob_chunk;

struct kh_packer {
	unsigned char *bytes;
	size_t nbytes, cap;
	const char **ptrs;
	size_t nptrs, pcap;
	int file;
	unsigned prev_start;
	blob_chunk *chunk;        /* the chunk being cut, from AT, LEFT bytes */
	unsigned char *at;
	size_t left;
};
typedef kh_packer packer;

kh_packer *kh_packer_new(void)
{
	return KH_NEW(kh_packer);
}

static void put_byte(packer *p, unsigned char b)
{
	if (p->nbytes == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 256;
		p->bytes = kh_realloc_atomic(p->bytes, p->cap);
	}
	p->bytes[p->nbytes++] = b;
}

static void put_uint(packer *p, uint64_t v)
{
	while (v >= 0x80) {
		put_byte(p, (unsigned char)(v | 0x80));
		v >>= 7;
	}
	put_byte(p, (unsigned char)v);
}

static void put_int(packer *p, int64_t v)
{
	put_uint(p, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
}

static void put_ptr(packer *p, const char *s)
{
	if (p->nptrs == p->pcap) {
		p->pcap = p->pcap ? p->pcap * 2 : 32;
		/* atomic: each pointer is also held by its node until the copy */
		p->ptrs = kh_realloc_atomic(p->ptrs, p->pcap * sizeof *p->ptrs);
	}
	p->ptrs[p->nptrs++] = s;
}

static void pack_node(packer *p, const kh_node *n)
{
	bool list = kh_node_is_list(n->kind);
	bool numbers = !list && (n->key || n->n[0] || n->n[1] || n->n[2]);
	unsigned has = (n->id ? HAS_ID : 0) | (n->text ? HAS_TEXT : 0) | (n->kids ? HAS_KIDS : 0) |
		       (n->next ? HAS_NEXT : 0) | (numbers ? HAS_NUMBERS : 0) |
		       (n->flag ? HAS_FLAG : 0) | (n->span.file != p->file ? HAS_FILE : 0);
	put_byte(p, (unsigned char)n->kind);
	put_byte(p, (unsigned char)has);
	if (has & HAS_FLAG)
		put_int(p, n->flag);
	if (has & HAS_FILE)
		put_int(p, n->span.file);
	put_int(p, (int64_t)n->span.start - p->prev_start);
	put_int(p, (int64_t)n->span.end - n->span.start);
	p->prev_start = n->span.start;
	if (numbers) {
		put_int(p, n->key);
		for (int i = 0; i < 3; i++)
			put_int(p, n->n[i]);
	}
	if (n->id)
		put_ptr(p, n->id);
	if (n->text)
		put_ptr(p, n->text);
}

/* Preorder, siblings by a loop: the depth is the statements' nesting. */
static void pack_list(packer *p, const kh_node *first)
{
	for (const kh_node *n = first; n; n = n->next) {
		pack_node(p, n);
		if (n->kids)
			pack_list(p, n->kids);
	}
}

typedef struct packed_head {
	uint32_t nptrs, nbytes;
	blob_chunk *chunk;        /* NULL: a block of its own */
} packed_head;

/* SIZE bytes for a packed task, from the chunk being cut (*IN) or, in
 * the sanitizer builds and for a task larger than a chunk, a block of its
 * own (*IN NULL). */
static unsigned char *blob_alloc(packer *p, size_t size, blob_chunk **in)
{
	size = (size + 7) & ~(size_t)7;
	if (p->left < size) {
		size_t cap;
		unsigned char *c = kh_alloc_kept_chunk(&cap);
		if (!c || size > cap - sizeof(blob_chunk)) {
			*in = NULL;
			return kh_alloc_bump(size);
		}
		if (p->chunk)
			p->chunk->sealed = true;
		p->chunk = (blob_chunk *)(void *)c;
		p->at = c + sizeof(blob_chunk);
		p->left = cap - sizeof(blob_chunk);
	}
	unsigned char *b = p->at;
	p->at += size;
	p->left -= size;
	p->chunk->waiting++;
	*in = p->chunk;
	return b;
}

void kh_packer_done(kh_packer *p)
{
	if (p && p->chunk)
		p->chunk->sealed = true;
}

/* Tasks, meetings and bodies: the statements a plan holds most of. */
static bool packable(kh_node_kind k)
{
	return k == KH_N_TASK || k == KH_N_MEETING || k == KH_N_BODY_DECL;
}

void kh_node_pack_kids(kh_node *task, kh_packer *p)
{
	if (!packable(task->kind) || !task->kids)
		return;
	p->nbytes = p->nptrs = 0;
	p->file = task->span.file;
	p->prev_start = task->span.start;
	pack_list(p, task->kids);
	if (p->nbytes > UINT32_MAX || p->nptrs > UINT32_MAX)
		return; /* left as it is: a task that large is not worth it */
	size_t head = sizeof(packed_head) + p->nptrs * sizeof(char *);
	blob_chunk *in;
	unsigned char *blob = blob_alloc(p, head + p->nbytes, &in);
	*(packed_head *)(void *)blob = (packed_head){ (uint32_t)p->nptrs, (uint32_t)p->nbytes, in };
	if (p->nptrs) /* none: a task of dates alone */
		memcpy(blob + sizeof(packed_head), p->ptrs, p->nptrs * sizeof(char *));
	memcpy(blob + head, p->bytes, p->nbytes);
	kh_node_spare_trees(task->kids);
	task->kids = NULL;
	task->last = (kh_node *)(void *)blob;
}

bool kh_node_is_packed(const kh_node *n)
{
	return packable(n->kind) && !n->kids && n->last;
}

typedef struct unpacker {
	const unsigned char *at, *end;
	const char *const *ptrs;
	size_t nptrs, next_ptr;
	int file;
	unsigned prev_start;
} unpacker;

static uint64_t get_uint(unpacker *u)
{
	uint64_t v = 0;
	for (int shift = 0; u->at < u->end && shift < 64; shift += 7) {
		unsigned char b = *u->at++;
		v |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80))
			break;
	}
	return v;
}

static int64_t get_int(unpacker *u)
{
	uint64_t v = get_uint(u);
	return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

static const char *get_ptr(unpacker *u)
{
	return u->next_ptr < u->nptrs ? u->ptrs[u->next_ptr++] : NULL;
}

/* One node and, through HAS_KIDS and HAS_NEXT, all that follows it. */
static kh_node *unpack_list(unpacker *u)
{
	kh_node *first = NULL, *prev = NULL;
	for (;;) {
		if (u->end - u->at < 2)
			return first;
		/* a spared node while the resolver gives them back, else a new one */
		kh_node *n = kh_node_new((kh_node_kind)u->at[0], (kh_span){ u->file, 0, 0 });
		unsigned has = u->at[1];
		u->at += 2;
		if (has & HAS_FLAG)
			n->flag = (short)get_int(u);
		if (has & HAS_FILE)
			n->span.file = (int)get_int(u);
		n->span.start = (unsigned)(u->prev_start + get_int(u));
		n->span.end = (unsigned)(n->span.start + get_int(u));
		u->prev_start = n->span.start;
		if (has & HAS_NUMBERS) {
			n->key = (int)get_int(u);
			for (int i = 0; i < 3; i++)
				n->n[i] = (int)get_int(u);
		}
		if (has & HAS_ID)
			n->id = get_ptr(u);
		if (has & HAS_TEXT)
			n->text = get_ptr(u);
		if (has & HAS_KIDS) {
			n->kids = unpack_list(u);
			if (kh_node_is_list(n->kind))
				for (kh_node *k = n->kids; k; k = k->next)
					n->last = k;
		}
		if (prev)
			prev->next = n;
		else
			first = n;
		prev = n;
		if (!(has & HAS_NEXT))
			return first;
	}
}

kh_node *kh_node_unpack_kids(kh_node *task)
{
	if (!kh_node_is_packed(task))
		return task->kids;
	const unsigned char *blob = (const unsigned char *)(const void *)task->last;
	packed_head h = *(const packed_head *)(const void *)blob;
	size_t head = sizeof(packed_head) + (size_t)h.nptrs * sizeof(char *);
	unpacker u = {
		.at = blob + head, .end = blob + head + h.nbytes,
		.ptrs = (const char *const *)(const void *)(blob + sizeof(packed_head)),
		.nptrs = h.nptrs, .file = task->span.file, .prev_start = task->span.start,
	};
	kh_node *kids = unpack_list(&u);
	/* Read once: the nodes hold what they need, and the bytes may go to
	 * the model when their chunk's last task is read. */
	task->last = NULL;
	if (h.chunk && --h.chunk->waiting == 0 && h.chunk->sealed)
		kh_alloc_kept_recycle(h.chunk);
	return kids;
}

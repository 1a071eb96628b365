/*
 * ast.c - constructors for the raw syntax tree.
 * Part of kehoach; see README.md for the licence.
 */
#include <limits.h>
#include <string.h>

#include "ast.h"
#include "alloc.h"

static const char *const kind_names[] = {
#define KH_X(name) #name,
	KH_NODE_KINDS(KH_X)
#undef KH_X
};

const char *kh_node_kind_name(kh_node_kind k)
{
	return (unsigned)k < KH_N__COUNT ? kind_names[k] : "?";
}

/* The parse's list of dead nodes (kh_node_spares_begin), or NULL. */
static kh_node **spares;

void kh_node_spares_begin(kh_node **list)
{
	spares = list;
}

void kh_node_spares_end(void)
{
	spares = NULL;
}

void kh_node_spare(kh_node *n)
{
	if (!spares || !n)
		return;
	memset(n, 0, sizeof *n); /* it holds on to nothing while it waits */
	n->next = *spares;
	*spares = n;
}

void kh_node_spare_trees(kh_node *first)
{
	while (first) {
		kh_node *next = first->next;
		kh_node_spare_trees(first->kids);
		kh_node_spare(first);
		first = next;
	}
}

kh_node *kh_node_new(kh_node_kind kind, kh_span span)
{
	kh_node *n;
	if (spares && *spares) {
		n = *spares;
		*spares = n->next;
		n->next = NULL;
	} else {
		n = kh_alloc_bump(sizeof *n); /* one per token: cut from large blocks */
	}
	n->kind = kind;
	n->span = span;
	return n;
}

kh_node *kh_node_add(kh_node *n, kh_node *child)
{
	if (!n || !child)
		return n;
	bool list = kh_node_is_list(n->kind);
	kh_node *last = list ? n->last : n->kids;
	if (!list)
		while (last && last->next)
			last = last->next;
	if (last)
		last->next = child;
	else
		n->kids = child;
	if (list) {
		while (child->next)
			child = child->next;
		n->last = child;
	}
	return n;
}

kh_node *kh_list_append(kh_node *list, kh_node *item)
{
	if (!list)
		return item;
	kh_node *p = list;
	while (p->next)
		p = p->next;
	p->next = item;
	return list;
}

kh_span kh_span_join(kh_span a, kh_span b)
{
	if (a.file < 0)
		return b;
	if (b.file < 0 || b.file != a.file)
		return a;
	kh_span r = a;
	if (b.start < r.start)
		r.start = b.start;
	if (b.end > r.end)
		r.end = b.end;
	return r;
}
/* There is a node per token: memory for a 100,000-task plan is mostly nodes. */
_Static_assert(sizeof(kh_node) <= 64, "kh_node stays small");
_Static_assert(KH_N__COUNT < (1 << 15), "a node's kind fits its 16 bits");

/* "a " "b" is "a b". The joined text grows in place, its length and room
 * kept in n[0] and n[1] (unused by strings otherwise), so thousands of
 * adjacent strings cost linear time, not the square. */
kh_node *kh_string_concat(kh_node *a, kh_node *b)
{
	size_t la = a->n[1] ? (size_t)a->n[0] : strlen(a->text), lb = strlen(b->text);
	if (la + lb + 1 > (size_t)a->n[1] || !a->n[1]) {
		size_t cap = 2 * (la + lb + 1) + 64;
		if (cap > INT_MAX)
			kh_oom(cap);
		char *t = a->n[1] ? kh_realloc_atomic((char *)a->text, cap) : kh_alloc_atomic(cap);
		if (!a->n[1])
			memcpy(t, a->text, la + 1);
		a->text = t;
		a->n[1] = (int)cap;
	}
	memcpy((char *)a->text + la, b->text, lb + 1);
	a->n[0] = (int)(la + lb);
	a->span = kh_span_join(a->span, b->span);
	return a;
}

/*
 * ast.c - constructors for the raw syntax tree.
 * Part of kehoach; see README.md for the licence.
 */
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

kh_node *kh_node_new(kh_node_kind kind, kh_span span)
{
	kh_node *n = KH_NEW(kh_node);
	n->kind = kind;
	n->span = span;
	return n;
}

kh_node *kh_node_add(kh_node *n, kh_node *child)
{
	if (!n || !child)
		return n;
	if (n->kids_tail)
		n->kids_tail->next = child;
	else
		n->kids = child;
	while (child->next)
		child = child->next;
	n->kids_tail = child;
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
_Static_assert(sizeof(kh_node) <= 80, "kh_node stays small");

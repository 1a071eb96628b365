/*
 * grammar_nodes.h - how the grammar's actions (grammar/kehoach.y) build
 * the raw tree: a node per statement, attribute and value, lists adopted
 * by their owner, and the nodes an action knows dead given back for the
 * next (kh_node_spare). Included by the parser alone, after its location
 * type (kh_loc) is defined; static functions, so no name leaves it.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_GRAMMAR_NODES_H
#define KH_GRAMMAR_NODES_H

#include "ast.h"

static inline kh_span SP(kh_loc l)
{
	kh_span s = { l.file, l.start, l.end };
	return s;
}

static inline kh_node *node(kh_node_kind kind, kh_loc l)
{
	return kh_node_new(kind, SP(l));
}

/* A keyword-led statement: ATTR with the keyword's token as its key. */
static inline kh_node *attr(int key, kh_loc l, kh_node *value)
{
	kh_node *n = node(KH_N_ATTR, l);
	n->key = key;
	return kh_node_add(n, value);
}

static inline kh_node *block(kh_loc l)
{
	return node(KH_N_BLOCK, l);
}

/* Moves the children of BLK (a BLOCK, or NULL) under N; the emptied
 * BLOCK is dead. */
static inline kh_node *adopt(kh_node *n, kh_node *blk)
{
	if (blk && blk->kids) {
		kh_node_add(n, blk->kids);
		blk->kids = NULL;
		if (kh_node_is_list(blk->kind))
			blk->last = NULL;
	}
	if (blk && blk->kind == KH_N_BLOCK)
		kh_node_spare(blk);
	return n;
}

static inline kh_node *named(kh_node_kind kind, kh_loc l, kh_node *id, kh_node *str)
{
	kh_node *n = node(kind, l);
	if (id)
		n->id = id->id;
	if (str)
		n->text = str->text;
	return n;
}

/* A statement's node that has taken the id's and the string's text: the
 * token nodes are dead (the most frequent statements: tasks, meetings,
 * paragraphs under a heading). */
static inline kh_node *named_spare(kh_node_kind kind, kh_loc l, kh_node *id, kh_node *str)
{
	kh_node *n = named(kind, l, id, str);
	kh_node_spare(id);
	kh_node_spare(str);
	return n;
}

/* A declaration's node, placed at its id (where messages point), having
 * taken the id's and the string's text: the token nodes are dead. */
static inline kh_node *declared(kh_node_kind kind, kh_loc l, kh_node *id, kh_node *str)
{
	kh_node *n = named(kind, l, id, str);
	n->span = id->span;
	kh_node_spare(id);
	kh_node_spare(str);
	return n;
}

static inline kh_node *date_node(kh_node_kind kind, kh_loc l, long a, long b, long c)
{
	kh_node *n = node(kind, l);
	n->n[0] = a;
	n->n[1] = b;
	n->n[2] = c;
	return n;
}

/* The first date of a from-to window without its year (KH_DATE_NO_YEAR)
 * or its month and year (KH_DATE_NO_MONTH): the window's end gives them. */
static inline kh_node *first_date(kh_node_kind kind, kh_loc l, long b, long c, int missing)
{
	kh_node *n = date_node(kind, l, 0, b, c);
	n->key = missing;
	return n;
}

static inline kh_node *when(kh_node_kind kind, kh_loc l, kh_node *what)
{
	return kh_node_add(node(kind, l), what);
}

/* The identifier token's node becomes the reference: no second node. */
static inline kh_node *ref_id(kh_node *id)
{
	id->kind = KH_N_REF_ID;
	return id;
}

#endif

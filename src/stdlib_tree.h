/*
 * stdlib_tree.h - the embedded stdlib's syntax trees, parsed when the
 * binary was built (tools/gen_stdlib_tree.c writes build/gen/stdlib_tree.c):
 * a run that reads a module with the embedded bytes takes its tree from
 * here instead of parsing it. One entry per kh_stdlib_embedded file, in
 * the same order. tests/unit/test_stdlib.c checks that each tree is the
 * one the parser gives for the file's bytes.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_STDLIB_TREE_H
#define KH_STDLIB_TREE_H

#include <stddef.h>

#include "ast.h"
#include "source.h"
#include "stdlib_embed.h"

typedef struct kh_stdlib_tree {
	const char *path;                /* as the embedded file's */
	kh_node *root;                   /* NULL: parsed at run time (the parser
	                                    reported something on it) */
	const uint32_t *line_starts;     /* the source's line table */
	size_t nlines;
	const unsigned char *continued;  /* the scanner's (kh_source), or NULL */
} kh_stdlib_tree;

extern const kh_stdlib_tree kh_stdlib_trees[];
extern const size_t kh_stdlib_ntrees;

/*
 * The source and tree of the embedded file F, registered as PATH, with
 * every span of the tree naming it; NULL when no tree was made for F. The
 * tree is shared by every run in the process and must not be written to
 * (its spans' file apart, which this sets).
 */
kh_source *kh_stdlib_tree_take(const kh_embedded_file *f, const char *path, kh_node **root);

/* Points every span of the siblings N.. and their children at FILE. */
void kh_tree_restamp(kh_node *n, int file);

#endif

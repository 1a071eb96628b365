/*
 * stdlib_tree_none.c - no stdlib trees (stdlib_tree.h), for
 * tools/gen_stdlib_tree.c, which makes them and so cannot link them.
 * Part of kehoach; see README.md for the licence.
 */
#include "stdlib_tree.h"

const kh_stdlib_tree kh_stdlib_trees[] = { { NULL, NULL, NULL, 0, NULL } };
const size_t kh_stdlib_ntrees = 0;

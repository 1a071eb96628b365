/*
 * stdlib_cache.h - each stdlib module read and parsed once per process.
 * A module's source and syntax tree are kept, keyed by its real path and
 * checked against the bytes read this time, from the second time it is
 * read (a process that resolves one plan keeps nothing); a run that imports it again
 * gets a copy of the source registered under a new id (the path the run
 * names it by) and the same tree with its spans moved to that id. Only a
 * module that loaded and parsed without a finding is kept, so a kept one
 * adds nothing to a run's diagnostics. The resolver reads the tree and
 * never writes it (tests/unit/test_stdlib.c checks that).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_STDLIB_CACHE_H
#define KH_STDLIB_CACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "source.h"

/* The module kept for REAL if it was read from exactly BYTES (LEN bytes):
 * its source registered anew as PATH, and in *ROOT its tree, its spans
 * naming that source. NULL when none is kept or the bytes differ; then
 * *KEEP says whether to keep what the caller parses (REAL was read before). */
kh_source *kh_stdlib_cache_get(const char *real, const char *bytes, size_t len, const char *path,
			       kh_node **root, bool *keep);

/* Keeps SRC and ROOT, read from BYTES (which must outlive the process or
 * be GC memory the cache may keep), for REAL. */
void kh_stdlib_cache_put(const char *real, const char *bytes, size_t len, kh_source *src,
			 kh_node *root);

/* How many modules are known (tests). */
size_t kh_stdlib_cache_size(void);
/* The tree kept at index I, and its source (tests); NULL past the end or
 * when not kept. */
kh_node *kh_stdlib_cache_tree(size_t i, const kh_source **src);

/* Drops every module kept (before kh_alloc_release_all, and tests). */
void kh_stdlib_cache_forget(void);

#endif

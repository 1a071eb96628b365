/*
 * stdlib_cache.c - each stdlib module read and parsed once per process
 * (stdlib_cache.h), the lookup in the table compiled in (stdlib_embed.h),
 * and the trees parsed when the binary was built (stdlib_tree.h).
 * Part of kehoach; see README.md for the licence.
 */
#include "stdlib_cache.h"

#include <string.h>

#include "alloc.h"
#include "stdlib_embed.h"
#include "stdlib_tree.h"

const kh_embedded_file *kh_stdlib_embedded_find(const char *rel)
{
	for (size_t i = 0; i < kh_stdlib_nembedded; i++)
		if (!strcmp(kh_stdlib_embedded[i].path, rel))
			return &kh_stdlib_embedded[i];
	return NULL;
}

typedef struct kept {
	const char *real;  /* the module's real path */
	const char *bytes; /* what was read, before NFC (compared with what is read next) */
	size_t len;
	kh_source *src;    /* as it was prepared (its id is the first run's) */
	kh_node *root;     /* NULL: seen once, not kept (a process that resolves
			    * one plan keeps nothing alive for the collector to mark) */
} kept;

static kept *cache; /* GC memory, reachable from here */
static size_t ncache, capcache;

/* The tree's text is the source's; only the id it is registered under
 * changes from run to run. */
void kh_tree_restamp(kh_node *n, int file)
{
	for (; n; n = n->next) {
		n->span.file = file;
		if (n->kids)
			kh_tree_restamp(n->kids, file);
	}
}

kh_source *kh_stdlib_tree_take(const kh_embedded_file *f, const char *path, kh_node **root)
{
	size_t i = (size_t)(f - kh_stdlib_embedded);
	if (i >= kh_stdlib_ntrees || !kh_stdlib_trees[i].root || strcmp(kh_stdlib_trees[i].path, f->path))
		return NULL;
	const kh_stdlib_tree *t = &kh_stdlib_trees[i];
	/* The embedded bytes are the text (NFC, checked when embedded); the
	 * parser, which needs a second NUL after them, never reads them. */
	kh_source tmpl = { .path = path, .text = f->bytes, .len = f->len, .cap = f->len + 1,
			   .line_starts = (uint32_t *)t->line_starts, .nlines = t->nlines,
			   .continued = (unsigned char *)t->continued };
	kh_source *src = kh_source_register_copy(&tmpl, path);
	kh_tree_restamp(t->root, src->id);
	*root = t->root;
	return src;
}

static kept *find(const char *real)
{
	for (size_t i = 0; i < ncache; i++)
		if (!strcmp(cache[i].real, real))
			return &cache[i];
	return NULL;
}

static kept *add(const char *real)
{
	if (ncache == capcache) {
		capcache = capcache ? capcache * 2 : 16;
		cache = KH_GROW_N(cache, kept, capcache);
	}
	kept *k = &cache[ncache++];
	*k = (kept){ .real = kh_strdup(real) };
	return k;
}

kh_source *kh_stdlib_cache_get(const char *real, const char *bytes, size_t len, const char *path,
			       kh_node **root, bool *keep)
{
	kept *k = find(real);
	*keep = k != NULL;
	if (!k)
		add(real);
	if (!k || !k->root || k->len != len || (k->bytes != bytes && memcmp(k->bytes, bytes, len)))
		return NULL;
	kh_source *src = kh_source_register_copy(k->src, path);
	kh_tree_restamp(k->root, src->id);
	*root = k->root;
	return src;
}

void kh_stdlib_cache_put(const char *real, const char *bytes, size_t len, kh_source *src,
			 kh_node *root)
{
	kept *k = find(real);
	if (!k)
		k = add(real);
	k->bytes = bytes;
	k->len = len;
	k->src = src;
	k->root = root;
}

size_t kh_stdlib_cache_size(void)
{
	return ncache;
}

kh_node *kh_stdlib_cache_tree(size_t i, const kh_source **src)
{
	if (i >= ncache || !cache[i].root)
		return NULL;
	if (src)
		*src = cache[i].src;
	return cache[i].root;
}

void kh_stdlib_cache_forget(void)
{
	cache = NULL;
	ncache = capcache = 0;
}

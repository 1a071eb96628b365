/*
 * strmap.h - a string-keyed map to small integers (open addressing, GC
 * memory), for the prose scanners: body names by word, document numbers
 * by key. The first value put under a key stays.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_STRMAP_H
#define KH_STRMAP_H

#include <stddef.h>

typedef struct kh_strmap {
	const char **keys;
	int *vals;
	size_t cap, n;
} kh_strmap;

/* FNV-1a of S. */
unsigned long kh_str_hash(const char *s);
/* The value under K, or -1. */
int kh_strmap_get(const kh_strmap *m, const char *k);
/* Puts V under K unless K is there already (the first one wins). K is kept, not copied. */
void kh_strmap_put(kh_strmap *m, const char *k, int v);
/* Empties M, keeping its room for the next keys. */
void kh_strmap_clear(kh_strmap *m);

#endif

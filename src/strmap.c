/*
 * strmap.c - the string map of strmap.h.
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>

#include "alloc.h"
#include "strmap.h"

unsigned long kh_str_hash(const char *s)
{
	unsigned long h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

int kh_strmap_get(const kh_strmap *m, const char *k)
{
	if (!m->cap)
		return -1;
	for (size_t i = kh_str_hash(k) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (!m->keys[i])
			return -1;
		if (!strcmp(m->keys[i], k))
			return m->vals[i];
	}
}

void kh_strmap_clear(kh_strmap *m)
{
	if (m->cap)
		memset(m->keys, 0, m->cap * sizeof *m->keys);
	m->n = 0;
}

void kh_strmap_put(kh_strmap *m, const char *k, int v)
{
	if ((m->n + 1) * 2 > m->cap) {
		kh_strmap bigger = { 0 };
		bigger.cap = m->cap ? m->cap * 2 : 8; /* most maps hold a few words */
		bigger.keys = KH_NEW_N(const char *, bigger.cap);
		bigger.vals = KH_NEW_N(int, bigger.cap);
		for (size_t i = 0; i < m->cap; i++)
			if (m->keys[i])
				kh_strmap_put(&bigger, m->keys[i], m->vals[i]);
		*m = bigger;
	}
	size_t i = kh_str_hash(k) & (m->cap - 1);
	while (m->keys[i]) {
		if (!strcmp(m->keys[i], k))
			return;
		i = (i + 1) & (m->cap - 1);
	}
	m->keys[i] = k;
	m->vals[i] = v;
	m->n++;
}

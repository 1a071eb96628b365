/*
 * map.c - small hash maps (map.h): open addressing, doubling at half full.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "map.h"

static size_t hash_ptr(const void *p)
{
	uint64_t x = (uint64_t)(uintptr_t)p;
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (size_t)x;
}

static size_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (size_t)h;
}

static bool key_eq(const kh_map *m, const void *a, const void *b)
{
	return m->strings ? !strcmp(a, b) : a == b;
}

/* M's table made CAP slots (a power of two), its entries put again. */
static void rehash(kh_map *m, size_t cap)
{
	kh_map old = *m;
	m->cap = cap;
	m->keys = KH_NEW_N(const void *, m->cap);
	m->vals = KH_NEW_N(void *, m->cap);
	m->n = 0;
	for (size_t i = 0; i < old.cap; i++)
		if (old.keys[i])
			*kh_map_slot(m, old.keys[i], true) = old.vals[i];
}

void kh_map_reserve(kh_map *m, size_t n)
{
	size_t cap = m->cap ? m->cap : 16;
	while (2 * n > cap)
		cap *= 2;
	if (cap > m->cap)
		rehash(m, cap);
}

void **kh_map_slot(kh_map *m, const void *key, bool insert)
{
	if (insert && 2 * (m->n + 1) > m->cap)
		rehash(m, m->cap ? m->cap * 2 : 16);
	if (!m->cap)
		return NULL;
	size_t i = (m->strings ? hash_str(key) : hash_ptr(key)) & (m->cap - 1);
	while (m->keys[i]) {
		if (key_eq(m, m->keys[i], key))
			return &m->vals[i];
		i = (i + 1) & (m->cap - 1);
	}
	if (!insert)
		return NULL;
	m->keys[i] = key;
	m->n++;
	return &m->vals[i];
}

void *kh_map_get(const kh_map *m, const void *key)
{
	void **v = kh_map_slot((kh_map *)m, key, false);
	return v ? *v : NULL;
}

/* The vector stored under KEY, created on first use. */
kh_vec *kh_map_vec(kh_map *m, const void *key)
{
	void **v = kh_map_slot(m, key, true);
	if (!*v)
		*v = KH_NEW(kh_vec);
	return *v;
}

/*
 * map.h - small hash maps in collected memory: pointer keys, or string
 * keys when STRINGS. The checkers' tables of tasks and bodies, and the
 * prose rules' names by body.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_MAP_H
#define KH_MAP_H

#include <stdbool.h>
#include <stddef.h>

#include "plan.h"

typedef struct kh_map {
	const void **keys;        /* pointer, or const char* for string maps */
	void **vals;
	size_t cap, n;
	bool strings;
} kh_map;

/* The value slot under KEY (made, NULL, when INSERT), or NULL. */
void **kh_map_slot(kh_map *m, const void *key, bool insert);
void *kh_map_get(const kh_map *m, const void *key);
/* Room for N entries at once: a large table grown by doubling leaves its
 * smaller tables behind, as much again, until a collection. */
void kh_map_reserve(kh_map *m, size_t n);
/* The vector stored under KEY, created on first use. */
kh_vec *kh_map_vec(kh_map *m, const void *key);

#endif

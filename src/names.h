/*
 * names.h - the one scope of a program: a hash table from name keys
 * (kh_name_key) to declarations, with did-you-mean suggestions.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_NAMES_H
#define KH_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "source.h"

typedef enum kh_sym_kind {
	KH_SYM_LEVEL = 1, KH_SYM_BODY = 2, KH_SYM_DOCUMENT = 4, KH_SYM_EVENT = 8,
	KH_SYM_TASK = 16, KH_SYM_MEETING = 32, KH_SYM_AWARD = 64, KH_SYM_OUTLINE = 128
} kh_sym_kind;

/* 40 bytes, the collector's 48 with its extra byte: one per name. */
typedef struct kh_symbol {
	const char *key, *id;     /* id as first declared */
	void *decl;
	kh_span span;
	kh_sym_kind kind : 8;
	bool used;
} kh_symbol;

typedef struct kh_scope {
	kh_symbol **slots;
	uint32_t *hashes;         /* each slot's key's hash, its low 32 bits (the
	                             slot is those bits modulo the table's size) */
	size_t cap, count;
	kh_symbol **all;          /* declaration order, for suggestions */
	size_t nall, allcap;
	uint64_t *letters;        /* each of all's ids' letters (names.c), made
	                             when a suggestion is first asked for */
	size_t nletters;
} kh_scope;

/* Adds ID; returns NULL on success or the earlier symbol of that name. */
kh_symbol *kh_scope_add(kh_scope *s, const char *id, kh_sym_kind kind, void *decl, kh_span span);
kh_symbol *kh_scope_find(const kh_scope *s, const char *id);
/* Room for N more names, made at once: the tables a hundred thousand
 * names grow to by doubling are garbage nobody collects while a plan is
 * resolved (4 MB at 100k tasks). */
void kh_scope_reserve(kh_scope *s, size_t n);
/* The closest declared name among KINDS (a mask), or NULL if none is close. */
const char *kh_scope_suggest(kh_scope *s, const char *id, unsigned kinds);
/* The kind with its article, translated, for messages: "a body", "an event". */
const char *kh_sym_kind_phrase(kh_sym_kind k);
/* The same as a bare noun: "body", "event". */
const char *kh_sym_kind_name(kh_sym_kind k);

/* The canonical key of a name: NFC with the old tone placement ("uỷ",
 * "hoà") moved to the new one ("ủy", "hòa"), so both spellings match. */
const char *kh_name_key(const char *name);

/* Edit distance in code points, capped at LIMIT+1 (for did-you-mean):
 * insertions, deletions and substitutions, and when SWAPS a swap of two
 * neighbours as one edit (the optimal string alignment distance, for
 * document numbers and names mistyped by hand: "ĐU" for "UĐ"). */
size_t kh_edit_distance(const char *a, const char *b, size_t limit, bool swaps);

/* S case-folded (Unicode) and keyed like names ("Phó Bí thư" and "PHÓ BÍ THƯ"
 * fold the same; "uỷ" and "ủy" too): for comparing words of prose. */
const char *kh_text_fold(const char *s);

/* The id among IDS nearest WANT (edit distance under 4), or NULL: for an
 * option's did-you-mean (--for, --form). */
const char *kh_closest_id(const char *want, const char *const *ids, size_t n);

#endif

/*
 * names.c - name keys (NFC + one tone placement), edit distance, and the
 * program's scope as an open-addressing hash table, so resolution stays
 * linear however many names a plan declares.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "alloc.h"
#include "i18n.h"
#include "names.h"

/* The tone marks Vietnamese puts on a vowel: grave, acute, tilde, hook, dot below. */
/* The tone (0 grave, 1 acute, 2 hook, 3 tilde, 4 dot below) of a plain
 * a, e or y carrying one, with that letter (its case kept) in *BASE; -1
 * for any other code point. */
static int toned_vowel(int32_t c, int32_t *base)
{
	static const struct { int32_t base; int32_t toned[5]; } v[] = {
		{ 'a', { 0xE0, 0xE1, 0x1EA3, 0xE3, 0x1EA1 } }, { 'A', { 0xC0, 0xC1, 0x1EA2, 0xC3, 0x1EA0 } },
		{ 'e', { 0xE8, 0xE9, 0x1EBB, 0x1EBD, 0x1EB9 } }, { 'E', { 0xC8, 0xC9, 0x1EBA, 0x1EBC, 0x1EB8 } },
		{ 'y', { 0x1EF3, 0xFD, 0x1EF7, 0x1EF9, 0x1EF5 } }, { 'Y', { 0x1EF2, 0xDD, 0x1EF6, 0x1EF8, 0x1EF4 } },
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		for (int t = 0; t < 5; t++)
			if (v[i].toned[t] == c) {
				*base = v[i].base;
				return t;
			}
	return -1;
}

/* O or U (either case) with tone T. */
static int32_t toned_first(int32_t c, int t)
{
	static const int32_t o[5] = { 0xF2, 0xF3, 0x1ECF, 0xF5, 0x1ECD }, O[5] = { 0xD2, 0xD3, 0x1ECE, 0xD5, 0x1ECC },
			     u[5] = { 0xF9, 0xFA, 0x1EE7, 0x169, 0x1EE5 }, U[5] = { 0xD9, 0xDA, 0x1EE6, 0x168, 0x1EE4 };
	return (c == 'o' ? o : c == 'O' ? O : c == 'u' ? u : U)[t];
}

static size_t put_cp(char *out, int32_t c)
{
	utf8proc_uint8_t enc[4];
	utf8proc_ssize_t k = utf8proc_encode_char(c, enc);
	memcpy(out, enc, (size_t)k);
	return (size_t)k;
}

/*
 * Old orthography puts the tone on the second vowel of "oa", "oe", "uy"
 * (hoà, khoẻ, uỷ); the new one on the first (hòa, khỏe, ủy). The key moves
 * such a tone to the first vowel, so both spellings give one key. Bytes
 * are read as they are: only an o or u before a toned a, e or y is
 * decoded, and a copy made only when something moves.
 */
/* The key of NAME into OUT: NAME itself (a copy of our own, changed in
 * place), or NULL for a copy made at the first tone moved. */
static const char *name_key_into(const char *name, char *out)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t o = 0, copied = 0;
	for (size_t i = 0; s[i]; i++) {
		/* to the next o or u at once: names and prose are scanned whole */
		const char *ou = strpbrk(name + i, "oOuU");
		if (!ou)
			break;
		i = (size_t)(ou - name);
		int lower = s[i] | 0x20;
		if (s[i + 1] < 0xC0)
			continue;
		int32_t next;
		utf8proc_ssize_t k = utf8proc_iterate(s + i + 1, 4, &next);
		int32_t base;
		int t = k > 0 ? toned_vowel(next, &base) : -1;
		if (t < 0 || (lower == 'o' ? (base | 0x20) != 'a' && (base | 0x20) != 'e' : (base | 0x20) != 'y'))
			continue;
		if (!out) /* a tone moved never lengthens the text: ò is no longer than à */
			out = kh_alloc_atomic(strlen(name) + 1);
		memmove(out + o, name + copied, i - copied);
		o += i - copied;
		o += put_cp(out + o, toned_first(s[i], t));
		out[o++] = (char)base;
		copied = i + 1 + (size_t)k;
		i = copied - 1;
	}
	if (!out)
		return name;
	size_t rest = strlen(name + copied);
	memmove(out + o, name + copied, rest + 1);
	return out;
}

const char *kh_name_key(const char *name)
{
	return name_key_into(name, NULL);
}

static size_t decode_all(const char *s, utf8proc_int32_t *out, size_t max)
{
	size_t n = 0;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(s);
	while (left > 0 && n < max) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = utf8proc_iterate(p, left, &c);
		if (k <= 0)
			break;
		out[n++] = c;
		p += k;
		left -= k;
	}
	return n;
}

size_t kh_edit_distance(const char *a, const char *b, size_t limit, bool swaps)
{
	enum { MAXLEN = 64 };
	utf8proc_int32_t x[MAXLEN], y[MAXLEN];
	size_t n = decode_all(a, x, MAXLEN), m = decode_all(b, y, MAXLEN);
	if ((n > m ? n - m : m - n) > limit)
		return limit + 1;
	/* three rows: a swap reads the one before the last */
	size_t rows[3][MAXLEN + 1], *before = rows[0], *prev = rows[1], *row = rows[2];
	for (size_t j = 0; j <= m; j++)
		prev[j] = j;
	for (size_t i = 1; i <= n; i++) {
		size_t best = row[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t v = prev[j - 1] + (x[i - 1] != y[j - 1]);
			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			if (swaps && i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] &&
			    before[j - 2] + 1 < v)
				v = before[j - 2] + 1;
			row[j] = v;
			if (v < best)
				best = v;
		}
		/* no later row goes below this one's least, less one swap's
		 * worth that a substitution would match: done */
		if (best > limit)
			return limit + 1;
		size_t *t = before;
		before = prev;
		prev = row;
		row = t;
	}
	return prev[m] > limit ? limit + 1 : prev[m];
}

static size_t hash_key(const char *s)
{
	size_t h = 1469598103934665603u; /* FNV-1a 64 */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static void grow_to(kh_scope *s, size_t cap)
{
	kh_symbol **slots = KH_NEW_N(kh_symbol *, cap);
	uint32_t *hashes = kh_alloc_atomic(kh_mul_size(cap, sizeof *hashes));
	for (size_t i = 0; i < s->cap; i++) {
		kh_symbol *sym = s->slots[i];
		if (!sym)
			continue;
		size_t h = s->hashes[i] & (cap - 1);
		while (slots[h])
			h = (h + 1) & (cap - 1);
		slots[h] = sym;
		hashes[h] = s->hashes[i];
	}
	s->slots = slots;
	s->hashes = hashes;
	s->cap = cap;
}

static void grow(kh_scope *s)
{
	grow_to(s, s->cap ? s->cap * 2 : 256);
}

void kh_scope_reserve(kh_scope *s, size_t n)
{
	size_t cap = s->cap ? s->cap : 256;
	while (cap < 2 * (s->count + n))
		cap *= 2;
	if (cap > s->cap)
		grow_to(s, cap);
	if (s->nall + n > s->allcap) {
		s->allcap = s->nall + n;
		s->all = KH_GROW_N(s->all, kh_symbol *, s->allcap);
	}
}

/* The slot holding KEY (whose hash is HASH), or the empty one where it
 * would go. The hashes sit beside the slots: a probe past another name
 * reads no symbol and no key (a plan's hundred thousand names are far
 * apart in memory). */
static size_t probe(const kh_scope *s, const char *key, uint32_t hash)
{
	size_t h = hash & (s->cap - 1);
	while (s->slots[h] && !(s->hashes[h] == hash && !strcmp(s->slots[h]->key, key)))
		h = (h + 1) & (s->cap - 1);
	return h;
}

kh_symbol *kh_scope_find(const kh_scope *s, const char *id)
{
	if (!s->cap)
		return NULL;
	const char *key = kh_name_key(id);
	return s->slots[probe(s, key, (uint32_t)hash_key(key))];
}

kh_symbol *kh_scope_add(kh_scope *s, const char *id, kh_sym_kind kind, void *decl, kh_span span)
{
	const char *key = kh_name_key(id);
	uint32_t hash = (uint32_t)hash_key(key);
	kh_symbol *old = s->cap ? s->slots[probe(s, key, hash)] : NULL;
	if (old)
		return old;
	if ((s->count + 1) * 2 > s->cap)
		grow(s);
	kh_symbol *sym = KH_NEW_KEPT(kh_symbol);
	sym->key = key;
	sym->id = id;
	sym->kind = kind;
	sym->decl = decl;
	sym->span = span;
	size_t h = probe(s, key, hash);
	s->slots[h] = sym;
	s->hashes[h] = hash;
	s->count++;
	if (s->nall == s->allcap) {
		s->allcap = s->allcap ? s->allcap * 2 : 256;
		s->all = KH_GROW_N(s->all, kh_symbol *, s->allcap);
	}
	s->all[s->nall++] = sym;
	return NULL;
}

/* The code points of S (its first 64, as kh_edit_distance reads it), one
 * bit each among 64: an edit adds or removes at most one code point and
 * so flips at most two bits, and two ids whose bits differ in more than
 * twice the limit are further apart than it. */
static uint64_t letters_of(const char *s)
{
	utf8proc_int32_t cps[64];
	size_t n = decode_all(s, cps, 64);
	uint64_t bits = 0;
	for (size_t i = 0; i < n; i++)
		bits |= (uint64_t)1 << (((uint32_t)cps[i] * 2654435761u) >> 26);
	return bits;
}

/* Suggestions look at every name: fine on the error path, which is rare.
 * A name whose letters rule it out (letters_of, kept for every name the
 * first time a suggestion is asked) costs a few instructions, not a
 * distance: a flood of typos in a plan of many names stays cheap, and
 * the limit still keeps it from going quadratic. */
const char *kh_scope_suggest(kh_scope *s, const char *id, unsigned kinds)
{
	static size_t budget = 20u * 1000u * 1000u;
	size_t len = strlen(id);
	size_t limit = len <= 3 ? 1 : len <= 8 ? 2 : 3;
	const char *best = NULL;
	size_t best_d = limit + 1;
	if (s->nletters < s->nall) {
		s->letters = kh_realloc_atomic(s->letters, kh_mul_size(s->allcap, sizeof *s->letters));
		for (; s->nletters < s->nall; s->nletters++)
			s->letters[s->nletters] = letters_of(s->all[s->nletters]->id);
	}
	uint64_t want = letters_of(id);
	for (size_t i = 0; i < s->nall && budget > 0; i++, budget--) {
		kh_symbol *sym = s->all[i];
		if (!(sym->kind & kinds) || (size_t)__builtin_popcountll(want ^ s->letters[i]) > 2 * limit)
			continue;
		size_t d = kh_edit_distance(id, sym->id, limit, false);
		if (d < best_d) {
			best_d = d;
			best = sym->id;
		}
	}
	return best;
}

/* Each kind of name as a bare noun (hover texts) and with its article
 * (messages), stored untranslated and translated when asked for. */
static const struct sym_words {
	kh_sym_kind kind;
	const char *noun, *phrase;
} sym_words[] = {
	{ KH_SYM_LEVEL, N_("level"), N_("a level") },
	{ KH_SYM_BODY, N_("body"), N_("a body") },
	{ KH_SYM_DOCUMENT, N_("document"), N_("a document") },
	{ KH_SYM_EVENT, N_("event"), N_("an event") },
	{ KH_SYM_TASK, N_("task"), N_("a task") },
	{ KH_SYM_MEETING, N_("meeting"), N_("a meeting") },
	{ KH_SYM_AWARD, N_("award form"), N_("an award form") },
	{ KH_SYM_OUTLINE, N_("outline"), N_("an outline") },
	{ 0, N_("name"), N_("a name") }, /* last: anything else */
};

static const struct sym_words *sym_words_of(kh_sym_kind k)
{
	const struct sym_words *w = sym_words;
	while (w->kind && w->kind != k)
		w++;
	return w;
}

const char *kh_sym_kind_name(kh_sym_kind k)
{
	return _(sym_words_of(k)->noun);
}

const char *kh_sym_kind_phrase(kh_sym_kind k)
{
	return _(sym_words_of(k)->phrase);
}

/* The case folding of code point C when it is one a Vietnamese text is
 * made of and folds to one code point of the same length: ASCII, Latin-1
 * letters, the Vietnamese letters of Latin Extended-A/B and Latin
 * Extended Additional, general punctuation. -1 for the rest (ß, İ,
 * combining marks …), which go through utf8proc. */
static int32_t simple_fold(int32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 0x20;
	if ((c >= 0xDF + 1 && c <= 0xFF) || (c >= 0xA0 && c <= 0xBF && c != 0xB5) || c == 0xD7)
		return c;
	switch (c) {
	case 0x102: case 0x110: case 0x128: case 0x168: case 0x1A0: case 0x1AF:
		return c + 1;
	case 0x103: case 0x111: case 0x129: case 0x169: case 0x1A1: case 0x1B0:
		return c;
	}
	if (c >= 0x1EA0 && c <= 0x1EF9)
		return c & 1 ? c : c + 1;
	if (c >= 0x2010 && c <= 0x205E)
		return c;
	return -1;
}

/* Folds S into OUT (strlen(S) + 1 bytes) when every code point folds
 * simply; false otherwise. UTF-8 lengths are kept, so OUT never grows. */
static bool fold_simply(const char *s, char *out)
{
	const unsigned char *p = (const unsigned char *)s;
	char *o = out;
	while (*p) {
		int32_t c;
		int n;
		if (*p < 0x80) { /* most of a Vietnamese text too */
			*o++ = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
			p++;
			continue;
		}
		if ((*p & 0xE0) == 0xC0 && (p[1] & 0xC0) == 0x80) {
			c = ((*p & 0x1F) << 6) | (p[1] & 0x3F), n = 2;
		} else if ((*p & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
			c = ((*p & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F), n = 3;
		} else {
			return false;
		}
		int32_t f = simple_fold(c);
		if (f < 0 || (n == 2 && c < 0x80) || (n == 3 && c < 0x800))
			return false; /* not simple, or an overlong form */
		if (n == 2) {
			*o++ = (char)(0xC0 | (f >> 6));
			*o++ = (char)(0x80 | (f & 0x3F));
		} else {
			*o++ = (char)(0xE0 | (f >> 12));
			*o++ = (char)(0x80 | ((f >> 6) & 0x3F));
			*o++ = (char)(0x80 | (f & 0x3F));
		}
		p += n;
	}
	*o = '\0';
	return true;
}

const char *kh_text_fold(const char *s)
{
	char *quick = kh_alloc_atomic(strlen(s) + 1);
	if (fold_simply(s, quick)) /* NFC already: no mark stands alone */
		return name_key_into(quick, quick); /* its own copy: a page's text is not copied twice */
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
					  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
						  UTF8PROC_CASEFOLD);
	if (n < 0)
		return kh_name_key(s);
	char *copy = kh_strndup((const char *)out, (size_t)n);
	free(out);
	return name_key_into(copy, copy);
}

const char *kh_closest_id(const char *want, const char *const *ids, size_t n)
{
	const char *key = kh_name_key(want), *best = NULL;
	size_t best_d = 4;
	for (size_t i = 0; i < n; i++) {
		size_t dist = kh_edit_distance(key, kh_name_key(ids[i]), best_d, false);
		if (dist < best_d) {
			best_d = dist;
			best = ids[i];
		}
	}
	return best;
}

/*
 * cite_text.c - the text helpers of the citation rules: code points, the
 * words of a string with their punctuation, the one string map.
 * Part of kehoach; see README.md for the licence.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "citations_int.h"
#include "names.h"

/* ------------------------------------------------------------------ */
/* Code points                                                        */

int32_t ct_cp_at(const char *s, size_t len, size_t i, size_t *n)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &c);
	if (k <= 0) {
		*n = 1;
		return -1;
	}
	*n = (size_t)k;
	return c;
}

/* The code point that ends just before byte I (I > 0). */
int32_t ct_cp_before(const char *s, size_t i)
{
	size_t j = i - 1;
	while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80 && i - j < 4)
		j--;
	size_t n;
	return ct_cp_at(s, i, j, &n);
}

/* A letter, a combining mark, a digit or '_'. */
bool ct_is_word_cp(int32_t c)
{
	if (c < 0)
		return false;
	if (c < 128)
		return isalnum(c) || c == '_';
	utf8proc_category_t k = utf8proc_category(c);
	return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_ND;
}

bool ct_is_upper_cp(int32_t c)
{
	if (c < 0)
		return false;
	utf8proc_category_t k = utf8proc_category(c);
	return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

bool ct_has_lower(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		size_t n;
		int32_t c = ct_cp_at(s, len, i, &n);
		if (c >= 0 && utf8proc_category(c) == UTF8PROC_CATEGORY_LL)
			return true;
		i += n;
	}
	return false;
}

/* memmem, which C17 and POSIX lack. */
const char *ct_find_bytes(const char *hay, size_t n, const char *needle, size_t m)
{
	if (m == 0 || m > n)
		return NULL;
	for (const char *p = hay, *end = hay + n - m; p <= end; p++) {
		p = memchr(p, needle[0], (size_t)(end - p) + 1);
		if (!p)
			return NULL;
		if (!memcmp(p, needle, m))
			return p;
	}
	return NULL;
}

const char *ct_fold_n(const char *s, size_t n)
{
	return kh_text_fold(kh_strndup(s, n));
}

/* ------------------------------------------------------------------ */
/* Words                                                              */



/* Bytes of an opening (OPEN) or closing punctuation mark at T[I], 0 if none. */
size_t ct_punct_at(const char *t, size_t len, size_t i, bool open)
{
	static const char *const opens[] = { "(", "[", "\"", "'", "\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB", "*" };
	static const char *const closes[] = { ",", ".", ";", ":", "!", "?", ")", "]", "\"", "'",
					      "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB", "\xE2\x80\xA6", "*" };
	const char *const *set = open ? opens : closes;
	size_t n = open ? sizeof opens / sizeof *opens : sizeof closes / sizeof *closes;
	for (size_t k = 0; k < n; k++) {
		size_t l = strlen(set[k]);
		if (i + l <= len && !memcmp(t + i, set[k], l))
			return l;
	}
	return 0;
}

/* The length of the closing mark that ends T[0, I), 0 if none. */
static size_t punct_before(const char *t, size_t i)
{
	for (size_t l = 1; l <= 3 && l <= i; l++)
		if (ct_punct_at(t, i, i - l, false) == l)
			return l;
	return 0;
}

kh_vec ct_split_words(const char *t, size_t len)
{
	kh_vec out = { 0 };
	size_t i = 0;
	while (i < len) {
		while (i < len && isspace((unsigned char)t[i]))
			i++;
		if (i >= len)
			break;
		size_t ws = i;
		while (i < len && !isspace((unsigned char)t[i]))
			i++;
		word *w = KH_NEW(word);
		w->s = ws;
		w->e = i;
		size_t k;
		while (w->s < w->e && (k = ct_punct_at(t, w->e, w->s, true))) {
			w->s += k;
			w->lead = true;
		}
		while (w->e > w->s && (k = punct_before(t, w->e)) && w->e - k >= w->s) {
			w->e -= k;
			w->trail = true;
		}
		if (w->e > w->s)
			kh_vec_push(&out, w);
	}
	return out;
}

const char *ct_word_fold(const char *t, word *w)
{
	if (!w->folded)
		w->folded = ct_fold_n(t + w->s, w->e - w->s);
	return w->folded;
}


/* "ngày" / "Ngày", "của" / "Của" as the whole word at T[I]. */
size_t ct_word_is(const char *t, size_t len, size_t i, const char *lower)
{
	size_t l = strlen(lower);
	if (i + l > len)
		return 0;
	if (!(t[i] == lower[0] || t[i] == toupper((unsigned char)lower[0])) || memcmp(t + i + 1, lower + 1, l - 1))
		return 0;
	if (i + l < len) {
		size_t n;
		if (ct_is_word_cp(ct_cp_at(t, len, i + l, &n)))
			return 0;
	}
	return l;
}

size_t ct_skip_spaces(const char *t, size_t len, size_t i)
{
	while (i < len && (t[i] == ' ' || t[i] == '\t'))
		i++;
	return i;
}


/* ------------------------------------------------------------------ */
/* The string map                                                     */


unsigned long ct_str_hash(const char *s)
{
	unsigned long h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

int ct_strmap_get(const strmap *m, const char *k)
{
	if (!m->cap)
		return -1;
	for (size_t i = ct_str_hash(k) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (!m->keys[i])
			return -1;
		if (!strcmp(m->keys[i], k))
			return m->vals[i];
	}
}

void ct_strmap_put(strmap *m, const char *k, int v)
{
	if ((m->n + 1) * 2 > m->cap) {
		strmap bigger = { 0 };
		bigger.cap = m->cap ? m->cap * 2 : 64;
		bigger.keys = KH_NEW_N(const char *, bigger.cap);
		bigger.vals = KH_NEW_N(int, bigger.cap);
		for (size_t i = 0; i < m->cap; i++)
			if (m->keys[i])
				ct_strmap_put(&bigger, m->keys[i], m->vals[i]);
		*m = bigger;
	}
	size_t i = ct_str_hash(k) & (m->cap - 1);
	while (m->keys[i]) {
		if (!strcmp(m->keys[i], k))
			return; /* the first declaration wins */
		i = (i + 1) & (m->cap - 1);
	}
	m->keys[i] = k;
	m->vals[i] = v;
	m->n++;
}


/* ------------------------------------------------------------------ */
/* Source ranges                                                      */

void ct_regions_add(ct_regions *r, kh_span sp)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->v = kh_realloc_atomic(r->v, kh_mul_size(r->cap, sizeof *r->v));
	}
	r->v[r->n++] = (struct ct_range){ sp.start, sp.end };
}

static int range_cmp(const void *a, const void *b)
{
	const struct ct_range *x = a, *y = b;
	return x->s < y->s ? -1 : x->s > y->s;
}

void ct_regions_sort(ct_regions *r)
{
	if (r->n)
		qsort(r->v, r->n, sizeof *r->v, range_cmp);
}

bool ct_regions_has(const ct_regions *r, long at)
{
	size_t lo = 0, hi = r->n;
	while (lo < hi) { /* the first range starting after AT */
		size_t mid = (lo + hi) / 2;
		if (r->v[mid].s <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && at < r->v[lo - 1].e;
}

/*
 * cite_text.c - the text helpers of the citation rules: the words of a
 * string with their punctuation (their own split: prose_words.c's also
 * treats "./" as closing punctuation, which the citation rules' golden
 * behaviour does not), and source ranges to skip. Code points, whole-word
 * tests and the string map are prose_words.c's and strmap.c's.
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

/* ------------------------------------------------------------------ */
/* Words                                                              */



/* Bytes of an opening (OPEN) or closing punctuation mark at T[I], 0 if none. */
/* Opening marks: ( [ " ' “ ‘ « *; closing: , . ; : ! ? ) ] " ' ” ’ » … *.
 * Byte tests, not a table of strings: this runs for every word of every
 * text the citation and short-name checks read. */
static bool ascii_mark(unsigned char c, bool open)
{
	return open ? (c == '(' || c == '[' || c == '"' || c == '\'' || c == '*')
		    : (c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' ||
		       c == ')' || c == ']' || c == '"' || c == '\'' || c == '*');
}

/* « (C2 AB) opens, » (C2 BB) closes; “ ‘ (E2 80 9C, 98) open, ” ’ … (E2 80
 * 9D, 99, A6) close. */
static size_t utf8_mark(const unsigned char *u, size_t room, bool open)
{
	if (room >= 2 && u[0] == 0xC2 && u[1] == (open ? 0xAB : 0xBB))
		return 2;
	if (room >= 3 && u[0] == 0xE2 && u[1] == 0x80)
		if (open ? (u[2] == 0x9C || u[2] == 0x98) : (u[2] == 0x9D || u[2] == 0x99 || u[2] == 0xA6))
			return 3;
	return 0;
}

size_t ct_punct_at(const char *t, size_t len, size_t i, bool open)
{
	const unsigned char *u = (const unsigned char *)t + i;
	if (i >= len)
		return 0;
	if (*u < 0x80)
		return ascii_mark(*u, open) ? 1 : 0;
	return utf8_mark(u, len - i, open);
}

/* The length of the closing mark that ends T[0, I), 0 if none. */
static size_t punct_before(const char *t, size_t i)
{
	const unsigned char *u = (const unsigned char *)t;
	if (i >= 1 && u[i - 1] < 0x80)
		return ascii_mark(u[i - 1], false) ? 1 : 0;
	if (i >= 2 && utf8_mark(u + i - 2, 2, false) == 2)
		return 2;
	if (i >= 3 && utf8_mark(u + i - 3, 3, false) == 3)
		return 3;
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
		w->folded = kh_fold_n(t + w->s, w->e - w->s);
	return w->folded;
}



/* ------------------------------------------------------------------ */
/* The string map                                                     */



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

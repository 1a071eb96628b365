/*
 * cite_text.c - the text helpers of the citation rules: source ranges to
 * skip. The words of a string are prose_words.c's (kh_words_split, one
 * splitter for every checker: "./" closes a word there, as it ends a
 * document's last sentence); code points, whole-word tests and the string
 * map are prose_words.c's and strmap.c's.
 * Part of kehoach; see README.md for the licence.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "citations_int.h"
#include "names.h"

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

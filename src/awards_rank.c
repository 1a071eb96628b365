/*
 * awards_rank.c - the eligible nominees of a form put in order
 * (xếp_hạng: a stable sort, so nominees equal on every key keep the
 * file's order, and each such tie is said), then the quotas filled in
 * that order: the total, per tập thể and cá nhân, and per value of an
 * attribute ('mỗi đơn_vị 1', with its exceptions). A nominee is within
 * when every quota it falls under has room.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "awards_screen.h"
#include "i18n.h"
#include "names.h"
#include "strmap.h"

/* A ranking key's value: a number or day as a number, a text folded. */
typedef struct key_value {
	double num;
	const char *text;
} key_value;

static key_value key_of(const kh_screening *s, size_t row, const kh_rank_key *k)
{
	const kh_cell *c = kh_screen_cell(s, row, k->attr);
	kh_diags scratch = { 0 }; /* read before: rank_values_present */
	key_value v = { 0, NULL };
	kh_day day;
	if (k->attr->type == KH_ATTR_NUMBER)
		kh_cell_number(c, &v.num, &scratch);
	else if (k->attr->type == KH_ATTR_DATE && kh_cell_date(c, &day, &scratch))
		v.num = (double)day;
	else
		v.text = kh_cell_fold(c);
	return v;
}

const char *kh_screen_rank_value(const kh_screening *s, size_t row, const kh_rank_key *k)
{
	return kh_screen_cell(s, row, k->attr)->text;
}

typedef struct ranked_item {
	kh_nominee_result *r;
	key_value *keys;
} ranked_item;

/* <0, 0, >0: A before, with, after B in the form's order. */
static int order(const kh_award_form *f, const ranked_item *a, const ranked_item *b)
{
	for (size_t i = 0; i < f->rank.n; i++) {
		const kh_rank_key *k = f->rank.items[i];
		const key_value *x = &a->keys[i], *y = &b->keys[i];
		int c = x->text ? strcmp(x->text, y->text) : (x->num > y->num) - (x->num < y->num);
		if (c)
			return k->descending ? -c : c;
	}
	return 0;
}

/* Merge sort: stable, whatever the C library's qsort does with ties. */
static void sort(const kh_award_form *f, ranked_item *v, ranked_item *tmp, size_t n)
{
	if (n < 2)
		return;
	size_t h = n / 2;
	sort(f, v, tmp, h);
	sort(f, v + h, tmp, n - h);
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		tmp[k++] = order(f, &v[j], &v[i]) < 0 ? v[j++] : v[i++];
	while (i < h)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof *v);
}

/* Counts per quota bucket, by the bucket's name. */
typedef struct quota_use {
	kh_strmap index;
	long *used;
	size_t n;
} quota_use;

static long *use_of(quota_use *q, const char *bucket)
{
	int i = kh_strmap_get(&q->index, bucket);
	if (i < 0) {
		i = (int)q->n++;
		kh_strmap_put(&q->index, bucket, i);
		q->used = KH_GROW_N(q->used, long, q->n);
		q->used[i] = 0;
	}
	return &q->used[i];
}

/* The quota bucket of ROW: its kind and its value of 'mỗi ATTR', which
 * also tell whether two tied nominees compete for one line. */
static const char *bucket_of(const kh_screening *s, const kh_award_form *f, size_t row,
			     long *limit_kind, long *limit_each)
{
	const char *kind = "", *each = "";
	*limit_kind = *limit_each = -1;
	if (s->kind && (f->quota_collective >= 0 || f->quota_individual >= 0)) {
		int who = kh_screen_kind(s, row);
		kind = kh_cell_fold(kh_screen_cell(s, row, s->kind));
		*limit_kind = who == KH_TARGET_COLLECTIVE ? f->quota_collective
			    : who == KH_TARGET_INDIVIDUAL ? f->quota_individual : -1;
	}
	if (f->quota_each) {
		each = kh_cell_fold(kh_screen_cell(s, row, f->quota_each));
		*limit_each = f->quota_each_n;
		for (size_t i = 0; i < f->quota_each_except.n; i++) {
			const kh_quota_except *x = f->quota_each_except.items[i];
			if (!strcmp(kh_text_fold(x->value), each))
				*limit_each = x->quota;
		}
	}
	return kh_printf("%s\x1f%s", kind, each);
}

static void fill_quotas(const kh_screening *s, kh_form_screening *fs, const char **buckets)
{
	const kh_award_form *f = fs->form;
	quota_use kinds = { 0 }, each = { 0 };
	long total = 0;
	kh_vec within = { 0 }, past = { 0 };
	for (size_t i = 0; i < fs->ranked.n; i++) {
		kh_nominee_result *r = fs->ranked.items[i];
		long lk, le;
		buckets[i] = bucket_of(s, f, r->row, &lk, &le);
		const char *sep = strchr(buckets[i], '\x1f');
		long *uk = use_of(&kinds, kh_strndup(buckets[i], (size_t)(sep - buckets[i])));
		long *ue = use_of(&each, sep + 1);
		bool room = (f->quota < 0 || total < f->quota) && (lk < 0 || *uk < lk) &&
			    (le < 0 || *ue < le);
		r->verdict = room ? KH_ELIGIBLE : KH_PAST_QUOTA;
		if (room) {
			total++;
			(*uk)++;
			(*ue)++;
		}
		kh_vec_push(room ? &within : &past, r);
	}
	/* Within first, then past, each in ranking order; positions follow. */
	fs->within = within.n;
	fs->ranked.n = 0;
	for (size_t i = 0; i < within.n; i++)
		kh_vec_push(&fs->ranked, within.items[i]);
	for (size_t i = 0; i < past.n; i++)
		kh_vec_push(&fs->ranked, past.items[i]);
	for (size_t i = 0; i < fs->ranked.n; i++)
		((kh_nominee_result *)fs->ranked.items[i])->position = (int)i + 1;
}

/* Does one quota bucket have tied nominees on both sides of its line? */
static bool straddles(const ranked_item *v, const char **buckets, size_t n)
{
	kh_strmap index = { 0 };
	int *sides = KH_NEW_N(int, n); /* per bucket: 1 within, 2 past */
	int nb = 0;
	for (size_t k = 0; k < n; k++) {
		int b = kh_strmap_get(&index, buckets[k]);
		if (b < 0)
			kh_strmap_put(&index, buckets[k], b = nb++);
		sides[b] |= v[k].r->verdict == KH_ELIGIBLE ? 1 : 2;
		if (sides[b] == 3)
			return true;
	}
	return false;
}

/* Ties: runs of the ranking (before the quota split) equal on every key. */
static void find_ties(kh_form_screening *fs, ranked_item *v, size_t n, const char **buckets)
{
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && order(fs->form, &v[i], &v[j]) == 0)
			j++;
		if (j - i > 1) {
			kh_tie *t = KH_NEW(kh_tie);
			t->count = j - i;
			t->members = KH_NEW_N(kh_nominee_result *, t->count);
			for (size_t a = i; a < j; a++)
				t->members[a - i] = v[a].r;
			t->straddles = straddles(v + i, buckets + i, j - i);
			kh_vec_push(&fs->ties, t);
		}
		i = j;
	}
}

void kh_awards_rank(const kh_screening *s, kh_form_screening *fs)
{
	const kh_award_form *f = fs->form;
	size_t n = fs->ranked.n;
	if (!n)
		return;
	ranked_item *v = KH_NEW_N(ranked_item, n), *tmp = KH_NEW_N(ranked_item, n);
	for (size_t i = 0; i < n; i++) {
		v[i].r = fs->ranked.items[i];
		v[i].keys = KH_NEW_N(key_value, f->rank.n ? f->rank.n : 1);
		for (size_t k = 0; k < f->rank.n; k++)
			v[i].keys[k] = key_of(s, v[i].r->row, f->rank.items[k]);
	}
	if (f->rank.n)
		sort(f, v, tmp, n);
	for (size_t i = 0; i < n; i++)
		fs->ranked.items[i] = v[i].r;
	const char **buckets = KH_NEW_N(const char *, n);
	fill_quotas(s, fs, buckets);
	/* The ties are of the ranking, which fill_quotas split; v keeps it. */
	if (f->rank.n)
		find_ties(fs, v, n, buckets);
}

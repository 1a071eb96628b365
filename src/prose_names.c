/*
 * prose_names.c - body names as prose writes them (prose_words.h): each
 * body's name and the short forms prose uses for it (without its
 * locality, with its abbreviation), indexed by their words for the
 * scanners.
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>
#include <utf8proc.h>

#include "alloc.h"
#include "names.h"
#include "map.h"
#include "prose_words.h"

void kh_word_lists_add(kh_vec *lists, kh_strmap *m, const char *w, void *item)
{
	int k = kh_strmap_get(m, w);
	if (k < 0) {
		k = (int)lists->n;
		kh_vec_push(lists, KH_NEW(kh_vec));
		kh_strmap_put(m, w, k);
	}
	kh_vec_push(lists->items[k], item);
}

/* A name form: folded words W[0, N), and whether each word was written
 * with a capital (for finding where a locality starts). */
typedef struct form {
	const char **w;
	bool *cap;
	size_t n;
} form;

static form words_of(const char *s)
{
	kh_vec ws = kh_words_split(s, strlen(s));
	form f = { KH_NEW_N(const char *, ws.n + 1), KH_NEW_N(bool, ws.n + 1), ws.n };
	for (size_t k = 0; k < ws.n; k++) {
		kh_word *w = KH_WORD(ws, k);
		size_t l;
		f.w[k] = kh_word_fold(s, w);
		f.cap[k] = kh_is_upper_cp(kh_cp_at(s, w->e, w->s, &l));
	}
	return f;
}

static bool same_form(const kh_bname *b, const char *const *w, size_t n)
{
	if (b->n != n)
		return false;
	for (size_t k = 0; k < n; k++)
		if (strcmp(b->w[k], w[k]))
			return false;
	return true;
}

/* Appends the form W[0, N) of body B unless B has it already; W is kept
 * as it is (a name's words, or their first N), not copied. */
static void push_form(kh_vec *out, const kh_body *b, const char **w, size_t n, bool full)
{
	if (!n)
		return;
	for (size_t i = out->n; i-- > 0;) {
		const kh_bname *o = out->items[i];
		if (o->b != b)
			break;
		if (same_form(o, w, n))
			return;
	}
	kh_bname *x = KH_NEW(kh_bname);
	x->b = b;
	x->w = w;
	x->n = n;
	x->full = full;
	x->leveled = kh_body_level(b) != NULL;
	kh_vec_push(out, x);
}

/* Words of a level of the state hierarchy, as localities start with
 * them: 1 for "tỉnh", 2 for "thành phố"; 0 if none. */
static size_t level_word(const form *f, size_t k)
{
	static const char *const one[] = { "tỉnh", "huyện", "xã", "quận", "phường" };
	for (size_t i = 0; i < sizeof one / sizeof *one; i++)
		if (!strcmp(f->w[k], one[i]))
			return 1;
	if (k + 1 < f->n && (!strcmp(f->w[k], "thành") || !strcmp(f->w[k], "thị")) &&
	    (!strcmp(f->w[k + 1], "phố") || !strcmp(f->w[k + 1], "xã") || !strcmp(f->w[k + 1], "trấn")))
		return 2;
	return 0;
}

/* "Sở Nội vụ tỉnh Quảng Nam": also "Sở Nội vụ tỉnh" and "Sở Nội vụ" (the
 * last level word, followed only by capitalised words or by nothing). */
static void push_without_locality(kh_vec *out, const kh_body *b, const form *f)
{
	for (size_t k = f->n; k-- > 1;) {
		size_t lw = level_word(f, k);
		if (!lw)
			continue;
		bool proper = true;
		for (size_t j = k + lw; j < f->n && proper; j++)
			proper = f->cap[j];
		if (!proper)
			return;
		if (k + lw < f->n)
			push_form(out, b, f->w, k + lw, false);
		if (k >= 2)
			push_form(out, b, f->w, k, false);
		return;
	}
}

/* The first letter of a folded word without its marks ("ủy": 'u'); 'd'
 * stands for "đ". */
static int32_t initial(const char *w)
{
	size_t n;
	int32_t c = kh_cp_at(w, strlen(w), 0, &n);
	if (c == 0x111 || c == 0x110)
		return 'd';
	utf8proc_int32_t parts[4];
	int last = 0;
	if (c >= 0 && utf8proc_decompose_char(c, parts, 4, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD, &last) >= 1)
		return parts[0];
	return c;
}

/* Does the abbreviation word A (folded) stand for words W[*J..] by their
 * initials ("ubnd": "ủy ban nhân dân"; "và" may be skipped)? Advances *J. */
static bool initials(const char *a, const form *f, size_t *j)
{
	size_t k = *j;
	for (size_t i = 0; a[i];) {
		size_t n;
		int32_t c = kh_cp_at(a, strlen(a), i, &n);
		if (c == 0x111)
			c = 'd';
		if (k < f->n && initial(f->w[k]) != c && !strcmp(f->w[k], "và"))
			k++;
		if (k >= f->n || initial(f->w[k]) != c)
			return false;
		k++;
		i += n;
	}
	*j = k;
	return true;
}

/* "UBND" for "Ủy ban nhân dân cấp huyện": "UBND cấp huyện"; "Bộ CHQS"
 * for "Bộ Chỉ huy Quân sự tỉnh": "Bộ CHQS tỉnh". */
static void push_abbreviated(kh_vec *out, const kh_body *b, const form *f)
{
	if (!b->abbr || !*b->abbr)
		return;
	form a = words_of(b->abbr);
	size_t j = 0;
	for (size_t i = 0; i < a.n; i++) {
		if (j < f->n && !strcmp(a.w[i], f->w[j]))
			j++;
		else if (!initials(a.w[i], f, &j))
			return;
	}
	if (j < 2)
		return; /* one word for one word is no abbreviation */
	form s = { KH_NEW_N(const char *, a.n + f->n - j + 1), KH_NEW_N(bool, a.n + f->n - j + 1), 0 };
	for (size_t i = 0; i < a.n; i++)
		s.w[s.n] = a.w[i], s.cap[s.n++] = true;
	for (size_t i = j; i < f->n; i++)
		s.w[s.n] = f->w[i], s.cap[s.n++] = f->cap[i];
	push_form(out, b, s.w, s.n, false);
	push_without_locality(out, b, &s);
}

static bool same_words(const kh_bname *a, const kh_bname *b)
{
	if (a->n != b->n)
		return false;
	for (size_t k = 0; k < a->n; k++)
		if (strcmp(a->w[k], b->w[k]))
			return false;
	return true;
}

/* The hash of a word sequence, one word at a time. */
/* The hash of a run of words, one more word (the hash of its folded
 * form, kh_fold_hash) on: a text's words carry theirs, so a lookup does
 * not read a word's bytes again. */
static size_t seq_step(size_t h, uint32_t word)
{
	h = (h ^ word) * 0x100000001B3u;
	return h ^ (h >> 32);
}

static size_t seq_step_text(size_t h, const char *w)
{
	return seq_step(h, kh_fold_hash(w, strlen(w)));
}

/* The hash of a name's first words, as the prefix set keeps it: its low
 * 32 bits (a false "some name starts so" only costs a probe of SEQ), 0
 * marking an empty slot. */
static uint32_t pre_key(size_t h)
{
	return (uint32_t)h ? (uint32_t)h : 1;
}

/* Slots for N keys: at most half full, but a body's own few names (render
 * keeps a table for every body asked about) fill a table of N + 1. */
static size_t table_cap(size_t n)
{
	size_t want = n < 8 ? n + 1 : 2 * n + 1, cap = 2;
	while (cap < want)
		cap *= 2;
	return cap;
}

static bool pre_has(const kh_bindex *x, size_t h)
{
	uint32_t k = pre_key(h);
	for (size_t j = k & (x->pre_cap - 1); x->pre[j]; j = (j + 1) & (x->pre_cap - 1))
		if (x->pre[j] == k)
			return true;
	return false;
}

/* Every name's first word, first two words, ...: most words start no
 * name, and a lookup stops at the first that starts none. */
static void pre_build(kh_bindex *x)
{
	size_t words = 0;
	for (size_t i = 0; i < x->n; i++)
		words += x->v[i].n;
	x->pre_cap = table_cap(words);
	x->pre = kh_alloc_atomic(kh_mul_size(x->pre_cap, sizeof *x->pre));
	for (size_t i = 0; i < x->n; i++) {
		size_t h = 2166136261u;
		for (size_t k = 0; k < x->v[i].n; k++) {
			h = seq_step_text(h, x->v[i].w[k]);
			if (pre_has(x, h))
				continue;
			size_t j = pre_key(h) & (x->pre_cap - 1);
			while (x->pre[j])
				j = (j + 1) & (x->pre_cap - 1);
			x->pre[j] = pre_key(h);
		}
	}
}

/* A group's bodies, each once (a body can have two names alike). */
static void group_bodies(kh_bgroup *g)
{
	kh_map seen = { 0 };
	kh_bgroup_many *m = g->many;
	for (size_t k = 0; k <= m->others.n; k++) {
		const kh_bname *b = k ? m->others.items[k - 1] : g->name;
		void **slot = kh_map_slot(&seen, b->b, true);
		if (*slot)
			continue;
		*slot = (void *)b;
		kh_vec_push(&m->all, (void *)b->b);
		kh_vec_push(&m->by[b->leveled], (void *)b->b);
	}
}

static void seq_build(kh_bindex *x)
{
	/* not 64 slots from the start: render keeps an index for every body
	 * asked about (prose_asked.c), and 64 slots of 72 bytes were 4.6 KB each */
	x->seq_cap = table_cap(x->n);
	x->seq = KH_NEW_N(kh_bgroup, x->seq_cap);
	for (size_t i = 0; i < x->n; i++) {
		size_t h = 2166136261u;
		for (size_t k = 0; k < x->v[i].n; k++)
			h = seq_step_text(h, x->v[i].w[k]);
		size_t j = h & (x->seq_cap - 1);
		while (x->seq[j].name &&
		       !(x->seq[j].hash == h && same_words(x->seq[j].name, &x->v[i])))
			j = (j + 1) & (x->seq_cap - 1);
		if (!x->seq[j].name) {
			x->seq[j] = (kh_bgroup){ .hash = h, .name = &x->v[i] };
		} else {
			if (!x->seq[j].many)
				x->seq[j].many = KH_NEW(kh_bgroup_many);
			kh_vec_push(&x->seq[j].many->others, &x->v[i]);
		}
		if (x->v[i].n > x->longest)
			x->longest = x->v[i].n;
	}
	for (size_t j = 0; j < x->seq_cap; j++)
		if (x->seq[j].many)
			group_bodies(&x->seq[j]);
}

void kh_bindex_at(const kh_bindex *x, const char *t, kh_vec *ws, size_t i, kh_vec *out)
{
	size_t h = 2166136261u;
	for (size_t n = 1; n <= x->longest && i + n <= ws->n && x->seq_cap; n++) {
		kh_word *w = KH_WORD(*ws, i + n - 1);
		h = seq_step(h, kh_word_fold_hash(t, w));
		if (!pre_has(x, h))
			break; /* no name starts with these words */
		for (size_t j = h & (x->seq_cap - 1); x->seq[j].name; j = (j + 1) & (x->seq_cap - 1))
			if (x->seq[j].hash == h && x->seq[j].name->n == n &&
			    kh_bname_match(x->seq[j].name, t, ws, i, ws->n, true))
				kh_vec_push(out, &x->seq[j]);
		if (w->trail && !strchr(",-", t[w->e]))
			break; /* a name goes on only after a comma or a dash */
	}
}

kh_bindex kh_bindex_build(const kh_vec *bodies, bool short_forms)
{
	kh_bindex x = { 0 };
	kh_vec names = { 0 };
	for (size_t i = 0; i < bodies->n; i++) {
		const kh_body *b = bodies->items[i];
		if (!b->name || !*b->name)
			continue;
		form f = words_of(b->name);
		push_form(&names, b, f.w, f.n, true);
		if (short_forms && f.n) {
			push_without_locality(&names, b, &f);
			push_abbreviated(&names, b, &f);
		}
	}
	x.v = KH_NEW_N(kh_bname, names.n + 1);
	for (size_t i = 0; i < names.n; i++)
		x.v[i] = *(kh_bname *)names.items[i];
	x.n = names.n;
	seq_build(&x);
	pre_build(&x);
	return x;
}

size_t kh_name_words_match(const char *const *names, size_t n, const char *t, kh_vec *ws, size_t from,
			   size_t to, bool prefix)
{
	if (n > to - from)
		return 0;
	for (size_t k = 0; k < n; k++) {
		kh_word *w = KH_WORD(*ws, prefix ? from + k : to - n + k);
		if (strcmp(kh_word_fold(t, w), names[k]))
			return 0;
		/* inside the name, only the last word may end a phrase */
		if (k + 1 < n && w->trail && !strchr(",-", t[w->e]))
			return 0;
	}
	return n;
}

size_t kh_bname_match(const kh_bname *b, const char *t, kh_vec *ws, size_t from, size_t to, bool prefix)
{
	return kh_name_words_match(b->w, b->n, t, ws, from, to, prefix);
}

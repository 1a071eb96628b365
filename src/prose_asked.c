/*
 * prose_asked.c - what a text states, asked about again and again
 * (prose_facts.h): render and the checklist ask, for every task, whether
 * its text or its section's names each body and states each date. The
 * last few texts asked about are remembered with their folds, answers and
 * indexes of their words; each body's names are built once.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "map.h"
#include "names.h"
#include "prose_facts.h"
#include "prose_facts_int.h"
#include "strmap.h"

/* The names of each body asked about (kh_bindex_build of it alone, or of
 * nothing for a level), built once per body: render asks about a task's
 * bodies for every task. By the body's address, which the table keeps
 * alive. */
static struct {
	kh_map by_body;           /* kh_body* -> kh_bindex* */
	kh_bindex *none;
} body_names;

static bool holds(const char *phrase);

static bool states_words(const kh_when *w)
{
	switch (w->type) {
	case KH_WHEN_TBA:
		return holds("thông báo sau");
	case KH_WHEN_RECURRENCE:
		switch (w->recurrence) {
		case KH_RECUR_CONTINUOUS: return holds("thường xuyên");
		case KH_RECUR_MONTHLY: return holds("hằng tháng") || holds("hàng tháng");
		case KH_RECUR_YEARLY: return holds("hằng năm") || holds("hàng năm");
		case KH_RECUR_PERIODIC: return holds("định kỳ");
		default: return false;
		}
	case KH_WHEN_RELATIVE:
		return w->anchor_kind == KH_ANCHOR_EVENT && holds(w->anchor_label);
	default:
		return w->precision == KH_PREC_YEAR_END && !w->dated && holds("cuối năm");
	}
}

/*
 * The last long texts asked about, and what was found in each: a page's text
 * (a section and everything under it) is asked about once for each task
 * it holds, for each of its bodies and dates, and scanning it each time
 * made rendering quadratic in a section's length. Kept by content (length
 * and hash), not by address alone, since an address may come back for
 * another text. The fuzz targets drop it before freeing everything
 * (kh_text_memo_forget).
 */
typedef struct named {
	kh_ref_kind kind;
	const kh_body *body;
	const kh_level *level;
	const char *text;
	bool as_owner, result;
	long next;                /* the answer before it about the same body, or -1 */
} named;

typedef struct said_phrase {
	const char *phrase;
	bool found;
} said_phrase;

typedef struct memo_entry {
	const char *text;         /* kept, so its address is no other text's */
	size_t len;
	unsigned long hash;
	const char *folded;
	kh_vec dates;             /* kh_text_date*, or none yet */
	bool dated;
	named *answers;
	size_t n, cap;
	kh_map by_body;           /* past MAPPED answers: body (or no_body) -> 1 + its last */
	bool indexed;             /* word_pos built */
	kh_strmap word_pos;       /* folded word -> its number k */
	size_t *pos, *first;      /* word numbers, ascending, of word k: pos[first[k], first[k + 1]) */
	size_t pos_cap, first_cap;
	said_phrase phrases[8];   /* fixed phrases looked for ("thường xuyên"), by address */
	size_t nphrases;
	unsigned long used;       /* when last asked about */
} memo_entry;

/* A few texts, not one: a meeting's text (the section's and its
 * attendees) comes between two tasks of its section, and forgetting the
 * section's for it meant folding, splitting and indexing it again. */
enum { MEMOS = 4 };
static memo_entry memos[MEMOS], *memo = &memos[0];
static unsigned long memo_clock;

static unsigned long text_hash(const char *t, size_t n)
{
	unsigned long h = 1469598103934665603ul;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)t[i]) * 1099511628211ul;
	return h;
}

/* The entry of TEXT (by address, else by length and hash), or NULL. */
static memo_entry *memo_find(const char *text, size_t len, bool by_hash, unsigned long h)
{
	for (size_t i = 0; i < MEMOS; i++) {
		memo_entry *e = &memos[i];
		if (e->folded && e->len == len && (by_hash ? e->hash == h : e->text == text))
			return e;
	}
	return NULL;
}

/* Makes TEXT the memo's text: a kept one with its answers, or a new one
 * in the place of the one asked about longest ago. */
static void memo_text(const char *text, size_t len)
{
	memo_entry *e = memo_find(text, len, false, 0);
	unsigned long h = 0;
	if (!e) {
		h = text_hash(text, len);
		e = memo_find(text, len, true, h);
	}
	if (!e) {
		e = &memos[0];
		for (size_t i = 1; i < MEMOS; i++)
			if (memos[i].used < e->used)
				e = &memos[i];
		/* Its room is the new text's: every task's text came and went
		 * with a map and arrays of its own, most of rendering's memory. */
		memo_entry old = *e;
		*e = (memo_entry){ .len = len, .hash = h, .folded = kh_text_fold(text),
				   .answers = old.answers, .cap = old.cap, .word_pos = old.word_pos,
				   .pos = old.pos, .first = old.first, .pos_cap = old.pos_cap,
				   .first_cap = old.first_cap };
	}
	e->text = text;
	e->used = ++memo_clock;
	memo = e;
}

/* Room for N items of SIZE bytes at *ROOM (of *CAP): grown, never given back. */
static void *room_for(void *room, size_t *cap, size_t n, size_t size)
{
	if (*cap >= n)
		return room;
	*cap = n > 2 * *cap ? n : 2 * *cap;
	return kh_alloc_atomic(kh_mul_size(*cap, size));
}

/* Scratch for one question at a time (index_words, name_starts). */
static struct {
	int *word_of;
	size_t word_of_cap;
	size_t *merged[2];
	size_t merged_cap;
	size_t *shifted, shifted_cap;
	size_t *pick, pick_cap;
} scratch;

/* Does the memo's text hold PHRASE (folded)? Answered once per text for
 * the first phrases asked: a letter's loose tasks each ask it of one
 * whole page. */
static bool holds(const char *phrase)
{
	if (!phrase || !*phrase)
		return false;
	for (size_t i = 0; i < memo->nphrases; i++)
		if (memo->phrases[i].phrase == phrase)
			return memo->phrases[i].found;
	bool found = strstr(memo->folded, kh_text_fold(phrase));
	if (memo->nphrases < sizeof memo->phrases / sizeof *memo->phrases)
		memo->phrases[memo->nphrases++] = (said_phrase){ phrase, found };
	return found;
}

/* The text kh_text_steady named, and its length. */
static struct {
	const char *text;
	size_t len;
} steady;

void kh_text_steady(const char *text, size_t len)
{
	steady.text = text;
	steady.len = len;
}

bool kh_text_is_steady(const char *text, size_t len)
{
	return text && text == steady.text && len == steady.len;
}

static size_t text_len(const char *text)
{
	return text == steady.text ? steady.len : strlen(text);
}

void kh_text_memo_forget(void)
{
	memset(&steady, 0, sizeof steady);
	memset(&scratch, 0, sizeof scratch);
	memset(memos, 0, sizeof memos);
	memo = &memos[0];
	memo_clock = 0;
	memset(&body_names, 0, sizeof body_names);
	kh_text_split_forget();
}

const char *kh_text_folded(const char *text)
{
	if (!text)
		return "";
	memo_text(text, text_len(text));
	return memo->folded;
}

bool kh_text_states_when(const char *text, const kh_when *w)
{
	if (!text || !w)
		return false;
	memo_text(text, text_len(text));
	if (states_words(w))
		return true;
	if (!memo->dated) {
		memo->dates = kh_text_dates(text, memo->len);
		memo->dated = true;
	}
	kh_vec ds = memo->dates;
	for (size_t i = 0; i < ds.n; i++) {
		const kh_text_date *d = ds.items[i];
		if (d->role != KH_DATE_DOCUMENT && d->role != KH_DATE_PERIOD && kh_text_date_agrees(d, w))
			return true;
	}
	return false;
}

static bool names_ref(const char *text, const kh_ref *r, bool as_owner);

static kh_bindex *body_index_new(const kh_vec *bodies)
{
	kh_bindex *x = KH_NEW(kh_bindex);
	*x = kh_bindex_build(bodies, true);
	return x;
}

/* The names of B (BODIES holds it), or of no body (a level's ref). */
static const kh_bindex *index_of(const kh_body *b, const kh_vec *bodies)
{
	if (!b) {
		if (!body_names.none)
			body_names.none = body_index_new(bodies);
		return body_names.none;
	}
	/* Every body's is kept: tasks name their bodies in any order, and
	 * keeping only the last few hundred built one again for nearly every
	 * question at 100k tasks (156,366 times for 3,968 bodies, 265 MB of
	 * garbage); kept, they take 2.2 MB (550 bytes a body). */
	void **slot = kh_map_slot(&body_names.by_body, b, true);
	if (!*slot)
		*slot = body_index_new(bodies);
	return *slot;
}

/* The memo's text's words by their fold: where each word stands, in one
 * array (counted, then filled), not a list per word. */
static void index_words(const char *text)
{
	kh_text_scan s = kh_text_scan_of(text, memo->len);
	scratch.word_of = room_for(scratch.word_of, &scratch.word_of_cap, s.ws.n + 1, sizeof *scratch.word_of);
	int *word_of = scratch.word_of;
	/* the map a long text grew is not cleared again for every short one */
	if (memo->word_pos.cap > 8 * (s.ws.n + 1) + 64)
		memo->word_pos = (kh_strmap){ 0 };
	kh_strmap_clear(&memo->word_pos);
	size_t distinct = 0;
	for (size_t i = 0; i < s.ws.n; i++) {
		const char *w = kh_word_fold(text, KH_WORD(s.ws, i));
		int k = kh_strmap_get(&memo->word_pos, w);
		if (k < 0) {
			k = (int)distinct++;
			kh_strmap_put(&memo->word_pos, w, k); /* kept by the fold table */
		}
		word_of[i] = k;
	}
	size_t *first = memo->first = room_for(memo->first, &memo->first_cap, distinct + 2, sizeof *first);
	memset(first, 0, (distinct + 2) * sizeof *first);
	for (size_t i = 0; i < s.ws.n; i++)
		first[word_of[i] + 2]++;
	for (size_t k = 2; k < distinct + 2; k++)
		first[k] += first[k - 1];
	/* first[k + 1] is now where word k's numbers start: filled in order */
	size_t *pos = memo->pos = room_for(memo->pos, &memo->pos_cap, s.ws.n + 1, sizeof *pos);
	for (size_t i = 0; i < s.ws.n; i++)
		pos[first[word_of[i] + 1]++] = i;
	memo->indexed = true;
}

/* The words where WORD stands in the memo's text, ascending, in *N. */
static const size_t *positions_of(const char *word, size_t *n)
{
	int k = kh_strmap_get(&memo->word_pos, word);
	*n = k < 0 ? 0 : memo->first[k + 1] - memo->first[k];
	return k < 0 ? NULL : memo->pos + memo->first[k];
}

/* A[0, NA) and B[0, NB) (ascending word numbers) merged into OUT,
 * ascending, each number once. */
static size_t merge_positions(const size_t *a, size_t na, const size_t *b, size_t nb, size_t *out)
{
	size_t i = 0, j = 0, n = 0;
	while (i < na || j < nb) {
		size_t x = i < na ? a[i] : SIZE_MAX, y = j < nb ? b[j] : SIZE_MAX;
		if (x <= y) {
			out[n++] = x;
			i++;
			j += x == y;
		} else {
			out[n++] = y;
			j++;
		}
	}
	return n;
}

/* Room for N word numbers in each of the merge's two rooms. */
static void merged_room(size_t n)
{
	if (scratch.merged_cap >= n)
		return;
	size_t cap = scratch.merged_cap;
	scratch.merged[0] = room_for(scratch.merged[0], &cap, n, sizeof(size_t));
	cap = scratch.merged_cap;
	scratch.merged[1] = room_for(scratch.merged[1], &cap, n, sizeof(size_t));
	scratch.merged_cap = cap;
}

/*
 * The words of the memo's text where one of BI's names or a level ("cấp
 * …") may start, ascending, in *N: a mention is a name's words in a row
 * (find_at), so a name can start only where its word the text holds
 * least often stands, less that word's place in the name; a level, only
 * at "cấp". A section's text is read for every body of every task in it:
 * this keeps that from reading every word each time, and from reading
 * every "Sở" of a letter's page for each of its hundreds of "Sở Ngành N".
 */
static const size_t *name_starts(const char *text, const kh_bindex *bi, size_t *n)
{
	if (!memo->indexed)
		index_words(text);
	size_t forms = bi->n, total, most;
	positions_of("cấp", &total);
	most = total; /* the longest list shifted: "cấp"'s, or a name's */
	scratch.pick = room_for(scratch.pick, &scratch.pick_cap, forms + 1, sizeof *scratch.pick);
	for (size_t i = 0; i < forms; i++) {
		const kh_bname *b = &bi->v[i];
		size_t least = SIZE_MAX;
		for (size_t k = 0; k < b->n && least; k++) {
			size_t nv;
			positions_of(b->w[k], &nv);
			if (nv < least)
				least = nv, scratch.pick[i] = k;
		}
		if (least == SIZE_MAX) /* no words: found nowhere */
			least = 0, scratch.pick[i] = SIZE_MAX;
		total += least;
		most = least > most ? least : most;
	}
	/* the caller reads the answer before it asks again: rooms reused */
	merged_room(total + 1);
	scratch.shifted = room_for(scratch.shifted, &scratch.shifted_cap, most + 1, sizeof(size_t));
	size_t *out = scratch.merged[0], *tmp = scratch.merged[1], have = 0;
	for (size_t i = 0; i <= forms; i++) {
		size_t nv, m = 0, k = i < forms ? scratch.pick[i] : 0;
		if (k == SIZE_MAX)
			continue;
		const size_t *v = positions_of(i < forms ? bi->v[i].w[k] : "cấp", &nv);
		for (size_t j = 0; j < nv; j++)
			if (v[j] >= k)
				scratch.shifted[m++] = v[j] - k;
		if (!m)
			continue;
		have = merge_positions(out, have, scratch.shifted, m, tmp);
		size_t *t = out;
		out = tmp;
		tmp = t;
	}
	*n = have;
	return out;
}

/* Answers a text has before they are found by body, not one by one: a
 * letter's page is asked about each of its hundreds of bodies. */
enum { MAPPED = 32 };
static const char no_body; /* the key of the answers about no body */

static bool same_question(const named *a, const kh_ref *r, bool as_owner)
{
	return a->kind == r->kind && a->body == r->body && a->level == r->level &&
	       a->as_owner == as_owner &&
	       (a->text == r->text || (a->text && r->text && !strcmp(a->text, r->text)));
}

/* The last answer about BODY's slot in the memo's map (made when INSERT). */
static void **body_slot(const kh_body *body, bool insert)
{
	return kh_map_slot(&memo->by_body, body ? (const void *)body : &no_body, insert);
}

/* Answer I found by its body from now on. */
static void map_answer(size_t i)
{
	void **slot = body_slot(memo->answers[i].body, true);
	memo->answers[i].next = *slot ? (long)(intptr_t)*slot - 1 : -1;
	*slot = (void *)(intptr_t)(i + 1);
}

static const named *answer_of(const kh_ref *r, bool as_owner)
{
	if (memo->n <= MAPPED) {
		for (size_t i = 0; i < memo->n; i++)
			if (same_question(&memo->answers[i], r, as_owner))
				return &memo->answers[i];
		return NULL;
	}
	void **slot = body_slot(r->body, false);
	for (long i = slot ? (long)(intptr_t)*slot - 1 : -1; i >= 0; i = memo->answers[i].next)
		if (same_question(&memo->answers[i], r, as_owner))
			return &memo->answers[i];
	return NULL;
}

bool kh_text_names_ref(const char *text, const kh_ref *r, bool as_owner)
{
	/* as the owner: at the head of a sentence, or named without a word
	 * that gives it another role ("Thời gian các cơ quan … gửi báo cáo") */
	if (!text || !r)
		return false;
	memo_text(text, text_len(text));
	const named *a = answer_of(r, as_owner);
	if (a)
		return a->result;
	bool result = names_ref(text, r, as_owner);
	if (memo->n == memo->cap) {
		memo->cap = memo->cap ? memo->cap * 2 : 16;
		/* collected memory: the pointers in it keep what they name alive,
		 * so no address comes back for another body while it is kept */
		memo->answers = KH_GROW_N(memo->answers, named, memo->cap);
	}
	memo->answers[memo->n++] = (named){ r->kind, r->body, r->level, r->text, as_owner, result, -1 };
	if (memo->n == MAPPED + 1) /* from now on found by body: the ones so far too */
		for (size_t i = 0; i < memo->n; i++)
			map_answer(i);
	else if (memo->n > MAPPED + 1)
		map_answer(memo->n - 1);
	return result;
}

static bool names_ref(const char *text, const kh_ref *r, bool as_owner)
{
	/* one body and one level at most: read, never grown, so held here */
	void *body_at[1], *level_at[1];
	kh_vec bodies = { body_at, 0, 1 }, levels = { level_at, 0, 1 };
	switch (r->kind) {
	case KH_REF_SUPERIOR:
		return holds("cấp trên");
	case KH_REF_ORGLEVEL:
		return holds("cấp tổ chức");
	case KH_REF_TEXT:
		return holds(r->text);
	case KH_REF_LEVEL:
		if (!r->level)
			return false;
		if (as_owner && kh_text_level_in_head(text, r->level))
			return true;
		level_at[levels.n++] = r->level;
		break;
	case KH_REF_BODY:
		if (!r->body)
			return false;
		body_at[bodies.n++] = r->body;
		if (kh_body_level(r->body))
			level_at[levels.n++] = (void *)kh_body_level(r->body);
		break;
	}
	const kh_bindex *names = index_of(r->kind == KH_REF_BODY ? r->body : NULL, &bodies);
	size_t nat;
	const size_t *at = name_starts(text, names, &nat);
	kh_vec ms = kh_text_mentions_at(text, memo->len, names, &levels, at, nat);
	for (size_t i = 0; i < ms.n; i++) {
		const kh_mention *m = ms.items[i];
		bool owner = m->role == KH_MENTION_OWNER || m->role == KH_MENTION_OTHER;
		if ((!as_owner || owner) && kh_mention_agrees(m, r))
			return true;
	}
	return false;
}

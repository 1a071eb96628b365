/*
 * prose_facts.c - the dates and bodies an item's text states, and what
 * each is (prose_facts.h).
 * Part of kehoach; see README.md for the licence.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "citations.h"
#include "names.h"
#include "prose_facts.h"
#include "prose_facts_int.h"

typedef kh_text_scan scan;

/* The last two texts split, each with a copy to know it by: the checkers ask
 * for a text's dates and then its bodies, and render asks about a
 * section's text task after task, between which a meeting's text comes
 * and goes. Their words' folds are kept with them. The least recently
 * used is the one split again, so a scan a caller holds stays valid
 * across its next call about another text. */
enum { SPLITS = 2 };
typedef struct split {
	const char *text;
	char *copy;               /* one buffer, reused: grown, never given back */
	size_t len, cap;
	kh_vec ws;
	kh_words_buf room;        /* its words: the next text split here reuses them */
	unsigned long used;       /* when last asked for */
} split;

static struct {
	split e[SPLITS];
	unsigned long clock;
} splits;

/* find_at's groups, for one word at a time. */
static kh_vec groups_at;

void kh_text_split_forget(void)
{
	memset(&splits, 0, sizeof splits);
	memset(&groups_at, 0, sizeof groups_at);
}

static split *split_of(const char *t, size_t len)
{
	split *lru = &splits.e[0];
	for (size_t i = 0; i < SPLITS; i++) {
		split *e = &splits.e[i];
		/* the page's text does not change while it is steady: not
		 * compared again for each of its tasks (a letter's, each time) */
		if (e->copy && e->text == t && e->len == len &&
		    (kh_text_is_steady(t, len) || !memcmp(e->copy, t, len)))
			return e;
		if (e->used < lru->used)
			lru = e;
	}
	if (lru->cap < len + 1) {
		lru->cap = len + 1 + len / 2;
		lru->copy = kh_alloc_atomic(lru->cap);
	}
	memcpy(lru->copy, t, len);
	lru->text = t;
	lru->len = len;
	lru->ws = kh_words_split_reusing(t, len, &lru->room);
	return lru;
}

kh_text_scan kh_text_scan_of(const char *t, size_t len)
{
	split *e = split_of(t, len);
	e->used = ++splits.clock;
	return (scan){ t, len, e->ws };
}

/* The folded word I, "" outside the text. */
static const char *fw(const scan *s, long i)
{
	if (i < 0 || (size_t)i >= s->ws.n)
		return "";
	return kh_word_fold(s->t, KH_WORD(s->ws, (size_t)i));
}

static bool is(const scan *s, long i, const char *w)
{
	const char *f = fw(s, i);
	return f[0] == w[0] && !strcmp(f, w); /* most words differ at once */
}

/* Word I is followed by one of the marks in SET (".:;"). */
static bool ends_with(const scan *s, long i, const char *set)
{
	if (i < 0 || (size_t)i >= s->ws.n)
		return false;
	const kh_word *w = KH_WORD(s->ws, (size_t)i);
	return w->trail && w->e < s->len && strchr(set, s->t[w->e]);
}

static bool capitalised(const scan *s, size_t i)
{
	size_t n;
	const kh_word *w = KH_WORD(s->ws, i);
	return kh_is_upper_cp(kh_cp_at(s->t, s->len, w->s, &n));
}

/* ------------------------------------------------------------------ */
/* Dates                                                              */

bool kh_date_role_is_time(kh_date_role r)
{
	return r <= KH_DATE_SPAN;
}

/* Does a document number end where word J ends ("số 236-KH/TU, ngày …")? */
static bool number_ends(const scan *s, const kh_vec *nums, long j)
{
	if (j < 0)
		return false;
	const kh_word *w = KH_WORD(s->ws, (size_t)j);
	for (size_t k = 0; k < nums->n; k++) {
		const kh_docnum *n = nums->items[k];
		if (n->end == w->e && n->start >= w->s)
			return true;
	}
	return false;
}

/* What the words before the date at word I make of it; *LEAD is where
 * the phrase starts. */
static kh_date_role lead_role(const scan *s, const kh_vec *nums, long i, size_t *lead, bool *planned)
{
	long j = i - 1;
	*lead = KH_WORD(s->ws, (size_t)i)->s;
	if (j >= 0 && is(s, j, "ngày") && !KH_WORD(s->ws, (size_t)j)->trail)
		*lead = KH_WORD(s->ws, (size_t)j--)->s;
	if (j < 0)
		return KH_DATE_OTHER;
	if (number_ends(s, nums, j))
		return KH_DATE_DOCUMENT;
	if (KH_WORD(s->ws, (size_t)j)->trail)
		return KH_DATE_OTHER; /* "Thời gian: …", "…, 01/6": no word of time */
	if (is(s, j, "là") && j > 0) /* "chậm nhất là ngày …" */
		j--;
	size_t at = KH_WORD(s->ws, (size_t)j)->s;
	kh_date_role r = KH_DATE_OTHER;
	if ((is(s, j, "nhất") && is(s, j - 1, "chậm")) || (is(s, j, "hết") && is(s, j - 1, "đến"))) {
		r = KH_DATE_DEADLINE;
		at = KH_WORD(s->ws, (size_t)j - 1)->s;
	} else if (is(s, j, "trước") || is(s, j, "hạn") || is(s, j, "chót") || is(s, j, "đến") || is(s, j, "tới"))
		r = KH_DATE_DEADLINE;
	else if (is(s, j, "trong"))
		r = KH_DATE_WITHIN;
	else if (is(s, j, "vào") || is(s, j, "cuối") || (is(s, j, "kiến") && is(s, j - 1, "dự")))
		r = KH_DATE_ON;
	else if (is(s, j, "từ"))
		r = KH_DATE_FROM;
	else if (is(s, j, "đoạn") && is(s, j - 1, "giai"))
		return KH_DATE_PERIOD;
	if (r != KH_DATE_OTHER)
		*lead = at;
	*planned = (is(s, j, "kiến") && is(s, j - 1, "dự")) || (is(s, j - 1, "kiến") && is(s, j - 2, "dự"));
	return r;
}

/* A dash and a second date after byte E: a range, "22/12/1989 - 22/12/2019". */
static bool range_after(const char *t, size_t len, size_t e, kh_written_date *second)
{
	size_t k = kh_skip_spaces(t, len, e);
	if (k < len && t[k] == '-')
		k++;
	else if (k + 3 <= len && (!memcmp(t + k, "\xE2\x80\x93", 3) || !memcmp(t + k, "\xE2\x80\x94", 3)))
		k += 3;
	else
		return false;
	return kh_date_at(t, len, kh_skip_spaces(t, len, k), second);
}

/* "… đến [hết] [ngày] DATE" after byte E: the end of a from–to window. */
static bool until_after(const char *t, size_t len, size_t e, kh_written_date *last)
{
	size_t k = kh_skip_spaces(t, len, e), l;
	if (!(l = kh_word_is(t, len, k, "đến")))
		return false;
	k = kh_skip_spaces(t, len, k + l);
	if ((l = kh_word_is(t, len, k, "hết")))
		k = kh_skip_spaces(t, len, k + l);
	if ((l = kh_word_is(t, len, k, "ngày")))
		k = kh_skip_spaces(t, len, k + l);
	return kh_date_at(t, len, k, last) && last->year;
}

/* A from date followed by its end becomes one window; a range, a period. */
static void join_second(const char *t, size_t len, kh_text_date *td)
{
	kh_written_date second;
	if (td->role == KH_DATE_FROM && until_after(t, len, td->d.end, &second)) {
		td->from = td->d;
		if (!td->from.year && !kh_date_set_year(&td->from, second.year))
			return;
		td->d = second;
		td->role = KH_DATE_SPAN;
	} else if (range_after(t, len, td->d.end, &second)) {
		td->role = KH_DATE_PERIOD;
		td->d = second;
	} else {
		return;
	}
	td->end = second.end;
}

kh_vec kh_text_dates(const char *text, size_t len)
{
	kh_vec out = { 0 }, nums = { 0 };
	if (!text)
		return out;
	scan s = kh_text_scan_of(text, len);
	bool numbered = false; /* the documents' numbers, found at the first date */
	size_t skip_to = 0;
	for (size_t i = 0; i < s.ws.n; i++) {
		const kh_word *w = KH_WORD(s.ws, i);
		kh_written_date d;
		if (w->s < skip_to || !kh_date_at(text, len, w->s, &d))
			continue;
		if (!numbered) {
			size_t pos = 0;
			kh_docnum n;
			while (kh_docnum_next(text, len, &pos, &n)) {
				kh_docnum *c = KH_NEW(kh_docnum);
				*c = n;
				kh_vec_push(&nums, c);
			}
			numbered = true;
		}
		kh_text_date *td = KH_NEW(kh_text_date);
		td->d = d;
		td->role = lead_role(&s, &nums, (long)i, &td->lead, &td->planned);
		td->end = d.end;
		join_second(text, len, td);
		skip_to = td->end;
		/* a year alone is a date only after a word of time ("trong năm
		 * 2023"), not in "so sánh với năm 2008" */
		if (d.precision == KH_PREC_YEAR && (td->role == KH_DATE_OTHER || td->role == KH_DATE_DOCUMENT))
			continue;
		kh_vec_push(&out, td);
	}
	return out;
}

/* The day and month of A are D's (only the month for a month). */
static bool same_day_month(kh_day a, const kh_written_date *d)
{
	int y, m, dd;
	kh_date_split(a, &y, &m, &dd);
	if (d->precision == KH_PREC_MONTH)
		return m == d->month;
	return d->precision == KH_PREC_DAY && m == d->month && dd == d->day;
}

bool kh_text_date_agrees(const kh_text_date *t, const kh_when *w)
{
	if (!w || !w->dated)
		return false;
	/* an open start ("từ tháng 11 năm 2023") is its first day; two windows
	 * with both ends must end together */
	bool starts = t->role == KH_DATE_FROM || w->type == KH_WHEN_FROM;
	const kh_written_date *first = t->role == KH_DATE_SPAN ? &t->from : &t->d;
	if (!t->d.year)
		return same_day_month(w->end, &t->d) || (starts && same_day_month(w->start, first));
	if (t->role == KH_DATE_SPAN && w->type == KH_WHEN_SPAN)
		return t->d.last == w->end && first->first == w->start;
	return t->d.last == w->end || (starts && first->first == w->start);
}

/* Does the folded TEXT hold the folded words of PHRASE? */
/* ------------------------------------------------------------------ */
/* Bodies                                                             */

typedef struct found {
	size_t from, to;          /* words [from, to) */
	kh_vec bodies;            /* const kh_body* */
	const kh_level *level;
} found;

/* The level whose id the words from I are, and how many words it takes. */
static size_t level_id_at(const scan *s, size_t i, const kh_vec *levels, const kh_level **out)
{
	size_t best = 0;
	for (size_t k = 0; levels && k < levels->n; k++) {
		const kh_level *l = levels->items[k];
		size_t n = l->nprose_words;
		bool same = n > best && i + n <= s->ws.n;
		for (size_t j = 0; same && j < n; j++)
			same = !strcmp(fw(s, (long)(i + j)), l->prose_words[j]) &&
			       (j + 1 == n || !KH_WORD(s->ws, i + j)->trail);
		if (same) {
			best = n;
			*out = l;
		}
	}
	return best;
}

/* "cấp huyện" at word I: the words it takes, 0 if none. */
static size_t level_at(const scan *s, size_t i, const kh_vec *levels, const kh_level **out)
{
	if (!is(s, (long)i, "cấp") || KH_WORD(s->ws, i)->trail)
		return 0;
	size_t n = level_id_at(s, i + 1, levels, out);
	return n ? n + 1 : 0;
}

/* Would word K continue the name before it (a capital, a locality)? */
static bool continues_name(const scan *s, size_t k)
{
	static const char *const next[] = { "tỉnh", "huyện", "xã", "quận", "phường", "cấp", "thành", "thị" };
	if (KH_WORD(s->ws, k)->lead)
		return false;
	if (capitalised(s, k))
		return true;
	for (size_t i = 0; i < sizeof next / sizeof *next; i++)
		if (is(s, (long)k, next[i]))
			return true;
	return false;
}

/* Does a name of N words from word I end there? A generic body (no
 * level: "Ủy ban nhân dân") may take the level after it: *EXTRA words. */
static bool name_ends(const scan *s, size_t i, size_t n, const kh_body *b, const kh_vec *levels,
		      const kh_level **level, size_t *extra)
{
	size_t k = i + n;
	*extra = 0;
	*level = NULL;
	if (k >= s->ws.n || KH_WORD(s->ws, k - 1)->trail || !continues_name(s, k))
		return true;
	if (kh_body_level(b))
		return false;
	size_t l = level_at(s, k, levels, level);
	if (!l && !capitalised(s, k))
		l = level_id_at(s, k, levels, level);
	*extra = l;
	return l > 0;
}

/* The bodies found at one place, as a set when there are many (a short
 * form every commune shares): a list searched for each would be
 * quadratic. */
typedef struct body_set {
	const kh_body **slot;
	size_t cap, n;
} body_set;

static bool already_found(const found *f, const kh_body *b, body_set *set)
{
	if (f->bodies.n < 16) {
		for (size_t j = 0; j < f->bodies.n; j++)
			if (f->bodies.items[j] == b)
				return true;
		return false;
	}
	if (set->n * 2 >= set->cap) { /* (re)built from the list, twice as large */
		set->cap = set->cap ? set->cap * 2 : 64;
		set->slot = KH_NEW_N(const kh_body *, set->cap);
		set->n = 0;
		for (size_t j = 0; j < f->bodies.n; j++)
			(void)already_found(f, f->bodies.items[j], set);
	}
	size_t h = ((uintptr_t)b >> 4) & (set->cap - 1);
	for (; set->slot[h]; h = (h + 1) & (set->cap - 1))
		if (set->slot[h] == b)
			return true;
	set->slot[h] = b;
	set->n++;
	return false;
}

/* Where a name of M words ends depends on M and on whether the body has
 * a level, not on which body: the bodies of a group ask once. */
typedef struct name_end {
	size_t m, extra;
	const kh_level *lv;
	bool ends;
} name_end;

static const name_end *ends_for(const scan *s, size_t i, size_t m, const kh_body *b, bool leveled,
				const kh_vec *levels, name_end said[2])
{
	name_end *e = &said[leveled];
	if (e->m != m) {
		e->ends = name_ends(s, i, m, b, levels, &e->lv, &e->extra);
		e->m = m;
	}
	return e;
}

/* The readings found so far: the longest wins, ties are all kept. The
 * bodies may be a group's own list (SHARED), read only, until a tie
 * adds to them. */
typedef struct reading {
	found *f;
	size_t best;
	bool shared;
	body_set seen;
} reading;

static void reading_reset(reading *r, size_t best, const kh_level *lv)
{
	r->best = best;
	r->f->level = lv;
	if (r->shared)
		r->f->bodies = (kh_vec){ 0 };
	r->f->bodies.n = 0;
	r->shared = false;
	r->seen.n = 0;
	if (r->seen.slot)
		memset(r->seen.slot, 0, r->seen.cap * sizeof *r->seen.slot);
}

static void reading_add(reading *r, const kh_body *b)
{
	if (r->shared) { /* a copy of the group's list before it grows */
		kh_vec own = { 0 };
		for (size_t k = 0; k < r->f->bodies.n; k++)
			kh_vec_push(&own, r->f->bodies.items[k]);
		r->f->bodies = own;
		r->shared = false;
	}
	if (!already_found(r->f, b, &r->seen))
		kh_vec_push(&r->f->bodies, (void *)b);
}

static void reading_add_all(reading *r, const kh_vec *bodies)
{
	if (!r->f->bodies.n) {
		r->f->bodies = *bodies;
		r->shared = true;
		return;
	}
	for (size_t k = 0; k < bodies->n; k++)
		reading_add(r, bodies->items[k]);
}

/* A group of one name. */
static void read_name(const scan *s, size_t i, const kh_bname *b, const kh_vec *levels, name_end said[2],
		      reading *r)
{
	if (b->n < r->best)
		return;
	const name_end *e = ends_for(s, i, b->n, b->b, b->leveled, levels, said);
	if (!e->ends)
		return;
	if (b->n + e->extra > r->best)
		reading_reset(r, b->n + e->extra, e->lv);
	reading_add(r, b->b);
}

/*
 * A group of many names, read as its names one by one would be, without
 * a step per name: the first body whose reading ends takes it (the first
 * of BY[k] is the first of its kind in ALL); a level's word after the name
 * (EXTRA) makes that reading longer than the group's others, so it stands
 * alone.
 */
static void read_group(const scan *s, size_t i, const kh_bgroup *g, const kh_vec *levels, name_end said[2],
		       reading *r)
{
	size_t m = g->name->n;
	if (m < r->best)
		return;
	const name_end *e[2] = { NULL, NULL };
	const kh_bgroup_many *many = g->many;
	for (int l = 0; l < 2; l++)
		if (many->by[l].n) {
			e[l] = ends_for(s, i, m, many->by[l].items[0], l, levels, said);
			if (!e[l]->ends)
				e[l] = NULL;
		}
	if (!e[0] && !e[1])
		return;
	int p = e[0] && e[1] ? many->all.items[0] == many->by[1].items[0] : !e[0];
	if (e[p]->extra || m > r->best)
		reading_reset(r, m + e[p]->extra, e[p]->lv);
	if (e[p]->extra) {
		reading_add(r, many->by[p].items[0]);
		return;
	}
	const name_end *q = e[!p];
	if (q && q->extra) {
		reading_reset(r, m + q->extra, q->lv);
		reading_add(r, many->by[!p].items[0]);
		return;
	}
	reading_add_all(r, q ? &many->all : &many->by[p]);
}

/* The longest body name (or "cấp X") starting at word I. */
static bool find_at(const scan *s, size_t i, const kh_bindex *names, const kh_vec *levels, found *f)
{
	memset(f, 0, sizeof *f);
	size_t n = level_at(s, i, levels, &f->level);
	if (n) {
		f->from = i;
		f->to = i + n;
		return true;
	}
	/* read before the next word is looked at, so one room for every word */
	groups_at.n = 0;
	if (names)
		kh_bindex_at(names, s->t, (kh_vec *)&s->ws, i, &groups_at);
	reading r = { f, 0, false, { 0 } };
	name_end said[2] = { { 0 }, { 0 } };
	for (size_t k = 0; k < groups_at.n; k++) {
		const kh_bgroup *g = groups_at.items[k];
		if (g->many)
			read_group(s, i, g, levels, said, &r);
		else
			read_name(s, i, g->name, levels, said, &r);
	}
	f->from = i;
	f->to = i + r.best;
	return r.best > 0;
}

/* The head of the text or of a sentence, maybe after "Giao", "Đề nghị",
 * "Yêu cầu", "Đối với". */
static bool subject_start(const scan *s, long i)
{
	long k = i;
	if (is(s, k - 1, "các") || is(s, k - 1, "những"))
		k--; /* "Các đảng bộ cơ sở tổng hợp …" */
	if (is(s, k - 1, "giao"))
		k -= 1;
	else if ((is(s, k - 1, "cho") && is(s, k - 2, "giao")) || (is(s, k - 1, "nghị") && is(s, k - 2, "đề")) ||
		 (is(s, k - 1, "cầu") && is(s, k - 2, "yêu")) || (is(s, k - 1, "với") && is(s, k - 2, "đối")))
		k -= 2;
	if (k == 0)
		return true;
	return ends_with(s, k - 1, ".:;") && capitalised(s, (size_t)k);
}

/* "gửi", "báo cáo" or "trình" among the words of the clause before J. */
static bool sends_before(const scan *s, long j)
{
	for (long k = j; k >= 0 && k > j - 16; k--) {
		if (is(s, k, "gửi") || is(s, k, "trình") || (is(s, k, "cáo") && is(s, k - 1, "báo")))
			return true;
		if (ends_with(s, k - 1, ".;:"))
			return false;
	}
	return false;
}

/* "tham mưu (cho) X", "giúp X": X gets the result, though the words
 * could also name the one advised in general. */
static bool advises(const scan *s, long i)
{
	if (is(s, i - 1, "cho"))
		i--;
	return (is(s, i - 1, "mưu") && is(s, i - 2, "tham")) || is(s, i - 1, "giúp");
}

static kh_mention_role role_at(const scan *s, long i, long forced)
{
	if (i == forced)
		return KH_MENTION_OWNER;
	if (KH_WORD(s->ws, (size_t)i)->lead && i > 0 && !is(s, i - 1, "qua"))
		return KH_MENTION_OTHER; /* inside brackets or quotes */
	long at = i; /* the role words stand before "các": "phối hợp với các ban …" */
	if (is(s, i - 1, "các") || is(s, i - 1, "những"))
		i--;
	if (is(s, i - 1, "qua"))
		return KH_MENTION_VIA;
	if ((is(s, i - 1, "với") && is(s, i - 2, "hợp") && is(s, i - 3, "phối")) ||
	    (is(s, i - 1, "hợp") && is(s, i - 2, "phối")) || (is(s, i - 1, "với") && is(s, i - 2, "cùng")))
		return KH_MENTION_COOPERATE;
	if (is(s, i - 1, "trình") || is(s, i - 1, "gửi") || (is(s, i - 1, "cáo") && is(s, i - 2, "báo")) ||
	    (is(s, i - 1, "về") && sends_before(s, i - 2)) || advises(s, i))
		return KH_MENTION_RECIPIENT;
	return subject_start(s, at) ? KH_MENTION_OWNER : KH_MENTION_OTHER;
}

/* Mention I continues the run that ended at word TO: "A, B", "A và B". */
static bool continues_run(const scan *s, size_t to, size_t i)
{
	if (i == to)
		return ends_with(s, (long)to - 1, ",;");
	return i == to + 1 && is(s, (long)to, "và") && !ends_with(s, (long)to - 1, ".;:");
}

/* After a run (OUT[RUN..]) ending at word TO: "A chủ trì" makes it the
 * owner; "A giao B", "A đề nghị B" makes B the owner, not A. Returns
 * where that owner starts, or -1. */
static long close_run(const scan *s, kh_vec *out, size_t run, size_t to)
{
	long k = (long)to, forced = -1;
	bool chair = is(s, k, "chủ") && is(s, k + 1, "trì");
	kh_mention *head = out->items[run];
	if (head->role == KH_MENTION_OWNER) {
		if (is(s, k, "giao"))
			forced = k + 1 + is(s, k + 1, "cho");
		else if ((is(s, k, "đề") && is(s, k + 1, "nghị")) || (is(s, k, "yêu") && is(s, k + 1, "cầu")) ||
			 (is(s, k, "phân") && is(s, k + 1, "công")))
			forced = k + 2;
	}
	for (size_t j = run; j < out->n; j++) {
		kh_mention *m = out->items[j];
		if (forced >= 0)
			m->role = KH_MENTION_OTHER;
		if (chair && (m->role == KH_MENTION_OWNER || m->role == KH_MENTION_OTHER)) {
			m->role = KH_MENTION_OWNER;
			m->chairs = true;
		}
	}
	return forced;
}

/* The mentions of TEXT, looked for at the words AT[0, NAT) (ascending),
 * or at every word when AT is NULL. */
kh_vec kh_text_mentions_at(const char *text, size_t len, const kh_bindex *names, const kh_vec *levels,
			    const size_t *at, size_t nat)
{
	kh_vec out = { 0 };
	scan s = kh_text_scan_of(text, len);
	long forced = -1;
	size_t run = 0, prev_to = 0, next = 0;
	size_t n = at ? nat : s.ws.n;
	for (size_t c = 0; c < n; c++) {
		size_t i = at ? at[c] : c;
		found f;
		if (i < next || !find_at(&s, i, names, levels, &f))
			continue;
		bool cont = out.n && continues_run(&s, prev_to, i);
		if (out.n && !cont) {
			forced = close_run(&s, &out, run, prev_to);
			run = out.n;
		}
		kh_mention *m = KH_NEW(kh_mention);
		m->weak = cont ? ((kh_mention *)out.items[out.n - 1])->weak : advises(&s, (long)i);
		m->start = KH_WORD(s.ws, f.from)->s;
		m->end = KH_WORD(s.ws, f.to - 1)->e;
		m->bodies = f.bodies;
		m->level = f.level;
		m->role = cont ? ((kh_mention *)out.items[out.n - 1])->role : role_at(&s, (long)i, forced);
		kh_vec_push(&out, m);
		prev_to = next = f.to;
	}
	if (out.n)
		close_run(&s, &out, run, prev_to);
	return out;
}

kh_vec kh_text_mentions(const char *text, size_t len, const kh_bindex *names, const kh_vec *levels)
{
	if (!text)
		return (kh_vec){ 0 };
	return kh_text_mentions_at(text, len, names, levels, NULL, 0);
}

/* A body's name without a leading "Các" ("Các sở, ban, ngành" is "Sở,
 * ban, ngành"), folded. */
static const char *plain_name(const kh_body *b)
{
	const char *f = kh_text_fold(b->name ? b->name : b->id);
	return !strncmp(f, "các ", strlen("các ")) ? f + strlen("các ") : f;
}

/* A generic body's name (no level: "Ban Thường vụ") starting B's
 * ("Ban Thường vụ Đảng ủy"): the short way of naming it. */
static bool generic_prefix(const kh_body *c, const kh_body *b)
{
	if (kh_body_level(c))
		return false;
	const char *cn = plain_name(c), *bn = plain_name(b);
	size_t n = strlen(cn);
	return !strncmp(cn, bn, n) && (bn[n] == ' ' || !bn[n]);
}

/* Is body C (named in the text, at LEVEL when known) what B is? */
static bool body_agrees(const kh_body *c, const kh_level *level, const kh_body *b)
{
	if (!(c == b || kh_body_is(c, b) || kh_body_is(b, c) || !strcmp(plain_name(c), plain_name(b)) ||
	      generic_prefix(c, b)))
		return false;
	const kh_level *bl = kh_body_level(b);
	return !level || !bl || bl == level;
}

bool kh_mention_agrees(const kh_mention *m, const kh_ref *r)
{
	if (r->kind == KH_REF_LEVEL && r->level) {
		if (!m->bodies.n)
			return m->level == r->level;
		for (size_t i = 0; i < m->bodies.n; i++) {
			const kh_level *l = kh_body_level(m->bodies.items[i]);
			if (l ? l == r->level : (!m->level || m->level == r->level))
				return true;
		}
		return false;
	}
	if (r->kind != KH_REF_BODY || !r->body)
		return true; /* cấp_trên, cấp_tổ_chức, text: not for words to judge */
	if (!m->bodies.n) {
		const kh_level *l = kh_body_level(r->body);
		return !l || l == m->level;
	}
	for (size_t i = 0; i < m->bodies.n; i++)
		if (body_agrees(m->bodies.items[i], m->level, r->body))
			return true;
	return false;
}

bool kh_mention_agrees_any(const kh_mention *m, const kh_vec *refs)
{
	for (size_t i = 0; i < refs->n; i++)
		if (kh_mention_agrees(m, refs->items[i]))
			return true;
	return false;
}

/* "Các huyện ủy, thị ủy, thành ủy …" for "cấp huyện": the level's word in
 * the head of the text. */
bool kh_text_level_in_head(const char *text, const kh_level *l)
{
	const char *lw = l->prose;
	scan s = kh_text_scan_of(text, strlen(text));
	for (size_t i = 0; i < s.ws.n && i < 8; i++) {
		if (!strcmp(fw(&s, (long)i), lw) || (i + 1 < s.ws.n && strstr(lw, " ") &&
						     !strcmp(kh_printf("%s %s", fw(&s, (long)i), fw(&s, (long)i + 1)), lw)))
			return true;
		if (ends_with(&s, (long)i, ".;:"))
			break;
	}
	return false;
}


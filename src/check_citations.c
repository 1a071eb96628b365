/*
 * check_citations.c - document numbers in prose: the recogniser (see
 * citations.h), the strings of a plan in source order, and the rules
 *
 *   unknown-citation     a number that matches no declared document,
 *   short-name-mismatch  a short name reused in a variant,
 *   citation-conflict    a number cited with another date or issuer.
 *
 * Design notes (a false alarm is a bug):
 * - Numbers are found only in their documented shapes (297/HD-UBND,
 *   02/2019/NĐ-CP, 35-HD/BTCTW), never inside a longer word; dates and
 *   year ranges have no symbol and are never numbers.
 * - An unknown number is reported when it is a near miss of a declared
 *   one (every occurrence: each is a typing error to fix), or when the
 *   plan declares other documents of the same shape (once: the plan
 *   tracks such documents, this one is missing). A plan that declares no
 *   law-shaped number is not told about every law it names.
 * - A short name is checked only when it ends in a number: the words
 *   before the number ("Chỉ thị số") must be found right before a cited
 *   number, so ordinary words are never taken for a short name. Whole
 *   citations (followed by "ngày …" or "của …") may use the full form;
 *   text in capitals (headings) may differ in case.
 * - An issuer is compared only when it names a declared body (the longest
 *   body name the words after "của" start with, ending at a word
 *   boundary); names of one body's parent, or a shorter form of the same
 *   name, agree with it.
 * Part of kehoach; see README.md for the licence.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "alloc.h"
#include "check.h"
#include "citations.h"
#include "names.h"
#include "prose_words.h"
#include "strmap.h"

/* ------------------------------------------------------------------ */
/* The recogniser                                                     */

/* Bytes of a symbol character at S[I] (ASCII letter or digit, Đ, đ; the
 * first of a group must be a capital), 0 if none. */
static size_t sym_char(const char *s, size_t len, size_t i, bool first)
{
	unsigned char c = (unsigned char)s[i];
	if (c < 128)
		return (first ? isupper(c) : isalnum(c)) ? 1 : 0;
	if (c == 0xC4 && i + 1 < len &&
	    ((unsigned char)s[i + 1] == 0x90 || (!first && (unsigned char)s[i + 1] == 0x91)))
		return 2;
	return 0;
}

/* The end of a symbol group ("HD", "BTCTW", "NĐ", "QH15", "QyĐ") at I, or I. */
static size_t scan_group(const char *s, size_t len, size_t i)
{
	if (i >= len)
		return i;
	size_t k = sym_char(s, len, i, true);
	if (!k)
		return i;
	size_t j = i + k;
	while (j < len && (k = sym_char(s, len, j, false)))
		j += k;
	return j;
}

/* A group in upper case (đ becomes Đ) appended to B. */
static void put_upper(kh_buf *b, const char *s, size_t start, size_t end)
{
	for (size_t i = start; i < end; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0xC4 && i + 1 < end && (unsigned char)s[i + 1] == 0x91) {
			kh_buf_put(b, "\xC4\x90", 2);
			i++;
		} else {
			kh_buf_putc(b, (char)toupper(c));
		}
	}
}

static bool boundary_before(const char *s, size_t i)
{
	if (i == 0)
		return true;
	int32_t c = kh_cp_before(s, i);
	if (kh_is_word_cp(c))
		return false;
	/* "COVID-19/…", "a/35-HD/TW": part of a longer token */
	if ((c == '/' || c == '-') && i >= 2 && kh_is_word_cp(kh_cp_before(s, i - 1)))
		return false;
	return true;
}

#define MAX_GROUPS 8

/* A number starting at I (a digit at a word boundary). */
static bool parse_at(const char *s, size_t len, size_t i, kh_docnum *out)
{
	size_t j = i;
	while (j < len && isdigit((unsigned char)s[j]))
		j++;
	size_t nd = j - i;
	if (nd == 0 || nd > 7 || j >= len)
		return false;
	size_t gs[MAX_GROUPS], ge[MAX_GROUPS];
	size_t ng = 0;
	int year = 0;
	kh_num_form form;
	size_t g;
	if (s[j] == '/') {
		size_t k = j + 1, y = k;
		while (y < len && isdigit((unsigned char)s[y]))
			y++;
		if (y - k == 4 && y < len && s[y] == '/' && (g = scan_group(s, len, y + 1)) > y + 1) {
			form = KH_NUM_LAW;
			year = atoi(kh_strndup(s + k, 4));
			gs[ng] = y + 1;
			ge[ng++] = g;
		} else if ((g = scan_group(s, len, k)) > k) {
			form = KH_NUM_STATE;
			gs[ng] = k;
			ge[ng++] = g;
		} else {
			return false;
		}
		j = g;
	} else if (s[j] == '-') {
		size_t g1 = scan_group(s, len, j + 1);
		if (g1 == j + 1 || g1 >= len || s[g1] != '/')
			return false;
		size_t g2 = scan_group(s, len, g1 + 1);
		if (g2 == g1 + 1)
			return false;
		form = KH_NUM_PARTY;
		gs[0] = j + 1;
		ge[0] = g1;
		gs[1] = g1 + 1;
		ge[1] = g2;
		ng = 2;
		j = g2;
	} else {
		return false;
	}
	while (j + 1 < len && s[j] == '-' && ng < MAX_GROUPS && (g = scan_group(s, len, j + 1)) > j + 1) {
		gs[ng] = j + 1;
		ge[ng++] = g;
		j = g;
	}
	if (j < len) {
		size_t n;
		if (kh_is_word_cp(kh_cp_at(s, len, j, &n)))
			return false; /* "35-HD/BTCTWà": inside a longer word */
	}
	long number = 0;
	for (size_t k = i; k < i + nd; k++)
		number = number * 10 + (s[k] - '0');

	kh_buf key = { 0 }, kind = { 0 }, issuer = { 0 };
	if (form == KH_NUM_LAW)
		kh_buf_printf(&key, "%ld/%d/", number, year);
	else
		kh_buf_printf(&key, "%ld%c", number, form == KH_NUM_PARTY ? '-' : '/');
	for (size_t k = 0; k < ng; k++) {
		if (k)
			kh_buf_putc(&key, form == KH_NUM_PARTY && k == 1 ? '/' : '-');
		put_upper(&key, s, gs[k], ge[k]);
		if (k == 0) {
			put_upper(&kind, s, gs[k], ge[k]);
		} else {
			if (k > 1)
				kh_buf_putc(&issuer, '-');
			put_upper(&issuer, s, gs[k], ge[k]);
		}
	}
	out->start = i;
	out->end = j;
	out->form = form;
	out->number = number;
	out->year = year;
	out->key = kh_buf_cstr(&key);
	out->kind = kh_buf_cstr(&kind);
	out->issuer = kh_buf_cstr(&issuer);
	return true;
}

bool kh_docnum_next(const char *text, size_t len, size_t *pos, kh_docnum *out)
{
	for (size_t i = *pos; i < len; i++) {
		if (!isdigit((unsigned char)text[i]) || !boundary_before(text, i))
			continue;
		if (parse_at(text, len, i, out)) {
			*pos = out->end;
			return true;
		}
		while (i + 1 < len && isdigit((unsigned char)text[i + 1]))
			i++;
	}
	*pos = len;
	return false;
}

bool kh_docnum_parse(const char *s, kh_docnum *out)
{
	if (!s)
		return false;
	size_t len = strlen(s), a = 0;
	while (a < len && isspace((unsigned char)s[a]))
		a++;
	while (len > a && isspace((unsigned char)s[len - 1]))
		len--;
	if (a >= len || !isdigit((unsigned char)s[a]))
		return false;
	if (!parse_at(s, len, a, out) || out->end != len)
		return false;
	return true;
}

#define OSA_MAX 64

size_t kh_osa_distance(const char *a, const char *b, size_t limit)
{
	int32_t x[OSA_MAX], y[OSA_MAX];
	size_t n = 0, m = 0, la = strlen(a), lb = strlen(b);
	for (size_t i = 0, k; i < la && n < OSA_MAX; i += k)
		x[n++] = kh_cp_at(a, la, i, &k);
	for (size_t i = 0, k; i < lb && m < OSA_MAX; i += k)
		y[m++] = kh_cp_at(b, lb, i, &k);
	if ((n > m ? n - m : m - n) > limit)
		return limit + 1;
	static size_t d[OSA_MAX + 1][OSA_MAX + 1];
	for (size_t i = 0; i <= n; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= n; i++) {
		for (size_t j = 1; j <= m; j++) {
			size_t cost = x[i - 1] != y[j - 1];
			size_t v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[n][m] > limit ? limit + 1 : d[n][m];
}

kh_near kh_docnum_near(const kh_docnum *a, const kh_docnum *b)
{
	if (!strcmp(a->key, b->key))
		return KH_NEAR_SAME;
	bool parts = a->number == b->number && a->year == b->year && !strcmp(a->kind, b->kind);
	if (parts && !strcmp(a->issuer, b->issuer))
		return KH_NEAR_FORM;
	if (parts && a->form == b->form && *a->issuer && *b->issuer)
		return KH_NEAR_ISSUER;
	if (kh_osa_distance(a->key, b->key, 1) <= 1)
		return KH_NEAR_TYPO;
	return KH_NEAR_NONE;
}

/* ------------------------------------------------------------------ */
/* The strings of the main file                                       */

/*
 * The string literals of the main file, found once: the resolved plan
 * keeps a string's text but not where it was written (statements keep
 * the span of their keyword or id). A string is matched to the first
 * literal with the same text after its statement; literals joined by
 * juxtaposition ("a " "b") count as one.
 */
typedef struct literal {
	unsigned start, end;      /* the source bytes, quotes included */
	const char *text;         /* decoded */
	bool raw;                 /* one literal without escapes: text is source[start+1, end-1) */
	bool claimed;
} literal;

typedef struct lit_index {
	literal *v;
	size_t n, cap;
	const char **keys;        /* hash: text -> first literal with it (chained by next) */
	size_t *first, *next, hcap;
} lit_index;


static void lit_push(lit_index *x, unsigned start, unsigned end, const char *text, bool raw)
{
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 256;
		x->v = KH_GROW_N(x->v, literal, x->cap);
	}
	x->v[x->n++] = (literal){ start, end, text, raw, false };
}

/* Decodes the literal at SRC[I] (a '"'); returns the index after it. */
static size_t read_literal(const char *src, size_t len, size_t i, kh_buf *out, bool *raw)
{
	*raw = true;
	for (i++; i < len && src[i] != '"' && src[i] != '\n'; i++) {
		if (src[i] != '\\' || i + 1 >= len) {
			kh_buf_putc(out, src[i]);
			continue;
		}
		*raw = false;
		char e = src[++i];
		if (e == 'n')
			kh_buf_putc(out, '\n');
		else if (e == 't')
			kh_buf_putc(out, '\t');
		else if (e == 'u' && i + 1 < len && src[i + 1] == '{') {
			size_t j = i + 2;
			long cp = 0;
			while (j < len && isxdigit((unsigned char)src[j]) && cp < 0x110000)
				cp = cp * 16 + (isdigit((unsigned char)src[j]) ? src[j] - '0'
									  : (tolower((unsigned char)src[j]) - 'a' + 10)),
				j++;
			if (j < len && src[j] == '}' && cp > 0 && cp < 0x110000) {
				utf8proc_uint8_t enc[4];
				utf8proc_ssize_t k = utf8proc_encode_char((utf8proc_int32_t)cp, enc);
				kh_buf_put(out, (const char *)enc, (size_t)k);
				i = j;
			}
		} else {
			kh_buf_putc(out, e);
		}
	}
	return i < len && src[i] == '"' ? i + 1 : i;
}

static void lit_hash(lit_index *x)
{
	x->hcap = 64;
	while (x->hcap < x->n * 2)
		x->hcap *= 2;
	x->keys = KH_NEW_N(const char *, x->hcap);
	x->first = KH_NEW_N(size_t, x->hcap);
	x->next = KH_NEW_N(size_t, x->n + 1);
	for (size_t k = x->n; k-- > 0;) {
		size_t h = kh_str_hash(x->v[k].text) & (x->hcap - 1);
		while (x->keys[h] && strcmp(x->keys[h], x->v[k].text))
			h = (h + 1) & (x->hcap - 1);
		x->next[k] = x->keys[h] ? x->first[h] : (size_t)-1;
		x->keys[h] = x->v[k].text;
		x->first[h] = k;
	}
}

static lit_index index_literals(const kh_source *src)
{
	lit_index x = { 0 };
	const char *t = src->text;
	size_t len = src->len;
	for (size_t i = 0; i < len;) {
		char c = t[i];
		if (c == '#' || (c == '/' && i + 1 < len && t[i + 1] == '/')) {
			while (i < len && t[i] != '\n')
				i++;
		} else if (c == '/' && i + 1 < len && t[i + 1] == '*') {
			i += 2;
			while (i + 1 < len && !(t[i] == '*' && t[i + 1] == '/'))
				i++;
			i += 2;
		} else if (c == '"') {
			/* a run of literals separated by spaces: each, and the run joined */
			kh_buf joined = { 0 };
			size_t run_start = i, count = 0;
			bool all_raw = true;
			for (;;) {
				kh_buf one = { 0 };
				bool raw;
				size_t e = read_literal(t, len, i, &one, &raw);
				lit_push(&x, (unsigned)i, (unsigned)e, kh_buf_cstr(&one), raw);
				kh_buf_put(&joined, one.data ? one.data : "", one.len);
				all_raw = all_raw && raw;
				count++;
				i = e;
				size_t j = i;
				while (j < len && (t[j] == ' ' || t[j] == '\t'))
					j++;
				if (j >= len || t[j] != '"')
					break;
				i = j;
			}
			if (count > 1)
				lit_push(&x, (unsigned)run_start, (unsigned)i, kh_buf_cstr(&joined), false);
			(void)all_raw;
		} else {
			i++;
		}
	}
	lit_hash(&x);
	return x;
}

/* The first unclaimed literal with TEXT at or after AFTER (else the first
 * unclaimed one anywhere), or NULL. */
static literal *lit_find(lit_index *x, const char *text, unsigned after)
{
	if (!x->hcap)
		return NULL;
	size_t h = kh_str_hash(text) & (x->hcap - 1);
	while (x->keys[h] && strcmp(x->keys[h], text))
		h = (h + 1) & (x->hcap - 1);
	if (!x->keys[h])
		return NULL;
	/* Claimed literals at the head of the chain are dropped, so a text
	 * repeated thousands of times costs O(1) per lookup, not O(n). */
	while (x->first[h] != (size_t)-1 && x->v[x->first[h]].claimed)
		x->first[h] = x->next[x->first[h]];
	literal *any = NULL;
	for (size_t k = x->first[h]; k != (size_t)-1; k = x->next[k]) {
		literal *l = &x->v[k];
		if (l->claimed)
			continue;
		if (l->start >= after)
			return l;
		if (!any)
			any = l;
	}
	return any;
}

typedef struct collector {
	const kh_program *prog;
	int main_id;
	kh_vec *out;
	lit_index lits;
	unsigned order;
} collector;

static void add(collector *c, const char *text, kh_span span, const kh_document *of, bool short_name)
{
	if (!text || !*text || span.file != c->main_id)
		return;
	kh_prose *p = KH_NEW(kh_prose);
	p->text = text;
	p->len = strlen(text);
	p->span = span;
	p->of = of;
	p->short_name = short_name;
	p->order = c->order++;
	p->at = -1;
	literal *l = lit_find(&c->lits, text, span.start);
	if (l) {
		l->claimed = true;
		if (l->raw)
			p->at = (long)l->start + 1;
		else
			p->span = (kh_span){ span.file, l->start, l->end }; /* searched in kh_prose_span */
	}
	kh_vec_push(c->out, p);
}

static void add_in(collector *c, const char *text, kh_span span)
{
	add(c, text, span, NULL, false);
}

static void walk_items(collector *c, const kh_vec *items)
{
	for (size_t i = 0; i < items->n; i++) {
		const kh_item *it = KH_VEC_AT(*items, kh_item, i);
		switch (it->kind) {
		case KH_ITEM_PART:
		case KH_ITEM_SECTION:
		case KH_ITEM_PARAGRAPH:
		case KH_ITEM_BULLET:
		case KH_ITEM_SUBBULLET:
		case KH_ITEM_LINE:
		case KH_ITEM_PURPOSE:
		case KH_ITEM_REQUIREMENT:
		case KH_ITEM_CONTENT:
			add_in(c, it->text, it->span);
			break;
		default:
			/* tasks, meetings, outlines, awards, budget, recipients and the
			 * signature are read from their own records */
			break;
		}
		if (it->kind == KH_ITEM_PART || it->kind == KH_ITEM_SECTION || it->kind == KH_ITEM_AWARDS)
			walk_items(c, &it->items);
	}
}

static void walk_ref_texts(collector *c, const kh_vec *refs)
{
	for (size_t i = 0; i < refs->n; i++) {
		const kh_ref *r = KH_VEC_AT(*refs, kh_ref, i);
		if (r->kind == KH_REF_TEXT)
			add_in(c, r->text, r->span);
	}
}

static void walk_groups(collector *c, const kh_vec *groups)
{
	for (size_t i = 0; i < groups->n; i++) {
		const kh_group *g = KH_VEC_AT(*groups, kh_group, i);
		add_in(c, g->text, g->span);
		walk_ref_texts(c, &g->refs);
		walk_groups(c, &g->groups);
	}
}

static int prose_cmp(const void *a, const void *b)
{
	const kh_prose *x = *(kh_prose *const *)a, *y = *(kh_prose *const *)b;
	long px = x->at >= 0 ? x->at : (long)x->span.start, py = y->at >= 0 ? y->at : (long)y->span.start;
	if (px != py)
		return px < py ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

void kh_prose_collect(const kh_program *prog, kh_vec *out)
{
	if (!prog->main)
		return;
	collector c = { prog, prog->main->id, out, index_literals(prog->main), 0 };
	size_t first = out->n;
	const kh_plan *p = prog->plan;
	if (p) {
		add_in(&c, p->title, p->span);
		add_in(&c, p->preamble, p->span);
		add_in(&c, p->closing, p->span);
		add_in(&c, p->award_criteria, p->span);
		walk_items(&c, &p->items);
		for (size_t i = 0; i < p->tasks.n; i++) {
			const kh_task *t = KH_VEC_AT(p->tasks, kh_task, i);
			add_in(&c, t->text, t->span);
			add_in(&c, t->note, t->span);
			for (size_t j = 0; j < t->description.n; j++)
				add_in(&c, t->description.items[j], t->span);
		}
		for (size_t i = 0; i < p->meetings.n; i++) {
			const kh_meeting *m = KH_VEC_AT(p->meetings, kh_meeting, i);
			add_in(&c, m->name, m->span);
			add_in(&c, m->note, m->span);
			walk_groups(&c, &m->attendees);
		}
		for (size_t i = 0; i < p->award_targets.n; i++) {
			const kh_award_target *t = KH_VEC_AT(p->award_targets, kh_award_target, i);
			add_in(&c, t->text, t->span);
		}
		for (size_t i = 0; i < p->award_forms.n; i++) {
			const kh_award_form *f = KH_VEC_AT(p->award_forms, kh_award_form, i);
			add_in(&c, f->name, f->span);
			add_in(&c, f->criteria, f->span);
			add_in(&c, f->note, f->span);
		}
		for (size_t i = 0; i < p->budget.n; i++) {
			const kh_budget_line *b = KH_VEC_AT(p->budget, kh_budget_line, i);
			add_in(&c, b->text, b->span);
		}
		for (size_t i = 0; i <= p->recipients.n; i++) {
			const kh_recipient *r = i < p->recipients.n ? KH_VEC_AT(p->recipients, kh_recipient, i) : p->archive;
			if (!r || (i < p->recipients.n && r == p->archive))
				continue;
			add_in(&c, r->purpose, r->span);
			walk_ref_texts(&c, &r->refs);
		}
		if (p->signature) {
			add_in(&c, p->signature->on_behalf_text, p->signature->span);
			add_in(&c, p->signature->note, p->signature->span);
		}
		for (size_t i = 0; i < p->outlines.n; i++) {
			const kh_outline *o = KH_VEC_AT(p->outlines, kh_outline, i);
			add_in(&c, o->name, o->span);
			add_in(&c, o->title, o->span);
			add_in(&c, o->attached_to, o->span);
			for (size_t j = 0; j < o->lines.n; j++)
				add_in(&c, o->lines.items[j], o->span);
			walk_items(&c, &o->items);
		}
	}
	for (size_t i = 0; i < prog->events.n; i++) {
		const kh_event *e = KH_VEC_AT(prog->events, kh_event, i);
		add_in(&c, e->text, e->span);
	}
	for (size_t i = 0; i < prog->documents.n; i++) {
		const kh_document *d = KH_VEC_AT(prog->documents, kh_document, i);
		add(&c, d->title, d->span, d, false);
		add(&c, d->short_name, d->span, d, true);
	}
	if (out->n > first)
		qsort(out->items + first, out->n - first, sizeof *out->items, prose_cmp);
}

kh_span kh_prose_span(const kh_prose *p, size_t start, size_t end)
{
	if (end > p->len)
		end = p->len;
	if (start > end)
		start = end;
	if (p->at >= 0)
		return (kh_span){ p->span.file, (unsigned)(p->at + (long)start), (unsigned)(p->at + (long)end) };
	/* Not verbatim (escapes, joined literals): the same bytes, counted. */
	size_t n = end - start;
	const kh_source *src = kh_source_get(p->span.file);
	if (n && src && p->span.end <= src->len && p->span.start < p->span.end) {
		size_t k = 0;
		for (size_t i = 0; i < start; i++)
			if (i + n <= p->len && !memcmp(p->text + i, p->text + start, n))
				k++;
		const char *base = src->text, *s = base + p->span.start, *e = base + p->span.end;
		while (s < e) {
			const char *q = kh_find_bytes(s, (size_t)(e - s), p->text + start, n);
			if (!q)
				break;
			if (k-- == 0)
				return (kh_span){ p->span.file, (unsigned)(q - base), (unsigned)(q - base + (long)n) };
			s = q + 1;
		}
	}
	return p->span;
}

/* ------------------------------------------------------------------ */
/* Declared documents and bodies                                      */

typedef struct decl {
	const kh_document *doc;   /* NULL: the plan itself */
	const char *id;           /* for messages */
	const char *number;
	kh_docnum dn;
	bool parsed;
	const char *key;
	bool has_date;
	kh_day date;
	const kh_body *issuer;
	kh_span span;
} decl;

/* The key of a declared number that is not in a known form. */
static const char *raw_key(const char *s)
{
	kh_buf b = { 0 };
	size_t len = strlen(s), a = 0;
	while (a < len && isspace((unsigned char)s[a]))
		a++;
	while (len > a && isspace((unsigned char)s[len - 1]))
		len--;
	put_upper(&b, s, a, len);
	return kh_buf_cstr(&b);
}

typedef struct decls {
	decl *v;
	size_t n;
	kh_strmap by_key;
	unsigned forms;           /* bit per kh_num_form that some declaration has */
	kh_strmap near;              /* cited key -> (declaration + 1) * 8 + kh_near, 0: none */
} decls;

static void add_decl(decls *ds, const kh_document *doc, const char *id, const char *number, bool has_date,
		     kh_day date, const kh_body *issuer, kh_span span)
{
	if (!number || !*number)
		return;
	decl *d = &ds->v[ds->n];
	memset(d, 0, sizeof *d);
	d->doc = doc;
	d->id = id;
	d->number = number;
	d->parsed = kh_docnum_parse(number, &d->dn);
	d->key = d->parsed ? d->dn.key : raw_key(number);
	d->has_date = has_date;
	d->date = date;
	d->issuer = issuer;
	d->span = span;
	if (d->parsed)
		ds->forms |= 1u << d->dn.form;
	kh_strmap_put(&ds->by_key, d->key, (int)ds->n);
	ds->n++;
}

static decls build_decls(const kh_program *prog)
{
	decls ds = { 0 };
	ds.v = KH_NEW_N(decl, prog->documents.n + 1);
	const kh_plan *p = prog->plan;
	if (p)
		add_decl(&ds, NULL, "this plan", p->number, p->has_date, p->date, p->issuer, p->span);
	for (size_t i = 0; i < prog->documents.n; i++) {
		const kh_document *d = KH_VEC_AT(prog->documents, kh_document, i);
		add_decl(&ds, d, d->id, d->number, d->has_date, d->date, d->issuer, d->span);
	}
	return ds;
}

/* Comparisons are budgeted so that a huge generated file stays linear. */
static size_t budget;

/* The declaration a cited number nearly matches (kind of miss in *HOW). */
static int nearest_decl(decls *ds, const kh_docnum *n, kh_near *how)
{
	int cached = kh_strmap_get(&ds->near, n->key);
	if (cached >= 0) {
		*how = (kh_near)(cached % 8);
		return cached / 8 - 1;
	}
	int best = -1;
	kh_near best_how = KH_NEAR_NONE;
	for (size_t i = 0; i < ds->n && budget > 0; i++, budget--) {
		if (!ds->v[i].parsed)
			continue;
		kh_near h = kh_docnum_near(n, &ds->v[i].dn);
		if (h == KH_NEAR_NONE || h == KH_NEAR_SAME)
			continue;
		if (best < 0 || h < best_how) {
			best = (int)i;
			best_how = h;
		}
	}
	*how = best_how;
	kh_strmap_put(&ds->near, n->key, (best + 1) * 8 + (int)best_how);
	return best;
}

/* ------------------------------------------------------------------ */
/* Mentions                                                           */

typedef struct mention {
	const kh_prose *p;
	kh_docnum n;              /* offsets in p->text */
	kh_span span;             /* the number in the source */
	long src;                 /* its source offset, for ordering */
	int decl;                 /* the declaration with this very number, or -1 */
	size_t pi;                /* index of p in the strings */
} mention;

static kh_vec collect_mentions(const kh_vec *proses, const decls *ds)
{
	kh_vec out = { 0 };
	for (size_t i = 0; i < proses->n; i++) {
		const kh_prose *p = proses->items[i];
		if (p->short_name)
			continue; /* an alias declared with its document: see short-name-mismatch */
		size_t pos = 0;
		kh_docnum n;
		while (kh_docnum_next(p->text, p->len, &pos, &n)) {
			mention *m = KH_NEW(mention);
			m->p = p;
			m->pi = i;
			m->n = n;
			m->span = kh_prose_span(p, n.start, n.end);
			m->src = m->span.start;
			m->decl = kh_strmap_get(&ds->by_key, n.key);
			/* the same bytes reached twice (a string held twice) count once */
			bool dup = false;
			for (size_t k = out.n; k-- > 0 && !dup;) {
				const mention *o = out.items[k];
				if (o->span.start == m->span.start && o->span.file == m->span.file)
					dup = true;
				if (out.n - k > 64)
					break;
			}
			if (!dup)
				kh_vec_push(&out, m);
		}
	}
	return out;
}

/* ------------------------------------------------------------------ */
/* unknown-citation                                                   */

static const char *form_name(kh_num_form f)
{
	switch (f) {
	case KH_NUM_STATE: return "state";
	case KH_NUM_LAW: return "legal";
	case KH_NUM_PARTY: return "Party";
	}
	return "";
}

static const char *number_text(const mention *m)
{
	return kh_strndup(m->p->text + m->n.start, m->n.end - m->n.start);
}

static void check_unknown(const kh_check_ctx *cx, const kh_vec *mentions, decls *ds)
{
	kh_strmap seen = { 0 };
	int *count = KH_NEW_N(int, mentions->n + 1);
	size_t *second = KH_NEW_N(size_t, mentions->n + 1);
	kh_diag **first = KH_NEW_N(kh_diag *, mentions->n + 1);
	for (size_t i = 0; i < mentions->n; i++) {
		const mention *m = mentions->items[i];
		if (m->decl >= 0)
			continue;
		kh_near how;
		int near = nearest_decl(ds, &m->n, &how);
		const char *num = number_text(m);
		if (near >= 0) {
			const decl *d = &ds->v[near];
			const char *why = how == KH_NEAR_FORM ? "the same number written in the other family's form"
					  : how == KH_NEAR_ISSUER ? "the same number and kind with another issuer"
								   : "one character away";
			kh_diag *x = kh_report(cx, R_UNKNOWN_CITATION, m->span,
					       "document number '%s' matches no declared document; did you mean '%s' (%s), %s?",
					       num, d->number, d->doc ? kh_printf("'%s'", d->id) : "this plan's own number", why);
			if (x && d->doc)
				kh_diag_note(x, d->span, "'%s' is declared here with the number '%s'", d->id, d->number);
			else if (x)
				kh_diag_note(x, d->span, "the plan's own number is '%s'", d->number);
			continue;
		}
		if (!(ds->forms & (1u << m->n.form)))
			continue; /* the plan declares no number of this shape: not tracked */
		int k = kh_strmap_get(&seen, m->n.key);
		if (k >= 0) {
			if (!count[k]++)
				second[k] = i;
			continue;
		}
		kh_strmap_put(&seen, m->n.key, (int)i);
		first[i] = kh_report(cx, R_UNKNOWN_CITATION, m->span,
				     "document number '%s' matches no declared document (numbers of the %s form are "
				     "checked in this plan): declare it (văn_bản ID \"%s\" ngày … của …) or correct "
				     "the number",
				     num, form_name(m->n.form), num);
	}
	for (size_t i = 0; i < mentions->n; i++) {
		if (!first[i] || !count[i])
			continue;
		/* the later citations of the same number: one note for all */
		const mention *m = mentions->items[second[i]];
		kh_diag_note(first[i], m->span, "cited again here (%d more time%s in all)", count[i],
			     count[i] == 1 ? "" : "s");
	}
}

/* ------------------------------------------------------------------ */
/* citation-conflict                                                  */

/* A day with its year at T[I] ("15/10/2009", "15 tháng 10 năm 2009"):
 * its end, or I. */
static size_t parse_date(const char *t, size_t len, size_t i, kh_day *day)
{
	kh_written_date d;
	if (!kh_date_at(t, len, i, &d) || d.precision != KH_PREC_DAY || !d.year)
		return i;
	*day = d.first;
	return d.end;
}

typedef struct cite_info {
	bool has_date;
	kh_day date;
	size_t ds, de;            /* "ngày …" in the text */
	kh_vec bodies;            /* const kh_body*: what the issuer words name */
	size_t is, ie;            /* the issuer words in the text */
} cite_info;

/* The bodies named by the words of T starting at byte I (after "của"). */
static void issuer_after(const char *t, size_t len, size_t i, const kh_bindex *bx, cite_info *ci)
{
	size_t end = i;
	for (int n = 0; end < len && n < 16; n++) { /* at most 16 words */
		end = kh_skip_spaces(t, len, end);
		while (end < len && !isspace((unsigned char)t[end]))
			end++;
	}
	kh_vec ws = kh_words_split(t + i, end - i);
	if (!ws.n)
		return;
	const kh_vec *cands = kh_bindex_first(bx, kh_word_fold(t + i, KH_WORD(ws, 0)));
	size_t best = 0;
	for (size_t k = 0; cands && k < cands->n && budget > 0; k++, budget--) {
		const kh_bname *bk = cands->items[k];
		size_t n = kh_bname_match(bk, t + i, &ws, 0, ws.n, true);
		if (!n || n < best)
			continue;
		/* the name must end there: punctuation, the end, or a small word */
		kh_word *last = KH_WORD(ws, n - 1);
		if (!last->trail && n < ws.n) {
			kh_word *next = KH_WORD(ws, n);
			size_t l;
			if (!next->lead && kh_is_upper_cp(kh_cp_at(t + i, end - i, next->s, &l)))
				continue;
		}
		if (n > best) {
			best = n;
			ci->bodies.n = 0;
		}
		kh_vec_push(&ci->bodies, (void *)bk->b);
	}
	if (best) {
		ci->is = i + KH_WORD(ws, 0)->s;
		ci->ie = i + KH_WORD(ws, best - 1)->e;
	}
}

/* "…, Ban Thường vụ Huyện ủy ban hành Chỉ thị số 35-CT/HU": the issuer
 * before "ban hành", and "Ngày 19/10/2023, " before it. */
static void issuer_before(const char *t, size_t start, const kh_bindex *bx, cite_info *ci)
{
	static const char bh[] = " ban hành ";
	size_t lbh = sizeof bh - 1;
	size_t from = start > 80 ? start - 80 : 0;
	size_t at = (size_t)-1;
	for (size_t i = from; i + lbh <= start; i++)
		if (!memcmp(t + i, bh, lbh))
			at = i;
	if (at == (size_t)-1)
		return;
	/* between "ban hành" and the number: the kind and "số", a few words */
	kh_vec mid = kh_words_split(t + at + lbh, start - at - lbh);
	if (mid.n == 0 || mid.n > 4)
		return;
	for (size_t k = 0; k < mid.n; k++)
		if (KH_WORD(mid, k)->trail)
			return;
	/* the clause before "ban hành" */
	size_t cs = at;
	while (cs > 0 && !strchr(".;:(", t[cs - 1]))
		cs--;
	kh_vec ws = kh_words_split(t + cs, at - cs);
	if (!ws.n)
		return;
	const kh_vec *cands = kh_bindex_last(bx, kh_word_fold(t + cs, KH_WORD(ws, ws.n - 1)));
	size_t best = 0;
	for (size_t k = 0; cands && k < cands->n && budget > 0; k++, budget--) {
		const kh_bname *bk = cands->items[k];
		size_t n = kh_bname_match(bk, t + cs, &ws, 0, ws.n, false);
		if (!n || n < best)
			continue;
		if (n < ws.n && !KH_WORD(ws, ws.n - n - 1)->trail)
			continue; /* the name must start the clause or follow a comma */
		if (n > best) {
			best = n;
			ci->bodies.n = 0;
		}
		kh_vec_push(&ci->bodies, (void *)bk->b);
	}
	if (!best)
		return;
	ci->is = cs + KH_WORD(ws, ws.n - best)->s;
	ci->ie = cs + KH_WORD(ws, ws.n - 1)->e;
	/* "Ngày 19/10/2023, " opening the clause */
	size_t i = kh_skip_spaces(t, at, cs), l;
	if (!ci->has_date && (l = kh_word_is(t, at, i, "ngày"))) {
		size_t e = parse_date(t, at, kh_skip_spaces(t, at, i + l), &ci->date);
		if (e > i + l) {
			ci->has_date = true;
			ci->ds = i;
			ci->de = e;
		}
	}
}

static cite_info read_citation(const mention *m, const kh_bindex *bx)
{
	cite_info ci = { 0 };
	const char *t = m->p->text;
	size_t len = m->p->len;
	size_t i = kh_skip_spaces(t, len, m->n.end);
	if (i < len && t[i] == ',')
		i = kh_skip_spaces(t, len, i + 1);
	size_t l;
	if ((l = kh_word_is(t, len, i, "ngày"))) {
		size_t e = parse_date(t, len, kh_skip_spaces(t, len, i + l), &ci.date);
		if (e > i + l) {
			ci.has_date = true;
			ci.ds = i;
			ci.de = e;
			i = kh_skip_spaces(t, len, e);
			if (i < len && t[i] == ',')
				i = kh_skip_spaces(t, len, i + 1);
		}
	}
	if ((l = kh_word_is(t, len, i, "của")))
		issuer_after(t, len, kh_skip_spaces(t, len, i + l), bx, &ci);
	else
		issuer_before(t, m->n.start, bx, &ci);
	return ci;
}

/* Does ONE word sequence start the other? ("Ban Thường vụ" and "Ban
 * Thường vụ Huyện ủy": a shorter form of the same name.) */
static bool name_prefix(const kh_bname *a, const kh_bname *b)
{
	size_t n = a->n < b->n ? a->n : b->n;
	for (size_t k = 0; k < n; k++)
		if (strcmp(a->w[k], b->w[k]))
			return false;
	return true;
}

static const kh_bname *bname_of(const kh_bname *bn, size_t nb, const kh_body *b)
{
	/* bodies are kept in declaration order: search by order */
	size_t lo = 0, hi = nb;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (bn[mid].b->order < b->order)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nb && bn[lo].b == b ? &bn[lo] : NULL;
}

/* Does the shorter name end the longer one ("Huyện ủy" and "Ban Thường
 * vụ Huyện ủy": the committee and its organ)? */
static bool name_suffix(const kh_bname *a, const kh_bname *b)
{
	size_t n = a->n < b->n ? a->n : b->n;
	if (n < 2)
		return false;
	for (size_t k = 1; k <= n; k++)
		if (strcmp(a->w[a->n - k], b->w[b->n - k]))
			return false;
	return true;
}

static bool bodies_agree(const kh_body *a, const kh_body *b, const kh_bname *bn, size_t nb)
{
	if (a == b || kh_body_is(a, b) || kh_body_is(b, a))
		return true;
	const kh_bname *x = bname_of(bn, nb, a), *y = bname_of(bn, nb, b);
	return x && y && (name_prefix(x, y) || name_suffix(x, y));
}

static bool any_agree(const kh_vec *v, const kh_body *b, const kh_bname *bn, size_t nb)
{
	for (size_t k = 0; k < v->n; k++)
		if (bodies_agree(v->items[k], b, bn, nb))
			return true;
	return false;
}

/* "its declaration ('hd35')", or for the plan's own number its header. */
static const char *decl_desc(const decl *d)
{
	return d->doc ? kh_printf("its declaration ('%s')", d->id) : "the plan's own header";
}

static void note_decl(kh_diag *x, const decl *d)
{
	if (!x)
		return;
	if (d->doc)
		kh_diag_note(x, d->span, "'%s' is declared here", d->id);
	else
		kh_diag_note(x, d->span, "the plan's number, date and issuer are given here");
}

static void check_conflicts(const kh_check_ctx *cx, const kh_vec *mentions, const decls *ds, const kh_bindex *bx)
{
	const kh_bname *bn = bx->v;
	size_t nb = bx->n;
	size_t n = mentions->n;
	cite_info *ci = KH_NEW_N(cite_info, n + 1);
	for (size_t i = 0; i < n; i++)
		ci[i] = read_citation(mentions->items[i], bx);
	char b1[16], b2[16];
	kh_strmap first_date = { 0 }, first_issuer = { 0 };
	for (size_t i = 0; i < n; i++) {
		const mention *m = mentions->items[i];
		const kh_prose *p = m->p;
		const decl *d = m->decl >= 0 ? &ds->v[m->decl] : NULL;
		const char *num = number_text(m);
		/* the first earlier citation of the same number that gives a date / an issuer */
		int fd = kh_strmap_get(&first_date, m->n.key), fi = kh_strmap_get(&first_issuer, m->n.key);
		if (ci[i].has_date)
			kh_strmap_put(&first_date, m->n.key, (int)i);
		if (ci[i].bodies.n)
			kh_strmap_put(&first_issuer, m->n.key, (int)i);
		if (ci[i].has_date) {
			kh_span at = kh_prose_span(p, ci[i].ds, ci[i].de);
			if (d && d->has_date) {
				if (d->date != ci[i].date) {
					kh_diag *x = kh_report(cx, R_CITATION_CONFLICT, at,
							       "'%s' is dated %s here, but %s in %s", num,
							       kh_date_vn(ci[i].date, b1), kh_date_vn(d->date, b2), decl_desc(d));
					note_decl(x, d);
				}
			} else if (fd >= 0 && ci[fd].date != ci[i].date) {
				const mention *o = mentions->items[fd];
				kh_diag *x = kh_report(cx, R_CITATION_CONFLICT, at,
						       "'%s' is dated %s here, but %s where it is cited before", num,
						       kh_date_vn(ci[i].date, b1), kh_date_vn(ci[fd].date, b2));
				if (x)
					kh_diag_note(x, kh_prose_span(o->p, ci[fd].ds, ci[fd].de), "cited with that date here");
			}
		}
		if (ci[i].bodies.n) {
			kh_span at = kh_prose_span(p, ci[i].is, ci[i].ie);
			const char *said = kh_strndup(p->text + ci[i].is, ci[i].ie - ci[i].is);
			if (d && d->issuer) {
				if (!any_agree(&ci[i].bodies, d->issuer, bn, nb)) {
					kh_diag *x = kh_report(cx, R_CITATION_CONFLICT, at,
							       "'%s' is attributed here to '%s', but %s gives "
							       "'%s' (%s) as the issuer",
							       num, said, decl_desc(d), d->issuer->name, d->issuer->id);
					note_decl(x, d);
				}
			} else if (fi >= 0) {
				bool agree = false;
				for (size_t k = 0; k < ci[fi].bodies.n && !agree; k++)
					agree = any_agree(&ci[i].bodies, ci[fi].bodies.items[k], bn, nb);
				if (!agree) {
					const mention *o = mentions->items[fi];
					const char *before = kh_strndup(o->p->text + ci[fi].is, ci[fi].ie - ci[fi].is);
					kh_diag *x = kh_report(cx, R_CITATION_CONFLICT, at,
							       "'%s' is attributed here to '%s', but to '%s' where it is cited before",
							       num, said, before);
					if (x)
						kh_diag_note(x, kh_prose_span(o->p, ci[fi].is, ci[fi].ie),
							     "cited with that issuer here");
				}
			}
		}
	}
}

/* ------------------------------------------------------------------ */
/* short-name-mismatch                                                */

typedef struct sn_form {
	const char *text;
	const char *num;          /* the number as written, last word of the name */
	bool is_doc;
	kh_docnum dn;
	const char **head;        /* folded words before it, without "số" */
	size_t nhead, nwords;
} sn_form;

typedef struct sn_rec {
	const kh_document *doc;   /* the document it names, or NULL */
	kh_docnum own;            /* DOC's number, parsed */
	bool own_ok;
	kh_vec forms;             /* sn_form* */
	long after;               /* mentions after this source offset are checked; -1: all */
	kh_span intro;
	bool intro_decl;
	size_t index;             /* in sn_ctx.recs */
} sn_rec;

typedef struct region {
	long s, e;
} region;

typedef struct variant {
	sn_rec *rec;
	const sn_form *form;
	const char *text;
	kh_span span;
	int more;
	const char *why;
} variant;

typedef struct sn_ctx {
	const kh_check_ctx *cx;
	const decls *ds;
	const kh_vec *proses, *mentions;
	size_t *mfirst;           /* per string: its first mention */
	kh_vec recs;              /* sn_rec* */
	kh_strmap rec_by;            /* "d:ID" or "t:folded name" -> rec index */
	kh_strmap by_lead;           /* the number's leading digits -> list index */
	kh_vec lead_lists;        /* kh_vec* of sn_rec* */
	kh_strmap sn_doc;            /* a declared short name, folded -> document index */
	region *regions;          /* introductions, sorted */
	size_t nregions, cap_regions;
	kh_vec variants;          /* variant* */
	kh_strmap variant_by;        /* "rec index|text" -> variant index */
} sn_ctx;

static bool is_so(const char *folded)
{
	return !strcmp(folded, "số") || !strcmp(folded, "so");
}

/* The leading digits of S without leading zeros ("035-" -> "35"), or NULL. */
static const char *lead_of(const char *s)
{
	size_t i = 0, n = 0;
	while (s[i] == '0' && isdigit((unsigned char)s[i + 1]))
		i++;
	while (isdigit((unsigned char)s[i + n]))
		n++;
	return n ? kh_strndup(s + i, n) : NULL;
}

static sn_form *make_form(const char *text)
{
	kh_vec ws = kh_words_split(text, strlen(text));
	if (ws.n < 2)
		return NULL;
	kh_word *last = KH_WORD(ws, ws.n - 1);
	if (!isdigit((unsigned char)text[last->s]))
		return NULL; /* no number at its end: ordinary words */
	sn_form *f = KH_NEW(sn_form);
	f->text = text;
	f->num = kh_strndup(text + last->s, last->e - last->s);
	f->is_doc = kh_docnum_parse(f->num, &f->dn);
	f->head = KH_NEW_N(const char *, ws.n);
	for (size_t k = 0; k + 1 < ws.n; k++) {
		const char *w = kh_word_fold(text, KH_WORD(ws, k));
		if (!is_so(w))
			f->head[f->nhead++] = w;
	}
	f->nwords = ws.n;
	if (!f->nhead)
		return NULL;
	return f;
}

static sn_rec *find_rec(sn_ctx *c, const kh_document *doc, const char *folded)
{
	const char *key = doc ? kh_printf("d:%s", doc->id) : kh_printf("t:%s", folded);
	int k = kh_strmap_get(&c->rec_by, key);
	if (k >= 0)
		return c->recs.items[k];
	sn_rec *r = KH_NEW(sn_rec);
	r->doc = doc;
	r->own_ok = doc && kh_docnum_parse(doc->number, &r->own);
	r->after = -2; /* not introduced yet */
	r->index = c->recs.n;
	kh_strmap_put(&c->rec_by, key, (int)c->recs.n);
	kh_vec_push(&c->recs, r);
	return r;
}

static void index_lead(sn_ctx *c, const char *num, sn_rec *r)
{
	const char *lead = num ? lead_of(num) : NULL;
	if (!lead)
		return;
	int k = kh_strmap_get(&c->by_lead, lead);
	if (k < 0) {
		k = (int)c->lead_lists.n;
		kh_vec_push(&c->lead_lists, KH_NEW(kh_vec));
		kh_strmap_put(&c->by_lead, lead, k);
	}
	kh_vec *list = c->lead_lists.items[k];
	for (size_t i = 0; i < list->n; i++)
		if (list->items[i] == r)
			return;
	kh_vec_push(list, r);
}

static void add_form(sn_ctx *c, sn_rec *r, sn_form *f)
{
	for (size_t i = 0; i < r->forms.n; i++)
		if (!strcmp(((sn_form *)r->forms.items[i])->text, f->text))
			return;
	kh_vec_push(&r->forms, f);
	index_lead(c, f->num, r);
	if (r->doc)
		index_lead(c, r->doc->number, r);
}

/* The document a short name introduced in prose names: the one declared
 * with that short name, or with its number, or the last document cited
 * before it in the same string. */
static const kh_document *named_document(sn_ctx *c, size_t pi, size_t at, const sn_form *f)
{
	int k = kh_strmap_get(&c->sn_doc, kh_text_fold(f->text));
	if (k >= 0)
		return c->cx->prog->documents.items[k];
	if (f->is_doc) {
		k = kh_strmap_get(&c->ds->by_key, f->dn.key);
		if (k >= 0 && c->ds->v[k].doc)
			return c->ds->v[k].doc;
	}
	const kh_document *last = NULL;
	for (size_t i = c->mfirst[pi]; i < c->mentions->n; i++) {
		const mention *m = c->mentions->items[i];
		if (m->pi != pi || m->n.end > at)
			break;
		if (m->decl >= 0 && c->ds->v[m->decl].doc)
			last = c->ds->v[m->decl].doc;
	}
	return last;
}

/* Where an introduced name ends: ')', ';', ',', a closing quote, or a
 * full stop that ends a sentence. */
static size_t intro_end(const char *t, size_t len, size_t i)
{
	for (; i < len; i++) {
		char ch = t[i];
		if (ch == ')' || ch == ';' || ch == ',' || ch == '"')
			break;
		if (ch == '.' && (i + 1 == len || isspace((unsigned char)t[i + 1])))
			break;
		if (i + 3 <= len && !memcmp(t + i, "\xE2\x80\x9D", 3))
			break;
	}
	return i;
}

static void add_region(sn_ctx *c, kh_span sp)
{
	if (c->nregions == c->cap_regions) {
		c->cap_regions = c->cap_regions ? c->cap_regions * 2 : 16;
		c->regions = kh_realloc_atomic(c->regions, kh_mul_size(c->cap_regions, sizeof *c->regions));
	}
	c->regions[c->nregions++] = (region){ sp.start, sp.end };
}

/* "(sau đây gọi tắt là X)", "(viết tắt là X)": introductions in string PI. */
static void find_intros(sn_ctx *c, size_t pi)
{
	static const char *const marks[] = { "gọi tắt là ", "viết tắt là ", "Gọi tắt là ", "Viết tắt là " };
	const kh_prose *p = c->proses->items[pi];
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
		size_t ml = strlen(marks[k]);
		for (const char *q = p->text; (q = kh_find_bytes(q, (size_t)(p->text + p->len - q), marks[k], ml));
		     q += ml) {
			size_t st = (size_t)(q - p->text);
			if (st > 0 && kh_is_word_cp(kh_cp_before(p->text, st)))
				continue;
			size_t xs = st + ml, l;
			while (xs < p->len && (l = kh_punct_at(p->text, p->len, xs, true)))
				xs += l;
			size_t xe = intro_end(p->text, p->len, xs);
			while (xe > xs && isspace((unsigned char)p->text[xe - 1]))
				xe--;
			if (xe == xs)
				continue;
			/* "sau đây" before it belongs to the introduction */
			size_t rs = st;
			static const char sd[] = "sau đây ";
			if (rs >= sizeof sd - 1 && !memcmp(p->text + rs - (sizeof sd - 1), sd, sizeof sd - 1))
				rs -= sizeof sd - 1;
			kh_span whole = kh_prose_span(p, rs, xe);
			add_region(c, whole);
			sn_form *f = make_form(kh_strndup(p->text + xs, xe - xs));
			if (!f)
				continue;
			const kh_document *doc = named_document(c, pi, st, f);
			sn_rec *r = find_rec(c, doc, kh_text_fold(f->text));
			add_form(c, r, f);
			if (r->after == -2) {
				r->after = whole.end;
				r->intro = kh_prose_span(p, xs, xe);
			}
		}
	}
}

static int region_cmp(const void *a, const void *b)
{
	const region *x = a, *y = b;
	return x->s < y->s ? -1 : x->s > y->s;
}

static bool in_regions(const sn_ctx *c, long at)
{
	size_t lo = 0, hi = c->nregions;
	while (lo < hi) { /* the first region starting after AT */
		size_t mid = (lo + hi) / 2;
		if (c->regions[mid].s <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && at < c->regions[lo - 1].e;
}

/* Is the number word TOK (recognised as DN when IS_DOC) a use of record
 * R's name in form F? Sets *CUT when it is the name's number cut short. */
static bool related(const decls *ds, const sn_rec *r, const sn_form *f, const char *tok, bool is_doc,
		    const kh_docnum *dn, bool *cut)
{
	*cut = false;
	if (is_doc) {
		if (f->is_doc && !strcmp(dn->key, f->dn.key))
			return true;
		if (r->own_ok && !strcmp(r->own.key, dn->key))
			return true;
		/* an undeclared near miss of the name's number (35-CT/HU for
		 * 35-CT/ĐU); other typing errors are unknown citations */
		if (kh_strmap_get(&ds->by_key, dn->key) >= 0 || !f->is_doc)
			return false;
		kh_near h = kh_docnum_near(dn, &f->dn);
		return h == KH_NEAR_FORM || h == KH_NEAR_ISSUER;
	}
	size_t lt = strlen(tok), ln = strlen(f->num);
	if (!f->is_doc)
		return lt == ln && !strcasecmp(tok, f->num); /* "Chương trình 135" */
	if (lt < ln && !strncasecmp(tok, f->num, lt)) {
		*cut = true; /* "HƯỚNG DẪN 35-" for "Hướng dẫn 35-HD/BTCTW" */
		return true;
	}
	return false;
}

/* Whole citations name the date or issuer after the number. */
static bool whole_citation(const char *t, size_t len, size_t i)
{
	i = kh_skip_spaces(t, len, i);
	if (i < len && t[i] == ',')
		i = kh_skip_spaces(t, len, i + 1);
	return kh_word_is(t, len, i, "ngày") || kh_word_is(t, len, i, "của");
}

static void note_variant(sn_ctx *c, sn_rec *r, const sn_form *f, const char *use, kh_span span, const char *why)
{
	const char *key = kh_printf("%zu|%s", r->index, use);
	int k = kh_strmap_get(&c->variant_by, key);
	if (k >= 0) {
		((variant *)c->variants.items[k])->more++;
		return;
	}
	variant *v = KH_NEW(variant);
	v->rec = r;
	v->form = f;
	v->text = use;
	v->span = span;
	v->why = why;
	kh_strmap_put(&c->variant_by, key, (int)c->variants.n);
	kh_vec_push(&c->variants, v);
}

/* The verdict on one use of R's name in P ending with the number word J. */
static void judge_use(sn_ctx *c, const kh_prose *p, kh_vec *ws, size_t j, size_t end, const char *tok,
		      bool is_doc, const kh_docnum *dn, sn_rec *r)
{
	/* "… [số]": skipped, then the head words right before */
	size_t k = j;
	if (is_so(kh_word_fold(p->text, KH_WORD(*ws, k - 1))))
		k--;
	for (size_t fi = 0; fi < r->forms.n; fi++) {
		const sn_form *f = r->forms.items[fi];
		bool cut;
		if (k < f->nhead || !related(c->ds, r, f, tok, is_doc, dn, &cut))
			continue;
		bool head = true;
		for (size_t h = 0; h < f->nhead && head; h++)
			head = !strcmp(kh_word_fold(p->text, KH_WORD(*ws, k - f->nhead + h)), f->head[h]);
		if (!head)
			continue;
		size_t ps = KH_WORD(*ws, k - f->nhead)->s;
		const char *use = kh_strndup(p->text + ps, end - ps);
		const char *ufold = kh_text_fold(use);
		bool ok = false;
		for (size_t g = 0; g < r->forms.n && !ok; g++) {
			const sn_form *o = r->forms.items[g];
			/* exactly; or in capitals, as headings are written */
			ok = !strcmp(use, o->text) ||
			     (!kh_has_lower(use, strlen(use)) && !strcmp(ufold, kh_text_fold(o->text)));
		}
		/* a whole citation may give the full form of the number */
		if (!ok && is_doc && !cut && whole_citation(p->text, p->len, end))
			ok = (f->is_doc && !strcmp(dn->key, f->dn.key)) || (r->own_ok && !strcmp(r->own.key, dn->key));
		if (!ok) {
			bool full = is_doc && !f->is_doc && r->own_ok && !strcmp(r->own.key, dn->key);
			bool same_num = !strcmp(kh_text_fold(tok), kh_text_fold(f->num));
			size_t nw = j - (k - f->nhead) + 1;
			const char *why = cut ? "its number cut short"
				       : full ? "the full number instead of the short name"
				       : !same_num ? "a different number"
				       : !strcmp(ufold, kh_text_fold(f->text)) ? "a different case"
				       : nw > f->nwords ? "a word added"
							: "a word dropped";
			note_variant(c, r, f, use, kh_prose_span(p, ps, end), why);
		}
		return; /* one verdict per name */
	}
}

static void scan_uses(sn_ctx *c, const kh_prose *p)
{
	kh_vec ws = kh_words_split(p->text, p->len);
	for (size_t j = 1; j < ws.n; j++) {
		kh_word *w = KH_WORD(ws, j);
		if (!isdigit((unsigned char)p->text[w->s]))
			continue;
		kh_docnum dn;
		bool is_doc = boundary_before(p->text, w->s) && parse_at(p->text, p->len, w->s, &dn) && dn.end <= w->e;
		size_t end = is_doc ? dn.end : w->e;
		const char *tok = kh_strndup(p->text + w->s, end - w->s);
		int li = kh_strmap_get(&c->by_lead, lead_of(tok));
		if (li < 0)
			continue;
		kh_span at = kh_prose_span(p, w->s, end);
		if (in_regions(c, at.start))
			continue;
		const kh_vec *list = c->lead_lists.items[li];
		for (size_t x = 0; x < list->n; x++) {
			sn_rec *r = list->items[x];
			if (r->after >= 0 && (long)at.start < r->after)
				continue;
			judge_use(c, p, &ws, j, end, tok, is_doc, &dn, r);
		}
	}
}

static void check_short_names(const kh_check_ctx *cx, const kh_vec *proses, const kh_vec *mentions,
			      const decls *ds)
{
	sn_ctx c = { 0 };
	c.cx = cx;
	c.ds = ds;
	c.proses = proses;
	c.mentions = mentions;
	c.mfirst = KH_NEW_N(size_t, proses->n + 1);
	for (size_t i = 0; i <= proses->n; i++)
		c.mfirst[i] = mentions->n;
	for (size_t i = mentions->n; i-- > 0;)
		c.mfirst[((const mention *)mentions->items[i])->pi] = i;
	const kh_vec *docs = &cx->prog->documents;
	for (size_t i = 0; i < docs->n; i++) {
		const kh_document *d = docs->items[i];
		if (d->short_name && *d->short_name)
			kh_strmap_put(&c.sn_doc, kh_text_fold(d->short_name), (int)i);
	}
	for (size_t i = 0; i < proses->n; i++)
		if (!((const kh_prose *)proses->items[i])->short_name)
			find_intros(&c, i);
	for (size_t i = 0; i < docs->n; i++) {
		const kh_document *d = docs->items[i];
		if (!d->short_name || !*d->short_name)
			continue;
		sn_form *f = make_form(d->short_name);
		if (!f)
			continue;
		sn_rec *r = find_rec(&c, d, NULL);
		add_form(&c, r, f);
		if (r->after == -2) {
			r->after = -1;
			r->intro = d->span;
			r->intro_decl = true;
		}
	}
	if (!c.recs.n)
		return;
	if (c.nregions)
		qsort(c.regions, c.nregions, sizeof *c.regions, region_cmp);
	for (size_t i = 0; i < proses->n; i++) {
		const kh_prose *p = proses->items[i];
		if (!p->short_name)
			scan_uses(&c, p);
	}
	for (size_t i = 0; i < c.variants.n; i++) {
		const variant *v = c.variants.items[i];
		kh_diag *x = kh_report(cx, R_SHORT_NAME_MISMATCH, v->span,
				       "'%s' is a variant of the short name '%s' (%s); reuse the name exactly as introduced%s",
				       v->text, v->form->text, v->why,
				       v->more ? kh_printf(" (this variant occurs %d more time%s)", v->more,
							   v->more == 1 ? "" : "s")
					: "");
		if (x)
			kh_diag_note(x, v->rec->intro, v->rec->intro_decl ? "the short name is declared here (gọi_tắt)"
									   : "the short name is introduced here");
	}
}

/* ------------------------------------------------------------------ */
/* Documents cited (for unused-declaration)                           */

void kh_documents_cited(const kh_program *prog, const kh_vec *proses, bool *cited)
{
	size_t nd = prog->documents.n;
	memset(cited, 0, nd * sizeof *cited);
	kh_strmap by_key = { 0 };
	kh_docnum *dn = KH_NEW_N(kh_docnum, nd + 1);
	bool *parsed = KH_NEW_N(bool, nd + 1);
	for (size_t i = 0; i < nd; i++) {
		const kh_document *d = KH_VEC_AT(prog->documents, kh_document, i);
		if (!d->number || !*d->number)
			continue;
		parsed[i] = kh_docnum_parse(d->number, &dn[i]);
		kh_strmap_put(&by_key, parsed[i] ? dn[i].key : raw_key(d->number), (int)i);
	}
	size_t near_budget = 20u * 1000u * 1000u;
	kh_strmap seen_miss = { 0 };
	for (size_t i = 0; i < proses->n; i++) {
		const kh_prose *p = proses->items[i];
		size_t pos = 0;
		kh_docnum n;
		while (kh_docnum_next(p->text, p->len, &pos, &n)) {
			int k = kh_strmap_get(&by_key, n.key);
			if (k >= 0) {
				if (KH_VEC_AT(prog->documents, kh_document, k) != p->of)
					cited[k] = true;
				continue;
			}
			if (!p->of) { /* (a document's own title may not cite it) */
				if (kh_strmap_get(&seen_miss, n.key) >= 0)
					continue; /* its near misses are marked already */
				kh_strmap_put(&seen_miss, n.key, 0);
			}
			for (size_t j = 0; j < nd && near_budget > 0; j++, near_budget--) {
				if (!parsed[j] || KH_VEC_AT(prog->documents, kh_document, j) == p->of)
					continue;
				kh_near h = kh_docnum_near(&n, &dn[j]);
				if (h == KH_NEAR_FORM || h == KH_NEAR_ISSUER || h == KH_NEAR_TYPO)
					cited[j] = true;
			}
		}
	}
	/* Short names, and titles of documents without a usable number. */
	const char **folded = KH_NEW_N(const char *, proses->n + 1);
	size_t scan_budget = 50u * 1000u * 1000u;
	for (size_t i = 0; i < nd; i++) {
		if (cited[i])
			continue;
		const kh_document *d = KH_VEC_AT(prog->documents, kh_document, i);
		const char *needles[3] = { NULL, NULL, NULL };
		if (d->short_name && *d->short_name)
			needles[0] = kh_text_fold(d->short_name);
		if (!parsed[i] && d->title && *d->title) {
			needles[1] = kh_text_fold(d->title);
			/* the title's head, before " về …", when it is a name of its own */
			const char *ve = strstr(needles[1], " về ");
			if (ve) {
				const char *head = kh_strndup(needles[1], (size_t)(ve - needles[1]));
				kh_vec ws = kh_words_split(head, strlen(head));
				if (ws.n >= 3)
					needles[2] = head;
			}
		}
		for (size_t j = 0; j < proses->n && !cited[i] && scan_budget > 0; j++) {
			const kh_prose *p = proses->items[j];
			if (p->of == d)
				continue;
			if (!folded[j])
				folded[j] = kh_text_fold(p->text);
			scan_budget -= scan_budget < p->len ? scan_budget : p->len;
			for (size_t k = 0; k < 3 && !cited[i]; k++)
				if (needles[k] && *needles[k] && strstr(folded[j], needles[k]))
					cited[i] = true;
		}
	}
}

/* ------------------------------------------------------------------ */

void kh_check_citations(const kh_check_ctx *cx)
{
	budget = 20u * 1000u * 1000u;
	const kh_vec *proses = cx->prose;
	if (!proses->n)
		return;
	decls ds = build_decls(cx->prog);
	kh_vec mentions = collect_mentions(proses, &ds);
	kh_bindex bx = kh_bindex_build(&cx->prog->bodies, false);
	check_unknown(cx, &mentions, &ds);
	check_short_names(cx, proses, &mentions, &ds);
	check_conflicts(cx, &mentions, &ds, &bx);
}

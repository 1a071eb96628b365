/*
 * body_short_names.c - the short names of bodies: "Ban Chỉ đạo tổng kết
 * … (sau đây gọi tắt là Ban Chỉ đạo)", or gọi_tắt on the declaration.
 * Where the prose uses one, the body is mentioned (unused-declaration);
 * a use spelled differently is a short-name-mismatch, as for documents.
 *
 * A false alarm is a bug, and a body's name has no number to anchor it:
 * - an introduction names a body when the body declares that short name,
 *   or when the words right before it end with the body's full name;
 * - a use has the short name's words, after the introduction, not inside
 *   a longer name: another declared body's, or one that goes on with a
 *   capitalised word ("Ban Chỉ đạo Tây Nguyên");
 * - only names of two words or more have variants: the same words in
 *   another case ("Ban chỉ đạo") or one letter off ("Ban Chỉ đao"), each
 *   starting with a capital (in lower case it is a common noun, "các ban
 *   chỉ đạo"), never another body's name or short name, never with other
 *   digits ("Tổ 2" is not a typing error for "Tổ 1"); text in capitals is
 *   a heading, a capital first letter the start of a sentence.
 * Names are matched as whole folded words through maps, so the cost is
 * linear in the prose; looking for typing errors is budgeted.
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>
#include <utf8proc.h>

#include "citations_int.h"
#include "i18n.h"
#include "names.h"

enum { MAX_LENS = 8 };        /* distinct lengths of short names, in words */

typedef struct bsn_form {
	const char *text;
	const char *key;          /* its folded words, joined by spaces */
	const char *digits;       /* the digits in it, in order */
	const char **w;           /* folded words */
	size_t n, len;            /* words; bytes of KEY */
} bsn_form;

typedef struct bsn_rec {
	const kh_body *b;
	kh_vec forms;             /* bsn_form* */
	long after;               /* uses after this source offset count; -1: all; -2: not introduced */
	kh_span intro;
	bool intro_decl, mentioned;
} bsn_rec;

typedef struct bsn_variant {
	const bsn_rec *rec;
	const bsn_form *form;
	const char *text, *why;
	kh_span span;
	int more;
} bsn_variant;

struct ct_body_names {
	const kh_program *prog;
	const bindex *bx;
	strmap names;             /* a body's name as a key (see key_of) -> index in bx */
	size_t longest;           /* words in the longest body name */
	strmap shorts;            /* a declared short name as a key -> body index */
	kh_vec recs;              /* bsn_rec*, one per body with a short name */
	strmap rec_of;            /* body id -> rec index */
	strmap by_key, by_first, by_last; /* a form's key, first, last word -> list index */
	kh_vec lists;             /* kh_vec* of (bsn_rec*, bsn_form*) pairs */
	size_t lens[MAX_LENS], nlens;
	long budget;              /* comparisons left for typing errors */
	ct_regions regions;       /* every introduction, documents' too */
	ct_regions claimed;       /* the names introduced for bodies */
	kh_vec variants;          /* bsn_variant* */
	strmap variant_of;        /* "id|text" -> variant index */
};

/* Words WS[FROM, TO) of T folded and joined by spaces: what names are
 * compared by. */
static const char *key_of(const char *t, kh_vec *ws, size_t from, size_t to)
{
	kh_buf b = { 0 };
	for (size_t k = from; k < to; k++) {
		if (k > from)
			kh_buf_putc(&b, ' ');
		kh_buf_puts(&b, ct_word_fold(t, WORD(*ws, k)));
	}
	return kh_buf_cstr(&b);
}

static const char *text_key(const char *text)
{
	kh_vec ws = ct_split_words(text, strlen(text));
	return key_of(text, &ws, 0, ws.n);
}

static bsn_rec *rec_for(ct_body_names *n, const kh_body *b)
{
	int k = kh_strmap_get(&n->rec_of, b->id);
	if (k >= 0)
		return n->recs.items[k];
	bsn_rec *r = KH_NEW(bsn_rec);
	r->b = b;
	r->after = -2;
	kh_strmap_put(&n->rec_of, b->id, (int)n->recs.n);
	kh_vec_push(&n->recs, r);
	return r;
}

static const kh_vec *pairs(const ct_body_names *n, const strmap *m, const char *k)
{
	int i = kh_strmap_get(m, k);
	return i >= 0 ? n->lists.items[i] : NULL;
}

static void index_pair(ct_body_names *n, strmap *m, const char *k, bsn_rec *r, bsn_form *f)
{
	int i = kh_strmap_get(m, k);
	if (i < 0) {
		i = (int)n->lists.n;
		kh_vec_push(&n->lists, KH_NEW(kh_vec));
		kh_strmap_put(m, k, i);
	}
	kh_vec_push(n->lists.items[i], r);
	kh_vec_push(n->lists.items[i], f);
}

/* The digits of S, in order. */
static const char *digits(const char *s)
{
	kh_buf b = { 0 };
	for (; *s; s++)
		if (*s >= '0' && *s <= '9')
			kh_buf_putc(&b, *s);
	return kh_buf_cstr(&b);
}

static void add_form(ct_body_names *n, bsn_rec *r, const char *text)
{
	kh_vec ws = ct_split_words(text, strlen(text));
	const char *key = key_of(text, &ws, 0, ws.n);
	for (size_t i = 0; i < r->forms.n; i++)
		if (!strcmp(((bsn_form *)r->forms.items[i])->key, key))
			return;
	if (!ws.n)
		return;
	bsn_form *f = KH_NEW(bsn_form);
	*f = (bsn_form){ text, key, digits(key), KH_NEW_N(const char *, ws.n), ws.n, strlen(key) };
	for (size_t k = 0; k < ws.n; k++)
		f->w[k] = ct_word_fold(text, WORD(ws, k));
	kh_vec_push(&r->forms, f);
	index_pair(n, &n->by_key, key, r, f);
	index_pair(n, &n->by_first, f->w[0], r, f);
	index_pair(n, &n->by_last, f->w[f->n - 1], r, f);
	bool known = false;
	for (size_t i = 0; i < n->nlens && !known; i++)
		known = n->lens[i] == f->n;
	if (!known && n->nlens < MAX_LENS)
		n->lens[n->nlens++] = f->n;
}

/* The letter at S[*I] without its marks, folded ("Ủ" and "ủ" give 'u';
 * "Đ" gives 'đ', a letter of its own); advances *I. */
static int32_t base_letter(const char *s, size_t len, size_t *i)
{
	size_t l;
	int32_t c = kh_cp_at(s, len, *i, &l), parts[4];
	int last = 0;
	*i += l;
	if (c < 0 || utf8proc_decompose_char(c, parts, 4, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD,
					     &last) < 1)
		return c;
	return parts[0];
}

/* Does word W (in capitals: "UBND", "BCĐ") spell the initials of words of
 * B from *K on, in order? Advances *K past the last one. */
static bool initials(const char *w, const bname *b, size_t *k)
{
	size_t len = strlen(w);
	for (size_t i = 0; i < len;) {
		int32_t c = base_letter(w, len, &i);
		while (*k < b->n) {
			size_t at = 0;
			if (base_letter(b->w[*k], strlen(b->w[*k]), &at) == c)
				break;
			(*k)++;
		}
		if (*k == b->n)
			return false;
		(*k)++;
	}
	return true;
}

/*
 * Can SHORT be a short name of B? It starts with the name's first word
 * ("Ban Chỉ đạo" for "Ban Chỉ đạo tổng kết …"), or its words follow the
 * name's in order, with at least one in capitals standing for initials
 * ("BCĐ", "UBND tỉnh" for "Ủy ban nhân dân tỉnh"). So the issuer ending a
 * citation ("… của Ban Tổ chức Trung ương (sau đây gọi tắt là Hướng dẫn
 * 35-HD/BTCTW)") is not taken for what is introduced.
 */
static bool fits(const char *short_name, const bname *b)
{
	kh_vec ws = ct_split_words(short_name, strlen(short_name));
	if (!ws.n)
		return false;
	if (!strcmp(ct_word_fold(short_name, WORD(ws, 0)), b->w[0]))
		return true;
	size_t k = 0;
	bool abbr = false;
	for (size_t i = 0; i < ws.n; i++) {
		word *w = WORD(ws, i);
		const char *text = kh_strndup(short_name + w->s, w->e - w->s);
		if (w->e - w->s >= 2 && !kh_has_lower(text, strlen(text))) {
			if (!initials(text, b, &k))
				return false;
			abbr = true;
			continue;
		}
		const char *f = ct_word_fold(short_name, w);
		while (k < b->n && strcmp(b->w[k], f))
			k++;
		if (k++ == b->n)
			return false;
	}
	return abbr;
}

/* The body whose full name ends T[0, END), the longest such name, if
 * SHORT can be a short name of it. */
static const kh_body *body_before(const ct_body_names *n, const char *t, size_t end, const char *short_name)
{
	size_t from = end > 400 ? end - 400 : 0; /* a name is a few dozen words at most */
	while (from > 0 && from < end && ((unsigned char)t[from] & 0xC0) == 0x80)
		from++;
	kh_vec ws = ct_split_words(t + from, end - from);
	for (size_t l = ws.n < n->longest ? ws.n : n->longest; l > 0; l--) {
		int k = kh_strmap_get(&n->names, key_of(t + from, &ws, ws.n - l, ws.n));
		const bname *bn = k >= 0 ? &n->bx->v[k] : NULL;
		if (bn && kh_bname_match(bn, t + from, &ws, 0, ws.n, false))
			return fits(short_name, bn) ? bn->b : NULL;
	}
	return NULL;
}

/* The body an introduction in P names, or NULL (then it is a document's). */
static const kh_body *introduced_body(const ct_body_names *n, const kh_prose *p, const ct_intro *it)
{
	const char *name = kh_strndup(p->text + it->start, it->end - it->start);
	int k = kh_strmap_get(&n->shorts, text_key(name));
	if (k >= 0)
		return n->prog->bodies.items[k];
	size_t end = it->lead;
	while (end > 0 && (p->text[end - 1] == ' ' || p->text[end - 1] == '('))
		end--; /* the "(" before "sau đây" */
	return body_before(n, p->text, end, name);
}

static void find_intros(ct_body_names *n, const kh_prose *p)
{
	kh_vec intros = ct_intros(p);
	for (size_t i = 0; i < intros.n; i++) {
		const ct_intro *it = intros.items[i];
		ct_regions_add(&n->regions, it->whole);
		const kh_body *b = introduced_body(n, p, it);
		if (!b)
			continue;
		ct_regions_add(&n->claimed, it->name);
		bsn_rec *r = rec_for(n, b);
		add_form(n, r, kh_strndup(p->text + it->start, it->end - it->start));
		r->mentioned = true; /* its full name stands right before */
		if (r->after == -2) {
			r->after = it->whole.end;
			r->intro = it->name;
		}
	}
}

static void note_variant(ct_body_names *n, const bsn_rec *r, const bsn_form *f, const char *use, kh_span span,
			 const char *why)
{
	const char *key = kh_printf("%s|%s", r->b->id, use);
	int k = kh_strmap_get(&n->variant_of, key);
	if (k >= 0) {
		((bsn_variant *)n->variants.items[k])->more++;
		return;
	}
	bsn_variant *v = KH_NEW(bsn_variant);
	*v = (bsn_variant){ r, f, use, why, span, 0 };
	kh_strmap_put(&n->variant_of, key, (int)n->variants.n);
	kh_vec_push(&n->variants, v);
}

/* The declared body whose name, longer than M words, starts at word S. */
static const kh_body *longer_name_at(const ct_body_names *n, const char *t, kh_vec *ws, size_t s, size_t m)
{
	size_t most = ws->n - s < n->longest ? ws->n - s : n->longest;
	for (size_t l = most; l > m; l--) {
		int k = kh_strmap_get(&n->names, key_of(t, ws, s, s + l));
		if (k >= 0)
			return n->bx->v[k].b;
	}
	return NULL;
}

/* May words WS[S, S + M) of P be a use of R's name at all: one phrase,
 * after the introduction, not part of a longer name? (A longer name that
 * is R's own full name mentions R.) */
static bool may_use(ct_body_names *n, const kh_prose *p, kh_vec *ws, size_t s, size_t m, bsn_rec *r, kh_span *at)
{
	size_t e = s + m - 1;
	for (size_t k = s; k < e; k++)
		if (WORD(*ws, k)->trail)
			return false; /* punctuation inside: not one name */
	*at = kh_prose_span(p, WORD(*ws, s)->s, WORD(*ws, e)->e);
	if (ct_regions_has(&n->regions, at->start) || (r->after >= 0 && (long)at->start < r->after))
		return false;
	const kh_body *longer = longer_name_at(n, p->text, ws, s, m);
	if (longer) {
		r->mentioned |= longer == r->b;
		return false;
	}
	size_t l;
	/* a longer proper name goes on: "Ban Chỉ đạo Tây Nguyên" */
	return !(e + 1 < ws->n && !WORD(*ws, e)->trail && !WORD(*ws, e + 1)->lead &&
		 kh_is_upper_cp(kh_cp_at(p->text, p->len, WORD(*ws, e + 1)->s, &l)));
}

/* Is USE the name TEXT with only its first letter capitalised, as at the
 * start of a sentence ("Đoàn kiểm tra" for "đoàn kiểm tra")? */
static bool sentence_start(const char *use, const char *text)
{
	size_t lu, lt;
	kh_cp_at(use, strlen(use), 0, &lu);
	kh_cp_at(text, strlen(text), 0, &lt);
	return !strcmp(use + lu, text + lt);
}

/* USE has the words of R's name F: as written, or in another case. */
static void judge_same_words(ct_body_names *n, const char *use, kh_span at, bsn_rec *r, const bsn_form *f)
{
	for (size_t i = 0; i < r->forms.n; i++)
		if (!strcmp(use, ((const bsn_form *)r->forms.items[i])->text)) {
			r->mentioned = true;
			return;
		}
	size_t l;
	if (f->n < 2 || !kh_is_upper_cp(kh_cp_at(use, strlen(use), 0, &l)))
		return; /* one word, or a common noun in lower case */
	r->mentioned = true;
	if (kh_has_lower(use, strlen(use)) && !sentence_start(use, f->text))
		note_variant(n, r, f, use, at, _("a different case"));
}

/* Is a name of M words with KEY one letter off F? Cheap tests first. */
static bool one_letter_off(const char *key, const char *key_digits, size_t m, const bsn_form *f)
{
	return f->n == m && m >= 2 && f->len >= 8 && !strcmp(key_digits, f->digits) &&
	       kh_edit_distance(key, f->key, 1, true) == 1;
}

/* Words WS[S, S + M) of P against the names of M words: the same words,
 * else (within the budget) one letter off a name sharing its first or
 * last word, when they start with a capital and are no body's name. */
static void judge_window(ct_body_names *n, const kh_prose *p, kh_vec *ws, size_t s, size_t m)
{
	const char *first = ct_word_fold(p->text, WORD(*ws, s)), *last = ct_word_fold(p->text, WORD(*ws, s + m - 1));
	const kh_vec *heads = pairs(n, &n->by_first, first), *tails = pairs(n, &n->by_last, last);
	if (!heads && !tails)
		return;
	const char *key = key_of(p->text, ws, s, s + m);
	const char *use = kh_strndup(p->text + WORD(*ws, s)->s, WORD(*ws, s + m - 1)->e - WORD(*ws, s)->s);
	const kh_vec *same = pairs(n, &n->by_key, key);
	kh_span at;
	for (size_t x = 0; same && x + 1 < same->n; x += 2)
		if (may_use(n, p, ws, s, m, same->items[x], &at))
			judge_same_words(n, use, at, same->items[x], same->items[x + 1]);
	size_t l;
	if (same || !kh_is_upper_cp(kh_cp_at(use, strlen(use), 0, &l)) || kh_strmap_get(&n->names, key) >= 0)
		return;
	const char *key_digits = digits(key);
	for (int side = 0; side < 2; side++) {
		const kh_vec *list = side ? tails : heads;
		for (size_t x = 0; list && x + 1 < list->n && n->budget > 0; x += 2, n->budget--) {
			bsn_rec *r = list->items[x];
			const bsn_form *f = list->items[x + 1];
			if (side && !strcmp(f->w[0], first))
				continue; /* found from its first word */
			if (one_letter_off(key, key_digits, m, f) && may_use(n, p, ws, s, m, r, &at)) {
				r->mentioned = true;
				note_variant(n, r, f, use, at, _("a different spelling"));
			}
		}
	}
}

static void scan_uses(ct_body_names *n, const kh_prose *p)
{
	kh_vec ws = ct_split_words(p->text, p->len);
	for (size_t j = 0; j < ws.n; j++)
		for (size_t i = 0; i < n->nlens; i++)
			if (j + n->lens[i] <= ws.n)
				judge_window(n, p, &ws, j, n->lens[i]);
}

/* Every body's name by its key; declared short names too. */
static void index_names(ct_body_names *n)
{
	for (size_t i = 0; i < n->bx->n; i++) {
		const bname *bn = &n->bx->v[i];
		kh_buf b = { 0 };
		for (size_t k = 0; k < bn->n; k++) {
			if (k)
				kh_buf_putc(&b, ' ');
			kh_buf_puts(&b, bn->w[k]); /* not kh_buf_printf: every name of every body */
		}
		kh_strmap_put(&n->names, kh_buf_cstr(&b), (int)i);
		if (bn->n > n->longest)
			n->longest = bn->n;
	}
	const kh_vec *bodies = &n->prog->bodies;
	for (size_t i = 0; i < bodies->n; i++) {
		const kh_body *b = bodies->items[i];
		if (b->short_name && *b->short_name)
			kh_strmap_put(&n->shorts, text_key(b->short_name), (int)i);
	}
}

/* Has PROG a short name for a body to look for: a gọi_tắt, or an introduction? */
static bool any_short_name(const kh_program *prog, const kh_vec *proses)
{
	for (size_t i = 0; i < prog->bodies.n; i++)
		if (((const kh_body *)prog->bodies.items[i])->short_name)
			return true;
	for (size_t i = 0; i < proses->n; i++)
		if (ct_intros(proses->items[i]).n)
			return true;
	return false;
}

ct_body_names *ct_body_names_find(const kh_program *prog, const kh_vec *proses, const bindex *bx)
{
	ct_body_names *n = KH_NEW(ct_body_names);
	n->prog = prog;
	n->bx = bx;
	n->budget = 1000L * 1000; /* a typing error is looked for this many times */
	if (!any_short_name(prog, proses))
		return n;
	index_names(n);
	for (size_t i = 0; i < proses->n; i++)
		if (!((const kh_prose *)proses->items[i])->short_name)
			find_intros(n, proses->items[i]);
	for (size_t i = 0; i < prog->bodies.n; i++) {
		const kh_body *b = prog->bodies.items[i];
		if (!b->short_name || !*b->short_name)
			continue;
		bsn_rec *r = rec_for(n, b);
		add_form(n, r, b->short_name);
		if (r->after == -2) {
			r->after = -1;
			r->intro = b->span;
			r->intro_decl = true;
		}
	}
	if (!n->recs.n)
		return n;
	ct_regions_sort(&n->regions);
	ct_regions_sort(&n->claimed);
	for (size_t i = 0; i < proses->n; i++)
		if (!((const kh_prose *)proses->items[i])->short_name)
			scan_uses(n, proses->items[i]);
	return n;
}

bool ct_body_intro_at(const ct_body_names *n, long at)
{
	return ct_regions_has(&n->claimed, at);
}

void ct_body_names_report(const kh_check_ctx *cx, const ct_body_names *n)
{
	for (size_t i = 0; i < n->variants.n; i++) {
		const bsn_variant *v = n->variants.items[i];
		kh_diag *x = kh_report(cx, R_SHORT_NAME_MISMATCH, v->span,
				       v->more ? kh_ngettext("'%s' is a variant of the short name '%s' of '%s' (%s); reuse "
							     "the name exactly as introduced (this variant occurs %d more time)",
							     "'%s' is a variant of the short name '%s' of '%s' (%s); reuse "
							     "the name exactly as introduced (this variant occurs %d more times)",
							     (unsigned long)v->more)
					       : _("'%s' is a variant of the short name '%s' of '%s' (%s); reuse the "
						   "name exactly as introduced"),
				       v->text, v->form->text, v->rec->b->id, v->why, v->more);
		if (x)
			kh_diag_note(x, v->rec->intro, v->rec->intro_decl ? _("the short name is declared here (gọi_tắt)")
									   : _("the short name is introduced here"));
	}
}

const bindex *ct_check_bindex(const kh_check_ctx *cx)
{
	if (cx->shared && cx->shared->body_words)
		return cx->shared->body_words;
	bindex *bx = KH_NEW(bindex);
	*bx = ct_body_index(kh_check_bodies(cx));
	if (cx->shared)
		cx->shared->body_words = bx;
	return bx;
}

ct_body_names *ct_check_body_names(const kh_check_ctx *cx)
{
	if (cx->shared && cx->shared->body_names)
		return cx->shared->body_names;
	ct_body_names *n = ct_body_names_find(cx->prog, cx->prose, ct_check_bindex(cx));
	if (cx->shared)
		cx->shared->body_names = n;
	return n;
}

void kh_bodies_mentioned(const kh_check_ctx *cx, bool *mentioned)
{
	const kh_program *prog = cx->prog;
	memset(mentioned, 0, prog->bodies.n * sizeof *mentioned);
	if (!any_short_name(prog, cx->prose))
		return; /* the usual case: no body index to build */
	ct_body_names *n = ct_check_body_names(cx);
	for (size_t i = 0; i < prog->bodies.n; i++) {
		int k = kh_strmap_get(&n->rec_of, ((const kh_body *)prog->bodies.items[i])->id);
		mentioned[i] = k >= 0 && ((const bsn_rec *)n->recs.items[k])->mentioned;
	}
}

/*
 * check_citations.c - the rules on document numbers in prose:
 *
 *   unknown-citation     a number that matches no declared document,
 *   citation-conflict    a number cited with another date or issuer,
 *   short-name-mismatch  a short name reused in a variant (run from here,
 *                        written in check_short_names.c);
 *
 * and the tables they share (citations_int.h): the declared numbers, the
 * body names, the numbers found in prose. The recogniser is docnum.c, the
 * strings of the plan prose.c, the text helpers cite_text.c.
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
#include "citations_int.h"
#include "i18n.h"
#include "names.h"

/* ------------------------------------------------------------------ */
/* Declared documents and bodies                                      */



/* The key of a declared number that is not in a known form. */
static const char *raw_key(const char *s)
{
	kh_buf b = { 0 };
	size_t len = strlen(s), a = 0;
	while (a < len && isspace((unsigned char)s[a]))
		a++;
	while (len > a && isspace((unsigned char)s[len - 1]))
		len--;
	ct_put_upper(&b, s, a, len);
	return kh_buf_cstr(&b);
}



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





static void bindex_add(bindex *x, strmap *m, const char *w, bname *b)
{
	kh_word_lists_add(&x->lists, m, w, b);
}

const kh_vec *ct_bindex_get(const bindex *x, const strmap *m, const char *w)
{
	int k = kh_strmap_get(m, w);
	return k < 0 ? NULL : x->lists.items[k];
}

bindex ct_body_index(const kh_bindex *names)
{
	bindex x = { 0 };
	x.v = KH_NEW_N(bname, names->n + 1);
	for (size_t i = 0; i < names->n; i++)
		if (names->v[i].full)
			x.v[x.n++] = names->v[i]; /* its words shared, not folded again */
	for (size_t i = 0; i < x.n; i++) {
		bindex_add(&x, &x.first, x.v[i].w[0], &x.v[i]);
		bindex_add(&x, &x.last, x.v[i].w[x.v[i].n - 1], &x.v[i]);
	}
	return x;
}

/* ------------------------------------------------------------------ */
/* Mentions                                                           */



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

/* TRANSLATORS: completes "(%s are checked in this plan)". */
static const char *form_numbers(kh_num_form f)
{
	switch (f) {
	case KH_NUM_STATE: return _("numbers of the state form");
	case KH_NUM_LAW: return _("numbers of the legal form");
	case KH_NUM_PARTY: return _("numbers of the Party form");
	}
	return "";
}

static const char *number_text(const mention *m)
{
	return kh_strndup(m->p->text + m->n.start, m->n.end - m->n.start);
}

static void check_unknown(const kh_check_ctx *cx, const kh_vec *mentions, decls *ds)
{
	strmap seen = { 0 };
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
			/* TRANSLATORS: why a number is near another, in "did you mean '%s' (…), %s?". */
			const char *why = how == KH_NEAR_FORM ? _("the same number written in the other family's form")
					  : how == KH_NEAR_ISSUER ? _("the same number and kind with another issuer")
								   : _("one character away");
			kh_diag *x = d->doc ? kh_report(cx, R_UNKNOWN_CITATION, m->span,
							_("document number '%s' matches no declared document; did you "
							  "mean '%s' ('%s'), %s?"),
							num, d->number, d->id, why)
					    : kh_report(cx, R_UNKNOWN_CITATION, m->span,
							_("document number '%s' matches no declared document; did you "
							  "mean '%s' (this plan's own number), %s?"),
							num, d->number, why);
			if (x && d->doc)
				kh_diag_note(x, d->span, _("'%s' is declared here with the number '%s'"), d->id, d->number);
			else if (x)
				kh_diag_note(x, d->span, _("the plan's own number is '%s'"), d->number);
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
				     _("document number '%s' matches no declared document (%s are "
				       "checked in this plan): declare it (văn_bản ID \"%s\" ngày … của …) or correct "
				       "the number"),
				     num, form_numbers(m->n.form), num);
	}
	for (size_t i = 0; i < mentions->n; i++) {
		if (!first[i] || !count[i])
			continue;
		/* the later citations of the same number: one note for all */
		const mention *m = mentions->items[second[i]];
		kh_diag_note(first[i], m->span,
			     kh_ngettext("cited again here (%d more time in all)",
					 "cited again here (%d more times in all)", (unsigned long)count[i]),
			     count[i]);
	}
}

/* ------------------------------------------------------------------ */
/* citation-conflict                                                  */

static size_t read_int(const char *t, size_t len, size_t i, int maxd, int *v)
{
	size_t j = i;
	*v = 0;
	while (j < len && isdigit((unsigned char)t[j]) && (int)(j - i) < maxd)
		*v = *v * 10 + (t[j++] - '0');
	if (j < len && isdigit((unsigned char)t[j]))
		return i;
	return j;
}

/* A date at T[I]: 15/10/2009, 15-10-2009, 15.10.2009, "15 tháng 10 năm
 * 2009". Returns its end, or I. */
static size_t parse_date(const char *t, size_t len, size_t i, kh_day *day)
{
	int d, m, y;
	size_t j = read_int(t, len, i, 2, &d);
	if (j == i)
		return i;
	size_t k;
	if (j < len && (t[j] == '/' || t[j] == '-' || t[j] == '.')) {
		char sep = t[j];
		k = read_int(t, len, j + 1, 2, &m);
		if (k == j + 1 || k >= len || t[k] != sep)
			return i;
		j = k;
		k = read_int(t, len, j + 1, 4, &y);
		if (k != j + 5)
			return i;
	} else {
		static const char thang[] = " tháng ", nam[] = " năm ";
		if (len - j < sizeof thang - 1 || memcmp(t + j, thang, sizeof thang - 1))
			return i;
		j += sizeof thang - 1;
		k = read_int(t, len, j, 2, &m);
		if (k == j || len - k < sizeof nam - 1 || memcmp(t + k, nam, sizeof nam - 1))
			return i;
		j = k + sizeof nam - 1;
		k = read_int(t, len, j, 4, &y);
		if (k != j + 4)
			return i;
	}
	if (!kh_date_valid(y, m, d))
		return i;
	*day = kh_date_make(y, m, d);
	return k;
}

typedef struct cite_info {
	bool has_date;
	kh_day date;
	size_t ds, de;            /* "ngày …" in the text */
	kh_vec bodies;            /* const kh_body*: what the issuer words name */
	size_t is, ie;            /* the issuer words in the text */
} cite_info;

/* The bodies named by the words of T starting at byte I (after "của"). */
static void issuer_after(const char *t, size_t len, size_t i, const bindex *bx, cite_info *ci)
{
	size_t end = i;
	for (int n = 0; end < len && n < 16; n++) { /* at most 16 words */
		end = kh_skip_spaces(t, len, end);
		while (end < len && !isspace((unsigned char)t[end]))
			end++;
	}
	kh_vec ws = ct_split_words(t + i, end - i);
	if (!ws.n)
		return;
	const kh_vec *cands = ct_bindex_get(bx, &bx->first, ct_word_fold(t + i, WORD(ws, 0)));
	size_t best = 0;
	for (size_t k = 0; cands && k < cands->n && budget > 0; k++, budget--) {
		const bname *bk = cands->items[k];
		size_t n = kh_bname_match(bk, t + i, &ws, 0, ws.n, true);
		if (!n || n < best)
			continue;
		/* the name must end there: punctuation, the end, or a small word */
		word *last = WORD(ws, n - 1);
		if (!last->trail && n < ws.n) {
			word *next = WORD(ws, n);
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
		ci->is = i + WORD(ws, 0)->s;
		ci->ie = i + WORD(ws, best - 1)->e;
	}
}

/* "…, Ban Thường vụ Huyện ủy ban hành Chỉ thị số 35-CT/HU": the issuer
 * before "ban hành", and "Ngày 19/10/2023, " before it. */
static void issuer_before(const char *t, size_t start, const bindex *bx, cite_info *ci)
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
	kh_vec mid = ct_split_words(t + at + lbh, start - at - lbh);
	if (mid.n == 0 || mid.n > 4)
		return;
	for (size_t k = 0; k < mid.n; k++)
		if (WORD(mid, k)->trail)
			return;
	/* the clause before "ban hành" */
	size_t cs = at;
	while (cs > 0 && !strchr(".;:(", t[cs - 1]))
		cs--;
	kh_vec ws = ct_split_words(t + cs, at - cs);
	if (!ws.n)
		return;
	const kh_vec *cands = ct_bindex_get(bx, &bx->last, ct_word_fold(t + cs, WORD(ws, ws.n - 1)));
	size_t best = 0;
	for (size_t k = 0; cands && k < cands->n && budget > 0; k++, budget--) {
		const bname *bk = cands->items[k];
		size_t n = kh_bname_match(bk, t + cs, &ws, 0, ws.n, false);
		if (!n || n < best)
			continue;
		if (n < ws.n && !WORD(ws, ws.n - n - 1)->trail)
			continue; /* the name must start the clause or follow a comma */
		if (n > best) {
			best = n;
			ci->bodies.n = 0;
		}
		kh_vec_push(&ci->bodies, (void *)bk->b);
	}
	if (!best)
		return;
	ci->is = cs + WORD(ws, ws.n - best)->s;
	ci->ie = cs + WORD(ws, ws.n - 1)->e;
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

static cite_info read_citation(const mention *m, const bindex *bx)
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
static bool name_prefix(const bname *a, const bname *b)
{
	size_t n = a->n < b->n ? a->n : b->n;
	for (size_t k = 0; k < n; k++)
		if (strcmp(a->w[k], b->w[k]))
			return false;
	return true;
}

static const bname *bname_of(const bname *bn, size_t nb, const kh_body *b)
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
static bool name_suffix(const bname *a, const bname *b)
{
	size_t n = a->n < b->n ? a->n : b->n;
	if (n < 2)
		return false;
	for (size_t k = 1; k <= n; k++)
		if (strcmp(a->w[a->n - k], b->w[b->n - k]))
			return false;
	return true;
}

static bool bodies_agree(const kh_body *a, const kh_body *b, const bname *bn, size_t nb)
{
	if (a == b || kh_body_is(a, b) || kh_body_is(b, a))
		return true;
	const bname *x = bname_of(bn, nb, a), *y = bname_of(bn, nb, b);
	return x && y && (name_prefix(x, y) || name_suffix(x, y));
}

static bool any_agree(const kh_vec *v, const kh_body *b, const bname *bn, size_t nb)
{
	for (size_t k = 0; k < v->n; k++)
		if (bodies_agree(v->items[k], b, bn, nb))
			return true;
	return false;
}

/* The date of D (a declaration, or the plan's own header) against the one given HERE at AT. */
static kh_diag *date_conflict(const kh_check_ctx *cx, kh_span at, const char *num, const char *here,
			      const decl *d)
{
	char b[16];
	if (d->doc)
		return kh_report(cx, R_CITATION_CONFLICT, at,
				 _("'%s' is dated %s here, but %s in its declaration ('%s')"), num, here,
				 kh_date_vn(d->date, b), d->id);
	return kh_report(cx, R_CITATION_CONFLICT, at,
			 _("'%s' is dated %s here, but %s in the plan's own header"), num, here,
			 kh_date_vn(d->date, b));
}

/* The issuer of D against SAID, the body the text attributes NUM to. */
static kh_diag *issuer_conflict(const kh_check_ctx *cx, kh_span at, const char *num, const char *said,
				const decl *d)
{
	if (d->doc)
		return kh_report(cx, R_CITATION_CONFLICT, at,
				 _("'%s' is attributed here to '%s', but its declaration ('%s') gives "
				   "'%s' (%s) as the issuer"),
				 num, said, d->id, d->issuer->name, d->issuer->id);
	return kh_report(cx, R_CITATION_CONFLICT, at,
			 _("'%s' is attributed here to '%s', but the plan's own header gives "
			   "'%s' (%s) as the issuer"),
			 num, said, d->issuer->name, d->issuer->id);
}

static void note_decl(kh_diag *x, const decl *d)
{
	if (!x)
		return;
	if (d->doc)
		kh_diag_note(x, d->span, _("'%s' is declared here"), d->id);
	else
		kh_diag_note(x, d->span, _("the plan's number, date and issuer are given here"));
}

static void check_conflicts(const kh_check_ctx *cx, const kh_vec *mentions, const decls *ds, const bindex *bx)
{
	const bname *bn = bx->v;
	size_t nb = bx->n;
	size_t n = mentions->n;
	cite_info *ci = KH_NEW_N(cite_info, n + 1);
	for (size_t i = 0; i < n; i++)
		ci[i] = read_citation(mentions->items[i], bx);
	char b1[16], b2[16];
	strmap first_date = { 0 }, first_issuer = { 0 };
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
					note_decl(date_conflict(cx, at, num, kh_date_vn(ci[i].date, b1), d), d);
				}
			} else if (fd >= 0 && ci[fd].date != ci[i].date) {
				const mention *o = mentions->items[fd];
				kh_diag *x = kh_report(cx, R_CITATION_CONFLICT, at,
						       _("'%s' is dated %s here, but %s where it is cited before"), num,
						       kh_date_vn(ci[i].date, b1), kh_date_vn(ci[fd].date, b2));
				if (x)
					kh_diag_note(x, kh_prose_span(o->p, ci[fd].ds, ci[fd].de), _("cited with that date here"));
			}
		}
		if (ci[i].bodies.n) {
			kh_span at = kh_prose_span(p, ci[i].is, ci[i].ie);
			const char *said = kh_strndup(p->text + ci[i].is, ci[i].ie - ci[i].is);
			if (d && d->issuer) {
				if (!any_agree(&ci[i].bodies, d->issuer, bn, nb)) {
					note_decl(issuer_conflict(cx, at, num, said, d), d);
				}
			} else if (fi >= 0) {
				bool agree = false;
				for (size_t k = 0; k < ci[fi].bodies.n && !agree; k++)
					agree = any_agree(&ci[i].bodies, ci[fi].bodies.items[k], bn, nb);
				if (!agree) {
					const mention *o = mentions->items[fi];
					const char *before = kh_strndup(o->p->text + ci[fi].is, ci[fi].ie - ci[fi].is);
					kh_diag *x = kh_report(cx, R_CITATION_CONFLICT, at,
							       _("'%s' is attributed here to '%s', but to '%s' where it is cited before"),
							       num, said, before);
					if (x)
						kh_diag_note(x, kh_prose_span(o->p, ci[fi].is, ci[fi].ie),
							     _("cited with that issuer here"));
				}
			}
		}
	}
}

/* ------------------------------------------------------------------ */
/* Documents cited (for unused-declaration)                           */

void kh_documents_cited(const kh_program *prog, const kh_vec *proses, bool *cited)
{
	size_t nd = prog->documents.n;
	memset(cited, 0, nd * sizeof *cited);
	strmap by_key = { 0 };
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
	strmap seen_miss = { 0 };
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
				kh_vec ws = ct_split_words(head, strlen(head));
				if (ws.n >= 3)
					needles[2] = head;
			}
		}
		if (!needles[0] && !needles[1])
			continue; /* nothing to look for: no text is folded for it */
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
	const bindex *bx = ct_check_bindex(cx);
	check_unknown(cx, &mentions, &ds);
	ct_check_short_names(cx, proses, &mentions, &ds);
	check_conflicts(cx, &mentions, &ds, bx);
}

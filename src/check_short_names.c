/*
 * check_short_names.c - short-name-mismatch: a short name introduced with
 * "(sau đây gọi tắt là …)" or declared with gọi_tắt must be reused
 * exactly. For documents the name ends in a number ("Chỉ thị số
 * 35-CT/HU"), found right after the words before it; bodies' names
 * ("Ban Chỉ đạo") are in body_short_names.c.
 *
 * A document's short name is checked only when it ends in a number: the
 * words before the number ("Chỉ thị số") must be found right before a
 * cited number, so ordinary words are never taken for a short name.
 * Whole citations (followed by "ngày …" or "của …") may use the full
 * form; text in capitals (headings) may differ in case.
 * Part of kehoach; see README.md for the licence.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "citations_int.h"
#include "i18n.h"
#include "names.h"

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
	strmap rec_by;            /* "d:ID" or "t:folded name" -> rec index */
	strmap by_lead;           /* the number's leading digits -> list index */
	kh_vec lead_lists;        /* kh_vec* of sn_rec* */
	strmap sn_doc;            /* a declared short name, folded -> document index */
	ct_regions regions;       /* introductions, of documents and bodies */
	ct_body_names *bodies;    /* bodies' short names (body_short_names.c) */
	kh_vec variants;          /* variant* */
	strmap variant_by;        /* "rec index|text" -> variant index */
} sn_ctx;

static bool is_so(const char *folded)
{
	return !strcmp(folded, "số") || !strcmp(folded, "so");
}

/* Where the leading digits of S start without leading zeros ("035-":
 * "35"), and in *N how many there are. */
static const char *lead_at(const char *s, size_t *n)
{
	while (s[0] == '0' && isdigit((unsigned char)s[1]))
		s++;
	for (*n = 0; isdigit((unsigned char)s[*n]); (*n)++)
		;
	return s;
}

/* The leading digits of S without leading zeros, or NULL. */
static const char *lead_of(const char *s)
{
	size_t n;
	const char *d = lead_at(s, &n);
	return n ? kh_strndup(d, n) : NULL;
}

static sn_form *make_form(const char *text)
{
	kh_vec ws = ct_split_words(text, strlen(text));
	if (ws.n < 2)
		return NULL;
	word *last = WORD(ws, ws.n - 1);
	if (!isdigit((unsigned char)text[last->s]))
		return NULL; /* no number at its end: ordinary words */
	sn_form *f = KH_NEW(sn_form);
	f->text = text;
	f->num = kh_strndup(text + last->s, last->e - last->s);
	f->is_doc = kh_docnum_parse(f->num, &f->dn);
	f->head = KH_NEW_N(const char *, ws.n);
	for (size_t k = 0; k + 1 < ws.n; k++) {
		const char *w = ct_word_fold(text, WORD(ws, k));
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

/* Does T (N bytes) hold "tắt là ", the end of every introduction's mark?
 * Found by the last byte of "ắ" (E1 BA AF), which few Vietnamese letters
 * end in: memchr runs far ahead of a search stopping at every t. */
static bool says_short_for(const char *t, size_t n)
{
	static const char tail[] = "t là ";
	for (const char *p = t, *end = t + n; (p = memchr(p, 0xAF, (size_t)(end - p))); p++)
		if (p - t >= 3 && (unsigned char)p[-2] == 0xE1 && (unsigned char)p[-1] == 0xBA && p[-3] == 't' &&
		    (size_t)(end - p - 1) >= sizeof tail - 1 && !memcmp(p + 1, tail, sizeof tail - 1))
			return true;
	return false;
}

kh_vec ct_intros(const kh_prose *p)
{
	static const char *const marks[] = { "gọi tắt là ", "viết tắt là ", "Gọi tắt là ", "Viết tắt là " };
	kh_vec out = { 0 };
	/* Most texts hold no mark: one search answers for the four (they were
	 * a twentieth of checking a long plan, each stopping at every g or v). */
	if (!says_short_for(p->text, p->len))
		return out;
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
		size_t ml = strlen(marks[k]);
		for (const char *q = p->text; (q = kh_find_bytes(q, (size_t)(p->text + p->len - q), marks[k], ml));
		     q += ml) {
			size_t st = (size_t)(q - p->text);
			if (st > 0 && kh_is_word_cp(kh_cp_before(p->text, st)))
				continue;
			size_t xs = st + ml, l;
			while (xs < p->len && (l = ct_punct_at(p->text, p->len, xs, true)))
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
			ct_intro *it = KH_NEW(ct_intro);
			*it = (ct_intro){ rs, st, xs, xe, kh_prose_span(p, rs, xe), kh_prose_span(p, xs, xe) };
			kh_vec_push(&out, it);
		}
	}
	return out;
}

/* Introductions of documents' short names in string PI. */
static void find_intros(sn_ctx *c, size_t pi)
{
	const kh_prose *p = c->proses->items[pi];
	kh_vec intros = ct_intros(p);
	for (size_t i = 0; i < intros.n; i++) {
		const ct_intro *it = intros.items[i];
		ct_regions_add(&c->regions, it->whole);
		if (ct_body_intro_at(c->bodies, it->name.start))
			continue; /* a body's: "Ban Chỉ đạo … (sau đây gọi tắt là Ban Chỉ đạo)" */
		sn_form *f = make_form(kh_strndup(p->text + it->start, it->end - it->start));
		if (!f)
			continue;
		const kh_document *doc = named_document(c, pi, it->mark, f);
		sn_rec *r = find_rec(c, doc, kh_text_fold(f->text));
		add_form(c, r, f);
		if (r->after == -2) {
			r->after = it->whole.end;
			r->intro = it->name;
		}
	}
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
	if (is_so(ct_word_fold(p->text, WORD(*ws, k - 1))))
		k--;
	for (size_t fi = 0; fi < r->forms.n; fi++) {
		const sn_form *f = r->forms.items[fi];
		bool cut;
		if (k < f->nhead || !related(c->ds, r, f, tok, is_doc, dn, &cut))
			continue;
		bool head = true;
		for (size_t h = 0; h < f->nhead && head; h++)
			head = !strcmp(ct_word_fold(p->text, WORD(*ws, k - f->nhead + h)), f->head[h]);
		if (!head)
			continue;
		size_t ps = WORD(*ws, k - f->nhead)->s;
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
			/* TRANSLATORS: why a name is a variant of the short name, in
			 * "'%s' is a variant of the short name '%s' (%s)". */
			const char *why = cut ? _("its number cut short")
				       : full ? _("the full number instead of the short name")
				       : !same_num ? _("a different number")
				       : !strcmp(ufold, kh_text_fold(f->text)) ? _("a different case")
				       : nw > f->nwords ? _("a word added")
							: _("a word dropped");
			note_variant(c, r, f, use, kh_prose_span(p, ps, end), why);
		}
		return; /* one verdict per name */
	}
}

/* Does some run of digits in T have leading digits a short name's number
 * has (lead_of)? Every run counts, whatever stands before it: more than
 * the words scan_uses reads, so a text without one has no use to find. */
static bool has_a_lead(const sn_ctx *c, const char *t)
{
	for (const char *p = strpbrk(t, "0123456789"); p; p = strpbrk(p, "0123456789")) {
		size_t n;
		const char *q = lead_at(p, &n);
		char lead[32];
		if (n >= sizeof lead)
			return true; /* too long to copy here: let the scan judge */
		memcpy(lead, q, n);
		lead[n] = '\0';
		if (kh_strmap_get(&c->by_lead, lead) >= 0)
			return true;
		p = q + n;
	}
	return false;
}

static void scan_uses(sn_ctx *c, const kh_prose *p)
{
	if (!has_a_lead(c, p->text))
		return; /* a use starts with a short name's number: most texts have none to split for */
	kh_vec ws = ct_split_words(p->text, p->len);
	for (size_t j = 1; j < ws.n; j++) {
		word *w = WORD(ws, j);
		if (!isdigit((unsigned char)p->text[w->s]))
			continue;
		kh_docnum dn;
		bool is_doc = ct_boundary_before(p->text, w->s) && ct_parse_at(p->text, p->len, w->s, &dn) && dn.end <= w->e;
		size_t end = is_doc ? dn.end : w->e;
		const char *tok = kh_strndup(p->text + w->s, end - w->s);
		int li = kh_strmap_get(&c->by_lead, lead_of(tok));
		if (li < 0)
			continue;
		kh_span at = kh_prose_span(p, w->s, end);
		if (ct_regions_has(&c->regions, at.start))
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

void ct_check_short_names(const kh_check_ctx *cx, const kh_vec *proses, const kh_vec *mentions,
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
	c.bodies = ct_check_body_names(cx);
	ct_body_names_report(cx, c.bodies);
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
	ct_regions_sort(&c.regions);
	for (size_t i = 0; i < proses->n; i++) {
		const kh_prose *p = proses->items[i];
		if (!p->short_name)
			scan_uses(&c, p);
	}
	for (size_t i = 0; i < c.variants.n; i++) {
		const variant *v = c.variants.items[i];
		kh_diag *x = kh_report(cx, R_SHORT_NAME_MISMATCH, v->span,
				       v->more ? kh_ngettext("'%s' is a variant of the short name '%s' (%s); reuse the name "
							     "exactly as introduced (this variant occurs %d more time)",
							     "'%s' is a variant of the short name '%s' (%s); reuse the name "
							     "exactly as introduced (this variant occurs %d more times)",
							     (unsigned long)v->more)
					       : _("'%s' is a variant of the short name '%s' (%s); reuse the name exactly "
						   "as introduced"),
				       v->text, v->form->text, v->why, v->more);
		if (x)
			kh_diag_note(x, v->rec->intro, v->rec->intro_decl ? _("the short name is declared here (gọi_tắt)")
									   : _("the short name is introduced here"));
	}
}

/*
 * criteria_text.c - award criteria in words (criteria_text.h). Each
 * phrase is a whole sentence with its blanks (%s), written once as the
 * catalogue's English message and once as the documents' Vietnamese, side
 * by side, so that a translator never sees a fragment and a document never
 * needs the catalogue. A node's words are built bottom-up as strings; an
 * operand is bracketed only when it binds more loosely than where it
 * stands (hoặc below và below không), and a list "“A” hoặc “B”" counts as
 * a hoặc, since that is how it reads.
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>

#include "ast.h"
#include "criteria_text.h"
#include "document.h"
#include "i18n.h"
#include "names.h"

typedef struct words {
	bool vi;                  /* the documents' Vietnamese, not the UI's */
} words;

enum { PREC_OR = 1, PREC_AND, PREC_NOT, PREC_ATOM };

static const char *say(const words *w, const kh_cexpr *e);

static const kh_cexpr *kid(const kh_cexpr *e, size_t i)
{
	return e && i < e->kids.n ? e->kids.items[i] : NULL;
}

static const kh_cexpr *last_kid(const kh_cexpr *e)
{
	return e && e->kids.n ? e->kids.items[e->kids.n - 1] : NULL;
}

static bool reads_or(const kh_cexpr *list)
{
	return list && list->kind == KH_CE_LIST && list->kids.n >= 2;
}

/* How loosely E's words bind; a list of several reads as a hoặc. */
static int prec(const kh_cexpr *e)
{
	switch (e ? e->kind : KH_CE_TEXT) {
	case KH_CE_OR: return PREC_OR;
	case KH_CE_AND: return PREC_AND;
	case KH_CE_NOT: return PREC_NOT;
	case KH_CE_IN: return reads_or(last_kid(e)) ? PREC_OR : PREC_ATOM;
	case KH_CE_CONSEC:
	case KH_CE_ATLEAST: {
		const kh_cexpr *t = kid(e, 0);
		return t && t->kind == KH_CE_IN && reads_or(last_kid(t)) ? PREC_OR : PREC_ATOM;
	}
	default: return PREC_ATOM;
	}
}

/* E's words where an operand of precedence PARENT stands. */
static const char *operand(const words *w, const kh_cexpr *e, int parent)
{
	const char *s = say(w, e);
	return prec(e) < parent ? kh_printf("(%s)", s) : s;
}

static const char *attr_name(const kh_award_attr *a)
{
	if (!a)
		return "…";
	return a->header && *a->header ? a->header : a->id;
}

static const char *number_words(const words *w, double x)
{
	if (x > -1e15 && x < 1e15 && x == (double)(long)x)
		return kh_printf("%ld", (long)x);
	char *s = kh_printf("%g", x);
	char *dot = strchr(s, '.');
	/* TRANSLATORS: the decimal mark of a number in an award criterion
	   ("12.5" reads "12,5" in Vietnamese). */
	const char *mark = w->vi ? "," : _(".");
	if (!dot || !strcmp(mark, "."))
		return s;
	*dot = '\0';
	return kh_printf("%s%s%s", s, mark, dot + 1);
}

static const char *date_words(kh_day d)
{
	int y, m, dd;
	kh_date_split(d, &y, &m, &dd);
	return kh_printf("%02d/%02d/%d", dd, m, y);
}

/* "“A”", "“A” hoặc “B”", "“A”, “B” hoặc “C”". */
static const char *list_words(const words *w, const kh_cexpr *list)
{
	if (!list || !list->kids.n)
		return "[]";
	const char *acc = say(w, kid(list, 0));
	for (size_t i = 1; i + 1 < list->kids.n; i++)
		acc = kh_printf("%s, %s", acc, say(w, kid(list, i)));
	if (list->kids.n >= 2)
		acc = kh_printf(w->vi ? "%s hoặc %s" : _("%s or %s"), acc, say(w, last_kid(list)));
	return acc;
}

static const char *logic(const words *w, const kh_cexpr *e)
{
	const kh_cexpr *k = kid(e, 0);
	/* a yes/no column read as the spreadsheet has it: "Đảng viên: không" */
	if (e->kind == KH_CE_NOT && k && k->kind == KH_CE_ATTR)
		return kh_printf(w->vi ? "%s: không" : _("%s: no"), attr_name(k->attr));
	if (e->kind == KH_CE_NOT)
		/* TRANSLATORS: an award criterion negated ("not: (A and B)"). */
		return kh_printf(w->vi ? "không: %s" : _("not: %s"), operand(w, k, PREC_NOT));
	int p = prec(e);
	const char *acc = operand(w, kid(e, 0), p);
	for (size_t i = 1; i < e->kids.n; i++) {
		const char *next = operand(w, kid(e, i), p);
		if (e->kind == KH_CE_AND)
			acc = kh_printf(w->vi ? "%s và %s" : _("%s and %s"), acc, next);
		else
			acc = kh_printf(w->vi ? "%s hoặc %s" : _("%s or %s"), acc, next);
	}
	return acc;
}

static const char *ordered_dates(const words *w, int op, const char *l, const char *r)
{
	switch (op) {
	case KH_CMP_LT: return kh_printf(w->vi ? "%s trước ngày %s" : _("%s before %s"), l, r);
	case KH_CMP_LE: return kh_printf(w->vi ? "%s từ ngày %s trở về trước" : _("%s on or before %s"), l, r);
	case KH_CMP_GT: return kh_printf(w->vi ? "%s sau ngày %s" : _("%s after %s"), l, r);
	default: return kh_printf(w->vi ? "%s từ ngày %s trở về sau" : _("%s on or after %s"), l, r);
	}
}

static const char *compare(const words *w, const kh_cexpr *e)
{
	const char *l = operand(w, kid(e, 0), PREC_ATOM), *r = operand(w, kid(e, 1), PREC_ATOM);
	if (e->op == KH_CMP_EQ)
		return kh_printf(w->vi ? "%s là %s" : _("%s is %s"), l, r);
	if (e->op == KH_CMP_NE)
		return kh_printf(w->vi ? "%s khác %s" : _("%s is not %s"), l, r);
	if (kid(e, 0) && kid(e, 0)->type == KH_VAL_DATE)
		return ordered_dates(w, e->op, l, r);
	switch (e->op) {
	case KH_CMP_LT: return kh_printf(w->vi ? "%s dưới %s" : _("%s less than %s"), l, r);
	case KH_CMP_LE: return kh_printf(w->vi ? "%s từ %s trở xuống" : _("%s at most %s"), l, r);
	case KH_CMP_GT: return kh_printf(w->vi ? "%s trên %s" : _("%s more than %s"), l, r);
	default: return kh_printf(w->vi ? "%s từ %s trở lên" : _("%s at least %s"), l, r);
	}
}

/* "x trong [a, b]": "x là “a” hoặc “b”"; in a count, the list alone. */
static const char *membership(const words *w, const kh_cexpr *e)
{
	const char *list = list_words(w, last_kid(e));
	if (e->kids.n < 2)
		return list;
	return kh_printf(w->vi ? "%s là %s" : _("%s is %s"), operand(w, kid(e, 0), PREC_ATOM), list);
}

/* What a count looks for each year: "“HTXSNV”", "khác “KHTNV”", a list. */
static const char *count_test(const words *w, const kh_cexpr *e)
{
	const kh_cexpr *t = kid(e, 0);
	if (!t)
		return "…";
	if (t->kind == KH_CE_IN)
		return membership(w, t);
	const char *v = say(w, t);
	/* TRANSLATORS: a yearly value a count looks for: "not “KHTNV”". */
	return e->op == KH_CMP_NE ? kh_printf(w->vi ? "khác %s" : _("not %s"), v) : v;
}

static const char *consecutive(const words *w, const kh_cexpr *e)
{
	const char *a = attr_name(e->attr), *t = count_test(w, e);
	long n = (long)e->number;
	if (e->until)
		return kh_printf(w->vi ? "%s %s %ld năm liên tục, đến năm %ld"
				       : kh_ngettext("%s %s for %ld year up to %ld",
						     "%s %s for %ld consecutive years up to %ld", (unsigned long)n),
				 a, t, n, e->until);
	return kh_printf(w->vi ? "%s %s %ld năm liên tục gần nhất"
			       : kh_ngettext("%s %s for the last %ld year",
					     "%s %s for the last %ld consecutive years", (unsigned long)n),
			 a, t, n);
}

static const char *at_least(const words *w, const kh_cexpr *e)
{
	const char *a = attr_name(e->attr), *t = count_test(w, e);
	long n = (long)e->number;
	if (e->years == 1 && e->until)
		return kh_printf(w->vi ? "%s %s năm %ld" : _("%s %s in %ld"), a, t, e->until);
	if (e->years == 1)
		return kh_printf(w->vi ? "%s %s năm gần nhất" : _("%s %s in the latest year"), a, t);
	if (e->until)
		return kh_printf(w->vi ? "%s %s ít nhất %ld trong %ld năm, đến năm %ld"
				       : _("%s %s in at least %ld of %ld years up to %ld"),
				 a, t, n, e->years, e->until);
	return kh_printf(w->vi ? "%s %s ít nhất %ld trong %ld năm gần nhất"
			       : _("%s %s in at least %ld of the last %ld years"), a, t, n, e->years);
}

/* The class of award looked for ("Bằng khen"): the resolver puts the
 * form's own in when the plan writes none. */
static const char *not_awarded(const words *w, const kh_cexpr *e)
{
	unsigned long n = (unsigned long)e->years;
	const char *cls = e->text ? e->text : "…";
	if (e->until)
		return kh_printf(w->vi ? "chưa được khen “%s” trong %ld năm, đến năm %ld"
				       : kh_ngettext("not awarded “%s” in %ld year up to %ld",
						     "not awarded “%s” in %ld years up to %ld", n),
				 cls, e->years, e->until);
	return kh_printf(w->vi ? "chưa được khen “%s” trong %ld năm gần nhất"
			       : kh_ngettext("not awarded “%s” in the last %ld year",
					     "not awarded “%s” in the last %ld years", n),
			 cls, e->years);
}

static const char *say(const words *w, const kh_cexpr *e)
{
	if (!e)
		return "…";
	switch (e->kind) {
	case KH_CE_OR:
	case KH_CE_AND:
	case KH_CE_NOT: return logic(w, e);
	case KH_CE_CMP: return compare(w, e);
	case KH_CE_IN: return membership(w, e);
	case KH_CE_RANGE:
		return kh_printf(w->vi ? "%s từ %s đến %s" : _("%s from %s to %s"),
				 operand(w, kid(e, 0), PREC_ATOM), operand(w, kid(e, 1), PREC_ATOM),
				 operand(w, kid(e, 2), PREC_ATOM));
	case KH_CE_CONSEC: return consecutive(w, e);
	case KH_CE_ATLEAST: return at_least(w, e);
	case KH_CE_NOT_AWARDED: return not_awarded(w, e);
	case KH_CE_ATTR: return attr_name(e->attr);
	case KH_CE_NUMBER: return number_words(w, e->number);
	case KH_CE_DATE: return date_words(e->date);
	case KH_CE_TEXT: return e->text ? kh_printf("“%s”", e->text) : "…";
	case KH_CE_LIST: return list_words(w, e);
	case KH_CE_YESNO:
		return e->number ? (w->vi ? "có" : _("yes")) : (w->vi ? "không" : _("no"));
	}
	return "…";
}

/* ---- Rules -------------------------------------------------------------- */

static const char *rule_words(const words *w, const kh_crit_rule *r)
{
	const char *t = r->text && *r->text ? r->text : say(w, r->expr);
	if (r->exclude)
		t = kh_printf(w->vi ? "Không xét đối với trường hợp: %s" : _("Excluded: %s"), t);
	if (r->unless) {
		const char *u = r->unless_text && *r->unless_text ? r->unless_text : say(w, r->unless);
		t = kh_printf(w->vi ? "%s; trừ trường hợp: %s" : _("%s, unless: %s"), t, u);
	}
	return t;
}

/* Whether WORDS only repeat TEXT (case and marks of composition aside). */
static bool repeats(const char *words_, const char *text)
{
	return text && !strcmp(kh_text_fold(words_), kh_text_fold(text));
}

static const char *rule_condition(const words *w, const kh_crit_rule *r)
{
	const char *c = say(w, r->expr);
	bool adds = !repeats(c, r->text);
	if (r->unless) {
		const char *u = say(w, r->unless);
		adds = adds || !repeats(u, r->unless_text);
		c = kh_printf(w->vi ? "%s; trừ khi: %s" : _("%s, unless %s"), c, u);
	}
	return adds ? c : NULL;
}

/* ---- A form's lines -------------------------------------------------------- */

static const char *quota_each_words(const words *w, const kh_award_form *f)
{
	const char *a = attr_name(f->quota_each);
	if (w->vi)
		a = kh_pdoc_lower_first(a); /* "mỗi đơn vị" */
	if (!f->quota_each_except.n)
		return kh_printf(w->vi ? "Số lượng: mỗi %s %02ld" : _("Quota per %s: %02ld"), a,
				 f->quota_each_n);
	kh_buf b = { 0 };
	for (size_t i = 0; i < f->quota_each_except.n; i++) {
		const kh_quota_except *q = f->quota_each_except.items[i];
		kh_buf_printf(&b, "%s%s %02ld", i ? ", " : "", q->value ? q->value : "…", q->quota);
	}
	return kh_printf(w->vi ? "Số lượng: mỗi %s %02ld; riêng %s" : _("Quota per %s: %02ld; except %s"),
			 a, f->quota_each_n, kh_buf_cstr(&b));
}

static const char *rank_words(const words *w, const kh_award_form *f)
{
	const char *acc = NULL;
	for (size_t i = 0; i < f->rank.n; i++) {
		const kh_rank_key *k = f->rank.items[i];
		const char *a = attr_name(k->attr);
		const char *key = k->descending ? kh_printf(w->vi ? "%s, giảm dần" : _("%s, descending"), a)
						: kh_printf(w->vi ? "%s, tăng dần" : _("%s, ascending"), a);
		acc = !acc ? key : kh_printf(w->vi ? "%s; sau đó theo %s" : _("%s, then by %s"), acc, key);
	}
	return kh_printf(w->vi ? "Xếp thứ tự theo %s" : _("Ranked by %s"), acc ? acc : "…");
}

static void line(kh_vec *v, kh_crit_line_kind kind, const char *text, const kh_crit_rule *r,
		 const words *w)
{
	kh_crit_line *l = KH_NEW(kh_crit_line);
	l->kind = kind;
	l->text = text;
	l->rule = r;
	l->condition = r ? rule_condition(w, r) : NULL;
	kh_vec_push(v, l);
}

kh_vec kh_award_criteria_lines(const kh_award_form *f, kh_words_lang lang)
{
	words w = { lang == KH_WORDS_VI };
	kh_vec v = { 0 };
	if (!f)
		return v;
	if (f->criteria_by_law)
		line(&v, KH_CL_BY_LAW, w.vi ? "Theo tiêu chuẩn của Luật Thi đua, khen thưởng"
					    : _("By the criteria of the Law on Emulation and Commendation"),
		     NULL, &w);
	for (int exclude = 0; exclude <= 1; exclude++)
		for (size_t i = 0; i < f->rules.n; i++) {
			const kh_crit_rule *r = f->rules.items[i];
			if (r->exclude == (bool)exclude)
				line(&v, exclude ? KH_CL_EXCLUDE : KH_CL_RULE, rule_words(&w, r), r, &w);
		}
	if (f->quota_each)
		line(&v, KH_CL_QUOTA_EACH, quota_each_words(&w, f), NULL, &w);
	if (f->rank.n)
		line(&v, KH_CL_RANK, rank_words(&w, f), NULL, &w);
	return v;
}

/* ---- The API ----------------------------------------------------------------- */

void kh_cexpr_words_in(kh_buf *out, const kh_cexpr *e, kh_words_lang lang)
{
	words w = { lang == KH_WORDS_VI };
	kh_buf_puts(out, say(&w, e));
}

void kh_crit_rule_words_in(kh_buf *out, const kh_crit_rule *r, kh_words_lang lang)
{
	words w = { lang == KH_WORDS_VI };
	kh_buf_puts(out, r ? rule_words(&w, r) : "…");
}

bool kh_crit_rule_condition_in(kh_buf *out, const kh_crit_rule *r, kh_words_lang lang)
{
	words w = { lang == KH_WORDS_VI };
	const char *c = r ? rule_condition(&w, r) : NULL;
	if (c)
		kh_buf_puts(out, c);
	return c != NULL;
}

void kh_cexpr_words(kh_buf *out, const kh_cexpr *e)
{
	kh_cexpr_words_in(out, e, KH_WORDS_UI);
}

void kh_crit_rule_words(kh_buf *out, const kh_crit_rule *r)
{
	kh_crit_rule_words_in(out, r, KH_WORDS_UI);
}

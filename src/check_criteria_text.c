/*
 * check_criteria_text.c - a criterion's words against its expression:
 * what is printed ("02 năm liên tục", "từ 10 tháng trở lên", "trên 50%")
 * and what screens (liên_tục 2 năm, số_tháng >= 10, tỷ_lệ > 50) must say
 * the same numbers. A number of the text that the expression does not
 * have is reported, when the expression has numbers at all; years
 * (2023-2024), dates and the numbers of articles and documents ("Điều
 * 24", "số 98") are not counts, and are left alone.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "check.h"
#include "i18n.h"
#include "names.h"

#define MAX_NUMBERS 32

typedef struct numbers {
	double v[MAX_NUMBERS];
	size_t n;
} numbers;

static void add(numbers *ns, double v)
{
	for (size_t i = 0; i < ns->n; i++)
		if (ns->v[i] == v)
			return;
	if (ns->n < MAX_NUMBERS)
		ns->v[ns->n++] = v;
}

static void text_numbers(const char *text, numbers *ns);

/* The numbers an expression screens by: its literals and its counts; with
 * TEXTS also those inside its texts ("Huy hiệu 30 năm tuổi Đảng", a class
 * searched), which a rule's words may repeat. */
static void expr_numbers(const kh_cexpr *e, bool texts, numbers *ns)
{
	if (!e)
		return;
	if (e->kind == KH_CE_NUMBER)
		add(ns, e->number);
	if (e->kind == KH_CE_CONSEC || e->kind == KH_CE_ATLEAST) {
		add(ns, e->number);
		add(ns, (double)e->years);
	}
	if (e->kind == KH_CE_NOT_AWARDED)
		add(ns, (double)e->years);
	if (texts && (e->kind == KH_CE_TEXT || e->kind == KH_CE_NOT_AWARDED) && e->text)
		text_numbers(e->text, ns);
	for (size_t i = 0; i < e->kids.n; i++)
		expr_numbers(e->kids.items[i], texts, ns);
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Words after which a number names something (an article, a document,
 * a section), not a count. Folded. */
static bool names_a_thing(const char *folded, size_t at)
{
	static const char *const words[] = { "điều", "khoản", "điểm", "số", "mục", "chương",
					     "mẫu", "phụ lục", "nghị định", "thông tư", "quyết định",
					     "chỉ thị", "kế hoạch", "hướng dẫn", "luật" };
	while (at > 0 && folded[at - 1] == ' ')
		at--;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		const char *w = kh_text_fold(words[i]); /* as the text was */
		size_t n = strlen(w);
		if (at >= n && !strncmp(folded + at - n, w, n))
			return true;
	}
	return false;
}

/* The counts a rule's text says: "02" is 2, "62,5" is 62.5; no years
 * (four digits from 1900), no dates (a '/' or '-' beside), no numbers
 * that name an article or a document. */
static void text_numbers(const char *text, numbers *ns)
{
	const char *t = kh_text_fold(text);
	size_t len = strlen(t);
	for (size_t i = 0; i < len;) {
		if (!is_digit(t[i]) || (i > 0 && (is_digit(t[i - 1]) || t[i - 1] == '/'))) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < len && is_digit(t[j]))
			j++;
		double v = strtod(kh_strndup(t + i, j - i), NULL);
		size_t digits = j - i;
		if ((t[j] == ',' || t[j] == '.') && is_digit(t[j + 1])) {
			size_t k = j + 1;
			while (k < len && is_digit(t[k]))
				k++;
			char *frac = kh_strndup(t + j, k - j);
			frac[0] = '.';
			v += strtod(frac, NULL);
			j = k;
		}
		bool year = digits == 4 && v >= 1900;
		bool date = t[j] == '/' || (i > 0 && t[i - 1] == '-') || (t[j] == '-' && is_digit(t[j + 1]));
		if (!year && !date && !names_a_thing(t, i))
			add(ns, v);
		i = j;
	}
}

static bool has(const numbers *ns, double v)
{
	for (size_t i = 0; i < ns->n; i++)
		if (ns->v[i] == v)
			return true;
	return false;
}

static const char *list(const numbers *ns)
{
	kh_buf b = { 0 };
	for (size_t i = 0; i < ns->n; i++)
		kh_buf_printf(&b, "%s%.10g", i ? ", " : "", ns->v[i]);
	return kh_buf_cstr(&b);
}

/* TEXT against EXPR (a rule's, or its exception's). */
static void compare(const kh_check_ctx *cx, const char *text, const kh_cexpr *expr, kh_span at)
{
	numbers said = { 0 }, screened = { 0 }, plain = { 0 };
	expr_numbers(expr, true, &screened);
	expr_numbers(expr, false, &plain);
	if (!plain.n || !text)
		return;
	text_numbers(text, &said);
	for (size_t i = 0; i < said.n; i++)
		if (!has(&screened, said.v[i])) {
			kh_report(cx, R_CRITERIA_TEXT_MISMATCH, at,
				  _("the text says %.10g, and the expression screens by %s: one of "
				    "them is wrong"),
				  said.v[i], list(&plain));
			return;
		}
}

static void check_rule(const kh_check_ctx *cx, const kh_crit_rule *r)
{
	if (!kh_in_main_file(cx, r->span))
		return;
	compare(cx, r->text, r->expr, r->span);
	if (r->unless)
		compare(cx, r->unless_text, r->unless, r->unless->span);
}

void kh_check_criteria_text(const kh_check_ctx *cx)
{
	for (size_t i = 0; i < cx->plan->award_forms.n; i++) {
		const kh_award_form *f = cx->plan->award_forms.items[i];
		for (size_t j = 0; f && j < f->rules.n; j++)
			check_rule(cx, f->rules.items[j]);
	}
}

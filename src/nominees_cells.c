/*
 * nominees_cells.c - the typed readers of nominee cells (number, date,
 * yes/no, list, awards), the yearly columns and the key check. Each bad
 * cell is an error at the cell that says how to write the value, so the
 * clerk can mend the spreadsheet without reading the plan.
 * Part of kehoach; see README.md for the licence.
 */
#include "nominees.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "i18n.h"
#include "names.h"
#include "source.h"
#include "strmap.h"

#define RULE_CELL "bad-cell"
#define RULE_KEY "duplicate-key"
#define MAX_DIGITS 15 /* a double holds them exactly */

static bool is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

const char *kh_column_letters(unsigned col)
{
	char tmp[8] = { 0 };
	size_t n = 0;
	while (col && n < sizeof tmp) {
		col--;
		tmp[n++] = (char)('A' + col % 26);
		col /= 26;
	}
	char *out = kh_strndup(tmp, n);
	for (size_t i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	return out;
}

const char *kh_cell_message(const kh_cell *c, const char *msg)
{
	/* TRANSLATORS: a message about a cell, and the spreadsheet's letter of its column. */
	return kh_printf(_("%s (column %s)"), msg, kh_column_letters(c->col));
}

static kh_diag *cell_error(kh_diags *d, const kh_cell *c, const char *msg)
{
	return kh_diag_add(d, KH_ERROR, c->span, RULE_CELL, "%s", kh_cell_message(c, msg));
}

int kh_nominees_column(const kh_nominees *n, const char *name)
{
	size_t len = strlen(name);
	while (len && (name[len - 1] == ' ' || name[len - 1] == '\t'))
		len--;
	while (len && (*name == ' ' || *name == '\t'))
		name++, len--;
	const char *k = kh_text_fold(kh_strndup(name, len));
	for (size_t i = 0; i < n->ncols; i++)
		if (n->header[i].text[0] && !strcmp(n->keys[i], k))
			return (int)i;
	return -1;
}

/* "2,5" (digits, one comma, digits): the number meant, with a dot. */
static const char *comma_decimal(const char *s)
{
	const char *comma = strchr(s, ',');
	if (!comma || comma == s || !comma[1] || strchr(comma + 1, ','))
		return NULL;
	for (const char *p = s; *p; p++)
		if (p != comma && !is_digit(*p))
			return NULL;
	char *dot = kh_strdup(s);
	dot[comma - s] = '.';
	return dot;
}

bool kh_cell_number(const kh_cell *c, double *out, kh_diags *d)
{
	const char *s = c->text;
	if (!s[0]) {
		cell_error(d, c, _("blank where a number is needed"));
		return false;
	}
	size_t digits = 0, dots = 0;
	bool ok = is_digit(s[0]);
	for (const char *p = s; *p && ok; p++) {
		if (is_digit(*p))
			digits++;
		else if (*p == '.' && !dots++ && is_digit(p[1]))
			continue;
		else
			ok = false;
	}
	if (!ok) {
		const char *dot = comma_decimal(s);
		if (dot)
			cell_error(d, c, kh_printf(_("'%s' is not a number: write %s, with a dot"),
						   s, dot));
		else
			cell_error(d, c, kh_printf(_("'%s' is not a number: write digits, with a dot "
						     "before any decimals (12.5)"), s));
		return false;
	}
	if (digits > MAX_DIGITS) {
		cell_error(d, c, kh_printf(_("'%s' has more than %d digits"), s, MAX_DIGITS));
		return false;
	}
	*out = strtod(s, NULL);
	return true;
}

bool kh_cell_date(const kh_cell *c, kh_day *out, kh_diags *d)
{
	const char *s = c->text;
	size_t len = strlen(s);
	int y, m, day;
	if (!s[0]) {
		cell_error(d, c, _("blank where a date is needed"));
		return false;
	}
	if (len > 10 || !kh_parse_dmy(s, (unsigned)len, &y, &m, &day)) {
		cell_error(d, c, kh_printf(_("'%s' is not a date: write D/M/YYYY (15/3/2010) or "
					     "YYYY-MM-DD (2010-03-15)"), s));
		return false;
	}
	char why[96];
	if (kh_date_problem_buf(y, m, day, why, sizeof why)) {
		cell_error(d, c, kh_printf(_("'%s' is not a date: %s"), s, why));
		return false;
	}
	*out = kh_date_make(y, m, day);
	return true;
}

const char *kh_cell_fold(const kh_cell *c)
{
	if (!c->folded)
		((kh_cell *)c)->folded = kh_text_fold(c->text); /* a cache, not the cell's value */
	return c->folded;
}

bool kh_cell_yesno(const kh_cell *c, bool *out, kh_diags *d)
{
	/* As kh_text_fold leaves them: lower case, NFC. */
	static const char *const yes[] = { "có", "x", "yes", "1" };
	static const char *const no[] = { "", "không", "no", "0" };
	const char *k = kh_cell_fold(c);
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
		if (!strcmp(k, yes[i])) {
			*out = true;
			return true;
		}
		if (!strcmp(k, no[i])) {
			*out = false;
			return true;
		}
	}
	cell_error(d, c, kh_printf(_("'%s' is not yes or no: write có, không, x, yes, no, 1 or 0 "
				     "(blank is không)"), c->text));
	return false;
}

/* An item of a list: [*START, *START + *LEN) of S, trimmed. */
typedef struct item {
	size_t start, len;
} item;

/* Splits S on ';' into trimmed, non-empty items (*OUT, the count returned). */
static size_t split(const char *s, item **out)
{
	size_t n = 0, cap = 1;
	for (const char *p = s; *p; p++)
		cap += *p == ';';
	item *items = KH_NEW_N(item, cap);
	size_t a = 0;
	for (size_t i = 0;; i++) {
		if (s[i] && s[i] != ';')
			continue;
		size_t st = a, e = i;
		while (st < e && (s[st] == ' ' || s[st] == '\t'))
			st++;
		while (e > st && (s[e - 1] == ' ' || s[e - 1] == '\t'))
			e--;
		if (e > st)
			items[n++] = (item){ st, e - st };
		if (!s[i])
			break;
		a = i + 1;
	}
	*out = items;
	return n;
}

size_t kh_cell_list(const kh_cell *c, const char ***items)
{
	item *it;
	size_t n = split(c->text, &it);
	const char **v = KH_NEW_N(const char *, n ? n : 1);
	for (size_t i = 0; i < n; i++)
		v[i] = kh_strndup(c->text + it[i].start, it[i].len);
	*items = v;
	return n;
}

/* The span of C's text [A, A + LEN): exact when the cell's bytes in the
 * source are its text (in quotes or not, none doubled), else the whole cell. */
static kh_span sub_span(const kh_cell *c, size_t a, size_t len)
{
	const kh_source *src = kh_source_get(c->span.file);
	size_t n = strlen(c->text), at = c->span.start;
	if (!src)
		return c->span;
	if (at < src->len && src->text[at] == '"')
		at++;
	while (at < src->len && (src->text[at] == ' ' || src->text[at] == '\t'))
		at++;
	if (at + n > c->span.end || memcmp(src->text + at, c->text, n))
		return c->span;
	return (kh_span){ c->span.file, (unsigned)(at + a), (unsigned)(at + a + len) };
}

/* The last run of exactly four digits in S[0, N), or -1. */
static int last_year(const char *s, size_t n)
{
	int year = -1;
	for (size_t i = 0; i < n;) {
		if (!is_digit(s[i])) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && is_digit(s[j]))
			j++;
		if (j - i == 4)
			year = atoi(kh_strndup(s + i, 4));
		i = j;
	}
	return year;
}

bool kh_cell_awards(const kh_cell *c, kh_award_item **items, size_t *n, kh_diags *d)
{
	item *it;
	size_t k = split(c->text, &it);
	kh_award_item *v = KH_NEW_N(kh_award_item, k ? k : 1);
	bool ok = true;
	for (size_t i = 0; i < k; i++) {
		const char *t = kh_strndup(c->text + it[i].start, it[i].len);
		int year = last_year(t, it[i].len);
		kh_span at = sub_span(c, it[i].start, it[i].len);
		if (year < 0) {
			kh_diag_add(d, KH_ERROR, at, RULE_CELL, "%s",
				    kh_cell_message(c, kh_printf(_("'%s' has no year: write the year it "
								   "was given, as in 'Giấy khen 2019'"),
								 t)));
			ok = false;
		} else if (year < KH_PLAN_YEAR_MIN || year > KH_PLAN_YEAR_MAX) {
			kh_diag_add(d, KH_ERROR, at, RULE_CELL, "%s",
				    kh_cell_message(c, kh_printf(_("the year of '%s' would be %d, its last "
								   "4-digit number: end the item with the "
								   "year it was given (%d to %d)"),
								 t, year, KH_PLAN_YEAR_MIN,
								 KH_PLAN_YEAR_MAX)));
			ok = false;
		}
		v[i] = (kh_award_item){ t, year };
	}
	*items = v;
	*n = k;
	return ok;
}

static int by_year(const void *a, const void *b)
{
	const kh_year_col *x = a, *y = b;
	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

size_t kh_nominees_yearly(const kh_nominees *n, const char *prefix, kh_year_col **out)
{
	const char *p = kh_text_fold(prefix);
	size_t plen = strlen(p), k = 0;
	while (plen && (p[plen - 1] == ' ' || p[plen - 1] == '\t'))
		plen--;
	kh_year_col *v = NULL;
	for (size_t i = 0; i < n->ncols; i++) {
		const char *h = n->keys[i];
		if (strncmp(h, p, plen) || (h[plen] != ' ' && h[plen] != '\t'))
			continue;
		const char *y = h + plen;
		while (*y == ' ' || *y == '\t')
			y++;
		if (strlen(y) != 4 || !is_digit(y[0]) || !is_digit(y[1]) || !is_digit(y[2]) ||
		    !is_digit(y[3]))
			continue;
		if (!v)
			v = KH_NEW_N(kh_year_col, n->ncols);
		v[k++] = (kh_year_col){ atoi(y), i };
	}
	if (k)
		qsort(v, k, sizeof *v, by_year);
	*out = v;
	return k;
}

bool kh_nominees_check_unique(const kh_nominees *n, size_t col, bool *bad, kh_diags *d)
{
	if (col >= n->ncols)
		return false;
	kh_strmap seen = { 0 };
	bool ok = true;
	for (size_t i = 0; i < n->nrows; i++) {
		const kh_cell *c = &n->rows[i][col];
		if (!c->text[0]) {
			cell_error(d, c, kh_printf(_("blank where a key is needed: the column '%s' "
						     "names each nominee once"), n->header[col].text));
			ok = false;
			if (bad)
				bad[i] = true;
			continue;
		}
		const char *k = kh_cell_fold(c);
		int j = kh_strmap_get(&seen, k);
		if (j < 0) {
			kh_strmap_put(&seen, k, (int)i);
			continue;
		}
		const kh_cell *first = &n->rows[j][col];
		kh_diag *x = kh_diag_add(d, KH_ERROR, c->span, RULE_KEY, "%s",
					 kh_cell_message(c, kh_printf(_("'%s' is the key of the record on "
									"line %u too: each nominee is "
									"named once"),
								      c->text, first->row)));
		kh_diag_note(x, first->span, _("first used here"));
		ok = false;
		if (bad)
			bad[i] = true;
	}
	return ok;
}

/*
 * vn_numbering.c - Roman numerals, Vietnamese number words and letters,
 * the numbering scheme by depth, and the place-date line. The scheme and
 * its reasons are in vn_numbering.h.
 * Part of kehoach; see README.md for the licence.
 */
#include "vn_numbering.h"

#include <string.h>
#include <utf8proc.h>

#include "alloc.h"

kh_mark_style kh_vn_style(int depth)
{
	switch (depth) {
	case 0:
	case 1: return KH_MARK_ROMAN;
	case 2: return KH_MARK_ARABIC;
	case 3: return KH_MARK_LETTER;
	case 4: return KH_MARK_DASH;
	default: return depth < 0 ? KH_MARK_ROMAN : KH_MARK_PLUS;
	}
}

const char *kh_vn_marker(int depth, int n)
{
	switch (kh_vn_style(depth)) {
	case KH_MARK_ROMAN: return kh_printf("%s.", kh_vn_roman(n));
	case KH_MARK_ARABIC: return kh_printf("%d.", n);
	case KH_MARK_LETTER: return kh_printf("%s)", kh_vn_letter(n));
	case KH_MARK_DASH: return "-";
	case KH_MARK_PLUS: return "+";
	}
	return "";
}

const char *kh_vn_roman(long n)
{
	static const struct { int value; const char *digits; } table[] = {
		{ 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" }, { 100, "C" },
		{ 90, "XC" }, { 50, "L" }, { 40, "XL" }, { 10, "X" }, { 9, "IX" },
		{ 5, "V" }, { 4, "IV" }, { 1, "I" },
	};
	if (n < 1 || n > 3999)
		return kh_printf("%ld", n);
	char buf[32];
	size_t len = 0;
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		while (n >= table[i].value) {
			size_t k = strlen(table[i].digits);
			memcpy(buf + len, table[i].digits, k);
			len += k;
			n -= table[i].value;
		}
	return kh_strndup(buf, len);
}

/* The letters of điểm, in alphabet order; đ is two bytes. */
static const char *const letters[] = {
	"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
	"n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
};
#define NLETTERS ((long)(sizeof letters / sizeof letters[0]))

const char *kh_vn_letter(long n)
{
	if (n < 1)
		return "";
	/* Bijective base 23, most significant letter first. */
	const char *digits[16];
	int k = 0;
	while (n > 0 && k < 16) {
		n--;
		digits[k++] = letters[n % NLETTERS];
		n /= NLETTERS;
	}
	kh_buf b = { 0 };
	while (k > 0)
		kh_buf_puts(&b, digits[--k]);
	return kh_buf_cstr(&b);
}

static const char *const units[] = { "không", "một", "hai", "ba", "bốn", "năm", "sáu",
				     "bảy", "tám", "chín" };

/*
 * One group of three digits (0..999). FULL: the group follows a larger
 * one, so its empty hundreds and tens are said ("không trăm", "linh").
 */
static void group_words(kh_buf *b, int g, bool full)
{
	int h = g / 100, t = g / 10 % 10, u = g % 10;
	const char *sep = b->len ? " " : "";
	if (h || full) {
		kh_buf_printf(b, "%s%s trăm", sep, units[h]);
		sep = " ";
	}
	if (t == 0) {
		if (u == 0)
			return;
		if (h || full)
			kh_buf_printf(b, "%slinh", sep), sep = " ";
		kh_buf_printf(b, "%s%s", sep, units[u]);
		return;
	}
	if (t == 1)
		kh_buf_printf(b, "%smười", sep);
	else
		kh_buf_printf(b, "%s%s mươi", sep, units[t]);
	if (u == 0)
		return;
	/* 21 "hai mươi mốt" but 11 "mười một"; 15/25 "lăm"; 24 "hai mươi tư". */
	const char *w = units[u];
	if (u == 1 && t >= 2)
		w = "mốt";
	else if (u == 5)
		w = "lăm";
	else if (u == 4 && t >= 2)
		w = "tư";
	kh_buf_printf(b, " %s", w);
}

/* N >= 0 below one billion, into B. FULL as for group_words. */
static void below_billion(kh_buf *b, long n, bool full)
{
	static const char *const scales[] = { "", " nghìn", " triệu" };
	int groups[3] = { (int)(n / 1000000), (int)(n / 1000 % 1000), (int)(n % 1000) };
	bool started = full;
	for (int i = 0; i < 3; i++) {
		if (groups[i] == 0)
			continue;
		group_words(b, groups[i], started);
		kh_buf_puts(b, scales[2 - i]);
		started = true;
	}
}

/* Billions repeat: 10^12 is "một nghìn tỷ", 10^18 "một tỷ tỷ". */
static void words(kh_buf *b, unsigned long n, bool full)
{
	const unsigned long billion = 1000000000UL;
	if (n >= billion) {
		words(b, n / billion, full);
		kh_buf_puts(b, " tỷ");
		if (n % billion)
			below_billion(b, (long)(n % billion), true);
		return;
	}
	below_billion(b, (long)n, full);
}

const char *kh_vn_cardinal(long n)
{
	if (n == 0)
		return "không";
	kh_buf b = { 0 };
	unsigned long m = (unsigned long)n;
	if (n < 0) {
		kh_buf_puts(&b, "âm");
		m = 0UL - m;
	}
	words(&b, m, false);
	return kh_buf_cstr(&b);
}

const char *kh_vn_ordinal(long n)
{
	if (n == 1)
		return "nhất";
	if (n == 4)
		return "tư";
	return kh_vn_cardinal(n);
}

const char *kh_vn_part_label(long n, bool party)
{
	if (party)
		return kh_printf("Phần thứ %s", kh_vn_ordinal(n));
	return kh_printf("Phần %s", kh_vn_roman(n));
}

const char *kh_vn_date_words(kh_day d)
{
	int y, m, day;
	kh_date_split(d, &y, &m, &day);
	return kh_printf("ngày %s%d tháng %s%d năm %d", day < 10 ? "0" : "", day,
			 m <= 2 ? "0" : "", m, y);
}

const char *kh_vn_place_date(const char *place, bool has_date, kh_day d)
{
	const char *where = place && *place ? place : "…";
	if (!has_date)
		return kh_printf("%s, ngày … tháng … năm …", where);
	return kh_printf("%s, %s", where, kh_vn_date_words(d));
}

/* ---- Facts of the document ---------------------------------------------- */

/* "250-KH/TU": digits then '-'. */
static bool party_number(const char *num)
{
	if (!num)
		return false;
	while (*num == ' ')
		num++;
	if (*num < '0' || *num > '9')
		return false;
	while (*num >= '0' && *num <= '9')
		num++;
	return *num == '-';
}

kh_system kh_vn_system(const kh_program *prog)
{
	const kh_plan *p = prog ? prog->plan : NULL;
	if (!p)
		return KH_SYSTEM_STATE;
	if (p->header.system != KH_SYSTEM_NONE)
		return p->header.system; /* the resolver's answer, made here once */
	kh_system sys = p->issuer ? kh_body_system(p->issuer) : KH_SYSTEM_NONE;
	if (sys != KH_SYSTEM_NONE)
		return sys;
	if (party_number(p->number))
		return KH_SYSTEM_PARTY;
	for (size_t i = 0; p->signature && i < p->signature->lines.n; i++) {
		const kh_sign_line *l = KH_VEC_AT(p->signature->lines, kh_sign_line, i);
		if (l->form_written && strchr(l->form, '/'))
			return KH_SYSTEM_PARTY;
	}
	return KH_SYSTEM_STATE;
}

/* The kind code of K ("KH"); the last rule wins, as in the checker. */
static const char *kind_code(const kh_program *prog, kh_doc_kind k)
{
	const char *code = NULL;
	for (size_t i = 0; i < prog->kind_rules.n; i++) {
		const kh_kind_rule *r = KH_VEC_AT(prog->kind_rules, kh_kind_rule, i);
		if (r->kind == k && r->code)
			code = r->code;
	}
	return code ? code : "…";
}

static const char *issuer_code(const kh_body *issuer, bool party)
{
	if (!issuer)
		return "…";
	const kh_body *first = party ? issuer->parent : issuer;
	const kh_body *second = party ? issuer : issuer->parent;
	if (first && first->abbr)
		return first->abbr;
	if (second && second->abbr)
		return second->abbr;
	return "…";
}

/* The drafting unit of "Lưu: VT, NV": the archive text's part after "VT,"
 * up to the next comma; "…" when it names none. */
static const char *drafting_unit(const kh_recipient *a)
{
	const kh_ref *t = a && a->refs.n ? KH_VEC_AT(a->refs, kh_ref, 0) : NULL;
	const char *s = t && t->kind == KH_REF_TEXT ? t->text : NULL;
	if (!s || strncmp(s, "VT,", 3) != 0)
		return "…";
	s += 3;
	while (*s == ' ')
		s++;
	size_t n = strcspn(s, ",.;");
	while (n && s[n - 1] == ' ')
		n--;
	return n ? kh_strndup(s, n) : "…";
}

#define NBSP4 "\u00a0\u00a0\u00a0\u00a0"

const char *kh_vn_number(const kh_program *prog)
{
	const kh_plan *p = prog->plan;
	if (p->number && *p->number)
		return p->number;
	bool party = kh_vn_system(prog) == KH_SYSTEM_PARTY;
	const char *who = issuer_code(p->issuer, party);
	/* A state letter has no kind code: the issuer, then the drafting
	 * unit, which its archive line names ("Lưu: VT, NV"). */
	if (!party && p->kind == KH_KIND_LETTER)
		return kh_printf(NBSP4 "/%s-%s", who, drafting_unit(p->archive));
	const char *kind = kind_code(prog, p->kind);
	return party ? kh_printf(NBSP4 "-%s/%s", kind, who) : kh_printf(NBSP4 "/%s-%s", kind, who);
}

const char *kh_vn_attached_line(const kh_program *prog, const kh_outline *o)
{
	if (o && o->attached_to && *o->attached_to)
		return o->attached_to;
	const kh_plan *p = prog->plan;
	const char *date = p->has_date ? kh_vn_date_words(p->date) : "ngày … tháng … năm …";
	return kh_printf("(Kèm theo %s số %s %s của %s)", kh_doc_kind_vi(p->kind), kh_vn_number(prog),
			 date, p->issuer ? p->issuer->name : "…");
}

const char *kh_vn_upper(const char *s)
{
	kh_buf b = { 0 };
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t len = (utf8proc_ssize_t)strlen(s);
	while (len > 0) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(u, len, &c);
		if (n <= 0) { /* not UTF-8: copy the byte as it is */
			kh_buf_putc(&b, (char)*u);
			u++, len--;
			continue;
		}
		utf8proc_uint8_t enc[4];
		utf8proc_ssize_t k = utf8proc_encode_char(utf8proc_toupper(c), enc);
		kh_buf_put(&b, (const char *)enc, (size_t)k);
		u += n, len -= n;
	}
	return kh_buf_cstr(&b);
}

/*
 * docnum.c - the recogniser of document numbers in text (citations.h):
 * the three shapes, word boundaries, near misses.
 * Part of kehoach; see README.md for the licence.
 */
#include <ctype.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "citations_int.h"
#include "names.h"

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
void ct_put_upper(kh_buf *b, const char *s, size_t start, size_t end)
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

bool ct_boundary_before(const char *s, size_t i)
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
bool ct_parse_at(const char *s, size_t len, size_t i, kh_docnum *out)
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
		ct_put_upper(&key, s, gs[k], ge[k]);
		if (k == 0) {
			ct_put_upper(&kind, s, gs[k], ge[k]);
		} else {
			if (k > 1)
				kh_buf_putc(&issuer, '-');
			ct_put_upper(&issuer, s, gs[k], ge[k]);
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

/* Is any of the 8 bytes at P an ASCII digit? (Bit Twiddling Hacks'
 * hasbetween: a byte of 0x80 or more never counts, so UTF-8 letters do not.) */
static bool digit_in8(const unsigned char *p)
{
	const uint64_t k = 0x0101010101010101ULL;
	uint64_t x;
	memcpy(&x, p, 8);
	uint64_t low = x & k * 127;
	return ((k * (127 + ':') - low) & ~x & (low + k * (127 - '/')) & k * 128) != 0;
}

bool kh_docnum_next(const char *text, size_t len, size_t *pos, kh_docnum *out)
{
	for (size_t i = *pos; i < len; i++) {
		/* most of a text has no digit: eight bytes at a time to the next one */
		while (i + 8 <= len && !digit_in8((const unsigned char *)text + i))
			i += 8;
		if (i >= len)
			break;
		/* a byte test, not isdigit: this reads every byte of every text */
		if ((unsigned)(unsigned char)text[i] - '0' > 9u || !ct_boundary_before(text, i))
			continue;
		if (ct_parse_at(text, len, i, out)) {
			*pos = out->end;
			return true;
		}
		while (i + 1 < len && (unsigned)(unsigned char)text[i + 1] - '0' <= 9u)
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
	if (!ct_parse_at(s, len, a, out) || out->end != len)
		return false;
	return true;
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
	if (kh_edit_distance(a->key, b->key, 1, true) <= 1)
		return KH_NEAR_TYPO;
	return KH_NEAR_NONE;
}

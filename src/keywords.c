/*
 * keywords.c - the keyword table (keywords.def) as a hash lookup for the
 * scanner, and keyword spellings for messages (a keyword written as an id).
 * Part of kehoach; see README.md for the licence.
 */
#include <limits.h>
#include <stdbool.h>
#include <string.h>

#include "parse.h"
#include "parser.h"
#include "alloc.h"
#include "i18n.h"

typedef struct keyword {
	const char *spelling;
	int token;
	int value;
} keyword;

static const keyword keywords[] = {
#define KW(s, tok, val) { s, T_##tok, val },
#include "keywords.def"
#undef KW
};
enum { NKEYWORDS = sizeof keywords / sizeof keywords[0], TABLE_SIZE = 1024 };

static short table[TABLE_SIZE]; /* index + 1 into keywords, 0 = empty */
static unsigned char lengths[NKEYWORDS];
static size_t longest;
static int table_ready;

static unsigned hash(const char *s, size_t len)
{
	unsigned h = KH_KEYWORD_HASH_INIT;
	for (size_t i = 0; i < len; i++)
		h = KH_KEYWORD_HASH_STEP(h, s[i]);
	return h;
}

/* The words a keyword of several words starts with: each spelling's part
 * before each of its '_' ("cơ" and "cơ_quan" of "cơ_quan_chủ_quản"). */
enum { PREFIX_SIZE = 2048 };
static struct { short keyword; unsigned char len; } prefixes[PREFIX_SIZE]; /* keyword + 1; 0 = empty */

static bool prefix_is(size_t slot, const char *s, size_t len)
{
	return prefixes[slot].len == len && !memcmp(keywords[prefixes[slot].keyword - 1].spelling, s, len);
}

static void add_prefix(int i, size_t len, unsigned full)
{
	const char *s = keywords[i].spelling;
	unsigned h = full & (PREFIX_SIZE - 1);
	while (prefixes[h].keyword && !prefix_is(h, s, len))
		h = (h + 1) & (PREFIX_SIZE - 1);
	prefixes[h].keyword = (short)(i + 1);
	prefixes[h].len = (unsigned char)len;
}

/* Both tables in one pass over the spellings, hashing as it goes. */
static void build_table(void)
{
	for (int i = 0; i < NKEYWORDS; i++) {
		const char *s = keywords[i].spelling;
		unsigned full = KH_KEYWORD_HASH_INIT; /* of s[0, len) */
		size_t len = 0;
		for (; s[len]; full = KH_KEYWORD_HASH_STEP(full, s[len]), len++)
			if (s[len] == '_' && len)
				add_prefix(i, len, full);
		lengths[i] = (unsigned char)len;
		if (len > longest)
			longest = len;
		unsigned h = full & (TABLE_SIZE - 1);
		while (table[h])
			h = (h + 1) & (TABLE_SIZE - 1);
		table[h] = (short)(i + 1);
	}
	table_ready = 1;
}

bool kh_keyword_starts_phrase(const char *s, size_t len)
{
	if (!table_ready)
		build_table();
	if (len > UCHAR_MAX)
		return false;
	for (unsigned h = hash(s, len) & (PREFIX_SIZE - 1); prefixes[h].keyword; h = (h + 1) & (PREFIX_SIZE - 1))
		if (prefix_is(h, s, len))
			return true;
	return false;
}

int kh_keyword(const char *s, size_t len, int *value)
{
	if (!table_ready)
		build_table();
	if (len > longest)
		return 0; /* most words of a plan: ids, never a keyword this long */
	return kh_keyword_hashed(s, len, hash(s, len), value);
}

int kh_keyword_hashed(const char *s, size_t len, unsigned full_hash, int *value)
{
	if (!table_ready)
		build_table();
	if (len > longest)
		return 0;
	unsigned h = full_hash & (TABLE_SIZE - 1);
	while (table[h]) {
		const keyword *k = &keywords[table[h] - 1];
		if (lengths[table[h] - 1] == len && !memcmp(k->spelling, s, len)) {
			*value = k->value;
			return k->token;
		}
		h = (h + 1) & (TABLE_SIZE - 1);
	}
	return 0;
}

size_t kh_keyword_longest(void)
{
	if (!table_ready)
		build_table();
	return longest;
}

size_t kh_keyword_count(void)
{
	return NKEYWORDS;
}

const char *kh_keyword_at(size_t i, int *token, int *value)
{
	*token = keywords[i].token;
	*value = keywords[i].value;
	return keywords[i].spelling;
}

/* The Vietnamese spelling (the first one with diacritics) and the English
 * one, as "'hạn' (due)"; NULL for tokens that are not keywords. */
const char *kh_token_english(int token)
{
	const char *en = NULL, *vi = NULL;
	for (int i = 0; i < NKEYWORDS; i++) {
		if (keywords[i].token != token)
			continue;
		if (!en)
			en = keywords[i].spelling;
		if (!vi) {
			for (const char *p = keywords[i].spelling; *p; p++)
				if ((unsigned char)*p >= 0x80) {
					vi = keywords[i].spelling;
					break;
				}
		}
	}
	if (!en)
		return NULL;
	if (token == T_KIND)
		return _("a document kind such as 'kế_hoạch'");
	if (token == T_DECADE)
		return _("'thượng/trung/hạ tuần'");
	if (token == T_RECUR)
		return _("a recurrence such as 'thường_xuyên'");
	if (token == T_SIGNFORM)
		return _("a signing line such as 'ký_thay'");
	if (!vi || vi == en)
		return kh_printf("'%s'", en);
	return kh_printf("'%s' (%s)", vi, en);
}

static int has_diacritics(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 1;
	return 0;
}

/* What SPELLING is, as a keyword: "'bao_cao' is the keyword 'báo_cáo'
 * written without diacritics". keywords.def lists each meaning's English
 * spelling first and its plain spellings after the Vietnamese one. */
const char *kh_keyword_describe(const char *spelling)
{
	int value = 0, tok = kh_keyword(spelling, strlen(spelling), &value);
	const char *en = NULL, *vi = NULL;
	int after_vi = 0;
	for (int i = 0; i < NKEYWORDS; i++) {
		const keyword *k = &keywords[i];
		if (k->token != tok || k->value != value)
			continue;
		if (!en)
			en = k->spelling;
		if (!vi && has_diacritics(k->spelling))
			vi = k->spelling;
		if (!strcmp(k->spelling, spelling))
			after_vi = vi != NULL;
	}
	if (!tok)
		return kh_printf(_("'%s' is not a keyword"), spelling);
	if (has_diacritics(spelling) || !vi)
		return kh_printf(_("'%s' is a keyword (%s)"), spelling, en);
	if (after_vi)
		return kh_printf(_("'%s' is the keyword '%s' written without diacritics"), spelling, vi);
	return kh_printf(_("'%s' is the keyword '%s' in English"), spelling, vi);
}

/* A name to suggest instead: the initials of a keyword of several words
 * ("bao_cao" -> "bc_…"), or the word itself with a suffix ("han_…"). */
const char *kh_keyword_rename(const char *spelling)
{
	if (!strchr(spelling, '_'))
		return kh_printf("%s_…", spelling);
	kh_buf b = { 0 };
	for (const char *p = spelling; *p;) {
		size_t n = 1;
		while ((p[n] & 0xC0) == 0x80)
			n++;
		kh_buf_put(&b, p, n);
		p = strchr(p, '_');
		if (!p)
			break;
		p++;
	}
	kh_buf_puts(&b, "_…");
	return kh_buf_cstr(&b);
}

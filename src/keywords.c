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
enum { NKEYWORDS = sizeof keywords / sizeof keywords[0], TABLE_SIZE = 2048 };

/*
 * One table for every spelling and every part of a spelling before one
 * of its '_' ("cơ" and "cơ_quan" of "cơ_quan_chủ_quản"): the scanner asks
 * of each word both whether it is a keyword and whether a keyword of
 * several words starts with it, with one hash and one probe. Each slot
 * keeps its text's hash, so a word that is no keyword (most of a plan's:
 * ids) is told apart without comparing bytes.
 */
typedef struct {
	const char *text;   /* a keyword's spelling, of which the first LEN bytes */
	unsigned hash;
	unsigned char len;
	bool starts_phrase; /* some longer keyword starts with these words */
	short keyword;      /* index + 1 when the text is a keyword; 0 if not */
} spelling_slot;

static spelling_slot table[TABLE_SIZE]; /* text NULL = empty */
static size_t longest;
static int table_ready;

static unsigned hash(const char *s, size_t len)
{
	unsigned h = KH_KEYWORD_HASH_INIT;
	for (size_t i = 0; i < len; i++)
		h = KH_KEYWORD_HASH_STEP(h, s[i]);
	return h;
}

static bool slot_is(const spelling_slot *e, const char *s, size_t len, unsigned h)
{
	return e->hash == h && e->len == len && !memcmp(e->text, s, len);
}

/* The slot of S[0, LEN) with hash H, or the empty slot where it goes. */
static spelling_slot *slot_of(const char *s, size_t len, unsigned h)
{
	unsigned i = h & (TABLE_SIZE - 1);
	while (table[i].text && !slot_is(&table[i], s, len, h))
		i = (i + 1) & (TABLE_SIZE - 1);
	return &table[i];
}

static spelling_slot *add(const char *s, size_t len, unsigned h)
{
	spelling_slot *e = slot_of(s, len, h);
	if (!e->text)
		*e = (spelling_slot){ s, h, (unsigned char)len, false, 0 };
	return e;
}

/* The table in one pass over the spellings, hashing as it goes. The
 * first of two same spellings wins, as keywords.def's order says. */
static void build_table(void)
{
	for (int i = 0; i < NKEYWORDS; i++) {
		const char *s = keywords[i].spelling;
		unsigned full = KH_KEYWORD_HASH_INIT; /* of s[0, len) */
		size_t len = 0;
		for (; s[len]; full = KH_KEYWORD_HASH_STEP(full, s[len]), len++)
			if (s[len] == '_' && len)
				add(s, len, full)->starts_phrase = true;
		if (len > longest)
			longest = len;
		spelling_slot *e = add(s, len, full);
		if (!e->keyword)
			e->keyword = (short)(i + 1);
	}
	table_ready = 1;
}

/* The slot of S[0, LEN) of hash H; NULL when it is neither a keyword
 * nor a part of one. */
static const spelling_slot *find(const char *s, size_t len, unsigned h)
{
	if (!table_ready)
		build_table();
	if (len > longest)
		return NULL; /* most words of a plan: ids, never a keyword this long */
	const spelling_slot *e = slot_of(s, len, h);
	return e->text ? e : NULL;
}

static int token_of(const spelling_slot *e, int *value)
{
	if (!e || !e->keyword)
		return 0;
	*value = keywords[e->keyword - 1].value;
	return keywords[e->keyword - 1].token;
}

bool kh_keyword_starts_phrase(const char *s, size_t len)
{
	const spelling_slot *e = len > UCHAR_MAX ? NULL : find(s, len, hash(s, len));
	return e && e->starts_phrase;
}

int kh_keyword(const char *s, size_t len, int *value)
{
	if (!table_ready)
		build_table();
	if (len > longest)
		return 0;
	return token_of(find(s, len, hash(s, len)), value);
}

int kh_keyword_hashed(const char *s, size_t len, unsigned full_hash, int *value)
{
	return token_of(find(s, len, full_hash), value);
}

int kh_keyword_word(const char *s, size_t len, int *value, bool *starts_phrase)
{
	if (!table_ready)
		build_table();
	const spelling_slot *e = len > longest ? NULL : find(s, len, hash(s, len));
	*starts_phrase = e && e->starts_phrase;
	return token_of(e, value);
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

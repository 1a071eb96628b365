/*
 * keyword_guess.c - which keyword a mistyped word was meant to be. A
 * clerk types "nhiệm_vu" (one mark missing), "Nhiệm_vụ" (a capital from
 * the word processor) or "Task": compared once capitals and diacritics
 * are set aside, with the program's one edit distance (kh_edit_distance),
 * these are the keyword, and the message can say so.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "i18n.h"
#include "parse.h"
#include "parser.h"
#include "names.h"

/* WORD mapped by utf8proc with OPTIONS, then 'đ' made 'd' when PLAIN
 * (it is a letter of its own, not d with a mark, so no table strips it)
 * and every run of blanks made one '_'. Memory from malloc: the keywords'
 * folds are kept for the whole run and must outlive the collector's
 * per-input release in the fuzz build. */
static char *map_word(const char *word, size_t len, int options, int plain)
{
	utf8proc_uint8_t *m = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)word, (utf8proc_ssize_t)len, &m,
					  (utf8proc_option_t)options);
	if (n < 0) {
		free(m);
		if (n == UTF8PROC_ERROR_NOMEM)
			kh_oom(len * 8);
		m = (utf8proc_uint8_t *)strndup(word, len); /* not UTF-8: compare as it is */
		if (!m)
			kh_oom(len + 1);
		n = (utf8proc_ssize_t)len;
	}
	char *out = (char *)m;
	size_t o = 0;
	for (utf8proc_ssize_t i = 0; i < n; i++) {
		unsigned char c = m[i];
		if (c == ' ' || c == '\t') {
			while (i + 1 < n && (m[i + 1] == ' ' || m[i + 1] == '\t'))
				i++;
			out[o++] = '_';
		} else if (plain && c == 0xC4 && i + 1 < n && m[i + 1] == 0x91) {
			out[o++] = 'd';
			i++;
		} else {
			out[o++] = (char)c;
		}
	}
	out[o] = '\0';
	return out;
}

enum {
	FOLD = UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD,
	LOWER = UTF8PROC_COMPOSE | UTF8PROC_STABLE | UTF8PROC_CASEFOLD,
};

const char *kh_keyword_fold(const char *word, size_t len)
{
	char *f = map_word(word, len, FOLD, 1);
	const char *copy = kh_strdup(f);
	free(f);
	return copy;
}

static size_t code_points(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* The folded spelling of every keyword, and its length in code points,
 * made on first use. */
static char **folds;
static size_t *fold_lengths;

static char **folded_keywords(void)
{
	if (!folds) {
		size_t n = kh_keyword_count();
		folds = calloc(n, sizeof *folds);
		fold_lengths = calloc(n, sizeof *fold_lengths);
		if (!folds || !fold_lengths)
			kh_oom(n * sizeof *folds);
		for (size_t i = 0; i < n; i++) {
			int tok, val;
			const char *s = kh_keyword_at(i, &tok, &val);
			folds[i] = map_word(s, strlen(s), FOLD, 1);
			fold_lengths[i] = code_points(folds[i]);
		}
	}
	return folds;
}

#define MAX_TOKEN 2048

/* TOKENS[0, N) as a table by token number (bison's numbers are small). */
static void allow_table(const int *tokens, size_t n, bool *table)
{
	memset(table, 0, MAX_TOKEN * sizeof *table);
	for (size_t i = 0; i < n; i++)
		if (tokens[i] >= 0 && tokens[i] < MAX_TOKEN)
			table[tokens[i]] = true;
}

typedef struct guess_ctx {
	const char *folded, *lower; /* the word folded, and only lower-cased */
	size_t folded_len;          /* in code points */
	size_t limit;               /* edit distance allowed between the folds */
	const bool *allow;          /* by token; NULL: every keyword */
} guess_ctx;

static bool has_marks(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return true;
	return false;
}

/* How far keyword I is from the word: the distance of the folds first
 * (what was meant), then whether the spelling is written as the word is,
 * with diacritics or without ('kê_hoach' means 'kế_hoạch', not
 * 'ke_hoach'), then the distance of the spellings (which spelling to
 * show); SIZE_MAX when it is too far or not wanted here. */
static size_t score(const guess_ctx *g, size_t i)
{
	int tok, val;
	const char *s = kh_keyword_at(i, &tok, &val);
	char **f = folded_keywords();
	/* lengths further apart than the limit are further apart than it: the
	 * usual case, so before the token test and the distance */
	size_t kl = fold_lengths[i];
	if ((kl > g->folded_len ? kl - g->folded_len : g->folded_len - kl) > g->limit)
		return SIZE_MAX;
	if (g->allow && (tok < 0 || tok >= MAX_TOKEN || !g->allow[tok]))
		return SIZE_MAX;
	size_t d = kh_edit_distance(g->folded, f[i], g->limit, false);
	if (d > g->limit)
		return SIZE_MAX;
	size_t other_script = has_marks(g->lower) != has_marks(s);
	return d * 100000 + other_script * 1000 + kh_edit_distance(g->lower, s, 999, false);
}

/* The closest keyword, skipping meaning (SKIP_TOK, SKIP_VAL) when
 * SKIP_TOK is not 0; *BEST its score. Returns its index, or SIZE_MAX. */
static size_t closest(const guess_ctx *g, int skip_tok, int skip_val, size_t *best)
{
	size_t at = SIZE_MAX;
	*best = SIZE_MAX;
	for (size_t i = 0; i < kh_keyword_count(); i++) {
		int tok, val;
		kh_keyword_at(i, &tok, &val);
		if (skip_tok && tok == skip_tok && val == skip_val)
			continue;
		size_t s = score(g, i);
		if (s < *best) {
			*best = s;
			at = i;
		}
	}
	return at;
}

kh_kw_guess kh_keyword_guess(const char *word, size_t len, const int *tokens, size_t ntokens)
{
	kh_kw_guess r = { 0 };
	char *lower = map_word(word, len, LOWER, 0);
	static bool table[MAX_TOKEN];
	if (tokens)
		allow_table(tokens, ntokens, table);
	guess_ctx g = { .folded = kh_keyword_fold(word, len), .lower = lower, .allow = tokens ? table : NULL };
	/* One slip in five letters, two in nine; short words must fold to
	 * the keyword exactly ("Dự", "kì"), or any two-letter id would do. */
	size_t n = code_points(g.folded);
	g.folded_len = n;
	g.limit = n >= 9 ? 2 : n >= 5 ? 1 : 0;
	size_t s1, s2;
	size_t i1 = closest(&g, 0, 0, &s1);
	if (i1 != SIZE_MAX) {
		r.n = 1;
		r.spelling[0] = kh_keyword_at(i1, &r.token, &r.value);
		r.case_only = s1 == 0 && strcmp(lower, word) != 0;
		size_t i2 = closest(&g, r.token, r.value, &s2);
		if (i2 != SIZE_MAX && s2 == s1) {
			int t2, v2;
			r.n = 2;
			r.spelling[1] = kh_keyword_at(i2, &t2, &v2);
		}
	}
	free(lower);
	return r;
}

size_t kh_statement_tokens(const int **tokens)
{
	/* kw_stmt of the grammar, and what starts a top-level line. */
	static const int stmt[] = {
		T_BODY, T_DOCUMENT, T_EVENT, T_HOLIDAY, T_DAYOFF, T_MAKEUPDAY, T_KINDRULE,
		T_AWARDRIGHT, T_PERIOD, T_ISSUER, T_PLACE, T_TITLE, T_IMPLEMENTS, T_BASIS,
		T_PREAMBLE, T_CLOSING, T_PURPOSE, T_REQUIREMENT, T_CONTENT, T_SECTION, T_PART,
		T_LINE, T_TASK, T_MEETING, T_AWARDS, T_BUDGET, T_RECIPIENTS, T_SIGN, T_OUTLINE,
		T_ATTACHED, T_NOTE, T_ASSIGN, T_COOPERATE, T_SEND, T_DUE, T_AFTER, T_CHAIR,
		T_ORGANISER, T_DURATION, T_WHEN, T_ONLINE, T_ATTENDEES, T_ATTEND, T_GUEST,
		T_EACH, T_GROUP, T_TARGET, T_FORM, T_TYPE, T_GRANTOR, T_CRITERIA, T_QUOTA,
		T_ITEM, T_ARCHIVE, T_ONBEHALF, T_POSITION, T_SIGNER, T_SIGNED, T_INDEPENDENT,
		T_SIGNFORM, T_ADDRESSEES, T_SUPERIORLINE, T_ATTRIBUTE, T_CRITRULE, T_EXCLUDE,
		T_RANKBY, T_KIND, T_LEVEL, T_IMPORT,
	};
	*tokens = stmt;
	return sizeof stmt / sizeof stmt[0];
}

kh_diag *kh_report_guess(kh_parse_ctx *ctx, kh_span span, const char *word, const kh_kw_guess *g)
{
	if (g->n == 2)
		return kh_syntax_error(ctx, span, "misspelt-keyword",
				       _("'%s' is not a keyword; did you mean '%s' or '%s'?"), word,
				       g->spelling[0], g->spelling[1]);
	if (g->case_only)
		return kh_syntax_error(ctx, span, "misspelt-keyword",
				       _("'%s' is not a keyword; did you mean '%s'? Keywords are "
					 "written in lower case"), word, g->spelling[0]);
	return kh_syntax_error(ctx, span, "misspelt-keyword",
			       _("'%s' is not a keyword; did you mean '%s'?"), word, g->spelling[0]);
}

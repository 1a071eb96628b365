/*
 * braces.c - see braces.h. Why indentation: a missing '}' is noticed by
 * the parser only at the end of the file, against the outermost block,
 * and an extra one only where the next line no longer fits, against the
 * plan; the author's indentation still says which block was meant.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "braces.h"
#include "i18n.h"

#define TAB_WIDTH 8            /* as terminals, `expand` and Notepad show a tab */
#define MAX_LINES (1u << 20)   /* beyond this, no indentation tables: the stack alone */
#define NAME_MAX_CHARS 40      /* of the statement that opens a block, in messages */

size_t kh_curly_quote(const char *text, size_t len, size_t i)
{
	const unsigned char *t = (const unsigned char *)text;
	if (i + 2 < len && t[i] == 0xE2 && t[i + 1] == 0x80 &&
	    (t[i + 2] == 0x9C || t[i + 2] == 0x9D || t[i + 2] == 0x98 || t[i + 2] == 0x99))
		return 3;
	return 0;
}

/* The end of a curly-quoted string opening at I (“…” or ‘…’, closed on
 * its line), or I when there is none. */
static size_t skip_curly(const char *text, size_t len, size_t i)
{
	const unsigned char *t = (const unsigned char *)text;
	if (!kh_curly_quote(text, len, i) || (t[i + 2] != 0x9C && t[i + 2] != 0x98))
		return i;
	unsigned char close = t[i + 2] == 0x9C ? 0x9D : 0x99;
	for (size_t j = i + 3; j < len && t[j] != '\n' && t[j] != '\r'; j++)
		if (j + 2 < len && t[j] == 0xE2 && t[j + 1] == 0x80 && t[j + 2] == close)
			return j + 3;
	return i;
}

size_t kh_skip_literal(const char *text, size_t len, size_t i)
{
	size_t j = i;
	if (text[i] == '"') { /* where the scanner ends it (closed, or with its line) */
		bool closed;
		return (size_t)(kh_string_end(text + i + 1, text + len, &closed) - text);
	}
	if (text[i] == '#' || (text[i] == '/' && i + 1 < len && text[i + 1] == '/')) {
		while (j < len && text[j] != '\n' && text[j] != '\r')
			j++;
		return j;
	}
	if (text[i] == '/' && i + 1 < len && text[i + 1] == '*') {
		for (j = i + 2; j + 1 < len; j++)
			if (text[j] == '*' && text[j + 1] == '/')
				return j + 2;
		return len;
	}
	return skip_curly(text, len, i);
}

typedef struct brace {
	unsigned off;    /* byte offset */
	unsigned line;   /* 0-based */
	bool open;
	bool mended;     /* a '}' is put in for it */
	bool closed_here; /* a '{' whose '}' is on its own line ("ký { … }") */
	int match;       /* the index of the other brace of the pair, -1: none */
} brace;

typedef struct code_line {
	unsigned indent; /* columns before the first token */
	unsigned first;  /* offset of the first token */
	bool closes;     /* the first token is '}' */
	int next_le;     /* the next code line indented no deeper, -1: none */
} code_line;

typedef struct scan {
	kh_parse_ctx *ctx;
	const char *text;
	size_t len;
	brace *b;
	size_t nb, capb;
	code_line *cl;   /* the lines that hold a token, in order */
	size_t ncl;
	int *line_cl;    /* source line -> index in cl, -1: no token */
	int unclosed, extra;
} scan;

static void add_brace(scan *s, size_t off, unsigned line)
{
	if (s->nb == s->capb) {
		s->capb = s->capb ? 2 * s->capb : 64;
		s->b = KH_GROW_N(s->b, brace, s->capb);
	}
	s->b[s->nb++] = (brace){ (unsigned)off, line, s->text[off] == '{', false, false, -1 };
}

static bool is_line_end(const char *t, size_t len, size_t i)
{
	return t[i] == '\n' || (t[i] == '\r' && (i + 1 >= len || t[i + 1] != '\n'));
}

/* A line's first token at I, for LINES: its indentation, and whether it
 * is a '}'. Comments are not tokens: their lines say nothing. */
static void add_line(scan *s, size_t i, unsigned line)
{
	size_t st = s->ctx->src->line_starts[line];
	unsigned col = 0;
	for (size_t k = st; k < i; k++)
		col = s->text[k] == '\t' ? (col / TAB_WIDTH + 1) * TAB_WIDTH : col + 1;
	s->line_cl[line] = (int)s->ncl;
	s->cl[s->ncl++] = (code_line){ col, (unsigned)i, s->text[i] == '}', -1 };
}

/* Every brace outside strings and comments, with its line; with LINES,
 * the lines that hold a token too. */
static void scan_text(scan *s, bool lines)
{
	unsigned line = 0;
	bool fresh = true; /* no token yet on this line */
	for (size_t i = 0; i < s->len;) {
		char c = s->text[i];
		size_t j = kh_skip_literal(s->text, s->len, i);
		if (lines && fresh && c != ' ' && c != '\t' && !is_line_end(s->text, s->len, i)) {
			if (j == i || c == '"' || kh_curly_quote(s->text, s->len, i))
				add_line(s, i, line);
			fresh = false;
		}
		if (j > i) {
			for (size_t k = i; k < j; k++) /* a block comment's lines */
				if (is_line_end(s->text, s->len, k))
					line++;
			i = j;
			continue;
		}
		if (!lines && (c == '{' || c == '}'))
			add_brace(s, i, line);
		if (is_line_end(s->text, s->len, i)) {
			line++;
			fresh = true;
		}
		i++;
	}
}

/* The bytes where a literal, a comment or a brace may start (curly
 * quotes: E2 80 …). */
static const bool may_matter[256] = { ['"'] = true, ['#'] = true, ['/'] = true, ['{'] = true,
				      ['}'] = true, [0xE2] = true };

/* Does every '}' close a '{', and every '{' get its '}'? TEXT ends in a
 * NUL (kh_source.text), which strcspn stops at; one inside is stepped over. */
static bool balanced(const char *text, size_t len)
{
	static const char matter[] = "\"#/{}\xE2"; /* may_matter's bytes */
	size_t depth = 0;
	for (size_t i = 0; i < len;) {
		i += strcspn(text + i, matter); /* most bytes, sixteen at a time */
		if (i >= len)
			break;
		if (!may_matter[(unsigned char)text[i]]) {
			i++; /* a NUL */
			continue;
		}
		size_t j = kh_skip_literal(text, len, i);
		if (j > i) {
			i = j;
			continue;
		}
		if (text[i] == '{')
			depth++;
		else if (text[i] == '}' && depth-- == 0)
			return false;
		i++;
	}
	return depth == 0;
}

/* Pairs the braces as the parser will; counts what is left over. Marks
 * the blocks that close on the line they open, pairing each line's
 * braces by themselves (one pass: a line of a million braces stays cheap). */
static void match_braces(scan *s)
{
	int *stack = KH_NEW_N(int, s->nb + 1), *local = KH_NEW_N(int, s->nb + 1);
	size_t depth = 0, ldepth = 0;
	for (size_t i = 0; i < s->nb; i++) {
		if (i > 0 && s->b[i].line != s->b[i - 1].line)
			ldepth = 0;
		if (s->b[i].open) {
			stack[depth++] = (int)i;
			local[ldepth++] = (int)i;
			continue;
		}
		if (ldepth)
			s->b[local[--ldepth]].closed_here = true;
		if (depth) {
			int o = stack[--depth];
			s->b[o].match = (int)i;
			s->b[i].match = o;
		} else {
			s->extra++;
		}
	}
	s->unclosed = (int)depth;
}

/* The lines that hold a token, their indentation, and for each the next
 * one indented no deeper (a stack from the end: linear time). */
static void index_lines(scan *s)
{
	size_t n = s->ctx->src->nlines;
	s->cl = KH_NEW_N(code_line, n);
	s->line_cl = KH_NEW_N(int, n);
	for (size_t ln = 0; ln < n; ln++)
		s->line_cl[ln] = -1;
	scan_text(s, true);
	int *stack = KH_NEW_N(int, s->ncl + 1);
	size_t depth = 0;
	for (size_t k = s->ncl; k-- > 0;) {
		while (depth && s->cl[stack[depth - 1]].indent > s->cl[k].indent)
			depth--;
		s->cl[k].next_le = depth ? stack[depth - 1] : -1;
		stack[depth++] = (int)k;
	}
}

/* Where the indentation says the block of brace BI ends without its '}':
 * the first later line indented no deeper than the line that opens it,
 * when that line is not the '}'. *BEFORE is that line (-1: the end of
 * the file). 0: closed, or a block whose lines are not indented (then
 * the indentation says nothing); 1: a statement stands there; 2: the '}'
 * of an outer block does, less indented. */
static int missing_before(const scan *s, size_t bi, int *before)
{
	int c = s->line_cl[s->b[bi].line];
	if (c < 0 || s->b[bi].closed_here)
		return 0;
	const code_line *open = &s->cl[c];
	if ((size_t)c + 1 < s->ncl && s->cl[c + 1].indent <= open->indent)
		return 0;
	*before = open->next_le;
	if (open->next_le < 0)
		return 1;
	const code_line *at = &s->cl[open->next_le];
	if (!at->closes)
		return 1;
	return at->indent < open->indent ? 2 : 0;
}

/* The first token of source line LN, and the end of its code (before
 * a comment, without trailing blanks). */
static size_t line_code(const scan *s, unsigned ln, size_t *end)
{
	size_t from = s->ctx->src->line_starts[ln], to;
	while (from < s->len && (s->text[from] == ' ' || s->text[from] == '\t'))
		from++;
	for (to = from; to < s->len && !is_line_end(s->text, s->len, to);) {
		size_t j = kh_skip_literal(s->text, s->len, to);
		if (j > to && s->text[to] != '"' && !kh_curly_quote(s->text, s->len, to))
			break; /* a comment */
		to = j > to ? j : to + 1;
	}
	*end = to;
	return from;
}

/* The statement that opens the block of brace BI, as written, for
 * messages: the text before the '{' on its line, or the line above when
 * the '{' starts its line. */
static const char *opener_name(const scan *s, size_t bi)
{
	size_t at = s->b[bi].off, to = at;
	unsigned ln = s->b[bi].line;
	size_t from = line_code(s, ln, &to);
	if (from < at)
		to = at;
	else if (ln > 0)
		from = line_code(s, ln - 1, &to);
	while (to > from && (s->text[to - 1] == ' ' || s->text[to - 1] == '\t'))
		to--;
	kh_buf b = { 0 };
	size_t chars = 0;
	for (size_t i = from; i < to; i++) {
		unsigned char ch = (unsigned char)s->text[i];
		if ((ch & 0xC0) != 0x80 && ++chars > NAME_MAX_CHARS) {
			kh_buf_puts(&b, "…");
			break;
		}
		kh_buf_putc(&b, ch == '\t' ? ' ' : (char)ch);
	}
	return b.len ? kh_buf_cstr(&b) : "{";
}

static int by_offset(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
	return x < y ? -1 : x > y;
}

static kh_span brace_span(const scan *s, size_t bi)
{
	return (kh_span){ s->ctx->src->id, s->b[bi].off, s->b[bi].off + 1 };
}

/* The report of a '}' missing from the block of BI, before code line M. */
static void report_missing(scan *s, size_t bi, int m, int reported)
{
	if (reported >= KH_MAX_BLOCK_ERRORS)
		return; /* the file's braces are beyond repair by hand anyway */
	const char *name = opener_name(s, bi);
	if (m >= 0) {
		unsigned line, col;
		kh_source_locate(s->ctx->src, s->cl[m].first, &line, &col);
		kh_syntax_error(s->ctx, brace_span(s, bi), "unbalanced-brace",
				_("the block of '%s' opened here is not closed; '}' is probably "
				  "missing before line %u"), name, line);
	} else if (m == -1) {
		kh_syntax_error(s->ctx, brace_span(s, bi), "unbalanced-brace",
				_("the block of '%s' opened here is not closed; '}' is probably "
				  "missing at the end of the file"), name);
	} else {
		kh_syntax_error(s->ctx, brace_span(s, bi), "unbalanced-brace",
				_("the block of '%s' opened here is not closed"), name);
	}
}

/* Each '{' left open gets a '}' where its indentation ends: first where
 * a statement stands (the clearest sign), then before an outer '}';
 * what the indentation cannot place is closed at the end of the file. */
static void mend_missing(scan *s, bool lines)
{
	kh_parse_ctx *ctx = s->ctx;
	unsigned *at = KH_NEW_N(unsigned, (size_t)s->unclosed);
	size_t n = 0;
	int reported = 0;
	for (int tier = 1; lines && tier <= 2; tier++) {
		for (size_t i = 0; i < s->nb && n < (size_t)s->unclosed; i++) {
			int m = -1;
			if (!s->b[i].open || s->b[i].mended || missing_before(s, i, &m) != tier)
				continue;
			s->b[i].mended = true;
			at[n++] = m >= 0 ? s->cl[m].first : (unsigned)s->len;
			report_missing(s, i, m, reported++);
		}
	}
	/* The rest: the innermost braces the parser would find open. */
	for (size_t i = s->nb; i-- > 0 && n < (size_t)s->unclosed;) {
		if (s->b[i].open && s->b[i].match < 0 && !s->b[i].mended) {
			at[n++] = (unsigned)s->len;
			report_missing(s, i, -2, reported++);
		}
	}
	qsort(at, n, sizeof *at, by_offset);
	ctx->close_at = at;
	ctx->nclose = n;
}

/* Is the '}' BI the first token of its line, and deeper than the line of
 * the '{' it would close (so it closes that block too early)? */
static bool closes_too_early(const scan *s, size_t bi)
{
	const brace *b = &s->b[bi];
	int c = s->line_cl[b->line];
	if (b->open || b->match < 0 || c < 0 || s->cl[c].first != b->off)
		return false;
	int o = s->line_cl[s->b[b->match].line];
	return o >= 0 && s->cl[o].indent < s->cl[c].indent;
}

/* Each '}' too many is skipped: one that closes a block too early by the
 * indentation, else the one that finds no block open. */
static void mend_extra(scan *s, bool lines)
{
	kh_parse_ctx *ctx = s->ctx;
	unsigned *at = KH_NEW_N(unsigned, (size_t)s->extra);
	size_t n = 0, last = 0;
	for (size_t i = 0; i < s->nb; i++)
		if (!s->b[i].open && s->b[i].match < 0)
			last = i;
	for (size_t i = 0; lines && i < last && n < (size_t)s->extra; i++) {
		if (!closes_too_early(s, i))
			continue;
		size_t o = (size_t)s->b[i].match;
		if (n++ < KH_MAX_BLOCK_ERRORS)
			kh_syntax_error(ctx, brace_span(s, i), "unbalanced-brace",
					_("extra '}': judging by the indentation, it closes the block "
					  "of '%s' (line %u) too early; remove it"),
					opener_name(s, o), s->b[o].line + 1);
		at[n - 1] = s->b[i].off;
	}
	for (size_t i = 0; i < s->nb && n < (size_t)s->extra; i++) {
		if (s->b[i].open || s->b[i].match >= 0)
			continue;
		if (n++ < KH_MAX_BLOCK_ERRORS)
			kh_syntax_error(ctx, brace_span(s, i), "unbalanced-brace",
					_("extra '}': no block is open here; remove it"));
		at[n - 1] = s->b[i].off;
	}
	qsort(at, n, sizeof *at, by_offset);
	ctx->drop_at = at;
	ctx->ndrop = n;
}

void kh_braces_mend(kh_parse_ctx *ctx)
{
	if (balanced(ctx->src->text, ctx->src->len))
		return; /* the usual case: nothing kept, nothing to say */
	scan s = { .ctx = ctx, .text = ctx->src->text, .len = ctx->src->len };
	scan_text(&s, false);
	match_braces(&s);
	if (!s.unclosed && !s.extra)
		return;
	ctx->braces_reported = 1;
	bool lines = ctx->src->nlines <= MAX_LINES;
	if (lines)
		index_lines(&s);
	if (s.unclosed)
		mend_missing(&s, lines);
	if (s.extra)
		mend_extra(&s, lines);
}

/*
 * fmt.c - the canonical layout (see fmt.h). What matters for indentation
 * is what the scanner saw (kh_source.layout): its braces, and the block
 * comments that run over several lines (kept exactly as written, since
 * their layout is the author's). Nothing here reads the text for them.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdbool.h>
#include <string.h>
#include <utf8proc.h>

#include "braces.h"
#include "emit_json.h"
#include "fmt.h"
#include "parse.h"
#include "unichar.h"

/* Where the layout's comments and braces stand as the lines go by: each
 * list is read once, in order. */
typedef struct cursor {
	const char *text;
	const kh_layout *l;
	size_t comment, brace;
} cursor;

static bool is_block(const cursor *c, const kh_comment *k)
{
	return c->text[k->start] == '/' && c->text[k->start + 1] == '*';
}

/* Is the byte at AT inside a block comment that began before it? */
static bool in_block_comment(cursor *c, unsigned at)
{
	while (c->comment < c->l->ncomments && c->l->comments[c->comment].end <= at)
		c->comment++;
	const kh_comment *k = c->comment < c->l->ncomments ? &c->l->comments[c->comment] : NULL;
	return k && k->start < at && is_block(c, k);
}

/* The line [B, E): the braces on it move DEPTH; returns whether it ends
 * in a comment (a '#' or '//' one, or a block left open past E), after
 * which nothing can be put. */
static bool follow_line(cursor *c, unsigned b, unsigned e, int *depth)
{
	for (; c->brace < c->l->nbraces && c->l->braces[c->brace] < e; c->brace++) {
		unsigned at = c->l->braces[c->brace];
		if (at < b)
			continue;
		if (c->text[at] == '{')
			(*depth)++;
		else if (*depth > 0)
			(*depth)--;
	}
	bool ends = false;
	for (size_t i = c->comment; i < c->l->ncomments && c->l->comments[i].start < e; i++) {
		const kh_comment *k = &c->l->comments[i];
		if (k->end > e || (!is_block(c, k) && k->start >= b))
			ends = true;
	}
	return ends;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Writes the line [B, E) at its depth; a '{' alone on its line goes up
 * to the end of the line before, as the language's layout has it (the
 * scanner reads it there either way). */
static void put_line(kh_buf *out, const char *b, const char *e, int depth, bool joinable)
{
	if (joinable && e - b == 1 && *b == '{') {
		out->len--; /* that line's '\n' */
		kh_buf_puts(out, " {\n");
		return;
	}
	int d = depth - (*b == '}' ? 1 : 0);
	for (int i = 0; i < d; i++)
		kh_buf_puts(out, "  ");
	kh_buf_put(out, b, (size_t)(e - b));
	kh_buf_putc(out, '\n');
}

void kh_format_source(kh_source *src, kh_buf *out)
{
	if (!src->layout.whole)
		kh_scan_layout(src); /* not parsed to its end: the scanner reads it now */
	const char *text = src->text, *p = text, *end = text + src->len;
	const unsigned char *continued = src->continued;
	cursor cur = { text, &src->layout, 0, 0 };
	int depth = 0;
	size_t line = 0;         /* 0-based, as kh_source counts them */
	bool joinable = false;   /* the last line written may take a '{' */
	int pending_blank = 0;   /* blank lines seen since the last text line */
	bool any = false;        /* a text line was written */
	while (p < end) {
		const char *eol = p;
		while (eol < end && *eol != '\n' && *eol != '\r')
			eol++;
		/* the line ends: LF, CRLF or a lone CR */
		const char *next = eol;
		if (next < end && *next == '\r')
			next++;
		if (next < end && *next == '\n')
			next++;
		const char *b = p, *e = eol;
		while (e > b && is_blank(e[-1]))
			e--;
		bool was_comment = in_block_comment(&cur, (unsigned)(p - text));
		if (!was_comment)
			while (b < e && is_blank(*b))
				b++;
		bool goes_on = continued && continued[line];
		line++;
		if (b == e) {
			if (was_comment) { /* a blank line inside a block comment stays */
				kh_buf_putc(out, '\n');
			} else if (any) {
				pending_blank++;
			}
			p = next;
			continue;
		}
		bool brace_up = joinable && !was_comment && e - b == 1 && *b == '{';
		if (pending_blank && !brace_up)
			kh_buf_putc(out, '\n');
		pending_blank = 0;
		if (was_comment) {
			kh_buf_put(out, b, (size_t)(e - b)); /* the author's layout */
			kh_buf_putc(out, '\n');
		} else {
			put_line(out, b, e, depth + goes_on, joinable);
		}
		any = true;
		joinable = !follow_line(&cur, (unsigned)(b - text), (unsigned)(e - text), &depth) && !was_comment;
		p = next;
	}
}

/* Outside strings and comments, what a word processor leaves is written
 * as the language has it: curly-quoted strings in straight quotes, odd
 * spaces as spaces, line separators as line ends. Returns how many
 * characters changed. Copied only from the first change: a plan with
 * other errors, which fmt tries to repair first, is not copied whole for
 * nothing (33 MB, and 45 MB of peak, for the adversarial bench plan). */
size_t kh_format_repair(const char *text, size_t len, kh_buf *out)
{
	size_t changed = 0, done = 0; /* TEXT[0, done) is in OUT */
	for (size_t i = 0; i < len;) {
		size_t j = kh_skip_literal(text, len, i);
		if (j > i && kh_curly_quote(text, len, i)) {
			kh_buf_put(out, text + done, i - done);
			kh_buf_putc(out, '"');
			kh_buf_put(out, text + i + 3, j - i - 6);
			kh_buf_putc(out, '"');
			changed += 2;
			i = done = j;
			continue;
		}
		if (j > i) {
			i = j;
			continue;
		}
		utf8proc_int32_t cp = (unsigned char)text[i];
		utf8proc_ssize_t n = 1;
		if (cp >= 0x80)
			n = utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n < 1)
			n = 1;
		if (kh_char_is_space(cp) || cp == 0x2028 || cp == 0x2029) {
			kh_buf_put(out, text + done, i - done);
			kh_buf_putc(out, kh_char_is_space(cp) ? ' ' : '\n');
			changed++;
			done = i + (size_t)n;
		}
		i += (size_t)n;
	}
	if (changed)
		kh_buf_put(out, text + done, len - done);
	return changed;
}

kh_program *kh_format_repaired(const kh_program *prog, const kh_resolve_opts *opts)
{
	const kh_source *src = prog->main;
	kh_buf fixed = { 0 };
	if (!kh_format_repair(src->text, src->len, &fixed))
		return NULL;
	kh_diags d = { 0 };
	kh_program *again = kh_resolve_bytes(src->path, kh_buf_cstr(&fixed), fixed.len, opts, &d);
	return again && !d.errors ? again : NULL;
}

/* The resolved plan as JSON with every run of whitespace made one space:
 * what must not change when only the layout does. */
static const char *meaning(const kh_program *prog)
{
	kh_buf j = { 0 };
	kh_emit_json(prog, &j);
	char *s = (char *)kh_buf_cstr(&j);
	size_t w = 0;
	bool space = false;
	for (size_t r = 0; s[r]; r++) {
		bool ws = s[r] == ' ' || s[r] == '\t' || s[r] == '\n' || s[r] == '\r';
		if (ws) {
			space = true;
			continue;
		}
		if (space && w)
			s[w++] = ' ';
		space = false;
		s[w++] = s[r];
	}
	s[w] = '\0';
	return s;
}

bool kh_format_same_plan(const kh_source *src, const char *text, size_t len, const kh_resolve_opts *opts)
{
	kh_diags d0 = { 0 }, d = { 0 };
	kh_program *before = kh_resolve_bytes(src->path, src->text, src->len, opts, &d0);
	kh_program *again = kh_resolve_bytes(src->path, text, len, opts, &d);
	return before && !d0.errors && again && !d.errors && !strcmp(meaning(before), meaning(again));
}

bool kh_format_checked(kh_source *src, const kh_resolve_opts *opts, kh_buf *out)
{
	if (!out->drain) /* the laid-out text is about as long as the source */
		kh_buf_reserve_exact(out, src->len + src->len / 8 + 63);
	kh_format_source(src, out);
	/* The same tokens give the same plan; else the plans are compared. */
	return kh_same_tokens_in(src, out) || kh_format_same_plan(src, kh_buf_cstr(out), out->len, opts);
}

/*
 * fmt.c - the canonical layout (see fmt.h). A small scanner follows what
 * matters for indentation: braces outside strings and comments, and block
 * comments that run over several lines (kept exactly as written, since
 * their layout is the author's).
 * Part of kehoach; see README.md for the licence.
 */
#include <stdbool.h>
#include <string.h>
#include <utf8proc.h>

#include "braces.h"
#include "emit_json.h"
#include "fmt.h"
#include "unichar.h"

/* Follows LINE [P, END): updates the brace DEPTH and whether a block
 * comment is still open at its end. Returns whether the line ends in a
 * comment (nothing can be put after it). */
static bool scan_line(const char *p, const char *end, int *depth, bool *in_comment)
{
	bool in_string = false;
	for (; p < end; p++) {
		if (*in_comment) {
			if (*p == '*' && p + 1 < end && p[1] == '/') {
				*in_comment = false;
				p++;
			}
		} else if (in_string) {
			if (*p == '\\' && p + 1 < end)
				p++;
			else if (*p == '"')
				in_string = false;
		} else if (*p == '"') {
			in_string = true;
		} else if (*p == '#' || (*p == '/' && p + 1 < end && p[1] == '/')) {
			return true; /* a comment to the end of the line */
		} else if (*p == '/' && p + 1 < end && p[1] == '*') {
			*in_comment = true;
			p++;
		} else if (*p == '{') {
			(*depth)++;
		} else if (*p == '}' && *depth > 0) {
			(*depth)--;
		}
	}
	return *in_comment;
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

void kh_format_text(const char *text, size_t len, const unsigned char *continued, kh_buf *out)
{
	const char *p = text, *end = text + len;
	int depth = 0;
	size_t line = 0;         /* 0-based, as kh_source counts them */
	bool in_comment = false;
	bool joinable = false;   /* the last line written may take a '{' */
	int pending_blank = 0;   /* blank lines seen since the last text line */
	bool any = false;        /* a text line was written */
	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3; /* a byte-order mark is not part of the plan */
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
		bool was_comment = in_comment;
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
		joinable = !scan_line(b, e, &depth, &in_comment) && !was_comment;
		p = next;
	}
}

/* Outside strings and comments, what a word processor leaves is written
 * as the language has it: curly-quoted strings in straight quotes, odd
 * spaces as spaces, line separators as line ends. Returns how many
 * characters changed. */
size_t kh_format_repair(const char *text, size_t len, kh_buf *out)
{
	size_t changed = 0;
	for (size_t i = 0; i < len;) {
		size_t j = kh_skip_literal(text, len, i);
		if (j > i && kh_curly_quote(text, len, i)) {
			kh_buf_putc(out, '"');
			kh_buf_put(out, text + i + 3, j - i - 6);
			kh_buf_putc(out, '"');
			changed += 2;
			i = j;
			continue;
		}
		if (j > i) {
			kh_buf_put(out, text + i, j - i);
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
			kh_buf_putc(out, kh_char_is_space(cp) ? ' ' : '\n');
			changed++;
		} else {
			kh_buf_put(out, text + i, (size_t)n);
		}
		i += (size_t)n;
	}
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

bool kh_format_program(const kh_program *prog, const kh_resolve_opts *opts, kh_buf *out)
{
	const kh_source *src = prog->main;
	kh_format_text(src->text, src->len, src->continued, out);
	/* The same tokens give the same plan; else the plans are compared. */
	if (kh_same_tokens(src, kh_buf_cstr(out), out->len))
		return true;
	kh_diags d = { 0 };
	kh_program *again = kh_resolve_bytes(src->path, kh_buf_cstr(out), out->len, opts, &d);
	return again && !d.errors && !strcmp(meaning(prog), meaning(again));
}

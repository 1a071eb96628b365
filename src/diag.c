/*
 * diag.c - findings kept on a list (never printed where they are found),
 * sorted into source order, then printed GCC style with the source line
 * and a caret, or as JSON.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"

/* Longest stretch of a source line shown under a message: a 1 MB line
 * would bury the message, so the excerpt is centred on the column. */
enum { EXCERPT_CHARS = 160 };

static kh_diag *new_diag(kh_diags *d, kh_severity sev, kh_span span, const char *rule,
			 const char *msg)
{
	kh_diag *x = KH_NEW(kh_diag);
	x->severity = sev;
	x->span = span;
	x->rule = rule;
	x->message = msg;
	x->seq = d->seq++;
	if (d->last)
		d->last->next = x;
	else
		d->first = x;
	d->last = x;
	d->count++;
	if (sev == KH_ERROR)
		d->errors++;
	else if (sev == KH_WARNING)
		d->warnings++;
	return x;
}

static const char *vformat(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
static const char *vformat(const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return "";
	char *s = kh_alloc_atomic((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

kh_diag *kh_diag_add(kh_diags *d, kh_severity sev, kh_span span, const char *rule,
		     const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *msg = vformat(fmt, ap);
	va_end(ap);
	return new_diag(d, sev, span, rule, msg);
}

kh_diag *kh_diag_add_path(kh_diags *d, kh_severity sev, const char *path, const char *rule,
			  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *msg = vformat(fmt, ap);
	va_end(ap);
	kh_span none = { -1, 0, 0 };
	kh_diag *x = new_diag(d, sev, none, rule, msg);
	x->path = path;
	return x;
}

void kh_diag_note(kh_diag *parent, kh_span span, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	kh_diag *n = KH_NEW(kh_diag);
	n->severity = KH_NOTE;
	n->span = span;
	n->message = vformat(fmt, ap);
	va_end(ap);
	kh_diag **tail = &parent->notes;
	while (*tail)
		tail = &(*tail)->next;
	*tail = n;
}

/* Source order: files in load order (no-location first), then offset,
 * then the order the findings were made in. */
static int before(const kh_diag *a, const kh_diag *b)
{
	if (a->span.file != b->span.file)
		return a->span.file < b->span.file;
	if (a->span.start != b->span.start)
		return a->span.start < b->span.start;
	return a->seq < b->seq;
}

/* A stable merge sort on the list: n log n, no extra array. */
static kh_diag *merge_sort(kh_diag *head, unsigned n)
{
	if (n < 2)
		return head;
	kh_diag *mid = head;
	for (unsigned i = 1; i < n / 2; i++)
		mid = mid->next;
	kh_diag *right = mid->next;
	mid->next = NULL;
	kh_diag *a = merge_sort(head, n / 2), *b = merge_sort(right, n - n / 2);
	kh_diag out = { 0 }, *t = &out;
	while (a && b) {
		if (before(b, a)) {
			t->next = b;
			b = b->next;
		} else {
			t->next = a;
			a = a->next;
		}
		t = t->next;
	}
	t->next = a ? a : b;
	return out.next;
}

void kh_diags_sort(kh_diags *d)
{
	d->first = merge_sort(d->first, d->count);
	d->last = d->first;
	while (d->last && d->last->next)
		d->last = d->last->next;
}

static const char *severity_word(kh_severity s)
{
	return s == KH_ERROR ? "error" : s == KH_WARNING ? "warning" : "note";
}

static const char *severity_color(kh_severity s)
{
	return s == KH_ERROR ? "\033[1;31m" : s == KH_WARNING ? "\033[1;35m" : "\033[1;36m";
}

static size_t utf8_len(unsigned char c)
{
	return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* The line as it can be shown: a file with a NUL or invalid UTF-8 gets its
 * diagnostics too, and they must stay valid UTF-8 themselves. */
static const char *printable_line(const char *text, size_t len, size_t *out_len)
{
	kh_buf b = { 0 };
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)text[i];
		size_t n = utf8_len(c);
		int ok = c != 0 && i + n <= len && (c < 0x80 || c >= 0xC2);
		for (size_t k = 1; ok && k < n; k++)
			ok = ((unsigned char)text[i + k] & 0xC0) == 0x80;
		if (ok && n == 3 && c == 0xED && (unsigned char)text[i + 1] >= 0xA0)
			ok = 0; /* a surrogate */
		if (ok) {
			kh_buf_put(&b, text + i, n);
			i += n;
		} else {
			kh_buf_puts(&b, c == 0 ? "\xE2\x90\x80" : "\xEF\xBF\xBD"); /* ␀ or U+FFFD */
			i++;
		}
	}
	*out_len = b.len;
	return kh_buf_cstr(&b);
}

/* Byte offset of the code point that is CHARS code points after P. */
static size_t skip_chars(const char *p, size_t len, size_t chars)
{
	size_t i = 0;
	while (i < len && chars > 0) {
		i += utf8_len((unsigned char)p[i]);
		chars--;
	}
	return i > len ? len : i;
}

/* The source line, then a caret line: '^' under the first character of
 * the span and '~' under the rest of it on that line. Tabs are copied
 * into the caret line so the caret lines up; each other character counts
 * as one column (Vietnamese is one column per letter in a terminal). */
static void print_excerpt(const kh_diag *x, const kh_source *src, unsigned line, unsigned col,
			  kh_buf *out, int color)
{
	size_t len;
	const char *text = kh_source_line(src, line, &len);
	text = printable_line(text, len, &len);
	unsigned end_line, end_col;
	size_t end = x->span.end > x->span.start ? x->span.end : x->span.start;
	kh_source_locate(src, end, &end_line, &end_col);
	size_t line_chars = 0;
	for (size_t i = 0; i < len; i += utf8_len((unsigned char)text[i]))
		line_chars++;
	size_t span_chars = end_line == line && end_col > col ? end_col - col : 1;
	if (col - 1 + span_chars > line_chars + 1)
		span_chars = line_chars + 1 > col - 1 ? line_chars + 1 - (col - 1) : 1;
	/* A window of the line around the column, for very long lines. */
	size_t first = 0, shown = line_chars;
	if (line_chars > EXCERPT_CHARS) {
		first = col - 1 > EXCERPT_CHARS / 2 ? col - 1 - EXCERPT_CHARS / 2 : 0;
		shown = EXCERPT_CHARS;
		if (first + shown > line_chars)
			shown = line_chars - first;
		if (span_chars > shown)
			span_chars = shown;
	}
	size_t from = skip_chars(text, len, first);
	size_t to = from + skip_chars(text + from, len - from, shown);
	kh_buf_printf(out, " %5u | %s%.*s%s\n", line, first ? "…" : "", (int)(to - from),
		      text + from, to < len ? "…" : "");
	kh_buf_puts(out, "       | ");
	if (first)
		kh_buf_puts(out, " ");
	size_t i = from;
	for (size_t c = first; c + 1 < col && i < len; c++) {
		kh_buf_putc(out, text[i] == '\t' ? '\t' : ' ');
		i += utf8_len((unsigned char)text[i]);
	}
	if (color)
		kh_buf_puts(out, "\033[1;32m");
	kh_buf_putc(out, '^');
	for (size_t c = 1; c < span_chars; c++)
		kh_buf_putc(out, '~');
	if (color)
		kh_buf_puts(out, "\033[0m");
	kh_buf_putc(out, '\n');
}

static void print_one(const kh_diag *x, kh_buf *out, int color)
{
	const kh_source *src = kh_source_get(x->span.file);
	unsigned line = 0, col = 0;
	if (color)
		kh_buf_puts(out, "\033[1m");
	if (src) {
		kh_source_locate(src, x->span.start, &line, &col);
		kh_buf_printf(out, "%s:%u:%u: ", src->path, line, col);
	} else {
		kh_buf_printf(out, "%s: ", x->path ? x->path : "kehoach");
	}
	if (color)
		kh_buf_printf(out, "%s%s:\033[0m ", severity_color(x->severity), severity_word(x->severity));
	else
		kh_buf_printf(out, "%s: ", severity_word(x->severity));
	kh_buf_puts(out, x->message);
	if (x->rule)
		kh_buf_printf(out, " [%s]", x->rule);
	kh_buf_putc(out, '\n');
	if (src)
		print_excerpt(x, src, line, col, out, color);
	for (const kh_diag *n = x->notes; n; n = n->next)
		print_one(n, out, color);
}

void kh_diags_print_text(const kh_diags *d, kh_buf *out, int color)
{
	for (const kh_diag *x = d->first; x; x = x->next)
		print_one(x, out, color);
	if (d->errors || d->warnings)
		kh_buf_printf(out, "%u error%s, %u warning%s\n", d->errors, d->errors == 1 ? "" : "s",
			      d->warnings, d->warnings == 1 ? "" : "s");
}

void kh_json_string(kh_buf *out, const char *s)
{
	kh_buf_putc(out, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': kh_buf_puts(out, "\\\""); break;
		case '\\': kh_buf_puts(out, "\\\\"); break;
		case '\n': kh_buf_puts(out, "\\n"); break;
		case '\r': kh_buf_puts(out, "\\r"); break;
		case '\t': kh_buf_puts(out, "\\t"); break;
		case '\b': kh_buf_puts(out, "\\b"); break;
		case '\f': kh_buf_puts(out, "\\f"); break;
		default:
			if (*p < 0x20) {
				kh_buf_printf(out, "\\u%04x", *p);
			} else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
				/* U+2028/2029 are valid JSON but break JavaScript parsers. */
				kh_buf_puts(out, p[2] == 0xA8 ? "\\u2028" : "\\u2029");
				p += 2;
			} else {
				kh_buf_putc(out, (char)*p);
			}
		}
	}
	kh_buf_putc(out, '"');
}

static void json_location(const kh_diag *x, kh_buf *out)
{
	const kh_source *src = kh_source_get(x->span.file);
	unsigned line = 0, col = 0, eline = 0, ecol = 0;
	kh_buf_puts(out, "\"file\": ");
	if (src) {
		kh_source_locate(src, x->span.start, &line, &col);
		kh_source_locate(src, x->span.end > x->span.start ? x->span.end : x->span.start, &eline,
				 &ecol);
		kh_json_string(out, src->path);
	} else if (x->path) {
		kh_json_string(out, x->path);
	} else {
		kh_buf_puts(out, "null");
	}
	kh_buf_printf(out, ", \"line\": %u, \"column\": %u, \"end_line\": %u, \"end_column\": %u",
		      line, col, eline, ecol);
}

/* One finding per line, so the output diffs well and greps well. */
void kh_diags_print_json(const kh_diags *d, kh_buf *out)
{
	kh_buf_puts(out, "{\n  \"findings\": [");
	for (const kh_diag *x = d->first; x; x = x->next) {
		kh_buf_puts(out, x == d->first ? "\n    {" : ",\n    {");
		json_location(x, out);
		kh_buf_printf(out, ", \"severity\": \"%s\", \"rule\": ", severity_word(x->severity));
		kh_json_string(out, x->rule ? x->rule : "");
		kh_buf_puts(out, ", \"message\": ");
		kh_json_string(out, x->message);
		kh_buf_puts(out, ", \"notes\": [");
		for (const kh_diag *n = x->notes; n; n = n->next) {
			kh_buf_puts(out, n == x->notes ? "{" : ", {");
			json_location(n, out);
			kh_buf_puts(out, ", \"message\": ");
			kh_json_string(out, n->message);
			kh_buf_puts(out, "}");
		}
		kh_buf_puts(out, "]}");
	}
	kh_buf_printf(out, "%s],\n  \"errors\": %u,\n  \"warnings\": %u\n}\n", d->first ? "\n  " : "",
		      d->errors, d->warnings);
}

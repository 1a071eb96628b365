/*
 * diag.c - findings: kept on a list in the order they were made, sorted
 * into source order, then printed GCC-style (location, severity, message,
 * [rule], the source line and a caret under the span) or as JSON.
 * Part of kehoach; see README.md for the licence.
 */
#include "diag.h"
#include "i18n.h"
#include "unichar.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

static kh_diag *append(kh_diags *d, kh_severity sev, kh_span span, const char *rule,
		       const char *path, char *msg)
{
	kh_diag *x = KH_NEW(kh_diag);
	x->severity = sev;
	x->span = span;
	x->rule = rule ? kh_strdup(rule) : NULL;
	x->path = path ? kh_strdup(path) : NULL;
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

kh_diag *kh_diag_addv(kh_diags *d, kh_severity sev, kh_span span, const char *rule,
		      const char *fmt, va_list ap)
{
	return append(d, sev, span, rule, NULL, kh_vprintf(fmt, ap));
}

kh_diag *kh_diag_add(kh_diags *d, kh_severity sev, kh_span span, const char *rule,
		     const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	kh_diag *x = kh_diag_addv(d, sev, span, rule, fmt, ap);
	va_end(ap);
	return x;
}

kh_diag *kh_diag_add_path(kh_diags *d, kh_severity sev, const char *path, const char *rule,
			  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = kh_vprintf(fmt, ap);
	va_end(ap);
	return append(d, sev, (kh_span){ -1, 0, 0 }, rule, path, msg);
}

void kh_diag_suppress(kh_diags *d, kh_diag *x, kh_span at, const char *reason)
{
	if (x->suppressed)
		return;
	x->suppressed = reason ? reason : "";
	x->suppressed_at = at;
	if (x->severity == KH_ERROR)
		d->errors--;
	else if (x->severity == KH_WARNING)
		d->warnings--;
}

void kh_diag_note(kh_diag *parent, kh_span span, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	kh_diag *n = KH_NEW(kh_diag);
	n->severity = KH_NOTE;
	n->span = span;
	n->message = kh_vprintf(fmt, ap);
	va_end(ap);
	kh_diag **tail = &parent->notes;
	while (*tail)
		tail = &(*tail)->next;
	n->seq = parent->seq;
	*tail = n;
}

/* ------------------------------------------------------------------ */
/* Sorting                                                            */

/* Order: findings without a file first, then by file id, offset, insertion. */
static int before(const kh_diag *a, const kh_diag *b)
{
	if (a->span.file != b->span.file)
		return a->span.file < b->span.file; /* -1 sorts first */
	if (a->span.start != b->span.start)
		return a->span.start < b->span.start;
	return a->seq < b->seq;
}

/*
 * Merge sort of the list: O(n log n) on a list without extra arrays, and
 * stable (ties keep insertion order, which the seq key makes explicit).
 */
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
	kh_diag *out = NULL, **tail = &out;
	while (a && b) {
		kh_diag **pick = before(b, a) ? &b : &a;
		*tail = *pick;
		tail = &(*pick)->next;
		*pick = (*pick)->next;
	}
	*tail = a ? a : b;
	return out;
}

void kh_diags_sort(kh_diags *d)
{
	unsigned n = 0;
	for (kh_diag *x = d->first; x; x = x->next)
		n++;
	d->first = merge_sort(d->first, n);
	d->last = d->first;
	while (d->last && d->last->next)
		d->last = d->last->next;
}

/* ------------------------------------------------------------------ */
/* Text                                                               */

/* GCC's default colours (GCC_COLORS): bold locus, then the severity. */
#define C_LOCUS "\033[01m\033[K"
#define C_ERROR "\033[01;31m\033[K"
#define C_WARNING "\033[01;35m\033[K"
#define C_NOTE "\033[01;36m\033[K"
#define C_CARET "\033[01;32m\033[K"
#define C_END "\033[m\033[K"

#define KH_SHOW_MAX 400 /* longer source lines are cut to this many bytes */
#define KH_SHOW_BEFORE 80 /* ... keeping this many bytes before the caret */

/* English in JSON and SARIF (machine fields), translated in text as GCC does. */
static const char *const sev_word[] = {
	/* TRANSLATORS: the severity word of "file:line:col: note: message". */
	N_("note"),
	/* TRANSLATORS: the severity word of "file:line:col: warning: message". */
	N_("warning"),
	/* TRANSLATORS: the severity word of "file:line:col: error: message". */
	N_("error"),
};
static const char *const sev_color[] = { C_NOTE, C_WARNING, C_ERROR };

static const char *severity_word(kh_severity s)
{
	return (unsigned)s <= KH_ERROR ? sev_word[s] : "error";
}

/* The source of SPAN, or NULL when it has none (file -1 or unknown id). */
static const kh_source *span_source(kh_span span)
{
	return span.file < 0 ? NULL : kh_source_get(span.file);
}

/*
 * Appends one code point or byte of a source line for display and
 * returns how many bytes of T it covers. Anything that could upset a
 * terminal is replaced by one visible character: C0 controls and DEL by
 * their Control Pictures (NUL shows as ␀), C1 controls and bytes that are
 * not UTF-8 (only possible in a file that failed its checks) by U+FFFD.
 * Every replacement takes one column, like the code point it stands for.
 */
static size_t show_unit(kh_buf *out, const char *t, size_t avail)
{
	unsigned char b = (unsigned char)t[0];
	if (b == '\t' || (b >= 0x20 && b < 0x7F)) {
		kh_buf_putc(out, (char)b);
		return 1;
	}
	if (b < 0x20 || b == 0x7F) {
		utf8proc_uint8_t pic[4];
		utf8proc_ssize_t n = utf8proc_encode_char(b == 0x7F ? 0x2421 : 0x2400 + b, pic);
		kh_buf_put(out, (const char *)pic, (size_t)n);
		return 1;
	}
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)t, (utf8proc_ssize_t)avail,
					      &cp);
	/* Bidi controls, invisible characters and noncharacters are shown as
	 * U+FFFD too: the caret line must read as the file is parsed. */
	if (n <= 0 || cp < 0xA0 || kh_char_classify(cp) != KH_CHAR_OK) {
		kh_buf_puts(out, "\xEF\xBF\xBD");
		return n <= 0 ? 1 : (size_t)n;
	}
	kh_buf_put(out, t, (size_t)n);
	return (size_t)n;
}

/* Moves P back to the start of the code point it is in (not before LO). */
static size_t cp_start(const char *t, size_t p, size_t lo)
{
	while (p > lo && ((unsigned char)t[p] & 0xC0) == 0x80)
		p--;
	return p;
}

static unsigned digits(unsigned n)
{
	unsigned d = 1;
	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

/*
 * Prints the source line of SPAN and a caret line under it, as GCC 12:
 *
 *    12 |   gửi x qua y
 *       |       ^~~~
 *
 * The caret goes under the span's first character and '~' under the rest
 * of the span on that line. Alignment assumes every code point is one
 * column wide (true for Vietnamese; wide CJK or emoji would drift), and
 * tabs in the line are copied into the caret line at the same place so a
 * terminal expands both alike. A line longer than KH_SHOW_MAX bytes is
 * cut to a window around the caret, with "…" marking what was left out.
 */
static void show_excerpt(kh_buf *out, const kh_source *s, kh_span span, unsigned line, int color)
{
	size_t len;
	const char *t = kh_source_line(s, line, &len); /* as written: its own offsets */
	size_t base = line >= 1 && line <= s->nlines ? s->line_starts[line - 1] : s->len;
	size_t ls = 0, le = len;
	size_t start = span.start > s->len ? s->len : span.start;
	size_t end = span.end > s->len ? s->len : span.end;
	if (end < start)
		end = start;
	start = start > base ? start - base : 0;
	end = end > base ? end - base : 0;

	size_t ws = ls, we = le; /* the window of the line shown */
	if (len > KH_SHOW_MAX) {
		if (start > ls + KH_SHOW_BEFORE)
			ws = cp_start(t, (start < le ? start : le) - KH_SHOW_BEFORE, ls);
		if (le - ws > KH_SHOW_MAX)
			we = cp_start(t, ws + KH_SHOW_MAX, ws);
	}

	unsigned w = digits(line) < 4 ? 4 : digits(line);
	kh_buf_printf(out, " %*u | ", (int)w, line);
	kh_buf caret = { 0 };
	kh_buf_printf(&caret, " %*s | ", (int)w, "");
	size_t marked = 0; /* caret.data up to the last '^' or '~' */
	int placed = 0;
	if (ws > ls) {
		kh_buf_puts(out, "…");
		kh_buf_putc(&caret, ' ');
	}
	for (size_t i = ws; i < we;) {
		size_t n = show_unit(out, t + i, we - i);
		char c = t[i] == '\t' ? '\t' : ' ';
		if (i + n > start && !placed) {
			c = '^';
			placed = 1;
		} else if (placed && i < end && c != '\t') {
			c = '~';
		}
		if (c == '^' && color)
			kh_buf_puts(&caret, C_CARET);
		kh_buf_putc(&caret, c);
		if (placed && (c == '^' || c == '~'))
			marked = caret.len;
		i += n;
	}
	if (we < le)
		kh_buf_puts(out, "…");
	kh_buf_putc(out, '\n');
	if (!placed) { /* the span starts at (or past) the end of what is shown */
		if (color)
			kh_buf_puts(&caret, C_CARET);
		kh_buf_putc(&caret, '^');
		marked = caret.len;
	}
	kh_buf_put(out, caret.data, marked);
	if (color)
		kh_buf_puts(out, C_END);
	kh_buf_putc(out, '\n');
}

/* Prints one finding or note; FALLBACK names the file of a note without a location. */
static void print_one(kh_buf *out, const kh_diag *x, const char *fallback, int color)
{
	const kh_source *s = span_source(x->span);
	unsigned line = 0, col = 0;
	if (color)
		kh_buf_puts(out, C_LOCUS);
	if (s) {
		kh_source_locate(s, x->span.start, &line, &col);
		kh_buf_printf(out, "%s:%u:%u:", s->path, line, col);
	} else {
		const char *p = x->path ? x->path : fallback;
		kh_buf_printf(out, "%s:", p ? p : "kehoach");
	}
	if (color)
		kh_buf_puts(out, C_END);
	const char *word = _(severity_word(x->severity));
	if (color)
		kh_buf_printf(out, " %s%s:" C_END " %s", sev_color[x->severity], word, x->message);
	else
		kh_buf_printf(out, " %s: %s", word, x->message);
	if (x->rule) {
		if (color)
			kh_buf_printf(out, " [%s%s" C_END "]", sev_color[x->severity], x->rule);
		else
			kh_buf_printf(out, " [%s]", x->rule);
	}
	kh_buf_putc(out, '\n');
	if (s)
		show_excerpt(out, s, x->span, line, color);
}

/* The file name a finding is about, for its notes and for JSON. */
static const char *diag_file(const kh_diag *x)
{
	const kh_source *s = span_source(x->span);
	return s ? s->path : x->path;
}

void kh_diags_print_text(const kh_diags *d, kh_buf *out, int color)
{
	for (const kh_diag *x = d->first; x; x = x->next) {
		if (x->suppressed)
			continue;
		print_one(out, x, NULL, color);
		for (const kh_diag *n = x->notes; n; n = n->next)
			print_one(out, n, diag_file(x), color);
	}
}

/* ------------------------------------------------------------------ */
/* JSON                                                               */

/*
 * Escapes as RFC 8259 requires, plus U+2028/U+2029 (JavaScript string
 * literals cannot hold them raw). Other UTF-8 passes through; a byte that
 * is not valid UTF-8 (say, from a file name) becomes U+FFFD so the output
 * stays valid JSON.
 */
void kh_json_string(kh_buf *out, const char *s)
{
	if (!s) {
		kh_buf_puts(out, "null");
		return;
	}
	kh_buf_putc(out, '"');
	const char *run = s; /* start of bytes not yet copied */
	while (*s) {
		unsigned char c = (unsigned char)*s;
		const char *esc = NULL;
		char tmp[8];
		size_t n = 1;
		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\t': esc = "\\t"; break;
		case '\r': esc = "\\r"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		default:
			if (c < 0x20) {
				snprintf(tmp, sizeof tmp, "\\u%04x", c);
				esc = tmp;
			} else if (c >= 0xC2 && c <= 0xDF && ((unsigned char)s[1] & 0xC0) == 0x80) {
				n = 2; /* Latin-1 to U+07FF, ư ơ đ ă: well formed, nothing to escape */
			} else if (c == 0xE1 && ((unsigned char)s[1] & 0xC0) == 0x80 &&
				   ((unsigned char)s[2] & 0xC0) == 0x80) {
				n = 3; /* U+1000..U+1FFF, the toned Vietnamese letters */
			} else if (c >= 0x80) {
				utf8proc_int32_t cp;
				utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp);
				if (k <= 0)
					esc = "\xEF\xBF\xBD";
				else if (cp == 0x2028)
					esc = "\\u2028";
				else if (cp == 0x2029)
					esc = "\\u2029";
				n = k <= 0 ? 1 : (size_t)k;
			}
		}
		if (esc) {
			kh_buf_put(out, run, (size_t)(s - run));
			kh_buf_puts(out, esc);
			run = s + n;
		}
		s += n;
	}
	kh_buf_put(out, run, (size_t)(s - run));
	kh_buf_putc(out, '"');
}

/* "line": L, "column": C of OFFSET in SPAN's file, or 0, 0 without one. */
static void json_pos(kh_buf *out, kh_span span, size_t offset, const char *lkey, const char *ckey)
{
	const kh_source *s = span_source(span);
	unsigned line = 0, col = 0;
	if (s)
		kh_source_locate(s, offset, &line, &col);
	kh_buf_printf(out, "\"%s\": %u, \"%s\": %u", lkey, line, ckey, col);
}

/*
 * The JSON form, stable and line-oriented so that diffs stay readable:
 * one finding per line, keys in a fixed order, notes inline.
 *
 * {
 *   "findings": [
 *     {"file": "x.kh", "line": 3, "column": 5, "end_line": 3, "end_column": 9,
 *      "severity": "error", "rule": "syntax-error", "message": "...",
 *      "notes": [{"file": "x.kh", "line": 1, "column": 1, "message": "..."}]},
 *     ...
 *   ],
 *   "errors": 1,
 *   "warnings": 0
 * }
 *
 * (each finding really is on one line). Columns count code points and
 * end_column is exclusive. A finding silenced in the file is listed
 * with "suppressed": "<reason>" and not counted. A finding without a location has line and
 * column 0 and "file" set to its path, or null.
 */
void kh_diags_print_json(const kh_diags *d, kh_buf *out)
{
	kh_buf_puts(out, "{\n  \"findings\": [");
	for (const kh_diag *x = d->first; x; x = x->next) {
		kh_buf_puts(out, x == d->first ? "\n    {\"file\": " : ",\n    {\"file\": ");
		kh_json_string(out, diag_file(x));
		kh_buf_puts(out, ", ");
		json_pos(out, x->span, x->span.start, "line", "column");
		kh_buf_puts(out, ", ");
		json_pos(out, x->span, x->span.end < x->span.start ? x->span.start : x->span.end,
			 "end_line", "end_column");
		kh_buf_printf(out, ", \"severity\": \"%s\", \"rule\": ", severity_word(x->severity));
		kh_json_string(out, x->rule);
		kh_buf_puts(out, ", \"message\": ");
		kh_json_string(out, x->message);
		if (x->suppressed) {
			kh_buf_puts(out, ", \"suppressed\": ");
			kh_json_string(out, x->suppressed);
		}
		kh_buf_puts(out, ", \"notes\": [");
		for (const kh_diag *n = x->notes; n; n = n->next) {
			kh_buf_puts(out, n == x->notes ? "{\"file\": " : ", {\"file\": ");
			const char *f = span_source(n->span) ? diag_file(n) : diag_file(x);
			kh_json_string(out, f);
			kh_buf_puts(out, ", ");
			json_pos(out, n->span, n->span.start, "line", "column");
			kh_buf_puts(out, ", \"message\": ");
			kh_json_string(out, n->message);
			kh_buf_putc(out, '}');
		}
		kh_buf_puts(out, "]}");
	}
	kh_buf_puts(out, d->first ? "\n  ],\n" : "],\n");
	kh_buf_printf(out, "  \"errors\": %u,\n  \"warnings\": %u\n}\n", d->errors, d->warnings);
}

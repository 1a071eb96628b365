/*
 * props.c - see props.h: the shared helpers (props_int.h), and the JSON,
 * SARIF, CSV, plain text and Word (zip) validators. iCalendar is in
 * props_ics.c, HTML and SVG in props_markup.c.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "props.h"
#include "props_int.h"

PROPS_UNTRACED_BEGIN

bool props_fail(char *why, size_t whylen, size_t at, const char *fmt, ...)
{
	if (!why || !whylen)
		return false;
	int n = snprintf(why, whylen, "byte %zu: ", at);
	if (n < 0 || (size_t)n >= whylen)
		return false;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why + n, whylen - (size_t)n, fmt, ap);
	va_end(ap);
	return false;
}

size_t props_utf8(const unsigned char *s, size_t len, size_t i, uint32_t *cp)
{
	unsigned char b = s[i];
	size_t n;
	uint32_t c, min;
	if (b < 0x80) {
		*cp = b;
		return 1;
	}
	if (b >= 0xC2 && b <= 0xDF)
		n = 2, c = b & 0x1F, min = 0x80;
	else if (b >= 0xE0 && b <= 0xEF)
		n = 3, c = b & 0x0F, min = 0x800;
	else if (b >= 0xF0 && b <= 0xF4)
		n = 4, c = b & 0x07, min = 0x10000;
	else
		return 0;
	if (len - i < n)
		return 0;
	for (size_t k = 1; k < n; k++) {
		if ((s[i + k] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i + k] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

bool props_nonchar(uint32_t c)
{
	return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

bool props_control(uint32_t c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
}

/* ------------------------------------------------------------------ */
/* JSON (RFC 8259)                                                    */

typedef struct jv {
	const unsigned char *s;
	size_t len, i;
	char *why;
	size_t whylen;
	unsigned char *stack;     /* '{' or '[' per open container: grows, no fixed depth */
	size_t depth, cap;
} jv;

static void json_ws(jv *j)
{
	while (j->i < j->len && (j->s[j->i] == ' ' || j->s[j->i] == '\t' || j->s[j->i] == '\r' ||
				 j->s[j->i] == '\n'))
		j->i++;
}

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* \uXXXX at S[I] (the backslash): its value, or -1. */
static long json_u4(const jv *j, size_t i)
{
	if (j->len - i < 6 || j->s[i] != '\\' || j->s[i + 1] != 'u')
		return -1;
	long v = 0;
	for (size_t k = 2; k < 6; k++) {
		int h = hexval(j->s[i + k]);
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/* One escape at the backslash; a high surrogate must be followed by a low one. */
static bool json_escape(jv *j)
{
	size_t at = j->i;
	if (j->len - at < 2)
		return props_fail(j->why, j->whylen, at, "string ends inside an escape");
	unsigned char e = j->s[at + 1];
	if (e != 'u') {
		if (!e || !strchr("\"\\/bfnrt", e))
			return props_fail(j->why, j->whylen, at, "bad escape '\\%c'", e);
		j->i += 2;
		return true;
	}
	long u = json_u4(j, at);
	if (u < 0)
		return props_fail(j->why, j->whylen, at, "\\u needs four hex digits");
	j->i += 6;
	if (u >= 0xDC00 && u <= 0xDFFF)
		return props_fail(j->why, j->whylen, at, "lone low surrogate \\u%04lX", u);
	if (u >= 0xD800 && u <= 0xDBFF) {
		long lo = json_u4(j, j->i);
		if (lo < 0xDC00 || lo > 0xDFFF)
			return props_fail(j->why, j->whylen, at, "high surrogate \\u%04lX unpaired", u);
		j->i += 6;
	}
	return true;
}

static bool json_string(jv *j)
{
	size_t start = j->i++;
	while (j->i < j->len) {
		unsigned char c = j->s[j->i];
		uint32_t cp;
		size_t n;
		if (c == '"') {
			j->i++;
			return true;
		}
		if (c == '\\') {
			if (!json_escape(j))
				return false;
		} else if (c < 0x20) {
			return props_fail(j->why, j->whylen, j->i, "raw control 0x%02X in a string", c);
		} else if (!(n = props_utf8(j->s, j->len, j->i, &cp))) {
			return props_fail(j->why, j->whylen, j->i, "invalid UTF-8 in a string");
		} else {
			j->i += n;
		}
	}
	return props_fail(j->why, j->whylen, start, "unterminated string");
}

static size_t digits(const jv *j, size_t i)
{
	size_t n = 0;
	while (i + n < j->len && j->s[i + n] >= '0' && j->s[i + n] <= '9')
		n++;
	return n;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool json_number(jv *j)
{
	size_t at = j->i, i = j->i, n;
	if (i < j->len && j->s[i] == '-')
		i++;
	if (!(n = digits(j, i)))
		return props_fail(j->why, j->whylen, at, "not a value");
	if (j->s[i] == '0' && n > 1)
		return props_fail(j->why, j->whylen, at, "number with a leading zero");
	i += n;
	if (i < j->len && j->s[i] == '.') {
		if (!(n = digits(j, ++i)))
			return props_fail(j->why, j->whylen, at, "no digit after '.'");
		i += n;
	}
	if (i < j->len && (j->s[i] == 'e' || j->s[i] == 'E')) {
		if (++i < j->len && (j->s[i] == '+' || j->s[i] == '-'))
			i++;
		if (!(n = digits(j, i)))
			return props_fail(j->why, j->whylen, at, "no digit in the exponent");
		i += n;
	}
	j->i = i;
	return true;
}

static bool json_scalar(jv *j)
{
	static const char *const words[] = { "true", "false", "null" };
	unsigned char c = j->s[j->i];
	if (c == '"')
		return json_string(j);
	for (size_t k = 0; k < 3; k++) {
		size_t n = strlen(words[k]);
		if (j->len - j->i >= n && !memcmp(j->s + j->i, words[k], n)) {
			j->i += n;
			return true;
		}
	}
	return json_number(j);
}

static bool json_push(jv *j, unsigned char c)
{
	if (j->depth == j->cap) {
		size_t cap = j->cap ? j->cap * 2 : 64;
		unsigned char *s = realloc(j->stack, cap);
		if (!s)
			return props_fail(j->why, j->whylen, j->i, "out of memory at depth %zu", j->depth);
		j->stack = s;
		j->cap = cap;
	}
	j->stack[j->depth++] = c;
	j->i++;
	return true;
}

/* "key" ws ':' at the current position (after '{' or ','). */
static bool json_key(jv *j)
{
	json_ws(j);
	if (j->i >= j->len || j->s[j->i] != '"')
		return props_fail(j->why, j->whylen, j->i, "expected a key string");
	if (!json_string(j))
		return false;
	json_ws(j);
	if (j->i >= j->len || j->s[j->i] != ':')
		return props_fail(j->why, j->whylen, j->i, "expected ':' after the key");
	j->i++;
	return true;
}

/* After a value: ',' (then a key in an object), or a close; true and
 * *MORE when another value follows. */
static bool json_after(jv *j, bool *more)
{
	for (;;) {
		json_ws(j);
		*more = false;
		if (!j->depth)
			return true;
		unsigned char open = j->stack[j->depth - 1], close = open == '{' ? '}' : ']';
		if (j->i < j->len && j->s[j->i] == close) {
			j->depth--;
			j->i++;
			continue;
		}
		if (j->i >= j->len || j->s[j->i] != ',')
			return props_fail(j->why, j->whylen, j->i, "expected ',' or '%c'", close);
		j->i++;
		*more = true;
		return open == '[' || json_key(j);
	}
}

/* Iterative: a value, then what follows it, until the top level closes. */
static bool json_run(jv *j)
{
	bool more = true;
	while (more) {
		json_ws(j);
		if (j->i >= j->len)
			return props_fail(j->why, j->whylen, j->i, "expected a value");
		unsigned char c = j->s[j->i];
		if (c == ']' || c == '}')
			return props_fail(j->why, j->whylen, j->i, "'%c' where a value belongs "
					  "(a trailing comma?)", c);
		if (c == '{' || c == '[') {
			if (!json_push(j, c))
				return false;
			json_ws(j);
			if (j->i < j->len && j->s[j->i] == (c == '{' ? '}' : ']')) {
				j->depth--;
				j->i++;
			} else if (c == '[' || json_key(j)) {
				continue;
			} else {
				return false;
			}
		} else if (!json_scalar(j)) {
			return false;
		}
		if (!json_after(j, &more))
			return false;
	}
	if (j->i != j->len)
		return props_fail(j->why, j->whylen, j->i, "text after the value");
	return true;
}

bool kh_prop_json(const char *data, size_t len, char *why, size_t whylen)
{
	jv j = { (const unsigned char *)data, len, 0, why, whylen, NULL, 0, 0 };
	bool ok = json_run(&j);
	free(j.stack);
	return ok;
}

/* The end of the (valid) value at S[I]: strings skipped, brackets counted. */
static size_t json_skip(const unsigned char *s, size_t len, size_t i)
{
	size_t depth = 0;
	do {
		if (s[i] == '"') {
			for (i++; s[i] != '"'; i++)
				i += s[i] == '\\';
		} else if (s[i] == '{' || s[i] == '[') {
			depth++;
		} else if (s[i] == '}' || s[i] == ']') {
			depth--;
		} else if (!depth) {
			while (i + 1 < len && !strchr(",}] \t\r\n", s[i + 1]))
				i++;
		}
		i++;
	} while (depth && i < len);
	return i;
}

static size_t skip_ws(const unsigned char *s, size_t len, size_t i)
{
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	return i;
}

/* Is the string S[K..E) (quotes included) "NAME"? As written: kehoach
 * writes no escapes in keys. */
static bool key_is(const unsigned char *s, size_t k, size_t e, const char *name)
{
	size_t n = strlen(name);
	return e - k == n + 2 && !memcmp(s + k + 1, name, n);
}

/* A light look at the top level of a (valid) log. */
bool kh_prop_sarif(const char *data, size_t len, char *why, size_t whylen)
{
	if (!kh_prop_json(data, len, why, whylen))
		return false;
	const unsigned char *s = (const unsigned char *)data;
	size_t i = skip_ws(s, len, 0);
	bool version = false, runs = false;
	if (s[i] != '{')
		return props_fail(why, whylen, i, "SARIF: the top level is not an object");
	for (i = skip_ws(s, len, i + 1); i < len && s[i] == '"';) {
		size_t ke = json_skip(s, len, i);
		size_t v = skip_ws(s, len, skip_ws(s, len, ke) + 1); /* past the ':' */
		if (key_is(s, i, ke, "version"))
			version = len - v >= 7 && !memcmp(s + v, "\"2.1.0\"", 7);
		if (key_is(s, i, ke, "runs"))
			runs = s[v] == '[';
		i = skip_ws(s, len, json_skip(s, len, v));
		if (i < len && s[i] == ',')
			i = skip_ws(s, len, i + 1);
	}
	if (!version)
		return props_fail(why, whylen, 0, "SARIF: no \"version\": \"2.1.0\" at the top level");
	if (!runs)
		return props_fail(why, whylen, 0, "SARIF: no \"runs\" array at the top level");
	return true;
}

/* ------------------------------------------------------------------ */
/* Plain text and Markdown                                            */

static bool bidi_control(uint32_t c)
{
	return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool kh_prop_text(const char *data, size_t len, char *why, size_t whylen)
{
	const unsigned char *s = (const unsigned char *)data;
	for (size_t i = 0; i < len;) {
		uint32_t c;
		size_t n = props_utf8(s, len, i, &c);
		if (!n)
			return props_fail(why, whylen, i, "invalid UTF-8 (0x%02X)", s[i]);
		if (c == 0x1B)
			return props_fail(why, whylen, i, "ESC: a terminal escape sequence");
		if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F))
			return props_fail(why, whylen, i, "control character U+%04X", (unsigned)c);
		if (bidi_control(c))
			return props_fail(why, whylen, i, "bidirectional control U+%04X", (unsigned)c);
		i += n;
	}
	return true;
}

/* ------------------------------------------------------------------ */
/* CSV (RFC 4180)                                                     */

/* UTF-8, no controls but TAB, LF, CR (inside quoted cells). */
static bool csv_chars(const unsigned char *s, size_t len, char *why, size_t whylen)
{
	for (size_t i = 0; i < len;) {
		uint32_t c;
		size_t n = props_utf8(s, len, i, &c);
		if (!n)
			return props_fail(why, whylen, i, "invalid UTF-8 (0x%02X)", s[i]);
		if (props_control(c))
			return props_fail(why, whylen, i, "control character U+%04X", (unsigned)c);
		i += n;
	}
	return true;
}

/* One field at *I, quoted or not; *FIRST gets its first character (or -1). */
static bool csv_field(const unsigned char *s, size_t len, size_t *i, int *first, char *why,
		      size_t whylen)
{
	size_t at = *i, p = *i;
	*first = -1;
	if (p < len && s[p] == '"') {
		for (p++;; p++) {
			if (p >= len)
				return props_fail(why, whylen, at, "quoted field not closed");
			if (s[p] == '"' && (p + 1 >= len || s[p + 1] != '"'))
				break;
			if (*first < 0)
				*first = s[p];
			p += s[p] == '"';  /* "" is one quote */
		}
		*i = p + 1;
		return true;
	}
	for (; p < len && s[p] != ',' && s[p] != '\r' && s[p] != '\n'; p++) {
		if (s[p] == '"')
			return props_fail(why, whylen, p, "quote inside an unquoted field");
		if (*first < 0)
			*first = s[p];
	}
	*i = p;
	return true;
}

bool kh_prop_csv(const char *data, size_t len, char *why, size_t whylen)
{
	const unsigned char *s = (const unsigned char *)data;
	size_t i = len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3) ? 3 : 0;
	size_t width = 0, row = 0, col = 0;
	if (i == len)
		return props_fail(why, whylen, i, "no header row");
	if (!csv_chars(s, len, why, whylen))
		return false;
	for (;;) {
		size_t at = i;
		int first;
		if (!csv_field(s, len, &i, &first, why, whylen))
			return false;
		if (first >= 0 && strchr("=+-@\t\r", first))
			return props_fail(why, whylen, at, "row %zu: a cell starting with 0x%02X is "
					  "a formula (guard it with ')", row + 1, first);
		col++;
		if (i < len && s[i] == ',') {
			i++;
			continue;
		}
		if (len - i < 2 || s[i] != '\r' || s[i + 1] != '\n')
			return props_fail(why, whylen, i, i == len ? "the last row has no CRLF"
					  : "expected ',' or CRLF after a field");
		if (!row)
			width = col;
		else if (col != width)
			return props_fail(why, whylen, i, "row %zu has %zu fields, the header %zu",
					  row + 1, col, width);
		row++;
		col = 0;
		if ((i += 2) == len)
			return true;
	}
}

/* ------------------------------------------------------------------ */
/* Word files: the zip container                                      */

static unsigned rd16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static size_t rd32(const unsigned char *p)
{
	return (size_t)p[0] | (size_t)p[1] << 8 | (size_t)p[2] << 16 | (size_t)p[3] << 24;
}

/* The end of central directory record: the last one, its comment ending the file. */
static size_t zip_eocd(const unsigned char *s, size_t len)
{
	for (size_t i = len - 22 + 1; i-- > 0 && len - i <= 22 + 0xFFFF;)
		if (!memcmp(s + i, "PK\x05\x06", 4) && i + 22 + rd16(s + i + 20) == len)
			return i;
	return (size_t)-1;
}

/* A safe part name: relative, '/'-separated, no "." or ".." segment. */
static bool zip_name_ok(const unsigned char *n, size_t len)
{
	if (!len || n[0] == '/' || memchr(n, '\\', len) || memchr(n, 0, len))
		return false;
	for (size_t i = 0; i < len;) {
		size_t e = i;
		while (e < len && n[e] != '/')
			e++;
		if (e == i || (e - i == 1 && n[i] == '.') || (e - i == 2 && !memcmp(n + i, "..", 2)))
			return false;
		i = e + 1;
	}
	return true;
}

/* One central directory entry at *P (the directory is [CD, CD_END)): its
 * local header and data lie before the directory; *P moves on. */
static bool zip_entry(const unsigned char *s, size_t cd, size_t cd_end, size_t *p, char *why,
		      size_t whylen)
{
	size_t c = *p;
	if (cd_end - c < 46 || memcmp(s + c, "PK\x01\x02", 4))
		return props_fail(why, whylen, c, "zip: bad central directory entry");
	size_t nlen = rd16(s + c + 28), size = rd32(s + c + 20), off = rd32(s + c + 42);
	size_t next = c + 46 + nlen + rd16(s + c + 30) + rd16(s + c + 32);
	unsigned method = rd16(s + c + 10);
	if (next > cd_end || !zip_name_ok(s + c + 46, nlen))
		return props_fail(why, whylen, c, "zip: bad entry name");
	if (method != 0 && method != 8)
		return props_fail(why, whylen, c, "zip: compression method %u", method);
	if (off > cd || cd - off < 30 + nlen || memcmp(s + off, "PK\x03\x04", 4) ||
	    rd16(s + off + 26) != nlen || memcmp(s + off + 30, s + c + 46, nlen))
		return props_fail(why, whylen, c, "zip: local header does not match the directory");
	size_t data = off + 30 + nlen + rd16(s + off + 28);
	if (data > cd || cd - data < size)
		return props_fail(why, whylen, off, "zip: entry data runs past the directory");
	*p = next;
	return true;
}

static bool zip_has(const unsigned char *s, size_t cd, size_t n, const char *name)
{
	size_t want = strlen(name);
	for (size_t k = 0, c = cd; k < n; k++) {
		size_t nlen = rd16(s + c + 28);
		if (nlen == want && !memcmp(s + c + 46, name, want))
			return true;
		c += 46 + nlen + rd16(s + c + 30) + rd16(s + c + 32);
	}
	return false;
}

bool kh_prop_docx(const char *data, size_t len, char *why, size_t whylen)
{
	static const char *const parts[] = { "[Content_Types].xml", "_rels/.rels",
					     "word/document.xml" };
	const unsigned char *s = (const unsigned char *)data;
	if (len < 4 || memcmp(s, "PK\x03\x04", 4))
		return props_fail(why, whylen, 0, "zip: does not start with PK\\3\\4");
	size_t e = len >= 22 ? zip_eocd(s, len) : (size_t)-1;
	if (e == (size_t)-1)
		return props_fail(why, whylen, len, "zip: no end of central directory record");
	size_t n = rd16(s + e + 10), cd_size = rd32(s + e + 12), cd = rd32(s + e + 16);
	if (!n || rd16(s + e + 8) != n || cd > e || e - cd != cd_size)
		return props_fail(why, whylen, e, "zip: the central directory is not where it says");
	size_t p = cd;
	for (size_t k = 0; k < n; k++)
		if (!zip_entry(s, cd, e, &p, why, whylen))
			return false;
	if (p != e)
		return props_fail(why, whylen, p, "zip: the central directory has more than %zu entries", n);
	for (size_t k = 0; k < sizeof parts / sizeof parts[0]; k++)
		if (!zip_has(s, cd, n, parts[k]))
			return props_fail(why, whylen, cd, "zip: no part %s", parts[k]);
	return true;
}

PROPS_UNTRACED_END

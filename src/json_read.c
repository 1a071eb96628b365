/*
 * json_read.c - the strict JSON reader: recursive descent over a byte
 * range, depth-capped, every string checked as UTF-8 and unescaped
 * (surrogate pairs joined; a lone surrogate, which UTF-8 cannot hold,
 * becomes U+FFFD).
 * Part of kehoach; see README.md for the licence.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "json_read.h"
#include "unichar.h"

typedef struct reader {
	const unsigned char *p, *end, *start;
	int depth;
	char *why;
	size_t whylen;
	bool failed;
} reader;

static kh_jv *value(reader *r);

static kh_jv *fail(reader *r, const char *what)
{
	if (!r->failed)
		snprintf(r->why, r->whylen, "%s at byte %zu", what, (size_t)(r->p - r->start));
	r->failed = true;
	return NULL;
}

static void skip_space(reader *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
		r->p++;
}

static bool literal(reader *r, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n))
		return false;
	r->p += n;
	return true;
}

/* Length of the well-formed UTF-8 sequence at P (RFC 3629), 0 if none. */
static size_t utf8_len(const unsigned char *p, const unsigned char *end)
{
	unsigned char b = p[0];
	size_t need;
	unsigned char lo = 0x80, hi = 0xBF;
	if (b < 0x80)
		return 1;
	if (b >= 0xC2 && b <= 0xDF)
		need = 1;
	else if (b >= 0xE0 && b <= 0xEF) {
		need = 2;
		if (b == 0xE0)
			lo = 0xA0;
		else if (b == 0xED)
			hi = 0x9F;
	} else if (b >= 0xF0 && b <= 0xF4) {
		need = 3;
		if (b == 0xF0)
			lo = 0x90;
		else if (b == 0xF4)
			hi = 0x8F;
	} else
		return 0;
	if ((size_t)(end - p) <= need || p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i <= need; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return need + 1;
}

static void put_utf8(kh_buf *b, unsigned long cp)
{
	char s[4];
	if (cp < 0x80) {
		kh_buf_putc(b, (char)cp);
		return;
	}
	if (cp < 0x800) {
		s[0] = (char)(0xC0 | (cp >> 6));
		s[1] = (char)(0x80 | (cp & 0x3F));
		kh_buf_put(b, s, 2);
	} else if (cp < 0x10000) {
		s[0] = (char)(0xE0 | (cp >> 12));
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[2] = (char)(0x80 | (cp & 0x3F));
		kh_buf_put(b, s, 3);
	} else {
		s[0] = (char)(0xF0 | (cp >> 18));
		s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[3] = (char)(0x80 | (cp & 0x3F));
		kh_buf_put(b, s, 4);
	}
}

static int hex4(reader *r, unsigned long *out)
{
	if (r->end - r->p < 4)
		return -1;
	unsigned long v = 0;
	for (int i = 0; i < 4; i++) {
		int d = kh_hex_digit((unsigned char)r->p[i]);
		if (d < 0)
			return -1;
		v = v * 16 + (unsigned long)d;
	}
	r->p += 4;
	*out = v;
	return 0;
}

/* After "\u": one code point, a surrogate pair joined. */
static bool unicode_escape(reader *r, kh_buf *b)
{
	unsigned long cp, lo;
	if (hex4(r, &cp))
		return fail(r, "bad \\u escape"), false;
	if (cp >= 0xD800 && cp <= 0xDBFF && r->end - r->p >= 6 && r->p[0] == '\\' &&
	    r->p[1] == 'u') {
		const unsigned char *save = r->p;
		r->p += 2;
		if (hex4(r, &lo) == 0 && lo >= 0xDC00 && lo <= 0xDFFF)
			cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
		else
			r->p = save;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		cp = 0xFFFD;
	put_utf8(b, cp);
	return true;
}

static bool escape(reader *r, kh_buf *b)
{
	if (r->p >= r->end)
		return fail(r, "unterminated string"), false;
	unsigned char c = *r->p++;
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *at = c ? strchr(from, c) : NULL;
	if (at) {
		kh_buf_putc(b, to[at - from]);
		return true;
	}
	if (c == 'u')
		return unicode_escape(r, b);
	return fail(r, "bad escape in string"), false;
}

/* At the opening quote: the string's bytes, unescaped, into *OUT. */
static bool string(reader *r, const char **out, size_t *len)
{
	kh_buf b = { 0 };
	r->p++;
	for (;;) {
		if (r->p >= r->end)
			return fail(r, "unterminated string"), false;
		unsigned char c = *r->p;
		if (c == '"')
			break;
		if (c < 0x20)
			return fail(r, "control character in string"), false;
		if (c == '\\') {
			r->p++;
			if (!escape(r, &b))
				return false;
			continue;
		}
		size_t n = utf8_len(r->p, r->end);
		if (!n)
			return fail(r, "invalid UTF-8 in string"), false;
		kh_buf_put(&b, (const char *)r->p, n);
		r->p += n;
	}
	r->p++;
	*len = b.len;
	*out = kh_buf_cstr(&b);
	return true;
}

static bool digits(reader *r)
{
	if (r->p >= r->end || *r->p < '0' || *r->p > '9')
		return false;
	while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
		r->p++;
	return true;
}

static kh_jv *number(reader *r)
{
	const unsigned char *s = r->p;
	bool integer = true;
	if (*r->p == '-')
		r->p++;
	if (r->p < r->end && *r->p == '0')
		r->p++;
	else if (!digits(r))
		return fail(r, "bad number");
	if (r->p < r->end && *r->p == '.') {
		r->p++;
		integer = false;
		if (!digits(r))
			return fail(r, "bad number");
	}
	if (r->p < r->end && (*r->p == 'e' || *r->p == 'E')) {
		r->p++;
		integer = false;
		if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
			r->p++;
		if (!digits(r))
			return fail(r, "bad number");
	}
	kh_jv *v = KH_NEW(kh_jv);
	v->type = KH_JV_NUMBER;
	const char *text = kh_strndup((const char *)s, (size_t)(r->p - s));
	v->number = strtod(text, NULL);
	if (integer) {
		errno = 0;
		long long i = strtoll(text, NULL, 10);
		if (errno == 0) {
			v->integer = true;
			v->integer_value = i;
		}
	}
	return v;
}

static void add_member(kh_jv *v, size_t *cap, const char *key, kh_jv *item)
{
	if (v->n == *cap) {
		*cap = *cap ? *cap * 2 : 4;
		v->items = KH_GROW_N(v->items, kh_jv *, *cap);
		if (v->type == KH_JV_OBJECT)
			v->keys = KH_GROW_N(v->keys, const char *, *cap);
	}
	if (v->type == KH_JV_OBJECT)
		v->keys[v->n] = key;
	v->items[v->n++] = item;
}

/* An array or an object, at its opening bracket. */
static kh_jv *container(reader *r, kh_jv_type type)
{
	char close = type == KH_JV_ARRAY ? ']' : '}';
	if (++r->depth > KH_JSON_MAX_DEPTH)
		return fail(r, "nested too deep");
	kh_jv *v = KH_NEW(kh_jv);
	v->type = type;
	size_t cap = 0;
	r->p++;
	skip_space(r);
	if (r->p < r->end && *r->p == close) {
		r->p++;
		r->depth--;
		return v;
	}
	for (;;) {
		const char *key = NULL;
		size_t keylen;
		skip_space(r);
		if (type == KH_JV_OBJECT) {
			if (r->p >= r->end || *r->p != '"')
				return fail(r, "expected a member name");
			if (!string(r, &key, &keylen))
				return NULL;
			skip_space(r);
			if (r->p >= r->end || *r->p != ':')
				return fail(r, "expected ':'");
			r->p++;
		}
		kh_jv *item = value(r);
		if (!item)
			return NULL;
		add_member(v, &cap, key, item);
		skip_space(r);
		if (r->p < r->end && *r->p == ',') {
			r->p++;
			continue;
		}
		if (r->p < r->end && *r->p == close) {
			r->p++;
			r->depth--;
			return v;
		}
		return fail(r, type == KH_JV_ARRAY ? "expected ',' or ']'" : "expected ',' or '}'");
	}
}

static kh_jv *value(reader *r)
{
	skip_space(r);
	if (r->p >= r->end)
		return fail(r, "unexpected end of input");
	kh_jv *v;
	switch (*r->p) {
	case '{':
		return container(r, KH_JV_OBJECT);
	case '[':
		return container(r, KH_JV_ARRAY);
	case '"':
		v = KH_NEW(kh_jv);
		v->type = KH_JV_STRING;
		return string(r, &v->str, &v->len) ? v : NULL;
	case 't':
	case 'f':
	case 'n':
		v = KH_NEW(kh_jv);
		v->type = KH_JV_BOOL;
		if (literal(r, "true")) {
			v->boolean = true;
			return v;
		}
		if (literal(r, "false"))
			return v;
		v->type = KH_JV_NULL;
		if (literal(r, "null"))
			return v;
		return fail(r, "unexpected word");
	default:
		if (*r->p == '-' || (*r->p >= '0' && *r->p <= '9'))
			return number(r);
		return fail(r, "unexpected character");
	}
}

kh_jv *kh_json_parse(const char *text, size_t len, char *why, size_t whylen)
{
	reader r = { (const unsigned char *)text, (const unsigned char *)text + len,
		     (const unsigned char *)text, 0, why, whylen, false };
	if (whylen)
		why[0] = '\0';
	kh_jv *v = value(&r);
	if (!v)
		return NULL;
	skip_space(&r);
	if (r.p != r.end)
		return fail(&r, "text after the value");
	return v;
}

const kh_jv *kh_jv_get(const kh_jv *v, const char *key)
{
	if (!v || v->type != KH_JV_OBJECT)
		return NULL;
	for (size_t i = v->n; i-- > 0;)
		if (!strcmp(v->keys[i], key))
			return v->items[i];
	return NULL;
}

const char *kh_jv_string(const kh_jv *v)
{
	return v && v->type == KH_JV_STRING ? v->str : NULL;
}

bool kh_jv_long(const kh_jv *v, long *out)
{
	if (!v || v->type != KH_JV_NUMBER || !v->integer || v->integer_value < LONG_MIN ||
	    v->integer_value > LONG_MAX)
		return false;
	*out = (long)v->integer_value;
	return true;
}

const char *kh_jv_get_string(const kh_jv *obj, const char *key)
{
	return kh_jv_string(kh_jv_get(obj, key));
}

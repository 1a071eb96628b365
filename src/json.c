/*
 * json.c - the JSON writer: two-space indentation, one value per line,
 * short empty containers ("[]", "{}").
 * Part of kehoach; see README.md for the licence.
 */
#include "json.h"
#include "diag.h"

#include <math.h>
#include <stdlib.h>

void kh_json_init(kh_json *j, kh_buf *out)
{
	j->out = out;
	j->depth = 0;
	j->first = true;
	j->after_key = false;
}

static void newline(kh_json *j)
{
	static const char spaces[] = "                                                                ";
	kh_buf_putc(j->out, '\n');
	size_t want = (size_t)j->depth * 2;
	while (want) {
		size_t n = want < sizeof spaces - 1 ? want : sizeof spaces - 1;
		kh_buf_put(j->out, spaces, n);
		want -= n;
	}
}

/* Comma and indentation before a value (or a key) at the current depth. */
static void before_value(kh_json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (j->depth > 0) {
		if (!j->first)
			kh_buf_putc(j->out, ',');
		newline(j);
	}
	j->first = false;
}

static void json_open(kh_json *j, char c)
{
	before_value(j);
	kh_buf_putc(j->out, c);
	j->depth++;
	j->first = true;
}

static void json_close(kh_json *j, char c)
{
	bool empty = j->first;
	if (j->depth > 0)
		j->depth--;
	/* The container just closed was a value of its parent, so the parent
	 * is never empty: one flag is the whole state, at any depth. */
	j->first = false;
	if (!empty)
		newline(j);
	kh_buf_putc(j->out, c);
	if (j->depth == 0)
		kh_buf_putc(j->out, '\n');
}

void kh_json_begin_object(kh_json *j) { json_open(j, '{'); }
void kh_json_end_object(kh_json *j) { json_close(j, '}'); }
void kh_json_begin_array(kh_json *j) { json_open(j, '['); }
void kh_json_end_array(kh_json *j) { json_close(j, ']'); }

void kh_json_key(kh_json *j, const char *key)
{
	before_value(j);
	kh_json_string(j->out, key);
	kh_buf_puts(j->out, ": ");
	j->after_key = true;
}

void kh_json_str(kh_json *j, const char *s)
{
	before_value(j);
	if (s)
		kh_json_string(j->out, s);
	else
		kh_buf_puts(j->out, "null");
}

void kh_json_int(kh_json *j, long v)
{
	before_value(j);
	kh_buf_printf(j->out, "%ld", v);
}

/* Integers as integers; others with the digits that give the same
 * double back. JSON has no NaN or infinity: those are null. */
void kh_json_number(kh_json *j, double v)
{
	before_value(j);
	if (!isfinite(v))
		kh_buf_puts(j->out, "null");
	else if (v > -1e15 && v < 1e15 && v == (double)(long)v)
		kh_buf_printf(j->out, "%ld", (long)v);
	else
		kh_buf_puts(j->out, kh_printf(strtod(kh_printf("%.15g", v), NULL) == v ? "%.15g" : "%.17g", v));
}

void kh_json_bool(kh_json *j, bool v)
{
	before_value(j);
	kh_buf_puts(j->out, v ? "true" : "false");
}

void kh_json_null(kh_json *j)
{
	before_value(j);
	kh_buf_puts(j->out, "null");
}

void kh_json_kstr(kh_json *j, const char *key, const char *s)
{
	kh_json_key(j, key);
	kh_json_str(j, s);
}

void kh_json_kint(kh_json *j, const char *key, long v)
{
	kh_json_key(j, key);
	kh_json_int(j, v);
}

void kh_json_kbool(kh_json *j, const char *key, bool v)
{
	kh_json_key(j, key);
	kh_json_bool(j, v);
}

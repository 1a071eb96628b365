/*
 * format.c - the simple formats of format.h, written without vfprintf.
 * Part of kehoach; see README.md for the licence.
 */
#include "format.h"

#include <string.h>

bool kh_format_is_simple(const char *fmt)
{
	for (const char *p = fmt; (p = strchr(p, '%')); p += 2) {
		if (p[1] == 'z' && p[2] == 'u')
			p++;
		else if (p[1] != 's' && p[1] != 'd' && p[1] != 'u' && p[1] != '%')
			return false;
	}
	return true;
}

/* The decimal digits of V into OUT (when not NULL), after a '-' when
 * NEGATIVE; returns how many bytes. */
static size_t put_decimal(char *out, unsigned long long v, bool negative)
{
	char digits[24];
	size_t n = 0;
	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	size_t len = n + negative;
	if (out) {
		if (negative)
			*out++ = '-';
		while (n)
			*out++ = digits[--n];
	}
	return len;
}

static size_t put_text(char *out, const char *s, size_t n)
{
	if (out)
		memcpy(out, s, n);
	return n;
}

size_t kh_format_simple(char *out, const char *fmt, va_list ap)
{
	size_t len = 0;
	for (const char *p = fmt;;) {
		const char *pc = strchr(p, '%');
		size_t lit = pc ? (size_t)(pc - p) : strlen(p);
		len += put_text(out ? out + len : NULL, p, lit);
		if (!pc)
			break;
		char *at = out ? out + len : NULL;
		switch (pc[1]) {
		case 's': {
			const char *s = va_arg(ap, const char *);
			s = s ? s : "(null)";
			len += put_text(at, s, strlen(s));
			break;
		}
		case 'd': {
			int v = va_arg(ap, int);
			len += put_decimal(at, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v,
					   v < 0);
			break;
		}
		case 'u':
			len += put_decimal(at, va_arg(ap, unsigned), false);
			break;
		case 'z':
			len += put_decimal(at, va_arg(ap, size_t), false);
			pc++; /* the 'u' of %zu */
			break;
		default: /* "%%" */
			len += put_text(at, "%", 1);
		}
		p = pc + 2;
	}
	if (out)
		out[len] = '\0';
	return len;
}

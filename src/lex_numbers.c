/*
 * lex_numbers.c - the scanner's numbers, decimals, dates, months and
 * quarters made nodes (lex_numbers.h): the digit groups read once, each
 * bounded, so no arithmetic can overflow; a number too large is reported
 * as the scanner's other errors are (kh_syntax_error).
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>

#include "i18n.h"
#include "lex_numbers.h"

int kh_lex_decimal(kh_parse_ctx *ctx, const char *text, size_t len, KH_YYSTYPE *lval,
		   const kh_loc *lloc)
{
	kh_span sp = { lloc->file, lloc->start, lloc->end };
	kh_node *n = kh_node_new(KH_N_NUMBER, sp);
	const char *dot = memchr(text, '.', len);
	size_t whole = (size_t)(dot - text), frac = len - whole - 1;
	n->flag = 1;
	lval->node = n;
	if (whole > 9 || frac > 6) {
		kh_syntax_error(ctx, sp, "number-too-large",
				_("number '%.*s' has too many digits (at most 9 before the point, 6 after)"),
				(int)(len > 40 ? 40 : len), text);
		return T_DECIMAL;
	}
	for (size_t i = 0; i < whole; i++)
		n->n[0] = n->n[0] * 10 + (text[i] - '0');
	for (size_t i = 0; i < frac; i++)
		n->n[1] = n->n[1] * 10 + (dot[1 + i] - '0');
	n->n[2] = (int)frac;
	return T_DECIMAL;
}

int kh_lex_number(kh_parse_ctx *ctx, const char *text, size_t len, int tok, KH_YYSTYPE *lval,
		  const kh_loc *lloc)
{
	kh_span sp = { lloc->file, lloc->start, lloc->end };
	kh_node *n;
	long g[3] = { 0, 0, 0 };
	int ng = 0, in = 0;
	switch (tok) {
	case T_NUMBER:
		n = kh_node_new(KH_N_NUMBER, sp);
		if (len > 9) {
			kh_syntax_error(ctx, sp, "number-too-large",
					_("number '%.*s' is too large (at most 9 digits)"),
					(int)(len > 40 ? 40 : len), text);
			n->n[0] = 0;
		} else {
			for (size_t i = 0; i < len; i++)
				n->n[0] = n->n[0] * 10 + (text[i] - '0');
		}
		lval->node = n;
		return tok;
	case T_QUARTER: {
		n = kh_node_new(KH_N_D_QUARTER, sp);
		size_t i = 0;
		while (i < len && text[i] != ' ' && text[i] != '\t')
			i++;
		while (i < len && (text[i] == ' ' || text[i] == '\t'))
			i++;
		const char *q = text + i;
		long quarter = 0;
		if (!strncmp(q, "IV", 2)) quarter = 4;
		else if (!strncmp(q, "III", 3)) quarter = 3;
		else if (!strncmp(q, "II", 2)) quarter = 2;
		else if (q[0] == 'I') quarter = 1;
		else quarter = q[0] - '0';
		const char *slash = memchr(q, '/', len - i);
		long year = 0;
		for (const char *p = slash + 1; p < text + len; p++)
			year = year * 10 + (*p - '0');
		n->n[0] = year;
		n->n[1] = quarter;
		n->text = kh_strndup(text, len);
		lval->node = n;
		return tok;
	}
	default:
		break;
	}
	for (size_t i = 0; i < len; i++) {
		if (text[i] >= '0' && text[i] <= '9') {
			if (!in && ng < 3)
				ng++;
			in = 1;
			g[ng - 1] = g[ng - 1] * 10 + (text[i] - '0');
		} else {
			in = 0;
		}
	}
	if (tok == T_DAYMONTH) { /* 10/3: a day of a month, any year */
		n = kh_node_new(KH_N_D_DAYMONTH, sp);
		n->n[0] = g[1];
		n->n[1] = g[0];
	} else if (tok == T_MONTHYEAR) {
		n = kh_node_new(KH_N_D_MONTH, sp);
		n->n[0] = g[1];
		n->n[1] = g[0];
	} else {
		n = kh_node_new(KH_N_D_DMY, sp);
		if (len == 10 && text[4] == '-') { /* 2019-08-30 */
			n->n[0] = g[0]; n->n[1] = g[1]; n->n[2] = g[2];
		} else {
			n->n[0] = g[2]; n->n[1] = g[1]; n->n[2] = g[0];
		}
	}
	n->text = kh_strndup(text, len);
	lval->node = n;
	return tok;
}

/*
 * lex_numbers.h - the scanner's tokens of digits as nodes: TEXT[0, LEN),
 * the token the scanner matched at LLOC, into LVAL; returns the token.
 * Included by the scanner and lex_numbers.c alone (it needs the parser's
 * token numbers).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_LEX_NUMBERS_H
#define KH_LEX_NUMBERS_H

#include <stddef.h>

#include "parse.h"
#include "parser.h"

/* A number (T_NUMBER, at most 9 digits), a date (T_DATE: d/m/yyyy,
 * d-m-yyyy, yyyy-mm-dd), a month (T_MONTHYEAR), a day of a month
 * (T_DAYMONTH) or a quarter (T_QUARTER: "quý II/2020"). */
int kh_lex_number(kh_parse_ctx *ctx, const char *text, size_t len, int tok, KH_YYSTYPE *lval,
		  const kh_loc *lloc);
/* "62.5", a criterion's number (criteria compare a cell's 62.5 with it):
 * n[0] the whole part, n[1] the decimals as digits, n[2] how many. */
int kh_lex_decimal(kh_parse_ctx *ctx, const char *text, size_t len, KH_YYSTYPE *lval,
		   const kh_loc *lloc);

#endif

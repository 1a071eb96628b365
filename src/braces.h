/*
 * braces.h - unbalanced braces, found before parsing and located by the
 * indentation: a '}' missing is reported at the block that is really
 * open (the first line whose indentation falls back to its opening
 * line's), an extra '}' where it stands; both are mended for the parser
 * (a '}' read before that line, the extra one skipped), so the rest of
 * the file reads as the author laid it out.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_BRACES_H
#define KH_BRACES_H

#include "parse.h"

/* Reports and mends CTX->src's braces: sets CTX's close_at and drop_at. */
void kh_braces_mend(kh_parse_ctx *ctx);

/* Where the scanner's tokens are: strings (straight, and curly ones on
 * one line), comments and code, as kehoach.l reads them. The offset of
 * the byte after a string or comment starting at TEXT[I], for a scanner
 * that is not in one; I itself when none starts there. */
size_t kh_skip_literal(const char *text, size_t len, size_t i);
/* At TEXT[I]: the length of a curly quote (“ ” ‘ ’), or 0. */
size_t kh_curly_quote(const char *text, size_t len, size_t i);

#endif

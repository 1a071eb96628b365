/*
 * literal.h - where each string of a file was written, noted by the
 * scanner: the resolved plan keeps a string's text (the same pointer the
 * tree had) and the checkers find its bytes from it, without reading the
 * source again.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_LITERAL_H
#define KH_LITERAL_H

#include <stdbool.h>

#include "source.h"

/* 8 bytes: a file is at most KH_MAX_FILE_BYTES (2^28), so the end fits 31 bits. */
typedef struct kh_literal {
	unsigned start;           /* the source bytes, quotes included */
	unsigned end : 31;
	unsigned raw : 1;         /* one literal without escapes: text is source[start+1, end-1) */
} kh_literal;

/* TEXT, a string the scanner made (or a run of them joined), was written
 * at SPAN of SRC. A later note for the same TEXT replaces it. */
void kh_literal_note(kh_source *src, const char *text, kh_span span, bool raw);
/* Where TEXT, a string of SRC, was written, into *OUT. One read in place
 * (src->strings_in_place) is found from its address: the byte before it
 * is its opening quote, its NUL its closing one, and no note is kept for
 * it. Any other from the map a parse left in kh_source.literals (the
 * resolver hands the main file's to kh_program.literals, text -> its
 * kh_literal held in the value itself). False: not one of its strings. */
bool kh_literal_find(const kh_source *src, const struct kh_map *literals, const char *text,
		     kh_literal *out);

/* A "\\u{1EA1}" escape whose braces start at TEXT[I] (of LEN bytes): true,
 * with the code point in *CP, when 1 to 6 hex digits in braces name a
 * character (not 0, not a surrogate, at most U+10FFFF); *J is left on the
 * closing brace, or where the reading stopped. */
bool kh_escape_code_point(const char *text, size_t len, size_t i, size_t *j, unsigned long *cp);

#endif

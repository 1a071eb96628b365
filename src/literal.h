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

/* The literals of a file by their text's address: one table of text and
 * place side by side (a lookup reads one slot; a plan has one a task). */
typedef struct kh_literals kh_literals;

/* TEXT, a string the scanner made (or a run of them joined), was written
 * at SPAN of SRC. A later note for the same TEXT replaces it. */
void kh_literal_note(kh_source *src, const char *text, kh_span span, bool raw);
/* Where TEXT was written, from the table a parse left in kh_source.literals
 * (the resolver hands the main file's to kh_program.literals), or NULL:
 * not one of its strings. Valid while no literal is noted in LITERALS. */
const kh_literal *kh_literal_of(const kh_literals *literals, const char *text);

/* A "\\u{1EA1}" escape whose braces start at TEXT[I] (of LEN bytes): true,
 * with the code point in *CP, when 1 to 6 hex digits in braces name a
 * character (not 0, not a surrogate, at most U+10FFFF); *J is left on the
 * closing brace, or where the reading stopped. */
bool kh_escape_code_point(const char *text, size_t len, size_t i, size_t *j, unsigned long *cp);

#endif

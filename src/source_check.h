/*
 * source_check.h - what kh_source_prepare checks of a text and how it
 * normalises it (source_check.c), and the line table they share with
 * source.c. Internal to loading a source; tests call it too.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_SOURCE_CHECK_H
#define KH_SOURCE_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "source.h"

static inline bool kh_utf8_is_cont(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

/*
 * Code points that NFC leaves alone whatever surrounds them: combining
 * class 0, NFC_Quick_Check = Yes, and never the second half of a
 * canonical composition. A line made only of these is already NFC.
 * The ranges cover what Vietnamese plans use: Latin-1, Latin
 * Extended-A/B (ă đ ơ ư), Latin Extended Additional (ạ ấ ộ ử ...),
 * general punctuation (– “ ” …, but not U+2000/U+2001, which NFC maps
 * to U+2002/U+2003), currency signs (₫), arrows and mathematical
 * operators (→ ≤ ≥). test_source.c checks every claim against
 * utf8proc's tables.
 */
bool kh_nfc_inert(int32_t cp);

/* S->line_starts and S->nlines for S->text (source.c). */
void kh_source_build_lines(kh_source *s);
/* Byte offset where line I (0-based) ends, without its terminator. */
size_t kh_source_line_end(const kh_source *s, size_t i);

/*
 * The usual plan in one pass: S->text (two NULs past its end) has LF line
 * ends only, no line over MAX_LINE bytes, and nothing but printable ASCII,
 * tabs and well-formed characters that are allowed and that NFC leaves
 * alone. Then the line table is built and true returned: the content
 * checks would find nothing and NFC would change nothing. Otherwise false,
 * nothing changed, and the text takes the long way, which says what and
 * where.
 */
bool kh_source_fast_lines(kh_source *s, size_t max_line);

/* The content checks, line by line (the table built): NUL bytes, invalid
 * UTF-8, legacy encodings, characters not allowed, over-long lines, as
 * located errors in DIAGS. Returns how many; *NFC gets a per-line mark
 * (allocated when first needed) for each line NFC might change. */
size_t kh_source_check_content(kh_source *s, size_t max_line, struct kh_diags *diags,
			       unsigned char **nfc);
/* NFC on the lines MARKED (NULL: none); the line table is rebuilt when
 * the text changes. */
void kh_source_normalise(kh_source *s, const unsigned char *marked);

#endif

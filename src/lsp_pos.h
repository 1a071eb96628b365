/*
 * lsp_pos.h - positions between kehoach and an editor. kehoach counts in
 * the NFC text it read (byte offsets, code-point columns); an editor
 * counts UTF-16 code units in its own buffer, which need not be NFC (a
 * decomposed "ử" is three code points there, one here) and may start
 * with a byte order mark, which the loader drops. Lines end at LF, CR LF
 * or a lone CR on both sides.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_LSP_POS_H
#define KH_LSP_POS_H

#include <stdbool.h>
#include <stddef.h>

#include "source.h"

/* A text as the editor has it (UTF-8), with its line table. */
typedef struct kh_lsp_text {
	const char *raw;
	size_t len;
	size_t *starts;         /* byte offset of each line's first byte */
	size_t nlines;
	bool bom;               /* starts with U+FEFF, which the loader drops */
} kh_lsp_text;

void kh_lsp_text_init(kh_lsp_text *t, const char *raw, size_t len);
/* The text of the file at PATH as bytes (an import, the stdlib); false
 * when it cannot be read or is too large. */
bool kh_lsp_text_load(kh_lsp_text *t, const char *path);

/* The editor's position (0-based line, UTF-16 units) of byte OFFSET of
 * SRC, the text kehoach made of T. */
void kh_lsp_position(const kh_lsp_text *t, const kh_source *src, size_t offset, unsigned *line,
		     unsigned *character);
/* The byte offset in SRC of the editor's position (LINE, CHARACTER) in T,
 * clamped to the line and to the text. */
size_t kh_lsp_offset(const kh_lsp_text *t, const kh_source *src, unsigned line,
		     unsigned character);
/* The byte offset in T itself of (LINE, CHARACTER), clamped: where an
 * editor's change applies. */
size_t kh_lsp_raw_offset(const kh_lsp_text *t, unsigned line, unsigned character);

#endif

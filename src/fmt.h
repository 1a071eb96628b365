/*
 * fmt.h - canonical layout of a plan file (kehoach fmt): every line
 * indented two spaces per open brace, no trailing blanks, runs of blank
 * lines cut to one, LF line ends, one final newline. Only whitespace
 * between lines and at their ends changes: tokens, comments and strings
 * are kept byte for byte, so nothing the user wrote is lost.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_FMT_H
#define KH_FMT_H

#include <stddef.h>

#include "alloc.h"

/* TEXT: the file's UTF-8 (already NFC, as the loader makes it). */
void kh_format_text(const char *text, size_t len, kh_buf *out);

#endif

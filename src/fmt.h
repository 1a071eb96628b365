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

#include <stdbool.h>
#include <stddef.h>

#include "alloc.h"
#include "resolve.h"

/* TEXT: the file's UTF-8 (already NFC, as the loader makes it). */
void kh_format_text(const char *text, size_t len, kh_buf *out);

/*
 * Lays out PROG's main file into OUT and reads the result back (with
 * OPTS, under the same path): returns true only when it resolves without
 * error to the same plan (the resolved JSON equal but for whitespace,
 * which "as written" texts spanning lines may carry). Nothing may be
 * written when it returns false.
 */
bool kh_format_program(const kh_program *prog, const kh_resolve_opts *opts, kh_buf *out);

#endif

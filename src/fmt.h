/*
 * fmt.h - canonical layout of a plan file (kehoach fmt): every line
 * indented two spaces per open brace, no trailing blanks, runs of blank
 * lines cut to one, LF line ends, one final newline, a '{' on the line
 * of its statement. Only whitespace between lines and at their ends
 * changes: tokens, comments and strings are kept byte for byte, so
 * nothing the user wrote is lost (but for kh_format_repair's quotes and
 * spaces, which `fmt` applies to a file they are the only errors of).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_FMT_H
#define KH_FMT_H

#include <stdbool.h>
#include <stddef.h>

#include "alloc.h"
#include "resolve.h"

/* SRC (a loaded source: NFC, no byte-order mark) laid out into OUT, by
 * the layout its parse noted (the scanner reads it first when the parse
 * did not reach the end). */
void kh_format_source(kh_source *src, kh_buf *out);

/* TEXT with what a word processor leaves outside strings and comments
 * written as the language has it (“…” as "…", a no-break or other odd
 * space as a space, U+2028 as a line end), into OUT; returns how many
 * characters changed. Nothing is written to OUT when none did. */
size_t kh_format_repair(const char *text, size_t len, kh_buf *out);
/* PROG's main file so repaired, read again: its program when that reads
 * without error, else NULL (nothing to repair, or other errors). */
kh_program *kh_format_repaired(const kh_program *prog, const kh_resolve_opts *opts);

/*
 * Lays out SRC (a plan's main file, read without error) into OUT and
 * reads the result back (with OPTS, under the same path): returns true
 * only when it reads as the same tokens (kh_same_tokens), or else both
 * resolve without error to the same plan (the resolved JSON equal but for
 * whitespace, which "as written" texts spanning lines may carry). Nothing
 * may be written when it returns false. Only the source is kept: the
 * plan read from it may be collected before the layout (a plan's model is
 * several times its text); the rare case whose tokens differ reads both.
 */
bool kh_format_checked(kh_source *src, const kh_resolve_opts *opts, kh_buf *out);
/* Do SRC and TEXT[0, LEN), both read again under SRC's path with OPTS,
 * resolve without error to the same plan (kh_format_checked's second
 * question)? */
bool kh_format_same_plan(const kh_source *src, const char *text, size_t len, const kh_resolve_opts *opts);
/* Do TEXT[0, LEN) and SRC read as the same tokens, with the same values
 * (fmt_tokens.c)? False too when either cannot be read without a finding. */
bool kh_same_tokens(const kh_source *src, const char *text, size_t len);
/* The same for the text in TEXT, read where it is rather than copied (a
 * large plan's layout is as large as the plan): TEXT keeps its bytes
 * and may grow by the two NULs the scanner reads to. */
bool kh_same_tokens_in(const kh_source *src, kh_buf *text);

#endif

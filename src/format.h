/*
 * format.h - printf for the formats the program writes most often: text
 * with %s, %d, %u, %zu and %%, without vfprintf (a thousand instructions
 * for "%s: %s", paid on every line of a calendar). kh_printf and
 * kh_buf_printf (alloc.c) take this path when the format allows it and
 * vsnprintf otherwise, with the same result.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_FORMAT_H
#define KH_FORMAT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* Does FMT hold only text and the conversions above, without flags,
 * widths or positions? */
bool kh_format_is_simple(const char *fmt);

/* Writes FMT with AP (a simple format) to OUT, which has room for the
 * result and its NUL, and returns the result's length; with OUT NULL,
 * only the length. A NULL %s reads "(null)", as glibc's printf has it. */
size_t kh_format_simple(char *out, const char *fmt, va_list ap);

#endif

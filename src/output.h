/*
 * output.h - writing a command's result to stdout or, with -o, to a file
 * replaced atomically (temporary file in the same folder, then rename), so
 * an interrupted run never leaves a half-written file behind.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_OUTPUT_H
#define KH_OUTPUT_H

#include <stddef.h>

/* Returns 0 on success; on failure prints "kehoach: error: …" and returns -1. */
int kh_write_output(const char *path, const char *data, size_t len);

#endif

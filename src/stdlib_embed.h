/*
 * stdlib_embed.h - the stdlib compiled into the binary: every .kh file
 * under stdlib/, byte for byte, with its path relative to stdlib/ ("vn/bodies.kh"),
 * sorted by path. The table is generated at build time
 * (tools/embed_stdlib.py writes build/gen/stdlib_embed.c).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_STDLIB_EMBED_H
#define KH_STDLIB_EMBED_H

#include <stddef.h>

typedef struct kh_embedded_file {
	const char *path;  /* relative to stdlib/, '/'-separated */
	const char *bytes; /* the file's bytes (NUL after them) */
	size_t len;
} kh_embedded_file;

extern const kh_embedded_file kh_stdlib_embedded[];
extern const size_t kh_stdlib_nembedded;

/* The embedded file at REL ("vn/bodies.kh"), or NULL. */
const kh_embedded_file *kh_stdlib_embedded_find(const char *rel);

#endif

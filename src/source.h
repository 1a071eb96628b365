/*
 * source.h - loading a plan file: size cap, NUL and UTF-8 checks, NFC
 * normalisation, and the line table that turns byte offsets into
 * line:column (columns in Unicode code points, 1-based).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_SOURCE_H
#define KH_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define KH_MAX_FILE_BYTES (256u * 1024u * 1024u) /* larger files are refused */
#define KH_MAX_LINE_BYTES (64u * 1024u)          /* longer lines are an error */
#define KH_MAX_LINES (8u * 1024u * 1024u)        /* more lines are an error: the line table stays small */

struct kh_diags;

struct kh_map;

/* A comment as the scanner read it: '#' or '//' to the end of its line,
 * or a block from its '/' '*' to its end. */
typedef struct kh_comment {
	unsigned start, end;  /* bytes of the text */
} kh_comment;

/* What the scanner saw of a text's layout, so that nothing after it reads
 * the lines again for comments or braces (fmt, the silencing comments). */
typedef struct kh_layout {
	kh_comment *comments;     /* in the text's order */
	size_t ncomments, comments_cap;
	unsigned *braces;         /* each '{' and '}' token's offset, in order */
	size_t nbraces, braces_cap;
	bool whole;               /* the scanner read to the end of the text */
} kh_layout;

typedef struct kh_source {
	int id;               /* index in the source table, used in spans */
	const char *path;     /* as given by the user (or resolved import path) */
	const char *text;     /* NFC-normalised UTF-8, NUL-terminated */
	size_t len;           /* bytes in text, without the final NUL */
	size_t cap;           /* bytes allocated for text (len + 2: two NULs end it) */
	uint32_t *line_starts; /* byte offset of each line's first byte (a file is at
	                          most KH_MAX_FILE_BYTES: 32 bits; a block without pointers) */
	size_t nlines;
	unsigned char *continued; /* per line: goes on with a criterion above (the
				   * scanner's, for fmt's indentation); NULL: none */
	struct kh_map *literals;  /* the scanner's: each string's text -> its
				   * kh_literal (literal.h); NULL: none */
	kh_layout layout;         /* the scanner's (a parse notes it: kh_parse) */
	bool strings_in_place;    /* the parse made each string without escapes
				   * point at its bytes here, a NUL in place of its
				   * closing quote (parse.h): read what was written
				   * with kh_source_line and kh_source_copy */
} kh_source;

/* A location: which source and a byte range [start, end) in its text. */
typedef struct kh_span {
	int file;             /* kh_source.id, or -1 for "no location" */
	unsigned start, end;
} kh_span;

/*
 * Reads and prepares PATH. On an I/O problem (missing file, directory,
 * unreadable, too large) reports an error without location to DIAGS and
 * returns NULL (the caller exits 2). On bad content (NUL byte, invalid
 * UTF-8, over-long line) reports located errors and returns NULL too
 * (exit 1: the file exists but is not a plan).
 * *IO_ERROR is set to 1 for the first kind, 0 for the second.
 */
kh_source *kh_source_load(const char *path, struct kh_diags *diags, int *io_error);
/* The same; with REGULAR_ONLY a FIFO or device is refused (imports), and
 * never blocks the run. */
kh_source *kh_source_load_file(const char *path, bool regular_only, struct kh_diags *diags,
			       int *io_error);

/* The two halves of kh_source_load_file: the bytes as read (in a buffer
 * of *CAP >= *LEN + 2 bytes, which kh_source_prepare takes over and
 * changes), or NULL with a finding; then the checks, the NFC and the line
 * table (NULL, with findings, when the content is refused). */
char *kh_source_read_file(const char *path, bool regular_only, struct kh_diags *diags,
			  int *io_error, size_t *len, size_t *cap);
kh_source *kh_source_prepare(const char *path, char *text, size_t len, size_t cap,
			     struct kh_diags *diags);

/* TEXT (LEN bytes in a buffer of CAP >= LEN + 2) known to pass every check
 * of kh_source_prepare and to be NFC already: the stdlib compiled in
 * (tools/embed_stdlib.py checks what it can, tests/unit/test_stdlib.c that
 * kh_source_prepare finds nothing and changes nothing). The line table only. */
kh_source *kh_source_from_checked(const char *path, char *text, size_t len, size_t cap);

/* A copy of S registered under a new id as PATH, sharing S's text and
 * line table (a stdlib module read in an earlier run: stdlib_cache.h). */
kh_source *kh_source_register_copy(const kh_source *s, const char *path);

/* The same for a table (a nominee CSV): no limit on a line's length. */
kh_source *kh_source_load_table(const char *path, struct kh_diags *diags, int *io_error);

/* The same checks on an in-memory buffer (tests, fuzzing). */
kh_source *kh_source_from_bytes(const char *path, const char *bytes, size_t len,
				struct kh_diags *diags);

/* The same without the line-length limit: a table (nominees.c) whose
 * limits are per field, and whose lines may be longer than a plan's. */
kh_source *kh_source_from_bytes_any_lines(const char *path, const char *bytes, size_t len,
					  struct kh_diags *diags);

/* Registry: sources get ids in load order; spans refer to them by id. */
kh_source *kh_source_get(int id);
void kh_source_reset(void);          /* forget all sources (tests) */
void kh_source_forget(void);         /* and the registry (before kh_alloc_release_all) */

/* 1-based line and code-point column of byte OFFSET in SRC. */
void kh_source_locate(const kh_source *src, size_t offset, unsigned *line, unsigned *col);
/* The text of 1-based line LINE as written, without its line ending; *LEN
 * set (a copy with its quotes back when the parse left NULs in it). */
const char *kh_source_line(const kh_source *src, unsigned line, size_t *len);
/* Bytes [START, END) of SRC as written (clamped to its text), copied and
 * NUL-terminated, the strings' closing quotes put back. */
char *kh_source_copy(const kh_source *src, size_t start, size_t end);
/* The closing quotes a parse made NULs (strings_in_place) put back: the
 * text is as written again, and the strings read from it lose their ends.
 * Only once nothing reads them (fmt, which lays out the text alone). */
void kh_source_put_quotes_back(kh_source *src);

#endif

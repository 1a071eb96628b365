/*
 * parse.h - turning one loaded source into a raw syntax tree. The scanner
 * and parser are reentrant; all their state lives in kh_parse_ctx, which
 * sits on the caller's stack (scanned by the collector).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_PARSE_H
#define KH_PARSE_H

#include "ast.h"
#include "diag.h"

#define KH_MAX_NESTING 256        /* deeper blocks are an error, not a crash */
#define KH_MAX_SYNTAX_ERRORS 25   /* per file; then the parser stops reporting */

typedef struct kh_parse_ctx {
	kh_source *src;
	kh_diags *diags;
	kh_node *root;            /* the FILE node */
	unsigned syntax_errors;
	int stop;                 /* a fatal problem was reported: say nothing more */
	/* scanner state */
	unsigned offset;          /* byte offset of the next token */
	int last_tok;             /* last token handed to the parser */
	int prev_tok;             /* and the one before, with its span: a syntax */
	unsigned prev_start, prev_end; /* error right after a keyword may */
	unsigned last_start, last_end; /* mean the keyword was meant as an id */
	int pending_eof;          /* a ';' was inserted before end of file */
	unsigned depth;           /* open '{' */
	unsigned brace_at[KH_MAX_NESTING + 1]; /* offsets of the open braces */
	unsigned comment_start;
	void *scanner;
} kh_parse_ctx;

/* Parses SRC; returns its FILE node (possibly partial when errors were
 * reported to DIAGS). Never NULL. */
kh_node *kh_parse(kh_source *src, kh_diags *diags);

/* Keyword lookup (spelling as written, NFC, '_' between words): the token
 * number and its value, or 0 when SPELLING is not a keyword. */
int kh_keyword(const char *spelling, size_t len, int *value);
/* The English spelling of a keyword token, for messages. */
const char *kh_token_english(int token);
/* For a keyword SPELLING ('_' between words) written as an id: what it is
 * ("'bao_cao' is the keyword 'báo_cáo' written without diacritics"), and a
 * name to use instead ("bc_…"). */
const char *kh_keyword_describe(const char *spelling);
const char *kh_keyword_rename(const char *spelling);

#endif

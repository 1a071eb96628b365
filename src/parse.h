/*
 * parse.h - turning one loaded source into a raw syntax tree. The scanner
 * and parser are reentrant; all their state lives in kh_parse_ctx, which
 * sits on the caller's stack (scanned by the collector).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_PARSE_H
#define KH_PARSE_H

#include <stdbool.h>

#include "ast.h"
#include "diag.h"

#define KH_MAX_NESTING 256        /* deeper blocks are an error, not a crash */
#define KH_MAX_SYNTAX_ERRORS 25   /* per file; then the parser stops reporting */
#define KH_MAX_BLOCK_ERRORS 5     /* per block; the rest are counted in a note */
#define KH_MAX_GUESSES 256        /* keyword guesses per file (each reads the whole table) */

typedef struct kh_parse_ctx {
	kh_source *src;
	kh_diags *diags;
	kh_node *root;            /* the FILE node */
	bool note_literals;       /* a parse: each string's place goes to src (literal.h) */
	bool strings_in_place;    /* a string without escapes is its bytes in src,
				   * its closing quote made a NUL (KH_PARSE_STRINGS_IN_PLACE) */
	struct kh_packer *packer; /* each task's statements packed (ast_pack.h); NULL: not */
	bool note_layout;         /* each comment and brace goes to src->layout */
	bool no_braces;           /* but its braces (KH_PARSE_NO_BRACES) */
	unsigned syntax_errors;
	int stop;                 /* a fatal problem was reported: say nothing more */
	/* scanner state */
	unsigned offset;          /* byte offset of the next token */
	int last_tok;             /* last token handed to the parser */
	int prev_tok;             /* and the one before, with its span: a syntax */
	unsigned prev_start, prev_end; /* error right after a keyword may */
	unsigned last_start, last_end; /* mean the keyword was meant as an id */
	int pending_eof;          /* a ';' was inserted before end of file */
	int stmt_tok;             /* the first token of the current statement */
	unsigned depth;           /* open '{' */
	unsigned brace_at[KH_MAX_NESTING + 1]; /* offsets of the open braces */
	int block_tok[KH_MAX_NESTING + 1];     /* the statement that opened each */
	unsigned comment_start;
	unsigned guesses;         /* keyword guesses made (KH_MAX_GUESSES) */
	/* one error per line, and at most KH_MAX_BLOCK_ERRORS per block */
	unsigned error_line;      /* 1-based line of the last error; 0: none */
	int in_string;            /* a string's own errors (escapes) derail nothing */
	unsigned block_errors[KH_MAX_NESTING + 1];
	unsigned block_hidden[KH_MAX_NESTING + 1];
	kh_diag *block_last[KH_MAX_NESTING + 1]; /* its last error shown, for the note */
	/* the braces' repairs (braces.c), applied between scanner and parser */
	const unsigned *close_at; /* a '}' is read before the token at each offset */
	size_t nclose, next_close;
	const unsigned *drop_at;  /* the '}' at each offset is not read */
	size_t ndrop, next_drop;
	int braces_reported;      /* braces.c reported the file's unbalanced braces */
	int queued;               /* tokens waiting: 2 = ';' then the saved one, 1 = saved */
	int saved_tok;
	union { kh_node *node; int ival; } saved_val; /* the parser's %union */
	unsigned saved_start, saved_end;
	void *scanner;
	void *scan_buf;           /* the scanner's buffer over src */
} kh_parse_ctx;

/* Sets CTX (its src and diags given) up to scan as kh_parse does: the
 * braces mended first, then a scanner reading the source in place.
 * False when the scanner cannot be made (nothing to close then). */
bool kh_scanner_open(kh_parse_ctx *ctx);
void kh_scanner_close(kh_parse_ctx *ctx);

/* What the scanner notes in src->layout when CTX->note_layout: a comment
 * [START, END), a brace at AT. */
void kh_scan_note_comment(kh_parse_ctx *ctx, unsigned start, unsigned end);
void kh_scan_note_brace(kh_parse_ctx *ctx, unsigned at);
/* The end of a string's body starting at P (after its opening quote), in
 * a buffer ending at STOP (NUL there): just past the closing quote, with
 * *CLOSED true; or where the line ends (a backslash before the line end,
 * or the buffer's, is the string's), with *CLOSED false. */
const char *kh_string_end(const char *p, const char *stop, bool *closed);
/* SRC's layout as the scanner reads it (src->layout), with no parse: for
 * a text that was not parsed to its end (kh_parse notes it as it goes). */
void kh_scan_layout(kh_source *src);

/* A syntax error at SPAN unless one was reported on its line already
 * (the rest of a bad line is its consequence); counts it. NULL when not
 * reported. */
kh_diag *kh_syntax_error(kh_parse_ctx *ctx, kh_span span, const char *rule, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Closes the block at the scanner's depth: its hidden errors get a note. */
void kh_syntax_block_closed(kh_parse_ctx *ctx);

/* A keyword at SPAN written where an id belongs: the IDENT it spells, '_'
 * for the blanks of a keyword of several words ("thông báo" is
 * 'thông_báo'). kh_kw_refused: the same, where it cannot be one, with the
 * error that says WHAT it cannot be and WHY. */
kh_node *kh_kw_id(kh_parse_ctx *ctx, kh_span span);
kh_node *kh_kw_refused(kh_parse_ctx *ctx, kh_span span, const char *what, const char *why);

/* Parses SRC; returns its FILE node (possibly partial when errors were
 * reported to DIAGS). Never NULL. Each string's place is noted in
 * src->literals (literal.h). */
kh_node *kh_parse(kh_source *src, kh_diags *diags);
/* The same, noting the strings' places only with KH_PARSE_LITERALS (the
 * checks read them, of the main file alone), and packing each task's
 * statements with KH_PARSE_PACK_TASKS (ast_pack.h: for the resolver,
 * which unpacks them). With KH_PARSE_STRINGS_IN_PLACE a string without
 * escapes is not copied: its text is its bytes in SRC, the closing quote
 * made its NUL (src->strings_in_place; most of a plan's bytes are
 * strings, and the copies were a sixth of its memory). Only for a text
 * read once: scanning it again would stop at the first such NUL. */
enum {
	KH_PARSE_LITERALS = 1, KH_PARSE_PACK_TASKS = 2, KH_PARSE_STRINGS_IN_PLACE = 4,
	KH_PARSE_NO_BRACES = 8  /* the layout without its braces: only a layout (fmt) reads them */
};
kh_node *kh_parse_with(kh_source *src, kh_diags *diags, unsigned flags);

/* Keyword lookup (spelling as written, NFC, '_' between words): the token
 * number and its value, or 0 when SPELLING is not a keyword. */
int kh_keyword(const char *spelling, size_t len, int *value);
/* The same for a SPELLING whose kh_keyword_hash the caller has (the
 * scanner hashes a run of words as it reads them, every prefix at once). */
int kh_keyword_hashed(const char *spelling, size_t len, unsigned hash, int *value);
/* Does some keyword of several words start with the words SPELLING
 * ("trung" of "trung_tuần", "cơ_quan" of "cơ_quan_chủ_quản")? */
bool kh_keyword_starts_phrase(const char *spelling, size_t len);
/* Both at once, for a word the scanner reads (one hash, one probe): its
 * token and *VALUE as kh_keyword's, and *STARTS_PHRASE. */
int kh_keyword_word(const char *spelling, size_t len, int *value, bool *starts_phrase);
/* FNV-1a, one byte at a time: the hash kh_keyword_hashed takes. */
#define KH_KEYWORD_HASH_INIT 2166136261u
#define KH_KEYWORD_HASH_STEP(h, c) (((h) ^ (unsigned char)(c)) * 16777619u)
/* The English spelling of a keyword token, for messages. */
const char *kh_token_english(int token);
/* For a keyword SPELLING ('_' between words) written as an id: what it is
 * ("'bao_cao' is the keyword 'báo_cáo' written without diacritics"), and a
 * name to use instead ("bc_…"). */
const char *kh_keyword_describe(const char *spelling);
const char *kh_keyword_rename(const char *spelling);
/* The bytes of the longest keyword: a longer word is an id. */
size_t kh_keyword_longest(void);
/* keywords.def's lines, in order: I < kh_keyword_count(). */
size_t kh_keyword_count(void);
const char *kh_keyword_at(size_t i, int *token, int *value);

/* The keyword a mistyped word was meant to be (keyword_guess.c). */
typedef struct kh_kw_guess {
	int n;                    /* meanings found: 0, 1, or 2 when two fit as well */
	const char *spelling[2];  /* the spelling of each closest to the word */
	int token, value;         /* the first one's meaning */
	int case_only;            /* the word is that spelling but for capitals */
} kh_kw_guess;
/* The keyword WORD (LEN bytes, spaces allowed between words) is closest
 * to once capitals and diacritics are set aside, within a small edit
 * distance; among TOKENS only (NTOKENS of them), or any keyword when
 * TOKENS is NULL. */
kh_kw_guess kh_keyword_guess(const char *word, size_t len, const int *tokens, size_t ntokens);
/* The error for WORD at SPAN, a mistyped keyword G guesses. */
kh_diag *kh_report_guess(kh_parse_ctx *ctx, kh_span span, const char *word, const kh_kw_guess *g);
/* WORD without diacritics or capitals, '_' between words: "nhiem_vu". */
const char *kh_keyword_fold(const char *word, size_t len);
/* The keyword tokens that start a statement (a declaration, a block's
 * line): *TOKENS, and how many. */
size_t kh_statement_tokens(const int **tokens);

#endif

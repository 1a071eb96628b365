/*
 * citations_int.h - what the citation rules' files share: code points and
 * words of prose (cite_text.c), the one string map, the declared numbers
 * and body names of a program, and the numbers found in prose
 * (check_citations.c), for the short-name rule (check_short_names.c for
 * documents, body_short_names.c for bodies). The public side is
 * citations.h.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_CITATIONS_INT_H
#define KH_CITATIONS_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alloc.h"
#include "check.h"
#include "citations.h"
#include "prose_words.h"
#include "strmap.h"

/* ---- words of prose: prose_words.h's, one splitter for every checker ---- */

typedef kh_word word;
#define ct_punct_at kh_punct_at
#define ct_split_words kh_words_split
#define ct_word_fold kh_word_fold
#define WORD(v, i) KH_VEC_AT(v, word, i)

/* ---- the one string map (strmap.h): string -> int, first put wins ---- */

typedef kh_strmap strmap;

/* ---- source ranges to skip (cite_text.c): added in any order, sorted once ---- */

typedef struct ct_regions {
	struct ct_range { long s, e; } *v;
	size_t n, cap;
} ct_regions;

void ct_regions_add(ct_regions *r, kh_span sp);
void ct_regions_sort(ct_regions *r);
/* Is source offset AT inside one of R's ranges? (after ct_regions_sort) */
bool ct_regions_has(const ct_regions *r, long at);

/* ---- the recogniser's parts (docnum.c) ---- */

/* Is byte I the start of a word (not inside "x35", "COVID-19/…")? */
bool ct_boundary_before(const char *s, size_t i);
/* A document number starting at S[I] (a digit at a word boundary). */
bool ct_parse_at(const char *s, size_t len, size_t i, kh_docnum *out);
/* S[START, END) in upper case (đ becomes Đ), appended to B. */
void ct_put_upper(kh_buf *b, const char *s, size_t start, size_t end);

/* ---- the program's documents and bodies (check_citations.c) ---- */

typedef struct decl {
	const kh_document *doc;   /* NULL: the plan itself */
	const char *id;           /* for messages */
	const char *number;
	kh_docnum dn;
	bool parsed;
	const char *key;
	bool has_date;
	kh_day date;
	const kh_body *issuer;
	kh_span span;
} decl;

typedef struct decls {
	decl *v;
	size_t n;
	strmap by_key;
	unsigned forms;           /* bit per kh_num_form that some declaration has */
	strmap near;              /* cited key -> (declaration + 1) * 8 + kh_near, 0: none */
} decls;

/* Body names as folded words, for finding issuers in prose: each
 * body's own name among the check's names (kh_check_bodies). */
typedef kh_bname bname;

/* The body names by their first and by their last word. */
typedef struct bindex {
	bname *v;
	size_t n;
	strmap first, last;       /* folded word -> list index */
	kh_vec lists;             /* kh_vec* of bname* */
} bindex;

/* The bodies' own names of NAMES (kh_bindex_build, in the bodies' order)
 * by their first and last words. */
bindex ct_body_index(const kh_bindex *names);
/* The bodies of X whose first (M = &X->first) or last word is W, or NULL. */
const kh_vec *ct_bindex_get(const bindex *x, const strmap *m, const char *w);

/* One document number found in prose. */
typedef struct mention {
	const kh_prose *p;
	kh_docnum n;              /* offsets in p->text */
	kh_span span;             /* the number in the source */
	long src;                 /* its source offset, for ordering */
	int decl;                 /* the declaration with this very number, or -1 */
	size_t pi;                /* index of p in the strings */
} mention;

/* ---- short-name-mismatch (check_short_names.c) ---- */

/* An introduction of a short name: "(sau đây gọi tắt là X)". */
typedef struct ct_intro {
	size_t lead;              /* bytes in the string: "sau đây" or the mark */
	size_t mark;              /* "gọi tắt là" / "viết tắt là" */
	size_t start, end;        /* the name X */
	kh_span whole, name;      /* "sau đây … X" and X in the source */
} ct_intro;

/* The introductions in P (ct_intro*). */
kh_vec ct_intros(const kh_prose *p);

/* PROSES: CX's main file's (cx->prose); the bodies' names and short
 * names are ct_check_body_names'. */
void ct_check_short_names(const kh_check_ctx *cx, const kh_vec *proses, const kh_vec *mentions,
			  const decls *ds);

/* ---- bodies' short names (body_short_names.c) ---- */

typedef struct ct_body_names ct_body_names;

/*
 * The short names of PROG's bodies, declared (gọi_tắt) or introduced in
 * PROSES right after a body's full name ("Ban Chỉ đạo tổng kết … (sau
 * đây gọi tắt là Ban Chỉ đạo)"), and where the prose uses them.
 */
ct_body_names *ct_body_names_find(const kh_program *prog, const kh_vec *proses, const bindex *bx);
/* The two above for CX's program and main file, made once a check
 * (kh_check_shared): the reference rules ask which bodies prose names by
 * a short name, the citation rules report on the same findings. */
const bindex *ct_check_bindex(const kh_check_ctx *cx);
ct_body_names *ct_check_body_names(const kh_check_ctx *cx);
/* Is the introduced name at source offset AT a body's? */
bool ct_body_intro_at(const ct_body_names *n, long at);
/* short-name-mismatch for the bodies' names. */
void ct_body_names_report(const kh_check_ctx *cx, const ct_body_names *n);

#endif

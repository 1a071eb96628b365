/*
 * citations.h - document numbers and short names in the plan's prose.
 *
 * Plans cite other documents in running text ("Hướng dẫn số 35-HD/BTCTW,
 * ngày 15 tháng 10 năm 2009 của Ban Tổ chức Trung ương"). This is the one
 * recogniser of such numbers, shared by the citation rules
 * (check_citations.c: unknown-citation, short-name-mismatch,
 * citation-conflict) and by unused-declaration (check_refs.c: a document
 * cited by number is used). Implemented in check_citations.c.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_CITATIONS_H
#define KH_CITATIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "plan.h"

/* The three shapes a document number takes (shared/DOMAIN.md §1). */
typedef enum kh_num_form {
	KH_NUM_STATE,   /* 297/HD-UBND, 05/BNV-VP: number '/' kind '-' issuer */
	KH_NUM_LAW,     /* 02/2019/NĐ-CP, 06/2022/QH15: number '/' year '/' symbol */
	KH_NUM_PARTY    /* 35-HD/BTCTW, 10-CT/TW: number '-' kind '/' issuer */
} kh_num_form;

/* One document number found in a text. */
typedef struct kh_docnum {
	size_t start, end;     /* bytes [start, end) of the number in the text */
	kh_num_form form;
	long number;           /* 297; leading zeros dropped (05 = 5) */
	int year;              /* KH_NUM_LAW: 2019; 0 otherwise */
	const char *kind;      /* the first symbol group, upper case: "HD", "NĐ", "QH15" */
	const char *issuer;    /* the groups after it, joined by '-': "UBND", "CP", "" */
	const char *key;       /* canonical text for comparing: leading zeros dropped, upper
	                          case ("05-CT/TW" and "5-ct/TW" both give "5-CT/TW") */
} kh_docnum;

/*
 * Finds the next document number in TEXT[*POS, LEN): digits followed by a
 * symbol in one of the three forms, starting at a word boundary (not
 * inside a longer word: "x35-HD/TW", "COVID-19/..." are not numbers) and
 * ending at one (trailing punctuation is not part of it). Dates
 * (30/8/2019, 11/2023) and ranges (2009-2019) have no symbol and are
 * never numbers. On success fills OUT, sets *POS past it and returns true.
 */
bool kh_docnum_next(const char *text, size_t len, size_t *pos, kh_docnum *out);

/* Parses S as one whole number (a declared "35-HD/BTCTW"); surrounding
 * spaces allowed. False when S is not a document number. */
bool kh_docnum_parse(const char *s, kh_docnum *out);

/* How a cited number relates to a declared one. */
typedef enum kh_near {
	KH_NEAR_NONE,
	KH_NEAR_SAME,          /* the same number (canonical keys equal) */
	KH_NEAR_FORM,          /* the same parts in the other family's form: 297-HD/UBND for 297/HD-UBND */
	KH_NEAR_ISSUER,        /* the same number and kind, another issuer: 35-CT/ĐU for 35-CT/HU */
	KH_NEAR_TYPO           /* one character off (an adjacent swap counts as one): 35-HD/BTCW */
} kh_near;

kh_near kh_docnum_near(const kh_docnum *cited, const kh_docnum *declared);


/*
 * Every string of the main file a citation can stand in: the plan's
 * title, opening and closing, the headings and prose of its body, tasks,
 * meetings and attendee groups, awards, budget lines, recipients, the
 * signature's notes, outlines, events, and the titles and short names of
 * the documents declared in the main file. In source order.
 */
typedef struct kh_prose {
	const char *text;
	size_t len;
	kh_span span;              /* the statement or declaration that holds it */
	long at;                   /* byte offset of TEXT in the source when written there
	                              verbatim (one literal, no escapes); -1 otherwise */
	const kh_document *of;     /* a document declaration's own title or short name */
	bool short_name;           /* it is OF's declared short name (gọi_tắt) */
	unsigned order;
} kh_prose;

/* Appends kh_prose* to OUT, sorted by position in the source. */
void kh_prose_collect(const kh_program *prog, kh_vec *out);

/* The source span of bytes [START, END) of P->text: exact when the string
 * is written verbatim, else the same bytes searched for in P's statement,
 * else the statement. */
kh_span kh_prose_span(const kh_prose *p, size_t start, size_t end);

/*
 * For each document of PROG (CITED[i] for prog->documents item i): true
 * when some string of PROSES (kh_prose_collect's) other than its own
 * declaration cites
 * it: by its number (a near miss counts: the citation rules report the
 * typing error, the document is still meant), by its short name, or, for
 * a document without a usable number, by its title.
 */
void kh_documents_cited(const kh_program *prog, const kh_vec *proses, bool *cited);

/*
 * For each body of CX's program (MENTIONED[i] for prog->bodies item i):
 * true when the main file's prose introduces a short name for it right
 * after its full name, or uses its short name (introduced or declared
 * with gọi_tắt), even in a variant that short-name-mismatch reports.
 * Implemented in body_short_names.c.
 */
struct kh_check_ctx;
void kh_bodies_mentioned(const struct kh_check_ctx *cx, bool *mentioned);

#endif

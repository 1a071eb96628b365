/*
 * prose_words.h - reading the words of prose: code points, words with the
 * punctuation around them, dates as plans write them in running text, and
 * the names of declared bodies as word sequences. Shared by the citation
 * rules (check_citations.c), what a text states (prose_facts.c) and the
 * sentences of compose.c.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_PROSE_WORDS_H
#define KH_PROSE_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plan.h"
#include "strmap.h"

/* ---- code points ---- */

/* The code point at S[I] (its length in *N), -1 for a bad byte (N = 1). */
int32_t kh_cp_at(const char *s, size_t len, size_t i, size_t *n);
/* The code point that ends just before byte I (I > 0). */
int32_t kh_cp_before(const char *s, size_t i);
/* A letter, a combining mark, a digit or '_'. */
bool kh_is_word_cp(int32_t c);
bool kh_is_upper_cp(int32_t c);
bool kh_has_lower(const char *s, size_t len);
/* memmem, which C17 and POSIX lack. */
const char *kh_find_bytes(const char *hay, size_t n, const char *needle, size_t m);
/* kh_text_fold of S[0, N). */
const char *kh_fold_n(const char *s, size_t n);

/* ---- words ---- */

typedef struct kh_word {
	size_t s, e;              /* the word without surrounding punctuation */
	bool lead, trail;         /* punctuation was stripped before / after it */
	uint32_t fhash;           /* kh_fold_hash of folded, set with it */
	const char *folded;       /* lazily: kh_word_fold */
} kh_word;
#define KH_WORD(v, i) KH_VEC_AT(v, kh_word, i)

/* Room for a text's words that the next text reuses (kh_words_split_reusing). */
typedef struct kh_words_buf {
	kh_word *words;
	void **items;
	size_t cap;
} kh_words_buf;

/* Bytes of an opening (OPEN) or closing punctuation mark at T[I], 0 if none. */
size_t kh_punct_at(const char *t, size_t len, size_t i, bool open);
/* The words of T[0, LEN) (kh_word*), split at white space, punctuation
 * stripped at both ends of each. */
kh_vec kh_words_split(const char *t, size_t len);
/* The same in B's room, which the words of the text split before lose:
 * for one text at a time (prose_facts.c keeps the last one). */
kh_vec kh_words_split_reusing(const char *t, size_t len, kh_words_buf *b);
const char *kh_word_fold(const char *t, kh_word *w);
/* The hash of W's folded form (kh_fold_hash), folding it if need be. */
uint32_t kh_word_fold_hash(const char *t, kh_word *w);
/* A hash of S[0, N): of a folded word, the name index's key (prose_names.c). */
uint32_t kh_fold_hash(const char *s, size_t n);
/* L's id as prose writes it after "cấp" and its words, folded (L->prose,
 * L->prose_words): set once, when the level is declared. */
void kh_level_words(kh_level *l);
void kh_word_fold_forget(void);    /* drops the cache (before kh_alloc_release_all) */
/* LOWER ("ngày", "của"), its first letter in either case, as the whole
 * word at T[I]: its length, or 0. */
size_t kh_word_is(const char *t, size_t len, size_t i, const char *lower);
size_t kh_skip_spaces(const char *t, size_t len, size_t i);

/* ---- dates in running text ---- */

/* One date as written: "15/10/2009", "15-10-2009", "15 tháng 10 năm
 * 2009", "15/9" (no year), "tháng 11/2023", "tháng 11 năm 2023", "11/2023",
 * "trung tuần tháng 5/2017", "quý I/2024", "năm 2023". */
typedef struct kh_written_date {
	size_t start, end;        /* bytes in the text */
	kh_precision precision;   /* DAY, DECADE, MONTH, QUARTER or YEAR */
	int year, month, day;     /* year 0: not written; DECADE: day is the
	                             part (1-3); QUARTER: month is the quarter */
	kh_day first, last;       /* the window, when the year is written */
} kh_written_date;

/* The date starting at T[I], or false (D is then not to be read). A date
 * without a year is a day with '/' ("15/9") or a month ("tháng 10"). */
bool kh_date_at(const char *t, size_t len, size_t i, kh_written_date *d);
/* D with the year Y (a first date that leaves it to the second): its
 * window recomputed; false when that makes no date (29/2). */
bool kh_date_set_year(kh_written_date *d, int y);

/* ---- body names ---- */

/* One way of naming a body, as folded words. */
typedef struct kh_bname {
	const kh_body *b;
	const char **w;
	size_t n;
	bool full;                /* the body's own name (else a short form) */
	bool leveled;             /* the body has a level (kh_body_level), kept here: a
	                             short form's candidates are read in a row */
} kh_bname;

/* The names with one word sequence. A short form many bodies share
 * ("Ủy ban nhân dân xã" of every commune) is one group, and a mention of
 * it takes the group's list of bodies as it is, not a copy of each. */
typedef struct kh_bgroup_many {
	kh_vec others;            /* kh_bname*: the names after the first */
	kh_vec all;               /* const kh_body*: every body once, in order */
	kh_vec by[2];             /* the same, those without a level and those with one */
} kh_bgroup_many;

/* 24 bytes a slot: render keeps a table for each body asked about, most
 * of them of one name or two, none with a second body. */
typedef struct kh_bgroup {
	size_t hash;
	const kh_bname *name;     /* the first such name */
	kh_bgroup_many *many;     /* when other names have the same words, or NULL */
} kh_bgroup;

/* Names by their words. */
typedef struct kh_bindex {
	kh_bname *v;
	size_t n;
	kh_bgroup *seq;           /* hash of the whole word sequence -> names */
	size_t seq_cap, longest;  /* table size; most words in a name */
	uint32_t *pre;            /* hashes of every names' first 1..n words, 0 = empty */
	size_t pre_cap;
} kh_bindex;

/*
 * The names of BODIES (kh_body*). With SHORT_FORMS, also the forms prose
 * uses: the name without its locality ("Sở Nội vụ tỉnh Quảng Nam": "Sở
 * Nội vụ tỉnh", "Sở Nội vụ") and with its abbreviation for the words it
 * abbreviates ("UBND" + "Ủy ban nhân dân cấp huyện": "UBND cấp huyện";
 * "Bộ CHQS" + "Bộ Chỉ huy Quân sự tỉnh": "Bộ CHQS tỉnh").
 */
kh_bindex kh_bindex_build(const kh_vec *bodies, bool short_forms);
/* Puts ITEM in the list (in LISTS, a kh_vec* each) that M gives word W,
 * made on first use: names by their first or last word. */
void kh_word_lists_add(kh_vec *lists, kh_strmap *m, const char *w, void *item);
/* Do the folded words NAMES[0, N) start the words WS[FROM..TO) (PREFIX)
 * or end them? Returns the number of words matched, 0 for none. Inside
 * the name only a comma or a dash may follow a word. For kh_bname_match
 * (B's words) and the citation rules' own names. */
size_t kh_name_words_match(const char *const *names, size_t n, const char *t, kh_vec *ws, size_t from,
			   size_t to, bool prefix);
size_t kh_bname_match(const kh_bname *b, const char *t, kh_vec *ws, size_t from, size_t to, bool prefix);
/* Every group of names (const kh_bgroup*) the words of T from word I
 * start with, shortest first, into OUT: one probe per length, however many
 * names share their first words. */
void kh_bindex_at(const kh_bindex *x, const char *t, kh_vec *ws, size_t i, kh_vec *out);

#endif

/*
 * prose_facts_int.h - what prose_facts.c shares with prose_asked.c: the
 * words of a text (the last two split are kept) and the mentions found
 * at chosen words.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_PROSE_FACTS_INT_H
#define KH_PROSE_FACTS_INT_H

#include "prose_facts.h"

/* The words of one text, folded on demand. */
typedef struct kh_text_scan {
	const char *t;
	size_t len;
	kh_vec ws;                /* kh_word* */
} kh_text_scan;

/* The words of T[0, LEN); the last two texts split are kept (by their
 * bytes). They are good until words of another text are asked for: a
 * scan is read to its end before the next is made. */
kh_text_scan kh_text_scan_of(const char *t, size_t len);
/* Forgets the texts kept. */
void kh_text_split_forget(void);
/* Is TEXT[0, LEN) the text kh_text_steady named (unchanged while it is)? */
bool kh_text_is_steady(const char *text, size_t len);
/* kh_text_mentions looking only at the words AT[0, NAT) (ascending; a
 * mention can start nowhere else), or at every word when AT is NULL. */
kh_vec kh_text_mentions_at(const char *text, size_t len, const kh_bindex *names, const kh_vec *levels,
			   const size_t *at, size_t nat);
/* "Các huyện ủy, thị ủy, …" for "cấp huyện": L's word in the text's head. */
bool kh_text_level_in_head(const char *text, const kh_level *l);

#endif

/*
 * unichar.h - characters a plan must not hold: controls and noncharacters
 * (they drive terminals and break strict HTML), bidirectional controls
 * (the text reads differently from how it displays: "Trojan Source",
 * CVE-2021-42574), and invisible characters (two names that look the same
 * are different names). One classification for the file's bytes and for
 * the \u{…} escapes of its strings.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_UNICHAR_H
#define KH_UNICHAR_H

#include <stdint.h>

typedef enum kh_char_class {
	KH_CHAR_OK,
	KH_CHAR_CONTROL,      /* C0 (but TAB, LF, CR), DEL, C1, noncharacters */
	KH_CHAR_BIDI,         /* embeddings, overrides, isolates, marks */
	KH_CHAR_INVISIBLE     /* zero-width, joiners, CGJ, variation selectors, fillers */
} kh_char_class;

kh_char_class kh_char_classify(int32_t cp);
/* The value of the hexadecimal digit C (0-9, a-f, A-F), or -1: for the
 * escapes of a plan's strings, of JSON and of a file URI. */
int kh_hex_digit(int c);
/* The rule id for a class other than OK ("control-character" …). */
const char *kh_char_rule(kh_char_class k);
/* What is wrong with CP, for a message: "control character U+001B". */
const char *kh_char_problem(int32_t cp, kh_char_class k);
/* CP's Unicode name ("NO-BREAK SPACE"), "" when it has none. */
const char *kh_char_name(int32_t cp);
/* A space other than U+0020 (no-break, em, ideographic …): what a word
 * processor or a web page leaves where a plain space was meant. */
int kh_char_is_space(int32_t cp);

#endif

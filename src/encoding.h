/*
 * encoding.h - files that are text, but not UTF-8: UTF-16 (Notepad's
 * "Unicode"), and the legacy Vietnamese encodings older offices still
 * save in, Windows-1258 and TCVN3 (ABC, the ".Vn" fonts). Recognised so
 * the clerk is told what the file is and how to save it, instead of
 * "invalid UTF-8 byte 0xFF".
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_ENCODING_H
#define KH_ENCODING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum kh_encoding {
	KH_ENC_UTF8,          /* none of the others: what a plan must be */
	KH_ENC_UTF16LE,
	KH_ENC_UTF16BE,
	KH_ENC_CP1258,        /* Windows-1258: base letters and combining tone marks */
	KH_ENC_TCVN3          /* TCVN 5712:1993, VN3 (ABC): precomposed lower case */
} kh_encoding;

/* UTF-16 by its byte-order mark (*BOM set) or, without one, by the NUL
 * that every other byte of text in the Latin range is; else KH_ENC_UTF8. */
kh_encoding kh_detect_utf16(const unsigned char *t, size_t len, bool *bom);

/* Bytes that are not UTF-8 read as a legacy encoding: the one under
 * which the words with bytes above 0x7F spell Vietnamese (letters of the
 * Vietnamese alphabet, at most one tone mark a syllable, no capital after
 * a small letter); KH_ENC_UTF8 when neither does, or when most of the
 * non-ASCII text is UTF-8 after all (a damaged UTF-8 file). */
kh_encoding kh_detect_legacy(const unsigned char *t, size_t len);

/* The character byte B (>= 0x80) stands for in ENC; 0 for none. */
int32_t kh_legacy_char(kh_encoding enc, unsigned char b);

/* T[0, LEN) read as ENC, in UTF-8 (NFC), at most MAX characters; what
 * cannot be shown (controls, bytes with no character) as U+FFFD. */
const char *kh_legacy_decode(kh_encoding enc, const unsigned char *t, size_t len, size_t max);

/* "UTF-16LE", "Windows-1258", "TCVN3" … */
const char *kh_encoding_name(kh_encoding enc);

#endif

/*
 * encoding.c - see encoding.h. Tables: Windows-1258 as Microsoft and
 * Python's codec define it; TCVN3 as TCVN 5712:1993 (glibc's
 * TCVN5712-1, whose upper half VN3 shares; VN3 has no capitals with
 * tone marks, which its fonts draw from the small letters' codes).
 * Part of kehoach; see README.md for the licence.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "alloc.h"
#include "encoding.h"

static const uint16_t cp1258[128] = {
	0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0000, 0x2039, 0x0152, 0x0000, 0x0000, 0x0000,
	0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0000, 0x203A, 0x0153, 0x0000, 0x0000, 0x0178,
	0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,
	0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
	0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
	0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
	0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7,
	0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF,
	0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7,
	0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF,
	0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
	0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF,
	0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7,
	0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0, 0x20AB, 0x00FF,
};

/* VN3 leaves out VN1's capitals with a tone mark (0x80-0x9F and the gaps
 * between the small letters): 0 here. */
static const uint16_t tcvn3[128] = {
	0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
	0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
	0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
	0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000,
	0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
	0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x0000,
	0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,
	0x00E1, 0x1EA1, 0x0000, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x0000,
	0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x1EB7, 0x1EA7,
	0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x0000, 0x1EBB, 0x1EBD,
	0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
	0x1EC9, 0x0000, 0x0000, 0x0000, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
	0x0000, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
	0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
	0x0000, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
	0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x0000,
};

int32_t kh_legacy_char(kh_encoding enc, unsigned char b)
{
	if (b < 0x80)
		return b;
	if (enc == KH_ENC_CP1258)
		return cp1258[b - 0x80];
	if (enc == KH_ENC_TCVN3)
		return tcvn3[b - 0x80];
	return 0;
}

const char *kh_encoding_name(kh_encoding enc)
{
	switch (enc) {
	case KH_ENC_UTF16LE: return "UTF-16LE";
	case KH_ENC_UTF16BE: return "UTF-16BE";
	case KH_ENC_CP1258: return "Windows-1258";
	case KH_ENC_TCVN3: return "TCVN3";
	default: return "UTF-8";
	}
}

kh_encoding kh_detect_utf16(const unsigned char *t, size_t len, bool *bom)
{
	*bom = false;
	if (len >= 2 && ((t[0] == 0xFF && t[1] == 0xFE) || (t[0] == 0xFE && t[1] == 0xFF))) {
		*bom = true;
		return t[0] == 0xFF ? KH_ENC_UTF16LE : KH_ENC_UTF16BE;
	}
	/* Plan text is mostly ASCII, whose UTF-16 has a NUL in every other
	 * byte: in the odd ones (little-endian) or the even ones. A text
	 * file has none (the loader refuses NUL), a binary file no such
	 * regularity. */
	size_t pairs = (len < 4096 ? len : 4096) / 2, even = 0, odd = 0;
	for (size_t i = 0; i < pairs; i++) {
		even += t[2 * i] == 0;
		odd += t[2 * i + 1] == 0;
	}
	if (pairs < 2)
		return KH_ENC_UTF8;
	if (odd * 2 >= pairs && even * 16 <= pairs)
		return KH_ENC_UTF16LE;
	if (even * 2 >= pairs && odd * 16 <= pairs)
		return KH_ENC_UTF16BE;
	return KH_ENC_UTF8;
}

static int is_tone(int32_t c)
{
	return c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323;
}

/* Is CP a letter of the Vietnamese alphabet (a base letter, with at most
 * its own mark: ă â ê ô ơ ư, đ, and tones on vowels)? *TONES counts its
 * tone mark, *UPPER says its case, *VOWEL whether a tone may follow. */
static bool vn_letter(int32_t cp, int *tones, bool *upper, bool *vowel)
{
	if (cp == 0x110 || cp == 0x111) {
		*upper = cp == 0x110;
		*vowel = false;
		return true;
	}
	utf8proc_int32_t d[4];
	int last = 0;
	utf8proc_ssize_t n = utf8proc_decompose_char(cp, d, 4, UTF8PROC_DECOMPOSE, &last);
	if (n < 1 || n > 3 || d[0] > 0x7F || !((d[0] | 0x20) >= 'a' && (d[0] | 0x20) <= 'z'))
		return false;
	int base = d[0] | 0x20;
	*upper = d[0] < 'a';
	*vowel = strchr("aeiouy", base) != NULL;
	for (utf8proc_ssize_t k = 1; k < n; k++) {
		int32_t m = d[k];
		if (is_tone(m))
			++*tones;
		else if (!((m == 0x302 && strchr("aeo", base)) || (m == 0x306 && base == 'a') ||
			   (m == 0x31B && strchr("ou", base))))
			return false;
	}
	return n == 1 || *vowel;
}

/* Can CODA (lower case, LEN letters) end a Vietnamese syllable? */
static bool final_consonants(const char *coda, size_t len)
{
	static const char *const finals[] = { "", "c", "ch", "m", "n", "ng", "nh", "p", "t" };
	for (size_t i = 0; i < sizeof finals / sizeof finals[0]; i++)
		if (strlen(finals[i]) == len && !memcmp(finals[i], coda, len))
			return true;
	return false;
}

/* Does the word W[0, N) (letters and bytes above 0x7F) spell a Vietnamese
 * syllable in ENC: Vietnamese letters, consonants then vowels then one of
 * the final consonants, at most one tone mark (a combining one, as
 * Windows-1258 writes it, after a vowel), no capital after a small
 * letter? Vietnamese is written a syllable a word, so other languages'
 * words fail ("schön", "crème"). */
static bool word_is_vietnamese(kh_encoding enc, const unsigned char *w, size_t n)
{
	int tones = 0, part = 0; /* 0 initial consonants, 1 vowels, 2 final consonants */
	char coda[3];
	size_t ncoda = 0;
	bool prev_lower = false;
	for (size_t i = 0; i < n; i++) {
		int32_t cp = kh_legacy_char(enc, w[i]);
		bool upper, vowel;
		if (is_tone(cp)) {
			if (part != 1)
				return false;
			tones++;
			continue;
		}
		if (!cp || !vn_letter(cp, &tones, &upper, &vowel) || (upper && prev_lower && w[i] >= 0x80))
			return false;
		prev_lower = !upper;
		if (vowel && part == 2)
			return false; /* a second syllable */
		if (vowel) {
			part = 1;
		} else if (part >= 1) {
			if (w[i] >= 0x80 || ncoda == 2)
				return false; /* đ, or three consonants, do not end a syllable */
			part = 2;
			coda[ncoda++] = (char)(w[i] | 0x20);
		}
	}
	return tones <= 1 && part >= 1 && final_consonants(coda, ncoda);
}

/* Between words: what both encodings have for punctuation in text (no-break
 * space, curly quotes, dashes, the ellipsis, a bullet). */
static bool separator(kh_encoding enc, unsigned char b)
{
	int32_t cp = kh_legacy_char(enc, b);
	return b < 0x80 ? !((b | 0x20) >= 'a' && (b | 0x20) <= 'z')
			: cp == 0xA0 || (cp >= 0x2013 && cp <= 0x2026);
}

/* The share of T's words with bytes above 0x7F that spell Vietnamese in
 * ENC, in thousandths; *WORDS their number. */
static unsigned vietnamese_share(kh_encoding enc, const unsigned char *t, size_t len, size_t *words)
{
	size_t good = 0;
	*words = 0;
	for (size_t i = 0; i < len;) {
		if (separator(enc, t[i])) {
			i++;
			continue;
		}
		size_t j = i;
		bool high = false;
		while (j < len && !separator(enc, t[j]))
			high |= t[j++] >= 0x80;
		if (high) {
			++*words;
			good += word_is_vietnamese(enc, t + i, j - i);
		}
		i = j;
	}
	return *words ? (unsigned)(good * 1000 / *words) : 0;
}

/* Well-formed UTF-8 sequences of two bytes or more, and bytes that are
 * not part of one: which the non-ASCII text mostly is. */
static void count_utf8(const unsigned char *t, size_t len, size_t *valid, size_t *invalid)
{
	*valid = *invalid = 0;
	for (size_t i = 0; i < len;) {
		if (t[i] < 0x80) {
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(t + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n > 0) {
			++*valid;
			i += (size_t)n;
		} else {
			++*invalid;
			i++;
		}
	}
}

kh_encoding kh_detect_legacy(const unsigned char *t, size_t len)
{
	size_t valid, invalid, w1258, wtcvn;
	count_utf8(t, len, &valid, &invalid);
	if (valid * 4 >= invalid)
		return KH_ENC_UTF8; /* UTF-8 with a damaged stretch */
	unsigned s1258 = vietnamese_share(KH_ENC_CP1258, t, len, &w1258);
	unsigned stcvn = vietnamese_share(KH_ENC_TCVN3, t, len, &wtcvn);
	enum { ENOUGH = 800, WORDS = 4 }; /* of 1000 words: names and abbreviations miss */
	if ((s1258 < ENOUGH || w1258 < WORDS) && (stcvn < ENOUGH || wtcvn < WORDS))
		return KH_ENC_UTF8; /* a few stray bytes prove nothing */
	if (w1258 < WORDS)
		return KH_ENC_TCVN3;
	if (wtcvn < WORDS)
		return KH_ENC_CP1258;
	return s1258 > stcvn ? KH_ENC_CP1258 : KH_ENC_TCVN3;
}

const char *kh_legacy_decode(kh_encoding enc, const unsigned char *t, size_t len, size_t max)
{
	kh_buf b = { 0 };
	size_t chars = 0;
	for (size_t i = 0; i < len && chars < max; i++) {
		int32_t cp = kh_legacy_char(enc, t[i]);
		if (!cp || cp < 0x20 || cp == 0x7F)
			cp = cp == '\t' ? ' ' : 0xFFFD;
		utf8proc_uint8_t u[4];
		utf8proc_ssize_t n = utf8proc_encode_char(cp, u);
		kh_buf_put(&b, (const char *)u, (size_t)n);
		chars += !is_tone(cp);
	}
	/* Windows-1258 writes tones as marks after the letter: composed here. */
	char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)kh_buf_cstr(&b));
	if (!nfc)
		return kh_buf_cstr(&b);
	const char *out = kh_strdup(nfc);
	free(nfc);
	return out;
}

/*
 * unichar.c - see unichar.h.
 * Part of kehoach; see README.md for the licence.
 */
#include "alloc.h"
#include "i18n.h"
#include "icu_lazy.h"
#include "unichar.h"

/* Unicode's own name (ICU's table, not one of ours), "" when it has none. */
const char *kh_char_name(int32_t cp)
{
	char buf[128];
	const char *why;
	if (!kh_icu_load(&why))
		return ""; /* the message goes on without the name */
	UErrorCode err = U_ZERO_ERROR;
	int32_t n = kh_icu.u_charName_fn(cp, U_UNICODE_CHAR_NAME, buf, (int32_t)sizeof buf, &err);
	if (U_FAILURE(err) || n <= 0 || n >= (int32_t)sizeof buf)
		return "";
	return kh_strndup(buf, (size_t)n);
}

int kh_char_is_space(int32_t cp)
{
	return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
	       cp == 0x205F || cp == 0x3000;
}

kh_char_class kh_char_classify(int32_t c)
{
	/* Where a plan's text lives: printable ASCII, Latin-1 to the combining
	 * marks, Latin Extended Additional (the Vietnamese letters): nothing
	 * below is in these ranges. */
	if ((c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c < 0x034F) || (c >= 0x1E00 && c < 0x2000))
		return KH_CHAR_OK;
	if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F ||
	    (c >= 0x80 && c <= 0x9F))
		return KH_CHAR_CONTROL;
	/* Noncharacters: U+FDD0..U+FDEF and the last two of every plane. */
	if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)
		return KH_CHAR_CONTROL;
	if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
	    c == 0x200F || c == 0x061C)
		return KH_CHAR_BIDI;
	if ((c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == 0x034F ||
	    (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) || c == 0x3164 ||
	    c == 0x115F || c == 0x1160 || c == 0xFFA0 || c == 0x180E ||
	    (c >= 0x2061 && c <= 0x2064))
		return KH_CHAR_INVISIBLE;
	return KH_CHAR_OK;
}

int kh_hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

const char *kh_char_rule(kh_char_class k)
{
	switch (k) {
	case KH_CHAR_CONTROL: return "control-character";
	case KH_CHAR_BIDI: return "bidi-control";
	case KH_CHAR_INVISIBLE: return "invisible-character";
	default: return NULL;
	}
}

/* Translated here: the loader and the scanner pass it on as "%s". */
const char *kh_char_problem(int32_t cp, kh_char_class k)
{
	switch (k) {
	case KH_CHAR_CONTROL:
		return kh_printf(_("control character U+%04X: it can drive a terminal or break a "
				   "page; remove it"), (unsigned)cp);
	case KH_CHAR_BIDI:
		return kh_printf(_("bidirectional control U+%04X %s: the text would read "
				   "differently from how it displays (Trojan Source); remove it"),
				 (unsigned)cp, kh_char_name(cp));
	case KH_CHAR_INVISIBLE:
		return kh_printf(_("invisible character U+%04X %s: two names that look the same "
				   "would be different names; remove it"),
				 (unsigned)cp, kh_char_name(cp));
	default:
		return "";
	}
}

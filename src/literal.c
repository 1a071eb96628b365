/*
 * literal.c - the strings of a file by their text's address (literal.h).
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>

#include "literal.h"
#include "alloc.h"
#include "map.h"
#include "unichar.h"

/* A literal's place is pointer-sized (literal.h): kept in the map's value
 * slot itself, not in a block of its own per string. */
_Static_assert(sizeof(kh_literal) <= sizeof(void *), "a literal fits a map value");

void kh_literal_note(kh_source *src, const char *text, kh_span span, bool raw)
{
	if (!src || !text)
		return;
	if (!src->literals)
		src->literals = KH_NEW(kh_map);
	kh_literal l = { span.start, span.end, raw };
	void *v = NULL;
	memcpy(&v, &l, sizeof l);
	*kh_map_slot(src->literals, text, true) = v;
}

bool kh_literal_find(const kh_source *src, const struct kh_map *literals, const char *text,
		     kh_literal *out)
{
	/* Only a string read in place points into the text (ids, escaped and
	 * joined strings are copies), and its first byte follows its quote. */
	if (src && src->strings_in_place && text && text > src->text &&
	    text < src->text + src->len && text[-1] == '"') {
		size_t start = (size_t)(text - src->text) - 1;
		*out = (kh_literal){ (unsigned)start, (unsigned)(start + strlen(text) + 2), 1 };
		return true;
	}
	void **slot = literals && text ? kh_map_slot((kh_map *)literals, text, false) : NULL;
	if (!slot)
		return false;
	memcpy(out, slot, sizeof *out);
	return true;
}

bool kh_escape_code_point(const char *text, size_t len, size_t i, size_t *j, unsigned long *cp)
{
	size_t k = i, digits = 0;
	unsigned long v = 0;
	bool ok = k < len && text[k] == '{';
	if (ok) {
		for (k++; k < len && kh_hex_digit(text[k]) >= 0 && digits < 7; k++, digits++)
			v = v * 16 + (unsigned long)kh_hex_digit(text[k]);
		ok = digits >= 1 && digits <= 6 && k < len && text[k] == '}' && v != 0 &&
		     v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF);
	}
	*j = k;
	*cp = v;
	return ok;
}

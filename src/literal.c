/*
 * literal.c - the strings of a file by their text's address (literal.h).
 * Part of kehoach; see README.md for the licence.
 */
#include "literal.h"
#include "alloc.h"
#include "map.h"
#include "unichar.h"

void kh_literal_note(kh_source *src, const char *text, kh_span span, bool raw)
{
	if (!src || !text)
		return;
	if (!src->literals)
		src->literals = KH_NEW(kh_map);
	void **slot = kh_map_slot(src->literals, text, true);
	kh_literal *l = *slot;
	if (!l)
		*slot = l = kh_alloc_atomic(sizeof *l);
	*l = (kh_literal){ span.start, span.end, raw };
}

const kh_literal *kh_literal_of(const struct kh_map *literals, const char *text)
{
	return literals && text ? kh_map_get(literals, text) : NULL;
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

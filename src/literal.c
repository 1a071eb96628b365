/*
 * literal.c - the strings of a file by their text's address (literal.h).
 * Part of kehoach; see README.md for the licence.
 */
#include "literal.h"
#include "alloc.h"
#include "map.h"

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

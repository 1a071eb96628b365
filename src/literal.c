/*
 * literal.c - the strings of a file by their text's address (literal.h).
 * Part of kehoach; see README.md for the licence.
 */
#include <stdint.h>

#include "literal.h"
#include "alloc.h"
#include "unichar.h"

typedef struct literal_slot {
	const char *text;         /* NULL: empty */
	kh_literal at;
} literal_slot;

struct kh_literals {
	literal_slot *slots;
	size_t cap, n;            /* cap a power of two, at most half full */
};

static size_t slot_of(const kh_literals *t, const char *text)
{
	uint64_t x = (uint64_t)(uintptr_t)text;
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	size_t i = (size_t)x & (t->cap - 1);
	while (t->slots[i].text && t->slots[i].text != text)
		i = (i + 1) & (t->cap - 1);
	return i;
}

static void grow(kh_literals *t)
{
	kh_literals old = *t;
	t->cap = old.cap ? old.cap * 2 : 64;
	t->slots = KH_NEW_N(literal_slot, t->cap);
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].text)
			t->slots[slot_of(t, old.slots[i].text)] = old.slots[i];
}

void kh_literal_note(kh_source *src, const char *text, kh_span span, bool raw)
{
	if (!src || !text)
		return;
	if (!src->literals)
		src->literals = KH_NEW(kh_literals);
	kh_literals *t = src->literals;
	if (2 * (t->n + 1) > t->cap)
		grow(t);
	literal_slot *s = &t->slots[slot_of(t, text)];
	if (!s->text)
		t->n++;
	*s = (literal_slot){ text, { span.start, span.end, raw } };
}

const kh_literal *kh_literal_of(const kh_literals *literals, const char *text)
{
	if (!literals || !text || !literals->cap)
		return NULL;
	const literal_slot *s = &literals->slots[slot_of(literals, text)];
	return s->text ? &s->at : NULL;
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

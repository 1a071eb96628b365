/*
 * lsp_pos.c - kehoach's NFC offsets to an editor's UTF-16 positions and
 * back. A line that NFC left alone maps code point for code point. A
 * line it changed is cut into chunks, each a starter and the combining
 * marks after it (where NFC composes), and each chunk is normalised
 * alone; when the chunks' results put together give the line kehoach
 * read, a chunk's first code point maps to its first code point. When
 * they do not (a script whose starters compose with each other), the
 * line maps code point for code point, which is off only inside such
 * sequences.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "alloc.h"
#include "lsp_pos.h"

static size_t seq_len(const char *s, size_t i, size_t len)
{
	unsigned char b = (unsigned char)s[i];
	size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
	return n > len - i ? len - i : n;
}

static unsigned long cp_at(const char *s, size_t i, size_t len)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
					      (utf8proc_ssize_t)(len - i), &cp);
	return n > 0 ? (unsigned long)cp : 0xFFFD;
}

void kh_lsp_text_init(kh_lsp_text *t, const char *raw, size_t len)
{
	t->raw = raw;
	t->len = len;
	t->bom = len >= 3 && !memcmp(raw, "\xEF\xBB\xBF", 3);
	size_t n = 1;
	for (size_t i = 0; i < len; i++)
		n += raw[i] == '\n' || (raw[i] == '\r' && (i + 1 >= len || raw[i + 1] != '\n'));
	t->starts = KH_NEW_N(size_t, n);
	t->nlines = 0;
	t->starts[t->nlines++] = 0;
	for (size_t i = 0; i < len; i++)
		if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 >= len || raw[i + 1] != '\n')))
			t->starts[t->nlines++] = i + 1;
}

bool kh_lsp_text_load(kh_lsp_text *t, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	kh_buf b = { 0 };
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= KH_MAX_FILE_BYTES)
		kh_buf_put(&b, chunk, n);
	bool ok = !ferror(f) && b.len <= KH_MAX_FILE_BYTES;
	fclose(f);
	if (ok)
		kh_lsp_text_init(t, kh_buf_cstr(&b), b.len);
	return ok;
}

/* Line LINE (0-based) of T without its line end (and without the BOM). */
static const char *raw_line(const kh_lsp_text *t, size_t line, size_t *len)
{
	size_t st = t->starts[line];
	size_t en = line + 1 < t->nlines ? t->starts[line + 1] : t->len;
	if (en > st && t->raw[en - 1] == '\n')
		en--;
	if (en > st && t->raw[en - 1] == '\r')
		en--;
	if (line == 0 && t->bom && en >= 3)
		st = 3;
	*len = en - st;
	return t->raw + st;
}

/* Byte offset of code point K of S (clamped to LEN); code points of S
 * before byte OFF; UTF-16 units before code point K; code points before
 * UTF-16 unit U (a unit inside a pair counts its code point as before). */
static size_t byte_of_cp(const char *s, size_t len, size_t k)
{
	size_t i = 0;
	for (; i < len && k > 0; k--)
		i += seq_len(s, i, len);
	return i;
}

static size_t cp_of_byte(const char *s, size_t len, size_t off)
{
	size_t k = 0;
	for (size_t i = 0; i < len && i < off; k++)
		i += seq_len(s, i, len);
	return k;
}

static size_t u16_of_cp(const char *s, size_t len, size_t k)
{
	size_t u = 0;
	for (size_t i = 0; i < len && k > 0; k--) {
		u += seq_len(s, i, len) == 4 ? 2 : 1;
		i += seq_len(s, i, len);
	}
	return u;
}

static size_t cp_of_u16(const char *s, size_t len, size_t u)
{
	size_t k = 0, at = 0;
	for (size_t i = 0; i < len && at < u; k++) {
		at += seq_len(s, i, len) == 4 ? 2 : 1;
		i += seq_len(s, i, len);
	}
	return k;
}

/* Where NFC may compose a code point with what comes before it: combining
 * marks, and Hangul vowels and final consonants. */
static bool joins_previous(unsigned long cp)
{
	if (cp < 0x300)
		return false;
	if ((cp >= 0x1161 && cp <= 0x11C2) || (cp >= 0xD7B0 && cp <= 0xD7FB))
		return true;
	return utf8proc_get_property((utf8proc_int32_t)cp)->combining_class != 0;
}

typedef struct chunk {
	size_t raw, nfc;        /* code points of the line before the chunk */
	size_t nraw, nnfc;      /* and in it */
} chunk;

/* One chunk of R, [I, J), against S at *SAT; false when they differ. */
static bool match_chunk(const char *r, size_t i, size_t j, const char *s, size_t sl, size_t *sat,
			size_t *nnfc)
{
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)r + i, (utf8proc_ssize_t)(j - i),
					  &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0) {
		free(nfc);
		if (n == UTF8PROC_ERROR_NOMEM)
			kh_oom((j - i) * 8);
		return false;
	}
	bool ok = (size_t)n <= sl - *sat && !memcmp(s + *sat, nfc, (size_t)n);
	*nnfc = cp_of_byte((const char *)nfc, (size_t)n, (size_t)n);
	free(nfc);
	*sat += (size_t)n;
	return ok;
}

/* The chunks of raw line R whose NFC is S; 0 when the line maps code point
 * for code point (unchanged, or chunks that do not add up). */
static size_t chunks_of(const char *r, size_t rl, const char *s, size_t sl, chunk **out)
{
	if (rl == sl && !memcmp(r, s, rl))
		return 0;
	chunk *c = KH_NEW_N(chunk, rl + 1);
	size_t n = 0, sat = 0, raw = 0, nfc = 0;
	for (size_t i = 0; i < rl;) {
		size_t j = i + seq_len(r, i, rl), nraw = 1;
		while (j < rl && joins_previous(cp_at(r, j, rl))) {
			j += seq_len(r, j, rl);
			nraw++;
		}
		size_t nnfc;
		if (!match_chunk(r, i, j, s, sl, &sat, &nnfc))
			return 0;
		c[n++] = (chunk){ raw, nfc, nraw, nnfc };
		raw += nraw;
		nfc += nnfc;
		i = j;
	}
	if (sat != sl)
		return 0;
	*out = c;
	return n;
}

/* Code point K of the NFC line as a code point of the raw line, or back. */
static size_t map_cp(const chunk *c, size_t n, size_t k, bool from_nfc)
{
	for (size_t i = 0; i < n; i++) {
		size_t at = from_nfc ? c[i].nfc : c[i].raw, len = from_nfc ? c[i].nnfc : c[i].nraw;
		size_t to = from_nfc ? c[i].raw : c[i].nfc, tolen = from_nfc ? c[i].nraw : c[i].nnfc;
		if (k < at + len)
			return to + (k - at < tolen ? k - at : tolen);
	}
	if (!n)
		return k;
	return from_nfc ? c[n - 1].raw + c[n - 1].nraw : c[n - 1].nfc + c[n - 1].nnfc;
}

void kh_lsp_position(const kh_lsp_text *t, const kh_source *src, size_t offset, unsigned *line,
		     unsigned *character)
{
	unsigned l1, col1;
	kh_source_locate(src, offset, &l1, &col1);
	size_t ln = l1 - 1;
	if (ln >= t->nlines) {          /* not the text kehoach read: its end */
		ln = t->nlines - 1;
		col1 = (unsigned)-1;
	}
	size_t rl, sl;
	const char *r = raw_line(t, ln, &rl);
	const char *s = kh_source_line(src, l1, &sl);
	chunk *c = NULL;
	size_t n = chunks_of(r, rl, s, sl, &c);
	size_t k = map_cp(c, n, (size_t)col1 - 1, true);
	size_t u = u16_of_cp(r, rl, k) + (ln == 0 && t->bom);
	*line = (unsigned)ln;
	*character = (unsigned)u;
}

size_t kh_lsp_offset(const kh_lsp_text *t, const kh_source *src, unsigned line,
		     unsigned character)
{
	if (line >= t->nlines || line >= src->nlines)
		return src->len;
	size_t rl, sl;
	const char *r = raw_line(t, line, &rl);
	const char *s = kh_source_line(src, line + 1, &sl);
	if (line == 0 && t->bom && character > 0)
		character--;
	chunk *c = NULL;
	size_t n = chunks_of(r, rl, s, sl, &c);
	size_t k = map_cp(c, n, cp_of_u16(r, rl, character), false);
	return (size_t)(s - src->text) + byte_of_cp(s, sl, k);
}

size_t kh_lsp_raw_offset(const kh_lsp_text *t, unsigned line, unsigned character)
{
	if (line >= t->nlines)
		return t->len;
	size_t rl;
	const char *r = raw_line(t, line, &rl);
	if (line == 0 && t->bom && character > 0)
		character--;
	return (size_t)(r - t->raw) + byte_of_cp(r, rl, cp_of_u16(r, rl, character));
}

/*
 * source_check.c - the checks a plan's text must pass before it is
 * scanned (NUL bytes, UTF-8, legacy encodings, characters not allowed,
 * line length) and its NFC normalisation; a fast pass for the usual file
 * that does both, with the line table, in one reading.
 * Part of kehoach; see README.md for the licence.
 */
#include "source_check.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "alloc.h"
#include "diag.h"
#include "encoding.h"
#include "i18n.h"
#include "unichar.h"

#define KH_MAX_CONTENT_FINDINGS 20 /* NUL / UTF-8 / long-line errors per file */

/* ------------------------------------------------------------------ */
/* Content checks                                                     */

/*
 * Checks one UTF-8 sequence at T[I] (T[I] >= 0x80, the line ending at
 * END) against the RFC 3629 table. Returns 0 if it is well-formed and sets *LEN to its length.
 * Otherwise returns the reason and sets *LEN to the bytes to underline:
 * the lead byte and the continuation bytes that belong with it.
 */
/* The code point that starts T, of UTF-8 already checked; its length in *N.
 * (utf8proc_iterate checks again, for every character of every file.) */
static int32_t decode_valid(const unsigned char *t, size_t *n)
{
	if (t[0] < 0x80) {
		*n = 1;
		return t[0];
	}
	if (t[0] < 0xE0) {
		*n = 2;
		return ((t[0] & 0x1F) << 6) | (t[1] & 0x3F);
	}
	if (t[0] < 0xF0) {
		*n = 3;
		return ((t[0] & 0x0F) << 12) | ((t[1] & 0x3F) << 6) | (t[2] & 0x3F);
	}
	*n = 4;
	return ((t[0] & 0x07) << 18) | ((t[1] & 0x3F) << 12) | ((t[2] & 0x3F) << 6) | (t[3] & 0x3F);
}

static const char *utf8_check(const unsigned char *t, size_t i, size_t end, size_t file_end,
			      size_t *len)
{
	unsigned char b = t[i];
	size_t need;                  /* continuation bytes wanted */
	unsigned char lo = 0x80, hi = 0xBF; /* range of the second byte */
	const char *range_why = NULL; /* reason when the second byte is out of range */

	*len = 1;
	if (b < 0xC0)
		return N_("a continuation byte without a lead byte");
	if (b < 0xC2) {
		need = 1;
		lo = 0xFF; /* any second byte: C0 and C1 only make overlongs */
		range_why = N_("overlong encoding");
	} else if (b < 0xE0) {
		need = 1;
	} else if (b < 0xF0) {
		need = 2;
		if (b == 0xE0) {
			lo = 0xA0;
			range_why = N_("overlong encoding");
		} else if (b == 0xED) {
			hi = 0x9F;
			range_why = N_("a UTF-16 surrogate, not a character");
		}
	} else if (b < 0xF5) {
		need = 3;
		if (b == 0xF0) {
			lo = 0x90;
			range_why = N_("overlong encoding");
		} else if (b == 0xF4) {
			hi = 0x8F;
			range_why = N_("above U+10FFFF");
		}
	} else if (b < 0xF8) {
		need = 3;
		lo = 0xFF;
		range_why = N_("above U+10FFFF");
	} else {
		return N_("a byte never used in UTF-8");
	}

	size_t k = 0; /* continuation bytes present */
	while (k < need && i + 1 + k < end && kh_utf8_is_cont(t[i + 1 + k]))
		k++;
	*len = 1 + k;
	if (lo == 0xFF || (k > 0 && (t[i + 1] < lo || t[i + 1] > hi)))
		return range_why;
	if (k < need)
		return i + 1 + k >= file_end ? N_("a sequence cut short by the end of the file")
					: N_("a sequence cut short");
	return NULL;
}

typedef struct checker {
	kh_source *src;
	kh_diags *diags;
	unsigned reported;
	size_t suppressed;
	kh_diag *last;          /* the last finding reported (for the "more" note) */
	kh_diag *first_utf8;    /* the first invalid-utf8 finding (for the hint) */
	bool legacy;            /* the file is in a legacy encoding: said once, all said */
	size_t max_line;        /* longer lines are an error (SIZE_MAX: none) */
} checker;

/* Reports one content finding unless the cap is reached. */
static kh_diag *finding(checker *c, size_t start, size_t end, const char *rule, const char *msg)
{
	if (c->reported >= KH_MAX_CONTENT_FINDINGS) {
		c->suppressed++;
		return NULL;
	}
	c->reported++;
	c->last = kh_diag_add(c->diags, KH_ERROR,
			      (kh_span){ c->src->id, (unsigned)start, (unsigned)end }, rule, "%s",
			      msg);
	return c->last;
}

/*
 * The first byte that is not UTF-8 is at [I, I + N): is the file in a
 * legacy Vietnamese encoding? Then that is the one finding, with the
 * line read in that encoding, so the clerk sees it is the right guess.
 */
static bool legacy_encoding(checker *c, size_t i, size_t n)
{
	const unsigned char *t = (const unsigned char *)c->src->text;
	kh_encoding enc = kh_detect_legacy(t, c->src->len);
	if (enc == KH_ENC_UTF8)
		return false;
	kh_span at = { c->src->id, (unsigned)i, (unsigned)(i + n) };
	kh_diag *x;
	if (enc == KH_ENC_CP1258)
		x = kh_diag_add(c->diags, KH_ERROR, at, "wrong-encoding",
				_("this file is in Windows-1258, an old Vietnamese encoding, not "
				  "UTF-8: open it in Notepad or Word and save it as UTF-8"));
	else
		x = kh_diag_add(c->diags, KH_ERROR, at, "wrong-encoding",
				_("this file is in TCVN3 (ABC, the .Vn fonts), an old Vietnamese "
				  "encoding, not UTF-8: convert it to Unicode (UniKey's converter: "
				  "TCVN3 to Unicode) and save it as UTF-8"));
	unsigned line, col;
	kh_source_locate(c->src, i, &line, &col);
	size_t st = c->src->line_starts[line - 1], en = kh_source_line_end(c->src, line - 1);
	kh_diag_note(x, (kh_span){ -1, 0, 0 }, _("read as %s, line %u says: %s"),
		     kh_encoding_name(enc), line, kh_legacy_decode(enc, t + st, en - st, 80));
	return true;
}

bool kh_nfc_inert(int32_t cp)
{
	return cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2002 && cp <= 0x206F) ||
	       (cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x2190 && cp <= 0x22FF);
}

/*
 * Steps *I over the Vietnamese letter at T[*I], of those most of a plan's
 * text is made of and that need no check: well-formed U+00C0..U+02FF
 * (ă â đ ê ô ơ ư, Latin-1) and U+1E00..U+1EFF (the toned letters), all
 * allowed and left alone by NFC; false, *I as it was, for anything
 * else. The bytes after T[*I] may be read without a bound: the text
 * ends in two NULs (prepare), and neither a NUL nor a line end is a
 * continuation byte, so no line end is crossed either.
 */
static inline bool skip_common_letter(const unsigned char *t, size_t *i)
{
	const unsigned char *c = t + *i;
	if (c[0] >= 0xC3 && c[0] <= 0xCB && kh_utf8_is_cont(c[1]))
		*i += 2;
	else if (c[0] == 0xE1 && c[1] >= 0xB8 && c[1] <= 0xBB && kh_utf8_is_cont(c[2]))
		*i += 3;
	else
		return false;
	return true;
}

/*
 * Runs the content checks on the raw (registered) source, one line at a
 * time: at most one NUL and one UTF-8 finding per line (the first bad
 * byte; the rest of the line usually fails the same way), and at most
 * KH_MAX_CONTENT_FINDINGS in all. Returns the number of problems found.
 */
size_t kh_source_check_content(kh_source *s, size_t max_line, kh_diags *diags, unsigned char **nfc)
{
	checker c = { s, diags, 0, 0, NULL, NULL, false, max_line };
	const unsigned char *t = (const unsigned char *)s->text;
	size_t problems = 0;

	for (size_t ln = 0; ln < s->nlines; ln++) {
		size_t st = s->line_starts[ln], en = kh_source_line_end(s, ln);
		int seen_nul = 0, seen_utf8 = 0, seen_char = 0, inert = 1;
		for (size_t i = st; i < en;) {
			if (t[i] == 0) {
				if (!seen_nul) {
					problems++;
					finding(&c, i, i + 1, "nul-byte",
						_("NUL byte in the file; plan files are text"));
				}
				seen_nul = 1;
				i++;
				continue;
			}
			if (t[i] >= 0x20 && t[i] < 0x7F) {
				i++; /* printable ASCII, most of a plan: nothing to check */
				continue;
			}
			if (skip_common_letter(t, &i))
				continue; /* the rest of Vietnamese text */
			size_t n = 1;
			const char *why = t[i] < 0x80 ? NULL : utf8_check(t, i, en, s->len, &n);
			if (!why) {
				/* One finding per line for what must not be in a plan. */
				size_t k_len;
				int32_t cp = decode_valid(t + i, &k_len);
				inert &= kh_nfc_inert(cp);
				kh_char_class k = kh_char_classify(cp);
				bool bom = cp == 0xFEFF && i == 0;
				if (k != KH_CHAR_OK && !bom && !seen_char) {
					problems++;
					finding(&c, i, i + n, kh_char_rule(k), kh_char_problem(cp, k));
					seen_char = 1;
				}
				i += n;
				continue;
			}
			if (!c.first_utf8 && !c.legacy && legacy_encoding(&c, i, n)) {
				c.legacy = true;
				return problems + 1;
			}
			if (!seen_utf8) {
				problems++;
				char *msg = kh_printf(_("invalid UTF-8 byte 0x%02X (%s)"), t[i], _(why));
				kh_diag *x = finding(&c, i, i + n, "invalid-utf8", msg);
				if (x && !c.first_utf8)
					c.first_utf8 = x;
			}
			seen_utf8 = 1;
			i++;
		}
		if (!inert) { /* a code point NFC might change: the line goes through utf8proc */
			if (!*nfc)
				*nfc = kh_alloc_atomic(s->nlines);
			(*nfc)[ln] = 1;
		}
		if (en - st > c.max_line) {
			problems++;
			char *msg = kh_printf(_("line is %zu bytes long; the limit is %u"), en - st,
					      KH_MAX_LINE_BYTES);
			finding(&c, st, st, "line-too-long", msg);
		}
	}
	if (c.first_utf8)
		kh_diag_note(c.first_utf8, (kh_span){ -1, 0, 0 },
			     _("plan files must be saved as UTF-8; legacy Vietnamese encodings "
			     "(TCVN3, VNI, Windows-1258) are not supported"));
	if (c.suppressed)
		kh_diag_note(c.last, (kh_span){ -1, 0, 0 },
			     _("stopped after %u such errors; %zu more not shown"),
			     KH_MAX_CONTENT_FINDINGS, c.suppressed);
	return problems;
}

/* ------------------------------------------------------------------ */
/* NFC                                                                */

/*
 * NFC-normalises S->text in place of the raw text. Why line by line:
 * a line end is a starter that never composes, so normalising each line
 * alone gives the same result as normalising the whole text, but memory
 * stays bounded (utf8proc_map needs 4 bytes per code point, twice) and the
 * usual line - already NFC, all ASCII or precomposed Vietnamese - is
 * never copied. Only the lines check_content MARKED, which hold a code
 * point outside kh_nfc_inert() (combining marks U+0300..U+036F and the like),
 * go through utf8proc. NFC may lengthen a line (a few code points decompose under
 * NFC); the line limit applies to the bytes as read.
 */
void kh_source_normalise(kh_source *s, const unsigned char *marked)
{
	if (!marked)
		return; /* every line inert: the usual file */
	const unsigned char *t = (const unsigned char *)s->text;
	kh_buf out = { 0 };
	size_t copied = 0; /* raw bytes before this offset are already in OUT */

	for (size_t ln = 0; ln < s->nlines; ln++) {
		size_t st = s->line_starts[ln], en = kh_source_line_end(s, ln);
		if (!marked[ln])
			continue;
		utf8proc_uint8_t *nfc = NULL;
		utf8proc_ssize_t n = utf8proc_map(t + st, (utf8proc_ssize_t)(en - st), &nfc,
						  UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (n < 0) {
			free(nfc);
			if (n == UTF8PROC_ERROR_NOMEM)
				kh_oom((en - st) * 8);
			continue; /* not reachable on valid UTF-8: keep the line as it is */
		}
		if ((size_t)n == en - st && !memcmp(nfc, t + st, (size_t)n)) {
			free(nfc);
			continue;
		}
		if (!out.data) {
			out.cap = s->len + s->len / 8 + 64;
			out.data = kh_alloc_atomic(out.cap);
		}
		kh_buf_put(&out, s->text + copied, st - copied);
		kh_buf_put(&out, (const char *)nfc, (size_t)n);
		free(nfc);
		copied = en;
	}
	if (!out.data)
		return; /* nothing changed: keep the raw text and its line table */
	kh_buf_put(&out, s->text + copied, s->len - copied);
	kh_buf_putc(&out, '\0'); /* with the NUL kh_buf keeps: two NULs end it */
	s->text = out.data;
	s->len = out.len - 1;
	s->cap = out.cap;
	kh_source_build_lines(s);
}

/* ------------------------------------------------------------------ */
/* The usual file                                                     */

/* The lines of T[0, LEN) when no CR is in it: one more than its LFs. */
static size_t count_lines(const unsigned char *t, size_t len)
{
	size_t n = 1;
	for (const unsigned char *p = t, *end = t + len; (p = memchr(p, '\n', (size_t)(end - p))); p++)
		n++;
	return n;
}

/* A character check_content passes without a word and normalise leaves
 * alone, starting at T[I] (>= 0x80); its length in *N. */
static bool quiet_char(const unsigned char *t, size_t i, size_t len, size_t *n)
{
	if (utf8_check(t, i, len, len, n))
		return false;
	int32_t cp = decode_valid(t + i, n);
	return kh_nfc_inert(cp) && kh_char_classify(cp) == KH_CHAR_OK;
}

/* The line table as the fast pass builds it. */
typedef struct {
	uint32_t *starts;
	size_t k, st; /* lines recorded; where the current one starts */
	size_t max_line;
} line_table;

/* The byte T[*I] is not printable ASCII: a line end, a tab or a
 * character the fast pass may let through is stepped over; false for
 * anything the full checks must see (a control byte, NUL, bad UTF-8, a
 * character to report, a line too long). */
static inline bool step_odd(const unsigned char *t, size_t *i, size_t len, line_table *lt)
{
	size_t m;
	unsigned char b = t[*i];
	if (b == '\n') {
		if (*i - lt->st > lt->max_line)
			return false;
		lt->starts[lt->k++] = (uint32_t)(lt->st = *i + 1);
		++*i;
	} else if (skip_common_letter(t, i)) {
		/* stepped */
	} else if (b == '\t') {
		++*i;
	} else if (b >= 0x80 && quiet_char(t, *i, len, &m)) {
		*i += m; /* – “ ” … and the like */
	} else {
		return false;
	}
	return true;
}

#ifdef __SSE2__
/* Carried from one block of 16 bytes to the next: the continuation
 * bytes a letter begun in it still wants, and whether the next byte
 * must be the second of U+1E00..U+1EFF. */
typedef struct {
	unsigned cont, second;
} block_carry;

/* The bytes of T[0, 16) in X that fall in [LO, HI], as a bit mask
 * (signed compares: LO - 1 and HI + 1 must keep LO's sign). */
static inline unsigned in_range(__m128i x, int lo, int hi)
{
	__m128i above = _mm_cmpgt_epi8(x, _mm_set1_epi8((char)(lo - 1)));
	__m128i below = _mm_cmplt_epi8(x, _mm_set1_epi8((char)(hi + 1)));
	return (unsigned)_mm_movemask_epi8(_mm_and_si128(above, below));
}

static inline unsigned equal_to(__m128i x, int b)
{
	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)b)));
}

/*
 * Whether the 16 bytes at T hold only what the fast pass lets through
 * without looking closer: printable ASCII, tabs, line ends (their bits in
 * *NL) and the letters skip_common_letter knows (U+00C0..U+02FF, two
 * bytes; U+1E00..U+1EFF, three), a letter allowed to run on into the
 * next block (*C). Every byte classified at once: in Vietnamese text
 * a third of the bytes are letters', between runs of ASCII of every
 * length, and a branch a character was most of reading a file.
 */
static inline bool plain_block(const unsigned char *t, block_carry *c, unsigned *nl)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)t);
	unsigned ascii = in_range(x, 0x20, 0x7E) | equal_to(x, '\t');
	unsigned lines = equal_to(x, '\n');
	/* 0x80..0xBF: below 0xC0 as signed bytes, and not ASCII */
	unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x, _mm_set1_epi8((char)0xC0)));
	unsigned lead2 = in_range(x, 0xC3, 0xCB), lead3 = equal_to(x, 0xE1);
	unsigned second3 = in_range(x, 0xB8, 0xBB);
	unsigned want = ((lead2 | lead3) << 1) | (lead3 << 2) | c->cont;
	unsigned want_second = (lead3 << 1) | c->second;
	if ((ascii | lines | cont | lead2 | lead3) != 0xFFFFu || cont != (want & 0xFFFFu) ||
	    (want_second & 0xFFFFu & ~second3))
		return false;
	c->cont = want >> 16;
	c->second = want_second >> 16;
	*nl = lines;
	return true;
}

/* Records the line ends at AT + the bits of NL. */
static inline bool note_lines(size_t at, unsigned nl, line_table *lt)
{
	for (; nl; nl &= nl - 1) {
		size_t i = at + (size_t)__builtin_ctz(nl);
		if (i - lt->st > lt->max_line)
			return false;
		lt->starts[lt->k++] = (uint32_t)(lt->st = i + 1);
	}
	return true;
}

/* Where the reading goes on from I, the start of a block: when a letter
 * begun before I is still open (C), at its lead byte, so that the letter
 * is read again whole. */
static size_t resume_at(const unsigned char *t, size_t i, block_carry c)
{
	if (!c.cont && !c.second)
		return i;
	do
		i--;
	while (kh_utf8_is_cont(t[i])); /* a lead is one or two bytes back */
	return i;
}

/* The whole blocks of 16 bytes from *AT; a block holding anything else
 * is read a character at a time. *AT is left at a character's start. */
static bool blocks16(const unsigned char *t, size_t *at, size_t len, line_table *lt)
{
	size_t i = *at;
	block_carry c = { 0, 0 };
	while (i + 16 <= len) {
		unsigned nl;
		if (plain_block(t + i, &c, &nl)) {
			if (!note_lines(i, nl, lt))
				return false;
			i += 16;
			continue;
		}
		size_t end = i + 16;
		i = resume_at(t, i, c);
		c = (block_carry){ 0, 0 };
		while (i < end) {
			if ((unsigned char)(t[i] - 0x20) < 0x5F)
				i++;
			else if (!step_odd(t, &i, len, lt))
				return false;
		}
	}
	*at = resume_at(t, i, c);
	return true;
}
#endif

bool kh_source_fast_lines(kh_source *s, size_t max_line)
{
	const unsigned char *t = (const unsigned char *)s->text;
	size_t len = s->len;
	if (memchr(t, '\r', len))
		return false; /* CR and CR LF ends: build_lines' business */
	size_t n = count_lines(t, len);
	if (n >= KH_MAX_LINES)
		return false;
	line_table lt = { kh_alloc_atomic(kh_mul_size(n, sizeof *lt.starts)), 1, 0, max_line };
	size_t i = 0; /* starts[0] = 0 */
#ifdef __SSE2__
	if (!blocks16(t, &i, len, &lt))
		return false;
#endif
	while (i < len) {
		/* A run of printable ASCII, to the NUL after the text at the
		 * latest (kh_source.text): no bound to test in the loop. */
		while ((unsigned char)(t[i] - 0x20) < 0x5F)
			i++;
		if (i >= len)
			break;
		if (!step_odd(t, &i, len, &lt))
			return false;
	}
	if (len - lt.st > max_line)
		return false;
	s->line_starts = lt.starts;
	s->nlines = n;
	return true;
}

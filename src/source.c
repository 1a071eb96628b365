/*
 * source.c - reads a plan file, refuses what is not a text file in UTF-8
 * (too large, NUL bytes, invalid UTF-8, over-long lines) with located
 * errors, NFC-normalises the rest, and keeps the line table for carets.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* fileno, fstat under -std=c17 */
#endif

#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

#include "alloc.h"
#include "diag.h"
#include "encoding.h"
#include "i18n.h"
#include "unichar.h"

#define KH_MB (1024u * 1024u)
#define KH_MAX_CONTENT_FINDINGS 20 /* NUL / UTF-8 / long-line errors per file */

static kh_source **registry;       /* every source loaded, indexed by id (GC memory) */
static size_t nregistry, capregistry;

kh_source *kh_source_get(int id)
{
	if (id < 0 || (size_t)id >= nregistry)
		return NULL;
	return registry[id];
}

void kh_source_reset(void)
{
	for (size_t i = 0; i < nregistry; i++)
		registry[i] = NULL; /* let the collector have them */
	nregistry = 0;
}

void kh_source_forget(void)
{
	registry = NULL;
	nregistry = capregistry = 0;
}

static void registry_add(kh_source *s)
{
	if (nregistry == capregistry) {
		capregistry = capregistry ? capregistry * 2 : 16;
		registry = KH_GROW_N(registry, kh_source *, capregistry);
	}
	s->id = (int)nregistry;
	registry[nregistry++] = s;
}

/*
 * Builds S->line_starts. A line ends at LF, CR LF or a lone CR; a new
 * line starts after every line end, so "a\n" has two lines (the second
 * empty) and every offset up to LEN falls on a line. Counting first gives
 * an exact allocation: a file of nothing but newlines would otherwise
 * double a huge array.
 */
/* The offset just after the line end at or after I in T[0, LEN), or LEN
 * when none: '\n', "\r\n" or a lone '\r'. Without a CR in the text (CR,
 * as the caller found once), memchr for the LF; else strcspn, not a loop
 * of byte tests, since every file is scanned so (the text ends in NULs;
 * a NUL inside is stepped over here and reported by check_content). */
static size_t next_line(const char *t, size_t i, size_t len, bool cr)
{
	if (!cr) {
		const char *lf = i < len ? memchr(t + i, '\n', len - i) : NULL;
		return lf ? (size_t)(lf - t) + 1 : len;
	}
	for (;;) {
		i += strcspn(t + i, "\r\n");
		if (i >= len)
			return len;
		if (t[i] == '\0') {
			i++;
			continue;
		}
		if (t[i] == '\r' && i + 1 < len && t[i + 1] == '\n')
			i++;
		return i + 1;
	}
}

static bool has_cr(const char *t, size_t len)
{
	return memchr(t, '\r', len) != NULL;
}

static void build_lines(kh_source *s)
{
	const char *t = s->text;
	bool cr = has_cr(t, s->len);
	size_t n = 1;
	for (size_t i = next_line(t, 0, s->len, cr); i < s->len || (i == s->len && i > 0 &&
			(t[i - 1] == '\n' || t[i - 1] == '\r')); i = next_line(t, i, s->len, cr)) {
		n++;
		if (i >= s->len)
			break;
	}
	size_t *ls = KH_NEW_N(size_t, n);
	size_t k = 0;
	ls[k++] = 0;
	for (size_t i = 0; k < n;) {
		i = next_line(t, i, s->len, cr);
		ls[k++] = i;
	}
	s->line_starts = ls;
	s->nlines = n;
}

/* Byte offset where line I (0-based) ends, without its terminator. */
static size_t line_end(const kh_source *s, size_t i)
{
	size_t e = i + 1 < s->nlines ? s->line_starts[i + 1] : s->len;
	size_t st = s->line_starts[i];
	if (e > st && s->text[e - 1] == '\n')
		e--;
	if (e > st && s->text[e - 1] == '\r')
		e--;
	return e;
}

/* ------------------------------------------------------------------ */
/* Content checks                                                     */

static int is_cont(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

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
	while (k < need && i + 1 + k < end && is_cont(t[i + 1 + k]))
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
	size_t st = c->src->line_starts[line - 1], en = line_end(c->src, line - 1);
	kh_diag_note(x, (kh_span){ -1, 0, 0 }, _("read as %s, line %u says: %s"),
		     kh_encoding_name(enc), line, kh_legacy_decode(enc, t + st, en - st, 80));
	return true;
}

/*
 * Code points that NFC leaves alone whatever surrounds them: combining
 * class 0, NFC_Quick_Check = Yes, and never the second half of a
 * canonical composition. A line made only of these is already NFC.
 * The ranges cover what Vietnamese text uses: Latin-1, Latin
 * Extended-A/B (ă đ ơ ư), Latin Extended Additional (ạ ấ ộ ử ...),
 * general punctuation (– “ ” …, but not U+2000/U+2001, which NFC maps
 * to U+2002/U+2003) and currency signs (₫). test_source.c checks these
 * claims against utf8proc's tables.
 */
static int nfc_inert(int32_t cp)
{
	return cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2002 && cp <= 0x206F) ||
	       (cp >= 0x20A0 && cp <= 0x20CF);
}

/*
 * Runs the content checks on the raw (registered) source, one line at a
 * time: at most one NUL and one UTF-8 finding per line (the first bad
 * byte; the rest of the line usually fails the same way), and at most
 * KH_MAX_CONTENT_FINDINGS in all. Returns the number of problems found.
 */
static size_t check_content(kh_source *s, size_t max_line, kh_diags *diags, unsigned char **nfc)
{
	checker c = { s, diags, 0, 0, NULL, NULL, false, max_line };
	const unsigned char *t = (const unsigned char *)s->text;
	size_t problems = 0;

	for (size_t ln = 0; ln < s->nlines; ln++) {
		size_t st = s->line_starts[ln], en = line_end(s, ln);
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
			/* The rest of Vietnamese text: well-formed U+00C0..U+02FF (ă â
			 * đ ê ô ơ ư) and U+1E00..U+1FFF (the toned letters), which
			 * kh_char_classify passes; the line end is not crossed. */
			if (t[i] >= 0xC3 && t[i] <= 0xCB && i + 1 < en && (t[i + 1] & 0xC0) == 0x80) {
				i += 2;
				continue;
			}
			if (t[i] == 0xE1 && i + 2 < en && t[i + 1] >= 0xB8 && t[i + 1] <= 0xBF &&
			    (t[i + 2] & 0xC0) == 0x80) {
				inert &= t[i + 1] <= 0xBB; /* U+1E00..U+1EFF, not the Greek after them */
				i += 3;
				continue;
			}
			size_t n = 1;
			const char *why = t[i] < 0x80 ? NULL : utf8_check(t, i, en, s->len, &n);
			if (!why) {
				/* One finding per line for what must not be in a plan. */
				size_t k_len;
				int32_t cp = decode_valid(t + i, &k_len);
				inert &= nfc_inert(cp);
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
 * point outside nfc_inert() (combining marks U+0300..U+036F and the like),
 * go through utf8proc. NFC may lengthen a line (a few code points decompose under
 * NFC); the line limit applies to the bytes as read.
 */
static void normalise(kh_source *s, const unsigned char *marked)
{
	if (!marked)
		return; /* every line inert: the usual file */
	const unsigned char *t = (const unsigned char *)s->text;
	kh_buf out = { 0 };
	size_t copied = 0; /* raw bytes before this offset are already in OUT */

	for (size_t ln = 0; ln < s->nlines; ln++) {
		size_t st = s->line_starts[ln], en = line_end(s, ln);
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
	build_lines(s);
}

/* ------------------------------------------------------------------ */
/* Loading                                                            */

/* Where the first line past KH_MAX_LINES starts, or 0 when there is
 * none: a line is counted when it has a byte or ends (so "a\n" is one). */
static size_t too_many_lines(const char *text, size_t len)
{
	size_t ends = 0;
	bool cr = has_cr(text, len);
	for (size_t i = next_line(text, 0, len, cr); ; i = next_line(text, i, len, cr)) {
		bool ended = i < len || (i > 0 && (text[i - 1] == '\n' || text[i - 1] == '\r'));
		if (!ended)
			return 0;
		if (++ends == KH_MAX_LINES)
			return i < len ? i : 0;
		if (i >= len)
			return 0;
	}
}

static char *size_in_mb(unsigned long long bytes)
{
	return kh_printf("%llu MB", (bytes + KH_MB - 1) / KH_MB);
}

/*
 * Registers TEXT (kh_alloc_atomic memory of CAP >= LEN + 2 bytes, owned
 * from now on) as a source, then checks and normalises it. The raw text
 * is registered before the checks so that their errors can show the line.
 * The text always ends in two NULs, so flex can scan it in place
 * (yy_scan_buffer) instead of copying it.
 */
static kh_source *prepare(const char *path, char *text, size_t len, size_t cap,
			  size_t max_line, kh_diags *diags)
{
	bool bom; /* with or without one, the advice is the same */
	kh_encoding enc = kh_detect_utf16((const unsigned char *)text, len, &bom);
	if (enc != KH_ENC_UTF8) {
		/* Every line would be garbage: one finding for the file. */
		kh_diag_add_path(diags, KH_ERROR, path ? path : "<input>", "wrong-encoding",
				 _("this file is %s, not UTF-8: save it as UTF-8 (in Notepad: File "
				   "> Save As, Encoding: UTF-8)"),
				 kh_encoding_name(enc));
		return NULL;
	}
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
		memmove(text, text + 3, len - 3);
		len -= 3;
	}
	text[len] = text[len + 1] = '\0';
	kh_source *s = KH_NEW(kh_source);
	s->path = path ? kh_strdup(path) : "<input>";
	s->text = text;
	s->len = len;
	s->cap = cap;
	/* A file of nothing but line ends would need a table of 8 bytes a
	 * line: counted first, and refused past the limit. */
	size_t past = too_many_lines(text, len);
	if (past) {
		s->len = past; /* the table ends with the first line too many */
		while (s->len < len && text[s->len] != '\n' && text[s->len] != '\r')
			s->len++;
		build_lines(s);
		registry_add(s);
		kh_diag_add(diags, KH_ERROR, (kh_span){ s->id, (unsigned)past, (unsigned)past },
			    "line-too-long", _("the file has more than %u lines; the limit is %u"),
			    KH_MAX_LINES, KH_MAX_LINES);
		return NULL;
	}
	build_lines(s);
	registry_add(s);
	unsigned char *nfc = NULL; /* per line: holds a code point NFC might change */
	if (check_content(s, max_line, diags, &nfc))
		return NULL;
	normalise(s, nfc);
	return s;
}

static kh_source *from_bytes(const char *path, const char *bytes, size_t len, size_t max_line,
			     kh_diags *diags)
{
	if (len > KH_MAX_FILE_BYTES) {
		kh_diag_add_path(diags, KH_ERROR, path, "io-error", _("file is %s; the limit is %u MB"),
				 size_in_mb(len), KH_MAX_FILE_BYTES / KH_MB);
		return NULL;
	}
	char *text = kh_alloc_atomic(len + 2);
	if (len)
		memcpy(text, bytes, len);
	return prepare(path, text, len, len + 2, max_line, diags);
}

kh_source *kh_source_from_bytes(const char *path, const char *bytes, size_t len,
				kh_diags *diags)
{
	return from_bytes(path, bytes, len, KH_MAX_LINE_BYTES, diags);
}

kh_source *kh_source_from_bytes_any_lines(const char *path, const char *bytes, size_t len,
					  kh_diags *diags)
{
	return from_bytes(path, bytes, len, SIZE_MAX, diags);
}

/*
 * Reads all of F into a buffer of *ALLOC >= *LEN + 2 bytes. Regular files
 * are read in one go at their stat size; pipes and devices have no useful
 * size, so the buffer grows, and the size limit is enforced while reading.
 * Returns NULL with *TOO_BIG or errno set.
 */
static char *read_all(FILE *f, size_t hint, size_t *len, size_t *alloc, int *too_big)
{
	size_t cap = hint ? hint + 1 : 64 * 1024;
	size_t n = 0;
	char *buf = kh_alloc_atomic(cap + 1);
	for (;;) {
		if (n == cap) {
			if (n > KH_MAX_FILE_BYTES) {
				*too_big = 1;
				*len = n;
				return NULL;
			}
			/* one byte past the limit is enough to know it is too big */
			cap = cap > KH_MAX_FILE_BYTES / 2 ? (size_t)KH_MAX_FILE_BYTES + 1 : cap * 2;
			buf = kh_realloc_atomic(buf, cap + 1);
		}
		size_t k = fread(buf + n, 1, cap - n, f);
		n += k;
		if (k == 0) {
			if (ferror(f))
				return NULL;
			break;
		}
	}
	if (n > KH_MAX_FILE_BYTES) {
		*too_big = 1;
		*len = n;
		return NULL;
	}
	if (n + 2 > cap + 1)
		buf = kh_realloc_atomic(buf, n + 2);
	*alloc = n + 2 > cap + 1 ? n + 2 : cap + 1;
	*len = n;
	return buf;
}

/* Opens PATH for reading without blocking on a FIFO that has no writer
 * (O_NONBLOCK, cleared once it is known what PATH is). NULL, with a
 * finding, when it cannot be opened or is not what may be read. */
static FILE *open_plan(const char *path, bool regular_only, struct stat *st, kh_diags *diags)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		kh_diag_add_path(diags, KH_ERROR, path, "io-error", _("cannot open '%s': %s"), path,
				 strerror(errno));
		return NULL;
	}
	const char *why = NULL;
	if (fstat(fd, st) != 0) {
		why = strerror(errno);
	} else if (S_ISDIR(st->st_mode)) {
		close(fd);
		kh_diag_add_path(diags, KH_ERROR, path, "io-error",
				 _("'%s' is a directory, not a plan file"), path);
		return NULL;
	} else if (regular_only && !S_ISREG(st->st_mode)) {
		why = _("it is not a regular file (a FIFO or a device): imports are read from files only");
	}
	int flags = why ? 0 : fcntl(fd, F_GETFL);
	if (!why && (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0))
		why = strerror(errno);
	FILE *f = why ? NULL : fdopen(fd, "rb");
	if (!f) {
		kh_diag_add_path(diags, KH_ERROR, path, "io-error", _("cannot read '%s': %s"), path,
				 why ? why : strerror(errno));
		close(fd);
	}
	return f;
}

kh_source *kh_source_load(const char *path, kh_diags *diags, int *io_error)
{
	return kh_source_load_file(path, false, diags, io_error);
}

static kh_source *load_file(const char *path, bool regular_only, size_t max_line, kh_diags *diags,
			    int *io_error);

kh_source *kh_source_load_file(const char *path, bool regular_only, kh_diags *diags,
			       int *io_error)
{
	return load_file(path, regular_only, KH_MAX_LINE_BYTES, diags, io_error);
}

kh_source *kh_source_load_table(const char *path, kh_diags *diags, int *io_error)
{
	return load_file(path, false, SIZE_MAX, diags, io_error);
}

char *kh_source_read_file(const char *path, bool regular_only, kh_diags *diags, int *io_error,
			  size_t *len_out, size_t *cap_out)
{
	*io_error = 1;
	struct stat st;
	FILE *f = open_plan(path, regular_only, &st, diags);
	if (!f)
		return NULL;
	size_t hint = 0;
	if (S_ISREG(st.st_mode)) {
		if ((unsigned long long)st.st_size > KH_MAX_FILE_BYTES) {
			fclose(f);
			kh_diag_add_path(diags, KH_ERROR, path, "io-error",
					 _("file is %s; the limit is %u MB"),
					 size_in_mb((unsigned long long)st.st_size),
					 KH_MAX_FILE_BYTES / KH_MB);
			return NULL;
		}
		hint = (size_t)st.st_size;
		kh_alloc_expect(hint);
	}
	size_t len = 0, alloc = 0;
	int too_big = 0;
	errno = 0;
	char *text = read_all(f, hint, &len, &alloc, &too_big);
	int e = errno;
	fclose(f);
	if (!text) {
		if (too_big)
			kh_diag_add_path(diags, KH_ERROR, path, "io-error",
					 _("file is over the %u MB limit"), KH_MAX_FILE_BYTES / KH_MB);
		else
			kh_diag_add_path(diags, KH_ERROR, path, "io-error", _("cannot read '%s': %s"),
					 path, strerror(e ? e : EIO));
		return NULL;
	}
	*io_error = 0;
	*len_out = len;
	*cap_out = alloc;
	return text;
}

kh_source *kh_source_prepare(const char *path, char *text, size_t len, size_t cap,
			     kh_diags *diags)
{
	return prepare(path, text, len, cap, KH_MAX_LINE_BYTES, diags);
}

kh_source *kh_source_from_checked(const char *path, char *text, size_t len, size_t cap)
{
	text[len] = text[len + 1] = '\0';
	kh_source *s = KH_NEW(kh_source);
	s->path = kh_strdup(path);
	s->text = text;
	s->len = len;
	s->cap = cap;
	build_lines(s);
	registry_add(s);
	return s;
}

kh_source *kh_source_register_copy(const kh_source *s, const char *path)
{
	kh_source *c = KH_NEW(kh_source);
	*c = *s;
	c->path = kh_strdup(path);
	registry_add(c);
	return c;
}

static kh_source *load_file(const char *path, bool regular_only, size_t max_line, kh_diags *diags,
			    int *io_error)
{
	size_t len, alloc;
	char *text = kh_source_read_file(path, regular_only, diags, io_error, &len, &alloc);
	if (!text)
		return NULL;
	return prepare(path, text, len, alloc, max_line, diags);
}

/* ------------------------------------------------------------------ */
/* Locations                                                          */

void kh_source_locate(const kh_source *src, size_t offset, unsigned *line, unsigned *col)
{
	if (offset > src->len)
		offset = src->len;
	size_t lo = 0, hi = src->nlines; /* line_starts[lo] <= offset < line_starts[hi] */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (src->line_starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	unsigned c = 1;
	for (size_t i = src->line_starts[lo]; i < offset; i++)
		if (!is_cont((unsigned char)src->text[i]))
			c++;
	*line = (unsigned)lo + 1;
	*col = c;
}

const char *kh_source_line(const kh_source *src, unsigned line, size_t *len)
{
	if (line < 1 || line > src->nlines) {
		*len = 0;
		return "";
	}
	size_t st = src->line_starts[line - 1];
	*len = line_end(src, line - 1) - st;
	return src->text + st;
}

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
#include "source_check.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "diag.h"
#include "encoding.h"
#include "i18n.h"
#include "unichar.h"

#define KH_MB (1024u * 1024u)


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

void kh_source_build_lines(kh_source *s)
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
	uint32_t *ls = kh_alloc_atomic(kh_mul_size(n, sizeof *ls));
	size_t k = 0;
	ls[k++] = 0;
	for (size_t i = 0; k < n;) {
		i = next_line(t, i, s->len, cr);
		ls[k++] = (uint32_t)i;
	}
	s->line_starts = ls;
	s->nlines = n;
}

size_t kh_source_line_end(const kh_source *s, size_t i)
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
	if (kh_source_fast_lines(s, max_line)) {
		registry_add(s);
		return s;
	}
	/* A file of nothing but line ends would need a table of 8 bytes a
	 * line: counted first, and refused past the limit. */
	size_t past = too_many_lines(text, len);
	if (past) {
		s->len = past; /* the table ends with the first line too many */
		while (s->len < len && text[s->len] != '\n' && text[s->len] != '\r')
			s->len++;
		kh_source_build_lines(s);
		registry_add(s);
		kh_diag_add(diags, KH_ERROR, (kh_span){ s->id, (unsigned)past, (unsigned)past },
			    "line-too-long", _("the file has more than %u lines; the limit is %u"),
			    KH_MAX_LINES, KH_MAX_LINES);
		return NULL;
	}
	kh_source_build_lines(s);
	registry_add(s);
	unsigned char *nfc = NULL; /* per line: holds a code point NFC might change */
	if (kh_source_check_content(s, max_line, diags, &nfc))
		return NULL;
	kh_source_normalise(s, nfc);
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
	char *buf = kh_alloc_atomic_unzeroed(cap + 1); /* only [0, n) is read; prepare ends it */
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
	/* O_NONBLOCK only changes how a FIFO or a device is read: a regular
	 * file (every import, most plans) keeps it, two calls fewer a file */
	int flags = why || S_ISREG(st->st_mode) ? 0 : fcntl(fd, F_GETFL);
	if (!why && !S_ISREG(st->st_mode) && (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0))
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
	kh_source_build_lines(s);
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
		if (!kh_utf8_is_cont((unsigned char)src->text[i]))
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
	*len = kh_source_line_end(src, line - 1) - st;
	if (src->strings_in_place && memchr(src->text + st, '\0', *len))
		return kh_source_copy(src, st, st + *len);
	return src->text + st;
}

/* Every NUL of T[0, N) made the closing quote it stands for (a NUL before
 * a text's end is one: the loader lets none into a plan). */
static void quotes_back(char *t, size_t n)
{
	for (char *p = t, *end = t + n; (p = memchr(p, '\0', (size_t)(end - p))); p++)
		*p = '"';
}

void kh_source_put_quotes_back(kh_source *src)
{
	if (!src->strings_in_place)
		return;
	quotes_back((char *)src->text, src->len);
	src->strings_in_place = false;
}

char *kh_source_copy(const kh_source *src, size_t start, size_t end)
{
	if (end > src->len)
		end = src->len;
	if (start > end)
		start = end;
	/* cut from the texts' chunks: a date's text as written, for each of
	 * a plan's dates, takes its length, not the collector's rounding */
	char *out = kh_strndup_bump(src->text + start, end - start);
	if (src->strings_in_place)
		quotes_back(out, end - start);
	return out;
}

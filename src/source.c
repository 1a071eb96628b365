/*
 * source.c - reading a plan file before the scanner sees it: size cap,
 * NUL bytes, UTF-8 validity (RFC 3629, via utf8proc), line length, then
 * NFC normalisation and the table of line starts for line:column.
 * Part of kehoach; see README.md for the licence.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <utf8proc.h>

#include "alloc.h"
#include "diag.h"
#include "source.h"

enum { MAX_BYTE_FINDINGS = 20 };   /* bad bytes reported per file */

static kh_source **registry;
static size_t nsources, cap_sources;

kh_source *kh_source_get(int id)
{
	return id >= 0 && (size_t)id < nsources ? registry[id] : NULL;
}

void kh_source_reset(void)
{
	nsources = 0;
}

/* Line starts: after "\n", after "\r\n" (one line end), after a lone "\r". */
static void build_lines(kh_source *s)
{
	size_t cap = 64, n = 0;
	size_t *starts = KH_NEW_N(size_t, cap);
	starts[n++] = 0;
	for (size_t i = 0; i < s->len; i++) {
		char c = s->text[i];
		if (c != '\n' && c != '\r')
			continue;
		if (c == '\r' && i + 1 < s->len && s->text[i + 1] == '\n')
			i++;
		if (n == cap) {
			cap *= 2;
			starts = KH_GROW_N(starts, size_t, cap);
		}
		starts[n++] = i + 1;
	}
	s->line_starts = starts;
	s->nlines = n;
}

static kh_source *register_source(const char *path, const char *text, size_t len)
{
	kh_source *s = KH_NEW(kh_source);
	s->path = path;
	s->text = text;
	s->len = len;
	build_lines(s);
	if (nsources == cap_sources) {
		cap_sources = cap_sources ? cap_sources * 2 : 8;
		registry = KH_GROW_N(registry, kh_source *, cap_sources);
	}
	s->id = (int)nsources;
	registry[nsources++] = s;
	return s;
}

/*
 * Is the text certainly NFC already? True when every code point is below
 * U+0300 (ASCII, Latin-1, Latin Extended A/B: all precomposed, none
 * combining), in Latin Extended Additional U+1E00-U+1EFF (the precomposed
 * Vietnamese letters), or in the punctuation block U+2002-U+206F. That is
 * every real Vietnamese plan; anything else goes through utf8proc.
 */
static int surely_nfc(const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *)text;
	for (size_t i = 0; i < len;) {
		unsigned c = p[i];
		if (c < 0x80) {
			i++;
		} else if (c < 0xCC) { /* U+0080..U+02FF */
			i += 2;
		} else if (c == 0xE1 && (p[i + 1] == 0xB8 || p[i + 1] == 0xB9 || p[i + 1] == 0xBA ||
					 p[i + 1] == 0xBB)) { /* U+1E00..U+1EFF */
			i += 3;
		} else if (c == 0xE2 && p[i + 1] == 0x80 && p[i + 2] >= 0x82) { /* U+2002..U+203F */
			i += 3;
		} else if (c == 0xE2 && p[i + 1] == 0x81 && p[i + 2] <= 0xAF) { /* U+2040..U+206F */
			i += 3;
		} else {
			return 0;
		}
	}
	return 1;
}

kh_source *kh_source_from_bytes(const char *path, const char *bytes, size_t len, kh_diags *diags)
{
	if (len >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3)) { /* a BOM is not content */
		bytes += 3;
		len -= 3;
	}
	char *raw = kh_alloc_atomic(len + 1);
	memcpy(raw, bytes, len);
	kh_source *s = register_source(path, raw, len);
	unsigned findings = 0;
	size_t bad_line = (size_t)-1;
	for (size_t line = 0; line < s->nlines; line++) {
		size_t start = s->line_starts[line];
		size_t end = line + 1 < s->nlines ? s->line_starts[line + 1] : len;
		if (end - start > KH_MAX_LINE_BYTES && findings < MAX_BYTE_FINDINGS) {
			kh_span sp = { s->id, (unsigned)start, (unsigned)start };
			kh_diag_add(diags, KH_ERROR, sp, "line-too-long",
				    "line is %zu bytes long; the limit is %u", end - start,
				    KH_MAX_LINE_BYTES);
			findings++;
		}
		/* The first NUL or invalid byte of each line. */
		for (size_t i = start; i < end && findings < MAX_BYTE_FINDINGS && bad_line != line;) {
			if (raw[i] == '\0') {
				kh_span sp = { s->id, (unsigned)i, (unsigned)i + 1 };
				kh_diag_add(diags, KH_ERROR, sp, "nul-byte",
					    "NUL byte in the file; plan files are text");
				findings++;
				bad_line = line;
				break;
			}
			if ((unsigned char)raw[i] < 0x80) {
				i++;
				continue;
			}
			utf8proc_int32_t cp;
			utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)raw + i,
							      (utf8proc_ssize_t)(end - i), &cp);
			if (k > 0) {
				i += (size_t)k;
				continue;
			}
			kh_span sp = { s->id, (unsigned)i, (unsigned)i + 1 };
			kh_diag_add(diags, KH_ERROR, sp, "invalid-utf8",
				    "invalid UTF-8 (byte 0x%02X); save the file as UTF-8",
				    (unsigned char)raw[i]);
			findings++;
			bad_line = line;
		}
	}
	if (findings)
		return NULL;
	if (!surely_nfc(raw, len)) {
		utf8proc_uint8_t *nfc = NULL;
		utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)raw, (utf8proc_ssize_t)len,
						  &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (n >= 0 && nfc) {
			char *text = kh_alloc_atomic((size_t)n + 1);
			memcpy(text, nfc, (size_t)n);
			s->text = text;
			s->len = (size_t)n;
			build_lines(s);
		}
		free(nfc);
	}
	return s;
}

kh_source *kh_source_load(const char *path, kh_diags *diags, int *io_error)
{
	*io_error = 1;
	FILE *f = fopen(path, "rb");
	if (!f) {
		kh_diag_add_path(diags, KH_ERROR, path, "io-error", "cannot open '%s': %s", path,
				 strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fileno(f), &st) != 0 || S_ISDIR(st.st_mode)) {
		fclose(f);
		kh_diag_add_path(diags, KH_ERROR, path, "io-error",
				 "'%s' is a directory, not a plan file", path);
		return NULL;
	}
	if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > KH_MAX_FILE_BYTES) {
		fclose(f);
		kh_diag_add_path(diags, KH_ERROR, path, "io-error",
				 "'%s' is %llu MB; the limit is %u MB", path,
				 (unsigned long long)st.st_size >> 20, KH_MAX_FILE_BYTES >> 20);
		return NULL;
	}
	size_t cap = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size + 1 : 4096;
	size_t n = 0;
	char *buf = kh_alloc_atomic(cap);
	for (;;) {
		size_t k = fread(buf + n, 1, cap - n, f);
		n += k;
		if (k == 0)
			break;
		if (n == cap) {
			if (cap > KH_MAX_FILE_BYTES) {
				fclose(f);
				kh_diag_add_path(diags, KH_ERROR, path, "io-error",
						 "'%s' is larger than %u MB", path, KH_MAX_FILE_BYTES >> 20);
				return NULL;
			}
			cap *= 2;
			buf = kh_realloc_atomic(buf, cap);
		}
	}
	int failed = ferror(f);
	int err = errno;
	fclose(f);
	if (failed) {
		kh_diag_add_path(diags, KH_ERROR, path, "io-error", "cannot read '%s': %s", path,
				 strerror(err));
		return NULL;
	}
	*io_error = 0;
	return kh_source_from_bytes(path, buf, n, diags);
}

void kh_source_locate(const kh_source *s, size_t offset, unsigned *line, unsigned *col)
{
	if (offset > s->len)
		offset = s->len;
	size_t lo = 0, hi = s->nlines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->line_starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	unsigned c = 1;
	for (size_t i = s->line_starts[lo]; i < offset; i++)
		if (((unsigned char)s->text[i] & 0xC0) != 0x80)
			c++;
	*line = (unsigned)lo + 1;
	*col = c;
}

const char *kh_source_line(const kh_source *s, unsigned line, size_t *len)
{
	if (line < 1 || line > s->nlines) {
		*len = 0;
		return "";
	}
	size_t start = s->line_starts[line - 1];
	size_t end = line < s->nlines ? s->line_starts[line] : s->len;
	while (end > start && (s->text[end - 1] == '\n' || s->text[end - 1] == '\r'))
		end--;
	*len = end - start;
	return s->text + start;
}

/*
 * test_source.c - the loader: NFC vs NFD input (checked against utf8proc),
 * every kind of invalid UTF-8, NUL bytes, line ends, BOM, long lines, empty
 * files, the registry, columns on Vietnamese lines, unreadable files.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdtemp, ftruncate, geteuid */
#endif
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include <utf8proc.h>

#include "alloc.h"
#include "diag.h"
#include "source.h"
#include "source_check.h"

/* Loads LEN bytes as "t.kh" with fresh diagnostics in D. */
static kh_source *load(const char *bytes, size_t len, kh_diags *d)
{
	memset(d, 0, sizeof *d);
	return kh_source_from_bytes("t.kh", bytes, len, d);
}

/* The text ends in two NULs inside its allocation, for flex's yy_scan_buffer. */
static void assert_two_nuls(const kh_source *s)
{
	assert_true(s->cap >= s->len + 2);
	assert_int_equal(s->text[s->len], '\0');
	assert_int_equal(s->text[s->len + 1], '\0');
}

/* Prints the findings, so a failing assertion shows what was reported. */
static void dump(const kh_diags *d)
{
	kh_buf out = { 0 };
	kh_diags_print_text(d, &out, 0);
	print_message("%s", kh_buf_cstr(&out));
}

/*
 * Asserts that BYTES are refused with RULE as the first finding, at
 * LINE:COL, underlining SPAN_LEN bytes, with message MSG (when not NULL).
 */
static void expect_bad(const char *bytes, size_t len, const char *rule, unsigned line,
		       unsigned col, unsigned span_len, const char *msg)
{
	kh_diags d;
	kh_source *s = load(bytes, len, &d);
	if (s || !d.first || strcmp(d.first->rule, rule))
		dump(&d);
	assert_null(s);
	assert_non_null(d.first);
	assert_string_equal(d.first->rule, rule);
	assert_int_equal(d.first->severity, KH_ERROR);
	kh_source *raw = kh_source_get(d.first->span.file);
	assert_non_null(raw); /* registered, so the error can show the line */
	unsigned l, c;
	kh_source_locate(raw, d.first->span.start, &l, &c);
	assert_int_equal(l, line);
	assert_int_equal(c, col);
	assert_int_equal(d.first->span.end - d.first->span.start, span_len);
	if (msg)
		assert_string_equal(d.first->message, msg);
}

/* Decomposed "ế" (e + U+0302 + U+0301) reads as U+1EBF; NFC text is kept. */
static void test_nfd_becomes_nfc(void **state)
{
	(void)state;
	kh_diags d;
	kh_source *s = load("k\x65\xCC\x82\xCC\x81", 6, &d);
	assert_non_null(s);
	assert_string_equal(s->text, "k\xE1\xBA\xBF");
	assert_int_equal(s->len, 4);
	assert_int_equal(d.count, 0);
	assert_two_nuls(s);

	const char *nfc = "Kế hoạch số 12-KH/TU\nvề việc tổ chức Đại hội – nhiệm kỳ 2025–2030 ₫\n";
	s = load(nfc, strlen(nfc), &d);
	assert_non_null(s);
	assert_string_equal(s->text, nfc);
	assert_int_equal(s->nlines, 3);
	assert_two_nuls(s);

	/* a singleton outside the fast path (U+212B ANGSTROM SIGN -> U+00C5) */
	s = load("\xE2\x84\xAB", 3, &d);
	assert_string_equal(s->text, "\xC3\x85");
	/* U+2000 EN QUAD -> U+2002 EN SPACE, though its neighbours are inert */
	s = load("a\xE2\x80\x80" "b", 5, &d);
	assert_string_equal(s->text, "a\xE2\x80\x82" "b");
}

/* Only the NFD line changes; the line table follows the new text. */
static void test_nfd_line_among_ascii_lines(void **state)
{
	(void)state;
	kh_diags d;
	const char *in = "abc\r\nNo\xCC\xA3\xCC\x82p x\nend";
	kh_source *s = load(in, strlen(in), &d);
	assert_non_null(s);
	assert_string_equal(s->text, "abc\r\nN\xE1\xBB\x99p x\nend");
	assert_int_equal(s->nlines, 3);
	size_t len;
	const char *t = kh_source_line(s, 2, &len);
	assert_int_equal(len, strlen("Nộp x"));
	assert_memory_equal(t, "Nộp x", len);
	t = kh_source_line(s, 3, &len);
	assert_int_equal(len, 3);
	assert_memory_equal(t, "end", 3);
	unsigned l, c;
	kh_source_locate(s, (size_t)(strstr(s->text, "x") - s->text), &l, &c);
	assert_int_equal(l, 2);
	assert_int_equal(c, 5);
}

/*
 * Random texts built from awkward pieces (combining marks in any order,
 * Hangul jamo, singletons, composition exclusions, marks after line ends)
 * must come out exactly as utf8proc_NFC makes the whole text.
 */
static void test_nfc_matches_utf8proc(void **state)
{
	(void)state;
	static const char *const pieces[] = {
		"a", "e", "o", "u", "A", " ", "\n", "\r\n", "\r", "\t",
		"\xE1\xBB\x99",     /* ộ */
		"\xC6\xA1",         /* ơ */
		"\xC4\x91",         /* đ */
		"\xCC\x80", "\xCC\x81", "\xCC\x82", "\xCC\x83", "\xCC\x89", "\xCC\xA3", "\xCC\x9B",
		"\xCD\x80",         /* U+0340, maps to U+0300 */
		"\xCD\x84",         /* U+0344, maps to U+0308 U+0301 */
		"\xE2\x84\xAB",     /* U+212B ANGSTROM SIGN */
		"\xE2\x80\x80",     /* U+2000 */
		"\xE2\x80\x93",     /* – */
		"\xE2\x82\xAB",     /* ₫ */
		"\xE1\x84\x80",     /* U+1100 Hangul L */
		"\xE1\x85\xA1",     /* U+1161 Hangul V */
		"\xE1\x86\xA8",     /* U+11A8 Hangul T */
		"\xEA\xB0\x80",     /* U+AC00 GA */
		"\xE0\xA7\x87",     /* U+09C7 */
		"\xE0\xA6\xBE",     /* U+09BE, composes after U+09C7 */
		"\xE0\xBD\xB3",     /* U+0F73, excluded */
		"\xF0\x9D\x85\x9E", /* U+1D15E, excluded */
		"\xEF\xA4\x80",     /* U+F900 CJK compatibility */
	};
	const size_t npieces = sizeof pieces / sizeof pieces[0];
	uint32_t seed = 12345;
	for (int iter = 0; iter < 3000; iter++) {
		kh_buf b = { 0 };
		int n = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 40;
		for (int i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			kh_buf_puts(&b, pieces[(seed >> 16) % npieces]);
		}
		const char *in = kh_buf_cstr(&b);
		kh_diags d;
		kh_source *s = load(in, b.len, &d);
		assert_non_null(s);
		utf8proc_uint8_t *want = utf8proc_NFC((const utf8proc_uint8_t *)in);
		assert_non_null(want);
		assert_string_equal(s->text, (const char *)want);
		assert_int_equal(s->len, strlen((const char *)want));
		assert_two_nuls(s);
		free(want);
	}
}

/* The ranges source.c skips (nfc_inert) must really be left alone by NFC. */
/* The loader's own claim (source_check.c), checked here. */
static int inert(int32_t cp)
{
	return kh_nfc_inert(cp);
}

static void test_fast_path_ranges_are_nfc_inert(void **state)
{
	(void)state;
	for (int32_t cp = 1; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		utf8proc_int32_t dec[32];
		int last = 0;
		utf8proc_ssize_t n = utf8proc_decompose_char(cp, dec, 32, UTF8PROC_DECOMPOSE, &last);
		assert_true(n >= 1 && n <= 32);
		/* never the second part of a canonical pair, so never composes backwards */
		for (utf8proc_ssize_t j = 1; j < n; j++) {
			if (inert(dec[j]))
				print_message("U+%04X decomposes to ... U+%04X\n", (unsigned)cp,
					      (unsigned)dec[j]);
			assert_false(inert(dec[j]));
		}
		if (!inert(cp))
			continue;
		assert_int_equal(utf8proc_get_property(cp)->combining_class, 0);
		utf8proc_uint8_t one[8] = { 0 };
		utf8proc_encode_char(cp, one);
		utf8proc_uint8_t *nfc = utf8proc_NFC(one);
		if (strcmp((const char *)nfc, (const char *)one))
			print_message("NFC changes U+%04X\n", (unsigned)cp);
		assert_string_equal((const char *)nfc, (const char *)one);
		free(nfc);
	}
}

/* Every class of ill-formed UTF-8 (RFC 3629), located at its first byte. */
static void test_invalid_utf8(void **state)
{
	(void)state;
	expect_bad("ab\xC0\x80", 4, "invalid-utf8", 1, 3, 2,
		   "invalid UTF-8 byte 0xC0 (overlong encoding)");
	expect_bad("\xC1\xBF", 2, "invalid-utf8", 1, 1, 2, NULL);
	expect_bad("\xE0\x80\x80", 3, "invalid-utf8", 1, 1, 3,
		   "invalid UTF-8 byte 0xE0 (overlong encoding)");
	expect_bad("\xE0\x9F\xBF", 3, "invalid-utf8", 1, 1, 3, NULL);
	expect_bad("\xF0\x8F\xBF\xBF", 4, "invalid-utf8", 1, 1, 4,
		   "invalid UTF-8 byte 0xF0 (overlong encoding)");
	expect_bad("x\n\xED\xA0\x80", 5, "invalid-utf8", 2, 1, 3,
		   "invalid UTF-8 byte 0xED (a UTF-16 surrogate, not a character)");
	expect_bad("\xED\xBF\xBF", 3, "invalid-utf8", 1, 1, 3, NULL);
	expect_bad("\xF4\x90\x80\x80", 4, "invalid-utf8", 1, 1, 4,
		   "invalid UTF-8 byte 0xF4 (above U+10FFFF)");
	expect_bad("\xF5\x80\x80\x80", 4, "invalid-utf8", 1, 1, 4,
		   "invalid UTF-8 byte 0xF5 (above U+10FFFF)");
	expect_bad("a\xFF", 2, "invalid-utf8", 1, 2, 1,
		   "invalid UTF-8 byte 0xFF (a byte never used in UTF-8)");
	expect_bad("ok \xE1\xBA", 5, "invalid-utf8", 1, 4, 2,
		   "invalid UTF-8 byte 0xE1 (a sequence cut short by the end of the file)");
	expect_bad("ok \xF0\x9F\x98", 6, "invalid-utf8", 1, 4, 3, NULL);
	expect_bad("\xE1\xBA x\n", 5, "invalid-utf8", 1, 1, 2,
		   "invalid UTF-8 byte 0xE1 (a sequence cut short)");
	expect_bad("a\xC3\nb", 4, "invalid-utf8", 1, 2, 1,
		   "invalid UTF-8 byte 0xC3 (a sequence cut short)");
	expect_bad("a\x80", 2, "invalid-utf8", 1, 2, 1,
		   "invalid UTF-8 byte 0x80 (a continuation byte without a lead byte)");
	expect_bad("\xE1\xBB\x99\x99", 4, "invalid-utf8", 1, 2, 1, NULL); /* one too many */
	/* the largest and smallest of each length are valid UTF-8 (those that
	 * are controls or noncharacters, U+0080, U+FFFF, U+10FFFF, are
	 * control-character findings: their neighbours stand in for them) */
	kh_diags d;
	assert_non_null(load("\xC2\xA0\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBD"
			     "\xF0\x90\x80\x80\xF4\x8F\xBF\xBD",
			     24, &d));
	assert_int_equal(d.count, 0);
}

/* One finding per line (its first bad byte), at most 20 in all. */
static void test_one_finding_per_line_and_a_cap(void **state)
{
	(void)state;
	kh_diags d;
	assert_null(load("\xFF\xFF\xFF\n\xFF\n", 6, &d));
	assert_int_equal(d.errors, 2);
	assert_int_equal(d.first->span.start, 0);
	assert_int_equal(d.first->next->span.start, 4);
	/* the first also carries the hint about legacy encodings */
	assert_non_null(d.first->notes);
	assert_non_null(strstr(d.first->notes->message, "UTF-8"));
	assert_null(d.first->next->notes);

	kh_buf b = { 0 };
	for (int i = 0; i < 30; i++)
		kh_buf_puts(&b, "x\xC3(\xC3(\n");
	assert_null(load(b.data, b.len, &d));
	assert_int_equal(d.errors, 20);
	assert_int_equal(d.last->span.start, 19 * 6 + 1);
	assert_non_null(d.last->notes);
	assert_string_equal(d.last->notes->message, "stopped after 20 such errors; 10 more not shown");
}

static void test_nul_byte(void **state)
{
	(void)state;
	expect_bad("abc\0def", 7, "nul-byte", 1, 4, 1, "NUL byte in the file; plan files are text");
	expect_bad("x\n\0", 3, "nul-byte", 2, 1, 1, NULL);
	/* a NUL and a bad byte on one line: both are reported */
	kh_diags d;
	assert_null(load("\0\xFF\0", 3, &d));
	assert_int_equal(d.errors, 2);
}

/* LF, CR LF and a lone CR each end a line; CR LF counts once. */
static void test_line_ends(void **state)
{
	(void)state;
	kh_diags d;
	kh_source *s = load("a\r\nbb\rccc\nd", 11, &d);
	assert_non_null(s);
	assert_int_equal(s->nlines, 4);
	size_t len;
	const char *t = kh_source_line(s, 1, &len);
	assert_int_equal(len, 1);
	assert_memory_equal(t, "a", 1);
	t = kh_source_line(s, 2, &len);
	assert_int_equal(len, 2);
	assert_memory_equal(t, "bb", 2);
	t = kh_source_line(s, 3, &len);
	assert_int_equal(len, 3);
	assert_memory_equal(t, "ccc", 3);
	t = kh_source_line(s, 4, &len);
	assert_int_equal(len, 1);
	assert_memory_equal(t, "d", 1);
	unsigned l, c;
	kh_source_locate(s, 7, &l, &c); /* the second 'c' */
	assert_int_equal(l, 3);
	assert_int_equal(c, 2);
	kh_source_locate(s, 1, &l, &c); /* the CR of CR LF ends line 1 */
	assert_int_equal(l, 1);
	assert_int_equal(c, 2);
	kh_source_locate(s, 2, &l, &c);
	assert_int_equal(l, 1);
	assert_int_equal(c, 3);

	/* CR CR LF is two line ends; a final LF starts an empty last line */
	s = load("x\r\r\ny\n", 6, &d);
	assert_int_equal(s->nlines, 4);
	t = kh_source_line(s, 2, &len);
	assert_int_equal(len, 0);
	t = kh_source_line(s, 4, &len);
	assert_int_equal(len, 0);
	/* lines out of range are empty */
	t = kh_source_line(s, 0, &len);
	assert_int_equal(len, 0);
	t = kh_source_line(s, 5, &len);
	assert_int_equal(len, 0);
	assert_non_null(t);
}

static void test_bom_is_dropped(void **state)
{
	(void)state;
	kh_diags d;
	kh_source *s = load("\xEF\xBB\xBFkế", 7, &d);
	assert_non_null(s);
	assert_string_equal(s->text, "kế");
	assert_int_equal(s->len, 4);
	unsigned l, c;
	kh_source_locate(s, 1, &l, &c);
	assert_int_equal(c, 2);
	assert_two_nuls(s);
	s = load("\xEF\xBB\xBF", 3, &d);
	assert_non_null(s);
	assert_int_equal(s->len, 0);
	assert_two_nuls(s);
	/* offsets of errors refer to the text after the BOM */
	expect_bad("\xEF\xBB\xBF" "a\xFF", 5, "invalid-utf8", 1, 2, 1, NULL);
}

static void test_long_line(void **state)
{
	(void)state;
	size_t n = KH_MAX_LINE_BYTES + 1;
	char *big = kh_alloc_atomic(n + 3);
	memset(big, 'x', n + 2);
	big[0] = 'a';
	big[1] = '\n';
	expect_bad(big, n + 2, "line-too-long", 2, 1, 0, "line is 65537 bytes long; the limit is 65536");
	/* exactly at the limit is fine, with or without its line end */
	kh_diags d;
	assert_non_null(load(big + 2, KH_MAX_LINE_BYTES, &d));
	big[2 + KH_MAX_LINE_BYTES] = '\n';
	assert_non_null(load(big + 2, KH_MAX_LINE_BYTES + 1, &d));
	big[2 + KH_MAX_LINE_BYTES - 1] = '\r';
	assert_non_null(load(big + 2, KH_MAX_LINE_BYTES + 1, &d));
}

static void test_empty_file(void **state)
{
	(void)state;
	kh_diags d;
	kh_source *s = load("", 0, &d);
	assert_non_null(s);
	assert_int_equal(s->len, 0);
	assert_string_equal(s->text, "");
	assert_int_equal(s->nlines, 1);
	assert_two_nuls(s);
	unsigned l, c;
	kh_source_locate(s, 0, &l, &c);
	assert_int_equal(l, 1);
	assert_int_equal(c, 1);
	size_t len = 99;
	kh_source_line(s, 1, &len);
	assert_int_equal(len, 0);
}

/* Columns count code points: in "Nộp x" the x is column 5. */
static void test_columns_count_characters(void **state)
{
	(void)state;
	kh_diags d;
	kh_source *s = load("Nộp x\nđã ký y", strlen("Nộp x\nđã ký y"), &d);
	unsigned l, c;
	kh_source_locate(s, strlen("Nộp "), &l, &c);
	assert_int_equal(l, 1);
	assert_int_equal(c, 5);
	kh_source_locate(s, strlen("Nộp x\n"), &l, &c);
	assert_int_equal(l, 2);
	assert_int_equal(c, 1);
	kh_source_locate(s, strlen("Nộp x\nđã ký "), &l, &c);
	assert_int_equal(l, 2);
	assert_int_equal(c, 7);
	kh_source_locate(s, 1000, &l, &c); /* past the end: clamped to the end */
	assert_int_equal(l, 2);
	assert_int_equal(c, 8);
}

/* Ids are given in load order, failed loads included; reset forgets them. */
static void test_registry(void **state)
{
	(void)state;
	kh_source_reset();
	kh_diags d;
	kh_source *a = load("a", 1, &d);
	assert_null(load("\xFF", 1, &d));
	kh_source *c = load("c", 1, &d);
	assert_int_equal(a->id, 0);
	assert_int_equal(c->id, 2);
	assert_ptr_equal(kh_source_get(0), a);
	assert_non_null(kh_source_get(1));
	assert_string_equal(kh_source_get(1)->path, "t.kh");
	assert_ptr_equal(kh_source_get(2), c);
	assert_null(kh_source_get(3));
	assert_null(kh_source_get(-1));
	for (int i = 0; i < 100; i++)
		load("x", 1, &d);
	assert_int_equal(kh_source_get(102)->id, 102);
	kh_source_reset();
	assert_null(kh_source_get(0));
	assert_int_equal(load("again", 5, &d)->id, 0);
}

/* Missing files, directories, huge and unreadable files are I/O errors. */
static void test_unreadable_files(void **state)
{
	(void)state;
	kh_diags d = { 0 };
	int io = 0;
	assert_null(kh_source_load("/nonexistent/plan.kh", &d, &io));
	assert_int_equal(io, 1);
	assert_string_equal(d.first->rule, "io-error");
	assert_int_equal(d.first->span.file, -1);
	assert_string_equal(d.first->path, "/nonexistent/plan.kh");
	assert_string_equal(d.first->message,
			    "cannot open '/nonexistent/plan.kh': No such file or directory");

	char dir[] = "/tmp/kh_src_XXXXXX";
	assert_non_null(mkdtemp(dir));
	memset(&d, 0, sizeof d);
	assert_null(kh_source_load(dir, &d, &io));
	assert_int_equal(io, 1);
	assert_string_equal(d.first->message, kh_printf("'%s' is a directory, not a plan file", dir));

	/* 300 MB without writing them: a sparse file */
	char *huge = kh_printf("%s/huge.kh", dir);
	FILE *f = fopen(huge, "w");
	assert_non_null(f);
	assert_int_equal(ftruncate(fileno(f), 300L * 1024 * 1024), 0);
	fclose(f);
	memset(&d, 0, sizeof d);
	assert_null(kh_source_load(huge, &d, &io));
	assert_int_equal(io, 1);
	assert_string_equal(d.first->message, "file is 300 MB; the limit is 256 MB");
	unlink(huge);

	char *path = kh_printf("%s/p.kh", dir);
	f = fopen(path, "wb");
	fputs("\xEF\xBB\xBFke\xCC\x82\xCC\x81_hoạch {}\r\n", f);
	fclose(f);
	memset(&d, 0, sizeof d);
	kh_source *s = kh_source_load(path, &d, &io);
	assert_non_null(s);
	assert_int_equal(io, 0);
	assert_int_equal(d.count, 0);
	assert_string_equal(s->path, path);
	assert_string_equal(s->text, "kế_hoạch {}\r\n");
	assert_two_nuls(s);
	assert_ptr_equal(kh_source_get(s->id), s);
	/* an ASCII file: the buffer read is kept as the text */
	f = fopen(path, "wb");
	fputs("abc", f);
	fclose(f);
	memset(&d, 0, sizeof d);
	s = kh_source_load(path, &d, &io);
	assert_non_null(s);
	assert_string_equal(s->text, "abc");
	assert_two_nuls(s);

	/* a file whose size stat does not know (procfs says 0) is read anyway */
	memset(&d, 0, sizeof d);
	s = kh_source_load("/proc/self/comm", &d, &io);
	if (s) {
		assert_true(s->len > 0);
		assert_int_equal(s->text[s->len - 1], '\n');
		assert_two_nuls(s);
	}

	/* bad content is not an I/O error */
	f = fopen(path, "wb");
	fputs("a\nb\x01\x00", f);
	fwrite("\0", 1, 1, f);
	fclose(f);
	memset(&d, 0, sizeof d);
	io = 1;
	assert_null(kh_source_load(path, &d, &io));
	assert_int_equal(io, 0);
	bool nul = false;
	for (const kh_diag *x = d.first; x; x = x->next)
		nul |= !strcmp(x->rule, "nul-byte");
	assert_true(nul);

	if (geteuid() != 0) { /* root reads anything */
		chmod(path, 0);
		memset(&d, 0, sizeof d);
		assert_null(kh_source_load(path, &d, &io));
		assert_int_equal(io, 1);
		assert_non_null(strstr(d.first->message, "Permission denied"));
	}
	unlink(path);
	rmdir(dir);
}

/* TEXT as an unregistered source, in a buffer of its own with two NULs. */
static kh_source raw_source(const char *text, size_t len)
{
	char *t = kh_alloc_atomic(len + 2);
	memcpy(t, text, len);
	t[len] = t[len + 1] = '\0';
	return (kh_source){ .path = "t.kh", .text = t, .len = len, .cap = len + 2 };
}

/*
 * The fast pass for the usual file against the long way, on 20,000 random
 * texts of pieces: when it takes a text, the content checks find nothing,
 * NFC would change no line and the line tables are the same; and it takes
 * every text of the quiet pieces alone (so it is not a pass that never
 * runs).
 */
static void test_fast_lines_agree_with_the_long_way(void **state)
{
	static const char *quiet[] = { "a", "Z", " ", "\t", "\n", "ă", "Đ", "ệ", "ữ", "–", "“",
				       "”", "…", "₫", "é", "{", "\"", "#", "→", "≤" };
	static const char *loud[] = { "\r\n", "\r", "\xcc\x81", "\x01", "\x7f", "\xff",
				      "\xe1\xbc\x80", "\xef\xbb\xbf", "\xe2\x80\x8b", "\xc3",
				      "\xe1\xba", "\xed\xa0\x80", "\xc2\x85", "\xe2\x80\xae",
				      /* what the 16-byte blocks must not let through */
				      "\x80", "\xbf", "\xc3\xa0\x80", "\xe1\x41", "\xe1\xb7\x80",
				      "\xe1\xbc", "\xe1\xbb", "\xcb", "\xc2\x80" };
	const size_t nq = sizeof quiet / sizeof *quiet, nl = sizeof loud / sizeof *loud;
	(void)state;
	const size_t max_line = 40;
	uint32_t seed = 12345;
	size_t taken = 0;
	for (int round = 0; round < 20000; round++) {
		char buf[512];
		size_t len = 0;
		bool all_quiet = true;
		int pieces = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 60;
		for (int k = 0; k < pieces; k++) {
			seed = seed * 1103515245u + 12345u;
			bool pick_loud = round % 2 && (seed >> 8) % 23 == 0;
			const char *p = pick_loud ? loud[(seed >> 16) % nl] : quiet[(seed >> 16) % nq];
			all_quiet &= !pick_loud;
			if (round % 3 == 0 && (seed >> 4) % 5 == 0)
				p = quiet[4]; /* more lines */
			size_t n = strlen(p);
			if (!strcmp(p, "\x01") && (seed >> 3) % 2)
				n = 1, p = "\0"; /* a NUL byte */
			memcpy(buf + len, p, n);
			len += n;
		}
		size_t longest = 0, run = 0;
		for (size_t i = 0; i < len; i++) {
			run = buf[i] == '\n' ? 0 : run + 1;
			longest = run > longest ? run : longest;
		}
		kh_source fast = raw_source(buf, len), slow = raw_source(buf, len);
		bool ok = kh_source_fast_lines(&fast, max_line);
		if (all_quiet && longest <= max_line)
			assert_true(ok);
		if (!ok) {
			assert_null(fast.line_starts);
			continue;
		}
		taken++;
		kh_diags d = { 0 };
		unsigned char *nfc = NULL;
		kh_source_build_lines(&slow);
		assert_int_equal(kh_source_check_content(&slow, max_line, &d, &nfc), 0);
		assert_null(nfc);
		assert_int_equal(fast.nlines, slow.nlines);
		assert_memory_equal(fast.line_starts, slow.line_starts,
				    fast.nlines * sizeof *fast.line_starts);
	}
	assert_true(taken > 5000);
	/* One byte that is not printable ASCII, at every place of a run of
	 * ASCII three blocks of 16 long: the pass gives the text up. */
	static const unsigned char odd[] = { 0x00, 0x01, 0x1F, 0x7F, 0x80, 0xBF, 0xC3, 0xE1, 0xFF, '\r' };
	static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV";
	for (size_t k = 0; k < sizeof odd; k++) {
		for (size_t at = 0; at < 48; at++) {
			char run[49];
			memcpy(run, letters, 49);
			run[at] = (char)odd[k];
			kh_source src = raw_source(run, 48);
			assert_false(kh_source_fast_lines(&src, 60));
		}
	}
	/* A letter of two or three bytes across every block boundary, and a
	 * line end after it: taken, with the line table the long way's. */
	static const char *across[] = { "ă", "ệ", "Đ", "“" };
	for (size_t k = 0; k < 4; k++) {
		for (size_t at = 0; at < 44; at++) {
			char run[64];
			size_t n = strlen(across[k]);
			memcpy(run, letters, at);
			memcpy(run + at, across[k], n);
			run[at + n] = '\n';
			memcpy(run + at + n + 1, letters, 48 - at);
			size_t len = 48 + n + 1;
			kh_source fast = raw_source(run, len), slow = raw_source(run, len);
			assert_true(kh_source_fast_lines(&fast, 60));
			kh_source_build_lines(&slow);
			assert_int_equal(fast.nlines, 2);
			assert_memory_equal(fast.line_starts, slow.line_starts, 2 * sizeof *fast.line_starts);
		}
	}
	kh_source plain = raw_source("abcdefghijklmnopqrstuvwxyz ~ \t!", 31);
	assert_true(kh_source_fast_lines(&plain, max_line));
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nfd_becomes_nfc),
		cmocka_unit_test(test_nfd_line_among_ascii_lines),
		cmocka_unit_test(test_nfc_matches_utf8proc),
		cmocka_unit_test(test_fast_path_ranges_are_nfc_inert),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_one_finding_per_line_and_a_cap),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_bom_is_dropped),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_columns_count_characters),
		cmocka_unit_test(test_registry),
		cmocka_unit_test(test_unreadable_files),
		cmocka_unit_test(test_fast_lines_agree_with_the_long_way),
	};
	return cmocka_run_group_tests_name("source", tests, NULL, NULL);
}

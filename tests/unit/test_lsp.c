/*
 * test_lsp.c - the language server's parts: the strict JSON reader (what
 * RFC 8259 allows and what it does not), positions between kehoach's NFC
 * text and an editor's UTF-16 buffer (NFD, astral characters, BOM, CR LF),
 * the Content-Length framing over a pipe, and file URIs.
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "alloc.h"
#include "diag.h"
#include "json_read.h"
#include "lsp_int.h"
#include "lsp_pos.h"
#include "lsp_proto.h"
#include "source.h"

static kh_jv *parse(const char *s)
{
	char why[128];
	return kh_json_parse(s, strlen(s), why, sizeof why);
}

static void test_json_accepts(void **state)
{
	(void)state;
	kh_jv *v = parse(" {\"a\": [1, -2.5e3, true, false, null], \"b\": \"x\\u00e9\\ud83d\\ude00\\n\","
			 " \"a\": 0} ");
	assert_non_null(v);
	assert_int_equal(v->type, KH_JV_OBJECT);
	const kh_jv *a = kh_jv_get(v, "a");
	long n;
	assert_true(kh_jv_long(a, &n)); /* the last of a repeated name */
	assert_int_equal(n, 0);
	assert_string_equal(kh_jv_get_string(v, "b"), "x\xC3\xA9\xF0\x9F\x98\x80\n");
	v = parse("[1, -2.5e3, true, false, null]");
	assert_int_equal(v->n, 5);
	assert_false(v->items[1]->integer);
	assert_true(v->items[1]->number == -2500.0);
	assert_true(v->items[2]->boolean);
	assert_false(v->items[3]->boolean);
	assert_int_equal(v->items[4]->type, KH_JV_NULL);
	/* a lone surrogate cannot be UTF-8: U+FFFD; a NUL is kept, counted */
	v = parse("\"\\ud800a\\u0000b\"");
	assert_int_equal(v->len, 6);
	assert_memory_equal(v->str, "\xEF\xBF\xBD" "a\0b", 6);
	assert_non_null(parse("\"Kế hoạch\""));
	assert_non_null(parse("0"));
	assert_non_null(parse("[]"));
}

static void test_json_refuses(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"", " ", "{", "[1,]", "{\"a\":1,}", "{a:1}", "'x'", "01", "1.", ".5", "-", "+1",
		"1e", "NaN", "Infinity", "tru", "nul", "[1 2]", "{\"a\" 1}", "\"\\x\"", "\"\\u12\"",
		"\"a\tb\"", "\"unterminated", "// c\n1", "/* c */ 1", "1 2", "[] x", "\"\xC3\"",
		"\"\xED\xA0\x80\"", "\"\xC0\xAF\"", "\"\xF5\x80\x80\x80\"", "{\"a\":1}}",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char why[128];
		if (kh_json_parse(bad[i], strlen(bad[i]), why, sizeof why))
			fail_msg("accepted %s", bad[i]);
		assert_true(why[0] != '\0');
	}
	/* nesting is capped: the limit is fine, one more is refused */
	kh_buf b = { 0 };
	for (int i = 0; i < KH_JSON_MAX_DEPTH; i++)
		kh_buf_putc(&b, '[');
	for (int i = 0; i < KH_JSON_MAX_DEPTH; i++)
		kh_buf_putc(&b, ']');
	assert_non_null(parse(kh_buf_cstr(&b)));
	kh_buf c = { 0 };
	kh_buf_printf(&c, "[%s]", kh_buf_cstr(&b));
	assert_null(parse(kh_buf_cstr(&c)));
	long n;
	assert_false(kh_jv_long(parse("1.0"), &n));
	assert_false(kh_jv_long(parse("99999999999999999999"), &n));
	assert_null(kh_jv_get(parse("[1]"), "a"));
}

/* The editor's text RAW, as kehoach reads it (NFC, BOM dropped). */
static kh_source *read_as_kehoach(const char *raw, kh_lsp_text *t)
{
	kh_diags d = { 0 };
	kh_source *src = kh_source_from_bytes("t.kh", raw, strlen(raw), &d);
	assert_non_null(src);
	kh_lsp_text_init(t, raw, strlen(raw));
	return src;
}

/* Byte offset of NEEDLE in SRC's text. */
static size_t at(const kh_source *src, const char *needle)
{
	const char *p = strstr(src->text, needle);
	assert_non_null(p);
	return (size_t)(p - src->text);
}

static void expect_pos(const kh_lsp_text *t, const kh_source *src, size_t off, unsigned line,
		       unsigned ch)
{
	unsigned l, c;
	kh_lsp_position(t, src, off, &l, &c);
	assert_int_equal(l, line);
	assert_int_equal(c, ch);
	/* and back */
	assert_int_equal(kh_lsp_offset(t, src, line, ch), off);
}

static void test_positions(void **state)
{
	(void)state;
	kh_lsp_text t;
	/* "gửi" decomposed: u + U+031B + U+0309 is three code points in the
	 * buffer, one in kehoach's text; an astral 𝐀 is two UTF-16 units */
	kh_source *src = read_as_kehoach("a\n  gu\xCC\x9B\xCC\x89i \xF0\x9D\x90\x80 xyz\r\nq", &t);
	assert_string_equal(src->text, "a\n  g\xE1\xBB\xAD" "i \xF0\x9D\x90\x80 xyz\r\nq");
	expect_pos(&t, src, at(src, "xyz"), 1, 11);   /* "  gửi " 2+5+1 units, 𝐀 2, " " 1 */
	expect_pos(&t, src, at(src, "i "), 1, 6);
	expect_pos(&t, src, at(src, "q"), 2, 0);
	expect_pos(&t, src, 0, 0, 0);
	/* before the decomposed letter: the letter; inside it: the one after */
	assert_int_equal(kh_lsp_offset(&t, src, 1, 3), at(src, "\xE1\xBB\xAD"));
	assert_int_equal(kh_lsp_offset(&t, src, 1, 4), at(src, "i "));
	assert_int_equal(kh_lsp_offset(&t, src, 1, 5), at(src, "i "));
	/* past a line's end, past the last line */
	assert_int_equal(kh_lsp_offset(&t, src, 0, 99), 1);
	assert_int_equal(kh_lsp_offset(&t, src, 9, 0), src->len);
	unsigned l, c;
	kh_lsp_position(&t, src, src->len, &l, &c);
	assert_int_equal(l, 2);
	assert_int_equal(c, 1);
	/* the raw text: where an editor's change applies */
	assert_int_equal(kh_lsp_raw_offset(&t, 1, 11), strstr(t.raw, "xyz") - t.raw);
	assert_int_equal(kh_lsp_raw_offset(&t, 1, 99), strstr(t.raw, "\r\n") - t.raw);

	/* a BOM is one unit of the editor's first line that kehoach drops */
	src = read_as_kehoach("\xEF\xBB\xBFxy\nz", &t);
	expect_pos(&t, src, at(src, "y"), 0, 2);
	expect_pos(&t, src, at(src, "z"), 1, 0);
	/* a line NFC leaves alone but for one singleton (U+212B -> U+00C5) */
	src = read_as_kehoach("\xE2\x84\xAB" "b", &t);
	expect_pos(&t, src, at(src, "b"), 0, 1);
}

static void test_framing(void **state)
{
	(void)state;
	int fd[2];
	assert_int_equal(pipe(fd), 0);
	static const char in[] =
		"Content-Length: 2\r\n\r\n{}"
		"\r\n"                                      /* a stray blank line */
		"content-length: 3\r\ncontent-type: x\r\n\r\n[1]"
		"Bogus\r\n\r\nxx"                           /* no header: skipped */
		"Content-Length: 1\n\n7"                    /* bare LF line ends */
		"Content-Length: 99999999999\r\n\r\nabc";   /* too large, cut short */
	assert_int_equal(write(fd[1], in, sizeof in - 1), (ssize_t)(sizeof in - 1));
	close(fd[1]);
	kh_lsp_io io;
	kh_lsp_io_init(&io, fd[0], -1);
	kh_buf body = { 0 };
	char why[160];
	assert_int_equal(kh_lsp_read(&io, &body, why, sizeof why), 1);
	assert_int_equal(body.len, 2);
	assert_int_equal(kh_lsp_read(&io, &body, why, sizeof why), 1);
	assert_memory_equal(body.data, "[1]", 3);
	assert_int_equal(kh_lsp_read(&io, &body, why, sizeof why), -1);
	assert_non_null(strstr(why, "Name: value"));
	assert_int_equal(kh_lsp_read(&io, &body, why, sizeof why), 1);
	assert_memory_equal(body.data, "7", 1);
	assert_int_equal(kh_lsp_read(&io, &body, why, sizeof why), -1);
	assert_non_null(strstr(why, "limit"));
	assert_int_equal(kh_lsp_read(&io, &body, why, sizeof why), 0);
	close(fd[0]);
}

static void test_uris(void **state)
{
	(void)state;
	assert_string_equal(kh_lsp_uri_path("file:///tmp/k%E1%BA%BF%20ho%E1%BA%A1ch.kh"),
			    "/tmp/k\xE1\xBA\xBF ho\xE1\xBA\xA1" "ch.kh");
	assert_string_equal(kh_lsp_uri_path("file://localhost/a/b.kh"), "/a/b.kh");
	assert_null(kh_lsp_uri_path("untitled:Untitled-1"));
	assert_null(kh_lsp_uri_path("file://server/share/a.kh"));
	assert_null(kh_lsp_uri_path("file:///a%00b"));
	assert_string_equal(kh_lsp_path_uri("/tmp/k\xE1\xBA\xBF ho.kh"),
			    "file:///tmp/k%E1%BA%BF%20ho.kh");
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_accepts),
		cmocka_unit_test(test_json_refuses),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_framing),
		cmocka_unit_test(test_uris),
	};
	return cmocka_run_group_tests_name("lsp", tests, NULL, NULL);
}

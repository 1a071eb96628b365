/*
 * test_encoding.c - files that are text but not UTF-8: UTF-16 with and
 * without a byte-order mark, both byte orders; Windows-1258 and TCVN3
 * told apart from each other and from damaged UTF-8 or other languages'
 * legacy text; lines decoded for the note; and the loader's one finding.
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "diag.h"
#include "encoding.h"

#define U(s) (const unsigned char *)(s), sizeof(s) - 1

/* "kế_hoạch {" in each byte order. */
static const char le[] = "k\0\xBF\x1E_\0h\0o\0\xA1\x1E" "c\0h\0 \0{\0\n\0";
static const char be[] = "\0k\x1E\xBF\0_\0h\0o\x1E\xA1\0c\0h\0 \0{\0\n";

static void test_utf16(void **state)
{
	(void)state;
	bool bom;
	char buf[64];
	memcpy(buf, "\xFF\xFE", 2);
	memcpy(buf + 2, le, sizeof le - 1);
	assert_int_equal(kh_detect_utf16((unsigned char *)buf, sizeof le + 1, &bom), KH_ENC_UTF16LE);
	assert_true(bom);
	memcpy(buf, "\xFE\xFF", 2);
	memcpy(buf + 2, be, sizeof be - 1);
	assert_int_equal(kh_detect_utf16((unsigned char *)buf, sizeof be + 1, &bom), KH_ENC_UTF16BE);
	assert_true(bom);
	assert_int_equal(kh_detect_utf16(U(le), &bom), KH_ENC_UTF16LE);
	assert_false(bom);
	assert_int_equal(kh_detect_utf16(U(be), &bom), KH_ENC_UTF16BE);
	assert_false(bom);
}

/* UTF-8, a binary file's bytes, one byte: not UTF-16. */
static void test_not_utf16(void **state)
{
	(void)state;
	bool bom;
	assert_int_equal(kh_detect_utf16(U("kế_hoạch \"1\" {\n}\n"), &bom), KH_ENC_UTF8);
	unsigned char bin[256];
	for (int i = 0; i < 256; i++)
		bin[i] = (unsigned char)(i * 37);
	assert_int_equal(kh_detect_utf16(bin, sizeof bin, &bom), KH_ENC_UTF8);
	assert_int_equal(kh_detect_utf16(U("k"), &bom), KH_ENC_UTF8);
	assert_int_equal(kh_detect_utf16(U("\xEF\xBB\xBFk\n"), &bom), KH_ENC_UTF8);
}

/* "Kế hoạch tổng kết, nhiệm vụ của Ủy ban nhân dân tỉnh" in each. */
static const char cp1258_text[] =
	"K\xEA\xEC hoa\xF2" "ch t\xF4\xD2ng k\xEA\xECt, nhi\xEA\xF2m vu\xF2 cu\xD2" "a U\xD2y ban "
	"nh\xE2n d\xE2n ti\xD2nh";
static const char tcvn3_text[] =
	"K\xD5 ho\xB9" "ch t\xE6ng k\xD5t, nhi\xD6m v\xF4 c\xF1" "a \xF1y ban nh\xA9n d\xA9n t\xD8nh";

static void test_legacy(void **state)
{
	(void)state;
	assert_int_equal(kh_detect_legacy(U(cp1258_text)), KH_ENC_CP1258);
	assert_int_equal(kh_detect_legacy(U(tcvn3_text)), KH_ENC_TCVN3);
}

/* A UTF-8 file with a damaged stretch, a few stray bytes, other languages'
 * Latin-1 text: none of them Vietnamese in a legacy encoding. */
static void test_not_legacy(void **state)
{
	(void)state;
	assert_int_equal(kh_detect_legacy(U("Tổng kết nhiệm vụ của \xC3( năm, báo cáo")), KH_ENC_UTF8);
	assert_int_equal(kh_detect_legacy(U("ab \xC3z c")), KH_ENC_UTF8);
	assert_int_equal(kh_detect_legacy(U("Gr\xF6\xDF" "e \xDC" "bung sch\xF6n f\xFCr M\xFCller")),
			 KH_ENC_UTF8);
	assert_int_equal(kh_detect_legacy(U("\xFF\xFE\xFD\xFC \x80\x81\x82\x83 \xA9\xAA\xAB\xAC")),
			 KH_ENC_UTF8);
}

static void test_decode(void **state)
{
	(void)state;
	assert_int_equal(kh_legacy_char(KH_ENC_CP1258, 0xF0), 0x111);  /* đ */
	assert_int_equal(kh_legacy_char(KH_ENC_TCVN3, 0xAE), 0x111);
	assert_int_equal(kh_legacy_char(KH_ENC_TCVN3, 0xB8), 0xE1);    /* á */
	assert_int_equal(kh_legacy_char(KH_ENC_TCVN3, 0x85), 0);       /* not in VN3 */
	assert_string_equal(kh_legacy_decode(KH_ENC_CP1258, U("Vi\xEA\xF2t Nam"), 80), "Việt Nam");
	assert_string_equal(kh_legacy_decode(KH_ENC_TCVN3, U("Vi\xD6t Nam"), 80), "Việt Nam");
	/* controls and unknown bytes are not passed on; the length is capped */
	assert_string_equal(kh_legacy_decode(KH_ENC_CP1258, U("a\x1b[1m\x81\tb"), 80),
			    "a\xEF\xBF\xBD[1m\xEF\xBF\xBD b");
	assert_string_equal(kh_legacy_decode(KH_ENC_TCVN3, U("abcdef"), 3), "abc");
	assert_string_equal(kh_encoding_name(KH_ENC_TCVN3), "TCVN3");
}

/* The loader: one finding for the file, whatever its length. */
static void test_loader(void **state)
{
	(void)state;
	kh_diags d = { 0 };
	assert_null(kh_source_from_bytes("u.kh", le, sizeof le - 1, &d));
	assert_int_equal(d.count, 1);
	assert_string_equal(d.first->rule, "wrong-encoding");
	assert_int_equal(d.first->span.file, -1);
	assert_string_equal(d.first->message, "this file is UTF-16LE, not UTF-8: save it as UTF-8 "
					      "(in Notepad: File > Save As, Encoding: UTF-8)");
	memset(&d, 0, sizeof d);
	assert_null(kh_source_from_bytes("c.kh", tcvn3_text, sizeof tcvn3_text - 1, &d));
	assert_int_equal(d.count, 1);
	assert_string_equal(d.first->rule, "wrong-encoding");
	assert_int_equal(d.first->span.start, 1); /* the first byte that is not UTF-8 */
	assert_non_null(d.first->notes);
	assert_non_null(strstr(d.first->notes->message, "Kế hoạch tổng kết"));
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf16),
		cmocka_unit_test(test_not_utf16),
		cmocka_unit_test(test_legacy),
		cmocka_unit_test(test_not_legacy),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_loader),
	};
	return cmocka_run_group_tests_name("encoding", tests, NULL, NULL);
}

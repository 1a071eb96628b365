/*
 * test_i18n.c - choosing the language of messages (src/i18n.c): --lang
 * over the environment, gettext's order of LANGUAGE, LC_ALL, LC_MESSAGES
 * and LANG, English by default; plurals; a missing catalogue gives the
 * English message, never a crash. The Vietnamese catalogue is the build
 * tree's (KH_LOCALEDIR), which the Makefile compiles before this test.
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "i18n.h"

static const char *const vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "KEHOACH_LOCALEDIR" };

/* Clears the language variables, then sets NAME=VALUE pairs (NULL-ended). */
static void env(const char *name, ...)
{
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++)
		unsetenv(vars[i]);
	va_list ap;
	va_start(ap, name);
	for (const char *n = name; n; n = va_arg(ap, const char *))
		setenv(n, va_arg(ap, const char *), 1);
	va_end(ap);
}

static bool vietnamese(void)
{
	const char *s = _("error");
	if (!strcmp(s, "lỗi"))
		return true;
	assert_string_equal(s, "error");
	return false;
}

/* With LANG_ as --lang (NULL: none), is the run in Vietnamese? */
static bool chosen(const char *lang)
{
	kh_i18n_init(lang);
	return vietnamese();
}

static void test_default_is_english(void **state)
{
	(void)state;
	env(NULL);
	assert_false(chosen(NULL));
	env("LANG", "C.UTF-8", NULL);
	assert_false(chosen(NULL));
	env("LANG", "en_US.UTF-8", NULL);
	assert_false(chosen(NULL));
	env("LANG", "video", NULL); /* "vi" must be a whole language code */
	assert_false(chosen(NULL));
}

static void test_vietnamese_locales(void **state)
{
	(void)state;
	static const char *const names[] = { "vi_VN.UTF-8", "vi_VN.utf8", "vi_VN", "vi", "vi_VN@tcvn" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		env("LANG", names[i], NULL);
		assert_true(chosen(NULL));
	}
	env("LC_MESSAGES", "vi_VN.UTF-8", "LANG", "en_US.UTF-8", NULL);
	assert_true(chosen(NULL));
	env("LC_ALL", "vi_VN.UTF-8", "LANG", "en_US.UTF-8", NULL);
	assert_true(chosen(NULL));
}

/* LC_ALL over LC_MESSAGES over LANG, as setlocale reads them. */
static void test_lc_all_wins(void **state)
{
	(void)state;
	env("LC_ALL", "C.UTF-8", "LANG", "vi_VN.UTF-8", NULL);
	assert_false(chosen(NULL));
	env("LC_ALL", "en_GB.UTF-8", "LC_MESSAGES", "vi_VN.UTF-8", NULL);
	assert_false(chosen(NULL));
	env("LC_MESSAGES", "C", "LANG", "vi_VN.UTF-8", NULL);
	assert_false(chosen(NULL));
}

/* LANGUAGE, a list, beats the locale unless that is C or POSIX; its
 * first entry we have decides (English is the sources' language). */
static void test_language_list(void **state)
{
	(void)state;
	env("LANGUAGE", "vi", "LANG", "en_US.UTF-8", NULL);
	assert_true(chosen(NULL));
	env("LANGUAGE", "fr:vi:en", "LANG", "C.UTF-8", NULL);
	assert_true(chosen(NULL));
	env("LANGUAGE", "en:vi", "LANG", "vi_VN.UTF-8", NULL);
	assert_false(chosen(NULL));
	env("LANGUAGE", "fr", "LANG", "vi_VN.UTF-8", NULL);
	assert_true(chosen(NULL)); /* nothing we have in the list: the locale */
	env("LANGUAGE", "vi", NULL);
	assert_false(chosen(NULL)); /* the C locale: LANGUAGE is not read */
	env("LANGUAGE", "vi", "LC_ALL", "POSIX", NULL);
	assert_false(chosen(NULL));
}

static void test_lang_option_wins(void **state)
{
	(void)state;
	env("LANG", "vi_VN.UTF-8", "LANGUAGE", "vi", NULL);
	assert_false(chosen("en"));
	env("LC_ALL", "C", NULL);
	assert_true(chosen("vi"));
	env(NULL);
	assert_true(chosen("vi"));
	assert_false(chosen("en"));
}

static void test_plurals_and_empty(void **state)
{
	(void)state;
	env(NULL);
	kh_i18n_init("en");
	assert_string_equal(kh_ngettext("%u error", "%u errors", 1), "%u error");
	assert_string_equal(kh_ngettext("%u error", "%u errors", 0), "%u errors");
	assert_string_equal(kh_ngettext("%u error", "%u errors", 2), "%u errors");
	assert_string_equal(_(""), "");
	kh_i18n_init("vi");
	assert_string_equal(kh_ngettext("%u error", "%u errors", 1), "%u lỗi");
	assert_string_equal(kh_ngettext("%u error", "%u errors", 7), "%u lỗi");
	assert_string_equal(_(""), ""); /* not the catalogue's header */
	assert_string_equal(_("no such message, ever"), "no such message, ever");
	assert_string_equal(N_("x"), "x");
}

/* A folder without the catalogue: English, whatever was asked. */
static void test_missing_catalogue(void **state)
{
	(void)state;
	env("KEHOACH_LOCALEDIR", "/nonexistent/locale", NULL);
	assert_false(chosen("vi"));
	assert_string_equal(kh_ngettext("%u error", "%u errors", 2), "%u errors");
	env(NULL);
	assert_true(chosen("vi")); /* the build tree's again */
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_is_english),
		cmocka_unit_test(test_vietnamese_locales),
		cmocka_unit_test(test_lc_all_wins),
		cmocka_unit_test(test_language_list),
		cmocka_unit_test(test_lang_option_wins),
		cmocka_unit_test(test_plurals_and_empty),
		cmocka_unit_test(test_missing_catalogue),
	};
	int rc = cmocka_run_group_tests_name("i18n", tests, NULL, NULL);
	kh_i18n_init("en");
	return rc;
}

/*
 * test_rules_doc.c - the rule registry and its documentation: ids unique
 * and lower-case-hyphenated, every rule documented, `kehoach help rules`
 * within 80 columns (code points) and valid UTF-8, docs/RULES.md with a
 * working table of contents; the same in Vietnamese (docs/RULES.vi.md).
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <utf8proc.h>

#include "alloc.h"
#include "i18n.h"
#include "rules.h"
#include "rules_doc.h"

static const char *text_doc(void)
{
	kh_buf out = { 0 };
	kh_rules_print_text(&out);
	return kh_buf_cstr(&out);
}

static const char *markdown_doc(void)
{
	kh_buf out = { 0 };
	kh_rules_print_markdown(&out);
	return kh_buf_cstr(&out);
}

/* Every byte of S is part of a well-formed UTF-8 sequence. */
static bool valid_utf8(const char *s)
{
	while (*s) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp);
		if (n <= 0)
			return false;
		s += n;
	}
	return true;
}

static bool blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n')
			return false;
	return true;
}

static void test_registry_ids_and_texts(void **state)
{
	(void)state;
	assert_true(KH_RULE__COUNT > 0);
	for (size_t i = 0; i < KH_RULE__COUNT; i++) {
		const kh_rule *r = &kh_rules[i];
		assert_int_equal(r->rule, i);
		assert_non_null(r->id);
		/* lower-case words joined by single hyphens: [a-z][a-z0-9]*(-[a-z0-9]+)* */
		const char *p = r->id;
		if (!(*p >= 'a' && *p <= 'z'))
			fail_msg("rule id '%s' does not start with a lower-case letter", r->id);
		for (; *p; p++) {
			bool ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
				  (*p == '-' && p[1] && p[1] != '-');
			if (!ok)
				fail_msg("rule id '%s' is not lower-case-hyphenated", r->id);
		}
		for (size_t j = 0; j < i; j++)
			if (!strcmp(kh_rules[j].id, r->id))
				fail_msg("rule id '%s' appears twice", r->id);
		if (!r->summary || blank(r->summary))
			fail_msg("rule '%s' has no summary", r->id);
		if (!r->explanation || blank(r->explanation))
			fail_msg("rule '%s' has no explanation", r->id);
		if (!r->family || blank(r->family))
			fail_msg("rule '%s' has no family", r->id);
		assert_true(r->severity == KH_NOTE || r->severity == KH_WARNING || r->severity == KH_ERROR);
		assert_true(valid_utf8(r->summary) && valid_utf8(r->explanation));
		assert_ptr_equal(kh_rule_find(r->id), r);
	}
}

static void test_text_lists_every_rule(void **state)
{
	(void)state;
	const char *t = text_doc();
	for (size_t i = 0; i < KH_RULE__COUNT; i++) {
		const kh_rule *r = &kh_rules[i];
		const char *head = kh_printf("\n  %s (%s): ", r->id,
					     r->severity == KH_ERROR	 ? "error" :
					     r->severity == KH_WARNING ? "warning" :
									 "note");
		if (!strstr(t, head))
			fail_msg("help rules has no entry '%s'", head + 1);
		/* the explanation's first word follows, indented */
		size_t n = strcspn(r->explanation, " ");
		const char *first = kh_printf("\n      %.*s", (int)n, r->explanation);
		assert_non_null(strstr(strstr(t, head), first));
	}
	assert_non_null(strstr(t, "# kehoach: ignore RULE -- reason"));
	assert_non_null(strstr(t, "--disable"));
	assert_non_null(strstr(t, "--fail-on"));
}

/* At most 80 code points a line, no trailing spaces, valid UTF-8. */
static void fits_80_columns(const char *t)
{
	assert_true(valid_utf8(t));
	size_t n = strlen(t);
	assert_true(n > 0 && t[n - 1] == '\n');
	unsigned line = 1;
	for (const char *p = t; *p; line++) {
		const char *e = strchr(p, '\n');
		assert_non_null(e);
		unsigned cols = 0;
		for (const char *q = p; q < e; q++)
			if (((unsigned char)*q & 0xC0) != 0x80)
				cols++;
		if (cols > 80)
			fail_msg("line %u has %u columns: %.*s", line, cols, (int)(e - p), p);
		if (e > p && e[-1] == ' ')
			fail_msg("line %u ends in a space", line);
		assert_null(memchr(p, '\t', (size_t)(e - p)));
		p = e + 1;
	}
}

static void test_text_fits_80_columns(void **state)
{
	(void)state;
	fits_80_columns(text_doc());
}

/* GitHub's anchor for a heading: letters lower-cased (Vietnamese ones
 * too), spaces to '-', ASCII punctuation but '-' and '_' dropped. */
static const char *anchor(const char *heading)
{
	kh_buf b = { 0 };
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)heading;
	utf8proc_int32_t c;
	for (utf8proc_ssize_t n; *p && (n = utf8proc_iterate(p, -1, &c)) > 0; p += n) {
		if (c == ' ')
			kh_buf_putc(&b, '-');
		else if (c >= 0x80 || c == '-' || c == '_' || (c >= '0' && c <= '9') ||
			 ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
			utf8proc_uint8_t u[4];
			kh_buf_put(&b, (const char *)u, (size_t)utf8proc_encode_char(utf8proc_tolower(c), u));
		}
	}
	return kh_buf_cstr(&b);
}

/* Every link of the contents after TOC leads to a heading of MD; returns how many. */
static unsigned contents_links(const char *md, const char *toc)
{
	unsigned links = 0;
	for (const char *p = strstr(toc, "](#"); p; p = strstr(p + 1, "](#")) {
		const char *e = strchr(p, ')');
		assert_non_null(e);
		const char *target = kh_strndup(p + 3, (size_t)(e - p - 3));
		bool found = false;
		for (const char *h = strstr(md, "\n#"); h && !found; h = strstr(h + 1, "\n#")) {
			const char *t = h + 1;
			while (*t == '#')
				t++;
			if (*t != ' ')
				continue;
			const char *he = strchr(t, '\n');
			const char *title = kh_strndup(t + 1, (size_t)(he - t - 1));
			found = !strcmp(anchor(title), target);
		}
		if (!found)
			fail_msg("contents link #%s has no heading", target);
		links++;
	}
	return links;
}

static void test_markdown_sections_and_contents(void **state)
{
	(void)state;
	const char *md = markdown_doc();
	assert_true(valid_utf8(md));
	assert_true(!strncmp(md, "# ", 2));
	assert_non_null(strstr(md, "`# kehoach: ignore RULE -- reason`"));
	assert_non_null(strstr(md, "--disable RULE"));
	assert_non_null(strstr(md, "--enable RULE"));
	assert_non_null(strstr(md, "--fail-on warning"));
	assert_non_null(strstr(md, "alone on the line above"));
	const char *toc = strstr(md, "\n## Contents\n");
	assert_non_null(toc);
	for (size_t i = 0; i < KH_RULE__COUNT; i++) {
		const kh_rule *r = &kh_rules[i];
		const char *h = kh_printf("\n### `%s`\n", r->id);
		const char *sec = strstr(md, h);
		if (!sec)
			fail_msg("RULES.md has no section '%s'", h + 1);
		assert_true(sec > toc);
		assert_null(strstr(sec + 1, h)); /* once */
		const char *link = kh_printf("[`%s`](#%s)", r->id, anchor(r->id));
		const char *l = strstr(toc, link);
		assert_non_null(l);
		assert_true(l < sec);
		assert_non_null(strstr(sec, "Default severity: **"));
	}
	/* every link of the contents leads to a heading */
	assert_true(contents_links(md, toc) > KH_RULE__COUNT); /* the rules and their families */
}

/* Text such as '/\*' or \\n in an explanation is escaped, not markup. */
static void test_markdown_escapes(void **state)
{
	(void)state;
	const char *md = markdown_doc();
	const kh_rule *c = kh_rule_find("unterminated-comment");
	if (c && strstr(c->explanation, "/*"))
		assert_non_null(strstr(md, "/\\*"));
	const kh_rule *e = kh_rule_find("bad-escape");
	if (e && strstr(e->explanation, "\\n"))
		assert_non_null(strstr(md, "\\\\n"));
}

/* In Vietnamese (docs/RULES.vi.md, `kehoach --lang vi help rules`): the
 * same 80 columns, every rule and its explanation translated, working
 * links between Vietnamese headings. */
static void test_vietnamese(void **state)
{
	(void)state;
	kh_i18n_init("vi");
	const char *t = text_doc(), *md = markdown_doc();
	fits_80_columns(t);
	assert_non_null(strstr(t, "# kehoach: ignore QUY_TẮC -- lý do"));
	assert_true(valid_utf8(md));
	const char *toc = strstr(md, "\n## Mục lục\n");
	assert_non_null(toc);
	for (size_t i = 0; i < KH_RULE__COUNT; i++) {
		const kh_rule *r = &kh_rules[i];
		if (!strcmp(_(r->explanation), r->explanation) || !strcmp(_(r->summary), r->summary))
			fail_msg("rule '%s' is not translated", r->id);
		const char *sev = r->severity == KH_ERROR ? "lỗi" : r->severity == KH_WARNING ? "cảnh báo"
													  : "ghi chú";
		assert_non_null(strstr(t, kh_printf("\n  %s (%s): ", r->id, sev)));
		assert_non_null(strstr(md, kh_printf("\n### `%s`\n", r->id)));
	}
	assert_true(contents_links(md, toc) > KH_RULE__COUNT);
	assert_non_null(strstr(md, "](#đầu-vào)")); /* a Vietnamese anchor, lower-cased */
	kh_i18n_init("en");
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_registry_ids_and_texts),
		cmocka_unit_test(test_text_lists_every_rule),
		cmocka_unit_test(test_text_fits_80_columns),
		cmocka_unit_test(test_markdown_sections_and_contents),
		cmocka_unit_test(test_markdown_escapes),
		cmocka_unit_test(test_vietnamese),
	};
	return cmocka_run_group_tests_name("rules_doc", tests, NULL, NULL);
}

/*
 * test_sarif.c - the SARIF 2.1.0 log: rule metadata for the whole
 * registry, code-point columns on Vietnamese lines, notes as related
 * locations, suppressed findings with their justification, findings
 * without a location, URI encoding, fingerprints that survive lines
 * added above, and the log checked by tests/sarif/validate.py against the
 * vendored schema when Debian's python3 is there.
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include <utf8proc.h>

#include "alloc.h"
#include "diag.h"
#include "rules.h"
#include "sarif.h"
#include "source.h"

/* The checkout holds the validator; KH_STDLIB_DIR is "<checkout>/stdlib". */
#define VALIDATE_PY KH_STDLIB_DIR "/../tests/sarif/validate.py"
#define PYTHON "/usr/bin/python3"

/* A source that passed its checks. */
static kh_source *src(const char *path, const char *text)
{
	kh_diags d = { 0 };
	kh_source *s = kh_source_from_bytes(path, text, strlen(text), &d);
	assert_non_null(s);
	return s;
}

/* The span of the first NEEDLE in S, as long as NEEDLE. */
static kh_span at(const kh_source *s, const char *needle)
{
	const char *p = strstr(s->text, needle);
	assert_non_null(p);
	kh_span sp = { s->id, (unsigned)(p - s->text), (unsigned)(p - s->text + strlen(needle)) };
	return sp;
}

static const char *sarif(kh_diags *d)
{
	kh_buf out = { 0 };
	kh_diags_sort(d);
	kh_diags_print_sarif(d, &out, "0.1.0");
	return kh_buf_cstr(&out);
}

static unsigned count(const char *hay, const char *needle)
{
	unsigned n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* assert that NEEDLE is in HAY, printing HAY when it is not. */
static void has(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		print_message("--- missing %s in:\n%s---\n", needle, hay);
	assert_non_null(strstr(hay, needle));
}

/* The text of the results array. */
static const char *results(const char *log)
{
	const char *r = strstr(log, "\"results\": [");
	assert_non_null(r);
	return r;
}

/* The Nth (0-based) fingerprint value in LOG. */
static const char *fingerprint(const char *log, unsigned n)
{
	static const char key[] = "\"kehoachFindingHash/v1\": \"";
	const char *p = strstr(log, key);
	for (; p && n; n--)
		p = strstr(p + 1, key);
	assert_non_null(p);
	p += sizeof key - 1;
	const char *e = strchr(p, '"');
	assert_non_null(e);
	return kh_strndup(p, (size_t)(e - p));
}

static void test_empty_run_has_every_rule(void **state)
{
	(void)state;
	kh_diags d = { 0 };
	const char *log = sarif(&d);
	has(log, "  \"version\": \"2.1.0\",\n");
	has(log, "\"name\": \"kehoach\"");
	has(log, "\"version\": \"0.1.0\"");
	has(log, "\"semanticVersion\": \"0.1.0\"");
	has(log, "\"columnKind\": \"unicodeCodePoints\"");
	has(log, "\"executionSuccessful\": true");
	has(log, "\"artifacts\": [],\n");
	has(log, "\"results\": []\n");
	assert_int_equal(count(log, "\"defaultConfiguration\""), KH_RULE__COUNT);
	assert_int_equal(count(log, "\"shortDescription\""), KH_RULE__COUNT);
	assert_int_equal(count(log, "\"fullDescription\""), KH_RULE__COUNT);
	/* registry order, so that ruleIndex is the rule's position */
	const char *p = log;
	for (size_t i = 0; i < KH_RULE__COUNT; i++) {
		const char *id = kh_printf("\"id\": \"%s\",\n", kh_rules[i].id);
		p = strstr(p, id);
		assert_non_null(p);
	}
	has(log, "\"name\": \"UnknownCitation\"");
	has(log, "\"name\": \"IoError\"");
	has(log, "\"tags\": [\n                  \"references\"\n");
	/* pretty-printed: two spaces per level, no tabs, one final newline */
	assert_null(strchr(log, '\t'));
	assert_true(!strncmp(log, "{\n  \"$schema\": ", 15));
	size_t n = strlen(log);
	assert_true(n > 2 && !strcmp(log + n - 2, "}\n"));
}

static void test_vietnamese_columns_are_code_points(void **state)
{
	(void)state;
	kh_source *s = src("v.kh", "a\nhạn trước ngày 31/2/2019\n");
	kh_diags d = { 0 };
	kh_diag_add(&d, KH_ERROR, at(s, "31/2/2019"), "invalid-date", "31/2/2019 is not a date");
	const char *log = sarif(&d);
	has(log, "\"ruleId\": \"invalid-date\",\n");
	has(log, kh_printf("\"ruleIndex\": %d,\n", (int)R_INVALID_DATE));
	has(log, "\"level\": \"error\"");
	/* "hạn trước ngày " is 15 code points but 19 bytes */
	has(log, "\"startLine\": 2,\n");
	has(log, "\"startColumn\": 16,\n");
	has(log, "\"endLine\": 2,\n");
	has(log, "\"endColumn\": 25,\n");
	has(log, "\"snippet\": {\n");
	has(log, "\"text\": \"31/2/2019\"");
	has(log, "\"uri\": \"v.kh\",\n");
	has(log, "\"index\": 0\n");
}

static void test_note_becomes_related_location(void **state)
{
	(void)state;
	kh_source *s = src("n.kh", "cơ_quan a \"A\"\ncơ_quan a \"B\"\n");
	kh_diags d = { 0 };
	kh_diag *x = kh_diag_add(&d, KH_ERROR, at(s, "a \"B"), "duplicate-id", "'a' is declared twice");
	kh_diag_note(x, at(s, "a \"A"), "'a' was first declared here");
	kh_diag_note(x, (kh_span){ -1, 0, 0 }, "names are compared after NFC");
	const char *log = results(sarif(&d));
	has(log, "\"relatedLocations\": [");
	has(log, "\"id\": 1,\n");
	has(log, "\"id\": 2,\n");
	has(log, "\"text\": \"'a' was first declared here\"");
	has(log, "\"text\": \"names are compared after NFC\"");
	const char *rel = strstr(log, "\"relatedLocations\"");
	/* the note's region is line 1, column 9 */
	has(rel, "\"startLine\": 1,\n");
	has(rel, "\"startColumn\": 9,\n");
	/* a note without a location has no physicalLocation */
	const char *second = strstr(rel, "\"id\": 2,");
	assert_non_null(second);
	const char *msg = strstr(second, "\"message\"");
	const char *phys = strstr(second, "\"physicalLocation\"");
	assert_true(!phys || phys > msg);
	assert_int_equal(count(log, "\"ruleId\""), 1); /* notes are not results */
}

static void test_suppressed_finding_is_kept_with_justification(void **state)
{
	(void)state;
	kh_source *s = src("s.kh", "hạn trước 1/1/2025   # kehoach: ignore non-working-day -- như bản gốc\n"
				   "hạn trước 2/1/2025\n");
	kh_diags d = { 0 };
	kh_diag *x = kh_diag_add(&d, KH_WARNING, at(s, "1/1/2025"), "non-working-day",
				 "1/1/2025 is a public holiday");
	kh_diag_suppress(&d, x, at(s, "# kehoach"), "như bản gốc");
	kh_diag *y = kh_diag_add(&d, KH_WARNING, at(s, "2/1/2025"), "non-working-day", "other");
	kh_diag_suppress(&d, y, at(s, "# kehoach"), "");
	const char *log = results(sarif(&d));
	assert_int_equal(count(log, "\"ruleId\""), 2); /* both kept */
	assert_int_equal(count(log, "\"suppressions\": ["), 2);
	assert_int_equal(count(log, "\"kind\": \"inSource\""), 2);
	/* an empty reason gives no justification */
	assert_int_equal(count(log, "\"justification\""), 1);
	has(log, "\"justification\": \"như bản gốc\"");
	/* the suppression points at the comment: code point 22 of line 1 */
	const char *sup = strstr(log, "\"suppressions\"");
	has(sup, "\"location\": {");
	has(sup, "\"startColumn\": 22,\n");
	/* a finding that is not suppressed has no suppressions */
	kh_diags e = { 0 };
	kh_diag_add(&e, KH_WARNING, at(s, "2/1/2025"), "non-working-day", "other");
	assert_null(strstr(sarif(&e), "\"suppressions\""));
}

static void test_findings_without_location(void **state)
{
	(void)state;
	kh_diags d = { 0 };
	kh_diag_add_path(&d, KH_ERROR, "missing.kh", "io-error", "cannot open 'missing.kh'");
	const char *log = sarif(&d);
	has(log, "\"artifacts\": [\n        {\n          \"location\": {\n"
		 "            \"uri\": \"missing.kh\"\n");
	const char *r = results(log);
	has(r, "\"locations\": [");
	has(r, "\"artifactLocation\": {\n");
	has(r, "\"uri\": \"missing.kh\",\n");
	assert_null(strstr(r, "\"region\""));

	/* without a path either: no locations at all, and no artifact */
	kh_diags e = { 0 };
	kh_diag_add_path(&e, KH_WARNING, NULL, "unknown-rule", "--disable nope: no rule has this id");
	log = sarif(&e);
	has(log, "\"artifacts\": [],\n");
	assert_null(strstr(results(log), "\"locations\""));
	has(log, "\"ruleId\": \"unknown-rule\"");

	/* a rule outside the registry keeps its id but gets no ruleIndex */
	kh_diags f = { 0 };
	kh_diag_add_path(&f, KH_ERROR, NULL, "usage", "no files");
	kh_diag_add_path(&f, KH_NOTE, NULL, NULL, "no rule at all");
	log = results(sarif(&f));
	has(log, "\"ruleId\": \"usage\",\n");
	assert_null(strstr(log, "\"ruleIndex\""));
	has(log, "\"level\": \"note\"");
	assert_int_equal(count(log, "\"ruleId\""), 1);
}

static void test_uris_are_encoded(void **state)
{
	(void)state;
	kh_diags d = { 0 };
	kh_diag_add_path(&d, KH_ERROR, "kế hoạch/q3#1.kh", "io-error", "a");
	kh_diag_add_path(&d, KH_ERROR, "/tmp/x y.kh", "io-error", "b");
	kh_diag_add_path(&d, KH_ERROR, "c:x%.kh", "io-error", "c");
	kh_diag_add_path(&d, KH_ERROR, "kế hoạch/q3#1.kh", "io-error", "d");
	kh_diag_add_path(&d, KH_ERROR, "bad\xFF\".kh", "io-error", "e");
	const char *log = sarif(&d);
	has(log, "\"uri\": \"k%E1%BA%BF%20ho%E1%BA%A1ch/q3%231.kh\"");
	has(log, "\"uri\": \"file:///tmp/x%20y.kh\"");
	has(log, "\"uri\": \"c%3Ax%25.kh\"");
	has(log, "\"uri\": \"bad%FF%22.kh\"");
	/* each file is listed once; the fourth finding reuses index 0 */
	const char *arts = strstr(log, "\"artifacts\"");
	assert_int_equal(count(arts, "\"location\": {"), 4);
	const char *fourth = strstr(log, "\"text\": \"d\"");
	assert_non_null(fourth);
	has(fourth, "\"index\": 0\n");
}

static void test_fingerprints_survive_lines_added_above(void **state)
{
	(void)state;
	kh_source *a = src("f.kh", "giao x\n  gửi btv_tinh_u qua y  \n");
	kh_source *b = src("f.kh", "# mới\n\ngiao x\n\tgửi btv_tinh_u qua y\n");
	kh_diags da = { 0 }, db = { 0 };
	kh_diag_add(&da, KH_ERROR, at(a, "btv_tinh_u"), "undeclared-id", "'btv_tinh_u' is not declared");
	kh_diag_add(&db, KH_ERROR, at(b, "btv_tinh_u"), "undeclared-id", "'btv_tinh_u' is not declared");
	const char *la = sarif(&da), *lb = sarif(&db);
	has(la, "\"startLine\": 2,");
	has(lb, "\"startLine\": 4,");
	assert_string_equal(fingerprint(la, 0), fingerprint(lb, 0));
	assert_true(strlen(fingerprint(la, 0)) > 10);

	/* another message, rule or line text gives another fingerprint */
	kh_diags dc = { 0 };
	kh_diag_add(&dc, KH_ERROR, at(a, "btv_tinh_u"), "undeclared-id", "'btv_tinh_u' is unknown");
	assert_string_not_equal(fingerprint(sarif(&dc), 0), fingerprint(la, 0));
	kh_diags dd = { 0 };
	kh_diag_add(&dd, KH_ERROR, at(a, "btv_tinh_u"), "wrong-kind", "'btv_tinh_u' is not declared");
	assert_string_not_equal(fingerprint(sarif(&dd), 0), fingerprint(la, 0));
	kh_diags de = { 0 };
	kh_diag_add(&de, KH_ERROR, at(a, "x"), "undeclared-id", "'btv_tinh_u' is not declared");
	assert_string_not_equal(fingerprint(sarif(&de), 0), fingerprint(la, 0));

	/* a line number in the message moves with the lines: left out */
	kh_diags df = { 0 }, dg = { 0 };
	kh_diag_add(&df, KH_WARNING, at(a, "giao"), "unused-suppression", "silences 'x' on line 2, but");
	kh_diag_add(&dg, KH_WARNING, at(b, "giao"), "unused-suppression", "silences 'x' on line 4, but");
	assert_string_equal(fingerprint(sarif(&df), 0), fingerprint(sarif(&dg), 0));

	/* identical findings are told apart by their occurrence */
	kh_source *c = src("g.kh", "giao x\ngiao x\n");
	kh_diags dh = { 0 };
	kh_diag_add(&dh, KH_ERROR, (kh_span){ c->id, 5, 6 }, "undeclared-id", "'x' is not declared");
	kh_diag_add(&dh, KH_ERROR, (kh_span){ c->id, 12, 13 }, "undeclared-id", "'x' is not declared");
	const char *lh = sarif(&dh);
	const char *f0 = fingerprint(lh, 0), *f1 = fingerprint(lh, 1);
	assert_string_not_equal(f0, f1);
	assert_int_equal(strlen(f0), strlen(f1));
	assert_memory_equal(f0, f1, strlen(f0) - 1); /* same hash, ":1" and ":2" */
	assert_string_equal(f0 + strlen(f0) - 2, ":1");
	assert_string_equal(f1 + strlen(f1) - 2, ":2");
}

static void test_output_is_deterministic_and_escaped(void **state)
{
	(void)state;
	kh_source *s = src("e.kh", "giao \"x\\\"y\"\n");
	kh_diags d = { 0 };
	kh_diag_add(&d, KH_ERROR, at(s, "\"x\\\"y\""), "syntax-error", "bad \"quote\"\tand \xFF byte");
	const char *one = sarif(&d), *two = sarif(&d);
	assert_string_equal(one, two);
	has(one, "\"text\": \"bad \\\"quote\\\"\\tand \xEF\xBF\xBD byte\"");
	has(one, "\"text\": \"\\\"x\\\\\\\"y\\\"\"");
}

/* Zero-width spans, spans past the end and backwards spans stay valid. */
static void test_span_edges(void **state)
{
	(void)state;
	kh_source *s = src("z.kh", "abc\ndef");
	kh_diags d = { 0 };
	kh_diag_add(&d, KH_ERROR, (kh_span){ s->id, 1, 1 }, "syntax-error", "empty");
	kh_diag_add(&d, KH_ERROR, (kh_span){ s->id, 6, 99 }, "syntax-error", "past the end");
	kh_diag_add(&d, KH_ERROR, (kh_span){ s->id, 2, 1 }, "syntax-error", "backwards");
	kh_diag_add(&d, KH_ERROR, (kh_span){ s->id, 1, 6 }, "syntax-error", "across lines");
	kh_diag_add(&d, KH_ERROR, (kh_span){ 9999, 0, 1 }, "syntax-error", "unknown file");
	const char *log = results(sarif(&d));
	const char *e = strstr(log, "\"text\": \"empty\"");
	assert_non_null(e);
	has(e, "\"startColumn\": 2,\n                  \"endLine\": 1,\n                  \"endColumn\": 2\n");
	const char *p = strstr(log, "\"text\": \"past the end\"");
	has(p, "\"startLine\": 2,\n                  \"startColumn\": 3,\n"
	       "                  \"endLine\": 2,\n                  \"endColumn\": 4,\n");
	const char *acr = strstr(log, "\"text\": \"across lines\"");
	has(acr, "\"endLine\": 2,\n                  \"endColumn\": 3\n"); /* no snippet */
	/* a span in a file that is not loaded is a finding without location */
	const char *u = strstr(log, "\"text\": \"unknown file\"");
	assert_non_null(u);
	assert_null(strstr(u, "\"locations\""));
}

/* A refused file (NUL, bad UTF-8): located findings, no snippet of the
 * bad bytes, and the log stays valid UTF-8. */
static void test_refused_file(void **state)
{
	(void)state;
	kh_diags d = { 0 };
	assert_null(kh_source_from_bytes("b.kh", "ab\0c\n\xC3z\n", 8, &d));
	assert_true(d.count >= 2);
	const char *log = results(sarif(&d));
	has(log, "\"ruleId\": \"nul-byte\"");
	has(log, "\"ruleId\": \"invalid-utf8\"");
	has(log, "\"startLine\": 1,\n                  \"startColumn\": 3,\n");
	has(log, "\"startLine\": 2,\n                  \"startColumn\": 1,\n");
	assert_null(strstr(log, "\"snippet\""));
	for (const char *p = log; *p;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &cp);
		assert_true(n > 0);
		p += n;
	}
}

/* Runs tests/sarif/validate.py on a log with every kind of result. */
static void test_validates_against_the_schema(void **state)
{
	(void)state;
	if (access(PYTHON, X_OK) || access(VALIDATE_PY, R_OK)) {
		print_message("no %s or validate.py: schema check skipped\n", PYTHON);
		skip();
	}
	kh_source *s = src("plans/kế hoạch.kh", "cơ_quan a \"A\"\ncơ_quan a \"B\"\n"
						"hạn trước 1/1/2025  # kehoach: ignore non-working-day -- lễ\n");
	kh_diags d = { 0 };
	kh_diag *x = kh_diag_add(&d, KH_ERROR, at(s, "a \"B"), "duplicate-id", "'a' is declared twice");
	kh_diag_note(x, at(s, "a \"A"), "first here");
	kh_diag_note(x, (kh_span){ -1, 0, 0 }, "no place");
	kh_diag *y = kh_diag_add(&d, KH_WARNING, at(s, "1/1/2025"), "non-working-day", "holiday");
	kh_diag_suppress(&d, y, at(s, "# kehoach"), "lễ");
	kh_diag_add(&d, KH_WARNING, at(s, "1/1/2025"), "non-working-day", "holiday");
	kh_diag_add_path(&d, KH_ERROR, "/tmp/missing file.kh", "io-error", "cannot open");
	kh_diag_add_path(&d, KH_WARNING, NULL, "unknown-rule", "--disable nope");
	kh_diag_add_path(&d, KH_NOTE, NULL, "usage", "outside the registry");
	const char *log = sarif(&d);

	char path[] = "/tmp/kehoach-sarif-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(log, 1, strlen(log), f), strlen(log));
	assert_int_equal(fclose(f), 0);
	char logpath[] = "/tmp/kehoach-sarif-log-XXXXXX";
	int lfd = mkstemp(logpath);
	assert_true(lfd >= 0);
	close(lfd);

	const char *cmd = kh_printf("%s %s %s >%s 2>&1", PYTHON, VALIDATE_PY, path, logpath);
	int rc = system(cmd);
	int status = rc == -1 || !WIFEXITED(rc) ? -1 : WEXITSTATUS(rc);
	/* Its lines are shown on failure only, and never its "N passed, N
	 * failed" line: the test runner would count that as more cases. */
	FILE *lf = fopen(logpath, "r");
	char line[512];
	while (status != 0 && status != 77 && lf && fgets(line, sizeof line, lf))
		if (!strstr(line, " passed, "))
			print_message("  validate.py: %s", line);
	if (lf)
		fclose(lf);
	unlink(path);
	unlink(logpath);
	if (status == 77)
		skip(); /* jsonschema not installed for that python */
	assert_int_equal(status, 0);
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_run_has_every_rule),
		cmocka_unit_test(test_vietnamese_columns_are_code_points),
		cmocka_unit_test(test_note_becomes_related_location),
		cmocka_unit_test(test_suppressed_finding_is_kept_with_justification),
		cmocka_unit_test(test_findings_without_location),
		cmocka_unit_test(test_uris_are_encoded),
		cmocka_unit_test(test_fingerprints_survive_lines_added_above),
		cmocka_unit_test(test_output_is_deterministic_and_escaped),
		cmocka_unit_test(test_span_edges),
		cmocka_unit_test(test_refused_file),
		cmocka_unit_test(test_validates_against_the_schema),
	};
	return cmocka_run_group_tests_name("sarif", tests, NULL, NULL);
}

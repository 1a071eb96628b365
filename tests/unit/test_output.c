/*
 * test_output.c - the JSON writer at any depth, and -o: a regular file
 * replaced atomically with its mode kept, a FIFO written through (not
 * replaced), a symbolic link's target replaced, an input refused, a
 * dangling link and a folder refused, an existing file kept when asked.
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "alloc.h"
#include "json.h"
#include "output.h"

/* Nested arrays and objects D deep, each with a sibling after the child,
 * so a wrong comma at any depth shows. */
static void nest(kh_json *j, int d)
{
	if (d == 0) {
		kh_json_int(j, 0);
		return;
	}
	kh_json_begin_object(j);
	kh_json_key(j, "kid");
	kh_json_begin_array(j);
	nest(j, d - 1);
	kh_json_int(j, d);
	kh_json_end_array(j);
	kh_json_kint(j, "after", d);
	kh_json_end_object(j);
}

/* A strict check of the writer's layout: commas exactly between values. */
static void assert_commas_balanced(const char *s)
{
	int depth = 0;
	char prev = 0;
	for (const char *p = s; *p; p++) {
		char c = *p;
		if (c == ' ' || c == '\n')
			continue;
		if (c == '{' || c == '[')
			depth++;
		if (c == '}' || c == ']') {
			depth--;
			assert_true(prev != ',');
		}
		if (c == ',')
			assert_true(prev == '}' || prev == ']' || prev == '"' || (prev >= '0' && prev <= '9'));
		/* a value right after a closed container needs a comma */
		if ((prev == '}' || prev == ']') && (c == '{' || c == '[' || c == '"'))
			fail_msg("missing comma before '%c'", c);
		prev = c;
	}
	assert_int_equal(depth, 0);
}

static void test_json_any_depth(void **state)
{
	(void)state;
	int depths[] = { 1, 29, 30, 63, 64, 65, 200, 5000 };
	for (size_t i = 0; i < sizeof depths / sizeof depths[0]; i++) {
		kh_buf out = { 0 };
		kh_json j;
		kh_json_init(&j, &out);
		nest(&j, depths[i]);
		assert_commas_balanced(kh_buf_cstr(&out));
	}
}

static void test_json_empty_containers(void **state)
{
	(void)state;
	kh_buf out = { 0 };
	kh_json j;
	kh_json_init(&j, &out);
	kh_json_begin_array(&j);
	kh_json_begin_object(&j);
	kh_json_end_object(&j);
	kh_json_begin_array(&j);
	kh_json_end_array(&j);
	kh_json_end_array(&j);
	assert_string_equal(kh_buf_cstr(&out), "[\n  {},\n  []\n]\n");
}

static char dir[] = "/tmp/kh-output-XXXXXX";

static const char *in_dir(const char *name)
{
	return kh_printf("%s/%s", dir, name);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static char buf[4096];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_regular_file_keeps_mode(void **state)
{
	(void)state;
	const char *p = in_dir("plain.txt");
	put(p, "old");
	chmod(p, 0604);
	assert_int_equal(kh_write_output(p, "new", 3), 0);
	assert_string_equal(slurp(p), "new");
	struct stat st;
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0604);
}

static void test_symlink_target_replaced(void **state)
{
	(void)state;
	const char *t = in_dir("target.txt"), *l = in_dir("link.txt");
	put(t, "old");
	assert_int_equal(symlink("target.txt", l), 0);
	assert_int_equal(kh_write_output(l, "new", 3), 0);
	struct stat st;
	assert_int_equal(lstat(l, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_string_equal(slurp(t), "new");
}

static void test_fifo_written_through(void **state)
{
	(void)state;
	const char *f = in_dir("fifo");
	assert_int_equal(mkfifo(f, 0600), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		char buf[16] = { 0 };
		FILE *r = fopen(f, "rb");
		size_t n = r ? fread(buf, 1, sizeof buf - 1, r) : 0;
		_exit(n == 5 && !memcmp(buf, "hello", 5) ? 0 : 1);
	}
	assert_int_equal(kh_write_output(f, "hello", 5), 0);
	int status;
	waitpid(pid, &status, 0);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	struct stat st;
	assert_int_equal(lstat(f, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
}

static void test_refusals(void **state)
{
	(void)state;
	const char *in = in_dir("plan.kh"), *alias = in_dir("alias.kh");
	put(in, "plan");
	assert_int_equal(symlink("plan.kh", alias), 0);
	const char *inputs[] = { in };
	assert_int_equal(kh_write_file(in, "x", 1, inputs, 1, 0), -1);
	assert_int_equal(kh_write_file(alias, "x", 1, inputs, 1, 0), -1);
	assert_string_equal(slurp(in), "plan");
	const char *dangling = in_dir("dangling");
	assert_int_equal(symlink("nowhere", dangling), 0);
	assert_int_equal(kh_write_output(dangling, "x", 1), -1);
	struct stat st;
	assert_int_equal(stat(in_dir("nowhere"), &st), -1);
	assert_int_equal(kh_write_output(dir, "x", 1), -1);
}

/* KH_OUT_NO_CLOBBER (init -o): a new file is made, an existing one (or a
 * link to one) refused and left as it was, a device still written. */
static void test_no_clobber(void **state)
{
	(void)state;
	const char *mine = in_dir("mine.kh"), *made = in_dir("made.kh"), *link = in_dir("to-mine");
	put(mine, "mine");
	assert_int_equal(symlink("mine.kh", link), 0);
	assert_int_equal(kh_write_file(mine, "new", 3, NULL, 0, KH_OUT_NO_CLOBBER), -1);
	assert_int_equal(kh_write_file(link, "new", 3, NULL, 0, KH_OUT_NO_CLOBBER), -1);
	assert_string_equal(slurp(mine), "mine");
	assert_int_equal(kh_write_file(made, "new", 3, NULL, 0, KH_OUT_NO_CLOBBER), 0);
	assert_string_equal(slurp(made), "new");
	assert_int_equal(kh_write_file("/dev/null", "x", 1, NULL, 0, KH_OUT_NO_CLOBBER), 0);
	/* without the flag (init -o --force) it is replaced */
	assert_int_equal(kh_write_file(mine, "new", 3, NULL, 0, 0), 0);
	assert_string_equal(slurp(mine), "new");
}

static void test_dev_full_fails(void **state)
{
	(void)state;
	struct stat st;
	if (stat("/dev/full", &st) != 0 || !S_ISCHR(st.st_mode))
		skip();
	assert_int_equal(kh_write_output("/dev/full", "x", 1), -1);
	assert_int_equal(stat("/dev/full", &st), 0);
	assert_true(S_ISCHR(st.st_mode));
}

/* Counts the folder's entries whose name has NEEDLE (a temporary file). */
static int entries_with(const char *needle)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "ls -a %s | grep -c -- '%s'", dir, needle);
	FILE *f = popen(cmd, "r");
	assert_non_null(f);
	int n = 0;
	if (fscanf(f, "%d", &n) != 1)
		n = -1;
	pclose(f);
	return n;
}

/* A result of megabytes streamed through a kh_buf into a file: the whole
 * of it arrives, in order, while the buffer stays at its drain size; the
 * temporary file is there while it is written, gone after. */
static void test_streamed_result(void **state)
{
	(void)state;
	const char *p = in_dir("streamed.json");
	put(p, "old");
	kh_out *o = kh_out_open(p, NULL, 0, 0);
	assert_non_null(o);
	assert_int_equal(entries_with("streamed.json.kehoach-"), 1);
	kh_buf b = { .drain = kh_out_drain, .sink = o };
	for (int i = 0; i < 300000; i++)
		kh_buf_printf(&b, "%d,", i);
	assert_true(b.cap <= 2 * KH_BUF_DRAIN_AT);
	assert_string_equal(slurp(p), "old"); /* not in place before it is closed */
	kh_out_write(o, b.data, b.len);
	assert_int_equal(kh_out_close(o), 0);
	assert_int_equal(entries_with("streamed.json.kehoach-"), 0);
	FILE *f = fopen(p, "rb");
	assert_non_null(f);
	for (int i = 0; i < 300000; i++) {
		int v = -1;
		assert_int_equal(fscanf(f, "%d,", &v), 1);
		assert_int_equal(v, i);
	}
	assert_int_equal(fgetc(f), EOF);
	fclose(f);
}

/* An output dropped (the emitter failed): the file as it was, no
 * temporary file left. */
static void test_aborted_result(void **state)
{
	(void)state;
	const char *p = in_dir("kept.txt");
	put(p, "kept");
	kh_out *o = kh_out_open(p, NULL, 0, 0);
	assert_non_null(o);
	kh_out_write(o, "partial", 7);
	kh_out_abort(o);
	assert_string_equal(slurp(p), "kept");
	assert_int_equal(entries_with("kept.txt.kehoach-"), 0);
	/* a refused output is refused at once, before anything is made */
	assert_null(kh_out_open(dir, NULL, 0, 0));
}

int main(void)
{
	kh_alloc_init();
	if (!mkdtemp(dir))
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_any_depth),
		cmocka_unit_test(test_json_empty_containers),
		cmocka_unit_test(test_regular_file_keeps_mode),
		cmocka_unit_test(test_symlink_target_replaced),
		cmocka_unit_test(test_fifo_written_through),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_no_clobber),
		cmocka_unit_test(test_dev_full_fails),
		cmocka_unit_test(test_streamed_result),
		cmocka_unit_test(test_aborted_result),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	char *cmd = kh_printf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		rc = rc ? rc : 1;
	return rc;
}

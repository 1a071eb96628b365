/*
 * afl_cli.c - AFL++ harness over the whole command line. The input's
 * first byte picks a command line from MENU, the second whether its -o
 * target already exists, and the rest is the plan, written to
 * SCRATCH/plan.kh (SCRATCH: $KH_AFL_SCRATCH, else /tmp/kh-afl). The real
 * main() runs (src/main.c built with -Dmain=kh_cli_main); when it returns
 * or exits, the promises every run keeps are checked, and a broken one
 * aborts (a crash for the fuzzer):
 *   - the exit status is 0, 1 or 2;
 *   - the plan is byte for byte what was written, unless `fmt -w` ran and
 *     succeeded; then its mode is kept and a second `fmt --check` would
 *     pass (the libFuzzer target checks that part in process);
 *   - a run that succeeds writes its -o target; one that fails leaves an
 *     existing target exactly as it was and creates none;
 *   - no temporary file (".NAME.kehoach-XXXXXX") is left in SCRATCH.
 * The same file built without AFL replays tests/fuzz/cli-corpus in
 * `make test`.
 * Part of kehoach; see README.md for the licence.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int kh_cli_main(int argc, char **argv);

#define PLAN "plan.kh"
#define OUT "out.txt"
#define OLD_OUT "kept: this file was here before the run\n"

/* "P" is the plan, "O" the -o target. */
static const char *const MENU[][8] = {
	{ "check", "P" },
	{ "check", "--format", "json", "P" },
	{ "check", "--format", "sarif", "-o", "O", "P" },
	{ "check", "--explain", "-o", "O", "P" },
	{ "json", "-o", "O", "P" },
	{ "json", "-o", "P", "P" },
	{ "schedule", "P" },
	{ "schedule", "--csv", "-o", "O", "P" },
	{ "schedule", "--ics", "-o", "O", "P" },
	{ "schedule", "--ics", "--mirror-events", "P" },
	{ "schedule", "--svg", "-o", "O", "P" },
	{ "checklist", "-o", "O", "P" },
	{ "checklist", "--csv", "P" },
	{ "checklist", "--html", "-o", "O", "P" },
	{ "outline", "P" },
	{ "outline", "--html", "-o", "O", "P" },
	{ "render", "--html", "-o", "O", "P" },
	{ "render", "--docx", "-o", "O", "P" },
	{ "fmt", "P" },
	{ "fmt", "-w", "P" },
	{ "fmt", "--check", "P" },
	{ "fmt", "-o", "O", "P" },
};
#define NMENU (sizeof MENU / sizeof MENU[0])

static char scratch[4096], plan_path[4200], out_path[4200];
static const unsigned char *plan_bytes;
static size_t plan_len;
static bool writes_plan, has_out, out_existed, is_check;

static void die(const char *what)
{
	fprintf(stderr, "afl_cli: broken promise: %s\n", what);
	abort();
}

static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	unsigned char *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	*len = n;
	return buf;
}

static void spill(const char *path, const void *data, size_t len, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (fd < 0 || (len && write(fd, data, len) != (ssize_t)len) || close(fd) != 0)
		die("cannot set up the scratch folder");
	chmod(path, mode);
}

/* Empties SCRATCH (a flat folder this harness owns). */
static void clear_scratch(void)
{
	mkdir(scratch, 0700);
	DIR *d = opendir(scratch);
	if (!d)
		die("cannot open the scratch folder");
	struct dirent *e;
	char path[8300];
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(path, sizeof path, "%s/%s", scratch, e->d_name);
		unlink(path);
	}
	closedir(d);
}

static void check_no_debris(void)
{
	DIR *d = opendir(scratch);
	if (!d)
		die("the scratch folder is gone");
	struct dirent *e;
	while ((e = readdir(d)))
		if (strstr(e->d_name, ".kehoach-"))
			die("a temporary file was left behind");
	closedir(d);
}

static bool same_as(const char *path, const void *data, size_t len)
{
	size_t n;
	unsigned char *got = slurp(path, &n);
	bool same = got && n == len && (!len || !memcmp(got, data, len));
	free(got);
	return same;
}

static int exit_status = -1;

static void check_plan(void)
{
	struct stat st;
	if (stat(plan_path, &st) != 0)
		die("the plan is gone");
	if ((st.st_mode & 07777) != 0640)
		die("the plan's mode changed");
	if (writes_plan && exit_status == 0)
		return;
	if (!same_as(plan_path, plan_bytes, plan_len))
		die("the plan was changed");
}

/* `check` writes its report whatever it found (exit 0 or 1); the other
 * commands write only a complete output (exit 0). */
static void check_out(void)
{
	if (!has_out)
		return;
	struct stat st;
	bool exists = stat(out_path, &st) == 0;
	bool wrote = exit_status == 0 || (is_check && exit_status == 1);
	if (wrote && !exists)
		die("a run that succeeded wrote no -o target");
	if (!wrote && out_existed && !same_as(out_path, OLD_OUT, strlen(OLD_OUT)))
		die("a failed run changed the existing -o target");
	if (!wrote && !out_existed && exists)
		die("a failed run left an -o target behind");
}

/* Runs at exit, whether main returned or something called exit(). */
static void check_promises(void)
{
	if (exit_status < 0)
		return; /* exit() from inside: status unknown, check files only */
	if (exit_status > 2)
		die("exit status above 2");
	check_plan();
	check_out();
	check_no_debris();
}

static void check_files_only(void)
{
	if (exit_status >= 0)
		return;
	struct stat st;
	if (stat(plan_path, &st) != 0)
		die("the plan is gone");
	check_no_debris();
}

static int run_menu(const char *const *entry)
{
	char *argv[12];
	int argc = 0;
	argv[argc++] = (char *)"kehoach";
	for (int i = 0; i < 8 && entry[i]; i++) {
		const char *a = entry[i];
		if (!strcmp(a, "P"))
			a = plan_path;
		else if (!strcmp(a, "O"))
			a = out_path;
		argv[argc++] = (char *)a;
	}
	argv[argc] = NULL;
	return kh_cli_main(argc, argv);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: afl_cli INPUT\n");
		return 2;
	}
	const char *dir = getenv("KH_AFL_SCRATCH");
	snprintf(scratch, sizeof scratch, "%s", dir && *dir ? dir : "/tmp/kh-afl");
	snprintf(plan_path, sizeof plan_path, "%s/" PLAN, scratch);
	snprintf(out_path, sizeof out_path, "%s/" OUT, scratch);
	size_t len;
	unsigned char *in = slurp(argv[1], &len);
	if (!in || len < 2)
		return 0;
	const char *const *entry = MENU[in[0] % NMENU];
	plan_bytes = in + 2;
	plan_len = len - 2;
	is_check = !strcmp(entry[0], "check");
	writes_plan = !strcmp(entry[0], "fmt") && !strcmp(entry[1], "-w");
	for (int i = 0; i < 8 && entry[i]; i++)
		has_out |= !strcmp(entry[i], "O");
	out_existed = has_out && (in[1] & 1);
	clear_scratch();
	spill(plan_path, plan_bytes, plan_len, 0640);
	if (out_existed)
		spill(out_path, OLD_OUT, strlen(OLD_OUT), 0644);
	atexit(check_files_only);
	atexit(check_promises);
	if (!freopen("/dev/null", "w", stdout))
		die("cannot silence stdout");
	exit_status = run_menu(entry);
	exit(exit_status);
}

/*
 * pdf.c - `kehoach render --pdf`: the Word file converted by LibreOffice
 * (soffice --headless --convert-to pdf), a real layout engine that honours
 * the Word file's page size, margins and numbered page headers, which a
 * browser printing the HTML does not. It runs in a private temporary
 * folder with its own LibreOffice profile, so it neither touches nor
 * waits for the user's, and the folder is removed afterwards.
 * Part of kehoach; see README.md for the licence.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "pdf.h"
#include "i18n.h"

enum { TIMEOUT_SECONDS = 300 };

/* NAME in one of PATH's folders, executable; NULL when none. */
static const char *in_path(const char *name)
{
	const char *path = getenv("PATH");
	if (!path || !*path)
		return NULL;
	for (const char *p = path;; ) {
		size_t n = strcspn(p, ":");
		const char *cand = kh_printf("%.*s/%s", (int)n, n ? p : ".", name);
		if (access(cand, X_OK) == 0)
			return cand;
		if (!p[n])
			return NULL;
		p += n + 1;
	}
}

const char *kh_pdf_converter(void)
{
	const char *env = getenv("KEHOACH_SOFFICE");
	if (env && *env)
		return access(env, X_OK) == 0 ? env : NULL;
	const char *s = in_path("soffice");
	return s ? s : in_path("libreoffice");
}

/* A file: URL for PATH (LibreOffice's -env:UserInstallation takes one). */
static const char *file_url(const char *path)
{
	kh_buf b = { 0 };
	kh_buf_puts(&b, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("/._-~", *p))
			kh_buf_putc(&b, (char)*p);
		else
			kh_buf_printf(&b, "%%%02X", *p);
	}
	return kh_buf_cstr(&b);
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)ftw;
	return flag == FTW_DP ? rmdir(path) : unlink(path);
}

/* The folder of the conversion in progress. Any exit() meanwhile (kh_oom:
 * reading the PDF back is the run's largest allocation) removes it, with
 * the LibreOffice profile in it, as the end of a conversion does. */
static const char *live_dir;

static void remove_live_dir(void)
{
	if (live_dir)
		nftw(live_dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	live_dir = NULL;
}

static bool write_all(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0)
		return false;
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			close(fd);
			return false;
		}
		data += n, len -= (size_t)n;
	}
	return close(fd) == 0;
}

static bool read_all(const char *path, kh_buf *out)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		kh_buf_put(out, chunk, n);
	bool ok = !ferror(f);
	fclose(f);
	return ok;
}

/* Runs LibreOffice on DIR/plan.docx, its output in DIR/soffice.log; the
 * exit status, or -1 when it could not run or ran out of time. */
static int run_soffice(const char *soffice, const char *dir)
{
	const char *profile = kh_printf("-env:UserInstallation=%s", file_url(kh_printf("%s/profile", dir)));
	const char *input = kh_printf("%s/plan.docx", dir);
	const char *log = kh_printf("%s/soffice.log", dir);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int in = open("/dev/null", O_RDONLY), out = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (in < 0 || out < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0)
			_exit(127);
		execl(soffice, soffice, "--headless", "--norestore", "--nolockcheck", profile,
		      "--convert-to", "pdf", "--outdir", dir, input, (char *)NULL);
		_exit(127);
	}
	struct timespec tick = { 0, 50 * 1000 * 1000 };
	for (long waited = 0; waited < TIMEOUT_SECONDS * 20L; waited++) {
		int status;
		pid_t r = waitpid(pid, &status, WNOHANG);
		if (r == pid)
			return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
		if (r < 0 && errno != EINTR)
			return -1;
		nanosleep(&tick, NULL);
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	fprintf(stderr, _("kehoach: error: LibreOffice did not finish in %d seconds\n"), TIMEOUT_SECONDS);
	return -1;
}

/* The last lines LibreOffice wrote, to say why it failed. */
static void show_log(const char *dir)
{
	kh_buf log = { 0 };
	if (!read_all(kh_printf("%s/soffice.log", dir), &log) || !log.len)
		return;
	const char *s = kh_buf_cstr(&log);
	size_t n = strlen(s);
	if (n > 600)
		s += n - 600;
	fputs(_("LibreOffice said:\n"), stderr);
	fprintf(stderr, "%s%s", s, s[strlen(s) - 1] == '\n' ? "" : "\n");
}

bool kh_pdf_available(void)
{
	if (kh_pdf_converter())
		return true;
	fprintf(stderr, _("kehoach: error: --pdf needs LibreOffice (soffice), which is not installed "
			"(Debian: apt-get install libreoffice-writer-nogui); --docx writes the Word "
			"file without it\n"));
	return false;
}

int kh_pdf_from_docx(const char *docx, size_t len, kh_buf *out)
{
	if (!kh_pdf_available())
		return 2;
	const char *soffice = kh_pdf_converter();
	const char *tmp = getenv("TMPDIR");
	char *dir = kh_strdup(kh_printf("%s/kehoach-pdf-XXXXXX", tmp && *tmp ? tmp : "/tmp"));
	static bool registered;
	if (!registered)
		registered = atexit(remove_live_dir) == 0;
	if (!mkdtemp(dir)) {
		fprintf(stderr, _("kehoach: error: cannot make a temporary folder in %s: %s\n"),
			tmp && *tmp ? tmp : "/tmp", strerror(errno));
		return 2;
	}
	live_dir = dir;
	int rc = 2;
	if (!write_all(kh_printf("%s/plan.docx", dir), docx, len)) {
		fprintf(stderr, _("kehoach: error: cannot write %s/plan.docx: %s\n"), dir, strerror(errno));
	} else {
		int status = run_soffice(soffice, dir);
		kh_buf pdf = { 0 };
		if (status == 0 && read_all(kh_printf("%s/plan.pdf", dir), &pdf) && pdf.len > 5 &&
		    !memcmp(pdf.data, "%PDF-", 5)) {
			kh_buf_put(out, pdf.data, pdf.len);
			rc = 0;
		} else {
			fprintf(stderr, _("kehoach: error: LibreOffice (%s) did not convert the Word file "
					"to PDF\n"), soffice);
			show_log(dir);
		}
	}
	remove_live_dir();
	return rc;
}

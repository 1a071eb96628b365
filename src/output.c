/*
 * output.c - writing a result to stdout or to a file without harming what
 * is already there.
 *
 * A regular file is replaced atomically (a temporary file next to it, then
 * rename), keeping its mode, owner and group. Anything else that exists
 * (a device, a FIFO, a terminal) is written through, never replaced: a
 * rename over /dev/null would put a regular file where the device was.
 * A symbolic link is followed and its target replaced.
 * Part of kehoach; see README.md for the licence.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "i18n.h"
#include "output.h"
#include "i18n.h"

static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Says why PATH cannot be written (E, an errno) and returns -1. */
static int fail(const char *path, int e)
{
	fprintf(stderr, _("kehoach: error: cannot write '%s': %s\n"), path, strerror(e));
	return -1;
}

/* The one temporary file in flight, removed if a signal ends the run. */
static volatile sig_atomic_t tmp_live;
static char tmp_name[PATH_MAX + 32];

void kh_output_cleanup(void)
{
	if (tmp_live) {
		unlink(tmp_name); /* async-signal-safe */
		tmp_live = 0;
	}
}

/* Any exit() while a temporary file is live (kh_oom from anywhere, the
 * collector's out-of-memory handler) removes it too, as a signal does. */
static void register_cleanup(void)
{
	static bool registered;
	if (!registered && atexit(kh_output_cleanup) == 0)
		registered = true;
}

mode_t kh_output_umask(void)
{
	mode_t m = umask(0);
	umask(m);
	return m;
}

/* Writes DATA into a device, FIFO or other non-regular file that exists. */
static int write_through(const char *path, const char *data, size_t len, int fd)
{
	if (write_all(fd, data, len) != 0) {
		int e = errno;
		close(fd);
		return fail(path, e);
	}
	if (close(fd) != 0)
		return fail(path, errno);
	return 0;
}

static const char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return ".";
	if (slash == path)
		return "/";
	return kh_strndup(path, (size_t)(slash - path));
}

/* Puts the finished temporary file at PATH only if nothing is there: a
 * hard link fails on an existing name, where rename would replace it.
 * Where the file system has no hard links, rename (the name was free a
 * moment ago). Returns 0 or an errno. */
static int link_new(const char *path)
{
	if (link(tmp_name, path) == 0) {
		unlink(tmp_name);
		return 0;
	}
	if (errno == EEXIST)
		return EEXIST;
	return rename(tmp_name, path) == 0 ? 0 : errno;
}

/* Replaces the regular file PATH (or creates it) atomically. ST is its
 * status, or NULL when it does not exist yet. */
static int replace_atomically(const char *path, const struct stat *st, const char *data,
			      size_t len, unsigned flags)
{
	/* A hidden name in the same folder: a run killed before it could
	 * clean up leaves nothing a glob such as *.kh would pick up. */
	const char *slash = strrchr(path, '/');
	int n = slash ? snprintf(tmp_name, sizeof tmp_name, "%.*s/.%s.kehoach-XXXXXX",
				 (int)(slash - path), path, slash + 1)
		      : snprintf(tmp_name, sizeof tmp_name, ".%s.kehoach-XXXXXX", path);
	if (n < 0 || (size_t)n >= sizeof tmp_name)
		return fail(path, ENAMETOOLONG);
	/* Everything that allocates comes before the temporary file: an
	 * allocation failure exits (kh_oom), and an exit after the rename
	 * would report failure with the file already replaced. */
	const char *folder = folder_of(path);
	register_cleanup();
	/* No signal between creating the file and recording it for cleanup. */
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigprocmask(SIG_BLOCK, &block, &old);
	int fd = mkstemp(tmp_name);
	int mk_errno = errno;
	tmp_live = fd >= 0;
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (fd < 0) {
		fprintf(stderr, _("kehoach: error: cannot create a temporary file next to '%s': %s\n"),
			path, strerror(mk_errno));
		return -1;
	}
	int e = 0;
	if (write_all(fd, data, len) != 0)
		e = errno;
	/* The new file takes the old one's owner, group and mode; when the
	 * owner cannot be kept (another user's file), nothing is replaced. */
	if (!e && st && (st->st_uid != geteuid() || st->st_gid != getegid()) &&
	    fchown(fd, st->st_uid, st->st_gid) != 0)
		e = errno;
	if (!e && fchmod(fd, st ? st->st_mode & 07777 : 0644 & ~kh_output_umask()) != 0)
		e = errno;
	if (!e && fsync(fd) != 0)
		e = errno;
	if (close(fd) != 0 && !e)
		e = errno;
	if (!e && !st && (flags & KH_OUT_NO_CLOBBER))
		e = link_new(path);
	else if (!e && rename(tmp_name, path) != 0)
		e = errno;
	if (e == EEXIST && !st) {
		unlink(tmp_name);
		tmp_live = 0;
		fprintf(stderr, _("kehoach: error: '%s' appeared while it was being written; "
				  "not overwritten\n"), path);
		return -1;
	}
	if (e) {
		unlink(tmp_name);
		tmp_live = 0;
		if (e == EPERM && st)
			fprintf(stderr, _("kehoach: error: '%s' belongs to another user, whose "
					"ownership cannot be kept; nothing written\n"), path);
		else
			fail(path, e);
		return -1;
	}
	tmp_live = 0;
	/* The rename is durable only once the folder is on disk too. */
	int dir = open(folder, O_RDONLY | O_DIRECTORY);
	if (dir >= 0) {
		(void)fsync(dir);
		close(dir);
	}
	if (st && st->st_nlink > 1 && (flags & KH_OUT_NOTE_LINKS))
		fprintf(stderr,
			kh_ngettext("kehoach: note: '%s' had %ju other hard link; they keep the old text\n",
				    "kehoach: note: '%s' had %ju other hard links; they keep the old text\n",
				    (unsigned long)(st->st_nlink - 1)),
			path, (uintmax_t)(st->st_nlink - 1));
	return 0;
}

static bool same_file(const struct stat *a, const char *path)
{
	struct stat b;
	return stat(path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

int kh_write_file(const char *path, const char *data, size_t len, const char *const *inputs,
		  size_t ninputs, unsigned flags)
{
	if (!path || !strcmp(path, "-")) {
		if (write_all(STDOUT_FILENO, data, len) != 0)
		{
			fprintf(stderr, _("kehoach: error: cannot write to 'standard output': %s\n"),
				strerror(errno));
			return -1;
		}
		return 0;
	}
	struct stat lst, st;
	if (lstat(path, &lst) != 0) {
		if (errno != ENOENT)
			return fail(path, errno);
		return replace_atomically(path, NULL, data, len, flags);
	}
	if (stat(path, &st) != 0) {
		if (S_ISLNK(lst.st_mode))
			fprintf(stderr, _("kehoach: error: '%s' is a symbolic link to a missing file; "
					"nothing written\n"), path);
		else
			fail(path, errno);
		return -1;
	}
	if ((flags & KH_OUT_NO_CLOBBER) && S_ISREG(st.st_mode)) {
		fprintf(stderr, _("kehoach: error: '%s' exists; not overwritten (--force "
				  "replaces it)\n"), path);
		return -1;
	}
	if ((flags & KH_OUT_REFUSE_READONLY) && S_ISREG(st.st_mode) &&
	    ((st.st_mode & 0222) == 0 || access(path, W_OK) != 0)) {
		fprintf(stderr, _("kehoach: error: '%s' is read-only: not rewritten (--force "
				"rewrites it, keeping its mode)\n"), path);
		return -1;
	}
	for (size_t i = 0; i < ninputs; i++)
		if (inputs[i] && same_file(&st, inputs[i])) {
			fprintf(stderr, _("kehoach: error: -o '%s' is the input file '%s'; choose "
					"another output file\n"), path, inputs[i]);
			return -1;
		}
	if (S_ISDIR(st.st_mode)) {
		fprintf(stderr, _("kehoach: error: '%s' is a folder; -o names a file\n"), path);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		/* Opened without O_CREAT or O_TRUNC, and checked again once open,
		 * so a file swapped in meanwhile is never truncated. */
		int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
		if (fd < 0)
			return fail(path, errno);
		struct stat fst;
		if (fstat(fd, &fst) == 0 && !S_ISREG(fst.st_mode))
			return write_through(path, data, len, fd);
		close(fd);
		fprintf(stderr, _("kehoach: error: '%s' changed while it was being opened; "
				"nothing written\n"), path);
		return -1;
	}
	if (S_ISLNK(lst.st_mode)) {
		/* The link stays; its target gets the new text. */
		char *target = realpath(path, NULL);
		if (!target)
		{
			fprintf(stderr, _("kehoach: error: cannot follow the link '%s': %s\n"), path,
				strerror(errno));
			return -1;
		}
		const char *t = kh_strdup(target);
		free(target);
		return replace_atomically(t, &st, data, len, flags);
	}
	return replace_atomically(path, &st, data, len, flags);
}

int kh_write_output(const char *path, const char *data, size_t len)
{
	return kh_write_file(path, data, len, NULL, 0, 0);
}

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

struct kh_out {
	enum { OUT_STDOUT, OUT_THROUGH, OUT_ATOMIC } kind;
	int fd;
	const char *path;         /* the file written (a link's target) */
	struct stat st;           /* the file replaced, when HAVE_ST */
	bool have_st;
	unsigned flags;
	const char *folder;       /* ATOMIC: made before the temporary file */
	int err;                  /* the first write's errno; 0: none */
};

/* Starts replacing the regular file PATH (or creating it) atomically: the
 * result goes to a temporary file next to it, renamed over it by
 * kh_out_close. ST is its status, or NULL when it does not exist yet. */
static kh_out *atomic_begin(const char *path, const struct stat *st, unsigned flags)
{
	/* A hidden name in the same folder: a run killed before it could
	 * clean up leaves nothing a glob such as *.kh would pick up. */
	const char *slash = strrchr(path, '/');
	int n = slash ? snprintf(tmp_name, sizeof tmp_name, "%.*s/.%s.kehoach-XXXXXX",
				 (int)(slash - path), path, slash + 1)
		      : snprintf(tmp_name, sizeof tmp_name, ".%s.kehoach-XXXXXX", path);
	if (n < 0 || (size_t)n >= sizeof tmp_name) {
		fail(path, ENAMETOOLONG);
		return NULL;
	}
	/* What kh_out_close needs is made before the temporary file: an
	 * allocation failure exits (kh_oom), and an exit after the rename
	 * would report failure with the file already replaced. One while the
	 * result is written exits with the temporary file removed. */
	kh_out *o = KH_NEW(kh_out);
	*o = (kh_out){ .kind = OUT_ATOMIC, .path = path, .have_st = st != NULL, .flags = flags,
		       .folder = folder_of(path) };
	if (st)
		o->st = *st;
	register_cleanup();
	/* No signal between creating the file and recording it for cleanup. */
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigprocmask(SIG_BLOCK, &block, &old);
	o->fd = mkstemp(tmp_name);
	int mk_errno = errno;
	tmp_live = o->fd >= 0;
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (o->fd < 0) {
		fprintf(stderr, _("kehoach: error: cannot create a temporary file next to '%s': %s\n"),
			path, strerror(mk_errno));
		return NULL;
	}
	return o;
}

/* Puts the temporary file, written whole (E: 0) or not, in O's place. */
static int atomic_finish(kh_out *o, int e)
{
	const char *path = o->path;
	const struct stat *st = o->have_st ? &o->st : NULL;
	/* The new file takes the old one's owner, group and mode; when the
	 * owner cannot be kept (another user's file), nothing is replaced. */
	if (!e && st && (st->st_uid != geteuid() || st->st_gid != getegid()) &&
	    fchown(o->fd, st->st_uid, st->st_gid) != 0)
		e = errno;
	if (!e && fchmod(o->fd, st ? st->st_mode & 07777 : 0644 & ~kh_output_umask()) != 0)
		e = errno;
	if (!e && fsync(o->fd) != 0)
		e = errno;
	if (close(o->fd) != 0 && !e)
		e = errno;
	if (!e && !st && (o->flags & KH_OUT_NO_CLOBBER))
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
	int dir = open(o->folder, O_RDONLY | O_DIRECTORY);
	if (dir >= 0) {
		(void)fsync(dir);
		close(dir);
	}
	if (st && st->st_nlink > 1 && (o->flags & KH_OUT_NOTE_LINKS))
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

kh_out *kh_out_open(const char *path, const char *const *inputs, size_t ninputs, unsigned flags)
{
	if (!path || !strcmp(path, "-")) {
		kh_out *o = KH_NEW(kh_out);
		*o = (kh_out){ .kind = OUT_STDOUT, .fd = STDOUT_FILENO, .path = "standard output" };
		return o;
	}
	struct stat lst, st;
	if (lstat(path, &lst) != 0) {
		if (errno != ENOENT) {
			fail(path, errno);
			return NULL;
		}
		return atomic_begin(path, NULL, flags);
	}
	if (stat(path, &st) != 0) {
		if (S_ISLNK(lst.st_mode))
			fprintf(stderr, _("kehoach: error: '%s' is a symbolic link to a missing file; "
					"nothing written\n"), path);
		else
			fail(path, errno);
		return NULL;
	}
	if ((flags & KH_OUT_NO_CLOBBER) && S_ISREG(st.st_mode)) {
		fprintf(stderr, _("kehoach: error: '%s' exists; not overwritten (--force "
				  "replaces it)\n"), path);
		return NULL;
	}
	if ((flags & KH_OUT_REFUSE_READONLY) && S_ISREG(st.st_mode) &&
	    ((st.st_mode & 0222) == 0 || access(path, W_OK) != 0)) {
		fprintf(stderr, _("kehoach: error: '%s' is read-only: not rewritten (--force "
				"rewrites it, keeping its mode)\n"), path);
		return NULL;
	}
	for (size_t i = 0; i < ninputs; i++)
		if (inputs[i] && same_file(&st, inputs[i])) {
			fprintf(stderr, _("kehoach: error: -o '%s' is the input file '%s'; choose "
					"another output file\n"), path, inputs[i]);
			return NULL;
		}
	if (S_ISDIR(st.st_mode)) {
		fprintf(stderr, _("kehoach: error: '%s' is a folder; -o names a file\n"), path);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		/* Opened without O_CREAT or O_TRUNC, and checked again once open,
		 * so a file swapped in meanwhile is never truncated. */
		int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
		if (fd < 0) {
			fail(path, errno);
			return NULL;
		}
		struct stat fst;
		if (fstat(fd, &fst) == 0 && !S_ISREG(fst.st_mode)) {
			kh_out *o = KH_NEW(kh_out);
			*o = (kh_out){ .kind = OUT_THROUGH, .fd = fd, .path = path };
			return o;
		}
		close(fd);
		fprintf(stderr, _("kehoach: error: '%s' changed while it was being opened; "
				"nothing written\n"), path);
		return NULL;
	}
	if (S_ISLNK(lst.st_mode)) {
		/* The link stays; its target gets the new text. */
		char *target = realpath(path, NULL);
		if (!target)
		{
			fprintf(stderr, _("kehoach: error: cannot follow the link '%s': %s\n"), path,
				strerror(errno));
			return NULL;
		}
		const char *t = kh_strdup(target);
		free(target);
		return atomic_begin(t, &st, flags);
	}
	return atomic_begin(path, &st, flags);
}

void kh_out_write(kh_out *o, const char *data, size_t len)
{
	/* After a failed write nothing more is tried: kh_out_close says why. */
	if (!o->err && write_all(o->fd, data, len) != 0)
		o->err = errno ? errno : EIO;
}

void kh_out_drain(void *out, const char *data, size_t len)
{
	kh_out_write(out, data, len);
}

int kh_out_close(kh_out *o)
{
	switch (o->kind) {
	case OUT_STDOUT:
		if (o->err) {
			fprintf(stderr, _("kehoach: error: cannot write to 'standard output': %s\n"),
				strerror(o->err));
			return -1;
		}
		return 0;
	case OUT_THROUGH:
		if (o->err) {
			close(o->fd);
			return fail(o->path, o->err);
		}
		if (close(o->fd) != 0)
			return fail(o->path, errno);
		return 0;
	default:
		return atomic_finish(o, o->err);
	}
}

void kh_out_abort(kh_out *o)
{
	if (o->kind == OUT_ATOMIC) {
		close(o->fd);
		unlink(tmp_name);
		tmp_live = 0;
	} else if (o->kind == OUT_THROUGH) {
		close(o->fd);
	}
}

int kh_write_file(const char *path, const char *data, size_t len, const char *const *inputs,
		  size_t ninputs, unsigned flags)
{
	kh_out *o = kh_out_open(path, inputs, ninputs, flags);
	if (!o)
		return -1;
	kh_out_write(o, data, len);
	return kh_out_close(o);
}

int kh_write_output(const char *path, const char *data, size_t len)
{
	return kh_write_file(path, data, len, NULL, 0, 0);
}

/*
 * output.c - atomic file output.
 * Part of kehoach; see README.md for the licence.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "output.h"

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

int kh_write_output(const char *path, const char *data, size_t len)
{
	if (!path || !strcmp(path, "-")) {
		if (write_all(STDOUT_FILENO, data, len) != 0) {
			fprintf(stderr, "kehoach: error: cannot write to standard output: %s\n",
				strerror(errno));
			return -1;
		}
		return 0;
	}
	char *tmp = kh_printf("%s.tmp.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		fprintf(stderr, "kehoach: error: cannot create a temporary file next to '%s': %s\n",
			path, strerror(errno));
		return -1;
	}
	struct stat st;
	mode_t mode = 0644;
	if (stat(path, &st) == 0)
		mode = st.st_mode & 07777; /* keep the permissions of the file we replace */
	if (write_all(fd, data, len) != 0 || fchmod(fd, mode) != 0 || fsync(fd) != 0) {
		int e = errno;
		close(fd);
		unlink(tmp);
		fprintf(stderr, "kehoach: error: cannot write '%s': %s\n", path, strerror(e));
		return -1;
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		fprintf(stderr, "kehoach: error: cannot replace '%s': %s\n", path, strerror(e));
		return -1;
	}
	return 0;
}

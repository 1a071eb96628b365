/*
 * install_path.c - the folder of the running program, read from
 * /proc/self/exe, with a path relative to it.
 * Part of kehoach; see README.md for the licence.
 */
#include "install_path.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

bool kh_beside_program(const char *rel, char *out, size_t size)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return false;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return false;
	*slash = '\0';
	int k = snprintf(out, size, "%s/%s", exe, rel);
	return k > 0 && (size_t)k < size;
}

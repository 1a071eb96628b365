/*
 * install_path.h - where an installed kehoach keeps its files: beside the
 * program, PREFIX/bin/kehoach with PREFIX/share/…, wherever the tree was
 * moved (the stdlib and the message catalogue are found so).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_INSTALL_PATH_H
#define KH_INSTALL_PATH_H

#include <stdbool.h>
#include <stddef.h>

/* "<folder of the running program>/REL" into OUT (SIZE bytes), not
 * resolved; false when the program's path cannot be read or it does not
 * fit. The caller checks that what it wants is there. */
bool kh_beside_program(const char *rel, char *out, size_t size);

#endif

/*
 * help.h - the usage text of `kehoach` and of each command, in the
 * user's language (`kehoach help`, `kehoach help COMMAND`, COMMAND --help).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_HELP_H
#define KH_HELP_H

#include <stdbool.h>
#include <stdio.h>

/* Every command's synopsis and the options they share. */
void kh_print_usage(FILE *to);
/* "usage: SYNOPSIS", then what command NAME does; false if none is so named. */
bool kh_print_command_help(const char *name);

#endif

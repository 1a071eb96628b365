/*
 * resolve.h - from source files to a resolved program: loads the main
 * file and its imports (cycles and escapes refused), binds every name,
 * turns dates into days and windows. Problems go to the diagnostics list.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_RESOLVE_H
#define KH_RESOLVE_H

#include <stdbool.h>

#include "diag.h"
#include "plan.h"

typedef struct kh_resolve_opts {
	const char *stdlib_dir;    /* where "vn/hierarchy" lives */
	const char **roots;        /* extra allowed roots for relative imports */
	size_t nroots;
	bool no_prelude;           /* do not load stdlib vn/prelude (tests) */
	bool stdlib_embedded;      /* stdlib_dir is the default one: a module absent there, or
	                              the same bytes there, is the copy compiled in */
	bool no_literals;          /* the program will not be checked: where the main
	                              file's strings stand is not noted (kh_program.literals) */
	bool strings_in_place;     /* the main file is read once: its strings are its
	                              bytes, not copies (KH_PARSE_STRINGS_IN_PLACE) */
	bool no_braces;            /* nothing lays the main file out: its braces are not
	                              noted (KH_PARSE_NO_BRACES; kh_source.layout) */
} kh_resolve_opts;

/*
 * Loads and resolves PATH. Returns the program (possibly partial when
 * errors were reported), or NULL when PATH itself could not be read
 * (then *IO_ERROR is 1 and the caller exits 2).
 */
kh_program *kh_resolve_file(const char *path, const kh_resolve_opts *opts, kh_diags *diags,
			    int *io_error);

/* The same for text already in memory (tests, fuzzing): PATH names it in
 * messages and anchors relative imports. */
kh_program *kh_resolve_bytes(const char *path, const char *bytes, size_t len,
			     const kh_resolve_opts *opts, kh_diags *diags);

/* Forgets the stdlib folder's paths, which a process finds once (a
 * language server, before each analysis; fuzzing, between inputs). */
void kh_resolve_forget_paths(void);

#endif

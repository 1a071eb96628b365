/*
 * cli.h - what the subcommands share (main.c, cli.c, fmt_cmd.c): the
 * options every command reads, the exit codes, the usage error and the
 * findings said, a result written or streamed.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_CLI_H
#define KH_CLI_H

#include <stddef.h>

#include "alloc.h"
#include "diag.h"
#include "output.h"
#include "resolve.h"

#ifndef KH_VERSION
#define KH_VERSION "0.1.0"
#endif

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2 };

typedef struct options {
	const char *format;       /* text | json */
	const char *output;       /* -o FILE */
	int report_to_output;     /* check: the text report goes to -o FILE */
	const char *roots[16];
	size_t nroots;
	kh_resolve_opts resolve;
	int color;
	const char **files;
	int nfiles;
	const char **rule_switches; /* "+id" (--enable) or "-id" (--disable), in order */
	int nswitches;
	const char *fail_on;      /* error | warning */
	const char *for_body;     /* --for BODY */
	int mirror_events;        /* --mirror-events */
	int write;                /* fmt -w */
	int force;                /* fmt -w --force: rewrite read-only files too */
	int check_only;           /* fmt --check */
	int min_working_days;     /* 0: the default */
	int explain;              /* check --explain */
	const char *candidates;   /* awards --candidates CSV */
	const char *form;         /* awards --form ID */
	kh_vec inputs;            /* const char*: every file read, which -o may not replace */
} options;

typedef struct command {
	const char *name;
	int (*run)(options *o);
} command;

/* Says MSG and how to get usage on stderr; returns EXIT_USAGE. */
int kh_cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints findings; returns the number of errors (with --fail-on warning,
 * errors and warnings). */
unsigned kh_cli_report(kh_diags *d, const options *o, int *io_failed);

/* Writes a command's result to -o FILE or stdout: 0, or -1 (said). */
int kh_cli_write_result(const options *o, const char *data, size_t len);
/* An emitter's result (RC: 0, else it failed and said why) written;
 * returns the exit status. */
int kh_cli_write_or_fail(const options *o, int rc, const kh_buf *out);
/* Opens the command's output for OUT to stream into; NULL: said why not. */
kh_out *kh_cli_stream_result(const options *o, kh_buf *out);
/* Ends a streamed result (RC: the emitter's; nonzero drops the output);
 * returns the exit status. */
int kh_cli_finish_result(kh_out *s, int rc, kh_buf *out);

int kh_cmd_fmt(options *o);

#endif

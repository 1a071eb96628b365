/*
 * main.c - the `kehoach` command: a table of subcommands (git style), the
 * options they share, and exit codes 0 (clean), 1 (findings at or above the
 * threshold), 2 (usage or I/O error).
 * Part of kehoach; see README.md for the licence.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "diag.h"
#include "emit_json.h"
#include "output.h"
#include "resolve.h"

#ifndef KH_VERSION
#define KH_VERSION "0.1.0"
#endif
#ifndef KH_STDLIB_DIR
#define KH_STDLIB_DIR "stdlib"
#endif

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2 };

typedef struct options {
	const char *format;       /* text | json */
	const char *output;       /* -o FILE */
	const char *roots[16];
	size_t nroots;
	kh_resolve_opts resolve;
	int color;
	const char **files;
	int nfiles;
} options;

typedef struct command {
	const char *name;
	int (*run)(options *o);
	const char *usage;
	const char *help;
} command;

static int cmd_check(options *o);
static int cmd_json(options *o);

static const command commands[] = {
	{ "check", cmd_check, "kehoach check [--format text|json] [-o FILE] FILE...",
	  "Reads each plan with everything it imports and reports syntax and name\n"
	  "errors as file:line:col: severity: message [rule], with the source line\n"
	  "and a caret (columns count characters). --format json prints the findings\n"
	  "as JSON on standard output. Exit status: 0 clean, 1 errors found,\n"
	  "2 usage or I/O error (a missing or unreadable file)." },
	{ "json", cmd_json, "kehoach json [-o FILE] FILE",
	  "Prints the resolved plan as JSON: every reference bound to its\n"
	  "declaration, dates as YYYY-MM-DD, windows as start/end pairs, durations\n"
	  "in half-days. README.md lists the fields. A plan with errors prints the\n"
	  "errors instead and exits 1." },
};
enum { NCOMMANDS = sizeof commands / sizeof commands[0] };

static void usage_all(FILE *to)
{
	fprintf(to, "usage: kehoach COMMAND [options] FILE...\n\ncommands:\n");
	for (int i = 0; i < NCOMMANDS; i++)
		fprintf(to, "  %s\n", commands[i].usage);
	fprintf(to, "\ncommon options:\n"
		    "  -o FILE          write the output to FILE (atomically) instead of stdout\n"
		    "  --stdlib DIR     where stdlib modules such as \"vn/hierarchy\" live\n"
		    "  --root DIR       also allow relative imports from inside DIR\n"
		    "  --color / --no-color   colour diagnostics (default: when stderr is a terminal)\n"
		    "\n'kehoach help COMMAND' explains a command.\n");
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "kehoach: error: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n(run 'kehoach help' for usage)\n");
	va_end(ap);
	return EXIT_USAGE;
}

static const char *default_stdlib(void)
{
	const char *env = getenv("KEHOACH_STDLIB");
	if (env && *env)
		return env;
	return KH_STDLIB_DIR;
}

/* Prints findings; returns the number of errors. */
static unsigned report(kh_diags *d, const options *o, int *io_failed)
{
	kh_diags_sort(d);
	kh_buf out = { 0 };
	if (o->format && !strcmp(o->format, "json")) {
		kh_diags_print_json(d, &out);
		if (kh_write_output(o->output, out.data ? out.data : "", out.len) != 0)
			*io_failed = 1;
	} else {
		kh_diags_print_text(d, &out, o->color);
		/* A total helps when a whole folder is linted. */
		if (d->errors || d->warnings)
			kh_buf_printf(&out, "%u error%s, %u warning%s\n", d->errors,
				      d->errors == 1 ? "" : "s", d->warnings,
				      d->warnings == 1 ? "" : "s");
		if (out.len)
			fwrite(out.data, 1, out.len, stderr);
	}
	return d->errors;
}

static int cmd_check(options *o)
{
	if (o->nfiles == 0)
		return usage_error("%s", "check needs at least one FILE");
	if (o->format && strcmp(o->format, "text") && strcmp(o->format, "json"))
		return usage_error("unknown format '%s' (use text or json)", o->format);
	kh_diags d = { 0 };
	int io_error = 0;
	for (int i = 0; i < o->nfiles; i++) {
		int io = 0;
		kh_resolve_file(o->files[i], &o->resolve, &d, &io);
		io_error |= io;
	}
	int io_failed = 0;
	unsigned errors = report(&d, o, &io_failed);
	if (io_error || io_failed)
		return EXIT_USAGE;
	return errors ? EXIT_FINDINGS : EXIT_CLEAN;
}

static int cmd_json(options *o)
{
	if (o->nfiles != 1)
		return usage_error("%s", "json takes exactly one FILE");
	kh_diags d = { 0 };
	int io = 0;
	kh_program *prog = kh_resolve_file(o->files[0], &o->resolve, &d, &io);
	options text = *o;
	text.format = "text";
	int io_failed = 0;
	unsigned errors = report(&d, &text, &io_failed);
	if (io || !prog)
		return EXIT_USAGE;
	if (errors)
		return EXIT_FINDINGS;
	kh_buf out = { 0 };
	kh_emit_json(prog, &out);
	return kh_write_output(o->output, out.data, out.len) == 0 ? EXIT_CLEAN : EXIT_USAGE;
}

static const command *find_command(const char *name)
{
	for (int i = 0; i < NCOMMANDS; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

static int cmd_help(int argc, char **argv)
{
	if (argc < 3) {
		usage_all(stdout);
		return EXIT_CLEAN;
	}
	const command *c = find_command(argv[2]);
	if (!c)
		return usage_error("no command '%s'", argv[2]);
	printf("usage: %s\n\n%s\n", c->usage, c->help);
	return EXIT_CLEAN;
}

int main(int argc, char **argv)
{
	kh_alloc_init();
	if (argc < 2) {
		usage_all(stderr);
		return EXIT_USAGE;
	}
	const char *name = argv[1];
	if (!strcmp(name, "help") || !strcmp(name, "--help") || !strcmp(name, "-h"))
		return cmd_help(argc, argv);
	if (!strcmp(name, "--version") || !strcmp(name, "version")) {
		printf("kehoach %s\n", KH_VERSION);
		return EXIT_CLEAN;
	}
	const command *cmd = find_command(name);
	if (!cmd)
		return usage_error("unknown command '%s'", name);

	options o = { 0 };
	o.color = isatty(STDERR_FILENO);
	o.files = KH_NEW_N(const char *, (size_t)argc);
	o.resolve.stdlib_dir = default_stdlib();
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		const char *val = NULL;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			printf("usage: %s\n\n%s\n", cmd->usage, cmd->help);
			return EXIT_CLEAN;
		}
		if (!strcmp(a, "--color")) { o.color = 1; continue; }
		if (!strcmp(a, "--no-color")) { o.color = 0; continue; }
		if (!strcmp(a, "--")) {
			for (i++; i < argc; i++)
				o.files[o.nfiles++] = argv[i];
			break;
		}
		if (!strncmp(a, "--format=", 9)) {
			o.format = a + 9;
			continue;
		}
		if (!strcmp(a, "--format") || !strcmp(a, "-o") || !strcmp(a, "--output") ||
		    !strcmp(a, "--stdlib") || !strcmp(a, "--root")) {
			if (i + 1 >= argc)
				return usage_error("option %s needs a value", a);
			val = argv[++i];
			if (!strcmp(a, "--format"))
				o.format = val;
			else if (!strcmp(a, "--stdlib"))
				o.resolve.stdlib_dir = val;
			else if (!strcmp(a, "--root")) {
				if (o.nroots == sizeof o.roots / sizeof o.roots[0])
					return usage_error("%s", "too many --root options");
				o.roots[o.nroots++] = val;
			} else
				o.output = val;
			continue;
		}
		if (a[0] == '-' && a[1] != '\0')
			return usage_error("unknown option '%s'", a);
		o.files[o.nfiles++] = a;
	}
	o.resolve.roots = o.roots;
	o.resolve.nroots = o.nroots;
	return cmd->run(&o);
}

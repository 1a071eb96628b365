/*
 * fmt_cmd.c - `kehoach fmt`: each file laid out canonically (fmt.c), its
 * meaning checked unchanged, then printed, listed (--check) or written
 * back in place (-w).
 * Part of kehoach; see README.md for the licence.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "fmt.h"
#include "i18n.h"
#include "output.h"
#include "source.h"

/* PATH resolved: the main file to lay out (repaired, if that reads without
 * error), or NULL with *STATUS set; *ORIG: the file as read. */
static kh_source *fmt_load(options *o, const char *path, const kh_source **orig, int *status)
{
	kh_diags d = { 0 };
	int io = 0;
	/* Read once, its strings in place: only the text is laid out, and it
	 * is given its quotes back before anything reads it again. */
	kh_resolve_opts once = o->resolve;
	once.strings_in_place = true;
	kh_program *prog = kh_resolve_file(path, &once, &d, &io);
	if (prog && prog->main)
		kh_source_put_quotes_back(prog->main);
	kh_program *fixed = prog && d.errors ? kh_format_repaired(prog, &o->resolve) : NULL;
	*orig = prog ? prog->main : NULL;
	if (fixed)
		return fixed->main;
	options text = *o;
	text.format = "text";
	int io_failed = 0;
	unsigned errors = kh_cli_report(&d, &text, &io_failed);
	if (io) {
		*status = EXIT_USAGE;
		return NULL;
	}
	if (prog && errors)
		fprintf(stderr, _("kehoach: %s has errors: not formatted\n"), path);
	if ((!prog || errors) && *status == EXIT_CLEAN)
		*status = EXIT_FINDINGS;
	return errors || !prog ? NULL : prog->main;
}

int kh_cmd_fmt(options *o)
{
	if (o->nfiles == 0)
		return kh_cli_usage_error("%s", _("fmt needs at least one FILE"));
	if (o->write && o->check_only)
		return kh_cli_usage_error("%s", _("choose -w (rewrite) or --check (list), not both"));
	if (!o->write && !o->check_only && o->nfiles != 1)
		return kh_cli_usage_error("%s", _("fmt prints one FILE; use -w to rewrite several in place"));
	if (o->format || o->output)
		return kh_cli_usage_error("%s", _("fmt prints the plan itself: no --format or -o (use -w)"));
	int status = EXIT_CLEAN;
	for (int i = 0; i < o->nfiles; i++) {
		const char *path = o->files[i];
		const kh_source *src;
		kh_source *laid = fmt_load(o, path, &src, &status);
		if (!laid)
			continue;
		/* Its plan is no longer needed: the layout reuses its memory. */
		kh_alloc_phase_done(laid->len);
		kh_buf out = { 0 };
		if (!kh_format_checked(laid, &o->resolve, &out)) {
			fprintf(stderr, _("kehoach: internal error: the new layout of %s would read "
					  "differently; nothing written (please report this file)\n"), path);
			status = EXIT_USAGE;
			continue;
		}
		const char *formatted = kh_buf_cstr(&out);
		bool same = out.len == src->len && !memcmp(formatted, src->text, out.len);
		if (o->check_only) {
			if (!same) {
				printf("%s\n", path);
				if (status == EXIT_CLEAN)
					status = EXIT_FINDINGS;
			}
		} else if (o->write) {
			if (!same) {
				unsigned flags = KH_OUT_NOTE_LINKS |
						 (o->force ? 0 : KH_OUT_REFUSE_READONLY);
				if (kh_write_file(path, formatted, out.len, NULL, 0, flags) != 0) {
					status = EXIT_USAGE;
					continue;
				}
				fprintf(stderr, _("formatted %s\n"), path);
			}
		} else if (kh_write_output(NULL, formatted, out.len) != 0) {
			status = EXIT_USAGE;
		}
	}
	return status;
}

/*
 * cli.c - what the subcommands share (cli.h): a usage error said, the
 * findings printed, a command's result written or streamed to stdout or -o.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "cli.h"
#include "i18n.h"
#include "sarif.h"

int kh_cli_usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *msg = kh_vprintf(fmt, ap);
	va_end(ap);
	fprintf(stderr, _("kehoach: error: %s\n(run 'kehoach help' for usage)\n"), msg);
	return EXIT_USAGE;
}

/* The files the run read, which -o may not replace. */
static const char *const *inputs_of(const options *o)
{
	return (const char *const *)o->inputs.items;
}

/* The exit status for an emitter that failed with RC (2: usage). */
static int exit_for_failure(int rc)
{
	return rc == 2 ? EXIT_USAGE : EXIT_FINDINGS;
}

int kh_cli_write_result(const options *o, const char *data, size_t len)
{
	return kh_write_file(o->output, data ? data : "", len, inputs_of(o), o->inputs.n, 0);
}

int kh_cli_write_or_fail(const options *o, int rc, const kh_buf *out)
{
	if (rc != 0)
		return exit_for_failure(rc);
	return kh_cli_write_result(o, out->data, out->len) == 0 ? EXIT_CLEAN : EXIT_USAGE;
}

/* Opens the command's output for OUT to stream into (see kh_buf): an
 * emitter that only appends writes a result of any size through a
 * buffer of 256 KiB. NULL: the output cannot be written (said). */
kh_out *kh_cli_stream_result(const options *o, kh_buf *out)
{
	kh_out *s = kh_out_open(o->output, inputs_of(o), o->inputs.n, 0);
	if (s) {
		out->drain = kh_out_drain;
		out->sink = s;
	}
	return s;
}

/* The end of a streamed result: what OUT still holds, then the file put
 * in place; an emitter that failed (RC, before it wrote anything) leaves
 * the output as it was. */
int kh_cli_finish_result(kh_out *s, int rc, kh_buf *out)
{
	if (rc != 0) {
		kh_out_abort(s);
		return exit_for_failure(rc);
	}
	kh_out_write(s, out->data ? out->data : "", out->len);
	return kh_out_close(s) == 0 ? EXIT_CLEAN : EXIT_USAGE;
}

/* Prints findings; returns the number of errors (with --fail-on warning,
 * errors and warnings). */
unsigned kh_cli_report(kh_diags *d, const options *o, int *io_failed)
{
	kh_diags_sort(d);
	kh_buf out = { 0 };
	if (o->format && (!strcmp(o->format, "json") || !strcmp(o->format, "sarif"))) {
		if (!strcmp(o->format, "json"))
			kh_diags_print_json(d, &out);
		else
			kh_diags_print_sarif(d, &out, KH_VERSION);
		if (kh_cli_write_result(o, out.data, out.len) != 0)
			*io_failed = 1;
	} else {
		/* check -o FILE puts the report in FILE (no colour codes there);
		 * every other command's -o is its own output, not the findings. */
		bool to_file = o->report_to_output && o->output;
		kh_diags_print_text(d, &out, to_file ? 0 : o->color);
		/* A total helps when a whole folder is linted. */
		if (d->errors || d->warnings) {
			const char *e = kh_printf(kh_ngettext("%u error", "%u errors", d->errors),
						  d->errors);
			const char *w = kh_printf(kh_ngettext("%u warning", "%u warnings", d->warnings),
						  d->warnings);
			/* TRANSLATORS: the run's total, "1 error, 2 warnings". */
			kh_buf_printf(&out, _("%s, %s\n"), e, w);
		}
		if (to_file) {
			if (kh_cli_write_result(o, out.data, out.len) != 0)
				*io_failed = 1;
		} else if (out.len) {
			fwrite(out.data, 1, out.len, stderr);
		}
	}
	if (o->fail_on && !strcmp(o->fail_on, "warning"))
		return d->errors + d->warnings;
	return d->errors;
}

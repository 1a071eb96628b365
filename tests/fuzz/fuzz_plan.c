/*
 * fuzz_plan.c - libFuzzer target: any bytes through the loader, scanner,
 * parser and resolver, then the checker (every rule family, silencing
 * comments) and the text, JSON and SARIF printers, then every emitter
 * (JSON, schedule as text/CSV/iCalendar/SVG, checklists, outline, the
 * rendered document as HTML and Word), for all bodies and for one
 * (--for), and fmt's promises (idempotent; the new layout reads as the
 * same plan), and the same findings and JSON when the strings are read
 * in place (KH_PARSE_STRINGS_IN_PLACE). Each output goes into its own buffer and through the
 * validator of its format (props.h): an invalid output stops the fuzzer,
 * as a crash does. Built by `make fuzz` (time-boxed run) and replayed
 * over tests/fuzz/corpus by `make test`.
 * Part of kehoach; see README.md for the licence.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "check.h"
#include "diag.h"
#include "emit.h"
#include "emit_json.h"
#include "fmt.h"
#include "prose_words.h"
#include "props.h"
#include "resolve.h"
#include "sarif.h"
#include "source.h"
#include "between_inputs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef bool (*prop_fn)(const char *data, size_t len, char *why, size_t whylen);

/* An emitter's output, RC its return (emit.h): 0 and OUT must be valid;
 * non-zero, it said why on stderr and the command writes nothing, so OUT
 * is not looked at. */
static void expect(const char *what, int rc, const kh_buf *out, prop_fn valid)
{
	char why[256];
	if (rc != 0) {
		if (rc != 1 && rc != 2) {
			fprintf(stderr, "fuzz_plan: %s returned %d (emit.h: 0, 1 or 2)\n", what, rc);
			abort();
		}
		return;
	}
	if (!valid(out->data ? out->data : "", out->len, why, sizeof why)) {
		fprintf(stderr, "fuzz_plan: invalid %s output (%zu bytes): %s\n", what, out->len, why);
		abort();
	}
}

/* fmt's promises: one pass is enough (idempotent), and the new layout
 * reads as the same plan (kh_format_checked's own check, the one
 * `kehoach fmt` relies on). A broken promise stops the fuzzer. */
static void check_fmt(const kh_program *p, const kh_resolve_opts *opts)
{
	kh_buf once = { 0 }, twice = { 0 };
	if (!kh_format_checked(p->main, opts, &once))
		abort();
	/* Read again, as `kehoach fmt` would: the scanner marks the lines a
	 * criterion goes on over, which the layout depends on. */
	kh_diags d = { 0 };
	kh_program *again = kh_resolve_bytes(p->main->path, once.data ? once.data : "", once.len,
					     opts, &d);
	if (!again || !kh_format_checked(again->main, opts, &twice))
		abort();
	if (once.len != twice.len || (once.len && memcmp(once.data, twice.data, once.len)))
		abort();
}

/* The diagnostics as text, JSON and SARIF: printers that cannot fail. */
static void check_diags(const kh_diags *d)
{
	kh_buf text = { 0 }, json = { 0 }, sarif = { 0 };
	kh_diags_print_text(d, &text, 0);
	expect("diagnostics text", 0, &text, kh_prop_text);
	kh_diags_print_json(d, &json);
	expect("diagnostics JSON", 0, &json, kh_prop_json);
	kh_diags_print_sarif(d, &sarif, "fuzz");
	expect("SARIF", 0, &sarif, kh_prop_sarif);
}

/* schedule and checklist, for all bodies (B NULL) or for one (--for). */
static void check_views(const kh_program *p, const kh_body *b, const kh_ics_opts *io)
{
	kh_buf st = { 0 }, sc = { 0 }, si = { 0 }, ss = { 0 }, cm = { 0 }, cc = { 0 }, ch = { 0 };
	expect("schedule text", kh_emit_schedule_text(p, b, &st), &st, kh_prop_text);
	expect("schedule CSV", kh_emit_schedule_csv(p, b, &sc), &sc, kh_prop_csv);
	expect("schedule iCalendar", kh_emit_schedule_ics(p, b, io, &si), &si, kh_prop_ics);
	expect("schedule SVG", kh_emit_schedule_svg(p, b, &ss), &ss, kh_prop_svg);
	expect("checklist Markdown", kh_emit_checklist_md(p, b, &cm), &cm, kh_prop_text);
	expect("checklist CSV", kh_emit_checklist_csv(p, b, &cc), &cc, kh_prop_csv);
	expect("checklist HTML", kh_emit_checklist_html(p, b, &ch), &ch, kh_prop_html);
}

/* Every emitter of a plan that resolved without errors. */
static void check_outputs(const kh_program *p)
{
	kh_buf json = { 0 };
	kh_emit_json(p, &json);
	expect("JSON", 0, &json, kh_prop_json);
	/* Emitters that complain (no plan, no outline) write to stderr. */
	kh_diags notes = { 0 };   /* recurring duties left out of the calendar */
	const kh_body *one = p->bodies.n ? KH_VEC_AT(p->bodies, kh_body, p->bodies.n - 1) : NULL;
	for (int k = 0; k < 2; k++) {
		kh_ics_opts io = { k == 0, "20190101T000000Z", &notes }; /* with mirror events once */
		check_views(p, k ? one : NULL, &io);
	}
	kh_diags_sort(&notes);
	kh_buf said = { 0 };
	kh_diags_print_text(&notes, &said, 0);
	expect("calendar notes", 0, &said, kh_prop_text);
	kh_buf om = { 0 }, oh = { 0 }, rh = { 0 }, rd = { 0 }, od = { 0 };
	expect("outline Markdown", kh_emit_outline_md(p, &om), &om, kh_prop_text);
	expect("outline HTML", kh_emit_outline_html(p, &oh), &oh, kh_prop_html);
	expect("render HTML", kh_emit_render_html(p, &rh), &rh, kh_prop_html);
	kh_docx_opts when = { true, 18000, 3600 };
	expect("render docx", kh_emit_render_docx(p, &when, &rd), &rd, kh_prop_docx);
	expect("outline docx", kh_emit_outline_docx(p, &when, &od), &od, kh_prop_docx);
}

/* The findings as text and SARIF, and the plan as JSON (none when it has
 * errors): what the copies and the in-place reading must agree on. */
static void said_of(const kh_program *p, kh_diags *d, kh_buf *out)
{
	kh_diags_print_text(d, out, 0);
	kh_diags_print_sarif(d, out, "fuzz");
	if (p && !d->errors)
		kh_emit_json(p, out);
}

/* The input resolved and, when it has no errors, checked; findings sorted. */
static kh_program *read_and_check(const uint8_t *data, size_t size, const kh_resolve_opts *opts,
				  kh_diags *d)
{
	kh_program *p = kh_resolve_bytes("fuzz.kh", (const char *)data, size, opts, d);
	if (p && !d->errors) {
		kh_rule_config config;
		kh_rule_config_init(&config);
		kh_check_program(p, &config, d);
	}
	kh_diags_sort(d);
	return p;
}

/* `kehoach check` and the emitters read a plan once, its strings left in
 * place (KH_PARSE_STRINGS_IN_PLACE: the closing quotes made NULs); the
 * findings, their excerpts and snippets, and the JSON must be those of
 * the copies. A difference stops the fuzzer. */
static void check_in_place(const uint8_t *data, size_t size, const kh_resolve_opts *opts,
			   const kh_buf *copied)
{
	kh_resolve_opts in_place = *opts;
	in_place.strings_in_place = true;
	kh_diags d = { 0 };
	kh_program *p = read_and_check(data, size, &in_place, &d);
	kh_buf said = { 0 };
	said_of(p, &d, &said);
	if (said.len != copied->len || (said.len && memcmp(said.data, copied->data, said.len))) {
		fprintf(stderr, "fuzz_plan: strings in place: other findings or JSON than with copies\n");
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready) {
		kh_alloc_init();
		ready = 1;
	}
	kh_source_reset();
	kh_diags d = { 0 };
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = "stdlib";
	kh_program *p = read_and_check(data, size, &opts, &d);
	check_diags(&d);
	kh_buf copied = { 0 };
	said_of(p, &d, &copied);
	if (p && !d.errors) {
		check_outputs(p);
		check_fmt(p, &opts);
	}
	check_in_place(data, size, &opts, &copied);
	kh_fuzz_between_inputs();
	return 0;
}

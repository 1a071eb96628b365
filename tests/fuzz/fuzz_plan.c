/*
 * fuzz_plan.c - libFuzzer target: any bytes through the loader, scanner,
 * parser and resolver, then the checker (every rule family, silencing
 * comments) and the text, JSON and SARIF printers, then every emitter
 * (JSON, schedule as text/CSV/iCalendar/SVG, checklists, outline, the
 * rendered document as HTML and Word), for all bodies and for one
 * (--for), and fmt's promises (idempotent; the new layout reads as the
 * same plan). Built by `make fuzz` (time-boxed run) and replayed over
 * tests/fuzz/corpus by `make test`.
 * Part of kehoach; see README.md for the licence.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "check.h"
#include "diag.h"
#include "emit.h"
#include "emit_json.h"
#include "fmt.h"
#include "prose_words.h"
#include "resolve.h"
#include "sarif.h"
#include "source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* fmt's promises: one pass is enough (idempotent), and the new layout
 * reads as the same plan (kh_format_program's own check, the one
 * `kehoach fmt` relies on). A broken promise stops the fuzzer. */
static void check_fmt(const kh_program *p, const kh_resolve_opts *opts)
{
	kh_buf once = { 0 }, twice = { 0 };
	if (!kh_format_program(p, opts, &once))
		abort();
	kh_format_text(once.data ? once.data : "", once.len, &twice);
	if (once.len != twice.len || (once.len && memcmp(once.data, twice.data, once.len)))
		abort();
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
	kh_program *p = kh_resolve_bytes("fuzz.kh", (const char *)data, size, &opts, &d);
	if (p && !d.errors) {
		kh_rule_config config;
		kh_rule_config_init(&config);
		kh_check_program(p, &config, &d);
	}
	kh_buf out = { 0 };
	kh_diags_sort(&d);
	kh_diags_print_text(&d, &out, 0);
	kh_diags_print_json(&d, &out);
	kh_diags_print_sarif(&d, &out, "fuzz");
	if (p && !d.errors) {
		kh_emit_json(p, &out);
		/* Emitters that complain (no plan, no outline) write to stderr. */
		kh_diags notes = { 0 };   /* recurring duties left out of the calendar */
		kh_ics_opts io = { true, "20190101T000000Z", &notes };
		const kh_body *one = p->bodies.n ? KH_VEC_AT(p->bodies, kh_body, p->bodies.n - 1) : NULL;
		for (int k = 0; k < 2; k++) {
			const kh_body *b = k ? one : NULL;
			kh_emit_schedule_text(p, b, &out);
			kh_emit_schedule_csv(p, b, &out);
			kh_emit_schedule_ics(p, b, &io, &out);
			kh_emit_schedule_svg(p, b, &out);
			kh_emit_checklist_md(p, b, &out);
			kh_emit_checklist_csv(p, b, &out);
			kh_emit_checklist_html(p, b, &out);
		}
		kh_diags_sort(&notes);
		kh_diags_print_text(&notes, &out, 0);
		kh_emit_outline_md(p, &out);
		kh_emit_outline_html(p, &out);
		kh_emit_render_html(p, &out);
		kh_docx_opts when = { true, 18000, 3600 };
		kh_emit_render_docx(p, &when, &out);
		kh_emit_outline_docx(p, &when, &out);
		check_fmt(p, &opts);
	}
#ifdef KH_ALLOC_TRACK
	/* Nothing of this input may be read by the next one. */
	kh_word_fold_forget();
	kh_source_forget();
	kh_alloc_release_all();
#endif
	return 0;
}

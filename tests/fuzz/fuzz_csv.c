/*
 * fuzz_csv.c - libFuzzer target for the nominee reader (src/nominees.h):
 * any bytes through kh_nominees_read, then every typed reader on every
 * cell, the yearly columns and the key check. Besides not crashing, it
 * checks what the reader promises: every finding located inside the
 * registered text (or at a path), every cell valid UTF-8 in NFC with its
 * row and column within the file, every record as long as the header.
 * Anything else aborts, as a crash does. Built by `make fuzz-build`, run
 * by `make fuzz-csv`; tests/fuzz/csv-corpus is replayed by `make test`.
 * Part of kehoach; see README.md for the licence.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "alloc.h"
#include "between_inputs.h"
#include "diag.h"
#include "nominees.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_csv: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
	abort();
}

/* S is valid UTF-8 and NFC. */
static void check_text(const char *s)
{
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &nfc,
					  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0)
		fail("a cell is not valid UTF-8", s);
	int same = (size_t)n == strlen(s) && !memcmp(nfc, s, (size_t)n);
	free(nfc);
	if (!same)
		fail("a cell is not NFC", s);
}

static void check_span(kh_span at)
{
	if (at.file < 0)
		return;
	const kh_source *src = kh_source_get(at.file);
	if (!src || at.start > at.end || at.end > src->len)
		fail("a finding outside the file", NULL);
}

static void check_diags(const kh_diags *d)
{
	for (const kh_diag *x = d->first; x; x = x->next) {
		check_span(x->span);
		if (x->span.file < 0 && !x->path)
			fail("a finding with neither place nor path", x->message);
		for (const kh_diag *k = x->notes; k; k = k->next)
			check_span(k->span);
	}
}

static void check_cell(const kh_nominees *n, const kh_cell *c, size_t col)
{
	const kh_source *src = kh_source_get(n->source);
	check_text(c->text);
	check_span(c->span);
	if (c->col != col + 1 || c->row < 1 || c->row > src->nlines)
		fail("a cell's row or column is outside the file", c->text);
}

/* Every reader on every cell: what it says is checked with the rest. */
static void read_cells(const kh_nominees *n, kh_diags *d)
{
	for (size_t i = 0; i < n->nrows; i++)
		for (size_t j = 0; j < n->ncols; j++) {
			const kh_cell *c = &n->rows[i][j];
			check_cell(n, c, j);
			double v;
			kh_day day;
			bool yes;
			const char **items;
			kh_award_item *aw;
			size_t k;
			kh_cell_number(c, &v, d);
			kh_cell_date(c, &day, d);
			kh_cell_yesno(c, &yes, d);
			size_t m = kh_cell_list(c, &items);
			for (size_t x = 0; x < m; x++)
				check_text(items[x]);
			if (kh_cell_awards(c, &aw, &k, d))
				for (size_t x = 0; x < k; x++)
					if (aw[x].year < KH_PLAN_YEAR_MIN || aw[x].year > KH_PLAN_YEAR_MAX)
						fail("an award's year out of range", aw[x].text);
		}
	for (size_t j = 0; j < n->ncols; j++) {
		check_cell(n, &n->header[j], j);
		kh_year_col *y;
		size_t k = kh_nominees_yearly(n, n->header[j].text, &y);
		for (size_t x = 1; x < k; x++)
			if (y[x - 1].year > y[x].year || y[x].col >= n->ncols)
				fail("yearly columns out of order", n->header[j].text);
		if (kh_nominees_column(n, n->header[j].text) < 0 && n->header[j].text[0])
			fail("a header name not found", n->header[j].text);
	}
	if (n->ncols)
		kh_nominees_check_unique(n, 0, NULL, d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready) {
		kh_alloc_init();
		ready = 1;
	}
	kh_diags d = { 0 };
	kh_nominees *n = kh_nominees_read("fuzz.csv", (const char *)data, size, &d);
	if (n) {
		if (d.errors || !n->ncols || n->ncols > KH_NOMINEES_MAX_COLS ||
		    n->nrows > KH_NOMINEES_MAX_ROWS)
			fail("a table read with errors or past a limit", NULL);
		read_cells(n, &d);
	} else if (!d.errors) {
		fail("no table and no error", NULL);
	}
	check_diags(&d);
	kh_buf out = { 0 };
	kh_diags_sort(&d);
	kh_diags_print_text(&d, &out, 0);
	kh_diags_print_json(&d, &out);
	kh_fuzz_between_inputs();
	return 0;
}

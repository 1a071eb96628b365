/*
 * fuzz_csv.c - libFuzzer target for the nominee reader (src/nominees.h):
 * any bytes through kh_nominees_read, then every typed reader on every
 * cell, the yearly columns and the key check. Besides not crashing, it
 * checks what the reader promises: every finding located inside the
 * registered text (or at a path), every cell valid UTF-8 in NFC with its
 * row and column within the file, every record as long as the header
 * or marked bad. Then the table is screened by a plan whose forms use
 * every operator (kh_awards_screen): every nominee not marked bad lands
 * in exactly one list of each screened form, the quota is kept, the
 * positions run 1..n, and the JSON, text and CSV reports are written
 * (the JSON read back by the JSON reader). Anything else aborts, as a
 * crash does. Built by `make fuzz-build`, run
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
#include "awards_report.h"
#include "awards_screen.h"
#include "between_inputs.h"
#include "diag.h"
#include "json_read.h"
#include "nominees.h"
#include "resolve.h"

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

/* Short headers, so mutations find them: a text key, a number, a date,
 * yes/no, a yearly column, prior awards, the kind. */
static const char PLAN[] =
	"kế_hoạch \"1/KH-X\" {\n"
	"  ngày 10/5/2025\n"
	"  khen_thưởng {\n"
	"    thuộc_tính {\n"
	"      k \"Mã\" chữ khóa\n      n \"n\" số\n      d \"d\" ngày\n"
	"      y \"y\" có_không\n      r \"r\" theo_năm\n      w \"w\" khen\n"
	"      t \"t\" chữ\n      u \"u\" chữ\n"
	"    }\n"
	"    hình_thức a \"A\" {\n"
	"      loại \"Giấy khen\"\n"
	"      tiêu_chuẩn {\n"
	"        điều \"1\" n >= 2.5 hoặc d < 1/1/2020 và không y\n"
	"          trừ_khi \"2\" t trong [\"tập thể\", \"x\"]\n"
	"        điều \"3\" n từ 0 đến 100 hoặc liên_tục 2 năm r = \"A\"\n"
	"        điều \"4\" ít_nhất 1 trong 2 năm r trong [\"A\", \"B\"] hoặc chưa_khen 3 năm\n"
	"        điều \"5\" t != \"cá nhân\" hoặc d từ 1/1/1990 đến 31/12/2024\n"
	"        loại_trừ \"6\" y và n > 50\n"
	"      }\n"
	"      số_lượng 02 tập_thể, 03 cá_nhân\n"
	"      xếp_hạng n giảm, d tăng\n"
	"    }\n"
	"    hình_thức b \"B\" {\n"
	"      tiêu_chuẩn { điều \"1\" u != \"\" }\n"
	"      số_lượng mỗi u 1 { \"x\" 2 }\n"
	"      xếp_hạng u tăng\n"
	"    }\n"
	"    hình_thức c \"C\" { tiêu_chuẩn thông_báo_sau }\n"
	"  }\n"
	"}\n";

static bool any_bad(const kh_nominees *n)
{
	for (size_t i = 0; i < n->nrows; i++)
		if (n->bad[i])
			return true;
	return false;
}

/* Each nominee not left out lands in one list of each screened form. */
static void check_form(const kh_screening *s, const kh_form_screening *fs)
{
	size_t n = s->table->nrows;
	unsigned char *seen = calloc(n ? n : 1, 1);
	const kh_vec *lists[] = { &fs->ranked, &fs->rejected, &fs->unscreened };
	for (int l = 0; l < 3; l++)
		for (size_t i = 0; i < lists[l]->n; i++) {
			const kh_nominee_result *r = lists[l]->items[i];
			if (r->row >= n || seen[r->row]++ || s->bad[r->row])
				fail("a nominee in two lists, or one left out in a list", fs->form->id);
			if (l == 0 && r->position != (int)i + 1)
				fail("ranking positions out of order", fs->form->id);
			if (l == 0 && (r->verdict == KH_ELIGIBLE) != (i < fs->within))
				fail("within and past the quota mixed", fs->form->id);
		}
	for (size_t r = 0; r < n; r++)
		if (fs->status == KH_FORM_SCREENED && !s->bad[r] && !seen[r])
			fail("a nominee screened into no list", fs->form->id);
	free(seen);
	if (fs->form->quota >= 0 && fs->within > (size_t)fs->form->quota)
		fail("more within the quota than the quota", fs->form->id);
}

static void screen(const kh_nominees *n, kh_diags *d)
{
	kh_resolve_opts opts = { 0 };
	kh_diags pd = { 0 };
	kh_program *prog = kh_resolve_bytes("fuzz.kh", PLAN, sizeof PLAN - 1, &opts, &pd);
	if (!prog || pd.errors)
		fail("the fuzz plan does not read", pd.first ? pd.first->message : NULL);
	kh_screening *s = kh_awards_screen(prog->plan, n, NULL, d);
	for (size_t i = 0; i < s->forms.n; i++)
		check_form(s, s->forms.items[i]);
	kh_buf json = { 0 }, text = { 0 }, csv = { 0 };
	kh_awards_json(s, d, &json);
	char why[128];
	if (!kh_json_parse(json.data, json.len, why, sizeof why))
		fail("the awards JSON does not parse", why);
	kh_awards_text(s, &text);
	kh_awards_csv(s, &csv);
	check_text(kh_buf_cstr(&text));
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
		if ((d.errors && !any_bad(n)) || !n->ncols || n->ncols > KH_NOMINEES_MAX_COLS ||
		    n->nrows > KH_NOMINEES_MAX_ROWS)
			fail("a table read with errors or past a limit", NULL);
		read_cells(n, &d);
		screen(n, &d);
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

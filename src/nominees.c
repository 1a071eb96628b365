/*
 * nominees.c - reads the nominee CSV with libcsv. The bytes go through
 * the plan loader first (kh_source: BOM, UTF-8 and legacy-encoding
 * checks, NFC, the line table), so cells are NFC and errors print as
 * file:line:col with the line and a caret like any other. libcsv only
 * says *that* a field ended, not where: the text is fed in runs that end
 * before each byte that can end a field (separator, quote, CR, LF), and
 * that byte alone, so every callback happens at a known offset.
 * Part of kehoach; see README.md for the licence.
 */
#include "nominees.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* libcsv's header has the name of ours (src/csv.h, the writer), and -Isrc
 * comes first in the search for <csv.h>: so it is named by its path, the
 * one `dpkg -L libcsv-dev` lists. */
#include "/usr/include/csv.h"

#include "alloc.h"
#include "i18n.h"
#include "names.h"
#include "source.h"
#include "unichar.h"

#define RULE_FORMAT "csv-format"   /* quoting, record length, header */
#define RULE_LIMIT "csv-limit"     /* rows, columns, field size */
#define MAX_ERRORS 20u             /* format errors before the reading stops */
#define RUN_MAX 4096u              /* bytes fed at once: bounds a field's overshoot */

typedef struct reader {
	const kh_source *src;
	kh_diags *d;
	struct csv_parser *p;
	char sep;
	size_t pos;           /* offset of the byte being fed (src->len at the end) */
	size_t field_start;   /* just after the previous separator or record end */
	size_t line;          /* 0-based line of the last cell placed (offsets only grow) */
	kh_cell *rec;         /* the record being read */
	size_t nrec, caprec;
	kh_cell *header;
	size_t ncols;         /* 0 until the header is read */
	kh_cell **rows;
	bool *bad;            /* per row: its record is malformed, it is not screened */
	size_t nrows, caprows;
	unsigned errors;
	bool fatal;           /* an error that spoils the whole table */
	bool stop;            /* a limit or too many errors: feed no more */
} reader;

static bool is_blank_cp(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || kh_char_is_space(cp);
}

/* Length of the blank code point at S[I] (0 when it is not one). */
static size_t blank_at(const char *s, size_t i, size_t n)
{
	int32_t cp;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
					      (utf8proc_ssize_t)(n - i), &cp);
	return k > 0 && is_blank_cp(cp) ? (size_t)k : 0;
}

/* Trims S[0, *N) of blanks at both ends: the new start offset, *N the length. */
static size_t trim(const char *s, size_t *n)
{
	size_t a = 0, e = *n, k;
	while (a < e && (k = blank_at(s, a, e)) > 0)
		a += k;
	while (e > a) {
		size_t b = e - 1;
		while (b > a && ((unsigned char)s[b] & 0xC0) == 0x80)
			b--;
		if (!blank_at(s, b, e))
			break;
		e = b;
	}
	*n = e - a;
	return a;
}

/* 1-based line of OFFSET: the cursor only moves forward, as the cells do. */
static unsigned line_of(reader *r, size_t offset)
{
	while (r->line + 1 < r->src->nlines && r->src->line_starts[r->line + 1] <= offset)
		r->line++;
	return (unsigned)r->line + 1;
}

static kh_span span_of(const reader *r, size_t a, size_t b)
{
	return (kh_span){ r->src->id, (unsigned)a, (unsigned)b };
}

/* Reports a format error; past MAX_ERRORS the reading stops. */
static kh_diag *fail(reader *r, kh_span at, const char *rule, const char *msg)
{
	kh_diag *x = kh_diag_add(r->d, KH_ERROR, at, rule, "%s", msg);
	r->fatal = true;
	if (++r->errors >= MAX_ERRORS && !r->stop)
		kh_diag_note(x, (kh_span){ -1, 0, 0 },
			     _("stopped after %u errors; the rest of the file is not read"),
			     MAX_ERRORS);
	if (r->errors >= MAX_ERRORS)
		r->stop = true;
	return x;
}

/* The span of the field being read: from its first non-blank byte. */
static kh_span field_span(const reader *r)
{
	const char *t = r->src->text;
	size_t a = r->field_start, e = r->pos, k;
	while (a < e && (k = blank_at(t, a, e)) > 0)
		a += k;
	while (e > a && (t[e - 1] == ' ' || t[e - 1] == '\t'))
		e--;
	return span_of(r, a, e);
}

/* libcsv: a field ended at r->pos with its unquoted bytes DATA[0, LEN). */
static void on_field(void *data, size_t len, void *arg)
{
	reader *r = arg;
	kh_span at = field_span(r);
	r->field_start = r->pos + 1;
	if (r->stop)
		return;
	if (len > KH_NOMINEES_MAX_FIELD) {
		fail(r, at, RULE_LIMIT,
		     kh_printf(_("this field is longer than %u bytes, the limit"),
			       KH_NOMINEES_MAX_FIELD));
		r->stop = true;
		return;
	}
	if (r->nrec == KH_NOMINEES_MAX_COLS) {
		fail(r, at, RULE_LIMIT,
		     kh_printf(_("this record has more than %u fields; the limit is %u"),
			       KH_NOMINEES_MAX_COLS, KH_NOMINEES_MAX_COLS));
		r->stop = true;
		return;
	}
	if (r->nrec == r->caprec) {
		r->caprec = r->caprec ? r->caprec * 2 : 16;
		r->rec = KH_GROW_N(r->rec, kh_cell, r->caprec);
	}
	const char *s = data ? data : "";
	size_t n = len, off = trim(s, &n);
	kh_cell *c = &r->rec[r->nrec++];
	c->text = kh_strndup(s + off, n);
	c->span = at;
	c->col = (unsigned)r->nrec;
	c->row = 0; /* set when the record ends */
	c->folded = NULL;
}

static bool record_blank(const reader *r)
{
	for (size_t i = 0; i < r->nrec; i++)
		if (r->rec[i].text[0])
			return false;
	return true;
}

/* The first record: the column names, none twice. */
static void take_header(reader *r)
{
	r->ncols = r->nrec;
	r->header = r->rec;
	r->rec = NULL;
	r->nrec = r->caprec = 0;
	for (size_t i = 0; i < r->ncols; i++) {
		if (!r->header[i].text[0])
			continue;
		const char *k = kh_text_fold(r->header[i].text);
		for (size_t j = 0; j < i; j++) {
			if (!r->header[j].text[0] || strcmp(kh_text_fold(r->header[j].text), k))
				continue;
			kh_diag *x = fail(r, r->header[i].span, RULE_FORMAT,
					  kh_printf(_("the column '%s' is named twice"),
						    r->header[i].text));
			kh_diag_note(x, r->header[j].span, _("first named here"));
			break;
		}
	}
}

/* A record whose length is not the header's is kept, marked bad: the
 * other nominees can still be screened. */
static bool record_length_ok(reader *r)
{
	bool fatal = r->fatal;
	if (r->nrec > r->ncols)
		fail(r, r->rec[r->ncols].span, RULE_FORMAT,
		     kh_cell_message(&(kh_cell){ .col = (unsigned)r->ncols + 1 },
				     kh_printf(_("this record has %zu fields but the header has %zu: "
						 "this is the first one too many"),
					       r->nrec, r->ncols)));
	else if (r->nrec < r->ncols)
		fail(r, r->rec[r->nrec - 1].span, RULE_FORMAT,
		     kh_cell_message(&(kh_cell){ .col = (unsigned)r->nrec },
				     kh_printf(_("this record has %zu fields but the header has %zu: "
						 "it ends here (a line break outside quotes?)"),
					       r->nrec, r->ncols)));
	else
		return true;
	r->fatal = fatal || r->stop; /* a table read only in part is no table */
	return false;
}

/* A data record, as long as the header (a longer or shorter one is
 * kept, marked bad, its missing fields blank). */
static void take_row(reader *r)
{
	bool ok = record_length_ok(r);
	if (r->nrec > r->ncols)
		r->nrec = r->ncols;
	if (r->nrows == KH_NOMINEES_MAX_ROWS) {
		fail(r, r->rec[0].span, RULE_LIMIT,
		     kh_printf(_("more than %u records after the header; the limit is %u"),
			       KH_NOMINEES_MAX_ROWS, KH_NOMINEES_MAX_ROWS));
		r->stop = true;
		return;
	}
	kh_cell *cells = KH_NEW_N(kh_cell, r->ncols);
	memcpy(cells, r->rec, r->nrec * sizeof *cells);
	unsigned end = r->rec[r->nrec - 1].span.end;
	for (size_t i = r->nrec; i < r->ncols; i++)
		cells[i] = (kh_cell){ "", r->rec[0].row, (unsigned)i + 1,
				      { r->src->id, end, end }, NULL };
	if (r->nrows == r->caprows) {
		r->caprows = r->caprows ? r->caprows * 2 : 64;
		r->rows = KH_GROW_N(r->rows, kh_cell *, r->caprows);
		r->bad = KH_GROW_N(r->bad, bool, r->caprows);
	}
	r->bad[r->nrows] = !ok;
	r->rows[r->nrows++] = cells;
}

/* libcsv: a record ended (at r->pos). Blank records are skipped: the
 * empty rows a spreadsheet leaves at the end (",,,"). */
static void on_record(int c, void *arg)
{
	(void)c;
	reader *r = arg;
	r->field_start = r->pos + 1;
	if (r->stop || r->nrec == 0)
		return;
	unsigned row = line_of(r, r->rec[0].span.start);
	for (size_t i = 0; i < r->nrec; i++)
		r->rec[i].row = row;
	if (!record_blank(r)) {
		if (!r->ncols)
			take_header(r);
		else
			take_row(r);
	}
	r->nrec = 0;
}

/* The separator: ',' or ';', whichever the header line has more of
 * outside quotes (a tie, none included, is ','). */
static char detect_separator(const char *t, size_t len)
{
	size_t commas = 0, semis = 0;
	bool quoted = false;
	for (size_t i = 0; i < len; i++) {
		if (t[i] == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (t[i] == '\n' || t[i] == '\r')
			break;
		else if (t[i] == ',')
			commas++;
		else if (t[i] == ';')
			semis++;
	}
	return semis > commas ? ';' : ',';
}

/* A strict-mode refusal at OFFSET: what is wrong there, as a clerk sees it. */
static void parse_error(reader *r, size_t offset)
{
	if (offset >= r->src->len) {
		r->pos = r->src->len;
		fail(r, field_span(r), RULE_FORMAT,
		     _("the quote that opens this field is never closed: the file ends inside it"));
	} else if (r->src->text[offset] == '"') {
		fail(r, span_of(r, offset, offset + 1), RULE_FORMAT,
		     _("a quote inside a field that does not start with one: put the whole field "
		       "in quotes and write this quote twice (\"\")"));
	} else {
		fail(r, span_of(r, offset, offset + 1), RULE_FORMAT,
		     _("text after the closing quote of a field: a quote inside a quoted field is "
		       "written twice (\"\")"));
	}
	r->stop = true;
}

/* Feeds T[A, B) to libcsv; false when it refused a byte. */
static bool feed(reader *r, size_t a, size_t b)
{
	r->pos = a;
	size_t done = csv_parse(r->p, r->src->text + a, b - a, on_field, on_record, r);
	if (done == b - a)
		return true;
	if (csv_error(r->p) == CSV_ENOMEM || csv_error(r->p) == CSV_ETOOBIG)
		kh_oom(csv_get_buffer_size(r->p) * 2);
	parse_error(r, a + done);
	return false;
}

static bool is_special(const reader *r, char ch)
{
	return ch == r->sep || ch == '"' || ch == '\r' || ch == '\n';
}

/* The whole text through libcsv, the limits checked as it goes. */
static void run(reader *r)
{
	const char *t = r->src->text;
	size_t len = r->src->len, i = 0;
	while (i < len && !r->stop) {
		size_t j = i;
		while (j < len && j - i < RUN_MAX && !is_special(r, t[j]))
			j++;
		if (j > i && !feed(r, i, j))
			return;
		if (r->p->entry_pos > KH_NOMINEES_MAX_FIELD) {
			r->pos = j;
			fail(r, field_span(r), RULE_LIMIT,
			     kh_printf(_("this field is longer than %u bytes, the limit"),
				       KH_NOMINEES_MAX_FIELD));
			r->stop = true;
			return;
		}
		if (j < len && is_special(r, t[j]) && !feed(r, j, j + 1))
			return;
		i = j < len && is_special(r, t[j]) ? j + 1 : j;
	}
	if (r->stop)
		return;
	r->pos = len;
	if (csv_fini(r->p, on_field, on_record, r) != 0 || csv_error(r->p) == CSV_EPARSE)
		parse_error(r, len);
}

static kh_nominees *build(reader *r, const char *path)
{
	kh_nominees *n = KH_NEW(kh_nominees);
	n->path = kh_strdup(path);
	n->source = r->src->id;
	n->sep = r->sep;
	n->ncols = r->ncols;
	n->header = r->header;
	n->keys = KH_NEW_N(const char *, r->ncols ? r->ncols : 1);
	for (size_t i = 0; i < r->ncols; i++)
		n->keys[i] = kh_text_fold(r->header[i].text);
	n->nrows = r->nrows;
	n->rows = r->rows;
	n->bad = r->bad;
	return n;
}

static kh_nominees *read_source(const kh_source *src, const char *path, kh_diags *d)
{
	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		kh_oom(sizeof p);
	reader r = { 0 };
	r.src = src;
	r.d = d;
	r.p = &p;
	r.sep = detect_separator(src->text, src->len);
	csv_set_delim(&p, (unsigned char)r.sep);
	run(&r);
	csv_free(&p);
	if (!r.ncols && !r.fatal) {
		kh_diag_add_path(d, KH_ERROR, path, RULE_FORMAT,
				 _("'%s' holds no record: its first line must name the columns"), path);
		r.fatal = true;
	}
	return r.fatal ? NULL : build(&r, path);
}

kh_nominees *kh_nominees_read(const char *path, const char *bytes, size_t len, kh_diags *d)
{
	const kh_source *src = kh_source_from_bytes_any_lines(path, bytes, len, d);
	return src ? read_source(src, path, d) : NULL;
}

kh_nominees *kh_nominees_load(const char *path, kh_diags *d, int *io_error)
{
	const kh_source *src = kh_source_load_table(path, d, io_error);
	return src ? read_source(src, path, d) : NULL;
}

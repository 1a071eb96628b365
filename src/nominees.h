/*
 * nominees.h - the nominee file of `kehoach awards --candidates`: a CSV
 * table as spreadsheets save it (UTF-8 with or without BOM, ',' or ';',
 * RFC 4180 quoting, CRLF or LF), read with libcsv into NFC, trimmed
 * cells that know where they are, and the typed readers of the award
 * attributes (number, date, yes/no, list, awards, yearly columns). Every
 * error is located at the cell: nominees.csv:LINE:COL with the caret.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_NOMINEES_H
#define KH_NOMINEES_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "diag.h"

/* Past these a located error, and the file is not read further. */
#define KH_NOMINEES_MAX_ROWS 100000u          /* data rows, the header not counted */
#define KH_NOMINEES_MAX_COLS 256u             /* fields of a record */
#define KH_NOMINEES_MAX_FIELD (64u * 1024u)   /* bytes of one field, unquoted */

typedef struct kh_cell {
	const char *text;  /* NFC, surrounding blanks trimmed, NUL-terminated; "" when blank */
	unsigned row;      /* 1-based line where the record starts (the header's is 1) */
	unsigned col;      /* 1-based field index */
	kh_span span;      /* the field in the registered source (a missing one: where its record ends) */
	const char *folded; /* kh_text_fold(text), once asked for (kh_cell_fold) */
} kh_cell;

typedef struct kh_nominees {
	const char *path;
	int source;          /* kh_source id of the text */
	char sep;            /* ',' or ';' */
	size_t ncols;
	kh_cell *header;     /* ncols cells */
	const char **keys;   /* ncols header names, NFC and case-folded */
	size_t nrows;
	kh_cell **rows;      /* nrows records of ncols cells each (missing fields blank) */
	bool *bad;           /* per record: longer or shorter than the header (reported) */
} kh_nominees;

/*
 * Reads BYTES as a nominee table and registers it as source PATH.
 * NULL when it is not one (encoding, quoting, a duplicate header name, a
 * limit, no record at all), with located errors in D. A record longer or
 * shorter than the header is reported and kept, marked in bad[].
 */
kh_nominees *kh_nominees_read(const char *path, const char *bytes, size_t len, kh_diags *d);
/* The same from the file PATH; *IO_ERROR set when it cannot be read. */
kh_nominees *kh_nominees_load(const char *path, kh_diags *d, int *io_error);

/* The column whose header is NAME (NFC, case and surrounding blanks set aside), or -1. */
int kh_nominees_column(const kh_nominees *n, const char *name);

/* A yearly column: header "PREFIX YYYY". */
typedef struct kh_year_col {
	int year;
	size_t col;          /* 0-based index into the records */
} kh_year_col;
/* Every column named PREFIX, blanks, then a 4-digit year, sorted by year
 * (*OUT, the count returned; 0 and NULL when none). */
size_t kh_nominees_yearly(const kh_nominees *n, const char *prefix, kh_year_col **out);

/* C's text case-folded as names are (kh_text_fold), computed once: a
 * screening compares the same cell many times. */
const char *kh_cell_fold(const kh_cell *c);

/* The spreadsheet's letters of a 1-based column: 1 "A", 27 "AA". */
const char *kh_column_letters(unsigned col);
/* MSG about cell C, with its column's letters: "… (column G)". */
const char *kh_cell_message(const kh_cell *c, const char *msg);

/* Each typed reader returns false on a bad cell, with an error in D
 * located at it that says how to write the value. */
/* Digits with one optional '.' and decimals ("12", "12.5"); blank is an error. */
bool kh_cell_number(const kh_cell *c, double *out, kh_diags *d);
/* D/M/YYYY, DD/MM/YYYY, D-M-YYYY or YYYY-MM-DD, a real day; blank is an error. */
bool kh_cell_date(const kh_cell *c, kh_day *out, kh_diags *d);
/* có, x, yes, 1 (true); không, no, 0, blank (false); any case. */
bool kh_cell_yesno(const kh_cell *c, bool *out, kh_diags *d);
/* The items between ';', trimmed, empty ones dropped (never fails). */
size_t kh_cell_list(const kh_cell *c, const char ***items);

/* One award received: "Bằng khen UBND tỉnh 2021" is text and 2021. */
typedef struct kh_award_item {
	const char *text;    /* the item as written, trimmed */
	int year;            /* its last 4-digit number, 1900..2199 */
} kh_award_item;
/* The items between ';' of C, each with its year (*ITEMS, *N; blank: none).
 * An item without a year is an error, located at the item. */
bool kh_cell_awards(const kh_cell *c, kh_award_item **items, size_t *n, kh_diags *d);

/* Reports each record whose cell in COL (0-based) repeats an earlier
 * one's (NFC, case-folded), with a note at the first, and each blank
 * key, and marks them in BAD (nrows; may be NULL). True when the column
 * is a key. */
bool kh_nominees_check_unique(const kh_nominees *n, size_t col, bool *bad, kh_diags *d);

#endif

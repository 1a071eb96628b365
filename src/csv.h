/*
 * csv.h - one CSV field as RFC 4180 writes it: quoted only when it holds
 * a comma, a quote or a line end (so Python's csv module writes the same
 * bytes back), quotes doubled, CRLF after the last field of a row.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_CSV_H
#define KH_CSV_H

#include <stdbool.h>

#include "alloc.h"

/* GUARD_FORMULAS: a cell a spreadsheet would take for a formula (= + - @,
 * TAB or CR first) gets a leading apostrophe (OWASP "CSV injection").
 * Every CSV kehoach writes is one people may open in a spreadsheet. */
void kh_csv_field(kh_buf *out, const char *s, bool last, bool guard_formulas);

#endif

/*
 * csv.c - RFC 4180 fields for the schedule and checklist CSV outputs.
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>

#include "csv.h"

void kh_csv_field(kh_buf *out, const char *s, bool last, bool guard_formulas)
{
	if (!s)
		s = "";
	/* OWASP's list: these first characters start a formula (TAB and CR
	 * too, which some spreadsheets skip before one). */
	if (guard_formulas && *s && strchr("=+-@\t\r", *s))
		s = kh_printf("'%s", s);
	if (strpbrk(s, ",\"\r\n")) {
		kh_buf_putc(out, '"');
		for (const char *p = s; *p; p++) {
			if (*p == '"')
				kh_buf_putc(out, '"');
			kh_buf_putc(out, *p);
		}
		kh_buf_putc(out, '"');
	} else {
		kh_buf_puts(out, s);
	}
	kh_buf_puts(out, last ? "\r\n" : ",");
}

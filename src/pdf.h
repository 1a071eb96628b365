/*
 * pdf.h - PDF through LibreOffice: the Word file converted headless.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_PDF_H
#define KH_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "alloc.h"

/* The converter: $KEHOACH_SOFFICE when set, else soffice or libreoffice
 * in PATH; NULL when there is none. */
const char *kh_pdf_converter(void);
/* Whether there is one; when not, says so on stderr and how to get it. */
bool kh_pdf_available(void);

/* DOCX (LEN bytes) as PDF into OUT: 0, or 2 with the reason on stderr
 * (LibreOffice missing, failing or taking more than five minutes). */
int kh_pdf_from_docx(const char *docx, size_t len, kh_buf *out);

#endif

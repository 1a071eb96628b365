/*
 * docx.h - what the Word writer's parts share: an XML writer (libxml2's
 * xmlTextWriter) that never writes a character XML forbids, the zip
 * container (libzip) with fixed times, and the parts that do not depend
 * on the text (styles, settings, page-number headers, relationships).
 * emit_docx.c writes the text (word/document.xml) and puts them together.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_DOCX_H
#define KH_DOCX_H

#include <stdbool.h>
#include <stddef.h>

#include "alloc.h"
#include "document.h"
#include "emit.h"

/* WordprocessingML's namespace and the relationships'. */
#define KH_W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define KH_R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* The relationship ids document.xml uses for the page-number headers. */
#define KH_DOCX_HEADER_RID "rIdHeaderNumbered"
#define KH_DOCX_FIRST_RID "rIdHeaderFirst"

/* Millimetres as twentieths of a point (twips), the unit of page sizes,
 * margins and indents. */
long kh_twips(long mm);

/* ---- XML ------------------------------------------------------------------ */

typedef struct kh_xw {
	void *buf, *w;            /* xmlBufferPtr, xmlTextWriterPtr */
	bool failed;              /* a call failed (out of memory): drop the part */
} kh_xw;

/* Starts a part: the XML declaration (UTF-8, standalone). */
void kh_xw_open(kh_xw *x);
/* Ends it; its bytes (GC memory) and their number, or NULL when a call failed. */
const char *kh_xw_close(kh_xw *x, size_t *len);
void kh_xw_start(kh_xw *x, const char *name);
void kh_xw_end(kh_xw *x);
void kh_xw_attr(kh_xw *x, const char *name, const char *value);
void kh_xw_attr_int(kh_xw *x, const char *name, long value);
/* <NAME ATTR="VALUE"/>; ATTR NULL: <NAME/>. */
void kh_xw_leaf(kh_xw *x, const char *name, const char *attr, const char *value);
/* Text, with what XML 1.0 does not allow (control characters, U+FFFE,
 * U+FFFF) as spaces or U+FFFD; LEN bytes of S. */
void kh_xw_text(kh_xw *x, const char *s, size_t len);

/* ---- The package ----------------------------------------------------------- */

typedef struct kh_docx_part {
	const char *name;         /* "word/document.xml" */
	const char *data;
	size_t len;
} kh_docx_part;

/* The parts zipped, in order, deflated, every entry dated OPTS's day and
 * time (UTC; undated or before 1980: the zip format's first day). 0, or
 * -1 with a message on stderr. */
int kh_docx_zip(const kh_docx_part *parts, size_t n, const kh_docx_opts *opts, kh_buf *out);

/* The fixed parts: [Content_Types].xml, _rels/.rels, word/_rels/
 * document.xml.rels, word/settings.xml, the two page headers (page 1 of a
 * section blank, the others numbered), docProps/core.xml (title, dates),
 * word/styles.xml (document.c's style table). Each returns the part's
 * bytes in *PART; false when writing failed. */
bool kh_docx_content_types(kh_docx_part *part);
bool kh_docx_package_rels(kh_docx_part *part);
bool kh_docx_document_rels(kh_docx_part *part);
bool kh_docx_settings(kh_docx_part *part);
bool kh_docx_headers(kh_docx_part *numbered, kh_docx_part *first);
bool kh_docx_core(const kh_pdoc *doc, const kh_docx_opts *opts, kh_docx_part *part);
bool kh_docx_styles(const kh_pdoc *doc, kh_docx_part *part);

/* The Word style id of S: "Heading1".."Heading4" for headings (Word's
 * navigation pane lists them), else "Kh" and the style's id in camel case
 * ("issuer-name" -> "KhIssuerName"). */
const char *kh_docx_style_id(kh_pdoc_style s);

#endif

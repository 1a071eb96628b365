/*
 * docx_xml.c - the Word writer's two tools: XML through libxml2's
 * xmlTextWriter (escaping done by the library; characters XML forbids
 * replaced first), and the zip container through libzip, every entry with
 * the same fixed time so the same document gives the same bytes.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xml_lazy.h" /* libxml2 and */
#include "zip_lazy.h" /* libzip, loaded when a Word file is written */

#include "date.h"
#include "docx.h"
#include "i18n.h"

long kh_twips(long mm)
{
	return (mm * 14400 + 127) / 254;
}

/* ---- XML ------------------------------------------------------------------ */

#define W(x) ((xmlTextWriterPtr)(x)->w)
#define CHECK(x, call) do { if ((x)->w && (call) < 0) (x)->failed = true; } while (0)

void kh_xw_open(kh_xw *x)
{
	memset(x, 0, sizeof *x);
	const char *why;
	if (!kh_xml_load(&why)) {
		static bool said; /* one line, not one per part */
		if (!said)
			fprintf(stderr, _("kehoach: error: cannot write the Word file (%s)\n"), why);
		said = true;
		x->failed = true;
		return;
	}
	xmlBufferPtr buf = xmlBufferCreate();
	x->buf = buf;
	x->w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
	if (!x->w) {
		x->failed = true;
		return;
	}
	CHECK(x, xmlTextWriterStartDocument(W(x), NULL, "UTF-8", "yes"));
}

const char *kh_xw_close(kh_xw *x, size_t *len)
{
	const char *data = NULL;
	*len = 0;
	if (x->w) {
		CHECK(x, xmlTextWriterEndDocument(W(x)));
		xmlFreeTextWriter(W(x)); /* flushes into the buffer */
	}
	if (x->buf && !x->failed) {
		xmlBufferPtr buf = x->buf;
		*len = (size_t)xmlBufferLength(buf);
		char *copy = kh_alloc_atomic(*len + 1);
		memcpy(copy, xmlBufferContent(buf), *len);
		data = copy;
	}
	if (x->buf)
		xmlBufferFree(x->buf);
	memset(x, 0, sizeof *x);
	return data;
}

void kh_xw_start(kh_xw *x, const char *name)
{
	CHECK(x, xmlTextWriterStartElement(W(x), BAD_CAST name));
}

void kh_xw_end(kh_xw *x)
{
	CHECK(x, xmlTextWriterEndElement(W(x)));
}

void kh_xw_attr(kh_xw *x, const char *name, const char *value)
{
	CHECK(x, xmlTextWriterWriteAttribute(W(x), BAD_CAST name, BAD_CAST value));
}

void kh_xw_attr_int(kh_xw *x, const char *name, long value)
{
	char num[24];
	snprintf(num, sizeof num, "%ld", value);
	kh_xw_attr(x, name, num);
}

void kh_xw_leaf(kh_xw *x, const char *name, const char *attr, const char *value)
{
	kh_xw_start(x, name);
	if (attr)
		kh_xw_attr(x, attr, value);
	kh_xw_end(x);
}

/* XML 1.0 allows tab, LF, CR and code points from U+0020 on, less the
 * surrogates (never in valid UTF-8) and U+FFFE, U+FFFF. */
void kh_xw_text(kh_xw *x, const char *s, size_t len)
{
	kh_buf b = { 0 };
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
			kh_buf_putc(&b, ' ');
		} else if (c == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBF &&
			   ((unsigned char)s[i + 2] == 0xBE || (unsigned char)s[i + 2] == 0xBF)) {
			kh_buf_puts(&b, "\xEF\xBF\xBD");
			i += 2;
		} else {
			kh_buf_putc(&b, (char)c);
		}
	}
	CHECK(x, xmlTextWriterWriteString(W(x), BAD_CAST kh_buf_cstr(&b)));
}

/* ---- Zip ------------------------------------------------------------------ */

/* OPTS's time in the zip format's DOS form (two-second steps, years
 * 1980-2107). Computed here, in UTC, not by libzip from local time, so
 * the bytes do not depend on the time zone. */
static void dos_time(const kh_docx_opts *opts, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
	int y, m, d;
	kh_date_split(opts && opts->dated ? opts->day : 0, &y, &m, &d);
	long s = opts && opts->dated ? opts->seconds : 0;
	if (y < 1980) {
		y = 1980, m = 1, d = 1, s = 0;
	} else if (y > 2107) {
		y = 2107, m = 12, d = 31, s = 86399;
	}
	*ddate = (zip_uint16_t)(((y - 1980) << 9) | (m << 5) | d);
	*dtime = (zip_uint16_t)(((s / 3600) << 11) | ((s / 60 % 60) << 5) | (s % 60 / 2));
}

/* WHAT: the step that failed, or the part being written ("word/document.xml"). */
static int zip_failed(const char *what, zip_error_t *err)
{
	fprintf(stderr, _("kehoach: error: cannot write the Word file (%s: %s)\n"), what,
		zip_error_strerror(err));
	return -1;
}

/* Adds one part; libzip owns a malloc'd copy of its bytes, so nothing it
 * keeps points into collected memory. */
static int add_part(zip_t *za, const kh_docx_part *p, zip_uint16_t dtime, zip_uint16_t ddate)
{
	void *copy = malloc(p->len ? p->len : 1);
	if (!copy)
		kh_oom(p->len);
	memcpy(copy, p->data, p->len);
	zip_source_t *s = zip_source_buffer(za, copy, p->len, 1);
	if (!s) {
		free(copy);
		return -1;
	}
	zip_int64_t idx = zip_file_add(za, p->name, s, ZIP_FL_ENC_UTF_8);
	if (idx < 0) {
		zip_source_free(s);
		return -1;
	}
	if (zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 9) < 0 ||
	    zip_file_set_dostime(za, (zip_uint64_t)idx, dtime, ddate, 0) < 0)
		return -1;
	return 0;
}

/* The finished archive, read back from libzip's memory source. */
static int read_back(zip_source_t *src, kh_buf *out)
{
	zip_stat_t st;
	if (zip_source_stat(src, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) || zip_source_open(src) < 0)
		return zip_failed(_("reading it back"), zip_source_error(src));
	char chunk[16384];
	zip_int64_t n;
	while ((n = zip_source_read(src, chunk, sizeof chunk)) > 0)
		kh_buf_put(out, chunk, (size_t)n);
	zip_source_close(src);
	return n < 0 ? zip_failed(_("reading it back"), zip_source_error(src)) : 0;
}

int kh_docx_zip(const kh_docx_part *parts, size_t n, const kh_docx_opts *opts, kh_buf *out)
{
	const char *why;
	if (!kh_zip_load(&why)) {
		fprintf(stderr, _("kehoach: error: cannot write the Word file (%s)\n"), why);
		return -1;
	}
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
	if (!src)
		return zip_failed(_("memory"), &err);
	zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
	if (!za) {
		zip_source_free(src);
		return zip_failed(_("opening"), &err);
	}
	zip_source_keep(src); /* survives zip_close, holding the archive */
	zip_uint16_t dtime, ddate;
	dos_time(opts, &dtime, &ddate);
	for (size_t i = 0; i < n; i++)
		if (add_part(za, &parts[i], dtime, ddate) < 0) {
			int rc = zip_failed(parts[i].name, zip_get_error(za));
			zip_discard(za);
			zip_source_free(src);
			return rc;
		}
	if (zip_close(za) < 0) {
		int rc = zip_failed(_("closing"), zip_get_error(za));
		zip_discard(za);
		zip_source_free(src);
		return rc;
	}
	int rc = read_back(src, out);
	zip_source_free(src);
	return rc;
}

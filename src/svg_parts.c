/*
 * svg_parts.c - the pieces the timeline chart (emit_svg.c) is drawn with:
 * numbers written by hand, text widths estimated from the characters,
 * labels squashed and shortened to their room, XML escaping, dates, and
 * the markers (diamond, circle, bar, arrow). See svg_parts.h.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "alloc.h"
#include "date.h"
#include "svg_parts.h"

/* V with at most one decimal and '.', never "nan", "inf" or "-0". */
const char *kh_svg_num(double v)
{
	if (!(v == v) || v > 1e9 || v < -1e9)
		v = 0;
	long t = (long)(v * 10.0 + (v < 0 ? -0.5 : 0.5));
	const char *sign = t < 0 ? "-" : "";
	if (t < 0)
		t = -t;
	if (t % 10)
		return kh_printf("%s%ld.%ld", sign, t / 10, t % 10);
	return kh_printf("%s%ld", t ? sign : "", t / 10);
}

/* One code point of S at *I (advanced); invalid UTF-8 (which the loader
 * never lets through) gives U+FFFD and consumes one byte. */
static uint32_t u8_next(const char *s, size_t *i)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + *i, -1, &c);
	if (n <= 0) {
		*i += 1;
		return 0xFFFD;
	}
	*i += (size_t)n;
	return (uint32_t)c;
}

static bool is_combining(uint32_t c)
{
	return (c >= 0x300 && c <= 0x36F) || (c >= 0x1DC0 && c <= 0x1DFF) ||
	       (c >= 0x20D0 && c <= 0x20FF);
}

/* Capital letters, Vietnamese ones included (Latin-1, Latin Extended-A
 * and -B pairs, Latin Extended Additional: capitals at even code points). */
static bool is_capital(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return true;
	if (c >= 0xC0 && c <= 0xDE)
		return c != 0xD7;
	if ((c >= 0x100 && c <= 0x17F) || (c >= 0x1EA0 && c <= 0x1EFF))
		return c % 2 == 0;
	return c == 0x1A0 || c == 0x1AF;
}

/* The width of code point C in ems: an estimate on the generous side of
 * DejaVu Sans, the widest of the fonts named. */
static double cp_em(uint32_t c)
{
	if (is_combining(c))
		return 0;
	if (c == ' ')
		return 0.32;
	if (c < 0x80 && strchr("il.,:;'|!()[]", (int)c))
		return 0.32;
	if (c == 'f' || c == 't' || c == 'r' || c == 'j' || c == 'I' || c == '-' || c == '/')
		return 0.42;
	if (c == 'm' || c == 'w' || c == 'M' || c == 'W')
		return 0.92;
	if (c >= '0' && c <= '9')
		return 0.64;
	if (c == 0x2026 || c == 0x2014)
		return 1.0;
	if (is_capital(c))
		return 0.72;
	return 0.62;
}

double kh_svg_text_w(const char *s, double fs)
{
	double w = 0;
	for (size_t i = 0; s && s[i];)
		w += cp_em(u8_next(s, &i));
	return w * fs;
}

/* S with runs of white space (and control characters) made one space,
 * and no space at either end. */
const char *kh_svg_squash(const char *s)
{
	kh_buf b = { 0 };
	bool space = false;
	for (const char *p = s ? s : ""; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c <= ' ' || c == 0x7F) {
			space = b.len > 0;
			continue;
		}
		if (space)
			kh_buf_putc(&b, ' ');
		space = false;
		kh_buf_putc(&b, (char)c);
	}
	return kh_buf_cstr(&b);
}

/* S shortened to at most MAXW wide at font size FS: cut at a word
 * boundary when one is near, trailing punctuation dropped, "…" added. */
const char *kh_svg_fit(const char *s, double fs, double maxw)
{
	if (!s)
		return "";
	if (kh_svg_text_w(s, fs) <= maxw)
		return s;
	double ell = kh_svg_text_w("\xe2\x80\xa6", fs);
	double w = 0;
	size_t i = 0, cut = 0, word = 0;
	while (s[i]) {
		size_t j = i;
		uint32_t c = u8_next(s, &j);
		double cw = cp_em(c) * fs;
		if (w + cw + ell > maxw && !is_combining(c))
			break;
		w += cw;
		if (c == ' ')
			word = i;
		i = j;
		cut = i;
	}
	/* Prefer the last word boundary when it keeps most of the room. */
	if (word && kh_svg_text_w(kh_strndup(s, word), fs) >= 0.6 * (maxw - ell))
		cut = word;
	while (cut > 0 && strchr(" ,;:-(&", s[cut - 1]))
		cut--;
	if (cut == 0)
		return "\xe2\x80\xa6";
	return kh_printf("%s\xe2\x80\xa6", kh_strndup(s, cut));
}

/* S escaped for XML text and attribute values: & < > " ' as entities,
 * characters XML 1.0 forbids and invalid UTF-8 as U+FFFD. */
void kh_svg_esc(kh_buf *b, const char *s)
{
	for (size_t i = 0; s && s[i];) {
		size_t start = i;
		uint32_t c = u8_next(s, &i);
		switch (c) {
		case '&': kh_buf_puts(b, "&amp;"); break;
		case '<': kh_buf_puts(b, "&lt;"); break;
		case '>': kh_buf_puts(b, "&gt;"); break;
		case '"': kh_buf_puts(b, "&quot;"); break;
		case '\'': kh_buf_puts(b, "&apos;"); break;
		case '\t':
		case '\n':
		case '\r': kh_buf_putc(b, ' '); break;
		default:
			if (c < 0x20 || c == 0xFFFE || c == 0xFFFF || c == 0xFFFD)
				kh_buf_puts(b, "\xef\xbf\xbd");
			else
				kh_buf_put(b, s + start, i - start);
		}
	}
}

/* "30/8" */
const char *kh_svg_day_month(kh_day d)
{
	int y, m, dd;
	kh_date_split(d, &y, &m, &dd);
	return kh_printf("%d/%d", dd, m);
}

const char *kh_svg_full_date(kh_day d)
{
	int y, m, dd;
	kh_date_split(d, &y, &m, &dd);
	return kh_printf("%d/%d/%d", dd, m, y);
}

/* ------------------------------------------------------------------ */
/* Markers                                                            */

void kh_svg_text(kh_buf *b, double x, double y, const char *anchor, const char *attrs,
		    const char *s)
{
	kh_buf_printf(b, "<text x=\"%s\" y=\"%s\"", kh_svg_num(x), kh_svg_num(y));
	if (anchor)
		kh_buf_printf(b, " text-anchor=\"%s\"", anchor);
	if (attrs && *attrs)
		kh_buf_printf(b, " %s", attrs);
	kh_buf_puts(b, ">");
	kh_svg_esc(b, s && *s ? s : "\xe2\x80\xa6");
	kh_buf_puts(b, "</text>\n");
}

void kh_svg_diamond(kh_buf *b, double x, double y, const char *color, bool hollow)
{
	kh_buf_printf(b,
		      "<polygon points=\"%s,%s %s,%s %s,%s %s,%s\" fill=\"%s\" stroke=\"%s\" "
		      "stroke-width=\"1.5\"%s/>\n",
		      kh_svg_num(x), kh_svg_num(y - KH_SVG_MARK), kh_svg_num(x + KH_SVG_MARK), kh_svg_num(y), kh_svg_num(x), kh_svg_num(y + KH_SVG_MARK),
		      kh_svg_num(x - KH_SVG_MARK), kh_svg_num(y), hollow ? "#ffffff" : color, color,
		      hollow ? " stroke-dasharray=\"2.5,1.5\"" : "");
}

void kh_svg_circle(kh_buf *b, double x, double y, const char *color, bool hollow)
{
	kh_buf_printf(b, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\" stroke=\"%s\" "
			 "stroke-width=\"1.5\"%s/>\n",
		      kh_svg_num(x), kh_svg_num(y), kh_svg_num(KH_SVG_MARK - 0.5), hollow ? "#ffffff" : color, color,
		      hollow ? " stroke-dasharray=\"2.5,1.5\"" : "");
}

void kh_svg_bar(kh_buf *b, const char *cls, double x0, double x1, double y, const char *color,
		bool hollow)
{
	if (x1 - x0 < 1)
		x1 = x0 + 1;
	kh_buf_printf(b, "<rect class=\"%s\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"8\" rx=\"2\" "
			 "fill=\"%s\" fill-opacity=\"%s\" stroke=\"%s\" stroke-width=\"1\"%s/>\n",
		      cls, kh_svg_num(x0), kh_svg_num(y - 4), kh_svg_num(x1 - x0), color, hollow ? "0.08" : "0.3", color,
		      hollow ? " stroke-dasharray=\"3,2\"" : "");
}

/* A line to the end of the axis with an arrowhead ("từ …", open-ended). */
void kh_svg_arrow(kh_buf *b, double x0, double x1, double y, const char *color)
{
	kh_buf_printf(b, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" "
			 "stroke-width=\"1.5\" stroke-dasharray=\"4,3\"/>\n",
		      kh_svg_num(x0), kh_svg_num(y), kh_svg_num(x1 - 6), kh_svg_num(y), color);
	kh_buf_printf(b, "<polygon points=\"%s,%s %s,%s %s,%s\" fill=\"%s\"/>\n", kh_svg_num(x1), kh_svg_num(y),
		      kh_svg_num(x1 - 7), kh_svg_num(y - 4), kh_svg_num(x1 - 7), kh_svg_num(y + 4), color);
}


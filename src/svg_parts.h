/*
 * svg_parts.h - the pieces the timeline chart (emit_svg.c) is drawn with.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_SVG_PARTS_H
#define KH_SVG_PARTS_H

#include <stdbool.h>

#include "alloc.h"
#include "date.h"

#define KH_SVG_MARK 6.0 /* half the marker size */

/* V with at most one decimal and '.', never "nan", "inf" or "-0". */
const char *kh_svg_num(double v);
/* The width of S at font size FS, estimated from its characters on the
 * generous side (no font metrics). */
double kh_svg_text_w(const char *s, double fs);
/* S with runs of white space (and control characters) made one space. */
const char *kh_svg_squash(const char *s);
/* S shortened to at most MAXW wide at font size FS, with "…". */
const char *kh_svg_fit(const char *s, double fs, double maxw);
/* S escaped for XML text and attribute values, into B. */
void kh_svg_esc(kh_buf *b, const char *s);
const char *kh_svg_day_month(kh_day d); /* "30/8" */
const char *kh_svg_full_date(kh_day d); /* "30/8/2019" */

/* A <text> at X, Y (ANCHOR and ATTRS may be NULL); "…" for an empty S. */
void kh_svg_text(kh_buf *b, double x, double y, const char *anchor, const char *attrs,
		 const char *s);
void kh_svg_diamond(kh_buf *b, double x, double y, const char *color, bool hollow);
void kh_svg_circle(kh_buf *b, double x, double y, const char *color, bool hollow);
void kh_svg_bar(kh_buf *b, const char *cls, double x0, double x1, double y, const char *color,
		bool hollow);
/* A line to the end of the axis with an arrowhead ("từ …", open-ended). */
void kh_svg_arrow(kh_buf *b, double x0, double x1, double y, const char *color);

#endif

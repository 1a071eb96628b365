/*
 * emit_outline.c - the attached report outline(s) (đề cương) as Markdown
 * or as a self-contained HTML page: the template's header lines, the
 * outline's name and title, the "(Kèm theo …)" line, then its parts and
 * headings numbered as Vietnamese documents number them (vn_numbering.h).
 * Part of kehoach; see README.md for the licence.
 */
#include <stdio.h>
#include <string.h>

#include "emit.h"
#include "vn_numbering.h"

/* A plan without an outline is not an error of the tool but a finding of
 * the command: one line on stderr and 1, so `kehoach outline` exits 1. */
static int no_outline(const kh_program *prog)
{
	const char *path = prog->path ? prog->path : "-";
	if (!prog->plan)
		fprintf(stderr, "%s: the file has no plan, so no outline\n", path);
	else
		fprintf(stderr, "%s: the plan has no attached outline (đề_cương)\n", path);
	return 1;
}

static bool party_doc(const kh_program *prog)
{
	return kh_vn_system(prog) == KH_SYSTEM_PARTY;
}

/* ---- Markdown ------------------------------------------------------------ */

/*
 * Text for Markdown: the characters that make emphasis, code, links or
 * HTML are escaped, and so is what would start a heading, a quote or a
 * list at the beginning of a line ("* Đánh giá chung", "1. …").
 */
static void md_text(kh_buf *out, const char *s)
{
	const char *p = s;
	if (*p == '#' || *p == '>' || *p == '+' || *p == '-' || *p == '=') {
		kh_buf_putc(out, '\\');
	} else {
		const char *d = p;
		while (*d >= '0' && *d <= '9')
			d++;
		if (d > p && (*d == '.' || *d == ')')) {
			kh_buf_put(out, p, (size_t)(d - p));
			kh_buf_putc(out, '\\');
			p = d;
		}
	}
	for (; *p; p++) {
		if (strchr("\\`*_[]<>|", *p))
			kh_buf_putc(out, '\\');
		if (*p == '\n') {
			kh_buf_putc(out, ' ');
			continue;
		}
		kh_buf_putc(out, *p);
	}
}


/* "#### 1. Heading": # is the outline's name, ## a Phần, then one more #
 * per depth ("I." is ### inside a Phần, ## without one), at most ######. */
static void md_heading(kh_buf *out, int level, const char *mark, const char *text)
{
	if (level > 6)
		level = 6;
	for (int i = 0; i < level; i++)
		kh_buf_putc(out, '#');
	kh_buf_putc(out, ' ');
	if (mark) {
		kh_buf_puts(out, mark);
		kh_buf_putc(out, ' ');
	}
	md_text(out, text ? text : "");
	kh_buf_puts(out, "\n\n");
}

/* BASE: the Markdown level of the headings at depth 0 (the Phần's or the
 * outline's). */
static void md_items(kh_buf *out, const kh_vec *items, int depth, int base, bool party)
{
	int count = 0, parts = 0;
	for (size_t i = 0; i < items->n; i++) {
		const kh_item *it = KH_VEC_AT(*items, kh_item, i);
		switch (it->kind) {
		case KH_ITEM_PART:
			kh_buf_printf(out, "## %s\n\n", kh_vn_part_label(++parts, party));
			if (it->text) {
				kh_buf_puts(out, "**");
				md_text(out, it->text);
				kh_buf_puts(out, "**\n\n");
			}
			md_items(out, &it->items, 0, 2, party);
			break;
		case KH_ITEM_SECTION:
			md_heading(out, base + depth + 1, kh_vn_marker(depth + 1, ++count), it->text);
			md_items(out, &it->items, depth + 1, base, party);
			break;
		case KH_ITEM_BULLET:
			kh_buf_puts(out, "- ");
			md_text(out, it->text ? it->text : "");
			kh_buf_puts(out, "\n\n");
			break;
		case KH_ITEM_SUBBULLET:
			kh_buf_puts(out, "  + ");
			md_text(out, it->text ? it->text : "");
			kh_buf_puts(out, "\n\n");
			break;
		default:
			if (it->text) {
				md_text(out, it->text);
				kh_buf_puts(out, "\n\n");
			}
		}
	}
}

static void md_outline(kh_buf *out, const kh_program *prog, const kh_outline *o)
{
	/* The template's header lines, one per line (a backslash ends a line
	 * without ending the paragraph). */
	for (size_t i = 0; i < o->lines.n; i++) {
		md_text(out, KH_VEC_AT(o->lines, const char, i));
		kh_buf_puts(out, i + 1 < o->lines.n ? "\\\n" : "\n\n");
	}
	kh_buf_puts(out, "# ");
	md_text(out, kh_vn_upper(o->name ? o->name : "Đề cương"));
	kh_buf_puts(out, "\n\n");
	if (o->title) {
		kh_buf_puts(out, "**");
		md_text(out, o->title);
		kh_buf_puts(out, "**\n\n");
	}
	kh_buf_puts(out, "*");
	md_text(out, kh_vn_attached_line(prog, o));
	kh_buf_puts(out, "*\n\n");
	md_items(out, &o->items, 0, 1, party_doc(prog));
}

int kh_emit_outline_md(const kh_program *prog, kh_buf *out)
{
	if (!prog->plan || !prog->plan->outlines.n)
		return no_outline(prog);
	const kh_vec *v = &prog->plan->outlines;
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			kh_buf_puts(out, "---\n\n");
		md_outline(out, prog, KH_VEC_AT(*v, kh_outline, i));
	}
	return 0;
}

/* ---- HTML ------------------------------------------------------------------ */

static void h_para(kh_buf *out, const char *cls, const char *mark, const char *text)
{
	kh_buf_puts(out, cls ? kh_printf("<p class=\"%s\">", cls) : "<p>");
	if (mark) {
		kh_html_escape(out, mark);
		kh_buf_putc(out, ' ');
	}
	kh_html_escape(out, text ? text : "");
	kh_buf_puts(out, "</p>\n");
}

static void h_items(kh_buf *out, const kh_vec *items, int depth, bool party)
{
	int count = 0, parts = 0;
	for (size_t i = 0; i < items->n; i++) {
		const kh_item *it = KH_VEC_AT(*items, kh_item, i);
		switch (it->kind) {
		case KH_ITEM_PART:
			h_para(out, "part", NULL, kh_vn_part_label(++parts, party));
			if (it->text)
				h_para(out, "part-heading", NULL, it->text);
			h_items(out, &it->items, 0, party);
			break;
		case KH_ITEM_SECTION: {
			int d = depth + 1;
			int h = d > 3 ? 5 : d + 1;
			kh_buf_printf(out, "<h%d>", h);
			kh_html_escape(out, kh_vn_marker(d, ++count));
			kh_buf_putc(out, ' ');
			kh_html_escape(out, it->text ? it->text : "");
			kh_buf_printf(out, "</h%d>\n", h);
			h_items(out, &it->items, d, party);
			break;
		}
		case KH_ITEM_BULLET:
			h_para(out, NULL, "-", it->text);
			break;
		case KH_ITEM_SUBBULLET:
			h_para(out, NULL, "+", it->text);
			break;
		default:
			if (it->text)
				h_para(out, NULL, NULL, it->text);
		}
	}
}

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/*
 * The template's own header lines ("CƠ QUAN, ĐƠN VỊ…", the motto, "Số:
 * /BC-…", "Địa danh, ngày …") laid out as a document header when they
 * hold a motto: the motto, the line under it and the date line on the
 * right, the rest on the left. Otherwise centred lines.
 */
static void h_lines(kh_buf *out, const kh_outline *o)
{
	size_t n = o->lines.n, motto = n;
	for (size_t i = 0; i < n; i++) {
		const char *u = kh_vn_upper(KH_VEC_AT(o->lines, const char, i));
		if (starts_with(u, "CỘNG HÒA") || starts_with(u, "CỘNG HOÀ") ||
		    starts_with(u, "ĐẢNG CỘNG SẢN")) {
			motto = i;
			break;
		}
	}
	if (motto == n) {
		kh_buf_puts(out, "<div class=\"att-lines\">\n");
		for (size_t i = 0; i < n; i++)
			h_para(out, "centre", NULL, KH_VEC_AT(o->lines, const char, i));
		kh_buf_puts(out, "</div>\n");
		return;
	}
	kh_buf left = { 0 }, right = { 0 }, left2 = { 0 }, right2 = { 0 };
	for (size_t i = 0; i < n; i++) {
		const char *s = KH_VEC_AT(o->lines, const char, i);
		if (i == motto) {
			kh_buf_puts(&right, starts_with(kh_vn_upper(s), "ĐẢNG") ? "<div class=\"party\">"
										 : "<div class=\"motto-1\">");
			kh_html_escape(&right, s);
			kh_buf_puts(&right, "</div>");
		} else if (i == motto + 1 && starts_with(s, "Độc lập")) {
			kh_buf_puts(&right, "<div class=\"motto-2\">");
			kh_html_escape(&right, s);
			kh_buf_puts(&right, "</div>");
		} else if (strstr(s, "ngày")) {
			kh_html_escape(&right2, s);
		} else if (starts_with(s, "Số")) {
			kh_html_escape(&left2, s);
		} else {
			kh_buf_puts(&left, "<div class=\"issuer-name\">");
			kh_html_escape(&left, s);
			kh_buf_puts(&left, "</div>");
		}
	}
	kh_buf_puts(out, "<table class=\"head\">\n<tbody>\n<tr><td class=\"issuer\">");
	kh_buf_puts(out, kh_buf_cstr(&left));
	kh_buf_puts(out, "<div class=\"rule\"></div></td><td class=\"nation\">");
	kh_buf_puts(out, kh_buf_cstr(&right));
	kh_buf_puts(out, "</td></tr>\n<tr><td class=\"number\">");
	kh_buf_puts(out, kh_buf_cstr(&left2));
	kh_buf_puts(out, "</td><td class=\"place-date\">");
	kh_buf_puts(out, kh_buf_cstr(&right2));
	kh_buf_puts(out, "</td></tr>\n</tbody>\n</table>\n");
}

void kh_html_outline(kh_buf *out, const kh_program *prog, const kh_outline *o, bool new_page)
{
	kh_buf_puts(out, new_page ? "<section class=\"attachment page\">\n"
				  : "<section class=\"attachment first page\">\n");
	if (o->lines.n)
		h_lines(out, o);
	h_para(out, "att-name", NULL, kh_vn_upper(o->name ? o->name : "Đề cương"));
	if (o->title)
		h_para(out, "att-title", NULL, o->title);
	h_para(out, "att-line", NULL, kh_vn_attached_line(prog, o));
	kh_buf_puts(out, "<div class=\"att-rule\"></div>\n");
	h_items(out, &o->items, 0, party_doc(prog));
	kh_buf_puts(out, "</section>\n");
}

int kh_emit_outline_html(const kh_program *prog, kh_buf *out)
{
	if (!prog->plan || !prog->plan->outlines.n)
		return no_outline(prog);
	const kh_plan *p = prog->plan;
	const kh_outline *first = KH_VEC_AT(p->outlines, kh_outline, 0);
	const char *name = first->name ? first->name : "Đề cương";
	kh_html_begin(out, first->title ? kh_printf("%s %s", name, first->title) : name);
	for (size_t i = 0; i < p->outlines.n; i++)
		kh_html_outline(out, prog, KH_VEC_AT(p->outlines, kh_outline, i), i > 0);
	kh_html_end(out);
	return 0;
}

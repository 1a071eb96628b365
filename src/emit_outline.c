/*
 * emit_outline.c - the attached report outline(s) (đề cương) as Markdown:
 * the template's header lines, the outline's name and title, the "(Kèm
 * theo …)" line, then its parts and headings numbered as Vietnamese
 * documents number them (vn_numbering.h). The HTML and Word outlines are
 * the printed document's (document_outline.c).
 * Part of kehoach; see README.md for the licence.
 */
#include <stdio.h>
#include <string.h>

#include "emit.h"
#include "i18n.h"
#include "vn_numbering.h"

/* A plan without an outline is not an error of the tool but a finding of
 * the command: one line on stderr and 1, so `kehoach outline` exits 1. */
int kh_emit_no_outline(const kh_program *prog)
{
	const char *path = prog->path ? prog->path : "-";
	if (!prog->plan)
		fprintf(stderr, _("%s: the file has no plan, so no outline\n"), path);
	else
		fprintf(stderr, _("%s: the plan has no attached outline (đề_cương)\n"), path);
	return 1;
}

int kh_emit_no_plan(const kh_program *prog)
{
	fprintf(stderr, _("%s: the file has no plan to render\n"), prog->path ? prog->path : "-");
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
		return kh_emit_no_outline(prog);
	const kh_vec *v = &prog->plan->outlines;
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			kh_buf_puts(out, "---\n\n");
		md_outline(out, prog, KH_VEC_AT(*v, kh_outline, i));
	}
	return 0;
}

/*
 * emit_html.c - the printed document (document.h) as one self-contained
 * HTML5 page styled for A4: `kehoach render --html` and `kehoach outline
 * --html`. Also the one HTML escaper every HTML output uses.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdio.h>

#include "document.h"
#include "emit.h"

void kh_html_escape(kh_buf *out, const char *s)
{
	if (!s)
		return;
	const char *run = s;
	for (; *s; s++) {
		const char *rep;
		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		case '\r': rep = ""; break;
		default:
			/* Other control characters are not allowed in HTML text. */
			if ((unsigned char)*s >= 0x20 || *s == '\n' || *s == '\t')
				continue;
			rep = " ";
		}
		kh_buf_put(out, run, (size_t)(s - run));
		kh_buf_puts(out, rep);
		run = s + 1;
	}
	kh_buf_puts(out, run);
}

/*
 * A4 with the margins both families accept (top 20, right 15, bottom 20,
 * left 30 mm: HD 36's fixed values, inside NĐ 30's ranges); Times New
 * Roman (Liberation Serif has the same metrics); body 14pt, justified,
 * first-line indent 1 cm, 6pt between paragraphs, line spacing 1.3.
 * Type sizes follow DOMAIN.md §1.1/§1.2 (document.c's style table holds
 * the same). Page numbers go centred in the top margin from page 2
 * (browsers without margin boxes leave them out).
 */
static const char stylesheet[] =
	"@page { size: A4; margin: 20mm 15mm 20mm 30mm;\n"
	"  @top-center { content: counter(page); font: 13pt \"Times New Roman\", \"Liberation Serif\", serif; } }\n"
	"@page :first { @top-center { content: none; } }\n"
	"html { font-family: \"Times New Roman\", Times, \"Liberation Serif\", Tinos, serif;"
	" font-size: 14pt; line-height: 1.3; color: #000; background: #fff; }\n"
	"body { margin: 0; }\n"
	"@media screen { body { background: #ddd; }\n"
	"  .page { width: 165mm; margin: 8mm auto; padding: 20mm 15mm 20mm 30mm; background: #fff; } }\n"
	"p { margin: 0 0 6pt; text-align: justify; text-indent: 1cm; }\n"
	"h1, h2, h3, h4, h5, h6 { font-size: 14pt; margin: 0 0 6pt; text-align: left;"
	" text-indent: 1cm; break-after: avoid; }\n"
	"h2, h3 { font-weight: bold; }\n"
	"h4 { font-weight: bold; font-style: italic; }\n"
	"h5, h6 { font-weight: normal; }\n"
	"table.head, table.foot { width: 100%; border-collapse: collapse; table-layout: fixed; }\n"
	"table.head td, table.foot td { padding: 0; vertical-align: top; }\n"
	"table.head td { text-align: center; }\n"
	"td.issuer { width: 40%; } td.nation { width: 60%; }\n"
	".superior { font-size: 13pt; }\n"
	".issuer-name { font-size: 13pt; font-weight: bold; }\n"
	".rule { width: 35%; margin: 2pt auto 0; border-top: 1px solid #000; }\n"
	".star { font-size: 13pt; line-height: 1.1; }\n"
	".motto-1 { font-size: 12.5pt; font-weight: bold; white-space: nowrap; }\n"
	".motto-2, .party { font-weight: bold; display: inline-block;"
	" border-bottom: 1px solid #000; padding-bottom: 1pt; }\n"
	".motto-2 { font-size: 13.5pt; }\n"
	".party { font-size: 15pt; }\n"
	"table.head td.number { font-size: 13pt; padding-top: 8pt; }\n"
	"table.head td.place-date { font-size: 13.5pt; font-style: italic; padding-top: 8pt; }\n"
	"table.head div.subject { font-size: 12pt; padding-top: 2pt; }\n"
	"p.addressee { text-align: center; margin: 6pt 0; }\n"
	".kind { text-align: center; text-indent: 0; font-weight: bold; margin: 20pt 0 0; }\n"
	".party-doc .kind { font-size: 15pt; }\n"
	".title { text-align: center; text-indent: 0; font-weight: bold; margin: 0 4%; text-wrap: balance; }\n"
	".title-rule { width: 30%; margin: 4pt auto 14pt; border-top: 1px solid #000; }\n"
	".title-dash { text-align: center; text-indent: 0; margin: 0 0 14pt; }\n"
	".part { text-align: center; text-indent: 0; font-weight: bold; margin: 12pt 0 0; }\n"
	".part-heading { text-align: center; text-indent: 0; font-weight: bold; margin: 0 0 8pt; }\n"
	"table.foot { margin-top: 12pt; break-inside: avoid; }\n"
	"td.recipients { width: 50%; text-align: left; }\n"
	"td.sign { width: 50%; text-align: center; }\n"
	".recipients p { text-indent: 0; text-align: left; margin: 0; font-size: 11pt; line-height: 1.2; }\n"
	".recipients p.label { font-size: 12pt; font-weight: bold; font-style: italic; }\n"
	".sign p { text-indent: 0; text-align: center; margin: 0; font-weight: bold; }\n"
	".sign p.signed { font-weight: normal; font-style: italic; margin: 10pt 0; }\n"
	".sign .space { height: 24mm; }\n"
	"section.attachment { break-before: page; }\n"
	"section.attachment.first { break-before: auto; }\n"

	".att-lines { margin-bottom: 12pt; }\n"
	".att-name { text-align: center; text-indent: 0; font-weight: bold; margin: 12pt 0 0; }\n"
	".att-title { text-align: center; text-indent: 0; font-weight: bold; margin: 0 4%; text-wrap: balance; }\n"
	".att-line { text-align: center; text-indent: 0; font-style: italic; margin: 0; }\n"
	".att-rule { width: 30%; margin: 4pt auto 14pt; border-top: 1px solid #000; }\n"
	".condition { font-size: 12pt; font-style: italic; }\n"
	".centre { text-align: center; text-indent: 0; font-weight: bold; margin: 0; }\n";

/* The opening of a self-contained A4 document (doctype, lang="vi", UTF-8
 * meta, title, the inline stylesheet, <body>), and its end. */
static void html_begin(kh_buf *out, const char *title)
{
	kh_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
			 "<meta name=\"generator\" content=\"kehoach\">\n<title>");
	kh_html_escape(out, title);
	kh_buf_puts(out, "</title>\n<style>\n");
	kh_buf_puts(out, stylesheet);
	kh_buf_puts(out, "</style>\n</head>\n<body>\n");
}

static void html_end(kh_buf *out)
{
	kh_buf_puts(out, "</body>\n</html>\n");
}

/* ---- Paragraphs ----------------------------------------------------------- */

/* The class a paragraph of style S carries: the style's id, except for the
 * plain paragraphs the stylesheet styles by where they stand (NULL). */
static const char *html_class(kh_pdoc_style s)
{
	switch (s) {
	case KH_PS_BODY:
	case KH_PS_RECIPIENT:
	case KH_PS_SIGN_AUTHORITY:
	case KH_PS_SIGN_POSITION:
	case KH_PS_SIGN_NAME:
		return NULL;
	case KH_PS_KIND_PARTY:
		return "kind"; /* sized by .party-doc */
	default:
		return kh_pdoc_style_of(s)->id;
	}
}

/* The mark, then the runs; italic runs in <i>. */
static void inline_text(kh_buf *out, const kh_pdoc_para *p)
{
	if (p->mark) {
		kh_html_escape(out, p->mark);
		kh_buf_putc(out, ' ');
	}
	for (size_t i = 0; i < p->runs.n; i++) {
		const kh_pdoc_run *r = KH_VEC_AT(p->runs, kh_pdoc_run, i);
		if (r->flags & KH_RUN_ITALIC)
			kh_buf_puts(out, "<i>");
		kh_html_escape(out, r->text);
		if (r->flags & KH_RUN_ITALIC)
			kh_buf_puts(out, "</i>");
	}
}

/* A paragraph of the text flow: <hN> for a heading ("I." h2, "1." h3,
 * "a)" h4, deeper h5), an empty <div> for a rule or a space, else <p>. */
static void para(kh_buf *out, const kh_pdoc_para *p)
{
	const kh_pdoc_style_info *si = kh_pdoc_style_of(p->style);
	if (si->outline) {
		int h = p->level < 1 ? 2 : p->level > 3 ? 5 : p->level + 1;
		kh_buf_printf(out, "<h%d>", h);
		inline_text(out, p);
		kh_buf_printf(out, "</h%d>\n", h);
		return;
	}
	const char *cls = html_class(p->style);
	if (si->shape != KH_SHAPE_TEXT) {
		kh_buf_printf(out, "<div class=\"%s\"></div>\n", cls);
		return;
	}
	kh_buf_puts(out, cls ? kh_printf("<p class=\"%s\">", cls) : "<p>");
	inline_text(out, p);
	kh_buf_puts(out, "</p>\n");
}

/* ---- Grids ----------------------------------------------------------------- */

static const char *cell_class(kh_pdoc_cell_kind k)
{
	static const char *const names[] = {
		[KH_CELL_ISSUER] = "issuer", [KH_CELL_NATION] = "nation",
		[KH_CELL_NUMBER] = "number", [KH_CELL_PLACE_DATE] = "place-date",
		[KH_CELL_RECIPIENTS] = "recipients", [KH_CELL_SIGN] = "sign",
	};
	return names[k];
}

/* A header cell's lines: the number and the date as the cell's own text
 * (td.number, td.place-date style them), every other line a <div> of its
 * style ("V/v …" under the number too). */
static void head_cell(kh_buf *out, const kh_pdoc_cell *c)
{
	for (size_t i = 0; i < c->paras.n; i++) {
		const kh_pdoc_para *p = KH_VEC_AT(c->paras, kh_pdoc_para, i);
		if (p->style == KH_PS_NUMBER || p->style == KH_PS_PLACE_DATE) {
			inline_text(out, p);
			continue;
		}
		kh_buf_printf(out, "<div class=\"%s\">", html_class(p->style));
		inline_text(out, p);
		kh_buf_puts(out, "</div>");
	}
}

static void grid(kh_buf *out, const kh_pdoc_grid *g)
{
	bool head = g->kind == KH_GRID_HEAD;
	kh_buf_printf(out, "<table class=\"%s\">\n<tbody>\n", head ? "head" : "foot");
	for (size_t i = 0; i < g->rows.n; i++) {
		const kh_pdoc_row *r = KH_VEC_AT(g->rows, kh_pdoc_row, i);
		kh_buf_puts(out, "<tr>");
		for (int k = 0; k < 2; k++) {
			const kh_pdoc_cell *c = &r->cell[k];
			kh_buf_printf(out, "<td class=\"%s\">", cell_class(c->kind));
			if (head) {
				head_cell(out, c);
			} else {
				kh_buf_putc(out, '\n');
				for (size_t j = 0; j < c->paras.n; j++)
					para(out, KH_VEC_AT(c->paras, kh_pdoc_para, j));
			}
			kh_buf_puts(out, "</td>");
		}
		kh_buf_puts(out, "</tr>\n");
	}
	kh_buf_puts(out, "</tbody>\n</table>\n");
}

/* ---- The document ------------------------------------------------------------ */

static void section_open(kh_buf *out, const kh_pdoc *doc, const kh_pdoc_section *s)
{
	if (s->kind == KH_SECTION_MAIN)
		kh_buf_printf(out, "<article class=\"page %s\">\n", doc->party ? "party-doc" : "state-doc");
	else
		kh_buf_puts(out, s->new_page ? "<section class=\"attachment page\">\n"
					     : "<section class=\"attachment first page\">\n");
}

static void section_close(kh_buf *out, const kh_pdoc_section *s)
{
	kh_buf_puts(out, s->kind == KH_SECTION_MAIN ? "</article>\n" : "</section>\n");
}

static void block(kh_buf *out, const kh_pdoc_block *b)
{
	switch (b->kind) {
	case KH_BLOCK_PARA:
		para(out, b->para);
		break;
	case KH_BLOCK_GRID:
		grid(out, b->grid);
		break;
	case KH_BLOCK_LINES:
		kh_buf_puts(out, "<div class=\"att-lines\">\n");
		for (size_t j = 0; j < b->lines.n; j++)
			para(out, KH_VEC_AT(b->lines, kh_pdoc_para, j));
		kh_buf_puts(out, "</div>\n");
		break;
	}
}

/* The page written in the order a document is made (kh_pdoc_sink), the
 * one writer both a whole document and a streamed one go through. */
typedef struct html_stream {
	kh_buf *out;
	const kh_pdoc_section *open; /* the section written into */
} html_stream;

static void stream_section(void *ctx, const kh_pdoc *doc, const kh_pdoc_section *s)
{
	html_stream *h = ctx;
	if (h->open)
		section_close(h->out, h->open);
	else
		html_begin(h->out, doc->title);
	section_open(h->out, doc, s);
	h->open = s;
}

static void stream_block(void *ctx, const kh_pdoc *doc, const kh_pdoc_block *b)
{
	(void)doc;
	block(((html_stream *)ctx)->out, b);
}

static void stream_end(html_stream *h, const kh_pdoc *doc)
{
	if (h->open)
		section_close(h->out, h->open);
	else
		html_begin(h->out, doc->title);
	html_end(h->out);
}

void kh_html_document(kh_buf *out, const kh_pdoc *doc)
{
	html_stream h = { .out = out };
	for (size_t i = 0; i < doc->sections.n; i++) {
		const kh_pdoc_section *s = KH_VEC_AT(doc->sections, kh_pdoc_section, i);
		stream_section(&h, doc, s);
		for (size_t j = 0; j < s->blocks.n; j++)
			stream_block(&h, doc, KH_VEC_AT(s->blocks, kh_pdoc_block, j));
	}
	stream_end(&h, doc);
}

int kh_emit_render_html(const kh_program *prog, kh_buf *out)
{
	html_stream h = { .out = out };
	kh_pdoc_sink sink = { .ctx = &h, .section = stream_section, .block = stream_block };
	const kh_pdoc *doc = kh_pdoc_plan_to(prog, kh_pdoc_compose_hooks(), &sink);
	if (!doc)
		return kh_emit_no_plan(prog);
	stream_end(&h, doc);
	return 0;
}

int kh_emit_outline_html(const kh_program *prog, kh_buf *out)
{
	kh_pdoc *doc = kh_pdoc_outlines(prog, false);
	if (!doc)
		return kh_emit_no_outline(prog);
	kh_html_document(out, doc);
	return 0;
}

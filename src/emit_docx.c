/*
 * emit_docx.c - the printed document (document.h) as a Word file (Office
 * Open XML, ECMA-376): `kehoach render --docx` and `kehoach outline
 * --docx`. word/document.xml holds the text: each paragraph in its
 * document style (docx_parts.c writes the styles), the header block and
 * the recipients-and-signature block as borderless two-column tables, and
 * one Word section per section of the document (the main text, then each
 * attachment on a new page, numbered on its own from its page 2).
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>

#include "docx.h"

typedef struct writer {
	kh_xw x;
	const kh_pdoc *doc;
	long text_width;          /* twips between the margins */
} writer;

/* ---- Runs ------------------------------------------------------------------- */

/* TEXT in runs of FLAGS: line breaks and tabs as Word's own elements. */
static void run(writer *w, const char *text, unsigned flags)
{
	kh_xw *x = &w->x;
	kh_xw_start(x, "w:r");
	if (flags) {
		kh_xw_start(x, "w:rPr");
		if (flags & KH_RUN_BOLD)
			kh_xw_leaf(x, "w:b", NULL, NULL);
		if (flags & KH_RUN_ITALIC)
			kh_xw_leaf(x, "w:i", NULL, NULL);
		kh_xw_end(x);
	}
	const char *s = text;
	for (;;) {
		size_t n = strcspn(s, "\n\t\r");
		if (n) {
			kh_xw_start(x, "w:t");
			kh_xw_attr(x, "xml:space", "preserve");
			kh_xw_text(x, s, n);
			kh_xw_end(x);
		}
		if (!s[n])
			break;
		if (s[n] == '\n')
			kh_xw_leaf(x, "w:br", NULL, NULL);
		else if (s[n] == '\t')
			kh_xw_leaf(x, "w:tab", NULL, NULL);
		s += n + 1;
	}
	kh_xw_end(x);
}

/* One paragraph in a column WIDTH twips wide (an inset is a share of
 * it); BEFORE: points of space above it instead of its style's, or 0. */
static void para(writer *w, const kh_pdoc_para *p, long width, int before)
{
	kh_xw *x = &w->x;
	const kh_pdoc_style_info *si = kh_pdoc_style_of(p->style);
	kh_xw_start(x, "w:p");
	kh_xw_start(x, "w:pPr");
	kh_xw_leaf(x, "w:pStyle", "w:val", kh_docx_style_id(p->style));
	if (before > si->before_pt)
		kh_xw_leaf(x, "w:spacing", "w:before", kh_printf("%d", before * 20));
	if (si->inset_pct) {
		long inset = width * si->inset_pct / 100;
		kh_xw_start(x, "w:ind");
		kh_xw_attr_int(x, "w:left", inset);
		kh_xw_attr_int(x, "w:right", inset);
		kh_xw_end(x);
	}
	kh_xw_end(x);
	if (p->mark)
		run(w, kh_printf("%s ", p->mark), 0);
	for (size_t i = 0; i < p->runs.n; i++) {
		const kh_pdoc_run *r = KH_VEC_AT(p->runs, kh_pdoc_run, i);
		run(w, r->text, r->flags);
	}
	kh_xw_end(x);
}

/* ---- Tables ------------------------------------------------------------------ */

static void no_borders(kh_xw *x)
{
	static const char *const sides[] = { "w:top", "w:left", "w:bottom", "w:right", "w:insideH",
					     "w:insideV" };
	kh_xw_start(x, "w:tblBorders");
	for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++)
		kh_xw_leaf(x, sides[i], "w:val", "nil");
	kh_xw_end(x);
}

static void table_props(writer *w, const long widths[2])
{
	kh_xw *x = &w->x;
	kh_xw_start(x, "w:tblPr");
	kh_xw_start(x, "w:tblW");
	kh_xw_attr_int(x, "w:w", widths[0] + widths[1]);
	kh_xw_attr(x, "w:type", "dxa");
	kh_xw_end(x);
	no_borders(x);
	kh_xw_leaf(x, "w:tblLayout", "w:type", "fixed");
	kh_xw_start(x, "w:tblCellMar");
	static const char *const sides[] = { "w:left", "w:right" };
	for (int i = 0; i < 2; i++) {
		kh_xw_start(x, sides[i]);
		kh_xw_attr(x, "w:w", "0");
		kh_xw_attr(x, "w:type", "dxa");
		kh_xw_end(x);
	}
	kh_xw_end(x);
	kh_xw_start(x, "w:tblLook");
	kh_xw_attr(x, "w:val", "0000");
	kh_xw_attr(x, "w:firstRow", "0");
	kh_xw_attr(x, "w:lastRow", "0");
	kh_xw_attr(x, "w:firstColumn", "0");
	kh_xw_attr(x, "w:lastColumn", "0");
	kh_xw_attr(x, "w:noHBand", "1");
	kh_xw_attr(x, "w:noVBand", "1");
	kh_xw_end(x);
	kh_xw_end(x);
	kh_xw_start(x, "w:tblGrid");
	for (int i = 0; i < 2; i++)
		kh_xw_leaf(x, "w:gridCol", "w:w", kh_printf("%ld", widths[i]));
	kh_xw_end(x);
}

/* A cell holds at least one paragraph (Word's rule); BEFORE: the space
 * above its first. */
static void cell(writer *w, const kh_pdoc_cell *c, long width, int before)
{
	kh_xw *x = &w->x;
	kh_xw_start(x, "w:tc");
	kh_xw_start(x, "w:tcPr");
	kh_xw_start(x, "w:tcW");
	kh_xw_attr_int(x, "w:w", width);
	kh_xw_attr(x, "w:type", "dxa");
	kh_xw_end(x);
	kh_xw_end(x);
	for (size_t i = 0; i < c->paras.n; i++)
		para(w, KH_VEC_AT(c->paras, kh_pdoc_para, i), width, i ? 0 : before);
	if (!c->paras.n)
		kh_xw_leaf(x, "w:p", NULL, NULL);
	kh_xw_end(x);
}

/* A grid as a borderless table; its rows are not split across pages, so
 * the signature stays with the recipients. */
static void grid(writer *w, const kh_pdoc_grid *g)
{
	kh_xw *x = &w->x;
	long widths[2];
	widths[0] = w->text_width * g->width_pct[0] / 100;
	widths[1] = w->text_width - widths[0];
	kh_xw_start(x, "w:tbl");
	table_props(w, widths);
	for (size_t i = 0; i < g->rows.n; i++) {
		const kh_pdoc_row *r = KH_VEC_AT(g->rows, kh_pdoc_row, i);
		kh_xw_start(x, "w:tr");
		kh_xw_start(x, "w:trPr");
		kh_xw_leaf(x, "w:cantSplit", NULL, NULL);
		kh_xw_end(x);
		for (int k = 0; k < 2; k++)
			cell(w, &r->cell[k], widths[k], i ? 0 : g->before_pt);
		kh_xw_end(x);
	}
	kh_xw_end(x);
}

/* ---- Sections ------------------------------------------------------------------ */

/* A section's page: A4, the margins, the headers (the first page's blank,
 * numbering from page 2); an attachment numbered from 1 on its own. */
static void section_props(writer *w, const kh_pdoc_section *s, bool first)
{
	kh_xw *x = &w->x;
	const kh_pdoc_page *pg = &w->doc->page;
	kh_xw_start(x, "w:sectPr");
	static const char *const refs[][2] = { { "default", KH_DOCX_HEADER_RID },
					       { "first", KH_DOCX_FIRST_RID } };
	for (int i = 0; i < 2; i++) {
		kh_xw_start(x, "w:headerReference");
		kh_xw_attr(x, "w:type", refs[i][0]);
		kh_xw_attr(x, "r:id", refs[i][1]);
		kh_xw_end(x);
	}
	if (!first && !s->new_page)
		kh_xw_leaf(x, "w:type", "w:val", "continuous");
	kh_xw_start(x, "w:pgSz");
	kh_xw_attr_int(x, "w:w", kh_twips(pg->width_mm));
	kh_xw_attr_int(x, "w:h", kh_twips(pg->height_mm));
	kh_xw_end(x);
	kh_xw_start(x, "w:pgMar");
	kh_xw_attr_int(x, "w:top", kh_twips(pg->top_mm));
	kh_xw_attr_int(x, "w:right", kh_twips(pg->right_mm));
	kh_xw_attr_int(x, "w:bottom", kh_twips(pg->bottom_mm));
	kh_xw_attr_int(x, "w:left", kh_twips(pg->left_mm));
	kh_xw_attr_int(x, "w:header", kh_twips(pg->header_mm));
	kh_xw_attr_int(x, "w:footer", kh_twips(pg->header_mm));
	kh_xw_attr(x, "w:gutter", "0");
	kh_xw_end(x);
	if (s->kind == KH_SECTION_ATTACHMENT)
		kh_xw_leaf(x, "w:pgNumType", "w:start", "1");
	kh_xw_leaf(x, "w:titlePg", NULL, NULL);
	kh_xw_end(x);
}

/* Word keeps a section's properties in its last paragraph: a 1pt-high
 * empty one, so it never pushes the signature onto a page of its own. */
static void section_end(writer *w, const kh_pdoc_section *s, bool first)
{
	kh_xw *x = &w->x;
	kh_xw_start(x, "w:p");
	kh_xw_start(x, "w:pPr");
	kh_xw_start(x, "w:spacing");
	kh_xw_attr(x, "w:before", "0");
	kh_xw_attr(x, "w:after", "0");
	kh_xw_attr(x, "w:line", "20");
	kh_xw_attr(x, "w:lineRule", "exact");
	kh_xw_end(x);
	kh_xw_start(x, "w:rPr");
	kh_xw_leaf(x, "w:sz", "w:val", "2");
	kh_xw_end(x);
	section_props(w, s, first);
	kh_xw_end(x);
	kh_xw_end(x);
}

static void blocks(writer *w, const kh_pdoc_section *s)
{
	for (size_t i = 0; i < s->blocks.n; i++) {
		const kh_pdoc_block *b = KH_VEC_AT(s->blocks, kh_pdoc_block, i);
		switch (b->kind) {
		case KH_BLOCK_PARA:
			para(w, b->para, w->text_width, 0);
			break;
		case KH_BLOCK_GRID:
			grid(w, b->grid);
			break;
		case KH_BLOCK_LINES:
			for (size_t j = 0; j < b->lines.n; j++)
				para(w, KH_VEC_AT(b->lines, kh_pdoc_para, j), w->text_width, 0);
			break;
		}
	}
}

static bool document_xml(writer *w, kh_docx_part *part)
{
	kh_xw *x = &w->x;
	kh_xw_open(x);
	kh_xw_start(x, "w:document");
	kh_xw_attr(x, "xmlns:w", KH_W_NS);
	kh_xw_attr(x, "xmlns:r", KH_R_NS);
	kh_xw_start(x, "w:body");
	const kh_vec *v = &w->doc->sections;
	for (size_t i = 0; i < v->n; i++) {
		const kh_pdoc_section *s = KH_VEC_AT(*v, kh_pdoc_section, i);
		blocks(w, s);
		if (i + 1 < v->n)
			section_end(w, s, i == 0);
		else
			section_props(w, s, i == 0);
	}
	part->name = "word/document.xml";
	part->data = kh_xw_close(x, &part->len);
	return part->data != NULL;
}

/* ---- The file -------------------------------------------------------------------- */

int kh_docx_document(kh_buf *out, const kh_pdoc *doc, const kh_docx_opts *opts)
{
	const kh_pdoc_page *pg = &doc->page;
	writer w = { .doc = doc };
	w.text_width = kh_twips(pg->width_mm) - kh_twips(pg->left_mm) - kh_twips(pg->right_mm);
	kh_docx_part parts[9];
	bool ok = kh_docx_content_types(&parts[0]) && kh_docx_package_rels(&parts[1]) &&
		  kh_docx_core(doc, opts, &parts[2]) && document_xml(&w, &parts[3]) &&
		  kh_docx_document_rels(&parts[4]) && kh_docx_styles(doc, &parts[5]) &&
		  kh_docx_settings(&parts[6]) && kh_docx_headers(&parts[7], &parts[8]);
	if (!ok)
		kh_oom(0); /* the XML writer fails only when memory does */
	return kh_docx_zip(parts, sizeof parts / sizeof parts[0], opts, out) == 0 ? 0 : 2;
}

int kh_emit_render_docx(const kh_program *prog, const kh_docx_opts *opts, kh_buf *out)
{
	kh_pdoc *doc = kh_pdoc_plan(prog, kh_pdoc_compose_hooks());
	if (!doc)
		return kh_emit_no_plan(prog);
	return kh_docx_document(out, doc, opts);
}

int kh_emit_outline_docx(const kh_program *prog, const kh_docx_opts *opts, kh_buf *out)
{
	kh_pdoc *doc = kh_pdoc_outlines(prog, true);
	if (!doc)
		return kh_emit_no_outline(prog);
	return kh_docx_document(out, doc, opts);
}

/*
 * document_int.h - what the parts of the document builder share
 * (document.c: the header, the foot and the driver; document_body.c: the
 * numbered body; document_outline.c: the attachments).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_DOCUMENT_INT_H
#define KH_DOCUMENT_INT_H

#include "document.h"

typedef struct kh_pdoc_builder {
	const kh_program *prog;
	const kh_plan *p;
	bool party;
	const kh_pdoc_hooks *hooks;   /* may be NULL */
	kh_vec *blocks;               /* where the next paragraphs go */
	const char *said;             /* the text of the top-level section being
	                                 built: what the page already says there */
	const kh_pdoc_sink *sink;     /* NULL: the blocks stay in the document */
	const kh_pdoc *doc;
} kh_pdoc_builder;

/* The blocks made so far handed to the sink, if there is one, and dropped. */
void kh_pdoc_flush(kh_pdoc_builder *b);

/* The plan's body (ITEMS of the document or of a Phần, at DEPTH 0). */
void kh_pdoc_body(kh_pdoc_builder *b, const kh_vec *items, int depth);

/* One attached outline as a section; SKELETON as in kh_pdoc_outlines. */
kh_pdoc_section *kh_pdoc_attachment(const kh_program *prog, const kh_outline *o, bool new_page,
				    bool skeleton);

/* A section of KIND, added to DOC. */
kh_pdoc_section *kh_pdoc_section_add(kh_pdoc *doc, kh_pdoc_section_kind kind, bool new_page);
/* A grid of KIND with columns of LEFT and RIGHT % added to BLOCKS, and a
 * row of two cells of the given kinds added to it. */
kh_pdoc_grid *kh_pdoc_grid_add(kh_vec *blocks, kh_pdoc_grid_kind kind, int left, int right);
kh_pdoc_row *kh_pdoc_row_add(kh_pdoc_grid *g, kh_pdoc_cell_kind left, kh_pdoc_cell_kind right);
/* A paragraph added to a cell. */
kh_pdoc_para *kh_pdoc_cell_add(kh_pdoc_cell *c, kh_pdoc_style style, const char *text);

/* The recipients-and-signature grid of a fill-in report (skeleton). */
void kh_pdoc_blank_foot(kh_vec *blocks, bool party);

/* Text helpers shared by the builders. */
const char *kh_pdoc_strip_end(const char *s, const char *marks); /* trailing spaces and one of MARKS */
char kh_pdoc_last_char(const char *s);                            /* last non-space byte, or 0 */

#endif

/*
 * document.h - the printed document: what a plan looks like on paper,
 * built once from the resolved plan (NĐ 30/2020 for state documents, HD
 * 36-HD/VPTW for Party ones) and written by each document format: HTML
 * (emit_html.c), Word (emit_docx.c), PDF (through the Word file).
 *
 * The model is format-neutral. A document is a list of sections (the main
 * text, then one per attachment, each on a new page); a section is a list
 * of blocks; a block is a paragraph, a two-column grid (the header block,
 * the recipients-and-signature block) or a group of lines kept together.
 * A paragraph has a style (what it is: an issuer line, a heading, a body
 * paragraph, a signature line …), an optional mark ("I.", "1.", "a)",
 * "-") and runs of text. Every style's typography (size, weight,
 * alignment, spacing, a drawn rule) is data in one table
 * (kh_pdoc_style_of), so a new header or signature form is a change to the
 * builder and that table, never to a writer.
 *
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_DOCUMENT_H
#define KH_DOCUMENT_H

#include <stdbool.h>

#include "alloc.h"
#include "plan.h"

/* ---- Styles ------------------------------------------------------------- */

typedef enum kh_pdoc_style {
	/* The header block (two columns): the issuer's side ... */
	KH_PS_SUPERIOR,           /* the superior body, line 1 ("TỈNH ỦY GIA LAI") */
	KH_PS_ISSUER,             /* the issuing body, bold capitals */
	KH_PS_ISSUER_RULE,        /* the short rule under it (state) */
	KH_PS_STAR,               /* the '*' under it (Party) */
	KH_PS_NUMBER,             /* "Số: 297/HD-UBND", "Số 250-KH/TU" */
	KH_PS_SUBJECT,            /* "V/v …" under the number (a công văn) */
	/* ... and the nation's side. */
	KH_PS_MOTTO,              /* "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" */
	KH_PS_SLOGAN,             /* "Độc lập - Tự do - Hạnh phúc", underlined */
	KH_PS_PARTY,              /* "ĐẢNG CỘNG SẢN VIỆT NAM", underlined */
	KH_PS_PLACE_DATE,         /* "Bắc Kạn, ngày 27 tháng 5 năm 2019", italic */
	/* Under the header. */
	KH_PS_ADDRESSEE,          /* "Kính gửi: …" */
	KH_PS_KIND,               /* "KẾ HOẠCH" (state size) */
	KH_PS_KIND_PARTY,         /* "KẾ HOẠCH" (Party size, 15pt) */
	KH_PS_TITLE,              /* the trích yếu */
	KH_PS_TITLE_RULE,         /* the short rule under it (state) */
	KH_PS_TITLE_DASH,         /* "-----" under it (Party) */
	/* The body. */
	KH_PS_BODY,               /* a paragraph: justified, first-line indent */
	KH_PS_PART,               /* "Phần thứ nhất", "Phần I" */
	KH_PS_PART_HEADING,       /* the Phần's heading */
	KH_PS_HEADING_1,          /* "I. MỤC ĐÍCH, YÊU CẦU" */
	KH_PS_HEADING_2,          /* "1. …" */
	KH_PS_HEADING_3,          /* "a) …", bold italic */
	KH_PS_HEADING_4,          /* deeper headings, plain */
	/* The foot: recipients (left) and signature (right). */
	KH_PS_RECIPIENTS_LABEL,   /* "Nơi nhận:" */
	KH_PS_RECIPIENT,          /* "- Ban Tổ chức Trung ương (để báo cáo);", "- Lưu: VT." */
	KH_PS_SIGN_AUTHORITY,     /* "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH" */
	KH_PS_SIGN_POSITION,      /* "PHÓ BÍ THƯ" */
	KH_PS_SIGNED,             /* "Đã ký" */
	KH_PS_SIGN_SPACE,         /* room for the signature and the seal */
	KH_PS_SIGN_NAME,          /* "Châu Ngọc Tuấn" */
	/* Attachments. */
	KH_PS_ATT_NAME,           /* "ĐỀ CƯƠNG" */
	KH_PS_ATT_TITLE,          /* its title */
	KH_PS_ATT_LINE,           /* "(Kèm theo Kế hoạch số …)" */
	KH_PS_ATT_RULE,           /* the short rule under them */
	KH_PS_TEMPLATE_LINE,      /* a template's own header line, centred */
	/* Award criteria. */
	KH_PS_CONDITION,          /* under an award rule, smaller: the condition
	                             it computes ("Điều kiện: …") */
	KH_PS__COUNT
} kh_pdoc_style;

typedef enum kh_pdoc_align { KH_ALIGN_JUSTIFY, KH_ALIGN_LEFT, KH_ALIGN_CENTER } kh_pdoc_align;

/* What a paragraph of a style is on the page: text, a short horizontal
 * rule (no text), or an empty space of a fixed height. */
typedef enum kh_pdoc_shape { KH_SHAPE_TEXT, KH_SHAPE_RULE, KH_SHAPE_SPACE } kh_pdoc_shape;

typedef struct kh_pdoc_style_info {
	const char *id;            /* stable name: the HTML class, the Word style */
	kh_pdoc_shape shape;
	kh_pdoc_align align;
	unsigned char half_points; /* type size in half-points (28 = 14pt); 0: the document's */
	bool bold, italic, underline;
	unsigned char indent_mm;   /* first-line indent */
	unsigned char inset_pct;   /* left and right inset, % of the column; a
	                              rule is (100 - 2 * inset) % wide */
	unsigned char before_pt, after_pt;
	unsigned char line_pct;    /* line height, % of single (130); 0: the document's */
	unsigned char height_mm;   /* SPACE: how high */
	unsigned char outline;     /* headings: level 1-4 (Word's navigation pane) */
	bool keep_next;            /* kept on the page of the paragraph after it */
} kh_pdoc_style_info;

const kh_pdoc_style_info *kh_pdoc_style_of(kh_pdoc_style s);

/* ---- The model ---------------------------------------------------------- */

enum { KH_RUN_ITALIC = 1, KH_RUN_BOLD = 2 };

typedef struct kh_pdoc_run {
	const char *text;
	unsigned flags;           /* KH_RUN_* on top of the paragraph's style */
} kh_pdoc_run;

typedef struct kh_pdoc_para {
	kh_pdoc_style style;
	int level;                /* a heading's depth: 1 "I.", 2 "1.", 3 "a)", 4+ */
	const char *mark;         /* "I.", "1.", "a)", "-", "+"; NULL: none.
	                             Written before the text, with a space. */
	kh_vec runs;              /* kh_pdoc_run*; none for a rule or a space */
} kh_pdoc_para;

typedef enum kh_pdoc_cell_kind {
	KH_CELL_ISSUER, KH_CELL_NATION, KH_CELL_NUMBER, KH_CELL_PLACE_DATE,
	KH_CELL_RECIPIENTS, KH_CELL_SIGN
} kh_pdoc_cell_kind;

typedef struct kh_pdoc_cell {
	kh_pdoc_cell_kind kind;
	kh_vec paras;             /* kh_pdoc_para* */
} kh_pdoc_cell;

typedef enum kh_pdoc_grid_kind {
	KH_GRID_HEAD,             /* issuer | nation, then number | place-date */
	KH_GRID_FOOT              /* recipients | signature */
} kh_pdoc_grid_kind;

/* A borderless table of two columns. */
typedef struct kh_pdoc_grid {
	kh_pdoc_grid_kind kind;
	unsigned char width_pct[2]; /* the columns' widths, % of the text width */
	unsigned char before_pt;  /* space above it */
	kh_vec rows;              /* kh_pdoc_cell[2] (kh_pdoc_row*) */
} kh_pdoc_grid;

typedef struct kh_pdoc_row {
	kh_pdoc_cell cell[2];
} kh_pdoc_row;

typedef enum kh_pdoc_block_kind {
	KH_BLOCK_PARA,
	KH_BLOCK_GRID,
	KH_BLOCK_LINES            /* paragraphs kept together (a template's header lines) */
} kh_pdoc_block_kind;

typedef struct kh_pdoc_block {
	kh_pdoc_block_kind kind;
	kh_pdoc_para *para;       /* PARA */
	kh_pdoc_grid *grid;       /* GRID */
	kh_vec lines;             /* LINES: kh_pdoc_para* */
} kh_pdoc_block;

typedef enum kh_pdoc_section_kind { KH_SECTION_MAIN, KH_SECTION_ATTACHMENT } kh_pdoc_section_kind;

typedef struct kh_pdoc_section {
	kh_pdoc_section_kind kind;
	bool new_page;            /* starts a new page (its pages numbered on their own) */
	kh_vec blocks;            /* kh_pdoc_block* */
	const kh_outline *outline;/* ATTACHMENT: what it prints */
} kh_pdoc_section;

/* The page: A4 with the margins both families accept (HD 36's 20/20/30/15
 * mm sit inside NĐ 30's ranges), page numbers centred at the top from
 * page 2 of each section. */
typedef struct kh_pdoc_page {
	int width_mm, height_mm;
	int top_mm, bottom_mm, left_mm, right_mm;
	int header_mm;            /* from the top edge to the page number */
	int number_half_points;   /* the page number's size */
	int base_half_points;     /* the document's type size */
	int line_pct;             /* its line height, % of single */
	int after_pt;             /* space after a paragraph */
	const char *font;         /* "Times New Roman" */
} kh_pdoc_page;

typedef struct kh_pdoc {
	bool party;               /* HD 36 (Party) rather than NĐ 30 (state) */
	const char *title;        /* "Kế hoạch 250-KH/TU": the HTML title, Word's */
	kh_pdoc_page page;
	kh_vec sections;          /* kh_pdoc_section* */
} kh_pdoc;

/* ---- Building it -------------------------------------------------------- */

/*
 * Later work composes a task's, a meeting's or an award's facts as
 * sentences (compose.c). A hook returns the paragraphs (const char*) to
 * print right after the item's own text, or NULL for none; a NULL hook,
 * or NULL hooks, print the items as written.
 */
/* SAID: the text of the section around the item (its headings, prose,
 * and the item's own text), whose facts are not to be repeated. */
typedef struct kh_pdoc_hooks {
	void *ctx;
	const kh_vec *(*task)(void *ctx, const kh_program *prog, const kh_task *t, const char *said);
	const kh_vec *(*meeting)(void *ctx, const kh_program *prog, const kh_meeting *m,
				 const char *said);
	const kh_vec *(*award)(void *ctx, const kh_program *prog, const kh_award_form *f,
			       const char *said);
} kh_pdoc_hooks;

/* The whole plan: header, body, closing, recipients and signature, then
 * each attached outline on a new page. NULL when the file has no plan. */
kh_pdoc *kh_pdoc_plan(const kh_program *prog, const kh_pdoc_hooks *hooks);

/*
 * Where a document goes as it is made (render --html): each section when
 * it begins, then its blocks in order, each handed over after the item
 * of the plan it prints. The builder forgets a block once handed over,
 * so a long plan's document never exists whole: the sections of the
 * document returned have no blocks.
 */
typedef struct kh_pdoc_sink {
	void *ctx;
	void (*section)(void *ctx, const kh_pdoc *doc, const kh_pdoc_section *s);
	void (*block)(void *ctx, const kh_pdoc *doc, const kh_pdoc_block *b);
} kh_pdoc_sink;
/* kh_pdoc_plan, streamed to SINK. */
kh_pdoc *kh_pdoc_plan_to(const kh_program *prog, const kh_pdoc_hooks *hooks, const kh_pdoc_sink *sink);
/* The hooks that print every fact of the data (document_compose.c). */
const kh_pdoc_hooks *kh_pdoc_compose_hooks(void);

/*
 * The attached outlines alone (`kehoach outline`), the first on page 1.
 * SKELETON: each as a fill-in report to write from it (Word): the
 * template's header lines, or blank ones ("Số:     /BC-…", "…, ngày …
 * tháng … năm …"), and a blank recipients and signature block at the end.
 * NULL when the plan has no outline.
 */
kh_pdoc *kh_pdoc_outlines(const kh_program *prog, bool skeleton);

/* Pieces, for builders and tests: a paragraph of STYLE with MARK (may be
 * NULL) and one run of TEXT (none when NULL); a run added to it; a
 * paragraph block added to a list of blocks. */
kh_pdoc_para *kh_pdoc_para_new(kh_pdoc_style style, const char *mark, const char *text);
void kh_pdoc_run_add(kh_pdoc_para *p, const char *text, unsigned flags);
kh_pdoc_para *kh_pdoc_add(kh_vec *blocks, kh_pdoc_style style, const char *mark, const char *text);
/* The paragraph's text, runs joined, without its mark. */
const char *kh_pdoc_para_text(const kh_pdoc_para *p);

/* ---- How names read in print ---------------------------------------------- */

/* A reference as printed: a body's name, "Các đơn vị cấp huyện", "Cấp trên
 * trực tiếp"; FIRST: at the start of a list (capitalised). */
const char *kh_pdoc_ref_name(const kh_ref *r, bool first);
/* References as a phrase: "A, B và C"; '+'-joined ones as "A + B". */
const char *kh_pdoc_ref_list(const kh_vec *refs);
/* S with its first letter in lower case ("Cấp huyện" -> "cấp huyện"). */
const char *kh_pdoc_lower_first(const char *s);

#endif

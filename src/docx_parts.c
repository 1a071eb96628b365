/*
 * docx_parts.c - the parts of a Word file that do not hold the text: the
 * package's content types and relationships, the settings, the page
 * headers (a section's first page blank, the others numbered at the top
 * centre: NĐ 30 and HD 36 number pages from page 2), the core properties
 * (title, dates), and the styles, one Word paragraph style per style of
 * the printed document (document.c's table).
 * Part of kehoach; see README.md for the licence.
 */
#include <ctype.h>
#include <string.h>

#include "date.h"
#include "docx.h"

#define REL_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define CT_WORD "application/vnd.openxmlformats-officedocument.wordprocessingml."

static bool finish(kh_xw *x, kh_docx_part *part, const char *name)
{
	part->name = name;
	part->data = kh_xw_close(x, &part->len);
	return part->data != NULL;
}

static void root(kh_xw *x, const char *name, bool with_r)
{
	kh_xw_start(x, name);
	kh_xw_attr(x, "xmlns:w", KH_W_NS);
	if (with_r)
		kh_xw_attr(x, "xmlns:r", KH_R_NS);
}

bool kh_docx_content_types(kh_docx_part *part)
{
	static const char *const overrides[][2] = {
		{ "/word/document.xml", CT_WORD "document.main+xml" },
		{ "/word/styles.xml", CT_WORD "styles+xml" },
		{ "/word/settings.xml", CT_WORD "settings+xml" },
		{ "/word/header1.xml", CT_WORD "header+xml" },
		{ "/word/header2.xml", CT_WORD "header+xml" },
		{ "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml" },
	};
	kh_xw x;
	kh_xw_open(&x);
	kh_xw_start(&x, "Types");
	kh_xw_attr(&x, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
	kh_xw_start(&x, "Default");
	kh_xw_attr(&x, "Extension", "rels");
	kh_xw_attr(&x, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
	kh_xw_end(&x);
	kh_xw_start(&x, "Default");
	kh_xw_attr(&x, "Extension", "xml");
	kh_xw_attr(&x, "ContentType", "application/xml");
	kh_xw_end(&x);
	for (size_t i = 0; i < sizeof overrides / sizeof overrides[0]; i++) {
		kh_xw_start(&x, "Override");
		kh_xw_attr(&x, "PartName", overrides[i][0]);
		kh_xw_attr(&x, "ContentType", overrides[i][1]);
		kh_xw_end(&x);
	}
	return finish(&x, part, "[Content_Types].xml");
}

static void relationship(kh_xw *x, const char *id, const char *type, const char *target)
{
	kh_xw_start(x, "Relationship");
	kh_xw_attr(x, "Id", id);
	kh_xw_attr(x, "Type", type);
	kh_xw_attr(x, "Target", target);
	kh_xw_end(x);
}

bool kh_docx_package_rels(kh_docx_part *part)
{
	kh_xw x;
	kh_xw_open(&x);
	kh_xw_start(&x, "Relationships");
	kh_xw_attr(&x, "xmlns", REL_NS);
	relationship(&x, "rId1", REL_TYPE "officeDocument", "word/document.xml");
	relationship(&x, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
		     "docProps/core.xml");
	return finish(&x, part, "_rels/.rels");
}

bool kh_docx_document_rels(kh_docx_part *part)
{
	kh_xw x;
	kh_xw_open(&x);
	kh_xw_start(&x, "Relationships");
	kh_xw_attr(&x, "xmlns", REL_NS);
	relationship(&x, "rIdStyles", REL_TYPE "styles", "styles.xml");
	relationship(&x, "rIdSettings", REL_TYPE "settings", "settings.xml");
	relationship(&x, KH_DOCX_HEADER_RID, REL_TYPE "header", "header1.xml");
	relationship(&x, KH_DOCX_FIRST_RID, REL_TYPE "header", "header2.xml");
	return finish(&x, part, "word/_rels/document.xml.rels");
}

/* Word 2013+ layout (not compatibility mode); Vietnamese proofing. */
bool kh_docx_settings(kh_docx_part *part)
{
	kh_xw x;
	kh_xw_open(&x);
	root(&x, "w:settings", false);
	kh_xw_leaf(&x, "w:defaultTabStop", "w:val", "567");
	kh_xw_leaf(&x, "w:characterSpacingControl", "w:val", "doNotCompress");
	kh_xw_start(&x, "w:compat");
	kh_xw_start(&x, "w:compatSetting");
	kh_xw_attr(&x, "w:name", "compatibilityMode");
	kh_xw_attr(&x, "w:uri", "http://schemas.microsoft.com/office/word");
	kh_xw_attr(&x, "w:val", "15");
	kh_xw_end(&x);
	kh_xw_end(&x);
	kh_xw_leaf(&x, "w:themeFontLang", "w:val", "vi-VN");
	return finish(&x, part, "word/settings.xml");
}

/* A run holding a field character (begin, separate, end). */
static void field_char(kh_xw *x, const char *type)
{
	kh_xw_start(x, "w:r");
	kh_xw_leaf(x, "w:fldChar", "w:fldCharType", type);
	kh_xw_end(x);
}

/* A run of ELEMENT (w:instrText, w:t) holding TEXT. */
static void text_run(kh_xw *x, const char *element, const char *text)
{
	kh_xw_start(x, "w:r");
	kh_xw_start(x, element);
	kh_xw_attr(x, "xml:space", "preserve");
	kh_xw_text(x, text, strlen(text));
	kh_xw_end(x);
	kh_xw_end(x);
}

static void header_start(kh_xw *x)
{
	kh_xw_open(x);
	root(x, "w:hdr", true);
	kh_xw_start(x, "w:p");
	kh_xw_start(x, "w:pPr");
	kh_xw_leaf(x, "w:pStyle", "w:val", "Header");
	kh_xw_end(x);
}

/* The page number is a PAGE field: begin, the instruction, separate, a
 * shown value (Word and LibreOffice compute the real one), end. */
bool kh_docx_headers(kh_docx_part *numbered, kh_docx_part *first)
{
	kh_xw x;
	header_start(&x);
	field_char(&x, "begin");
	text_run(&x, "w:instrText", " PAGE ");
	field_char(&x, "separate");
	text_run(&x, "w:t", "2");
	field_char(&x, "end");
	if (!finish(&x, numbered, "word/header1.xml"))
		return false;
	header_start(&x);
	return finish(&x, first, "word/header2.xml");
}

/* An ISO 8601 time in UTC (W3CDTF, as the core properties want). */
static const char *w3c_time(const kh_docx_opts *opts)
{
	int y, m, d;
	kh_date_split(opts->day, &y, &m, &d);
	long s = opts->seconds;
	return kh_printf("%04d-%02d-%02dT%02ld:%02ld:%02ldZ", y, m, d, s / 3600, s / 60 % 60, s % 60);
}

bool kh_docx_core(const kh_pdoc *doc, const kh_docx_opts *opts, kh_docx_part *part)
{
	kh_xw x;
	kh_xw_open(&x);
	kh_xw_start(&x, "cp:coreProperties");
	kh_xw_attr(&x, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
	kh_xw_attr(&x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	kh_xw_attr(&x, "xmlns:dcterms", "http://purl.org/dc/terms/");
	kh_xw_attr(&x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	kh_xw_start(&x, "dc:title");
	kh_xw_text(&x, doc->title, strlen(doc->title));
	kh_xw_end(&x);
	kh_xw_start(&x, "dc:creator");
	kh_xw_text(&x, "kehoach", 7);
	kh_xw_end(&x);
	kh_xw_start(&x, "dc:language");
	kh_xw_text(&x, "vi-VN", 5);
	kh_xw_end(&x);
	/* No date rather than an invented one. */
	const char *when = w3c_time(opts);
	static const char *const dates[] = { "dcterms:created", "dcterms:modified" };
	for (int i = 0; opts->dated && i < 2; i++) {
		kh_xw_start(&x, dates[i]);
		kh_xw_attr(&x, "xsi:type", "dcterms:W3CDTF");
		kh_xw_text(&x, when, strlen(when));
		kh_xw_end(&x);
	}
	return finish(&x, part, "docProps/core.xml");
}

/* ---- Styles ------------------------------------------------------------------ */

const char *kh_docx_style_id(kh_pdoc_style s)
{
	const kh_pdoc_style_info *si = kh_pdoc_style_of(s);
	if (si->outline)
		return kh_printf("Heading%d", si->outline);
	kh_buf b = { 0 };
	kh_buf_puts(&b, "Kh");
	bool up = true;
	for (const char *p = si->id; *p; p++) {
		if (*p == '-') {
			up = true;
			continue;
		}
		kh_buf_putc(&b, up ? (char)toupper((unsigned char)*p) : *p);
		up = false;
	}
	return kh_buf_cstr(&b);
}

static void run_props(kh_xw *x, const char *font, int half_points, bool bold, bool italic, bool underline)
{
	kh_xw_start(x, "w:rPr");
	if (font) {
		kh_xw_start(x, "w:rFonts");
		kh_xw_attr(x, "w:ascii", font);
		kh_xw_attr(x, "w:hAnsi", font);
		kh_xw_attr(x, "w:eastAsia", font);
		kh_xw_attr(x, "w:cs", font);
		kh_xw_end(x);
	}
	if (bold) {
		kh_xw_leaf(x, "w:b", NULL, NULL);
		kh_xw_leaf(x, "w:bCs", NULL, NULL);
	}
	if (italic) {
		kh_xw_leaf(x, "w:i", NULL, NULL);
		kh_xw_leaf(x, "w:iCs", NULL, NULL);
	}
	if (half_points) {
		kh_xw_leaf(x, "w:sz", "w:val", kh_printf("%d", half_points));
		kh_xw_leaf(x, "w:szCs", "w:val", kh_printf("%d", half_points));
	}
	if (underline)
		kh_xw_leaf(x, "w:u", "w:val", "single");
	if (font) {
		kh_xw_start(x, "w:lang");
		kh_xw_attr(x, "w:val", "vi-VN");
		kh_xw_attr(x, "w:eastAsia", "en-US");
		kh_xw_attr(x, "w:bidi", "ar-SA");
		kh_xw_end(x);
	}
	kh_xw_end(x);
}

/* The paragraph properties of style SI (schema order: keepNext, pBdr,
 * spacing, ind, jc, outlineLvl). A rule is the top border of an empty,
 * 2pt-high paragraph; a space an empty paragraph of exact height. */
static void para_props(kh_xw *x, const kh_pdoc_style_info *si)
{
	static const char *const align[] = { "both", "left", "center" };
	kh_xw_start(x, "w:pPr");
	if (si->keep_next)
		kh_xw_leaf(x, "w:keepNext", NULL, NULL);
	if (si->shape == KH_SHAPE_RULE) {
		kh_xw_start(x, "w:pBdr");
		kh_xw_start(x, "w:top");
		kh_xw_attr(x, "w:val", "single");
		kh_xw_attr(x, "w:sz", "6");
		kh_xw_attr(x, "w:space", "0");
		kh_xw_attr(x, "w:color", "000000");
		kh_xw_end(x);
		kh_xw_end(x);
	}
	kh_xw_start(x, "w:spacing");
	kh_xw_attr_int(x, "w:before", si->before_pt * 20);
	kh_xw_attr_int(x, "w:after", si->after_pt * 20);
	if (si->shape != KH_SHAPE_TEXT) {
		kh_xw_attr_int(x, "w:line", si->shape == KH_SHAPE_RULE ? 40 : kh_twips(si->height_mm));
		kh_xw_attr(x, "w:lineRule", "exact");
	} else if (si->line_pct) {
		kh_xw_attr_int(x, "w:line", 240L * si->line_pct / 100);
		kh_xw_attr(x, "w:lineRule", "auto");
	}
	kh_xw_end(x);
	kh_xw_start(x, "w:ind");
	kh_xw_attr_int(x, "w:firstLine", kh_twips(si->indent_mm));
	kh_xw_end(x);
	kh_xw_leaf(x, "w:jc", "w:val", align[si->align]);
	if (si->outline)
		kh_xw_leaf(x, "w:outlineLvl", "w:val", kh_printf("%d", si->outline - 1));
	kh_xw_end(x);
}

static void style_start(kh_xw *x, const char *type, const char *id, const char *name, bool custom)
{
	kh_xw_start(x, "w:style");
	kh_xw_attr(x, "w:type", type);
	if (custom)
		kh_xw_attr(x, "w:customStyle", "1");
	kh_xw_attr(x, "w:styleId", id);
	kh_xw_leaf(x, "w:name", "w:val", name);
	if (strcmp(id, "Normal"))
		kh_xw_leaf(x, "w:basedOn", "w:val", "Normal");
	kh_xw_leaf(x, "w:qFormat", NULL, NULL);
}

/* The defaults (Times New Roman, the body's size, 6pt after, 1.3 lines),
 * Normal, the page header's style, and one style per document style. */
bool kh_docx_styles(const kh_pdoc *doc, kh_docx_part *part)
{
	const kh_pdoc_page *pg = &doc->page;
	kh_xw x;
	kh_xw_open(&x);
	root(&x, "w:styles", false);
	kh_xw_start(&x, "w:docDefaults");
	kh_xw_start(&x, "w:rPrDefault");
	run_props(&x, pg->font, pg->base_half_points, false, false, false);
	kh_xw_end(&x);
	kh_xw_start(&x, "w:pPrDefault");
	kh_xw_start(&x, "w:pPr");
	kh_xw_start(&x, "w:spacing");
	kh_xw_attr_int(&x, "w:after", pg->after_pt * 20);
	kh_xw_attr_int(&x, "w:line", 240L * pg->line_pct / 100);
	kh_xw_attr(&x, "w:lineRule", "auto");
	kh_xw_end(&x);
	kh_xw_end(&x);
	kh_xw_end(&x);
	kh_xw_end(&x);

	style_start(&x, "paragraph", "Normal", "Normal", false);
	run_props(&x, pg->font, pg->base_half_points, false, false, false);
	kh_xw_end(&x);
	style_start(&x, "paragraph", "Header", "header", false);
	kh_xw_start(&x, "w:pPr");
	kh_xw_start(&x, "w:spacing");
	kh_xw_attr(&x, "w:after", "0");
	kh_xw_end(&x);
	kh_xw_leaf(&x, "w:jc", "w:val", "center");
	kh_xw_end(&x);
	run_props(&x, NULL, pg->number_half_points, false, false, false);
	kh_xw_end(&x);
	for (int s = 0; s < KH_PS__COUNT; s++) {
		const kh_pdoc_style_info *si = kh_pdoc_style_of((kh_pdoc_style)s);
		const char *id = kh_docx_style_id((kh_pdoc_style)s);
		style_start(&x, "paragraph", id,
			    si->outline ? kh_printf("heading %d", si->outline) : kh_printf("kh %s", si->id),
			    !si->outline);
		para_props(&x, si);
		run_props(&x, NULL, si->shape == KH_SHAPE_RULE ? 4 : si->half_points, si->bold, si->italic,
			  si->underline);
		kh_xw_end(&x);
	}
	return finish(&x, part, "word/styles.xml");
}

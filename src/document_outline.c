/*
 * document_outline.c - an attached outline (đề cương) as a section of the
 * printed document: the template's header lines, the outline's name and
 * title, the "(Kèm theo …)" line, then its parts and headings numbered as
 * Vietnamese documents number them; as a fill-in report (skeleton), with
 * blank header lines and a blank signature block when it gives none.
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>

#include "document_int.h"
#include "vn_numbering.h"

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* Outline items: parts, headings by depth, bullets, and lines of text. */
static void items(kh_vec *blocks, const kh_vec *v, int depth, bool party)
{
	int count = 0, parts = 0;
	for (size_t i = 0; i < v->n; i++) {
		const kh_item *it = KH_VEC_AT(*v, kh_item, i);
		switch (it->kind) {
		case KH_ITEM_PART:
			kh_pdoc_add(blocks, KH_PS_PART, NULL, kh_vn_part_label(++parts, party));
			if (it->text)
				kh_pdoc_add(blocks, KH_PS_PART_HEADING, NULL, it->text);
			items(blocks, &it->items, 0, party);
			break;
		case KH_ITEM_SECTION: {
			int d = depth + 1;
			kh_pdoc_style s = d >= 4 ? KH_PS_HEADING_4 : (kh_pdoc_style)(KH_PS_HEADING_1 + d - 1);
			kh_pdoc_add(blocks, s, kh_vn_marker(d, ++count), it->text ? it->text : "")->level = d;
			items(blocks, &it->items, d, party);
			break;
		}
		case KH_ITEM_BULLET:
			kh_pdoc_add(blocks, KH_PS_BODY, "-", it->text ? it->text : "");
			break;
		case KH_ITEM_SUBBULLET:
			kh_pdoc_add(blocks, KH_PS_BODY, "+", it->text ? it->text : "");
			break;
		default:
			if (it->text)
				kh_pdoc_add(blocks, KH_PS_BODY, NULL, it->text);
		}
	}
}

/* The line of a template that holds the motto, or N when none does. */
static size_t motto_line(const kh_outline *o)
{
	for (size_t i = 0; i < o->lines.n; i++) {
		const char *u = kh_vn_upper(KH_VEC_AT(o->lines, const char, i));
		if (starts_with(u, "CỘNG HÒA") || starts_with(u, "CỘNG HOÀ") || starts_with(u, "ĐẢNG CỘNG SẢN"))
			return i;
	}
	return o->lines.n;
}

/*
 * The template's own header lines ("CƠ QUAN, ĐƠN VỊ…", the motto, "Số:
 * /BC-…", "Địa danh, ngày …") laid out as a document header when they
 * hold a motto: the motto, the line under it and the date line on the
 * right, the rest on the left. Otherwise centred lines.
 */
static void template_lines(kh_vec *blocks, const kh_outline *o)
{
	size_t n = o->lines.n, motto = motto_line(o);
	if (motto == n) {
		kh_pdoc_block *b = KH_NEW(kh_pdoc_block);
		b->kind = KH_BLOCK_LINES;
		for (size_t i = 0; i < n; i++)
			kh_vec_push(&b->lines, kh_pdoc_para_new(KH_PS_TEMPLATE_LINE, NULL,
								KH_VEC_AT(o->lines, const char, i)));
		kh_vec_push(blocks, b);
		return;
	}
	kh_pdoc_grid *g = kh_pdoc_grid_add(blocks, KH_GRID_HEAD, 40, 60);
	kh_pdoc_row *top = kh_pdoc_row_add(g, KH_CELL_ISSUER, KH_CELL_NATION);
	kh_pdoc_row *second = kh_pdoc_row_add(g, KH_CELL_NUMBER, KH_CELL_PLACE_DATE);
	for (size_t i = 0; i < n; i++) {
		const char *s = KH_VEC_AT(o->lines, const char, i);
		if (i == motto)
			kh_pdoc_cell_add(&top->cell[1], starts_with(kh_vn_upper(s), "ĐẢNG") ? KH_PS_PARTY
											  : KH_PS_MOTTO, s);
		else if (i == motto + 1 && starts_with(s, "Độc lập"))
			kh_pdoc_cell_add(&top->cell[1], KH_PS_SLOGAN, s);
		else if (strstr(s, "ngày"))
			kh_pdoc_cell_add(&second->cell[1], KH_PS_PLACE_DATE, s);
		else if (starts_with(s, "Số"))
			kh_pdoc_cell_add(&second->cell[0], KH_PS_NUMBER, s);
		else
			kh_pdoc_cell_add(&top->cell[0], KH_PS_ISSUER, s);
	}
	kh_pdoc_cell_add(&top->cell[0], KH_PS_ISSUER_RULE, NULL);
}

/* A fill-in report's header when the template gives none: blank issuer,
 * number and date in the family's forms. */
static void blank_header(kh_vec *blocks, bool party)
{
	kh_pdoc_grid *g = kh_pdoc_grid_add(blocks, KH_GRID_HEAD, 40, 60);
	kh_pdoc_row *top = kh_pdoc_row_add(g, KH_CELL_ISSUER, KH_CELL_NATION);
	kh_pdoc_row *second = kh_pdoc_row_add(g, KH_CELL_NUMBER, KH_CELL_PLACE_DATE);
	if (party) {
		kh_pdoc_cell_add(&top->cell[0], KH_PS_SUPERIOR, "ĐẢNG BỘ …");
		kh_pdoc_cell_add(&top->cell[0], KH_PS_ISSUER, "ĐẢNG ỦY …");
		kh_pdoc_cell_add(&top->cell[0], KH_PS_STAR, "*");
		kh_pdoc_cell_add(&top->cell[1], KH_PS_PARTY, "ĐẢNG CỘNG SẢN VIỆT NAM");
		kh_pdoc_cell_add(&second->cell[0], KH_PS_NUMBER, "Số \u00a0\u00a0\u00a0\u00a0-BC/…");
	} else {
		kh_pdoc_cell_add(&top->cell[0], KH_PS_ISSUER, "CƠ QUAN, ĐƠN VỊ …");
		kh_pdoc_cell_add(&top->cell[0], KH_PS_ISSUER_RULE, NULL);
		kh_pdoc_cell_add(&top->cell[1], KH_PS_MOTTO, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
		kh_pdoc_cell_add(&top->cell[1], KH_PS_SLOGAN, "Độc lập - Tự do - Hạnh phúc");
		kh_pdoc_cell_add(&second->cell[0], KH_PS_NUMBER, "Số: \u00a0\u00a0\u00a0\u00a0/BC-…");
	}
	kh_pdoc_cell_add(&second->cell[1], KH_PS_PLACE_DATE, kh_vn_place_date(NULL, false, 0));
}

kh_pdoc_section *kh_pdoc_attachment(const kh_program *prog, const kh_outline *o, bool new_page,
				    bool skeleton)
{
	kh_pdoc_section *s = KH_NEW(kh_pdoc_section);
	s->kind = KH_SECTION_ATTACHMENT;
	s->new_page = new_page;
	s->outline = o;
	bool party = kh_vn_system(prog) == KH_SYSTEM_PARTY;
	if (o->lines.n)
		template_lines(&s->blocks, o);
	else if (skeleton)
		blank_header(&s->blocks, party);
	kh_pdoc_add(&s->blocks, KH_PS_ATT_NAME, NULL, kh_vn_upper(o->name ? o->name : "Đề cương"));
	if (o->title)
		kh_pdoc_add(&s->blocks, KH_PS_ATT_TITLE, NULL, o->title);
	kh_pdoc_add(&s->blocks, KH_PS_ATT_LINE, NULL, kh_vn_attached_line(prog, o));
	kh_pdoc_add(&s->blocks, KH_PS_ATT_RULE, NULL, NULL);
	items(&s->blocks, &o->items, 0, party);
	if (skeleton)
		kh_pdoc_blank_foot(&s->blocks, party);
	return s;
}

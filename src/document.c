/*
 * document.c - the printed document's model: the style table, the pieces
 * it is built of, the header block (issuer, motto, number, place-date,
 * kind and title), the foot (recipients and signature), and the driver
 * that puts a plan together. The body is document_body.c's, the
 * attachments document_outline.c's.
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>
#include <utf8proc.h>

#include "document_int.h"
#include "vn_numbering.h"

/* ---- Styles ------------------------------------------------------------- */

/*
 * Type sizes follow DOMAIN.md §1.1/§1.2 (NĐ 30: Quốc hiệu 12-13 bold caps,
 * Tiêu ngữ 13-14 bold underlined, issuer 12-13 bold caps over a 1/3-1/2
 * rule, "Số:" 13, kind and title 13-14 bold, signature 13-14 bold; HD 36:
 * the Party heading and the kind 15-16 bold). Body 14pt, justified,
 * first-line indent 1 cm, 6pt after; the recipients 11pt under a 12pt
 * bold italic label. The same numbers are in emit_html.c's stylesheet.
 */
#define TEXT(id, al, hp, b, i, u) id, KH_SHAPE_TEXT, KH_ALIGN_##al, hp, b, i, u
static const kh_pdoc_style_info styles[KH_PS__COUNT] = {
	/*                 id, align, size, bold, italic, underline: indent, inset, before, after, line, height, outline, keep */
	[KH_PS_SUPERIOR] = { TEXT("superior", CENTER, 26, 0, 0, 0), 0, 0, 0, 0, 0, 0, 0, 0 },
	[KH_PS_ISSUER] = { TEXT("issuer-name", CENTER, 26, 1, 0, 0), 0, 0, 0, 0, 0, 0, 0, 0 },
	[KH_PS_ISSUER_RULE] = { "rule", KH_SHAPE_RULE, KH_ALIGN_CENTER, 0, 0, 0, 0, 0, 32, 2, 0, 0, 0, 0, 0 },
	[KH_PS_STAR] = { TEXT("star", CENTER, 26, 0, 0, 0), 0, 0, 0, 0, 110, 0, 0, 0 },
	[KH_PS_NUMBER] = { TEXT("number", CENTER, 26, 0, 0, 0), 0, 0, 8, 0, 0, 0, 0, 0 },
	[KH_PS_SUBJECT] = { TEXT("subject", CENTER, 24, 0, 0, 0), 0, 0, 2, 0, 0, 0, 0, 0 },
	[KH_PS_MOTTO] = { TEXT("motto-1", CENTER, 25, 1, 0, 0), 0, 0, 0, 0, 0, 0, 0, 0 },
	[KH_PS_SLOGAN] = { TEXT("motto-2", CENTER, 27, 1, 0, 1), 0, 0, 0, 0, 0, 0, 0, 0 },
	[KH_PS_PARTY] = { TEXT("party", CENTER, 30, 1, 0, 1), 0, 0, 0, 0, 0, 0, 0, 0 },
	[KH_PS_PLACE_DATE] = { TEXT("place-date", CENTER, 27, 0, 1, 0), 0, 0, 8, 0, 0, 0, 0, 0 },
	[KH_PS_ADDRESSEE] = { TEXT("addressee", CENTER, 28, 0, 0, 0), 0, 0, 6, 6, 0, 0, 0, 0 },
	[KH_PS_KIND] = { TEXT("kind", CENTER, 28, 1, 0, 0), 0, 0, 20, 0, 0, 0, 0, 1 },
	[KH_PS_KIND_PARTY] = { TEXT("kind-party", CENTER, 30, 1, 0, 0), 0, 0, 20, 0, 0, 0, 0, 1 },
	[KH_PS_TITLE] = { TEXT("title", CENTER, 28, 1, 0, 0), 0, 4, 0, 0, 0, 0, 0, 1 },
	[KH_PS_TITLE_RULE] = { "title-rule", KH_SHAPE_RULE, KH_ALIGN_CENTER, 0, 0, 0, 0, 0, 35, 4, 14, 0, 0, 0, 0 },
	[KH_PS_TITLE_DASH] = { TEXT("title-dash", CENTER, 28, 0, 0, 0), 0, 0, 0, 14, 0, 0, 0, 0 },
	[KH_PS_BODY] = { TEXT("body", JUSTIFY, 28, 0, 0, 0), 10, 0, 0, 6, 0, 0, 0, 0 },
	[KH_PS_PART] = { TEXT("part", CENTER, 28, 1, 0, 0), 0, 0, 12, 0, 0, 0, 0, 1 },
	[KH_PS_PART_HEADING] = { TEXT("part-heading", CENTER, 28, 1, 0, 0), 0, 0, 0, 8, 0, 0, 0, 1 },
	[KH_PS_HEADING_1] = { TEXT("heading-1", LEFT, 28, 1, 0, 0), 10, 0, 0, 6, 0, 0, 1, 1 },
	[KH_PS_HEADING_2] = { TEXT("heading-2", LEFT, 28, 1, 0, 0), 10, 0, 0, 6, 0, 0, 2, 1 },
	[KH_PS_HEADING_3] = { TEXT("heading-3", LEFT, 28, 1, 1, 0), 10, 0, 0, 6, 0, 0, 3, 1 },
	[KH_PS_HEADING_4] = { TEXT("heading-4", LEFT, 28, 0, 0, 0), 10, 0, 0, 6, 0, 0, 4, 1 },
	[KH_PS_RECIPIENTS_LABEL] = { TEXT("label", LEFT, 24, 1, 1, 0), 0, 0, 0, 0, 120, 0, 0, 1 },
	[KH_PS_RECIPIENT] = { TEXT("recipient", LEFT, 22, 0, 0, 0), 0, 0, 0, 0, 120, 0, 0, 0 },
	[KH_PS_SIGN_AUTHORITY] = { TEXT("sign-authority", CENTER, 28, 1, 0, 0), 0, 0, 0, 0, 0, 0, 0, 1 },
	[KH_PS_SIGN_POSITION] = { TEXT("sign-position", CENTER, 28, 1, 0, 0), 0, 0, 0, 0, 0, 0, 0, 1 },
	[KH_PS_SIGNED] = { TEXT("signed", CENTER, 28, 0, 1, 0), 0, 0, 10, 10, 0, 0, 0, 1 },
	[KH_PS_SIGN_SPACE] = { "space", KH_SHAPE_SPACE, KH_ALIGN_CENTER, 0, 0, 0, 0, 0, 0, 0, 0, 0, 24, 0, 1 },
	[KH_PS_SIGN_NAME] = { TEXT("sign-name", CENTER, 28, 1, 0, 0), 0, 0, 0, 0, 0, 0, 0, 0 },
	[KH_PS_ATT_NAME] = { TEXT("att-name", CENTER, 28, 1, 0, 0), 0, 0, 12, 0, 0, 0, 0, 1 },
	[KH_PS_ATT_TITLE] = { TEXT("att-title", CENTER, 28, 1, 0, 0), 0, 4, 0, 0, 0, 0, 0, 1 },
	[KH_PS_ATT_LINE] = { TEXT("att-line", CENTER, 28, 0, 1, 0), 0, 0, 0, 0, 0, 0, 0, 1 },
	[KH_PS_ATT_RULE] = { "att-rule", KH_SHAPE_RULE, KH_ALIGN_CENTER, 0, 0, 0, 0, 0, 35, 4, 14, 0, 0, 0, 0 },
	[KH_PS_TEMPLATE_LINE] = { TEXT("centre", CENTER, 28, 1, 0, 0), 0, 0, 0, 0, 0, 0, 0, 1 },
	[KH_PS_CONDITION] = { TEXT("condition", JUSTIFY, 24, 0, 1, 0), 10, 0, 0, 6, 0, 0, 0, 0 },
};
#undef TEXT

const kh_pdoc_style_info *kh_pdoc_style_of(kh_pdoc_style s)
{
	return &styles[s < KH_PS__COUNT ? s : KH_PS_BODY];
}

/* ---- Pieces --------------------------------------------------------------- */

kh_pdoc_para *kh_pdoc_para_new(kh_pdoc_style style, const char *mark, const char *text)
{
	kh_pdoc_para *p = KH_NEW(kh_pdoc_para);
	p->style = style;
	p->mark = mark;
	if (text)
		kh_pdoc_run_add(p, text, 0);
	return p;
}

void kh_pdoc_run_add(kh_pdoc_para *p, const char *text, unsigned flags)
{
	kh_pdoc_run *r = KH_NEW(kh_pdoc_run);
	r->text = text ? text : "";
	r->flags = flags;
	kh_vec_push(&p->runs, r);
}

kh_pdoc_para *kh_pdoc_add(kh_vec *blocks, kh_pdoc_style style, const char *mark, const char *text)
{
	kh_pdoc_block *b = KH_NEW(kh_pdoc_block);
	b->kind = KH_BLOCK_PARA;
	b->para = kh_pdoc_para_new(style, mark, text);
	kh_vec_push(blocks, b);
	return b->para;
}

const char *kh_pdoc_para_text(const kh_pdoc_para *p)
{
	if (p->runs.n == 1)
		return KH_VEC_AT(p->runs, kh_pdoc_run, 0)->text;
	kh_buf b = { 0 };
	for (size_t i = 0; i < p->runs.n; i++)
		kh_buf_puts(&b, KH_VEC_AT(p->runs, kh_pdoc_run, i)->text);
	return kh_buf_cstr(&b);
}

kh_pdoc_section *kh_pdoc_section_add(kh_pdoc *doc, kh_pdoc_section_kind kind, bool new_page)
{
	kh_pdoc_section *s = KH_NEW(kh_pdoc_section);
	s->kind = kind;
	s->new_page = new_page;
	kh_vec_push(&doc->sections, s);
	return s;
}

kh_pdoc_grid *kh_pdoc_grid_add(kh_vec *blocks, kh_pdoc_grid_kind kind, int left, int right)
{
	kh_pdoc_block *b = KH_NEW(kh_pdoc_block);
	b->kind = KH_BLOCK_GRID;
	b->grid = KH_NEW(kh_pdoc_grid);
	b->grid->kind = kind;
	b->grid->width_pct[0] = (unsigned char)left;
	b->grid->width_pct[1] = (unsigned char)right;
	kh_vec_push(blocks, b);
	return b->grid;
}

kh_pdoc_row *kh_pdoc_row_add(kh_pdoc_grid *g, kh_pdoc_cell_kind left, kh_pdoc_cell_kind right)
{
	kh_pdoc_row *r = KH_NEW(kh_pdoc_row);
	r->cell[0].kind = left;
	r->cell[1].kind = right;
	kh_vec_push(&g->rows, r);
	return r;
}

kh_pdoc_para *kh_pdoc_cell_add(kh_pdoc_cell *c, kh_pdoc_style style, const char *text)
{
	kh_pdoc_para *p = kh_pdoc_para_new(style, NULL, text);
	kh_vec_push(&c->paras, p);
	return p;
}

/* ---- Words ------------------------------------------------------------------ */

const char *kh_pdoc_lower_first(const char *s)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &c);
	if (n <= 0)
		return s;
	utf8proc_uint8_t enc[4];
	utf8proc_ssize_t k = utf8proc_encode_char(utf8proc_tolower(c), enc);
	return kh_printf("%.*s%s", (int)k, (const char *)enc, s + n);
}

char kh_pdoc_last_char(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n ? s[n - 1] : 0;
}

const char *kh_pdoc_strip_end(const char *s, const char *marks)
{
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n > 0 && strchr(marks, s[n - 1]))
		n--;
	return kh_strndup(s, n);
}

const char *kh_pdoc_ref_name(const kh_ref *r, bool first)
{
	switch (r->kind) {
	case KH_REF_BODY: {
		const char *n = r->body ? r->body->name : r->text ? r->text : "…";
		/* "A và các tổ chức …": a plural name is lower case inside a list. */
		if (!first && (!strncmp(n, "Các ", 4) || !strncmp(n, "Những ", 8)))
			return kh_pdoc_lower_first(n);
		return n;
	}
	case KH_REF_LEVEL:
		if (!r->level)
			return "…";
		return kh_printf("%s %s", first ? "Các đơn vị" : "các đơn vị",
				 kh_pdoc_lower_first(r->level->name));
	case KH_REF_SUPERIOR: return first ? "Cấp trên trực tiếp" : "cấp trên trực tiếp";
	case KH_REF_ORGLEVEL: return first ? "Cấp tổ chức" : "cấp tổ chức";
	case KH_REF_TEXT: return r->text ? r->text : "";
	}
	return "";
}

const char *kh_pdoc_ref_list(const kh_vec *refs)
{
	kh_buf b = { 0 };
	for (size_t i = 0; i < refs->n; i++) {
		const kh_ref *r = KH_VEC_AT(*refs, kh_ref, i);
		if (i > 0)
			kh_buf_puts(&b, r->joined ? " + " : i + 1 == refs->n ? " và " : ", ");
		kh_buf_puts(&b, kh_pdoc_ref_name(r, i == 0));
	}
	return kh_buf_cstr(&b);
}

/* ---- Header block ------------------------------------------------------------ */

/*
 * Two columns, two rows, so the number and the place-date line share a
 * baseline: issuer (superior on line 1 when known, the issuing body in
 * bold, then a short rule for the state or '*' for the Party) over "Số";
 * national motto (state) or "ĐẢNG CỘNG SẢN VIỆT NAM" (Party), underlined,
 * over the italic place-date line. Then the kind and the title, with a
 * short rule (NĐ 30) or "-----" (HD 36) under it.
 */
static void header(kh_pdoc_builder *b)
{
	const kh_plan *p = b->p;
	kh_pdoc_grid *g = kh_pdoc_grid_add(b->blocks, KH_GRID_HEAD, 40, 60);
	kh_pdoc_row *top = kh_pdoc_row_add(g, KH_CELL_ISSUER, KH_CELL_NATION);
	kh_pdoc_cell *issuer = &top->cell[0], *nation = &top->cell[1];
	/* The two lines the resolver settled (resolve_forms.c): the body
	 * above, when there is one, and the issuer. */
	if (p->header.superior)
		kh_pdoc_cell_add(issuer, KH_PS_SUPERIOR, p->header.superior);
	kh_pdoc_cell_add(issuer, KH_PS_ISSUER, p->header.issuer ? p->header.issuer : "…");
	if (b->party) {
		kh_pdoc_cell_add(issuer, KH_PS_STAR, "*");
		kh_pdoc_cell_add(nation, KH_PS_PARTY, "ĐẢNG CỘNG SẢN VIỆT NAM");
	} else {
		kh_pdoc_cell_add(issuer, KH_PS_ISSUER_RULE, NULL);
		kh_pdoc_cell_add(nation, KH_PS_MOTTO, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
		kh_pdoc_cell_add(nation, KH_PS_SLOGAN, "Độc lập - Tự do - Hạnh phúc");
	}
	kh_pdoc_row *second = kh_pdoc_row_add(g, KH_CELL_NUMBER, KH_CELL_PLACE_DATE);
	kh_pdoc_cell_add(&second->cell[0], KH_PS_NUMBER,
			 kh_printf("%s%s", b->party ? "Số " : "Số: ", kh_vn_number(b->prog)));
	if (p->header.summary) /* a letter: "V/v …" under its number */
		kh_pdoc_cell_add(&second->cell[0], KH_PS_SUBJECT, p->header.summary);
	kh_pdoc_cell_add(&second->cell[1], KH_PS_PLACE_DATE,
			 kh_vn_place_date(p->place, p->has_date, p->date));

	if (!p->header.kind_heading)
		return; /* a letter has no kind heading: its "V/v" line says what it is */
	kh_pdoc_add(b->blocks, b->party ? KH_PS_KIND_PARTY : KH_PS_KIND, NULL, p->header.kind_heading);
	if (p->title)
		kh_pdoc_add(b->blocks, KH_PS_TITLE, NULL, p->title);
	if (b->party)
		kh_pdoc_add(b->blocks, KH_PS_TITLE_DASH, NULL, "-----");
	else
		kh_pdoc_add(b->blocks, KH_PS_TITLE_RULE, NULL, NULL);
}

/* "Kính gửi: A." on one line, or "Kính gửi:" then one "- " line each,
 * ';' between and '.' at the end (NĐ 30/2020, Phụ lục I). */
static void addressees(kh_pdoc_builder *b)
{
	const kh_vec *v = &b->p->addressees;
	if (!v->n)
		return;
	if (v->n > 1)
		kh_pdoc_add(b->blocks, KH_PS_ADDRESSEE, NULL, "Kính gửi:");
	for (size_t i = 0; i < v->n; i++) {
		const kh_recipient *a = KH_VEC_AT(*v, kh_recipient, i);
		const char *line = kh_pdoc_strip_end(kh_pdoc_ref_list(&a->refs), ".,;");
		if (a->purpose)
			line = kh_printf("%s (%s)", line, a->purpose);
		line = kh_printf("%s%s", line, i + 1 < v->n ? ";" : ".");
		kh_pdoc_add(b->blocks, KH_PS_ADDRESSEE, v->n > 1 ? "-" : NULL,
			    v->n > 1 ? line : kh_printf("Kính gửi: %s", line));
	}
}

/* ---- Recipients and signature ------------------------------------------------ */

/* One "- " line of "Nơi nhận:", ending with ';', the purpose in italics:
 * "- Ban Tổ chức Trung ương (để báo cáo);". */
static void recipient_line(kh_pdoc_cell *c, const kh_recipient *rc)
{
	kh_pdoc_para *l = kh_pdoc_cell_add(c, KH_PS_RECIPIENT, NULL);
	l->mark = "-";
	kh_pdoc_run_add(l, kh_pdoc_strip_end(kh_pdoc_ref_list(&rc->refs), ".,;"), 0);
	if (rc->purpose) {
		kh_pdoc_run_add(l, " (", 0);
		kh_pdoc_run_add(l, rc->purpose, KH_RUN_ITALIC);
		kh_pdoc_run_add(l, ")", 0);
	}
	kh_pdoc_run_add(l, ";", 0);
}

/* The archive line in the family's form: state "- Lưu: VT, Hoàng.",
 * Party "- Lưu Văn phòng Tỉnh ủy." (no colon). */
static void archive_line(kh_pdoc_cell *c, const kh_recipient *a, bool party)
{
	const char *what = a->refs.n ? kh_pdoc_ref_list(&a->refs) : a->purpose ? a->purpose : "";
	what = kh_pdoc_strip_end(what, ".,;");
	kh_pdoc_cell_add(c, KH_PS_RECIPIENT, kh_printf("%s%s.", party ? "Lưu " : "Lưu: ", what))->mark = "-";
}

/* The signature: its signing lines top to bottom ("TM. ỦY BAN NHÂN DÂN",
 * "KT. CHỦ TỊCH"), the position, "Đã ký" on a copy (else room to sign),
 * the signer's name. */
static void signature(kh_pdoc_cell *c, const kh_signature *s)
{
	for (size_t i = 0; i < s->lines.n; i++) {
		const kh_sign_line *l = KH_VEC_AT(s->lines, kh_sign_line, i);
		kh_pdoc_cell_add(c, KH_PS_SIGN_AUTHORITY,
				 l->text && *l->text ? kh_printf("%s %s", l->form, l->text) : l->form);
	}
	if (s->position)
		kh_pdoc_cell_add(c, KH_PS_SIGN_POSITION, kh_vn_upper(s->position));
	if (s->signed_mark)
		kh_pdoc_cell_add(c, KH_PS_SIGNED, "Đã ký");
	else
		kh_pdoc_cell_add(c, KH_PS_SIGN_SPACE, NULL);
	if (s->name)
		kh_pdoc_cell_add(c, KH_PS_SIGN_NAME, s->name);
}

static void foot(kh_pdoc_builder *b)
{
	const kh_plan *p = b->p;
	if (!p->has_recipients && !p->signature)
		return;
	kh_pdoc_grid *g = kh_pdoc_grid_add(b->blocks, KH_GRID_FOOT, 50, 50);
	g->before_pt = 12;
	kh_pdoc_row *row = kh_pdoc_row_add(g, KH_CELL_RECIPIENTS, KH_CELL_SIGN);
	if (p->has_recipients) {
		kh_pdoc_cell_add(&row->cell[0], KH_PS_RECIPIENTS_LABEL, "Nơi nhận:");
		for (size_t i = 0; i < p->recipients.n; i++)
			recipient_line(&row->cell[0], KH_VEC_AT(p->recipients, kh_recipient, i));
		if (p->archive)
			archive_line(&row->cell[0], p->archive, b->party);
	}
	if (p->signature)
		signature(&row->cell[1], p->signature);
}

void kh_pdoc_blank_foot(kh_vec *blocks, bool party)
{
	kh_pdoc_grid *g = kh_pdoc_grid_add(blocks, KH_GRID_FOOT, 50, 50);
	g->before_pt = 12;
	kh_pdoc_row *row = kh_pdoc_row_add(g, KH_CELL_RECIPIENTS, KH_CELL_SIGN);
	kh_pdoc_cell_add(&row->cell[0], KH_PS_RECIPIENTS_LABEL, "Nơi nhận:");
	kh_pdoc_cell_add(&row->cell[0], KH_PS_RECIPIENT, "…;")->mark = "-";
	kh_pdoc_cell_add(&row->cell[0], KH_PS_RECIPIENT, party ? "Lưu …." : "Lưu: VT, ….")->mark = "-";
	/* NĐ 30's own templates (Phụ lục I) write these words where the
	 * signer's authority, position and name go. */
	kh_pdoc_cell_add(&row->cell[1], KH_PS_SIGN_AUTHORITY, "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ");
	kh_pdoc_cell_add(&row->cell[1], KH_PS_SIGN_SPACE, NULL);
	kh_pdoc_cell_add(&row->cell[1], KH_PS_SIGN_NAME, "Họ và tên");
}

/* ---- The document ------------------------------------------------------------- */

static kh_pdoc *new_doc(const kh_program *prog, const char *title)
{
	kh_pdoc *doc = KH_NEW(kh_pdoc);
	doc->party = kh_vn_system(prog) == KH_SYSTEM_PARTY;
	doc->title = title;
	doc->page = (kh_pdoc_page){
		.width_mm = 210, .height_mm = 297,
		.top_mm = 20, .bottom_mm = 20, .left_mm = 30, .right_mm = 15,
		.header_mm = 10, .number_half_points = 26,
		.base_half_points = 28, .line_pct = 130, .after_pt = 6,
		.font = "Times New Roman",
	};
	return doc;
}

void kh_pdoc_flush(kh_pdoc_builder *b)
{
	if (!b->sink)
		return;
	kh_vec *v = b->blocks;
	for (uint32_t i = 0; i < v->n; i++)
		b->sink->block(b->sink->ctx, b->doc, v->items[i]);
	/* cleared: the collector scans the whole array, past n too */
	memset(v->items, 0, v->n * sizeof *v->items);
	v->n = 0;
	kh_alloc_step_done(b->prog->main ? b->prog->main->len : 0);
}

/* Section S of the document, begun (streamed: handed to the sink). */
static void begin_section(kh_pdoc_builder *b, kh_pdoc_section *s)
{
	b->blocks = &s->blocks;
	if (b->sink)
		b->sink->section(b->sink->ctx, b->doc, s);
}

kh_pdoc *kh_pdoc_plan_to(const kh_program *prog, const kh_pdoc_hooks *hooks, const kh_pdoc_sink *sink)
{
	const kh_plan *p = prog->plan;
	if (!p)
		return NULL;
	const char *kind = kh_doc_kind_vi(p->kind);
	kh_pdoc *doc = new_doc(prog, p->number && *p->number ? kh_printf("%s %s", kind, p->number)
				     : p->title ? kh_printf("%s %s", kind, p->title) : kind);
	kh_pdoc_builder b = { .prog = prog, .p = p, .party = doc->party, .hooks = hooks,
			      .sink = sink, .doc = doc };
	begin_section(&b, kh_pdoc_section_add(doc, KH_SECTION_MAIN, false));
	header(&b);
	addressees(&b);
	if (p->preamble)
		kh_pdoc_add(b.blocks, KH_PS_BODY, NULL, p->preamble);
	kh_pdoc_flush(&b);
	kh_pdoc_body(&b, &p->items, 0);
	if (p->closing)
		kh_pdoc_add(b.blocks, KH_PS_BODY, NULL, p->closing);
	foot(&b);
	kh_pdoc_flush(&b);
	for (size_t i = 0; i < p->outlines.n; i++) {
		kh_pdoc_section *s = kh_pdoc_attachment(prog, KH_VEC_AT(p->outlines, kh_outline, i), true, false);
		kh_vec_push(&doc->sections, s);
		begin_section(&b, s);
		kh_pdoc_flush(&b);
	}
	return doc;
}

kh_pdoc *kh_pdoc_plan(const kh_program *prog, const kh_pdoc_hooks *hooks)
{
	return kh_pdoc_plan_to(prog, hooks, NULL);
}

kh_pdoc *kh_pdoc_outlines(const kh_program *prog, bool skeleton)
{
	const kh_plan *p = prog->plan;
	if (!p || !p->outlines.n)
		return NULL;
	const kh_outline *first = KH_VEC_AT(p->outlines, kh_outline, 0);
	const char *name = first->name ? first->name : "Đề cương";
	kh_pdoc *doc = new_doc(prog, first->title ? kh_printf("%s %s", name, first->title) : name);
	for (size_t i = 0; i < p->outlines.n; i++)
		kh_vec_push(&doc->sections, kh_pdoc_attachment(prog, KH_VEC_AT(p->outlines, kh_outline, i),
							       i > 0, skeleton));
	return doc;
}

/*
 * emit_render.c - the whole plan as one self-contained HTML5 document in
 * the official layout (NĐ 30/2020 for state documents, HD 36-HD/VPTW for
 * Party ones): header block, number and place-date line, kind and title,
 * the numbered body, recipients and signature, attached outlines.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "emit.h"
#include "resolve.h"
#include "vn_numbering.h"

/* ---- HTML pieces shared with emit_outline.c ---------------------------- */

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
 * Type sizes follow DOMAIN.md §1.1/§1.2. Page numbers go centred in the
 * top margin from page 2 (browsers without margin boxes leave them out).
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
	".centre { text-align: center; text-indent: 0; font-weight: bold; margin: 0; }\n";

void kh_html_begin(kh_buf *out, const char *title)
{
	kh_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
			 "<meta name=\"generator\" content=\"kehoach\">\n<title>");
	kh_html_escape(out, title);
	kh_buf_puts(out, "</title>\n<style>\n");
	kh_buf_puts(out, stylesheet);
	kh_buf_puts(out, "</style>\n</head>\n<body>\n");
}

void kh_html_end(kh_buf *out)
{
	kh_buf_puts(out, "</body>\n</html>\n");
}

/* ---- Helpers ------------------------------------------------------------ */

typedef struct render {
	kh_buf *out;
	const kh_program *prog;
	const kh_plan *p;
	bool party;
} render;

/* S with its first letter in lower case ("Cấp huyện" -> "cấp huyện"). */
static const char *lower_first(const char *s)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &c);
	if (n <= 0)
		return s;
	utf8proc_uint8_t enc[4];
	utf8proc_ssize_t k = utf8proc_encode_char(utf8proc_tolower(c), enc);
	return kh_printf("%.*s%s", (int)k, (const char *)enc, s + n);
}

static bool starts_lower(const char *s)
{
	utf8proc_int32_t c;
	if (utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &c) <= 0)
		return false;
	return utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

/* The last non-space byte of S, or 0. */
static char last_char(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n ? s[n - 1] : 0;
}

/* S without trailing spaces and without one trailing mark from MARKS. */
static const char *strip_end(const char *s, const char *marks)
{
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n > 0 && strchr(marks, s[n - 1]))
		n--;
	return kh_strndup(s, n);
}

/* S ending with a full stop unless it already ends with a mark. */
static const char *sentence(const char *s)
{
	char c = last_char(s);
	if (!c || strchr(".;:!?", c))
		return s;
	return kh_printf("%s.", s);
}

static const char *ref_name(const kh_ref *r, bool first)
{
	switch (r->kind) {
	case KH_REF_BODY: {
		const char *n = r->body ? r->body->name : r->text ? r->text : "…";
		/* "A và các tổ chức …": a plural name is lower case inside a list. */
		if (!first && (!strncmp(n, "Các ", 4) || !strncmp(n, "Những ", 8)))
			return lower_first(n);
		return n;
	}
	case KH_REF_LEVEL:
		if (!r->level)
			return "…";
		return kh_printf("%s %s", first ? "Các đơn vị" : "các đơn vị", lower_first(r->level->name));
	case KH_REF_SUPERIOR: return first ? "Cấp trên trực tiếp" : "cấp trên trực tiếp";
	case KH_REF_ORGLEVEL: return first ? "Cấp tổ chức" : "cấp tổ chức";
	case KH_REF_TEXT: return r->text ? r->text : "";
	}
	return "";
}

/* References as a phrase: "A, B và C"; '+'-joined ones as "A + B". */
static const char *ref_list(const kh_vec *refs)
{
	kh_buf b = { 0 };
	for (size_t i = 0; i < refs->n; i++) {
		const kh_ref *r = KH_VEC_AT(*refs, kh_ref, i);
		if (i > 0)
			kh_buf_puts(&b, r->joined ? " + " : i + 1 == refs->n ? " và " : ", ");
		kh_buf_puts(&b, ref_name(r, i == 0));
	}
	return kh_buf_cstr(&b);
}

static const kh_task *find_task(const kh_plan *p, const char *id)
{
	for (size_t i = 0; id && i < p->tasks.n; i++)
		if (!strcmp(KH_VEC_AT(p->tasks, kh_task, i)->id, id))
			return KH_VEC_AT(p->tasks, kh_task, i);
	return NULL;
}

static const kh_meeting *find_meeting(const kh_plan *p, const char *id)
{
	for (size_t i = 0; id && i < p->meetings.n; i++)
		if (!strcmp(KH_VEC_AT(p->meetings, kh_meeting, i)->id, id))
			return KH_VEC_AT(p->meetings, kh_meeting, i);
	return NULL;
}

static const kh_award_form *find_form(const kh_plan *p, const char *id)
{
	for (size_t i = 0; id && i < p->award_forms.n; i++)
		if (!strcmp(KH_VEC_AT(p->award_forms, kh_award_form, i)->id, id))
			return KH_VEC_AT(p->award_forms, kh_award_form, i);
	return NULL;
}

/* <p class="CLS">MARK TEXT</p>; MARK and CLS may be NULL. */
static void para(render *r, const char *cls, const char *mark, const char *text)
{
	kh_buf_puts(r->out, cls ? kh_printf("<p class=\"%s\">", cls) : "<p>");
	if (mark) {
		kh_html_escape(r->out, mark);
		kh_buf_putc(r->out, ' ');
	}
	kh_html_escape(r->out, text);
	kh_buf_puts(r->out, "</p>\n");
}

/* ---- Header block -------------------------------------------------------- */

/*
 * Two columns, two rows, so the number and the place-date line share a
 * baseline: issuer (superior on line 1 when known, the issuing body in
 * bold, then a short rule for the state or '*' for the Party) over "Số";
 * national motto (state) or "ĐẢNG CỘNG SẢN VIỆT NAM" (Party), underlined,
 * over the italic place-date line.
 */
static void header(render *r)
{
	const kh_plan *p = r->p;
	kh_buf *o = r->out;
	kh_buf_puts(o, "<table class=\"head\">\n<tbody>\n<tr><td class=\"issuer\">");
	if (p->header.superior) {
		kh_buf_puts(o, "<div class=\"superior\">");
		kh_html_escape(o, p->header.superior);
		kh_buf_puts(o, "</div>");
	}
	kh_buf_puts(o, "<div class=\"issuer-name\">");
	kh_html_escape(o, p->header.issuer);
	kh_buf_puts(o, "</div>");
	kh_buf_puts(o, r->party ? "<div class=\"star\">*</div>" : "<div class=\"rule\"></div>");
	kh_buf_puts(o, "</td><td class=\"nation\">");
	if (r->party)
		kh_buf_puts(o, "<div class=\"party\">ĐẢNG CỘNG SẢN VIỆT NAM</div>");
	else
		kh_buf_puts(o, "<div class=\"motto-1\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>"
			       "<div class=\"motto-2\">Độc lập - Tự do - Hạnh phúc</div>");
	kh_buf_puts(o, "</td></tr>\n<tr><td class=\"number\">");
	kh_buf_puts(o, r->party ? "Số " : "Số: ");
	kh_html_escape(o, kh_vn_number(r->prog));
	if (p->header.summary) { /* a letter: "V/v …" under its number */
		kh_buf_puts(o, "<div class=\"summary\">");
		kh_html_escape(o, p->header.summary);
		kh_buf_puts(o, "</div>");
	}
	kh_buf_puts(o, "</td><td class=\"place-date\">");
	kh_html_escape(o, kh_vn_place_date(p->place, p->has_date, p->date));
	kh_buf_puts(o, "</td></tr>\n</tbody>\n</table>\n");

	if (!p->header.kind_heading)
		return; /* a letter: its "V/v" line stands under the number */
	para(r, "kind", NULL, p->header.kind_heading);
	if (p->title)
		para(r, "title", NULL, p->title);
	/* Under the title: NĐ 30 draws a short rule, HD 36 writes "-----". */
	if (r->party)
		kh_buf_puts(o, "<p class=\"title-dash\">-----</p>\n");
	else
		kh_buf_puts(o, "<div class=\"title-rule\"></div>\n");
}

/* "Kính gửi: A." on one line, or one "- " line each, ';' between and
 * '.' at the end (NĐ 30/2020, Phụ lục I). */
static void addressees(render *r)
{
	const kh_vec *v = &r->p->addressees;
	if (!v->n)
		return;
	if (v->n > 1)
		kh_buf_puts(r->out, "<p class=\"to\">Kính gửi:</p>\n");
	for (size_t i = 0; i < v->n; i++) {
		const kh_recipient *a = KH_VEC_AT(*v, kh_recipient, i);
		const char *line = strip_end(ref_list(&a->refs), ".,;");
		if (a->purpose)
			line = kh_printf("%s (%s)", line, a->purpose);
		para(r, "to", v->n > 1 ? "-" : "Kính gửi:", kh_printf("%s%s", line, i + 1 < v->n ? ";" : "."));
	}
}

/* ---- Body ----------------------------------------------------------------- */

static bool is_point(kh_item_kind k)
{
	return k == KH_ITEM_PURPOSE || k == KH_ITEM_REQUIREMENT || k == KH_ITEM_CONTENT ||
	       k == KH_ITEM_TASK || k == KH_ITEM_AWARD_FORM;
}

/* ITEMS with the awards and budget blocks opened: their headings and
 * lines number together with their neighbours. */
static void flatten(render *r, const kh_vec *items, kh_vec *out)
{
	for (size_t i = 0; i < items->n; i++) {
		kh_item *it = KH_VEC_AT(*items, kh_item, i);
		if (it->kind == KH_ITEM_AWARDS || it->kind == KH_ITEM_BUDGET) {
			flatten(r, &it->items, out);
			continue;
		}
		kh_vec_push(out, it);
	}
}

/* The text of one attendee group, without its final stop. LEAD: the
 * group is a line of its own (a guest line then reads "Mời …"). */
static const char *group_text(const kh_group *g, bool lead)
{
	const char *t = "";
	switch (g->kind) {
	case KH_GROUP_ATTEND:
		t = g->text ? g->text : ref_list(&g->refs);
		break;
	case KH_GROUP_GUEST:
		t = g->text ? g->text : ref_list(&g->refs);
		if (lead && starts_lower(t))
			t = kh_printf("Mời %s", t);
		break;
	case KH_GROUP_EACH: {
		kh_buf b = { 0 };
		const char *per = "…";
		if (g->per)
			per = g->per->kind == KH_REF_LEVEL && g->per->level
				      ? kh_printf("đơn vị %s", lower_first(g->per->level->name))
				      : ref_name(g->per, false);
		kh_buf_printf(&b, "Mỗi %s %02ld", per, g->count);
		for (size_t i = 0; i < g->exceptions.n; i++) {
			const kh_exception *x = KH_VEC_AT(g->exceptions, kh_exception, i);
			kh_buf_printf(&b, "%s%s %02ld", i ? ", " : " (riêng ",
				      x->ref ? ref_name(x->ref, true) : "…", x->count);
		}
		if (g->exceptions.n)
			kh_buf_putc(&b, ')');
		if (g->text)
			kh_buf_printf(&b, " %s", g->text);
		t = kh_buf_cstr(&b);
		break;
	}
	case KH_GROUP_GROUP: {
		kh_buf b = { 0 };
		if (g->text)
			kh_buf_printf(&b, "%s: ", g->text);
		for (size_t i = 0; i < g->groups.n; i++) {
			if (i)
				kh_buf_puts(&b, "; ");
			kh_buf_puts(&b, strip_end(group_text(KH_VEC_AT(g->groups, kh_group, i), false), "."));
		}
		t = kh_buf_cstr(&b);
		break;
	}
	case KH_GROUP_TEXT:
		t = g->text ? g->text : "";
		break;
	}
	return strip_end(t, ".");
}

/*
 * A meeting prints as its attendee list ("thành phần"), one "+" line per
 * group, under "- Đối với cấp …" when the groups are given per level; the
 * other facts of a meeting (chair, length, time) are the prose's. The list
 * is printed where the source lists it: where the meeting opens its
 * section or follows a line ending in ':' ("… bao gồm:"). A meeting after
 * a task or a sentence restates that prose as data and prints nothing
 * (KH-tinh-uy-CT10-2017's conferences, KH-dang-uy-xa-2023's).
 */
static void meeting(render *r, const kh_meeting *m)
{
	const kh_level *level = NULL;
	for (size_t i = 0; i < m->attendees.n; i++) {
		const kh_group *g = KH_VEC_AT(m->attendees, kh_group, i);
		if (g->at_level && g->at_level != level) {
			level = g->at_level;
			para(r, NULL, "-", kh_printf("Đối với %s", lower_first(level->name)));
		}
		const char *t = group_text(g, true);
		if (*t)
			para(r, NULL, "+", sentence(t));
	}
}

static void body(render *r, const kh_vec *items, int depth);

static void part(render *r, const kh_item *it, int n)
{
	para(r, "part", NULL, kh_vn_part_label(n, r->party));
	if (it->text)
		para(r, "part-heading", NULL, it->text);
	body(r, &it->items, 0);
}

/* The heading of a section at DEPTH: h2 for "I.", h3 "1.", h4 "a)", h5 below. */
static void heading(render *r, int depth, const char *mark, const char *text)
{
	int h = depth < 1 ? 2 : depth > 3 ? 5 : depth + 1;
	kh_buf_printf(r->out, "<h%d>", h);
	kh_html_escape(r->out, mark);
	kh_buf_putc(r->out, ' ');
	kh_html_escape(r->out, text ? text : "");
	kh_buf_printf(r->out, "</h%d>\n", h);
}

/* The text of a point: a task's line, an award form's name, or the item's. */
static const char *point_text(render *r, const kh_item *it, const kh_task **task)
{
	*task = NULL;
	if (it->kind == KH_ITEM_TASK) {
		*task = it->decl ? it->decl : find_task(r->p, it->ref_id);
		return *task && (*task)->text ? (*task)->text : it->text ? it->text : "";
	}
	if (it->kind == KH_ITEM_AWARD_FORM) {
		const kh_award_form *f = it->decl ? it->decl : find_form(r->p, it->ref_id);
		return f && f->name ? f->name : it->ref_id ? it->ref_id : "";
	}
	return it->text ? it->text : "";
}

/*
 * The items of a block whose headings sit at DEPTH + 1 (DEPTH 0: the top
 * of the document or of a Phần). Headings number by depth (vn_numbering.h).
 * Points (purposes, requirements, contents, tasks, award forms) number as
 * the source documents do:
 *   - among headings of the same block, they share the headings' count
 *     ("1." task, "2." heading "Giao Bộ CHQS tỉnh:", "3." task);
 *   - several under an "I." heading are "1.", "2.", …; deeper down they
 *     are "-" lines;
 *   - a single one is a plain paragraph (a list of one is not a list), and
 *     so are points at the top of the document.
 * Prose keeps its own marks: paragraphs, "-" bullets, "+" sub-bullets.
 */
static void body(render *r, const kh_vec *items, int depth)
{
	kh_vec v = { 0 };
	flatten(r, items, &v);
	size_t nsec = 0, npts = 0;
	for (size_t i = 0; i < v.n; i++) {
		kh_item_kind k = KH_VEC_AT(v, kh_item, i)->kind;
		nsec += k == KH_ITEM_SECTION;
		npts += is_point(k);
	}
	int count = 0, parts = 0;
	const kh_item *prev = NULL;
	for (size_t i = 0; i < v.n; i++) {
		const kh_item *it = KH_VEC_AT(v, kh_item, i);
		switch (it->kind) {
		case KH_ITEM_PART:
			part(r, it, ++parts);
			break;
		case KH_ITEM_SECTION:
			count++;
			heading(r, depth + 1, kh_vn_marker(depth + 1, count), it->text);
			body(r, &it->items, depth + 1);
			break;
		case KH_ITEM_PARAGRAPH:
		case KH_ITEM_LINE:
		case KH_ITEM_AWARD_CRITERIA:
			para(r, NULL, NULL, it->text ? it->text : "");
			break;
		case KH_ITEM_BULLET:
		case KH_ITEM_AWARD_TARGET:
		case KH_ITEM_BUDGET_LINE:
			para(r, NULL, "-", it->text ? it->text : "");
			break;
		case KH_ITEM_SUBBULLET:
			para(r, NULL, "+", it->text ? it->text : "");
			break;
		case KH_ITEM_PURPOSE:
		case KH_ITEM_REQUIREMENT:
		case KH_ITEM_CONTENT:
		case KH_ITEM_TASK:
		case KH_ITEM_AWARD_FORM: {
			const kh_task *t;
			const char *text = point_text(r, it, &t);
			const char *mark = NULL;
			if (depth >= 1 && nsec > 0)
				mark = kh_vn_marker(depth + 1, ++count);
			else if (depth == 1 && npts >= 2)
				mark = kh_vn_marker(2, ++count);
			else if (depth >= 2 && npts >= 2)
				mark = "-";
			para(r, NULL, mark, text);
			for (size_t j = 0; t && j < t->description.n; j++)
				para(r, NULL, NULL, KH_VEC_AT(t->description, const char, j));
			break;
		}
		case KH_ITEM_MEETING: {
			const kh_meeting *m = it->decl ? it->decl : find_meeting(r->p, it->ref_id);
			if (m && (!prev || last_char(prev->text) == ':'))
				meeting(r, m);
			break;
		}
		case KH_ITEM_AWARDS:
		case KH_ITEM_BUDGET:
		case KH_ITEM_RECIPIENTS:
		case KH_ITEM_SIGNATURE:
		case KH_ITEM_OUTLINE:
			break; /* opened by flatten, or printed at the foot / after */
		}
		prev = it;
	}
}

/* ---- Recipients and signature ------------------------------------------- */

/* One "- " line of "Nơi nhận:", ending with ';' (the archive line with
 * '.'), the purpose in italics: "- Ban Tổ chức Trung ương (để báo cáo);". */
static void recipient_line(render *r, const kh_recipient *rc)
{
	kh_buf *o = r->out;
	const char *names = strip_end(ref_list(&rc->refs), ".,;");
	kh_buf_puts(o, "<p>- ");
	kh_html_escape(o, names);
	if (rc->purpose) {
		kh_buf_puts(o, " (<i>");
		kh_html_escape(o, rc->purpose);
		kh_buf_puts(o, "</i>)");
	}
	kh_buf_puts(o, ";</p>\n");
}

/* The archive line in the family's form: state "- Lưu: VT, Hoàng.",
 * Party "- Lưu Văn phòng Tỉnh ủy." (no colon). */
static void archive_line(render *r, const kh_recipient *a)
{
	const char *what = a->refs.n ? ref_list(&a->refs) : a->purpose ? a->purpose : "";
	what = strip_end(what, ".,;");
	kh_buf_puts(r->out, r->party ? "<p>- Lưu " : "<p>- Lưu: ");
	kh_html_escape(r->out, what);
	kh_buf_puts(r->out, ".</p>\n");
}

static void foot(render *r)
{
	const kh_plan *p = r->p;
	kh_buf *o = r->out;
	if (!p->has_recipients && !p->signature)
		return;
	kh_buf_puts(o, "<table class=\"foot\">\n<tbody>\n<tr><td class=\"recipients\">\n");
	if (p->has_recipients) {
		kh_buf_puts(o, "<p class=\"label\">Nơi nhận:</p>\n");
		for (size_t i = 0; i < p->recipients.n; i++)
			recipient_line(r, KH_VEC_AT(p->recipients, kh_recipient, i));
		if (p->archive)
			archive_line(r, p->archive);
	}
	kh_buf_puts(o, "</td><td class=\"sign\">\n");
	const kh_signature *s = p->signature;
	if (s) {
		for (size_t i = 0; i < s->lines.n; i++) {
			const kh_sign_line *l = KH_VEC_AT(s->lines, kh_sign_line, i);
			para(r, NULL, NULL, *l->text ? kh_printf("%s %s", l->form, l->text) : l->form);
		}
		if (s->position)
			para(r, NULL, NULL, kh_vn_upper(s->position));
		if (s->signed_mark)
			para(r, "signed", NULL, "Đã ký");
		else
			kh_buf_puts(o, "<div class=\"space\"></div>\n");
		if (s->name)
			para(r, NULL, NULL, s->name);
	}
	kh_buf_puts(o, "</td></tr>\n</tbody>\n</table>\n");
}

/* ---- The document ------------------------------------------------------- */

int kh_emit_render_html(const kh_program *prog, kh_buf *out)
{
	const kh_plan *p = prog->plan;
	if (!p) {
		fprintf(stderr, "%s: the file has no plan to render\n", prog->path ? prog->path : "-");
		return 1;
	}
	render r = { .out = out, .prog = prog, .p = p };
	r.party = kh_vn_system(prog) == KH_SYSTEM_PARTY;

	const char *kind = kh_doc_kind_vi(p->kind);
	const char *title = p->number && *p->number ? kh_printf("%s %s", kind, p->number)
		: p->title ? kh_printf("%s %s", kind, p->title) : kind;
	kh_html_begin(out, title);
	kh_buf_printf(out, "<article class=\"page %s\">\n", r.party ? "party-doc" : "state-doc");
	header(&r);
	addressees(&r);
	if (p->preamble)
		para(&r, NULL, NULL, p->preamble);
	body(&r, &p->items, 0);
	if (p->closing)
		para(&r, NULL, NULL, p->closing);
	foot(&r);
	kh_buf_puts(out, "</article>\n");
	for (size_t i = 0; i < p->outlines.n; i++)
		kh_html_outline(out, prog, KH_VEC_AT(p->outlines, kh_outline, i), true);
	kh_html_end(out);
	return 0;
}

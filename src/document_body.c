/*
 * document_body.c - the numbered body of the printed document: parts,
 * headings numbered by depth (vn_numbering.h), prose with its own marks,
 * points (purposes, requirements, contents, tasks, award forms) numbered
 * as the source documents number them, meetings' attendee lists, and the
 * sentences later work composes for an item (kh_pdoc_hooks).
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>
#include <utf8proc.h>

#include "criteria_text.h"
#include "document_int.h"
#include "names.h"
#include "prose_facts.h"
#include "vn_numbering.h"

static bool starts_lower(const char *s)
{
	utf8proc_int32_t c;
	if (utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &c) <= 0)
		return false;
	return utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

/* S ending with a full stop unless it already ends with a mark. */
static const char *sentence(const char *s)
{
	char c = kh_pdoc_last_char(s);
	if (!c || strchr(".;:!?", c))
		return s;
	return kh_printf("%s.", s);
}

static void para(kh_pdoc_builder *b, const char *mark, const char *text)
{
	kh_pdoc_add(b->blocks, KH_PS_BODY, mark, text ? text : "");
}

/* The paragraphs a hook composed for an item, after the item's own. */
static void composed(kh_pdoc_builder *b, const kh_vec *lines)
{
	for (size_t i = 0; lines && i < lines->n; i++)
		para(b, NULL, KH_VEC_AT(*lines, const char, i));
}

/* ---- Meetings ---------------------------------------------------------------- */

/* The text of one attendee group, without its final stop. LEAD: the
 * group is a line of its own (a guest line then reads "Mời …"). */
static const char *group_text(const kh_group *g, bool lead)
{
	const char *t = "";
	switch (g->kind) {
	case KH_GROUP_ATTEND:
		t = g->text ? g->text : kh_pdoc_ref_list(&g->refs);
		break;
	case KH_GROUP_GUEST:
		t = g->text ? g->text : kh_pdoc_ref_list(&g->refs);
		if (lead && starts_lower(t))
			t = kh_printf("Mời %s", t);
		break;
	case KH_GROUP_EACH: {
		kh_buf b = { 0 };
		const char *per = "…";
		if (g->per)
			per = g->per->kind == KH_REF_LEVEL && g->per->level
				      ? kh_printf("đơn vị %s", kh_pdoc_lower_first(g->per->level->name))
				      : kh_pdoc_ref_name(g->per, false);
		kh_buf_printf(&b, "Mỗi %s %02ld", per, g->count);
		for (size_t i = 0; i < g->exceptions.n; i++) {
			const kh_exception *x = KH_VEC_AT(g->exceptions, kh_exception, i);
			kh_buf_printf(&b, "%s%s %02ld", i ? ", " : " (riêng ",
				      x->ref ? kh_pdoc_ref_name(x->ref, true) : "…", x->count);
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
			kh_buf_puts(&b, kh_pdoc_strip_end(group_text(KH_VEC_AT(g->groups, kh_group, i), false),
							  "."));
		}
		t = kh_buf_cstr(&b);
		break;
	}
	case KH_GROUP_TEXT:
		t = g->text ? g->text : "";
		break;
	}
	return kh_pdoc_strip_end(t, ".");
}

/*
 * A meeting prints as its attendee list ("thành phần"), one "+" line per
 * group, under "- Đối với cấp …" when the groups are given per level; the
 * other facts of a meeting (chair, length, time) are the prose's. The
 * caller prints the list where the source lists it: where the meeting
 * opens its section or follows a line ending in ':' ("… bao gồm:"). A
 * meeting after a task or a sentence restates that prose as data and
 * prints nothing (KH-tinh-uy-CT10-2017's conferences, KH-dang-uy-xa-2023's).
 */
static void attendees(kh_pdoc_builder *b, const kh_meeting *m)
{
	const kh_level *level = NULL;
	for (size_t i = 0; i < m->attendees.n; i++) {
		const kh_group *g = KH_VEC_AT(m->attendees, kh_group, i);
		if (g->at_level && g->at_level != level) {
			level = g->at_level;
			para(b, "-", kh_printf("Đối với %s", kh_pdoc_lower_first(level->name)));
		}
		const char *t = group_text(g, true);
		if (*t)
			para(b, "+", sentence(t));
	}
}

/* ---- Body ---------------------------------------------------------------------- */

static bool is_point(kh_item_kind k)
{
	return k == KH_ITEM_PURPOSE || k == KH_ITEM_REQUIREMENT || k == KH_ITEM_CONTENT ||
	       k == KH_ITEM_TASK || k == KH_ITEM_AWARD_FORM;
}

/* ITEMS with the awards and budget blocks opened: their headings and
 * lines number together with their neighbours. */
static void flatten(const kh_vec *items, kh_vec *out)
{
	for (size_t i = 0; i < items->n; i++) {
		kh_item *it = KH_VEC_AT(*items, kh_item, i);
		if (it->kind == KH_ITEM_AWARDS || it->kind == KH_ITEM_BUDGET) {
			flatten(&it->items, out);
			continue;
		}
		kh_vec_push(out, it);
	}
}

static void part(kh_pdoc_builder *b, const kh_item *it, int n)
{
	kh_pdoc_add(b->blocks, KH_PS_PART, NULL, kh_vn_part_label(n, b->party));
	if (it->text)
		kh_pdoc_add(b->blocks, KH_PS_PART_HEADING, NULL, it->text);
	kh_pdoc_body(b, &it->items, 0);
}

static void heading(kh_pdoc_builder *b, int depth, int n, const char *text)
{
	int d = depth < 1 ? 1 : depth;
	kh_pdoc_style s = d >= 4 ? KH_PS_HEADING_4 : (kh_pdoc_style)(KH_PS_HEADING_1 + d - 1);
	kh_pdoc_para *h = kh_pdoc_add(b->blocks, s, kh_vn_marker(depth, n), text ? text : "");
	h->level = d;
}

/*
 * A form's criteria (criteria_text.h), as the plan's awards section
 * writes them: "Tiêu chuẩn:" then the rules lettered "a)", "b)" (";"
 * between, "." at the end), each followed, in smaller type, by the
 * condition it computes where that says more than its text; then the
 * exclusions, the quota per unit and the ranking, one paragraph each.
 */
static void criteria(kh_pdoc_builder *b, const kh_award_form *f)
{
	kh_vec lines = kh_award_criteria_lines(f, KH_WORDS_VI);
	size_t lettered = 0, seen = 0;
	for (size_t i = 0; i < lines.n; i++) {
		kh_crit_line_kind k = KH_VEC_AT(lines, kh_crit_line, i)->kind;
		lettered += k == KH_CL_RULE || k == KH_CL_BY_LAW;
	}
	if (lettered)
		para(b, NULL, "Tiêu chuẩn:");
	for (size_t i = 0; i < lines.n; i++) {
		const kh_crit_line *l = KH_VEC_AT(lines, kh_crit_line, i);
		bool letter = l->kind == KH_CL_RULE || l->kind == KH_CL_BY_LAW;
		const char *text = kh_pdoc_strip_end(l->text, ".;");
		if (letter)
			seen++;
		para(b, letter ? kh_vn_marker(3, (int)seen) : NULL,
		     kh_printf("%s%s", text, letter && seen < lettered ? ";" : "."));
		if (l->condition)
			kh_pdoc_add(b->blocks, KH_PS_CONDITION, NULL,
				    kh_printf(l->kind == KH_CL_EXCLUDE ? "Điều kiện loại trừ: %s." : "Điều kiện: %s.",
					      kh_pdoc_strip_end(l->condition, ".")));
	}
}

/* A point: a task's line (and its extra paragraphs), an award form's
 * name, or the item's text; then what a hook composes for it. */
static void point(kh_pdoc_builder *b, const kh_item *it, const char *mark)
{
	if (it->kind == KH_ITEM_TASK) {
		const kh_task *t = it->decl; /* NULL: a second task of that id, never printed */
		para(b, mark, t && t->text ? t->text : it->text);
		for (size_t j = 0; t && j < t->description.n; j++)
			para(b, NULL, KH_VEC_AT(t->description, const char, j));
		if (t && b->hooks && b->hooks->task)
			composed(b, b->hooks->task(b->hooks->ctx, b->prog, t, b->said));
		return;
	}
	if (it->kind == KH_ITEM_AWARD_FORM) {
		const kh_award_form *f = it->decl;
		para(b, mark, f && f->name ? f->name : it->ref_id ? it->ref_id : "");
		if (f && b->hooks && b->hooks->award)
			composed(b, b->hooks->award(b->hooks->ctx, b->prog, f, b->said));
		if (f)
			criteria(b, f);
		return;
	}
	para(b, mark, it->text);
}

static void meeting_item(kh_pdoc_builder *b, const kh_item *it, const kh_item *prev)
{
	const kh_meeting *m = it->decl;
	if (!m)
		return;
	/* A line ending in ':' announces the meeting and its attendees;
	 * otherwise the meeting's name opens it, unless that line says it. */
	bool announced = !prev || kh_pdoc_last_char(prev->text) == ':';
	if (!announced && m->name &&
	    !(prev->text && strstr(kh_text_fold(prev->text), kh_text_fold(m->name))))
		para(b, NULL, m->name);
	/* The page's text, with the attendees once printed (not to be
	 * composed again): a copy only then, for a page may be a whole letter. */
	const char *said = b->said ? b->said : "";
	if (announced)
		attendees(b, m);
	if (announced && m->attendees.n) {
		kh_buf more = { 0 };
		kh_buf_puts(&more, said);
		for (size_t i = 0; i < m->attendees.n; i++) {
			kh_buf_putc(&more, '\n');
			kh_buf_puts(&more, group_text(KH_VEC_AT(m->attendees, kh_group, i), true));
		}
		said = kh_buf_cstr(&more);
	}
	if (!b->hooks || !b->hooks->meeting)
		return;
	const kh_vec *lines = b->hooks->meeting(b->hooks->ctx, b->prog, m, said);
	if (lines && announced) { /* the attendees are on the page already */
		kh_vec *rest = KH_NEW(kh_vec);
		for (size_t i = 0; i < lines->n; i++)
			if (strncmp(KH_VEC_AT(*lines, const char, i), "Thành phần", strlen("Thành phần")))
				kh_vec_push(rest, lines->items[i]);
		lines = rest;
	}
	composed(b, lines);
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
/* The text IT itself adds to kh_pdoc_builder.said, or NULL. */
static const char *own_text(const kh_item *it)
{
	if (it->kind == KH_ITEM_TASK) {
		const kh_task *k = it->decl;
		return k && k->text ? k->text : it->text;
	}
	if (it->kind == KH_ITEM_MEETING || it->kind == KH_ITEM_AWARD_FORM)
		return NULL; /* their facts are what the hooks print */
	return it->text;
}

/* The texts of IT and everything under it, for kh_pdoc_builder.said. */
static void subtree_text(const kh_item *it, kh_buf *out)
{
	const char *t = own_text(it);
	if (t) {
		kh_buf_puts(out, t);
		kh_buf_putc(out, '\n');
	}
	for (size_t i = 0; i < it->items.n; i++)
		subtree_text(KH_VEC_AT(it->items, kh_item, i), out);
}

/* The length of what subtree_text writes. */
static size_t subtree_len(const kh_item *it)
{
	const char *t = own_text(it);
	size_t n = t ? strlen(t) + 1 : 0;
	for (size_t i = 0; i < it->items.n; i++)
		n += subtree_len(KH_VEC_AT(it->items, kh_item, i));
	return n;
}

/*
 * What a top-level item's page says: the top-level items without
 * children (the same for every one of them, made once: a letter's
 * thousands of loose tasks each made it again, the square of its
 * length) with the item's own subtree where it stands among them.
 */
typedef struct leaves {
	const char *text;
	size_t len;
	size_t *before;           /* for each top-level item, the bytes of TEXT before it */
} leaves;

static leaves leaves_of(const kh_vec *v)
{
	kh_buf all = { 0 };
	leaves l = { .before = KH_NEW_N(size_t, v->n + 1) };
	for (size_t j = 0; j < v->n; j++) {
		l.before[j] = all.len;
		if (!KH_VEC_AT(*v, kh_item, j)->items.n)
			subtree_text(KH_VEC_AT(*v, kh_item, j), &all);
	}
	l.text = kh_buf_cstr(&all);
	l.len = all.len;
	return l;
}

/* B's page text for IT, the top-level item I. */
static void page_of(kh_pdoc_builder *b, const leaves *l, const kh_item *it, size_t i)
{
	if (!it->items.n) {
		b->said = l->text;
		kh_text_steady(l->text, l->len);
		return;
	}
	kh_buf said = { 0 };
	kh_buf_reserve_exact(&said, l->len + subtree_len(it));
	kh_buf_put(&said, l->text, l->before[i]);
	subtree_text(it, &said);
	kh_buf_puts(&said, l->text + l->before[i]);
	b->said = kh_buf_cstr(&said);
	kh_text_steady(b->said, said.len);
}

void kh_pdoc_body(kh_pdoc_builder *b, const kh_vec *items, int depth)
{
	kh_vec v = { 0 };
	flatten(items, &v);
	const char *outer = b->said;
	size_t nsec = 0, npts = 0;
	for (size_t i = 0; i < v.n; i++) {
		kh_item_kind k = KH_VEC_AT(v, kh_item, i)->kind;
		nsec += k == KH_ITEM_SECTION;
		npts += is_point(k);
	}
	leaves top = { 0 };
	if (depth == 0)
		top = leaves_of(&v);
	int count = 0, parts = 0;
	const kh_item *prev = NULL;
	for (size_t i = 0; i < v.n; i++) {
		const kh_item *it = KH_VEC_AT(v, kh_item, i);
		if (depth == 0)
			page_of(b, &top, it, i);
		switch (it->kind) {
		case KH_ITEM_PART:
			part(b, it, ++parts);
			break;
		case KH_ITEM_SECTION:
			heading(b, depth + 1, ++count, it->text);
			kh_pdoc_body(b, &it->items, depth + 1);
			break;
		case KH_ITEM_PARAGRAPH:
		case KH_ITEM_LINE:
		case KH_ITEM_AWARD_CRITERIA:
			para(b, NULL, it->text);
			break;
		case KH_ITEM_BULLET:
		case KH_ITEM_AWARD_TARGET:
		case KH_ITEM_BUDGET_LINE:
			para(b, "-", it->text);
			break;
		case KH_ITEM_SUBBULLET:
			para(b, "+", it->text);
			break;
		case KH_ITEM_PURPOSE:
		case KH_ITEM_REQUIREMENT:
		case KH_ITEM_CONTENT:
		case KH_ITEM_TASK:
		case KH_ITEM_AWARD_FORM: {
			const char *mark = NULL;
			if (depth >= 1 && nsec > 0)
				mark = kh_vn_marker(depth + 1, ++count);
			else if (depth == 1 && npts >= 2)
				mark = kh_vn_marker(2, ++count);
			else if (depth >= 2 && npts >= 2)
				mark = "-";
			point(b, it, mark);
			break;
		}
		case KH_ITEM_MEETING:
			meeting_item(b, it, prev);
			break;
		case KH_ITEM_AWARDS:
		case KH_ITEM_BUDGET:
		case KH_ITEM_RECIPIENTS:
		case KH_ITEM_SIGNATURE:
		case KH_ITEM_OUTLINE:
			break; /* opened by flatten, or printed at the foot / after */
		}
		kh_pdoc_flush(b);
		prev = it;
	}
	b->said = outer;
}

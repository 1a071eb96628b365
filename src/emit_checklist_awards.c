/*
 * emit_checklist_awards.c - the checklist's last section: each award
 * form's criteria in words (criteria_text.h), so that a unit screening
 * its nominees reads what the plan asks beside its duties. The rules are
 * lettered as the printed plan letters them, each with the condition it
 * computes; then exclusions, the quota per unit and the ranking. Forms
 * without such criteria are left out, and so is the section when none
 * has them.
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>

#include "criteria_text.h"
#include "emit_checklist_int.h"
#include "names.h"
#include "vn_numbering.h"

typedef struct writer {
	kh_buf *out;
	bool html;
} writer;

static void text(const writer *w, const char *s)
{
	if (w->html)
		kh_html_escape(w->out, s);
	else
		kh_checklist_md_text(w->out, s);
}

static void form_heading(const writer *w, const kh_award_form *f)
{
	const char *name = f->name ? f->name : f->id;
	const kh_body *by = f->granted_by && f->granted_by->kind == KH_REF_BODY ? f->granted_by->body : NULL;
	kh_buf_puts(w->out, w->html ? "<h3>" : "\n### ");
	/* the grantor, unless the name says it ("Bằng khen của Chủ tịch …") */
	bool said = !by || !by->name || strstr(kh_text_fold(name), kh_text_fold(by->name));
	text(w, said ? name : kh_printf("%s (%s)", name, by->name));
	kh_buf_puts(w->out, w->html ? "</h3>\n<ul class=\"criteria\">\n" : "\n\n");
}

/* One line: its letter ("a)") for a rule, its condition after it. */
static void line(const writer *w, const kh_crit_line *l, const char *letter)
{
	kh_buf_puts(w->out, w->html ? "<li>" : "- ");
	text(w, letter ? kh_printf("%s %s", letter, l->text) : l->text);
	if (l->condition) {
		const char *c = kh_printf(l->kind == KH_CL_EXCLUDE ? "điều kiện loại trừ: %s" : "điều kiện: %s",
					  l->condition);
		kh_buf_puts(w->out, w->html ? " <span class=\"condition\">— " : " — _");
		text(w, c);
		kh_buf_puts(w->out, w->html ? "</span>" : "_");
	}
	kh_buf_puts(w->out, w->html ? "</li>\n" : "\n");
}

static void form(const writer *w, const kh_award_form *f, const kh_vec *lines)
{
	form_heading(w, f);
	int letters = 0;
	for (size_t i = 0; i < lines->n; i++) {
		const kh_crit_line *l = KH_VEC_AT(*lines, kh_crit_line, i);
		bool lettered = l->kind == KH_CL_RULE || l->kind == KH_CL_BY_LAW;
		line(w, l, lettered ? kh_vn_marker(3, ++letters) : NULL);
	}
	if (w->html)
		kh_buf_puts(w->out, "</ul>\n");
}

static void criteria(const writer *w, const kh_plan *p)
{
	bool any = false;
	for (size_t i = 0; p && i < p->award_forms.n; i++) {
		const kh_award_form *f = KH_VEC_AT(p->award_forms, kh_award_form, i);
		kh_vec lines = kh_award_criteria_lines(f, KH_WORDS_VI);
		if (!lines.n)
			continue;
		if (!any)
			kh_buf_puts(w->out, w->html ? "<section class=\"awards\">\n<h2>Tiêu chuẩn khen thưởng</h2>\n"
						    : "\n## Tiêu chuẩn khen thưởng\n");
		any = true;
		form(w, f, &lines);
	}
	if (any && w->html)
		kh_buf_puts(w->out, "</section>\n");
}

void kh_checklist_awards_md(const kh_plan *p, kh_buf *out)
{
	writer w = { out, false };
	criteria(&w, p);
}

void kh_checklist_awards_html(const kh_plan *p, kh_buf *out)
{
	writer w = { out, true };
	criteria(&w, p);
}

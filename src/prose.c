/*
 * prose.c - every string of the main file a citation can stand in, in
 * source order, each with where it was written (citations.h).
 * Part of kehoach; see README.md for the licence.
 */
#include <stdlib.h>
#include <string.h>

#include "citations_int.h"
#include "literal.h"

typedef struct collector {
	const kh_program *prog;
	int main_id;
	kh_vec *out;
	unsigned order;
} collector;

static void add(collector *c, const char *text, kh_span span, const kh_document *of, bool short_name)
{
	if (!text || !*text || span.file != c->main_id)
		return;
	kh_prose *p = KH_NEW(kh_prose);
	p->text = text;
	p->len = strlen(text);
	p->span = span;
	p->of = of;
	p->short_name = short_name;
	p->order = c->order++;
	p->at = -1;
	/* Where the scanner saw it: the plan keeps the string the tree had. */
	kh_literal l;
	if (kh_literal_find(c->prog->main, c->prog->literals, text, &l)) {
		if (l.raw)
			p->at = (long)l.start + 1;
		else
			p->span = (kh_span){ span.file, l.start, l.end }; /* searched in kh_prose_span */
	}
	kh_vec_push(c->out, p);
}

static void add_in(collector *c, const char *text, kh_span span)
{
	add(c, text, span, NULL, false);
}

static void walk_items(collector *c, const kh_vec *items)
{
	for (size_t i = 0; i < items->n; i++) {
		const kh_item *it = KH_VEC_AT(*items, kh_item, i);
		switch (it->kind) {
		case KH_ITEM_PART:
		case KH_ITEM_SECTION:
		case KH_ITEM_PARAGRAPH:
		case KH_ITEM_BULLET:
		case KH_ITEM_SUBBULLET:
		case KH_ITEM_LINE:
		case KH_ITEM_PURPOSE:
		case KH_ITEM_REQUIREMENT:
		case KH_ITEM_CONTENT:
			add_in(c, it->text, it->span);
			break;
		default:
			/* tasks, meetings, outlines, awards, budget, recipients and the
			 * signature are read from their own records */
			break;
		}
		if (it->kind == KH_ITEM_PART || it->kind == KH_ITEM_SECTION || it->kind == KH_ITEM_AWARDS)
			walk_items(c, &it->items);
	}
}

static void walk_ref_texts(collector *c, const kh_vec *refs)
{
	for (size_t i = 0; i < refs->n; i++) {
		const kh_ref *r = KH_VEC_AT(*refs, kh_ref, i);
		if (r->kind == KH_REF_TEXT)
			add_in(c, r->text, r->span);
	}
}

static void walk_groups(collector *c, const kh_vec *groups)
{
	for (size_t i = 0; i < groups->n; i++) {
		const kh_group *g = KH_VEC_AT(*groups, kh_group, i);
		add_in(c, g->text, g->span);
		walk_ref_texts(c, &g->refs);
		walk_groups(c, &g->groups);
	}
}

static int prose_cmp(const void *a, const void *b)
{
	const kh_prose *x = *(kh_prose *const *)a, *y = *(kh_prose *const *)b;
	long px = x->at >= 0 ? x->at : (long)x->span.start, py = y->at >= 0 ? y->at : (long)y->span.start;
	if (px != py)
		return px < py ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

void kh_prose_collect(const kh_program *prog, kh_vec *out)
{
	if (!prog->main)
		return;
	collector c = { prog, prog->main->id, out, 0 };
	size_t first = out->n;
	const kh_plan *p = prog->plan;
	if (p) {
		add_in(&c, p->title, p->span);
		add_in(&c, p->preamble, p->span);
		add_in(&c, p->closing, p->span);
		add_in(&c, p->award_criteria, p->span);
		walk_items(&c, &p->items);
		for (size_t i = 0; i < p->tasks.n; i++) {
			const kh_task *t = KH_VEC_AT(p->tasks, kh_task, i);
			add_in(&c, t->text, t->span);
			add_in(&c, t->note, t->span);
			for (size_t j = 0; j < t->description.n; j++)
				add_in(&c, t->description.items[j], t->span);
		}
		for (size_t i = 0; i < p->meetings.n; i++) {
			const kh_meeting *m = KH_VEC_AT(p->meetings, kh_meeting, i);
			add_in(&c, m->name, m->span);
			add_in(&c, m->note, m->span);
			walk_groups(&c, &m->attendees);
		}
		for (size_t i = 0; i < p->award_targets.n; i++) {
			const kh_award_target *t = KH_VEC_AT(p->award_targets, kh_award_target, i);
			add_in(&c, t->text, t->span);
		}
		for (size_t i = 0; i < p->award_forms.n; i++) {
			const kh_award_form *f = KH_VEC_AT(p->award_forms, kh_award_form, i);
			add_in(&c, f->name, f->span);
			add_in(&c, f->criteria, f->span);
			add_in(&c, f->note, f->span);
		}
		for (size_t i = 0; i < p->budget.n; i++) {
			const kh_budget_line *b = KH_VEC_AT(p->budget, kh_budget_line, i);
			add_in(&c, b->text, b->span);
		}
		for (size_t i = 0; i <= p->recipients.n; i++) {
			const kh_recipient *r = i < p->recipients.n ? KH_VEC_AT(p->recipients, kh_recipient, i) : p->archive;
			if (!r || (i < p->recipients.n && r == p->archive))
				continue;
			add_in(&c, r->purpose, r->span);
			walk_ref_texts(&c, &r->refs);
		}
		for (size_t i = 0; i < p->addressees.n; i++) {
			const kh_recipient *r = KH_VEC_AT(p->addressees, kh_recipient, i);
			add_in(&c, r->purpose, r->span);
			walk_ref_texts(&c, &r->refs);
		}
		if (p->signature)
			add_in(&c, p->signature->note, p->signature->span);
		for (size_t i = 0; i < p->outlines.n; i++) {
			const kh_outline *o = KH_VEC_AT(p->outlines, kh_outline, i);
			add_in(&c, o->name, o->span);
			add_in(&c, o->title, o->span);
			add_in(&c, o->attached_to, o->span);
			for (size_t j = 0; j < o->lines.n; j++)
				add_in(&c, o->lines.items[j], o->span);
			walk_items(&c, &o->items);
		}
	}
	for (size_t i = 0; i < prog->events.n; i++) {
		const kh_event *e = KH_VEC_AT(prog->events, kh_event, i);
		add_in(&c, e->text, e->span);
	}
	for (size_t i = 0; i < prog->documents.n; i++) {
		const kh_document *d = KH_VEC_AT(prog->documents, kh_document, i);
		add(&c, d->title, d->span, d, false);
		add(&c, d->short_name, d->span, d, true);
	}
	if (out->n > first)
		qsort(out->items + first, out->n - first, sizeof *out->items, prose_cmp);
}

kh_span kh_prose_span(const kh_prose *p, size_t start, size_t end)
{
	if (end > p->len)
		end = p->len;
	if (start > end)
		start = end;
	if (p->at >= 0)
		return (kh_span){ p->span.file, (unsigned)(p->at + (long)start), (unsigned)(p->at + (long)end) };
	/* Not verbatim (escapes, joined literals): the same bytes, counted. */
	size_t n = end - start;
	const kh_source *src = kh_source_get(p->span.file);
	if (n && src && p->span.end <= src->len && p->span.start < p->span.end) {
		size_t k = 0;
		for (size_t i = 0; i < start; i++)
			if (i + n <= p->len && !memcmp(p->text + i, p->text + start, n))
				k++;
		/* the statement's bytes; as written when a quote is looked for,
		 * since the parse may have made one a NUL */
		const char *base = src->strings_in_place && memchr(p->text + start, '"', n)
					   ? kh_source_copy(src, p->span.start, p->span.end)
					   : src->text + p->span.start;
		const char *s = base, *e = base + (p->span.end - p->span.start);
		while (s < e) {
			const char *q = kh_find_bytes(s, (size_t)(e - s), p->text + start, n);
			if (!q)
				break;
			unsigned at = p->span.start + (unsigned)(q - base);
			if (k-- == 0)
				return (kh_span){ p->span.file, at, at + (unsigned)n };
			s = q + 1;
		}
	}
	return p->span;
}

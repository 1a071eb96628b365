/*
 * check_refs.c - unused-declaration: a body or document declared in the
 * plan's own file that nothing in the program refers to.
 *
 * A body is used when it is the plan's issuer or signs for it; when a
 * task, meeting, attendee group, recipient, archive line, award form or
 * budget line names it; when the award catalogue names it; when the text
 * names it by its short name (see kh_bodies_mentioned in citations.h);
 * and when it is the parent (thuộc) or the generic body (là) of a used
 * body, or the issuer of a used document. A document is used when the plan implements
 * it or is based on it (thực_hiện, căn_cứ), or when the text cites it
 * (by number, by short name, or by title when it has no number: see
 * kh_documents_cited in citations.h). Declarations of the stdlib and of
 * imported files are shared and never reported.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "check.h"
#include "citations.h"
#include "i18n.h"

/* A set of bodies (open addressing on the pointer). */
typedef struct body_set {
	const kh_body **v;
	size_t cap, n;
} body_set;

static size_t slot_of(const void *p, size_t cap)
{
	uintptr_t x = (uintptr_t)p;
	x ^= x >> 17;
	x *= 0x9E3779B97F4A7C15u;
	return (size_t)(x >> 7) & (cap - 1);
}

static bool set_has(const body_set *s, const kh_body *b)
{
	if (!s->cap)
		return false;
	for (size_t i = slot_of(b, s->cap);; i = (i + 1) & (s->cap - 1)) {
		if (!s->v[i])
			return false;
		if (s->v[i] == b)
			return true;
	}
}

static void set_add(body_set *s, const kh_body *b)
{
	if ((s->n + 1) * 2 > s->cap) {
		body_set bigger = { 0 };
		bigger.cap = s->cap ? s->cap * 2 : 64;
		bigger.v = KH_NEW_N(const kh_body *, bigger.cap);
		for (size_t i = 0; i < s->cap; i++)
			if (s->v[i])
				set_add(&bigger, s->v[i]);
		*s = bigger;
	}
	size_t i = slot_of(b, s->cap);
	while (s->v[i])
		i = (i + 1) & (s->cap - 1);
	s->v[i] = b;
	s->n++;
}

/* B is used, and so are its parents and the generic bodies it is. */
static void use_body(body_set *s, const kh_body *b, int depth)
{
	while (b && depth < 64 && !set_has(s, b)) {
		set_add(s, b);
		if (b->is_a)
			use_body(s, b->is_a, depth + 1);
		b = b->parent;
		depth++;
	}
}

static void use_ref(body_set *s, const kh_ref *r)
{
	if (r && r->kind == KH_REF_BODY && r->body)
		use_body(s, r->body, 0);
}

static void use_refs(body_set *s, const kh_vec *refs)
{
	for (size_t i = 0; i < refs->n; i++)
		use_ref(s, refs->items[i]);
}

static void use_groups(body_set *s, const kh_vec *groups)
{
	for (size_t i = 0; i < groups->n; i++) {
		const kh_group *g = groups->items[i];
		use_refs(s, &g->refs);
		use_ref(s, g->per);
		for (size_t j = 0; j < g->exceptions.n; j++)
			use_ref(s, ((const kh_exception *)g->exceptions.items[j])->ref);
		use_groups(s, &g->groups);
	}
}

static void use_plan(body_set *s, const kh_program *prog, const kh_plan *p)
{
	use_body(s, p->issuer, 0);
	for (size_t i = 0; i < p->tasks.n; i++) {
		const kh_task *t = p->tasks.items[i];
		use_refs(s, &t->owners);
		use_refs(s, &t->cooperate);
		use_refs(s, &t->send_to);
		use_refs(s, &t->via);
	}
	for (size_t i = 0; i < p->meetings.n; i++) {
		const kh_meeting *m = p->meetings.items[i];
		use_ref(s, m->organiser);
		for (size_t j = 0; j < m->chairs.n; j++)
			use_ref(s, ((const kh_leveled_ref *)m->chairs.items[j])->ref);
		use_groups(s, &m->attendees);
	}
	for (size_t i = 0; i < p->award_forms.n; i++)
		use_ref(s, ((const kh_award_form *)p->award_forms.items[i])->granted_by);
	for (size_t i = 0; i < p->budget.n; i++)
		use_ref(s, ((const kh_budget_line *)p->budget.items[i])->paid_by);
	for (size_t i = 0; i < p->recipients.n; i++)
		use_refs(s, &((const kh_recipient *)p->recipients.items[i])->refs);
	if (p->archive)
		use_refs(s, &p->archive->refs);
	for (size_t i = 0; i < p->addressees.n; i++)
		use_refs(s, &((const kh_recipient *)p->addressees.items[i])->refs);
	for (size_t i = 0; p->signature && i < p->signature->lines.n; i++)
		use_body(s, ((const kh_sign_line *)p->signature->lines.items[i])->body, 0);
	/* the award catalogue (usually stdlib, but a plan may extend it) */
	for (size_t i = 0; i < prog->award_rights.n; i++) {
		const kh_award_right *w = prog->award_rights.items[i];
		for (size_t j = 0; j < w->grants.n; j++)
			use_body(s, ((const kh_award_grant *)w->grants.items[j])->authority, 0);
	}
}

static const char *doc_label(const kh_document *d)
{
	if (d->number && *d->number)
		return kh_printf(" (%s)", d->number);
	if (d->title && *d->title)
		return kh_printf(" (\"%s\")", d->title);
	return "";
}

/* The unused declarations that refer to each body (at most 3 each, by
 * thuộc, là or của), gathered in one pass so the notes cost no scan of
 * all bodies per finding. Indexed by the bodies' declaration order. */
typedef struct referrers {
	kh_vec *by_order;        /* kh_vec per order: referrer* */
	int max;
} referrers;

typedef struct referrer {
	const kh_body *body;     /* or NULL, and then */
	const kh_document *doc;
} referrer;

static void refer(referrers *x, const kh_body *target, const kh_body *b, const kh_document *d)
{
	if (!target || target->order < 0 || target->order > x->max)
		return;
	kh_vec *v = &x->by_order[target->order];
	if (v->n >= 3)
		return;
	referrer *r = KH_NEW(referrer);
	*r = (referrer){ b, d };
	kh_vec_push(v, r);
}

static referrers gather_referrers(const kh_program *prog, const body_set *used,
				  const bool *used_doc)
{
	referrers x = { 0 };
	for (size_t i = 0; i < prog->bodies.n; i++) {
		int o = ((const kh_body *)prog->bodies.items[i])->order;
		if (o > x.max)
			x.max = o;
	}
	x.by_order = KH_NEW_N(kh_vec, (size_t)x.max + 1);
	for (size_t j = 0; j < prog->bodies.n; j++) {
		const kh_body *o = prog->bodies.items[j];
		if (set_has(used, o))
			continue;
		refer(&x, o->parent, o, NULL);
		if (o->is_a != o->parent)
			refer(&x, o->is_a, o, NULL);
	}
	for (size_t j = 0; j < prog->documents.n; j++) {
		const kh_document *d = prog->documents.items[j];
		if (!used_doc[j])
			refer(&x, d->issuer, NULL, d);
	}
	return x;
}

void kh_check_refs(const kh_check_ctx *cx)
{
	const kh_program *prog = cx->prog;
	const kh_plan *p = cx->plan;
	size_t nd = prog->documents.n;

	/* Documents first: a used document makes its issuer used. */
	bool *used_doc = KH_NEW_N(bool, nd + 1);
	kh_documents_cited(prog, cx->prose, used_doc);
	for (size_t i = 0; i < nd; i++) {
		const kh_document *d = prog->documents.items[i];
		for (size_t k = 0; k < p->implements.n && !used_doc[i]; k++)
			used_doc[i] = p->implements.items[k] == d;
		for (size_t k = 0; k < p->basis.n && !used_doc[i]; k++)
			used_doc[i] = p->basis.items[k] == d;
	}

	body_set used = { 0 };
	use_plan(&used, prog, p);
	bool *mentioned = KH_NEW_N(bool, prog->bodies.n + 1);
	kh_bodies_mentioned(cx, mentioned);
	for (size_t i = 0; i < prog->bodies.n; i++)
		if (mentioned[i])
			use_body(&used, prog->bodies.items[i], 0);
	for (size_t i = 0; i < nd; i++)
		if (used_doc[i])
			use_body(&used, ((const kh_document *)prog->documents.items[i])->issuer, 0);

	referrers refs = gather_referrers(prog, &used, used_doc);
	for (size_t i = 0; i < prog->bodies.n; i++) {
		const kh_body *b = prog->bodies.items[i];
		if (set_has(&used, b) || !kh_in_main_file(cx, b->span))
			continue;
		kh_diag *x = kh_report(cx, R_UNUSED_DECLARATION, b->span,
				       _("body '%s' (%s) is declared but nothing refers to it: no task, meeting, "
				       "recipient, signature, award or budget line names it, and it is neither the "
				       "parent nor the issuer of anything used"),
				       b->id, b->name ? b->name : "");
		if (!x)
			continue;
		/* declarations that refer to it but are unused themselves */
		const kh_vec *v = &refs.by_order[b->order];
		for (size_t j = 0; j < v->n; j++) {
			const referrer *w = v->items[j];
			if (w->body)
				kh_diag_note(x, w->body->span, _("only '%s', itself unused, refers to it (%s)"),
					     w->body->id, w->body->parent == b ? "thuộc" : "là");
			else
				kh_diag_note(x, w->doc->span,
					     _("only document '%s', itself unused, refers to it (của)"), w->doc->id);
		}
	}
	for (size_t i = 0; i < nd; i++) {
		const kh_document *d = prog->documents.items[i];
		if (used_doc[i] || !kh_in_main_file(cx, d->span))
			continue;
		if (d->number && *d->number)
			kh_report(cx, R_UNUSED_DECLARATION, d->span,
				  _("document '%s'%s is declared but never used: the plan neither implements it nor is "
				  "based on it (thực_hiện, căn_cứ), and the text never cites its number"),
				  d->id, doc_label(d));
		else
			kh_report(cx, R_UNUSED_DECLARATION, d->span,
				  _("document '%s'%s is declared but never used: the plan neither implements it nor is "
				  "based on it (thực_hiện, căn_cứ), and the text never names it by its title or short name"),
				  d->id, doc_label(d));
	}
}

/*
 * emit_json.c - the resolved program as JSON. References name the id they
 * point to plus the body's or level's name, so a reader needs no second
 * lookup; dates are ISO "YYYY-MM-DD", windows are start/end pairs.
 * Part of kehoach; see README.md for the licence.
 */
#include "emit_json.h"
#include "emit_json_int.h"

static void date_or_null(kh_json *j, const char *key, bool has, kh_day d)
{
	kh_json_key(j, key);
	if (!has) {
		kh_json_null(j);
		return;
	}
	char iso[16];
	kh_date_iso(d, iso);
	kh_json_str(j, iso);
}

static void emit_ref(kh_json *j, const kh_ref *r)
{
	kh_json_begin_object(j);
	switch (r->kind) {
	case KH_REF_BODY:
		kh_json_kstr(j, "body", r->body ? r->body->id : r->text);
		kh_json_kstr(j, "name", r->body ? r->body->name : NULL);
		break;
	case KH_REF_LEVEL:
		kh_json_kstr(j, "level", r->level ? r->level->id : NULL);
		kh_json_kstr(j, "name", r->level ? r->level->name : NULL);
		break;
	case KH_REF_SUPERIOR:
		kh_json_kbool(j, "superior", true);
		break;
	case KH_REF_ORGLEVEL:
		kh_json_kbool(j, "organising_level", true);
		break;
	case KH_REF_TEXT:
		kh_json_kstr(j, "text", r->text);
		break;
	}
	if (r->joined)
		kh_json_kbool(j, "joined", true);
	kh_json_end_object(j);
}

static void emit_refs(kh_json *j, const char *key, const kh_vec *v)
{
	kh_json_key(j, key);
	kh_json_begin_array(j);
	for (size_t i = 0; i < v->n; i++)
		emit_ref(j, KH_VEC_AT(*v, kh_ref, i));
	kh_json_end_array(j);
}

static void emit_ref_or_null(kh_json *j, const char *key, const kh_ref *r)
{
	kh_json_key(j, key);
	if (r)
		emit_ref(j, r);
	else
		kh_json_null(j);
}

static const char *when_type(kh_when_type t)
{
	static const char *const names[] = { "deadline", "within", "on", "from", "relative",
					     "recurrence", "tba", "from_to" };
	return names[t];
}

static const char *precision_name(kh_precision p)
{
	static const char *const names[] = { NULL, "day", "decade", "month", "quarter", "year",
					     "year_end" };
	return names[p];
}

static const char *recurrence_name(kh_recurrence r)
{
	static const char *const names[] = { NULL, "continuous", "monthly", "yearly", "periodic" };
	return names[r];
}

static void emit_when(kh_json *j, const kh_when *w)
{
	kh_json_begin_object(j);
	kh_json_kstr(j, "type", when_type(w->type));
	kh_json_kstr(j, "text", w->text);
	if (w->type == KH_WHEN_DEADLINE || w->type == KH_WHEN_WITHIN || w->type == KH_WHEN_ON ||
	    w->type == KH_WHEN_FROM || w->type == KH_WHEN_SPAN) {
		kh_json_kstr(j, "precision", precision_name(w->precision));
		date_or_null(j, "start", w->dated, w->start);
		date_or_null(j, "end", w->dated, w->end);
	}
	if (w->type == KH_WHEN_RECURRENCE)
		kh_json_kstr(j, "recurrence", recurrence_name(w->recurrence));
	if (w->type == KH_WHEN_RELATIVE) {
		/* the days the resolver derived from the anchor, or null */
		date_or_null(j, "start", w->dated, w->start);
		date_or_null(j, "end", w->dated, w->end);
		kh_json_kstr(j, "anchor", w->anchor);
		kh_json_kstr(j, "direction", w->anchor_before ? "before" : "after");
		if (w->offset) {
			kh_json_kint(j, "offset", w->offset);
			kh_json_kstr(j, "unit", w->working_days ? "working_days" : "days");
		}
	}
	kh_json_kbool(j, "planned", w->planned);
	kh_json_end_object(j);
}

static void emit_whens(kh_json *j, const char *key, const kh_vec *v)
{
	kh_json_key(j, key);
	kh_json_begin_array(j);
	for (size_t i = 0; i < v->n; i++)
		emit_when(j, KH_VEC_AT(*v, kh_when, i));
	kh_json_end_array(j);
}

static void emit_strings(kh_json *j, const char *key, const kh_vec *v)
{
	kh_json_key(j, key);
	kh_json_begin_array(j);
	for (size_t i = 0; i < v->n; i++)
		kh_json_str(j, (const char *)v->items[i]);
	kh_json_end_array(j);
}

static const char *group_kind(kh_group_kind k)
{
	static const char *const names[] = { "attend", "guest", "each", "group", "text" };
	return names[k];
}

static void emit_group(kh_json *j, const kh_group *g)
{
	kh_json_begin_object(j);
	kh_json_kstr(j, "kind", group_kind(g->kind));
	if (g->at_level)
		kh_json_kstr(j, "level", g->at_level->id);
	if (g->kind == KH_GROUP_ATTEND || g->kind == KH_GROUP_GUEST)
		emit_refs(j, "refs", &g->refs);
	kh_json_kstr(j, "text", g->text);
	if (g->kind == KH_GROUP_EACH) {
		emit_ref_or_null(j, "per", g->per);
		kh_json_kint(j, "count", g->count);
		kh_json_key(j, "exceptions");
		kh_json_begin_array(j);
		for (size_t i = 0; i < g->exceptions.n; i++) {
			const kh_exception *x = KH_VEC_AT(g->exceptions, kh_exception, i);
			kh_json_begin_object(j);
			emit_ref_or_null(j, "ref", x->ref);
			kh_json_kint(j, "count", x->count);
			kh_json_end_object(j);
		}
		kh_json_end_array(j);
	}
	if (g->kind == KH_GROUP_GROUP) {
		kh_json_key(j, "groups");
		kh_json_begin_array(j);
		for (size_t i = 0; i < g->groups.n; i++)
			emit_group(j, KH_VEC_AT(g->groups, kh_group, i));
		kh_json_end_array(j);
	}
	kh_json_end_object(j);
}

static const char *item_kind(kh_item_kind k)
{
	static const char *const names[] = { "part", "section", "paragraph", "bullet", "subbullet",
					     "line", "purpose", "requirement", "content", "task",
					     "meeting", "awards", "budget", "recipients",
					     "signature", "outline", "award_target", "award_form",
					     "budget_line", "award_criteria" };
	_Static_assert(sizeof names / sizeof names[0] == KH_ITEM_AWARD_CRITERIA + 1,
		       "a name for every item kind");
	return names[k];
}

static void emit_items(kh_json *j, const char *key, const kh_vec *v)
{
	kh_json_key(j, key);
	kh_json_begin_array(j);
	for (size_t i = 0; i < v->n; i++) {
		const kh_item *it = KH_VEC_AT(*v, kh_item, i);
		kh_json_begin_object(j);
		kh_json_kstr(j, "kind", item_kind(it->kind));
		if (it->kind == KH_ITEM_PART || it->kind == KH_ITEM_SECTION) {
			kh_json_kstr(j, "heading", it->text);
			emit_items(j, "items", &it->items);
		} else if (it->ref_id) {
			kh_json_kstr(j, "id", it->ref_id);
		} else if (it->text) {
			kh_json_kstr(j, "text", it->text);
		}
		if (it->kind == KH_ITEM_AWARDS || it->kind == KH_ITEM_BUDGET)
			emit_items(j, "items", &it->items);
		kh_json_end_object(j);
	}
	kh_json_end_array(j);
}

static const char *targets_name(int who)
{
	switch (who) {
	case KH_TARGET_COLLECTIVE: return "collective";
	case KH_TARGET_INDIVIDUAL: return "individual";
	case KH_TARGET_COLLECTIVE | KH_TARGET_INDIVIDUAL: return "both";
	default: return NULL;
	}
}

/* 'không_cần': present only when the plan says it. */
static void emit_independent(kh_json *j, const kh_independence *ind)
{
	if (!ind || !ind->tasks.n)
		return;
	kh_json_key(j, "independent_of");
	kh_json_begin_array(j);
	for (size_t i = 0; i < ind->tasks.n; i++)
		kh_json_str(j, KH_VEC_AT(ind->tasks, kh_task, i)->id);
	kh_json_end_array(j);
	kh_json_kstr(j, "independent_reason", ind->reason);
}

static void emit_task(kh_json *j, const kh_task *t)
{
	kh_json_begin_object(j);
	kh_json_kstr(j, "id", t->id);
	kh_json_kstr(j, "text", t->text);
	emit_refs(j, "owners", &t->owners);
	emit_refs(j, "cooperate", &t->cooperate);
	emit_refs(j, "send_to", &t->send_to);
	emit_refs(j, "via", &t->via);
	emit_whens(j, "due", &t->due);
	kh_json_key(j, "after");
	kh_json_begin_array(j);
	for (size_t i = 0; i < t->after.n; i++)
		kh_json_str(j, KH_VEC_AT(t->after, kh_task, i)->id);
	kh_json_end_array(j);
	emit_independent(j, t->independent);
	emit_strings(j, "description", &t->description);
	kh_json_kstr(j, "note", t->note);
	kh_json_end_object(j);
}

static void emit_meeting(kh_json *j, const kh_meeting *m)
{
	kh_json_begin_object(j);
	kh_json_kstr(j, "id", m->id);
	kh_json_kstr(j, "name", m->name);
	kh_json_key(j, "levels");
	kh_json_begin_array(j);
	for (size_t i = 0; i < m->levels.n; i++)
		kh_json_str(j, KH_VEC_AT(m->levels, kh_level, i)->id);
	kh_json_end_array(j);
	emit_ref_or_null(j, "organiser", m->organiser);
	kh_json_key(j, "chairs");
	kh_json_begin_array(j);
	for (size_t i = 0; i < m->chairs.n; i++) {
		const kh_leveled_ref *c = KH_VEC_AT(m->chairs, kh_leveled_ref, i);
		kh_json_begin_object(j);
		kh_json_kstr(j, "level", c->level ? c->level->id : NULL);
		emit_ref_or_null(j, "ref", c->ref);
		kh_json_end_object(j);
	}
	kh_json_end_array(j);
	kh_json_key(j, "duration_half_days");
	if (m->duration >= 0)
		kh_json_int(j, m->duration);
	else
		kh_json_null(j);
	kh_json_key(j, "when");
	kh_json_begin_array(j);
	for (size_t i = 0; i < m->when.n; i++) {
		const kh_leveled_when *w = KH_VEC_AT(m->when, kh_leveled_when, i);
		kh_json_begin_object(j);
		kh_json_kstr(j, "level", w->level ? w->level->id : NULL);
		emit_whens(j, "when", &w->when);
		kh_json_end_object(j);
	}
	kh_json_end_array(j);
	kh_json_kbool(j, "online", m->online);
	kh_json_key(j, "attendees");
	kh_json_begin_array(j);
	for (size_t i = 0; i < m->attendees.n; i++)
		emit_group(j, KH_VEC_AT(m->attendees, kh_group, i));
	kh_json_end_array(j);
	emit_independent(j, m->independent);
	kh_json_kstr(j, "note", m->note);
	kh_json_end_object(j);
}

static void emit_recipient(kh_json *j, const kh_recipient *r)
{
	kh_json_begin_object(j);
	emit_refs(j, "refs", &r->refs);
	kh_json_kstr(j, "purpose", r->purpose);
	kh_json_end_object(j);
}

static void emit_awards(kh_json *j, const kh_plan *p)
{
	kh_json_key(j, "awards");
	if (!p->has_awards) {
		kh_json_null(j);
		return;
	}
	kh_json_begin_object(j);
	kh_json_key(j, "targets");
	kh_json_begin_array(j);
	for (size_t i = 0; i < p->award_targets.n; i++) {
		const kh_award_target *t = KH_VEC_AT(p->award_targets, kh_award_target, i);
		kh_json_begin_object(j);
		kh_json_kstr(j, "for", targets_name(t->who));
		kh_json_kstr(j, "text", t->text);
		kh_json_end_object(j);
	}
	kh_json_end_array(j);
	kh_json_key(j, "forms");
	kh_json_begin_array(j);
	for (size_t i = 0; i < p->award_forms.n; i++) {
		const kh_award_form *f = KH_VEC_AT(p->award_forms, kh_award_form, i);
		kh_json_begin_object(j);
		kh_json_kstr(j, "id", f->id);
		kh_json_kstr(j, "name", f->name);
		kh_json_kstr(j, "class", f->class_name);
		emit_ref_or_null(j, "granted_by", f->granted_by);
		kh_json_kstr(j, "for", targets_name(f->who));
		kh_json_kstr(j, "criteria", f->criteria);
		kh_json_kbool(j, "criteria_tba", f->criteria_tba);
		kh_json_key(j, "quota");
		if (f->quota >= 0)
			kh_json_int(j, f->quota);
		else
			kh_json_null(j);
		kh_json_key(j, "quota_collective");
		if (f->quota_collective >= 0)
			kh_json_int(j, f->quota_collective);
		else
			kh_json_null(j);
		kh_json_key(j, "quota_individual");
		if (f->quota_individual >= 0)
			kh_json_int(j, f->quota_individual);
		else
			kh_json_null(j);
		kh_json_award_criteria(j, f);
		kh_json_end_object(j);
	}
	kh_json_end_array(j);
	kh_json_kstr(j, "criteria", p->award_criteria);
	kh_json_kbool(j, "criteria_tba", p->award_criteria_tba);
	kh_json_award_attrs(j, p);
	kh_json_end_object(j);
}

/* recipients, archive, addressees (kính_gửi) and the closing mark. */
static void emit_recipients(kh_json *j, const kh_plan *p)
{
	kh_json_key(j, "recipients");
	kh_json_begin_array(j);
	for (size_t i = 0; i < p->recipients.n; i++)
		emit_recipient(j, KH_VEC_AT(p->recipients, kh_recipient, i));
	kh_json_end_array(j);
	kh_json_key(j, "archive");
	if (p->archive)
		emit_recipient(j, p->archive);
	else
		kh_json_null(j);
	kh_json_key(j, "addressees");
	kh_json_begin_array(j);
	for (size_t i = 0; i < p->addressees.n; i++)
		emit_recipient(j, KH_VEC_AT(p->addressees, kh_recipient, i));
	kh_json_end_array(j);
	kh_json_kbool(j, "closing_mark", p->closing_mark);
}

static const char *sign_kind_name(kh_sign_kind k)
{
	static const char *const names[] = { "on_behalf", "in_place", "by_order", "by_authority",
					     "acting" };
	return names[k];
}

/* "form" and "on_behalf_of" are the first line's (format version 1). */
static void emit_signature(kh_json *j, const kh_signature *s)
{
	kh_json_key(j, "signature");
	if (!s) {
		kh_json_null(j);
		return;
	}
	kh_json_begin_object(j);
	kh_json_kstr(j, "form", s->form);
	kh_json_kstr(j, "on_behalf_of", s->on_behalf ? s->on_behalf->id : NULL);
	kh_json_key(j, "lines");
	kh_json_begin_array(j);
	for (size_t i = 0; i < s->lines.n; i++) {
		const kh_sign_line *l = KH_VEC_AT(s->lines, kh_sign_line, i);
		kh_json_begin_object(j);
		kh_json_kstr(j, "kind", sign_kind_name(l->kind));
		kh_json_kstr(j, "form", l->form);
		kh_json_kbool(j, "form_written", l->form_written);
		kh_json_kstr(j, "text", l->text);
		kh_json_kstr(j, "body", l->body ? l->body->id : NULL);
		kh_json_end_object(j);
	}
	kh_json_end_array(j);
	kh_json_kstr(j, "position", s->position);
	kh_json_kstr(j, "name", s->name);
	kh_json_kbool(j, "signed", s->signed_mark);
	kh_json_end_object(j);
}

static void emit_header(kh_json *j, const kh_plan_header *h)
{
	kh_json_key(j, "header");
	kh_json_begin_object(j);
	kh_json_kstr(j, "system", h->system == KH_SYSTEM_PARTY ? "party" : "state");
	kh_json_kstr(j, "superior", h->superior);
	kh_json_kbool(j, "superior_written", h->superior_written);
	kh_json_kstr(j, "issuer", h->issuer);
	kh_json_kstr(j, "kind_heading", h->kind_heading);
	kh_json_kstr(j, "summary", h->summary);
	kh_json_end_object(j);
}

static void emit_plan(kh_json *j, const kh_plan *p)
{
	kh_json_begin_object(j);
	kh_json_kstr(j, "kind", kh_doc_kind_name(p->kind));
	kh_json_kstr(j, "kind_vi", kh_doc_kind_vi(p->kind));
	kh_json_kstr(j, "number", p->number);
	kh_json_kstr(j, "issuer", p->issuer ? p->issuer->id : NULL);
	date_or_null(j, "date", p->has_date, p->date);
	kh_json_kstr(j, "place", p->place);
	kh_json_kstr(j, "title", p->title);
	kh_json_key(j, "implements");
	kh_json_begin_array(j);
	for (size_t i = 0; i < p->implements.n; i++)
		kh_json_str(j, KH_VEC_AT(p->implements, kh_document, i)->id);
	kh_json_end_array(j);
	kh_json_key(j, "basis");
	kh_json_begin_array(j);
	for (size_t i = 0; i < p->basis.n; i++)
		kh_json_str(j, KH_VEC_AT(p->basis, kh_document, i)->id);
	kh_json_end_array(j);
	kh_json_kstr(j, "preamble", p->preamble);
	kh_json_kstr(j, "closing", p->closing);
	emit_strings(j, "purposes", &p->purposes);
	emit_strings(j, "requirements", &p->requirements);
	emit_strings(j, "contents", &p->contents);

	kh_json_key(j, "tasks");
	kh_json_begin_array(j);
	for (size_t i = 0; i < p->tasks.n; i++)
		emit_task(j, KH_VEC_AT(p->tasks, kh_task, i));
	kh_json_end_array(j);

	kh_json_key(j, "meetings");
	kh_json_begin_array(j);
	for (size_t i = 0; i < p->meetings.n; i++)
		emit_meeting(j, KH_VEC_AT(p->meetings, kh_meeting, i));
	kh_json_end_array(j);

	emit_awards(j, p);
	kh_json_key(j, "budget");
	kh_json_begin_array(j);
	for (size_t i = 0; i < p->budget.n; i++) {
		const kh_budget_line *b = KH_VEC_AT(p->budget, kh_budget_line, i);
		kh_json_begin_object(j);
		kh_json_kstr(j, "text", b->text);
		emit_ref_or_null(j, "paid_by", b->paid_by);
		kh_json_end_object(j);
	}
	kh_json_end_array(j);

	emit_recipients(j, p);
	emit_signature(j, p->signature);
	emit_header(j, &p->header);

	kh_json_key(j, "attachments");
	kh_json_begin_array(j);
	for (size_t i = 0; i < p->outlines.n; i++) {
		const kh_outline *o = KH_VEC_AT(p->outlines, kh_outline, i);
		kh_json_begin_object(j);
		kh_json_kstr(j, "kind", "outline");
		kh_json_kstr(j, "id", o->id);
		kh_json_kstr(j, "name", o->name);
		kh_json_kstr(j, "title", o->title);
		kh_json_kstr(j, "attached_to", o->attached_to);
		emit_strings(j, "lines", &o->lines);
		emit_items(j, "items", &o->items);
		kh_json_end_object(j);
	}
	kh_json_end_array(j);

	emit_items(j, "body", &p->items);
	kh_json_end_object(j);
}

static void emit_declarations(kh_json *j, const kh_program *prog)
{
	kh_json_key(j, "levels");
	kh_json_begin_array(j);
	for (size_t i = 0; i < prog->levels.n; i++) {
		const kh_level *l = KH_VEC_AT(prog->levels, kh_level, i);
		kh_json_begin_object(j);
		kh_json_kstr(j, "id", l->id);
		kh_json_kstr(j, "name", l->name);
		kh_json_kstr(j, "below", l->below ? l->below->id : NULL);
		kh_json_kint(j, "depth", l->depth);
		date_or_null(j, "from", l->has_from, l->from);
		date_or_null(j, "until", l->has_until, l->until);
		kh_json_end_object(j);
	}
	kh_json_end_array(j);
	kh_json_key(j, "bodies");
	kh_json_begin_array(j);
	for (size_t i = 0; i < prog->bodies.n; i++) {
		const kh_body *b = KH_VEC_AT(prog->bodies, kh_body, i);
		kh_json_begin_object(j);
		kh_json_kstr(j, "id", b->id);
		kh_json_kstr(j, "name", b->name);
		kh_json_kstr(j, "abbr", b->abbr);
		kh_json_kstr(j, "short_name", b->short_name);
		kh_json_kstr(j, "level", b->level ? b->level->id : NULL);
		kh_json_kstr(j, "parent", b->parent ? b->parent->id : NULL);
		kh_json_kstr(j, "standing", kh_standing_name(b->standing));
		kh_json_end_object(j);
	}
	kh_json_end_array(j);
	kh_json_key(j, "documents");
	kh_json_begin_array(j);
	for (size_t i = 0; i < prog->documents.n; i++) {
		const kh_document *d = KH_VEC_AT(prog->documents, kh_document, i);
		kh_json_begin_object(j);
		kh_json_kstr(j, "id", d->id);
		kh_json_kstr(j, "number", d->number);
		kh_json_kstr(j, "kind", d->kind ? kh_doc_kind_name(d->kind) : NULL);
		date_or_null(j, "date", d->has_date, d->date);
		kh_json_kstr(j, "issuer", d->issuer ? d->issuer->id : NULL);
		kh_json_kstr(j, "title", d->title);
		kh_json_kstr(j, "short_name", d->short_name);
		kh_json_end_object(j);
	}
	kh_json_end_array(j);
	kh_json_key(j, "events");
	kh_json_begin_array(j);
	for (size_t i = 0; i < prog->events.n; i++) {
		const kh_event *e = KH_VEC_AT(prog->events, kh_event, i);
		kh_json_begin_object(j);
		kh_json_kstr(j, "id", e->id);
		kh_json_kstr(j, "text", e->text);
		kh_json_kbool(j, "planned", e->planned);
		emit_whens(j, "when", &e->when);
		kh_json_end_object(j);
	}
	kh_json_end_array(j);
}

void kh_emit_json(const kh_program *prog, kh_buf *out)
{
	kh_json j;
	kh_json_init(&j, out);
	kh_json_begin_object(&j);
	kh_json_kint(&j, "kehoach_json", 1);
	kh_json_kstr(&j, "file", prog->path);
	emit_strings(&j, "imports", &prog->imports);
	kh_json_key(&j, "plan");
	if (prog->plan)
		emit_plan(&j, prog->plan);
	else
		kh_json_null(&j);
	emit_declarations(&j, prog);
	kh_json_end_object(&j);
}

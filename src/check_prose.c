/*
 * check_prose.c - prose-data-mismatch: the dates and bodies a task's or
 * meeting's own text states, against its data. A text that says "trước
 * ngày 15/9/2019" over a `hạn` of 13/9/2019, or "Ban Tổ chức Tỉnh ủy chủ
 * trì" over a `giao` of another body, says one thing to the reader and
 * another to the calendar and the checklists.
 *
 * Conservative (prose_facts.h reads the text): only dates a word of time
 * introduces count, never a cited document's date or a period; a date
 * finding needs that no date of the text matches any date of the data
 * (a text may name a meeting's day beside its report's deadline); bodies
 * count only in a role (the owner at the head of a sentence or before
 * "chủ trì", "phối hợp với X", "gửi … về X", "(qua X)") and only when they
 * name a declared body; a section heading that is nothing but names
 * ("Giao Bộ CHQS tỉnh:") gives the owner of a task whose text names none;
 * a recipient finding needs that none of the recipients the text names
 * is the task's (it may name the next step: "để tổng hợp, báo cáo Ủy ban
 * nhân dân tỉnh"), and "tham mưu cho X" counts only where the data names
 * a recipient.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "check.h"
#include "citations.h"
#include "i18n.h"
#include "prose_facts.h"


/* The last section heading read for owners: the tasks of one section ask
 * about the same heading one after another. */
typedef struct head_memo {
	const char *heading;
	kh_vec mentions;
	bool only_names;
} head_memo;

typedef struct pctx {
	const kh_check_ctx *cx;
	head_memo *head;
	kh_bindex names;
	const kh_prose **by_text; /* the main file's strings, sorted by text pointer */
	size_t n;
	const char **heading;     /* by a plan task's index: its section's heading */
} pctx;

static int by_pointer(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)(*(const kh_prose *const *)a)->text;
	uintptr_t y = (uintptr_t)(*(const kh_prose *const *)b)->text;
	return x < y ? -1 : x > y;
}

/* The string TEXT is (the same pointer), for its place in the source. */
static const kh_prose *prose_of(const pctx *c, const char *text)
{
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		uintptr_t m = (uintptr_t)c->by_text[mid]->text;
		if (m == (uintptr_t)text)
			return c->by_text[mid];
		if (m < (uintptr_t)text)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static const char *slice(const char *t, size_t s, size_t e)
{
	return kh_strndup(t + s, e - s);
}

/* ------------------------------------------------------------------ */
/* Dates                                                              */

/* The dated "when"s of WHENS (kh_when*) into OUT; false when one of them
 * cannot be judged (relative to an undated moment). */
static bool dated_of(const kh_vec *whens, kh_vec *out)
{
	bool judged = true;
	for (size_t i = 0; i < whens->n; i++) {
		kh_when *w = whens->items[i];
		if (w->dated)
			kh_vec_push(out, w);
		else if (w->type == KH_WHEN_RELATIVE)
			judged = false;
	}
	return judged;
}

/*
 * TEXT (string P of the source) against the "when"s of an item (WHENS,
 * empty when it has none). WHAT is the field that holds them ("hạn",
 * "thời_gian").
 */
static void check_dates(const pctx *c, const kh_prose *p, const kh_vec *whens, kh_span item, const char *what)
{
	kh_vec ds = kh_text_dates(p->text, p->len), times = { 0 }, dated = { 0 };
	for (size_t i = 0; i < ds.n; i++)
		if (kh_date_role_is_time(((const kh_text_date *)ds.items[i])->role))
			kh_vec_push(&times, ds.items[i]);
	if (!times.n || !dated_of(whens, &dated))
		return;
	for (size_t i = 0; i < times.n; i++)
		for (size_t k = 0; k < dated.n; k++)
			if (kh_text_date_agrees(times.items[i], dated.items[k]))
				return;
	const kh_text_date *d = times.items[0];
	const char *said = slice(p->text, d->lead, d->end);
	kh_span at = kh_prose_span(p, d->lead, d->end);
	kh_diag *x;
	if (dated.n) {
		const kh_when *w = dated.items[0];
		char b[16];
		x = kh_report(c->cx, R_PROSE_DATA_MISMATCH, w->span,
			      _("the text says '%s' but '%s' says %s: one of them is wrong"), said, what,
			      w->text ? kh_printf("'%s'", w->text) : kh_date_vn(w->end, b));
	} else if (whens->n) {
		const kh_when *w = whens->items[0];
		x = kh_report(c->cx, R_PROSE_DATA_MISMATCH, w->span,
			      _("the text says '%s' but '%s' gives no date ('%s'): the calendar and checklists miss it"),
			      said, what, w->text ? w->text : "");
	} else {
		x = kh_report(c->cx, R_PROSE_DATA_MISMATCH, item,
			      _("the text says '%s' but there is no '%s': the calendar and checklists miss it"), said,
			      what);
	}
	if (x)
		kh_diag_note(x, at, _("the text gives the date here"));
}

/* ------------------------------------------------------------------ */
/* Bodies                                                             */

static kh_span first_ref_span(const kh_vec *refs, kh_span fallback)
{
	for (size_t i = 0; i < refs->n; i++) {
		const kh_ref *r = refs->items[i];
		if (r->span.end > r->span.start)
			return r->span;
	}
	return fallback;
}

/* REFS (kh_ref*) as "a, b" for messages: ids, as the data writes them. */
static const char *ids_of(const kh_vec *refs)
{
	kh_buf b = { 0 };
	for (size_t i = 0; i < refs->n; i++) {
		const kh_ref *r = refs->items[i];
		const char *id = r->kind == KH_REF_BODY && r->body ? r->body->id
				 : r->kind == KH_REF_LEVEL && r->level ? kh_printf("cấp %s", r->level->id)
				 : r->kind == KH_REF_SUPERIOR ? "cấp_trên" : r->text ? kh_printf("\"%s\"", r->text) : "…";
		kh_buf_printf(&b, "%s%s", i ? ", " : "", id);
	}
	return kh_buf_cstr(&b);
}

/* One role's mentions against the refs that may hold them (A and B);
 * ANY: one agreeing mention is enough (recipients: the text may name the
 * next step too); else each must agree. */
typedef struct role_check {
	kh_mention_role role;
	const kh_vec *a, *b;      /* the data that may hold the mention */
	const char *as, *field;   /* "doing it", "giao" */
	bool any;
	bool chairs_only;         /* only "X chủ trì" (attendee lines) */
} role_check;

static bool holds(const role_check *rc, const kh_mention *m)
{
	return kh_mention_agrees_any(m, rc->a) || (rc->b && kh_mention_agrees_any(m, rc->b));
}

static void report_mention(const pctx *c, const kh_prose *p, const kh_mention *m, const role_check *rc, kh_span item)
{
	bool none = !rc->a->n && !(rc->b && rc->b->n);
	const char *said = slice(p->text, m->start, m->end);
	kh_diag *x;
	if (none)
		x = kh_report(c->cx, R_PROSE_DATA_MISMATCH, item,
			      _("the text names '%s' as %s, but the item has no '%s': the checklists miss it"), said,
			      rc->as, rc->field);
	else
		x = kh_report(c->cx, R_PROSE_DATA_MISMATCH, first_ref_span(rc->a->n ? rc->a : rc->b, item),
			      _("the text names '%s' as %s, but '%s' says %s"), said, rc->as, rc->field,
			      ids_of(rc->a->n ? rc->a : rc->b));
	if (x)
		kh_diag_note(x, kh_prose_span(p, m->start, m->end), _("named here"));
}

static void check_role(const pctx *c, const kh_prose *p, const kh_vec *ms, const role_check *rc, kh_span item)
{
	kh_vec off = { 0 };
	size_t seen = 0;
	for (size_t i = 0; i < ms->n; i++) {
		const kh_mention *m = ms->items[i];
		if (m->role != rc->role || (rc->chairs_only && !m->chairs))
			continue;
		/* "tham mưu cho X" says who gets the result only where the
		 * data says someone does */
		if (m->weak && !rc->a->n && !(rc->b && rc->b->n))
			continue;
		seen++;
		if (!holds(rc, m))
			kh_vec_push(&off, (void *)m);
	}
	if (!off.n || (rc->any && off.n < seen))
		return;
	for (size_t i = 0; i < off.n; i++) {
		const kh_mention *m = off.items[i];
		bool again = false; /* one finding per body named */
		for (size_t k = 0; k < i && !again; k++) {
			const kh_mention *o = off.items[k];
			again = o->bodies.n == m->bodies.n && o->level == m->level &&
				(!m->bodies.n || o->bodies.items[0] == m->bodies.items[0]);
		}
		if (!again)
			report_mention(c, p, m, rc, item);
	}
}

static kh_vec mentions_of(const pctx *c, const kh_prose *p)
{
	return kh_text_mentions(p->text, p->len, &c->names, &c->cx->prog->levels);
}

/* ------------------------------------------------------------------ */
/* Section headings that name the owner                               */

static void walk_heads(const kh_plan *plan, const kh_vec *items, const char *heading,
		       const char **out)
{
	for (size_t i = 0; i < items->n; i++) {
		const kh_item *it = items->items[i];
		if (it->kind == KH_ITEM_TASK && it->decl && kh_plan_task_place(plan, it->decl) >= 0)
			out[((const kh_task *)it->decl)->index] = heading;
		else if (it->kind == KH_ITEM_SECTION || it->kind == KH_ITEM_PART)
			walk_heads(plan, &it->items, it->text, out);
	}
}

static const char *heading_of(const pctx *c, const kh_task *t)
{
	long at = kh_plan_task_place(c->cx->plan, t);
	return at >= 0 ? c->heading[at] : NULL;
}

/* Is HEADING nothing but the names MS gives ("Giao Bộ CHQS tỉnh:",
 * "Phòng Quản lý Văn hóa", "Hội đồng nhân dân, Ủy ban nhân dân xã")? */
static bool only_names(const char *heading, const kh_vec *ms)
{
	static const char *const glue[] = { "giao", "cho", "đề", "nghị", "yêu", "cầu", "đối", "với", "và" };
	size_t from = 0, len = strlen(heading);
	for (size_t i = 0; i <= ms->n; i++) {
		const kh_mention *m = i < ms->n ? ms->items[i] : NULL;
		if (m && m->role != KH_MENTION_OWNER)
			return false;
		size_t to = m ? m->start : len;
		kh_vec ws = kh_words_split(heading + from, to - from);
		for (size_t k = 0; k < ws.n; k++) {
			const char *w = kh_word_fold(heading + from, KH_WORD(ws, k));
			bool ok = false;
			for (size_t g = 0; g < sizeof glue / sizeof *glue && !ok; g++)
				ok = !strcmp(w, glue[g]);
			if (!ok)
				return false;
		}
		if (m)
			from = m->end;
	}
	return ms->n > 0;
}

/* The owners the task's text names; else those its section heading
 * names when the heading is nothing but names (the sources' "2. Giao Bộ
 * CHQS tỉnh:" over a list of duties). *FROM is the string they are in. */
static kh_vec owners_named(const pctx *c, const kh_task *t, const kh_prose *p, const kh_vec *ms,
			   const kh_prose **from)
{
	*from = p;
	for (size_t i = 0; i < ms->n; i++)
		if (((const kh_mention *)ms->items[i])->role == KH_MENTION_OWNER)
			return *ms;
	const char *h = heading_of(c, t);
	const kh_prose *hp = h ? prose_of(c, h) : NULL;
	if (!hp)
		return *ms;
	if (c->head->heading != h) {
		kh_vec hm = mentions_of(c, hp);
		*c->head = (head_memo){ h, hm, only_names(h, &hm) };
	}
	if (!c->head->only_names)
		return *ms;
	*from = hp;
	return c->head->mentions;
}

/* ------------------------------------------------------------------ */
/* Tasks and meetings                                                 */

static void check_task(const pctx *c, const kh_task *t)
{
	const kh_prose *p = prose_of(c, t->text);
	if (!p)
		return;
	check_dates(c, p, &t->due, t->span, "hạn");
	kh_vec ms = mentions_of(c, p);
	/* TRANSLATORS: the roles fill "the text names '%s' as %s, but …". */
	role_check owner = { KH_MENTION_OWNER, &t->owners, &t->cooperate, _("doing it"), "giao", false, false };
	role_check coop = { KH_MENTION_COOPERATE, &t->cooperate, &t->owners, _("cooperating"), "phối_hợp", false,
			    false };
	role_check to = { KH_MENTION_RECIPIENT, &t->send_to, NULL, _("receiving the result"), "gửi", true, false };
	role_check via = { KH_MENTION_VIA, &t->via, NULL, _("passing the result on (qua)"), "qua", true, false };
	const kh_prose *op;
	kh_vec om = owners_named(c, t, p, &ms, &op);
	check_role(c, op, &om, &owner, t->span);
	check_role(c, p, &ms, &coop, t->span);
	check_role(c, p, &ms, &to, t->span);
	if (t->via.n)
		check_role(c, p, &ms, &via, t->span);
}

/* The levels a meeting's name gives ("Hội nghị tổng kết cấp huyện"). */
static void check_levels(const pctx *c, const kh_prose *p, const kh_vec *ms, const kh_meeting *m)
{
	if (!m->levels.n)
		return;
	for (size_t i = 0; i < ms->n; i++) {
		const kh_mention *x = ms->items[i];
		if (x->bodies.n || !x->level)
			continue;
		bool held = false;
		for (size_t k = 0; k < m->levels.n && !held; k++)
			held = m->levels.items[k] == x->level;
		if (held)
			continue;
		kh_diag *d = kh_report(c->cx, R_PROSE_DATA_MISMATCH, m->span,
				       _("the meeting's name says '%s' but it is held at %s"),
				       slice(p->text, x->start, x->end), kh_printf("cấp %s", ((kh_level *)m->levels.items[0])->id));
		if (d)
			kh_diag_note(d, kh_prose_span(p, x->start, x->end), _("named here"));
		return;
	}
}

/* Every group text of GROUPS (nested too) into OUT (const char*). */
static void group_texts(const kh_vec *groups, kh_vec *out)
{
	for (size_t i = 0; i < groups->n; i++) {
		const kh_group *g = groups->items[i];
		if (g->text)
			kh_vec_push(out, (void *)g->text);
		group_texts(&g->groups, out);
	}
}

static void check_meeting(const pctx *c, const kh_meeting *m)
{
	kh_vec whens = { 0 }, chairs = { 0 }, texts = { 0 };
	for (size_t i = 0; i < m->when.n; i++) {
		const kh_leveled_when *lw = m->when.items[i];
		for (size_t k = 0; k < lw->when.n; k++)
			kh_vec_push(&whens, lw->when.items[k]);
	}
	for (size_t i = 0; i < m->chairs.n; i++)
		kh_vec_push(&chairs, ((kh_leveled_ref *)m->chairs.items[i])->ref);
	kh_vec org = { 0 };
	if (m->organiser)
		kh_vec_push(&org, m->organiser);
	kh_vec_push(&texts, (void *)m->name);
	kh_vec_push(&texts, (void *)m->note);
	group_texts(&m->attendees, &texts);
	for (size_t i = 0; i < texts.n; i++) {
		const kh_prose *p = texts.items[i] ? prose_of(c, texts.items[i]) : NULL;
		if (!p)
			continue;
		/* the name and note give the meeting's dates; the group lines only
		 * "X chủ trì" ("Thường trực Tỉnh ủy chủ trì.") */
		if (i < 2)
			check_dates(c, p, &whens, m->span, "thời_gian");
		kh_vec ms = mentions_of(c, p);
		role_check chair = { KH_MENTION_OWNER, &chairs, &org, _("chairing it"), "chủ_trì", false, true };
		check_role(c, p, &ms, &chair, m->span);
		if (i == 0)
			check_levels(c, p, &ms, m);
	}
}

void kh_check_prose(const kh_check_ctx *cx)
{
	if (!kh_rule_enabled(cx->config, R_PROSE_DATA_MISMATCH))
		return; /* reading every text costs; nothing to report */
	head_memo head = { 0 };
	pctx c = { cx, &head, *kh_check_bodies(cx), NULL, cx->prose->n, NULL };
	c.by_text = KH_NEW_N(const kh_prose *, c.n + 1);
	if (c.n)
		memcpy(c.by_text, cx->prose->items, c.n * sizeof *c.by_text);
	qsort(c.by_text, c.n, sizeof *c.by_text, by_pointer);
	const kh_plan *plan = cx->plan;
	c.heading = KH_NEW_N(const char *, plan->tasks.n + 1);
	walk_heads(plan, &plan->items, NULL, c.heading);
	for (size_t i = 0; i < plan->tasks.n; i++) {
		const kh_task *t = plan->tasks.items[i];
		if (kh_in_main_file(cx, t->span) && t->text)
			check_task(&c, t);
	}
	for (size_t i = 0; i < plan->meetings.n; i++) {
		const kh_meeting *m = plan->meetings.items[i];
		if (kh_in_main_file(cx, m->span))
			check_meeting(&c, m);
	}
}

/*
 * check_people.c - who does what: every body with a task, a chair or a
 * role receives the document; meetings have a chair, a length and
 * attendees; the signature fits the issuing body.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "check.h"
#include "names.h"

/* Is level A at or below level B (following "dưới" links)? */
static bool level_within(const kh_level *a, const kh_level *b)
{
	for (int guard = 0; a && guard < 64; guard++, a = a->below)
		if (a == b)
			return true;
	return false;
}

static const kh_level *body_level(const kh_body *b)
{
	for (int guard = 0; b && guard < 64; guard++) {
		if (b->level)
			return b->level;
		b = b->parent;
	}
	return NULL;
}

static bool level_reached(const kh_check_ctx *cx, const kh_level *l, bool own_level);

/*
 * The document reaches body B when B (or a parent of it, or what it is)
 * is a recipient; when B is generic ("Ủy ban nhân dân" of each level) and
 * a recipient or the issuer is one of it; when B's level is reached (see
 * level_reached); or when B is the issuer or one of the issuer's own
 * organs (the issuing office has the document).
 */
static bool body_reached(const kh_check_ctx *cx, const kh_body *b, int depth)
{
	const kh_plan *p = cx->plan;
	if (depth > 16)
		return false;
	if (p->issuer) {
		if (kh_body_is(b, p->issuer) || kh_body_is(p->issuer, b))
			return true;
		/* organs of the issuer's parent: Thường trực, Ban Tổ chức Tỉnh ủy */
		if (p->issuer->parent && b->parent == p->issuer->parent)
			return true;
	}
	for (size_t i = 0; i <= p->recipients.n; i++) {
		const kh_recipient *r = i < p->recipients.n ? KH_VEC_AT(p->recipients, kh_recipient, i) : p->archive;
		if (!r)
			continue;
		for (size_t j = 0; j < r->refs.n; j++) {
			const kh_ref *x = KH_VEC_AT(r->refs, kh_ref, j);
			if (x->kind != KH_REF_BODY || !x->body)
				continue;
			if (kh_body_is(b, x->body) || (!b->level && kh_body_is(x->body, b)))
				return true;
		}
	}
	const kh_level *bl = body_level(b);
	if (bl && level_reached(cx, bl, false))
		return true;
	/* A generic body belonging to a generic body: Chủ tịch of each UBND. */
	if (!b->level && b->parent && body_reached(cx, b->parent, depth + 1))
		return true;
	if (!b->level && b->is_a)
		return body_reached(cx, b->is_a, depth + 1);
	return false;
}

/* A catch-all group ("Các cơ quan liên quan") declared without level,
 * parent or kind: who it is is not written down, so it cannot be checked. */
static bool is_unnamed_group(const kh_body *b)
{
	return !b->level && !b->parent && !b->is_a;
}

/*
 * The document reaches every body at level L when L is a recipient, or a
 * level between the issuer and L is: a provincial plan sent to the
 * districts reaches the communes through them, as plans cascade.
 */
static bool level_reached(const kh_check_ctx *cx, const kh_level *l, bool own_level)
{
	const kh_plan *p = cx->plan;
	const kh_level *issuer_level = p->issuer ? body_level(p->issuer) : NULL;
	for (size_t i = 0; i < p->recipients.n; i++) {
		const kh_recipient *r = KH_VEC_AT(p->recipients, kh_recipient, i);
		for (size_t j = 0; j < r->refs.n; j++) {
			const kh_ref *x = KH_VEC_AT(r->refs, kh_ref, j);
			const kh_level *rl = x->kind == KH_REF_LEVEL ? x->level
					     : x->kind == KH_REF_BODY && x->body ? body_level(x->body) : NULL;
			if (!rl)
				continue;
			bool as_level = x->kind == KH_REF_LEVEL;
			/* "cấp huyện" reaches every district body; one body of a
			 * level stands for the level only when a level is asked. */
			if (rl == l && (as_level || own_level))
				return true;
			/* Cascade: "cấp huyện" or "UBND các huyện" pass it down,
			 * when they are below the issuer (not superiors informed). */
			if (rl != l && level_within(l, rl) && rl != issuer_level &&
			    (!issuer_level || level_within(rl, issuer_level)))
				return true;
		}
	}
	/* "cấp tỉnh" in a provincial plan: the issuing level itself. */
	return own_level && issuer_level == l;
}

/* Each body or level is reported once, at its first role. */
typedef struct seen {
	const void *items[256];
	size_t n;
} seen;

static bool first_time(seen *s, const void *x)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->items[i] == x)
			return false;
	if (s->n < sizeof s->items / sizeof s->items[0])
		s->items[s->n++] = x;
	return true;
}

/* Whether each body is reached, computed once: plans give the same few
 * bodies thousands of tasks. Open addressing on the pointer. */
typedef struct reach_cache {
	const kh_body **keys;
	bool *values;
	size_t cap, n;
} reach_cache;

static bool reached_cached(const kh_check_ctx *cx, reach_cache *c, const kh_body *b)
{
	if (c->n * 2 >= c->cap) {
		reach_cache bigger = { KH_NEW_N(const kh_body *, c->cap ? c->cap * 2 : 64),
				       KH_NEW_N(bool, c->cap ? c->cap * 2 : 64), c->cap ? c->cap * 2 : 64, 0 };
		for (size_t i = 0; i < c->cap; i++) {
			if (!c->keys[i])
				continue;
			size_t h = ((uintptr_t)c->keys[i] >> 4) & (bigger.cap - 1);
			while (bigger.keys[h])
				h = (h + 1) & (bigger.cap - 1);
			bigger.keys[h] = c->keys[i];
			bigger.values[h] = c->values[i];
			bigger.n++;
		}
		*c = bigger;
	}
	size_t h = ((uintptr_t)b >> 4) & (c->cap - 1);
	while (c->keys[h]) {
		if (c->keys[h] == b)
			return c->values[h];
		h = (h + 1) & (c->cap - 1);
	}
	c->keys[h] = b;
	c->values[h] = body_reached(cx, b, 0);
	c->n++;
	return c->values[h];
}

static void check_ref(const kh_check_ctx *cx, const kh_ref *r, const char *role, seen *done,
		      reach_cache *cache)
{
	if (r->kind == KH_REF_BODY && r->body) {
		if (is_unnamed_group(r->body) && r->body->span.file == cx->prog->main->id)
			return;
		if (!reached_cached(cx, cache, r->body) && first_time(done, r->body))
			kh_report(cx, R_ASSIGNEE_NOT_RECIPIENT, r->span,
				  "'%s' is %s but is not among the recipients: add it to nơi_nhận",
				  r->body->name ? r->body->name : r->body->id, role);
	} else if (r->kind == KH_REF_LEVEL && r->level) {
		if (!level_reached(cx, r->level, true) && first_time(done, r->level))
			kh_report(cx, R_ASSIGNEE_NOT_RECIPIENT, r->span,
				  "the bodies of %s are %s, but neither that level nor a level between it "
				  "and the issuer is among the recipients",
				  r->level->name ? r->level->name : r->level->id, role);
	}
}

static void check_assignees(const kh_check_ctx *cx)
{
	const kh_plan *p = cx->plan;
	if (!p->has_recipients || !cx->prog->main)
		return; /* missing-part says so once */
	seen done = { .n = 0 };
	reach_cache cache = { 0 };
	/* Bodies that only cooperate (phối_hợp) are reached through the body
	 * in charge; they are not checked. */
	for (size_t i = 0; i < p->tasks.n; i++) {
		const kh_task *t = KH_VEC_AT(p->tasks, kh_task, i);
		for (size_t j = 0; j < t->owners.n; j++)
			check_ref(cx, KH_VEC_AT(t->owners, kh_ref, j), "given a task", &done, &cache);
	}
	for (size_t i = 0; i < p->meetings.n; i++) {
		const kh_meeting *m = KH_VEC_AT(p->meetings, kh_meeting, i);
		for (size_t j = 0; j < m->chairs.n; j++)
			check_ref(cx, KH_VEC_AT(m->chairs, kh_leveled_ref, j)->ref, "chairing a meeting", &done,
				  &cache);
		if (m->organiser)
			check_ref(cx, m->organiser, "organising a meeting", &done, &cache);
	}
}

static void check_meetings(const kh_check_ctx *cx)
{
	const kh_plan *p = cx->plan;
	for (size_t i = 0; i < p->meetings.n; i++) {
		const kh_meeting *m = KH_VEC_AT(p->meetings, kh_meeting, i);
		const char *missing[3];
		int n = 0;
		if (!m->chairs.n)
			missing[n++] = "a chair (chủ_trì)";
		if (m->duration < 0)
			missing[n++] = "a length (thời_lượng 01 buổi)";
		if (!m->attendees.n)
			missing[n++] = "attendees (thành_phần { … })";
		if (!n)
			continue;
		kh_report(cx, R_MEETING_INCOMPLETE, m->span, "meeting '%s' lacks %s%s%s%s%s",
			  m->id, missing[0], n > 1 ? (n > 2 ? ", " : " and ") : "", n > 1 ? missing[1] : "",
			  n > 2 ? " and " : "", n > 2 ? missing[2] : "");
	}
}

static bool is_deputy(const char *position)
{
	const char *k = kh_text_fold(position);
	return !strncmp(k, "phó", strlen("phó"));
}

static void check_signature(const kh_check_ctx *cx)
{
	const kh_plan *p = cx->plan;
	const kh_signature *s = p->signature;
	if (!s)
		return;
	if (s->on_behalf && p->issuer && !kh_body_is(s->on_behalf, p->issuer) &&
	    !kh_body_is(p->issuer, s->on_behalf)) {
		kh_diag *d = kh_report(cx, R_SIGNATURE_MISMATCH, s->span,
				       "the signature is on behalf of '%s', but the document is issued by '%s'",
				       s->on_behalf->name ? s->on_behalf->name : s->on_behalf->id,
				       p->issuer->name ? p->issuer->name : p->issuer->id);
		if (d)
			kh_diag_note(d, p->issuer->span, "the issuing body is declared here");
	}
	if (!s->form || !s->position)
		return;
	char key[16];
	size_t j = 0;
	for (const char *c = s->form; *c && j + 1 < sizeof key; c++)
		if (*c != ' ' && *c != '/' && *c != '.')
			key[j++] = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
	key[j] = '\0';
	bool deputy = is_deputy(s->position);
	kh_system sys = p->issuer ? kh_body_system(p->issuer) : KH_SYSTEM_NONE;
	if (!strcmp(key, "KT") && !deputy)
		kh_report(cx, R_SIGNATURE_MISMATCH, s->span,
			  "'%s' means a deputy signs for the head, but the position '%s' is not a deputy's (Phó …)",
			  s->form, s->position);
	/* NĐ 30/2020: under TM. the head signs; a deputy signs KT. In Party
	 * documents a Phó Bí thư signs T/M Ban Thường vụ, which is correct. */
	if (!strcmp(key, "TM") && deputy && sys == KH_SYSTEM_STATE)
		kh_report(cx, R_SIGNATURE_MISMATCH, s->span,
			  "a deputy ('%s') signs a state document as 'KT. <head>', not 'TM.'", s->position);
}

void kh_check_people(const kh_check_ctx *cx)
{
	check_assignees(cx);
	check_meetings(cx);
	check_signature(cx);
}

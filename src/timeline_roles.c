/*
 * timeline_roles.c - what a timeline entry asks of whom: the one answer
 * that `schedule --for`, `checklist --for`, the checklist's per-body
 * sections and the SVG share. An entry's references are walked once
 * (kh_tl_each_ref), each with the role it gives; a body's roles are the
 * roles of the references that name it (kh_tl_ref_names), so asking
 * about one body costs one pass over the entry, never a scan of all
 * bodies.
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>

#include "timeline.h"

/* ------------------------------------------------------------------ */
/* The references of an entry                                         */

/* "gửi cấp_trên": the level above each owner's, once per level. */
static void each_superior(const kh_tl_entry *e, const kh_ref *r, kh_tl_role role,
			  kh_tl_ref_fn *fn, void *ctx)
{
	kh_vec done = { 0 };
	for (size_t i = 0; i < e->owners.n; i++) {
		const kh_ref *o = KH_VEC_AT(e->owners, kh_ref, i);
		const kh_level *l = o->kind == KH_REF_LEVEL                ? o->level
				    : o->kind == KH_REF_BODY && o->body ? kh_body_level(o->body)
									: NULL;
		if (!l || !l->below)
			continue;
		bool seen = false;
		for (size_t j = 0; j < done.n && !seen; j++)
			seen = done.items[j] == l->below;
		if (seen)
			continue;
		kh_vec_push(&done, l->below);
		kh_ref *up = KH_NEW(kh_ref);
		up->kind = KH_REF_LEVEL;
		up->level = l->below;
		up->span = r->span;
		fn(e, up, role, ctx);
	}
}

static void each_of(const kh_tl_entry *e, const kh_vec *refs, kh_tl_role role, kh_tl_ref_fn *fn,
		    void *ctx)
{
	for (size_t i = 0; i < refs->n; i++) {
		const kh_ref *r = KH_VEC_AT(*refs, kh_ref, i);
		if (r->kind == KH_REF_SUPERIOR && role != KH_ROLE_OWNER)
			each_superior(e, r, role, fn, ctx);
		else
			fn(e, r, role, ctx);
	}
}

/* Attendees (dự) and guests (mời) of the entry's level, nested groups
 * included; "mỗi huyện 1 …" counts people, it names no body. */
static void each_attendee(const kh_tl_entry *e, const kh_vec *groups, kh_tl_ref_fn *fn, void *ctx)
{
	for (size_t i = 0; i < groups->n; i++) {
		const kh_group *g = KH_VEC_AT(*groups, kh_group, i);
		if (e->level && g->at_level && g->at_level != e->level)
			continue;
		if (g->kind == KH_GROUP_ATTEND || g->kind == KH_GROUP_GUEST)
			each_of(e, &g->refs, g->kind == KH_GROUP_ATTEND ? KH_ROLE_ATTEND : KH_ROLE_GUEST,
				fn, ctx);
		else if (g->kind == KH_GROUP_GROUP)
			each_attendee(e, &g->groups, fn, ctx);
	}
}

void kh_tl_each_ref(const kh_tl_entry *e, kh_tl_ref_fn *fn, void *ctx)
{
	if (!e)
		return;
	if (e->task) {
		each_of(e, &e->owners, KH_ROLE_OWNER, fn, ctx);
		each_of(e, &e->task->cooperate, KH_ROLE_COOPERATE, fn, ctx);
		each_of(e, &e->task->send_to, KH_ROLE_RECEIVE, fn, ctx);
		each_of(e, &e->task->via, KH_ROLE_VIA, fn, ctx);
		return;
	}
	const kh_meeting *m = e->meeting;
	if (!m)
		return;
	if (m->organiser)
		fn(e, m->organiser, KH_ROLE_ORGANISER, ctx);
	for (size_t i = 0; i < m->chairs.n; i++) {
		const kh_leveled_ref *c = KH_VEC_AT(m->chairs, kh_leveled_ref, i);
		if (c->ref && !(e->level && c->level && c->level != e->level))
			fn(e, c->ref, KH_ROLE_CHAIR, ctx);
	}
	each_attendee(e, &m->attendees, fn, ctx);
}

/* ------------------------------------------------------------------ */
/* Whom a reference names                                             */

/* Does O reach G through "là" links only (a kind of G)? */
static bool is_kind_of(const kh_body *o, const kh_body *g)
{
	for (int guard = 0; o && guard < 64; guard++, o = o->is_a)
		if (o == g)
			return true;
	return false;
}

bool kh_tl_ref_names(const kh_tl_entry *e, const kh_ref *r, kh_tl_role role, const kh_body *b)
{
	if (!e || !r || !b)
		return false;
	bool lead = (role & KH_ROLES_LEAD) != 0;
	bool member = role == KH_ROLE_ATTEND || role == KH_ROLE_GUEST;
	if (r->kind == KH_REF_LEVEL)
		return r->level && kh_body_level(b) == r->level;
	if (r->kind != KH_REF_BODY || !r->body)
		return false;
	const kh_body *o = r->body;
	if (lead ? kh_body_is(b, o) : is_kind_of(b, o)) {
		/* A generic body ("Ủy ban nhân dân") in an entry for one level
		 * means that body at that level; attendees are named across
		 * levels ("dự cấp huyện" at the province's meeting). */
		if (!kh_body_level(o) && e->level && !member) {
			const kh_level *bl = kh_body_level(b);
			return !bl || bl == e->level;
		}
		return true;
	}
	/* A generic body asked for: every body named that is a kind of it. */
	return !b->level && is_kind_of(o, b);
}

typedef struct roles_ctx {
	const kh_body *b;
	unsigned roles;
} roles_ctx;

static void add_role(const kh_tl_entry *e, const kh_ref *r, kh_tl_role role, void *ctx)
{
	roles_ctx *x = ctx;
	if (!(x->roles & role) && kh_tl_ref_names(e, r, role, x->b))
		x->roles |= role;
}

unsigned kh_tl_roles(const kh_tl_entry *e, const kh_body *b)
{
	roles_ctx x = { b, 0 };
	if (e && b)
		kh_tl_each_ref(e, add_role, &x);
	return x.roles;
}

bool kh_tl_concerns(const kh_tl_entry *e, const kh_body *b)
{
	return kh_tl_roles(e, b) != 0;
}

/* ------------------------------------------------------------------ */
/* Labels                                                             */

static const struct {
	unsigned role;
	const char *vi, *name;
} role_words[] = {
	{ KH_ROLE_OWNER, "chủ trì", "owner" },
	{ KH_ROLE_ORGANISER, "tổ chức", "organiser" },
	{ KH_ROLE_CHAIR, "chủ trì", "chair" },
	{ KH_ROLE_COOPERATE, "phối hợp", "cooperate" },
	{ KH_ROLE_VIA, "tiếp nhận, tổng hợp (qua)", "via" },
	{ KH_ROLE_RECEIVE, "nhận báo cáo", "receive" },
	{ KH_ROLE_ATTEND, "dự họp", "attend" },
	{ KH_ROLE_GUEST, "dự họp (khách mời)", "guest" },
};

const char *kh_tl_roles_label(unsigned roles)
{
	if (roles & KH_ROLE_ATTEND)
		roles &= ~(unsigned)KH_ROLE_GUEST;   /* a member, whether invited or not */
	if (roles & KH_ROLE_OWNER)
		roles &= ~(unsigned)KH_ROLE_CHAIR;   /* both read "chủ trì" */
	kh_buf b = { 0 };
	for (size_t i = 0; i < sizeof role_words / sizeof role_words[0]; i++)
		if (roles & role_words[i].role)
			kh_buf_printf(&b, "%s%s", b.len ? "; " : "", role_words[i].vi);
	return kh_buf_cstr(&b);
}

const char *kh_tl_roles_names(unsigned roles)
{
	kh_buf b = { 0 };
	for (size_t i = 0; i < sizeof role_words / sizeof role_words[0]; i++)
		if (roles & role_words[i].role)
			kh_buf_printf(&b, "%s%s", b.len ? ";" : "", role_words[i].name);
	return kh_buf_cstr(&b);
}

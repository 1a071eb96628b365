/*
 * check_people.c - who does what: every body with a task, a chair or a
 * role receives the document; meetings have a chair, a length and
 * attendees. (The signature: check_signature.c.)
 * Part of kehoach; see README.md for the licence.
 */
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "check.h"
#include "i18n.h"
#include "map.h"
#include "names.h"

/* Is level A at or below level B (following "dưới" links)? */
static bool level_within(const kh_level *a, const kh_level *b)
{
	for (int guard = 0; a && guard < 64; guard++, a = a->below)
		if (a == b)
			return true;
	return false;
}

/* The recipients' sets: each pointer is its own value in a kh_map. */
typedef kh_map ptr_set;

static bool ptr_has(const ptr_set *s, const void *p)
{
	return p && kh_map_get(s, p);
}

static void ptr_add(ptr_set *s, const void *p)
{
	if (p)
		*kh_map_slot(s, p, true) = (void *)p;
}

/* Who the document reaches, gathered once so each question costs the
 * depth of the hierarchy, not the length of the recipient list. */
typedef struct audience {
	ptr_set bodies;           /* recipient bodies (archive included) */
	ptr_set generic;          /* everything a recipient body is or belongs to */
	ptr_set named_levels;     /* levels named as recipients: "cấp huyện" */
	ptr_set body_levels;      /* levels of recipient bodies */
	const kh_level *issuer_level;
} audience;

static bool add_generic(const kh_body *b, void *set)
{
	ptr_add(set, b);
	return false; /* every ancestor */
}

static void gather_audience(const kh_check_ctx *cx, audience *a)
{
	const kh_plan *p = cx->plan;
	memset(a, 0, sizeof *a);
	a->issuer_level = p->issuer ? kh_body_level(p->issuer) : NULL;
	/* A letter's addressees (kính_gửi) receive it as recipients do:
	 * indices past the recipients are theirs, the last the archive. */
	size_t nr = p->recipients.n, nto = nr + p->addressees.n;
	for (size_t i = 0; i <= nto; i++) {
		const kh_recipient *r = i < nr ? KH_VEC_AT(p->recipients, kh_recipient, i)
			: i < nto ? KH_VEC_AT(p->addressees, kh_recipient, i - nr) : p->archive;
		if (!r)
			continue;
		for (size_t j = 0; j < r->refs.n; j++) {
			const kh_ref *x = KH_VEC_AT(r->refs, kh_ref, j);
			if (x->kind == KH_REF_LEVEL && x->level) {
				ptr_add(&a->named_levels, x->level);
			} else if (x->kind == KH_REF_BODY && x->body) {
				ptr_add(&a->bodies, x->body);
				kh_body_walk(x->body, add_generic, &a->generic);
				/* The archive line is the issuer's own copy, not a
				 * channel that passes the plan down. */
				if (i < nto)
					ptr_add(&a->body_levels, kh_body_level(x->body));
			}
		}
	}
}

/*
 * The document reaches every body at level L when L is a recipient, or a
 * level between the issuer and L is: a provincial plan sent to the
 * districts ("cấp huyện" or "UBND các huyện") reaches the communes through
 * them, as plans cascade. Superiors informed ("để báo cáo") pass nothing
 * down. OWN_LEVEL: L is asked as a level ("giao cấp tỉnh"), so one body of
 * it among the recipients, or the issuer's own level, is enough.
 */
static bool level_reached(const audience *a, const kh_level *l, bool own_level)
{
	if (ptr_has(&a->named_levels, l) || (own_level && ptr_has(&a->body_levels, l)))
		return true;
	int guard = 0;
	for (const kh_level *rl = l->below; rl && guard < 64; rl = rl->below, guard++) {
		if (rl == a->issuer_level)
			break; /* at or above the issuer: superiors pass nothing down */
		if (ptr_has(&a->named_levels, rl) || ptr_has(&a->body_levels, rl))
			return !a->issuer_level || level_within(rl, a->issuer_level);
	}
	return own_level && a->issuer_level == l;
}

static bool is_recipient(const kh_body *b, void *a)
{
	return ptr_has(&((const audience *)a)->bodies, b);
}

/* How the document reaches a body. */
typedef enum reach { REACH_NONE, REACH_SENT, REACH_INSIDE } reach;

/* The issuer and what it is a part of, up to the first unit of its own
 * (trực_thuộc): the bodies that hold the issuer's own copy. */
typedef struct home {
	const kh_body *v[16];
	int n;
} home;

static home issuer_home(const kh_body *issuer)
{
	home h = { .n = 0 };
	for (const kh_body *x = issuer; x && h.n < 16; x = x->standing == KH_STANDING_UNIT ? NULL : x->parent)
		h.v[h.n++] = x;
	return h;
}

static bool in_home(const home *h, const kh_body *b)
{
	for (int i = 0; i < h->n; i++)
		if (h->v[i] == b)
			return true;
	return false;
}

static bool is_target(const kh_body *x, void *target)
{
	return x == target;
}

/*
 * The issuer's own copy reaches B when B is the issuer, what the issuer is
 * a part of, or a generic body it is; and when B is a part or a staff
 * organ of one of those (Thường trực, Ban Tổ chức of the issuing Tỉnh ủy),
 * directly or through other parts. A unit of its own (an Ủy ban Kiểm tra,
 * a chi bộ trực thuộc) is reached only by being sent the document.
 */
static bool reached_inside(const kh_plan *p, const kh_body *b)
{
	if (!p->issuer)
		return false;
	if (kh_body_walk_within(p->issuer, is_target, (void *)b))
		return true;
	home h = issuer_home(p->issuer);
	int guard = 0;
	for (const kh_body *y = b; y->parent && y->standing != KH_STANDING_UNIT && guard < 64;
	     y = y->parent, guard++)
		if (in_home(&h, y->parent))
			return true;
	return false;
}

/* Whether each body is reached, computed once: plans give the same few
 * bodies thousands of tasks, and generic bodies share their parents and
 * kinds. Kept as the reach plus one (no entry: not asked yet). */
typedef struct reach_cache {
	const audience *audience;
	kh_map known;             /* kh_body* -> (reach + 1) */
} reach_cache;

static reach body_reached(const kh_check_ctx *cx, reach_cache *c, const kh_body *b, int depth);

/* B's answer, from the cache or computed and kept; DEPTH counts the links
 * followed to B (a là loop ends there). */
static reach reached_at(const kh_check_ctx *cx, reach_cache *c, const kh_body *b, int depth)
{
	uintptr_t known = (uintptr_t)kh_map_get(&c->known, b);
	if (known)
		return (reach)(known - 1);
	reach v = body_reached(cx, c, b, depth);
	void **slot = kh_map_slot(&c->known, b, true); /* after: the walk may have added others */
	if (!*slot)
		*slot = (void *)(uintptr_t)(v + 1);
	return v;
}

static reach reached_cached(const kh_check_ctx *cx, reach_cache *c, const kh_body *b)
{
	return reached_at(cx, c, b, 0);
}

/*
 * The document reaches body B when it is sent to B: B (or a parent of it,
 * or what it is) is a recipient, B is generic ("Ủy ban nhân dân" of each
 * level) and a recipient is one of it, or B's level is reached (see
 * level_reached); or when the issuer's own copy reaches it (see
 * reached_inside).
 */
static reach body_reached(const kh_check_ctx *cx, reach_cache *c, const kh_body *b, int depth)
{
	const audience *a = c->audience;
	if (depth > KH_MAX_ANCESTORS)
		return REACH_NONE;
	if (kh_body_walk(b, is_recipient, (void *)a) || (!b->level && ptr_has(&a->generic, b)))
		return REACH_SENT;
	const kh_level *bl = kh_body_level(b);
	if (bl && level_reached(a, bl, false))
		return REACH_SENT;
	if (reached_inside(cx->plan, b))
		return REACH_INSIDE;
	/* A generic body belonging to a generic body: Chủ tịch of each UBND
	 * (a unit of its own is not reached through its parent). */
	reach r = REACH_NONE;
	if (!b->level && b->parent && b->standing != KH_STANDING_UNIT)
		r = reached_at(cx, c, b->parent, depth + 1);
	/* As the generic body it is, only when that is sent: the issuer being
	 * one of them too (ubnd) says nothing of this one. */
	if (!r && !b->level && b->is_a && reached_at(cx, c, b->is_a, depth + 1) == REACH_SENT)
		r = REACH_SENT;
	return r;
}

/* A catch-all group ("Các cơ quan liên quan") declared without level,
 * parent or kind: who it is is not written down, so it cannot be checked. */
static bool is_unnamed_group(const kh_body *b)
{
	return !b->level && !b->parent && !b->is_a;
}

/* Each body or level is reported once, at its first role. */
typedef ptr_set seen;

static bool first_time(seen *s, const void *x)
{
	if (ptr_has(s, x))
		return false;
	ptr_add(s, x);
	return true;
}

static const char *body_name(const kh_body *b)
{
	return b->name ? b->name : b->id;
}

static const char *standing_keyword(kh_standing s)
{
	return s == KH_STANDING_STAFF ? "tham_mưu" : s == KH_STANDING_UNIT ? "trực_thuộc" : "thuộc";
}

/* Where B is declared, for a message: "vn/hierarchy" for the stdlib. */
static const char *declared_in(const kh_body *b)
{
	const kh_source *src = kh_source_get(b->span.file);
	const char *path = src && src->path ? src->path : "";
	const char *lib = strstr(path, "stdlib/");
	size_t n = strlen(path);
	if (lib && n > 3 && !strcmp(path + n - 3, ".kh"))
		return kh_strndup(lib + 7, (size_t)(path + n - 3 - (lib + 7)));
	return path;
}

/* Why B stands as it does to its parent, for the notes. */
/* TRANSLATORS: the reasons fill the parentheses of "'%s' is a staff organ of %s (%s)". */
static const char *standing_reason(const kh_body *b)
{
	const char *from = b->standing_from ? body_name(b->standing_from) : "";
	const char *kw = standing_keyword(b->standing);
	const char *in = b->standing_from ? declared_in(b->standing_from) : "";
	switch (b->standing_why) {
	case KH_WHY_DECLARED: return kh_printf(_("declared %s"), kw);
	case KH_WHY_DEFAULT: return _("declared thuộc, not trực_thuộc");
	case KH_WHY_KIND: return kh_printf(_("it is '%s' (là), which %s declares %s"), from, in, kw);
	case KH_WHY_LEVEL:
		return kh_printf(_("its level, %s, lies below that of %s"),
				 b->level->name ? b->level->name : b->level->id, body_name(b->parent));
	case KH_WHY_ORGANISATION: return kh_printf(_("it is '%s' (là), a body with organs of its own"), from);
	case KH_WHY_NAME_KIND: return kh_printf(_("its name starts with '%s', which %s declares %s"), from, in, kw);
	case KH_WHY_NAME_WORDS: return _("its name says trực thuộc");
	}
	return kw;
}

/* With --explain: why the issuer's own copy is taken to reach B. */
static void explain_inside(const kh_check_ctx *cx, const kh_ref *r)
{
	const kh_body *b = r->body, *issuer = cx->plan->issuer;
	if (!b->parent || kh_body_walk_within(issuer, is_target, (void *)b))
		return; /* the issuer itself, or what it is a part of */
	home h = issuer_home(issuer);
	/* TRANSLATORS: what B is a staff organ or a part of, in "taken as reached: …". */
	const char *of = b->parent == issuer ? kh_printf(_("the issuer, %s"), body_name(issuer))
			 : in_home(&h, b->parent) ? kh_printf(_("%s, of which the issuer (%s) is a part"),
							      body_name(b->parent), body_name(issuer))
						  : body_name(b->parent);
	kh_diag *x = kh_explain(cx, R_ASSIGNEE_NOT_RECIPIENT, r->span,
				b->standing == KH_STANDING_STAFF ? _("taken as reached: '%s' is a staff organ of %s (%s)")
								 : _("taken as reached: '%s' is a part of %s (%s)"),
				body_name(b), of, standing_reason(b));
	if (x && b->standing_from)
		kh_diag_note(x, b->standing_from->span, _("'%s' is declared here"), body_name(b->standing_from));
}

/* The unit of its own (trực_thuộc) between B and the issuer's copy: B or
 * a body B belongs to, under the issuer's own side; NULL if none. */
static const kh_body *unit_between(const kh_plan *p, const kh_body *b)
{
	if (!p->issuer)
		return NULL;
	home h = issuer_home(p->issuer);
	const kh_body *unit = NULL;
	int guard = 0;
	for (const kh_body *y = b; y->parent && guard < 64; y = y->parent, guard++) {
		if (!unit && y->standing == KH_STANDING_UNIT)
			unit = y;
		if (unit && in_home(&h, y->parent))
			return unit;
	}
	return NULL;
}

static void report_unreached(const kh_check_ctx *cx, const kh_ref *r, const char *role)
{
	const kh_body *b = r->body;
	kh_diag *x = kh_report(cx, R_ASSIGNEE_NOT_RECIPIENT, r->span,
			       _("'%s' is %s but is not among the recipients: add it to nơi_nhận"), body_name(b), role);
	const kh_body *u = x ? unit_between(cx->plan, b) : NULL;
	if (u)
		kh_diag_note(x, u->span,
			     _("the issuer's own copy does not reach it: '%s' is a body of its own under %s (%s)"),
			     body_name(u), body_name(u->parent), standing_reason(u));
}

static void check_ref(const kh_check_ctx *cx, const kh_ref *r, const char *role, seen *done,
		      reach_cache *cache)
{
	if (r->kind == KH_REF_BODY && r->body) {
		if (is_unnamed_group(r->body) && r->body->span.file == cx->prog->main->id)
			return;
		reach how = reached_cached(cx, cache, r->body);
		if (how == REACH_SENT || !first_time(done, r->body))
			return;
		if (how == REACH_INSIDE)
			explain_inside(cx, r);
		else
			report_unreached(cx, r, role);
	} else if (r->kind == KH_REF_LEVEL && r->level) {
		if (!level_reached(cache->audience, r->level, true) && first_time(done, r->level))
			kh_report(cx, R_ASSIGNEE_NOT_RECIPIENT, r->span,
				  _("the bodies of %s are %s, but neither that level nor a level between it "
				  "and the issuer is among the recipients"),
				  r->level->name ? r->level->name : r->level->id, role);
	}
}

static void check_assignees(const kh_check_ctx *cx)
{
	const kh_plan *p = cx->plan;
	if ((!p->has_recipients && !p->has_addressees) || !cx->prog->main)
		return; /* missing-part says so once */
	seen done = { 0 };
	audience aud;
	gather_audience(cx, &aud);
	reach_cache cache = { .audience = &aud };
	for (size_t i = 0; i < p->tasks.n; i++) {
		const kh_task *t = KH_VEC_AT(p->tasks, kh_task, i);
		for (size_t j = 0; j < t->owners.n; j++)
			/* TRANSLATORS: the roles fill "'%s' is %s but is not among the recipients". */
			check_ref(cx, KH_VEC_AT(t->owners, kh_ref, j), _("given a task"), &done, &cache);
		for (size_t j = 0; j < t->cooperate.n; j++)
			check_ref(cx, KH_VEC_AT(t->cooperate, kh_ref, j), _("given a role in a task (phối hợp)"),
				  &done, &cache);
	}
	for (size_t i = 0; i < p->meetings.n; i++) {
		const kh_meeting *m = KH_VEC_AT(p->meetings, kh_meeting, i);
		for (size_t j = 0; j < m->chairs.n; j++)
			check_ref(cx, KH_VEC_AT(m->chairs, kh_leveled_ref, j)->ref, _("chairing a meeting"), &done,
				  &cache);
		if (m->organiser)
			check_ref(cx, m->organiser, _("organising a meeting"), &done, &cache);
	}
}

static void check_meetings(const kh_check_ctx *cx)
{
	const kh_plan *p = cx->plan;
	for (size_t i = 0; i < p->meetings.n; i++) {
		const kh_meeting *m = KH_VEC_AT(p->meetings, kh_meeting, i);
		const char *missing[3];
		int n = 0;
		/* TRANSLATORS: what a meeting lacks, in "meeting '%s' lacks %s". */
		if (!m->chairs.n)
			missing[n++] = _("a chair (chủ_trì)");
		if (m->duration < 0)
			missing[n++] = _("a length (thời_lượng 01 buổi)");
		if (!m->attendees.n)
			missing[n++] = _("attendees (thành_phần { … })");
		if (n == 1)
			kh_report(cx, R_MEETING_INCOMPLETE, m->span, _("meeting '%s' lacks %s"), m->id, missing[0]);
		else if (n == 2)
			kh_report(cx, R_MEETING_INCOMPLETE, m->span, _("meeting '%s' lacks %s and %s"), m->id,
				  missing[0], missing[1]);
		else if (n == 3)
			kh_report(cx, R_MEETING_INCOMPLETE, m->span, _("meeting '%s' lacks %s, %s and %s"), m->id,
				  missing[0], missing[1], missing[2]);
	}
}

void kh_check_people(const kh_check_ctx *cx)
{
	check_assignees(cx);
	check_meetings(cx);
}

/*
 * check_awards.c - award forms granted by an authority entitled to them,
 * at a level that may grant them (catalogue in stdlib vn/awards).
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>

#include "alloc.h"
#include "check.h"
#include "i18n.h"
#include "names.h"

static const kh_level *level_of(const kh_body *b)
{
	for (int guard = 0; b && guard < 64; guard++) {
		if (b->level)
			return b->level;
		b = b->parent ? b->parent : b->is_a;
	}
	return NULL;
}

/* Is B an authority at all: a title some award right names? */
static bool is_authority(const kh_check_ctx *cx, const kh_body *b)
{
	for (size_t i = 0; i < cx->prog->award_rights.n; i++) {
		const kh_award_right *w = KH_VEC_AT(cx->prog->award_rights, kh_award_right, i);
		for (size_t j = 0; j < w->grants.n; j++)
			if (kh_body_is(b, KH_VEC_AT(w->grants, kh_award_grant, j)->authority))
				return true;
	}
	return false;
}

static const char *who(const kh_body *b)
{
	return b->name ? b->name : b->id;
}

static void check_form(const kh_check_ctx *cx, const kh_award_form *f)
{
	if (!f->granted_by || f->granted_by->kind != KH_REF_BODY || !f->granted_by->body)
		return;
	const kh_award_right *w = kh_award_right_for(&cx->prog->award_rights, f->name, f->class_name);
	if (!w || !w->grants.n)
		return; /* a form the catalogue does not know, or an entry of
			   criteria only (a title): nothing to compare */
	const kh_body *g = f->granted_by->body;
	const kh_level *gl = level_of(g);
	bool title_ok = false;
	for (size_t j = 0; j < w->grants.n; j++) {
		const kh_award_grant *x = KH_VEC_AT(w->grants, kh_award_grant, j);
		if (!kh_body_is(g, x->authority))
			continue;
		title_ok = true;
		if (!x->level || x->level == gl)
			return;
	}
	/* What the catalogue allows, for the message. */
	kh_buf allowed = { 0 };
	for (size_t j = 0; j < w->grants.n; j++) {
		const kh_award_grant *x = KH_VEC_AT(w->grants, kh_award_grant, j);
		kh_buf_printf(&allowed, "%s%s%s%s%s", j ? "; " : "", who(x->authority),
			      x->level ? " (" : "", x->level ? (x->level->name ? x->level->name : x->level->id) : "",
			      x->level ? ")" : "");
	}
	kh_diag *d;
	if (title_ok && gl)
		d = kh_report(cx, R_AWARD_AUTHORITY, f->granted_by->span,
			      _("'%s' at %s may not grant %s; it is granted by %s"), who(g),
			      gl->name ? gl->name : gl->id, w->class_name, allowed.data);
	else if (title_ok)
		d = kh_report(cx, R_AWARD_AUTHORITY, f->granted_by->span,
			      _("'%s' at this level may not grant %s; it is granted by %s"), who(g),
			      w->class_name, allowed.data);
	else if (!is_authority(cx, g))
		d = kh_report(cx, R_AWARD_AUTHORITY, f->granted_by->span,
			      _("'%s' is a body, not an authority: name who grants %s (%s)"), who(g),
			      w->class_name, allowed.data);
	else
		d = kh_report(cx, R_AWARD_AUTHORITY, f->granted_by->span,
			      _("'%s' may not grant %s; it is granted by %s"), who(g), w->class_name,
			      allowed.data);
	if (d)
		kh_diag_note(d, w->span, _("who may grant %s is listed here"), w->class_name);
}

void kh_check_awards(const kh_check_ctx *cx)
{
	for (size_t i = 0; i < cx->plan->award_forms.n; i++)
		check_form(cx, KH_VEC_AT(cx->plan->award_forms, kh_award_form, i));
}

/*
 * resolve.c - loads a plan file and its imports, declares every name in
 * one scope, then binds the plan: references to declarations, dates to
 * days and windows, durations to half-days. Each statement is checked
 * against the block it stands in, so a rs_misplaced one gets a plain message.
 * Part of kehoach; see README.md for the licence.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ast_pack.h"
#include "i18n.h"
#include "prose_words.h"
#include "resolve_int.h"
#include "stdlib_embed.h"

/* The text a span covers, for messages and "as written" fields. */
const char *rs_span_text(kh_span sp)
{
	kh_source *src = kh_source_get(sp.file);
	if (!src || sp.end < sp.start || sp.end > src->len)
		return "";
	return kh_source_copy(src, sp.start, sp.end);
}

/* The first word of a statement as the user wrote it ("giao", "assign"). */
static const char *stmt_word(kh_node *n)
{
	kh_source *src = kh_source_get(n->span.file);
	if (!src || n->span.start >= src->len)
		return "?";
	const char *p = src->text + n->span.start;
	size_t len = 0;
	while (n->span.start + len < src->len && p[len] != ' ' && p[len] != '\t' &&
	       p[len] != '\n' && p[len] != '\r' && p[len] != ';' && p[len] != '{' && len < 40)
		len++;
	return kh_source_copy(src, n->span.start, n->span.start + (len ? len : 1));
}

char *rs_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return kh_strdup(".");
	if (slash == path)
		return kh_strdup("/");
	return kh_strndup(path, (size_t)(slash - path));
}


/* ------------------------------------------------------------------ */
/* Declarations                                                       */

static void declare(resolver *r, const char *id, kh_sym_kind kind, void *decl, kh_span span)
{
	kh_symbol *old = kh_scope_add(&r->scope, id, kind, decl, span);
	if (!old)
		return;
	kh_diag *d = kh_diag_add(r->diags, KH_ERROR, span, "duplicate-id",
				 _("'%s' is declared twice (first as %s)"), id, kh_sym_kind_phrase(old->kind));
	if (old->span.file >= 0)
		kh_diag_note(d, old->span, _("'%s' was first declared here"), old->id);
}

static void undeclared(resolver *r, kh_span span, const char *id, unsigned kinds, const char *what)
{
	const char *best = kh_scope_suggest(&r->scope, id, kinds);
	if (best)
		kh_diag_add(r->diags, KH_ERROR, span, "undeclared-id",
			    _("'%s' is not declared; did you mean '%s'?"), id, best);
	else
		kh_diag_add(r->diags, KH_ERROR, span, "undeclared-id",
			    _("'%s' is not declared (expected %s)"), id, what);
}

/* Finds ID among the symbol kinds in KINDS; reports and returns NULL
 * otherwise. WHAT names the kinds with their article ("a body"). */
kh_symbol *rs_lookup(resolver *r, kh_span span, const char *id, unsigned kinds, const char *what)
{
	kh_symbol *sym = kh_scope_find(&r->scope, id);
	if (!sym) {
		undeclared(r, span, id, kinds, what);
		return NULL;
	}
	sym->used = 1;
	if (!(sym->kind & kinds)) {
		if (sym->kind == KH_SYM_LEVEL && (kinds & KH_SYM_BODY))
			kh_diag_add(r->diags, KH_ERROR, span, "wrong-kind",
				    _("'%s' is %s, not %s; write 'cấp %s' for every body at that level"), id,
				    kh_sym_kind_phrase(sym->kind), what, id);
		else
			kh_diag_add(r->diags, KH_ERROR, span, "wrong-kind", _("'%s' is %s, not %s"), id,
				    kh_sym_kind_phrase(sym->kind), what);
		return NULL;
	}
	return sym;
}

kh_level *rs_lookup_level(resolver *r, kh_span span, const char *id)
{
	kh_symbol *s = rs_lookup(r, span, id, KH_SYM_LEVEL, _("a level"));
	return s ? s->decl : NULL;
}

kh_body *rs_lookup_body(resolver *r, kh_span span, const char *id)
{
	kh_symbol *s = rs_lookup(r, span, id, KH_SYM_BODY, _("a body"));
	return s ? s->decl : NULL;
}

void rs_misplaced(resolver *r, kh_node *n, const char *where)
{
	kh_diag_add(r->diags, KH_ERROR, n->span, "misplaced-statement",
		    _("'%s' cannot stand %s"), stmt_word(n), where);
}

bool rs_repeated(resolver *r, rs_once *once, int key, kh_node *a, const char *where)
{
	const int *k = once->single;
	while (*k && *k != key)
		k++;
	if (!*k)
		return false;
	for (unsigned i = 0; i < once->n; i++) {
		if (once->key[i] != key)
			continue;
		const char *word = stmt_word(a), *first = stmt_word(once->at[i]);
		kh_diag *d = strcmp(word, first)
			? kh_diag_add(r->diags, KH_ERROR, a->span, "repeated-field",
				      _("'%s' repeats '%s' %s; they hold one value"), word, first, where)
			: kh_diag_add(r->diags, KH_ERROR, a->span, "repeated-field",
				      _("'%s' is given twice %s; it holds one value"), word, where);
		kh_diag_note(d, once->at[i]->span, _("first given here"));
		return true;
	}
	if (once->n < sizeof once->key / sizeof once->key[0]) {
		once->key[once->n] = key;
		once->at[once->n++] = a;
	}
	return false;
}

/* Collects the declarations of a block: the plan body and its sections. */
static void declare_block(resolver *r, kh_node *first, int in_plan);

static void declare_node(resolver *r, kh_node *n, int in_plan)
{
	switch (n->kind) {
	case KH_N_LEVEL_DECL: {
		kh_level *l = KH_NEW(kh_level);
		l->id = n->id;
		kh_level_words(l);
		l->name = n->text;
		l->span = n->span;
		l->order = r->order++;
		declare(r, n->id, KH_SYM_LEVEL, l, n->span);
		kh_vec_push(&r->prog->levels, l);
		break;
	}
	case KH_N_BODY_DECL: {
		kh_body *b = KH_NEW(kh_body);
		b->id = n->id;
		b->name = n->text;
		b->span = n->span;
		b->order = r->order++;
		declare(r, n->id, KH_SYM_BODY, b, n->span);
		kh_vec_push(&r->prog->bodies, b);
		break;
	}
	case KH_N_DOC_DECL: {
		kh_document *d = KH_NEW(kh_document);
		d->id = n->id;
		d->number = n->text;
		d->span = n->span;
		d->order = r->order++;
		declare(r, n->id, KH_SYM_DOCUMENT, d, n->span);
		kh_vec_push(&r->prog->documents, d);
		break;
	}
	case KH_N_EVENT_DECL: {
		kh_event *e = KH_NEW(kh_event);
		e->id = n->id;
		e->text = n->text;
		e->span = n->span;
		e->order = r->order++;
		declare(r, n->id, KH_SYM_EVENT, e, n->span);
		kh_vec_push(&r->prog->events, e);
		break;
	}
	case KH_N_TASK: {
		kh_task *t = KH_NEW_KEPT(kh_task);
		t->id = n->id;
		t->text = n->text;
		t->span = n->span;
		t->order = r->order++;
		t->index = in_plan ? (int)r->plan->tasks.n : -1;
		declare(r, n->id, KH_SYM_TASK, t, n->span);
		if (in_plan)
			kh_vec_push(&r->plan->tasks, t);
		break;
	}
	case KH_N_MEETING: {
		kh_meeting *m = KH_NEW(kh_meeting);
		m->id = n->id;
		m->name = n->text;
		m->span = n->span;
		m->duration = -1;
		m->order = r->order++;
		declare(r, n->id, KH_SYM_MEETING, m, n->span);
		if (in_plan)
			kh_vec_push(&r->plan->meetings, m);
		break;
	}
	case KH_N_AWARD_FORM: {
		kh_award_form *a = KH_NEW(kh_award_form);
		a->id = n->id;
		a->name = n->text;
		a->span = n->span;
		a->quota = a->quota_collective = a->quota_individual = -1;
		a->order = r->order++;
		declare(r, n->id, KH_SYM_AWARD, a, n->span);
		if (in_plan)
			kh_vec_push(&r->plan->award_forms, a);
		break;
	}
	case KH_N_OUTLINE: {
		kh_outline *o = KH_NEW(kh_outline);
		o->id = n->id;
		o->name = n->text;
		o->span = n->span;
		o->order = r->order++;
		declare(r, n->id, KH_SYM_OUTLINE, o, n->span);
		if (in_plan)
			kh_vec_push(&r->plan->outlines, o);
		break;
	}
	case KH_N_SECTION:
	case KH_N_PART:
	case KH_N_AWARDS:
		declare_block(r, n->kids, in_plan);
		break;
	default:
		break;
	}
}

/* At most how many names FIRST and the blocks under it declare (what
 * declare_node walks), and how many of them are tasks (*TASKS): the scope
 * and the plan's tasks are made that large at once. */
static size_t count_names(const kh_node *first, size_t *tasks)
{
	size_t n = 0;
	for (const kh_node *k = first; k; k = k->next) {
		if (k->kind == KH_N_PLAN || k->kind == KH_N_SECTION || k->kind == KH_N_PART ||
		    k->kind == KH_N_AWARDS)
			n += count_names(k->kids, tasks);
		else
			n++;
		*tasks += k->kind == KH_N_TASK;
	}
	return n;
}

static void declare_block(resolver *r, kh_node *first, int in_plan)
{
	for (kh_node *n = first; n; n = n->next)
		declare_node(r, n, in_plan);
}

/* ------------------------------------------------------------------ */
/* References                                                         */

kh_ref *rs_resolve_ref(resolver *r, kh_node *n, unsigned extra_kinds)
{
	kh_ref *ref = KH_NEW_KEPT(kh_ref);
	ref->span = n->span;
	ref->joined = n->flag == 1;
	switch (n->kind) {
	case KH_N_REF_ID: {
		kh_symbol *s = rs_lookup(r, n->span, n->id, KH_SYM_BODY | extra_kinds,
				      extra_kinds & KH_SYM_LEVEL ? _("a body or level") : _("a body"));
		if (s && s->kind == KH_SYM_LEVEL) {
			ref->kind = KH_REF_LEVEL;
			ref->level = s->decl;
		} else {
			ref->kind = KH_REF_BODY;
			ref->body = s ? s->decl : NULL;
			ref->text = n->id;
		}
		break;
	}
	case KH_N_REF_LEVEL:
		ref->kind = KH_REF_LEVEL;
		ref->level = rs_lookup_level(r, n->span, n->id);
		break;
	case KH_N_REF_SUPERIOR:
		ref->kind = KH_REF_SUPERIOR;
		break;
	case KH_N_REF_ORGLEVEL:
		ref->kind = KH_REF_ORGLEVEL;
		break;
	default: /* STRING turned into REF_TEXT, or a plain string */
		ref->kind = KH_REF_TEXT;
		ref->text = n->text;
		break;
	}
	return ref;
}

/* The number of nodes in the list from FIRST. */
size_t rs_count(const kh_node *first)
{
	size_t k = 0;
	for (; first; first = first->next)
		k++;
	return k;
}

void rs_resolve_refs(resolver *r, kh_node *first, kh_vec *out, unsigned extra_kinds)
{
	kh_vec_reserve_kept(out, rs_count(first));
	for (kh_node *n = first; n; n = n->next)
		kh_vec_push(out, rs_resolve_ref(r, n, extra_kinds));
}

/* ------------------------------------------------------------------ */
/* Declarations' attributes                                           */

static void resolve_level(resolver *r, kh_node *n, kh_level *l)
{
	static const int single[] = { T_BELOW, T_FROM, T_UNTIL, 0 };
	rs_once once = { .single = single };
	for (kh_node *a = n->kids; a; a = a->next) {
		if (rs_repeated(r, &once, a->key, a, _("in this level")))
			continue;
		kh_precision p;
		kh_day s, e;
		switch (a->key) {
		case T_BELOW:
			l->below_id = a->kids->id;
			l->below = rs_lookup_level(r, a->kids->span, a->kids->id);
			break;
		case T_FROM:
			if (rs_resolve_date(r, a->kids, &s, &e, &p) == 1) {
				l->has_from = true;
				l->from = s;
			}
			break;
		case T_UNTIL:
			if (rs_resolve_date(r, a->kids, &s, &e, &p) == 1) {
				l->has_until = true;
				l->until = e;
			}
			break;
		default:
			rs_misplaced(r, a, _("in a level declaration (use dưới, từ, đến)"));
		}
	}
}

static void set_standing(kh_body *b, kh_standing s)
{
	b->standing = s;
	b->standing_why = KH_WHY_DECLARED;
}

/* thuộc X (an organ of X) or trực_thuộc X (a unit of its own under X), once. */
static void resolve_parent(resolver *r, kh_node *a, kh_body *b)
{
	if (b->parent) {
		rs_misplaced(r, a, _("after another thuộc or trực_thuộc (a body has one parent)"));
		return;
	}
	if (a->key == T_UNITOF && b->standing == KH_STANDING_STAFF) {
		rs_misplaced(r, a, _("on a staff organ (tham_mưu works inside its parent; trực_thuộc is a unit of its own)"));
		return;
	}
	b->parent = rs_lookup_body(r, a->kids->span, a->kids->id);
	if (b->parent == b) {
		kh_diag_add(r->diags, KH_ERROR, a->span, "parent-cycle", _("'%s' cannot belong to itself"), b->id);
		b->parent = NULL;
	}
	if (a->key == T_UNITOF)
		set_standing(b, KH_STANDING_UNIT);
}

static void resolve_body(resolver *r, kh_node *n, kh_body *b)
{
	static const int single[] = { T_LEVEL, T_PARENT, T_ABBR, T_IS, T_SYSTEM, T_COLLECTIVE, 0 };
	rs_once once = { .single = single };
	kh_node_spares_begin(&r->node_pool);
	kh_node *kids = kh_node_unpack_kids(n);
	for (kh_node *a = kids; a; a = a->next) {
		if (rs_repeated(r, &once, a->key, a, _("in this body")))
			continue;
		switch (a->key) {
		case T_LEVEL:
			b->level = rs_lookup_level(r, a->kids->span, a->kids->id);
			break;
		case T_PARENT:
		case T_UNITOF:
			resolve_parent(r, a, b);
			break;
		case T_STAFF:
			if (b->standing == KH_STANDING_UNIT)
				rs_misplaced(r, a, _("on a body declared trực_thuộc (a unit of its own is not a staff organ)"));
			else
				set_standing(b, KH_STANDING_STAFF);
			break;
		case T_SHORT:
			b->short_name = a->kids->text;
			break;
		case T_ABBR:
			b->abbr = a->kids->text;
			break;
		case T_IS:
			b->is_a = rs_lookup_body(r, a->kids->span, a->kids->id);
			if (b->is_a == b)
				b->is_a = NULL;
			break;
		case T_SYSTEM: {
			const char *k = kh_name_key(a->kids->id);
			if (!strcmp(k, "đảng") || !strcmp(k, "dang") || !strcmp(k, "party"))
				b->system = KH_SYSTEM_PARTY;
			else if (!strcmp(k, "nhà_nước") || !strcmp(k, "nha_nuoc") || !strcmp(k, "state"))
				b->system = KH_SYSTEM_STATE;
			else
				kh_diag_add(r->diags, KH_ERROR, a->kids->span, "undeclared-id",
					    _("'%s' is not a system: write 'hệ đảng' (Party) or 'hệ nhà_nước' (state)"),
					    a->kids->id);
			break;
		}
		case T_COLLECTIVE:
			b->collective = true;
			break;
		default:
			rs_misplaced(r, a, _("in a body declaration (use cấp, thuộc, trực_thuộc, tham_mưu, là, hệ, tập_thể, "
				     "viết_tắt, gọi_tắt)"));
		}
	}
	if (kids != n->kids) /* unpacked: the next one's nodes */
		kh_node_spare_trees(kids);
	kh_node_spares_end();
}

static void resolve_document(resolver *r, kh_node *n, kh_document *d)
{
	static const int single[] = { T_DAY, T_OF, T_TYPE, T_TITLE, T_SHORT, 0 };
	rs_once once = { .single = single };
	for (kh_node *a = n->kids; a; a = a->next) {
		if (rs_repeated(r, &once, a->key, a, _("in this document")))
			continue;
		kh_precision p;
		kh_day s, e;
		switch (a->key) {
		case T_DAY:
			if (rs_resolve_date(r, a->kids, &s, &e, &p) == 1) {
				if (p != KH_PREC_DAY)
					kh_diag_add(r->diags, KH_ERROR, a->span, "invalid-date",
						    _("a document is dated with a day (30/8/2019), not a period"));
				d->has_date = true;
				d->date = s;
			}
			break;
		case T_OF:
			d->issuer = rs_lookup_body(r, a->kids->span, a->kids->id);
			break;
		case T_TYPE:
			d->kind = (kh_doc_kind)a->n[0];
			break;
		case T_TITLE:
			d->title = a->kids->text;
			break;
		case T_SHORT:
			d->short_name = a->kids->text;
			break;
		default:
			rs_misplaced(r, a, _("in a document declaration (use ngày, của, loại, trích_yếu, gọi_tắt)"));
		}
	}
}

static void resolve_event(resolver *r, kh_node *n, kh_event *ev)
{
	static const int single[] = { T_PLANNED, 0 };
	rs_once once = { .single = single };
	for (kh_node *a = n->kids; a; a = a->next) {
		if (rs_repeated(r, &once, a->key, a, _("in this event")))
			continue;
		switch (a->key) {
		case T_PLANNED:
			ev->planned = true;
			break;
		case T_ON: {
			kh_when *w = KH_NEW_KEPT(kh_when);
			w->type = KH_WHEN_ON;
			w->span = a->span;
			w->text = rs_span_text(a->kids->span);
			w->planned = ev->planned;
			w->dated = rs_resolve_date(r, a->kids, &w->start, &w->end, &w->precision) == 1;
			kh_vec_push(&ev->when, w);
			break;
		}
		default:
			rs_misplaced(r, a, _("in an event declaration (use dự_kiến, vào)"));
		}
	}
}

/* ------------------------------------------------------------------ */
/* The plan                                                           */

kh_node *rs_only_string(kh_node *a)
{
	return a->kids && a->kids->text ? a->kids : NULL;
}


/* A declaration's attributes, unless it is a duplicate (reported already). */
static void resolve_decl(resolver *r, kh_node *d)
{
	switch (d->kind) {
	case KH_N_KINDRULE_DECL: rs_resolve_kind_rule(r, d); return;
	case KH_N_AWARDRIGHT_DECL: rs_resolve_award_right(r, d); return;
	case KH_N_HOLIDAY_DECL: rs_resolve_holiday(r, d); return;
	default: break;
	}
	if (!d->id)
		return;
	kh_symbol *s = kh_scope_find(&r->scope, d->id);
	if (!s || s->span.start != d->span.start || s->span.file != d->span.file)
		return;
	switch (d->kind) {
	case KH_N_LEVEL_DECL: resolve_level(r, d, s->decl); break;
	case KH_N_BODY_DECL: resolve_body(r, d, s->decl); break;
	case KH_N_DOC_DECL: resolve_document(r, d, s->decl); break;
	case KH_N_EVENT_DECL: resolve_event(r, d, s->decl); break;
	default: break;
	}
}

/* Attributes outside a plan: shared by every plan (stdlib vn/award_criteria). */
static void resolve_shared_attributes(resolver *r, kh_node *n)
{
	if (n->kind == KH_N_ATTRIBUTE)
		rs_resolve_attribute(r, n, &r->prog->award_attrs);
	else
		for (kh_node *a = n->kids; a; a = a->next)
			rs_resolve_attribute(r, a, &r->prog->award_attrs);
}

static void resolve_decls_in(resolver *r, kh_node *first)
{
	for (kh_node *n = first; n; n = n->next) {
		if (n->kind == KH_N_SECTION || n->kind == KH_N_PART)
			resolve_decls_in(r, n->kids);
		else
			resolve_decl(r, n);
	}
}

/* The time vocabulary first: every date depends on it. The stdlib's
 * before the plan's own files, which refine it (the prelude is read after
 * the plan). */
static void read_periods(resolver *r)
{
	rs_default_periods(r);
	for (size_t pass = 0; pass < 2 * r->files.n; pass++) {
		loaded_file *f = KH_VEC_AT(r->files, loaded_file, pass % r->files.n);
		if (f->in_stdlib != (pass < r->files.n))
			continue;
		for (kh_node *n = f->root->kids; n; n = n->next) {
			if (n->kind == KH_N_PERIOD_DECL)
				rs_resolve_period(r, n);
			else if (n->kind == KH_N_PLAN)
				for (kh_node *k = n->kids; k; k = k->next)
					if (k->kind == KH_N_PERIOD_DECL)
						rs_resolve_period(r, k);
		}
	}
}

static kh_program *resolve(resolver *r0, const char *path, const kh_resolve_opts *opts,
			   kh_diags *diags, int *io_error);

/* Its own frame: once it has returned, nothing on the stack holds the
 * resolver's files and trees. */
static __attribute__((noinline)) kh_program *resolve_fresh(const char *path,
							    const kh_resolve_opts *opts,
							    kh_diags *diags, int *io_error)
{
	resolver r = { 0 };
	return resolve(&r, path, opts, diags, io_error);
}

kh_program *kh_resolve_file(const char *path, const kh_resolve_opts *opts, kh_diags *diags,
			    int *io_error)
{
	kh_program *p = resolve_fresh(path, opts, diags, io_error);
	if (p && p->main)
		kh_alloc_phase_done(p->main->len);
	return p;
}

kh_program *kh_resolve_bytes(const char *path, const char *bytes, size_t len,
			     const kh_resolve_opts *opts, kh_diags *diags)
{
	resolver r = { 0 };
	int io_error = 0;
	r.bytes = bytes;
	r.nbytes = len;
	return resolve(&r, path, opts, diags, &io_error);
}

/* Pass 1: every name of every file, imports first; the main file's plan
 * made (its node returned: NULL when it has none). */
static kh_node *declare_files(resolver *r, const loaded_file *main_file)
{
	size_t names = 0, tasks = 0;
	for (size_t i = 0; i < r->files.n; i++)
		names += count_names(KH_VEC_AT(r->files, loaded_file, i)->root->kids, &tasks);
	kh_scope_reserve(&r->scope, names);
	kh_node *plan_node = NULL;
	for (size_t i = 0; i < r->files.n; i++) {
		const loaded_file *f = KH_VEC_AT(r->files, loaded_file, i);
		for (kh_node *n = f->root->kids; n; n = n->next) {
			if (n->kind != KH_N_PLAN) {
				declare_node(r, n, 0);
			} else if (f != main_file) {
				kh_diag_add(r->diags, KH_ERROR, n->span, "plan-in-import",
					    _("an imported file holds declarations only, not a plan"));
			} else if (plan_node) {
				kh_diag *d = kh_diag_add(r->diags, KH_ERROR, n->span, "second-plan",
							 _("a file holds one plan"));
				kh_diag_note(d, plan_node->span, _("the first plan is here"));
			} else {
				plan_node = n;
				r->plan = r->prog->plan = KH_NEW(kh_plan);
				kh_vec_reserve(&r->plan->tasks, tasks);
				/* Declarations inside the plan join the one scope. */
				declare_block(r, n->kids, 1);
			}
		}
	}
	return plan_node;
}

static kh_program *resolve(resolver *r0, const char *path, const kh_resolve_opts *opts,
			   kh_diags *diags, int *io_error)
{
	resolver r = *r0;
	kh_alloc_kept_begin();
	r.opts = opts;
	r.diags = diags;
	r.prog = KH_NEW(kh_program);
	r.prog->path = path;
	*io_error = 0;

	struct stat st;
	if (!r.bytes && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		kh_diag_add_path(diags, KH_ERROR, path, "io-error",
				 _("'%s' is a directory, not a plan file"), path);
		*io_error = 1;
		return NULL;
	}
	const char *real = r.bytes ? rs_bytes_real_path(path) : rs_real_path(path);
	bool piped = false;
	if (!real && !r.bytes && stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		/* A pipe (/dev/stdin, <(…)) has no real path: its relative
		 * imports are taken from the working folder. */
		real = path;
		piped = true;
	}
	if (!real) {
		kh_diag_add_path(diags, KH_ERROR, path, "io-error", _("cannot open '%s': %s"), path,
				 strerror(errno));
		*io_error = 1;
		return NULL;
	}
	r.main_dir = piped ? rs_real_path(".") : rs_dir_of(real);
	r.stdlib_real = opts->stdlib_dir ? rs_stdlib_real_path(opts->stdlib_dir) : NULL;
	if (!r.stdlib_real && opts->stdlib_dir && opts->stdlib_embedded)
		/* The default stdlib folder is gone: its modules are the
		 * copies compiled in, named as if they were there. */
		r.stdlib_real = opts->stdlib_dir[0] == '/'
					? opts->stdlib_dir
					: kh_printf("%s/%s", rs_real_path("."), opts->stdlib_dir);
	loaded_file *main_file = rs_load_file(&r, path, real, io_error);
	if (!main_file)
		return NULL;
	r.prog->main = main_file->src;
	/* The checker's data (document kinds, holidays) comes with every plan;
	 * the prelude declares no names, so it cannot clash with the plan's. */
	if (r.stdlib_real && !opts->no_prelude) {
		const char *prelude = kh_printf("%s/vn/prelude.kh", opts->stdlib_dir);
		if (rs_stdlib_real_path(prelude) ||
		    (opts->stdlib_embedded && kh_stdlib_embedded_find("vn/prelude.kh"))) {
			kh_node *imp = kh_node_new(KH_N_IMPORT, (kh_span){ main_file->src->id, 0, 0 });
			imp->text = "vn/prelude";
			rs_load_import(&r, main_file, imp);
		}
	}
	if (!main_file->root->kids && main_file->src->len == 0)
		kh_diag_add(diags, KH_ERROR, (kh_span){ main_file->src->id, 0, 0 }, "empty-file",
			    _("the file is empty: a plan file holds a plan (kế_hoạch \"…\" { … }) "
			    "or declarations"));
	else if (!main_file->root->kids && !diags->errors)
		kh_diag_add(diags, KH_ERROR, (kh_span){ main_file->src->id, 0, 0 }, "empty-file",
			    _("the file holds only comments: a plan file holds a plan or declarations"));
	for (size_t i = 0; i < r.files.n; i++) {
		loaded_file *f = KH_VEC_AT(r.files, loaded_file, i);
		if (f != main_file)
			kh_vec_push(&r.prog->imports, (void *)f->src->path);
	}

	/* Pass 1: every name, from every file, imports first. */
	kh_node *plan_node = declare_files(&r, main_file);
	read_periods(&r);
	/* Pass 2: the declarations' own attributes, then the plan. */
	for (size_t i = 0; i < r.files.n; i++) {
		loaded_file *f = KH_VEC_AT(r.files, loaded_file, i);
		for (kh_node *n = f->root->kids; n; n = n->next) {
			if (n->kind == KH_N_ATTRIBUTE || n->kind == KH_N_ATTRIBUTES)
				resolve_shared_attributes(&r, n);
			else if (n->kind != KH_N_PLAN)
				resolve_decl(&r, n);
			else if (n == plan_node)
				resolve_decls_in(&r, n->kids);
		}
	}
	rs_compute_depths(&r);
	rs_check_ancestry(&r);
	rs_infer_standings(&r);
	if (plan_node) {
		rs_resolve_plan(&r, plan_node);
		rs_find_dependency_cycles(&r);
	}
	/* Last: relative dates need every anchor and the holidays. */
	rs_date_relative(&r);
	rs_plan_period(&r);
	/* Each body's level, once the hierarchy is whole. */
	for (size_t i = 0; i < r.prog->bodies.n; i++) {
		kh_body *b = r.prog->bodies.items[i];
		b->at_level = kh_body_level(b);
		b->at_level_set = true;
	}
	/* The strings' places go with the program (the sources stay for the
	 * report); an import's are of no use after its parse. */
	r.prog->literals = main_file->src->literals;
	for (size_t i = 0; i < r.files.n; i++)
		KH_VEC_AT(r.files, loaded_file, i)->src->literals = NULL;
	return r.prog;
}

/*
 * rs_resolve_plan.c - the plan: header, sections and prose, tasks, meetings,
 * awards, budget, recipients, signature and attachments, each statement
 * checked against the block it stands in.
 * Part of kehoach; see README.md for the licence.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ast_pack.h"
#include "i18n.h"
#include "resolve_int.h"

/* "không_cần bc_xa "lý do"": the tasks whose reports this one does not
 * use, said where the checker would infer otherwise, with the reason. */
static void resolve_independent(resolver *r, kh_node *a, kh_independence **out)
{
	if (!*out)
		*out = KH_NEW(kh_independence);
	for (kh_node *x = a->kids; x; x = x->next) {
		kh_symbol *s = rs_lookup(r, x->span, x->id, KH_SYM_TASK, _("a task"));
		if (s)
			kh_vec_push(&(*out)->tasks, s->decl);
	}
	(*out)->reason = a->text;
}

static void resolve_task(resolver *r, kh_node *n, kh_task *t)
{
	static const int single[] = { T_NOTE, 0 };
	rs_once once = { .single = single };
	kh_node_spares_begin(&r->node_pool);
	kh_node *kids = kh_node_unpack_kids(n);
	for (kh_node *a = kids; a; a = a->next) {
		if (a->kind == KH_N_PARA) {
			kh_vec_push(&t->description, (void *)a->text);
			continue;
		}
		if (a->kind != KH_N_ATTR) {
			rs_misplaced(r, a, _("in a task (use giao, phối_hợp, gửi, qua, hạn, sau, ghi_chú)"));
			continue;
		}
		if (rs_repeated(r, &once, a->key, a, _("in this task")))
			continue;
		switch (a->key) {
		case T_ASSIGN:
			rs_resolve_refs(r, a->kids, &t->owners, 0);
			break;
		case T_COOPERATE:
			rs_resolve_refs(r, a->kids, &t->cooperate, 0);
			break;
		case T_SEND: {
			size_t via = 0, all = 0;
			for (kh_node *x = a->kids; x; x = x->next, all++)
				via += x->flag == 2;
			kh_vec_reserve_kept(&t->via, via);
			kh_vec_reserve_kept(&t->send_to, all - via);
			for (kh_node *x = a->kids; x; x = x->next)
				kh_vec_push(x->flag == 2 ? &t->via : &t->send_to, rs_resolve_ref(r, x, 0));
			break;
		}
		case T_DUE:
			rs_resolve_when_list(r, a->kids, &t->due);
			break;
		case T_AFTER:
			kh_vec_reserve_kept(&t->after, rs_count(a->kids));
			for (kh_node *x = a->kids; x; x = x->next) {
				kh_symbol *s = rs_lookup(r, x->span, x->id, KH_SYM_TASK, _("a task"));
				if (s && s->decl == t)
					kh_diag_add(r->diags, KH_ERROR, x->span, "dependency-cycle",
						    _("task '%s' cannot come after itself"), t->id);
				else if (s)
					kh_vec_push(&t->after, s->decl);
			}
			break;
		case T_NOTE:
			t->note = rs_only_string(a)->text;
			break;
		case T_INDEPENDENT:
			resolve_independent(r, a, &t->independent);
			break;
		default:
			rs_misplaced(r, a, _("in a task (use giao, phối_hợp, gửi, qua, hạn, sau, không_cần, ghi_chú)"));
		}
	}
	if (kids != n->kids) /* unpacked: the next task's nodes */
		kh_node_spare_trees(kids);
	kh_node_spares_end();
}

static kh_level *qualifier(resolver *r, kh_node *a)
{
	return a->flag == 1 ? rs_lookup_level(r, a->span, a->id) : NULL;
}

static void resolve_groups(resolver *r, kh_node *first, kh_vec *out, kh_level *at);

static kh_group *new_group(kh_group_kind kind, kh_node *n, kh_level *at)
{
	kh_group *g = KH_NEW(kh_group);
	g->kind = kind;
	g->span = n->span;
	g->at_level = at;
	g->text = n->text;
	return g;
}

static void resolve_groups(resolver *r, kh_node *first, kh_vec *out, kh_level *at)
{
	for (kh_node *n = first; n; n = n->next) {
		kh_group *g;
		switch (n->kind) {
		case KH_N_G_ATTEND:
			g = new_group(KH_GROUP_ATTEND, n, at);
			rs_resolve_refs(r, n->kids, &g->refs, 0);
			break;
		case KH_N_G_GUEST:
			g = new_group(KH_GROUP_GUEST, n, at);
			rs_resolve_refs(r, n->kids, &g->refs, 0);
			break;
		case KH_N_G_EACH:
			g = new_group(KH_GROUP_EACH, n, at);
			g->count = n->n[0];
			g->per = rs_resolve_ref(r, n->kids, KH_SYM_LEVEL);
			for (kh_node *e = n->kids->next; e; e = e->next) {
				kh_exception *x = KH_NEW(kh_exception);
				x->ref = rs_resolve_ref(r, e->kids, 0);
				x->count = e->n[0];
				kh_vec_push(&g->exceptions, x);
			}
			break;
		case KH_N_G_GROUP:
			g = new_group(KH_GROUP_GROUP, n, at);
			resolve_groups(r, n->kids, &g->groups, at);
			break;
		case KH_N_PARA:
			g = new_group(KH_GROUP_TEXT, n, at);
			break;
		default:
			rs_misplaced(r, n, _("among attendees (use dự, mời, mỗi, nhóm, or a string)"));
			continue;
		}
		kh_vec_push(out, g);
	}
}

static void resolve_meeting(resolver *r, kh_node *n, kh_meeting *m)
{
	static const int single[] = { T_ORGANISER, T_DURATION, T_ONLINE, T_NOTE, 0 };
	rs_once once = { .single = single };
	kh_node_spares_begin(&r->node_pool);
	kh_node *kids = kh_node_unpack_kids(n);
	for (kh_node *a = kids; a; a = a->next) {
		if (a->kind == KH_N_RECIPIENT && a->kids && a->kids->kind == KH_N_REF_LEVEL && !a->text) {
			/* "cấp xã, huyện, tỉnh": the levels the meeting is held at. */
			for (kh_node *x = a->kids; x; x = x->next) {
				kh_level *l = rs_lookup_level(r, x->span, x->id);
				if (l)
					kh_vec_push(&m->levels, l);
			}
			continue;
		}
		if (a->kind != KH_N_ATTR) {
			rs_misplaced(r, a, _("in a meeting (use cấp, tổ_chức, chủ_trì, thời_lượng, "
				  "thời_gian, trực_tuyến, thành_phần)"));
			continue;
		}
		if (rs_repeated(r, &once, a->key, a, _("in this meeting")))
			continue;
		switch (a->key) {
		case T_ORGANISER:
			m->organiser = rs_resolve_ref(r, a->kids, 0);
			break;
		case T_CHAIR: {
			kh_leveled_ref *c = KH_NEW(kh_leveled_ref);
			c->level = qualifier(r, a);
			c->ref = rs_resolve_ref(r, a->kids, 0);
			kh_vec_push(&m->chairs, c);
			break;
		}
		case T_DURATION:
			/* A half day to a year: longer is no meeting, and would
			 * carry its calendar entry out of the years the calendar
			 * knows; nothing lasts no time. */
			if (a->kids->n[0] < 1 || a->kids->n[0] > 2 * 366) {
				kh_diag_add(r->diags, KH_ERROR, a->span, "invalid-date",
					    _("a meeting lasts from 1 buổi (half a day) to 366 days (732 buổi), not %s"),
					    rs_span_text(a->kids->span));
				break;
			}
			m->duration = a->kids->n[0];
			m->duration_span = a->span;
			break;
		case T_WHEN: {
			kh_leveled_when *w = KH_NEW(kh_leveled_when);
			w->level = qualifier(r, a);
			w->span = a->span;
			rs_resolve_when_list(r, a->kids, &w->when);
			kh_vec_push(&m->when, w);
			break;
		}
		case T_ONLINE:
			m->online = true;
			break;
		case T_ATTENDEES:
			resolve_groups(r, a->kids, &m->attendees, qualifier(r, a));
			break;
		case T_NOTE:
			m->note = rs_only_string(a)->text;
			break;
		case T_INDEPENDENT:
			resolve_independent(r, a, &m->independent);
			break;
		default:
			rs_misplaced(r, a, _("in a meeting (use cấp, tổ_chức, chủ_trì, thời_lượng, "
				  "thời_gian, trực_tuyến, thành_phần)"));
		}
	}
	if (kids != n->kids) /* unpacked: the next task's or meeting's nodes */
		kh_node_spare_trees(kids);
	kh_node_spares_end();
}

static int targets_of(kh_node *first)
{
	int who = 0;
	for (kh_node *t = first; t; t = t->next)
		if (t->kind == KH_N_FLAG)
			who |= t->key == T_COLLECTIVE ? KH_TARGET_COLLECTIVE : KH_TARGET_INDIVIDUAL;
	return who;
}

static void resolve_award_form(resolver *r, kh_node *n, kh_award_form *f)
{
	/* theo_luật may stand beside the plan's own tiêu_chuẩn { … }: the
	 * law's rules, then the plan's (stricter) ones */
	static const int single[] = { T_TYPE, T_GRANTOR, T_CRITERIA, T_BYLAW, T_QUOTA, T_NOTE,
				      T_RANKBY, 0 };
	rs_once once = { .single = single };
	for (kh_node *a = n->kids; a; a = a->next) {
		if (a->kind == KH_N_TARGET) {
			f->who |= targets_of(a->kids);
			continue;
		}
		if (a->kind == KH_N_CRITERIA || a->kind == KH_N_RANK || a->kind == KH_N_QUOTA_EACH) {
			int key = a->kind == KH_N_CRITERIA ? T_CRITERIA : a->kind == KH_N_RANK ? T_RANKBY : T_QUOTA;
			if (rs_repeated(r, &once, key, a, _("in this award form")))
				continue;
			if (a->kind == KH_N_CRITERIA)
				rs_resolve_criteria(r, a, f);
			else if (a->kind == KH_N_RANK)
				rs_resolve_rank(r, a, f);
			else
				rs_resolve_quota_each(r, a, f);
			continue;
		}
		if (a->kind != KH_N_ATTR) {
			rs_misplaced(r, a, _("in an award form (use loại, trao_bởi, đối_tượng, tiêu_chuẩn, số_lượng)"));
			continue;
		}
		bool by_law = a->key == T_CRITERIA && a->flag == 2;
		if (rs_repeated(r, &once, by_law ? T_BYLAW : a->key, a, _("in this award form")))
			continue;
		switch (by_law ? T_BYLAW : a->key) {
		case T_BYLAW:
			f->criteria_by_law = true;
			f->by_law_span = a->span;
			break;
		case T_TYPE:
			f->class_name = a->kids->text;
			break;
		case T_GRANTOR:
			f->granted_by = rs_resolve_ref(r, a->kids, 0);
			break;
		case T_CRITERIA:
			f->criteria = a->kids ? a->kids->text : NULL;
			f->criteria_tba = a->flag == 1;
			break;
		case T_QUOTA:
			for (kh_node *q = a->kids; q; q = q->next) {
				long *slot = q->key == T_COLLECTIVE   ? &f->quota_collective
					     : q->key == T_INDIVIDUAL ? &f->quota_individual : &f->quota;
				*slot = q->n[0];
			}
			break;
		case T_NOTE:
			f->note = rs_only_string(a)->text;
			break;
		default:
			rs_misplaced(r, a, _("in an award form (use loại, trao_bởi, đối_tượng, tiêu_chuẩn, số_lượng)"));
		}
	}
}

static kh_item *new_item(kh_item_kind kind, kh_node *n);

/* The inside of khen_thưởng: targets, forms, criteria, and headings that
 * group them as the source does ("A. ĐỐI TƯỢNG", "2. Bằng khen:"). */
static void resolve_awards_block(resolver *r, kh_node *first, kh_vec *items)
{
	kh_plan *p = r->plan;
	for (kh_node *a = first; a; a = a->next) {
		kh_item *it = NULL;
		switch (a->kind) {
		case KH_N_SECTION:
		case KH_N_PART:
			it = new_item(a->kind == KH_N_PART ? KH_ITEM_PART : KH_ITEM_SECTION, a);
			resolve_awards_block(r, a->kids, &it->items);
			break;
		case KH_N_PARA:
			it = new_item(KH_ITEM_PARAGRAPH, a);
			break;
		case KH_N_TARGET: {
			kh_award_target *t = KH_NEW(kh_award_target);
			t->who = targets_of(a->kids);
			t->text = a->text;
			t->span = a->span;
			kh_vec_push(&p->award_targets, t);
			it = new_item(KH_ITEM_AWARD_TARGET, a);
			break;
		}
		case KH_N_AWARD_FORM: {
			kh_symbol *s = kh_scope_find(&r->scope, a->id);
			bool own = s && s->kind == KH_SYM_AWARD && s->span.start == a->span.start;
			if (own)
				resolve_award_form(r, a, s->decl);
			it = new_item(KH_ITEM_AWARD_FORM, a);
			it->ref_id = a->id;
			it->decl = own ? s->decl : NULL;
			it->text = NULL;
			break;
		}
		case KH_N_ATTRIBUTE:
		case KH_N_ATTRIBUTES:
			break; /* read first: awards_attributes */
		case KH_N_ATTR:
			if (a->key == T_CRITERIA && rs_repeated(r, &r->award_fields, T_CRITERIA, a, _("in khen_thưởng")))
				break;
			if (a->key == T_CRITERIA) {
				p->award_criteria = a->kids ? a->kids->text : NULL;
				p->award_criteria_tba = a->flag == 1;
				it = new_item(KH_ITEM_AWARD_CRITERIA, a);
				it->text = p->award_criteria;
				break;
			}
			rs_misplaced(r, a, _("in khen_thưởng (use đối_tượng, hình_thức, tiêu_chuẩn, mục)"));
			break;
		default:
			rs_misplaced(r, a, _("in khen_thưởng (use đối_tượng, hình_thức, tiêu_chuẩn, mục)"));
		}
		if (it)
			kh_vec_push(items, it);
	}
}

/* The attributes first, wherever they stand in khen_thưởng, so that every
 * form's criteria can name them. */
static void awards_attributes(resolver *r, kh_node *first)
{
	for (kh_node *a = first; a; a = a->next)
		if (a->kind == KH_N_ATTRIBUTE)
			rs_resolve_attribute(r, a, &r->plan->award_attrs);
		else if (a->kind == KH_N_ATTRIBUTES || a->kind == KH_N_SECTION || a->kind == KH_N_PART)
			awards_attributes(r, a->kids);
}

static void resolve_awards(resolver *r, kh_node *n, kh_item *item)
{
	r->plan->has_awards = true;
	awards_attributes(r, n->kids);
	resolve_awards_block(r, n->kids, &item->items);
}

static void resolve_budget(resolver *r, kh_node *n, kh_item *item)
{
	for (kh_node *a = n->kids; a; a = a->next) {
		if (a->kind != KH_N_BUDGET_ITEM && a->kind != KH_N_PARA) {
			rs_misplaced(r, a, _("in kinh_phí (use khoản \"…\" chi_trả …)"));
			continue;
		}
		kh_budget_line *b = KH_NEW(kh_budget_line);
		b->text = a->text;
		b->span = a->span;
		if (a->kids)
			b->paid_by = rs_resolve_ref(r, a->kids, 0);
		kh_vec_push(&r->plan->budget, b);
		kh_vec_push(&item->items, new_item(KH_ITEM_BUDGET_LINE, a));
	}
}

/* A line of nơi_nhận that starts with a name no one declared, close to a
 * keyword that starts a statement ("Lưu \"VT\""): the keyword was meant,
 * and that is the one error. */
static bool mistyped_keyword(resolver *r, kh_node *a)
{
	kh_node *first = a->kids;
	if (!first || first->kind != KH_N_REF_ID || kh_scope_find(&r->scope, first->id) ||
	    r->guesses++ >= KH_MAX_GUESSES)
		return false;
	const int *tokens;
	size_t n = kh_statement_tokens(&tokens);
	kh_kw_guess g = kh_keyword_guess(first->id, strlen(first->id), tokens, n);
	if (g.n != 1)
		return false;
	kh_diag_add(r->diags, KH_ERROR, first->span, "misspelt-keyword",
		    _("'%s' is not declared; did you mean the keyword '%s'?"), first->id,
		    g.spelling[0]);
	return true;
}

/* A line of nơi_nhận or kính_gửi: bodies and levels with a purpose, or
 * text as written. NULL for anything else. */
static kh_recipient *recipient_line(resolver *r, kh_node *a)
{
	kh_recipient *rc = KH_NEW(kh_recipient);
	rc->span = a->span;
	if (a->kind == KH_N_RECIPIENT && mistyped_keyword(r, a)) {
		kh_ref *t = KH_NEW(kh_ref); /* kept as text: no second error */
		t->kind = KH_REF_TEXT;
		t->text = a->text ? a->text : "";
		t->span = a->span;
		kh_vec_push(&rc->refs, t);
	} else if (a->kind == KH_N_RECIPIENT) {
		rs_resolve_refs(r, a->kids, &rc->refs, 0);
		rc->purpose = a->text;
	} else if (a->kind == KH_N_PARA || (a->kind == KH_N_ARCHIVE && a->text)) {
		kh_ref *t = KH_NEW(kh_ref);
		t->kind = KH_REF_TEXT;
		t->text = a->text;
		t->span = a->span;
		kh_vec_push(&rc->refs, t);
	} else if (a->kind == KH_N_ARCHIVE) {
		rs_resolve_refs(r, a->kids, &rc->refs, 0);
	} else {
		return NULL;
	}
	return rc;
}

static void resolve_recipients(resolver *r, kh_node *n)
{
	kh_plan *p = r->plan;
	p->has_recipients = true;
	for (kh_node *a = n->kids; a; a = a->next) {
		kh_recipient *rc = recipient_line(r, a);
		if (!rc) {
			rs_misplaced(r, a, _("in nơi_nhận (write a body, a level, a string, or lưu …)"));
		} else if (a->kind != KH_N_ARCHIVE) {
			kh_vec_push(&p->recipients, rc);
		} else {
			if (p->archive) {
				kh_diag *d = kh_diag_add(r->diags, KH_ERROR, a->span, "duplicate-archive",
							 _("a document has one archive line ('lưu')"));
				kh_diag_note(d, p->archive->span, _("the first one is here"));
			}
			p->archive = rc;
		}
	}
}

/* kính_gửi { … }: a letter's addressees, one line each, as in nơi_nhận
 * without the archive line. */
static void resolve_addressees(resolver *r, kh_node *n, int top)
{
	kh_plan *p = r->plan;
	if (!top) {
		rs_misplaced(r, n, _("inside a section: kính_gửi belongs to the plan itself"));
		return;
	}
	p->has_addressees = true;
	for (kh_node *a = n->kids; a; a = a->next) {
		kh_recipient *rc = a->kind != KH_N_ARCHIVE ? recipient_line(r, a) : NULL;
		if (rc)
			kh_vec_push(&p->addressees, rc);
		else
			rs_misplaced(r, a, _("in kính_gửi (write a body, a level or a string; lưu belongs in nơi_nhận)"));
	}
}

static kh_item *new_item(kh_item_kind kind, kh_node *n)
{
	kh_item *it = KH_NEW_KEPT(kh_item);
	it->kind = kind;
	it->span = n->span;
	it->text = n->text;
	return it;
}

/* The inside of an outline: headings, prose and bullets only. */
static void resolve_outline_items(resolver *r, kh_node *first, kh_vec *out)
{
	for (kh_node *n = first; n; n = n->next) {
		kh_item *it;
		switch (n->kind) {
		case KH_N_PART:
		case KH_N_SECTION:
			it = new_item(n->kind == KH_N_PART ? KH_ITEM_PART : KH_ITEM_SECTION, n);
			resolve_outline_items(r, n->kids, &it->items);
			break;
		case KH_N_PARA: it = new_item(KH_ITEM_PARAGRAPH, n); break;
		case KH_N_BULLET: it = new_item(KH_ITEM_BULLET, n); break;
		case KH_N_SUBBULLET: it = new_item(KH_ITEM_SUBBULLET, n); break;
		default:
			rs_misplaced(r, n, _("inside an outline's parts (use phần, mục, strings, - and + bullets)"));
			continue;
		}
		kh_vec_push(out, it);
	}
}

static void resolve_outline(resolver *r, kh_node *n, kh_outline *o)
{
	static const int single[] = { T_TITLE, T_ATTACHED, 0 };
	rs_once once = { .single = single };
	for (kh_node *a = n->kids; a; a = a->next) {
		if (a->kind == KH_N_ATTR && rs_repeated(r, &once, a->key, a, _("in this outline")))
			continue;
		if (a->kind == KH_N_ATTR && a->key == T_TITLE) {
			o->title = a->kids->text;
		} else if (a->kind == KH_N_ATTR && a->key == T_ATTACHED) {
			o->attached_to = a->kids->text;
		} else if (a->kind == KH_N_LINE) {
			kh_vec_push(&o->lines, (void *)a->text);
		} else {
			kh_node saved = *a;
			saved.next = NULL;
			resolve_outline_items(r, &saved, &o->items);
		}
	}
}

static void resolve_plan_block(resolver *r, kh_node *first, kh_vec *items, int top);

static void resolve_header(resolver *r, kh_node *a, int top)
{
	kh_plan *p = r->plan;
	if (!top) {
		rs_misplaced(r, a, _("inside a section: it belongs to the plan itself"));
		return;
	}
	if (rs_repeated(r, &r->plan_fields, a->key, a, _("in the plan")))
		return;
	switch (a->key) {
	case T_ISSUER: {
		kh_ref *ref = rs_resolve_ref(r, a->kids, 0);
		p->issuer = ref->body;
		break;
	}
	case T_PLACE: p->place = a->kids->text; break;
	case T_TITLE: p->title = a->kids->text; break;
	case T_PREAMBLE: p->preamble = a->kids->text; break;
	case T_CLOSING: p->closing = a->kids->text; break;
	case T_SUPERIORLINE:
		p->header.superior = a->kids->text;
		p->header.superior_written = true;
		break;
	case T_DAY: {
		kh_precision prec;
		kh_day s, e;
		if (rs_resolve_date(r, a->kids, &s, &e, &prec) == 1) {
			if (prec != KH_PREC_DAY)
				kh_diag_add(r->diags, KH_ERROR, a->span, "invalid-date",
					    _("a plan is dated with a day (16/8/2019), not a period"));
			p->has_date = true;
			p->date = s;
		}
		break;
	}
	case T_IMPLEMENTS:
	case T_BASIS:
		for (kh_node *x = a->kids; x; x = x->next) {
			kh_symbol *s = rs_lookup(r, x->span, x->id, KH_SYM_DOCUMENT, _("a document"));
			if (s)
				kh_vec_push(a->key == T_BASIS ? &p->basis : &p->implements, s->decl);
		}
		break;
	default:
		rs_misplaced(r, a, _("in a plan"));
	}
}

/* The item of a task, meeting or outline, with its declaration (none for
 * a duplicate id, reported where it is declared). */
static kh_item *declared_item(resolver *r, kh_node *n, kh_item_kind kind, kh_sym_kind sk)
{
	kh_item *it = new_item(kind, n);
	it->ref_id = n->id;
	kh_symbol *s = kh_scope_find(&r->scope, n->id);
	if (s && s->kind == sk && s->span.start == n->span.start)
		it->decl = s->decl;
	return it;
}

static void resolve_plan_block(resolver *r, kh_node *first, kh_vec *items, int top)
{
	kh_plan *p = r->plan;
	for (kh_node *n = first; n; n = n->next) {
		kh_item *it = NULL;
		switch (n->kind) {
		case KH_N_ATTR:
			resolve_header(r, n, top);
			break;
		case KH_N_BODY_DECL:
		case KH_N_DOC_DECL:
		case KH_N_EVENT_DECL:
		case KH_N_HOLIDAY_DECL:
		case KH_N_KINDRULE_DECL:
		case KH_N_AWARDRIGHT_DECL:
		case KH_N_PERIOD_DECL:
			break; /* resolved with the other declarations */
		case KH_N_PARA: it = new_item(KH_ITEM_PARAGRAPH, n); break;
		case KH_N_BULLET: it = new_item(KH_ITEM_BULLET, n); break;
		case KH_N_SUBBULLET: it = new_item(KH_ITEM_SUBBULLET, n); break;
		case KH_N_PURPOSE:
			it = new_item(KH_ITEM_PURPOSE, n);
			kh_vec_push(&p->purposes, (void *)n->text);
			break;
		case KH_N_REQUIREMENT:
			it = new_item(KH_ITEM_REQUIREMENT, n);
			kh_vec_push(&p->requirements, (void *)n->text);
			break;
		case KH_N_CONTENT:
			it = new_item(KH_ITEM_CONTENT, n);
			kh_vec_push(&p->contents, (void *)n->text);
			break;
		case KH_N_SECTION:
		case KH_N_PART:
			it = new_item(n->kind == KH_N_PART ? KH_ITEM_PART : KH_ITEM_SECTION, n);
			resolve_plan_block(r, n->kids, &it->items, 0);
			break;
		case KH_N_TASK:
			it = declared_item(r, n, KH_ITEM_TASK, KH_SYM_TASK);
			if (it->decl)
				resolve_task(r, n, (kh_task *)it->decl);
			break;
		case KH_N_MEETING:
			it = declared_item(r, n, KH_ITEM_MEETING, KH_SYM_MEETING);
			if (it->decl)
				resolve_meeting(r, n, (kh_meeting *)it->decl);
			break;
		case KH_N_OUTLINE:
			it = declared_item(r, n, KH_ITEM_OUTLINE, KH_SYM_OUTLINE);
			if (it->decl)
				resolve_outline(r, n, (kh_outline *)it->decl);
			break;
		case KH_N_AWARDS:
			it = new_item(KH_ITEM_AWARDS, n);
			resolve_awards(r, n, it);
			break;
		case KH_N_BUDGET:
			it = new_item(KH_ITEM_BUDGET, n);
			resolve_budget(r, n, it);
			break;
		case KH_N_RECIPIENTS:
			it = new_item(KH_ITEM_RECIPIENTS, n);
			resolve_recipients(r, n);
			break;
		case KH_N_SIGN:
			it = new_item(KH_ITEM_SIGNATURE, n);
			rs_resolve_signature(r, n);
			break;
		case KH_N_ADDRESSEES: resolve_addressees(r, n, top); break;
		default:
			rs_misplaced(r, n, _("in a plan (use it inside the block it belongs to)"));
		}
		if (it)
			kh_vec_push(items, it);
	}
}

void rs_resolve_plan(resolver *r, kh_node *pn)
{
	static const int header[] = { T_ISSUER, T_PLACE, T_TITLE, T_PREAMBLE, T_CLOSING, T_DAY,
				      T_SUPERIORLINE, 0 };
	static const int awards[] = { T_CRITERIA, 0 };
	kh_plan *p = r->plan;
	r->plan_fields = (rs_once){ .single = header };
	r->award_fields = (rs_once){ .single = awards };
	p->kind = (kh_doc_kind)pn->key;
	p->number = pn->text;
	p->span = pn->span;
	/* The date first: "cuối năm" without a year means the plan's year. */
	for (kh_node *a = pn->kids; a; a = a->next) {
		if (a->kind != KH_N_ATTR || a->key != T_DAY)
			continue;
		if (a->kids && a->kids->kind == KH_N_D_DMY &&
		    kh_date_valid((int)a->kids->n[0], (int)a->kids->n[1], (int)a->kids->n[2]))
			r->plan_year = (int)a->kids->n[0];
		break; /* a second date is an error: the first counts */
	}
	resolve_plan_block(r, pn->kids, &p->items, 1);
	rs_resolve_forms(r);
	rs_criteria_by_law(r);
	rs_criteria_years(r);
}

/* ------------------------------------------------------------------ */


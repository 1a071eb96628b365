/*
 * check_confusables.c - confusable-identifier: ids that a reader cannot
 * tell apart. Each declared id's TR39 skeleton (ICU's spoof checker, which
 * carries Unicode's confusables data; skeleton.c) is computed once; two ids with one
 * skeleton but different names are reported at the later one, with a
 * note at the first. An id mixing scripts (Latin with Cyrillic or Greek)
 * is reported too. Only ids of the main file are reported; the stdlib's
 * count as the ones a plan's may imitate. Linear: one map of skeletons.
 * Part of kehoach; see README.md for the licence.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "citations_int.h"
#include "i18n.h"
#include "names.h"
#include "skeleton.h"

typedef struct id_ref {
	const char *id;
	kh_span span;
} id_ref;

typedef struct skel_ctx {
	const kh_check_ctx *cx;
	strmap seen;              /* skeleton -> index in ids */
	kh_vec ids;               /* id_ref* */
} skel_ctx;

static bool in_main(const skel_ctx *x, kh_span sp)
{
	return x->cx->prog->main && sp.file == x->cx->prog->main->id;
}

static void add(skel_ctx *x, const char *id, kh_span span)
{
	if (!id)
		return;
	if (in_main(x, span) && kh_mixes_scripts(id))
		kh_report(x->cx, R_CONFUSABLE_ID, span,
			  _("'%s' mixes letters of different scripts (Latin with Cyrillic or Greek): "
			  "it looks like a Latin id but is another"), id);
	const char *sk = kh_skeleton(id);
	if (!sk)
		return;
	int at = kh_strmap_get(&x->seen, sk);
	if (at < 0) {
		id_ref *r = KH_NEW(id_ref);
		*r = (id_ref){ id, span };
		kh_strmap_put(&x->seen, sk, (int)x->ids.n);
		kh_vec_push(&x->ids, r);
		return;
	}
	const id_ref *first = KH_VEC_AT(x->ids, id_ref, (size_t)at);
	if (!strcmp(kh_name_key(first->id), kh_name_key(id)) || !in_main(x, span))
		return;
	kh_diag *d = kh_report(x->cx, R_CONFUSABLE_ID, span,
			       _("'%s' looks like '%s' but is another name"), id, first->id);
	if (d)
		kh_diag_note(d, first->span, _("'%s' is declared here"), first->id);
}

static void add_items(skel_ctx *x, const kh_vec *v, size_t id_off, size_t span_off)
{
	for (size_t i = 0; i < v->n; i++) {
		const char *item = v->items[i];
		add(x, *(const char *const *)(item + id_off), *(const kh_span *)(item + span_off));
	}
}

#define ADD_ALL(x, vec, T) add_items((x), (vec), offsetof(T, id), offsetof(T, span))

void kh_check_confusables(const kh_check_ctx *cx)
{
	skel_ctx x = { .cx = cx };
	const kh_program *p = cx->prog;
	ADD_ALL(&x, &p->levels, kh_level);
	ADD_ALL(&x, &p->bodies, kh_body);
	ADD_ALL(&x, &p->documents, kh_document);
	ADD_ALL(&x, &p->events, kh_event);
	if (cx->plan) {
		ADD_ALL(&x, &cx->plan->tasks, kh_task);
		ADD_ALL(&x, &cx->plan->meetings, kh_meeting);
		ADD_ALL(&x, &cx->plan->award_forms, kh_award_form);
		ADD_ALL(&x, &cx->plan->outlines, kh_outline);
	}
}

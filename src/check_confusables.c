/*
 * check_confusables.c - confusable-identifier: ids that a reader cannot
 * tell apart. Each declared id's TR39 skeleton (ICU's spoof checker, which
 * carries Unicode's confusables data) is computed once; two ids with one
 * skeleton but different names are reported at the later one, with a
 * note at the first. An id mixing scripts (Latin with Cyrillic or Greek)
 * is reported too. Only ids of the main file are reported; the stdlib's
 * count as the ones a plan's may imitate. Linear: one map of skeletons.
 * Part of kehoach; see README.md for the licence.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uspoof.h>

#include "check.h"
#include "citations_int.h"
#include "i18n.h"
#include "resolve.h"

typedef struct id_ref {
	const char *id;
	kh_span span;
} id_ref;

typedef struct skel_ctx {
	const kh_check_ctx *cx;
	USpoofChecker *sc;
	strmap seen;              /* skeleton -> index in ids */
	kh_vec ids;               /* id_ref* */
} skel_ctx;

static const char *skeleton(USpoofChecker *sc, const char *id)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = uspoof_getSkeletonUTF8(sc, 0, id, -1, NULL, 0, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return NULL;
	char *out = kh_alloc_atomic((size_t)n + 1);
	st = U_ZERO_ERROR;
	uspoof_getSkeletonUTF8(sc, 0, id, -1, out, n + 1, &st);
	return U_FAILURE(st) ? NULL : out;
}

/* Latin with Cyrillic or Greek letters in one id ("tinh_uу"). */
static bool mixes_scripts(USpoofChecker *sc, const char *id)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t r = uspoof_checkUTF8(sc, id, -1, NULL, &st);
	return U_SUCCESS(st) && (r & USPOOF_RESTRICTION_LEVEL);
}

static bool in_main(const skel_ctx *x, kh_span sp)
{
	return x->cx->prog->main && sp.file == x->cx->prog->main->id;
}

static void add(skel_ctx *x, const char *id, kh_span span)
{
	if (!id)
		return;
	if (in_main(x, span) && mixes_scripts(x->sc, id))
		kh_report(x->cx, R_CONFUSABLE_ID, span,
			  _("'%s' mixes letters of different scripts (Latin with Cyrillic or Greek): "
			  "it looks like a Latin id but is another"), id);
	const char *sk = skeleton(x->sc, id);
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
	UErrorCode st = U_ZERO_ERROR;
	USpoofChecker *sc = uspoof_open(&st);
	if (U_FAILURE(st))
		return;
	uspoof_setRestrictionLevel(sc, USPOOF_HIGHLY_RESTRICTIVE);
	uspoof_setChecks(sc, USPOOF_RESTRICTION_LEVEL, &st);
	skel_ctx x = { .cx = cx, .sc = sc };
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
	uspoof_close(sc);
}

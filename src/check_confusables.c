/*
 * check_confusables.c - confusable-identifier: ids that a reader cannot
 * tell apart. Each declared id's TR39 skeleton (ICU's spoof checker, which
 * carries Unicode's confusables data; skeleton.c) is computed once; two ids with one
 * skeleton but different names are reported at the later one, with a
 * note at the first. An id mixing scripts (Latin with Cyrillic or Greek)
 * is reported too. Only ids of the main file are reported; the stdlib's
 * count as the ones a plan's may imitate. Linear: one table of skeletons' hashes.
 * Part of kehoach; see README.md for the licence.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"
#include "names.h"
#include "prose_words.h"
#include "skeleton.h"

/* Each id in one array, and a table of their skeletons' hashes (sized
 * once: the ids are counted first). A skeleton is built on the stack and
 * kept only as its hash; two ids whose hashes meet have their skeletons
 * built again and compared. At 100k tasks: 13 MB of skeletons, keys and
 * growing tables became 4 MB in two blocks. */
typedef struct id_ref {
	const char *id;
	kh_span span;
	uint32_t hash;            /* of its skeleton (kh_fold_hash) */
} id_ref;

typedef struct skel_ctx {
	const kh_check_ctx *cx;
	id_ref *ids;
	size_t n;
	uint32_t *slot;           /* 1 + index in ids; 0: empty */
	size_t mask;
} skel_ctx;

static bool in_main(const skel_ctx *x, kh_span sp)
{
	return x->cx->prog->main && sp.file == x->cx->prog->main->id;
}

/* Do A's and B's skeletons, B's being SK (LEN bytes), agree? */
static bool same_skeleton(const char *a, const char *sk, size_t len)
{
	char buf[256];
	size_t n;
	const char *ska = kh_skeleton_in(a, buf, sizeof buf, &n);
	return ska && n == len && !memcmp(ska, sk, len);
}

/* The first id whose skeleton is SK (LEN bytes, hash H), or NULL after
 * putting ID there. */
static const id_ref *first_alike(skel_ctx *x, const char *id, kh_span span, const char *sk,
				 size_t len, uint32_t h)
{
	size_t i = h & x->mask;
	for (; x->slot[i]; i = (i + 1) & x->mask) {
		const id_ref *o = &x->ids[x->slot[i] - 1];
		if (o->hash == h && same_skeleton(o->id, sk, len))
			return o;
	}
	x->ids[x->n] = (id_ref){ id, span, h };
	x->slot[i] = (uint32_t)++x->n;
	return NULL;
}

static void add(skel_ctx *x, const char *id, kh_span span)
{
	if (!id)
		return;
	if (in_main(x, span) && kh_mixes_scripts(id))
		kh_report(x->cx, R_CONFUSABLE_ID, span,
			  _("'%s' mixes letters of different scripts (Latin with Cyrillic or Greek): "
			  "it looks like a Latin id but is another"), id);
	char buf[256];
	size_t len;
	const char *sk = kh_skeleton_in(id, buf, sizeof buf, &len);
	if (!sk)
		return;
	const id_ref *first = first_alike(x, id, span, sk, len, kh_fold_hash(sk, len));
	if (!first || !strcmp(kh_name_key(first->id), kh_name_key(id)) || !in_main(x, span))
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

/* Room for N ids: the array, and a table at most half full. */
static void make_room(skel_ctx *x, size_t n)
{
	size_t cap = 16;
	while (cap < 2 * n)
		cap *= 2;
	x->ids = KH_NEW_N(id_ref, n + 1);
	x->slot = kh_alloc_atomic(kh_mul_size(cap, sizeof *x->slot));
	x->mask = cap - 1;
}

void kh_check_confusables(const kh_check_ctx *cx)
{
	skel_ctx x = { .cx = cx };
	const kh_program *p = cx->prog;
	const kh_plan *pl = cx->plan;
	make_room(&x, p->levels.n + p->bodies.n + p->documents.n + p->events.n +
			      (pl ? pl->tasks.n + pl->meetings.n + pl->award_forms.n + pl->outlines.n : 0));
	ADD_ALL(&x, &p->levels, kh_level);
	ADD_ALL(&x, &p->bodies, kh_body);
	ADD_ALL(&x, &p->documents, kh_document);
	ADD_ALL(&x, &p->events, kh_event);
	if (pl) {
		ADD_ALL(&x, &pl->tasks, kh_task);
		ADD_ALL(&x, &pl->meetings, kh_meeting);
		ADD_ALL(&x, &pl->award_forms, kh_award_form);
		ADD_ALL(&x, &pl->outlines, kh_outline);
	}
}

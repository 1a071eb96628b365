/*
 * document_compose.c - the hooks through which the printed document says
 * every fact of the plan: after a task's, meeting's or award form's own
 * text, the sentences compose.c makes of its data, leaving out what that
 * text already states (so the seeds' pages, whose texts repeat their
 * dates, print nothing twice, and a plan written as data prints whole).
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>

#include "compose.h"
#include "names.h"
#include "prose_facts.h"
#include "document.h"

static const kh_vec *one(const char *s)
{
	if (!s || !*s)
		return NULL;
	kh_vec *v = KH_NEW(kh_vec);
	kh_vec_push(v, (void *)s);
	return v;
}

/* SAID holds the item's own text and the rest of its section. */
static const kh_vec *task_facts(void *ctx, const kh_program *prog, const kh_task *t,
				const char *said)
{
	(void)ctx;
	(void)prog;
	const char *s = kh_compose_task(t, said ? said : t->text);
	/* "X thực hiện." alone, where the section already names X (in its
	 * heading, "Giao X:", or a lead-in): the page says it. */
	const char *who = kh_compose_refs(&t->owners);
	if (s && said && who && *who) {
		const char *alone1 = kh_printf("%s thực hiện.", who), *alone2 = kh_printf("%s chủ trì.", who);
		if ((!strcmp(s, alone1) || !strcmp(s, alone2)) &&
		    strstr(kh_text_folded(said), kh_text_fold(who)))
			return NULL;
	}
	return one(s);
}

static const kh_vec *meeting_facts(void *ctx, const kh_program *prog, const kh_meeting *m,
				   const char *said)
{
	(void)ctx;
	(void)prog;
	kh_vec lines = kh_compose_meeting(m, said ? kh_printf("%s\n%s", m->name ? m->name : "", said)
						  : m->name);
	if (!lines.n)
		return NULL;
	kh_vec *v = KH_NEW(kh_vec);
	*v = lines;
	return v;
}

static const kh_vec *award_facts(void *ctx, const kh_program *prog, const kh_award_form *f,
				 const char *said)
{
	(void)ctx;
	(void)prog;
	return one(kh_compose_award(f, said ? kh_printf("%s\n%s", f->name ? f->name : "", said)
					    : f->name));
}

const kh_pdoc_hooks *kh_pdoc_compose_hooks(void)
{
	static const kh_pdoc_hooks hooks = { NULL, task_facts, meeting_facts, award_facts };
	return &hooks;
}

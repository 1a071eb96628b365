/*
 * resolve_graph.c - the two chains the resolver follows to their end: the
 * levels' depths (dưới) and the tasks' "sau" dependencies, each walked
 * without recursion, a loop reported once.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdint.h>

#include "i18n.h"
#include "resolve_int.h"

/* Each level's depth below the top: one walk up per level that stops at
 * a level already known, so a chain of 100,000 levels costs 100,000 steps,
 * not their square. A loop is reported once, at the level that closes it. */
enum { DEPTH_UNKNOWN = -1, DEPTH_ON_PATH = -2 };

void rs_compute_depths(resolver *r)
{
	kh_vec *levels = &r->prog->levels;
	for (size_t i = 0; i < levels->n; i++)
		KH_VEC_AT(*levels, kh_level, i)->depth = DEPTH_UNKNOWN;
	kh_vec path = { 0 };
	for (size_t i = 0; i < levels->n; i++) {
		path.n = 0;
		kh_level *l = KH_VEC_AT(*levels, kh_level, i);
		while (l && l->depth == DEPTH_UNKNOWN) {
			l->depth = DEPTH_ON_PATH;
			kh_vec_push(&path, l);
			l = l->below;
		}
		if (l && l->depth == DEPTH_ON_PATH) {
			kh_diag_add(r->diags, KH_ERROR, l->span, "level-cycle",
				    _("the levels above '%s' form a loop"), l->id);
			l->below = NULL;  /* cut the loop: L becomes a top, and the */
			for (size_t k = 0; k < path.n; k++) /* walk is done again */
				KH_VEC_AT(path, kh_level, k)->depth = DEPTH_UNKNOWN;
			i--;
			continue;
		}
		int base = l ? l->depth : -1; /* the depth of what the path hangs from */
		for (size_t k = path.n; k-- > 0;) {
			kh_level *p = KH_VEC_AT(path, kh_level, k);
			p->depth = p->below ? ++base : (base = 0);
		}
	}
}

/*
 * Tasks that wait for each other through "sau" chains (a → b → c → a):
 * none can ever start. Iterative depth-first search with colours, so a
 * chain of 100,000 tasks needs no deep C stack; each cycle is reported
 * once, at the edge that closes it, with the whole chain in the message.
 */
void rs_find_dependency_cycles(resolver *r)
{
	kh_vec *tasks = &r->plan->tasks;
	size_t n = tasks->n;
	if (!n)
		return;
	unsigned char *colour = KH_NEW_N(unsigned char, n); /* 0 new, 1 on path, 2 done */
	size_t *stack = KH_NEW_N(size_t, n), *edge = KH_NEW_N(size_t, n);
	for (size_t root = 0; root < n; root++) {
		if (colour[root])
			continue;
		size_t top = 0;
		stack[top] = root;
		edge[top++] = 0;
		colour[root] = 1;
		while (top) {
			const kh_task *t = KH_VEC_AT(*tasks, kh_task, stack[top - 1]);
			if (edge[top - 1] == t->after.n) {
				colour[stack[--top]] = 2;
				continue;
			}
			const kh_task *next = KH_VEC_AT(t->after, kh_task, edge[top - 1]++);
			long place = kh_plan_task_place(r->plan, next);
			if (place < 0)
				continue; /* a task outside the plan */
			size_t j = (size_t)place;
			if (colour[j] == 0) {
				colour[j] = 1;
				stack[top] = j;
				edge[top++] = 0;
			} else if (colour[j] == 1) {
				kh_buf chain = { 0 };
				size_t from = top;
				while (from > 0 && stack[from - 1] != j)
					from--;
				size_t len = top - (from - 1);
				for (size_t k = from - 1; k < top; k++) {
					/* a long cycle: its first tasks, then its last */
					if (len > 10 && k == from - 1 + 8) {
						kh_buf_printf(&chain, "… (%zu tasks in all) → ", len);
						k = top - 1;
					}
					kh_buf_printf(&chain, "%s → ", KH_VEC_AT(*tasks, kh_task, stack[k])->id);
				}
				kh_buf_puts(&chain, next->id);
				/* point at the "sau" of the task that closes the cycle */
				kh_diag_add(r->diags, KH_ERROR, t->span, "dependency-cycle",
					    _("tasks wait for each other in a cycle: %s (each comes after the next); "
					    "none of them can start"), kh_buf_cstr(&chain));
			}
		}
	}
}

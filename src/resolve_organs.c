/*
 * resolve_organs.c - what each body is to its parent (kh_standing): a part
 * of it, a staff organ working in its office, or a unit of its own. The
 * checker needs this to know whether the parent's copy of a document
 * reaches the body (assignee-not-recipient).
 *
 * A declaration that says so (tham_mưu, trực_thuộc) is taken as written.
 * Otherwise the standing is inferred from what the plan does say, in this
 * order, and plain thuộc (a part of its parent) is the default:
 *   1. the generic body it is (là ubkt): that body's declared standing;
 *   2. its level lies below its parent's (a chi bộ under a đảng ủy cơ sở):
 *      a unit of its own;
 *   3. it is a kind of body that has organs of its own (là cap_uy, là
 *      ubnd): a committee under another committee is a unit;
 *   4. its name: "Ban Tổ chức Tỉnh ủy" under a cấp ủy starts with the name
 *      of vn/hierarchy's generic "Ban Tổ chức" (a staff organ of a cấp ủy),
 *      "Ủy ban Kiểm tra Đảng ủy" with "Ủy ban Kiểm tra" (elected: a body of
 *      its own); a name that says "trực thuộc" is a unit.
 * The walks along those links (kh_body_walk, kh_body_is …) are the
 * model's own, in plan.c.
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>

#include "i18n.h"
#include "resolve_int.h"

/* Comparisons are budgeted so that a huge generated file stays linear. */
enum { BUDGET = 20 * 1000 * 1000 };

/* A generic body (no level, nor its parent) with a declared standing:
 * its name can make others one. */
typedef struct model {
	const kh_body *b;
	const char *folded;
	size_t len;
} model;

typedef struct organs {
	model *models;
	size_t nmodels;
	const kh_body **holders;  /* bodies that generic organs belong to (cap_uy, ubnd) */
	size_t nholders;
	long budget;
} organs;

static organs gather_models(const kh_vec *bodies)
{
	organs o = { 0 };
	o.models = KH_NEW_N(model, bodies->n + 1);
	o.holders = KH_NEW_N(const kh_body *, bodies->n + 1);
	o.budget = BUDGET;
	for (size_t i = 0; i < bodies->n; i++) {
		const kh_body *b = bodies->items[i];
		/* generic: no level, nor has what it belongs to */
		if (kh_body_level(b) || b->standing_why != KH_WHY_DECLARED)
			continue;
		if (b->name && *b->name) {
			const char *f = kh_text_fold(b->name);
			o.models[o.nmodels++] = (model){ b, f, strlen(f) };
		}
		bool known = false;
		for (size_t k = 0; k < o.nholders && !known; k++)
			known = o.holders[k] == b->parent;
		if (b->parent && !known)
			o.holders[o.nholders++] = b->parent;
	}
	return o;
}

/* The first generic body B is (là), directly or not, with a declared standing. */
static const kh_body *declared_kind(const kh_body *b)
{
	int guard = 0;
	for (const kh_body *k = b->is_a; k && guard < 64; k = k->is_a, guard++)
		if (k->standing_why == KH_WHY_DECLARED)
			return k;
	return NULL;
}

/* Is level A strictly below level B? */
static bool level_below(const kh_level *a, const kh_level *b)
{
	int guard = 0;
	if (!a || !b || a == b)
		return false;
	for (const kh_level *l = a->below; l && guard < 64; l = l->below, guard++)
		if (l == b)
			return true;
	return false;
}

/* The kind of body with organs of its own that B is (là cap_uy), or NULL. */
static const kh_body *organisation_kind(organs *o, const kh_body *b)
{
	int guard = 0;
	for (const kh_body *k = b->is_a; k && guard < 64; k = k->is_a, guard++)
		for (size_t i = 0; i < o->nholders && o->budget > 0; i++, o->budget--)
			if (o->holders[i] == k)
				return k;
	return NULL;
}

/* Is B the generic body K, or one of it (là), directly or not? Not what
 * it belongs to: a Ban Tổ chức under the Thường trực is not the cấp ủy's. */
static bool is_kind(const kh_body *b, const kh_body *k)
{
	int guard = 0;
	for (; b && guard < 64; b = b->is_a, guard++)
		if (b == k)
			return true;
	return false;
}

/* NAME without a plural "các" / "những" in front. */
static const char *singular(const char *folded)
{
	static const char *const plurals[] = { "các ", "những " };
	for (size_t i = 0; i < 2; i++)
		if (!strncmp(folded, plurals[i], strlen(plurals[i])))
			return folded + strlen(plurals[i]);
	return folded;
}

/* The generic body whose name, as whole words, starts B's name, and whose
 * own parent (if any) is what B's parent is: the longest such name. */
static const model *name_model(organs *o, const kh_body *b, const char *name)
{
	const model *best = NULL;
	for (size_t i = 0; i < o->nmodels && o->budget > 0; i++, o->budget--) {
		const model *m = &o->models[i];
		if (m->b == b || strncmp(name, m->folded, m->len) || (name[m->len] && name[m->len] != ' '))
			continue;
		if (m->b->parent && !is_kind(b->parent, m->b->parent))
			continue;
		if (!best || m->len > best->len)
			best = m;
	}
	return best;
}

static void infer(organs *o, kh_body *b)
{
	const kh_body *k = declared_kind(b);
	if (k) {
		b->standing = k->standing;
		b->standing_why = KH_WHY_KIND;
		b->standing_from = k;
		return;
	}
	if (!b->parent)
		return;
	b->standing = KH_STANDING_UNIT;
	if (b->level && level_below(b->level, kh_body_level(b->parent))) {
		b->standing_why = KH_WHY_LEVEL;
		return;
	}
	if ((k = organisation_kind(o, b))) {
		b->standing_why = KH_WHY_ORGANISATION;
		b->standing_from = k;
		return;
	}
	const char *name = b->name ? singular(kh_text_fold(b->name)) : "";
	const model *m = name_model(o, b, name);
	if (m) {
		b->standing = m->b->standing;
		b->standing_why = KH_WHY_NAME_KIND;
		b->standing_from = m->b;
		return;
	}
	if (strstr(kh_printf(" %s ", name), " trực thuộc ")) {
		b->standing_why = KH_WHY_NAME_WORDS;
		return;
	}
	b->standing = KH_STANDING_ORGAN;
	b->standing_why = KH_WHY_DEFAULT;
}

/* thuộc loops of any length: one walk up per body that stops at a body
 * already done, so linear; each loop is reported once, at the body that
 * closes it, and cut there (levels do the same). */
static void cut_parent_loops(resolver *r)
{
	const kh_vec *bodies = &r->prog->bodies;
	for (size_t i = 0; i < bodies->n; i++) {
		kh_body *b = bodies->items[i], *x = b, *last = NULL;
		while (x && x->walk == 0) {
			x->walk = 1;
			last = x;
			x = x->parent;
		}
		if (x && x->walk == 1) {
			kh_diag_add(r->diags, KH_ERROR, last->span, "parent-cycle",
				    _("'%s' cannot belong to '%s', which belongs to it (a thuộc loop)"),
				    last->id, x->id);
			last->parent = NULL;
		}
		for (x = b; x && x->walk == 1; x = x->parent)
			x->walk = 2;
	}
}

/* How many bodies B reaches through parent and là links (B not counted),
 * up to KH_MAX_ANCESTORS + 1: enough to know it is too many. */
static size_t ancestors(const kh_body *b)
{
	enum { CAP = KH_MAX_ANCESTORS + 2 };
	const kh_body *seen[CAP], *stack[2 * CAP + 1];
	size_t nseen = 0, top = 0;
	stack[top++] = b;
	while (top && nseen < CAP) {
		const kh_body *x = stack[--top];
		bool dup = false;
		for (size_t i = 0; i < nseen && !dup; i++)
			dup = seen[i] == x;
		if (dup)
			continue;
		seen[nseen++] = x;
		if (x->parent)
			stack[top++] = x->parent;
		if (x->is_a)
			stack[top++] = x->is_a;
	}
	return nseen - 1;
}

/* Reported at the body that goes past the limit, not at each below it. */
void rs_check_ancestry(resolver *r)
{
	cut_parent_loops(r);
	const kh_vec *bodies = &r->prog->bodies;
	for (size_t i = 0; i < bodies->n; i++) {
		const kh_body *b = bodies->items[i];
		if (ancestors(b) <= KH_MAX_ANCESTORS ||
		    (b->parent && ancestors(b->parent) > KH_MAX_ANCESTORS) ||
		    (b->is_a && ancestors(b->is_a) > KH_MAX_ANCESTORS))
			continue;
		kh_diag_add(r->diags, KH_ERROR, b->span, "body-too-deep",
			    _("'%s' reaches more than %d bodies through thuộc and là (its parent, what it "
			    "is, and theirs); a plan's hierarchy needs a handful"),
			    b->id, KH_MAX_ANCESTORS);
	}
}

void rs_infer_standings(resolver *r)
{
	const kh_vec *bodies = &r->prog->bodies;
	organs o = gather_models(bodies);
	for (size_t i = 0; i < bodies->n; i++) {
		kh_body *b = bodies->items[i];
		if (b->standing_why != KH_WHY_DECLARED)
			infer(&o, b);
	}
}


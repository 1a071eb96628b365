/*
 * emit_checklist.c - kehoach checklist: each body's duties as a task list
 * (Markdown), a spreadsheet (CSV, UTF-8 with BOM) or a printable page
 * (HTML).
 *
 * Grouping. Without --for, one group per body, level or text the plan
 * names in a duty, whatever it asks of it (kh_tl_each_ref): owners,
 * cooperating bodies, receivers and via bodies of a task; organiser,
 * chairs, attendees and guests of a meeting (those written as text have
 * no group). A level ("Cấp huyện") holds the duties of every body of that
 * level, listed once under the level's heading rather than copied under
 * each body. A duty appears under each of them, each line saying what it
 * asks there ("chủ trì", "phối hợp", "nhận báo cáo", "tiếp nhận, tổng hợp
 * (qua)", "dự họp"); a meeting no one organises or chairs is its level's.
 * Groups run down the hierarchy
 * (centre, province, district, commune …; at one depth the level's own
 * heading first, then its bodies in the order the plan first gives them
 * duties); bodies with no level follow, then owners given as text, then
 * duties that name no owner. A body whose level also has a group gets a
 * "see also" line, so each body finds all of its duties from its heading.
 *
 * With --for BODY: one group, every duty that asks something of the body
 * (kh_tl_roles: its own, its level's, its parent's; what it cooperates
 * on, receives, compiles and passes on, chairs, organises, attends or is
 * invited to), each with its role, and for a task the owner it comes
 * through when that is not the body itself ("chủ trì; giao: Cấp huyện").
 *
 * Within a group duties run in timeline order: dated ones by date, then
 * recurring ones, then those without a date.
 * Part of kehoach; see README.md for the licence.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "emit_checklist_int.h"
#include "timeline.h"
#include "vn_numbering.h"

/* ------------------------------------------------------------------ */
/* Shared                                                             */

static const char *day_vi(kh_day d)
{
	int y, m, dd;
	kh_date_split(d, &y, &m, &dd);
	return kh_printf("%d/%d/%d", dd, m, y);
}

static const char *plan_label(const kh_plan *p)
{
	kh_buf b = { 0 };
	const char *kind = kh_doc_kind_vi(p->kind);
	kh_buf_puts(&b, *kind ? kind : "Văn bản");
	if (p->number && *p->number)
		kh_buf_printf(&b, " số %s", p->number);
	if (p->has_date)
		kh_buf_printf(&b, ", ngày %s", day_vi(p->date));
	if (p->issuer)
		kh_buf_printf(&b, ", %s", p->issuer->name ? p->issuer->name : p->issuer->id);
	return kh_buf_cstr(&b);
}

static const char *body_name(const kh_body *b)
{
	return b->name ? b->name : b->id;
}

static const char *level_name(const kh_level *l)
{
	return l->name ? l->name : l->id;
}

static const char *refs_joined(const kh_vec *v, const char *sep)
{
	kh_buf b = { 0 };
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			kh_buf_puts(&b, sep);
		kh_buf_puts(&b, kh_ref_label(KH_VEC_AT(*v, kh_ref, i)));
	}
	return kh_buf_cstr(&b);
}

static bool per_level(const kh_tl_entry *e)
{
	if (!e->level)
		return false;
	if (e->meeting)
		return e->meeting->levels.n >= 2;
	size_t n = 0;
	for (size_t i = 0; i < e->task->owners.n; i++) {
		const kh_ref *r = KH_VEC_AT(e->task->owners, kh_ref, i);
		n += r->kind == KH_REF_LEVEL && r->level;
	}
	return n >= 2;
}

/* Does a source "when" of the entry say its exact day is to be announced? */
static bool day_tba(const kh_tl_entry *e)
{
	if (e->task) {
		for (size_t i = 0; i < e->task->due.n; i++)
			if (KH_VEC_AT(e->task->due, kh_when, i)->type == KH_WHEN_TBA)
				return true;
		return false;
	}
	for (size_t i = 0; i < e->meeting->when.n; i++) {
		const kh_leveled_when *lw = KH_VEC_AT(e->meeting->when, kh_leveled_when, i);
		if (e->level && lw->level && lw->level != e->level)
			continue;
		for (size_t j = 0; j < lw->when.n; j++)
			if (KH_VEC_AT(lw->when, kh_when, j)->type == KH_WHEN_TBA)
				return true;
	}
	return false;
}

/* When, as a checklist says it: "hạn 30/8/2019", "hạn 30/11/2023 (trong
 * tháng 11/2023)", "dự kiến vào trung tuần tháng 5/2017 (11/5–20/5/2017)",
 * "thường xuyên"; NULL when nothing is said. */
static const char *due_text(const kh_tl_entry *e)
{
	const kh_when *w = e->when;
	if (!w)
		return NULL;
	const char *label = kh_when_label(w);
	const char *s;
	if (e->kind == KH_TL_DEADLINE &&
	    (w->type == KH_WHEN_DEADLINE || w->type == KH_WHEN_WITHIN)) {
		if (w->precision == KH_PREC_DAY)
			s = kh_printf("hạn %s%s", day_vi(w->end),
				      day_tba(e) ? " (thời gian cụ thể có thông báo sau)" : "");
		else
			s = kh_printf("hạn %s (%s)", day_vi(w->end), label);
	} else if (w->dated && w->type == KH_WHEN_ON && w->precision == KH_PREC_DAY &&
		   e->kind != KH_TL_RECURRING) {
		s = kh_printf("ngày %s%s", day_vi(w->start),
			      day_tba(e) ? " (thời gian cụ thể có thông báo sau)" : "");
	} else {
		s = label;
	}
	if (e->series && e->until_from != KH_UNTIL_NONE)
		s = kh_printf("%s (lặp lại đến %s)", s, day_vi(e->until));
	if (w->planned && !strstr(s, "dự kiến"))
		s = kh_printf("%s (dự kiến)", s);
	return s;
}

/* The title: task text or meeting name, with the level when split. */
static const char *entry_title(const kh_tl_entry *e)
{
	const char *what = e->what ? e->what : "";
	if (per_level(e))
		return kh_printf("%s (%s)", what, level_name(e->level));
	return what;
}

/* "gửi A, B (qua C)" or NULL. */
static const char *send_text(const kh_tl_entry *e)
{
	if (!e->task || !e->task->send_to.n)
		return NULL;
	const char *to = refs_joined(&e->task->send_to, ", ");
	if (e->task->via.n)
		return kh_printf("gửi %s (qua %s)", to, refs_joined(&e->task->via, ", "));
	return kh_printf("gửi %s", to);
}

/* "chủ trì: X; thời lượng: 1 buổi (½ ngày); trực tuyến" for a meeting, or NULL. */
static const char *meeting_text(const kh_tl_entry *e)
{
	if (!e->meeting)
		return NULL;
	const kh_meeting *m = e->meeting;
	kh_buf b = { 0 };
	if (m->organiser)
		kh_buf_printf(&b, "tổ chức: %s", kh_ref_label(m->organiser));
	kh_vec chairs = { 0 };
	for (size_t i = 0; i < m->chairs.n; i++) {
		const kh_leveled_ref *c = KH_VEC_AT(m->chairs, kh_leveled_ref, i);
		if (c->ref && !(e->level && c->level && c->level != e->level))
			kh_vec_push(&chairs, c->ref);
	}
	if (chairs.n)
		kh_buf_printf(&b, "%schủ trì: %s", b.len ? "; " : "", refs_joined(&chairs, ", "));
	if (m->duration > 0) {
		long h = m->duration;
		const char *d = h == 1 ? "1 buổi (½ ngày)"
			      : h % 2 == 0 ? kh_printf("%ld ngày", h / 2)
					   : kh_printf("%ld buổi (%ld½ ngày)", h, h / 2);
		kh_buf_printf(&b, "%sthời lượng: %s", b.len ? "; " : "", d);
	}
	if (m->online)
		kh_buf_printf(&b, "%strực tuyến", b.len ? "; " : "");
	return b.len ? kh_buf_cstr(&b) : NULL;
}

/* ------------------------------------------------------------------ */
/* Groups                                                             */

typedef enum gkind { G_LEVEL, G_BODY, G_TEXT, G_NONE, G_FOR } gkind;

typedef struct group {
	gkind kind;
	const kh_level *level;
	const kh_body *body;
	const char *text;
	const char *heading;
	int depth;                /* hierarchy depth; INT_MAX/2 … for the rest */
	size_t first;             /* first appearance */
	kh_vec entries;           /* kh_tl_entry* */
	kh_vec roles;             /* for each entry, what it asks of this group
	                             (kh_tl_role bits, stored as uintptr_t) */
	const char *see_also;     /* a body's level heading, or NULL */
} group;

typedef struct grouping {
	kh_vec groups;            /* group* */
	size_t seen;
	group **table;            /* open addressing on the group's key */
	size_t cap;
} grouping;

static size_t group_hash(gkind kind, const kh_level *l, const kh_body *b, const char *text)
{
	size_t h = (size_t)kind * 0x9E3779B97F4A7C15u;
	if (kind == G_LEVEL)
		h ^= (size_t)(uintptr_t)l;
	else if (kind == G_BODY)
		h ^= (size_t)(uintptr_t)b;
	else if (kind == G_TEXT)
		for (const unsigned char *p = (const unsigned char *)text; *p; p++)
			h = (h ^ *p) * 0x100000001B3u;
	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9u;
	return h ^ (h >> 32);
}

static bool group_is(const group *x, gkind kind, const kh_level *l, const kh_body *b,
		     const char *text)
{
	if (x->kind != kind)
		return false;
	switch (kind) {
	case G_LEVEL: return x->level == l;
	case G_BODY: return x->body == b;
	case G_TEXT: return !strcmp(x->text, text);
	default: return true;
	}
}

static void table_put(group **table, size_t cap, group *x)
{
	size_t i = group_hash(x->kind, x->level, x->body, x->text) & (cap - 1);
	while (table[i])
		i = (i + 1) & (cap - 1);
	table[i] = x;
}

static group *group_for(grouping *g, gkind kind, const kh_level *l, const kh_body *b,
			const char *text)
{
	if (g->cap) {
		size_t i = group_hash(kind, l, b, text) & (g->cap - 1);
		for (; g->table[i]; i = (i + 1) & (g->cap - 1))
			if (group_is(g->table[i], kind, l, b, text))
				return g->table[i];
	}
	group *x = KH_NEW(group);
	x->kind = kind;
	x->level = l;
	x->body = b;
	x->text = text;
	x->first = g->seen++;
	switch (kind) {
	case G_LEVEL:
		x->heading = level_name(l);
		x->depth = l->depth * 2;
		break;
	case G_BODY: {
		x->heading = body_name(b);
		const kh_level *bl = kh_body_level(b);
		x->depth = bl ? bl->depth * 2 + 1 : INT_MAX - 3;
		break;
	}
	case G_TEXT:
		x->heading = text;
		x->depth = INT_MAX - 2;
		break;
	default:
		x->heading = "Chưa ghi cơ quan thực hiện";
		x->depth = INT_MAX - 1;
		break;
	}
	kh_vec_push(&g->groups, x);
	if (2 * g->groups.n > g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 64;
		group **t = KH_NEW_N(group *, cap);
		for (size_t i = 0; i < g->groups.n; i++)
			table_put(t, cap, KH_VEC_AT(g->groups, group, i));
		g->table = t;
		g->cap = cap;
	} else {
		table_put(g->table, g->cap, x);
	}
	return x;
}

/* Entries come in timeline order, so a repeat is always the last one:
 * its roles join the ones it already has here. */
static void group_add(group *x, kh_tl_entry *e, unsigned roles)
{
	size_t n = x->entries.n;
	if (n && x->entries.items[n - 1] == e) {
		x->roles.items[n - 1] = (void *)((uintptr_t)x->roles.items[n - 1] | roles);
		return;
	}
	kh_vec_push(&x->entries, e);
	kh_vec_push(&x->roles, (void *)(uintptr_t)roles);
}

static unsigned role_at(const group *x, size_t j)
{
	return (unsigned)(uintptr_t)x->roles.items[j];
}

static int group_cmp(const void *pa, const void *pb)
{
	const group *a = *(const group *const *)pa, *b = *(const group *const *)pb;
	if (a->depth != b->depth)
		return a->depth < b->depth ? -1 : 1;
	return a->first < b->first ? -1 : a->first > b->first;
}

typedef struct placing {
	grouping *g;
	bool led;                 /* a lead (owner, organiser, chair) was placed */
} placing;

/* One reference of an entry: its group gets the entry, with the role.
 * Attendees and guests written as text name no one who has a checklist. */
static void place_ref(const kh_tl_entry *e, const kh_ref *r, kh_tl_role role, void *ctx)
{
	placing *pl = ctx;
	group *x;
	if (r->kind == KH_REF_LEVEL && r->level)
		x = group_for(pl->g, G_LEVEL, r->level, NULL, NULL);
	else if (r->kind == KH_REF_BODY && r->body)
		x = group_for(pl->g, G_BODY, NULL, r->body, NULL);
	else if (role == KH_ROLE_ATTEND || role == KH_ROLE_GUEST)
		return;
	else
		x = group_for(pl->g, G_TEXT, NULL, NULL, kh_ref_label(r));
	group_add(x, (kh_tl_entry *)e, role);
	pl->led |= (role & KH_ROLES_LEAD) != 0;
}

/* Every duty under each body, level or text it names, with what it asks
 * of it (see the comment at the top). */
static kh_vec group_all(const kh_vec *entries)
{
	grouping g = { 0 };
	for (size_t i = 0; i < entries->n; i++) {
		kh_tl_entry *e = KH_VEC_AT(*entries, kh_tl_entry, i);
		placing pl = { &g, false };
		kh_tl_each_ref(e, place_ref, &pl);
		if (!pl.led) {
			/* A meeting nobody is said to organise is its level's. */
			if (e->meeting && e->level)
				group_add(group_for(&g, G_LEVEL, e->level, NULL, NULL), e, KH_ROLE_ORGANISER);
			else
				group_add(group_for(&g, G_NONE, NULL, NULL, NULL), e, 0);
		}
	}
	size_t n = g.groups.n;
	if (n > 1)
		qsort(g.groups.items, n, sizeof g.groups.items[0], group_cmp);
	/* A body whose level has a heading of its own: point there. */
	kh_vec levels = { 0 };
	for (size_t i = 0; i < n; i++)
		if (KH_VEC_AT(g.groups, group, i)->kind == G_LEVEL)
			kh_vec_push(&levels, g.groups.items[i]);
	for (size_t i = 0; levels.n && i < n; i++) {
		group *x = KH_VEC_AT(g.groups, group, i);
		if (x->kind != G_BODY)
			continue;
		const kh_level *bl = kh_body_level(x->body);
		for (size_t j = 0; bl && j < levels.n; j++) {
			group *y = KH_VEC_AT(levels, group, j);
			if (y->level == bl)
				x->see_also = y->heading;
		}
	}
	/* Entries inside a group follow the timeline (ENTRIES' order). */
	return g.groups;
}

static kh_vec make_groups(const kh_program *prog, const kh_body *for_body)
{
	kh_vec all = kh_timeline_build(prog);
	if (!for_body)
		return group_all(&all);
	group *x = KH_NEW(group);
	x->kind = G_FOR;
	x->body = for_body;
	x->heading = body_name(for_body);
	for (size_t i = 0; i < all.n; i++) {
		kh_tl_entry *e = KH_VEC_AT(all, kh_tl_entry, i);
		unsigned roles = kh_tl_roles(e, for_body);
		if (roles)
			group_add(x, e, roles);
	}
	kh_vec v = { 0 };
	kh_vec_push(&v, x);
	return v;
}

typedef struct lead_refs {
	const kh_body *b;
	bool direct;              /* an owner names the body itself */
	kh_vec refs;              /* kh_ref*: the owners that reach it otherwise */
} lead_refs;

static void collect_owner(const kh_tl_entry *e, const kh_ref *r, kh_tl_role role, void *ctx)
{
	lead_refs *l = ctx;
	if (role != KH_ROLE_OWNER || !kh_tl_ref_names(e, r, role, l->b))
		return;
	if (r->kind == KH_REF_BODY && r->body == l->b)
		l->direct = true;
	else
		kh_vec_push(&l->refs, (void *)r);
}

/* With --for: the owners through which a task is the body's when none
 * names it ("Cấp huyện", its parent), else NULL. */
static const char *through(const group *x, const kh_tl_entry *e)
{
	if (x->kind != G_FOR || !e->task)
		return NULL;
	lead_refs l = { x->body, false, { 0 } };
	kh_tl_each_ref(e, collect_owner, &l);
	return l.direct || !l.refs.n ? NULL : refs_joined(&l.refs, ", ");
}

/* What the duty asks of the group's body or level, and through whom:
 * "chủ trì; giao: Cấp huyện", "phối hợp", "dự họp"; NULL when no role. */
static const char *role_note(const group *x, size_t j)
{
	unsigned roles = role_at(x, j);
	if (!roles)
		return NULL;
	const char *via = through(x, KH_VEC_AT(x->entries, kh_tl_entry, j));
	const char *label = kh_tl_roles_label(roles);
	return via ? kh_printf("%s; giao: %s", label, via) : label;
}

static const char *plan_title(const kh_plan *p)
{
	return p->title && *p->title ? p->title : NULL;
}

/* ------------------------------------------------------------------ */
/* Markdown                                                           */

/* Inline Markdown text: characters that would start markup are
 * backslash-escaped, line breaks become spaces. */
void kh_checklist_md_text(kh_buf *out, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++) {
		switch (*p) {
		case '\\': case '`': case '*': case '_': case '[': case ']':
		case '<': case '>': case '#': case '|': case '~':
			kh_buf_putc(out, '\\');
			kh_buf_putc(out, *p);
			break;
		case '\r':
			break;
		case '\n':
		case '\t':
			kh_buf_putc(out, ' ');
			break;
		default:
			kh_buf_putc(out, *p);
			break;
		}
	}
}

int kh_emit_checklist_md(const kh_program *prog, const kh_body *for_body, kh_buf *out)
{
	if (!prog->plan) {
		kh_buf_puts(out, "# Việc cần làm\n\nTệp không có kế hoạch.\n");
		return 0;
	}
	const kh_plan *p = prog->plan;
	kh_buf_puts(out, "# Việc cần làm: ");
	kh_checklist_md_text(out, plan_label(p));
	kh_buf_puts(out, "\n");
	if (plan_title(p)) {
		kh_buf_puts(out, "\n");
		kh_checklist_md_text(out, plan_title(p));
		kh_buf_puts(out, "\n");
	}
	kh_vec groups = make_groups(prog, for_body);
	bool any = false;
	for (size_t i = 0; i < groups.n; i++) {
		const group *x = KH_VEC_AT(groups, group, i);
		if (!x->entries.n && x->kind != G_FOR)
			continue;
		kh_buf_puts(out, "\n## ");
		kh_checklist_md_text(out, x->heading);
		kh_buf_puts(out, "\n\n");
		if (x->see_also) {
			kh_buf_puts(out, "Xem thêm: ");
			kh_checklist_md_text(out, x->see_also);
			kh_buf_puts(out, ".\n\n");
		}
		if (!x->entries.n)
			kh_buf_puts(out, "Không có việc nào.\n");
		for (size_t j = 0; j < x->entries.n; j++) {
			const kh_tl_entry *e = KH_VEC_AT(x->entries, kh_tl_entry, j);
			any = true;
			kh_buf_puts(out, "- [ ] ");
			kh_checklist_md_text(out, entry_title(e));
			const char *due = due_text(e);
			if (due) {
				kh_buf_puts(out, " — ");
				kh_checklist_md_text(out, due);
			}
			const char *send = send_text(e);
			if (send) {
				kh_buf_puts(out, " → ");
				kh_checklist_md_text(out, send);
			}
			const char *mt = meeting_text(e);
			if (mt) {
				kh_buf_puts(out, " — ");
				kh_checklist_md_text(out, mt);
			}
			const char *th = role_note(x, j);
			if (th) {
				kh_buf_puts(out, " (");
				kh_checklist_md_text(out, th);
				kh_buf_puts(out, ")");
			}
			kh_buf_puts(out, "\n");
		}
	}
	if (!any && !for_body)
		kh_buf_puts(out, "\nKhông có việc nào.\n");
	kh_checklist_awards_md(p, out);
	return 0;
}

/* ------------------------------------------------------------------ */
/* CSV                                                                */

/* For people opening it in a spreadsheet: formulas guarded. */
static void csv_field(kh_buf *out, const char *s, bool last)
{
	kh_csv_field(out, s, last, true);
}

static const char *kind_vi(const kh_tl_entry *e)
{
	switch (e->kind) {
	case KH_TL_DEADLINE: return "nhiệm vụ";
	case KH_TL_MEETING: return "hội nghị";
	case KH_TL_RECURRING: return "định kỳ";
	default: return e->meeting ? "hội nghị" : "chưa có ngày";
	}
}

int kh_emit_checklist_csv(const kh_program *prog, const kh_body *for_body, kh_buf *out)
{
	static const char *const header[] = { "Đơn vị", "Việc cần làm", "Thời hạn", "Ngày hạn",
					      "Gửi", "Qua", "Hội nghị", "Vai trò", "Nguồn giao",
					      "Loại", "Mã", "Đã xong" };
	const size_t ncols = sizeof header / sizeof header[0];
	kh_buf_puts(out, "\xEF\xBB\xBF"); /* BOM: Excel reads the file as UTF-8 */
	for (size_t i = 0; i < ncols; i++)
		csv_field(out, header[i], i + 1 == ncols);
	if (!prog->plan)
		return 0;
	kh_vec groups = make_groups(prog, for_body);
	for (size_t i = 0; i < groups.n; i++) {
		const group *x = KH_VEC_AT(groups, group, i);
		for (size_t j = 0; j < x->entries.n; j++) {
			const kh_tl_entry *e = KH_VEC_AT(x->entries, kh_tl_entry, j);
			const kh_when *w = e->when;
			const char *day = "";
			if (w && w->dated) {
				char iso[16];
				kh_date_iso(w->type == KH_WHEN_FROM ? w->start : w->end, iso);
				day = kh_strdup(iso);
			}
			const char *through_text = through(x, e);
			csv_field(out, x->heading, false);
			csv_field(out, entry_title(e), false);
			csv_field(out, due_text(e), false);
			csv_field(out, day, false);
			csv_field(out, e->task ? refs_joined(&e->task->send_to, "; ") : "", false);
			csv_field(out, e->task ? refs_joined(&e->task->via, "; ") : "", false);
			csv_field(out, meeting_text(e), false);
			csv_field(out, kh_tl_roles_label(role_at(x, j)), false);
			csv_field(out, through_text, false);
			csv_field(out, kind_vi(e), false);
			csv_field(out, e->uid, false);
			csv_field(out, "", true);
		}
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* HTML                                                               */

static const char *const CSS =
	"body{font-family:\"Times New Roman\",Times,serif;font-size:13pt;line-height:1.4;"
	"max-width:48rem;margin:1.5rem auto;padding:0 1rem;color:#000;background:#fff}\n"
	"h1{font-size:1.25rem;margin:0 0 .25rem}\n"
	"h2{font-size:1.05rem;margin:1.25rem 0 .4rem;border-bottom:1px solid #999;"
	"break-after:avoid;page-break-after:avoid}\n"
	"p.title{margin:0 0 .75rem;font-style:italic}\n"
	"p.see{margin:.2rem 0;font-size:.9em;color:#333}\n"
	"ul.checklist{list-style:none;margin:0;padding:0}\n"
	"ul.checklist li{margin:.35rem 0;padding-left:1.8rem;text-indent:-1.8rem;"
	"break-inside:avoid;page-break-inside:avoid}\n"
	"ul.checklist input{width:1rem;height:1rem;margin:0 .6rem 0 .2rem;vertical-align:-.15rem}\n"
	".due{font-weight:bold}\n"
	".send,.meeting,.through{color:#333}\n"
	"h3{font-size:1rem;margin:1rem 0 .3rem}\n"
	"ul.criteria{list-style:none;margin:0;padding:0}\n"
	"ul.criteria li{margin:.3rem 0}\n"
	".condition{font-size:.9em;font-style:italic;color:#333}\n"
	"@page{size:A4;margin:2cm 2cm 2cm 3cm}\n"
	"@media print{body{margin:0;max-width:none;padding:0;font-size:12pt}"
	"a{color:#000;text-decoration:none}}\n";

int kh_emit_checklist_html(const kh_program *prog, const kh_body *for_body, kh_buf *out)
{
	const kh_plan *p = prog->plan;
	const char *label = p ? plan_label(p) : "Việc cần làm";
	kh_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
			 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
			 "<title>Việc cần làm: ");
	kh_html_escape(out, label);
	if (for_body) {
		kh_buf_puts(out, " — ");
		kh_html_escape(out, body_name(for_body));
	}
	kh_buf_puts(out, "</title>\n<style>\n");
	kh_buf_puts(out, CSS);
	kh_buf_puts(out, "</style>\n</head>\n<body>\n<h1>Việc cần làm: ");
	kh_html_escape(out, label);
	kh_buf_puts(out, "</h1>\n");
	if (!p) {
		kh_buf_puts(out, "<p>Tệp không có kế hoạch.</p>\n</body>\n</html>\n");
		return 0;
	}
	if (plan_title(p)) {
		kh_buf_puts(out, "<p class=\"title\">");
		kh_html_escape(out, plan_title(p));
		kh_buf_puts(out, "</p>\n");
	}
	kh_vec groups = make_groups(prog, for_body);
	size_t id = 0, shown = 0;
	for (size_t i = 0; i < groups.n; i++) {
		const group *x = KH_VEC_AT(groups, group, i);
		if (!x->entries.n && x->kind != G_FOR)
			continue;
		shown++;
		kh_buf_puts(out, "<section>\n<h2>");
		kh_html_escape(out, x->heading);
		kh_buf_puts(out, "</h2>\n");
		if (x->see_also) {
			kh_buf_puts(out, "<p class=\"see\">Xem thêm: ");
			kh_html_escape(out, x->see_also);
			kh_buf_puts(out, ".</p>\n");
		}
		if (!x->entries.n) {
			kh_buf_puts(out, "<p>Không có việc nào.</p>\n</section>\n");
			continue;
		}
		kh_buf_puts(out, "<ul class=\"checklist\">\n");
		for (size_t j = 0; j < x->entries.n; j++) {
			const kh_tl_entry *e = KH_VEC_AT(x->entries, kh_tl_entry, j);
			id++;
			kh_buf_printf(out, "<li><input type=\"checkbox\" id=\"v%zu\"> <label for=\"v%zu\">",
				      id, id);
			kh_html_escape(out, entry_title(e));
			kh_buf_puts(out, "</label>");
			const char *due = due_text(e);
			if (due) {
				kh_buf_puts(out, " — <span class=\"due\">");
				kh_html_escape(out, due);
				kh_buf_puts(out, "</span>");
			}
			const char *send = send_text(e);
			if (send) {
				kh_buf_puts(out, " <span class=\"send\">→ ");
				kh_html_escape(out, send);
				kh_buf_puts(out, "</span>");
			}
			const char *mt = meeting_text(e);
			if (mt) {
				kh_buf_puts(out, " — <span class=\"meeting\">");
				kh_html_escape(out, mt);
				kh_buf_puts(out, "</span>");
			}
			const char *th = role_note(x, j);
			if (th) {
				kh_buf_puts(out, " <span class=\"through\">(");
				kh_html_escape(out, th);
				kh_buf_puts(out, ")</span>");
			}
			kh_buf_puts(out, "</li>\n");
		}
		kh_buf_puts(out, "</ul>\n</section>\n");
	}
	if (!shown)
		kh_buf_puts(out, "<p>Không có việc nào.</p>\n");
	kh_checklist_awards_html(p, out);
	kh_buf_puts(out, "</body>\n</html>\n");
	return 0;
}

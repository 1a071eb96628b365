/*
 * resolve.c - loads a plan file and its imports, declares every name in
 * one scope, then binds the plan: references to declarations, dates to
 * days and windows, durations to half-days. Each statement is checked
 * against the block it stands in, so a misplaced one gets a plain message.
 * Part of kehoach; see README.md for the licence.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "ast.h"
#include "names.h"
#include "parse.h"
#include "parser.h"
#include "resolve.h"

void kh_vec_push(kh_vec *v, void *item)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 4;
		v->items = KH_GROW_N(v->items, void *, v->cap);
	}
	v->items[v->n++] = item;
}

static const char *const kind_names[KH_KIND__COUNT][2] = {
	{ "none", "" }, { "plan", "Kế hoạch" }, { "guidance", "Hướng dẫn" },
	{ "report", "Báo cáo" }, { "directive", "Chỉ thị" }, { "resolution", "Nghị quyết" },
	{ "letter", "Công văn" }, { "programme", "Chương trình" }, { "decision", "Quyết định" },
	{ "regulation", "Quy định" }, { "notice", "Thông báo" }, { "conclusion", "Kết luận" },
	{ "law", "Luật" }, { "decree", "Nghị định" }, { "circular", "Thông tư" },
};

const char *kh_doc_kind_name(kh_doc_kind k)
{
	return (unsigned)k < KH_KIND__COUNT ? kind_names[k][0] : "none";
}

const char *kh_doc_kind_vi(kh_doc_kind k)
{
	return (unsigned)k < KH_KIND__COUNT ? kind_names[k][1] : "";
}

/* ------------------------------------------------------------------ */
/* Loading files and imports                                          */

typedef struct loaded_file {
	const char *real;        /* realpath */
	kh_source *src;
	kh_node *root;
	int state;               /* 1 = loading (on the import stack), 2 = done */
} loaded_file;

typedef struct resolver {
	const kh_resolve_opts *opts;
	kh_diags *diags;
	kh_program *prog;
	kh_scope scope;
	kh_vec files;            /* loaded_file*, in load (post) order when done */
	kh_vec stack;            /* loaded_file* being loaded */
	const char *main_dir;    /* realpath of the main file's folder */
	const char *stdlib_real;
	kh_plan *plan;
	int plan_year;           /* for "cuối năm" without a year; 0 = unknown */
	/* The time vocabulary (stdlib vn/time, a plan may refine it): the
	 * days of thượng/trung/hạ tuần (31 = to the month's end) and the
	 * window "cuối năm" stands for, as month/day pairs. */
	int decade_from[3], decade_to[3];
	int year_end_from[2], year_end_to[2];
	const char *bytes;       /* the main file's text, when given in memory */
	size_t nbytes;
	int order;
} resolver;

/* The text a span covers, for messages and "as written" fields. */
static const char *span_text(kh_span sp)
{
	kh_source *src = kh_source_get(sp.file);
	if (!src || sp.end < sp.start || sp.end > src->len)
		return "";
	return kh_strndup(src->text + sp.start, sp.end - sp.start);
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
	return kh_strndup(p, len ? len : 1);
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return kh_strdup(".");
	if (slash == path)
		return kh_strdup("/");
	return kh_strndup(path, (size_t)(slash - path));
}

static const char *real_path(const char *path)
{
	char buf[PATH_MAX];
	if (!realpath(path, buf))
		return NULL;
	return kh_strdup(buf);
}

static int path_within(const char *path, const char *root);

/* A path as shown to the user: relative to the working folder when it lies
 * inside it, so messages and JSON do not depend on where the repository is. */
static const char *display_path(const char *path)
{
	char cwd[PATH_MAX];
	const char *real = real_path(path);
	if (!real) {
		char *dir = dir_of(path);
		const char *rdir = real_path(dir);
		if (!rdir)
			return path;
		real = kh_printf("%s/%s", rdir, path + strlen(dir) + 1);
	}
	if (getcwd(cwd, sizeof cwd) && path_within(real, cwd) && strlen(real) > strlen(cwd))
		return real + strlen(cwd) + 1;
	return real;
}

static int path_within(const char *path, const char *root)
{
	if (!root)
		return 0;
	size_t n = strlen(root);
	if (n == 1 && root[0] == '/')
		return 1;
	return !strncmp(path, root, n) && (path[n] == '/' || path[n] == '\0');
}

static loaded_file *find_loaded(resolver *r, const char *real)
{
	for (size_t i = 0; i < r->files.n; i++) {
		loaded_file *f = KH_VEC_AT(r->files, loaded_file, i);
		if (!strcmp(f->real, real))
			return f;
	}
	for (size_t i = 0; i < r->stack.n; i++) {
		loaded_file *f = KH_VEC_AT(r->stack, loaded_file, i);
		if (!strcmp(f->real, real))
			return f;
	}
	return NULL;
}

static loaded_file *load_file(resolver *r, const char *path, const char *real, int *io_error);

/* Resolves one import statement of FROM: a stdlib module name or a path
 * relative to the importing file that must stay inside an allowed root. */
static void load_import(resolver *r, loaded_file *from, kh_node *imp)
{
	const char *spec = imp->text ? imp->text : "";
	const char *candidate;
	int relative = !strncmp(spec, "./", 2) || !strncmp(spec, "../", 3);
	if (spec[0] == '\0' || spec[0] == '/') {
		kh_diag_add(r->diags, KH_ERROR, imp->span, "import-outside-root",
			    "import \"%s\": write a stdlib module (\"vn/hierarchy\") or a path "
			    "starting with ./ or ../", spec);
		return;
	}
	if (relative) {
		candidate = kh_printf("%s/%s", dir_of(from->src->path), spec[1] == '/' ? spec + 2 : spec);
	} else {
		for (const char *p = spec; *p; p++) {
			if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' ||
			      *p == '/' || *p == '-') || (p[0] == '/' && p[1] == '/')) {
				kh_diag_add(r->diags, KH_ERROR, imp->span, "import-not-found",
					    "\"%s\" is not a stdlib module name (lower-case words "
					    "separated by '/'); relative paths start with ./", spec);
				return;
			}
		}
		if (!r->opts->stdlib_dir) {
			kh_diag_add(r->diags, KH_ERROR, imp->span, "import-not-found",
				    "no stdlib folder is known to import \"%s\" from (use --stdlib DIR)",
				    spec);
			return;
		}
		candidate = kh_printf("%s/%s.kh", r->opts->stdlib_dir, spec);
	}
	const char *real = real_path(candidate);
	if (!real) {
		kh_diag_add(r->diags, KH_ERROR, imp->span, "import-not-found",
			    "cannot import \"%s\": %s not found", spec, display_path(candidate));
		return;
	}
	int allowed = path_within(real, r->main_dir) || path_within(real, r->stdlib_real);
	for (size_t i = 0; !allowed && i < r->opts->nroots; i++)
		allowed = path_within(real, real_path(r->opts->roots[i]));
	if (!allowed) {
		kh_diag_add(r->diags, KH_ERROR, imp->span, "import-outside-root",
			    "import \"%s\" leaves the allowed folders (the plan's folder %s and "
			    "the stdlib); add --root DIR to allow another", spec, display_path(r->main_dir));
		return;
	}
	candidate = display_path(candidate);
	loaded_file *f = find_loaded(r, real);
	if (f && f->state == 1) {
		kh_buf chain = { 0 };
		int on = 0;
		for (size_t i = 0; i < r->stack.n; i++) {
			loaded_file *s = KH_VEC_AT(r->stack, loaded_file, i);
			if (s == f)
				on = 1;
			if (on)
				kh_buf_printf(&chain, "%s -> ", s->src->path);
		}
		kh_buf_puts(&chain, f->src->path);
		kh_diag_add(r->diags, KH_ERROR, imp->span, "import-cycle", "import cycle: %s",
			    kh_buf_cstr(&chain));
		return;
	}
	if (f)
		return;
	int io_error = 0;
	if (!load_file(r, candidate, real, &io_error) && io_error) {
		/* The file exists (realpath found it) but cannot be read. */
		kh_diag_add(r->diags, KH_ERROR, imp->span, "import-not-found",
			    "cannot read the imported file %s", candidate);
	}
}

static loaded_file *load_file(resolver *r, const char *path, const char *real, int *io_error)
{
	kh_source *src;
	if (r->bytes) {
		src = kh_source_from_bytes(path, r->bytes, r->nbytes, r->diags);
		r->bytes = NULL;
	} else {
		src = kh_source_load(path, r->diags, io_error);
	}
	if (!src)
		return NULL;
	loaded_file *f = KH_NEW(loaded_file);
	f->real = real;
	f->src = src;
	f->state = 1;
	kh_vec_push(&r->stack, f);
	f->root = kh_parse(src, r->diags);
	for (kh_node *n = f->root->kids; n; n = n->next)
		if (n->kind == KH_N_IMPORT)
			load_import(r, f, n);
	r->stack.n--;
	f->state = 2;
	kh_vec_push(&r->files, f);
	return f;
}

/* ------------------------------------------------------------------ */
/* Declarations                                                       */

static void declare(resolver *r, const char *id, kh_sym_kind kind, void *decl, kh_span span)
{
	kh_symbol *old = kh_scope_add(&r->scope, id, kind, decl, span);
	if (!old)
		return;
	kh_diag *d = kh_diag_add(r->diags, KH_ERROR, span, "duplicate-id",
				 "'%s' is declared twice (first as a %s)", id,
				 kh_sym_kind_name(old->kind));
	if (old->span.file >= 0)
		kh_diag_note(d, old->span, "'%s' was first declared here", old->id);
}

static void undeclared(resolver *r, kh_span span, const char *id, unsigned kinds, const char *what)
{
	const char *best = kh_scope_suggest(&r->scope, id, kinds);
	if (best)
		kh_diag_add(r->diags, KH_ERROR, span, "undeclared-id",
			    "'%s' is not declared; did you mean '%s'?", id, best);
	else
		kh_diag_add(r->diags, KH_ERROR, span, "undeclared-id",
			    "'%s' is not declared (expected a %s)", id, what);
}

/* Finds ID among the symbol kinds in KINDS; reports and returns NULL otherwise. */
static kh_symbol *lookup(resolver *r, kh_span span, const char *id, unsigned kinds, const char *what)
{
	kh_symbol *sym = kh_scope_find(&r->scope, id);
	if (!sym) {
		undeclared(r, span, id, kinds, what);
		return NULL;
	}
	sym->used = 1;
	if (!(sym->kind & kinds)) {
		const char *hint = "";
		if (sym->kind == KH_SYM_LEVEL && (kinds & KH_SYM_BODY))
			hint = kh_printf("; write 'cấp %s' for every body at that level", id);
		kh_diag_add(r->diags, KH_ERROR, span, "wrong-kind", "'%s' is a %s, not a %s%s", id,
			    kh_sym_kind_name(sym->kind), what, hint);
		return NULL;
	}
	return sym;
}

static kh_level *lookup_level(resolver *r, kh_span span, const char *id)
{
	kh_symbol *s = lookup(r, span, id, KH_SYM_LEVEL, "level");
	return s ? s->decl : NULL;
}

static kh_body *lookup_body(resolver *r, kh_span span, const char *id)
{
	kh_symbol *s = lookup(r, span, id, KH_SYM_BODY, "body");
	return s ? s->decl : NULL;
}

static void misplaced(resolver *r, kh_node *n, const char *where)
{
	kh_diag_add(r->diags, KH_ERROR, n->span, "misplaced-statement",
		    "'%s' cannot stand %s", stmt_word(n), where);
}

/* Collects the declarations of a block: the plan body and its sections. */
static void declare_block(resolver *r, kh_node *first, int in_plan);

static void declare_node(resolver *r, kh_node *n, int in_plan)
{
	switch (n->kind) {
	case KH_N_LEVEL_DECL: {
		kh_level *l = KH_NEW(kh_level);
		l->id = n->id;
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
		kh_task *t = KH_NEW(kh_task);
		t->id = n->id;
		t->text = n->text;
		t->span = n->span;
		t->order = r->order++;
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
		a->quota = -1;
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

static void declare_block(resolver *r, kh_node *first, int in_plan)
{
	for (kh_node *n = first; n; n = n->next)
		declare_node(r, n, in_plan);
}

/* ------------------------------------------------------------------ */
/* Dates and "when"                                                   */

static int check_year(resolver *r, kh_node *d, long year)
{
	if (year < KH_YEAR_MIN || year > KH_YEAR_MAX) {
		kh_diag_add(r->diags, KH_ERROR, d->span, "invalid-date",
			    "year %ld is out of range (%d-%d)", year, KH_YEAR_MIN, KH_YEAR_MAX);
		return 0;
	}
	return 1;
}

/* Turns a date node into a window [start, end] and its precision.
 * Returns 0 (after reporting) for an impossible date, -1 when the date is
 * fine but has no known year ("cuối năm" in a plan without a date). */
static int resolve_date(resolver *r, kh_node *d, kh_day *start, kh_day *end, kh_precision *prec)
{
	long y = d->n[0], m = d->n[1], x = d->n[2];
	switch (d->kind) {
	case KH_N_D_DMY:
		*prec = KH_PREC_DAY;
		if (d->flag == -1)
			return 0; /* the scanner already said why */
		if (!check_year(r, d, y))
			return 0;
		if (!kh_date_valid((int)y, (int)m, (int)x)) {
			kh_diag_add(r->diags, KH_ERROR, d->span, "invalid-date",
				    "%s is not a date: %s", span_text(d->span),
				    kh_date_problem((int)y, (int)m, (int)x));
			return 0;
		}
		*start = *end = kh_date_make((int)y, (int)m, (int)x);
		return 1;
	case KH_N_D_MONTH:
		*prec = KH_PREC_MONTH;
		if (!check_year(r, d, y))
			return 0;
		if (!kh_window_month((int)y, (int)m, start, end)) {
			kh_diag_add(r->diags, KH_ERROR, d->span, "invalid-date",
				    "%s is not a month: month %ld does not exist", span_text(d->span), m);
			return 0;
		}
		return 1;
	case KH_N_D_DECADE: {
		*prec = KH_PREC_DECADE;
		if (!check_year(r, d, y))
			return 0;
		if (m < 1 || m > 12 || x < 1 || x > 3) {
			kh_diag_add(r->diags, KH_ERROR, d->span, "invalid-date",
				    "%s is not a month: month %ld does not exist", span_text(d->span), m);
			return 0;
		}
		int last = kh_month_days((int)y, (int)m);
		int from = r->decade_from[x - 1], to = r->decade_to[x - 1];
		*start = kh_date_make((int)y, (int)m, from < last ? from : last);
		*end = kh_date_make((int)y, (int)m, to < last ? to : last);
		return 1;
	}
	case KH_N_D_QUARTER:
		*prec = KH_PREC_QUARTER;
		if (!check_year(r, d, y))
			return 0;
		if (!kh_window_quarter((int)y, (int)m, start, end)) {
			kh_diag_add(r->diags, KH_ERROR, d->span, "invalid-date",
				    "%s: a year has quarters I to IV", span_text(d->span));
			return 0;
		}
		return 1;
	case KH_N_D_YEAR:
		*prec = KH_PREC_YEAR;
		if (!check_year(r, d, y))
			return 0;
		kh_window_year((int)y, start, end);
		return 1;
	case KH_N_D_YEAR_END:
		*prec = KH_PREC_YEAR_END;
		if (y == 0)
			y = r->plan_year;
		if (y == 0)
			return -1;
		if (!check_year(r, d, y))
			return 0;
		/* "Cuối năm": the window vn/time declares (the last quarter). */
		*start = kh_date_make((int)y, r->year_end_from[0],
				      r->year_end_from[1] < kh_month_days((int)y, r->year_end_from[0])
					      ? r->year_end_from[1] : kh_month_days((int)y, r->year_end_from[0]));
		*end = kh_date_make((int)y, r->year_end_to[0],
				    r->year_end_to[1] < kh_month_days((int)y, r->year_end_to[0])
					    ? r->year_end_to[1] : kh_month_days((int)y, r->year_end_to[0]));
		return 1;
	default:
		return 0;
	}
}

static kh_when *resolve_when(resolver *r, kh_node *w)
{
	kh_when *wh = KH_NEW(kh_when);
	wh->span = w->span;
	wh->text = span_text(w->span);
	wh->planned = w->flag == 1;
	kh_node *arg = w->kids;
	switch (w->kind) {
	case KH_N_W_BEFORE: wh->type = KH_WHEN_DEADLINE; break;
	case KH_N_W_WITHIN: wh->type = KH_WHEN_WITHIN; break;
	case KH_N_W_ON: wh->type = KH_WHEN_ON; break;
	case KH_N_W_FROM: wh->type = KH_WHEN_FROM; break;
	case KH_N_W_TBA: wh->type = KH_WHEN_TBA; return wh;
	case KH_N_W_RECUR:
		wh->type = KH_WHEN_RECURRENCE;
		wh->recurrence = (kh_recurrence)w->key;
		return wh;
	case KH_N_W_BEFORE_REF:
	case KH_N_W_AFTER_REF:
	case KH_N_W_OFFSET: {
		wh->type = KH_WHEN_RELATIVE;
		wh->anchor_before = w->kind == KH_N_W_BEFORE_REF || (w->kind == KH_N_W_OFFSET && w->n[0] < 0);
		wh->offset = w->n[0] < 0 ? -w->n[0] : w->n[0];
		wh->working_days = w->n[1] == 1;
		if (arg && lookup(r, arg->span, arg->id, KH_SYM_TASK | KH_SYM_EVENT | KH_SYM_MEETING,
				  "task, meeting or event"))
			wh->anchor = arg->id;
		return wh;
	}
	default:
		return wh;
	}
	if (arg) {
		int ok = resolve_date(r, arg, &wh->start, &wh->end, &wh->precision);
		wh->dated = ok == 1;
	}
	return wh;
}

static void resolve_when_list(resolver *r, kh_node *first, kh_vec *out)
{
	for (kh_node *w = first; w; w = w->next)
		kh_vec_push(out, resolve_when(r, w));
}

/* ------------------------------------------------------------------ */
/* References                                                         */

static kh_ref *resolve_ref(resolver *r, kh_node *n, unsigned extra_kinds)
{
	kh_ref *ref = KH_NEW(kh_ref);
	ref->span = n->span;
	ref->joined = n->flag == 1;
	switch (n->kind) {
	case KH_N_REF_ID: {
		kh_symbol *s = lookup(r, n->span, n->id, KH_SYM_BODY | extra_kinds,
				      extra_kinds & KH_SYM_LEVEL ? "body or level" : "body");
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
		ref->level = lookup_level(r, n->span, n->id);
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

static void resolve_refs(resolver *r, kh_node *first, kh_vec *out, unsigned extra_kinds)
{
	for (kh_node *n = first; n; n = n->next)
		kh_vec_push(out, resolve_ref(r, n, extra_kinds));
}

/* ------------------------------------------------------------------ */
/* Declarations' attributes                                           */

static void resolve_level(resolver *r, kh_node *n, kh_level *l)
{
	for (kh_node *a = n->kids; a; a = a->next) {
		kh_precision p;
		kh_day s, e;
		switch (a->key) {
		case T_BELOW:
			l->below_id = a->kids->id;
			l->below = lookup_level(r, a->kids->span, a->kids->id);
			break;
		case T_FROM:
			if (resolve_date(r, a->kids, &s, &e, &p) == 1) {
				l->has_from = true;
				l->from = s;
			}
			break;
		case T_UNTIL:
			if (resolve_date(r, a->kids, &s, &e, &p) == 1) {
				l->has_until = true;
				l->until = e;
			}
			break;
		default:
			misplaced(r, a, "in a level declaration (use dưới, từ, đến)");
		}
	}
}

static void resolve_body(resolver *r, kh_node *n, kh_body *b)
{
	for (kh_node *a = n->kids; a; a = a->next) {
		switch (a->key) {
		case T_LEVEL:
			b->level = lookup_level(r, a->kids->span, a->kids->id);
			break;
		case T_PARENT:
			b->parent = lookup_body(r, a->kids->span, a->kids->id);
			if (b->parent == b) {
				kh_diag_add(r->diags, KH_ERROR, a->span, "parent-cycle",
					    "'%s' cannot belong to itself", b->id);
				b->parent = NULL;
			}
			break;
		case T_ABBR:
			b->abbr = a->kids->text;
			break;
		case T_IS:
			b->is_a = lookup_body(r, a->kids->span, a->kids->id);
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
					    "'%s' is not a system: write 'hệ đảng' (Party) or 'hệ nhà_nước' (state)",
					    a->kids->id);
			break;
		}
		case T_COLLECTIVE:
			b->collective = true;
			break;
		default:
			misplaced(r, a, "in a body declaration (use cấp, thuộc, là, hệ, tập_thể, viết_tắt)");
		}
	}
}

static void resolve_document(resolver *r, kh_node *n, kh_document *d)
{
	for (kh_node *a = n->kids; a; a = a->next) {
		kh_precision p;
		kh_day s, e;
		switch (a->key) {
		case T_DAY:
			if (resolve_date(r, a->kids, &s, &e, &p) == 1) {
				if (p != KH_PREC_DAY)
					kh_diag_add(r->diags, KH_ERROR, a->span, "invalid-date",
						    "a document is dated with a day (30/8/2019), not a period");
				d->has_date = true;
				d->date = s;
			}
			break;
		case T_OF:
			d->issuer = lookup_body(r, a->kids->span, a->kids->id);
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
			misplaced(r, a, "in a document declaration (use ngày, của, loại, trích_yếu, gọi_tắt)");
		}
	}
}

static void resolve_event(resolver *r, kh_node *n, kh_event *ev)
{
	for (kh_node *a = n->kids; a; a = a->next) {
		switch (a->key) {
		case T_PLANNED:
			ev->planned = true;
			break;
		case T_ON: {
			kh_when *w = KH_NEW(kh_when);
			w->type = KH_WHEN_ON;
			w->span = a->span;
			w->text = span_text(a->kids->span);
			w->planned = ev->planned;
			w->dated = resolve_date(r, a->kids, &w->start, &w->end, &w->precision) == 1;
			kh_vec_push(&ev->when, w);
			break;
		}
		default:
			misplaced(r, a, "in an event declaration (use dự_kiến, vào)");
		}
	}
}

/* Level "depth" follows the chain of dưới; a loop is reported once. */
static void compute_depths(resolver *r)
{
	kh_vec *levels = &r->prog->levels;
	for (size_t i = 0; i < levels->n; i++) {
		kh_level *l = KH_VEC_AT(*levels, kh_level, i);
		int depth = 0;
		for (kh_level *p = l->below; p; p = p->below) {
			if (++depth > (int)levels->n) {
				kh_diag_add(r->diags, KH_ERROR, l->span, "level-cycle",
					    "the levels above '%s' form a loop", l->id);
				l->below = NULL;
				depth = 0;
				break;
			}
		}
		l->depth = depth;
	}
}

/* ------------------------------------------------------------------ */
/* The plan                                                           */

static kh_node *only_string(kh_node *a)
{
	return a->kids && a->kids->text ? a->kids : NULL;
}

static void resolve_task(resolver *r, kh_node *n, kh_task *t)
{
	for (kh_node *a = n->kids; a; a = a->next) {
		if (a->kind == KH_N_PARA) {
			kh_vec_push(&t->description, (void *)a->text);
			continue;
		}
		if (a->kind != KH_N_ATTR) {
			misplaced(r, a, "in a task (use giao, phối_hợp, gửi, qua, hạn, sau, ghi_chú)");
			continue;
		}
		switch (a->key) {
		case T_ASSIGN:
			resolve_refs(r, a->kids, &t->owners, 0);
			break;
		case T_COOPERATE:
			resolve_refs(r, a->kids, &t->cooperate, 0);
			break;
		case T_SEND:
			for (kh_node *x = a->kids; x; x = x->next)
				kh_vec_push(x->flag == 2 ? &t->via : &t->send_to, resolve_ref(r, x, 0));
			break;
		case T_DUE:
			resolve_when_list(r, a->kids, &t->due);
			break;
		case T_AFTER:
			for (kh_node *x = a->kids; x; x = x->next) {
				kh_symbol *s = lookup(r, x->span, x->id, KH_SYM_TASK, "task");
				if (s && s->decl == t)
					kh_diag_add(r->diags, KH_ERROR, x->span, "dependency-cycle",
						    "task '%s' cannot come after itself", t->id);
				else if (s)
					kh_vec_push(&t->after, s->decl);
			}
			break;
		case T_NOTE:
			t->note = only_string(a)->text;
			break;
		default:
			misplaced(r, a, "in a task (use giao, phối_hợp, gửi, qua, hạn, sau, ghi_chú)");
		}
	}
}

static kh_level *qualifier(resolver *r, kh_node *a)
{
	return a->flag == 1 ? lookup_level(r, a->span, a->id) : NULL;
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
			resolve_refs(r, n->kids, &g->refs, 0);
			break;
		case KH_N_G_GUEST:
			g = new_group(KH_GROUP_GUEST, n, at);
			resolve_refs(r, n->kids, &g->refs, 0);
			break;
		case KH_N_G_EACH:
			g = new_group(KH_GROUP_EACH, n, at);
			g->count = n->n[0];
			g->per = resolve_ref(r, n->kids, KH_SYM_LEVEL);
			for (kh_node *e = n->kids->next; e; e = e->next) {
				kh_exception *x = KH_NEW(kh_exception);
				x->ref = resolve_ref(r, e->kids, 0);
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
			misplaced(r, n, "among attendees (use dự, mời, mỗi, nhóm, or a string)");
			continue;
		}
		kh_vec_push(out, g);
	}
}

static void resolve_meeting(resolver *r, kh_node *n, kh_meeting *m)
{
	for (kh_node *a = n->kids; a; a = a->next) {
		if (a->kind == KH_N_RECIPIENT && a->kids && a->kids->kind == KH_N_REF_LEVEL && !a->text) {
			/* "cấp xã, huyện, tỉnh": the levels the meeting is held at. */
			for (kh_node *x = a->kids; x; x = x->next) {
				kh_level *l = lookup_level(r, x->span, x->id);
				if (l)
					kh_vec_push(&m->levels, l);
			}
			continue;
		}
		if (a->kind != KH_N_ATTR) {
			misplaced(r, a, "in a meeting (use cấp, tổ_chức, chủ_trì, thời_lượng, "
				  "thời_gian, trực_tuyến, thành_phần)");
			continue;
		}
		switch (a->key) {
		case T_ORGANISER:
			m->organiser = resolve_ref(r, a->kids, 0);
			break;
		case T_CHAIR: {
			kh_leveled_ref *c = KH_NEW(kh_leveled_ref);
			c->level = qualifier(r, a);
			c->ref = resolve_ref(r, a->kids, 0);
			kh_vec_push(&m->chairs, c);
			break;
		}
		case T_DURATION:
			m->duration = a->kids->n[0];
			m->duration_span = a->span;
			break;
		case T_WHEN: {
			kh_leveled_when *w = KH_NEW(kh_leveled_when);
			w->level = qualifier(r, a);
			w->span = a->span;
			resolve_when_list(r, a->kids, &w->when);
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
			m->note = only_string(a)->text;
			break;
		default:
			misplaced(r, a, "in a meeting (use cấp, tổ_chức, chủ_trì, thời_lượng, "
				  "thời_gian, trực_tuyến, thành_phần)");
		}
	}
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
	for (kh_node *a = n->kids; a; a = a->next) {
		if (a->kind == KH_N_TARGET) {
			f->who |= targets_of(a->kids);
			continue;
		}
		if (a->kind != KH_N_ATTR) {
			misplaced(r, a, "in an award form (use loại, trao_bởi, đối_tượng, tiêu_chuẩn, số_lượng)");
			continue;
		}
		switch (a->key) {
		case T_TYPE:
			f->class_name = a->kids->text;
			break;
		case T_GRANTOR:
			f->granted_by = resolve_ref(r, a->kids, 0);
			break;
		case T_CRITERIA:
			f->criteria = a->kids ? a->kids->text : NULL;
			f->criteria_tba = a->flag == 1;
			break;
		case T_QUOTA:
			f->quota = a->kids->n[0];
			break;
		case T_NOTE:
			f->note = only_string(a)->text;
			break;
		default:
			misplaced(r, a, "in an award form (use loại, trao_bởi, đối_tượng, tiêu_chuẩn, số_lượng)");
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
		case KH_N_ATTR:
			if (a->key == T_CRITERIA) {
				p->award_criteria = a->kids ? a->kids->text : NULL;
				p->award_criteria_tba = a->flag == 1;
				it = new_item(KH_ITEM_AWARD_CRITERIA, a);
				it->text = p->award_criteria;
				break;
			}
			misplaced(r, a, "in khen_thưởng (use đối_tượng, hình_thức, tiêu_chuẩn, mục)");
			break;
		default:
			misplaced(r, a, "in khen_thưởng (use đối_tượng, hình_thức, tiêu_chuẩn, mục)");
		}
		if (it)
			kh_vec_push(items, it);
	}
}

static void resolve_awards(resolver *r, kh_node *n, kh_item *item)
{
	r->plan->has_awards = true;
	resolve_awards_block(r, n->kids, &item->items);
}

static void resolve_budget(resolver *r, kh_node *n, kh_item *item)
{
	for (kh_node *a = n->kids; a; a = a->next) {
		if (a->kind != KH_N_BUDGET_ITEM && a->kind != KH_N_PARA) {
			misplaced(r, a, "in kinh_phí (use khoản \"…\" chi_trả …)");
			continue;
		}
		kh_budget_line *b = KH_NEW(kh_budget_line);
		b->text = a->text;
		b->span = a->span;
		if (a->kids)
			b->paid_by = resolve_ref(r, a->kids, 0);
		kh_vec_push(&r->plan->budget, b);
		kh_vec_push(&item->items, new_item(KH_ITEM_BUDGET_LINE, a));
	}
}

static void resolve_recipients(resolver *r, kh_node *n)
{
	kh_plan *p = r->plan;
	p->has_recipients = true;
	for (kh_node *a = n->kids; a; a = a->next) {
		kh_recipient *rc = KH_NEW(kh_recipient);
		rc->span = a->span;
		switch (a->kind) {
		case KH_N_RECIPIENT:
			resolve_refs(r, a->kids, &rc->refs, 0);
			rc->purpose = a->text;
			kh_vec_push(&p->recipients, rc);
			break;
		case KH_N_PARA: {
			kh_ref *t = KH_NEW(kh_ref);
			t->kind = KH_REF_TEXT;
			t->text = a->text;
			t->span = a->span;
			kh_vec_push(&rc->refs, t);
			kh_vec_push(&p->recipients, rc);
			break;
		}
		case KH_N_ARCHIVE:
			if (p->archive) {
				kh_diag *d = kh_diag_add(r->diags, KH_ERROR, a->span, "duplicate-archive",
							 "a document has one archive line ('lưu')");
				kh_diag_note(d, p->archive->span, "the first one is here");
			}
			if (a->text) {
				kh_ref *t = KH_NEW(kh_ref);
				t->kind = KH_REF_TEXT;
				t->text = a->text;
				t->span = a->span;
				kh_vec_push(&rc->refs, t);
			} else {
				resolve_refs(r, a->kids, &rc->refs, 0);
			}
			p->archive = rc;
			break;
		default:
			misplaced(r, a, "in nơi_nhận (write a body, a level, a string, or lưu …)");
		}
	}
}

static void resolve_signature(resolver *r, kh_node *n)
{
	kh_signature *s = KH_NEW(kh_signature);
	s->span = n->span;
	if (r->plan->signature) {
		kh_diag *d = kh_diag_add(r->diags, KH_ERROR, n->span, "duplicate-signature",
					 "the plan is signed twice");
		kh_diag_note(d, r->plan->signature->span, "the first signature is here");
	}
	r->plan->signature = s;
	for (kh_node *a = n->kids; a; a = a->next) {
		if (a->kind != KH_N_ATTR) {
			misplaced(r, a, "in ký (use thay_mặt, chức_vụ, họ_tên, đã_ký)");
			continue;
		}
		switch (a->key) {
		case T_ONBEHALF:
			s->form = a->kids->text;
			if (a->kids->next) {
				kh_ref *ref = resolve_ref(r, a->kids->next, 0);
				s->on_behalf = ref->body;
			}
			break;
		case T_POSITION:
			s->position = a->kids->text;
			break;
		case T_SIGNER:
			s->name = a->kids->text;
			break;
		case T_SIGNED:
			s->signed_mark = true;
			break;
		case T_NOTE:
			s->note = only_string(a)->text;
			break;
		default:
			misplaced(r, a, "in ký (use thay_mặt, chức_vụ, họ_tên, đã_ký)");
		}
	}
}

static kh_item *new_item(kh_item_kind kind, kh_node *n)
{
	kh_item *it = KH_NEW(kh_item);
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
			misplaced(r, n, "inside an outline's parts (use phần, mục, strings, - and + bullets)");
			continue;
		}
		kh_vec_push(out, it);
	}
}

static void resolve_outline(resolver *r, kh_node *n, kh_outline *o)
{
	for (kh_node *a = n->kids; a; a = a->next) {
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
		misplaced(r, a, "inside a section: it belongs to the plan itself");
		return;
	}
	switch (a->key) {
	case T_ISSUER: {
		kh_ref *ref = resolve_ref(r, a->kids, 0);
		p->issuer = ref->body;
		break;
	}
	case T_PLACE: p->place = a->kids->text; break;
	case T_TITLE: p->title = a->kids->text; break;
	case T_PREAMBLE: p->preamble = a->kids->text; break;
	case T_CLOSING: p->closing = a->kids->text; break;
	case T_DAY: {
		kh_precision prec;
		kh_day s, e;
		if (resolve_date(r, a->kids, &s, &e, &prec) == 1) {
			if (prec != KH_PREC_DAY)
				kh_diag_add(r->diags, KH_ERROR, a->span, "invalid-date",
					    "a plan is dated with a day (16/8/2019), not a period");
			p->has_date = true;
			p->date = s;
		}
		break;
	}
	case T_IMPLEMENTS:
	case T_BASIS:
		for (kh_node *x = a->kids; x; x = x->next) {
			kh_symbol *s = lookup(r, x->span, x->id, KH_SYM_DOCUMENT, "document");
			if (s)
				kh_vec_push(a->key == T_BASIS ? &p->basis : &p->implements, s->decl);
		}
		break;
	default:
		misplaced(r, a, "in a plan");
	}
}

static void resolve_plan_block(resolver *r, kh_node *first, kh_vec *items, int top)
{
	kh_plan *p = r->plan;
	for (kh_node *n = first; n; n = n->next) {
		kh_item *it = NULL;
		kh_symbol *s;
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
			it = new_item(KH_ITEM_TASK, n);
			it->ref_id = n->id;
			s = kh_scope_find(&r->scope, n->id);
			if (s && s->kind == KH_SYM_TASK && s->span.start == n->span.start) {
				resolve_task(r, n, s->decl);
				it->decl = s->decl;
			}
			break;
		case KH_N_MEETING:
			it = new_item(KH_ITEM_MEETING, n);
			it->ref_id = n->id;
			s = kh_scope_find(&r->scope, n->id);
			if (s && s->kind == KH_SYM_MEETING && s->span.start == n->span.start) {
				resolve_meeting(r, n, s->decl);
				it->decl = s->decl;
			}
			break;
		case KH_N_OUTLINE:
			it = new_item(KH_ITEM_OUTLINE, n);
			it->ref_id = n->id;
			s = kh_scope_find(&r->scope, n->id);
			if (s && s->kind == KH_SYM_OUTLINE && s->span.start == n->span.start) {
				resolve_outline(r, n, s->decl);
				it->decl = s->decl;
			}
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
			resolve_signature(r, n);
			break;
		default:
			misplaced(r, n, "in a plan (use it inside the block it belongs to)");
		}
		if (it)
			kh_vec_push(items, it);
	}
}

static void resolve_plan(resolver *r, kh_node *pn)
{
	kh_plan *p = r->plan;
	p->kind = (kh_doc_kind)pn->key;
	p->number = pn->text;
	p->span = pn->span;
	/* The date first: "cuối năm" without a year means the plan's year. */
	for (kh_node *a = pn->kids; a; a = a->next)
		if (a->kind == KH_N_ATTR && a->key == T_DAY && a->kids && a->kids->kind == KH_N_D_DMY &&
		    kh_date_valid((int)a->kids->n[0], (int)a->kids->n[1], (int)a->kids->n[2]))
			r->plan_year = (int)a->kids->n[0];
	resolve_plan_block(r, pn->kids, &p->items, 1);
}

/* ------------------------------------------------------------------ */

/* ------------------------------------------------------------------ */
/* Data declarations of the standard library                          */

static const struct { kh_part part; const char *names[4]; } part_names[] = {
	{ KH_PART_NUMBER, { "number", "số", "so" } },
	{ KH_PART_DATE, { "date", "ngày", "ngay" } },
	{ KH_PART_PLACE, { "place", "địa danh", "dia danh" } },
	{ KH_PART_TITLE, { "title", "trích yếu", "trich yeu" } },
	{ KH_PART_ISSUER, { "issuer", "cơ quan ban hành", "co quan ban hanh" } },
	{ KH_PART_BASIS, { "basis", "căn cứ", "can cu" } },
	{ KH_PART_PURPOSES, { "purposes", "mục đích", "muc dich" } },
	{ KH_PART_REQUIREMENTS, { "requirements", "yêu cầu", "yeu cau" } },
	{ KH_PART_CONTENTS, { "contents", "nội dung", "noi dung" } },
	{ KH_PART_TASKS, { "tasks", "nhiệm vụ", "nhiem vu" } },
	{ KH_PART_MEETINGS, { "meetings", "hội nghị", "hoi nghi" } },
	{ KH_PART_AWARDS, { "awards", "khen thưởng", "khen thuong" } },
	{ KH_PART_BUDGET, { "budget", "kinh phí", "kinh phi" } },
	{ KH_PART_RECIPIENTS, { "recipients", "nơi nhận", "noi nhan" } },
	{ KH_PART_ARCHIVE, { "archive", "lưu", "luu" } },
	{ KH_PART_SIGNATURE, { "signature", "chữ ký", "chu ky" } },
	{ KH_PART_OUTLINE, { "outline", "đề cương", "de cuong" } },
};

const char *kh_part_name(kh_part p)
{
	return p < KH_PART__COUNT ? part_names[p].names[0] : "?";
}

const char *kh_part_name_vi(kh_part p)
{
	return p < KH_PART__COUNT ? part_names[p].names[1] : "?";
}

static unsigned resolve_parts(resolver *r, kh_node *first)
{
	unsigned bits = 0;
	for (kh_node *n = first; n; n = n->next) {
		const char *k = kh_text_fold(n->text);
		int found = -1;
		for (size_t i = 0; i < KH_PART__COUNT && found < 0; i++)
			for (size_t j = 0; j < 3; j++)
				if (!strcmp(k, kh_text_fold(part_names[i].names[j])))
					found = (int)part_names[i].part;
		if (found < 0) {
			kh_buf list = { 0 };
			for (size_t i = 0; i < KH_PART__COUNT; i++)
				kh_buf_printf(&list, "%s%s", i ? ", " : "", part_names[i].names[1]);
			kh_diag_add(r->diags, KH_ERROR, n->span, "undeclared-id",
				    "'%s' is not a part of a document; parts are: %s", n->text, list.data);
			continue;
		}
		bits |= 1u << found;
	}
	return bits;
}

static void resolve_kind_rule(resolver *r, kh_node *n)
{
	kh_kind_rule *k = KH_NEW(kh_kind_rule);
	k->kind = (kh_doc_kind)n->key;
	k->span = n->span;
	for (kh_node *a = n->kids; a; a = a->next) {
		switch (a->key) {
		case T_ABBR: k->code = a->kids->text; break;
		case T_REQUIRES: k->required |= resolve_parts(r, a->kids); break;
		case T_CUSTOMARY: k->customary |= resolve_parts(r, a->kids); break;
		default: misplaced(r, a, "in a document kind (use viết_tắt, bắt_buộc, thường_có)");
		}
	}
	kh_vec_push(&r->prog->kind_rules, k);
}

static void resolve_award_right(resolver *r, kh_node *n)
{
	kh_award_right *w = KH_NEW(kh_award_right);
	w->class_name = n->text;
	w->span = n->span;
	for (kh_node *a = n->kids; a; a = a->next) {
		if (a->key != T_GRANTOR) {
			misplaced(r, a, "in an award right (use trao_bởi AUTHORITY [cấp LEVEL])");
			continue;
		}
		kh_award_grant *g = KH_NEW(kh_award_grant);
		g->span = a->span;
		g->authority = lookup_body(r, a->kids->span, a->kids->id);
		if (a->flag)
			g->level = lookup_level(r, a->span, a->id);
		if (g->authority)
			kh_vec_push(&w->grants, g);
	}
	kh_vec_push(&r->prog->award_rights, w);
}

static void resolve_holiday(resolver *r, kh_node *n)
{
	kh_holiday *h = KH_NEW(kh_holiday);
	h->id = n->id;
	h->name = n->text;
	h->span = n->span;
	h->days = 1;
	h->kind = n->flag == 1 ? KH_HOLIDAY_DAY_OFF : n->flag == 2 ? KH_HOLIDAY_WORKDAY : KH_HOLIDAY_SOLAR;
	bool dated = false;
	for (kh_node *a = n->kids; a; a = a->next) {
		kh_precision p;
		kh_day s, e;
		switch (a->key) {
		case T_DAY:
		case T_LUNAR:
			if (a->kids->kind == KH_N_D_DAYMONTH) {
				int m = (int)a->kids->n[0], d = (int)a->kids->n[1];
				int maxd = a->key == T_LUNAR ? 30 : kh_month_days(2000, m);
				if (h->kind != KH_HOLIDAY_SOLAR || m < 1 || m > 12 || d < 1 || d > maxd) {
					kh_diag_add(r->diags, KH_ERROR, a->kids->span, "invalid-date",
						    h->kind != KH_HOLIDAY_SOLAR
							    ? "a day off or make-up day is one date: write day/month/year"
							    : "%s is not a day of the year", span_text(a->kids->span));
					break;
				}
				h->month = m;
				h->day = d;
				h->kind = a->key == T_LUNAR ? KH_HOLIDAY_LUNAR : KH_HOLIDAY_SOLAR;
				dated = true;
			} else if (a->key == T_DAY && h->kind != KH_HOLIDAY_SOLAR) {
				if (resolve_date(r, a->kids, &s, &e, &p) == 1) {
					if (p != KH_PREC_DAY)
						kh_diag_add(r->diags, KH_ERROR, a->span, "invalid-date",
							    "a day off or make-up day is one date (3/9/2021)");
					h->date = s;
					dated = true;
				}
			} else {
				kh_diag_add(r->diags, KH_ERROR, a->kids->span, "invalid-date",
					    "a holiday recurs every year: write day/month without a year (2/9), "
					    "or declare a one-off 'ngày_nghỉ'");
			}
			break;
		case T_LENGTH:
			if (a->kids->n[0] < 1 || a->kids->n[0] > 31)
				kh_diag_add(r->diags, KH_ERROR, a->kids->span, "number-too-large",
					    "a holiday lasts 1 to 31 days");
			else
				h->days = (int)a->kids->n[0];
			break;
		case T_BEFORE:
			if (a->kids->n[0] > 31)
				kh_diag_add(r->diags, KH_ERROR, a->kids->span, "number-too-large",
					    "a holiday starts at most 31 days before its day");
			else
				h->start_before = (int)a->kids->n[0];
			break;
		case T_FROM:
			if (resolve_date(r, a->kids, &s, &e, &p) == 1) {
				h->has_from = true;
				h->from = s;
			}
			break;
		case T_UNTIL:
			if (resolve_date(r, a->kids, &s, &e, &p) == 1) {
				h->has_until = true;
				h->until = e;
			}
			break;
		default:
			misplaced(r, a, "in a holiday (use ngày, âm_lịch, số_ngày, trước, từ, đến)");
		}
	}
	if (!dated)
		kh_diag_add(r->diags, KH_ERROR, n->span, "invalid-date", "'%s' needs its day (ngày 2/9, âm_lịch 10/3)",
			    h->name);
	else
		kh_vec_push(&r->prog->holidays, h);
}

/*
 * Tasks that wait for each other through "sau" chains (a → b → c → a):
 * none can ever start. Iterative depth-first search with colours, so a
 * chain of 100,000 tasks needs no deep C stack; each cycle is reported
 * once, at the edge that closes it, with the whole chain in the message.
 */
static void find_dependency_cycles(resolver *r)
{
	kh_vec *tasks = &r->plan->tasks;
	size_t n = tasks->n;
	if (!n)
		return;
	/* index of each task, by a hash of its address */
	size_t cap = 16;
	while (cap < n * 2)
		cap *= 2;
	const kh_task **keys = KH_NEW_N(const kh_task *, cap);
	size_t *vals = KH_NEW_N(size_t, cap);
	for (size_t i = 0; i < n; i++) {
		const kh_task *t = KH_VEC_AT(*tasks, kh_task, i);
		size_t h = ((uintptr_t)t >> 4) & (cap - 1);
		while (keys[h])
			h = (h + 1) & (cap - 1);
		keys[h] = t;
		vals[h] = i;
	}
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
			size_t h = ((uintptr_t)next >> 4) & (cap - 1);
			while (keys[h] && keys[h] != next)
				h = (h + 1) & (cap - 1);
			if (!keys[h])
				continue; /* a task outside the plan */
			size_t j = vals[h];
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
					    "tasks wait for each other in a cycle: %s (each comes after the next); "
					    "none of them can start", kh_buf_cstr(&chain));
			}
		}
	}
}

kh_system kh_body_system(const kh_body *b)
{
	for (int guard = 0; b && guard < 64; guard++) {
		if (b->system != KH_SYSTEM_NONE)
			return b->system;
		if (b->is_a && b->is_a->system != KH_SYSTEM_NONE)
			return b->is_a->system;
		b = b->parent ? b->parent : b->is_a;
	}
	return KH_SYSTEM_NONE;
}

/*
 * Walks the bodies B reaches through parent and is_a links (a small DAG:
 * parent cycles are refused by the resolver, is_a chains are short),
 * each visited once, so the cost is linear in the ancestors, never
 * exponential in the depth.
 */
bool kh_body_walk(const kh_body *b, bool (*visit)(const kh_body *, void *), void *ctx)
{
	enum { MAX = 64 };
	const kh_body *stack[MAX], *seen[MAX];
	size_t top = 0, nseen = 0;
	if (b)
		stack[top++] = b;
	while (top) {
		const kh_body *x = stack[--top];
		bool dup = false;
		for (size_t i = 0; i < nseen && !dup; i++)
			dup = seen[i] == x;
		if (dup || nseen == MAX)
			continue;
		seen[nseen++] = x;
		if (visit(x, ctx))
			return true;
		if (x->parent && top < MAX)
			stack[top++] = x->parent;
		if (x->is_a && top < MAX)
			stack[top++] = x->is_a;
	}
	return false;
}

static bool is_target(const kh_body *x, void *g)
{
	return x == g;
}

bool kh_body_is(const kh_body *b, const kh_body *g)
{
	return kh_body_walk(b, is_target, (void *)g);
}

const kh_level *kh_body_level(const kh_body *b)
{
	for (int guard = 0; b && guard < 64; guard++, b = b->parent)
		if (b->level)
			return b->level;
	return NULL;
}

/* "khoảng hạ_tuần 21 31", "khoảng cuối_năm 1/10 31/12": the time
 * vocabulary as data. Read before any date is resolved; a later
 * declaration (the plan's own) refines an earlier one (stdlib's). */
static void resolve_period(resolver *r, kh_node *n)
{
	if (n->flag == 0) {
		long part = n->n[0], from = n->n[1], to = n->n[2];
		if (part < 1 || part > 3 || from < 1 || to > 31 || from > to) {
			kh_diag_add(r->diags, KH_ERROR, n->span, "invalid-date",
				    "a ten-day period runs between days 1 and 31 of a month, first day first "
				    "(khoảng hạ_tuần 21 31; 31 means the month's end)");
			return;
		}
		r->decade_from[part - 1] = (int)from;
		r->decade_to[part - 1] = (int)to;
		return;
	}
	kh_node *a = n->kids, *b = a ? a->next : NULL;
	int fm = a ? (int)a->n[0] : 0, fd = a ? (int)a->n[1] : 0;
	int tm = b ? (int)b->n[0] : 0, td = b ? (int)b->n[1] : 0;
	if (!b || !kh_date_valid(2000, fm, fd) || !kh_date_valid(2000, tm, td) || fm > tm ||
	    (fm == tm && fd > td)) {
		kh_diag_add(r->diags, KH_ERROR, n->span, "invalid-date",
			    "'cuối năm' is a window of days of the year, first day first (khoảng cuối_năm 1/10 31/12)");
		return;
	}
	r->year_end_from[0] = fm;
	r->year_end_from[1] = fd;
	r->year_end_to[0] = tm;
	r->year_end_to[1] = td;
}

static void default_periods(resolver *r)
{
	static const int from[3] = { 1, 11, 21 }, to[3] = { 10, 20, 31 };
	for (int i = 0; i < 3; i++) {
		r->decade_from[i] = from[i];
		r->decade_to[i] = to[i];
	}
	r->year_end_from[0] = 10;
	r->year_end_from[1] = 1;
	r->year_end_to[0] = 12;
	r->year_end_to[1] = 31;
}

/* A declaration's attributes, unless it is a duplicate (reported already). */
static void resolve_decl(resolver *r, kh_node *d)
{
	switch (d->kind) {
	case KH_N_KINDRULE_DECL: resolve_kind_rule(r, d); return;
	case KH_N_AWARDRIGHT_DECL: resolve_award_right(r, d); return;
	case KH_N_HOLIDAY_DECL: resolve_holiday(r, d); return;
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

static void resolve_decls_in(resolver *r, kh_node *first)
{
	for (kh_node *n = first; n; n = n->next) {
		if (n->kind == KH_N_SECTION || n->kind == KH_N_PART)
			resolve_decls_in(r, n->kids);
		else
			resolve_decl(r, n);
	}
}

static kh_program *resolve(resolver *r0, const char *path, const kh_resolve_opts *opts,
			   kh_diags *diags, int *io_error);

kh_program *kh_resolve_file(const char *path, const kh_resolve_opts *opts, kh_diags *diags,
			    int *io_error)
{
	resolver r = { 0 };
	return resolve(&r, path, opts, diags, io_error);
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

static kh_program *resolve(resolver *r0, const char *path, const kh_resolve_opts *opts,
			   kh_diags *diags, int *io_error)
{
	resolver r = *r0;
	r.opts = opts;
	r.diags = diags;
	r.prog = KH_NEW(kh_program);
	r.prog->path = path;
	*io_error = 0;

	struct stat st;
	if (!r.bytes && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		kh_diag_add_path(diags, KH_ERROR, path, "io-error",
				 "'%s' is a directory, not a plan file", path);
		*io_error = 1;
		return NULL;
	}
	const char *real = r.bytes ? kh_printf("%s/%s", real_path("."), path) : real_path(path);
	if (!real) {
		kh_diag_add_path(diags, KH_ERROR, path, "io-error", "cannot open '%s': %s", path,
				 strerror(errno));
		*io_error = 1;
		return NULL;
	}
	r.main_dir = dir_of(real);
	r.stdlib_real = opts->stdlib_dir ? real_path(opts->stdlib_dir) : NULL;
	loaded_file *main_file = load_file(&r, path, real, io_error);
	if (!main_file)
		return NULL;
	r.prog->main = main_file->src;
	/* The checker's data (document kinds, holidays) comes with every plan;
	 * the prelude declares no names, so it cannot clash with the plan's. */
	if (r.stdlib_real && !opts->no_prelude) {
		const char *prelude = kh_printf("%s/vn/prelude.kh", opts->stdlib_dir);
		if (real_path(prelude)) {
			kh_node *imp = kh_node_new(KH_N_IMPORT, (kh_span){ main_file->src->id, 0, 0 });
			imp->text = "vn/prelude";
			load_import(&r, main_file, imp);
		}
	}
	if (!main_file->root->kids && main_file->src->len == 0)
		kh_diag_add(diags, KH_ERROR, (kh_span){ main_file->src->id, 0, 0 }, "empty-file",
			    "the file is empty: a plan file holds a plan (kế_hoạch \"…\" { … }) "
			    "or declarations");
	else if (!main_file->root->kids && !diags->errors)
		kh_diag_add(diags, KH_ERROR, (kh_span){ main_file->src->id, 0, 0 }, "empty-file",
			    "the file holds only comments: a plan file holds a plan or declarations");
	for (size_t i = 0; i < r.files.n; i++) {
		loaded_file *f = KH_VEC_AT(r.files, loaded_file, i);
		if (f != main_file)
			kh_vec_push(&r.prog->imports, (void *)f->src->path);
	}

	/* Pass 1: every name, from every file, imports first. */
	kh_node *plan_node = NULL;
	for (size_t i = 0; i < r.files.n; i++) {
		loaded_file *f = KH_VEC_AT(r.files, loaded_file, i);
		for (kh_node *n = f->root->kids; n; n = n->next) {
			if (n->kind == KH_N_PLAN) {
				if (f != main_file) {
					kh_diag_add(diags, KH_ERROR, n->span, "plan-in-import",
						    "an imported file holds declarations only, not a plan");
				} else if (plan_node) {
					kh_diag *d = kh_diag_add(diags, KH_ERROR, n->span, "second-plan",
								 "a file holds one plan");
					kh_diag_note(d, plan_node->span, "the first plan is here");
				} else {
					plan_node = n;
					r.plan = r.prog->plan = KH_NEW(kh_plan);
					/* Declarations inside the plan join the one scope. */
					declare_block(&r, n->kids, 1);
				}
			} else {
				declare_node(&r, n, 0);
			}
		}
	}
	/* The time vocabulary first: every date below depends on it. */
	default_periods(&r);
	for (size_t i = 0; i < r.files.n; i++) {
		loaded_file *f = KH_VEC_AT(r.files, loaded_file, i);
		for (kh_node *n = f->root->kids; n; n = n->next) {
			if (n->kind == KH_N_PERIOD_DECL)
				resolve_period(&r, n);
			else if (n->kind == KH_N_PLAN)
				for (kh_node *k = n->kids; k; k = k->next)
					if (k->kind == KH_N_PERIOD_DECL)
						resolve_period(&r, k);
		}
	}
	/* Pass 2: the declarations' own attributes, then the plan. */
	for (size_t i = 0; i < r.files.n; i++) {
		loaded_file *f = KH_VEC_AT(r.files, loaded_file, i);
		for (kh_node *n = f->root->kids; n; n = n->next) {
			if (n->kind != KH_N_PLAN)
				resolve_decl(&r, n);
			else if (n == plan_node)
				resolve_decls_in(&r, n->kids);
		}
	}
	compute_depths(&r);
	if (plan_node) {
		resolve_plan(&r, plan_node);
		find_dependency_cycles(&r);
	}
	return r.prog;
}

/*
 * check.c - runs the rule families and applies silencing comments.
 *
 * A finding is silenced by a comment on its own line or on the line just
 * above it:
 *
 *     hạn trước 15/9/2019   # kehoach: ignore non-working-day -- as in the source
 *
 * The reason after "--" is required and kept (JSON and SARIF show it). A
 * silencing comment that silences nothing, names an unknown rule or gives
 * no reason is reported itself: a linter must never be silently quiet.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "check.h"
#include "citations.h"
#include "i18n.h"
#include "prose_words.h"

kh_diag *kh_report(const kh_check_ctx *cx, kh_rule_id r, kh_span span, const char *fmt, ...)
{
	if (!kh_rule_enabled(cx->config, r))
		return NULL;
	va_list ap;
	va_start(ap, fmt);
	kh_diag *x = kh_diag_addv(cx->diags, kh_rules[r].severity, span, kh_rules[r].id, fmt, ap);
	va_end(ap);
	return x;
}

kh_diag *kh_explain(const kh_check_ctx *cx, kh_rule_id r, kh_span span, const char *fmt, ...)
{
	if (!cx->config->explain || !kh_rule_enabled(cx->config, r))
		return NULL;
	va_list ap;
	va_start(ap, fmt);
	kh_diag *x = kh_diag_addv(cx->diags, KH_NOTE, span, kh_rules[r].id, fmt, ap);
	va_end(ap);
	return x;
}

bool kh_in_main_file(const kh_check_ctx *cx, kh_span span)
{
	return cx->prog->main && span.file == cx->prog->main->id;
}

bool kh_when_day(const kh_when *w, kh_day *day)
{
	if (!w || !w->dated)
		return false;
	*day = w->end;
	return true;
}

const char *kh_date_vn(kh_day d, char *buf)
{
	int y, m, dd;
	kh_date_split(d, &y, &m, &dd);
	snprintf(buf, 16, "%d/%d/%d", dd, m, y);
	return buf;
}

/* ---- silencing comments ---- */

typedef struct suppression {
	kh_span span;             /* the comment */
	unsigned line;            /* the line it silences */
	const char *rule, *reason;
	bool used;
} suppression;

static const char *skip_space(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* The silencing comments among those the scanner read ('#' and '//'
 * comments: a block comment silences nothing). */
static void collect(const kh_check_ctx *cx, const kh_source *src, kh_vec *out)
{
	static const char marker[] = "kehoach: ignore";
	const kh_layout *l = &src->layout;
	for (size_t i = 0; i < l->ncomments; i++) {
		const char *c = src->text + l->comments[i].start, *end = src->text + l->comments[i].end;
		if (*c != '#' && c[1] != '/')
			continue;
		const char *p = skip_space(c + (*c == '#' ? 1 : 2), end);
		if ((size_t)(end - p) < sizeof marker - 1 || memcmp(p, marker, sizeof marker - 1))
			continue;
		unsigned ln, col;
		kh_source_locate(src, l->comments[i].start, &ln, &col);
		const char *line = src->text + src->line_starts[ln - 1];
		p = skip_space(p + sizeof marker - 1, end);
		const char *rs = p;
		while (p < end && *p != ' ' && *p != '\t')
			p++;
		suppression *s = KH_NEW(suppression);
		s->span = (kh_span){ src->id, (unsigned)(c - src->text), (unsigned)(end - src->text) };
		s->rule = kh_strndup(rs, (size_t)(p - rs));
		p = skip_space(p, end);
		if (end - p >= 2 && p[0] == '-' && p[1] == '-') {
			p = skip_space(p + 2, end);
			const char *e = end;
			while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
				e--;
			if (e > p)
				s->reason = kh_strndup(p, (size_t)(e - p));
		}
		/* Alone on its line: it silences the next line. */
		s->line = skip_space(line, end) == c ? ln + 1 : ln;
		if (!*s->rule) {
			kh_report(cx, R_UNKNOWN_RULE, s->span,
				  _("'kehoach: ignore' needs a rule id (kehoach help rules lists them)"));
			continue;
		}
		const kh_rule *r = kh_rule_find(s->rule);
		if (!r) {
			const char *sug = kh_rule_suggest(s->rule);
			if (sug)
				kh_report(cx, R_UNKNOWN_RULE, s->span,
					  _("no rule has the id '%s', so this comment has no effect; did you mean '%s'?"),
					  s->rule, sug);
			else
				kh_report(cx, R_UNKNOWN_RULE, s->span,
					  _("no rule has the id '%s', so this comment has no effect"), s->rule);
			continue;
		}
		if (!s->reason)
			kh_report(cx, R_SUPPRESSION_WITHOUT_REASON, s->span,
				  _("say why '%s' is silenced here: '# kehoach: ignore %s -- <reason>'"), s->rule, s->rule);
		kh_vec_push(out, s);
	}
}

static int by_line(const void *a, const void *b)
{
	const suppression *x = *(const suppression *const *)a, *y = *(const suppression *const *)b;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* Findings against the comments on their line: the comments sorted by
 * line once, each finding's found by binary search. */
static void apply_suppressions(const kh_check_ctx *cx)
{
	const kh_source *src = cx->prog->main;
	if (!src)
		return;
	kh_vec sups = { 0 };
	collect(cx, src, &sups);
	if (sups.n > 1)
		qsort(sups.items, sups.n, sizeof(void *), by_line);
	for (kh_diag *x = cx->diags->first; x && sups.n; x = x->next) {
		if (x->span.file != src->id || !x->rule || x->severity == KH_NOTE)
			continue; /* explanations (--explain) are not findings */
		unsigned line, col;
		kh_source_locate(src, x->span.start, &line, &col);
		size_t lo = 0, hi = sups.n; /* the first comment on LINE or after */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (KH_VEC_AT(sups, suppression, mid)->line < line)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t i = lo; i < sups.n && KH_VEC_AT(sups, suppression, i)->line == line; i++) {
			suppression *s = KH_VEC_AT(sups, suppression, i);
			if (!strcmp(s->rule, x->rule)) {
				kh_diag_suppress(cx->diags, x, s->span, s->reason);
				s->used = true;
			}
		}
	}
	for (size_t i = 0; i < sups.n; i++) {
		suppression *s = KH_VEC_AT(sups, suppression, i);
		if (!s->used)
			kh_report(cx, R_UNUSED_SUPPRESSION, s->span,
				  _("this comment silences '%s' on line %u, but nothing is reported there"), s->rule,
				  s->line);
	}
}

const kh_bindex *kh_check_bodies(const kh_check_ctx *cx)
{
	if (cx->shared && cx->shared->bodies)
		return cx->shared->bodies;
	kh_bindex *x = KH_NEW(kh_bindex);
	*x = kh_bindex_build(&cx->prog->bodies, true);
	if (cx->shared)
		cx->shared->bodies = x;
	return x;
}

/* The rule families, in the order their findings are numbered: at one
 * place of the source, an earlier family's findings are listed first. */
enum {
	F_STRUCTURE, F_REFS, F_CITATIONS, F_TIME, F_PEOPLE, F_SIGNATURE, F_AWARDS,
	F_CRITERIA_TEXT, F_CRITERIA_LAW, F_PROSE, F_CONFUSABLES, F_COUNT
};
static void (*const family_check[F_COUNT])(const kh_check_ctx *) = {
	kh_check_structure, kh_check_refs, kh_check_citations, kh_check_time,
	kh_check_people, kh_check_signature, kh_check_awards, kh_check_criteria_text,
	kh_check_criteria_law, kh_check_prose, kh_check_confusables,
};

/* The order they run in, which memory decides. The time rules' indexes
 * (33 MB at 100k tasks) and the ids' skeletons go first, into the pages
 * the tree left; a collection after each of the two families that leave
 * most garbage (time, then the citations' 10 MB), for a very large plan,
 * lets the next reuse their pages. The prose strings are collected for
 * the families that read them (refs on). At 100k tasks: check's peak
 * 154 -> 138 MiB, for one collection more (2 % of the time). COLLECT
 * marks where one goes. */
enum { COLLECT = -1, PROSE = -2 };
static const int run_order[] = {
	F_STRUCTURE, F_TIME, COLLECT, F_CONFUSABLES, PROSE, F_REFS, F_CITATIONS, COLLECT,
	F_PEOPLE, F_SIGNATURE, F_AWARDS, F_CRITERIA_TEXT, F_CRITERIA_LAW, F_PROSE,
};

/* 16 MB of source: about 45,000 tasks. Below it, marking the whole model
 * (45M instructions at 10k tasks, a twelfth of the check) costs more than
 * the pages it saves. */
#define KH_CHECK_COLLECT (16u << 20)

/* What each family added to the list of findings (they append). */
typedef struct segment {
	kh_diag *first;
	unsigned n;
} segment;

/* The findings numbered (seq, the sort's tie-break) by family, in the
 * documented order, whatever order the families ran in. */
static void number_by_family(kh_diags *d, unsigned seq, const segment *seg)
{
	for (int f = 0; f < F_COUNT; f++) {
		kh_diag *x = seg[f].first;
		for (unsigned i = 0; i < seg[f].n; i++, x = x->next) {
			x->seq = seq++;
			for (kh_diag *n = x->notes; n; n = n->next)
				n->seq = x->seq;
		}
	}
	d->seq = seq;
}

static void run_family(const kh_check_ctx *cx, int f, segment *seg)
{
	kh_diags *d = cx->diags;
	kh_diag *before = d->last;
	unsigned count = d->count;
	family_check[f](cx);
	seg[f].first = before ? before->next : d->first;
	seg[f].n = d->count - count;
}

void kh_check_program(const kh_program *prog, const kh_rule_config *config, kh_diags *diags)
{
	kh_vec prose = { 0 };
	kh_check_shared shared = { 0 };
	kh_check_ctx cx = { prog, prog->plan, config, diags,
			    prog->calendar ? prog->calendar : kh_calendar_build(prog), &prose, &shared };
	segment seg[F_COUNT] = { { 0 } };
	unsigned seq = diags->seq;
	bool large = prog->main && prog->main->len >= KH_CHECK_COLLECT;
	for (size_t i = 0; i < sizeof run_order / sizeof run_order[0]; i++) {
		int step = run_order[i];
		if (step == COLLECT) {
			if (large)
				kh_alloc_phase_done(prog->main->len);
		} else if (step == PROSE) {
			if (prog->plan)
				kh_prose_collect(prog, &prose);
		} else if (prog->plan || step == F_CONFUSABLES) {
			run_family(&cx, step, seg); /* without a plan, only the ids' looks */
		}
	}
	number_by_family(diags, seq, seg);
	apply_suppressions(&cx);
}

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

/* 16 MB of source: about 45,000 tasks. */
#define KH_CHECK_COLLECT (16u << 20)

void kh_check_program(const kh_program *prog, const kh_rule_config *config, kh_diags *diags)
{
	kh_vec prose = { 0 };
	kh_check_shared shared = { 0 };
	kh_check_ctx cx = { prog, prog->plan, config, diags,
			    prog->calendar ? prog->calendar : kh_calendar_build(prog), &prose, &shared };
	if (prog->plan) {
		kh_prose_collect(prog, &prose);
		kh_check_structure(&cx);
		kh_check_refs(&cx);
		kh_check_citations(&cx);
		kh_check_time(&cx);
		/* its indexes (a task's windows, owners by body) are garbage:
		 * the prose checks' reuse them. Only for a very large plan: the
		 * collection marks the whole model (45M instructions at 10k
		 * tasks, a twelfth of the check) for pages that cost less. */
		if (prog->main && prog->main->len >= KH_CHECK_COLLECT)
			kh_alloc_phase_done(prog->main->len);
		kh_check_people(&cx);
		kh_check_signature(&cx);
		kh_check_awards(&cx);
		kh_check_criteria_text(&cx);
		kh_check_criteria_law(&cx);
		kh_check_prose(&cx);
	}
	kh_check_confusables(&cx);
	apply_suppressions(&cx);
}

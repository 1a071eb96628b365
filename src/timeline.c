/*
 * timeline.c - the dated duties of a plan as one chronological list.
 *
 * Entries. A task gives one entry per dated deadline; when it names several
 * owner levels ("giao cấp xã, cấp huyện") one per level, plus one for its
 * other owners. A meeting gives one entry per level it is held at. The
 * other "when" items of the same task or level qualify that entry instead
 * of making entries of their own: "trước 30/9/2019, thông_báo_sau" is one
 * deadline whose exact day is to be announced; "từ năm 2023, hằng_năm" is
 * one yearly duty anchored in 2023; "thường_xuyên, định_kỳ" is one
 * recurring duty. Tasks without any deadline are kept (UNDATED, when NULL).
 *
 * An entry's `when` is a kh_when made here: a copy of the dated item (or
 * of the first item) whose text is the whole label, the other items
 * included and keywords written out ("thường xuyên", not "thuong_xuyen");
 * "planned" is set when any item is "dự kiến"; a RECURRENCE when is
 * `dated` when the plan anchors it (its window is the first dated item);
 * a RELATIVE when has anchor NULL and the anchor's own text in `text`.
 *
 * UIDs: "<plan key>/<item id>[/<level id>][/<k>]" (plan_key: the number,
 * year and issuer, or for an unnumbered plan its year, issuer and title) with ids
 * as canonical name keys (tone placement does not matter), k counting the
 * dated items of one task from 2. Never line numbers or counters over the
 * whole plan, so adding or moving other items changes no UID.
 * Part of kehoach; see README.md for the licence.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "timeline.h"

/* ------------------------------------------------------------------ */
/* Labels                                                             */

/* "11/5–20/5/2017"; "1/10/2023–31/1/2024" across years; "30/8/2019". */
static const char *window_text(kh_day s, kh_day e)
{
	int ys, ms, ds, ye, me, de;
	kh_date_split(s, &ys, &ms, &ds);
	kh_date_split(e, &ye, &me, &de);
	if (s == e)
		return kh_printf("%d/%d/%d", ds, ms, ys);
	if (ys == ye)
		return kh_printf("%d/%d\xe2\x80\x93%d/%d/%d", ds, ms, de, me, ye);
	return kh_printf("%d/%d/%d\xe2\x80\x93%d/%d/%d", ds, ms, ys, de, me, ye);
}

/* Precisions whose window is not obvious from the words. */
static bool shows_window(kh_precision p)
{
	return p == KH_PREC_DECADE || p == KH_PREC_QUARTER || p == KH_PREC_YEAR_END;
}

/* The keywords a "when" is written with, in any of their spellings
 * (English, Vietnamese, Vietnamese without diacritics), written out in
 * Vietnamese. Longest phrases first; whole words only, "_" matching " ".
 * Only a source "when" text goes through this: it holds nothing but
 * keywords, numbers and dates (RELATIVE ones are labelled from fields). */
static const struct {
	const char *spelling, *vi;
} vocab[] = {
	{ "thoi gian cu the co thong bao sau", "thời gian cụ thể có thông báo sau" },
	{ "ngay lam viec", "ngày làm việc" },
	{ "ngày làm việc", "ngày làm việc" },
	{ "working days", "ngày làm việc" },
	{ "theo dinh ky", "theo định kỳ" },
	{ "theo định kỳ", "theo định kỳ" },
	{ "thong bao sau", "thông báo sau" },
	{ "thông báo sau", "thông báo sau" },
	{ "thuong xuyen", "thường xuyên" },
	{ "thường xuyên", "thường xuyên" },
	{ "dinh ky", "định kỳ" },
	{ "định kỳ", "định kỳ" },
	{ "hang thang", "hằng tháng" },
	{ "hằng tháng", "hằng tháng" },
	{ "hàng tháng", "hàng tháng" },
	{ "hang nam", "hằng năm" },
	{ "hằng năm", "hằng năm" },
	{ "hàng năm", "hàng năm" },
	{ "cuoi nam", "cuối năm" },
	{ "cuối năm", "cuối năm" },
	{ "year end", "cuối năm" },
	{ "du kien", "dự kiến" },
	{ "dự kiến", "dự kiến" },
	{ "thuong tuan", "thượng tuần" },
	{ "thượng tuần", "thượng tuần" },
	{ "trung tuan", "trung tuần" },
	{ "trung tuần", "trung tuần" },
	{ "ha tuan", "hạ tuần" },
	{ "hạ tuần", "hạ tuần" },
	{ "continuous", "thường xuyên" },
	{ "monthly", "hằng tháng" },
	{ "yearly", "hằng năm" },
	{ "periodic", "định kỳ" },
	{ "planned", "dự kiến" },
	{ "tba", "thông báo sau" },
	{ "before", "trước" },
	{ "after", "sau" },
	{ "within", "trong" },
	{ "on", "vào" },
	{ "from", "từ" },
	{ "until", "đến" },
	{ "through", "đến hết" },
	{ "den het", "đến hết" },
	{ "day", "ngày" },
	{ "month", "tháng" },
	{ "year", "năm" },
	{ "quarter", "quý" },
	{ "early", "thượng tuần" },
	{ "mid", "trung tuần" },
	{ "late", "hạ tuần" },
	{ "half", "nửa" },
	{ "truoc", "trước" },
	{ "tu", "từ" },
	{ "den", "đến" },
	{ "thang", "tháng" },
	{ "nam", "năm" },
	{ "ngay", "ngày" },
	{ "vao", "vào" },
	{ "quy", "quý" },
	{ "nua", "nửa" },
};

/* Does PHRASE start S and end at a word boundary ("_" in S matching " "
 * in PHRASE)? Returns its length in S, or 0. */
static size_t phrase_at(const char *s, const char *phrase)
{
	size_t n = 0;
	for (; phrase[n]; n++) {
		char c = s[n];
		if (c == '_')
			c = ' ';
		if (c != phrase[n])
			return 0;
	}
	char c = s[n];
	if (c == '\0' || c == ' ' || c == ',' || c == ';' || c == ')')
		return n;
	return 0;
}

/* A source "when" text as Vietnamese words: keywords written out,
 * underscores between keyword words gone. */
static const char *pretty(const char *text)
{
	if (!text)
		return "";
	kh_buf b = { 0 };
	const char *p = text;
	bool at_word = true;
	while (*p) {
		if (at_word) {
			size_t best = 0, which = 0;
			char first = *p == '_' ? ' ' : *p; /* as phrase_at reads it */
			for (size_t i = 0; i < sizeof vocab / sizeof vocab[0]; i++) {
				if (vocab[i].spelling[0] != first)
					continue; /* most phrases, at once */
				size_t n = phrase_at(p, vocab[i].spelling);
				if (n > best) {
					best = n;
					which = i;
				}
			}
			if (best) {
				kh_buf_puts(&b, vocab[which].vi);
				p += best;
				at_word = false;
				continue;
			}
		}
		size_t run = strcspn(p, " _(,"); /* to the next word's start at once */
		if (run) {
			kh_buf_put(&b, p, run);
			p += run;
			at_word = false;
			continue;
		}
		char c = *p++;
		kh_buf_putc(&b, c == '_' ? ' ' : c);
		at_word = true;
	}
	return kh_buf_cstr(&b);
}

static const char *const TBA_TEXT = "thời gian cụ thể có thông báo sau";

/* Whens made by the timeline carry their whole label in `text` and no
 * source location (span.file -1): their text is used as it is. */
static bool made_here(const kh_when *w)
{
	return w->span.file == -1;
}

/* Does S start with the word W (its first letter in either case)? */
static bool starts_with_word(const char *s, const char *w)
{
	size_t n = strlen(w);
	char c = s[0];
	if (c >= 'A' && c <= 'Z')
		c = (char)(c - 'A' + 'a');
	if (c != w[0] || strncmp(s + 1, w + 1, n - 1) != 0)
		return false;
	return s[n] == '\0' || s[n] == ' ' || s[n] == ',';
}

/* "3 ngày làm việc trước Hội nghị tổng kết", "sau khi có hướng dẫn …":
 * the anchor as the resolver labelled it (a meeting's name, an event's
 * words, "nhiệm vụ <id>"). */
static const char *relative_label(const kh_when *w)
{
	const char *dir = w->anchor_before ? "trước" : "sau";
	const char *target = w->anchor_label ? w->anchor_label : w->anchor;
	/* "Sau khi có hướng dẫn …" already says "sau": used as it is, its
	 * first letter lower-cased. */
	if (!w->offset && w->anchor_kind == KH_ANCHOR_EVENT && starts_with_word(target, dir)) {
		char *s = kh_strdup(target);
		if (s[0] >= 'A' && s[0] <= 'Z')
			s[0] = (char)(s[0] - 'A' + 'a');
		return s;
	}
	if (w->offset)
		return kh_printf("%ld %s %s %s", labs(w->offset),
				 w->working_days ? "ngày làm việc" : "ngày", dir, target);
	return kh_printf("%s %s", dir, target);
}

/* "từ 1/10/2025 đến 17/11/2025": both days in full, so a first date
 * written without its year shows the one it took. */
static const char *span_label(const kh_when *w)
{
	return kh_printf("%stừ %s đến %s", w->planned ? "dự kiến " : "",
			 window_text(w->start, w->start), window_text(w->end, w->end));
}

const char *kh_when_words(const char *text)
{
	return pretty(text);
}

const char *kh_when_label(const kh_when *w)
{
	if (!w)
		return "";
	const char *t;
	if (made_here(w)) {
		t = w->text ? w->text : "";
	} else if (w->type == KH_WHEN_TBA) {
		t = pretty(w->text);
		return !*t || !strcmp(t, "thông báo sau") ? TBA_TEXT : t;
	} else if (w->type == KH_WHEN_SPAN && w->dated) {
		return span_label(w);
	} else if (w->type == KH_WHEN_RELATIVE && w->anchor) {
		t = relative_label(w);
		if (w->dated)
			return kh_printf("%s (%s)", t, window_text(w->start, w->end));
		return t;
	} else {
		t = pretty(w->text);
	}
	if (!*t && w->type == KH_WHEN_RECURRENCE) {
		static const char *const words[] = { "", "thường xuyên", "hằng tháng", "hằng năm",
						     "định kỳ" };
		t = words[w->recurrence <= KH_RECUR_PERIODIC ? w->recurrence : 0];
	}
	if (!*t && w->type == KH_WHEN_TBA)
		t = TBA_TEXT;
	if (w->dated && !*t)
		return window_text(w->start, w->end);
	if (w->dated && shows_window(w->precision) && w->type != KH_WHEN_SPAN) {
		const char *win = window_text(w->start, w->end);
		if (!strstr(t, win))
			return kh_printf("%s (%s)", t, win);
	}
	return t;
}

const char *kh_tl_until_label(const kh_tl_entry *e)
{
	if (!e || !e->series)
		return NULL;
	const char *day = window_text(e->until, e->until);
	switch (e->until_from) {
	case KH_UNTIL_OWN:
		return kh_printf("%s (hết khoảng thời gian đã ghi)", day);
	case KH_UNTIL_TITLE:
		return kh_printf("%s (%s, theo trích yếu)", day, e->until_text);
	case KH_UNTIL_LAST:
		return kh_printf("%s (mốc thời gian cuối cùng của kế hoạch)", day);
	default:
		return NULL;
	}
}

const char *kh_ref_label(const kh_ref *r)
{
	if (!r)
		return "";
	switch (r->kind) {
	case KH_REF_BODY:
		if (r->body)
			return r->body->name ? r->body->name : r->body->id;
		return r->text ? r->text : "";
	case KH_REF_LEVEL:
		if (r->level)
			return r->level->name ? r->level->name : r->level->id;
		return r->text ? r->text : "";
	case KH_REF_SUPERIOR:
		return "cấp trên trực tiếp";
	case KH_REF_ORGLEVEL:
		return "cấp tổ chức";
	case KH_REF_TEXT:
		return r->text ? r->text : "";
	}
	return "";
}

const char *kh_refs_label(const kh_vec *v)
{
	kh_buf b = { 0 };
	for (size_t i = 0; v && i < v->n; i++) {
		if (i)
			kh_buf_puts(&b, ", ");
		kh_buf_puts(&b, kh_ref_label(KH_VEC_AT(*v, kh_ref, i)));
	}
	return kh_buf_cstr(&b);
}

/* ------------------------------------------------------------------ */
/* Building                                                           */

typedef struct builder {
	const kh_program *prog;
	const char *plan_key;
	kh_vec out;               /* kh_tl_entry* in source order */
} builder;

/* The plan's number, or the file's stem ("KH-dang-uy-xa-2023"). */
/* FNV-1a, 32 bits, as 8 hex digits: a short stable tag for a name. */
static const char *tag(const char *s)
{
	uint32_t h = 2166136261u;
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
		h = (h ^ *p) * 16777619u;
	return kh_printf("%08x", h);
}

/* What makes a plan's UIDs its own: numbers restart each year and per
 * issuer, so the number alone is not enough, and an unnumbered plan is
 * known by its title, never by its file's name (a renamed file must not
 * duplicate every entry). "<number>/<year>/<issuer tag>", or without a
 * number "kh/<year>/<issuer tag>/<title tag>"; the tags hash the
 * canonical name keys, so tone placement does not matter. */
static const char *plan_key(const kh_program *prog)
{
	const kh_plan *p = prog->plan;
	if (!p)
		return "kehoach";
	int y = 0, m, d;
	if (p->has_date)
		kh_date_split(p->date, &y, &m, &d);
	const char *year = y ? kh_printf("%d", y) : "nodate";
	const char *issuer = tag(p->issuer ? kh_name_key(p->issuer->name ? p->issuer->name
									  : p->issuer->id)
					   : "");
	if (p->number && p->number[0])
		return kh_printf("%s/%s/%s", p->number, year, issuer);
	return kh_printf("kh/%s/%s/%s", year, issuer, tag(p->title ? kh_name_key(p->title) : ""));
}

static const char *key(const char *id)
{
	return id ? kh_name_key(id) : "";
}

static bool same_ref(const kh_ref *a, const kh_ref *b)
{
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case KH_REF_BODY:
		if (a->body || b->body)
			return a->body == b->body;
		return a->text && b->text && !strcmp(a->text, b->text);
	case KH_REF_LEVEL:
		return a->level == b->level;
	case KH_REF_TEXT:
		return a->text && b->text && !strcmp(a->text, b->text);
	default:
		return true;
	}
}

static void push_ref_unique(kh_vec *v, kh_ref *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < v->n; i++)
		if (same_ref(KH_VEC_AT(*v, kh_ref, i), r))
			return;
	kh_vec_push(v, r);
}

static bool is_dated(const kh_when *w)
{
	return w->dated && (w->type == KH_WHEN_DEADLINE || w->type == KH_WHEN_WITHIN ||
			    w->type == KH_WHEN_ON || w->type == KH_WHEN_FROM ||
			    w->type == KH_WHEN_RELATIVE || w->type == KH_WHEN_SPAN);
}

/* More specific recurrences win: a frequency over "định kỳ" over "thường xuyên". */
static int recur_rank(kh_recurrence r)
{
	switch (r) {
	case KH_RECUR_MONTHLY: return 3;
	case KH_RECUR_YEARLY: return 3;
	case KH_RECUR_PERIODIC: return 2;
	case KH_RECUR_CONTINUOUS: return 1;
	default: return 0;
	}
}

/* What the "when" items of one task or meeting level become. */
typedef struct made {
	kh_tl_kind kind;          /* DEADLINE (or MEETING), RECURRING, UNDATED */
	kh_when *when;            /* NULL: nothing was said */
	const kh_when *anchor;    /* RECURRING: the source item dating it, or NULL */
} made;

static kh_when *copy_when(const kh_when *w)
{
	kh_when *c = KH_NEW(kh_when);
	*c = *w;
	c->span.file = -1;     /* made here: text is the label (made_here) */
	return c;
}

/* Splits WHENS (kh_when*) into entries: see the comment at the top. */
static size_t make_whens(const kh_vec *whens, made *out, size_t max)
{
	size_t n = 0;
	bool planned = false;
	size_t ndated = 0, nrec = 0;
	const kh_when *first_dated = NULL, *best_rec = NULL;
	for (size_t i = 0; i < whens->n; i++) {
		const kh_when *w = KH_VEC_AT(*whens, kh_when, i);
		planned |= w->planned;
		if (is_dated(w)) {
			if (!first_dated)
				first_dated = w;
			ndated++;
		} else if (w->type == KH_WHEN_RECURRENCE) {
			if (!best_rec || recur_rank(w->recurrence) > recur_rank(best_rec->recurrence))
				best_rec = w;
			nrec++;
		}
	}
	if (whens->n == 0) {
		out[0].kind = KH_TL_UNDATED;
		out[0].when = NULL;
		return 1;
	}
	if (nrec) {
		/* One recurring duty; the first dated item anchors it. */
		kh_when *c = copy_when(best_rec);
		kh_buf t = { 0 };
		for (size_t i = 0; i < whens->n; i++) {
			if (i)
				kh_buf_puts(&t, ", ");
			kh_buf_puts(&t, kh_when_label(KH_VEC_AT(*whens, kh_when, i)));
		}
		c->text = kh_buf_cstr(&t);
		c->planned = planned;
		c->anchor = NULL;
		if (first_dated) {
			c->dated = true;
			c->start = first_dated->start;
			c->end = first_dated->end;
			c->precision = first_dated->precision;
		} else {
			c->dated = false;
		}
		out[0].kind = KH_TL_RECURRING;
		out[0].when = c;
		out[0].anchor = first_dated;
		return 1;
	}
	/* The undated items, as one qualifier. */
	kh_buf q = { 0 };
	const kh_when *first_other = NULL;
	for (size_t i = 0; i < whens->n; i++) {
		const kh_when *w = KH_VEC_AT(*whens, kh_when, i);
		if (is_dated(w))
			continue;
		if (!first_other)
			first_other = w;
		if (q.len)
			kh_buf_puts(&q, "; ");
		kh_buf_puts(&q, kh_when_label(w));
	}
	if (ndated) {
		for (size_t i = 0; i < whens->n && n < max; i++) {
			const kh_when *w = KH_VEC_AT(*whens, kh_when, i);
			if (!is_dated(w))
				continue;
			kh_when *c = copy_when(w);
			const char *l = kh_when_label(w);
			c->text = q.len ? kh_printf("%s (%s)", l, kh_buf_cstr(&q)) : l;
			c->planned = planned;
			out[n].kind = KH_TL_DEADLINE;
			out[n].when = c;
			n++;
		}
		return n;
	}
	kh_when *c = copy_when(first_other);
	c->text = kh_buf_cstr(&q);
	c->planned = planned;
	c->anchor = NULL;
	c->dated = false;
	out[0].kind = KH_TL_UNDATED;
	out[0].when = c;
	return 1;
}

/* Is the anchor W a window the series runs within: not a start ("từ
 * …"), and longer than one repetition ("trong năm 2024, hằng tháng")? */
static bool bounds_series(const kh_when *anchor, bool monthly)
{
	if (anchor->type == KH_WHEN_FROM)
		return false;
	int ys, ms, ds, ye, me, de;
	kh_date_split(anchor->start, &ys, &ms, &ds);
	kh_date_split(anchor->end, &ye, &me, &de);
	return ys != ye || (monthly && ms != me);
}

/* A dated monthly or yearly entry: its first occurrence and its end
 * (the rule is at kh_timeline_build in timeline.h). */
static void set_series(const kh_plan *p, kh_tl_entry *e, const kh_when *anchor)
{
	const kh_when *w = e->when;
	if (e->kind != KH_TL_RECURRING || !w || !w->dated || !anchor ||
	    (w->recurrence != KH_RECUR_MONTHLY && w->recurrence != KH_RECUR_YEARLY))
		return;
	bool monthly = w->recurrence == KH_RECUR_MONTHLY;
	int y, m, d;
	kh_date_split(w->start, &y, &m, &d);
	kh_day step_end = monthly ? kh_date_make(y, m, kh_month_days(y, m)) : kh_date_make(y, 12, 31);
	e->series = true;
	e->first = step_end < w->end ? step_end : w->end;
	e->until_from = KH_UNTIL_NONE;
	if (bounds_series(anchor, monthly)) {
		e->until_from = KH_UNTIL_OWN;
		e->until = w->end;
	} else if (p->period.has_title && p->period.title_end >= e->first) {
		e->until_from = KH_UNTIL_TITLE;
		e->until = p->period.title_end;
		e->until_text = p->period.title_text;
	} else if (p->period.has_last && p->period.last >= e->first) {
		e->until_from = KH_UNTIL_LAST;
		e->until = p->period.last;
	}
}

static void add_entries(builder *b, const char *uid_base, const char *item_id, const char *what,
			const kh_level *level, const kh_vec *owners, const kh_vec *to,
			const kh_task *task, const kh_meeting *meeting, const kh_vec *whens,
			kh_span span)
{
	made *m = KH_NEW_N(made, whens->n + 1);
	size_t n = make_whens(whens, m, whens->n + 1);
	for (size_t i = 0; i < n; i++) {
		kh_tl_entry *e = KH_NEW(kh_tl_entry);
		e->kind = m[i].kind;
		if (meeting && e->kind == KH_TL_DEADLINE)
			e->kind = KH_TL_MEETING;
		e->uid = i ? kh_printf("%s/%zu", uid_base, i + 1) : uid_base;
		e->item_id = item_id;
		e->what = what ? what : item_id;
		e->when = m[i].when;
		e->level = level;
		e->owners = *owners;
		if (to)
			e->to = *to;
		e->task = task;
		e->meeting = meeting;
		e->duration = meeting ? meeting->duration : -1;
		e->span = span;
		set_series(b->prog->plan, e, m[i].anchor);
		kh_vec_push(&b->out, e);
	}
}

static void add_task(builder *b, const kh_task *t)
{
	const char *base = kh_printf("%s/%s", b->plan_key, key(t->id));
	kh_vec to = { 0 };
	for (size_t i = 0; i < t->send_to.n; i++)
		push_ref_unique(&to, KH_VEC_AT(t->send_to, kh_ref, i));
	for (size_t i = 0; i < t->via.n; i++)
		push_ref_unique(&to, KH_VEC_AT(t->via, kh_ref, i));
	size_t nlevels = 0;
	for (size_t i = 0; i < t->owners.n; i++) {
		const kh_ref *r = KH_VEC_AT(t->owners, kh_ref, i);
		if (r->kind == KH_REF_LEVEL && r->level)
			nlevels++;
	}
	if (nlevels >= 2) {
		/* One entry per owner level, then one for the other owners. */
		kh_vec others = { 0 };
		kh_vec done = { 0 };
		for (size_t i = 0; i < t->owners.n; i++) {
			kh_ref *r = KH_VEC_AT(t->owners, kh_ref, i);
			if (!(r->kind == KH_REF_LEVEL && r->level)) {
				push_ref_unique(&others, r);
				continue;
			}
			bool seen = false;
			for (size_t j = 0; j < done.n; j++)
				seen |= done.items[j] == r->level;
			if (seen)
				continue;
			kh_vec_push(&done, r->level);
			kh_vec own = { 0 };
			kh_vec_push(&own, r);
			add_entries(b, kh_printf("%s/%s", base, key(r->level->id)), t->id, t->text,
				    r->level, &own, &to, t, NULL, &t->due, t->span);
		}
		if (others.n)
			add_entries(b, base, t->id, t->text, NULL, &others, &to, t, NULL, &t->due,
				    t->span);
		return;
	}
	kh_vec own = { 0 };
	for (size_t i = 0; i < t->owners.n; i++)
		push_ref_unique(&own, KH_VEC_AT(t->owners, kh_ref, i));
	const kh_level *level = NULL;
	if (own.n == 1 && KH_VEC_AT(own, kh_ref, 0)->kind == KH_REF_LEVEL)
		level = KH_VEC_AT(own, kh_ref, 0)->level;
	add_entries(b, base, t->id, t->text, level, &own, &to, t, NULL, &t->due, t->span);
}

/* The meeting's "when" items for level L (NULL: all of them). */
static kh_vec meeting_whens(const kh_meeting *m, const kh_level *l)
{
	kh_vec v = { 0 };
	for (size_t i = 0; i < m->when.n; i++) {
		const kh_leveled_when *lw = KH_VEC_AT(m->when, kh_leveled_when, i);
		if (l && lw->level && lw->level != l)
			continue;
		for (size_t j = 0; j < lw->when.n; j++)
			kh_vec_push(&v, lw->when.items[j]);
	}
	return v;
}

static void add_meeting_level(builder *b, const kh_meeting *m, const kh_level *l, bool suffix)
{
	kh_vec own = { 0 };
	push_ref_unique(&own, m->organiser);
	for (size_t i = 0; i < m->chairs.n; i++) {
		const kh_leveled_ref *c = KH_VEC_AT(m->chairs, kh_leveled_ref, i);
		if (l && c->level && c->level != l)
			continue;
		push_ref_unique(&own, c->ref);
	}
	kh_vec whens = meeting_whens(m, l);
	const char *base = kh_printf("%s/%s", b->plan_key, key(m->id));
	if (suffix && l)
		base = kh_printf("%s/%s", base, key(l->id));
	add_entries(b, base, m->id, m->name, l, &own, NULL, NULL, m, &whens, m->span);
}

static void add_meeting(builder *b, const kh_meeting *m)
{
	if (m->levels.n >= 2) {
		for (size_t i = 0; i < m->levels.n; i++)
			add_meeting_level(b, m, KH_VEC_AT(m->levels, kh_level, i), true);
		return;
	}
	add_meeting_level(b, m, m->levels.n ? KH_VEC_AT(m->levels, kh_level, 0) : NULL, false);
}

static int span_cmp(kh_span a, kh_span b)
{
	if (a.file != b.file)
		return a.file < b.file ? -1 : 1;
	if (a.start != b.start)
		return a.start < b.start ? -1 : 1;
	return 0;
}

typedef struct sortable {
	kh_tl_entry *e;
	int bucket;
	kh_day day;
	size_t seq;
} sortable;

static int sortable_cmp(const void *pa, const void *pb)
{
	const sortable *a = pa, *b = pb;
	if (a->bucket != b->bucket)
		return a->bucket < b->bucket ? -1 : 1;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

kh_vec kh_timeline_build(const kh_program *prog)
{
	builder b = { 0 };
	kh_vec none = { 0 };
	if (!prog || !prog->plan)
		return none;
	const kh_plan *p = prog->plan;
	b.prog = prog;
	b.plan_key = plan_key(prog);
	/* Tasks and meetings merged in source order. */
	size_t i = 0, j = 0;
	while (i < p->tasks.n || j < p->meetings.n) {
		const kh_task *t = i < p->tasks.n ? KH_VEC_AT(p->tasks, kh_task, i) : NULL;
		const kh_meeting *m = j < p->meetings.n ? KH_VEC_AT(p->meetings, kh_meeting, j) : NULL;
		if (t && (!m || span_cmp(t->span, m->span) <= 0)) {
			add_task(&b, t);
			i++;
		} else {
			add_meeting(&b, m);
			j++;
		}
	}
	size_t n = b.out.n;
	if (!n)
		return b.out;
	sortable *s = KH_NEW_N(sortable, n);
	for (size_t k = 0; k < n; k++) {
		kh_tl_entry *e = KH_VEC_AT(b.out, kh_tl_entry, k);
		s[k].e = e;
		s[k].seq = k;
		const kh_when *w = e->when;
		switch (e->kind) {
		case KH_TL_DEADLINE:
		case KH_TL_MEETING:
			s[k].bucket = 0;
			s[k].day = w->type == KH_WHEN_FROM ? w->start : w->end;
			break;
		case KH_TL_RECURRING:
			s[k].bucket = 1;
			s[k].day = e->series ? e->first : w && w->dated ? w->end : LONG_MAX;
			break;
		default:
			s[k].bucket = 2;
			s[k].day = 0;
			break;
		}
	}
	qsort(s, n, sizeof *s, sortable_cmp);
	kh_vec out = { 0 };
	for (size_t k = 0; k < n; k++)
		kh_vec_push(&out, s[k].e);
	return out;
}


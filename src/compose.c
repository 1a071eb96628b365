/*
 * compose.c - the plan's data as Vietnamese sentences (compose.h).
 * Part of kehoach; see README.md for the licence.
 */
#include <ctype.h>
#include <string.h>
#include <utf8proc.h>

#include "alloc.h"
#include "compose.h"
#include "names.h"
#include "prose_facts.h"
#include "source.h"
#include "timeline.h"

/* ------------------------------------------------------------------ */
/* Words                                                              */

/* S with its first letter in upper case (a sentence). */
static const char *capital(const char *s)
{
	size_t n;
	int32_t c = kh_cp_at(s, strlen(s), 0, &n);
	if (c < 0)
		return s;
	utf8proc_uint8_t enc[4];
	utf8proc_ssize_t k = utf8proc_encode_char(utf8proc_toupper(c), enc);
	return kh_printf("%.*s%s", (int)k, (const char *)enc, s + n);
}

/* "Cấp huyện", "Các cơ quan có liên quan" as they read inside a
 * sentence: "cấp huyện", "các cơ quan có liên quan". */
static const char *lower_level(const char *name)
{
	if (!strncmp(name, "Cấp ", strlen("Cấp ")) || !strncmp(name, "Các ", strlen("Các ")))
		return kh_printf("c%s", name + 1);
	return name;
}

static const char *ref_words(const kh_ref *r)
{
	if (r->kind == KH_REF_LEVEL && r->level)
		return lower_level(r->level->name ? r->level->name : kh_printf("cấp %s", r->level->id));
	return lower_level(kh_ref_label(r));
}

/* ITEMS (const char*) as "A, B và C". */
static const char *join_and(const kh_vec *items)
{
	/* its room once: a task's names were a tenth of what rendering made
	 * and dropped, most of it in the buffer's growth */
	size_t need = 0;
	for (size_t i = 0; i < items->n; i++)
		need += strlen(items->items[i]) + (i ? strlen(" và ") : 0);
	kh_buf b = { 0 };
	kh_buf_reserve_exact(&b, need);
	for (size_t i = 0; i < items->n; i++) {
		if (i)
			kh_buf_puts(&b, i + 1 == items->n ? " và " : ", ");
		kh_buf_puts(&b, items->items[i]);
	}
	return kh_buf_cstr(&b);
}

const char *kh_compose_refs(const kh_vec *refs)
{
	kh_vec words = { 0 };
	for (size_t i = 0; i < refs->n; i++)
		kh_vec_push(&words, (void *)ref_words(refs->items[i]));
	return join_and(&words);
}

/* The words of the last date text given "ngày": one text at a time. */
static kh_words_buf ngay_room;

void kh_compose_forget(void)
{
	memset(&ngay_room, 0, sizeof ngay_room);
}

/* "30/8/2019" -> "ngày 30/8/2019" wherever a day stands without "ngày". */
static const char *with_ngay(const char *s)
{
	kh_buf b = { 0 };
	size_t len = strlen(s), done = 0;
	kh_vec ws = kh_words_split_reusing(s, len, &ngay_room);
	for (size_t i = 0; i < ws.n; i++) {
		kh_written_date d;
		const kh_word *w = KH_WORD(ws, i);
		if (w->s < done || !kh_date_at(s, len, w->s, &d))
			continue;
		bool has = i > 0 && !strcmp(kh_word_fold(s, KH_WORD(ws, i - 1)), "ngày");
		if (d.precision == KH_PREC_DAY && !has) {
			kh_buf_put(&b, s + done, w->s - done);
			kh_buf_puts(&b, "ngày ");
			done = w->s;
		}
		while (i + 1 < ws.n && KH_WORD(ws, i + 1)->s < d.end)
			i++;
	}
	if (!b.len)
		return s; /* nothing to add: the text as it is, not a copy */
	kh_buf_puts(&b, s + done);
	return kh_buf_cstr(&b);
}

const char *kh_compose_when(const kh_when *w)
{
	if (!w)
		return "";
	switch (w->type) {
	case KH_WHEN_TBA:
		return "thời gian cụ thể có thông báo sau";
	case KH_WHEN_RELATIVE:
		return kh_when_label(w); /* the anchor as it reads, and its day when derived */
	default:
		break;
	}
	if (!w->text)
		return kh_when_label(w);
	const char *t = kh_when_words(w->text);
	if (w->type == KH_WHEN_RECURRENCE && !*t)
		return kh_when_label(w);
	return with_ngay(t);
}

const char *kh_compose_whens(const kh_vec *whens)
{
	kh_buf b = { 0 };
	for (size_t i = 0; i < whens->n; i++) {
		const char *s = kh_compose_when(whens->items[i]);
		if (!*s)
			continue;
		if (b.len)
			kh_buf_puts(&b, ", ");
		kh_buf_puts(&b, s);
	}
	return kh_buf_cstr(&b);
}

/* ------------------------------------------------------------------ */
/* Tasks                                                              */

/* The refs of REFS that TEXT does not name (as the owner: AS_OWNER). */
static kh_vec unstated(const kh_vec *refs, const char *text, bool as_owner)
{
	kh_vec out = { 0 };
	for (size_t i = 0; i < refs->n; i++)
		if (!kh_text_names_ref(text, refs->items[i], as_owner))
			kh_vec_push(&out, refs->items[i]);
	return out;
}

static kh_vec unstated_whens(const kh_vec *whens, const char *text)
{
	kh_vec out = { 0 };
	for (size_t i = 0; i < whens->n; i++)
		if (!kh_text_states_when(text, whens->items[i]))
			kh_vec_push(&out, whens->items[i]);
	return out;
}

/* The time note after a clause (AFTER: the clause, NULL when it stands
 * alone): ", hoàn thành trước ngày …" for a deadline, " thường xuyên"
 * after "thực hiện", ", dự kiến vào …", ", thời gian cụ thể có thông báo
 * sau". */
static const char *time_note(const kh_when *w, const char *when, const char *after)
{
	bool deadline = w->type == KH_WHEN_DEADLINE || w->type == KH_WHEN_WITHIN ||
			(w->type == KH_WHEN_RELATIVE && w->anchor_before);
	bool bare = w->type == KH_WHEN_TBA || !strncmp(when, "dự kiến", strlen("dự kiến"));
	if (!strncmp(when, "cuối năm", strlen("cuối năm")))
		when = kh_printf("vào %s", when); /* "thực hiện vào cuối năm" */
	const char *note = deadline ? kh_printf("hoàn thành %s", when) : when;
	if (!after)
		return deadline || bare ? note : kh_printf("thực hiện %s", when);
	size_t n = strlen(after), v = strlen("thực hiện");
	bool verb = n >= v && !strcmp(after + n - v, "thực hiện");
	if (deadline || bare || !verb)
		return kh_printf("%s, %s", after, deadline || bare ? note : kh_printf("thực hiện %s", when));
	return kh_printf("%s %s", after, when);
}

static const char *owner_clause(const kh_task *t, const char *text)
{
	kh_vec own = unstated(&t->owners, text, true), coop = unstated(&t->cooperate, text, false);
	if (own.n && coop.n)
		return kh_printf("%s chủ trì, phối hợp với %s", kh_compose_refs(&own), kh_compose_refs(&coop));
	if (own.n)
		return kh_printf("%s %s", kh_compose_refs(&own), t->cooperate.n ? "chủ trì" : "thực hiện");
	if (coop.n)
		return kh_printf("phối hợp với %s", kh_compose_refs(&coop));
	return NULL;
}

static const char *report_clause(const kh_task *t, const char *text)
{
	kh_vec to = unstated(&t->send_to, text, false), via = unstated(&t->via, text, false);
	if (to.n && via.n)
		return kh_printf("gửi báo cáo về %s (qua %s)", kh_compose_refs(&to), kh_compose_refs(&via));
	if (to.n)
		return kh_printf("gửi báo cáo về %s", kh_compose_refs(&to));
	if (via.n)
		return kh_printf("gửi qua %s", kh_compose_refs(&via));
	return NULL;
}

const char *kh_compose_task(const kh_task *t, const char *text)
{
	if (!t)
		return "";
	const char *who = owner_clause(t, text), *report = report_clause(t, text);
	kh_vec whens = unstated_whens(&t->due, text);
	const char *when = whens.n ? kh_compose_whens(&whens) : NULL;
	kh_vec clauses = { 0 };
	/* the deadline goes with the report ("gửi báo cáo về … trước ngày …"),
	 * else with the owner, else on its own */
	if (who && !report && when)
		who = time_note(whens.items[0], when, who);
	if (who)
		kh_vec_push(&clauses, (void *)who);
	if (report)
		kh_vec_push(&clauses, (void *)(when ? kh_printf("%s %s", report, when) : report));
	else if (when && !who)
		kh_vec_push(&clauses, (void *)time_note(whens.items[0], when, NULL));
	if (!clauses.n)
		return "";
	kh_buf b = { 0 };
	for (size_t i = 0; i < clauses.n; i++) {
		if (i)
			kh_buf_puts(&b, "; ");
		kh_buf_puts(&b, clauses.items[i]);
	}
	kh_buf_putc(&b, '.');
	return capital(kh_buf_cstr(&b));
}

/* ------------------------------------------------------------------ */
/* Meetings                                                           */

/* The first occurrence of any of WORDS in S[0, N). */
static bool has_any(const char *s, size_t n, const char *const *words, size_t nw)
{
	for (size_t i = 0; i < nw; i++)
		if (kh_find_bytes(s, n, words[i], strlen(words[i])))
			return true;
	return false;
}

const char *kh_compose_duration(const kh_meeting *m)
{
	if (!m || m->duration < 0)
		return NULL;
	static const char *const halves[] = { "½", "nửa", "nua", "half" };
	static const char *const days[] = { "ngày", "ngay", "day" };
	const kh_source *src = kh_source_get(m->duration_span.file);
	if (src && m->duration_span.end <= src->len && m->duration_span.start < m->duration_span.end) {
		const char *s = src->text + m->duration_span.start;
		size_t n = m->duration_span.end - m->duration_span.start, i = 0;
		if (has_any(s, n, halves, 2))
			return "½ ngày";
		if (has_any(s, n, halves + 1, 3))
			return "nửa ngày";
		while (i < n && !isdigit((unsigned char)s[i]))
			i++;
		size_t j = i;
		while (j < n && isdigit((unsigned char)s[j]))
			j++;
		if (j > i) /* the number as written ("01"), the unit as meant */
			return kh_printf("%.*s %s", (int)(j - i), s + i, has_any(s + j, n - j, days, 3) ? "ngày" : "buổi");
	}
	if (m->duration % 2)
		return kh_printf("%02ld buổi", m->duration);
	return kh_printf("%02ld ngày", m->duration / 2);
}

/* Group text without the full stop the source list line ends with. */
static const char *no_stop(const char *s)
{
	size_t n = strlen(s);
	return n && s[n - 1] == '.' ? kh_strndup(s, n - 1) : s;
}

static const char *per_words(const kh_ref *r)
{
	if (r->kind == KH_REF_LEVEL && r->level) {
		const char *n = r->level->name ? lower_level(r->level->name) : r->level->id;
		return !strncmp(n, "cấp ", strlen("cấp ")) ? n + strlen("cấp ") : n;
	}
	return kh_ref_label(r);
}

static const char *each_words(const kh_group *g)
{
	kh_buf b = { 0 };
	kh_buf_printf(&b, "mỗi %s %02ld", g->per ? per_words(g->per) : "đơn vị", g->count);
	if (g->text)
		kh_buf_printf(&b, " %s", no_stop(g->text));
	for (size_t i = 0; i < g->exceptions.n; i++) {
		const kh_exception *x = g->exceptions.items[i];
		kh_buf_printf(&b, "%s%s %02ld%s", i ? ", " : " (riêng ", kh_ref_label(x->ref), x->count,
			      i + 1 == g->exceptions.n ? ")" : "");
	}
	return kh_buf_cstr(&b);
}

/* IN_GROUP: a line of a "nhóm", whose label says who they are ("Đại
 * biểu Quân khu 5: Ban Thường vụ Đảng ủy, Cục Chính trị"): no "mời". */
static const char *group_words(const kh_group *g, bool in_group)
{
	const char *refs = kh_compose_refs(&g->refs);
	switch (g->kind) {
	case KH_GROUP_ATTEND: {
		if (!g->text)
			return refs;
		bool named = true; /* "cán bộ" of Ban Tổ chức Tỉnh ủy: say whose */
		for (size_t i = 0; i < g->refs.n && named; i++)
			named = kh_text_names_ref(g->text, g->refs.items[i], false);
		return named ? no_stop(g->text) : kh_printf("%s (%s)", no_stop(g->text), refs);
	}
	case KH_GROUP_GUEST: {
		const char *who = no_stop(g->text ? g->text : refs);
		bool said = !strncmp(kh_text_fold(who), "mời ", strlen("mời "));
		return said || in_group ? who : kh_printf("mời %s", who);
	}
	case KH_GROUP_EACH:
		return each_words(g);
	case KH_GROUP_GROUP: {
		kh_buf b = { 0 };
		for (size_t i = 0; i < g->groups.n; i++)
			kh_buf_printf(&b, "%s%s", i ? ", " : "", group_words(g->groups.items[i], true));
		return g->text ? kh_printf("%s: %s", no_stop(g->text), kh_buf_cstr(&b)) : kh_buf_cstr(&b);
	}
	case KH_GROUP_TEXT:
		return no_stop(g->text ? g->text : "");
	}
	return "";
}

const char *kh_compose_group(const kh_group *g)
{
	return g ? group_words(g, false) : "";
}

static kh_ref *level_ref(const kh_level *l)
{
	kh_ref *r = KH_NEW(kh_ref);
	r->kind = KH_REF_LEVEL;
	r->level = (kh_level *)l;
	return r;
}

static const char *level_line(const kh_meeting *m, const char *text)
{
	kh_vec refs = { 0 };
	bool all = true;
	for (size_t i = 0; i < m->levels.n; i++) {
		kh_ref *r = level_ref(m->levels.items[i]);
		kh_vec_push(&refs, r);
		all = all && kh_text_names_ref(text, r, false);
	}
	return refs.n && !all ? kh_printf("Cấp tổ chức: %s", kh_compose_refs(&refs)) : NULL;
}

/* "Thường trực Tỉnh ủy (cấp tỉnh)" for a chair of one level. */
static const char *chair_line(const kh_meeting *m, const char *text)
{
	kh_buf b = { 0 };
	for (size_t i = 0; i < m->chairs.n; i++) {
		const kh_leveled_ref *c = m->chairs.items[i];
		if (!c->ref || kh_text_names_ref(text, c->ref, false))
			continue;
		kh_buf_printf(&b, "%s%s", b.len ? "; " : "", ref_words(c->ref));
		if (c->level)
			kh_buf_printf(&b, " (%s)", ref_words(level_ref(c->level)));
	}
	return b.len ? kh_printf("Chủ trì: %s", kh_buf_cstr(&b)) : NULL;
}

static const char *time_line(const kh_meeting *m, const char *text)
{
	kh_buf b = { 0 };
	const char *len = kh_compose_duration(m);
	if (len && !(text && strstr(kh_text_fold(text), kh_text_fold(len))))
		kh_buf_puts(&b, len);
	for (size_t i = 0; i < m->when.n; i++) {
		const kh_leveled_when *lw = m->when.items[i];
		kh_vec whens = unstated_whens(&lw->when, text);
		if (!whens.n)
			continue;
		kh_buf_puts(&b, b.len ? (lw->level ? "; " : ", ") : "");
		if (lw->level)
			kh_buf_printf(&b, "%s ", ref_words(level_ref(lw->level)));
		kh_buf_puts(&b, kh_compose_whens(&whens));
	}
	return b.len ? kh_printf("Thời gian: %s", kh_buf_cstr(&b)) : NULL;
}

/* "Thành phần: …", and "Thành phần (cấp xã): …" for each level named. */
static void attendee_lines(const kh_meeting *m, kh_vec *out)
{
	kh_vec levels = { 0 }; /* the levels the groups name, in order; NULL for none */
	for (size_t i = 0; i < m->attendees.n; i++) {
		const kh_level *l = ((const kh_group *)m->attendees.items[i])->at_level;
		bool seen = false;
		for (size_t k = 0; k < levels.n && !seen; k++)
			seen = levels.items[k] == l;
		if (!seen)
			kh_vec_push(&levels, (void *)l);
	}
	for (size_t k = 0; k < levels.n; k++) {
		kh_buf b = { 0 };
		for (size_t i = 0; i < m->attendees.n; i++) {
			const kh_group *g = m->attendees.items[i];
			if (g->at_level == levels.items[k])
				kh_buf_printf(&b, "%s%s", b.len ? "; " : "", kh_compose_group(g));
		}
		if (!b.len)
			continue;
		const kh_level *l = levels.items[k];
		kh_vec_push(out, l ? kh_printf("Thành phần (%s): %s", ref_words(level_ref(l)), kh_buf_cstr(&b))
				   : kh_printf("Thành phần: %s", kh_buf_cstr(&b)));
	}
}

kh_vec kh_compose_meeting(const kh_meeting *m, const char *text)
{
	kh_vec out = { 0 };
	if (!m)
		return out;
	const char *line = level_line(m, text);
	if (line)
		kh_vec_push(&out, (void *)line);
	if (m->organiser && !kh_text_names_ref(text, m->organiser, false))
		kh_vec_push(&out, kh_printf("Cơ quan tổ chức: %s", ref_words(m->organiser)));
	if ((line = chair_line(m, text)))
		kh_vec_push(&out, (void *)line);
	if ((line = time_line(m, text)))
		kh_vec_push(&out, (void *)line);
	if (m->online && !(text && strstr(kh_text_fold(text), "trực tuyến")))
		kh_vec_push(&out, (void *)"Hình thức: trực tuyến");
	attendee_lines(m, &out);
	return out;
}

/* ------------------------------------------------------------------ */
/* Awards                                                             */

static const char *targets(int who)
{
	if (who == (KH_TARGET_COLLECTIVE | KH_TARGET_INDIVIDUAL))
		return "tập thể, cá nhân";
	return who == KH_TARGET_COLLECTIVE ? "tập thể" : who == KH_TARGET_INDIVIDUAL ? "cá nhân" : NULL;
}

/* Is the number N written in FOLDED as a word ("05" or "5")? */
static bool has_number(const char *folded, long n)
{
	kh_vec ws = kh_words_split(folded, strlen(folded));
	for (size_t i = 0; i < ws.n; i++) {
		const kh_word *w = KH_WORD(ws, i);
		size_t k = w->s;
		long v = 0;
		while (k < w->e && isdigit((unsigned char)folded[k]))
			v = v * 10 + (folded[k++] - '0');
		if (k == w->e && k > w->s && v == n)
			return true;
	}
	return false;
}

const char *kh_compose_award(const kh_award_form *f, const char *text)
{
	if (!f)
		return "";
	const char *folded = text ? kh_text_fold(text) : "";
	kh_vec parts = { 0 };
	const char *form = f->name ? f->name : f->class_name;
	bool form_said = form && (strstr(folded, kh_text_fold(form)) ||
				  (f->class_name && strstr(folded, kh_text_fold(f->class_name))));
	bool grantor_said = !f->granted_by || kh_text_names_ref(text, f->granted_by, false) ||
			    kh_text_names_ref(form, f->granted_by, false); /* "Bằng khen của Thủ tướng Chính phủ" */
	const char *who = targets(f->who);
	bool who_said = !who || ((!(f->who & KH_TARGET_COLLECTIVE) || strstr(folded, "tập thể")) &&
				 (!(f->who & KH_TARGET_INDIVIDUAL) || strstr(folded, "cá nhân")));
	bool quota_said = f->quota < 0 || has_number(folded, f->quota);
	bool one = f->who == KH_TARGET_COLLECTIVE || f->who == KH_TARGET_INDIVIDUAL;
	/* "05 tập thể": the quota of a form for one kind of target */
	const char *given = !quota_said && one ? kh_printf("%02ld %s", f->quota, who) : who_said ? NULL : who;
	kh_buf b = { 0 };
	if (!form_said && form)
		kh_buf_puts(&b, form);
	if (!grantor_said)
		kh_buf_printf(&b, "%s%s", b.len ? " của " : "do ", ref_words(f->granted_by));
	if (given)
		kh_buf_printf(&b, "%s%s", b.len ? (grantor_said ? ", tặng " : " tặng ") : "tặng ", given);
	if (b.len)
		kh_vec_push(&parts, (void *)kh_buf_cstr(&b));
	if (!quota_said && !one)
		kh_vec_push(&parts, kh_printf("số lượng: %02ld", f->quota));
	/* "05 tập thể, 10 cá nhân": the quota per kind of target */
	kh_buf per = { 0 };
	if (f->quota_collective >= 0 && !has_number(folded, f->quota_collective))
		kh_buf_printf(&per, "%02ld tập thể", f->quota_collective);
	if (f->quota_individual >= 0 && !has_number(folded, f->quota_individual))
		kh_buf_printf(&per, "%s%02ld cá nhân", per.len ? ", " : "", f->quota_individual);
	if (per.len)
		kh_vec_push(&parts, kh_printf("số lượng: %s", kh_buf_cstr(&per)));
	if (f->criteria_tba && !strstr(folded, "thông báo sau") && !strstr(folded, "văn bản riêng"))
		kh_vec_push(&parts, (void *)"tiêu chuẩn: thông báo sau");
	else if (f->criteria && !strstr(folded, kh_text_fold(f->criteria)))
		kh_vec_push(&parts, kh_printf("tiêu chuẩn: %s", f->criteria));
	if (!parts.n)
		return "";
	kh_buf s = { 0 };
	for (size_t i = 0; i < parts.n; i++)
		kh_buf_printf(&s, "%s%s", i ? "; " : "", (const char *)parts.items[i]);
	kh_buf_putc(&s, '.');
	return capital(kh_buf_cstr(&s));
}

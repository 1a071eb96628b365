/*
 * check_structure.c - what a document of its kind must carry: number, date,
 * signature, archive line, the parts its kind requires (stdlib
 * vn/documents), the number and archive forms of its family (state:
 * 297/HD-UBND, "Lưu: VT, …"; Party: 250-KH/TU, "Lưu Văn phòng …"), and
 * levels that did not exist on its date. Signing forms: check_signature.c.
 * Part of kehoach; see README.md for the licence.
 */
#include <ctype.h>
#include <string.h>

#include "check.h"
#include "i18n.h"
#include "names.h"

static const kh_kind_rule *kind_rule(const kh_check_ctx *cx, kh_doc_kind k)
{
	const kh_kind_rule *found = NULL;
	for (size_t i = 0; i < cx->prog->kind_rules.n; i++) {
		const kh_kind_rule *r = KH_VEC_AT(cx->prog->kind_rules, kh_kind_rule, i);
		if (r->kind == k)
			found = r; /* the last one wins: a plan may refine stdlib */
	}
	return found;
}

static bool has_part(const kh_plan *p, kh_part part)
{
	switch (part) {
	case KH_PART_NUMBER: return p->number && *p->number;
	case KH_PART_DATE: return p->has_date;
	case KH_PART_PLACE: return p->place != NULL;
	case KH_PART_TITLE: return p->title != NULL;
	case KH_PART_ISSUER: return p->issuer != NULL;
	case KH_PART_BASIS: return p->implements.n || p->basis.n;
	case KH_PART_PURPOSES: return p->purposes.n > 0;
	case KH_PART_REQUIREMENTS: return p->requirements.n > 0;
	case KH_PART_CONTENTS: return p->contents.n || p->tasks.n;
	case KH_PART_TASKS: return p->tasks.n > 0;
	case KH_PART_MEETINGS: return p->meetings.n > 0;
	case KH_PART_AWARDS: return p->has_awards;
	case KH_PART_BUDGET: return p->budget.n > 0;
	case KH_PART_RECIPIENTS: return p->has_recipients;
	case KH_PART_ARCHIVE: return p->archive != NULL;
	case KH_PART_SIGNATURE: return p->signature != NULL;
	case KH_PART_OUTLINE: return p->outlines.n > 0;
	case KH_PART__COUNT: break;
	}
	return true;
}

/* Whatever is missing from the plan as a whole is reported at its first
 * line (p->span: the kind keyword and number). */
static void check_required(const kh_check_ctx *cx)
{
	const kh_plan *p = cx->plan;
	if (!p->number || !*p->number)
		kh_report(cx, R_MISSING_NUMBER, p->span,
			  _("the %s has no number: write it after the kind (%s \"95-KH/ĐU\" { … })"),
			  kh_doc_kind_vi(p->kind), kh_doc_kind_name(p->kind));
	if (!p->has_date)
		kh_report(cx, R_MISSING_DATE, p->span,
			  _("the %s has no issue date: add 'ngày DD/MM/YYYY' so deadlines and citations can be checked"),
			  kh_doc_kind_vi(p->kind));
	if (!p->signature)
		kh_report(cx, R_MISSING_SIGNATURE, p->span,
			  _("the %s has no signature block ('ký { … }')"), kh_doc_kind_vi(p->kind));
	if (p->has_recipients && !p->archive)
		kh_report(cx, R_MISSING_ARCHIVE, p->span,
			  _("the recipients have no archive line ('lưu …'): the issuing office keeps no record copy"));

	const kh_kind_rule *k = kind_rule(cx, p->kind);
	if (!k)
		return;
	/* Number, date, signature and archive have rules of their own. */
	unsigned own = 1u << KH_PART_NUMBER | 1u << KH_PART_DATE | 1u << KH_PART_SIGNATURE |
		       1u << KH_PART_ARCHIVE;
	for (unsigned part = 0; part < KH_PART__COUNT; part++) {
		if (!(k->required & (1u << part)) || (own & (1u << part)) || has_part(p, (kh_part)part))
			continue;
		kh_diag *d = kh_report(cx, R_MISSING_PART, p->span, _("a %s requires %s (%s), and this one has none"),
				       kh_doc_kind_vi(p->kind), kh_part_name_vi((kh_part)part),
				       kh_part_name((kh_part)part));
		if (d)
			kh_diag_note(d, k->span, _("the parts a %s requires are listed here"), kh_doc_kind_vi(p->kind));
	}
}

/* ---- families ---- */

static bool is_upper_letter_start(const char *s)
{
	/* ASCII capital or a multi-byte letter (Đ): kind and issuer codes. */
	return (*s >= 'A' && *s <= 'Z') || (unsigned char)*s >= 0x80;
}

/*
 * Splits a number into its form: Party "250-KH/TU" (digits, '-', kind,
 * '/', issuer) or state "297/HD-UBND" (digits, '/', kind, '-', issuer;
 * also "02/2019/NĐ-CP"). Returns 'p', 's' or 0 and the kind code.
 */
static int number_form(const char *num, char *kind, size_t kind_size)
{
	const char *p = num;
	while (*p == ' ')
		p++;
	if (!isdigit((unsigned char)*p))
		return 0;
	while (isdigit((unsigned char)*p))
		p++;
	char sep = *p;
	if (sep != '-' && sep != '/')
		return 0;
	p++;
	if (sep == '/') { /* optional year: 02/2019/NĐ-CP */
		const char *q = p;
		while (isdigit((unsigned char)*q))
			q++;
		if (q - p == 4 && *q == '/')
			p = q + 1;
	}
	if (!is_upper_letter_start(p))
		return 0;
	const char *ks = p;
	char close = sep == '-' ? '/' : '-';
	while (*p && *p != close && *p != ' ')
		p++;
	if (*p != close || !p[1])
		return 0;
	size_t n = (size_t)(p - ks);
	if (n >= kind_size)
		n = kind_size - 1;
	memcpy(kind, ks, n);
	kind[n] = '\0';
	return sep == '-' ? 'p' : 's';
}

static void check_number(const kh_check_ctx *cx, kh_system sys)
{
	const kh_plan *p = cx->plan;
	if (!p->number || !*p->number)
		return;
	char kind[32];
	int form = number_form(p->number, kind, sizeof kind);
	if (!form)
		return;
	if (sys == KH_SYSTEM_PARTY && form == 's') {
		kh_report(cx, R_NUMBER_FORM, p->span,
			  _("'%s' is written in the state form; a Party document writes its number as "
			  "<số>-<loại>/<cơ quan> (250-KH/TU)"), p->number);
		return;
	}
	if (sys == KH_SYSTEM_STATE && form == 'p') {
		kh_report(cx, R_NUMBER_FORM, p->span,
			  _("'%s' is written in the Party form; a state document writes its number as "
			  "<số>/<loại>-<cơ quan> (297/HD-UBND)"), p->number);
		return;
	}
	/* A state letter has no kind code: "1520/UBND-NV" is the issuer and
	 * the drafting unit (NĐ 30/2020, Phụ lục III); a Party one has "CV". */
	if (p->kind == KH_KIND_LETTER && sys != KH_SYSTEM_PARTY)
		return;
	const kh_kind_rule *k = kind_rule(cx, p->kind);
	if (k && k->code && strcmp(k->code, kind) != 0) {
		kh_diag *d = kh_report(cx, R_NUMBER_FORM, p->span,
				       _("the number '%s' has the kind code %s, but a %s is coded %s"),
				       p->number, kind, kh_doc_kind_vi(p->kind), k->code);
		if (d)
			kh_diag_note(d, k->span, _("kind codes are listed here"));
	}
}

static void check_archive(const kh_check_ctx *cx, kh_system sys)
{
	const kh_recipient *a = cx->plan->archive;
	if (!a)
		return;
	const char *text = a->purpose;
	if (a->refs.n && KH_VEC_AT(a->refs, kh_ref, 0)->kind == KH_REF_TEXT)
		text = KH_VEC_AT(a->refs, kh_ref, 0)->text;
	bool vt = text && !strncmp(text, "VT", 2) && (text[2] == '\0' || text[2] == ',' || text[2] == ' ');
	if (sys == KH_SYSTEM_STATE && !vt)
		kh_report(cx, R_ARCHIVE_FORM, a->span,
			  _("a state document's archive line is 'Lưu: VT, <đơn vị soạn thảo>' (NĐ 30/2020): "
			  "write lưu \"VT, …\""));
	else if (sys == KH_SYSTEM_PARTY && vt)
		kh_report(cx, R_ARCHIVE_FORM, a->span,
			  _("'Lưu: VT, …' is the state form; a Party document archives with its office "
			  "('Lưu Văn phòng …', lưu vp_…)"));
}

/* ---- levels in force ---- */

static void level_in_force(const kh_check_ctx *cx, const kh_level *l, kh_span at)
{
	const kh_plan *p = cx->plan;
	if (!l || !p->has_date)
		return;
	char b1[16], b2[16];
	if (l->has_until && p->date > l->until)
		kh_report(cx, R_LEVEL_NOT_IN_FORCE, at,
			  _("%s no longer existed on %s: it ended on %s"), l->name ? l->name : l->id,
			  kh_date_vn(p->date, b1), kh_date_vn(l->until, b2));
	else if (l->has_from && p->date < l->from)
		kh_report(cx, R_LEVEL_NOT_IN_FORCE, at, _("%s did not exist yet on %s: it starts on %s"),
			  l->name ? l->name : l->id, kh_date_vn(p->date, b1), kh_date_vn(l->from, b2));
}

static void refs_in_force(const kh_check_ctx *cx, const kh_vec *refs)
{
	for (size_t i = 0; i < refs->n; i++) {
		const kh_ref *r = KH_VEC_AT(*refs, kh_ref, i);
		if (r->kind == KH_REF_LEVEL)
			level_in_force(cx, r->level, r->span);
		else if (r->kind == KH_REF_BODY && r->body && r->body->level)
			level_in_force(cx, r->body->level, r->span);
	}
}

static void check_levels(const kh_check_ctx *cx)
{
	const kh_plan *p = cx->plan;
	for (size_t i = 0; i < p->tasks.n; i++) {
		const kh_task *t = KH_VEC_AT(p->tasks, kh_task, i);
		refs_in_force(cx, &t->owners);
		refs_in_force(cx, &t->cooperate);
		refs_in_force(cx, &t->send_to);
		refs_in_force(cx, &t->via);
	}
	for (size_t i = 0; i < p->meetings.n; i++) {
		const kh_meeting *m = KH_VEC_AT(p->meetings, kh_meeting, i);
		for (size_t j = 0; j < m->levels.n; j++)
			level_in_force(cx, KH_VEC_AT(m->levels, kh_level, j), m->span);
	}
	for (size_t i = 0; i < p->recipients.n; i++)
		refs_in_force(cx, &KH_VEC_AT(p->recipients, kh_recipient, i)->refs);
	for (size_t i = 0; i < p->addressees.n; i++)
		refs_in_force(cx, &KH_VEC_AT(p->addressees, kh_recipient, i)->refs);
}

void kh_check_structure(const kh_check_ctx *cx)
{
	kh_system sys = cx->plan->issuer ? kh_body_system(cx->plan->issuer) : KH_SYSTEM_NONE;
	check_required(cx);
	check_number(cx, sys);
	check_archive(cx, sys);
	check_levels(cx);
}

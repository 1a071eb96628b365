/*
 * resolve_forms.c - the official forms of the document, made once so that
 * every writer prints the same thing: the signing block as a chain of
 * lines ("TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"), the
 * family it follows, the two lines of the issuer block ("ĐẢNG BỘ TỈNH HÀ
 * TĨNH" / "HUYỆN ỦY HƯƠNG KHÊ"), a letter's "V/v" line in place of a kind
 * heading, and whether the content ends with "./.". Sources: NĐ 30/2020
 * Art. 13 and Phụ lục I; HD 36-HD/VPTW 1.2 and 1.7 (shared/DOMAIN.md §1).
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "resolve_int.h"
#include "vn_numbering.h"

/* ---- signing forms ------------------------------------------------------ */

/* ---- the signing block (ký { … }) ----------------------------------------- */

/* "TM. ỦY BAN NHÂN DÂN": the form as written and the words after it. A
 * thay_mặt line takes its kind from its form ("thay_mặt \"KT.\" gd_so"
 * signs in place of the head, as before the other keywords existed); the
 * other keywords keep theirs, and signing-form reports a form that
 * contradicts them. */
static void read_line_text(kh_sign_line *l, const char *s, bool kind_from_form)
{
	while (*s == ' ')
		s++;
	size_t len;
	kh_system family;
	int kind = kh_sign_form_read(s, &len, &family);
	if (kind >= 0) {
		l->form = kh_strndup(s, len);
		l->form_written = true;
		if (kind_from_form)
			l->kind = (kh_sign_kind)kind;
		s += len;
		while (*s == ' ')
			s++;
	}
	l->text = kh_vn_upper(s);
}

static void resolve_sign_line(resolver *r, kh_signature *s, kh_node *a)
{
	kh_sign_line *l = KH_NEW(kh_sign_line);
	l->span = a->span;
	l->kind = a->key == T_SIGNFORM ? (kh_sign_kind)a->n[0] : KH_SIGN_ON_BEHALF;
	l->text = "";
	kh_node *k = a->kids;
	if (k && k->kind == KH_N_STRING) {
		read_line_text(l, k->text, a->key == T_ONBEHALF);
		k = k->next;
	}
	if (k) {
		kh_ref *ref = rs_resolve_ref(r, k, 0);
		if (ref->kind == KH_REF_BODY)
			l->body = ref->body;
		else
			rs_misplaced(r, k, _("in a signing line (name the body or title it signs for)"));
	}
	if (!s->lines.n) {
		s->form = l->form;
		s->on_behalf = l->body;
	}
	kh_vec_push(&s->lines, l);
}

void rs_resolve_signature(resolver *r, kh_node *n)
{
	kh_signature *s = KH_NEW(kh_signature);
	s->span = n->span;
	if (r->plan->signature) {
		kh_diag *d = kh_diag_add(r->diags, KH_ERROR, n->span, "duplicate-signature",
					 _("the plan is signed twice"));
		kh_diag_note(d, r->plan->signature->span, _("the first signature is here"));
	}
	r->plan->signature = s;
	static const int single[] = { T_POSITION, T_SIGNER, T_SIGNED, T_NOTE, 0 };
	const char *where = _("in ký (use thay_mặt, ký_thay, thừa_lệnh, thừa_ủy_quyền, quyền, "
			      "chức_vụ, họ_tên, đã_ký)");
	rs_once once = { .single = single };
	for (kh_node *a = n->kids; a; a = a->next) {
		if (a->kind != KH_N_ATTR) {
			rs_misplaced(r, a, where);
			continue;
		}
		if (rs_repeated(r, &once, a->key, a, _("in the signature")))
			continue;
		switch (a->key) {
		case T_ONBEHALF:
		case T_SIGNFORM: resolve_sign_line(r, s, a); break;
		case T_POSITION: s->position = a->kids->text; break;
		case T_SIGNER: s->name = a->kids->text; break;
		case T_SIGNED: s->signed_mark = true; break;
		case T_NOTE: s->note = rs_only_string(a)->text; break;
		default: rs_misplaced(r, a, where);
		}
	}
}

/* Unwritten forms take the family's spelling. A line without words
 * names the head a deputy signs for ("KT." above "PHÓ CHỦ TỊCH" is "KT.
 * CHỦ TỊCH"), else the body it names by its signing name. */
static void complete_lines(kh_signature *s, kh_system family)
{
	const char *head = kh_position_head(s->position);
	for (size_t i = 0; i < s->lines.n; i++) {
		kh_sign_line *l = KH_VEC_AT(s->lines, kh_sign_line, i);
		if (!l->form)
			l->form = kh_sign_form_spelling(l->kind, family);
		if (*l->text)
			continue;
		if (l->kind == KH_SIGN_IN_PLACE && head && i + 1 == s->lines.n)
			l->text = head;
		else if (l->body && l->body->name)
			l->text = kh_vn_upper(kh_body_signing_name(l->body));
	}
	if (s->lines.n)
		s->form = KH_VEC_AT(s->lines, kh_sign_line, 0)->form;
}

/* ---- the issuer block ------------------------------------------------------ */

/* A Party committee (Tỉnh ủy, Huyện ủy, Đảng ủy): what it is reaches a
 * collective Party body that belongs to none (cap_uy in vn/hierarchy). */
static bool is_committee(const kh_body *b)
{
	for (int guard = 0; b && guard < 32; b = b->is_a, guard++)
		if (b->collective && !b->parent && kh_body_system(b) == KH_SYSTEM_PARTY)
			return true;
	return false;
}

static const kh_body *committee_of(const kh_body *b)
{
	for (int guard = 0; b && guard < 32; b = b->parent, guard++)
		if (is_committee(b))
			return b;
	return NULL;
}

/* "Tỉnh ủy Hà Tĩnh" -> "Đảng bộ tỉnh Hà Tĩnh", the organisation a
 * committee leads, as HD 36 writes a superior; NULL when the name has no
 * place after its word ("Tỉnh ủy"), which cannot say which one. */
static const char *party_organisation(const char *name)
{
	static const struct {
		const char *word, *org;
	} words[] = {
		{ "tỉnh ủy", "Đảng bộ tỉnh" }, { "thành ủy", "Đảng bộ thành phố" },
		{ "huyện ủy", "Đảng bộ huyện" }, { "thị ủy", "Đảng bộ thị xã" },
		{ "quận ủy", "Đảng bộ quận" },  { "đảng ủy", "Đảng bộ" },
	};
	const char *sp = name ? strchr(name, ' ') : NULL;
	const char *rest = sp ? strchr(sp + 1, ' ') : NULL;
	if (!rest || !rest[1])
		return NULL;
	const char *word = kh_text_fold(kh_strndup(name, (size_t)(rest - name)));
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (!strcmp(word, kh_text_fold(words[i].word)))
			return kh_printf("%s %s", words[i].org, rest + 1);
	return NULL;
}

/* The organisation above committee C: that of the first committee the
 * plan's own file declares at the level above C's. */
static const char *party_superior(const resolver *r, const kh_body *c)
{
	const kh_level *l = kh_body_level(c);
	const kh_program *prog = r->prog;
	if (!l || !l->below || !prog->main)
		return NULL;
	for (size_t i = 0; i < prog->bodies.n; i++) {
		const kh_body *b = KH_VEC_AT(prog->bodies, kh_body, i);
		if (b != c && b->level == l->below && b->span.file == prog->main->id && is_committee(b))
			return party_organisation(b->name);
	}
	return NULL;
}

/* The issuer signs for itself as a collective: declared so, or its
 * signature's first line is "T/M" (TM.) for it. */
static bool signs_as_collective(const kh_plan *p)
{
	if (kh_body_collective(p->issuer))
		return true;
	const kh_signature *s = p->signature;
	if (!s || !s->lines.n)
		return false;
	const kh_sign_line *l = KH_VEC_AT(s->lines, kh_sign_line, 0);
	return l->kind == KH_SIGN_ON_BEHALF && l->body == p->issuer;
}

/*
 * Party (HD 36 1.2): a committee, or its Ban Thường vụ or Thường trực,
 * issues in the committee's name under the organisation above it
 * ("ĐẢNG BỘ TỈNH HÀ TĨNH" / "HUYỆN ỦY HƯƠNG KHÊ"); an advisory organ
 * under its committee ("TỈNH ỦY" / "BAN TỔ CHỨC"). State (NĐ 30 Phụ lục
 * I): the body directly above, then the issuer ("ỦY BAN NHÂN DÂN TỈNH
 * THÁI BÌNH" / "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH").
 */
static void issuer_lines(const resolver *r, const char **superior, const char **issuer)
{
	const kh_plan *p = r->plan;
	const kh_body *b = p->issuer, *above = b ? b->parent : NULL;
	const char *name = b ? b->name : NULL;
	const kh_body *c = p->header.system == KH_SYSTEM_PARTY ? committee_of(b) : NULL;
	*superior = NULL;
	if (c && (c == b || signs_as_collective(p))) {
		name = c->name;
		*superior = party_superior(r, c);
	} else {
		if (c)
			above = c;
		if (above && above->name) {
			*superior = above->name;
			name = kh_body_short_name(b, above);
		}
	}
	*issuer = name ? kh_vn_upper(name) : "…";
	if (*superior)
		*superior = kh_vn_upper(*superior);
}

/* ---- the end of the content ------------------------------------------------ */

static const char *last_text(const kh_vec *items)
{
	for (size_t i = items->n; i-- > 0;) {
		const kh_item *it = KH_VEC_AT(*items, kh_item, i);
		const char *t = it->items.n ? last_text(&it->items) : NULL;
		if (t)
			return t;
		if (it->kind == KH_ITEM_RECIPIENTS || it->kind == KH_ITEM_SIGNATURE ||
		    it->kind == KH_ITEM_OUTLINE || it->kind == KH_ITEM_SECTION || it->kind == KH_ITEM_PART)
			continue;
		if (it->text)
			return it->text;
	}
	return NULL;
}

static bool ends_with_mark(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n'))
		n--;
	return n >= 3 && !memcmp(s + n - 3, "./.", 3);
}

/* After the plan's statements: the family first, since unwritten forms
 * and the header follow it. */
void rs_resolve_forms(resolver *r)
{
	kh_plan *p = r->plan;
	kh_plan_header *h = &p->header;
	h->system = KH_SYSTEM_NONE;
	h->system = kh_vn_system(r->prog);
	if (p->signature)
		complete_lines(p->signature, h->system);
	const char *written = h->superior, *superior;
	issuer_lines(r, &superior, &h->issuer);
	h->superior = h->superior_written ? (*written ? kh_vn_upper(written) : NULL) : superior;
	if (p->kind == KH_KIND_LETTER) {
		const char *t = p->title;
		if (t && strncasecmp(t, "V/v ", 4) != 0)
			t = kh_printf("V/v %s", t);
		h->summary = t;
	} else {
		h->kind_heading = kh_vn_upper(kh_doc_kind_vi(p->kind));
	}
	p->closing_mark = ends_with_mark(p->closing ? p->closing : last_text(&p->items));
}

/*
 * check_signature.c - the signing block against the issuer and its family
 * (NĐ 30/2020 Art. 13 and Phụ lục I II.7; HD 36-HD/VPTW 1.7):
 *
 *   signing-form        each written form in its family's spelling (state
 *                       TM. KT. TL. TUQ.; Party T/M K/T T/L T/UQ; Q. both)
 *                       and the form its keyword says;
 *   signature-mismatch  the chain: lines for the issuer, in order (TM.,
 *                       then TL./TUQ., then KT. or Q.), a deputy's position
 *                       under KT. and KT. above a deputy, a collective
 *                       issuer signed on its behalf.
 *
 * Advice names a chain that passes both rules.
 * Part of kehoach; see README.md for the licence.
 */
#include <string.h>

#include "alloc.h"
#include "check.h"
#include "i18n.h"
#include "names.h"
#include "vn_numbering.h"

static const char *const keyword_of[] = {
	[KH_SIGN_ON_BEHALF] = "thay_mặt", [KH_SIGN_IN_PLACE] = "ký_thay",
	[KH_SIGN_BY_ORDER] = "thừa_lệnh", [KH_SIGN_BY_AUTHORITY] = "thừa_ủy_quyền",
	[KH_SIGN_ACTING] = "quyền",
};

static const char *line_text(const kh_sign_line *l)
{
	return *l->text ? kh_printf("%s %s", l->form, l->text) : l->form;
}

static const char *issuer_name(const kh_body *b)
{
	return b->name ? b->name : b->id;
}

/* ---- signing-form --------------------------------------------------------- */

static void check_form(const kh_check_ctx *cx, const kh_sign_line *l, kh_system sys)
{
	size_t len;
	kh_system family;
	int kind = kh_sign_form_read(l->form, &len, &family);
	if (kind < 0)
		return;
	const char *want = kh_sign_form_spelling(l->kind, sys);
	if (kind != (int)l->kind) {
		kh_report(cx, R_SIGNING_FORM, l->span,
			  _("'%s' is not the form of %s, which writes '%s': use %s for '%s'"), l->form,
			  keyword_of[l->kind], want, keyword_of[kind], l->form);
	} else if (l->kind == KH_SIGN_ACTING) {
		return; /* "Q." in both families */
	} else if (family == KH_SYSTEM_NONE) {
		kh_report(cx, R_SIGNING_FORM, l->span, _("'%s' lacks its punctuation: write '%s'"), l->form,
			  want);
	} else if (sys == KH_SYSTEM_PARTY && family == KH_SYSTEM_STATE) {
		kh_report(cx, R_SIGNING_FORM, l->span,
			  _("'%s' is the state signing form; a Party document signs with a slash: write '%s'"),
			  l->form, want);
	} else if (sys == KH_SYSTEM_STATE && family == KH_SYSTEM_PARTY) {
		kh_report(cx, R_SIGNING_FORM, l->span,
			  _("'%s' is the Party signing form; a state document signs with a dot: write '%s'"),
			  l->form, want);
	}
}

/* ---- signature-mismatch --------------------------------------------------- */

static bool is_deputy(const char *position)
{
	return kh_position_head(position) != NULL;
}

/* The head a deputy signs for: "PHÓ CHỦ TỊCH" -> "CHỦ TỊCH". */
static const char *head_of(const char *deputy)
{
	return kh_position_head(deputy);
}

/* TM. first, then TL. or TUQ., then KT. or Q. (directly above the
 * position); each at most once. */
static int rank(kh_sign_kind k)
{
	return k == KH_SIGN_ON_BEHALF ? 0 : k == KH_SIGN_BY_ORDER || k == KH_SIGN_BY_AUTHORITY ? 1 : 2;
}

/* Returns whether the lines stand in order (the position checks need it). */
static bool check_lines(const kh_check_ctx *cx, const kh_signature *s, kh_system sys)
{
	const kh_body *issuer = cx->plan->issuer;
	int last = -1;
	bool order_told = false;
	for (size_t i = 0; i < s->lines.n; i++) {
		const kh_sign_line *l = KH_VEC_AT(s->lines, kh_sign_line, i);
		if (l->body && issuer && !kh_body_is(l->body, issuer) && !kh_body_is(issuer, l->body)) {
			kh_diag *d = kh_report(cx, R_SIGNATURE_MISMATCH, l->span,
					       _("the signature is on behalf of '%s', but the document is issued by '%s'"),
					       issuer_name(l->body), issuer_name(issuer));
			if (d)
				kh_diag_note(d, issuer->span, _("the issuing body is declared here"));
		}
		if (rank(l->kind) <= last && !order_told) {
			order_told = true;
			kh_report(cx, R_SIGNATURE_MISMATCH, l->span,
				  _("'%s' cannot stand here: the lines read TM. (for the collective) first, then "
				  "TL. or TUQ., then KT. or Q. (for the head) above the position, each once"),
				  line_text(l));
		} else if (last == 0 && l->kind == KH_SIGN_IN_PLACE && sys == KH_SYSTEM_PARTY) {
			/* HD 36: under T/M the deputy signs directly (T/M BAN
			 * THƯỜNG VỤ / PHÓ BÍ THƯ); K/T is an advisory body's. */
			kh_report(cx, R_SIGNATURE_MISMATCH, l->span,
				  _("in a Party document a deputy signs directly under '%s': drop '%s'"),
				  line_text(KH_VEC_AT(s->lines, kh_sign_line, i - 1)), line_text(l));
		}
		last = rank(l->kind);
	}
	return !order_told;
}

/* The line directly above the position against the position. */
static void check_position(const kh_check_ctx *cx, const kh_signature *s, kh_system sys)
{
	const kh_sign_line *l = s->lines.n ? KH_VEC_AT(s->lines, kh_sign_line, s->lines.n - 1) : NULL;
	const char *pos = s->position;
	if (!l)
		return;
	if (l->kind == KH_SIGN_ACTING && pos) {
		kh_report(cx, R_SIGNATURE_MISMATCH, l->span,
			  _("'%s' is the signer's position (the acting head), so chức_vụ '%s' repeats it: "
			  "drop one"), line_text(l), pos);
	} else if (l->kind == KH_SIGN_IN_PLACE && !pos) {
		kh_report(cx, R_SIGNATURE_MISMATCH, l->span,
			  _("'%s' needs the deputy's position under it (chức_vụ \"PHÓ %s\")"), line_text(l),
			  *l->text ? l->text : "…");
	} else if (l->kind == KH_SIGN_IN_PLACE && !is_deputy(pos)) {
		kh_report(cx, R_SIGNATURE_MISMATCH, l->span,
			  _("'%s' means a deputy signs for the head, but the position '%s' is not a deputy's "
			  "(Phó …): write the deputy's position, or drop '%s' when the head signs"),
			  line_text(l), pos, l->form);
	} else if (l->kind == KH_SIGN_IN_PLACE && *l->text &&
		   strcmp(kh_text_fold(l->text), kh_text_fold(head_of(pos))) != 0) {
		kh_report(cx, R_SIGNATURE_MISMATCH, l->span,
			  _("'%s' is the deputy of %s, not of %s: write '%s %s' above '%s'"), kh_vn_upper(pos),
			  head_of(pos), l->text, l->form, head_of(pos), kh_vn_upper(pos));
	} else if (l->kind == KH_SIGN_ON_BEHALF && pos && is_deputy(pos) && sys == KH_SYSTEM_STATE) {
		/* NĐ 30: under TM. the head signs; a deputy signs KT. for him.
		 * A Phó Bí thư signing T/M Ban Thường vụ is the Party's form. */
		kh_report(cx, R_SIGNATURE_MISMATCH, l->span,
			  _("a deputy ('%s') signs for the head: write 'KT. %s' between '%s' and '%s' "
			  "(ký_thay \"KT. %s\")"), pos, head_of(pos), line_text(l), kh_vn_upper(pos),
			  head_of(pos));
	}
}

/*
 * A collective issuer is signed on its behalf (TM., T/M), or by order or
 * authority (TL., TUQ.). A state collective's head may also sign alone
 * or through a deputy (KT. CHỦ TỊCH: the chairman's own authority, as UBND
 * letters are signed); a Party committee never: K/T is for its advisory
 * bodies' deputies.
 */
static void check_collective(const kh_check_ctx *cx, const kh_signature *s, kh_system sys)
{
	const kh_body *issuer = cx->plan->issuer;
	if (!issuer || !kh_body_collective(issuer) || !s->position)
		return;
	const kh_sign_line *first = s->lines.n ? KH_VEC_AT(s->lines, kh_sign_line, 0) : NULL;
	if (first && (first->kind != KH_SIGN_IN_PLACE || sys != KH_SYSTEM_PARTY))
		return;
	const char *tm = kh_printf("%s %s", kh_sign_form_spelling(KH_SIGN_ON_BEHALF, sys),
				   kh_vn_upper(kh_body_signing_name(issuer)));
	const char *pos = kh_vn_upper(s->position);
	kh_span at = first ? first->span : s->span;
	if (sys == KH_SYSTEM_STATE && is_deputy(s->position))
		kh_report(cx, R_SIGNATURE_MISMATCH, at,
			  _("'%s' is a collective body: write '%s' and 'KT. %s' above '%s' "
			  "(thay_mặt %s; ký_thay \"KT. %s\")"), issuer_name(issuer), tm, head_of(pos), pos,
			  issuer->id, head_of(pos));
	else if (first)
		kh_report(cx, R_SIGNATURE_MISMATCH, at,
			  _("'%s' is a collective body, signed on its behalf even by a deputy: write '%s' "
			  "above '%s' instead of '%s' (thay_mặt %s)"), issuer_name(issuer), tm, pos,
			  line_text(first), issuer->id);
	else
		kh_report(cx, R_SIGNATURE_MISMATCH, at,
			  _("'%s' is a collective body, signed on its behalf: write '%s' above '%s' "
			  "(thay_mặt %s)"), issuer_name(issuer), tm, pos, issuer->id);
}

void kh_check_signature(const kh_check_ctx *cx)
{
	const kh_signature *s = cx->plan->signature;
	if (!s)
		return;
	kh_system sys = cx->plan->header.system;
	for (size_t i = 0; i < s->lines.n; i++) {
		const kh_sign_line *l = KH_VEC_AT(s->lines, kh_sign_line, i);
		if (l->form_written)
			check_form(cx, l, sys);
	}
	if (check_lines(cx, s, sys))
		check_position(cx, s, sys);
	check_collective(cx, s, sys);
}

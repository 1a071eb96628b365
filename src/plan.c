/*
 * plan.c - the plan model's own functions (plan.h), which the resolver,
 * the checkers and the writers share: growing a vector, the names of
 * document kinds and parts, the links between bodies (what a body is,
 * its level, the bodies above it), the signing forms and the names the
 * header and the signature give a body. Nothing here reads source or
 * builds the model: that is the resolver's (resolve*.c).
 * Part of kehoach; see README.md for the licence.
 */
#include <stdbool.h>
#include <string.h>

#include "alloc.h"
#include "names.h"
#include "plan.h"
#include "vn_numbering.h"

/* ------------------------------------------------------------------ */
/* Vectors and the names of kinds and parts                           */

/* V's room made CAP items (from kh_alloc, or from kh_alloc_kept). */
static void grow(kh_vec *v, uint32_t cap)
{
	v->items = kh_realloc_sized(v->items, (size_t)v->cap * sizeof *v->items,
				    kh_mul_size(cap, sizeof *v->items));
	v->cap = cap;
}

/* Room for 3, 7, 15 … items: with the byte the collector adds to every
 * block (so that a pointer just past its end still holds it), 2^k - 1
 * pointers fill a block of 2^k words exactly, where 2^k would take 16
 * bytes more, and a plan has a few short vectors per task. */
void kh_vec_push(kh_vec *v, void *item)
{
	if (v->n == v->cap) {
		if (v->cap > (UINT32_MAX - 1) / 2)
			kh_oom(SIZE_MAX);
		grow(v, v->cap ? v->cap * 2 + 1 : 3);
	}
	v->items[v->n++] = item;
}

void kh_vec_reserve(kh_vec *v, size_t extra)
{
	if (extra <= v->cap - v->n)
		return;
	if (extra > UINT32_MAX - v->n)
		kh_oom(SIZE_MAX);
	grow(v, v->n + (uint32_t)extra);
}

void kh_vec_reserve_kept(kh_vec *v, size_t extra)
{
	if (v->cap || !extra || extra > UINT32_MAX) {
		kh_vec_reserve(v, extra);
		return;
	}
	v->items = kh_alloc_kept(kh_mul_size(extra, sizeof *v->items));
	v->cap = (uint32_t)extra;
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

const char *kh_part_written(kh_part p, int form)
{
	return p < KH_PART__COUNT && form >= 0 && form < 3 ? part_names[p].names[form] : "?";
}

const char *kh_part_name(kh_part p)
{
	return kh_part_written(p, 0);
}

const char *kh_part_name_vi(kh_part p)
{
	return kh_part_written(p, 1);
}

/* ------------------------------------------------------------------ */
/* Walking the links between bodies                                   */

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
static bool body_walk(const kh_body *b, bool (*visit)(const kh_body *, void *), void *ctx, bool within)
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
		if (x->parent && top < MAX && !(within && x->standing == KH_STANDING_UNIT))
			stack[top++] = x->parent;
		if (x->is_a && top < MAX)
			stack[top++] = x->is_a;
	}
	return false;
}

bool kh_body_walk(const kh_body *b, bool (*visit)(const kh_body *, void *), void *ctx)
{
	return body_walk(b, visit, ctx, false);
}

bool kh_body_walk_within(const kh_body *b, bool (*visit)(const kh_body *, void *), void *ctx)
{
	return body_walk(b, visit, ctx, true);
}

const char *kh_standing_name(kh_standing s)
{
	switch (s) {
	case KH_STANDING_ORGAN: return "organ";
	case KH_STANDING_STAFF: return "staff_organ";
	case KH_STANDING_UNIT: return "unit";
	case KH_STANDING_NONE: break;
	}
	return NULL;
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
	if (b && b->at_level_set)
		return b->at_level; /* the rules ask for every body named in every text */
	for (int guard = 0; b && guard < 64; guard++, b = b->parent)
		if (b->level)
			return b->level;
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Award rights                                                       */

/* Does the folded text S start with the folded PREFIX, at a word end? */
static bool starts_with_words(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);
	return !strncmp(s, prefix, n) && (s[n] == '\0' || s[n] == ' ' || s[n] == ',' || s[n] == '"' ||
					   (unsigned char)s[n] >= 0x80);
}

/*
 * "Bằng khen của Thủ tướng Chính phủ" and "Huân chương Bảo vệ Tổ quốc" by
 * their own entries, "Bằng khen của Sở X" by its class's (loại "Bằng
 * khen"): a named entry refines the class the plan gives, never overrides it.
 */
const kh_award_right *kh_award_right_for(const kh_vec *rights, const char *name,
					 const char *class_name)
{
	const char *folded = name ? kh_text_fold(name) : "";
	const char *cls = class_name ? kh_text_fold(class_name) : "";
	const kh_award_right *by_name = NULL, *by_class = NULL;
	size_t best = 0;
	for (size_t i = 0; i < rights->n; i++) {
		const kh_award_right *w = rights->items[i];
		const char *k = w->class_key;
		if (!strcmp(k, cls))
			by_class = w;
		size_t n = strlen(k);
		if (n > best && strcmp(k, cls) && starts_with_words(folded, k) &&
		    (!*cls || starts_with_words(k, cls))) {
			best = n;
			by_name = w;
		}
	}
	return by_name ? by_name : by_class;
}

/* ------------------------------------------------------------------ */
/* Signing forms                                                      */

static const struct {
	const char *letters, *state, *party;
} sign_forms[] = {
	[KH_SIGN_ON_BEHALF] = { "TM", "TM.", "T/M" },
	[KH_SIGN_IN_PLACE] = { "KT", "KT.", "K/T" },
	[KH_SIGN_BY_ORDER] = { "TL", "TL.", "T/L" },
	[KH_SIGN_BY_AUTHORITY] = { "TUQ", "TUQ.", "T/UQ" },
	[KH_SIGN_ACTING] = { "Q", "Q.", "Q." },  /* "Quyền" in both families */
};

int kh_sign_form_read(const char *text, size_t *len, kh_system *family)
{
	char letters[8];
	size_t n = 0, i = 0;
	bool slash = false, dot = false, lower = false;
	for (; text[i] && text[i] != ' ' && text[i] != '\t'; i++) {
		char c = text[i];
		if (c == '/' && !dot)
			slash = true;
		else if (c == '.' && !dot)
			dot = true;
		else if (((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) && !dot && n + 1 < sizeof letters)
			lower |= c >= 'a', letters[n++] = (char)(c >= 'a' ? c - 32 : c);
		else
			return -1; /* a word of text, not a form */
	}
	letters[n] = '\0';
	/* Without punctuation only capitals read as a form: "TM ỦY BAN". */
	if (!n || (!slash && !dot && lower))
		return -1;
	for (size_t k = 0; k < sizeof sign_forms / sizeof sign_forms[0]; k++) {
		if (strcmp(sign_forms[k].letters, letters) != 0)
			continue;
		*len = i;
		*family = slash ? KH_SYSTEM_PARTY : dot ? KH_SYSTEM_STATE : KH_SYSTEM_NONE;
		return (int)k;
	}
	return -1;
}

const char *kh_sign_form_spelling(kh_sign_kind kind, kh_system family)
{
	return family == KH_SYSTEM_PARTY ? sign_forms[kind].party : sign_forms[kind].state;
}

bool kh_body_collective(const kh_body *b)
{
	for (int guard = 0; b && guard < 32; b = b->is_a, guard++)
		if (b->collective)
			return true;
	return false;
}

/* ------------------------------------------------------------------ */
/* Names as the header and the signature write them                   */

/* KEY (of length N) ends with " " + the first K bytes of SKEY. */
static bool ends_with_words(const char *key, size_t n, const char *skey, size_t k)
{
	return k < n && !strncmp(key + n - k, skey, k) && key[n - k - 1] == ' ';
}

/*
 * The short name of B under SUPERIOR: "Ban Thường vụ Tỉnh ủy" under
 * "Tỉnh ủy" is "Ban Thường vụ", as the header's second line and the
 * signature ("T/M BAN THƯỜNG VỤ") write it. The superior's name may also
 * stand without its place: "Chủ tịch Ủy ban nhân dân huyện" under "Ủy ban
 * nhân dân huyện Thăng Bình" is "Chủ tịch" (two words at least). Names
 * are compared in their canonical form, so "uỷ" and "ủy" match.
 */
const char *kh_body_short_name(const kh_body *b, const kh_body *superior)
{
	if (!superior || !superior->name)
		return b->name;
	const char *key = kh_name_key(b->name), *skey = kh_name_key(superior->name);
	size_t n = strlen(key), k = strlen(skey);
	if (n != strlen(b->name))
		return b->name;
	for (;;) {
		if (ends_with_words(key, n, skey, k))
			return kh_strndup(b->name, n - k - 1);
		while (k > 0 && skey[k - 1] != ' ')
			k--; /* drop the last word */
		if (k > 0)
			k--;
		if (!k || !memchr(skey, ' ', k))
			return b->name;
	}
}

const char *kh_body_signing_name(const kh_body *b)
{
	const char *s = kh_body_short_name(b, b->parent);
	if (s != b->name)
		return s;
	if (b->is_a && b->is_a->name) {
		const char *g = b->is_a->name;
		size_t k = strlen(g);
		if (strlen(b->name) > k && !strncmp(kh_name_key(b->name), kh_name_key(g), k))
			return g;
	}
	return b->name;
}

const char *kh_position_head(const char *position)
{
	const char *deputy = kh_text_fold("phó "); /* once per signature: no cache to go stale */
	const char *sp = position ? strchr(position, ' ') : NULL;
	if (!sp || strncmp(kh_text_fold(position), deputy, strlen(deputy)) != 0)
		return NULL;
	while (*sp == ' ')
		sp++;
	return *sp ? kh_vn_upper(sp) : NULL;
}

/* ------------------------------------------------------------------ */
/* Tasks                                                              */

long kh_plan_task_place(const kh_plan *p, const kh_task *t)
{
	if (!p || t->index < 0 || (size_t)t->index >= p->tasks.n || p->tasks.items[t->index] != t)
		return -1;
	return t->index;
}

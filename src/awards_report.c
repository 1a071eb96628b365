/*
 * awards_report.c - a screening as people and programs read it: text
 * (per form: who is eligible, in ranking order, within and past the
 * quota; the ties; who is rejected, by which rule and why; who could not
 * be screened), JSON (the same, by the one JSON writer) and CSV (one row
 * per nominee and form, for a spreadsheet).
 * Part of kehoach; see README.md for the licence.
 */
#include "awards_report.h"

#include <string.h>

#include "alloc.h"
#include "csv.h"
#include "i18n.h"
#include "json.h"

static const char *cell_text(const kh_screening *s, size_t row, const kh_award_attr *a)
{
	return a ? kh_screen_cell(s, row, a)->text : "";
}

static unsigned line_of(const kh_screening *s, size_t row)
{
	return s->table->rows[row][0].row;
}

/* "line 5 GD004 Phạm Ngọc Sơn": where and who. */
static const char *who(const kh_screening *s, size_t row)
{
	kh_buf b = { 0 };
	kh_buf_printf(&b, _("line %u"), line_of(s, row));
	const char *key = cell_text(s, row, s->key), *name = cell_text(s, row, s->name);
	if (key[0])
		kh_buf_printf(&b, " %s", key);
	if (name[0])
		kh_buf_printf(&b, " %s", name);
	return kh_buf_cstr(&b);
}

/* "(điểm_thi_đua 99) [cá nhân]": the ranking keys' values, then the
 * quota buckets the nominee counts in. */
static const char *rank_values(const kh_screening *s, const kh_form_screening *fs, size_t row)
{
	const kh_award_form *f = fs->form;
	kh_buf b = { 0 };
	for (size_t i = 0; i < f->rank.n; i++) {
		const kh_rank_key *k = f->rank.items[i];
		kh_buf_printf(&b, "%s%s %s", i ? "; " : " (", k->attr->id,
			      kh_screen_rank_value(s, row, k));
	}
	if (f->rank.n)
		kh_buf_putc(&b, ')');
	bool per_kind = s->kind && (f->quota_collective >= 0 || f->quota_individual >= 0);
	if (per_kind || f->quota_each) {
		kh_buf_puts(&b, " [");
		if (per_kind)
			kh_buf_puts(&b, cell_text(s, row, s->kind));
		if (f->quota_each)
			kh_buf_printf(&b, "%s%s", per_kind ? "; " : "", cell_text(s, row, f->quota_each));
		kh_buf_putc(&b, ']');
	}
	return kh_buf_cstr(&b);
}

const char *kh_awards_quota_text(const kh_award_form *f)
{
	kh_buf b = { 0 };
	if (f->quota >= 0)
		kh_buf_printf(&b, "%ld", f->quota);
	if (f->quota_collective >= 0)
		kh_buf_printf(&b, _("%s%ld tập thể"), b.len ? ", " : "", f->quota_collective);
	if (f->quota_individual >= 0)
		kh_buf_printf(&b, _("%s%ld cá nhân"), b.len ? ", " : "", f->quota_individual);
	if (f->quota_each) {
		kh_buf_printf(&b, _("%s%ld for each %s"), b.len ? "; " : "", f->quota_each_n,
			      f->quota_each->id);
		for (size_t i = 0; i < f->quota_each_except.n; i++) {
			const kh_quota_except *x = f->quota_each_except.items[i];
			kh_buf_printf(&b, _(", \"%s\" %ld"), x->value, x->quota);
		}
	}
	return b.len ? kh_buf_cstr(&b) : _("none (every eligible nominee)");
}

const char *kh_awards_rank_text(const kh_award_form *f)
{
	kh_buf b = { 0 };
	for (size_t i = 0; i < f->rank.n; i++) {
		const kh_rank_key *k = f->rank.items[i];
		kh_buf_printf(&b, k->descending ? _("%s%s, descending") : _("%s%s, ascending"),
			      i ? "; " : "", k->attr->id);
	}
	return b.len ? kh_buf_cstr(&b) : _("none (the file's order)");
}

/* Why a form screened nobody, or NULL when it did screen. */
static const char *not_screened(const kh_form_screening *fs)
{
	switch (fs->status) {
	case KH_FORM_DEFERRED:
		return _("deferred: the plan gives its criteria later (tiêu_chuẩn thông_báo_sau); "
			 "nobody is screened");
	case KH_FORM_PROSE:
		return _("the criteria are in words only (tiêu_chuẩn \"…\"): screen by hand, or write "
			 "them as rules (điều)");
	case KH_FORM_BY_LAW:
		return _("the criteria are the law's (theo_luật), and the standard library has none "
			 "for this form: nobody is screened");
	case KH_FORM_NO_CRITERIA:
		return _("the plan gives no criteria for this form: nobody is screened");
	case KH_FORM_BROKEN:
		return _("not screened: the file lacks a column the rules need (see the errors)");
	default:
		return NULL;
	}
}

static void text_eligible(kh_buf *out, const kh_screening *s, const kh_form_screening *fs)
{
	size_t past = fs->ranked.n - fs->within;
	for (size_t i = 0; i < fs->ranked.n; i++) {
		const kh_nominee_result *r = fs->ranked.items[i];
		if (i == 0)
			kh_buf_printf(out, _("  Eligible within the quota (%zu):\n"), fs->within);
		if (i == fs->within)
			kh_buf_printf(out, _("  Eligible past the quota (%zu):\n"), past);
		kh_buf_printf(out, "    %3d. %s%s\n", r->position, who(s, r->row),
			      rank_values(s, fs, r->row));
	}
	if (!fs->ranked.n)
		kh_buf_puts(out, _("  Eligible: none\n"));
	if (fs->ties.n)
		kh_buf_puts(out, _("  Ties, kept in the file's order:\n"));
	for (size_t i = 0; i < fs->ties.n; i++) {
		const kh_tie *t = fs->ties.items[i];
		kh_buf lines = { 0 };
		for (size_t k = 0; k < t->count; k++)
			kh_buf_printf(&lines, "%s%u", k ? ", " : "", line_of(s, t->members[k]->row));
		kh_buf_printf(out, t->straddles ? _("    lines %s: the quota line falls between them\n")
						: _("    lines %s\n"),
			      kh_buf_cstr(&lines));
	}
}

static void text_form(kh_buf *out, const kh_screening *s, const kh_form_screening *fs)
{
	const kh_award_form *f = fs->form;
	kh_buf_printf(out, "\n%s: %s\n", f->id, f->name ? f->name : "");
	const char *none = not_screened(fs);
	if (none) {
		kh_buf_printf(out, "  %s\n", none);
		return;
	}
	kh_buf_printf(out, _("  Quota: %s. Ranking: %s.\n"), kh_awards_quota_text(f),
		      kh_awards_rank_text(f));
	text_eligible(out, s, fs);
	if (fs->rejected.n)
		kh_buf_printf(out, _("  Rejected (%zu), with the first rule each fails:\n"),
			      (size_t)fs->rejected.n);
	for (size_t i = 0; i < fs->rejected.n; i++) {
		const kh_nominee_result *r = fs->rejected.items[i];
		if (r->failed)
			kh_buf_printf(out, _("    %s: rule %d “%s”: %s\n"), who(s, r->row), r->rule,
				      r->failed->text, r->why);
		else
			kh_buf_printf(out, _("    %s: đối_tượng: %s\n"), who(s, r->row), r->why);
	}
	if (fs->unscreened.n)
		kh_buf_printf(out, _("  Not screened, a cell the rules need is blank (%zu):\n"),
			      (size_t)fs->unscreened.n);
	for (size_t i = 0; i < fs->unscreened.n; i++) {
		const kh_nominee_result *r = fs->unscreened.items[i];
		kh_buf_printf(out, "    %s: %s\n", who(s, r->row), r->why);
	}
}

void kh_awards_text(const kh_screening *s, kh_buf *out)
{
	const kh_nominees *t = s->table;
	if (t->nrows)
		kh_buf_printf(out,
			      kh_ngettext("%s: %zu nominee on lines %u–%u; %zu screened, %zu left out "
					  "by errors\n",
					  "%s: %zu nominees on lines %u–%u; %zu screened, %zu left out "
					  "by errors\n",
					  (unsigned long)t->nrows),
			      t->path, t->nrows, line_of(s, 0), line_of(s, t->nrows - 1), s->screened,
			      t->nrows - s->screened);
	else
		kh_buf_printf(out, _("%s: no nominee\n"), t->path);
	for (size_t i = 0; i < s->forms.n; i++)
		text_form(out, s, s->forms.items[i]);
}

/* ------------------------------------------------------------------ */
/* JSON                                                               */

static const char *status_name(kh_form_status st)
{
	static const char *const names[] = { "screened", "deferred", "prose", "by_law",
					     "no_criteria", "missing_column" };
	return names[st];
}

static void json_nominee(kh_json *j, const kh_screening *s, size_t row)
{
	kh_json_kint(j, "line", line_of(s, row));
	kh_json_kstr(j, "key", s->key ? cell_text(s, row, s->key) : NULL);
	kh_json_kstr(j, "name", s->name ? cell_text(s, row, s->name) : NULL);
}

static void json_quota(kh_json *j, const kh_award_form *f)
{
	kh_json_key(j, "quota");
	kh_json_begin_object(j);
	const char *keys[] = { "total", "collective", "individual" };
	long vals[] = { f->quota, f->quota_collective, f->quota_individual };
	for (int i = 0; i < 3; i++) {
		kh_json_key(j, keys[i]);
		vals[i] >= 0 ? kh_json_int(j, vals[i]) : kh_json_null(j);
	}
	kh_json_key(j, "each");
	if (!f->quota_each) {
		kh_json_null(j);
	} else {
		kh_json_begin_object(j);
		kh_json_kstr(j, "attribute", f->quota_each->id);
		kh_json_kint(j, "n", f->quota_each_n);
		kh_json_key(j, "except");
		kh_json_begin_array(j);
		for (size_t i = 0; i < f->quota_each_except.n; i++) {
			const kh_quota_except *x = f->quota_each_except.items[i];
			kh_json_begin_object(j);
			kh_json_kstr(j, "value", x->value);
			kh_json_kint(j, "n", x->quota);
			kh_json_end_object(j);
		}
		kh_json_end_array(j);
		kh_json_end_object(j);
	}
	kh_json_end_object(j);
	kh_json_key(j, "rank");
	kh_json_begin_array(j);
	for (size_t i = 0; i < f->rank.n; i++) {
		const kh_rank_key *k = f->rank.items[i];
		kh_json_begin_object(j);
		kh_json_kstr(j, "attribute", k->attr->id);
		kh_json_kstr(j, "order", k->descending ? "descending" : "ascending");
		kh_json_end_object(j);
	}
	kh_json_end_array(j);
}

static void json_eligible(kh_json *j, const kh_screening *s, const kh_form_screening *fs)
{
	kh_json_key(j, "eligible");
	kh_json_begin_array(j);
	for (size_t i = 0; i < fs->ranked.n; i++) {
		const kh_nominee_result *r = fs->ranked.items[i];
		kh_json_begin_object(j);
		kh_json_kint(j, "position", r->position);
		json_nominee(j, s, r->row);
		kh_json_kbool(j, "within_quota", r->verdict == KH_ELIGIBLE);
		kh_json_key(j, "rank_values");
		kh_json_begin_object(j);
		for (size_t k = 0; k < fs->form->rank.n; k++) {
			const kh_rank_key *key = fs->form->rank.items[k];
			kh_json_kstr(j, key->attr->id, kh_screen_rank_value(s, r->row, key));
		}
		kh_json_end_object(j);
		kh_json_end_object(j);
	}
	kh_json_end_array(j);
	kh_json_key(j, "ties");
	kh_json_begin_array(j);
	for (size_t i = 0; i < fs->ties.n; i++) {
		const kh_tie *t = fs->ties.items[i];
		kh_json_begin_object(j);
		kh_json_key(j, "lines");
		kh_json_begin_array(j);
		for (size_t k = 0; k < t->count; k++)
			kh_json_int(j, line_of(s, t->members[k]->row));
		kh_json_end_array(j);
		kh_json_kbool(j, "straddles_quota", t->straddles);
		kh_json_end_object(j);
	}
	kh_json_end_array(j);
}

static void json_rejected(kh_json *j, const kh_screening *s, const kh_vec *v, const char *key)
{
	kh_json_key(j, key);
	kh_json_begin_array(j);
	for (size_t i = 0; i < v->n; i++) {
		const kh_nominee_result *r = v->items[i];
		kh_json_begin_object(j);
		json_nominee(j, s, r->row);
		if (r->verdict == KH_REJECTED) {
			kh_json_kint(j, "rule", r->rule);
			kh_json_kstr(j, "rule_text", r->failed ? r->failed->text : NULL);
		}
		kh_json_kstr(j, "reason", r->why);
		kh_json_end_object(j);
	}
	kh_json_end_array(j);
}

static void json_form(kh_json *j, const kh_screening *s, const kh_form_screening *fs)
{
	kh_json_begin_object(j);
	kh_json_kstr(j, "id", fs->form->id);
	kh_json_kstr(j, "name", fs->form->name);
	kh_json_kstr(j, "status", status_name(fs->status));
	kh_json_kstr(j, "note", not_screened(fs));
	json_quota(j, fs->form);
	json_eligible(j, s, fs);
	json_rejected(j, s, &fs->rejected, "rejected");
	json_rejected(j, s, &fs->unscreened, "unscreened");
	kh_json_end_object(j);
}

void kh_awards_json(const kh_screening *s, const kh_diags *d, kh_buf *out)
{
	kh_json j;
	kh_json_init(&j, out);
	kh_json_begin_object(&j);
	kh_json_kint(&j, "version", 1);
	kh_json_key(&j, "nominees");
	kh_json_begin_object(&j);
	kh_json_kstr(&j, "file", s->table->path);
	kh_json_kstr(&j, "separator", s->table->sep == ';' ? ";" : ",");
	kh_json_kint(&j, "records", (long)s->table->nrows);
	kh_json_kint(&j, "screened", (long)s->screened);
	kh_json_end_object(&j);
	kh_json_kint(&j, "errors", d->errors);
	kh_json_kint(&j, "warnings", d->warnings);
	kh_json_key(&j, "forms");
	kh_json_begin_array(&j);
	for (size_t i = 0; i < s->forms.n; i++)
		json_form(&j, s, s->forms.items[i]);
	kh_json_end_array(&j);
	kh_json_end_object(&j);
	kh_buf_putc(out, '\n');
}

/* ------------------------------------------------------------------ */
/* CSV                                                                */

static void csv_row(kh_buf *out, const kh_screening *s, const kh_form_screening *fs,
		    const kh_nominee_result *r, const char *result)
{
	const char *f[10] = { fs->form->id, fs->form->name ? fs->form->name : "", result, "", "",
			      "", "", "", "", "" };
	if (r) {
		if (r->position)
			f[3] = kh_printf("%d", r->position);
		f[4] = kh_printf("%u", line_of(s, r->row));
		f[5] = cell_text(s, r->row, s->key);
		f[6] = cell_text(s, r->row, s->name);
		if (r->verdict == KH_REJECTED)
			f[7] = kh_printf("%d", r->rule);
		if (r->failed)
			f[8] = r->failed->text;
		if (r->why)
			f[9] = r->why;
	} else {
		f[9] = not_screened(fs);
	}
	for (int i = 0; i < 10; i++)
		kh_csv_field(out, f[i], i == 9, true);
}

/* The result as a column of the sheet says it: fixed Vietnamese words,
 * as the checklist's, whatever the language of the messages. */
static const char *csv_result(kh_form_status st)
{
	static const char *const words[] = { "", "thông báo sau", "tiêu chuẩn bằng lời",
					     "theo luật", "không có tiêu chuẩn", "thiếu cột" };
	return words[st];
}

void kh_awards_csv(const kh_screening *s, kh_buf *out)
{
	/* A sheet for a spreadsheet: a BOM, so Excel reads it as UTF-8. */
	static const char *const head[] = { "Hình thức", "Tên hình thức", "Kết quả", "Thứ tự",
					     "Dòng", "Mã", "Tên", "Điều", "Nội dung điều", "Lý do" };
	kh_buf_puts(out, "\xEF\xBB\xBF");
	for (int i = 0; i < 10; i++)
		kh_csv_field(out, head[i], i == 9, false);
	for (size_t i = 0; i < s->forms.n; i++) {
		const kh_form_screening *fs = s->forms.items[i];
		if (fs->status != KH_FORM_SCREENED) {
			csv_row(out, s, fs, NULL, csv_result(fs->status));
			continue;
		}
		for (size_t k = 0; k < fs->ranked.n; k++) {
			const kh_nominee_result *r = fs->ranked.items[k];
			csv_row(out, s, fs, r,
				r->verdict == KH_ELIGIBLE ? "đủ, trong số lượng" : "đủ, ngoài số lượng");
		}
		for (size_t k = 0; k < fs->rejected.n; k++)
			csv_row(out, s, fs, fs->rejected.items[k], "không đủ tiêu chuẩn");
		for (size_t k = 0; k < fs->unscreened.n; k++)
			csv_row(out, s, fs, fs->unscreened.items[k], "chưa xét được");
	}
}

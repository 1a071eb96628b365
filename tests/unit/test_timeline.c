/*
 * test_timeline.c - the timeline (entries, order, labels, who an entry
 * concerns, UIDs stable across unrelated edits) and the checklists made
 * from it, on the four examples and on small plans.
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "emit.h"
#include "resolve.h"
#include "timeline.h"

#define EXAMPLES KH_STDLIB_DIR "/../examples/"

static kh_program *load_example(const char *name)
{
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = KH_STDLIB_DIR;
	kh_diags d;
	memset(&d, 0, sizeof d);
	int io = 0;
	kh_program *p = kh_resolve_file(kh_printf("%s%s", EXAMPLES, name), &opts, &d, &io);
	assert_int_equal(io, 0);
	assert_non_null(p);
	assert_non_null(p->plan);
	return p;
}

static const char *HEAD =
	"cấp tỉnh \"Cấp tỉnh\"\n"
	"cấp huyện \"Cấp huyện\" dưới tỉnh\n"
	"cấp xã \"Cấp xã\" dưới huyện\n"
	"cơ_quan ubnd \"Ủy ban nhân dân\"\n"
	"cơ_quan ubnd_tinh \"Ủy ban nhân dân tỉnh\" cấp tỉnh là ubnd\n"
	"cơ_quan ubnd_xa \"Ủy ban nhân dân xã\" cấp xã là ubnd\n"
	"cơ_quan btv \"Ban Thường vụ Tỉnh ủy\" cấp tỉnh\n"
	"cơ_quan btc \"Ban Tổ chức Tỉnh ủy\" cấp tỉnh thuộc btv\n"
	"cơ_quan phong \"Phòng Tổ chức\" thuộc btc\n"
	"cơ_quan huyen_uy \"Huyện ủy\" cấp huyện\n"
	"sự_kiện hd_tw \"Sau khi có hướng dẫn của Trung ương\"\n";

/* Resolves HEAD + DECLS + a plan numbered NUMBER (NULL: none) with BODY. */
static kh_program *plan_text(const char *number, const char *decls, const char *body)
{
	const char *text = kh_printf("%s%s"
				     "kế_hoạch %s {\n"
				     "  ban_hành btv\n"
				     "  ngày 16/8/2019\n"
				     "%s"
				     "}\n",
				     HEAD, decls, number ? kh_printf("\"%s\"", number) : "", body);
	kh_resolve_opts opts = { 0 };
	kh_diags d;
	memset(&d, 0, sizeof d);
	kh_program *p = kh_resolve_bytes("/tmp/ke-hoach-thu.kh", text, strlen(text), &opts, &d);
	assert_non_null(p);
	if (d.errors) {
		kh_buf b = { 0 };
		kh_diags_print_text(&d, &b, 0);
		fprintf(stderr, "%s", kh_buf_cstr(&b));
	}
	assert_int_equal(d.errors, 0);
	return p;
}

static const kh_tl_entry *find(const kh_vec *v, const char *uid)
{
	for (size_t i = 0; i < v->n; i++) {
		const kh_tl_entry *e = KH_VEC_AT(*v, kh_tl_entry, i);
		if (!strcmp(e->uid, uid))
			return e;
	}
	return NULL;
}

static const kh_body *body(const kh_program *p, const char *id)
{
	for (size_t i = 0; i < p->bodies.n; i++) {
		const kh_body *b = KH_VEC_AT(p->bodies, kh_body, i);
		if (!strcmp(b->id, id))
			return b;
	}
	fail_msg("no body %s", id);
	return NULL;
}

static kh_day ymd(int y, int m, int d)
{
	return kh_date_make(y, m, d);
}

/* ------------------------------------------------------------------ */

static void test_example_250(void **state)
{
	(void)state;
	kh_program *p = load_example("250-KH-TU-2019.kh");
	kh_vec v = kh_timeline_build(p);
	/* five deadlines, then the conference at each of its three levels */
	assert_int_equal(v.n, 8);
	static const char *const order[] = {
		"250-KH/TU/2019/252c29b6/bc_xa", "250-KH/TU/2019/252c29b6/bc_huyen", "250-KH/TU/2019/252c29b6/th_huyen", "250-KH/TU/2019/252c29b6/tm_btc",
		"250-KH/TU/2019/252c29b6/bc_tinh", "250-KH/TU/2019/252c29b6/hn_tong_ket/xã", "250-KH/TU/2019/252c29b6/hn_tong_ket/huyện",
		"250-KH/TU/2019/252c29b6/hn_tong_ket/tỉnh",
	};
	for (size_t i = 0; i < v.n; i++)
		assert_string_equal(KH_VEC_AT(v, kh_tl_entry, i)->uid, order[i]);
	const kh_tl_entry *e = find(&v, "250-KH/TU/2019/252c29b6/bc_huyen");
	assert_int_equal(e->kind, KH_TL_DEADLINE);
	assert_non_null(e->task);
	assert_null(e->meeting);
	assert_string_equal(e->item_id, "bc_huyen");
	assert_string_equal(e->level->id, "huyện");
	assert_int_equal(e->when->end, ymd(2019, 9, 15));
	assert_string_equal(kh_when_label(e->when), "trước ngày 15 tháng 9 năm 2019");
	assert_string_equal(kh_refs_label(&e->owners), "Cấp huyện");
	/* to = gửi, then qua */
	assert_string_equal(kh_refs_label(&e->to), "Ban Thường vụ Tỉnh ủy, Ban Tổ chức Tỉnh ủy");
	e = find(&v, "250-KH/TU/2019/252c29b6/bc_xa");
	assert_string_equal(kh_refs_label(&e->to), "cấp trên trực tiếp");
	/* the conference has no date: undated, one per level, the chair at tỉnh */
	e = find(&v, "250-KH/TU/2019/252c29b6/hn_tong_ket/tỉnh");
	assert_int_equal(e->kind, KH_TL_UNDATED);
	assert_null(e->when);
	assert_non_null(e->meeting);
	assert_int_equal(e->duration, 1);
	assert_string_equal(kh_refs_label(&e->owners), "Thường trực Tỉnh ủy");
	assert_int_equal(find(&v, "250-KH/TU/2019/252c29b6/hn_tong_ket/xã")->owners.n, 0);
}

static void test_example_297_tba(void **state)
{
	(void)state;
	kh_program *p = load_example("297-HD-UBND-2019.kh");
	kh_vec v = kh_timeline_build(p);
	/* "hạn trước 30/9/2019, thông_báo_sau": one deadline, its day to be announced */
	const kh_tl_entry *e = find(&v, "297/HD-UBND/2019/c42b5d88/sk_tinh");
	assert_non_null(e);
	assert_int_equal(e->kind, KH_TL_DEADLINE);
	assert_true(e->when->dated);
	assert_int_equal(e->when->end, ymd(2019, 9, 30));
	assert_string_equal(kh_when_label(e->when),
			    "trước 30/9/2019 (thời gian cụ thể có thông báo sau)");
	assert_null(find(&v, "297/HD-UBND/2019/c42b5d88/sk_tinh/2"));
	/* the meeting at each level, dated per level */
	e = find(&v, "297/HD-UBND/2019/c42b5d88/hn_so_ket/xã");
	assert_int_equal(e->kind, KH_TL_MEETING);
	assert_int_equal(e->when->end, ymd(2019, 8, 30));
	assert_string_equal(kh_refs_label(&e->owners), "Ủy ban nhân dân, Chủ tịch Ủy ban nhân dân");
	e = find(&v, "297/HD-UBND/2019/c42b5d88/hn_so_ket/tỉnh");
	assert_int_equal(e->when->end, ymd(2019, 9, 30));
	/* dated first (by date, then source order), undated last */
	kh_day last = 0;
	bool undated = false;
	for (size_t i = 0; i < v.n; i++) {
		const kh_tl_entry *x = KH_VEC_AT(v, kh_tl_entry, i);
		if (x->kind == KH_TL_UNDATED) {
			undated = true;
			continue;
		}
		assert_false(undated);
		assert_true(x->when->end >= last);
		last = x->when->end;
	}
	/* same day: source order (bc_tinh is written before the meeting) */
	size_t a = 0, b = 0;
	for (size_t i = 0; i < v.n; i++) {
		if (!strcmp(KH_VEC_AT(v, kh_tl_entry, i)->uid, "297/HD-UBND/2019/c42b5d88/bc_tinh"))
			a = i;
		if (!strcmp(KH_VEC_AT(v, kh_tl_entry, i)->uid, "297/HD-UBND/2019/c42b5d88/hn_so_ket/huyện"))
			b = i;
	}
	assert_true(a < b);
}

static void test_example_recurring_and_stem(void **state)
{
	(void)state;
	kh_program *p = load_example("KH-dang-uy-xa-2023.kh");
	kh_vec v = kh_timeline_build(p);
	/* no number (nor date): its issuer and title, never the file's name */
	for (size_t i = 0; i < v.n; i++)
		assert_memory_equal(KH_VEC_AT(v, kh_tl_entry, i)->uid, "kh/nodate/ae30743a/871ac99d/", 28);
	/* "từ năm 2023, hằng năm": one yearly duty anchored in 2023 */
	const kh_tl_entry *e = find(&v, "kh/nodate/ae30743a/871ac99d/du_bi_thu");
	assert_int_equal(e->kind, KH_TL_RECURRING);
	assert_int_equal(e->when->recurrence, KH_RECUR_YEARLY);
	assert_true(e->when->dated);
	assert_int_equal(e->when->end, ymd(2023, 12, 31));
	assert_string_equal(kh_when_label(e->when), "từ năm 2023, hằng năm");
	/* "thuong_xuyen, dinh_ky" typed without diacritics: one duty, written out */
	e = find(&v, "kh/nodate/ae30743a/871ac99d/du_lich_sh");
	assert_int_equal(e->kind, KH_TL_RECURRING);
	assert_false(e->when->dated);
	assert_int_equal(e->when->recurrence, KH_RECUR_PERIODIC);
	assert_string_equal(kh_when_label(e->when), "thường xuyên, định kỳ");
	assert_null(find(&v, "kh/nodate/ae30743a/871ac99d/du_lich_sh/2"));
	/* "tu thang 11 nam 2023": a start, listed on its first day */
	e = find(&v, "kh/nodate/ae30743a/871ac99d/du_kien_toan");
	assert_int_equal(e->kind, KH_TL_DEADLINE);
	assert_int_equal(e->when->type, KH_WHEN_FROM);
	assert_string_equal(kh_when_label(e->when), "từ tháng 11 năm 2023");
	assert_ptr_equal(KH_VEC_AT(v, kh_tl_entry, 0), e);
	/* relative to an event: the event's words, never a date */
	e = find(&v, "kh/nodate/ae30743a/871ac99d/tc_kiem_diem");
	assert_int_equal(e->kind, KH_TL_UNDATED);
	assert_false(e->when->dated);
	assert_string_equal(kh_when_label(e->when), "sau khi có hướng dẫn của Trung ương, của tỉnh, huyện");
	e = find(&v, "kh/nodate/ae30743a/871ac99d/ubkt_kt");
	assert_string_equal(kh_when_label(e->when), "trước sơ kết, tổng kết Nghị quyết");
	/* "cuoi_nam" in a plan without a date: undated, not guessed */
	e = find(&v, "kh/nodate/ae30743a/871ac99d/du_phan_loai");
	assert_int_equal(e->kind, KH_TL_UNDATED);
	assert_false(e->when->dated);
	assert_string_equal(kh_when_label(e->when), "cuối năm");
	/* no deadline at all: kept, when NULL */
	e = find(&v, "kh/nodate/ae30743a/871ac99d/ttam_2");
	assert_int_equal(e->kind, KH_TL_UNDATED);
	assert_null(e->when);
}

static void test_example_planned_window(void **state)
{
	(void)state;
	kh_program *p = load_example("KH-tinh-uy-CT10-2017.kh");
	kh_vec v = kh_timeline_build(p);
	const kh_tl_entry *e = find(&v, "kh/nodate/252c29b6/59e606cd/hn_tinh");
	assert_int_equal(e->kind, KH_TL_MEETING);
	assert_true(e->when->planned);
	assert_int_equal(e->when->precision, KH_PREC_DECADE);
	assert_int_equal(e->when->start, ymd(2017, 5, 11));
	assert_int_equal(e->when->end, ymd(2017, 5, 20));
	assert_string_equal(kh_when_label(e->when),
			    "dự kiến vào trung tuần tháng 5/2017 (11/5–20/5/2017)");
}

static void test_labels(void **state)
{
	(void)state;
	kh_when w = { 0 };
	w.type = KH_WHEN_RECURRENCE;
	w.recurrence = KH_RECUR_CONTINUOUS;
	w.text = "thuong_xuyen";
	assert_string_equal(kh_when_label(&w), "thường xuyên");
	w.text = "hàng_tháng";
	assert_string_equal(kh_when_label(&w), "hàng tháng");
	w.text = "yearly";
	assert_string_equal(kh_when_label(&w), "hằng năm");
	w.text = NULL;
	w.recurrence = KH_RECUR_MONTHLY;
	assert_string_equal(kh_when_label(&w), "hằng tháng");
	kh_when t = { 0 };
	t.type = KH_WHEN_TBA;
	t.text = "thông_báo_sau";
	assert_string_equal(kh_when_label(&t), "thời gian cụ thể có thông báo sau");
	kh_when f = { 0 };
	f.type = KH_WHEN_FROM;
	f.precision = KH_PREC_MONTH;
	f.dated = true;
	f.start = ymd(2023, 11, 1);
	f.end = ymd(2023, 11, 30);
	f.text = "tu thang 11 nam 2023";
	assert_string_equal(kh_when_label(&f), "từ tháng 11 năm 2023");
	kh_when q = { 0 };
	q.type = KH_WHEN_WITHIN;
	q.precision = KH_PREC_QUARTER;
	q.dated = true;
	q.start = ymd(2023, 10, 1);
	q.end = ymd(2023, 12, 31);
	q.text = "trong quy IV/2023";
	assert_string_equal(kh_when_label(&q), "trong quý IV/2023 (1/10–31/12/2023)");
	kh_when r = { 0 };
	r.type = KH_WHEN_RELATIVE;
	r.anchor = "hn_tinh";
	r.anchor_before = true;
	r.offset = -5;
	r.working_days = true;
	r.text = "5 ngày_làm_việc trước hn_tinh";
	assert_string_equal(kh_when_label(&r), "5 ngày làm việc trước hn_tinh");
	assert_string_equal(kh_when_label(NULL), "");
	kh_ref sup = { .kind = KH_REF_SUPERIOR };
	kh_ref txt = { .kind = KH_REF_TEXT, .text = "Các chi bộ cơ sở" };
	kh_ref org = { .kind = KH_REF_ORGLEVEL };
	assert_string_equal(kh_ref_label(&sup), "cấp trên trực tiếp");
	assert_string_equal(kh_ref_label(&txt), "Các chi bộ cơ sở");
	assert_string_equal(kh_ref_label(&org), "cấp tổ chức");
	kh_vec v = { 0 };
	kh_vec_push(&v, &sup);
	kh_vec_push(&v, &txt);
	assert_string_equal(kh_refs_label(&v), "cấp trên trực tiếp, Các chi bộ cơ sở");
}

static void test_split_per_level(void **state)
{
	(void)state;
	kh_program *p = plan_text("7-KH/TU", "",
		"  nhiệm_vụ bc \"Gửi báo cáo\" {\n"
		"    giao cấp xã, cấp huyện, btc\n"
		"    gửi btv\n"
		"    hạn trước 30/8/2019, 15/9/2019\n"
		"  }\n"
		"  nhiệm_vụ khong_han \"Theo dõi\" { giao btc }\n");
	kh_vec v = kh_timeline_build(p);
	/* per owner level, then the other owners; each deadline, the 2nd as /2 */
	const char *uids[] = { "7-KH/TU/2019/252c29b6/bc/xã", "7-KH/TU/2019/252c29b6/bc/huyện", "7-KH/TU/2019/252c29b6/bc",
			       "7-KH/TU/2019/252c29b6/bc/xã/2", "7-KH/TU/2019/252c29b6/bc/huyện/2", "7-KH/TU/2019/252c29b6/bc/2",
			       "7-KH/TU/2019/252c29b6/khong_han" };
	assert_int_equal(v.n, 7);
	for (size_t i = 0; i < v.n; i++)
		assert_string_equal(KH_VEC_AT(v, kh_tl_entry, i)->uid, uids[i]);
	const kh_tl_entry *e = find(&v, "7-KH/TU/2019/252c29b6/bc/xã");
	assert_string_equal(e->level->id, "xã");
	assert_string_equal(kh_refs_label(&e->owners), "Cấp xã");
	e = find(&v, "7-KH/TU/2019/252c29b6/bc");
	assert_null(e->level);
	assert_string_equal(kh_refs_label(&e->owners), "Ban Tổ chức Tỉnh ủy");
	assert_int_equal(e->when->end, ymd(2019, 8, 30));
	assert_int_equal(find(&v, "7-KH/TU/2019/252c29b6/bc/2")->when->end, ymd(2019, 9, 15));
}

static void test_concerns(void **state)
{
	(void)state;
	kh_program *p = plan_text("8-KH/TU", "",
		"  nhiệm_vụ t_huyen \"Cấp huyện làm\" { giao cấp huyện; hạn trước 30/8/2019 }\n"
		"  nhiệm_vụ t_btc \"Ban Tổ chức làm\" { giao btc; hạn trước 30/8/2019 }\n"
		"  nhiệm_vụ t_ubnd \"UBND tỉnh làm\" { giao ubnd_tinh; hạn trước 30/8/2019 }\n"
		"  hội_nghị hn \"Hội nghị\" {\n"
		"    cấp xã, tỉnh\n"
		"    tổ_chức ubnd\n"
		"    thời_gian trước 30/9/2019\n"
		"    thành_phần cấp tỉnh { dự huyen_uy \"Huyện ủy\" }\n"
		"    thành_phần cấp xã { mời btv }\n"
		"  }\n");
	kh_vec v = kh_timeline_build(p);
	const kh_tl_entry *huyen = find(&v, "8-KH/TU/2019/252c29b6/t_huyen");
	const kh_tl_entry *btc = find(&v, "8-KH/TU/2019/252c29b6/t_btc");
	const kh_tl_entry *ubnd = find(&v, "8-KH/TU/2019/252c29b6/t_ubnd");
	const kh_tl_entry *hn_xa = find(&v, "8-KH/TU/2019/252c29b6/hn/xã");
	const kh_tl_entry *hn_tinh = find(&v, "8-KH/TU/2019/252c29b6/hn/tỉnh");
	assert_non_null(hn_xa);
	assert_non_null(hn_tinh);
	/* through its level */
	assert_true(kh_tl_concerns(huyen, body(p, "huyen_uy")));
	assert_false(kh_tl_concerns(huyen, body(p, "btc")));
	/* itself, and its organs (thuộc), not its parent */
	assert_true(kh_tl_concerns(btc, body(p, "btc")));
	assert_true(kh_tl_concerns(btc, body(p, "phong")));
	assert_false(kh_tl_concerns(btc, body(p, "btv")));
	/* a generic body asked for sees every owner that is one of it */
	assert_true(kh_tl_concerns(ubnd, body(p, "ubnd")));
	assert_false(kh_tl_concerns(ubnd, body(p, "ubnd_xa")));
	/* a generic organiser at one level is that level's body */
	assert_true(kh_tl_concerns(hn_xa, body(p, "ubnd_xa")));
	assert_false(kh_tl_concerns(hn_xa, body(p, "ubnd_tinh")));
	assert_true(kh_tl_concerns(hn_tinh, body(p, "ubnd_tinh")));
	/* members who attend and invited guests, at their level */
	assert_true(kh_tl_concerns(hn_tinh, body(p, "huyen_uy")));
	assert_false(kh_tl_concerns(hn_xa, body(p, "huyen_uy")));
	assert_true(kh_tl_concerns(hn_xa, body(p, "btv")));
	assert_false(kh_tl_concerns(hn_tinh, body(p, "btv")));
	assert_false(kh_tl_concerns(NULL, body(p, "btv")));
}

/* ------------------------------------------------------------------ */
/* UID stability                                                      */

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = kh_alloc_atomic((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* Every UID of OLD is in NEW, for the same item at the same level. */
static void assert_uids_kept(const kh_vec *old, const kh_vec *new)
{
	for (size_t i = 0; i < old->n; i++) {
		const kh_tl_entry *a = KH_VEC_AT(*old, kh_tl_entry, i);
		const kh_tl_entry *b = find(new, a->uid);
		if (!b)
			fail_msg("UID %s lost after an unrelated edit", a->uid);
		assert_string_equal(a->item_id, b->item_id);
		assert_string_equal(a->level ? a->level->id : "-", b->level ? b->level->id : "-");
		assert_int_equal(a->kind, b->kind);
		assert_string_equal(kh_when_label(a->when), kh_when_label(b->when));
	}
}

static kh_program *resolve_edited(const char *path, const char *after, const char *insert)
{
	size_t len;
	char *text = read_all(path, &len);
	char *at = strstr(text, after);
	assert_non_null(at);
	at += strlen(after);
	const char *edited = kh_printf("%.*s%s%s", (int)(at - text), text, insert, at);
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = KH_STDLIB_DIR;
	kh_diags d;
	memset(&d, 0, sizeof d);
	kh_program *p = kh_resolve_bytes(path, edited, strlen(edited), &opts, &d);
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	return p;
}

static void test_uid_stable_250(void **state)
{
	(void)state;
	const char *path = EXAMPLES "250-KH-TU-2019.kh";
	kh_vec old = kh_timeline_build(load_example("250-KH-TU-2019.kh"));
	/* A comment and a new task above the first one, a new meeting: every
	 * line number and position of the old items changes. */
	kh_program *p = resolve_edited(path, "mục \"Thời gian thực hiện\" {\n",
		"      # Việc mới, thêm sau khi ban hành.\n"
		"      nhiệm_vụ viec_moi \"Một việc mới không liên quan\" {\n"
		"        giao btc_tinh_uy\n"
		"        hạn trước ngày 20 tháng 8 năm 2019\n"
		"      }\n"
		"      hội_nghị hn_moi \"Hội nghị mới\" { cấp tỉnh; thời_gian 28/8/2019 }\n");
	kh_vec new = kh_timeline_build(p);
	assert_int_equal(new.n, old.n + 2);
	assert_uids_kept(&old, &new);
	assert_non_null(find(&new, "250-KH/TU/2019/252c29b6/viec_moi"));
	/* and the new ones came first in time: positions moved, UIDs did not */
	assert_string_equal(KH_VEC_AT(new, kh_tl_entry, 0)->uid, "250-KH/TU/2019/252c29b6/viec_moi");
}

static void test_uid_stable_all_examples(void **state)
{
	(void)state;
	static const struct {
		const char *name, *after, *owner;
	} ex[] = {
		{ "297-HD-UBND-2019.kh", "  ban_hành ubnd_tinh\n", "ubnd_tinh" },
		{ "KH-dang-uy-xa-2023.kh", "  ban_hành btv_dang_uy\n", "btv_dang_uy" },
		{ "KH-tinh-uy-CT10-2017.kh", "  ban hành btv_tinh_uy\n", "btv_tinh_uy" },
	};
	for (size_t i = 0; i < sizeof ex / sizeof ex[0]; i++) {
		kh_vec old = kh_timeline_build(load_example(ex[i].name));
		kh_program *p = resolve_edited(kh_printf("%s%s", EXAMPLES, ex[i].name), ex[i].after,
			kh_printf("  # một chú thích mới\n"
				  "  nhiệm_vụ viec_moi \"Một việc mới\" { giao %s; hạn trước 1/1/2010 }\n",
				  ex[i].owner));
		kh_vec new = kh_timeline_build(p);
		assert_int_equal(new.n, old.n + 1);
		assert_uids_kept(&old, &new);
	}
}

static void test_uid_tone_placement(void **state)
{
	(void)state;
	/* "hoà" and "hòa" name the same item: the UID does not change. */
	kh_program *a = plan_text("9-KH/TU", "",
		"  nhiệm_vụ hoà_giải \"Hòa giải\" { giao btc; hạn trước 30/8/2019 }\n");
	kh_program *b = plan_text("9-KH/TU", "",
		"  nhiệm_vụ hòa_giải \"Hòa giải\" { giao btc; hạn trước 30/8/2019 }\n");
	kh_vec va = kh_timeline_build(a), vb = kh_timeline_build(b);
	assert_int_equal(va.n, 1);
	assert_int_equal(vb.n, 1);
	assert_string_equal(KH_VEC_AT(va, kh_tl_entry, 0)->uid, KH_VEC_AT(vb, kh_tl_entry, 0)->uid);
	/* a plan without a number: its year, issuer and title, not its file */
	kh_program *c = plan_text(NULL, "", "  nhiệm_vụ x \"X\" { giao btc }\n");
	kh_vec vc = kh_timeline_build(c);
	const char *uid = KH_VEC_AT(vc, kh_tl_entry, 0)->uid;
	assert_memory_equal(uid, "kh/2019/252c29b6/", 17);
	assert_null(strstr(uid, "ke-hoach-thu"));
}

static void test_no_plan(void **state)
{
	(void)state;
	const char *text = "cấp tỉnh \"Cấp tỉnh\"\n";
	kh_resolve_opts opts = { 0 };
	kh_diags d;
	memset(&d, 0, sizeof d);
	kh_program *p = kh_resolve_bytes("x.kh", text, strlen(text), &opts, &d);
	assert_non_null(p);
	assert_null(p->plan);
	assert_int_equal(kh_timeline_build(p).n, 0);
	assert_int_equal(kh_timeline_build(NULL).n, 0);
	kh_buf out = { 0 };
	assert_int_equal(kh_emit_checklist_md(p, NULL, &out), 0);
	assert_int_equal(kh_emit_checklist_csv(p, NULL, &out), 0);
	assert_int_equal(kh_emit_checklist_html(p, NULL, &out), 0);
	assert_int_equal(kh_emit_schedule_text(p, NULL, &out), 0);
	assert_int_equal(kh_emit_schedule_csv(p, NULL, &out), 0);
}

/* ------------------------------------------------------------------ */
/* Checklists                                                         */

static void test_checklist_md(void **state)
{
	(void)state;
	kh_program *p = load_example("250-KH-TU-2019.kh");
	kh_buf out = { 0 };
	assert_int_equal(kh_emit_checklist_md(p, NULL, &out), 0);
	const char *md = kh_buf_cstr(&out);
	assert_non_null(strstr(md, "# Việc cần làm: Kế hoạch số 250-KH/TU, ngày 16/8/2019, "
				   "Ban Thường vụ Tỉnh ủy\n"));
	/* level-owned duties under the level's heading, in date order */
	const char *huyen = strstr(md, "\n## Cấp huyện\n\n- [ ] Đối với cấp xã: ");
	assert_non_null(huyen);
	assert_non_null(strstr(huyen, "30 tháng 8 năm 2019. — hạn 30/8/2019 → gửi cấp trên trực tiếp "
				      "(nhận báo cáo)\n- [ ] Đối với cấp huyện: "));
	assert_non_null(strstr(huyen, "15 tháng 9 năm 2019. — hạn 15/9/2019 → gửi Ban Thường vụ "
				      "Tỉnh ủy (qua Ban Tổ chức Tỉnh ủy) (chủ trì)\n"));
	/* groups run down the hierarchy: tỉnh, then huyện, then xã */
	const char *tinh = strstr(md, "\n## Cấp tỉnh\n");
	const char *xa = strstr(md, "\n## Cấp xã\n");
	assert_non_null(tinh);
	assert_non_null(xa);
	assert_true(tinh < huyen && huyen < xa);
	/* a body of a level that has a heading points there */
	assert_non_null(strstr(md, "\n## Ban Tổ chức Tỉnh ủy\n\nXem thêm: Cấp tỉnh.\n"));
	/* the meeting at a level with neither organiser nor chair: under the level */
	assert_non_null(strstr(xa, "- [ ] Hội nghị tổng kết 10 năm thực hiện Hướng dẫn "
				   "35-HD/BTCTW (Cấp xã) — thời lượng: 1 buổi (½ ngày) (tổ chức)\n"));

	/* --for: its level's duties, the reports its level receives, the
	 * meetings it attends, each saying what it asks of the body */
	kh_buf f = { 0 };
	assert_int_equal(kh_emit_checklist_md(p, body(p, "tt_huyen_uy"), &f), 0);
	const char *fm = kh_buf_cstr(&f);
	assert_non_null(strstr(fm, "\n## Thường trực huyện ủy\n"));
	assert_non_null(strstr(fm, "(qua Ban Tổ chức Tỉnh ủy) (chủ trì; giao: Cấp huyện)\n"));
	assert_non_null(strstr(fm, "(Cấp tỉnh) — chủ trì: Thường trực Tỉnh ủy; thời lượng: "
				   "1 buổi (½ ngày) (dự họp)\n"));
	assert_non_null(strstr(fm, "→ gửi cấp trên trực tiếp (nhận báo cáo)\n"));
	assert_null(strstr(fm, "## Cấp huyện"));
}

static void test_checklist_md_escapes(void **state)
{
	(void)state;
	kh_program *p = plan_text("10-KH/TU", "",
		"  nhiệm_vụ a \"Báo cáo *quý* [I] <b> #1 a_b\" { giao btc; hạn dự_kiến trong tháng 9/2019 }\n");
	kh_buf out = { 0 };
	assert_int_equal(kh_emit_checklist_md(p, NULL, &out), 0);
	assert_non_null(strstr(kh_buf_cstr(&out),
		"- [ ] Báo cáo \\*quý\\* \\[I\\] \\<b\\> \\#1 a\\_b — hạn 30/9/2019 "
		"(dự kiến trong tháng 9/2019) (chủ trì)\n"));
}

static void test_checklist_csv(void **state)
{
	(void)state;
	kh_program *p = plan_text("11-KH/TU", "",
		"  nhiệm_vụ a \"Báo cáo \\\"nhanh\\\", gọn\" { giao btc; gửi btv; hạn trước 30/8/2019 }\n"
		"  nhiệm_vụ b \"-1 là số âm\" { giao btc }\n");
	kh_buf out = { 0 };
	assert_int_equal(kh_emit_checklist_csv(p, NULL, &out), 0);
	const char *csv = kh_buf_cstr(&out);
	assert_memory_equal(csv, "\xEF\xBB\xBF" "Đơn vị,Việc cần làm,", 3 + 28);
	/* CRLF only */
	for (const char *c = csv; *c; c++) {
		if (*c == '\n')
			assert_true(c > csv && c[-1] == '\r');
		if (*c == '\r')
			assert_true(c[1] == '\n');
	}
	assert_non_null(strstr(csv, "\r\nBan Tổ chức Tỉnh ủy,\"Báo cáo \"\"nhanh\"\", gọn\","
				    "hạn 30/8/2019,2019-08-30,Ban Thường vụ Tỉnh ủy,,,chủ trì,,nhiệm vụ,"
				    "11-KH/TU/2019/252c29b6/a,\r\n"));
	/* a cell a spreadsheet would read as a formula */
	assert_non_null(strstr(csv, ",'-1 là số âm,"));
}

static void test_checklist_html(void **state)
{
	(void)state;
	kh_program *p = plan_text("12-KH/TU", "",
		"  nhiệm_vụ a \"A & B <script>\" { giao btc; hạn trước 30/8/2019 }\n");
	kh_buf out = { 0 };
	assert_int_equal(kh_emit_checklist_html(p, body(p, "phong"), &out), 0);
	const char *h = kh_buf_cstr(&out);
	assert_memory_equal(h, "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">", 62);
	assert_non_null(strstr(h, "<title>Việc cần làm: Kế hoạch số 12-KH/TU, ngày 16/8/2019, "
				  "Ban Thường vụ Tỉnh ủy — Phòng Tổ chức</title>"));
	assert_non_null(strstr(h, "<input type=\"checkbox\" id=\"v1\"> <label for=\"v1\">"
				  "A &amp; B &lt;script&gt;</label>"));
	assert_null(strstr(h, "<script>"));
	assert_non_null(strstr(h, "(chủ trì; giao: Ban Tổ chức Tỉnh ủy)"));
	assert_non_null(strstr(h, "@media print"));
	assert_non_null(strstr(h, "</body>\n</html>\n"));
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_example_250),
		cmocka_unit_test(test_example_297_tba),
		cmocka_unit_test(test_example_recurring_and_stem),
		cmocka_unit_test(test_example_planned_window),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_split_per_level),
		cmocka_unit_test(test_concerns),
		cmocka_unit_test(test_uid_stable_250),
		cmocka_unit_test(test_uid_stable_all_examples),
		cmocka_unit_test(test_uid_tone_placement),
		cmocka_unit_test(test_no_plan),
		cmocka_unit_test(test_checklist_md),
		cmocka_unit_test(test_checklist_md_escapes),
		cmocka_unit_test(test_checklist_csv),
		cmocka_unit_test(test_checklist_html),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

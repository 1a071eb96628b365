/*
 * test_prose.c - reading an item's text (prose_facts.c, prose_words.c):
 * which dates are the item's own deadline and which another fact (a cited
 * document's date, a period, an event's day), and which bodies it names
 * in which role (the owner at the head, "X chủ trì", "A giao B", "phối hợp
 * với", "gửi … về", "(qua …)"), by name, without the locality or by the
 * abbreviation. The sentences are the seeds' and the examples'.
 * Part of kehoach; see README.md for the licence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "alloc.h"
#include "prose_facts.h"
#include "resolve.h"

static const char *const ROLES[] = { "deadline", "within", "on", "from", "span", "document", "period", "other" };

/* The dates of TEXT as "role:phrase|…". */
static const char *dates(const char *text)
{
	kh_vec v = kh_text_dates(text, strlen(text));
	kh_buf b = { 0 };
	for (size_t i = 0; i < v.n; i++) {
		const kh_text_date *d = v.items[i];
		kh_buf_printf(&b, "%s%s:%.*s", i ? "|" : "", ROLES[d->role], (int)(d->end - d->lead), text + d->lead);
	}
	return kh_buf_cstr(&b);
}

static void test_dates_and_what_they_are(void **state)
{
	(void)state;
	assert_string_equal(dates("gửi báo cáo về UBND tỉnh (qua Bộ CHQS tỉnh) trước ngày 15/9/2019;"),
			    "deadline:trước ngày 15/9/2019");
	assert_string_equal(dates("Hoàn thành trước ngày 30 tháng 8 năm 2019."), "deadline:trước ngày 30 tháng 8 năm 2019");
	assert_string_equal(dates("xác định thời gian sơ kết xong trước 30/8/2019."), "deadline:trước 30/8/2019");
	assert_string_equal(dates("(hoàn thành trong tháng 01/2024)"), "within:trong tháng 01/2024");
	assert_string_equal(dates("(hoàn thành trong tháng 1 năm 2024)"), "within:trong tháng 1 năm 2024");
	assert_string_equal(dates("(từ tháng 11 năm 2023)"), "from:từ tháng 11 năm 2023");
	assert_string_equal(dates("tổ chức hội nghị tổng kết trực tuyến dự kiến vào trung tuần tháng 5/2017."),
			    "on:vào trung tuần tháng 5/2017");
	assert_string_equal(dates("Từ ngày 01/6/2025 đến ngày 30/7/2025."), "span:Từ ngày 01/6/2025 đến ngày 30/7/2025");
	assert_string_equal(dates("báo cáo chậm nhất là ngày 20/9."), "deadline:chậm nhất là ngày 20/9");
	assert_string_equal(dates("Sơ kết trong quý III/2019."), "within:trong quý III/2019");
	/* other facts: a cited document's date, a period, a range, an event */
	assert_string_equal(dates("căn cứ Kế hoạch số 236-KH/TU, ngày 15/01/2024 của Tỉnh ủy"), "document:ngày 15/01/2024");
	assert_string_equal(dates("theo yêu cầu tại Công văn số 845/SNV-XDCQ ngày 16/4/2024 của Sở Nội vụ."),
			    "document:ngày 16/4/2024");
	assert_string_equal(dates("kỷ niệm 30 năm Ngày hội Quốc phòng toàn dân (22/12/1989 - 22/12/2019)"),
			    "period:22/12/1989 - 22/12/2019");
	assert_string_equal(dates("Ngày 19/10/2023, Ban Thường vụ huyện ủy ban hành Chỉ thị"), "other:Ngày 19/10/2023");
	assert_string_equal(dates("chào mừng Ngày Quốc tế Thiếu nhi 01/6"), "other:01/6");
	/* no dates: a year alone without a word of time, year ranges, numbers */
	assert_string_equal(dates("so sánh với năm 2008; giai đoạn 2009 - 2019; từ 3-4 bài học; số 35-HD/BTCTW"), "");
	assert_string_equal(dates("(hoàn thành trong năm 2023)"), "within:trong năm 2023");
}

static kh_program *program(void)
{
	static const char *text =
		"import \"vn/hierarchy\"\n"
		"cơ_quan ubnd_tinh \"Ủy ban nhân dân tỉnh Quảng Nam\" cấp tỉnh là ubnd viết_tắt \"UBND\"\n"
		"cơ_quan so_noi_vu \"Sở Nội vụ tỉnh Quảng Nam\" cấp tỉnh thuộc ubnd_tinh\n"
		"cơ_quan bchqs \"Bộ Chỉ huy Quân sự tỉnh\" cấp tỉnh viết_tắt \"Bộ CHQS\"\n"
		"cơ_quan ubnd_huyen \"Ủy ban nhân dân cấp huyện\" cấp huyện là ubnd viết_tắt \"UBND\"\n"
		"cơ_quan tinh_uy \"Tỉnh ủy\" cấp tỉnh là cap_uy\n"
		"cơ_quan btc_tu \"Ban Tổ chức Tỉnh ủy\" cấp tỉnh thuộc tinh_uy\n"
		"cơ_quan btv_tu \"Ban Thường vụ Tỉnh ủy\" cấp tỉnh thuộc tinh_uy\n"
		"cơ_quan qs \"Đảng ủy Quân sự tỉnh\" cấp tỉnh\n"
		"cơ_quan cq \"Các cơ quan có liên quan\"\n";
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = KH_STDLIB_DIR;
	kh_diags d;
	memset(&d, 0, sizeof d);
	kh_program *p = kh_resolve_bytes("prose.kh", text, strlen(text), &opts, &d);
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	return p;
}

static const char *const MROLES[] = { "owner", "with", "to", "via", "other" };

/* The mentions of TEXT as "role:words=id[,id][@level]|…". */
static const char *mentions(const kh_program *p, const kh_bindex *x, const char *text)
{
	kh_vec v = kh_text_mentions(text, strlen(text), x, &p->levels);
	kh_buf b = { 0 };
	for (size_t i = 0; i < v.n; i++) {
		const kh_mention *m = v.items[i];
		kh_buf_printf(&b, "%s%s%s:%.*s=", i ? "|" : "", MROLES[m->role], m->chairs ? "+chair" : "",
			      (int)(m->end - m->start), text + m->start);
		for (size_t k = 0; k < m->bodies.n; k++)
			kh_buf_printf(&b, "%s%s", k ? "," : "", ((const kh_body *)m->bodies.items[k])->id);
		if (m->level)
			kh_buf_printf(&b, "@%s", m->level->id);
	}
	return kh_buf_cstr(&b);
}

static void test_bodies_and_their_roles(void **state)
{
	(void)state;
	kh_program *p = program();
	kh_bindex x = kh_bindex_build(&p->bodies, true);
	assert_string_equal(mentions(p, &x, "Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Đảng ủy Quân sự tỉnh và các cơ quan "
					    "có liên quan tham mưu Ban Thường vụ Tỉnh ủy."),
			    "owner+chair:Ban Tổ chức Tỉnh ủy=btc_tu|with:Đảng ủy Quân sự tỉnh=qs|with:các cơ quan có liên "
			    "quan=cq|to:Ban Thường vụ Tỉnh ủy=btv_tu");
	/* abbreviations with their level; a generic body with the level after it */
	assert_string_equal(mentions(p, &x, "gửi báo cáo về UBND tỉnh (qua Bộ CHQS tỉnh)"),
			    "to:UBND tỉnh=ubnd,ubnd_tinh@tỉnh|via:Bộ CHQS tỉnh=bchqs");
	/* without the locality; "Giao"; "A giao B": B is the owner */
	assert_string_equal(mentions(p, &x, "Giao Sở Nội vụ hướng dẫn."), "owner:Sở Nội vụ=so_noi_vu");
	assert_string_equal(mentions(p, &x, "Ủy ban nhân dân tỉnh giao Sở Nội vụ chủ trì."),
			    "other:Ủy ban nhân dân tỉnh=ubnd,ubnd_tinh@tỉnh|owner+chair:Sở Nội vụ=so_noi_vu");
	/* levels; the head of the second sentence; not inside brackets */
	assert_string_equal(mentions(p, &x, "Đối với cấp huyện: Ủy ban nhân dân cấp huyện tổ chức. Tỉnh ủy chỉ đạo (UBND cấp huyện triển khai)."),
			    "owner:cấp huyện=@huyện|owner:Ủy ban nhân dân cấp huyện=ubnd,ubnd_huyen@huyện|owner:Tỉnh "
			    "ủy=tinh_uy|other:UBND cấp huyện=ubnd,ubnd_huyen@huyện");
	/* the one advised gets the result (weakly); a name that goes on
	 * ("… tỉnh Bắc Kạn", not Quảng Nam) is the generic body at its level */
	assert_string_equal(mentions(p, &x, "Tham mưu cho Ủy ban nhân dân tỉnh Bắc Kạn tổ chức hội nghị."),
			    "to:Ủy ban nhân dân tỉnh=ubnd@tỉnh");
	assert_string_equal(mentions(p, &x, "Ban chỉ huy quân sự xã thực hiện."), "");
}

/* The last text split is remembered (prose_facts.c): a buffer written
 * again in place, at the same address and length, is read anew, and the
 * same text asked twice gives the same answer. */
static void test_same_address_new_text(void **state)
{
	(void)state;
	char buf[64];
	strcpy(buf, "hoàn thành trước ngày 15/9/2019;");
	assert_string_equal(dates(buf), "deadline:trước ngày 15/9/2019");
	assert_string_equal(dates(buf), "deadline:trước ngày 15/9/2019");
	strcpy(buf, "hoàn thành trước ngày 16/8/2019;");
	assert_string_equal(dates(buf), "deadline:trước ngày 16/8/2019");
	kh_program *p = program();
	kh_bindex x = kh_bindex_build(&p->bodies, true);
	strcpy(buf, "Giao Sở Nội vụ hướng dẫn.");
	assert_string_equal(mentions(p, &x, buf), "owner:Sở Nội vụ=so_noi_vu");
	strcpy(buf, "Giao Tỉnh ủy chỉ đạo sớm."); /* as long as the last */
	assert_string_equal(mentions(p, &x, buf), "owner:Tỉnh ủy=tinh_uy");
}

/* Twenty communes share the short forms "Ủy ban nhân dân xã" and "UBND
 * xã"; one more body has the name but no level, and the generic body
 * (vn/hierarchy's ubnd) reads "Ủy ban nhân dân" with the level after it. A mention names every body
 * of the form once, in order, whichever reading ties or wins. */
static void test_shared_short_forms(void **state)
{
	(void)state;
	kh_buf src = { 0 };
	kh_buf_printf(&src, "import \"vn/hierarchy\"\n"); /* its ubnd: "Ủy ban nhân dân" */
	static const char *const place[] = { "An Hòa",   "Bình Lâm", "Cẩm Hà",   "Duy Sơn",   "Đại Lộc",
					     "Điện Bàn", "Giao Thủy", "Hòa Vang", "Hương Trà", "Kỳ Anh",
					     "Lộc Ninh", "Mỹ Đức",   "Nam Giang", "Ngọc Lặc", "Phú Ninh",
					     "Quế Sơn",  "Sơn Tịnh", "Tam Kỳ",   "Thăng Bình", "Vĩnh Linh" };
	for (int i = 1; i <= 20; i++) {
		kh_buf_printf(&src, "cơ_quan xa%d \"Ủy ban nhân dân xã %s\" cấp xã viết_tắt \"UBND\"\n", i,
			      place[i - 1]);
		if (i == 3)
			kh_buf_printf(&src, "cơ_quan khac \"Ủy ban nhân dân xã Số Ba\" viết_tắt \"UBND\"\n");
	}
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = KH_STDLIB_DIR;
	kh_diags d;
	memset(&d, 0, sizeof d);
	const char *text = kh_buf_cstr(&src);
	kh_program *p = kh_resolve_bytes("communes.kh", text, strlen(text), &opts, &d);
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	kh_bindex x = kh_bindex_build(&p->bodies, true);
	kh_buf all = { 0 };
	for (int i = 1; i <= 20; i++)
		kh_buf_printf(&all, "%sxa%d%s", i > 1 ? "," : "", i, i == 3 ? ",khac" : "");
	const char *every = kh_buf_cstr(&all);
	assert_string_equal(mentions(p, &x, "Ủy ban nhân dân xã triển khai."),
			    kh_printf("owner:Ủy ban nhân dân xã=ubnd,%s@xã", every));
	assert_string_equal(mentions(p, &x, "Giao UBND xã báo cáo."), kh_printf("owner:UBND xã=ubnd,%s@xã", every));
	assert_string_equal(mentions(p, &x, "Ủy ban nhân dân xã Đại Lộc thực hiện."),
			    "owner:Ủy ban nhân dân xã Đại Lộc=xa5");
	assert_string_equal(mentions(p, &x, "Ủy ban nhân dân tổ chức."), kh_printf("owner:Ủy ban nhân dân=ubnd,%s", every));
	/* the same answer asked again: the list shared, not consumed */
	assert_string_equal(mentions(p, &x, "Báo cáo Ủy ban nhân dân xã. Ủy ban nhân dân xã thực hiện."),
			    kh_printf("to:Ủy ban nhân dân xã=ubnd,%s@xã|owner:Ủy ban nhân dân xã=ubnd,%s@xã", every, every));
}

/* The body of P with ID, or NULL. */
static const kh_body *body_by_id(const kh_program *p, const char *id)
{
	for (size_t i = 0; i < p->bodies.n; i++)
		if (!strcmp(((const kh_body *)p->bodies.items[i])->id, id))
			return p->bodies.items[i];
	return NULL;
}

static void test_agreement(void **state)
{
	(void)state;
	kh_program *p = program();
	kh_bindex x = kh_bindex_build(&p->bodies, true);
	kh_vec v = kh_text_mentions("Ban Thường vụ Tỉnh ủy, UBND tỉnh", strlen("Ban Thường vụ Tỉnh ủy, UBND tỉnh"), &x, &p->levels);
	assert_int_equal(v.n, 2);
	const kh_body *tinh_uy = body_by_id(p, "tinh_uy"), *ubnd_huyen = body_by_id(p, "ubnd_huyen"),
		      *so_noi_vu = body_by_id(p, "so_noi_vu"), *ubnd_tinh = body_by_id(p, "ubnd_tinh");
	kh_ref to_party = { .kind = KH_REF_BODY, .body = (kh_body *)tinh_uy };
	kh_ref to_district = { .kind = KH_REF_BODY, .body = (kh_body *)ubnd_huyen };
	kh_ref to_so = { .kind = KH_REF_BODY, .body = (kh_body *)so_noi_vu };
	kh_ref superior = { .kind = KH_REF_SUPERIOR };
	/* an organ agrees with its committee; a province's UBND not with a district's */
	assert_true(kh_mention_agrees(v.items[0], &to_party));
	assert_false(kh_mention_agrees(v.items[1], &to_district));
	assert_true(kh_mention_agrees(v.items[1], &to_so)); /* the Sở is the UBND's */
	assert_true(kh_mention_agrees(v.items[1], &superior));
	kh_ref to_tinh = { .kind = KH_REF_BODY, .body = (kh_body *)ubnd_tinh };
	assert_true(kh_text_names_ref("Tham mưu cho UBND tỉnh", &to_tinh, false));
	assert_false(kh_text_names_ref("Tham mưu cho UBND tỉnh", &to_so, false));
	assert_false(kh_text_names_ref("gửi về Sở Nội vụ", &to_so, true));
	assert_true(kh_text_names_ref("Sở Nội vụ tổng hợp", &to_so, true));
}

/* The texts asked about are remembered four at a time, and a text taking
 * the place of another takes its maps and arrays (prose_asked.c): after
 * a long text and through many turns of the four places, each answer is
 * the one a fresh memory gives. */
static void test_asked_texts_reuse_room(void **state)
{
	(void)state;
	kh_program *p = program();
	const kh_body *so = body_by_id(p, "so_noi_vu"), *tinh = body_by_id(p, "ubnd_tinh");
	assert_non_null(so);
	assert_non_null(tinh);
	kh_ref refs[2] = { { .kind = KH_REF_BODY, .body = (kh_body *)so },
			   { .kind = KH_REF_BODY, .body = (kh_body *)tinh } };
	kh_buf longer = { 0 };
	for (int i = 0; i < 150; i++)
		kh_buf_printf(&longer, "các cơ quan, đơn vị phối hợp thực hiện nhiệm vụ %d; ", i);
	kh_buf_printf(&longer, "Sở Nội vụ tổng hợp, báo cáo UBND tỉnh.");
	/* the bodies' words at other places in each text, after texts whose
	 * words were numbered otherwise */
	static const char *const heads[] = { "", "Đề nghị ", "Các sở, ngành phối hợp; ", "Năm 2024, " };
	static const char *const bodies[] = { "Sở Nội vụ", "UBND tỉnh", "Ban Tổ chức" };
	static const char *const tails[] = { " tổng hợp", " hướng dẫn, báo cáo về Sở Nội vụ", "" };
	enum { N = 1 + 4 * 3 * 3 };
	const char *texts[N] = { kh_buf_cstr(&longer) };
	for (size_t h = 0, t = 1; h < 4; h++)
		for (size_t b = 0; b < 3; b++)
			for (size_t e = 0; e < 3; e++)
				texts[t++] = kh_printf("%s%s%s", heads[h], bodies[b], tails[e]);
	bool fresh[N][2][2];
	for (size_t t = 0; t < N; t++)
		for (int r = 0; r < 2; r++)
			for (int owner = 0; owner < 2; owner++) {
				kh_text_memo_forget();
				fresh[t][r][owner] = kh_text_names_ref(texts[t], &refs[r], owner);
			}
	kh_text_memo_forget();
	for (int round = 0; round < 3; round++)
		for (size_t t = 0; t < N; t++)
			for (int r = 0; r < 2; r++)
				for (int owner = 0; owner < 2; owner++)
					assert_int_equal(kh_text_names_ref(texts[t], &refs[r], owner),
							 fresh[t][r][owner]);
	assert_true(fresh[1][0][1]);  /* "Sở Nội vụ tổng hợp": the owner */
	assert_false(fresh[4][0][1]); /* "UBND tỉnh tổng hợp": not the Sở */
	assert_true(fresh[0][0][1]);  /* at the end of a long text */
}

/* A body's names are indexed once and kept (prose_asked.c): asked about
 * six hundred bodies, in turn and again, each answer is the one a fresh
 * memory gives, and a text names the body it names. */
static void test_many_bodies_asked(void **state)
{
	(void)state;
	static const char *const first[] = { "Gia", "An", "Bình", "Phú", "Tân", "Hòa", "Long", "Thạnh",
					      "Đông", "Tây", "Nam", "Bắc", "Trung", "Xuân", "Hưng",
					      "Lạc", "Mỹ", "Vĩnh", "Quang", "Minh", "Thuận", "Đức",
					      "Hải", "Sơn", "Kim" };
	enum { NF = sizeof first / sizeof *first, N = 600 };
	kh_buf text = { 0 };
	kh_buf_puts(&text, "import \"vn/hierarchy\"\n");
	for (int i = 0; i < N; i++)
		kh_buf_printf(&text, "cơ_quan x%d \"Đảng ủy xã %s %s\" cấp xã\n", i, first[i % NF], first[i / NF]);
	kh_resolve_opts opts = { 0 };
	opts.stdlib_dir = KH_STDLIB_DIR;
	kh_diags d = { 0 };
	kh_program *p = kh_resolve_bytes("many.kh", kh_buf_cstr(&text), text.len, &opts, &d);
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	assert_true(p->bodies.n >= N); /* and the stdlib's */
	kh_ref *refs = KH_NEW_N(kh_ref, N);
	const char **texts = KH_NEW_N(const char *, N);
	bool *fresh = KH_NEW_N(bool, N), *other = KH_NEW_N(bool, N);
	for (int i = 0; i < N; i++) {
		refs[i] = (kh_ref){ .kind = KH_REF_BODY, .body = (kh_body *)body_by_id(p, kh_printf("x%d", i)) };
		assert_non_null(refs[i].body);
		texts[i] = kh_printf("Giao %s chủ trì thực hiện.", refs[i].body->name);
	}
	for (int i = 0; i < N; i++) {
		kh_text_memo_forget();
		fresh[i] = kh_text_names_ref(texts[i], &refs[i], true);
		kh_text_memo_forget();
		other[i] = kh_text_names_ref(texts[i], &refs[(i + 1) % N], true);
		assert_true(fresh[i]);
	}
	kh_text_memo_forget();
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < N; i++) {
			assert_int_equal(kh_text_names_ref(texts[i], &refs[i], true), fresh[i]);
			assert_int_equal(kh_text_names_ref(texts[i], &refs[(i + 1) % N], true), other[i]);
		}
	assert_false(other[0]); /* "Đảng ủy xã Gia Gia" is not "Đảng ủy xã An Gia" */

	/* One page naming every tenth body, asked about all of them, as the
	 * owner and not, with a level and free text between (past the first
	 * answers they are found by body): each answer a fresh memory's,
	 * asked in one order, then again in the other. */
	kh_buf page = { 0 };
	for (int i = 0; i < N; i += 10)
		kh_buf_printf(&page, "- %s chủ trì thực hiện; báo cáo cấp xã.\n", refs[i].body->name);
	const char *pt = kh_buf_cstr(&page);
	kh_ref lv = { .kind = KH_REF_LEVEL, .level = (kh_level *)refs[0].body->at_level };
	kh_ref tx = { .kind = KH_REF_TEXT, .text = "báo cáo" };
	bool *on_page = KH_NEW_N(bool, 2 * N + 4);
	for (int i = 0; i < 2 * N + 4; i++) {
		const kh_ref *r = i < 2 * N ? &refs[i / 2] : i < 2 * N + 2 ? &lv : &tx;
		kh_text_memo_forget();
		on_page[i] = kh_text_names_ref(pt, r, i % 2);
	}
	kh_text_memo_forget();
	kh_text_steady(pt, page.len);
	for (int round = 0; round < 2; round++)
		for (int j = 0; j < 2 * N + 4; j++) {
			int i = round ? 2 * N + 3 - j : j;
			const kh_ref *r = i < 2 * N ? &refs[i / 2] : i < 2 * N + 2 ? &lv : &tx;
			assert_int_equal(kh_text_names_ref(pt, r, i % 2), on_page[i]);
		}
	assert_true(on_page[2 * 10 + 1]);  /* x10 chairs a line: the owner */
	assert_true(on_page[2 * N]);       /* "cấp xã" */
	int named = 0;
	for (int i = 0; i < 2 * N; i++)
		named += on_page[i];
	assert_true(named > 0 && named < 2 * N); /* the answers tell bodies apart */

	/* A text with "cấp" far more often than a body's rarest word: the
	 * places a level may start are more than any name's (the room they
	 * are read into once held only the names': ASan's build catches it) */
	kh_buf levels = { 0 };
	for (int i = 0; i < 200; i++)
		kh_buf_puts(&levels, "cấp xã, ");
	kh_buf_printf(&levels, "%s chủ trì.", refs[7].body->name);
	kh_text_memo_forget();
	assert_true(kh_text_names_ref(kh_buf_cstr(&levels), &refs[7], false));
	assert_true(kh_text_names_ref(kh_buf_cstr(&levels), &lv, false));
}

int main(void)
{
	kh_alloc_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates_and_what_they_are),
		cmocka_unit_test(test_bodies_and_their_roles),
		cmocka_unit_test(test_same_address_new_text),
		cmocka_unit_test(test_shared_short_forms),
		cmocka_unit_test(test_agreement),
		cmocka_unit_test(test_asked_texts_reuse_room),
		cmocka_unit_test(test_many_bodies_asked),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}

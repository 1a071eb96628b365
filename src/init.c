/*
 * init.c - `kehoach init`: writes a starting plan that checks clean.
 *
 * The plan is made of a few fixed parts (purposes, contents, three tasks
 * that make a report flow up one level, a meeting and a budget line for a
 * Kế hoạch, recipients, signature), filled from a table of the six kinds
 * of issuer (State or Party at each level) that names the stdlib bodies
 * of vn/bodies. Dates are not guessed: the plan is dated today (or
 * SOURCE_DATE_EPOCH, or --date), and each deadline lies a number of
 * working days after the one before, counted with the stdlib's calendar
 * (its public holidays and the yearly notices), so none falls on a day
 * off. The district level's end comes from vn/hierarchy too ("cấp huyện
 * … đến 30/6/2025"): a district plan is dated while the level existed,
 * and a provincial plan after it sends its work to the communes.
 *
 * Before the plan is written it is read back and checked with
 * --fail-on warning: a starting plan with findings is a bug, said so.
 * Part of kehoach; see README.md for the licence.
 */
#include "init.h"

#include "help.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "i18n.h"
#include "names.h"
#include "output.h"
#include "resolve.h"

/* Working days from the date of issue to each deadline, one after the
 * other: enough for the lower level to act, and more than the checker's
 * default minimum of three between linked deadlines. */
enum { WD_GUIDE = 10, WD_REPORT = 10, WD_COMPILE = 5, WD_MEETING = 5 };

/* One kind of issuer: the bodies (ids of vn/bodies) a plan of it names. */
typedef struct tier {
	const char *level;         /* the issuer's level id (cấp …) */
	const char *issuer, *issuer_name, *code, *chief, *archive;
	const char *organ, *organ_name; /* drafts, guides and compiles */
	const char *organ_code;    /* its part of a guidance number; NULL: it issues none */
	const char *organ_chief, *organ_archive, *organ_informed;
	const char *partner;       /* cooperates with the organ */
	const char *unit;          /* drafting unit of a State letter's number (UBND-NV) */
	const char *informed[2];   /* "để báo cáo" (" + " between bodies): while the
	                              district level exists, after it */
	const char *lower[2];      /* who reports to the issuer: the same two */
	const char *lower_heading[2];
	const char *superior[2];   /* cơ_quan_chủ_quản, or NULL */
} tier;

static const tier tiers[2][3] = {
	[KH_INIT_STATE] = {
		{ "tỉnh", "ubnd_tỉnh", "Ủy ban nhân dân tỉnh", "UBND", "CHỦ TỊCH", "\"VT, NV\"",
		  "sở_nội_vụ", "Sở Nội vụ", "SNV", "GIÁM ĐỐC", "\"VT, VP\"", "ubnd_tỉnh",
		  "sở_tài_chính", "NV", { "tt_tỉnh_ủy + tt_hđnd_tỉnh", "tt_tỉnh_ủy + tt_hđnd_tỉnh" },
		  { "cấp huyện", "cấp xã" },
		  { "Ủy ban nhân dân các huyện, thị xã, thành phố", "Ủy ban nhân dân các xã, phường" },
		  { NULL, NULL } },
		{ "huyện", "ubnd_huyện", "Ủy ban nhân dân huyện", "UBND", "CHỦ TỊCH", "\"VT, NV\"",
		  "phòng_nội_vụ", "Phòng Nội vụ", "PNV", "TRƯỞNG PHÒNG", "\"VT\"", "ubnd_huyện",
		  "phòng_tckh", "NV", { "ubnd_tỉnh + tt_hđnd_huyện", NULL }, { "cấp xã", NULL },
		  { "Ủy ban nhân dân các xã, thị trấn", NULL }, { NULL, NULL } },
		{ "xã", "ubnd_xã", "Ủy ban nhân dân xã", "UBND", "CHỦ TỊCH", "\"VT, VP\"",
		  "vp_ubnd_xã", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã", NULL, NULL, NULL,
		  NULL, "phòng_vhxh_xã", "VP", { "ubnd_huyện", "ubnd_tỉnh" }, { "mttq_xã", "mttq_xã" },
		  { "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Ủy ban Mặt trận Tổ quốc Việt Nam xã" },
		  { NULL, NULL } },
	},
	[KH_INIT_PARTY] = {
		{ "tỉnh", "btv_tỉnh_ủy", "Ban Thường vụ Tỉnh ủy", "TU", "BÍ THƯ", "vp_tỉnh_ủy",
		  "btc_tỉnh_ủy", "Ban Tổ chức Tỉnh ủy", "BTCTU", "TRƯỞNG BAN", "btc_tỉnh_ủy",
		  "btc_tw + btv_tỉnh_ủy", "ubkt_tỉnh_ủy", NULL, { "ban_bí_thư", "ban_bí_thư" },
		  { "cấp huyện", "cấp cơ_sở" },
		  { "Các huyện ủy, thị ủy, thành ủy", "Các đảng ủy, chi bộ cơ sở" }, { NULL, NULL } },
		{ "huyện", "btv_huyện_ủy", "Ban Thường vụ Huyện ủy", "HU", "BÍ THƯ", "vp_huyện_ủy",
		  "btc_huyện_ủy", "Ban Tổ chức Huyện ủy", "BTCHU", "TRƯỞNG BAN", "btc_huyện_ủy",
		  "btc_tỉnh_ủy + btv_huyện_ủy", "ubkt_huyện_ủy", NULL, { "btv_tỉnh_ủy", NULL },
		  { "cấp cơ_sở", NULL }, { "Các đảng ủy, chi bộ cơ sở", NULL },
		  { "ĐẢNG BỘ TỈNH ……", NULL } },
		{ "cơ_sở", "btv_đảng_ủy_xã", "Ban Thường vụ Đảng ủy xã", "ĐU", "BÍ THƯ", "vp_đảng_ủy_xã",
		  "vp_đảng_ủy_xã", "Văn phòng Đảng ủy xã", NULL, NULL, NULL, NULL, "ubkt_đảng_ủy_xã",
		  NULL, { "btv_huyện_ủy", "btv_tỉnh_ủy" }, { "chi_bộ_xã", "chi_bộ_xã" },
		  { "Các chi bộ trực thuộc", "Các chi bộ trực thuộc" },
		  { "ĐẢNG BỘ HUYỆN ……", "ĐẢNG BỘ TỈNH ……" } },
	},
};

static const char *const kind_words[] = { "kế hoạch", "hướng dẫn", "công văn" };
static const char *const family_words[] = { "nhà nước", "đảng" };
static const char *const level_words[] = { "tỉnh", "huyện", "xã" };

/* What one plan needs, worked out once. */
typedef struct draft {
	const kh_init_opts *o;
	const tier *t;
	int era;                   /* 0 while the district level exists, 1 after */
	bool by_organ;             /* a guidance issued by the organ (Sở, Ban Tổ chức) */
	const char *issuer, *issuer_name, *code, *chief, *archive, *informed;
	const char *lower, *lower_heading, *receiver;
	int year;
	char d0[16], d1[16], d2[16], d3[16], d4[16];
} draft;

static kh_day add_working_days(const kh_calendar *cal, kh_day d, int n)
{
	while (n > 0)
		if (kh_calendar_is_working_day(cal, ++d))
			n--;
	return d;
}

static void put_date(char *buf, kh_day d)
{
	int y, m, day;
	kh_date_split(d, &y, &m, &day);
	snprintf(buf, 16, "%d/%d/%d", day, m, y);
}

static void plan_draft(draft *x, const kh_init_opts *o, const kh_calendar *cal)
{
	memset(x, 0, sizeof *x);
	x->o = o;
	x->t = &tiers[o->family][o->level];
	x->era = o->district_ended && x->t->lower[1] ? 1 : 0;
	x->by_organ = o->kind == KH_INIT_GUIDANCE && x->t->organ_code;
	x->issuer = x->by_organ ? x->t->organ : x->t->issuer;
	x->issuer_name = x->by_organ ? x->t->organ_name : x->t->issuer_name;
	x->code = x->by_organ ? x->t->organ_code : x->t->code;
	x->chief = x->by_organ ? x->t->organ_chief : x->t->chief;
	x->archive = x->by_organ ? x->t->organ_archive : x->t->archive;
	x->informed = x->by_organ ? x->t->organ_informed : x->t->informed[x->era];
	x->lower = x->t->lower[x->era];
	x->lower_heading = x->t->lower_heading[x->era];
	/* the lower level reports to the plan's issuer through its organ; to
	 * the organ itself when the organ issues the guidance */
	x->receiver = x->by_organ ? x->t->organ : x->t->issuer;
	int m, d;
	kh_date_split(o->date, &x->year, &m, &d);
	kh_day d1 = add_working_days(cal, o->date, WD_GUIDE);
	kh_day d2 = add_working_days(cal, d1, WD_REPORT);
	kh_day d3 = add_working_days(cal, d2, WD_COMPILE);
	put_date(x->d0, o->date);
	put_date(x->d1, d1);
	put_date(x->d2, d2);
	put_date(x->d3, d3);
	put_date(x->d4, add_working_days(cal, d3, WD_MEETING));
}

/* ---- the text ------------------------------------------------------------ */

/* The body each issuer belongs to (the UBND, the committee), and what
 * kind of organ its organ is: for the comment that shows how to declare
 * one's own issuer with its place. */
typedef struct head {
	const char *id, *name, *organ_kind, *place, *tag;
} head;

static const head heads[2][3] = {
	[KH_INIT_STATE] = { { "ubnd_tỉnh", "Ủy ban nhân dân tỉnh", "sở", "Quảng Nam", "qn" },
			    { "ubnd_huyện", "Ủy ban nhân dân huyện", "phòng", "Thăng Bình", "tb" },
			    { "ubnd_xã", "Ủy ban nhân dân xã", "văn_phòng", "Bình Minh", "bm" } },
	[KH_INIT_PARTY] = { { "tỉnh_ủy", "Tỉnh ủy", "btc", "Quảng Nam", "qn" },
			    { "huyện_ủy", "Huyện ủy", "btc", "Thăng Bình", "tb" },
			    { "đảng_ủy_xã", "Đảng ủy xã", "văn_phòng", "Bình Minh", "bm" } },
};

/* The declarations that print the place in the header, as comments:
 * the UBND or committee with its place, then the issuer under it. */
static void own_issuer(kh_buf *b, const draft *x)
{
	const tier *t = x->t;
	const head *h = &heads[x->o->family][x->o->level];
	bool party = x->o->family == KH_INIT_PARTY;
	const char *top = kh_printf("%s_%s", h->id, h->tag), *use = top;
	kh_buf_printf(b, "#   cơ_quan %s \"%s %s\" cấp %s là %s\n", top, h->name, h->place, t->level,
		      party ? "cap_uy" : "ubnd");
	if (x->by_organ) {
		use = kh_printf("%s_%s", t->organ, h->tag);
		kh_buf_printf(b, "#   cơ_quan %s \"%s\" cấp %s thuộc %s là %s\n", use, t->organ_name, t->level,
			      top, h->organ_kind);
	} else if (party) {
		use = kh_printf("%s_%s", t->issuer, h->tag);
		kh_buf_printf(b, "#   cơ_quan %s \"%s\" cấp %s thuộc %s là btv\n", use, t->issuer_name, t->level,
			      top);
	}
	kh_buf_printf(b, "# rồi thay %s bằng %s trong cả kế hoạch (then use that id for the issuer\n"
		      "# throughout).\n", x->issuer, use);
}

static void intro(kh_buf *b, const draft *x)
{
	static const char *const what[] = { "Kế hoạch", "Hướng dẫn", "Công văn" };
	static const char *const english[] = { "plan", "guidance", "letter" };
	kh_buf_printf(b,
		      "# %s của %s — bản khởi đầu do `kehoach init` tạo ra\n"
		      "# (a starting %s of a %s body at the %s level, written by kehoach init).\n"
		      "#\n"
		      "# Sửa số, ngày, địa danh, trích yếu, nội dung và người ký; thay các chỗ \"……\".\n"
		      "# Các cơ quan (%s, %s …) lấy từ stdlib vn/bodies, tên chưa có địa\n"
		      "# danh. Muốn in tên địa phương trên tiêu đề, khai báo cơ quan của mình (to\n"
		      "# print the place in the header, declare your own body):\n",
		      what[x->o->kind], x->issuer_name, english[x->o->kind],
		      x->o->family == KH_INIT_PARTY ? "Party" : "State", level_words[x->o->level], x->issuer,
		      x->t->partner);
	own_issuer(b, x);
	kh_buf_puts(b, "# Kiểm tra sau mỗi lần sửa (check after each edit):\n"
		       "#   kehoach check --fail-on warning TỆP.kh\n\n"
		       "import \"vn/bodies\"   # cơ quan các cấp (the usual bodies of each level)\n\n");
}

/* The kind, number, issuer, place, date and title. */
static void header(kh_buf *b, const draft *x)
{
	static const char *const kw[] = { "kế_hoạch", "hướng_dẫn", "công_văn" };
	static const char *const kc[] = { "KH", "HD", "" };
	bool party = x->o->family == KH_INIT_PARTY;
	const char *number;
	if (x->o->kind == KH_INIT_LETTER)
		number = party ? kh_printf("01-CV/%s", x->code) : kh_printf("01/%s-%s", x->code, x->t->unit);
	else
		number = party ? kh_printf("01-%s/%s", kc[x->o->kind], x->code)
			       : kh_printf("01/%s-%s", kc[x->o->kind], x->code);
	kh_buf_printf(b, "# Số và ký hiệu (number): %s\n",
		      party ? "<số>-<loại>/<cơ quan>, theo HD 36-HD/VPTW"
			    : x->o->kind == KH_INIT_LETTER ? "<số>/<cơ quan>-<đơn vị soạn thảo>, theo NĐ 30/2020"
							    : "<số>/<loại>-<cơ quan>, theo NĐ 30/2020");
	kh_buf_printf(b, "%s \"%s\" {\n", kw[x->o->kind], number);
	kh_buf_printf(b, "  ban_hành %s   # cơ quan ban hành (issuer)\n", x->issuer);
	const char *sup = x->t->superior[x->era] ? x->t->superior[x->era] : x->t->superior[0];
	/* an organ stands under its committee's name ("HUYỆN ỦY" over "BAN TỔ
	 * CHỨC"), which the header makes from vn/bodies; a committee under the
	 * đảng bộ above it, which a plan names (HD 36) */
	if (party && sup && !x->by_organ)
		kh_buf_printf(b, "  cơ_quan_chủ_quản \"%s\"   # dòng trên tên cơ quan: sửa tên đảng bộ\n", sup);
	kh_buf_puts(b, "  địa_danh \"……\"   # nơi cơ quan đóng trụ sở (place)\n");
	kh_buf_printf(b, "  ngày %s   # ngày ban hành (date of issue)\n", x->d0);
	if (x->o->kind == KH_INIT_LETTER)
		kh_buf_printf(b, "  trích_yếu \"V/v triển khai thực hiện nhiệm vụ trọng tâm năm %d\"\n", x->year);
	else
		kh_buf_printf(b, "  trích_yếu \"Triển khai thực hiện nhiệm vụ trọng tâm năm %d\"\n", x->year);
	kh_buf_puts(b, "  # thực_hiện / căn_cứ: văn bản cấp trên, khai báo trước bằng văn_bản … (the\n"
		       "  # documents it implements, declared first with văn_bản)\n\n");
}

static void purposes(kh_buf *b)
{
	kh_buf_puts(b,
		    "  mục \"MỤC ĐÍCH, YÊU CẦU\" {\n"
		    "    mục_đích \"Triển khai đồng bộ, hiệu quả các nhiệm vụ trọng tâm; nâng cao trách nhiệm của "
		    "các cơ quan, đơn vị trong tổ chức thực hiện.\"\n"
		    "    yêu_cầu \"Bám sát chức năng, nhiệm vụ được giao; thực hiện nghiêm túc, đúng tiến độ; "
		    "báo cáo kết quả đầy đủ, kịp thời.\"\n"
		    "  }\n\n");
}

static void contents(kh_buf *b, const draft *x)
{
	kh_buf_printf(b,
		      "  mục \"%s\" {\n"
		      "    nội_dung \"Quán triệt, phổ biến các văn bản của cấp trên đến cán bộ, công chức, "
		      "viên chức, đảng viên.\"\n"
		      "    nội_dung \"Rà soát, đánh giá kết quả thực hiện; làm rõ ưu điểm, hạn chế và nguyên nhân; "
		      "đề xuất giải pháp.\"\n"
		      "  }\n\n",
		      x->o->kind == KH_INIT_GUIDANCE ? "NỘI DUNG HƯỚNG DẪN" : "NỘI DUNG");
}

/* The three tasks: the organ guides, the lower level reports up through
 * it, the organ compiles the reports for the issuer. IN is the indent. */
static void task_guide(kh_buf *b, const draft *x, const char *in)
{
	kh_buf_printf(b,
		      "%s# Nhiệm vụ: giao (owner), phối_hợp (cooperates), hạn (due).\n"
		      "%snhiệm_vụ hướng_dẫn \"Ban hành văn bản hướng dẫn; theo dõi, đôn đốc các cơ quan, "
		      "đơn vị triển khai thực hiện.\" {\n"
		      "%s  giao %s\n%s  phối_hợp %s\n%s  hạn trước %s\n%s}\n",
		      in, in, in, x->t->organ, in, x->t->partner, in, x->d1, in);
}

static void task_report(kh_buf *b, const draft *x, const char *in)
{
	kh_buf_printf(b, "%s# Báo cáo lên cấp trên: gửi … qua … (the report and whom it goes through).\n", in);
	kh_buf_printf(b,
		      "%snhiệm_vụ báo_cáo_kết_quả \"Tổ chức thực hiện tại cơ quan, đơn vị, địa phương; "
		      "báo cáo kết quả thực hiện.\" {\n%s  giao %s\n",
		      in, in, x->lower);
	if (strcmp(x->receiver, x->t->organ) == 0)
		kh_buf_printf(b, "%s  gửi %s\n", in, x->receiver);
	else
		kh_buf_printf(b, "%s  gửi %s qua %s\n", in, x->receiver, x->t->organ);
	kh_buf_printf(b, "%s  hạn trước %s\n%s}\n", in, x->d2, in);
}

static void task_compile(kh_buf *b, const draft *x, const char *in)
{
	const char *to = x->by_organ ? x->t->organ_informed : x->t->issuer;
	/* "btc_tw + btv_tỉnh_ủy": the report goes to the organ's own head */
	const char *plus = strstr(to, " + ");
	if (plus)
		to = plus + 3;
	kh_buf_printf(b,
		      "%snhiệm_vụ tổng_hợp \"Tổng hợp kết quả thực hiện, xây dựng báo cáo chung.\" {\n"
		      "%s  giao %s\n%s  gửi %s\n%s  hạn trước %s\n%s}\n",
		      in, in, x->t->organ, in, to, in, x->d3, in);
}

static void meeting(kh_buf *b, const draft *x)
{
	kh_buf_printf(b,
		      "    # Hội nghị: cấp, chủ trì, thời lượng, thời gian, thành phần (a meeting).\n"
		      "    hội_nghị sơ_kết \"Hội nghị sơ kết việc thực hiện Kế hoạch\" {\n"
		      "      cấp %s\n"
		      "      chủ_trì %s\n"
		      "      thời_lượng 01 buổi\n"
		      "      thời_gian dự_kiến %s\n"
		      "      thành_phần {\n"
		      "        dự %s, %s\n"
		      "        \"Đại diện lãnh đạo các cơ quan, đơn vị có liên quan\"\n"
		      "      }\n"
		      "    }\n",
		      x->t->level, x->t->issuer, x->d4, x->t->organ, x->t->partner);
}

static void budget(kh_buf *b)
{
	kh_buf_puts(b,
		    "  mục \"KINH PHÍ\" {\n"
		    "    kinh_phí {\n"
		    "      khoản \"Kinh phí thực hiện bố trí trong dự toán được giao của cơ quan, đơn vị theo "
		    "phân cấp hiện hành.\" chi_trả cấp_tổ_chức\n"
		    "    }\n"
		    "  }\n\n");
}

static void organisation(kh_buf *b, const draft *x)
{
	kh_buf_puts(b, "  mục \"TỔ CHỨC THỰC HIỆN\" {\n");
	task_guide(b, x, "    ");
	task_report(b, x, "    ");
	task_compile(b, x, "    ");
	if (x->o->kind == KH_INIT_PLAN)
		meeting(b, x);
	kh_buf_puts(b, "  }\n\n");
	kh_buf_printf(b,
		      "  kết_thúc \"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị "
		      "kịp thời phản ánh về %s để được hướng dẫn./.\"\n\n",
		      x->t->organ_name);
}

/* A letter: its addressees, an opening, one item per addressee. */
static void letter_body(kh_buf *b, const draft *x)
{
	kh_buf_printf(b,
		      "  # \"Kính gửi:\" (addressees), mỗi dòng một cơ quan hoặc một cấp.\n"
		      "  kính_gửi {\n    %s\n    %s\n    %s\n  }\n\n",
		      x->t->organ, x->t->partner, x->lower);
	kh_buf_printf(b,
		      "  mở_đầu \"Để triển khai thực hiện nhiệm vụ trọng tâm năm %d, %s đề nghị các cơ quan, "
		      "đơn vị thực hiện một số nội dung sau:\"\n\n",
		      x->year, x->t->issuer_name);
	kh_buf_printf(b, "  # Mỗi mục là một điểm của công văn (each item of the letter).\n");
	kh_buf_printf(b, "  mục \"%s\" {\n", x->t->organ_name);
	task_guide(b, x, "    ");
	task_compile(b, x, "    ");
	kh_buf_printf(b, "  }\n\n  mục \"%s\" {\n", x->lower_heading);
	task_report(b, x, "    ");
	kh_buf_puts(b, "  }\n\n");
	kh_buf_printf(b,
		      "  kết_thúc \"Đề nghị các cơ quan, đơn vị quan tâm, triển khai thực hiện nghiêm túc, đúng "
		      "thời gian quy định; nếu có khó khăn, vướng mắc, phản ánh về %s để được hướng dẫn./.\"\n\n",
		      x->t->organ_name);
}

static void recipients(kh_buf *b, const draft *x)
{
	kh_buf_puts(b, "  # Nơi nhận (recipients); dòng lưu là dòng cuối (the archive line).\n"
		       "  nơi_nhận {\n");
	if (x->o->kind == KH_INIT_LETTER)
		kh_buf_puts(b, "    \"Như trên\"\n");
	/* one line each ("- Thường trực Tỉnh ủy (để báo cáo);"); the table
	 * joins them with " + " */
	for (const char *p = x->informed; p;) {
		const char *plus = strstr(p, " + ");
		int n = plus ? (int)(plus - p) : (int)strlen(p);
		kh_buf_printf(b, "    %.*s \"để báo cáo\"\n", n, p);
		p = plus ? plus + 3 : NULL;
	}
	/* the bodies with tasks, the issuer's own organ too: a plan whose
	 * issuer is declared anew (with its place) still reaches it */
	if (x->o->kind != KH_INIT_LETTER) {
		if (!x->by_organ)
			kh_buf_printf(b, "    %s\n", x->t->organ);
		kh_buf_printf(b, "    %s\n    %s\n", x->t->partner, x->lower);
	}
	kh_buf_printf(b, "    lưu %s\n  }\n\n", x->archive);
}

static void signature(kh_buf *b, const draft *x)
{
	kh_buf_puts(b, "  # Chữ ký (signature): thể thức, chức vụ, họ tên người ký.\n  ký {\n");
	if (!x->by_organ)
		kh_buf_printf(b, "    thay_mặt %s\n", x->issuer);
	kh_buf_printf(b, "    chức_vụ \"%s\"\n    họ_tên \"……\"\n  }\n}\n", x->chief);
}

void kh_init_write(const kh_init_opts *o, const kh_calendar *cal, kh_buf *out)
{
	draft x;
	plan_draft(&x, o, cal);
	intro(out, &x);
	header(out, &x);
	if (o->kind == KH_INIT_LETTER) {
		letter_body(out, &x);
	} else {
		purposes(out);
		contents(out, &x);
		if (o->kind == KH_INIT_PLAN)
			budget(out);
		organisation(out, &x);
	}
	recipients(out, &x);
	signature(out, &x);
}

/* ---- the command ---------------------------------------------------------- */

typedef struct init_args {
	kh_init_opts o;
	const char *output, *stdlib, *date;
	bool force;
} init_args;

/* A usage error: the message, then where to read the usage; exit 2. */
static int init_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int init_error(const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fprintf(stderr, _("kehoach: error: %s\n(run 'kehoach help init' for usage)\n"), msg);
	return 2;
}

/* The index of ARG among the spellings of each choice (English, Vietnamese
 * with and without marks), or -1. */
static int pick(const char *arg, const char *const (*names)[3], int n)
{
	const char *key = kh_text_fold(arg);
	for (int i = 0; i < n; i++)
		for (int j = 0; j < 3; j++)
			if (!strcmp(key, kh_text_fold(names[i][j])))
				return i;
	return -1;
}

static const char *const kind_names[][3] = {
	{ "plan", "kế_hoạch", "ke_hoach" }, { "guidance", "hướng_dẫn", "huong_dan" },
	{ "letter", "công_văn", "cong_van" },
};
static const char *const family_names[][3] = {
	{ "state", "nhà_nước", "nha_nuoc" }, { "party", "đảng", "dang" },
};
static const char *const level_names[][3] = {
	{ "province", "tỉnh", "tinh" }, { "district", "huyện", "huyen" }, { "commune", "xã", "xa" },
};

/* Options and their values; returns -1 when the command is to go on,
 * else the exit status (usage error 2, --help 0). */
static int parse_args(init_args *a, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		const char *opt = argv[i], *val = NULL;
		if (!strcmp(opt, "--help") || !strcmp(opt, "-h")) {
			kh_print_command_help("init");
			return 0;
		}
		if (!strcmp(opt, "--force")) {
			a->force = true;
			continue;
		}
		const char *eq = strncmp(opt, "--", 2) == 0 ? strchr(opt, '=') : NULL;
		const char *name = eq ? kh_strndup(opt, (size_t)(eq - opt)) : opt;
		static const char *const with_value[] = { "--kind", "--family", "--level", "--date",
							  "-o", "--output", "--stdlib" };
		int k = -1;
		for (int j = 0; j < (int)(sizeof with_value / sizeof *with_value) && k < 0; j++)
			if (!strcmp(name, with_value[j]))
				k = j;
		if (k < 0)
			return init_error(opt[0] == '-' ? _("unknown option '%s'")
					  : _("unexpected argument '%s' (the plan goes to standard output or -o FILE)"),
					  opt);
		if (eq)
			val = eq + 1;
		else if (i + 1 < argc)
			val = argv[++i];
		else
			return init_error(_("option '%s' needs a value"), opt);
		int c = 0;
		switch (k) {
		case 0: c = pick(val, kind_names, 3); a->o.kind = (kh_init_kind)c; break;
		case 1: c = pick(val, family_names, 2); a->o.family = (kh_init_family)c; break;
		case 2: c = pick(val, level_names, 3); a->o.level = (kh_init_level)c; break;
		case 3: a->date = val; break;
		case 4: case 5: a->output = val; break;
		default: a->stdlib = val;
		}
		if (c < 0)
			return init_error(k == 0 ? _("--kind takes plan, guidance or letter, not '%s'")
					  : k == 1 ? _("--family takes state or party, not '%s'")
						   : _("--level takes tỉnh, huyện or xã, not '%s'"), val);
	}
	if (a->force && !a->output)
		return init_error(_("'%s' goes with -o FILE"), "--force");
	return -1;
}

/* Today in the local time zone, or SOURCE_DATE_EPOCH's day (UTC), so that
 * builds and tests can fix it. */
static kh_day today(void)
{
	kh_day day;
	long seconds;
	if (kh_source_date_epoch(&day, &seconds))
		return day;
	time_t now = time(NULL);
	struct tm tm;
	if (!localtime_r(&now, &tm))
		return (kh_day)(now / 86400);
	return kh_date_make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static const kh_level *find_level(const kh_program *prog, const char *id)
{
	for (size_t i = 0; i < prog->levels.n; i++) {
		const kh_level *l = KH_VEC_AT(prog->levels, kh_level, i);
		if (!strcmp(kh_name_key(l->id), kh_name_key(id)))
			return l;
	}
	return NULL;
}

/*
 * The date of issue: --date, else today. A district plan dated after the
 * district level ended (vn/hierarchy: cấp huyện … đến 30/6/2025) cannot be
 * clean: with --date that is an error, otherwise the plan is dated two
 * months before the level's last day, early enough for its deadlines, and
 * a note says so.
 */
static int choose_date(init_args *a, const kh_program *prog, const kh_calendar *cal)
{
	kh_day d = today();
	if (a->date) {
		int y, m, day;
		if (!kh_parse_dmy(a->date, (unsigned)strlen(a->date), &y, &m, &day) ||
		    !kh_date_valid(y, m, day) || y < KH_PLAN_YEAR_MIN || y > KH_PLAN_YEAR_MAX)
			return init_error(_("--date takes a day such as 15/3/2024, not '%s'"), a->date);
		d = kh_date_make(y, m, day);
	}
	const kh_level *district = find_level(prog, "huyện");
	a->o.district_ended = district && district->has_until && d > district->until;
	if (a->o.level != KH_INIT_DISTRICT || !a->o.district_ended) {
		a->o.date = d;
		return -1;
	}
	char last[16];
	kh_date_vn(district->until, last);
	if (a->date) {
		fprintf(stderr, _("kehoach: error: a district plan needs a --date while the district "
				  "level (cấp huyện) existed, until %s\n"), last);
		return 2;
	}
	a->o.date = kh_calendar_prev_working_day(cal, district->until - 61);
	a->o.district_ended = false;
	char when[16];
	kh_date_vn(a->o.date, when);
	fprintf(stderr, _("kehoach: note: the district level (cấp huyện) ended on %s; the plan is "
			  "dated while it existed: %s (--date chooses another day)\n"), last, when);
	return -1;
}

/* The stdlib bodies and calendar the plan is made from. */
static kh_program *load_stdlib(const init_args *a, kh_resolve_opts *ro)
{
	ro->stdlib_dir = a->stdlib;
	static const char probe[] = "import \"vn/bodies\"\n";
	kh_diags d = { 0 };
	kh_program *prog = kh_resolve_bytes("init.kh", probe, sizeof probe - 1, ro, &d);
	if (prog && !d.errors)
		return prog;
	kh_buf said = { 0 };
	kh_diags_sort(&d);
	kh_diags_print_text(&d, &said, 0);
	fprintf(stderr, "%s", kh_buf_cstr(&said));
	fprintf(stderr, _("kehoach: error: init needs the stdlib module vn/bodies, in '%s'\n"), a->stdlib);
	return NULL;
}

/* Reads TEXT back and checks it as `check --fail-on warning` would; prints
 * what it finds. A finding here is kehoach's own mistake. */
static bool self_check(const char *text, size_t len, const kh_resolve_opts *ro)
{
	kh_diags d = { 0 };
	kh_program *prog = kh_resolve_bytes("init.kh", text, len, ro, &d);
	if (prog && !d.errors) {
		kh_rule_config config;
		kh_rule_config_init(&config);
		config.fail_on = KH_WARNING;
		kh_check_program(prog, &config, &d);
	}
	if (!d.errors && !d.warnings)
		return true;
	kh_buf said = { 0 };
	kh_diags_sort(&d);
	kh_diags_print_text(&d, &said, 0);
	fprintf(stderr, "%s", kh_buf_cstr(&said));
	fprintf(stderr, "%s", _("kehoach: internal error: the starting plan is not clean; it is written "
				"all the same (please report this)\n"));
	return false;
}

int kh_init_main(int argc, char **argv, const char *stdlib)
{
	init_args a = { .stdlib = stdlib };
	int rc = parse_args(&a, argc, argv);
	if (rc >= 0)
		return rc;
	kh_resolve_opts ro = { 0 };
	kh_program *prog = load_stdlib(&a, &ro);
	if (!prog)
		return 2;
	kh_calendar *cal = kh_calendar_build(prog);
	if ((rc = choose_date(&a, prog, cal)) >= 0)
		return rc;
	kh_buf out = { 0 };
	kh_init_write(&a.o, cal, &out);
	bool clean = self_check(kh_buf_cstr(&out), out.len, &ro);
	/* never over a file that exists (unless --force), nor over the stdlib
	 * files the plan was made from */
	unsigned flags = a.force ? 0 : KH_OUT_NO_CLOBBER;
	if (kh_write_file(a.output, kh_buf_cstr(&out), out.len, (const char *const *)prog->imports.items,
			  prog->imports.n, flags) != 0)
		return 2;
	if (a.output && strcmp(a.output, "-"))
		fprintf(stderr, _("wrote %s (%s, %s, %s); check it after each edit: "
				  "kehoach check --fail-on warning %s\n"),
			a.output, kind_words[a.o.kind], family_words[a.o.family], level_words[a.o.level],
			a.output);
	return clean ? 0 : 1;
}

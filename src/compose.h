/*
 * compose.h - the plan's data as Vietnamese sentences, the way the source
 * documents phrase them ("Ủy ban nhân dân cấp huyện chủ trì, phối hợp với
 * …; gửi báo cáo về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) trước ngày
 * 30/8/2019."). Pure functions over the resolved model (plan.h), no
 * output format: the document model and the views put the words where
 * they belong.
 *
 * Where the prose already states a fact it is not repeated: the task,
 * meeting and award functions take the item's own text (NULL: none) and
 * return only what it does not state: a date written in it in any common
 * form, an owner it names (by name, short form or abbreviation), "qua X"
 * (prose_facts.h says how a text is read). Dates keep the form the plan
 * wrote them in ("ngày 30 tháng 8 năm 2019" or "30/8/2019").
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_COMPOSE_H
#define KH_COMPOSE_H

#include "plan.h"

/* One "when" in prose: "trước ngày 30/8/2019", "trong tháng 11/2023",
 * "dự kiến vào trung tuần tháng 5/2017", "từ ngày 01/10 đến ngày
 * 17/11/2025", "sau khi có hướng dẫn …", "thời gian cụ thể có thông báo
 * sau", "thường xuyên". */
const char *kh_compose_when(const kh_when *w);
/* Drops the room kept between calls (before kh_alloc_release_all). */
void kh_compose_forget(void);
/* WHENS (kh_when*) joined with ", ". */
const char *kh_compose_whens(const kh_vec *whens);
/* REFS (kh_ref*) as "A, B và C"; levels in lower case ("cấp huyện"). */
const char *kh_compose_refs(const kh_vec *refs);
/* A meeting's length as written: "01 buổi", "½ ngày", "02 ngày"; NULL if not given. */
const char *kh_compose_duration(const kh_meeting *m);
/* One attendee group: "mời đại diện …", "mỗi huyện 01 đồng chí bí thư …
 * (riêng Thành phố Pleiku 02)", "Đại biểu Quân khu 5: Ban Thường vụ Đảng
 * ủy, Cục Chính trị". */
const char *kh_compose_group(const kh_group *g);

/* The task as one sentence: owner, cooperating bodies, where the result
 * goes and the deadline, those TEXT does not state; "" when it states all. */
const char *kh_compose_task(const kh_task *t, const char *text);
/* The meeting's facts TEXT does not state, as lines (const char*): "Cấp
 * tổ chức: cấp huyện", "Cơ quan tổ chức: …", "Chủ trì: …", "Thời gian: 01
 * buổi, dự kiến vào trung tuần tháng 5/2017", "Hình thức: trực tuyến",
 * "Thành phần: …" (one line per level when the groups name one). */
kh_vec kh_compose_meeting(const kh_meeting *m, const char *text);
/* The award form as one sentence: form, grantor, who may receive it,
 * quota ("05 tập thể"), criteria; those TEXT does not state. */
const char *kh_compose_award(const kh_award_form *f, const char *text);

#endif

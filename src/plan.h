/*
 * plan.h - the resolved plan: every name bound to its declaration, every
 * date a real day or window, every duration a number of half-days. The
 * checker and all emitters read this, never the raw tree.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_PLAN_H
#define KH_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include <stdint.h>

#include "source.h"

/* A growable array of pointers (GC memory). Its counts are 32 bits: a
 * task holds eight vectors, and 16 bytes a vector instead of 24 is 64
 * bytes a task (no file holds 2^32 of anything: 256 MB at most). */
typedef struct kh_vec {
	void **items;
	uint32_t n, cap;
} kh_vec;
void kh_vec_push(kh_vec *v, void *item);
/* Room for EXTRA more items, exactly (a vector filled from a list of known
 * length: most of a task's hold one item, and 3 slots took twice the
 * memory of 1). */
void kh_vec_reserve(kh_vec *v, size_t extra);
/* The same for a vector of the model, empty so far: its room cut with the
 * model's blocks (kh_alloc_kept), 8 bytes for one item instead of 16. */
void kh_vec_reserve_kept(kh_vec *v, size_t extra);
#define KH_VEC_AT(v, T, i) ((T *)(v).items[i])

typedef struct kh_level kh_level;
typedef struct kh_body kh_body;

struct kh_level {
	const char *id, *name;
	const char *prose;        /* the id as prose writes it, folded ("cơ sở") */
	const char **prose_words; /* its words, folded as the prose rules fold them */
	size_t nprose_words;
	kh_span span;
	kh_level *below;          /* the level directly above this one */
	const char *below_id;
	bool has_from, has_until;
	kh_day from, until;       /* existed from / until (inclusive) */
	int depth;                /* 0 = top */
	int order;                /* declaration order */
};

typedef enum kh_system {
	KH_SYSTEM_NONE, KH_SYSTEM_STATE, KH_SYSTEM_PARTY   /* which document rules apply */
} kh_system;

/* What a body is to its parent (thuộc): the checker needs to know whether
 * the parent's copy of a document reaches it. */
typedef enum kh_standing {
	KH_STANDING_NONE,         /* no parent, nothing declared */
	KH_STANDING_ORGAN,        /* thuộc: a part of its parent (its leadership,
	                             members, working groups) */
	KH_STANDING_STAFF,        /* tham_mưu: a staff organ (cơ quan tham mưu,
	                             giúp việc), working in its parent's office */
	KH_STANDING_UNIT          /* trực_thuộc: a body of its own under its parent
	                             (a subordinate đảng bộ, a chi bộ trực thuộc, an
	                             elected Ủy ban Kiểm tra, a separate agency) */
} kh_standing;

/* How a body's standing was found (resolve_organs.c). */
typedef enum kh_standing_why {
	KH_WHY_DEFAULT,           /* plain thuộc */
	KH_WHY_DECLARED,          /* tham_mưu or trực_thuộc on the declaration */
	KH_WHY_KIND,              /* from the generic body it is (là) */
	KH_WHY_LEVEL,             /* its level lies below its parent's */
	KH_WHY_ORGANISATION,      /* it is a kind of body that has organs (là cap_uy) */
	KH_WHY_NAME_KIND,         /* its name starts with a generic body's name */
	KH_WHY_NAME_WORDS         /* its name says "trực thuộc" */
} kh_standing_why;

struct kh_body {
	const char *id, *name, *abbr;
	const char *short_name;   /* gọi_tắt: "Ban Chỉ đạo" */
	kh_span span;
	kh_level *level;          /* NULL: "that body at each level" */
	kh_body *parent;          /* thuộc */
	kh_body *is_a;            /* là: the generic body or title this one is
	                             (ct_ubnd_tinh là chủ_tịch_ubnd) */
	kh_system system;         /* hệ đảng | nhà_nước; NONE: inherited or unknown */
	bool collective;          /* tập_thể: a collective body (signs "T/M", "TM.") */
	kh_standing standing;
	kh_standing_why standing_why;
	const kh_body *standing_from; /* the generic body it was inferred from
	                                 (KIND, ORGANISATION, NAME_KIND), or NULL */
	int order;
	int uses;                 /* references to it from the plan */
	unsigned char walk;       /* the resolver's: 0 new, 1 on a walk, 2 done */
	bool at_level_set;        /* at_level is known (the resolver's last step) */
	const kh_level *at_level; /* kh_body_level: its own level, else its parent's */
};

/* A body reaches at most this many others through its thuộc and là links
 * (theirs included; the resolver refuses more): every walk along those
 * links stays whole and short. */
#define KH_MAX_ANCESTORS 16

/* The system of B: its own, else its parent's or is_a's, else NONE. */
kh_system kh_body_system(const kh_body *b);
/* True when B is G, or reaches G through is_a or parent links. */
bool kh_body_is(const kh_body *b, const kh_body *g);
/* Calls VISIT on B and each body it reaches through parent and is_a links,
 * each once, until VISIT returns true; returns whether one did. */
bool kh_body_walk(const kh_body *b, bool (*visit)(const kh_body *, void *), void *ctx);
/* The same, but not out of a unit of its own (trực_thuộc) to its parent:
 * the bodies whose copy of a document B shares. */
bool kh_body_walk_within(const kh_body *b, bool (*visit)(const kh_body *, void *), void *ctx);
/* "staff_organ", "organ", "unit" or NULL (KH_STANDING_NONE). */
const char *kh_standing_name(kh_standing s);
/* B's level, else that of its nearest parent (thuộc) with one; NULL if none. */
const kh_level *kh_body_level(const kh_body *b);

typedef enum kh_doc_kind {
	KH_KIND_NONE, KH_KIND_PLAN, KH_KIND_GUIDANCE, KH_KIND_REPORT, KH_KIND_DIRECTIVE,
	KH_KIND_RESOLUTION, KH_KIND_LETTER, KH_KIND_PROGRAMME, KH_KIND_DECISION,
	KH_KIND_REGULATION, KH_KIND_NOTICE, KH_KIND_CONCLUSION, KH_KIND_LAW, KH_KIND_DECREE,
	KH_KIND_CIRCULAR, KH_KIND__COUNT
} kh_doc_kind;
const char *kh_doc_kind_name(kh_doc_kind k);     /* "plan" */
const char *kh_doc_kind_vi(kh_doc_kind k);       /* "Kế hoạch" */

typedef struct kh_document {
	const char *id, *number, *title, *short_name;
	kh_span span;
	kh_doc_kind kind;
	bool has_date;
	kh_day date;
	kh_body *issuer;
	int order;
	int uses;                 /* references to it from the plan */
} kh_document;

/* Parts a document can have; kind rules (stdlib vn/documents) say which
 * a kind requires and which are customary. */
typedef enum kh_part {
	KH_PART_NUMBER, KH_PART_DATE, KH_PART_PLACE, KH_PART_TITLE, KH_PART_ISSUER,
	KH_PART_BASIS, KH_PART_PURPOSES, KH_PART_REQUIREMENTS, KH_PART_CONTENTS,
	KH_PART_TASKS, KH_PART_MEETINGS, KH_PART_AWARDS, KH_PART_BUDGET,
	KH_PART_RECIPIENTS, KH_PART_ARCHIVE, KH_PART_SIGNATURE, KH_PART_OUTLINE,
	KH_PART__COUNT
} kh_part;
const char *kh_part_name(kh_part p);      /* "purposes" */
const char *kh_part_name_vi(kh_part p);   /* "mục đích" */
/* One of P's spellings: FORM 0 its English name, 1 its Vietnamese one,
 * 2 that without marks ("muc dich"); "?" for none. */
const char *kh_part_written(kh_part p, int form);

typedef struct kh_kind_rule {
	kh_doc_kind kind;
	const char *code;         /* kind code in numbers: "KH", "HD" */
	kh_span span;
	unsigned required, customary; /* bit (1u << kh_part) */
} kh_kind_rule;

/* Who may grant an award form (stdlib vn/awards). */
typedef struct kh_award_grant {
	kh_body *authority;       /* a title such as chủ_tịch_ubnd, thủ_tướng */
	kh_level *level;          /* NULL: the authority at any level */
	kh_span span;
} kh_award_grant;

typedef struct kh_award_right {
	const char *class_name;   /* "Bằng khen", "Giấy khen", "Huân chương" */
	const char *class_key;    /* the same folded (kh_text_fold), once */
	kh_span span;
	kh_vec grants;            /* kh_award_grant* */
	/* The statutory criteria of the class (stdlib vn/award_criteria):
	 * tiêu_chuẩn { … } in the entry, typed over the shared attributes,
	 * and the article they come from (căn_cứ "…"). */
	bool has_criteria;
	kh_span criteria_span;
	kh_vec rules;             /* kh_crit_rule* */
	const char *citation;
} kh_award_right;

/* The entry of RIGHTS (kh_award_right*) for a form: the longest whose
 * name the form's starts with, within its class, else its class's. */
const kh_award_right *kh_award_right_for(const kh_vec *rights, const char *name,
					 const char *class_name);

typedef enum kh_holiday_kind {
	KH_HOLIDAY_SOLAR,         /* the same solar day each year: 1/1, 30/4 */
	KH_HOLIDAY_LUNAR,         /* the same lunar day: Tết 1/1, Giỗ Tổ 10/3 */
	KH_HOLIDAY_DAY_OFF,       /* one day off in one year (nghỉ bù) */
	KH_HOLIDAY_WORKDAY        /* a weekend day worked in one year (làm bù) */
} kh_holiday_kind;

typedef struct kh_holiday {
	const char *id, *name;
	kh_span span;
	kh_holiday_kind kind;
	int month, day;           /* SOLAR, LUNAR */
	kh_day date;              /* DAY_OFF, WORKDAY */
	int days;                 /* how many days, from the start (default 1) */
	int start_before;         /* the first day is this many days before
	                             month/day (Tết: 1, the last day of the old year) */
	bool has_from, has_until; /* in force from / until (inclusive) */
	kh_day from, until;
} kh_holiday;

typedef enum kh_ref_kind {
	KH_REF_BODY, KH_REF_LEVEL, KH_REF_SUPERIOR, KH_REF_TEXT, KH_REF_ORGLEVEL
} kh_ref_kind;

/* Laid out in 40 bytes (the collector's 48 with its extra byte): a plan
 * has a few references per task. */
typedef struct kh_ref {
	kh_body *body;
	kh_level *level;
	const char *text;
	kh_span span;
	kh_ref_kind kind : 8;
	bool joined;              /* written with '+' after the previous one */
} kh_ref;

typedef enum kh_when_type {
	KH_WHEN_DEADLINE, KH_WHEN_WITHIN, KH_WHEN_ON, KH_WHEN_FROM, KH_WHEN_RELATIVE,
	KH_WHEN_RECURRENCE, KH_WHEN_TBA,
	KH_WHEN_SPAN              /* "từ 01/10 đến 17/11/2025": start = the first
	                             date's first day, end = the second's last;
	                             precision is the second date's */
} kh_when_type;

typedef enum kh_precision {
	KH_PREC_NONE, KH_PREC_DAY, KH_PREC_DECADE, KH_PREC_MONTH, KH_PREC_QUARTER,
	KH_PREC_YEAR, KH_PREC_YEAR_END
} kh_precision;

typedef enum kh_recurrence {
	KH_RECUR_NONE, KH_RECUR_CONTINUOUS, KH_RECUR_MONTHLY, KH_RECUR_YEARLY, KH_RECUR_PERIODIC
} kh_recurrence;

typedef enum kh_anchor_kind {
	KH_ANCHOR_NONE, KH_ANCHOR_TASK, KH_ANCHOR_MEETING, KH_ANCHOR_EVENT
} kh_anchor_kind;

/* Laid out in 72 bytes (the collector's 80 with its byte; 96 took 112):
 * a plan has a deadline or more a task. */
typedef struct kh_when {
	kh_day start, end;
	const char *anchor;       /* id of the task or event, for RELATIVE */
	const void *anchor_decl;  /* its kh_task, kh_meeting or kh_event */
	const char *anchor_label; /* how it reads: the meeting's name, the event's
	                             words, "nhiệm vụ <id>" for a task */
	const char *text;         /* as written */
	int32_t offset;           /* days (or working days) from the anchor; 0 = none
	                             (past KH_MAX_OFFSET_DAYS: an error, INT32_MAX when
	                             it does not fit) */
	kh_span span;
	kh_precision precision;
	kh_when_type type : 8;
	kh_recurrence recurrence : 8;
	kh_anchor_kind anchor_kind : 8;
	bool dated : 1;           /* start/end hold a real window */
	bool planned : 1;         /* dự kiến */
	bool anchor_before : 1;   /* "trước X" rather than "sau X" */
	bool working_days : 1;
	bool derived : 1;         /* RELATIVE with an offset whose anchor is dated:
	                             start/end computed by the resolver, once, and
	                             read by every command */
	unsigned derive_state : 2; /* the resolver's: 0 not yet, 1 under way, 2 done */
} kh_when;
_Static_assert(sizeof(kh_when) == 72, "kh_when: 72 bytes, 80 in the collector");

typedef struct kh_event {
	const char *id, *text;
	kh_span span;
	bool planned;
	kh_vec when;              /* kh_when* */
	int order;
} kh_event;

/* 'không_cần': the tasks whose reports a task or meeting does not use,
 * said where the checker would infer otherwise, and why. */
typedef struct kh_independence {
	kh_vec tasks;             /* kh_task* */
	const char *reason;
} kh_independence;

/* 168 bytes (the collector's 176 with its byte; 184 took 192): the rare
 * 'không_cần' in a block of its own. */
typedef struct kh_task {
	const char *id, *text, *note;
	kh_span span;
	kh_vec owners, cooperate, send_to, via;  /* kh_ref* */
	kh_vec due;               /* kh_when* */
	kh_vec after;             /* kh_task* */
	kh_independence *independent; /* NULL: none said */
	kh_vec description;       /* const char*: extra paragraphs */
	int order;
	int index;                /* its place in its plan's tasks; -1 outside a plan */
} kh_task;
_Static_assert(sizeof(kh_task) == 168, "kh_task: 168 bytes, 176 in the collector");

typedef enum kh_group_kind {
	KH_GROUP_ATTEND, KH_GROUP_GUEST, KH_GROUP_EACH, KH_GROUP_GROUP, KH_GROUP_TEXT
} kh_group_kind;

typedef struct kh_exception {
	kh_ref *ref;
	long count;
} kh_exception;

typedef struct kh_group {
	kh_group_kind kind;
	kh_span span;
	kh_level *at_level;       /* from "thành_phần cấp X { … }" */
	kh_vec refs;              /* kh_ref* */
	const char *text;
	kh_ref *per;              /* EACH: the level (or body) counted per unit */
	long count;
	kh_vec exceptions;        /* kh_exception* */
	kh_vec groups;            /* kh_group*, nested (GROUP) */
} kh_group;

typedef struct kh_leveled_ref {
	kh_level *level;          /* NULL: every level of the meeting */
	kh_ref *ref;
} kh_leveled_ref;

typedef struct kh_leveled_when {
	kh_level *level;
	kh_vec when;              /* kh_when* */
	kh_span span;
} kh_leveled_when;

typedef struct kh_meeting {
	const char *id, *name, *note;
	kh_span span;
	kh_vec levels;            /* kh_level* */
	kh_ref *organiser;
	kh_vec chairs;            /* kh_leveled_ref* */
	long duration;            /* half-days; -1 when not given */
	kh_span duration_span;
	kh_vec when;              /* kh_leveled_when* */
	bool online;
	kh_vec attendees;         /* kh_group* */
	kh_independence *independent; /* NULL: none said */
	int order;
} kh_meeting;

typedef enum kh_target { KH_TARGET_COLLECTIVE = 1, KH_TARGET_INDIVIDUAL = 2 } kh_target;

typedef struct kh_award_target {
	int who;                  /* kh_target bits */
	const char *text;
	kh_span span;
} kh_award_target;

/* A nominee's attribute (thuộc_tính): a column of the nominee file. */
typedef enum kh_attr_type {
	KH_ATTR_TEXT, KH_ATTR_NUMBER, KH_ATTR_DATE, KH_ATTR_YESNO, KH_ATTR_LIST,
	KH_ATTR_YEARLY, KH_ATTR_AWARDS
} kh_attr_type;

typedef struct kh_award_attr {
	const char *id, *header;  /* the column's header as the spreadsheet has it */
	kh_attr_type type;
	bool key;                 /* 'khóa': unique per nominee */
	kh_span span;
} kh_award_attr;

/* A criterion's expression, typed by the resolver (resolve_criteria.c). */
typedef enum kh_cexpr_kind {
	KH_CE_OR, KH_CE_AND, KH_CE_NOT, KH_CE_CMP, KH_CE_IN, KH_CE_RANGE, KH_CE_CONSEC,
	KH_CE_ATLEAST, KH_CE_NOT_AWARDED, KH_CE_ATTR, KH_CE_NUMBER, KH_CE_DATE, KH_CE_TEXT,
	KH_CE_LIST, KH_CE_YESNO   /* 'có' / 'không_có': number 1 or 0 */
} kh_cexpr_kind;

/* The type of a value: an attribute's, or KH_VAL_BOOL for a condition. */
typedef enum kh_val_type {
	KH_VAL_BOOL = 100, KH_VAL_NUMBER, KH_VAL_DATE, KH_VAL_TEXT, KH_VAL_LIST, KH_VAL_YEARLY,
	KH_VAL_AWARDS, KH_VAL_BAD
} kh_val_type;

typedef struct kh_cexpr kh_cexpr;
struct kh_cexpr {
	kh_cexpr_kind kind;
	kh_val_type type;
	int op;                   /* CMP and counts: KH_CMP_* (ast.h); 0 for a list test */
	const kh_award_attr *attr; /* ATTR, counts, NOT_AWARDED (the awards attribute) */
	double number;            /* NUMBER; counts: how many */
	long years;               /* counts: over how many years; NOT_AWARDED too */
	long until;               /* counts, NOT_AWARDED: the last year (resolved) */
	kh_day date;              /* DATE */
	const char *text;         /* TEXT; NOT_AWARDED: the class searched */
	const char *folded;       /* TEXT, NOT_AWARDED: text case-folded as names are */
	kh_vec kids;              /* kh_cexpr* */
	kh_span span;
};

typedef struct kh_crit_rule {
	const char *text;         /* as printed */
	kh_cexpr *expr;
	const char *unless_text;  /* 'trừ_khi': an exception that waives it; may be NULL */
	kh_cexpr *unless;
	bool exclude;             /* 'loại_trừ': true rejects the nominee */
	kh_span span;             /* a statutory rule's is in the stdlib */
	const char *citation;     /* a statutory rule's article, else NULL */
} kh_crit_rule;

typedef struct kh_rank_key {
	const kh_award_attr *attr;
	bool descending;
	kh_span span;
} kh_rank_key;

typedef struct kh_quota_except {
	const char *value;
	long quota;
	kh_span span;
} kh_quota_except;

typedef struct kh_award_form {
	const char *id, *name, *class_name, *criteria, *note;
	kh_vec rules;             /* kh_crit_rule*: tiêu_chuẩn { điều … loại_trừ … } */
	bool criteria_by_law;     /* tiêu_chuẩn theo_luật: rules are the law's */
	kh_span by_law_span;
	const kh_award_right *law; /* its class's entry with statutory
	                              criteria (matched as award-authority
	                              matches), or NULL */
	kh_vec law_rules;         /* kh_crit_rule*: those criteria as they
	                             apply to this plan (its attributes of the
	                             same ids, its years); with theo_luật they
	                             are also the first of 'rules' */
	kh_vec rank;              /* kh_rank_key*: xếp_hạng */
	const kh_award_attr *quota_each; /* số_lượng mỗi ATTR N */
	long quota_each_n;
	kh_vec quota_each_except; /* kh_quota_except* */
	kh_span span;
	kh_ref *granted_by;
	int who;                  /* kh_target bits; 0 = not said */
	bool criteria_tba;
	long quota;               /* -1 when not given */
	long quota_collective, quota_individual; /* per kind of target; -1: not given */
	int order;
} kh_award_form;

typedef struct kh_budget_line {
	const char *text;
	kh_ref *paid_by;          /* may be NULL */
	kh_span span;
} kh_budget_line;

typedef struct kh_recipient {
	kh_vec refs;              /* kh_ref* */
	const char *purpose;
	kh_span span;
} kh_recipient;

typedef enum kh_item_kind {
	KH_ITEM_PART, KH_ITEM_SECTION, KH_ITEM_PARAGRAPH, KH_ITEM_BULLET, KH_ITEM_SUBBULLET,
	KH_ITEM_LINE, KH_ITEM_PURPOSE, KH_ITEM_REQUIREMENT, KH_ITEM_CONTENT, KH_ITEM_TASK,
	KH_ITEM_MEETING, KH_ITEM_AWARDS, KH_ITEM_BUDGET, KH_ITEM_RECIPIENTS, KH_ITEM_SIGNATURE,
	KH_ITEM_OUTLINE, KH_ITEM_AWARD_TARGET, KH_ITEM_AWARD_FORM, KH_ITEM_BUDGET_LINE,
	KH_ITEM_AWARD_CRITERIA    /* tiêu_chuẩn: where the criteria stand (text) */
} kh_item_kind;

/* The document's structure in source order: what the renderer walks. */
/* 56 bytes, so that with the collector's extra byte it takes 64. */
typedef struct kh_item {
	const char *text;         /* heading or prose */
	const char *ref_id;       /* TASK, MEETING, OUTLINE, AWARD_FORM: the item's id */
	const void *decl;         /* and its kh_task, kh_meeting, kh_outline or
	                             kh_award_form (NULL for a duplicate id) */
	kh_vec items;             /* kh_item*: PART, SECTION, AWARDS, BUDGET */
	kh_span span;
	kh_item_kind kind;
} kh_item;

typedef struct kh_outline {
	const char *id, *name, *title, *attached_to;
	kh_span span;
	kh_vec lines;             /* const char*: header lines of a template */
	kh_vec items;             /* kh_item* */
	int order;
} kh_outline;

/*
 * How a line of the signing block signs (NĐ 30/2020 Art. 13, Phụ lục I
 * II.7; HD 36-HD/VPTW 1.7). The values are those of the SIGNFORM keywords
 * (keywords.def): ký_thay 1, thừa_lệnh 2, thừa_ủy_quyền 3, quyền 4.
 */
typedef enum kh_sign_kind {
	KH_SIGN_ON_BEHALF,        /* TM. / T/M: for a collective body */
	KH_SIGN_IN_PLACE,         /* KT. / K/T: a deputy signs for the head */
	KH_SIGN_BY_ORDER,         /* TL. / T/L: thừa lệnh */
	KH_SIGN_BY_AUTHORITY,     /* TUQ. / T/UQ: thừa ủy quyền */
	KH_SIGN_ACTING            /* Q.: the acting head; the line is the position */
} kh_sign_kind;

/* One line above the signer's position: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ
 * TỊCH". Writers print "<form> <text>" (the form alone when TEXT is ""). */
typedef struct kh_sign_line {
	kh_sign_kind kind;
	const char *form;         /* as printed: as written ("T/M", "TM."), else
	                             the family's spelling of KIND */
	bool form_written;        /* the plan writes the form */
	const char *text;         /* in capitals, as printed: as written after
	                             the form, else the signing name of BODY
	                             ("BAN THƯỜNG VỤ"); "" when neither */
	kh_body *body;            /* the body or title it names; NULL: none */
	kh_span span;
} kh_sign_line;

typedef struct kh_signature {
	kh_vec lines;             /* kh_sign_line*, top to bottom */
	const char *position;     /* the signer's position as written, printed in
	                             capitals under the lines ("PHÓ CHỦ TỊCH") */
	const char *name, *note;
	bool signed_mark;         /* đã_ký: the copy says "Đã ký" */
	kh_span span;
	/* The first line's form and body: for readers of one line (JSON's
	 * "form" and "on_behalf_of"). Writers print every line. */
	const char *form;
	kh_body *on_behalf;
} kh_signature;

/* The first word of TEXT as a signing form ("T/M", "KT.", "tuq."): its
 * kind, its length in bytes in *LEN, and in *FAMILY the family its
 * punctuation belongs to (a slash: Party; a final dot: state; none:
 * NONE). -1 when TEXT does not start with one. */
int kh_sign_form_read(const char *text, size_t *len, kh_system *family);
/* The spelling of KIND in FAMILY: "T/M" (Party), "TM." (state, and NONE). */
const char *kh_sign_form_spelling(kh_sign_kind kind, kh_system family);
/* B is a collective body (tập_thể), itself or through what it is (là). */
bool kh_body_collective(const kh_body *b);
/* The name B signs with ("T/M BAN THƯỜNG VỤ"): its short name under its
 * parent, or the generic body it is ("Ủy ban nhân dân tỉnh" là "Ủy ban
 * nhân dân"); else its name. */
const char *kh_body_signing_name(const kh_body *b);
/* The short name of B under SUPERIOR, as the header's second line and the
 * signature write it: "Ban Thường vụ Tỉnh ủy" under "Tỉnh ủy" is "Ban
 * Thường vụ"; B's name when it does not end with the superior's. */
const char *kh_body_short_name(const kh_body *b, const kh_body *superior);
/* The head a deputy's POSITION signs for, in capitals: "Phó Chủ tịch" ->
 * "CHỦ TỊCH"; NULL when it is not a deputy's (Phó …). */
const char *kh_position_head(const char *position);

/* The header block as every writer prints it, made once by the resolver
 * (resolve_forms.c). */
typedef struct kh_plan_header {
	kh_system system;         /* the family the document follows (never
	                             NONE): its issuer's, else as its number or a
	                             signing form is written, else the state */
	const char *superior;     /* the line above the issuer, in capitals:
	                             "ĐẢNG BỘ TỈNH HÀ TĨNH", "ỦY BAN NHÂN DÂN
	                             TỈNH THÁI BÌNH"; NULL: none */
	bool superior_written;    /* from cơ_quan_chủ_quản (an empty one
	                             removes the line), not inferred */
	const char *issuer;       /* the issuing line (bold), in capitals:
	                             "HUYỆN ỦY HƯƠNG KHÊ"; "…" when unknown */
	const char *kind_heading; /* the kind above the title ("KẾ HOẠCH");
	                             NULL for a letter (công văn), which has none */
	const char *summary;      /* a letter's trích yếu, printed under its
	                             number: "V/v …"; NULL for other kinds, whose
	                             title stands under the heading */
} kh_plan_header;

/* How long the plan runs, for its recurring duties (resolve_period.c). */
typedef struct kh_plan_period {
	bool has_title;           /* its title names where it ends: "giai đoạn
	                             2021 - 2025", "đến năm 2025" */
	kh_day title_end;         /* 31/12 of that last year */
	const char *title_text;   /* "giai đoạn 2021–2025", "đến năm 2025" */
	bool has_last;            /* it has a dated deadline, window or meeting */
	kh_day last;              /* the latest of them (a "từ" window: its start) */
} kh_plan_period;

typedef struct kh_plan {
	kh_doc_kind kind;
	const char *number, *place, *title, *preamble, *closing;
	kh_span span;
	kh_body *issuer;
	bool has_date;
	kh_day date;
	kh_vec implements, basis;  /* kh_document* */
	kh_vec purposes, requirements, contents; /* const char* */
	kh_vec items;              /* kh_item*: the body in order */
	kh_vec tasks;              /* kh_task* */
	kh_vec meetings;           /* kh_meeting* */
	bool has_awards;
	kh_vec award_targets;      /* kh_award_target* */
	kh_vec award_forms;        /* kh_award_form* */
	kh_vec award_attrs;        /* kh_award_attr*: thuộc_tính */
	/* The attribute that says whether a nominee is a tập thể or a cá
	 * nhân: a text one a criterion compares with those words; NULL when
	 * none does (the screening then looks at the cells). */
	const kh_award_attr *award_kind_attr;
	const char *award_criteria;
	bool award_criteria_tba;
	kh_vec budget;             /* kh_budget_line* */
	bool has_recipients;
	kh_vec recipients;         /* kh_recipient* */
	kh_recipient *archive;     /* refs or purpose (text); NULL: no archive line */
	bool has_addressees;
	kh_vec addressees;         /* kh_recipient*: kính_gửi, a letter's
	                              addressees (they receive it, as recipients do) */
	kh_signature *signature;
	kh_plan_header header;
	bool closing_mark;         /* the content ends with "./." (NĐ 30/2020):
	                              its last paragraph, as written, does */
	kh_vec outlines;           /* kh_outline* */
	kh_plan_period period;
} kh_plan;

/* T's place in P's tasks (kh_task.index), or -1 when T is none of them
 * (a task declared outside the plan). */
long kh_plan_task_place(const kh_plan *p, const kh_task *t);

/* Everything a run knows: the plan (NULL when the file has none) and the
 * declarations of the file and all it imports, in declaration order. */
struct kh_map;

typedef struct kh_program {
	const char *path;
	kh_source *main;
	kh_plan *plan;
	kh_vec levels, bodies, documents, events; /* all files */
	kh_vec kind_rules;         /* kh_kind_rule* */
	kh_vec award_rights;       /* kh_award_right* */
	kh_vec award_attrs;        /* kh_award_attr*: thuộc_tính outside a plan
	                              (stdlib vn/award_criteria), shared by all */
	kh_vec holidays;           /* kh_holiday* */
	kh_vec imports;            /* const char*: resolved paths, load order */
	struct kh_calendar *calendar; /* working days, built once by the resolver */
	struct kh_map *literals;   /* the main file's strings by their text: where each
	                              was written (literal.h); the scanner's, kept with
	                              the program, not its source, so a folder's sources
	                              do not keep every plan's strings */
} kh_program;

#endif

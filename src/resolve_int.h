/*
 * resolve_int.h - the resolver's state and the helpers its files share (resolve.c: names
 * and declarations; resolve_load.c: files and imports; resolve_when.c:
 * dates; resolve_plan.c: the plan; resolve_data.c: the stdlib's data).
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_RESOLVE_INT_H
#define KH_RESOLVE_INT_H

#include "alloc.h"
#include "ast.h"
#include "names.h"
#include "parse.h"
#include "parser.h"
#include "resolve.h"

/* ------------------------------------------------------------------ */
/* Loading files and imports                                          */

/* Imports nested deeper than this, or more files than this in all, are an
 * error: the loader recurses once per level, and a plan needs a handful. */
#define KH_MAX_IMPORT_DEPTH 64
#define KH_MAX_IMPORTS 4096

/* "N ngày (làm việc) sau X": offsets beyond ten years are no plan's. */
#define KH_MAX_OFFSET_DAYS 3660

typedef struct loaded_file {
	const char *real;        /* realpath */
	kh_source *src;
	kh_node *root;
	int state;               /* 1 = loading (on the import stack), 2 = done */
	bool in_stdlib;          /* reached as a stdlib module (or from one) */
} loaded_file;

/* The fields of one block that hold one value (SINGLE: keyword tokens, 0
 * at the end), and those given so far. */
typedef struct rs_once {
	const int *single;
	unsigned n;
	int key[16];
	kh_node *at[16];
} rs_once;

typedef struct resolver {
	const kh_resolve_opts *opts;
	kh_diags *diags;
	kh_program *prog;
	kh_scope scope;
	kh_vec files;            /* loaded_file*, in load (post) order when done */
	kh_vec stack;            /* loaded_file* being loaded */
	const char *main_dir;    /* realpath of the main file's folder */
	bool next_in_stdlib;     /* the file being loaded is a stdlib module's */
	const struct kh_embedded_file *next_embedded; /* and is absent: this copy stands for it */
	const char *stdlib_real;
	kh_plan *plan;
	rs_once plan_fields;     /* the plan's header fields given so far */
	rs_once award_fields;    /* and those of khen_thưởng (its criteria) */
	int plan_year;           /* for "cuối năm" without a year; 0 = unknown */
	/* The time vocabulary (stdlib vn/time, a plan may refine it): the
	 * days of thượng/trung/hạ tuần (31 = to the month's end) and the
	 * window "cuối năm" stands for, as month/day pairs. */
	int decade_from[3], decade_to[3];
	int year_end_from[2], year_end_to[2];
	const char *bytes;       /* the main file's text, when given in memory */
	size_t nbytes;
	int order;
	unsigned guesses;        /* keyword guesses made (each reads the whole table) */
	kh_node *node_pool;      /* spared nodes to unpack the next task into (ast_pack.h) */
} resolver;

const char *rs_span_text(kh_span sp);
char *rs_dir_of(const char *path);
kh_symbol *rs_lookup(resolver *r, kh_span span, const char *id, unsigned kinds, const char *what);
kh_level *rs_lookup_level(resolver *r, kh_span span, const char *id);
kh_body *rs_lookup_body(resolver *r, kh_span span, const char *id);
/* WHERE, translated, completes "'%s' cannot stand %s": "in a task (use …)". */
void rs_misplaced(resolver *r, kh_node *n, const char *where);
/* True when A gives again a single-valued field (KEY: A's keyword token,
 * or the one it stands for) of the block ONCE follows: A is then reported,
 * with a note at the first, and the caller keeps the first value. WHERE
 * names the block, translated ("in the plan"). */
bool rs_repeated(resolver *r, rs_once *once, int key, kh_node *a, const char *where);
kh_ref *rs_resolve_ref(resolver *r, kh_node *n, unsigned extra_kinds);
size_t rs_count(const kh_node *first);
void rs_resolve_refs(resolver *r, kh_node *first, kh_vec *out, unsigned extra_kinds);
kh_node *rs_only_string(kh_node *a);
const char *rs_real_path(const char *path);
/* The same for a path in the stdlib folder, found once per process. */
const char *rs_stdlib_real_path(const char *path);
/* The real path text in memory named PATH stands at (resolve_load.c). */
const char *rs_bytes_real_path(const char *path);
void rs_load_import(resolver *r, loaded_file *from, kh_node *imp);
loaded_file *rs_load_file(resolver *r, const char *path, const char *real, int *io_error);
int rs_resolve_date(resolver *r, kh_node *d, kh_day *start, kh_day *end, kh_precision *prec);
void rs_resolve_when_list(resolver *r, kh_node *first, kh_vec *out);
void rs_resolve_period(resolver *r, kh_node *n);
void rs_default_periods(resolver *r);
void rs_resolve_plan(resolver *r, kh_node *pn);
/* resolve_forms.c: the signing block (ký { … }); then, once the plan's
 * statements are read, its family, header lines and closing mark. */
void rs_resolve_signature(resolver *r, kh_node *n);
void rs_resolve_forms(resolver *r);
void rs_resolve_kind_rule(resolver *r, kh_node *n);
void rs_resolve_award_right(resolver *r, kh_node *n);
/* Award criteria (resolve_criteria.c): attributes, a form's tiêu_chuẩn
 * block, xếp_hạng, số_lượng mỗi; then the default last year of counts. */
void rs_resolve_attribute(resolver *r, kh_node *n, kh_vec *into);
void rs_resolve_criteria(resolver *r, kh_node *n, kh_award_form *f);
/* A quyền_khen's tiêu_chuẩn, over the shared attributes. */
const char *rs_attr_type_name(kh_attr_type t);
void rs_resolve_law_criteria(resolver *r, kh_node *n, kh_vec *rules);
/* resolve_law.c: each form's statutory criteria (its class's entry), and
 * theo_luật's rules; before rs_criteria_years. */
void rs_criteria_by_law(resolver *r);
void rs_resolve_rank(resolver *r, kh_node *n, kh_award_form *f);
void rs_resolve_quota_each(resolver *r, kh_node *n, kh_award_form *f);
void rs_criteria_years(resolver *r);
void rs_resolve_holiday(resolver *r, kh_node *n);
/* Dates relative deadlines from their anchors and builds the calendar. */
void rs_date_relative(resolver *r);
/* resolve_period.c: how long the plan runs (after every date is known). */
void rs_plan_period(resolver *r);
/* What each body is to its parent, where the declaration does not say
 * (resolve_organs.c); after every declaration is resolved. */
/* thuộc loops cut, and more than KH_MAX_ANCESTORS reported (before the
 * walks along those links). */
void rs_check_ancestry(resolver *r);
void rs_infer_standings(resolver *r);

/* resolve_graph.c: each level's depth below the top (a loop of dưới
 * reported and cut); cycles of "sau" among the plan's tasks. */
void rs_compute_depths(resolver *r);
void rs_find_dependency_cycles(resolver *r);

#endif

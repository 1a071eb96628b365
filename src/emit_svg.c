/*
 * emit_svg.c - the timeline as a standalone SVG 1.1 chart (kehoach
 * schedule --svg): a date axis from the issue date (or the first marker)
 * to the last dated entry with month ticks ("8/2019"; a window that starts
 * earlier, such as a whole year, is cut at the axis with a notch rather
 * than stretching it), one swim lane per level of the
 * hierarchy, top level first (trung ương, tỉnh, huyện, xã, cơ sở, chi bộ),
 * then one lane for owners without a level; deadlines as diamonds,
 * meetings as circles, a window as a bar with the marker at its end, a
 * "từ …" start as a marker with an arrow to the end of the axis; planned
 * (dự kiến) and to-be-announced items hollow and dashed; the issue date
 * as a vertical line; recurring and undated duties listed in a box below
 * the axis; a legend of the markers.
 *
 * Layout. The canvas is W wide; the height follows from the lanes. Text
 * widths are estimated from the characters (no font metrics), generously,
 * and every label is shortened with "…" to the room it has, so no label
 * runs off the canvas. A label sits right of its marker, or left of it
 * when the right side has no room; the items of a lane are put in rows
 * greedily so that no two labels (or bars) overlap: items on the same day
 * stack. A level's lane appears only when it holds a dated entry; an
 * entry without a level goes to the lane of its first owner's level.
 *
 * Output is deterministic: no clock, no randomness, ties broken by the
 * timeline's order, numbers written by hand with '.' and at most one
 * decimal, whatever the locale.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "emit.h"
#include "svg_parts.h"
#include "timeline.h"

/* Renders ENTRIES (kh_tl_entry*, already filtered and in timeline order)
 * for PROG; FOR_BODY only names the filter in the heading. Exposed for the
 * unit tests, which build entries by hand. */
int kh_svg_render(const kh_program *prog, const kh_body *for_body, const kh_vec *entries,
		  kh_buf *out);

/* ------------------------------------------------------------------ */
/* Geometry                                                           */

#define W 1200.0                 /* canvas width */
#define MARGIN 16.0
#define LANE_X0 MARGIN           /* lane headers from here … */
#define AXIS_X0 204.0            /* … to here, where the axis starts */
#define AXIS_X1 (W - 28.0)
#define RIGHT_LIMIT (W - 6.0)    /* labels may run into the right margin */
#define ROW_H 22.0
#define LANE_PAD 7.0
#define FS 11.0                  /* label font size */
#define FS_SMALL 9.5
#define FS_LANE 12.0
#define LABEL_MAX_W 330.0        /* a label is at most this wide */

#define FONT "DejaVu Sans, Noto Sans, Arial, Helvetica, sans-serif"
#define C_TEXT "#222222"
#define C_MUTED "#5f6368"
#define C_GRID "#d9dde3"
#define C_LANE_A "#f5f7fa"
#define C_LANE_B "#ffffff"
#define C_DEADLINE "#c0392b"
#define C_MEETING "#1f63b5"
#define C_ISSUE "#2e7d32"

/* ------------------------------------------------------------------ */
/* Model                                                              */

typedef struct item {
	const kh_tl_entry *e;
	size_t seq;               /* timeline order */
	int lane;
	kh_day d0, d1;            /* window (d0 == d1: a day) */
	bool window, from, clipped, meeting, tentative;
	double x0, x1, xm;        /* bar start and end, marker */
	const char *label;
	double lw, lx;            /* label width, anchor */
	bool label_left;
	bool label_ground;        /* a white ground under the label (over a bar) */
	double ext0, ext1;        /* the horizontal room the item takes */
	int row;
} item;

typedef struct lane {
	const kh_level *level;    /* NULL: owners without a level */
	int rows;
	double top, height;
} lane;

typedef struct chart {
	const kh_program *prog;
	const kh_plan *plan;
	const kh_body *for_body;
	item *items;
	size_t nitems;
	lane *lanes;
	size_t nlanes;
	kh_vec undated;           /* kh_tl_entry* */
	kh_day lo, hi;            /* the axis, inclusive */
	double ppd;               /* pixels per day */
	double header_h, lanes_top, axis_y, box_top, box_h, legend_top, legend_h, h;
	unsigned used;            /* bit (1u << legend kind): drawn somewhere */
} chart;

static double day_x(const chart *c, kh_day d)
{
	return AXIS_X0 + ((double)(d - c->lo) + 0.5) * c->ppd;
}

/* The left edge of day D's cell (month boundaries). */
static double day_edge(const chart *c, kh_day d)
{
	return AXIS_X0 + (double)(d - c->lo) * c->ppd;
}

/* The lane of E: its level, else the level of its first owner that has one. */
static const kh_level *entry_level(const kh_tl_entry *e)
{
	if (e->level)
		return e->level;
	for (size_t i = 0; i < e->owners.n; i++) {
		const kh_ref *r = KH_VEC_AT(e->owners, kh_ref, i);
		if (r->kind == KH_REF_LEVEL && r->level)
			return r->level;
		if (r->kind == KH_REF_BODY && kh_body_level(r->body))
			return kh_body_level(r->body);
	}
	if (e->meeting && e->meeting->levels.n == 1)
		return KH_VEC_AT(e->meeting->levels, kh_level, 0);
	return NULL;
}

static bool is_dated_entry(const kh_tl_entry *e)
{
	return (e->kind == KH_TL_DEADLINE || e->kind == KH_TL_MEETING) && e->when && e->when->dated;
}

/* Planned, or its exact day to be announced. */
static bool is_tentative(const kh_tl_entry *e)
{
	if (!e->when)
		return false;
	if (e->when->planned)
		return true;
	const char *l = kh_when_label(e->when);
	return strstr(l, "thông báo sau") != NULL;
}

static int level_cmp(const kh_level *a, const kh_level *b)
{
	if (a == b)
		return 0;
	if (!a || !b)
		return a ? -1 : 1;    /* the lane without a level goes last */
	if (a->depth != b->depth)
		return a->depth < b->depth ? -1 : 1;
	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	return strcmp(a->id ? a->id : "", b->id ? b->id : "");
}

static int lane_cmp(const void *pa, const void *pb)
{
	const lane *a = pa, *b = pb;
	return level_cmp(a->level, b->level);
}

/* Lanes first, then by marker, then the timeline's order (so items on
 * the same day stack in that order). */
static int item_cmp(const void *pa, const void *pb)
{
	const item *a = pa, *b = pb;
	if (a->lane != b->lane)
		return a->lane < b->lane ? -1 : 1;
	if (a->xm != b->xm)
		return a->xm < b->xm ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* The short text of an entry: the first words of what it says, or its id. */
static const char *entry_text(const kh_tl_entry *e)
{
	const char *t = kh_svg_squash(e->what);
	if (!*t)
		t = e->item_id ? e->item_id : "";
	if (!*t)
		t = e->uid ? e->uid : "?";
	return t;
}

static void place_label(item *it)
{
	const kh_tl_entry *e = it->e;
	const char *date = it->from ? kh_printf("từ %s", kh_svg_day_month(it->d0)) : kh_svg_day_month(it->d1);
	const char *full = kh_printf("%s %s", date, entry_text(e));
	double right_x = (it->from ? it->xm : it->x1) + KH_SVG_MARK + 4;
	double left_x = it->xm - KH_SVG_MARK - 4;
	if (it->window && it->x0 - 4 < left_x)
		left_x = it->x0 - 4;
	double want = kh_svg_text_w(kh_svg_fit(full, FS, LABEL_MAX_W), FS);
	double room_r = RIGHT_LIMIT - right_x;
	/* A bar cut at the axis start: the label may go left of the marker,
	 * over the bar (on a white ground), leaving the bar's start in view. */
	if (it->clipped && it->window)
		left_x = it->xm - KH_SVG_MARK - 4;
	double room_l = left_x - AXIS_X0 - (it->clipped ? 24 : 0);
	bool left = !(want <= room_r) && (want <= room_l || room_l > room_r);
	double room = left ? room_l : room_r;
	if (room > LABEL_MAX_W)
		room = LABEL_MAX_W;
	if (room < 0)
		room = 0;
	it->label_left = left;
	it->lx = left ? left_x : right_x;
	it->label = kh_svg_fit(full, FS, room);
	it->lw = kh_svg_text_w(it->label, FS);
	it->label_ground = left && it->window && it->lx > it->x0;
	double m0 = (it->window ? it->x0 : it->xm) - KH_SVG_MARK - 1;
	double m1 = (it->from ? AXIS_X1 : it->x1) + KH_SVG_MARK + 1;
	if (it->label_left) {
		it->ext0 = it->lx - it->lw;
		it->ext1 = m1;
	} else {
		it->ext0 = m0;
		it->ext1 = it->from ? (it->lx + it->lw > m1 ? it->lx + it->lw : m1) : it->lx + it->lw;
	}
	if (it->ext0 > m0)
		it->ext0 = m0;
}

/* ------------------------------------------------------------------ */
/* Building the chart                                                 */

static void build(chart *c, const kh_vec *entries)
{
	const kh_plan *p = c->plan;
	size_t n = entries ? entries->n : 0;
	c->items = KH_NEW_N(item, n ? n : 1);
	for (size_t i = 0; i < n; i++) {
		const kh_tl_entry *e = KH_VEC_AT(*entries, kh_tl_entry, i);
		if (!e)
			continue;
		if (!is_dated_entry(e)) {
			kh_vec_push(&c->undated, (void *)e);
			continue;
		}
		item *it = &c->items[c->nitems++];
		it->e = e;
		it->seq = i;
		it->meeting = e->kind == KH_TL_MEETING;
		it->tentative = is_tentative(e);
		it->from = e->when->type == KH_WHEN_FROM;
		it->d0 = e->when->start;
		it->d1 = e->when->end < e->when->start ? e->when->start : e->when->end;
		if (it->from)
			it->d1 = it->d0;
		it->window = it->d1 > it->d0;
	}
	if (!c->nitems)
		return;

	/* The axis: from the issue date (or the first marker) to the last
	 * marker. A window that starts earlier (a whole year "trong năm 2023")
	 * is cut at the start of the axis rather than stretching it. */
	kh_day lo = 0, hi = 0;
	for (size_t i = 0; i < c->nitems; i++) {
		const item *it = &c->items[i];
		kh_day mark = it->from ? it->d0 : it->d1;
		if (i == 0 || mark < lo)
			lo = mark;
		if (i == 0 || mark > hi)
			hi = mark;
	}
	if (p && p->has_date) {
		if (p->date < lo)
			lo = p->date;
		if (p->date > hi)
			hi = p->date;
	}
	kh_day span = hi - lo;
	kh_day pad = 2 + span / 30;
	if (span < 14)
		pad = (21 - span) / 2;
	/* Within the years dates can have (1..9999). */
	kh_day day1 = kh_date_make(KH_YEAR_MIN, 1, 1), day_n = kh_date_make(KH_YEAR_MAX, 12, 31);
	c->lo = lo - pad < day1 ? (lo < day1 ? lo : day1) : lo - pad;
	c->hi = hi + pad > day_n ? (hi > day_n ? hi : day_n) : hi + pad;
	c->ppd = (AXIS_X1 - AXIS_X0) / (double)(c->hi - c->lo + 1);

	/* Lanes in the order of the hierarchy. */
	c->lanes = KH_NEW_N(lane, c->nitems + 1);
	for (size_t i = 0; i < c->nitems; i++) {
		const kh_level *l = entry_level(c->items[i].e);
		size_t k = 0;
		while (k < c->nlanes && c->lanes[k].level != l)
			k++;
		if (k == c->nlanes)
			c->lanes[c->nlanes++].level = l;
	}
	qsort(c->lanes, c->nlanes, sizeof *c->lanes, lane_cmp);

	for (size_t i = 0; i < c->nitems; i++) {
		item *it = &c->items[i];
		const kh_level *l = entry_level(it->e);
		for (size_t k = 0; k < c->nlanes; k++)
			if (c->lanes[k].level == l)
				it->lane = (int)k;
		it->clipped = it->d0 < c->lo;
		it->x0 = day_x(c, it->clipped ? c->lo : it->d0);
		if (it->clipped)
			it->x0 = AXIS_X0;
		it->x1 = day_x(c, it->d1);
		it->xm = it->from ? it->x0 : it->x1;
		place_label(it);
		c->used |= 1u << (it->meeting ? 2 : 0);
		if (it->window)
			c->used |= 1u << 1;
		if (it->tentative)
			c->used |= 1u << 3;
		if (it->from)
			c->used |= 1u << 5;
	}
	if (p && p->has_date)
		c->used |= 1u << 4;
	qsort(c->items, c->nitems, sizeof *c->items, item_cmp);

	/* Rows: each item in the first row of its lane where it overlaps
	 * nothing placed before it. Items come sorted by marker and every
	 * item's room contains its marker, so an earlier item overlaps a later
	 * one exactly when it ends after the later one starts: keeping each
	 * row's right end is enough (with a 6 px gap), and a lane of
	 * n items costs n × rows, not n². */
	double *row_end = KH_NEW_N(double, c->nitems ? c->nitems : 1);
	size_t i = 0;
	while (i < c->nitems) {
		int ln = c->items[i].lane;
		int rows = 0;
		for (; i < c->nitems && c->items[i].lane == ln; i++) {
			item *it = &c->items[i];
			int r = 0;
			while (r < rows && row_end[r] + 6 > it->ext0)
				r++;
			it->row = r;
			if (r == rows)
				rows++;
			row_end[r] = it->ext1;
		}
		c->lanes[ln].rows = rows;
	}
}

/* The legend entries, wrapped into lines of the canvas width. */
typedef struct legend_entry {
	int kind;                 /* 0 diamond, 1 bar, 2 circle, 3 hollow, 4 issue, 5 from */
	const char *text;
} legend_entry;

static const legend_entry LEGEND[] = {
	{ 0, "hạn hoàn thành (nhiệm vụ)" },
	{ 1, "trong khoảng thời gian: hạn ở cuối thanh" },
	{ 2, "hội nghị" },
	{ 3, "dự kiến / thời gian cụ thể thông báo sau" },
	{ 5, "từ ngày đó trở đi" },
	{ 4, "ngày ban hành" },
};
#define NLEGEND (sizeof LEGEND / sizeof LEGEND[0])

#define LEGEND_X0 (MARGIN + 66)

static double legend_entry_w(const legend_entry *l)
{
	return 28 + kh_svg_text_w(l->text, FS) + 16;
}

static int legend_rows(const chart *c)
{
	double x = LEGEND_X0;
	int rows = 1;
	for (size_t i = 0; i < NLEGEND; i++) {
		if (!(c->used & (1u << LEGEND[i].kind)))
			continue;
		double w = legend_entry_w(&LEGEND[i]);
		if (x + w > W - MARGIN) {
			rows++;
			x = LEGEND_X0;
		}
		x += w;
	}
	return rows;
}

static void layout(chart *c)
{
	c->header_h = c->for_body ? 78 : 62;
	c->lanes_top = c->header_h + 26;
	double y = c->lanes_top;
	if (c->nitems) {
		for (size_t k = 0; k < c->nlanes; k++) {
			lane *l = &c->lanes[k];
			l->top = y;
			l->height = LANE_PAD * 2 + (l->rows ? l->rows : 1) * ROW_H;
			if (l->height < 36)
				l->height = 36;
			y += l->height;
		}
	} else {
		y += 60;              /* the message */
	}
	c->axis_y = y;
	c->box_top = y + (c->nitems ? 50 : 16);
	c->box_h = c->undated.n ? 30 + 17.0 * (double)c->undated.n + 8 : 0;
	c->legend_top = c->box_top + c->box_h + (c->undated.n ? 18 : 0);
	c->legend_h = c->nitems ? 22.0 * legend_rows(c) + 6 : 0;
	c->h = c->legend_top + c->legend_h + MARGIN;
}

/* ------------------------------------------------------------------ */
/* Drawing                                                            */

static void draw_header(const chart *c, kh_buf *b)
{
	const kh_plan *p = c->plan;
	const char *doc = "Kế hoạch";
	if (p && p->kind != KH_KIND_NONE && kh_doc_kind_vi(p->kind))
		doc = kh_doc_kind_vi(p->kind);
	const char *head = p && p->number && *p->number
				   ? kh_printf("Lịch thực hiện %s số %s", doc, p->number)
				   : kh_printf("Lịch thực hiện %s", doc);
	kh_svg_text(b, MARGIN, 30, NULL, "font-size=\"18\" font-weight=\"bold\"",
		kh_svg_fit(head, 18, W - 2 * MARGIN));
	kh_buf sub = { 0 };
	if (p && p->issuer && p->issuer->name)
		kh_buf_puts(&sub, p->issuer->name);
	if (p && p->has_date)
		kh_buf_printf(&sub, "%sngày %s", sub.len ? ", " : "", kh_svg_full_date(p->date));
	if (p && p->title && *p->title)
		kh_buf_printf(&sub, "%s%s", sub.len ? " \xe2\x80\x94 " : "", kh_svg_squash(p->title));
	if (sub.len)
		kh_svg_text(b, MARGIN, 50, NULL, "font-size=\"12\" fill=\"" C_MUTED "\"",
			kh_svg_fit(kh_buf_cstr(&sub), 12, W - 2 * MARGIN));
	if (c->for_body) {
		const char *who = c->for_body->name ? c->for_body->name : c->for_body->id;
		kh_svg_text(b, MARGIN, 68, NULL, "font-size=\"12\" font-weight=\"bold\"",
			kh_svg_fit(kh_printf("Chỉ những việc liên quan đến: %s", who ? who : ""), 12,
			    W - 2 * MARGIN));
	}
}

static void draw_lanes(const chart *c, kh_buf *b)
{
	kh_buf_puts(b, "<g class=\"lanes\">\n");
	for (size_t k = 0; k < c->nlanes; k++) {
		const lane *l = &c->lanes[k];
		kh_buf_printf(b, "<rect class=\"lane\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" "
				 "fill=\"%s\"/>\n",
			      kh_svg_num(LANE_X0), kh_svg_num(l->top), kh_svg_num(W - MARGIN - LANE_X0), kh_svg_num(l->height),
			      k % 2 ? C_LANE_B : C_LANE_A);
		const char *name = l->level ? (l->level->name ? l->level->name : l->level->id)
					    : "Không theo cấp";
		kh_svg_text(b, LANE_X0 + 8, l->top + l->height / 2 + 4, NULL,
			"class=\"lane-label\" font-size=\"12\" font-weight=\"bold\"",
			kh_svg_fit(kh_svg_squash(name), FS_LANE, AXIS_X0 - LANE_X0 - 20));
	}
	/* Lane borders and the edge of the header column. */
	for (size_t k = 1; k < c->nlanes; k++)
		kh_buf_printf(b, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#c4c9d0\" "
				 "stroke-width=\"1\"/>\n",
			      kh_svg_num(LANE_X0), kh_svg_num(c->lanes[k].top), kh_svg_num(W - MARGIN), kh_svg_num(c->lanes[k].top));
	kh_buf_printf(b, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"#c4c9d0\" "
			 "stroke-width=\"1\"/>\n",
		      kh_svg_num(AXIS_X0 - 8), kh_svg_num(c->lanes_top), kh_svg_num(AXIS_X0 - 8), kh_svg_num(c->axis_y));
	kh_buf_puts(b, "</g>\n");
}

static bool month_start(kh_day d, int *month, int *year)
{
	int y, m, dd;
	kh_date_split(d, &y, &m, &dd);
	*month = m;
	*year = y;
	return dd == 1;
}

static void draw_axis(const chart *c, kh_buf *b)
{
	double y = c->axis_y;
	kh_buf_puts(b, "<g class=\"axis\">\n");
	/* How many months between labels, so that labels do not touch. */
	static const long steps[] = { 1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000,
				      12000, 24000, 60000, 120000 };
	long step = 120000;
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
		if ((double)steps[i] * 30.4 * c->ppd >= 62) {
			step = steps[i];
			break;
		}
	bool grid_every_month = 30.4 * c->ppd >= 10;
	bool decades = 10 * c->ppd >= 24;
	bool days = c->ppd >= 5;
	double first_label_x = -1;
	/* Day ticks and the decades (10, 20) first, under the month grid. */
	for (kh_day d = c->lo; d <= c->hi; d++) {
		int y0, m0, dd;
		kh_date_split(d, &y0, &m0, &dd);
		double x = day_x(c, d);
		if (decades && (dd == 10 || dd == 20)) {
			kh_buf_printf(b, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" "
					 "stroke-width=\"0.8\" stroke-dasharray=\"2,3\"/>\n",
				      kh_svg_num(x), kh_svg_num(c->lanes_top), kh_svg_num(x), kh_svg_num(y), C_GRID);
			kh_buf_printf(b, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\"/>\n",
				      kh_svg_num(x), kh_svg_num(y), kh_svg_num(x), kh_svg_num(y + 5), C_MUTED);
			kh_svg_text(b, x, y + 15, "middle", "font-size=\"9.5\" fill=\"" C_MUTED "\"",
				kh_printf("%d", dd));
		} else if (days) {
			kh_buf_printf(b, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\"/>\n",
				      kh_svg_num(x), kh_svg_num(y), kh_svg_num(x), kh_svg_num(y + 3), "#9aa0a6");
		}
	}
	/* Months: a grid line at each first day, labelled "8/2019". */
	for (kh_day d = c->lo; d <= c->hi + 1; d++) {
		int m, yr;
		if (!month_start(d, &m, &yr))
			continue;
		long mi = (long)yr * 12 + (m - 1);
		bool labelled = mi % step == 0;
		if (!grid_every_month && !labelled)
			continue;
		double x = day_edge(c, d);
		if (x > AXIS_X1 + 0.01)
			continue;
		kh_buf_printf(b, "<line class=\"month\" x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" "
				 "stroke=\"%s\" stroke-width=\"1\"/>\n",
			      kh_svg_num(x), kh_svg_num(c->lanes_top), kh_svg_num(x), kh_svg_num(labelled ? y + 9 : y + 5),
			      labelled ? "#b8bec6" : "#e3e6ea");
		if (labelled) {
			const char *t = kh_printf("%d/%d", m, yr);
			double tw = kh_svg_text_w(t, FS);
			if (x + 3 + tw <= RIGHT_LIMIT) {
				kh_svg_text(b, x + 3, y + 30, NULL, "class=\"month-label\" font-weight=\"bold\"", t);
				if (first_label_x < 0)
					first_label_x = x;
			}
		}
	}
	/* The month the axis starts in, when its first day is off the axis
	 * and there is room before the next label. */
	{
		int yr, m, dd;
		kh_date_split(c->lo, &yr, &m, &dd);
		const char *t = kh_printf("%d/%d", m, yr);
		if (dd != 1 && (first_label_x < 0 || first_label_x - AXIS_X0 >= kh_svg_text_w(t, FS) + 12))
			kh_svg_text(b, AXIS_X0 + 3, y + 30, NULL,
				"class=\"month-label\" font-weight=\"bold\" fill=\"" C_MUTED "\"", t);
	}
	kh_buf_printf(b, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" "
			 "stroke-width=\"1.5\"/>\n",
		      kh_svg_num(AXIS_X0), kh_svg_num(y), kh_svg_num(AXIS_X1), kh_svg_num(y), C_MUTED);
	kh_buf_puts(b, "</g>\n");
}

static void draw_issue(const chart *c, kh_buf *b)
{
	const kh_plan *p = c->plan;
	if (!p || !p->has_date || p->date < c->lo || p->date > c->hi)
		return;
	double x = day_x(c, p->date);
	kh_buf_puts(b, "<g class=\"issue\">\n");
	kh_buf_printf(b, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" "
			 "stroke-width=\"2\" stroke-dasharray=\"6,3\"/>\n",
		      kh_svg_num(x), kh_svg_num(c->lanes_top - 14), kh_svg_num(x), kh_svg_num(c->axis_y), C_ISSUE);
	const char *t = kh_printf("ban hành %s", kh_svg_full_date(p->date));
	double tw = kh_svg_text_w(t, FS);
	bool left = x + 4 + tw > RIGHT_LIMIT;
	kh_svg_text(b, left ? x - 4 : x + 4, c->lanes_top - 6, left ? "end" : NULL,
		"font-weight=\"bold\" fill=\"" C_ISSUE "\"", t);
	kh_buf_puts(b, "</g>\n");
}

static void draw_item(const chart *c, const item *it, kh_buf *b)
{
	const lane *l = &c->lanes[it->lane];
	double y = l->top + LANE_PAD + it->row * ROW_H + ROW_H / 2;
	const char *color = it->meeting ? C_MEETING : C_DEADLINE;
	const kh_tl_entry *e = it->e;
	kh_buf_printf(b, "<g class=\"%s%s\">\n", it->meeting ? "meeting" : "deadline",
		      it->tentative ? " tentative" : "");
	/* The tooltip: everything the label had no room for. */
	kh_buf tip = { 0 };
	kh_buf_printf(&tip, "%s \xe2\x80\x94 %s", kh_when_label(e->when), kh_svg_squash(e->what));
	if (e->owners.n)
		kh_buf_printf(&tip, " \xe2\x80\x94 %s: %s", it->meeting ? "chủ trì" : "giao",
			      kh_refs_label(&e->owners));
	if (e->to.n)
		kh_buf_printf(&tip, " \xe2\x80\x94 gửi: %s", kh_refs_label(&e->to));
	if (e->item_id)
		kh_buf_printf(&tip, " [%s]", e->item_id);
	kh_buf_puts(b, "<title>");
	kh_svg_esc(b, kh_buf_cstr(&tip));
	kh_buf_puts(b, "</title>\n");
	if (it->window)
		kh_svg_bar(b, "bar", it->x0, it->x1, y, color, it->tentative);
	if (it->from) {
		/* The open end: a dashed arrow on to the end of the axis, after
		 * the label when the label is on the right. */
		double ax = it->label_left ? it->xm + KH_SVG_MARK : it->lx + it->lw + 6;
		if (ax < AXIS_X1 - 14)
			kh_svg_arrow(b, ax, AXIS_X1, y, color);
	}
	if (it->clipped && it->window) {
		/* Started before the axis: a notch pointing left at its start. */
		kh_buf_printf(b, "<polygon points=\"%s,%s %s,%s %s,%s\" fill=\"%s\"/>\n",
			      kh_svg_num(AXIS_X0 - 6), kh_svg_num(y), kh_svg_num(AXIS_X0), kh_svg_num(y - 5), kh_svg_num(AXIS_X0),
			      kh_svg_num(y + 5), color);
	}
	if (it->meeting)
		kh_svg_circle(b, it->xm, y, color, it->tentative);
	else
		kh_svg_diamond(b, it->xm, y, color, it->tentative);
	if (it->label_ground)
		kh_buf_printf(b, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"15\" "
				 "fill=\"#ffffff\" fill-opacity=\"0.9\"/>\n",
			      kh_svg_num(it->lx - it->lw - 3), kh_svg_num(y - 7.5), kh_svg_num(it->lw + 6));
	kh_svg_text(b, it->lx, y + 4, it->label_left ? "end" : NULL, NULL, it->label);
	kh_buf_puts(b, "</g>\n");
}

static void draw_message(const chart *c, kh_buf *b, const char *msg)
{
	kh_buf_printf(b, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"44\" rx=\"4\" "
			 "fill=\"" C_LANE_A "\" stroke=\"" C_GRID "\"/>\n",
		      kh_svg_num(MARGIN), kh_svg_num(c->lanes_top), kh_svg_num(W - 2 * MARGIN));
	kh_svg_text(b, W / 2, c->lanes_top + 27, "middle", "class=\"message\" font-size=\"13\"",
		kh_svg_fit(msg, 13, W - 4 * MARGIN));
}

static void draw_undated(const chart *c, kh_buf *b)
{
	if (!c->undated.n)
		return;
	double x = MARGIN, w = W - 2 * MARGIN;
	kh_buf_puts(b, "<g class=\"undated\">\n");
	kh_buf_printf(b, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"4\" "
			 "fill=\"#fbfbf8\" stroke=\"#c4c9d0\"/>\n",
		      kh_svg_num(x), kh_svg_num(c->box_top), kh_svg_num(w), kh_svg_num(c->box_h));
	kh_svg_text(b, x + 10, c->box_top + 19, NULL, "font-size=\"12\" font-weight=\"bold\"",
		kh_printf("Việc thường xuyên, định kỳ hoặc chưa có ngày cụ thể (%zu)",
			  (size_t)c->undated.n));
	for (size_t i = 0; i < c->undated.n; i++) {
		const kh_tl_entry *e = KH_VEC_AT(c->undated, kh_tl_entry, i);
		double y = c->box_top + 30 + 17.0 * (double)i + 12;
		const char *when = e->when ? kh_svg_squash(kh_when_label(e->when)) : "";
		if (!*when)
			when = e->meeting ? "chưa có ngày" : "chưa có thời hạn";
		when = kh_svg_fit(when, FS, 330);
		/* Who: the level for a meeting held at several, else the owners. */
		const char *who = e->owners.n ? kh_svg_squash(kh_refs_label(&e->owners)) : "";
		if (e->meeting && e->level)
			who = e->level->name ? e->level->name : e->level->id;
		const char *rest = *who ? kh_printf("%s: %s", who, entry_text(e)) : entry_text(e);
		double ww = kh_svg_text_w(when, FS) * 1.08 + kh_svg_text_w(" \xe2\x80\x94 ", FS);
		rest = kh_svg_fit(rest, FS, w - 20 - 12 - ww);
		kh_buf_printf(b, "<text x=\"%s\" y=\"%s\"><tspan font-weight=\"bold\">",
			      kh_svg_num(x + 12), kh_svg_num(y));
		kh_svg_esc(b, "\xe2\x80\xa2 ");
		kh_svg_esc(b, when);
		kh_buf_puts(b, "</tspan>");
		kh_svg_esc(b, " \xe2\x80\x94 ");
		kh_svg_esc(b, rest);
		kh_buf_puts(b, "</text>\n");
	}
	kh_buf_puts(b, "</g>\n");
}

static void draw_legend(const chart *c, kh_buf *b)
{
	if (!c->nitems)
		return;
	kh_buf_puts(b, "<g class=\"legend\">\n");
	double x = LEGEND_X0, y = c->legend_top + 12;
	kh_svg_text(b, MARGIN, y + 4, NULL, "font-weight=\"bold\"", "Chú giải:");
	for (size_t i = 0; i < NLEGEND; i++) {
		const legend_entry *l = &LEGEND[i];
		if (!(c->used & (1u << l->kind)))
			continue;
		double w = legend_entry_w(l);
		if (x + w > W - MARGIN) {
			x = LEGEND_X0;
			y += 22;
		}
		double mx = x + 12;
		switch (l->kind) {
		case 0: kh_svg_diamond(b, mx, y, C_DEADLINE, false); break;
		case 1:
			kh_svg_bar(b, "legend-bar", mx - 12, mx, y, C_DEADLINE, false);
			kh_svg_diamond(b, mx, y, C_DEADLINE, false);
			break;
		case 2: kh_svg_circle(b, mx, y, C_MEETING, false); break;
		case 3: kh_svg_diamond(b, mx, y, C_DEADLINE, true); break;
		case 4:
			kh_buf_printf(b, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" "
					 "stroke-width=\"2\" stroke-dasharray=\"6,3\"/>\n",
				      kh_svg_num(mx), kh_svg_num(y - 8), kh_svg_num(mx), kh_svg_num(y + 8), C_ISSUE);
			break;
		case 5:
			kh_svg_diamond(b, mx - 8, y, C_DEADLINE, false);
			kh_svg_arrow(b, mx - 8, mx + 10, y, C_DEADLINE);
			break;
		}
		kh_svg_text(b, x + 30, y + 4, NULL, NULL, l->text);
		x += w;
	}
	kh_buf_puts(b, "</g>\n");
}

/* ------------------------------------------------------------------ */
/* Entry points                                                       */

int kh_svg_render(const kh_program *prog, const kh_body *for_body, const kh_vec *entries,
		  kh_buf *out)
{
	chart c = { 0 };
	c.prog = prog;
	c.plan = prog ? prog->plan : NULL;
	c.for_body = for_body;
	build(&c, entries);
	layout(&c);

	const kh_plan *p = c.plan;
	const char *doc = p && p->kind != KH_KIND_NONE && kh_doc_kind_vi(p->kind)
				  ? kh_doc_kind_vi(p->kind)
				  : "Kế hoạch";
	kh_buf title = { 0 };
	kh_buf_puts(&title, "Lịch thực hiện");
	if (p && p->number && *p->number)
		kh_buf_printf(&title, " \xe2\x80\x93 %s số %s", doc, p->number);
	else if (prog && prog->path) {
		const char *base = strrchr(prog->path, '/');
		kh_buf_printf(&title, " \xe2\x80\x93 %s", base ? base + 1 : prog->path);
	}
	if (for_body)
		kh_buf_printf(&title, " \xe2\x80\x93 %s", for_body->name ? for_body->name : for_body->id);

	kh_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	kh_buf_printf(out,
		      "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%s\" "
		      "height=\"%s\" viewBox=\"0 0 %s %s\" font-family=\"" FONT "\" "
		      "font-size=\"11\" fill=\"" C_TEXT "\">\n",
		      kh_svg_num(W), kh_svg_num(c.h), kh_svg_num(W), kh_svg_num(c.h));
	kh_buf_puts(out, "<title>");
	kh_svg_esc(out, kh_buf_cstr(&title));
	kh_buf_puts(out, "</title>\n<desc>kehoach schedule --svg</desc>\n");
	kh_buf_printf(out, "<rect x=\"0\" y=\"0\" width=\"%s\" height=\"%s\" fill=\"#ffffff\"/>\n",
		      kh_svg_num(W), kh_svg_num(c.h));
	draw_header(&c, out);

	if (c.nitems) {
		draw_lanes(&c, out);
		draw_axis(&c, out);
		draw_issue(&c, out);
		kh_buf_puts(out, "<g class=\"items\">\n");
		for (size_t i = 0; i < c.nitems; i++)
			draw_item(&c, &c.items[i], out);
		kh_buf_puts(out, "</g>\n");
	} else {
		const char *msg;
		if (!p)
			msg = "Tệp không có kế hoạch nào (kế_hoạch { … }): không có gì để vẽ.";
		else if (c.undated.n)
			msg = "Không có mốc nào có ngày cụ thể; các việc được liệt kê dưới đây.";
		else if (for_body)
			msg = kh_printf("Không có mốc thời gian nào liên quan đến %s.",
					for_body->name ? for_body->name : for_body->id);
		else
			msg = "Kế hoạch không có mốc thời gian nào.";
		draw_message(&c, out, msg);
	}
	draw_undated(&c, out);
	draw_legend(&c, out);
	kh_buf_puts(out, "</svg>\n");
	return 0;
}

int kh_emit_schedule_svg(const kh_program *prog, const kh_body *for_body, kh_buf *out)
{
	kh_vec all = kh_timeline_build(prog);
	kh_vec keep = { 0 };
	for (size_t i = 0; i < all.n; i++) {
		kh_tl_entry *e = KH_VEC_AT(all, kh_tl_entry, i);
		if (!for_body || kh_tl_concerns(e, for_body))
			kh_vec_push(&keep, e);
	}
	return kh_svg_render(prog, for_body, &keep, out);
}

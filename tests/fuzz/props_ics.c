/*
 * props_ics.c - kh_prop_ics (props.h): RFC 5545 as kehoach writes it.
 * First the physical lines (CRLF only, at most 75 octets, each one valid
 * UTF-8 so no fold splits a sequence, folds one space, no controls but
 * HTAB), then each unfolded content line (name, parameters, value), then
 * the components: BEGIN/END nested as the RFC nests them, one VCALENDAR
 * with VERSION:2.0, PRODID and at least one component, UID and DTSTAMP
 * once in each item and every UID different, DATE and DATE-TIME values
 * real days of 1899-2201, DTEND/DUE of DTSTART's type and not before it,
 * RRULE parts, TEXT escapes.
 * Part of kehoach; see README.md for the licence.
 */
#include <stdlib.h>
#include <string.h>

#include "props.h"
#include "props_int.h"

PROPS_UNTRACED_BEGIN

/* Every property of RFC 5545 and RFC 7986, and how its value is checked. */
typedef enum pkind { K_ANY, K_TEXT, K_TEXTLIST, K_DATE, K_UTC, K_DATELIST, K_RRULE, K_ENUM } pkind;
typedef enum pid {
	P_UID, P_DTSTAMP, P_DTSTART, P_DTEND, P_DUE, P_DURATION, P_RRULE, P_VERSION, P_PRODID,
	P_STATUS, P_OTHER
} pid;

typedef struct pdef {
	const char *name;
	pkind kind;
	pid id;
	bool once;                /* at most once in a component */
	int scope;                /* S_ITEM: not in VCALENDAR itself; S_CAL: only there */
} pdef;

enum { S_ITEM, S_CAL, S_BOTH };

static const pdef PROPS[] = {
	{ "UID", K_TEXT, P_UID, true, S_BOTH }, { "DTSTAMP", K_UTC, P_DTSTAMP, true, S_ITEM },
	{ "DTSTART", K_DATE, P_DTSTART, true, S_ITEM }, { "DTEND", K_DATE, P_DTEND, true, S_ITEM },
	{ "DUE", K_DATE, P_DUE, true, S_ITEM }, { "DURATION", K_ANY, P_DURATION, true, S_ITEM },
	{ "RRULE", K_RRULE, P_RRULE, true, S_ITEM }, { "STATUS", K_ENUM, P_STATUS, true, S_ITEM },
	{ "VERSION", K_ANY, P_VERSION, true, S_CAL }, { "PRODID", K_ANY, P_PRODID, true, S_CAL },
	{ "CALSCALE", K_ENUM, P_OTHER, true, S_CAL }, { "METHOD", K_ANY, P_OTHER, true, S_CAL },
	{ "X-WR-CALNAME", K_TEXT, P_OTHER, true, S_CAL }, { "X-WR-CALDESC", K_TEXT, P_OTHER, true, S_CAL },
	{ "NAME", K_TEXT, P_OTHER, false, S_CAL }, { "REFRESH-INTERVAL", K_ANY, P_OTHER, true, S_CAL },
	{ "SOURCE", K_ANY, P_OTHER, true, S_CAL }, { "COLOR", K_ANY, P_OTHER, true, S_BOTH },
	{ "IMAGE", K_ANY, P_OTHER, false, S_BOTH }, { "CONFERENCE", K_ANY, P_OTHER, false, S_ITEM },
	{ "SUMMARY", K_TEXT, P_OTHER, true, S_ITEM }, { "DESCRIPTION", K_TEXT, P_OTHER, false, S_BOTH },
	{ "LOCATION", K_TEXT, P_OTHER, true, S_ITEM }, { "COMMENT", K_TEXT, P_OTHER, false, S_ITEM },
	{ "CONTACT", K_TEXT, P_OTHER, false, S_ITEM }, { "TZNAME", K_TEXT, P_OTHER, false, S_ITEM },
	{ "RELATED-TO", K_TEXT, P_OTHER, false, S_ITEM }, { "TZID", K_TEXT, P_OTHER, true, S_ITEM },
	{ "CATEGORIES", K_TEXTLIST, P_OTHER, false, S_BOTH },
	{ "RESOURCES", K_TEXTLIST, P_OTHER, false, S_ITEM },
	{ "TRANSP", K_ENUM, P_OTHER, true, S_ITEM }, { "CLASS", K_ANY, P_OTHER, true, S_ITEM },
	{ "CREATED", K_UTC, P_OTHER, true, S_ITEM }, { "LAST-MODIFIED", K_UTC, P_OTHER, true, S_BOTH },
	{ "COMPLETED", K_UTC, P_OTHER, true, S_ITEM }, { "RECURRENCE-ID", K_DATE, P_OTHER, true, S_ITEM },
	{ "EXDATE", K_DATELIST, P_OTHER, false, S_ITEM }, { "RDATE", K_DATELIST, P_OTHER, false, S_ITEM },
	{ "ATTACH", K_ANY, P_OTHER, false, S_ITEM }, { "GEO", K_ANY, P_OTHER, true, S_ITEM },
	{ "PERCENT-COMPLETE", K_ANY, P_OTHER, true, S_ITEM }, { "PRIORITY", K_ANY, P_OTHER, true, S_ITEM },
	{ "SEQUENCE", K_ANY, P_OTHER, true, S_ITEM }, { "URL", K_ANY, P_OTHER, true, S_BOTH },
	{ "ORGANIZER", K_ANY, P_OTHER, true, S_ITEM }, { "ATTENDEE", K_ANY, P_OTHER, false, S_ITEM },
	{ "FREEBUSY", K_ANY, P_OTHER, false, S_ITEM }, { "TZOFFSETFROM", K_ANY, P_OTHER, true, S_ITEM },
	{ "TZOFFSETTO", K_ANY, P_OTHER, true, S_ITEM }, { "TZURL", K_ANY, P_OTHER, true, S_ITEM },
	{ "ACTION", K_ANY, P_OTHER, true, S_ITEM }, { "REPEAT", K_ANY, P_OTHER, true, S_ITEM },
	{ "TRIGGER", K_ANY, P_OTHER, true, S_ITEM }, { "REQUEST-STATUS", K_ANY, P_OTHER, false, S_ITEM },
};
#define NPROPS (sizeof PROPS / sizeof PROPS[0])

/* One open component. */
typedef struct comp {
	char name[32];
	size_t at;                /* its BEGIN line */
	size_t children;
	unsigned char count[NPROPS];
	char start[17], end[17], due[17]; /* DTSTART, DTEND, DUE values ("" if none) */
	bool start_utc_or_tz;     /* DTSTART in UTC or with a TZID */
	char until[17];           /* RRULE's UNTIL */
} comp;

#define MAX_NEST 8            /* the RFC nests three deep (VCALENDAR, VTIMEZONE, STANDARD) */

typedef struct icv {
	char *why;
	size_t whylen;
	char *line;               /* the content line being read, unfolded */
	size_t n, cap, at;        /* its length, room, first byte in the file */
	comp stack[MAX_NEST];
	int depth;
	int calendars;            /* VCALENDARs begun */
	struct uid { char *text; size_t at; } *uids; /* every item's, sorted at the end */
	size_t nuids, capuids;
} icv;

/* The parsed content line: NAME;params:VALUE. */
typedef struct cline {
	char name[32];            /* upper-cased; longer names are cut (still unknown) */
	const char *value;
	bool value_date, value_other, tzid;
} cline;

static bool fail(icv *v, const char *msg, const char *arg)
{
	return props_fail(v->why, v->whylen, v->at, "%s%s", msg, arg ? arg : "");
}

/* ------------------------------------------------------------------ */
/* Values                                                             */

/* N digits at S, or -1. */
static int num(const char *s, size_t n)
{
	int v = 0;
	for (size_t k = 0; k < n; k++) {
		if (s[k] < '0' || s[k] > '9')
			return -1;
		v = v * 10 + (s[k] - '0');
	}
	return v;
}

static int month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

typedef enum dkind { D_BAD, D_DATE, D_FLOAT, D_UTC } dkind;

/* A plan names days of 1900-2199 (date.h); what is made from them stays
 * within a year: a meeting of up to 366 days from 31/12/2199 ends (DTEND
 * is exclusive) on 1/1/2201, one held before 2/1/1900 starts in 1899. */
#define YEAR_MIN 1899
#define YEAR_MAX 2201

/* YYYYMMDD (DATE) or YYYYMMDDTHHMMSS[Z] (DATE-TIME), a real day of those years. */
static dkind date_kind(const char *s, size_t n)
{
	if (n != 8 && n != 15 && n != 16)
		return D_BAD;
	int y = num(s, 4), m = num(s + 4, 2), d = num(s + 6, 2);
	if (y < YEAR_MIN || y > YEAR_MAX || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return D_BAD;
	if (n == 8)
		return D_DATE;
	if (s[8] != 'T' || (n == 16 && s[15] != 'Z'))
		return D_BAD;
	int h = num(s + 9, 2), mi = num(s + 11, 2), se = num(s + 13, 2);
	if (h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60)
		return D_BAD;
	return n == 16 ? D_UTC : D_FLOAT;
}

/* One DATE or DATE-TIME of S[0..N) as the line's VALUE parameter says. */
static dkind date_value(icv *v, const cline *c, const char *s, size_t n)
{
	dkind k = date_kind(s, n);
	if (c->value_other)
		fail(v, "VALUE is neither DATE nor DATE-TIME in ", c->name);
	else if (k == D_BAD)
		fail(v, "not a DATE or DATE-TIME of 1899-2201: ", c->name);
	else if (c->value_date != (k == D_DATE))
		fail(v, c->value_date ? "VALUE=DATE with a DATE-TIME in " : "a DATE without VALUE=DATE in ",
		     c->name);
	else if (c->tzid && k == D_UTC)
		fail(v, "TZID on a UTC time in ", c->name);
	else
		return k;
	return D_BAD;
}

/* DTSTART, DTEND, DUE, RECURRENCE-ID: kept for the component's checks. */
static bool date_prop(icv *v, comp *top, const pdef *d, const cline *c)
{
	size_t n = strlen(c->value);
	dkind k = date_value(v, c, c->value, n);
	if (k == D_BAD)
		return false;
	char *keep = d->id == P_DTSTART ? top->start : d->id == P_DTEND ? top->end
		     : d->id == P_DUE ? top->due : NULL;
	if (keep)
		memcpy(keep, c->value, n + 1);
	if (d->id == P_DTSTART)
		top->start_utc_or_tz = k == D_UTC || c->tzid;
	return true;
}

/* EXDATE, RDATE: comma-separated (a PERIOD list is not looked into). */
static bool date_list(icv *v, const cline *c)
{
	if (c->value_other)
		return true;
	for (const char *s = c->value;;) {
		const char *e = strchr(s, ',');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		if (date_value(v, c, s, n) == D_BAD)
			return false;
		if (!e)
			return true;
		s = e + 1;
	}
}

/* TEXT (§3.3.11): \\ \; \, \n \N are the only escapes; ';' and (but in a
 * list such as CATEGORIES, where commas separate values) ',' are escaped. */
static bool text_ok(icv *v, const cline *c, bool list)
{
	for (const char *p = c->value; *p; p++) {
		if (*p == '\\') {
			if (!p[1] || !strchr("\\;,nN", p[1]))
				return fail(v, "bad TEXT escape in ", c->name);
			p++;
		} else if (*p == ';' || (*p == ',' && !list)) {
			return fail(v, *p == ';' ? "unescaped ';' in TEXT of " : "unescaped ',' in TEXT of ",
				    c->name);
		}
	}
	return true;
}

/* Is S one of the '|'-separated WORDS? */
static bool one_of(const char *s, size_t n, const char *words)
{
	for (const char *w = words; *w;) {
		const char *e = strchr(w, '|');
		size_t k = e ? (size_t)(e - w) : strlen(w);
		if (k == n && !memcmp(w, s, n))
			return true;
		if (!e)
			break;
		w = e + 1;
	}
	return false;
}

static bool enum_ok(icv *v, const comp *top, const cline *c)
{
	const char *words = "";
	if (!strcmp(c->name, "CALSCALE"))
		words = "GREGORIAN";
	else if (!strcmp(c->name, "TRANSP"))
		words = "OPAQUE|TRANSPARENT";
	else if (!strcmp(top->name, "VEVENT"))
		words = "TENTATIVE|CONFIRMED|CANCELLED";
	else if (!strcmp(top->name, "VTODO"))
		words = "NEEDS-ACTION|COMPLETED|IN-PROCESS|CANCELLED";
	else if (!strcmp(top->name, "VJOURNAL"))
		words = "DRAFT|FINAL|CANCELLED";
	if (!one_of(c->value, strlen(c->value), words))
		return fail(v, "a value this property does not take: ", c->name);
	return true;
}

/* A list of integers in [LO, HI], or with SIGN of -HI..-LO too. */
static bool int_list(const char *s, size_t n, int lo, int hi, bool sign)
{
	for (size_t i = 0;;) {
		size_t k = i + (sign && i < n && (s[i] == '+' || s[i] == '-')), d = 0;
		while (k + d < n && d < 4 && s[k + d] >= '0' && s[k + d] <= '9')
			d++;
		int x = d ? num(s + k, d) : -1;
		if (!d || x < lo || x > hi)
			return false;
		if ((k += d) == n)
			return true;
		if (s[k] != ',')
			return false;
		i = k + 1;
	}
}

/* COUNT, INTERVAL: a positive integer. */
static bool positive(const char *s, size_t n)
{
	if (!n || n > 9 || s[0] == '0')
		return false;
	return num(s, n) > 0;
}

/* BYDAY: [+-]?[0-9]{0,2} and a weekday, comma-separated; WKST: one weekday. */
static bool weekdays(const char *s, size_t n, bool ordinal)
{
	for (size_t i = 0;;) {
		size_t k = i;
		if (ordinal) {
			k += k < n && (s[k] == '+' || s[k] == '-');
			for (size_t d = 0; k < n && d < 2 && s[k] >= '0' && s[k] <= '9'; d++)
				k++;
		}
		if (n - k < 2 || !one_of(s + k, 2, "SU|MO|TU|WE|TH|FR|SA"))
			return false;
		if ((k += 2) == n)
			return true;
		if (!ordinal || s[k] != ',')
			return false;
		i = k + 1;
	}
}

static const char *const RULE_PARTS[] = { "FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND",
					  "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY",
					  "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST" };
enum { R_FREQ, R_UNTIL, R_COUNT, R_INTERVAL, R_BYSECOND, R_BYMINUTE, R_BYHOUR, R_BYDAY,
       R_BYMONTHDAY, R_BYYEARDAY, R_BYWEEKNO, R_BYMONTH, R_BYSETPOS, R_WKST, R_N };

static bool rule_part(comp *top, int k, const char *s, size_t n)
{
	switch (k) {
	case R_FREQ: return one_of(s, n, "SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY");
	case R_UNTIL:
		if (date_kind(s, n) == D_BAD)
			return false;
		memcpy(top->until, s, n);
		top->until[n] = '\0';
		return true;
	case R_COUNT:
	case R_INTERVAL: return positive(s, n);
	case R_BYSECOND: return int_list(s, n, 0, 60, false);
	case R_BYMINUTE: return int_list(s, n, 0, 59, false);
	case R_BYHOUR: return int_list(s, n, 0, 23, false);
	case R_BYDAY: return weekdays(s, n, true);
	case R_BYMONTHDAY: return int_list(s, n, 1, 31, true);
	case R_BYYEARDAY: return int_list(s, n, 1, 366, true);
	case R_BYWEEKNO: return int_list(s, n, 1, 53, true);
	case R_BYMONTH: return int_list(s, n, 1, 12, false);
	case R_BYSETPOS: return int_list(s, n, 1, 366, true);
	default: return weekdays(s, n, false);
	}
}

/* RRULE (§3.3.10): known parts, each once, FREQ, not both COUNT and UNTIL. */
static bool rrule_ok(icv *v, comp *top, const char *s)
{
	unsigned seen = 0;
	for (;;) {
		const char *end = s + strcspn(s, ";"), *eq = memchr(s, '=', (size_t)(end - s));
		int k = 0;
		while (eq && k < R_N && ((size_t)(eq - s) != strlen(RULE_PARTS[k]) ||
					 memcmp(s, RULE_PARTS[k], (size_t)(eq - s))))
			k++;
		if (!eq || k == R_N)
			return fail(v, "RRULE: an unknown part", NULL);
		if (seen & 1u << k)
			return fail(v, "RRULE: a part twice: ", RULE_PARTS[k]);
		seen |= 1u << k;
		if (!rule_part(top, k, eq + 1, (size_t)(end - eq - 1)))
			return fail(v, "RRULE: a bad value of ", RULE_PARTS[k]);
		if (!*end)
			break;
		s = end + 1;
	}
	if (!(seen & 1u << R_FREQ))
		return fail(v, "RRULE without FREQ", NULL);
	if ((seen & 1u << R_COUNT) && (seen & 1u << R_UNTIL))
		return fail(v, "RRULE with both COUNT and UNTIL", NULL);
	return true;
}

static bool value_ok(icv *v, comp *top, const pdef *d, const cline *c)
{
	switch (d->kind) {
	case K_TEXT: return text_ok(v, c, false);
	case K_TEXTLIST: return text_ok(v, c, true);
	case K_DATE: return date_prop(v, top, d, c);
	case K_UTC:
		if (c->value_date || date_kind(c->value, strlen(c->value)) != D_UTC)
			return fail(v, "not a UTC DATE-TIME: ", c->name);
		return true;
	case K_DATELIST: return date_list(v, c);
	case K_RRULE: return rrule_ok(v, top, c->value);
	case K_ENUM: return enum_ok(v, top, c);
	default:
		if (d->id == P_VERSION && strcmp(c->value, "2.0"))
			return fail(v, "VERSION is not 2.0", NULL);
		return true;
	}
}

/* ------------------------------------------------------------------ */
/* Content lines                                                      */

static bool name_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

/* NAME at *P into OUT (upper case); false if there is none. */
static bool read_name(const char **p, char *out, size_t size)
{
	size_t k = 0;
	const char *s = *p;
	for (; name_char(*s); s++)
		if (k + 1 < size)
			out[k++] = (char)(*s >= 'a' && *s <= 'z' ? *s - 'a' + 'A' : *s);
	out[k] = '\0';
	*p = s;
	return k > 0;
}

/* ;NAME=value[,value] ... up to the ':' (RFC 5545 §3.1). */
static bool read_params(icv *v, const char **p, cline *c)
{
	const char *s = *p;
	while (*s == ';') {
		char pname[32];
		s++;
		if (!read_name(&s, pname, sizeof pname) || *s != '=')
			return fail(v, "bad parameter in ", c->name);
		const char *val = ++s;
		do {
			if (*s == ',')
				s++;
			if (*s == '"') {
				const char *q = strchr(s + 1, '"');
				if (!q)
					return fail(v, "unclosed quoted parameter in ", c->name);
				s = q + 1;
			} else {
				while (*s && !strchr(";:,\"", *s))
					s++;
				if (*s == '"')
					return fail(v, "quote inside a parameter value in ", c->name);
			}
		} while (*s == ',');
		if (!strcmp(pname, "VALUE")) {
			c->value_date = (size_t)(s - val) == 4 && !memcmp(val, "DATE", 4);
			c->value_other = !c->value_date && !((size_t)(s - val) == 9 && !memcmp(val, "DATE-TIME", 9));
		}
		c->tzid |= !strcmp(pname, "TZID");
	}
	*p = s;
	return true;
}

static bool parse_line(icv *v, cline *c)
{
	memset(c, 0, sizeof *c);
	const char *s = v->line;
	if (!read_name(&s, c->name, sizeof c->name))
		return fail(v, "a content line must start with a property name", NULL);
	if (!read_params(v, &s, c))
		return false;
	if (*s != ':')
		return fail(v, "no ':' after the name and parameters of ", c->name);
	c->value = s + 1;
	return true;
}

static const pdef *find_prop(const char *name)
{
	for (size_t k = 0; k < NPROPS; k++)
		if (!strcmp(PROPS[k].name, name))
			return &PROPS[k];
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Components                                                         */

static bool is(const char *a, const char *b)
{
	return !strcmp(a, b);
}

/* RFC 5545's nesting: one VCALENDAR around the items, VALARM in an event
 * or to-do, STANDARD and DAYLIGHT in VTIMEZONE; X- components anywhere. */
static bool nests(const char *parent, const char *child)
{
	if (!parent)
		return is(child, "VCALENDAR");
	if (!strncmp(child, "X-", 2))
		return true;
	if (is(parent, "VCALENDAR"))
		return is(child, "VEVENT") || is(child, "VTODO") || is(child, "VJOURNAL") ||
		       is(child, "VFREEBUSY") || is(child, "VTIMEZONE");
	if (is(child, "VALARM"))
		return is(parent, "VEVENT") || is(parent, "VTODO");
	if (is(child, "STANDARD") || is(child, "DAYLIGHT"))
		return is(parent, "VTIMEZONE");
	return false;
}

static bool begin(icv *v, const char *value)
{
	char name[32];
	const char *s = value;
	if (!read_name(&s, name, sizeof name) || *s || strlen(value) >= sizeof name)
		return fail(v, "BEGIN: not a component name (or a longer one than kehoach writes)",
			    NULL);
	if (!v->depth && v->calendars)
		return fail(v, "a second VCALENDAR (kehoach writes one)", NULL);
	if (!nests(v->depth ? v->stack[v->depth - 1].name : NULL, name))
		return fail(v, "a component where it cannot be: ", name);
	if (v->depth == MAX_NEST)
		return fail(v, "components nested too deep", NULL);
	if (v->depth)
		v->stack[v->depth - 1].children++;
	comp *c = &v->stack[v->depth++];
	memset(c, 0, sizeof *c);
	memcpy(c->name, name, sizeof name);
	c->at = v->at;
	v->calendars += is(name, "VCALENDAR");
	return true;
}

static size_t count(const comp *c, pid id)
{
	size_t n = 0;
	for (size_t k = 0; k < NPROPS; k++)
		if (PROPS[k].id == id)
			n += c->count[k];
	return n;
}

static bool keep_uid(icv *v, const char *uid)
{
	if (v->nuids == v->capuids) {
		size_t cap = v->capuids ? v->capuids * 2 : 64;
		struct uid *u = realloc(v->uids, cap * sizeof *u);
		if (!u)
			return fail(v, "out of memory", NULL);
		v->uids = u;
		v->capuids = cap;
	}
	char *t = malloc(strlen(uid) + 1);
	if (!t)
		return fail(v, "out of memory", NULL);
	strcpy(t, uid);
	v->uids[v->nuids++] = (struct uid){ t, v->at };
	return true;
}

/* DTEND (after DTSTART) and DUE (not before it) have DTSTART's type; so
 * has RRULE's UNTIL, in UTC when DTSTART is UTC or zoned (§3.3.10). */
static bool dates_agree(icv *v, const comp *c)
{
	size_t ns = strlen(c->start);
	if (c->end[0] && ns && (strlen(c->end) == 8) != (ns == 8))
		return fail(v, "DTEND and DTSTART of different types in ", c->name);
	if (c->end[0] && ns && strncmp(c->end, c->start, 15) <= 0)
		return fail(v, "DTEND not after DTSTART in ", c->name);
	if (c->due[0] && ns && (strlen(c->due) == 8) != (ns == 8))
		return fail(v, "DUE and DTSTART of different types in ", c->name);
	if (c->due[0] && ns && strncmp(c->due, c->start, 15) < 0)
		return fail(v, "DUE before DTSTART in ", c->name);
	if (count(c, P_RRULE) && !ns)
		return fail(v, "RRULE without DTSTART in ", c->name);
	size_t nu = strlen(c->until);
	if (nu && ((nu == 8) != (ns == 8) || (ns > 8 && c->start_utc_or_tz != (nu == 16))))
		return fail(v, "RRULE's UNTIL not of DTSTART's type in ", c->name);
	return true;
}

/* VEVENT, VTODO, VJOURNAL: UID and DTSTAMP once (§3.6.1-3). */
static bool item_done(icv *v, const comp *c)
{
	if (count(c, P_UID) != 1 || count(c, P_DTSTAMP) != 1)
		return fail(v, "UID and DTSTAMP must be there once in ", c->name);
	if (is(c->name, "VEVENT") && !c->start[0])
		return fail(v, "VEVENT without DTSTART", NULL);
	if (is(c->name, "VEVENT") && c->end[0] && count(c, P_DURATION))
		return fail(v, "VEVENT with both DTEND and DURATION", NULL);
	if (is(c->name, "VTODO") && (c->end[0] || (c->due[0] && count(c, P_DURATION))))
		return fail(v, "VTODO with DTEND, or with both DUE and DURATION", NULL);
	if (count(c, P_DURATION) && !c->start[0])
		return fail(v, "DURATION without DTSTART in ", c->name);
	return dates_agree(v, c);
}

static bool end(icv *v, const char *value)
{
	if (!v->depth)
		return fail(v, "END without BEGIN: ", value);
	comp *c = &v->stack[v->depth - 1];
	if (!is(c->name, value))
		return fail(v, "END does not close the open component ", c->name);
	if (is(c->name, "VCALENDAR")) {
		if (count(c, P_VERSION) != 1 || count(c, P_PRODID) != 1)
			return fail(v, "VCALENDAR needs VERSION and PRODID, once each", NULL);
		if (!c->children)
			return fail(v, "VCALENDAR without a component", NULL);
	} else if (is(c->name, "VEVENT") || is(c->name, "VTODO") || is(c->name, "VJOURNAL")) {
		if (!item_done(v, c))
			return false;
	}
	v->depth--;
	return true;
}

static bool content_line(icv *v)
{
	cline c;
	if (!parse_line(v, &c))
		return false;
	if (is(c.name, "BEGIN"))
		return begin(v, c.value);
	if (is(c.name, "END"))
		return end(v, c.value);
	if (!v->depth)
		return fail(v, v->calendars ? "text after END:VCALENDAR: " : "a property outside "
			    "VCALENDAR: ", c.name);
	comp *top = &v->stack[v->depth - 1];
	const pdef *d = find_prop(c.name);
	if (!d)
		return !strncmp(c.name, "X-", 2) || fail(v, "unknown property ", c.name);
	bool in_cal = is(top->name, "VCALENDAR");
	if ((in_cal && d->scope == S_ITEM) || (!in_cal && d->scope == S_CAL))
		return fail(v, "a property in the wrong component: ", c.name);
	size_t k = (size_t)(d - PROPS);
	if (d->once && top->count[k])
		return fail(v, "twice in one component: ", c.name);
	if (top->count[k] < 255)
		top->count[k]++;
	if (d->id == P_UID && !in_cal && !keep_uid(v, c.value))
		return false;
	return value_ok(v, top, d, &c);
}

static int uid_cmp(const void *a, const void *b)
{
	return strcmp(((const struct uid *)a)->text, ((const struct uid *)b)->text);
}

/* At the end of the file: everything closed, one calendar, no UID twice. */
static bool finish(icv *v)
{
	if (v->depth)
		return fail(v, "not closed at the end of the file: ", v->stack[v->depth - 1].name);
	if (!v->calendars)
		return fail(v, "no VCALENDAR", NULL);
	if (v->nuids > 1) /* qsort wants a pointer, even for nothing */
		qsort(v->uids, v->nuids, sizeof *v->uids, uid_cmp);
	for (size_t k = 1; k < v->nuids; k++)
		if (is(v->uids[k].text, v->uids[k - 1].text)) {
			v->at = v->uids[k].at;
			return fail(v, "UID used twice: ", v->uids[k].text);
		}
	return true;
}

/* ------------------------------------------------------------------ */
/* Physical lines                                                     */

static bool append(icv *v, const unsigned char *s, size_t n)
{
	if (v->n + n + 1 > v->cap) {
		size_t cap = (v->n + n + 1) * 2;
		char *l = realloc(v->line, cap);
		if (!l)
			return fail(v, "out of memory", NULL);
		v->line = l;
		v->cap = cap;
	}
	memcpy(v->line + v->n, s, n);
	v->n += n;
	v->line[v->n] = '\0';
	return true;
}

/* The physical line [I, E): no controls, valid UTF-8 on its own. */
static bool physical_ok(icv *v, const unsigned char *s, size_t i, size_t e)
{
	if (e - i > 75)
		return props_fail(v->why, v->whylen, i, "line of %zu octets (at most 75)", e - i);
	for (size_t k = i; k < e;) {
		uint32_t c;
		size_t n = props_utf8(s, e, k, &c);
		if (!n)
			return props_fail(v->why, v->whylen, k, "invalid UTF-8 in a physical line "
					  "(a fold splitting a sequence?)");
		if ((c < 0x20 && c != '\t') || c == 0x7F)
			return props_fail(v->why, v->whylen, k, "control character 0x%02X", (unsigned)c);
		k += n;
	}
	return true;
}

/* The end of the physical line at I (its CR); SIZE_MAX on a bare CR or LF. */
static size_t line_end(icv *v, const unsigned char *s, size_t len, size_t i)
{
	for (size_t k = i; k < len; k++) {
		if (s[k] == '\n') {
			props_fail(v->why, v->whylen, k, "bare LF (lines end with CRLF)");
			return (size_t)-1;
		}
		if (s[k] == '\r') {
			if (k + 1 < len && s[k + 1] == '\n')
				return k;
			props_fail(v->why, v->whylen, k, "bare CR (lines end with CRLF)");
			return (size_t)-1;
		}
	}
	props_fail(v->why, v->whylen, len, "the last line does not end with CRLF");
	return (size_t)-1;
}

static bool run(icv *v, const unsigned char *s, size_t len)
{
	bool open = false;
	for (size_t i = 0; i < len;) {
		size_t e = line_end(v, s, len, i);
		if (e == (size_t)-1 || !physical_ok(v, s, i, e))
			return false;
		if (i < e && s[i] == ' ') {
			if (!open)
				return props_fail(v->why, v->whylen, i, "a continuation line opens the file");
			if (!append(v, s + i + 1, e - i - 1))
				return false;
		} else {
			if (open && !content_line(v))
				return false;
			if (i < e && s[i] == '\t')
				return props_fail(v->why, v->whylen, i, "line starts with TAB (kehoach folds with a space)");
			v->n = 0;
			v->at = i;
			open = true;
			if (!append(v, s + i, e - i))
				return false;
		}
		i = e + 2;
	}
	if (!len)
		return props_fail(v->why, v->whylen, 0, "empty file");
	return content_line(v) && finish(v);
}

bool kh_prop_ics(const char *data, size_t len, char *why, size_t whylen)
{
	icv v;
	memset(&v, 0, sizeof v);
	v.why = why;
	v.whylen = whylen;
	bool ok = run(&v, (const unsigned char *)data, len);
	for (size_t k = 0; k < v.nuids; k++)
		free(v.uids[k].text);
	free(v.uids);
	free(v.line);
	return ok;
}

PROPS_UNTRACED_END

/*
 * icalcheck.c - a second, independent reader of our calendars: libical
 * parses each .ics file, icalrestriction_check() applies RFC 5545's
 * property rules, and every X-LIC-ERROR it leaves is printed. libical is
 * lenient (it repairs bad folding, accepts bare LF), so check_ics.py's
 * byte checks and python3-icalendar run too; this catches what the
 * restriction tables know (required and repeated properties per component).
 * Usage: icalcheck FILE.ics...   Ends with "N passed, N failed".
 * Part of kehoach; see README.md for the licence.
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, len = 0;
	char *buf = malloc(cap + 1);
	size_t n;
	while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap) {
			char *bigger = realloc(buf, cap * 2 + 1);
			if (!bigger) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = bigger;
			cap *= 2;
		}
	}
	fclose(f);
	if (buf)
		buf[len] = '\0';
	return buf;
}

/* Prints the X-LIC-ERROR properties of C and its children; returns how many. */
static int report_errors(icalcomponent *c, const char *path)
{
	int n = 0;
	for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
	     p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
		printf("  %s: %s: %s\n", path, icalcomponent_kind_to_string(icalcomponent_isa(c)),
		       icalproperty_get_xlicerror(p));
		n++;
	}
	for (icalcomponent *k = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); k;
	     k = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
		n += report_errors(k, path);
	return n;
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;
	for (int i = 1; i < argc; i++) {
		char *text = slurp(argv[i]);
		icalcomponent *cal = text ? icalparser_parse_string(text) : NULL;
		int errors = -1, items = 0;
		if (cal && icalcomponent_isa(cal) == ICAL_VCALENDAR_COMPONENT) {
			icalrestriction_check(cal);
			errors = report_errors(cal, argv[i]);
			items = icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT) +
				icalcomponent_count_components(cal, ICAL_VTODO_COMPONENT);
		}
		if (errors == 0) {
			printf("ok   %s: %d item(s)\n", argv[i], items);
			passed++;
		} else {
			printf("FAIL %s: %s\n", argv[i], errors < 0 ? "not a VCALENDAR" : "errors above");
			failed++;
		}
		if (cal)
			icalcomponent_free(cal);
		free(text);
	}
	printf("icalcheck: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}

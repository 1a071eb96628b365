#!/usr/bin/python3
"""check_ics.py - validate iCalendar files written by `kehoach schedule --ics`.

Run with Debian's interpreter (/usr/bin/python3), which has python3-icalendar:

    /usr/bin/python3 tests/ics/check_ics.py out/*.ics

The checks of shared/FORMATS.md §2 (pycheck.py):
  raw bytes   every line ends in CRLF (no bare LF or CR), no physical line
              over 75 octets, every physical line valid UTF-8 on its own
              (a fold that split a sequence shows up here), no "\\:" escape
  parsed      (icalendar.Calendar.from_ical) VERSION:2.0 and PRODID once
              each; UID and DTSTAMP exactly once in every VEVENT and
              VTODO, DTSTAMP in UTC; VEVENT has DTSTART; no DTEND in a
              VTODO; not both DUE and DURATION; not both DTEND and
              DURATION; every component's .errors empty; every date
              property decodes; DATE and DATE-TIME not mixed in one
              component; DTEND/DUE not before DTSTART; RRULE has exactly
              one FREQ and not both COUNT and UNTIL, its UNTIL of
              DTSTART's value type and not before DTSTART; STATUS valid
              for the component; UIDs unique in the file.
Prints one line per file ("ok FILE" or "FAIL FILE: reason; reason") and
ends with "N passed, N failed". Exit status 0 when all pass, 1 otherwise.
"""
import datetime
import sys

try:
    from icalendar import Calendar
except ImportError:  # pragma: no cover
    print("check_ics.py: python3-icalendar is missing (apt-get install python3-icalendar);"
          " run with /usr/bin/python3", file=sys.stderr)
    sys.exit(2)

DATE_PROPS = ("DTSTART", "DTEND", "DUE", "DTSTAMP", "RECURRENCE-ID", "CREATED",
              "LAST-MODIFIED", "COMPLETED")
STATUS = {
    "VEVENT": {"TENTATIVE", "CONFIRMED", "CANCELLED"},
    "VTODO": {"NEEDS-ACTION", "COMPLETED", "IN-PROCESS", "CANCELLED"},
    "VJOURNAL": {"DRAFT", "FINAL", "CANCELLED"},
}


def check_bytes(data, problems):
    if not data:
        problems.append("empty file")
        return
    lines = data.split(b"\r\n")
    if lines[-1] != b"":
        problems.append("last line does not end in CRLF")
    for n, line in enumerate(lines[:-1] if lines[-1] == b"" else lines, 1):
        if b"\n" in line:
            problems.append("line %d: bare LF" % n)
        if b"\r" in line:
            problems.append("line %d: bare CR" % n)
        if len(line) > 75:
            problems.append("line %d: %d octets (over 75)" % (n, len(line)))
        try:
            line.decode("utf-8", errors="strict")
        except UnicodeDecodeError as e:
            problems.append("line %d: invalid UTF-8 (%s): a fold split a sequence?" % (n, e.reason))
        if b"\\:" in line:
            problems.append("line %d: '\\:' is not a TEXT escape" % n)
        if n > 1 and line[:1] not in (b" ", b"\t") and b":" not in line and b";" not in line:
            problems.append("line %d: neither a property nor a continuation" % n)


def value_type(v):
    if isinstance(v, datetime.datetime):
        return "DATE-TIME"
    if isinstance(v, datetime.date):
        return "DATE"
    return type(v).__name__


def decoded(comp, name, problems, where):
    try:
        prop = comp.get(name)
        if prop is None:
            return None
        if isinstance(prop, list):
            problems.append("%s: %s appears %d times" % (where, name, len(prop)))
            prop = prop[0]
        return prop.dt
    except Exception as e:  # a value that does not decode
        problems.append("%s: %s does not decode (%s)" % (where, name, e))
        return None


def count(comp, name):
    v = comp.get(name)
    if v is None:
        return 0
    return len(v) if isinstance(v, list) else 1


def check_until(until, start, problems, where):
    """RFC 5545 3.3.10: UNTIL has DTSTART's value type (a DATE for an
    all-day DTSTART), and a series that ends before it starts is empty."""
    if start is None:
        return
    if value_type(until) != value_type(start):
        problems.append("%s: RRULE UNTIL is a %s but DTSTART a %s" %
                        (where, value_type(until), value_type(start)))
    elif until < start:
        problems.append("%s: RRULE UNTIL %s is before DTSTART %s" % (where, until, start))


def check_component(comp, problems, uids):
    kind = comp.name
    uid = comp.get("UID")
    where = "%s %s" % (kind, uid if uid is not None else "(no UID)")
    for err in getattr(comp, "errors", []) or []:
        problems.append("%s: parser error %r" % (where, err))
    if kind in ("VEVENT", "VTODO"):
        for req in ("UID", "DTSTAMP"):
            n = count(comp, req)
            if n != 1:
                problems.append("%s: %s appears %d times (exactly once required)" % (where, req, n))
        if uid is not None:
            if str(uid) in uids:
                problems.append("%s: UID used twice" % where)
            uids.add(str(uid))
        stamp = decoded(comp, "DTSTAMP", problems, where)
        if stamp is not None:
            if not isinstance(stamp, datetime.datetime) or stamp.tzinfo is None or \
                    stamp.utcoffset() != datetime.timedelta(0):
                problems.append("%s: DTSTAMP is not a UTC date-time" % where)
    if kind == "VEVENT":
        if count(comp, "DTSTART") != 1:
            problems.append("%s: VEVENT needs one DTSTART (no METHOD)" % where)
        if comp.get("DTEND") is not None and comp.get("DURATION") is not None:
            problems.append("%s: both DTEND and DURATION" % where)
    if kind == "VTODO":
        if comp.get("DTEND") is not None:
            problems.append("%s: DTEND in a VTODO (use DUE)" % where)
        if comp.get("DUE") is not None and comp.get("DURATION") is not None:
            problems.append("%s: both DUE and DURATION" % where)
        if comp.get("DURATION") is not None and comp.get("DTSTART") is None:
            problems.append("%s: DURATION without DTSTART" % where)
    if kind in ("VEVENT", "VTODO", "VJOURNAL"):
        values = {}
        for name in DATE_PROPS:
            v = decoded(comp, name, problems, where)
            if v is not None:
                values[name] = v
        types = {value_type(values[n]) for n in ("DTSTART", "DTEND", "DUE") if n in values}
        if len(types) > 1:
            problems.append("%s: DATE and DATE-TIME mixed (%s)" % (where, ", ".join(sorted(types))))
        start = values.get("DTSTART")
        for name in ("DTEND", "DUE"):
            end = values.get(name)
            if start is not None and end is not None and len(types) == 1:
                if end < start:
                    problems.append("%s: %s before DTSTART" % (where, name))
        status = comp.get("STATUS")
        if status is not None and str(status) not in STATUS.get(kind, set()):
            problems.append("%s: STATUS:%s is not allowed in a %s" % (where, status, kind))
        rr = comp.get("RRULE")
        if rr is not None:
            rules = rr if isinstance(rr, list) else [rr]
            for r in rules:
                freq = r.get("FREQ")
                if not freq or len(freq) != 1:
                    problems.append("%s: RRULE needs exactly one FREQ" % where)
                if "COUNT" in r and "UNTIL" in r:
                    problems.append("%s: RRULE has both COUNT and UNTIL" % where)
                for until in r.get("UNTIL", []):
                    check_until(until, start, problems, where)
            if start is None:
                problems.append("%s: RRULE without DTSTART" % where)
    for sub in comp.subcomponents:
        check_component(sub, problems, uids)


def check_file(path):
    problems = []
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        return ["cannot read: %s" % e]
    check_bytes(data, problems)
    try:
        cal = Calendar.from_ical(data)
    except Exception as e:
        problems.append("does not parse: %s" % e)
        return problems
    if cal.name != "VCALENDAR":
        problems.append("top component is %s, not VCALENDAR" % cal.name)
    for req in ("VERSION", "PRODID"):
        n = count(cal, req)
        if n != 1:
            problems.append("VCALENDAR: %s appears %d times (exactly once required)" % (req, n))
    if cal.get("VERSION") is not None and str(cal.get("VERSION")) != "2.0":
        problems.append("VCALENDAR: VERSION is %s, not 2.0" % cal.get("VERSION"))
    if b"METHOD:" in data:
        problems.append("VCALENDAR: METHOD makes clients demand ORGANIZER (iTIP); leave it out")
    check_component(cal, problems, set())
    return problems


def main(argv):
    if len(argv) < 2:
        print("usage: check_ics.py FILE.ics...", file=sys.stderr)
        return 2
    passed = failed = 0
    for path in argv[1:]:
        problems = check_file(path)
        if problems:
            failed += 1
            print("FAIL %s: %s" % (path, "; ".join(problems)))
        else:
            passed += 1
            print("ok %s" % path)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

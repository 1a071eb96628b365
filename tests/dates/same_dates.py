#!/usr/bin/python3
"""One date model: for each plan, the days that `json` gives every dated
deadline and meeting (relative ones as the resolver derived them) are the
same set as the days in `schedule --csv` and in `schedule --ics` (a
calendar event placed at the end of its window may stand for its last day). A date
computed again downstream, or dropped by one output, shows here.
Usage: same_dates.py KEHOACH FILE...   Ends with "N passed, N failed"."""
import csv
import datetime
import io
import json
import subprocess
import sys

K = sys.argv[1]


def out(*args):
    # bytes: text mode would turn the calendar's CRLF into LF
    p = subprocess.run([K] + list(args), capture_output=True)
    return p.returncode, p.stdout.decode("utf-8")


def json_days(doc):
    """The day each dated deadline and meeting is due: the end of its window
    (a 'from_to' window's too), or the start of an open-ended 'từ' window. Recurring and to-be-announced
    items have none of their own."""
    days = set()
    plan = doc.get("plan") or {}

    def add(whens):
        if any(w.get("type") == "recurrence" for w in whens):
            return  # one recurring duty: its dated items only anchor it
        for w in whens:
            if w.get("type") in ("recurrence", "tba") or not w.get("start"):
                continue
            days.add(w["start"] if w.get("type") == "from" or not w.get("end") else w["end"])

    for t in plan.get("tasks", []):
        add(t.get("due", []))
    for m in plan.get("meetings", []):
        for lw in m.get("when", []):
            add(lw.get("when", []))
    return days


def csv_days(text):
    days = set()
    for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff"))):
        if row["kind"] == "recurring":
            continue
        if row["end"] or row["start"]:
            days.add(row["end"] or row["start"])
    return days


def ics_components(text):
    """For each non-recurring to-do its DUE (or DTSTART when open-ended); for
    each event the days it may stand for: its first day (a fixed date) or its
    last (an event placed at the end of a window)."""
    comps, comp, recurring, kind = [], None, False, None
    for line in text.replace("\r\n ", "").split("\r\n"):
        if line.startswith("BEGIN:V") and line != "BEGIN:VCALENDAR":
            comp, recurring, kind = {}, False, line[6:]
        elif line.startswith("RRULE"):
            recurring = True
        elif comp is not None and ":" in line:
            name, value = line.split(":", 1)
            name = name.split(";")[0]
            if name in ("DTSTART", "DUE", "DTEND") and len(value) == 8:
                comp[name] = datetime.date(int(value[:4]), int(value[4:6]), int(value[6:]))
        if line.startswith("END:V") and line != "END:VCALENDAR" and comp is not None:
            if not recurring and kind == "VTODO":
                comps.append({(comp.get("DUE") or comp["DTSTART"]).isoformat()})
            elif not recurring and kind == "VEVENT":
                comps.append({comp["DTSTART"].isoformat(),
                              (comp["DTEND"] - datetime.timedelta(days=1)).isoformat()})
            comp = None
    return comps


def compare(want, comps):
    seen = set().union(*comps) if comps else set()
    missing = sorted(want - seen)
    extra = sorted(min(c) for c in comps if not c & want)
    return missing, extra


passed = failed = 0
for f in sys.argv[2:]:
    rc, j = out("json", f)
    if rc != 0:
        print("skip %s (does not resolve)" % f)
        continue
    want = json_days(json.loads(j))
    got_csv = csv_days(out("schedule", "--csv", f)[1])
    got_ics = ics_components(out("schedule", "--ics", f)[1])
    problems = []
    if got_csv != want:
        problems.append("csv: missing %s, extra %s" % (sorted(want - got_csv), sorted(got_csv - want)))
    missing, extra = compare(want, got_ics)
    if missing or extra:
        problems.append("ics: missing %s, extra %s" % (missing, extra))
    if problems:
        failed += 1
        print("FAIL %s: %s" % (f, "; ".join(problems)))
    else:
        passed += 1
        print("ok   %s (%d days)" % (f, len(want)))
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)

#!/usr/bin/python3
"""`kehoach awards --candidates` against the independent reference.

tests/awards/EXPECTED.md is written by expected.py, which screens the
nominee files with Python's csv module and the plans' criteria rewritten
by hand; it shares nothing with kehoach. This test runs kehoach on each
pair below and compares, form by form: who is eligible within and past
the quota, in order; the ties and whether the quota line falls inside
one; who is rejected, by which rule and why; who cannot be screened; the
located errors (file:line:col); and the exit status. Twins (the same
records saved another way) must give the same JSON but for the file name.

Run: tests/awards/run.py path/to/kehoach
Prints one line per check and ends with `N passed, N failed`.
"""
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# nominee file -> (plan, twin of)
PAIRS = {
    "gddt-nominees.csv": ("KH-thi-dua-so-gddt-2025.kh", None),
    "gddt-nominees-semicolon-bom.csv": ("KH-thi-dua-so-gddt-2025.kh", "gddt-nominees.csv"),
    "297-nominees.csv": ("297-awards.kh", None),
    "dang-uy-xa-nominees.csv": ("KH-khen-thuong-dang-uy-xa-2025.kh", None),
    "dang-uy-xa-nominees-comma.csv": ("KH-khen-thuong-dang-uy-xa-2025.kh", "dang-uy-xa-nominees.csv"),
    "dsvh-nominees.csv": ("KH-khen-thuong-dsvh-huyen-2025.kh", None),
}

passed = failed = 0


def result(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {what}")
    else:
        failed += 1
        print(f"FAIL {what}\n{detail}")


def parse_expected():
    """{csv: {"errors": {(line, col)}, "forms": {id: {...}}}} from EXPECTED.md."""
    files, cur, form, part = {}, None, None, None
    with open(os.path.join(HERE, "EXPECTED.md"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = re.match(r"## (\S+\.csv)$", line)
            if m:
                cur = files.setdefault(m.group(1), {"errors": set(), "forms": {}})
                form = part = None
                continue
            if cur is None:
                continue
            m = re.match(r"### (\S+) — ", line)
            if m:
                form = cur["forms"].setdefault(m.group(1), {
                    "deferred": False, "within": [], "past": [], "ties": [], "rejected": [],
                    "unscreened": []})
                continue
            if line.startswith("Deferred"):
                form["deferred"] = True
            elif line.startswith("Eligible within"):
                part = "within"
            elif line.startswith("Eligible but past"):
                part = "past"
            elif line.startswith("Rejected"):
                part = "rejected"
            elif line.startswith("Located errors"):
                part = "unscreened"
            m = re.match(r"- `[^:]+:(\d+):(\d+): error: ", line)
            if m:
                cur["errors"].add((int(m.group(1)), int(m.group(2))))
                if form is not None and part == "unscreened":
                    form["unscreened"].append(int(m.group(1)))
                continue
            m = re.match(r"(?:\d+\.|-) line (\d+) ", line)
            if m and part in ("within", "past"):
                form[part].append(int(m.group(1)))
                continue
            m = re.match(r"- line (\d+) .*?: rule (\d+) “.*?” — (.*)$", line)
            if m and part == "rejected":
                form["rejected"].append((int(m.group(1)), int(m.group(2)), m.group(3)))
                continue
            m = re.match(r"- Tie \((.*)\): equal on", line)
            if m:
                lines = tuple(int(x) for x in re.findall(r"line (\d+)", m.group(1)))
                form["ties"].append((lines, "straddles the quota line" in line))
    return files


def field(letters):
    n = 0
    for c in letters:
        n = n * 26 + ord(c) - ord("A") + 1
    return n


def run(binary, plan, csv):
    p = subprocess.run([binary, "awards", os.path.join(HERE, plan), "--candidates",
                        os.path.join(HERE, csv), "--format", "json", "--no-color"],
                       capture_output=True, text=True)
    # The spreadsheet's column letters in the message give the field.
    errors = {(int(a), field(b)) for a, b in
              re.findall(r"^[^\n:]+\.csv:(\d+):\d+: error: .*\(column ([A-Z]+)\)", p.stderr, re.M)}
    try:
        doc = json.loads(p.stdout)
    except json.JSONDecodeError as e:
        doc = {"bad": str(e)}
    return p.returncode, doc, errors, p.stderr


def compare_form(csv, fid, want, got):
    what = f"{csv} {fid}"
    if want["deferred"]:
        # Deferred, or in words only: either way nobody is screened.
        result(got["status"] in ("deferred", "prose") and not got["eligible"]
               and not got["rejected"], f"{what}: deferred, nobody screened", json.dumps(got, ensure_ascii=False)[:300])
        return
    within = [e["line"] for e in got["eligible"] if e["within_quota"]]
    past = [e["line"] for e in got["eligible"] if not e["within_quota"]]
    result(within == want["within"], f"{what}: eligible within the quota, in order",
           f"  want {want['within']}\n  got  {within}")
    result(past == want["past"], f"{what}: eligible past the quota, in order",
           f"  want {want['past']}\n  got  {past}")
    ties = [(tuple(t["lines"]), t["straddles_quota"]) for t in got["ties"]]
    result(ties == want["ties"], f"{what}: ties and the quota line",
           f"  want {want['ties']}\n  got  {ties}")
    rej = [(r["line"], r["rule"], r["reason"]) for r in got["rejected"]]
    result([r[:2] for r in rej] == [r[:2] for r in want["rejected"]],
           f"{what}: rejected, by the first rule that fails",
           "\n".join(f"  want {w}\n  got  {g}" for w, g in zip(want["rejected"], rej) if w[:2] != g[:2])
           or f"  want {len(want['rejected'])} got {len(rej)}")
    bad = [(w, g) for w, g in zip(want["rejected"], rej) if w[2] != g[2]]
    result(not bad, f"{what}: why each is rejected",
           "\n".join(f"  line {w[0]}\n    want {w[2]}\n    got  {g[2]}" for w, g in bad[:5]))
    uns = [u["line"] for u in got["unscreened"]]
    result(uns == want["unscreened"], f"{what}: not screened for a blank cell",
           f"  want {want['unscreened']}\n  got  {uns}")


def main():
    binary = sys.argv[1]
    expected = parse_expected()
    outputs = {}
    for csv, (plan, twin) in PAIRS.items():
        rc, doc, errors, stderr = run(binary, plan, csv)
        outputs[csv] = doc
        if "bad" in doc:
            result(False, f"{csv}: JSON output", doc["bad"] + "\n" + stderr[-2000:])
            continue
        if twin:
            a = json.dumps({k: v for k, v in doc.items() if k != "nominees"}, sort_keys=True)
            b = json.dumps({k: v for k, v in outputs[twin].items() if k != "nominees"},
                           sort_keys=True)
            result(a == b, f"{csv}: screens as {twin} does")
            want = expected[twin]
        else:
            want = expected[csv]
        result(rc == 1, f"{csv}: exit 1 (the file has errors)", f"  exit {rc}")
        result(errors == want["errors"], f"{csv}: the located errors",
               f"  missing {sorted(want['errors'] - errors)}\n  extra   {sorted(errors - want['errors'])}")
        forms = {f["id"]: f for f in doc["forms"]}
        result(set(forms) == set(want["forms"]), f"{csv}: every form",
               f"  want {sorted(want['forms'])}\n  got  {sorted(forms)}")
        if twin:
            continue
        for fid, w in want["forms"].items():
            if fid in forms:
                compare_form(csv, fid, w, forms[fid])
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

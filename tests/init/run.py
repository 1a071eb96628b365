#!/usr/bin/python3
"""`kehoach init`: every starting plan checks clean, and -o keeps its promises.

For every kind (plan, guidance, letter), family (state, party) and level
(tỉnh, huyện, xã), on several days (SOURCE_DATE_EPOCH: before and after
the district level ended on 30/6/2025, just before a Tết break, and
today), the plan that `init -o` writes must: check clean with
--fail-on warning; be laid out as `fmt` lays it out; print as JSON with
the family's header forms and number form; render as HTML and as a Word
file; give a calendar. Then the command line: -o refuses an existing file
(and leaves it as it was) unless --force, refuses the stdlib files it
reads, --date and the district level, standard output equals -o, and
usage errors exit 2.

Run: tests/init/run.py path/to/kehoach
Prints one line per failure and ends with `N passed, N failed`.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

KINDS = ["plan", "guidance", "letter"]
FAMILIES = ["state", "party"]
LEVELS = ["tỉnh", "huyện", "xã"]
# 10/9/2019, 5/2/2024 (Tết 2024 starts on the 8th), 1/12/2025, and today
DAYS = ["1568073600", "1707091200", "1764547200", None]
HEADING = {"plan": "KẾ HOẠCH", "guidance": "HƯỚNG DẪN", "letter": None}


def run(binary, args, epoch=None, cwd=None):
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    return subprocess.run([binary] + args, capture_output=True, text=True, env=env, cwd=cwd)


class Suite:
    def __init__(self):
        self.passed = self.failed = 0

    def expect(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {what}")


def number_ok(family, kind, number):
    if family == "party":
        return re.fullmatch(r"01-(KH|HD|CV)/\w+", number) is not None
    if kind == "letter":
        return re.fullmatch(r"01/UBND-\w+", number) is not None
    return re.fullmatch(r"01/(KH|HD)-\w+", number) is not None


def one_plan(s, binary, tmp, kind, family, level, epoch):
    name = f"{kind} {family} {level} @{epoch or 'today'}"
    path = os.path.join(tmp, "p.kh")
    if os.path.exists(path):
        os.unlink(path)
    p = run(binary, ["init", "--kind", kind, "--family", family, "--level", level, "-o", path], epoch)
    s.expect(p.returncode == 0 and os.path.exists(path), f"{name}: init exits {p.returncode}: {p.stderr[:300]}")
    if not os.path.exists(path):
        return
    c = run(binary, ["check", "--no-color", "--fail-on", "warning", path])
    s.expect(c.returncode == 0 and not c.stderr, f"{name}: not clean:\n{c.stderr[:1500]}")
    f = run(binary, ["fmt", "--check", path])
    s.expect(f.returncode == 0, f"{name}: not in fmt's layout")
    j = run(binary, ["json", path])
    s.expect(j.returncode == 0, f"{name}: json exits {j.returncode}")
    if j.returncode == 0:
        plan = json.loads(j.stdout)["plan"]
        h = plan["header"]
        s.expect(h["system"] == family, f"{name}: family {h['system']}")
        s.expect(h["kind_heading"] == HEADING[kind], f"{name}: heading {h['kind_heading']}")
        s.expect(number_ok(family, kind, plan["number"]), f"{name}: number {plan['number']}")
        s.expect(len(plan["tasks"]) == 3 and plan["signature"], f"{name}: tasks or signature missing")
    r = run(binary, ["render", "--html", path])
    s.expect(r.returncode == 0 and "<html" in r.stdout, f"{name}: render --html exits {r.returncode}")
    docx = os.path.join(tmp, "p.docx")
    d = run(binary, ["render", "--docx", "-o", docx, path])
    s.expect(d.returncode == 0 and os.path.getsize(docx) > 1000, f"{name}: render --docx exits {d.returncode}")
    i = run(binary, ["schedule", "--ics", path])
    s.expect(i.returncode == 0 and i.stdout.count("BEGIN:VTODO") == 3, f"{name}: schedule --ics")
    own_issuer(s, binary, tmp, path, name)


def own_issuer(s, binary, tmp, path, name):
    """The plan's first comment shows how to print the place in the header:
    declare one's own body ("#   cơ_quan …") and use its id for the issuer.
    Done as it says, the plan is still clean and the header has the place."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    decls = re.findall(r"^#   (cơ_quan .*)$", text, re.M)
    advice = re.search(r"^# rồi thay (\S+) bằng (\S+) trong cả kế hoạch", text, re.M)
    issuer = re.search(r"^  ban_hành (\S+)", text, re.M)
    s.expect(decls and advice and issuer and advice.group(1) == issuer.group(1),
             f"{name}: no advice on declaring one's own issuer")
    if not (decls and advice and issuer):
        return
    old, new = advice.groups()
    lines = [ln if ln.lstrip().startswith("#") else re.sub(r"(?<![\w])" + re.escape(old) + r"(?![\w])", new, ln)
             for ln in text.split("\n")]
    text = "\n".join(lines).replace('import "vn/bodies"', 'import "vn/bodies"\n' + "\n".join(decls), 1)
    mine = os.path.join(tmp, "own.kh")
    with open(mine, "w", encoding="utf-8") as f:
        f.write(text)
    c = run(binary, ["check", "--no-color", "--fail-on", "warning", mine])
    s.expect(c.returncode == 0, f"{name}: with its own issuer, not clean:\n{c.stderr[:1500]}")
    j = run(binary, ["json", mine])
    if j.returncode == 0:
        h = json.loads(j.stdout)["plan"]["header"]
        lines = f"{h['superior'] or ''} {h['issuer']}"
        s.expect(any(p in lines for p in ("QUẢNG NAM", "THĂNG BÌNH", "BÌNH MINH")),
                 f"{name}: with its own issuer, the header is {lines}")


def command_line(s, binary, tmp):
    path = os.path.join(tmp, "mine.kh")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# my plan\n")
    p = run(binary, ["init", "-o", path])
    with open(path, encoding="utf-8") as f:
        kept = f.read() == "# my plan\n"
    s.expect(p.returncode == 2 and kept and "exists" in p.stderr, "-o over an existing file is refused")
    p = run(binary, ["init", "-o", path, "--force"], "1764547200")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    s.expect(p.returncode == 0 and text.startswith("# Kế hoạch"), "--force replaces it")
    out = run(binary, ["init"], "1764547200")
    s.expect(out.returncode == 0 and out.stdout == text and not out.stderr, "standard output equals -o")
    left = [n for n in os.listdir(tmp) if n.startswith(".")]
    s.expect(not left, f"no temporary file left: {left}")
    stdlib = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                          "stdlib", "vn", "bodies.kh")
    with open(stdlib, encoding="utf-8") as f:
        before = f.read()
    p = run(binary, ["init", "-o", stdlib, "--force"])
    with open(stdlib, encoding="utf-8") as f:
        s.expect(p.returncode == 2 and f.read() == before, "-o onto the stdlib it reads is refused")
    # the district level ended on 30/6/2025: an explicit later date is an
    # error, no date gives a plan dated before then, with a note
    p = run(binary, ["init", "--level", "huyện", "--date", "1/7/2025"])
    s.expect(p.returncode == 2 and not p.stdout, "--date after the district level ended")
    p = run(binary, ["init", "--level", "huyện"], "1764547200")
    s.expect(p.returncode == 0 and "ngày 29/4/2025" in p.stdout and "note:" in p.stderr,
             f"a district plan today is dated while the level existed: {p.stderr}")
    p = run(binary, ["init", "--date", "2024-02-05", "--kind", "letter"])
    s.expect(p.returncode == 0 and "ngày 5/2/2024" in p.stdout and "hạn trước 26/2/2024" in p.stdout,
             "--date, deadlines over Tết 2024 (8/2-14/2 off)")
    p = run(binary, ["init", "--kind=hướng_dẫn", "--family=dang", "--level=xa"], "1764547200")
    s.expect(p.returncode == 0 and "hướng_dẫn \"01-HD/ĐU\"" in p.stdout, "Vietnamese spellings of the choices")
    for bad in (["--kind", "report"], ["--family", "army"], ["--level", "thôn"], ["--date", "31/2/2024"],
                ["--date", "1/1/1800"], ["--bogus"], ["plan.kh"], ["--force"], ["--kind"]):
        p = run(binary, ["init"] + bad)
        s.expect(p.returncode == 2 and not p.stdout and "error" in p.stderr, f"init {' '.join(bad)} exits 2")
    p = run(binary, ["init", "--stdlib", os.path.join(tmp, "none")])
    s.expect(p.returncode == 2 and "vn/bodies" in p.stderr, "a stdlib without vn/bodies")
    h = run(binary, ["help", "init"])
    s.expect(h.returncode == 0 and "kehoach init" in h.stdout, "help init")
    h = run(binary, ["init", "--help"])
    s.expect(h.returncode == 0 and "kehoach init" in h.stdout, "init --help")


def main():
    binary = os.path.abspath(sys.argv[1])
    s = Suite()
    with tempfile.TemporaryDirectory() as tmp:
        for epoch in DAYS:
            for kind in KINDS:
                for family in FAMILIES:
                    for level in LEVELS:
                        one_plan(s, binary, tmp, kind, family, level, epoch)
        command_line(s, binary, tmp)
    print(f"init: {s.passed} passed, {s.failed} failed")
    return 1 if s.failed else 0


if __name__ == "__main__":
    sys.exit(main())

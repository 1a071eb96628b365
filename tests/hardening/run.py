#!/usr/bin/python3
"""Regression tests for the attack list (../shared/attacks/README.md): each
case builds its own input in a scratch folder, runs kehoach as a user would,
and checks what must hold. Ends with "N passed, N failed".
Usage: tests/hardening/run.py BUILD/kehoach"""
import json
import os
import stat
import subprocess
import sys
import tempfile

K = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/kehoach")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(ROOT, "examples", "250-KH-TU-2019.kh")
passed = failed = 0


def case(name):
    def wrap(fn):
        global passed, failed
        with tempfile.TemporaryDirectory() as d:
            try:
                msg = fn(d)
            except Exception as e:  # a broken case is a failed case
                msg = "exception: %r" % (e,)
        if msg is None:
            passed += 1
            print("ok   %s" % name)
        elif msg == "skip":
            print("skip %s" % name)
        else:
            failed += 1
            print("FAIL %s: %s" % (name, msg))
        return fn
    return wrap


def run(*args, **kw):
    return subprocess.run([K] + list(args), capture_output=True, timeout=60, **kw)


def nested_sections(depth):
    lines = ['cơ_quan a "A"', 'kế_hoạch "1-KH" {', "  ban_hành a"]
    for i in range(depth):
        lines.append("  " * (i + 1) + 'mục "M%d" {' % i)
    lines.append("  " * (depth + 1) + '"văn bản"')
    for i in reversed(range(depth)):
        lines.append("  " * (i + 1) + "}")
    lines.append("}")
    return "\n".join(lines) + "\n"


@case("json stays valid at 29, 30, 64 and 255 nested sections, the limit (attack 1)")
def _(d):
    for depth in (29, 30, 64, 255):
        p = os.path.join(d, "n%d.kh" % depth)
        open(p, "w").write(nested_sections(depth))
        r = run("json", p)
        if r.returncode != 0:
            return "depth %d: exit %d: %s" % (depth, r.returncode, r.stderr[:300])
        try:
            doc = json.loads(r.stdout)
        except ValueError as e:
            return "depth %d: invalid JSON: %s" % (depth, e)
        # the innermost section is really there, at its depth
        node, seen = {"items": doc["plan"]["body"]}, 0
        while node["items"] and node["items"][0]["kind"] == "section":
            node = node["items"][0]
            seen += 1
        if seen != depth:
            return "depth %d: JSON holds %d levels" % (depth, seen)
    # one past the limit (256 open blocks with the plan's): a located error
    p = os.path.join(d, "n256.kh")
    open(p, "w").write(nested_sections(256))
    r = run("json", p)
    if r.returncode != 1 or b"n256.kh:" not in r.stderr or b"[nesting-too-deep]" not in r.stderr:
        return "one past the limit: exit %d: %s" % (r.returncode, r.stderr[:200])
    if r.stdout:
        return "one past the limit printed JSON"


def special_files(d):
    """Nodes -o must write through, never replace: name -> (kind test, make)."""
    made = {}
    os.mkfifo(os.path.join(d, "fifo"))
    made["fifo"] = stat.S_ISFIFO
    os.symlink("/proc/self/fd/1", os.path.join(d, "stdout"))
    made["stdout"] = stat.S_ISLNK
    if os.geteuid() == 0:
        os.mknod(os.path.join(d, "null"), 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        made["null"] = stat.S_ISCHR
        os.mknod(os.path.join(d, "full"), 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        made["full"] = stat.S_ISCHR
    return made


@case("-o onto a device, FIFO or symlink writes through it (attack 2)")
def _(d):
    made = special_files(d)
    for name, is_kind in made.items():
        p = os.path.join(d, name)
        if name == "fifo":
            reader = subprocess.Popen(["cat", p], stdout=subprocess.PIPE)
            r = run("json", "-o", p, EXAMPLE)
            got = reader.communicate(timeout=30)[0]
            if r.returncode != 0 or not json.loads(got):
                return "fifo: exit %d, %d bytes read" % (r.returncode, len(got))
        else:
            r = run("json", "-o", p, EXAMPLE)
            want = 2 if name == "full" else 0
            if r.returncode != want:
                return "%s: exit %d, wanted %d: %s" % (name, r.returncode, want, r.stderr)
        if not is_kind(os.lstat(p).st_mode):
            return "%s was replaced by a regular file" % name
    if os.geteuid() != 0:
        print("     (device nodes need root: only the FIFO and the link were tried)")


@case("-o naming the input, or a link to it, is refused and the plan kept (attack 16)")
def _(d):
    p = os.path.join(d, "p.kh")
    text = open(EXAMPLE, "rb").read()
    open(p, "wb").write(text)
    os.symlink("p.kh", os.path.join(d, "alias"))
    for out in (p, os.path.join(d, "alias")):
        for cmd in (["json"], ["render", "--html"], ["check", "--format", "sarif"]):
            r = run(*cmd, "-o", out, p)
            if r.returncode != 2 or b"input file" not in r.stderr:
                return "%s -o %s: exit %d" % (cmd, out, r.returncode)
            if open(p, "rb").read() != text:
                return "%s -o %s overwrote the plan" % (cmd, out)


@case("-o through a symlink replaces its target, keeps the link and the mode")
def _(d):
    t = os.path.join(d, "out.json")
    open(t, "w").write("old")
    os.chmod(t, 0o640)
    os.symlink("out.json", os.path.join(d, "link"))
    r = run("json", "-o", os.path.join(d, "link"), EXAMPLE)
    if r.returncode != 0:
        return "exit %d" % r.returncode
    if not os.path.islink(os.path.join(d, "link")):
        return "the link was replaced"
    json.load(open(t))
    if stat.S_IMODE(os.stat(t).st_mode) != 0o640:
        return "mode %o" % stat.S_IMODE(os.stat(t).st_mode)


def small_plan():
    return 'cơ_quan a "A"\nkế_hoạch "1-KH" {\nban_hành a\n}\n'


@case("fmt -w keeps a symlink, rewrites its target, refuses read-only, notes hard links (attack 3)")
def _(d):
    t = os.path.join(d, "target.kh")
    open(t, "w").write(small_plan())
    os.symlink("target.kh", os.path.join(d, "link.kh"))
    r = run("fmt", "-w", os.path.join(d, "link.kh"))
    if r.returncode != 0 or not os.path.islink(os.path.join(d, "link.kh")):
        return "symlink replaced (exit %d)" % r.returncode
    if open(t).read() == small_plan():
        return "the link's target was not formatted"
    ro = os.path.join(d, "ro.kh")
    open(ro, "w").write(small_plan())
    os.chmod(ro, 0o444)
    r = run("fmt", "-w", ro)
    if r.returncode == 0 or open(ro).read() != small_plan() or b"read-only" not in r.stderr:
        return "read-only file rewritten without --force"
    r = run("fmt", "-w", "--force", ro)
    if r.returncode != 0 or open(ro).read() == small_plan() or stat.S_IMODE(os.stat(ro).st_mode) != 0o444:
        return "--force did not rewrite the read-only file keeping its mode"
    h1, h2 = os.path.join(d, "h1.kh"), os.path.join(d, "h2.kh")
    open(h1, "w").write(small_plan())
    os.link(h1, h2)
    r = run("fmt", "-w", h1)
    if b"hard link" not in r.stderr:
        return "no word about the other hard link"
    if os.geteuid() == 0:
        u = os.path.join(d, "user.kh")
        open(u, "w").write(small_plan())
        os.chown(u, 65534, 65534)
        os.chmod(u, 0o640)
        run("fmt", "-w", u)
        st = os.stat(u)
        if (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) != (65534, 65534, 0o640):
            return "owner, group or mode lost: %d:%d %o" % (st.st_uid, st.st_gid, st.st_mode)


@case("fmt -w interrupted by SIGTERM or SIGINT leaves the plan whole and no temporary file (attack 18)")
def _(d):
    import glob
    import signal
    import time
    lines = ['cơ_quan a "A"', 'kế_hoạch "1-KH/TU" {', 'ban_hành a']
    lines += ['- "đoạn %d xxxxxxxxxx"' % i for i in range(120000)] + ["}"]
    orig = ("\n".join(lines) + "\n").encode()
    p = os.path.join(d, "p.kh")
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGTERM, signal.SIGINT):
        open(p, "wb").write(orig)
        proc = subprocess.Popen([K, "fmt", "-w", p], stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while proc.poll() is None and not glob.glob(os.path.join(d, ".p.kh.kehoach-*")):
            if time.time() > deadline:
                break
        proc.send_signal(sig)
        proc.wait()
        left = glob.glob(os.path.join(d, ".p.kh.kehoach-*"))
        if left:
            return "%s left %s" % (sig, left)
        c = open(p, "rb").read()
        if c != orig and not c.startswith(b'c\xc6\xa1_quan a "A"\nk'):
            return "%s corrupted the plan" % sig


@case("importing a FIFO is refused at once, never blocks (attack 6)")
def _(d):
    os.mkfifo(os.path.join(d, "part.kh"))
    p = os.path.join(d, "plan.kh")
    open(p, "w").write('import "./part.kh"\n')
    try:
        r = run("check", p)
    except subprocess.TimeoutExpired:
        return "blocked on the FIFO"
    if r.returncode == 0 or b"not a regular file" not in r.stderr:
        return "exit %d: %s" % (r.returncode, r.stderr[:200])


# Import depth and the number of files (attack 7): tests/limits/run.py.


@case("--stdlib / does not open the file system to relative imports (attack 20)")
def _(d):
    x = os.path.join(d, "x")
    os.mkdir(x)
    p = os.path.join(x, "p.kh")
    open(p, "w").write('import "../../../../../../../etc/passwd"\n')
    r = run("check", "--stdlib", "/", p)
    if r.returncode != 1 or b"[import-outside-root]" not in r.stderr or b"root:" in r.stderr:
        return "exit %d: %s" % (r.returncode, r.stderr[:300])


@case("a plan read from a pipe: /dev/stdin (attack 19)")
def _(d):
    text = open(EXAMPLE, "rb").read()
    r = subprocess.run([K, "check", "/dev/stdin"], input=text, capture_output=True, timeout=60)
    want = run("check", EXAMPLE)
    if r.returncode != want.returncode or b"cannot open" in r.stderr:
        return "exit %d: %s" % (r.returncode, r.stderr[:200])


def one_meeting(length, when, extra=""):
    return ('cơ_quan a "A"\nkế_hoạch "1-KH" {\n  ban_hành a\n  ngày 1/8/2019\n'
            '  hội_nghị h "Hội nghị" {\n    chủ_trì a\n    thời_lượng %s\n    thời_gian %s\n  }\n%s}\n'
            % (length, when, extra))


@case("dates and lengths stay in the calendar's years: limits 1900-2199 and 366 days (attack 4)")
def _(d):
    cases = [("366 ngày", "trong năm 2020", 0), ("367 ngày", "trong năm 2020", 1),
             ("999999999 ngày", "trong năm 2020", 1), ("1 ngày", "31/12/2199", 0),
             ("1 ngày", "1/1/2200", 1), ("1 ngày", "1/1/1900", 0), ("1 ngày", "31/12/1899", 1),
             ("1 ngày", "cuối_năm 0", 1), ("1 ngày", "cuối_năm 2199", 0)]
    for length, when, want in cases:
        p = os.path.join(d, "m.kh")
        open(p, "w").write(one_meeting(length, when))
        r = run("schedule", "--ics", p)
        if r.returncode != want:
            return "%s, %s: exit %d, wanted %d: %s" % (length, when, r.returncode, want, r.stderr[:200])
        if want and (b"m.kh:" not in r.stderr or b"[invalid-date]" not in r.stderr):
            return "%s, %s: no located invalid-date" % (length, when)
        for line in r.stdout.decode().split("\r\n"):
            if line.startswith(("DTSTART", "DTEND", "DUE")):
                v = line.split(":", 1)[1]
                if not (len(v) == 8 and v.isdigit() and "1900" <= v[:4] <= "2200"):
                    return "%s, %s: %s" % (length, when, line)
    # an offset that would leave the years is left undated, never printed
    p = os.path.join(d, "rel.kh")
    open(p, "w").write(one_meeting("1 ngày", "31/12/2199",
                                   '  nhiệm_vụ t "T" { giao a; hạn 3000 ngày sau h }\n'))
    r = run("json", p)
    t = json.loads(r.stdout)["plan"]["tasks"][0]["due"][0]
    if r.returncode != 0 or t["start"] is not None:
        return "offset past 2199 dated %s" % t["start"]


@case("a number too large is reported once (attack 13)")
def _(d):
    p = os.path.join(d, "n.kh")
    open(p, "w").write(one_meeting("1234567890 buổi", "1/9/2019"))
    r = run("check", "--format", "json", p)
    n = sum(1 for f in json.loads(r.stdout)["findings"] if f["rule"] == "number-too-large")
    if n != 1:
        return "%d findings" % n


@case("bad content outside check exits 1, not 2 (attack 15)")
def _(d):
    p = os.path.join(d, "b.kh")
    open(p, "wb").write(b'c\xc6\xa1_quan a "A"\n\xff\n')
    for cmd in (["json"], ["schedule"], ["schedule", "--ics"], ["checklist"], ["outline"],
                ["render", "--html"], ["fmt"], ["check"]):
        r = run(*cmd, p)
        if r.returncode != 1:
            return "%s: exit %d" % (cmd, r.returncode)
    if run("json", os.path.join(d, "missing.kh")).returncode != 2:
        return "a missing file is not exit 2"


@case("check -o FILE writes the text report there (attack 17)")
def _(d):
    out = os.path.join(d, "r.txt")
    r = run("check", "-o", out, EXAMPLE)
    if r.returncode != 0 or not os.path.exists(out) or b"warning" not in open(out, "rb").read():
        return "exit %d, file %s" % (r.returncode, os.path.exists(out))
    if r.stderr:
        return "the report also went to stderr"
    if b"\x1b[" in open(out, "rb").read():
        return "colour codes in the file"


@case("CSV cells that start a formula are neutralised in both CSVs (attack 10)")
def _(d):
    import csv
    import io
    p = os.path.join(d, "f.kh")
    texts = ['=HYPERLINK(\\"http://x/\\")', "\\t=1+1", "@SUM(1)", "+1", "-2"]
    tasks = "".join('  nhiệm_vụ t%d "%s" { giao a; hạn trước 30/8/2019 }\n' % (i, t)
                    for i, t in enumerate(texts))
    open(p, "w").write('cơ_quan a "A"\nkế_hoạch "1-KH" {\n  ban_hành a\n  ngày 1/8/2019\n%s}\n' % tasks)
    for cmd in (["schedule", "--csv"], ["checklist", "--csv"]):
        r = run(*cmd, p)
        if r.returncode != 0:
            return "%s: exit %d %s" % (cmd, r.returncode, r.stderr[:200])
        for row in csv.reader(io.StringIO(r.stdout.decode("utf-8-sig"))):
            for cell in row:
                if cell and cell[0] in "=+-@\t\r":
                    return "%s: cell %r" % (cmd, cell)


@case("an empty calendar is refused with a message, never an invalid VCALENDAR")
def _(d):
    p = os.path.join(d, "e.kh")
    open(p, "w").write('cơ_quan a "A"\nkế_hoạch "1-KH" {\n  ban_hành a\n}\n')
    r = run("schedule", "--ics", p)
    if r.returncode != 1 or r.stdout or b"nothing written" not in r.stderr:
        return "exit %d, %d bytes" % (r.returncode, len(r.stdout))


@case("a calendar streamed past its buffer (256 KiB) comes after its notes, whole, as with -o")
def _(d):
    lines = ['cơ_quan a "Ủy ban nhân dân xã A"', 'kế_hoạch "1-KH" {', "  ban_hành a"]
    for i in range(1000):
        due = "thường_xuyên" if i % 10 == 0 else "%d/%d/2025" % (i % 28 + 1, i % 12 + 1)
        lines.append('  nhiệm_vụ t%d "Tổ chức thực hiện việc số %d" { giao a; hạn %s }' % (i, i, due))
    lines.append("}")
    p = os.path.join(d, "big.kh")
    open(p, "w").write("\n".join(lines) + "\n")
    r = subprocess.run([K, "schedule", "--ics", p], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=60)
    both = r.stdout
    start = both.find(b"BEGIN:VCALENDAR")
    if r.returncode or start < 0:
        return "exit %d, no calendar" % r.returncode
    if both.rfind(b"note: ") > start or both.count(b"note: ") != 100:
        return "%d notes, the last at %d, the calendar at %d" % (
            both.count(b"note: "), both.rfind(b"note: "), start)
    cal = both[start:]
    if len(cal) <= 256 * 1024 or not cal.endswith(b"END:VCALENDAR\r\n"):
        return "a calendar of %d bytes, not past the buffer or cut short" % len(cal)
    out = os.path.join(d, "big.ics")
    r = run("schedule", "--ics", "-o", out, p)
    if r.returncode or open(out, "rb").read() != cal:
        return "-o: exit %d, or another calendar" % r.returncode
    return None


@case("UIDs: the same number from another issuer or year, and a renamed file (attack 5)")
def _(d):
    def uids(path):
        r = run("schedule", "--ics", path)
        return {l for l in r.stdout.decode().split("\r\n") if l.startswith("UID:")}
    a, b = os.path.join(d, "a.kh"), os.path.join(d, "b.kh")
    open(a, "w").write('cơ_quan a "UBND xã A"\nkế_hoạch "01/KH-UBND" {\n  ban_hành a\n  ngày 5/1/2023\n'
                       '  nhiệm_vụ bc "B" { giao a; hạn trước 30/6/2023 }\n}\n')
    open(b, "w").write('cơ_quan b "UBND huyện B"\nkế_hoạch "01/KH-UBND" {\n  ban_hành b\n  ngày 6/1/2024\n'
                       '  nhiệm_vụ bc "B" { giao b; hạn trước 30/6/2024 }\n}\n')
    if uids(a) & uids(b):
        return "shared UID %s" % (uids(a) & uids(b))
    plain = os.path.join(d, "plain.kh")
    text = open(EXAMPLE.replace("250-KH-TU-2019", "KH-dang-uy-xa-2023")).read()
    open(plain, "w").write(text)
    first = uids(plain)
    os.rename(plain, os.path.join(d, "renamed.kh"))
    if not first or uids(os.path.join(d, "renamed.kh")) != first:
        return "an unnumbered plan's UIDs change with its file's name"


def docx_parts_parse(data):
    """Every XML part of a Word file parses (a stdlib XML parser)."""
    import io
    import xml.dom.minidom
    import zipfile
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        if z.testzip() is not None:
            return "a zip entry is corrupt"
        for name in z.namelist():
            try:
                xml.dom.minidom.parseString(z.read(name))
            except Exception as e:
                return "%s: %s" % (name, e)
    return None


@case("render --docx and outline --docx refuse a terminal (exit 2), write to a pipe")
def _(d):
    import pty
    for cmd in (["render", "--docx"], ["outline", "--docx"], ["render", "--pdf"]):
        master, slave = pty.openpty()
        try:
            r = subprocess.run([K] + cmd + [EXAMPLE], stdout=slave, stderr=subprocess.PIPE,
                               timeout=60)
        finally:
            os.close(slave)
            os.close(master)
        if r.returncode != 2 or b"binary" not in r.stderr:
            return "%s onto a terminal: exit %d, %r" % (cmd, r.returncode, r.stderr[:200])
    for cmd in (["render", "--docx"], ["outline", "--docx"]):
        r = run(*cmd, EXAMPLE)
        if r.returncode != 0 or not r.stdout.startswith(b"PK"):
            return "%s to a pipe: exit %d" % (cmd, r.returncode)


@case("render --docx keeps XML valid: markup, TAB and LF, 255 nested sections; controls refused")
def _(d):
    p = os.path.join(d, "odd.kh")
    open(p, "w").write('cơ_quan a "A"\nkế_hoạch "1-KH" {\n  ban_hành a\n'
                       '  trích_yếu "xyz\\n\\tq ]]> </w:t>"\n'
                       '  "pq & <r> \\"s\\""\n}\n')
    ctl = os.path.join(d, "ctl.kh")
    open(ctl, "w").write('cơ_quan a "A"\nkế_hoạch "1-KH" {\n  ban_hành a\n'
                         '  trích_yếu "x\\u{1}y\\u{FFFF}z"\n}\n')
    r = run("render", "--docx", ctl)
    if r.returncode != 1 or r.stdout:
        return "controls: exit %d, %d bytes" % (r.returncode, len(r.stdout))
    for path in (p, None):
        if path is None:
            path = os.path.join(d, "deep.kh")
            open(path, "w").write(nested_sections(255))
        r = run("render", "--docx", path)
        if r.returncode != 0:
            return "%s: exit %d %r" % (os.path.basename(path), r.returncode, r.stderr[:300])
        why = docx_parts_parse(r.stdout)
        if why:
            return "%s: %s" % (os.path.basename(path), why)


@case("control characters, raw or escaped, are located errors and reach no output (attack 9)")
def _(d):
    cases = {
        "raw-esc.kh": b'c\xc6\xa1_quan a "A\x1b[2J"\n',
        "raw-c1.kh": b'c\xc6\xa1_quan a "A\xc2\x85"\n',
        "escaped.kh": 'cơ_quan a "\\u{1B}]8;;http://x/\\u{7}x"\n'.encode(),
        "nonchar.kh": 'cơ_quan a "\\u{FDD0}"\n'.encode(),
        "del.kh": b'c\xc6\xa1_quan a "A\x7f"\n',
    }
    for name, text in cases.items():
        p = os.path.join(d, name)
        open(p, "wb").write(text)
        r = run("check", p)
        if r.returncode != 1 or b"[control-character]" not in r.stderr or (name + ":1:").encode() not in r.stderr:
            return "%s: exit %d %s" % (name, r.returncode, r.stderr[:200])
        if b"\x1b" in r.stderr or b"\x07" in r.stderr or b"\xc2\x85" in r.stderr:
            return "%s: the control reached the terminal in the message" % name
        for cmd in (["json"], ["schedule"], ["checklist"], ["render", "--html"]):
            r = run(*cmd, p)
            if r.returncode != 1 or r.stdout:
                return "%s %s: exit %d, %d bytes out" % (name, cmd, r.returncode, len(r.stdout))


@case("bidi controls (Trojan Source) and invisible characters are located errors (attack 12)")
def _(d):
    for name, text, rule in (("bidi.kh", '/* \u202e } \u2066 */\ncơ_quan a "A"\n', b"[bidi-control]"),
                             ("bidi-esc.kh", 'cơ_quan a "\\u{202E}x"\n', b"[bidi-control]"),
                             ("zw.kh", 'cơ_quan a\u200b "A"\n', b"[invisible-character]"),
                             ("cgj.kh", 'cơ_quan tinh_u\u034fy "A"\n', b"[invisible-character]")):
        p = os.path.join(d, name)
        open(p, "w").write(text)
        r = run("check", p)
        if r.returncode != 1 or rule not in r.stderr or (name + ":").encode() not in r.stderr:
            return "%s: exit %d %s" % (name, r.returncode, r.stderr[:200])
        if "\u202e".encode() in r.stderr:
            return "%s: the bidi control reached the terminal" % name
    p = os.path.join(d, "bom.kh")
    open(p, "wb").write(b"\xef\xbb\xbf" + 'cơ_quan a "A"\n'.encode())
    if run("check", p).returncode != 0:
        return "a byte-order mark at the start is refused"


@case("look-alike ids (Cyrillic letters, dotless i) are confusable-identifier findings (attack 11)")
def _(d):
    p = os.path.join(d, "h.kh")
    open(p, "w").write('cơ_quan tinh_uy "A"\ncơ_quan tinh_u\u0443 "B"\ncơ_quan t\u0131nh_uy "C"\n'
                       'kế_hoạch "1-KH" {\n  ban_hành tinh_u\u0443\n}\n')
    r = run("check", "--format", "json", p)
    found = [f for f in json.loads(r.stdout)["findings"] if f["rule"] == "confusable-identifier"]
    lines = sorted({f["line"] for f in found})
    if lines != [2, 3]:
        return "findings on lines %s" % lines


# The number of lines (attack 8, newlines): tests/limits/run.py.


print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)

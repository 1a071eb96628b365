#!/usr/bin/python3
"""Every limit kehoach enforces (README.md, "Limits"), at the limit and just
past it. At the limit the plan reads as a clean one: `check --fail-on
warning` says nothing and exits 0, `json -o FILE` writes valid JSON. Just
past it: an error at FILE:LINE:COL with the documented rule and message, a
non-zero exit, no crash, and `json -o FILE` writes nothing. Inputs are made
in a scratch folder. Ends with "N passed, N failed".
Usage: tests/limits/run.py BUILD/kehoach"""
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile

K = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/kehoach")
passed = failed = 0
# Files of 256 MiB are written quicker to memory than to disk.
SCRATCH = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None

# A clean plan; DECLS go before it, BODY inside it, DATE is its date.
PLAN = """import "vn/hierarchy"
cơ_quan ubnd_t "Ủy ban nhân dân tỉnh Gia Lai" cấp tỉnh
%(decls)skế_hoạch "12/KH-UBND" {
  ban_hành ubnd_t
  địa_danh "Gia Lai"
  ngày %(date)s
  trích_yếu "Tổng kết"
  mục_đích "Đánh giá."
  nội_dung "Tổng kết."
%(body)s  nơi_nhận { cấp xã; lưu "VT" }
  ký { thay_mặt "TM." ubnd_t; chức_vụ "Chủ tịch"; họ_tên "Nguyễn Văn A" }
}
"""
BODY_LINE = PLAN.split("\n").index('%(body)s  nơi_nhận { cấp xã; lưu "VT" }') + 1


def plan(decls="", body="", date="5/8/2019"):
    return PLAN % {"decls": decls, "body": body, "date": date}


def body_line(decls=""):
    """The line of the plan's first BODY line."""
    return BODY_LINE + decls.count("\n")


def col(text, line, needle, skip=0):
    """"LINE:COL" of NEEDLE (plus SKIP characters) on LINE of TEXT."""
    return "%d:%d" % (line, text.split("\n")[line - 1].index(needle) + 1 + skip)


def meeting(length="01 buổi", when="20/8/2019"):
    return ('  hội_nghị h "Hội nghị tổng kết" {\n    cấp tỉnh\n    chủ_trì ubnd_t\n'
            '    thời_lượng %s\n    thời_gian %s\n    thành_phần { dự cấp xã "Bí thư" }\n  }\n'
            % (length, when))


def task(i, due):
    return '  nhiệm_vụ t%d "Báo cáo" { giao ubnd_t; gửi ubnd_t; hạn %s }\n' % (i, due)


def case(name):
    def wrap(fn):
        global passed, failed
        t0 = time.time()
        with tempfile.TemporaryDirectory(dir=SCRATCH) as d:
            try:
                msg = fn(d)
            except Exception as e:  # a broken case is a failed case
                msg = "exception: %r" % (e,)
        took = " (%.1f s)" % (time.time() - t0) if time.time() - t0 > 1 else ""
        if msg is None:
            passed += 1
            print("ok   %s%s" % (name, took))
        else:
            failed += 1
            print("FAIL %s: %s" % (name, msg))
        return fn
    return wrap


def run(*args, env=None):
    return subprocess.run([K] + list(args), capture_output=True, timeout=120,
                          env=dict(os.environ, **(env or {})))


def write(d, name, text):
    p = os.path.join(d, name)
    with open(p, "wb") as f:
        f.write(text.encode() if isinstance(text, str) else text)
    return p


def crashed(r):
    return r.returncode < 0 or r.returncode > 2 or b"Sanitizer" in r.stderr


def clean(path, *opts, check_only=(), json_too=True):
    """At a limit: a clean check, and json -o writes valid JSON."""
    r = run("check", "--fail-on", "warning", *check_only, *opts, path)
    if r.returncode or r.stderr:
        return "%s: check exit %d: %s" % (os.path.basename(path), r.returncode, r.stderr[:300])
    if not json_too:
        return None
    out = path + ".json"
    r = run("json", *opts, "-o", out, path)
    if r.returncode:
        return "%s: json exit %d: %s" % (os.path.basename(path), r.returncode, r.stderr[:300])
    json.load(open(out, encoding="utf-8"))
    return None


def refused(path, where, rule, text, *opts, status=1, file=None):
    """Just past a limit: the error at WHERE ("LINE:COL", or None for the
    file alone) of FILE (PATH, or one it imports), with RULE and TEXT; exit
    STATUS; json -o writes nothing."""
    r = run("check", *opts, path)
    err = r.stderr.decode("utf-8", "replace")
    file = file or path
    at = "%s:%s: error: " % (file, where) if where else "%s: error: " % file
    name = os.path.basename(path)
    if crashed(r) or r.returncode != status:
        return "%s: check exit %d, wanted %d: %s" % (name, r.returncode, status, err[:300])
    found = [l for l in err.splitlines() if l.startswith(at) and l.endswith("[%s]" % rule)]
    if not found:
        return "%s: no %s...[%s] in: %s" % (name, at, rule, err[:400])
    if text not in found[0]:
        return "%s: message %r lacks %r" % (name, found[0], text)
    out = path + ".json"
    if os.path.exists(out):
        os.remove(out)
    r = run("json", *opts, "-o", out, path)
    if crashed(r) or r.returncode != status or os.path.exists(out):
        return "%s: json -o: exit %d, file written: %s" % (name, r.returncode, os.path.exists(out))
    return None


def first_error(*checks):
    return next((c for c in checks if c), None)


# ---- the bytes of a file --------------------------------------------------

MIB = 1024 * 1024


@case("file size: 256 MiB read; one byte more refused unread (io-error, exit 2)")
def _(d):
    head = plan().encode()
    line = b"#" + b"x" * 65534 + b"\n"  # 64 KiB, the longest line
    fill = 256 * MIB - len(head)
    at = os.path.join(d, "at.kh")
    with open(at, "wb") as f:
        f.write(head)
        f.write(line * (fill // len(line)))
        f.write(b"#" * (fill % len(line) - 1) + b"\n")
    if os.path.getsize(at) != 256 * MIB:
        return "made %d bytes" % os.path.getsize(at)
    why = clean(at, json_too=False)  # json would read the same 256 MiB again
    past = os.path.join(d, "past.kh")
    os.rename(at, past)
    os.truncate(past, 256 * MIB + 1)
    return why or refused(past, None, "io-error", "the limit is 256 MB", status=2)


@case("line length: 65,536 bytes read; 65,537 an error at the line")
def _(d):
    at = write(d, "at.kh", plan(decls="#" + "x" * 65535 + "\n"))
    wide = write(d, "wide.kh", plan(decls="#" + "ế" * 21845 + "\n"))  # 65,536 bytes too
    past = write(d, "past.kh", plan(decls="#" + "x" * 65536 + "\n"))
    return first_error(clean(at), clean(wide),
                       refused(past, "3:1", "line-too-long", "line is 65537 bytes long; the limit is 65536"))


@case("lines: 8,388,608 read; one more an error at line 8,388,609, before the line table is built")
def _(d):
    head = plan().encode()
    n = 8 * MIB - head.count(b"\n")
    at = write(d, "at.kh", head + b"\n" * n)                   # wc -l: 8,388,608
    open_end = write(d, "open.kh", head + b"\n" * (n - 1) + b"#")  # the last line unterminated
    why = clean(at) or clean(open_end)
    for p in (at, open_end):
        os.remove(p)
    past = write(d, "past.kh", head + b"\n" * n + b"#")
    why = why or refused(past, "8388609:1", "line-too-long",
                         "the file has more than 8388608 lines; the limit is 8388608")
    os.remove(past)
    # a file of 256 MiB of newlines (attack 8) is refused as quickly
    far = os.path.join(d, "far.kh")
    with open(far, "wb") as f:
        f.write(b"\n" * (256 * MIB))
    t0 = time.time()
    r = run("check", far)
    if not why and (r.returncode != 1 or b"far.kh:8388609:1:" not in r.stderr or time.time() - t0 > 10):
        why = "256 MiB of newlines: exit %d in %.1f s" % (r.returncode, time.time() - t0)
    return why


@case("content errors: 20 shown; the 21st and later counted in a note")
def _(d):
    head = plan().encode()
    for n, note in ((20, None), (21, "stopped after 20 such errors; 1 more not shown")):
        p = write(d, "c%d.kh" % n, head + b"#\xff\n" * n)
        r = run("check", p)
        err = r.stderr.decode("utf-8", "replace")
        shown = len(re.findall(r"^%s:\d+:2: error: .*\[invalid-utf8\]$" % re.escape(p), err, re.M))
        if crashed(r) or r.returncode != 1 or shown != 20:
            return "%d bad lines: exit %d, %d shown: %s" % (n, r.returncode, shown, err[-300:])
        if (note or "more not shown") in err if not note else note not in err:
            return "%d bad lines: the note is wrong: %s" % (n, err[-300:])


# ---- the scanner and the parser --------------------------------------------

def nested(depth):
    body = "".join("  " * (i + 1) + 'mục "Phần %d" {\n' % i for i in range(depth))
    body += "  " * (depth + 1) + '"Văn bản."\n'
    body += "".join("  " * (i + 1) + "}\n" for i in reversed(range(depth)))
    return plan(body=body)


@case("nesting: 256 open blocks read (255 sections in the plan); the 257th '{' an error there")
def _(d):
    at = write(d, "at.kh", nested(255))
    text = nested(256)
    where = col(text, body_line() + 255, "{")  # the brace that opens block 257
    return first_error(clean(at), refused(write(d, "past.kh", text), where, "nesting-too-deep",
                                          "blocks are nested more than 256 deep"))


def bad_blocks(bad, n):
    """N bad lines, five to a section (a block reports five at most), and
    the body line of the last one."""
    lines = []
    for i in range(n):
        if i % 5 == 0:
            lines.append('  mục "M%d" {' % i)
        lines.append("    " + bad)
        last = len(lines)
        if i % 5 == 4 or i == n - 1:
            lines.append("  }")
    return "\n".join(lines) + "\n", last - 1


@case("syntax errors: 25 reported, five a block; the 26th (parser's or scanner's) stops the file")
def _(d):
    for bad, rule in (("nhiệm_vụ 5", "syntax-error"), ("@", "unexpected-character")):
        for n in (25, 26):
            body, last_at = bad_blocks(bad, n)
            text = plan(body=body + '  nhiệm_vụ t "T" { giao khong_co }\n')
            p = write(d, "s.kh", text)
            r = run("check", p)
            err = r.stderr.decode()
            rules = re.findall(r"^%s:\d+:\d+: error: .*\[([a-z-]+)\]$" % re.escape(p), err, re.M)
            last = body_line() + last_at
            if crashed(r) or r.returncode != 1 or rules[:25] != [rule] * 25:
                return "%d × %r: exit %d, %s" % (n, bad, r.returncode, rules)
            if n == 25 and rules[25:] != ["undeclared-id"]:
                return "25 × %r: then %s" % (bad, rules[25:])
            stop = "%s:%s: error: too many syntax errors; the rest of the file is not checked" % (
                p, col(text, last, bad.split()[-1]))
            if n == 26 and (rules[25:] != ["syntax-error"] or stop not in err):
                return "26 × %r: %s" % (bad, err[-300:])


@case("numbers: 9 digits read (999,999,999); 10 digits number-too-large")
def _(d):
    at = write(d, "at.kh", plan(body=meeting().replace('dự cấp xã', 'mỗi xã 999999999')))
    text = plan(body=meeting().replace('dự cấp xã', 'mỗi xã 1000000000'))
    past = write(d, "past.kh", text)
    why = clean(at)
    if not why and b'"count": 999999999' not in run("json", at).stdout:
        why = "the count is not 999999999 in the JSON"
    return why or refused(past, col(text, body_line() + 5, "1000000000"), "number-too-large",
                          "number '1000000000' is too large (at most 9 digits)")


@case("\\u{…} escapes: 6 hex digits and U+10FFFD read; 7 digits or U+110000 bad-escape")
def _(d):
    at = write(d, "at.kh", plan(body='  "Văn bản \\u{0000E1}\\u{10FFFD}."\n'))
    why = clean(at)
    for esc in ("\\u{110000}", "\\u{00000E1}"):
        text = plan(body='  "Văn bản %s."\n' % esc)
        past = write(d, "past.kh", text)
        why = why or refused(past, col(text, body_line(), "\\u"), "bad-escape", "with 1 to 6 hex digits")
    return why


# ---- imports ---------------------------------------------------------------

def import_chain(d, n):
    """f0.kh imports f1.kh … f(N-1).kh, each the next."""
    for i in range(n):
        text = ('import "./f%d.kh"\n' % (i + 1)) if i + 1 < n else ""
        write(d, "f%d.kh" % i, text + 'cơ_quan b%d "Ban %d"\n' % (i, i))
    return os.path.join(d, "f0.kh")


@case("import depth: 64 nested imports read; the 65th an import-limit error at its import (1,000: no crash)")
def _(d):
    why = None
    for sub, n in (("at", 65), ("past", 66), ("far", 1000)):
        os.mkdir(os.path.join(d, sub))
        main = import_chain(os.path.join(d, sub), n)
        why = why or (clean(main) if sub == "at" else refused(
            main, "1:8", "import-limit", 'imports are nested more than 64 deep: "./f65.kh" is not read',
            file=os.path.join(d, sub, "f64.kh")))
    return why


def imports(d, n, *opts):
    """A plan of N imports, each of a file declaring one body."""
    sub = os.path.join(d, "n%d" % n)
    os.mkdir(sub)
    for i in range(n):
        write(sub, "m%d.kh" % i, 'cơ_quan b%d "Ban %d"\n' % (i, i))
    return write(sub, "p.kh", "".join('import "./m%d.kh"\n' % i for i in range(n)))


@case("files: a plan reads 4,096, the prelude's included; one more is an import-limit error")
def _(d):
    write(d, "one.kh", 'cơ_quan a "A"\n')
    base = len(json.loads(run("json", os.path.join(d, "one.kh")).stdout)["imports"]) + 1
    n = 4096 - base
    why = clean(imports(d, n))
    # the prelude is read after the plan's own imports: its last file is the one too many
    p = imports(d, n + 1)
    r = run("check", p)
    if not why and (r.returncode != 1 or not re.search(
            rb'^\S*stdlib/vn/prelude\.kh:\d+:8: error: a plan reads at most 4096 files: "vn/\w+" is not read '
            rb'\[import-limit\]$', r.stderr, re.M)):
        why = "%d imports: exit %d %s" % (n + 1, r.returncode, r.stderr[:300])
    # without the prelude, the plan's own import is the one too many
    nostd = ("--stdlib", os.path.join(d, "none"))
    return why or clean(imports(d, 4095), *nostd) or refused(
        imports(d, 4096), "4096:8", "import-limit", 'a plan reads at most 4096 files: "./m4095.kh" is not read', *nostd)


# ---- dates and lengths -----------------------------------------------------

TOP = ["31/12/2199", "2199-12-31", "ngày 31 tháng 12 năm 2199", "tháng 12/2199", "12/2199",
       "hạ tuần tháng 12/2199", "quý IV/2199", "năm 2199", "cuối_năm 2199", "từ 1/12 đến 31/12/2199"]
PAST_TOP = ["1/1/2200", "2200-01-01", "ngày 1 tháng 1 năm 2200", "tháng 1/2200", "1/2200",
            "thượng tuần tháng 1/2200", "quý I/2200", "năm 2200", "cuối_năm 2200", "từ 1/12/2199 đến 1/1/2200"]
BOTTOM = ["2/1/1900", "1900-01-02", "ngày 2 tháng 1 năm 1900", "tháng 2/1900", "2/1900",
          "trung tuần tháng 1/1900", "năm 1900", "cuối_năm 1900", "từ 2/1 đến 3/1/1900"]
PAST_BOTTOM = ["31/12/1899", "1899-12-31", "ngày 31 tháng 12 năm 1899", "tháng 12/1899", "12/1899",
               "hạ tuần tháng 12/1899", "quý IV/1899", "năm 1899", "cuối_năm 1899", "cuối_năm 0"]


@case("years: every date form reads 1900 and 2199; 1899 and 2200 are invalid-date at the date")
def _(d):
    line = body_line() + 4  # thời_gian
    for dates, date, past in ((TOP, "1/12/2199", False), (BOTTOM, "2/1/1900", False),
                              (PAST_TOP, "1/12/2199", True), (PAST_BOTTOM, "2/1/1900", True)):
        for when in dates:
            p = write(d, "w.kh", plan(body=meeting(when=when), date=date))
            col = 15 + (len("từ 1/12/2199 đến ") if when.startswith("từ 1/12/2199") else 0)
            year = "0" if when.endswith(" 0") else re.findall(r"\d{4}", when)[-1]
            why = (refused(p, "%d:%d" % (line, col), "invalid-date", "year %s is out of range (1900-2199" % year)
                   if past else clean(p))
            if why:
                return "%s: %s" % (when, why)
    p = write(d, "plan-date.kh", plan(date="1/1/2200"))
    return refused(p, "6:8", "invalid-date", "year 2200 is out of range")


@case("meeting length: ½ day to 366 days (732 buổi) read; 0 and 367 days invalid-date at thời_lượng")
def _(d):
    for length in ("1 buổi", "½ ngày", "732 buổi", "366 ngày"):
        p = write(d, "m.kh", plan(body=meeting(length=length, when="2/1/2020")))
        why = clean(p)
        ics = run("schedule", "--ics", p).stdout.decode()
        ends = re.findall(r"^DTEND;VALUE=DATE:(\d{8})\r$", ics, re.M)
        if why or ends != [{"366 ngày": "20210102", "732 buổi": "20210102"}.get(length, "20200103")]:
            return "%s: %s %s" % (length, why, ends)
    for length in ("0 buổi", "0 ngày", "733 buổi", "367 ngày"):
        p = write(d, "m.kh", plan(body=meeting(length=length)))
        why = refused(p, "%d:5" % (body_line() + 3), "invalid-date",
                      "a meeting lasts from 1 buổi (half a day) to 366 days (732 buổi), not " + length)
        if why:
            return why


@case("offsets: 3,660 days (or working days) after an anchor read and dated; 3,661 number-too-large")
def _(d):
    for n, unit in ((3660, "ngày"), (3660, "ngày làm việc")):
        p = write(d, "o.kh", plan(body=meeting() + task(1, "%d %s sau h" % (n, unit))))
        why = clean(p)
        due = json.loads(run("json", p).stdout)["plan"]["tasks"][0]["due"][0]
        if why or not due["start"]:
            return "%d %s: %s, start %s" % (n, unit, why, due["start"])
    text = plan(body=meeting() + task(1, "3661 ngày làm việc trước h"))
    p = write(d, "o.kh", text)
    return refused(p, col(text, body_line() + 7, "3661"), "number-too-large",
                   "an offset is at most 3660 days (ten years), not 3661")


@case("anchor chains have no depth limit: 1,000 relative deadlines dated the same in either order")
def _(d):
    tasks = [task(0, "trước 20/8/2019")] + [task(i, "1 ngày sau t%d" % (i - 1)) for i in range(1, 1000)]
    days = []
    for order in (tasks, tasks[::-1]):
        p = write(d, "c.kh", plan(body="".join(order)))
        r = run("json", p)
        days.append({t["id"]: t["due"][0]["start"] for t in json.loads(r.stdout)["plan"]["tasks"]})
    if None in days[1].values() or days[0] != days[1]:
        return "%d undated when written last to first" % list(days[1].values()).count(None)


def body_chain(n):
    """b0 … bN, each thuộc the one before: bN has N bodies above it."""
    return 'cơ_quan b0 "Sở Nội vụ" cấp tỉnh\n' + "".join(
        'cơ_quan b%d "Phòng %d" cấp tỉnh thuộc b%d\n' % (i, i, i - 1) for i in range(1, n + 1))


@case("bodies: 16 above a body through thuộc and là read; the 17th body-too-deep once, at the body")
def _(d):
    def chain_plan(n):
        return plan(decls=body_chain(n), body=task(1, "trước 20/8/2019").replace("giao ubnd_t", "giao b%d" % n)) \
            .replace("nơi_nhận { cấp xã;", "nơi_nhận { cấp xã; b0;")
    why = clean(write(d, "at.kh", chain_plan(16)))
    for n in (17, 10000):
        p = write(d, "past.kh", chain_plan(n))
        why = why or refused(p, "20:9", "body-too-deep", "'b17' reaches more than 16 bodies through thuộc and là")
        if not why and run("check", p).stderr.count(b"[body-too-deep]") != 1:
            why = "%d bodies: reported more than once" % n
    generic = 'cơ_quan g0 "Ban"\n' + "".join('cơ_quan g%d "Ban %d" thuộc g%d là g%d\n' % (i, i, i - 1, i - 1)
                                               for i in range(1, 18))
    p = write(d, "generic.kh", plan(decls=generic))
    return why or refused(p, "20:9", "body-too-deep", "'g17' reaches more than 16")


@case("a thuộc loop of any length is parent-cycle, at the body that closes it")
def _(d):
    loop = 'cơ_quan x "Sở X" cấp tỉnh thuộc y\ncơ_quan y "Sở Y" cấp tỉnh thuộc x\n'
    p = write(d, "loop.kh", plan(decls=loop))
    return refused(p, "4:9", "parent-cycle", "'y' cannot belong to 'x', which belongs to it")


@case("holidays: 1 to 31 days, starting up to 31 days before; 0 and 32 number-too-large")
def _(d):
    for attr in ("số_ngày 1", "số_ngày 31", "trước 31"):
        why = clean(write(d, "h.kh", plan(decls='ngày_lễ hx "Ngày X" ngày 10/3 %s\n' % attr)))
        if why:
            return why
    for attr, text in (("số_ngày 0", "a holiday lasts 1 to 31 days"), ("số_ngày 32", "a holiday lasts 1 to 31 days"),
                       ("trước 32", "a holiday starts at most 31 days before its day")):
        src = plan(decls='ngày_lễ hx "Ngày X" ngày 10/3 %s\n' % attr)
        where = col(src, 3, attr, len(attr.split()[0]) + 1)
        why = refused(write(d, "h.kh", src), where, "number-too-large", text)
        if why:
            return why


@case("periods: ten-day periods within days 1-31, cuối_năm within the year; past them invalid-date")
def _(d):
    for decl in ("khoảng thượng_tuần 1 10", "khoảng hạ_tuần 21 31", "khoảng cuối_năm 1/1 31/12"):
        why = clean(write(d, "p.kh", plan(decls=decl + "\n")))
        if why:
            return why
    for decl, text in (("khoảng thượng_tuần 0 10", "a ten-day period runs between days 1 and 31"),
                       ("khoảng hạ_tuần 21 32", "a ten-day period runs between days 1 and 31"),
                       ("khoảng cuối_năm 1/10 32/12", "'cuối năm' is a window of days of the year")):
        why = refused(write(d, "p.kh", plan(decls=decl + "\n")), "3:8", "invalid-date", text)
        if why:
            return why


# ---- options ---------------------------------------------------------------

def usage_error(r, text):
    if crashed(r) or r.returncode != 2 or text.encode() not in r.stderr:
        return "exit %d: %s" % (r.returncode, r.stderr[:200])
    return None


@case("--min-working-days: 1 and 365 taken; 0 and 366 a usage error (exit 2)")
def _(d):
    p = write(d, "p.kh", plan())
    why = clean(p, check_only=("--min-working-days", "1")) or clean(p, check_only=("--min-working-days", "365"))
    for v in ("0", "366"):
        why = why or usage_error(run("check", "--min-working-days", v, p),
                                 "--min-working-days takes a number from 1 to 365, not '%s'" % v)
    return why


@case("--root: 16 taken; the 17th a usage error (exit 2)")
def _(d):
    p = write(d, "p.kh", plan())
    roots = []
    for i in range(17):
        os.mkdir(os.path.join(d, "r%d" % i))
        roots += ["--root", os.path.join(d, "r%d" % i)]
    return clean(p, *roots[:32]) or usage_error(run("check", *roots, p), "too many --root options")


@case("SOURCE_DATE_EPOCH: 0 to 253402300799 (9999-12-31T23:59:59Z) used; past it ignored")
def _(d):
    p = write(d, "p.kh", plan(body=meeting()))
    for epoch, stamp in (("0", "19700101T000000Z"), ("253402300799", "99991231T235959Z"),
                         ("253402300800", "20190805T000000Z"), ("-1", "20190805T000000Z")):
        r = run("schedule", "--ics", p, env={"SOURCE_DATE_EPOCH": epoch})
        if r.returncode or ("DTSTAMP:%s\r\n" % stamp).encode() not in r.stdout:
            return "%s: exit %d, %s" % (epoch, r.returncode, re.findall(rb"DTSTAMP:\S+", r.stdout))


# ---- what is written -------------------------------------------------------

@case("section numbers: Roman up to 3,999 (MMMCMXCIX.), then 4000. in Arabic figures")
def _(d):
    body = "".join('  mục "Phần %d" {\n    "Văn bản."\n  }\n' % i for i in range(4000))
    p = write(d, "r.kh", plan(body=body))
    why = clean(p)
    html = run("render", "--html", p).stdout.decode()
    if why or "MMMCMXCIX." not in html or "4000." not in html:
        return why or "no MMMCMXCIX. or 4000. in the page"


def zip_dates(data):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        if z.testzip() is not None:
            return "corrupt"
        return sorted({i.date_time for i in z.infolist()})


@case("Word file: zip entries dated 1980 to 2107 (the zip format's years); plans outside them clamped")
def _(d):
    for date, want in (("1/1/1980", (1980, 1, 1, 0, 0, 0)), ("31/12/2107", (2107, 12, 31, 0, 0, 0)),
                       ("31/12/1979", (1980, 1, 1, 0, 0, 0)), ("1/1/2108", (2107, 12, 31, 23, 59, 58))):
        p = write(d, "p.kh", plan(date=date))
        out = os.path.join(d, "p.docx")
        r = run("render", "--docx", "-o", out, p)
        got = zip_dates(open(out, "rb").read()) if r.returncode == 0 else r.stderr[:200]
        if got != [want]:
            return "%s: %s" % (date, got)
        core = zipfile.ZipFile(out).read("docProps/core.xml").decode()
        y, m, day = date.split("/")[::-1]
        if "%s-%02d-%02d" % (y, int(m), int(day)) not in core:
            return "%s: core.xml lost the plan's date" % date


@case("messages: a source line is shown up to 400 bytes, then cut with …")
def _(d):
    long = '  nhiệm_vụ t "%s" { giao khong_co } # %s\n' % ("x" * 1000, "y" * 1000)
    p = write(d, "l.kh", plan(body=long))
    err = run("check", p).stderr.decode()
    shown = [l for l in err.splitlines() if re.match(r"^ +\d+ \| ", l)]
    text = shown[0].split("| ", 1)[1] if shown else ""
    if len(text.strip("…").encode()) > 400 or not text.startswith("…") or not text.endswith("…") \
            or "khong_co" not in text:
        return "shown: %r" % (shown[:1],)


print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)

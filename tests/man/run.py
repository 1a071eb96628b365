#!/usr/bin/python3
"""The man pages, English (man/kehoach.1) and Vietnamese (man/vi/kehoach.1):
groff renders them without a warning (-ww, at 80 and 60 columns; UTF-8
input through preconv), man -l shows them, each command of src/main.c's
table (and help) has its section, every option `kehoach help` lists is
described, and the version on the pages is the one `kehoach --version`
prints. Ends with "N passed, N failed".
Usage: tests/man/run.py BUILD/kehoach"""
import os
import re
import subprocess
import sys

K = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/kehoach")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PAGES = [os.path.join(ROOT, "man", "kehoach.1"), os.path.join(ROOT, "man", "vi", "kehoach.1")]
passed = failed = 0


def result(name, msg):
    global passed, failed
    if msg is None:
        passed += 1
        print("ok   %s" % name)
    elif msg == "skip":
        print("skip %s" % name)
    else:
        failed += 1
        print("FAIL %s: %s" % (name, msg))


def render(page, width=80):
    r = subprocess.run(["groff", "-k", "-man", "-Tutf8", "-ww", "-rLL=%dn" % width, page],
                       capture_output=True, timeout=60)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8", "replace")


def plain(text):
    """Rendered text without overstriking (bold, underline)."""
    return re.sub(".\b", "", text)


def commands():
    src = open(os.path.join(ROOT, "src", "main.c"), encoding="utf-8").read()
    return re.findall(r'^\t\{ "([a-z]+)", (?:cmd_|NULL)', src, re.M) + ["help"]


def options():
    out = subprocess.run([K, "help"], capture_output=True, timeout=60).stdout.decode("utf-8")
    return sorted(set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", out)))


def main():
    cmds, opts = commands(), options()
    version = subprocess.run([K, "--version"], capture_output=True, timeout=60)
    vtext = version.stdout.decode().strip()
    result("kehoach --version prints its version",
           None if version.returncode == 0 and re.fullmatch(r"kehoach \d+\.\d+\.\d+", vtext)
           else repr(version))
    for page in PAGES:
        rel = os.path.relpath(page, ROOT)
        src = open(page, encoding="utf-8").read()
        for width in (80, 60):
            rc, out, err = render(page, width)
            result("%s: groff -ww at %d columns, no warning" % (rel, width),
                   None if rc == 0 and not err and out else "exit %d: %s" % (rc, err[:500]))
        text = plain(render(page)[1])
        sections = re.findall(r"^\.SS (\S+)", src, re.M)
        missing = [c for c in cmds if c not in sections]
        result("%s: a section per command (%s)" % (rel, ", ".join(cmds)),
               "no section for %s" % missing if missing else None)
        missing = [o for o in opts if not re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(o), text)]
        result("%s: every option of kehoach help described" % rel,
               "missing %s" % missing if missing else None)
        th = re.search(r'^\.TH \S+ 1 \S+ "([^"]+)"', src, re.M)
        result("%s: the version is %s's" % (rel, vtext),
               None if th and th.group(1) == vtext else "page says %r" % (th and th.group(1)))
        try:
            r = subprocess.run(["man", "-l", page], capture_output=True, timeout=60,
                               env=dict(os.environ, MANWIDTH="80", MANPAGER="cat", PAGER="cat"))
            msg = None if r.returncode == 0 and b"kehoach" in r.stdout and not r.stderr \
                else "exit %d: %s" % (r.returncode, r.stderr[:300])
        except FileNotFoundError:
            msg = "skip"
        result("%s: man -l shows it" % rel, msg)
    vi = plain(render(PAGES[1])[1])
    words = ["TÊN", "MÔ TẢ", "CÁC LỆNH", "TÙY CHỌN", "TRẠNG THÁI THOÁT", "kiểm tra", "thư viện chuẩn"]
    result("man/vi/kehoach.1 is in Vietnamese, its diacritics rendered",
           None if all(w in vi for w in words) else "missing %s" % [w for w in words if w not in vi])
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

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


@case("render --docx keeps XML valid: control characters, U+FFFE/U+FFFF, markup, 255 nested sections")
def _(d):
    p = os.path.join(d, "odd.kh")
    open(p, "w").write('cơ_quan a "A"\nkế_hoạch "1-KH" {\n  ban_hành a\n'
                       '  trích_yếu "x\\u{1}y\\u{FFFF}z\\u{FFFE}\\n\\tq ]]> </w:t>"\n'
                       '  "p\\u{7}q & <r> \\"s\\""\n}\n')
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


print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)

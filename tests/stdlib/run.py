#!/usr/bin/python3
"""tests/stdlib/run.py KEHOACH - the stdlib compiled in and parsed once.

One process that checks several plans reuses each stdlib module it has
parsed (src/stdlib_cache.c): `check A B …` must say what `check A`, then
`check B` … say, for the examples and rule cases (in pairs, in both orders,
a plan twice, and with --stdlib naming a copy of the stdlib). The copy
compiled in (src/stdlib_embed.h) stands for a module absent from the
default stdlib folder, under the path the file would have, with its source
lines in the notes; a changed module there is read as it is; a folder the
user names (--stdlib, $KEHOACH_STDLIB) is read from disk only.
Ends with "N passed, N failed". Part of kehoach; see README.md.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KH = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "kehoach"))
ENV = dict(os.environ, LC_ALL="C.UTF-8")
ENV.pop("KEHOACH_STDLIB", None)
SUMMARY = re.compile(r"^(\d+ errors?, \d+ warnings?|\d+ errors?|\d+ warnings?|no findings.*)$")
passed = failed = 0


def result(name, problem):
    global passed, failed
    if problem:
        failed += 1
        print("FAIL %s: %s" % (name, problem))
    else:
        passed += 1
        print("ok   %s" % name)


def run(args, kh=KH, env=ENV, cwd=ROOT):
    return subprocess.run([kh] + args, cwd=cwd, env=env, capture_output=True, timeout=600)


def findings(r):
    """The finding lines of a check (stdout and stderr), without the summary."""
    text = (r.stdout + r.stderr).decode("utf-8", "replace")
    return [l for l in text.splitlines() if not SUMMARY.match(l.strip())]


def together_equals_apart(files, extra=()):
    """`check FILES…` in one process against one process a file."""
    want, worst = [], 0
    for f in files:
        r = run(["check"] + list(extra) + [f])
        worst = max(worst, r.returncode)
        want += findings(r)
    r = run(["check"] + list(extra) + list(files))
    got = findings(r)
    if got != want:
        for i, (a, b) in enumerate(zip(got, want)):
            if a != b:
                return "line %d differs:\n  together: %s\n  apart:    %s" % (i + 1, a, b)
        return "%d lines together, %d apart" % (len(got), len(want))
    if r.returncode != worst:
        return "exit %d together, %d apart" % (r.returncode, worst)
    return None


def main():
    examples = sorted(glob.glob("examples/*.kh", root_dir=ROOT))
    rules = sorted(glob.glob("tests/rules/*/*.kh", root_dir=ROOT))
    # Pairs: each example after the one before, in both orders.
    for a, b in zip(examples, examples[1:] + examples[:1]):
        result("check %s %s = each alone" % (a, b), together_equals_apart([a, b]))
        result("check %s %s = each alone" % (b, a), together_equals_apart([b, a]))
    result("check EXAMPLE EXAMPLE (twice) = each alone", together_equals_apart([examples[0]] * 2))
    result("check every example = each alone", together_equals_apart(examples))
    if rules:
        result("check %d rule cases = each alone" % len(rules), together_equals_apart(rules))
    with tempfile.TemporaryDirectory() as tmp:
        lib = os.path.join(tmp, "lib")
        shutil.copytree(os.path.join(ROOT, "stdlib"), lib)
        result("check --stdlib COPY, every example = each alone",
               together_equals_apart(examples, ["--stdlib", lib]))
        embedded(tmp, examples)


def installed_tree(tmp, name):
    """A copy of the binary in TMP/NAME/bin, with an empty
    share/kehoach/stdlib/vn beside it (the default stdlib folder it finds)."""
    top = os.path.join(tmp, name)
    os.makedirs(os.path.join(top, "bin"))
    os.makedirs(os.path.join(top, "share", "kehoach", "stdlib", "vn"))
    kh = os.path.join(top, "bin", "kehoach")
    shutil.copy(KH, kh)
    return kh, os.path.realpath(os.path.join(top, "share", "kehoach", "stdlib"))


def embedded(tmp, examples):
    plan = os.path.join(ROOT, "examples", "250-KH-TU-2019.kh")
    src_lib = os.path.realpath(os.path.join(ROOT, "stdlib"))
    want = run(["check", plan], cwd=tmp)
    want_text = (want.stdout + want.stderr).replace(src_lib.encode(), b"STDLIB")
    # Every module absent: the copies compiled in, named as if there.
    kh, lib = installed_tree(tmp, "empty")
    shown = os.path.relpath(lib, tmp).encode()  # paths are shown from the working folder
    r = run(["check", plan], kh=kh, cwd=tmp)
    got = (r.stdout + r.stderr).replace(shown, b"STDLIB")
    problem = None
    if b"STDLIB/vn/documents.kh:20:14: note" not in got or "loại_văn_bản kế_hoạch".encode() not in got:
        problem = "no note with its source line in the embedded vn/documents.kh: %s" % got[:600]
    elif got != want_text or r.returncode != want.returncode:
        problem = "differs from the stdlib on disk:\n%s\n---\n%s" % (got[:800], want_text[:800])
    result("an empty default stdlib folder: the embedded modules, their paths and lines", problem)
    # One module changed there: read as it is (its error names its line).
    shutil.copy(os.path.join(ROOT, "stdlib", "vn", "documents.kh"), os.path.join(lib, "vn", "documents.kh"))
    with open(os.path.join(lib, "vn", "documents.kh"), "a", encoding="utf-8") as f:
        f.write("\ncơ_quan ??? \n")
    r = run(["check", plan], kh=kh, cwd=tmp)
    err = (r.stdout + r.stderr).decode("utf-8", "replace")
    line = len(open(os.path.join(lib, "vn", "documents.kh"), encoding="utf-8").read().splitlines())
    result("a changed module in the default folder is read from disk",
           None if r.returncode == 1 and "%s/vn/documents.kh:%d:" % (shown.decode(), line) in err
           else "exit %d: %s" % (r.returncode, err[:600]))
    # A folder the user names is read from disk: no copy stands for a module absent there.
    for how, args, env in (("--stdlib", ["--stdlib", lib], ENV), ("$KEHOACH_STDLIB", [], dict(ENV, KEHOACH_STDLIB=lib))):
        os.unlink(os.path.join(lib, "vn", "documents.kh"))
        r = run(["check"] + args + [plan], kh=kh, env=env, cwd=tmp)
        err = (r.stdout + r.stderr).decode("utf-8", "replace")
        result("%s DIR: a module absent there is not found" % how,
               None if "vn/hierarchy" in err and "not found" in err and r.returncode != 0
               else "exit %d: %s" % (r.returncode, err[:600]))
        shutil.copy(os.path.join(ROOT, "stdlib", "vn", "documents.kh"), os.path.join(lib, "vn", "documents.kh"))
    for m in os.listdir(os.path.join(lib, "vn")):
        os.unlink(os.path.join(lib, "vn", m))
    # Many plans in one process on the embedded copies.
    r = run(["check"] + [os.path.join(ROOT, e) for e in examples], kh=kh, cwd=tmp)
    want = run(["check"] + [os.path.join(ROOT, e) for e in examples], cwd=tmp)
    result("every example in one process on the embedded copies",
           None if (r.stdout + r.stderr).replace(shown, b"STDLIB") ==
           (want.stdout + want.stderr).replace(src_lib.encode(), b"STDLIB") else "outputs differ")


if __name__ == "__main__":
    main()
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)

#!/usr/bin/python3
"""make install and make uninstall, into a scratch PREFIX (with a space in
it) and with DESTDIR. The installed binary must find its own stdlib, not
the source tree's: it is copied elsewhere and run from another folder,
and the stdlib paths its messages name are the copy's; where a private
mount namespace is allowed (unshare), the source tree's stdlib is also
hidden under an empty tmpfs for that one run (nothing in the tree is
moved). Import confinement holds in the installed stdlib (a module that
is a link out of it is refused). make uninstall leaves none of our files.
Ends with "N passed, N failed".
Usage: tests/install/run.py BUILD"""
import os
import shutil
import subprocess
import sys
import tempfile

BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(ROOT, "examples", "297-HD-UBND-2019.kh")
passed = failed = 0


def result(name, msg):
    global passed, failed
    if msg == "skip":
        print("skip %s" % name)
    elif msg is None:
        passed += 1
        print("ok   %s" % name)
    else:
        failed += 1
        print("FAIL %s: %s" % (name, msg))


def make(*args):
    return subprocess.run(["make", "--no-print-directory", "-C", ROOT, "BUILD=" + BUILD] + list(args),
                          capture_output=True, timeout=600)


def files_under(d):
    out = []
    for base, _dirs, files in os.walk(d):
        out += [os.path.relpath(os.path.join(base, f), d) for f in files]
    return sorted(out)


def expected(locale=None):
    want = ["bin/kehoach", "share/man/man1/kehoach.1", "share/man/vi/man1/kehoach.1",
            "share/bash-completion/completions/kehoach"]
    for top in ("stdlib", "editors"):
        for base, dirs, files in os.walk(os.path.join(ROOT, top)):
            dirs[:] = [x for x in dirs if x != "node_modules"]
            want += [os.path.join("share/kehoach", os.path.relpath(os.path.join(base, f), ROOT))
                     for f in files]
    loc = locale or os.path.join(ROOT, BUILD, "locale")
    for lang in (os.listdir(loc) if os.path.isdir(loc) else []):
        if os.path.isfile(os.path.join(loc, lang, "LC_MESSAGES", "kehoach.mo")):
            want.append("share/locale/%s/LC_MESSAGES/kehoach.mo" % lang)
    return sorted(want)


def clean_env():
    env = dict(os.environ)
    env.pop("KEHOACH_STDLIB", None)
    env["LC_ALL"] = "C.UTF-8"
    return env


def run_in(binary, cwd, *args, env=None):
    return subprocess.run([binary] + list(args), capture_output=True, timeout=120, cwd=cwd,
                          env=env or clean_env())


def installed_tree(d):
    prefix = os.path.join(d, "pre fix")
    r = make("install", "PREFIX=" + prefix)
    if r.returncode != 0:
        return None, "make install: %s" % r.stderr.decode()[-500:]
    got, want = files_under(prefix), expected()
    if got != want:
        return None, "installed %s, expected %s" % (sorted(set(got) ^ set(want)), "the list")
    if not os.access(os.path.join(prefix, "bin", "kehoach"), os.X_OK):
        return None, "bin/kehoach is not executable"
    return prefix, None


def uses_own_stdlib(moved, work):
    """The moved copy, run from WORK: check an example; an unknown module
    names the copy's stdlib; a link out of the stdlib is refused."""
    k = os.path.join(moved, "bin", "kehoach")
    stdlib = os.path.realpath(os.path.join(moved, "share", "kehoach", "stdlib"))
    plan = os.path.join(work, "plan.kh")
    shutil.copy(EXAMPLE, plan)
    r = run_in(k, work, "check", "--no-color", "plan.kh")
    want = run_in(os.path.join(ROOT, BUILD, "kehoach"), work, "check", "--no-color", "plan.kh")
    if r.returncode != want.returncode or b"warning" not in r.stderr:
        return "check: exit %d %s" % (r.returncode, r.stderr[:300])
    # Paths outside the working folder are shown whole.
    if (os.path.join(stdlib, "vn", "awards.kh") + ":").encode() not in r.stderr:
        return "the notes do not point into the copy's stdlib: %s" % r.stderr[-400:]
    if r.stderr.replace(stdlib.encode(), b"STDLIB") != \
            want.stderr.replace(os.path.realpath(os.path.join(ROOT, "stdlib")).encode(), b"STDLIB"):
        return "the findings differ from the build's"
    with open(plan, "w", encoding="utf-8") as f:
        f.write('import "vn/khong_co"\n')
    r = run_in(k, work, "check", "--no-color", "plan.kh")
    if r.returncode != 1 or os.path.join(stdlib, "vn", "khong_co.kh").encode() not in r.stderr:
        return "an unknown module: %s" % r.stderr[:400]
    os.symlink("/etc/passwd", os.path.join(stdlib, "vn", "evil.kh"))
    with open(plan, "w", encoding="utf-8") as f:
        f.write('import "vn/evil"\n')
    r = run_in(k, work, "check", "--no-color", "plan.kh")
    os.unlink(os.path.join(stdlib, "vn", "evil.kh"))
    if r.returncode != 1 or b"[import-outside-root]" not in r.stderr or b"root:" in r.stderr:
        return "a link out of the installed stdlib: exit %d %s" % (r.returncode, r.stderr[:300])
    env = clean_env()
    env["KEHOACH_STDLIB"] = os.path.join(ROOT, "stdlib")
    with open(plan, "w", encoding="utf-8") as f:
        f.write('import "vn/khong_co"\n')
    r = run_in(k, work, "check", "--no-color", "plan.kh", env=env)
    if os.path.realpath(os.path.join(ROOT, "stdlib")).encode() not in r.stderr:
        return "KEHOACH_STDLIB does not come first: %s" % r.stderr[:300]
    return None


def source_stdlib_hidden(moved, work):
    """The copy checks the example with the source stdlib under an empty
    tmpfs, in a mount namespace of its own (the tree is untouched)."""
    if not shutil.which("unshare"):
        return "skip"
    shutil.copy(EXAMPLE, os.path.join(work, "plan.kh"))
    k = os.path.join(moved, "bin", "kehoach")
    script = 'mount -t tmpfs none "$1" && [ -z "$(ls -A "$1")" ] || exit 99; exec "$2" check --no-color plan.kh'
    flags = ["-m"] if os.geteuid() == 0 else ["-r", "-m"]
    r = subprocess.run(["unshare"] + flags + ["sh", "-c", script, "_", os.path.join(ROOT, "stdlib"), k],
                       capture_output=True, timeout=120, cwd=work, env=clean_env())
    if r.returncode == 99 or b"unshare:" in r.stderr[:200]:
        return "skip"
    if r.returncode != 0 or b"warning" not in r.stderr:
        return "exit %d: %s" % (r.returncode, r.stderr[:300])
    return None


def locales(d):
    """Messages of two languages (stand-ins in LOCALE_DIR, so the build
    tree is not touched): each goes to share/locale/LANG/LC_MESSAGES."""
    loc = os.path.join(d, "locale")
    for lang in ("vi", "en_GB"):
        os.makedirs(os.path.join(loc, lang, "LC_MESSAGES"))
        with open(os.path.join(loc, lang, "LC_MESSAGES", "kehoach.mo"), "wb") as f:
            f.write(b"\xde\x12\x04\x95" + lang.encode())
    prefix = os.path.join(d, "with-locales")
    r = make("install", "PREFIX=" + prefix, "LOCALE_DIR=" + loc)
    if r.returncode != 0 or files_under(prefix) != expected(loc):
        return "exit %d: %s" % (r.returncode, sorted(set(files_under(prefix)) ^ set(expected(loc))))
    mo = os.path.join(prefix, "share", "locale", "vi", "LC_MESSAGES", "kehoach.mo")
    if open(mo, "rb").read() != b"\xde\x12\x04\x95vi":
        return "share/locale/vi holds another file"
    r = make("uninstall", "PREFIX=" + prefix)
    return "left %s" % files_under(prefix) if files_under(prefix) else None


def main():
    with tempfile.TemporaryDirectory() as d:
        prefix, msg = installed_tree(d)
        result("make install PREFIX=…: the binary, stdlib, locales there are, man pages, "
               "bash completion, editors", msg)
        if prefix:
            moved = os.path.join(d, "elsewhere", "kehoach-copy")
            shutil.copytree(prefix, moved, symlinks=True)
            work = os.path.join(d, "work")
            os.mkdir(work)
            result("the installed tree, moved elsewhere, uses its own stdlib (confined)",
                   uses_own_stdlib(moved, work))
            result("... and checks a plan with the source tree's stdlib hidden",
                   source_stdlib_hidden(moved, work))
            r = make("uninstall", "PREFIX=" + prefix)
            left = files_under(prefix)
            result("make uninstall leaves none of our files",
                   None if r.returncode == 0 and not left else "left %s %s" % (left, r.stderr[-300:]))
        stage = os.path.join(d, "stage")
        r = make("install", "DESTDIR=" + stage, "PREFIX=/usr")
        got = files_under(os.path.join(stage, "usr"))
        msg = None if r.returncode == 0 and got == expected() and files_under(stage) == [
            os.path.join("usr", f) for f in got] else "exit %d, %s" % (r.returncode, got[:5])
        if msg is None:
            r = make("uninstall", "DESTDIR=" + stage, "PREFIX=/usr")
            if files_under(stage):
                msg = "uninstall left %s" % files_under(stage)
        result("DESTDIR=…: everything under DESTDIR/PREFIX, and uninstalled from there", msg)
        result("every build/locale/LANG/LC_MESSAGES/kehoach.mo installed, and uninstalled",
               locales(d))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""completions/kehoach.bash, sourced in bash and asked as the shell asks
(COMP_WORDS, COMP_CWORD, then _kehoach): commands (every one of
src/main.c's table), each command's options, option values, rule ids,
the body ids of the plan on the line, and .kh files and folders.
Ends with "N passed, N failed".
Usage: tests/completion/run.py BUILD/kehoach"""
import json
import os
import re
import subprocess
import sys
import tempfile

K = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/kehoach")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPT = os.path.join(ROOT, "completions", "kehoach.bash")
EXAMPLE = os.path.join(ROOT, "examples", "250-KH-TU-2019.kh")
passed = failed = 0

DRIVER = r'''
source "$1" || exit 3
complete -p kehoach >/dev/null || exit 4
shift
COMP_WORDS=("$@")
COMP_CWORD=$(($# - 1))
_kehoach
printf '%s\n' "${COMPREPLY[@]}"
'''


def complete(words, cwd=ROOT):
    """What bash offers for the last of WORDS (the command being K)."""
    r = subprocess.run(["bash", "--norc", "--noprofile", "-c", DRIVER, "_", SCRIPT, K] + words,
                       capture_output=True, timeout=120, cwd=cwd)
    if r.returncode != 0:
        raise RuntimeError("bash exited %d: %s" % (r.returncode, r.stderr.decode()[:300]))
    return set(x for x in r.stdout.decode("utf-8").split("\n") if x)


def case(name, got, want=None, absent=()):
    global passed, failed
    msg = None
    if want is not None and not set(want) <= got:
        msg = "missing %s in %s" % (sorted(set(want) - got), sorted(got))
    elif set(absent) & got:
        msg = "offered %s" % sorted(set(absent) & got)
    if msg:
        failed += 1
        print("FAIL %s: %s" % (name, msg))
    else:
        passed += 1
        print("ok   %s" % name)


def table_commands():
    src = open(os.path.join(ROOT, "src", "main.c"), encoding="utf-8").read()
    return re.findall(r'^\t\{ "([a-z]+)", (?:cmd_|NULL)', src, re.M)


def run():
    cmds = table_commands()
    got = complete([""])
    case("every command of main.c's table, help and --version", got, cmds + ["help", "--version"])
    case("a prefix: ch -> check, checklist", complete(["ch"]), ["check", "checklist"],
         absent=["json", "render"])
    case("check's options: --f -> --format, --fail-on", complete(["check", "--f"]),
         ["--format", "--fail-on"], absent=["--for", "--force"])
    case("render's options, not schedule's", complete(["render", "--"]),
         ["--html", "--docx", "--pdf", "--stdlib", "--root"], absent=["--ics", "--explain"])
    case("fmt's options", complete(["fmt", "-"]), ["-w", "--check", "--force"],
         absent=["-o", "--format"])
    case("init's options", complete(["init", "--"]), ["--kind", "--family", "--level", "--date",
                                                       "--force"], absent=["--format", "--for"])
    case("init --level's values", complete(["init", "--level", ""]), ["tỉnh", "huyện", "xã"])
    case("--lang's values", complete(["check", "--lang", ""]), ["vi", "en"])
    case("--format's values", complete(["check", "--format", ""]), ["text", "json", "sarif"])
    case("--fail-on's values", complete(["check", "--fail-on", "w"]), ["warning"],
         absent=["error"])
    case("--disable: rule ids from kehoach help rules",
         complete(["check", "--disable", "undecl"]), ["undeclared-id"])
    bodies = json.loads(subprocess.run([K, "json", EXAMPLE], capture_output=True,
                                       timeout=120).stdout)["bodies"]
    some = [b["id"] for b in bodies][:3]
    case("--for: the body ids of the plan on the line",
         complete(["schedule", EXAMPLE, "--for", ""]), some)
    case("help: commands and rules", complete(["help", ""]), cmds + ["rules"], absent=["help"])
    case("help rules --markdown", complete(["help", "rules", "--"]), ["--markdown"])
    with tempfile.TemporaryDirectory() as d:
        for name in ("kế-hoạch.kh", "note.txt"):
            open(os.path.join(d, name), "w").write("")
        os.mkdir(os.path.join(d, "sub"))
        case("files: .kh files and folders, not other files", complete(["check", ""], cwd=d),
             ["kế-hoạch.kh", "sub/"], absent=["note.txt"])
        case("-o: any file", complete(["json", "-o", "n"], cwd=d), ["note.txt"])
        case("--stdlib: folders", complete(["check", "--stdlib", ""], cwd=d), ["sub"],
             absent=["note.txt"])


run()
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)

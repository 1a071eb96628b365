#!/usr/bin/python3
"""The editor files: made from src/keywords.def, and working.

- the generated grammar and Vim syntax are what tools/gen_editors.py makes
  of keywords.def now (a keyword added without `make editors` fails);
- every spelling of keywords.def, written with '_' and with spaces, is
  matched whole by its group's pattern of the TextMate grammar;
- the VS Code extension's files are valid and refer to each other
  (package.json, language configuration, grammar, extension.js through
  `node --check` when node is installed);
- Vim (when installed) detects a .kh file, loads the syntax without an
  error and colours a keyword, a string, a date, a comment and the
  silencing comment as meant.
Ends with "N passed, N failed"."""
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import gen_editors  # noqa: E402

VSCODE = os.path.join(ROOT, "editors", "vscode")
passed = failed = 0


def case(name):
    def wrap(fn):
        global passed, failed
        try:
            msg = fn()
        except Exception as e:
            msg = "exception: %r" % (e,)
        if msg == "skip":
            print("skip %s" % name)
        elif msg is None:
            passed += 1
            print("ok   %s" % name)
        else:
            failed += 1
            print("FAIL %s: %s" % (name, msg))
        return fn
    return wrap


@case("the generated files are what src/keywords.def gives (else: make editors)")
def _():
    for path, text in gen_editors.outputs():
        if open(path, encoding="utf-8").read() != text:
            return "%s is out of date" % os.path.relpath(path, ROOT)


def to_python(onig):
    # \p{L} inside a class becomes "letters": Python has no \p; [^\W\d_] is
    # a letter, so a class [\p{L}\p{N}_] is [^\W] (word characters).
    s = onig.replace("[\\p{L}\\p{N}_]", "\\w").replace("[\\p{L}_]", "[^\\W\\d]")
    s = s.replace("[\\p{N}]", "\\d")
    return re.compile(s)


@case("every keyword spelling (with '_' and with spaces) matches its group's pattern whole")
def _():
    grammar = json.load(open(gen_editors.TM, encoding="utf-8"))
    repo = grammar["repository"]
    groups = {}
    for name, rule in repo.items():
        if name.startswith("keywords-"):
            groups[rule["name"]] = to_python(rule["match"])
    for spelling, (scope, _vim) in gen_editors.read_keywords():
        for written in {spelling, spelling.replace("_", " ")}:
            line = "x %s y" % written
            m = groups[scope].search(line)
            if not m or m.group(0) != written:
                return "%r not matched whole by %s: %r" % (written, scope, m and m.group(0))
    ids = to_python(repo["id"]["match"])
    if ids.search(" bc_xa2 ").group(0) != "bc_xa2":
        return "ids"
    if to_python(repo["date"]["match"]).search("hạn 30/8/2019 x").group(0) != "30/8/2019":
        return "dates"


@case("the VS Code extension: a language for .kh, its grammar, configuration and client")
def _():
    pkg = json.load(open(os.path.join(VSCODE, "package.json"), encoding="utf-8"))
    langs = pkg["contributes"]["languages"]
    if not any(l["id"] == "kehoach" and ".kh" in l["extensions"] for l in langs):
        return "no kehoach language for .kh"
    conf = os.path.join(VSCODE, langs[0]["configuration"])
    c = json.load(open(conf, encoding="utf-8"))
    if c["comments"]["lineComment"] != "#":
        return "line comments"
    re.compile(c["wordPattern"].replace("\\p{L}", "a-z").replace("\\p{N}", "0-9"))
    g = pkg["contributes"]["grammars"][0]
    grammar = json.load(open(os.path.join(VSCODE, g["path"]), encoding="utf-8"))
    if grammar["scopeName"] != g["scopeName"] or g["language"] != "kehoach":
        return "grammar %r" % g
    main = os.path.join(VSCODE, pkg["main"])
    js = open(main, encoding="utf-8").read()
    if "vscode-languageclient" not in pkg["dependencies"] or "'lsp'" not in js:
        return "the client does not start kehoach lsp"
    if "onLanguage:kehoach" not in pkg["activationEvents"]:
        return "activation"


@case("extension.js parses (node --check)")
def _():
    try:
        r = subprocess.run(["node", "--check", os.path.join(VSCODE, "extension.js")],
                           capture_output=True, timeout=60)
    except FileNotFoundError:
        return "skip"
    if r.returncode != 0:
        return r.stderr.decode()[:300]


PROBE = r"""
set nocompatible
execute 'set rtp^=' . fnameescape(g:root . '/editors/vim')
filetype plugin on
syntax on
execute 'edit ' . fnameescape(g:file)
let s:res = [&filetype, &shiftwidth, v:errmsg]
for [s:l, s:c] in g:at
  call add(s:res, synIDattr(synID(s:l, s:c, 1), "name"))
endfor
call writefile([json_encode(s:res)], g:out)
qa!
"""

SAMPLE = ('nhiệm_vụ bc "Báo cáo" {  # kehoach: ignore foo -- bar\n'
          '  hạn trước trung tuần tháng 9/2019\n'
          '  gửi cấp_trên\n'
          '}\n')


def byte_col(line, needle):
    return len(line[:line.index(needle)].encode("utf-8")) + 1


@case("Vim: .kh detected, the syntax loads and colours each kind of token")
def _():
    try:
        subprocess.run(["vim", "--version"], capture_output=True, timeout=30)
    except FileNotFoundError:
        return "skip"
    with tempfile.TemporaryDirectory() as d:
        f = os.path.join(d, "plan.kh")
        open(f, "w", encoding="utf-8").write(SAMPLE)
        probe = os.path.join(d, "probe.vim")
        open(probe, "w").write(PROBE)
        lines = SAMPLE.split("\n")
        want = [((1, "nhiệm_vụ"), "khStatement"), ((1, "bc "), ""), ((1, '"Báo'), "khString"),
                ((1, "# keh"), "khComment"), ((1, "kehoach: ignore"), "khIgnore"),
                ((2, "trung"), "khTime"), ((2, "9/2019"), "khDate"),
                ((3, "cấp_trên"), "khStatement")]
        at = [[l, byte_col(lines[l - 1], n)] for (l, n), _ in want]
        out = os.path.join(d, "out.json")
        cmd = ["vim", "-N", "-u", "NONE", "-i", "NONE", "-es",
               "--cmd", "let g:root = %s" % json.dumps(ROOT),
               "--cmd", "let g:file = %s" % json.dumps(f),
               "--cmd", "let g:out = %s" % json.dumps(out),
               "--cmd", "let g:at = %s" % json.dumps(at), "-S", probe]
        subprocess.run(cmd, capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
        got = json.load(open(out))
    if got[0] != "kehoach" or got[1] != 2 or got[2]:
        return "filetype %r, shiftwidth %r, error %r" % tuple(got[:3])
    for (where, group), g in zip(want, got[3:]):
        if g != group:
            return "%r: %r, want %r" % (where, g, group)


print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)

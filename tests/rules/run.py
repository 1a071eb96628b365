#!/usr/bin/python3
"""Every checker rule, both ways.

tests/rules/<rule-id>/ holds fires*.kh (the rule must report exactly on the
lines marked with a comment `# expect: <rule-id>`; at least one) and
quiet*.kh (the rule must report nothing). An optional `args` file in the
folder holds extra command-line arguments (one per line). A file may also
mark `# expect-none` lines; nothing is checked for them beyond the rule's
line set.

Run: tests/rules/run.py path/to/kehoach
Prints one line per case and ends with `N passed, N failed`.
"""
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# A case that does not read cleanly checks nothing: its rules never run.
UNREADABLE = {"syntax-error", "unexpected-character", "bad-escape", "unterminated-string",
              "undeclared-id", "wrong-kind", "misplaced-statement", "duplicate-id",
              "invalid-date", "import-not-found"}


def expected_lines(path, rule):
    lines = set()
    with open(path, encoding="utf-8") as f:
        for n, text in enumerate(f, 1):
            m = re.search(r"# expect: ([a-z0-9 -]+)$", text.rstrip("\n"))
            if m and rule in m.group(1).split():
                lines.add(n)
    return lines


def run(binary, path, args):
    p = subprocess.run([binary, "check", "--format", "json"] + args + [path],
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        return None, f"exit {p.returncode}: {p.stderr.strip()[:500]}"
    try:
        return json.loads(p.stdout), None
    except json.JSONDecodeError as e:
        return None, f"bad JSON: {e}"


def main():
    binary = sys.argv[1]
    passed = failed = 0
    rules = sorted(d for d in os.listdir(HERE) if os.path.isdir(os.path.join(HERE, d)))
    for rule in rules:
        folder = os.path.join(HERE, rule)
        args = []
        if os.path.exists(os.path.join(folder, "args")):
            with open(os.path.join(folder, "args"), encoding="utf-8") as f:
                args = [a.strip() for a in f if a.strip()]
        cases = sorted(f for f in os.listdir(folder) if f.endswith(".kh"))
        kinds = {c.split("-")[0].split(".")[0] for c in cases}
        problems = []
        if "fires" not in kinds or "quiet" not in kinds:
            problems.append("needs a fires*.kh and a quiet*.kh case")
        for case in cases:
            path = os.path.relpath(os.path.join(folder, case))
            out, err = run(binary, path, args)
            if err:
                problems.append(f"{case}: {err}")
                continue
            broken = sorted({f["rule"] for f in out["findings"] if f["rule"] in UNREADABLE - {rule}})
            if broken:
                problems.append(f"{case}: does not read cleanly ({', '.join(broken)})")
                continue
            got = {f["line"] for f in out["findings"] if f["rule"] == rule and "suppressed" not in f}
            if case.startswith("fires"):
                want = expected_lines(path, rule)
                if not want:
                    problems.append(f"{case}: no line is marked '# expect: {rule}'")
                elif got != want:
                    problems.append(f"{case}: expected on lines {sorted(want)}, reported on {sorted(got)}")
            elif got:
                problems.append(f"{case}: must be quiet, reported on lines {sorted(got)}")
        if problems:
            failed += 1
            print(f"FAIL {rule}")
            for p in problems:
                print(f"  {p}")
        else:
            passed += 1
            print(f"PASS {rule} ({len(cases)} cases)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

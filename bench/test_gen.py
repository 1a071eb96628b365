#!/usr/bin/python3
"""test_gen.py KEHOACH - the benchmark's generators keep their promises (about 2 s).

- bench/gen.py's plan has no findings (`check --fail-on warning` exits 0
  and prints nothing) at 1,000 tasks, and its bodies are at most 4 deep;
- bench/gen_tj.py's project declares the same tasks and resources;
- both generators are deterministic (two runs write the same bytes), and
  gen_adversarial.py still writes what bench/gen.py wrote before issue 12.
bench/run.sh runs it first, so a figure of the clean plan is never one of
a plan with findings.
"""
import hashlib
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen  # noqa: E402
import gen_tj  # noqa: E402


def main():
    kehoach = sys.argv[1] if len(sys.argv) > 1 else "build/kehoach"
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        kh = os.path.join(tmp, "plan.kh")
        gen.write_kh(gen.plan(1000), kh)
        r = subprocess.run([kehoach, "check", "--fail-on", "warning", kh],
                           capture_output=True, text=True)
        if r.returncode != 0 or r.stderr or r.stdout:
            failures.append("clean plan has findings (exit %d):\n%s"
                            % (r.returncode, (r.stderr or r.stdout)[:2000]))
        m = gen.plan(1000)
        for b in m["bodies"].values():
            depth, p = 1, b.parent
            while p:
                depth, p = depth + 1, m["bodies"][p].parent
            if depth > 4:
                failures.append("body %s is %d deep" % (b.id, depth))
        again = os.path.join(tmp, "again.kh")
        gen.write_kh(gen.plan(1000), again)
        if open(kh, "rb").read() != open(again, "rb").read():
            failures.append("gen.py is not deterministic")
        tjp = os.path.join(tmp, "plan.tjp")
        gen_tj.write_tjp(gen.plan(1000), tjp, True)
        text = open(tjp, encoding="utf-8").read()
        ntasks = len(re.findall(r"^task t\d+ ", text, re.M))
        nres = len(re.findall(r"^\s*resource ", text, re.M))
        if ntasks != 1000 or nres != len(m["bodies"]) or "icalreport" not in text:
            failures.append("gen_tj.py: %d tasks, %d resources (want 1000, %d)"
                            % (ntasks, nres, len(m["bodies"])))
        adv = os.path.join(tmp, "adv.kh")
        adv2 = os.path.join(tmp, "adv2.kh")
        for out in (adv, adv2):
            subprocess.run([sys.executable, os.path.join(HERE, "gen_adversarial.py"), "1000", out],
                           check=True)
        if open(adv, "rb").read() != open(adv2, "rb").read():
            failures.append("gen_adversarial.py is not deterministic")
        # What bench/gen.py wrote before issue 12, at 1,000 tasks.
        if hashlib.md5(open(adv, "rb").read()).hexdigest() != "48c21a6ef37fee6897cbe2610ffab452":
            failures.append("gen_adversarial.py no longer writes the old plan")
    for f in failures:
        print("test_gen: FAIL: %s" % f, file=sys.stderr)
    if not failures:
        print("test_gen: the clean plan has no findings; generators deterministic")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""The layers of the program (issue 12): the checkers and the writers read
the plan model (plan.h, plan.c) and never the resolver. For each of their
objects in BUILD/obj, no symbol it needs is one that a resolver object
(resolve*.o) defines, and its source includes neither resolve.h nor
resolve_int.h. Ends with "N passed, N failed".
Usage: tests/layers/run.py BUILD"""
import glob
import os
import re
import subprocess
import sys

BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# What reads the model only: the checkers, the writers and what they share.
READERS = re.compile(r"^(check|emit_|document|compose|docx_|svg_|timeline|prose|awards_(eval|rank|report|screen)"
                     r"|nominees|criteria_|cite_|body_short_names|csv|sarif|vn_numbering|plan)")
passed = failed = 0


def symbols(path, *opts):
    out = subprocess.run(["nm", "--format=posix", *opts, path], capture_output=True, text=True, check=True)
    return {line.split()[0] for line in out.stdout.splitlines() if line.strip()}


def report(ok, name, why=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok   %s" % name)
    else:
        failed += 1
        print("FAIL %s: %s" % (name, why))


resolver = set()
for o in glob.glob(os.path.join(BUILD, "obj", "resolve*.o")):
    resolver |= symbols(o, "--defined-only", "--extern-only")
readers = sorted(o for o in glob.glob(os.path.join(BUILD, "obj", "*.o"))
                 if READERS.match(os.path.basename(o)))
report(len(resolver) > 20 and len(readers) > 30, "the resolver's symbols and the readers' objects are found",
       "%d symbols, %d objects in %s/obj" % (len(resolver), len(readers), BUILD))
for o in readers:
    name = os.path.basename(o)[:-2]
    used = symbols(o, "--undefined-only") & resolver
    src = os.path.join(ROOT, "src", name + ".c")
    text = open(src, encoding="utf-8").read() if os.path.exists(src) else ""
    includes = re.findall(r'#include "(resolve(?:_int)?\.h)"', text)
    report(not used and not includes, "%s reads the model, not the resolver" % name,
           "uses %s%s" % (", ".join(sorted(used)), (" and includes " + ", ".join(includes)) if includes else ""))
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)

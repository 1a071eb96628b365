#!/usr/bin/python3
"""tests/fault/run.py - allocation failure at each point of a run, and full disks.

The fault-injection build (make fault) fails its Nth allocation when
KH_FAIL_ALLOC_AT=N and counts them with KH_ALLOC_COUNT=1 (src/alloc.c).
For a small example and a seed example, over check and every emitter, each
run with a failed allocation must exit 2 with the one out-of-memory line
(after, at most, the diagnostics a normal run prints first), write nothing
to standard output, leave an existing -o FILE (or the file fmt -w rewrites)
byte for byte as it was, and leave no temporary file or folder behind.
`make test` sweeps N = 1..64 and a fixed spread of the rest (the last few
included); --full sweeps every N (make fault-full).

With the normal build: the collector's own out-of-memory path (a heap
capped by GC_MAXIMUM_HEAP_SIZE), and a write error on every output
(standard output and -o on /dev/full) must exit 2 naming the output.
Ends with "N passed, N failed" (one case per example and command).
Usage: tests/fault/run.py [--full] BUILD/fault/kehoach [BUILD/kehoach]"""
import concurrent.futures
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
args = sys.argv[1:]
FULL = "--full" in args
args = [a for a in args if a != "--full"]
FAULT = os.path.abspath(args[0] if args else os.path.join(ROOT, "build/fault/kehoach"))
PLAIN = os.path.abspath(args[1] if len(args) > 1 else os.path.join(ROOT, "build/kehoach"))
# The small example (9 KB: tasks, meetings, an outline, recipients, a
# signature) and the seed example of make demo; both have warnings, so an
# emitter's stderr may hold them before the out-of-memory line.
SMALL = os.path.join(ROOT, "examples", "CV-ubnd-huyen-2024.kh")
SEED = os.path.join(ROOT, "examples", "297-HD-UBND-2019.kh")
JOBS = int(os.environ.get("KH_FAULT_JOBS", "0")) or os.cpu_count() or 2
HEAD, SPREAD, TAIL = 64, 146, 4   # make test: 1..64, 146 spread, the last 4

# name -> arguments before the file; "-o" commands write to OUT, "fmt -w"
# rewrites a copy of the plan, plain "fmt" prints.
COMMANDS = [
    ("check", ["check"]),
    ("check --format json", ["check", "--format", "json"]),
    ("check --format sarif", ["check", "--format", "sarif"]),
    ("json", ["json"]),
    ("schedule", ["schedule"]),
    ("schedule --csv", ["schedule", "--csv"]),
    ("schedule --ics", ["schedule", "--ics"]),
    ("schedule --svg", ["schedule", "--svg"]),
    ("checklist", ["checklist"]),
    ("checklist --csv", ["checklist", "--csv"]),
    ("checklist --html", ["checklist", "--html"]),
    ("outline", ["outline"]),
    ("outline --html", ["outline", "--html"]),
    ("outline --docx", ["outline", "--docx"]),
    ("render --html", ["render", "--html"]),
    ("render --docx", ["render", "--docx"]),
    ("fmt", ["fmt"]),
    ("fmt -w", ["fmt", "-w"]),
]
HAVE_SOFFICE = bool(shutil.which("soffice") or shutil.which("libreoffice"))
OOM = re.compile(rb"kehoach: fatal error: out of memory \(asked for [0-9]+ bytes\)\n\Z")
COUNT = re.compile(rb"kehoach: fault-inject: ([0-9]+) allocations\n\Z")
OLD = b"the old contents, which a failed run must keep\n"
passed = failed = 0


def result(name, msg):
    global passed, failed
    if msg is None:
        passed += 1
        print("ok   %s" % name)
    else:
        failed += 1
        print("FAIL %s: %s" % (name, msg))
    sys.stdout.flush()


def unformatted(example):
    """The plan with blank lines after its end: the same plan, which fmt -w
    has to rewrite."""
    return open(example, "rb").read() + b"\n\n\n"


SCRATCH = threading.local()


def workspace():
    """This thread's folder, made once: a folder a run is what costs most."""
    if not hasattr(SCRATCH, "dir"):
        SCRATCH.dir = tempfile.mkdtemp(prefix="kh-fault-")
        os.mkdir(os.path.join(SCRATCH.dir, "tmp"))
        DIRS.append(SCRATCH.dir)
    return SCRATCH.dir


DIRS = []


class Run:
    """One run in this thread's folder: OUT holds OLD, fmt -w gets a copy of
    the plan, and TMPDIR points inside too, so any leftover shows."""

    def __init__(self, binary, name, argv, example, env=None):
        self.dir = workspace()
        self.out = os.path.join(self.dir, "out")
        self.tmp = os.path.join(self.dir, "tmp")
        with open(self.out, "wb") as f:
            f.write(OLD)
        self.plan, self.plan_text = example, None
        cmd = [binary] + argv
        if name == "fmt -w":
            self.plan = os.path.join(self.dir, "plan.kh")
            self.plan_text = unformatted(example)
            with open(self.plan, "wb") as f:
                f.write(self.plan_text)
        elif name != "fmt":
            cmd += ["-o", self.out]
        self.cmd = cmd + [self.plan]
        self.env = dict(os.environ, TMPDIR=self.tmp, **(env or {}))
        for k in ("KH_FAIL_ALLOC_AT", "KH_ALLOC_COUNT"):
            if env is None or k not in env:
                self.env.pop(k, None)

    def go(self, timeout=120):
        try:
            r = subprocess.run(self.cmd, capture_output=True, env=self.env, timeout=timeout)
            return r.returncode, r.stdout, r.stderr
        except subprocess.TimeoutExpired:
            return None, b"", b"timed out"

    def leftovers(self):
        """Names that should not be there, and whether the files kept."""
        extra = sorted(set(os.listdir(self.dir)) - {"out", "tmp", "plan.kh"})
        extra += ["tmp/" + n for n in sorted(os.listdir(self.tmp))]
        kept = open(self.out, "rb").read() == OLD
        if self.plan_text is not None:
            kept = kept and open(self.plan, "rb").read() == self.plan_text
        return extra, kept

    def done(self):
        """Empties the folder for the next run (leftovers already seen)."""
        for n in os.listdir(self.dir):
            if n != "tmp":
                p = os.path.join(self.dir, n)
                shutil.rmtree(p) if os.path.isdir(p) else os.unlink(p)
        for n in os.listdir(self.tmp):
            shutil.rmtree(os.path.join(self.tmp, n), ignore_errors=True)


def baseline(name, argv, example):
    """The normal run of the fault build: (allocations, its stderr) or a
    message."""
    r = Run(FAULT, name, argv, example, {"KH_ALLOC_COUNT": "1"})
    try:
        rc, out, err = r.go()
        m = COUNT.search(err)
        if rc not in (0, 1) or not m:
            return None, "the normal run: exit %s: %r" % (rc, err[-300:])
        if r.leftovers()[0]:
            return None, "the normal run left %s" % r.leftovers()[0]
        return (int(m.group(1)), err[:m.start()]), None
    finally:
        r.done()


def clean_oom(rc, out, err, normal_err):
    """None when a failed run ended as it must, else why not."""
    if rc != 2:
        return "exit %s: %r" % (rc, err[-300:])
    m = OOM.search(err)
    if not m:
        return "stderr does not end with the out-of-memory line: %r" % err[-300:]
    before = err[:m.start()]
    if before and (not normal_err.startswith(before) or not before.endswith(b"\n")):
        return "stderr before the out-of-memory line is not the normal run's: %r" % before[-300:]
    if out:
        return "%d bytes on standard output" % len(out)
    return None


def one(job):
    """Runs N; returns None or (N, why)."""
    name, argv, example, n, normal_err = job
    r = Run(FAULT, name, argv, example, {"KH_FAIL_ALLOC_AT": str(n)})
    try:
        rc, out, err = r.go()
        why = clean_oom(rc, out, err, normal_err)
        extra, kept = r.leftovers()
        if not why and extra:
            why = "left %s" % extra
        if not why and not kept:
            why = "the existing file was changed"
        return None if not why else (n, why)
    finally:
        r.done()


def points(name, total, pdf=False):
    """The N to try: all of them with --full; else 1..HEAD, SPREAD from
    the rest (one in each of SPREAD equal slices, at a place fixed by the
    command's name) and the last TAIL. For --pdf only the part after the
    Word file (the end) is its own."""
    if FULL:
        return list(range(1, total + 1))
    if pdf:
        return list(range(max(1, total - 44), total + 1))
    chosen = set(range(1, min(HEAD, total) + 1))
    chosen |= set(range(max(1, total - TAIL + 1), total + 1))
    rng = random.Random("%s|%d" % (name, total))
    rest = total - HEAD
    for i in range(SPREAD if rest > 0 else 0):
        lo = HEAD + 1 + rest * i // SPREAD
        hi = max(lo, HEAD + rest * (i + 1) // SPREAD)
        chosen.add(rng.randint(lo, hi))
    return sorted(chosen)


def sweep(pool, plans):
    """Every (example, command) of PLANS through the pool; one case each."""
    cases = []
    for label, example, name, argv in plans:
        info, why = baseline(name, argv, example)
        if why:
            result("fault %s %s" % (label, name), why)
            continue
        total, normal_err = info
        ns = points(name, total, pdf="--pdf" in argv)
        futs = [pool.submit(one, (name, argv, example, n, normal_err)) for n in ns]
        cases.append(("fault %s %s" % (label, name), total, ns, futs))
    runs = 0
    for title, total, ns, futs in cases:
        bad = [f.result() for f in futs]
        bad = [b for b in bad if b]
        runs += len(ns)
        what = "%d runs of %d allocations" % (len(ns), total)
        if bad:
            shown = "; ".join("N=%d: %s" % b for b in bad[:3])
            result(title, "%s: %d failed: %s" % (what, len(bad), shown))
        else:
            result("%s (%s)" % (title, what), None)
    return runs


def fault_plans():
    plans = []
    for label, example in (("small", SMALL), ("seed", SEED)):
        for name, argv in COMMANDS:
            plans.append((label, example, name, argv))
    if HAVE_SOFFICE:
        # LibreOffice takes seconds a run: only the small plan, and without
        # --full only the end, where the PDF is made and read back.
        plans.append(("small", SMALL, "render --pdf", ["render", "--pdf"]))
    return plans


def gc_heap_cap():
    """The collector's out-of-memory handler (the normal build, a heap
    capped): a clean exit or a normal run, never a changed file."""
    for name, argv in COMMANDS:
        r = Run(PLAIN, name, argv, SEED)
        normal_err = r.go()[2]
        r.done()
        msg, hit = None, 0
        for cap in (100000, 200000, 300000, 450000, 600000):
            r = Run(PLAIN, name, argv, SEED, {"GC_MAXIMUM_HEAP_SIZE": str(cap)})
            try:
                rc, out, err = r.go()
                extra, kept = r.leftovers()
                if rc in (0, 1) and not extra:
                    continue
                hit += 1
                msg = clean_oom(rc, out, err, normal_err)
                if not msg and (extra or not kept):
                    msg = "left %s, file kept: %s" % (extra, kept)
                if msg:
                    msg = "heap %d: %s" % (cap, msg)
                    break
            finally:
                r.done()
        if not msg and not hit:
            msg = "no cap ran out of memory"
        result("collector out of memory, heap capped: %s" % name, msg)


FULL_DISK = [
    (b"kehoach: error: cannot write to 'standard output': No space left on device\n", None),
    (b"kehoach: error: cannot write '/dev/full': No space left on device\n", "-o"),
]


def full_disk(argv, to_file, plan=SEED):
    """ARGV with its output on /dev/full: None or why not."""
    want = FULL_DISK[1 if to_file else 0][0]
    cmd = [PLAIN] + argv + (["-o", "/dev/full"] if to_file else []) + ([plan] if plan else [])
    with open("/dev/full", "wb") as full:
        r = subprocess.run(cmd, stdout=full, stderr=subprocess.PIPE, timeout=300)
    if r.returncode != 2:
        return "exit %d: %r" % (r.returncode, r.stderr[-300:])
    if not r.stderr.endswith(want):
        return "stderr does not end with %r: %r" % (want, r.stderr[-300:])
    return None


def write_errors():
    """Every command and format with standard output, then -o, on a full
    disk. check's text report goes to stderr, so only its -o is tried."""
    cmds = [(n, a) for n, a in COMMANDS if n != "fmt -w"]
    if HAVE_SOFFICE:
        cmds.append(("render --pdf", ["render", "--pdf"]))
    for name, argv in cmds:
        msgs = []
        for to_file in (False, True):
            if (to_file and name == "fmt") or (not to_file and name == "check"):
                continue
            why = full_disk(argv, to_file)
            if why:
                msgs.append("%s: %s" % ("-o /dev/full" if to_file else ">/dev/full", why))
        result("write error: %s" % name, "; ".join(msgs) or None)
    for argv in (["help"], ["help", "rules"], ["help", "check"], ["--version"], ["check", "--help"]):
        result("write error: %s >/dev/full" % " ".join(argv), full_disk(argv, False, None))
    with tempfile.TemporaryDirectory() as d:
        p = os.path.join(d, "plan.kh")
        with open(p, "wb") as f:
            f.write(unformatted(SEED))
        result("write error: fmt --check >/dev/full", full_disk(["fmt", "--check"], False, p))


def main():
    for b in (FAULT, PLAIN):
        if not os.access(b, os.X_OK):
            print("missing %s (make fault)\n0 passed, 1 failed" % b)
            sys.exit(1)
    start = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=JOBS) as pool:
        runs = sweep(pool, fault_plans())
    took = time.time() - start
    cpu = sum(getattr(resource.getrusage(who), f) for who in
              (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN) for f in ("ru_utime", "ru_stime"))
    print("     %d runs with a failed allocation in %.1f s, %.1f s of CPU (%d at a time)"
          % (runs, took, cpu, JOBS))
    if not HAVE_SOFFICE:
        print("skip render --pdf: LibreOffice (soffice) is not installed")
    gc_heap_cap()
    write_errors()
    for d in DIRS:
        shutil.rmtree(d, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


main()

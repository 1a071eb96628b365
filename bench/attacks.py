#!/usr/bin/python3
"""attacks.py BINARY [SHAPE...] - the attack shapes, at n and 10n, side by side.
The shapes are the functions below (bench/README.md lists them).

Each shape (../shared/attacks/scale.py and what was found since) is made at
n and at 10n, and `check` and `json` run on both RUNS times (BENCH_RUNS,
default 3), alternating. The medians of wall time and peak resident memory
(/usr/bin/time's, per run) give the ratios 10n / n: about 10 or less is
linear (fixed start-up costs push it below); above 20 the shape is flagged
SUPERLINEAR. Exit 1 (findings) is expected on some shapes; only 2 or a crash
fails the benchmark.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

HEAD = 'cơ_quan a "Ủy ban nhân dân tỉnh A" cấp tỉnh\n'
OPEN = 'kế_hoạch "1/KH-UBND" {\n  ban_hành a\n  ngày 1/8/2019\n'
CLOSE = '  nơi_nhận { a; lưu "VT" }\n  ký { thay_mặt "TM." a; chức_vụ "Chủ tịch"; họ_tên "B" }\n}\n'
HIER = 'import "vn/hierarchy"\n' + HEAD


def typos(n):  # n bodies and n tasks given to a misspelt one: did-you-mean for each
    return (HIER + "".join('cơ_quan so_%d "Sở %d" cấp tỉnh\n' % (i, i) for i in range(n)) + OPEN
            + "".join('  nhiệm_vụ t%d "x" { giao so_%dx; hạn trước 30/8/2019 }\n' % (i, i) for i in range(n))
            + CLOSE)


def levels(n):
    return ('cấp l0 "L0"\n' + "".join('cấp l%d "L%d" dưới l%d\n' % (i, i, i - 1) for i in range(1, n))
            + 'cơ_quan a "A" cấp l0\n' + OPEN + CLOSE)


def thuoc(n):  # refused past 16 bodies above one (body-too-deep), quickly
    return (HIER + 'cơ_quan b0 "B0" cấp tỉnh\n'
            + "".join('cơ_quan b%d "B%d" cấp tỉnh thuộc b%d\n' % (i, i, i - 1) for i in range(1, n))
            + OPEN + '  nhiệm_vụ t "x" { giao b%d; gửi b0; hạn trước 30/8/2019 }\n' % (n - 1) + CLOSE)


def generic(n):  # generic bodies, each thuộc and là the one before
    return (HIER + 'cơ_quan g0 "G0"\n'
            + "".join('cơ_quan g%d "G%d" thuộc g%d là g%d\n' % (i, i, i - 1, i - 1) for i in range(1, n))
            + OPEN + "".join('  nhiệm_vụ t%d "x" { giao g%d; gửi a; hạn trước 30/8/2019 }\n' % (i, i)
                             for i in range(n)) + CLOSE)


def unused(n):
    return HIER + "".join('cơ_quan b%d "Body %d" cấp xã thuộc a\n' % (i, i) for i in range(n)) + OPEN + CLOSE


def suppress(n):
    task = '  nhiệm_vụ t%d "x" {\n    giao a\n    hạn trước 15/9/2019 # kehoach: ignore non-working-day -- r\n  }\n'
    return HIER + OPEN + "".join(task % i for i in range(n)) + CLOSE


def adjacent(n):  # 10 lines of n adjacent strings
    return HIER + OPEN + ("  - " + " ".join(['"ab"'] * n) + "\n") * 10 + CLOSE


def sau(n):
    tasks = ['  nhiệm_vụ t0 "x" { giao a; hạn trước 30/8/2019 }\n']
    tasks += ['  nhiệm_vụ t%d "x" { giao a; sau t%d }\n' % (i, i - 1) for i in range(1, n)]
    return HIER + OPEN + "".join(tasks) + CLOSE


def anchors(n):  # relative deadlines, each on the one before, written last first
    tasks = ['  nhiệm_vụ t0 "x" { giao a; hạn trước 30/8/2019 }\n']
    tasks += ['  nhiệm_vụ t%d "x" { giao a; hạn 1 ngày sau t%d }\n' % (i, i - 1) for i in range(1, n)]
    return HIER + OPEN + "".join(reversed(tasks)) + CLOSE


def sections(n):  # 200 trees of n nested sections (n <= 255), not indented
    return HIER + OPEN + ('mục "M" {\n' * n + '"x"\n' + "}\n" * n) * 200 + CLOSE


def loose(n):  # a letter's n tasks at the top, in no section, each naming its owner
    bodies = "".join('cơ_quan s%d "Sở Ngành %d" cấp tỉnh\n' % (i, i) for i in range(n // 10 + 1))
    return (HIER + bodies + OPEN + "".join(
        '  nhiệm_vụ t%d "Sở Ngành %d thực hiện nhiệm vụ %d." { giao s%d; hạn trước 1/12/2019 }\n'
        % (i, i // 10, i, i // 10) for i in range(n)) + CLOSE)


def newlines(n):
    return (HIER + OPEN + CLOSE).encode() + b"\n" * n


def stray(n):  # n stray characters: 25 errors, then the file is not read
    return HIER + (")" * 1000 + "\n") * (n // 1000)


def imports(n, d):
    for i in range(n):
        with open(os.path.join(d, "m%d.kh" % i), "w") as f:
            f.write('cơ_quan b%d "B%d"\n' % (i, i))
    return "".join('import "./m%d.kh"\n' % i for i in range(n)) + HIER + OPEN + CLOSE


# Each shape's n (10n is made too), chosen so that a run at n takes 0.05-0.5 s.
SIZES = dict(levels=10000, thuoc=10000, generic=1000, unused=10000, suppress=5000, adjacent=1300,
             sau=10000, anchors=10000, sections=25, imports=400, typos=500, newlines=838860,
             stray=1000000, loose=1000)
# What each shape is read with: check and json, and render where a page's
# text is asked about for each task.
COMMANDS = dict(loose=("check", "json", "render"))


def make(shape, n, d):
    maker = globals()[shape]
    sub = os.path.join(d, "%s-%d" % (shape, n))
    os.mkdir(sub)
    text = maker(n, sub) if shape == "imports" else maker(n)
    path = os.path.join(sub, "plan.kh")
    with open(path, "wb") as f:
        f.write(text if isinstance(text, bytes) else text.encode())
    return path


def once(binary, cmd, path, rss_file):
    """Wall seconds and peak RSS (MB) of one run. The RSS comes from
    /usr/bin/time, whose child is forked from a small process: a child of
    this one would count its pages too (ru_maxrss survives exec)."""
    t0 = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file, binary, cmd, path],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    secs = time.perf_counter() - t0
    if r.returncode not in (0, 1):
        raise RuntimeError("%s %s %s: exit %d" % (binary, cmd, path, r.returncode))
    with open(rss_file) as f:
        return secs, int(f.read().split()[-1]) / 1024


def main():
    binary = os.path.abspath(sys.argv[1])
    shapes = sys.argv[2:] or list(SIZES)
    if not set(shapes) <= set(SIZES):
        sys.exit("shapes: " + " ".join(SIZES))
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    scratch = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    print("%-9s %-5s %8s %8s %8s %8s %6s %8s %8s %6s  %s" % (
        "shape", "cmd", "n", "10n", "s(n)", "s(10n)", "ratio", "MB(n)", "MB(10n)", "ratio", ""))
    with tempfile.TemporaryDirectory(dir=scratch) as d:
        for shape in shapes:
            n = SIZES[shape]
            small, big = make(shape, n, d), make(shape, 10 * n, d)
            for cmd in COMMANDS.get(shape, ("check", "json")):
                got = {small: [], big: []}
                for _ in range(runs):  # side by side, so load changes hit both
                    for path in (small, big):
                        got[path].append(once(binary, cmd, path, os.path.join(d, "rss")))
                t = [statistics.median(s for s, _ in got[p]) for p in (small, big)]
                m = [statistics.median(r for _, r in got[p]) for p in (small, big)]
                ratio = t[1] / t[0] if t[0] else 0
                flag = "SUPERLINEAR" if ratio > 20 else "linear"
                print("%-9s %-5s %8d %8d %8.3f %8.3f %6.1f %8.1f %8.1f %6.1f  %s" % (
                    shape, cmd, n, 10 * n, t[0], t[1], ratio, m[0], m[1], m[1] / m[0], flag))
    return 0


if __name__ == "__main__":
    sys.exit(main())

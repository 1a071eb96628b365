#!/usr/bin/python3
"""Two builds side by side on one machine, in one run: OLD and NEW run
alternately (OLD first on even runs, NEW first on odd ones), RUNS times
each, and the medians of their whole-process wall times are printed with
their ratio. For comparing a change on a shared, noisy machine, where a
figure from another day says little (bench/RESULTS.md).
Usage: bench/pair.py RUNS OLD NEW ARGS...   (e.g. 7 old/kehoach build/bench/kehoach check plan.kh)"""
import statistics
import subprocess
import sys
import time

if len(sys.argv) < 4:
    sys.exit(__doc__)
runs, old, new, args = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
took = {old: [], new: []}
for i in range(runs):
    for b in ((old, new) if i % 2 == 0 else (new, old)):
        start = time.perf_counter()
        subprocess.run([b] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        took[b].append(time.perf_counter() - start)
mo, mn = statistics.median(took[old]), statistics.median(took[new])
shown = " ".join(args[:3]) + (" …" if len(args) > 3 else "")
print(f"{shown}: old {mo * 1000:.1f} ms new {mn * 1000:.1f} ms ratio {mn / mo:.3f}")

#!/usr/bin/python3
"""Seeds for the AFL++ command-line harness (tests/fuzz/afl_cli.c): each
small plan of the test suite, and the stored corpus, under each command
line of the harness's menu. The first byte picks the command line, the
second whether the -o target exists before the run; the rest is the plan.
With --replay (make test), each plan goes under one command line only.
"""
import glob
import os
import sys

MAX_PLAN = 4096         # AFL++ works best on small seeds


def main():
    replay = '--replay' in sys.argv[1:]
    out = [a for a in sys.argv[1:] if a != '--replay'][0]
    os.makedirs(out, exist_ok=True)
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    with open(os.path.join(here, 'afl_cli.c'), encoding='utf-8') as f:
        src = f.read()
    menu = src[src.index('MENU[][8] = {'):]
    menu_size = menu[:menu.index('\n};')].count('\n\t{ "')
    plans = sorted(glob.glob(os.path.join(root, 'tests/rules/*/*.kh')))
    plans = [p for p in plans if os.path.getsize(p) <= MAX_PLAN]
    n = 0
    for i, path in enumerate(plans):
        with open(path, 'rb') as f:
            body = f.read()
        # Each plan under two command lines, so every entry gets seeds.
        lines = (i % menu_size,) if replay else (i % menu_size, (i * 7 + 3) % menu_size)
        for k in lines:
            with open(os.path.join(out, 'seed-%04d-%02d' % (i, k)), 'wb') as f:
                f.write(bytes([k, i & 1]) + body)
            n += 1
    for path in sorted(glob.glob(os.path.join(here, 'cli-corpus', '*'))):
        with open(path, 'rb') as src, \
             open(os.path.join(out, 'kept-' + os.path.basename(path)), 'wb') as f:
            f.write(src.read())
        n += 1
    print('%d seeds in %s' % (n, out))


if __name__ == '__main__':
    main()

#!/bin/bash
# Replays the command-line harness (tests/fuzz/afl_cli.c, built with ASan)
# over its seeds (every small rule case under each command line) and the
# kept AFL++ corpus (tests/fuzz/cli-corpus). A run passes when the driver
# exits 0-2: a broken promise or a sanitizer report aborts it.
# Usage: tests/fuzz/replay_cli.sh build/asan/afl_cli
drv=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tests/fuzz/afl_seeds.py --replay "$work/in" >/dev/null || exit 2
pass=0 fail=0
for f in "$work"/in/*; do
	KH_AFL_SCRATCH="$work/scratch" "$drv" "$f" >/dev/null 2>"$work/err"
	rc=$?
	if [ $rc -le 2 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $(basename "$f") (exit $rc):"
		tail -n 5 "$work/err"
	fi
done
echo "cli replay: $pass passed, $fail failed"
[ $fail = 0 ]

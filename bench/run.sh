#!/usr/bin/env bash
# bench/run.sh BINARY - times `check` and `json` on synthetic plans of 1,000,
# 10,000 and 100,000 tasks: median of 3 runs of wall time, throughput, peak
# memory, and cost per task; then how the cost per task grows with size.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:?usage: bench/run.sh BINARY}
OUT=build/bench/plans
mkdir -p "$OUT"
SIZES=${BENCH_SIZES:-"1000 10000 100000"}
RUNS=${BENCH_RUNS:-3}

for n in $SIZES; do
	f="$OUT/plan-$n.kh"
	if [ ! -f "$f" ] || [ bench/gen.py -nt "$f" ]; then
		/usr/bin/python3 bench/gen.py "$n" "$f"
	fi
done

# measure CMD FILE: prints "seconds peak_kb" as the median of RUNS runs.
measure() {
	local cmd=$1 file=$2 i
	for i in $(seq "$RUNS"); do
		local t0 t1 rss
		t0=$(date +%s%N)
		# Exit 1 means findings (the synthetic plans have some on purpose);
		# only 2 (usage, I/O) or a crash is a failure.
		local rc=0
		# shellcheck disable=SC2086 # CMD is a command and its options
		/usr/bin/time -o "$OUT/time" -f '%M' "$BIN" $cmd "$file" >/dev/null 2>"$OUT/err" || rc=$?
		if [ "$rc" -gt 1 ]; then
			echo "kehoach $cmd $file failed:" >&2
			head -n 20 "$OUT/err" >&2
			exit 1
		fi
		t1=$(date +%s%N)
		echo "$(( (t1 - t0) / 1000 )) $(tail -n 1 "$OUT/time")"
	done | sort -n | awk -v r="$RUNS" 'NR == int((r + 1) / 2) { printf "%.6f %d\n", $1 / 1e6, $2 }'
}

# Every command that reads a whole plan; the output ones walk it again.
CMDS=("check" "json" "schedule --ics" "schedule --svg" "checklist" "render --html")
printf '%-15s %8s %9s %9s %9s %10s %12s\n' cmd tasks "MB" "seconds" "MB/s" "peak MB" "us/task"
declare -A per_task
for cmd in "${CMDS[@]}"; do
	for n in $SIZES; do
		f="$OUT/plan-$n.kh"
		bytes=$(stat -c %s "$f")
		read -r secs kb <<<"$(measure "$cmd" "$f")"
		awk -v c="$cmd" -v n="$n" -v b="$bytes" -v s="$secs" -v k="$kb" 'BEGIN {
			printf "%-15s %8d %9.2f %9.3f %9.1f %10.1f %12.2f\n",
			       c, n, b / 1e6, s, (s > 0 ? b / 1e6 / s : 0), k / 1024, s * 1e6 / n }'
		per_task[$cmd,$n]=$(awk -v s="$secs" -v n="$n" 'BEGIN { printf "%.9f", s / n }')
	done
done
echo
first=${SIZES%% *}
last=${SIZES##* }
for cmd in "${CMDS[@]}"; do
	awk -v c="$cmd" -v a="${per_task[$cmd,$first]}" -v b="${per_task[$cmd,$last]}" \
	    -v f="$first" -v l="$last" 'BEGIN {
		g = (a > 0 ? b / a : 0)
		printf "growth %-15s cost per task at %d / at %d = %.2f  %s\n", c, l, f, g,
		       (g < 2.0 ? "OK (linear)" : "SUPERLINEAR: look for a list scan or quadratic copy")
	}'
done

# transcript NAME SHOWN CMD...: runs CMD, and compares what it did (the
# command line SHOWN, "exit N", stdout, stderr) with the golden file
# $GOLD/NAME; UPDATE=1 rewrites the file instead (review the diff!).
# Counts into pass and fail, works in $TMP. Sourced by tests/golden.sh
# and tests/i18n/run.sh.
transcript() {
	local name=$1 shown=$2; shift 2
	local out="$TMP/out" err="$TMP/err" rc
	"$@" >"$out" 2>"$err"; rc=$?
	{
		echo "\$ $shown"
		echo "exit $rc"
		if [ -s "$out" ]; then echo "--- stdout"; cat "$out"; fi
		if [ -s "$err" ]; then echo "--- stderr"; cat "$err"; fi
	} >"$TMP/transcript"
	local want="$GOLD/$name"
	if [ "${UPDATE:-0}" = 1 ]; then
		mkdir -p "$(dirname "$want")"
		cp "$TMP/transcript" "$want"
	fi
	if [ -f "$want" ] && cmp -s "$TMP/transcript" "$want"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $name"
		if [ -f "$want" ]; then diff -u "$want" "$TMP/transcript" | head -40; else echo "  (no golden file $want)"; fi
	fi
}

#!/usr/bin/env bash
# Runs every test suite and ends with one line "N passed, N failed" that adds
# up the cases of all suites (cmocka's, the golden files', the count test's).
# Usage: tests/run.sh BUILD_DIR... (the first is the normal build; others,
# such as build/asan, run the unit and golden suites again).
set -u
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- build
# Messages are in English unless a test asks otherwise (tests/i18n): the
# machine's own language must not change the transcripts.
export LC_ALL=C.UTF-8
unset LANGUAGE LC_MESSAGES KEHOACH_LOCALEDIR
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
pass=0 fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# add_counts FILE: adds cmocka's and our own "N passed, N failed" lines.
add_counts() {
	local p f
	p=$(grep -Eo '^\[  PASSED  \] [0-9]+' "$1" | awk '{s+=$NF} END {print s+0}')
	f=$(grep -Eo '^\[  FAILED  \] [0-9]+' "$1" | awk '{s+=$NF} END {print s+0}')
	pass=$((pass + p)); fail=$((fail + f))
	p=$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$1" | awk '{s+=$1} END {print s+0}')
	f=$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$1" | awk '{s+=$3} END {print s+0}')
	pass=$((pass + p)); fail=$((fail + f))
}

suite() {
	local name=$1; shift
	echo "== $name"
	"$@" >"$log" 2>&1
	local rc=$?
	cat "$log"
	add_counts "$log"
	if [ $rc -ne 0 ] && ! grep -Eq '(\[  FAILED  \] [1-9])|( [1-9][0-9]* failed)' "$log"; then
		echo "suite $name exited $rc without reporting a failed case"
		fail=$((fail + 1))
	fi
}

for BUILD in "$@"; do
	for t in "$BUILD"/tests/test_*; do
		[ -x "$t" ] && suite "$BUILD: $(basename "$t")" "$t"
	done
	suite "$BUILD: golden" env KEHOACH="$BUILD/kehoach" tests/golden.sh
	suite "$BUILD: rules" /usr/bin/python3 tests/rules/run.py "$BUILD/kehoach"
	suite "$BUILD: hardening" /usr/bin/python3 tests/hardening/run.py "$BUILD/kehoach"
	suite "$BUILD: limits" /usr/bin/python3 tests/limits/run.py "$BUILD/kehoach"
	suite "$BUILD: i18n" env KEHOACH="$BUILD/kehoach" tests/i18n/run.sh
	# The language server, through a scripted editor (tests/lsp/client.py).
	suite "$BUILD: lsp" /usr/bin/python3 tests/lsp/client.py "$BUILD/kehoach"
	# Several plans in one process against one process each; the stdlib compiled in.
	suite "$BUILD: stdlib" /usr/bin/python3 tests/stdlib/run.py "$BUILD/kehoach"
	# awards --candidates against an independent screening (tests/awards/expected.py).
	suite "$BUILD: awards" /usr/bin/python3 tests/awards/run.py "$BUILD/kehoach"
done
# The SARIF of every example and rule case, against the SARIF 2.1.0 schema.
sarif_dir=$(mktemp -d)
for f in examples/*.kh tests/rules/*/*.kh; do
	n=${f//\//_}
	build/kehoach check --format sarif -o "$sarif_dir/${n%.kh}.sarif" "$f" >/dev/null 2>&1
done
# ... and in Vietnamese (translated messages and rule texts, run.language).
for f in examples/*.kh; do
	n=${f//\//_}
	build/kehoach --lang vi check --format sarif -o "$sarif_dir/${n%.kh}-vi.sarif" "$f" >/dev/null 2>&1
done
suite sarif-schema /usr/bin/python3 tests/sarif/validate.py "$sarif_dir"/*.sarif
rm -rf "$sarif_dir"
# The HTML outputs, through an independent HTML5 parser in strict mode.
html_dir=$(mktemp -d)
for f in examples/*.kh tests/awards/*.kh; do
	n=$(basename "$f" .kh)
	build/kehoach render --html -o "$html_dir/$n-render.html" "$f" >/dev/null 2>&1
	build/kehoach outline --html -o "$html_dir/$n-outline.html" "$f" >/dev/null 2>&1
done
for f in examples/*.kh tests/awards/*.kh; do
	n=$(basename "$f" .kh)
	build/kehoach checklist --html -o "$html_dir/$n-checklist.html" "$f" >/dev/null 2>&1
done
suite html /usr/bin/python3 tests/html/check_html.py "$html_dir"/*.html
# The Word files through python-docx: page, margins, fonts, the header
# table, page numbers from page 2, and every paragraph of the HTML.
docx_args=()
for f in examples/*.kh tests/awards/*.kh; do
	n=$(basename "$f" .kh)
	build/kehoach render --docx -o "$html_dir/$n-render.docx" "$f" >/dev/null 2>&1
	docx_args+=("$html_dir/$n-render.docx=$html_dir/$n-render.html")
	if build/kehoach outline --docx -o "$html_dir/$n-outline.docx" "$f" >/dev/null 2>&1; then
		docx_args+=("$html_dir/$n-outline.docx=$html_dir/$n-outline.html")
	fi
done
suite docx /usr/bin/python3 tests/docx/check_docx.py "${docx_args[@]}"
rm -rf "$html_dir"
# PDF through LibreOffice (the conversion is skipped when it is missing).
suite pdf /usr/bin/python3 tests/docx/check_pdf.py build/kehoach examples/250-KH-TU-2019.kh examples/297-HD-UBND-2019.kh
# Calendars through python3-icalendar and byte-level RFC 5545 checks; CSV
# read back with Python's csv module; SVG through an XML parser.
out_dir=$(mktemp -d)
for f in examples/*.kh tests/window/*.kh; do
	n=$(basename "$f" .kh)
	build/kehoach schedule --ics -o "$out_dir/$n.ics" "$f" >/dev/null 2>&1
	build/kehoach schedule --ics --mirror-events -o "$out_dir/$n-mirror.ics" "$f" >/dev/null 2>&1
	build/kehoach schedule --csv -o "$out_dir/$n-schedule.csv" "$f" >/dev/null 2>&1
	build/kehoach checklist --csv -o "$out_dir/$n-checklist.csv" "$f" >/dev/null 2>&1
	build/kehoach schedule --svg -o "$out_dir/$n.svg" "$f" >/dev/null 2>&1
done
for pair in KH-thi-dua-so-gddt-2025:gddt-nominees KH-khen-thuong-dang-uy-xa-2025:dang-uy-xa-nominees \
	KH-khen-thuong-dsvh-huyen-2025:dsvh-nominees 297-awards:297-nominees; do
	build/kehoach awards --csv -o "$out_dir/${pair#*:}-awards.csv" "tests/awards/${pair%%:*}.kh" \
		--candidates "tests/awards/${pair#*:}.csv" >/dev/null 2>&1
done
suite ics /usr/bin/python3 tests/ics/check_ics.py "$out_dir"/*.ics
suite ics-libical build/tests/icalcheck "$out_dir"/*.ics
suite csv /usr/bin/python3 tests/csv/check_csv.py "$out_dir"/*.csv
suite svg /usr/bin/python3 tests/svg/check_svg.py "$out_dir"/*.svg
rm -rf "$out_dir"
if [ -x build/fuzz/fuzz_plan ]; then
	# Every example, broken input and kept fuzz finding, through the fuzz target.
	suite fuzz-replay bash -c 'out=$(build/fuzz/fuzz_plan -runs=0 examples tests/bad tests/fuzz/corpus tests/rules/*/ tests/fmt tests/window 2>&1); rc=$?;
		n=$(echo "$out" | grep -Eo "Done [0-9]+ runs" | grep -Eo "[0-9]+");
		echo "$out" | tail -n 3;
		if [ $rc = 0 ]; then echo "fuzz replay: ${n:-0} passed, 0 failed"; else echo "fuzz replay: 0 passed, 1 failed"; fi; exit $rc'
fi
if [ -x build/fuzz/fuzz_lsp ]; then
	# The language server's seeds and kept finds, through its fuzz target.
	suite lsp-fuzz-replay bash -c 'out=$(build/fuzz/fuzz_lsp -runs=0 tests/fuzz/lsp-corpus 2>&1); rc=$?;
		n=$(echo "$out" | grep -Eo "Done [0-9]+ runs" | grep -Eo "[0-9]+");
		echo "$out" | tail -n 2;
		if [ $rc = 0 ]; then echo "lsp fuzz replay: ${n:-0} passed, 0 failed"; else echo "lsp fuzz replay: 0 passed, 1 failed"; fi; exit $rc'
fi
if [ -x build/fuzz/fuzz_csv ]; then
	# The nominee CSV reader's seeds and kept finds, through its fuzz target.
	suite csv-fuzz-replay bash -c 'out=$(build/fuzz/fuzz_csv -runs=0 tests/fuzz/csv-corpus 2>&1); rc=$?;
		n=$(echo "$out" | grep -Eo "Done [0-9]+ runs" | grep -Eo "[0-9]+");
		echo "$out" | tail -n 2;
		if [ $rc = 0 ]; then echo "csv fuzz replay: ${n:-0} passed, 0 failed"; else echo "csv fuzz replay: 0 passed, 1 failed"; fi; exit $rc'
fi
if [ -x "$2/afl_cli" ]; then
	# The whole command line: every command on every small rule case and the
	# kept AFL++ finds, with the promises about files checked after each run.
	suite cli-replay tests/fuzz/replay_cli.sh "$2/afl_cli"
fi
# Allocation failure at each point of a run (the fault-injection build of
# `make fault`), the collector out of memory, and every output on a full disk.
if [ -x build/fault/kehoach ]; then
	suite fault /usr/bin/python3 tests/fault/run.py build/fault/kehoach "$1/kehoach"
else
	echo "== fault: skipped (no build/fault/kehoach: make fault)"
fi
# The checkers and the writers read the model, never the resolver (nm on their objects).
suite layers /usr/bin/python3 tests/layers/run.py "$1"
# One date model: json, schedule --csv and schedule --ics give the same days.
suite same-dates /usr/bin/python3 tests/dates/same_dates.py build/kehoach examples/*.kh tests/rules/*/*.kh tests/window/*.kh
# The yearly notices of stdlib vn/holidays, day by day, 2015-2026.
suite notices /usr/bin/python3 tests/dates/notices.py build/kehoach
# kehoach init: every kind, family and level of starting plan checks clean.
suite init /usr/bin/python3 tests/init/run.py build/kehoach
# The printed document is the plan: every fact of json on the HTML page and in the .docx.
suite render-facts /usr/bin/python3 tests/render/facts.py build/kehoach --docx examples/*.kh tests/rules/deadline-order/fires-consumers.kh tests/rules/dependency-order/fires-work.kh tests/window/from-to.kh tests/render/quota.kh tests/awards/*.kh
# docs/LANGUAGE.md's keyword index is keywords.def, every spelling.
suite keyword-index /usr/bin/python3 tests/docs/keywords.py
# The editor files are what keywords.def gives, and load (VS Code, Vim);
# the man pages render without warnings and cover every command; bash
# completion completes; make install gives a tree that finds its own stdlib.
suite editors /usr/bin/python3 tests/editors/run.py
suite man /usr/bin/python3 tests/man/run.py "$1/kehoach"
suite completion /usr/bin/python3 tests/completion/run.py "$1/kehoach"
suite install /usr/bin/python3 tests/install/run.py "$1"
# The plan in README.md's tour must check clean, as the README says.
suite readme-tour bash -c 'f=$(mktemp --suffix=.kh); awk "/^\`\`\`\$/{c++; next} c==1" README.md > "$f";
	if build/kehoach check --no-color --fail-on warning "$f"; then echo "readme tour: 1 passed, 0 failed"; else echo "readme tour: 0 passed, 1 failed"; fi; rm -f "$f"'
suite examples-vs-sources env KEHOACH="$1/kehoach" /usr/bin/python3 tests/examples/count_against_source.py
echo
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]

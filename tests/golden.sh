#!/usr/bin/env bash
# Golden-file tests: runs every subcommand on every example and every broken
# input, and compares stdout, stderr and the exit status with the files
# checked in under tests/golden/. UPDATE=1 rewrites them (review the diff!).
set -u
cd "$(dirname "$0")/.."
BIN=${KEHOACH:-build/kehoach}
# English, whatever the machine's language (tests/i18n has the Vietnamese).
export LC_ALL=C.UTF-8
unset LANGUAGE LC_MESSAGES KEHOACH_LOCALEDIR
GOLD=tests/golden
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0

# run NAME CMD...: captures "exit N" + stdout + stderr into one transcript.
. tests/transcript.sh
run() {
	local name=$1; shift
	transcript "$name" "kehoach ${*:2}" "$@"
}

# docx_dump ARGS...: the Word file `kehoach ARGS -o FILE` writes, as its
# zip listing and its text (word/document.xml) pretty-printed, so a
# change reads as a diff; PART=NAME docx_part ARGS...: one part of it.
docx_dump() {
	local f="$TMP/dump.docx" rc
	rm -f "$f"
	"$BIN" "$@" -o "$f"; rc=$?
	[ "$rc" = 0 ] || return "$rc"
	unzip -l "$f" | sed 1d
	unzip -p "$f" word/document.xml | xmllint --format -
}
docx_part() {
	local f="$TMP/dump.docx"
	rm -f "$f"
	"$BIN" "$@" -o "$f" && unzip -p "$f" "$PART" | xmllint --format -
}
# render --pdf where LibreOffice is not (whether or not this machine has it).
no_soffice() { KEHOACH_SOFFICE=/nonexistent "$BIN" "$@"; }

# awards --candidates: each plan of tests/awards with its nominee files.
for pair in KH-thi-dua-so-gddt-2025:gddt-nominees 297-awards:297-nominees \
	KH-khen-thuong-dang-uy-xa-2025:dang-uy-xa-nominees KH-khen-thuong-dsvh-huyen-2025:dsvh-nominees; do
	plan=tests/awards/${pair%%:*}.kh csv=tests/awards/${pair#*:}.csv n=${pair#*:}
	run "awards/$n.txt" "$BIN" awards --no-color "$plan" --candidates "$csv"
	run "awards-json/$n.json" "$BIN" awards --no-color --format json "$plan" --candidates "$csv"
	run "awards-csv/$n.csv" "$BIN" awards --no-color --csv "$plan" --candidates "$csv"
done
run "awards/one-form.txt" "$BIN" awards --no-color tests/awards/KH-thi-dua-so-gddt-2025.kh \
	--candidates tests/awards/gddt-nominees.csv --form gk_gd_so
run "awards/unknown-form.txt" "$BIN" awards tests/awards/KH-thi-dua-so-gddt-2025.kh \
	--candidates tests/awards/gddt-nominees.csv --form gk_gd
run "awards/clean.txt" "$BIN" awards --no-color tests/awards/KH-thi-dua-so-gddt-2025.kh \
	--candidates tests/awards/gddt-clean.csv
run "awards/no-candidates.txt" "$BIN" awards tests/awards/KH-thi-dua-so-gddt-2025.kh
run "awards/missing-file.txt" "$BIN" awards tests/awards/KH-thi-dua-so-gddt-2025.kh \
	--candidates tests/awards/nonexistent.csv
run "awards/candidates-elsewhere.txt" "$BIN" check --candidates tests/awards/gddt-nominees.csv \
	tests/awards/KH-thi-dua-so-gddt-2025.kh

# Two families' findings at one place, in the families' order (check.c).
run "check/families-at-one-place.txt" "$BIN" check --no-color tests/order/families-at-one-place.kh

for f in examples/*.kh; do
	n=$(basename "$f" .kh)
	run "check/$n.txt" "$BIN" check --no-color "$f"
	run "check-json/$n.json" "$BIN" check --format json "$f"
	run "check-sarif/$n.sarif" "$BIN" check --format sarif "$f"
	run "json/$n.json" "$BIN" json "$f"
	run "schedule/$n.txt" "$BIN" schedule "$f"
	run "schedule-csv/$n.csv" "$BIN" schedule --csv "$f"
	SOURCE_DATE_EPOCH=1767225600 run "schedule-ics/$n.ics" "$BIN" schedule --ics "$f"
	run "schedule-svg/$n.svg" "$BIN" schedule --svg "$f"
	run "checklist/$n.md" "$BIN" checklist "$f"
	run "checklist-csv/$n.csv" "$BIN" checklist --csv "$f"
	run "checklist-html/$n.html" "$BIN" checklist --html "$f"
	run "outline/$n.md" "$BIN" outline "$f"
	run "outline-html/$n.html" "$BIN" outline --html "$f"
	run "render/$n.html" "$BIN" render --html "$f"
	run "render-docx/$n.txt" docx_dump render --docx "$f"
	run "outline-docx/$n.txt" docx_dump outline --docx "$f"
done
# The Word file's fixed parts, once; its date from SOURCE_DATE_EPOCH.
PART=word/styles.xml run "docx/styles.xml" docx_part render --docx examples/297-HD-UBND-2019.kh
PART=word/header1.xml run "docx/header1.xml" docx_part render --docx examples/297-HD-UBND-2019.kh
PART=docProps/core.xml SOURCE_DATE_EPOCH=1767225600 run "docx/core-epoch.xml" docx_part render --docx examples/KH-dang-uy-xa-2023.kh
run "docx/pdf-no-libreoffice.txt" no_soffice render --pdf -o /nonexistent/plan.pdf examples/250-KH-TU-2019.kh
run "docx/outline-pdf.txt" "$BIN" outline --pdf examples/250-KH-TU-2019.kh
run "docx/schedule-docx.txt" "$BIN" schedule --docx examples/250-KH-TU-2019.kh
# The same plan gives the same bytes, whatever the time zone.
if "$BIN" render --docx examples/297-HD-UBND-2019.kh >"$TMP/a.docx" &&
   TZ=Pacific/Kiritimati "$BIN" render --docx examples/297-HD-UBND-2019.kh >"$TMP/b.docx" &&
   TZ=America/Los_Angeles "$BIN" outline --docx examples/297-HD-UBND-2019.kh >"$TMP/c.docx" &&
   "$BIN" outline --docx examples/297-HD-UBND-2019.kh >"$TMP/d.docx" &&
   cmp -s "$TMP/a.docx" "$TMP/b.docx" && cmp -s "$TMP/c.docx" "$TMP/d.docx"; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
	echo "FAIL: render --docx / outline --docx differ between runs or time zones"
fi
# Plans for one date form each (tests/window: from-to windows).
for f in tests/window/*.kh; do
	n=$(basename "$f" .kh)
	run "window/$n-check.txt" "$BIN" check --no-color "$f"
	run "window/$n.json" "$BIN" json "$f"
	run "window/$n-schedule.txt" "$BIN" schedule "$f"
	run "window/$n-schedule.csv" "$BIN" schedule --csv "$f"
	SOURCE_DATE_EPOCH=1767225600 run "window/$n.ics" "$BIN" schedule --ics "$f"
	run "window/$n-checklist.md" "$BIN" checklist "$f"
	run "window/$n-checklist.csv" "$BIN" checklist --csv "$f"
done
# kehoach init: every kind of starting plan, on one day (1/12/2025, after
# the district level ended: a district plan is dated before, with a note).
for k in plan guidance letter; do
	for fam in state party; do
		for l in tinh huyen xa; do
			SOURCE_DATE_EPOCH=1764547200 run "init/$k-$fam-$l.kh" "$BIN" init --kind $k --family $fam --level $l
		done
	done
done
for f in tests/bad/*.kh; do
	n=$(basename "$f" .kh)
	run "bad/$n.txt" "$BIN" check --no-color "$f"
	run "bad-json/$n.json" "$BIN" check --format json "$f"
done
# The rule cases of the language's newer forms and inferences, through
# every output command: what the checker reads is what every output shows.
FORM_CASES="deadline-order/fires-consumers deadline-order/quiet-consumers
	deadline-order/fires-compiled dependency-order/fires-work dependency-order/quiet-work
	dependency-order/fires-period dependency-order/quiet-period number-form/quiet-letter
	deadline-order/fires-from-to deadline-order/quiet-from-to non-working-day/fires-from-to
	assignee-not-recipient/fires-organs assignee-not-recipient/quiet-organs
	assignee-not-recipient/fires-state-units short-name-mismatch/fires-body
	short-name-mismatch/quiet-body unused-declaration/quiet-short-name
	number-form/quiet-letter-unit number-form/quiet-letter-ministry signing-form/quiet-chain
	signing-form/quiet-inferred signature-mismatch/quiet-acting signature-mismatch/quiet-party-forms"
for c in $FORM_CASES; do
	f=tests/rules/$c.kh n=${c//\//-}
	run "forms/$n.check.txt" "$BIN" check --no-color "$f"
	run "forms/$n.json" "$BIN" json "$f"
	run "forms/$n.schedule.txt" "$BIN" schedule "$f"
	run "forms/$n.csv" "$BIN" schedule --csv "$f"
	SOURCE_DATE_EPOCH=1767225600 run "forms/$n.ics" "$BIN" schedule --ics "$f"
	run "forms/$n.checklist.md" "$BIN" checklist "$f"
	run "forms/$n.render.html" "$BIN" render --html "$f"
done
run "render-quota/json.json" "$BIN" json tests/render/quota.kh
run "render-quota/render.html" "$BIN" render --html tests/render/quota.kh
# Award criteria (issue 11): the plans of tests/awards, their rules as
# trees in the JSON and in words in the checklist and the document.
for f in tests/awards/*.kh; do
	n=$(basename "$f" .kh)
	run "awards/$n.json" "$BIN" json "$f"
	run "awards/$n.checklist.md" "$BIN" checklist "$f"
	run "awards/$n.checklist.html" "$BIN" checklist --html "$f"
	run "awards/$n.render.html" "$BIN" render --html "$f"
	run "awards/$n.render-docx.txt" docx_dump render --docx "$f"
done
# The official forms (signing chains, Party header lines, a letter's V/v
# and kính_gửi) in the Word file too.
for c in signing-form/quiet-chain signing-form/quiet-inferred signature-mismatch/quiet-party-forms \
	number-form/quiet-letter-unit number-form/quiet-letter; do
	run "forms/${c//\//-}.render-docx.txt" docx_dump render --docx "tests/rules/$c.kh"
done
# Inputs too big or too odd to check in: made here, same every run.
MADE=build/tests/made
mkdir -p "$MADE"
/usr/bin/python3 - "$MADE" <<'PY'
import sys, os
d = sys.argv[1]
open(os.path.join(d, "long-line.kh"), "w").write('kế_hoạch {\n  trích_yếu "' + "x" * (1 << 20) + '"\n}\n')
open(os.path.join(d, "deep-nesting.kh"), "w").write('kế_hoạch {\n' + 'mục "a" {\n' * 10000 + '}\n' * 10000 + '}\n')
open(os.path.join(d, "nfd.kh"), "w").write(
    "# NFD input: e + U+0302 + U+0301 must read as ế\n"
    "k\u0065\u0302\u0301_hoa\u0323ch \"1-KH/TU\" {\n  mu\u0323c_\u0111i\u0301ch \"Đa\u0301nh gia\u0301\"\n}\n")
open(os.path.join(d, "crlf.kh"), "w", newline="").write('kế_hoạch {\r\n  trích_yếu "a"\r\n  mục_đích "x" @\r\n}\r\n')
PY
for n in long-line deep-nesting nfd crlf; do
	run "made/$n.txt" "$BIN" check --no-color "$MADE/$n.kh"
done
run "io/missing-file.txt" "$BIN" check --no-color tests/bad/no-such-file.kh
run "io/directory.txt" "$BIN" check --no-color tests/bad
run "io/no-args.txt" "$BIN" check
run "io/bad-format.txt" "$BIN" check --format yaml examples
run "io/unknown-command.txt" "$BIN" frobnicate
# Configuration: an unknown rule is reported, a disabled rule is quiet,
# --fail-on warning turns warnings into exit 1.
run "config/unknown-rule.txt" "$BIN" check --no-color --disable non-working-days examples/250-KH-TU-2019.kh
run "config/disable.txt" "$BIN" check --no-color --disable non-working-day --disable missing-part examples/250-KH-TU-2019.kh
run "config/disable-core.txt" "$BIN" check --no-color --disable syntax-error examples/250-KH-TU-2019.kh
run "config/fail-on-warning.txt" "$BIN" check --no-color --fail-on warning examples/250-KH-TU-2019.kh
run "config/bad-fail-on.txt" "$BIN" check --fail-on never examples/250-KH-TU-2019.kh
run "config/explain.txt" "$BIN" check --no-color --explain examples/KH-tinh-uy-CT10-2017.kh
run "config/explain-json.json" "$BIN" check --format json --explain examples/KH-dang-uy-xa-2023.kh
# One body's view: its own duties and those it holds through its level.
run "for/297-bchqs-schedule.txt" "$BIN" schedule --for bchqs_tinh examples/297-HD-UBND-2019.kh
run "for/297-ubnd-huyen-checklist.md" "$BIN" checklist --for ubnd_huyen examples/297-HD-UBND-2019.kh
run "for/250-mirror.ics" "$BIN" schedule --ics --mirror-events --for btc_tinh_uy examples/250-KH-TU-2019.kh
run "for/unknown-body.txt" "$BIN" schedule --for bchqs examples/297-HD-UBND-2019.kh
# Every role: a cooperating body (phối_hợp), a body reports go through
# (qua), bodies that attend or are invited; each line says the role.
run "for/297-so-noi-vu-checklist.md" "$BIN" checklist --for so_noi_vu examples/297-HD-UBND-2019.kh
run "for/297-so-noi-vu-schedule.txt" "$BIN" schedule --for so_noi_vu examples/297-HD-UBND-2019.kh
run "for/297-bchqs-checklist.csv" "$BIN" checklist --csv --for bchqs_tinh examples/297-HD-UBND-2019.kh
run "for/250-btc-checklist.md" "$BIN" checklist --for btc_tinh_uy examples/250-KH-TU-2019.kh
run "for/250-du-qs-tinh-schedule.csv" "$BIN" schedule --csv --for du_qs_tinh examples/250-KH-TU-2019.kh
run "for/250-btc-huyen-checklist.md" "$BIN" checklist --for btc_huyen_uy examples/250-KH-TU-2019.kh
run "for/ct10-btc-checklist.html" "$BIN" checklist --html --for btc_tinh_uy examples/KH-tinh-uy-CT10-2017.kh
run "io/two-formats.txt" "$BIN" schedule --ics --csv examples/297-HD-UBND-2019.kh
run "io/option-of-another-command.txt" "$BIN" json --for bchqs_tinh examples/297-HD-UBND-2019.kh
run "io/mirror-without-ics.txt" "$BIN" schedule --mirror-events examples/297-HD-UBND-2019.kh
run "io/disable-outside-check.txt" "$BIN" render --html --disable missing-part examples/297-HD-UBND-2019.kh
# Output commands on broken input: the errors, exit 1; on no file, exit 2.
for c in schedule checklist outline render; do
	run "io/$c-broken.txt" "$BIN" $c --no-color tests/bad/undeclared-id.kh
	run "io/$c-missing.txt" "$BIN" $c --no-color tests/bad/no-such-file.kh
done
# fmt: a messy file laid out, the examples already canonical, a broken
# file left alone, and -w rewriting in place with the file's permissions.
run "fmt/messy.txt" "$BIN" fmt tests/fmt/messy.kh
run "fmt/criteria.txt" "$BIN" fmt tests/fmt/criteria.kh
run "fmt/check-examples.txt" "$BIN" fmt --check examples/250-KH-TU-2019.kh examples/297-HD-UBND-2019.kh examples/KH-dang-uy-xa-2023.kh examples/KH-tinh-uy-CT10-2017.kh
run "fmt/check-messy.txt" "$BIN" fmt --check tests/fmt/messy.kh
run "fmt/broken.txt" "$BIN" fmt --no-color tests/bad/undeclared-id.kh
run "fmt/two-files-to-stdout.txt" "$BIN" fmt tests/fmt/messy.kh examples/250-KH-TU-2019.kh
# What a word processor leaves, mended: a '{' on the line after its
# statement moved up, curly quotes and a no-break space outside strings.
for n in brace-next-line curly-quotes no-break-space; do
	run "fmt/$n.txt" "$BIN" fmt tests/bad/$n.kh
done
cp tests/fmt/messy.kh "$MADE/fmt-w.kh"
chmod 640 "$MADE/fmt-w.kh"
if "$BIN" fmt -w "$MADE/fmt-w.kh" 2>/dev/null && "$BIN" fmt tests/fmt/messy.kh | cmp -s - "$MADE/fmt-w.kh" &&
   [ "$(stat -c %a "$MADE/fmt-w.kh")" = 640 ] && ! ls "$MADE"/.fmt-w.kh.kehoach-* >/dev/null 2>&1 &&
   "$BIN" fmt --check "$MADE/fmt-w.kh" >/dev/null; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
	echo "FAIL: fmt -w did not rewrite $MADE/fmt-w.kh in place (content, mode 640, no temporary left)"
fi
run "help/rules.txt" "$BIN" help rules
# docs/RULES.md is generated: it must match what the binary says.
run "help/rules-markdown.txt" "$BIN" help rules --markdown
if cmp -s "$GOLD/help/rules-markdown.txt" <(echo "\$ kehoach help rules --markdown"; echo "exit 0"; echo "--- stdout"; cat docs/RULES.md); then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
	echo "FAIL: docs/RULES.md is out of date: build/kehoach help rules --markdown > docs/RULES.md"
fi
# ... and docs/RULES.vi.md, its Vietnamese, made the same way.
if "$BIN" --lang vi help rules --markdown | cmp -s - docs/RULES.vi.md; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
	echo "FAIL: docs/RULES.vi.md is out of date: build/kehoach --lang vi help rules --markdown > docs/RULES.vi.md"
fi

echo "golden: $pass passed, $fail failed"
[ "$fail" = 0 ]

#!/usr/bin/env bash
# Messages in Vietnamese: the template is current with the sources, the
# catalogue translates all of it (tests/i18n/check_po.py, msgfmt --check),
# diagnostics and help read in Vietnamese with --lang vi and with LANG,
# LC_ALL, LC_MESSAGES or LANGUAGE (transcripts in tests/i18n/golden/;
# UPDATE=1 rewrites them, review the diff), and the catalogue is found
# where the program is installed, or where KEHOACH_LOCALEDIR says.
# Ends with "i18n: N passed, N failed" (check_po.py prints its own count).
set -u
cd "$(dirname "$0")/../.."
BIN=${KEHOACH:-build/kehoach}
GOLD=tests/i18n/golden
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0
# The machine's own language settings must not leak into the transcripts.
unset LANGUAGE LC_ALL LC_MESSAGES KEHOACH_LOCALEDIR
export LANG=C.UTF-8

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# The template against a fresh extraction (its date aside).
po/extract.sh "$TMP/kehoach.pot"
if diff -u <(grep -v '^"POT-Creation-Date:' po/kehoach.pot) \
	   <(grep -v '^"POT-Creation-Date:' "$TMP/kehoach.pot") >"$TMP/pot.diff"; then
	ok
else
	bad "po/kehoach.pot is not what the sources give: run 'make pot', then translate po/vi.po"
	head -40 "$TMP/pot.diff"
fi
/usr/bin/python3 tests/i18n/check_po.py "$TMP/kehoach.pot" po/vi.po
# msgfmt --check: format directives, plural forms, header; nothing fuzzy
# or untranslated in its statistics.
if stats=$(LC_ALL=C msgfmt --check --statistics -o "$TMP/vi.mo" po/vi.po 2>&1) &&
   echo "$stats" | grep -Eq '^[0-9]+ translated messages\.$'; then
	ok
else
	bad "msgfmt --check --statistics po/vi.po: $stats"
fi

# run NAME SHOWN CMD...: the transcript of CMD (exit status, stdout,
# stderr) against $GOLD/NAME; SHOWN is the command line it says.
. tests/transcript.sh
run() { transcript "$@"; }
vi() { "$BIN" --lang vi "$@"; }

# Diagnostics: the findings of real plans, broken inputs, usage errors.
run check-297.txt "kehoach --lang vi check --no-color examples/297-HD-UBND-2019.kh" \
	vi check --no-color examples/297-HD-UBND-2019.kh
run check-dang-uy-xa-LANG.txt "LANG=vi_VN.UTF-8 kehoach check --no-color examples/KH-dang-uy-xa-2023.kh" \
	env LANG=vi_VN.UTF-8 "$BIN" check --no-color examples/KH-dang-uy-xa-2023.kh
run check-ct10-explain.txt "kehoach check --no-color --explain --lang vi examples/KH-tinh-uy-CT10-2017.kh" \
	"$BIN" check --no-color --explain --lang vi examples/KH-tinh-uy-CT10-2017.kh
run check-rules.txt "kehoach --lang=vi check --no-color tests/rules/*/fires*.kh" \
	"$BIN" --lang=vi check --no-color tests/rules/*/fires*.kh
run check-bad.txt "LC_ALL=vi_VN.UTF-8 kehoach check --no-color tests/bad/*.kh" \
	env LC_ALL=vi_VN.UTF-8 "$BIN" check --no-color tests/bad/*.kh
run check-json.json "kehoach --lang vi check --format json examples/250-KH-TU-2019.kh" \
	vi check --format json examples/250-KH-TU-2019.kh
run check-sarif.sarif "kehoach --lang vi check --format sarif examples/KH-tinh-uy-CT10-2017.kh" \
	vi check --format sarif examples/KH-tinh-uy-CT10-2017.kh
run unknown-rule.txt "kehoach --lang vi check --no-color --disable non-working-days --disable syntax-error examples/250-KH-TU-2019.kh" \
	vi check --no-color --disable non-working-days --disable syntax-error examples/250-KH-TU-2019.kh
run ics-notes.txt "LC_MESSAGES=vi_VN.UTF-8 kehoach schedule --ics -o /dev/null examples/KH-dang-uy-xa-2023.kh" \
	env LC_MESSAGES=vi_VN.UTF-8 "$BIN" schedule --ics --no-color -o /dev/null examples/KH-dang-uy-xa-2023.kh
run usage-no-file.txt "kehoach --lang vi check" vi check
run usage-unknown-command.txt "LANG=vi_VN.UTF-8 kehoach frobnicate" env LANG=vi_VN.UTF-8 "$BIN" frobnicate
run usage-bad-lang.txt "kehoach --lang fr check examples/250-KH-TU-2019.kh" \
	"$BIN" --lang fr check examples/250-KH-TU-2019.kh
run missing-file.txt "kehoach --lang vi json tests/bad/no-such-file.kh" vi json tests/bad/no-such-file.kh
run fmt-broken.txt "kehoach --lang vi fmt --no-color tests/bad/undeclared-id.kh" \
	vi fmt --no-color tests/bad/undeclared-id.kh
# Help: the usage, one command's, every rule.
run help.txt "kehoach --lang vi help" vi help
run help-check-LANG.txt "LANG=vi_VN.UTF-8 kehoach check --help" env LANG=vi_VN.UTF-8 "$BIN" check --help
run help-render.txt "kehoach help render --lang vi" "$BIN" help render --lang vi
run help-rules.txt "kehoach --lang vi help rules" vi help rules
run help-rules-LANG.txt "LANG=vi_VN.UTF-8 kehoach help rules" env LANG=vi_VN.UTF-8 "$BIN" help rules
# Which language: --lang beats the environment; LANGUAGE beats LANG, but
# not in the C locale (as gettext has it); anything else is English.
run lang-en-beats-LANG.txt "LANG=vi_VN.UTF-8 kehoach --lang en check --no-color tests/bad/undeclared-id.kh" \
	env LANG=vi_VN.UTF-8 "$BIN" --lang en check --no-color tests/bad/undeclared-id.kh
run lang-LANGUAGE.txt "LANGUAGE=vi LANG=en_US.UTF-8 kehoach check --no-color tests/bad/undeclared-id.kh" \
	env LANGUAGE=vi LANG=en_US.UTF-8 "$BIN" check --no-color tests/bad/undeclared-id.kh
run lang-LANGUAGE-in-C.txt "LANGUAGE=vi LANG=C kehoach check --no-color tests/bad/undeclared-id.kh" \
	env LANGUAGE=vi LANG=C "$BIN" check --no-color tests/bad/undeclared-id.kh
run lang-LC_ALL-beats-LANG.txt "LC_ALL=en_GB.UTF-8 LANG=vi_VN.UTF-8 kehoach check --no-color tests/bad/undeclared-id.kh" \
	env LC_ALL=en_GB.UTF-8 LANG=vi_VN.UTF-8 "$BIN" check --no-color tests/bad/undeclared-id.kh
run lang-after-dashdash.txt "kehoach check --no-color -- --lang vi" "$BIN" check --no-color -- --lang vi

# (docs/RULES.vi.md against the binary: tests/golden.sh, beside docs/RULES.md.)

# Where the catalogue is found. A catalogue of one message tells which
# one was read: the installed layout PREFIX/bin + PREFIX/share/locale
# first, $KEHOACH_LOCALEDIR above it; a folder without one gives English.
one_message_mo() { # FILE TRANSLATION-OF-"error"
	mkdir -p "$(dirname "$1")"
	printf 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "error"\nmsgstr "%s"\n' "$2" |
		msgfmt -o "$1" -
}
prefix=$TMP/prefix
mkdir -p "$prefix/bin"
cp "$BIN" "$prefix/bin/kehoach"
one_message_mo "$prefix/share/locale/vi/LC_MESSAGES/kehoach.mo" "lỗi-bản-cài-đặt"
one_message_mo "$TMP/env-locale/vi/LC_MESSAGES/kehoach.mo" "lỗi-KEHOACH_LOCALEDIR"
where() { # WANT SHOWN ENV...
	local want=$1 shown=$2; shift 2
	env "$@" "$prefix/bin/kehoach" --lang vi check --no-color tests/bad/undeclared-id.kh >/dev/null 2>"$TMP/err"
	if grep -q ": $want: " "$TMP/err"; then ok; else bad "$shown: expected '$want:' in"; head -3 "$TMP/err"; fi
}
where "lỗi-bản-cài-đặt" "PREFIX/bin/kehoach (PREFIX/share/locale)"
where "lỗi-KEHOACH_LOCALEDIR" "KEHOACH_LOCALEDIR over PREFIX/share/locale" KEHOACH_LOCALEDIR="$TMP/env-locale"
where "error" "KEHOACH_LOCALEDIR without a catalogue" KEHOACH_LOCALEDIR="$TMP/nowhere"
rm "$prefix/share/locale/vi/LC_MESSAGES/kehoach.mo"
where "lỗi" "no PREFIX/share/locale catalogue: the build tree's"

echo "i18n: $pass passed, $fail failed"
[ "$fail" = 0 ]

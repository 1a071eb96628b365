#!/bin/sh
# Extracts every message of the sources into the template OUT (default
# po/kehoach.pot). The one place xgettext's options live: `make pot` and
# tests/i18n/run.sh (which checks that po/kehoach.pot is current) use it.
set -eu
cd "$(dirname "$0")/.."
out=${1:-po/kehoach.pot}
# Messages are wrapped in _() where used, N_() where stored and translated
# later, and kh_ngettext(one, many, n) for counts; a comment that starts
# "TRANSLATORS:" just above a message is kept for the translator.
# LC_ALL=C: the same file order on every machine. The grammar files are
# read as C: flex's patterns ("…" classes) make xgettext warn about
# unterminated strings, which is dropped here; the messages in the C
# code of the rules are extracted all the same.
err=$(mktemp)
trap 'rm -f "$err"' EXIT
status=0
LC_ALL=C xgettext --language=C --from-code=UTF-8 \
	--keyword=_ --keyword=N_ --keyword=kh_ngettext:1,2 \
	--add-comments=TRANSLATORS: --add-location=file \
	--package-name=kehoach --msgid-bugs-address=kehoach --foreign-user \
	-o "$out" $(LC_ALL=C ls src/*.c src/*.h src/*.def grammar/*.l grammar/*.y) 2>"$err" || status=$?
grep -v '^grammar/[^:]*\.l:[0-9]*: warning: unterminated string literal$' "$err" >&2 || true
exit $status

#!/bin/sh
# Golden screens of the facts questions and the one-decision-per-threat risk step on a workbook made from
# the dental-clinic template (every fact unanswered, so "don't know" drives the suggestions). Each
# tests/data/facts_screens/NAME.keys starts with "# screen: SCREEN" (tests/open_screen.c); its dumps must
# equal NAME.LANG.COLSxROWS.txt in en and ja at 80x24 and 120x40. ANZEN_UPDATE_GOLDEN=1 rewrites them.
set -u
: "${top_srcdir:?}" "${top_builddir:?}" "${ANZEN:?}"
data=$top_srcdir/tests/data/facts_screens
drive=$top_builddir/tests/open_screen
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0 fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
nok() { n=$((n + 1)); echo "not ok $n - $1"; fail=1; }

(cd "$tmp" && ANZEN_GUIDELINE="$top_srcdir/guideline" "$ANZEN" new --template dental-clinic base.anzen) >/dev/null 2>&1 ||
	{ echo "Bail out! anzen new"; exit 99; }
mkdir -p "$tmp/locale/ja/LC_MESSAGES"
msgfmt -o "$tmp/locale/ja/LC_MESSAGES/anzen.mo" "$top_srcdir/po/ja.po" || { echo "Bail out! msgfmt"; exit 99; }

# run LANGUAGE COLS ROWS SCREEN KEYS: a fresh copy of the workbook in $tmp/run
run() {
	rm -rf "$tmp/run" && mkdir "$tmp/run" && cp "$tmp/base.anzen" "$tmp/run/wb.anzen" || exit 99
	(cd "$tmp/run" && env -i PATH="$PATH" HOME="$tmp/run" ${ASAN_OPTIONS:+ASAN_OPTIONS="$ASAN_OPTIONS"} \
		${UBSAN_OPTIONS:+UBSAN_OPTIONS="$UBSAN_OPTIONS"} TERM=xterm-256color LC_ALL=C.UTF-8 LANGUAGE="$1" \
		ANZEN_LOCALEDIR="$tmp/locale" ANZEN_GUIDELINE="$top_srcdir/guideline" NO_COLOR=1 ANZEN_HEADLESS=1 \
		SOURCE_DATE_EPOCH=1795000000 LINES="$3" COLUMNS="$2" ANZEN_KEYS="$5" ANZEN_DUMP="$tmp/run/dump" \
		"$drive" "$4" wb.anzen >"$tmp/run/stdout" 2>"$tmp/run/stderr")
	rc=$?
}

for keys in "$data"/*.keys; do
	name=$(basename "$keys" .keys)
	screen=$(sed -n 's/^# screen: //p' "$keys" | head -1)
	for lang in en ja; do
		for size in 80x24 120x40; do
			golden=$data/$name.$lang.$size.txt
			run "$([ $lang = ja ] && echo ja)" "${size%x*}" "${size#*x}" "$screen" "$keys"
			if [ -n "${ANZEN_UPDATE_GOLDEN:-}" ] && [ -z "${CI:-}" ]; then cp "$tmp/run/dump" "$golden"; fi
			if [ $rc -eq 0 ] && [ ! -s "$tmp/run/stderr" ] && diff -u "$golden" "$tmp/run/dump"; then
				ok "$name $lang $size matches $(basename "$golden")"
			else
				nok "$name $lang $size (exit $rc): $(head -c 300 "$tmp/run/stderr")"
			fi
		done
	done
done

# what the scripts did is in the workbook
run "" 80 24 threats "$data/exception.keys"
"$ANZEN" export --format json -o "$tmp/out.json" "$tmp/run/wb.anzen" >/dev/null 2>&1
if grep -F '"threat": "vpn_vuln"' "$tmp/out.json" | grep -qF '"exception": true'; then
	ok "the exception is saved on its risk"
else
	nok "the exception is saved on its risk"
fi
run "" 80 24 threats "$data/dismissed.keys"
"$ANZEN" export --format json -o "$tmp/out2.json" "$tmp/run/wb.anzen" >/dev/null 2>&1
if grep -F '"dismissed": "no_device"' "$tmp/out2.json" | grep -qF '"treatment": null'; then
	ok "the dismissal is saved with its reason, not as an acceptance"
else
	nok "the dismissal is saved with its reason"
fi
echo "1..$n"
exit $fail

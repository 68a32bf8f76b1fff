#!/bin/sh
# Golden screens of the assessment screens (risks, treatment, checklist, heatmap) on the clinic
# fixture, opened directly by tests/open_screen. Each tests/data/screens2/NAME.keys starts with
# "# screen: SCREEN" (see tests/open_screen.c); every <Dump> appends the screen to the dump, which
# must equal NAME.LANG.COLSxROWS.txt. ja uses the Japanese of po/ja.po, built
# here into a private message catalogue. ANZEN_UPDATE_GOLDEN=1 rewrites the stored screens.
set -u
: "${top_srcdir:?}" "${top_builddir:?}" "${ANZEN:?}"
data=$top_srcdir/tests/data/screens2
drive=$top_builddir/tests/open_screen
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0 fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
nok() { n=$((n + 1)); echo "not ok $n - $1"; fail=1; }

"$ANZEN" import -o "$tmp/base.anzen" "$top_srcdir/tests/data/clinic.json" >/dev/null 2>&1 || { echo "Bail out! import"; exit 99; }
mkdir -p "$tmp/locale/ja/LC_MESSAGES"
msgfmt -o "$tmp/locale/ja/LC_MESSAGES/anzen.mo" "$top_srcdir/po/ja.po" ||
	{ echo "Bail out! msgfmt"; exit 99; }

# run LANGUAGE COLS ROWS SCREEN KEYS: a fresh copy of the fixture in $tmp/run
run() {
	rm -rf "$tmp/run" && mkdir "$tmp/run" && cp "$tmp/base.anzen" "$tmp/run/wb.anzen" || exit 99
	(cd "$tmp/run" && env -i PATH="$PATH" HOME="$tmp/run" ${ASAN_OPTIONS:+ASAN_OPTIONS="$ASAN_OPTIONS"} \
		${UBSAN_OPTIONS:+UBSAN_OPTIONS="$UBSAN_OPTIONS"} TERM=xterm-256color LC_ALL=C.UTF-8 LANGUAGE="$1" \
		ANZEN_LOCALEDIR="$tmp/locale" ANZEN_GUIDELINE="$top_srcdir/guideline" NO_COLOR=1 ANZEN_HEADLESS=1 \
		LINES="$3" COLUMNS="$2" ANZEN_KEYS="$5" ANZEN_DUMP="$tmp/run/dump" "$drive" "$4" wb.anzen \
		>"$tmp/run/stdout" 2>"$tmp/run/stderr")
	rc=$?
}

for keys in "$data"/*.keys; do
	name=$(basename "$keys" .keys)
	screen=$(sed -n 's/^# screen: //p' "$keys" | head -1)
	for lang in en ja; do
		for size in 80x24 120x40; do
			golden=$data/$name.$lang.$size.txt
			run "$([ $lang = ja ] && echo ja)" "${size%x*}" "${size#*x}" "$screen" "$keys"
			[ -n "${ANZEN_UPDATE_GOLDEN:-}" ] && cp "$tmp/run/dump" "$golden"
			if [ $rc -eq 0 ] && [ ! -s "$tmp/run/stderr" ] && diff -u "$golden" "$tmp/run/dump"; then
				ok "$name $lang $size matches $(basename "$golden")"
			else
				nok "$name $lang $size (exit $rc): $(head -c 300 "$tmp/run/stderr")"
			fi
			if LC_ALL=C grep -q "$(printf '\033')" "$tmp/run/dump"; then
				nok "$name $lang $size: an escape character reached the screen"
			fi
		done
	done
done

# the ja screens really are in Japanese (the message catalogue was found)
if grep -q "リスク評価" "$data/risks.ja.80x24.txt" && grep -q "対応" "$data/treat.ja.80x24.txt" &&
	grep -q "確認日" "$data/checklist.ja.80x24.txt" && grep -q "対応後" "$data/heatmap.ja.80x24.txt"; then
	ok "the ja goldens show Japanese labels"
else
	nok "the ja goldens show Japanese labels"
fi

# what the key scripts did is in the workbook: export (one row a line, keys sorted) and look
run "" 80 24 risks "$data/risks.keys"
"$ANZEN" export --format json -o "$tmp/out.json" "$tmp/run/wb.anzen" >/dev/null 2>&1
if grep '"likelihood": 4,' "$tmp/out.json" | grep '"severity": 3,' | grep -q '"system_id": 1,' &&
	! grep -q '"id": 16, "likelihood"' "$tmp/out.json" && ! grep -q '"risk_id": 16,' "$tmp/out.json"; then
	ok "the export has the new score (likelihood 4, severity 3) and not the deleted risk or its actions"
else
	nok "scoring and deleting from the risk list are saved"
fi

# control characters and escape sequences in workbook text never reach the terminal
sed -e 's/"name": "レセコン"/"name": "Evil\\u001b[31mRed\\u0007 system"/' \
	-e '0,/"title": ""/s//"title": "x\\u001b]0;title\\u0007y"/' "$top_srcdir/tests/data/clinic.json" >"$tmp/evil.json" &&
	"$ANZEN" import -o "$tmp/evil.anzen" "$tmp/evil.json" >/dev/null 2>&1 || { echo "Bail out! evil import"; exit 99; }
cp "$tmp/base.anzen" "$tmp/base.keep" && cp "$tmp/evil.anzen" "$tmp/base.anzen"
printf '<Dump><Enter><Dump>q<Home><Enter><Dump><Enter><Dump>' >"$tmp/evil.keys"
run "" 80 24 risks "$tmp/evil.keys"
if [ $rc -eq 0 ] && grep -q "Evil.\[31mRed. system" "$tmp/run/dump" && ! LC_ALL=C grep -q "$(printf '\033')" "$tmp/run/dump" &&
	! LC_ALL=C grep -q "$(printf '\007')" "$tmp/run/dump"; then
	ok "escape sequences in a system name and a risk title are shown harmless"
else
	nok "hostile workbook text (exit $rc)"; sed 's/^/# /' "$tmp/run/dump" | head -30
fi
cp "$tmp/base.keep" "$tmp/base.anzen"

run "" 80 24 nosuch "$data/risks.keys"
if [ $rc -eq 64 ] && grep -q "unknown screen" "$tmp/run/stderr"; then ok "unknown screen: exit 64"; else nok "unknown screen (exit $rc)"; fi
run "" 80 24 treat:999999 "$data/risks.keys"
if [ $rc -eq 65 ] && grep -q "no longer in the workbook" "$tmp/run/stderr"; then ok "a risk that does not exist: message, exit 65"; else nok "missing risk (exit $rc)"; fi

echo "1..$n"
exit $fail

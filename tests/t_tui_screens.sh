#!/bin/sh
# Golden screens, tig style: curses draws to /dev/null (ANZEN_HEADLESS), a key script types
# (ANZEN_KEYS), every <Dump> appends the screen text to a file that must equal the stored one.
# ANZEN_UPDATE_GOLDEN=1 rewrites the stored screens instead (then read the diff before committing).
# ja runs with LANGUAGE=ja and a message catalogue made here from po/ja.po, so the ja screens show
# the Japanese a user sees; en runs without a catalogue.
set -u
: "${top_srcdir:?}" "${ANZEN:?}"
data=$top_srcdir/tests/data/tui
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/locale/ja/LC_MESSAGES" || exit 99
if ! msgfmt -o "$tmp/locale/ja/LC_MESSAGES/anzen.mo" "$top_srcdir/po/ja.po"; then
	echo "Bail out! cannot build the Japanese catalogue"; exit 99
fi
n=0 fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
nok() { n=$((n + 1)); echo "not ok $n - $1"; fail=1; }

# headless LANGUAGE COLS ROWS KEYS [VAR=VALUE...]: runs anzen open on a fresh workbook in $tmp/run
headless() {
	h_lang=$1 h_cols=$2 h_rows=$3 h_keys=$4
	shift 4
	rm -rf "$tmp/run" && mkdir "$tmp/run" || exit 99
	if [ -n "${wb_src:-}" ]; then cp "$wb_src" "$tmp/run/wb.anzen" || exit 99; fi
	(cd "$tmp/run" && env -i PATH="$PATH" HOME="$tmp/run" ${ASAN_OPTIONS:+ASAN_OPTIONS="$ASAN_OPTIONS"} \
		${UBSAN_OPTIONS:+UBSAN_OPTIONS="$UBSAN_OPTIONS"} TERM=xterm-256color LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1795402800 \
		LANGUAGE="$h_lang" ANZEN_LOCALEDIR="$([ "$h_lang" = ja ] && echo "$tmp/locale" || echo /nonexistent)" NO_COLOR=1 ANZEN_HEADLESS=1 LINES="$h_rows" \
		COLUMNS="$h_cols" ANZEN_KEYS="$h_keys" ANZEN_DUMP="$tmp/run/dump" "$@" "$ANZEN" open wb.anzen \
		>"$tmp/run/stdout" 2>"$tmp/run/stderr")
	rc=$?
}

for keys in "$data"/*.keys; do
	name=$(basename "$keys" .keys)
	for lang in en ja; do
		for size in 80x24 120x40; do
			golden=$data/$name.$lang.$size.txt
			headless "$([ $lang = ja ] && echo ja)" "${size%x*}" "${size#*x}" "$keys"
			if [ -n "${ANZEN_UPDATE_GOLDEN:-}" ]; then
				cp "$tmp/run/dump" "$golden"
			fi
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

# 2,000 pasted characters into the 200-character clinic name: 200 kept, the user told
keys=$tmp/paste.keys
{
	printf '<Enter>'
	i=0
	while [ $i -lt 200 ]; do printf 'あいうえおabcde'; i=$((i + 1)); done
	printf '<Dump>\n'
} >"$keys"
headless "" 80 24 "$keys"
if grep -q "^  Clinic name .*200/200" "$tmp/run/dump" &&
	grep -q "at most 200 characters: 1800 characters were not added" "$tmp/run/dump"; then
	ok "2,000 pasted characters: 200 kept and the count of the rest shown"
else
	nok "2,000 pasted characters"; cat "$tmp/run/dump" | sed 's/^/# /'
fi

# a workbook that cannot be opened: the store's message on the screens, nothing written
printf 'q' >"$tmp/q.keys"
printf 'This is not a workbook at all, just text someone saved as .anzen\n' >"$tmp/corrupt.anzen"
wb_src=$tmp/corrupt.anzen headless "" 80 24 "$tmp/q.keys"
if [ $rc -eq 65 ] && grep -q "anzen | Cannot open" "$tmp/run/dump" && grep -q "Nothing was changed" "$tmp/run/dump" &&
	cmp -s "$tmp/corrupt.anzen" "$tmp/run/wb.anzen" && [ "$(ls "$tmp/run" | grep -c anzen)" = 1 ]; then
	ok "a corrupt workbook: the message on the screens, exit 65, the file untouched"
else
	nok "corrupt workbook (exit $rc)"; sed 's/^/# /' "$tmp/run/dump" | head -12
fi
mkdir "$tmp/new" && (cd "$tmp/new" && "$ANZEN" open newer.anzen </dev/null >/dev/null 2>&1)
# user_version (offset 60 of the SQLite header) from a future anzen
printf '\000\000\003\347' | dd of="$tmp/new/newer.anzen" bs=1 seek=60 conv=notrunc 2>/dev/null
wb_src=$tmp/new/newer.anzen headless ja 80 24 "$tmp/q.keys"
if [ $rc -eq 65 ] && grep -q "ワークブックを開けません" "$tmp/run/dump" && grep -q "999" "$tmp/run/dump" &&
	cmp -s "$tmp/new/newer.anzen" "$tmp/run/wb.anzen"; then
	ok "a workbook from a newer anzen: the message in Japanese, exit 65, not migrated"
else
	nok "newer workbook (exit $rc)"; sed 's/^/# /' "$tmp/run/dump" | head -12
fi

# a headless run with no keys draws the home screen once and dumps it at the end
headless "" 80 24 ""
if grep -q "Clinic and roles" "$tmp/run/dump"; then ok "no key script: the home screen is dumped at exit"; else nok "dump at exit"; fi

# what stops the screens from starting, each with a message and exit 64
headless "" 80 24 "" TERM=dumb
if [ $rc -ne 0 ] && grep -q "cannot draw the workbook screens on terminal type 'dumb'" "$tmp/run/stderr" &&
	[ ! -s "$tmp/run/stdout" ]; then
	ok "TERM=dumb refused with a message"
else
	nok "TERM=dumb"
fi
(cd "$tmp/run" && env -i PATH="$PATH" HOME="$tmp/run" LANG=C LC_ALL=C TERM=xterm ANZEN_HEADLESS=1 "$ANZEN" open wb.anzen \
	>"$tmp/run/stdout" 2>"$tmp/run/stderr")
rc=$?
if [ $rc -eq 64 ] && grep -q "needs a UTF-8 locale" "$tmp/run/stderr"; then ok "LANG=C refused: exit 64"; else nok "LANG=C (exit $rc)"; fi
(cd "$tmp/run" && env -i PATH="$PATH" HOME="$tmp/run" LC_ALL=C.UTF-8 ANZEN_HEADLESS=1 "$ANZEN" open wb.anzen \
	>"$tmp/run/stdout" 2>"$tmp/run/stderr")
rc=$?
if [ $rc -eq 64 ] && grep -q "TERM is not set" "$tmp/run/stderr"; then ok "TERM unset refused: exit 64"; else nok "TERM unset (exit $rc)"; fi

printf 'abc<Nokey>' >"$tmp/bad.keys"
headless "" 80 24 "$tmp/bad.keys"
if [ $rc -eq 65 ] && grep -q "bad.keys:1: unknown key <Nokey>" "$tmp/run/stderr"; then ok "a bad key script: file:line and exit 65"; else nok "bad key script (exit $rc)"; fi

# not a terminal and not headless: the status print scripts rely on
(cd "$tmp/run" && env -i PATH="$PATH" HOME="$tmp/run" LC_ALL=C.UTF-8 TERM=xterm "$ANZEN" open wb.anzen </dev/null >"$tmp/run/stdout" 2>&1)
if grep -q "^Workbook: wb.anzen" "$tmp/run/stdout" && grep -q "Systems" "$tmp/run/stdout"; then ok "without a terminal, open prints the status"; else nok "status print"; fi

echo "1..$n"
exit $fail

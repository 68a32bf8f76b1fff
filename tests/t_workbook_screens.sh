#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# Golden screens, tig style: curses draws to /dev/null (ANZEN_HEADLESS), a key script types
# (ANZEN_KEYS), every <Dump> appends the screen text to a file that must equal the stored one.
# ja runs with LANGUAGE=ja and a message catalogue made here from po/ja.po, so the ja screens show
# the Japanese a user sees; en runs without a catalogue.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/golden.sh"
ja_catalogue
data=$top_srcdir/tests/data/tui

# headless_open LANGUAGE COLS ROWS KEYS [VAR=VALUE...]: anzen open on a fresh workbook (or a copy of $golden_wb)
headless_open() {
	ho_lang=$1 ho_cols=$2 ho_rows=$3 ho_keys=$4
	shift 4
	headless "$ho_lang" "$ho_cols" "$ho_rows" "$ho_keys" "$@" "$ANZEN" open wb.anzen
}
screen() { headless_open "$2" "$3" "$4" "$5"; } # NAME LANG COLS ROWS KEYS
golden_all "$data" screen

# 2,000 pasted characters into the 200-character clinic name: 200 kept, the user told
keys=$T/paste.keys
{
	printf '<Enter>'
	i=0
	while [ $i -lt 200 ]; do printf 'あいうえおabcde'; i=$((i + 1)); done
	printf '<Dump>\n'
} >"$keys"
headless_open "" 80 24 "$keys"
if grep -q "^  Clinic name .*200/200" "$T/run/dump" &&
	grep -q "at most 200 characters: 1800 characters were not added" "$T/run/dump"; then
	pass "2,000 pasted characters: 200 kept and the count of the rest shown"
else
	fail "2,000 pasted characters"; cat "$T/run/dump" | sed 's/^/# /'
fi

# a workbook that cannot be opened: the store's message on the screens, nothing written
printf 'q' >"$T/q.keys"
printf 'This is not a workbook at all, just text someone saved as .anzen\n' >"$T/corrupt.anzen"
golden_wb=$T/corrupt.anzen headless_open "" 80 24 "$T/q.keys"
if [ $rc -eq 65 ] && grep -q "anzen | Cannot open" "$T/run/dump" && grep -q "Nothing was changed" "$T/run/dump" &&
	cmp -s "$T/corrupt.anzen" "$T/run/wb.anzen" && [ "$(ls "$T/run" | grep -c anzen)" = 1 ]; then
	pass "a corrupt workbook: the message on the screens, exit 65, the file untouched"
else
	fail "corrupt workbook (exit $rc)"; sed 's/^/# /' "$T/run/dump" | head -12
fi
mkdir "$T/new" && (cd "$T/new" && "$ANZEN" open newer.anzen </dev/null >/dev/null 2>&1)
# user_version (offset 60 of the SQLite header) from a future anzen
printf '\000\000\003\347' | dd of="$T/new/newer.anzen" bs=1 seek=60 conv=notrunc 2>/dev/null
golden_wb=$T/new/newer.anzen headless_open ja 80 24 "$T/q.keys"
if [ $rc -eq 65 ] && grep -q "ワークブックを開けません" "$T/run/dump" && grep -q "999" "$T/run/dump" &&
	cmp -s "$T/new/newer.anzen" "$T/run/wb.anzen"; then
	pass "a workbook from a newer anzen: the message in Japanese, exit 65, not migrated"
else
	fail "newer workbook (exit $rc)"; sed 's/^/# /' "$T/run/dump" | head -12
fi

# a headless run with no keys draws the home screen once and dumps it at the end
headless_open "" 80 24 ""
if grep -q "Clinic and roles" "$T/run/dump"; then pass "no key script: the home screen is dumped at exit"; else fail "dump at exit"; fi

# what stops the screens from starting, each with a message and exit 64
headless_open "" 80 24 "" TERM=dumb
if [ $rc -ne 0 ] && grep -q "cannot draw the workbook screens on terminal type 'dumb'" "$T/run/stderr" &&
	[ ! -s "$T/run/stdout" ]; then
	pass "TERM=dumb refused with a message"
else
	fail "TERM=dumb"
fi
(cd "$T/run" && env -i PATH="$PATH" HOME="$T/run" LANG=C LC_ALL=C TERM=xterm ANZEN_HEADLESS=1 "$ANZEN" open wb.anzen \
	>"$T/run/stdout" 2>"$T/run/stderr")
rc=$?
if [ $rc -eq 64 ] && grep -q "needs a UTF-8 locale" "$T/run/stderr"; then pass "LANG=C refused: exit 64"; else fail "LANG=C (exit $rc)"; fi
(cd "$T/run" && env -i PATH="$PATH" HOME="$T/run" LC_ALL=C.UTF-8 ANZEN_HEADLESS=1 "$ANZEN" open wb.anzen \
	>"$T/run/stdout" 2>"$T/run/stderr")
rc=$?
if [ $rc -eq 64 ] && grep -q "TERM is not set" "$T/run/stderr"; then pass "TERM unset refused: exit 64"; else fail "TERM unset (exit $rc)"; fi

printf 'abc<Nokey>' >"$T/bad.keys"
headless_open "" 80 24 "$T/bad.keys"
if [ $rc -eq 65 ] && grep -q "bad.keys:1: unknown key <Nokey>" "$T/run/stderr"; then pass "a bad key script: file:line and exit 65"; else fail "bad key script (exit $rc)"; fi

# not a terminal and not headless: the status print scripts rely on
(cd "$T/run" && env -i PATH="$PATH" HOME="$T/run" LC_ALL=C.UTF-8 TERM=xterm "$ANZEN" open wb.anzen </dev/null >"$T/run/stdout" 2>&1)
if grep -q "^Workbook: wb.anzen" "$T/run/stdout" && grep -q "Systems" "$T/run/stdout"; then pass "without a terminal, open prints the status"; else fail "status print"; fi

done_testing

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# The '/' filter finds what the user means: full-width and half-width forms (NFKC) and hiragana or
# katakana alike, on the list screens and on the checklist. Headless (key scripts), in Japanese.
set -u
: "${ANZEN:?}" "${top_srcdir:?}" "${top_builddir:?}"
. "$top_srcdir/tests/lib.sh"
drive=$top_builddir/tests/open_screen
"$ANZEN" import -o "$T/demo.anzen" "$top_srcdir/guideline/demo/dental-clinic.json" >/dev/null 2>&1 ||
	{ echo "Bail out! cannot import the demo"; exit 99; }

# screen SCREEN KEYS: the screen after KEYS, in $T/dump
screen() {
	printf '%s<Dump>\n' "$2" >"$T/keys"
	rm -f "$T/dump" && cp "$T/demo.anzen" "$T/wb.anzen" || exit 99
	(cd "$T" && env -i PATH="$PATH" HOME="$T" ${ASAN_OPTIONS:+ASAN_OPTIONS="$ASAN_OPTIONS"} \
		${UBSAN_OPTIONS:+UBSAN_OPTIONS="$UBSAN_OPTIONS"} TERM=xterm-256color LC_ALL=C.UTF-8 LANGUAGE=ja \
		NO_COLOR=1 ANZEN_HEADLESS=1 LINES=24 COLUMNS=80 ANZEN_KEYS="$T/keys" ANZEN_DUMP="$T/dump" \
		"$drive" "$1" wb.anzen >"$T/out" 2>"$T/err")
}
lacks() { ! grep -qF -- "$2" "$1"; ok $? "$3"; }

for typed in 'ﾚｾｺﾝ' 'れせこん' 'レセコン'; do
	screen risks "/$typed"
	has "$T/dump" "レセコン(院内サーバ)" "systems for Risks: /$typed finds レセコン"
	lacks "$T/dump" "院内Wi-Fi" "  and hides the rest"
done
screen risks "/ＮＡＳ"
has "$T/dump" "バックアップ用NAS" "systems for Risks: /ＮＡＳ finds NAS"
screen risks "/nas"
has "$T/dump" "バックアップ用NAS" "  /nas too (case does not matter)"

screen checklist "/ﾊﾟｽﾜｰﾄﾞ"
has "$T/dump" "パスワードは英数字" "checklist: /ﾊﾟｽﾜｰﾄﾞ (half-width) finds パスワード"
lacks "$T/dump" "バックアップを取り" "  and hides the other items"
screen checklist "/ばっくあっぷ"
has "$T/dump" "バックアップを取り" "checklist: /ばっくあっぷ (hiragana) finds バックアップ"
has "$T/dump" "/  ばっくあっぷ" "  the filter shows what was typed"
screen checklist "/ばっくあっぷ<Enter><Esc>"
has "$T/dump" "3-③" "checklist: Esc clears a kept filter, the other items show again"
screen checklist "/zzzz"
has "$T/dump" "検索した文字を含む行はありません" "checklist: nothing found is said"
done_testing

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# The checklist's pointers to the pages behind its answers (「→ 事業者の回答 p.9」, 「対策計画 p.7–8」)
# and the risks' pointer to the appendix point where those sections are: a short report is laid out
# once and its pointers get their pages afterwards (export/typeset.h, az_doc_ref); a long one is
# counted first and its pointers get the pages counted.
. "$top_srcdir/tests/lib.sh"
for tool in pdftotext msgfmt; do
	command -v "$tool" >/dev/null 2>&1 || { echo "1..0 # SKIP $tool not installed"; exit 0; }
done
G=$top_srcdir/guideline
mkdir -p "$T/locale/ja/LC_MESSAGES"
msgfmt -o "$T/locale/ja/LC_MESSAGES/anzen.mo" "$top_srcdir/po/ja.po"
ANZEN_LOCALEDIR=$T/locale && export ANZEN_LOCALEDIR

# refs PDF: "LABEL FIRST LAST" for each pointer of the report's first 12 pages (LAST = FIRST unless a range); the
# lines a cell wraps are joined where a word was broken (a line ending in a non-ASCII character)
refs() {
	pdftotext -enc UTF-8 -raw -l 12 "$1" - | awk '{ printf "%s%s", (prev ~ /[^\001-\177]$/ ? "" : "\n"), $0; prev = $0 }' |
		grep -oE '(表紙|連絡体制図|事業者の回答|対策計画|付録) \(?p\.[0-9]+(–[0-9]+)?' |
		sed -E 's/ \(?p\./ /; s/–/ /' | awk 'NF == 2 { $3 = $2 } { print }' | sort -u
}
# page PDF N: the text of page N
page() { pdftotext -enc UTF-8 -f "$2" -l "$2" "$1" - 2>/dev/null; }

run 0 "import the demo" "$ANZEN" import -o "$T/demo.anzen" "$G/demo/dental-clinic.json"
run 0 "a new workbook from the dental template" "$ANZEN" new --template dental-clinic "$T/full.anzen"
run 0 "fully assessed" "$top_builddir/tests/assess" "$T/full.anzen" "$G"
run 0 "an empty workbook" "$ANZEN" new "$T/empty.anzen"
# long reports, drawn page by page after a counting pass: 3,000 risks (laid out as a short one
# first, over 100 pages), and a hospital's 10,000 (counted from the start)
sh "$top_srcdir/bench/gen.sh" 100 3000 20 >"$T/long.json" && sh "$top_srcdir/bench/gen.sh" 500 10000 100 >"$T/hospital.json"
ok $? "generate a long and a hospital-scale workbook"
run 0 "import the long one" "$ANZEN" import -o "$T/long.anzen" "$T/long.json"
run 0 "import the hospital" "$ANZEN" import -o "$T/hospital.anzen" "$T/hospital.json"
for w in demo full empty long hospital; do
	run 0 "$w: its PDF" "$ANZEN" export --format pdf --date 2026-11-28 -o "$T/$w.pdf" "$T/$w.anzen"
	refs "$T/$w.pdf" >"$T/$w.refs"
	ok "$(test -s "$T/$w.refs"; echo $?)" "$w: the report points to its pages ($(tr '\n' ' ' <"$T/$w.refs"))"
	bad=
	while read -r label first last; do
		case $label in
		表紙) want=経営層の承認 ;;
		連絡体制図) want=連絡体制 ;;
		事業者の回答) want=事業者への確認 ;;
		対策計画) want="対策計画 (期限順)" ;;
		付録) want="付録: システム別リスク台帳" ;;
		esac
		p=$first
		while [ "$p" -le "$last" ]; do
			page "$T/$w.pdf" "$p" | grep -qF "$want" || bad="$bad $label:p.$p"
			p=$((p + 1))
		done
	done <"$T/$w.refs"
	ok "$(test -z "$bad"; echo $?)" "$w: every page pointed to holds its section${bad:+ (not:$bad)}"
done
ok "$(! grep -q '^対策計画 ' "$T/empty.refs"; echo $?)" "empty: no pointer to an action plan it does not have"
grep -q '^対策計画 [0-9]* [0-9]*$' "$T/demo.refs" && awk '$1 == "対策計画" && $3 > $2 { f = 1 } END { exit !f }' "$T/demo.refs"
ok $? "demo: an item backed by action plan rows on two pages points to both (p.N–M)"
done_testing

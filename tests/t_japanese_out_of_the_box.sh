#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# Japanese out of the box: the README's command, run verbatim on a real terminal with nothing but
# LANG=ja_JP.UTF-8 (no ANZEN_LOCALEDIR, no ANZEN_GUIDELINE), opens in Japanese, and the PDF written
# from the export screen has Japanese labels and no warning. When this build is not the one
# `sh setup open` builds (_build/plain of the source tree), the built program is run the same way.
set -u
: "${ANZEN:?}" "${top_srcdir:?}" "${top_builddir:?}"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux not installed"; exit 77; }
command -v pdftotext >/dev/null 2>&1 || { echo "1..0 # SKIP pdftotext not installed"; exit 77; }
locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$' || { echo "1..0 # SKIP no ja_JP.UTF-8 locale"; exit 77; }
tmp=$(mktemp -d) || exit 99
T="tmux -L anzenja$$ -f /dev/null"
cleanup() {
	pid=$($T display-message -p '#{pid}' 2>/dev/null)
	$T kill-server 2>/dev/null
	i=0
	while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
n=0 fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
nok() { n=$((n + 1)); echo "not ok $n - $1"; fail=1; sed 's/^/#   | /' "$2"; }
# wait_for TEXT...: up to 20 s until the pane shows every TEXT (fixed strings)
wait_for() {
	i=0
	while [ $i -lt 400 ]; do
		$T capture-pane -p -t ja >"$tmp/pane" 2>/dev/null
		all=1
		for text in "$@"; do grep -qF -- "$text" "$tmp/pane" || { all=0; break; }; done
		[ $all = 1 ] && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
check() { d=$1; shift; if wait_for "$@"; then ok "$d"; else nok "$d" "$tmp/pane"; fi; }

src=$(cd "$top_srcdir" && pwd -P) build=$(cd "$top_builddir" && pwd -P)
if [ "$build" = "$src/_build/plain" ]; then
	what="sh setup open"
	cmd="cd '$src' && sh setup open"
else
	what="anzen open (this build is not setup's)"
	cmd="cd '$tmp' && '$ANZEN' open"
fi
mkdir -p "$tmp/home/Documents"
$T new-session -d -s ja -x 80 -y 24 \
	"env -i PATH='$PATH' HOME='$tmp/home' LANG=ja_JP.UTF-8 TERM=screen ${ASAN_OPTIONS:+ASAN_OPTIONS='$ASAN_OPTIONS'} ${UBSAN_OPTIONS:+UBSAN_OPTIONS='$UBSAN_OPTIONS'} sh -c \"$cmd\" 2>'$tmp/err'; echo EXIT=\$?; sleep 60"
check "$what under LANG=ja_JP.UTF-8 alone: the first screen is Japanese" "anzen | ホーム" "医療機関と担当者" "F1 ヘルプ"

$T send-keys -t ja 9
check "the export screen, in Japanese, with the whole path of the file" "anzen | 書き出し" "形式" "保存先: $tmp/home/Documents/workbook-"
$T send-keys -t ja F2
check "the PDF is written and the screen says where" "書き出しました:"
# the default workbook lives in a hidden folder: the PDF goes where the user can find it
pdf=$(find "$tmp/home/Documents" -name 'workbook-*.pdf' | head -1)
if [ -n "$pdf" ] && pdftotext -enc UTF-8 "$pdf" "$tmp/pdf.txt" 2>/dev/null; then
	ok "the PDF was written to ~/Documents, not the hidden folder of the workbook ($pdf)"
else
	nok "the PDF was written to ~/Documents" "$tmp/pane"; : >"$tmp/pdf.txt"
fi
if grep -qF "リスクアセスメント報告書" "$tmp/pdf.txt" && ! grep -qF "Risk register by system" "$tmp/pdf.txt"; then
	ok "the PDF's labels are Japanese"
else
	nok "the PDF's labels are Japanese" "$tmp/pdf.txt"
fi
if grep -qF "英語" "$tmp/pane" || grep -qiF "not installed" "$tmp/pane"; then nok "no warning about missing messages" "$tmp/pane"; else ok "no warning about missing messages"; fi
$T send-keys -t ja F10
check "F10 leaves" "EXIT=0"
if [ -s "$tmp/err" ]; then nok "nothing on stderr" "$tmp/err"; else ok "nothing on stderr"; fi
echo "1..$n"
exit $fail

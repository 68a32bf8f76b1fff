#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# Japanese out of the box: the README's command, run verbatim on a real terminal with nothing but
# LANG=ja_JP.UTF-8 (no ANZEN_LOCALEDIR, no ANZEN_GUIDELINE), opens in Japanese, and the PDF written
# from the export screen has Japanese labels and no warning. When this build is not the one
# `sh setup open` builds (_build/plain of the source tree), the built program is run the same way.
. "$top_srcdir/tests/lib.sh"
command -v pdftotext >/dev/null 2>&1 || { echo "1..0 # SKIP pdftotext not installed"; exit 77; }
locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$' || { echo "1..0 # SKIP no ja_JP.UTF-8 locale"; exit 77; }
. "$top_srcdir/tests/tmux.sh"
nok_file() { fail "$1"; sed 's/^/#   | /' "$2"; } # DESCRIPTION FILE

src=$(cd "$top_srcdir" && pwd -P) build=$(cd "$top_builddir" && pwd -P)
if [ "$build" = "$src/_build/plain" ]; then
	what="sh setup open"
	cmd="cd '$src' && sh setup open"
else
	what="anzen open (this build is not setup's)"
	cmd="cd '$T' && '$ANZEN' open"
fi
mkdir -p "$T/home/Documents"
# the pane's environment is nothing but PATH, HOME, LANG and TERM (and the sanitizers' options)
start_pane ja "env -i PATH='$PATH' HOME='$T/home' LANG=ja_JP.UTF-8 TERM=screen ${ASAN_OPTIONS:+ASAN_OPTIONS='$ASAN_OPTIONS'} ${UBSAN_OPTIONS:+UBSAN_OPTIONS='$UBSAN_OPTIONS'} sh -c \"$cmd\" 2>'$T/err'"
check "$what under LANG=ja_JP.UTF-8 alone: the first screen is Japanese" ja "anzen | ホーム" "医療機関と担当者" "F1 ヘルプ"

keys ja 9
check "the export screen, in Japanese, with the whole path of the file" ja "anzen | 書き出し" "形式" "保存先: $T/home/Documents/workbook-"
keys ja F2
check "the PDF is written and the screen says where" ja "書き出しました:"
# the default workbook lives in a hidden folder: the PDF goes where the user can find it
pdf=$(find "$T/home/Documents" -name 'workbook-*.pdf' | head -1)
if [ -n "$pdf" ] && pdftotext -enc UTF-8 "$pdf" "$T/pdf.txt" 2>/dev/null; then
	pass "the PDF was written to ~/Documents, not the hidden folder of the workbook ($pdf)"
else
	nok "the PDF was written to ~/Documents" ja; : >"$T/pdf.txt"
fi
if grep -qF "リスクアセスメント報告書" "$T/pdf.txt" && ! grep -qF "Risk register by system" "$T/pdf.txt"; then
	pass "the PDF's labels are Japanese"
else
	nok_file "the PDF's labels are Japanese" "$T/pdf.txt"
fi
if grep -qF "英語" "$T/pane" || grep -qiF "not installed" "$T/pane"; then nok "no warning about missing messages" ja; else pass "no warning about missing messages"; fi
keys ja F10
check "F10 leaves" ja "EXIT=0"
if [ -s "$T/err" ]; then nok_file "nothing on stderr" "$T/err"; else pass "nothing on stderr"; fi
done_testing

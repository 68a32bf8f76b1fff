#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# The sample document (headings, a 1,000-character note, a heat map, 1,000 table rows of
# 60-character Japanese names, an attachment) checked with poppler and qpdf.
set -u
for tool in pdftotext pdffonts pdfinfo pdfdetach qpdf cmp; do
	command -v "$tool" >/dev/null 2>&1 || { echo "1..0 # SKIP $tool not installed"; exit 77; }
done
. "$top_srcdir/tests/lib.sh"
helper="$top_builddir/tests/t_typeset"
# The font subsets go to TMPDIR; they must not outlive a run.
mkdir "$T/fonttmp" && TMPDIR="$T/fonttmp" && export TMPDIR

"$helper" --sample "$T/a.pdf" 2>"$T/warn" >/dev/null
expect "sample written" test -s "$T/a.pdf"
"$helper" --sample "$T/b.pdf" 2>/dev/null >/dev/null
expect "two runs give byte-identical files" cmp -s "$T/a.pdf" "$T/b.pdf"
size=$(wc -c <"$T/a.pdf")
expect "subset font keeps 1,000 rows small ($size bytes < 600000)" test "$size" -lt 600000

expect "a character in no installed font (Hangul) warned" grep -q "U+D55C" "$T/warn"
expect "missing glyph (Hangul) warned" grep -q "U+D55C" "$T/warn"
expect "invalid UTF-8 warned" grep -q "invalid UTF-8" "$T/warn"
expect "each character warned once" test "$(grep -c "U+D55C" "$T/warn")" -eq 1

qpdf --check "$T/a.pdf" >"$T/qpdf" 2>&1
expect "qpdf --check passes" grep -q "No syntax or stream encoding errors" "$T/qpdf"

pdfinfo "$T/a.pdf" >"$T/info" 2>&1
pages=$(sed -n 's/^Pages: *//p' "$T/info")
expect "pdfinfo: $pages pages (more than 40)" test "${pages:-0}" -gt 40
expect "pdfinfo: Japanese title" grep -q "^Title: *リスク評価報告書$" "$T/info"
expect "pdfinfo: Japanese author" grep -q "^Author: *さくら歯科クリニック$" "$T/info"
expect "pdfinfo: A4" grep -q "595.276 x 841.89 pts (A4)" "$T/info"
expect "pdfinfo: the fixed creation date" grep -q "^CreationDate: .*2026" "$T/info"

pdffonts "$T/a.pdf" >"$T/fonts" 2>&1
expect "pdffonts: IPAexGothic once" test "$(grep -c IPAexGothic "$T/fonts")" -eq 1
expect "pdffonts: subset CID TrueType, embedded, with its own encoding (one- and two-byte codes) and a Unicode map" \
	grep -Eq '^[A-Z]{6}\+IPAexGothic +CID TrueType +Custom +yes +yes +yes' "$T/fonts"

pdftotext -enc UTF-8 -raw "$T/a.pdf" "$T/a.txt" 2>"$T/pdferr"
expect "pdftotext: no warning (the font's /ToUnicode is a valid CMap)" test ! -s "$T/pdferr"
expect "pdftotext: every table cell and the whole note found, in order" "$helper" --verify "$T/a.txt"
if fc-list ':charset=20bb7' | grep -q .; then
	expect "pdftotext: 𠮷 printed from a fallback font; 한국, in no font, printed as 〓 but kept in the text layer" \
		grep -q "𠮷野家 한국 〓 end" "$T/a.txt"
	expect "pdffonts: the fallback font embedded as a subset" test "$(grep -c ' CID TrueType .*yes yes yes' "$T/fonts")" -ge 2
else
	expect "pdftotext: characters in no font are kept in the text layer" grep -q "𠮷野家 한국 〓 end" "$T/a.txt"
fi
expect "the page with a replaced character has a footnote naming it" grep -q "U+D55C" "$T/a.txt"
expect "pdftotext: running footer with n / N" grep -q "^1 / $pages$" "$T/a.txt"
expect "pdftotext: last page numbered" grep -q "^$pages / $pages$" "$T/a.txt"
expect "pdftotext: running header on the last page" \
	sh -c "pdftotext -enc UTF-8 -f $pages -l $pages '$T/a.pdf' - 2>/dev/null | grep -q さくら歯科クリニック"

pdfdetach -list "$T/a.pdf" >"$T/list" 2>&1
expect "pdfdetach lists the attachment by name" grep -q "^1: anzen-workbook.json$" "$T/list"
"$helper" --json >"$T/want.json"
pdfdetach -save 1 -o "$T/got.json" "$T/a.pdf" 2>/dev/null
expect "pdfdetach gets it back byte-identical" cmp -s "$T/want.json" "$T/got.json"

# Every character IPAexGothic draws (11,690): more glyphs than one-byte and 0xE000 codes reach, so
# the font is Identity-H, and the characters sharing a glyph do not stop the export.
"$helper" --every-glyph "$T/every.pdf" >/dev/null 2>&1
expect "every glyph of the font: written" test -s "$T/every.pdf"
pdffonts "$T/every.pdf" >"$T/fonts" 2>&1
expect "its font is drawn with Identity-H" grep -Eq '^[A-Z]{6}\+IPAexGothic +CID TrueType +Identity-H +yes +yes +yes' "$T/fonts"
n=$(pdftotext -enc UTF-8 "$T/every.pdf" - 2>/dev/null | LC_ALL=C.UTF-8 grep -o . | LC_ALL=C.UTF-8 sort -u | wc -l)
expect "and its text layer holds $n different characters (over 11,000)" test "$n" -gt 11000

"$helper" --sample "$T/c.pdf" /nonexistent/font.ttf >/dev/null 2>"$T/err"
rc=$?
expect "a missing font file: exit 66" test "$rc" -eq 66
expect "and the message names the Debian package" grep -q "fonts-ipaexfont-gothic" "$T/err"
expect "and no file is left" test ! -e "$T/c.pdf"
expect "no temporary files left behind" test "$(ls -A "$T" | grep -c '^\.')" -eq 0
expect "no temporary font subsets left behind" test -z "$(ls -A "$T/fonttmp")"

done_testing

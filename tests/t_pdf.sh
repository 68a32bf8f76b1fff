#!/bin/sh
# The sample document (headings, a 1,000-character note, a heat map, 1,000 table rows of
# 60-character Japanese names, an attachment) checked with poppler and qpdf.
set -u
for tool in pdftotext pdffonts pdfinfo pdfdetach qpdf cmp; do
	command -v "$tool" >/dev/null 2>&1 || { echo "1..0 # SKIP $tool not installed"; exit 77; }
done
helper="$top_builddir/tests/t_typeset"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# The font subsets go to TMPDIR; they must not outlive a run.
mkdir "$tmp/fonttmp" && TMPDIR="$tmp/fonttmp" && export TMPDIR
n=0 failed=0
t() { # t DESCRIPTION COMMAND...
	desc=$1; shift
	n=$((n + 1))
	if "$@"; then echo "ok $n - $desc"; else echo "not ok $n - $desc"; failed=1; fi
}

"$helper" --sample "$tmp/a.pdf" 2>"$tmp/warn" >/dev/null
t "sample written" test -s "$tmp/a.pdf"
"$helper" --sample "$tmp/b.pdf" 2>/dev/null >/dev/null
t "two runs give byte-identical files" cmp -s "$tmp/a.pdf" "$tmp/b.pdf"
size=$(wc -c <"$tmp/a.pdf")
t "subset font keeps 1,000 rows small ($size bytes < 600000)" test "$size" -lt 600000

t "a character in no installed font (Hangul) warned" grep -q "U+D55C" "$tmp/warn"
t "missing glyph (Hangul) warned" grep -q "U+D55C" "$tmp/warn"
t "invalid UTF-8 warned" grep -q "invalid UTF-8" "$tmp/warn"
t "each character warned once" test "$(grep -c "U+D55C" "$tmp/warn")" -eq 1

qpdf --check "$tmp/a.pdf" >"$tmp/qpdf" 2>&1
t "qpdf --check passes" grep -q "No syntax or stream encoding errors" "$tmp/qpdf"

pdfinfo "$tmp/a.pdf" >"$tmp/info" 2>&1
pages=$(sed -n 's/^Pages: *//p' "$tmp/info")
t "pdfinfo: $pages pages (more than 40)" test "${pages:-0}" -gt 40
t "pdfinfo: Japanese title" grep -q "^Title: *リスク評価報告書$" "$tmp/info"
t "pdfinfo: Japanese author" grep -q "^Author: *さくら歯科クリニック$" "$tmp/info"
t "pdfinfo: A4" grep -q "595.276 x 841.89 pts (A4)" "$tmp/info"
t "pdfinfo: the fixed creation date" grep -q "^CreationDate: .*2026" "$tmp/info"

pdffonts "$tmp/a.pdf" >"$tmp/fonts" 2>&1
t "pdffonts: IPAexGothic once" test "$(grep -c IPAexGothic "$tmp/fonts")" -eq 1
t "pdffonts: subset CID TrueType, embedded, with Unicode map" \
	grep -Eq '^[A-Z]{6}\+IPAexGothic +CID TrueType +Identity-H +yes +yes +yes' "$tmp/fonts"

pdftotext -enc UTF-8 -raw "$tmp/a.pdf" "$tmp/a.txt" 2>"$tmp/pdferr"
t "pdftotext: no warning (the font's /ToUnicode is a valid CMap)" test ! -s "$tmp/pdferr"
t "pdftotext: every table cell and the whole note found, in order" "$helper" --verify "$tmp/a.txt"
if fc-list ':charset=20bb7' | grep -q .; then
	t "pdftotext: 𠮷 printed from a fallback font; 한국, in no font, printed as 〓 but kept in the text layer" \
		grep -q "𠮷野家 한국 〓 end" "$tmp/a.txt"
	t "pdffonts: the fallback font embedded as a subset" test "$(grep -c ' CID TrueType .*yes yes yes' "$tmp/fonts")" -ge 2
else
	t "pdftotext: characters in no font are kept in the text layer" grep -q "𠮷野家 한국 〓 end" "$tmp/a.txt"
fi
t "the page with a replaced character has a footnote naming it" grep -q "U+D55C" "$tmp/a.txt"
t "pdftotext: running footer with n / N" grep -q "^1 / $pages$" "$tmp/a.txt"
t "pdftotext: last page numbered" grep -q "^$pages / $pages$" "$tmp/a.txt"
t "pdftotext: running header on the last page" \
	sh -c "pdftotext -enc UTF-8 -f $pages -l $pages '$tmp/a.pdf' - 2>/dev/null | grep -q さくら歯科クリニック"

pdfdetach -list "$tmp/a.pdf" >"$tmp/list" 2>&1
t "pdfdetach lists the attachment by name" grep -q "^1: anzen-workbook.json$" "$tmp/list"
"$helper" --json >"$tmp/want.json"
pdfdetach -save 1 -o "$tmp/got.json" "$tmp/a.pdf" 2>/dev/null
t "pdfdetach gets it back byte-identical" cmp -s "$tmp/want.json" "$tmp/got.json"

"$helper" --sample "$tmp/c.pdf" /nonexistent/font.ttf >/dev/null 2>"$tmp/err"
rc=$?
t "a missing font file: exit 66" test "$rc" -eq 66
t "and the message names the Debian package" grep -q "fonts-ipaexfont-gothic" "$tmp/err"
t "and no file is left" test ! -e "$tmp/c.pdf"
t "no temporary files left behind" test "$(ls -A "$tmp" | grep -c '^\.')" -eq 0
t "no temporary font subsets left behind" test -z "$(ls -A "$tmp/fonttmp")"

echo "1..$n"
exit $failed

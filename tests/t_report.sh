#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# The inspection PDF (anzen export --format pdf): what an inspector reads, checked with poppler
# and qpdf; a stress workbook laid out inside the margins; replaced characters; determinism;
# the PDF -> import -> JSON round trip; bad input leaves no file.
. "$top_srcdir/tests/lib.sh"
for tool in pdftotext pdffonts pdfinfo qpdf cmp awk; do
	command -v "$tool" >/dev/null 2>&1 || { echo "1..0 # SKIP $tool not installed"; exit 0; }
done
D=$top_srcdir/tests/data
CL=$top_srcdir/guideline/checklists/r7-clinic.yaml
# The font subsets go to TMPDIR; none may outlive a run.
mkdir "$T/fonttmp" && TMPDIR=$T/fonttmp && export TMPDIR
# text PDF TXT: poppler's stderr in $T/pdferr (no warning: the font's /ToUnicode is a valid CMap)
text() { pdftotext -enc UTF-8 -raw "$1" "$2" 2>"$T/pdferr"; }
silent() { # silent DESCRIPTION: the last poppler command printed nothing on stderr
	ok "$(test ! -s "$T/pdferr"; echo $?)" "$1"
	[ ! -s "$T/pdferr" ] || sed 's/^/#   /' "$T/pdferr" | head -5
}
# The report in Japanese needs the messages of po/ja.po, uninstalled.
if command -v msgfmt >/dev/null; then
	mkdir -p "$T/locale/ja/LC_MESSAGES"
	msgfmt -o "$T/locale/ja/LC_MESSAGES/anzen.mo" "$top_srcdir/po/ja.po"
	ANZEN_LOCALEDIR=$T/locale && export ANZEN_LOCALEDIR
	ja=1
else
	echo "# msgfmt not installed: the Japanese headings are not checked"
	ja=0
fi

run 0 "import a typical clinic" "$ANZEN" import -o "$T/c.anzen" "$D/clinic.json"
run 0 "export the inspection PDF" "$ANZEN" export --format pdf --date 2026-11-28 -o "$T/c.pdf" "$T/c.anzen"
ok "$(test -s "$T/c.pdf"; echo $?)" "the PDF is written"
grep -v "Japanese messages are not installed" "$T/err" >"$T/warn"
ok "$(test ! -s "$T/warn"; echo $?)" "no warning for an ordinary workbook"

# Structure and fonts.
qpdf --check "$T/c.pdf" >"$T/qpdf" 2>&1
has "$T/qpdf" "No syntax or stream encoding errors" "qpdf --check passes"
# Uncompressed, for what the file holds: a ToUnicode CMap of bfranges/bfchars, and what every page
# shares written once (the running header and footer a Form XObject, one resource dictionary).
qpdf --qdf --object-streams=disable "$T/c.pdf" "$T/c.qdf"
# (the one cidrange block is the Encoding CMap's, of the one- and two-byte codes: export/tounicode.h)
ok "$(grep -ac 'begincidrange' "$T/c.qdf" | grep -qx 1 && grep -aq '^/CMapName /Anzen-Mixed def' "$T/c.qdf" &&
	grep -aq 'beginbfchar' "$T/c.qdf" && grep -aq '^<[0-9A-F]*> <[0-9A-F]*> <30[4-9A-F][0-9A-F]>$' "$T/c.qdf"; echo $?)" \
	"the /ToUnicode CMap maps with bfchar and, for runs such as kana, bfrange, no cidrange; one Encoding CMap of mixed codes"
ok "$(test "$(grep -ac '^  /Subtype /Form$' "$T/c.qdf")" -eq 1 && test "$(grep -ac '^/H1 Do$' "$T/c.qdf")" -ge 10 &&
	test "$(grep -ac '^  /Resources [0-9]* 0 R$' "$T/c.qdf")" -ge 10; echo $?)" \
	"the running header and footer are one Form XObject; the pages share their resources"
pdffonts "$T/c.pdf" >"$T/fonts" 2>"$T/pdferr"
silent "pdffonts: no warning"
ok "$(test "$(grep -c IPAexGothic "$T/fonts")" -eq 1; echo $?)" "pdffonts: one font"
grep -Eq '^[A-Z]{6}\+IPAexGothic +CID TrueType +Custom +yes +yes +yes' "$T/fonts"
ok $? "pdffonts: IPAexGothic embedded as a subset with a Unicode map"

# Metadata and pages.
pdfinfo "$T/c.pdf" >"$T/info" 2>&1
pages=$(sed -n 's/^Pages: *//p' "$T/info")
ok "$(test "${pages:-0}" -ge 10; echo $?)" "pdfinfo: $pages pages"
has "$T/info" "595.276 x 841.89 pts (A4)" "pdfinfo: A4 portrait"
has "$T/info" "Author:          あんぜん歯科医院" "pdfinfo: the clinic is the author"
has "$T/info" "CreationDate:    Sat Nov 28 00:00:00 2026" "pdfinfo: the --date is the creation date"
fp=$(sed -n 's/^Keywords: *.* \([0-9a-f-]*\)$/\1/p' "$T/info")
ok "$(echo "$fp" | grep -Eq '^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$'; echo $?)" "pdfinfo: the fingerprint ($fp)"
if [ $ja = 1 ]; then
	has "$T/info" "Title:           医療情報システム リスクアセスメント報告書" "pdfinfo: Japanese title"
	has "$T/info" "Subject:         厚生労働省「医療情報システムの安全管理に関するガイドライン 第6.0版」" "pdfinfo: Japanese subject"
	has "$T/info" "Creator:         anzen (医療機関向け" "pdfinfo: Japanese creator"
fi

# What an inspector reads: every section, every system, every checklist item.
text "$T/c.pdf" "$T/c.txt"
silent "pdftotext: no warning on the clinic's PDF"
tr -d '\n' <"$T/c.txt" >"$T/c.flat"
if [ $ja = 1 ]; then
	for h in 医療情報システム\ リスクアセスメント報告書 経営層の承認 "厚生労働省 サイバーセキュリティ対策チェックリスト" \
		根拠・参照 概要 ランク別のリスク数 ヒートマップ "対応が必要なリスク (S・A・B)" "対策計画 (期限順)" \
		情報機器台帳 事業者への確認 連絡体制 システム別リスク台帳 引用した資料 "付録: 尺度、マトリクス、リスク対応"; do
		has "$T/c.txt" "$h" "heading: $h"
	done
	has "$T/c.txt" "令和8年度 (2026年度)" "the fiscal year in 和暦 and 西暦"
	has "$T/c.txt" "令和8年11月28日 (2026-11-28)" "the date in 和暦 and 西暦"
	# codes with the bytes of "\r", "\\" and "(" escaped in the content's literal strings
	has "$T/c.txt" "」" "」 (U+300D) reads back"
	has "$T/c.txt" "小" "小 (U+5C0F) reads back"
fi
sed -n 's/.*"category": .*"name": "\([^"]*\)".*/\1/p' "$D/clinic.json" >"$T/systems"
missing=0
while IFS= read -r s; do grep -qF -- "$s" "$T/c.flat" || { echo "#   system '$s' not found"; missing=1; }; done <"$T/systems"
ok $missing "every system name ($(wc -l <"$T/systems")) is printed"
sed -n 's/^    number: "\(.*\)"$/\1/p' "$CL" >"$T/items"
missing=0
while IFS= read -r s; do grep -q -- "^$s " "$T/c.txt" || { echo "#   item '$s' not found"; missing=1; }; done <"$T/items"
ok $missing "every checklist item number ($(wc -l <"$T/items")) is printed"
ok "$(test "$(grep -c "^[0-9]* / $pages$" "$T/c.txt")" -eq "$pages"; echo $?)" "every page says n / $pages"
ok "$(test "$(grep -c "$fp" "$T/c.txt")" -eq "$pages"; echo $?)" "every page carries the fingerprint"
ok "$(test "$(grep -c "作成日 令和8年11月28日" "$T/c.txt")" -ge "$pages"; echo $?)" "every page carries the date, in 令和"

# English, whatever the interface language.
run 0 "--lang en" "$ANZEN" export --format pdf --lang en --date 2026-11-28 -o "$T/en.pdf" "$T/c.anzen"
text "$T/en.pdf" "$T/en.txt"
silent "pdftotext: no warning on the English PDF"
for h in Summary "Appendix: risk register by system" "MHLW cyber-security checklist" "Approval by the management"; do
	has "$T/en.txt" "$h" "English heading: $h"
done

# Determinism, and the PDF as a backup.
run 0 "the same export again" "$ANZEN" export --format pdf --date 2026-11-28 -o "$T/c2.pdf" "$T/c.anzen"
cmp -s "$T/c.pdf" "$T/c2.pdf"
ok $? "the same workbook and --date give byte-identical PDFs"
run 0 "import the PDF" "$ANZEN" import -o "$T/back.anzen" "$T/c.pdf"
run 0 "export it as JSON" "$ANZEN" export -o "$T/back.json" "$T/back.anzen"
same "$T/back.json" "$D/clinic.json" "PDF -> import -> JSON is byte-identical to the original"

# No clobbering, and bad input leaves nothing.
cp "$T/c.pdf" "$T/keep.pdf"
run 73 "an existing PDF is refused" "$ANZEN" export --format pdf -o "$T/c.pdf" "$T/c.anzen"
same "$T/c.pdf" "$T/keep.pdf" "and left untouched"
run 0 "--force replaces it" "$ANZEN" export --format pdf --force --date 2026-11-29 -o "$T/c.pdf" "$T/c.anzen"
run 66 "a missing --font file" "$ANZEN" export --format pdf --font "$T/nonexistent.ttf" -o "$T/f.pdf" "$T/c.anzen"
has "$T/err" "fonts-ipaexfont-gothic" "the message names the Debian package"
ok "$(test ! -e "$T/f.pdf"; echo $?)" "and no file is left"
run 66 "a --font that is not a TrueType font" "$ANZEN" export --format pdf --font "$D/clinic.json" -o "$T/f.pdf" "$T/c.anzen"
ok "$(test ! -e "$T/f.pdf"; echo $?)" "and no file is left"
run 73 "an output directory that does not exist" "$ANZEN" export --format pdf -o "$T/nodir/x.pdf" "$T/c.anzen"
ok "$(test ! -e "$T/nodir"; echo $?)" "nothing is created"
: >"$T/plain"
run 73 "an output path under a file" "$ANZEN" export --format pdf -o "$T/plain/x.pdf" "$T/c.anzen"
run 64 "an unknown --lang" "$ANZEN" export --format pdf --lang fr -o "$T/l.pdf" "$T/c.anzen"
run 64 "a bad --date" "$ANZEN" export --format pdf --date 2026-02-30 -o "$T/l.pdf" "$T/c.anzen"
run 64 "--lang without --format pdf" "$ANZEN" export --lang en -o "$T/l.json" "$T/c.anzen"
run 64 "a PDF to standard output" "$ANZEN" export --format pdf -o - "$T/c.anzen"
ok "$(test ! -e "$T/l.pdf" && test ! -e "$T/l.json"; echo $?)" "no file is left by a usage error"
run 66 "a missing workbook" "$ANZEN" export --format pdf -o "$T/m.pdf" "$T/missing.anzen"
ok "$(test ! -e "$T/m.pdf"; echo $?)" "and no file is left"
head -c 2000 "$T/keep.pdf" >"$T/cut.pdf"
run 65 "import of a truncated PDF" "$ANZEN" import -o "$T/cut.anzen" "$T/cut.pdf"
ok "$(test ! -e "$T/cut.anzen"; echo $?)" "and no workbook is left"
ok "$(test -z "$(ls -A "$T/fonttmp")"; echo $?)" "no temporary font subset is left"
ok "$(test -z "$(ls -A "$T" | grep '^\.')"; echo $?)" "no temporary output file is left"

# An empty workbook still gives a readable report.
run 0 "a new, empty workbook" "$ANZEN" new "$T/e.anzen"
run 0 "exports" "$ANZEN" export --format pdf --lang en --date 2026-11-28 -o "$T/e.pdf" "$T/e.anzen"
text "$T/e.pdf" "$T/e.txt"
has "$T/e.txt" "No risks recorded." "and says that nothing is recorded yet"
qpdf --check "$T/e.pdf" >"$T/qpdf" 2>&1
has "$T/qpdf" "No syntax or stream encoding errors" "qpdf --check passes on it"

# A stress workbook: 60-character system names, a 1,000-character note, 1,000 risks, a character
# outside the BMP and one the font lacks.
long60() { # long60 N: 60 characters (11 + 49), unique per N
	awk -v n="$1" 'BEGIN { printf "長い名前のシステム%02d", n; for (i = 0; i < 49; i++) printf "あ" }'
}
note=$(awk 'BEGIN { for (i = 0; i < 125; i++) printf "注記%03d文です。", i }')
sh "$top_srcdir/bench/gen.sh" 20 1000 5 >"$T/gen.json"
: >"$T/names"
for i in $(seq 1 20); do long60 "$i" >>"$T/names"; echo >>"$T/names"; done
awk -v note="$note" -v names="$T/names" '
	BEGIN { n = 0; while ((getline l < names) > 0) name[++n] = l }
	/"category": / && match($0, /"id": [0-9]+, "importance"/) {
		id = substr($0, RSTART + 6) + 0
		sub(/"name": "[^"]*"/, "\"name\": \"" name[id] "\"")
		if (id == 1) sub(/"note": ""/, "\"note\": \"" note "\"")
		if (id == 2) sub(/"note": ""/, "\"note\": \"外字𠮷とハングル한\"")
	}
	{ print }' "$T/gen.json" >"$T/stress.json"
run 0 "import the stress workbook" "$ANZEN" import -o "$T/s.anzen" "$T/stress.json"
run 0 "export it" "$ANZEN" export --format pdf --date 2026-11-28 -o "$T/s.pdf" "$T/s.anzen"
has "$T/err" "U+D55C" "a character in no installed font is reported"
has "$T/err" "U+D55C" "a character the font lacks is reported"
ok "$(test "$(grep -c 'U+D55C' "$T/err")" -eq 1; echo $?)" "once"
text "$T/s.pdf" "$T/s.txt"
silent "pdftotext: no warning on the stress PDF"
if fc-list ':charset=20bb7' | grep -q .; then
	has "$T/s.txt" "外字𠮷とハングル한" "𠮷 printed from a fallback font; 한 printed as 〓, kept in the text layer"
else
	has "$T/s.txt" "外字𠮷とハングル한" "both printed as 〓, kept in the text layer"
fi
# Without the running header and footer, so text that crosses a page reads on.
grep -v -e "^あんぜん歯科医院" -e "^U+[0-9A-F]*: " -e "^作成日 令和8年11月28日" -e "^[0-9]* / [0-9]*$" -e "^識別番号 " "$T/s.txt" |
	tr -d '\n\f' >"$T/s.flat"
missing=0
while IFS= read -r s; do grep -qF -- "$s" "$T/s.flat" || { echo "#   '$s' not found"; missing=1; }; done <"$T/names"
ok $missing "every 60-character system name is printed whole"
grep -qF -- "$note" "$T/s.flat"
ok $? "the 1,000-character note is printed whole"
qpdf --check "$T/s.pdf" >"$T/qpdf" 2>&1
has "$T/qpdf" "No syntax or stream encoding errors" "qpdf --check passes on the stress PDF"
spages=$(pdfinfo "$T/s.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
ok "$(test "${spages:-0}" -gt 100; echo $?)" "the stress report ($spages pages) is long enough to be drawn in two passes"
ok "$(test "$(grep -c "^[0-9]* / $spages$" "$T/s.txt")" -eq "$spages"; echo $?)" "and every page of it says n / $spages"
# A streamed report is written into its target's own temporary file from the first page: it needs
# no other disk (TMPDIR missing), leaves nothing beside the target, and is the same file.
run 0 "a streamed PDF with TMPDIR missing" env TMPDIR="$T/none" "$ANZEN" export --format pdf --date 2026-11-28 -o "$T/s3.pdf" "$T/s.anzen"
same "$T/s.pdf" "$T/s3.pdf" "and it is byte for byte the PDF written with TMPDIR"
ok "$(test -z "$(find "$T" -maxdepth 1 -name '.s3.pdf*')"; echo $?)" "no temporary file is left beside it"
run 73 "an existing target without --force is refused before anything is drawn" "$ANZEN" export --format pdf -o "$T/s3.pdf" "$T/s.anzen"
same "$T/s.pdf" "$T/s3.pdf" "and the target is untouched"
# Every word inside the page's margins (the running header and footer included).
pdftotext -enc UTF-8 -bbox "$T/s.pdf" "$T/s.html" 2>"$T/pdferr"
awk -F'"' '/<word / { n++; x0 = $2; y0 = $4; x1 = $6; y1 = $8
	if (x0 < 40 || x1 > 556 || y0 < 25 || y1 > 817) { bad++; if (bad < 5) print "#   outside: " $0 } }
	END { print "#   " n " words checked"; exit !(n > 10000 && bad == 0) }' "$T/s.html"
ok $? "no word leaves the margins"
run 0 "import the stress PDF" "$ANZEN" import -o "$T/s2.anzen" "$T/s.pdf"
run 0 "and export it as JSON" "$ANZEN" export -o "$T/s2.json" "$T/s2.anzen"
run 0 "the stress JSON, for comparison" "$ANZEN" export -o "$T/s1.json" "$T/s.anzen"
same "$T/s2.json" "$T/s1.json" "the stress workbook survives the PDF round trip"

# 「前年度からの変更」 only once there is an earlier year, in the report's language.
if [ "$ja" = 1 ]; then
	text "$T/c.pdf" "$T/c-now.txt"
	ok "$(grep -qF '前年度からの変更' "$T/c-now.txt"; test $? -ne 0; echo $?)" "a first year has no changes section"
	run 0 "next-year" "$ANZEN" next-year -o "$T/n.anzen" "$T/c.anzen"
	run 0 "export the next year's PDF" "$ANZEN" export --format pdf --date 2026-11-28 -o "$T/n.pdf" "$T/n.anzen"
	text "$T/n.pdf" "$T/n.txt"
	has "$T/n.txt" "前年度からの変更" "the next year's PDF has the changes section"
	has "$T/n.txt" "新規" "and its labels are Japanese"
fi

done_testing

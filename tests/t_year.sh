#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# Year over year, templates, the demo and aggregate, through the command line.
. "$top_srcdir/tests/lib.sh"
D=$top_srcdir/tests/data
Y=$D/year
unset ANZEN_GUIDELINE

# ---- next-year ----
run 0 "a workbook with data" "$ANZEN" import -o "$T/a.anzen" "$D/clinic.json"
run 0 "next-year creates the new year" "$ANZEN" next-year -o "$T/b.anzen" "$T/a.anzen"
has "$T/out" "for fiscal year 2027 (fiscal year 2026 is kept" "it names both years"
run 73 "next-year does not replace a file" "$ANZEN" next-year -o "$T/b.anzen" "$T/a.anzen"
run 64 "next-year needs -o" "$ANZEN" next-year "$T/a.anzen"
run 66 "next-year of a missing workbook" "$ANZEN" next-year -o "$T/x.anzen" "$T/missing.anzen"
"$ANZEN" export -o "$T/a.json" "$T/a.anzen" && "$ANZEN" export -o "$T/b.json" "$T/b.anzen"
q() { sqlite3 "$1" "$2"; }
[ "$(q "$T/b.anzen" 'SELECT fiscal_year FROM history')" = 2026 ]; ok $? "the old year is kept in history"
[ "$(q "$T/b.anzen" "SELECT fiscal_year, approved_by, approved_at IS NULL FROM assessment")" = "2027||1" ]
ok $? "the approval is cleared and the year moved on"
[ "$(q "$T/b.anzen" "SELECT count(*) FROM risks WHERE accepted_by <> '' OR accepted_at IS NOT NULL")" = 0 ]
ok $? "acceptances are cleared"
[ "$(q "$T/b.anzen" "SELECT count(*) FROM checklist_answers WHERE checked_at IS NOT NULL")" = 0 ]; ok $? "checklist check dates are cleared"
[ "$(q "$T/b.anzen" "SELECT count(*) FROM vendor_answers WHERE confirmed_at IS NOT NULL")" = 0 ]; ok $? "vendor confirmations are cleared"
[ "$(q "$T/b.anzen" "SELECT count(*) FROM changelog")" = 0 ]; ok $? "the new year's change log starts empty"
for t in systems vendors risks actions checklist_answers vendor_answers contacts; do
	[ "$(q "$T/a.anzen" "SELECT count(*) FROM $t")" = "$(q "$T/b.anzen" "SELECT count(*) FROM $t")" ]
	ok $? "$t carried over"
done
[ "$(q "$T/b.anzen" "SELECT group_concat(name) FROM (SELECT name FROM systems ORDER BY id)")" = \
  "$(q "$T/a.anzen" "SELECT group_concat(name) FROM (SELECT name FROM systems ORDER BY id)")" ]; ok $? "with their ids"
run 0 "export --year: the earlier year" "$ANZEN" export --year 2026 -o "$T/y.json" "$T/b.anzen"
same "$T/y.json" "$D/clinic.json" "is the old workbook as it was"
run 65 "export --year of a year not kept" "$ANZEN" export --year 2020 -o "$T/y2.json" "$T/b.anzen"
has "$T/err" "no earlier year 2020" "says so"
run 64 "export --year needs a year" "$ANZEN" export --year soon -o "$T/y3.json" "$T/b.anzen"
run 0 "status of the new year" "$ANZEN" status "$T/b.anzen"
has "$T/out" "Changes since fiscal year 2026:" "status compares with the earlier year"
has "$T/out" "Risks                  new 0, changed 0, unchanged 60, removed 0" "right after next-year nothing changed"

# scripted edits with the change log on, as the screens make them
"$top_builddir/tests/sql_edit" "$T/b.anzen" "
UPDATE systems SET firmware = 'Rev.23.01' WHERE id = 1;
UPDATE systems SET name = '新しい名前', importance = 3 WHERE id = 2;
DELETE FROM systems WHERE id = 3;
INSERT INTO systems (category, name) VALUES ('wifi', '院内Wi-Fi');
INSERT INTO vendors (name) VALUES ('新しい業者');
UPDATE risks SET likelihood = 1 WHERE id = 1;
UPDATE actions SET status = 'done', done_at = '2027-05-01' WHERE id = 1;
UPDATE checklist_answers SET answer = 'yes', target_at = NULL WHERE item = '2-(3)';
UPDATE checklist_answers SET checked_at = '2027-06-01';"
run 0 "status after edits" "$ANZEN" status "$T/b.anzen"
has "$T/out" "Systems                new 1, changed 2, unchanged 12, removed 1" "systems: new, changed, removed"
has "$T/out" "Vendors                new 1, changed 0, unchanged 5, removed 0" "vendors: new"
# system 3 held 4 risks (and their actions); risk 1 rescored
has "$T/out" "Risks                  new 0, changed 1, unchanged 55, removed 4" "risks: rescored, removed with their system"
has "$T/out" "Checklist answers      new 0, changed 1, unchanged 5, removed 0" "a re-check alone is no change"
[ "$(q "$T/b.anzen" "SELECT count(*) FROM changelog")" -gt 0 ]; ok $? "the edits were logged"
run 0 "a second next-year" "$ANZEN" next-year -o "$T/c.anzen" "$T/b.anzen"
[ "$(q "$T/c.anzen" "SELECT group_concat(fiscal_year) FROM (SELECT fiscal_year FROM history ORDER BY 1)")" = "2026,2027" ]
ok $? "every earlier year is kept"
run 0 "status of the third year" "$ANZEN" status "$T/c.anzen"
has "$T/out" "Earlier years: 2027 2026" "lists the earlier years, newest first"
has "$T/out" "Changes since fiscal year 2027:" "and compares with the latest"
run 0 "JSON of a workbook with history" "$ANZEN" export -o "$T/c.json" "$T/c.anzen"
run 0 "re-import" "$ANZEN" import -o "$T/c2.anzen" "$T/c.json"
run 0 "re-export" "$ANZEN" export -o "$T/c2.json" "$T/c2.anzen"
same "$T/c.json" "$T/c2.json" "history survives a byte-identical JSON round trip"
printf '{"format": "anzen-workbook", "version": 2, "history": [{"fiscal_year": 2025, "snapshot": "{\\"a\\": 1}"}]}' >"$T/h.json"
run 65 "an earlier year that is not an export is refused on import" "$ANZEN" import -o "$T/h.anzen" "$T/h.json"
has "$T/err" '$.history (fiscal year 2025): the snapshot is not an anzen workbook export' "with the year named"

# ---- templates ----
run 0 "the templates are listed" "$ANZEN" new --list-templates
for t in dental-clinic medical-clinic cloud-only; do
	has "$T/out" "$t" "$t is listed"
done
for t in dental-clinic medical-clinic cloud-only; do
	run 0 "new --template $t" "$ANZEN" new --template "$t" "$T/$t.anzen"
	run 0 "status of $t" "$ANZEN" status "$T/$t.anzen"
	grep -Eq '^  Systems +[1-9]' "$T/out"; ok $? "$t has systems"
	grep -Eq '^  Vendors +[1-9]' "$T/out"; ok $? "$t has vendors"
	grep -Eq '^    scored +0$' "$T/out"; ok $? "$t has nothing scored"
done
run 66 "an unknown template" "$ANZEN" new --template nosuch "$T/n.anzen"
[ ! -e "$T/n.anzen" ]; ok $? "nothing is created"
run 64 "--list-templates with a WORKBOOK" "$ANZEN" new --list-templates "$T/x.anzen"
g=$T/g
mkdir "$g" && cp -R "$top_srcdir/guideline/." "$g/" && chmod -R u+w "$g"
printf 'title:\n  ja: "壊れた"\n  en: broken\ndescription: {ja: a, en: b}\nsystems:\n  - category: nosuch\n    name: x\n    hosting: moon\n' >"$g/templates/broken.yaml"
run 65 "a broken template" "$ANZEN" --guideline "$g" new --template broken "$T/br.anzen"
has "$T/err" "templates/broken.yaml:6:15: unknown system category 'nosuch'" "file:line:col of the category"
has "$T/err" "templates/broken.yaml:8:14: 'hosting': 'moon' is not one of: onprem, cloud" "file:line:col of the value"
run 65 "guideline check finds it too" "$ANZEN" guideline check "$g"
has "$T/err" "$g/templates/broken.yaml:6:15:" "with its position"
awk 'BEGIN { printf "title: "; for (i = 0; i < 5000; i++) printf "["; for (i = 0; i < 5000; i++) printf "]"; print "" }' >"$g/templates/broken.yaml"
run 65 "a deeply nested template" "$ANZEN" guideline check "$g"
has "$T/err" "templates/broken.yaml:1:39: nested deeper than 32 levels" "is refused before loading"
printf 'title: &a {ja: x, en: y}\ndescription: *a\n' >"$g/templates/broken.yaml"
run 65 "a template with an alias" "$ANZEN" guideline check "$g"
has "$T/err" "templates/broken.yaml:2:14: anchors and aliases are not allowed" "is refused"
printf 'title: {ja: x, en: y}\ndescription: {ja: x, en: y}\n---\nfoo: 1\n' >"$g/templates/broken.yaml"
run 65 "a template of two documents" "$ANZEN" guideline check "$g"
has "$T/err" "templates/broken.yaml:4:1: only one YAML document is allowed in a file" "is refused"
printf 'title: {ja: x, en: y}\ndescription: {ja: x, en: y}\ntitle: {ja: z, en: w}\n' >"$g/templates/broken.yaml"
run 65 "a template with a duplicate key" "$ANZEN" guideline check "$g"
has "$T/err" "templates/broken.yaml:3:1: duplicate key 'title' (first at line 1)" "is refused, naming both lines"
rm "$g/templates/broken.yaml"
cp "$g/national/isac-2023.yaml" "$T/isac.yaml"
awk '/^    percent: 76$/ && !done { print; print "    percent: 77"; done = 1; next } { print }' "$T/isac.yaml" >"$g/national/isac-2023.yaml"
run 65 "a national figure given twice" "$ANZEN" guideline check "$g"
grep -q "national/isac-2023.yaml:[0-9]*:[0-9]*: duplicate key 'percent'" "$T/err"
ok $? "is refused with its position"
cp "$T/isac.yaml" "$g/national/isac-2023.yaml"
sed -i 's/^    percent: 76$/    percent: 176/' "$g/national/isac-2023.yaml"
run 65 "a national figure out of range" "$ANZEN" guideline check "$g"
grep -q "national/isac-2023.yaml:[0-9]*:[0-9]*: 'percent' must be a whole number from 0 to 100" "$T/err"
ok $? "is reported with its position"
run 0 "the shipped templates pass guideline check" "$ANZEN" guideline check

# ---- demo ----
run 0 "demo creates and opens a workbook" env XDG_DATA_HOME="$T/xdg" "$ANZEN" demo </dev/null
[ -f "$T/xdg/anzen/demo.anzen" ]; ok $? "under \$XDG_DATA_HOME/anzen/demo.anzen"
has "$T/out" "さくら歯科クリニック" "it shows the demo clinic"
for t in clinic assessment contacts vendors systems risks actions vendor_answers checklist_answers history; do
	[ "$(q "$T/xdg/anzen/demo.anzen" "SELECT count(*) FROM $t")" -gt 0 ]; ok $? "demo: $t is not empty"
done
ranks=$(q "$T/xdg/anzen/demo.anzen" "SELECT count(DISTINCT CASE
  WHEN likelihood * 10 + severity IN (55, 54, 45) THEN 'S' WHEN likelihood * 10 + severity IN (53, 44, 34, 35) THEN 'A'
  WHEN likelihood * 10 + severity IN (43, 33, 24, 25, 52, 15) THEN 'B' WHEN likelihood * 10 + severity IN (11, 12, 21, 22) THEN 'D'
  ELSE 'C' END) FROM risks WHERE likelihood IS NOT NULL")
[ "$ranks" = 5 ]; ok $? "demo: risks of every rank ($ranks)"
[ "$(q "$T/xdg/anzen/demo.anzen" "SELECT count(DISTINCT treatment) FROM risks WHERE treatment IS NOT NULL")" = 4 ]; ok $? "demo: every treatment"
[ "$(q "$T/xdg/anzen/demo.anzen" "SELECT count(*) FROM risks WHERE treatment = 'accept' AND accepted_by <> '' AND accepted_at IS NOT NULL")" -gt 0 ]
ok $? "demo: an acceptance with its approver"
# the demo is a consistent example: the self-check finds nothing
run 0 "demo: anzen check finds nothing" "$ANZEN" check "$T/xdg/anzen/demo.anzen"
[ ! -s "$T/out" ]; ok $? "demo: anzen check prints nothing"
[ "$(q "$T/xdg/anzen/demo.anzen" "SELECT count(*) FROM actions WHERE status IN ('planned','in_progress') AND due >= date('now','localtime')")" -gt 0 ]
ok $? "demo: an upcoming action"
run 0 "demo again replaces the demo" env XDG_DATA_HOME="$T/xdg" "$ANZEN" demo </dev/null
run 73 "demo refuses a workbook that is not a demo" "$ANZEN" demo "$T/a.anzen" </dev/null
has "$T/err" "is not a demo workbook" "and says why"
[ "$(q "$T/a.anzen" "SELECT name FROM clinic")" = "あんぜん歯科医院" ]; ok $? "which is left as it was"

# ---- aggregate ----
for n in a b c; do "$ANZEN" import -o "$T/agg-$n.anzen" "$Y/agg-$n.json" || echo "# import failed"; done
run 0 "aggregate three workbooks" "$ANZEN" aggregate -o "$T/agg.csv" "$T/agg-a.anzen" "$T/agg-b.anzen" "$T/agg-c.anzen"
csv=$T/agg.csv
line() { grep -qxF -- "$1" "$csv"; ok $? "$2"; [ $? -eq 0 ] || true; }
cline() { grep -q -- "^$1" "$csv" && [ "$(grep -- "^$1" "$csv" | tr -d '\r')" = "$2" ]; ok $? "$3"; }
head -c 3 "$csv" | od -An -tx1 | grep -q "ef bb bf"; ok $? "CSV starts with a UTF-8 byte order mark"
tr -d '\r' <"$csv" | sed '1s/^\xEF\xBB\xBF//' >"$T/agg.txt"
csv=$T/agg.txt
line "summary,read,workbooks read,3,,,," "3 read"
line "summary,skipped,files skipped,0,,,," "none skipped"
grep -q '^question,Q1,.*,2,3,66.7,76,' "$csv"; ok $? "Q1 remote maintenance: 2 of 3, 66.7% (national 76)"
grep -q '^question,Q2,.*,2,2,100.0,47,' "$csv"; ok $? "Q2 device known: 2 of 2"
grep -q '^question,Q3,.*,1,2,50.0,6,' "$csv"; ok $? "Q3 Fortinet: 1 of 2"
grep -q '^question,Q4,.*,1,1,100.0,~90,' "$csv"; ok $? "Q4 Fortinet patched: 1 of 1"
grep -q '^question,Q5,.*,0,1,0.0,58,' "$csv"; ok $? "Q5 other VPN patched: 0 of 1"
grep -q '^question,Q6,.*,2,3,66.7,15,' "$csv"; ok $? "Q6 responsibility in contract: 2 of 3"
grep -q '^question,Q7,.*,1,3,33.3,24,' "$csv"; ok $? "Q7 regular reports: 1 of 3"
grep -q '^question,Q8,.*,,,,59,' "$csv"; ok $? "Q8 not recorded, national 59"
line "rank,S,Critical,2,5,40.0,," "rank S: 2 of 5 scored"
line "rank,A,High,1,5,20.0,," "rank A"
line "rank,B,Medium,1,5,20.0,," "rank B"
line "rank,C,Low,0,5,0.0,," "rank C"
line "rank,D,Negligible,1,5,20.0,," "rank D"
line "rank,unscored,not scored yet,1,6,16.7,," "1 of 6 risks unscored"
grep -q '^checklist,r7-clinic/0,.*,2,3,66.7,,no 0; n/a 0; unanswered 1$' "$csv"; ok $? "checklist item 0: 2 yes of 3"
grep -q '^checklist,r7-clinic/1-(1),.*,1,3,33.3,,no 1; n/a 0; unanswered 1$' "$csv"; ok $? "item 1-(1): yes, no, unanswered"
grep -q '^checklist,r7-clinic/2-(1),.*,0,3,0.0,,no 1; n/a 0; unanswered 2$' "$csv"; ok $? "item 2-(1): a 'no' on one device is a no"
[ "$(grep -c '^checklist,r7-clinic/' "$csv")" = 19 ]; ok $? "every item of the checklist is listed"
line "sa_risk,vpn_vuln,Unpatched VPN device,2,3,66.7,,2 risks" "most common S/A risk first"
line "sa_risk,ransomware_onprem,Ransomware encrypts the on-premises server,1,3,33.3,,1 risk" "then the next"
line "vendor_no_isms_pmark,,共通ベンダー,2,2,100.0,," "vendor lacking ISMS/Pマーク in 2 of 2"
line "vendor_no_mds_sds,,共通ベンダー,2,2,100.0,," "and MDS/SDS"
! grep -q "安心システム" "$csv"; ok $? "a vendor lacking nothing is not listed"
! grep -Eq "Aクリニック|B歯科|C医院|agg-a" "$csv"; ok $? "anonymised: no clinic or file named"
grep -q "^source,questions,.*医療ISAC (2023-01), n=1279" "$csv"; ok $? "the national source is given"

run 0 "--named" "$ANZEN" aggregate --named -o - "$T/agg-a.anzen" "$T/agg-b.anzen"
grep -q "^workbook,$T/agg-a.anzen,Aクリニック,3,,,,FY2026 Q1=yes Q2=yes Q3=yes Q4=yes Q5=- Q6=yes Q7=yes Q8=-" "$T/out"
ok $? "--named lists each clinic with its answers"

# skip cases
printf 'not a workbook\n' >"$T/garbage.anzen"
cp "$T/agg-a.anzen" "$T/newer.anzen" && sqlite3 "$T/newer.anzen" "PRAGMA user_version = 99"
sqlite3 "$T/foreign.db" "CREATE TABLE t (x); PRAGMA application_id = 1234;"
printf '{"format": "anzen-workbook", "version": 2, "systems": [{"id": 1}]}' >"$T/broken.json"
run 65 "aggregate with bad inputs exits 65" "$ANZEN" aggregate -o "$T/s.csv" "$T/agg-a.anzen" "$T/garbage.anzen" \
	"$T/missing.anzen" "$T/newer.anzen" "$T/foreign.db" "$T/broken.json" "$T/agg-c.anzen"
tr -d '\r' <"$T/s.csv" >"$T/s.txt"
has "$T/err" "garbage.anzen: skipped: not an anzen workbook (not an SQLite database)" "stderr: garbage"
has "$T/err" "missing.anzen: skipped: cannot open: No such file or directory" "stderr: missing"
has "$T/err" "newer.anzen: skipped: written by a newer anzen (workbook version 99" "stderr: newer"
has "$T/err" "foreign.db: skipped: not an anzen workbook (an SQLite database of another program)" "stderr: foreign"
has "$T/err" "broken.json: skipped: \$.systems[0]: missing required key" "stderr: corrupt export"
has "$T/s.txt" "summary,read,workbooks read,2,,,," "the readable ones are aggregated"
has "$T/s.txt" "summary,skipped,files skipped,5,,,," "five skipped"
has "$T/s.txt" "skipped,input 2,,,,,,not an anzen workbook (not an SQLite database)" "the output lists a skip, anonymised"
has "$T/s.txt" "skipped,input 4,,,,,,\"written by a newer anzen" "and the newer one"
grep -q '^question,Q1,.*,1,2,50.0,76,' "$T/s.txt"; ok $? "counts come from the readable ones only"
printf '{"format": "anzen-workbook", "version": 2, "systems": [{"id": 1}]}' >"$T/agg-secret-clinic.json"
run 65 "a many-line reason" "$ANZEN" aggregate -o - "$T/agg-secret-clinic.json"
! grep -q "secret" "$T/out"; ok $? "names no file even on its later lines"
has "$T/out" 'skipped,input 1,,,,,,"$.systems[0]: missing required key ""category""; $.systems[0]: missing required key ""name"""' "one line per skipped input"
run 65 "all inputs bad still writes the summary" "$ANZEN" aggregate -o "$T/s2.csv" "$T/garbage.anzen"
has "$T/s2.csv" "summary,read,workbooks read,0" "with nothing read"
run 64 "aggregate needs -o" "$ANZEN" aggregate "$T/agg-a.anzen"
run 64 "aggregate needs inputs" "$ANZEN" aggregate -o "$T/x.csv"
run 64 "an unknown format" "$ANZEN" aggregate -F xls -o "$T/x.xls" "$T/agg-a.anzen"
run 73 "aggregate does not replace OUT" "$ANZEN" aggregate -o "$T/agg.csv" "$T/agg-a.anzen"
run 0 "a JSON export is an input too" "$ANZEN" aggregate -o - "$Y/agg-a.json"
has "$T/out" "summary,read,workbooks read,1" "read from JSON"
if fc-list 2>/dev/null | grep -q IPAexGothic; then
	run 0 "aggregate as PDF" "$ANZEN" aggregate -o "$T/agg.pdf" "$T/agg-a.anzen" "$T/agg-b.anzen" "$T/agg-c.anzen"
	pdftotext "$T/agg.pdf" "$T/agg.pdf.txt" 2>/dev/null
	has "$T/agg.pdf.txt" "Q1-Q8" "the PDF has the survey questions"
	has "$T/agg.pdf.txt" "Vendors most often lacking" "and the vendors"
	! grep -q "Aクリニック" "$T/agg.pdf.txt"; ok $? "the PDF is anonymised"
	run 65 "a PDF with a skipped input" "$ANZEN" aggregate -o "$T/skip.pdf" "$T/agg-a.anzen" "$T/garbage.anzen"
	pdftotext "$T/skip.pdf" "$T/skip.pdf.txt" 2>/dev/null
	has "$T/skip.pdf.txt" "Files skipped" "the PDF lists the skipped input"
	has "$T/skip.pdf.txt" "not an anzen workbook" "with the reason"
	! grep -q "garbage" "$T/skip.pdf.txt"; ok $? "but not its file name"
	run 0 "--named PDF" "$ANZEN" aggregate --named -o "$T/named.pdf" "$T/agg-a.anzen"
	pdftotext "$T/named.pdf" "$T/named.pdf.txt" 2>/dev/null
	has "$T/named.pdf.txt" "Aクリニック" "--named puts the clinic in the PDF"
fi

# the man page documents every option of the new commands' --help
for c in next-year demo aggregate new export; do
	"$ANZEN" $c --help | grep -oE -- '--[a-z][a-z-]+' | sort -u
done | sort -u >"$T/opts"
while read -r o; do
	grep -qF -- "$(printf '%s' "$o" | sed 's/-/\\-/g')" "$top_srcdir/anzen.1.in"
	ok $? "anzen.1 documents $o"
done <"$T/opts"
for c in next-year demo aggregate; do
	grep -q "^.BR $(printf '%s' "$c" | sed 's/-/\\\\-/g') " "$top_srcdir/anzen.1.in"; ok $? "anzen.1 has the command $c"
	"$ANZEN" --help | grep -q "^  $c "; ok $? "anzen --help lists $c"
done
done_testing

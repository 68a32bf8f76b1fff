#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# Hostile input, hostile files, killed writes (issue 14): every case is generated here, each command runs
# under a time limit, and none hangs, leaks an escape sequence to the terminal, or destroys its input.
. "$top_srcdir/tests/lib.sh"
D=$top_srcdir/tests/data
LIMIT=${ANZEN_TEST_LIMIT:-20}
# lim CMD...: the command under the per-case time limit (exit 124 when it runs out)
lim() { timeout "$LIMIT" "$@"; }
q() { sqlite3 "$1" "$2"; }
WB=$T/wb.anzen
lim "$ANZEN" import -o "$WB" "$D/clinic.json" >/dev/null 2>&1
lim "$ANZEN" export -o "$T/wb.json" "$WB" >/dev/null 2>&1
ESC=$(printf '\033')

# 1. Escape leak: workbook text reaches the terminal only through the sanitiser.
cp "$WB" "$T/esc.anzen"
q "$T/esc.anzen" "UPDATE clinic SET name = 'Evil' || char(27) || '[2J' || char(27) || ']52;c;SGk=' || char(7);
	UPDATE risks SET threat = 'x' || char(27) || '[2Jy' WHERE id = (SELECT min(id) FROM risks)"
run 0 "1: aggregate --named -o - of a workbook with escape sequences" lim "$ANZEN" aggregate --named -o - "$T/esc.anzen"
! grep -q "$ESC" "$T/out"
ok $? "1: no ESC reaches standard output (clinic name)"
run 0 "1: aggregate -o - without --named" lim "$ANZEN" aggregate -o - "$T/esc.anzen"
! grep -q "$ESC" "$T/out"
ok $? "1: no ESC reaches standard output (threat id)"
! grep -q "$ESC" "$T/err"
ok $? "1: nor standard error"
# C1 controls (U+009B is CSI to some terminals): escaped when export -o - writes to a terminal
cp "$WB" "$T/c1.anzen"
q "$T/c1.anzen" "UPDATE clinic SET name = 'Evil' || char(155) || '2J' || char(133)"
C1=$(printf '\302\233')
if command -v script >/dev/null 2>&1 && script -qc true /dev/null >/dev/null 2>&1; then
	lim script -qc "'$ANZEN' export -o - '$T/c1.anzen'" /dev/null >"$T/out" 2>"$T/err"
	! grep -q "$C1" "$T/out" && grep -q 'Evil\\u009b2J\\u0085' "$T/out"
	ok $? "1: export -o - to a terminal escapes the C1 controls (\\u009b)"
else
	skip "no script(1) to give export a terminal"
fi
run 0 "1: export -o - to a pipe" lim "$ANZEN" export -o - "$T/c1.anzen"
grep -q "Evil$C1" "$T/out"
ok $? "1: to a pipe or file the JSON stays canonical (the character itself)"
# check --format json quotes workbook text (a vendor's name) in a report that may go to a terminal
q "$T/c1.anzen" "UPDATE vendors SET name = 'V' || char(155) || '2J' || char(127) || 'x' || cast(x'ff' AS TEXT)
	WHERE id = (SELECT min(id) FROM vendors)"
run 1 "1: check --format json of a workbook with C1, DEL and invalid UTF-8 in a name" lim "$ANZEN" check --format json "$T/c1.anzen"
! grep -q "$C1" "$T/out" && ! grep -q "$(printf '\177')" "$T/out" && ! LC_ALL=C grep -q "$(printf '\377')" "$T/out" &&
	grep -qF 'V\u009b2J\u007fx' "$T/out" && [ "$(sqlite3 :memory: "SELECT json_valid(readfile('$T/out'))")" = 1 ]
ok $? "1: check's JSON escapes every control and replaces invalid UTF-8: valid JSON, nothing raw"

# 2. PDF attachment scan: linear, bounded; re-saved PDFs still read.
{ printf '%%PDF-1.4\n'; yes '1 0 obj<</A(' | head -c 2000000; } >"$T/hostile.pdf"
run 65 "2: import of a 2 MB hostile PDF is refused in time" lim "$ANZEN" import -o "$T/h.anzen" "$T/hostile.pdf"
run 65 "2: aggregate of it too" lim "$ANZEN" aggregate -o - "$T/hostile.pdf"
# a decompression bomb in an object stream: 1 MB that the PDF library would inflate to 1 GB
if [ "${ANZEN_SANITIZERS:-no}" = yes ]; then
	skip "under AddressSanitizer the reader's memory limit does not apply"
	skip "under AddressSanitizer the reader's memory limit does not apply"
else
	perl "$top_srcdir/tests/pdfbomb.pl" 1024 >"$T/bomb.pdf"
	run 65 "2: import of a PDF whose object stream is a decompression bomb" \
		lim "$ANZEN" import -o "$T/b.anzen" "$T/bomb.pdf"
	run 65 "2: aggregate of it" lim "$ANZEN" aggregate -o - "$T/bomb.pdf"
fi
if command -v qpdf >/dev/null; then
	run 0 "2: export the PDF" lim "$ANZEN" export -F pdf --date 2026-11-28 -o "$T/wb.pdf" "$WB"
	qpdf --object-streams=generate "$T/wb.pdf" "$T/os.pdf"
	qpdf --show-xref "$T/os.pdf" | grep -q compressed
	ok $? "2: qpdf re-saved it with object streams"
	run 0 "2: import of the PDF re-saved with object streams" lim "$ANZEN" import -o "$T/os.anzen" "$T/os.pdf"
	run 0 "2: export it" lim "$ANZEN" export -o "$T/os.json" "$T/os.anzen"
	same "$T/os.json" "$T/wb.json" "2: the same JSON is restored"
else
	skip "qpdf not installed"
fi

# 3. A table replaced by a recursive VIEW, a trigger, a stranger's table: refused, not run.
cp "$WB" "$T/view.anzen"
q "$T/view.anzen" "DROP TABLE contacts; CREATE VIEW contacts AS WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r)
	SELECT x AS id, '' AS name, '' AS role, '' AS phone, '' AS email, 0 AS position FROM r"
run 65 "3: status of a workbook with a recursive view" lim "$ANZEN" status "$T/view.anzen"
has "$T/err" "view contacts" "3: the message names the view"
run 65 "3: export of it" lim "$ANZEN" export -o "$T/v.json" "$T/view.anzen"
run 65 "3: aggregate of it" lim "$ANZEN" aggregate -o - "$T/view.anzen"
cp "$WB" "$T/trig.anzen"
q "$T/trig.anzen" "CREATE TRIGGER evil AFTER UPDATE ON clinic BEGIN DELETE FROM risks; END"
run 65 "3: a foreign trigger is refused, for writing too" lim "$ANZEN" next-year -o "$T/t2.anzen" "$T/trig.anzen"
has "$T/err" "trigger evil" "3: the message names it"

# 4. A FIFO in the catalogue does not block.
mkdir "$T/g"
cp -R "$top_srcdir/guideline/." "$T/g/"
rm "$T/g/threats.yaml"
mkfifo "$T/g/threats.yaml"
run 65 "4: a FIFO named threats.yaml fails, not hangs" lim "$ANZEN" --guideline "$T/g" status "$WB"
run 65 "4: guideline check too" lim "$ANZEN" --guideline "$T/g" guideline check
mkfifo "$T/wb.fifo"
run 66 "4: a FIFO as the workbook is refused" lim "$ANZEN" status "$T/wb.fifo"

# 5. Output never destroys input (on copies: the other cases need the workbook).
cp "$WB" "$T/self.anzen"
run 73 "5: export --force -o WB WB" lim "$ANZEN" export --force -o "$T/self.anzen" "$T/self.anzen"
same "$T/self.anzen" "$WB" "5: the workbook is untouched"
run 73 "5: export --format pdf --force -o WB WB" lim "$ANZEN" export -F pdf --force -o "$T/self.anzen" "$T/self.anzen"
same "$T/self.anzen" "$WB" "5: the workbook is untouched by the PDF"
cp "$T/wb.json" "$T/x.json"
run 73 "5: import --force -o X.json X.json" lim "$ANZEN" import --force -o "$T/x.json" "$T/x.json"
same "$T/x.json" "$T/wb.json" "5: the JSON is untouched"
ln "$T/self.anzen" "$T/hard.anzen"
run 73 "5: a hard link to the input is the same file" lim "$ANZEN" next-year --force -o "$T/hard.anzen" "$T/self.anzen"
same "$T/self.anzen" "$WB" "5: still untouched"

# 7. --force replaces only regular files.
mkfifo "$T/out.fifo"
run 73 "7: export --force -o FIFO" lim "$ANZEN" export --force -o "$T/out.fifo" "$WB"
[ -p "$T/out.fifo" ]
ok $? "7: the FIFO is still a FIFO"

# 8. Damaged workbooks: CHECK and foreign-key violations found on read-only opens.
cp "$WB" "$T/check.anzen"
q "$T/check.anzen" "PRAGMA ignore_check_constraints = 1; UPDATE risks SET likelihood = 9 WHERE id = (SELECT min(id) FROM risks)"
run 65 "8: status of a workbook with likelihood 9" lim "$ANZEN" status "$T/check.anzen"
has "$T/err" "CHECK constraint failed" "8: the message says which check"
run 65 "8: export of it" lim "$ANZEN" export -o "$T/c.json" "$T/check.anzen"
[ ! -e "$T/c.json" ]
ok $? "8: no export that import would refuse"
run 65 "8: aggregate of it" lim "$ANZEN" aggregate -o - "$T/check.anzen"
cp "$WB" "$T/fk.anzen"
q "$T/fk.anzen" "PRAGMA foreign_keys = OFF; UPDATE actions SET risk_id = 99999 WHERE id = (SELECT min(id) FROM actions)"
run 65 "8: status of a workbook with a broken reference" lim "$ANZEN" status "$T/fk.anzen"
run 65 "8: export --format pdf of it" lim "$ANZEN" export -F pdf -o "$T/fk.pdf" "$T/fk.anzen"

# 9. JSON values never change silently.
owner=$(sed -n 's/.*"owner": "\([^"]*\)".*/\1/p' "$T/wb.json" | head -n 1)
sed "0,/\"owner\": \"$owner\"/s//\"owner\": \"\\\\u0000$owner\"/" "$T/wb.json" >"$T/nul.json"
run 65 "9: \\u0000 in a string" lim "$ANZEN" import -o "$T/n.anzen" "$T/nul.json"
has "$T/err" '$.actions[0].owner' "9: the message gives the JSON path"
sed "0,/\"owner\": \"$owner\"/s//\"owner\": \"\\\\ud800\"/" "$T/wb.json" >"$T/sur.json"
run 65 "9: a lone high surrogate" lim "$ANZEN" import -o "$T/s.anzen" "$T/sur.json"
has "$T/err" '$.actions[0].owner' "9: with its path"
sed "0,/\"owner\": \"$owner\"/s//\"owner\": \"a\\\\udc00b\"/" "$T/wb.json" >"$T/sur2.json"
run 65 "9: a lone low surrogate" lim "$ANZEN" import -o "$T/s2.anzen" "$T/sur2.json"
sed 's/"fiscal_year": \([0-9]*\),/"fiscal_year": \1, "fiscal_year": 2031,/' "$T/wb.json" >"$T/dup.json"
run 65 "9: a duplicate key" lim "$ANZEN" import -o "$T/d.anzen" "$T/dup.json"
has "$T/err" '$.assessment.fiscal_year' "9: with its path"
sed "0,/\"owner\": \"$owner\"/s//\"owner\": \"\\\\ud83d\\\\ude00$owner\"/" "$T/wb.json" >"$T/pair.json"
run 0 "9: a surrogate pair (an emoji) is a character and accepted" lim "$ANZEN" import -o "$T/p.anzen" "$T/pair.json"

# 10. A history snapshot is validated as strictly as the workbook.
run 0 "10: next year" lim "$ANZEN" next-year -o "$T/ny.anzen" "$WB"
run 0 "10: its JSON" lim "$ANZEN" export -o "$T/ny.json" "$T/ny.anzen"
sed '0,/likelihood\\": [1-5],/s//likelihood\\": 9,/' "$T/ny.json" >"$T/hist.json"
! cmp -s "$T/ny.json" "$T/hist.json"
ok $? "10: a snapshot with likelihood 9 made"
run 65 "10: import refuses the snapshot it could not read back" lim "$ANZEN" import -o "$T/hist.anzen" "$T/hist.json"
has "$T/err" "must be from 1 to 5, not 9" "10: and says why"

# 11. No checklists at all: an error, not undefined behaviour (UBSan in the sanitizer build).
mkdir "$T/g0"
cp -R "$top_srcdir/guideline/." "$T/g0/"
rm -r "$T/g0/checklists"
mkdir "$T/g0/checklists"
run 65 "11: guideline check with an empty checklists/" lim "$ANZEN" --guideline "$T/g0" guideline check
! grep -q "runtime error" "$T/err"
ok $? "11: no runtime error"

# 12. A failed replace names the file, never (null).
mkdir "$T/adir"
run 73 "12: export --force -o DIRECTORY" lim "$ANZEN" export --force -o "$T/adir" "$WB"
! grep -q "(null)" "$T/err" && grep -q adir "$T/err"
ok $? "12: the message names the path"

# 13. --guideline with a bad catalogue fails every command.
mkdir "$T/gbad"
cp -R "$top_srcdir/guideline/." "$T/gbad/"
echo "  - [unclosed" >>"$T/gbad/threats.yaml"
run 65 "13: --guideline BAD status" lim "$ANZEN" --guideline "$T/gbad" status "$WB"
run 65 "13: --guideline BAD export json" lim "$ANZEN" --guideline "$T/gbad" export -o - "$WB"
run 65 "13: --guideline BAD new" lim "$ANZEN" --guideline "$T/gbad" new "$T/new.anzen"
run 65 "13: --guideline BAD import" lim "$ANZEN" --guideline "$T/gbad" import -o "$T/i.anzen" "$T/wb.json"
# the same catalogue named only by ANZEN_GUIDELINE: the same refusal, and the message says where it came from
run 65 "13: ANZEN_GUIDELINE=BAD status" lim env ANZEN_GUIDELINE="$T/gbad" "$ANZEN" status "$WB"
grep -q "threats.yaml" "$T/err" && grep -q "ANZEN_GUIDELINE" "$T/err" && ! grep -q "warning" "$T/err"
ok $? "13: ANZEN_GUIDELINE=BAD: names the broken file and the variable, not a warning"
[ ! -s "$T/out" ]
ok $? "13: ANZEN_GUIDELINE=BAD: no status printed"
run 65 "13: ANZEN_GUIDELINE=BAD export json" lim env ANZEN_GUIDELINE="$T/gbad" "$ANZEN" export -o - "$WB"
run 66 "13: ANZEN_GUIDELINE naming no folder" lim env ANZEN_GUIDELINE="$T/nowhere" "$ANZEN" status "$WB"
run 65 "13: ANZEN_GUIDELINE=BAD guideline check still reports the catalogue" lim env ANZEN_GUIDELINE="$T/gbad" "$ANZEN" guideline check

# Held with a wrong message or code.
# A hot journal left by a process killed in a write is rolled back by a read-only command.
cp "$WB" "$T/hot.anzen"
mkfifo "$T/sql.in"
sqlite3 "$T/hot.anzen" <"$T/sql.in" >"$T/sql.out" 2>&1 &
sqlpid=$!
exec 8>"$T/sql.in"
printf "PRAGMA cache_size = 1;\nBEGIN;\nUPDATE risks SET rationale = hex(randomblob(300));\nSELECT 'written';\n" >&8
i=0
while ! grep -q written "$T/sql.out" && [ $i -lt 2000 ]; do sleep 0.01; i=$((i + 1)); done
kill -9 $sqlpid
wait $sqlpid 2>/dev/null
exec 8>&-
[ -s "$T/hot.anzen-journal" ]
ok $? "hot journal: left by a killed write"
run 0 "hot journal: status recovers it" lim "$ANZEN" status "$T/hot.anzen"
[ ! -s "$T/hot.anzen-journal" ]
ok $? "hot journal: rolled back"
run 0 "hot journal: the workbook reads as before the killed write" lim "$ANZEN" export -o "$T/hot.json" "$T/hot.anzen"
same "$T/hot.json" "$T/wb.json" "hot journal: nothing of the killed write remains"

# A full disk (here a file size limit: 300 blocks, above the temporary font file, below the PDF): a message a clinic understands, no temp file.
sh "$top_srcdir/bench/gen.sh" 60 1200 20 >"$T/med.json"
lim "$ANZEN" import -o "$T/med.anzen" "$T/med.json" >/dev/null 2>&1
mkdir "$T/full"
(trap '' XFSZ; ulimit -f 300; exec timeout "$LIMIT" "$ANZEN" export -F pdf -o "$T/full/m.pdf" "$T/med.anzen") >"$T/out" 2>"$T/err"
ok $(($? != 74)) "full disk during the PDF: exit 74"
grep -q "disk may be full" "$T/err" && ! grep -q "PDF library error" "$T/err"
ok $? "full disk during the PDF: says the disk may be full"
[ -z "$(ls -A "$T/full")" ]
ok $? "full disk: no file left"
(trap '' XFSZ; ulimit -f 300; exec timeout "$LIMIT" "$ANZEN" import -o "$T/full/i.anzen" "$T/med.json") >"$T/out" 2>"$T/err"
ok $(($? != 74)) "full disk during import: exit 74"
grep -q "disk is full" "$T/err" && grep -q "full/i.anzen:" "$T/err"
ok $? "full disk during import: says so, naming the workbook (not its temporary file)"
(trap '' XFSZ; ulimit -f 300; exec timeout "$LIMIT" "$ANZEN" export -o "$T/full/e.json" "$T/med.anzen") >"$T/out" 2>"$T/err"
ok $(($? != 74)) "full disk during export: exit 74"
grep -q "write failed: File too large" "$T/err"
ok $? "full disk during export: says why"
[ -z "$(ls -A "$T/full")" ]
ok $? "full disk: nothing left"
(ulimit -f 300; exec timeout "$LIMIT" "$ANZEN" export -F pdf -o "$T/full/k.pdf" "$T/med.anzen") >/dev/null 2>&1
[ -z "$(ls -A "$T/full")" ]
ok $? "killed by SIGXFSZ during a write: the temporary file is removed"
: >"$T/full/.k.pdf.Ab12Cd"
run 0 "a write after a killed one" lim "$ANZEN" export -F pdf -o "$T/full/k.pdf" "$WB"
[ ! -e "$T/full/.k.pdf.Ab12Cd" ]
ok $? "the leftover of the killed write is removed"
# A killed write to another name leaves nothing that stays: a write anywhere in the folder removes our
# temporary files nobody has written for 15 minutes, and only those.
mkdir "$T/swept"
(ulimit -f 300; exec timeout "$LIMIT" "$ANZEN" export -F pdf -o "$T/swept/old.pdf" "$T/med.anzen") >/dev/null 2>&1
: >"$T/swept/.old.pdf.anzen-Kx71Qa"
: >"$T/swept/.old.pdf.anzen-Kx71Qa-journal"
: >"$T/swept/.live.anzen.anzen-Zq01Rt"
: >"$T/swept/.photo.jpg.backup"
: >"$T/swept/.notes.txt.anzen-abc"
touch -d '20 minutes ago' "$T/swept/.old.pdf.anzen-Kx71Qa" "$T/swept/.old.pdf.anzen-Kx71Qa-journal" \
	"$T/swept/.photo.jpg.backup" "$T/swept/.notes.txt.anzen-abc"
touch -d '2 minutes ago' "$T/swept/.live.anzen.anzen-Zq01Rt"
run 0 "a write to another name in the folder" lim "$ANZEN" export -o "$T/swept/wb.json" "$WB"
[ ! -e "$T/swept/.old.pdf.anzen-Kx71Qa" ] && [ ! -e "$T/swept/.old.pdf.anzen-Kx71Qa-journal" ]
ok $? "a temporary file of ours nobody wrote for 20 minutes is removed, with its journal"
[ -e "$T/swept/.live.anzen.anzen-Zq01Rt" ]
ok $? "one written 2 minutes ago stays (it may be another anzen's write)"
[ -e "$T/swept/.photo.jpg.backup" ] && [ -e "$T/swept/.notes.txt.anzen-abc" ]
ok $? "files not named as ours stay, however old"
[ "$(ls -A "$T/swept" | sort | tr '\n' ' ')" = ".live.anzen.anzen-Zq01Rt .notes.txt.anzen-abc .photo.jpg.backup wb.json " ]
ok $? "nothing else is left: the killed write's own temporary file went with the signal ($(ls -A "$T/swept" | tr '\n' ' '))"

# status only reads: never "cannot open for writing".
if [ "$(id -u)" -ne 0 ]; then
	cp "$WB" "$T/noread.anzen"
	chmod 000 "$T/noread.anzen"
	run 66 "status of an unreadable workbook" lim "$ANZEN" status "$T/noread.anzen"
	! grep -q "for writing" "$T/err"
	ok $? "status does not speak of writing"
else
	skip "as root every file is readable"
	skip "as root every file is readable"
fi

# demo on a workbook in use: 75.
export XDG_DATA_HOME="$T/xdg"
run 0 "demo" lim "$ANZEN" demo "$T/demo.anzen" </dev/null
exec 9<"$T/demo.anzen"
flock -x 9
run 75 "demo on a demo workbook in use by another process" lim "$ANZEN" demo "$T/demo.anzen" </dev/null
exec 9<&-

# A workbook with no tables is bad data, not an I/O error.
cp "$WB" "$T/empty.anzen"
q "$T/empty.anzen" "PRAGMA foreign_keys = OFF; $(q "$WB" "SELECT 'DROP TABLE \"' || name || '\";' FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")"
run 65 "a workbook with no tables" lim "$ANZEN" status "$T/empty.anzen"

# Write errors on standard output (GNU close_stdout).
lim "$ANZEN" --help >/dev/full 2>/dev/null
ok $(($? == 0)) "--help >/dev/full fails"
lim "$ANZEN" --version >/dev/full 2>/dev/null
ok $(($? == 0)) "--version >/dev/full fails"
lim "$ANZEN" status --help >/dev/full 2>/dev/null
ok $(($? == 0)) "status --help >/dev/full fails"
lim "$ANZEN" export -o - "$WB" >/dev/full 2>"$T/err"
[ $? -eq 74 ] && grep -q "write failed: No space left on device" "$T/err"
ok $? "export -o - >/dev/full fails (74) and says why"

# The 64 MB attachment limit holds for JSON and PDF alike.
{ cat "$T/wb.json"; head -c 67108864 /dev/zero | tr '\0' ' '; } >"$T/big.json"
run 65 "a JSON file over 64 MB (valid: white space after the workbook) is refused" \
	lim "$ANZEN" import -o "$T/big.anzen" "$T/big.json"
if command -v qpdf >/dev/null; then
	qpdf --empty --add-attachment "$T/big.json" --key=anzen-workbook.json --filename=anzen-workbook.json -- "$T/big.pdf"
	run 65 "a PDF whose attachment is over 64 MB is refused" lim "$ANZEN" import -o "$T/big.anzen" "$T/big.pdf"
else
	skip "qpdf not installed"
fi
rm -f "$T/big.json" "$T/big.pdf"

done_testing

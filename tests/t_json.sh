#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# JSON export/import: canonical round trip, and every kind of bad input refused with nothing written.
. "$top_srcdir/tests/lib.sh"
D=$top_srcdir/tests/data

# Round trip: the generator writes canonical JSON, so import then export gives the same bytes.
run 0 "import a typical clinic" "$ANZEN" import -o "$T/c.anzen" "$D/clinic.json"
run 0 "export it" "$ANZEN" export --format json -o "$T/c.json" "$T/c.anzen"
same "$T/c.json" "$D/clinic.json" "export(import(x)) is byte-identical to canonical x"
run 0 "import the export again" "$ANZEN" import -o "$T/c2.anzen" "$T/c.json"
run 0 "export again" "$ANZEN" export -o "$T/c2.json" "$T/c2.anzen"
same "$T/c2.json" "$T/c.json" "export -> import -> export is byte-identical"
has "$T/c.json" '"name": "あんぜん歯科医院"' "Japanese text is written as UTF-8, not escaped"

# Any JSON of the same shape is accepted and comes back canonical.
run 0 "import a re-indented, re-ordered file" "$ANZEN" import -o "$T/p.anzen" "$D/small-pretty.json"
run 0 "export it" "$ANZEN" export -o "$T/p.json" "$T/p.anzen"
same "$T/p.json" "$D/small.json" "key order and white space do not change the canonical export"
run 0 "export to standard output" "$ANZEN" export -o - "$T/p.anzen"
same "$T/out" "$D/small.json" "standard output carries the same bytes"

# Output files are never clobbered without --force.
cp "$T/c.json" "$T/keep.json"
run 73 "an existing output file is refused" "$ANZEN" export -o "$T/c.json" "$T/p.anzen"
has "$T/err" "already exists (use --force" "the message says how to replace it"
same "$T/c.json" "$T/keep.json" "the existing file is untouched"
run 0 "--force replaces it" "$ANZEN" export --force -o "$T/c.json" "$T/p.anzen"
same "$T/c.json" "$D/small.json" "the replaced file holds the new export"
cp "$T/c.anzen" "$T/keep.anzen"
run 73 "import over an existing workbook is refused" "$ANZEN" import -o "$T/c.anzen" "$D/small.json"
same "$T/c.anzen" "$T/keep.anzen" "the existing workbook is untouched"
run 0 "import --force replaces a workbook" "$ANZEN" import --force -o "$T/c.anzen" "$D/small.json"
"$ANZEN" export -o "$T/f.json" "$T/c.anzen" 2>/dev/null
same "$T/f.json" "$D/small.json" "the replaced workbook holds the imported data"
run 73 "a missing output directory" "$ANZEN" export -o "$T/no/such/dir/x.json" "$T/p.anzen"
has "$T/err" "cannot create" "the message says it cannot create"
mkdir "$T/ro"
chmod 555 "$T/ro"
if [ "$(id -u)" -ne 0 ]; then ro=$T/ro; else ro=/sys; fi  # root ignores mode bits; /sys is not writable
run 73 "a read-only output directory" "$ANZEN" export -o "$ro/x.json" "$T/p.anzen"
run 73 "a read-only directory for import -o" "$ANZEN" import -o "$ro/x.anzen" "$D/small.json"
ls -A "$T/ro" >"$T/ls"
ok "$(wc -c <"$T/ls")" "nothing is left in the directory"

# Bad input: each fixture gives its message and exit code, the input stays as it was, no workbook appears.
for f in "$D"/json-bad/*.json; do
	name=$(basename "$f" .json)
	code=$(sed -n 1p "$D/json-bad/$name.expect")
	msg=$(sed -n 2p "$D/json-bad/$name.expect")
	cp "$f" "$T/in.json"
	run "$code" "$name: refused" "$ANZEN" import -o "$T/bad.anzen" "$T/in.json"
	has "$T/err" "$msg" "$name: message names the problem"
	[ ! -e "$T/bad.anzen" ]
	ok $? "$name: no workbook was created"
	same "$T/in.json" "$f" "$name: the input is unchanged"
done
run 65 "a file with many errors is refused" "$ANZEN" import -o "$T/bad.anzen" "$D/json-bad/many-errors.json"
n=$(grep -c 'must be from 1 to 5, not 9' "$T/err")
test "$n" -ge 4
ok $? "every error of one file is reported, not only the first ($n)"

# Generated bad input: invalid UTF-8, a 1 MB string, 100,000 elements, a directory, a missing file.
{ printf '{"format": "anzen-workbook", "version": 1, "clinic": {"name": "\344\275'; printf '\377"}}'; } >"$T/utf8.json"
run 65 "invalid UTF-8 is refused" "$ANZEN" import -o "$T/u.anzen" "$T/utf8.json"
has "$T/err" "invalid UTF-8" "the message says invalid UTF-8 and where"
awk 'BEGIN { printf "{\"format\": \"anzen-workbook\", \"version\": 1, \"clinic\": {\"name\": \""; for (i = 0; i < 1048576; i++) printf "x"; print "\"}}" }' >"$T/big.json"
run 65 "a 1 MB string is refused" "$ANZEN" import -o "$T/b.anzen" "$T/big.json"
has "$T/err" '$.clinic.name: text of 1048576 characters; it must have 0 to 200' "the message gives the length and the limit"
awk 'BEGIN { printf "{\"format\": \"anzen-workbook\", \"version\": 1, \"systems\": ["; for (i = 1; i <= 100000; i++) printf "%s{\"id\": %d, \"category\": \"nas\", \"name\": \"n\"}", (i > 1 ? "," : ""), i; print "]}" }' >"$T/many.json"
run 65 "100,000 systems are refused" "$ANZEN" import -o "$T/m.anzen" "$T/many.json"
has "$T/err" '$.systems: 100000 elements; a workbook holds at most 5000' "the message gives the count and the limit"
run 66 "a missing input file" "$ANZEN" import -o "$T/x.anzen" "$T/none.json"
run 66 "a directory as input" "$ANZEN" import -o "$T/x.anzen" "$T"
printf '{}' | "$ANZEN" import -o "$T/stdin.anzen" - 2>"$T/err"
ok $(( $? != 65 )) "standard input is read too (and refused when incomplete)"
done_testing

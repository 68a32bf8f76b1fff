#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# The changes 'anzen status' prints come from the earlier year's digest (model/changes_digest) where the
# workbook has one, and are the same without it (an older workbook); a snapshot changed outside anzen
# is never counted from its old digest, on the first run or the next; a damaged one is reported.
. "$top_srcdir/tests/lib.sh"
Y=$top_srcdir/tests/data/year
q() { sqlite3 "$1" "$2"; }
changes() { sed -n '/^Changes since/,$p' "$T/out" >"$1"; }

run 0 "a second-year workbook" "$ANZEN" import -o "$T/c.anzen" "$Y/changes.json"
[ "$(q "$T/c.anzen" "SELECT key FROM meta WHERE key GLOB 'changes *'")" = "changes 2026" ]
ok $? "it has the digest of its earlier year"
run 0 "status" "$ANZEN" status "$T/c.anzen"
changes "$T/digest"

cp "$T/c.anzen" "$T/old.anzen" && q "$T/old.anzen" "DELETE FROM meta WHERE key GLOB 'changes *'"
run 0 "status without the digest (an older workbook)" "$ANZEN" status "$T/old.anzen"
changes "$T/full"
same "$T/digest" "$T/full" "the same changes"

# a snapshot changed outside anzen: what it says now, from the first run on
for f in t u; do
	cp "$T/c.anzen" "$T/$f.anzen"
	q "$T/$f.anzen" "UPDATE history SET snapshot = replace(snapshot, '\"firmware\":\"', '\"firmware\":\"x')"
done
q "$T/u.anzen" "DELETE FROM meta WHERE key GLOB 'changes *'"
run 0 "status of the changed snapshot without its digest" "$ANZEN" status "$T/u.anzen"
changes "$T/want"
! cmp -s "$T/want" "$T/digest"
ok $? "the changed snapshot changes the changes"
for n in 1 2; do
	run 0 "status of the changed snapshot, run $n" "$ANZEN" status "$T/t.anzen"
	changes "$T/got"
	same "$T/got" "$T/want" "run $n: the changes of the snapshot as it is"
done

# the screens, which may write, drop that digest from the file and make it again from the snapshot as it is
printf 'q\n' >"$T/quit.keys"
screens() {
	env HOME="$T" XDG_STATE_HOME="$T/state" TERM=xterm ANZEN_HEADLESS=1 LINES=24 COLUMNS=80 \
		ANZEN_KEYS="$T/quit.keys" ANZEN_DUMP=/dev/null "$ANZEN" open "$1"
}
digest() { q "$1" "SELECT hex(value) FROM meta WHERE key GLOB 'changes *'"; }
old=$(digest "$T/t.anzen")
run 0 "the screens open it and quit" screens "$T/t.anzen"
new=$(digest "$T/t.anzen")
[ -n "$new" ] && [ "$new" != "$old" ]
ok $? "the digest of the changed snapshot is made again"
run 0 "status after the screens" "$ANZEN" status "$T/t.anzen"
changes "$T/got"
same "$T/got" "$T/want" "the changes of the snapshot as it is"

# a workbook of an older anzen, without digests, gets them from the screens, once
run 0 "the screens open the workbook without digests" screens "$T/old.anzen"
[ "$(digest "$T/old.anzen")" = "$(digest "$T/c.anzen")" ]
ok $? "it has the digest an import makes"
run 0 "status of it" "$ANZEN" status "$T/old.anzen"
changes "$T/got"
same "$T/got" "$T/full" "the same changes"

# a digest changed in place outside anzen is not used
cp "$T/c.anzen" "$T/b.anzen"
q "$T/b.anzen" "UPDATE meta SET value = substr(value, 1, 100) || X'FF' || substr(value, 102) WHERE key GLOB 'changes *'"
run 0 "status with a digest changed in place" "$ANZEN" status "$T/b.anzen"
changes "$T/got"
same "$T/got" "$T/full" "the changes of the snapshot"

# a damaged snapshot: the counts, then the reason, and a failure
cp "$T/c.anzen" "$T/d.anzen" && q "$T/d.anzen" "UPDATE history SET snapshot = 'not json'"
for n in 1 2; do
	run 65 "status of a damaged snapshot, run $n" "$ANZEN" status "$T/d.anzen"
	has "$T/err" "the earlier year 2026 cannot be read" "run $n: says which year cannot be read"
	has "$T/out" "Change log entries" "run $n: the counts are still printed"
done
run 0 "the screens open a workbook with a damaged snapshot" screens "$T/d.anzen"
run 65 "status after the screens" "$ANZEN" status "$T/d.anzen"
has "$T/err" "the earlier year 2026 cannot be read" "still says which year cannot be read"

# the next year keeps a digest of each earlier year
run 0 "next-year of the second year" "$ANZEN" next-year -o "$T/y3.anzen" "$T/c.anzen"
[ "$(q "$T/y3.anzen" "SELECT group_concat(key, ',') FROM (SELECT key FROM meta WHERE key GLOB 'changes *' ORDER BY key)")" = \
	"changes 2026,changes 2027" ]
ok $? "a digest of each earlier year"
run 0 "status of the third year" "$ANZEN" status "$T/y3.anzen"
changes "$T/y3"
cp "$T/y3.anzen" "$T/y3old.anzen" && q "$T/y3old.anzen" "DELETE FROM meta WHERE key GLOB 'changes *'"
run 0 "status of the third year without digests" "$ANZEN" status "$T/y3old.anzen"
changes "$T/y3full"
same "$T/y3" "$T/y3full" "the same changes"

# the demo moves its earlier year's dates and year with its own: its digest is made again
run 0 "the demo" env XDG_DATA_HOME="$T/xdg" "$ANZEN" demo </dev/null
W=$T/xdg/anzen/demo.anzen
[ "$(q "$W" "SELECT group_concat(m.key) FROM meta AS m JOIN history AS h ON m.key = 'changes ' || h.fiscal_year")" = \
	"$(q "$W" "SELECT group_concat('changes ' || fiscal_year) FROM history")" ]
ok $? "a digest of each of its earlier years"
run 0 "status of the demo" "$ANZEN" status "$W"
changes "$T/demo"
has "$T/demo" "Changes since" "it has changes"
cp "$W" "$T/demo-old.anzen" && q "$T/demo-old.anzen" "DELETE FROM meta WHERE key GLOB 'changes *'"
run 0 "status of the demo without digests" "$ANZEN" status "$T/demo-old.anzen"
changes "$T/demofull"
same "$T/demo" "$T/demofull" "the same changes"
done_testing

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# The change log through every way anzen writes a workbook: a field saved in the screens, import, new,
# a template, next-year, an older workbook migrated. Since schema version 4 its triggers are not stored
# in the file (a reader would parse them at each open) but made by each connection that writes.
. "$top_srcdir/tests/lib.sh"
D=$top_srcdir/tests/data
q() { sqlite3 "$1" "$2"; }
log() { q "$1" "SELECT tbl || '|' || row_key || '|' || field || '|' || coalesce(old, '') || '|' || coalesce(new, '') FROM changelog ORDER BY id"; }
# edit WORKBOOK: the clinic's first field, typed into and left in the screens (saved at once)
printf '<Enter>x<Tab><Esc>q\n' >"$T/edit.keys"
edit() {
	env HOME="$T" XDG_STATE_HOME="$T/state" TERM=xterm ANZEN_HEADLESS=1 LINES=24 COLUMNS=80 \
		ANZEN_KEYS="$T/edit.keys" ANZEN_DUMP=/dev/null "$ANZEN" open "$1" >"$T/out" 2>"$T/err"
}
stored() { q "$1" "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'log\_%' ESCAPE '\'"; }

# import: the log comes from the file, the workbook stores no log trigger, and an edit in the screens is logged
run 0 "import" "$ANZEN" import -o "$T/a.anzen" "$D/clinic.json"
[ "$(q "$T/a.anzen" "SELECT count(*) FROM changelog")" = 0 ]; ok $? "import: the file's log, nothing more"
[ "$(q "$T/a.anzen" "PRAGMA user_version")" = 4 ]; ok $? "import: schema version 4"
[ "$(stored "$T/a.anzen")" = 0 ]; ok $? "import: no change-log trigger stored in the file"
[ "$(q "$T/a.anzen" "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'changelog_no_%'")" = 2 ]
ok $? "the log's append-only guard is stored"
run 0 "status reads it" "$ANZEN" status "$T/a.anzen"
has "$T/out" "Change log entries     0" "status: no change yet"
edit "$T/a.anzen"; ok $? "a field saved in the screens"
[ "$(log "$T/a.anzen")" = "clinic|1|name|あんぜん歯科医院|あんぜん歯科医院x" ]; ok $? "the screens' save is logged"
run 0 "status after the edit" "$ANZEN" status "$T/a.anzen"
has "$T/out" "Change log entries     1" "status counts it"
q "$T/a.anzen" "DELETE FROM changelog" 2>/dev/null; [ $? -ne 0 ]; ok $? "the log stays append-only"

# new and a template: the first row of the assessment is logged, as before; then a saved field
for t in "" dental-clinic; do
	rm -f "$T/n.anzen"
	run 0 "new ${t:-(empty)}" "$ANZEN" new ${t:+--template "$t"} "$T/n.anzen"
	[ "$(q "$T/n.anzen" "SELECT group_concat(tbl || field) FROM changelog")" = "assessment+" ]
	ok $? "new ${t:-(empty)}: the assessment's row is logged"
	[ "$(stored "$T/n.anzen")" = 0 ]; ok $? "new ${t:-(empty)}: no trigger stored"
	edit "$T/n.anzen"; ok $? "new ${t:-(empty)}: a field saved"
	[ "$(q "$T/n.anzen" "SELECT count(*) FROM changelog WHERE tbl = 'clinic' AND field = 'name'")" = 1 ]
	ok $? "new ${t:-(empty)}: the save is logged"
done

# next-year: the new year's log starts empty, and its edits are logged
run 0 "next-year" "$ANZEN" next-year -o "$T/b.anzen" "$T/a.anzen"
[ "$(q "$T/b.anzen" "SELECT count(*) FROM changelog")" = 0 ]; ok $? "next-year: the new log starts empty"
edit "$T/b.anzen"; ok $? "next-year: a field saved"
[ "$(log "$T/b.anzen")" = "clinic|1|name|あんぜん歯科医院x|あんぜん歯科医院xx" ]; ok $? "next-year: the save is logged"

# every kind of line, in the order the stored triggers wrote them (the columns of version 3 first)
"$top_builddir/tests/sql_edit" "$T/b.anzen" "UPDATE risks SET likelihood = CASE likelihood WHEN 1 THEN 2 ELSE 1 END, score_basis = 'changed',
 confirmed_by = 'X' WHERE id = 1;
INSERT INTO vendors (id, name) VALUES (99, '新しい業者');
DELETE FROM vendors WHERE id = 99;
UPDATE vendor_answers SET note = 'n' WHERE (vendor_id, question) = (SELECT vendor_id, question FROM vendor_answers LIMIT 1);
INSERT INTO facts (id, fact, answer) VALUES (99, 'f', 'yes');
UPDATE facts SET answer = 'no' WHERE id = 99;"
ok $? "scripted edits through the store"
q "$T/b.anzen" "SELECT tbl || ' ' || field FROM changelog WHERE id > 1 ORDER BY id" >"$T/lines"
printf '%s\n' "risks score_basis" "risks confirmed_by" "risks likelihood" "vendors +" "vendors -" "vendor_answers note" \
	"facts +" "facts answer" >"$T/want"
same "$T/lines" "$T/want" "updates, inserts and deletes logged in order"

# an older workbook: opened for writing, its stored triggers are dropped and its edits still logged
q "$T/v3.anzen" ".read $D/schema-v3.sql"
chmod 600 "$T/v3.anzen"
[ "$(stored "$T/v3.anzen")" = 31 ]; ok $? "a version-3 workbook stores its log triggers"
run 0 "status of a version-3 workbook" "$ANZEN" status "$T/v3.anzen"
[ "$(q "$T/v3.anzen" "PRAGMA user_version")" = 3 ]; ok $? "read-only: left at version 3"
edit "$T/v3.anzen"; ok $? "version 3: a field saved"
[ "$(q "$T/v3.anzen" "PRAGMA user_version")" = 4 ] && [ "$(stored "$T/v3.anzen")" = 0 ]
ok $? "version 3: migrated to 4, the triggers dropped"
[ "$(q "$T/v3.anzen" "SELECT count(*) FROM changelog WHERE tbl = 'clinic' AND field = 'name'")" = 1 ]
ok $? "version 3: the save is logged"

done_testing

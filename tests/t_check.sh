#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# anzen check: the workbook's self-check from the command line, as a user runs it; the same list
# in anzen status and in the PDF.
. "$top_srcdir/tests/lib.sh"
q() { sqlite3 "$1" "$2"; }

run 0 "check --help" "$ANZEN" check --help
has "$T/out" "Usage: anzen check" "the help names the command"
run 64 "no workbook" "$ANZEN" check
run 64 "an unknown format" "$ANZEN" check --format xml "$T/none.anzen"
run 66 "a missing workbook" "$ANZEN" check "$T/none.anzen"
printf 'not a workbook' >"$T/bad.anzen"
run 65 "a file that is not a workbook" "$ANZEN" check "$T/bad.anzen"

# the demo is consistent
run 0 "the demo: nothing found" "$ANZEN" demo "$T/demo.anzen" </dev/null
run 0 "check the demo" "$ANZEN" check "$T/demo.anzen"
[ ! -s "$T/out" ]; ok $? "prints nothing"
run 0 "check the demo as JSON" "$ANZEN" check --format json "$T/demo.anzen"
[ "$(cat "$T/out")" = "[]" ]; ok $? "an empty JSON array"

# each contradiction of the issue, made in a copy of the demo, is named with its item
contradiction() { # SQL ID ITEM DESCRIPTION
	cp "$T/demo.anzen" "$T/c.anzen" && q "$T/c.anzen" "$1" || { ok 1 "$4: set up"; return; }
	run 1 "$4: exit 1" "$ANZEN" check "$T/c.anzen"
	grep -q "^$2  $3  " "$T/out"; ok $? "$4: '$2  $3' reported"
	[ $? -eq 0 ] || sed 's/^/#   /' "$T/out"
}
contradiction "UPDATE vendors SET mds_sds_received = NULL WHERE id = 1;
	UPDATE checklist_answers SET answer = 'yes', target_at = NULL WHERE item = '2-(3)'" \
	checklist-contradicted "2-③" "2-③ MDS/SDS Yes while a vendor sent none"
contradiction "UPDATE actions SET status = 'planned', done_at = NULL, due = date('now', '+30 days') WHERE control = 'source_restriction';
	UPDATE checklist_answers SET answer = 'yes', target_at = NULL WHERE item = '2-(9)'" \
	checklist-contradicted "2-⑬" "2-⑬ source restriction Yes while its action is open"
contradiction "UPDATE systems SET firmware = '' WHERE category = 'vpn_router';
	UPDATE checklist_answers SET answer = 'yes', target_at = NULL WHERE item = '2-(7)'" \
	checklist-contradicted "2-⑥" "2-⑥ patches Yes while the VPN firmware is unknown"
contradiction "UPDATE checklist_answers SET answer = 'yes', target_at = NULL WHERE item = '3-(2)'" \
	checklist-contradicted "3-②" "3-② backup Yes while the offline backup is in progress"
contradiction "UPDATE checklist_answers SET target_at = NULL WHERE item = '1-(2)'" \
	checklist-no-target "1-(2)" "a No without 目標日"
contradiction "UPDATE checklist_answers SET target_at = '2099-01-31' WHERE item = '1-(2)'" \
	checklist-target-year "1-(2)" "a 目標日 after the fiscal year"
contradiction "UPDATE checklist_answers SET checked_at = NULL WHERE item = '1-(1)'" \
	checklist-no-date "1-①" "an answer without 確認日"
contradiction "UPDATE checklist_answers SET answer = 'na' WHERE item = '3-(3)'" \
	checklist-answer-kind "3-③" "該当なし where the form has no such answer"
contradiction "UPDATE actions SET due = date('now', '-1 day') WHERE status = 'planned' AND id = (SELECT min(id) FROM actions WHERE status = 'planned')" \
	action-overdue ".*" "an overdue action"
contradiction "UPDATE risks SET treatment = NULL WHERE id = 1" \
	risk-undecided ".*" "an S risk without a treatment"
contradiction "UPDATE risks SET accepted_by = '' WHERE threat = 'lte_bypass'" \
	risk-unapproved ".*" "an A risk transferred without 経営層 approval"
contradiction "UPDATE vendor_answers SET answer = 'yes', value = '' WHERE question = 'vendor_checklist' AND vendor_id = 2" \
	vendor-answer-kind "架空メディカルイメージング" "a 「いつ」 question answered Yes"
contradiction "DELETE FROM vendor_answers WHERE question = 'vendor_checklist' AND vendor_id = 3" \
	vendor-no-form "まちのネットワーク工房" "a vendor without its 事業者確認用 form"
contradiction "INSERT INTO changelog (at, tbl, row_key, field, old, new) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '+1 day'), 'risks', '1', 'likelihood', '4', '5')" \
	approval-before-change ".*" "an approval older than the last change"
contradiction "DELETE FROM contacts WHERE kind = 'authority'" \
	contacts-no-outside ".*" "a contact chart without an outside body"

# the same findings in JSON, in status, and refused at import
cp "$T/demo.anzen" "$T/c.anzen"
q "$T/c.anzen" "DELETE FROM contacts WHERE kind = 'authority'"
run 1 "JSON" "$ANZEN" check --format json "$T/c.anzen"
[ "$(sqlite3 :memory: "SELECT json_valid(readfile('$T/out'))")" = 1 ]; ok $? "is valid JSON"
has "$T/out" '"id": "contacts-no-outside"' "with the finding's id"
run 0 "status" "$ANZEN" status "$T/c.anzen"
has "$T/out" "contacts-no-outside" "status lists the findings"
run 0 "export the vendor answer of the wrong kind" "$ANZEN" export -o "$T/c.json" "$T/c.anzen"
sed 's/"answer": null, "confirmed_at": "\([0-9-]*\)", "note": "", "question": "vendor_checklist"/"answer": "yes", "confirmed_at": "\1", "note": "", "question": "vendor_checklist"/' \
	"$T/c.json" >"$T/wrong.json"
run 65 "import refuses a date question answered Yes" "$ANZEN" import -o "$T/wrong.anzen" "$T/wrong.json"
has "$T/err" "vendor_checklist" "naming the question"
[ ! -e "$T/wrong.anzen" ]; ok $? "and writes nothing"

# every item whose number or wording was not seen in an official copy says so, in the PDF and on screen
if command -v pdftotext >/dev/null && command -v msgfmt >/dev/null; then
	mkdir -p "$T/locale/ja/LC_MESSAGES" && msgfmt -o "$T/locale/ja/LC_MESSAGES/anzen.mo" "$top_srcdir/po/ja.po"
	ANZEN_LOCALEDIR=$T/locale && export ANZEN_LOCALEDIR
	run 0 "the demo's PDF" "$ANZEN" export --format pdf -o "$T/demo.pdf" "$T/demo.anzen"
	pdftotext -enc UTF-8 -raw "$T/demo.pdf" - | tr -d '\n' >"$T/demo.txt"
	want=$(grep -c '^    unverified: true' "$top_srcdir/guideline/checklists/r7-clinic.yaml")
	# the checklist section: from its title to the 要確認事項 after it
	# (the mark right after each number, explained once under the table; an official wording
	# such as 2-⑦'s may hold a ※ of its own, which is not a mark)
	grep -oP '医療機関確認用\)(?:(?!医療機関確認用\)).)*?要確認事項' "$T/demo.txt" | tail -1 >"$T/section.txt"
	got=$(grep -oP '[0-9)\x{2460}-\x{2473}]※(?!番号・文言)' "$T/section.txt" | wc -l)
	[ "$got" -eq "$want" ] && grep -q '※番号・文言は公式様式で確認してください' "$T/section.txt"
	ok $? "each of the $want unverified items carries the mark in the PDF's checklist ($got)"
	grep -q '事業者確認用 [0-9]-[^ ]*※' "$T/demo.txt"; ok $? "and the vendor forms mark their unverified numbers"
	grep -q '要確認事項' "$T/demo.txt" && grep -q 'なし。ワークブックの自己点検で' "$T/demo.txt"
	ok $? "the PDF says the self-check found nothing"
	grep -q '事業者確認用: 令和7年度版 医療機関におけるサイバーセキュリティ対策チェックリスト(事業者確認用)' "$T/demo.txt" &&
		grep -q '事業者確認用 3-①※ はい はい はい はい はい' "$T/demo.txt"
	ok $? "the PDF prints the vendors' 事業者確認用 forms as their answers fill them, one row per item"
	cp "$T/demo.anzen" "$T/c.anzen"
	q "$T/c.anzen" "DELETE FROM contacts WHERE kind = 'authority'"
	run 0 "a PDF with a finding" "$ANZEN" export --format pdf -o "$T/c.pdf" "$T/c.anzen"
	pdftotext -enc UTF-8 -raw "$T/c.pdf" - | tr -d '\n' >"$T/c.txt"
	grep -q '連絡体制図に外部の連絡先がありません' "$T/c.txt"; ok $? "the PDF lists the finding in Japanese"
	! grep -q 'contacts-no-outside' "$T/c.txt"; ok $? "without its internal id"
fi
done_testing

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# anzen aggregate counts members right: Q6 over every vendor of a remote-maintenance, VPN or router
# system; Q7 only for a vendor form that came back; a file without a clinic is not a member; one
# clinic given three ways counts once; the untouched cloud-only template allows no remote
# maintenance. Each case is counted by hand in its comment.
. "$top_srcdir/tests/lib.sh"
q() { sqlite3 "$1" "$2"; }
# question LINE-FILE Qn YES BASE: the CSV row of one question
question() {
	tr -d '\r' <"$1" | grep -q "^question,$2,.*,$3,$4,"
	ok $? "$5 ($2: $3 of $4)"
	[ $? -eq 0 ] || tr -d '\r' <"$1" | grep "^question,$2," | sed 's/^/#   /'
}

# one clinic: a receipt computer (patient data) from vendor 1, a VPN router (no patient data)
# from vendor 2; both returned the vendor form, vendor 1 says the contract names who is responsible
"$ANZEN" new "$T/a.anzen" >/dev/null 2>&1 || exit 1
q "$T/a.anzen" "UPDATE clinic SET name = 'A歯科', address = '東京都1', phone = '03-1';
INSERT INTO vendors (id, name) VALUES (1, 'レセコン社'), (2, 'ルータ社');
INSERT INTO systems (id, category, name, vendor_id, remote_maintenance, holds_patient_data, connection)
  VALUES (1, 'rececon', 'レセコン', 1, 'no', 1, 'closed_network'),
         (2, 'vpn_router', 'VPNルータ', 2, 'yes', 0, 'internet_vpn');
INSERT INTO vendor_answers (vendor_id, question, answer, value) VALUES
  (1, 'e', 'yes', ''), (2, 'e', 'no', ''),
  (1, 'vendor_checklist', NULL, '2026-05-01'), (2, 'vendor_checklist', NULL, '2026-05-02');"
run 0 "one clinic" "$ANZEN" aggregate -o "$T/1.csv" "$T/a.anzen"
# Q6: vendors 1 (patient data) and 2 (VPN router): 2 said no, so the clinic is no: 0 of 1
question "$T/1.csv" Q6 0 1 "Q6 counts the VPN router's vendor"
# Q7: both forms came back: 1 of 1
question "$T/1.csv" Q7 1 1 "Q7 with both forms returned"

# the router's vendor answered the form question No (with a confirmation date): not returned
q "$T/a.anzen" "UPDATE vendor_answers SET value = '', answer = 'no', confirmed_at = '2026-05-02'
  WHERE vendor_id = 2 AND question = 'vendor_checklist'"
run 0 "a form answered No" "$ANZEN" aggregate -o "$T/2.csv" "$T/a.anzen"
question "$T/2.csv" Q7 0 1 "Q7: a No is not a returned form"

# the same clinic as .anzen, .json and .pdf: read once, the copies listed as skipped (exit 65)
"$ANZEN" export -o "$T/a.json" "$T/a.anzen" || exit 1
if "$ANZEN" export --format pdf -o "$T/a.pdf" "$T/a.anzen" 2>/dev/null; then copies="$T/a.json $T/a.pdf"; n=2
else copies="$T/a.json"; n=1; fi
run 65 "one clinic given $((n + 1)) ways" "$ANZEN" aggregate -o "$T/3.csv" "$T/a.anzen" $copies
has "$T/3.csv" "summary,read,workbooks read,1" "is read once"
has "$T/3.csv" "summary,skipped,files skipped,$n" "the copies are skipped"
has "$T/err" "the same clinic and fiscal year as" "and said to be copies"
question "$T/3.csv" Q1 1 1 "Q1 counts the clinic once"

# a stub JSON with no clinic is not a member
printf '{"format": "anzen-workbook", "version": 2}' >"$T/stub.json"
run 65 "a file without a clinic" "$ANZEN" aggregate -o "$T/4.csv" "$T/a.anzen" "$T/stub.json"
has "$T/err" "stub.json: skipped: no clinic in it" "is skipped, saying why"
has "$T/4.csv" "summary,read,workbooks read,1" "and not counted"
question "$T/4.csv" Q1 1 1 "Q1 over the member only"

# the untouched cloud-only template: its router is not a maintenance VPN, so Q1 is no: 0 of 1
"$ANZEN" new --template cloud-only "$T/cloud.anzen" >/dev/null 2>&1 || exit 1
q "$T/cloud.anzen" "UPDATE clinic SET name = 'クラウド医院'"
run 0 "the cloud-only template" "$ANZEN" aggregate -o "$T/5.csv" "$T/cloud.anzen"
question "$T/5.csv" Q1 0 1 "Q1: no remote maintenance in the untouched cloud-only template"
done_testing

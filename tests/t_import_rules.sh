#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# Import keeps the rules the screens keep (model/rule_check.c): each break refused with exit 65, naming
# the risk (or fact) and the rule, and no workbook written.
. "$top_srcdir/tests/lib.sh"
D=$top_srcdir/tests/data

refused() { # refused NAME DESCRIPTION WHERE RULE  (reads $T/NAME.json)
	run 65 "$2 is refused" "$ANZEN" import -o "$T/$1.anzen" "$T/$1.json"
	has "$T/err" "$3" "it names $3"
	has "$T/err" "$4" "and the rule"
	[ ! -e "$T/$1.anzen" ]
	ok $? "no workbook is left behind"
}

run 0 "the generated clinic keeps every rule" "$ANZEN" import -o "$T/ok.anzen" "$D/small.json"

sed 's/"id": 1, "likelihood": 2, "rationale": "理由1", "residual_likelihood": 1/"id": 1, "likelihood": 2, "rationale": "理由1", "residual_likelihood": 5/' \
	"$D/small.json" >"$T/residual.json"
refused residual "a residual score above the current one" "risk 1 (" \
	"The residual risk cannot be higher than the risk before treatment"

sed 's/"accepted_at": "2026-06-01", "accepted_by": "安全 太郎", \(.*\)"id": 3,/"accepted_at": null, "accepted_by": "", \1"id": 3,/' \
	"$D/small.json" >"$T/accept.json"
refused accept "an S risk accepted without approval in an approved assessment" "risk 3 (" \
	"only with the approval of the management"
sed 's/"id": 3,/&/; s/"approved_at": "2026-06-01", "approved_by": "安全 太郎"/"approved_at": null, "approved_by": ""/' \
	"$T/accept.json" >"$T/unapproved.json"
run 0 "the same before the assessment is approved (a new year's copy) is accepted" \
	"$ANZEN" import -o "$T/unapproved.anzen" "$T/unapproved.json"

sed 's/"risk_id": 4,/"risk_id": 1,/; s/\("id": 4, .*\)"treatment": "avoid"/\1"treatment": "reduce"/' \
	"$D/small.json" >"$T/reduce.json"
refused reduce "an A risk reduced without an action" "risk 4 (" "reduced only with at least one action"

sed 's/"facts": \[\]/"facts": [{"answer": "yes", "fact": "firmware_updated", "id": 1, "system_id": 1, "value": null, "vendor_id": null}]/' \
	"$D/small.json" >"$T/date.json"
refused date "a date question answered yes" "fact 1 (" "asks for a date"

sed 's/"facts": \[\]/"facts": [{"answer": "no", "fact": "password_long", "id": 1, "system_id": null, "value": null, "vendor_id": null}]/' \
	"$D/small.json" >"$T/fact.json"
run 0 "a clinic fact answered no is accepted" "$ANZEN" import -o "$T/fact.anzen" "$T/fact.json"
run 0 "and exported" "$ANZEN" export -o "$T/fact.out.json" "$T/fact.anzen"
has "$T/fact.out.json" '{"answer": "no", "fact": "password_long", "id": 1, "system_id": null, "value": null, "vendor_id": null}' \
	"the fact is exported"
run 0 "re-imported" "$ANZEN" import -o "$T/fact2.anzen" "$T/fact.out.json"
run 0 "re-exported" "$ANZEN" export -o "$T/fact2.out.json" "$T/fact2.anzen"
same "$T/fact2.out.json" "$T/fact.out.json" "facts survive a byte-identical round trip"
run 0 "next year from a workbook with facts" "$ANZEN" next-year -o "$T/fact-next.anzen" "$T/fact.anzen"
run 0 "its export" "$ANZEN" export -o "$T/fact-next.json" "$T/fact-next.anzen"
has "$T/fact-next.json" '{"answer": "no", "fact": "password_long", "id": 1, "system_id": null' "the facts are carried into the next year"

# a template's usual answers are checked like the rest of the catalogue, as file:line:col
mkdir "$T/cat" && cp -R "$top_srcdir/guideline/." "$T/cat/" && chmod -R u+w "$T/cat"
cat >"$T/cat/templates/bad-facts.yaml" <<'YAML'
title: {ja: "悪い例", en: "Bad"}
description: {ja: "事実の誤り", en: "Wrong facts"}
facts:
  nosuch: "yes"
  firmware_updated: "yes"
  lockout: maybe
YAML
run 65 "a template with wrong facts is refused" "$ANZEN" guideline check "$T/cat"
has "$T/err" "templates/bad-facts.yaml:4:3: unknown fact 'nosuch'" "an unknown fact, with its place"
has "$T/err" "templates/bad-facts.yaml:5:21: 'firmware_updated' is answered with a date or unknown" "a date fact answered yes"
has "$T/err" "templates/bad-facts.yaml:6:12: 'lockout' is answered yes, no or unknown" "an answer of no kind"
(cd "$T" && ANZEN_GUIDELINE="$top_srcdir/guideline" "$ANZEN" new --template dental-clinic tpl.anzen) >/dev/null 2>&1
"$ANZEN" export -o "$T/tpl.json" "$T/tpl.anzen" >/dev/null 2>&1
grep -qF '{"answer": "no", "fact": "contractor_link", "id": 1, "system_id": null' "$T/tpl.json"
ok $? "the template's usual answers are in the new workbook"

# the demo is a complete, consistent assessment: it keeps every rule and every risk is decided
run 0 "the demo keeps every rule" "$ANZEN" import -o "$T/demo.anzen" "$top_srcdir/guideline/demo/dental-clinic.json"
ANZEN_GUIDELINE="$top_srcdir/guideline" "$ANZEN" status "$T/demo.anzen" >"$T/status" 2>&1
grep -qE '^  Risks +100%' "$T/status"
ok $? "the demo's risk step is 100 %"
grep -qE '^  (Clinic and roles|Contact chart|Systems|Checklist|Approval) +100%' "$T/status"
ok $? "and its other steps"
done_testing

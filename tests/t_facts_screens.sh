#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# Golden screens of the facts questions and the one-decision-per-threat risk step on a workbook made from
# the dental-clinic template (every fact unanswered, so "don't know" drives the suggestions). Each
# tests/data/facts_screens/NAME.keys starts with "# screen: SCREEN" (tests/open_screen.c); its dumps must
# equal NAME.LANG.COLSxROWS.txt in en and ja at 80x24 and 120x40. tests/golden.sh runs and compares.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/golden.sh"
ja_catalogue
data=$top_srcdir/tests/data/facts_screens
(cd "$T" && ANZEN_GUIDELINE="$top_srcdir/guideline" "$ANZEN" new --template dental-clinic base.anzen) >/dev/null 2>&1 ||
	{ echo "Bail out! anzen new"; exit 99; }
golden_wb=$T/base.anzen golden_epoch=1795000000

# open_at LANGUAGE COLS ROWS SCREEN KEYS: tests/open_screen on a fresh copy of the workbook
open_at() { headless "$1" "$2" "$3" "$5" "$top_builddir/tests/open_screen" "$4" wb.anzen; }
screen() { # NAME LANG COLS ROWS KEYS
	open_at "$2" "$3" "$4" "$(sed -n 's/^# screen: //p' "$5" | head -1)" "$5"
}
golden_all "$data" screen

# what the scripts did is in the workbook
open_at "" 80 24 threats "$data/exception.keys"
"$ANZEN" export --format json -o "$T/out.json" "$T/run/wb.anzen" >/dev/null 2>&1
if grep -F '"threat": "vpn_vuln"' "$T/out.json" | grep -qF '"exception": true'; then
	pass "the exception is saved on its risk"
else
	fail "the exception is saved on its risk"
fi
open_at "" 80 24 threats "$data/dismissed.keys"
"$ANZEN" export --format json -o "$T/out2.json" "$T/run/wb.anzen" >/dev/null 2>&1
if grep -F '"dismissed": "no_device"' "$T/out2.json" | grep -qF '"treatment": null'; then
	pass "the dismissal is saved with its reason, not as an acceptance"
else
	fail "the dismissal is saved with its reason"
fi
done_testing

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# Golden screens of the assessment screens (risks, treatment, checklist, heatmap) on the clinic
# fixture, opened directly by tests/open_screen. Each tests/data/assessment_screens/NAME.keys starts with
# "# screen: SCREEN" (see tests/open_screen.c); every <Dump> appends the screen to the dump, which
# must equal NAME.LANG.COLSxROWS.txt. ja uses the Japanese of po/ja.po, built
# here into a private message catalogue. tests/golden.sh runs and compares.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/golden.sh"
ja_catalogue
data=$top_srcdir/tests/data/assessment_screens
"$ANZEN" import -o "$T/base.anzen" "$top_srcdir/tests/data/clinic.json" >/dev/null 2>&1 || { echo "Bail out! import"; exit 99; }
golden_wb=$T/base.anzen

# open_at LANGUAGE COLS ROWS SCREEN KEYS: tests/open_screen on a fresh copy of the fixture
open_at() { headless "$1" "$2" "$3" "$5" "$top_builddir/tests/open_screen" "$4" wb.anzen; }
screen() { # NAME LANG COLS ROWS KEYS
	open_at "$2" "$3" "$4" "$(sed -n 's/^# screen: //p' "$5" | head -1)" "$5"
}
golden_all "$data" screen

# the ja screens really are in Japanese (the message catalogue was found)
if grep -q "リスク評価" "$data/risks.ja.80x24.txt" && grep -q "対応" "$data/treat.ja.80x24.txt" &&
	grep -q "確認日" "$data/checklist.ja.80x24.txt" && grep -q "対応後" "$data/heatmap.ja.80x24.txt"; then
	pass "the ja goldens show Japanese labels"
else
	fail "the ja goldens show Japanese labels"
fi

# what the key scripts did is in the workbook: export (one row a line, keys sorted) and look
open_at "" 80 24 risks "$data/risks.keys"
"$ANZEN" export --format json -o "$T/out.json" "$T/run/wb.anzen" >/dev/null 2>&1
if grep '"likelihood": 4,' "$T/out.json" | grep '"severity": 3,' | grep -q '"system_id": 1,' &&
	! grep -q '"id": 16, "likelihood"' "$T/out.json" && ! grep -q '"risk_id": 16,' "$T/out.json"; then
	pass "the export has the new score (likelihood 4, severity 3) and not the deleted risk or its actions"
else
	fail "scoring and deleting from the risk list are saved"
fi

# control characters and escape sequences in workbook text never reach the terminal
sed -e 's/"name": "レセコン"/"name": "Evil\\u001b[31mRed\\u0007 system"/' \
	-e '0,/"title": ""/s//"title": "x\\u001b]0;title\\u0007y"/' "$top_srcdir/tests/data/clinic.json" >"$T/evil.json" &&
	"$ANZEN" import -o "$T/evil.anzen" "$T/evil.json" >/dev/null 2>&1 || { echo "Bail out! evil import"; exit 99; }
cp "$T/base.anzen" "$T/base.keep" && cp "$T/evil.anzen" "$T/base.anzen"
printf '<Dump><Enter><Dump>q<Home><Enter><Dump><Enter><Dump>' >"$T/evil.keys"
open_at "" 80 24 risks "$T/evil.keys"
if [ $rc -eq 0 ] && grep -q "Evil.\[31mRed. system" "$T/run/dump" && ! LC_ALL=C grep -q "$(printf '\033')" "$T/run/dump" &&
	! LC_ALL=C grep -q "$(printf '\007')" "$T/run/dump"; then
	pass "escape sequences in a system name and a risk title are shown harmless"
else
	fail "hostile workbook text (exit $rc)"; sed 's/^/# /' "$T/run/dump" | head -30
fi
cp "$T/base.keep" "$T/base.anzen"

open_at "" 80 24 nosuch "$data/risks.keys"
if [ $rc -eq 64 ] && grep -q "unknown screen" "$T/run/stderr"; then pass "unknown screen: exit 64"; else fail "unknown screen (exit $rc)"; fi
open_at "" 80 24 treat:999999 "$data/risks.keys"
if [ $rc -eq 65 ] && grep -q "no longer in the workbook" "$T/run/stderr"; then pass "a risk that does not exist: message, exit 65"; else fail "missing risk (exit $rc)"; fi

done_testing

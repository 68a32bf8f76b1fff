#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# The years screen from the home screen (entry 0), headless with golden screens in en and ja at
# 80x24 and 120x40, on a workbook made by 'anzen next-year' from tests/data/clinic.json and then
# edited; then its action: 'a' and 'y' start the next year beside the workbook, which 'anzen status'
# shows with the earlier years; an existing file is refused.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP sqlite3 not installed"; exit 77; }
. "$top_srcdir/tests/golden.sh"
ja_catalogue
data=$top_srcdir/tests/data/years_tui

# last year's workbook, this year's made from it, and an edit in this year
"$ANZEN" import -o "$T/last.anzen" "$top_srcdir/tests/data/clinic.json" >/dev/null &&
	"$ANZEN" next-year -o "$T/clinic.anzen" "$T/last.anzen" >/dev/null &&
	sqlite3 "$T/clinic.anzen" "UPDATE systems SET firmware = 'Rev.23.01' WHERE id = 1;" ||
	{ echo "Bail out! the workbooks"; exit 99; }

# open_years LANGUAGE COLS ROWS KEYS: anzen open clinic.anzen (a fresh copy) in $T/run
golden_wb=$T/clinic.anzen golden_wb_name=clinic.anzen
open_years() { headless "$1" "$2" "$3" "$4" "$ANZEN" open clinic.anzen; }
screen() { # NAME LANG COLS ROWS KEYS
	open_years "$2" "$3" "$4" "$5"
	if [ -e "$T/run/clinic-2028.anzen" ]; then fail "$1 $2 $3x$4: 'n' created nothing"; fi
}
golden_all "$data" screen

# a and y: the next year beside the workbook, this one unchanged
printf '0ay<Dump>' >"$T/yes.keys"
open_years ja 80 24 "$T/yes.keys"
# (the message wraps at 80 columns: joined first)
if [ $rc -eq 0 ] && [ -s "$T/run/clinic-2028.anzen" ] && tr -d '\n' <"$T/run/dump" |
	grep -qF "clinic-2028.anzen を 2028 年度用に作成しました。開くには: anzen openclinic-2028.anzen"; then
	pass "a, y: clinic-2028.anzen created, the message names it and how to open it"
else
	fail "a, y (exit $rc)"; sed 's/^/# /' "$T/run/dump" "$T/run/stderr" | tail -8
fi
"$ANZEN" status "$T/run/clinic-2028.anzen" >"$T/status" 2>&1
if grep -q "Earlier years: 2027 2026" "$T/status" && grep -q "Changes since fiscal year 2027:" "$T/status"; then
	pass "anzen status on the new file shows the earlier years"
else
	fail "anzen status on the new file"; sed 's/^/# /' "$T/status" | head -8
fi
if sqlite3 "$T/run/clinic.anzen" "SELECT fiscal_year FROM assessment" | grep -qx 2027 &&
	[ "$(sqlite3 "$T/run/clinic-2028.anzen" "SELECT fiscal_year FROM assessment")" = 2028 ] &&
	[ "$(sqlite3 "$T/run/clinic-2028.anzen" "SELECT firmware FROM systems WHERE id = 1")" = Rev.23.01 ]; then
	pass "the open workbook stays 2027; the new one is 2028 with the edit carried over"
else
	fail "the years of the two workbooks"
fi

# an existing file is refused with a message, and left alone
printf '0a<Dump>' >"$T/exists.keys"
rm -rf "$T/keep" && mkdir "$T/keep" && printf 'not a workbook\n' >"$T/keep/clinic-2028.anzen" &&
	cp "$T/keep/clinic-2028.anzen" "$T/x" && cp "$T/clinic.anzen" "$T/keep/clinic.anzen" || exit 99
(cd "$T/keep" && env -i PATH="$PATH" HOME="$T/keep" ${ASAN_OPTIONS:+ASAN_OPTIONS="$ASAN_OPTIONS"} \
	${UBSAN_OPTIONS:+UBSAN_OPTIONS="$UBSAN_OPTIONS"} TERM=xterm-256color LC_ALL=C.UTF-8 NO_COLOR=1 \
	ANZEN_HEADLESS=1 COLUMNS=80 LINES=24 ANZEN_KEYS="$T/exists.keys" ANZEN_DUMP="$T/keep/dump" \
	"$ANZEN" open clinic.anzen >/dev/null 2>&1)
if grep -q "clinic-2028.anzen already exists; nothing was created." "$T/keep/dump" &&
	cmp -s "$T/x" "$T/keep/clinic-2028.anzen"; then
	pass "an existing clinic-2028.anzen is refused with a message and not touched"
else
	fail "an existing file"; sed 's/^/# /' "$T/keep/dump" | tail -5
fi

done_testing

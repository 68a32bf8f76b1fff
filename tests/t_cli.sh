#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# The command line: help, version, exit codes, new/status, refusal of bad workbooks.
. "$top_srcdir/tests/lib.sh"

run 0 "--help" "$ANZEN" --help
has "$T/out" "Usage: anzen [COMMAND]" "--help prints the usage"
cp "$T/out" "$T/help"
for c in open new status export import; do
	has "$T/help" "  $c " "--help lists '$c'"
	run 0 "$c --help" "$ANZEN" "$c" --help
	has "$T/out" "Usage: anzen $c" "$c --help prints its usage"
done
run 0 "--version" "$ANZEN" --version
has "$T/out" "anzen " "--version names the program"
run 64 "an unknown command" "$ANZEN" frobnicate
has "$T/err" "Try 'anzen --help'" "the message points to --help"
run 64 "an unknown option" "$ANZEN" status --frobnicate x
run 64 "a missing argument" "$ANZEN" new
run 64 "export without -o" "$ANZEN" export "$T/w.anzen"
run 64 "an unknown export format" "$ANZEN" export --format docx -o "$T/x" "$T/w.anzen"
run 64 "status does not take --force" "$ANZEN" status --force "$T/w.anzen"

# The man page documents every option --help shows.
for c in "" open new status export import; do
	"$ANZEN" $c --help | grep -oE -- '--[a-z][a-z-]+' | sort -u
done | sort -u >"$T/opts"
while read -r o; do
	grep -qF -- "$(printf '%s' "$o" | sed 's/-/\\-/g')" "$top_srcdir/anzen.1.in"
	ok $? "anzen.1 documents $o"
done <"$T/opts"

# new and status
run 0 "new creates a workbook" "$ANZEN" new "$T/w.anzen"
ok "$(stat -c %a "$T/w.anzen" | grep -qx 600; echo $?)" "the workbook has mode 0600"
run 73 "new refuses an existing file" "$ANZEN" new "$T/w.anzen"
run 0 "new --force replaces it" "$ANZEN" new --force "$T/w.anzen"
run 0 "status" "$ANZEN" status "$T/w.anzen"
has "$T/out" "Systems" "status counts systems"
has "$T/out" "Fiscal year:" "status gives the fiscal year"
has "$T/out" "Progress:" "status gives the progress per step"
has "$T/out" "Systems                  0%  0/1" "an empty inventory is 0 of 1 done"
"$ANZEN" import -o "$T/cl.anzen" "$top_srcdir/tests/data/clinic.json" >/dev/null 2>&1
run 0 "status of a filled workbook" "$ANZEN" status "$T/cl.anzen"
has "$T/out" "Clinic and roles        33%  5/15" "the clinic step counts its ten questions on how it works"
has "$T/out" "Answer the clinic's questions on how it works (10 left)." "and says what is left"
has "$T/out" "questions not answered." "and it says what the vendors still lack"
"$ANZEN" import -o "$T/demo.anzen" "$top_srcdir/guideline/demo/dental-clinic.json" >/dev/null 2>&1
run 0 "status of the demo" "$ANZEN" status "$T/demo.anzen"
has "$T/out" "Clinic and roles       100%  15/15" "with the questions answered the clinic step is complete"
# no catalogue installed (the program copied out of its build tree): status still counts; a catalogue the
# user names (--guideline, ANZEN_GUIDELINE) that cannot be read is refused instead (t_hostile)
mkdir "$T/bin" && cp "$ANZEN" "$T/bin/anzen"
"$T/bin/anzen" status "$T/cl.anzen" >"$T/out" 2>"$T/err"
got=$?
if grep -q "no progress per step" "$T/err"; then
	[ "$got" -eq 0 ] && grep -q "Systems" "$T/out"
	ok $? "status without a catalogue still counts (exit $got)"
	pass "and says why there is no progress"
else
	skip "an installed catalogue was found: $(head -1 "$T/err")"
	skip "an installed catalogue was found"
fi
run 66 "status of a missing workbook" "$ANZEN" status "$T/none.anzen"

# bad workbooks are refused with the documented code, untouched
printf 'just text\n' >"$T/text.anzen"
cp "$T/text.anzen" "$T/text.orig"
run 65 "a text file is not a workbook" "$ANZEN" status "$T/text.anzen"
has "$T/err" "not an anzen workbook" "the message says so"
same "$T/text.anzen" "$T/text.orig" "the file is untouched"
run 0 "a workbook with data" "$ANZEN" import -o "$T/d.anzen" "$top_srcdir/tests/data/clinic.json"
head -c 8192 "$T/d.anzen" >"$T/trunc.anzen"
cp "$T/trunc.anzen" "$T/trunc.orig"
run 65 "a truncated workbook is refused" "$ANZEN" export -o "$T/t.json" "$T/trunc.anzen"
same "$T/trunc.anzen" "$T/trunc.orig" "the truncated workbook is untouched"
[ ! -e "$T/t.json" ]
ok $? "no output was written"
cp "$T/d.anzen" "$T/newer.anzen"
printf '\000\000\000\143' | dd of="$T/newer.anzen" bs=1 seek=60 conv=notrunc 2>/dev/null # user_version = 99
cp "$T/newer.anzen" "$T/newer.orig"
run 65 "a newer workbook is refused" "$ANZEN" open "$T/newer.anzen"
has "$T/err" "newer anzen" "the message says it was written by a newer anzen"
same "$T/newer.anzen" "$T/newer.orig" "the newer workbook is untouched"

# a workbook held by another process: the holder says when it has the lock and lets go when told
if command -v flock >/dev/null; then
	mkfifo "$T/held" "$T/release"
	flock -x "$T/d.anzen" sh -c 'echo >"$1"; read -r _ <"$2"' sh "$T/held" "$T/release" &
	holder=$!
	read -r _ <"$T/held"
	run 75 "a workbook in use is refused" "$ANZEN" status "$T/d.anzen"
	has "$T/err" "in use" "the message says it is in use"
	echo >"$T/release"
	wait "$holder"
fi

# the default workbook lives under XDG_DATA_HOME and its path is printed
XDG_DATA_HOME=$T/xdg run 0 "open with no workbook creates the default one" "$ANZEN" open
has "$T/out" "$T/xdg/anzen/workbook.anzen" "its path is printed"
ok "$(stat -c %a "$T/xdg/anzen" | grep -qx 700; echo $?)" "its directory is private"
# sanitising: a control sequence stored in the workbook never reaches the terminal
printf '{"format":"anzen-workbook","version":1,"clinic":{"name":"Evil\\u001b]0;pwned\\u0007Clinic"}}' >"$T/esc.json"
run 0 "import a name with an escape sequence" "$ANZEN" import -o "$T/esc.anzen" "$T/esc.json"
run 0 "status of it" "$ANZEN" status "$T/esc.anzen"
! grep -q "$(printf '\033')" "$T/out"
ok $? "no ESC byte reaches the terminal"
has "$T/out" "Evil" "the readable part is shown"
done_testing

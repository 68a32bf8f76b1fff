#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# anzen guideline check: exit codes, messages, and where the catalogue is found.
. "$top_srcdir/tests/lib.sh"
exit_of() { "$@" >"$T/out" 2>"$T/err"; echo $?; } # exit_of CMD...: its exit status, output in $T/out and $T/err
LC_ALL=C; export LC_ALL
unset ANZEN_GUIDELINE LANGUAGE

rc=$(exit_of "$ANZEN" guideline check)
ok $([ "$rc" = 0 ] && echo 0) "the build tree's catalogue is found and valid (rc=$rc)"
grep -q "/guideline: ok: 5 ranks, 4 treatments, " "$T/out"; ok $? "one line of counts"
[ "$(wc -l <"$T/out")" -eq 1 ] && [ ! -s "$T/err" ]; ok $? "nothing else"

min=$top_srcdir/tests/data/yaml-min
rc=$(exit_of "$ANZEN" guideline check "$min")
ok $([ "$rc" = 0 ] && echo 0) "an explicit DIR (rc=$rc)"
grep -q "ok: 5 ranks, 4 treatments, 2 system categories, 2 threats" "$T/out"; ok $? "its counts"

# a broken catalogue: the minimal one with a fixture's files over it
bad=$T/bad
cp -R "$min" "$bad" && cp -R "$top_srcdir/tests/data/yaml-bad/many-files/." "$bad/" && rm -f "$bad/expected"
chmod -R u+w "$bad"
rc=$(exit_of "$ANZEN" guideline check "$bad")
ok $([ "$rc" = 65 ] && echo 0) "errors exit 65 (rc=$rc)"
sed "s|^|$bad/|" "$top_srcdir/tests/data/yaml-bad/many-files/expected" >"$T/want"
echo "anzen: 4 errors in the catalogue" >>"$T/want"
cmp -s "$T/want" "$T/err"; ok $? "every error as DIR/FILE:LINE:COL: MESSAGE, then a count"
[ ! -s "$T/out" ]; ok $? "nothing on standard output"

rc=$(exit_of "$ANZEN" guideline check "$bad/")
head -1 "$T/err" | grep -q "^$bad/checklists/c1-clinic.yaml:10:23: "; ok $? "a trailing slash is not doubled"

# where the catalogue comes from: --guideline, then ANZEN_GUIDELINE, then the build tree
rc=$(ANZEN_GUIDELINE=$bad exit_of "$ANZEN" guideline check)
ok $([ "$rc" = 65 ] && echo 0) "ANZEN_GUIDELINE is read (rc=$rc)"
rc=$(ANZEN_GUIDELINE=$bad exit_of "$ANZEN" guideline check --guideline "$min")
ok $([ "$rc" = 0 ] && echo 0) "--guideline overrides ANZEN_GUIDELINE (rc=$rc)"
rc=$(ANZEN_GUIDELINE=$bad exit_of "$ANZEN" --guideline="$min" guideline check)
ok $([ "$rc" = 0 ] && echo 0) "as a global option before the command (rc=$rc)"
rc=$(ANZEN_GUIDELINE=$bad exit_of "$ANZEN" --guideline "$min" guideline check)
ok $([ "$rc" = 0 ] && echo 0) "global option with a separate argument (rc=$rc)"
rc=$(ANZEN_GUIDELINE=$bad exit_of "$ANZEN" guideline check "$min")
ok $([ "$rc" = 0 ] && echo 0) "DIR overrides everything (rc=$rc)"

rc=$(exit_of "$ANZEN" guideline check "$T/none")
ok $([ "$rc" = 66 ] && echo 0) "a missing directory exits 66 (rc=$rc)"
grep -q "^anzen: $T/none: cannot open the catalogue directory: No such file or directory" "$T/err"; ok $? "and says so"

rc=$(exit_of "$ANZEN" guideline check --help)
ok $([ "$rc" = 0 ] && echo 0) "--help exits 0"
grep -q "^Usage: anzen guideline check" "$T/out"; ok $? "and prints the usage"
rc=$(exit_of "$ANZEN" guideline --help)
ok $([ "$rc" = 0 ] && echo 0) "guideline --help exits 0"
rc=$(exit_of "$ANZEN" guideline)
ok $([ "$rc" = 64 ] && echo 0) "no subcommand: usage error 64 (rc=$rc)"
rc=$(exit_of "$ANZEN" guideline frob)
ok $([ "$rc" = 64 ] && echo 0) "unknown subcommand: 64 (rc=$rc)"
grep -q "unknown command 'frob'" "$T/err"; ok $? "named in the message"
rc=$(exit_of "$ANZEN" guideline check --bogus)
ok $([ "$rc" = 64 ] && echo 0) "unknown option: 64 (rc=$rc)"
rc=$(exit_of "$ANZEN" guideline check "$min" "$min")
ok $([ "$rc" = 64 ] && echo 0) "two DIRs: 64 (rc=$rc)"

# control characters in input never reach the terminal
cp -R "$min" "$T/esc" && chmod -R u+w "$T/esc"
printf 'threats:\n  - id: "a\\e[2Jb"\n' >"$T/esc/threats.yaml"
rc=$(exit_of "$ANZEN" guideline check "$T/esc")
ok $([ "$rc" = 65 ] && ! grep -q "$(printf '\033')" "$T/err" && echo 0) "escape sequences are not printed (rc=$rc)"

done_testing

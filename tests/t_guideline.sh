#!/bin/sh
# anzen guideline check: exit codes, messages, and where the catalogue is found.
set -u
: "${top_srcdir:?}" "${ANZEN:?}"
n=0 failed=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi; }
run() { "$@" >"$tmp/out" 2>"$tmp/err"; echo $?; }
LC_ALL=C; export LC_ALL
unset ANZEN_GUIDELINE LANGUAGE

rc=$(run "$ANZEN" guideline check)
ok $([ "$rc" = 0 ] && echo 0) "the build tree's catalogue is found and valid (rc=$rc)"
grep -q "/guideline: ok: 5 ranks, 4 treatments, " "$tmp/out"; ok $? "one line of counts"
[ "$(wc -l <"$tmp/out")" -eq 1 ] && [ ! -s "$tmp/err" ]; ok $? "nothing else"

min=$top_srcdir/tests/data/yaml-min
rc=$(run "$ANZEN" guideline check "$min")
ok $([ "$rc" = 0 ] && echo 0) "an explicit DIR (rc=$rc)"
grep -q "ok: 5 ranks, 4 treatments, 2 system categories, 2 threats" "$tmp/out"; ok $? "its counts"

# a broken catalogue: the minimal one with a fixture's files over it
bad=$tmp/bad
cp -R "$min" "$bad" && cp -R "$top_srcdir/tests/data/yaml-bad/many-files/." "$bad/" && rm -f "$bad/expected"
chmod -R u+w "$bad"
rc=$(run "$ANZEN" guideline check "$bad")
ok $([ "$rc" = 65 ] && echo 0) "errors exit 65 (rc=$rc)"
sed "s|^|$bad/|" "$top_srcdir/tests/data/yaml-bad/many-files/expected" >"$tmp/want"
echo "anzen: 4 errors in the catalogue" >>"$tmp/want"
cmp -s "$tmp/want" "$tmp/err"; ok $? "every error as DIR/FILE:LINE:COL: MESSAGE, then a count"
[ ! -s "$tmp/out" ]; ok $? "nothing on standard output"

rc=$(run "$ANZEN" guideline check "$bad/")
head -1 "$tmp/err" | grep -q "^$bad/checklists/c1-clinic.yaml:10:23: "; ok $? "a trailing slash is not doubled"

# where the catalogue comes from: --guideline, then ANZEN_GUIDELINE, then the build tree
rc=$(ANZEN_GUIDELINE=$bad run "$ANZEN" guideline check)
ok $([ "$rc" = 65 ] && echo 0) "ANZEN_GUIDELINE is read (rc=$rc)"
rc=$(ANZEN_GUIDELINE=$bad run "$ANZEN" guideline check --guideline "$min")
ok $([ "$rc" = 0 ] && echo 0) "--guideline overrides ANZEN_GUIDELINE (rc=$rc)"
rc=$(ANZEN_GUIDELINE=$bad run "$ANZEN" --guideline="$min" guideline check)
ok $([ "$rc" = 0 ] && echo 0) "as a global option before the command (rc=$rc)"
rc=$(ANZEN_GUIDELINE=$bad run "$ANZEN" --guideline "$min" guideline check)
ok $([ "$rc" = 0 ] && echo 0) "global option with a separate argument (rc=$rc)"
rc=$(ANZEN_GUIDELINE=$bad run "$ANZEN" guideline check "$min")
ok $([ "$rc" = 0 ] && echo 0) "DIR overrides everything (rc=$rc)"

rc=$(run "$ANZEN" guideline check "$tmp/none")
ok $([ "$rc" = 66 ] && echo 0) "a missing directory exits 66 (rc=$rc)"
grep -q "^anzen: $tmp/none: cannot open the catalogue directory: No such file or directory" "$tmp/err"; ok $? "and says so"

rc=$(run "$ANZEN" guideline check --help)
ok $([ "$rc" = 0 ] && echo 0) "--help exits 0"
grep -q "^Usage: anzen guideline check" "$tmp/out"; ok $? "and prints the usage"
rc=$(run "$ANZEN" guideline --help)
ok $([ "$rc" = 0 ] && echo 0) "guideline --help exits 0"
rc=$(run "$ANZEN" guideline)
ok $([ "$rc" = 64 ] && echo 0) "no subcommand: usage error 64 (rc=$rc)"
rc=$(run "$ANZEN" guideline frob)
ok $([ "$rc" = 64 ] && echo 0) "unknown subcommand: 64 (rc=$rc)"
grep -q "unknown command 'frob'" "$tmp/err"; ok $? "named in the message"
rc=$(run "$ANZEN" guideline check --bogus)
ok $([ "$rc" = 64 ] && echo 0) "unknown option: 64 (rc=$rc)"
rc=$(run "$ANZEN" guideline check "$min" "$min")
ok $([ "$rc" = 64 ] && echo 0) "two DIRs: 64 (rc=$rc)"

# control characters in input never reach the terminal
cp -R "$min" "$tmp/esc" && chmod -R u+w "$tmp/esc"
printf 'threats:\n  - id: "a\\e[2Jb"\n' >"$tmp/esc/threats.yaml"
rc=$(run "$ANZEN" guideline check "$tmp/esc")
ok $([ "$rc" = 65 ] && ! grep -q "$(printf '\033')" "$tmp/err" && echo 0) "escape sequences are not printed (rc=$rc)"

echo "1..$n"
[ "$failed" = 0 ]

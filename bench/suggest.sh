#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# Suggested scores on the hospital-scale workbook (bench/gen.sh 500 10000 100) with every fact answered
# "don't know" (the worst case: every rule is looked at): suggesting every threat x system pair, the
# threat list of one decision per threat (model, then the screen drawn headless at 120x40), confirming one
# suggestion. Then the key and text counts of the fifteen-minute walk (tests/t_walk_tmux.sh, with tmux).
#   sh bench/suggest.sh [BUILD-DIR]   (default _build/plain)
set -eu
cd "$(dirname "$0")/.."
B=${1:-_build/plain}
[ -x "$B/anzen" ] && [ -x "$B/tests/open_screen" ] || { echo "bench/suggest.sh: build first (make in $B)" >&2; exit 1; }
make -s -C "$B" bench/suggestbench >/dev/null
OUT=$(mktemp -d "${TMPDIR:-/tmp}/anzen-bench-suggest.XXXXXX")
trap 'rm -rf "$OUT"' EXIT
sh bench/gen.sh 500 10000 100 >"$OUT/h.json"
"$B/anzen" import -o "$OUT/h.anzen" "$OUT/h.json" >/dev/null
sqlite3 "$OUT/h.anzen" "INSERT INTO facts (fact, answer) VALUES ('password_long', 'unknown'), ('logs_reviewed', 'unknown');"
printf '| %-46s | %11s | %-9s |\n' "hospital-scale workbook" "median" "goal"
printf '|%s|%s|%s|\n' "------------------------------------------------" "-------------" "-----------"
"$B/bench/suggestbench" guideline "$OUT/h.anzen"
# the screen: start, catalogue, workbook, the threat list drawn once, exit
echo q >"$OUT/q.keys"
: >"$OUT/t"
for i in 1 2 3 4 5; do
	t0=$(date +%s%N)
	env -i PATH="$PATH" TERM=xterm-256color LC_ALL=C.UTF-8 NO_COLOR=1 ANZEN_HEADLESS=1 LINES=40 COLUMNS=120 \
		ANZEN_GUIDELINE="$PWD/guideline" ANZEN_KEYS="$OUT/q.keys" "$B/tests/open_screen" threats "$OUT/h.anzen" >/dev/null
	t1=$(date +%s%N)
	echo $(( (t1 - t0) / 1000 )) >>"$OUT/t"
done
printf '| %-46s | %8.1f ms | %-9s |\n' "threat list on screen (start to first draw)" \
	"$(sort -n "$OUT/t" | awk '{ v[NR] = $1 } END { print v[3] / 1000 }')" "<= 100 ms"
if command -v tmux >/dev/null 2>&1; then
	counts=$(cd "$B" && top_srcdir="$PWD/$(sed -n 's/^abs_top_srcdir = //p' Makefile | head -1)" ANZEN="$PWD/anzen" \
		top_srcdir="$(sed -n 's/^abs_top_srcdir = //p' Makefile)" sh "$(sed -n 's/^abs_top_srcdir = //p' Makefile)/tests/t_walk_tmux.sh" |
		sed -n 's/^# WALK_KEYS=\([0-9]*\) WALK_TEXTS=\([0-9]*\)/\1 \2/p')
	set -- $counts
	echo
	echo "the fifteen-minute walk (template to PDF, 80x24, Japanese): ${1:-?} keys (goal <= 300), ${2:-?} typed texts (goal <= 30)"
fi

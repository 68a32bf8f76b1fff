#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# The risk list on the hospital-scale workbook (bench/gen.sh 500 10000 100), headless (curses
# drawing to /dev/null, keys from a script), through tests/open_screen:
#   first screen   start, catalogue, workbook, the list of all 10,000 risks drawn once, exit;
#                  and the system list that Risks opens with (500 systems, what each still needs)
#   per key        (time with N keys - time with none) / N, each key a separate step and redraw:
#                  moving (Down, PgDn, Up), filtering (typing and erasing in the '/' filter)
#   max RSS        of the filtering run
# Median of 5 runs.   sh bench/screens.sh [BUILD-DIR]   (default _build/plain; needs `make`)
set -eu
cd "$(dirname "$0")/.."
B=${1:-_build/plain}
ANZEN=$B/anzen DRIVE=$B/tests/open_screen
[ -x "$ANZEN" ] && [ -x "$DRIVE" ] || { echo "bench/screens.sh: build first (make in $B)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench/screens.sh: needs GNU time (apt-get install time)" >&2; exit 1; }
OUT=$(mktemp -d "${TMPDIR:-/tmp}/anzen-bench-screens.XXXXXX")
trap 'rm -rf "$OUT"' EXIT
RUNS=5 KEYS=400

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

sh bench/gen.sh 500 10000 100 >"$OUT/h.json"
"$ANZEN" import -o "$OUT/h.anzen" "$OUT/h.json" >/dev/null

# keys: none, moving, filtering (one key a line, so each one is drawn)
: >"$OUT/none.keys"
i=0
while [ $i -lt $KEYS ]; do
	case $((i % 8)) in 0) echo '<PgDn>' ;; 7) echo '<Up>' ;; *) echo '<Down>' ;; esac
	i=$((i + 1))
done >"$OUT/move.keys"
{
	echo '/'
	i=1
	while [ $i -lt $KEYS ]; do
		case $((i % 4)) in 1) echo 'V' ;; 2) echo 'P' ;; 3) echo '<BS>' ;; 0) echo '<BS>' ;; esac
		i=$((i + 1))
	done
} >"$OUT/filter.keys"

# run KEYS-FILE [SCREEN]: prints "microseconds maxrss-kB" of one run
run() {
	t0=$(date +%s%N)
	env -i PATH="$PATH" TERM=xterm-256color LC_ALL=C.UTF-8 NO_COLOR=1 ANZEN_HEADLESS=1 LINES=40 COLUMNS=120 \
		ANZEN_GUIDELINE="$PWD/guideline" ANZEN_KEYS="$1" /usr/bin/time -f '%M' -o "$OUT/rss" \
		"$DRIVE" "${2:-risks:all}" "$OUT/h.anzen" >/dev/null 2>"$OUT/err" || { cat "$OUT/err" >&2; exit 1; }
	t1=$(date +%s%N)
	echo "$(( (t1 - t0) / 1000 )) $(cat "$OUT/rss")"
}
# measure NAME KEYS-FILE [SCREEN]: median wall time (us) and RSS (kB) into $OUT/NAME
measure() {
	: >"$OUT/t"
	i=0
	while [ $i -lt $RUNS ]; do run "$2" "${3:-}" >>"$OUT/t"; i=$((i + 1)); done
	echo "$(awk '{ print $1 }' "$OUT/t" | median) $(awk '{ print $2 }' "$OUT/t" | median)" >"$OUT/$1"
}
measure none "$OUT/none.keys"
measure move "$OUT/move.keys"
measure filter "$OUT/filter.keys"
measure pick "$OUT/none.keys" risks

read -r t0 _ <"$OUT/none"
read -r tm _ <"$OUT/move"
read -r tf rssf <"$OUT/filter"
read -r tp _ <"$OUT/pick"
row() { printf '| %-54s | %10s | %-9s |\n' "$1" "$2" "$3"; }
row "hospital (500 sys, 10000 risks): risk list, all systems" "measured" "goal"
printf '|%s|%s|%s|\n' "--------------------------------------------------------" "------------" "-----------"
row "first screen (start, load, build, draw, exit)" "$(awk -v t="$t0" 'BEGIN { printf "%.1f ms", t / 1000 }')" "<= 100 ms"
row "first screen of Risks: the 500 systems with counts" "$(awk -v t="$tp" 'BEGIN { printf "%.1f ms", t / 1000 }')" "<= 100 ms"
row "per key, moving (Down, PgDn, Up; $KEYS keys)" "$(awk -v a="$tm" -v b="$t0" -v n="$KEYS" 'BEGIN { printf "%.2f ms", (a - b) / n / 1000 }')" "<= 16 ms"
row "per key, filtering (type/erase in '/'; $KEYS keys)" "$(awk -v a="$tf" -v b="$t0" -v n="$KEYS" 'BEGIN { printf "%.2f ms", (a - b) / n / 1000 }')" "<= 16 ms"
row "max RSS (filtering run)" "$(awk -v k="$rssf" 'BEGIN { printf "%.1f MB", k / 1024 }')" "<= 30 MB"
echo
echo "120x40 headless; median of $RUNS runs; $(nproc) cores, $(uname -m)"

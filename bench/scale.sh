#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# How anzen scales with the workbook: status, the first screen (home) and a saved field, on
# generated workbooks of 10,000 to 100,000 risks (bench/gen.sh, 500 systems, 100 vendors), and the
# status of the clinic (bench/gen.sh 15 60 5) and of the 10,000-risk hospital in its second year; each goal of issue 10 is printed beside its figure.
#   sh bench/scale.sh [PATH-TO-ANZEN] [RISKS...]   (default: _build/plain/anzen; 10000 30000 50000 100000)
# Wall time, median of 5 runs, and CPU time where perf is installed (each after one unmeasured run, so the catalogue cache and the
# workbook's integrity check are warm, as they are for a user after the first start).
#   saved field: headless, the clinic form, a character typed and the field left (saved) 200 times;
#                (time with 200 saves - time with none) / 200, as CPU time (user + system) and as
#                wall time, which adds the disk's two fsyncs of every commit (synchronous = FULL)
set -eu
cd "$(dirname "$0")/.."
ANZEN=$(realpath "${1:-_build/plain/anzen}")
[ $# -gt 0 ] && shift
SIZES=${*:-10000 30000 50000 100000}
[ -x /usr/bin/time ] || { echo "bench/scale.sh: needs GNU time (apt-get install time)" >&2; exit 1; }
OUT=$(mktemp -d "${TMPDIR:-/tmp}/anzen-bench-scale.XXXXXX") # no spaces: split into words below
trap 'rm -rf "$OUT"' EXIT
RUNS=5 SAVES=200
export XDG_CACHE_HOME="$OUT/cache"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# once CMD...: "wall-microseconds maxrss-kB cpu-microseconds" of one run
once() {
	t0=$(date +%s%N)
	/usr/bin/time -f '%M %U %S' -o "$OUT/rss" "$@" >/dev/null 2>"$OUT/err" || { cat "$OUT/err" >&2; exit 1; }
	t1=$(date +%s%N)
	echo "$(( (t1 - t0) / 1000 )) $(awk '{ printf "%d %d", $1, ($2 + $3) * 1000000 }' "$OUT/rss")"
}
# measure CMD...: median "wall-us kB cpu-us" of RUNS runs after a warm-up
measure() {
	once "$@" >/dev/null
	: >"$OUT/t"
	i=0
	while [ $i -lt $RUNS ]; do once "$@" >>"$OUT/t"; i=$((i + 1)); done
	echo "$(awk '{ print $1 }' "$OUT/t" | median) $(awk '{ print $2 }' "$OUT/t" | median) $(awk '{ print $3 }' "$OUT/t" | median)"
}
# cpu CMD...: CPU time (task-clock, mean of RUNS runs) in microseconds, with perf; "" without it.
# On a shared machine the wall time waits for other work; the CPU time does not.
cpu() {
	command -v perf >/dev/null 2>&1 || return 0
	perf stat -r "${CPU_RUNS:-$RUNS}" -x, -e task-clock -o "$OUT/perf" "$@" >/dev/null 2>&1 || return 0
	awk -F, '/task-clock/ { printf "%d", $1 * 1000 }' "$OUT/perf"
}
# headless KEYS: the words of a headless run of anzen open with the key script KEYS
headless() { echo env HOME="$OUT" XDG_STATE_HOME="$OUT/state" TERM=xterm LC_ALL=C.UTF-8 ANZEN_HEADLESS=1 LINES=24 \
	COLUMNS=80 ANZEN_KEYS="$1" ANZEN_DUMP=/dev/null "$ANZEN" open; }
printf 'q\n' >"$OUT/first.keys"
printf '<Enter><Esc>q\n' >"$OUT/form.keys"
{ printf '<Enter>'; i=0; while [ $i -lt $SAVES ]; do printf 'x<Tab>'; i=$((i + 1)); done; printf '<Esc>q\n'; } >"$OUT/save.keys"

ms() { awk -v t="$1" 'BEGIN { printf "%.1f ms", t / 1000 }'; }
row() { printf '| %-8s | %-21s | %-21s | %11s | %18s | %18s |\n' "$@"; }
# the clinic's status: CPU time where perf is installed, else wall time
sh bench/gen.sh 15 60 5 >"$OUT/c.json"
"$ANZEN" import -o "$OUT/c.anzen" "$OUT/c.json" >/dev/null
read -r cst _ <<EOT
$(measure "$ANZEN" status "$OUT/c.anzen")
EOT
# a run of 3 ms: 100 of them, so that a moment of load on a shared machine weighs little
ccpu=$(CPU_RUNS=100 cpu "$ANZEN" status "$OUT/c.anzen")
CLINIC=${ccpu:-$cst}

: >"$OUT/goals"
row risks "status: wall (CPU)" "first screen: wall (CPU)" "its max RSS" "saved field (CPU)" "saved field (wall)"
row -------- --------------------- --------------------- ----------- ------------------ ------------------
for r in $SIZES; do
	sh bench/gen.sh 500 "$r" 100 >"$OUT/w.json"
	rm -f "$OUT/w.anzen"
	"$ANZEN" import -o "$OUT/w.anzen" "$OUT/w.json" >/dev/null
	read -r st _ <<EOT
$(measure "$ANZEN" status "$OUT/w.anzen")
EOT
	rm -rf "$OUT/state"
	read -r first rss _ <<EOT
$(measure $(headless "$OUT/first.keys") "$OUT/w.anzen")
EOT
	read -r form _ formcpu <<EOT
$(measure $(headless "$OUT/form.keys") "$OUT/w.anzen")
EOT
	read -r save _ savecpu <<EOT
$(measure $(headless "$OUT/save.keys") "$OUT/w.anzen")
EOT
	stcpu=$(cpu "$ANZEN" status "$OUT/w.anzen")
	firstcpu=$(cpu $(headless "$OUT/first.keys") "$OUT/w.anzen")
	# for the goals: risks, status, first screen (CPU where measured, else wall), its RSS, saved field CPU
	echo "$r ${stcpu:-$st} ${firstcpu:-$first} $rss $(awk -v a="$savecpu" -v b="$formcpu" -v n="$SAVES" \
		'BEGIN { printf "%d", (a - b) / n }')" >>"$OUT/goals"
	row "$r" "$(ms "$st")${stcpu:+ ($(ms "$stcpu"))}" "$(ms "$first")${firstcpu:+ ($(ms "$firstcpu"))}" "$(awk -v k="$rss" 'BEGIN { printf "%.1f MB", k / 1024 }')" \
		"$(awk -v a="$savecpu" -v b="$formcpu" -v n="$SAVES" 'BEGIN { printf "%.2f ms", (a - b) / n / 1000 }')" \
		"$(awk -v a="$save" -v b="$form" -v n="$SAVES" 'BEGIN { printf "%.2f ms", (a - b) / n / 1000 }')"
done
# the hospital in its second year (after next-year): status also prints the changes since last year
sh bench/gen.sh 500 10000 100 >"$OUT/y.json"
rm -f "$OUT/y1.anzen" "$OUT/y2.anzen"
"$ANZEN" import -o "$OUT/y1.anzen" "$OUT/y.json" >/dev/null
"$ANZEN" next-year -o "$OUT/y2.anzen" "$OUT/y1.anzen" >/dev/null
read -r y2st _ <<EOT
$(measure "$ANZEN" status "$OUT/y2.anzen")
EOT
y2cpu=$(cpu "$ANZEN" status "$OUT/y2.anzen")
row "10000 y2" "$(ms "$y2st")${y2cpu:+ ($(ms "$y2cpu"))}" "" "" "" ""
echo
# goal WHAT FIGURE GOAL UNIT: one line, "met" when FIGURE <= GOAL
goal() { awk -v w="$1" -v f="$2" -v g="$3" -v u="$4" 'BEGIN { printf "  %-44s %9.1f %-3s goal <= %-6s %s\n", w, f, u, g, (f <= g ? "met" : "NOT MET") }'; }
kind=$(command -v perf >/dev/null 2>&1 && echo "CPU time (perf task-clock)" || echo "wall time (perf not installed)")
echo "Goals of issue 10, $kind:"
goal "status of the clinic (15 systems, 60 risks)" "$(awk -v t="$CLINIC" 'BEGIN { print t / 1000 }')" 3 ms
awk '$1 == 10000 { print $2 / 1000 }' "$OUT/goals" | while read -r t; do goal "status of the hospital (10,000 risks)" "$t" 15 ms; done
goal "  in its second year (the changes too)" "$(awk -v t="${y2cpu:-$y2st}" 'BEGIN { print t / 1000 }')" 15 ms
awk '$1 == 100000 { print $3 / 1000, $4 / 1024 }' "$OUT/goals" | while read -r t m; do
	goal "first screen at 100,000 risks" "$t" 100 ms
	goal "  its max RSS" "$m" 60 MB
done
awk '$1 == 10000 { print $5 / 1000 } ' "$OUT/goals" | while read -r t; do goal "a saved field at 10,000 risks" "$t" 2 ms; done
awk '$1 == 100000 { print $5 / 1000 } ' "$OUT/goals" | while read -r t; do goal "a saved field at 100,000 risks" "$t" 16 ms; done
# linear: the status time each 10,000 more risks add, between each two sizes, stays within 1.5 times
# its smallest (n log n or worse would grow it)
awk 'NR > 1 { d = ($2 - t) / ($1 - n) * 10000; s = s sprintf(" %.1f (%d-%d)", d / 1000, n / 1000, $1 / 1000)
	lo = (NR == 2 || d < lo) ? d : lo; hi = (NR == 2 || d > hi) ? d : hi } { n = $1; t = $2 }
	END { if (NR > 2) printf "  status, ms per 10,000 more risks (between thousands):%s\n  %-44s %9.2f x   goal <= 1.5    %s\n",
		s, "  linear: largest / smallest", hi / lo, (hi <= 1.5 * lo ? "met" : "NOT MET") }' "$OUT/goals"
echo "median of $RUNS runs after a warm-up (perf: mean of $RUNS, the clinic's of 100); $(nproc) cores, $(uname -m), load average $(cut -d' ' -f1-3 /proc/loadavg)"

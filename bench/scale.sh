#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# How anzen scales with the workbook: status, the first screen (home) and a saved field, on
# generated workbooks of 10,000 to 100,000 risks (bench/gen.sh, 500 systems, 100 vendors).
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
	perf stat -r "$RUNS" -x, -e task-clock -o "$OUT/perf" "$@" >/dev/null 2>&1 || return 0
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
	read -r first rss <<EOT
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
	row "$r" "$(ms "$st")${stcpu:+ ($(ms "$stcpu"))}" "$(ms "$first")${firstcpu:+ ($(ms "$firstcpu"))}" "$(awk -v k="$rss" 'BEGIN { printf "%.1f MB", k / 1024 }')" \
		"$(awk -v a="$savecpu" -v b="$formcpu" -v n="$SAVES" 'BEGIN { printf "%.2f ms", (a - b) / n / 1000 }')" \
		"$(awk -v a="$save" -v b="$form" -v n="$SAVES" 'BEGIN { printf "%.2f ms", (a - b) / n / 1000 }')"
done
echo
echo "goals: status of the hospital (10,000 risks) <= 15 ms and linear to 100,000; a saved field <= 2 ms at"
echo "10,000 risks and <= 16 ms at 100,000; the first screen at 100,000 risks <= 100 ms and <= 60 MB"
echo "median of $RUNS runs after a warm-up; $(nproc) cores, $(uname -m), load average $(cut -d' ' -f1-3 /proc/loadavg)"

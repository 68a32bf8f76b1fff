#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# The screens on a hospital-scale workbook (bench/gen.sh 500 10000 100), headless: time to the
# first screen (open, load, draw the home screen with its progress, quit) and max RSS; also a walk
# over the home screen and the systems list (moving and filtering), per key.
#   sh bench/home.sh [PATH-TO-ANZEN]     (default: _build/plain/anzen)
set -eu
cd "$(dirname "$0")/.."
ANZEN=$(realpath "${1:-_build/plain/anzen}")
[ -x /usr/bin/time ] || { echo "bench/home.sh: needs GNU time" >&2; exit 1; }
OUT=$(mktemp -d "${TMPDIR:-/tmp}/anzen-bench.XXXXXX")
trap 'rm -rf "$OUT"' EXIT
sh bench/gen.sh 500 10000 100 >"$OUT/h.json"
"$ANZEN" import -o "$OUT/h.anzen" "$OUT/h.json" >/dev/null
run() { # KEYS-FILE: prints "ms kb"
	t0=$(date +%s%N)
	env HOME="$OUT" XDG_STATE_HOME="$OUT/state" TERM=xterm LC_ALL=C.UTF-8 ANZEN_HEADLESS=1 LINES=24 COLUMNS=80 \
		ANZEN_KEYS="$1" ANZEN_DUMP="$OUT/dump" /usr/bin/time -f '%M' -o "$OUT/rss" "$ANZEN" open "$OUT/h.anzen" \
		>/dev/null 2>&1
	t1=$(date +%s%N)
	echo "$(( (t1 - t0) / 1000 )) $(cat "$OUT/rss")"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
printf 'q\n' >"$OUT/first.keys"
# 200 moves and a filter in the systems list, then back
{ printf '3'; i=0; while [ $i -lt 100 ]; do printf '<Down>'; i=$((i + 1)); done
  i=0; while [ $i -lt 100 ]; do printf '<Up>'; i=$((i + 1)); done; printf '/1<Enter><Esc>qq\n'; } >"$OUT/walk.keys"
for k in first walk; do
	: >"$OUT/t"
	for i in 1 2 3 4 5; do rm -rf "$OUT/state"; run "$OUT/$k.keys" >>"$OUT/t"; done
	ms=$(awk '{ print $1 / 1000 }' "$OUT/t" | median)
	kb=$(awk '{ print $2 }' "$OUT/t" | median)
	eval "${k}_ms=\$ms ${k}_kb=\$kb"
done
# each figure beside its goal (README: the screens of the hospital workbook)
awk -v f="$first_ms" -v fk="$first_kb" -v w="$walk_ms" -v wk="$walk_kb" 'function line(what, x, g, u) {
		printf "%-50s %8.2f %-2s", what, x, u
		if (g > 0)
			printf " goal <= %-3s %s", g, (x <= g ? "met" : "NOT MET")
		printf "\n" }
	BEGIN { line("first screen: open, home with progress, quit", f, 100, "ms")
		line("  its max RSS", fk / 1024, 30, "MB")
		line("+ 200 moves and a filter in the systems list", w, 0, "ms")
		line("  per key: (walk - first) / 206 keys", (w - f) / 206, 16, "ms")
		line("  its max RSS", wk / 1024, 30, "MB") }'
echo "wall time, median of 5 runs; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

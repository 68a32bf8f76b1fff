#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# The 要確認事項 of the inspection PDF at hospital scale: one workbook printed on a day when none of its
# actions is overdue and on one when all are (a finding each, every one naming another action), at
# 10,000 and 40,000 risks. What the findings add grows as their number (grouped by one sort; comparing
# each with every other made it grow as its square: 16 times, not 4, for 4 times the findings).
#   sh bench/findings.sh [PATH-TO-ANZEN]   (default _build/plain/anzen)
set -eu
cd "$(dirname "$0")/.."
ANZEN=${1:-_build/plain/anzen}
[ -x "$ANZEN" ] || { echo "bench/findings.sh: $ANZEN not built" >&2; exit 1; }
OUT=$(mktemp -d "${TMPDIR:-/tmp}/anzen-bench-findings.XXXXXX")
trap 'rm -rf "$OUT"' EXIT

# ms DATE WORKBOOK: the median of 3 exports printed on DATE
ms() {
	: >"$OUT/t"
	for i in 1 2 3; do
		rm -f "$OUT/x.pdf"
		t0=$(date +%s%N)
		"$ANZEN" export --format pdf --date "$1" -o "$OUT/x.pdf" "$2" >/dev/null 2>&1
		t1=$(date +%s%N)
		echo $(( (t1 - t0) / 1000 )) >>"$OUT/t"
	done
	sort -n "$OUT/t" | awk '{ v[NR] = $1 } END { printf "%.1f", v[2] / 1000 }'
}

printf '| %-28s | %9s | %12s | %12s | %10s |\n' "hospital-scale PDF" "findings" "none overdue" "all overdue" "findings"
printf '|%s|%s|%s|%s|%s|\n' "------------------------------" "-----------" "--------------" "--------------" "------------"
for risks in 10000 40000; do
	sh bench/gen.sh 500 "$risks" 100 >"$OUT/h.json"
	rm -f "$OUT/h.anzen"
	"$ANZEN" import -o "$OUT/h.anzen" "$OUT/h.json" >/dev/null
	n=$("$ANZEN" check --date 2028-01-01 "$OUT/h.anzen" | wc -l || true)
	ms 2026-06-01 "$OUT/h.anzen" >/dev/null # warm the caches
	a=$(ms 2026-06-01 "$OUT/h.anzen")
	b=$(ms 2028-01-01 "$OUT/h.anzen")
	printf '| %-28s | %9s | %9s ms | %9s ms | %+7.1f ms |\n' "$risks risks" "$n" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { print b - a }')"
done

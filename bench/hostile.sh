#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# Speed goals of issue 14, through the public CLI:
# - refusing a hostile PDF (`%PDF-1.4` then `1 0 obj<</A(` repeated) of 1, 2 and 10 MB: ≤ 0.5 s at 10 MB,
#   and a decompression bomb in an object stream (tests/pdfbomb.pl);
# - opening the hospital-scale workbook with the full check (status), and the check's own cost.
#   sh bench/hostile.sh [ANZEN [OLD-ANZEN]]   OLD-ANZEN: a build before the qpdf reader, for comparison
#                                              (its runs are cut at 60 s)
set -eu
cd "$(dirname "$0")/.."
ANZEN=${1:-_build/plain/anzen}
OLD=${2:-}
[ -x "$ANZEN" ] || { echo "bench/hostile.sh: $ANZEN not built" >&2; exit 1; }
OUT=$(mktemp -d "${TMPDIR:-/tmp}/anzen-bench.XXXXXX")
trap 'rm -rf "$OUT"' EXIT

# secs CMD...: wall seconds of one run (its exit status ignored: refusing is the point)
secs() {
	t0=$(date +%s%N)
	"$@" >/dev/null 2>&1 || true
	t1=$(date +%s%N)
	awk -v d=$((t1 - t0)) 'BEGIN { printf "%.3f", d / 1e9 }'
}

printf '| %-34s | %10s | %10s |\n' "hostile PDF refused by import" "new" "old"
for mb in 1 2 10; do
	{ printf '%%PDF-1.4\n'; yes '1 0 obj<</A(' | head -c $((mb * 1048576)); } >"$OUT/h$mb.pdf"
	new=$(secs "$ANZEN" import -o "$OUT/n$mb.anzen" "$OUT/h$mb.pdf")
	old=-
	[ -z "$OLD" ] || old=$(secs timeout 60 "$OLD" import -o "$OUT/o$mb.anzen" "$OUT/h$mb.pdf")
	printf '| %-34s | %8s s | %8s s |\n' "$mb MB" "$new" "$old"
done
perl tests/pdfbomb.pl 1024 >"$OUT/bomb.pdf"
printf '| %-34s | %8s s | %8s s |\n' "1 MB object-stream bomb (1 GB)" \
	"$(secs "$ANZEN" import -o "$OUT/b1.anzen" "$OUT/bomb.pdf")" \
	"$([ -z "$OLD" ] && echo - || secs timeout 60 "$OLD" import -o "$OUT/b2.anzen" "$OUT/bomb.pdf")"
# a real report, and the same re-saved with object streams (the old reader cannot read the latter)
sh bench/gen.sh 15 60 5 >"$OUT/clinic.json"
"$ANZEN" import -o "$OUT/clinic.anzen" "$OUT/clinic.json"
"$ANZEN" export -F pdf --date 2026-11-28 -o "$OUT/clinic.pdf" "$OUT/clinic.anzen" 2>/dev/null
printf '| %-34s | %8s s | %8s s |\n' "clinic report (attachment read)" \
	"$(secs "$ANZEN" import -o "$OUT/r1.anzen" "$OUT/clinic.pdf")" \
	"$([ -z "$OLD" ] && echo - || secs "$OLD" import -o "$OUT/r2.anzen" "$OUT/clinic.pdf")"
if command -v qpdf >/dev/null; then
	qpdf --object-streams=generate "$OUT/clinic.pdf" "$OUT/os.pdf"
	printf '| %-34s | %8s s | %8s s |\n' "the same with object streams" \
		"$(secs "$ANZEN" import -o "$OUT/r3.anzen" "$OUT/os.pdf")" \
		"$([ -z "$OLD" ] && echo - || secs "$OLD" import -o "$OUT/r4.anzen" "$OUT/os.pdf")"
	[ -s "$OUT/r3.anzen" ] && echo "object streams: read by the new reader" || echo "object streams: NOT read"
	[ -z "$OLD" ] || { [ -s "$OUT/r4.anzen" ] && echo "object streams: read by the old reader" ||
		echo "object streams: not read by the old reader"; }
fi

echo
sh bench/gen.sh 500 10000 100 >"$OUT/hospital.json"
"$ANZEN" import -o "$OUT/hospital.anzen" "$OUT/hospital.json"
echo "hospital-scale workbook ($(($(wc -c <"$OUT/hospital.anzen") / 1024)) KB):"
BUILD=$(dirname "$ANZEN")
[ -x "$BUILD/bench/storecheck" ] || make -s -C "$BUILD" bench/storecheck >/dev/null 2>&1 || true
if [ -x "$BUILD/bench/storecheck" ]; then
	"$BUILD/bench/storecheck" "$OUT/hospital.anzen" 11
fi
i=0
: >"$OUT/t"
while [ $i -lt 5 ]; do
	secs "$ANZEN" status "$OUT/hospital.anzen" >>"$OUT/t"
	echo >>"$OUT/t"
	i=$((i + 1))
done
echo "status (whole command, median of 5): $(sort -n "$OUT/t" | sed -n 3p) s"

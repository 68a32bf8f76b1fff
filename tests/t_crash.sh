#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# Kill an import at 50 random moments: the target is then absent (or the old workbook, with --force),
# or the complete new one; never a damaged file.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null || { echo "1..0 # SKIP sqlite3 CLI not installed"; exit 0; }
sh "$top_srcdir/bench/gen.sh" 100 1000 10 >"$T/in.json"
"$ANZEN" import -o "$T/ref.anzen" "$T/in.json" || exit 1
"$ANZEN" export -o "$T/ref.json" "$T/ref.anzen" || exit 1
"$ANZEN" new "$T/old.anzen" >/dev/null || exit 1
"$ANZEN" export -o "$T/old.json" "$T/old.anzen" || exit 1
# how long an import takes, in milliseconds
t0=$(date +%s%N)
"$ANZEN" import -o "$T/timing.anzen" "$T/in.json"
ms=$(( ($(date +%s%N) - t0) / 1000000 + 1 ))
echo "# one import takes ${ms} ms"
# check TARGET OLD-JSON-or-empty DESCRIPTION: prints one "STATUS DESCRIPTION" line for ok, whatever
# the kill left (one test a kill: the plan does not depend on the moment)
check() {
	if [ ! -e "$1" ]; then
		[ -z "$2" ]
		echo "$? $3: target absent"
		return
	fi
	r=$(sqlite3 "$1" 'PRAGMA integrity_check' 2>&1)
	if [ "$r" != ok ]; then
		echo "1 $3: integrity_check = $r"
		return
	fi
	"$ANZEN" export -o - "$1" >"$1.json" 2>/dev/null
	if cmp -s "$1.json" "$T/ref.json"; then
		echo "0 $3: the complete new workbook (integrity_check ok)"
	elif [ -n "$2" ] && cmp -s "$1.json" "$2"; then
		echo "0 $3: the old workbook, untouched (integrity_check ok)"
	else
		echo "1 $3: neither old nor complete new (integrity_check ok)"
	fi
}
# kill_import I DELAY-MS: import into $T/tI.anzen (absent for even I, the old workbook for odd I,
# with --force), SIGKILL after DELAY-MS, results in $T/rI
kill_import() {
	if [ $(($1 % 2)) -eq 0 ]; then
		rm -f "$T/t$1.anzen"; old=
	else
		cp "$T/old.anzen" "$T/t$1.anzen"; old=$T/old.json
	fi
	"$ANZEN" import --force -o "$T/t$1.anzen" "$T/in.json" 2>/dev/null &
	pid=$!
	# the random moment of the kill: the one sleep of the suite that waits for no event
	sleep "$(awk -v d="$2" 'BEGIN { printf "%.3f", d / 1000 }')"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	check "$T/t$1.anzen" "$old" "kill $1 after $2 ms" >"$T/r$1"
}
# two kills at a time (one a core), reported in order
seed=1
i=0
while [ $i -lt 50 ]; do
	for j in 1 2; do
		i=$((i + 1))
		seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
		kill_import $i $(( seed % (ms + ms / 4) )) &
	done
	wait
	for j in $((i - 1)) $i; do
		while read -r status desc; do ok "$status" "$desc"; done <"$T/r$j"
	done
done
done_testing

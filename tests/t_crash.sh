#!/bin/sh
# Kill an import at 50 random moments: the target is then absent (or the old workbook, with --force),
# or the complete new one; never a damaged file.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null || { echo "1..0 # SKIP sqlite3 CLI not installed"; exit 0; }
sh "$top_srcdir/bench/gen.sh" 200 2000 20 >"$T/in.json"
"$ANZEN" import -o "$T/ref.anzen" "$T/in.json" || exit 1
"$ANZEN" export -o "$T/ref.json" "$T/ref.anzen" || exit 1
"$ANZEN" new "$T/old.anzen" >/dev/null || exit 1
"$ANZEN" export -o "$T/old.json" "$T/old.anzen" || exit 1
# how long an import takes, in milliseconds
t0=$(date +%s%N)
"$ANZEN" import -o "$T/timing.anzen" "$T/in.json"
ms=$(( ($(date +%s%N) - t0) / 1000000 + 1 ))
echo "# one import takes ${ms} ms"
seed=1
check() { # check TARGET OLD-JSON-or-empty DESCRIPTION
	if [ ! -e "$1" ]; then
		[ -z "$2" ]
		ok $? "$3: target absent"
		return
	fi
	r=$(sqlite3 "$1" 'PRAGMA integrity_check' 2>&1)
	[ "$r" = ok ]
	ok $? "$3: integrity_check = $r"
	"$ANZEN" export -o - "$1" >"$T/now.json" 2>/dev/null
	if cmp -s "$T/now.json" "$T/ref.json"; then
		ok 0 "$3: the complete new workbook"
	elif [ -n "$2" ] && cmp -s "$T/now.json" "$2"; then
		ok 0 "$3: the old workbook, untouched"
	else
		ok 1 "$3: neither old nor complete new"
	fi
}
i=0
while [ $i -lt 50 ]; do
	i=$((i + 1))
	seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
	delay=$(( seed % (ms + ms / 4) ))
	if [ $((i % 2)) -eq 0 ]; then
		rm -f "$T/t.anzen"; old=
	else
		cp "$T/old.anzen" "$T/t.anzen"; old=$T/old.json
	fi
	"$ANZEN" import --force -o "$T/t.anzen" "$T/in.json" 2>/dev/null &
	pid=$!
	sleep "$(awk -v d="$delay" 'BEGIN { printf "%.3f", d / 1000 }')"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	check "$T/t.anzen" "$old" "kill $i after ${delay} ms"
done
done_testing

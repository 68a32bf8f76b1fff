# TAP helpers for the shell tests. Sourced; $ANZEN, $top_srcdir, $top_builddir come from make check.
: "${ANZEN:=$top_builddir/anzen}"
LC_ALL=C.UTF-8
export LC_ALL
unset LANGUAGE
tap_n=0
tap_fail=0
T=$(mktemp -d "${TMPDIR:-/tmp}/anzen-test.XXXXXX")
trap 'rm -rf "$T"' EXIT

ok() { # ok CONDITION-EXIT-STATUS DESCRIPTION
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_fail=$((tap_fail + 1))
	fi
}

# run EXPECTED-EXIT DESCRIPTION CMD...: runs CMD, output in $T/out and $T/err
run() {
	want=$1 desc=$2
	shift 2
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	[ "$got" -eq "$want" ]
	ok $? "$desc (exit $got, want $want)"
	[ "$got" -eq "$want" ] || { sed 's/^/#   /' "$T/err" | head -20; }
	return 0
}

# has FILE PATTERN DESCRIPTION: fixed-string search
has() {
	grep -qF -- "$2" "$1"
	r=$?
	ok $r "$3"
	[ $r -eq 0 ] || { echo "#   '$2' not in:"; sed 's/^/#   /' "$1" | head -10; }
}

same() { # same FILE1 FILE2 DESCRIPTION
	cmp -s "$1" "$2"
	r=$?
	ok $r "$3"
	[ $r -eq 0 ] || diff "$1" "$2" | head -10 | sed 's/^/#   /'
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_fail" -eq 0 ]
}

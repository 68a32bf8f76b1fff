# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# The one TAP style of the shell tests (tests/tap.h is the same for C). Sourced first by every
# shell test; $ANZEN, $top_srcdir, $top_builddir come from make check.
#   ok STATUS DESCRIPTION     a test that passed if STATUS is 0 (use: CMD; ok $? "...")
#   expect DESCRIPTION CMD... a test that passes if CMD succeeds
#   pass DESCRIPTION / fail DESCRIPTION   a test whose outcome the caller decided
#   skip REASON               a test that cannot run here (TAP "# skip")
#   run WANT-EXIT DESC CMD... / has FILE TEXT DESC / same FILE1 FILE2 DESC   (see below)
#   done_testing              prints the plan; the script's exit status: exit $? or end with it
# $T is a private temporary directory, removed at exit. Locale: C.UTF-8, LANGUAGE unset.
: "${ANZEN:=$top_builddir/anzen}"
LC_ALL=C.UTF-8
export LC_ALL
unset LANGUAGE
tap_n=0
tap_fail=0
T=$(mktemp -d "${TMPDIR:-/tmp}/anzen-test.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM

ok() { # ok STATUS DESCRIPTION
	tap_n=$((tap_n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_fail=$((tap_fail + 1))
	fi
}
pass() { ok 0 "$1"; }
skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n # skip $1"; }
fail() { ok 1 "$1"; }
expect() { # expect DESCRIPTION CMD...
	e_desc=$1
	shift
	"$@"
	ok $? "$e_desc"
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

# ja_catalogue: the Japanese messages of po/ja.po built into $T/locale (for ANZEN_LOCALEDIR)
ja_catalogue() {
	mkdir -p "$T/locale/ja/LC_MESSAGES" &&
		msgfmt -o "$T/locale/ja/LC_MESSAGES/anzen.mo" "$top_srcdir/po/ja.po" ||
		{ echo "Bail out! cannot build the Japanese catalogue"; exit 99; }
}

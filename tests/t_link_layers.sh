#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# Every library calls only itself and the libraries below it: no symbol one of them needs is
# defined by a library above (the link order alone misses a call into an object already linked).
set -u
: "${top_builddir:?}" "${top_srcdir:?}"
NM=${NM:-nm}
command -v "$NM" >/dev/null || { echo "1..0 # SKIP no nm"; exit 0; }
. "$top_srcdir/tests/lib.sh"

order="cli tui export model guideline base" # top-down, as linked
for l in $order; do
	"$NM" -g --defined-only "$top_builddir/lib$l.a" 2>/dev/null | awk 'NF == 3 { print $3 }' | sort -u >"$T/def.$l"
	"$NM" -g -u "$top_builddir/lib$l.a" 2>/dev/null | awk '{ print $NF }' | sort -u >"$T/undef.$l"
done
above=""
for l in $order; do
	: >"$T/up"
	for a in $above; do
		comm -12 "$T/undef.$l" "$T/def.$a" | sed "s|^|$a/ |" >>"$T/up"
	done
	# export/ and tui/ are siblings: neither may call the other
	case $l in
	tui) comm -12 "$T/undef.tui" "$T/def.export" | sed 's|^|export/ |' >>"$T/up" ;;
	esac
	[ -s "$T/up" ]; ok $((1 - $?)) "lib$l.a calls nothing above it"
	sed "s|^|# lib$l.a calls |" "$T/up"
	above="$above $l"
done
done_testing

#!/bin/sh
# Every library calls only itself and the libraries below it: no symbol one of them needs is
# defined by a library above (the link order alone misses a call into an object already linked).
set -u
: "${top_builddir:?}"
NM=${NM:-nm}
command -v "$NM" >/dev/null || { echo "1..0 # SKIP no nm"; exit 0; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0 failed=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi; }

order="cli tui export model guideline base" # top-down, as linked
for l in $order; do
	"$NM" -g --defined-only "$top_builddir/lib$l.a" 2>/dev/null | awk 'NF == 3 { print $3 }' | sort -u >"$tmp/def.$l"
	"$NM" -g -u "$top_builddir/lib$l.a" 2>/dev/null | awk '{ print $NF }' | sort -u >"$tmp/undef.$l"
done
above=""
for l in $order; do
	: >"$tmp/up"
	for a in $above; do
		comm -12 "$tmp/undef.$l" "$tmp/def.$a" | sed "s|^|$a/ |" >>"$tmp/up"
	done
	# export/ and tui/ are siblings: neither may call the other
	case $l in
	tui) comm -12 "$tmp/undef.tui" "$tmp/def.export" | sed 's|^|export/ |' >>"$tmp/up" ;;
	esac
	[ -s "$tmp/up" ]; ok $((1 - $?)) "lib$l.a calls nothing above it"
	sed "s|^|# lib$l.a calls |" "$tmp/up"
	above="$above $l"
done
echo "1..$n"
[ "$failed" = 0 ]

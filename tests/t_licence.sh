#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# The licence: GPL-3.0-or-later in COPYING, the GNU --version lines, no made-up bug address, and
# a catalogue that states its sources and that it may be copied and changed under the same licence.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
. "$top_srcdir/tests/lib.sh"

grep -q "GNU GENERAL PUBLIC LICENSE" "$top_srcdir/COPYING" && grep -q "Version 3, 29 June 2007" "$top_srcdir/COPYING"
ok $? "COPYING is the GNU GPL version 3"
run 0 "anzen --version" "$ANZEN" --version
has "$T/out" "anzen " "--version: name and version"
has "$T/out" "Copyright (C) 2026 The anzen authors." "--version: the copyright line"
has "$T/out" "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>." "--version: the licence"
has "$T/out" "There is NO WARRANTY, to the extent permitted by law." "--version: no warranty"
! grep -q "example.invalid" "$top_builddir/config.h" "$top_srcdir/configure.ac"
ok $? "no made-up bug address"
has "$top_srcdir/guideline/SOURCES.md" "GNU General Public License" "the catalogue states its licence"
has "$top_srcdir/guideline/SOURCES.md" "https://www.mhlw.go.jp/stf/shingi/0000516275_00006.html" "the catalogue states its sources"
# every doc tag the catalogue cites is explained in SOURCES.md
missing=$(grep -rhoE 'doc: [A-Za-z0-9-]+' "$top_srcdir"/guideline/*.yaml "$top_srcdir"/guideline/*/*.yaml | sed 's/doc: //' |
	sort -u | while read -r tag; do
		case $tag in SEC-*) continue ;; esac
		grep -q -- "$tag" "$top_srcdir/guideline/SOURCES.md" || printf '%s ' "$tag"
	done)
[ -z "$missing" ]
ok $? "every cited source is listed in SOURCES.md${missing:+ (missing: $missing)}"
# every source file names its licence in its first lines
nospdx=$(cd "$top_srcdir" && find base cli guideline model export tui tests bench fuzz \( -path tests/data -o -name 'corpus*' \) -prune \
	-o -type f \( -name '*.c' -o -name '*.h' -o -name '*.sh' -o -name '*.yaml' \) -print 2>/dev/null |
	xargs head -v -n 3 | awk '
		function end() { if (f != "" && !found) printf "%s ", f }
		/^==> .* <==$/ { end(); f = substr($0, 5, length($0) - 8); found = 0; next }
		/SPDX-License-Identifier: GPL-3.0-or-later/ { found = 1 }
		END { end() }')
[ -z "$nospdx" ]
ok $? "every source file has an SPDX line${nospdx:+ (missing: $nospdx)}"
done_testing

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# Packaging: the program names no build or source directory (it finds an uninstalled catalogue and
# messages through the file make writes in the build tree), so builds in different directories
# give the same binary; the man page has configure's paths; the bash completion knows the commands.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
. "$top_srcdir/tests/lib.sh"
build=$(cd "$top_builddir" && pwd -P) src=$(cd "$top_srcdir" && pwd -P)
# the installation paths may lie below either (make distcheck installs into the source tree)
prefix=$(sed -n 's/^prefix = //p' "$top_builddir/Makefile")
for prog in "$ANZEN" "$top_builddir/tests/open_screen"; do
	# the sanitizers record each check's source file as given to the compiler; such builds are not shipped
	if [ "${ANZEN_SANITIZERS:-no}" = yes ]; then
		skip "$(basename "$prog"): a sanitizer build keeps its source paths"
		continue
	fi
	found=$(grep -a -o -F -e "$build" -e "$src" "$prog" | head -1)
	if [ -n "$found" ] && [ -n "$prefix" ]; then
		found=$(grep -a -o -e "$build[[:alnum:]/._-]*" -e "$src[[:alnum:]/._-]*" "$prog" | grep -v -F "$prefix" | head -1)
	fi
	[ -z "$found" ]
	ok $? "$(basename "$prog") names neither the build directory nor the source directory${found:+ ($found)}"
done
[ -f "$top_builddir/anzen.1" ] && ! grep -q '@[a-z]*@' "$top_builddir/anzen.1" &&
	grep -q "/share/anzen/guideline/" "$top_builddir/anzen.1"
ok $? "anzen.1 has the installation paths from configure"
if command -v bash >/dev/null 2>&1; then
	out=$(bash -c '. "$1"; COMP_WORDS=(anzen ex); COMP_CWORD=1; _anzen; echo "${COMPREPLY[*]}"' - "$top_srcdir/completions/anzen")
	[ "$out" = export ]; ok $? "bash completion: anzen ex<Tab> is export ($out)"
	out=$(bash -c '. "$1"; COMP_WORDS=(anzen export --format ""); COMP_CWORD=3; _anzen; echo "${COMPREPLY[*]}"' - "$top_srcdir/completions/anzen")
	[ "$out" = "json pdf" ]; ok $? "bash completion: export --format offers json pdf ($out)"
	out=$(bash -c '. "$1"; COMP_WORDS=(anzen aggregate --n); COMP_CWORD=2; _anzen; echo "${COMPREPLY[*]}"' - "$top_srcdir/completions/anzen")
	[ "$out" = "--named" ]; ok $? "bash completion: aggregate --n is --named ($out)"
fi
done_testing

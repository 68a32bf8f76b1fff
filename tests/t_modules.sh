#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# The screens and the PDF writers are modules (anzen-ui.so and anzen-pdf.so, cli/ui.h) that only the
# commands using them load: status and check never map curses, HarfBuzz, fontconfig, libdeflate or
# nettle, a PDF export never maps curses, and a program whose module is missing still does what
# needs no module and says what is missing for the rest.
. "$top_srcdir/tests/lib.sh"
"$ANZEN" import -o "$T/wb.anzen" "$top_srcdir/tests/data/clinic.json" >/dev/null 2>&1 ||
	{ echo "Bail out! import"; exit 99; }
heavy='ncurses|harfbuzz|fontconfig|deflate|hpdf|nettle'

if command -v readelf >/dev/null 2>&1; then
	readelf -d "$ANZEN" | grep NEEDED >"$T/needed"
	! grep -Eq "$heavy" "$T/needed"
	ok $? "the program needs none of curses, HarfBuzz, fontconfig, libdeflate, nettle"
	readelf -d "$top_builddir/anzen-ui.so" | grep NEEDED >"$T/ui-needed"
	grep -q ncurses "$T/ui-needed" && ! grep -Eq 'harfbuzz|fontconfig|deflate|nettle' "$T/ui-needed"
	ok $? "  the screens' module needs curses, and none of the PDF's libraries"
	readelf -d "$top_builddir/anzen-pdf.so" | grep NEEDED >"$T/pdf-needed"
	# the PDF reads its fonts itself (export/sfnt.c) and loads fontconfig only to look one up
	grep -q deflate "$T/pdf-needed" && ! grep -Eq 'ncurses|tinfo|harfbuzz|fontconfig' "$T/pdf-needed"
	ok $? "  the PDF's module needs libdeflate, and neither curses, HarfBuzz nor fontconfig"
else
	skip "readelf not installed"
	skip "readelf not installed"
	skip "readelf not installed"
fi

# LD_DEBUG=files: the dynamic loader names every object it maps
for cmd in status check; do
	LD_DEBUG=files "$ANZEN" $cmd "$T/wb.anzen" >/dev/null 2>"$T/ld.$cmd"
	if grep -q 'file=' "$T/ld.$cmd"; then
		! grep -Eq "file=[^ ]*($heavy|anzen-ui|anzen-pdf)" "$T/ld.$cmd"
		ok $? "$cmd maps neither the module nor its libraries"
	else
		skip "$cmd: this dynamic loader does not report with LD_DEBUG"
	fi
done
LD_DEBUG=files "$ANZEN" export --format pdf --date 2026-11-28 -o "$T/a.pdf" "$T/wb.anzen" >/dev/null 2>"$T/ld.pdf"
if grep -q 'file=' "$T/ld.pdf"; then
	grep -q 'file=[^ ]*anzen-pdf.so' "$T/ld.pdf" && test -s "$T/a.pdf"
	ok $? "export --format pdf loads the PDF's module and writes the PDF"
	! grep -Eq 'file=[^ ]*(anzen-ui|ncurses|tinfo)' "$T/ld.pdf"
	ok $? "  and maps neither the screens' module nor curses"
else
	skip "export: this dynamic loader does not report with LD_DEBUG"
fi

# out of its build tree the program looks for the module where it is installed
mkdir "$T/bin" && cp "$ANZEN" "$T/bin/anzen"
run 0 "a program without its module: status still works" \
	env ANZEN_GUIDELINE="$top_srcdir/guideline" "$T/bin/anzen" status "$T/wb.anzen"
env ANZEN_GUIDELINE="$top_srcdir/guideline" "$T/bin/anzen" export --format pdf -o "$T/b.pdf" "$T/wb.anzen" \
	>"$T/out" 2>"$T/err"
rc=$?
if [ $rc = 0 ] && ! grep -q anzen-pdf.so "$T/err"; then
	skip "an installed anzen-pdf.so was found ($rc)"
	skip "an installed anzen-pdf.so was found"
	skip "an installed anzen-pdf.so was found"
else
	[ $rc = 74 ]
	ok $? "  export --format pdf fails, exit 74 (exit $rc)"
	has "$T/err" "anzen-pdf.so" "  and names the missing module"
	expect "  and writes nothing" test ! -e "$T/b.pdf"
fi
done_testing

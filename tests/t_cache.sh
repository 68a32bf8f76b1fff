#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# The cache (base/cache.h). The catalogue: parsed once, mapped again by later runs while its files
# and the program are the same; a changed file (even with the same size and mtime), a damaged cache
# or one that cannot be written never changes what anzen reads. The workbooks checked: a workbook
# whose integrity was checked, or that anzen wrote, is not checked again until it changes. The
# font: the file fontconfig found is remembered while it is unchanged.
. "$top_srcdir/tests/lib.sh"
XDG_CACHE_HOME=$T/cache
export XDG_CACHE_HOME
cp -R "$top_srcdir/guideline" "$T/cat" && chmod -R u+w "$T/cat" || { echo "Bail out! copy"; exit 99; }
"$ANZEN" guideline check "$T/cat" >"$T/first" 2>&1
ok $? "the catalogue is read"
cache=$(ls "$T/cache/anzen/catalogue-"* 2>/dev/null | head -1)
expect "  and kept in \$XDG_CACHE_HOME/anzen" test -s "$cache"
cp -p "$cache" "$T/cache.orig"
"$ANZEN" guideline check "$T/cat" >"$T/second" 2>&1
ok $? "read again"
same "$T/first" "$T/second" "  the same catalogue"
expect "  from the cache, which was not written again" test ! "$cache" -nt "$T/cache.orig"

# a file changed in place with its size and mtime kept: the content hash sees it
sed 's/^\(threats:\)/\1 [/' "$T/cat/threats.yaml" | head -c "$(wc -c <"$T/cat/threats.yaml")" >"$T/bad.yaml"
cp "$T/bad.yaml" "$T/cat/threats.yaml" && touch -r "$T/cat/scales.yaml" "$T/cat/threats.yaml"
run 65 "a catalogue file changed (same size and mtime) is read again, and refused" "$ANZEN" guideline check "$T/cat"
cp "$top_srcdir/guideline/threats.yaml" "$T/cat/threats.yaml"

# a damaged cache: the YAML is parsed instead, with the same result
"$ANZEN" guideline check "$T/cat" >/dev/null 2>&1
cache=$(ls "$T/cache/anzen/catalogue-"* | head -1)
size=$(wc -c <"$cache")
printf 'garbage' | dd of="$cache" bs=1 seek=$((size - 100)) conv=notrunc 2>/dev/null
run 0 "a cache with damaged bytes" "$ANZEN" guideline check "$T/cat"
same "$T/out" "$T/first" "  the same catalogue"
head -c 70000 "$cache" >"$T/short" && cp "$T/short" "$cache"
run 0 "a truncated cache" "$ANZEN" guideline check "$T/cat"
same "$T/out" "$T/first" "  the same catalogue"

# nowhere to write it
XDG_CACHE_HOME=$T/first run 0 "a cache that cannot be written (XDG_CACHE_HOME is a file)" "$ANZEN" guideline check "$T/cat"
same "$T/out" "$T/first" "  the same catalogue"
rm -rf "$T/cache"
ANZEN_NO_CACHE=1 run 0 "ANZEN_NO_CACHE=1" "$ANZEN" guideline check "$T/cat"
expect "  writes no cache" test ! -e "$T/cache"

# a workbook's status is the same from the cache as from the YAML
"$ANZEN" import -o "$T/wb.anzen" "$top_srcdir/tests/data/clinic.json" >/dev/null 2>&1
ANZEN_GUIDELINE=$T/cat ANZEN_NO_CACHE=1 "$ANZEN" status "$T/wb.anzen" >"$T/parsed" 2>&1
ANZEN_GUIDELINE=$T/cat "$ANZEN" status "$T/wb.anzen" >/dev/null 2>&1
ANZEN_GUIDELINE=$T/cat "$ANZEN" status "$T/wb.anzen" >"$T/cached" 2>&1
same "$T/cached" "$T/parsed" "status from the cache equals status from the YAML"

# a catalogue whose files are older than two seconds (the one shipped): their stat data stands for
# their contents and the cache is taken on its own stat data, until either changes
if [ -z "$(find "$top_srcdir/guideline" -name '*.yaml' -newerct '3 seconds ago' | head -1)" ]; then
	rm -rf "$T/cache"
	ANZEN_GUIDELINE=$top_srcdir/guideline ANZEN_NO_CACHE=1 "$ANZEN" status "$T/wb.anzen" >"$T/parsed" 2>&1
	ANZEN_GUIDELINE=$top_srcdir/guideline "$ANZEN" status "$T/wb.anzen" >/dev/null 2>&1
	expect "the stat data of a good cache is remembered" test -s "$(ls "$T/cache/anzen/seen-catalogue-"* | head -1)"
	ANZEN_GUIDELINE=$top_srcdir/guideline run 0 "  status taken on it" "$ANZEN" status "$T/wb.anzen"
	same "$T/out" "$T/parsed" "  equals status from the YAML"
	cache=$(ls "$T/cache/anzen/catalogue-"* | head -1)
	cp "$cache" "$T/good"
	printf 'garbage' | dd of="$cache" bs=1 seek=$(($(wc -c <"$cache") - 100)) conv=notrunc 2>/dev/null
	ANZEN_GUIDELINE=$top_srcdir/guideline run 0 "  a cache damaged since" "$ANZEN" status "$T/wb.anzen"
	same "$T/out" "$T/parsed" "  is checked whole again: status equals status from the YAML"
	expect "  and the cache written again" cmp -s "$cache" "$T/good"
else
	skip "the catalogue files changed less than 3 seconds ago"
fi

# the font fontconfig found is remembered; a record that no longer matches its file is not used
run 0 "a PDF" "$ANZEN" export --format pdf --date 2026-11-28 -o "$T/a.pdf" "$T/wb.anzen"
font=$(ls "$T/cache/anzen/" | grep '^font-' | head -1)
expect "  the font file is remembered" test -n "$font"
expect "  with its size, mtime and path" grep -q ' /.*\.ttf$' "$T/cache/anzen/$font"
run 0 "a second PDF, with the remembered font" "$ANZEN" export --format pdf --date 2026-11-28 -o "$T/b.pdf" "$T/wb.anzen"
same "$T/a.pdf" "$T/b.pdf" "  the same PDF"
echo "1 2 3 /nonexistent/font.ttf" >"$T/cache/anzen/$font"
run 0 "a remembered font that is gone: fontconfig asked again" "$ANZEN" export --format pdf --date 2026-11-28 -o "$T/c.pdf" "$T/wb.anzen"
same "$T/a.pdf" "$T/c.pdf" "  the same PDF"
expect "  and the record made right" grep -q ' /.*\.ttf$' "$T/cache/anzen/$font"

# a workbook damaged after it was checked is checked again, and refused
"$ANZEN" status "$T/wb.anzen" >/dev/null 2>&1
expect "the checked workbook is remembered" test -n "$(ls "$T/cache/anzen/" | grep '^checked-')"
cp "$T/wb.anzen" "$T/wb.orig"
size=$(wc -c <"$T/wb.anzen")
head -c 2048 /dev/zero | tr '\000' '\377' | dd of="$T/wb.anzen" bs=1024 seek=$((size / 1024 / 2)) conv=notrunc 2>/dev/null
run 65 "a workbook changed since its check is checked again: damaged" "$ANZEN" status "$T/wb.anzen"
has "$T/err" "damaged" "  the message says so"
cp "$T/wb.orig" "$T/wb.anzen"
run 0 "  and the good copy opens" "$ANZEN" status "$T/wb.anzen"

# a workbook broken in place behind anzen's back, with its size and mtime put back: the ctime
# still tells, and the check (a foreign key the file no longer honours) refuses it
if command -v sqlite3 >/dev/null 2>&1; then
	touch -r "$T/wb.anzen" "$T/stamp"
	sqlite3 "$T/wb.anzen" "PRAGMA foreign_keys = OFF; UPDATE risks SET system_id = 9999 WHERE id = (SELECT min(id) FROM risks);" &&
		touch -r "$T/stamp" "$T/wb.anzen"
	expect "  (same size and mtime as when it was checked)" test "$(wc -c <"$T/wb.anzen")" = "$(wc -c <"$T/wb.orig")" -a ! "$T/wb.anzen" -nt "$T/stamp" -a ! "$T/wb.anzen" -ot "$T/stamp"
	run 65 "a workbook changed in place with its size and mtime kept is checked again, and refused" "$ANZEN" status "$T/wb.anzen"
else
	skip "sqlite3 not installed"
fi
done_testing

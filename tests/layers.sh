#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# The layers, bottom up: base < guideline < model < export, tui < cli.
# Fails (exit 1) on an include that points upward or sideways, on SQLite
# outside model/, and on curses outside tui/.  Usage: layers.sh [SRCDIR]
dir=${1:-${top_srcdir:-.}}
cd "$dir" || { echo "layers.sh: cannot enter $dir" >&2; exit 2; }
[ -d base ] || { echo "layers.sh: $dir has no base/" >&2; exit 2; }

allowed() {
	case $1 in
	base) echo "base" ;;
	guideline) echo "base guideline" ;;
	model) echo "base guideline model" ;;
	export) echo "base guideline model export" ;;
	tui) echo "base guideline model tui" ;;
	cli) echo "base guideline model export tui cli" ;;
	esac
}

bad=0
for layer in base guideline model export tui cli; do
	[ -d "$layer" ] || continue
	ok=$(allowed "$layer")
	for f in $(find "$layer" -name '*.[ch]' | LC_ALL=C sort); do
		# Our headers are included by folder: "folder/name.h".
		for inc in $(sed -n 's|^[ 	]*#[ 	]*include[ 	]*"\([a-z_]*\)/[^"]*".*|\1|p' "$f" | sort -u); do
			case " $ok " in
			*" $inc "*) ;;
			*) echo "$f: $layer/ must not include $inc/" >&2; bad=1 ;;
			esac
		done
		if [ "$layer" != model ] && grep -n 'sqlite3_\|<sqlite3\.h>' "$f" >/dev/null; then
			echo "$f: SQLite is used only in model/" >&2; bad=1
		fi
		if [ "$layer" != tui ] && grep -n 'curses\.h\|ncurses' "$f" >/dev/null; then
			echo "$f: curses is used only in tui/" >&2; bad=1
		fi
	done
done
exit $bad

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
# one awk a folder (a sed and two greps a file took a second and a half of processes)
for layer in base guideline model export tui cli; do
	[ -d "$layer" ] || continue
	files=$(find "$layer" -name '*.[ch]' | LC_ALL=C sort)
	[ -n "$files" ] || continue
	# Our headers are included by folder: "folder/name.h".
	awk -v layer="$layer" -v ok=" $(allowed "$layer") " '
		function done_file() {
			if (f != "" && sq && layer != "model") { print f ": SQLite is used only in model/"; bad = 1 }
			if (f != "" && cu && layer != "tui") { print f ": curses is used only in tui/"; bad = 1 }
			sq = cu = 0; split("", seen); f = FILENAME
		}
		FNR == 1 { done_file() }
		/^[ \t]*#[ \t]*include[ \t]*"[a-z_]*\/[^"]*"/ {
			inc = $0; sub(/^[ \t]*#[ \t]*include[ \t]*"/, "", inc); sub(/\/.*/, "", inc)
			if (inc != "" && !index(ok, " " inc " ") && !(inc in seen)) { print f ": " layer "/ must not include " inc "/"; bad = 1 }
			seen[inc] = 1
		}
		/sqlite3_|<sqlite3\.h>/ { sq = 1 }
		/curses\.h|ncurses/ { cu = 1 }
		END { done_file(); exit bad }' $files >&2 || bad=1
done
exit $bad

# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# The golden-screen runner: curses draws to nowhere (ANZEN_HEADLESS), a key script types
# (ANZEN_KEYS), every <Dump> appends the screen text to a dump that must equal the stored one.
# Source it after lib.sh:   . "$top_srcdir/tests/lib.sh"; . "$top_srcdir/tests/golden.sh"
#   headless LANG COLS ROWS KEYS ARG...  runs ARG... ([VAR=VALUE...] PROGRAM ARGS) in a fresh $T/run
#                        holding a copy of $golden_wb (if set) named $golden_wb_name (wb.anzen), with
#                        a clean environment; sets $rc, the dump is $T/run/dump, stderr $T/run/stderr.
#                        The runs of a test share one cache ($T/cache): the catalogue is parsed by
#                        the first, as after a user's first run (tests/t_cache.sh tests the cache).
#                        LANG ja uses po/ja.po (call ja_catalogue first), anything else English;
#                        the clock is SOURCE_DATE_EPOCH=$golden_epoch (default 1795402800).
#   golden NAME GOLDEN   a test: the last run exited 0, wrote nothing to stderr, no escape byte
#                        reached the screen, and the dump equals GOLDEN
#   golden_all DATA FUNCTION   for every DATA/NAME.keys, in en and ja, at 80x24 and 120x40:
#                        FUNCTION NAME LANG COLS ROWS KEYS (which calls headless), then golden
#                        against DATA/NAME.LANG.COLSxROWS.txt
# ANZEN_UPDATE_GOLDEN=1 rewrites a stored screen that differs, and reports it as a failure (read
# the diff, then run again); with CI set it is refused, and that refusal is a failure.
golden_wb_name=wb.anzen

headless() { # LANG COLS ROWS KEYS ARG...
	h_lang=$1 h_cols=$2 h_rows=$3 h_keys=$4
	shift 4
	rm -rf "$T/run" && mkdir "$T/run" || exit 99
	if [ -n "${golden_wb:-}" ]; then cp "$golden_wb" "$T/run/$golden_wb_name" || exit 99; fi
	(cd "$T/run" && env -i PATH="$PATH" HOME="$T/run" ${ASAN_OPTIONS:+ASAN_OPTIONS="$ASAN_OPTIONS"} \
		${UBSAN_OPTIONS:+UBSAN_OPTIONS="$UBSAN_OPTIONS"} TERM=xterm-256color LC_ALL=C.UTF-8 \
		SOURCE_DATE_EPOCH="${golden_epoch:-1795402800}" LANGUAGE="$h_lang" ANZEN_GUIDELINE="$top_srcdir/guideline" \
		XDG_CACHE_HOME="$T/cache" \
		ANZEN_LOCALEDIR="$([ "$h_lang" = ja ] && echo "$T/locale" || echo /nonexistent)" NO_COLOR=1 \
		ANZEN_HEADLESS=1 LINES="$h_rows" COLUMNS="$h_cols" ANZEN_KEYS="$h_keys" ANZEN_DUMP="$T/run/dump" \
		"$@" >"$T/run/stdout" 2>"$T/run/stderr")
	rc=$?
}

golden_refused=
golden() { # NAME GOLDEN
	g_ok=1
	if [ $rc -ne 0 ] || [ -s "$T/run/stderr" ]; then
		fail "$1 (exit $rc): $(head -c 300 "$T/run/stderr")"
		g_ok=0
	fi
	if LC_ALL=C grep -q "$(printf '\033')" "$T/run/dump" 2>/dev/null; then
		fail "$1: an escape character reached the screen"
		g_ok=0
	fi
	if diff -u "$2" "$T/run/dump" >"$T/golden.diff" 2>&1; then
		[ $g_ok = 0 ] || pass "$1 matches $(basename "$2")"
	elif [ -n "${ANZEN_UPDATE_GOLDEN:-}" ] && [ -z "${CI:-}" ] && [ $g_ok = 1 ]; then
		cp "$T/run/dump" "$2"
		fail "$1: $(basename "$2") rewritten (ANZEN_UPDATE_GOLDEN): read the diff, then run again"
	else
		[ $g_ok = 0 ] || fail "$1 differs from $(basename "$2")"
		sed 's/^/# /' "$T/golden.diff"
	fi
	if [ -n "${ANZEN_UPDATE_GOLDEN:-}" ] && [ -n "${CI:-}" ] && [ -z "$golden_refused" ]; then
		golden_refused=1
		fail "ANZEN_UPDATE_GOLDEN is refused when CI is set: the stored screens are the specification"
	fi
}

golden_all() { # DATA FUNCTION
	for ga_keys in "$1"/*.keys; do
		ga_name=$(basename "$ga_keys" .keys)
		for ga_lang in en ja; do
			for ga_size in 80x24 120x40; do
				"$2" "$ga_name" "$([ $ga_lang = ja ] && echo ja)" "${ga_size%x*}" "${ga_size#*x}" "$ga_keys"
				golden "$ga_name $ga_lang $ga_size" "$1/$ga_name.$ga_lang.$ga_size.txt"
			done
		done
	done
}

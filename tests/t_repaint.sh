#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# A screen that is always right (tmux): after an overlay closes (help F1, a level picker, a
# confirmation) the terminal shows exactly what it showed before it opened, double-width
# characters included, and the home screen after F1 is the home screen of a fresh start; Ctrl-L
# repaints everything.
set -u
: "${ANZEN:?}" "${top_srcdir:?}"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux not installed"; exit 77; }
tmp=$(mktemp -d) || exit 99
T="tmux -L anzenrepaint$$ -f /dev/null"
cleanup() {
	pid=$($T display-message -p '#{pid}' 2>/dev/null)
	$T kill-server 2>/dev/null
	i=0
	while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
n=0 fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
nok() { n=$((n + 1)); echo "not ok $n - $1"; fail=1; sed 's/^/#   | /' "$tmp/pane"; }
# wait_for TEXT...: up to 20 s until the pane shows every TEXT (fixed strings)
wait_for() {
	i=0
	while [ $i -lt 400 ]; do
		$T capture-pane -p -t r >"$tmp/pane" 2>/dev/null
		all=1
		for text in "$@"; do grep -qF -- "$text" "$tmp/pane" || { all=0; break; }; done
		[ $all = 1 ] && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
check() { d=$1; shift; if wait_for "$@"; then ok "$d"; else nok "$d"; fi; }
# same_as FILE DESCRIPTION: up to 20 s until the pane equals FILE
same_as() {
	i=0
	while [ $i -lt 400 ]; do
		$T capture-pane -p -t r >"$tmp/pane" 2>/dev/null
		cmp -s "$tmp/pane" "$1" && { ok "$2"; return; }
		sleep 0.05
		i=$((i + 1))
	done
	nok "$2"
	diff "$1" "$tmp/pane" | sed 's/^/#   /'
}
start() { # start N: anzen in the pane, with its own (empty) state directory
	cmd="cd '$tmp' && env -u ANZEN_HEADLESS -u ANZEN_KEYS -u NO_COLOR HOME='$tmp' XDG_STATE_HOME='$tmp/state$1' LC_ALL=C.UTF-8 LANGUAGE=ja '$ANZEN' open wb.anzen; echo EXIT=\$?; sleep 60"
	if [ "$1" = 1 ]; then $T new-session -d -s r -x 80 -y 24 "$cmd"; else $T respawn-pane -k -t r "$cmd"; fi
}
esc() { $T send-keys -t r Escape; }

"$ANZEN" import -o "$tmp/wb.anzen" "$top_srcdir/guideline/demo/dental-clinic.json" >/dev/null 2>&1 ||
	{ echo "Bail out! cannot import the demo"; exit 99; }

start 1
check "home" "anzen | ホーム" "F1 ヘルプ"
cp "$tmp/pane" "$tmp/home"
$T send-keys -t r F1
check "help over home" "ガイドライン第6.0版の順に"
esc
same_as "$tmp/home" "after F1 and Esc, home is painted exactly as before"
$T send-keys -t r F10
check "F10 leaves" "EXIT=0"
start 2
check "a fresh start" "anzen | ホーム" "F1 ヘルプ"
same_as "$tmp/home" "home after F1 equals home of a fresh start"

$T send-keys -t r 5
check "risks: the threats in order of their suggested rank" "提案ランク順の脅威" "e 編集"
$T send-keys -t r Down Down
check "a threat selected" "e 編集" "> !!!"
cp "$tmp/pane" "$tmp/threats"
$T send-keys -t r e
check "the likelihood picker over the threats" "顕在化率: どのくらい起きそうか"
esc
same_as "$tmp/threats" "after the likelihood picker, the threats are painted exactly as before"
$T send-keys -t r F1
check "help over the threats" "Down 次へ  Up 前へ  q 戻る"
esc
same_as "$tmp/threats" "after F1 over the threats, painted exactly as before"
esc
check "back home" "anzen | ホーム"
$T send-keys -t r 3
check "the systems" "anzen | システム" "レセコン"
cp "$tmp/pane" "$tmp/scored"
$T send-keys -t r d
check "the delete confirmation" "削除"
$T send-keys -t r n
same_as "$tmp/scored" "after the confirmation is refused, painted exactly as before"
$T send-keys -t r C-l
same_as "$tmp/scored" "Ctrl-L repaints the same screen, without a message"
$T send-keys -t r F10
check "F10 leaves" "EXIT=0"
echo "1..$n"
exit $fail

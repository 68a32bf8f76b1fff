#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# Input that never drops the user, on a real pty (tmux): bracketed pastes (paste-buffer -p) go
# into the field as text up to its limit, the rest reported; control characters in a paste are
# dropped with a message and never run as keys; a character split across reads and signals do
# not end the program; a paste where there is no text field is ignored.
set -u
: "${ANZEN:?}" "${top_srcdir:?}"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux not installed"; exit 77; }
tmp=$(mktemp -d) || exit 99
T="tmux -L anzenpaste$$ -f /dev/null"
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
nok() {
	n=$((n + 1)); echo "not ok $n - $1"; fail=1; sed 's/^/#   | /' "$tmp/pane"
	[ -s "$tmp/pane" ] || { echo "#   (no pane to read; tmux says:)"; $T ls 2>&1 | sed 's/^/#   /'; }
}
# wait_for TEXT...: up to 20 s until the pane shows every TEXT (fixed strings)
wait_for() {
	i=0
	while [ $i -lt 400 ]; do
		$T capture-pane -p -t p >"$tmp/pane" 2>/dev/null
		all=1
		for text in "$@"; do grep -qF -- "$text" "$tmp/pane" || { all=0; break; }; done
		[ $all = 1 ] && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
check() { d=$1; shift; if wait_for "$@"; then ok "$d"; else nok "$d"; fi; }
running() { # the program has not ended (the shell prints EXIT= when it does)
	if grep -qF "EXIT=" "$tmp/pane"; then nok "$1"; else ok "$1"; fi
}
paste() { # paste TEXT: a bracketed paste, as a terminal sends one
	printf '%s' "$1" >"$tmp/buf"
	$T load-buffer -b x "$tmp/buf" && $T paste-buffer -p -d -b x -t p
}

$T new-session -d -s p -x 80 -y 24 \
	"cd '$tmp' && env -u ANZEN_HEADLESS -u ANZEN_KEYS -u NO_COLOR HOME='$tmp' LC_ALL=C.UTF-8 LANGUAGE=ja '$ANZEN' open wb.anzen; echo EXIT=\$?; sleep 60"
check "home" "anzen | ホーム" "F1 ヘルプ"
paste "qqq1234"
check "a paste on the home screen, which has no text field, is ignored" "貼り付けた文字列" "anzen | ホーム"
running "the program still runs after a paste on the home screen"

$T send-keys -t p Enter
check "the clinic form" "医療機関名" "0/200"
# 20 pastes of 2,000 Japanese characters (and one more each time): 200 kept, the rest counted
unit=$(i=0; while [ $i -lt 200 ]; do printf 'あいうえおかきくけこ'; i=$((i + 1)); done)
k=1
while [ $k -le 20 ]; do
	$T send-keys -t p C-u C-k
	extra=$(i=0; while [ $i -lt $k ]; do printf '漢'; i=$((i + 1)); done)
	paste "$unit$extra"
	if wait_for "200/200" "$((1800 + k)) 文字は追加されませんでした"; then
		ok "paste $k of 2,00$k characters: 200 kept, $((1800 + k)) reported"
	else
		nok "paste $k of 2,00$k characters: 200 kept, $((1800 + k)) reported"
	fi
	running "the program still runs after paste $k"
	k=$((k + 1))
done

# control characters inside a paste: Ctrl-U, Enter, Tab, Ctrl-C, Esc are text's, not keys
$T send-keys -t p C-u C-k
paste "$(printf 'A\025B\rC\tD\003E\033')"
check "control characters in a paste are dropped with a message" "[ABCDE " "5/200" "制御文字"
running "a pasted Ctrl-C does not quit"
if grep -qF "保存しました" "$tmp/pane"; then nok "a pasted Enter or Tab saves nothing"; else ok "a pasted Enter or Tab saves nothing"; fi
if [ "$(grep -c '\] 0/200' "$tmp/pane")" -eq 5 ]; then ok "a pasted Tab did not move to the next field (the others are empty)"; else nok "a pasted Tab did not move to the next field"; fi

# a character whose bytes arrive in two reads
$T send-keys -t p C-u C-k
$T send-keys -t p -H e3 81
sleep 0.2 # the second half arrives later, as over a slow link
$T send-keys -t p -H 82
check "a character split across reads is put together" "[あ " "1/200"
running "a split character does not end the program"

# signals interrupt the read; none of them ends the program
pid=$(pgrep -P "$($T display-message -p -t p '#{pane_pid}')" -x anzen || pgrep -f "$ANZEN open wb.anzen" | head -1)
for sig in CONT WINCH CHLD URG; do [ -n "$pid" ] && kill -s "$sig" "$pid"; done
$T send-keys -t p -l 'い'
check "after SIGCONT, SIGWINCH, SIGCHLD and SIGURG the program still reads keys" "[あい " "2/200"
running "signals do not end the program"

$T send-keys -t p F10
check "F10 leaves" "EXIT=0"
echo "1..$n"
exit $fail

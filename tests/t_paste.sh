#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# Input that never drops the user, on a real pty (tmux): bracketed pastes (paste-buffer -p) go
# into the field as text up to its limit, the rest reported; control characters in a paste are
# dropped with a message and never run as keys; a character split across reads and signals do
# not end the program; a paste where there is no text field is ignored.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"
running() { # a test: the program has not ended (start_pane prints EXIT= when it does)
	if grep -qF "EXIT=" "$T/pane"; then nok "$1" p; else pass "$1"; fi
}
paste() { # paste TEXT: a bracketed paste, as a terminal sends one
	printf '%s' "$1" >"$T/buf"
	tm load-buffer -b x "$T/buf" && tm paste-buffer -p -d -b x -t p
}

start_pane p "cd '$T' && env -u ANZEN_HEADLESS -u ANZEN_KEYS -u NO_COLOR HOME='$T' LC_ALL=C.UTF-8 LANGUAGE=ja '$ANZEN' open wb.anzen"
check "home" p "anzen | ホーム" "F1 ヘルプ"
paste "qqq1234"
check "a paste on the home screen, which has no text field, is ignored" p "貼り付けた文字列" "anzen | ホーム"
running "the program still runs after a paste on the home screen"

keys p Enter
check "the clinic form" p "医療機関名" "0/200"
# 20 pastes of 2,000 Japanese characters (and one more each time): 200 kept, the rest counted
unit=$(i=0; while [ $i -lt 200 ]; do printf 'あいうえおかきくけこ'; i=$((i + 1)); done)
k=1
while [ $k -le 20 ]; do
	keys p C-u C-k
	extra=$(i=0; while [ $i -lt $k ]; do printf '漢'; i=$((i + 1)); done)
	paste "$unit$extra"
	if wait_for p "200/200" "$((1800 + k)) 文字は追加されませんでした"; then
		pass "paste $k of 2,00$k characters: 200 kept, $((1800 + k)) reported"
	else
		nok "paste $k of 2,00$k characters: 200 kept, $((1800 + k)) reported" p
	fi
	running "the program still runs after paste $k"
	k=$((k + 1))
done

# control characters inside a paste: Ctrl-U, Enter, Tab, Ctrl-C, Esc are text's, not keys
keys p C-u C-k
paste "$(printf 'A\025B\rC\tD\003E\033')"
check "control characters in a paste are dropped with a message" p "[ABCDE " "5/200" "制御文字"
running "a pasted Ctrl-C does not quit"
if grep -qF "保存しました" "$T/pane"; then nok "a pasted Enter or Tab saves nothing" p; else pass "a pasted Enter or Tab saves nothing"; fi
if [ "$(grep -c '\] 0/200' "$T/pane")" -eq 5 ]; then pass "a pasted Tab did not move to the next field (the others are empty)"; else nok "a pasted Tab did not move to the next field" p; fi

# a character whose bytes arrive in two reads
keys p C-u C-k
keys p -H e3 81
sleep 0.2 # the second half arrives later, as over a slow link
keys p -H 82
check "a character split across reads is put together" p "[あ " "1/200"
running "a split character does not end the program"

# signals interrupt the read; none of them ends the program
pid=$(pgrep -P "$(tm display-message -p -t p '#{pane_pid}')" -x anzen || pgrep -f "$ANZEN open wb.anzen" | head -1)
for sig in CONT WINCH CHLD URG; do [ -n "$pid" ] && kill -s "$sig" "$pid"; done
keys p -l 'い'
check "after SIGCONT, SIGWINCH, SIGCHLD and SIGURG the program still reads keys" p "[あい " "2/200"
running "signals do not end the program"

keys p F10
check "F10 leaves" p "EXIT=0"
done_testing

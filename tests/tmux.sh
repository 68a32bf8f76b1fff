# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# The tmux harness: anzen on a real pty, keys sent as a user types them, the screen read back with
# capture-pane. Source it after lib.sh:   . "$top_srcdir/tests/lib.sh"; . "$top_srcdir/tests/tmux.sh"
# It skips the test (exit 77) when tmux is missing. The server runs on a private socket in $T, is
# killed at exit; the cleanup waits until its process has gone. A pane stays after its program
# ends, showing what it printed and "EXIT=status", until the session is killed.
#   tm ARGS...                     tmux on the private socket (tm send-keys -t NAME ...)
#   start_pane NAME COMMAND        COMMAND (sh -c) in a new 80x24 session NAME, "EXIT=status" printed after
#   anzen_pane NAME WORKBOOK [VAR=VALUE...]   anzen open WORKBOOK in $T, in Japanese, 80x24
#   keys NAME KEY...               tmux key names (Enter, Tab, C-u, F2, ...)
#   type_text NAME TEXT            TEXT typed literally
#   esc NAME [TEXT...]             Escape, then wait for the screen that shows every TEXT, or
#                                  without TEXT for another title line (a key sent before that
#                                  would arrive as Alt-key)
#   wait_for NAME TEXT...          0 once the screen shows every TEXT (fixed strings), 1 after
#                                  $wait_timeout seconds (default 30) or as soon as the program
#                                  has ended without showing them; the screen is in $T/pane and
#                                  in $tm_screen
#   tm_screen NAME                 the screen now, in $tm_screen and $T/pane
#   check DESCRIPTION NAME TEXT... a test: wait_for, and on failure the screen is printed
#   wait_same NAME FILE            0 once the screen is exactly FILE (a capture-pane kept earlier),
#                                  1 as wait_for gives up; the screen is in $T/pane
#   check_same DESCRIPTION NAME FILE   a test: wait_same, and on failure the difference is printed
#   nok DESCRIPTION NAME           a failed test with the screen of NAME printed
# Never sleep a fixed time: wait for the screen that shows the step is done.
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux not installed"; exit 77; }
# exit-empty off: a session killed while the next starts would otherwise race the server's exit
printf 'set -s exit-empty off\n' >"$T/tmux.conf"
tm() { tmux -S "$T/tmux.socket" -f "$T/tmux.conf" "$@"; }
tmux_pid=
# tm_running PID: the process has not ended. A zombie has: the server is not our child, and the
# init that adopts it may take a second to reap it (kill -0 still finds it until then).
tm_running() {
	kill -0 "$1" 2>/dev/null || return 1
	[ -r "/proc/$1/stat" ] || return 0
	read -r tr_stat <"/proc/$1/stat" 2>/dev/null || return 1
	case ${tr_stat##*") "} in Z*) return 1 ;; esac
}
tmux_cleanup() {
	tm kill-server 2>/dev/null
	# kill-server returns before the server has gone; its socket and panes go with it
	while [ -n "$tmux_pid" ] && tm_running "$tmux_pid"; do sleep 0.01; done
	rm -rf "$T"
}
trap tmux_cleanup EXIT
: "${wait_timeout:=30}"

start_pane() { # NAME COMMAND
	# tail -f waits for the kill (remain-on-exit would scroll the first line away)
	# EXIT=status on a line of its own, whatever the program or the shell left on the screen
	tm new-session -d -s "$1" -x 80 -y 24 "$2; printf '\\r\\nEXIT=%s\\r\\n' \$?; exec tail -f /dev/null"
	[ -n "$tmux_pid" ] || tmux_pid=$(tm display-message -p -t "$1" '#{pid}')
}
anzen_pane() { # NAME WORKBOOK [VAR=VALUE...]
	ap_name=$1 ap_wb=$2
	shift 2
	start_pane "$ap_name" "cd '$T' && env -u ANZEN_HEADLESS -u ANZEN_KEYS -u NO_COLOR HOME='$T' XDG_STATE_HOME='$T/state' LC_ALL=C.UTF-8 LANGUAGE=ja ANZEN_LOCALEDIR='$T/locale' $* '$ANZEN' open $ap_wb"
}
keys() { tm send-keys -t "$@"; }
type_text() { tm send-keys -t "$1" -l "$2"; }
# The polls below fork as little as they can (a process costs a millisecond of CPU, and a walk
# polls thousands of times): the screen is read into $tm_screen by one tmux process and matched
# with the shell's own patterns, and the clock is read every tenth poll only (the first reading
# starts the timeout: the tenth poll comes at least 0.1 s after the first).
tm_nl='
'
# tm_screen NAME: the screen of NAME in $tm_screen and in $T/pane
tm_screen() {
	tm_screen=$(tm capture-pane -p -t "$1" 2>/dev/null)
	printf '%s\n' "$tm_screen" >"$T/pane"
}
# tm_poll: 0 while the time is not up; sleeps the poll interval: short at first (a screen is usually
# redrawn within milliseconds), then longer so that a slow machine is not flooded. Start with
# tm_poll_start.
tm_poll_start() { tm_poll_end= tm_poll_n=0; }
tm_poll() {
	tm_poll_n=$((tm_poll_n + 1))
	if [ $((tm_poll_n % 10)) = 0 ]; then
		[ -n "$tm_poll_end" ] || tm_poll_end=$(($(date +%s) + wait_timeout))
		[ "$(date +%s)" -lt "$tm_poll_end" ] || return 1
	fi
	if [ $tm_poll_n -le 20 ]; then sleep 0.01; else sleep 0.05; fi
}
esc() { # NAME [TEXT...]
	e_target=$1
	shift
	if [ $# -eq 0 ]; then
		# no TEXT: wait until the title line (the first) is another screen's
		e_title=$(tm capture-pane -p -t "$e_target" -S 0 -E 0 2>/dev/null)
		tm send-keys -t "$e_target" Escape
		tm_poll_start
		while [ "$(tm capture-pane -p -t "$e_target" -S 0 -E 0 2>/dev/null)" = "$e_title" ]; do
			tm_poll || return 1
		done
		return 0
	fi
	tm send-keys -t "$e_target" Escape
	wait_for "$e_target" "$@"
}
wait_for() { # NAME TEXT...
	w_target=$1
	shift
	tm_poll_start
	while :; do
		tm_screen "$w_target"
		w_all=1
		if [ -n "${w_same:-}" ]; then
			[ "$tm_screen" = "$w_want" ] || w_all=0
		else
			for w_text in "$@"; do
				case $tm_screen in *"$w_text"*) ;; *) w_all=0 && break ;; esac
			done
		fi
		[ $w_all = 1 ] && return 0
		# the program has ended (start_pane's EXIT= line): nothing more will appear
		case $tm_nl$tm_screen in *"${tm_nl}EXIT="[0-9]*) return 1 ;; esac
		tm_poll || return 1
	done
}
wait_same() { # NAME FILE
	w_same=$2
	w_want=$(cat "$2")
	wait_for "$1"
	w_rc=$?
	w_same=
	return $w_rc
}
check_same() { # DESCRIPTION NAME FILE
	if wait_same "$2" "$3"; then
		pass "$1"
	else
		fail "$1"
		diff "$3" "$T/pane" | sed 's/^/#   /'
	fi
}
nok() { # DESCRIPTION NAME
	fail "$1"
	tm capture-pane -p -t "$2" 2>/dev/null | sed 's/^/#   | /'
}
check() { # DESCRIPTION NAME TEXT...
	c_desc=$1 c_target=$2
	shift 2
	if wait_for "$c_target" "$@"; then pass "$c_desc"; else nok "$c_desc" "$c_target"; fi
}

#!/bin/sh
# The screens on a real pty: tmux on a private socket, keys sent as a user (and a paste) would,
# the pane read back with capture-pane. Polls for text instead of sleeping a fixed time.
set -u
: "${ANZEN:?}"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux not installed"; exit 77; }
tmp=$(mktemp -d) || exit 99
T="tmux -L anzen$$ -f /dev/null"
cleanup() {
	pid=$($T display-message -p '#{pid}' 2>/dev/null)
	$T kill-server 2>/dev/null
	# kill-server returns before the server has gone
	i=0
	while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
n=0 fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
nok() {
	n=$((n + 1)); echo "not ok $n - $1"; fail=1
	$T capture-pane -p -t "$2" 2>/dev/null | sed 's/^/#   | /'
}
# wait_for TARGET TEXT...: up to 10 s until the pane shows every TEXT (fixed strings)
wait_for() {
	target=$1; shift
	i=0
	while [ $i -lt 200 ]; do
		$T capture-pane -p -t "$target" >"$tmp/pane" 2>/dev/null
		all=1
		for text in "$@"; do grep -qF -- "$text" "$tmp/pane" || { all=0; break; }; done
		[ $all = 1 ] && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
check() { # DESCRIPTION TARGET TEXT...
	d=$1 t=$2; shift 2
	if wait_for "$t" "$@"; then ok "$d"; else nok "$d" "$t"; fi
}
# start NAME ENV...: anzen open in a new 80x24 session, exit status printed when it ends
start() {
	name=$1; shift
	$T new-session -d -s "$name" -x 80 -y 24 \
		"cd '$tmp' && env -u ANZEN_HEADLESS -u ANZEN_KEYS -u LANGUAGE -u NO_COLOR LC_ALL=C.UTF-8 $* '$ANZEN' open $name.anzen; echo EXIT=\$?; sleep 60"
}

start s
check "home screen on a real terminal" s "anzen | Home" "Sample form" "F1 Help"
$T send-keys -t s j Enter
check "the form opens" s "Clinic name" "0/200"
$T send-keys -t s -l 'テスト'
check "Japanese typed into the form" s "[テスト" "3/200"
$T send-keys -t s BSpace Left
$T send-keys -t s -l '漢字'
check "Backspace and Left by character, insert in the middle" s "[テ漢字ス" "4/200"

$T resize-window -t s -x 20 -y 5
check "resized to 20x5: the too-small screen" s "Terminal too small" "20×5)"
$T resize-window -t s -x 80 -y 24
check "back to 80x24: the form again, text kept" s "[テ漢字ス" "Clinic name" "Tab Next field"
if grep -q "Terminal too small" "$tmp/pane"; then nok "the too-small screen is gone" s; else ok "the too-small screen is gone"; fi

$T send-keys -t s C-u C-k
long=$(i=0; while [ $i -lt 200 ]; do printf 'あいうえおabcde'; i=$((i + 1)); done)
$T send-keys -t s -l "$long"
check "2,000 pasted characters: 200 kept, the rest counted" s "200/200" "1800 characters were not added"

$T send-keys -t s C-u C-k
$T send-keys -t s -l "$(printf 'A\002B\033[31mC\033]0;x\007D')"
check "control characters and escape sequences in pasted text are dropped" s "[ABCD " "4/200"
if grep -q '31m' "$tmp/pane"; then nok "no part of the escape sequence is inserted" s; else ok "no part of the escape sequence is inserted"; fi

$T send-keys -t s Tab Tab
$T send-keys -t s -l '2026-02-30'
$T send-keys -t s Tab
check "an impossible date is refused with a message" s "2026-02-30 is not a date that exists"
$T send-keys -t s BSpace BSpace
$T send-keys -t s -l '23'
$T send-keys -t s F2
check "a real date is accepted and the form saves" s "Saved."
$T send-keys -t s Escape
check "nothing changed since saving: Esc leaves at once" s "anzen | Home"
$T send-keys -t s q
check "q on the home screen leaves with status 0" s "EXIT=0"

start s2
check "a second session for the colour check" s2 "anzen | Home"
start mono TERM=vt100
check "a terminal without colours: attributes only, still drawn" mono "anzen | Home" "F1 Help"
$T send-keys -t mono q
check "  and left cleanly" mono "EXIT=0"
start nocolor NO_COLOR=1
check "NO_COLOR=1: drawn" nocolor "anzen | Home"
# capture-pane -e keeps the SGR codes: colours 30-37/40-47 only without NO_COLOR
sgr_colours() { $T capture-pane -e -p -t "$1" | LC_ALL=C grep -c "$(printf '\033')\[[34][0-7]m"; }
if [ "$(sgr_colours nocolor)" = 0 ] && [ "$(sgr_colours s2)" != 0 ]; then
	ok "NO_COLOR=1: attributes only; colours otherwise"
else
	nok "NO_COLOR=1: attributes only; colours otherwise" nocolor
fi

start dumb TERM=dumb
check "TERM=dumb: a message and exit 64, no garbage" dumb "cannot draw the workbook screens on terminal type 'dumb'" "EXIT=64"
start c LANG=C LC_ALL=C
check "LANG=C: a message and exit 64" c "needs a UTF-8 locale" "EXIT=64"

echo "1..$n"
exit $fail

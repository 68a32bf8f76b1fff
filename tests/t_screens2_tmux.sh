#!/bin/sh
# The assessment screens on a real pty, in Japanese: score a threat of the cloud EHR (likelihood
# then severity), accept the risk with approver, date and reason typed in Japanese, and read the
# result back through `anzen export --format json`. tmux on a private socket, polling the pane.
set -u
: "${ANZEN:?}" "${top_srcdir:?}" "${top_builddir:?}"
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux not installed"; exit 77; }
tmp=$(mktemp -d) || exit 99
T="tmux -L anzen-s2-$$ -f /dev/null"
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
	n=$((n + 1)); echo "not ok $n - $1"; fail=1
	$T capture-pane -p -t "$2" 2>/dev/null | sed 's/^/#   | /'
}
wait_for() { # TARGET TEXT...: up to 10 s until the pane shows every TEXT
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

"$ANZEN" import -o "$tmp/wb.anzen" "$top_srcdir/tests/data/clinic.json" >/dev/null 2>&1 || { echo "Bail out! import"; exit 99; }
mkdir -p "$tmp/locale/ja/LC_MESSAGES"
msgfmt -o "$tmp/locale/ja/LC_MESSAGES/anzen.mo" "$top_srcdir/po/ja.po" ||
	{ echo "Bail out! msgfmt"; exit 99; }

$T new-session -d -s s -x 80 -y 24 \
	"cd '$tmp' && env -u ANZEN_HEADLESS -u ANZEN_KEYS -u NO_COLOR LC_ALL=C.UTF-8 LANGUAGE=ja ANZEN_LOCALEDIR='$tmp/locale' ANZEN_GUIDELINE='$top_srcdir/guideline' '$top_builddir/tests/open_screen' risks:2 wb.anzen; echo EXIT=\$?; sleep 60"
check "the risks of the cloud EHR, in Japanese" s "リスク評価" "システム: 電子カルテ(クラウド)" "未評価"
$T send-keys -t s Down Enter
check "Enter on an unscored threat asks the likelihood, with the level descriptions" s "顕在化率: どのくらい起きそうか" "ほぼ確実" "10年に1回"
$T send-keys -t s 4
check "then the severity" s "重大性: 起きたらどのくらい困るか"
$T send-keys -t s 5
check "the new score and its rank by symbol and letter" s "!!! S 4 x 5" "保存しました。"
$T send-keys -t s Enter
check "the treatment screen" s "現在のランク:" "対応" "まだ足りないもの: 対応を選んでください"
if $T capture-pane -e -p -t s | grep -F "現在のランク:" | grep -qF "$(printf '\033[31m!!! S')"; then
	ok "the rank S is red as well as !!! S"
else
	nok "the rank's colour" s
fi
$T send-keys -t s Enter
check "the treatments with their meaning" s "回避" "低減" "移転" "受容"
$T send-keys -t s 4
check "accepting an S risk of an approved assessment asks the management's approval first" s \
	"承認者(経営層)" "経営層の承認(氏名と日付)が必要です"
$T send-keys -t s C-u
$T send-keys -t s -l '院長'
$T send-keys -t s Enter
check "the approval date" s "承認日" "YYYY-MM-DD"
$T send-keys -t s C-u
$T send-keys -t s -l '2026-02-30'
$T send-keys -t s Enter
check "an impossible date is refused" s "2026-02-30"
$T send-keys -t s BSpace BSpace
$T send-keys -t s -l '20'
check "the 和暦 beside the date" s "令和8年2月20日"
$T send-keys -t s Enter
check "accepted once approved: the reason is what is missing" s "受容の理由" "理由を書いてください"
$T send-keys -t s Down Enter
check "the reason, typed in Japanese" s "受容の理由" "0/4000"
$T send-keys -t s -l '費用に見合わないため、来年見直す'
$T send-keys -t s Enter
check "complete: nothing is missing" s "完了: 不足はありません。" "院長" "費用に見合わないため"
$T resize-window -t s -x 20 -y 5
check "resized to 20x5: the too-small screen" s "画面が小さすぎます" "20×5"
$T resize-window -t s -x 120 -y 40
check "at 120x40 the treatment again, as it was" s "完了: 不足はありません。" "費用に見合わないため、来年見直す"
$T resize-window -t s -x 80 -y 24
$T send-keys -t s q
check "back in the list: accepted and complete" s "!!! S 4 x 5 受容" "完了"
$T send-keys -t s q
check "the program ends cleanly" s "EXIT=0"

"$ANZEN" export --format json -o "$tmp/out.json" "$tmp/wb.anzen" >/dev/null 2>"$tmp/err"
# canonical JSON: one row a line, keys sorted
if grep '"system_id": 2,' "$tmp/out.json" | grep '"likelihood": 4,' | grep '"severity": 5,' |
	grep '"accepted_at": "2026-02-20", "accepted_by": "院長",' | grep '"rationale": "費用に見合わないため、来年見直す",' |
	grep -q '"treatment": "accept"}'; then
	ok "anzen export has the score, the treatment and the approval"
else
	nok "export: $(cat "$tmp/err")" s
fi

echo "1..$n"
exit $fail

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# The assessment screens on a real pty, in Japanese: score a threat of the cloud EHR (likelihood
# then severity), accept the risk with approver, date and reason typed in Japanese, and read the
# result back through `anzen export --format json`. tests/tmux.sh drives the screens.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"
ja_catalogue

"$ANZEN" import -o "$T/wb.anzen" "$top_srcdir/tests/data/clinic.json" >/dev/null 2>&1 || { echo "Bail out! import"; exit 99; }
start_pane s "cd '$T' && env -u ANZEN_HEADLESS -u ANZEN_KEYS -u NO_COLOR LC_ALL=C.UTF-8 LANGUAGE=ja ANZEN_LOCALEDIR='$T/locale' ANZEN_GUIDELINE='$top_srcdir/guideline' '$top_builddir/tests/open_screen' risks:2 wb.anzen"
check "the risks of the cloud EHR, in Japanese" s "リスク評価" "システム: 電子カルテ(クラウド)" "未評価"
tm send-keys -t s Down Enter
check "Enter on an unscored threat asks the likelihood, with the level descriptions" s "顕在化率: どのくらい起きそうか" "ほぼ確実" "10年に1回"
tm send-keys -t s 4
check "then the severity" s "重大性: 起きたらどのくらい困るか"
tm send-keys -t s 5
check "the new score and its rank by symbol and letter" s "!!! S 4 x 5" "保存しました。"
tm send-keys -t s Enter
check "the treatment screen" s "現在のランク:" "対応" "まだ足りないもの: 対応を選んでください"
if tm capture-pane -e -p -t s | grep -F "現在のランク:" | grep -qF "$(printf '\033[31m!!! S')"; then
	pass "the rank S is red as well as !!! S"
else
	nok "the rank's colour" s
fi
tm send-keys -t s Enter
check "the treatments with their meaning" s "回避" "低減" "移転" "受容"
tm send-keys -t s 4
check "accepting an S risk of an approved assessment asks the management's approval first" s \
	"承認者(経営層)" "経営層の承認(氏名と日付)が必要です"
tm send-keys -t s C-u
tm send-keys -t s -l '院長'
tm send-keys -t s Enter
check "the approval date" s "承認日" "YYYY-MM-DD"
tm send-keys -t s C-u
tm send-keys -t s -l '2026-02-30'
tm send-keys -t s Enter
check "an impossible date is refused" s "2026-02-30"
tm send-keys -t s BSpace BSpace
tm send-keys -t s -l '20'
check "the 和暦 beside the date" s "令和8年2月20日"
tm send-keys -t s Enter
check "accepted once approved: the reason is what is missing" s "受容の理由" "理由を書いてください"
tm send-keys -t s Down Enter
check "the reason, typed in Japanese" s "受容の理由" "0/4000"
tm send-keys -t s -l '費用に見合わないため、来年見直す'
tm send-keys -t s Enter
check "complete: nothing is missing" s "完了: 不足はありません。" "院長" "費用に見合わないため"
tm resize-window -t s -x 20 -y 5
check "resized to 20x5: the too-small screen" s "画面が小さすぎます" "20×5"
tm resize-window -t s -x 120 -y 40
check "at 120x40 the treatment again, as it was" s "完了: 不足はありません。" "費用に見合わないため、来年見直す"
tm resize-window -t s -x 80 -y 24
tm send-keys -t s q
check "back in the list: accepted and complete" s "!!! S 4 x 5 受容" "完了"
tm send-keys -t s q
check "the program ends cleanly" s "EXIT=0"

"$ANZEN" export --format json -o "$T/out.json" "$T/wb.anzen" >/dev/null 2>"$T/err"
# canonical JSON: one row a line, keys sorted
if grep '"system_id": 2,' "$T/out.json" | grep '"likelihood": 4,' | grep '"severity": 5,' |
	grep '"accepted_at": "2026-02-20", "accepted_by": "院長",' | grep '"rationale": "費用に見合わないため、来年見直す",' |
	grep -q '"treatment": "accept"}'; then
	pass "anzen export has the score, the treatment and the approval"
else
	nok "export: $(cat "$T/err")" s
fi

done_testing

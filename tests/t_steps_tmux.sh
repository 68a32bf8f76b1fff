#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# Every step of the workbook on a real pty (tests/tmux.sh): keys sent as a user (and a paste) would, the screen
# read back and waited for.
# The main walk goes in Japanese at 80x24 from an empty workbook through every step to an exported
# JSON, which must equal what 'anzen export --format json' writes; then the bad-input cases.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"
ja_catalogue

# ---- the walk: an empty workbook to an exported JSON ----
anzen_pane w wb.anzen
check "home screen in Japanese on a real terminal" w "anzen | ホーム" "医療機関と担当者" "F1 ヘルプ" "0/15"

keys w Enter
check "clinic form" w "anzen | 医療機関と担当者" "医療機関名" "0/200"
type_text w '山田歯科医院'
keys w Tab; type_text w '東京都千代田区1-1'
keys w Tab; type_text w '03-1234-5678'
keys w Tab; type_text w '山田太郎'
keys w Tab; type_text w '山田太郎'
keys w Tab; type_text w '山田花子'
keys w F2
check "clinic and roles saved" w "保存しました。" "[山田花子"
esc w "anzen | ホーム"
check "home: the fields are counted, the clinic questions still open" w "anzen | ホーム" "33%  5/15"

keys w 2
check "contact chart, empty" w "anzen | 連絡体制" "連絡先はまだありません"
for kind in 0 1 2; do
	keys w a
	wait_for w "種類" "< 院内 >" || true
	k=0; while [ $k -lt $kind ]; do keys w Right; k=$((k + 1)); done
	keys w Tab; type_text w "役割$kind"
	keys w Tab; type_text w "連絡$kind"
	keys w Tab; type_text w "組織$kind"
	keys w Tab; type_text w "090-0000-000$kind"
	keys w F2
	wait_for w "anzen | 連絡体制" "連絡$kind" || true
done
check "three contacts: inside, vendor, authority" w "院内 | 役割0 | 連絡0" "事業者 | 役割1" "行政など | 役割2"
esc w "anzen | ホーム"

keys w 3
check "systems, empty" w "anzen | システム" "システムはまだありません"
keys w a
check "add: the kinds from the catalogue" w "どの種類のシステムですか？" "レセコン"
keys w 1
check "the kind's defaults filled in" w "[レセコン" "< 院内 >" "< はい >"
keys w F2
check "system saved" w "保存しました。" "> レセコン | レセコン | 院内 | 事業者なし"
esc w "anzen | ホーム"

keys w 4
check "vendors, empty" w "anzen | 事業者" "事業者はまだありません"
keys w a
type_text w '山田システム'
keys w Tab; type_text w '営業部 03-1111-2222'
keys w F2
# a vendor that supports no system yet is asked only the questions for every vendor
check "vendor saved" w "山田システム | 不明 | 0 / 7 件回答済み | 事業者確認用 未返却"
esc w "anzen | ホーム"

keys w 3
check "back to the system" w "> レセコン"
keys w e
wait_for w "anzen | システム" "事業者" || true
keys w Down Down Down Down Down Down Down Right
check "the vendor is one of the choices" w "< 山田システム >"
keys w F2
check "system edited: its vendor" w "レセコン | レセコン | 院内 | 山田システム"
esc w

keys w 4
check "the vendor now supports the receipt computer: asked every question" w "山田システム | 不明 | 0 / 14 件回答済み"
keys w Enter
check "the vendor's questions, a to e first" w "anzen | 事業者への質問" "a)  [-]" "e)  [-]"
# every question, by its answer type in the catalogue
qn=0
for type in $(grep -E '^    answer:' "$top_srcdir/guideline/vendor_questions.yaml" | awk '{print $2}'); do
	qn=$((qn + 1))
	keys w Enter
	wait_for w "anzen | 事業者の回答" || true
	case $type in
	yes_no_unknown) keys w 1 ;;
	date) type_text w "2026-11-2$((qn % 10))" ;;
	*) type_text w "回答$qn" ;;
	esac
	keys w Tab; type_text w "メモ$qn"
	keys w Tab; type_text w '2026-11-20'
	keys w F2
	wait_for w "anzen | 事業者への質問" "保存しました。" || true
	keys w Down
done
check "every vendor question answered" w "a)  [はい]" "[回答3]"
esc w "14 / 14 件回答済み"
check "the vendor's answers counted" w "山田システム | 不明 | 14 / 14 件回答済み"
esc w "anzen | ホーム"
check "home: systems and vendors done" w "anzen | ホーム" "3  システム          [##########] 100%  完了" "4  事業者            [##########] 100%  完了"

# ---- the risks (5), checklist (6) and risk map (7) steps of the walk ----
keys w 5
check "risks: the threats by suggested rank, the open questions selected" w "anzen | リスク評価" "提案ランク順の脅威" \
	"> 運用についての質問に答える" "システムごとのリスク"
keys w Down Enter
check "risks: choose the system" w "anzen | リスク評価" "評価するシステムを選んでください" "レセコン"
keys w Enter
check "the threats of the system, none scored" w "システム: レセコン (レセコン)" "未評価" "VPN機器の脆弱性の放置"
keys w Enter
check "the likelihood with its level descriptions" w "顕在化率: どのくらい起きそうか" "ほぼ確実"
keys w 5
check "then the severity" w "重大性: 起きたらどのくらい困るか" "甚大"
keys w 5
check "scored 5 x 5: rank S by symbol and letter" w "!!! S 5 x 5" "保存しました。"
keys w Enter
check "the treatment screen" w "anzen | 対応" "現在のランク: !!! S 最重要" "まだ足りないもの: 対応を選んでください"
keys w Enter
check "the treatments" w "回避" "低減" "移転" "受容"
keys w 2
check "reduce: an action and the residual risk are missing" w "低減: 対策を1つ以上追加してください"
keys w a
check "a control from the catalogue" w "対策の追加: カタログから選ぶ" "VPN機器のファームウェアをすぐ更新する"
keys w 1
check "the action form, the control filled in" w "anzen | 対策" "担当者" "期限"
type_text w '山田太郎'
keys w Tab; type_text w '2027-03-31'
keys w Tab F2
check "the action saved with its owner" w "対策を保存しました。" "担当: 山田太郎"
keys w Down Down Enter
check "the residual likelihood" w "対策後の顕在化率"
keys w 2
wait_for w "対策後の顕在化率 2" || true
keys w Down Enter
check "the residual severity" w "重大性"
keys w 3
check "reduced: rank after treatment C, nothing missing" w "対応後:   ~ C 低" "完了: 不足はありません。"
keys w q
check "back in the list: reduced, its action still open (not done)" w "!!! S 5 x 5 低減   対策中"
keys w Down Enter
wait_for w "顕在化率: どのくらい起きそうか" || true
keys w 2
wait_for w "重大性: 起きたらどのくらい困るか" || true
keys w 2
check "a second risk, 2 x 2: rank D" w "- D 2 x 2" "保存しました。"
keys w Enter
wait_for w "anzen | 対応" || true
keys w Enter
wait_for w "受容" || true
keys w 4
check "accept of a D risk: only the reason is missing (no approval below rank B)" w "まだ足りないもの: 理由を書いてください"
keys w Down Enter
check "the reason for accepting" w "受容の理由" "0/4000"
type_text w '費用に見合わないため'
keys w Enter Down Enter
check "the approver" w "承認者" "0/200"
type_text w '山田太郎'
keys w Enter Down Enter
check "the approval date" w "承認日" "YYYY-MM-DD"
type_text w '2026-11-22'
check "  with the 和暦" w "令和8年11月22日"
keys w Enter
check "accepted: nothing is missing" w "完了: 不足はありません。" "費用に見合わないため"
keys w q
check "back in the list: accepted and complete" w "- D 2 x 2 受容   完了"
keys w q q q
check "home: two risks done" w "anzen | ホーム" "5  リスク" "2/32"

keys w 6
check "the MHLW checklist" w "anzen | 厚労省チェックリスト" "提案" "Space 切替"
keys w Space
check "Space answers yes" w "運用してい  [はい]"
keys w Down s
check "s takes the suggestion, with its evidence" w "提案どおりに記入しました: はい" "安全管理責任者: 山田太郎"
keys w Down Down Space Space
check "a no asks for a target date" w "[いいえ]" "「いいえ」には目標日が必要です"
keys w Enter
check "the answer form" w "anzen | チェックリストの回答" "確認日" "目標日"
keys w Tab; type_text w '2026-11-20'
keys w Tab; type_text w '2027-03-31'
keys w Tab F2
check "the answer saved with its dates" w "保存しました。" "確認日: 2026-11-20   目標日: 2027-03-31"
keys w q
# an answer counts with its 確認日 (and a No with its 目標日): only the third one has them
check "home: the checklist counts the answer with its dates" w "anzen | ホーム" "1/19"

keys w 7
check "the risk map in Japanese" w "anzen | リスクマップ" "対応後 (残留リスク)" "[S  1]"
keys w Enter
check "choosing a cell lists its risks" w "現在 顕在化率 5・重大性 5 のリスク: 1 件" "レセコン / VPN機器の脆弱性の放置"
keys w q Space
wait_for w "対応後: 顕在化率" || true
keys w Down Down Down Left Left
check "the residual map: the reduced risk moved to 2 x 3" w "[C  1]" "ランク C 低、リスク 1 件"
keys w Enter
check "  and its cell lists it" w "対応後 顕在化率 2・重大性 3 のリスク: 1 件" "VPN機器の脆弱性の放置"
keys w q q
check "home again" w "anzen | ホーム"

keys w 8
check "approval" w "anzen | 承認" "承認者"
type_text w '山田太郎'
keys w Tab; type_text w '2026-11-23'
check "the 和暦 beside the date" w "令和8年11月23日"
keys w F2
check "approval saved" w "保存しました。"
esc w "anzen | ホーム"

keys w 9
check "export screen" w "anzen | 書き出し" "< PDF >"
keys w BTab Right
check "JSON chosen, the file name follows" w "< JSON >" ".json"
keys w Tab C-u
type_text w "$T/walk.json"
keys w F2
check "JSON written" w "書き出しました: $T/walk.json"
keys w C-c
check "leaving at once: exit 0" w "EXIT=0"
tm kill-session -t w

# reopening returns to the last screen
anzen_pane w2 wb.anzen
check "reopening returns to the export screen" w2 "anzen | 書き出し"
esc w2 "anzen | ホーム"
check "  and back goes home" w2 "anzen | ホーム"
keys w2 q
check "  q on home asks for a second press" w2 "もう一度 q を押すと anzen を終了します"
keys w2 q
check "  q again leaves" w2 "EXIT=0"
tm kill-session -t w2

(cd "$T" && "$ANZEN" export --format json -o cli.json wb.anzen) >"$T/export.out" 2>&1
if [ -s "$T/walk.json" ] && cmp -s "$T/walk.json" "$T/cli.json"; then
	pass "the JSON written by the screens equals 'anzen export --format json'"
else
	nok "the screens' JSON and 'anzen export' differ: $(cat "$T/export.out")" w
fi
if grep -q '山田歯科医院' "$T/cli.json" && grep -q '"approved_at": *"2026-11-23"' "$T/cli.json" &&
	grep -q '"category": *"rececon"' "$T/cli.json" && [ "$(grep -c '"question":' "$T/cli.json")" -ge 14 ] &&
	grep -q '"kind": *"authority"' "$T/cli.json"; then
	pass "the export holds the clinic, contacts, system, vendor answers and approval"
else
	nok "the export misses something" w; sed 's/^/# /' "$T/cli.json" | head -40
fi

# canonical JSON: one row a line, keys sorted
row() { grep -F "$1" "$T/cli.json" | grep -F "$2" | grep -F "$3" | grep -qF "$4"; }
if row '"likelihood": 5,' '"residual_likelihood": 2, "residual_severity": 3, "score_basis": "changed", "severity": 5, "system_id": 1, "threat": "vpn_vuln",' \
	'"treatment": "reduce"}' '"id": 1,'; then
	pass "export: the reduced risk with its score (changed from the suggestion) and residual score"
else
	nok "export: the reduced risk" w; grep -F '"threat":' "$T/cli.json" | sed 's/^/# /'
fi
if row '"control": "patch_vpn",' '"due": "2027-03-31",' '"owner": "山田太郎", "risk_id": 1,' '"status": "planned"'; then
	pass "export: the action from the catalogue with its owner and due date"
else
	nok "export: the action" w; grep -F '"risk_id":' "$T/cli.json" | sed 's/^/# /'
fi
if row '"accepted_at": "2026-11-22", "accepted_by": "山田太郎",' '"likelihood": 2, "rationale": "費用に見合わないため",' \
	'"severity": 2, "system_id": 1,' '"treatment": "accept"}'; then
	pass "export: the accepted risk with approver, date and reason"
else
	nok "export: the accepted risk" w; grep -F '"threat":' "$T/cli.json" | sed 's/^/# /'
fi
if row '"answer": "yes", "checked_at": null, "checklist": "r7-clinic",' '"item": "0",' '"device": "all",' '"target_at": null' &&
	row '"answer": "yes",' '"item": "1-(1)",' '"checklist": "r7-clinic",' '"device": "all",' &&
	row '"answer": "no", "checked_at": "2026-11-20",' '"device": "all", "item": "2-(1)",' '"target_at": "2027-03-31"}' '"checklist": "r7-clinic",' &&
	[ "$(grep -c '"checklist": "r7-clinic", "device"' "$T/cli.json")" = 3 ]; then
	pass "export: the three checklist answers with the dates of the no"
else
	nok "export: the checklist answers" w; grep -F '"checklist": "r7' "$T/cli.json" | sed 's/^/# /'
fi

# ---- bad input ----
anzen_pane bad bad.anzen
check "a second workbook" bad "anzen | ホーム"
anzen_pane lock bad.anzen
check "a workbook another anzen holds: the store's message in the screens" lock "anzen | 開けません" \
	"ワークブックを開けません。" "何も変更していません。"
keys lock q
check "  q leaves with exit 75" lock "EXIT=75"

keys bad Enter
check "the clinic form" bad "医療機関名" "0/200"
type_text bad 'テスト'
keys bad BSpace Left
type_text bad '漢字'
check "Backspace and Left by character, insert in the middle" bad "[テ漢字ス" "4/200"

tm resize-window -t bad: -x 20 -y 5
check "resized to 20x5: the too-small screen" bad "画面が小さすぎ" "20×5"
tm resize-window -t bad: -x 80 -y 24
check "back to 80x24: the form again, text kept" bad "[テ漢字ス" "医療機関名" "Tab 次の欄"
if grep -q "20×5" "$T/pane"; then nok "the too-small screen is gone" bad; else pass "the too-small screen is gone"; fi

keys bad C-u C-k
long=$(i=0; while [ $i -lt 200 ]; do printf 'あいうえおabcde'; i=$((i + 1)); done)
type_text bad "$long"
check "2,000 pasted characters: 200 kept, the rest counted" bad "200/200" "1800"

keys bad C-u C-k
type_text bad "$(printf 'A\002B\033[31mC\033]0;x\007D')"
check "control characters and escape sequences in pasted text are dropped" bad "[ABCD " "4/200"
if grep -q '31m' "$T/pane"; then nok "no part of the escape sequence is inserted" bad; else pass "no part of the escape sequence is inserted"; fi
keys bad F2
check "saved" bad "保存しました。"
esc bad "anzen | ホーム"

keys bad 8
check "approval form" bad "anzen | 承認"
keys bad Tab
type_text bad '2026-02-30'
keys bad Tab
check "2026-02-30 is refused with a message" bad "2026-02-30 は存在しない日付です"
keys bad C-u
type_text bad '令和0年1月1日'
keys bad Tab
check "令和0年 is refused with a message" bad "011 は存在しない日付です"
keys bad C-u
type_text bad '2019-05-01'
check "a real date: the 和暦 beside it" bad "令和元年5月1日"
keys bad F2
check "  and saved" bad "保存しました。"
esc bad "anzen | ホーム"
keys bad q
check "q on the home screen asks for a second press" bad "もう一度 q を押すと"
keys bad q
check "q again on the home screen leaves with status 0" bad "EXIT=0"

anzen_pane mono mono.anzen TERM=vt100
check "a terminal without colours: attributes only, still drawn" mono "anzen | ホーム" "F1 ヘルプ"
keys mono q q
check "  and left cleanly" mono "EXIT=0"
anzen_pane colour colour.anzen
check "a session for the colour check" colour "anzen | ホーム"
anzen_pane nocolor nocolor.anzen NO_COLOR=1
check "NO_COLOR=1: drawn" nocolor "anzen | ホーム"
# capture-pane -e keeps the SGR codes: colours 30-37/40-47 only without NO_COLOR
sgr_colours() { tm capture-pane -e -p -t "$1" | LC_ALL=C grep -c "$(printf '\033')\[[34][0-7]m"; }
if [ "$(sgr_colours nocolor)" = 0 ] && [ "$(sgr_colours colour)" != 0 ]; then
	pass "NO_COLOR=1: attributes only; colours otherwise"
else
	nok "NO_COLOR=1: attributes only; colours otherwise" nocolor
fi

anzen_pane dumb dumb.anzen TERM=dumb
check "TERM=dumb: a message and exit 64, no garbage" dumb "'dumb'" "EXIT=64"
anzen_pane c c.anzen LANG=C LC_ALL=C
check "LANG=C: a message and exit 64" c "UTF-8" "EXIT=64"

done_testing

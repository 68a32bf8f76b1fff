#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# The questions about how it works are asked where the owner fills the workbook: the clinic's on the
# clinic form, a system's on its form, a vendor's on its form, each with its answer; the risk step shows
# how many questions behind a threat are open and f answers them. In Japanese at 80x24 on a workbook
# made from the dental-clinic template: an answer given on the clinic form changes the suggestion and its
# reason in the risk step, and an answer given from the risk step is the one its system's form shows.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"
ja_catalogue
(cd "$T" && ANZEN_GUIDELINE="$top_srcdir/guideline" "$ANZEN" new --template dental-clinic wb.anzen) >/dev/null 2>&1 ||
	{ echo "Bail out! anzen new"; exit 99; }
anzen_pane w wb.anzen
check "the home screen" w "anzen | ホーム" "1  医療機関と担当者"

# threat THREAT-WORDS: the risk step filtered down to one threat, its detail shown
threat() {
	keys w 5
	wait_for w "提案ランク順の脅威" || nok "the risk step" w
	keys w /
	type_text w "$1"
	wait_for w "検索: $1" "1 / " || nok "the filter" w
	keys w Enter
}
home() { keys w q; wait_for w "anzen | ホーム" "1  医療機関と担当者" || nok "home again" w; }

# before: nobody said how long the passwords are, so "don't know" raises the likelihood
threat 推測しやすい
check "the risk step opens on the open questions, then the threat: likelihood raised, and why" w \
	"!!! S 5 x 4 未確認       短い・推測しやすいパスワード" "提案の顕在化率 5: 短いパスワード・わからない" \
	"もとになる質問の未回答 1 件 (f)"
home

# the clinic form: the clinic's questions follow the roles, each with its answer
keys w 1
check "the clinic form lists the clinic's questions below the roles" w "anzen | 医療機関と担当者" "代行者" \
	"(未回答)         パスワードは8文字以上にしているか"
keys w F1
check "F1 on the clinic form says how to answer the questions" w "その下は医療機関の運用についての質問" \
	"1(はい)、2(いいえ)、3(わからない)で答える"
keys w Escape
wait_for w "Tab 次の欄"
keys w Tab Tab Tab Tab Tab Tab
check "on the first question: the answer keys and why it matters" w "1 はい  2 いいえ  3 わからない" \
	"短いパスワードは総当たりで破られます。"
keys w 1
check "answered yes on the form, on to the next open question" w "< はい >         パスワードは8文字以上" \
	"1台で盗まれると全台に入られます"
keys w Escape
check "home again" w "anzen | ホーム"

# after: the same threat, its likelihood lowered by the answer, and the reason says so
threat 推測しやすい
check "the suggestion and its reason follow the clinic form's answer" w "2 x 4 未確認       短い・推測しやすいパスワード" \
	"提案の顕在化率 2: 8文字以上または二要素認証"
if grep -q "もとになる質問の未回答" "$T/pane"; then nok "no question behind it is open any more" w; else
	pass "no question behind it is open any more"; fi
home

# from the risk step: f lists the questions behind the selected threat; the firmware date given there
threat 脆弱性の放置
check "the VPN threat: firmware not known" w "提案の顕在化率 5: ファームウェアを1年以上更新していない・わからない" \
	"もとになる質問の未回答 1 件 (f)"
keys w f
check "f: the questions behind the threat, the open one selected" w "「VPN機器の脆弱性の放置」の提案のもとになる質問: 1 件、未回答 1 件" \
	"> (未回答)       遠隔保守用VPNルータ: この機器のファームウェア"
keys w 1
check "a date question asks for its date" w "YYYY-MM-DD"
type_text w 2026-10-01
keys w Enter
check "answered" w "未回答 0 件" "2026-10-01"
keys w q
check "back on the threat: the likelihood lowered, and why" w "提案の顕在化率 2: ファームウェアを1年以内に更新している"
home

# the system form: the router's questions below its fields, with the answer given from the risk step
keys w 3
check "the systems" w "anzen | システム" "遠隔保守用VPNルータ"
keys w Down Down Down Enter
check "the router's form" w "名前" "遠隔保守用VPNルータ"
keys w Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
check "its questions below its fields" w "(未回答)         この機器の初期ID・パスワードを変更しましたか" \
	"初期パスワードは公開されていて"
keys w 2
check "default password kept: answered no on the form; the firmware date answered from the risk step" w \
	"< いいえ >       この機器の初期ID・パスワードを変更しましたか" "< 2026-10-01 >   この機器のファームウェアを最後に更新した日"
keys w Escape
wait_for w "anzen | システム" "a 追加" || nok "the list again" w
home

# the vendor form: the vendor's questions below its profile
keys w 4
check "the vendors" w "anzen | 事業者" "レセコンの販売・保守事業者"
keys w e
check "the vendor's form" w "認証取得予定日"
keys w Tab Tab Tab Tab Tab Tab
check "its questions" w "(未回答)         VPN機器の更新を誰が行うか" "役割があいまいだと誰も更新しません"
keys w 1
check "answered yes on the vendor form" w "< はい >         VPN機器の更新を誰が行うか"
keys w Escape
wait_for w "anzen | 事業者" "a 追加" || nok "the list again" w
home
keys w C-c
check "leaving: exit 0" w "EXIT=0"

# the answers are in the workbook, each where it was given
(cd "$T" && "$ANZEN" export --format json -o out.json wb.anzen) >/dev/null 2>&1
fact() { grep -F "\"fact\": \"$1\"" "$T/out.json" | grep -qF "$2"; }
if fact password_long '"answer": "yes"'; then pass "the clinic form's answer is saved"; else nok "the clinic's answer" w; fi
if fact firmware_updated '2026-10-01'; then pass "the firmware date is saved"; else nok "the firmware date" w; fi
if fact default_password_changed '"answer": "no"'; then pass "the router form's answer is saved"; else nok "the router's answer" w; fi
if fact vendor_patch_role '"answer": "yes"'; then pass "the vendor form's answer is saved"; else nok "the vendor's answer" w; fi
done_testing

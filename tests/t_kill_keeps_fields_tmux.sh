#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# Killing anzen loses at most the field being typed: every field the user left is already in the
# workbook (a new row from when its name was left, a new action from when what is done was left), which stays whole (PRAGMA integrity_check), and reopening returns to the last screen.
# tests/tmux.sh drives the screens; anzen killed with SIGKILL, nothing to clean up.
. "$top_srcdir/tests/lib.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP sqlite3 not installed"; exit 77; }
. "$top_srcdir/tests/tmux.sh"
ja_catalogue

# kill9 NAME: SIGKILL to the anzen of session NAME (the child of the pane's shell)
kill9() {
	sh_pid=$(tm display-message -p -t "$1" '#{pane_pid}')
	a_pid=$(ps -o pid= --ppid "$sh_pid" | tr -d ' ' | head -1)
	[ -n "$a_pid" ] && kill -9 "$a_pid"
	wait_for "$1" "EXIT=137" || true
	tm kill-session -t "$1"
}
# field WORKBOOK JQ-PATH: a value of the workbook's JSON export
field() { (cd "$T" && "$ANZEN" export --format json -o - "$1" 2>/dev/null) | jq -r "$2"; }
# values WORKBOOK JQ-PATH...: the values of one export, by one jq, in $v1, $v2... (each a line)
values() {
	v_wb=$1
	shift
	v_expr=
	for v_path in "$@"; do v_expr="$v_expr${v_expr:+, }($v_path)"; done
	(cd "$T" && "$ANZEN" export --format json -o - "$v_wb" 2>/dev/null) | jq -r "$v_expr" >"$T/values"
	v_i=0
	while [ $v_i -lt $# ]; do v_i=$((v_i + 1)); eval "v$v_i="; done
	v_i=0
	while IFS= read -r v_line; do v_i=$((v_i + 1)); eval "v$v_i=\$v_line"; done <"$T/values"
}
whole() {
	if [ "$(sqlite3 "$T/$1" 'PRAGMA integrity_check' 2>&1)" = ok ]; then pass "$2"; else nok "$2: $(sqlite3 "$T/$1" 'PRAGMA integrity_check' 2>&1)" x; fi
}

# ---- the clinic form: two fields left, a third half typed, then SIGKILL ----
anzen_pane c wb.anzen
check "home screen" c "anzen | ホーム"
keys c Enter
check "clinic form" c "anzen | 医療機関と担当者" "医療機関名"
type_text c '山田歯科医院'
keys c Tab; type_text c '東京都千代田区1-1'
keys c Tab; type_text c '03-12'
check "  three fields typed" c "[03-12"
kill9 c
values wb.anzen .clinic.name .clinic.address .clinic.phone
if [ "$v1" = 山田歯科医院 ] && [ "$v2" = '東京都千代田区1-1' ]; then
	pass "the two fields left are saved"
else
	nok "the fields left are not saved: $(field wb.anzen .clinic)" x
fi
if [ "$v3" = "" ]; then pass "the field being typed is lost, and only it"; else nok "phone: $v3" x; fi
whole wb.anzen "the workbook is whole after SIGKILL"
anzen_pane c2 wb.anzen
check "reopening returns to the clinic form, with the saved fields" c2 "anzen | 医療機関と担当者" "[山田歯科医院" "[東京都千代田区1-1"
keys c2 Escape
check "  Esc goes home without asking" c2 "anzen | ホーム"
keys c2 q q
check "  q twice leaves" c2 "EXIT=0"
tm kill-session -t c2

# ---- a new contact: added once its name is left, then field by field ----
anzen_pane k wb.anzen
check "home screen (contact)" k "anzen | ホーム"
keys k 2
check "contact chart" k "anzen | 連絡体制"
keys k a
check "  the add form" k "< 院内 >"
keys k Right
keys k Tab; type_text k '保守担当'
keys k Tab; type_text k '鈴木'
keys k Tab; type_text k '山田シス'
check "  organisation half typed" k "[山田シス"
kill9 k
values wb.anzen '.contacts | length' '.contacts[0].name' '.contacts[0].role' '.contacts[0].kind' '.contacts[0].organisation'
if [ "$v1" = 1 ] && [ "$v2" = 鈴木 ] && [ "$v3" = 保守担当 ] && [ "$v4" = vendor ]; then
	pass "the new contact was added when its name was left"
else
	nok "contacts: $(field wb.anzen .contacts)" x
fi
if [ "$v5" = "" ]; then pass "  its field being typed is lost"; else nok "organisation: $v5" x; fi
whole wb.anzen "the workbook is whole after SIGKILL (contact)"

# ---- a checklist answer: the answer picked, a bad date kept out, a good one saved ----
anzen_pane l e.anzen
check "home screen (checklist)" l "anzen | ホーム"
keys l 6
check "checklist" l "anzen | 厚労省チェックリスト"
keys l Enter
check "  the answer form" l "anzen | チェックリストの回答"
keys l Right
keys l Tab; type_text l '2026-02-30'
keys l Tab
check "  a date that does not exist stays, with the message" l "存在しない日付"
keys l C-u; type_text l '2026-11-01'
keys l Tab; type_text l '2027-0'
check "  target date half typed" l "[2027-0"
kill9 l
values e.anzen '.checklist_answers | length' '.checklist_answers[0].answer' '.checklist_answers[0].checked_at' \
	'.checklist_answers[0].target_at'
if [ "$v1" = 1 ] && [ "$v2" = yes ] && [ "$v3" = 2026-11-01 ] && [ "$v4" = null ]; then
	pass "the answer and the checked date are saved, the target date being typed is lost"
else
	nok "checklist: $(field e.anzen .checklist_answers)" x
fi
whole e.anzen "the workbook is whole after SIGKILL (checklist)"

# ---- a system: its name left with Tab, a choice changed, a third field half typed ----
(cd "$T" && "$ANZEN" import -o sys.anzen "$top_srcdir/tests/data/clinic.json") >/dev/null 2>&1 || { echo "Bail out! import"; exit 99; }
anzen_pane s sys.anzen
check "home screen (system)" s "anzen | ホーム"
keys s 3
check "systems" s "anzen | システム" "> レセコン"
keys s Enter
check "the system's form" s "[レセコン"
keys s C-u; type_text s 'レセコン受付'
keys s Tab Tab
keys s Right
check "  hosting changed to in the clinic" s "< 院内 >"
i=0; while [ $i -lt 6 ]; do keys s Down; i=$((i + 1)); done
keys s C-u; type_text s 'Cis'
check "  third field typed" s "[Cis"
kill9 s
# tests/data/clinic.json has it in the cloud
values sys.anzen .systems[0].name .systems[0].hosting .systems[0].device_make
if [ "$v1" = レセコン受付 ] && [ "$v2" = onprem ]; then
	pass "the system's name and the choice changed are saved"
else
	nok "system: $(field sys.anzen '.systems[0]')" x
fi
if [ "$v3" = Yamaha ]; then pass "the system field being typed is lost"; else nok "make: $v3" x; fi
whole sys.anzen "the workbook is whole after SIGKILL (system)"
anzen_pane s2 sys.anzen
check "reopening returns to the systems" s2 "anzen | システム" "> レセコン受付"
tm kill-session -t s2

# ---- a new action: added once what is done is given and left, then field by field ----
# tests/open_screen opens the treatment of risk 2 (transfer, with one action; a threat the
# catalogue does not know, so only the own action is offered) directly
(cd "$T" && "$ANZEN" import -o act.anzen "$top_srcdir/tests/data/clinic.json") >/dev/null 2>&1 || { echo "Bail out! import"; exit 99; }
acts() { field act.anzen "[.actions[] | select(.risk_id == ${risk:-2})] | $1"; }
# acts_values JQ-PATH...: values of the actions of the risk, into $v1, $v2...
acts_values() {
	av_paths=
	for av_path in "$@"; do av_paths="$av_paths '[.actions[] | select(.risk_id == ${risk:-2})] | $av_path'"; done
	eval "values act.anzen $av_paths"
}
treat() { # NAME RISK-ID
	start_pane "$1" "cd '$T' && env -u ANZEN_HEADLESS -u ANZEN_KEYS -u NO_COLOR HOME='$T' LC_ALL=C.UTF-8 LANGUAGE=ja ANZEN_LOCALEDIR='$T/locale' ANZEN_GUIDELINE='$top_srcdir/guideline' '$top_builddir/tests/open_screen' treat:$2 act.anzen"
}
treat a 2
check "the treatment (own action)" a "現在のランク:" "VPN機器のファームウェアを更新する"
keys a a
check "  the catalogue's controls, then the own action" a "独自の対策 (文章で書く)"
keys a End Enter
check "  the form of an own action" a "(独自の対策)" "0/4000"
type_text a 'UTMのログを毎月確認する'
keys a Tab; type_text a '事務長'
keys a Tab; type_text a '2027-0'
check "  due date half typed" a "[2027-0"
kill9 a
acts_values length '.[1].description' '.[1].owner' '.[1].control' '.[1].status' '.[1].due'
if [ "$v1" = 2 ] && [ "$v2" = 'UTMのログを毎月確認する' ] && [ "$v3" = 事務長 ] && [ "$v4" = null ] && [ "$v5" = planned ]; then
	pass "the new action was added when what is done was left, and its owner saved"
else
	nok "actions: $(acts .)" x
fi
if [ "$v6" = null ]; then pass "  its due date being typed is lost"; else nok "due: $v6" x; fi
whole act.anzen "the workbook is whole after SIGKILL (own action)"

# a control from the catalogue is given by the pick: leaving its owner adds the action (risk 17:
# vpn_vuln, reduce, whose catalogue controls are offered first)
risk=17
before=$(acts length)
treat b 17
check "the treatment (control)" b "現在のランク:" "VPN機器の脆弱性の放置"
keys b a
check "  the catalogue's controls" b "独自の対策 (文章で書く)"
keys b Enter
check "  the form of the first control, at its owner" b "カタログの対策:" "0/200"
type_text b '山田'
keys b Tab; type_text b '2027-1'
check "  due date half typed" b "[2027-1"
kill9 b
acts_values length '.[-1].control' '.[-1].owner' '.[-1].due'
if [ "$v1" = $((before + 1)) ] && [ "$v2" != null ] && [ "$v3" = 山田 ] && [ "$v4" = null ]; then
	pass "the control was added when its owner was left, the due date being typed is lost"
else
	nok "actions: $(acts .)" x
fi
whole act.anzen "the workbook is whole after SIGKILL (control)"

done_testing

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# A new owner's first screen (tmux): an empty workbook's home says that t starts it from a
# template; t lists the catalogue's templates with the dental clinic first, Enter fills in its
# systems, vendors and usual answers in one step, and the workbook is then no longer offered one
# (the model refuses a template over systems already entered: it would double them).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"
ja_catalogue

run 0 "a new, empty workbook" "$ANZEN" new "$T/wb.anzen"
anzen_pane w wb.anzen
check "home offers a template" w "anzen | ホーム" "t でテンプレート"
keys w t
check "t lists the templates, the dental clinic chosen" w "テンプレートから始める" "> 2  歯科診療所" "医科診療所" "クラウド型"
keys w Enter
check "Enter starts from it and says so" w "テンプレート「歯科診療所" "システム 8 件、事業者 4 件"
check "the systems step is filled in" w "システム          [##########] 100%"
nok_if_has() { if grep -qF "$2" "$T/pane"; then fail "$1"; else pass "$1"; fi; }
nok_if_has "the offer is gone" "t でテンプレート"
keys w t
check "t is not a template any more" w "t キーは使えません"
keys w F10
check "F10 leaves" w "EXIT=0"
run 0 "status of the workbook" "$ANZEN" status "$T/wb.anzen"
has "$T/out" "Systems                8" "it holds the template's 8 systems"
has "$T/out" "Vendors                4" "and its 4 vendors"
grep "Change log entries" "$T/out" >"$T/log.tui"
"$ANZEN" new --template dental-clinic "$T/cli.anzen" >/dev/null 2>&1
"$ANZEN" status "$T/cli.anzen" 2>/dev/null | grep "Change log entries" >"$T/log.cli"
same "$T/log.tui" "$T/log.cli" "the change log holds what 'anzen new --template' leaves: a template is the start, not a change"
done_testing

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# Translations: po/ja.po covers every user-visible string, and a Japanese locale gets Japanese.
. "$top_srcdir/tests/lib.sh"
for t in xgettext msgfmt msgcmp; do
	command -v $t >/dev/null || { echo "1..0 # SKIP $t not installed"; exit 0; }
done
po=$top_srcdir/po/ja.po
# a file with messages but missing from po/POTFILES.in would escape every check below
(cd "$top_srcdir" && for f in base/*.[ch] guideline/*.[ch] model/*.[ch] export/*.[ch] tui/*.[ch] cli/*.[ch]; do
	grep -qE '(^|[^A-Za-z0-9_])(_|N_|R_)\("' "$f" && ! grep -qx "$f" po/POTFILES.in && echo "$f"
done) >"$T/unlisted"
ok "$(test ! -s "$T/unlisted"; echo $?)" "every source file with messages is in po/POTFILES.in"
sed 's/^/#   not listed: /' "$T/unlisted"
msgfmt --check --statistics -o "$T/ja.mo" "$po" 2>"$T/stats"
ok $? "po/ja.po compiles with msgfmt --check"
! grep -qE 'untranslated|fuzzy' "$T/stats"
ok $? "po/ja.po has no untranslated or fuzzy message ($(cat "$T/stats"))"
(cd "$top_srcdir" && grep -v '^#' po/POTFILES.in | xargs xgettext --keyword=_ --keyword=N_ --keyword=R_ --from-code=UTF-8 \
	-o "$T/anzen.pot" --package-name=anzen) 2>"$T/err"
ok $? "xgettext extracts the source strings"
msgcmp "$po" "$T/anzen.pot" >"$T/cmp" 2>&1
ok $? "every source string has an entry in po/ja.po"
[ $? -eq 0 ] || sed 's/^/#   /' "$T/cmp" | head -20
msgcmp --use-untranslated "$T/anzen.pot" "$po" >"$T/stale" 2>&1
ok $? "po/ja.po keeps no message the sources no longer have"
[ $? -eq 0 ] || sed 's/^/#   /' "$T/stale" | head -20

mkdir -p "$T/locale/ja/LC_MESSAGES"
cp "$T/ja.mo" "$T/locale/ja/LC_MESSAGES/anzen.mo"
if locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then
	jalang="LC_ALL=ja_JP.UTF-8"
else
	jalang="LANGUAGE=ja"   # with C.UTF-8 from lib.sh
	echo "# ja_JP.UTF-8 is not generated; using LANGUAGE=ja"
fi
env ANZEN_LOCALEDIR="$T/locale" $jalang "$ANZEN" --help >"$T/help" 2>&1
has "$T/help" "使い方" "--help is Japanese under $jalang"
env ANZEN_LOCALEDIR="$T/locale" $jalang "$ANZEN" status "$T/none.anzen" >"$T/out" 2>"$T/err"
has "$T/err" "開けません" "error messages are Japanese too"
env ANZEN_LOCALEDIR="$T/locale" LC_ALL=C.UTF-8 "$ANZEN" --help >"$T/help-en" 2>&1
has "$T/help-en" "Usage:" "--help is English under C.UTF-8"
done_testing

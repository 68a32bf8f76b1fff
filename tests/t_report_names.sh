#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The anzen authors
# Names in the inspection PDF break only where they must (issue 15, item 3): no line of the printed
# text holds a single character of a name (「架空デンタルシステ」/「ム」), and no name is cut inside a
# katakana run or a Latin word (「架空デンタルシス」/「テム株式会社」), on any page: the action plan, the
# inventory, the vendors, the contacts, the lists of systems and the appendix.
. "$top_srcdir/tests/lib.sh"
for tool in pdftotext msgfmt perl; do
	command -v "$tool" >/dev/null 2>&1 || { echo "1..0 # SKIP $tool not installed"; exit 0; }
done
G=$top_srcdir/guideline
# the Japanese catalogue, and the font's temporary files in $T
mkdir -p "$T/ja/LC_MESSAGES" "$T/tmp" && msgfmt -o "$T/ja/LC_MESSAGES/anzen.mo" "$top_srcdir/po/ja.po"
export ANZEN_LOCALEDIR="$T" TMPDIR="$T/tmp"

# The demo, with a Latin vendor and a long organisation as an action's owner.
sed -e 's/"まちのネットワーク工房"/"Machino Network Works Co.,Ltd."/' \
	-e '0,/"owner": "山田 花子"/s//"owner": "医療法人社団 さくら会 さくら歯科クリニック"/' \
	"$G/demo/dental-clinic.json" >"$T/names.json"
run 0 "import the demo with a Latin vendor and a long owner" "$ANZEN" import -o "$T/names.anzen" "$T/names.json"
run 0 "its PDF" "$ANZEN" export --format pdf --date 2026-11-28 -o "$T/names.pdf" "$T/names.anzen"
# -raw keeps the content stream's order: a cell's lines follow each other
pdftotext -enc UTF-8 -raw "$T/names.pdf" "$T/raw.txt" 2>/dev/null
pdftotext -enc UTF-8 -layout "$T/names.pdf" "$T/layout.txt" 2>/dev/null

# Every name of the workbook (systems, vendors, owners, contacts), and each way of cutting it that
# must not happen: one character alone, or inside a katakana run or a Latin word (letters, digits).
grep -o '"\(name\|owner\|organisation\|administrator\|security_[a-z]*\|[a-z]*ed_by\)": "[^"]*"' "$T/names.json" | sed 's/^"[a-z_]*": "\(.*\)"$/\1/' |
	sort -u >"$T/names"
# each cut between characters a and b: "the name up to a<TAB>the rest from b" (one perl for all
# names: a shell loop spent a second of processes on it)
perl -CSD -Mutf8 -ne '
	BEGIN { $katakana = "ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶヷヸヹヺー" }
	# k: katakana, l: a Latin letter or digit, o: other
	sub kind { my $c = shift; $c =~ /^[A-Za-z0-9]$/ ? "l" : index($katakana, $c) >= 0 ? "k" : "o" }
	chomp;
	my @c = split //;
	my $k = @c;
	next if $k < 3;
	for my $i (1 .. $k - 1) {
		my ($x, $y) = ($c[$i - 1], $c[$i]);
		my $lone = $i == 1 || $i == $k - 1;
		my $word = kind($x) . kind($y);
		my $rest = join "", @c[$i .. $k - 1];
		# (a katakana compound may break before a word of it: デンタル|システム)
		$word = "o" if !$lone && $rest =~ /^(システム|イメージング|センター|ネットワーク|サービス|サポート)/;
		print join("", @c[0 .. $i - 1]), "\t$rest\n"
			if ($lone || $word eq "kk" || $word eq "ll") && $x ne " " && $y ne " ";
	}' "$T/names" >"$T/cuts"
ok "$(test "$(wc -l <"$T/names")" -ge 20 && test "$(wc -l <"$T/cuts")" -ge 100; echo $?)" "$(wc -l <"$T/names") names, $(wc -l <"$T/cuts") cuts that must not happen"
# a cut: a line ending in the first part followed by a line starting with the rest
awk -F '\t' 'NR == FNR { a[NR] = $1; b[NR] = $2; n = NR; next }
	{ sub(/ +$/, ""); sub(/^ +/, "") }
	FNR > 1 { for (i = 1; i <= n; i++) {
		la = length(a[i]); lb = length(b[i])
		if (length(prev) >= la && substr(prev, length(prev) - la + 1) == a[i] && substr($0, 1, lb) == b[i])
			print a[i] "/" b[i]
	} }
	{ prev = $0 }' "$T/cuts" "$T/raw.txt" | sort -u >"$T/found"
ok "$(test ! -s "$T/found"; echo $?)" "no name is cut one character from an end or inside a word ($(wc -l <"$T/found") found)"
sed 's/^/#   cut: /' "$T/found" | head -10
# the issue's own examples, in the printed layout
ok "$(grep -cE 'デンタルシ(ス|ステ)?( |$)' "$T/layout.txt" | grep -qx 0; echo $?)" "the owner 架空デンタルシステム is not split inside システム"
has "$T/layout.txt" "架空デンタル" "the owner is printed"
tr -d ' \n' <"$T/raw.txt" >"$T/flat"
missing=0
while IFS= read -r name; do
	grep -qF -- "$(printf '%s' "$name" | tr -d ' ')" "$T/flat" || { missing=$((missing + 1)); echo "#   missing: $name"; }
done <"$T/names"
ok "$missing" "every name is printed whole, its lines put together"
# the vendors' questions: a key per vendor in the header, each key with its name above
grep -E '^確認 +A +B +C +D +E *$' "$T/layout.txt" >/dev/null
ok $? "the vendor questions' header holds one line of keys A–E"
grep -E '^ *C +Machino Network ' "$T/layout.txt" >/dev/null
ok $? "the table of vendors gives C its full name"
done_testing

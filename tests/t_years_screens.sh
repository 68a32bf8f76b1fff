#!/bin/sh
# The years screen from the home screen (entry 0), headless with golden screens in en and ja at
# 80x24 and 120x40, on a workbook made by 'anzen next-year' from tests/data/clinic.json and then
# edited; then its action: 'a' and 'y' start the next year beside the workbook, which 'anzen status'
# shows with the earlier years; an existing file is refused.
# ANZEN_UPDATE_GOLDEN=1 rewrites the stored screens instead (then read the diff before committing).
set -u
: "${top_srcdir:?}" "${ANZEN:?}"
command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP sqlite3 not installed"; exit 77; }
data=$top_srcdir/tests/data/years_tui
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/locale/ja/LC_MESSAGES" || exit 99
msgfmt -o "$tmp/locale/ja/LC_MESSAGES/anzen.mo" "$top_srcdir/po/ja.po" || { echo "Bail out! no catalogue"; exit 99; }
n=0 fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
nok() { n=$((n + 1)); echo "not ok $n - $1"; fail=1; }

# last year's workbook, this year's made from it, and an edit in this year
"$ANZEN" import -o "$tmp/last.anzen" "$top_srcdir/tests/data/clinic.json" >/dev/null &&
	"$ANZEN" next-year -o "$tmp/clinic.anzen" "$tmp/last.anzen" >/dev/null &&
	sqlite3 "$tmp/clinic.anzen" "UPDATE systems SET firmware = 'Rev.23.01' WHERE id = 1;" ||
	{ echo "Bail out! the workbooks"; exit 99; }

# headless LANGUAGE COLS ROWS KEYS: anzen open clinic.anzen (a fresh copy) in $tmp/run
headless() {
	rm -rf "$tmp/run" && mkdir "$tmp/run" && cp "$tmp/clinic.anzen" "$tmp/run/clinic.anzen" || exit 99
	(cd "$tmp/run" && env -i PATH="$PATH" HOME="$tmp/run" ${ASAN_OPTIONS:+ASAN_OPTIONS="$ASAN_OPTIONS"} \
		${UBSAN_OPTIONS:+UBSAN_OPTIONS="$UBSAN_OPTIONS"} TERM=xterm-256color LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1795402800 \
		LANGUAGE="$1" ANZEN_LOCALEDIR="$([ "$1" = ja ] && echo "$tmp/locale" || echo /nonexistent)" NO_COLOR=1 \
		ANZEN_HEADLESS=1 COLUMNS="$2" LINES="$3" ANZEN_KEYS="$4" ANZEN_DUMP="$tmp/run/dump" "$ANZEN" open clinic.anzen \
		>"$tmp/run/stdout" 2>"$tmp/run/stderr")
	rc=$?
}

for lang in en ja; do
	for size in 80x24 120x40; do
		golden=$data/years.$lang.$size.txt
		headless "$([ $lang = ja ] && echo ja)" "${size%x*}" "${size#*x}" "$data/years.keys"
		if [ -n "${ANZEN_UPDATE_GOLDEN:-}" ]; then cp "$tmp/run/dump" "$golden"; fi
		if [ $rc -eq 0 ] && [ ! -s "$tmp/run/stderr" ] && diff -u "$golden" "$tmp/run/dump"; then
			ok "years $lang $size matches $(basename "$golden")"
		else
			nok "years $lang $size (exit $rc): $(head -c 300 "$tmp/run/stderr")"
		fi
		if [ -e "$tmp/run/clinic-2028.anzen" ]; then nok "years $lang $size: 'n' created nothing"; fi
	done
done

# a and y: the next year beside the workbook, this one unchanged
printf '0ay<Dump>' >"$tmp/yes.keys"
headless ja 80 24 "$tmp/yes.keys"
# (the message wraps at 80 columns: joined first)
if [ $rc -eq 0 ] && [ -s "$tmp/run/clinic-2028.anzen" ] && tr -d '\n' <"$tmp/run/dump" |
	grep -qF "clinic-2028.anzen を 2028 年度用に作成しました。開くには: anzen openclinic-2028.anzen"; then
	ok "a, y: clinic-2028.anzen created, the message names it and how to open it"
else
	nok "a, y (exit $rc)"; sed 's/^/# /' "$tmp/run/dump" "$tmp/run/stderr" | tail -8
fi
"$ANZEN" status "$tmp/run/clinic-2028.anzen" >"$tmp/status" 2>&1
if grep -q "Earlier years: 2027 2026" "$tmp/status" && grep -q "Changes since fiscal year 2027:" "$tmp/status"; then
	ok "anzen status on the new file shows the earlier years"
else
	nok "anzen status on the new file"; sed 's/^/# /' "$tmp/status" | head -8
fi
if sqlite3 "$tmp/run/clinic.anzen" "SELECT fiscal_year FROM assessment" | grep -qx 2027 &&
	[ "$(sqlite3 "$tmp/run/clinic-2028.anzen" "SELECT fiscal_year FROM assessment")" = 2028 ] &&
	[ "$(sqlite3 "$tmp/run/clinic-2028.anzen" "SELECT firmware FROM systems WHERE id = 1")" = Rev.23.01 ]; then
	ok "the open workbook stays 2027; the new one is 2028 with the edit carried over"
else
	nok "the years of the two workbooks"
fi

# an existing file is refused with a message, and left alone
printf '0a<Dump>' >"$tmp/exists.keys"
rm -rf "$tmp/keep" && mkdir "$tmp/keep" && printf 'not a workbook\n' >"$tmp/keep/clinic-2028.anzen" &&
	cp "$tmp/keep/clinic-2028.anzen" "$tmp/x" && cp "$tmp/clinic.anzen" "$tmp/keep/clinic.anzen" || exit 99
(cd "$tmp/keep" && env -i PATH="$PATH" HOME="$tmp/keep" ${ASAN_OPTIONS:+ASAN_OPTIONS="$ASAN_OPTIONS"} \
	${UBSAN_OPTIONS:+UBSAN_OPTIONS="$UBSAN_OPTIONS"} TERM=xterm-256color LC_ALL=C.UTF-8 NO_COLOR=1 \
	ANZEN_HEADLESS=1 COLUMNS=80 LINES=24 ANZEN_KEYS="$tmp/exists.keys" ANZEN_DUMP="$tmp/keep/dump" \
	"$ANZEN" open clinic.anzen >/dev/null 2>&1)
if grep -q "clinic-2028.anzen already exists; nothing was created." "$tmp/keep/dump" &&
	cmp -s "$tmp/x" "$tmp/keep/clinic-2028.anzen"; then
	ok "an existing clinic-2028.anzen is refused with a message and not touched"
else
	nok "an existing file"; sed 's/^/# /' "$tmp/keep/dump" | tail -5
fi

echo "1..$n"
exit $fail

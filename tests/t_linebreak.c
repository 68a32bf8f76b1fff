/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The line breaker with a stub width: ideographs 1000, everything else 500 (1/1000 em). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/linebreak.h"
#include "tests/tap.h"

static long stub(void *ctx, uint32_t cp)
{
	(void)ctx;
	return cp >= 0x2E80 ? 1000 : 500;
}

/* The lines joined with '|', e.g. "あいう|え。かき"; mode: 0 as a text, 1 as a name (az_wrap_name),
 * 2 with its first bytes up to ':' a name, 3 with its bytes after ": " names (az_wrap_span). */
static const char *wrapped_as(const char *s, long max, int mode)
{
	static char out[4096];
	struct az_line *l;
	size_t len = strlen(s), o = 0;
	size_t colon = strchr(s, ':') ? (size_t)(strchr(s, ':') - s) : 0;
	size_t n = mode == 2   ? az_wrap_span(s, len, 0, colon, max, stub, NULL, &l)
		   : mode == 3 ? az_wrap_span(s, len, colon + 2, len, max, stub, NULL, &l)
			       : az_wrap_mode(s, len, max, stub, NULL, mode, &l);
	out[0] = '\0';
	for (size_t i = 0; i < n && o + l[i].len + 2 < sizeof out; i++) {
		if (i)
			out[o++] = '|';
		memcpy(out + o, s + l[i].start, l[i].len);
		o += l[i].len;
		if (l[i].hyphen)
			out[o++] = '-';
	}
	out[o] = '\0';
	free(l);
	return out;
}

static const char *led(const char *s, long max)
{
	return wrapped_as(s, max, 2);
}

static const char *tailed(const char *s, long max)
{
	return wrapped_as(s, max, 3);
}

static const char *wrapped(const char *s, long max)
{
	return wrapped_as(s, max, 0);
}

static const char *named(const char *s, long max)
{
	return wrapped_as(s, max, 1);
}

/* Every line of name s at width max fits (or is a run alone wider than it, cut) and holds at least
 * two code points, and the lines put together give s without its spaces at the breaks. */
static int name_lines_good(const char *s, long max)
{
	struct az_line *l;
	size_t len = strlen(s), n = az_wrap_name(s, len, max, stub, NULL, &l), pos = 0;
	int good = n >= 1;
	for (size_t i = 0; i < n && good; i++) {
		size_t cps = 0;
		for (size_t j = l[i].start; j < l[i].start + l[i].len; cps++)
			(void)az_utf8_next(s, len, &j);
		if ((l[i].width > max && !l[i].hyphen) || (cps < 2 && n > 1) || l[i].start < pos)
			good = 0;
		pos = l[i].start + l[i].len;
	}
	good = good && pos == len;
	free(l);
	return good;
}

static int is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n';
}

/* Random text from an alphabet full of kinsoku characters: every line fits (or is a single code
 * point), and the non-space code points come out whole and in order. */
static int fuzz_once(unsigned *seed, long max)
{
	static const char *alpha[] = { "あ", "漢", "。", "、", "「", "」", "ー", "っ", "ャ", "（", "）", "・",
				       "a", "b", "W", " ", " ", "\n", "-", "!", "\xff", "1", "ｶ" };
	char s[800];
	size_t n = 0;
	*seed = *seed * 1103515245u + 12345u;
	size_t count = (*seed >> 16) % 120;
	for (size_t k = 0; k < count; k++) {
		*seed = *seed * 1103515245u + 12345u;
		const char *a = alpha[(*seed >> 16) % (sizeof alpha / sizeof alpha[0])];
		memcpy(s + n, a, strlen(a));
		n += strlen(a);
	}
	struct az_line *l;
	size_t nl = az_wrap(s, n, max, stub, NULL, &l);
	if (nl == 0)
		return 0;
	int good = 1;
	/* the text broken in full (az_breaks_wrap, which never takes az_wrap_fits's shortcut for a
	 * text that fits) gives the same lines */
	struct az_breaks *b = az_breaks_new(s, n, 0, 0, stub, NULL);
	struct az_line *full = NULL;
	size_t nf = b ? az_breaks_wrap(b, max, &full) : 0;
	for (size_t i = 0; i < nl && good; i++)
		good = nf == nl && full[i].start == l[i].start && full[i].len == l[i].len &&
		       full[i].width == l[i].width && full[i].hyphen == l[i].hyphen;
	free(full);
	az_breaks_free(b);
	size_t pos = 0; /* walk the original, skipping spaces, in step with the lines */
	for (size_t i = 0; i < nl && good; i++) {
		size_t cps = 0;
		long w = 0;
		for (size_t j = l[i].start; j < l[i].start + l[i].len;) {
			uint32_t cp = az_utf8_next(s, n, &j);
			w += stub(NULL, cp);
			cps++;
		}
		if (l[i].hyphen)
			w += stub(NULL, '-');
		if (w != l[i].width || (w > max && cps > 1) || l[i].start + l[i].len > n || l[i].start < pos)
			good = 0;
		for (size_t j = pos; j < l[i].start && good;) {
			if (!is_space(az_utf8_next(s, n, &j)))
				good = 0; /* something between two lines was dropped */
		}
		pos = l[i].start + l[i].len;
	}
	for (size_t j = pos; j < n && good;)
		if (!is_space(az_utf8_next(s, n, &j)))
			good = 0;
	free(l);
	return good;
}

int main(void)
{
	is_str(wrapped("あいうえおかきくけこ", 5000), "あいうえお|かきくけこ", "ideographs break anywhere");
	is_str(wrapped("あいうえ。かき", 4000), "あいう|え。かき", "。 never starts a line: the previous character moves down");
	is_str(wrapped("あいうえ、かき", 4000), "あいう|え、かき", "、 never starts a line");
	is_str(wrapped("あいうえっと", 4000), "あいう|えっと", "small kana never start a line");
	is_str(wrapped("あいうーえ", 3000), "あい|うーえ", "ー never starts a line");
	is_str(wrapped("あいう（えお）", 4000), "あいう|（えお）", "（ never ends a line");
	is_str(wrapped("あいう「えお」", 4000), "あいう|「えお」", "「 never ends a line");
	is_str(wrapped("あい「うえ」お", 3000), "あい|「う|え」お", "」 stays with its text");
	is_str(wrapped("あいう！？か", 4000), "あい|う！？か", "！？ never start a line");
	is_str(wrapped("hello world foo", 5500), "hello world|foo", "Latin breaks at spaces");
	is_str(wrapped("hello world", 3000), "hello|world", "no leading space after a soft break");
	is_str(wrapped("abcdefghij", 2000), "abc-|def-|ghij", "a word longer than the line is cut with a hyphen");
	is_str(wrapped("abcde", 2000), "abc-|de", "the hyphen fits the line");
	is_str(wrapped("あいうえお", 4000), "あいう|えお", "the last character never stands alone");
	is_str(wrapped("令和8年12月31日 (2026-12-31)", 9000), "令和8年12月31日|(2026-12-31)", "a date stays whole");
	is_str(wrapped("架空デンタルシステム", 9000), "架空デンタルシス|テム", "a text never ends with one character alone");

	/* names (issue 15): word-like boundaries only, never one character alone */
	is_str(named("山田 花子", 4000), "山田|花子", "a person's name breaks at its space");
	is_str(named("山田 花子", 3000), "山田|花子", "and only there, even in a narrow cell");
	is_str(named("山田花子", 3000), "山田|花子", "with no space, never one character from its end (not 山田花|子)");
	is_str(named("架空デンタルシステム株式会社", 11000), "架空デンタルシステム|株式会社", "before 株式会社");
	is_str(named("架空デンタルシステム株式会社", 9000), "架空デンタル|システム株式会社",
	       "a narrower cell: at a word of the name, never inside システム");
	is_str(named("架空デンタルシステム株式会社", 7000), "架空デンタル|システム|株式会社", "narrower still");
	is_str(named("架空デンタルシステム", 8000), "架空デンタル|システム", "the action plan's owner (not 架空デンタルシス|テム)");
	is_str(named("架空メディカルイメージング", 8000), "架空メディカル|イメージング",
	       "a katakana compound breaks between its words (a small list)");
	is_str(named("ホゲホゲホゲホゲ", 3000), "ホゲホ|ゲホゲ|ホゲ", "a katakana run wider than the cell is cut, no character alone");
	is_str(named("医療法人社団 さくら会 さくら歯科クリニック", 11000), "医療法人社団 さくら会|さくら歯科クリニック",
	       "spaces first");
	is_str(named("医療法人社団 さくら会 さくら歯科クリニック", 7000), "医療法人社団|さくら会|さくら歯科|クリニック",
	       "then the organisation's words");
	is_str(named("株式会社ABCシステムズ", 7000), "株式会社ABC|システムズ", "after a prefix, before a word");
	is_str(named("株式会社サービスマン", 7000), "株式会社|サービスマン", "サービス inside サービスマン is no word");
	is_str(named("Fortinet Japan G.K.", 6000), "Fortinet|Japan G.K.", "a Latin vendor name breaks at its spaces");
	is_str(named("Microsoft Corporation", 5000), "Microsoft|Corporati-|on", "a long word: no lone \"n\" nor \"-\" line");
	is_str(named("Microsoft", 3000), "Micro-|soft", "a Latin word wider than the cell is hyphenated");
	is_str(named("Wi-Fi工房", 3000), "Wi-Fi|工房", "Wi-Fi stays whole");
	is_str(named("𠮷野家", 3000), "𠮷野家", "𠮷 (4 bytes) fits whole");
	is_str(named("𠮷野家 さくら店", 4000), "𠮷野家|さくら店", "and breaks at the space");
	is_str(named("まちのネットワーク工房", 8000), "まちの|ネットワーク工房", "where the script changes");
	is_str(named("サポート・センター", 6000), "サポート・|センター", "after a middle dot");
	is_str(named("桜井 一郎\n令和8年6月12日", 8000), "桜井 一郎|令和8年6月12日", "a date on its own line stays whole");
	is_str(named("", 3000), "", "an empty name is one empty line");
	ok(!strstr(named("架空デンタルシステム株式会社", 4000), "|ム"), "no line starts with the last ム");
	is_str(wrapped("遠隔保守用VPNルータ: VPN機器の脆弱性", 8500), "遠隔保守用VPNルー|タ: VPN機器の脆|弱性",
	       "a sentence breaks anywhere kinsoku allows");
	is_str(led("遠隔保守用VPNルータ: VPN機器の脆弱性", 8500), "遠隔保守用VPN|ルータ: VPN機器の|脆弱性",
	       "a system's name leading the text breaks at its words only (not ルー|タ), the rest as a sentence");
	is_str(led("レセコン(院内サーバ): ランサムウェア", 8000), "レセコン|(院内サーバ): ラ|ンサムウェア",
	       "a name's part in brackets stays together");
	is_str(led("デジタルX線・歯科用CT: 故障", 9000), "デジタルX線・|歯科用CT: 故障", "the best break of the name, not the latest");
	is_str(tailed("事業者に送ってください。\n対象: 販売・保守事業者、X線メーカーの販売店、ネットワークの設置事業者", 14000),
	       "事業者に送ってください。|対象: 販売・保守事業者、|X線メーカーの販売店、|ネットワークの設置事業者",
	       "names after 対象: break after 、 and never inside ネットワーク");
	char big[1024] = "";
	for (int k = 0; k < 20; k++)
		strcat(big, k % 3 ? "さくら歯科クリニック" : "医療法人 ");
	int good_names = 1;
	for (long w = 2000; w <= 20000 && good_names; w += 1500)
		good_names = name_lines_good(big, w) && name_lines_good("架空デンタルシステム株式会社", w) &&
			     name_lines_good("山田 花子", w) && name_lines_good("Fortinet Japan G.K.", w);
	ok(good_names, "a 200-character clinic name and others at 13 widths: lines fit, none a single character, nothing lost");
	is_str(wrapped("日本語の abc def", 3000), "日本語|の abc|def", "Latin words stay whole next to Japanese");
	is_str(wrapped("見直しVPNを", 3000), "見直し|VPNを", "a Latin word after Japanese moves whole");
	is_str(wrapped("上限(10%)", 2500), "上限|(10%)", "ASCII ( never ends a line");
	is_str(wrapped("a\nb", 10000), "a|b", "newline is a hard break");
	is_str(wrapped("a\n\nb", 10000), "a||b", "an empty line survives");
	is_str(wrapped("", 10000), "", "empty text is one empty line");
	is_str(wrapped("ab", 100), "a|b", "narrower than one character: one per line");
	is_str(wrapped("x-ray-vision", 3000), "x-ray-|vision", "a hyphen is a break opportunity");

	struct az_line *l;
	size_t n = az_wrap("ab  cd", 6, 2000, stub, NULL, &l);
	ok(n == 2 && l[0].len == 2 && l[0].width == 1000 && l[1].start == 4, "spaces at a break are trimmed, width excludes them");
	free(l);

	const char bad[] = "\xff\xfe\xe3\x81\x82\xe3\x81";
	n = az_wrap(bad, sizeof bad - 1, 1000, stub, NULL, &l);
	ok(n >= 1 && l[n - 1].start + l[n - 1].len == sizeof bad - 1, "invalid UTF-8 is wrapped without loss or crash");
	free(l);

	size_t i = 0;
	is_int(az_utf8_next("\xe3\x81", 2, &i), 0xFFFD, "truncated sequence decodes as U+FFFD");
	is_int((long long)i, 1, "and consumes one byte");
	ok(az_kinsoku_no_start(0x3002) && az_kinsoku_no_start(0x30C3) && !az_kinsoku_no_start(0x3042),
	   "no-start set: 。ッ yes, あ no");
	ok(az_kinsoku_no_end(0x300C) && !az_kinsoku_no_end(0x300D), "no-end set: 「 yes, 」 no");
	/* UAX #14 (libunistring) with the project's kinsoku on top */
	is_str(wrapped("あいうえ〜お", 4000), "あいう|え〜お", "〜 never starts a line");
	is_str(wrapped("すごい‼です", 3000), "すご|い‼|です", "‼ never starts a line");
	ok(strstr(wrapped("期限は2026-11-01です", 5000), "2026-11-01") != NULL, "a date 2026-11-01 is never split");
	is_str(wrapped("well-known", 5000), "well-known", "a Latin word with a hyphen stays whole when it fits");
	is_str(wrapped("see CL7-man-d", 5000), "see|CL7-man-d", "a reference with hyphens stays whole (no break after a hyphen before a letter)");
	is_str(wrapped("file clinic-2028.anzen", 9000), "file|clinic-2028.anzen", "a file name stays whole");
	is_str(wrapped("50%です", 1500), "50%|で|す", "a percent sign stays with its number");
	ok(az_kinsoku_no_start(0x301C) && az_kinsoku_no_start(0x203C) && !az_kinsoku_no_start(0x2030),
	   "no-start set: 〜 and ‼ yes, ‰ no");

	unsigned seed = 42;
	int good = 1;
	for (int k = 0; k < 3000 && good; k++)
		good = fuzz_once(&seed, 1000 + (k % 9) * 700);
	ok(good, "3000 random texts: lines fit, nothing lost, order kept, the same when broken in full");
	return done_testing();
}

/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Line breaking for names (people, organisations, systems, vendors) as a Japanese typesetter does it.
 * UAX #14 allows a break between any two kana or kanji, which cuts 「架空デンタルシステ/ム」; a name
 * breaks instead at word-like boundaries, best first:
 *   4  at a space or after a middle dot
 *   3  before or after an organisation's affix (株式会社, 医療法人, クリニック …)
 *   2  where the script changes (kanji, hiragana, katakana, Latin and digits)
 *   1  between two kanji or two hiragana (a name with no space, 山田花子)
 *   0  inside a katakana run, a Latin word or a date: only when the run alone is wider than the line
 * A line ends at the latest break of the highest class that leaves it at least 40% full (else of the
 * highest class), else the run is cut; no line holds a single character of the name when two would
 * do. Kinsoku still applies. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <unilbrk.h>

#include "base/linebreak.h"
#include "base/text.h"

/* Words a Japanese organisation's name is built from: a break may come before and after each. Data,
 * longest first where one ends another (歯科クリニック before クリニック does not matter: both mark). */
static const char *const affixes[] = {
	"株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "医療法人", "社会医療法人", "社団", "財団",
	"一般社団法人", "公益社団法人", "一般財団法人", "公益財団法人", "社会福祉法人", "学校法人",
	"独立行政法人", "歯科医院", "クリニック", "医院", "病院", "診療所", "歯科", "事業部", "事業所",
	"支店", "営業所", "本社", "センター", "サービス", "システム", "ソリューションズ", "グループ",
	"ホールディングス", "保健所",
};

enum script { SC_OTHER, SC_SPACE, SC_KANJI, SC_HIRA, SC_KATA, SC_LATIN };

static enum script script_of(uint32_t cp)
{
	if (cp == ' ' || cp == '\t' || cp == 0x3000)
		return SC_SPACE;
	if ((cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= 0xC0 && cp <= 0x24F) ||
	    (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A))
		return SC_LATIN;
	if ((cp >= 0x3041 && cp <= 0x309F))
		return SC_HIRA;
	/* ー and the half-width forms count as katakana: 「サービス」 is one run */
	if ((cp >= 0x30A1 && cp <= 0x30FA) || (cp >= 0x30FC && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
	    (cp >= 0xFF66 && cp <= 0xFF9F))
		return SC_KATA;
	/* CJK ideographs, extensions (𠮷), compatibility, 々 〆 ヶ */
	if ((cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF) ||
	    cp == 0x3005 || cp == 0x3006 || cp == 0x30F6)
		return SC_KANJI;
	return SC_OTHER;
}

static int is_dot(uint32_t cp)
{
	return cp == 0x30FB || cp == 0xFF65 || cp == 0x00B7;
}

/* Characters of a date (令和8年12月31日, 2026-12-31), never broken inside. */
static int in_date(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || cp == 0x5E74 || cp == 0x6708 || cp == 0x65E5 ||
	       cp == 0x4EE4 || cp == 0x548C || cp == 0x5E73 || cp == 0x6210 || cp == 0x5143;
}

/* ASCII punctuation that is part of a Latin word */
static const char joiners[] = "-.,'&_+";

/* The break class before code point i of the paragraph (cp[i - 1], cp[i]); affix: 1 where an affix
 * starts or ends. */
static int break_class(const uint32_t *cp, size_t i, int affix)
{
	uint32_t a = cp[i - 1], b = cp[i];
	enum script sa = script_of(a), sb = script_of(b);
	if (sb == SC_SPACE)
		return 0; /* spaces stay on the line before, and are dropped there */
	if (sa == SC_SPACE)
		return 4;
	if (az_kinsoku_no_start(b) ? !is_dot(a) : az_kinsoku_no_end(a))
		return 0;
	if (is_dot(a))
		return 4;
	if (in_date(a) && in_date(b))
		return 0; /* 令和8年12月31日 */
	if ((sa == SC_LATIN && strchr(joiners, (int)b)) || (sb == SC_LATIN && strchr(joiners, (int)a)))
		return 0; /* Wi-Fi, Co.,Ltd., AT&T */
	if (affix)
		return 3;
	if (sa == sb)
		return sa == SC_KANJI || sa == SC_HIRA ? 1 : 0;
	if (sa == SC_OTHER || sb == SC_OTHER)
		return az_break_between(a, b, UC_BREAK_POSSIBLE) ? 2 : 0;
	return 2;
}

struct para {
	uint32_t *cp;
	size_t *off;    /* byte offset of each code point, and of the end */
	long *w;        /* width of cp[0..i) */
	unsigned char *cls;
};

/* Marks where an affix starts or ends in s[0..n) (bytes; one pass per affix, names are short). */
static void mark_affixes(const char *s, const struct para *p, size_t n, unsigned char *mark)
{
	for (size_t k = 0; k < sizeof affixes / sizeof affixes[0]; k++) {
		size_t al = strlen(affixes[k]);
		for (size_t i = 0; i < n; i++) {
			if (p->off[n] - p->off[i] < al || memcmp(s + p->off[i], affixes[k], al) != 0)
				continue;
			size_t j = i;
			while (j < n && p->off[j] < p->off[i] + al)
				j++;
			/* a katakana word goes on: システム in システムズ is no word of its own */
			if (j < n && script_of(p->cp[j]) == SC_KATA && script_of(p->cp[j - 1]) == SC_KATA)
				continue;
			mark[i] = mark[j] = 1;
		}
	}
}

static int is_letter(uint32_t cp)
{
	return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
}

/* Width of cp[a..b) without the spaces at its end. */
static long trimmed(const struct para *p, size_t a, size_t b)
{
	while (b > a && script_of(p->cp[b - 1]) == SC_SPACE)
		b--;
	return p->w[b] - p->w[a];
}

static int push(struct az_line **v, size_t *nl, size_t *cap, const struct para *p, size_t a, size_t b, int hyphen,
		long hyw)
{
	while (b > a && script_of(p->cp[b - 1]) == SC_SPACE)
		b--;
	if (*nl == *cap) {
		size_t c = *cap ? *cap * 2 : 4;
		struct az_line *nv = realloc(*v, c * sizeof *nv);
		if (!nv)
			return 0;
		*v = nv, *cap = c;
	}
	(*v)[(*nl)++] = (struct az_line){ p->off[a], p->off[b] - p->off[a], p->w[b] - p->w[a] + (hyphen ? hyw : 0),
					  hyphen };
	return 1;
}

/* Number of code points that are not spaces in cp[a..b). */
static size_t visible(const struct para *p, size_t a, size_t b)
{
	size_t k = 0;
	for (size_t i = a; i < b; i++)
		k += script_of(p->cp[i]) != SC_SPACE;
	return k;
}

/* One paragraph (no '\n') of n code points, into lines. */
static int wrap_para(const struct para *p, size_t n, long max, long hyw, struct az_line **v,
		     size_t *nl, size_t *cap)
{
	size_t start = 0;
	while (start < n && script_of(p->cp[start]) == SC_SPACE)
		start++;
	if (start == n)
		return push(v, nl, cap, p, 0, 0, 0, 0);
	while (start < n) {
		/* the longest line that fits (at least one code point) */
		size_t end = start + 1;
		while (end < n && trimmed(p, start, end + 1) <= max)
			end++;
		if (end == n)
			return push(v, nl, cap, p, start, n, 0, 0);
		/* the break of the highest class in (start, end] whose line is at least 40% full (else of
		 * the highest class), the latest of its class; neither side a lone character */
		size_t best = 0, any = 0;
		int bc = 0, ac = 0;
		for (size_t i = start + 1; i <= end; i++) {
			int c = p->cls[i];
			if (c == 0 || visible(p, start, i) < 2 || visible(p, i, n) < 2)
				continue;
			if (c >= ac)
				any = i, ac = c;
			if (c >= bc && trimmed(p, start, i) * 10 >= max * 4)
				best = i, bc = c;
		}
		if (!best)
			best = any;
		int hyphen = 0;
		if (!best) {
			/* a run alone wider than the line: cut it, leaving no lone character after the cut */
			best = end;
			if (end - start > 2 && visible(p, end, n) == 1)
				best = end - 1;
			if (is_letter(p->cp[best - 1]) && is_letter(p->cp[best])) {
				hyphen = 1;
				if (trimmed(p, start, best) + hyw > max && best - start > 1)
					best--;
				hyphen = is_letter(p->cp[best - 1]) && is_letter(p->cp[best]);
			}
		}
		if (!push(v, nl, cap, p, start, best, hyphen, hyw))
			return 0;
		start = best;
		while (start < n && script_of(p->cp[start]) == SC_SPACE)
			start++;
	}
	return 1;
}

size_t az_wrap_name(const char *s, size_t len, long max_width, az_width_fn width, void *ctx,
		    struct az_line **lines)
{
	struct az_line *v = NULL;
	size_t nl = 0, cap = 0;
	struct para p = { 0 };
	unsigned char *mark = NULL;
	int ok = 1;
	/* at most one code point a byte */
	p.cp = malloc((len + 1) * sizeof *p.cp);
	p.off = malloc((len + 1) * sizeof *p.off);
	p.w = malloc((len + 1) * sizeof *p.w);
	p.cls = calloc(len + 1, 1);
	mark = calloc(len + 1, 1);
	if (!p.cp || !p.off || !p.w || !p.cls || !mark)
		ok = 0;
	long hyw = ok ? width(ctx, '-') : 0;
	for (size_t at = 0; ok;) {
		size_t end = at;
		while (end < len && s[end] != '\n')
			end++;
		size_t n = 0;
		p.w[0] = 0;
		for (size_t j = 0; at + j < end; n++) {
			p.off[n] = j;
			p.cp[n] = az_utf8_next(s + at, end - at, &j);
			p.w[n + 1] = p.w[n] + width(ctx, p.cp[n]);
		}
		p.off[n] = end - at;
		memset(mark, 0, n + 1);
		mark_affixes(s + at, &p, n, mark);
		for (size_t i = 1; i < n; i++)
			p.cls[i] = (unsigned char)break_class(p.cp, i, mark[i]);
		size_t first = nl;
		ok = wrap_para(&p, n, max_width, hyw, &v, &nl, &cap);
		for (size_t k = first; ok && k < nl; k++)
			v[k].start += at;
		/* like az_wrap: '\n' ends a line, and a text ending in one has no empty last line */
		if (end + 1 >= len)
			break;
		at = end + 1;
	}
	free(p.cp), free(p.off), free(p.w), free(p.cls), free(mark);
	if (!ok) {
		free(v);
		*lines = NULL;
		return 0;
	}
	*lines = v;
	return nl;
}

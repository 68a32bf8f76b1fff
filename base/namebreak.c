/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Line breaking for names (people, organisations, systems, vendors) as a Japanese typesetter does it.
 * UAX #14 allows a break between any two kana or kanji, which cuts 「架空デンタルシステ/ム」; a name
 * breaks instead at word-like boundaries, best first:
 *   4  at a space, after a middle dot, or after 、 (a list of names)
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

/* Words a Japanese organisation's name is built from: a break may come before and after each (the
 * name's words). Data, not rules: add a word here. A katakana word counts only where its katakana run
 * ends or another word follows (システム in システムズ is none), so short ones (ラボ in コラボ) are left out. */
static const char *const affixes[] = {
	/* legal forms and corporations */
	"株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "医療法人", "社会医療法人", "社団", "財団",
	"一般社団法人", "公益社団法人", "一般財団法人", "公益財団法人", "社会福祉法人", "学校法人",
	"独立行政法人", "Co.,Ltd.", "Inc.", "Ltd.", "K.K.", "G.K.",
	/* clinics and their parts */
	"歯科医院", "クリニック", "医院", "病院", "診療所", "歯科", "保健所", "事業部", "事業所", "支店", "営業所",
	"本社", "センター",
	/* words of vendors' names */
	"システム", "システムズ", "サービス", "ソリューション", "ソリューションズ", "グループ", "ホールディングス",
	"メディカル", "デンタル", "ネットワーク", "イメージング", "ヘルスケア", "テクノロジー", "テクノロジーズ",
	"コンピュータ", "コンピューター", "データ", "クラウド", "サポート", "ソフトウェア", "エンジニアリング",
	"ジャパン", "ファーマ", "デジタル", "マネジメント", "コンサルティング", "パートナーズ", "セキュリティ",
	"インフォメーション", "コミュニケーションズ", "ラボラトリーズ", "オフィス", "サプライ",
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

static int is_closer(uint32_t cp)
{
	return cp == ')' || cp == ']' || cp == 0xFF09 || cp == 0x300D || cp == 0x300F || cp == 0x3011 || cp == 0xFF3D;
}

/* ASCII punctuation that is part of a Latin word */
static const char joiners[] = "-.,'&_+";

struct para {
	size_t *off;       /* byte offset of each code point, and of the end */
	size_t *vis;       /* code points that are not spaces in cp[0..i) */
	long *w;           /* width of cp[0..i) */
	uint32_t *cp;
	unsigned char *sc; /* enum script of each code point */
	unsigned char *cls;
	unsigned char *mark;
};

static int is_opener(uint32_t cp)
{
	return cp == '(' || cp == '[' || cp == 0xFF08 || cp == 0x300C || cp == 0x300E || cp == 0x3010 || cp == 0xFF3B;
}

/* The break class before code point i of the paragraph (cp[i - 1], cp[i]); affix: 1 where an affix
 * starts or ends. */
static int break_class(const struct para *p, size_t i, int affix)
{
	uint32_t a = p->cp[i - 1], b = p->cp[i];
	enum script sa = p->sc[i - 1], sb = p->sc[i];
	if (sb == SC_SPACE)
		return 0; /* spaces stay on the line before, and are dropped there */
	if (sa == SC_SPACE)
		return 4;
	if (sa == sb && (sa == SC_KATA || sa == SC_LATIN) && !affix)
		return 0; /* inside a word (the common case, first) */
	if (az_kinsoku_no_start(b) ? !is_dot(a) : az_kinsoku_no_end(a))
		return 0;
	if (is_dot(a) || a == 0x3001 || a == 0xFF0C)
		return 4; /* and after 、 in a list of names */
	if (in_date(a) && in_date(b))
		return 0; /* 令和8年12月31日 */
	if ((sa == SC_LATIN && b < 0x80 && strchr(joiners, (int)b)) || (sb == SC_LATIN && a < 0x80 && strchr(joiners, (int)a)))
		return 0; /* Wi-Fi, Co.,Ltd., AT&T */
	if (affix)
		return 3;
	if (sa == sb)
		return sa == SC_KANJI || sa == SC_HIRA ? 1 : 0;
	if (sa == SC_OTHER || sb == SC_OTHER)
		return az_break_between(a, b, UC_BREAK_POSSIBLE) ? 2 : 0;
	return 2;
}


/* Marks where an affix starts or ends in s[0..n) (bytes; one pass per affix, names are short). */
#define NAFFIX (sizeof affixes / sizeof affixes[0])

/* Marks where an affix starts or ends in s[0..n) (bit 1; bit 2: a word starts there). */
static void mark_affixes(const char *s, const struct para *p, size_t n)
{
	/* the words' first code points and lengths, and the words by (first code point mod 32), found once */
	static uint32_t first[NAFFIX];
	static size_t blen[NAFFIX];
	static unsigned char order[NAFFIX], from[33];
	if (!blen[0]) {
		for (size_t k = 0; k < NAFFIX; k++) {
			size_t j = 0;
			blen[k] = strlen(affixes[k]);
			first[k] = az_utf8_next(affixes[k], blen[k], &j);
			from[(first[k] & 31) + 1]++;
		}
		for (size_t h = 0; h < 32; h++)
			from[h + 1] = (unsigned char)(from[h + 1] + from[h]);
		unsigned char at[32];
		memcpy(at, from, sizeof at);
		for (size_t k = 0; k < NAFFIX; k++)
			order[at[first[k] & 31]++] = (unsigned char)k;
	}
	/* pass 0 marks where a word starts, pass 1 the breaks around each */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n; i++) {
			if (p->sc[i] == SC_SPACE || (pass && !(p->mark[i] & 2)))
				continue;
			for (size_t h = from[p->cp[i] & 31]; h < from[(p->cp[i] & 31) + 1]; h++) {
				size_t k = order[h], al = blen[k];
				if (first[k] != p->cp[i] || p->off[n] - p->off[i] < al || memcmp(s + p->off[i], affixes[k], al))
					continue;
				size_t j = i;
				while (j < n && p->off[j] < p->off[i] + al)
					j++;
				if (!pass) {
					p->mark[i] |= 2;
					continue;
				}
				/* a katakana word that goes on is no word of its own, unless another follows */
				if (j < n && p->sc[j] == SC_KATA && p->sc[j - 1] == SC_KATA && !(p->mark[j] & 2))
					continue;
				p->mark[i] |= 1, p->mark[j] |= 1;
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
	while (b > a && p->sc[b - 1] == SC_SPACE)
		b--;
	return p->w[b] - p->w[a];
}

static int push(struct az_line **v, size_t *nl, size_t *cap, const struct para *p, size_t a, size_t b, int hyphen,
		long hyw)
{
	while (b > a && p->sc[b - 1] == SC_SPACE)
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
	return p->vis[b] - p->vis[a];
}

/* One paragraph (no '\n') of n code points, into lines. */
static int wrap_para(const struct para *p, size_t n, long max, long hyw, struct az_line **v,
		     size_t *nl, size_t *cap)
{
	size_t start = 0;
	while (start < n && p->sc[start] == SC_SPACE)
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
		while (start < n && p->sc[start] == SC_SPACE)
			start++;
	}
	return 1;
}

/* Decodes s[0..len) (no '\n') into p, with widths (width may be NULL) and the break classes.
 * Returns the number of code points. */
static size_t decode(const char *s, size_t len, az_width_fn width, void *ctx, struct para *p)
{
	size_t n = 0;
	p->w[0] = 0, p->vis[0] = 0;
	for (size_t j = 0; j < len; n++) {
		p->off[n] = j;
		p->cp[n] = az_utf8_next(s, len, &j);
		p->sc[n] = (unsigned char)script_of(p->cp[n]);
		p->w[n + 1] = p->w[n] + (width ? width(ctx, p->cp[n]) : 1);
		p->vis[n + 1] = p->vis[n] + (p->sc[n] != SC_SPACE);
	}
	p->off[n] = len;
	memset(p->mark, 0, n + 1);
	mark_affixes(s, p, n);
	p->cls[0] = 0;
	int depth = 0; /* inside brackets: 「レセコン(院内サーバ)」 breaks before the bracket first */
	for (size_t i = 1; i < n; i++) {
		if (p->sc[i - 1] == SC_OTHER)
			depth += is_opener(p->cp[i - 1]) - (depth > 0 && is_closer(p->cp[i - 1]));
		int c = break_class(p, i, p->mark[i] & 1);
		p->cls[i] = (unsigned char)(depth > 0 && c > 1 ? 1 : c);
	}
	p->cls[n] = 0;
	return n;
}

/* One block for the arrays of a text of len bytes (at most one code point a byte). */
static int para_alloc(struct para *p, size_t len)
{
	size_t m = len + 1;
	char *b = malloc(m * (2 * sizeof(size_t) + sizeof(long) + sizeof(uint32_t) + 3));
	if (!b)
		return 0;
	p->off = (size_t *)(void *)b;
	p->vis = p->off + m;
	p->w = (long *)(void *)(p->vis + m);
	p->cp = (uint32_t *)(void *)(p->w + m);
	p->sc = (unsigned char *)(p->cp + m);
	p->cls = p->sc + m;
	p->mark = p->cls + m;
	return 1;
}

static void para_free(struct para *p)
{
	free(p->off);
}

int az_name_breaks(const char *s, size_t len, unsigned char *cls)
{
	struct para p = { 0 };
	memset(cls, 0, len + 1);
	if (!para_alloc(&p, len))
		return 0;
	size_t n = decode(s, len, NULL, NULL, &p);
	/* never one character of the name alone: not after its first, nor before its last */
	for (size_t i = 2; i + 1 < n; i++)
		cls[p.off[i]] = p.cls[i];
	para_free(&p);
	return 1;
}

size_t az_wrap_name(const char *s, size_t len, long max_width, az_width_fn width, void *ctx,
		    struct az_line **lines)
{
	struct az_line *v = NULL;
	size_t nl = 0, cap = 0;
	struct para p = { 0 };
	int ok = para_alloc(&p, len);
	long hyw = ok ? width(ctx, '-') : 0;
	for (size_t at = 0; ok;) {
		size_t end = at;
		while (end < len && s[end] != '\n')
			end++;
		size_t n = decode(s + at, end - at, width, ctx, &p);
		size_t first = nl;
		ok = wrap_para(&p, n, max_width, hyw, &v, &nl, &cap);
		for (size_t k = first; ok && k < nl; k++)
			v[k].start += at;
		/* like az_wrap: '\n' ends a line, and a text ending in one has no empty last line */
		if (end + 1 >= len)
			break;
		at = end + 1;
	}
	para_free(&p);
	if (!ok) {
		free(v);
		*lines = NULL;
		return 0;
	}
	*lines = v;
	return nl;
}

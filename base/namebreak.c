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
	if (is_dot(a) || a == 0x3001 || a == 0xFF0C)
		return 4; /* and after 、 in a list of names */
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
	/* pass 0 marks where a word starts (bit 2), pass 1 the breaks around each (bit 1) */
	for (int pass = 0; pass < 2; pass++)
		for (size_t k = 0; k < sizeof affixes / sizeof affixes[0]; k++) {
			size_t al = strlen(affixes[k]);
			for (size_t i = 0; i < n; i++) {
				if (p->off[n] - p->off[i] < al || s[p->off[i]] != affixes[k][0] ||
				    memcmp(s + p->off[i], affixes[k], al) != 0)
					continue;
				size_t j = i;
				while (j < n && p->off[j] < p->off[i] + al)
					j++;
				if (!pass) {
					mark[i] |= 2;
					continue;
				}
				/* a katakana word that goes on is no word of its own, unless another follows */
				if (j < n && script_of(p->cp[j]) == SC_KATA && script_of(p->cp[j - 1]) == SC_KATA &&
				    !(mark[j] & 2))
					continue;
				mark[i] |= 1, mark[j] |= 1;
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

/* Decodes s[0..len) (no '\n') into p, with widths (width may be NULL) and the break classes;
 * mark: scratch of len + 1 bytes. Returns the number of code points. */
static size_t decode(const char *s, size_t len, az_width_fn width, void *ctx, struct para *p, unsigned char *mark)
{
	size_t n = 0;
	p->w[0] = 0;
	for (size_t j = 0; j < len; n++) {
		p->off[n] = j;
		p->cp[n] = az_utf8_next(s, len, &j);
		p->w[n + 1] = p->w[n] + (width ? width(ctx, p->cp[n]) : 1);
	}
	p->off[n] = len;
	memset(mark, 0, n + 1);
	mark_affixes(s, p, n, mark);
	p->cls[0] = 0;
	int depth = 0; /* inside brackets: 「レセコン(院内サーバ)」 breaks before the bracket first */
	for (size_t i = 1; i < n; i++) {
		depth += az_kinsoku_no_end(p->cp[i - 1]) - (depth > 0 && az_kinsoku_no_start(p->cp[i - 1]) && is_closer(p->cp[i - 1]));
		int c = break_class(p->cp, i, mark[i] & 1);
		p->cls[i] = (unsigned char)(depth > 0 && c > 1 ? 1 : c);
	}
	p->cls[n] = 0;
	return n;
}

static int para_alloc(struct para *p, unsigned char **mark, size_t len)
{
	/* at most one code point a byte */
	p->cp = malloc((len + 1) * sizeof *p->cp);
	p->off = malloc((len + 1) * sizeof *p->off);
	p->w = malloc((len + 1) * sizeof *p->w);
	p->cls = calloc(len + 1, 1);
	*mark = calloc(len + 1, 1);
	return p->cp && p->off && p->w && p->cls && *mark;
}

static void para_free(struct para *p, unsigned char *mark)
{
	free(p->cp), free(p->off), free(p->w), free(p->cls), free(mark);
}

int az_name_breaks(const char *s, size_t len, unsigned char *cls)
{
	struct para p = { 0 };
	unsigned char *mark = NULL;
	memset(cls, 0, len + 1);
	if (!para_alloc(&p, &mark, len)) {
		para_free(&p, mark);
		return 0;
	}
	size_t n = decode(s, len, NULL, NULL, &p, mark);
	/* never one character of the name alone: not after its first, nor before its last */
	for (size_t i = 2; i + 1 < n; i++)
		cls[p.off[i]] = p.cls[i];
	para_free(&p, mark);
	return 1;
}

size_t az_wrap_name(const char *s, size_t len, long max_width, az_width_fn width, void *ctx,
		    struct az_line **lines)
{
	struct az_line *v = NULL;
	size_t nl = 0, cap = 0;
	struct para p = { 0 };
	unsigned char *mark = NULL;
	int ok = para_alloc(&p, &mark, len);
	long hyw = ok ? width(ctx, '-') : 0;
	for (size_t at = 0; ok;) {
		size_t end = at;
		while (end < len && s[end] != '\n')
			end++;
		size_t n = decode(s + at, end - at, width, ctx, &p, mark);
		size_t first = nl;
		ok = wrap_para(&p, n, max_width, hyw, &v, &nl, &cap);
		for (size_t k = first; ok && k < nl; k++)
			v[k].start += at;
		/* like az_wrap: '\n' ends a line, and a text ending in one has no empty last line */
		if (end + 1 >= len)
			break;
		at = end + 1;
	}
	para_free(&p, mark);
	if (!ok) {
		free(v);
		*lines = NULL;
		return 0;
	}
	*lines = v;
	return nl;
}

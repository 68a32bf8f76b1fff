/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unilbrk.h>

#include "base/linebreak.h"
#include "base/text.h"

static int in_list(uint32_t cp, const uint32_t *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] == cp)
			return 1;
	return 0;
}

/* The rules below are asked for every pair of characters broken: inline here, exported once. */
static inline int no_start(uint32_t cp)
{
	/* JIS X 4051 line-start prohibited characters, plus ASCII closers that follow Japanese. */
	static const uint32_t list[] = {
		0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF09, 0x300D, 0x300F, 0x3011, 0x3015, 0x30FB, 0x30FC,
		0xFF01, 0xFF1F, 0xFF1A, 0xFF1B, 0x3009, 0x300B, 0x3017, 0x3019, 0xFF3D, 0xFF5D, 0xFF63,
		0x2019, 0x201D, 0x3005, 0x309D, 0x309E, 0x30FD, 0x30FE, 0x2026, 0x2025, 0x301F, 0xFF70,
		0xFF61, 0xFF64, 0xFF65, 0x309B, 0x309C,
		/* small kana */
		0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E, 0x3095,
		0x3096, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE,
		0x30F5, 0x30F6, 0xFF67, 0xFF68, 0xFF69, 0xFF6A, 0xFF6B, 0xFF6C, 0xFF6D, 0xFF6E, 0xFF6F,
		')', ']', '}', ',', '.', '!', '?', ':', ';', '%',
	};
	/* ‼ ⁇ ⁈ ⁉ 〜 〻 ゠: also never at the start of a line (JIS X 4051 classes 2 and 3) */
	static const uint32_t more[] = { 0x203C, 0x2047, 0x2048, 0x2049, 0x301C, 0x303B, 0x30A0 };
	/* every character of the PDF is asked: one bit each for the BMP, from the lists above */
	static uint8_t bits[0x10000 / 8];
	static int ready;
	if (!ready) {
		for (size_t i = 0; i < sizeof list / sizeof list[0]; i++)
			bits[list[i] >> 3] |= (uint8_t)(1u << (list[i] & 7));
		for (size_t i = 0; i < sizeof more / sizeof more[0]; i++)
			bits[more[i] >> 3] |= (uint8_t)(1u << (more[i] & 7));
		ready = 1;
	}
	return cp < 0x10000 && (bits[cp >> 3] >> (cp & 7) & 1);
}

int az_kinsoku_no_start(uint32_t cp) { return no_start(cp); }

static inline int no_end(uint32_t cp)
{
	static const uint32_t list[] = {
		0xFF08, 0x300C, 0x300E, 0x3010, 0x3014, 0x3008, 0x300A, 0x3016, 0x3018, 0xFF3B, 0xFF5B,
		0xFF62, 0x2018, 0x201C, 0x301D, '(', '[', '{',
	};
	if ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
	    (cp >= 0x80 && cp < 0x2018) || (cp > 0x201D && cp < 0x3008) || (cp > 0x301D && cp < 0xFF08) ||
	    cp > 0xFF62)
		return 0;
	return in_list(cp, list, sizeof list / sizeof list[0]);
}

int az_kinsoku_no_end(uint32_t cp) { return no_end(cp); }

static int is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t';
}

/* Characters of a date ("令和8年12月31日", "2026-12-31"), which is never broken inside. Asked of
 * every pair of characters: kana and most other characters are below 令 and not digits. */
static inline int in_date(uint32_t cp)
{
	if (cp < 0x4EE4)
		return cp >= '0' && cp <= '9';
	return cp == 0x5E74 || cp == 0x6708 || cp == 0x65E5 || /* 年月日 */
	       cp == 0x4EE4 || cp == 0x548C || cp == 0x5E73 || cp == 0x6210 || cp == 0x5143; /* 令和平成元 */
}

static int is_alnum(uint32_t cp) { return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'); }

static inline int break_between(uint32_t a, uint32_t b, int uax14)
{
	if (no_start(b) || no_end(a))
		return 0;
	if (a == '/')
		return 1; /* a path or URL may break after a slash */
	/* clinic-2028.anzen, 1,000, 6.0 and the reference CL7-man-d stay whole */
	if ((a == '.' || a == ',' || a == '-') && is_alnum(b))
		return 0;
	return uax14 == UC_BREAK_POSSIBLE;
}

int az_break_between(uint32_t a, uint32_t b, int uax14) { return break_between(a, b, uax14); }

/* The span of the text that is a name (or names): [from, to), and the break classes inside it. */
struct span {
	size_t from, to;
	unsigned char *cls;
};

static int in_span(const struct span *n, size_t at)
{
	return at > n->from && at < n->to;
}

/* May a line end between a and b, which starts at byte at of the text whose UAX #14 break
 * opportunities (libunistring) are opp? Spaces are handled by the caller. A date (令和8年12月31日)
 * never breaks inside; a name only at its words. */
static int can_break(const char *opp, size_t at, uint32_t a, uint32_t b, const struct span *name)
{
	if (in_span(name, at))
		return name->cls[at - name->from] >= 2; /* inside a name: at its words only */
	if (is_space(a))
		return !is_space(b);
	if (is_space(b) || (in_date(a) && in_date(b)))
		return 0;
	return break_between(a, b, opp[at]);
}

struct lines {
	struct az_line *v;
	size_t n, cap;
	int oom, count; /* count: only the number of lines, nothing allocated */
};

static int is_letter(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

/* A text decoded once for breaking at any width: for each code point k, its first byte, the code
 * point, the width of the text before it, whether a line may end before it and its class in a
 * name's span (4 outside). Nothing of it depends on the width of the line. The layout keeps one
 * for each text it is measuring: 32-bit offsets and arrays by code point, a third of the memory. */
struct az_breaks {
	char *text;
	size_t len, n, from, to, size;
	int plain; /* no name's span: a line ends at the last break before it overflows */
	long hyw; /* the hyphen's width */
	uint32_t *nl; /* the code points that are '\n', nnl of them */
	size_t nnl;
	long *pre; /* n + 1 */
	uint32_t *off; /* n + 1: off[n] = len */
	uint32_t *idx; /* len + 1: the code point starting at each byte (only read at such bytes) */
	uint32_t *cp;
	unsigned char *ok, *cls;
};

void az_breaks_free(struct az_breaks *b)
{
	if (!b)
		return;
	free(b);
}

size_t az_breaks_size(const struct az_breaks *b) { return b ? b->size : 0; }

struct az_breaks *az_breaks_new(const char *s, size_t len, size_t from, size_t to, az_width_fn width, void *ctx)
{
	size_t n = 0, nnl = 0;
	for (size_t i = 0; i < len; n++)
		nnl += az_utf8_next(s, len, &i) == '\n';
	/* one block: the struct, the arrays by code point (n + 1 entries), widest first, then those by
	 * byte (len + 1), then the bytes */
	size_t m = len + 1, size = sizeof(struct az_breaks) + (n + 1) * (sizeof(long) + 2 * sizeof(uint32_t) + 2) +
				    m * (sizeof(uint32_t) + 2) + nnl * sizeof(uint32_t);
	struct az_breaks *b = len < UINT32_MAX - 1 ? malloc(size) : NULL;
	char *opp = NULL;
	to = to < len ? to : len;
	from = from < to ? from : to;
	struct span name = { from, to, NULL };
	if (b) {
		b->pre = (long *)(b + 1);
		b->off = (uint32_t *)(b->pre + n + 1), b->cp = b->off + n + 1, b->idx = b->cp + n + 1;
		b->nl = b->idx + m, b->nnl = nnl;
		b->ok = (unsigned char *)(b->nl + nnl), b->cls = b->ok + n + 1, b->text = (char *)b->cls + n + 1;
		opp = b->text + m;
		b->size = size;
	}
	if (!b ||
	    (to > from && (!(name.cls = malloc(to - from + 1)) || !az_name_breaks(s + from, to - from, name.cls)))) {
		free(name.cls);
		az_breaks_free(b);
		return NULL;
	}
	/* UAX #14; East Asian ambiguous characters (×, ①) as letters, so 20×5 stays whole */
	u8_possible_linebreaks((const uint8_t *)s, len, "UTF-8", opp);
	memcpy(b->text, s, len);
	b->text[len] = '\0';
	b->len = len, b->from = from, b->to = to, b->hyw = width(ctx, '-');
	size_t k = 0;
	uint32_t prev = 0;
	b->pre[0] = 0;
	nnl = 0;
	for (size_t i = 0; i < len; k++) {
		size_t at = i;
		uint32_t cp = az_utf8_next(s, len, &i);
		b->off[k] = (uint32_t)at, b->cp[k] = cp;
		if (cp == '\n')
			b->nl[nnl++] = (uint32_t)k;
		for (size_t j = at; j < i; j++)
			b->idx[j] = (uint32_t)k;
		/* the line's first character is never asked: the one before is always prev here */
		b->ok[k] = k > 0 && cp != '\n' && prev != '\n' && can_break(opp, at, prev, cp, &name);
		b->cls[k] = in_span(&name, at) ? name.cls[at - from] : 4;
		b->pre[k + 1] = b->pre[k] + (cp == '\n' ? 0 : width(ctx, cp));
		prev = cp;
	}
	b->n = k, b->off[k] = (uint32_t)len, b->idx[len] = (uint32_t)k;
	b->plain = from == to;
	free(name.cls);
	return b;
}

int az_breaks_of(const struct az_breaks *b, const char *s, size_t len, size_t from, size_t to)
{
	to = to < len ? to : len;
	from = from < to ? from : to;
	return b && b->len == len && b->from == from && b->to == to && memcmp(b->text, s, len) == 0;
}

/* Start of the code point before byte pos. */
static size_t before(const struct az_breaks *b, size_t pos)
{
	return pos > 0 ? b->off[b->idx[pos] - 1] : 0;
}

static uint32_t cp_at(const struct az_breaks *b, size_t pos)
{
	return pos < b->len ? b->cp[b->idx[pos]] : 0;
}

/* 1 if from pos exactly one code point is left before the end of the text or of its line (or,
 * for a word cut inside, before a space): a line that would hold it alone ("システ" / "ム"). */
static int lone_tail(const struct az_breaks *b, size_t pos, int word)
{
	if (pos >= b->len)
		return 0;
	size_t j = b->off[b->idx[pos] + 1];
	return j >= b->len || b->text[j] == '\n' || (word && is_space((unsigned char)b->text[j]));
}

/* A line [start, end), with a hyphen drawn after it when a word was cut there. */
static void emit_h(struct lines *l, const struct az_breaks *b, size_t start, size_t end, int hyphen)
{
	if (l->count) {
		l->n++;
		return;
	}
	while (end > start && is_space((unsigned char)b->text[end - 1]))
		end--;
	if (l->oom)
		return;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		struct az_line *v = realloc(l->v, cap * sizeof *v);
		if (!v) {
			l->oom = 1;
			return;
		}
		l->v = v, l->cap = cap;
	}
	long w = b->pre[b->idx[end]] - b->pre[b->idx[start]] + (hyphen ? b->hyw : 0);
	l->v[l->n++] = (struct az_line){ start, end - start, w, hyphen };
}

static size_t breaks_run(const struct az_breaks *b, long max_width, struct lines *lp)
{
	struct lines l = *lp;
	size_t len = b->len;
	size_t start = 0;       /* first byte of the current line */
	size_t brk = 0;         /* last break opportunity in the line (0: none) */
	long width_at_brk = 0;  /* width of [start, brk) */
	int brk_cls = 0;        /* its class, in a name's span */
	long w = 0;             /* width of [start, i) */
	int soft = 0;           /* the line began at a soft break: skip leading spaces */
	uint32_t prev = 0;
	size_t nl = 0; /* the next '\n' is b->nl[nl] */
	for (size_t k = 0; k < b->n;) {
		if (b->plain && b->off[k] > start && !brk) {
			/* inside a line of a plain text (past its first character) nothing but the last
			 * break and the width changes until a character overflows or a '\n' comes: find that
			 * one at once */
			long base = b->pre[b->idx[start]], lim = base + max_width;
			size_t lo = k, hi = nl < b->nnl ? b->nl[nl] : b->n; /* the first j with pre[j + 1] > lim */
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (b->pre[mid + 1] > lim)
					hi = mid;
				else
					lo = mid + 1;
			}
			if (lo > k) {
				size_t q = lo;
				while (q > k && !b->ok[q - 1])
					q--;
				if (q > k)
					brk = b->off[q - 1], width_at_brk = b->pre[q - 1] - base, brk_cls = b->cls[q - 1];
				w = b->pre[lo] - base, prev = b->cp[lo - 1], k = lo;
				continue;
			}
		}
		size_t at = b->off[k], i = b->off[k + 1];
		uint32_t cp = b->cp[k];
		size_t ck = k++;
		if (cp == '\n') {
			nl++;
			emit_h(&l, b, start, at, 0);
			start = i, brk = 0, w = 0, soft = 0, prev = 0;
			continue;
		}
		if (soft && at == start && is_space(cp)) {
			start = i;
			continue;
		}
		if (at > start && b->ok[ck]) {
			/* in a name, a break of a lower class than the one held only when that left the
			 * line less than 40% full (「デジタルX線・|歯科用CT」, not 「…歯科用|CT」); the text
			 * around it breaks as the name's best */
			int c = b->cls[ck];
			if (!brk || c >= brk_cls || width_at_brk * 10 < max_width * 4)
				brk = at, width_at_brk = w, brk_cls = c;
		}
		long cw = b->pre[ck + 1] - b->pre[ck];
		if (w + cw > max_width && at > start) {
			if (is_space(cp)) {
				emit_h(&l, b, start, at, 0);
				start = i, w = 0, brk = 0, soft = 1, prev = cp;
				continue;
			}
			size_t cut;
			int forced = !(brk > start && brk <= at), hyphen = 0;
			if (!forced) {
				cut = brk;
			} else {
				/* a word alone wider than the line: cut it, with a hyphen inside Latin letters */
				cut = at;
				hyphen = is_letter(prev) && is_letter(cp);
				if (hyphen && w + b->hyw > max_width)
					hyphen = before(b, cut) > start ? (cut = before(b, cut), 1) : 0;
			}
			/* never one character alone on the next line */
			if (lone_tail(b, cut, forced)) {
				size_t c2 = before(b, cut);
				if (c2 > start && (forced || b->ok[b->idx[c2]]))
					cut = c2;
			}
			if (forced && hyphen)
				hyphen = is_letter(cp_at(b, before(b, cut))) && is_letter(cp_at(b, cut));
			emit_h(&l, b, start, cut, hyphen);
			start = cut, w = 0;
			/* Measure again from the new line's start, which may still be too long. */
			brk = 0, soft = 1, k = b->idx[cut], prev = 0;
			continue;
		}
		w += cw;
		prev = cp;
	}
	if (start < len || l.n == 0)
		emit_h(&l, b, start, len, 0);
	*lp = l;
	return l.n;
}

size_t az_breaks_wrap(const struct az_breaks *b, long max_width, struct az_line **lines)
{
	struct lines l = { 0 };
	breaks_run(b, max_width, &l);
	if (l.oom) {
		free(l.v);
		*lines = NULL;
		return 0;
	}
	*lines = l.v;
	return l.n;
}

size_t az_breaks_count(const struct az_breaks *b, long max_width)
{
	struct lines l = { .count = 1 };
	return breaks_run(b, max_width, &l);
}

/* The width of s on one line, and that line in *line, or -1 when it holds '\n' or is wider than
 * max_width. */
static long one_line(const char *s, size_t len, long max_width, az_width_fn width, void *ctx, struct az_line *line)
{
	/* what az_breaks_wrap gives when no character overflows: the whole text, its spaces at the
	 * end trimmed, measured up to them */
	long w = 0, w_end = 0;
	size_t end = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp = az_utf8_next(s, len, &i);
		if (cp == '\n')
			return -1;
		w += width(ctx, cp);
		if (w > max_width)
			return -1;
		if (!is_space(cp))
			end = i, w_end = w;
	}
	*line = (struct az_line){ 0, end, w_end, 0 };
	return w;
}

int az_wrap_fits(const char *s, size_t len, long max_width, az_width_fn width, void *ctx, struct az_line *line)
{
	return one_line(s, len, max_width, width, ctx, line) >= 0;
}

long az_wrap_natural(const char *s, size_t len, az_width_fn width, void *ctx, struct az_line *line)
{
	return one_line(s, len, LONG_MAX, width, ctx, line);
}

size_t az_wrap_span(const char *s, size_t len, size_t from, size_t to, long max_width, az_width_fn width,
		    void *ctx, struct az_line **lines)
{
	struct az_line one;
	if (az_wrap_fits(s, len, max_width, width, ctx, &one)) {
		if ((*lines = malloc(sizeof one)))
			**lines = one;
		return *lines ? 1 : 0;
	}
	struct az_breaks *b = az_breaks_new(s, len, from, to, width, ctx);
	size_t n = b ? az_breaks_wrap(b, max_width, lines) : 0;
	if (!b)
		*lines = NULL;
	az_breaks_free(b);
	return n;
}

size_t az_wrap_mode(const char *s, size_t len, long max_width, az_width_fn width, void *ctx, int name,
		    struct az_line **lines)
{
	return name ? az_wrap_name(s, len, max_width, width, ctx, lines)
		    : az_wrap_span(s, len, 0, 0, max_width, width, ctx, lines);
}

size_t az_wrap(const char *s, size_t len, long max_width, az_width_fn width, void *ctx,
	       struct az_line **lines)
{
	return az_wrap_span(s, len, 0, 0, max_width, width, ctx, lines);
}

/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Cuts and scales a TrueType font (font_cut.h): the kept glyphs' outlines are decoded, rounded to
 * the new grid and encoded again (smaller deltas fit in one byte and repeat more often), without
 * their instructions; loca, hmtx (its trailing equal advances folded), head, hhea, maxp, OS/2,
 * post (version 3, no glyph names) and name follow. Every read is bounded; anything unexpected
 * refuses the font. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export/font_cut.h"

#define MAX_TABLES 64
#define NOUT 9 /* tables written */

struct grow {
	unsigned char *s;
	size_t n, cap;
	int bad;
};

/* The old font's tables this reads. */
struct src {
	const unsigned char *head, *hhea, *maxp, *hmtx, *loca, *glyf, *os2, *name, *post;
	size_t head_n, hhea_n, maxp_n, hmtx_n, loca_n, glyf_n, os2_n, name_n, post_n;
	unsigned upem, nglyphs, nh;
	int longloca;
};

/* Scratch for one glyph, kept between glyphs: its flags one a point, the new x and y bytes, and
 * room for a copy of the old ones. */
struct pts {
	unsigned char *fl, *xb, *yb, *cb;
	size_t cap;
};

static uint32_t tag4(const char *t)
{
	return (uint32_t)(unsigned char)t[0] << 24 | (uint32_t)(unsigned char)t[1] << 16 |
	       (uint32_t)(unsigned char)t[2] << 8 | (unsigned char)t[3];
}

static unsigned rd16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t rd32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void wr16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)(v >> 8), p[1] = (unsigned char)v;
}

static void wr32(unsigned char *p, uint32_t v)
{
	wr16(p, v >> 16), wr16(p + 2, v & 0xFFFF);
}

/* v * r, where r (new units per em / old) is in 16.16 fixed point, rounded half up: monotonic,
 * so a scaled bounding box still bounds, and without a branch (in floating point the sign's
 * branch, mispredicted half the time, was a sixth of the time spent here) */
static int32_t scale(long v, int32_t r)
{
	return (int32_t)(((int64_t)v * r + 32768) >> 16);
}

/* room for n more bytes; -1 (and bad) when there is no memory */
static int reserve(struct grow *g, size_t n)
{
	if (!g->bad && g->cap - g->n < n) {
		size_t cap = g->cap ? g->cap : 65536;
		while (cap - g->n < n)
			cap *= 2;
		unsigned char *p = realloc(g->s, cap);
		if (!p)
			g->bad = 1;
		else
			g->s = p, g->cap = cap;
	}
	return g->bad ? -1 : 0;
}

static void put(struct grow *g, const void *s, size_t n)
{
	if (reserve(g, n) == 0) {
		memcpy(g->s + g->n, s, n);
		g->n += n;
	}
}

/* Scales the 16-bit values at the given offsets of t in place (signed, or unsigned). */
static void scale_at(unsigned char *t, size_t len, const unsigned short *at, size_t n, int is_signed, int32_t r)
{
	for (size_t i = 0; i < n; i++)
		if (at[i] + 2u <= len) {
			long v = is_signed ? (long)(int16_t)rd16(t + at[i]) : (long)rd16(t + at[i]);
			wr16(t + at[i], (unsigned)(uint16_t)scale(v, r));
		}
}

/* How a point's flag (its low six bits) says its x (then its y) is stored: as a word, a byte (+ or
 * -) or the same as the point before. For each, read as four bytes u (big-endian: the word or
 * the byte, then what follows): the value is (int64_t)((uint64_t)u << shift) >> 48, times sign;
 * len bytes. */
struct coord {
	unsigned char shift[2], len[2];
	signed char sign[2];
	uint64_t lens; /* x's len, y's len << 32 */
};
#define SHIFT(byte, same) ((byte) ? 24 : (same) ? 0 : 32)
#define LEN(byte, same) ((byte) ? 1 : (same) ? 0 : 2)
#define SIGN(byte, same) ((byte) && !(same) ? -1 : 1)
#define COORD(i)                                                                                          \
	{ { SHIFT((i) & 2, (i) & 16), SHIFT((i) & 4, (i) & 32) },                                        \
	  { LEN((i) & 2, (i) & 16), LEN((i) & 4, (i) & 32) },                                            \
	  { SIGN((i) & 2, (i) & 16), SIGN((i) & 4, (i) & 32) },                                          \
	  LEN((i) & 2, (i) & 16) | (uint64_t)LEN((i) & 4, (i) & 32) << 32 }
#define COORD4(i) COORD(i), COORD(i + 1), COORD(i + 2), COORD(i + 3)
#define COORD16(i) COORD4(i), COORD4(i + 4), COORD4(i + 8), COORD4(i + 12)
static const struct coord coord[64] = { COORD16(0), COORD16(16), COORD16(32), COORD16(48) };

/* The next delta on axis a as t says, at *c, which may read four bytes: without a branch, as
 * the flags follow no pattern. */
static inline long delta_in(const unsigned char **c, const struct coord *t, int a)
{
	const unsigned char *p = *c;
	long v = (int64_t)((uint64_t)rd32(p) << t->shift[a]) >> 48;
	*c = p + t->len[a];
	return v * t->sign[a];
}

/* Delta d written at o (a byte, none, else a word), its flag bits (sh: the one-byte bit; eight
 * times it, the sign-or-same bit) or-ed into *f; the end of o. On the new grid nearly every delta
 * is a byte or none: the branch is on the rare word, the rest without one. */
static inline unsigned char *delta_out(int32_t d, unsigned sh, unsigned char *o, unsigned *f)
{
	uint32_t a = d < 0 ? -(uint32_t)d : (uint32_t)d;
	if (a > 255) {
		wr16(o, (unsigned)(uint16_t)d);
		return o + 2;
	}
	unsigned nonzero = (a + 255) >> 8, not_negative = (uint32_t)~d >> 31;
	*f |= (not_negative << 3 | nonzero) * sh;
	*o = (unsigned char)a;
	return o + nonzero;
}

/* The points of a simple glyph in one pass: the coordinates at cx and cy, as the flags fl say,
 * rounded to the new grid; their new flags written at o (a run of equal ones, up to 256, as one
 * with its repeat count), their deltas at s->xb and s->yb (*nx, *ny bytes); the extremes in box
 * (least x, y, greatest x, y). The caller has checked that four bytes can be read at every point.
 * Returns the end of o. */
static unsigned char *points(const unsigned char *cx, const unsigned char *cy, const unsigned char *fl, size_t npts,
			     int32_t r, struct pts *s, unsigned char *o, size_t *nx, size_t *ny, int32_t box[4])
{
	long vx = 0, vy = 0;
	int32_t px = 0, py = 0, x0 = INT32_MAX, y0 = INT32_MAX, x1 = INT32_MIN, y1 = INT32_MIN;
	unsigned char *ox = s->xb, *oy = s->yb;
	unsigned last = 255; /* the flag before (none: 255), and (<< 8) how often it repeats */
	for (const unsigned char *end = fl + npts; fl < end; fl++) {
		unsigned f = *fl, nf = f & 1; /* the on-curve bit stays */
		const struct coord *t = &coord[f & 63];
		vx += delta_in(&cx, t, 0);
		vy += delta_in(&cy, t, 1);
		int32_t x = scale(vx, r), y = scale(vy, r);
		x0 = x < x0 ? x : x0, x1 = x > x1 ? x : x1;
		y0 = y < y0 ? y : y0, y1 = y > y1 ? y : y1;
		ox = delta_out((int32_t)((uint32_t)x - (uint32_t)px), 2, ox, &nf);
		oy = delta_out((int32_t)((uint32_t)y - (uint32_t)py), 4, oy, &nf);
		px = x, py = y;
		if (nf != (last & 255) || last >> 8 == 255) {
			*o++ = (unsigned char)nf;
			last = nf;
		} else if ((last += 256) >> 8 == 1) {
			o[-1] |= 8, *o++ = 1;
		} else {
			o[-1] = (unsigned char)(last >> 8);
		}
	}
	*nx = (size_t)(ox - s->xb), *ny = (size_t)(oy - s->yb);
	box[0] = x0, box[1] = y0, box[2] = x1, box[3] = y1;
	return o;
}

/* One simple glyph (g, n bytes; ncont >= 0) scaled into out, its instructions dropped; -1 when
 * malformed. The flags are read once (with the lengths of the coordinates they announce, so that
 * these are checked once), then the points in one pass. */
static int simple_glyph(const unsigned char *g, size_t n, int ncont, int32_t r, struct pts *s, struct grow *out)
{
	size_t p = 10 + 2 * (size_t)ncont;
	if (p + 2 > n)
		return -1;
	size_t npts = ncont ? rd16(g + p - 2) + 1u : 0;
	p += 2 + rd16(g + p);
	if (npts + 1 > s->cap) {
		size_t cap = npts + 1024;
		unsigned char *fl = realloc(s->fl, 9 * cap);
		if (!fl)
			return -1;
		s->fl = fl, s->xb = fl + cap, s->yb = fl + 3 * cap, s->cb = fl + 5 * cap, s->cap = cap;
	}
	unsigned char *fl = s->fl;
	uint64_t lens = 0;
	for (size_t i = 0; i < npts;) {
		if (p >= n)
			return -1;
		unsigned f = g[p++];
		uint64_t l = coord[f & 63].lens;
		fl[i++] = (unsigned char)f;
		lens += l;
		if (f & 8) {
			if (p >= n)
				return -1;
			for (unsigned rep = g[p++]; rep > 0 && i < npts; rep--)
				fl[i++] = (unsigned char)f, lens += l;
		}
	}
	size_t xlen = (uint32_t)lens, ylen = lens >> 32;
	if (xlen + ylen > (p <= n ? n - p : 0)) /* p is past n only without points */
		return -1;
	/* four bytes are read at every point: when the glyph ends sooner, from a copy */
	const unsigned char *c = g + p;
	if (npts && n - p < xlen + ylen + 4) {
		memcpy(s->cb, c, xlen + ylen);
		memset(s->cb + xlen + ylen, 0, 4);
		c = s->cb;
	}
	/* at most: header, ends, no instructions, a flag and two words a point, a pad */
	if (reserve(out, 14 + 2 * (size_t)ncont + 5 * npts) != 0)
		return -1;
	unsigned char *o = out->s + out->n, *o0 = o;
	int32_t box[4];
	size_t nx, ny;
	o = points(c, c + xlen, fl, npts, r, s, o + 12 + 2 * (size_t)ncont, &nx, &ny, box);
	if (npts == 0)
		for (int k = 0; k < 4; k++)
			box[k] = scale((int16_t)rd16(g + 2 + 2 * k), r);
	wr16(o0, (unsigned)ncont);
	for (int k = 0; k < 4; k++)
		wr16(o0 + 2 + 2 * k, (unsigned)(uint16_t)box[k]);
	memcpy(o0 + 10, g + 10, 2 * (size_t)ncont);
	wr16(o0 + 10 + 2 * (size_t)ncont, 0);
	memcpy(o, s->xb, nx);
	memcpy(o + nx, s->yb, ny);
	o += nx + ny;
	if ((o - o0) % 2)
		*o++ = 0;
	out->n += (size_t)(o - o0);
	return 0;
}

/* Walks a composite glyph's components: calls each(gid) for each; -1 when malformed. With
 * out, writes the glyph there with its bbox and offsets scaled, its components renumbered by
 * map and its instructions dropped. */
static int composite_glyph(const unsigned char *g, size_t n, int32_t r, const uint16_t *map, unsigned nold,
			   struct grow *out, unsigned *comp, size_t *ncomp, size_t capcomp)
{
	size_t start = out ? out->n : 0;
	if (out) {
		put(out, g, n);
		if (out->bad)
			return -1;
	}
	unsigned char *c = out ? out->s + start : NULL;
	size_t p = 10;
	unsigned flags;
	do {
		if (p + 4 > n)
			return -1;
		flags = rd16(g + p);
		unsigned gid = rd16(g + p + 2);
		if (gid >= nold)
			return -1;
		if (comp && *ncomp >= capcomp)
			return -1;
		if (comp)
			comp[(*ncomp)++] = gid;
		size_t args = flags & 1 ? 4 : 2;
		if (p + 4 + args > n)
			return -1;
		if (c) {
			wr16(c + p, flags & ~0x100u); /* no instructions */
			wr16(c + p + 2, map[gid]);
			for (size_t a = 0; (flags & 2) && a < 2; a++) /* offsets, not point numbers */
				if (flags & 1)
					wr16(c + p + 4 + 2 * a, (unsigned)(uint16_t)scale((int16_t)rd16(g + p + 4 + 2 * a), r));
				else
					c[p + 4 + a] = (unsigned char)(int8_t)scale((int8_t)g[p + 4 + a], r);
		}
		p += 4 + args + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
	} while (flags & 0x20);
	if (p > n)
		return -1;
	if (out) {
		for (int k = 0; k < 4; k++)
			wr16(c + 2 + 2 * k, (unsigned)(uint16_t)scale((int16_t)rd16(g + 2 + 2 * k), r));
		out->n = start + p;
		if (p % 2)
			put(out, "", 1);
		return out->bad ? -1 : 0;
	}
	return 0;
}

/* The tables of the face whose table directory is at d + dir (table offsets count from d). */
static int find_tables(const unsigned char *d, size_t len, size_t dir, struct src *s)
{
	if (len < 12 || dir > len - 12 || (rd32(d + dir) != 0x00010000u && rd32(d + dir) != tag4("true")))
		return -1;
	unsigned nt = rd16(d + dir + 4);
	if (nt > MAX_TABLES || dir + 12 + 16 * (size_t)nt > len)
		return -1;
	struct {
		const char *tag;
		const unsigned char **at;
		size_t *n;
	} want[] = { { "head", &s->head, &s->head_n }, { "hhea", &s->hhea, &s->hhea_n }, { "maxp", &s->maxp, &s->maxp_n },
		     { "hmtx", &s->hmtx, &s->hmtx_n }, { "loca", &s->loca, &s->loca_n }, { "glyf", &s->glyf, &s->glyf_n },
		     { "OS/2", &s->os2, &s->os2_n },   { "name", &s->name, &s->name_n }, { "post", &s->post, &s->post_n } };
	for (unsigned i = 0; i < nt; i++) {
		const unsigned char *rec = d + dir + 12 + 16 * i;
		size_t off = rd32(rec + 8), n = rd32(rec + 12);
		if (off > len || n > len - off)
			return -1;
		for (size_t k = 0; k < sizeof want / sizeof want[0]; k++)
			if (rd32(rec) == tag4(want[k].tag))
				*want[k].at = d + off, *want[k].n = n;
	}
	if (!s->head || !s->hhea || !s->maxp || !s->hmtx || !s->loca || !s->glyf || s->head_n < 54 || s->hhea_n < 36 ||
	    s->maxp_n < 6)
		return -1;
	s->upem = rd16(s->head + 18);
	s->nglyphs = rd16(s->maxp + 4);
	s->nh = rd16(s->hhea + 34);
	s->longloca = (int16_t)rd16(s->head + 50) == 1;
	if (s->upem < 16 || s->nglyphs == 0 || s->nh == 0 || s->nh > s->nglyphs ||
	    s->hmtx_n < 4 * (size_t)s->nh + 2 * (size_t)(s->nglyphs - s->nh) ||
	    s->loca_n < ((size_t)s->nglyphs + 1) * (s->longloca ? 4 : 2))
		return -1;
	return 0;
}

/* The bytes of old glyph gid in glyf (*a, *b), -1 when loca points outside it. */
static int glyph_at(const struct src *s, unsigned gid, size_t *a, size_t *b)
{
	*a = s->longloca ? rd32(s->loca + 4 * gid) : 2 * (size_t)rd16(s->loca + 2 * gid);
	*b = s->longloca ? rd32(s->loca + 4 * gid + 4) : 2 * (size_t)rd16(s->loca + 2 * gid + 2);
	return *a > *b || *b > s->glyf_n || (*b > *a && *b - *a < 10) ? -1 : 0;
}

/* Marks the kept glyphs (and, through composites, their components) in map as 1 and lists them
 * in list (in no order): their number, or -1 when one is malformed. */
static long mark(const struct src *s, const uint32_t *keep, size_t n, uint16_t *map, uint32_t *list)
{
	size_t nl = 0;
	map[0] = 1, list[nl++] = 0;
	for (size_t i = 0; i < (keep ? n : s->nglyphs); i++) {
		uint32_t g = keep ? keep[i] : (uint32_t)i;
		if (g < s->nglyphs && !map[g])
			map[g] = 1, list[nl++] = g;
	}
	unsigned comp[64];
	for (size_t q = 0; q < nl; q++) { /* the list grows with the components it meets */
		size_t a, b, nc = 0;
		if (glyph_at(s, list[q], &a, &b) != 0)
			return -1;
		if (b == a || (int16_t)rd16(s->glyf + a) >= 0)
			continue;
		if (composite_glyph(s->glyf + a, b - a, 65536, NULL, s->nglyphs, NULL, comp, &nc, 64) != 0)
			return -1;
		for (size_t k = 0; k < nc; k++)
			if (!map[comp[k]])
				map[comp[k]] = 1, list[nl++] = comp[k];
	}
	return (long)nl;
}

void az_sort_u32(uint32_t *v, uint32_t *tmp, size_t n)
{
	uint32_t *in = v, *t;
	for (unsigned sh = 0; sh < 32 && n > 0; sh += 8) {
		size_t at[257] = { 0 };
		for (size_t i = 0; i < n; i++)
			at[(in[i] >> sh & 255) + 1]++;
		if (at[(in[0] >> sh & 255) + 1] == n)
			continue; /* all the same here */
		for (unsigned k = 0; k < 256; k++)
			at[k + 1] += at[k];
		for (size_t i = 0; i < n; i++)
			tmp[at[in[i] >> sh & 255]++] = in[i];
		t = in, in = tmp, tmp = t;
	}
	if (in != v)
		memcpy(v, in, n * sizeof *v);
}

/* The sum of the big-endian 32-bit words at p (n: a multiple of 4), four at a time. */
static uint32_t checksum(const unsigned char *p, size_t n)
{
	uint64_t sum = 0, w[2];
	size_t i = 0;
	for (; i + 16 <= n; i += 16) {
		memcpy(w, p + i, 16);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		w[0] = __builtin_bswap64(w[0]), w[1] = __builtin_bswap64(w[1]);
#endif
		sum += (w[0] >> 32) + (w[0] & 0xFFFFFFFFu) + (w[1] >> 32) + (w[1] & 0xFFFFFFFFu);
	}
	for (; i < n; i += 4)
		sum += rd32(p + i);
	return (uint32_t)sum;
}

/* The name table with only the copyright, family, style and PostScript names (format 0). */
static int name_kept(const struct src *s, const unsigned char *rec, unsigned strings)
{
	unsigned id = rd16(rec + 6);
	return (id == 0 || id == 1 || id == 2 || id == 6) && rd16(rec + 4) < 0x8000 &&
	       (size_t)strings + rd16(rec + 10) + rd16(rec + 8) <= s->name_n;
}

static unsigned char *names(const struct src *s, size_t *len)
{
	*len = 0;
	if (!s->name || s->name_n < 6)
		return NULL;
	unsigned count = rd16(s->name + 2), strings = rd16(s->name + 4), kept = 0;
	if (6 + 12 * (size_t)count > s->name_n || strings > s->name_n)
		return NULL;
	size_t total = 0;
	for (unsigned i = 0; i < count; i++)
		if (name_kept(s, s->name + 6 + 12 * i, strings))
			kept++, total += rd16(s->name + 6 + 12 * i + 8);
	size_t base = 6 + 12 * (size_t)kept, str = 0;
	unsigned char *t = malloc(base + total);
	if (!t)
		return NULL;
	wr16(t, 0), wr16(t + 2, kept), wr16(t + 4, (unsigned)base);
	kept = 0;
	for (unsigned i = 0; i < count; i++) {
		const unsigned char *rec = s->name + 6 + 12 * i;
		if (!name_kept(s, rec, strings))
			continue;
		unsigned n = rd16(rec + 8);
		memcpy(t + 6 + 12 * kept, rec, 10);
		wr16(t + 6 + 12 * kept + 10, (unsigned)str);
		memcpy(t + base + str, s->name + strings + rd16(rec + 10), n);
		kept++, str += n;
	}
	*len = base + str;
	return t;
}

void az_cut_free(struct az_cut *c)
{
	free(c->data);
	free(c->map);
	free(c->from);
	memset(c, 0, sizeof *c);
}

/* The tables written, in the order of their tags. */
enum { T_OS2, T_GLYF, T_HEAD, T_HHEA, T_HMTX, T_LOCA, T_MAXP, T_NAME, T_POST };
static const char out_tags[NOUT][5] = { "OS/2", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post" };

/* Where the tables of these lengths go (at; 0 for an empty one, which is left out): the size of
 * the whole font. Where glyf goes depends only on which tables are there and OS/2's length. */
static size_t layout(const size_t len[NOUT], size_t at[NOUT], unsigned *nt)
{
	*nt = 0;
	for (int i = 0; i < NOUT; i++)
		*nt += len[i] != 0;
	size_t end = 12 + 16 * (size_t)*nt;
	for (int i = 0; i < NOUT; i++) {
		at[i] = len[i] ? end : 0;
		end += (len[i] + 3) & ~(size_t)3;
	}
	return end;
}

int az_font_cut(const char *data, size_t len, size_t dir, const uint32_t *keep, size_t n, unsigned upem,
		struct az_cut *out)
{
	memset(out, 0, sizeof *out);
	struct src s = { 0 };
	if (find_tables((const unsigned char *)data, len, dir, &s) != 0)
		return -1;
	int32_t r = s.upem > upem ? (int32_t)(((int64_t)upem * 65536 + s.upem / 2) / s.upem) : 65536;
	unsigned new_upem = s.upem > upem ? upem : s.upem;
	out->nold = s.nglyphs;
	out->map = calloc(s.nglyphs, sizeof *out->map);
	uint32_t *list = malloc(2 * ((size_t)s.nglyphs + 1) * sizeof *list); /* and room to sort */
	long nl = out->map && list ? mark(&s, keep, n, out->map, list) : -1;
	if (nl >= 0 && !(out->from = malloc((size_t)nl * sizeof *out->from)))
		nl = -1;
	if (nl < 0) {
		free(list);
		az_cut_free(out);
		return -1;
	}
	/* numbered in old order */
	unsigned ng = (unsigned)nl;
	az_sort_u32(list, list + s.nglyphs + 1, ng);
	out->nnew = ng;
	size_t room = 0, a, b;
	for (unsigned k = 0; k < ng; k++) {
		out->map[list[k]] = (uint16_t)k, out->from[k] = (uint16_t)list[k];
		if (glyph_at(&s, list[k], &a, &b) == 0)
			room += b - a + 2;
	}
	free(list);
	size_t tlen[NOUT] = { 0 }, at[NOUT];
	unsigned char *name = names(&s, &tlen[T_NAME]);
	tlen[T_OS2] = s.os2_n <= 100 ? s.os2_n : 100;
	tlen[T_HEAD] = 54, tlen[T_HHEA] = 36, tlen[T_MAXP] = s.maxp_n >= 32 ? 32 : 6;
	tlen[T_POST] = s.post && s.post_n >= 32 ? 32 : 0;
	tlen[T_GLYF] = tlen[T_HMTX] = tlen[T_LOCA] = 1; /* there: their lengths come later */
	unsigned nt;
	layout(tlen, at, &nt);
	/* the new glyf made in place in the new font, with room for the kept glyphs as they were,
	 * which their new forms rarely exceed */
	size_t glyf_at = at[T_GLYF];
	struct grow font = { 0 };
	reserve(&font, glyf_at + room);
	font.n = glyf_at;
	struct pts pts = { 0 };
	size_t loca_n = ((size_t)ng + 1) * 4, hmtx_n = 4 * (size_t)ng;
	unsigned char *loca = malloc(loca_n), *hmtx = malloc(hmtx_n);
	unsigned char head[54], hhea[36], maxp[32], os2[100], post[32];
	int rc = loca && hmtx ? 0 : -1;
	unsigned maxadv = 0;
	for (unsigned k = 0; rc == 0 && k < ng; k++) {
		unsigned g = out->from[k];
		wr32(loca + 4 * k, (uint32_t)(font.n - glyf_at));
		if ((rc = glyph_at(&s, g, &a, &b)) != 0)
			break;
		if (b > a)
			rc = (int16_t)rd16(s.glyf + a) >= 0
				     ? simple_glyph(s.glyf + a, b - a, (int16_t)rd16(s.glyf + a), r, &pts, &font)
				     : composite_glyph(s.glyf + a, b - a, r, out->map, s.nglyphs, &font, NULL, NULL, 0);
		unsigned m = g < s.nh ? g : s.nh - 1;
		unsigned adv = (unsigned)scale(rd16(s.hmtx + 4 * m), r);
		long lsb = g < s.nh ? (int16_t)rd16(s.hmtx + 4 * g + 2) : (int16_t)rd16(s.hmtx + 4 * s.nh + 2 * (g - s.nh));
		wr16(hmtx + 4 * k, adv);
		wr16(hmtx + 4 * k + 2, (unsigned)(uint16_t)scale(lsb, r));
		maxadv = adv > maxadv ? adv : maxadv;
	}
	free(pts.fl);
	size_t glyf_n = font.n - glyf_at;
	if (rc != 0 || font.bad || !name != !s.name) {
		free(font.s), free(loca), free(hmtx), free(name);
		az_cut_free(out);
		return -1;
	}
	wr32(loca + 4 * (size_t)ng, (uint32_t)glyf_n);
	/* loca short when every offset fits; hmtx without its trailing run of equal advances */
	int shortloca = glyf_n / 2 <= 0xFFFF;
	if (shortloca) {
		for (size_t i = 0; i <= ng; i++)
			wr16(loca + 2 * i, rd32(loca + 4 * i) / 2);
		loca_n = ((size_t)ng + 1) * 2;
	}
	unsigned nh = ng;
	while (nh > 1 && rd16(hmtx + 4 * (nh - 1)) == rd16(hmtx + 4 * (nh - 2)))
		nh--;
	for (unsigned i = nh; i < ng; i++)
		memmove(hmtx + 4 * nh + 2 * (i - nh), hmtx + 4 * i + 2, 2);
	hmtx_n = 4 * (size_t)nh + 2 * (size_t)(ng - nh);

	static const unsigned short head_f[] = { 36, 38, 40, 42 }, hhea_f[] = { 4, 6, 8, 12, 14, 16, 22 },
				    os2_f[] = { 2, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 68, 70, 72, 86, 88 },
				    os2_u[] = { 74, 76 }, post_f[] = { 8, 10 };
	memcpy(head, s.head, 54);
	wr16(head + 18, new_upem);
	wr16(head + 50, shortloca ? 0 : 1);
	wr32(head + 8, 0); /* checkSumAdjustment counts as 0 */
	scale_at(head, 54, head_f, 4, 1, r);
	memcpy(hhea, s.hhea, 36);
	scale_at(hhea, 36, hhea_f, 7, 1, r);
	wr16(hhea + 10, maxadv);
	wr16(hhea + 34, nh);
	size_t os2_n = tlen[T_OS2];
	memcpy(maxp, s.maxp, tlen[T_MAXP]);
	if (tlen[T_MAXP] == 6)
		wr32(maxp, 0x00005000u);
	wr16(maxp + 4, ng);
	if (os2_n) {
		memcpy(os2, s.os2, os2_n);
		/* sxHeight and sCapHeight exist from version 2 */
		scale_at(os2, os2_n, os2_f, os2_n >= 2 && rd16(os2) >= 2 ? 16 : 14, 1, r);
		scale_at(os2, os2_n, os2_u, 2, 0, r);
	}
	if (tlen[T_POST]) {
		memcpy(post, s.post, 32);
		wr32(post, 0x00030000u);
		scale_at(post, 32, post_f, 2, 1, r);
	}
	const unsigned char *from[NOUT] = { os2, NULL, head, hhea, hmtx, loca, maxp, name, post };
	tlen[T_GLYF] = glyf_n, tlen[T_HMTX] = hmtx_n, tlen[T_LOCA] = loca_n;
	size_t total = layout(tlen, at, &nt);
	/* glyf stays where it is: before, only OS/2 and the table directory, whose length did not
	 * change unless glyf is empty */
	if (reserve(&font, total > font.n ? total - font.n : 0) == 0) {
		unsigned char *f = font.s;
		unsigned sel = 0;
		while ((2u << sel) <= nt)
			sel++;
		wr32(f, 0x00010000u);
		wr16(f + 4, nt), wr16(f + 6, 16u << sel), wr16(f + 8, sel), wr16(f + 10, nt * 16 - (16u << sel));
		size_t rec = 12;
		uint32_t whole = 0;
		for (int i = 0; i < NOUT; i++) {
			if (!tlen[i])
				continue;
			size_t padded = (tlen[i] + 3) & ~(size_t)3;
			if (i != T_GLYF)
				memcpy(f + at[i], from[i], tlen[i]);
			memset(f + at[i] + tlen[i], 0, padded - tlen[i]);
			uint32_t sum = checksum(f + at[i], padded);
			wr32(f + rec, tag4(out_tags[i]));
			wr32(f + rec + 4, sum);
			wr32(f + rec + 8, (uint32_t)at[i]);
			wr32(f + rec + 12, (uint32_t)tlen[i]);
			rec += 16, whole += sum;
		}
		/* the whole font's sum: the tables' (zero padded to whole words) and the directory's */
		whole += checksum(f, 12 + 16 * (size_t)nt);
		wr32(f + at[T_HEAD] + 8, 0xB1B0AFBAu - whole);
		out->data = (char *)f, out->len = total;
	}
	free(loca), free(hmtx), free(name);
	if (!out->data) {
		free(font.s);
		az_cut_free(out);
		return -1;
	}
	return 0;
}

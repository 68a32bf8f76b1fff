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

/* Scratch for one glyph's points, kept between glyphs. */
struct pts {
	unsigned char *fl;
	int32_t *xy;
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

/* One simple glyph (g, n bytes; ncont >= 0) scaled into out, its instructions dropped; -1 when
 * malformed. */
static int simple_glyph(const unsigned char *g, size_t n, int ncont, int32_t r, struct pts *s, struct grow *out)
{
	size_t p = 10 + 2 * (size_t)ncont;
	if (p + 2 > n)
		return -1;
	size_t npts = ncont ? rd16(g + p - 2) + 1u : 0;
	p += 2 + rd16(g + p);
	if (npts + 1 > s->cap) {
		size_t cap = npts + 1024;
		unsigned char *fl = realloc(s->fl, cap);
		if (fl)
			s->fl = fl;
		int32_t *xy = realloc(s->xy, 2 * cap * sizeof *xy);
		if (!fl || !xy)
			return -1;
		s->xy = xy, s->cap = cap;
	}
	unsigned char *fl = s->fl;
	int32_t *xy = s->xy;
	for (size_t i = 0; i < npts;) {
		if (p >= n)
			return -1;
		unsigned char f = fl[i++] = g[p++];
		if (f & 8) {
			if (p >= n)
				return -1;
			for (unsigned rep = g[p++]; rep > 0 && i < npts; rep--)
				fl[i++] = f;
		}
	}
	/* x then y: a byte (bit 1/2, sign in bit 4/5), the same (bit 4/5 alone), else a word */
	for (unsigned axis = 0; axis < 2; axis++) {
		unsigned sh = axis ? 4 : 2, same = axis ? 32 : 16;
		long v = 0;
		for (size_t i = 0; i < npts; i++) {
			if (fl[i] & sh) {
				if (p >= n)
					return -1;
				v += fl[i] & same ? g[p] : -(long)g[p];
				p++;
			} else if (!(fl[i] & same)) {
				if (p + 2 > n)
					return -1;
				v += (int16_t)rd16(g + p);
				p += 2;
			}
			xy[2 * i + axis] = scale(v, r);
		}
	}
	int32_t box[4];
	for (int k = 0; k < 4; k++)
		box[k] = scale((int16_t)rd16(g + 2 + 2 * k), r);
	for (size_t i = 0; i < npts; i++) {
		int32_t x = xy[2 * i], y = xy[2 * i + 1];
		if (i == 0 || x < box[0])
			box[0] = x;
		if (i == 0 || y < box[1])
			box[1] = y;
		if (i == 0 || x > box[2])
			box[2] = x;
		if (i == 0 || y > box[3])
			box[3] = y;
	}
	/* at most: header, ends, no instructions, a flag and two words a point, a pad */
	if (reserve(out, 14 + 2 * (size_t)ncont + 5 * npts) != 0)
		return -1;
	unsigned char *o = out->s + out->n, *o0 = o;
	wr16(o, (unsigned)ncont);
	for (int k = 0; k < 4; k++)
		wr16(o + 2 + 2 * k, (unsigned)(uint16_t)box[k]);
	memcpy(o + 10, g + 10, 2 * (size_t)ncont);
	o += 10 + 2 * (size_t)ncont;
	*o++ = 0, *o++ = 0;
	/* the new flags (on-curve bit kept), written with repeats, then the x bytes, the y bytes;
	 * xy becomes the deltas */
	for (size_t i = npts; i-- > 1;)
		xy[2 * i] -= xy[2 * i - 2], xy[2 * i + 1] -= xy[2 * i - 1];
	for (size_t i = 0; i < npts; i++) {
		int32_t dx = xy[2 * i], dy = xy[2 * i + 1];
		unsigned f = fl[i] & 1u;
		f |= dx == 0 ? 16u : dx > -256 && dx < 256 ? 2u | (dx > 0 ? 16u : 0) : 0;
		f |= dy == 0 ? 32u : dy > -256 && dy < 256 ? 4u | (dy > 0 ? 32u : 0) : 0;
		fl[i] = (unsigned char)f;
	}
	for (size_t i = 0; i < npts;) {
		unsigned rep = 0;
		while (i + rep + 1 < npts && fl[i + rep + 1] == fl[i] && rep < 255)
			rep++;
		if (rep)
			*o++ = (unsigned char)(fl[i] | 8), *o++ = (unsigned char)rep;
		else
			*o++ = fl[i];
		i += rep + 1;
	}
	for (unsigned axis = 0; axis < 2; axis++)
		for (size_t i = 0; i < npts; i++) {
			int32_t d = xy[2 * i + axis];
			if (d != 0 && d > -256 && d < 256)
				*o++ = (unsigned char)(d < 0 ? -d : d);
			else if (d != 0)
				wr16(o, (unsigned)(uint16_t)d), o += 2;
		}
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

/* Marks the kept glyphs (and, through composites, their components) in map as 1. */
static int mark(const struct src *s, const uint32_t *keep, size_t n, uint16_t *map)
{
	unsigned *work = malloc(((size_t)s->nglyphs + 1) * sizeof *work);
	if (!work)
		return -1;
	size_t nw = 0;
	map[0] = 1, work[nw++] = 0;
	for (size_t i = 0; i < (keep ? n : s->nglyphs); i++) {
		uint32_t g = keep ? keep[i] : (uint32_t)i;
		if (g < s->nglyphs && !map[g])
			map[g] = 1, work[nw++] = g;
	}
	int rc = 0;
	unsigned comp[64];
	while (rc == 0 && nw > 0) {
		size_t a, b, nc = 0;
		unsigned g = work[--nw];
		if (glyph_at(s, g, &a, &b) != 0) {
			rc = -1;
			break;
		}
		if (b == a || (int16_t)rd16(s->glyf + a) >= 0)
			continue;
		rc = composite_glyph(s->glyf + a, b - a, 65536, NULL, s->nglyphs, NULL, comp, &nc, 64);
		for (size_t k = 0; rc == 0 && k < nc; k++)
			if (!map[comp[k]])
				map[comp[k]] = 1, work[nw++] = comp[k];
	}
	free(work);
	return rc;
}

static uint32_t checksum(const unsigned char *p, size_t n)
{
	uint32_t sum = 0;
	size_t i = 0;
	for (; i + 4 <= n; i += 4)
		sum += rd32(p + i);
	if (i < n) {
		unsigned char b[4] = { 0, 0, 0, 0 };
		memcpy(b, p + i, n - i);
		sum += rd32(b);
	}
	return sum;
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
	memset(c, 0, sizeof *c);
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
	if (!(out->map = calloc(s.nglyphs, sizeof *out->map)) || mark(&s, keep, n, out->map) != 0) {
		az_cut_free(out);
		return -1;
	}
	/* numbered in old order; the new glyphs' advances and side bearings */
	unsigned ng = 0;
	for (unsigned g = 0; g < s.nglyphs; g++)
		if (out->map[g])
			out->map[g] = (uint16_t)ng++;
	out->nnew = ng;
	/* room for the kept glyphs as they were, which their new forms rarely exceed: one block */
	struct grow glyf = { 0 };
	size_t room = 0, a, b;
	for (unsigned g = 0; g < s.nglyphs; g++)
		if ((out->map[g] || g == 0) && glyph_at(&s, g, &a, &b) == 0)
			room += b - a + 2;
	reserve(&glyf, room);
	struct pts pts = { 0 };
	size_t loca_n = ((size_t)ng + 1) * 4, hmtx_n = 4 * (size_t)ng, name_n;
	unsigned char *loca = malloc(loca_n), *hmtx = malloc(hmtx_n), *name = names(&s, &name_n);
	unsigned char head[54], hhea[36], maxp[32], os2[100], post[32];
	int rc = loca && hmtx ? 0 : -1;
	unsigned k = 0, maxadv = 0;
	for (unsigned g = 0; rc == 0 && g < s.nglyphs; g++) {
		if (!out->map[g] && g)
			continue;
		size_t a, b;
		wr32(loca + 4 * k, (uint32_t)glyf.n);
		if ((rc = glyph_at(&s, g, &a, &b)) != 0)
			break;
		if (b > a)
			rc = (int16_t)rd16(s.glyf + a) >= 0
				     ? simple_glyph(s.glyf + a, b - a, (int16_t)rd16(s.glyf + a), r, &pts, &glyf)
				     : composite_glyph(s.glyf + a, b - a, r, out->map, s.nglyphs, &glyf, NULL, NULL, 0);
		unsigned m = g < s.nh ? g : s.nh - 1;
		unsigned adv = (unsigned)scale(rd16(s.hmtx + 4 * m), r);
		long lsb = g < s.nh ? (int16_t)rd16(s.hmtx + 4 * g + 2) : (int16_t)rd16(s.hmtx + 4 * s.nh + 2 * (g - s.nh));
		wr16(hmtx + 4 * k, adv);
		wr16(hmtx + 4 * k + 2, (unsigned)(uint16_t)scale(lsb, r));
		maxadv = adv > maxadv ? adv : maxadv;
		k++;
	}
	free(pts.fl);
	free(pts.xy);
	if (rc != 0 || glyf.bad || !name != !s.name) {
		free(glyf.s), free(loca), free(hmtx), free(name);
		az_cut_free(out);
		return -1;
	}
	wr32(loca + 4 * (size_t)ng, (uint32_t)glyf.n);
	/* loca short when every offset fits; hmtx without its trailing run of equal advances */
	int shortloca = glyf.n / 2 <= 0xFFFF;
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
	scale_at(head, 54, head_f, 4, 1, r);
	memcpy(hhea, s.hhea, 36);
	scale_at(hhea, 36, hhea_f, 7, 1, r);
	wr16(hhea + 10, maxadv);
	wr16(hhea + 34, nh);
	size_t maxp_n = s.maxp_n >= 32 ? 32 : 6, os2_n = s.os2_n <= sizeof os2 ? s.os2_n : sizeof os2,
	       post_n = s.post && s.post_n >= 32 ? 32 : 0;
	memcpy(maxp, s.maxp, maxp_n);
	if (maxp_n == 6)
		wr32(maxp, 0x00005000u);
	wr16(maxp + 4, ng);
	if (os2_n) {
		memcpy(os2, s.os2, os2_n);
		/* sxHeight and sCapHeight exist from version 2 */
		scale_at(os2, os2_n, os2_f, os2_n >= 2 && rd16(os2) >= 2 ? 16 : 14, 1, r);
		scale_at(os2, os2_n, os2_u, 2, 0, r);
	}
	if (post_n) {
		memcpy(post, s.post, 32);
		wr32(post, 0x00030000u);
		scale_at(post, 32, post_f, 2, 1, r);
	}
	struct {
		const char *tag;
		const unsigned char *data;
		size_t len;
	} t[NOUT] = { { "OS/2", os2, os2_n },	  { "glyf", glyf.s, glyf.n }, { "head", head, 54 },
		      { "hhea", hhea, 36 },	  { "hmtx", hmtx, hmtx_n },   { "loca", loca, loca_n },
		      { "maxp", maxp, maxp_n }, { "name", name, name_n },	  { "post", post, post_n } };
	unsigned nt = 0;
	size_t total = 12;
	for (int i = 0; i < NOUT; i++)
		if (t[i].len)
			nt++, total += 16 + ((t[i].len + 3) & ~(size_t)3);
	unsigned char *f = calloc(1, total);
	if (f) {
		unsigned sel = 0;
		while ((2u << sel) <= nt)
			sel++;
		wr32(f, 0x00010000u);
		wr16(f + 4, nt), wr16(f + 6, 16u << sel), wr16(f + 8, sel), wr16(f + 10, nt * 16 - (16u << sel));
		size_t at = 12 + 16 * (size_t)nt, rec = 12, head_at = 0;
		wr32(head + 8, 0); /* checkSumAdjustment counts as 0 */
		for (int i = 0; i < NOUT; i++) {
			if (!t[i].len)
				continue;
			if (t[i].data == head)
				head_at = at;
			memcpy(f + at, t[i].data, t[i].len);
			wr32(f + rec, tag4(t[i].tag));
			wr32(f + rec + 4, checksum(t[i].data, t[i].len));
			wr32(f + rec + 8, (uint32_t)at);
			wr32(f + rec + 12, (uint32_t)t[i].len);
			rec += 16, at += (t[i].len + 3) & ~(size_t)3;
		}
		wr32(f + head_at + 8, 0xB1B0AFBAu - checksum(f, total));
		out->data = (char *)f, out->len = total;
	}
	free(glyf.s), free(loca), free(hmtx), free(name);
	if (!f) {
		az_cut_free(out);
		return -1;
	}
	return 0;
}

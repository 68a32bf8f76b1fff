/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Scales a TrueType font (glyf outlines, no hinting) to fewer units per em: every coordinate,
 * metric and bounding box is rounded to the new grid, the glyphs are encoded again (smaller
 * deltas fit in one byte and repeat more often) and loca, the checksums and head follow. Every
 * read is bounded; anything unexpected (hinting, a malformed table) leaves the font as it was. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export/font_scale.h"

#define MAX_TABLES 64

struct table {
	uint32_t tag;
	const unsigned char *data;
	size_t len;
	unsigned char *own; /* a rewritten table, else NULL (data is the input's) */
};

struct grow {
	unsigned char *s;
	size_t n, cap;
	int bad;
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

/* v * r (new units per em / old), rounded half away from zero (monotonic, so a scaled bbox still bounds); in
 * floating point, as an integer division per coordinate was most of the time spent here */
static long scale(long v, double r)
{
	double x = (double)v * r;
	return (long)(x >= 0 ? x + 0.5 : x - 0.5);
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

/* Scales the signed 16-bit values at the given offsets of a table in place (unsigned ones for
 * the offsets listed in uns). */
static void scale_fields(unsigned char *t, size_t len, const unsigned short *at, size_t n, double r)
{
	for (size_t i = 0; i < n; i++)
		if (at[i] + 2u <= len) {
			long v = (int16_t)rd16(t + at[i]);
			wr16(t + at[i], (unsigned)(uint16_t)scale(v, r));
		}
}

static void scale_ufields(unsigned char *t, size_t len, const unsigned short *at, size_t n, double r)
{
	for (size_t i = 0; i < n; i++)
		if (at[i] + 2u <= len)
			wr16(t + at[i], (unsigned)scale((long)rd16(t + at[i]), r));
}

/* One simple glyph (g, n bytes; ncont >= 0) scaled into out; -1 when malformed or hinted. */
static int simple_glyph(const unsigned char *g, size_t n, int ncont, double r, struct grow *out)
{
	size_t p = 10 + 2 * (size_t)ncont;
	if (p + 2 > n)
		return -1;
	unsigned npts = ncont ? rd16(g + p - 2) + 1 : 0;
	if (rd16(g + p) != 0) /* instructions: scaling would break them */
		return -1;
	p += 2;
	unsigned char *fl = malloc(npts + 1);
	long *xy = malloc(2 * ((size_t)npts + 1) * sizeof *xy);
	int rc = fl && xy ? 0 : -1;
	for (unsigned i = 0; rc == 0 && i < npts;) {
		if (p >= n) {
			rc = -1;
			break;
		}
		unsigned char f = g[p++];
		unsigned rep = 0;
		if (f & 8) {
			if (p >= n) {
				rc = -1;
				break;
			}
			rep = g[p++];
		}
		for (unsigned r = 0; r <= rep && i < npts; r++)
			fl[i++] = f;
	}
	/* x then y: short (bit 1/2, sign in bit 4/5), same (bit 4/5 without 1/2), else a word */
	for (int axis = 0; rc == 0 && axis < 2; axis++) {
		unsigned sh = axis ? 4 : 2, same = axis ? 32 : 16;
		long v = 0;
		for (unsigned i = 0; i < npts; i++) {
			if (fl[i] & sh) {
				if (p >= n) {
					rc = -1;
					break;
				}
				v += fl[i] & same ? g[p] : -(long)g[p];
				p++;
			} else if (!(fl[i] & same)) {
				if (p + 2 > n) {
					rc = -1;
					break;
				}
				v += (int16_t)rd16(g + p);
				p += 2;
			}
			xy[2 * i + (unsigned)axis] = scale(v, r);
		}
	}
	if (rc == 0) {
		unsigned char hdr[10];
		wr16(hdr, (unsigned)ncont);
		long box[4] = { 0, 0, 0, 0 };
		for (int k = 0; k < 4; k++)
			box[k] = scale((int16_t)rd16(g + 2 + 2 * k), r);
		for (unsigned i = 0; i < npts; i++) {
			long x = xy[2 * i], y = xy[2 * i + 1];
			if (i == 0 || x < box[0])
				box[0] = x;
			if (i == 0 || y < box[1])
				box[1] = y;
			if (i == 0 || x > box[2])
				box[2] = x;
			if (i == 0 || y > box[3])
				box[3] = y;
		}
		for (int k = 0; k < 4; k++)
			wr16(hdr + 2 + 2 * k, (unsigned)(uint16_t)box[k]);
		/* at most: header, ends, no instructions, a flag and two words a point, a pad */
		if (reserve(out, 14 + 2 * (size_t)ncont + 5 * (size_t)npts) != 0) {
			rc = -1;
			goto out;
		}
		unsigned char *o = out->s + out->n, *o0 = o;
		memcpy(o, hdr, 10);
		memcpy(o + 10, g + 10, 2 * (size_t)ncont);
		o += 10 + 2 * (size_t)ncont;
		*o++ = 0, *o++ = 0;
		/* flags with repeats, then the x bytes, then the y bytes */
		for (unsigned i = 0; i < npts; i++) {
			unsigned char f = fl[i] & 1;
			for (int axis = 0; axis < 2; axis++) {
				long d = xy[2 * i + (unsigned)axis] - (i ? xy[2 * (i - 1) + (unsigned)axis] : 0);
				unsigned sh = axis ? 4 : 2, same = axis ? 32 : 16;
				if (d == 0)
					f |= (unsigned char)same;
				else if (d > -256 && d < 256)
					f |= (unsigned char)(sh | (d > 0 ? same : 0));
			}
			fl[i] = f;
		}
		for (unsigned i = 0; i < npts;) {
			unsigned r = 0;
			while (i + r + 1 < npts && fl[i + r + 1] == fl[i] && r < 255)
				r++;
			if (r)
				*o++ = (unsigned char)(fl[i] | 8), *o++ = (unsigned char)r;
			else
				*o++ = fl[i];
			i += r + 1;
		}
		for (int axis = 0; axis < 2; axis++)
			for (unsigned i = 0; i < npts; i++) {
				long d = xy[2 * i + (unsigned)axis] - (i ? xy[2 * (i - 1) + (unsigned)axis] : 0);
				if (d != 0 && d > -256 && d < 256)
					*o++ = (unsigned char)(d < 0 ? -d : d);
				else if (d != 0)
					wr16(o, (unsigned)(uint16_t)d), o += 2;
			}
		if ((o - o0) % 2)
			*o++ = 0;
		out->n += (size_t)(o - o0);
	}
out:
	free(fl);
	free(xy);
	return rc;
}

/* A composite glyph: its bbox and component offsets scaled; -1 when malformed or hinted. */
static int composite_glyph(const unsigned char *g, size_t n, double r, struct grow *out)
{
	size_t start = out->n;
	put(out, g, n);
	if (out->bad)
		return -1;
	unsigned char *c = out->s + start;
	for (int k = 0; k < 4; k++)
		wr16(c + 2 + 2 * k, (unsigned)(uint16_t)scale((int16_t)rd16(c + 2 + 2 * k), r));
	size_t p = 10;
	unsigned flags;
	do {
		if (p + 4 > n)
			return -1;
		flags = rd16(c + p);
		p += 4;
		if (flags & 0x100) /* instructions */
			return -1;
		size_t args = flags & 1 ? 4 : 2;
		if (p + args > n)
			return -1;
		if (flags & 2) { /* offsets, not point numbers */
			for (int a = 0; a < 2; a++) {
				if (flags & 1)
					wr16(c + p + 2 * a, (unsigned)(uint16_t)scale((int16_t)rd16(c + p + 2 * a), r));
				else
					c[p + (size_t)a] = (unsigned char)(int8_t)scale((int8_t)c[p + (size_t)a], r);
			}
		}
		p += args + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
	} while (flags & 0x20);
	if (p > n)
		return -1;
	out->n = start + p;
	if (p % 2)
		put(out, "", 1);
	return out->bad ? -1 : 0;
}

static struct table *find(struct table *t, int nt, const char *tag)
{
	for (int i = 0; i < nt; i++)
		if (t[i].tag == tag4(tag))
			return &t[i];
	return NULL;
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

/* glyf and loca scaled into new tables; -1 on anything unexpected. */
static int rescale_glyphs(struct table *glyf, struct table *loca, unsigned ng, int longloca, double r)
{
	struct grow out = { 0 };
	size_t *off = malloc(((size_t)ng + 1) * sizeof *off);
	int rc = off ? 0 : -1;
	for (unsigned i = 0; rc == 0 && i < ng; i++) {
		size_t a, b;
		if ((size_t)(i + 2) * (longloca ? 4 : 2) > loca->len) {
			rc = -1;
			break;
		}
		a = longloca ? rd32(loca->data + 4 * i) : 2 * (size_t)rd16(loca->data + 2 * i);
		b = longloca ? rd32(loca->data + 4 * i + 4) : 2 * (size_t)rd16(loca->data + 2 * i + 2);
		off[i] = out.n;
		if (a > b || b > glyf->len) {
			rc = -1;
			break;
		}
		if (a == b)
			continue;
		if (b - a < 10) {
			rc = -1;
			break;
		}
		int ncont = (int16_t)rd16(glyf->data + a);
		rc = ncont >= 0 ? simple_glyph(glyf->data + a, b - a, ncont, r, &out)
				: composite_glyph(glyf->data + a, b - a, r, &out);
	}
	if (off)
		off[ng] = out.n;
	int shortloca = out.n / 2 <= 0xFFFF;
	unsigned char *lo = rc == 0 && !out.bad ? malloc(((size_t)ng + 1) * (shortloca ? 2 : 4)) : NULL;
	if (!lo) {
		free(out.s);
		free(off);
		return -1;
	}
	for (unsigned i = 0; i <= ng; i++)
		if (shortloca)
			wr16(lo + 2 * i, (unsigned)(off[i] / 2));
		else
			wr32(lo + 4 * i, (uint32_t)off[i]);
	free(off);
	glyf->own = out.s, glyf->data = out.s, glyf->len = out.n;
	loca->own = lo, loca->data = lo, loca->len = ((size_t)ng + 1) * (shortloca ? 2 : 4);
	return shortloca;
}

/* A copy of a table, to be changed. */
static unsigned char *own(struct table *t)
{
	if (!t->own && (t->own = malloc(t->len ? t->len : 1)) != NULL) {
		memcpy(t->own, t->data, t->len);
		t->data = t->own;
	}
	return t->own;
}

static char *assemble(const char *data, struct table *t, int nt, size_t *outlen)
{
	size_t total = 12 + 16 * (size_t)nt;
	for (int i = 0; i < nt; i++)
		total += (t[i].len + 3) & ~(size_t)3;
	unsigned char *f = calloc(1, total);
	if (!f)
		return NULL;
	memcpy(f, data, 12);
	size_t at = 12 + 16 * (size_t)nt, head_at = 0;
	for (int i = 0; i < nt; i++) {
		unsigned char *rec = f + 12 + 16 * i;
		if (t[i].tag == tag4("head") && t[i].len >= 12) {
			head_at = at;
			memset(t[i].own + 8, 0, 4); /* checkSumAdjustment counts as 0 */
		}
		memcpy(f + at, t[i].data, t[i].len);
		wr32(rec, t[i].tag);
		wr32(rec + 4, checksum(t[i].data, t[i].len));
		wr32(rec + 8, (uint32_t)at);
		wr32(rec + 12, (uint32_t)t[i].len);
		at += (t[i].len + 3) & ~(size_t)3;
	}
	if (head_at)
		wr32(f + head_at + 8, 0xB1B0AFBAu - checksum(f, total));
	*outlen = total;
	return (char *)f;
}

char *az_font_rescale(const char *data, size_t len, unsigned upem, size_t *outlen)
{
	const unsigned char *d = (const unsigned char *)data;
	if (len < 12 || (rd32(d) != 0x00010000u && rd32(d) != tag4("true")))
		return NULL;
	int nt = (int)rd16(d + 4);
	if (nt > MAX_TABLES || 12 + 16 * (size_t)nt > len)
		return NULL;
	struct table t[MAX_TABLES];
	for (int i = 0; i < nt; i++) {
		const unsigned char *rec = d + 12 + 16 * i;
		size_t off = rd32(rec + 8), n = rd32(rec + 12);
		if (off > len || n > len - off)
			return NULL;
		t[i] = (struct table){ rd32(rec), d + off, n, NULL };
	}
	struct table *head = find(t, nt, "head"), *hhea = find(t, nt, "hhea"), *hmtx = find(t, nt, "hmtx"),
		     *maxp = find(t, nt, "maxp"), *loca = find(t, nt, "loca"), *glyf = find(t, nt, "glyf"),
		     *os2 = find(t, nt, "OS/2"), *post = find(t, nt, "post");
	if (!head || !hhea || !hmtx || !maxp || !loca || !glyf || head->len < 54 || hhea->len < 36 || maxp->len < 6 ||
	    find(t, nt, "fpgm") || find(t, nt, "prep") || find(t, nt, "cvt "))
		return NULL;
	unsigned from = rd16(head->data + 18), ng = rd16(maxp->data + 4), nh = rd16(hhea->data + 34);
	int longloca = (int16_t)rd16(head->data + 50) == 1;
	char *font = NULL;
	int shortloca = 0;
	double r = (double)upem / (from ? from : 1);
	if (from <= upem || nh == 0 || nh > ng || hmtx->len < 4 * (size_t)nh + 2 * (size_t)(ng - nh) ||
	    (shortloca = rescale_glyphs(glyf, loca, ng, longloca, r)) < 0)
		goto done;
	unsigned char *h = own(head), *hh = own(hhea), *hm = own(hmtx), *o2 = os2 ? own(os2) : NULL,
		      *po = post ? own(post) : NULL;
	if (!h || !hh || !hm || (os2 && !o2) || (post && !po))
		goto done;
	wr16(h + 18, upem);
	wr16(h + 50, shortloca ? 0 : 1);
	static const unsigned short head_f[] = { 36, 38, 40, 42 }, hhea_f[] = { 4, 6, 8, 12, 14, 16, 22 },
				    hhea_u[] = { 10 }, os2_f[] = { 2, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 68, 70, 72, 86, 88 },
				    os2_u[] = { 74, 76 }, post_f[] = { 8, 10 };
	scale_fields(h, head->len, head_f, 4, r);
	scale_fields(hh, hhea->len, hhea_f, 7, r);
	scale_ufields(hh, hhea->len, hhea_u, 1, r);
	if (o2) {
		/* sxHeight and sCapHeight exist from version 2 */
		size_t n = os2->len >= 2 && rd16(o2) >= 2 ? sizeof os2_f / sizeof os2_f[0] : sizeof os2_f / sizeof os2_f[0] - 2;
		scale_fields(o2, os2->len, os2_f, n, r);
		scale_ufields(o2, os2->len, os2_u, 2, r);
	}
	if (po)
		scale_fields(po, post->len, post_f, 2, r);
	for (unsigned i = 0; i < nh; i++) {
		wr16(hm + 4 * i, (unsigned)scale((long)rd16(hm + 4 * i), r));
		wr16(hm + 4 * i + 2, (unsigned)(uint16_t)scale((int16_t)rd16(hm + 4 * i + 2), r));
	}
	for (unsigned i = 0; i < ng - nh; i++) {
		unsigned char *p = hm + 4 * (size_t)nh + 2 * i;
		wr16(p, (unsigned)(uint16_t)scale((int16_t)rd16(p), r));
	}
	font = assemble(data, t, nt, outlen);
done:
	for (int i = 0; i < nt; i++)
		free(t[i].own);
	return font;
}

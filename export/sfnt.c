/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export/sfnt.h"

static unsigned rd16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t rd32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t tag4(const char *t)
{
	return (uint32_t)(unsigned char)t[0] << 24 | (uint32_t)(unsigned char)t[1] << 16 |
	       (uint32_t)(unsigned char)t[2] << 8 | (unsigned char)t[3];
}

/* Table tag of the face at f->dir: its bytes (*n), or NULL. */
static const unsigned char *table(const struct az_sfnt *f, const char *tag, size_t *n)
{
	const unsigned char *d = f->data + f->dir;
	unsigned nt = rd16(d + 4);
	if (f->dir + 12 + 16 * (size_t)nt > f->len)
		return NULL;
	for (unsigned i = 0; i < nt; i++) {
		const unsigned char *rec = d + 12 + 16 * i;
		size_t off = rd32(rec + 8), len = rd32(rec + 12);
		if (rd32(rec) == tag4(tag) && off <= f->len && len <= f->len - off) {
			*n = len;
			return f->data + off;
		}
	}
	return NULL;
}

/* The Unicode subtable of cmap: format 12 (all planes) preferred, else format 4. */
static void pick_cmap(struct az_sfnt *f, const unsigned char *cmap, size_t n)
{
	if (!cmap || n < 4)
		return;
	unsigned count = rd16(cmap + 2);
	for (unsigned i = 0; i < count && 4 + 8 * (size_t)i + 8 <= n; i++) {
		const unsigned char *rec = cmap + 4 + 8 * i;
		unsigned pid = rd16(rec), eid = rd16(rec + 2);
		size_t off = rd32(rec + 4);
		if (!(pid == 0 || (pid == 3 && (eid == 1 || eid == 10))) || off + 8 > n)
			continue;
		const unsigned char *t = cmap + off;
		unsigned format = rd16(t);
		size_t len = format == 12 ? rd32(t + 4) : rd16(t + 2);
		if (len > n - off || (format == 12 && (len < 16 || 16 + 12 * (size_t)rd32(t + 12) > len)) ||
		    (format == 4 && (len < 16 || 16 + 8 * (size_t)(rd16(t + 6) / 2) > len)))
			continue;
		if (format == 12 || (format == 4 && f->cmap_format != 12))
			f->cmap = t, f->cmap_n = len, f->cmap_format = (int)format;
	}
}

int az_sfnt_read(struct az_sfnt *f, const unsigned char *data, size_t len, int index)
{
	memset(f, 0, sizeof *f);
	f->data = data, f->len = len;
	if (len < 12)
		return -1;
	if (rd32(f->data) == tag4("ttcf")) {
		if (index < 0 || f->len < 12 + 4 * ((size_t)index + 1) || (uint32_t)index >= rd32(f->data + 8))
			return -1;
		f->dir = rd32(f->data + 12 + 4 * (size_t)index);
	} else if (index != 0) {
		return -1;
	}
	if (f->dir > f->len - 12 || (rd32(f->data + f->dir) != 0x00010000u && rd32(f->data + f->dir) != tag4("true")))
		return -1;
	size_t head_n, hhea_n, maxp_n, glyf_n, loca_n, cmap_n;
	const unsigned char *maxp = table(f, "maxp", &maxp_n), *cmap = table(f, "cmap", &cmap_n);
	f->head = table(f, "head", &head_n);
	f->hhea = table(f, "hhea", &hhea_n);
	f->hmtx = table(f, "hmtx", &f->hmtx_n);
	f->os2 = table(f, "OS/2", &f->os2_n);
	f->name = table(f, "name", &f->name_n);
	if (!f->head || head_n < 54 || !f->hhea || hhea_n < 36 || !maxp || maxp_n < 6 || !f->hmtx ||
	    !table(f, "glyf", &glyf_n) || glyf_n == 0 || !table(f, "loca", &loca_n))
		return -1;
	f->upem = rd16(f->head + 18);
	f->nglyphs = rd16(maxp + 4);
	f->nh = rd16(f->hhea + 34);
	pick_cmap(f, cmap, cmap_n);
	if (f->upem < 16 || f->nglyphs == 0 || f->nh == 0 || f->nh > f->nglyphs || f->hmtx_n < 4 * (size_t)f->nh ||
	    !f->cmap || az_sfnt_glyph(f, 'A') == 0)
		return -1;
	return 0;
}

int az_sfnt_open(struct az_sfnt *f, const char *path, int index)
{
	memset(f, 0, sizeof *f);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || st.st_size < 12 || (unsigned long long)st.st_size > (1ull << 31)) {
		close(fd);
		return -1;
	}
	void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (m == MAP_FAILED)
		return -1;
	if (az_sfnt_read(f, m, (size_t)st.st_size, index) != 0) {
		munmap(m, (size_t)st.st_size);
		memset(f, 0, sizeof *f);
		return -1;
	}
	f->mapped = 1;
	return 0;
}

void az_sfnt_close(struct az_sfnt *f)
{
	if (f->mapped)
		munmap((void *)(uintptr_t)f->data, f->len);
	memset(f, 0, sizeof *f);
}

unsigned az_sfnt_glyph(const struct az_sfnt *f, uint32_t cp)
{
	const unsigned char *t = f->cmap;
	uint32_t gid = 0;
	if (f->cmap_format == 12) {
		size_t lo = 0, hi = rd32(t + 12);
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			const unsigned char *g = t + 16 + 12 * mid;
			if (cp < rd32(g))
				hi = mid;
			else if (cp > rd32(g + 4))
				lo = mid + 1;
			else {
				gid = rd32(g + 8) + (cp - rd32(g));
				break;
			}
		}
	} else if (f->cmap_format == 4 && cp <= 0xFFFF) {
		size_t segs = rd16(t + 6) / 2, lo = 0, hi = segs;
		while (lo < hi) { /* the first segment ending at or after cp */
			size_t mid = lo + (hi - lo) / 2;
			if (rd16(t + 14 + 2 * mid) < cp)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < segs && rd16(t + 16 + 2 * segs + 2 * lo) <= cp) {
			unsigned start = rd16(t + 16 + 2 * segs + 2 * lo), delta = rd16(t + 16 + 4 * segs + 2 * lo);
			size_t ro_at = 16 + 6 * segs + 2 * lo, ro = rd16(t + ro_at);
			if (ro == 0) {
				gid = (cp + delta) & 0xFFFF;
			} else {
				size_t at = ro_at + ro + 2 * (size_t)(cp - start);
				unsigned g = at + 2 <= f->cmap_n ? rd16(t + at) : 0;
				gid = g ? (g + delta) & 0xFFFF : 0;
			}
		}
	}
	return gid < f->nglyphs ? (unsigned)gid : 0;
}

unsigned az_sfnt_advance(const struct az_sfnt *f, unsigned gid)
{
	return rd16(f->hmtx + 4 * (gid < f->nh ? gid : f->nh - 1));
}

void az_sfnt_metrics(const struct az_sfnt *f, int *ascent, int *descent, int *cap_height, int bbox[4])
{
	/* as HarfBuzz: the OS/2 typographic values when the font asks for them, else hhea's */
	int typo = f->os2 && f->os2_n >= 78 && (rd16(f->os2 + 62) & 0x80);
	*ascent = (int16_t)rd16(typo ? f->os2 + 68 : f->hhea + 4);
	*descent = (int16_t)rd16(typo ? f->os2 + 70 : f->hhea + 6);
	*cap_height = f->os2 && f->os2_n >= 90 && rd16(f->os2) >= 2 ? (int16_t)rd16(f->os2 + 88) : 0;
	for (int i = 0; i < 4; i++)
		bbox[i] = (int16_t)rd16(f->head + 36 + 2 * i);
}

int az_sfnt_name(const struct az_sfnt *f, unsigned id, char *out, size_t cap)
{
	const unsigned char *t = f->name;
	if (!t || f->name_n < 6 || cap == 0)
		return -1;
	unsigned count = rd16(t + 2), strings = rd16(t + 4);
	int best = -1, rank = 0;
	for (unsigned i = 0; i < count && 6 + 12 * (size_t)i + 12 <= f->name_n; i++) {
		const unsigned char *rec = t + 6 + 12 * i;
		unsigned pid = rd16(rec), eid = rd16(rec + 2), lang = rd16(rec + 4);
		if (rd16(rec + 6) != id || (size_t)strings + rd16(rec + 10) + rd16(rec + 8) > f->name_n)
			continue;
		/* Windows Unicode in US English, then any Windows Unicode, then Mac Roman in English */
		int r = pid == 3 && (eid == 1 || eid == 10) ? (lang == 0x409 ? 4 : 3) : pid == 1 && eid == 0 && lang == 0 ? 2 : 0;
		if (r > rank)
			rank = r, best = (int)i;
	}
	if (best < 0)
		return -1;
	const unsigned char *rec = t + 6 + 12 * (unsigned)best, *s = t + strings + rd16(rec + 10);
	size_t n = rd16(rec + 8), o = 0, step = rank >= 3 ? 2 : 1;
	for (size_t i = 0; i + step <= n && o + 1 < cap; i += step) {
		unsigned c = step == 2 ? rd16(s + i) : s[i];
		out[o++] = c >= 0x20 && c < 0x7F ? (char)c : '?';
	}
	out[o] = '\0';
	return o ? 0 : -1;
}

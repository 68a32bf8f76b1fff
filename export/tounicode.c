/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/tounicode.h"

/* A block of bfchar or bfrange holds at most 100 entries (PDF 32000-1, 9.10.3). */
#define BLOCK 100

static const char head[] =
	"/CIDInit /ProcSet findresource begin\n"
	"12 dict begin\n"
	"begincmap\n"
	"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	"/CMapName /Adobe-Identity-UCS def\n"
	"/CMapType 2 def\n";
static const char identity_space[] = "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
static const char mixed_space[] = "2 begincodespacerange\n<00> <DF>\n<E000> <FFFF>\nendcodespacerange\n";
static const char tail[] =
	"endcmap\n"
	"CMapName currentdict /CMap defineresource pop\n"
	"end\n"
	"end\n";

/* The low 4 * digits bits of v in upper-case hex into o; its length (sprintf was most of the
 * cost of a CMap). */
static int put_hex(char *o, unsigned v, int digits)
{
	static const char hex[] = "0123456789ABCDEF";
	for (int k = digits - 1; k >= 0; k--, v >>= 4)
		o[k] = hex[v & 15];
	return digits;
}

/* "<code>" of id (mixed codes) into o; its length. */
static int put_code_hex(char *o, unsigned id)
{
	unsigned char code[2], *end = az_glyph_code(code, id, 1);
	int n = (int)(end - code);
	o[0] = '<';
	put_hex(o + 1, n == 1 ? code[0] : (unsigned)code[0] << 8 | code[1], 2 * n);
	o[1 + 2 * n] = '>';
	return 2 + 2 * n;
}

/* "<gid>" as Identity-H's four digits into o; its length. */
static int put_gid_hex(char *o, unsigned gid)
{
	o[0] = '<';
	put_hex(o + 1, gid, 4);
	o[5] = '>';
	return 6;
}

char *az_mixed_cmap(unsigned nglyphs, const uint16_t *alias, size_t nalias, size_t *len)
{
	size_t nranges = 1 + (nglyphs > AZ_ONE_BYTE ? (nglyphs + 255) / 256 : 0);
	char *cmap = malloc(sizeof head + sizeof mixed_space + sizeof tail + 64 + nranges * 32 +
			    (nalias / BLOCK + 1) * 32 + nalias * 24);
	if (!cmap || nglyphs == 0)
		return free(cmap), NULL;
	char *o = cmap;
	o += sprintf(o, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
			"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def\n"
			"/CMapName /Anzen-Mixed def\n/CMapType 1 def\n%s",
		     mixed_space);
	/* one byte below 0xE0, two bytes 0xE000 + id above; each two-byte range varies in its last
	 * byte only, as Identity-H's, and ends at the last glyph, so no range covers an alias */
	unsigned one = nglyphs < AZ_ONE_BYTE ? nglyphs : AZ_ONE_BYTE;
	o += sprintf(o, "%zu begincidrange\n<00> <%02X> 0\n", nranges, one - 1);
	for (unsigned lo = AZ_ONE_BYTE; lo < nglyphs; lo = (lo | 255) + 1) {
		unsigned hi = (lo | 255) < nglyphs - 1 ? (lo | 255) : nglyphs - 1;
		o += sprintf(o, "<%04X> <%04X> %u\n", 0xE000 + lo, 0xE000 + hi, lo);
	}
	o += sprintf(o, "endcidrange\n");
	for (size_t j = 0; j < nalias; j++) {
		if (j % BLOCK == 0)
			o += sprintf(o, "%zu begincidchar\n", nalias - j < BLOCK ? nalias - j : (size_t)BLOCK);
		o += put_code_hex(o, nglyphs + (unsigned)j);
		o += sprintf(o, " %u\n", (unsigned)alias[j]);
		if (j % BLOCK == BLOCK - 1 || j == nalias - 1)
			o += sprintf(o, "endcidchar\n");
	}
	o += sprintf(o, "%s", tail);
	*len = (size_t)(o - cmap);
	return cmap;
}

struct pair {
	uint16_t gid;
	uint32_t cp;
};

static int by_gid(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;
	return (x->gid > y->gid) - (x->gid < y->gid);
}

/* cp in UTF-16 as hex: 4 digits, or 8 for a surrogate pair. */
static int put_utf16(char *o, uint32_t cp)
{
	if (cp <= 0xFFFF)
		return put_hex(o, cp, 4);
	cp -= 0x10000;
	put_hex(o, 0xD800 + (cp >> 10), 4);
	return 4 + put_hex(o + 4, 0xDC00 + (cp & 0x3FF), 4);
}

char *az_tounicode_cmap(const uint16_t *gids, const uint32_t *cps, size_t n, int mixed, size_t *len)
{
	struct pair *p = malloc((n ? n : 1) * sizeof *p);
	if (!p)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (cps[i] == 0 || cps[i] > 0x10FFFF || (cps[i] >= 0xD800 && cps[i] < 0xE000)) {
			free(p);
			return NULL;
		}
		p[i] = (struct pair){ gids[i], cps[i] };
	}
	qsort(p, n, sizeof *p, by_gid);
	/* at most 29 bytes per entry (a bfrange's), and a begin/end pair (30) per block */
	size_t cap = sizeof head + sizeof mixed_space + sizeof tail + n * 29 + (n / BLOCK + 2) * 30 + 1;
	char *buf = malloc(cap), *o = buf;
	for (size_t i = 1; buf && i < n; i++)
		if (p[i].gid == p[i - 1].gid) {
			free(buf);
			buf = NULL;
		}
	if (!buf) {
		free(p);
		return NULL;
	}
	const char *space = mixed ? mixed_space : identity_space;
	o += sprintf(o, "%s%s", head, space);
	/* runs of consecutive glyphs for consecutive characters (kana, digits, Latin: a subset keeps
	 * the font's order) as one bfrange line each, within one last byte of code and of character as
	 * a bfrange must be (PDF 32000-1, 9.10.3); the rest a bfchar line each */
	size_t *run = malloc((n ? n : 1) * sizeof *run), nsingle = 0, nrun = 0;
	if (!run) {
		free(buf), free(p);
		return NULL;
	}
	for (size_t i = 0; i < n; i += run[i]) {
		size_t k = 1;
		unsigned char a[2], b[2];
		int w = (int)(az_glyph_code(a, p[i].gid, mixed) - a);
		while (i + k < n && p[i + k].gid == p[i].gid + k && p[i + k].cp == p[i].cp + k && p[i].cp + k <= 0xFFFF &&
		       ((p[i].cp + k) & 0xFF) != 0 && az_glyph_code(b, p[i + k].gid, mixed) - b == w &&
		       (w == 1 || b[0] == a[0]) && b[w - 1] != 0)
			k++;
		run[i] = k;
		k > 1 ? nrun++ : nsingle++;
	}
	for (int pass = 0; pass < 2; pass++) { /* bfchar lines, then bfrange lines */
		size_t total = pass ? nrun : nsingle, done = 0;
		const char *kind = pass ? "bfrange" : "bfchar";
		for (size_t i = 0; i < n; i += run[i]) {
			if ((run[i] > 1) != pass)
				continue;
			if (done % BLOCK == 0)
				o += sprintf(o, "%zu begin%s\n", total - done < BLOCK ? total - done : (size_t)BLOCK, kind);
			o += mixed ? put_code_hex(o, p[i].gid) : put_gid_hex(o, p[i].gid);
			if (pass) {
				*o++ = ' ';
				unsigned last = p[i].gid + (unsigned)run[i] - 1;
				o += mixed ? put_code_hex(o, last) : put_gid_hex(o, last);
			}
			*o++ = ' ', *o++ = '<';
			o += put_utf16(o, p[i].cp);
			*o++ = '>', *o++ = '\n';
			if (++done % BLOCK == 0 || done == total)
				o += sprintf(o, "end%s\n", kind);
		}
	}
	free(run);
	memcpy(o, tail, sizeof tail);
	o += sizeof tail - 1;
	*len = (size_t)(o - buf);
	free(p);
	return buf;
}

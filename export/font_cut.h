/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* A TrueType font cut down to the glyphs a document draws and redrawn on a coarser grid, in one
 * pass over its glyf table, as the PDF embeds it: the outlines and metrics scaled from the font's
 * units per em to AZ_FONT_UPEM, no hinting, no layout tables, only the copyright, family, style
 * and PostScript names. IPAexGothic draws on 2,048 units; on 128 the largest error is 1/256 em
 * (0.04 pt in 10.5 pt text, 0.06 pt on a 16 pt heading: a third and a half of a 600 dpi printer
 * dot), its deltas fit in one byte and the outlines, 96 % of the clinic PDF's font, deflate to 62 %
 * (on 256: 70 %, 6 KB more for the clinic). Faster than HarfBuzz's subsetter for a CJK font, which
 * first plans every table it knows (1.3 ms of the clinic PDF). */
#ifndef ANZEN_FONT_CUT_H
#define ANZEN_FONT_CUT_H

#include <stddef.h>
#include <stdint.h>

#define AZ_FONT_UPEM 128

struct az_cut {
	char *data;     /* the new font */
	size_t len;
	uint16_t *map;  /* new glyph id of each old one (0: not kept; .notdef stays 0) */
	uint16_t *from; /* old glyph id of each new one */
	unsigned nold;  /* glyphs in the old font: entries of map */
	unsigned nnew;  /* glyphs in the new one */
};

/* Cuts the font in data (a TrueType file; dir: the offset of the face's table directory, 0 but
 * in a font collection) to the old glyph ids keep[0..n-1] (keep NULL: every glyph), .notdef and
 * the components of composite glyphs, numbered in their old order, on upem units per em (a font
 * already on upem or fewer keeps its own). 0, or -1 when the font is not one this reads or there
 * is no memory. */
int az_font_cut(const char *data, size_t len, size_t dir, const uint32_t *keep, size_t n, unsigned upem,
		struct az_cut *out);
void az_cut_free(struct az_cut *c);
/* Sorts the n values at v ascending (tmp: room for n more), a byte at a time: linear, for the
 * few hundred glyph ids and code points of a document. */
void az_sort_u32(uint32_t *v, uint32_t *tmp, size_t n);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* What the PDF needs of a TrueType font, read from the mapped file: its character map, advance
 * widths, units per em, vertical metrics and names. A report asks a few hundred characters of
 * one font; HarfBuzz, which did this before, cost more to load (with GLib and FreeType, 0.7 ms)
 * than the whole lookup. Every read is bounded; a font this cannot read is refused at open. */
#ifndef ANZEN_SFNT_H
#define ANZEN_SFNT_H

#include <stddef.h>
#include <stdint.h>

struct az_sfnt {
	const unsigned char *data; /* the whole file, mapped */
	size_t len;
	size_t dir;                /* its table directory (a font collection holds several) */
	unsigned upem, nglyphs, nh;
	const unsigned char *cmap, *hmtx, *hhea, *os2, *head, *name; /* cmap: the Unicode subtable */
	size_t cmap_n, hmtx_n, os2_n, name_n;
	int cmap_format; /* 4 (BMP) or 12 (all planes) */
	int mapped;      /* data is a mapping of the file, unmapped at close */
};

/* Maps the file path and reads face index of it (0 for a plain .ttf): 0, or -1 when it is not a
 * TrueType font with glyf outlines and a Unicode character map. */
int az_sfnt_open(struct az_sfnt *f, const char *path, int index);
/* The same from len bytes at data, which stay the caller's. */
int az_sfnt_read(struct az_sfnt *f, const unsigned char *data, size_t len, int index);
void az_sfnt_close(struct az_sfnt *f);
/* The glyph of cp, 0 when the font has none. */
unsigned az_sfnt_glyph(const struct az_sfnt *f, uint32_t cp);
/* The advance width of glyph gid, in font units. */
unsigned az_sfnt_advance(const struct az_sfnt *f, unsigned gid);
/* Ascender, descender (negative) and cap height (0: not given), and the font's bounding box
 * (xmin, ymin, xmax, ymax), in font units. */
void az_sfnt_metrics(const struct az_sfnt *f, int *ascent, int *descent, int *cap_height, int bbox[4]);
/* Name id (1 family, 6 PostScript name) in ASCII into out (cap bytes), preferring English; 0, or
 * -1 when the font has no such name. */
int az_sfnt_name(const struct az_sfnt *f, unsigned id, char *out, size_t cap);

#endif

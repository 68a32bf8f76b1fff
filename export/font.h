/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The document's fonts: the main TrueType font (found with fontconfig, or named), and for a
 * character it lacks the first installed TrueType font that fontconfig finds with it (𠮷 from
 * IPAmj明朝, an emoji from Symbola). Each is measured from its own tables (sfnt.h) and cut down to
 * the code points the document uses (font_cut.h); the PDF embeds each subset as a CID font whose CIDs are the subset's glyph
 * ids (pdfdraw.c), so no per-document table of every code point is built. */
#ifndef ANZEN_FONT_H
#define ANZEN_FONT_H

#include <stddef.h>
#include <stdint.h>

#include "base/error.h"

#define AZ_FONT_FAMILY "IPAexGothic"
#define AZ_FONT_PACKAGE "fonts-ipaexfont-gothic"
/* The fallback for characters IPAexGothic lacks (JIS X 0213 and names such as 𠮷), and for
 * emoji in black and white; `setup` installs both. */
#define AZ_FALLBACK_PACKAGES "fonts-ipamj-mincho fonts-symbola"
#define AZ_MAX_FACES 8

struct az_font;

/* Opens file, or when file is NULL the font fontconfig gives for family (NULL: AZ_FONT_FAMILY).
 * A missing or unusable font is AZ_NOINPUT with a message naming the Debian package. */
struct az_font *az_font_open(const char *file, const char *family, struct az_error *err);
void az_font_close(struct az_font *f);

const char *az_font_file(const struct az_font *f);
const char *az_font_family(const struct az_font *f);
/* 1 if the main font or a fallback can draw cp (control characters: never). */
int az_font_has(struct az_font *f, uint32_t cp);
/* The character printed for one no font has (the document's 〓): its width is theirs. */
void az_font_set_substitute(struct az_font *f, uint32_t cp);
uint32_t az_font_substitute(const struct az_font *f);
/* Advance width in 1/1000 em (truncated), from the font that draws cp. */
long az_font_width(struct az_font *f, uint32_t cp);
/* Records that the document draws cp (which must satisfy az_font_has). */
void az_font_use(struct az_font *f, uint32_t cp);
/* The font that draws cp: 0 the main one, then the fallbacks in the order they were found. */
int az_font_face_of(struct az_font *f, uint32_t cp);
/* Fonts opened so far (at least 1). */
int az_font_nfaces(const struct az_font *f);

/* One font cut down to the code points the document draws with it. Glyph ids are those of the
 * subset, which the PDF uses as CIDs (Identity). */
struct az_subset {
	char *data;       /* the subset TrueType font */
	size_t len;
	char name[80];    /* PostScript name with a subset tag, e.g. "KQXBTA+IPAexGothic" */
	uint32_t *cps;    /* the code points, ascending */
	uint16_t *gids;   /* gids[i] draws cps[i] */
	uint16_t *bmp;    /* the glyph id of each BMP code point (0: none), for drawing */
	size_t n;
	uint16_t *widths; /* per glyph id, 1/1000 em */
	unsigned nglyphs;
	/* a character drawn by a glyph an earlier one already has (NBSP and space, ⼀ and 一) gets an
	 * id of its own past the glyphs, nglyphs + j, whose glyph is alias[j]: the text layer keeps it */
	uint16_t *alias;
	size_t nalias;
	int ascent, descent, cap_height, bbox[4]; /* 1/1000 em */
};
/* Subsets face k; free with az_subset_free. */
int az_font_subset_face(struct az_font *f, int k, struct az_subset *out, struct az_error *err);
void az_subset_free(struct az_subset *s);
/* The id of cp in the subset (a glyph id, or an alias past them), 0 if none. */
uint16_t az_subset_gid(const struct az_subset *s, uint32_t cp);

#endif

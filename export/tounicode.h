/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The codes of the document's text and their CMaps. A font of up to AZ_MIXED_MAX glyphs is drawn
 * with codes of one byte for its first AZ_ONE_BYTE glyph ids (a subset numbers its glyphs in the
 * font's order: Latin, kana, then kanji, so half of a Japanese page is one-byte codes and its
 * pages deflate 7 % smaller) and of two bytes, 0xE000 + the glyph id, for the others, through the
 * Encoding CMap az_mixed_cmap; a larger font with 2-byte glyph ids (Identity-H).
 * The /ToUnicode CMap of a font, so that copying, searching and screen readers get the characters
 * back: each code to its character, in UTF-16 (a character outside the BMP, such as 𠮷, as its
 * surrogate pair). */
#ifndef ANZEN_TOUNICODE_H
#define ANZEN_TOUNICODE_H

#include <stddef.h>
#include <stdint.h>

#define AZ_ONE_BYTE 0xE0
#define AZ_MIXED_MAX 0x2000

/* The code of glyph gid in a font drawn with mixed codes (mixed) or Identity-H, into e (1 or 2
 * bytes); returns the end. */
static inline unsigned char *az_glyph_code(unsigned char *e, unsigned gid, int mixed)
{
	if (mixed && gid < AZ_ONE_BYTE) {
		*e++ = (unsigned char)gid;
	} else {
		unsigned code = mixed ? 0xE000u + gid : gid;
		*e++ = (unsigned char)(code >> 8), *e++ = (unsigned char)code;
	}
	return e;
}

/* The Encoding CMap of mixed codes of a font of nglyphs glyphs to CIDs that are its glyph ids,
 * and of the ids nglyphs + j to glyphs alias[j] (font.h), malloc'd (its length in *len), or NULL. */
char *az_mixed_cmap(unsigned nglyphs, const uint16_t *alias, size_t nalias, size_t *len);

/* The CMap mapping the code of gids[i] (mixed, or Identity-H) to cps[i] for the n pairs (any
 * order; a glyph id at most once, a code point in U+0001..U+10FFFF) as malloc'd text (its length in
 * *len), or NULL when out of memory or a pair is out of range or repeated. */
char *az_tounicode_cmap(const uint16_t *gids, const uint32_t *cps, size_t n, int mixed, size_t *len);

#endif

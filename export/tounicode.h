/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* The /ToUnicode CMap of a font of the document, so that copying, searching and screen readers get
 * the characters back: each 2-byte code (a glyph id of the font's subset) to its character, in
 * UTF-16 (a character outside the BMP, such as 𠮷, as its surrogate pair). */
#ifndef ANZEN_TOUNICODE_H
#define ANZEN_TOUNICODE_H

#include <stddef.h>
#include <stdint.h>

/* The CMap mapping gids[i] to cps[i] for the n pairs (any order; a glyph id at most once, a code
 * point in U+0001..U+10FFFF) as malloc'd text (its length in *len), or NULL when out of memory or
 * a pair is out of range or repeated. */
char *az_tounicode_cmap(const uint16_t *gids, const uint32_t *cps, size_t n, size_t *len);

#endif

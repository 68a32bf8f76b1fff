/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Line breaking for Japanese and Latin text, one code point at a time, with kinsoku.
 * libharu's MeasureText/TextRect split UTF-8 sequences and never break Japanese, so we break here. */
#ifndef ANZEN_LINEBREAK_H
#define ANZEN_LINEBREAK_H

#include <stddef.h>
#include <stdint.h>

#include "base/text.h"

/* Advance width of one code point in 1/1000 em (the unit of HPDF_Font_TextWidth). */
typedef long (*az_width_fn)(void *ctx, uint32_t cp);

struct az_line {
	size_t start, len; /* bytes of the text, without the spaces at a soft break */
	long width;        /* 1/1000 em, the hyphen included */
	int hyphen;        /* a word was cut here: draw a hyphen after the line */
};


/* 1 if no line may start with cp (、。）」 small kana …), or end with it (（「 …). */
int az_kinsoku_no_start(uint32_t cp);
int az_kinsoku_no_end(uint32_t cp);

/* May a line break between a and b (neither a space), given the UAX #14 opportunity there (a
 * UC_BREAK_* value of libunistring's u8_possible_linebreaks)? The project's rules apply on top:
 * kinsoku, a break after '/', none inside 2026-11-01, clinic-2028.anzen, CL7-man-d or 1,000. */
int az_break_between(uint32_t a, uint32_t b, int uax14);

/* Breaks s into lines no wider than max_width (1/1000 em; a line holds at least one code point).
 * '\n' is a hard break; Latin words stay whole when they fit a line; a longer word is cut, with a
 * hyphen between two letters; a date (令和8年12月31日, 2026-12-31) is not broken inside; no line holds
 * only the last character of a word or a text.
 * Returns the number of lines (at least 1) and a malloc'd array in *lines, or 0 when out of memory. */
size_t az_wrap(const char *s, size_t len, long max_width, az_width_fn width, void *ctx,
	       struct az_line **lines);
/* The same; name: a person's, organisation's, system's or vendor's name, as az_wrap_name. */
size_t az_wrap_mode(const char *s, size_t len, long max_width, az_width_fn width, void *ctx, int name,
		    struct az_line **lines);

/* A name broken at word-like boundaries only (base/namebreak.c): spaces and middle dots, around an
 * organisation's affix (株式会社, 医療法人 …), where the script changes (漢字・かな・カナ・Latin), then
 * between two kanji; never inside a katakana run, a Latin word or a date unless the run alone is
 * wider than the line, and no line holds a single character of it when two would do. */
size_t az_wrap_name(const char *s, size_t len, long max_width, az_width_fn width, void *ctx,
		    struct az_line **lines);
/* As az_wrap, where the bytes [from, to) of the text are a name or a list of names (a system's name
 * leading "遠隔保守用VPNルータ: VPN機器の…", the systems after "対象: "): inside it a line ends only at
 * the names' words (class 2 and up of az_name_breaks), unless a word is wider than the line. */
size_t az_wrap_span(const char *s, size_t len, size_t from, size_t to, long max_width, az_width_fn width,
		    void *ctx, struct az_line **lines);
/* The same in two steps, for a text broken at several widths (a table's columns are tried at
 * several): az_breaks_new decodes and classifies s once (NULL when out of memory; it keeps a copy
 * of s), az_breaks_wrap breaks it at a width as az_wrap_span would. az_breaks_of: b was made from
 * these bytes and this span. */
struct az_breaks;
/* 1 and the one line in *line when s has no '\n' and fits max_width whole (as az_wrap_span would
 * break it, without classifying its breaks), else 0. */
int az_wrap_fits(const char *s, size_t len, long max_width, az_width_fn width, void *ctx, struct az_line *line);
/* The width of s on one line (widths are never negative: it fits any max_width at least as wide,
 * as az_wrap_fits would say) and that line in *line, or -1 when s holds '\n'. */
long az_wrap_natural(const char *s, size_t len, az_width_fn width, void *ctx, struct az_line *line);
struct az_breaks *az_breaks_new(const char *s, size_t len, size_t from, size_t to, az_width_fn width, void *ctx);
size_t az_breaks_wrap(const struct az_breaks *b, long max_width, struct az_line **lines);
/* The number of lines az_breaks_wrap would give, without allocating them. */
size_t az_breaks_count(const struct az_breaks *b, long max_width);
int az_breaks_of(const struct az_breaks *b, const char *s, size_t len, size_t from, size_t to);
void az_breaks_free(struct az_breaks *b);
/* The bytes b holds. */
size_t az_breaks_size(const struct az_breaks *b);
/* The break class (0-4, as in base/namebreak.c) before each code point of the name s[0..len), at its
 * first byte in cls (len + 1 bytes; 0 elsewhere, and where a break would leave one character of the
 * name alone). 0 when out of memory. */
int az_name_breaks(const char *s, size_t len, unsigned char *cls);

#endif

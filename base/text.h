/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Text checks shared by every layer that takes text from outside. */
#ifndef ANZEN_TEXT_H
#define ANZEN_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* az_utf8_next's other cases: four-byte and two-byte forms, and anything invalid. */
uint32_t az_utf8_next_rest(const char *s, size_t len, size_t *i);

/* Decodes the code point at s[*i] and advances *i; an invalid or truncated sequence gives U+FFFD
 * and advances one byte, so every input decodes. ASCII and the three-byte forms of Japanese are
 * decoded inline: line breaking, measuring and drawing decode every character of the PDF several
 * times, from both the program and anzen-ui.so, where a call costs more than the decoding. */
static inline uint32_t az_utf8_next(const char *s, size_t len, size_t *i)
{
	const uint8_t *p = (const uint8_t *)s + *i;
	if (*i < len && p[0] < 0x80)
		return (*i)++, p[0];
	if (*i < len && len - *i >= 3 && (p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
	    (p[0] != 0xE0 || p[1] >= 0xA0) && (p[0] != 0xED || p[1] < 0xA0)) {
		*i += 3;
		return (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
	}
	return az_utf8_next_rest(s, len, i);
}
/* Returns the byte offset of the first invalid UTF-8 sequence, or (size_t)-1 if s is valid. */
size_t az_utf8_invalid_at(const char *s, size_t len);
/* Number of code points in valid UTF-8. */
size_t az_utf8_count(const char *s, size_t len);



/* A copy safe to print on a terminal: control characters (C0, DEL, C1, and so ESC sequences)
 * and invalid UTF-8 become U+FFFD, so workbook text cannot drive the terminal. free() it. */
char *az_text_sanitize(const char *s);
/* fputs of az_text_sanitize(s) ("?" without memory), without a copy when nothing needs replacing. */
int az_text_fputs(const char *s, FILE *f);
/* The same, keeping line breaks and tabs (a CSV cell, which quotes them). */
char *az_text_sanitize_lines(const char *s);
#endif

/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The anzen authors */
/* Text checks shared by every layer that takes text from outside. */
#ifndef ANZEN_TEXT_H
#define ANZEN_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Decodes the code point at s[*i] and advances *i; an invalid or truncated sequence gives U+FFFD
 * and advances one byte, so every input decodes. */
uint32_t az_utf8_next(const char *s, size_t len, size_t *i);
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
